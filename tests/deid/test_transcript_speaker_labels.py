"""A transcript that opens each turn with the staff's label ('nhân viên ...') uses the job words as a speaker label:
no occupation there, and not the words of the turn; a job inside a turn is still found."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_speaker_label_opening_many_turns_is_no_occupation(rules):
    text = ("[ghi âm cuộc gọi tới trạm y tế]\n"
            "người gọi alo trạm đó phải không con tôi bị sốt\n"
            "nhân viên dạ trạm đây anh nói chậm thôi\n"
            "người gọi nó sốt từ tối qua giờ vẫn nóng\n"
            "nhân viên anh cặp nhiệt chưa bao nhiêu độ\n"
            "người gọi ba chín độ rưỡi vợ tôi làm công nhân cao su đi vắng\n"
            "nhân viên vậy anh chở cháu xuống trạm liền nhé\n")
    jobs = texts(rules, text, "PROFESSION")
    assert not any(j.startswith("nhân viên") for j in jobs)
    assert any(j.startswith("công nhân cao su") for j in jobs)


def test_job_opening_one_line_still_counts(rules):
    text = "Người nhà:\nnhân viên bán hàng, 35 tuổi, là chị gái người bệnh"
    assert any(j.startswith("nhân viên bán hàng") for j in texts(rules, text, "PROFESSION"))
