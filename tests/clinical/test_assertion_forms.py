"""Assertions in the forms of unseen notes: family history in prose, chats and pedigree lines; kinship words that
address someone or name a chat speaker; history in problem lists; uncertainty in chats; a section's implied class
stopping at a line that changes subject. Targets are given (`[text|D:classes]`), so only the assertion rules are
under test."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from vimednlp.clinical import ClinicalExtractor
from vimednlp.schema import Span

import vimednlp

ROOT = Path(__file__).resolve().parents[2]
MARK = re.compile(r"\[([^\[\]|]+)\|([DS]):([a-z,]*)\]")
SHORT = {"neg": "negated", "unc": "uncertain", "hist": "historical", "fam": "family", "hyp": "hypothetical"}
CLASSES = tuple(SHORT.values())
EX = ClinicalExtractor()


def classes(marked: str) -> list[tuple[str, set[str], set[str]]]:
    """(target, gold classes, classes found) for each marked target of `marked`."""
    text, spans, gold, pos = "", [], [], 0
    for m in MARK.finditer(marked):
        text += marked[pos:m.start()]
        spans.append(Span(len(text), len(text) + len(m.group(1)), "DISEASE" if m.group(2) == "D" else "SYMPTOM",
                          m.group(1)))
        gold.append({SHORT[c] for c in m.group(3).split(",") if c})
        text += m.group(1)
        pos = m.end()
    text += marked[pos:]
    out = EX.annotate(text, spans)
    return [(s.text, g, {c for c in CLASSES if s.attrs[c]}) for s, g in zip(out, gold)]


def check(marked: str) -> None:
    for target, gold, got in classes(marked):
        assert got == gold, (target, gold, got)


@pytest.mark.parametrize("marked", [
    "Mẹ bị [tăng huyết áp|D:fam] hơn 10 năm nay.",
    "me bi [tang huyet ap|D:fam] lau roi.",
    "Bố [ĐTĐ|D:fam], mẹ [THA|D:fam].",
    "bo [DTD|D:fam], me [THA|D:fam]",
    "Anh trai [K gan|D:fam], đã mất năm 2020.",
    "Bố mẹ đều [THA|D:fam].",
    "ong noi mat vi [dot quy|D:fam] nam 2010.",
    "ba em bi [tai bien|D:fam] 2 lan roi",
    "Bs ơi bố em [THA|D:fam] thì em có bị di truyền không ạ?",
])
def test_family_history_in_prose(marked):
    check(marked)


@pytest.mark.parametrize("marked", [
    "Bố: [THA|D:fam]\nMẹ: [ĐTĐ|D:fam]\nAnh trai: khỏe",
    "- Bố: [nhồi máu cơ tim|D:fam] (mất)\n- Mẹ: [viêm khớp dạng thấp|D:fam]",
    "Ông ngoại (mất): [ung thư dạ dày|D:fam]",
    "bo: [tha|D:fam], [dtd|D:fam]\nme: [hen|D:fam]",
])
def test_family_history_in_pedigree_lines(marked):
    check(marked)


@pytest.mark.parametrize("marked", [
    "Nhà có ai bị [tiểu đường|D:fam,unc] không ạ?",
    "nha co ai bi [cao huyet ap|D:fam,unc] khong bac?",
    "BS: mẹ cháu có bị [hen|D:fam,unc] không?",
])
def test_family_history_asked_in_a_chat(marked):
    check(marked)


@pytest.mark.parametrize("marked", [
    "Mẹ ơi, con bị [đau bụng|S:] từ sáng.",
    "me oi con bi [sot|S:] cao qua",
    "bo oi con bi [dau bung|S:] qua",
    "Thưa bố, con bị [đau đầu|S:] mấy hôm nay.",
    "Mẹ: con bị [ho|S:] nhiều về đêm ạ.",
    "[09:12] Mẹ bé: bé [sốt|S:] 39 độ từ đêm qua",
    "Mẹ bé: không [khó thở|S:neg] ạ",
    "[20:02] Mẹ bé: [sốt|S:] 39 độ từ tối qua, [ho|S:] nhiều",
    "Mẹ: [sốt cao|S:] từ tối qua bác ạ",
])
def test_a_kinship_word_that_addresses_or_speaks_is_not_family(marked):
    check(marked)


@pytest.mark.parametrize("marked", [
    "[THA|D:hist] (2019), [ĐTĐ|D:hist] (2021), nay vào viện vì [đau ngực|S:].",
    "[Viêm gan B|D:hist] (2015), đang uống thuốc.",
    "[Sỏi thận|D:hist] 2017, đã tán sỏi.",
    "ts: [tha|D:hist], [dtd|D:hist], [gout|D:hist]",
    "Đã mổ [viêm ruột thừa|D:hist] 2015.",
])
def test_history_in_problem_lists(marked):
    check(marked)


@pytest.mark.parametrize("marked", [
    "Chắc là [viêm họng|D:unc] thôi bác ạ.",
    "chac la [cum|D:unc] roi",
    "Hình như bé bị [sốt|S:unc] nhẹ.",
    "Em bị [đau đầu|S:], hình như do [thiếu ngủ|D:unc].",
    "khong biet co phai bi [viem xoang|D:unc] khong",
    "Sợ là [viêm phổi|D:unc] rồi.",
    "Có khi bị [dị ứng|D:unc] thuốc đấy.",
    "co khi [sot sieu vi|D:unc] thoi",
    "Mẹ sợ là bé bị [hen|D:unc].",
])
def test_uncertainty_in_chats(marked):
    check(marked)


def test_sometimes_before_a_symptom_is_no_doubt():
    check("[Đau bụng|S:] từng cơn, có khi [nôn|S:] ra thức ăn.")
    check("co khi [sot sieu vi|D:unc] thoi")


def test_a_question_about_how_long_is_no_doubt():
    check("[10:05] BS: cháu [ho|S:] mấy ngày rồi?")
    check("BS: cháu có [ho|S:unc] không?")


@pytest.mark.parametrize("marked", [
    "Tiền sử gia đình: mẹ [ĐTĐ|D:fam]\nTriệu chứng: [sốt|S:], [ho|S:]",
    "Tiền sử:\n- [THA|D:hist] (2019)\n- [ĐTĐ|D:hist]\nBN: [chóng mặt|S:] nhiều từ sáng",
    "Tiền sử: [hen|D:hist]\nBS: hôm nay cháu thấy thế nào?\nMẹ bé: cháu [khò khè|S:] từ tối qua",
    "TIỀN SỬ\n[THA|D:hist]\nBỆNH HIỆN TẠI\n[đau ngực|S:] trái 2 giờ",
    "Tiền sử: [hen|D:hist]\n* Khám thấy: [ran rít|S:] hai phổi",
    "Tiền sử gia đình:\n- Bố: [THA|D:fam]\n- Mẹ: [hen|D:fam]\nKhám thấy: [ran rít|S:] hai phổi",
    "Tiền sử gia đình:\nMẹ: [ĐTĐ|D:fam]\nMẹ bé: [sốt|S:] cao từ tối qua",
])
def test_section_scope_stops_at_a_line_that_changes_subject(marked):
    check(marked)


@pytest.mark.parametrize("marked", [
    "Tiền sử:\n[THA|D:hist] 10 năm\n[ĐTĐ|D:hist] 5 năm",
    "Tiền sử gia đình:\nbố [THA|D:fam]\nmẹ [hen|D:fam]",
    "Tiền sử gia đình:\n- Bố: [THA|D:fam]\n- Chị gái: [basedow|D:fam]",
    "Tiền sử:\n- Nội khoa: [THA|D:hist]\n- Ngoại khoa: mổ [sỏi mật|D:hist]",
    "Tiền sử:\n- [THA|D:hist]: phát hiện 5 năm\n- 2019: [viêm phổi|D:hist]",
])
def test_section_scope_holds_over_the_lines_of_its_list(marked):
    check(marked)


@pytest.mark.parametrize("marked", [
    "Chẩn đoán: t/d [viêm phổi|D:unc]",
    "Suspected [dengue fever|D:unc], r/o [malaria|D:unc].",
    "s/p [appendicitis|D:hist]",
])
def test_a_cue_written_with_a_slash(marked):
    check(marked)


@pytest.mark.parametrize("marked", [
    "Mother had [breast cancer|D:fam].",
    "FHx: father [HTN|D:fam], mother [DM|D:fam].",
    "Patient denies [chest pain|S:neg] and [dyspnea|S:neg].",
    "Possible [pneumonia|D:unc].",
    "History of [TB|D:hist] in 2015.",
    "PMH: [HTN|D:hist], [DM type 2|D:hist]\nHPI: [cough|S:] for 3 days",
    "Return if [fever|S:hyp] persists.",
    "Bệnh nhân [ho|S:] 3 ngày, possible [viêm phổi|D:unc].",
    "Family history:\n- Father: [MI|D:fam]\nChief complaint: [headache|S:]",
])
def test_english_and_mixed_notes(marked):
    check(marked)


def test_forms_development_set_per_class_f1():
    sys.path.insert(0, str(ROOT / "corpora" / "assertions"))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_clinical
    import forms

    rows = forms.load()
    assert len(rows) >= 80
    res = bench_clinical.score(rows)
    for c in CLASSES:
        assert res[c]["f1"] >= 0.85, (c, res[c])


# --- a fear or a check voiced in a chat, a finding read as consistent with a diagnosis, a list of warning signs ----
@pytest.mark.parametrize("text, target, cls", [
    ("mẹ em ho nhiều quá, em sợ có lao phổi bác ạ", "lao phổi", "uncertain"),
    ("cho làm xét nghiệm đường máu xem có đái tháo đường không", "đái tháo đường", "uncertain"),
    ("Tiểu cầu giảm, cô đặc máu → phù hợp sốt xuất huyết Dengue.", "sốt xuất huyết Dengue", "uncertain"),
    ("Dấu hiệu cảnh báo cần quay lại ngay: nôn nhiều, đau bụng, li bì.", "li bì", "hypothetical"),
    ("Red flags, return to ED: chest pain, khó thở, ngất.", "ngất", "hypothetical"),
])
def test_fear_check_consistency_and_warning_lists(text, target, cls):
    ents = [e for e in vimednlp.extract(text) if e.text == target]
    assert ents, [e.text for e in vimednlp.extract(text)]
    assert ents[0].attrs[cls] is True


def test_a_fear_that_is_not_about_a_disease_changes_nothing():
    ents = {e.text: e for e in vimednlp.extract("Bé sợ tiêm, khóc nhiều, không sốt.")}
    assert ents["sốt"].attrs["negated"] and not ents["sốt"].attrs["uncertain"]


@pytest.mark.parametrize("text,term", [
    ("4. Gãy xương đùi phải (2012, ngã cây cà phê, đã mổ kết hợp xương)", "Gãy xương đùi phải"),
    ("CĐ lâm sàng: TD xơ gan / viêm gan C (2017, chưa đt)", "viêm gan C"),
])
def test_year_opening_a_bracket_after_a_problem_is_history(text, term):
    (s,) = [s for s in vimednlp.extract(text) if s.text == term]
    assert s.attrs["historical"]


def test_a_measure_with_a_slash_does_not_end_a_conditional():
    # `2 kg/3 ngày` is a rate: the advice after `nếu` covers every sign listed after it
    text = "Dặn tái khám ngay nếu tăng cân trên 2 kg/3 ngày, khó thở tăng, phù chân lại hoặc đau ngực."
    got = {s.text: s.attrs.get("hypothetical") for s in vimednlp.extract(text)}
    assert got["khó thở"] and got["phù chân"] and got["đau ngực"]


def test_a_slash_between_two_problems_still_ends_a_scope():
    got = {s.text: s.attrs.get("negated") for s in vimednlp.extract("Không sốt/ho khạc đờm nhiều.")}
    assert got["sốt"] and not got["ho khạc đờm"]


@pytest.mark.parametrize("text, mention", [
    ("Không có cơn co giật nào trong đêm.", "co giật"),          # `cơn` folds to `con`, like the terminator `còn`
    ("Chưa có cơn hạ đường huyết nào.", "hạ đường huyết"),
])
def test_a_marked_word_that_folds_like_a_terminator_ends_no_scope(text, mention):
    got = {s.text: s.attrs.get("negated") for s in vimednlp.extract(text)}
    assert got[mention]


def test_the_terminator_itself_still_ends_the_negation():
    got = {s.text: s.attrs.get("negated") for s in vimednlp.extract("Không sốt, còn ho nhiều.")}
    assert got["sốt"] and not got["ho nhiều"]


@pytest.mark.parametrize("text, mention, cls", [
    ("Đã cai rượu 2 lần: lần 2019 có co giật sau 2 ngày ngưng.", "co giật", "historical"),
    ("Dặn uống nhiều nước vì thuốc mới dễ gây nhiễm nấm sinh dục.", "nhiễm nấm sinh dục", "hypothetical"),
    ("Thuốc có thể gây hạ đường huyết, nhớ ăn đúng bữa.", "hạ đường huyết", "hypothetical"),
    ("Diễn tiến: cắt sốt từ 17 giờ ngày thứ 5.", "sốt", "negated"),
])
def test_episode_years_side_effects_and_ended_fevers(text, mention, cls):
    spans = [s for s in vimednlp.extract(text) if mention.startswith(s.text) or s.text.startswith(mention)]
    assert spans and spans[0].attrs.get(cls), (mention, cls)


def test_a_refusal_written_with_khong_is_a_present_sign():
    from vimednlp.clinical import extract
    spans = {s.text: s.attrs for s in extract("Sản phụ khóc nhiều, không chịu cho con bú từ hôm qua.") if s.label == "SYMPTOM"}
    assert "không chịu cho con bú" in spans and not spans["không chịu cho con bú"].get("negated")


def test_an_aunt_in_a_pedigree_line_is_family():
    from vimednlp.clinical import extract
    got = {s.text: s.attrs for s in extract("Phả hệ:\n II.2 mẹ - khỏe\n II.3 dì - ít sữa sau đẻ") if s.label == "SYMPTOM"}
    assert got["ít sữa"].get("family")
    assert not any(s.attrs.get("family") for s in extract("Dì ơi cháu bị sốt từ tối qua"))
