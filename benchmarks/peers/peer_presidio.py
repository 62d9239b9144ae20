"""Presidio analyzer with its default recognizers on a blank spaCy pipeline (no language model)."""
import tempfile

from peer_io import main

LABELS = {
    "PERSON": "NAME", "PHONE_NUMBER": "PHONE", "EMAIL_ADDRESS": "EMAIL", "IP_ADDRESS": "IP", "URL": "URL",
    "DATE_TIME": "DATE", "LOCATION": "LOCATION", "NRP": "PROFESSION", "ORGANIZATION": "ORGANIZATION",
}


def load():
    import tldextract

    # no network: use the suffix list bundled with tldextract instead of fetching it
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
    import spacy
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    # Presidio loads spaCy models by name or path; a saved blank pipeline is the only offline choice.
    path = tempfile.mkdtemp(prefix="presidio-blank-")
    spacy.blank("en").to_disk(path)
    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": path}])
    return AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])


def detect(det, text):
    return [(r.start, r.end, LABELS.get(r.entity_type, "ID")) for r in det.analyze(text=text, language="en")]


if __name__ == "__main__":
    main("presidio", load, detect)
