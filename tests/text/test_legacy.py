"""Legacy encodings: TCVN3 (ABC) and VNI-Windows text, as it looks after a cp1252/latin-1 decode,
converts to the right Unicode; proper Unicode text is never touched by detection."""
from __future__ import annotations

import unicodedata

import pytest

from vimednlp.text import decode_bytes, detect_legacy, normalize
from vimednlp.text.legacy import tcvn3_to_unicode, vni_to_unicode

# Our own sentences, typed in TCVN3 / VNI (mojibake as a cp1252 decode shows it) -> Unicode.
TCVN3_CASES = [
    ('BÖnh nh©n nam 65 tuæi vµo viÖn v× ®au ngùc tr¸i', 'Bệnh nhân nam 65 tuổi vào viện vì đau ngực trái'),
    ('TiÒn sö t¨ng huyÕt ¸p 10 n¨m, ®¸i th¸o ®\xadêng tÝp 2', 'Tiền sử tăng huyết áp 10 năm, đái tháo đường típ 2'),
    ('ChÈn ®o¸n: Nhåi m¸u c¬ tim cÊp thµnh tr\xadíc', 'Chẩn đoán: Nhồi máu cơ tim cấp thành trước'),
    ('Hä vµ tªn ng\xadêi bÖnh', 'Họ và tên người bệnh'),
    ('§Þa chØ: ph\xadêng NghÜa §«, quËn CÇu GiÊy, Hµ Néi', 'Địa chỉ: phường Nghĩa Đô, quận Cầu Giấy, Hà Nội'),
    ('Kh¸m thÊy phæi cã ran Èm r¶i r¸c hai bªn', 'Khám thấy phổi có ran ẩm rải rác hai bên'),
    ('Siªu ©m tim: gi¶m vËn ®éng thµnh tr\xadíc', 'Siêu âm tim: giảm vận động thành trước'),
    ('XÐt nghiÖm c«ng thøc m¸u b¹ch cÇu t¨ng cao', 'Xét nghiệm công thức máu bạch cầu tăng cao'),
    ('§iÒu trÞ néi khoa, theo dâi s¸t huyÕt ¸p', 'Điều trị nội khoa, theo dõi sát huyết áp'),
    ('Ra viÖn ngµy 12 th¸ng 3 n¨m 2024', 'Ra viện ngày 12 tháng 3 năm 2024'),
    ('Ng\xadêi bÖnh tØnh, tiÕp xóc tèt, kh«ng sèt', 'Người bệnh tỉnh, tiếp xúc tốt, không sốt'),
    ('§au th\xadîng vÞ ©m Ø, buån n«n, ¨n kÐm', 'Đau thượng vị âm ỉ, buồn nôn, ăn kém'),
    ('Céng hßa x· héi chñ nghÜa ViÖt Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'),
    ('§éc lËp - Tù do - H¹nh phóc', 'Độc lập - Tự do - Hạnh phúc'),
    ('GiÊy ra viÖn', 'Giấy ra viện'),
    ('Së Y tÕ Thµnh phè Hå ChÝ Minh', 'Sở Y tế Thành phố Hồ Chí Minh'),
    ('BÖnh viÖn §a khoa tØnh Qu¶ng Nam', 'Bệnh viện Đa khoa tỉnh Quảng Nam'),
    ('M¹ch 90 lÇn/phót, nhiÖt ®é 38,5 ®é', 'Mạch 90 lần/phút, nhiệt độ 38,5 độ'),
    ('KÕt luËn: viªm phæi thïy d\xadíi ph¶i', 'Kết luận: viêm phổi thùy dưới phải'),
    ('DÆn dß: t¸i kh¸m sau mét tuÇn, uèng thuèc ®Òu', 'Dặn dò: tái khám sau một tuần, uống thuốc đều'),
    ('PhiÕu xÐt nghiÖm huyÕt häc', 'Phiếu xét nghiệm huyết học'),
    ('S¶n phô chuyÓn d¹, èi vì lóc 14 giê', 'Sản phụ chuyển dạ, ối vỡ lúc 14 giờ'),
    ('Chôp X-quang ngùc th¼ng: bãng tim to', 'Chụp X-quang ngực thẳng: bóng tim to'),
    ('BÐ trai 3 tuæi, ho kh¹c ®êm xanh, khß khÌ', 'Bé trai 3 tuổi, ho khạc đờm xanh, khò khè'),
    ('Tiªm v¾c-xin ®Çy ®ñ theo lÞch', 'Tiêm vắc-xin đầy đủ theo lịch'),
]

VNI_CASES = [
    ('Beänh nhaân nam 65 tuoåi vaøo vieän vì ñau ngöïc traùi', 'Bệnh nhân nam 65 tuổi vào viện vì đau ngực trái'),
    ('Tieàn söû taêng huyeát aùp 10 naêm, ñaùi thaùo ñöôøng típ 2', 'Tiền sử tăng huyết áp 10 năm, đái tháo đường típ 2'),
    ('Chaån ñoaùn: Nhoài maùu cô tim caáp thaønh tröôùc', 'Chẩn đoán: Nhồi máu cơ tim cấp thành trước'),
    ('Hoï vaø teân ngöôøi beänh', 'Họ và tên người bệnh'),
    ('Ñòa chæ: phöôøng Nghóa Ñoâ, quaän Caàu Giaáy, Haø Noäi', 'Địa chỉ: phường Nghĩa Đô, quận Cầu Giấy, Hà Nội'),
    ('Khaùm thaáy phoåi coù ran aåm raûi raùc hai beân', 'Khám thấy phổi có ran ẩm rải rác hai bên'),
    ('Sieâu aâm tim: giaûm vaän ñoäng thaønh tröôùc', 'Siêu âm tim: giảm vận động thành trước'),
    ('Xeùt nghieäm coâng thöùc maùu baïch caàu taêng cao', 'Xét nghiệm công thức máu bạch cầu tăng cao'),
    ('Ñieàu trò noäi khoa, theo doõi saùt huyeát aùp', 'Điều trị nội khoa, theo dõi sát huyết áp'),
    ('Ra vieän ngaøy 12 thaùng 3 naêm 2024', 'Ra viện ngày 12 tháng 3 năm 2024'),
    ('Ngöôøi beänh tænh, tieáp xuùc toát, khoâng soát', 'Người bệnh tỉnh, tiếp xúc tốt, không sốt'),
    ('Ñau thöôïng vò aâm æ, buoàn noân, aên keùm', 'Đau thượng vị âm ỉ, buồn nôn, ăn kém'),
    ('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'),
    ('Ñoäc laäp - Töï do - Haïnh phuùc', 'Độc lập - Tự do - Hạnh phúc'),
    ('Giaáy ra vieän', 'Giấy ra viện'),
    ('Sôû Y teá Thaønh phoá Hoà Chí Minh', 'Sở Y tế Thành phố Hồ Chí Minh'),
    ('Beänh vieän Ña khoa tænh Quaûng Nam', 'Bệnh viện Đa khoa tỉnh Quảng Nam'),
    ('Maïch 90 laàn/phuùt, nhieät ñoä 38,5 ñoä', 'Mạch 90 lần/phút, nhiệt độ 38,5 độ'),
    ('Keát luaän: vieâm phoåi thuøy döôùi phaûi', 'Kết luận: viêm phổi thùy dưới phải'),
    ('Daën doø: taùi khaùm sau moät tuaàn, uoáng thuoác ñeàu', 'Dặn dò: tái khám sau một tuần, uống thuốc đều'),
    ('Phieáu xeùt nghieäm huyeát hoïc', 'Phiếu xét nghiệm huyết học'),
    ('Saûn phuï chuyeån daï, oái vôõ luùc 14 giôø', 'Sản phụ chuyển dạ, ối vỡ lúc 14 giờ'),
    ('Chuïp X-quang ngöïc thaúng: boùng tim to', 'Chụp X-quang ngực thẳng: bóng tim to'),
    ('Beù trai 3 tuoåi, ho khaïc ñôøm xanh, khoø kheø', 'Bé trai 3 tuổi, ho khạc đờm xanh, khò khè'),
    ('Tieâm vaéc-xin ñaày ñuû theo lòch', 'Tiêm vắc-xin đầy đủ theo lịch'),
]

# Classic forms seen in old Word documents (independent anchors for the tables).
CLASSIC = [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "tcvn3", "Độc lập - Tự do - Hạnh phúc"),
    ("Hä vµ tªn: NguyÔn V¨n An", "tcvn3", "Họ và tên: Nguyễn Văn An"),
    ("BÖNH VIÖN B¹CH MAI", "tcvn3", "BỆNH VIỆN BẠCH MAI"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("THAØNH PHOÁ HOÀ CHÍ MINH", "vni", "THÀNH PHỐ HỒ CHÍ MINH"),
    ("BEÄNH VIEÄN CHÔÏ RAÃY", "vni", "BỆNH VIỆN CHỢ RẪY"),
]


@pytest.mark.parametrize("legacy,expected", TCVN3_CASES)
def test_tcvn3_strings_convert(legacy, expected):
    assert detect_legacy(legacy) == "tcvn3"
    res = normalize(legacy)
    assert res.legacy == "tcvn3"
    assert res.text == expected
    assert tcvn3_to_unicode(legacy)[0] == expected


@pytest.mark.parametrize("legacy,expected", VNI_CASES)
def test_vni_strings_convert(legacy, expected):
    assert detect_legacy(legacy) == "vni"
    res = normalize(legacy)
    assert res.legacy == "vni"
    assert res.text == expected
    assert vni_to_unicode(legacy)[0] == expected


def test_enough_cases():
    assert len(TCVN3_CASES) >= 20 and len(VNI_CASES) >= 20


@pytest.mark.parametrize("legacy,kind,expected", CLASSIC)
def test_classic_legacy_forms(legacy, kind, expected):
    res = normalize(legacy)
    assert res.legacy == kind
    assert res.text == expected


@pytest.mark.parametrize("legacy,expected", TCVN3_CASES[:6] + VNI_CASES[:6])
def test_legacy_alignment_maps_words_back(legacy, expected):
    res = normalize(legacy)
    for w in res.text.split():
        i = res.text.index(w)
        s, e = res.to_original(i, i + len(w))
        # the original slice is the legacy spelling of the same word
        assert normalize(legacy[s:e], legacy=res.legacy).text == w


# Real-looking Unicode clinical sentences (precomposed, old tone style): detection never fires and
# normalization changes nothing.
UNICODE_SENTENCES = [
    "Bệnh nhân nữ 72 tuổi, tiền sử tăng huyết áp, đái tháo đường típ 2 điều trị không đều.",
    "Lý do vào viện: đau ngực trái lan ra vai, vã mồ hôi, khó thở khi nằm.",
    "Khám: tỉnh, tiếp xúc tốt, da niêm mạc hồng, không phù, không xuất huyết dưới da.",
    "Tim đều, T1 T2 rõ, không nghe tiếng thổi bệnh lý.",
    "Phổi: rì rào phế nang giảm đáy phổi phải, ran nổ rải rác.",
    "Bụng mềm, gan lách không sờ thấy, ấn đau nhẹ vùng thượng vị.",
    "Chẩn đoán: Viêm phổi cộng đồng mức độ trung bình / Đái tháo đường típ 2.",
    "Hướng điều trị: kháng sinh đường tĩnh mạch, kiểm soát đường huyết, theo dõi sát.",
    "Xét nghiệm: bạch cầu 15,2 G/L, CRP 48 mg/L, glucose 12,5 mmol/L.",
    "Siêu âm bụng: gan nhiễm mỡ độ I, túi mật không sỏi.",
    "Điện tâm đồ: nhịp xoang 96 lần/phút, ST chênh lên V1-V4.",
    "Bà có ho khan ba ngày nay, không sốt.",
    "Mẹ bị ung thư vú, bố mất vì nhồi máu cơ tim năm 2015.",
    "Ra viện ngày 12/03/2024, tái khám sau 2 tuần tại phòng khám nội tiết.",
    "Dặn bệnh nhân uống thuốc đều, ăn nhạt, hạn chế đồ ngọt.",
    "Cháu bé 18 tháng tuổi, sốt cao 39 độ, co giật một lần.",
    "Sản phụ mang thai 38 tuần, ối vỡ non, chuyển dạ giai đoạn 1.",
    "Người nhà cho biết bệnh nhân ngã xe máy, không rõ có mất ý thức hay không.",
    "Chụp cắt lớp vi tính sọ não: không thấy tổn thương xuất huyết.",
    "Nghi ngờ lao phổi, chờ kết quả AFB đờm.",
    "Hòa bình, thúy, khỏe, thủy đậu, tòa án, họa sĩ, khóa học, xóa bỏ.",
    "Bác sĩ điều trị: ThS.BS Trần Thị Mai, khoa Hồi sức tích cực.",
    "Địa chỉ: số 15 ngõ 89 Lạc Long Quân, phường Nghĩa Đô, quận Cầu Giấy, Hà Nội.",
    "Mạch 88 l/p, HA 150/90 mmHg, nhiệt độ 37,8°C, SpO2 95%.",
    "Theo dõi sốt xuất huyết Dengue ngày thứ 4, tiểu cầu 45 G/L.",
    "Không dị ứng thuốc, không hút thuốc lá, uống rượu ít.",
    "Đường huyết mao mạch lúc đói 7,8 mmol/L, HbA1c 8,2%.",
    "Bệnh nhân được đặt nội khí quản, thở máy chế độ A/C.",
    "Vết mổ khô, không chảy dịch, đã cắt chỉ.",
    "Tư vấn chế độ ăn giảm muối, tập thể dục 30 phút mỗi ngày.",
]
# Unicode that uses only latin-1 letters (à á â è é ê ì í ò ó ô õ ù ú ý): the hard case for detection.
LATIN1_ONLY_VIETNAMESE = [
    "Bà có ho", "Tôi có sâu răng", "Cô ấy ho", "Bé ăn cháo", "Mô tả: vùng má sưng",
    "Bác sĩ khám", "Da và niêm mạc hồng", "Ho nhiều về đêm", "Chân phù", "Cho bé bú mẹ",
    "Bà cụ nói khó", "Ông ta ngã", "Mai tái khám", "Hôm qua sốt", "Không có gì lạ",
]
PLAIN = [
    "Benh nhan nam 45 tuoi, dau nguc trai, tang huyet ap",
    "BN1234 HA 150/90 mmHg, M 90 l/p",
    "Le café est très bon, déjà vu",  # French: not Vietnamese, not legacy
    "Müller, Größe 180 cm",
    "· Gan không to", "· ", "Liều 5 µg × 2 lần", "Ho khan µmol/L", "Mã © ® ¶ 3",  # symbols, not legacy
    "",
]


@pytest.mark.parametrize("text", UNICODE_SENTENCES + LATIN1_ONLY_VIETNAMESE + PLAIN)
def test_unicode_text_is_not_touched(text):
    assert detect_legacy(text) is None
    res = normalize(text)
    assert res.legacy is None
    assert res.text == text
    assert res.alignment.is_identity


@pytest.mark.parametrize("text", UNICODE_SENTENCES)
def test_decomposed_unicode_is_not_treated_as_legacy(text):
    nfd = unicodedata.normalize("NFD", text)
    assert detect_legacy(nfd) is None
    assert normalize(nfd).text == text


def test_legacy_off_and_forced():
    tcvn = TCVN3_CASES[0][0]
    assert normalize(tcvn, legacy=None).text == tcvn
    assert normalize(tcvn, legacy="tcvn3").text == TCVN3_CASES[0][1]
    with pytest.raises(ValueError, match="legacy"):
        normalize(tcvn, legacy="viqr")


# ---- decode_bytes --------------------------------------------------------------------------------
def test_decode_utf8_and_boms():
    s = "Bệnh nhân đau ngực"
    assert decode_bytes(s.encode("utf-8")) == s
    assert decode_bytes(b"\xef\xbb\xbf" + s.encode("utf-8")) == s
    assert decode_bytes(s.encode("utf-16")) == s  # BOM written by the codec
    assert decode_bytes(s.encode("utf-16-be").join([b"\xfe\xff", b""])) == s


@pytest.mark.parametrize("legacy,expected", TCVN3_CASES[:5] + VNI_CASES[:5])
def test_decode_legacy_bytes(legacy, expected):
    data = legacy.encode("cp1252")
    assert decode_bytes(data) == expected


def test_decode_windows_1258():
    s = "Bệnh nhân được theo dõi tại khoa Nội tiết"
    # Windows-1258 has ê, ơ, ư, đ... as bytes and the five tone marks as combining bytes
    tones = "\u0300\u0301\u0303\u0309\u0323"
    cp = []
    for ch in s:
        d = unicodedata.normalize("NFD", ch)
        cp.append(unicodedata.normalize("NFC", "".join(c for c in d if c not in tones)))
        cp.append("".join(c for c in d if c in tones))
    data = "".join(cp).encode("cp1258")
    assert decode_bytes(data) == s


def test_decode_garbage_raises_clear_error():
    data = bytes([0x00, 0xFF, 0x13, 0x88]) * 20
    with pytest.raises(UnicodeDecodeError) as exc:
        decode_bytes(data)
    assert isinstance(exc.value, ValueError)
    msg = str(exc.value)
    assert "offset 1" in msg and "TCVN3" in msg and "VNI" in msg


def test_decode_rejects_non_bytes():
    with pytest.raises(TypeError):
        decode_bytes("already text")  # type: ignore[arg-type]
