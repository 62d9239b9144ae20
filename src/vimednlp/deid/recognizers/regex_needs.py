"""Literal strings a regular expression cannot match without: a cheap test that skips a scan.

A rule's pattern is scanned over the whole note even when the note holds none of the words it is built around
(`Patient:`, `District`, `Hospital`): most notes hold none, and a scan of a long alternation costs more than a
few substring tests. `requirements(rx)` reads the compiled pattern's parse tree (`re._parser`, the module `re`
itself compiles from) and returns up to two sets of literal strings such that every match contains one string
of each set; `present(reqs, text, lowered)` says whether the text could hold a match. Where no string is
required, `prefilter(rx)` rebuilds a run of single characters every match holds as a regex of its own.
`cannot_match` asks both. The tests are exact: they never skip a text that has a match
(`tests/deid/test_regex_needs.py` checks them against every scan of the shipped packs).

What counts as a literal: a run of characters the pattern matches as written (outside a repeat that may be
absent), or one of a few characters of a class (`[:|]`); an alternation gives the union of its branches' sets
(each branch must have one). Case-insensitive parts (`(?i:patient|name)`) count when written in ASCII: they
are looked up, lower case, in the lower-cased text (`str.lower` of the text the pattern scans), where any case of
an ASCII letter is that letter. Four characters match an ASCII letter case-insensitively without lower-casing to
it alone (the Kelvin sign, `İ`, `ı`, `ſ`): a text holding one is always scanned.
"""
from __future__ import annotations

import re
from functools import lru_cache

try:  # Python 3.11+
    from re import _constants as _C
    from re import _parser as _P
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _P  # type: ignore[no-redef]

# characters outside ASCII that `re` (IGNORECASE) matches to an ASCII letter: simple lower case K (Kelvin) -> k,
# İ -> i, and its extra case pairs ı ~ i, ſ ~ s (re._casefix); the test in tests/ derives this list again
CASE_EXOTIC = "\u212a\u0130\u0131\u017f"

_MAX_ALTERNATIVES = 256  # an alternation of more strings is not worth the tests
_MAX_CLASS = 4  # a class of more characters neither
_MAX_RUN = 16  # the strings a run of such classes may spell
_LOCALE = int(re.LOCALE)  # (a plain int: `int & RegexFlag` runs enum code in Python, on every pattern of every note)
_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT) + ((_C.POSSESSIVE_REPEAT,) if hasattr(_C, "POSSESSIVE_REPEAT") else ())

# a requirement: a frozenset of (string, nocase) pairs: `nocase` strings are looked up in the lower-cased text
Req = frozenset


def _chars(op, av, flags: int) -> tuple[set[str], bool] | None:
    """The characters one element matches, when it is one character of a few ({'S', 's'} for `[Ss]`), and
    whether they are matched without case (then ASCII and lower case); None for any other element."""
    nocase = bool(flags & re.IGNORECASE)
    if op is _C.LITERAL:
        items = [(op, av)]
    elif op is _C.IN:
        items = list(av)
    else:
        return None
    out = set()
    for o, a in items:
        if o is not _C.LITERAL:
            return None
        ch = chr(a)
        if nocase:
            if not ch.isascii():
                return None
            ch = ch.lower()
        out.add(ch)
    return (out, nocase) if len(out) <= _MAX_CLASS else None


def _seq(items: list, flags: int) -> list[Req]:
    """The requirements of a sequence: each element that must match gives its own (all must hold). Adjacent
    characters make strings: `[Ss]on` requires 'Son' or 'son'."""
    out: list[Req] = []
    run: set[str] = set()
    run_nocase = False

    def flush() -> None:
        nonlocal run
        if run:
            out.append(frozenset((x, run_nocase) for x in run))
        run = set()

    for op, av in items:
        got = _chars(op, av, flags)
        if got is None:
            flush()
            req = _node(op, av, flags)
            if req:
                out.extend(req)
            continue
        chars, nocase = got
        if run and (nocase != run_nocase or len(run) * len(chars) > _MAX_RUN):
            flush()
        run_nocase = nocase
        run = {x + c for x in run for c in chars} if run else set(chars)
    flush()
    return out


def _best(reqs: list[Req]) -> Req | None:
    return max(reqs, key=_rank) if reqs else None


def _rank(r: Req) -> tuple:
    # longer strings are rarer; fewer alternatives are cheaper to test
    return (min(len(s) for s, _f in r), -len(r))


def _node(op, av, flags: int) -> list[Req]:
    if op is _C.SUBPATTERN:
        _group, add, rem, sub = av
        return _seq(list(sub), (flags | add) & ~rem)
    if op is _C.ATOMIC_GROUP if hasattr(_C, "ATOMIC_GROUP") else False:
        return _seq(list(av), flags)
    if op in _REPEATS:
        lo, _hi, sub = av
        return _seq(list(sub), flags) if lo >= 1 else []
    if op is _C.BRANCH:
        union: set = set()
        for alt in av[1]:
            best = _best(_seq(list(alt), flags))
            if best is None:
                return []
            union |= best
            if len(union) > _MAX_ALTERNATIVES:
                return []
        return [frozenset(union)]
    return []  # a look-around, an anchor, a category, any character: nothing required


def _parse(pattern: str, flags: int):
    """The parse tree of a pattern, or None. (Not kept between the requirements and the starts of a pattern: an
    lru_cache of the trees saved ~70 ms once per process but cost 1.9 M instructions per note, callgrind, 8 notes.)"""
    try:
        return _P.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - an internal API: no requirement rather than a failure
        return None


@lru_cache(maxsize=4096)
def _analyse(pattern: str, flags: int) -> tuple[tuple[Req, ...], re.Pattern | None]:
    """(requirements, pre-filter) of a pattern, from one parse (the tree itself is not kept)."""
    tree = _parse(pattern, flags)
    if tree is None:
        return (), None
    return _requirements(tree), _prefilter(tree)


def _requirements(tree) -> tuple[Req, ...]:
    reqs = _seq(list(tree), tree.state.flags)
    reqs = sorted(set(reqs), key=_rank, reverse=True)
    return tuple(reqs[:2])


def requirements(rx: re.Pattern) -> tuple[Req, ...]:
    """Up to two sets of (string, nocase) such that every match of `rx` holds a string of each set (empty: no
    requirement known). Only for str patterns."""
    if not isinstance(rx.pattern, str) or rx.flags & _LOCALE:
        return ()
    return _analyse(rx.pattern, rx.flags)[0]


def present(reqs: tuple[Req, ...], text: str, lowered: str) -> bool:
    """Whether `text` (the text the pattern scans; `lowered` is its `str.lower()`) can hold a match of a pattern
    with requirements `reqs`. Call only when `text` holds no `CASE_EXOTIC` character, or `reqs` only strings
    matched with case."""
    for r in reqs:
        for s, nocase in r:
            if s in (lowered if nocase else text):
                break
        else:
            return False
    return True


# --- a shorter regex every match must hold: a run of single characters ------------------------------------------
# Where no literal string is required ('town and UK postcode' needs ' 1AB' or the like, written as classes), a run
# of one-character elements that every match holds in a row (`[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}` holds ` \d[A-Z]{2}`)
# is rebuilt as a regex of its own: with no look-behind in front, `re` searches it with its fast first-character
# scan, where the whole pattern is tried at every position.

_CATEGORY_SRC = {_C.CATEGORY_DIGIT: r"\d", _C.CATEGORY_NOT_DIGIT: r"\D", _C.CATEGORY_SPACE: r"\s",
                 _C.CATEGORY_NOT_SPACE: r"\S", _C.CATEGORY_WORD: r"\w", _C.CATEGORY_NOT_WORD: r"\W"}
_MIN_WEIGHT = 4  # a run lighter than this (`\d\d`) is in every note: not worth a search
# an alternation of up to this many branches gives a run of its own; a longer alternation of words is tested faster
# by `present` (8 was tried: the runs it adds, 'vn|com|net|...|me|io', are in most notes, and the scans it saves cost
# no more than the searches it adds: 122.3 -> 122.5 M instructions per speed note)
_MAX_RUN_ALTERNATIVES = 4


def _class_src(op, av) -> tuple[str, int] | None:
    """(regex source, weight) of one element that matches one character: a literal, a class, a category."""
    if op is _C.LITERAL:
        return re.escape(chr(av)), 2
    if op is _C.IN:
        parts, weight = [], 1
        for o, a in av:
            if o is _C.NEGATE:
                if parts:
                    return None
                parts.append("^")
                weight = 0  # (nearly any character)
            elif o is _C.LITERAL:
                parts.append(re.escape(chr(a)))
            elif o is _C.RANGE:
                parts.append(re.escape(chr(a[0])) + "-" + re.escape(chr(a[1])))
            elif o is _C.CATEGORY and a in _CATEGORY_SRC:
                parts.append(_CATEGORY_SRC[a])
                if a in (_C.CATEGORY_WORD, _C.CATEGORY_NOT_SPACE, _C.CATEGORY_NOT_DIGIT, _C.CATEGORY_NOT_WORD):
                    weight = 0
            else:
                return None
        return "[" + "".join(parts) + "]", weight
    return None


def _runs(items: list, flags: int) -> list[tuple[str, int]]:
    """(regex source, weight) of each run of one-character elements every match of the sequence holds in a row,
    and of the best run of each element that holds a sequence of its own (a group, a repeat, an alternation)."""
    out: list[tuple[str, int]] = []
    src: list[str] = []
    weight = 0

    def flush() -> None:
        nonlocal src, weight
        if src:
            out.append(("".join(src), weight))
        src, weight = [], 0

    for op, av in items:
        one = _class_src(op, av)
        if one is not None:
            src.append(one[0])
            weight += one[1]
            continue
        if op in _REPEATS:
            lo, hi, sub = av
            sub = list(sub)
            inner = _class_src(*sub[0]) if len(sub) == 1 else None
            if inner is not None and lo >= 1:
                # x{lo,hi}: its first `lo` follow what came before, its last `lo` precede what comes after
                src.append(f"(?:{inner[0]}){{{lo}}}")
                weight += inner[1] * min(lo, 3)
                if lo != hi:
                    flush()
                    src, weight = [f"(?:{inner[0]}){{{lo}}}"], inner[1] * min(lo, 3)
                continue
            flush()
            if lo >= 1:
                best = _best_run(sub, flags)
                if best:
                    out.append(best)
            continue
        flush()
        if op is _C.SUBPATTERN:
            _group, add, rem, sub = av
            if add or rem:
                continue  # (a scoped flag: the run would need it too)
            best = _best_run(list(sub), flags)
            if best:
                out.append(best)
        elif op is _C.BRANCH:
            # (a few alternatives only: `_MAX_RUN_ALTERNATIVES`)
            alts = [_best_run(list(alt), flags) for alt in av[1]] if len(av[1]) <= _MAX_RUN_ALTERNATIVES else []
            if alts and all(alts):
                out.append(("(?:" + "|".join(a[0] for a in alts) + ")", min(a[1] for a in alts)))
    flush()
    return out


def _best_run(items: list, flags: int) -> tuple[str, int] | None:
    runs = _runs(items, flags)
    return max(runs, key=lambda r: r[1]) if runs else None


def _prefilter(tree) -> re.Pattern | None:
    try:
        best = _best_run(list(tree), tree.state.flags)
        if best is None or best[1] < _MIN_WEIGHT:
            return None
        return _class_led(re.compile(best[0], tree.state.flags & (re.IGNORECASE | re.ASCII | re.UNICODE)))
    except Exception:  # noqa: BLE001 - an internal API: no pre-filter rather than a failure
        return None


def _class_led(rx: re.Pattern) -> re.Pattern:
    """A regex found in a text exactly where `rx` is (a pre-filter is only searched for), opening with the class of
    the characters a match of `rx` can start with: `(?:[Aa]ccount [Hh]older|[Hh]older)` -> `[AaHh](?<=(?=...)[AaHh])`.
    `re` scans for a leading class or literal in C and tries the rest only where one stands; a pattern opening with a
    repeat, a group of classes or an alternation of classes is tried at every position of the note (about 10x slower
    on a note without a match: 308 -> 18 us for the one above). `rx` itself when `re` already has such a scan, or when
    the first character is unknown or a match may be empty."""
    try:
        from re import _compiler as _RC  # (Python 3.11+; sre_compile before)
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_compile as _RC  # type: ignore[no-redef]
    tree = _P.parse(rx.pattern, rx.flags)
    fl = tree.state.flags
    if _RC._get_literal_prefix(tree, fl)[0] or _RC._get_charset_prefix(tree, fl):
        return rx
    got = _first(list(tree), fl)
    if got is None or got[1] or not got[0]:
        return rx
    # (a match starts with a character of the class: one is consumed, then the look-behind steps back over it and
    # the look-ahead tries `rx` from there)
    cls = "[" + "".join(s[1:-1] if s.startswith("[") else s for s in got[0]) + "]"
    return re.compile(f"{cls}(?<=(?={rx.pattern}){cls})", rx.flags & (re.IGNORECASE | re.ASCII | re.UNICODE))


def prefilter(rx: re.Pattern) -> re.Pattern | None:
    """A regex every match of `rx` holds a match of (a run of single characters in a row), or None."""
    if not isinstance(rx.pattern, str) or rx.flags & _LOCALE:
        return None
    return _analyse(rx.pattern, rx.flags)[1]


def cannot_match(rx: re.Pattern, text: str, lowered: str, exotic: bool) -> bool:
    """True when `rx` surely has no match in `text` (`lowered`: its `str.lower()`, the text itself when it is
    lower case already; `exotic`: whether `text` holds a `CASE_EXOTIC` character): a string or a run every
    match holds is absent. False says nothing."""
    reqs = requirements(rx)
    if reqs and (not exotic or not any(nc for r in reqs for _s, nc in r)) and not present(reqs, text, lowered):
        return True
    pre = prefilter(rx)
    return pre is not None and pre.search(text) is None


def has_exotic(text: str) -> bool:
    """Whether `text` holds a `CASE_EXOTIC` character."""
    return any(c in text for c in CASE_EXOTIC)


# --- where a match can start: the first character's class ------------------------------------------------------
# A rule's pattern that opens with a look-around (`(?<![\w/])`, `(?={up})`) gets no fast first-character scan from
# `re`: the whole pattern is tried at every position of the note. When every match must start with a character of
# a class (a capital, a digit, '+') that is rare in the note, the positions holding one are found by a scan of that
# class alone (in C) and the pattern is tried there only (`base.finditer_at`), which gives the very matches of
# `finditer`: no match can start anywhere else. Read from the parse tree like the requirements above.

# a class holding one of these is too frequent in any note to be worth its positions (the space, the lower-case
# Vietnamese letters): `re` scans faster. Capitals, digits, marks, other scripts are left to the count below
_COMMON = " abcdeghiklmnopqrstuvxyđăâêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
_SPARSE = 16  # the starts are used when at most one character in this many is one (denser: the scan is faster)
_RECHECK = 15  # a class found too frequent in a note is not counted in the next this many notes
_DENSE: dict[re.Pattern, int] = {}  # such classes: how many notes more to skip


def _first(items: list, flags: int) -> tuple[list[str], bool] | None:
    """(class sources of the characters a match of the sequence can start with, whether the sequence can match
    the empty string), or None when unknown (a negated class, any character, a back-reference, a scoped flag)."""
    out: list[str] = []
    for op, av in items:
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue  # (zero width: the next element gives the first character)
        one = _class_src(op, av)
        if one is not None:
            if op is _C.IN and any(o is _C.NEGATE for o, _a in av):
                return None
            out.append(one[0])
            return out, False
        if op is _C.SUBPATTERN:
            _group, add, rem, sub = av
            if add or rem:
                return None
            got = _first(list(sub), flags)
        elif op is getattr(_C, "ATOMIC_GROUP", None):
            got = _first(list(av), flags)
        elif op in _REPEATS:
            lo, _hi, sub = av
            got = _first(list(sub), flags)
            if got is not None and lo == 0:
                got = (got[0], True)
        elif op is _C.BRANCH:
            srcs: list[str] = []
            nullable = False
            for alt in av[1]:
                g = _first(list(alt), flags)
                if g is None:
                    return None
                srcs += g[0]
                nullable = nullable or g[1]
            got = (srcs, nullable)
        else:
            return None
        if got is None:
            return None
        out += got[0]
        if not got[1]:
            return out, False
    return out, True


def _literal_class(av) -> list[str] | None:
    """The characters of a class made of a few literals only ('[Ww]'), or None."""
    if len(av) > _MAX_CLASS or not all(o is _C.LITERAL for o, _a in av):
        return None
    return [chr(a) for _o, a in av]


def _prefixes(items: list) -> set[str] | None:
    """Literal strings one of which every match of the sequence starts with, or None."""
    i = 0
    while i < len(items) and items[i][0] in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
        i += 1
    if i == len(items):
        return None
    op, av = items[i]
    if op is _C.LITERAL or (op is _C.IN and _literal_class(av)):
        # literals, and classes of a few literals ('[Ww]ife', '[Hh]usband': each character of the class opens words)
        runs = [""]
        while i < len(items) and (items[i][0] is _C.LITERAL or (items[i][0] is _C.IN and _literal_class(items[i][1]))):
            chars = [chr(items[i][1])] if items[i][0] is _C.LITERAL else _literal_class(items[i][1])
            if len(runs) * len(chars) > _MAX_ALTERNATIVES:
                break
            runs = [r + c for r in runs for c in chars]
            i += 1
        # ('tháng|thang' is parsed as 'th' then a branch: the words go on into it)
        more = _prefixes(items[i:]) if i < len(items) and items[i][0] in (_C.SUBPATTERN, _C.BRANCH) else None
        if more and len(more) * len(runs) <= _MAX_ALTERNATIVES:
            return {r + x for r in runs for x in more}
        return set(runs)
    if op is _C.SUBPATTERN:
        _group, add, rem, sub = av
        return None if add or rem else _prefixes(list(sub))
    if op in _REPEATS and av[0] >= 1:
        return _prefixes(list(av[2]))
    if op in _REPEATS:  # an optional opening ('(?:monday,? )?january'): its words, or those of what follows it
        first, rest = _prefixes(list(av[2])), _prefixes(items[i + 1:])
        return first | rest if first is not None and rest is not None else None
    if op is _C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            got = _prefixes(list(alt))
            if got is None:
                return None
            out |= got
        return out
    return None


_WORD = re.compile(r"\w+")


def _word_start(items: list) -> bool:
    """Whether the sequence opens with a look-behind that excludes every word character (`(?<![\w/])`, `(?<!\w)`)."""
    for op, av in items:
        if op is _C.ASSERT_NOT and av[0] == -1:
            sub = list(av[1])
            if len(sub) == 1 and sub[0][0] is _C.IN and not any(o is _C.NEGATE for o, _a in sub[0][1]) \
                    and (_C.CATEGORY, _C.CATEGORY_WORD) in sub[0][1]:
                return True
            continue
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue
        return False
    return False


def _apart(words: set[str]) -> bool:
    """No occurrence of one word can start inside an occurrence of another (or of itself): none holds another past
    its first character, no end of one begins another. Then a scan for them, which resumes after each word found,
    finds every place where one starts."""
    for a in words:
        for b in words:
            if a.find(b, 1) >= 0 or any(b.startswith(a[k:]) for k in range(1, len(a))):
                return False
    return True


@lru_cache(maxsize=4096)
def _starts_rx(pattern: str, flags: int) -> re.Pattern | None:
    """A regex of where a match of the pattern can start: the class of its first character, or else the words every
    match starts with; None when unknown, when a match may be empty, or when `re` has a fast first-character scan
    of its own for the pattern (it opens with a literal or a class)."""
    tree = _parse(pattern, flags)
    if tree is None:
        return None
    try:
        from re import _compiler as _RC  # (Python 3.11+; sre_compile before)
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_compile as _RC  # type: ignore[no-redef]
    try:
        fl = tree.state.flags
        if _RC._get_literal_prefix(tree, fl)[0] or _RC._get_charset_prefix(tree, fl):
            return None
        got = _first(list(tree), fl)
        if got is not None and not got[1] and got[0]:
            inner = "".join(s[1:-1] if s.startswith("[") else s for s in got[0])
            srx = re.compile("[" + inner + "]", fl & (re.IGNORECASE | re.ASCII | re.UNICODE))
            if not srx.search(_COMMON):
                return srx
        # a first character too frequent ('ngày', 'tháng', 'sáng' start with lower-case letters): the words every
        # match starts with, when their occurrences cannot overlap (then a scan for them finds every one)
        lits = None if fl & re.IGNORECASE else _prefixes(list(tree))
        if not lits or min(map(len, lits)) < 2:
            return None
        # (when a match starts after no word character and the words are all word characters, a start that a scan
        # for the words passed by would lie inside a word found, after a word character: no start is missed)
        if not (not fl & re.ASCII and _word_start(list(tree)) and all(_WORD.fullmatch(x) for x in lits)) \
                and not _apart(lits):
            return None
        return re.compile("|".join(re.escape(x) for x in sorted(lits, key=len, reverse=True)),
                          fl & (re.ASCII | re.UNICODE))
    except Exception:  # noqa: BLE001 - an internal API: no starts rather than a failure
        return None


def match_starts(rx: re.Pattern, text: str, cache: dict, key: str = "") -> list[int] | None:
    """The positions of `text` where a match of `rx` can start, when they are few (at most one character in
    `_SPARSE`); None: scan the whole text. `cache` (a per-document dict) keeps each class's positions; `key` names
    the text (the note as written, or folded) in it."""
    if not isinstance(rx.pattern, str) or rx.flags & _LOCALE:
        return None
    srx = _starts_rx(rx.pattern, rx.flags)
    if srx is None:
        return None
    k = ("match_starts", key, srx.pattern, srx.flags)
    got = cache.get(k)
    if got is None:
        skip = _DENSE.get(srx, 0)
        if skip:  # (too frequent in a recent note: not counted again before `_RECHECK` notes)
            _DENSE[srx] = skip - 1
            got = False
        else:
            got = [m.start() for m in srx.finditer(text)]
            if len(got) * _SPARSE > len(text):
                got, _DENSE[srx] = False, _RECHECK
        cache[k] = got
    return got if got is not False else None
