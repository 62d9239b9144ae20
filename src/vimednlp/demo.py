"""`vimednlp demo`: the whole pipeline on a bundled sample note (fictitious; written by the project)."""
from __future__ import annotations

import json
from importlib import resources

import click


def demo_text() -> str:
    return resources.files("vimednlp").joinpath("resources/demo_note.txt").read_text(encoding="utf-8")


def run_demo(operator: str = "tag", as_json: bool = False) -> None:
    from .pipeline import doc_to_document, load

    text = demo_text()
    nlp = load(skip_missing=True)
    doc = nlp(text)
    record = doc_to_document(doc, id="demo")
    deid_text = None
    try:
        from .deid import deidentify

        deid_text = deidentify(text, operator=operator).text
    except ImportError:
        pass
    if as_json:
        out = record.to_dict()
        if deid_text is not None:
            out["deidentified"] = deid_text
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
        return
    click.secho("── Note " + "─" * 60, bold=True)
    click.echo(text)
    click.secho(f"── Spans ({len(record.spans)}) " + "─" * 52, bold=True)
    for s in record.spans:
        extra = {k: v for k, v in s.attrs.items() if k not in ("group",) and v}
        click.echo(f"{s.start:5d}-{s.end:<5d} {s.attrs.get('group', ''):8s} {s.label:13s} {s.text!r}"
                   + (f"  {extra}" if extra else ""))
    if deid_text is not None:
        click.secho(f"── De-identified (operator={operator}) " + "─" * 30, bold=True)
        click.echo(deid_text)
    click.secho(f"components: {', '.join(nlp.pipe_names)}", dim=True)
