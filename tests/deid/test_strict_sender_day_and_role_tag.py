"""The strict profile and the sender lines of a chat export that write the day before the time ('thuy yt 07/12
08:15:'): the sender's name goes even when it is a common word without marks ('thuy', 'thiet'), and a role tag
after the name ('yt', 'nhân sự', 'ke toan') stays and is not read as a name later."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans

CHAT = """thuy yt 07/12 08:15: chi oi sang nay be sot lai 38 do 6
Lan nhan su 07/12 08:20: da e bao cong ty cho nghi
thuy yt 07/12 08:31: cho be uong ha sot roi theo doi
Lan nhan su 07/12 08:40: ok chi"""


def removed(text: str) -> list[str]:
    return [s.text for s in strict_spans(text, [])]


def test_strict_removes_the_sender_before_the_day_and_time():
    out = removed(CHAT)
    assert "thuy" in out and "Lan" in out


def test_strict_keeps_a_role_tag_after_the_sender():
    joined = " ".join(removed(CHAT))
    assert "yt" not in joined.split() and "nhan" not in joined and "su" not in joined.split()
