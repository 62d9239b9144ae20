"""Word segmentation with offsets: underthesea underneath, medical compounds kept whole."""
from __future__ import annotations

import pytest

from vimednlp.text import fold, segment_tokens, set_doc_words, tokenize, word_ids, word_segment
from vimednlp.text.segment import CompoundDictionary, default_dictionary, load_compounds

# (sentence, compound that must come out as one word)
COMPOUND_SENTENCES = [
    ("Bệnh nhân có tiền sử đái tháo đường típ 2.", "đái tháo đường"),
    ("Vào viện vì nhồi máu cơ tim cấp.", "nhồi máu cơ tim"),
    ("Tăng huyết áp 10 năm, điều trị không đều.", "Tăng huyết áp"),
    ("Chẩn đoán viêm phổi thùy dưới phải.", "viêm phổi"),
    ("Suy tim độ III theo NYHA.", "Suy tim"),
    ("Theo dõi tai biến mạch máu não.", "tai biến mạch máu não"),
    ("Tràn dịch màng phổi hai bên.", "Tràn dịch màng phổi"),
    ("Mẹ bị ung thư vú năm 2010.", "ung thư vú"),
    ("Xuất huyết tiêu hóa trên do loét.", "Xuất huyết tiêu hóa"),
    ("Có cơn đau thắt ngực khi gắng sức.", "đau thắt ngực"),
    ("Không khó thở, không đau ngực.", "khó thở"),
    ("Sốt xuất huyết Dengue ngày thứ 4.", "Sốt xuất huyết"),
    ("Nghi ngờ viêm ruột thừa cấp.", "viêm ruột thừa"),
    ("Tiền sử hen phế quản từ nhỏ.", "hen phế quản"),
    ("Rối loạn lipid máu đang dùng statin.", "Rối loạn lipid máu"),
    ("Chụp cắt lớp vi tính sọ não.", "Chụp cắt lớp vi tính"),
    ("Làm xét nghiệm công thức máu.", "công thức máu"),
    ("Tổng phân tích nước tiểu bình thường.", "Tổng phân tích nước tiểu"),
    ("Đo điện tâm đồ lúc vào viện.", "điện tâm đồ"),
    ("Siêu âm tim thấy hở van hai lá.", "hở van hai lá"),
    ("Thoát vị đĩa đệm cột sống thắt lưng.", "Thoát vị đĩa đệm"),
    ("Viêm khớp dạng thấp đã lâu.", "Viêm khớp dạng thấp"),
    ("Suy thận mạn giai đoạn 3.", "Suy thận mạn"),
    ("Bệnh phổi tắc nghẽn mạn tính, phổi tắc nghẽn nặng.", "phổi tắc nghẽn"),
    ("Trẻ bị tay chân miệng độ 2a.", "tay chân miệng"),
    ("Đau thượng vị âm ỉ sau ăn.", "Đau thượng vị"),
    ("Rì rào phế nang giảm.", "Rì rào phế nang"),
    ("Có buồn nôn, tiêu chảy ba lần.", "buồn nôn"),
    ("Bệnh nhân được chạy thận nhân tạo.", "chạy thận nhân tạo"),
    ("Phì đại tiền liệt tuyến độ 2.", "Phì đại tiền liệt tuyến"),
    ("Rung nhĩ đáp ứng thất nhanh.", "Rung nhĩ"),
    ("Tiêm tĩnh mạch chậm.", "Tiêm tĩnh mạch"),
    ("Nhiễm khuẩn huyết do tụ cầu.", "Nhiễm khuẩn huyết"),
    ("Gan nhiễm mỡ độ I trên siêu âm.", "Gan nhiễm mỡ"),
]


def test_enough_compounds():
    assert len(COMPOUND_SENTENCES) >= 30
    assert len(default_dictionary()) >= 150


@pytest.mark.parametrize("sentence,compound", COMPOUND_SENTENCES)
def test_compounds_stay_whole_with_and_without_diacritics(sentence, compound):
    for text, comp in ((sentence, compound), (fold(sentence), fold(compound))):
        words = word_segment(text)
        assert comp in [w.text for w in words], (text, [w.text for w in words])
        for w in words:
            assert text[w.start:w.end] == w.text


def test_words_cover_tokens_in_order():
    text = "BN1234 nam, 65 tuổi, vào viện vì đau ngực trái; HA 150/90 mmHg.\nTiền sử: đái tháo đường."
    words = word_segment(text)
    toks = tokenize(text)
    assert words[0].text == "BN1234"  # codes never join a syllable
    assert words[0].start == 0
    # every token belongs to exactly one word, in order
    assert "".join(w.text.replace(" ", "") for w in words) == "".join(t.text for t in toks)
    ids = word_ids(text)
    assert len(ids) == len(toks) and ids == sorted(ids) and ids[0] == 0
    assert max(ids) == len(words) - 1


def test_offsets_on_unnormalized_input():
    import unicodedata

    text = unicodedata.normalize("NFD", "Bệnh nhân tăng huyết áp  hoà giải")
    words = word_segment(text)
    got = [unicodedata.normalize("NFC", w.text) for w in words]
    assert "tăng huyết áp" in got
    for w in words:
        assert text[w.start:w.end] == w.text


def test_segment_tokens_for_phobert():
    out = segment_tokens("Bệnh nhân bị nhồi máu cơ tim.")
    assert "nhồi_máu_cơ_tim" in out
    assert out[-1] == "."
    assert segment_tokens("") == []


def test_user_dictionary_and_no_underthesea():
    dic = CompoundDictionary(load_compounds() + ["hội chứng Guillain Barré"])
    words = word_segment("Nghi hội chứng Guillain Barré.", dictionary=dic, use_underthesea=False)
    assert "hội chứng Guillain Barré" in [w.text for w in words]
    words = word_segment("bệnh nhân ổn", use_underthesea=False)
    assert [w.text for w in words] == ["bệnh nhân", "ổn"]


def test_spacy_doc_words():
    import spacy

    from vimednlp.text import ClinicalTokenizer

    nlp = spacy.blank("xx")
    nlp.tokenizer = ClinicalTokenizer(nlp.vocab)
    doc = set_doc_words(nlp("Bệnh nhân tăng huyết áp,  đái tháo đường."))
    w = [t._.word for t in doc]
    texts = [t.text for t in doc]
    i = texts.index("tăng")
    assert w[i] == w[i + 1] == w[i + 2] != w[i + 3]
    assert w[texts.index("đái")] == w[texts.index("đường")]
    assert all(x is None for x, t in zip(w, doc) if t.is_space)


def test_folded_matching_only_without_diacritics():
    # `đã đầy` folds to `da day` like `dạ dày`: with diacritics only the exact compound matches
    words = [w.text for w in word_segment("bụng đã đầy hơi, dạ dày giãn", use_underthesea=False)]
    assert "đã đầy" not in words and "dạ dày" in words
    words = [w.text for w in word_segment("bung da day hoi", use_underthesea=False)]
    assert "da day" in words
