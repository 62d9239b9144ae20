"""Names in text typed all in lower case with marks (speech-to-text transcripts, dictated hand-overs, chats without
':' handles): read from their shape, guarded by the ordinary-word list, and found again where they stand alone."""
from __future__ import annotations

from tests.deid.helpers import texts

from vimednlp.deid.recognizers.names import ordinary_words

HANDOVER = ("giao ban ca trực nhi đêm mùng hai tháng mười hai người giao bác sĩ nội trú hồ văn pả người nhận bác sĩ "
            "trương thị diễm\ngiường năm mẹ là chị côn thị mơ số điện thoại không chín tám ba xin về sớm nhưng em chưa cho "
            "sáng mai chị diễm nhớ gọi khoa thăm dò\ngiường mười một bé gái kray thị nhung tám tháng tuổi ở thị trấn a "
            "lưới không có điện thoại nhờ gọi qua cô hạnh điều dưỡng hội chẩn với bác sĩ vinh về ca suy dinh dưỡng")

CALLBACK = ("bản ghi chuyển giọng nói cuộc gọi lại người bệnh phòng khám cửa khẩu nhân viên hoàng thị lả\n"
            "lả alo anh vi văn chúng phải không anh em gọi từ phòng khám hôm thứ hai anh bị ngã xe đấy ạ\n"
            "anh chúng ờ đúng rồi tay đỡ rồi chị\n"
            "lả dạ anh làm nghề chạy xe ôm ở cửa khẩu đúng không cảm ơn anh nhé\n")


def test_lower_case_full_names_around_van_thi_outside_the_lexicons(rules):
    names = texts(rules, HANDOVER, "NAME")
    for full in ("hồ văn pả", "trương thị diễm", "côn thị mơ", "kray thị nhung"):
        assert full in names


def test_given_name_after_a_title_in_lower_case_text(rules):
    names = texts(rules, HANDOVER, "NAME")
    assert "hạnh" in names and "vinh" in names and "diễm" in names


def test_ordinary_words_are_not_names_in_lower_case_text(rules):
    text = ("bản ghi cuộc gọi chị ấy nói nhà ở thị trấn đồng đăng gửi công văn số ba cho xã rồi cô đơn lắm từ khi chồng "
            "mất bà con hàng xóm hay sang chơi anh hùng nói mẹ hạnh phúc lắm vì chị em đều khỏe bác sĩ dặn về nhà nghỉ "
            "ngơi an toàn tuyệt đối")
    assert texts(rules, text, "NAME") == []


def test_given_name_of_a_full_name_found_again_in_speaker_turns(rules):
    found = [(s.start, s.text) for s in rules.analyze(CALLBACK) if s.label == "NAME"]
    names = [t for _, t in found]
    assert "hoàng thị lả" in names and "vi văn chúng" in names
    # the speaker opening each turn, and the given name after 'anh'
    assert names.count("lả") == 2 and names.count("chúng") == 1


def test_ordinary_word_list_is_loaded():
    pairs, syllables = ordinary_words()
    assert "hạnh phúc" in pairs and "thị trấn" in pairs and "bà con" in pairs
    assert "slấy" not in syllables and "nhà" in syllables


def test_chat_handle_said_three_times_with_a_word_common_in_lower_case(rules):
    chat = ("--- 28 THG 11, 2026 LÚC 21:04 ---\nChieng Ho: bs oi e la em gai cua benh nhan\n"
            "Pả Hồ: chào em, anh ấy ngủ được rồi\nChieng Ho: da e cam on bs nhieu\n"
            "Pả Hồ: nhớ cho uống thuốc đều\nChieng Ho: da vang a\n")
    assert texts(rules, chat, "NAME").count("Chieng Ho") == 3


def test_teencode_and_words_missing_their_marks_are_not_names(rules):
    text = ("bản ghi cuộc gọi bác si nói bên bệnh viện đã nhận em trinh bày ca bệnh nhân sốt ba ngày chị cho bé uốg "
            "thuốc hạ sốt rồi người nhà da mã là hai một ba anh alo chị nghe không ạ cảm ơn chị nhiều")
    assert texts(rules, text, "NAME") == []


def test_a_syllable_no_vietnamese_word_has_after_a_title_is_a_name(rules):
    text = ("bản ghi cuộc gọi hôm qua thằng slam đi trạm y tế xã lấy thuốc cho bà rồi chị ơi em nói với chị là số "
            "thằng slam em ghi ở sổ rồi nhé cảm ơn chị nhiều lắm")
    assert texts(rules, text, "NAME").count("slam") == 2


def test_capitalised_surname_outside_the_lexicons_before_van_thi(rules):
    text = ("Người nhà: mẹ Kray Thị Lâu sđt 0396 518 204; chú ruột Côn Văn Tiếp 0862-771-593.\n"
            "Mang Thi Khanh 19t thai 20 tuan, Chamalea Thi Lan 35t thai 8 thang, Pinang Thi Deo chua kham lan nao")
    names = texts(rules, text, "NAME")
    for full in ("Kray Thị Lâu", "Côn Văn Tiếp", "Mang Thi Khanh", "Chamalea Thi Lan", "Pinang Thi Deo"):
        assert full in names
    assert texts(rules, "Ở Khu Đô Thị Mới, gần Sở Văn Hóa và Trung Tâm Văn Hóa, con dâu chị Hồ Thị Hiên đi cùng",
                 "NAME") == ["Hồ Thị Hiên"]


def test_surname_middle_and_given_name_after_a_title_even_when_they_make_a_word(rules):
    text = ("bản ghi cuộc gọi anh ấy nói email của con gái vi ngọc hân ấy nó đọc chậm cho em ghi lại hết rồi em gửi "
            "giấy tờ qua cho anh sau nhé")
    assert "vi ngọc hân" in texts(rules, text, "NAME")


# a dictated hand-over at a Central Highlands district hospital, typed all in lower case with marks
HIGHLANDS = ("biên bản họp gia đình người bệnh khoa nội tổng hợp chiều thứ tư người ghi điều dưỡng trưởng khoa\n"
             "người dẫn đường là tôi kpă y đrông con trai người bệnh còn cháu gái là chị h bông làm rẫy cà phê\n"
             "giường bốn anh a plưh bốn mươi tuổi sốt rét tái phát đã cho thuốc theo phác đồ\n"
             "giường sáu bé y mlăk năm tuổi viêm phổi đỡ sốt ăn được cháo mẹ xin về sớm\n"
             "anh y tá trực đêm báo bé ho nhiều hơn nhờ bác sĩ khám lại trước giờ giao ban\n")


def test_central_highlands_names_in_lower_case_text(rules):
    names = texts(rules, HIGHLANDS, "NAME")
    for full in ("kpă y đrông", "h bông", "a plưh", "y mlăk"):
        assert any(full in n for n in names), full


def test_one_letter_highlands_openers_need_a_foreign_syllable_or_h(rules):
    # 'y' and 'a' before an ordinary Vietnamese syllable are words ('anh y tá', 'chị a lô'), no name opener
    names = texts(rules, HIGHLANDS, "NAME")
    assert not any("y tá" in n for n in names)
    text = ("bản ghi cuộc gọi chị ấy nói anh y tá trực đêm qua đã đến nhà hỏi thăm và bà a lô hỏi lại mấy lần hôm nay "
            "y như hôm qua bà vẫn ăn ít ngủ kém bác sĩ dặn về uống thuốc đều")
    assert texts(rules, text, "NAME") == []


def test_given_name_outside_vietnamese_after_a_kinship_word_in_lower_case_text(rules):
    # a transcript with marks: a name typed with marks no Vietnamese word has ('prứng'), a foreign given name typed
    # without marks that is no syllable and no English word ('jessica', 'hlieng'), and an unmarked given name whose
    # folded neighbour would make a word ('chị đào' is no 'chì đạo'-like pair when 'chị' keeps its marks)
    text = ("bản ghi cuộc gọi tư vấn người nói một alo em chào chị ạ hôm nay em gọi hỏi thăm bệnh nhân chị prứng ơi "
            "bố chị uống thuốc đều chưa người nói hai dạ rồi em ạ anh hlieng nhà em đưa bố lên trạm rồi chị jessica "
            "bên tổ chức bảo sẽ hỗ trợ tiền xe cảm ơn chị hoa nhé hẹn tuần sau gọi lại")
    names = texts(rules, text, "NAME")
    assert "prứng" in names and "hlieng" in names and "jessica" in names and "hoa" in names


def test_english_and_teencode_words_after_a_kinship_word_are_not_names(rules):
    text = ("bản ghi cuộc gọi người nói một chị check giúp em lịch khám với nhé người nói hai dạ anh online rồi thì "
            "em gửi kết quả qua tin nhắn nha anh nhju lắm thì cứ gọi lại cho em chị uốg thuốc đều vào nhé hẹn gặp\n"
            # an acronym after 'tên' (no vowel), a scale after 'thang' (no 'thằng' in a text with marks)
            "tên cskcb trạm y tế xã\nthang hamilton: mười tám điểm\n"
            # words typed without their marks in a text that has them: 'liên hệ', 'vẫn'
            "chị cho em số để em lien hệ nhé bác van yếu lắm")
    assert texts(rules, text, "NAME") == []


def test_mong_clan_middle_and_given_name_after_a_kinship_word_in_lower_case(rules):
    text = ("bản ghi cuộc gọi người nói một chào em hôm nay chị gọi hỏi về bé người nói hai dạ bố bé là anh sùng seo "
            "chía đi làm nương chưa về còn ông nội là ông thào a lềnh ở nhà trông bé giúp em ạ")
    names = texts(rules, text, "NAME")
    assert "sùng seo chía" in names and "thào a lềnh" in names


def test_a_after_a_common_word_is_no_mong_name(rules):
    text = ("bản ghi cuộc gọi người nói một chị ơi mùa này bé hay ốm lắm người nói hai dạ vâng anh a ạ mà em thấy "
            "bé vẫn ăn được chị cứ cho bé uống nhiều nước nhé vàng da thì đưa bé xuống trạm ngay")
    assert texts(rules, text, "NAME") == []
