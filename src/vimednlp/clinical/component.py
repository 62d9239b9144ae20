"""spaCy components of the clinical room (registered in `vimednlp.factories`).

- `vimednlp_sections` (`SectionDetector`): finds note sections, stores them in `doc._.clinical_sections`
  (plain dicts, so DocBin / `Doc.to_bytes` / `nlp.pipe(n_process=2)` can serialize them) and sets
  `span._.section` on spans already in `doc.spans["clinical"]`.
- `vimednlp_clinical` (`ClinicalMatcher`): lexicon + patterns -> `doc.spans["clinical"]` (added to spans
  another component, e.g. a tagger, already put there; overlaps go to the longer span).
- `vimednlp_context` (`ContextComponent`): ConText assertions on the DISEASE / SYMPTOM spans of
  `doc.spans["clinical"]`: `span._.negated`, `uncertain`, `historical`, `family`, `hypothetical`.

They run the same code as `vimednlp.extract()`, so a pipeline and the function agree.

Rules can grow at run time, as in medspaCy, without editing package files: `add_terms` (matcher),
`add_rules` (context), `add_titles` (sections), or `from_yaml(path)` / the config option `rules_path` with a
user file holding any of the keys `terms`, `context`, `sections` (docs/clinical.md). Added rules are saved
by `nlp.to_disk` and come back with `spacy.load`.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..schema import ASSERTION_LABELS, ASSERTIONS, CLINICAL_LABELS, Span, register_extensions
from ..text.tokenizer import char_spans
from .context import ConText, copy_trie, default_rules
from .extractor import (ClinicalExtractor, _check_labels, apply_assertions, merge_tagger_spans, relatives_care,
                        report_finding_spans)
from .lexicon import Entry, TokenView, split_words
from .patterns import default_patterns
from .resources import PRIORITY
from .sections import Section, default_section_rules, section_at

CLINICAL_KEY = "clinical"
SECTIONS_ATTR = "clinical_sections"
RULE_KEYS = ("terms", "context", "sections")     # the top-level keys of a user rule file
_RULES_FILE = "rules.json"


def _register() -> None:
    register_extensions()
    if not Doc.has_extension(SECTIONS_ATTR):
        Doc.set_extension(SECTIONS_ATTR, default=None)


def _section_dict(s: Section) -> dict:
    return {"name": s.name, "start": s.start, "heading_end": s.heading_end, "end": s.end,
            "implies": s.implies}


def doc_sections(doc: Doc) -> list[Section]:
    """The doc's sections (found now, with the package's headings, if the sections component did not run)."""
    secs = doc._.get(SECTIONS_ATTR)
    if secs is None:
        found = default_section_rules().find(doc.text)
        doc._.set(SECTIONS_ATTR, [_section_dict(s) for s in found])
        return found
    return [Section(**s) for s in secs]


def read_rule_file(path, key: str) -> list:
    """The list under `key` (terms, context or sections) of a user's YAML rule file; [] when absent."""
    import yaml

    from ..paths import load_yaml

    path = Path(path)
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"rule file not found: {path}") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise ValueError(f"{path}{where}: not valid YAML") from None
    if data is None:
        return []
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a rule file is a mapping with keys {', '.join(RULE_KEYS)}")
    unknown = set(data) - set(RULE_KEYS)
    if unknown:
        raise ValueError(f"{path}: unknown key(s) {sorted(unknown)}; known: {', '.join(RULE_KEYS)}")
    items = data.get(key) or []
    if not isinstance(items, list):
        raise ValueError(f"{path}: '{key}' must be a list")
    return items


class _UserRules:
    """Rules added at run time: kept in order so `to_disk` can save them and `from_disk` replay them."""

    rule_key = ""   # terms / context / sections

    def _init_rules(self, rules_path) -> None:
        self.added: list = []
        self._pending: str | None = None
        if rules_path:
            if Path(rules_path).exists():
                self.from_yaml(rules_path)
            else:
                # `spacy.load` of a saved pipeline builds the component from its config before `from_disk`
                # restores the rules saved with it; the file may not exist on this machine
                self._pending = str(rules_path)

    def _check_ready(self) -> None:
        if self._pending is not None:
            raise FileNotFoundError(f"{self.name}: rule file not found: {self._pending}")

    def from_yaml(self, path):
        """Add the rules under this component's key (`terms`, `context` or `sections`) of a YAML file."""
        self._add(read_rule_file(path, self.rule_key), str(path))
        self._pending = None
        return self

    def _add(self, items: list, source: str) -> None:
        self._apply(items, source)
        self.added.extend(items)

    def _reset(self) -> None:
        raise NotImplementedError

    def _apply(self, items: list, source: str) -> None:
        raise NotImplementedError

    # pickling (spaCy's n_process under spawn / forkserver): the config and the added rules, rebuilt on
    # arrival
    # (the matcher's trie alone is about 1 MB pickled)
    def _config(self) -> dict:
        return {"name": self.name}

    def __getstate__(self) -> dict:
        return {"config": self._config(), "added": list(self.added)}

    def __setstate__(self, state: dict) -> None:
        self.__init__(None, **state["config"])
        self._add(state["added"], "pickle")

    def to_disk(self, path, exclude=()):
        import srsly

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / _RULES_FILE, {self.rule_key: self.added})

    def from_disk(self, path, exclude=()):
        import srsly

        f = Path(path) / _RULES_FILE
        if f.exists():
            self._reset()
            self.added = []
            self._add(srsly.read_json(f).get(self.rule_key) or [], str(f))
            self._pending = None
        return self

    def to_bytes(self, exclude=()):
        import srsly

        return srsly.msgpack_dumps({self.rule_key: self.added})

    def from_bytes(self, data, exclude=()):
        import srsly

        if data:
            self._reset()
            self.added = []
            self._add(srsly.msgpack_loads(data).get(self.rule_key) or [], "bytes")
            self._pending = None
        return self


class SectionDetector(_UserRules):
    rule_key = "sections"

    def __init__(self, nlp: Language | None = None, name: str = "vimednlp_sections",
                 rules_path: str | None = None):
        _register()
        self.name = name
        self.rules = default_section_rules()
        self._init_rules(rules_path)

    def add_titles(self, sections: Iterable[dict]):
        """Add section headings: dicts `{"name": ..., "headings": [...], "implies": None}` (the form of
        `sections.yaml`; medspaCy's `{"category": ..., "literal": ...}` works too). Returns self."""
        self._add([_section_item(x, n) for n, x in enumerate(sections)], "add_titles")
        return self

    def _reset(self) -> None:
        self.rules = default_section_rules()

    def _apply(self, items: list, source: str) -> None:
        items = [_section_item(x, n, source) for n, x in enumerate(items)]
        if self.rules is default_section_rules():
            self.rules = self.rules.copy()   # the package's rules are shared
        self.rules.add_titles(items, source)

    def __call__(self, doc: Doc) -> Doc:
        self._check_ready()
        secs = self.rules.find(doc.text)
        doc._.set(SECTIONS_ATTR, [_section_dict(s) for s in secs])
        if CLINICAL_KEY in doc.spans:
            for sp in doc.spans[CLINICAL_KEY]:
                sec = section_at(secs, sp.start_char)
                sp._.section = sec.name if sec else None
        return doc


def _section_item(x, n: int, source: str = "add_titles") -> dict:
    if not isinstance(x, dict):
        raise ValueError(f"{source}: section {n}: a mapping with name and headings, got {type(x).__name__}")
    x = dict(x)
    if "category" in x:
        x.setdefault("name", x.pop("category"))
    for alias in ("literal", "title", "heading"):
        if alias in x:
            x.setdefault("headings", x.pop(alias))
    unknown = set(x) - {"name", "headings", "implies"}
    if unknown:
        raise ValueError(f"{source}: section {n}: unknown key(s) {sorted(unknown)}; "
                         "known: name, headings, implies")
    heads = x.get("headings")
    if isinstance(heads, (list, tuple)):
        x["headings"] = [str(h).strip().rstrip(":").strip() for h in heads]
    elif heads is not None:
        x["headings"] = [str(heads).strip().rstrip(":").strip()]   # medspaCy titles often end with ':'
    return x


class ClinicalMatcher(_UserRules):
    """Lexicon and pattern matches -> `doc.spans["clinical"]`."""

    rule_key = "terms"

    def __init__(self, nlp: Language | None = None, name: str = "vimednlp_clinical",
                 labels: list[str] | None = None, rules_path: str | None = None):
        _register()
        self.name = name
        self.labels = _check_labels(labels)
        self.extractor = ClinicalExtractor(self.labels)
        self._own_trie = False
        self._init_rules(rules_path)

    def _config(self) -> dict:
        return {"name": self.name, "labels": sorted(self.labels)}

    def add_terms(self, terms: Iterable[dict]):
        """Add target terms: dicts `{"label": "DISEASE", "term": "bệnh tay chân miệng", "synonyms": ["TCM"],
        "concept": ...}` (medspaCy's `category` / `literal` work too; extra keys become `span._.attrs`).
        They match like the package's lists: folded syllables, longest match first; on the same words the
        user's term wins. Returns self."""
        self._add([_term_item(x, n, "add_terms", self.labels) for n, x in enumerate(terms)], "add_terms")
        return self

    def _reset(self) -> None:
        self.extractor = ClinicalExtractor(self.labels)
        self._own_trie = False

    def _apply(self, items: list, source: str) -> None:
        items = [_term_item(x, n, source, self.labels) for n, x in enumerate(items)]
        if not self._own_trie:
            self.extractor.trie = copy_trie(self.extractor.trie)   # the package's trie is shared
            self._own_trie = True
        for x in items:
            label = x["label"]
            attrs = {k: v for k, v in x.items() if k not in ("label", "term", "synonyms", "concept")}
            attrs["from"] = "user"
            for term in [x["term"], *x.get("synonyms", [])]:
                # above the package's priorities: on the same words the user's term decides the label
                self.extractor.trie.add(Entry(label, x.get("concept") or x["term"], tuple(split_words(term)),
                                              attrs, PRIORITY.get(label, 0) + 10))

    def __call__(self, doc: Doc) -> Doc:
        self._check_ready()
        text = doc.text
        found = self.extractor.find(text)
        existing = list(doc.spans[CLINICAL_KEY]) if CLINICAL_KEY in doc.spans else []
        if existing:
            # spans another component (a tagger) put there: merge, the longer wins on overlap
            prior = [Span(sp.start_char, sp.end_char, sp.label_, sp.text, sp._.source or "tagger",
                          1.0 if sp._.score is None else float(sp._.score)) for sp in existing]
            found = merge_tagger_spans(text, found, prior, frozenset(sp.label_ for sp in existing) | self.labels)
        doc.spans[CLINICAL_KEY] = _to_spacy(doc, found, doc_sections(doc))
        return doc


def _term_item(x, n: int, source: str, labels: frozenset[str]) -> dict:
    where = f"{source}: term {n}"
    if not isinstance(x, dict):
        raise ValueError(f"{where}: a mapping with label and term, got {type(x).__name__}")
    x = dict(x)
    if "category" in x:
        x.setdefault("label", x.pop("category"))
    if "literal" in x:
        x.setdefault("term", x.pop("literal"))
    label, term = x.get("label"), x.get("term")
    if label not in CLINICAL_LABELS:
        raise ValueError(f"{where}: label {label!r} is not a clinical label; "
                         f"known: {', '.join(CLINICAL_LABELS)}")
    if label not in labels:
        raise ValueError(f"{where}: label {label!r} is not among this component's labels {sorted(labels)}")
    syns = x.get("synonyms") or []
    if isinstance(syns, str):
        syns = [syns]
    x["synonyms"] = [str(s) for s in syns]
    for t in [term, *x["synonyms"]]:
        if not isinstance(t, str) or not split_words(t):
            raise ValueError(f"{where}: empty or non-text term")
    return x


def _to_spacy(doc: Doc, spans: list[Span], sections: list[Section]) -> list[SpacySpan]:
    out = []
    for s, sp in zip(spans, char_spans(doc, [(s.start, s.end, s.label) for s in spans])):
        if sp is None:
            continue
        attrs = {k: v for k, v in s.attrs.items() if k not in ASSERTIONS and k not in ("section", "codes")}
        sp._.source = s.source or None
        sp._.score = s.score
        sp._.attrs = attrs or None
        sec = section_at(sections, sp.start_char)
        sp._.section = sec.name if sec else None
        out.append(sp)
    return out


class ContextComponent(_UserRules):
    """ConText assertions on DISEASE / SYMPTOM spans of `doc.spans["clinical"]`."""

    rule_key = "context"

    def __init__(self, nlp: Language | None = None, name: str = "vimednlp_context",
                 rules_path: str | None = None):
        _register()
        self.name = name
        self.context = ConText(default_rules())
        self._init_rules(rules_path)

    def add_rules(self, rules: Iterable[dict]):
        """Add ConText cues: dicts `{"cue": "không ghi nhận", "category": "negated", "direction": "forward"}`
        (the form of `context.yaml`; medspaCy's `literal` and category names work too; direction `pseudo` or
        `terminate` adds a pseudo-cue or a terminator). Returns self."""
        self._add(list(rules), "add_rules")
        return self

    def _reset(self) -> None:
        self.context = ConText(default_rules())

    def _apply(self, items: list, source: str) -> None:
        if self.context.rules is default_rules():
            self.context = ConText(self.context.rules.copy())   # the package's rules are shared
        self.context.rules.add_rules(items, source)

    def __call__(self, doc: Doc) -> Doc:
        self._check_ready()
        if CLINICAL_KEY not in doc.spans:
            return doc
        spans = [sp for sp in doc.spans[CLINICAL_KEY] if sp.label_ in ASSERTION_LABELS]
        if not spans:
            return doc
        records = [Span(sp.start_char, sp.end_char, sp.label_) for sp in spans]
        view = TokenView.of(doc.text)
        apply_assertions(self.context, doc.text, records, view, doc_sections(doc))
        for sp, rec in zip(spans, records):
            for a in ASSERTIONS:
                sp._.set(a, bool(rec.attrs.get(a)))
        # a relative's procedure is no mention (as extract() does)
        everything = list(doc.spans[CLINICAL_KEY])
        by_pos = {(r.start, r.end, r.label): r for r in records}
        recs = [by_pos.get((sp.start_char, sp.end_char, sp.label_)) or Span(sp.start_char, sp.end_char, sp.label_)
                for sp in everything]
        drop = relatives_care(doc.text, recs)
        if drop:
            doc.spans[CLINICAL_KEY] = [sp for i, sp in enumerate(everything) if i not in drop]
        # an affirmed finding on a test report's description line is the test's RESULT (as extract() does)
        found = {(spans[i].start_char, spans[i].end_char)
                 for i in report_finding_spans(doc.text, view, default_patterns(), records)}
        if found:
            group = []
            for sp in doc.spans[CLINICAL_KEY]:
                if (sp.start_char, sp.end_char) in found and sp.label_ in ASSERTION_LABELS:
                    new = SpacySpan(doc, sp.start, sp.end, label="RESULT")
                    for ext in ("source", "score", "attrs", "section"):
                        new._.set(ext, sp._.get(ext))
                    for a in ASSERTIONS:
                        new._.set(a, False)
                    sp = new
                group.append(sp)
            doc.spans[CLINICAL_KEY] = group
        return doc
