"""Abbreviation disambiguation: own synthetic examples, and an acrDrAid subset when the shared data is set."""
from __future__ import annotations

import random
from collections import Counter

import pytest

from tests.conftest import shared_path
from vimednlp.text.acronyms import (
    AcronymDisambiguator,
    AcronymExample,
    evaluate,
    lexicon_phrases,
    load_acrdraid,
    load_acrdraid_dictionary,
)

DICTIONARY = {"kt": ["kích thước", "kỹ thuật"], "tm": ["tĩnh mạch", "tim mạch"], "ha": ["huyết áp", "hình ảnh"]}
CONTEXTS = {
    ("kt", "kích thước"): ["khối u {} khoảng {} mm", "nốt giảm âm {} {} x 12 mm", "gan to , {} gan phải {} cm",
                           "hạch cổ {} nhỏ {} mm"],
    ("kt", "kỹ thuật"): ["{} chụp cắt lớp có tiêm thuốc cản quang lần {}", "{} viên thực hiện đo lần {}",
                         "theo {} siêu âm doppler lần {}"],
    ("tm", "tĩnh mạch"): ["huyết khối {} chi dưới trái đoạn {}", "tiêm {} 1 ống lúc {} giờ",
                          "giãn {} thực quản độ {}"],
    ("tm", "tim mạch"): ["khám chuyên khoa {} lần {}", "tiền sử bệnh {} {} năm", "nguy cơ {} cao điểm {}"],
    ("ha", "huyết áp"): ["{} 150/90 mmHg lần {}", "tăng {} độ {}", "đo {} tay trái {} lần"],
    ("ha", "hình ảnh"): ["{} mờ đáy phổi phải vùng {}", "không thấy {} dịch ổ bụng vùng {}",
                         "{} tổn thương dạng nốt số {}"],
}


def make_examples(n: int, seed: int) -> list[AcronymExample]:
    rng = random.Random(seed)
    keys = list(CONTEXTS)
    out = []
    for _ in range(n):
        acr, exp = rng.choice(keys)
        tpl = rng.choice(CONTEXTS[(acr, exp)])
        form = acr.upper() if rng.random() < 0.2 else acr
        pre, post = tpl.split("{}", 1)
        text = pre + form + post.replace("{}", str(rng.randint(2, 40)))
        out.append(AcronymExample(text, len(pre), len(pre) + len(form), exp))
    return out


@pytest.fixture(scope="module")
def model():
    return AcronymDisambiguator(DICTIONARY, C=10).fit(make_examples(150, seed=1))


def test_disambiguates_by_context(model):
    test = make_examples(60, seed=2)
    res = evaluate([e.expansion for e in test], model.predict(test))
    assert res["accuracy"] >= 0.95 and res["macro_f1"] >= 0.95, res


def test_predictions_stay_within_candidates_and_unknowns(model):
    ex = AcronymExample("khối u kt khoảng 30 mm", 7, 9)
    assert model.predict([ex]) == ["kích thước"]
    assert set(model.predict_scores([ex])[0]) == {"kích thước", "kỹ thuật"}
    assert model.predict([AcronymExample("xyz 3 mm", 0, 3)]) == [None]  # not in the dictionary


def test_expansion_written_in_full_nearby_wins_for_unseen_candidate():
    # "tm" gains a third candidate never seen in training; the note spells it out elsewhere
    m = AcronymDisambiguator({**DICTIONARY, "tm": DICTIONARY["tm"] + ["tràn máu"]}, overlap_weight=5.0)
    m.fit(make_examples(150, seed=1))
    text = "theo dõi tràn máu màng phổi , tm lượng ít"
    ex = AcronymExample(text, text.index("tm"), text.index("tm") + 2)
    assert m.predict([ex]) == ["tràn máu"]


def test_abbreviation_never_seen_in_training_is_expanded_from_full_forms_in_other_notes():
    # `ha` has no training example at all; the training notes write "huyết áp" and "hình ảnh" in full,
    # and the ranker (whose features never name a candidate) uses how each fits the words around it.
    notes = [("bệnh nhân tăng huyết áp 10 năm , khối u kt khoảng {} mm", "kt", "kích thước"),
             ("đo huyết áp 150/90 mmHg , nốt giảm âm kt {} mm", "kt", "kích thước"),
             ("hình ảnh mờ đáy phổi phải , tiêm tm 1 ống lúc {} giờ", "tm", "tĩnh mạch"),
             ("hình ảnh tổn thương dạng nốt ; huyết khối tm chi dưới đoạn {}", "tm", "tĩnh mạch"),
             ("huyết áp 140/80 mmHg , khám chuyên khoa tm lần {}", "tm", "tim mạch"),
             ("không thấy hình ảnh dịch ổ bụng , kt chụp cắt lớp lần {}", "kt", "kỹ thuật")]
    train = []
    for k in range(40):
        tpl, acr, exp = notes[k % len(notes)]
        text = tpl.format(k + 2)
        i = text.index(f" {acr} ") + 1
        train.append(AcronymExample(text, i, i + len(acr), exp))
    m = AcronymDisambiguator(DICTIONARY).fit(train)
    cases = {"HA 160/100 mmHg , mạch 90 lần/phút": "huyết áp",
             "phim chụp ngực : ha mờ đáy phổi trái": "hình ảnh",
             "bệnh nhân tăng ha , đau đầu": "huyết áp",
             "siêu âm không thấy ha dịch tự do": "hình ảnh"}
    for text, gold in cases.items():
        i = text.lower().index("ha ")
        assert m.predict([AcronymExample(text, i, i + 2)]) == [gold], text


def test_lexicon_phrases_are_our_clinical_terms_without_code_hints():
    phrases = lexicon_phrases()
    assert {"tăng huyết áp", "công thức máu", "cẳng chân"} <= phrases
    assert not any(ch.isdigit() for p in phrases for ch in p)  # ICD-10 hints such as I10 are left out
    assert all(p == p.lower() and "  " not in p for p in phrases)


def test_evaluate_follows_the_acrdraid_macro_f1():
    gold = ["kích thước", "kích thước", "kỹ thuật", "tĩnh mạch", "tĩnh mạch", "tim mạch"]
    pred = ["kích thước", "kỹ thuật", "kỹ thuật", "tĩnh mạch", "kích thước", None]
    res = evaluate(gold, pred)
    # precision per gold expansion: 1/2, 1/2, 1/1, 1 (never predicted); recall: 1/2, 1, 1/2, 0
    assert res["macro_precision"] == 0.75 and res["macro_recall"] == 0.5
    assert res["macro_f1"] == 0.6  # harmonic mean of the two averages (ViHealthBERT's scorer)
    assert res["macro_f1_per_expansion"] == round((0.5 + 2 / 3 + 2 / 3 + 0) / 4, 4)  # scikit-learn
    assert res["accuracy"] == 0.5 and res["n"] == 6
    with pytest.raises(ValueError, match="predictions"):
        evaluate(gold, pred[:3])


def test_expand_finds_abbreviations_in_text(model):
    text = "Siêu âm: khối u KT khoảng 25 mm; HA 150/90 mmHg."
    found = model.expand(text)
    got = {(text[f["start"]:f["end"]], f["expansion"]) for f in found}
    assert got == {("KT", "kích thước"), ("HA", "huyết áp")}


def test_save_load(model, tmp_path):
    model.save(tmp_path / "acr")
    again = AcronymDisambiguator.load(tmp_path / "acr")
    test = make_examples(30, seed=3)
    assert again.predict(test) == model.predict(test)
    with pytest.raises(FileNotFoundError):
        AcronymDisambiguator.load(tmp_path / "none")
    meta = tmp_path / "acr" / "meta.json"
    meta.write_text(meta.read_text(encoding="utf-8").replace('"version": 2', '"version": 1'), encoding="utf-8")
    with pytest.raises(ValueError, match="train it again"):
        AcronymDisambiguator.load(tmp_path / "acr")


def test_errors():
    with pytest.raises(ValueError, match="offsets"):
        AcronymExample("kt", 1, 5)
    with pytest.raises(ValueError, match="no training"):
        AcronymDisambiguator().fit([])
    with pytest.raises(ValueError, match="no expansion"):
        AcronymDisambiguator().fit([AcronymExample("kt 3 mm", 0, 2)])
    with pytest.raises(RuntimeError, match="not trained"):
        AcronymDisambiguator().predict([AcronymExample("kt 3 mm", 0, 2)])


@pytest.mark.slow
def test_acrdraid_subset():
    root = shared_path("data", "acrdraid")
    dictionary = load_acrdraid_dictionary(root)
    assert len(dictionary) == 135
    train = load_acrdraid(root, "train")
    dev = load_acrdraid(root, "dev")
    keep = {a for a, _ in Counter(e.acronym.lower() for e in train).most_common(8)}
    tr = [e for e in train if e.acronym.lower() in keep]
    dv = [e for e in dev if e.acronym.lower() in keep]
    for e in tr[:50]:
        assert e.expansion in dictionary[e.acronym.lower()]
    model = AcronymDisambiguator({k: dictionary[k] for k in keep}, C=1.0).fit(tr)
    res = evaluate([e.expansion for e in dv], model.predict(dv))
    assert res["accuracy"] >= 0.8, res
