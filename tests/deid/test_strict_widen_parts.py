"""The strict profile joins the parts of one removed identifier: the comma between two parts of one date or
time, a digit group between two parts of one card or phone number, and the bracketed area code before a phone
number, OCR'd or not. A dash between two dates (a range) and a cell of a table stay outside."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans
from vimednlp.schema import Span


def spans_at(text: str, parts: list[tuple[str, str]]) -> list[Span]:
    return [Span(text.index(p), text.index(p) + len(p), label, p) for p, label in parts]


def covered(spans, text: str, part: str) -> bool:
    i = text.index(part)
    return any(s.start <= i and i + len(part) <= s.end for s in spans)


def test_strict_takes_the_comma_inside_one_date():
    text = "Hẹn tiêm nhắc thứ Sáu 18/10, 9g30 tại phòng tiêm."
    found = spans_at(text, [("thứ Sáu 18/10", "DATE"), ("9g30", "DATE")])
    assert covered(strict_spans(text, found), text, ",")


def test_strict_leaves_the_dash_of_a_date_range():
    text = "Nằm viện 21/10 - 23/10, ra viện ổn."
    found = spans_at(text, [("21/10", "DATE"), ("23/10", "DATE")])
    assert not covered(strict_spans(text, found), text, " - ")


def test_strict_takes_a_digit_group_inside_a_card_number():
    text = "Mã số BHXH/Thẻ BHYT số: CCS 44 24469523S9 / Số CCCD"
    found = spans_at(text, [("CCS", "ID"), ("24469523S9", "ID")])
    assert covered(strict_spans(text, found), text, "44")


def test_strict_keeps_a_diagnosis_code_in_the_next_table_cell():
    text = "1\tPhạm Mỹ Hoa\t1988\tnữ\tNO1019191683954\tI10\t8671.559"
    found = spans_at(text, [("Phạm Mỹ Hoa", "NAME"), ("NO1019191683954", "ID")])
    assert not covered(strict_spans(text, found), text, "I10")


def test_strict_takes_the_area_code_of_a_phone_number():
    text = "Địa chỉ: xã Gia Lộc\nĐT: (O24) 56B8 7O11\nHÓA ĐƠN GIÁ TRỊ GIA TĂNG"
    found = spans_at(text, [("56B8 7O11", "PHONE")])
    assert covered(strict_spans(text, found), text, "(O24)")


def test_strict_takes_an_organisations_head_and_kind_before_its_removed_place():
    text = "cuộc gọi lại người bệnh bệnh viện phổi kon tum nhân viên lý thị tủa"
    found = spans_at(text, [("kon tum", "LOCATION")])
    assert covered(strict_spans(text, found), text, "bệnh viện phổi")


def test_strict_keeps_a_discharge_and_a_head_compared_with_its_marks():
    text = "Chẩn đoán ra viện tăng huyết áp Claim sent to Lotus Care Insurance"
    found = spans_at(text, [("Lotus Care Insurance", "ORGANIZATION")])
    spans = strict_spans(text, found)
    assert not covered(spans, text, "viện") and not covered(spans, text, "to")


def test_strict_leaves_the_commas_of_a_list_of_dates():
    text = "cấy đờm MGIT 3 mẫu vào các ngày 06/02, 07/02, 08/02/2026."
    found = spans_at(text, [("06/02", "DATE"), ("07/02", "DATE"), ("08/02/2026", "DATE")])
    spans = strict_spans(text, found)
    assert not covered(spans, text, ", 07") and not covered(spans, text, ", 08")


def test_strict_leaves_the_comma_between_organisations_one_a_line():
    text = "Kính gửi: Bệnh viện Chợ Rẫy,\nBệnh viện Đa khoa Cần Thơ"
    found = spans_at(text, [("Bệnh viện Chợ Rẫy", "ORGANIZATION"), ("Bệnh viện Đa khoa Cần Thơ", "ORGANIZATION")])
    assert not covered(strict_spans(text, found), text, ",")


def test_strict_takes_the_last_digit_group_of_a_phone_number():
    text = "ĐT nhờ hàng xóm 0866 417 093. Kali 3.5"
    found = spans_at(text, [("0866 417", "PHONE")])
    assert covered(strict_spans(text, found), text, "093")


def test_strict_takes_thu_before_a_date_that_holds_the_weekdays_number():
    text = "Đêm thứ Tư 25/11 cầm rựa đuổi hàng xóm"
    found = spans_at(text, [("Tư 25/11", "DATE")])
    assert covered(strict_spans(text, found), text, "thứ")


def test_strict_a_word_at_the_end_of_the_line_before_a_date_is_no_weekday():
    text = "Lý do chuyển: vượt khả năng chuyên môn\nNgày 17/02/2021"
    found = spans_at(text, [("17/02/2021", "DATE")])
    assert not covered(strict_spans(text, found), text, "môn")


def test_strict_takes_the_hyphen_of_a_name_broken_at_a_lines_end():
    text = "chuyển STK 842115311994 chủ TK NGUYEN PH-\nUONG MY. SĐT em: 0936339254"
    found = spans_at(text, [("NGUYEN PH", "ORGANIZATION"), ("UONG MY", "NAME")])
    assert covered(strict_spans(text, found), text, "PH-") or covered(strict_spans(text, found), text, "-")


def test_strict_takes_the_en_dash_inside_one_organisation():
    # (an en dash or em dash joins a unit and its hospital as a hyphen does: 'Viện Sức khỏe Tâm thần – BV Bạch Mai')
    text = "Chuyển khám: Viện Sức khỏe Tâm thần – BV Bạch Mai, hẹn 8h00."
    found = spans_at(text, [("Viện Sức khỏe Tâm thần", "ORGANIZATION"), ("BV Bạch Mai", "ORGANIZATION")])
    assert covered(strict_spans(text, found), text, "–")


def test_strict_takes_the_one_letter_prefix_of_a_highland_name():
    # ('A Lăng …' of Cơ Tu names: the letter opens its table cell or bracket; 'vitamin A' in a sentence stays)
    for text in ("| 3 | A Lăng Thị Mơ | 2021 | Cơ Tu |", "Nhận xét GVCN (A Lăng Thị Xuyến): em chăm ngoan."):
        name = "Lăng Thị Mơ" if "Mơ" in text else "Lăng Thị Xuyến"
        assert covered(strict_spans(text, spans_at(text, [(name, "NAME")])), text, "A Lăng"[0])
    text = "Bổ sung vitamin A Nguyễn Văn Bình uống đều."
    assert not covered(strict_spans(text, spans_at(text, [("Nguyễn Văn Bình", "NAME")])), text, "A")



def test_strict_leaves_the_relative_day_after_a_removed_time():
    # ('cùng ngày' names no day itself; the hand-written notes leave it outside the DATE, as the default does)
    text = "Công an phường nhận tin lúc 14h25 cùng ngày. Bé được chuyển viện."
    got = strict_spans(text, spans_at(text, [("14h25", "DATE")]))
    i = text.index("cùng ngày")
    assert not any(s.start <= i < s.end for s in got)


def test_strict_takes_the_highland_prefix_letter_between_two_parts_of_a_name():
    text = "tài xế hôm đó là vừ a thào, chở bệnh nhân xuống"
    found = spans_at(text, [("vừ", "NAME"), ("thào", "NAME")])
    out = strict_spans(text, found)
    assert any(s.text == "a" and s.label == "NAME" for s in out)


def test_strict_leaves_a_letter_between_a_name_and_a_place():
    text = "gửi cho lan a hà nội nhé"
    found = spans_at(text, [("lan", "NAME"), ("hà nội", "LOCATION")])
    assert not any(s.text == "a" for s in strict_spans(text, found))


def test_strict_takes_the_comma_between_a_place_and_a_street_read_as_a_name():
    text = "tạm trú kiệt 9 chế lan viên, phường thủy xuân, tp huế\n"
    found = spans_at(text, [("kiệt 9", "LOCATION"), ("chế lan viên", "NAME"), ("phường thủy xuân, tp huế", "LOCATION")])
    i = text.index(", phường")
    assert any(s.start <= i < s.end for s in strict_spans(text, found))


def test_strict_leaves_the_comma_between_a_place_and_a_person_in_a_sentence():
    text = "về quê ở xã thạch đạn, lê văn hùng nói sẽ đưa mẹ đi khám"
    found = spans_at(text, [("xã thạch đạn", "LOCATION"), ("lê văn hùng", "NAME")])
    i = text.index(", lê")
    assert not any(s.start <= i < s.end for s in strict_spans(text, found))
