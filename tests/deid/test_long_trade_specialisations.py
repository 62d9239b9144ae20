"""In a text with marks a trade's specialisation is read as written and may run up to five words: 'thợ vận hành máy
ép', 'công nhân cơ khí' ('cơ khí' is no 'có' / 'khi'); the story's words still end it."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_long_specialisation_with_marks(rules):
    text = ("Người lao động nam, 29 tuổi, thợ vận hành máy ép nhựa ca đêm. "
            "Anh trai 41 tuổi, công nhân cơ khí ở xưởng số 2.")
    jobs = texts(rules, text, "PROFESSION")
    assert any(j.startswith("thợ vận hành máy ép") for j in jobs) and "công nhân cơ khí" in jobs


def test_story_words_end_the_specialisation(rules):
    text = "Hàng xóm đánh nhau, được công an xã giữ lại rồi đưa đi viện."
    jobs = texts(rules, text, "PROFESSION")
    assert not any("giữ" in j for j in jobs)


def test_job_beside_a_name_is_that_persons(rules):
    text = "Người liên hệ: anh trai Đinh Văn Hùng - bảo vệ rừng ở ban quản lý; chị dâu Lê Thị Na, bảo vệ nhà máy gạch."
    jobs = texts(rules, text, "PROFESSION")
    assert "bảo vệ rừng" in jobs and len([j for j in jobs if j.startswith("bảo vệ")]) == 2


def test_protect_as_a_verb_stays(rules):
    text = "Tư vấn bảo vệ sức khỏe người lao động, đeo khẩu trang khi làm việc."
    assert texts(rules, text, "PROFESSION") == []
