"""Third recall round: certificates and claim forms, foreign patients, ethnic-minority names, English clock
times. Every example is invented for vimednlp."""
import pytest

from vimednlp.deid.analyzer import Analyzer


@pytest.fixture(scope="module")
def rules():
    return Analyzer(model=None)


def found(an, text):
    return {(s.text, s.label) for s in an.analyze(text)}


@pytest.mark.parametrize("text,span", [
    ("Họ và tên người chết: ĐỖ VĂN BẢY     Giới tính: Nam", ("ĐỖ VĂN BẢY", "NAME")),   # a name never ends on 'Văn'
    ("Trẻ: Giàng A Chớ   Ngày sinh: 02.04.2025", ("Giàng A Chớ", "NAME")),              # Hmong middle name 'A'
    ("Họ tên mẹ: H' NGUYỆT MLÔ     Dân tộc: Ê Đê", ("H' NGUYỆT MLÔ", "NAME")),
    ("Người bệnh: CHEA VUTHY (quốc tịch Campuchia), 41 tuổi", ("CHEA VUTHY", "NAME")),
    ("Người đi kèm: Ly Sokha (vợ), ĐT 0939 111 402", ("Ly Sokha", "NAME")),
    ("thằng Tũn nhà em sốt từ tối qua", ("Tũn", "NAME")),
    ("Chồng chị ấy Lucas đang chờ ở sảnh", ("Lucas", "NAME")),
    ("chị cho bé uống thuốc rồi chiều 4g đưa bé qua nha", ("4g", "DATE")),
    ("patient vào ER lúc 11pm vì khó thở", ("11pm", "DATE")),
    ("đã tiêm Morphin 5mg TDD lúc 2h15, bệnh nhân ngủ được", ("2h15", "DATE")),
    ("Chồng chị ấy số +44 7700 900 123, đang ở khách sạn", ("+44 7700 900 123", "PHONE")),
    ("Số HĐ: PVI-DN-2024-118204   Ngày: 01/02/2025", ("PVI-DN-2024-118204", "ID")),
    ("Tài khoản nhận tiền: 1903 5566 7788 01 - Techcombank", ("1903 5566 7788 01", "ID")),
    ("chuyển khoản qua Agribank chi nhánh huyện", ("Agribank", "ORGANIZATION")),
])
def test_found(rules, text, span):
    assert span in found(rules, text)


@pytest.mark.parametrize("text,not_span", [
    ("Người bệnh: CHEA VUTHY (quốc tịch Campuchia), 41 tuổi", ("Campuchia", "LOCATION")),  # a citizenship
    ("Công ty: Bảo hiểm PVI Đông Đô", ("Công ty", "NAME")),
    ("uống 5g đường pha nước ấm", ("5g", "DATE")),                                     # grams, not a clock
    ("đo lại HA lúc 150/90 mmHg", ("150/90", "DATE")),
    ("Bệnh nhân: tỉnh, tiếp xúc tốt", ("tỉnh", "NAME")),
    ("kinh gui ong, lich kham cua ong luc 8h00 ngay 12/01", ("luc", "NAME")),
])
def test_not_found(rules, text, not_span):
    assert not_span not in found(rules, text)


def test_a_country_after_a_travel_word_stays_a_place(rules):
    assert ("Campuchia", "LOCATION") in found(rules, "Bệnh nhân trở về từ Campuchia ngày 3/5")
