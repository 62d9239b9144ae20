"""After the strict profile's spans are joined with the default ones: the words that belong to a removed span.

Head words an annotator counts as part of an address or organisation ('trạm y tế phường …', 'cty may …';
words.yaml widen_heads), the weekday before a removed date ('thứ sáu ngày …', 'Friday, March 14th'), and the
punctuation inside one address, organisation or name ('Co., Ltd.', 'Asante-Boateng', 'KRÖGER, Lena'), the first
number of a house number written with a space ('48 26 Giải Phóng'), the comma
between two parts of one date ('thứ 7 4/5, 12g30'), a digit group between two parts of one card or phone number
and the bracketed area code before a phone number ('(O24) 56B8 7O11'). This reads
the final spans, default and strict together, so it runs once after the engine (strict.strict_spans).
"""
from __future__ import annotations

import re
from itertools import pairwise

from ..schema import Span
from ..text.fold import fold_lower
from .strict_finder import SCORE
from .strict_english import vietnamese_like
from .strict_lists import word_lists



def _inner(text: str, start: int, end: int) -> tuple[int, int]:
    """The part of text[start:end] between its leading and trailing spaces (the gap holds a non-space)."""
    while text[start].isspace():
        start += 1
    while text[end - 1].isspace():
        end -= 1
    return start, end

def widen(text: str, spans: list[Span]) -> list[Span]:
    """Where a removed address or organisation starts after its own head words ('trạm y tế phường …', 'Bảo hiểm
    PVI …', 'cty may …'; `widen_heads` in words.yaml), the strict profile takes them too. (Bridging two spans,
    whole table cells and capitalised runs were tried on the development notes and removed more that annotators
    leave outside, date ranges written as two dates, than they found.) Returns new spans, overlapping none."""
    L = word_lists()
    heads, marked_heads = L["words"]["widen_heads"], L["marked_words"]["widen_heads"]
    places, marked_places = L["words"]["place_heads"], L["marked_words"]["place_heads"]
    marks = len(text.encode("utf-8")) - len(text) > 0.05 * max(1, len(text))  # (letters with marks take 2-3 bytes)
    out: list[Span] = []
    prev_end = 0
    for sp in spans:
        start_from = max(prev_end, text.rfind("\n", 0, sp.start) + 1)
        prev_end = max(prev_end, sp.end)
        # (a removed capitalised run read as a name after a word that only heads a place, 'đèo Pha Đin', 'suối
        # Nậm Rốm', is that place: the head goes too; words.yaml place_heads)
        place = sp.label == "NAME"
        if sp.label not in ("LOCATION", "ORGANIZATION", "NAME") or start_from >= sp.start:
            continue
        before = text[start_from:sp.start]
        words = list(re.finditer(r"[^\W\d_]+", before))
        if not words or before[words[-1].end():] != " ":
            continue  # one space, nothing else, between the head and the span
        k, take = len(words), None
        last = words[-1].group(0)
        if sp.label == "NAME" and len(last) == 1 and last.isupper() and last.lower() in L["words"]["prefix_letters"] \
                and sp.text[:1].isupper() and not (k > 1 and fold_lower(words[-2].group(0)) in L["words"]["letter_heads"]):
            # (the K', Y, H' of a highland name written as a bare capital before the removed name: 'ủng hộ K Thang',
            # 'chở Y Blim'; not a letter after its head, 'vitamin K', 'nhóm A'; words.yaml prefix_letters)
            s = start_from + words[-1].start()
            out.append(Span(s, s + 1, "NAME", last, "strict", SCORE,
                            {"explanation": "strict: the prefix letter of a removed name"}))
            continue
        for n in range(1, min(4, k) + 1):  # the longest head phrase ending right before the span
            gaps = [before[words[j].end():words[j + 1].start()] for j in range(k - n, k - 1)]
            phrase = " ".join(w.group(0) for w in words[-n:])
            # (a head typed without marks in a text with them is compared without, unless it is an English word: a
            # chat line 'xe qua deo | Khau Pha'; 'transfer to | Viện Tim' has no 'tổ')
            plain = phrase.isascii() and not L["known"].has(phrase, True)
            # (in text with marks a head is compared as written: 'to' is no 'tổ', 'SƠ' no 'sở')
            if place:
                if all(g == " " for g in gaps) and words[-n].group(0).islower() \
                        and (phrase.lower() in marked_places if marks and not plain else fold_lower(phrase) in places):
                    take = k - n
            elif all(g == " " for g in gaps) and (
                    phrase.lower() in marked_heads if marks and not plain else fold_lower(phrase) in heads):
                take = k - n
        org_name = False
        if take is None:
            # (a removed name right after an organisation's head and at most two words of its kind is that
            # organisation's name: 'công ty du lịch | biển ngọc xanh'; no person word between, 'phòng khám bác sĩ …')
            take = _org_head_before(before, words, L, marks, most=2 if place else 6)
            org_name = place and take is not None
        if take is not None:
            s, e = start_from + words[take].start(), start_from + words[-1].end()
            out.append(Span(s, e, "ORGANIZATION" if org_name else "LOCATION" if place else "ORGANIZATION"
                            if sp.label == "LOCATION" and fold_lower(words[take].group(0)) not in heads else sp.label,
                            text[s:e], "strict", SCORE,
                            {"explanation": "strict: the head words of a removed address or organisation"}))
    # a weekday written just before a removed date ('thứ sáu ngày …', 'Friday, March 14th', 'Tue 09/20/2025')
    days, marked_days = L["words"]["weekdays"], L["marked_words"]["weekdays"]
    for sp in spans:
        if sp.label != "DATE":
            continue
        base = max(0, sp.start - 30)
        head = text[base:sp.start]
        day = re.search(r"([^\W\d_]+)[^\S\n]+$", head)  # a day word between ('thứ sáu ngày 14/11'; words.yaml)
        day_end = None
        if day and fold_lower(day.group(1)) in word_lists()["words"]["day_words"]:
            head = head[:day.start()]
            day_end = base + day.end(1)  # (it goes with the weekday: 'thứ 5 ngày 3/12')
        m = re.search(r"([^\W\d_]+(?:[^\S\n][^\W\d_0-9]+|[^\S\n]?\d)?)[^\S\n]*,?[^\S\n]*\Z", head)
        first = sp.text.split()[0] if sp.text.split() else ""
        t = re.search(r"(thứ|thu|Thứ|THỨ)[^\S\n]+$", head)
        if t and fold_lower(f"thứ {first}") in days:  # (the span holds the weekday's number: 'thứ | Tư 25/11')
            s = base + t.start(1)
            out.append(Span(s, s + len(t.group(1)), "DATE", t.group(1), "strict", SCORE,
                            {"explanation": "strict: the weekday of a removed date"}))
            continue
        if m:
            words = m.group(1)
            for cand in (words, words.split(None, 1)[-1]):
                if day_end is not None and not re.fullmatch(r"thu[^\S\n]+\w+|t\d|chu nhat|cn", fold_lower(cand)):
                    continue  # (before 'ngày' only a Vietnamese weekday: 'thu ngày 07/12' is money collected)
                # (in text with marks compared as written: 'chuyên môn' holds no 'mon')
                if (cand.lower() in marked_days if marks and not cand.isascii() else fold_lower(cand) in days):
                    s = base + m.start(1) + (len(words) - len(cand))
                    e = s + len(cand)
                    if day_end is not None and re.fullmatch(r"[^\S\n]+", text[e:day_end - len(day.group(1))]):
                        e = day_end
                    out.append(Span(s, e, "DATE", text[s:e], "strict", SCORE,
                                    {"explanation": "strict: the weekday of a removed date"}))
                    break
    # the part of the day written just before a removed date or its weekday ('sáng thứ 7 28/11', 'tối 1/12', 'sang
    # t5 10/12', 'chiều thứ hai ba mươi tháng mười một'; words.yaml day_parts): annotators take it with the date
    parts, marked_parts = L["words"]["day_parts"], L["marked_words"]["day_parts"]
    taken = sorted([*spans, *out], key=lambda s: s.start)
    for sp in taken:
        if sp.label != "DATE" or re.fullmatch(r"\d{1,2}(?:[:hg]\d{0,2})?(?:[^\S\n]*\d{1,2}p?)?", sp.text):
            continue  # (a clock time alone, 'tối 9h', is when a drug is taken, not a date)
        m = re.search(r"(?<![\w/])([^\W\d_]+)[^\S\n]+$", text[max(0, sp.start - 12):sp.start])
        if not m:
            continue
        w = m.group(1)
        if not (w.lower() in marked_parts if marks and not w.isascii() else fold_lower(w) in parts):
            continue
        if marks and w.isascii() and fold_lower(w) in ("toi", "sang"):
            continue  # (in text with marks 'toi', 'sang' are other words: 'chuyển sang 10/12')
        s = sp.start - len(m.group(0))
        if any(x.start < s + len(w) and s < x.end for x in taken):
            continue
        out.append(Span(s, s + len(w), "DATE", w, "strict", SCORE,
                        {"explanation": "strict: the part of the day of a removed date"}))
    # an English month written just before a removed year or day ('Nov 2026', 'last episode March 2025'; words.yaml
    # en_months), capitalised or in capitals ('may' in lower case is a verb)
    months = L["words"]["en_months"]
    for sp in spans:
        if sp.label != "DATE" or not sp.text[:1].isdigit():
            continue
        m = re.search(r"(?<![\w.])([A-Za-z]{3,9})\.?[^\S\n]+$", text[max(0, sp.start - 12):sp.start])
        if m and m.group(1)[0].isupper() and m.group(1).lower() in months:
            s = sp.start - len(m.group(0))
            e = s + len(m.group(0).rstrip())
            if not any(x.start < e and s < x.end for x in [*spans, *out]):
                out.append(Span(s, e, "DATE", text[s:e], "strict", SCORE,
                                {"explanation": "strict: the month of a removed date"}))
    # the level after a removed organisation with no place after it ('CDC tinh gui ve', 'BVĐK tỉnh.'; words.yaml
    # org_level_tails); a place after the level is an address of its own
    tails, marked_tails = L["words"]["org_level_tails"], L["marked_words"]["org_level_tails"]
    for sp in spans:
        if sp.label != "ORGANIZATION":
            continue
        m = re.match(r"[^\S\n]([^\W\d_]+(?:[^\S\n][^\W\d_]+)?)", text[sp.end:sp.end + 14])
        if not m:
            continue
        for cand in (m.group(1), m.group(1).split()[0]):
            if cand.lower() in marked_tails if marks and not cand.isascii() else fold_lower(cand) in tails:
                s, e = sp.end + 1, sp.end + 1 + len(cand)
                after = text[e:e + 2]
                if not re.match(r"[^\S\n]?[A-ZÀ-Ỹ0-9Đ]", after) and \
                        not any(x.start < e and s < x.end for x in [*spans, *out]):
                    out.append(Span(s, e, "ORGANIZATION", text[s:e], "strict", SCORE,
                                    {"explanation": "strict: the level of a removed organisation"}))
                break
    # the first number of a house number written with a space for its slash ('48 26 Giải Phóng', '208 47 Nguyễn
    # Huệ'), before a removed address that opens with a number: a lane and a house, one address
    for sp in spans:
        if sp.label == "LOCATION" and sp.text[:1].isdigit():
            m = re.search(r"(?:^|(?<=[\s,:;(|]))([0-9]{1,4}[A-Za-z]?)[^\S\n]$", text[max(0, sp.start - 8):sp.start])
            label = m and re.search(r"(?:([^\W\d_]+)|[:|\t])[^\S\n]*$",
                                    text[max(0, sp.start - 40):sp.start - len(m.group(0))])
            # (after an address label or a field's colon, tab or pipe: 'Địa chỉ 48 26 …', 'thường trú 208 47 …')
            if label and (not label.group(1) or fold_lower(label.group(1)) in L["words"]["address_labels"]):
                s = sp.start - len(m.group(0))
                out.append(Span(s, s + len(m.group(1)), "LOCATION", m.group(1), "strict", SCORE,
                                {"explanation": "strict: the lane number of a removed address"}))
    # the area code in brackets before a removed phone number, OCR'd or not ('(O24) 56B8 7O11', '(028) 3822 …')
    for sp in spans:
        if sp.label in ("PHONE", "ID"):
            m = re.search(r"\([^\S\n]?[0-9OoIl]{2,4}[^\S\n]?\)[^\S\n]?$", text[max(0, sp.start - 10):sp.start])
            if m:
                s = sp.start - len(m.group(0))
                e = s + len(m.group(0).rstrip())
                out.append(Span(s, e, sp.label, text[s:e], "strict", SCORE,
                                {"explanation": "strict: the area code of a removed phone number"}))
    # the last digit group of a phone number the detector cut short ('0866 417 | 093'): a phone has ten digits
    for sp in spans:
        if sp.label == "PHONE":
            have = sum(c.isdigit() for c in sp.text)
            m = re.match(r"[ .]?(\d{2,4})(?![\w/:,.]\d)(?!\w)", text[sp.end:sp.end + 6])
            if m and have < 10 and 10 <= have + len(m.group(1)) <= 11:
                s, e = sp.end + m.start(1), sp.end + m.end(1)
                out.append(Span(s, e, "PHONE", text[s:e], "strict", SCORE,
                                {"explanation": "strict: the last digits of a removed phone number"}))
    # punctuation alone between two parts of one address or organisation ('Co., Ltd.', 'Rhône-Alpes', 'Q.7, TP')
    for a, b in pairwise(spans):
        # the comma between two removed dates or times of one moment ('thứ 7 4/5, 12g30', 'Fri, May 22nd 2024,
        # 8:30 PM'; annotators leave the dash of a range outside, so only a comma)
        if a.label == "DATE" and b.label == "DATE" and re.fullmatch(r",[^\S\n]*", text[a.end:b.start]) \
                and not (_NUMERIC_DATE.fullmatch(a.text) and _NUMERIC_DATE.fullmatch(b.text)):
            # (two dates in digits are a list, '06/02, 07/02, 08/02/2026': the comma stays)
            out.append(Span(a.end, a.end + 1, "DATE", ",", "strict", SCORE,
                            {"explanation": "strict: the comma inside a removed date"}))
            continue
        # a group of digits alone between two parts of one removed card or phone number ('CCS 44 2446…', 'dt1 3l
        # 3694…'), OCR'd or not
        if b.label in ("ID", "PHONE") and a.end < b.start \
                and re.fullmatch(r" {1,2}(?:[0-9]|O(?=[0-9]))[0-9OlI]{0,3} {1,2}", text[a.end:b.start]) \
                and any(ch.isdigit() for ch in text[a.end:b.start]):
            s, e = _inner(text, a.end, b.start)
            out.append(Span(s, e, b.label, text[s:e], "strict", SCORE,
                            {"explanation": "strict: digits inside a removed card or phone number"}))
            continue
        if a.end < b.start and re.fullmatch(r"-[^\S\n]*\n[^\S\n]*", text[a.end:b.start]) \
                and a.text[-1:].isalpha() and b.text[:1].isalpha():
            # (one word hyphenated at a line's end, whatever the two parts' labels: 'NGUYEN PH-' / 'UONG MY')
            out.append(Span(a.end, a.end + 1, b.label, "-", "strict", SCORE,
                            {"explanation": "strict: punctuation inside a name"}))
            continue
        if a.label in ("LOCATION", "ORGANIZATION") and b.label in ("LOCATION", "ORGANIZATION") and a.end < b.start \
                and not re.fullmatch(r"[^\S\n]+\([^\S\n]*", text[a.end:b.start]) \
                and (re.fullmatch(r"[^\S\n]*[,.\-–—()&/][^\S\n]*(?:[,.\-()&/][^\S\n]*)?", text[a.end:b.start])
                     or b.label == "LOCATION" and re.fullmatch(r"[^\S\n]*[,\-][^\S\n]*\n[^\S\n]*", text[a.end:b.start])):
            # (also a comma or hyphen that ends the line an address goes on from: 'xã Thanh Hà,' / 'Hải Phòng'; not
            # between organisations listed one a line, nor the bracket that opens a second name or a note after a
            # space: 'Co., Ltd (Cty TNHH …)', 'Lạng Sơn (nhà trọ …)')
            s, e = _inner(text, a.end, b.start)
            out.append(Span(s, e, b.label, text[s:e], "strict", SCORE,
                            {"explanation": "strict: punctuation inside an address or organisation"}))
        # the one-letter highland prefix between two removed parts of one name, whatever its case ('vừ | a | thào',
        # 'hứa | a | muội', 'Sùng | A | Páo'; words.yaml name_prefix_letters)
        elif a.label == "NAME" and b.label == "NAME" and b.start - a.end == 3 and text[a.end] == " " \
                and text[b.start - 1] == " " and text[a.end + 1].lower() in L["words"]["name_prefix_letters"]:
            out.append(Span(a.end + 1, a.end + 2, "NAME", text[a.end + 1], "strict", SCORE,
                            {"explanation": "strict: the one-letter prefix inside a name"}))
        # and inside one person's name: a hyphen or an initial's dot with no space ('Asante-Boateng', 'R.Anders'),
        # or the comma of 'SURNAME, Given' after a surname in capitals ('KRÖGER, Lena')
        elif a.label == "NAME" and b.label == "NAME" and a.end < b.start and (
                text[a.end:b.start] in ("-", ".", ". ") or text[a.end:b.start] == ", " and a.text.isupper()
                and len(a.text) > 2 and not b.text.isupper()):
            e = a.end + 1
            out.append(Span(a.end, e, "NAME", text[a.end:e], "strict", SCORE,
                            {"explanation": "strict: punctuation inside a name"}))
    # the comma between a removed place and a street or place read as a person's name, inside one address: the name
    # between two places ('phường an khê, | lê thị tính |, tp đà nẵng'), right after a place with one space ('kiệt 9
    # | chế lan viên |, phường thủy xuân'), or a place that ends the address after it ('xã thạch đạn, | cao lộc |.')
    for k in range(1, len(spans)):
        a, b = spans[k - 1], spans[k]
        if not (re.fullmatch(r",[^\S\n]", text[a.end:b.start]) and {a.label, b.label} == {"LOCATION", "NAME"}):
            continue
        name, j = (b, k) if b.label == "NAME" else (a, k - 1)
        prev = spans[j - 1] if j > 0 else None
        nxt = spans[j + 1] if j + 1 < len(spans) else None
        place_before = prev is not None and prev.label == "LOCATION" and text[prev.end:name.start] in (" ", ", ")
        place_after = nxt is not None and nxt.label == "LOCATION" and text[name.end:nxt.start] == ", "
        ends = re.match(r"[^\S\n]*(?:[.;)|]|\n|\Z)", text[name.end:name.end + 3])
        if (b is name and (place_after or ends) or a is name and place_before):
            out.append(Span(a.end, a.end + 1, "LOCATION", ",", "strict", SCORE,
                            {"explanation": "strict: the comma inside an address"}))
    # the dot of an initial that ends a removed name ('Smith, Rebecca J.', 'Kovalenko D.'): the initial's, not a
    # sentence's, when the name ends with one capital letter
    for sp in spans:
        if sp.label == "NAME" and text[sp.end:sp.end + 1] == "." and re.search(r"(?<![^\W\d_])[A-Z]\Z", sp.text):
            out.append(Span(sp.end, sp.end + 1, "NAME", ".", "strict", SCORE,
                            {"explanation": "strict: the dot of a name's initial"}))
    # the state or province code after a removed foreign city and a comma ('Portland, OR', 'Houston, TX',
    # 'Toronto, ON'; words.yaml region_codes)
    codes = L["words"]["region_codes"]
    for sp in spans:
        if sp.label != "LOCATION" or not sp.text[:1].isupper():  # (after a name, a degree: "Khang Tran, MD")
            continue
        m = re.match(r",[^\S\n]?([A-Z]{2})(?![\w'’])", text[sp.end:sp.end + 5])
        if m and m.group(1).lower() in codes:
            e = sp.end + m.end()
            out.append(Span(sp.end, e, "LOCATION", text[sp.end:e], "strict", SCORE,
                            {"explanation": "strict: the state code after a removed city"}))
    # the one-letter prefix of a highland name before the rest of the removed name ('| A Lăng Thị Mơ |', '(A Lăng
    # Thị Xuyến)', 'Y Phương'; words.yaml name_prefix_letters), where the letter opens its cell, bracket, field or line
    letters = L["words"]["name_prefix_letters"]
    for sp in spans:
        if sp.label != "NAME" or not sp.text[:1].isupper() or sp.start < 2:
            continue
        m = re.search(r"(?:^|(?<=[\s(|:,\[]))([A-ZĐ])'?[^\S\n]\Z", text[max(0, sp.start - 4):sp.start])
        if not m or m.group(1).lower() not in letters:
            continue
        s0 = max(0, sp.start - 4) + m.start(1)
        before = text[text.rfind("\n", 0, s0) + 1:s0].rstrip(" ")
        if before and before[-1] not in "(|:,;[\t" and not before.endswith("  "):
            # (inside a sentence, after a word that takes no letter as a label: 'thầy cúng A Pơng', 'ghi A Hùng';
            # 'vitamin A Nguyễn …', 'nhóm máu A …' are no name's prefix)
            prev = re.search(r"([^\W\d_]+)[^\S\n]*\Z", before)
            if not prev or fold_lower(prev.group(1)) in L["words"]["letter_heads"]:
                continue
        e0 = s0 + len(m.group(0).rstrip())
        out.append(Span(s0, e0, "NAME", text[s0:e0], "strict", SCORE,
                        {"explanation": "strict: the one-letter prefix of a highland name"}))
    out.sort(key=lambda s: s.start)
    keep: list[Span] = []
    for o in out:  # (none may overlap a removed span or another)
        if o.end > o.start and not (keep and keep[-1].end > o.start) and \
                not any(x.start < o.end and o.start < x.end for x in spans):
            keep.append(o)
    return keep


_NUMERIC_DATE = re.compile(r"\d{1,4}(?:[/.\-]\d{1,4}){1,2}")

# one-word heads that name an organisation's kind alone ('viện' of 'ra viện', 'bộ', 'hội' are too common alone)
_ONE_WORD_HEADS = frozenset({"truong", "bv", "bvdk", "bvdkkv", "ttyt", "tyt", "pk", "pkdk", "cty", "thcs", "thpt"})


def _org_head_before(before: str, words: list, L, marks: bool, most: int = 6) -> int | None:
    """An organisation's head and the plain words of its kind right before a removed place or name ('bệnh viện
    phổi | Kon Tum', 'trường dân tộc nội trú | Đà Lạt', 'bệnh viện đa khoa khu vực | Krông Pa'): the index of
    the head's first word among `words`, or None. Only spaces and words that are known safe and no function word
    stand between (at most six)."""
    k = len(words)
    for n in range(2, min(8, k) + 1):
        gap = before[words[k - n].end():]
        if not re.fullmatch(r"(?:[^\S\n]+[^\W\d_]+)*[^\S\n]", gap):
            return None
        for m in (4, 3, 2, 1):
            if k - n + m > k - 1 and not (most == 6 and m == n >= 2):
                continue  # (the head and at least one word of its kind before a name; before a place or
                # organisation a head of two words or more alone: 'sở y tế | lào cai')
            written = " ".join(w.group(0) for w in words[k - n:k - n + m])
            head = fold_lower(written)
            if len(head) > 3 and (m > 1 or head in _ONE_WORD_HEADS) and (
                    written.lower() in L["cue_marked"]["org_head"] if marks else head in L["cue"]["org_head"]):
                middle = [w.group(0) for w in words[k - n + m:]]
                if most < 6 and (len(middle) > most or m < 2 or any(
                        fold_lower(w) in L["person_heads"] or not w.islower() for w in middle)):
                    return None  # (before a name: a head of two words or more, its kind in lower case; 'trường ghi …')
                if all(not L["stop"].has(w, marks) and vietnamese_like(w)
                       and any(L[x].has(w, marks) for x in ("common", "clinical", "known")) for w in middle):
                    return k - n
                return None
    return None

