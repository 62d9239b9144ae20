"""De-identification cases by label: tests/deid/cases/<label>.yaml, checked against case.schema.json.

Every row runs against the whole detector (the `rules` fixture, or `Analyzer()` with its tagger when the row says
`detector: default`) and checks the texts of the spans of its label. The span texts a row expects to find are also
looked for among the candidates of the recognizers that can emit that label, run alone from the registry, before
overlap resolution: a recall check on each recognizer. Rows marked `alone: false` (the tagger or the analyzer's
merging makes the span) are checked to still miss there, so the mark stays honest.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from vimednlp.deid.analyzer import Analyzer
from vimednlp.deid.recognizers.base import Context
from vimednlp.deid.recognizers.registry import RecognizerRegistry

CASES = Path(__file__).parent / "cases"
SCHEMA = json.loads((CASES / "case.schema.json").read_text(encoding="utf-8"))
ALL = "ALL"  # the label of rows that check the spans of every label


def load_cases(folder: Path = CASES) -> list[tuple[str, int, dict]]:
    """(file name, row number from 1, row) for every row; a file or row that fails the schema raises an error
    naming the file, the row and the field (never the row's text)."""
    validator = Draft202012Validator(SCHEMA)
    out = []
    for path in sorted(folder.glob("*.yaml")):
        rows = yaml.safe_load(path.read_text(encoding="utf-8"))
        errors = sorted(validator.iter_errors(rows), key=lambda e: [str(p) for p in e.absolute_path])
        if errors:
            e = errors[0]
            where = list(e.absolute_path)
            row = f"row {where[0] + 1}" if where else "top level"
            field = ".".join(str(p) for p in where[1:]) or "-"
            raise ValueError(f"{path.name}: {row}: field {field}: fails the case schema ({e.validator})")
        for i, row in enumerate(rows, 1):
            if row["label"].lower() != path.stem:
                raise ValueError(f"{path.name}: row {i}: field label: {row['label']} belongs in "
                                 f"{row['label'].lower()}.yaml")
            out.append((path.name, i, row))
    return out


def positives(row: dict) -> list[str]:
    """The span texts a row expects the detector to give (each once)."""
    found = [*row.get("expect", []), *row.get("contains", []), *(t for t, n in row.get("counts", {}).items() if n)]
    if "first" in row:
        found.append(row["first"])
    return list(dict.fromkeys(found))


def failures(got: list[str], row: dict) -> list[str]:
    """What in `row` the span texts `got` fail (empty when they pass)."""
    bad = []
    if "expect" in row and got != row["expect"]:
        bad.append("expect")
    have = Counter(got)
    if "contains" in row and Counter(row["contains"]) - have:
        bad.append("contains")
    if any(t in have for t in row.get("absent", [])):
        bad.append("absent")
    if any(have[t] != n for t, n in row.get("counts", {}).items()):
        bad.append("counts")
    if "size" in row and len(got) != row["size"]:
        bad.append("size")
    if row.get("nonempty") and not got:
        bad.append("nonempty")
    first = got[0] if got else None
    if "first" in row and first != row["first"]:
        bad.append("first")
    if "first_startswith" in row and (first is None or not first.startswith(row["first_startswith"])):
        bad.append("first_startswith")
    if "first_endswith" in row and (first is None or not first.endswith(row["first_endswith"])):
        bad.append("first_endswith")
    if not all(any(g.startswith(p) for g in got) for p in row.get("any_startswith", [])):
        bad.append("any_startswith")
    if not all(any(p in g for g in got) for p in row.get("any_contains", [])):
        bad.append("any_contains")
    if any(p in g for g in got for p in row.get("none_contains", [])):
        bad.append("none_contains")
    if any(g.startswith(p) for g in got for p in row.get("none_startswith", [])):
        bad.append("none_startswith")
    if any(g.endswith(p) for g in got for p in row.get("none_endswith", [])):
        bad.append("none_endswith")
    return bad


def _slug(words: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")[:60]


CASE_ROWS = load_cases()
PARAMS = [pytest.param(row, id=f"{row['label']}-{i:03d}-{_slug(row.get('behaviour', ''))}") for _, i, row in CASE_ROWS]
ALONE_PARAMS = [p for p in PARAMS if p.values[0]["label"] != ALL and positives(p.values[0])]


@pytest.fixture(scope="module")
def default():
    """The default detector: recognizers and the statistical tagger."""
    return Analyzer()


@pytest.fixture(scope="module")
def registry():
    return RecognizerRegistry.default()


def test_case_files_are_valid_and_cover_the_labels():
    assert {name for name, _, _ in CASE_ROWS} >= {f"{lab}.yaml" for lab in
                                                 ("date", "phone", "id", "age", "name", "location", "organization",
                                                  "profession", "url")}
    assert len(CASE_ROWS) > 400


def test_a_bad_row_is_named_by_file_row_and_field(tmp_path):
    (tmp_path / "date.yaml").write_text("- text: Ngày 2/3\n  label: DATE\n  expect: 2/3\n  provenance: x\n",
                                        encoding="utf-8")
    with pytest.raises(ValueError, match=r"date\.yaml: row 1: field expect"):
        load_cases(tmp_path)
    (tmp_path / "date.yaml").write_text("- text: Ngày 2/3\n  label: AGE\n  expect: []\n  provenance: x\n",
                                        encoding="utf-8")
    with pytest.raises(ValueError, match=r"date\.yaml: row 1: field label"):
        load_cases(tmp_path)


def test_the_checks_can_fail():
    got = ["Lê Văn Hòa", "Hòa"]
    assert failures(got, {"expect": ["Lê Văn Hòa", "Hòa"], "contains": ["Hòa"], "absent": ["Lê"]}) == []
    assert failures(got, {"expect": ["Lê Văn Hòa"], "contains": ["Hòa", "Hòa"], "absent": ["Hòa"],
                          "counts": {"Hòa": 2}, "size": 1, "first": "Hòa", "first_startswith": "Hòa",
                          "first_endswith": "Lê", "any_startswith": ["Văn"], "any_contains": ["Thị"],
                          "none_contains": ["Văn"], "none_startswith": ["Lê"], "none_endswith": ["Hòa"]}) == [
        "expect", "contains", "absent", "counts", "size", "first", "first_startswith", "first_endswith",
        "any_startswith", "any_contains", "none_contains", "none_startswith", "none_endswith"]
    assert failures([], {"nonempty": True, "first_startswith": "x"}) == ["nonempty", "first_startswith"]


@pytest.mark.parametrize("row", PARAMS)
def test_whole_detector(row, request):
    an = request.getfixturevalue(row.get("detector", "rules"))
    label = row["label"]
    got = [s.text for s in an.analyze(row["text"]) if label == ALL or s.label == label]
    assert failures(got, row) == [], got


@pytest.mark.parametrize("row", ALONE_PARAMS)
def test_recognizers_alone(row, registry):
    """Each expected span text is among the candidates of the recognizers that can emit the row's label."""
    label, text = row["label"], row["text"]
    ctx = Context(text)
    cands = {text[c.start:c.end] for r in registry if label in r.labels for c in r.analyze(ctx) if c.label == label}
    missing = [t for t in positives(row) if t not in cands]
    if row.get("alone", True):
        assert missing == []
    else:  # the mark must stay true: when a recognizer learns the span, drop `alone: false`
        assert missing, "the recognizers alone now give every expected span: remove alone: false"
