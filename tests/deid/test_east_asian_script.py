"""Identifiers written in Chinese or Japanese script, and romanised Mandarin names, inside Vietnamese notes of
cross-border patients: names after person cues or before an honorific, companies by their legal form, plates."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_han_name_after_a_vietnamese_or_chinese_person_cue(rules):
    assert "林美玲" in texts(rules, "Người liên hệ: vợ 林美玲 (Lín Měilíng) tel +86 138 7765 4321", "NAME")
    assert "黄志强" in texts(rules, "Họ tên / 姓名: 黄志强 (Huáng Zhìqiáng - Hoàng Chí Cường)", "NAME")
    assert "陈伟" in texts(rules, "không nói được tiếng Việt, chồng 陈伟 (Chén Wěi, 34岁) đang ở Nam Ninh", "NAME")
    # a second cue after the first: the wife among the relatives
    assert texts(rules, "病人要求回国手术。家属：妻子 李晓燕，电话 +86 138 2657 0912", "NAME") == ["李晓燕"]


def test_han_prose_after_a_cue_is_not_a_name(rules):
    assert texts(rules, "Mã BN / 病人编号: HN-25-11872, 病人要求回国手术。", "NAME") == []


def test_japanese_name_before_an_honorific(rules):
    assert "佐藤 由美子" in texts(rules, "Dear Ms. Yumiko Sato (佐藤 由美子 様), thank you for your message", "NAME")
    assert "木村 亜紀" in texts(rules, "日本語の通訳: 通訳の 木村 亜紀 さん (Ms. Aki Kimura)", "NAME")
    assert texts(rules, "お客様 と 患者様 へのお知らせ", "NAME") == []


def test_romanised_mandarin_names_with_tone_marks(rules):
    names = texts(rules, "Người bệnh: Lǐ Xiùyīng (tên gọi ở nhà), chồng Chén Wěi; liên hệ Huáng Zhìqiáng 桂F", "NAME")
    assert "Lǐ Xiùyīng" in names and "Chén Wěi" in names and "Huáng Zhìqiáng" in names
    # Vietnamese names carry acute and grave marks too, never a caron or a 'z'
    assert "Hoàng Chí Cường" not in texts(rules, "Hoàng Chí Cường 黄志强", "ORGANIZATION")


def test_chinese_company_and_plate(rules):
    found = [(s.label, s.text) for s in rules.analyze(
        "Đơn vị: 凭祥市宏达物流有限公司. Biển số xe: 桂F·3K728, rơ moóc 桂F·8921挂, khám ở 口岸诊所.")]
    assert ("ORGANIZATION", "凭祥市宏达物流有限公司") in found
    assert ("ID", "桂F·3K728") in found and ("ID", "桂F·8921挂") in found
    assert not any(t == "口岸诊所" for _, t in found)
