"""The PHI tagger's extended features and marginal-probability decoding (`features="ext"`, `min_prob`)."""
from __future__ import annotations

import pytest

from vimednlp.deid.recognizers.base import Context
from vimednlp.deid.tagger import PhiTagger, _gazetteer_tags, featurize

TEXT = "Bệnh nhân Nguyễn Thị Lan, 45 tuổi, trú tại phường Bến Nghé, Quận 1, TP. Hồ Chí Minh, làm giáo viên."


def test_extended_features_add_to_the_base_ones():
    ctx = Context(TEXT)
    base, ext = featurize(ctx, []), featurize(ctx, [], extended=True)
    assert len(base) == len(ext) == len(ctx.tokens)
    for b, e in zip(base, ext):
        assert set(b) < set(e)
    i = [t.text for t in ctx.tokens].index("Nguyễn")
    assert "wl=nguyễn" in ext[i] and "w=nguyen" in ext[i]
    # a place and a profession from our lexicons are marked as phrases
    gz = _gazetteer_tags(ctx.ftoks)
    j = [t.text for t in ctx.tokens].index("Bến")
    assert "gB:ward" in gz[j] and "gI:ward" in gz[j + 1]
    k = [t.text for t in ctx.tokens].index("giáo")
    assert "gB:professions" in gz[k]


def test_bad_feature_set_is_refused():
    with pytest.raises(ValueError, match="features must be"):
        PhiTagger(features="wide")


@pytest.fixture(scope="module")
def tiny_ext(tmp_path_factory):
    from corpora.synthetic.generate import generate

    docs = generate(60, seed=7)
    tagger = PhiTagger(max_iterations=40, features="ext").fit(docs)
    return docs, tagger, tagger.save(tmp_path_factory.mktemp("ext"))


def _covered(tagger, ctx, rules):
    return {i for c in tagger.candidates(ctx, rules) for i, t in enumerate(ctx.tokens) if c.start < t.end and t.start < c.end}


@pytest.mark.slow
def test_ext_tagger_round_trips_with_its_feature_set(tiny_ext):
    docs, tagger, path = tiny_ext
    loaded = PhiTagger.load(path)
    assert loaded.features == "ext" and loaded.meta["features"] == "ext"
    ctx = Context(docs[0].text)
    assert loaded.predict_tags(ctx, []) == tagger.predict_tags(ctx, [])


@pytest.mark.slow
def test_lower_probability_threshold_marks_more_tokens(tiny_ext):
    import copy

    docs, tagger, _ = tiny_ext
    gold = hit = 0
    for d in docs[:20]:
        ctx = Context(d.text)
        rules = PhiTagger._rule_candidates(ctx)
        covers = []
        for t in (0.9, 0.5, 0.05, 0.001):
            tg = copy.copy(tagger)
            tg.min_prob = t
            covers.append(_covered(tg, ctx, rules))
            # spans are labelled: every one carries a PHI label the tagger was trained on
            assert all(c.label in tagger.labels for c in tg.candidates(ctx, rules))
        assert covers[0] <= covers[1] <= covers[2] <= covers[3]
        g = {i for s in d.spans if s.label in tagger.labels for i, t in enumerate(ctx.tokens) if s.start < t.end and t.start < s.end}
        gold += len(g)
        hit += len(g & covers[1])
    # on its own training documents, the 0.5 threshold finds nearly every PHI token
    assert hit / gold > 0.9
