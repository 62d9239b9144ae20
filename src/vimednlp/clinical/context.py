"""ConText-style assertions for Vietnamese: negated, uncertain, historical, family, hypothetical.

After Chapman et al.'s ConText (and medspaCy's implementation): cue phrases with a category and a
direction open a scope; a target (DISEASE / SYMPTOM span) inside the scope takes the category. The
rules are data (`resources/clinical/context.yaml`); this module only applies them:

- cues, pseudo-cues and terminators are matched leftmost-longest on accent-folded syllables, so every
  rule works on text without diacritics;
- a scope ends at a sentence end, a line break, a terminator of its category, or — for categories
  with `comma_list` — at a comma, unless the words since the cue are a bare list of targets
  (`Không sốt, ho, khó thở` negates three; `Không sốt, ho nhiều có đờm` one);
- a cue inside a target applies to that target only (`gan lách không to`, `tiền sử dị ứng`);
- section headings may imply a category (family history -> family), see `sections.py`;
- a denied history is not a past event: negated targets drop `historical`.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any


from ..paths import load_yaml, resource_path
from ..schema import ASSERTIONS
from .lexicon import Entry, TokenTrie, TokenView, fits, has_marks, split_words, token_key

# `·`, `•`, `|`: items of a problem list or cells of a table row (`viêm gan C (2022, khỏi) · gãy xương đùi T (2017)`)
def _name_word(w: str) -> bool:
    """A capitalised word (`Bong`, `Hoa`): a person's name in a sender's label."""
    return len(w) > 1 and w[0].isupper() and w[1:].islower() and w.isalpha()


HARD_STOPS = {".", "!", "?", ";", "...", "…", "/", "·", "•", "|"}
CONJUNCTIONS = {"va", "hoac", "hay", "cung nhu", "kem", "voi", "&", "-", "+", "hoac la"}
# number words that stand for <NUM> in cues; folded `ba`, `nam`, `sau`, `may` are too often other words
_NUMBER_WORDS = {"mot", "hai", "vai"}
_YEAR = re.compile(r"^(19[5-9]\d|20[0-3]\d)$")
_NUM = re.compile(r"^\d+(?:[.,]\d+)?$")


@dataclass
class Rule:
    category: str
    direction: str = "forward"
    window: int = 7
    labels: tuple[str, ...] | None = None
    needs_verb: tuple[tuple[str, ...], ...] = ()
    verb_window: int = 5          # tokens after the cue where one of `needs_verb` must start
    needs_following: tuple[tuple[str, ...], ...] = ()
    at_clause_start: bool = False
    at_clause_end: bool = False
    comma_stops: bool = False
    not_in_clause_with: tuple[tuple[str, ...], ...] = ()   # words before the cue in its clause that void it
    marked: bool = False   # the cue counts only written with its marks (typed without, `ngua` is ngứa, not ngừa)


@dataclass
class Cue:
    start: int
    end: int
    rule: Rule
    text_key: str


@dataclass
class Target:
    start: int          # token index
    end: int            # token index, exclusive
    label: str
    assertions: set[str] = field(default_factory=set)
    inner: set[str] = field(default_factory=set)     # classes from cues inside the target itself
    past_of_relative: bool = False   # a history cue reached it, dropped for a relative's problem (reconcile)
    nearest: dict = field(default_factory=dict)   # category -> start token of the nearest forward cue that reached it


@dataclass
class ContextRules:
    categories: dict[str, dict[str, Any]]
    cue_trie: TokenTrie
    term_trie: TokenTrie
    not_terminator_first: set[str] = field(default_factory=set)   # first keys of the not_terminators phrases

    @classmethod
    def load(cls, path=None) -> ContextRules:
        path = Path(path or resource_path("clinical", "context.yaml"))
        data = load_yaml(path.read_text(encoding="utf-8"))
        cats = data["categories"]
        unknown = set(cats) - set(ASSERTIONS)
        if unknown:
            raise ValueError(f"context rules: unknown categories {sorted(unknown)}")
        rules = cls(cats, TokenTrie(), TokenTrie())
        possessed = data.get("possessed_kin") or {}
        for n, r in enumerate(data["rules"]):
            if r.get("possessed"):
                # a kinship word that also addresses people (`bác`, `chú`, `anh`) names a relative only when a
                # possessive follows it, maybe after a birth-order word: `bác em`, `bác cả em`, `anh hai e`
                r = dict(r)
                del r["possessed"]
                r["cue"] = [f"{c} {o} {p}".replace("  ", " ") for c in r["cue"]
                            for o in ["", *possessed.get("order", ())] for p in possessed.get("possessive", ())]
            rules._add_rule(r, n, "context rule")
        for group in data.get("pseudo") or []:
            for c in group:
                rules.cue_trie.add(_entry(str(c), "PSEUDO", {}, priority=2))
        for cat, conf in cats.items():
            for t in conf.get("terminators") or []:
                rules.term_trie.add(_entry(str(t), cat, {}))
            # a time word that ends a relative's scope only until `cũng` (also) ties the problem back to the relative
            for t in conf.get("soft_terminators") or []:
                rules.term_trie.add(_entry(str(t), SOFT + cat, {}))
        # phrases whose words are no terminator of any category (`hồi bé` is a time, not the child patient)
        for t in data.get("not_terminators") or []:
            rules.term_trie.add(_entry(str(t), NOT_TERMINATOR, {}))
            rules.not_terminator_first.add(_keys(str(t))[0])
        return rules

    def _add_rule(self, r: dict, n: int, what: str) -> None:
        cat = r.get("category")
        if cat not in self.categories:
            raise ValueError(f"{what} {n}: unknown category {cat!r}")
        cues = r["cue"] if isinstance(r["cue"], list) else [r["cue"]]
        default_window = self.categories[cat].get("window", 7)
        rule = Rule(
            category=cat, direction=r.get("direction", "forward"),
            window=int(r.get("window", default_window)),
            labels=tuple(r["labels"]) if r.get("labels") else None,
            needs_verb=tuple(_keys(v) for v in r.get("needs_verb") or ()),
            verb_window=int(r.get("verb_window", 5)),
            needs_following=tuple(_keys(v) for v in r.get("needs_following") or ()),
            at_clause_start=bool(r.get("at_clause_start")), at_clause_end=bool(r.get("at_clause_end")),
            comma_stops=bool(r.get("comma_stops")),
            not_in_clause_with=tuple(_keys(v) for v in r.get("not_in_clause_with") or ()),
            marked=bool(r.get("marked")),
        )
        if rule.direction not in ("forward", "backward", "bidirectional"):
            raise ValueError(f"{what} {n}: bad direction {rule.direction!r}")
        for c in cues:
            self.cue_trie.add(_entry(str(c), cat, {"rule": rule}, priority=1 if rule.needs_verb else 0))

    def add_rules(self, rules: Iterable[dict], source: str = "context rules") -> None:
        """Add cues at run time (on a `copy()`: `default_rules()` is shared). Each rule is a dict in the form
        of `context.yaml` (`cue` or medspaCy's `literal`: a phrase or a list; `category`; `direction`;
        `window`; `labels` ...). `direction` may also be `pseudo` (a look-alike that is no cue) or `terminate`
        (ends the scope of `category`, or of every category when none is given). medspaCy's category names
        (NEGATED_EXISTENCE, POSSIBLE_EXISTENCE, HISTORICAL, FAMILY, HYPOTHETICAL) are accepted."""
        for n, r in enumerate(rules):
            where = f"{source}: rule {n}"
            if not isinstance(r, dict):
                raise ValueError(f"{where}: a rule is a mapping (cue, category, direction ...), "
                                 f"got {type(r).__name__}")
            r = dict(r)
            if "literal" in r:
                r.setdefault("cue", r.pop("literal"))
            unknown = set(r) - _RULE_KEYS
            if unknown:
                raise ValueError(f"{where}: unknown key(s) {sorted(unknown)}; "
                                 f"known: {', '.join(sorted(_RULE_KEYS))}")
            if not r.get("cue"):
                raise ValueError(f"{where}: no cue")
            direction = str(r.get("direction", "forward")).lower()
            r["direction"] = direction
            cat = r.get("category")
            if cat is not None:
                r["category"] = CATEGORY_ALIASES.get(str(cat).upper(), cat)
            cues = r["cue"] if isinstance(r["cue"], list) else [r["cue"]]
            if direction == "pseudo":
                for c in cues:
                    self.cue_trie.add(_entry(str(c), "PSEUDO", {}, priority=2))
            elif direction in ("terminate", "terminator"):
                cats = [r["category"]] if cat is not None else list(self.categories)
                for k in cats:
                    if k not in self.categories:
                        raise ValueError(f"{where}: unknown category {k!r}; "
                                         f"known: {', '.join(self.categories)}")
                    for c in cues:
                        self.term_trie.add(_entry(str(c), k, {}))
            else:
                self._add_rule(r, n, f"{source}: rule")

    def frame(self, category: str) -> dict:
        """A category's framing words as key tuples (`address_before`, `address_after`, `possessors`,
        `sub_labels`), its `label_window` (None: a label is no different) and `label_labels` (the mention labels a
        label reaches: a pedigree line lists diseases, `Mẹ bé: sốt 39 độ` is a chat speaker); {} when it has none."""
        cache = self.__dict__.setdefault("_frames", {})
        if category not in cache:
            conf = self.categories.get(category) or {}
            names = ("address_before", "address_after", "possessors", "sub_labels", "informant_after", "age_units")
            if not any(conf.get(x) for x in names) and conf.get("label_window") is None:
                cache[category] = {}
            else:
                cache[category] = {x: tuple(_keys(str(p)) for p in conf.get(x) or ()) for x in names}
                lw = conf.get("label_window")
                cache[category]["label_window"] = None if lw is None else int(lw)
                cache[category]["label_labels"] = tuple(conf.get("label_labels") or ()) or None
        return cache[category]

    def terminator_keys(self, category: str) -> tuple[tuple[str, ...], ...]:
        """The category's terminators (package and run-time ones) as key tuples."""
        cache = self.__dict__.setdefault("_term_keys", {})
        if (category, self.term_trie.size) in cache:
            return cache[(category, self.term_trie.size)]
        out = []

        def walk(node: dict, path: tuple[str, ...]) -> None:
            for k, v in node.items():
                if k == "":
                    if any(e.label == category for e in v):
                        out.append(path)
                else:
                    walk(v, path + (k,))
        walk(self.term_trie.root, ())
        cache[(category, self.term_trie.size)] = tuple(out)
        return cache[(category, self.term_trie.size)]

    def copy(self) -> ContextRules:
        """A copy whose tries can grow without touching this one (entries are shared, never changed)."""
        return ContextRules({k: dict(v) for k, v in self.categories.items()},
                            copy_trie(self.cue_trie), copy_trie(self.term_trie), set(self.not_terminator_first))


SOFT = "soft:"                     # term_trie label prefix of a category's soft terminators
NOT_TERMINATOR = "NOT_TERMINATOR"   # term_trie label of a phrase whose words end no scope


# medspaCy's modifier categories -> ours (docs/clinical.md has the table)
CATEGORY_ALIASES = {"NEGATED_EXISTENCE": "negated", "NEGATED": "negated", "POSSIBLE_EXISTENCE": "uncertain",
                    "UNCERTAIN": "uncertain", "HISTORICAL": "historical", "FAMILY": "family",
                    "HYPOTHETICAL": "hypothetical"}
_RULE_KEYS = {"cue", "category", "direction", "window", "labels", "needs_verb", "verb_window", "needs_following",
              "at_clause_start", "at_clause_end", "comma_stops", "not_in_clause_with"}


def copy_trie(trie: TokenTrie) -> TokenTrie:
    def walk(node: dict) -> dict:
        return {k: (list(v) if k == "" else walk(v)) for k, v in node.items()}

    new = TokenTrie()
    new.root = walk(trie.root)
    new.size = trie.size
    return new


def _keys(phrase: str) -> tuple[str, ...]:
    return tuple(token_key(w) for w in split_words(phrase))


def _entry(phrase: str, category: str, attrs: dict, priority: int = 0) -> Entry:
    words = []
    for w in split_words(phrase.replace("<NUM>", " NUMWILDCARD ").replace("<YEAR>", " YEARWILDCARD ")):
        words.append({"NUMWILDCARD": "<num>", "YEARWILDCARD": "<year>"}.get(w, w))
    # single-letter cues (`k` = không) match only as written: `K` is potassium
    exact = True if len(words) == 1 and len(words[0]) == 1 and words[0].isalpha() else None
    return Entry(category, phrase, tuple(words), attrs, priority, exact=exact)


@lru_cache(maxsize=1)
def default_rules() -> ContextRules:
    return ContextRules.load()


@lru_cache(maxsize=100_000)
def _context_key(key: str) -> str:
    if _YEAR.match(key):
        return "<year>"
    if _NUM.match(key) or key in _NUMBER_WORDS:
        return "<num>"
    return key


def context_keys(view: TokenView) -> list[str]:
    """Folded keys with numbers as `<num>` and years as `<year>` (the cue wildcards)."""
    return [_context_key(k) for k in view.keys]


class ConText:
    """Apply the context rules to target token spans of one text."""

    def __init__(self, rules: ContextRules | None = None):
        self.rules = rules or default_rules()

    # --- cue and terminator matching ---------------------------------------------------------------
    def _match_cues(self, view: TokenView, keys: list[str], in_target: list[int],
                    idle: list[bool] | None = None) -> list[Cue]:
        words = view.words
        n = len(keys)
        cues: list[Cue] = []
        trie = self.rules.cue_trie

        def accept(e: Entry, i: int, j: int) -> bool:
            if e.label == "PSEUDO":
                return True
            rule: Rule = e.attrs["rule"]
            # a cue lies wholly outside targets or wholly inside one, never across a boundary
            if len(set(in_target[i:j])) != 1:
                return False
            if rule.needs_verb and not _followed_by(keys, j, rule.needs_verb, rule.verb_window, in_target,
                                                   view.line_break_before):
                return False
            if rule.needs_following and not _followed_by(keys, j, rule.needs_following, 1):
                return False
            if rule.marked and any(has_marks(w) and not has_marks(words[i + k]) for k, w in enumerate(e.words)):
                return False
            if i > 0 and words[i][:1].isalpha():
                s0 = view.tokens.spans[i][0]
                if s0 > 0 and (view.text[s0 - 1] == "/" or view.text[s0 - 1].isdigit()):
                    return False   # a word glued to a number or a slash is a unit (`4 mg/kg`: no `kg` = không)
            if not view.acc[i] and _english_lookalike(e, words, i, j):
                return False
            if rule.at_clause_start and i > 0 and not (
                    view.line_break_before[i] or keys[i - 1] in HARD_STOPS or keys[i - 1] in (":", ",", "-", "(")):
                return False
            if rule.not_in_clause_with:
                k = i - 1
                while k >= 0 and keys[k] not in HARD_STOPS and keys[k] != "," and not view.line_break_before[k + 1]:
                    if any(tuple(keys[k:k + len(w)]) == w for w in rule.not_in_clause_with):
                        return False   # `có phải bị viêm xoang không`: the frame of a question
                    k -= 1
            # a clause end; a question mark is none (`có sốt không?` asks), a bracket opening a gloss is one
            # (`viêm gan B không (HBsAg âm tính)`)
            return not (rule.at_clause_end and j < n and not (
                (keys[j] in HARD_STOPS and keys[j] != "?") or keys[j] in (",", "(") or view.line_break_before[j]))

        i = 0
        while i < n:
            if (keys[i] in trie.root or keys[i] in ("<num>", "<year>")) and not (idle and idle[i]):
                m = _longest_wild(trie, words, keys, i, view.acc, accept)
                if m is not None:
                    end, entries = m
                    stop = end
                    for e in entries:
                        if e.label != "PSEUDO":
                            framed = self._frame(view, keys, i, end, e.attrs["rule"])
                            if framed is not None:
                                cues.append(Cue(i, framed[0], framed[1], e.concept))
                                stop = max(stop, framed[0])
                    i = stop
                    continue
            i += 1
        return cues

    def _match_terminators(self, view: TokenView, keys: list[str], blocked: list[bool]) -> list[set[str]]:
        out: list[set[str]] = [set() for _ in keys]
        trie = self.rules.term_trie
        i, n = 0, len(keys)
        first = self.rules.not_terminator_first
        if first and not first.isdisjoint(keys):
            blocked = self._not_terminators(keys, blocked)
        while i < n:
            if not blocked[i] and keys[i] in trie.root:
                node = trie.root
                j = i
                while j < n and not blocked[j]:
                    node = node.get(keys[j])
                    if node is None:
                        break
                    j += 1
                    for e in node.get("", ()):
                        # as for cues, a word written with marks must have the terminator's marks: `cơn` is no `còn`
                        if e.label not in out[i] and _fits_wild(e, view.words, i, view.acc):
                            out[i].add(e.label)
            i += 1
        return out

    def _not_terminators(self, keys: list[str], blocked: list[bool]) -> list[bool]:
        """`hồi bé`, `nhà trẻ` (context.yaml not_terminators): their words end no scope (a copy of `blocked`)."""
        blocked = blocked[:]
        trie, first = self.rules.term_trie, self.rules.not_terminator_first
        i, n = 0, len(keys)
        while i < n:
            if keys[i] not in first or blocked[i]:
                i += 1
                continue
            node, j, end = trie.root, i, i
            while j < n and not blocked[j] and (node := node.get(keys[j])) is not None:
                j += 1
                if any(e.label == NOT_TERMINATOR for e in node.get("", ())):
                    end = j
            for k in range(i, end):
                blocked[k] = True
            i = max(end, i + 1)
        return blocked

    def _frame(self, view: TokenView, keys: list[str], i: int, end: int, rule: Rule) -> tuple[int, Rule] | None:
        """How the words around a cue change it (category settings in `context.yaml`): a word that addresses
        someone (`mẹ ơi`, `thưa bố`) makes it no cue; a possessor (`mẹ em`) joins it; a cue written as a
        label (`Bố: THA`, `Ông ngoại (mất): K dạ dày`) reaches only `label_window` words past the colon, so a
        chat speaker (`Mẹ: con bị ho`) is no relative's problem. Returns (end, rule) or None."""
        frame = self.rules.frame(rule.category)
        if not frame:
            return end, rule
        n = len(keys)
        if i > 0 and not view.line_break_before[i] and _starts_with(keys, i - 1, frame["address_before"], back=True):
            return None
        poss = _starts_with(keys, end, frame["possessors"])
        if poss and not view.line_break_before[end]:
            end += poss
        if _starts_with(keys, end, frame["address_after"]) and not (end < n and view.line_break_before[end]):
            return None
        if frame.get("informant_after") and _starts_with(keys, end, frame["informant_after"]) \
                and not (end < n and view.line_break_before[end]):
            return None   # `Vợ nói ở nhà ông co giật`: the relative tells, the patient has it
        lw = frame["label_window"]
        if lw is not None:
            k = end + _age_after(keys, end, frame.get("age_units") or ())   # `anh trai 60t: gút`
            if k < n and keys[k] == "(":        # `Ông ngoại (mất):`
                close = next((j for j in range(k + 1, min(k + 6, n)) if keys[j] == ")"), None)
                k = close + 1 if close is not None else k
            elif k + 1 < n and keys[k + 1] == ":" and not view.line_break_before[k] and _name_word(view.words[k]):
                k += 1                          # `Me Bong:`, `Mẹ Hoa:`: a chat sender named after the child
            if k < n and keys[k] == ":" and not view.line_break_before[k]:
                return k + 1, _label_rule(rule, lw, frame["label_labels"])
            # the relative named in apposition (`anh trai ruột Lê Văn Tư, 17t, lao phổi`): the cue reaches past the
            # full name and the age between commas
            k, names = end, 0
            while k < n and names < 4 and not view.line_break_before[k] and _name_word(view.words[k]):
                k, names = k + 1, names + 1
            aged = (k + 3 < n and keys[k] == "," and keys[k + 1] == "<num>" and keys[k + 2] in ("t", "tuoi")
                    and keys[k + 3] == "," and not any(view.line_break_before[k:k + 4]))
            if aged:
                return k + 4, rule
            if names >= 2 and k < n and keys[k] == "," and not view.line_break_before[k]:
                return k + 1, rule
        return end, rule

    # --- the main entry point ---------------------------------------------------------------------
    def apply(self, view: TokenView, targets: Sequence[Target],
              barriers: Sequence[tuple[int, int]] = ()) -> None:
        """Set `target.assertions` for each target (token spans over `view`). `barriers`: token ranges of
        other mentions (tests) that a backward cue does not reach across: in `Lao phổi AFB (-)` the `(-)`
        is the result of AFB, not a denial of the disease."""
        if not targets:
            return
        keys = context_keys(view)
        n = len(keys)
        self._barrier = [False] * n
        for bs, be in barriers:
            for k in range(bs, min(be, n)):
                self._barrier[k] = True
        in_target = [-1] * n
        for ti, t in enumerate(targets):
            for k in range(t.start, min(t.end, n)):
                in_target[k] = ti
        # terminated_before() asks which words are mentions; kept on the view, which belongs to one call
        view._context_targets = (in_target, keys, {"labels": [t.label for t in targets]})
        stops = [k in HARD_STOPS for k in keys]
        # a slash in a measure (`2 kg/3 ngày`, `10 mg/kg`) is a ratio, not the break between two problems
        # (`CKD / THA`): a number touches it
        for k, key in enumerate(keys):
            if key == "/" and _in_measure(view, k):
                stops[k] = False
        self._breaks = view.line_break_before
        # sentence number of each token: scopes never cross a sentence end or a line break
        sent = [0] * n
        cur = 0
        for k in range(n):
            if k and (stops[k - 1] or view.line_break_before[k]):
                cur += 1
            sent[k] = cur
        # only sentences with a target need cues and terminators (most lab and drug lines have none)
        live = {sent[t.start] for t in targets if t.start < n}
        # a sentence cut by a slash inside a cue (`t/d viêm phổi`, `k/c/o`) is live too
        starts = {sent[k]: k for k in range(n - 1, -1, -1)}
        for s_ in sorted(live):
            for back in range(1, 4):
                k = starts.get(s_ - back + 1, 0)
                if k == 0 or keys[k - 1] != "/" or view.line_break_before[k]:
                    break
                live.add(s_ - back)
        idle = [sent[k] not in live for k in range(n)]
        cues = self._match_cues(view, keys, in_target, idle)
        blocked = idle[:]
        for c in cues:
            for k in range(c.start, c.end):
                blocked[k] = True
        for k in range(n):
            if in_target[k] >= 0:
                blocked[k] = True
        terms = self._match_terminators(view, keys, blocked)
        # a relative named with a verb (`mẹ bệnh nhân cũng bị`) opens a new subject: no denial runs past it
        self._kin_starts = {c.start for c in cues if c.rule.category == "family" and c.rule.needs_verb}
        by_sent: dict[int, list[Target]] = {}
        for t in targets:
            if t.start < n:
                by_sent.setdefault(sent[t.start], []).append(t)
        for c in cues:
            rule = c.rule
            inside = in_target[c.start]
            if inside >= 0:
                # only negation and history words inside a mention speak about it (`gan lách không to`,
                # `tiền sử dị ứng`); a kinship-looking syllable inside one (`chong mat`) does not
                t = targets[inside]
                if rule.category == "negated" and (t.label != "SYMPTOM" or (c.end >= t.end and c.start > t.start)):
                    # a negation word inside a disease name or closing a mention is part of the name: `K vú`
                    # (cancer), `NMCT không ST chênh lên`, `o chua` (ợ chua typed without diacritics)
                    continue
                if rule.category in ("negated", "historical") and (rule.labels is None or t.label in rule.labels):
                    t.assertions.add(rule.category)
                    t.inner.add(rule.category)
                continue
            conf = self.rules.categories[rule.category]
            comma_list = bool(conf.get("comma_list")) or rule.comma_stops
            near = by_sent.get(sent[c.start], [])
            if sent[c.end - 1] != sent[c.start]:
                # a cue written with a slash (`t/d`, `r/o`, `s/p`) spans a sentence break: its forward
                # targets lie in the sentence where it ends
                near = near + by_sent.get(sent[c.end - 1], [])
            # `Không A, không B, C`: when the cue is repeated for each item, the bare C is not in scope
            # and in a run of comma-separated findings (`Họng đỏ, không chảy mũi, amidan sưng`) a cue
            # heads its own item only: lists extend a cue only when no comma precedes it in the sentence
            lists = comma_list and not any(
                o is not c and o.rule.category == rule.category and sent[o.start] == sent[c.start] and o.end <= c.start
                and "," in keys[o.end:c.start] for o in cues) and not _comma_before(keys, sent, c.start)
            for t in near:
                if rule.labels is not None and t.label not in rule.labels:
                    continue
                if rule.direction in ("forward", "bidirectional") and t.start >= c.end:
                    if self._reaches(keys, stops, terms, in_target, targets, c.end, t.start, t, rule,
                                     comma_list, forward=True, cue_start=c.start, cross=lists):
                        t.assertions.add(rule.category)
                        if c.start > t.nearest.get(rule.category, (-1, ""))[0]:
                            t.nearest[rule.category] = (c.start, c.text_key)
                if rule.direction in ("backward", "bidirectional") and t.end <= c.start:
                    if self._reaches(keys, stops, terms, in_target, targets, t.end, c.start, t, rule,
                                     comma_list, forward=False, cue_start=c.start):
                        t.assertions.add(rule.category)
        self._pedigree_lines(view, keys, targets, in_target, terms)
        for t in targets:
            doubt = t.nearest.get("uncertain")
            if doubt is not None and doubt[0] > t.nearest.get("hypothetical", (len(keys), ""))[0] \
                    and _keys(doubt[1]) in self._firm_doubts():
                # a clinician's open question told inside advice stays a doubt (`tránh quinolon khi chưa loại trừ lao`,
                # `dặn chưa loại trừ lao tái phát`); a possibility (`không thì có thể quá liều`) is what may happen
                t.assertions.discard("hypothetical")
            reconcile(t)

    def _firm_doubts(self) -> frozenset:
        """context.yaml `firm_doubts` of the uncertain category, as key tuples."""
        got = self.__dict__.get("_firm")
        if got is None:
            conf = self.rules.categories.get("uncertain") or {}
            got = self.__dict__["_firm"] = frozenset(_keys(str(w)) for w in conf.get("firm_doubts") or ())
        return got

    def _pedigree_lines(self, view: TokenView, keys: list[str], targets: Sequence[Target], in_target: list[int],
                        terms: list[set[str]]) -> None:
        """A pedigree line: a relative, an optional bracket (age, `mất`), then a dash (`Bà nội – mất 2022, hình như
        K phổi; ho ra máu`, `Bố (58t) — THA; ĐTĐ`): every problem on that line is the relative's, up to a terminator
        of the class (`bệnh nhân`, `bé`). A colon is no such label here: `Mẹ: con bị ho` is a chat speaker."""
        if "family" not in self.rules.categories:
            return
        n = len(keys)
        brk = view.line_break_before
        trie = self.rules.cue_trie
        for line in range(n):
            if not (line == 0 or brk[line]):
                continue
            if not any(in_target[k] >= 0 and _problem_target(targets[in_target[k]])
                       for k in range(line, next((j for j in range(line + 1, n) if brk[j]), n))):
                continue
            end = next((j for j in range(line + 1, n) if brk[j]), n)
            k = _skip_line_lead(keys, line, end)
            if k >= end or in_target[k] >= 0:
                continue
            m = _longest_wild(trie, view.words, keys, k, view.acc, lambda e, a, b: e.label == "family")
            if m is None:
                continue
            j = m[0]
            if j < end and keys[j] == "(":
                close = next((x for x in range(j + 1, min(j + 8, end)) if keys[x] == ")"), None)
                if close is None:
                    continue
                j = close + 1
            if not (j < end and keys[j] in _DASHES):
                continue
            for x in range(j + 1, end):
                if "family" in terms[x] and in_target[x] < 0:
                    break
                ti = in_target[x]
                if ti >= 0 and targets[ti].start == x and _problem_target(targets[ti]):
                    targets[ti].assertions.add("family")

    def terminated_before(self, view: TokenView, start: int, category: str, limit: int = 0) -> bool:
        """Whether a terminator of `category` lies between the sentence start (or `limit`) and token
        `start`: `Tiền sử: THA. Lần này vào viện vì đau ngực` — the section's history stops at `lần này`;
        or whether a line between `limit` and `start` changes subject (see `_changes_subject`): a section's
        implied class does not run past it."""
        keys = view.keys
        if limit < start:
            last = getattr(view, "_context_targets", None)
            if last is None:
                last = view._context_targets = ([-1] * len(keys), context_keys(view), {"labels": []})
            in_target, ckeys, seen = last
            lines = seen.get("lines")
            if lines is None:
                lines = seen["lines"] = [k for k, b in enumerate(view.line_break_before) if b]
            for line in lines[bisect.bisect_left(lines, limit):bisect.bisect_right(lines, start)]:
                changed = seen.get((line, category))
                if changed is None:
                    changed = seen[(line, category)] = self._changes_subject(view, ckeys, line, category, in_target,
                                                                             seen["labels"])
                if changed:
                    return True
        k = start - 1
        while k >= limit and keys[k] not in HARD_STOPS and not view.line_break_before[k + 1]:
            # a bracket ends a cue's scope over the evidence it holds (`_evidence_bracket`), never a section's
            node = self.rules.term_trie.root.get(keys[k]) if keys[k] != "(" else None
            j = k + 1
            while node is not None:
                if any(e.label == category for e in node.get("", ())):
                    ckeys = getattr(view, "_ckeys", None)
                    if ckeys is None:
                        ckeys = view._ckeys = context_keys(view)
                    cue = _longest_wild(self.rules.cue_trie, view.words, ckeys, k, view.acc,
                                        lambda e, a, b: e.label == category)
                    if (cue is None or cue[0] <= j) and not self._inside_cue(view, ckeys, k, j, limit, category):
                        return True
                    # the terminator opens a longer cue of the same class (`con` of `Gia đình: con trai kể ...`):
                    # a relative, not the patient as subject
                if j >= start:
                    break
                node = node.get(keys[j])
                j += 1
            k -= 1
        return False

    def _inside_cue(self, view: TokenView, keys: list[str], k: int, j: int, limit: int, category: str) -> bool:
        """Whether the terminator at tokens [k, j) closes a cue of `category` that starts before it or is its
        possessor: `bố BN mất vì suy thận`, `mẹ em bị THA` name a relative, not the patient as subject."""
        frame = self.rules.frame(category)
        for s in range(max(limit, k - 3), k):
            if any(view.line_break_before[x] for x in range(s + 1, k + 1)):
                continue
            cue = _longest_wild(self.rules.cue_trie, view.words, keys, s, view.acc,
                                lambda e, a, b: e.label == category)
            if cue is None:
                continue
            if cue[0] >= j:
                return True
            if cue[0] == k and frame and _starts_with(keys, k, frame.get("possessors") or ()) >= j - k:
                return True
        return False

    def _changes_subject(self, view: TokenView, keys: list[str], line: int, category: str,
                         in_target: list[int], target_labels: Sequence[str] = ()) -> bool:
        """Whether the line starting at token `line` changes subject, so that a section's implied class
        stops before it: after a bullet, a number or a chat time stamp, the line opens with a terminator
        of `category` (`Bệnh nhân ...`, `Lần này ...`), with a label and a colon that is not the section's
        own (`Triệu chứng:`, a chat speaker `BS:`; not a mention `THA: 5 năm`, a date, a sub-label of the
        category such as `Nội khoa:`, nor a cue of the category heading its own problem `- Bố: THA`), or
        is a line in capitals with no mention (`BỆNH HIỆN TẠI`)."""
        n = len(keys)
        brk = view.line_break_before
        end = next((k for k in range(line + 1, n) if brk[k]), n)
        k = _skip_line_lead(keys, line, end)
        if k >= end:
            return False
        if _outdented(view, line):
            return True   # the section's rows were indented under it (a pedigree); a line back at the margin leaves it
        if (t := _starts_with(keys, k, self.rules.terminator_keys(category))):
            cue = _longest_wild(self.rules.cue_trie, view.words, keys, k, view.acc, lambda e, a, b: e.label == category)
            if cue is None or cue[0] <= k + t:
                return True   # a pedigree line `Cháu nội 5t — ho`: the terminator `cháu` opens a relative's cue
        colon = _label_colon(keys, k, end)
        if colon is not None:
            label = range(k, colon)
            if any(in_target[j] >= 0 for j in label if j < len(in_target)):
                return False
            if all(keys[j] in ("<num>", "<year>") or not keys[j].isalnum() for j in label):
                return False
            if _starts_with(keys, k, self.rules.frame(category).get("sub_labels") or ()) == colon - k:
                return False
            m = _longest_wild(self.rules.cue_trie, view.words, keys, k, view.acc, lambda e, a, b: True)
            own = [e.attrs["rule"] for e in (m[1] if m else ()) if e.label == category]
            framed = self._frame(view, keys, k, m[0], own[0]) if own else None
            if framed is not None and framed[0] in (colon, colon + 1):
                # the category's own label (`TS:`, `Bố:`) keeps the subject; a label with a window
                # keeps it only when its problem follows the colon (`Bố: THA`), not a sentence
                # (a chat speaker `Mẹ: con bị ho`)
                if framed[0] == colon:
                    return False
                first = next((j for j in range(colon + 1, end) if in_target[j] >= 0), None)
                if first is None:
                    return False
                labels = framed[1].labels
                ti = in_target[first]
                label = target_labels[ti] if labels and ti < len(target_labels) else None
                return first - colon - 1 > framed[1].window or (label is not None and label not in labels)
            return True
        if sum(keys[j] == "|" for j in range(k, end)) >= 2 and not any(
                in_target[j] >= 0 for j in range(k, end) if j < len(in_target)):
            return True   # a table's header row (`Tháng | AFB đờm | Cân | Tác dụng phụ`): the rows under it are no advice
        words = [view.words[j] for j in range(k, end) if view.words[j][:1].isalpha()]
        return (len(words) >= 2 and all(w.isupper() for w in words)
                and not any(in_target[j] >= 0 for j in range(k, end) if j < len(in_target)))

    def _also(self, category: str, keys: list[str], a: int, b: int) -> bool:
        """An `also` word (context.yaml `also_words` of the category: `cũng`) between token a and b: `Anh trai cháu
        5 tuổi mấy hôm nay cũng ho` - the relative, not the patient, has the problem, past a soft terminator."""
        words = self.__dict__.setdefault("_also_words", {})
        if category not in words:
            words[category] = {_keys(str(w)) for w in self.rules.categories[category].get("also_words") or ()}
        return any(keys[k:k + len(w)] == list(w) for w in words[category] for k in range(a, b))

    def _reaches(self, keys, stops, terms, in_target, targets, a: int, b: int, target: Target, rule: Rule,
                 comma_list: bool, forward: bool, cue_start: int, cross: bool = True) -> bool:
        """Whether a cue's scope covers the path of tokens [a, b) between it and the target."""
        cat = rule.category
        breaks = self._breaks
        n = len(keys)
        for k in range(a, min(b, n - 1) + 1):
            if breaks[k]:
                return False
        gap = 0
        crossed = False
        clean = True          # the current comma segment holds only targets and conjunctions
        has_target = False
        barrier = getattr(self, "_barrier", None)
        for k in range(a, b):
            key = keys[k]
            if stops[k] or (not forward and barrier and k < len(barrier) and barrier[k]):
                return False
            if in_target[k] >= 0:
                has_target = True
                continue
            if forward and cat == "negated" and k in getattr(self, "_kin_starts", ()):
                return False
            if cat in terms[k]:
                if key == "(" and not (forward and _evidence_bracket(keys, in_target, targets, k, b, target)):
                    continue   # a bracket ends a scope only when it holds the target as evidence
                if not (SOFT + cat in terms[k] and self._also(cat, keys, k, b)):
                    return False
            if key == ",":
                if comma_list:
                    if not cross or not clean or not has_target:
                        return False
                    crossed = True
                    clean, has_target = True, False
                continue
            if key in CONJUNCTIONS:
                continue
            clean = False
            gap += 1
            if gap > rule.window:
                return False
        if crossed:
            if not clean:
                return False
            if forward:
                # a list item after a comma is bare: followed by , . ; a conjunction, a bracket or the end
                nxt = target.end
                if nxt < n and not (keys[nxt] in HARD_STOPS or keys[nxt] in (",", "(", ")", ":") or
                                    keys[nxt] in CONJUNCTIONS or in_target[nxt] >= 0 or breaks[nxt]):
                    return False
        return True


_LINE_BULLETS = {"-", "*", "+", "•", "–", ">", "·"}
_DASHES = {"-", "–", "—", "--"}


def _evidence_bracket(keys: list[str], in_target: list[int], targets: Sequence[Target], k: int, b: int,
                      target: Target) -> bool:
    """A bracket opened at token k that holds `target` (starting at b) as evidence for what stands before it
    (`nghi trộn Dexamethason (mặt tròn)`, `Chưa loại trừ NKTN (nước tiểu đục)`), not a gloss of the mention right
    before it in another language (`scrub typhus (sốt mò)`: the same label); a target after the bracket has closed
    (`(sốt mò) vs leptospirosis`) is no part of it."""
    if ")" in keys[k + 1:b]:
        return False
    before = in_target[k - 1] if k > 0 else -1
    return not (before >= 0 and targets[before].label == target.label)


def _problem_target(t: Target) -> bool:
    return t.label in ("DISEASE", "SYMPTOM")


def _in_measure(view: TokenView, k: int) -> bool:
    s, e = view.tokens.spans[k]
    text = view.text
    return text[e:e + 1].isdigit() or text[s - 1:s].isdigit()


def _indent(text: str, pos: int) -> int | None:
    """Leading spaces and tabs of the line holding `pos`; None for a blank line."""
    start = text.rfind("\n", 0, pos) + 1
    k = start
    while k < len(text) and text[k] in " \t":
        k += 1
    return None if k >= len(text) or text[k] == "\n" else k - start


def _outdented(view: TokenView, line: int) -> bool:
    """The line starting at token `line` is at the margin while the line above it was indented: rows written
    under a heading (`GĐ:` then ` mẹ ĐTĐ`, ` bố THA`) end where the text comes back to the margin."""
    if line <= 0:
        return False
    text = view.text
    pos = view.tokens.spans[line][0]
    here = _indent(text, pos)
    if here != 0:
        return False
    prev_end = text.rfind("\n", 0, pos)
    if prev_end <= 0:
        return False
    above = _indent(text, prev_end - 1) if text[prev_end - 1] != "\n" else None
    return bool(above)


def _skip_line_lead(keys: list[str], k: int, end: int) -> int:
    """Past a line's bullet, numbering (`1.`, `a)`) or chat time stamp (`[10:05]`, `10:05`)."""
    while k < end and keys[k] in _LINE_BULLETS:
        k += 1
    if k < end and keys[k] == "[":
        close = next((j for j in range(k + 1, min(k + 10, end)) if keys[j] == "]"), None)
        if close is not None:
            k = close + 1
    if k + 2 < end and keys[k] == "<num>" and keys[k + 1] == ":" and keys[k + 2] == "<num>":
        k += 3
    elif k + 1 < end and (keys[k] == "<num>" or (len(keys[k]) == 1 and keys[k].isalpha())) and keys[k + 1] in (".", ")"):
        k += 2
    while k < end and keys[k] in _LINE_BULLETS:
        k += 1
    return k


def _age_after(keys: list[str], k: int, units) -> int:
    """Length of an age written right at token k (`60t`, `50 tuổi`, `45yo`; units from context.yaml), else 0."""
    if k < len(keys) and keys[k] == "<num>":
        u = _starts_with(keys, k + 1, units)
        if u:
            return 1 + u
    return 0


def _starts_with(keys: list[str], k: int, phrases, back: bool = False) -> int:
    """Length of the longest phrase (tuples of keys) that starts at k (or, with `back`, ends at k); 0 if none."""
    best = 0
    for p in phrases:
        m = len(p)
        s = k - m + 1 if back else k
        if s >= 0 and tuple(keys[s:s + m]) == p:
            best = max(best, m)
    return best


def _label_rule(rule: Rule, window: int, labels: tuple[str, ...] | None) -> Rule:
    return replace(rule, window=window, needs_verb=(), needs_following=(), at_clause_start=False,
                   at_clause_end=False, labels=labels or rule.labels)


def reconcile(t: Target) -> None:
    """Class combinations the guidelines rule out (docs/clinical.md): a denied history is not a past
    event, an unconfirmed one is uncertain only; a relative's condition is not placed on the patient's timeline unless the mention itself
    says `tiền sử`; a conditional is not a doubt."""
    a = t.assertions
    if "negated" in a or ("uncertain" in a and "historical" not in t.inner):
        a.discard("historical")
    if "family" in a and "historical" not in t.inner:
        if "historical" in a:
            t.past_of_relative = True   # kept for the case the relative turns out to be the patient
        a.discard("historical")
    if "hypothetical" in a:
        a.discard("uncertain")


def _comma_before(keys: list[str], sent: list[int], i: int) -> bool:
    k = i - 1
    while k >= 0 and sent[k] == sent[i]:
        if keys[k] == ",":
            return True
        if keys[k] == ":":
            return False       # `Tiền sử: ...` / `Khám: ...` start a new run
        k -= 1
    return False


def _label_colon(keys: list[str], k: int, end: int, words: int = 5) -> int | None:
    """The colon of a label opening a line at token k: within `words` words, the dashes and slashes between them not
    counted (`Vọng - văn - vấn - thiết:` is a four-word label)."""
    seen = 0
    for j in range(k + 1, end):
        if keys[j] == ":":
            return j
        if keys[j] not in ("-", "–", "/", "&", "+"):
            seen += 1
            if seen >= words:
                return None
    return None


def _followed_by(keys: list[str], j: int, options: tuple[tuple[str, ...], ...], within: int,
                 in_target: list[int] | None = None, breaks: list[bool] | None = None) -> bool:
    """One of `options` starts within `within` tokens after j (outside targets: `có` is not `co giật`), in the same
    sentence and line when `breaks` (line breaks before each token) is given."""
    for off in range(within):
        k = j + off
        if breaks is not None and k < len(keys) and (breaks[k] or keys[k] in HARD_STOPS):
            return False
        if in_target is not None and k < len(in_target) and in_target[k] >= 0:
            continue
        for opt in options:
            if tuple(keys[k:k + len(opt)]) == opt:
                return True
    return False


def _english_lookalike(e: Entry, words, i: int, j: int) -> bool:
    """A Vietnamese cue written with marks, met without them between English words, is an English word: `Today he
    denies` (`hễ`, hypothetical), `tell me if` (`mẹ`). Unmarked Vietnamese (`he co sot thi`) has a syllable beside it."""
    if not any(not c.isascii() for w in e.words for c in w):
        return False
    if len(e.words) >= 3:
        return False   # three syllables in a row are no English words: `Chua loai tru lupus` (clinical blind batch 12)
    from ..text.syllable import is_syllable

    if not all(w.isascii() for w in words[i:j]):
        return False
    side = [words[k].lower() for k in (i - 1, j) if 0 <= k < len(words) and words[k][:1].isalpha()]
    viet = [w for w in side if _maybe_syllable(w, is_syllable)]
    english = [w for w in side if w not in viet and w.isascii() and w.isalpha() and len(w) >= 3
               and any(c in "aeiouy" for c in w)]
    return bool(english) and not viet


_MARKED = {"a": "aăâ", "e": "eê", "o": "oôơ", "u": "uư", "d": "dđ"}


@lru_cache(maxsize=8192)   # words repeat across notes: up to 64 spellings are tried for each
def _maybe_syllable(w: str, is_syllable) -> bool:
    """`w`, written without marks, may be a Vietnamese syllable (`ruou` = rượu, `ko`): one with marks put back is."""
    if not w.isascii():
        return True
    if len(w) > 7:
        return False
    forms = [""]
    for c in w:
        forms = [f + x for f in forms for x in _MARKED.get(c, c)]
        if len(forms) > 64:
            return True   # too many to try: count it as Vietnamese (the cue then stays)
    return any(is_syllable(f) for f in forms)


def _longest_wild(trie: TokenTrie, words, keys, i: int, accented, accept):
    """Longest cue at token i (with `<num>` / `<year>` wildcard edges), as (end, entries).

    One surface may carry several rules (`chưa loại trừ` looks both ways); per category the
    highest-priority rule that accepts wins (a kinship word with a verb after it beats one without).
    """
    found: list[tuple[int, Entry]] = []
    node = trie.root
    n = len(keys)
    j = i
    while j < n:
        k = keys[j]
        nxt = node.get(k)
        if nxt is None and k == "<year>":
            nxt = node.get("<num>")     # a year is a number too
        if nxt is None:
            break
        node = nxt
        j += 1
        leaf = node.get("")
        if leaf:
            for e in leaf:
                if _fits_wild(e, words, i, accented) and accept(e, i, j):
                    found.append((j, e))
    if not found:
        return None
    end = max(j for j, _ in found)
    best: dict[tuple, Entry] = {}
    for j, e in found:
        key = (e.label, e.attrs["rule"].direction if "rule" in e.attrs else "")
        if j == end and (key not in best or e.priority > best[key].priority):
            best[key] = e
    pseudo = [e for k, e in best.items() if k[0] == "PSEUDO"]
    return end, pseudo or list(best.values())


def _fits_wild(e: Entry, words, i: int, accented) -> bool:
    if accented.__class__ is not bool:
        accented = accented[i]
    subs = e.attrs.get("_subs")
    if subs is None:
        if not any(w in ("<num>", "<year>") for w in e.words):
            subs = ()
        else:   # one single-word entry per literal word, built once
            subs = tuple((k, Entry(e.label, e.concept, (w,), exact=e.exact_case[k]))
                         for k, w in enumerate(e.words) if w not in ("<num>", "<year>"))
        e.attrs["_subs"] = subs
    if not subs:
        return fits(e, words, i, accented)
    return all(fits(sub, words, i + k, accented) for k, sub in subs)


def assert_targets(view: TokenView, targets: Iterable[Target], rules: ContextRules | None = None) -> None:
    ConText(rules).apply(view, list(targets))
