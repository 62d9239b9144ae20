"""FHIR R4 export: one Bundle per `Document` with Condition, MedicationStatement and Observation entries.

Built with `fhir.resources` (its R4B models: the R4 technical correction, identical to R4 for these
resources), so every resource is validated as it is made.

Input: a `vimednlp.schema.Document` whose clinical spans carry assertion attributes (`negated`,
`uncertain`, `historical`, `family`, `hypothetical`) and ranked `codes` in `span.attrs` (as written by
the linker, or filled here with `link=True`).

Mapping (documented in docs/terminology.md):
- DISEASE -> Condition; verificationStatus: negated -> refuted, uncertain -> provisional, else confirmed.
  `family` mentions become FamilyMemberHistory; `hypothetical` ones are left out (nothing was asserted).
- DRUG -> MedicationStatement (status `not-taken` when negated, else `unknown`), coded with ATC.
- TEST -> Observation (status `final`), coded with LOINC, valueString = the nearest RESULT span after it.
  Vital signs (resources/terminology/vitals.tsv) carry the vital-signs category; blood pressure (85354-9)
  gets systolic (8480-6) and diastolic (8462-4) components read from its `120/80` result.
A code is written only when it is credible: its calibrated confidence reaches the abstain threshold of
`code()` and its score `min_score`; otherwise the concept carries its text alone (no code rather than a
wrong one).
No PHI goes into the bundle: the Patient resource carries only an opaque id.
"""
from __future__ import annotations

import re
import uuid
from typing import Any

from ..schema import Document, Span

ICD10_SYSTEM = "http://hl7.org/fhir/sid/icd-10"
ATC_SYSTEM = "http://www.whocc.no/atc"
LOINC_SYSTEM = "http://loinc.org"
VER_STATUS_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-category"
UCUM_SYSTEM = "http://unitsofmeasure.org"
OBS_CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category"
BP_PANEL, BP_SYSTOLIC, BP_DIASTOLIC = "85354-9", "8480-6", "8462-4"
VITAL_SIGNS = frozenset({BP_PANEL, BP_SYSTOLIC, BP_DIASTOLIC, "8867-4", "8310-5", "59408-5", "9279-1"})
_SYSTEM_OF = {ICD10_SYSTEM: "icd10", ATC_SYSTEM: "drug", LOINC_SYSTEM: "lab"}
_BP_VALUE = re.compile(r"(?<!\d)(\d{2,3})\s*/\s*(\d{2,3})(?!\d)")
_NS = uuid.UUID("6f1c0a52-8a57-4c47-9a0e-5a9a8c0d3f11")  # uuid5 namespace: stable ids for the same input


def verification_status(attrs: dict[str, Any]) -> str:
    """negated -> refuted, uncertain -> provisional, else confirmed."""
    if attrs.get("negated"):
        return "refuted"
    if attrs.get("uncertain"):
        return "provisional"
    return "confirmed"


def _credible(c: dict, min_score: float, system: str) -> bool:
    """A candidate dict is worth writing as a coding: score >= min_score and calibrated confidence at
    or above code()'s abstain threshold (computed from score and reason when the dict has none)."""
    from . import calibration

    score = float(c.get("score", 0))
    if score < min_score:
        return False
    conf = c.get("confidence")
    if conf is None:
        conf = calibration.confidence(score, str(c.get("reason", "tfidf")))
    return float(conf) >= calibration.threshold(system)


def _coding(system_uri: str, codes: list[dict] | None, min_score: float) -> list[dict]:
    out = []
    for c in (codes or [])[:1]:  # the best code or none: a lower candidate is not a coding of this mention
        code = str(c.get("code", ""))
        if not code or code.startswith("local:") or not _credible(c, min_score, _SYSTEM_OF[system_uri]):
            continue
        out.append({"system": system_uri, "code": code, "display": c.get("title") or None})
        break  # the best code only; alternatives are not codings of the same concept
    return out


def _cc(system_uri: str, span: Span, min_score: float) -> dict:
    cc: dict[str, Any] = {"text": span.text}
    coding = _coding(system_uri, span.attrs.get("codes"), min_score)
    if coding:
        cc["coding"] = [{k: v for k, v in c.items() if v is not None} for c in coding]
    return cc


def _nearest_result(span: Span, spans: list[Span], text: str, window: int = 60) -> Span | None:
    best = None
    for s in spans:
        if s.label != "RESULT" or s.start < span.end or s.start - span.end > window:
            continue
        if "\n" in text[span.end:s.start]:
            continue
        if best is None or s.start < best.start:
            best = s
    return best


def link_document(doc: Document, top_k: int = 5) -> Document:
    """Fill `attrs["codes"]` of DISEASE / DRUG / TEST spans that have none (in place; returns doc)."""
    from .search import code

    systems = {"DISEASE": "icd10", "DRUG": "drug", "TEST": "lab"}
    for s in doc.spans:
        if s.label in systems and not s.attrs.get("codes"):
            txt = s.text or doc.text[s.start:s.end]
            s.attrs["codes"] = [c.to_dict() for c in code(txt, system=systems[s.label], k=top_k)]
    return doc


def to_fhir_bundle(doc: Document, patient_id: str | None = None, link: bool = False,
                   min_score: float = 0.5, include_symptoms: bool = False):
    """A FHIR `Bundle` (type collection) for one document. Raises ValueError on spans that do not fit."""
    from fhir.resources.R4B.bundle import Bundle
    from fhir.resources.R4B.condition import Condition
    from fhir.resources.R4B.familymemberhistory import FamilyMemberHistory
    from fhir.resources.R4B.medicationstatement import MedicationStatement
    from fhir.resources.R4B.observation import Observation
    from fhir.resources.R4B.patient import Patient

    if not isinstance(doc, Document):
        raise TypeError(f"expected a vimednlp Document, got {type(doc).__name__}")
    doc.check()
    if link:
        link_document(doc)
    for s in doc.spans:
        if not s.text:
            s.text = doc.text[s.start:s.end]

    def uid(*parts: object) -> str:
        return "urn:uuid:" + str(uuid.uuid5(_NS, "|".join(map(str, (doc.id,) + parts))))

    pid = patient_id or str(uuid.uuid5(_NS, f"patient|{doc.id}"))
    patient_url = uid("patient", pid)
    subject = {"reference": patient_url}
    entries: list[dict] = [{"fullUrl": patient_url, "resource": Patient(id=pid)}]
    cond_labels = {"DISEASE", "SYMPTOM"} if include_symptoms else {"DISEASE"}
    for s in sorted(doc.spans, key=lambda x: (x.start, x.end)):
        a = s.attrs
        url = uid(s.start, s.end, s.label)
        if s.label in cond_labels:
            if a.get("hypothetical"):
                continue
            if a.get("family"):
                res = FamilyMemberHistory(
                    status="completed", patient=subject,
                    relationship={"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode",
                                              "code": "FAMMEMB", "display": "family member"}]},
                    condition=[{"code": _cc(ICD10_SYSTEM, s, min_score)}])
            else:
                vs = verification_status(a)
                res = Condition(
                    subject=subject,
                    code=_cc(ICD10_SYSTEM, s, min_score),
                    verificationStatus={"coding": [{"system": VER_STATUS_SYSTEM, "code": vs}]},
                    category=[{"coding": [{"system": CATEGORY_SYSTEM, "code": "encounter-diagnosis"}]}],
                    note=[{"text": "historical (tiền sử)"}] if a.get("historical") else None,
                )
        elif s.label == "DRUG":
            res = MedicationStatement(status="not-taken" if a.get("negated") else "unknown", subject=subject,
                                      medicationCodeableConcept=_cc(ATC_SYSTEM, s, min_score))
        elif s.label == "TEST":
            r = _nearest_result(s, doc.spans, doc.text)
            cc = _cc(LOINC_SYSTEM, s, min_score)
            loinc = cc["coding"][0]["code"] if cc.get("coding") else None
            extra: dict[str, Any] = {}
            if loinc in VITAL_SIGNS:
                extra["category"] = [{"coding": [{"system": OBS_CATEGORY_SYSTEM, "code": "vital-signs",
                                                  "display": "Vital Signs"}]}]
            bp = _BP_VALUE.search(r.text) if r is not None and loinc == BP_PANEL else None
            if bp:
                extra["component"] = [
                    {"code": {"coding": [{"system": LOINC_SYSTEM, "code": code, "display": name}]},
                     "valueQuantity": {"value": int(v), "unit": "mmHg", "system": UCUM_SYSTEM, "code": "mm[Hg]"}}
                    for code, name, v in ((BP_SYSTOLIC, "Systolic blood pressure", bp.group(1)),
                                          (BP_DIASTOLIC, "Diastolic blood pressure", bp.group(2)))]
            res = Observation(status="final", subject=subject, code=cc,
                              valueString=r.text if r is not None and not bp else None, **extra)
        else:
            continue
        entries.append({"fullUrl": url, "resource": res})
    return Bundle(type="collection", id=str(uuid.uuid5(_NS, f"bundle|{doc.id}")), entry=entries)


def to_fhir_json(doc: Document, **kw) -> str:
    return to_fhir_bundle(doc, **kw).model_dump_json(exclude_none=True)
