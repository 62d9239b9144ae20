"""Loaders for public Vietnamese medical corpora, read from a path the user gives (never bundled), in the
layouts their authors publish (`public_corpora.yaml` lists each layout, label set and published score).

Each loader returns a `LoadedCorpus`: a list of standard records plus a `report` that accounts for every
record and span read (documents, records skipped as bad, overlapping spans skipped, empty tokens). Span
labels are the corpus's own by default, so a model trained on them is scored on the published label set;
`map_labels=True` maps them to vimednlp's labels (`schema.map_label`, case-insensitive) and keeps the
original in `span.attrs["orig_label"]` (always set), so writing back with `label_source="orig"` restores
the published tags. `meta` holds `source`, `split` and `level`.

| name | layout read |
|---|---|
| phoner_covid19 | `<path>/{syllable,word}/{train,dev,test}_{level}.conll` (or `.json` with `fmt="json"`) |
| vimq | `<path>/[data/]{train,dev,test}.json`: a JSON array of {"sentence", "seq_label": [[first_word, last_word, label]], "sent_label"} |
| vimedner | the published split `<path>/{train,dev,test}.txt` (`token TAG`, Vietnamese tags), or the doccano JSON lines {"id", "text", "label": [[start, end, label]]}: one file, or `<path>/{split}.jsonl` |
| vietmed_ner | the GitHub `dataset.txt` (a JSON word list, a tab, a JSON tag list; outside tag `"0"`; no split), or `<path>/[data/]{train,validation,test}*.parquet` / `.jsonl` (Hugging Face export) |

Overlapping spans (ViMQ nests some), which IOB cannot hold, are skipped by default (`overlaps="skip"`: the
longer span of a pair is kept), counted in the report and named in a warning with the file;
`overlaps="keep"` keeps them all (for JSONL, which can hold them).
"""
from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..schema import Document, Span, map_label
from .errors import ErrorLog, RecordError, handle, numbered_lines
from .tokens import JOINS_KEY, check_level, tokens_to_text

log = logging.getLogger(__name__)

CORPORA = ("phoner_covid19", "vimq", "vimedner", "vietmed_ner")
OVERLAPS = ("skip", "keep")
NO_SPLIT = "all"  # the split name of records from a file that carries no split (VietMed-NER's dataset.txt)


@lru_cache(maxsize=1)
def _infos() -> dict:
    from ..paths import load_yaml

    return load_yaml((Path(__file__).with_name("public_corpora.yaml")).read_text(encoding="utf-8"))


def corpus_info(name: str) -> dict:
    """Layout, published labels, test split and published score (`anchor`) of a public corpus."""
    return dict(_infos()[_key(name)])


def published_labels(name: str) -> list[str]:
    """The corpus's own labels as its authors list them (ViMedNER: the CoNLL split's, then the doccano export's)."""
    info = corpus_info(name)
    return list(dict.fromkeys([*info.get("labels", []), *info.get("doccano_labels", [])]))


# --- the report ---------------------------------------------------------------------------------------
@dataclass
class FileReport:
    """What one file gave: every record read is a document returned or a bad record skipped."""

    path: str
    split: str | None = None
    records: int = 0
    documents: int = 0
    bad_records: int = 0
    spans: int = 0
    overlap_pairs: int = 0
    overlap_records: int = 0
    overlaps_skipped: int = 0
    overlaps_kept: int = 0
    empty_tokens: int = 0

    def skip(self, err: RecordError, on_error: str, errors) -> None:
        """A bad record: counted here, then failed, warned or logged by the error policy (`handle`)."""
        self.bad_records += 1
        handle(err, on_error, errors)

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class LoadReport:
    """Counts only (labels, numbers, file names), never text: safe to print and log."""

    corpus: str
    mapped: bool = False
    files: list[FileReport] = field(default_factory=list)
    labels: Counter = field(default_factory=Counter)
    unmapped: Counter = field(default_factory=Counter)

    def total(self, key: str) -> int:
        return sum(getattr(f, key) for f in self.files)

    def to_dict(self) -> dict:
        keys = ("records", "documents", "bad_records", "spans", "overlap_pairs", "overlap_records",
                "overlaps_skipped", "overlaps_kept", "empty_tokens")
        return {"corpus": self.corpus, "labels_mapped": self.mapped, **{k: self.total(k) for k in keys},
                "labels": dict(sorted(self.labels.items())), "unmapped_labels": dict(sorted(self.unmapped.items())),
                "files": [f.to_dict() for f in self.files]}

    def lines(self) -> list[str]:
        out = []
        for f in self.files:
            parts = [f"{f.documents:,} records", f"{f.spans:,} spans"]
            if f.bad_records:
                parts.append(f"{f.bad_records:,} bad records skipped")
            if f.overlaps_skipped:
                parts.append(f"{f.overlaps_skipped:,} overlapping spans skipped ({f.overlap_pairs:,} pairs in "
                             f"{f.overlap_records:,} records)")
            if f.overlaps_kept:
                parts.append(f"{f.overlaps_kept:,} overlapping span pairs kept")
            if f.empty_tokens:
                parts.append(f"{f.empty_tokens:,} empty tokens skipped")
            out.append(f"{f.path}" + (f" [{f.split}]" if f.split else "") + ": " + ", ".join(parts))
        labels = ", ".join(f"{k} {v:,}" for k, v in sorted(self.labels.items())) or "none"
        out.append(f"labels ({'mapped to vimednlp' if self.mapped else 'as published'}): {labels}")
        if self.unmapped:
            out.append("kept as published (no vimednlp counterpart): "
                       + ", ".join(f"{k} {v:,}" for k, v in sorted(self.unmapped.items())))
        return out

    def warn(self) -> None:
        """One warning per file that lost or changed something (file and counts; never text)."""
        for f in self.files:
            if f.overlaps_skipped:
                log.warning("%s: %d overlapping span pairs in %d records, which IOB cannot hold: kept the longer "
                            "span of each, skipped %d spans", f.path, f.overlap_pairs, f.overlap_records,
                            f.overlaps_skipped)
            if f.empty_tokens:
                log.warning("%s: %d lines with an empty token skipped (their tags kept no text)", f.path,
                            f.empty_tokens)
            if f.bad_records:
                log.warning("%s: %d bad records skipped (the error log names each one)", f.path, f.bad_records)


class LoadedCorpus(list):
    """The records of a public corpus (a list of `Document`) with `report`, the `LoadReport` of the load."""

    def __init__(self, docs: Iterable[Document] = (), report: LoadReport | None = None):
        super().__init__(docs)
        self.report = report


# --- shared steps -------------------------------------------------------------------------------------
def map_spans(doc: Document, source: str) -> Document:
    """Map span labels to ours in place; keep the original in attrs. Labels with no counterpart stay as they are."""
    for s in doc.spans:
        orig = s.attrs.setdefault("orig_label", s.label)
        ours = map_label(str(orig), source)
        if ours:
            s.label = ours
    return doc


def _settle(doc: Document, source: str, rep: LoadReport, fr: FileReport, map_labels: bool, overlaps: str) -> Document:
    """Overlaps (counted; skipped or kept), labels (kept or mapped; the original in attrs), counts."""
    spans = sorted(doc.spans, key=lambda s: (s.start, s.end))
    pairs = 0
    for i, a in enumerate(spans):
        for b in spans[i + 1:]:
            if b.start >= a.end:
                break
            pairs += 1
    if pairs:
        fr.overlap_pairs += pairs
        fr.overlap_records += 1
        if overlaps == "skip":
            from ..overlap import resolve

            kept = resolve(spans, policy="longest")
            fr.overlaps_skipped += len(spans) - len(kept)
            spans = kept
        else:
            fr.overlaps_kept += pairs
    doc.spans = spans
    for s in spans:
        orig = s.attrs.setdefault("orig_label", s.label)
        if map_labels:
            ours = map_label(str(orig), source)
            if ours:
                s.label = ours
            else:
                rep.unmapped[str(orig)] += 1
        rep.labels[s.label] += 1
    fr.documents += 1
    fr.spans += len(spans)
    return doc


def _check_options(on_error: str, overlaps: str) -> None:
    from .errors import ON_ERROR

    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be one of {ON_ERROR}, got {on_error!r}")
    if overlaps not in OVERLAPS:
        raise ValueError(f"overlaps must be one of {OVERLAPS}, got {overlaps!r}")


def _splits(splits: Iterable[str] | str | None, default: tuple[str, ...]) -> tuple[str, ...]:
    if splits is None:
        return default
    return (splits,) if isinstance(splits, str) else tuple(splits)


def _need(path: Path) -> Path:
    if not path.exists():
        raise FileNotFoundError(f"corpus file not found: {path}")
    return path


def _split_files(splits, default: tuple[str, ...], file_of) -> list[tuple[str, Path]]:
    """(split, file) for each split asked for (each must exist), or for each default split present (one at least)."""
    if splits is not None:
        return [(sp, _need(file_of(sp))) for sp in _splits(splits, default)]
    found = [(sp, file_of(sp)) for sp in default if file_of(sp).exists()]
    if not found:
        raise FileNotFoundError(f"corpus file not found: {file_of(default[0])} (nor any of the splits "
                                f"{', '.join(default)})")
    return found


def _tokens_doc(words: list, tags: list, doc_id: str, level: str, outside: str, fr: FileReport) -> Document:
    """Words + tags -> Document. The corpus's outside tag becomes `O`; a token with no text (ViMedNER has
    one) carries no characters a span could hold, so it is skipped and counted."""
    from .conll import _tokens_tags_to_document

    if len(words) != len(tags):
        raise ValueError(f"{len(words)} tokens but {len(tags)} tags")
    kept_w, kept_t = [], []
    for w, t in zip(words, tags):
        if not isinstance(w, str) or not isinstance(t, (str, int)):
            raise ValueError("tokens and tags must be strings")
        t = str(t).strip()
        if t == outside:
            t = "O"
        if not w.strip():
            fr.empty_tokens += 1
            continue
        kept_w.append(w)
        kept_t.append(t)
    if not kept_w:
        raise ValueError("a sentence with no tokens")
    return _tokens_tags_to_document(kept_w, kept_t, doc_id, level, "BIO")


def _is_tag(col: str, outside: str) -> bool:
    return col in (outside, "O") or (len(col) > 2 and col[0] in "BI" and col[1] == "-")


def _iter_tag_file(f: Path, prefix: str, level: str, outside: str, fr: FileReport, on_error: str,
                   errors: ErrorLog) -> Iterator[Document]:
    """A `token TAG` file (one token a line, a blank line between sentences; HF token-classification layout:
    space or tab separated, `-DOCSTART-` lines ignored). A line whose token is empty (` O`, or the tag alone)
    is counted in `fr.empty_tokens`, not fatal."""
    from .conll import iter_sentences

    with open(f, "rb") as fh:
        i = 0
        for first, block in iter_sentences(fh, str(f)):
            lines = [(n, line) for n, line in block if not line.startswith("-DOCSTART-")]
            if not lines:
                continue
            i += 1
            fr.records += 1
            try:
                words, tags = [], []
                for n, line in lines:
                    cols = line.split("\t") if "\t" in line else line.split(" ")
                    if len(cols) == 1 and _is_tag(cols[0].strip(), outside):
                        cols = ["", cols[0]]  # the tag alone: its token was empty
                    if len(cols) < 2 or not cols[-1].strip():
                        raise RecordError("expected a token and a tag separated by a space", f, n)
                    if not _is_tag(cols[-1].strip(), outside):
                        raise RecordError(f"not an IOB tag: {cols[-1].strip()!r}", f, n)
                    words.append(cols[0])
                    tags.append(cols[-1])
                try:
                    doc = _tokens_doc(words, tags, f"{prefix}{i:05d}", level, outside, fr)
                except ValueError as e:
                    raise RecordError(str(e), f, first) from None
            except RecordError as e:
                fr.skip(e, on_error, errors)
                continue
            yield doc


# --- the loaders ----------------------------------------------------------------------------------------
def load_phoner_covid19(path, level="syllable", splits=None, fmt="conll", on_error="fail", errors=None,
                        map_labels=False, overlaps="skip") -> LoadedCorpus:
    from .conll import iter_conll, iter_token_json

    check_level(level)
    _check_options(on_error, overlaps)
    errs = errors if errors is not None else ErrorLog()
    rep = LoadReport("phoner_covid19", map_labels)
    out = LoadedCorpus(report=rep)
    for split, f in _split_files(splits, ("train", "dev", "test"), lambda sp: Path(path) / level / f"{sp}_{level}.{fmt}"):
        fr = FileReport(str(f), split)
        rep.files.append(fr)
        it = iter_conll if fmt == "conll" else iter_token_json
        before = len(errs)
        for doc in it(f, level=level, on_error=on_error, errors=errs):
            doc.meta.update({"source": "phoner_covid19", "split": split, "level": level})
            out.append(_settle(doc, "phoner_covid19", rep, fr, map_labels, overlaps))
        fr.bad_records = len(errs) - before
        fr.records = fr.documents + fr.bad_records
    rep.warn()
    return out


def _vimq_dir(p: Path) -> Path:
    return p / "data" if not any(p.glob("*.json")) and (p / "data").is_dir() else p


def load_vimq(path, level="word", splits=None, on_error="fail", errors=None, map_labels=False,
              overlaps="skip") -> LoadedCorpus:
    check_level(level)
    _check_options(on_error, overlaps)
    rep = LoadReport("vimq", map_labels)
    out = LoadedCorpus(report=rep)
    root = _vimq_dir(Path(path))
    for split, f in _split_files(splits, ("train", "dev", "test"), lambda sp: root / f"{sp}.json"):
        fr = FileReport(str(f), split)
        rep.files.append(fr)
        try:
            rows = json.loads(f.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            raise RecordError(f"broken JSON ({e.msg})", f, e.lineno) from None
        if not isinstance(rows, list):
            raise RecordError("expected a JSON array of questions", f)
        for i, row in enumerate(rows):
            fr.records += 1
            try:
                words = row["sentence"].split(" ")
                text, offs, joins = tokens_to_text(words, level)
                spans = []
                for a, b, lab in row.get("seq_label") or []:
                    if not 0 <= a <= b < len(offs):
                        raise ValueError(f"entity words {a}-{b} outside the sentence ({len(offs)} words)")
                    spans.append(Span(offs[a][0], offs[b][1], str(lab), text[offs[a][0]:offs[b][1]]))
            except (KeyError, TypeError, ValueError, AttributeError) as e:
                fr.skip(RecordError(f"bad ViMQ record: {e}", f, record_id=str(i)), on_error, errors)
                continue
            meta = {"source": "vimq", "split": split, "level": level}
            if row.get("sent_label") is not None:
                meta["intent"] = row["sent_label"]
            if joins and level == "word":
                meta[JOINS_KEY] = joins
            out.append(_settle(Document(f"vimq-{split}-{i:05d}", text, spans, meta), "vimq", rep, fr, map_labels,
                               overlaps))
    rep.warn()
    return out


def _sniff_jsonl(f: Path) -> bool:
    with open(f, "rb") as fh:
        for raw in fh:
            if raw.strip():
                return raw.lstrip().lstrip(b"\xef\xbb\xbf").startswith(b"{")
    return False


def _vimedner_files(p: Path, splits) -> list[tuple[str | None, Path]]:
    if p.is_file():
        return [(None, p)]
    wanted = _splits(splits, ("train", "dev", "test"))
    found = []
    for split in wanted:
        cands = [p / f"{split}{ext}" for ext in (".txt", ".conll", ".jsonl")]
        hit = next((c for c in cands if c.is_file()), None)
        if hit is None and splits is not None:
            raise FileNotFoundError(f"no {split}.txt, {split}.conll or {split}.jsonl under {p}")
        if hit is not None:
            found.append((split, hit))
    if not found:
        for single in (p / "ViMedNER.txt", p / "ViMedNER" / "ViMedNER.txt"):
            if single.is_file():
                return [(None, single)]
        raise FileNotFoundError(f"no ViMedNER split under {p}: expected train.txt / dev.txt / test.txt (the "
                                "published CoNLL split), <split>.jsonl or ViMedNER.txt (the doccano export)")
    return found


def load_vimedner(path, level="syllable", splits=None, on_error="fail", errors=None, map_labels=False,
                  overlaps="skip") -> LoadedCorpus:
    check_level(level)
    _check_options(on_error, overlaps)
    errs = errors if errors is not None else ErrorLog()
    rep = LoadReport("vimedner", map_labels)
    out = LoadedCorpus(report=rep)
    for split, f in _vimedner_files(Path(path), splits):
        fr = FileReport(str(f), split)
        rep.files.append(fr)
        meta = {"source": "vimedner", "level": level, **({"split": split} if split else {})}
        if not _sniff_jsonl(f):  # the published CoNLL split (Vietnamese tags)
            for doc in _iter_tag_file(f, f"vimedner-{split or f.stem}-", level, "O", fr, on_error, errs):
                doc.meta.update(meta)
                out.append(_settle(doc, "vimedner", rep, fr, map_labels, overlaps))
            continue
        with open(f, "rb") as fh:
            for n, line in numbered_lines(fh, str(f), strip_bom=True):
                if not line.strip():
                    continue
                fr.records += 1
                try:
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError as e:
                        raise RecordError(f"broken JSON ({e.msg} at column {e.colno})", f, n) from None
                    text = row["text"]
                    spans = []
                    for a, b, lab in row.get("label") or row.get("entities") or []:
                        if not 0 <= a <= b <= len(text):
                            raise RecordError(f"span {a}-{b} outside the text (length {len(text)})", f, n)
                        if b > a:
                            spans.append(Span(a, b, str(lab), text[a:b]))
                except RecordError as e:
                    fr.skip(e, on_error, errs)
                    continue
                except (KeyError, TypeError, ValueError) as e:
                    fr.skip(RecordError(f"bad ViMedNER record: {e}", f, n), on_error, errs)
                    continue
                doc = Document(f"vimedner-{row.get('id', n)}", text, spans, dict(meta))
                out.append(_settle(doc, "vimedner", rep, fr, map_labels, overlaps))
    rep.warn()
    return out


def _vietmed_text_file(p: Path) -> Path | None:
    if p.is_file():
        return p if p.suffix == ".txt" else None
    for c in (p / "dataset.txt", p / "corpus_dir" / "dataset.txt"):
        if c.is_file():
            return c
    return None


def load_vietmed_ner(path, level="syllable", splits=None, on_error="fail", errors=None, map_labels=False,
                     overlaps="skip") -> LoadedCorpus:
    check_level(level)
    _check_options(on_error, overlaps)
    p = Path(path)
    rep = LoadReport("vietmed_ner", map_labels)
    out = LoadedCorpus(report=rep)
    txt = _vietmed_text_file(p)
    if txt is not None:
        wanted = _splits(splits, (NO_SPLIT,))
        if set(wanted) - {NO_SPLIT}:
            raise FileNotFoundError(f"{txt} is VietMed-NER's one file with no split (split {NO_SPLIT!r}); "
                                    "the Hugging Face export has train/validation/test")
        fr = FileReport(str(txt), NO_SPLIT)
        rep.files.append(fr)
        with open(txt, "rb") as fh:
            for n, line in numbered_lines(fh, str(txt), strip_bom=True):
                if not line.strip():
                    continue
                fr.records += 1
                try:
                    left, tab, right = line.rstrip("\r\n").partition("\t")
                    try:
                        words, tags = json.loads(left), json.loads(right) if tab else None
                    except json.JSONDecodeError as e:
                        raise RecordError(f"broken JSON ({e.msg})", txt, n) from None
                    if not isinstance(words, list) or not isinstance(tags, list):
                        raise RecordError("expected a JSON list of words, a tab and a JSON list of tags", txt, n)
                    try:
                        doc = _tokens_doc(words, tags, f"vietmed_ner-{fr.records:05d}", level, "0", fr)
                    except ValueError as e:
                        raise RecordError(str(e), txt, n) from None
                except RecordError as e:
                    fr.skip(e, on_error, errors)
                    continue
                doc.meta.update({"source": "vietmed_ner", "split": NO_SPLIT, "level": level})
                out.append(_settle(doc, "vietmed_ner", rep, fr, map_labels, overlaps))
        rep.warn()
        return out
    if (p / "data").is_dir():
        p = p / "data"
    for split in _splits(splits, ("train", "validation", "test")):
        files = sorted(p.glob(f"{split}*.parquet")) or sorted(p.glob(f"{split}*.jsonl"))
        if not files:
            raise FileNotFoundError(f"no dataset.txt, {split}*.parquet or {split}*.jsonl under {p}")
        for f in files:
            fr = FileReport(str(f), split)
            rep.files.append(fr)
            rows, names = _vietmed_rows(f)
            for i, row in enumerate(rows):
                fr.records += 1
                try:
                    words = row.get("words", row.get("tokens"))
                    tags = row.get("tags", row.get("ner_tags"))
                    if tags and isinstance(tags[0], int):
                        if not names:
                            raise ValueError("integer tags but the file carries no tag names")
                        tags = [names[t] for t in tags]
                    doc = _tokens_doc(list(words), list(tags), f"vietmed_ner-{split}-{i:05d}", level, "0", fr)
                except (KeyError, TypeError, ValueError, IndexError) as e:
                    fr.skip(RecordError(f"bad VietMed-NER record: {e}", f, record_id=str(i)), on_error, errors)
                    continue
                doc.meta.update({"source": "vietmed_ner", "split": split, "level": level})
                out.append(_settle(doc, "vietmed_ner", rep, fr, map_labels, overlaps))
    rep.warn()
    return out


def _vietmed_rows(f: Path) -> tuple[list[dict], list[str] | None]:
    if f.suffix == ".jsonl":
        rows = [json.loads(x) for x in f.read_text(encoding="utf-8").splitlines() if x.strip()]
        return rows, None
    from datasets import Dataset

    ds = Dataset.from_parquet(str(f))
    names = None
    for col in ("tags", "ner_tags"):
        feat = ds.features.get(col)
        names = names or getattr(getattr(feat, "feature", None), "names", None)
    return list(ds), names


_LOADERS = {
    "phoner_covid19": load_phoner_covid19,
    "vimq": load_vimq,
    "vimedner": load_vimedner,
    "vietmed_ner": load_vietmed_ner,
}


def _key(name: str) -> str:
    key = name.lower().replace("-", "_")
    if key not in _LOADERS:
        raise ValueError(f"unknown corpus {name!r}; known: {', '.join(CORPORA)}")
    return key


def load_corpus(name: str, path: str | Path, level: str | None = None, splits=None, on_error: str = "fail",
                errors: ErrorLog | None = None, map_labels: bool = False, overlaps: str = "skip",
                **kw) -> LoadedCorpus:
    """Load a public corpus by name from `path` as standard records with the corpus's own labels
    (`map_labels=True`: vimednlp's, the originals in `attrs["orig_label"]`). `level` defaults to the level
    the corpus is published at (ViMQ: word; the others: syllable). The result's `.report` counts every
    record and span read, and what was skipped.

    >>> docs = load_corpus("vimq", "/data/ViMQ", splits="train")  # doctest: +SKIP
    >>> docs.report.lines()  # doctest: +SKIP
    """
    key = _key(name)
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"corpus path not found: {p} (corpora are never bundled: pass where yours is)")
    if level is not None:
        kw["level"] = level
    return _LOADERS[key](p, splits=splits, on_error=on_error, errors=errors, map_labels=map_labels,
                         overlaps=overlaps, **kw)


def by_split(docs: Iterable[Document]) -> dict[str, list[Document]]:
    """Records grouped by `meta["split"]`, in the order first seen."""
    out: dict[str, list[Document]] = {}
    for d in docs:
        out.setdefault(str(d.meta.get("split", NO_SPLIT)), []).append(d)
    return out


def seeded_split(docs: list[Document], ratios: dict[str, float] | None = None, seed: int = 13) -> dict[str, list[Document]]:
    """A split for a corpus published without one: a seeded shuffle cut by `ratios` (default train 0.8, dev 0.1,
    test 0.1), each split with one record at least when there are enough. The same seed gives the same split."""
    import random

    ratios = ratios or {"train": 0.8, "dev": 0.1, "test": 0.1}
    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    names = list(ratios)
    total = sum(ratios.values())
    sizes = [int(len(docs) * ratios[k] / total) for k in names]
    for k in range(len(names) - 1, 0, -1):  # the small splits get one record before the first grows
        if sizes[k] == 0 and ratios[names[k]] > 0 and sizes[0] > 1:
            sizes[k], sizes[0] = 1, sizes[0] - 1
    sizes[0] += len(docs) - sum(sizes)
    out, pos = {}, 0
    for k, n in zip(names, sizes):
        out[k] = [docs[i] for i in sorted(order[pos:pos + n])]
        pos += n
    return out

