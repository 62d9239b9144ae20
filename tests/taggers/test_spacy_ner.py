from __future__ import annotations

import pytest

from vimednlp.taggers import SpacyNERTagger, entity_scores, load_tagger

pytestmark = pytest.mark.slow


def test_spacy_tagger_trains_predicts_saves(train_docs, test_docs, tmp_path):
    tagger = SpacyNERTagger(n_iter=8, seed=1).fit(train_docs[:120], dev=test_docs[:20])
    assert tagger.history and "dev_f1" in tagger.history[0]
    rep = entity_scores(test_docs, tagger.predict(test_docs))
    assert rep.micro.f1 > 0.8, rep.format()
    text = "Bệnh nhân Trần Thị Bích , 67 tuổi , vào viện vì khó thở ."
    spans = tagger.predict([text])[0]
    assert all(text[s.start:s.end] == s.text for s in spans)
    assert ("67 tuổi", "AGE") in {(s.text, s.label) for s in spans}
    tagger.save(tmp_path / "sp")
    again = load_tagger(tmp_path / "sp")
    assert isinstance(again, SpacyNERTagger)
    assert [[s.to_dict() for s in d] for d in again.predict(test_docs)] == \
        [[s.to_dict() for s in d] for d in tagger.predict(test_docs)]
    # the saved pipeline uses vimednlp's tokenizer ("500mg" -> "500", "mg")
    assert [t.text for t in again.nlp("500mg")] == ["500", "mg"]
