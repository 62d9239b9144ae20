"""Numbers spelled out in words (voice-call transcripts, dictation): PHONE, ID, AGE and DATE/time.

Speech-to-text writes what was said: `không chín tám ba bốn năm hai không sáu một` (a phone number read
digit by digit), `bảy mươi tư tuổi`, `bốn giờ chiều`, `ngày mười lăm tháng ba`. Each pattern needs more
than number words, since they are everyday words too (`uống hai viên`, `ba ngày nay`, `một tuần`, `năm 2020`):
a phone or an ID is a run of nine digit words or more; an age ends on `tuổi`; a time needs `giờ` and a part of
the day or `lúc`; a date needs `ngày/mùng ... tháng ...`. Addresses read aloud (`số chín ngõ một trăm linh hai
phố ...`) are found by the LOCATION recognizer with `spoken_number_end` as the value of a unit word.
"""
from __future__ import annotations

from ...text.fold import fold_lower
from .base import Candidate, Context, Recognizer, phrase_set
from .lexicons import cues, vocab

_V = vocab("spoken")  # resources/deid/vocab/spoken.yaml
_WHY = _V["explanations"]  # the explanation of each kind of span
# a digit word read alone and the words that build a number, as written; the folded tables keep the first
# meaning of a folded form ('muoi' is 'mười', ten, before 'mươi')
_DIGIT = {w: int(v) for w, v in _V["digits"].items()}
_BUILD = dict(_V["build"])
_DIGIT_FOLDED: dict[str, int] = {}
_BUILD_FOLDED: dict[str, str] = {}
for _w, _d in _DIGIT.items():
    _DIGIT_FOLDED.setdefault(fold_lower(_w), _d)
for _w, _k in _BUILD.items():
    _BUILD_FOLDED.setdefault(fold_lower(_w), _k)
del _w, _d, _k
# the words around a spoken number ('tuổi', 'giờ', 'tháng' ...), as written and folded
_W = dict(_V["words"])
_WF = {k: fold_lower(w) for k, w in _W.items()}
_NOT_BEFORE_AGE = frozenset(_V["not_before_age"])  # as written
_NOT_BEFORE_AGE_F = frozenset(_V["not_before_age_folded"])  # in a text without marks
_DAY_WORDS = (_W["day"], _W["mung"], _W["mong"])  # 'ngày', 'mùng' / 'mồng' (the first ten days) before a date
_DAY_WORDS_F = tuple(fold_lower(w) for w in _DAY_WORDS)
_WEEKDAYS = frozenset(_V.get("weekdays_before", ()))
_WEEKDAY_FIRST = frozenset(w.split()[0] for w in _WEEKDAYS)
_NEVER_FIRST = frozenset(_V["never_first"])
_WEEKDAY_LEADS = frozenset(fold_lower(w) for w in _V["weekday_leads"])
_CALENDAR_AFTER = frozenset(fold_lower(w) for w in _V["calendar_after"])
# 'mười tám tháng tuổi', 'tám ngày tuổi', 'ba tuần tuổi': a unit of time between the number and 'tuổi'
_AGE_UNITS = frozenset(fold_lower(w) for w in _V["age_units"])
# a clock time said with its minutes after one of these ('kết thúc chín giờ hai mươi hai', 'chừng sáu giờ bốn mươi')
_CLOCK_BEFORE = frozenset(_V["clock_before"])
# a number of hours after one of these is a duration ('trong hai giờ mười', 'mỗi hai giờ')
_DURATION_BEFORE = frozenset(_V["duration_before"])
# a part of the day, and 'nay' / 'mai' / 'qua' after it, right before a time ('chiều nay ba giờ')
_DAY_PART_BEFORE = frozenset(_V["day_part_before"])
# nouns before an ordinal 'thứ hai' ('lần thứ hai', 'con thứ ba'): no weekday there
_ORDINAL_NOUNS = frozenset(fold_lower(w) for w in _V["ordinal_nouns"])

_AFTER_AGE = frozenset(_V["after_age"])
_PERSON_AFTER_THIS_YEAR = frozenset(_V["person_after_this_year"])
_DAY_PARTS = frozenset(_V["day_parts"])
_TIME_BEFORE = frozenset(_V["time_before"])
_OWNER_FILLERS = frozenset(_V["owner_fillers"])
_PHONE_SPOKEN_CUES = phrase_set(_V["phone_spoken_cues"])
_CHILD_WORDS = frozenset(_V["child_words"])
_NOT_AFTER_CHILD_MONTHS = frozenset(_V["not_after_child_months"])


def _word(ctx: Context, i: int) -> tuple[str, object] | None:
    """('digit', d) or ('build', kind) for a number word at token i, else None. Text with diacritics
    matches as written ('năm' is five, 'nam' is male); text without them matches the folded forms."""
    t = ctx.tokens[i]
    if t.kind != "word":
        return None
    w = t.text.lower()
    if ctx.diacritics:
        if w in _DIGIT:
            return "digit", _DIGIT[w]
        if w in _BUILD:
            return "build", _BUILD[w]
        return None
    f = ctx.ftoks[i]
    if f in _DIGIT_FOLDED:
        return "digit", _DIGIT_FOLDED[f]
    if f in _BUILD_FOLDED:
        return "build", _BUILD_FOLDED[f]
    return None


def _number_run(ctx: Context, i: int) -> int:
    """End (exclusive) of the run of number words from token i, on one line, spaces only between them."""
    n = len(ctx.tokens)
    e = i
    while e < n and e - i < 12 and _word(ctx, e) is not None and (e == i or ctx.adj[e - 1]):
        e += 1
    return e


def spoken_value(ctx: Context, i: int, e: int) -> int | None:
    """The value of number words i..e-1 read as one cardinal ('bảy mươi tư' 74, 'một trăm linh hai' 102,
    'mười lăm' 15, 'một trăm tư' 140, 'tám tư' 84 as said for short), or None when they make no one number."""
    total, cur = 0, 0
    pend: int | None = None  # a digit not yet placed (units, or tens / hundreds when 'mươi' / 'trăm' follows)
    after_hundred = False
    last = None  # the previous word's part: 'digit' (pending), 'unit', 'ten', 'tens', 'hundred', 'zero'
    for x in range(i, e):
        kind, v = _word(ctx, x)
        if kind == "digit":
            if last in ("ten", "tens", "zero"):
                cur += v
                last = "unit"
            elif last in (None, "hundred"):
                pend, after_hundred, last = v, last == "hundred", "digit"
            elif last == "digit" and x == i + 1 and e - i == 2 and pend >= 2:
                cur, pend, last = pend * 10 + v, None, "unit"  # 'tám tư': eighty-four
            else:
                return None  # 'hai ba' is two numbers (2-3), not one
        elif v == "ten" and last == "digit" and not ctx.diacritics and pend >= 2:
            cur, pend, last = cur + pend * 10, None, "tens"  # without marks 'muoi' is also 'mươi': 'bay muoi'
        elif v == "ten":
            if last not in (None, "hundred", "zero"):
                return None
            cur += 10
            last = "ten"
        elif v == "tens":
            if last != "digit" or pend < 2:
                return None
            cur, pend, last = cur + pend * 10, None, "tens"
        elif v == "hundred":
            if last != "digit" or after_hundred:
                return None
            cur, pend, last = cur + pend * 100, None, "hundred"
        elif v == "zero":
            if last != "hundred" and not (last is None and total and not cur and pend is None):
                return None  # ('một trăm linh hai'; 'hai ngàn lẻ ba' is 2003, said without 'không trăm')
            last = "zero"
        elif v == "thousand":
            if last == "digit" and not after_hundred:
                cur, pend = cur + pend, None
            if cur == 0 or last in ("zero", "hundred") or pend is not None:
                return None
            total, cur, last = total + cur * 1000, 0, None
    if last == "zero":
        return None
    if pend is not None:
        cur += pend * 10 if after_hundred else pend
    return total + cur


def spoken_number_end(ctx: Context, i: int, max_value: int = 9999) -> int:
    """End of a spelled-out number starting at token i (i when there is none): the value of a house number
    or an alley read aloud ('chín', 'một trăm linh hai')."""
    if i >= len(ctx.tokens) or ctx.ftoks[i] in _NEVER_FIRST or (ctx.diacritics and ctx.tokens[i].text.lower() in _NEVER_FIRST):
        return i
    e = _number_run(ctx, i)
    while e > i:
        v = spoken_value(ctx, i, e)
        if v is not None and 0 < v <= max_value:
            return e
        e -= 1
    return i


def _spoken_year(ctx: Context, x: int) -> int:
    """End of a year said in words from token x, or 0: digit by digit ('một chín tám lăm', 'hai không hai lăm' -
    the last two may be said as one number: 'hai không hai mươi lăm') or as a cardinal ('hai nghìn hai mươi lăm')."""
    e = _number_run(ctx, x)
    if e - x >= 4 and all(_word(ctx, y)[0] == "digit" for y in range(x, x + 2)) and _word(ctx, x)[1] in (1, 2):
        head = _word(ctx, x)[1] * 10 + _word(ctx, x + 1)[1]
        if head in (19, 20):
            # the last two digits: two digit words ('tám lăm' read as 8, 5) or one number ('hai mươi lăm')
            if all(_word(ctx, y)[0] == "digit" for y in range(x + 2, x + 4)) and (x + 4 == e or _word(ctx, x + 4)[0] == "digit"):
                return x + 4
            t_end = spoken_number_end(ctx, x + 2, 99)
            if t_end > x + 2:
                return t_end
    end = spoken_number_end(ctx, x, 2100)
    year = spoken_value(ctx, x, end) if end > x else None
    return end if year is not None and 1900 <= year <= 2100 else 0


_NUMBER_WORDS = frozenset(_DIGIT) | frozenset(_BUILD)
_NUMBER_WORDS_FOLDED = frozenset(_DIGIT_FOLDED) | frozenset(_BUILD_FOLDED)


class SpokenNumberRecognizer(Recognizer):
    name = "spoken"
    labels = ("PHONE", "ID", "AGE", "DATE")

    def analyze(self, ctx: Context) -> list[Candidate]:
        out: list[Candidate] = []
        toks, ft = ctx.tokens, ctx.ftoks
        n = len(toks)
        # number words as `_word` matches them (with their marks, or folded in a text without): a token that is
        # none of them is skipped without a call
        number_words = _NUMBER_WORDS if ctx.diacritics else _NUMBER_WORDS_FOLDED
        kt = ctx.ktoks
        if not any(k in number_words and _word(ctx, x) is not None for x, k in enumerate(kt)):
            return out
        c = cues()
        from .patterns import _kind_cue  # the ID cues ('mã', 'CCCD', 'số thẻ') the ID recognizer knows

        phones: list[str] = []  # the digits of each phone number read aloud, for its pieces said again
        i = 0
        while i < n:
            if kt[i] not in number_words or _word(ctx, i) is None:
                i += 1
                continue
            digits = self._digit_run(ctx, i)
            if digits:
                e, ds = digits
                s = toks[i].start
                # the cue may stand a few words back: 'số căn cước của bà là ...', 'số điện thoại chị là ...'
                k = i
                while k > 0 and i - k < 4 and ft[k - 1] in _OWNER_FILLERS:
                    k -= 1
                phone_cue = ctx.cue_before(i, c["phone_cues"]) or ctx.cue_before(i, _PHONE_SPOKEN_CUES, skip=":") \
                    or ctx.cue_before(k, c["phone_cues"])
                kind, id_cue = _kind_cue(ctx, i)
                if not id_cue:
                    kind, id_cue = _kind_cue(ctx, k)
                phone_like = len(ds) in (10, 11) and ds[0] == 0 and ds[1] != 0  # a mobile (10) or a landline (11)
                if id_cue and not phone_cue and not (phone_like and kind in ("serial", "labelled", None)):
                    out.append(Candidate(s, toks[e - 1].end, "ID", 0.85, self.name,
                                         _WHY["id_digits"], {"kind": kind or "other"}))
                elif phone_like or (phone_cue and 9 <= len(ds) <= 11):
                    phones.append("".join(map(str, ds)))
                    out.append(Candidate(s, toks[e - 1].end, "PHONE", 0.9 if phone_cue else 0.85, self.name,
                                         _WHY["phone_digits"] + (_WHY["phone_cue"] if phone_cue else "")))
                i = e
                continue
            e = spoken_number_end(ctx, i, 125)
            if e > i:
                # 'bảy mươi tư tuổi', 'mười tám tháng tuổi'
                a = e + 1 if e < n and ft[e] in _AGE_UNITS and e + 1 < n and ft[e + 1] == _WF["age"] else e
                if a < n and ft[a] == _WF["age"] and ctx.adj[a - 1] and self._said(ctx, a, (_W["age"],)):
                    if not self._not_before_age(ctx, i):
                        out.append(Candidate(toks[i].start, toks[a].end, "AGE", 0.85, self.name, _WHY["age_words"]))
                    # either way the whole number is read: no age from its tail ('trong hai mươi tuổi')
                    i = a + 1
                    continue
                # 'con nhỏ mười bốn tháng', 'bé chín tháng': a child's age in months, said without 'tuổi'
                if e < n and ft[e] == _WF["month"] and ctx.adj[e - 1] and self._said(ctx, e, (_W["month"],)) \
                        and (spoken_value(ctx, i, e) or 0) <= 36 and self._child_before(ctx, i) \
                        and not (e + 1 < n and ctx.adj[e] and ft[e + 1] in _NOT_AFTER_CHILD_MONTHS):
                    out.append(Candidate(toks[i].start, toks[e].end, "AGE", 0.8, self.name, _WHY["child_months_words"]))
                    i = e + 1
                    continue
                # 'mẹ chị năm nay tám mươi rồi': after 'năm nay' (this year) a number alone is the person's age
                # ... or one person word after it ('năm nay bà bảy mươi tư rồi')
                j = i - 1 if i > 2 and ft[i - 1] in _PERSON_AFTER_THIS_YEAR and ctx.adj[i - 1] else i
                if j > 1 and ft[j - 2] == _WF["year"] and ft[j - 1] == _WF["this"] and self._said(ctx, j - 2, (_W["year"],)) \
                        and ctx.adj[j - 2] and ctx.adj[j - 1] and (spoken_value(ctx, i, e) or 0) >= 10 \
                        and (e >= n or not ctx.adj[e - 1] or toks[e].kind == "punct" or ft[e] in _AFTER_AGE):
                    out.append(Candidate(toks[i].start, toks[e - 1].end, "AGE", 0.8, self.name,
                                         _WHY["age_this_year"]))
                    i = e
                    continue
                # 'bốn giờ chiều', 'lúc bảy giờ rưỡi', 'mười giờ mười lăm phút tối'
                hour = spoken_value(ctx, i, e)
                if e < n and ft[e] == _WF["hour"] and ctx.adj[e - 1] and self._said(ctx, e, (_W["hour"],)) and hour is not None and hour <= 24:
                    t_end = e + 1
                    m_end = spoken_number_end(ctx, t_end, 59) if t_end < n and ctx.adj[t_end - 1] else t_end
                    if m_end > t_end:
                        t_end = m_end + 1 if m_end < n and ft[m_end] == _WF["minute"] and ctx.adj[m_end - 1] else m_end
                    elif t_end < n and ft[t_end] in (_WF["half"], _WF["to"]) and ctx.adj[t_end - 1]:
                        t_end += 1
                        k_end = spoken_number_end(ctx, t_end, 59) if ft[t_end - 1] == _WF["to"] else t_end
                        t_end = k_end
                    part = t_end < n and ctx.adj[t_end - 1] and ctx.ktoks[t_end] in _DAY_PARTS
                    at = i > 0 and ft[i - 1] == _WF["at"]
                    # 'kết thúc chín giờ hai mươi hai', 'chừng sáu giờ bốn mươi' (minutes said: a clock, not hours)
                    at = at or m_end > e + 1 and i > 0 and ctx.adj[i - 1] and ctx.ktoks[i - 1] in _CLOCK_BEFORE
                    # 'giao ca bảy giờ mười': minutes said (ten or more) with no 'phút' and no duration word before
                    at = at or m_end > e + 1 and t_end == m_end and (spoken_value(ctx, e + 1, m_end) or 0) >= 10 \
                        and not (i > 0 and ctx.ktoks[i - 1] in _DURATION_BEFORE) \
                        and not (m_end < n and ctx.adj[m_end - 1] and toks[m_end].kind == "word"
                                 and ctx.ktoks[m_end] not in _DAY_PARTS)  # (then the line, or the sentence, ends)
                    # 'chiều nay ba giờ', 'sáng mai tám giờ rưỡi'
                    at = at or i > 1 and ctx.adj[i - 1] and ctx.adj[i - 2] and ctx.ktoks[i - 2] in _DAY_PARTS \
                        and ctx.ktoks[i - 1] in _DAY_PART_BEFORE
                    if part or at:
                        end = t_end + 1 if part else t_end
                        out.append(Candidate(toks[i].start, toks[end - 1].end, "DATE", 0.8, self.name,
                                             _WHY["time_words"]))
                        i = end
                        continue
            i += 1
        if phones:
            self._phone_pieces(ctx, out, phones)
        self._dates(ctx, out)
        return out

    @staticmethod
    def _phone_pieces(ctx: Context, out: list[Candidate], phones: list[str]) -> None:
        """A phone number is read in pieces, repeated to confirm or corrected ('không chín bốn ba à lộn không chín
        bốn ba sáu một ...', 'dạ không tám bảy bảy dạ không tám bảy bảy hai ba ...'): a run of four digit words or
        more, from 'không', that opens a phone number read aloud elsewhere in the same text is that number too."""
        taken = [(c.start, c.end) for c in out]
        toks = ctx.tokens
        n = len(toks)
        i = 0
        while i < n:
            w = _word(ctx, i)
            if w is None or w != ("digit", 0) or (i > 0 and ctx.adj[i - 1] and _word(ctx, i - 1) is not None):
                i += 1
                continue
            run = SpokenNumberRecognizer._digit_run(ctx, i, 4)
            if run is None:
                i += 1
                continue
            e, ds = run
            s, end = toks[i].start, toks[e - 1].end
            piece = "".join(map(str, ds))
            if any(a < end and s < b for a, b in taken) or not any(p.startswith(piece) and len(piece) < len(p) for p in phones):
                i = e
                continue
            out.append(Candidate(s, end, "PHONE", 0.8, SpokenNumberRecognizer.name, _WHY["phone_piece"]))
            taken.append((s, end))
            i = e

    @staticmethod
    def _child_before(ctx: Context, i: int) -> bool:
        """A child word right before token i ('bé', 'con nhỏ', 'cháu út'; spoken.yaml child_words)."""
        for k in (1, 2):
            if i - k >= 0 and all(ctx.adj[i - k:i]) and " ".join(ctx.ftoks[i - k:i]) in _CHILD_WORDS:
                return True
        return False

    @staticmethod
    def _not_before_age(ctx: Context, i: int) -> bool:
        """The word before token i makes the number a count of years ('trong', 'mỗi'), compared with its marks
        where the text has them ('mới hai tuổi' is an age), folded where it has none."""
        if i == 0:
            return False
        if ctx.diacritics:
            return ctx.tokens[i - 1].text.lower() in _NOT_BEFORE_AGE
        return ctx.ftoks[i - 1] in _NOT_BEFORE_AGE_F

    @staticmethod
    def _said(ctx: Context, i: int, marked: tuple[str, ...]) -> bool:
        """Token i is the word as written with its marks in a text that has them ('tuổi', not 'tuoi' there)."""
        return not ctx.diacritics or ctx.tokens[i].text.lower() in marked

    @staticmethod
    def _digit_run(ctx: Context, i: int, least: int = 9) -> tuple[int, list[int]] | None:
        """A run of `least` (9) words or more that are each a single digit (commas between groups allowed): a number
        read out digit by digit. None when the run holds tens or hundreds words or is shorter."""
        n = len(ctx.tokens)
        ds: list[int] = []
        e = i
        last_word = i
        while e < n:
            w = _word(ctx, e)
            if w is not None and w[0] == "digit":
                ds.append(w[1])
                last_word = e
                e += 1
                continue
            if ctx.ftoks[e] in (",", ".", "-") and e + 1 < n and _word(ctx, e + 1) is not None and ds \
                    and "\n" not in ctx.text[ctx.tokens[e - 1].end:ctx.tokens[e + 1].start]:
                e += 1
                continue
            break
        if len(ds) < least or not all(ctx.adj[x] or ctx.ftoks[x + 1] in (",", ".", "-") or ctx.ftoks[x] in (",", ".", "-")
                                  for x in range(i, last_word)):
            return None
        return last_word + 1, ds

    @staticmethod
    def _dates(ctx: Context, out: list[Candidate]) -> None:
        """'ngày mười lăm tháng ba', 'mùng năm tháng hai năm hai nghìn hai mươi lăm': a date read aloud."""
        toks, ft = ctx.tokens, ctx.ftoks
        n = len(toks)
        for i in range(n - 2):
            # 'sinh năm một chín tám lăm' (a year read digit by digit), 'sinh năm hai nghìn không trăm mười'
            if ft[i] == _WF["born"] and ft[i + 1] == _WF["year"] and SpokenNumberRecognizer._said(ctx, i + 1, (_W["year"],)) \
                    and ctx.adj[i] and ctx.adj[i + 1]:
                x = i + 2
                end = _spoken_year(ctx, x)
                if not end and x < n:
                    # 'sinh năm bốn tư' ('44): two digits said as one number, 20 to 99
                    e2 = spoken_number_end(ctx, x, 99)
                    v2 = spoken_value(ctx, x, e2) if e2 > x else None
                    end = e2 if v2 is not None and 20 <= v2 <= 99 and e2 - x <= 3 else 0
                if end:
                    out.append(Candidate(toks[x].start, toks[end - 1].end, "DATE", 0.85, SpokenNumberRecognizer.name,
                                         _WHY["birth_year_words"]))
        # 'tới mười lăm tây mới vô bờ' (the 15th of the solar month): a day said before the calendar's word
        for i in range(1, n - 1):
            if ft[i] in _CALENDAR_AFTER and ctx.adj[i - 1] and SpokenNumberRecognizer._said(ctx, i, tuple(_V["calendar_after"])) \
                    and not (ctx.adj[i] and ft[i + 1] in ("nam", "bac")):  # ('tây nam', 'tây bắc': a direction)
                d = i - 1
                while d > 0 and i - d < 3 and ctx.adj[d - 1] and _word(ctx, d - 1) is not None:
                    d -= 1
                while d < i and spoken_number_end(ctx, d, 31) != i:
                    d += 1
                if d < i and (d == 0 or ft[d - 1] not in _ORDINAL_NOUNS):
                    out.append(Candidate(toks[d].start, toks[i].end, "DATE", 0.75, SpokenNumberRecognizer.name,
                                         _WHY["date_words"]))
        month_word = _WF["month"]
        for i in range(n - 3):
            fi = ft[i]
            if fi not in _DAY_WORDS_F and fi != month_word and fi not in _WEEKDAY_FIRST:
                continue  # (most tokens: one set look-up)
            is_weekday = fi in _WEEKDAY_FIRST and i + 1 < n and ctx.adj[i] and f"{fi} {ft[i + 1]}" in _WEEKDAYS
            # ('ngày thứ năm mùng ba': after 'ngày' the weekday is an ordinal unless 'mùng' and a day follow)
            if is_weekday and i + 3 < n and ctx.adj[i + 1] \
                    and not (i > 0 and ctx.adj[i - 1] and ft[i - 1] in _ORDINAL_NOUNS and ft[i - 1] != _WF["day"]) \
                    and ft[i + 2] in _DAY_WORDS_F[1:] and ctx.adj[i + 2] \
                    and SpokenNumberRecognizer._said(ctx, i + 2, _DAY_WORDS[1:]):
                # 'thứ năm mùng ba' (Thursday the 3rd): 'mùng' says a day of the month follows
                d_end = spoken_number_end(ctx, i + 3, 10)
                if d_end > i + 3:
                    out.append(Candidate(toks[i].start, toks[d_end - 1].end, "DATE", 0.8, SpokenNumberRecognizer.name,
                                         _WHY["date_words"]))
                    continue
            if is_weekday and i > 0 and ctx.adj[i - 1] and ft[i - 1] in _WEEKDAY_LEADS \
                    and not (i > 1 and ctx.adj[i - 2] and ft[i - 2] in _ORDINAL_NOUNS) \
                    and SpokenNumberRecognizer._said(ctx, i - 1, tuple(_V["weekday_leads"])) \
                    and (i + 2 >= n or _word(ctx, i + 2) is None or not ctx.adj[i + 1]):
                # 'từ hôm chủ nhật', 'hôm thứ sáu' (last Sunday, on Friday): the day the talk points at, with 'hôm'
                out.append(Candidate(toks[i - 1].start, toks[i + 1].end, "DATE", 0.75, SpokenNumberRecognizer.name,
                                     _WHY["date_words"]))
                continue
            weekday = fi in _WEEKDAY_FIRST and i + 2 < n and ctx.adj[i] and ctx.adj[i + 1] \
                and f"{fi} {ft[i + 1]}" in _WEEKDAYS \
                and _word(ctx, i + 2) is not None and ctx.tokens[i + 2].text.lower() not in _NEVER_FIRST
            if weekday:
                # 'hôm thứ hai mười bảy' (Monday the 17th), 'thứ năm hai mươi tháng mười một'
                d = i + 2
                d_end = spoken_number_end(ctx, d, 31)
                month = d_end + 1 < n and ft[d_end] == _WF["month"] and ctx.adj[d_end - 1] and ctx.adj[d_end]
                if d_end > d and (d_end >= n or not ctx.adj[d_end - 1] or _word(ctx, d_end) is None) \
                        and ((spoken_value(ctx, d, d_end) or 0) >= 10 or month) \
                        and not (i > 0 and ctx.adj[i - 1] and ft[i - 1] in _ORDINAL_NOUNS):
                    # (a day of ten or more, or a month after it: 'thứ ba hai viên' is no date; 'lần thứ hai' an ordinal)
                    end = d_end
                    if month:
                        m_end = spoken_number_end(ctx, d_end + 1, 12)
                        end = m_end if m_end > d_end + 1 else d_end
                    out.append(Candidate(toks[i].start, toks[end - 1].end, "DATE", 0.8, SpokenNumberRecognizer.name,
                                         _WHY["date_words"]))
                continue
            if ft[i] == _WF["month"] and i > 0 and ctx.adj[i - 1] and (i < 2 or ft[i - 2] not in _DAY_WORDS_F) \
                    and SpokenNumberRecognizer._said(ctx, i, (_W["month"],)):
                # 'ba mốt tháng mười hai năm hai không hai sáu': day, month and year said, no 'ngày' before
                d = i - 1
                while d > 0 and i - d < 3 and ctx.adj[d - 1] and _word(ctx, d - 1) is not None:
                    d -= 1
                while d < i and spoken_number_end(ctx, d, 31) != i:
                    d += 1
                m_end = spoken_number_end(ctx, i + 1, 12) if ctx.adj[i] else i + 1
                if d < i and m_end > i + 1 and m_end + 1 < n and ft[m_end] == _WF["year"] and ctx.adj[m_end - 1] \
                        and ctx.adj[m_end] and (d == 0 or ft[d - 1] not in _DAY_WORDS_F):
                    y = _spoken_year(ctx, m_end + 1)
                    if y:
                        out.append(Candidate(toks[d].start, toks[y - 1].end, "DATE", 0.85, SpokenNumberRecognizer.name,
                                             _WHY["date_words"]))
                continue
            if ft[i] not in _DAY_WORDS_F or not SpokenNumberRecognizer._said(ctx, i, _DAY_WORDS):
                continue
            d = i + 1
            if ft[i] == _WF["day"] and ft[d] in _DAY_WORDS_F[1:] and ctx.adj[i] and d + 1 < n:
                d += 1  # 'ngày mùng năm tháng hai'
            d_end = spoken_number_end(ctx, d, 31) if ctx.adj[d - 1] else d
            if d_end == d or d_end >= n or ft[d_end] != _WF["month"] or not ctx.adj[d_end - 1]:
                continue
            m_end = spoken_number_end(ctx, d_end + 1, 12) if d_end + 1 < n and ctx.adj[d_end] else d_end + 1
            if m_end == d_end + 1:
                continue
            end = m_end
            if end + 1 < n and ft[end] == _WF["year"] and ctx.adj[end - 1] and ctx.adj[end]:
                y = _spoken_year(ctx, end + 1)
                if y:
                    end = y
                elif toks[end + 1].kind == "number" and len(ft[end + 1]) == 4:
                    end = end + 2
            start = i
            if i >= 2 and ctx.adj[i - 2] and ctx.adj[i - 1] and f"{ft[i - 2]} {ft[i - 1]}" in _WEEKDAYS:
                start = i - 2  # 'thứ sáu ngày hai mươi ba tháng mười'
            out.append(Candidate(toks[start].start, toks[end - 1].end, "DATE", 0.85, SpokenNumberRecognizer.name,
                                 _WHY["date_words"]))
