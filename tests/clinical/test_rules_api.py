"""Clinical rules added at run time (medspaCy-like): target terms, ConText cues, section titles, a YAML file."""
from __future__ import annotations

import pytest
import spacy

import vimednlp
from vimednlp.pipeline import load

CLINICAL = ["vimednlp_sections", "vimednlp_clinical", "vimednlp_context"]
NOTE = ("Dịch tễ: trong xóm có ca sốt xuất huyết.\n"
        "Bệnh sử: sốt 3 ngày, đã bác bỏ viêm ruột thừa.\nChẩn đoán: bệnh Kawasaki.")
USER_RULES = """\
terms:
  - {label: DISEASE, term: bệnh Kawasaki, synonyms: [hội chứng Kawasaki], icd10_hint: M30.3}
context:
  - {cue: bác bỏ, category: NEGATED_EXISTENCE, direction: FORWARD}
sections:
  - {name: dich_te, headings: [dịch tễ, yếu tố dịch tễ], implies: hypothetical}
"""


def _by_text(doc):
    return {sp.text: sp for sp in doc.spans["clinical"]}


def test_without_user_rules_the_note_has_none_of_them():
    got = _by_text(load(CLINICAL)(NOTE))
    assert "bệnh Kawasaki" not in got
    assert not got["viêm ruột thừa"]._.negated
    assert got["sốt xuất huyết"]._.section is None


def test_add_terms_rules_and_titles_from_python():
    nlp = load(CLINICAL)
    nlp.get_pipe("vimednlp_clinical").add_terms([{"label": "DISEASE", "term": "bệnh Kawasaki"}])
    nlp.get_pipe("vimednlp_context").add_rules([{"cue": "bác bỏ", "category": "negated",
                                                 "direction": "forward"}])
    nlp.get_pipe("vimednlp_sections").add_titles([{"name": "dich_te", "headings": ["dịch tễ"],
                                                  "implies": "hypothetical"}])
    got = _by_text(nlp(NOTE))
    kawasaki = got["bệnh Kawasaki"]
    assert kawasaki.label_ == "DISEASE" and kawasaki._.attrs["from"] == "user"
    assert kawasaki._.section == "chan_doan_xac_dinh"
    assert got["viêm ruột thừa"]._.negated and got["viêm ruột thừa"]._.is_negated
    assert got["sốt xuất huyết"]._.section == "dich_te" and got["sốt xuất huyết"]._.hypothetical
    assert not got["sốt"]._.hypothetical     # the next heading ends the user's section
    # the package's shared rules are untouched: extract() and a fresh pipeline see none of it
    assert "bệnh Kawasaki" not in {s.text for s in vimednlp.extract(NOTE)}
    assert not _by_text(load(CLINICAL)(NOTE))["viêm ruột thừa"]._.negated


def test_terms_match_without_diacritics_and_by_synonym():
    nlp = load(CLINICAL)
    nlp.get_pipe("vimednlp_clinical").add_terms([{"category": "DISEASE", "literal": "bệnh Kawasaki",
                                                  "synonyms": ["hội chứng Kawasaki"]}])
    doc = nlp("Chan doan: benh Kawasaki. Me bi hội chứng Kawasaki.")
    got = [(sp.text, sp.label_, sp._.attrs["concept"]) for sp in doc.spans["clinical"]]
    assert ("benh Kawasaki", "DISEASE", "bệnh Kawasaki") in got
    assert ("hội chứng Kawasaki", "DISEASE", "bệnh Kawasaki") in got


def test_pseudo_cue_and_terminator_from_python():
    nlp = load(CLINICAL)
    text = "Không rõ sốt. Không đau bụng duy chỉ buồn nôn."
    before = _by_text(nlp(text))
    nlp.get_pipe("vimednlp_context").add_rules([
        {"literal": "không rõ", "direction": "PSEUDO"},                 # medspaCy's names work
        {"cue": "duy chỉ", "category": "negated", "direction": "terminate"},
    ])
    after = _by_text(nlp(text))
    assert before["sốt"]._.uncertain and not after["sốt"]._.uncertain
    assert before["buồn nôn"]._.negated
    assert after["đau bụng"]._.negated
    assert not after["buồn nôn"]._.negated


def test_user_yaml_file_through_config_and_from_yaml(tmp_path):
    rules = tmp_path / "my_rules.yaml"
    rules.write_text(USER_RULES, encoding="utf-8")
    config = {name: {"rules_path": str(rules)} for name in CLINICAL}
    by_config = _by_text(load(CLINICAL, config=config)(NOTE))
    nlp = load(CLINICAL)
    for name in CLINICAL:
        nlp.get_pipe(name).from_yaml(rules)
    by_method = _by_text(nlp(NOTE))
    for got in (by_config, by_method):
        assert got["bệnh Kawasaki"]._.attrs["icd10_hint"] == "M30.3"
        assert got["viêm ruột thừa"]._.negated
        assert got["sốt xuất huyết"]._.section == "dich_te"


def test_added_rules_are_saved_with_the_pipeline(tmp_path):
    rules = tmp_path / "my_rules.yaml"
    rules.write_text(USER_RULES, encoding="utf-8")
    nlp = load(CLINICAL, config={name: {"rules_path": str(rules)} for name in CLINICAL})
    nlp.get_pipe("vimednlp_clinical").add_terms([{"label": "SYMPTOM", "term": "mỏi gối"}])
    nlp.to_disk(tmp_path / "p")
    rules.unlink()                        # the saved pipeline carries its rules
    again = spacy.load(tmp_path / "p")
    text = NOTE + " Mỏi gối."
    a, b = nlp(text), again(text)
    key = [(sp.start_char, sp.end_char, sp.label_, sp._.section, sp._.negated, sp._.hypothetical)
           for sp in a.spans["clinical"]]
    assert key == [(sp.start_char, sp.end_char, sp.label_, sp._.section, sp._.negated, sp._.hypothetical)
                   for sp in b.spans["clinical"]]
    assert "mỏi gối" in {sp.text.lower() for sp in b.spans["clinical"]}


def test_missing_rule_file_is_reported_on_use(tmp_path):
    config = {"vimednlp_clinical": {"rules_path": str(tmp_path / "gone.yaml")}}
    nlp = load(["vimednlp_clinical"], config=config)
    with pytest.raises(FileNotFoundError, match="gone.yaml"):
        nlp("Không sốt.")


@pytest.mark.parametrize("content, message", [
    ("terms: [{label: ALLERGY, term: dị ứng tôm}]\n", "term 0: label 'ALLERGY' is not a clinical label"),
    ("terms: [{label: DISEASE}]\n", "term 0: empty or non-text term"),
    ("context: [{cue: bác bỏ, category: denied}]\n", "unknown category 'denied'"),
    ("context: [{cue: bác bỏ, category: negated, scope: 3}]\n", r"rule 0: unknown key\(s\) \['scope'\]"),
    ("sections: [{name: dich_te}]\n", "section 0: needs a name and headings"),
    ("sections: [{name: dich_te, headings: [dịch tễ], implies: maybe}]\n", "unknown assertion 'maybe'"),
    ("target_rules: []\n", r"unknown key\(s\) \['target_rules'\]"),
    ("terms: [{label: DISEASE, term: a\n", "line 2: not valid YAML"),
])
def test_bad_rule_files_say_where(tmp_path, content, message):
    rules = tmp_path / "bad.yaml"
    rules.write_text(content, encoding="utf-8")
    nlp = load(CLINICAL)
    with pytest.raises(ValueError, match=message) as err:
        for name in CLINICAL:
            nlp.get_pipe(name).from_yaml(rules)
    assert "bad.yaml" in str(err.value)


def test_a_term_outside_the_component_labels_is_refused():
    nlp = load(["vimednlp_clinical"], config={"vimednlp_clinical": {"labels": ["DRUG"]}})
    with pytest.raises(ValueError, match="not among this component's labels"):
        nlp.get_pipe("vimednlp_clinical").add_terms([{"label": "DISEASE", "term": "bệnh Kawasaki"}])


def test_medspacy_style_aliases_read_and_write_the_attributes():
    nlp = load(CLINICAL)
    doc = nlp("Tiền sử gia đình: mẹ bị hen. Không sốt, nghi viêm phổi.")
    for sp in doc.spans["clinical"]:
        for a in ("negated", "uncertain", "historical", "family", "hypothetical"):
            assert sp._.get(f"is_{a}") == sp._.get(a)
        assert sp._.section_category == sp._.section
    sot = _by_text(doc)["sốt"]
    assert sot._.is_negated
    sot._.is_negated = False
    assert sot._.negated is False


def test_medspacy_style_section_rule_with_a_colon():
    nlp = load(CLINICAL)
    nlp.get_pipe("vimednlp_sections").add_titles([{"category": "dich_te", "literal": "Yếu tố dịch tễ:"}])
    doc = nlp("Yếu tố dịch tễ: vùng có sốt xuất huyết.\nKhám: không sốt.")
    assert doc._.clinical_sections[0]["name"] == "dich_te"
    assert _by_text(doc)["sốt xuất huyết"]._.section_category == "dich_te"
