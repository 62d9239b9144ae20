"""Organisations in a text typed all in lower case with marks (speech-to-text, a dictated hand-over): the head word
('bệnh viện', 'lâm trường', 'đồn biên phòng') then connectors, a province, district or commune from the gazetteers, or
syllables no Vietnamese word has; the story after the name stays."""
from __future__ import annotations

from tests.deid.helpers import texts

TRANSCRIPT = ("bản ghi cuộc gọi tư vấn từ xa người nói một chào chị em gọi từ bệnh viện phổi tỉnh lạng sơn về kết quả "
              "của bố chị người nói hai dạ bố em trước làm bảo vệ cho lâm trường krông pa hai năm nay nghỉ rồi em trai "
              "em đang ở đồn biên phòng tả ngải chồ nên chưa về được ạ người nói một vâng chị nhớ đưa bố đi khám sớm")


def test_lower_case_organizations_with_marks(rules):
    orgs = texts(rules, TRANSCRIPT, "ORGANIZATION")
    assert any(o.startswith("bệnh viện phổi tỉnh lạng sơn") for o in orgs)
    assert any(o.startswith("lâm trường krông pa") for o in orgs)
    assert any(o.startswith("đồn biên phòng tả ngải chồ") for o in orgs)
    # the words of the story after the name stay out
    assert not any(o.endswith(("về", "hai", "nên")) for o in orgs)


def test_ordinary_words_after_a_head_are_no_organization_in_lower_case_text(rules):
    text = ("bản ghi cuộc gọi người nói một chị ơi hôm qua bố em nằm bệnh viện ba ngày rồi bác sĩ bảo về nhà nghỉ "
            "người nói hai dạ em hiểu rồi trung tâm nghe nói là sáng mai mới có kết quả em sẽ gọi lại sau nhé chị")
    assert texts(rules, text, "ORGANIZATION") == []


def test_kind_of_organisation_is_no_commune_name(rules):
    text = ("bản ghi cuộc gọi người nói một chị ơi các phòng khám tư nhân trong huyện đều đã nhận thông báo rồi người "
            "nói hai dạ vâng em sẽ báo lại cho trạm y tế xã và các trường dân lập trong xã nhé chị cảm ơn chị nhiều")
    assert texts(rules, text, "ORGANIZATION") == []
