"""ICD-10 coding (issue 18, fifth round): chapter XIX lay vocabulary of injuries by animals, plants, pressure, heat,
cold, noise, vibration and electricity, occupational diseases and examinations, English lay names, and the framing
openers and tails of chat or dictated diagnoses (`open` / `trail` / `who` rows of mention_forms.tsv).
Mentions written for these tests (store with Vietnamese titles from the shared GNU Health TSV)."""
from __future__ import annotations

import pytest

from vimednlp.terminology import best_code, code
from vimednlp.terminology.canonical import canonical_mention, head_of


def top3(q):
    cands = code(q, k=5)
    return cands[0].code[:3] if cands else None


def top(q):
    cands = code(q, k=5)
    return cands[0].code if cands else None


# --- animals, plants, pressure, heat, cold, vibration, electricity: lay words (data, icd10_synonyms.tsv) -------
@pytest.mark.parametrize("mention,expected", [
    ("ngư dân bị sứa đốt ở cẳng chân", "T63.6"), ("bị cá đuối chích vào gót chân", "T63.5"),
    ("ong vò vẽ đốt nhiều nốt", "T63.4"), ("ăn phải nấm độc", "T62.0"),
    ("chấn thương khí áp tai trái", "T70.0"), ("bệnh giảm áp ở thợ lặn", "T70.3"),
    ("kiệt sức do nóng khi làm ruộng", "T67.5"), ("cước tay", "T69.1"),
    ("tê trắng ngón tay do rung", "T75.2"), ("công nhân bị điện giật", "T75.4"),
    ("jellyfish sting", "T63.6"), ("decompression sickness", "T70.3"),
])
def test_external_cause_lay_words(vi_cache, mention, expected):
    assert top(mention) == expected


@pytest.mark.parametrize("mention,expected", [
    ("bụi phổi than", "J60"), ("bệnh bụi phổi silic nghề nghiệp", "J62"), ("điếc nghề nghiệp", "H83"),
    ("nghe kém do tiếng ồn ở thợ dệt", "H83"), ("asbestosis", "J61"),
    ("khám sức khỏe định kỳ người lao động nhà máy xi măng", "Z10"),
    ("swimmer's ear, right", "H60"), ("acute alcohol intoxication", "F10"),
])
def test_occupational_diseases_and_english_lay_names(vi_cache, mention, expected):
    assert top3(mention) == expected


# --- chat and dictated openers, tails, and who the patient is by occupation ------------------------------------
@pytest.mark.parametrize("mention,expected", [
    ("ca nay la viem da day thoi", "viem da day"),
    ("bé 3 tuổi viêm tai giữa cấp", "viêm tai giữa cấp"),
    ("Chẩn đoán: viêm phổi", "viêm phổi"),
    ("bs chan doan la soi than", "soi than"),
    ("thợ lặn bị ù tai lúc đang lặn", "thợ lặn bị ù tai"),
])
def test_openers_and_tails_are_dropped(mention, expected):
    assert canonical_mention(mention) == expected


def test_an_occupation_licenses_the_verb():
    assert head_of("chiến sĩ mới bị say nắng") == "say nắng"
    # a subject that is part of the diagnosis keeps its verb
    assert head_of("Vết thương bị nhiễm trùng") is None


@pytest.mark.parametrize("mention,expected", [
    ("ca nay la viem ruot thua cap thoi a", "K35"), ("chau 2 tuoi bi viem phe quan cap", "J20"),
    ("bộ đội bị say nắng lúc huấn luyện", "T67"), ("chẩn đoán là sỏi thận", "N20"),
])
def test_chat_diagnoses_are_coded(vi_cache, mention, expected):
    assert top3(mention) == expected


@pytest.mark.parametrize("mention", ["ca này thì ổn rồi", "bé 18 tháng khám định kỳ bình thường", "chẩn đoán: chưa rõ"])
def test_non_codable_chat_still_abstains(vi_cache, mention):
    b = best_code(mention)
    assert b is None or b.code[:1] == "Z", b


# --- an abbreviation no dictionary lists, read against the initials of the index's own terms ------------------
@pytest.mark.parametrize("mention,expected", [
    ("VKDT", "M06"),             # in the dictionary: the dictionary's reading stays
    ("VCSDK", "M45"),            # viêm cột sống dính khớp, a title
    ("VLDDTT", "K27"),           # viêm loét dạ dày tá tràng, a curated synonym
    ("vpcđ nặng", "J18"),        # written in lower case, with a qualifier after it
    ("bn bị VPMPCĐ", "J18"),     # viêm phổi mắc phải cộng đồng
])
def test_an_unlisted_abbreviation_is_read_by_initials(vi_cache, mention, expected):
    assert top3(mention) == expected


def test_initials_only_when_unique_and_not_a_word(vi_cache):
    from vimednlp.terminology import get_index
    from vimednlp.terminology.expansion import dictionary

    idx = get_index("icd10")
    assert idx._initials_variants("viêm") == []          # a Vietnamese word is not an abbreviation
    assert idx._initials_variants("VPCĐ")[0][0] == "viêm phổi cộng đồng"
    # a short abbreviation is read only as a curated clinical phrase, never as any title with those initials
    short = [k for k, hits in idx._initials().items() if len(k) == 4 and k.upper() not in dictionary()
             and len({idx.entries[i].code[:3] for i in hits}) == 1
             and all(idx.entries[i].kind.startswith("title") for i in hits)]
    assert short and idx._initials_variants(short[0].upper()) == []
    assert code("XQZW") == []


# --- lay words of the urinary tract, ear and skin, traumatic pneumothorax, amputation status, OA / GBS ----------
@pytest.mark.parametrize("mention,expected", [
    ("tiểu buốt tiểu rắt 2 ngày nay", "R30"), ("thối tai bên trái", "H66"), ("nấm bẹn ngứa", "B35"),
    ("tràn máu màng phổi do chấn thương", "S27"), ("cụt đùi trái sau tai nạn cũ", "Z89"),
    ("OA háng phải", "M16"), ("GBS", "G61"),
])
def test_lay_words_status_and_abbreviations(vi_cache, mention, expected):
    assert top3(mention) == expected


def test_an_expansion_does_not_repeat_the_word_written_after_it():
    from vimednlp.terminology.expansion import variants

    assert ("thoái hóa khớp háng hai bên", 1) in variants("OA khớp háng hai bên")
    assert variants("VP phổi phải")[0][0] == "viêm phổi phải"
    # a one-word expansion or a different next word is left as it is
    assert variants("THA huyết áp cao")[0][0] == "tăng huyết áp huyết áp cao"


def test_oa_with_its_joint_word_is_coded_by_site(vi_cache):
    assert top3("OA khớp háng hai bên") == "M16"


@pytest.mark.parametrize("mention,expected", [
    ("esophageal candidiasis in AIDS", "B20.4"), ("HIV (+), nấm thực quản", "B20.4"), ("oral thrush", "B37.0"),
])
def test_candidiasis_in_english_and_with_hiv(vi_cache, mention, expected):
    assert top(mention) == expected
