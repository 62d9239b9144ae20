"""FHIR R4 bundles: validation with fhir.resources and assertion -> verificationStatus mapping."""
from __future__ import annotations

import json

import pytest
from fhir.resources.R4B.bundle import Bundle

from vimednlp.schema import Document, Span
from vimednlp.terminology.fhir import to_fhir_bundle, to_fhir_json, verification_status

TEXT = ("Chẩn đoán: tăng huyết áp. Không có đái tháo đường. Nghi viêm phổi. Tiền sử lao phổi. "
        "Mẹ bị ung thư vú. Nếu sốt cao thì tái khám. Dùng Amlodipin 5mg, không dùng Aspirin. Glucose máu 7,8 mmol/L.")


def _doc():
    spans = []
    for s, label, attrs in [
        ("tăng huyết áp", "DISEASE", {}), ("đái tháo đường", "DISEASE", {"negated": True}),
        ("viêm phổi", "DISEASE", {"uncertain": True}), ("lao phổi", "DISEASE", {"historical": True}),
        ("ung thư vú", "DISEASE", {"family": True}), ("sốt cao", "SYMPTOM", {"hypothetical": True}),
        ("Amlodipin", "DRUG", {}), ("Aspirin", "DRUG", {"negated": True}), ("Glucose máu", "TEST", {}),
        ("7,8 mmol/L", "RESULT", {}),
    ]:
        i = TEXT.index(s)
        spans.append(Span(i, i + len(s), label, s, attrs=dict(attrs)))
    return Document("note-1", TEXT, spans)


def test_verification_status_mapping():
    assert verification_status({"negated": True, "uncertain": True}) == "refuted"
    assert verification_status({"uncertain": True}) == "provisional"
    assert verification_status({}) == "confirmed"


def test_bundle_validates_and_maps_assertions(vi_cache):
    bundle = to_fhir_bundle(_doc(), link=True)
    again = Bundle.model_validate_json(bundle.model_dump_json())   # round trip through the validator
    assert again.type == "collection"
    res = [e.resource for e in bundle.entry]
    kinds = [r.__resource_type__ for r in res]
    assert kinds.count("Patient") == 1 and kinds.count("Condition") == 4
    assert "FamilyMemberHistory" in kinds and kinds.count("MedicationStatement") == 2
    conds = {r.code.text: r for r in res if r.__resource_type__ == "Condition"}
    status = {t: c.verificationStatus.coding[0].code for t, c in conds.items()}
    assert status == {"tăng huyết áp": "confirmed", "đái tháo đường": "refuted", "viêm phổi": "provisional",
                      "lao phổi": "confirmed"}
    i10 = conds["tăng huyết áp"].code.coding[0]
    assert (i10.system, i10.code) == ("http://hl7.org/fhir/sid/icd-10", "I10")
    assert conds["viêm phổi"].code.coding[0].code.startswith("J18")
    meds = {r.medicationCodeableConcept.text: r for r in res if r.__resource_type__ == "MedicationStatement"}
    assert meds["Aspirin"].status == "not-taken" and meds["Amlodipin"].status == "unknown"
    assert meds["Amlodipin"].medicationCodeableConcept.coding[0].code == "C08CA01"
    obs = next(r for r in res if r.__resource_type__ == "Observation")
    assert obs.valueString == "7,8 mmol/L" and obs.code.coding[0].system == "http://loinc.org"
    assert all(r.subject.reference == bundle.entry[0].fullUrl for r in res if hasattr(r, "subject") and r.subject)
    # no PHI: the patient has nothing but an opaque id
    patient = json.loads(bundle.entry[0].resource.model_dump_json(exclude_none=True))
    assert set(patient) == {"resourceType", "id"}
    # same input, same ids
    assert to_fhir_json(_doc(), link=True) == bundle.model_dump_json(exclude_none=True)


def test_bad_input():
    with pytest.raises(TypeError):
        to_fhir_bundle({"text": "x"})
    with pytest.raises(ValueError):
        to_fhir_bundle(Document("d", "ngắn", [Span(0, 50, "DISEASE")]))


VITALS = ("Sinh hiệu: Mạch 96 l/p, HA 150/90 mmHg, Nhiệt độ 38,2 độ C, SpO2 94%, Nhịp thở 24 l/p. "
          "Biến chứng thận chưa rõ. Chỉ số ABCD bất thường.")


def _vitals_doc():
    spans = []
    for s, label in [("Mạch", "TEST"), ("96 l/p", "RESULT"), ("HA", "TEST"), ("150/90 mmHg", "RESULT"),
                     ("Nhiệt độ", "TEST"), ("38,2 độ C", "RESULT"), ("SpO2", "TEST"), ("94%", "RESULT"),
                     ("Nhịp thở", "TEST"), ("24 l/p", "RESULT"), ("Biến chứng thận", "DISEASE"),
                     ("Chỉ số ABCD", "TEST")]:
        i = VITALS.index(s)
        spans.append(Span(i, i + len(s), label, s))
    return Document("vitals-1", VITALS, spans)


def test_vital_signs_get_their_loinc_codes(vi_cache):
    bundle = to_fhir_bundle(_vitals_doc(), link=True)
    obs = {r.code.text: r for r in (e.resource for e in bundle.entry) if r.__resource_type__ == "Observation"}
    loinc = {t: (o.code.coding[0].system, o.code.coding[0].code) for t, o in obs.items() if o.code.coding}
    lo = "http://loinc.org"
    assert loinc == {"Mạch": (lo, "8867-4"), "HA": (lo, "85354-9"), "Nhiệt độ": (lo, "8310-5"),
                     "SpO2": (lo, "59408-5"), "Nhịp thở": (lo, "9279-1")}
    bp = obs["HA"]
    comps = {c.code.coding[0].code: (float(c.valueQuantity.value), c.valueQuantity.code) for c in bp.component}
    assert comps == {"8480-6": (150.0, "mm[Hg]"), "8462-4": (90.0, "mm[Hg]")}
    assert bp.category[0].coding[0].code == "vital-signs" and obs["Mạch"].valueString == "96 l/p"


def test_a_low_confidence_mention_gets_no_code(vi_cache):
    bundle = to_fhir_bundle(_vitals_doc(), link=True)
    res = [e.resource for e in bundle.entry]
    unknown = next(r for r in res if r.__resource_type__ == "Observation" and r.code.text == "Chỉ số ABCD")
    assert not unknown.code.coding            # text only: no code rather than a wrong one
    cond = next(r for r in res if r.__resource_type__ == "Condition")
    assert cond.code.text == "Biến chứng thận" and not cond.code.coding
    # codes linked earlier with every candidate kept: the low one is still not written
    doc = _vitals_doc()
    for s in doc.spans:
        if s.text == "Chỉ số ABCD":
            s.attrs["codes"] = [{"code": "58410-2", "title": "CBC", "score": 0.56, "reason": "tfidf"}]
    again = to_fhir_bundle(doc, link=True)
    obs = next(e.resource for e in again.entry
               if e.resource.__resource_type__ == "Observation" and e.resource.code.text == "Chỉ số ABCD")
    assert not obs.code.coding
