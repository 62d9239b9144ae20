"""The rule engine: one recognizer class that runs any rule pack (YAML, checked by a JSON Schema).

A pack (src/vimednlp/resources/deid/rules/*.yaml, or a user's file) holds a legal or format `reference`, shared
regex `fragments` (written once, used as `{name}` inside patterns), `recognizers`, and optional `deny` / `allow`
lists. Each recognizer has a `label`, `patterns` (regex, score, the words a match needs, whether a match can only
start where a run of digits starts), a `validator` named in `deid.validators.VALIDATORS`, `context` cues (words or
a named cue list, window in tokens, score), `reject_before` / `reject_after` word lists and `examples` that run as
tests. See docs/deid.md, "Your own rules".

The engine does in one place what each hand-written recognizer did by hand: the `needs` pre-filter (no scan when a
word every match contains is absent), the digit-start fast path (`base.finditer_at` at digit-run starts),
validation, context scoring, and the explanation of each span (rule, pattern, validator, cue; never the PHI).
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from ...paths import load_yaml, resource_path
from ...text.fold import fold, fold_lower
from .. import validators as V
from .base import Candidate, Context, PhraseSet, Recognizer, digit_run_starts, finditer_at, phrase_set
from .regex_needs import CASE_EXOTIC, match_starts, prefilter, present, requirements

__all__ = ["HOOKS", "Pack", "RuleError", "RuleRecognizer", "builtin_pack", "load_pack", "pack_schema", "register_hook"]

_FLAGS = {"ignorecase": re.IGNORECASE, "multiline": re.MULTILINE, "dotall": re.DOTALL, "verbose": re.VERBOSE}
_FRAGMENT = re.compile(r"\{([A-Za-z_]\w*)\}")


class RuleError(ValueError):
    """A rule pack that cannot be used: the message names the file, the rule and the field (never PHI)."""


@lru_cache(maxsize=1)
def pack_schema() -> dict:
    return json.loads(resource_path("deid", "rules", "pack.schema.json").read_text(encoding="utf-8"))


def with_unmarked(words: Iterable[str]) -> list[str]:
    """Each word followed by its form without marks when that differs (`mã bệnh án`, `ma benh an`)."""
    out: list[str] = []
    for w in words:
        for x in (w, fold(w)):
            if x not in out:
                out.append(x)
    return out


def _describe(err) -> str:
    """A schema error in words, from the schema side only: the value itself may be PHI (a deny-listed name)."""
    v, want = err.validator, err.validator_value
    if v == "required":
        missing = [k for k in want if not isinstance(err.instance, dict) or k not in err.instance]
        return f"missing field {', '.join(missing)}"
    if v == "additionalProperties":
        known = set(err.schema.get("properties", {}))
        extra = sorted(str(k) for k in err.instance if k not in known) if isinstance(err.instance, dict) else []
        return f"unknown field(s) {', '.join(extra)}; known: {', '.join(sorted(known))}"
    if v == "type":
        return f"must be of type {want if isinstance(want, str) else ' or '.join(want)}"
    if v == "enum":
        return f"must be one of {', '.join(map(str, want))}"
    if v in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems", "minLength"):
        return f"fails {v} {want}"
    if v == "pattern":
        return f"must match the pattern {want}"
    if v in ("oneOf", "anyOf"):
        return "has none of the allowed forms (see pack.schema.json)"
    return f"fails the schema check {v!r}"


def _where(path: list, data: dict) -> tuple[str, str]:
    """(rule description, field path) for an error at `path` inside the pack."""
    rule = "pack"
    if len(path) >= 2 and path[0] == "recognizers" and isinstance(path[1], int):
        recs = data.get("recognizers") or []
        name = recs[path[1]].get("name") if path[1] < len(recs) and isinstance(recs[path[1]], dict) else None
        rule = f"rule {name!r} (recognizers[{path[1]}])" if isinstance(name, str) else f"rule recognizers[{path[1]}]"
        path = path[2:]
    elif path and path[0] in ("deny", "allow"):
        rule = f"{path[0]} list"
        path = path[1:]
    fld = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".") or "(the whole entry)"
    return rule, fld


def check_pack(data: Any, source: str) -> None:
    """Raise RuleError naming the file, the rule and the field when `data` fails pack.schema.json."""
    import jsonschema

    if not isinstance(data, dict):
        raise RuleError(f"{source}: a rule pack is a mapping with 'recognizers', 'deny' or 'allow', "
                        f"got {type(data).__name__}")
    validator = jsonschema.Draft202012Validator(pack_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: (list(e.absolute_path), e.validator))
    if errors:
        err = max(errors[:1] + [e for e in errors if len(e.absolute_path) > len(errors[0].absolute_path)][:1],
                  key=lambda e: len(e.absolute_path))
        rule, fld = _where(list(err.absolute_path), data)
        more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
        raise RuleError(f"{source}: {rule}: field {fld}: {_describe(err)}{more}")


def _expand(regex: str, fragments: dict[str, str], source: str, rule: str, fld: str, depth: int = 0) -> str:
    def sub(m: re.Match) -> str:
        name = m.group(1)
        if name not in fragments:
            return m.group(0)  # not a fragment: a regex quantifier cannot start with a letter, so keep it
        if depth > 8:
            raise RuleError(f"{source}: {rule}: field {fld}: fragments refer to each other in a loop")
        return _expand(fragments[name], fragments, source, rule, fld, depth + 1)

    return _FRAGMENT.sub(sub, regex)


@dataclass
class _Pattern:
    name: str
    rx: re.Pattern
    score: float
    on_folded: bool
    needs: tuple[str, ...]
    digit_start: bool
    group: int
    trim_end: str
    explanation: str | None
    validator: Callable | None
    validator_name: str | None
    use_context: bool


@dataclass
class _Context:
    cues: PhraseSet
    window: int
    score: float | None
    required: bool
    explanation: str


@dataclass
class _Fallback:
    validator: Callable | None
    validator_name: str | None
    score: float
    explanation: str | None
    requires_context: bool


def _word_rx(words: Iterable[str], end: bool) -> re.Pattern | None:
    """One regex for a reject list, matched on folded lower-case text at the end (before) / start (after) of a
    window: a word is whole (not inside a longer word) and spaces may separate it from the match."""
    alts = []
    for w in sorted({fold_lower(w) for w in words if w}, key=len, reverse=True):
        body = re.escape(w).replace(r"\ ", r"\s+")
        lead = r"(?<!\w)" if w[0].isalnum() else ""
        trail = r"(?!\w)" if w[-1].isalnum() else ""
        alts.append(lead + body + trail)
    if not alts:
        return None
    if end:
        return re.compile(r"(?:" + "|".join(alts) + r")[ \t]*\Z")
    return re.compile(r"[ \t]*(?:" + "|".join(alts) + r")")


class RuleRecognizer(Recognizer):
    """Runs one recognizer of a rule pack. `name` is the rule's name and the candidates' source."""

    def __init__(self, spec: dict, fragments: dict[str, str] | None = None, source: str = "<pack>",
                 index: int = 0, reference: str | None = None):
        self.spec = spec
        self.name = spec["name"]
        self.label = spec["label"]
        self.labels = (self.label,)
        self.source_file = source
        self.reference = spec.get("reference", reference)
        rule = f"rule {self.name!r} (recognizers[{index}])"
        frags = dict(fragments or {})
        frags.update(spec.get("fragments") or {})
        default_fold = bool(spec.get("fold", False))
        self.validator_name = spec.get("validator")
        self.validator = _validator(self.validator_name, source, rule, "validator")
        self.patterns: list[_Pattern] = []
        for k, p in enumerate(spec["patterns"]):
            fld = f"patterns[{k}].regex"
            flags = 0
            for f in p.get("flags", ()):
                flags |= _FLAGS[f]
            try:
                regex = p["regex"] if isinstance(p["regex"], str) else "|".join(p["regex"])
                rx = re.compile(_expand(regex, frags, source, rule, fld), flags)
            except re.error as e:
                raise RuleError(f"{source}: {rule}: field {fld}: not a valid regular expression ({e.msg} at "
                                f"position {e.pos})") from None
            group = int(p.get("group", 0))
            if group > rx.groups:
                raise RuleError(f"{source}: {rule}: field patterns[{k}].group: the regex has {rx.groups} group(s)")
            self.patterns.append(_Pattern(p.get("name", f"pattern {k + 1}"), rx,
                                          float(p.get("score", spec.get("score", 0.85))),
                                          bool(p.get("fold", default_fold)),
                                          tuple(fold_lower(w) for w in p.get("needs", ())),
                                          bool(p.get("digit_start", False)), group, p.get("trim_end", ""),
                                          p.get("explanation"),
                                          _validator(p["validator"], source, rule, f"patterns[{k}].validator")
                                          if "validator" in p else self.validator,
                                          p.get("validator", self.validator_name), bool(p.get("context", True))))
        fb = spec.get("fallback")
        self.fallback = None if fb is None else _Fallback(
            _validator(fb.get("validator"), source, rule, "fallback.validator"), fb.get("validator"),
            float(fb["score"]), fb.get("explanation"), bool(fb.get("requires_context", True)))
        self.context = _context(spec.get("context"), source, rule)
        self.reject_before = _word_rx(spec.get("reject_before", ()), end=True)
        self.reject_after = _word_rx(spec.get("reject_after", ()), end=False)
        self.reject_chars_before = frozenset(spec.get("reject_chars_before", ""))
        self.examples = spec.get("examples") or {}
        self.strong = bool(spec.get("strong", False))
        self.data = spec.get("data") or {}
        self._by_name = {p.name: p for p in self.patterns}

    def pattern(self, name: str) -> _Pattern:
        """A pattern of this rule by its name (hooks read their regexes this way)."""
        try:
            return self._by_name[name]
        except KeyError:
            raise KeyError(f"{self.source_file}: rule {self.name!r} has no pattern named {name!r}") from None

    def rx(self, name: str) -> re.Pattern:
        return self.pattern(name).rx

    def __repr__(self) -> str:
        return f"RuleRecognizer({self.name!r}, label={self.label!r}, patterns={len(self.patterns)})"

    def _cue(self, ctx: Context, start: int) -> str | None:
        c = self.context
        i = ctx.token_index_at(start)
        if i is None:
            return None
        for j in range(i, max(i - c.window, -1), -1):
            got = ctx.cue_before(j, c.cues)
            if got:
                return got
        return None

    def analyze(self, ctx: Context) -> list[Candidate]:
        out: list[Candidate] = []
        f = ctx.folded
        exotic = ctx._cache.get("case_exotic")
        if exotic is None:
            exotic = ctx._cache["case_exotic"] = any(c in ctx.text for c in CASE_EXOTIC)
        for p in self.patterns:
            if p.needs and not any(w in f for w in p.needs):
                continue  # a word every match contains is absent: no scan
            text = f if p.on_folded else ctx.text
            reqs = requirements(p.rx)
            if reqs and (not exotic or not any(nc for r in reqs for _s, nc in r)):
                if p.on_folded:
                    low = f  # (fold_lower: already lower case)
                else:
                    low = ctx._cache.get("lower")
                    if low is None:
                        low = ctx._cache["lower"] = ctx.text.lower()
                if not present(reqs, text, low):
                    continue  # a string every match contains (read from the regex itself) is absent: no scan
            pre = prefilter(p.rx)
            if pre is not None and pre.search(text) is None:
                continue  # a run of characters every match holds in a row is absent: no scan
            # (tried only where a match can start: a digit run, or a rare first character read from the regex)
            starts = digit_run_starts(ctx) if p.digit_start else \
                match_starts(p.rx, text, ctx._cache, "folded" if p.on_folded else "text")
            matches = p.rx.finditer(text) if starts is None else finditer_at(p.rx, text, starts)
            for m in matches:
                s, e = m.span(p.group)
                if p.trim_end:
                    e = s + len(text[s:e].rstrip(p.trim_end))
                if e <= s:
                    continue
                c = self._candidate(ctx, p, s, e)
                if c is not None:
                    out.append(c)
        return out

    def _candidate(self, ctx: Context, p: _Pattern, s: int, e: int) -> Candidate | None:
        f = ctx.folded
        if self.reject_chars_before and s > 0 and f[s - 1] in self.reject_chars_before:
            return None
        if self.reject_before is not None and self.reject_before.search(f, max(0, s - 40), s):
            return None
        if self.reject_after is not None and self.reject_after.match(f, e):
            return None
        value = ctx.text[s:e]
        checked = p.validator(value) if p.validator is not None else True
        cue = self._cue(ctx, s) if self.context is not None and p.use_context else None
        score, why = p.score, p.explanation
        if not checked:
            fb = self.fallback
            if fb is None or (fb.requires_context and not cue) or (fb.validator is not None and not fb.validator(value)):
                return None
            score, why = fb.score, fb.explanation or f"rule {self.name}: {p.name}, context cue"
            return Candidate(s, e, self.label, score, self.name, why)
        if self.context is not None and p.use_context:
            if cue:
                # (no score given: a cue raises the pattern's score by 0.1)
                score = self.context.score if self.context.score is not None else min(1.0, score + 0.1)
            elif self.context.required:
                return None
        if why is None:
            why = f"rule {self.name}: {p.name}"
            if p.validator_name:
                why += f", validator {p.validator_name}"
            if cue:
                why += f", context cue '{cue}'"
        else:
            why = why.format(validator=checked if isinstance(checked, str) else p.validator_name or "")
            if cue and self.context.explanation:
                why += self.context.explanation
        return Candidate(s, e, self.label, score, self.name, why)


def _validator(name: str | None, source: str, rule: str, fld: str) -> Callable | None:
    if name is None:
        return None
    fn = V.VALIDATORS.get(name)
    if fn is None:
        raise RuleError(f"{source}: {rule}: field {fld}: unknown validator {name!r}; known: {', '.join(sorted(V.VALIDATORS))}")
    return fn


def _context(spec: Any, source: str, rule: str) -> _Context | None:
    if not spec:
        return None
    if isinstance(spec, list):  # the short form: context: [mã bệnh án, số hồ sơ]
        spec = {"words": spec}
    words = list(spec.get("words", ()))
    if spec.get("cues"):
        from .lexicons import cues

        known = cues()
        name = spec["cues"]
        if name not in known or not isinstance(known[name], frozenset):
            raise RuleError(f"{source}: {rule}: field context.cues: unknown cue list {name!r}")
        cue_set = known[name]
        if words:
            cue_set = PhraseSet(cue_set | phrase_set(with_unmarked(words)))
    else:
        cue_set = phrase_set(with_unmarked(words))
    # (Presidio's default: a cue anywhere in the five words before the match raises the score)
    return _Context(cue_set, int(spec.get("window", 5)), spec.get("score"),
                    bool(spec.get("required", False)), spec.get("explanation", ""))


# --- hooks: the procedural parts that cannot be data, registered by name -------------------------------------------
HOOKS: dict[str, type[RuleRecognizer]] = {}


def register_hook(name: str):
    """Class decorator: a RuleRecognizer subclass that a pack names with `hook: <name>` (its patterns and `data`
    come from the pack, its `analyze` is code)."""
    def deco(cls: type[RuleRecognizer]) -> type[RuleRecognizer]:
        HOOKS[name] = cls
        return cls
    return deco


def _hook_class(name: str | None, source: str, rule: str) -> type[RuleRecognizer]:
    if name is None:
        return RuleRecognizer
    if name not in HOOKS:
        raise RuleError(f"{source}: {rule}: field hook: unknown hook {name!r}; known: {', '.join(sorted(HOOKS))}")
    return HOOKS[name]


# --- packs ------------------------------------------------------------------------------------------------------
@dataclass
class Pack:
    """A loaded rule pack: its recognizers (in file order) and its deny / allow lists."""

    source: str
    reference: str | None = None
    recognizers: list[RuleRecognizer] = field(default_factory=list)
    deny: list[tuple[str, str]] = field(default_factory=list)   # (phrase, label)
    allow: list[str] = field(default_factory=list)


def _read(path: Path) -> Any:
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileNotFoundError(f"rule pack not found: {path}") from None
    try:
        return load_yaml(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        raise RuleError(f"{path}:{where} not valid YAML ({getattr(e, 'problem', None) or 'syntax error'})") from None


def load_pack(path_or_data: str | Path | dict, source: str | None = None, *, check: bool = True) -> Pack:
    """Load and check one pack (a YAML path or the parsed mapping). `check=False` skips the JSON Schema (the
    shipped packs: tests/deid/test_rule_packs.py checks them; the schema and its validator cost ~0.1 s a start)."""
    if isinstance(path_or_data, dict):
        data, src = path_or_data, source or "<rules>"
    else:
        p = Path(path_or_data)
        data, src = _read(p), source or str(p)
    if check:
        check_pack(data, src)
    frags = data.get("fragments") or {}
    pack = Pack(src, data.get("reference"))
    names = set()
    for i, spec in enumerate(data.get("recognizers") or ()):
        if spec["name"] in names:
            raise RuleError(f"{src}: rule {spec['name']!r} (recognizers[{i}]): field name: defined twice in this pack")
        names.add(spec["name"])
        cls = _hook_class(spec.get("hook"), src, f"rule {spec['name']!r} (recognizers[{i}])")
        pack.recognizers.append(cls(spec, frags, src, i, data.get("reference")))
    for item in data.get("deny") or ():
        pack.deny.append((item, "NAME") if isinstance(item, str) else (item["text"], item.get("label", "NAME")))
    pack.allow.extend(data.get("allow") or ())
    return pack


BUILTIN_PACKS = ("email", "url", "ip", "phone", "id", "date", "age", "international")


@cache
def builtin_pack(name: str) -> Pack:
    """A pack shipped in resources/deid/rules/<name>.yaml."""
    return load_pack(resource_path("deid", "rules", f"{name}.yaml"), source=f"rules/{name}.yaml", check=False)


def builtin_pack_paths() -> list[Path]:
    return sorted(p for p in resource_path("deid", "rules").glob("*.yaml"))
