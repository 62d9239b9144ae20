"""The strict profile and a given name in lower case after a kinship word when its letters are also a lexicon word
('lan' an orchid, 'thảo' a herb, 'dũng', 'hương'): a name where a verb or particle of a person follows ('chị lan gọi
em', 'bà thảo bị tiểu đường', 'anh dũng nói'); no name before punctuation or the rest of a word ('không có kế hoạch
cụ thể.', 'chị thanh toán', 'bé nữ')."""
from __future__ import annotations

import pytest

from vimednlp.deid.strict import strict_spans


def removed_words(text: str) -> set[str]:
    return {w for s in strict_spans(text, []) for w in s.text.split()}


@pytest.mark.parametrize("text, name", [
    ("sáng nay chị lan gọi em hỏi giờ tiêm", "lan"),
    ("bà thảo bị tiểu đường mười năm rồi", "thảo"),
    ("anh dũng nói chiều mới chở bà xuống được", "dũng"),
])
def test_strict_removes_a_lexicon_given_name_after_kin(text, name):
    assert name in removed_words(text)


@pytest.mark.parametrize("text, word", [
    ("bác sĩ chưa có kế hoạch cụ thể.", "thể"),
    ("chị thanh toán viện phí ở quầy số hai", "thanh"),
    ("bé nữ 3 tuổi sốt hai ngày", "nữ"),
])
def test_strict_keeps_a_lexicon_word_after_kin(text, word):
    assert word not in removed_words(text)
