"""A job word names no one's occupation when it names a room or a desk ('phòng điều dưỡng', 'quầy lễ tân'), an
activity ('không lái xe nếu buồn ngủ', 'đang lái xe đêm') or a signer's role label after a wide gap ('...   Kế
toán viện phí: ...'); the patient's own job still is one."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_rooms_desks_activities_and_role_labels(rules):
    text = ("Gọi số 0258 3562 017 (phòng điều dưỡng khoa Nam). Mai bạn đến quầy lễ tân tầng 1.\n"
            "Efferalgan codein: dặn không lái xe nếu buồn ngủ. Khởi phát khi đang lái xe đêm.\n"
            "Người lập bảng: Ka Tơ Thị Huyền   Kế toán viện phí: Nguyễn Thị Mai\n")
    assert texts(rules, text, "PROFESSION") == []


def test_patient_job_still_found(rules):
    text = "Nghề nghiệp: lái xe container, làm cho công ty vận tải.\n"
    assert any("lái xe" in p for p in texts(rules, text, "PROFESSION"))
