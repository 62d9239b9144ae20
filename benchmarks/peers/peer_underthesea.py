"""underthesea's CRF NER: PER/LOC/ORG counted as identifiers (NAME/LOCATION/ORGANIZATION)."""
from peer_io import main

LABELS = {"PER": "NAME", "LOC": "LOCATION", "ORG": "ORGANIZATION"}


def load():
    from underthesea import ner

    return ner


def detect(ner, text):
    # underthesea returns words without offsets: align them back to the text in order
    spans, pos, cur = [], 0, None
    for line_start, line in _lines(text):
        if not line.strip():
            continue
        for word, _pos, _chunk, tag in ner(line):
            i = line.find(word, pos - line_start if pos > line_start else 0)
            if i < 0:
                continue
            s, e = line_start + i, line_start + i + len(word)
            pos = e
            label = LABELS.get(tag[2:]) if tag != "O" else None
            if label and tag.startswith("B-") or (label and (cur is None or cur[2] != label)):
                if cur:
                    spans.append(cur)
                cur = (s, e, label)
            elif label and cur:
                cur = (cur[0], e, label)
            else:
                if cur:
                    spans.append(cur)
                cur = None
        if cur:
            spans.append(cur)
            cur = None
    return spans


def _lines(text):
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


if __name__ == "__main__":
    main("underthesea", load, detect)
