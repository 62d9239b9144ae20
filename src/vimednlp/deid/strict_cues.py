"""Lower-case names, organisations and places, for the strict profile.

Chats, speech-to-text and hurried notes write names in lower case, where no capital gives them away; the evidence
is the word before. After a cue word ('người liên hệ:', 'công ty', 'xã', a title 'bs', a kinship word 'chị') the
words up to a function word, a clinical word or punctuation go, with the cue's label (`after_cue`); after a person
cue only name syllables, or a word in no list, or an ethnic-minority name after its personal prefix ('y đhăm',
'ksor thuân'), and after a kinship word a given name that is also a common word ('em là lả') unless it often
follows one ('anh trai'; `_name_after`). Province and district names of two words or more go too (`place_names`).
"""
from __future__ import annotations

import re

from ..text.fold import fold_lower
from .strict_english import vietnamese_like


def after_cue(finder, i: int, L) -> int:
    """A name, organisation or address cue in lower case ('người liên hệ:', 'công ty', 'xã') and the words
    after it up to a function word, a clinical word or punctuation (at most five)."""
    ctx, toks, marks = finder.ctx, finder.ctx.tokens, finder.marks
    if ctx.ftoks[i] not in L["cue_first"]:
        if _chat_kin(finder, i, L):
            return _name_after(finder, i, i + 1, False, L)
        return i
    if i > 0 and ctx.adj[i - 1] and ctx.match_at(i - 1, L["phrases"], folded=True) > i:
        return i  # (the cue word ends a form or clinical phrase: 'Mã số thuế' is no house number 'số')
    n = len(toks)
    ft = ctx.ftoks
    for key, label in (("titles", "NAME"), ("org_head", "ORGANIZATION"), ("location_unit", "LOCATION"),
                       ("name_before", "NAME")):
        cues = L["titles"] if key == "titles" else L["cue"][key]
        for m in (5, 4, 3, 2, 1):
            if i + m > n or not all(ctx.adj[i:i + m - 1]):
                continue
            phrase = " ".join(ft[i:i + m]) if m > 1 else ft[i]
            if phrase not in cues or any(not t[0].islower() for t in toks[i:i + m] if t[3] == "word"):
                continue
            j = i + m
            if j < n and toks[j][0] in (":", "-"):
                j += 1
            # a village word is no common word ('thôn gia ru', 'làng ka rôm', 'thôn phước lợi'): its name
            # may hold common, clinical and letter-name syllables (words.yaml village_units)
            # (in text typed without marks only a village word that is no Vietnamese syllable: 'plei kep', not
            # 'buon' that is also 'buồn')
            village = label == "LOCATION" and m == 1 and (
                toks[i][0].lower() in L["marked_words"]["village_units"] if marks
                else ft[i] in L["words"]["village_units"] and not vietnamese_like(toks[i][0]))
            if label != "NAME" and j < n and (L["stop"].has(toks[j][0], marks) or (label == "LOCATION" or m == 1)
                                              and not village and (L["common"].has(toks[j][0], marks)
                                                                   or L["clinical"].has(toks[j][0], marks))
                                              or ctx.match_at(i, L["phrases"], folded=True) > i):
                return i  # the cue word used as a common word ('khu vực', 'phòng bệnh', 'số lần')
            if label == "LOCATION" and j < n and (
                    f"{' '.join(t[0].lower() for t in toks[i:i + m])} {toks[j][0].lower()}" in L["marked_words"]["not_unit_pairs"]
                    if marks else f"{' '.join(ft[i:i + m])} {ft[j]}" in L["words"]["not_unit_pairs"]):
                return i  # the unit word and the next make a word ('bản sao', 'bản chép lại', 'buôn bán')
            # (in text with marks a cue is compared as written: 'ở' is no 'ô', 'tiêm' no 'tiệm'; a place or
            # organisation cue without marks may be a line typed without them: 'xa yen phong')
            written = " ".join(t[0].lower() for t in toks[i:i + m])
            if marks and written not in (L["person_marked"] if label == "NAME" else L["cue_marked"][key]):
                if label == "NAME":
                    return i
                if not written.isascii() or all(L["stop"].has(w, True) for w in written.split()):
                    continue  # ('cho' in text with marks is 'for', not 'chợ' typed without marks)
            if label == "NAME":
                return _name_after(finder, i, j, key == "titles", L)
            k = j
            most = 2 if village and not marks else 6  # (a village's name typed without marks: two syllables)
            while k < n and k - j < most and toks[k][3] == "word" and (k == j or ctx.adj[k - 1]) \
                    and (k == j or (fold_lower(toks[k][0]) not in L["person_heads"] or not _person_cue_at(finder, k, L))
                         and fold_lower(toks[k][0]) not in L["words"]["people_heads"]) \
                    and toks[k][0].islower() and not L["stop"].has(toks[k][0], marks) \
                    and (label == "ORGANIZATION" or village or not L["clinical"].has(toks[k][0], marks)) \
                    and not (L["spoken"].has(toks[k][0], marks) and not (village and ft[k] not in L["words"]["number_words"])) \
                    and not (label == "ORGANIZATION" and ctx.match_at(k, L["phrases"], folded=True) > k + 1) \
                    and (finder.free(toks[k][1], toks[k][2]) or not _place_at(finder, toks[k][1])):
                k += 1  # (an organisation's name stops at a form or clinical phrase, 'bệnh viện | tuyến trên', and
                # at a place already removed, 'lâm trường sơn hà | đắk nông')
            if k > j and finder.free(toks[j][1], toks[k - 1][2]):
                # (the head word belongs to the name: 'bệnh viện thanh nhàn', 'xã hiếu giang')
                finder.take_free(toks[i][1], toks[k - 1][2], label, f"strict: lower-case words after a cue ({key})")
                return k
            return i
    return i


def _chat_kin(finder, i: int, L) -> bool:
    """A chat's one-letter kinship word ('bảo a quyết qua', 'c piêng'; words.yaml chat_kin) in text with marks,
    as its own word with a given name in lower case after it (`_kin_name`); not a letter after a word that takes one as a
    label ('vitamin a', 'nhóm c', 'viêm gan a'; letter_heads), nor one of letters listed or spelled ('a, b, c')."""
    toks, ctx = finder.ctx.tokens, finder.ctx
    if not finder.marks or toks[i][0] not in L["marked_words"]["chat_kin"] or i + 1 >= len(toks) or not ctx.adj[i]:
        return False
    if toks[i + 1][3] != "word" or not toks[i + 1][0].islower() or len(toks[i + 1][0]) < 2:
        return False
    if i > 0 and ctx.adj[i - 1] and (ctx.ftoks[i - 1] in L["words"]["letter_heads"] or len(toks[i - 1][0]) == 1):
        return False
    # (the name carries its marks: a chat typed partly without them, 'e hoi chut', 'c nhan vo', says no name; and
    # only a given name that a kinship word takes)
    # nor a given name that makes an ordinary word with the next ('e quản lý', 'a bình tĩnh'; Viet74K pairs)
    return not toks[i + 1][0].isascii() and _kin_name(finder, i, i + 1, L) and not _ordinary_run(toks, i + 1, i + 3)


def _place_at(finder, pos: int) -> bool:
    """A removed place or organisation starts at `pos` (the default detector's or a strict pass's)."""
    return any(s == pos and label in ("LOCATION", "ORGANIZATION") for s, _e, label in finder.labelled) or any(
        c.start == pos and c.label in ("LOCATION", "ORGANIZATION") for c in finder.out)


def _name_after(finder, i: int, j: int, title: bool, L) -> int:
    """Lower-case name syllables after a title ('bsĩ hạ bảo hoa') or a kinship word ('chị hiệp gọi'): after
    a kinship word the first must be a name syllable that is not also a common or clinical word."""
    toks, ctx, marks = finder.ctx.tokens, finder.ctx, finder.marks
    n = len(toks)
    given, surnames, stop, clinical, common = L["given"], L["surnames"], L["stop"], L["clinical"], L["common"]

    prefixes = L["words"]["name_prefixes"]

    def name_like(k: int) -> bool:
        w = toks[k][0]
        return toks[k][3] == "word" and w.islower() and (given.has(w, marks) or surnames.has(w, marks)) \
            and not stop.has(w, marks) and (k > j or title or not clinical.has(w, marks))

    def unknown(k: int) -> bool:  # a lower-case syllable that is no common, function, clinical or number word
        w = toks[k][0]
        return toks[k][3] == "word" and w.islower() and not (common.has(w, marks) or stop.has(w, marks) or
                                                             clinical.has(w, marks) or L["spoken"].has(w, marks))

    # an ethnic-minority personal prefix ('y đhăm', 'a pôn', 'hờ mai', 'sùng a páo', 'ksor thuân') starts a
    # name when the next word is a name syllable or an unknown word
    if marks:
        prefixes = L["marked_words"]["name_prefixes"]  # ('làm' is no 'lâm')

    def prefix(k: int) -> bool:
        return (toks[k][0].lower() if marks else fold_lower(toks[k][0])) in prefixes

    def after_prefix(p: int, chain: bool = True) -> bool:
        """The syllable after the prefix toks[p] may start the name: a name syllable or a word in no list; after a
        prefix that is no Vietnamese word ('ya bi', 'ka thương'; strong_name_prefixes) any lower-case word that is no
        function, number or person word, and makes no known pair with it; after 'k' (also the chat's 'không') only a word in no list ('em k brơi')."""
        k = p + 1
        if k >= n or not ctx.adj[p]:
            return False
        if ctx.ftoks[p] == "k":
            return unknown(k) and toks[p][0] == "k"
        w = toks[k][0]
        strong = ctx.ftoks[p] in L["words"]["strong_name_prefixes"] and toks[k][3] == "word" and w.isalpha() \
            and w.islower() and not (stop.has(w, marks) or L["spoken"].has(w, marks)) \
            and ctx.ftoks[k] not in L["person_words"] and (ctx.ftoks[p], ctx.ftoks[k]) not in L["pairs"]
        return strong or name_like(k) or unknown(k) or chain and prefix(k) and after_prefix(k, chain=False)

    if j < n and not finder.free(toks[j][1], toks[j][2]):
        # the name after the cue is removed already, in part or whole: only a personal prefix and the name after
        # it go on with it ('anh giàng | a dế'), no other word ('tài xế nay y krăk | đón', '… | sinh năm')
        k = j
        while k < n and not finder.free(toks[k][1], toks[k][2]) and k - j < 6:
            k += 1
        b = k
        if k + 1 < n and ctx.adj[k - 1] and ctx.adj[k] and prefix(k) and after_prefix(k, chain=False):
            b = k + 2
        elif k < n and k - 1 >= j and ctx.adj[k - 1] and ctx.ftoks[k - 1] in L["words"]["strong_name_prefixes"] \
                and after_prefix(k - 1, chain=False):
            b = k + 1  # (the removed part ends with a prefix that is no word: 'ông ya | phôn')
        if b > k:
            finder.take_free(toks[k][1], toks[b - 1][2], "NAME", "strict: the rest of a name after a person cue")
        return b if b > k else i
    # (a possessive after a kinship word may stand before the prefix: 'vợ tôi y đơm', 'vo no y sun'; words.yaml
    # kin_possessives)
    if not title and j + 2 < n and toks[j][3] == "word" and toks[j][0].islower() and ctx.adj[j] \
            and fold_lower(toks[j][0]) in L["words"]["kin_possessives"] and prefix(j + 1) and toks[j + 1][0].islower() \
            and ctx.adj[j + 1] and after_prefix(j + 1, chain=False) \
            and (ctx.ftoks[j + 1], ctx.ftoks[j + 2]) not in L["pairs"]:
        j += 1
    if j + 1 < n and toks[j][3] == "word" and toks[j][0].islower() and prefix(j) \
            and ctx.adj[j] and after_prefix(j):
        k = j + 1
        if not (name_like(k) or unknown(k) or prefix(k)):
            k += 1  # (the common word after a strong prefix: 'ya bi')
        while k < n and k - j < 5 and ctx.adj[k - 1] and (name_like(k) or unknown(k) or
                                                          prefix(k) and k + 1 < n):
            k += 1
        finder.take_free(toks[j][1], toks[k - 1][2], "NAME", "strict: ethnic-minority name after a person cue")
        return k
    # (a word in no list after a title or kinship word is a name too: 'chị rươl', 'cô srây', 'a Đa Ra'; so is
    # a given name that is also a common word, 'em là lả', 'anh chúng', unless it often follows a kinship
    # word, 'anh trai', 'con sinh non': after_person_keep in words.yaml)
    # (a role word after the cue is no name, compared as written in text with marks: 'chị chi', 'cô võ' are names;
    # nor is a form or clinical phrase: 'bác sĩ | mã bệnh nhân')
    if j >= n or (toks[j][0].lower() in L["marked_words"]["speaker_roles"] if marks
                  else fold_lower(toks[j][0]) in L["words"]["speaker_roles"]) \
            or ctx.match_at(j, L["phrases"], folded=True) > j + 1 or _people_phrase(finder, j, L):
        return i
    kin = not title and _kin_name(finder, i, j, L)
    ordinary = kin and (common.has(toks[j][0], marks) or L["known"].has(toks[j][0], marks))
    if not (kin or (name_like(j) or unknown(j) and ctx.adj[j - 1])
            and (title or not common.has(toks[j][0], marks) and not _kept_after_person(finder, j, L))):
        return i
    k = j + 1
    # (after an ordinary word taken as a name, only name syllables follow: 'anh tài | chở'; after a surname that
    # is also a word, a syllable in no list does too: 'bác nông páy')
    while k < n and k - j < 4 and ctx.adj[k - 1] and (name_like(k) and not (ordinary and common.has(toks[k][0], marks))
                                                      or unknown(k) and (not ordinary or surnames.has(toks[j][0], marks))):
        k += 1
    finder.take_free(toks[j][1], toks[k - 1][2], "NAME", "strict: lower-case name after a title or kinship word")
    return k


def _kin_name(finder, i: int, j: int, L) -> bool:
    """A given name that is also a common word, after a kinship word or 'em là' (toks[i:j], as written): no
    word that often follows one (words.yaml after_person_keep), and no part of a clinical term with the next. A
    given name that is also a known word (a lexicon word: 'lan', 'thảo', 'linh') counts too where a verb or
    particle of a person follows it ('chị lan gọi em', 'cô linh ở trạm'; 'chị bình tĩnh', 'bé nữ' stay)."""
    toks, ctx, marks = finder.ctx.tokens, finder.ctx, finder.marks
    w = toks[j][0]
    cue = " ".join(t[0].lower() for t in toks[i:j] if t[0] not in (":", "-"))
    return marks and ctx.adj[j - 1] and (cue in L["person_marked"] or cue in L["marked_words"]["chat_kin"]) and toks[j][3] == "word" and w.isalpha() \
        and w.islower() and (L["given"].has(w, marks) or L["surnames"].has(w, marks) or not L["common"].has(w, marks)) \
        and not _kept_after_person(finder, j, L) and not L["stop"].has(w, marks) \
        and (not L["known"].has(w, marks) or cue.rsplit(" ", 1)[-1] in L["marked_words"]["name_copulas"] and not L["common"].has(w, marks)
             or L["given"].has(w, marks) and _name_follows(finder, j, L)
             and w.lower() not in L["marked_words"]["apposition_not_role"]) \
        and not L["spoken"].has(w, marks) and not (j + 1 < len(toks) and ctx.adj[j] and (ctx.ftoks[j], ctx.ftoks[j + 1]) in L["pairs"])


def _name_follows(finder, j: int, L) -> bool:
    """What follows toks[j] is what follows a person's name, not the rest of a word: a verb or particle that a
    person's name takes (words.yaml name_followers: 'chị lan gọi', 'anh cường nói',
    'cô linh ở trạm'; 'chị thanh toán' is paying)."""
    toks, ctx = finder.ctx.tokens, finder.ctx
    # (a word: punctuation after it says nothing, 'không có kế hoạch cụ thể.')
    return j + 1 < len(toks) and ctx.adj[j] and toks[j + 1][3] == "word" \
        and toks[j + 1][0].lower() in L["marked_words"]["name_followers"]


def _kept_after_person(finder, j: int, L) -> bool:
    """A word that often follows a kinship word (words.yaml after_person_keep), compared as written in text
    with marks ('đo' is no 'Đô')."""
    if finder.marks:
        return finder.ctx.tokens[j][0].lower() in L["marked_words"]["after_person_keep"]
    return finder.ctx.ftoks[j] in L["words"]["after_person_keep"]


def place_names(finder, L) -> None:
    """Province and district names in lower case ('ninh bình', 'long an'): two words or more. A district whose
    words are all common words ('ba vì', 'đơn dương') only right after a word that says where (words.yaml
    gazetteer_place_cues: 'ở', 'chợ', 'trên', 'xuống', 'huyện'), or, in text with marks, written with the place's
    own marks where no two of its words (nor a word beside it) make an ordinary word ('dưới bắc ninh', 'ở điện biên')."""
    toks, ctx = finder.ctx.tokens, finder.ctx
    gaz = L["places"]
    cues = L["marked_words"]["gazetteer_place_cues"] if finder.marks else L["words"]["gazetteer_place_cues"]
    i, n = 0, len(toks)
    while i < n:
        if toks[i][3] == "word" and toks[i][0].islower():
            j = ctx.match_at(i, gaz, folded=True)
            plain = [t[0].islower() and not L["stop"].has(t[0], finder.marks) and not
                     L["common"].has(t[0], finder.marks) and not L["clinical"].has(t[0], finder.marks) for t in toks[i:j]]
            # (a province needs one word that is no common word, 'bac ninh'; a district all of them, or a cue before)
            province = gaz.get(" ".join(ctx.ftoks[i:j])) == "province"
            cued = i > 0 and ctx.adj[i - 1] and toks[i - 1][3] == "word" and (
                toks[i - 1][0].lower() if finder.marks else ctx.ftoks[i - 1]) in cues \
                and not any((ctx.ftoks[x], ctx.ftoks[x + 1]) in L["pairs"] for x in range(i - 1, j - 1)) \
                and not (j < n and ctx.adj[j - 1] and (ctx.ftoks[j - 1], ctx.ftoks[j]) in L["pairs"]) \
                and ctx.ftoks[i] not in L["words"]["street_words"] \
                and ctx.match_at(i, L["phrases"], folded=True) < j and not any(
                    L[x].has(" ".join(t[0] for t in toks[i:j]), finder.marks) for x in ("clinical", "known")) \
                and not (i + 1 < n and ctx.match_at(i + 1, gaz, folded=True) > j)  # ('chợ | đơn dương', not 'chợ đơn' of Chợ Đồn)
            # (in text with marks, a province or district spelled with its own marks, whose words make no ordinary word
            # with each other or the words around, is one even when each word is common: 'bắc ninh', 'điện biên';
            # 'hòa bình' is a word, 'đánh giá lại' no Gia Lai)
            marked_place = finder.marks and j - i >= 2 and _exact_place(toks, i, j) \
                and not any(L["stop"].has(t[0], True) for t in toks[i:j]) \
                and not _ordinary_run(toks, i - 1 if i > 0 and ctx.adj[i - 1] else i,
                                      j + 1 if j < n and ctx.adj[j - 1] else j)  # ('ba vì lo quá' is 'dad, because')
            unmarked_place = not finder.marks and j - i >= 2 and _unmarked_place(ctx, i, j, L)
            if j - i >= 2 and all(t[0].islower() for t in toks[i:j]) and (
                    (any(plain) or marked_place or unmarked_place) if province
                    else all(plain) or cued or marked_place or unmarked_place):
                # (the unit before it goes with it: 'xã tri tôn')
                h = next((i - m for m in (2, 1) if i - m >= 0 and all(ctx.adj[i - m:i]) and " ".join(
                    t[0].lower() for t in toks[i - m:i]) in L["marked_words"]["name_units"]), i) if marked_place else i
                finder.take_free(toks[h][1], toks[j - 1][2], "LOCATION", "strict: place name in lower case")
                i = j
                continue
        i += 1


def _unmarked_place(ctx, i: int, j: int, L) -> bool:
    """In text without marks, a province or district of two words or more ('nha trang', 'mong cai', 'lang son') is
    one when no two of its words, nor its first or last word with the word beside it, make an ordinary word once
    folded ('dien bien' is 'diễn biến', 'van ban' 'văn bản', 'da nang' 'đa năng'), it names no people ('gia rai') and
    it is no number before a person word ('hai chau'). Over the development notes folded without marks, such matches
    were places 413 times in 444."""
    from .recognizers.names import _folded_pairs

    fp, f, toks = _folded_pairs(), ctx.ftoks, ctx.tokens
    if any(ctx.text[toks[k][2]:toks[k + 1][1]] != " " for k in range(i, j - 1)):
        return False  # (words in two cells of a table: '1975<TAB>nam<TAB>po phay' is no Nậm Pồ)
    # (a word that says where is no part of an ordinary word with it: 'o long xuyen' though 'ô long' is tea)
    a = i - 1 if i > 0 and ctx.adj[i - 1] and f[i - 1] not in L["words"]["gazetteer_place_cues"] else i
    b = j + 1 if j < len(f) and ctx.adj[j - 1] else j
    if any(f"{f[k]} {f[k + 1]}" in fp or (f[k], f[k + 1]) in L["pairs"] for k in range(a, b - 1)):
        return False
    # (a number and a person word are a count of people: 'em voi hai chau chay sang' is no Hải Châu)
    if L["spoken"].has(f[i], False) and f[i + 1] in L["person_words"]:
        return False
    return " ".join(f[i:j]) not in L["words"]["peoples"]


def _exact_place(toks, i: int, j: int) -> bool:
    """toks[i:j] spell a province or district with its own marks ('điện biên', not 'đánh giá lại' for Gia Lai)."""
    from .recognizers.lexicons import domestic_exact

    return " ".join(t[0].lower() for t in toks[i:j]) in domestic_exact()


def _ordinary_run(toks, i: int, j: int) -> bool:
    """Two words of toks[i:j] side by side make an ordinary word in lower case (Viet74K: 'hòa bình'; with the words
    around a place, 'x-quang bình thường')."""
    from .recognizers.names import lower_word_pairs

    pairs = lower_word_pairs()
    return any(f"{toks[k][0].lower()} {toks[k + 1][0].lower()}" in pairs for k in range(i, j - 1))


def places_after_words(finder, L) -> None:
    """Lower-case places that speech-to-text and chats leave behind a word saying where (issue #15): after a
    place preposition ('ở khâm đức', 'ghé an thới'; words.yaml place_prepositions) two or three Vietnamese
    syllables (a third only when it is in no word list), one of them in no word list and one a name syllable,
    none a function, person or kinship word, and no two of them a known word; after an administrative unit ('xã
    tri tôn'; name_units) that opens a phrase, two or three syllables, one a name syllable or in no list, unless
    the unit and the next word make a word ('xã hội'; not_unit_pairs)."""
    toks, ctx, marks = finder.ctx.tokens, finder.ctx, finder.marks
    if not marks:
        return  # (without marks every syllable may be a word typed plain: no evidence)
    W = L["marked_words"]
    preps, units, not_pairs = W["place_prepositions"], W["name_units"], W["not_unit_pairs"]
    n = len(toks)

    def listed(k: int) -> bool:
        w = toks[k][0]
        return any(L[x].has(w, True) for x in ("common", "known", "clinical", "stop", "spoken"))

    def syllable(k: int) -> bool:
        w = toks[k][0]
        return toks[k][3] == "word" and w.isalpha() and w.islower() and vietnamese_like(w) \
            and not L["stop"].has(w, True) and ctx.ftoks[k] not in L["person_words"] and w not in W["place_run_stop"] \
            and ctx.ftoks[k] not in L["words"]["speaker_roles"] and finder.free(toks[k][1], toks[k][2])

    i = 0
    while i < n - 2:
        w = toks[i][0].lower()
        two = f"{w} {toks[i + 1][0].lower()}" if ctx.adj[i] else ""
        m = 2 if two in units else 1 if w in units or w in preps else 0
        if not m or not toks[i][0].islower() or not all(ctx.adj[i:i + m]):
            i += 1
            continue
        j = i + m
        k = j
        # two syllables, a third when it is in no word list either ('ông ích khiêm'); what follows is the clause
        while k < n and k - j < 3 and syllable(k) and (k == j or ctx.adj[k - 1]) and (k - j < 2 or not listed(k)):
            k += 1
        if k - j < 2 or any((ctx.ftoks[x], ctx.ftoks[x + 1]) in L["pairs"] for x in range(j, k - 1)) \
                or k < n and ctx.adj[k - 1] and (not finder.free(toks[k][1], toks[k][2]) or toks[k][0][:1].isupper()):
            # (words right before a removed or capitalised place are its head: 'ở dốc đèo | Thung Khe')
            i += 1
            continue
        named = [L["given"].has(toks[x][0], True) or L["surnames"].has(toks[x][0], True) for x in range(j, k)]
        unlisted = [not listed(x) for x in range(j, k)]
        if m == 1 and w in preps:
            # (a place's own syllable and a name syllable: 'khâm đức', 'an thới'; 'ở nhờ nhà', 'ở cây xăng' stay)
            if not any(unlisted) or not any(named) or ctx.match_at(j, L["phrases"], folded=True) > j + 1:
                i += 1
                continue
            finder.take_free(toks[j][1], toks[k - 1][2], "LOCATION", "strict: lower-case place after a word of place")
        else:
            # (a name syllable or one in no list: 'xã tri tôn'; 'xã tổ chức', 'cán bộ xã phiên dịch' stay)
            opens = i == 0 or not ctx.adj[i - 1] or toks[i - 1][3] != "word" or toks[i - 1][0].lower() in preps \
                or finder.ends.get(toks[i - 1][2]) == "LOCATION"  # (after a removed place: 'ấp phnom pi | xã tri tôn')
            if f"{' '.join(t[0].lower() for t in toks[i:i + m])} {toks[j][0].lower()}" in not_pairs \
                    or not opens or not any(named) and not any(unlisted):
                i += 1
                continue
            finder.take_free(toks[i][1], toks[k - 1][2], "LOCATION", "strict: lower-case place after its unit")
        i = k


def places_said_again(finder, L) -> None:
    """A place the document has removed once, said again elsewhere ('thị trấn thanh sơn' … 'sau chợ thanh sơn'):
    the last two words of a removed place (no unit, position or function word among them), one a name syllable
    or a word in no list, go wherever they stand again, in any case (issue #15)."""
    text, marks = finder.text, finder.marks
    W = L["marked_words"] if marks else L["words"]
    units = W["name_units"] | W["village_units"] | W["place_run_stop"]
    spans = [(s, e) for s, e, label in finder.labelled if label == "LOCATION"] + \
        [(c.start, c.end) for c in finder.out if c.label == "LOCATION"]
    keys: set[str] = set()
    for s, e in spans:
        words = re.findall(r"[^\W\d_]+", text[s:e])
        for m in (2,):  # (the name of most places is its last two syllables: 'thị trấn | thanh sơn')
            tail = words[-m:]
            if len(tail) < m or any((w.lower() if marks else fold_lower(w)) in units or L["stop"].has(w, marks)
                                    for w in tail):
                continue
            if not any(L["given"].has(w, marks) or L["surnames"].has(w, marks)
                       or not any(L[x].has(w, marks) for x in ("common", "known", "clinical")) for w in tail):
                continue
            key = " ".join(w.lower() for w in tail)
            if fold_lower(key) in L["phrases"]:
                continue
            keys.add(key)
            break
    for key in keys:
        rx = re.compile(r"(?<!\w)" + r"[^\S\n]+".join(map(re.escape, key.split())) + r"(?!\w)", re.IGNORECASE)
        for m in rx.finditer(text):
            if finder.free(m.start(), m.end()):
                finder.take(m.start(), m.end(), "LOCATION", "strict: a place of this document said again")


def _people_phrase(finder, j: int, L) -> bool:
    """A head word and a people or language at toks[j] ('phiên dịch | tiếng Nùng', 'bác sĩ | người Tày', 'em |
    tiếng dao'; words.yaml people_heads, peoples): what the person speaks or is, no name."""
    toks, ctx = finder.ctx.tokens, finder.ctx
    W = L["marked_words"] if finder.marks else L["words"]

    def form(k: int) -> str:
        return toks[k][0].lower() if finder.marks else fold_lower(toks[k][0])

    n = len(toks)
    for h in (1, 2):
        if j + h >= n or not all(ctx.adj[j:j + h]) or " ".join(form(k) for k in range(j, j + h)) not in W["people_heads"]:
            continue
        for m in (3, 2, 1):
            if j + h + m <= n and all(ctx.adj[j + h - 1:j + h + m - 1]) \
                    and " ".join(form(k) for k in range(j + h, j + h + m)) in W["peoples"]:
                return True
    return False


def places_abroad(finder, L) -> None:
    """A town abroad in lower case between a place preposition and its country ('ở an san hàn quốc', 'bên thủy
    khẩu trung quốc', 'o dai trung dai loan'; words.yaml place_prepositions, countries_abroad): one to three
    syllables, none a function, person, position or generic place word (abroad_not_town), no two a known word.
    The country itself stays."""
    toks, ctx, marks = finder.ctx.tokens, finder.ctx, finder.marks
    W = L["marked_words"] if marks else L["words"]
    f = [t[0].lower() for t in toks] if marks else ctx.ftoks
    countries, preps, generic = W["countries_abroad"], W["place_prepositions"], W["abroad_not_town"]
    n = len(toks)

    def country_at(k: int) -> int:
        for m in (4, 3, 2, 1):
            if k + m <= n and all(ctx.adj[k:k + m - 1]) and all(toks[x][0].islower() for x in range(k, k + m)) \
                    and " ".join(f[k:k + m]) in countries:
                return m
        return 0

    def town_word(k: int) -> bool:
        w = toks[k][0]
        return toks[k][3] == "word" and w.isalpha() and w.islower() and vietnamese_like(w) \
            and finder.free(toks[k][1], toks[k][2]) and not L["stop"].has(w, marks) \
            and ctx.ftoks[k] not in L["person_words"] and f[k] not in W["place_run_stop"] and f[k] not in generic \
            and f[k] not in preps and not L["spoken"].has(w, marks) and not country_at(k)

    for c in range(2, n):
        if not country_at(c) or not ctx.adj[c - 1]:
            continue
        for m in (1, 2, 3):
            p = c - m - 1
            if p < 0 or not all(ctx.adj[p:c]) or not town_word(c - m):
                break
            if f[p] in preps and toks[p][3] == "word":
                if " ".join(f[p + 1:c]) in generic or any((ctx.ftoks[x], ctx.ftoks[x + 1]) in L["pairs"]
                                                           for x in range(p + 1, c - 1)) \
                        or ctx.match_at(p + 1, L["phrases"], folded=True) > p + 2:
                    break
                finder.take_free(toks[p + 1][1], toks[c - 1][2], "LOCATION", "strict: a town abroad before its country")
                break


def _person_cue_at(finder, k: int, L) -> bool:
    """A title or kinship cue starts at toks[k], whole ('bác sĩ', 'nhân viên'), not only its first word ('phòng
    khám thận nhân tâm': 'nhân' alone opens no 'nhân viên')."""
    ctx = finder.ctx
    n = len(ctx.tokens)
    for m in (1, 2, 3):
        if k + m <= n and all(ctx.adj[k:k + m - 1]):
            phrase = " ".join(ctx.ftoks[k:k + m])
            if phrase in L["titles"] or phrase in L["cue"]["name_before"]:
                return True
    return False
