"""Recall fixes found on the seventh batch of hand-written development notes (sentences written for these
tests, not copied from any note)."""
from __future__ import annotations

from .helpers import texts


# --- NAME -----------------------------------------------------------------------------------------
def test_chat_handle_outside_the_lexicon(rules):
    chat = ("Zalo nhóm lớp\nMít Ướt: mn ơi mai đi thăm cô không\nMinh Châu: đi chứ, mấy giờ\n"
            "Mít Ướt: 9h sáng nha\nHải Yến 🌷: t đi được\n")
    got = texts(rules, chat, "NAME")
    assert got.count("Mít Ướt") == 2 and "Hải Yến" in got
    assert texts(rules, "Zalo\nBống 🐷: mai t đi khám\n", "NAME") == ["Bống"]
    # a form's field labels are never handles, even when capitalised twice
    form = "Địa Chỉ: 12 Lê Lợi\nGhi Chú: không\nĐịa Chỉ: 14 Lê Lợi\nGhi Chú: không\n"
    assert texts(rules, form, "NAME") == []


def test_given_name_after_a_staff_title_or_in_a_signature_slot(rules):
    assert texts(rules, "Người nhà chờ BS Nam giải thích kết quả.", "NAME") == ["Nam"]
    assert texts(rules, "Bệnh nhân nam, 45 tuổi.", "NAME") == []
    got = texts(rules, "| 03/04 | 7h10 | 80 | đã ký | Quyên |\n| 04/04 | 7h30 | 80 | đã ký | Tuấn | BN ổn", "NAME")
    assert got == ["Quyên", "Tuấn"]
    assert texts(rules, "tổng đài viên Phượng xin nghe ạ", "NAME") == ["Phượng"]


def test_romanised_foreign_names(rules):
    got = texts(rules, "Patient: PARK Min-jun     DOB: 1988-02-11\nNgười liên hệ: chồng Choi Hyun-woo, ĐT 0912 448 301", "NAME")
    assert got == ["PARK Min-jun", "Choi Hyun-woo"]
    assert texts(rules, "Khám bởi BS TANAKA Kenji, phiên dịch có mặt.", "NAME") == ["TANAKA Kenji"]
    # a pressure reading or a unit in capitals is no surname
    assert texts(rules, "HA 130/85, SpO2 97%. ICU Phase-two protocol.", "NAME") == []


def test_khmer_name_in_capitals_and_highlands_surname(rules):
    got = texts(rules, "NGƯỜI NHÀ: VỢ THẠCH THỊ SA RÊN, BUÔN BÁN, ĐT 0377 210 934.", "NAME")
    assert got == ["THẠCH THỊ SA RÊN"]
    got = texts(rules, "NGƯỜI NHÀ: CHỒNG SOK CHAN THY, LÀM RẪY.", "NAME")
    assert got == ["SOK CHAN THY"]
    assert texts(rules, "Hồ sơ lưu: Rơ Mah Plưi, làng Ia Ke.", "NAME") == ["Rơ Mah Plưi"]


# --- ID -------------------------------------------------------------------------------------------
def test_codes_after_field_labels(rules):
    assert texts(rules, "Số GPB: C25-001873     Mã BN: 25110042", "ID") == ["C25-001873", "25110042"]
    assert texts(rules, "TRN: HKD5520931     Ngày khám: 12/01/2026", "ID") == ["HKD5520931"]
    assert texts(rules, "Mã số phiếu báo cáo nội bộ: QN-ADR-26/0041\nA. THÔNG TIN", "ID") == ["QN-ADR-26/0041"]
    # clinical codes after a capitalised label stay
    assert texts(rules, "GCS: E4V5M6. ICD: J18.9, chẩn đoán B26 (quai bị).", "ID") == []


# --- DATE -----------------------------------------------------------------------------------------
def test_clock_times_and_date_parts(rules):
    assert "6h 21/03" in texts(rules, "Ca trực 18h 20/03/2026 -> 6h 21/03, bàn giao đủ.", "DATE")
    assert texts(rules, "Nhịn ăn từ 23h 04/02.", "DATE") == ["23h 04/02"]
    assert texts(rules, "Incision 10:41: rạch da. Closure 11:58.", "DATE") == ["10:41", "11:58"]
    assert texts(rules, "Khí máu 4h: pH 7,35.", "DATE") == ["4h"]
    assert texts(rules, "Sau 2h: bệnh nhân tỉnh, mỗi 4h: đo mạch.", "DATE") == []
    assert texts(rules, "Date: Tue, 3 Feb 2026 21:07:44 +0700", "DATE") == ["Tue, 3 Feb 2026 21:07:44 +0700"]
    assert texts(rules, "Hẹn tái khám cuối tháng 7/2026.", "DATE") == ["cuối tháng 7/2026"]
    assert texts(rules, "Hút thuốc 15 năm, đã bỏ từ 2018.", "DATE") == ["2018"]
    assert texts(rules, "Làm thợ mỏ từ 2004 đến 2016.", "DATE") == ["2004", "2016"]
    assert texts(rules, "Bạch cầu tăng từ 2000 lên 5000, nước tiểu từ 1800 -> 2100 ml.", "DATE") == []
    # chat stamps, titres and volumes are no dates
    assert texts(rules, "[21:05] Lan: ANA 1:40, truyền từ 2000 ml dịch", "DATE") == []


# --- ORGANIZATION / PROFESSION --------------------------------------------------------------------
def test_agencies_treatment_centres_newspapers_private_clinics(rules):
    org = lambda t: texts(rules, t, "ORGANIZATION")
    assert org("Theo yêu cầu của Cơ quan Cảnh sát điều tra Công an tỉnh Gia Lai, ...") == \
        ["Cơ quan Cảnh sát điều tra Công an tỉnh Gia Lai"]
    assert org("Nơi điều trị: Cơ sở điều trị Methadone Hai Bà Trưng\n") == ["Cơ sở điều trị Methadone Hai Bà Trưng"]
    assert org("(Báo Tuổi Trẻ) - Sáng nay, một bé trai") == ["Báo Tuổi Trẻ"]
    assert org("Báo BS trực nếu sốt.") == []
    assert org("Trước đó khám tại Phòng khám tư nhân BS Hoàng Lan.") == ["Phòng khám tư nhân BS Hoàng Lan"]


def test_specialised_job_and_a_managers_post(rules):
    assert texts(rules, "Nghề nghiệp: kỹ sư điện tử tại khu công nghệ cao.", "PROFESSION") == ["kỹ sư điện tử"]
    got = texts(rules, "Người liên hệ: bà Đỗ Thị Hạnh, trưởng phòng Nhân sự, ĐT 0243 3 512 877.", "PROFESSION")
    assert got == ["trưởng phòng Nhân sự"]
    # a clinician's own post in the minutes of a meeting is not about a patient
    assert texts(rules, "Chủ trì: BSCKII Lê Văn Tâm, Phó giám đốc.", "PROFESSION") == []


# --- boundaries -----------------------------------------------------------------------------------
def test_english_age_and_names_that_look_like_terms(rules):
    assert texts(rules, "DOB: 1985-03-02 (40 y)     Sex: F", "AGE") == ["40 y"]
    assert texts(rules, "A 52 years old man with chest pain.", "AGE") == ["52 years old"]
    assert texts(rules, "BN Trần Thị Hồng Cầu, 61 tuổi. Hồng cầu 3,9 T/L.", "NAME") == ["Trần Thị Hồng Cầu"]


def test_address_with_a_one_letter_ward_and_a_lower_case_city(rules):
    assert texts(rules, "Địa chỉ: ngõ 12 Đặng Văn Ngữ, phường Ô Chợ Dừa, Hà Nội", "LOCATION") == [
        "ngõ 12 Đặng Văn Ngữ, phường Ô Chợ Dừa, Hà Nội"]
    assert texts(rules, "nhà nó ở hẻm 7 Lê Văn Sỹ, phường Nhiêu Lộc, tp hcm đó", "LOCATION") == [
        "hẻm 7 Lê Văn Sỹ, phường Nhiêu Lộc, tp hcm"]
    assert texts(rules, "Bệnh nhân về tỉnh bình thường.", "LOCATION") == []


def test_given_name_alone_in_a_chat_and_an_estate_known_by_its_acronym(rules):
    chat = ("Nhóm lớp\nMai Chi: Phương Thảo ốm rồi, nằm viện\nQuang Đỗ: thật hả\nMai Chi: ừ, chiều nay ai đi thăm Thảo không\n"
            "Quang Đỗ: t với Mai Chi đi, nhớ rủ Quang nha\n")
    got = texts(rules, chat, "NAME")
    assert "Thảo" in got and "Quang" in got
    assert texts(rules, "Anh làm công nhân khu công nghiệp VSIP 2, Bình Dương.", "LOCATION")[0].startswith("khu công nghiệp VSIP")


def test_clock_time_after_from_until_next(rules):
    assert texts(rules, "Sốt từ 14h, truyền dịch đến 16h30, liều tiếp theo 20h.", "DATE") == ["14h", "16h30", "20h"]
    # durations stay out
    assert texts(rules, "Theo dõi trong 2h, sau 5h đo lại.", "DATE") == []


def test_foreign_name_in_given_last_order_in_a_text_with_diacritics(rules):
    got = texts(rules, "Người liên hệ: vợ Suzuki Haruka, ĐT +81 80 2231 4456.", "NAME")
    assert got == ["Suzuki Haruka"]
    assert texts(rules, "Thuốc của hãng Sun Pharma, uống sau ăn.", "NAME") == []


def test_names_under_a_staff_column_of_a_table(rules):
    table = ("| Ngày | Giờ | Người thực hiện | Ghi chú |\n| 02/03 | 8h | Quyên | ổn |\n"
             "| 03/03 | 8h | Lê Thu Hà | Bình thường |\n| 04/03 | - | - | nghỉ |\n")
    got = texts(rules, table, "NAME")
    assert got == ["Quyên", "Lê Thu Hà"]
    # a comments column holding a capitalised word stays
    assert texts(rules, "| Ngày | Ghi chú |\n| 02/03 | Bình thường |\n", "NAME") == []


def test_reference_codes_after_any_field_label(rules):
    assert texts(rules, "Số hồ sơ lưu tại phòng: HS/2026/0417\n", "ID") == ["HS/2026/0417"]
    assert texts(rules, "Report No: LAB-55120     Ref: QX7781203", "ID") == ["LAB-55120", "QX7781203"]
    assert texts(rules, "Mã ICD: J18.9. Thuốc: ABC12345", "ID") == []


def test_foreign_name_with_hyphen_in_a_text_in_capitals(rules):
    got = texts(rules, "NGƯỜI BỆNH: CHOI SEO-YEON, NỮ, 28 TUỔI. XÉT NGHIỆM ANTI-HCV ÂM TÍNH.", "NAME")
    assert got == ["CHOI SEO-YEON"]


def test_school_head_kept_before_a_place_that_took_its_name(rules):
    got = [(s.label, s.text) for s in rules.analyze("Trường: Trường Tiểu học Nghĩa Tân, phường Nghĩa Đô, Hà Nội")]
    covered = " ".join(t for _, t in got)
    assert "Trường Tiểu học" in covered and "Nghĩa Tân" in covered


def test_job_word_with_a_workplace(rules):
    assert texts(rules, "Mẹ cháu bán hàng ở chợ Bến Thành, chiều mới về.", "PROFESSION") == ["bán hàng"]
    assert texts(rules, "Chị đi bán hàng rồi về nấu cơm.", "PROFESSION") == []
