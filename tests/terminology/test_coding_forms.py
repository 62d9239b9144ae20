"""ICD-10 coding of mentions as other writers write them: abbreviations, English, variants, qualifiers,
and abstaining when nothing is credible (store with Vietnamese titles from the shared GNU Health TSV)."""
from __future__ import annotations

import pytest

from vimednlp.terminology import best_code, code, set_disambiguator
from vimednlp.terminology.expansion import looks_abbreviated, variants


def top3(q, **kw):
    cands = code(q, k=5, **kw)
    return cands[0].code[:3] if cands else None


# --- abbreviations are expanded before ranking ---------------------------------------------------------
@pytest.mark.parametrize("mention,expected", [
    ("RLLM", "E78"), ("SHH cấp", "J96"), ("RN", "I48"), ("XG", "K74"), ("Hạ Na máu", "E87"), ("sxh", "A97"),
    ("BN có RLLM", "E78"), ("TD XG mất bù", "K74"), ("SXH ngày 4", "A97"),
])
def test_abbreviations_from_the_dictionaries_are_expanded(vi_cache, mention, expected):
    top = code(mention, k=3)[0]
    assert top.code[:3] == expected and top.reason in ("abbreviation", "qualifier-stripped")


def test_an_ambiguous_abbreviation_is_settled_by_the_code_system(vi_cache):
    # K = ung thư | kali (clinical dictionary): the expansion that names a condition wins
    assert top3("Hạ K máu") == "E87"
    assert top3("K phổi") == "C34"
    assert [v for v, _ in variants("Hạ K máu")][:2] == ["Hạ ung thư máu", "Hạ kali máu"]


def test_vietnamese_words_are_not_read_as_abbreviations():
    assert looks_abbreviated("sxh", first=True) and looks_abbreviated("Na", first=False)
    assert looks_abbreviated("SHH", first=True) and looks_abbreviated("SpO2", first=True)
    assert not looks_abbreviated("ho", first=True) and not looks_abbreviated("tha", first=False)
    assert not looks_abbreviated("Ho", first=True)   # a mention's first word, capitalized
    assert variants("ho khan") == [] and variants("tha thiết") == []


def test_the_disambiguator_orders_expansions_from_context(vi_cache, tmp_path):
    from vimednlp.text.acronyms import AcronymDisambiguator, AcronymExample

    heart = ["Điện tim: {} đáp ứng thất nhanh, tần số 120 l/p", "Nhịp tim không đều, ECG có {} mạn",
             "Tiền sử {} đang dùng thuốc chống đông", "Nghe tim loạn nhịp hoàn toàn, nghĩ {}"]
    gut = ["Siêu âm bụng: quai {} giãn, thành dày", "Nội soi: niêm mạc {} phù nề",
           "Chụp CT: tắc {} do dính sau mổ", "Thoát vị bẹn nghẹt chứa quai {}"]
    train = []
    for tpl, exp in [(t, "rung nhĩ") for t in heart] + [(t, "ruột non") for t in gut]:
        text = tpl.format("RN")
        s = text.index("RN")
        train.append(AcronymExample(text, s, s + 2, exp))
    model = AcronymDisambiguator(dictionary={"rn": ["rung nhĩ", "ruột non"]}).fit(train)
    set_disambiguator(model.save(tmp_path / "acr"))   # a saved model folder, as $VIMEDNLP_ACRONYM_MODEL
    try:
        gut_ctx = "Siêu âm bụng: quai RN giãn, thành dày 5 mm"
        heart_ctx = "Điện tim: RN đáp ứng thất nhanh"
        assert variants("RN", context=gut_ctx)[0][0] == "ruột non"
        assert variants("RN", context=heart_ctx)[0][0] == "rung nhĩ"
        assert top3("RN", context=heart_ctx) == "I48"
    finally:
        set_disambiguator(None)
    assert variants("RN")[0][0] == "rung nhĩ"   # without a model: dictionary order


# --- English and mixed mentions, variants through the synonym table -----------------------------------
@pytest.mark.parametrize("mention,expected", [
    ("Colles fracture, left", "S52"), ("multiple abrasions", "T00"), ("hyponatremia", "E87"),
    ("acute respiratory failure", "J96"), ("gãy Pouteau-Colles (Colles fracture) tay trái", "S52"),
    ("tiêu cơ vân", "M62"), ("Rhabdomyolysis", "M62"), ("Giang mai thời kỳ I", "A51"),
    ("giang mai thời kỳ II", "A51"), ("giang mai tam phát", "A52"),
])
def test_english_mixed_and_variant_mentions(vi_cache, mention, expected):
    assert top3(mention) == expected


# --- OCR and typing errors: a word that is no Vietnamese syllable is set right -----------------------
@pytest.mark.parametrize("mention,expected", [("Suy tlm", "I50"), ("viêm phổii", "J18"), ("pnemonia", "J18"),
                                              ("Đái tháo đườngg type 2", "E11")])
def test_misspelt_words_are_set_right(vi_cache, mention, expected):
    top = code(mention, k=3)[0]
    assert top.code[:3] == expected and top.reason == "spelling"


def test_vietnamese_syllables_are_never_respelt(vi_cache):
    from vimednlp.terminology import get_index

    idx = get_index("icd10")
    assert idx._respell("đau bụng nhẹ") is None and idx._respell("mẹ đi cùng") is None
    assert idx._respell("suy tlm") == "suy tim"


def test_a_glossed_mention_is_read_in_either_language(vi_cache):
    assert top3("sốt (fever)") == "R50"
    assert top3("Gãy đầu dưới xương quay (distal radius fracture)") == "S52"
    # an ASCII loanword is not a language boundary
    assert top3("viêm gan virus C") in ("B17", "B18", "B19")


# --- stage, type, acuity and side rank the specific code first -----------------------------------------
def test_stage_ranks_the_specific_subcode_first(vi_cache):
    cands = [c.code for c in code("Bệnh thận mạn giai đoạn 3", k=5)]
    assert cands[0] == "N18.3" and cands.index("N18.3") < cands.index("N18.9")
    assert code("suy thận mạn gđ 4")[0].code == "N18.4"
    assert code("Bệnh thận mạn giai đoạn 3b")[0].code == "N18.3"      # a sub-stage agrees with its stage
    assert code("Bệnh thận mạn giai đoạn 3")[0].reason == "qualifier-matched"


@pytest.mark.parametrize("mention,expected", [
    ("ĐTĐ type 2", "E11"), ("ĐTĐ týp 1", "E10"), ("viêm tụy cấp", "K85"), ("viêm tụy mạn", "K86"),
    ("viêm gan B cấp", "B16"), ("VGB mạn", "B18"), ("suy thận cấp", "N17"), ("suy thận mạn", "N18"),
    ("suy tim cấp", "I50"),   # no acute form in ICD-10: the core, not another organ's acute failure
])
def test_type_and_acuity_choose_the_code(vi_cache, mention, expected):
    assert top3(mention) == expected


def test_side_is_kept_where_the_code_system_has_it(vi_cache):
    assert code("suy tim phải", k=1)[0].code == "I50.0"
    assert top3("Gãy xương đòn trái") == "S42" and top3("Thoát vị bẹn phải") == "K40"


# --- abstaining: calibrated confidence and a threshold ---------------------------------------------------
def test_nothing_credible_gives_no_candidate(vi_cache):
    assert code("biến chứng thận") == [] and best_code("biến chứng thận") is None
    for chat in ("cảm ơn bác sĩ nhiều", "mai em đi làm", "kết quả đây ạ"):
        assert code(chat) == [], chat
    # the candidates are still there for whoever asks for them
    low = code("biến chứng thận", k=3, min_confidence=0.0)
    assert low and low[0].confidence < 0.5


def test_confidence_is_calibrated_and_ordered(vi_cache):
    cands = code("viêm phổi cộng đồng", k=5, min_confidence=0.0)
    assert all(0.0 < c.confidence < 1.0 for c in cands)
    assert cands[0].confidence > 0.9
    # same kind of evidence: a higher score is at least as credible
    tf = [c for c in cands if c.reason == "tfidf"]
    assert [c.confidence for c in tf] == sorted((c.confidence for c in tf), reverse=True)
    top = best_code("tăng huyết áp")
    assert top is not None and top.code == "I10" and top.confidence > 0.9


@pytest.mark.parametrize("mention,expected", [
    ("Sởi biến chứng viêm tai giữa", "B05.3"),   # the title ends with the manifestation's code H67.1
    ("Vảy nến thể khớp", "L40.5"),
])
def test_a_title_is_found_without_its_cross_reference_codes(vi_cache, mention, expected):
    from vimednlp.terminology import code

    assert code(mention, k=3)[0].code == expected
