"""A record code found once as an ID (by its cue, or in a column headed for it) names the same kind of record where
its shape recurs in the note: the second code of a pair after 'và', the rows of a register whose first rows sit under
a column header. A code of another shape, a bare number or a lab value stays."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_second_code_of_a_pair_after_its_cue(rules):
    text = "Đã chuyển gửi 2 ca sang CDC tỉnh. Mã chuyển gửi: CG-BT-26-0412 và CG-BT-26-0413, nhờ chị xác nhận giúp."
    found = texts(rules, text, "ID")
    assert "CG-BT-26-0412" in found and "CG-BT-26-0413" in found


def test_codes_of_the_same_shape_in_a_list_after_a_coded_one(rules):
    text = ("Mã hồ sơ: HS26-004417, BN nam 61 tuổi.\n"
            "Ghi chú: cùng đợt với HS26-004502 và HS26-03391, đã gọi người nhà.")
    found = texts(rules, text, "ID")
    assert {"HS26-004417", "HS26-004502", "HS26-03391"} <= set(found)


def test_other_shapes_and_values_stay(rules):
    text = ("Mã hồ sơ: HS26-004417.\nXét nghiệm: HbA1c 8.2%, CD4 312 tế bào, phác đồ 2RHZE/4RH, "
            "tái khám sau 28 ngày, phòng HS-2 tầng 3.")
    found = texts(rules, text, "ID")
    assert found == ["HS26-004417"]
