"""'BN 12', 'BN số 3' in a note under a table or a numbered list whose rows carry that number point at the note's own
row ('Ghi chú: BN số 3 cần tái khám'): no patient number. Without such rows (a case report's 'BN 1234', or a list
numbered otherwise) the patient number stays an ID."""
from __future__ import annotations

from tests.deid.helpers import texts

TABLE = ("STT | Họ tên | Năm sinh | Chẩn đoán\n"
         "11 | Trương Văn Lực | 1958 | ĐTĐ típ 2\n"
         "12 | Lê Thị Hoa | 1966 | THA\n"
         "13 | Đinh Công Thái | 1971 | Viêm gan B\n"
         "Ghi chú: BN 12 cần lấy máu lại; BN 13 chuyển tuyến.\n")

LIST = ("Danh sách theo dõi:\n"
        "1. Bàn Văn Sơn - lao phổi\n"
        "2. Hoàng Thị Lan - HIV\n"
        "3. Sầm Văn Kiên - viêm gan C\n"
        "Ghi chú cuối trang: BN số 2 đã ký giấy đồng ý; BN số 3 hẹn thứ Sáu.\n")


def test_pointer_to_a_table_row_is_no_id(rules):
    ids = texts(rules, TABLE, "ID")
    assert not any(i in ("BN 12", "BN 13", "12", "13") for i in ids)


def test_pointer_to_a_list_row_is_no_id(rules):
    ids = texts(rules, LIST, "ID")
    assert "2" not in ids and "3" not in ids


def test_patient_number_outside_the_rows_stays(rules):
    assert "BN 1234" in texts(rules, TABLE + "Tiếp xúc gần với BN 1234 ở Hà Nội.\n", "ID")
    assert "BN 91" in texts(rules, "Bệnh nhân BN 91 là phi công người Anh, đã xuất viện.", "ID")
