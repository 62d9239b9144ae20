"""Label Studio result items <-> `Span`s, with per-region attribute Choices (assertions, ID kind).

Offsets in result items are UTF-16 code units; `Span`s use code points. The conversion itself is
`vimednlp.corpus.labelstudio.Utf16Index` (re-exported by `.offsets`), the one place that does it.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..schema import ASSERTIONS, Span
from .labelschema import AnnotationSchema, load_schema
from .offsets import Utf16Index


def spans_to_results(text: str, spans: Iterable[Span], schema: AnnotationSchema | None = None,
                     id_prefix: str = "r") -> list[dict[str, Any]]:
    """Spans -> Label Studio result items: one `labels` item per span, plus a `choices` item with the
    same region id for its assertion attributes (attrs[negated]=True ...) and ID kind (attrs[kind])."""
    s = schema or load_schema()
    t = s.tags
    idx = Utf16Index(text)
    out: list[dict[str, Any]] = []
    for i, sp in enumerate(spans):
        if sp.end > len(text):
            raise ValueError(f"span {sp.start}-{sp.end} ({sp.label}) ends past the text (length {len(text)})")
        rid = f"{id_prefix}{i}"
        value = {"start": idx.to_utf16(sp.start), "end": idx.to_utf16(sp.end), "text": text[sp.start:sp.end]}
        out.append({"id": rid, "from_name": t["labels"], "to_name": t["text"], "type": "labels",
                    "value": {**value, "labels": [sp.label]}})
        for attr in s.attributes.values():
            if sp.label not in attr.applies_to:
                continue
            allowed = {v for v, _ in attr.values}
            if attr.name == t.get("id_kind", "id_kind"):
                chosen = [sp.attrs["kind"]] if sp.attrs.get("kind") in allowed else []
            else:
                chosen = [a for a in ASSERTIONS if a in allowed and sp.attrs.get(a)]
            if chosen:
                out.append({"id": rid, "from_name": attr.name, "to_name": t["text"], "type": "choices",
                            "value": {**value, "choices": chosen}})
    return out


def results_to_spans(text: str, result: Iterable[dict[str, Any]], schema: AnnotationSchema | None = None,
                     annotator: str | None = None, source: str = "") -> list[Span]:
    """Label Studio result items -> Spans (code points); Choices of a region become span attrs.

    Raises ValueError naming the region when offsets fall outside the text or the text does not match.
    """
    s = schema or load_schema()
    t = s.tags
    idx = Utf16Index(text)
    attr_by_tag = {a.name: a for a in s.attributes.values()}
    regions: dict[str, Span] = {}
    choices: dict[str, list[tuple[str, list[str]]]] = {}
    order: list[Span] = []
    for n, r in enumerate(result):
        v = r.get("value") or {}
        rid = str(r.get("id", f"#{n}"))
        kind = r.get("type")
        if kind == "labels" and r.get("from_name", t["labels"]) == t["labels"]:
            if "start" not in v or "end" not in v:
                raise ValueError(f"region {rid}: a labels result without start/end")
            try:
                start, end = idx.from_utf16(int(v["start"])), idx.from_utf16(int(v["end"]))
            except ValueError as e:
                raise ValueError(f"region {rid}: {e}") from None
            if "text" in v and v["text"] != text[start:end]:
                raise ValueError(f"region {rid} ({start}-{end}): its text does not match the task text")
            for lab in v.get("labels") or []:
                attrs: dict[str, Any] = {}
                if annotator is not None:
                    attrs["annotator"] = annotator
                sp = Span(start, end, lab, text[start:end], source, 1.0, attrs)
                regions.setdefault(rid, sp)
                order.append(sp)
                if regions[rid] is not sp:  # a region with several labels: each becomes a span
                    regions[f"{rid}#{len(order)}"] = sp
        elif kind == "choices" and r.get("from_name") in attr_by_tag:
            choices.setdefault(rid, []).append((r["from_name"], list(v.get("choices") or [])))
    for rid, items in choices.items():
        targets = [sp for key, sp in regions.items() if key == rid or key.startswith(rid + "#")]
        for tag, values in items:
            for sp in targets:
                if sp.label not in attr_by_tag[tag].applies_to:
                    continue
                if tag == t.get("id_kind", "id_kind"):
                    if values:
                        sp.attrs["kind"] = values[0]
                else:
                    for a in values:
                        sp.attrs[a] = True
    return order
