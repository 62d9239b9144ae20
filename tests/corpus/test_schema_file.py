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
