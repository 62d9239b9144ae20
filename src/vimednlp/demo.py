"""`vimednlp demo`: the whole pipeline on a bundled sample note (fictitious; written by the project)."""
from __future__ import annotations

import json
from importlib import resources

import click


def demo_text() -> str:
    return resources.files("vimednlp").joinpath("resources/demo_note.txt").read_text(encoding="utf-8")


def _code_index_ready() -> bool:
    """True when the terminology indexes were built before (building them takes a while, once)."""
    from .paths import cache_dir

    return any(cache_dir("terminology", "index").glob("*.pkl"))


def run_demo(operator: str = "tag", as_json: bool = False, codes: bool | None = None) -> None:
    from .pipeline import DEFAULT_COMPONENTS, doc_to_document, load

    text = demo_text()
    if codes is None:
        codes = _code_index_ready()
    components = [c for c in DEFAULT_COMPONENTS if codes or c != "vimednlp_linker"]
    nlp = load(components, skip_missing=True)
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
        extra = {k: v for k, v in s.attrs.items() if k not in ("group", "explanation", "concept") and v}
        if extra.get("codes"):  # the best code is enough here; --json shows the ranked list
            best = extra["codes"][0]
            extra["codes"] = f"{best['code']} ({best['system']}, {best['score']:.2f})"
        click.echo(f"{s.start:5d}-{s.end:<5d} {s.attrs.get('group', ''):8s} {s.label:13s} {s.text!r}"
                   + (f"  {extra}" if extra else ""))
    if deid_text is not None:
        click.secho(f"── De-identified (operator={operator}) " + "─" * 30, bold=True)
        click.echo(deid_text)
    click.secho(f"components: {', '.join(nlp.pipe_names)}", dim=True)
    if not codes:
        click.secho("ICD-10 / drug / lab codes: `vimednlp demo --codes` (builds the code index once, "
                    "about 20 s; `vimednlp terminology build` adds Vietnamese ICD-10 titles)", dim=True)
