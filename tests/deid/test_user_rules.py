"""User rule packs: Analyzer(rules=...), vimednlp.deidentify(rules=...), `vimednlp deid --rules`, the registry's
add/remove/from_yaml, and the schema errors that name the file, the rule and the field."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import vimednlp
from vimednlp.deid.analyzer import Analyzer
from vimednlp.deid.recognizers.base import Candidate, Context, Recognizer
from vimednlp.deid.recognizers.registry import RecognizerRegistry
from vimednlp.deid.recognizers.rules import RuleError, load_pack

USER_PACK = """\
recognizers:
  - name: hospital_mrn
    label: ID
    patterns:
      - regex: 'BVX-\\d{6}'
        score: 0.9
    context: [mã bệnh án, số hồ sơ]
deny: [Mười Khó]      # always removed
allow: [Đông y]       # never removed
"""

NOTE = ("Bệnh nhân Nguyễn Văn An, 45 tuổi, tên thường gọi Mười Khó, mã bệnh án BVX-204518, "
        "khám tại khoa Đông y, SĐT 0912 345 678.")


@pytest.fixture
def pack(tmp_path) -> Path:
    p = tmp_path / "my_rules.yaml"
    p.write_text(USER_PACK, encoding="utf-8")
    return p


def _check_user_form(text: str) -> None:
    assert "BVX-204518" not in text
    assert "Mười Khó" not in text
    assert "Đông y" in text
    # the default detector still runs
    assert "Nguyễn Văn An" not in text and "0912 345 678" not in text and "45 tuổi" not in text


def test_user_form_from_python(pack):
    res = vimednlp.deidentify(NOTE, rules=[str(pack)])
    _check_user_form(res.text)
    labels = {s.text: (s.label, s.source) for s in res.spans}
    assert labels["BVX-204518"] == ("ID", "hospital_mrn")
    assert labels["Mười Khó"] == ("NAME", "deny_list")


def test_without_the_pack_the_record_number_and_nickname_stay_or_differ(pack):
    # the pack changes the output: without it the hospital's format is not known as a record number
    plain = vimednlp.deidentify(NOTE).spans
    assert not any(s.source == "hospital_mrn" for s in plain)


def test_user_form_from_the_cli(pack, tmp_path):
    from click.testing import CliRunner

    from vimednlp.deid.cli import deid

    note = tmp_path / "note.txt"
    note.write_text(NOTE, encoding="utf-8")
    extra = tmp_path / "more.yaml"
    extra.write_text("allow: [Hải Thượng]\n", encoding="utf-8")
    r = CliRunner().invoke(deid, [str(note), "--model", "none", "--rules", str(pack), "--rules", str(extra)])
    assert r.exit_code == 0, r.output
    _check_user_form(r.output)


def test_cli_bad_pack_is_a_clear_error(tmp_path):
    from click.testing import CliRunner

    from vimednlp.deid.cli import deid

    bad = tmp_path / "bad.yaml"
    bad.write_text("recognizers:\n  - name: mrn\n    label: ID\n    patterns:\n      - regex: 'X-\\d+'\n        score: 3\n",
                   encoding="utf-8")
    note = tmp_path / "note.txt"
    note.write_text(NOTE, encoding="utf-8")
    r = CliRunner().invoke(deid, [str(note), "--rules", str(bad)])
    assert r.exit_code != 0
    assert "bad.yaml" in r.output and "'mrn'" in r.output and "patterns[0].score" in r.output


def test_context_cue_raises_the_score(pack):
    a = Analyzer(model=None, rules=[pack])
    with_cue = {s.text: s.score for s in a.analyze("số hồ sơ BVX-000123")}
    without = {s.text: s.score for s in a.analyze("chuyển BVX-000123 sang kho")}
    assert with_cue["BVX-000123"] == 1.0 and without["BVX-000123"] == 0.9
    # unmarked forms of the cue words are generated (the recognizer alone: in the whole detector an address
    # unit 'số' may take the number into a longer span)
    rec = a.registry.get("hospital_mrn")
    assert [c.score for c in rec.analyze(Context("ma benh an: BVX-000123"))] == [1.0]
    assert [c.score for c in rec.analyze(Context("Mã bệnh án: BVX-000123"))] == [1.0]
    assert "context cue 'ma benh an'" in rec.analyze(Context("ma benh an: BVX-000123"))[0].explanation


def test_deny_matches_case_and_missing_marks_but_whole_words(pack):
    a = Analyzer(model=None, rules=[pack])
    assert any(s.text == "MƯỜI KHÓ" for s in a.analyze("Tên gọi: MƯỜI KHÓ, nam"))
    assert any(s.text == "muoi kho" for s in a.analyze("ten goi muoi kho nha em"))
    assert not any(s.source == "deny_list" for s in a.analyze("Anh ấy khóa cửa lúc mười giờ, khó ngủ"))
    assert not any(s.source == "deny_list" for s in a.analyze("Bác Mười Khóa cửa"))


def test_allow_keeps_only_the_phrase(tmp_path):
    p = tmp_path / "allow.yaml"
    p.write_text("allow: [Hải Thượng]\n", encoding="utf-8")
    text = "Khám tại phòng khám Hải Thượng, quận Ba Đình, Hà Nội"
    base = " ".join(s.text for s in Analyzer(model=None).analyze(text))
    got = " ".join(s.text for s in Analyzer(model=None, rules=[p]).analyze(text))
    assert "Hải Thượng" in base and "Hải Thượng" not in got
    assert "Ba Đình" in got


def test_schema_error_names_file_rule_and_field(tmp_path):
    p = tmp_path / "rules.yaml"
    p.write_text("recognizers:\n  - name: mrn\n    label: MRN\n    patterns:\n      - regex: 'X'\n", encoding="utf-8")
    with pytest.raises(RuleError, match=re.escape(f"{p}: rule 'mrn' (recognizers[0]): field label: must be one of")):
        load_pack(p)
    p.write_text("recognizers:\n  - name: mrn\n    label: ID\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"rule 'mrn' \(recognizers\[0\]\): field \(the whole entry\): missing field patterns"):
        load_pack(p)
    p.write_text("recognizers:\n  - name: mrn\n    label: ID\n    patern: []\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"rule 'mrn' \(recognizers\[0\]\): field \(the whole entry\): .*patern"):
        load_pack(p)
    p.write_text("recognizers:\n  - name: mrn\n    label: ID\n    patterns:\n      - regex: 'BVX-(\\d{6}'\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"field patterns\[0\]\.regex: not a valid regular expression"):
        load_pack(p)
    p.write_text("recognizers:\n  - name: mrn\n    label: ID\n    validator: luhn\n    patterns:\n      - regex: 'X'\n",
                 encoding="utf-8")
    with pytest.raises(RuleError, match=r"field validator: unknown validator 'luhn'"):
        load_pack(p)


def test_schema_error_never_shows_a_deny_listed_name(tmp_path):
    p = tmp_path / "rules.yaml"
    p.write_text("deny:\n  - {text: Nguyễn Thị Bưởi, label: PERSON}\n", encoding="utf-8")
    with pytest.raises(RuleError) as e:
        load_pack(p)
    assert "deny list" in str(e.value) and "Bưởi" not in str(e.value)


def test_yaml_syntax_error_gives_the_line(tmp_path):
    p = tmp_path / "rules.yaml"
    p.write_text("recognizers:\n  - name: a\n   label: ID\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"rules.yaml: line \d+, column \d+"):
        load_pack(p)


def test_registry_add_remove_from_yaml(pack):
    reg = RecognizerRegistry.default()
    n = len(reg)
    reg.remove("ip")
    assert "ip" not in reg.names and len(reg) == n - 1
    with pytest.raises(KeyError, match="no recognizer named 'ip'"):
        reg.remove("ip")
    reg.from_yaml(pack)
    assert reg.names[-1] == "hospital_mrn" and reg.deny == [("Mười Khó", "NAME")] and reg.allow == ["Đông y"]
    with pytest.raises(ValueError, match="already registered"):
        reg.from_yaml(pack)

    class Ward(Recognizer):
        name = "ward_bed"
        labels = ("ID",)

        def analyze(self, ctx):
            return [Candidate(m.start(), m.end(), "ID", 0.9, self.name, "bed code")
                    for m in re.finditer(r"G\d{2}-\d{2}", ctx.text)]

    reg.add(Ward())
    a = Analyzer(model=None, registry=reg)
    got = {s.text: s.source for s in a.analyze("Giường G12-04, IP 10.0.0.1, mã bệnh án BVX-123456")}
    assert got.get("G12-04") == "ward_bed" and got.get("BVX-123456") == "hospital_mrn"
    assert "10.0.0.1" not in got  # the IP recognizer was removed
    # the default registry is untouched
    assert "ip" in RecognizerRegistry.default().names and "hospital_mrn" not in RecognizerRegistry.default().names


def test_analyzer_default_detector_unchanged_by_an_empty_pack(tmp_path):
    p = tmp_path / "empty.yaml"
    p.write_text("allow: []\n", encoding="utf-8")
    text = "BN Trần Thị Bình, 67 tuổi, ở 12 Lê Lợi, Huế, vào viện 12/3/2024, SĐT 0905 123 456."
    assert [(s.start, s.end, s.label) for s in Analyzer(model=None, rules=[p]).analyze(text)] == \
        [(s.start, s.end, s.label) for s in Analyzer(model=None).analyze(text)]


# --- what a pack can say: fragments, fold, reject lists, a required cue, a validator, explanations ----------------
def _rec(spec: dict):
    return load_pack({"recognizers": [spec]}).recognizers[0]


def test_fragments_are_written_once_and_used_by_name():
    rec = load_pack({"fragments": {"year": r"(?:19|20)\d\d"},
                     "recognizers": [{"name": "discharge_no", "label": "ID",
                                      "patterns": [{"regex": r"RV-{year}-\d{4}"}, {"regex": r"CV/{year}/\d{3}"}]}]}
                    ).recognizers[0]
    text = "Giấy ra viện RV-2024-0912, giấy chuyển viện CV/2025/118, mã cũ RV-1890-0001"
    assert [text[c.start:c.end] for c in rec.analyze(Context(text))] == ["RV-2024-0912", "CV/2025/118"]


def test_fold_matches_any_case_and_missing_marks():
    rec = _rec({"name": "ward", "label": "LOCATION", "fold": True, "patterns": [{"regex": r"khoa dong y \d"}]})
    text = "Chuyển KHOA ĐÔNG Y 2, rồi khoa dong y 3"
    assert [text[c.start:c.end] for c in rec.analyze(Context(text))] == ["KHOA ĐÔNG Y 2", "khoa dong y 3"]


def test_reject_before_and_after_words():
    rec = _rec({"name": "visit_code", "label": "ID", "patterns": [{"regex": r"\b[A-Z]{2}\d{5}\b"}],
                "reject_before": ["mã thuốc"], "reject_after": ["mg"]})
    text = "Mã thuốc AB12345, lượt khám KX20931, liều CD33333 mg"
    assert [text[c.start:c.end] for c in rec.analyze(Context(text))] == ["KX20931"]


def test_required_context_keeps_only_matches_with_a_cue():
    rec = _rec({"name": "bed", "label": "ID", "patterns": [{"regex": r"\b\d{3}-\d{2}\b"}],
                "context": {"words": ["giường"], "window": 2, "required": True, "score": 0.8}})
    text = "Nằm giường 204-12, huyết áp 120-80 lúc 101-22"
    got = [(text[c.start:c.end], c.score) for c in rec.analyze(Context(text))]
    assert got == [("204-12", 0.8)]
    # the cue's form without marks counts too
    assert [c.score for c in rec.analyze(Context("nam giuong 204-12"))] == [0.8]


def test_validator_by_name_and_the_explanation_names_rule_validator_and_cue():
    rec = _rec({"name": "citizen_id", "label": "ID", "patterns": [{"regex": r"\b\d{12}\b", "name": "12 digits"}],
                "validator": "cccd", "context": ["căn cước"]})
    text = "Căn cước 001084012345, số khác 991084012345"
    got = rec.analyze(Context(text))
    assert [text[c.start:c.end] for c in got] == ["001084012345"]  # province code 99 does not exist
    assert got[0].explanation == "rule citizen_id: 12 digits, validator cccd, context cue 'căn cước'"
    assert got[0].source == "citizen_id"
