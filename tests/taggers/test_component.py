"""The `vimednlp_tagger` spaCy component runs any saved tagger: PHI labels go to doc.spans["phi"],
clinical labels to doc.spans["clinical"], and the model travels with `nlp.to_disk`."""
from __future__ import annotations

import shutil

import pytest

spacy = pytest.importorskip("spacy")

from vimednlp.pipeline import blank
from vimednlp.taggers import CRFTagger

TEXT = "Bệnh nhân Trịnh Công Sơn , 52 tuổi , vào viện ngày 09/09/2024 vì đau ngực trái ."


@pytest.fixture(scope="module")
def model_dir(train_docs, tmp_path_factory):
    # a tagger of mixed labels: NAME / AGE / DATE are PHI, SYMPTOM is clinical
    tagger = CRFTagger(max_iterations=60, labels=["NAME", "AGE", "DATE", "SYMPTOM"]).fit(train_docs)
    return tagger.save(tmp_path_factory.mktemp("tagger") / "crf")


def _spans(doc, key):
    return [(s.text, s.label_) for s in doc.spans[key]] if key in doc.spans else []


def test_spans_go_to_the_group_of_their_label_set(model_dir):
    nlp = blank()
    nlp.add_pipe("vimednlp_tagger", config={"model": str(model_dir)})
    doc = nlp(TEXT)
    assert ("Trịnh Công Sơn", "NAME") in _spans(doc, "phi") and ("52 tuổi", "AGE") in _spans(doc, "phi")
    assert _spans(doc, "clinical") == [("đau ngực trái", "SYMPTOM")]
    sp = doc.spans["phi"][0]
    assert sp._.source == "tagger" and sp._.attrs == {"tagger": "crf"} and 0 < sp._.score <= 1
    # nlp.pipe gives what one call gives
    assert [_spans(d, "phi") for d in nlp.pipe([TEXT, TEXT])] == [_spans(doc, "phi")] * 2


def test_one_spans_key_for_all_and_spans_already_there_are_kept(model_dir):
    nlp = blank()
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": "mine"})
    ruler.add_patterns([{"label": "DRUG", "pattern": "viện"}])
    nlp.add_pipe("vimednlp_tagger", config={"model": str(model_dir), "spans_key": "mine"})
    doc = nlp(TEXT)
    labels = [s.label_ for s in doc.spans["mine"]]
    assert labels[0] == "DRUG" and {"NAME", "AGE", "SYMPTOM"} <= set(labels)
    assert "phi" not in doc.spans and "clinical" not in doc.spans


def test_the_model_travels_with_the_saved_pipeline(model_dir, tmp_path):
    moved = tmp_path / "elsewhere"
    shutil.copytree(model_dir, moved)
    nlp = blank()
    nlp.add_pipe("vimednlp_tagger", config={"model": str(moved)})
    before = _spans(nlp(TEXT), "phi")
    nlp.to_disk(tmp_path / "pipeline")
    shutil.rmtree(moved)  # the original folder is gone: the copy saved with the pipeline runs
    again = spacy.load(tmp_path / "pipeline")
    assert _spans(again(TEXT), "phi") == before


def test_a_missing_model_is_a_clear_error(tmp_path):
    nlp = blank()
    with pytest.raises(ValueError, match="config 'model'"):
        nlp.add_pipe("vimednlp_tagger")
    nlp.add_pipe("vimednlp_tagger", name="late", config={"model": str(tmp_path / "none")})
    with pytest.raises(FileNotFoundError, match="no tagger at"):
        nlp(TEXT)
