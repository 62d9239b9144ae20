"""Public corpora read as published: fixtures in each corpus's real layout (fixtures/published/, sentences written
for these tests, none from the corpora), with the quirks of the released files: ViMQ's lower-case labels and
nested spans, ViMedNER's Vietnamese tags and empty-token line, VietMed-NER's dataset.txt with outside tag "0"."""
from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from vimednlp.corpus import ErrorLog, RecordError, load_corpus, write
from vimednlp.corpus.loaders import published_labels, seeded_split
from vimednlp.schema import map_label

PUB = Path(__file__).parent / "fixtures" / "published"
VIMEDNER_TAGS = {"ten_benh", "trieu_chung_benh", "nguyen_nhan_benh", "bien_phap_chan_doan", "bien_phap_dieu_tri"}


def _accounted(docs) -> None:
    """Every record read is a document returned or a bad record counted; every span kept is counted."""
    rep = docs.report
    assert rep.total("records") == rep.total("documents") + rep.total("bad_records")
    assert rep.total("documents") == len(docs)
    assert rep.total("spans") == sum(len(d.spans) for d in docs) == sum(rep.labels.values())


def test_map_label_ignores_the_case_of_the_published_label():
    # ViMQ's files write `drug` and `medical_procedure`; a CoNLL written from them may carry either case
    assert map_label("drug", "vimq") == map_label("DRUG", "vimq") == "DRUG"
    assert map_label("medical_procedure", "vimq") == map_label("MEDICAL_PROCEDURE", "vimq") == "PROCEDURE"
    assert map_label("symptom_and_disease", "vimq") == "DISEASE"
    assert map_label("TEN_BENH", "vimedner") == map_label("ten_benh", "vimedner") == "DISEASE"
    assert map_label("bien_phap_chan_doan", "vimedner") == "TEST"
    assert map_label("ORGAN", "vietmed_ner") is None  # no vimednlp counterpart


def test_vimq_keeps_its_own_labels_and_skips_nested_spans_with_a_count(caplog):
    with caplog.at_level(logging.WARNING, logger="vimednlp.corpus.loaders"):
        docs = load_corpus("vimq", PUB / "vimq")
    assert [d.meta["split"] for d in docs] == ["train"] * 8 + ["dev"] + ["test"] * 2
    assert {s.label for d in docs for s in d.spans} == {"SYMPTOM_AND_DISEASE", "medical_procedure", "drug"}
    assert docs[0].text == "Bé 2 tuổi bị sốt cao và co giật có nguy hiểm không ?"  # word level: `_` read as a space
    # "tiêm" and "tiêm phòng cúm" are both medical_procedure in the file: IOB holds one, the longer is kept
    nested = docs[3]
    assert [(s.label, s.text) for s in nested.spans] == [
        ("SYMPTOM_AND_DISEASE", "Đau"), ("SYMPTOM_AND_DISEASE", "sưng gối"), ("medical_procedure", "tiêm phòng cúm")]
    rep = docs.report
    assert (rep.total("overlap_pairs"), rep.total("overlap_records"), rep.total("overlaps_skipped")) == (2, 2, 2)
    assert rep.files[0].overlaps_skipped == 2 and rep.files[0].path.endswith("train.json")
    assert any("train.json: 2 overlapping span pairs in 2 records" in r.getMessage() for r in caplog.records)
    assert "Đau" not in caplog.text and "sưng" not in caplog.text  # counts and file names only
    _accounted(docs)
    # kept on request (JSONL holds overlaps), still counted
    kept = load_corpus("vimq", PUB / "vimq", splits="train", overlaps="keep")
    assert len(kept[3].spans) == 4 and kept.report.total("overlaps_kept") == 2
    # and the records write to CoNLL with the published tags (no overlap left to stop the writer)
    out = PUB.parent / "_tmp_vimq_pub.conll"
    try:
        assert write(docs, out, level="word") == 11
        lines = out.read_text(encoding="utf-8").splitlines()
        assert "paracetamol B-drug" in lines and "nội_soi B-medical_procedure" in lines
    finally:
        out.unlink(missing_ok=True)


def test_mapping_to_vimednlp_labels_is_an_explicit_option():
    docs = load_corpus("vimq", PUB / "vimq", splits="train", map_labels=True)
    assert {s.label for d in docs for s in d.spans} == {"DISEASE", "PROCEDURE", "DRUG"}
    assert {s.attrs["orig_label"] for d in docs for s in d.spans} == {"SYMPTOM_AND_DISEASE", "medical_procedure",
                                                                        "drug"}
    assert docs.report.mapped and not docs.report.unmapped
    vm = load_corpus("vietmed_ner", PUB / "vietmed_ner", map_labels=True)
    # types with no counterpart stay as published, and the report says how many
    assert vm.report.unmapped == {"FOODDRINK": 3, "ORGAN": 1, "PERSONALCARE": 1}
    assert {"PROFESSION", "DRUG", "TEST", "PROCEDURE", "ORGAN"} <= {s.label for d in vm for s in d.spans}


def test_vimedner_published_conll_split_with_vietnamese_tags_and_an_empty_token():
    docs = load_corpus("vimedner", PUB / "vimedner")
    assert [(f.split, f.documents) for f in docs.report.files] == [("train", 8), ("dev", 1), ("test", 3)]
    assert {s.label for d in docs for s in d.spans} == VIMEDNER_TAGS
    first = docs[0]
    assert [(s.label, s.text) for s in first.spans] == [
        ("ten_benh", "tăng huyết áp"), ("trieu_chung_benh", "đau đầu"), ("trieu_chung_benh", "chóng mặt")]
    # the sentence whose first line has an empty token (` O`): read, the token left out and counted
    empty = docs[4]
    assert empty.text == "viêm phổi thường gây sốt và ho có đờm ."
    assert [(s.label, s.text) for s in empty.spans] == [
        ("ten_benh", "viêm phổi"), ("trieu_chung_benh", "sốt"), ("trieu_chung_benh", "ho có đờm")]
    assert docs.report.files[0].empty_tokens == 1 and docs.report.total("empty_tokens") == 1
    _accounted(docs)
    assert set(published_labels("vimedner")) >= VIMEDNER_TAGS
    # one split on its own; the tag alone on its line is the same empty token
    only = load_corpus("vimedner", PUB / "vimedner", splits="test", map_labels=True)
    assert [s.label for s in only[2].spans] == ["PROCEDURE", "DISEASE"]


def test_vimedner_conll_bad_lines_name_file_and_line(tmp_path):
    good = (PUB / "vimedner" / "test.txt").read_text(encoding="utf-8")
    (tmp_path / "train.txt").write_text("O\nho B-trieu_chung_benh\n\n" + "sốt B-trieu_chung_benh\ncao X-benh\n\n" + good,
                                        encoding="utf-8")
    with pytest.raises(RecordError, match=r"train\.txt:line 5: not an IOB tag"):
        load_corpus("vimedner", tmp_path, splits="train")
    log = ErrorLog()
    docs = load_corpus("vimedner", tmp_path, splits="train", on_error="skip", errors=log)
    assert [e.line for e in log.errors] == [5] and len(docs) == 4
    assert docs[0].text == "ho" and docs.report.files[0].empty_tokens == 1  # `O` alone: an empty token
    assert docs.report.total("bad_records") == 1
    _accounted(docs)


def test_vietmed_ner_github_dataset_txt_with_outside_tag_zero():
    docs = load_corpus("vietmed_ner", PUB / "vietmed_ner")  # the folder holding dataset.txt, or the file itself
    assert len(docs) == 10 and {d.meta["split"] for d in docs} == {"all"}
    assert [(s.label, s.text) for s in docs[0].spans] == [
        ("OCCUPATION", "bác sĩ"), ("GENDER", "mẹ"), ("AGE", "sáu mươi tuổi"), ("DISEASESYMTOM", "tiểu đường")]
    # B- after B- of one type: two entities ("ông", "bà")
    assert [(s.label, s.text) for s in docs[3].spans][:2] == [("GENDER", "ông"), ("GENDER", "bà")]
    assert not any(s.label in ("0", "O") for d in docs for s in d.spans)
    _accounted(docs)
    same = load_corpus("vietmed_ner", PUB / "vietmed_ner" / "dataset.txt")
    assert [(d.text, d.spans) for d in same] == [(d.text, d.spans) for d in docs]
    with pytest.raises(FileNotFoundError, match="no split"):
        load_corpus("vietmed_ner", PUB / "vietmed_ner", splits="train")
    parts = seeded_split(list(docs), seed=3)
    assert [len(v) for v in parts.values()] == [8, 1, 1] and parts == seeded_split(list(docs), seed=3)


def test_vietmed_ner_dataset_txt_bad_lines_are_reported(tmp_path):
    lines = (PUB / "vietmed_ner" / "dataset.txt").read_text(encoding="utf-8").splitlines()
    bad_len = json.dumps(["ho", "khan"]) + "\t" + json.dumps(["B-DISEASESYMTOM"])
    (tmp_path / "dataset.txt").write_text("\n".join([lines[0], bad_len, "[\"ho\"", lines[1]]) + "\n", encoding="utf-8")
    with pytest.raises(RecordError, match=r"dataset\.txt:line 2: 2 tokens but 1 tags"):
        load_corpus("vietmed_ner", tmp_path)
    log = ErrorLog()
    docs = load_corpus("vietmed_ner", tmp_path, on_error="skip", errors=log)
    assert [e.line for e in log.errors] == [2, 3] and len(docs) == 2
    assert all("khan" not in str(e) for e in log.errors)
    _accounted(docs)


def test_unknown_options_are_refused():
    with pytest.raises(ValueError, match="overlaps must be one of"):
        load_corpus("vimq", PUB / "vimq", overlaps="merge")
    with pytest.raises(FileNotFoundError, match="no ViMedNER split"):
        load_corpus("vimedner", PUB / "vimq")
