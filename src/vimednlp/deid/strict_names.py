"""Names the strict profile finds from the rest of the document (strict_finder.py runs these last).

- **A given name said again.** Once a note names a person in full (`hoàng thị lả`, `anh vi văn chúng`,
  `Người ghi: Lả`), every other occurrence of that given name goes too: speakers of a transcript at line start
  without a colon (`lả dạ em ghi rồi`), `cảm ơn em lả nhé`, `chúng đây chị`. Compared with its marks in text
  that has them (`lả` is not `la`); in text without marks only a syllable that is no common word travels.
- **Surname or syllable, then `thị` or `văn`, then a name** in lower case (`mang thị lài`, `côn thị mơ`,
  `hồ văn pi`): the middle syllable of most Vietnamese names marks the run as a name even when neither side is
  in a name list, unless the pair is a known word (`thị trấn`, `đô thị`, `văn bản`; words.yaml).
- **A transcript's speaker at line start**, without a colon: a lower-case word that opens two lines or more,
  each time followed by the first word a speaker says (`chung alo anh …`, `chung dạ chị đọc giúp em …`;
  words.yaml speaker_particles), is a name even when it is an ordinary word, unless it is a role, a kinship, a
  title or a function word (`người nhà ừ …`, `bác sĩ nói …`).
  A kinship word may stand before the name (`chị sinh ờ đúng rồi …`, `chị sinh à …`): then two such lines, one
  with a particle, are enough.
- **The one thanked** (`cảm ơn em thương nhé`, `cám ơn cô kim nha`): the word between a thanks, a kinship word
  and a final particle (words.yaml thanks_cues, final_particles).
- **A self-introduction** (`em là tiểu ở phòng công tác xã hội`, `tôi là chứ bên trạm`, `em là nhì đây`): the
  one or two words between the cue and a word that follows a name there (words.yaml self_intro_cues,
  self_intro_after) are a name, unless they are a role, a kinship word or a profession (`em là giáo viên ở …`).
- **A Central Highlands name in lower case** (`ksor y thuân`, `nay y blứ`, `siu h lim`): a clan name, the marker
  of a man or a woman (`y`, `h'`), then a name syllable or a word in no list (words.yaml highland_clans).
- **The cut-off piece of a name** (`Hồ Văn P ả`, `Hồ Xuân Tá m`): OCR and line breaks split syllables; a line
  of capitals after a name in capitals at a line's end (`QUẢNG THỊ HOA` / `LANG`) is the rest of that name.

Each pass is one walk over the tokens with set look-ups.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..text.fold import fold_lower
from .strict_english import vietnamese_like

# the explanations of the spans that name a person surely enough for their given name to travel
_SURE = ("strict: surname and name syllables", "strict: lower-case name after a title or kinship word",
         "strict: ethnic-minority name after a person cue", "strict: chat speaker", "strict: name around thị or văn",
         "strict: a transcript's speaker at line start", "strict: a speaker's name in a self-introduction",
         "strict: the name of the one thanked", "strict: Central Highlands name (clan, marker, name)")


def given_names(finder, L, name_spans: list[tuple[int, int]]) -> dict[str, bool | None]:
    """The last syllable of each removed name (default NAME spans and the sure strict ones), as the key that
    `propagate` compares (lower case with marks, or folded in text without marks), and whether it may go
    anywhere (True: a name syllable that is no ordinary word), only where a name stands (False), or, typed without
    marks and spelling a word, only capitalised where a name stands (None)."""
    toks, marks = finder.ctx.tokens, finder.marks
    spans = list(name_spans) + [(c.start, c.end) for c in finder.out if c.explanation in _SURE]
    # (the names that may teach a word that usually follows a kinship word: the default detector's, and the strict
    # ones that a cue told, not a surname guessed from the words alone, 'mã tiếp nhận')
    teach = set(name_spans) | {(c.start, c.end) for c in finder.out if c.explanation in _SURE
                               and c.explanation != "strict: surname and name syllables"}
    W = L["marked_words"] if marks else L["words"]
    out: dict[str, bool] = {}
    starts = [t[1] for t in toks]
    for s, e in spans:
        k = bisect_right(starts, e) - 1  # the last token starting before the span's end
        while k >= 0 and toks[k][1] >= s and not (toks[k][2] <= e and toks[k][3] == "word" and toks[k][0].isalpha()):
            k -= 1
        words = [toks[k][0]] if k >= 0 and toks[k][1] >= s else []
        if not words:
            continue
        w = words[-1]
        f = fold_lower(w)
        g = w.lower() if marks else f  # ('lả' is no 'là' of after_person_keep)
        # (a word that follows a kinship word as no name, 'anh tiếp tục', is this document's given name when a
        # removed name of two syllables or more ends with it, 'anh danh tiếp': it travels where a name stands)
        full = k > 0 and toks[k - 1][1] >= s and toks[k - 1][3] == "word" and (s, e) in teach \
            and g not in W["kin_not_name"]
        if len(w) < 2 or g in W["name_middles"] or g in W["speaker_roles"] or g in W["after_person_keep"] and not full \
                or L["spoken"].has(w, marks) or L["stop"].has(w, marks) or L["known"].has(w, marks):
            continue
        # (a word of a clinical phrase, 'lả' of 'mệt lả', is no ordinary word alone: the pair check keeps the phrase)
        ordinary = any(L[k].has(w, marks) for k in ("common", "known"))
        named = L["given"].has(w, marks) or L["surnames"].has(w, marks)
        if not marks and ordinary:
            # ('la', 'nhung' without marks are 'là', 'nhưng': only capitalised where a name stands, None)
            out.setdefault(f, None)
            continue
        key = w.lower() if marks else f
        # (without marks a name syllable may still be a word, 'minh' for 'mình': only where a name stands)
        out[key] = bool(out.get(key)) or marks and named and not ordinary
    return out


def propagate(finder, L, names: dict[str, bool | None]) -> None:
    """Every free occurrence of a given name of this document outside a clinical term ('mệt lả'): anywhere
    for a name syllable that is no ordinary word, else where a name stands (at a line's start, as a
    transcript's speaker; after a kinship word or a title; capitalised inside a sentence)."""
    if not names:
        return
    toks, ctx, marks, text = finder.ctx.tokens, finder.ctx, finder.marks, finder.text
    pairs, persons = L["pairs"], L["person_words"]
    n = len(toks)
    for i, (w, s, e, kind) in enumerate(toks):
        key = w.lower() if marks else fold_lower(w)
        if kind != "word" or key not in names or not finder.free(s, e):
            continue
        if i > 0 and ctx.adj[i - 1] and (ctx.ftoks[i - 1], ctx.ftoks[i]) in pairs or \
                i + 1 < n and ctx.adj[i] and (ctx.ftoks[i], ctx.ftoks[i + 1]) in pairs:
            continue
        if names[key] is None:
            # (a name syllable that is also a word, typed without marks: only capitalised inside a sentence or
            # opening a clause, 'r. Binh sot 39 do', 'Em cam on chi. Hoa')
            inside = w[:1].isupper() and w[1:].islower() and i > 0 and ctx.adj[i - 1] and toks[i - 1][3] == "word" \
                and toks[i - 1][0][:1].islower()
            if not (inside or _opens_clause(finder, i, L)):
                continue
        elif not names[key]:
            line_start = not text[text.rfind("\n", 0, s) + 1:s].strip() and not any(
                " ".join(ctx.ftoks[i:i + m]) in L["words"]["speaker_role_phrases"] for m in (2, 3))  # ('phiên dịch:')
            after_person = i > 0 and ctx.adj[i - 1] and ctx.ftoks[i - 1] in persons
            inside = w[:1].isupper() and i > 0 and ctx.adj[i - 1] and toks[i - 1][3] == "word" \
                and toks[i - 1][0][:1].islower()
            if not (line_start or after_person or inside or _opens_clause(finder, i, L)):
                continue
        finder.take(s, e, "NAME", "strict: a given name of this document said again")


def _opens_clause(finder, i: int, L) -> bool:
    """A given name of this document, capitalised, opening a sentence or a bracket before a lower-case word ('(Hòa gõ
    lại cho sổ)', 'tới nhà r. Binh sot 39 do', 'ok chiều nay. Lanh gui a …'), or after a sentence's end at the end of
    its line, a sign-off ('Em cam on chi. Hoa'): the name, unless it makes an ordinary word with the next word
    ('Bình thường', 'Hòa bình')."""
    from .recognizers.names import _folded_pairs, lower_word_pairs

    toks, ctx, text = finder.ctx.tokens, finder.ctx, finder.text
    w, s, e, _kind = toks[i]
    if not (w[:1].isupper() and w[1:].islower()) or i == 0 or toks[i - 1][0] not in ("(", ".", "!", "?") \
            or toks[i - 1][0] == "." and (i < 2 or not toks[i - 2][0].isalpha()):
        return False  # (after a dot, a sentence's end: not '3. Bình'; a chat's 'r.' is 'rồi.')
    if toks[i - 1][0] == "." and toks[i - 2][0][:1].isupper():
        return False
    end = text.find("\n", e)
    rest = text[e:end if end >= 0 else len(text)]
    if not rest.strip() and toks[i - 1][0] != "(":
        return True  # (a sign-off)
    if i + 1 >= len(toks) or not ctx.adj[i] or toks[i + 1][3] != "word" or not toks[i + 1][0].islower():
        return False
    pair = f"{w.lower()} {toks[i + 1][0]}"
    return pair not in lower_word_pairs() and (finder.marks or f"{ctx.ftoks[i]} {ctx.ftoks[i + 1]}" not in _folded_pairs())


def highland_names(finder, L) -> None:
    """`clan marker given` in lower case ('ksor y thuân', 'nay y blứ', 'siu h lim'; words.yaml highland_clans,
    highland_markers): a Central Highlands name even when the given name is in no list and no cue stands before
    it. The given name is a name syllable or a word in no list (no common, function, clinical or number word),
    and the marker and it make no known word ('nay y tá', 'nay y tế' are 'today a nurse', 'today health')."""
    toks, ctx, marks = finder.ctx.tokens, finder.ctx, finder.marks
    W = L["marked_words"] if marks else L["words"]
    clans, markers = W["highland_clans"], W["highland_markers"]

    def key(k: int) -> str:
        return toks[k][0].lower() if marks else ctx.ftoks[k]

    def lower_word(k: int) -> bool:
        return toks[k][3] == "word" and toks[k][0].islower()

    def name_syllable(k: int) -> bool:
        w = toks[k][0]
        if not lower_word(k) or L["stop"].has(w, marks) or L["spoken"].has(w, marks):
            return False
        return L["given"].has(w, marks) and not L["clinical"].has(w, marks) or not (
            L["common"].has(w, marks) or L["clinical"].has(w, marks) or L["known"].has(w, marks))

    n = len(toks)
    i = 0
    while i < n:
        m = next((m for m in (2, 1) if i + m + 1 < n and all(lower_word(k) for k in range(i, i + m))
                  and all(ctx.adj[i:i + m]) and " ".join(key(k) for k in range(i, i + m)) in clans), 0)
        j = i + m  # the marker; "h'" is one token or two ('h', "'")
        if not m or key(j) not in markers and not (key(j) == "h" and toks[j + 1][0] in ("'", "’")) \
                or not lower_word(j):
            i += 1
            continue
        g = j + 1 if key(j) != "h" or toks[j + 1][0] not in ("'", "’") else j + 2
        # (a clan that is no other word, 'điểu', 'ksor', makes the run a name whatever the given name is: 'điểu k
        # rang'; the K'Ho and Mạ markers 'k', 'ka', 'ya' count only after such a clan, 'nay k biết' is 'today not')
        plain_clan = not any(L[x].has(toks[k][0], marks) for k in range(i, j) for x in ("common", "stop", "known"))
        if key(j) in ("k", "ka", "ya") and not plain_clan:
            i += 1
            continue
        if g >= n or not ctx.adj[g - 1] or not (name_syllable(g) or plain_clan and g < n and lower_word(g)
                                                 and toks[g][0].isalpha() and not (L["stop"].has(toks[g][0], marks)
                                                 or L["spoken"].has(toks[g][0], marks)
                                                 or L["clinical"].has(toks[g][0], marks))) \
                or f"{toks[j][0].lower()} {toks[g][0].lower()}" in L["marked_words"]["not_name_pairs"] \
                or (ctx.ftoks[j], ctx.ftoks[g]) in L["pairs"]:
            i += 1
            continue
        k = g + 1
        # (after the given name only a name syllable that is no other word: 'nay y blứ | đón lúc hai giờ')
        while k < n and k - g < 3 and ctx.adj[k - 1] and name_syllable(k) and L["given"].has(toks[k][0], marks) \
                and not L["common"].has(toks[k][0], marks) and (ctx.ftoks[k - 1], ctx.ftoks[k]) not in L["pairs"]:
            k += 1
        finder.take_free(toks[i][1], toks[k - 1][2], "NAME", "strict: Central Highlands name (clan, marker, name)")
        i = k


def middle_names(finder, L) -> None:
    """`X thị Y`, `X văn Y [Z]` in lower case: a name when X is no function word, Y a name syllable or a word
    in no list, and neither pair is a known word."""
    toks, ctx, marks = finder.ctx.tokens, finder.ctx, finder.marks
    W = L["words"]
    middles, before_not, after_not = W["name_middles"], W["not_name_before_middle"], W["not_name_after_middle"]
    stop, common, given, spoken = L["stop"], L["common"], L["given"], L["spoken"]
    n = len(toks)

    def lower_word(k: int) -> bool:
        return 0 <= k < n and toks[k][3] == "word" and toks[k][0].isalpha() and toks[k][0].islower()

    def name_syllable(k: int) -> bool:  # (a one-word clinical term too: 'lả' of 'mệt lả')
        w = toks[k][0]
        return lower_word(k) and not stop.has(w, marks) and not spoken.has(w, marks) and (
            given.has(w, marks) or not common.has(w, marks))

    for i in range(1, n - 1):
        f = ctx.ftoks[i]
        if f not in middles or not lower_word(i) or not (ctx.adj[i - 1] and ctx.adj[i]):
            continue
        if marks and toks[i][0] not in L["marked_words"]["name_middles"] or not marks and not L["surnames"].has(toks[i - 1][0], False):
            continue  # ('thì' is no 'thị'; without marks 'thi' is 'thì' unless a surname stands before it)
        if not lower_word(i - 1) or ctx.ftoks[i - 1] in before_not or ctx.ftoks[i + 1] in after_not:
            continue
        loose = stop.has(toks[i - 1][0], marks) or spoken.has(toks[i - 1][0], marks) or not name_syllable(i + 1)
        if loose and not (not marks and _unmarked_name(ctx, i, L)):
            continue
        if (ctx.ftoks[i - 1], f) in L["pairs"] or (f, ctx.ftoks[i + 1]) in L["pairs"]:
            continue
        j = i + 2
        # (a name let in by _unmarked_name grows by given names that are no common word: 'le thi thuy | chuyen ca')
        while j < n and j - i < 4 and ctx.adj[j - 1] and name_syllable(j) and given.has(toks[j][0], marks) \
                and (ctx.ftoks[j - 1], ctx.ftoks[j]) not in L["pairs"] and not (loose and common.has(toks[j][0], False)):
            j += 1
        finder.take_free(toks[i - 1][1], toks[j - 1][2], "NAME", "strict: name around thị or văn")


def _unmarked_name(ctx, i: int, L) -> bool:
    """Without marks, a surname, 'thi' or 'van' and a given name (toks[i] the middle) are a name even when the surname
    or the given name spells a function word ('ha thi lua', 'ban van quyet', 'luc van khai'), unless
    the given name is a word that follows a person ('bo chau thi di') or the surname ends a word with the word before
    it ('tieu duong thi van'). Over the development notes folded to lower case without marks this shape was a name,
    street or organisation 241 times in 248."""
    toks, W = ctx.tokens, L["words"]
    w = toks[i + 1][0]
    if toks[i + 1][3] != "word" or not w.isalpha() or not w.islower() or not L["given"].has(w, False):
        return False
    if ctx.ftoks[i + 1] in W["after_person_keep"] and not L["surnames"].has(w, False):
        return False
    return not (i >= 2 and ctx.adj[i - 2] and (ctx.ftoks[i - 2], ctx.ftoks[i - 1]) in L["pairs"])


_INITIALS = re.compile(r"(?<![\w.])((?:[^\W\d_]{1,2}\.[^\S\n]?){1,3})([^\W\d_]{2,})(?![\w.])")


def initialled_names(finder, L) -> None:
    """A name written as initials with dots and a last syllable ('n.q.bao', 'l.v.khiem', 'k.t. sim'): two initials
    or more before a given name, a surname or a syllable in no list; one initial, or a surname's short form ('ng.', 'tr.'), only glued to it
    ('y.dang', 'ng.diễm'). The last syllable is a name syllable, not an initialism ('v.v.', 'a.m.'; words.yaml
    not_initials); the case does not matter."""
    text, marks = finder.text, finder.marks
    W = L["words"]
    for m in _INITIALS.finditer(text):
        parts = [p.strip() for p in m.group(1).split(".") if p.strip()]
        last = m.group(2)
        if any(len(p) == 2 and fold_lower(p) not in W["surname_short_forms"] for p in parts):
            continue
        if fold_lower(".".join(parts + [last])) in W["not_initials"] or fold_lower(".".join(parts)) in W["not_initials"]:
            continue
        listed = any(L[k].has(last, marks) for k in ("known", "common", "clinical", "stop"))
        if not (L["given"].has(last, marks) or L["surnames"].has(last, marks) or len(parts) >= 2 and not listed) \
                or L["known"].has(last, True):
            continue  # (a name syllable, or after two initials one in no list: 'k.t. sim'; not a known word: 'tab')
        if len(parts) < 2 and m.group(1)[-1] != ".":
            continue  # (one initial needs the name glued to its dot)
        finder.take_free(m.start(), m.end(), "NAME", "strict: initials and a name")


_MIDDLE_INITIAL = re.compile(r"[^\S\n]([^\W\d_])\.?[^\S\n]")


def initials_between_names(finder, L, name_spans: list[tuple[int, int]]) -> None:
    """A middle initial between two removed parts of one name ('michael | j. | carter', 'rebecca | j | anderson'):
    one letter, single spaces on both sides; without a dot, no letter that is a Vietnamese word or teencode ('ở' as
    'o', 'j' as 'gì', 'c' as 'chị'). The letter goes with the name."""
    text = finder.text
    spans = sorted(list(name_spans) + [(c.start, c.end) for c in finder.out if c.label == "NAME"])
    starts = {s for s, _e in spans}
    for _s, e in spans:
        m = _MIDDLE_INITIAL.match(text, e)
        if not m or m.end() not in starts or not finder.free(m.start(1), m.end() - 1):
            continue
        letter = m.group(1)
        # (a one-letter word of Vietnamese between two names is no initial: 'a tok | o | chung' is 'ở', 'c' 'chị')
        dot = "." in m.group(0)
        if letter.isascii() and (dot or not any(L[k].has(letter, True) for k in ("common", "stop", "spoken"))
                                 and letter.lower() not in L["words"]["chat_kin"]):
            finder.take(m.start(1), m.end() - 1, "NAME", "strict: a middle initial between parts of a name")


def fragments_after_names(finder, L, name_spans: list[tuple[int, int]]) -> None:
    """A piece of a name that OCR or a line break cut off ('Hồ Văn P ả', 'Hồ Xuân Tá m', 'Cao Văn Th / ịnh'): a
    lower-case piece that is no Vietnamese syllable, or any piece after a last piece that is none, goes with it."""
    from ..text.syllable import is_syllable

    toks, marks, text = finder.ctx.tokens, finder.marks, finder.text
    starts = {t[1]: k for k, t in enumerate(toks)}
    spans = list(name_spans) + [(c.start, c.end) for c in finder.out if c.label == "NAME"]
    for s, e in spans:
        if text[e:e + 1] not in (" ", "\n"):
            continue
        k = starts.get(e + 1)
        last = text[s:e].split()[-1] if text[s:e].split() else ""
        if k is None or toks[k][3] != "word" or not toks[k][0].isalpha() or not toks[k][0].islower() \
                or not finder.free(toks[k][1], toks[k][2]):
            continue
        w = toks[k][0]
        if L["stop"].has(w, marks) or L["common"].has(w, marks) or L["known"].has(w, marks):
            continue
        if not is_syllable(w) and len(w) <= 3 or len(last) <= 2 and last[:1].isupper() and not is_syllable(last.lower()):
            finder.take(toks[k][1], toks[k][2], "NAME", "strict: the cut-off piece of a name")


def middles_after_names(finder, L, name_spans: list[tuple[int, int]]) -> None:
    """The rest of a lower-case name after a removed piece of it ('pi nang | van tien', 'chu mau | van den'): a middle
    syllable ('thị', 'văn'; without marks 'thi', 'van') right after a removed name, then one or two name syllables or
    syllables in no list, unless the middle and the next word make a word ('văn bản', 'thị trấn')."""
    toks, ctx, marks, text = finder.ctx.tokens, finder.ctx, finder.marks, finder.text
    W = L["words"]
    middles = L["marked_words"]["name_middles"] if marks else W["name_middles"]
    stop, common, given, spoken = L["stop"], L["common"], L["given"], L["spoken"]
    starts = {t[1]: k for k, t in enumerate(toks)}
    n = len(toks)

    def syllable(k: int) -> bool:
        w = toks[k][0]
        return toks[k][3] == "word" and w.isalpha() and w.islower() and not stop.has(w, marks) \
            and not spoken.has(w, marks) and (given.has(w, marks) or not common.has(w, marks)) \
            and finder.free(toks[k][1], toks[k][2])

    spans = list(name_spans) + [(c.start, c.end) for c in finder.out if c.label == "NAME"]
    for _s, e in sorted(spans):
        if text[e:e + 1] != " ":
            continue
        k = starts.get(e + 1)
        if k is None or k + 1 >= n or not ctx.adj[k] or toks[k][3] != "word" or not toks[k][0].islower():
            continue
        middle = toks[k][0] if marks else ctx.ftoks[k]
        # (without marks 'thi' is mostly 'thì': 'quay thi bit'; a given name must follow)
        if middle not in middles or not finder.free(toks[k][1], toks[k][2]) or not syllable(k + 1) \
                or not marks and not given.has(toks[k + 1][0], False) \
                or ctx.ftoks[k + 1] in W["not_name_after_middle"] or (ctx.ftoks[k], ctx.ftoks[k + 1]) in L["pairs"]:
            continue
        j = k + 2
        if j < n and ctx.adj[j - 1] and syllable(j) and given.has(toks[j][0], marks) \
                and (ctx.ftoks[j - 1], ctx.ftoks[j]) not in L["pairs"]:
            j += 1
        finder.take_free(toks[k][1], toks[j - 1][2], "NAME", "strict: the middle and given name after a removed name")


def given_after_names(finder, L, name_spans: list[tuple[int, int]]) -> None:
    """The last given name a detector left after a removed name with a middle syllable ('hồ thị thanh | mơ tại …',
    'Đàng Thị H. | Nhung'): a given-name syllable written in the name's case right after it, when the name has at
    most three words and the syllable is no function word, no word that follows a person ('mai đi', 'hết') and
    makes no ordinary word with the name's last word or the word after it."""
    from .recognizers.names import lower_word_pairs

    toks, ctx, marks, text = finder.ctx.tokens, finder.ctx, finder.marks, finder.text
    W = L["marked_words"] if marks else L["words"]
    middles = W["name_middles"]
    pairs = lower_word_pairs()
    starts = {t[1]: k for k, t in enumerate(toks)}
    n = len(toks)
    spans = list(name_spans) + [(c.start, c.end) for c in finder.out if c.label == "NAME"]
    for s, e in sorted(spans):
        words = text[s:e].split()
        if not 2 <= len(words) <= 3:
            continue
        if text[e:e + 1] != " " and not (text[e:e + 2] == ". " and len(words[-1]) == 1):
            continue
        k = starts.get(e + 1) if text[e:e + 1] == " " else starts.get(e + 2)
        if k is None or toks[k][3] != "word" or not toks[k][0].isalpha() or not finder.free(toks[k][1], toks[k][2]):
            continue
        middle = any((w.lower() if marks else fold_lower(w)) in middles for w in words[1:2])
        # without a middle syllable, a surname-led name whose next syllable ends its field (a line end, a column
        # gap, a tab or pipe: 'ths.bs trịnh hoài | nam          trưởng khoa', 'bs rhm: tôn nữ quỳnh | như     ghi'):
        # that syllable is the given name the detector left, even a function or clinical word
        field_end = not middle and L["surnames"].has(words[0], marks) and toks[k][2] == e + 1 + len(toks[k][0]) \
            and re.match(r"(?:[^\S\n]*(?:\n|\Z)|[^\S\n]{2,}|[^\S\n]*[\t|])", text[toks[k][2]:])
        if not middle and not field_end:
            continue
        w, last = toks[k][0], words[-1]
        lower = last.islower() and w.islower()
        title = last[:1].isupper() and w[:1].isupper() and w[1:].islower()
        key = w.lower() if marks else fold_lower(w)
        if not (lower or title) or not L["given"].has(w, marks) or L["stop"].has(w, marks) and not field_end \
                or key in W["after_person_keep"] or L["spoken"].has(w, marks) or not marks and L["common"].has(w, False):
            continue  # (without marks a common word is more likely the verb after the name: 'le thi thuy | chuyen ca')
        if f"{last.lower()} {w.lower()}" in pairs or (fold_lower(last), fold_lower(w)) in L["pairs"] or \
                k + 1 < n and ctx.adj[k] and toks[k + 1][3] == "word" and (
                    f"{w.lower()} {toks[k + 1][0].lower()}" in pairs or (ctx.ftoks[k], ctx.ftoks[k + 1]) in L["pairs"]):
            continue
        finder.take(toks[k][1], toks[k][2], "NAME", "strict: the last given name after a removed name")


def name_line_after(finder, L, name_spans: list[tuple[int, int]]) -> None:
    """A name in capitals cut by a line break ('QUẢNG THỊ HOA' / 'LANG'): a line of one to three words in
    capitals, each a name syllable or in no list, right after a line that ends with a removed name."""
    text, toks, marks = finder.text, finder.ctx.tokens, finder.marks
    starts = {t[1]: k for k, t in enumerate(toks)}
    spans = list(name_spans) + [(c.start, c.end) for c in finder.out if c.label == "NAME"]
    for s, e in spans:
        if not text[s:e].isupper() or not text[e:].startswith("\n"):
            continue
        line_end = text.find("\n", e + 1)
        line_end = len(text) if line_end < 0 else line_end
        line = text[e + 1:line_end]
        words = line.split()
        if not 1 <= len(words) <= 3 or not all(w.isalpha() and w.isupper() for w in words):
            continue
        if not all(L["given"].has(w, marks) or L["surnames"].has(w, marks) or not (
                L["common"].has(w, marks) or L["known"].has(w, marks)) for w in words):
            continue
        a = e + 1 + len(line) - len(line.lstrip())
        k = starts.get(a)
        if k is not None:
            finder.take_free(a, a + len(line.strip()), "NAME", "strict: a name in capitals cut by a line break")


def line_speakers(finder, L) -> None:
    """A transcript's speakers written at line start without a colon ('chung alo anh …' / 'chung dạ chị …'), or
    after a kinship word ('chị sinh ờ đúng rồi …' / 'chị sinh à …'): a lower-case word that opens two lines or
    more, followed by a speaker particle on two of them (on one, after a kinship word), and is no role,
    kinship, title, function or spelled-number word."""
    text, toks, ctx, marks = finder.text, finder.ctx.tokens, finder.ctx, finder.marks
    W = L["marked_words"] if marks else L["words"]
    particles = W["speaker_particles"]
    roles, role_phrases = L["words"]["speaker_roles"], L["words"]["speaker_role_phrases"]
    role_heads = {p.split()[0] for p in role_phrases}
    n = len(toks)
    seen: dict[str, list[tuple[int, bool, bool]]] = {}  # key: (token index, after a kinship word, particle after)
    for i, (w, s, _e, kind) in enumerate(toks):
        if kind != "word" or not w.isalpha() or not w.islower() or i + 1 >= n or not ctx.adj[i]:
            continue
        kin = False
        if i > 0 and ctx.adj[i - 1] and ctx.ftoks[i - 1] in roles and toks[i - 1][0].islower():
            kin, s0 = True, toks[i - 1][1]  # (a kinship word before the name: 'chị sinh ờ …')
        else:
            s0 = s
        head = text[text.rfind("\n", 0, s0) + 1:s0]
        # (the line's first word, after table bars or a bullet at most, or the first word after a chat line's
        # speaker and ':' when the transcript was pasted into a chat: '💬 hy nguyen: tủa alo chị …')
        if head.strip(" \t|>-•*") and not (head.rstrip().endswith(":") and len(head) <= 60) \
                or not finder.free(s, _e):
            continue
        nxt = toks[i + 1][0].lower() if marks else ctx.ftoks[i + 1]
        two = f"{nxt} {toks[i + 2][0].lower() if marks else ctx.ftoks[i + 2]}" if i + 2 < n and ctx.adj[i + 1] else ""
        said = (nxt in particles or two in particles) and not ctx.match_at(i + 1, L["phrases"], folded=True) > i + 2
        if not said and not kin or ctx.match_at(i, L["phrases"], folded=True) > i + 1:
            continue  # (no particle inside a clinical phrase: 'viêm dạ dày')
        f = ctx.ftoks[i]
        if f in roles or f in role_heads or f in L["person_words"] or f in W["speaker_particles"] \
                or L["stop"].has(w, marks) or L["spoken"].has(w, marks) or fold_lower(w) in L["titles"] \
                or kin and (w.lower() if marks else f) in W["kin_not_name"]:
            continue
        seen.setdefault(w.lower() if marks else f, []).append((i, kin, said))
    for key, idx in seen.items():
        plain = sum(said for _i, kin, said in idx if not kin)
        after_kin = [x for x in idx if x[1]]
        if plain < 2 and not (len(after_kin) >= 2 and any(said for _i, _k, said in after_kin)):
            continue
        for i, kin, said in idx:
            if said or kin:
                finder.take(toks[i][1], toks[i][2], "NAME", "strict: a transcript's speaker at line start")


def thanked_names(finder, L) -> None:
    """'cảm ơn em thương nhé', 'cám ơn cô kim nha': the word between a thanks, a kinship word and a final
    particle is the name of the one thanked (words.yaml thanks_cues, final_particles), unless it is a function,
    kinship or degree word ('cảm ơn em nhiều nhé')."""
    toks, ctx, marks = finder.ctx.tokens, finder.ctx, finder.marks
    W = L["marked_words"] if marks else L["words"]
    thanks, finals, roles = W["thanks_cues"], W["final_particles"], L["words"]["speaker_roles"]
    n = len(toks)
    firsts = {w.split()[0] for w in L["words"]["thanks_cues"]}
    for i in range(n - 3):
        if ctx.ftoks[i] not in firsts:
            continue
        m = 2 if i + 1 < n and ctx.adj[i] and f"{toks[i][0].lower() if marks else ctx.ftoks[i]} " \
            f"{toks[i + 1][0].lower() if marks else ctx.ftoks[i + 1]}" in thanks else \
            1 if (toks[i][0].lower() if marks else ctx.ftoks[i]) in thanks else 0
        k = i + m
        if not m or k + 2 >= n or not all(ctx.adj[i:k + 2]) or ctx.ftoks[k] not in roles:
            continue
        w = toks[k + 1][0]
        key = w.lower() if marks else ctx.ftoks[k + 1]
        fin = toks[k + 2][0].lower() if marks else ctx.ftoks[k + 2]
        if fin not in finals or toks[k + 1][3] != "word" or not w.isalpha() or not w.islower() \
                or L["stop"].has(w, marks) or key in W["speaker_roles"] or key in W["kin_not_name"] \
                or key in W["thanks_not_name"] or not finder.free(toks[k + 1][1], toks[k + 1][2]):
            continue
        finder.take(toks[k + 1][1], toks[k + 1][2], "NAME", "strict: the name of the one thanked")


def called_names(finder, L) -> None:
    """'c may ơi', 'a đức ơi', 'chị rươl ơi': the one word between a kinship word and the calling particle is the
    name of the one called, even when it is an ordinary word ('may', 'sen'); not a role, kinship, function or
    number word, nor a word of a title ('bác sĩ ơi', 'cô giáo ơi'; words.yaml vocative_kin, vocative_particles,
    vocative_not_name, kin_not_name); without marks a function word may be a name ('may' is 'mấy' or 'May')."""
    toks, ctx, marks = finder.ctx.tokens, finder.ctx, finder.marks
    W = L["marked_words"] if marks else L["words"]
    kin, calls = W["vocative_kin"], W["vocative_particles"]
    n = len(toks)
    for i in range(n - 2):
        if not (ctx.adj[i] and ctx.adj[i + 1]):
            continue
        k, w, c = (toks[j][0].lower() if marks else ctx.ftoks[j] for j in (i, i + 1, i + 2))
        if k not in kin or c not in calls or toks[i + 1][3] != "word" or not toks[i + 1][0].isalpha() \
                or len(w) < 2 or w in W["vocative_kin"] or w in W["speaker_roles"] or w in W["kin_not_name"] \
                or w in W["vocative_not_name"] or marks and L["stop"].has(w, marks) or L["spoken"].has(w, marks) \
                or ctx.match_at(i, L["phrases"], folded=True) > i + 1:
            continue
        if finder.free(toks[i + 1][1], toks[i + 1][2]):
            finder.take(toks[i + 1][1], toks[i + 1][2], "NAME", "strict: the name of the one called")
    # a name alone that opens its clause before a calling or presenting word ('tài ơi lấy giúp chị …', 'dạ, hằng đây
    # chị'; words.yaml clause_name_after): a given name, no kinship, role, pronoun or interjection ('trời ơi')
    if marks:
        after_name = W["clause_name_after"]
        for i in range(n - 1):
            w = toks[i][0]
            if toks[i][3] != "word" or not w.isalpha() or not w.islower() or not ctx.adj[i] \
                    or toks[i + 1][0].lower() not in after_name or not _clause_start(finder, i, W):
                continue
            lw = w.lower()
            # ('tài' alone before 'ơi' is a name; after a kinship word, 'bác tài ơi', the driver)
            if not L["given"].has(w, marks) or lw in kin or lw in W["speaker_roles"] or lw in W["kin_not_name"] \
                    or lw in W["interjections"] or L["stop"].has(w, marks) \
                    or L["spoken"].has(w, marks) or lw in W["self_pronouns"]:
                continue
            # ('X đây' needs the end of the clause or a kinship word or particle after it: 'hằng đây chị')
            if toks[i + 1][0].lower() == "đây" and not (i + 2 >= n or not ctx.adj[i + 1] or toks[i + 2][3] != "word"
                                                        or toks[i + 2][0].lower() in kin
                                                        or toks[i + 2][0].lower() in W["final_particles"]):
                continue
            if finder.free(toks[i][1], toks[i][2]):
                finder.take(toks[i][1], toks[i][2], "NAME", "strict: a name that opens its clause before 'ơi' or 'đây'")
    # the same slot before a pronoun that takes the person up again ('con út nó làm giáo viên', 'anh tư ổng nói',
    # words.yaml resumptive_pronouns): a name syllable, a birth-order name too ('út', 'tư'), but no word that only
    # says which kin ('con gái nó' is her daughter)
    # (with marks only: typed without them 'ba', 'ong', 'em' are kinship words, no 'bả', 'ổng', 'ẻm')
    again, order = W["resumptive_pronouns"], W["birth_order_names"]
    for i in range(n - 2 if marks else 0):
        if not (ctx.adj[i] and ctx.adj[i + 1]):
            continue
        k, w, c = (toks[j][0].lower() if marks else ctx.ftoks[j] for j in (i, i + 1, i + 2))
        if k not in kin or c not in again or toks[i + 1][3] != "word" or not toks[i + 1][0].isalpha() \
                or not (w in order or L["given"].has(toks[i + 1][0], marks) and w not in W["kin_not_name"]) \
                or w in W["vocative_kin"] or w in W["speaker_roles"] or w in W["vocative_not_name"] \
                or L["stop"].has(w, marks) and w not in order or ctx.match_at(i, L["phrases"], folded=True) > i + 1:
            continue
        if finder.free(toks[i + 1][1], toks[i + 1][2]):
            finder.take(toks[i + 1][1], toks[i + 1][2], "NAME", "strict: a name taken up again by a pronoun")


def field_values(finder, L) -> None:
    """The value of a field that names a person, written in lower case ('bs rhm: tôn nữ quỳnh như', 'người lập sổ:
    vàng thị dợ', 'member: kim do yun'): after a person cue, a title, a person field or a name column's header
    (words.yaml person_fields; table_headers.yaml NAME) and ':', one to five words that each are a name syllable or in
    no word list, up to the end of the line, a column gap, a bracket or a comma. Speech after a speaker's role
    ('bs: chị uống thuốc chưa') has other words and stays."""
    from .recognizers.tables import _HEADERS

    text, toks, ctx, marks = finder.text, finder.ctx.tokens, finder.ctx, finder.marks
    W = L["marked_words"] if marks else L["words"]
    fields = L["cue"]["name_before"] | L["titles"] | L["words"]["person_fields"] | frozenset(
        k for k, v in _HEADERS.items() if v == "NAME")
    n = len(toks)

    def name_word(k: int) -> bool:
        w = toks[k][0]
        if toks[k][3] != "word" or not w.isalpha() or not w.islower() or L["stop"].has(w, marks) \
                or (w.lower() if marks else fold_lower(w)) in W["speaker_roles"]:
            return False
        return L["given"].has(w, marks) or L["surnames"].has(w, marks) or not any(
            L[x].has(w, marks) for x in ("common", "known", "clinical", "spoken"))

    for i in range(1, n - 1):
        if toks[i][0] != ":" or "\n" in text[toks[i][2]:toks[i + 1][1]] or not name_word(i + 1):
            continue
        key = next((m for m in (4, 3, 2, 1) if i - m >= 0 and all(ctx.adj[i - m:i - 1])
                    and " ".join(ctx.ftoks[i - m:i]) in fields
                    and (i - m == 0 or not ctx.adj[i - m - 1] or toks[i - m - 1][3] != "word")), None)
        if key is None:
            continue
        j = i + 1
        while j < n and j - i <= 5 and ctx.adj[j - 1] and (name_word(j) or toks[j][0] == "." and len(toks[j - 1][0]) == 1):
            j += 1
        end = toks[j - 1][2]
        # (the value ends its line or cell: a line end, a column gap, a bracket, a comma or the end of the text)
        if j < n and not re.match(r"[^\S\n]*(?:\n|[^\S\n]{2}|[(,;]|\Z)", text[end:end + 3]) and text[end:end + 1] != "\n":
            continue
        if j - (i + 1) == 1 and L["common"].has(toks[i + 1][0], marks) and not L["surnames"].has(toks[i + 1][0], marks):
            continue  # (one common word alone, 'người nhà: chồng' aside as a role, 'ghi: xong')
        finder.take_free(toks[i + 1][1], end, "NAME", "strict: a lower-case name after a person's field")


def self_introductions(finder, L) -> None:
    """'em là tiểu ở phòng …', 'tôi là chứ bên trạm y tế', 'em là nhì đây': one or two lower-case words between a
    self-introduction cue and a word that follows a name (words.yaml), when they are no role, kinship word,
    profession, function or number word and no clinical phrase."""
    toks, ctx, marks = finder.ctx.tokens, finder.ctx, finder.marks
    W = L["marked_words"] if marks else L["words"]
    cues, after = W["self_intro_cues"], W["self_intro_after"]
    roles, role_phrases = L["words"]["speaker_roles"], L["words"]["speaker_role_phrases"]
    role_heads = {p.split()[0] for p in role_phrases}
    n = len(toks)

    def form(k: int) -> str:
        return toks[k][0].lower() if marks else ctx.ftoks[k]

    def plain(k: int) -> bool:
        w = toks[k][0]
        return toks[k][3] == "word" and w.isalpha() and w.islower() and ctx.ftoks[k] not in roles \
            and ctx.ftoks[k] not in L["person_words"] and not L["stop"].has(w, marks) and not L["spoken"].has(w, marks)

    for last in range(1, n - 1):
        if ctx.ftoks[last] != "la":  # (every cue ends with 'là': look only there)
            continue
        for m in (3, 2):
            i = last - m + 1
            if i < 0 or i + m + 1 >= n or not all(ctx.adj[i:i + m]) or " ".join(form(k) for k in range(i, i + m)) not in cues:
                continue
            j = i + m
            for size in (1, 2):
                e = j + size
                if e >= n or not all(ctx.adj[j:e]) or not all(plain(k) for k in range(j, e)):
                    break
                if form(e) not in after and (e + 1 >= n or f"{form(e)} {form(e + 1)}" not in after):
                    continue
                words = " ".join(ctx.ftoks[j:e])
                if ctx.ftoks[j] in role_heads or words in L["professions"] or words in role_phrases \
                        or ctx.match_at(j, L["phrases"], folded=True) > j + (size > 1) \
                        or any(p in L["professions"] for p in (ctx.ftoks[j], " ".join(ctx.ftoks[j:j + 2]))):
                    break
                if finder.free(toks[j][1], toks[e - 1][2]):
                    finder.take(toks[j][1], toks[e - 1][2], "NAME", "strict: a speaker's name in a self-introduction")
                break
            break


def name_lines(finder, L, name_spans: list[tuple[int, int]]) -> None:
    """A line that is only a person's name, as a comment thread or a signature gives it ('Triệu Xiêm' / 'Mẩy Bàn'
    / 'Minh Tâm Trương' above a comment): two to four capitalised words, one of them already removed as a name;
    the others go too when each is a surname or a given name, even an ordinary word ('Triệu' is a million), or no
    clinical, known or function word ('Mẩy')."""
    text, marks = finder.text, finder.marks
    spans = list(name_spans) + [(c.start, c.end) for c in finder.out if c.label == "NAME"]
    for m in re.finditer(r"(?m)^[^\S\n]*([^\W\d_]+(?:[^\S\n][^\W\d_]+){1,3})[^\S\n]*$", text):
        words = list(re.finditer(r"\S+", m.group(1)))
        if not all(w.group(0)[0].isupper() and not w.group(0).isupper() for w in words):
            continue
        a = m.start(1)
        taken = [any(s <= a + w.start() and a + w.end() <= e for s, e in spans) for w in words]
        if not any(taken) or all(taken):
            continue
        rest = [w for w, t in zip(words, taken) if not t]
        if all(L["given"].has(w.group(0), marks) or L["surnames"].has(w.group(0), marks)
               or not (L["clinical"].has(w.group(0), marks) or L["known"].has(w.group(0), marks)
                       or L["stop"].has(w.group(0), marks)) for w in rest):
            for w in rest:
                if finder.free(a + w.start(), a + w.end()):
                    finder.take(a + w.start(), a + w.end(), "NAME", "strict: a line that is a person's name")


def nicknames(finder, L, P) -> None:
    """A nickname after its cue ('ở nhà gọi là phin tòn người dao đỏ', 'ở nhà gọi "A Ân"', 'tên gọi ở nhà: Kha';
    regex nickname in patterns.yaml): its words up to a people or kinship word ('người', 'nữ') or a function word in
    lower case ('A' of 'A Ân' is a name's prefix)."""
    text, marks = finder.text, finder.marks
    W = L["marked_words"] if marks else L["words"]
    stop_at = W["people_heads"] | W["speaker_roles"] | W["nickname_stop"] | W["kin_not_name"]
    for m in P["nickname"].finditer(text):
        a = m.start("nick")
        end = a
        for w in re.finditer(r"\S+", m.group("nick")):
            word = w.group(0)
            key = word.lower() if marks else fold_lower(word)
            if key in stop_at or word.islower() and L["stop"].has(word, marks):
                break
            end = a + w.end()
        if end > a:
            finder.take_free(a, end, "NAME", "strict: a nickname after its cue")


def names_before_professions(finder, L) -> None:
    """A speaker who names himself between a pronoun and his trade ('gọi cho tôi sềnh lái xe', 'em khánh thợ
    điện đây', 'tui tư bán cá'): one or two lower-case words right after a first-person pronoun (words.yaml
    self_pronouns) and right before a profession (a PROFESSION span of the default detector, or a profession cue);
    each a name syllable or a word in no list, none a function, common (unless a name), clinical, role or kinship
    word."""
    toks, ctx, marks = finder.ctx.tokens, finder.ctx, finder.marks
    W = L["marked_words"] if marks else L["words"]
    pronouns = W["self_pronouns"]
    starts = {s for s, _e, label in finder.labelled if label == "PROFESSION"}
    n = len(toks)

    def form(k: int) -> str:
        return toks[k][0].lower() if marks else ctx.ftoks[k]

    def name_word(k: int) -> bool:
        w = toks[k][0]
        if toks[k][3] != "word" or not w.isalpha() or not w.islower() or not finder.free(toks[k][1], toks[k][2]):
            return False
        if L["stop"].has(w, marks) or L["spoken"].has(w, marks) or ctx.ftoks[k] in L["person_words"] \
                or ctx.ftoks[k] in L["words"]["speaker_roles"] or ctx.ftoks[k] in L["professions"]:
            return False
        named = L["given"].has(w, marks) or L["surnames"].has(w, marks)
        listed = any(L[x].has(w, marks) for x in ("common", "clinical", "known"))
        return named and not L["clinical"].has(w, marks) or not listed and vietnamese_like(w)

    def profession_at(k: int) -> bool:
        if k >= n:
            return False
        if toks[k][1] in starts:
            return True
        return any(k + m <= n and all(ctx.adj[k:k + m - 1]) and " ".join(ctx.ftoks[k:k + m]) in L["professions"]
                   for m in (1, 2, 3))

    for i in range(n - 2):
        if form(i) not in pronouns or not ctx.adj[i] or toks[i][3] != "word" or not toks[i][0].islower():
            continue
        for size in (1, 2):
            e = i + 1 + size
            if e >= n or not all(ctx.adj[i:e]) or not all(name_word(k) for k in range(i + 1, e)):
                break
            if profession_at(e):
                if ctx.match_at(i + 1, L["phrases"], folded=True) <= i + 2:
                    finder.take(toks[i + 1][1], toks[e - 1][2], "NAME", "strict: a name between a pronoun and a trade")
                break


def _clause_start(finder, i: int, W) -> bool:
    """toks[i] opens a clause: the text's or a line's start, after punctuation, or after a greeting or answer word
    ('alo', 'dạ', 'ờ'; words.yaml speaker_particles)."""
    toks, ctx, text = finder.ctx.tokens, finder.ctx, finder.text
    if i == 0 or not ctx.adj[i - 1] and re.search(r"[,.;:!?\n\-]\s*$", text[toks[i - 1][2]:toks[i][1]] or "") \
            or toks[i - 1][3] != "word":
        return True
    k = i - 1
    while k >= 0 and toks[k][3] == "word" and toks[k][0].lower() in W["speaker_particles"]:
        k -= 1
    return k < i - 1 and (k < 0 or toks[k][3] != "word" or "\n" in text[toks[k][2]:toks[k + 1][1]])


def prefix_tails(finder, L) -> None:
    """A removed name that ends with a personal prefix that is no Vietnamese word ('… ông ya' | 'phôn', '… ka' |
    'thương'; words.yaml strong_name_prefixes): the lower-case word after it is the given name, unless it is a
    function, number or person word or makes a known pair with the prefix."""
    toks, ctx, marks = finder.ctx.tokens, finder.ctx, finder.marks
    ends = {e for s, e, label in finder.labelled if label == "NAME"} | {c.end for c in finder.out if c.label == "NAME"}
    strong = L["words"]["strong_name_prefixes"]
    for k in range(len(toks) - 1):
        w = toks[k + 1][0]
        if toks[k][2] not in ends or ctx.ftoks[k] not in strong or not ctx.adj[k] or toks[k + 1][3] != "word" \
                or not w.isalpha() or not w.islower() or not finder.free(toks[k + 1][1], toks[k + 1][2]) \
                or L["stop"].has(w, marks) or L["spoken"].has(w, marks) or ctx.ftoks[k + 1] in L["person_words"] \
                or (ctx.ftoks[k], ctx.ftoks[k + 1]) in L["pairs"]:
            continue
        finder.take(toks[k + 1][1], toks[k + 1][2], "NAME", "strict: the given name after a removed prefix")

