"""A working diagnosis after a bare `nghĩ` is a doubt; an unmarked `chua loai tru` before a foreign disease name is a
doubt, not a denial; a history label written after a sentence on its line (`... Tịnh Biên. TS: THA`) covers its line only."""
from __future__ import annotations

from vimednlp.clinical import extract


def attrs(text):
    return {s.text: s.attrs for s in extract(text) if s.label in ("DISEASE", "SYMPTOM")}


def test_bare_think_heads_a_working_diagnosis():
    a = attrs("CĐ: hội chứng thận hư lần đầu, nghĩ thận hư sang thương tối thiểu.")
    assert a["thận hư"]["uncertain"]
    assert not a["hội chứng thận hư"]["uncertain"]


def test_bare_think_reaches_a_problem_joined_by_kem():
    a = attrs("CĐ: toan chuyển hóa nặng, nghĩ nhiễm toan lactic do metformin kèm nhiễm toan ceton.")
    assert a["nhiễm toan lactic do metformin"]["uncertain"] and a["nhiễm toan ceton"]["uncertain"]
    assert not a["toan chuyển hóa"]["uncertain"]


def test_a_thought_is_no_doubt():
    a = attrs("Có ý nghĩ muốn chết thoáng qua, suy nghĩ nhiều, mất ngủ.")
    assert not any(v["uncertain"] for v in a.values())


def test_unmarked_not_ruled_out_before_a_foreign_name_is_a_doubt():
    a = attrs("Chua loai tru lupus ban do he thong (nu, thieu mau) -> gui tuyen tren.")
    assert a["lupus ban do he thong"]["uncertain"]
    assert not a["lupus ban do he thong"]["negated"]


def test_english_words_around_an_unmarked_cue_still_read_as_english():
    a = attrs("Today he denies fever.")
    assert a["fever"]["negated"] and not a["fever"]["hypothetical"]


def test_history_label_after_a_sentence_covers_its_line_only():
    a = attrs("Ông Sơn, 60t, Tịnh Biên. TS: THA (2019), gút.\nĐang có đợt sưng đau khớp cổ chân phải 2 ngày, không sốt.")
    assert a["THA"]["historical"] and a["gút"]["historical"]
    assert not a["sưng đau khớp cổ chân phải"]["historical"]


def test_history_label_mid_line_does_not_reach_the_next_paragraph():
    a = attrs("BN nữ 44t, chạy thận 3 năm. TS: THA (2018), viêm gan C.\nĐiều dưỡng báo BN hay khóc. BN kể: buồn bã, mất ngủ.")
    assert a["viêm gan C"]["historical"]
    assert not a["buồn bã"]["historical"] and not a["mất ngủ"]["historical"]


def test_history_heading_alone_on_its_line_keeps_its_rows():
    a = attrs("Ông Sơn, 60t. Tiền sử:\n- THA\n- gút")
    assert a["THA"]["historical"] and a["gút"]["historical"]


def test_a_diagnosis_thought_unlikely_is_denied():
    a = attrs("Không có giai đoạn hưng cảm → ít nghĩ rối loạn lưỡng cực. AFB âm tính, ko nghĩ lao phổi.")
    for name in ("rối loạn lưỡng cực", "lao phổi"):
        assert a[name]["negated"] and not a[name]["uncertain"]


def test_agreeing_with_a_suspicion_keeps_the_doubt():
    a = attrs("BS tuyến tỉnh đồng ý nghĩ nhiều đến sốt mò.")
    assert a["sốt mò"]["uncertain"]


def test_a_condition_ends_the_history_label_on_its_line():
    a = attrs("TS: sỏi thận trái đã tán sỏi (2019). Nếu tụt huyết áp hoặc lơ mơ thì chuyển hồi sức ngay.")
    assert a["sỏi thận trái"]["historical"]
    assert a["tụt huyết áp"]["hypothetical"] and not a["tụt huyết áp"]["historical"]
    assert not a["lơ mơ"]["historical"]


def test_an_english_denial_in_a_past_history_is_no_past_event():
    a = attrs("Past history: hepatitis B since 2012. No diabetes. No TB.")
    assert a["hepatitis B"]["historical"]
    assert a["diabetes"]["negated"] and not a["diabetes"]["historical"]
