"""The JSON Schema in corpora/schema describes the records the library writes."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from vimednlp.schema import Document, Span

SCHEMA = json.loads((Path(__file__).parents[2] / "corpora" / "schema" / "record.schema.json").read_text("utf-8"))


def test_records_validate_against_the_json_schema():
    text = "Bệnh nhân Trần Thị Mai, 62 tuổi, không sốt."
    doc = Document("bn-1", text, [Span(10, 22, "NAME", "Trần Thị Mai", "gold"),
                                  Span(40, 43, "SYMPTOM", "sốt", attrs={"negated": True})],
                   {"source": "viết tay", "patient_id": "P1", "split": "train", "word_joins": [4]})
    jsonschema.validate(json.loads(doc.to_json()), SCHEMA)
    bad = json.loads(doc.to_json())
    bad["spans"][0]["start"] = -1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "x"}, SCHEMA)


def test_the_package_carries_the_same_schema_file():
    from importlib import resources

    packaged = json.loads(resources.files("vimednlp.corpus").joinpath("record.schema.json").read_text("utf-8"))
    assert packaged == SCHEMA


def test_validate_reports_what_breaks_the_json_schema_by_field_never_by_value(tmp_path):
    from vimednlp.corpus.validate import validate

    ok = Document("bn-1", "Bệnh nhân Trần Thị Mai không sốt.", [Span(10, 22, "NAME", "Trần Thị Mai")]).to_dict()
    odd_attr = json.loads(json.dumps(ok))
    odd_attr["id"] = "bn-2"
    odd_attr["text"] = "Bà Trần Thị Mai không sốt."
    odd_attr["spans"] = [{"start": 3, "end": 15, "label": "NAME", "text": "Trần Thị Mai", "attrs": {"negated": "có"}}]
    odd_meta = {"id": "bn-3", "text": "Ông Lê Văn Hùng ho khan.", "meta": {"level": "âm tiết", "patient_id": 7}}
    p = tmp_path / "c.jsonl"
    p.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in (ok, odd_attr, odd_meta)) + "\n",
                 encoding="utf-8")
    rep = validate(p, near_dup=None)
    got = sorted((x.line, x.message) for x in rep.problems if x.code == "schema")
    assert got == [(2, "spans[0].attrs.negated: must be of type boolean"),
                   (3, 'meta.level: fails enum ["syllable", "word"]'),
                   (3, "meta.patient_id: must be of type string")]
    assert not any(w in x.message for x in rep.problems for w in ("có", "âm tiết", "Trần", "Hùng"))
    assert not rep.ok()
