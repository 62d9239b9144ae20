"""On a form line, two spaces or a tab open the next field: an organisation's name ends there ('TTYT Bảo Lạc  Mã
CS: ...' is the health centre, then the facility-code field), while a name written with single spaces runs on ('Trung
tâm Y tế Bảo Lạc')."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_name_ends_at_double_space(rules):
    orgs = texts(rules, "Đơn vị: TTYT Bảo Lạc  Mã CS: B7-021  Trang 3", "ORGANIZATION")
    assert "TTYT Bảo Lạc" in orgs and not any("Mã" in o for o in orgs)


def test_name_ends_at_tab(rules):
    orgs = texts(rules, "Nơi chuyển: Bệnh viện Đa khoa Phú Thọ\tSố hồ sơ: 2219", "ORGANIZATION")
    assert not any("Số" in o for o in orgs)


def test_single_spaced_name_runs_on(rules):
    assert "Trung tâm Y tế Bảo Lạc" in texts(rules, "Chuyển lên Trung tâm Y tế Bảo Lạc để chụp phim", "ORGANIZATION")
