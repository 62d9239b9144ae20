"""The public API with the real detector: `vimednlp.deidentify`, `DeidResult`, audits, re-identification."""
from __future__ import annotations

import json

import pytest

import vimednlp
from vimednlp.deid import Deidentifier, DeidResult, deidentify, reidentify
from vimednlp.deid.audit import check_audit
from vimednlp.schema import Span

NOTE = ("Bệnh nhân Nguyễn Văn An, 45 tuổi, SĐT 0912 345 678, CCCD 001079012345, vào viện ngày 12/03/2024 "
        "vì đau ngực trái. Tiền sử tăng huyết áp, đang dùng Amlodipin 5mg.")
FOUND = ["Nguyễn Văn An", "0912 345 678", "001079012345", "12/03/2024"]


@pytest.fixture(scope="module")
def analyzer():
    from vimednlp.deid.analyzer import Analyzer

    return Analyzer(model=None)  # rules only: the same detector the default model builds on


def test_top_level_deidentify_with_the_detector(analyzer):
    res = vimednlp.deidentify(NOTE, analyzer=analyzer)
    assert isinstance(res, DeidResult)
    for ident in FOUND:
        assert ident not in res.text
    assert "tăng huyết áp" in res.text and "Amlodipin 5mg" in res.text  # clinical text stays
    labels = {s.label for s in res.spans}
    assert {"NAME", "PHONE", "ID", "DATE"} <= labels
    for s in res.spans:
        assert NOTE[s.start:s.end] == s.text
    assert res.spans == sorted(res.spans, key=lambda s: s.start)


def test_result_to_dict_is_json_and_round_trips(analyzer):
    res = deidentify(NOTE, "surrogate", key="khoa-thu-nghiem-api-2024", analyzer=analyzer, patient_id="P1")
    d = json.loads(json.dumps(res.to_dict(), ensure_ascii=False))
    back = DeidResult.from_dict(d)
    assert back.text == res.text and back.spans == res.spans and back.audit == res.audit
    for r in res.replacements:
        assert 0 <= r["start"] <= r["end"] <= len(res.text)


def test_audit_has_counts_and_offsets_but_no_text(analyzer):
    res = deidentify(NOTE, "tag", analyzer=analyzer, doc_id="doc-7")
    a = res.audit
    check_audit(a, FOUND)  # raises if any identifier or unexpected field is present
    assert a["id"] == "doc-7" and a["n_spans"] == len(res.spans)
    assert sum(a["counts"].values()) == len(res.spans)
    assert sum(a["recognizers"].values()) == len(res.spans)
    assert [(s["start"], s["end"]) for s in a["spans"]] == [(s.start, s.end) for s in res.spans]
    blob = json.dumps(a, ensure_ascii=False)
    assert "explanation" not in blob
    for ident in FOUND:
        assert ident not in blob


def test_reidentify_result_restores_the_text(analyzer, tmp_path):
    vault = str(tmp_path / "v.sqlite")
    res = deidentify(NOTE, "surrogate", key="khoa-thu-nghiem-api-2024", vault=vault, analyzer=analyzer, patient_id="P1")
    assert reidentify(res, "khoa-thu-nghiem-api-2024", vault=vault) == NOTE
    enc = deidentify(NOTE, "encrypt", key="khoa-thu-nghiem-api-2024", analyzer=analyzer)
    assert reidentify(enc.text, "khoa-thu-nghiem-api-2024") == NOTE
    tagged = deidentify(NOTE, "tag", analyzer=analyzer)
    assert reidentify(tagged, "khoa-thu-nghiem-api-2024") == tagged.text  # tags cannot be reversed


def test_engine_reuse_and_labels(analyzer):
    eng = Deidentifier("tag", labels=["PHONE", "ID"], analyzer=analyzer)
    res = eng(NOTE)
    assert {s.label for s in res.spans} == {"PHONE", "ID"}
    assert "Nguyễn Văn An" in res.text and "[PHONE]" in res.text


def test_explicit_spans_override_the_detector():
    res = deidentify("Chị Lan gọi lại.", "tag", spans=[Span(4, 7, "NAME")])
    assert res.text == "Chị [NAME] gọi lại." and res.spans[0].source == "given"
    res = deidentify("Chị Lan gọi lại.", "tag", spans=[{"start": 4, "end": 7, "label": "NAME"}])
    assert res.text == "Chị [NAME] gọi lại."


def test_detector_plus_every_operator_leaves_no_identifier_on_realistic_notes():
    """The acceptance line end to end: detector spans, every operator, 48 notes (incl. UPPER and
    no-diacritics variants) with gold identifiers; no gold identifier of 3+ characters survives."""
    import importlib.util
    import re
    from pathlib import Path

    from vimednlp.text.fold import fold_lower

    spec = importlib.util.spec_from_file_location("deid_notes", Path(__file__).with_name("test_operators_notes.py"))
    notes_mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(notes_mod)
    engines = {op: Deidentifier(op, key="khoa-thu-nghiem-api-2024") for op in ("tag", "mask", "redact", "hash", "encrypt", "surrogate")}
    left = []
    for name, text, gold in notes_mod.notes():
        found = engines["tag"](text).spans  # the default detector
        for op, eng in engines.items():
            out = fold_lower(eng(text, spans=found, patient_id=name).text)
            left += [(name, op, s.label) for s in gold if len(s.text) >= 3 and
                     re.search(r"(?<!\w)" + re.escape(fold_lower(s.text)) + r"(?!\w)", out)]
    assert left == []
