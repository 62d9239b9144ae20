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
