"""The pull state: idempotent, resumable after a torn write, never forgets a version."""
from __future__ import annotations

import pytest

from vimednlp.annotation.store import PullStore

TEXT = "Bà Hoa 70 tuổi"


def rec(aid, upd, who="a@x.vn", start=3, end=6):
    return {"annotation_id": aid, "updated_at": upd, "task_id": 1, "project": 1, "completed_by": 1,
            "annotator": who, "was_cancelled": False, "lead_time": None,
            "result": [{"id": "r", "from_name": "label", "to_name": "text", "type": "labels",
                        "value": {"start": start, "end": end, "text": TEXT[start:end], "labels": ["NAME"]}}]}


def test_idempotent_and_latest_version_wins(tmp_path):
    s = PullStore(tmp_path)
    s.add_task(1, {"text": TEXT, "vimednlp": {"id": "doc-1"}}, 1)
    assert s.add_annotation(rec(7, "2026-01-01T00:00:00Z"))
    assert not s.add_annotation(rec(7, "2026-01-01T00:00:00Z"))
    assert s.add_annotation(rec(7, "2026-01-02T00:00:00Z", start=3, end=14))
    again = PullStore(tmp_path)
    assert len(again.annotations) == 2  # both versions kept on disk
    (doc,) = again.documents()
    assert doc.id == "doc-1" and [(x.text, x.attrs["annotator"]) for x in doc.spans] == [("Hoa 70 tuổi", "a@x.vn")]
    assert doc.meta["annotators"] == ["a@x.vn"]


def test_torn_last_line_is_set_aside_and_broken_middle_line_is_an_error(tmp_path):
    s = PullStore(tmp_path)
    s.add_task(1, {"text": TEXT}, 1)
    s.add_annotation(rec(1, "t1"))
    with s.ann_path.open("a", encoding="utf-8") as f:
        f.write('{"annotation_id": 2, "upd')  # interrupted write
    s2 = PullStore(tmp_path)
    assert len(s2.annotations) == 1 and s2.ann_path.with_suffix(".jsonl.torn").exists()
    assert s2.add_annotation(rec(2, "t2"))
    assert len(PullStore(tmp_path).annotations) == 2
    text = s2.ann_path.read_text(encoding="utf-8")
    s2.ann_path.write_text("{broken\n" + text, encoding="utf-8")
    with pytest.raises(ValueError, match=r"annotations.jsonl:1: broken state line"):
        PullStore(tmp_path)


def test_cancelled_annotations_are_left_out_and_empty_ones_count(tmp_path):
    s = PullStore(tmp_path)
    s.add_task(1, {"text": TEXT}, 1)
    s.add_annotation(rec(1, "t1", who="a@x.vn"))
    skipped = rec(2, "t1", who="b@x.vn")
    skipped["was_cancelled"] = True
    s.add_annotation(skipped)
    empty = rec(3, "t1", who="c@x.vn")
    empty["result"] = []
    s.add_annotation(empty)
    (doc,) = s.documents()
    assert doc.meta["annotators"] == ["a@x.vn", "c@x.vn"]  # c said "nothing to label"; b skipped
    assert [x.attrs["annotator"] for x in doc.spans] == ["a@x.vn"]
    assert doc.id == "ls-1"


def test_annotations_without_their_task_are_an_error(tmp_path):
    s = PullStore(tmp_path)
    s.add_annotation(rec(1, "t1"))
    with pytest.raises(ValueError, match="annotations of task 1 but no task record"):
        s.documents()
