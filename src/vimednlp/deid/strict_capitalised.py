"""Capitalised runs, for the strict profile: from the first word not known safe to the end of the run.

A capital marks a name, a place or an organisation, but also a sentence, line or field start and a heading. In a
run of capitalised words: a surname, or a given name before another, starts a name; a word on the known list
(lexicon, abbreviation, unit, English clinical word, one of their inflections) is safe anywhere; a common or
clinical word only where a sentence, line, field or table cell starts, or in a heading in capitals (where each
unsafe word goes with the name syllables after it, and the heading's own words stay); a clinical term
('Đái tháo đường') or a people after 'người', 'tiếng' ('người Tày') is safe; a word after a person cue and ':' is
that person's name ('Người ghi: Lả'). The next item of a removed list ('Nà Sla, Tân Mỹ') takes the label of the
item before.
"""
from __future__ import annotations

from ..text.fold import fold_lower
from .strict_english import english_here, inflected

_INITIAL_BEFORE = frozenset(".!?:;•*-–—>|\"'()[]\n\t,/+")  # (lists: 'HA 120/80, Mạch 80', 'Viêm phổi / Đái ...')


def _sentence_initial(text: str, start: int) -> bool:
    """Nothing but spaces, bullets or emoji since the last sentence end, line start, colon or bracket."""
    i = start - 1
    while i >= 0:
        c = text[i]
        if c in _INITIAL_BEFORE:
            return True
        if c.isalnum():
            return False
        if c == " " and i > 0 and text[i - 1] == " " and i > 1 and text[i - 2] == " ":
            return True  # a column gap in a table laid out with spaces
        i -= 1
    return True


def capitalised(finder, i: int, L) -> int:
    """A capitalised run: the words up to the next lower-case word or line break. From its first word not
    known safe to its end, it is removed (in a heading in capitals, each unsafe word and the name syllables
    after it). Returns the index after the run."""
    ctx, text, marks, toks = finder.ctx, finder.text, finder.marks, finder.ctx.tokens
    known, common, clinical, surnames = L["known"], L["common"], L["clinical"], L["surnames"]
    n = len(toks)
    j = i
    first_unsafe = None
    unsafe: list[int] = []
    safe_until = _people_after(finder, i, L)
    while j < n and toks[j][3] == "word" and toks[j][0][:1].isupper() and finder.free(toks[j][1], toks[j][2]) \
            and (j == i or ctx.adj[j - 1]):
        wj = toks[j][0]
        # (every word is judged: a heading in capitals keeps its safe words after an unsafe one; a word right
        # after a person cue and ':' is that person's name, however common: 'người ghi: Lả')
        # (a word after a tab or a column gap starts its table cell even inside a run: 'STT<TAB>Họ tên')
        initial = _sentence_initial(text, toks[j][1]) and not (j == i and _after_person_colon(finder, i, L))
        if j >= safe_until:
            k = ctx.match_at(j, L["phrases"], folded=True)
            safe_until = k if k > j + 1 else safe_until
            if j == i and i > 0 and ctx.adj[i - 1] and toks[i - 1][0].islower():
                # (a form phrase or clinical term that opens in lower case just before: 'khoa Nhi', 'bệnh viện Nhi')
                k = ctx.match_at(i - 1, L["phrases"], folded=True)
                safe_until = k if k > j else safe_until
        if j < safe_until:
            safe = True  # inside a clinical term ('Đái tháo đường', 'Viêm Phổi') or a people ('người Ê Đê')
        elif (surnames.has(wj, marks) or initial and L["given"].has(wj, marks)) and (
                not initial or j + 1 < n and ctx.adj[j] and toks[j + 1][0][:1].isupper()
                and not toks[j + 1][0].isupper() and L["given"].has(toks[j + 1][0], marks)
                and not known.has(toks[j + 1][0], marks)):
            safe = False  # (a surname, or a given name before another, starts a name: 'Best regards, Quốc Bảo')
        elif j == i and i > 0 and toks[i - 1][2] == toks[i][1] and toks[i - 1][0].isdigit() \
                and (toks[i - 1][0] + wj).lower() in L["codes"]:
            safe = True  # (a clinical code split after its digits: '2PN', '4AA')
        elif j == i and L["given"].has(wj, marks) and fold_lower(wj) not in L["words"]["apposition_not_role"] \
                and _after_person_colon(finder, i, L):
            safe = False  # (a given name right after a person's field and ':' is the person: 'Người giới thiệu: Thanh';
            # a sex is none: 'Giới tính của con: Nam')
        elif not marks and _given_after_person_word(finder, i, j, L):
            safe = False  # (in text without marks, 'a Tien', 'chi Lan': a capitalised given-name syllable right after
            # a kinship word or title is the person's name, however common a word its letters also spell)
        elif marks and not initial and wj[1:].islower() and L["lexicon_names"].has(wj, True) \
                and not _in_ordinary_word(finder, j) and not english_here(finder, j, L):
            safe = False  # (a given name that only the clinical lexicons or the English list know, alone in a
            # Vietnamese sentence: 'bởi Quân', '2,4 Ban')
        elif known.has(wj, marks) or wj[1:].islower() and inflected(wj, known):
            safe = True
        elif initial and common.has(wj, marks) or initial and clinical.has(wj, marks) and not (
                L["given"].has(wj, marks) and not (j + 1 < n and toks[j + 1][0].islower() and ctx.adj[j])):
            safe = True  # (a name syllable alone in its cell or before another capital is no sentence)
        elif wj.isupper() and (common.has(wj, marks) or clinical.has(wj, marks)):
            safe = True  # a heading in capitals ('KHOA NỘI', 'TIỀN SỬ')
        elif _ocr_capitals(wj, L, marks):
            safe = True  # a word in capitals that OCR wrote with l or 1 for I, 0 for O ('GlẤY', 'VlỆN', 'N0l', 'BSCKl')
        else:
            safe = False
        if not safe:
            unsafe.append(j)
            first_unsafe = j if first_unsafe is None else first_unsafe
        j += 1
    label = _listed_after(finder, toks[i][1])
    # (OCR writes a capital I as 'l': 'GlẤY' is a word in capitals)
    if first_unsafe is not None and not label and j - i >= 2 and all(t[0].replace("l", "L").isupper()
                                                                     for t in toks[i:j]):
        # a heading in capitals ('GlẤY CHUYỂN TUYẾN KHÁM BỆNH'): each unsafe word goes with the name syllables
        # right after it ('… TỈNH LẠNG SƠN'), the heading's common words stay
        k = i
        while k < j:
            if k in unsafe:
                e = k + 1
                while e < j and (e in unsafe or len(toks[e][0]) == 1 or L["given"].has(toks[e][0], marks)
                                 or surnames.has(toks[e][0], marks)):
                    e += 1
                finder.take_free(toks[k][1], toks[e - 1][2], "NAME", "strict: capitalised words not known safe")
                k = e
            else:
                k += 1
        return max(j, i + 1)
    if first_unsafe is not None and label:
        # (the next item of a list whose item before was removed, 'Nà Sla, Tân Mỹ': the whole run goes, with
        # the label of the item before, and the comma between them with it)
        finder.take_free(toks[i][1], toks[j - 1][2], label, "strict: the next item of a removed list")
    elif first_unsafe is not None:
        finder.take_free(toks[first_unsafe][1], toks[j - 1][2], "NAME", "strict: capitalised words not known safe")
    return max(j, i + 1)


def _people_after(finder, i: int, L) -> int:
    """A people or its language after 'người', 'tiếng', 'dân tộc' ('tiếng Việt', 'người Tày', 'dân tộc Ê Đê',
    'Dân tộc: Cơ Tu'; words.yaml), or a people of two words anywhere ('| Cơ Tu |', 'Gié-Triêng'): the index after
    it, or i. Not an identifier, though 'Việt' or 'Thái' is also a given name."""
    toks, ctx = finder.ctx.tokens, finder.ctx
    W = L["marked_words"] if finder.marks else L["words"]

    def form(t) -> str:
        return t[0].lower() if finder.marks else fold_lower(t[0])

    # (the head may end a field before ':': 'Dân tộc: Cơ Tu')
    colon = 1 if i >= 2 and toks[i - 1][0] == ":" and "\n" not in finder.text[toks[i - 2][2]:toks[i][1]] else 0
    head = next((h for h in (1, 2) if i - h - colon >= 0 and all(ctx.adj[i - h - colon:i - colon]) and
                 " ".join(form(t) for t in toks[i - h - colon:i - colon]) in W["people_heads"]), None)
    n = len(toks)
    for m in (5, 4, 3, 2, 1):  # (a hyphen between the words counts as a token: 'Gié-Triêng')
        if i + m > n or not all(ctx.adj[i:i + m - 1]) or m == 1 and head is None:
            continue
        words = [t for t in toks[i:i + m] if t[0] != "-"]
        if len(words) < 2 and head is None or toks[i + m - 1][0] == "-":
            continue
        joined = "".join(form(t) if t[0] == "-" else (" " if k and toks[i + k - 1][0] != "-" else "") + form(t)
                         for k, t in enumerate(toks[i:i + m]))
        if joined in W["peoples"] or joined.replace("-", " ") in W["peoples"]:
            return i + m
    return i


def _after_person_colon(finder, i: int, L) -> bool:
    toks, text = finder.ctx.tokens, finder.text
    if i < 2 or toks[i - 1][0] != ":":
        return False
    if "\n" in text[toks[i - 1][2]:toks[i][1]]:
        # (a colon that ends its line opens a block: 'giới thiệu người bệnh:' / 'Họ và tên: …'; a name alone on
        # the next line, or before other capitals only, is still the person's)
        line_end = text.find("\n", toks[i][2])
        rest = text[toks[i][2]:len(text) if line_end < 0 else line_end].split()
        if any(w[:1].islower() or w.endswith(":") for w in rest):
            return False
    for m in (1, 2, 3, 4):
        if i - 1 - m < 0:
            break
        words = toks[i - 1 - m:i - 1]
        phrase = " ".join(t[0].lower() for t in words) if finder.marks else " ".join(fold_lower(t[0]) for t in words)
        if phrase in (L["person_marked"] if finder.marks else L["cue"]["name_before"]) \
                or phrase in (L["marked_words"] if finder.marks else L["words"])["person_fields"]:
            # (a role word is no name; as written in text with marks: 'chị Chi', 'anh Võ' are names)
            return (toks[i][0].lower() not in L["marked_words"]["speaker_roles"] if finder.marks
                    else fold_lower(toks[i][0]) not in L["words"]["speaker_roles"])
    return False


def _given_after_person_word(finder, i: int, j: int, L) -> bool:
    """The first word of a capitalised run, a given-name syllable in title case, right after a lower-case kinship
    word or title ('a', 'chi', 'bs') on the same line."""
    toks, ctx = finder.ctx.tokens, finder.ctx
    if j != i or i == 0 or not ctx.adj[i - 1]:
        return False
    prev, w = toks[i - 1][0], toks[i][0]
    if not prev.islower() or toks[i - 1][3] != "word" or not w[1:].islower() or len(w) < 2:
        return False
    if fold_lower(prev) not in L["person_words"] | L["words"]["short_kin"] or fold_lower(w) in L["words"]["speaker_roles"]:
        return False
    return L["given"].has(w, False) and not _sentence_initial(finder.text, toks[i][1])


def _in_ordinary_word(finder, j: int) -> bool:
    """The word at j makes an ordinary word of two syllables with the word before or after it ('khoa Tâm thần',
    'Phần Hành chính', 'nổi Ban đỏ'; the lower-case entries of the word list)."""
    from .recognizers.names import lower_word_pairs

    toks, ctx = finder.ctx.tokens, finder.ctx
    pairs = lower_word_pairs()
    w = toks[j][0].lower()
    return j > 0 and ctx.adj[j - 1] and toks[j - 1][3] == "word" and f"{toks[j - 1][0].lower()} {w}" in pairs \
        or j + 1 < len(toks) and ctx.adj[j] and toks[j + 1][3] == "word" and f"{w} {toks[j + 1][0].lower()}" in pairs


def _listed_after(finder, start: int) -> str | None:
    """The label of a removed span that ends just before `start` with a comma, semicolon or tab between
    ('Nà Sla, |Tân Mỹ'), or None."""
    k = start - 1
    text = finder.text
    while k >= 0 and text[k] == " ":
        k -= 1
    if k < 0 or text[k] not in ",;\t":
        return None
    k -= 1
    while k >= 0 and text[k] == " ":
        k -= 1
    return finder.ends.get(k + 1) if k >= 0 and finder.taken[k] else None


def _ocr_capitals(w: str, L, marks: bool) -> bool:
    """A word in capitals that OCR wrote with 'l' or '1' for I and '0' for O ('GlẤY', 'HlỂM', 'N0l', 'BSCKl'):
    known, common or clinical once read, and no name."""
    if len(w) < 2 or not any(c in "l10" for c in w) or not w.replace("l", "L").replace("1", "I").replace("0", "O").isupper():
        return False
    if sum(c.isdigit() for c in w) > 2:
        return False
    cand = w.replace("l", "I").replace("1", "I").replace("0", "O")
    if L["surnames"].has(cand, marks) or L["given"].has(cand, marks):
        return False
    return any(L[k].has(cand, marks) for k in ("known", "common", "clinical"))
