"""Loaders on tiny fixtures in the published formats (sentences written for these tests), and unit checks."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from vimednlp.corpus import ErrorLog, RecordError, from_utf16, guess_format, load_corpus, read, to_utf16, write
from vimednlp.corpus.brat import document_to_ann
from vimednlp.corpus.iob import iob_to_token_spans, token_spans_to_iob
from vimednlp.schema import Document, Span

FIX = Path(__file__).parent / "fixtures"


def test_vimq_loader_maps_labels_and_keeps_word_segmentation():
    docs = load_corpus("vimq", FIX / "vimq", level="word", map_labels=True)
    assert [d.meta["split"] for d in docs] == ["train"] * 3 + ["dev"] + ["test"] * 2
    d = docs[0]
    assert d.text == "Bé 3 tuổi bị sốt cao và ho khan kéo dài có nguy hiểm không ?"
    assert [(s.label, s.text, s.attrs["orig_label"]) for s in d.spans] == [
        ("DISEASE", "sốt cao", "SYMPTOM_AND_DISEASE"), ("DISEASE", "ho khan", "SYMPTOM_AND_DISEASE")]
    assert d.meta["intent"] == "severity"
    drug = docs[1].spans[0]
    assert (drug.label, drug.text, drug.attrs["orig_label"]) == ("DRUG", "paracetamol", "drug")
    proc = docs[2].spans[0]
    assert (proc.label, proc.text) == ("PROCEDURE", "chụp X-quang phổi")
    # word level writes the segmented words back
    out = FIX.parent / "_tmp_vimq.conll"
    try:
        write(docs[:1], out, level="word")
        assert out.read_text(encoding="utf-8").split("\n")[4] == "sốt_cao B-SYMPTOM_AND_DISEASE"
    finally:
        out.unlink(missing_ok=True)
    for d in docs:
        d.check()


def test_vimedner_loader():
    docs = load_corpus("vimedner", FIX / "vimedner.jsonl", map_labels=True)
    assert len(docs) == 4 and docs[0].id == "vimedner-101"
    got = [(s.label, s.text, s.attrs["orig_label"]) for s in docs[1].spans]
    assert got == [("TEST", "siêu âm tim", "DIAGNOSTIC"), ("TEST", "xét nghiệm máu", "DIAGNOSTIC"),
                   ("DISEASE", "suy tim", "DISEASE")]
    assert docs[2].spans[0].label == "DISEASE" and docs[2].spans[0].attrs["orig_label"] == "CAUSE"
    assert docs[3].spans[0].label == "PROCEDURE" and docs[3].spans[0].text == "kháng sinh"


def test_vimedner_loader_reports_bad_lines(tmp_path):
    p = tmp_path / "v.jsonl"
    good = (FIX / "vimedner.jsonl").read_text(encoding="utf-8").splitlines()
    p.write_text("\n".join([good[0], "{broken", '{"id": 9, "text": "ho", "label": [[0, 40, "SYMPTOM"]]}', good[1]])
                 + "\n", encoding="utf-8")
    with pytest.raises(RecordError, match="line 2"):
        load_corpus("vimedner", p)
    log = ErrorLog()
    docs = load_corpus("vimedner", p, on_error="skip", errors=log)
    assert len(docs) == 2 and [e.line for e in log.errors] == [2, 3]


def test_vietmed_ner_loader_jsonl_and_parquet(tmp_path):
    docs = load_corpus("vietmed_ner", FIX / "vietmed_ner", map_labels=True)
    assert [d.meta["split"] for d in docs] == ["train", "train", "validation", "test"]
    got = [(s.label, s.text, s.attrs["orig_label"]) for s in docs[0].spans]
    assert got == [("AGE", "ba mươi tuổi", "AGE"), ("DISEASE", "tiểu đường type hai", "DISEASESYMTOM")]
    assert [(s.label, s.text) for s in docs[1].spans] == [("DRUG", "metformin"), ("DOSAGE", "hai viên")]
    # the Hugging Face export: parquet with integer tags and ClassLabel names in its schema
    from datasets import ClassLabel, Dataset, Features, Sequence, Value

    names = ["O", "B-AGE", "I-AGE", "B-JOB", "I-JOB", "B-LOCATION", "I-LOCATION"]
    feats = Features({"words": Sequence(Value("string")), "tags": Sequence(ClassLabel(names=names))})
    rows = [json.loads(x) for x in (FIX / "vietmed_ner" / "validation.jsonl").read_text(encoding="utf-8").splitlines()]
    d = tmp_path / "data"
    d.mkdir()
    for split in ("train", "validation", "test"):
        Dataset.from_list([{"words": r["words"], "tags": [names.index(t) for t in r["tags"]]} for r in rows],
                          features=feats).to_parquet(str(d / f"{split}-00000-of-00001.parquet"))
    pq = load_corpus("vietmed_ner", tmp_path, splits="validation", map_labels=True)
    assert [(s.label, s.text) for s in pq[0].spans] == [("PROFESSION", "giáo viên"), ("LOCATION", "quận ba")]


def test_unknown_corpus_and_missing_path():
    with pytest.raises(ValueError, match="unknown corpus"):
        load_corpus("vlsp2016", FIX)
    with pytest.raises(FileNotFoundError, match="never bundled"):
        load_corpus("phoner_covid19", FIX / "nowhere")


def test_iob_schemes_on_a_sentence():
    tags = ["B-NAME", "I-NAME", "O", "I-AGE", "I-AGE", "B-AGE", "O", "S-DATE", "B-LOC", "E-LOC"]
    # lenient reading: an I- that does not continue a span starts one (conlleval)
    assert iob_to_token_spans(tags, "BIOES") == [(0, 2, "NAME"), (3, 5, "AGE"), (5, 6, "AGE"), (7, 8, "DATE"),
                                                 (8, 10, "LOC")]
    spans = [(0, 2, "NAME"), (3, 5, "AGE"), (5, 6, "AGE")]
    assert token_spans_to_iob(7, spans, "IOB1") == ["I-NAME", "I-NAME", "O", "I-AGE", "I-AGE", "B-AGE", "O"]
    assert token_spans_to_iob(7, spans, "BIOES") == ["B-NAME", "E-NAME", "O", "B-AGE", "E-AGE", "S-AGE", "O"]
    with pytest.raises(ValueError, match="overlaps"):
        token_spans_to_iob(4, [(0, 2, "A"), (1, 3, "B")])


def test_utf16_boundary_functions():
    text = "Bé 😷 sốt 𠀀 ho"
    # "😷" and "𠀀" take two UTF-16 units each
    assert to_utf16(text, 3) == 3 and to_utf16(text, 4) == 5 and to_utf16(text, len(text)) == len(text) + 2
    assert from_utf16(text, 5) == 4 and from_utf16(text, len(text) + 2) == len(text)
    with pytest.raises(ValueError, match="surrogate pair"):
        from_utf16(text, 4)
    with pytest.raises(ValueError, match="outside"):
        to_utf16(text, 99)


def test_brat_span_across_a_line_break_is_written_as_fragments(tmp_path):
    text = "Chẩn đoán: viêm\nphổi cộng đồng.\r\nTái khám sau 7 ngày."
    doc = Document("note-1", text, [Span(11, 30, "DISEASE", text[11:30], attrs={"negated": True, "kind": "x y"})],
                   {"patient_id": "P9"})
    ann = document_to_ann(doc)
    assert ann.startswith("T1\tDISEASE 11 15;16 30\tviêm phổi cộng đồng\nA1\tnegated T1\n#1\tAnnotatorNotes T1\t")
    write([doc], tmp_path / "brat", format="brat")
    assert read(tmp_path / "brat") == [doc]
    assert (tmp_path / "brat" / "note-1.txt").read_bytes() == text.encode("utf-8")


def test_guess_format(tmp_path):
    assert guess_format("a.jsonl") == "jsonl" and guess_format("a.conll") == "conll"
    assert guess_format("a.spacy") == "docbin" and guess_format("x.json", for_writing=True) == "labelstudio"
    p = tmp_path / "t.json"
    p.write_text('{"words": ["ho"], "tags": ["O"]}\n', encoding="utf-8")
    assert guess_format(p) == "tokens-json"
    p.write_text('[{"data": {"text": "ho"}}]', encoding="utf-8")
    assert guess_format(p) == "labelstudio"
    with pytest.raises(ValueError, match="cannot guess"):
        guess_format(tmp_path / "notes.xyz")


def test_conll_errors_name_the_line(tmp_path):
    p = tmp_path / "x.conll"
    p.write_text("Bệnh O\nnhân O\n\nsốt B-SYMPTOM\ncao\n\nho B-SYMPTOM\n\n", encoding="utf-8")
    with pytest.raises(RecordError, match=r"x\.conll:line 5"):
        read(p)
    log = ErrorLog()
    docs = read(p, on_error="skip", errors=log)
    assert [d.text for d in docs] == ["Bệnh nhân", "ho"] and log.errors[0].line == 5


def test_plain_hf_token_dataset_becomes_records():
    # a token-classification dataset as found on the Hub: tokens + ClassLabel tags, no offsets
    from datasets import ClassLabel, Dataset, Features, Sequence, Value

    from vimednlp.corpus import from_hf_dataset

    names = ["O", "B-SYMPTOM", "I-SYMPTOM", "B-DRUG", "I-DRUG"]
    ds = Dataset.from_list(
        [{"tokens": ["Bệnh_nhân", "ho", "khan", ",", "dùng", "Acetylcystein"], "ner_tags": [0, 1, 2, 0, 0, 3]}],
        features=Features({"tokens": Sequence(Value("string")), "ner_tags": Sequence(ClassLabel(names=names))}))
    (doc,) = from_hf_dataset(ds)
    assert doc.text == "Bệnh nhân ho khan , dùng Acetylcystein"
    assert [(s.label, s.text) for s in doc.spans] == [("SYMPTOM", "ho khan"), ("DRUG", "Acetylcystein")]
    assert doc.meta == {"word_joins": [4]}


def test_jsonl_reader_reports_every_kind_of_bad_line(tmp_path):
    p = tmp_path / "x.jsonl"
    good = Document("a", "Bệnh nhân ho", [Span(10, 12, "SYMPTOM", "ho")]).to_json()
    p.write_text("\n".join([good, "[1, 2]", '{"id": "b"}', '{"id": "c", "text": "ho", "spans": [[0, 2]]}',
                            '{"id": "d", "text": "ho", "spans": [{"start": 2, "end": 1, "label": "X"}]}', "",
                            good.replace('"a"', '"e"')]) + "\n", encoding="utf-8")
    log = ErrorLog()
    docs = read(p, on_error="skip", errors=log)
    assert [d.id for d in docs] == ["a", "e"]
    assert [e.line for e in log.errors] == [2, 3, 4, 5]
    assert all("Bệnh" not in str(e) for e in log.errors)


def test_wrong_encoding_names_file_and_line(tmp_path):
    p = tmp_path / "legacy.jsonl"
    good = Document("a", "Bệnh nhân ho", []).to_json()
    p.write_bytes((good + "\n" + good + "\n").encode("utf-8") + b'{"id": "b", "text": "B\xea\xf1h"}\n')
    with pytest.raises(RecordError, match=r"legacy\.jsonl:line 3: not UTF-8"):
        read(p)
    p2 = tmp_path / "legacy.conll"
    p2.write_bytes("Bệnh O\n\n".encode("utf-8") + b"nh\xe2n O\n")
    with pytest.raises(RecordError, match=r"legacy\.conll:line 3: not UTF-8"):
        read(p2)
