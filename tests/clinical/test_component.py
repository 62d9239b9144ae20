"""spaCy components agree with extract() and round-trip through Document records."""
from __future__ import annotations

import vimednlp
from vimednlp.pipeline import doc_to_document, document_to_doc, load

TEXT = ("Lý do vào viện: đau ngực trái.\nTiền sử gia đình: bố bị tăng huyết áp.\n"
        "Khám: không sốt, HA 150/90 mmHg.\nChẩn đoán: TD nhồi máu cơ tim cấp. Aspirin 81mg 1 viên/ngày.")


def test_pipeline_matches_extract():
    nlp = load(["vimednlp_sections", "vimednlp_clinical", "vimednlp_context"])
    doc = nlp(TEXT)
    got = {(sp.start_char, sp.end_char, sp.label_, sp._.section, sp._.negated, sp._.uncertain, sp._.family)
           for sp in doc.spans["clinical"]}
    want = {(s.start, s.end, s.label, s.attrs["section"], s.attrs["negated"], s.attrs["uncertain"], s.attrs["family"])
            for s in vimednlp.extract(TEXT)}
    assert got == want
    fam = next(sp for sp in doc.spans["clinical"] if sp.text == "tăng huyết áp")
    assert fam._.family and fam._.section == "tien_su_gia_dinh"


def test_pipeline_and_extract_share_every_assertion_rule():
    # the conditional rule (`Nếu ... có thể X` is hypothetical, not uncertain) once lived only in extract()
    text = ("Lời dặn: nếu ho kéo dài thì đi khám ngay vì có thể là lao phổi. Tiền sử: đã từng viêm gan B.\n"
            "Không ho, nghi viêm phổi. Mẹ bị đái tháo đường.")
    nlp = load(["vimednlp_sections", "vimednlp_clinical", "vimednlp_context"])
    keys = ("negated", "uncertain", "historical", "family", "hypothetical")
    doc = nlp(text)
    got = {(sp.start_char, sp.end_char, sp.label_) + tuple(sp._.get(k) for k in keys)
           for sp in doc.spans["clinical"]}
    want = {(s.start, s.end, s.label) + tuple(s.attrs[k] for k in keys) for s in vimednlp.extract(text)}
    assert got == want
    by_text = {text[s[0]:s[1]]: dict(zip(keys, s[3:])) for s in want}
    assert by_text["lao phổi"]["hypothetical"] and not by_text["lao phổi"]["uncertain"]


def test_document_round_trip_keeps_assertions():
    nlp = load(["vimednlp_sections", "vimednlp_clinical", "vimednlp_context", "vimednlp_resolver"])
    doc = nlp(TEXT)
    rec = doc_to_document(doc, id="n1", groups=["clinical"])
    back = document_to_doc(rec)
    a = {(sp.start_char, sp.end_char, sp.label_, sp._.negated, sp._.uncertain) for sp in doc.spans["clinical"]}
    b = {(sp.start_char, sp.end_char, sp.label_, sp._.negated, sp._.uncertain) for sp in back.spans["clinical"]}
    assert a == b
    assert doc.ents   # the resolver picked non-overlapping entities


def test_context_component_on_spans_from_elsewhere():
    from spacy.tokens import Span as SpacySpan

    nlp = load(["vimednlp_context"])
    doc = nlp.make_doc("Bệnh nhân không ho gà, mẹ bị hen.")
    doc.spans["clinical"] = [SpacySpan(doc, 3, 5, "DISEASE"), SpacySpan(doc, 8, 9, "DISEASE")]
    doc = nlp.get_pipe("vimednlp_context")(doc)
    ho, hen = doc.spans["clinical"]
    assert ho.text == "ho gà" and ho._.negated
    assert hen.text == "hen" and hen._.family and not hen._.negated


def test_matcher_keeps_spans_a_tagger_component_put_first():
    from spacy.tokens import Span as SpacySpan

    nlp = load(["vimednlp_clinical", "vimednlp_context"])
    doc = nlp.make_doc("Không ho gà. Dùng Zetamin 10mg.")
    doc.spans["clinical"] = [SpacySpan(doc, 1, 3, "DISEASE"), SpacySpan(doc, 5, 6, "DRUG")]
    for name, proc in nlp.pipeline:
        doc = proc(doc)
    got = {(sp.text, sp.label_): sp for sp in doc.spans["clinical"]}
    assert got[("Zetamin", "DRUG")]._.source == "tagger"
    assert got[("ho gà", "DISEASE")]._.negated
    assert ("10mg", "DOSAGE") in got


def test_pipeline_matches_extract_on_a_test_report():
    # the description lines of an imaging report: an affirmed finding is a RESULT in both paths
    text = ("KẾT QUẢ SIÊU ÂM\nKỹ thuật: Siêu âm ổ bụng tổng quát\n"
            "Gan: nhu mô tăng âm. Túi mật có sỏi kích thước 12 mm, thành không dày.\n"
            "Thận P: không sỏi, không ứ nước.\nKết luận: Sỏi túi mật.")
    nlp = load(["vimednlp_sections", "vimednlp_clinical", "vimednlp_context"])
    doc = nlp(text)
    got = {(s.start_char, s.end_char, s.label_, s._.negated) for s in doc.spans["clinical"]}
    want = {(s.start, s.end, s.label, s.attrs["negated"]) for s in vimednlp.extract(text)}
    assert got == want
    labels = {(text[s:e], lab) for s, e, lab, _ in want}
    assert ("sỏi", "RESULT") in labels and ("sỏi", "DISEASE") in labels   # seen in the gallbladder; denied in the kidney
    assert ("Sỏi túi mật", "DISEASE") in labels                          # the conclusion names the disease
