"""A person's occupation written beside the name, for the strict profile (run by strict_finder.py).

Notes describe a person in apposition: the name, maybe an age, then what the person does, between commas or in
brackets ('mẹ Lò Thị Ỉn, bán hàng tạp hóa, CCCD …', 'ông Rơ Châm Plih (thầy lang, 70 tuổi)', 'Mother: Siu
H'Trinh, 32 yo, seasonal coffee picker (…)'). The words of that slot are common words one by one, so the token
pass keeps them; the slot is the evidence. A slot that says a sex, a kinship, a birth year, a number or a
clinical term is no occupation (words.yaml apposition_not_role, and the clinical lexicons).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ..text.fold import fold_lower

_CLOSE = (",", ")", ";")


def appositions(finder, L) -> None:
    """The occupation slot after a removed person's name (default or strict), and after an age in between."""
    ctx, toks, marks = finder.ctx, finder.ctx.tokens, finder.marks
    n = len(toks)
    # (the default detector's names only: a word the strict passes guessed to be a name is weaker evidence)
    ends = {e: s for s, e in finder.names}
    ages = {s: e for s, e, label in finder.labelled if label == "AGE"} | \
        {c.start: c.end for c in finder.out if c.label == "AGE"}
    firsts = [t[1] for t in toks]
    # (compared as written in text with marks: 'bán' is no 'bạn')
    not_role = L["marked_words" if marks else "words"]["apposition_not_role"]
    staff = L["words"]["staff_titles"]
    for end, start in sorted(ends.items()):
        j = bisect_left(firsts, end)  # the first token after the name
        if j + 1 >= n or toks[j][0] not in (",", "(", "-", "–") or "\n" in finder.text[end:toks[j][1]] \
                or not ctx.adj[j]:
            continue
        head = fold_lower(finder.text[finder.text.rfind("\n", 0, start) + 1:start]).rstrip(" .:")
        if any(head == t or head.endswith((f" {t}", f"({t}", f":{t}")) for t in staff):
            continue  # (a clinician's or writer's role is no identifier of the patient: 'Dr. Khang (resident)')
        k = j + 1
        # an age in between ('Siu H'Trinh, 32 yo, …', 'Lò Văn Pấng, 70t, …')
        a = _skip_age(finder, k, ages, L)
        if a > k:
            if a >= n or toks[a][0] != ",":
                continue
            k = a + 1
        # (a listed profession opening a bracket is the occupation, whatever follows it: '(điều dưỡng bên đó)')
        lm = next((m for m in (3, 2, 1) if k + m <= n and all(toks[x][3] == "word" and toks[x][0][:1].islower()
                                                               for x in range(k, k + m))
                   and " ".join(ctx.ftoks[k:k + m]) in L["professions"]), 0)
        b = k
        while b < n and b - k < 5 and toks[b][3] == "word" and (b == k or ctx.adj[b - 1]) \
                and toks[b][0][:1].islower() and not L["stop"].has(toks[b][0], marks):
            b += 1
        if toks[j][0] == "(" and lm and (b < k + lm or b >= n or toks[b][0] != ","):
            finder.take_free(toks[k][1], toks[k + lm - 1][2], "PROFESSION", "strict: the occupation beside a name")
            continue
        if lm:  # (a listed profession after a comma or a dash, with its lower-case complement where that ends at
            # punctuation or a function word: 'A Tul - bảo vệ rừng.', 'bà Y Mơ, thầy thuốc nam trong làng', 'A
            # Thiết, y sĩ; …'; a capitalised word after it is another person or a place: 'em Ny, y sĩ Dương Thị
            # Thu', 'điều dưỡng khoa Nhi')
            if k + lm < n and toks[k + lm][3] == "word" and toks[k + lm][0][:1].isupper():
                continue
            e = b if b > k + lm and (b >= n or toks[b][3] != "word" or not toks[b][0][:1].isupper()) else k + lm
            finder.take_free(toks[k][1], toks[e - 1][2], "PROFESSION", "strict: the occupation beside a name")
            continue
        if toks[j][0] in ("-", "–"):
            continue  # (after a dash only a listed profession: 'Lan - 0903…', 'Hùng - hẹn mai')
        if b == k or b - k > 4 or b >= n or toks[b][0] not in ((",",) if toks[j][0] == "(" else _CLOSE):
            continue  # (the slot is a short run of lower-case words that ends at punctuation: another item after
            # it inside brackets, which also hold notes such as '(điểm chỉ)')
        if (toks[k][0].lower() if marks else ctx.ftoks[k]) in not_role or any(ctx.match_at(x, L["phrases"], folded=True) > x + 1 for x in range(k, b)) \
                or L["clinical"].has(toks[k][0], marks) and not L["common"].has(toks[k][0], marks) \
                or all(L["spoken"].has(t[0], marks) for t in toks[k:b]) \
                or all(ctx.ftoks[x] in L["nations"] for x in range(k, b)):  # (a nationality: '44yo, korean, …')
            continue
        finder.take_free(toks[k][1], toks[b - 1][2], "PROFESSION", "strict: the occupation beside a name")


def _skip_age(finder, k: int, ages: dict, L) -> int:
    """The index after an age at token k: a removed AGE span, or a number and an age unit ('70t', '32 yo')."""
    toks = finder.ctx.tokens
    n = len(toks)
    if k >= n:
        return k
    s = toks[k][1]
    if s in ages:
        e = ages[s]
        while k < n and toks[k][1] < e:
            k += 1
        return k
    # a birth year written as a field ('Trần Văn Lực, sn 1988, bảo vệ'; words.yaml apposition_birth_cues)
    if finder.ctx.ftoks[k] in L["words"]["apposition_birth_cues"] and k + 1 < n and re.fullmatch(
            r"(?:19|20)\d\d", toks[k + 1][0]):
        return k + 2
    w = toks[k][0]
    if w[:1].isdigit() and len(w) <= 4 and (w.isdigit() or w.rstrip("tT").isdigit()):
        k += 1
        if k < n and finder.ctx.ftoks[k] in L["words"]["apposition_age_units"]:
            k += 1
        return k
    return k


def trade_descriptions(finder, L) -> None:
    """A person's trade said as 'là người' and a verb of work with its object ('bố cháu là người hái thuốc', 'chị ấy
    là người bán vé xe', 'ông là người chăn bò thuê'; words.yaml trade_verbs): PROFESSION, from 'người' to the
    object (two words at most, up to punctuation or a function word). 'là người Kinh', 'là người quyết định' stay."""
    ctx, toks, marks = finder.ctx, finder.ctx.tokens, finder.marks
    W = L["marked_words"] if marks else L["words"]
    verbs = W["trade_verbs"]
    n = len(toks)

    def form(k: int) -> str:
        return toks[k][0].lower() if marks else ctx.ftoks[k]

    for i in range(n - 3):
        if form(i) not in W["name_copulas"] or form(i + 1) != ("người" if marks else "nguoi") \
                or not all(ctx.adj[i:i + 3]) or form(i + 2) not in verbs:
            continue
        k = i + 3
        while k < n and k - (i + 3) < 2 and ctx.adj[k - 1] and toks[k][3] == "word" and toks[k][0].islower() \
                and not L["stop"].has(toks[k][0], marks):
            k += 1
        if k == i + 3 or not finder.free(toks[i + 1][1], toks[k - 1][2]):
            continue
        finder.take(toks[i + 1][1], toks[k - 1][2], "PROFESSION", "strict: a trade said as 'là người' and its work")
