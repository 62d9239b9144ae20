"""The canonical view of a mention: what a new writer's mention says, in the form the index is written in.

A diagnosis reaches `code()` as a chat line (`e bj tieu dg may nam r`), an OCR'd line (`Nhiễrn trùng tiểu`,
`Viêm gan Β mạn` with a Greek capital beta), a transcript that spells letters and numbers aloud (`co pê đê
đợt cấp`, `giai đoạn bốn`), or an English head before Vietnamese words (`Fracture cổ xương đùi trái`), often
with context that is not part of the diagnosis (`ngày 4`, `đang điều trị ARV, CD4 > 500`, `for evaluation`).
`canonical_mention(text)` rewrites those places and returns the mention as a clinician would code it
(`em bị tiểu đường`, `Nhiễm trùng tiểu`, `COPD đợt cấp`, `gãy cổ xương đùi trái`), or None when nothing
changes. `head_of(text)` drops the chat lead-in as well (the words before the first `bị` / `mắc`, or who:
`thằng bé bị sốt phát ban` -> `sốt phát ban`). `says_absent(text)` tells a mention that names no finding
(`No acute distress`, `ko có j`). The ranker searches these forms beside the mention as written, a little
below it, and backs off to the mention's head when the whole finds nothing credible (see
`search.TermIndex.search`).

The knowledge is data: `resources/terminology/mention_forms.tsv` (kinds char, ocr, chat, lead, verb, filler,
symbol, trail, drop, absent, letter, number, cue, en).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ..paths import resource_path
from ..text.fold import fold
from ..text.syllable import is_syllable

FORMS_FILE = "mention_forms.tsv"
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_WORDS = re.compile(r"\S+")
_EDGE = re.compile(r"^([\W_]*)(.*?)([\W_]*)$", re.UNICODE | re.DOTALL)


@dataclass
class _Forms:
    chars: dict[str, str] = field(default_factory=dict)
    ocr: list[tuple[str, str]] = field(default_factory=list)
    # a capital read for a small letter inside a lower-case word (`insuIin`)
    ocr_case: list[tuple[str, str]] = field(default_factory=list)
    double_tone: bool = False
    chat: dict[str, str] = field(default_factory=dict)
    lead: set[str] = field(default_factory=set)
    verb: set[str] = field(default_factory=set)
    who: set[str] = field(default_factory=set)
    filler: set[str] = field(default_factory=set)
    verb_within: int = 6
    symbols: list[tuple[re.Pattern, str]] = field(default_factory=list)
    trail: list[re.Pattern] = field(default_factory=list)
    opening: list[re.Pattern] = field(default_factory=list)
    absent: list[re.Pattern] = field(default_factory=list)
    drop: list[re.Pattern] = field(default_factory=list)
    split: list[re.Pattern] = field(default_factory=list)
    cause: list[re.Pattern] = field(default_factory=list)
    organism: list[tuple[re.Pattern, str]] = field(default_factory=list)
    guess: list[re.Pattern] = field(default_factory=list)
    site: set[str] = field(default_factory=set)
    # two-syllable body parts whose first syllable is a word of its own (`đầu gối`, `cổ tay`), marks removed
    compound: set[tuple[str, str]] = field(default_factory=set)
    sound: list[tuple[str, str]] = field(default_factory=list)  # (`s-`, `x-`): a start or `-n` an end heard alike
    letters: dict[tuple[str, ...], tuple[str, bool]] = field(default_factory=dict)  # words -> (letter, alone)
    max_letter: int = 1
    numbers: dict[str, int] = field(default_factory=dict)
    unit_only: set[str] = field(default_factory=set)  # number words said only after a ten (mốt, tư, lăm)
    cues: set[tuple[str, ...]] = field(default_factory=set)
    max_cue: int = 1
    en: dict[str, str] = field(default_factory=dict)
    # lay words -> the clinical words (pattern with marks, pattern without marks or None, replacement)
    lay: list[tuple[re.Pattern, re.Pattern | None, str]] = field(default_factory=list)
    folded: dict[str, dict] = field(default_factory=dict)  # table name -> the table keyed without marks


def _low(w: str) -> str:
    return unicodedata.normalize("NFC", w).lower()


@lru_cache(maxsize=1)
def forms() -> _Forms:
    path = resource_path("terminology", FORMS_FILE)
    f = _Forms()
    with open(path, encoding="utf-8") as fh:
        lines = [(i, ln.rstrip("\n")) for i, ln in enumerate(fh, 1) if ln.strip() and not ln.startswith("#")]
    for n, (line_no, ln) in enumerate(lines):
        cols = ln.split("\t")
        if n == 0 and cols[:2] == ["kind", "from"]:
            continue
        if len(cols) < 3 or not cols[0] or not cols[1]:
            raise ValueError(f"{path}:{line_no}: expected kind<TAB>from<TAB>to[<TAB>note]")
        kind, src, dst = cols[0], cols[1], cols[2]
        try:
            if kind == "char":
                f.chars[src] = dst
            elif kind == "ocr":
                if src == "´":
                    f.double_tone = True
                elif src.isupper() and dst.islower():
                    f.ocr_case.append((src, dst))
                else:
                    f.ocr.append((src, dst))
            elif kind == "chat":
                f.chat[_low(src)] = dst
            elif kind == "lead":
                f.lead.add(_low(src))
            elif kind == "filler":
                f.filler.add(_low(src))
            elif kind == "who":
                f.who.add(_low(src))
            elif kind == "verb":
                f.verb.add(_low(src))
            elif kind == "symbol":
                f.symbols.append((re.compile(src), dst))
            elif kind == "absent":
                f.absent.append(re.compile(src))
            elif kind == "trail":
                f.trail.append(re.compile(src))
            elif kind == "open":
                f.opening.append(re.compile(src))
            elif kind == "drop":
                f.drop.append(re.compile(src))
            elif kind == "split":
                f.split.append(re.compile(src))
            elif kind == "cause":
                f.cause.append(re.compile(src))
            elif kind == "organism":
                f.organism.append((re.compile(src), dst))
            elif kind == "guess":
                f.guess.append(re.compile(src))
            elif kind == "site":
                f.site.add(_low(src))
            elif kind == "compound":
                words = tuple(fold(_low(src)).split())
                if len(words) != 2:
                    raise ValueError("a compound row is two words")
                f.compound.add(words)
            elif kind == "sound":
                if src.endswith("-") == dst.endswith("-") and src.startswith("-") == dst.startswith("-") and (
                        src.endswith("-") != src.startswith("-")):
                    f.sound += [(src, dst), (dst, src)]
                else:
                    raise ValueError("a sound row is two starts (`s-`) or two ends (`-ng`)")
            elif kind == "letter":
                key = tuple(_low(src).split())
                f.letters[key] = (dst.rstrip("!"), dst.endswith("!"))
                f.max_letter = max(f.max_letter, len(key))
            elif kind == "number":
                f.numbers[_low(src)] = int(dst.rstrip("+"))
                if dst.endswith("+"):
                    f.unit_only.add(_low(src))
            elif kind == "cue":
                key = tuple(_low(src).split())
                f.cues.add(key)
                f.max_cue = max(f.max_cue, len(key))
            elif kind == "en":
                f.en[_low(src)] = dst
            elif kind in ("lay", "lay_marked"):
                # whole words; `lay` rows also match a mention written without marks, `lay_marked` ones (`té`,
                # `ói`: te, oi are other words) only with their marks
                marked = re.compile(rf"(?<!\w)(?:{_low(src)})(?!\w)")
                plain_pat = re.compile(rf"(?<!\w)(?:{fold(_low(src))})(?!\w)") if kind == "lay" else None
                f.lay.append((marked, plain_pat, dst))
            else:
                raise ValueError(f"unknown kind {kind!r}")
        except (re.error, ValueError) as e:
            raise ValueError(f"{path}:{line_no}: {e}") from None
    for name in ("chat", "numbers", "letters"):
        table = getattr(f, name)
        f.folded[name] = {}
        for k, v in table.items():
            f.folded[name].setdefault(fold(k) if isinstance(k, str) else tuple(fold(x) for x in k), v)
    f.folded["lead"] = {fold(k): 1 for k in f.lead}
    f.folded["verb"] = {fold(k): 1 for k in f.verb}
    f.folded["site"] = {fold(k): 1 for k in f.site}
    f.folded["who"] = {fold(k): 1 for k in f.who | f.lead}
    f.folded["cues"] = {tuple(fold(x) for x in k): 1 for k in f.cues}
    return f


def splits_compound(left: str, right: str) -> bool:
    """Whether a cut between these two words falls inside one body part (`đau đầu | gối`: the knee, not a
    headache; `đau cổ | tay`): the `compound` rows of mention_forms.tsv, matched with or without marks."""
    return (fold(_low(left)), fold(_low(right))) in forms().compound


def _plain(text: str) -> bool:
    """Written without Vietnamese marks (a chat line): word tables are then read without marks too."""
    return fold(text) == text


def _lookup(name: str, word: str, plain: bool):
    f = forms()
    w = _low(word)
    got = getattr(f, name).get(w)
    if got is None and plain:
        got = f.folded[name].get(fold(w))
    return got


def _ocr_word(core: str, f: _Forms) -> str:
    """A word that is no Vietnamese syllable read through OCR confusables until it is one (`đệrn` -> `đệm`,
    `rượư` -> `rượu`); unchanged when no single kind of substitution makes a syllable."""
    if core and core.isascii() and not core.isalpha():
        return _ocr_digits(core)
    for a, b in forms().ocr_case:
        # a capital between lower-case letters, or ending a word of lower-case letters, is a misread small
        # letter (`insuIin`, `methanoI`: I for l); acronyms and units (`HbA1c`, `mmHg`, `pH`) have no two
        # lower-case letters before it or no lower-case letter after it
        if a in core[2:]:
            core = "".join(b if ch == a and i >= 2 and core[i - 2:i].islower()
                           and (i == len(core) - 1 or core[i + 1].islower()) else ch for i, ch in enumerate(core))
    if not core or is_syllable(core) or core.isascii():
        # (a word without marks is chat or English; `Suy tirn` is read by the ranker's respelling, which knows
        # the index words: `burn` stays burn)
        return core
    low = core.lower()
    if forms().double_tone:
        d = unicodedata.normalize("NFD", low)
        marks = [i for i, ch in enumerate(d) if ch in _TONES]
        if len(marks) > 1:
            for i in reversed(marks):  # the later mark is the stray one more often (tráí)
                t = unicodedata.normalize("NFC", d[:i] + d[i + 1:])
                if is_syllable(t):
                    return t if core.islower() else (t.capitalize() if core[:1].isupper() else t)
    for a, b in forms().ocr:
        if a not in low:
            continue
        # every occurrence, then each one alone
        tries = [low.replace(a, b)] + [low[:i] + b + low[i + len(a):] for i in _find_all(low, a)]
        for t in tries:
            if t != low and is_syllable(t):
                return t if core.islower() else (t.capitalize() if core[:1].isupper() else t)
    if any(ch.isdigit() for ch in low):  # a stray digit OCR put inside a syllable (`S0ỏi`)
        t = "".join(ch for ch in low if not ch.isdigit())
        if t and is_syllable(t):
            return t if core.islower() else (t.capitalize() if core[:1].isupper() else t)
    return core


_DIGIT_WORD = re.compile(r"[A-Za-z]?[a-z]*[01][a-z01]*")


def _ocr_digits(core: str) -> str:
    """A word of lower-case letters with a 0 or 1 among them read through the digits OCR takes for letters
    (`d0` -> do, `Ng0` -> Ngo, `Burkh0lderia` -> Burkholderia): kept when that makes a Vietnamese syllable, a
    word of four letters or more, or three with the digit between letters (`n0l`). Codes and acronyms (`T1`, `CD4`, `HbA1c`, `H1N1`) have capitals after their
    first letter or other digits and stay as written."""
    if not _DIGIT_WORD.fullmatch(core) or core[0].isdigit():
        return core
    letters = sum(ch.isalpha() for ch in core)
    if letters < 1 or (core[0].isupper() and letters < 2):
        return core
    t = core
    for a, b in forms_ocr_digits():
        t = t.replace(a, b)
    inside = len(t) == 3 and core[1].isdigit()  # `n0l`: a letter on each side
    return t if t.isalpha() and (is_syllable(t.lower()) or len(t) >= 4 or inside) else core


def ocr_ascii() -> tuple[tuple[str, str], ...]:
    """The multi-letter confusables written in ASCII (`rn` for m), for the ranker's respelling."""
    return tuple((a, b) for a, b in forms().ocr if a.isascii() and b.isascii() and len(a) > 1)


def forms_ocr_digits() -> tuple[tuple[str, str], ...]:
    """The digits OCR reads for letters (`0` for o, `1` for i), for the ranker's mark restoration."""
    return tuple((a, b) for a, b in forms().ocr if a.isdigit() and len(a) == 1)


def _find_all(s: str, sub: str) -> list[int]:
    out, i = [], s.find(sub)
    while i >= 0:
        out.append(i)
        i = s.find(sub, i + 1)
    return out


def _number(words: list[str], i: int, f: _Forms, plain: bool) -> tuple[int, int] | None:
    """A spoken number starting at words[i] (`bốn`, `mười chín`, `hai mươi mốt`): (value, words used)."""
    def val(j):
        return _lookup("numbers", words[j], plain) if j < len(words) else None

    a = val(i)
    if a is None or _low(words[i]) in forms().unit_only:
        return None
    if a == 10:  # mười [unit]
        b = val(i + 1)
        if b is not None and 0 < b < 10:
            return 10 + b, 2
        return 10, 1
    if 0 < a < 10 and i + 1 < len(words) and fold(_low(words[i + 1])) == "muoi":
        b = val(i + 2)
        if b is not None and 0 < b < 10:
            return 10 * a + b, 3
        return 10 * a, 2
    return a, 1


def _letter_at(words: list[str], i: int, f: _Forms, plain: bool) -> tuple[str, bool, int] | None:
    for n in range(min(f.max_letter, len(words) - i), 0, -1):
        key = tuple(_low(w) for w in words[i:i + n])
        got = f.letters.get(key)
        if got is None and plain:
            got = f.folded["letters"].get(tuple(fold(w) for w in key))
        if got is not None:
            return got[0], got[1], n
    return None


def _cue_before(out: list[str], f: _Forms, plain: bool) -> bool:
    for n in range(min(f.max_cue, len(out)), 0, -1):
        key = tuple(_low(w) for w in out[-n:])
        if key in f.cues or plain and tuple(fold(w) for w in key) in f.folded["cues"]:
            return True
    return False


def _known_acronym(acro: str) -> str:
    """A spelled acronym as the abbreviation dictionary writes it, allowing one letter that was said inside
    its neighbour's syllable and so not spelled (`NSTMI` -> NSTEMI: `tê mi` holds the E); unchanged unless
    exactly one dictionary acronym is that letter longer (a letter heard wrong is not guessed: COVD is not
    COPD)."""
    from .expansion import dictionary

    table = dictionary()
    if len(acro) < 3 or acro in table:
        return acro
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    edits = [acro[:i] + c + acro[i:] for i in range(1, len(acro) + 1) for c in letters]
    known = sorted({e for e in edits if len(e) >= 3 and e in table})
    return known[0] if len(known) == 1 else acro


def _spoken(words: list[str], f: _Forms, plain: bool) -> list[str]:
    """Spelled letters to an acronym (`co pê đê` -> COPD, `ét tê` -> ST), a lone letter name after a word
    (`viêm gan bê` -> B), and number words after a stage / grade / type word or an acronym to digits."""
    out: list[str] = []
    i = 0
    after_acronym = False
    while i < len(words):
        # a run of letter names
        run, j = [], i
        while j < len(words):
            got = _letter_at(words, j, f, plain)
            if got is None:
                break
            run.append(got)
            j += got[2]
        # (without marks, letter names are common words: `e di ngoai` is em đi ngoài, so three at least)
        if len(run) >= (3 if plain else 2) and not (_number(words, i, f, plain) and _cue_before(out, f, plain)):
            acro = "".join(r[0] for r in run)
            # a first syllable read as its letters (`co pê đê` = C O P D)
            if out and out[-1].isascii() and out[-1].isalpha() and len(out[-1]) <= 2 and not _cue_before(out, f, plain):
                acro = out.pop().upper() + acro
            # and a last one (`ét tê mi` = S T MI; the ranker's respelling finds STEMI)
            if (j < len(words) and words[j].isascii() and words[j].isalpha() and len(words[j]) <= 2
                    and _number(words, j, f, plain) is None):
                acro += words[j].upper()
                j += 1
            out.append(_known_acronym(acro))
            i = j
            after_acronym = True
            continue
        if len(run) == 1 and run[0][1] and out and not _cue_before(out, f, plain):
            out.append(run[0][0])
            i += run[0][2]
            after_acronym = True
            continue
        num = _number(words, i, f, plain)
        if num is not None and (after_acronym or _cue_before(out, f, plain)):
            value, used = num
            text = str(value)
            nxt = i + used
            # a sub-stage said as a letter (`giai đoạn ba a` -> 3a)
            if nxt < len(words) and fold(_low(words[nxt])) in ("a", "b", "be", "bo"):
                text += "a" if fold(_low(words[nxt])) == "a" else "b"
                nxt += 1
            out.append(text)
            i = nxt
            after_acronym = False
            continue
        out.append(words[i])
        after_acronym = False
        i += 1
    return out


@lru_cache(maxsize=4096)
def canonical_mention(text: str) -> str | None:
    """The mention with characters, words, spoken letters and numbers, English heads and trailing context
    read as a clinician would write them; None when nothing changes."""
    f = forms()
    t = unicodedata.normalize("NFC", text)
    if any(ch in f.chars for ch in t):
        t = "".join(f.chars.get(ch, ch) for ch in t)
    for pat, rep in f.symbols:
        t = pat.sub(rep, t)
    plain = _plain(t)
    words = []
    for w in _WORDS.findall(t):
        lead, core, tail = _EDGE.match(w).groups()
        fixed = _ocr_word(core, f)
        chat = _lookup("chat", fixed, plain) if fixed and (plain or not is_syllable(fixed)) else None
        if chat is not None:
            fixed = fold(chat) if plain else chat
        if fixed and fixed.lower() in f.filler and not lead + tail:
            continue  # `ờ`, `ừm`: said while thinking
        words.append(lead + fixed + tail)
    words = _drop_values(" ".join(words), f).split()
    words = _spoken(words, f, plain)
    # an English head before Vietnamese words, of two words (`otitis media ứ dịch`) or one (`Fracture cổ ...`)
    for n in (2, 1):
        if len(words) > n and (not _plain(" ".join(words[n:])) or _vietnamese_unmarked(words[n:])):
            head = f.en.get(" ".join(_low(_EDGE.match(w).group(2)) for w in words[:n]))
            if head:  # written without marks like the words after it when they have none (`gay co xuong dui`)
                words = [head if not _plain(" ".join(words[n:])) else fold(head)] + words[n:]
                break
    t = " ".join(words)
    t = _lay_words(t, f)
    t = _strip_context(t, f)
    t = re.sub(r"\s+", " ", t).strip(" ,;:-")
    if not t or t == re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip():
        return None
    return t


_EN_FUNCTION = {"of", "the", "with", "without", "to", "in", "on", "and", "a", "an", "due", "from", "at", "by", "or"}


def _vietnamese_unmarked(words: list[str]) -> bool:
    """Words written without marks that read as Vietnamese, not English (`gan do amip` after `Abscess`): the
    first is a Vietnamese syllable, two thirds of them are, and none is an English function word."""
    low = [w.lower().strip(",;:.()") for w in words]
    low = [w for w in low if w]
    if not low or any(w in _EN_FUNCTION for w in low) or not _vi_shape(low[0]):
        return False
    return 3 * sum(1 for w in low if _vi_shape(w)) >= 2 * len(low)


_VI_UNMARKED = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?")


def _vi_shape(w: str) -> bool:
    """A syllable, or letters with a Vietnamese syllable's shape once marks are gone (`xuong`, `dui`)."""
    return is_syllable(w) or bool(_VI_UNMARKED.fullmatch(fold(w)))


def _lay_words(t: str, f: _Forms) -> str:
    """Lay words said for clinical ones (`ra huyết` -> chảy máu, `có bầu` -> mang thai, `ngủ không được` -> mất
    ngủ), each row once, in file order; in a mention written without marks the clinical words are written
    without marks too. The written form is searched as well, so a title that holds the lay words still wins."""
    if not f.lay:
        return t
    plain = _plain(t)
    low = _low(t)
    if len(low) != len(t):
        return t
    for marked, plain_pat, dst in f.lay:
        pat = plain_pat if plain else marked
        if pat is None:
            continue
        src = fold(low) if plain else low
        m = pat.search(src)
        if not m:
            continue
        rep = fold(dst) if plain else dst
        t = t[:m.start()] + rep + t[m.end():]
        low = _low(t)
        if len(low) != len(t):
            break
    return t


def _strip_context(t: str, f: _Forms) -> str:
    """Trailing context (`lâu ngày`, `ngày 4`, `đang điều trị ...`, `for evaluation`) and framing openers
    (`chẩn đoán là`, `ca này là`, `bé 18 tháng`) removed; the match is made on folded lower-case text of the same length as `t`."""
    low = fold(t).lower()
    if len(low) != len(t):
        return t
    for pat in f.trail:  # each row once, in file order (particles first: `3 ngày nay rồi`)
        m = pat.search(low)
        if m and m.start() > 0 and t[:m.start()].strip():
            t = t[:m.start()]
            low = low[:m.start()]
    for pat in f.opening:  # a framing opener (`chẩn đoán là`, `ca này là`, `bé 18 tháng`), each row once
        m = pat.match(low)
        if m and m.end() < len(low) and t[m.end():].strip():
            t = t[m.end():]
            low = low[m.end():]
    return t


def says_absent(text: str) -> bool:
    """The mention says a finding is absent or nothing is wrong (`No acute distress`, `ko sao`)."""
    f = forms()
    # filler words go first, matched with their marks (`nó` is the patient; folded it reads as English `no`)
    words = [w for w in unicodedata.normalize("NFC", text).split() if _low(_EDGE.match(w).group(2)) not in f.filler]
    low = fold(" ".join(words)).lower().strip()
    return any(p.search(low) for p in f.absent)


def _drop_values(t: str, f: _Forms) -> str:
    """Measured values inside a mention (`sốt 39 độ`) removed (matched on folded lower-case text)."""
    low = fold(t).lower()
    if len(low) != len(t):
        return t
    for pat in f.drop:
        for m in reversed(list(pat.finditer(low))):
            t = t[:m.start()] + " " + t[m.end():]
        low = fold(t).lower()
    return t


def head_of(text: str) -> str | None:
    """The canonical mention without its chat lead-in: the words before the first verb that introduces a
    diagnosis within the first few words (`thằng bé bị sốt phát ban` -> `sốt phát ban`, `bác sĩ bảo bị gan
    nhiễm mỡ` -> `gan nhiễm mỡ`), else the lead-in words at the start (`con em sốt` -> `sốt`); None when
    that leaves nothing or nothing changes."""
    f = forms()
    base = canonical_mention(text) or text
    words = base.split()
    plain = _plain(base)
    lead = f.folded["lead"] if plain else f.lead
    verbs = f.folded["verb"] if plain else f.verb

    def key(w: str) -> str:
        w = _low(_EDGE.match(w).group(2))
        return fold(w) if plain else w

    who = f.folded["who"] if plain else f.who | f.lead
    sites = f.folded["site"] if plain else f.site
    i = 0
    for j in range(min(len(words) - 1, f.verb_within)):
        if key(words[j]) in verbs:
            # a body part as the subject (`mặt bị nám`, `con em chân bị nấm`): the diagnosis at that site, as
            # Vietnamese names it, disease first (`nám ở mặt`; the site is then a qualifier, see qualifiers.tsv)
            k = 0
            while k < j and key(words[k]) in who:
                k += 1
            if k < j and all(key(w) in sites for w in words[k:j]):
                return " ".join(words[j + 1:] + ["o" if plain else "ở"] + words[k:j])
            # the words before it say who (`thằng bé bị`), not what (`Vết thương bị nhiễm trùng`)
            if j == 0 or any(key(w) in who for w in words[:j]):
                i = j + 1
            break
    # (lead words, and a second verb right after the first: `con tôi bị lên sởi`)
    while i < len(words) - 1 and (key(words[i]) in lead or (i and key(words[i - 1]) in verbs and key(words[i]) in verbs)):
        i += 1
    if i == 0:
        return base if base != text else None
    return " ".join(words[i:])


def clear_caches() -> None:
    forms.cache_clear()
    canonical_mention.cache_clear()


def diagnosis_parts(text: str) -> list[str]:
    """The diagnoses of a mention that names more than one (`THA, ĐTĐ typ 2`, `viêm phổi + suy hô hấp`), in
    the order written, split where a `split` row of mention_forms.tsv matches (`,` `;` `+` `và` `and`); [] when
    it names one. Which parts name a diagnosis is for the ranker to say (`Colles fracture, left` splits too, and
    `left` codes nothing)."""
    f = forms()
    parts = [text]
    for pat in f.split:
        parts = [q for p in parts for q in pat.split(p)]
    parts = [p.strip(" \t,;:.+-") for p in parts]
    parts = [p for p in parts if p and any(ch.isalpha() for ch in p)]
    return parts if len(parts) > 1 else []


@lru_cache(maxsize=8192)
def sound_alikes(word: str) -> tuple[str, ...]:
    """Spellings of a syllable with a start or an end that a regional accent says alike (`sương` -> xương,
    `hàng` -> hàn), from the `sound` rows of mention_forms.tsv; the tone mark stays on its vowel."""
    out = []
    w = word.lower()
    for a, b in forms().sound:
        if a.endswith("-") and w.startswith(a[:-1]):
            cand = b[:-1] + w[len(a) - 1:]
        elif a.startswith("-") and w.endswith(a[1:]):
            cand = w[:len(w) - len(a) + 1] + b[1:]
        else:
            continue
        if cand != w and cand not in out:
            out.append(cand)
    return tuple(out)


def is_conclusion(part: str) -> bool:
    """Whether one part of a mention opens with a hedge that gives the writer's conclusion (`chắc bị ghẻ`,
    `probably scabies`): the `guess` rows of mention_forms.tsv, over the part lower-cased, marks removed."""
    t = fold(part.strip().lower())
    return any(p.search(t) for p in forms().guess)


def disease_and_cause(text: str) -> tuple[str, str] | None:
    """(disease, cause) of a mention that names a disease and what caused it (`UTI due to Klebsiella`,
    `viêm mô tế bào do tụ cầu vàng`), cut at the first `cause` row of mention_forms.tsv that matches; None
    when none does."""
    for pat in forms().cause:
        m = pat.search(text)
        if m and m.start() > 0 and text[m.end():].strip():
            return text[:m.start()].strip(), text[m.end():].strip()
    return None


def organism_code(text: str) -> str | None:
    """The ICD-10 code of the infectious agent a cause names (`Klebsiella` -> B96.1, `tụ cầu vàng` -> B95.6),
    from the `organism` rows of mention_forms.tsv (over the text lower-cased, marks removed); None otherwise."""
    t = fold(text.lower())
    for pat, code in forms().organism:
        if pat.search(t):
            return code
    return None
