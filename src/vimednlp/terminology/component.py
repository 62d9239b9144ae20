"""spaCy component: attach ranked codes to DISEASE (ICD-10), DRUG (ATC) and TEST (LOINC) spans.

`span._.codes` = list of dicts {code, title, score, reason, system, term}, best first. Spans come from
`doc.spans["clinical"]` and `doc.ents`. A code written right after a mention (`Nhồi máu cơ tim (I21.9)`)
that exists in the store is put first with reason `code`.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..schema import register_extensions
from .expansion import get_disambiguator
from .search import Candidate, code

SYSTEM_BY_LABEL = {"DISEASE": "icd10", "DRUG": "drug", "TEST": "lab"}
_TRAILING_CODE = re.compile(r"^\s*[\(\[\-–:]?\s*([A-Z]\d{2}(?:\.\d{1,2})?)\b")
# a type written just after the mention changes the code (`đái tháo đường | típ 2` -> E11, not E14)
_TRAILING_TYPE = re.compile(r"^\s*(?:typ|típ|týp|tuýp|tuyp|type|thể)\s*(1|2|I|II)\b", re.IGNORECASE)


class Linker:
    def __init__(self, nlp: Language | None = None, name: str = "vimednlp_linker",
                 labels: list[str] | tuple[str, ...] = ("DISEASE", "DRUG", "TEST"), top_k: int = 5,
                 min_score: float = 0.0):
        unknown = [x for x in labels if x not in SYSTEM_BY_LABEL]
        if unknown:
            raise ValueError(f"the linker codes {sorted(SYSTEM_BY_LABEL)} spans, not {unknown}")
        if top_k < 1:
            raise ValueError("top_k must be >= 1")
        self.name = name
        self.labels = tuple(labels)
        self.top_k = top_k
        self.min_score = min_score
        register_extensions()

    def _written_code(self, doc: Doc, end: int) -> str | None:
        m = _TRAILING_CODE.match(doc.text[end:end + 16])
        return m.group(1) if m else None

    def __call__(self, doc: Doc) -> Doc:
        seen: dict[tuple[str, str, str | None, str | None], list[dict]] = {}
        # the line around a mention lets an abbreviation model choose an expansion (`RN` in an ECG line)
        use_context = get_disambiguator() is not None
        spans = list(doc.spans["clinical"]) if "clinical" in doc.spans else []
        spans += list(doc.ents)
        for span in spans:
            label = span.label_
            if label not in self.labels:
                continue
            system = SYSTEM_BY_LABEL[label]
            written = self._written_code(doc, span.end_char) if system == "icd10" else None
            query = span.text
            if system == "icd10":
                m = _TRAILING_TYPE.match(doc.text[span.end_char:span.end_char + 12])
                if m:
                    query = f"{query} type {m.group(1)}"
                if written:
                    query = f"{query} {written}"
            context = None
            if use_context:
                lo = doc.text.rfind("\n", 0, span.start_char) + 1
                hi = doc.text.find("\n", span.end_char)
                context = doc.text[lo:hi if hi >= 0 else len(doc.text)]
            key = (system, query, written, context)
            if key not in seen:
                cands: list[Candidate] = code(query, system=system, k=self.top_k, context=context)
                seen[key] = [c.to_dict() for c in cands if c.score >= self.min_score]
            span._.codes = [dict(c) for c in seen[key]]
        return doc

    def pipe(self, docs, batch_size: int = 64):
        for doc in docs:
            yield self(doc)
