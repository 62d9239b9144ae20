"""Families a new writer reaches for: Vietnamese folk herbs boiled at home (thuốc nam), the potassium binders,
bedside measures written short (`t°`, `ĐH mao mạch`, a viral load `TLVR`, a withdrawal scale `CIWA-Ar`), signs of
speech, cold and alcohol on the breath, and a denial voiced as `không nhận có`."""
import pytest

import vimednlp


def _found(text: str) -> set[tuple[str, str]]:
    return {(e.label, e.text) for e in vimednlp.extract(text)}


@pytest.mark.parametrize("text, label, mention", [
    ("Mấy tháng nay ông tự sắc ngải cứu với cà gai leo uống thay nước.", "DRUG", "ngải cứu"),
    ("Con gái mua kim tiền thảo về nấu cho mẹ uống vì sợ sỏi thận.", "DRUG", "kim tiền thảo"),
    ("Kali 6,1 mmol/l: cho Calcium polystyrene sulfonate 15g uống.", "DRUG", "Calcium polystyrene sulfonate"),
    ("Sáng nay t° 38,4, mạch 102 l/p.", "TEST", "t°"),
    ("Thử ĐH mao mạch trước mỗi bữa ăn, ghi vào bảng.", "TEST", "ĐH mao mạch"),
    ("HIV đang ARV 3 năm, TLVR tháng trước dưới ngưỡng phát hiện.", "TEST", "TLVR"),
    ("Cai rượu ngày 2, thang CIWA-Ar 18 điểm, run tay.", "TEST", "CIWA-Ar"),
    ("Cụ ông sáng dậy nói đớ, tay phải cầm đũa rơi.", "SYMPTOM", "nói đớ"),
    ("Vào viện lơ mơ, hơi thở có mùi rượu, GCS 13.", "SYMPTOM", "hơi thở có mùi rượu"),
    ("Bà hay lạnh lưng, tiểu đêm 3 lần, mạch trầm nhược.", "SYMPTOM", "lạnh lưng"),
    ("Bé sốt ngày 5, dặn mẹ báo ngay nếu tay chân lạnh hay li bì.", "SYMPTOM", "tay chân lạnh"),
    ("Sốt rét run, HA 90/60, rung thận trái (+), tiểu đục.", "SYMPTOM", "rung thận trái"),
    ("Nôn ra máu, nghĩ do loét DD-TT, hẹn nội soi sáng mai.", "DISEASE", "loét DD-TT"),
    ("Đang dùng lợi tiểu: theo dõi Na máu và K máu mỗi ngày.", "TEST", "Na máu"),
])
def test_family_members_are_found(text, label, mention):
    assert any(lab == label and mention in span for lab, span in _found(text))


def test_a_drooping_mouth_is_a_sign_not_a_diagnosis():
    # `méo miệng` is a sign of a stroke as much as of Bell's palsy: the note names the sign, not the disease
    assert ("SYMPTOM", "méo miệng") in _found("Chiều nay ông đột ngột méo miệng, yếu tay trái.")


def test_a_denial_by_the_patient_negates():
    spans = [e for e in vimednlp.extract("BN không nhận có ý định tự sát, ăn ngủ được.") if e.text == "ý định tự sát"]
    assert spans and spans[0].attrs["negated"] is True


@pytest.mark.parametrize("text, name", [
    ("Bài Độc hoạt tang ký sinh gia Đỗ trọng, Tục đoạn; sắc uống ngày 1 thang.", "Đỗ trọng"),
    ("Ở nhà ngâm rượu mã tiền xoa lưng, có uống thử 1 chén.", "rượu mã tiền"),
    ("Chồng mang theo chai thuốc: nhãn chlorpyrifos (nhóm phospho hữu cơ).", "chlorpyrifos"),
    ("Đổi sang cipro vì dị ứng PNC; trước đó dùng amox 3 ngày.", "cipro"),
    ("Tiêm phòng Tdap (Boostrix) 0,5 ml tiêm bắp delta.", "Boostrix"),
])
def test_more_drug_families(text, name):
    assert (name, "DRUG") in [(s.text, s.label) for s in vimednlp.extract(text)]


def test_a_poisoning_with_its_agent_is_one_disease():
    assert ("ngộ độc paraquat", "DISEASE") in [(s.text, s.label) for s in vimednlp.extract("CĐ: ngộ độc paraquat giờ thứ 3.")]
