"""`deidentify()`, `Deidentifier`, `DeidResult`, `reidentify()`: detection + transformation in one call.

Flow: input text -> `vimednlp.text.normalize` (NFC, legacy encodings, with an alignment) ->
`Analyzer.analyze` on the normalized text (in chunks for long documents) -> spans mapped back to
offsets in the input -> each span replaced by its label's operator -> `DeidResult`.

Decisions (see docs/deid.md):
- `res.spans` are offsets into the text the caller gave (DESIGN §5), whatever normalization did.
- `res.text` is built on the normalized text by default (clean NFC Unicode, legacy TCVN3/VNI
  decoded); `output="input"` replaces the identifiers inside the input as given instead.
- Empty or blank input is not an error: it returns the text unchanged, no spans, and an audit
  with `empty: true`. Anything that is not `str` is a `TypeError` naming the type.
- Without a key, hash / encrypt / surrogate use a fresh random key per `Deidentifier` (output
  not linkable across runs, encrypt not reversible); give `key=` for consistency.
"""
from __future__ import annotations

import bisect
import gc
import threading
import time
import warnings
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..overlap import resolve as resolve_overlaps
from ..schema import DEFAULT_DEID_LABELS, PHI_LABELS, Span
from ..text.fold import fold_lower
from .audit import build_audit
from .operators import ENC_TOKEN, HASH_TOKEN, Operator, OperatorContext, Surrogate, decrypt, get_operator
from .surrogates import SurrogateGenerator, value_key, word_key
from .vault import Keyring, Vault

DEFAULT_CHUNK_CHARS = 8_000  # the detector's overlap resolution grows faster than linearly
# each chunk is read with this much of its neighbours' text on both sides, so an identifier (or its cue word)
# across a cut is seen whole
CHUNK_OVERLAP_CHARS = 200


# --- results -----------------------------------------------------------------------------------------
@dataclass
class DeidResult:
    """The de-identified text, the identifier spans found (input offsets), and a PHI-free audit."""

    text: str
    spans: list[Span] = field(default_factory=list)
    audit: dict[str, Any] = field(default_factory=dict)
    # where each replacement sits in `text` (no original text): start, end, label, operator, span index
    replacements: list[dict[str, Any]] = field(default_factory=list)
    patient_id: str | None = None

    def __str__(self) -> str:
        return self.text

    def to_dict(self) -> dict[str, Any]:
        """A JSON record. `spans` hold the identifiers found (PHI); `audit` never does."""
        return {"text": self.text, "spans": [s.to_dict() for s in self.spans], "audit": self.audit,
                "replacements": self.replacements}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DeidResult:
        return cls(text=d["text"], spans=[Span.from_dict(s) for s in d.get("spans") or []],
                   audit=dict(d.get("audit") or {}), replacements=list(d.get("replacements") or []))


# --- the text layer --------------------------------------------------------------------------------------
class _IdentityAlignment:
    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return start, end


class _Identity:
    def __init__(self, text: str):
        self.text = self.original = text
        self.alignment = _IdentityAlignment()


def _normalizer():
    """`vimednlp.text.normalize` (function), or None while the text layer lacks it."""
    try:
        from .. import text as _text

        fn = getattr(_text, "normalize", None)
        if fn is None or not callable(fn):
            import importlib

            mod = importlib.import_module("vimednlp.text.normalize")
            fn = getattr(mod, "normalize", None)
        return fn if callable(fn) else None
    except ImportError:
        return None


def normalize_input(text: str):
    fn = _normalizer()
    if fn is None:
        return _Identity(text)
    return fn(text)


class _InverseAlignment:
    """Input offsets -> normalized offsets, by binary search over the (monotone) alignment."""

    def __init__(self, nt):
        self.nt = nt
        n = len(nt.text)
        self.starts = [nt.alignment.to_original(i, i + 1)[0] for i in range(n)]

    def to_normalized(self, start: int, end: int) -> tuple[int, int]:
        s = bisect.bisect_left(self.starts, start)
        e = bisect.bisect_left(self.starts, end)
        return s, max(s, e)


def _tabs_kept(nt, text: str) -> str:
    """The normalized text with the input's tabs back where normalize made them spaces, for detection only: a tab
    separates table columns, which the table recognizer reads (the output text keeps normalize's spaces)."""
    if "\t" not in text:
        return nt.text
    inv = _InverseAlignment(nt)
    chars = list(nt.text)
    for i in (i for i, c in enumerate(text) if c == "\t"):
        a, b = inv.to_normalized(i, i + 1)
        if b == a + 1 and chars[a] == " ":
            chars[a] = "\t"
    return "".join(chars)


# --- analyzers, cached per configuration (building one loads lexicons and models) ---------------------------
_ANALYZERS: OrderedDict[tuple, Any] = OrderedDict()
_LOCK = threading.Lock()


def get_analyzer(labels: Sequence[str] | None = None, model: str = "default", threshold: float = 0.5,
                 rules: Sequence[str] | None = None):
    # (a rule pack edited since is loaded afresh: its modification time is part of the key)
    rules = tuple(str(r) for r in rules) if rules else None
    key = (tuple(labels) if labels else None, model, threshold, rules and tuple(_mtime(r) for r in rules))
    with _LOCK:
        a = _ANALYZERS.get(key)
        if a is None:
            try:
                from .analyzer import Analyzer
            except ImportError as e:
                raise ImportError("the PHI detector (vimednlp.deid.analyzer) is not available in this install; "
                                  "pass spans= to transform spans you already have") from e
            a = _ANALYZERS[key] = Analyzer(labels=list(labels) if labels else None, model=model, threshold=threshold,
                                           rules=rules)
            while len(_ANALYZERS) > 4:
                _ANALYZERS.popitem(last=False)
        return a


def _mtime(path: str) -> tuple[str, float]:
    import os

    try:
        return path, os.stat(path).st_mtime
    except OSError:
        return path, -1.0  # (the analyzer reports the missing file)


def split_chunks(text: str, size: int = DEFAULT_CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut long text at line, then sentence, then space boundaries into pieces of about `size` chars."""
    n = len(text)
    if n <= size:
        return [(0, n)]
    out, start = [], 0
    while start < n:
        end = min(n, start + size)
        if end < n:
            window = text[start + size // 2:end]
            for sep in ("\n", ". ", "; ", " "):
                i = window.rfind(sep)
                if i >= 0:
                    end = start + size // 2 + i + len(sep)
                    break
        out.append((start, end))
        start = end
    return out


@lru_cache(maxsize=1)
def _label_aliases() -> dict[str, str]:
    """Other tools' identifier labels -> ours (resources/deid/label_aliases.tsv)."""
    from ..paths import resource_path

    p = resource_path("deid", "label_aliases.tsv")
    out: dict[str, str] = {}
    with open(p, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            cols = line.rstrip("\n").split("\t")
            if not line.strip() or line.startswith("#") or cols[0] == "alias":
                continue
            if len(cols) != 3 or cols[1] not in PHI_LABELS:
                raise ValueError(f"{p}:{lineno}: expected alias, PHI label, source (tab-separated)")
            out[cols[0].upper()] = cols[1]
    return out


def phi_label(label: str) -> str:
    """A caller's span label as a vimednlp PHI label: ours in any case ('name'), or another tool's
    (Presidio's 'PERSON', PhoNER's 'PATIENT_ID', ...); ValueError naming the label when it is neither."""
    key = str(label).strip().upper()
    if key in PHI_LABELS:
        return key
    ours = _label_aliases().get(key)
    if ours is None:
        raise ValueError(f"span label {label!r} is not an identifier label vimednlp handles; use one of "
                         f"{', '.join(PHI_LABELS)} or a mapped alias (resources/deid/label_aliases.tsv)")
    return ours


def _window(text: str, a: int, b: int, overlap: int) -> tuple[int, int]:
    """The chunk `a:b` widened by about `overlap` characters each side, to a whitespace boundary."""
    n = len(text)
    wa, wb = max(0, a - overlap), min(n, b + overlap)
    if wa > 0:
        k = max(text.rfind(" ", max(0, wa - 50), wa), text.rfind("\n", max(0, wa - 50), wa))
        wa = k + 1 if k >= 0 else wa
    if wb < n:
        ks = [k for k in (text.find(" ", wb, wb + 50), text.find("\n", wb, wb + 50)) if k >= 0]
        wb = min(ks) if ks else wb
    return wa, wb


def _merge_across_cuts(spans: list[Span], text: str) -> list[Span]:
    """Sorted, non-overlapping: spans that overlap (found by two chunks around a cut) become one span over
    both, with the label of the longer; removing more is the safe side."""
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        if out and s.start < out[-1].end:
            p = out[-1]
            if s.end > p.end:
                lead = p if p.end - p.start >= s.end - s.start else s
                out[-1] = Span(p.start, s.end, lead.label, text[p.start:s.end], lead.source, max(p.score, s.score),
                               dict(lead.attrs or {}))
            continue
        out.append(s)
    return out


def _resolve_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Sorted, non-overlapping: on overlap keep the longer span, then the higher score."""
    return resolve_overlaps(spans, policy="longest")


# --- the engine ------------------------------------------------------------------------------------------
class Deidentifier:
    """A reusable de-identification engine (build once, call per document; `deidentify` wraps it).

    >>> deid = Deidentifier(operator="surrogate", key=open("deid.key").read().strip())  # doctest: +SKIP
    >>> deid("Bệnh nhân Nguyễn Văn An, 45 tuổi", patient_id="P001").text   # doctest: +SKIP
    """

    def __init__(self, operator: str | dict | Operator = "tag", *, labels: Sequence[str] | None = None,
                 operators: dict[str, str | dict | Operator] | None = None, key: str | bytes | Keyring | None = None,
                 vault: Vault | str | None = None, date_shift: bool | int = True, numbered: bool = False,
                 analyzer: Any = None, model: str = "default", threshold: float = 0.5, output: str = "normalized",
                 chunk_chars: int = DEFAULT_CHUNK_CHARS, max_patients: int = 10_000,
                 rules: Sequence[str] | None = None, profile: str = "default"):
        self.labels = tuple(labels) if labels else DEFAULT_DEID_LABELS
        unknown = [lab for lab in self.labels if lab not in PHI_LABELS]
        if unknown:
            raise ValueError(f"unknown PHI label(s) {unknown}; choose from {', '.join(PHI_LABELS)}")
        if output not in ("normalized", "input"):
            raise ValueError("output must be 'normalized' or 'input'")
        self.output = output
        self.default_operator = get_operator(operator, numbered=numbered)
        self.operators: dict[str, Operator] = {}
        for lab, spec in (operators or {}).items():
            if lab not in PHI_LABELS:
                raise ValueError(f"operators: unknown label {lab!r}")
            self.operators[lab] = get_operator(spec, numbered=numbered)
        self.keyring = key if isinstance(key, Keyring) else Keyring(key)
        if isinstance(vault, (str, bytes)) or hasattr(vault, "__fspath__"):
            vault = Vault(vault, self.keyring)
        elif isinstance(vault, Vault) and vault.keyring.fingerprint != self.keyring.fingerprint:
            raise ValueError("the vault was opened with a different key than the one given")
        self.vault = vault
        if self.keyring.ephemeral and any(op.name == "encrypt" for op in self._all_ops()):
            warnings.warn("encrypt without a key: a random key is used and the tokens can never be decrypted; "
                          "pass key=...", stacklevel=2)
        if self.vault is not None and self.keyring.ephemeral:
            raise ValueError("a vault needs a key (key=...)")
        if date_shift is True:
            self.date_offset = None  # per patient, from the key
        elif date_shift is False:
            self.date_offset = False
        else:
            self.date_offset = int(date_shift)
        self._analyzer = analyzer
        self.model, self.threshold = model, threshold
        self.rules = [rules] if isinstance(rules, str) or hasattr(rules, "__fspath__") else rules
        if profile != "default":  # (the strict modules load only for the profile that runs them)
            from .strict import check_profile

            profile = check_profile(profile)
        self.profile = profile  # "strict": also what is not known safe (deid/strict.py)
        self.chunk_chars = max(1000, int(chunk_chars))
        self._generators: OrderedDict[str | None, SurrogateGenerator] = OrderedDict()
        self.max_patients = max_patients

    def _all_ops(self) -> list[Operator]:
        return [self.default_operator, *self.operators.values()]

    def operator_for(self, label: str) -> Operator:
        op = self.operators.get(label, self.default_operator)
        if label == "DATE" and self.date_offset is False and isinstance(op, Surrogate):
            return get_operator("tag")
        return op

    @property
    def analyzer(self):
        if self._analyzer is None:
            self._analyzer = get_analyzer(self.labels, self.model, self.threshold, self.rules)
        return self._analyzer

    def generator(self, patient_id: str | None) -> SurrogateGenerator:
        """One surrogate generator per patient: consistency across that patient's documents."""
        g = self._generators.get(patient_id)
        if g is None:
            off = self.date_offset if isinstance(self.date_offset, int) and self.date_offset is not False else None
            g = SurrogateGenerator(self.keyring, patient_id, self.vault, date_offset=off)
            self._generators[patient_id] = g
            while len(self._generators) > self.max_patients:
                self._generators.popitem(last=False)
        else:
            self._generators.move_to_end(patient_id)
        return g

    # --- detection ---------------------------------------------------------------------------------
    def detect(self, text: str) -> list[Span]:
        """Spans over `text` (already normalized), long texts in chunks so memory stays bounded.

        Each chunk is analysed with `CHUNK_OVERLAP_CHARS` of context on both sides and reports the spans that
        start inside it, whole, even past its end; spans of neighbouring chunks that meet across a cut merge."""
        chunks = split_chunks(text, self.chunk_chars)
        spans: list[Span] = []
        for a, b in chunks:
            wa, wb = (a, b) if len(chunks) == 1 else _window(text, a, b, CHUNK_OVERLAP_CHARS)
            for s in self.analyzer.analyze(text[wa:wb]):
                start, end = s.start + wa, s.end + wa
                if s.label in self.labels and (a <= start < b or len(chunks) == 1):
                    spans.append(Span(start, end, s.label, text[start:end], s.source, s.score, dict(s.attrs or {})))
        spans = _resolve_overlaps(spans) if len(chunks) == 1 else _merge_across_cuts(spans, text)
        if self.profile == "strict":
            from .strict import strict_spans

            spans = sorted(spans + [s for s in strict_spans(text, spans) if s.label in self.labels],
                           key=lambda s: s.start)
        return spans

    # --- the call ----------------------------------------------------------------------------------
    def __call__(self, text: str, *, patient_id: str | None = None, spans: Iterable[Span] | None = None,
                 doc_id: str | None = None) -> DeidResult:
        t0 = time.perf_counter()
        if isinstance(text, (bytes, bytearray)):
            raise TypeError("deidentify() takes str, not bytes: decode the file first "
                            "(vimednlp.text handles legacy TCVN3/VNI encodings)")
        if not isinstance(text, str):
            raise TypeError(f"deidentify() takes str, not {type(text).__name__}")
        if patient_id is not None:
            patient_id = str(patient_id)
        ops = {lab: self.operator_for(lab).name for lab in self.labels}
        if not text.strip():
            audit = build_audit([], chars=len(text), operators=ops, doc_id=doc_id, empty=True,
                                elapsed_ms=(time.perf_counter() - t0) * 1000)
            return DeidResult(text=text, spans=[], audit=audit, patient_id=patient_id)

        nt = normalize_input(text)
        norm = nt.text
        changed = norm != text
        if spans is None:
            nspans = self.detect(_tabs_kept(nt, text) if changed else norm)
            in_spans = []
            for s in nspans:
                a, b = nt.alignment.to_original(s.start, s.end) if changed else (s.start, s.end)
                in_spans.append(Span(a, b, s.label, text[a:b], s.source, s.score, s.attrs))
        else:
            in_spans = []
            for s in spans:
                if not isinstance(s, Span):
                    s = Span.from_dict(s)
                s.check(text)
                label = phi_label(s.label)  # 'PERSON', 'name', 'PATIENT_ID' -> ours; an unknown label is refused
                if label in self.labels:
                    attrs = dict(s.attrs or {})
                    if label != s.label:
                        attrs.setdefault("orig_label", s.label)
                    in_spans.append(Span(s.start, s.end, label, text[s.start:s.end], s.source or "given",
                                         s.score, attrs))
            in_spans = _resolve_overlaps(in_spans)
            nspans = []
            if self.output == "normalized" and changed:
                inv = _InverseAlignment(nt)
                for s in in_spans:
                    a, b = inv.to_normalized(s.start, s.end)
                    nspans.append(Span(a, b, s.label, norm[a:b], s.source, s.score, s.attrs))
            else:
                nspans = [Span(s.start, s.end, s.label, norm[s.start:s.end] if not changed else s.text, s.source,
                               s.score, s.attrs) for s in in_spans]
        if self.output == "input" or not changed:
            base, work = text, in_spans
        else:
            base, work = norm, nspans
        out_text, repl, fallbacks = self._transform(base, work, patient_id)
        audit = build_audit(in_spans, chars=len(text), operators=ops, doc_id=doc_id, normalized=changed,
                            fallbacks=fallbacks, chunks=len(split_chunks(norm, self.chunk_chars)),
                            elapsed_ms=(time.perf_counter() - t0) * 1000,
                            ephemeral_key=self.keyring.ephemeral and any(
                                o in ("hash", "encrypt", "surrogate") for o in ops.values()))
        return DeidResult(text=out_text, spans=in_spans, audit=audit, replacements=repl, patient_id=patient_id)

    def _transform(self, base: str, spans: list[Span], patient_id: str | None):
        gen = self.generator(patient_id)
        before = gen.fallbacks
        values = [base[s.start:s.end] for s in spans]
        # the identifier strings a surrogate must not contain: only the surrogate operator reads them
        forbidden = frozenset(k for k in (word_key(v) for v in values) if len(k) >= 3) \
            if any(self.operator_for(s.label).name == "surrogate" for s in spans) else frozenset()
        ctx = OperatorContext(text=base, keyring=self.keyring, surrogates=gen, vault=self.vault, forbidden=forbidden)
        # full names first, so `chị Lan` can reuse the given name of `Nguyễn Thị Lan`'s surrogate
        order = sorted(range(len(spans)), key=lambda i: (spans[i].label != "NAME", -len(values[i].split()), i))
        # tag numbers in reading order; bare given names (`An`) after the full names they belong to
        single = [i for i in range(len(spans)) if spans[i].label == "NAME" and len(values[i].split()) == 1]
        single_set = set(single)
        for i in [j for j in range(len(spans)) if j not in single_set] + single:
            op = self.operator_for(spans[i].label)
            if op.name == "tag" and getattr(op, "numbered", False):
                ctx.number(spans[i], values[i])
        new: list[str] = [""] * len(spans)
        for i in order:
            op = self.operator_for(spans[i].label)
            new[i] = op.operate(spans[i], values[i], ctx)
        parts, repl, last, pos = [], [], 0, 0
        for i, s in enumerate(spans):
            chunk = base[last:s.start]
            parts.append(chunk)
            pos += len(chunk)
            parts.append(new[i])
            repl.append({"start": pos, "end": pos + len(new[i]), "label": s.label,
                         "operator": self.operator_for(s.label).name, "span": i})
            pos += len(new[i])
            last = s.end
        parts.append(base[last:])
        return "".join(parts), repl, gen.fallbacks - before


# --- the one-call API -----------------------------------------------------------------------------------------
_ENGINES: OrderedDict[tuple, Deidentifier] = OrderedDict()


def _engine_key(args: dict) -> tuple | None:
    try:
        items = []
        for k, v in sorted(args.items()):
            if isinstance(v, dict):
                v = tuple(sorted((a, repr(b)) for a, b in v.items()))
            elif isinstance(v, list):
                v = tuple(v)
            elif isinstance(v, (Vault, Keyring, Operator)) or (v is not None and not isinstance(v, (str, bytes, int, float, bool, tuple))):
                v = ("id", id(v))
            items.append((k, v))
        key = tuple(items)
        hash(key)
        return key
    except TypeError:
        return None


def deidentify(text: str, operator: str | dict | Operator = "tag", *, labels: Sequence[str] | None = None,
               operators: dict[str, str | dict | Operator] | None = None, key: str | bytes | None = None,
               patient_id: str | None = None, vault: Vault | str | None = None, date_shift: bool | int = True,
               numbered: bool = False, spans: Iterable[Span] | None = None, analyzer: Any = None,
               model: str = "default", threshold: float = 0.5, output: str = "normalized",
               doc_id: str | None = None, rules: Sequence[str] | None = None,
               profile: str = "default") -> DeidResult:
    """De-identify one text: find identifiers and replace them.

    operator: default for every label (`tag`, `mask`, `redact`, `hash`, `encrypt`, `surrogate`, `keep`);
    operators: per-label overrides, e.g. `{"DATE": "surrogate", "NAME": {"type": "tag", "numbered": True}}`;
    labels: which PHI labels to remove (default: all but the opt-in GENDER and TRANSPORT);
    key: secret for hash / encrypt / surrogate (same key + patient + value -> same output);
    patient_id: surrogates and date offset are consistent across documents with the same patient_id;
    vault: a `Vault` or a path to a SQLite pseudonym vault (consistency across runs, re-identification);
    date_shift: True (per-patient offset from the key), False (dates are tagged), or a number of days;
    spans: identifier spans you already have (input offsets) instead of running the detector;
    rules: paths of your own rule packs (YAML; docs/deid.md, "Your own rules"), run with the default detector;
    profile: "default", or "strict" (recall first: also removes what is not known safe; docs/deid.md, "Profiles");
    output: "normalized" (default; NFC text) or "input" (replace inside the text exactly as given).
    """
    args = dict(operator=operator, labels=tuple(labels) if labels else None, operators=operators, key=key,
                vault=vault, date_shift=date_shift, numbered=numbered, analyzer=analyzer, model=model,
                threshold=threshold, output=output, rules=tuple(map(str, [rules] if isinstance(rules, str) else rules))
                if rules else None)
    args["profile"] = profile
    ek = _engine_key(args)
    eng = _ENGINES.get(ek) if ek is not None and key is not None else None
    if eng is None:
        eng = Deidentifier(operator, labels=labels, operators=operators, key=key, vault=vault, date_shift=date_shift,
                           numbered=numbered, analyzer=analyzer, model=model, threshold=threshold, output=output,
                           rules=rules, profile=profile)
        if ek is not None and key is not None:
            _ENGINES[ek] = eng
            while len(_ENGINES) > 8:
                _ENGINES.popitem(last=False)
    res = eng(text, patient_id=patient_id, spans=spans, doc_id=doc_id)
    if not _FROZEN:
        _freeze_loaded()
    return res


_FROZEN = False


def _freeze_loaded() -> None:
    """Once per process, after the first note (which loads the lexicons, rule packs and model, some lazily): what
    the process holds then is mostly built for good, and is moved out of the collector's sight (`gc.freeze`, as
    batch.py does in its workers): a full collection no longer walks the name lexicons (sets of 73 000, 60 000
    and 11 000 strings, a 7 000-entry gazetteer) and the model's tables. What is garbage then is collected first,
    so nothing the caller dropped is kept; objects alive then are left to reference counting, which frees all but
    cycles. A process that disabled the collector is left as it is."""
    global _FROZEN
    _FROZEN = True
    if gc.isenabled():
        gc.collect()
        gc.freeze()


# --- re-identification ---------------------------------------------------------------------------------------
def reidentify(text_or_result: str | DeidResult, key: str | bytes | Keyring, vault: Vault | str | None = None,
               patient_id: str | None = None) -> str:
    """Authorised re-identification: put originals back where the key (and vault) allow it.

    `[ENC:...]` tokens need only the key. Hash tokens and surrogates need the vault they were
    stored in. Given a `DeidResult`, dates are shifted back too (the patient's offset is known).
    Tags, masks and redactions cannot be reversed and stay as they are.
    """
    kr = key if isinstance(key, Keyring) else Keyring(key)
    if isinstance(vault, (str, bytes)) or hasattr(vault, "__fspath__"):
        vault = Vault(vault, kr)
    if isinstance(text_or_result, DeidResult):
        res = text_or_result
        pid = patient_id if patient_id is not None else res.patient_id
        return _reidentify_result(res, kr, vault, pid)
    text = decrypt(text_or_result, kr)
    if vault is None:
        return text

    def unhash(m):
        orig = vault.original_of_token(m.group(0))
        return orig if orig is not None else m.group(0)

    text = HASH_TOKEN.sub(unhash, text)
    scope = kr.hexdigest("scope", patient_id or "", length=32)
    pairs = vault.surrogates(scope)
    if pairs:
        import re

        from ..text.fold import fold_lower

        lookup = {}
        pats = []
        for lab, sur, orig in sorted(pairs, key=lambda p: len(p[1]), reverse=True):
            k = _rkey(lab, sur)
            lookup[(lab in ("ID", "PHONE", "TRANSPORT"), k)] = orig
            if lab in ("ID", "PHONE", "TRANSPORT"):  # any separators between the characters
                pats.append(r"[\s.\-]?".join(re.escape(c) for c in k.lower()))
            else:
                pats.append(re.escape(k))
        key_text = fold_lower(text)
        if len(key_text) == len(text):
            rx = re.compile(r"(?<!\w)(" + "|".join(pats) + r")(?!\w)")
            out, last = [], 0
            for m in rx.finditer(key_text):
                hit = m.group(1)
                orig = lookup.get((False, hit))
                if orig is None:
                    compact = re.sub(r"[^0-9a-z]", "", hit).upper()
                    orig = lookup.get((True, compact), lookup.get((True, compact.lower()), text[m.start():m.end()]))
                out.append(text[last:m.start()])
                out.append(orig)
                last = m.end()
            out.append(text[last:])
            text = "".join(out)
    return text


def _rkey(label: str, s: str) -> str:

    return value_key(label, s) if label in ("ID", "PHONE", "TRANSPORT") else fold_lower(s)


def _reidentify_result(res: DeidResult, kr: Keyring, vault: Vault | None, patient_id: str | None) -> str:
    from .dates import shift_dates

    text = res.text
    scope = kr.hexdigest("scope", patient_id or "", length=32)
    lookup = None
    parts, last = [], 0
    for r in res.replacements:
        s, e, label, op = r["start"], r["end"], r["label"], r["operator"]
        piece = text[s:e]
        orig = None
        if op == "encrypt":
            m = ENC_TOKEN.fullmatch(piece)
            orig = kr.decrypt(m.group(2), m.group(1)) if m else None
        elif op == "hash" and vault is not None:
            orig = vault.original_of_token(piece)
        elif op == "surrogate":
            if label == "DATE":
                gen = SurrogateGenerator(kr, patient_id)
                orig = shift_dates(piece, -gen.date_offset) if not piece.startswith("[") else None
            elif vault is not None:
                if lookup is None:
                    lookup = {(lab, _rkey(lab, sur)): o for lab, sur, o in vault.surrogates(scope)}
                orig = lookup.get((label, _rkey(label, piece)))
        parts.append(text[last:s])
        parts.append(orig if orig is not None else piece)
        last = e
    parts.append(text[last:])
    return "".join(parts)


__all__ = ["DeidResult", "Deidentifier", "decrypt", "deidentify", "get_analyzer", "reidentify", "value_key"]
