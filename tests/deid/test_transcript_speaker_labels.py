"""A speech-to-text transcript whose turns open with a capitalised speaker label ('Người nói 1:', 'Bác sĩ:',
'Người nhà:') is still a text typed in lower case: the labels are the tool's, so a given name after a kinship word
('cô hòa', 'ông lực') is read as in any lower-case transcript. A chat whose handles are people's names is judged by
its handles too."""
from __future__ import annotations

from tests.deid.helpers import texts

NUMBERED = ("Người nói 1: alo chị lựa phải không em là hòa nè pi năng thị hòa ở trạm y tế xã đây\n"
            "Người nói 2: ờ nghe nghe cô hòa tui đây tui mệt lắm ông lực nó lên rẫy ở trên núi chưa về\n"
            "Người nói 1: vậy cô gọi số ông lực được không\n"
            "Người nói 2: dạ dạ cảm ơn cô hòa\n")

ROLES = ("Bác sĩ: alo chào chị chị là người nhà của bệnh nhân phải không\n"
         "Người nhà: dạ em là con gái bà lương thị nhung đây ạ\n"
         "Bác sĩ: bà nhung hôm nay còn sốt không chị\n"
         "Người nhà: dạ hết sốt rồi bác sĩ ơi cảm ơn bác sĩ nhiều\n")


def test_numbered_speaker_labels(rules):
    names = texts(rules, NUMBERED, "NAME")
    assert names.count("hòa") >= 2 and names.count("lực") == 2


def test_role_speaker_labels(rules):
    names = texts(rules, ROLES, "NAME")
    assert "lương thị nhung" in names and "nhung" in names
    assert not any(n.lower().startswith(("bác", "người")) for n in names)
