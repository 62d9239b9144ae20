"""The strict profile (`profile="strict"`): what the default detector leaves and is not known safe goes; clinical
vocabulary, vital signs, doses and lab values stay; the default profile is unchanged."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

import vimednlp
from vimednlp.deid import Deidentifier
from vimednlp.deid.cli import deid as deid_command


def both(text: str) -> tuple[str, str]:
    return (vimednlp.deidentify(text, profile="default").text, vimednlp.deidentify(text, profile="strict").text)


# --- what strict removes that the default detector keeps ----------------------------------------------------------
@pytest.mark.parametrize("text, identifier", [
    # a lab order number of letters and digits after a test abbreviation
    ("Kết quả gửi về hộp thư, số phiếu XN 24LB0917733, mẫu máu lấy lúc 7h30, Glucose 6,8 mmol/l.", "24LB0917733"),
    # an account name after its platform
    ("Mẹ bé nhắn tin qua nhóm, nick tiktok là bongbong.mommy, nhờ tư vấn: bé 18 tháng sốt 38,2 độ.",
     "bongbong.mommy"),
])
def test_strict_removes_what_default_keeps(text, identifier):
    default, strict = both(text)
    assert identifier in default
    assert identifier not in strict


# the strict step alone finds these too (the default detector now finds them as well: the step is a safety net)
@pytest.mark.parametrize("text, identifier", [
    ("Bài viết của Hạnh Nguyễn Thị: cả nhà ơi con em bị viêm phổi, đang dùng Augmentin 1 g.", "Hạnh"),
    ("💬 Lan Phạm: con em sốt cao 39 độ\n💬 Minh Anh: cho bé uống hạ sốt nha em\n💬 Lan Phạm: dạ em cảm ơn chị", "Lan Phạm"),
    # a name in Arabic script (the model retrained on names in eleven scripts takes it in the default profile too)
    ("Người nhà là vợ ông, bà لیلا رحیمی, gọi 0972 118 456 khi cần.", "لیلا رحیمی"),
])
def test_the_strict_step_alone_finds_speakers_and_post_authors(text, identifier):
    from vimednlp.deid.strict import strict_spans

    taken = " ".join(text[s.start:s.end] for s in strict_spans(text, []))
    assert all(w in taken for w in identifier.split()), taken


def test_chat_speakers_are_removed_on_every_line():
    text = ("💬 Lan Phạm: con em 3 tuổi sốt cao 39 độ từ tối qua, có cần đưa đi viện không ạ\n"
            "💬 Minh Anh: cho bé uống hạ sốt 10-15 mg/kg, theo dõi co giật nha em\n"
            "💬 Lan Phạm: dạ em cảm ơn chị")
    default, strict = both(text)
    assert "Lan" not in strict and "Minh" not in strict and "Phạm" not in strict
    assert "hạ sốt 10-15 mg/kg, theo dõi co giật" in strict


def test_digits_spelled_aloud_in_a_transcript_are_removed():
    text = "dạ số thẻ bảo hiểm của bà là gờ đê bốn không chín một hai ba năm sáu bảy tám ạ, bà bị ho ba ngày nay"
    strict = vimednlp.deidentify(text, profile="strict").text
    assert "bốn không chín một hai" not in strict
    assert "bị ho ba ngày nay" in strict


def test_a_lower_case_name_after_a_title_is_removed():
    text = "bsĩ hạ bảo hoa dặn uống thuốc đều, tái khám sau 2 tuần"
    strict = vimednlp.deidentify(text, profile="strict").text
    assert "bảo hoa" not in strict
    assert "uống thuốc đều, tái khám sau 2 tuần" in strict


def test_lower_case_hospital_and_spelled_date_in_a_chat_are_removed():
    text = "dạ hôm mười bảy tháng năm em đưa ba đi bệnh viện thanh nhàn khám, bác sĩ bảo ba bị tăng huyết áp"
    strict = vimednlp.deidentify(text, profile="strict").text
    assert "mười bảy tháng năm" not in strict and "thanh nhàn" not in strict
    assert "bị tăng huyết áp" in strict


def test_lower_case_names_in_a_billing_table_are_removed():
    text = "stt\thọ tên\tnăm sinh\tchẩn đoán\n1\tnguyễn thị hưởng\t1947\tđái tháo đường\n2\tvõ thu thanh\t1956\tviêm phổi"
    strict = vimednlp.deidentify(text, profile="strict").text
    for ident in ("nguyễn thị hưởng", "võ thu thanh", "1947", "1956"):
        assert ident not in strict
    assert "đái tháo đường" in strict and "viêm phổi" in strict


# --- what strict keeps --------------------------------------------------------------------------------------------
KEEP = ("Bệnh nhân nhập viện vì sốt 38,5 độ, HA 120/80 mmHg, SpO2 97%, mạch 88 l/p, nhịp thở 20 l/p. "
        "Xét nghiệm: HbA1c 7,2%, CRP 45 mg/l, bạch cầu 12,5 G/l, Creatinin 88 µmol/l. "
        "Chẩn đoán: Viêm phổi cộng đồng / Đái tháo đường type 2. "
        "Điều trị: Ceftriaxon 2 g/ngày, Paracetamol 500 mg x 3 lần/ngày, Insulin Mixtard 30 12 UI sáng.")


@pytest.mark.parametrize("kept", [
    "sốt 38,5 độ", "HA 120/80 mmHg", "SpO2 97%", "mạch 88 l/p", "HbA1c 7,2%", "CRP 45 mg/l", "bạch cầu 12,5 G/l",
    "Creatinin 88 µmol/l", "Chẩn đoán: Viêm phổi cộng đồng", "Đái tháo đường type 2", "Ceftriaxon 2 g/ngày",
    "Paracetamol 500 mg x 3 lần/ngày", "Insulin Mixtard 30 12 UI sáng",
])
def test_strict_keeps_vitals_doses_lab_values_and_clinical_terms(kept):
    res = vimednlp.deidentify(KEEP, profile="strict")
    assert kept in res.text
    assert res.spans == []


def test_strict_spans_never_overlap_and_map_to_the_input():
    text = "Ghi chú ngày 03/10/2026: liên hệ @lan.pham88 hoặc chị Marta Kowalska, mã hồ sơ QX7-550913."
    res = vimednlp.deidentify(text, profile="strict")
    for a, b in zip(res.spans, res.spans[1:]):
        assert a.end <= b.start
    for s in res.spans:
        assert text[s.start:s.end] == s.text
    for ident in ("03/10/2026", "@lan.pham88", "Marta", "Kowalska", "QX7-550913"):
        assert ident not in res.text


def test_the_strict_step_registers_as_a_recognizer():
    from vimednlp.deid.analyzer import Analyzer
    from vimednlp.deid.recognizers.registry import RecognizerRegistry
    from vimednlp.deid.strict import StrictRecognizer

    analyzer = Analyzer(model=None, registry=RecognizerRegistry.default().add(StrictRecognizer()))
    got = [(s.label, s.text) for s in analyzer.analyze("Người nhà: bà 王秀英, số phiếu XN 24LB0917733, HA 130/85 mmHg.")]
    assert ("NAME", "王秀英") in got and ("ID", "24LB0917733") in got
    assert not any("130/85" in t for _, t in got)


# --- the default profile and bad input ----------------------------------------------------------------------------
def test_default_profile_is_the_detector_as_before():
    text = "BN Nguyễn Văn An, 45 tuổi, SĐT 0912 345 678, bạn Zhang Wei (张伟), mã 24LB0917733."
    plain = vimednlp.deidentify(text)
    named = vimednlp.deidentify(text, profile="default")
    assert [(s.start, s.end, s.label) for s in plain.spans] == [(s.start, s.end, s.label) for s in named.spans]


def test_an_unknown_profile_is_a_clear_error():
    with pytest.raises(ValueError, match=r"unknown de-identification profile 'lenient'.*default, strict"):
        vimednlp.deidentify("BN Nguyễn Văn An", profile="lenient")
    with pytest.raises(ValueError, match="profile"):
        Deidentifier(profile="STRICT ")


# --- widening: the head words of an address or organisation that the detector left outside its span ------------
@pytest.mark.parametrize("text, leak", [
    ("Hợp đồng với Bảo hiểm Phú Hưng Sóc Trăng, số HĐ 7712.", "Bảo hiểm"),
])
def test_strict_takes_the_words_its_span_left_behind(text, leak):
    default = vimednlp.deidentify(text, operator="tag").text
    strict = vimednlp.deidentify(text, operator="tag", profile="strict").text
    assert leak in default  # the default profile keeps the head words
    assert leak not in strict, strict


def test_widening_leaves_a_date_range_and_a_place_line_as_written():
    # annotators mark 'từ A đến B' as two dates and 'Huế, ngày …' as a place and a date: nothing is bridged
    text = "Thẻ có giá trị từ 01/01/2026 đến 31/12/2026.\nHuế, ngày 27 tháng 4 năm 2026"
    out = vimednlp.deidentify(text, operator="tag", profile="strict").text
    assert " đến " in out and "], [" in out


def test_widening_keeps_clinical_words_and_names_apart():
    text = "Bà Nguyễn Thị Hoa, 71 tuổi, đái tháo đường, ở tổ 5 phường Tân Mai."
    out = vimednlp.deidentify(text, operator="tag", profile="strict").text
    assert "đái tháo đường" in out and "Bà " in out


# --- transcripts and chats of ethnic-minority patients, weekdays ---------------------------------------------------
@pytest.mark.parametrize("text, name", [
    ("dạ em là y sĩ ksor blưm ở trạm y tế xã", "blưm"),
    ("bé tên a brâu năm nay bốn tuổi", "brâu"),
    ("chồng chị là anh sùng a chớ đi làm xa", "chớ"),
])
def test_strict_takes_an_ethnic_minority_name_after_a_person_cue(text, name):
    out = vimednlp.deidentify(text, operator="tag", profile="strict").text
    assert name not in out, out


def test_strict_takes_a_chat_speaker_with_a_bare_time():
    text = ("giang a chu 06:40: bo em dau bung tu dem qua\nđd hạnh 06:45: em cho bố uống nước nhé\n"
            "giang a chu 06:52: da vang")
    out = vimednlp.deidentify(text, operator="tag", profile="strict").text
    assert "giang a chu" not in out and "chu 06" not in out, out


@pytest.mark.parametrize("text, day", [
    ("Hẹn tái khám thứ sáu ngày 14/11/2025 lúc 8 giờ.", "thứ sáu"),
    ("Follow-up booked for Friday, 14/11/2025.", "Friday"),
])
def test_strict_takes_the_weekday_of_a_date(text, day):
    out = vimednlp.deidentify(text, operator="tag", profile="strict").text
    assert day not in out, out


# --- the command line ---------------------------------------------------------------------------------------------
def test_command_line_profile_strict(tmp_path):
    src = tmp_path / "note.txt"
    src.write_text("Người nhà: bà 王秀英, số phiếu XN 24LB0917733, HA 130/85 mmHg.", encoding="utf-8")
    out = tmp_path / "out.txt"
    r = CliRunner().invoke(deid_command, [str(src), "--out", str(out), "--profile", "strict", "-q"])
    assert r.exit_code == 0, r.output
    got = out.read_text(encoding="utf-8")
    assert "王秀英" not in got and "24LB0917733" not in got
    assert "HA 130/85 mmHg" in got


def test_command_line_unknown_profile_is_a_usage_error(tmp_path):
    src = tmp_path / "note.txt"
    src.write_text("BN Nguyễn Văn An", encoding="utf-8")
    r = CliRunner().invoke(deid_command, [str(src), "--profile", "lenient", "-q"])
    assert r.exit_code == 2
    assert "lenient" in r.output and "strict" in r.output


# --- ordinary English stays (bilingual notes), names that are English words still go ------------------------------
@pytest.mark.parametrize("text, kept", [
    # a bilingual progress note: frequencies, results, plans written in English
    ("BN nam, POD 2 sau mổ nội soi cắt túi mật. Wound healing well, no swelling, đau giảm. Plan: recheck CBC "
     "tomorrow morning, continue cefazolin 1 g tid, paracetamol 500 mg prn khi sốt; biopsy result still pending, "
     "will update the family.",
     ["Wound healing well, no swelling", "recheck CBC tomorrow morning, continue cefazolin 1 g tid",
      "paracetamol 500 mg prn", "biopsy result still pending, will update the family"]),
    # a dental visit
    ("Implant placement vùng răng 36 hôm nay, bone quality good, bệnh nhân hợp tác. Next visit: crown impression "
     "after healing, check bite and adjust if needed.",
     ["Implant placement", "bone quality good", "crown impression after healing, check bite and adjust if needed"]),
    # an insurer's e-mail
    ("Dear team, please confirm the guarantee of payment for this admission; the itemised invoice is attached. "
     "Kind regards",
     ["Dear team, please confirm the guarantee of payment for this admission", "the itemised invoice is attached",
      "Kind regards"]),
], ids=["progress-note", "dental-visit", "insurer-email"])
def test_strict_keeps_ordinary_english_of_a_bilingual_note(text, kept):
    out = vimednlp.deidentify(text, operator="tag", profile="strict").text
    for phrase in kept:
        assert phrase in out, (phrase, out)


@pytest.mark.parametrize("text, name", [
    ("Người nhà: Grace Young gọi lại lúc chiều, BN đồng ý chuyển tuyến.", "Grace Young"),
    ("Emergency contact: her daughter Hope Parker, works as a teacher.", "Hope Parker"),
    ("Hóa đơn đã gửi Loan qua email, chờ xác nhận.", "Loan"),
], ids=["grace-young", "hope-parker", "loan"])
def test_strict_takes_names_that_are_also_english_words(text, name):
    # the strict step alone: a given name or surname that is also an English word (grace, young, hope) or a
    # Vietnamese name syllable that is one (loan) is not known safe when capitalised
    from vimednlp.deid.strict import strict_spans

    taken = [text[s.start:s.end] for s in strict_spans(text, [])]
    assert any(name in t for t in taken), taken


def test_strict_takes_an_occupation_written_in_english():
    # occupations are identifiers (PROFESSION): ordinary English, yet kept out of the known-safe words
    text = "Mother works as a teacher, father is a welder; both speak English. Allergy: none."
    out = vimednlp.deidentify(text, operator="tag", profile="strict").text
    assert "teacher" not in out and "welder" not in out, out
    assert "Allergy: none." in out


def test_strict_takes_a_word_in_no_list_after_a_kinship_word_but_not_a_pronoun():
    out = vimednlp.deidentify("alo cô srây hả, cô tui nè, anh xem giúp em", operator="tag", profile="strict").text
    assert "srây" not in out, out
    assert "cô tui nè" in out and "anh xem giúp em" in out, out


def test_strict_keeps_short_numbers_misread_by_ocr():
    from vimednlp.deid.strict import strict_spans

    text = "Mạch 7O l/p, nhiệt 37 độ, HA l3O mmHg. Ghi chú: OO lần nôn. Mã BN: BN24OO1723"
    taken = [text[s.start:s.end] for s in strict_spans(text, [])]
    assert not any(x in ("7O", "l3O", "OO") for x in taken), taken
    assert "BN24OO1723" in taken, taken
