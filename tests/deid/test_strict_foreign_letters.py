"""The strict profile: a lower-case word with a Latin letter that Vietnamese never writes ('kröger', 'satō',
'měilíng') is a foreign or pinyin name even where the text around it is in lower case; Vietnamese words with their
marks and known foreign words stay."""
from __future__ import annotations

import pytest

from tests.deid.helpers import strict_covered as covered
from tests.deid.helpers import strict_touched as touched


@pytest.mark.parametrize("text, part", [
    ("con gái tôi lena brückner (sinh 2019) bị sốt từ hôm qua", "brückner"),
    ("trưởng đoàn dr. kenji itō, nha sĩ, gửi hồ sơ sáng nay", "itō"),
    ("người liên hệ: vợ (wáng lìjuān) tel gọi sau 17h", "lìjuān"),
])
def test_strict_removes_a_word_with_foreign_letters(text, part):
    assert covered(text, part)


@pytest.mark.parametrize("text, part", [
    ("bệnh nhân đỡ sốt, ăn uống được, tiếp tục theo dõi", "tiếp tục theo dõi"),
    ("uống café sáng rồi mới đi khám", "café"),
])
def test_strict_keeps_vietnamese_and_known_words(text, part):
    assert not touched(text, part)
