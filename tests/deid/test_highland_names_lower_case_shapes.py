"""In a transcript about a Central Highlands people or province, a lower-case 'a' / 'y' opener after a role or
kinship cue opens a given name even when the syllable has a Vietnamese shape ('a kơi', 'a rin'); 'già làng' and
'thầy cúng' are role cues; a common phrase ('y tá') stays."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_vietnamese_shaped_given_name_after_opener(rules):
    text = ("nhân viên trạm ở đăk hà kon tum đây người gọi dạ con tôi sốt từ hôm qua thầy cúng a krong cho uống lá "
            "rồi mà không đỡ tôi nhờ xe anh a rin chở xuống")
    names = texts(rules, text, "NAME")
    assert "a krong" in names and "a rin" in names


def test_common_phrase_and_no_context_stay(rules):
    text = "ở kon tum chị y tá trạm dặn uống thuốc đều"
    assert not any(n.startswith("y ") for n in texts(rules, text, "NAME"))
    assert "a rin" not in texts(rules, "tôi nhờ xe anh a rin chở xuống bệnh viện huyện", "NAME")
