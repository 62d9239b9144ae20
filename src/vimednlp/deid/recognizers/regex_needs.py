"""Literal strings a regular expression cannot match without: a cheap test that skips a scan.

A rule's pattern is scanned over the whole note even when the note holds none of the words it is built around
(`Patient:`, `District`, `Hospital`): most notes hold none, and a scan of a long alternation costs more than a
few substring tests. `requirements(rx)` reads the compiled pattern's parse tree (`re._parser`, the module `re`
itself compiles from) and returns up to two sets of literal strings such that every match contains one string
of each set; `present(reqs, text, folded)` says whether the text could hold a match. The test is exact: it
never skips a text that has a match (`tests/deid/test_regex_needs.py` checks it against every scan).

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


@lru_cache(maxsize=4096)
def _requirements(pattern: str, flags: int) -> tuple[Req, ...]:
    try:
        tree = _P.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - an internal API: no requirement rather than a failure
        return ()
    reqs = _seq(list(tree), tree.state.flags)
    reqs = sorted(set(reqs), key=_rank, reverse=True)
    return tuple(reqs[:2])


def requirements(rx: re.Pattern) -> tuple[Req, ...]:
    """Up to two sets of (string, nocase) such that every match of `rx` holds a string of each set (empty: no
    requirement known). Only for str patterns."""
    if not isinstance(rx.pattern, str) or rx.flags & re.LOCALE:
        return ()
    return _requirements(rx.pattern, rx.flags)


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
