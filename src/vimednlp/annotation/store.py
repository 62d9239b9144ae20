"""Local, append-only state of pulled annotations: resumable, idempotent, never forgets.

A folder with two JSON-lines files:
- `annotations.jsonl`: one line per annotation *version*, keyed by `annotation_id@updated_at`;
  a version already stored is never written twice, and nothing is ever removed (an annotation deleted
  on the server stays here).
- `tasks.jsonl`: one line per task (id, data), written once.
Each line is flushed as it is written, so an interrupted pull loses at most the line being written
(a torn last line is detected, set aside and re-fetched by the next pull).
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..schema import Document
from .convert import results_to_spans
from .labelschema import AnnotationSchema, load_schema


def version_key(annotation_id: Any, updated_at: Any) -> str:
    return f"{annotation_id}@{updated_at}"


class PullStore:
    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.ann_path = self.folder / "annotations.jsonl"
        self.task_path = self.folder / "tasks.jsonl"
        self.annotations: list[dict[str, Any]] = self._read(self.ann_path)
        self.keys = {version_key(a["annotation_id"], a["updated_at"]) for a in self.annotations}
        self.tasks: dict[int, dict[str, Any]] = {t["task_id"]: t for t in self._read(self.task_path)}

    @staticmethod
    def _read(path: Path) -> list[dict[str, Any]]:
        if not path.exists():
            return []
        raw = path.read_bytes()
        lines = raw.split(b"\n")
        out = []
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                out.append(json.loads(line.decode("utf-8")))
            except (json.JSONDecodeError, UnicodeDecodeError) as e:
                if n == len(lines) and not raw.endswith(b"\n"):
                    # a torn last line from an interrupted pull: keep it aside, the next pull re-fetches it
                    torn = path.with_suffix(path.suffix + ".torn")
                    with torn.open("ab") as f:
                        f.write(line + b"\n")
                    path.write_bytes(raw[: len(raw) - len(line)])
                    break
                raise ValueError(f"{path}:{n}: broken state line ({e}); fix or remove that line") from None
        return out

    @staticmethod
    def _append(path: Path, rec: dict[str, Any]) -> None:
        with path.open("a", encoding="utf-8") as f:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())

    def has(self, annotation_id: Any, updated_at: Any) -> bool:
        return version_key(annotation_id, updated_at) in self.keys

    def add_task(self, task_id: int, data: dict[str, Any], project: int | None = None) -> bool:
        if task_id in self.tasks:
            return False
        rec = {"task_id": task_id, "project": project, "data": data}
        self._append(self.task_path, rec)
        self.tasks[task_id] = rec
        return True

    def add_annotation(self, rec: dict[str, Any]) -> bool:
        key = version_key(rec["annotation_id"], rec["updated_at"])
        if key in self.keys:
            return False
        self._append(self.ann_path, rec)
        self.annotations.append(rec)
        self.keys.add(key)
        return True

    def latest(self) -> dict[Any, dict[str, Any]]:
        """The newest stored version of each annotation id."""
        best: dict[Any, dict[str, Any]] = {}
        for a in self.annotations:
            cur = best.get(a["annotation_id"])
            if cur is None or str(a["updated_at"]) >= str(cur["updated_at"]):
                best[a["annotation_id"]] = a
        return best

    def documents(self, schema: AnnotationSchema | None = None, text_key: str = "text",
                  include_cancelled: bool = False) -> list[Document]:
        """One Document per task: every annotator's spans, each with attrs["annotator"].

        meta["annotators"] lists who submitted an annotation for the task (even one with no spans), so
        agreement can tell "nothing to label" from "not annotated".
        """
        s = schema or load_schema()
        by_task: dict[int, list[dict[str, Any]]] = {}
        for a in self.latest().values():
            if a.get("was_cancelled") and not include_cancelled:
                continue
            by_task.setdefault(a["task_id"], []).append(a)
        docs = []
        for task_id in sorted(by_task):
            task = self.tasks.get(task_id)
            if task is None:
                raise ValueError(f"state {self.folder}: annotations of task {task_id} but no task record")
            data = task["data"]
            text = data.get(text_key)
            if not isinstance(text, str):
                raise ValueError(f"task {task_id}: data lacks the text field {text_key!r}")
            ours = data.get("vimednlp") or {}
            spans = []
            anns = sorted(by_task[task_id], key=lambda a: (a["annotator"], str(a["updated_at"])))
            for a in anns:
                try:
                    spans += results_to_spans(text, a["result"], s, annotator=a["annotator"])
                except ValueError as e:
                    raise ValueError(f"task {task_id}, annotation {a['annotation_id']}: {e}") from None
            meta = dict(ours.get("meta") or {})
            meta.update({
                "ls_task_id": task_id, "ls_project": task.get("project"),
                "annotators": sorted({a["annotator"] for a in anns}),
                "annotations": [{"annotator": a["annotator"], "annotation_id": a["annotation_id"],
                                 "updated_at": a["updated_at"]} for a in anns],
            })
            doc_id = str(ours.get("id") or f"ls-{task_id}")
            docs.append(Document(id=doc_id, text=text, spans=spans, meta=meta))
        return docs
