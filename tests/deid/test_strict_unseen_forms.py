"""The strict profile on forms of writers it has not read: names that are ordinary words in lower-case speech and
chats, numbers and times said aloud, other scripts; and what it keeps in English prose, OCR'd forms and bills.
`strict_spans(text, [])` is the strict engine alone (no default span), so each case tests the engine's own rule."""
from __future__ import annotations

import pytest

from tests.deid.helpers import strict_covered as covered
from vimednlp.deid.strict import strict_spans


def removed(text: str) -> list[str]:
    return [s.text for s in strict_spans(text, [])]


# --- names ----------------------------------------------------------------------------------------------------
def test_strict_a_given_name_said_again_goes_where_a_name_stands():
    # 'mơ' is an ordinary word; once the note names 'lò thị mơ', the speaker 'mơ' at line start goes too
    text = ("cuộc gọi lại người bệnh - điều dưỡng lò thị mơ\n"
            "mơ alo bác có nghe rõ không ạ\n"
            "bác nghe rõ rồi\n"
            "mơ dạ bác uống thuốc huyết áp đều chưa bác")
    assert covered(text, "lò thị mơ")
    starts = [i for i in range(len(text)) if text.startswith("mơ ", i) and (i == 0 or text[i - 1] == "\n")]
    assert len(starts) == 2
    spans = strict_spans(text, [])
    for i in starts:
        assert any(s.start <= i < s.end for s in spans)


def test_strict_a_given_name_said_again_stays_inside_a_clinical_term():
    text = "người nhà: chị đinh thị lả gọi\nbé mệt lả từ chiều, lả đi không ăn"
    spans = strict_spans(text, [])
    mid = text.index("mệt lả") + len("mệt ")
    assert not any(s.start <= mid < s.end for s in spans)


@pytest.mark.parametrize("text, name", [
    ("alo em là lả ở phòng công tác xã hội bệnh viện gọi cho anh", "lả"),
    ("dạ anh chúng ơi em gọi hỏi thăm cái tay anh đỡ chưa", "chúng"),
    ("chị nhờ anh sang chở mẹ chị lên trạm giùm nha", "sang"),
])
def test_strict_removes_a_given_name_after_a_kinship_word(text, name):
    assert covered(text, name)


@pytest.mark.parametrize("text", [
    "anh trai bé đi làm xa, chị gái đưa bé đi khám",
    "con sinh non 34 tuần, em bảo mẹ cho bú mẹ hoàn toàn",
    "bé ở với bà ngoại, anh ấy đi làm tối mới về",
])
def test_strict_keeps_words_that_often_follow_a_kinship_word(text):
    assert removed(text) == []


@pytest.mark.parametrize("text, name", [
    ("chiều nay bác sĩ mang thị lài khám có ghi phù nhẹ hai chân", "mang thị lài"),
    ("giường ba là bé kê thị bliêng suy dinh dưỡng nặng", "kê thị bliêng"),
    ("dạ hán thị nga hai mươi hai tuổi con so", "hán thị nga"),
])
def test_strict_removes_a_lower_case_name_around_thi_or_van(text, name):
    assert covered(text, name)


@pytest.mark.parametrize("text", [
    "bệnh nhân ở thị trấn, thị lực hai mắt giảm, cận thị nặng",
    "đã gửi công văn và văn bản chuyển viện cho siêu thị thuốc",
    "nếu đau thượng vị thì gọi ngay cho con",
])
def test_strict_keeps_words_made_with_thi_or_van(text):
    assert removed(text) == []


# --- numbers and scripts --------------------------------------------------------------------------------------
def test_strict_removes_a_phone_said_aloud_from_khong():
    text = "số của anh lộc là không tám bảy bảy hai ba một nha"
    assert covered(text, "không tám bảy bảy hai ba một")
    text = "dạ không tám bảy bảy dạ đúng rồi"
    assert covered(text, "không tám bảy bảy")


def test_strict_removes_a_clock_time_said_aloud():
    text = "xe tới cổng chừng sáu giờ bốn mươi chị báo bảo vệ mở cổng"
    assert covered(text, "sáu giờ bốn mươi")
    # a dose interval is no clock time
    assert removed("tiêm tĩnh mạch mỗi sáu giờ phẩy theo dõi mạch") == []


@pytest.mark.parametrize("text, name", [
    ("Người nhà ký nhận: vợ Leila (لیلا رحیمی), SĐT liên hệ qua lễ tân", "لیلا رحیمی"),
    ("Bệnh nhân người Nga, tên ghi trên hộ chiếu: Ирина Соколова", "Ирина Соколова"),
])
def test_strict_removes_names_in_other_scripts(text, name):
    assert covered(text, name)


# --- what stays -----------------------------------------------------------------------------------------------
def test_strict_keeps_english_prose_around_vietnamese_syllables():
    text = ("The report was sent to the insurer on the same day; please forward it to his employer, "
            "fluids and doses divided, petechiae on both forearms, skipped meals.")
    assert removed(text) == []


def test_strict_keeps_ocr_words_money_and_countries():
    text = ("PART B - TREATMENT / Hospita1 stamp, c1osed reducti0n, claim F0RM\n"
            "Chi phí: 2.500.000 VNĐ, tạm ứng 3tr2\n"
            "Quốc tịch/Nationality: Japan, tiếng Việt ít, làm việc ở Korea")
    assert removed(text) == []


def test_strict_keeps_a_role_as_a_transcript_speaker():
    text = ("điều phối: alo em chào anh ạ\n"
            "anh vinh: ừ chào em\n"
            "điều phối: dạ anh cho em hỏi lịch tái khám\n"
            "anh vinh: thứ năm tuần sau em")
    gone = removed(text)
    assert "điều" not in " ".join(gone) and "phối" not in " ".join(gone)
    assert any("vinh" in g for g in gone)


@pytest.mark.parametrize("text, part, label", [
    ("bé nhà em mới được tám ngày tuổi mà vàng da tới bụng", "tám ngày tuổi", "AGE"),
    ("quên tôi sinh năm bốn tư tên đầy đủ là ông lịch", "bốn tư", "DATE"),
    ("em gọi từ phòng khám hôm thứ hai mười bảy anh bị ngã xe", "thứ hai mười bảy", "DATE"),
    ("chiều nay ba giờ em lên viện trực", "ba giờ", "DATE"),
    ("chị ghi giùm em tên đàng là đê a en gờ có dấu huyền", "đê a en gờ", "NAME"),
])
def test_strict_removes_dates_ages_and_spelled_names_said_aloud(text, part, label):
    start = text.index(part)
    assert any(s.start <= start and start + len(part) <= s.end and s.label == label for s in strict_spans(text, []))


@pytest.mark.parametrize("text", [
    "chị có bầu lần thứ tư, nghỉ ngơi sau hai giờ truyền dịch",
    "hẹn bà tám giờ sáng thứ năm, bà nói bây giờ đỡ đau rồi",
])
def test_strict_keeps_ordinals_durations_and_lookalikes_of_numbers(text):
    gone = " ".join(removed(text))
    for word in ("lần thứ tư", "hai giờ truyền", "bà", "bây giờ"):
        assert word not in gone


def test_strict_takes_the_next_item_of_a_removed_list_with_its_label():
    # a register row: the first place was removed (here by a default LOCATION span); the second place, after the
    # comma, begins with a word that is safe at a cell's start ('Tân') and must go whole, as a place
    from vimednlp.schema import Span

    text = "3\tLS-VL-0777\tNông Văn Pẻo\t1981\tNam\tNà Khuổi, Tân Mỹ\t14/02/2021\t60 mg"
    a = text.index("Nà Khuổi")
    default = [Span(a, a + len("Nà Khuổi"), "LOCATION", "Nà Khuổi")]
    extra = strict_spans(text, default)
    b = text.index("Tân Mỹ")
    assert any(s.start == b and s.end == b + len("Tân Mỹ") and s.label == "LOCATION" for s in extra)
    assert any(s.label == "LOCATION" and text[s.start:s.end] == "," for s in extra)  # the comma between them


@pytest.mark.parametrize("text, part", [
    ("Patient: MÜLLER, Jonas   DOB 2018-04-02", "MÜLLER, Jonas"),
    ("Review by Ama Owusu-Mensah, next visit in two weeks", "Owusu-Mensah"),
])
def test_strict_takes_the_punctuation_inside_a_name(text, part):
    start = text.index(part)
    spans = strict_spans(text, [])
    for i in range(start, start + len(part)):
        if not text[i].isspace():
            assert any(s.start <= i < s.end for s in spans), text[i]


def test_strict_takes_a_common_word_as_the_name_after_a_person_cue_and_colon():
    text = "Ngày 24/11, người ghi: Lả\nNgười bệnh đến khám lại, đỡ ho."
    assert covered(text, "Lả")


@pytest.mark.parametrize("text, place", [
    ("anh ấy ở làng ka rôm, cách trạm mười cây số", "làng ka rôm"),
    ("dạ em là cộng tác viên dân số thôn phước lợi ạ", "thôn phước lợi"),
])
def test_strict_takes_a_village_name_of_common_or_letter_syllables(text, place):
    assert covered(text, place)


def test_strict_keeps_words_that_share_a_village_word():
    assert removed("bản thân bệnh nhân đã đọc văn bản, hàng xóm nhà bên đưa đi khám") == []


def test_strict_takes_the_rest_of_a_name_in_capitals_on_the_next_line():
    from vimednlp.schema import Span

    text = "Họ và tên mẹ: PINĂNG THỊ HOA\nLANG\nNăm sinh: 1996"
    a = text.index("PINĂNG")
    default = [Span(a, a + len("PINĂNG THỊ HOA"), "NAME", "PINĂNG THỊ HOA")]
    assert any(text[s.start:s.end] == "LANG" for s in strict_spans(text, default))


def test_strict_takes_a_given_name_pair_that_starts_a_line_or_follows_a_comma():
    text = "Cảm ơn anh chị đã gửi báo cáo.\nBest regards, Quốc Bảo"
    assert covered(text, "Quốc Bảo")


def test_strict_keeps_the_common_words_of_a_heading_in_capitals():
    text = "GlẤY CHUYỂN TUYẾN KHÁM BỆNH, CHỮA BỆNH BẢO HIỂM Y TẾ\nBẢNG KÊ CHI PHÍ KHÁM BỆNH NỘI TRÚ"
    gone = " ".join(removed(text))
    for word in ("CHUYỂN TUYẾN", "KHÁM BỆNH", "CHI PHÍ"):
        assert word not in gone


def test_strict_keeps_amounts_in_a_bill_and_counts_beside_removed_dates():
    from vimednlp.schema import Span

    text = "1. Khám bệnh   Lần 2   37.500   75.000   100%   75.000\nTLD\t90 v\t03/11\t02/02/27\tKPH"
    a, b = text.index("03/11"), text.index("02/02/27")
    default = [Span(a, a + 5, "DATE", "03/11"), Span(b, b + 8, "DATE", "02/02/27")]
    gone = " ".join(text[s.start:s.end] for s in strict_spans(text, default))
    assert "37.500" not in gone and "75.000" not in gone and "90 v" not in gone


def test_strict_takes_a_province_in_lower_case_whose_first_word_is_common():
    # a page that writes with marks, a reader without: 'bac' may be 'bác'; a province needs one word that is no
    # common word ('ninh'), a district all of them
    text = ("Page: Dạ chào bạn, bạn cho mình xin địa chỉ nhà để ghi vào danh sách thăm bệnh nhé.\n"
            "Ngọc: nha e o thon dong xuyen, xa yen phong, bac ninh")
    assert covered(text, "bac ninh")


def test_strict_a_name_from_em_la_travels_to_em_and_the_name():
    text = "em là lả ở phòng công tác xã hội gọi anh\nngười nhà ừ cảm ơn em lả nhé"
    second = text.rindex("lả")
    assert any(s.start <= second < s.end for s in strict_spans(text, []))


def test_strict_a_given_name_in_no_list_travels_to_speakers_in_text_without_marks():
    text = ("cuoc goi lai nguoi benh tram y te dinh lac nhan vien duong van phin\n"
            "phin alo chi son phai khong a\n"
            "nguoi nha dung roi em oi\n"
            "phin da em hen chi thu hai tuan sau nhe")
    spans = strict_spans(text, [])
    starts = [i for i in range(len(text)) if text.startswith("phin ", i) and text[i - 1] == "\n"]
    assert len(starts) == 2 and all(any(s.start <= i < s.end for s in spans) for i in starts)


def test_strict_takes_an_english_surname_that_looks_like_a_word_with_an_ending():
    text = "| patient / bệnh nhân\t|\trobert turner\t|\tdob / ngày sinh\t|"
    assert covered(text, "turner")


@pytest.mark.parametrize("text", [
    "đã trao đổi với y sĩ trạm, có bình luận trên nhóm về đường kính ruột thừa",
    "hồ sơ đã gửi, mã hồ sơ ghi ở bìa, ông bảo đồng thời yên tâm chờ kết quả",
])
def test_strict_keeps_common_words_that_start_with_a_surname(text):
    assert removed(text) == []


@pytest.mark.parametrize("text", [
    "chị coi giùm em cái phiếu này, anh đo lại huyết áp rồi em ghé trạm sau",
    "con bú ít, anh mấy giờ về, chị ngưng thuốc từ hôm qua",
])
def test_strict_keeps_verbs_and_question_words_after_a_kinship_word(text):
    assert removed(text) == []


def test_strict_keeps_form_phrases_abbreviations_and_apps():
    text = ("Mã Y tế: ghi ở bìa. Khoa Sản chuyển BN lên Khoa Nhi, BKS xe cứu thương ghi sổ.\n"
            "BẢNG KÊ CHI PHÍ KHÁM BỆNH - KHOA Y HỌC CỔ TRUYỀN\n"
            "Gọi lại qua WhatsApp hoặc Zalo, phác đồ RHZE 2 tháng.")
    assert removed(text) == []


def test_strict_compares_place_cues_as_written_in_text_with_marks():
    # 'tiêm' and 'hộ' are no 'tiệm' or 'hồ' of a place or shop name
    assert removed("bác sĩ nói tiêm ngay một liều, gia đình thuộc hộ nghèo nên được miễn phí") == []


def test_strict_a_role_at_line_start_is_no_given_name_said_again():
    # the default detector (or a speaker rule) may end a name on 'phiên'; the role 'phiên dịch:' keeps its words
    from vimednlp.schema import Span

    text = "người nhà: anh hầu phiên\nphiên dịch: ông bảo đau bụng từ tối qua\nbác sĩ: hỏi ông ăn gì"
    a = text.index("hầu phiên")
    default = [Span(a, a + len("hầu phiên"), "NAME", "hầu phiên")]
    second = text.index("phiên dịch")
    assert not any(s.start <= second < s.end for s in strict_spans(text, default))


# --- chat message times -------------------------------------------------------------------------------------------
def test_strict_takes_the_clock_time_of_a_chat_message_but_keeps_a_dosing_time():
    text = ("[19:02] Ksor Hoa: a oi me e sot cao qua\n"
            "[19:05] BS Tâm: cho uong paracetamol 500mg luc 21:00 nhe\n"
            "Hoa (19:07): vang a")
    spans = strict_spans(text, [])
    for stamp in ("19:02", "19:05", "19:07"):
        assert any(s.label == "DATE" and s.text == stamp for s in spans), stamp
    assert not covered(text, "21:00")  # a time inside the message is a dosing time, kept as before
