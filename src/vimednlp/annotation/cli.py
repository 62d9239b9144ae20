"""`vimednlp ls ...`: Label Studio configs, projects, push, pull, agreement, consistency, adjudication, export."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

CHOICE = click.Choice(["phi", "clinical", "all"])


def _client(url: str | None, token: str | None):
    from .client import LabelStudioClient, LabelStudioError

    try:
        return LabelStudioClient(url or "", token or "")
    except LabelStudioError as e:
        raise click.UsageError(str(e)) from None


def _server_opts(f):
    f = click.option("--token", envvar="LABEL_STUDIO_API_KEY", help="API token (env LABEL_STUDIO_API_KEY).")(f)
    f = click.option("--url", envvar="LABEL_STUDIO_URL", default="http://127.0.0.1:8080", show_default=True,
                     help="Label Studio server (env LABEL_STUDIO_URL).")(f)
    return f


def _run(fn, *a, **kw):
    """Call into the client; its errors (server down, 401, missing project) become exit code 1."""
    from .client import LabelStudioError

    try:
        return fn(*a, **kw)
    except LabelStudioError as e:
        raise click.ClickException(str(e)) from None


def _read_docs(path: str):
    from ..corpus.jsonl import iter_jsonl

    return list(iter_jsonl(path))


def _write_docs(docs, out: str | None) -> None:
    if out:
        from ..corpus.jsonl import write_jsonl

        n = write_jsonl(docs, out)
        click.echo(f"wrote {n} records to {out}", err=True)
    else:
        for d in docs:
            click.echo(d.to_json())


@click.group("ls", context_settings={"help_option_names": ["-h", "--help"]})
def ls() -> None:
    """Label Studio: label configs from the schema, push/pull, agreement, adjudication.

    \b
    Examples:
      vimednlp ls config all --out annotation/configs/all.xml
      vimednlp ls project --title "PHI batch 1" --schema phi
      vimednlp ls push notes.jsonl --project 3
      vimednlp ls pull --project 3 --state ls-state/ --out annotated.jsonl
      vimednlp ls agreement annotated.jsonl --report disagreements.md
      vimednlp ls adjudicate annotated.jsonl --method majority --out gold.jsonl
    """


@ls.command("config")
@click.argument("which", type=CHOICE, default="all")
@click.option("--out", type=click.Path(dir_okay=False), help="Write the XML here instead of stdout.")
@click.option("--write-all", "write_all", type=click.Path(file_okay=False),
              help="Write phi.xml, clinical.xml and all.xml into this folder.")
def config_cmd(which: str, out: str | None, write_all: str | None) -> None:
    """Print the Label Studio label config generated from annotation/schema.yaml.

    \b
    Examples:
      vimednlp ls config phi
      vimednlp ls config --write-all annotation/configs
    """
    from .config import label_config

    if write_all:
        Path(write_all).mkdir(parents=True, exist_ok=True)
        for w in ("phi", "clinical", "all"):
            Path(write_all, f"{w}.xml").write_text(label_config(w), encoding="utf-8")
        click.echo(f"wrote phi.xml, clinical.xml, all.xml to {write_all}", err=True)
        return
    xml = label_config(which)
    if out:
        Path(out).write_text(xml, encoding="utf-8")
    else:
        click.echo(xml, nl=False)


@ls.command("project")
@_server_opts
@click.option("--title", required=True, help="Project title (an existing project with it is updated).")
@click.option("--schema", "which", type=CHOICE, default="all", show_default=True, help="Which labels.")
@click.option("--project", type=int, help="Update this project id instead of finding by title.")
def project_cmd(url, token, title, which, project) -> None:
    """Create or update a project whose label config comes from the schema; prints its id.

    \b
    Example:
      vimednlp ls project --url http://127.0.0.1:8080 --token $TOKEN --title "Khoa Nội" --schema all
    """
    c = _client(url, token)
    click.echo(_run(c.ensure_project, title, which, project))


@ls.command("push")
@_server_opts
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--project", type=int, required=True)
@click.option("--schema", "which", type=CHOICE, default="all", show_default=True,
              help="Which pipeline predicts the pre-annotations.")
@click.option("--predict/--no-predict", default=True, show_default=True,
              help="Pre-annotate with vimednlp's pipeline (falls back to none, with a message, if missing).")
@click.option("--predictor", help="A module:function taking text and returning spans, instead of the pipeline.")
@click.option("--spans-as-predictions", is_flag=True, help="Send the records' own spans as the pre-annotations.")
@click.option("--model-version", help="model_version recorded on the predictions.")
def push_cmd(url, token, inputs, project, which, predict, predictor, spans_as_predictions, model_version) -> None:
    """Push documents as tasks: corpus records (.jsonl) or raw text files (.txt, one task per file).

    \b
    Examples:
      vimednlp ls push notes.jsonl --project 3
      vimednlp ls push a.txt b.txt --project 3 --no-predict
      vimednlp ls push notes.jsonl --project 3 --predictor mypkg.ner:predict --model-version crf-0.2
    """
    from ..schema import Document
    from .predict import PredictorUnavailable, get_predictor

    docs = []
    for p in inputs:
        if p.endswith(".jsonl"):
            docs += _read_docs(p)
        else:
            text = Path(p).read_text(encoding="utf-8")
            if not text.strip():
                raise click.ClickException(f"{p}: the file is empty")
            docs.append(Document(Path(p).stem, text))
    pred = None
    if predict and not spans_as_predictions:
        try:
            pred = get_predictor(which, predictor, model_version)
        except PredictorUnavailable as e:
            if predictor:
                raise click.ClickException(str(e)) from None
            click.echo(f"note: pushing without pre-annotations: {e}", err=True)
    c = _client(url, token)
    # predictions with labels the project's config lacks would be invisible in the browser: leave them
    # out and say how many of each
    from collections import Counter

    from .predict import restrict

    allowed = _run(c.project_labels, project)
    if not allowed:
        raise click.ClickException(f"project {project}'s label config has no <Labels>; set it up with "
                                   "`vimednlp ls project --project ID --schema ...`")
    skipped: Counter = Counter()
    if pred is not None:
        pred = restrict(pred, allowed, skipped)
    if spans_as_predictions:
        for d in docs:
            skipped.update(s.label for s in d.spans if s.label not in allowed)
            d.spans = [s for s in d.spans if s.label in allowed]
    try:
        ids = _run(c.push, project, docs, pred, model_version, spans_as_predictions, progress=True)
    except PredictorUnavailable as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"pushed {len(ids)} tasks to project {project}", err=True)
    if skipped:
        counts = ", ".join(f"{lab} {n}" for lab, n in sorted(skipped.items()))
        click.echo(f"warning: project {project} has no label for {sum(skipped.values())} predicted spans, left out "
                   f"({counts}); push with --schema matching the project, or add the labels with "
                   "`vimednlp ls project --project ID --schema all`", err=True)


@ls.command("pull")
@_server_opts
@click.option("--project", type=int, required=True)
@click.option("--state", "state", type=click.Path(file_okay=False), required=True,
              help="Folder holding what was pulled so far (resumable, append-only).")
@click.option("--out", type=click.Path(dir_okay=False), help="Write the per-annotator records (JSONL) here.")
def pull_cmd(url, token, project, state, out) -> None:
    """Pull new and changed annotations into a local state; write records with per-annotator spans.

    Re-running fetches only what changed; nothing already pulled is ever dropped.

    \b
    Example:
      vimednlp ls pull --project 3 --state ls-state/ --out annotated.jsonl
    """
    from .store import PullStore

    store = PullStore(state)
    c = _client(url, token)
    r = _run(c.pull, project, store, progress=True)
    click.echo(f"{r.tasks} tasks; {r.new} new annotation versions, {r.unchanged} already pulled", err=True)
    if out:
        _write_docs(store.documents(c.schema), out)


@ls.command("agreement")
@click.argument("records", type=click.Path(exists=True, dir_okay=False))
@click.option("--annotators", help="Comma-separated annotators to compare (default: all).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON instead of Markdown.")
@click.option("--report", type=click.Path(dir_okay=False), help="Write a disagreement report (Markdown) here.")
@click.option("--no-text", is_flag=True, help="Leave the text out of the disagreement report.")
def agreement_cmd(records, annotators, as_json, report, no_text) -> None:
    """Span F1 (strict, overlap), token kappa and alpha, per label and annotator pair.

    \b
    Examples:
      vimednlp ls agreement annotated.jsonl
      vimednlp ls agreement annotated.jsonl --json --report disagreements.md
    """
    from .agreement import agreement, consistency, nothing_to_compare
    from .report import disagreement_report

    docs = _read_docs(records)
    names = annotators.split(",") if annotators else None
    why = nothing_to_compare(docs, names)
    if why:
        raise click.ClickException(f"{records}: {why}")
    rep = agreement(docs, names)
    click.echo(json.dumps(rep.to_dict(), ensure_ascii=False, indent=1) if as_json else rep.to_markdown())
    if report:
        Path(report).write_text(disagreement_report(docs, names, show_text=not no_text,
                                                    inconsistencies=consistency(docs)), encoding="utf-8")
        click.echo(f"wrote the disagreement report to {report}", err=True)


@ls.command("consistency")
@click.argument("records", type=click.Path(exists=True, dir_okay=False))
@click.option("--annotator", help="Check one annotator's spans only.")
@click.option("--unlabeled", is_flag=True, help="Also count unlabelled occurrences of labelled strings.")
def consistency_cmd(records, annotator, unlabeled) -> None:
    """List surface strings labelled differently across the corpus (accent- and case-folded).

    \b
    Example:
      vimednlp ls consistency gold.jsonl --unlabeled
    """
    from .agreement import consistency

    incs = consistency(_read_docs(records), annotator, unlabeled)
    for inc in incs:
        labs = ", ".join(f"{k}x{v}" for k, v in sorted(inc.labels.items()))
        click.echo(f"{inc.surface}\t{labs}\t" + "; ".join(f"{d}:{s}-{e}" for d, s, e, _ in inc.examples[:3]))
    click.echo(f"{len(incs)} inconsistent strings", err=True)


@ls.command("adjudicate")
@click.argument("records", type=click.Path(exists=True, dir_okay=False))
@click.option("--method", type=click.Choice(["majority", "precedence", "adjudicator"]), default="majority",
              show_default=True)
@click.option("--precedence", help="Comma-separated annotators, most trusted first.")
@click.option("--adjudicator", help="The adjudicator's name (method 'adjudicator').")
@click.option("--min-votes", type=int, help="Votes a span needs under 'majority' (default: more than half).")
@click.option("--out", type=click.Path(dir_okay=False), help="Write the gold records (JSONL) here.")
def adjudicate_cmd(records, method, precedence, adjudicator, min_votes, out) -> None:
    """Merge annotators into a gold corpus; each span records which annotator it came from.

    \b
    Examples:
      vimednlp ls adjudicate annotated.jsonl --method majority --out gold.jsonl
      vimednlp ls adjudicate annotated.jsonl --method adjudicator --adjudicator lead@bv.vn --out gold.jsonl
    """
    from .adjudicate import adjudicate

    if method == "adjudicator" and not adjudicator:
        raise click.UsageError("--method adjudicator needs --adjudicator NAME")
    gold = adjudicate(_read_docs(records), method, precedence=precedence.split(",") if precedence else None,
                      adjudicator=adjudicator, min_votes=min_votes)
    _write_docs(gold, out)


@ls.command("export")
@_server_opts
@click.option("--project", type=int, required=True)
@click.option("--out", type=click.Path(dir_okay=False), help="Write the export here instead of stdout.")
def export_cmd(url, token, project, out) -> None:
    """Save the server's own JSON export of a project (all tasks, annotations and predictions).

    \b
    Example:
      vimednlp ls export --project 3 --out project3.json
    """
    c = _client(url, token)
    data = _run(c.export_json, project)
    text = json.dumps(data, ensure_ascii=False, indent=1)
    if out:
        Path(out).write_text(text + "\n", encoding="utf-8")
        click.echo(f"wrote {len(data)} tasks to {out}", err=True)
    else:
        sys.stdout.write(text + "\n")


@ls.command("serve")
@click.option("--data-dir", type=click.Path(file_okay=False), required=True,
              help="Where the server keeps its database (reused on the next start).")
@click.option("--port", type=int, default=8080, show_default=True)
@click.option("--install/--no-install", default=False, show_default=True,
              help="Install label-studio into /tmp/vimednlp-lsvenv when $VIMEDNLP_LS_BIN is unset.")
def serve_cmd(data_dir, port, install) -> None:
    """Start a local Label Studio on 127.0.0.1 (own venv, no network calls) until Ctrl-C.

    Prints the URL and a fresh legacy API token for `--token`. Label Studio's own dependencies clash with
    ours, so it runs from its own venv: $VIMEDNLP_LS_BIN, or --install.

    \b
    Example:
      VIMEDNLP_LS_BIN=~/venvs/ls/bin/label-studio vimednlp ls serve --data-dir ~/ls-data --port 8080
    """
    import os
    import time

    from .server import DEFAULT_VENV, LocalLabelStudio, ensure_label_studio

    if not os.environ.get("VIMEDNLP_LS_BIN") and not install and not (DEFAULT_VENV / "bin" / "label-studio").exists():
        raise click.UsageError("set $VIMEDNLP_LS_BIN to a label-studio executable, or pass --install")
    srv = LocalLabelStudio(exe=ensure_label_studio(), data_dir=Path(data_dir).resolve(), port=port)
    creds = srv.data_dir / "vimednlp-creds.json"
    if creds.exists():  # the user exists in that database: its token and password stay the same
        c = json.loads(creds.read_text(encoding="utf-8"))
        srv.username, srv.password, srv.token = c["username"], c["password"], c["token"]
    try:
        srv.start()
    except (RuntimeError, TimeoutError) as e:
        raise click.ClickException(str(e)) from None
    if not creds.exists():
        creds.write_text(json.dumps({"username": srv.username, "password": srv.password, "token": srv.token}),
                         encoding="utf-8")
        creds.chmod(0o600)
    click.echo(f"Label Studio at {srv.url}\nuser {srv.username}  password {srv.password}\n"
               f"export LABEL_STUDIO_URL={srv.url} LABEL_STUDIO_API_KEY={srv.token}\n(Ctrl-C stops it)")
    import signal

    # a plain `kill` must stop the server too (it runs in its own process group)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        while srv.proc is not None and srv.proc.poll() is None:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        srv.stop()
