"""The strict profile and a highland name after a kinship word and a possessive ('vợ tôi y đơm', 'chồng em a lưu'
in a transcript or a chat): the prefix and the name still start a name; 'vợ tôi y tá' is a role."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans


def names(text: str) -> list[str]:
    return [s.text for s in strict_spans(text, []) if s.label == "NAME"]


def test_strict_removes_a_highland_name_after_kin_and_a_possessive():
    text = "dạ tôi gọi hỏi giùm vợ tôi y hlơt bị sốt từ hôm qua"
    assert any("hlơt" in n for n in names(text))


def test_strict_keeps_a_role_after_kin_and_a_possessive():
    text = "dạ vợ tôi y tá ở trạm nên biết tiêm"
    assert not any("tá" in n for n in names(text))
