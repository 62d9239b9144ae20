"""Realistic Vietnamese clinical notes (written for these tests; every person, number and place is
fictitious) with gold identifier spans in `{LABEL|text}` / `{ID:kind|text}` markup.

Genres: admission note, discharge summary, prescription, lab report, referral letter, consultation
chat, COVID-style case report, nursing note, UPPER-CASE form header, a note without diacritics.
`notes()` also yields UPPER-CASE and no-diacritics variants of every note.
"""
from __future__ import annotations

import re

from vimednlp.schema import Span
from vimednlp.text.fold import fold

RAW_NOTES = [
    # admission note (old address scheme)
    "BỆNH ÁN NỘI KHOA\nHọ tên: {NAME|Nguyễn Văn Hùng}  Tuổi: {AGE|58 tuổi}  Nghề nghiệp: {PROFESSION|công nhân}\n"
    "Địa chỉ: {LOCATION|số 27 ngõ 115 Trần Duy Hưng, phường Trung Hòa, quận Cầu Giấy, Hà Nội}\n"
    "Số CCCD: {ID:cccd|001066012345}. Thẻ BHYT: {ID:bhyt|DN4010123456789}. SĐT: {PHONE|0912 345 678}.\n"
    "Vào viện lúc {DATE|14h30 ngày 12/03/2024}. Lý do vào viện: đau ngực trái, khó thở.\n"
    "Tiền sử: tăng huyết áp 10 năm, đái tháo đường type 2. Người nhà: vợ là bà {NAME|Lê Thị Hoa}, SĐT {PHONE|0983.456.789}.",
    # discharge summary (new 34-province scheme)
    "GIẤY RA VIỆN\nBệnh nhân {NAME|Trần Thị Mai}, {AGE|34 tuổi}, địa chỉ {LOCATION|thôn Đông, xã Tân Phú, tỉnh Đồng Nai}.\n"
    "Mã BN: {ID:mrn|BN2403117}. Vào viện ngày {DATE|05/03/2024}, ra viện ngày {DATE|11/03/2024}.\n"
    "Chẩn đoán: viêm phổi cộng đồng. Điều trị: Ceftriaxone 2g/ngày x 7 ngày. Bác sĩ điều trị: BS. {NAME|Phạm Quốc Tuấn}.\n"
    "Hẹn tái khám {DATE|ngày 25 tháng 3 năm 2024} tại {ORGANIZATION|Bệnh viện Đa khoa tỉnh Đồng Nai}.",
    # prescription
    "ĐƠN THUỐC\nHọ tên: {NAME|Hoàng Minh Quân}  Năm sinh: {DATE|1990}  Giới: Nam\nĐịa chỉ: {LOCATION|45 Lê Lợi, phường Bến Nghé, quận 1, TP. Hồ Chí Minh}\n"
    "Chẩn đoán: Viêm dạ dày (K29.7)\n1. Omeprazol 20mg x 28 viên, uống 1 viên trước ăn sáng\n2. Gaviscon x 14 gói\n"
    "Ngày {DATE|02/04/2024}. Bác sĩ khám bệnh: {NAME|Đỗ Thị Hạnh}. {ORGANIZATION|Phòng khám Đa khoa An Khang}, ĐT {PHONE|(028) 3855 4269}.",
    # lab report
    "PHIẾU KẾT QUẢ XÉT NGHIỆM\nBệnh nhân: {NAME|Vũ Thị Thu Hằng}, {AGE|62 tuổi}. PID: {ID:patient_code|PID00451236}.\n"
    "Ngày lấy mẫu: {DATE|2024-05-17}. Glucose: 7.8 mmol/L (tăng). HbA1c: 7.2 %. Creatinin: 98 µmol/L.\n"
    "Người thực hiện: KTV {NAME|Bùi Văn Long}. Trưởng khoa: TS.BS {NAME|Ngô Thanh Bình}.",
    # referral letter
    "GIẤY CHUYỂN TUYẾN\n{ORGANIZATION|Trung tâm Y tế huyện Gia Lâm} trân trọng giới thiệu người bệnh {NAME|Đặng Văn Tài},\n"
    "sinh năm {DATE|1971}, nghề nghiệp {PROFESSION|nông dân}, ở {LOCATION|xóm 3, xã Kim Sơn, huyện Gia Lâm, Hà Nội},\n"
    "đến {ORGANIZATION|Bệnh viện Bạch Mai} để điều trị tiếp. Lý do chuyển tuyến: nhồi máu não, liệt nửa người phải.\n"
    "Ngày chuyển: {DATE|ngày 8 tháng 6 năm 2024}. Người liên hệ: con trai {NAME|Đặng Văn Sơn}, {PHONE|+84 904 112 233}.",
    # consultation chat
    "[Tư vấn trực tuyến]\nBS: Chào chị, chị cho em xin họ tên và năm sinh ạ.\nKH: Em tên {NAME|Lương Thị Ngọc Ánh}, sinh {DATE|1995}, "
    "số điện thoại {PHONE|0376 888 912}, email {EMAIL|ngocanh.luong95@gmail.com}.\n"
    "KH: Con em là bé {NAME|Khôi}, {AGE|8 tháng tuổi}, sốt 38,5 độ từ {DATE|hôm 3/7}, bú kém.\n"
    "BS: Chị cho bé đi khám tại {ORGANIZATION|Bệnh viện Nhi Trung ương} nhé.",
    # COVID-style case report
    "Bệnh nhân {ID:patient_code|BN2187} ({NAME|Lê Văn Nam}), nam, {AGE|41 tuổi}, trú tại {LOCATION|phường Hòa Khánh Bắc, quận Liên Chiểu, Đà Nẵng}, "
    "là {PROFESSION|tài xế} xe khách. Ngày {DATE|20/7/2020} có sốt, ho; ngày {DATE|22/7/2020} được lấy mẫu xét nghiệm, kết quả dương tính.\n"
    "Bệnh nhân từng đến {ORGANIZATION|Bệnh viện Đà Nẵng} thăm người thân.",
    # nursing note
    "Phiếu chăm sóc - Khoa Hồi sức. Người bệnh {NAME|Phan Thị Loan}, giường 12. {DATE|7h ngày 15/08/2024}: mạch 92 l/p, "
    "HA 130/80 mmHg, SpO2 96%. ĐD. {NAME|Huỳnh Thị Trang} thực hiện y lệnh. Người nhà: chồng là ông {NAME|Tạ Văn Dũng}, "
    "biển số xe {ID:plate|29A-123.45}, liên hệ {PHONE|0868 123 456}.",
    # insurance / admin
    "Thông tin hành chính: họ và tên {NAME|Trịnh Đức Mạnh}; CMND {ID:cmnd|013456789}; số sổ BHXH {ID:bhxh|0123456789}; "
    "thẻ BHYT {ID:bhyt|HC 4 01 0123456789}; nơi làm việc {ORGANIZATION|Công ty TNHH Minh Phát}; nghề nghiệp {PROFESSION|kế toán}; "
    "ngày sinh {DATE|23/11/1985}; tuổi {AGE|38}.",
    # outpatient
    "Khám ngoại trú {DATE|ngày 10/01/2025}. Anh {NAME|Cao Văn Thắng}, {AGE|29t}, {PROFESSION|kỹ sư} phần mềm, đến khám vì đau đầu. "
    "Địa chỉ liên hệ {LOCATION|số 9 hẻm 42 Nguyễn Trãi, phường 3, quận 5, TP.HCM}. Email {EMAIL|thang.cao@example.com}. "
    "Khám: tỉnh, tiếp xúc tốt, không dấu thần kinh khu trú. Hẹn tái khám {DATE|tháng 3/2025}.",
    # surgery
    "BIÊN BẢN PHẪU THUẬT\nNgười bệnh: {NAME|Lý Thị Kim Oanh}, {AGE|47 tuổi}, số vào viện {ID:admission|24.012345}.\n"
    "Phẫu thuật viên: PGS.TS {NAME|Mai Xuân Trường}; gây mê: ThS.BS {NAME|Chu Thị Thoa}.\nNgày mổ {DATE|18/09/2024}: cắt túi mật nội soi. "
    "Sau mổ ổn định, chuyển khoa Ngoại tổng hợp.",
    # family history + relatives
    "Tiền sử gia đình: mẹ là bà {NAME|Hồ Thị Lan} mất năm {DATE|2015} do ung thư vú; em gái {NAME|Hồ Thị Nga}, {AGE|40 tuổi}, "
    "đang điều trị tại {ORGANIZATION|Bệnh viện K}. Bệnh nhân {NAME|Hồ Văn Lực} hiện sống tại {LOCATION|ấp Bình An, xã Long Phước, huyện Long Thành, tỉnh Đồng Nai}.",
    # telemedicine with URL/IP
    "Phiên khám từ xa mã {ID:serial|TM-2024-0831}, bệnh nhân {NAME|Dương Thị Yến} đăng nhập từ IP {IP|113.161.72.15}, "
    "hồ sơ tại {URL|https://hoso.benhvien-minhanh.vn/bn/88123}. Hẹn gọi lại số {PHONE|024 3869 3731} vào {DATE|16h ngày 21/10/2024}.",
    # pediatric
    "Trẻ {NAME|Nguyễn Gia Bảo}, {AGE|3 tuổi}, sinh ngày {DATE|ngày 2 tháng 9 năm 2021}, con của anh {NAME|Nguyễn Văn Toàn} và chị "
    "{NAME|Lâm Thị Duyên}. Địa chỉ: {LOCATION|tổ 5, phường Quang Trung, thành phố Thái Nguyên, tỉnh Thái Nguyên}. Tiêm vắc xin sởi đủ mũi.",
    # emergency
    "Cấp cứu lúc {DATE|23h15 ngày 31/12/2023}: bệnh nhân {NAME|Kiều Văn Hải} bị tai nạn giao thông trên đường về {LOCATION|huyện Thanh Trì}, "
    "được người đi đường là anh {NAME|Quách Minh Đức} đưa vào. Glasgow 13 điểm, vết thương vùng trán 3 cm.",
    # already without diacritics (chat style)
    "bs oi, em ten {NAME|Pham Thi Thuy}, {AGE|27 tuoi}, o {LOCATION|phuong Dich Vong, quan Cau Giay, Ha Noi}. "
    "sdt em {PHONE|0961234567}. em bi dau bung tu {DATE|ngay 5/3} a.",
]

_MARK = re.compile(r"\{([A-Z]+)(?::([a-z_]+))?\|([^{}]+)\}")


def parse(marked: str) -> tuple[str, list[Span]]:
    """Text and gold spans from `{LABEL|text}` markup."""
    out, spans, last, pos = [], [], 0, 0
    for m in _MARK.finditer(marked):
        chunk = marked[last:m.start()]
        out.append(chunk)
        pos += len(chunk)
        value = m.group(3)
        attrs = {"kind": m.group(2)} if m.group(2) else {}
        spans.append(Span(pos, pos + len(value), m.group(1), value, "gold", 1.0, attrs))
        out.append(value)
        pos += len(value)
        last = m.end()
    out.append(marked[last:])
    return "".join(out), spans


def transform_markup(raw: str, fn) -> str:
    """Apply `fn` (e.g. str.upper, fold) to the text and the values, never to the labels."""
    parts, last = [], 0
    for m in _MARK.finditer(raw):
        parts.append(fn(raw[last:m.start()]))
        kind = ":" + m.group(2) if m.group(2) else ""
        parts.append("{" + m.group(1) + kind + "|" + fn(m.group(3)) + "}")
        last = m.end()
    parts.append(fn(raw[last:]))
    return "".join(parts)


def notes(variants: bool = True) -> list[tuple[str, str, list[Span]]]:
    """(name, text, gold spans) for every note, plus UPPER-CASE and no-diacritics variants."""
    res = []
    for i, raw in enumerate(RAW_NOTES):
        res.append((f"note{i}", *parse(raw)))
        if variants:
            res.append((f"note{i}-upper", *parse(transform_markup(raw, str.upper))))
            res.append((f"note{i}-nodiac", *parse(transform_markup(raw, fold))))
    return res
