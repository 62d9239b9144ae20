"""Dates, times, ages, codes and spelled names said aloud, for the strict profile (run by strict_finder.py).

Speech-to-text writes numbers as words. Around a date or time word they are an identifier:
- a date, numbers on both sides of `tháng` with the year after `năm` (`mười bốn tháng ba năm hai nghìn ...`; a
  duration, `sốt 3 tháng nay`, has none after it), or a day and month as two numbers after `ngày` (`ngay 06 10`);
- a clock time, numbers on both sides of `giờ` (`chín giờ hai mươi hai`), or an hour with a part of the day
  (`chiều nay ba giờ`, `tám giờ sáng`): an hour alone may be a duration (`sau hai giờ`);
- a weekday with the day's number (`hôm thứ hai mười bảy`);
- a birth year after `sinh năm` / `năm sinh` (`sinh năm bốn tư`);
- an age, a number before `tuổi` or before `ngày/tháng/tuần tuổi` (`tám ngày tuổi`);
- a name spelled letter by letter before its tone mark (`đê a en gờ có dấu huyền`, `mờ y dấu ngã`).
An hour written with `g` or `h` (`8h`, `9g30`, typed one by one in chats `7 g 3 0`) is an appointment's time when
its clause names the day before it (`hẹn thứ 5 17/12 8h`, `mai 8g sáng`), with the part of the day after it.
An age written bare in digits goes too when a sex follows it (`61M`, `29 F`) or it stands between a name or a
nationality and a comma (`Kenji Sato, 61, …`, `(Vietnamese, 29)`).
Digits and letters spelled one by one are a code: six or more in a run (`không chín một hai ...`, `gờ đê bốn ...`),
or four digits from `không` (a phone number: `em | không tám bảy bảy`).
The words are data (words.yaml); each rule is one walk over the tokens.
"""
from __future__ import annotations

import re

from ..text.fold import fold_lower


def _spoken_words(finder, L):
    """The word lists and token keys to compare: as written in text with marks ('bà', 'sau', 'Nam' are no 'ba',
    'sáu', 'năm'), folded in text without."""
    toks = finder.ctx.tokens
    if finder.marks:
        return toks, L["marked_words"], [t[0].lower() for t in toks]
    return toks, L["words"], finder.ctx.ftoks


def spoken_dates(finder, L) -> None:
    ctx = finder.ctx
    toks, W, f = _spoken_words(finder, L)
    n = len(toks)

    def num(k: int) -> bool:
        return 0 <= k < n and toks[k][3] == "word" and f[k] in W["number_words"]

    def run_after(k: int, most: int) -> int:
        """The index after the number words from k on (at most `most`)."""
        b = k
        while b < n and b - k < most and num(b) and (b == k or ctx.adj[b - 1]):
            b += 1
        return b

    def adj(a: int, b: int) -> bool:
        return all(ctx.adj[a:b])

    for i in range(n):
        if toks[i][3] != "word":
            continue
        # a clock time
        if f[i] in W["hour_words"] and num(i - 1) and ctx.adj[i - 1]:
            a = i - 1
            while a > 0 and i - a < 3 and ctx.adj[a - 1] and num(a - 1):
                a -= 1
            b = i
            while b + 1 < n and b - i < 4 and ctx.adj[b] and (num(b + 1) or f[b + 1] in W["minute_words"]):
                b += 1
            part_before = a >= 1 and ctx.adj[a - 1] and (f[a - 1] in W["day_parts"] or a >= 2 and ctx.adj[a - 2]
                                                          and f[a - 2] in W["day_parts"] and f[a - 1] in W["day_deixis"])
            part_after = b + 1 < n and ctx.adj[b] and f[b + 1] in W["day_parts"]
            if b > i or part_before or part_after:
                finder.take_free(toks[a][1], toks[b + 1 if part_after else b][2], "DATE", "strict: clock time in words")
            continue
        # a weekday and the day's number ('thứ hai mười bảy')
        if f[i] in W["weekday_head"] and i + 2 < n and num(i + 1) and adj(i, i + 2) and num(i + 2) \
                and not (i > 0 and f[i - 1] in W["ordinal_heads"]):  # ('lần thứ tư | ba mươi chín tuổi')
            b = run_after(i + 2, 3)
            finder.take_free(toks[i][1], toks[b - 1][2], "DATE", "strict: weekday and day in words")
            continue
        # a birth year ('sinh năm bốn tư', 'năm sinh một chín tám chín')
        if i + 2 < n and adj(i, i + 2) and f"{f[i]} {f[i + 1]}" in W["birth_year_cues"] and num(i + 2):
            b = run_after(i + 2, 4)
            finder.take_free(toks[i + 2][1], toks[b - 1][2], "DATE", "strict: birth year in words")
            continue
        # an age ('hai mươi hai tuổi', 'tám ngày tuổi')
        if f[i] in W["age_words"]:
            a = i - 1
            if a >= 0 and ctx.adj[a] and f[a] in W["age_units"] and a >= 1 and ctx.adj[a - 1]:
                a -= 1
            if a >= 0 and ctx.adj[a] and num(a):
                while a > 0 and ctx.adj[a - 1] and num(a - 1) and i - a < 5:
                    a -= 1
                if a > 0 and f[a - 1] in W["weekday_head"] and ctx.adj[a - 1]:
                    a += 1  # ('lần thứ tư | ba mươi chín tuổi')
                if num(a):
                    finder.take_free(toks[a][1], toks[i][2], "AGE", "strict: age in words")
            elif not (i > 0 and ctx.adj[i - 1] and (toks[i - 1][3] == "number" or f[i - 1] in W["age_units"])):
                # the age word as a field's label before the number ('Tuổi bốn mươi chín', 'tuổi: ba mươi'); not
                # the unit of an age just said ('45 tuổi | hai con', '3 tháng tuổi')
                b = i + 1 if i + 1 < n and ctx.adj[i] else n
                if b < n and toks[b][0] == ":" and b + 1 < n and ctx.adj[b]:
                    b += 1
                if num(b):
                    e = run_after(b, 4)
                    if not (e < n and ctx.adj[e - 1] and f[e] in W["age_units"]):  # ('tuổi hai tháng': no field)
                        finder.take_free(toks[b][1], toks[e - 1][2], "AGE", "strict: age in words after its label")
            continue
        # a name spelled letter by letter before its tone mark ('đê a en gờ có dấu huyền')
        if f[i] in W["tone_head"] and i + 1 < n and ctx.adj[i] and f[i + 1] in W["tone_names"]:
            b = i - 1
            if b >= 0 and f[b] in W["tone_before"] and ctx.adj[b]:
                b -= 1
            a = b
            while a >= 0 and b - a < 8 and toks[a][3] == "word" and f[a] in W["letter_names"] and (a == b or ctx.adj[a]):
                a -= 1
            if b - a >= 1:
                finder.take_free(toks[a + 1][1], toks[b][2], "NAME", "strict: name spelled letter by letter")


def spelled_dates(finder, L) -> None:
    """'mười bốn tháng ba năm hai nghìn ...', 'ngay 06 10': numbers on both sides of 'tháng' (a duration,
    'sốt 3 tháng nay', has none after it), with the year after 'năm'."""
    toks, spoken, marks, ctx = finder.ctx.tokens, L["spoken"], finder.marks, finder.ctx
    W = L["words"]
    n = len(toks)

    def num(k: int, after_month: bool = False) -> bool:
        if not 0 <= k < n:
            return False
        f = fold_lower(toks[k][0])
        return toks[k][3] == "number" and len(toks[k][0]) <= 4 or toks[k][3] == "word" and (
            spoken.has(toks[k][0], marks) and f not in W["not_numbers"]
            or f in W["lunar_days"] or after_month and f in W["month_names"])

    for i, t in enumerate(toks):
        f = fold_lower(t[0])
        if f in W["day_words"] and i + 2 < n and all(toks[k][3] == "number" and len(toks[k][0]) <= 2 for k in
                                                     (i + 1, i + 2)) and ctx.adj[i] and ctx.adj[i + 1]:
            finder.take_free(toks[i + 1][1], toks[i + 2][2], "DATE", "strict: day and month as numbers")  # 'ngày 18 11'
            continue
        if f not in W["month_word"] or i == 0 or not (num(i - 1) and num(i + 1, True)) or not ctx.adj[i - 1] or not ctx.adj[i]:
            continue
        a = i - 1
        while a > 0 and ctx.adj[a - 1] and num(a - 1) and i - a < 4:
            a -= 1
        b = i + 1
        while b + 1 < n and ctx.adj[b] and (num(b + 1) or fold_lower(toks[b + 1][0]) in W["month_names"] and num(b + 2)) \
                and b - i < 8:
            b += 1
        finder.take_free(toks[a][1], toks[b][2], "DATE", "strict: date in words")


def spelled_characters(finder, L) -> None:
    """Runs of spelled-out digits and letters ('không chín một hai ...', 'gờ đê bốn ...'): six or more."""
    toks, spoken, marks = finder.ctx.tokens, L["spoken"], finder.marks
    foreign = L["spoken_foreign"]  # (French and English ones: 'pé cé vé un deux zéro six')
    i, n = 0, len(toks)
    while i < n:
        j = i
        while j < n and (toks[j][3] == "word" and (spoken.has(toks[j][0], marks) or foreign.has(toks[j][0], True)) or
                         toks[j][3] == "number" and len(toks[j][0]) <= 2 or toks[j][0] in "-.,/") and \
                (j == i or finder.ctx.adj[j - 1] or toks[j][1] - toks[j - 1][2] <= 1):
            j += 1
        k = j
        while k > i and toks[k - 1][3] == "punct":
            k -= 1
        words = [t for t in toks[i:k] if t[3] != "punct"]
        # (four digits said one by one from 'không' start a phone number: 'em | không tám bảy bảy')
        z = next((x for x, t in enumerate(words) if fold_lower(t[0]) == "khong"), None)
        phone = z is not None and len(words) - z >= 4 and all(
            fold_lower(t[0]) in L["words"]["digit_names"] for t in words[z:])
        if len(words) >= 6:
            finder.take_free(toks[i][1], toks[k - 1][2], "ID", "strict: characters spelled aloud")
        elif phone:
            finder.take_free(words[z][1], toks[k - 1][2], "PHONE", "strict: characters spelled aloud")
        i = max(j, i + 1)


def clock_hours(finder, L, P) -> None:
    """An hour in digits with 'g' or 'h' after the day of its clause (patterns.yaml clock_hour, hour_day):
    'hẹn thứ 5 17/12 8h', 'mai 8g sáng', 'chụp lúc 1 9 g 0 0'; with a part of the day right after it."""
    text = finder.text
    parts = L["marked_words"]["day_parts"] | L["words"]["day_parts"]
    cues = L["words"]["hour_cues"]
    days = L["words"]["day_deixis"] | {w for w in L["words"]["weekdays"] if " " not in w}
    for m in P["clock_hour"].finditer(text):
        s, e = m.span()
        # (the allow patterns read '8g' as grams: only the default detector's and earlier strict spans count)
        if any(a < e and s < b for a, b in finder.spans) or any(c.start < e and s < c.end for c in finder.out):
            continue
        line = text.rfind("\n", 0, s) + 1
        day = P["hour_day"].search(text, max(line, s - 60), s)
        # (or the day right after the hour, a part of the day between: 'hẹn 8g sáng 10/12', 'lúc 7h thứ 5')
        day_after = P["day_after_hour"].match(text, e)
        if not day and not day_after:
            continue
        before = text[max(line, s - 30):s].rstrip(" ,")
        last = before.rsplit(None, 1)[-1] if before.split() else ""
        # right after a time word ('lúc 7g'), the date itself ('17/12 8h') or a day word ('mai 8g', 't7 9h')
        if not (fold_lower(last) in cues or day and (before[-1:].isdigit() or fold_lower(last) in days)):
            continue
        nxt = re.match(r"[^\S\n]+(\w+)", text[e:e + 12])
        if nxt and (nxt.group(1).lower() in parts or fold_lower(nxt.group(1)) in parts):
            e += nxt.end()
        finder.take(s, e, "DATE", "strict: clock hour after its day")


def bare_ages(finder, L, P) -> None:
    """An age of at most three digits without 'tuổi': before a sex ('61M', '29 F', '| 43 | M'), or after a removed
    name or a nationality and a comma ('Kenji Sato (佐藤 健二), 61, passport …', '(Vietnamese, 29)')."""
    text = finder.text
    ends = {e for _s, e in finder.spans} | {c.end for c in finder.out if c.label == "NAME"}
    for m in P["age_sex"].finditer(text):
        s, e = m.span("age")
        if 0 < int(m.group("age")) <= 120 and finder.free(s, e):
            finder.take(s, e, "AGE", "strict: an age before a sex")
    # the next age of a list after a removed age ('5 tuổi với 18 tháng'): a number and its unit
    ages = sorted({e for _s, e, label in finder.labelled if label == "AGE"} | {c.end for c in finder.out if c.label == "AGE"})
    for end in ages:
        m = P["age_list_next"].match(text, end)
        while m and finder.free(*m.span("age")):
            finder.take(*m.span("age"), "AGE", "strict: the next age of a list")
            m = P["age_list_next"].match(text, m.end())
    for m in P["sex_age"].finditer(text):  # ('Y Pơk, F, 52 y': the name removed before the sex)
        s, e = m.span("age")
        if m.start() in ends and 0 < int(re.match(r"\d+", m.group("age")).group(0)) <= 120 and finder.free(s, e):
            finder.take(s, e, "AGE", "strict: an age after a name and a sex")
    for m in P["age_comma"].finditer(text):
        s, e = m.span("age")
        if not 0 < int(m.group("age")) <= 120 or not finder.free(s, e):
            continue
        head = text[max(0, m.start() - 40):m.start()]
        k = m.start()
        if head.endswith(")"):  # (a name's other script in brackets: 'Kenji Sato (佐藤 健二), 61')
            k = m.start() - len(head) + head.rfind("(")
            while k > 0 and text[k - 1] == " ":
                k -= 1
        word = re.search(r"([^\W\d_]+)\W*$", text[max(0, m.start() - 30):m.start()])
        nation = word and L["known"].has(word.group(1), False) and word.group(1)[:1].isupper() \
            and fold_lower(word.group(1)) in L["nations"]
        if k in ends or nation:
            finder.take(s, e, "AGE", "strict: an age after a name and a comma")


def ages_after_names(finder, L, P) -> None:
    """An age with its unit right after a removed person's name ('ly seo pao 9 thang', 'Quach Gia Han 14 thang,'),
    read once every name pass has run; and an age in hours or days with 'tuổi' anywhere ('30 giờ tuổi')."""
    text = finder.text
    for key in ("age_unit_old", "age_years_months", "age_field_en"):  # ('30 giờ tuổi', '(2 y 2 m)', 'Age: 2 hours')
        for m in P[key].finditer(text):
            if finder.free(*m.span("age")):
                finder.take(*m.span("age"), "AGE", "strict: an age in hours, days or months")
    ends = {e for _s, e, label in finder.labelled if label == "NAME"} | {c.end for c in finder.out if c.label == "NAME"}
    for end in sorted(ends):
        m = P["age_after_name"].match(text, end)
        if m and 0 < int(re.match(r"\d+", m.group("age")).group(0)) <= 120 and finder.free(*m.span("age")):
            finder.take(*m.span("age"), "AGE", "strict: an age after a name")
    # a bare age in a table's rows: the number right after a removed name and before a word, where two rows or more
    # of the text have that shape ('Thào A Sình 40 lao phổi', 'Giàng Thị Nhè 62 lao hạch'); not before a unit
    # or a count word ('3 viên', '2 lần'; those are doses and counts)
    units = L["words"]["age_units"] | L["words"]["age_words"] | L["words"]["count_words"]
    rows: dict[int, tuple[int, int]] = {}
    for end in sorted(ends):
        m = P["age_column_after_name"].match(text, end)
        if m and 0 < int(m.group("age").translate(_OCR_DIGITS)) <= 120 and fold_lower(m.group("next")) not in units \
                and finder.free(*m.span("age")):
            rows.setdefault(text.rfind("\n", 0, end), m.span("age"))
    if len(rows) >= 2:
        for s, e in rows.values():
            finder.take(s, e, "AGE", "strict: a bare age in a table row after a name")


_OCR_DIGITS = str.maketrans("OlI", "011")


def _pin_after(f, k: int, n: int, ctx, W) -> int:
    """How many words at f[k:] pin a weekday said before them ('vừa rồi', 'tuần sau', 'này'; words.yaml
    weekday_pinned_by, week_tails): 0, 1 or 2."""
    two = f"{f[k]} {f[k + 1]}" if k + 1 < n and ctx.adj[k] else ""
    if two in W["weekday_pinned_by"] or f[k] in W["week_words"] and k + 1 < n and ctx.adj[k] and f[k + 1] in W["week_tails"]:
        return 2
    return 1 if f[k] in W["weekday_pinned_by"] else 0


def named_days(finder, L) -> None:
    """Days named in words alone, as speech-to-text and chats write them (issue #15): a weekday ('thứ sáu tuần
    sau', 'chủ nhật này', 'thứ 7 tuần tới'), a month after 'tháng' ('hồi tháng chín', 'tháng mười một'), a lunar day
    ('mùng ba', 'mồng 10') and a solar day ('mười lăm tây') are dates. A weekday goes where a week word pins it
    ('thứ sáu tuần sau'); an ordinal is none ('lần thứ ba'), nor a count of months ('ba tháng', 'mỗi tháng hai
    lần'); words.yaml weekdays_said, month_numbers."""
    ctx = finder.ctx
    toks, W, f = _spoken_words(finder, L)
    n = len(toks)
    numbers = W["number_words"]

    def word(k: int) -> bool:
        return 0 <= k < n and toks[k][3] == "word"

    def num(k: int) -> bool:
        return word(k) and f[k] in numbers or 0 <= k < n and toks[k][3] == "number" and len(toks[k][0]) <= 2

    def before(k: int) -> str:
        return f[k - 1] if k > 0 and ctx.adj[k - 1] else ""

    def after(k: int) -> str:
        return f[k + 1] if k + 1 < n and ctx.adj[k] else ""

    ordinal = W["ordinal_heads"] | W["weekday_not_after"]
    date_ends = {e for _s, e, label in finder.labelled if label == "DATE"} | \
        {c.end for c in finder.out if c.label == "DATE"}
    for i in range(n - 1):
        if not word(i) or not ctx.adj[i]:
            continue
        pair = f"{f[i]} {f[i + 1]}"
        # a weekday ('thứ sáu', 'thứ 7', 'chủ nhật')
        pinned = after(i + 1) in W["weekday_pinned_by"] or i + 2 < n and ctx.adj[i + 1] \
            and f"{after(i + 1)} {after(i + 2)}" in W["weekday_pinned_by"]
        # (or a removed clock time or date just before it, a part of the day between: 'sáu giờ mười lăm sáng thứ
        # ba', '8g thứ năm')
        p = i - 1
        pinned = pinned or p >= 0 and ctx.adj[p] and (toks[p][2] in date_ends or f[p] in W["day_parts"]
                                                       and p >= 1 and ctx.adj[p - 1] and toks[p - 1][2] in date_ends)
        # (or a word before it that sets a deadline or an appointment, no count after: 'trước thứ 4', 'hẹn thứ 5')
        pinned = pinned or before(i) in W["weekday_pinned_before"] and after(i + 1) not in W["weekday_not_before"]
        # (an ordinal head is none before 'chủ nhật', which counts nothing, nor before a weekday that a week word
        # after it pins: 'bữa chủ nhật', 'bữa thứ bảy vừa rồi' are days)
        pin_after = _pin_after(f, i + 2, n, ctx, W) if i + 2 < n and ctx.adj[i + 1] else 0
        if (pair in W["weekdays_said"] or f[i] in W["weekday_head"] and toks[i + 1][3] == "number"
                and toks[i + 1][0] in ("2", "3", "4", "5", "6", "7")) and pinned \
                and (before(i) not in ordinal or f[i] not in W["weekday_head"] or pin_after and before(i) in W["day_heads_soft"]):
            # (the week word goes with the day, as annotators take it: 'chủ nhật vừa rồi', 'thứ sáu tuần sau')
            finder.take_free(toks[i][1], toks[i + 1 + pin_after][2], "DATE", "strict: weekday in words")
            continue
        # a month in words after 'tháng'
        if f[i] in W["month_word"] and word(i + 1) and f[i + 1] in W["month_numbers" if finder.marks else "month_numbers_plain"] \
                and not num(i - 1) and (before(i) not in W["month_not_after"] or before(i) in W["time_tails"]
                                        and before(i - 1) in W["time_tail_heads"]):
            # ('trước', 'sau' that close a time phrase say which one, the month follows: 'lần trước tháng sáu')
            b = i + 2
            if b < n and ctx.adj[b - 1] and (f[i + 1] in ("mười",) and word(b) and f[b] in ("một", "hai")):
                b += 1  # ('tháng mười một', 'tháng mười hai')
            if num(b) and ctx.adj[b - 1] or after(b - 1) in W["month_not_before"]:
                continue  # ('tháng hai lần', 'tháng ba mươi': a count follows, no month)
            finder.take_free(toks[i][1], toks[b - 1][2], "DATE", "strict: month in words")
            continue
        # a lunar day ('mùng ba', 'mồng 10') or a solar day ('mười lăm tây')
        if f[i] in W["lunar_days"] and f[i] != "rằm" and num(i + 1):
            b = i + 2
            while b < n and b - i < 4 and ctx.adj[b - 1] and word(b) and f[b] in numbers:
                b += 1
            finder.take_free(toks[i][1], toks[b - 1][2], "DATE", "strict: lunar day")
            continue
        if word(i) and f[i] in numbers and f[i + 1] in W["solar_day_words"]:
            a = i
            while a > 0 and i - a < 2 and ctx.adj[a - 1] and word(a - 1) and f[a - 1] in numbers:
                a -= 1
            finder.take_free(toks[a][1], toks[i + 1][2], "DATE", "strict: solar day in words")


def weekday_dates(finder, L) -> None:
    """A day and month after a weekday ('Follow-up Thu 10/12', 'hẹn thứ 5, 10/12', 'T7 13/12') are a date, though
    alone '10/12' may read as a score or a visual acuity (safe_compound keeps it): the weekday pins it. The weekday
    goes with it (words.yaml weekdays)."""
    toks, ctx = finder.ctx.tokens, finder.ctx
    f, days = ctx.ftoks, L["words"]["weekdays"]
    for k, t in enumerate(toks):
        m = _DAY_MONTH.fullmatch(t[0])
        if not m or int(m.group(1)) > 31 or not 1 <= int(m.group(2)) <= 12 or not finder.free(t[1], t[2]):
            continue
        j = k - 1
        if j >= 0 and toks[j][0] == ",":
            j -= 1
        if j < 0 or toks[j][3] not in ("word", "number"):
            continue
        start = None
        if j >= 1 and f"{f[j - 1]} {f[j]}" in days:
            start = toks[j - 1][1]
        elif toks[j][3] == "word" and f[j] in days:
            start = toks[j][1]
        if start is not None and "\n" not in finder.text[start:t[2]]:
            finder.take_free(start, t[2], "DATE", "strict: a date after its weekday")


_DAY_MONTH = re.compile(r"(\d{1,2})/(\d{1,2})(?:/(?:\d{2}|\d{4}))?")
