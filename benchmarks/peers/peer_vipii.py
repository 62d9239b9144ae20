"""vipii (Presidio-based Vietnamese PII, PyPI) with its built-in recognizers and default NLP engine."""
from peer_io import main

LABELS = {
    "PERSON": "NAME", "PER": "NAME", "NAME": "NAME",
    "PHONE_NUMBER": "PHONE", "EMAIL_ADDRESS": "EMAIL", "IP_ADDRESS": "IP",
    "DATE_OF_BIRTH": "DATE", "DATE_TIME": "DATE",
    "LOCATION": "LOCATION", "ADDRESS": "LOCATION", "ORGANIZATION": "ORGANIZATION",
}


def load():
    from vipii import PIIDetector

    return PIIDetector()


def detect(det, text):
    return [(m.start, m.end, LABELS.get(m.label, "ID")) for m in det.detect(text)]


if __name__ == "__main__":
    main("vipii", load, detect)
