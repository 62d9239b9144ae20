"""annotation/schema.yaml, the generated label configs and the guidelines agree with the code's schema."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from vimednlp import schema as S
from vimednlp.annotation.config import label_config
from vimednlp.annotation.labelschema import load_schema

ROOT = Path(__file__).resolve().parents[2]


def test_label_sets_equal_the_code_schema():
    s = load_schema()
    assert s.label_names("phi") == S.PHI_LABELS
    assert s.label_names("clinical") == S.CLINICAL_LABELS
    assert tuple(v for v, _ in s.attributes["assertion"].values) == S.ASSERTIONS
    assert s.attributes["assertion"].applies_to == S.ASSERTION_LABELS
    assert tuple(v for v, _ in s.attributes["id_kind"].values) == S.ID_KINDS


def test_package_copy_is_the_repository_file():
    from vimednlp.annotation.labelschema import default_schema_path

    assert default_schema_path().read_bytes() == (ROOT / "annotation" / "schema.yaml").read_bytes()


def test_hotkeys_colours_unique_and_hints_present():
    labs = load_schema().labels("all")
    assert len({x.hotkey for x in labs}) == len(labs)
    assert len({x.color.lower() for x in labs}) == len(labs)
    assert all(re.fullmatch(r"#[0-9a-fA-F]{6}", x.color) for x in labs)
    assert all(x.hint and x.hint_en for x in labs)


@pytest.mark.parametrize("which", ["phi", "clinical", "all"])
def test_committed_configs_are_generated(which):
    committed = (ROOT / "annotation" / "configs" / f"{which}.xml").read_text(encoding="utf-8")
    assert committed == label_config(which), "regenerate: vimednlp ls config --write-all annotation/configs"


def test_config_shape():
    import xml.etree.ElementTree as ET

    root = ET.fromstring(label_config("all"))
    values = [e.get("value") for e in root.iter("Label")]
    assert tuple(values) == S.ALL_LABELS
    choices = {c.get("name"): c for c in root.iter("Choices")}
    assert set(choices) == {"assertion", "id_kind"}
    assert all(c.get("perRegion") == "true" for c in choices.values())
    phi = ET.fromstring(label_config("phi"))
    assert {c.get("name") for c in phi.iter("Choices")} == {"id_kind"}  # no assertions without clinical labels
    with pytest.raises(ValueError, match="unknown schema choice"):
        label_config("nope")


def test_bad_schema_file_is_named(tmp_path):
    p = tmp_path / "s.yaml"
    p.write_text("version: 1\ntags: {text: text, labels: label}\ngroups:\n  phi:\n    labels:\n"
                 "      - {name: NAME, color: '#000000', hotkey: '1'}\n      - {name: AGE, color: '#000001', hotkey: '1'}\n",
                 encoding="utf-8")
    with pytest.raises(ValueError, match="duplicate hotkey"):
        load_schema(p)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_guidelines_cover_every_label(lang):
    """Each label has its own section with >= 3 positive (✓) and >= 2 negative (✗) examples."""
    text = (ROOT / "annotation" / f"guidelines.{lang}.md").read_text(encoding="utf-8")
    assert re.search(r"^Version: 1\.0", text, re.MULTILINE) or re.search(r"^Phiên bản: 1\.0", text, re.MULTILINE)
    sections = re.split(r"^### ", text, flags=re.MULTILINE)
    by_label = {}
    for sec in sections[1:]:
        head = sec.split("\n", 1)[0]
        m = re.match(r"([A-Z]+)\b", head)
        if m:
            by_label[m.group(1)] = sec
    for lab in S.ALL_LABELS:
        assert lab in by_label, f"{lang}: no section for {lab}"
        sec = by_label[lab]
        assert ("Định nghĩa:" if lang == "vi" else "Definition:") in sec, f"{lang} {lab}: no definition"
        assert len(re.findall(r"^- ✓", sec, re.MULTILINE)) >= 3, f"{lang} {lab}: fewer than 3 positive examples"
        assert len(re.findall(r"^- ✗", sec, re.MULTILINE)) >= 2, f"{lang} {lab}: fewer than 2 negative examples"
    for a in S.ASSERTIONS:
        assert f"`{a}`" in text
