"""ConText assertions: cues, scopes, traps, text without diacritics, rule files."""
from __future__ import annotations

import pytest

from vimednlp.clinical import extract
from vimednlp.clinical.context import ContextRules

CLASSES = ("negated", "uncertain", "historical", "family", "hypothetical")


def classes(text, term):
    (s,) = [s for s in extract(text) if s.text == term and s.label in ("DISEASE", "SYMPTOM")]
    return {c for c in CLASSES if s.attrs[c]}


@pytest.mark.parametrize("text,term,expected", [
    ("Bệnh nhân không sốt, ho nhiều về đêm.", "sốt", {"negated"}),
    ("Bệnh nhân không sốt, ho nhiều về đêm.", "ho nhiều", set()),
    ("Không sốt, ho, khó thở.", "khó thở", {"negated"}),
    ("Không đau ngực, không hồi hộp, khó thở khi gắng sức.", "khó thở khi gắng sức", set()),
    ("Không sốt nhưng ho nhiều.", "ho nhiều", set()),
    ("Chưa phát hiện tổn thương khu trú.", "tổn thương khu trú", {"negated"}),
    ("Chưa ghi nhận sốt rét.", "sốt rét", {"negated"}),
    ("Phù (-).", "Phù", {"negated"}),
    ("Đau bụng không đỡ sau dùng thuốc.", "Đau bụng", set()),
    ("Chưa loại trừ lao phổi.", "lao phổi", {"uncertain"}),
    ("Không rõ tiền sử dị ứng.", "dị ứng", {"uncertain"}),
    ("Sốt không rõ nguyên nhân.", "Sốt không rõ nguyên nhân", set()),
    ("TD nhồi máu cơ tim cấp.", "nhồi máu cơ tim cấp", {"uncertain"}),
    ("Theo dõi sát tình trạng khó thở.", "khó thở", set()),
    ("Viêm ruột thừa?", "Viêm ruột thừa", {"uncertain"}),
    ("Tiền sử tăng huyết áp 10 năm.", "tăng huyết áp", {"historical"}),
    ("Cách đây 5 năm bị nhồi máu não.", "nhồi máu não", {"historical"}),
    ("Cách đây 3 ngày xuất hiện sốt cao.", "sốt cao", set()),
    ("Bị sỏi thận năm 2015.", "sỏi thận", {"historical"}),
    ("Bố bị tăng huyết áp.", "tăng huyết áp", {"family"}),
    ("Gia đình có người bị ung thư dạ dày.", "ung thư dạ dày", {"family"}),
    ("Ông đau bụng vùng thượng vị 2 ngày nay.", "đau bụng vùng thượng vị", set()),
    ("Nếu đau ngực tái phát thì đến viện ngay.", "đau ngực", {"hypothetical"}),
    ("Dùng aspirin phòng ngừa đột quỵ.", "đột quỵ", {"hypothetical"}),
    ("Khó thở khi nằm.", "Khó thở khi nằm", set()),
    ("Trong gia đình không ai mắc đái tháo đường.", "đái tháo đường", {"family", "negated"}),
    ("Bệnh nhân không có tiền sử động kinh.", "động kinh", {"negated"}),
    ("Không rõ tiền sử dị ứng thuốc.", "dị ứng thuốc", {"uncertain"}),
    ("ko dau dau, ko chong mat", "chong mat", {"negated"}),
])
def test_assertions(text, term, expected):
    assert classes(text, term) == expected


@pytest.mark.parametrize("text,term,expected", [
    ("Benh nhan khong sot, ho khan nhieu.", "sot", {"negated"}),
    ("Chua loai tru lao phoi.", "lao phoi", {"uncertain"}),
    ("Tien su dai thao duong type 2.", "dai thao duong type 2", {"historical"}),
    ("Me mac ung thu vu.", "ung thu vu", {"family"}),
    ("Dan tai kham khi co kho tho.", "kho tho", {"hypothetical"}),
])
def test_without_diacritics(text, term, expected):
    assert classes(text, term) == expected


def test_theo_doi_only_before_a_diagnosis():
    assert classes("Theo dõi viêm ruột thừa.", "viêm ruột thừa") == {"uncertain"}
    assert classes("Theo dõi nôn.", "nôn") == set()


def test_rule_file_errors_are_clear(tmp_path):
    bad = tmp_path / "rules.yaml"
    bad.write_text("categories:\n  negated: {window: 5}\nrules:\n  - {cue: [không], category: denied}\n",
                   encoding="utf-8")
    with pytest.raises(ValueError, match="unknown category 'denied'"):
        ContextRules.load(bad)
    bad.write_text("categories:\n  negative: {window: 5}\nrules: []\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown categories"):
        ContextRules.load(bad)
