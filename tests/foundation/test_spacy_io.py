"""spaCy input and output: saved pipelines, DocBin, Doc bytes and multiprocessing keep vimednlp's spans."""
from __future__ import annotations

import shutil

import pytest
import spacy
from spacy.tokens import Doc, DocBin

import vimednlp
from vimednlp.paths import resource_path
from vimednlp.pipeline import blank, load

NOTES = [
    ("Họ tên: Nguyễn Văn An, 45 tuổi. SĐT 0912 345 678.\nLý do vào viện: đau ngực trái.\n"
     "Tiền sử gia đình: bố bị tăng huyết áp.\nKhám: không sốt, không ho, HA 150/90 mmHg.\n"
     "Chẩn đoán: TD nhồi máu cơ tim cấp. Aspirin 81mg 1 viên/ngày."),
    ("BN Trần Thị Mai, ngày vào viện 12/03/2024.\nBệnh sử: ho khan 3 ngày, không khó thở.\n"
     "Chẩn đoán ra viện: viêm phổi."),
]
SECTIONS_0 = ["ly_do_vao_vien", "tien_su_gia_dinh", "kham_lam_sang", "chan_doan_xac_dinh"]
PIPES = ["vimednlp_phi", "vimednlp_sections", "vimednlp_clinical", "vimednlp_context", "vimednlp_resolver"]
ASSERTS = ("negated", "uncertain", "historical", "family", "hypothetical")


def _spans(doc: Doc) -> list[tuple]:
    """Every span of every group with what vimednlp sets on it, and the entities."""
    out = []
    for key in sorted(doc.spans):
        for sp in doc.spans[key]:
            out.append((key, sp.start_char, sp.end_char, sp.label_, sp._.section, sp._.source,
                        *(sp._.get(a) for a in ASSERTS)))
    out += [("ents", e.start_char, e.end_char, e.label_) for e in doc.ents]
    return out


@pytest.fixture(scope="module")
def nlp():
    return load()


def test_saved_pipeline_reloads_with_spacy_load_and_gives_identical_spans(nlp, tmp_path):
    nlp.to_disk(tmp_path / "p")
    assert (tmp_path / "p" / "tokenizer").is_file()     # once an empty folder that spacy.load could not read
    again = spacy.load(tmp_path / "p")
    assert again.pipe_names == nlp.pipe_names
    for text in NOTES:
        a, b = nlp(text), again(text)
        assert [t.text for t in a] == [t.text for t in b]
        assert _spans(a) == _spans(b)
        assert any(k == "phi" for k, *_ in _spans(a)) and any(k == "clinical" for k, *_ in _spans(a))


def test_blank_pipeline_config_names_the_clinical_tokenizer():
    nlp = blank()
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "vimednlp.Tokenizer.v1"
    loaded = spacy.util.load_model_from_config(nlp.config)
    assert [t.text for t in loaded("HA 150/90 mmHg, sốt 38,5°C.")] == \
        [t.text for t in nlp("HA 150/90 mmHg, sốt 38,5°C.")]


def test_phi_component_keeps_a_user_model_with_the_pipeline(tmp_path):
    user_model = tmp_path / "my_phi_model"
    shutil.copytree(resource_path("deid", "model"), user_model)   # stands for a model the user trained
    nlp = load(["vimednlp_phi"], config={"vimednlp_phi": {"model": str(user_model)}})
    want = [_spans(nlp(t)) for t in NOTES]
    nlp.to_disk(tmp_path / "p")
    saved = tmp_path / "p" / "vimednlp_phi" / "model"
    assert sorted(f.name for f in saved.iterdir()) == sorted(f.name for f in user_model.iterdir())
    shutil.rmtree(user_model)            # the pipeline folder must work without the original model
    again = spacy.load(tmp_path / "p")
    assert [_spans(again(t)) for t in NOTES] == want
    assert again.get_pipe("vimednlp_phi").analyzer.tagger is not None
    # and through bytes (what spaCy uses to ship a pipeline to other processes)
    third = load(["vimednlp_phi"], config={"vimednlp_phi": {"model": None}})
    third.get_pipe("vimednlp_phi").from_bytes(again.get_pipe("vimednlp_phi").to_bytes())
    assert [_spans(third(t)) for t in NOTES] == want


def test_phi_component_with_a_missing_model_says_which(tmp_path):
    nlp = load(["vimednlp_phi"], config={"vimednlp_phi": {"model": str(tmp_path / "nowhere")}})
    with pytest.raises(FileNotFoundError, match="nowhere"):
        nlp("BN Nguyễn Văn An.")


def test_docbin_with_user_data_keeps_sections_and_assertions(nlp):
    docs = list(nlp.pipe(NOTES))
    negated = [sp.text for sp in docs[0].spans["clinical"] if sp._.negated]
    assert negated == ["sốt", "ho"]
    data = DocBin(store_user_data=True, docs=docs).to_bytes()
    back = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    assert [sp.text for sp in back[0].spans["clinical"] if sp._.is_negated] == negated
    for a, b in zip(docs, back):
        assert _spans(a) == _spans(b)
        assert list(b._.clinical_sections) == a._.clinical_sections   # (msgpack gives a tuple back)
    assert [s["name"] for s in back[0]._.clinical_sections] == SECTIONS_0


def test_doc_bytes_round_trip(nlp):
    doc = nlp(NOTES[0])
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert _spans(back) == _spans(doc)
    fam = next(sp for sp in back.spans["clinical"] if sp.text == "tăng huyết áp")
    assert fam._.family and fam._.section == "tien_su_gia_dinh"


def test_two_processes_give_the_same_spans_as_one(nlp):
    texts = NOTES * 2
    one = [_spans(d) for d in nlp.pipe(texts)]
    two = [_spans(d) for d in nlp.pipe(texts, n_process=2, batch_size=1)]
    assert two == one


def test_extract_and_pipeline_agree_on_a_saved_pipeline(nlp, tmp_path):
    nlp.to_disk(tmp_path / "p")
    doc = spacy.load(tmp_path / "p")(NOTES[1])
    want = {(s.start, s.end, s.label) for s in vimednlp.extract(NOTES[1])}
    assert want <= {(sp.start_char, sp.end_char, sp.label_) for sp in doc.spans["clinical"]}


def test_components_pickle_with_their_model_and_rules(tmp_path):
    # what nlp.pipe(n_process=...) needs where workers are spawned (macOS, Windows, Python >= 3.14 on Linux)
    import pickle

    user_model = tmp_path / "my_phi_model"
    shutil.copytree(resource_path("deid", "model"), user_model)
    nlp = load(PIPES, config={"vimednlp_phi": {"model": str(user_model)}})
    nlp.get_pipe("vimednlp_clinical").add_terms([{"label": "DISEASE", "term": "bệnh Kawasaki"}])
    text = NOTES[0] + "\nChẩn đoán phân biệt: bệnh Kawasaki."
    want = _spans(nlp(text))
    assert ("clinical", "bệnh Kawasaki") in {(k, text[s:e]) for k, s, e, *_ in want}
    copies = {name: pickle.loads(pickle.dumps(proc)) for name, proc in nlp.pipeline}
    shutil.rmtree(user_model)
    assert copies["vimednlp_phi"].analyzer.tagger is not None
    doc = nlp.make_doc(text)
    for name in nlp.pipe_names:
        doc = copies[name](doc)
    assert _spans(doc) == want


@pytest.mark.slow
def test_spawned_workers_give_the_same_spans_as_one_process(nlp):
    import multiprocessing

    texts = NOTES[:2]
    one = [_spans(d) for d in nlp.pipe(texts)]
    method = multiprocessing.get_start_method()
    multiprocessing.set_start_method("spawn", force=True)
    try:
        two = [_spans(d) for d in nlp.pipe(texts, n_process=2, batch_size=1)]
    finally:
        multiprocessing.set_start_method(method, force=True)
    assert two == one


def test_a_fresh_python_loads_the_saved_pipeline_without_importing_vimednlp(tmp_path):
    # the entry points register the tokenizer and the factories: `spacy.load` alone is enough
    import json
    import subprocess
    import sys

    nlp = load(PIPES)
    nlp.to_disk(tmp_path / "p")
    (tmp_path / "note.txt").write_text(NOTES[0], encoding="utf-8")
    script = ("import json, sys, spacy\n"
              "doc = spacy.load(sys.argv[1])(open(sys.argv[2], encoding='utf-8').read())\n"
              "print(json.dumps([[k, s.start_char, s.end_char, s.label_, s._.negated]"
              " for k in sorted(doc.spans) for s in doc.spans[k]]"
              " + [['ents', e.start_char, e.end_char, e.label_] for e in doc.ents]))\n")
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "p"), str(tmp_path / "note.txt")],
                         capture_output=True, text=True, timeout=300, check=True).stdout
    doc = nlp(NOTES[0])
    want = [[k, s.start_char, s.end_char, s.label_, s._.negated]
            for k in sorted(doc.spans) for s in doc.spans[k]]
    want += [["ents", e.start_char, e.end_char, e.label_] for e in doc.ents]
    assert json.loads(out.strip().splitlines()[-1]) == want
