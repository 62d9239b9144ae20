"""Label sets, Span / Document records, assertion attributes and label maps to public corpora.

Offsets are code points into the original input text (DESIGN §3). UTF-16 offsets exist only at the
Label Studio boundary (`vimednlp.annotation`).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterable

SCHEMA_VERSION = "1.0"

# --- PHI (what de-identification removes) ---------------------------------------------------------
PHI_LABELS: tuple[str, ...] = (
    "NAME", "AGE", "DATE", "PHONE", "EMAIL", "URL", "IP", "ID",
    "LOCATION", "ORGANIZATION", "PROFESSION", "GENDER", "TRANSPORT",
)
# Quasi-identifiers that de-identification leaves alone unless asked.
OPT_IN_PHI_LABELS: tuple[str, ...] = ("GENDER", "TRANSPORT")
DEFAULT_DEID_LABELS: tuple[str, ...] = tuple(x for x in PHI_LABELS if x not in OPT_IN_PHI_LABELS)
ID_KINDS: tuple[str, ...] = (
    "cccd", "cmnd", "bhyt", "bhxh", "mrn", "admission", "passport", "plate", "bank",
    "patient_code", "serial", "other",
)

# --- clinical -------------------------------------------------------------------------------------
CLINICAL_LABELS: tuple[str, ...] = ("DISEASE", "SYMPTOM", "DRUG", "DOSAGE", "TEST", "RESULT", "PROCEDURE")
ASSERTION_LABELS: tuple[str, ...] = ("DISEASE", "SYMPTOM")
ASSERTIONS: tuple[str, ...] = ("negated", "uncertain", "historical", "family", "hypothetical")

ALL_LABELS: tuple[str, ...] = PHI_LABELS + CLINICAL_LABELS

LABEL_DESCRIPTIONS: dict[str, str] = {
    "NAME": "any person: patient, relative, clinician (the name, not the title or kinship cue)",
    "AGE": "an age with its unit: 45 tuổi, 45t, 8 tháng tuổi",
    "DATE": "dates and date parts tied to a person or event; times that come with a date",
    "PHONE": "phone and fax numbers",
    "EMAIL": "e-mail addresses",
    "URL": "web addresses",
    "IP": "IP addresses",
    "ID": "identifiers: CCCD, CMND, BHYT, record numbers, passports, plates, bank accounts, patient codes",
    "LOCATION": "addresses and places below country level, old and post-2025 administrative units",
    "ORGANIZATION": "hospitals, health stations, employers, schools",
    "PROFESSION": "the person's occupation",
    "GENDER": "the person's gender (quasi-identifier, opt-in)",
    "TRANSPORT": "vehicles and trips that identify a person: flight numbers, bus routes (opt-in)",
    "DISEASE": "diseases and diagnoses",
    "SYMPTOM": "symptoms and clinical signs",
    "DRUG": "drugs: active ingredients and brand names",
    "DOSAGE": "strength, dose, frequency, route",
    "TEST": "lab tests, imaging and other investigations",
    "RESULT": "the value or finding of a test",
    "PROCEDURE": "procedures, surgery, interventions",
}


@dataclass
class Span:
    """A labelled character span. `start`/`end` are code-point offsets into the document text."""

    start: int
    end: int
    label: str
    text: str = ""
    source: str = ""
    score: float = 1.0
    attrs: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.start, int) or not isinstance(self.end, int):
            raise TypeError(f"Span offsets must be integers, got start={self.start!r} end={self.end!r}")
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"Span offsets out of order: start={self.start} end={self.end}")

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end, "label": self.label, "text": self.text}
        if self.source:
            d["source"] = self.source
        if self.score != 1.0:
            d["score"] = self.score
        if self.attrs:
            d["attrs"] = self.attrs
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Span":
        try:
            return cls(
                start=d["start"], end=d["end"], label=d["label"], text=d.get("text", ""),
                source=d.get("source", ""), score=d.get("score", 1.0), attrs=dict(d.get("attrs") or {}),
            )
        except KeyError as e:
            raise ValueError(f"span record lacks the field {e.args[0]!r}") from None

    def check(self, text: str) -> None:
        """Raise ValueError if the span does not fit `text` (offsets out of range or text mismatch)."""
        if self.end > len(text):
            raise ValueError(f"span {self.start}-{self.end} ({self.label}) ends past the text (length {len(text)})")
        if self.text and text[self.start:self.end] != self.text:
            raise ValueError(f"span {self.start}-{self.end} ({self.label}): its text does not match the document")


@dataclass
class Document:
    """One document: text, spans and metadata. The standard corpus record (one JSON line)."""

    id: str
    text: str
    spans: list[Span] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "spans": [s.to_dict() for s in self.spans],
            "meta": self.meta,
            "schema_version": self.schema_version,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Document":
        if not isinstance(d, dict):
            raise ValueError(f"a document record must be a JSON object, got {type(d).__name__}")
        for key in ("id", "text"):
            if key not in d:
                raise ValueError(f"document record lacks the field {key!r}")
        if not isinstance(d["text"], str):
            raise ValueError("document field 'text' must be a string")
        return cls(
            id=str(d["id"]),
            text=d["text"],
            spans=[Span.from_dict(s) for s in d.get("spans") or []],
            meta=dict(d.get("meta") or {}),
            schema_version=str(d.get("schema_version", SCHEMA_VERSION)),
        )

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> "Document":
        return cls.from_dict(json.loads(line))

    def check(self) -> None:
        """Raise ValueError naming the first span that does not fit the text."""
        for s in self.spans:
            s.check(self.text)

    def with_span_text(self) -> "Document":
        """Fill each span's `text` from the document text (in place) and return self."""
        for s in self.spans:
            s.text = self.text[s.start:s.end]
        return self


def sort_spans(spans: Iterable[Span]) -> list[Span]:
    return sorted(spans, key=lambda s: (s.start, -s.end, s.label))


# --- label maps to and from public schemas -------------------------------------------------------
# Each maps the public label to ours. A value may be a tuple when one public label covers two of ours;
# the first is the default and the original label is kept in `attrs["orig_label"]` by the loaders.
LABEL_MAPS: dict[str, dict[str, str | tuple[str, ...]]] = {
    "phoner_covid19": {
        "PATIENT_ID": "ID",
        "NAME": "NAME",
        "AGE": "AGE",
        "GENDER": "GENDER",
        "JOB": "PROFESSION",
        "LOCATION": "LOCATION",
        "ORGANIZATION": "ORGANIZATION",
        "DATE": "DATE",
        "SYMPTOM_AND_DISEASE": ("DISEASE", "SYMPTOM"),
        "TRANSPORTATION": "TRANSPORT",
    },
    # ViMQ (medical questions): intent-free span labels
    "vimq": {
        "SYMPTOM_AND_DISEASE": ("DISEASE", "SYMPTOM"),
        "MEDICAL_PROCEDURE": ("PROCEDURE", "TEST"),
        "MEDICINE": "DRUG",
        "DRUG": "DRUG",  # the released files write `drug`, `medical_procedure`: `map_label` ignores case
    },
    # ViMedNER (Vietnamese medical NER, 5 types): the doccano export's English names, then the published
    # CoNLL split's Vietnamese tags (disease name, symptom, cause, diagnostic measure, treatment measure)
    "vimedner": {
        "DISEASE": "DISEASE",
        "SYMPTOM": "SYMPTOM",
        "CAUSE": "DISEASE",
        "DIAGNOSTIC": "TEST",
        "TREATMENT": ("PROCEDURE", "DRUG"),
        "ten_benh": "DISEASE",
        "trieu_chung_benh": "SYMPTOM",
        "nguyen_nhan_benh": "DISEASE",
        "bien_phap_chan_doan": "TEST",
        "bien_phap_dieu_tri": ("PROCEDURE", "DRUG"),
    },
    # VietMed-NER (spoken medical conversations, 18 types); types with no counterpart (ORGAN, FOODDRINK,
    # PERSONALCARE) are absent: `map_label` gives None for them.
    "vietmed_ner": {
        "AGE": "AGE",
        "GENDER": "GENDER",
        "JOB": "PROFESSION",
        "OCCUPATION": "PROFESSION",  # the GitHub dataset.txt's name for JOB
        "LOCATION": "LOCATION",
        "ORGANIZATION": "ORGANIZATION",
        "DATETIME": "DATE",
        "DISEASESYMTOM": ("DISEASE", "SYMPTOM"),
        "DISEASESYMPTOM": ("DISEASE", "SYMPTOM"),
        "DRUGCHEMICAL": "DRUG",
        "DIAGNOSTICS": "TEST",
        "SURGERY": "PROCEDURE",
        "MEDDEVICETECHNIQUE": "PROCEDURE",
        "TREATMENT": "PROCEDURE",
        "PREVENTIVEMED": "PROCEDURE",
        "UNITCALIBRATOR": "DOSAGE",
        "TRANSPORTATION": "TRANSPORT",
    },
}

# Our label -> the public label used when writing back to that schema.
REVERSE_LABEL_MAPS: dict[str, dict[str, str]] = {}
for _name, _table in LABEL_MAPS.items():
    _rev: dict[str, str] = {}
    for _pub, _ours in _table.items():
        for _o in (_ours if isinstance(_ours, tuple) else (_ours,)):
            _rev.setdefault(_o, _pub)
    REVERSE_LABEL_MAPS[_name] = _rev
# the same tables keyed by the case-folded public label: `map_label` ignores the case a file writes labels in
_FOLDED_MAPS: dict[str, dict[str, str | tuple[str, ...]]] = {
    _name: {_pub.casefold(): _ours for _pub, _ours in _table.items()} for _name, _table in LABEL_MAPS.items()}


def map_label(label: str, source: str) -> str | None:
    """Map a public corpus label to ours (the default one when ambiguous); None when it has no counterpart.
    The public label's case does not matter (`drug`, `DRUG`)."""
    table = LABEL_MAPS.get(source)
    if table is None:
        raise KeyError(f"unknown label source {source!r}; known: {', '.join(sorted(LABEL_MAPS))}")
    ours = table.get(label)
    if ours is None:  # corpora differ in case (ViMQ: `drug`, `medical_procedure`; ViMedNER: `ten_benh`)
        ours = _FOLDED_MAPS[source].get(label.casefold())
    if isinstance(ours, tuple):
        return ours[0]
    return ours


def unmap_label(label: str, source: str, orig: str | None = None) -> str | None:
    """Our label back to the public one; `orig` (kept in attrs by loaders) wins when given."""
    if orig:
        return orig
    return REVERSE_LABEL_MAPS[source].get(label)


# --- spaCy extension attributes -------------------------------------------------------------------
SPAN_EXTENSIONS: dict[str, Any] = {
    **{a: False for a in ASSERTIONS},
    "section": None,
    "codes": None,      # list[dict(code, title, score, system)]
    "source": None,     # which recognizer / matcher produced the span
    "score": None,
    "attrs": None,      # dict: free attributes, e.g. ID kind, explanation
}


# medspaCy's names for the same attributes (read and write the attribute on the right; never serialized twice)
SPAN_ALIASES: dict[str, str] = {
    "is_negated": "negated", "is_uncertain": "uncertain", "is_historical": "historical",
    "is_family": "family", "is_hypothetical": "hypothetical", "section_category": "section",
}


def _alias_get(target: str, span):
    return span._.get(target)


def _alias_set(target: str, span, value) -> None:
    span._.set(target, value)


def _alias(target: str):
    # module-level functions (not lambdas): spaCy pickles the extensions for nlp.pipe(n_process=...) under spawn
    from functools import partial

    return partial(_alias_get, target), partial(_alias_set, target)


def register_extensions() -> None:
    """Register `Span._.negated` ... on spaCy (idempotent). Imported lazily: schema stays spaCy-free."""
    from spacy.tokens import Doc, Span as SpacySpan, Token

    for name, default in SPAN_EXTENSIONS.items():
        if not SpacySpan.has_extension(name):
            SpacySpan.set_extension(name, default=default)
    for name, target in SPAN_ALIASES.items():
        if not SpacySpan.has_extension(name):   # medspaCy, when loaded first, keeps its own
            getter, setter = _alias(target)
            SpacySpan.set_extension(name, getter=getter, setter=setter)
    if not Doc.has_extension("audit"):
        Doc.set_extension("audit", default=None)
    if not Doc.has_extension("offset_map"):
        Doc.set_extension("offset_map", default=None)
    if not Token.has_extension("word"):
        # index of the segmented word the syllable belongs to (underthesea), or None
        Token.set_extension("word", default=None)
