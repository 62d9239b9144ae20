"""NAME: Vietnamese personal names from the surname / middle / given-name lexicons and from role and
kinship cues (`chị Lan`, `BS. Trần Thị Mai`, `BN Nguyễn Văn A`, initials `N.V.A`).

Works on folded text, so names without diacritics match; in UPPER-CASE documents capitalisation says
nothing, so every syllable must then be in a name lexicon. Common clinical phrases whose syllables are
also names (`bình thường`, `hồng cầu`, `đông máu`, `bàn tay`) never become names.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ...text.fold import fold_lower, fold_lower_all
from ...text.syllable import is_syllable
from .base import Candidate, Context, Recognizer, Taken, _index
from .lexicons import cues, cues_raw, names, vocab
from .regex_needs import CASE_EXOTIC
from .tables import header_lines

_V = vocab("names")  # resources/deid/vocab/names.yaml
_MIDDLE_THI = frozenset(_V["middle_thi"])
_VOCATIVE_NEEDS = _V["vocative_needs"]
_DEPARTMENT_WORDS = frozenset(_V["department_words"])

_DIGRAPHS = _V["digraphs"]
_INITIALS = re.compile(_V["initials"])
# a chat line: optional '[14/03 20:15]', '21:05 -' or '20/03/2026 19:42' stamp (an exported chat), then 1-5 words and ':'
_SPEAKER = re.compile(r"^[ \t]*(?:\[[^\]\n]{1,25}\][ \t]*|\d{1,2}[:h]\d{2}[ \t]*-[ \t]*"
                      r"|\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?,?[ \t]+(?:-[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?[ \t]*(?:-[ \t]*)?"
                      # the year first, as WeChat and Line export: '2026/12/04 07:58 李美芳:', '2026-12-04 07:58 Lan:'
                      r"|\d{4}[/.-]\d{1,2}[/.-]\d{1,2},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?[ \t]+(?:-[ \t]+)?"
                      # the clock first: '19:42 11/07/2026 hân bống:', '07:15 12/07 dung:'
                      r"|\d{1,2}:\d{2}[ \t]+\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?[ \t]+(?:-[ \t]+)?"
                      # an English date first: 'Thu 26 Nov 2026, 19:02 Jihoon Park:', '26 Nov 2026 19:02 -'
                      r"|(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?,?[ \t]+)?\d{1,2}[ \t]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
                      r",?[ \t]+\d{4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AP]M)?[ \t]+(?:-[ \t]+)?"
                      # a bare clock before the handle ('21:05 Minh:'): checked below, only in a chat
                      r"|(?P<bare>\d{1,2}:\d{2}[ \t]+))?"
                      # the staff member's role before a dash: 'Lễ tân - Thu Hà 20:52:' (checked below)
                      r"(?:(?P<pre>[^\W\d_]+(?:[ \t][^\W\d_]+){0,2})[ \t]+[-–][ \t]+)?"
                      # (a hyphenated given name, 'Marie-Laure', is one word)
                      r"(?P<who>[^\W\d_]+(?:-[^\W\d_]+)?(?:[ \t][^\W\d_]+(?:-[^\W\d_]+)?){0,4})[ \t]*"
                      # a chat handle often carries an emoji ('Trâm Anh 🌸:')
                      r"(?P<emoji>[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]{1,6}[ \t]*)?"
                      r"(?:\((?P<role>[^()\n]{1,20})\)[ \t]*)?"
                      # an exported chat puts the time after the handle: 'tuyet bong 18:02:', with the day before
                      # it: 'Oanh CTXH BV Nhi 06/11 19:05:'
                      r"(?P<clock>(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?,?[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?[ \t]*)?:",
                      re.MULTILINE)


_DAY_SENDER_TAIL = re.compile(r"[ \t]+(?:\d{1,2}/\d{1,2}[ \t]+)?\d{1,2}:\d{2}[ \t]*(?:\n|$)")
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]+) $")  # the word right before a position, for compound surnames
_EDGE_WORD = re.compile(r"[^\s,;:()]+")  # the words of a span, for `_trim_edges`
_HYPHEN_NAME = re.compile(r"[^\W\d_][^\W\d_A-Z]+-[A-Z][^\W\d_A-Z]+")


@lru_cache(maxsize=1 << 14)  # a note repeats its words
def ctx_key(w: str) -> str:
    return w.lower() if fold_lower(w) != w.lower() else fold_lower(w)


def _handle_tail(words: list[str], d) -> int:
    """How many words at the end of a chat handle are its owner's role tag and workplace ('CTXH BV Nhi' of 'Oanh CTXH
    BV Nhi'): from the first role tag (names.yaml stamp_role_tags, or an acronym in capitals that is no name word)
    after at least one name word to the end, every word capitalised, four words at most, the name words before it
    capitalised and not in capitals; 0 when there is none."""
    for j in range(1, len(words)):
        w = words[j]
        key = fold_lower(w)
        acronym = w.isalpha() and w.isupper() and 2 <= len(w) <= 6 \
            and not (key in d.giv or key in d.sur or key in d.mid or w.lower() in d.giv or w.lower() in d.sur or w.lower() in d.mid)
        if acronym or key in _STAMP_TAGS:
            if not all(w[:1].isupper() and not w.isupper() for w in words[:j]):
                return 0  # ('TRƯỞNG TRẠM (ký):' a heading in capitals: no name, then a tag)
            tail = words[j:]
            if len(tail) <= 4 and all(t[:1].isupper() for t in tail):
                return len(tail)
            return 0
    return 0


_INITIALS_FREE = re.compile(_V["initials_free"])
_INITIAL_ALONE = re.compile(_V["initial_alone"], re.MULTILINE)
_NOT_NAME_LOWER = frozenset(_V["not_name_lower"])


_VOCATIVE = re.compile(_V["vocative"], re.MULTILINE)
_VOCATIVE_MARKED = re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, _V["vocative_kin_marked"])) + r") (?P<who>[^\W\d_]+) (?:"
                              + "|".join(map(re.escape, _V["vocative_call_marked"])) + r")(?![^\W\d_])")
_SELF_INTRO = frozenset(_V["self_intro"])
_LOWER_NAME_FIELD = re.compile(_V["lower_name_field"])
_LIST_ITEM = re.compile(r"^[ \t]*(?:\d{1,3}[.)]|[-•*+])[ \t]+", re.MULTILINE)
_NICKNAME = re.compile(_V["nickname"])
_NICKNAME_FIELDS = tuple(_V["nickname_field"])
_DRUG_STRENGTH = re.compile(_V["drug_strength"])
_MIDDLE_ONLY = frozenset(_V["middle_only"])
_H_APOSTROPHE = re.compile(_V["h_apostrophe"])
_NAME_WORD_AFTER = re.compile(_V["name_word_after"])
_ABBREV_SURNAME = re.compile(_V["abbrev_surname"])
_GIVEN_AFTER_INITIALS = re.compile(_V["given_after_initials"])
_HIGHLANDS_FIRST = frozenset(_V["highlands_first"])
_HIGHLANDS_LOWER = frozenset(_V["highlands_lower"])
_HIGHLANDS_PREFIX = frozenset(_V["highlands_lower_prefix"])
_HIGHLANDS_OPENER_CAPS = frozenset(_V["highlands_opener_caps"])
_HIGHLANDS_CONTEXT = re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, _V["highlands_context"])) + r")(?![^\W\d_])",
                                re.IGNORECASE)


def _first_led(words) -> re.Pattern:
    """`_HIGHLANDS_CONTEXT` for lower-cased text, case-sensitive, each word opening with its first letter and the
    look-behind after it: `re` then skips to the positions holding one of those letters instead of trying the
    look-behind and the case-insensitive alternation at every position (5x faster on a 300-word note)."""
    by_first: dict[str, list[str]] = {}
    for w in sorted({w.lower() for w in words}, key=len, reverse=True):
        by_first.setdefault(w[0], []).append(w[1:])
    alts = [re.escape(c) + r"(?<![^\W\d_].)(?:" + "|".join(map(re.escape, rest)) + ")" for c, rest in by_first.items()]
    return re.compile(r"(?:" + "|".join(alts) + r")(?![^\W\d_])")


# (exact on `str.lower` of a text without the characters `re` matches case-insensitively to a letter they do not
# lower-case to, regex_needs.CASE_EXOTIC; a text holding one is searched with `_HIGHLANDS_CONTEXT`)
_HIGHLANDS_CONTEXT_LOWER = _first_led(_V["highlands_context"])


def _highlands_doc(ctx: Context) -> bool:
    """The note names a Central Highlands people or province (highlands_context, any case)."""
    cache = ctx._cache
    exotic = cache.get("case_exotic")
    if exotic is None:
        exotic = cache["case_exotic"] = any(c in ctx.text for c in CASE_EXOTIC)
    if exotic:
        return _HIGHLANDS_CONTEXT.search(ctx.text) is not None
    low = cache.get("lower")
    if low is None:
        low = cache["lower"] = ctx.text.lower()
    return _HIGHLANDS_CONTEXT_LOWER.search(low) is not None
_HIGHLANDS_OPENER_NOT_AFTER = frozenset(fold_lower(w) for w in _V["highlands_opener_not_after"])
_HMONG_CLANS = frozenset(_V["hmong_clans"])
_HMONG_MIDDLE = frozenset(_V["hmong_middle"])
_KIN_WORDS = frozenset(_V["kin_words"])
_BIRTH_ORDER = frozenset(_V["birth_order"])
_MIDDLE_KINH = frozenset(_V["middle_kinh"])
_NOT_NAMING = frozenset(_V["not_naming"])
_GREETING_BEFORE = frozenset(_V["greeting_before"])
_CHAT_ROLES = frozenset(_V["chat_roles"])
_TIME_WORDS = frozenset(_V["time_words"])
# cue lists whose words never open a chat handle ('Địa Chỉ:', 'Ngày:')
_LABEL_KEYS = ("location_field", "location_unit", "org_head", "profession_cue", "phone_cues", "date_cues", "name_before",
               "name_never")
_MAIL_HEADERS = frozenset(_V["mail_headers"])
_STAMP_LINE = re.compile(_V["stamp_speaker_line"], re.MULTILINE)
_STAMP_HEADER = re.compile(_V["stamp_chat_header"], re.MULTILINE)
_STAMP_TAGS = frozenset(_V["stamp_role_tags"])
_ETHNIC_GROUPS = frozenset(vocab("places")["ethnic_groups"])
_ETHNIC_BEFORE = frozenset(fold_lower(w) for w in vocab("places")["ethnic_before"] if " " not in w)
_ETHNIC_SUBGROUPS = frozenset(vocab("places")["ethnic_subgroups"])
_NAME_TITLES = frozenset(w.lower() for w in _V["name_titles"])
_NAME_TITLES_FOLDED = frozenset(fold_lower(w) for w in _V["name_titles"])
_STAMP_PREFIX = frozenset(_V["stamp_name_prefix"])
_STAMP_KIN = frozenset(_V["stamp_kin"])
_STAMP_LEAD = frozenset(_V["stamp_lead"])
_STAMP_CALL = frozenset(_V["stamp_call"])
_WORD = re.compile(r"[^\W_]+")
_AGE_AFTER_NAME = re.compile(_V["age_after_name"])
_HMONG_ALONE = re.compile(r"(?<![\w])(?P<clan>" + "|".join(sorted({re.escape(fold_lower(w)) for w in _V["hmong_clans"]}, key=len, reverse=True))
                          + r") (?:" + "|".join(sorted({re.escape(fold_lower(w)) for w in _V["hmong_middle_alone"]})) + r") [a-z]{2,6}(?![\w])")
_AGE_AFTER_NAME_MAX = int(_V["age_after_name_max"])
_LOWER_STOP = frozenset(_V["lower_name_stop"])
_LINE_SPEAKER_KIN = frozenset(_V["line_speaker_kin"])
_LOWER_NOT_FIRST = frozenset(_V["lower_name_not_first"])
_MINORITY_SURNAMES = frozenset(_V["minority_surnames"])
_MINORITY_SURNAMES_F = frozenset(fold_lower(w) for w in _MINORITY_SURNAMES)
_HAN = re.compile(r"[\u3400-\u9fff]")
_HAN_RUN = r"[\u3400-\u9fff]"
_HAN_CUE = re.compile("(?i:(?<![\\w])(?:" + "|".join(re.escape(c) for c in sorted(
    (c for c in _V["han_name_cues"] if not _HAN.search(c)), key=len, reverse=True)) + ")\\.?(?![\\w])|"
    + "|".join(re.escape(c) for c in sorted((c for c in _V["han_name_cues"] if _HAN.search(c)), key=len, reverse=True))
    + rf")(?:[ \t]*[:：][ \t]*|[ \t]+)({_HAN_RUN}{{2,4}}(?:[ 　]{_HAN_RUN}{{1,3}})?)(?!{_HAN_RUN})")
_HAN_CUES = frozenset(c for c in _V["han_name_cues"] if _HAN.search(c))
_HAN_NOT_NAMES = frozenset(_V["han_not_names"])
# a chat sender in Han characters: a line opening with a clock (a day before it, any order), then 2-4 Han characters
# and a colon; a form's field label ('诊断:') has no clock before it
_HAN_SENDER = re.compile(rf"^[ \t]*\[?(?:[\d/.\-]{{4,10}},?[ \t]+)?\d{{1,2}}:\d{{2}}(?::\d{{2}})?\]?,?[ \t]+"
                         rf"(?:[\d/.\-]{{4,10}}[ \t]+)?(?:-[ \t]+)?({_HAN_RUN}{{2,4}})[ \t]*[:：]", re.MULTILINE)
_HAN_HONORIFIC = re.compile(rf"(?<!{_HAN_RUN})(?!" + "|".join(map(re.escape, _V["han_not_names"])) + rf")({_HAN_RUN}{{1,4}}"
                            rf"(?:[ 　]{_HAN_RUN}{{1,4}})?)[ 　]?(?:" + "|".join(map(re.escape, _V["han_honorifics"])) + ")")
# romanised Mandarin with tone marks ('Lín Měilíng', 'Huáng Zhìqiáng'): carons and macrons never occur in Vietnamese
_CYRILLIC_NAME = re.compile(_V["cyrillic_name"])
_HAS_CYRILLIC = re.compile("[\u0400-\u04ff]")
_CREDENTIALS = "|".join(re.escape(c) for c in sorted(_V["post_nominals"], key=len, reverse=True))
_CREDENTIAL_HINT = re.compile(rf"(?<![\w])(?:{_CREDENTIALS})(?![\w])")
# (each word capitalised and then in lower case: 'Siobhan Murphy', 'Lò Thị Xuân'; a heading in capitals is no name)
_BEFORE_CREDENTIAL = re.compile(rf"(?<![\w.])((?:[A-ZĐÀ-Ỹ][a-zà-ỹđ'’\-]+[ \t]){{1,3}}[A-ZĐÀ-Ỹ][a-zà-ỹđ'’\-]+),?[ \t]+"
                                # (the credential ends the signature: a line end, a mark, a comma or another one)
                                rf"(?:{_CREDENTIALS})(?=[ \t]*(?:$|[|,;)(/]|(?:{_CREDENTIALS})(?![\w])))", re.MULTILINE)
_LONE_NOT_AFTER = frozenset(_V["lone_given_not_after"])
_SOCIAL_BAR = re.compile(_V["social_action_bar"])
_AUTHOR_LINE = re.compile(r"[ \t]*(?:[^\w\s]{1,3}[ \t]*)?((?:[^\W\d_][^\W\d_'’\-]*)(?:[ \t]+[^\W\d_][^\W\d_'’\-]*){1,4})[ \t]*")
_LONE_GIVEN_NEVER = frozenset(_V["lone_given_never"])
_PINYIN_ONLY = re.compile("[ǎǐǒǔěāēīōūǖǘǚǜǍǏǑǓĚĀĒĪŌŪ]")
_PY_WORD = "[A-ZĀÁǍÀĒÉĚÈÜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+"
_PINYIN_NAME = re.compile(rf"(?<![\w-])({_PY_WORD}(?: {_PY_WORD}){{1,2}})(?![\w-])")
_PINYIN_TONE = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")
_PINYIN_LETTER = re.compile("[zwfjZWFJ]|[qQ](?!u)")
_FOREIGN_ONSET = re.compile(r"[bcdfghkmpsvx][lr][aeiouyàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")
# digit words as speech-to-text writes them, and ten (vocab/spoken.yaml, the spoken-number recognizer's own list)
_SPOKEN_DIGITS = frozenset(vocab("spoken")["digits"]) | frozenset(
    w for w, role in vocab("spoken")["build"].items() if role == "ten")
# a lower-case full name around Văn / Thị: 'bác lương văn slấy', 'chị côn thị mơ', 'bé gái kray thị nhung tám tháng'
_LW = r"[a-zà-ỹđ]{1,9}"
# a capitalised word, Văn / Thị, a capitalised given name: a full name whatever the surname ('Côn Văn Tiếp',
# 'Chamalea Thi Lan', 'Pinang Thi Deo': Cơ Tu and Raglai surnames no lexicon holds)
_CW = r"[A-ZÀ-ỸĐ][a-zà-ỹđ]+"
_CAP_FULL = re.compile(rf"(?<![\w'@.-])({_CW}) (Văn|Thị|Van|Thi) ({_CW})(?: ({_CW}))?(?![\w'@-])")
_LOWER_FULL = re.compile(rf"(?<![\w'@.-])({_LW}) (văn|thị) ({_LW})(?: ({_LW}))?(?![\w'@])")


_STAFF_CUES = frozenset(_V["staff_cues"])
_PERSON_COLUMNS = frozenset(_V["person_columns"])
_SIGNER = re.compile(_V["signer"])


# romanised East Asian names: a hyphenated given name next to a surname ('Lee Soo-min', 'Ji-woo Kim'), or a surname
# in capitals before a capitalised given name in passport order ('KIM Ji-woo', 'TANAKA Hiroshi')
_HY = r"[A-Z][a-z]+-[A-Za-z][a-z]+"
_FOREIGN_NAME = re.compile(rf"(?<![\w-])(?:(?P<s1>[A-Z][a-z]+|[A-Z]{{2,}}) {_HY}|{_HY} (?P<s2>[A-Z][a-z]+|[A-Z]{{2,}})"
                           rf"|(?P<s3>[A-Z]{{2,}}) [A-Z][a-z]+(?: [A-Z][a-z]+)?"
                           # given-last order in a text with diacritics: 'chồng Tanaka Kenji' (checked below)
                           rf"|(?P<s4>[A-Z][a-z]{{2,}}) [A-Z][a-z]{{2,}}(?! [A-Z])"
                           # all in capitals, even in a text in capitals: 'KIM JI-WOO', 'PARK MIN-JUN'
                           rf"|(?P<s5>[A-Z]{{2,}}) [A-Z]{{2,}}-[A-Z]{{2,}})(?![\w-])")
_SHORT_FOREIGN_OK = frozenset(_V["short_foreign_ok"])


@lru_cache(maxsize=1)
def ordinary_words() -> tuple[frozenset, frozenset]:
    """Ordinary Vietnamese vocabulary, lower case with marks: (adjacent syllable pairs of every word of two or more
    syllables, every syllable). A lower-case name candidate is dropped when it forms such a word with its
    neighbour ('hạnh phúc', 'bà con', 'thị trấn', 'văn bản'). The list is underthesea's Viet74K word list (a
    dependency of vimednlp, read where it is installed, loaded on first use) plus our own additions
    (`resources/deid/names/ordinary_extra.txt`); without underthesea only our additions guard."""
    import importlib.util
    from pathlib import Path

    from ...paths import resource_path

    lines: list[str] = []
    spec = importlib.util.find_spec("underthesea")  # (finds the package without running its __init__)
    if spec is not None and spec.submodule_search_locations:
        f = Path(list(spec.submodule_search_locations)[0]) / "corpus" / "data" / "Viet74K.txt"
        if f.exists():
            lines = f.read_text(encoding="utf-8").splitlines()
    extra = resource_path("deid", "names", "ordinary_extra.txt")
    if extra.exists():
        lines += [x for x in extra.read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")]
    pairs: set[str] = set()
    syllables: set[str] = set()
    # (one `str.lower` of the whole list; most entries are one or two syllables: a two-syllable entry written with
    # one space is its own pair)
    lowered = "\n".join(lines).lower().split("\n") if not any("\n" in w for w in lines) else [w.lower() for w in lines]
    for w in lowered:
        parts = w.split()
        syllables.update(parts)
        if len(parts) == 2:
            pairs.add(w if len(w) == len(parts[0]) + len(parts[1]) + 1 else f"{parts[0]} {parts[1]}")
        elif len(parts) > 2:
            pairs.update(f"{a} {b}" for a, b in zip(parts, parts[1:]))
    return frozenset(pairs), frozenset(syllables)


@lru_cache(maxsize=1)
def _marked_only_cues() -> frozenset:
    """One-word name cues (cues.json name_before) always written with marks ('cháu', 'thầy'), by their folded form."""
    raw = [x.lower() for x in cues_raw()["name_before"] if " " not in x.strip()]
    plain = {x for x in raw if fold_lower(x) == x}
    return frozenset(fold_lower(x) for x in raw if fold_lower(x) != x) - plain


@lru_cache(maxsize=1)
def lower_word_pairs() -> frozenset:
    """Adjacent syllable pairs of the ordinary words that the word list writes in lower case ('hòa bình', 'nhà bè';
    not the proper names it also lists capitalised, 'Ba Chúc', 'An Thới'), in both tone conventions ('hoà', 'hòa')."""
    import importlib.util
    from pathlib import Path

    from ...text.normalize import place_tone

    lines: list[str] = []
    spec = importlib.util.find_spec("underthesea")
    if spec is not None and spec.submodule_search_locations:
        f = Path(list(spec.submodule_search_locations)[0]) / "corpus" / "data" / "Viet74K.txt"
        if f.exists():
            lines = f.read_text(encoding="utf-8").splitlines()
    pairs: set[str] = set()
    for w in lines:
        if w != w.lower():
            continue
        for form in {w, place_tone(w, "old"), place_tone(w, "new")}:
            parts = form.split()
            pairs.update(f"{a} {b}" for a, b in zip(parts, parts[1:]))
    return frozenset(pairs)


@lru_cache(maxsize=1)
def _folded_syllables() -> frozenset:
    """Every ordinary syllable without its marks ('nguoi', 'nao'): a word that is none is no Vietnamese word."""
    return frozenset(_syllable_folds().values())


@lru_cache(maxsize=1)
def _syllable_folds() -> dict[str, str]:
    """Each ordinary syllable and its folded form: a pair folds as its two syllables do (folding reads one character
    at a time, and a space ends a word for `str.lower` as the end of a string does), so the 60 000 pairs are folded
    by two look-ups each instead of a `translate` of them all."""
    syllables = list(ordinary_words()[1])
    return dict(zip(syllables, fold_lower_all(syllables)))


@lru_cache(maxsize=1)
def _folded_pairs() -> frozenset:
    fs = _syllable_folds()
    return frozenset(f"{fs[a]} {fs[b]}" for a, _, b in (p.partition(" ") for p in ordinary_words()[0]))


@lru_cache(maxsize=1)
def _half_folded_pairs() -> tuple[frozenset, frozenset]:
    """Ordinary pairs with one syllable folded: ('chí hoa', 'hoa chí'-style keys), first kept and second kept."""
    pairs = ordinary_words()[0]
    fs = _syllable_folds()  # (each syllable folded once)
    first_kept, second_kept = set(), set()
    for p in pairs:
        a, _, b = p.partition(" ")
        first_kept.add(f"{a} {fs[b]}")
        second_kept.add(f"{fs[a]} {b}")
    return frozenset(first_kept), frozenset(second_kept)


def _half_folded_pair(neighbour: str, w: str, neighbour_first: bool, loose: bool = False) -> bool:
    """Whether an unmarked word `w` and its neighbour make an ordinary word once `w`'s marks are restored: a
    neighbour without marks is compared folded, one with marks as written (`loose`: folded too, for a word that is
    a common word without its marks, 'van' of 'vẫn', 'bac' of 'bác')."""
    nf = fold_lower(neighbour)
    if nf == neighbour or loose:
        return (f"{nf} {w}" if neighbour_first else f"{w} {nf}") in _folded_pairs()
    first_kept, second_kept = _half_folded_pairs()
    return f"{neighbour} {w}" in first_kept if neighbour_first else f"{w} {neighbour}" in second_kept


_VOWEL = re.compile("[aeiouy]")


@lru_cache(maxsize=1)
def _unmarked_cue_words() -> frozenset:
    """One-word cues that have no marks as properly written ('anh', 'em', 'con', 'bs'), not the folded twins of
    marked ones ('thang' of 'thằng', 'chi' of 'chị'): in a text with marks only these call a name unmarked."""
    cw = _derived_sets()[0]
    marked = {fold_lower(w) for w in cw if fold_lower(w) != w}
    return frozenset(w for w in cw if fold_lower(w) == w and w not in marked)
_TEENCODE = tuple(tuple(x.split(">")) for x in _V["teencode_letters"])


def _teencode_syllable(w: str) -> bool:
    """Whether a word is a Vietnamese syllable typed in teencode ('nhju' nhiều, 'wa' qua, 'zui' vui): one letter
    swap of vocab/names.yaml teencode_letters makes it one."""
    syl = _folded_syllables()
    return any(a in w and w.replace(a, b) in syl for a, b in _TEENCODE)


@lru_cache(maxsize=1)
def _english_words() -> frozenset:
    """Ordinary English words (the strict profile's list, resources/deid/strict/english_words.txt): a lower-case word
    outside Vietnamese that is one of these is no name."""
    from ...paths import resource_path

    f = resource_path("deid", "strict", "english_words.txt")
    if not f.exists():
        return frozenset()
    return frozenset(x.strip().lower() for x in f.read_text(encoding="utf-8").splitlines()
                     if x.strip() and not x.startswith("#"))


@lru_cache(maxsize=1)
def _folded_stop() -> frozenset:
    return frozenset(fold_lower(x) for x in _LOWER_STOP)


@lru_cache(maxsize=1)
def _derived_sets() -> tuple[frozenset, frozenset]:
    """One-word name cues and given-or-middle names: built once, not per document."""
    lex = names()
    return frozenset(c for c in cues()["name_before"] if " " not in c), frozenset(lex["given"] | lex["middle"])


def _without(ctx, out: list, inner: list) -> Taken:
    """Drop the candidates `inner` (shorter names inside a longer one that replaces them) from `out` and return
    the character map of what is left."""
    for c in inner:
        out.remove(c)
    taken = Taken(len(ctx.text))
    for c in out:
        taken.add(c.start, c.end)
    return taken


class _Doc:
    """What the name rules share while reading one document: the lexicons, the tokens, the names found so far
    (`out`) and the characters they take (`taken`, made after the token scan)."""

    __slots__ = ("before", "caps_names", "comp", "ctx", "cue", "cue_words", "ft", "giv", "giv_mid", "lex", "lower_marks",
                 "lower_doc", "lower_tok", "mid", "n", "never", "out", "speakers", "sur", "taken", "toks", "upper",
                 "highland_doc")


@lru_cache(maxsize=1)
def _speaker_roles_set() -> frozenset:
    return frozenset(w.lower() for w in cues()["name_before"])


class _SpeakerRoles:
    """Role words that label a transcript's turns ('Bác sĩ:', 'Người nhà:'): the person cues of cues.json, lazily."""

    def __contains__(self, key: str) -> bool:
        return key in _speaker_roles_set()


_SPEAKER_ROLES = _SpeakerRoles()


def lower_segments(ctx: Context) -> bytearray:
    """Per token, 1 where it lies in a stretch of the text typed in lower case with marks: a run of lines each with
    at most one word in ten capitalised, twenty words or more in all, at most 3% of them capitalised and a fifth or
    more marked (a speech-to-text transcript or a voice message pasted under a capitalised header and above a
    capitalised note). The whole text when it is such a stretch itself. Cached on the context."""
    got = ctx._cache.get("lower_segments")
    if got is not None:
        return got
    toks, n = ctx.tokens, len(ctx.tokens)
    flags = bytearray(n)
    ctx._cache["lower_segments"] = flags
    if not ctx.diacritics or ctx.upper_doc or n == 0:
        return flags
    if ctx.n_words >= 20 and ctx.n_cap_words <= 0.03 * ctx.n_words:
        flags[:] = b"\x01" * n
        return flags
    text, ft = ctx.text, ctx.ftoks
    # each line's token range and its word, capitalised word and marked word counts
    lines: list[list[int]] = []  # [first token, end token, words, capitalised, marked]
    cur = [0, 0, 0, 0, 0]
    for j, t in enumerate(toks):
        if j > 0 and "\n" in text[toks[j - 1].end:t.start]:
            cur[1] = j
            lines.append(cur)
            cur = [j, j, 0, 0, 0]
        if t.kind == "word":
            cur[2] += 1
            cur[3] += ctx.caps[j]
            cur[4] += t.text.lower() != ft[j]
        elif ft[j] == ":" and 0 < j - cur[0] <= 4 and cur[2] <= 3 and (
                toks[j - 1].kind == "number" and cur[2] == j - cur[0] - 1
                or cur[2] == j - cur[0] and " ".join(ctx.ktoks[cur[0]:j]) in _SPEAKER_ROLES):
            # a transcript turn's speaker label ('Người nói 1:', 'Bác sĩ:', 'Người nhà:') is the tool's, not the
            # typing: the words before it count for nothing (a chat handle, a person's name, still counts)
            cur[2] = cur[3] = cur[4] = 0
    cur[1] = n
    lines.append(cur)
    block: list[list[int]] = []

    def close() -> None:
        words = sum(x[2] for x in block)
        if words >= 20 and sum(x[3] for x in block) <= 0.03 * words and sum(x[4] for x in block) >= 0.2 * words:
            flags[block[0][0]:block[-1][1]] = b"\x01" * (block[-1][1] - block[0][0])
        block.clear()

    for line in lines:
        if line[3] * 10 > line[2]:
            close()
        else:
            block.append(line)
    close()
    return flags


@lru_cache(maxsize=1)
def _spelling_words() -> tuple[dict[str, str], frozenset[str]]:
    """The letters' spoken names (as written and folded) and the words naming marks (vocab/spoken.yaml)."""
    v = vocab("spoken")
    letters = {}
    for w, ch in v["letter_names"].items():
        letters.setdefault(w, ch)
    for w, ch in v["letter_names"].items():
        letters.setdefault(fold_lower(w), ch)
    return letters, frozenset(v["spelling_marks"])


class NameRecognizer(Recognizer):
    name = "name"
    labels = ("NAME",)

    def analyze(self, ctx: Context) -> list[Candidate]:
        d = self._doc(ctx)
        self._scan(d)
        self._chat_speakers(d)
        if "\n" in ctx.text and ":" in ctx.text:
            self._stamp_speakers(d)
        if ctx.diacritics and not d.upper and "\n" in ctx.text:
            self._line_open_speakers(d)
        self._free_initials(d)
        if not d.upper:
            self._abbreviated_surnames(d)
        self._vocatives(d)
        self._list_items(d)
        self._lower_name_fields(d)
        if d.ctx.diacritics and not d.upper and (" văn " in d.ctx.text or " thị " in d.ctx.text):
            self._lower_full_names(d)
        if not d.upper and any(w in d.ctx.text for w in (" Văn ", " Thị ", " Van ", " Thi ")):
            self._capitalised_full_names(d)
        if not d.upper and d.highland_doc and any(f"{w} " in d.ctx.text for w in _HIGHLANDS_OPENER_CAPS):
            self._highlands_openers(d)
        self._nicknames(d)
        self._foreign_names(d)
        self._signature_slots(d)
        if "|" in ctx.text and not d.upper:
            self._staff_columns(d)
        self._h_apostrophe_names(d)
        if _HAN.search(ctx.text) or _PINYIN_ONLY.search(ctx.text):
            self._east_asian_names(d)
        if _HAS_CYRILLIC.search(ctx.text):
            self._cyrillic_names(d)
        if not d.upper and _CREDENTIAL_HINT.search(ctx.text):
            self._names_before_credentials(d)
        if "·" in ctx.text:
            self._authors_after_action_bars(d)
        self._propagate(ctx, d.out, d.taken, d.before)
        if d.lower_doc:
            self._propagate_lower(d)
        if not d.upper:
            self._initials_alone(d)
        if d.lower_doc or not ctx.diacritics:
            self._spelled_aloud(d)
        if not d.upper:
            self._hmong_names_alone(d)
        if ctx.diacritics and not d.upper:
            self._lone_given_names(d)
        if "th" in ctx.folded:
            self._age_after_name(d)
        if not d.upper:
            self._trim_edges(d)
        self._drop_peoples(d)
        heads = header_lines(ctx)
        if heads:
            # a table's header row typed without separators: 'Họ tên Tuổi Giới Địa chỉ' names columns, not people
            return [c for c in d.out if not any(s <= c.start and c.end <= e for s, e in heads)]
        return d.out

    def _drop_peoples(self, d: _Doc) -> None:
        """A people named where a name could stand is no person: a people's branch ('Dân tộc: Dao Tiền', 'Hoa
        Triều Châu'), or the people whose language a name is given in ('tên Dao: Bàn Mùi Sểnh', 'tên Hoa: ...')."""
        ctx, ft = d.ctx, d.ctx.ftoks
        keep = []
        for c in d.out:
            if c.label == "NAME":
                a = ctx.token_index_at(c.start)
                if a is None:
                    keep.append(c)
                    continue
                b = a
                while b < len(ft) and ctx.tokens[b].end <= c.end:
                    b += 1
                written = " ".join(t.text.lower() for t in ctx.tokens[a:b])
                if written in _ETHNIC_SUBGROUPS or b == a + 1 and ft[a] in _ETHNIC_GROUPS and (
                        a > 0 and ctx.tokens[a - 1].text.lower() == "tên" and b < len(ft) and ft[b] == ":"):
                    continue
            keep.append(c)
        d.out[:] = keep

    def _trim_edges(self, d: _Doc) -> None:
        """A name of 2+ words loses what stands at its edges but names no one: a role or field tag in capitals after
        a name in mixed case inside a sentence ('chị Yến CTXH 0914 ...', 'chồng Lê Văn Sang ĐT 0329 ...': an acronym
        that is no name word; a chat handle, 'Thảo DS:', keeps its tag) and a title before it ('BS Tung 06/12 07:55:',
        'bs Hanh:', 'Dr Satō'), compared as written ('Bàn', 'Võ', 'Bế' are surnames, not 'bạn', 'vợ', 'bé'): the
        identifier, not its cue."""
        text, lex_words = d.ctx.text, (d.sur, d.mid, d.giv)
        titles = _NAME_TITLES if d.ctx.diacritics else _NAME_TITLES | _NAME_TITLES_FOLDED

        def tag(w: str) -> bool:  # an acronym in capitals that no name lexicon holds ('VH', 'ĐT', 'CDC')
            f = fold_lower(w)
            return w.isalpha() and w.isupper() and 2 <= len(w) <= 5 and not any(f in s for s in lex_words)
        for k, c in enumerate(d.out):
            if c.label != "NAME":
                continue
            words = [(m.start(), m.end(), m.group()) for m in _EDGE_WORD.finditer(text, c.start, c.end)]
            if len(words) < 2:
                continue
            i, j = 0, len(words)
            mixed = [w for _, _, w in words if not w.isupper()]
            handle = text[c.end:c.end + 2].lstrip(" \t")[:1] == ":"
            if mixed and all(w[:1].isupper() for w in mixed) and not handle:
                while j - i > 1 and tag(words[j - 1][2]):
                    j -= 1
            # a title before the name: the longest cue phrase the span opens with, never the whole span; a day
            # export's sender line ('BS Minh Tâm 20:05' alone on its line) is a display name and keeps it
            for n_t in (() if _DAY_SENDER_TAIL.match(text, c.end) else (2, 1)):
                if j - i > n_t and " ".join(w for _, _, w in words[i:i + n_t]).lower() in titles \
                        and words[i + n_t][2][:1].isupper():
                    i += n_t
                    break
            if (i, j) != (0, len(words)):
                d.out[k] = Candidate(words[i][0], words[j - 1][1], c.label, c.score, c.source, c.explanation, c.attrs)

    def _hmong_names_alone(self, d: _Doc) -> None:
        """A Mông name in lower case without a cue: a clan, a middle name no Vietnamese word shares ('seo', 'sếnh'),
        a given name ('ly seo pao', 'giàng sếnh chứ'): matched on the folded text, the words as typed in lower case."""
        ctx, out = d.ctx, d.out
        spans = [(c.start, c.end) for c in out]
        for m in _HMONG_ALONE.finditer(ctx.folded):
            s, e = m.start(), m.end()
            words = ctx.text[s:e].split()
            if not all(w.islower() for w in words) or fold_lower(words[-1]) in _NOT_NAME_LOWER \
                    or any(a < e and s < b for a, b in spans):
                continue
            out.append(Candidate(s, e, "NAME", 0.75, self.name, "Mông clan + middle name + given name (lower case)"))
            spans.append((s, e))

    def _age_after_name(self, d: _Doc) -> None:
        """A child's age in months right after the child's name ('ly seo pao 9 thang, bo ...', 'bé Lò Thị Mai 18
        tháng, cân nặng ...'): an AGE when a comma, a bracket, a dash or the line's end follows."""
        text, out = d.ctx.text, d.out
        spans = [(c.start, c.end) for c in out]
        for c in [c for c in out if c.label == "NAME"]:
            m = _AGE_AFTER_NAME.match(text, c.end)
            if m is None or not 1 <= int(m.group("n")) <= _AGE_AFTER_NAME_MAX:
                continue
            s, e = m.start("age"), m.end("age")
            if any(a < e and s < b for a, b in spans):
                continue
            out.append(Candidate(s, e, "AGE", 0.8, self.name, "a child's age in months after the name"))
            spans.append((s, e))

    def _spelled_aloud(self, d: _Doc) -> None:
        """A name spelled aloud right after it is said, in a transcript: 'đàng là đê a en gờ có dấu huyền', 'mỹ lệ là
        mờ y dấu ngã lờ ê dấu nặng'. The letters (spoken.yaml letter_names; the words naming marks between them are
        skipped) must spell the words before 'là' exactly, and one of those words must be in a name found in the text;
        then the words and each run of letters are that name (the marks' words stay)."""
        ctx, toks, n = d.ctx, d.toks, d.n
        fts = ctx.ftoks
        if "la" not in fts:
            return
        letters, marks = _spelling_words()
        names_f = [" " + " ".join(fts[a:b]) + " " for a, b in self._cand_tokens(ctx, d.out)]
        if not names_f:
            return
        spans = [(c.start, c.end) for c in d.out]

        def free(a: int, b: int) -> bool:
            return not any(x < b and a < y for x, y in spans)

        for x in range(1, n - 2):
            if fts[x] != "la" or not ctx.adj[x] or (ctx.diacritics and toks[x].text.lower() != "là"):
                continue
            runs: list[tuple[int, int]] = []
            spelled = []
            y, start = x + 1, None
            while y < n and y - x <= 24 and (y == x + 1 or ctx.adj[y - 1]):
                w = toks[y].text.lower()
                ch = letters.get(w) or (None if ctx.diacritics else letters.get(fts[y]))
                if ch is not None and toks[y].kind == "word":
                    spelled.append(ch)
                    start = y if start is None else start
                elif fts[y] in marks and start is not None or fts[y] in marks and runs:
                    if start is not None:
                        runs.append((start, y))
                    start = None
                else:
                    break
                y += 1
            if start is not None:
                runs.append((start, y))
            word = "".join(spelled)
            if len(word) < 2:
                continue
            for k in range(1, 5):
                a = x - k
                if a < 0 or toks[a].kind != "word" or not all(ctx.adj[a:x]):
                    break
                said = "".join(fts[a:x]).replace("đ", "d")
                if len(said) > len(word):
                    break
                if said != word:
                    continue
                if not any(f" {w} " in nm for w in fts[a:x] for nm in names_f):
                    break  # (one of the words must be in a name found: 'mỹ lệ' spelled after 'đàng thị mỹ')
                for s, e in [(a, x), *runs]:
                    if free(toks[s].start, toks[e - 1].end):
                        spans.append((toks[s].start, toks[e - 1].end))
                        d.out.append(Candidate(toks[s].start, toks[e - 1].end, "NAME", 0.7, self.name,
                                               "a name and its letters spelled aloud after it"))
                break

    @staticmethod
    def _cand_tokens(ctx: Context, out: list[Candidate]) -> list[tuple[int, int]]:
        """The token range of each name found so far."""
        res = []
        for c in out:
            if c.label != "NAME":
                continue
            i = ctx.token_index_at(c.start)
            if i is None:
                continue
            j = i
            while j < len(ctx.tokens) and ctx.tokens[j].end <= c.end:
                j += 1
            if j > i:
                res.append((i, j))
        return res

    @staticmethod
    def _doc(ctx: Context) -> _Doc:
        """The lexicons and what is decided once per document (upper case, chat, names capitalised)."""
        d = _Doc()
        d.ctx = ctx
        lex = names()
        cue = cues()
        before = cue["name_before"]
        never = cue["name_never"]
        cue_words, giv_mid = _derived_sets()
        sur, mid, giv, comp = lex["surname"], lex["middle"], lex["given"], lex["compound"]
        toks, ft = ctx.tokens, ctx.ktoks
        n = len(toks)
        out: list[Candidate] = []
        upper = ctx.upper_doc
        # a text without diacritics that still capitalises names ('Tran Bao Chau'): a lower-case word after a kinship
        # cue is then a common word typed without marks ('di chung' = di chứng, 'dieu duong (du dinh' = dự định);
        # only a staff title right before it still calls someone ('bs my goi')
        caps_names = not ctx.diacritics and not upper and any(
            ctx.caps[j] and ctx.caps[j + 1] and ctx.adj[j] and ft[j] in lex["surname"]
            and (ft[j + 1] in lex["middle"] or ft[j + 1] in lex["given"]) for j in range(n - 1))
        speakers = list(_SPEAKER.finditer(ctx.text))
        # a chat typed all in lower case but with diacritics ('bà đào thị thìn', 'bs quang'): the marks keep the
        # lexicon keys exact, so the lower-case rules for text without marks apply; almost no word is capitalised
        # (only in a chat: in lower-case prose a cue word opens common phrases, 'bố trí', 'bà con')
        lower_marks = False
        if ctx.diacritics and not upper and len(speakers) >= 3:
            lower_marks = ctx.n_words >= 20 and ctx.n_cap_words <= 0.02 * ctx.n_words
        d.lex, d.cue, d.before, d.never, d.cue_words, d.giv_mid = lex, cue, before, never, cue_words, giv_mid
        d.sur, d.mid, d.giv, d.comp = sur, mid, giv, comp
        d.toks, d.ft, d.n, d.out, d.upper = toks, ft, n, out, upper
        d.caps_names, d.speakers, d.lower_marks = caps_names, speakers, lower_marks
        # any text typed in lower case with marks (a speech-to-text transcript, a dictated hand-over, a chat without
        # ':' handles): names are read from their shape, guarded by the ordinary-word list (ordinary_words)
        # (decided per stretch of lines: a lower-case transcript under a capitalised header is read so too)
        d.lower_tok = lower_segments(ctx)
        d.lower_doc = 1 in d.lower_tok
        d.taken = None
        d.highland_doc = _highlands_doc(ctx)
        return d

    def _scan(self, d: _Doc) -> None:
        """Token by token: names after a role or kinship cue (initials, lower-case given names, Central Highlands
        names, capitalised words), surname-led names from the lexicons, birth-order names."""
        ctx = d.ctx
        lex, cue, before, never, cue_words, giv_mid = d.lex, d.cue, d.before, d.never, d.cue_words, d.giv_mid
        sur, mid, giv, comp, toks, ft = d.sur, d.mid, d.giv, d.comp, d.toks, d.ft
        n, out, upper = d.n, d.out, d.upper

        def in_lex(j: int) -> bool:
            # ('A' is a Hmong men's middle name: 'HẦU A CHỨ', 'Sùng A Páo')
            return ft[j] in sur or ft[j] in mid or ft[j] in giv or (j > 0 and ft[j] in _MIDDLE_ONLY and ft[j - 1] in sur)

        before_last, fts, caps = (before._idx or _index(before))[1], ctx.ftoks, ctx.caps
        # where a rule can start: a capitalised word, or a token after a cue's last word or a skipped mark (most
        # tokens are neither: `list.index` jumps over them at C speed instead of one loop turn each)
        after_cue = [False] + [w in before_last or (len(x) == 1 and x in ":.-,(") for w, x in zip(ft, fts[:-1])]
        # (and only a word, an abbreviation, a mark or a code that starts with a letter, as the test below the jump says)
        # (and a Central Highlands family name in lower case, which needs no cue: 'tôi ksor y thuân')
        after_cue = [a or w in _HIGHLANDS_LOWER for a, w in zip(after_cue, fts)]
        may_start = [((c and t[3] == "word") or a) and t[3] in ("word", "dotted", "punct", "code") and t[0][:1].isalpha()
                     for c, t, a in zip(caps, toks, after_cue)]
        i = 0
        while i < n:
            try:
                i = may_start.index(True, i)
            except ValueError:
                break
            t = toks[i]
            if t.kind not in ("word", "dotted", "punct", "code") or not t.text[:1].isalpha():
                i += 1
                continue
            # (cue_before finds nothing unless the token before is a cue's last word or a skipped mark)
            cue_hit = ctx.cue_before(i, before) if i > 0 and (ft[i - 1] in before_last or (
                len(fts[i - 1]) == 1 and fts[i - 1] in ":.-,(")) else None
            if cue_hit:
                k = i  # (back over the marks cue_before skipped: 'người bệnh:\n- Họ và tên' crosses a line)
                while k > 0 and k > i - 3 and len(fts[k - 1]) == 1 and fts[k - 1] in ":.-,(":
                    k -= 1
                if k > 0 and "\n" in ctx.text[toks[k - 1].end:t.start]:
                    cue_hit = None  # a cue at the end of the previous line names nothing here
            if cue_hit and i > 1 and ft[i - 1] == "." and toks[i - 2].text.islower() and (
                    ctx.ftoks[i - 2] in _KIN_WORDS or i > 2 and ctx.ftoks[i - 3] in _KIN_WORDS and toks[i - 3].text.islower()):
                # 'giúp cháu. Mail ...', 'Ok anh. Thông tin ...', 'ở nhà con gái. Đau khớp': the address term ends a sentence
                cue_hit = None
            # initials after a cue: 'bà H.T.P', 'BN N.V.A'
            if cue_hit and _INITIALS.fullmatch(ctx.text[t.start:self._glued_end(ctx, i)]):
                e = self._glued_end(ctx, i)
                # then the given name ('người nhà N.V. An'; the canonical view reads 'N.V.An' so)
                g = _GIVEN_AFTER_INITIALS.match(ctx.text, e) if ctx.text[e - 1] == "." and not upper else None
                if g and ctx_key(g.group(1)) in giv:
                    e = g.end()
                out.append(Candidate(t.start, e, "NAME", 0.85, self.name, "initials after a role/kinship cue"))
                i = ctx.token_index_at(e) or i + 1
                continue
            lower_text = not upper and (not ctx.diacritics or d.lower_tok[i] or d.lower_marks)
            if lower_text and t.kind == "word" and not ctx.caps[i]:
                e = self._highlands_lower(d, i, cue_hit)
                if e:
                    out.append(Candidate(t.start, toks[e - 1].end, "NAME", 0.6, self.name,
                                         "Central Highlands name in lower case (opener + non-Vietnamese syllable)"))
                    i = e
                    continue
            if cue_hit and not upper and not ctx.diacritics and not ctx.caps[i] and t.kind == "word" \
                    and (ft[i] in _HIGHLANDS_LOWER or ft[i].startswith("h'") and len(ft[i]) > 3):
                # 'ong ksor y bluih', "co h'nhi nie" (Ê Đê, Jrai names typed in lower case): the syllables after
                # the family name or the women's H' are outside every lexicon; up to two of them
                e = i + 1
                while e < n and e - i < 3 and ctx.adj[e - 1] and toks[e].kind == "word" and not ctx.caps[e] \
                        and ctx.ftoks[e] not in _NOT_NAME_LOWER and ft[e] not in cue_words:
                    e += 1
                out.append(Candidate(t.start, toks[e - 1].end, "NAME", 0.6, self.name,
                                     "Central Highlands name after a kinship cue (lower case)"))
                i = e
                continue
            if not (toks[i].kind == "word" and ctx.caps[i]):
                # lower-case given name right after a kinship cue: 'chi lan', 'anh hung' (chat style)
                i = self._lower_case_after_cue(d, i, cue_hit) if cue_hit else i + 1  # (each rule there needs a cue)
                continue
            # 'ThS.BS Trần Thị Mai Anh - Khoa Tim mạch': a department after a dash, never a name
            if (i == 0 or ft[i - 1] in ("-", "–", "—", ":") or "\n" in ctx.text[toks[i - 1].end:t.start]) \
                    and (ctx.ftoks[i] in _DEPARTMENT_WORDS or ctx.match_at(i, cue["org_head"]) > i) and i + 1 < n and ctx.caps[i + 1]:
                i += 1
                continue
            # 'Trưởng khoa Ngoại Nhi', 'trưởng phòng Kế hoạch': after a head-of-department title the capitalised
            # words name the department (a surname there starts the head's own name: 'Trưởng khoa Lê Văn An')
            if cue_hit and fold_lower(cue_hit).split(" ")[-1] in _DEPARTMENT_WORDS and " " in cue_hit \
                    and ft[i] not in sur:
                i += 1
                continue
            # 'BÁC SĨ: ...', 'Lương y:': the word closes a phrase that is never a name
            if i > 0 and ctx.adj[i - 1] and f"{ft[i - 1]} {ft[i]}" in never:
                i += 1
                continue
            # the run of capitalised words starting at i
            j = i
            while j + 1 < n and j - i < 5 and toks[j + 1].kind == "word" and ctx.caps[j + 1] \
                    and ctx.adjacent(j, j + 1):
                j += 1
            run_end = j + 1
            start_is_cue = ft[i] in cue_words and run_end - i >= 2 \
                and not (ft[i] in sur and ft[i + 1] in _MIDDLE_THI)  # 'ĐD Ông Thị Nguyệt': surname Ông, not 'Mr'
            # 'thầy Chau Sóc Kha': in a text with marks, a surname written without them is no cue that needs its
            # marks ('Chau', the Khmer surname, is not 'cháu')
            unmarked_surname = ctx.diacritics and ft[i] in sur and ctx.ktoks[i] == ft[i] and ft[i] in _marked_only_cues() \
                and run_end - i >= 2 and t.text[1:].islower() and not toks[i + 1].text.isupper()
            if unmarked_surname:
                start_is_cue = False
            if cue_hit and t.text in _BIRTH_ORDER and run_end - i >= 2 and not upper \
                    and not self._never(ft, i + 1, run_end, never) and ctx.ktoks[i + 1] not in never:
                e = min(run_end, i + 3)
                out.append(Candidate(t.start, toks[e - 1].end, "NAME", 0.8, self.name,
                                     "birth-order name + capitalised name after a role/kinship cue"))
                i = e
                continue
            if start_is_cue:
                i += 1
                continue
            # lexicon: surname (or compound surname) + middle/given syllables
            k = i
            if i + 1 < run_end and f"{ft[i]} {ft[i + 1]}" in comp:
                k = i + 2
            elif ft[i] in sur:
                k = i + 1
            cand_end = None
            why = ""
            if k > i:
                e = k
                while e < run_end and e - i < 5 and (ft[e] in mid or ft[e] in giv):
                    e += 1
                if e == k == i + 2 and f"{ft[i]} {ft[i + 1]}" in lex["compound_highlands"] and e < run_end and not upper \
                        and ft[e] not in cue_words:
                    # 'Rơ Châm Hyul', 'Nie Kdăm H Ngăm': a Gia Rai / Ê Đê surname, then given names the lexicons lack
                    cand_end, why = min(run_end, e + 2), "Central Highlands two-word surname + capitalised words"
                elif e - i >= 2 and ft[e - 1] in giv_mid:
                    cand_end, why = e, "surname + middle/given-name lexicon"
                    # after a cue, the last capitalised word of the run is the given name even when the
                    # lexicon lacks it ('bà Ninh Thị Lụa', 'Họ tên: TRIỆU VĂN PỊNH   NS: 1958')
                    if cue_hit and e < n and e - i < 4 and toks[e].kind == "word" and ctx.caps[e] and ctx.adj[e - 1] \
                            and ft[e] not in cue_words and ctx.ktoks[e] not in never \
                            and ctx.text[toks[e - 1].end:toks[e].start] == " " and (
                                e + 1 >= n or toks[e + 1].kind == "punct" and ctx.ftoks[e + 1] != ":"
                                or toks[e + 1].kind == "word" and not ctx.caps[e + 1] and not upper
                                # 'con Châu Thị Sô Phia 9 tuổi' (not a field label in capitals: '... ĐT 0765 ...')
                                or toks[e + 1].kind == "number" and toks[e].text[1:].islower()
                                or any(g in ctx.text[toks[e].end:toks[e + 1].start] for g in ("  ", "\t", "\n"))):
                        cand_end = e + 1
            if cand_end is not None and cand_end - i >= 2 and ft[cand_end - 1] in _MIDDLE_ONLY and cand_end < n \
                    and toks[cand_end].kind == "word" and ctx.caps[cand_end] and ctx.adj[cand_end - 1] \
                    and ctx.text[toks[cand_end - 1].end:toks[cand_end].start] == " " \
                    and (ft[cand_end] not in cue_words or ft[cand_end - 1] in _MIDDLE_KINH) \
                    and ctx.ktoks[cand_end] not in never:
                cand_end += 1  # a name does not end on 'Văn' or 'Thị': 'LÂM VĂN SÁU', 'Sùng A Páo'
                x = cand_end
                if cue_hit and not upper and x < n and x - i < 5 and toks[x].kind == "word" and ctx.caps[x] \
                        and toks[x].text[1:].islower() and toks[x - 1].text[1:].islower() \
                        and ctx.text[toks[x - 1].end:toks[x].start] == " " and ft[x] not in cue_words \
                        and ctx.ktoks[x] not in never \
                        and (x + 1 >= n or toks[x + 1].kind != "word" or not ctx.caps[x + 1]):
                    cand_end += 1  # a Khmer given name of two syllables after a cue: 'con Châu Thị Sô Phia 9 tuổi'
            acronym = not upper and (len(t.text) >= 3 or i + 1 < n and ctx.ftoks[i + 1] == ":") and t.text.isupper()
            if cand_end is None and cue_hit and (ctx.match_at(i, never) >= i + 2 or _DRUG_STRENGTH.match(ctx.folded, t.end)):
                i += 1  # 'Tổ bảo vệ', 'Ban Giám đốc': a phrase, not a name; 'còn Sifrol 0,25mg': a drug and its strength
                continue
            if cand_end is None and cue_hit and (ft[i] not in cue_words or unmarked_surname) and not acronym:
                # after a field label ('Bác sĩ:', 'Bệnh nhân:') a capital starts a sentence: need the lexicon
                labelled = i > 0 and ctx.ftoks[i - 1] == ":"
                # a line in capitals in a mixed-case text ('... - DI UC'): the cue is a word of a title
                caps_line = not upper and i > 0 and toks[i - 1].kind == "word" and len(toks[i - 1].text) >= 2 \
                    and toks[i - 1].text.isupper() and t.text.isupper()
                e = i
                while e < run_end and e - i < 4 and (not (upper or labelled or caps_line) or in_lex(e)):
                    e += 1
                if (upper or caps_line) and e > i and not (ft[i] in sur and e - i >= 2 or e - i == 1 and ft[i] in giv and
                                            (run_end == i + 1) or e - i == 3 and ft[i + 1] in _MIDDLE_KINH):
                    e = i  # UPPER CASE: only a full name from the lexicons, or a lone given name
                if e - i >= 2 and e < run_end and ft[e - 1] in _MIDDLE_ONLY and ctx.text[toks[e - 1].end:toks[e].start] == " ":
                    e += 1  # a name does not end on 'A' / 'Văn' / 'Thị': 'HẦU A CHỨ'
                if e > i:
                    cand_end, why = e, "capitalised words after a role/kinship cue"
            if upper and cue_hit and ft[i] in lex["foreign"] and 2 <= run_end - i <= 4 and (cand_end or i) < run_end \
                    and self._field_run_ends(ctx, run_end) and not any(ft[x] in cue_words for x in range(i + 1, run_end)) \
                    and not self._never(ft, i, run_end, never):
                # 'CHỒNG KIM SÔ PHOL, LÀM THUÊ': a Khmer / Korean / Chinese name in capitals after a kinship cue
                cand_end, why = run_end, "foreign surname + capitalised words after a cue (upper case)"
            # (also past the lexicons: 'Họ tên người bệnh: THẠCH THỊ SÔ PHI     Tuổi: 58' ends on unknown syllables)
            if (cand_end is None or cand_end - i < 2 or cand_end < run_end) and cue_hit and i > 0 and ctx.ftoks[i - 1] == ":" and not upper \
                    and 2 <= run_end - i <= 4 and self._field_run_ends(ctx, run_end) \
                    and all(ft[x] not in cue_words for x in range(i, run_end)) and not self._never(ft, i, run_end, never) \
                    and ctx.match_at(i, cue["org_head"]) == i:
                # a field label, then capitalised words up to the field's end: a name even outside the lexicons
                # ('Người bệnh: KIM SOPHEAP (quốc tịch ...)', 'Người đi kèm: Sok Dara (em trai)')
                cand_end, why = run_end, "capitalised words filling a name field"
            if cand_end is not None and not cue_hit and not upper and i > 0 and ctx.adjacent(i - 1, i) \
                    and toks[i - 1].kind == "word" and len(toks[i - 1].text) >= 3 and toks[i - 1].text.isupper() \
                    and all(toks[x].text.isupper() for x in range(i, cand_end)) \
                    and not (cand_end - i >= 3 and ft[i] in sur and ft[i + 1] in _MIDDLE_KINH):
                # inside a title in capitals ('CHỤP CẮT LỚP VI TÍNH'): capitals say nothing there (but a
                # surname + Văn/Thị + name is a person: '... VCB NGUYEN THI NHAN')
                i = cand_end
                continue
            if cand_end is not None and (ft[i] in _HIGHLANDS_FIRST or "'" in t.text) and cand_end < run_end \
                    and ft[cand_end] in sur and cand_end + 1 == run_end:
                cand_end += 1  # the family name written last
            # 'chờ BS Nam giải thích': after a staff title 'Nam' is a doctor, not 'male'
            never_ok = cand_end == i + 1 and cue_hit in _STAFF_CUES and ft[i] in giv and not upper \
                and t.text[1:].islower() \
                and (cand_end >= n or toks[cand_end].kind == "punct" and ctx.ftoks[cand_end] in ",.;)"
                     or toks[cand_end].kind == "word" and not ctx.caps[cand_end])
            if cand_end is not None and cand_end - i >= 3 and ft[i] in sur and ft[i + 1] in _MIDDLE_KINH and not upper \
                    and all(toks[x].text[:1].isupper() and toks[x].text[1:].islower() for x in range(i, cand_end)):
                never_ok = True  # 'Phạm Thị Hồng Cầu': after surname + Thị/Văn, capitalised words are the name
            if cand_end is not None and not cue_hit and cand_end - i == 2 and cand_end < n and ctx.adj[cand_end - 1] \
                    and f"{ft[cand_end - 1]} {ft[cand_end]}" in never:
                i += 1  # 'MÃ Y TẾ:' (a field label): the last syllable opens a common phrase ('y tế'), no name
                continue
            if cand_end is not None and unmarked_surname and cand_end - i >= 2 and not self._never(ft, i + 1, cand_end, never):
                never_ok = True  # ('Chau Sóc Kha': the surname is no 'cháu' of a never-name phrase)
            if cand_end is not None and (never_ok or not self._never(ft, i, cand_end, never)):
                score = 0.9 if cue_hit else (0.75 if cand_end - i >= 3 else 0.65)
                if cue_hit and why.startswith("surname"):
                    why += " + role/kinship cue"
                out.append(Candidate(t.start, toks[cand_end - 1].end, "NAME", score, self.name, why))
                i = cand_end
                continue
            i += 1

    def _highlands_openers(self, d: _Doc) -> None:
        """'A Thiết dịch', 'thầy cúng A Pơng', 'vợ là Y Đơm': in a document about a Central Highlands people or
        province (names.yaml highlands_context), a capitalised 'A' / 'Y' + one capitalised syllable is a given name
        with its opener, with no cue and outside the lexicons; not after a word that makes the letter a label
        ('vitamin A', 'khu A'), not inside a run of capitalised words ('Sở Y Tế', 'Đại học Y Hà Nội')."""
        ctx, toks, ft, n, never = d.ctx, d.toks, d.ft, d.n, d.never
        text = ctx.text
        for i in range(n - 1):
            t, g = toks[i], toks[i + 1]
            if t.text not in _HIGHLANDS_OPENER_CAPS or g.kind != "word" or text[t.end:g.start] != " " \
                    or len(g.text) < 2 or not g.text[0].isupper() or not g.text[1:].islower() or not g.text.isalpha():
                continue
            if i > 0:
                p = toks[i - 1]
                if p.end == t.start and p.kind != "punct":
                    continue  # glued: '12A', 'HbA'
                if p.kind == "word" and p.text[:1].isupper() and text[p.end:t.start] == " ":
                    continue  # a run of capitals: 'Sở Y Tế', 'Nhóm A'
                if ctx.ftoks[i - 1] in _HIGHLANDS_OPENER_NOT_AFTER \
                        or i > 1 and f"{ctx.ftoks[i - 2]} {ctx.ftoks[i - 1]}" in _HIGHLANDS_OPENER_NOT_AFTER:
                    continue
            if i + 2 < n and toks[i + 2].kind == "word" and toks[i + 2].text[:1].isupper() \
                    and text[g.end:toks[i + 2].start] == " ":
                continue  # 'Y Hà Nội': a second capitalised word, a name of a place or a school
            if self._never(ft, i, i + 2, never):
                continue
            d.out.append(Candidate(t.start, g.end, "NAME", 0.7, self.name,
                                   "Central Highlands opener 'A'/'Y' + capitalised syllable (highlands context)"))

    def _lower_case_after_cue(self, d: _Doc, i: int, cue_hit: str | None) -> int:
        """A lower-case word after a role or kinship cue in chat style ('chi lan', 'bn pham thi loan', 'be ten
        nguyen gia bao'): a name when the lexicons say so; the index to go on from."""
        ctx, toks, ft, n, out, upper = d.ctx, d.toks, d.ft, d.n, d.out, d.upper
        sur, mid, giv, never, caps_names, lower_marks = d.sur, d.mid, d.giv, d.never, d.caps_names, d.lower_marks
        t = toks[i]
        intro = cue_hit in _SELF_INTRO and i + 1 < n and ft[i + 1] in giv and ctx.ftoks[i + 1] not in _NOT_NAME_LOWER
        # 'be ten nguyen gia bao', 'ong ten tai': after 'tên' (named) even a common word is the name
        naming = bool(cue_hit) and fold_lower(cue_hit).split(" ")[-1] == "ten" and fold_lower(cue_hit) not in _NOT_NAMING
        # (a surname, then Văn / Thị and a given name: 'bn pham thi loan')
        kinh = ft[i] in sur and i + 2 < n and ft[i + 1] in _MIDDLE_KINH and ft[i + 2] in giv and ctx.adj[i] and ctx.adj[i + 1]
        # with marks any middle name will do: surname, middle, given is no common phrase ('bs nguyễn đăng quang')
        kinh = kinh or lower_marks and ft[i] in sur and i + 2 < n and ft[i + 1] in mid and ft[i + 2] in giv \
            and ctx.adj[i] and ctx.adj[i + 1] and toks[i + 1].kind == toks[i + 2].kind == "word"
        if cue_hit and t.kind == "word" and (ft[i] in giv or kinh) and (ctx.ftoks[i] not in _NOT_NAME_LOWER or intro or naming) \
                and not upper and (not ctx.diacritics or lower_marks) and not self._never(ft, i, i + 1, never) \
                and not (caps_names and (cue_hit not in _STAFF_CUES or toks[i - 1].kind != "word")) \
                and not (i + 1 < n and f"{ft[i]} {ft[i + 1]}" in never) \
                and not (i + 1 < n and ctx.ftoks[i + 1] == "on") \
                and not (ft[i] == "truong" and i + 1 < n and toks[i + 1].kind == "word" and ctx.caps[i + 1]):
            # ('em cam on': thanks; 'DD truong Ho Thi Lan': 'trưởng', the head nurse, before her name)
            # 'duoc si tuan anh', 'me ngoc han': up to two more name syllables ('anh' is one too)
            e = i + 1
            while e < n and e - i < 3 and ctx.adj[e - 1] and toks[e].kind == "word" and not ctx.caps[e] \
                    and (ft[e] in giv or ft[e] in mid) and (ctx.ftoks[e] not in _NOT_NAME_LOWER or ctx.ftoks[e] == "anh"
                                                            or naming and ft[i] in sur
                                                            # 'bn tran van lap': surname, Văn/Thị, given name
                                                            or e == i + 1 and ft[i] in sur
                                                            and (ft[e] in _MIDDLE_KINH or lower_marks)
                                                            and e + 1 < n and ctx.adj[e] and ft[e + 1] in giv
                                                            # after surname + Văn/Thị even 'bình' is the name
                                                            or e == i + 2 and ft[i] in sur and ft[i + 1] in _MIDDLE_KINH):
                e += 1
            out.append(Candidate(t.start, toks[e - 1].end, "NAME", 0.55, self.name,
                                 "given-name lexicon after a kinship cue (lower case)"))
            return e
        if d.lower_tok[i] and cue_hit and t.kind == "word" and toks[i - 1].kind == "word" and ctx.adj[i - 1]:
            return self._lower_doc_given(d, i)
        return i + 1

    def _lower_doc_given(self, d: _Doc, i: int) -> int:
        """In a text typed in lower case with marks, the word right after a title or kinship word ('bác sĩ vinh',
        'cô hạnh', 'thằng slam', 'bé kre'): a given name when the lexicon has it or it is no Vietnamese syllable at
        all, unless it is a common word or makes an ordinary word with the title or the word after ('cô đơn',
        'anh hùng', 'hạnh phúc', 'an toàn'); a surname + middle + given run there is a full name."""
        ctx, toks, ft, n, out, giv, sur, mid, never = d.ctx, d.toks, d.ft, d.n, d.out, d.giv, d.sur, d.mid, d.never
        pairs, syllables = ordinary_words()
        w = ft[i]
        t = toks[i]
        if not t.text.islower() or w in _LOWER_STOP or f"{ft[i - 1]} {w}" in pairs or self._never(ft, i, i + 1, never):
            return i + 1
        nxt = ft[i + 1] if i + 1 < n and ctx.adj[i] and toks[i + 1].kind == "word" else None
        if nxt is not None and (f"{w} {nxt}" in pairs or f"{w} {nxt}" in never):
            return i + 1
        # a syllable no Vietnamese word has, opening on a consonant cluster Vietnamese never writes: a Tày, Mông or
        # Highlands name ('slấy', 'kre', 'bluc'); teencode drops letters at the end instead ('uốg', 'nhju'), and
        # 'ngưoi' is 'người' misspelt (a syllable once the marks are gone)
        foreign = w not in syllables and fold_lower(w) not in _folded_syllables() and _FOREIGN_ONSET.match(w) is not None
        # a word no Vietnamese word has, by its shape: written with marks in a well-formed syllable that no word uses
        # ('pấng', 'ún': a writer who types marks types a word's own marks), or without marks in a form that is no
        # syllable at all and no English word ('hiang', 'megan'; teencode is shorter: 'nhju', 'hok')
        # (the cue typed as a cue is written, 'thằng' not 'thang'; a name has a vowel, an acronym may not: 'cskcb')
        foreign = foreign or w not in syllables and w.isalpha() and (fold_lower(ft[i - 1]) != ft[i - 1] or ft[i - 1] in _unmarked_cue_words()) and (
            w != fold_lower(w) and is_syllable(w)
            or w == fold_lower(w) and len(w) >= 4 and not is_syllable(w) and w not in _folded_syllables()
            and w not in _english_words()
            and _VOWEL.search(w) is not None and not _teencode_syllable(w))
        # a surname, a middle name and a given name ('con gái vi ngọc hân', 'anh trượng hữu tài')
        surname_led = (w in sur or w in _MINORITY_SURNAMES) and i + 2 < n and ctx.adj[i] and ctx.adj[i + 1] \
            and ft[i + 1] in mid and ft[i + 2] in giv and toks[i + 1].text.islower() and toks[i + 2].text.islower()
        # (a neighbour typed with its marks must form the word with its own marks: 'chị hoa' is no 'chí hoà')
        if fold_lower(w) == w and not foreign and not surname_led and (w in _folded_stop() and (w not in giv or len(w) <= 2)
                                                   or _half_folded_pair(ft[i - 1], w, True, w in _folded_stop())
                                                   or nxt is not None and _half_folded_pair(nxt, w, False, w in _folded_stop())):
            return i + 1  # a word typed without its marks in a text that has them: 'bà da the', 'em trinh bày'
        if not (w in giv or foreign or surname_led):
            return i + 1
        if foreign and (nxt is None and i + 1 < n and toks[i + 1].kind == "number" or nxt in _SPOKEN_DIGITS):
            return i + 1  # 'anh hba một c' (HbA1c spelled out): a code with its number, not a name
        e = i + 1
        # surname + middle + given ('bác sĩ quảng đại thành'), or a two-syllable given name ('chị ngọc hân')
        while e < n and e - i < 3 and ctx.adj[e - 1] and toks[e].kind == "word" and toks[e].text.islower() \
                and (ft[e] in giv or e == i + 1 and surname_led) and ft[e] not in _LOWER_STOP \
                and (e - i == 2 or ft[i] in sur or ft[i] in mid or surname_led) \
                and (f"{ft[e - 1]} {ft[e]}" not in pairs or surname_led) \
                and not (e + 1 < n and ctx.adj[e] and f"{ft[e]} {ft[e + 1]}" in pairs and not (surname_led and e == i + 1)):
            e += 1
        if e == i + 2 and not (ft[i] in mid or ft[i] in giv):
            e = i + 1
        if e == i + 1 and not (w in giv or foreign):
            return i + 1  # a surname alone
        out.append(Candidate(t.start, toks[e - 1].end, "NAME", 0.6, self.name,
                             "given name after a title or kinship word in a lower-case text"))
        return e

    @staticmethod
    def _highlands_lower(d: _Doc, i: int, cue_hit) -> int:
        """End (token index) of a Central Highlands name typed in lower case that starts at i, or 0: a family name
        then 'y' / 'h' then a given name ('ksor y thuân', 'nay y blứ'; without a cue only when the family name is
        no Vietnamese syllable), or, after a cue, 'h' + a word or 'y' / 'a' + a syllable no Vietnamese word has
        ('chị h lim', 'anh a hmunh', 'bé y bloh')."""
        ctx, toks, ft, n = d.ctx, d.toks, d.ft, d.n
        self_never = NameRecognizer._never

        def word(j: int) -> bool:
            return j < n and ctx.adj[j - 1] and toks[j].kind == "word" and not ctx.caps[j] \
                and ctx.ftoks[j] not in _NOT_NAME_LOWER and ft[j] not in d.cue_words and not toks[j].text.isdigit()

        w = ctx.ftoks[i]  # (folded: 'kpă' is 'kpa' in a text with marks too)
        if i + 3 < n and ctx.adj[i] and ctx.adj[i + 1] and f"{w} {ctx.ftoks[i + 1]}" in d.lex["compound_highlands"] \
                and toks[i + 2].text in ("y", "h") and word(i + 3):
            return i + 4  # a two-word family name first: 'rơ lan y kliêng', 'rơ mah h blin'
        if cue_hit and toks[i].text.lower() in _HMONG_CLANS and i + 2 < n and ctx.adj[i] \
                and toks[i + 1].text in _HMONG_MIDDLE and ctx.adj[i + 1] and toks[i + 2].kind == "word" \
                and toks[i + 2].text.isalpha() and toks[i + 2].text.islower() \
                and (toks[i + 2].text in d.giv or toks[i + 2].text not in _LOWER_STOP and (
                    not ctx.diacritics or fold_lower(toks[i + 2].text) != toks[i + 2].text)):
            # (the given name as written: 'dế' is no 'để' in a text with marks)
            return i + 3  # a Mông clan, a middle name, a given name: 'anh giàng a dế'
        if (w in _HIGHLANDS_LOWER or w in _HIGHLANDS_FIRST) and w not in _HIGHLANDS_PREFIX and i + 2 < n \
                and ctx.adj[i] and toks[i + 1].text in ("y", "h") and word(i + 2) and (cue_hit or not is_syllable(toks[i].text)):
            return i + 3
        if not cue_hit or w not in _HIGHLANDS_PREFIX or not word(i + 1):
            return 0
        if w != "h" and is_syllable(toks[i + 1].text) and not (
                # in a document about a Central Highlands people or province a Ba Na / Xơ Đăng given name may have
                # a Vietnamese shape ('ông già làng a kơi', 'vợ tôi y đơm'): no common phrase ('y tá', 'y tế')
                d.highland_doc and not self_never(ft, i, i + 2, d.never)):
            return 0
        e = i + 2
        if word(e) and not is_syllable(toks[e].text):  # ('y bluih niê': a second syllable of the same shape)
            e += 1
        return e

    def _chat_speakers(self, d: _Doc) -> None:
        """Chat transcripts: the speaker before ':' at the start of a line."""
        ctx = d.ctx
        cue, before, never, cue_words, sur, mid = d.cue, d.before, d.never, d.cue_words, d.sur, d.mid
        giv, out, caps_names, speakers, lower_marks = d.giv, d.out, d.caps_names, d.speakers, d.lower_marks
        # chat transcripts: the speaker before ':' at the start of a line ('mai anh: ...', 'BS Tùng: ...')
        taken = Taken(len(ctx.text))
        for c in out:
            taken.add(c.start, c.end)
        # a chat: several lines open on a speaker; a capitalised handle said twice there ('Bống Xinh:') is a
        # speaker even outside the name lexicons
        handles = Counter(m.group("who") for m in speakers)
        chat = len(speakers) >= 3
        for m in speakers:
            words = m.group("who").split()
            s0 = m.start("who")
            pre, clock = m.group("pre"), m.group("clock")
            if pre is not None and not (fold_lower(pre) in cue["professions"] or fold_lower(pre) in cue["professions_medical"]
                                        or ctx_key(pre) in before or fold_lower(pre) in _CHAT_ROLES):
                # 'Ngoc Lan - PK Binh An:' said twice or more in a chat: a display name, then its owner's workplace
                # after a dash; the whole handle is the NAME (as for 'Oanh CTXH BV Nhi')
                if chat and handles[m.group("who")] >= 2 and self._name_then_workplace(d, pre.split(), words):
                    # (a role tag first, 'Hoang Thi La - CTXH BVDK Lang Son': the name alone, the workplace is the
                    # organisation rules'; a workplace's own name, 'Ngoc Lan - Binh An', goes with the display name)
                    tagged = _handle_tail(["Xx", *words], d) == len(words)
                    taken = self._add_speaker(d, out, taken, m.start("pre"), m.end("pre") if tagged else m.end("who"))
                continue  # 'Kết luận - Đề nghị:': a heading, not a staff member's role
            if clock is not None and (not (chat or pre) or fold_lower(words[0]) in _TIME_WORDS):
                continue  # 'Sáng 08:00:', 'Khám lúc 10:30:': a time on a sheet, not a chat handle
            if m.group("bare") is not None and not (chat and handles[m.group("who")] >= 2 or ctx_key(words[0]) in cue_words):
                continue  # '08:00 Mạch:' on a vital-signs sheet: a time, then a field; a chat repeats its handles
            # drop a leading role word ('bs', 'bác sĩ'), keep the name after it
            k = 0
            while k < len(words) and (ctx_key(words[k]) in cue_words or ctx_key(" ".join(words[:k + 1])) in before):
                k += 1
            name_words = words[k:]
            # a display name that carries its owner's role tag and workplace after the name ('Oanh CTXH BV Nhi',
            # 'Kim Oanh CTXH', 'Hạnh YTTB Trà Tập'): the name is judged alone, the whole handle is the NAME
            tail = _handle_tail(name_words, d)
            if tail:
                name_words = name_words[:-tail]
            if not name_words or len(name_words) > 4:
                continue
            keys = [ctx_key(w) for w in name_words]
            # 'Út Lành:', 'Tám (rể):': a birth-order name, or capitalised words with a kinship role in brackets
            nick = name_words[0] in _BIRTH_ORDER and len(name_words) <= 2 and all(w[:1].isupper() for w in name_words)
            role = m.group("role")
            kin = role is not None and ctx_key(role.strip()) in before and len(name_words) <= 3 \
                and all(w[:1].isupper() for w in name_words)
            # (one word is enough when an emoji marks it as a handle: 'Bống 🐷:'; a handle said three times may hold a
            # word that is also common in lower case: 'Chieng Ho:' is Hồ Thị Chiêng typed without marks)
            # (four words when one is a middle name: 'Zơ Râm Thị Sang', a two-word surname)
            handle = (2 if not m.group("emoji") else 1) <= len(name_words) <= (4 if any(w in mid for w in keys[1:-1]) else 3) \
                and not k \
                and all(w[:1].isupper() and not w.isupper() and len(w) >= 2 for w in name_words) \
                and (m.group("emoji") or chat and handles[m.group("who")] >= 2) \
                and not any(w in cue_words or w in _NOT_NAME_LOWER and handles[m.group("who")] < 3 for w in keys) \
                and not any(fold_lower(" ".join(name_words[:x])) in c for x in range(1, len(keys) + 1) for c in self._label_sets())
            # one capitalised word said as a handle three times or more in a chat ('[19:05] Kluh:'): a speaker when no
            # Vietnamese or English word has its shape (a label or a role word is one: 'Note:', 'Admin:', 'Khoa:')
            handle = handle or len(name_words) == 1 and not k and chat and handles[m.group("who")] >= 3 \
                and name_words[0][:1].isupper() and not name_words[0].isupper() and len(name_words[0]) >= 3 \
                and name_words[0].isalpha() and keys[0] not in cue_words \
                and not is_syllable(name_words[0].lower()) and name_words[0].lower() not in _english_words() \
                and (fold_lower(name_words[0]) not in _folded_syllables() or _FOREIGN_ONSET.match(fold_lower(name_words[0]))) \
                and not any(fold_lower(name_words[0]) in c for c in self._label_sets())
            # a hyphenated name said twice or more as a handle ('Marie-Laure 06/12 08:10:'): capitalised parts that are
            # no Vietnamese syllables
            handle = handle or len(name_words) == 1 and not k and chat and handles[m.group("who")] >= 2 \
                and _HYPHEN_NAME.fullmatch(name_words[0]) is not None \
                and not all(is_syllable(p.lower()) for p in name_words[0].split("-")) \
                and not any(p.lower() in _english_words() for p in name_words[0].split("-"))
            # a chat typed without marks repeats its lower-case handles ('hoa bi:' three times): a given name first
            handle = handle or len(name_words) == 2 and not k and chat and (not ctx.diacritics or lower_marks) \
                and handles[m.group("who")] >= 2 \
                and all(w.islower() for w in name_words) and keys[0] in giv and fold_lower(keys[0]) not in _NOT_NAME_LOWER \
                and keys[1] not in cue_words \
                and not any(fold_lower(" ".join(name_words[:x])) in c for x in range(1, len(keys) + 1) for c in self._label_sets()
                            # (with marks the labels must match exactly: 'hân' is a name, 'hạn' a date cue)
                            if not ctx.diacritics) \
                and not (ctx.diacritics and any(" ".join(keys[:x]) in cue[c] for x in range(1, len(keys) + 1)
                                                for c in _LABEL_KEYS))
            # a comment thread or a group chat: an author said once, two or three capitalised words one of which, first
            # or last, is a surname, the others names or no Vietnamese word ('Kevin Nguyen:', 'Sokhom Thach:')
            handle = handle or chat and self._once_handle(d, name_words, keys) and not k \
                and not any(fold_lower(" ".join(name_words[:x])) in c for x in range(1, len(keys) + 1) for c in self._label_sets())
            if not (nick or kin or handle) and not all(w in giv or w in mid or w in sur for w in keys):
                continue
            if all(fold_lower(w) in _NOT_NAME_LOWER for w in name_words) and not any(w[:1].isupper() for w in name_words):
                continue
            if (" ".join(keys) in never and not (k and len(keys) == 1)) or any(f"{a} {b}" in never for a, b in zip(keys, keys[1:])):
                continue  # ('bs khoa:' is Dr Khoa speaking: after a role word one word is a name)
            if not (nick or kin or role) and len(name_words) >= 2 and (ctx.diacritics or caps_names) \
                    and name_words[0][:1].isupper() and any(w == w.lower() for w in name_words[1:]):
                # 'Vi thể:', 'Đại thể:', 'Nguyen nhan tu vong:' (no marks, but names capitalised elsewhere): a section
                # label in sentence case; names capitalise each word
                continue
            if not k and len(name_words) == 1 and fold_lower(name_words[0]) in _MAIL_HEADERS:
                continue  # 'To:', 'From:', 'Cc:': e-mail header fields
            start = s0 + len(" ".join(words[:k])) + (1 if k else 0)
            end = m.end("who")
            if not taken.free(start, end):
                # a shorter name found inside the speaker ('le' of 'bs le minh duc:') gives way to it, unless the
                # speaker ends on a common word ('me ngoc han hoi:' is the mother asking)
                inner = [c for c in out if start <= c.start and c.end <= end]
                if not inner or keys[-1] in _NOT_NAME_LOWER or any(c.start < end and start < c.end for c in out if c not in inner):
                    continue
                taken = _without(ctx, out, inner)
            out.append(Candidate(start, end, "NAME", 0.7, self.name, "chat speaker before ':' (name lexicon)"))
            taken.add(start, end)
        d.taken = taken

    @staticmethod
    def _add_speaker(d: _Doc, out: list[Candidate], taken: Taken, start: int, end: int) -> Taken:
        """The handle as a NAME; shorter names found inside it give way to it."""
        if not taken.free(start, end):
            inner = [c for c in out if start <= c.start and c.end <= end]
            if not inner or any(c.start < end and start < c.end for c in out if c not in inner):
                return taken
            taken = _without(d.ctx, out, inner)
        out.append(Candidate(start, end, "NAME", 0.8, "name", "chat speaker: display name - workplace before ':'"))
        taken.add(start, end)
        return taken

    @staticmethod
    def _name_then_workplace(d: _Doc, pre: list[str], who: list[str]) -> bool:
        """'Ngoc Lan' - 'PK Binh An': one to three capitalised name words (name lexicons), then a workplace opened by an
        organisation head word or a role tag (names.yaml stamp_role_tags), or capitalised words none of which is a
        cue word."""
        if not 1 <= len(pre) <= 3 or not who or len(who) > 5:
            return False
        if not all(w[:1].isupper() and not w.isupper() and ctx_key(w) in d.giv | d.sur | d.mid for w in pre):
            return False
        if not all(w[:1].isupper() for w in who):
            return False
        if any(ctx_key(w) in d.cue_words or fold_lower(w) in _TIME_WORDS for w in who):
            return False
        return True

    @staticmethod
    def _once_handle(d: _Doc, words: list[str], keys: list[str]) -> bool:
        """Two or three capitalised words (not in capitals), the first or the last a surname, each other word a name
        word or no Vietnamese syllable ('Kevin', 'Sokhom'), none a cue word or a common lower-case word."""
        if not 2 <= len(words) <= 3:
            return False
        if not all(w[:1].isupper() and not w.isupper() and w.isalpha() and len(w) >= 2 for w in words):
            return False
        # (in a text written with marks, a capitalised word without them is a name spelled abroad: 'Vo', 'Lam' are
        # no 'vợ', 'làm')
        if any((k in d.cue_words or fold_lower(w) in _NOT_NAME_LOWER)
               and not (d.ctx.diacritics and w.lower() == fold_lower(w) and k in d.sur) for w, k in zip(words, keys)):
            return False
        if keys[0] in d.sur:
            rest = range(1, len(words))
        elif keys[-1] in d.sur:
            rest = range(len(words) - 1)
        else:
            return False
        return all(keys[x] in d.giv or keys[x] in d.mid or keys[x] in d.sur
                   or not is_syllable(words[x].lower()) and words[x].lower() not in _english_words()
                   and fold_lower(words[x]) not in _HIGHLANDS_FIRST for x in rest)

    def _sender(self, d: _Doc, who: str, s0: int) -> tuple[int, int] | None:
        """The name in an exported chat's sender line ('May Ban TYT', 'Hoang Van So YTTB Ban Pai', 'lysedin86'): the
        words before the first role tag, when they have a name's shape (capitalised words, all lower-case words, or
        one handle mixing letters and digits) and are no label or role word."""
        words = list(_WORD.finditer(who))
        # a title or kinship word before the name ('BS Thu Trang', 'Ông Nội Khang'): part of the sender's name
        lead = 0
        for x in (2, 1):
            if len(words) > x and fold_lower(" ".join(w.group() for w in words[:x])) in _STAMP_LEAD \
                    and words[x].group()[:1].isupper() and not words[x].group().isupper():
                lead = x
                break
        k = lead
        while k < len(words):
            w = words[k].group()
            if w.isalpha() and w.isupper() and 2 <= len(w) <= 6 or fold_lower(w) in _STAMP_TAGS \
                    or k + 1 < len(words) and fold_lower(f"{w} {words[k + 1].group()}") in _STAMP_TAGS:
                break
            k += 1
        ws = [w.group() for w in words[lead:k]]
        if not 1 <= len(ws) <= 4:
            return None
        keys = [ctx_key(w) for w in ws]
        if keys[0] in d.cue_words or fold_lower(ws[0]) in _TIME_WORDS or fold_lower(ws[0]) in _MAIL_HEADERS \
                or any(fold_lower(" ".join(ws[:x])) in c for x in range(1, len(ws) + 1) for c in self._label_sets()):
            return None
        if len(ws) == 1:
            w = ws[0]
            ok = len(w) >= 4 and any(ch.isdigit() for ch in w) and w[:1].isalpha() \
                or len(w) >= 3 and w.isalpha() and w[:1].isupper() and not w.isupper() and fold_lower(w) not in _NOT_NAME_LOWER \
                or k < len(words) and w.isalpha() and w.islower() and keys[0] in d.giv   # 'thiet yt': before a role tag
        else:
            ok = all(w.isalpha() for w in ws) and (all(w[:1].isupper() and not w.isupper() for w in ws)
                                                   or all(w.islower() for w in ws) and (keys[0] in d.giv or keys[0] in d.sur
                                                                                        or keys[0] in _STAMP_PREFIX))
        if lead and len(ws) == 1 and not ws[0].isalpha():
            return None  # a handle after a title is no name
        return (s0 + words[0].start(), s0 + words[k - 1].end()) if ok else None

    def _stamp_speakers(self, d: _Doc) -> None:
        """An exported chat (Zalo, Messenger): each message under a line holding only the sender and its stamp
        ('May Ban TYT  03/12 20:14'). With two such lines or more, the sender is a NAME and the stamp a DATE; the
        export's header ('zalo Phay Trieu ↔ May Ban TYT') names the two people; and a word of a sender's name after a
        short kinship word and a call ('c may oi') names that sender again."""
        ctx, out = d.ctx, d.out
        lines = list(_STAMP_LINE.finditer(ctx.text))
        if len(lines) < 2:
            return
        taken = d.taken
        found: list[tuple[int, int]] = []
        for m in lines:
            span = self._sender(d, m.group("who"), m.start("who"))
            if span is not None:
                found.append(span)
            # a day in digits or in words makes the stamp a DATE; a clock time alone names no one
            if (not m.group("stamp")[:1].isdigit() or "/" in m.group("stamp")) and taken.free(m.start("stamp"), m.end("stamp")):
                out.append(Candidate(m.start("stamp"), m.end("stamp"), "DATE", 0.85, self.name,
                                     "the stamp of an exported chat message"))
                taken.add(m.start("stamp"), m.end("stamp"))
        if not found:
            return
        h = _STAMP_HEADER.search(ctx.text, 0, lines[0].start())
        if h is not None:
            for g in ("a", "b"):
                span = self._sender(d, h.group(g), h.start(g))
                if span is not None:
                    found.append(span)
        senders: set[str] = set()
        for start, end in found:
            words = ctx.text[start:end].split()
            if len(words) >= 2:
                senders.update(fold_lower(w) for w in words if len(w) >= 2)
            if not taken.free(start, end):
                inner = [c for c in out if start <= c.start and c.end <= end and c.label == "NAME"]
                if not inner or any(c.start < end and start < c.end for c in out if c not in inner):
                    continue
                taken = _without(ctx, out, inner)
            out.append(Candidate(start, end, "NAME", 0.8, self.name, "sender of an exported chat message"))
            taken.add(start, end)
        # 'c may oi': a word of a sender's name between a short kinship word and a call
        toks, ft, n = ctx.tokens, ctx.ftoks, len(ctx.tokens)
        for x in range(1, n - 1):
            if ft[x] in senders and ft[x - 1] in _STAMP_KIN and ft[x + 1] in _STAMP_CALL and ctx.adj[x - 1] \
                    and ctx.adj[x] and toks[x].text.islower() and taken.free(toks[x].start, toks[x].end):
                out.append(Candidate(toks[x].start, toks[x].end, "NAME", 0.7, self.name,
                                     "a chat sender's name called after a kinship word"))
                taken.add(toks[x].start, toks[x].end)
        d.taken = taken

    def _line_open_speakers(self, d: _Doc) -> None:
        """A transcript in lower case that opens each turn on its speaker without a colon ('anh tiếp hết ho rồi',
        'tôi anh còn ho hông'): a kinship word and one word opening three lines or more is a speaker, the word his or
        her name (names.yaml line_speaker_kin), wherever the kinship word calls it ('cảm ơn anh tiếp'); not a pronoun
        or a function word (lower_name_stop), nor a role phrase ('bác sĩ')."""
        ctx, out = d.ctx, d.out
        toks, n = ctx.tokens, len(ctx.tokens)
        openers: Counter = Counter()
        for x in range(n - 1):
            if (x == 0 or "\n" in ctx.text[toks[x - 1].end:toks[x].start]) and toks[x].text in _LINE_SPEAKER_KIN \
                    and toks[x + 1].kind == "word" and toks[x + 1].text.islower() and ctx.adj[x]:
                eol = ctx.text.find("\n", toks[x].start)
                if ctx.text[toks[x].start:eol if eol >= 0 else len(ctx.text)] == ctx.text[toks[x].start:eol if eol >= 0 else len(ctx.text)].lower():
                    openers[(toks[x].text, toks[x + 1].text)] += 1  # (a turn of the transcript: a line in lower case)
        names = {w for (k, w), c in openers.items() if c >= 3 and w not in _LOWER_STOP and len(w) >= 2
                 and f"{ctx_key(k)} {ctx_key(w)}" not in d.before and ctx_key(w) not in d.cue_words}
        if not names:
            return
        taken = Taken(len(ctx.text))
        for c in out:
            taken.add(c.start, c.end)
        for x in range(1, n):
            if toks[x].text not in names or not ctx.adj[x - 1]:
                continue
            s = x
            if toks[x - 1].text not in _LINE_SPEAKER_KIN:
                # ('gọi anh danh tiếp': the surname before the speaker's name, after the kinship word)
                if not (x > 1 and ctx.ftoks[x - 1] in d.sur and toks[x - 1].text.islower()
                        and toks[x - 2].text in _LINE_SPEAKER_KIN and ctx.adj[x - 2]):
                    continue
                s = x - 1
            if taken.free(toks[s].start, toks[x].end):
                out.append(Candidate(toks[s].start, toks[x].end, "NAME", 0.65, self.name,
                                     "a transcript's speaker: kinship word + name opening three turns or more"))
                taken.add(toks[s].start, toks[x].end)

    def _free_initials(self, d: _Doc) -> None:
        """Initials standing for a person, with the given name after them when there is one."""
        ctx = d.ctx
        giv, out, upper, taken = d.giv, d.out, d.upper, d.taken
        # initials standing for a person: 'N.T.H', 'H.T.Y.N.' (news and case reports); 'T.' alone needs a cue
        for m in _INITIALS_FREE.finditer(ctx.text):
            e = m.end()
            # 'P.T. Hường': the initials of the surname and middle name, then the given name
            g = _GIVEN_AFTER_INITIALS.match(ctx.text, e) if ctx.text[e - 1] == "." else None
            if g and ctx_key(g.group(1)) in giv and not upper:
                e = g.end()
            if taken.free(m.start(), e):
                out.append(Candidate(m.start(), e, "NAME", 0.75, self.name, "initials of a person (X.Y.Z)"))
                taken.add(m.start(), e)

    def _abbreviated_surnames(self, d: _Doc) -> None:
        """A surname cut to its first letters, then initials and the given name."""
        ctx = d.ctx
        mid, giv, out, taken = d.mid, d.giv, d.out, d.taken
        # a surname cut to its first letters, then initials and the given name: 'Ng. T. Thu Hà', 'Tr.V. Hùng'
        for m in _ABBREV_SURNAME.finditer(ctx.text):
            e, k = m.end(), 0
            while k < 2:
                g = _NAME_WORD_AFTER.match(ctx.text, e - 1 if k == 0 else e)
                if not g or ctx_key(g.group(1)) not in giv and ctx_key(g.group(1)) not in mid:
                    break
                e, k = g.end(), k + 1
            if not k or ctx_key(ctx.text[:e].split()[-1]) not in giv:
                continue
            inner = [c for c in out if m.start() <= c.start and c.end <= e]
            if any(c.start < e and m.start() < c.end for c in out if c not in inner):
                continue
            taken = _without(ctx, out, inner)
            taken.add(m.start(), e)
            out.append(Candidate(m.start(), e, "NAME", 0.8, self.name, "abbreviated surname + initials + given name"))
        d.taken = taken

    def _vocatives(self, d: _Doc) -> None:
        """A lower-case given name called out in a chat: 'hoa oi, ...', 'tuan anh oi'."""
        ctx = d.ctx
        never, cue_words, mid, giv, out, taken = d.never, d.cue_words, d.mid, d.giv, d.out, d.taken
        # a lower-case given name called out: 'hoa oi, ...', 'tuan anh oi' (chat)
        # (every vocative has ' ơi' / ' ui' / ' 0i': a note without one skips the scan)
        vocatives = _VOCATIVE.finditer(ctx.folded) if any(w in ctx.folded for w in _VOCATIVE_NEEDS) else ()
        for m in vocatives:
            words = m.group("who").split()
            raw = ctx.text[m.start("who"):m.end("who")]
            if raw != raw.lower() or not all(w in giv and w not in _NOT_NAME_LOWER and w not in cue_words for w in words[:1]) \
                    or not all(w in giv or w in mid for w in words) or self._never(words, 0, len(words), never):
                continue
            if taken.free(m.start("who"), m.end("who")):
                taken.add(m.start("who"), m.end("who"))
                out.append(Candidate(m.start("who"), m.end("who"), "NAME", 0.6, self.name,
                                     "given-name lexicon called out with 'ơi' (chat)"))
        # 'chị hằng ơi' in a transcript written with marks: a kinship word, a given name as written, the call
        if ctx.diacritics and "ơi" in ctx.text:
            low = ctx.text.lower() if len(ctx.text.lower()) == len(ctx.text) else None
            for m in (_VOCATIVE_MARKED.finditer(low) if low is not None else ()):
                w = m.group("who")
                if ctx.text[m.start("who"):m.end("who")] != w or w not in giv \
                        or w in cue_words or w in _LOWER_STOP or self._never([w], 0, 1, never):
                    continue
                if taken.free(m.start("who"), m.end("who")):
                    taken.add(m.start("who"), m.end("who"))
                    out.append(Candidate(m.start("who"), m.end("who"), "NAME", 0.65, self.name,
                                         "given name called after a kinship word and before 'ơi'"))

    def _list_items(self, d: _Doc) -> None:
        """A register or list item opening on a full name."""
        ctx = d.ctx
        never, cue_words, sur, comp, toks, ft = d.never, d.cue_words, d.sur, d.comp, d.toks, d.ft
        n, out, taken = d.n, d.out, d.taken
        # a register or list item opening on a full name: '2. Rơ Mah Blưi - nam - 61t', '4. Điểu Thị Rin, NS 2001'
        for m in _LIST_ITEM.finditer(ctx.text):
            i = ctx.token_index_at(m.end())
            if i is None or toks[i].start != m.end():
                continue
            j = i
            while j < n and j - i < 5 and toks[j].kind == "word" and ctx.caps[j] and (j == i or ctx.adjacent(j - 1, j)):
                j += 1
            first = 2 if i + 1 < j and f"{ft[i]} {ft[i + 1]}" in comp else 1 if ft[i] in sur else 0
            if first and 2 <= j - i and j - i > first - 1 and (j >= n or ft[j] in ("-", "–", ",", "(")) \
                    and not any(ft[x] in cue_words for x in range(i + 1, j)) and not self._never(ctx.ktoks, i, j, never):
                s, e = toks[i].start, toks[j - 1].end
                taken.add(s, e)
                out.append(Candidate(s, e, "NAME", 0.8, self.name, "surname-led name opening a list item"))

    def _lower_name_fields(self, d: _Doc) -> None:
        """A name field typed in lower case without marks: 'Ho ten: ly gia han     Nam sinh: 2004'."""
        ctx = d.ctx
        never, sur, mid, giv, out, taken = d.never, d.sur, d.mid, d.giv, d.out, d.taken
        # a name field typed in lower case without marks, in a text that has them elsewhere (a web form):
        # 'Ho ten: ly gia han     Nam sinh: 2004'
        for m in _LOWER_NAME_FIELD.finditer(ctx.text):
            words = m.group(1).split()
            if 2 <= len(words) <= 4 and words[0] in sur and all(w in giv or w in mid for w in words[1:]) \
                    and not self._never(words, 0, len(words), never):
                taken.add(m.start(1), m.end(1))
                out.append(Candidate(m.start(1), m.end(1), "NAME", 0.8, self.name, "lower-case name filling a name field"))

    def _capitalised_full_names(self, d: _Doc) -> None:
        """'Côn Văn Tiếp', 'Chamalea Thi Lan': a capitalised word before Văn / Thị and a capitalised given name is the
        surname even outside the lexicons, unless it is a cue or a field word or makes an ordinary word with Văn / Thị
        ('Khu Đô Thị Mới', 'Sở Văn Hóa')."""
        ctx, never, cue_words, giv, out, taken = d.ctx, d.never, d.cue_words, d.giv, d.out, d.taken
        pairs, _ = ordinary_words()
        fpairs = _folded_pairs()
        for m in _CAP_FULL.finditer(ctx.text):
            if not taken.free(m.start(1), m.end(1)) or not (m.group(1)[0].isupper() and m.group(3)[0].isupper()):
                continue  # (a name already holds the surname: most matches; the class À-Ỹ holds lower case too)
            x, mid, y, z = (g.lower() if g and g[0].isupper() else None for g in m.groups())
            fx, fm, fy = fold_lower(x), fold_lower(mid), fold_lower(y)
            kx = x if ctx.diacritics else fx  # ('Côn' is no 'con' in a text with marks)
            if kx in cue_words or kx in _LOWER_NOT_FIRST \
                    or f"{x} {mid}" in pairs or f"{fx} {fm}" in fpairs and not ctx.diacritics \
                    or (f"{mid} {y}" in pairs or f"{fm} {fy}" in fpairs and not ctx.diacritics) \
                    and not (x in d.sur or fx in d.sur or x in _MINORITY_SURNAMES or fx in _MINORITY_SURNAMES_F) \
                    or self._never([fx, fm, fy], 0, 3, never) \
                    or self._never([x, mid, y], 0, 3, never):
                continue
            s, e = m.start(1), m.end(3)
            if z and (z in giv or fold_lower(z) in giv) and f"{y} {z}" not in pairs:
                e = m.end(4)
            inner = [c for c in out if s <= c.start and c.end <= e]
            if any(c.start < e and s < c.end for c in out if c not in inner):
                # a longer name already holds it, or one that starts inside ('Văn Tiếp' grows to the surname before)
                over = [c for c in out if c.start < e and s < c.end and c not in inner]
                if not all(c.start >= s and c.start < e for c in over):
                    continue
                e = max(e, *(c.end for c in over))
                inner += over
            if inner:
                taken = _without(ctx, out, inner)
            if taken.free(s, e):
                taken.add(s, e)
                out.append(Candidate(s, e, "NAME", 0.75, self.name, "capitalised surname + Văn/Thị + capitalised name"))
        d.taken = taken

    def _lower_full_names(self, d: _Doc) -> None:
        """A full name typed in lower case with marks around Văn / Thị ('bác lương văn slấy', 'chị côn thị mơ'): the
        surname may be outside every lexicon (Tày, Raglai, Cơ Tu names), so the shape decides, unless a neighbour
        pair is an ordinary word ('thị trấn', 'công văn', 'văn bản', 'đô thị')."""
        ctx, never, giv, out, taken = d.ctx, d.never, d.giv, d.out, d.taken
        pairs, _ = ordinary_words()
        for m in _LOWER_FULL.finditer(ctx.text):
            if not m.group().islower():
                continue  # (the class à-ỹ holds capitals too)
            x, mid, y, z = m.group(1), m.group(2), m.group(3), m.group(4)
            if x in _LOWER_NOT_FIRST or y in _LOWER_STOP or y in _LOWER_NOT_FIRST \
                    or f"{x} {mid}" in pairs or f"{mid} {y}" in pairs or f"{x} {mid}" in never or f"{mid} {y}" in never:
                continue
            e = m.end(3)
            # a second given syllable: in the lexicon, no common word, no ordinary word with the one before or after
            if z and z in giv and z not in _LOWER_STOP and f"{y} {z}" not in pairs:
                after = ctx.text[m.end(4):m.end(4) + 12].split()
                if not (after and f"{z} {after[0].lower()}" in pairs):
                    e = m.end(4)
            s = m.start(1)
            before = _WORD_BEFORE.search(ctx.text, max(0, s - 12), s)
            if before and before.group(1).islower() and f"{before.group(1)} {x}" in d.comp:
                s = before.start(1)  # a compound surname: 'pi năng thị hòa', 'ka tơ thị huyền'
            if not taken.free(s, e):
                # a shorter name inside it gives way ('văn slấy' found after a cue)
                inner = [c for c in out if s <= c.start and c.end <= e]
                if not inner or any(c.start < e and s < c.end for c in out if c not in inner):
                    continue
                taken = _without(ctx, out, inner)
            taken.add(s, e)
            out.append(Candidate(s, e, "NAME", 0.7, self.name, "lower-case full name around Văn/Thị (no ordinary word)"))
        d.taken = taken

    def _nicknames(self, d: _Doc) -> None:
        """A nickname after 'goi la' (called), in brackets or after who calls the person so."""
        ctx = d.ctx
        never, out, taken = d.never, d.out, d.taken
        # a nickname: 'Lê Văn Khôi (ở nhà gọi là Bốp)', '(anh em gọi Tư Hên)'
        # ('gọi' or a home-name field: every nickname has one)
        f = ctx.folded
        for m in (_NICKNAME.finditer(f) if _V["nickname_call"] in f or any(w in f for w in _NICKNAME_FIELDS) else ()):
            g = next(k for k in range(1, (m.lastindex or 1) + 1) if m.start(k) >= 0)
            s, e = m.start(g), m.end(g)
            words = ctx.text[s:e].split()
            if all(w[:1].isupper() for w in words) and not self._never([fold_lower(w) for w in words], 0, len(words), never):
                taken.add(s, e)
                out.append(Candidate(s, e, "NAME", 0.8, self.name, "nickname after 'gọi là' or a home-name field"))

    def _foreign_names(self, d: _Doc) -> None:
        """Romanised East Asian names: 'Lee Soo-min', 'KIM Ji-woo', 'Tanaka Kenji'."""
        ctx = d.ctx
        lex, out, upper, taken = d.lex, d.out, d.upper, d.taken
        for m in _FOREIGN_NAME.finditer(ctx.text):
            if upper and not m.group("s5"):
                continue
            sur_word = m.group("s1") or m.group("s2") or m.group("s3") or m.group("s4") or m.group("s5")
            key = fold_lower(sur_word)
            if key not in lex["foreign"]:
                continue
            if m.group("s4") and (not ctx.diacritics or len(key) < 4 and key not in _SHORT_FOREIGN_OK
                                  or any(key in lex[k] for k in ("surname", "middle", "given"))):
                continue  # ('Tan Son' in a text typed without marks is a place; 'Sun Pharma' is a firm)
            s, e = m.start(), m.end()
            # it replaces a shorter name found inside it ('Lee Soo' of 'Lee Soo-min')
            inner = [c for c in out if s <= c.start and c.end <= e]
            if any(c.start < e and s < c.end for c in out if c not in inner):
                continue
            taken = _without(ctx, out, inner)
            taken.add(s, e)
            out.append(Candidate(s, e, "NAME", 0.85, self.name, "romanised foreign name (Korean, Chinese, Japanese ...)"))
        d.taken = taken

    def _signature_slots(self, d: _Doc) -> None:
        """A given name in a signature slot (a signed table cell, a hand-over field)."""
        ctx = d.ctx
        cue_words, sur, mid, giv, toks, ft = d.cue_words, d.sur, d.mid, d.giv, d.toks, d.ft
        n, out, upper, taken = d.n, d.out, d.upper, d.taken
        for m in _SIGNER.finditer(ctx.folded):
            i = ctx.token_index_at(m.end())
            if i is None or toks[i].start != m.end():
                continue
            j = i
            while j < n and j - i < 4 and toks[j].kind == "word" and ctx.caps[j] and (ft[j] in giv or ft[j] in mid or ft[j] in sur) \
                    and (j == i or ctx.adjacent(j - 1, j)):
                j += 1
            # the slot must end right after the name: the cell's '|', a line end or a wide gap
            if j > i and not upper and ft[i] not in cue_words and self._field_run_ends(ctx, j) or j > i and j < n and ctx.ftoks[j] == "|":
                s, e = toks[i].start, toks[j - 1].end
                if taken.free(s, e):
                    taken.add(s, e)
                    out.append(Candidate(s, e, "NAME", 0.8, self.name, "given name in a signature slot"))

    def _staff_columns(self, d: _Doc) -> None:
        """Names in a table's signer or staff column."""
        ctx = d.ctx
        never, cue_words, sur, mid, giv, out, taken = d.never, d.cue_words, d.sur, d.mid, d.giv, d.out, d.taken
        for s, e in self._person_column_cells(ctx.text):
            words = ctx.text[s:e].split()
            keys = [ctx_key(w) for w in words]
            if 1 <= len(words) <= 4 and all(w[:1].isupper() and w[1:].islower() for w in words) \
                    and all(k in giv or k in mid or k in sur for k in keys) and keys[0] not in cue_words \
                    and not self._never(keys, 0, len(keys), never) and taken.free(s, e):
                taken.add(s, e)
                out.append(Candidate(s, e, "NAME", 0.8, self.name, "name in a table's signer / staff column"))

    def _h_apostrophe_names(self, d: _Doc) -> None:
        """Names opening with H' (Ê Đê women) or K' (Cơ Ho, Mạ, Churu, M'Nông men): the apostrophe marks them."""
        ctx = d.ctx
        never, out, taken = d.never, d.out, d.taken
        for m in (_H_APOSTROPHE.finditer(ctx.text) if "H'" in ctx.text or "K'" in ctx.text else ()):
            if fold_lower(m.group()) in never or ctx_key(m.group()) in never:
                continue  # 'Dân tộc: H'Mông': a people, not a woman's name
            # it replaces a shorter name found inside it ('H' alone of "VỢ - H' LOAN ÊBAN")
            inner = [c for c in out if m.start() <= c.start and c.end <= m.end()]
            if inner and not any(c.start < m.end() and m.start() < c.end for c in out if c not in inner):
                taken = _without(ctx, out, inner)
            if taken.free(m.start(), m.end()):
                taken.add(m.start(), m.end())
                out.append(Candidate(m.start(), m.end(), "NAME", 0.8, self.name, "highland name opening with H' or K'"))
        d.taken = taken

    def _east_asian_names(self, d: _Doc) -> None:
        """Names in Chinese or Japanese characters after a person cue or before a Japanese honorific ('vợ 林美玲',
        '姓名: 黄志强', '佐藤 由美子 様'), and romanised Mandarin names with tone marks ('Lín Měilíng', 'Huáng Zhìqiáng':
        a caron or macron, or a letter Vietnamese never writes (z, w, f, j, q without u) beside a tone mark)."""
        ctx, out, taken = d.ctx, d.out, d.taken
        found: list[tuple[int, int, str]] = []
        if _HAN.search(ctx.text):
            for m in _HAN_CUE.finditer(ctx.text):
                s, g = m.start(1), m.group(1)
                head, sep, rest = g.replace("　", " ").partition(" ")
                e = m.end(1)
                if sep and head in _HAN_CUES:
                    s += len(head) + 1  # a second cue: '家属：妻子 李晓燕' (the wife among the relatives)
                elif sep and len(head) >= 3:
                    e = s + len(head)  # a Chinese name is whole in 3 characters: '妹妹 李美玲 我安排' goes on in prose
                found.append((s, e, "Han characters after a person cue"))
            found += [(m.start(1), m.end(1), "Han characters before a Japanese honorific")
                      for m in _HAN_HONORIFIC.finditer(ctx.text) if len(m.group(1).replace(" ", "").replace("　", "")) >= 2]
            # a chat line's sender written in Han characters, after its time stamp ('2026/12/04 07:58 李美芳:')
            found += [(m.start(1), m.end(1), "Han characters as a chat sender") for m in _HAN_SENDER.finditer(ctx.text)
                      if m.group(1) not in _HAN_CUES and m.group(1) not in _HAN_NOT_NAMES]
        for m in _PINYIN_NAME.finditer(ctx.text):
            g = m.group(1)
            if _PINYIN_ONLY.search(g) or _PINYIN_TONE.search(g) and _PINYIN_LETTER.search(g):
                found.append((m.start(1), m.end(1), "romanised Mandarin name with tone marks"))
        for s, e, why in found:
            taken = self._take_whole(ctx, out, taken, s, e, 0.8, why)
        d.taken = taken

    def _lone_given_names(self, d: _Doc) -> None:
        """A given name alone mid-sentence, capitalised and written with its marks, in a text that writes marks and
        capitalises names ('OCR, Quân chưa sửa', 'bởi Quân]', 'gọi qua e Dợ phiên dịch'): a capital inside a sentence
        marks a proper noun. Not after a word that makes it a department, a people, a place or a festival (names.yaml
        lone_given_not_after, address units, organisation heads), not one that is also a country, a people or a sex
        (lone_given_never), not beside another capitalised word (a longer proper noun), not forming an ordinary word
        with a neighbour."""
        ctx, toks, n, out = d.ctx, d.toks, d.n, d.out
        kt = ctx.ktoks
        pairs = None
        taken = _without(ctx, out, [])
        units = d.cue["location_unit"]
        heads = d.cue["org_head"]
        for i in range(1, n):
            t = toks[i]
            w = t.text
            if t.kind != "word" or len(w) < 2 or not w[0].isupper() or not w[1:].islower() or w.lower() == fold_lower(w) \
                    or d.lower_tok[i]:
                continue
            key = w.lower()
            if key not in d.giv or key in _LONE_GIVEN_NEVER or key in d.cue_words or not taken.free(t.start, t.end):
                continue
            p = toks[i - 1]
            gap = ctx.text[p.end:t.start]
            if "\n" in gap:
                continue
            if p.kind == "word":
                if not p.text.islower() or kt[i - 1] in _LONE_NOT_AFTER or kt[i - 1] in units or kt[i - 1] in heads:
                    continue
                if i > 1 and toks[i - 2].kind == "word" and f"{kt[i - 2]} {kt[i - 1]}" in units:
                    continue
            elif p.text not in (",", "(", "—", "–", "[", "\"", "“", "→"):
                continue
            elif p.text == "," and self._capitalised_item_before(ctx, i - 1):
                continue  # 'Thận du, Đại trường du, Hoàn khiêu': a list of capitalised terms
            if i + 1 < n and toks[i + 1].kind == "word" and ctx.caps[i + 1] and "\n" not in ctx.text[t.end:toks[i + 1].start]:
                continue
            if pairs is None:
                pairs = ordinary_words()[0]
            if i + 1 < n and toks[i + 1].kind == "word" and f"{key} {kt[i + 1]}" in pairs \
                    or p.kind == "word" and f"{kt[i - 1]} {key}" in pairs:
                continue
            taken.add(t.start, t.end)
            out.append(Candidate(t.start, t.end, "NAME", 0.55, self.name, "capitalised given name alone mid-sentence"))
        d.taken = taken

    @staticmethod
    def _capitalised_item_before(ctx: Context, comma: int) -> bool:
        """Whether the list item ending at the comma token `comma` opens on a capitalised word (back to the previous
        comma, semicolon, colon, bracket or line break)."""
        toks = ctx.tokens
        j = comma - 1
        first = None
        while j >= 0 and toks[j].text not in (",", ";", ":", "(", "[", ".") and "\n" not in ctx.text[toks[j].end:toks[j + 1].start]:
            if toks[j].kind == "word":
                first = j
            j -= 1
        return first is not None and ctx.caps[first]

    def _authors_after_action_bars(self, d: _Doc) -> None:
        """In a comment thread copied from a social network, the line after a comment's action bar ('Thích · Phản
        hồi · 2 giờ'; names.yaml social_action_bar) holding only two to five capitalised words is the next comment's
        author ('Tuấn Phượt Tây Bắc'); names found inside it give way to it."""
        ctx, out = d.ctx, d.out
        text = ctx.text
        taken = d.taken if d.taken is not None else _without(ctx, out, [])
        for m in _SOCIAL_BAR.finditer(text):
            nl = text.find("\n", m.end())
            if nl < 0:
                continue
            end = text.find("\n", nl + 1)
            end = len(text) if end < 0 else end
            a = _AUTHOR_LINE.fullmatch(text, nl + 1, end)
            if a is None:
                continue
            s, e = a.start(1), a.end(1)
            words = a.group(1).split()
            if not all(w[0].isupper() for w in words) or any(ctx_key(w) in d.cue_words for w in words[:1]):
                continue
            taken = self._take_whole(ctx, out, taken, s, e, 0.75, "comment author after an action bar")
        d.taken = taken

    def _take_whole(self, ctx, out, taken, s: int, e: int, score: float, why: str):
        """A NAME over [s, e) that holds whole every candidate inside it replaces them; one that crosses another
        candidate is left out. Returns the taken map."""
        inner = [c for c in out if s <= c.start and c.end <= e]
        if any(c.start < e and s < c.end for c in out if c not in inner):
            return taken
        if inner:
            taken = _without(ctx, out, inner)
        if taken.free(s, e):
            taken.add(s, e)
            out.append(Candidate(s, e, "NAME", score, self.name, why))
        return taken

    def _names_before_credentials(self, d: _Doc) -> None:
        """Two to four capitalised words right before a post-nominal credential ('Siobhan Murphy RN MPH', 'Haruki
        Satō, DDS', 'Lò Thị Xuân, RN'; names.yaml post_nominals): a signature, whatever script the name came from;
        the words may not be a heading in capitals. Names found inside it give way to it."""
        ctx, out = d.ctx, d.out
        taken = d.taken if d.taken is not None else _without(ctx, out, [])
        cue = d.cue_words
        pairs = ordinary_words()[0]
        for m in _BEFORE_CREDENTIAL.finditer(ctx.text):
            s, e = m.start(1), m.end(1)
            words = m.group(1).split()
            low = [w.lower() for w in words]
            if any(f"{a} {b}" in pairs for a, b in zip(low, low[1:])):
                continue  # 'Kết quả Xét Nghiệm MD': an ordinary phrase in title case
            if fold_lower(words[0]) in cue or any(fold_lower(w) in _NOT_NAME_LOWER and w.lower() == fold_lower(w)
                                                 and fold_lower(w) not in d.sur and fold_lower(w) not in d.giv
                                                 for w in words):
                continue
            taken = self._take_whole(ctx, out, taken, s, e, 0.8, "capitalised words before a post-nominal credential")
        d.taken = taken

    def _cyrillic_names(self, d: _Doc) -> None:
        """A name written in Cyrillic: two to four capitalised Cyrillic words in a row (names.yaml cyrillic_name);
        names found inside it give way to it."""
        ctx, out = d.ctx, d.out
        taken = d.taken if d.taken is not None else _without(ctx, out, [])
        for m in _CYRILLIC_NAME.finditer(ctx.text):
            s, e = m.start(), m.end()
            taken = self._take_whole(ctx, out, taken, s, e, 0.85, "capitalised words in Cyrillic")
        d.taken = taken

    def _initials_alone(self, d: _Doc) -> None:
        """One initial standing for a person before a lower-case word."""
        ctx = d.ctx
        out, taken = d.out, d.taken
        for m in _INITIAL_ALONE.finditer(ctx.text):
            if taken.free(m.start("i"), m.end("i")):
                out.append(Candidate(m.start("i"), m.end("i"), "NAME", 0.6, self.name,
                                     "one initial before a lower-case word (a person's initial)"))

    def _propagate(self, ctx: Context, out: list[Candidate], taken: Taken, before, inner_codes: bool = False) -> None:
        """A name found once names the same person elsewhere in the document: a full name (2+ words) wherever it
        recurs ('mai anh' in every chat line), one word only after a role or kinship cue ('cam on bac khoa'), and
        the given name of a full name alone when capitalised ('bệnh nhân Phan Minh Trang ... Trang bay đi Seoul')."""
        toks, ft = ctx.tokens, ctx.ftoks
        never = cues()["name_never"]
        n = len(toks)
        phrases: dict[str, list[tuple[tuple[str, ...], bool]]] = {}  # first folded word -> (words, needs a cue)
        given_alone: set[str] = set()
        given_weak: set[str] = set()
        given_lower: set[str] = set()
        given_cued: set[str] = set()
        lex, upper = names(), ctx.upper_doc
        for c in out:
            if c.score < 0.55 or "initial" in c.explanation:
                continue
            i = ctx.token_index_at(c.start)
            if i is None:
                continue
            j = i
            while j + 1 < n and toks[j + 1].start < c.end and j - i < 4:
                j += 1
            if j - i > 3 or toks[j].end != c.end:
                continue
            words = tuple(ft[i:j + 1])
            # (inner_codes, for another detector's names: a middle token of letters and digits, 'Vàng Th1 Dợ' as a
            # tagger read it, is kept; an unmarked given name is found alone only after a role or kinship word)
            if len("".join(words)) < 3 or not all(toks[x].kind == "word" or inner_codes and i < x < j and toks[x].kind == "code"
                                                  for x in range(i, j + 1)):
                continue
            # (a name in Han characters is one token, the whole name: found again without a cue)
            phrases.setdefault(words[0], []).append((words, len(words) == 1 and not _HAN.search(words[0])))
            last = toks[j].text
            if j > i and c.score >= 0.75 and last[:1].isupper():
                # (a common word's folded form blocks an unmarked given name only: in a text written with marks
                # 'Dợ' is no 'do'; an unmarked one, 'Di' of 'HỜ THỊ DI', needs a role or kinship cue before it)
                if fold_lower(last) not in _NOT_NAME_LOWER and not (inner_codes and last.lower() == fold_lower(last)) \
                        or ctx.diacritics and last.lower() != fold_lower(last) \
                        and last.lower() not in before:  # ('Bé', 'Út' are kinship words first)
                    given_alone.add(last)
                    given_alone.add(last[:1] + last[1:].lower())  # 'THỊ DI' in capitals names 'Di' too
                else:
                    given_cued.add(last[:1] + last[1:].lower())
            elif j > i and c.score >= 0.6 and not upper:
                # a weaker full name ('Khánh Linh nhập viện' in a chat) or a handle in given-first order ('Hưng Đỗ:'):
                # its given name alone only inside a sentence
                g = toks[i].text if "speaker" in c.explanation and ft[j] in lex["surname"] and j == i + 1 else last
                if g[:1].isupper() and g[1:].islower() and fold_lower(g) not in _NOT_NAME_LOWER and ctx_key(g) in lex["given"]:
                    given_weak.add(g)
            if j > i and "speaker" in c.explanation and not ctx.diacritics and last.islower() and ft[i] in lex["surname"] \
                    and ft[j] in lex["given"] and ft[j] not in _NOT_NAME_LOWER:
                # a lower-case chat speaker 'dinh thi phuong:': the given name alone after a greeting or 'là'
                given_lower.add(last)
        if not phrases:
            return
        # only tokens that start a known phrase or are one of the given names can be found again
        given_any = given_alone | given_weak | given_lower | given_cued
        pairs = ordinary_words()[0] if ctx.diacritics else frozenset()
        kt = ctx.ktoks

        def ordinary_pair(x: int) -> bool:
            # a given name that makes an ordinary word with its neighbour ('Bảo hiểm', 'Di căn') is that word
            return bool(pairs) and (x + 1 < n and ctx.adj[x] and f"{kt[x]} {kt[x + 1]}" in pairs
                                    or x > 0 and ctx.adj[x - 1] and f"{kt[x - 1]} {kt[x]}" in pairs)
        cued_caps = {toks[ctx.token_index_at(c.start)].text for c in out
                     if c.score >= 0.8 and ctx.token_index_at(c.start) is not None
                     and toks[ctx.token_index_at(c.start)].end == c.end} if not upper else set()

        def capital_again(x: int) -> bool:
            # a one-word name found after a cue ('me Dau hoi', 'bé Bống') is the same person where the word recurs
            # as written, capitalised, with no capitalised word beside it: inside a sentence of lower-case words
            # ('cho Dau ve', 'đưa Bống xuống'), opening one ('r. Binh sot 39'), or alone on a line (a sign-off)
            t = toks[x]
            if t.text not in cued_caps or not (t.text[:1].isupper() and t.text[1:].islower()) or len(t.text) < 3:
                return False
            if x + 1 < n and ctx.adj[x] and toks[x + 1].kind == "word" and toks[x + 1].text[:1].isupper():
                return False
            if ordinary_pair(x) or x + 1 < n and ctx.adj[x] and f"{ft[x]} {ft[x + 1]}" in never:
                return False
            gap_before = ctx.text[toks[x - 1].end:t.start] if x > 0 else "\n"
            if "\n" in gap_before:  # alone on its line, or a sign-off's 'Siobhan,'
                return x + 1 >= n or "\n" in ctx.text[t.end:toks[x + 1].start] \
                    or ft[x + 1] in (",", ".") and (x + 2 >= n or "\n" in ctx.text[toks[x + 1].end:toks[x + 2].start])
            prev = toks[x - 1]
            if prev.kind == "word":  # ('tiếng Dao', 'người Hoa': a people or its language)
                return prev.text.islower() and f"{ft[x - 1]} {ft[x]}" not in never \
                    and not (ft[x] in _ETHNIC_GROUPS and ft[x - 1] in _ETHNIC_BEFORE)
            return ft[x - 1] == "(" and x + 1 < n and toks[x + 1].kind == "word" and toks[x + 1].text.islower()
        for x in [x for x, (w, t) in enumerate(zip(ft, toks)) if w in phrases or t[0] in given_any]:
            cands = phrases.get(ft[x])
            for words, needs_cue in sorted(cands or (), key=lambda w: -len(w[0])):
                e = x + len(words)
                if e > n or tuple(ft[x:e]) != words or (e - x > 1 and not all(ctx.adj[x:e - 1])):
                    continue
                if not taken.free(toks[x].start, toks[e - 1].end) or (needs_cue and not ctx.cue_before(x, before)
                                                                       and not capital_again(x)):
                    continue
                taken.add(toks[x].start, toks[e - 1].end)
                out.append(Candidate(toks[x].start, toks[e - 1].end, "NAME", 0.7, self.name,
                                     "same name found elsewhere in the document"))
                break
            else:
                mid_sentence = x > 0 and ctx.adj[x - 1] and (toks[x - 1].kind == "word" or ft[x - 1] == ",") \
                    and not (x + 1 < n and ctx.adj[x] and toks[x + 1].kind == "word" and ctx.caps[x + 1])
                if (toks[x].text in given_alone or toks[x].text in given_weak and mid_sentence
                        or toks[x].text in given_cued and ctx.cue_before(x, before) is not None) \
                        and taken.free(toks[x].start, toks[x].end) and not ordinary_pair(x) \
                        and not (x + 1 < n and ctx.adj[x] and f"{ft[x]} {ft[x + 1]}" in never) \
                        and not (x > 0 and ctx.adj[x - 1] and f"{ft[x - 1]} {ft[x]}" in never) \
                        and not (ctx.ftoks[x] == "trang" and x + 1 < n and toks[x + 1].kind == "number"):
                    # ('Quyết định', 'Sinh năm:' are words; 'Trang 14' is a page of the form)
                    taken.add(toks[x].start, toks[x].end)
                    out.append(Candidate(toks[x].start, toks[x].end, "NAME", 0.65, self.name,
                                         "given name of a full name found elsewhere in the document"))
                elif toks[x].text in given_lower and x > 0 and ctx.adj[x - 1] and ft[x - 1] in _GREETING_BEFORE \
                        and taken.free(toks[x].start, toks[x].end) \
                        and not (x + 1 < n and ctx.adj[x] and toks[x + 1].kind in ("word", "number")):
                    # ('chao phuong.', 'e la phuong,': the name ends the phrase; 'la phuong 5' is a ward)
                    taken.add(toks[x].start, toks[x].end)
                    out.append(Candidate(toks[x].start, toks[x].end, "NAME", 0.6, self.name,
                                         "given name of a lower-case chat speaker after a greeting or 'là'"))

    def _propagate_lower(self, d: _Doc) -> None:
        """In a lower-case text, the given name of a full name found in it ('hoàng thị lả', 'vi văn chúng') names the
        same person when it stands alone: after a title or kinship word ('cảm ơn em lả'), after 'là' / 'chào', or
        opening a line as the speaker of a transcript turn ('lả alo anh ...', 'anh chúng ờ đúng rồi'); never where it
        makes an ordinary word with its neighbour."""
        ctx, toks, ft, n, out, before = d.ctx, d.toks, d.ft, d.n, d.out, d.before
        pairs, _ = ordinary_words()
        given: set[str] = set()
        for c in out:
            if c.score < 0.55 or "initial" in c.explanation:
                continue
            words = ctx.text[c.start:c.end].split()
            if 2 <= len(words) <= 4 and all(w.islower() for w in words) and words[-1] not in _LOWER_STOP:
                given.add(words[-1])
        if not given:
            return
        taken = Taken(len(ctx.text))
        for c in out:
            taken.add(c.start, c.end)
        for x in [x for x, w in enumerate(ft) if w in given]:
            t = toks[x]
            if not t.text.islower() or not d.lower_tok[x] or not taken.free(t.start, t.end):
                continue
            nxt = ft[x + 1] if x + 1 < n and ctx.adj[x] and toks[x + 1].kind == "word" else None
            if nxt is not None and f"{ft[x]} {nxt}" in pairs:
                continue
            line_start = x == 0 or "\n" in ctx.text[toks[x - 1].end:t.start]
            prev_word = x > 0 and ctx.adj[x - 1] and toks[x - 1].kind == "word"
            if line_start:
                ok = nxt is not None  # a speaker's turn: the name, then what they say
            elif prev_word and f"{ft[x - 1]} {ft[x]}" in pairs:
                ok = False
            else:
                ok = prev_word and (ft[x - 1] in ("là", "chào") or ctx.cue_before(x, before) is not None)
            if ok:
                taken.add(t.start, t.end)
                out.append(Candidate(t.start, t.end, "NAME", 0.65, self.name,
                                     "given name of a lower-case full name found elsewhere in the document"))
        d.taken = taken

    @staticmethod
    @lru_cache(maxsize=1)
    def _label_sets() -> tuple[frozenset, ...]:
        """Field-label and organisation/place vocabularies: a chat handle never opens with one ('Địa Chỉ:')."""
        c = cues()
        return tuple(frozenset(fold_lower(x) for x in c[k]) for k in _LABEL_KEYS)

    @staticmethod
    def _person_column_cells(text: str) -> list[tuple[int, int]]:
        """Cells under a staff or signer column header ('| NV cấp phát |', '| Người thực hiện |') of a table written
        with '|': (start, end) of each non-empty cell's text."""
        out: list[tuple[int, int]] = []
        cols: set[int] = set()
        pos = 0
        for line in text.split("\n"):
            if line.count("|") >= 2:
                cells, start = [], pos
                for part in line.split("|"):
                    stripped = part.strip()
                    s = start + (len(part) - len(part.lstrip()))
                    cells.append((stripped, s, s + len(stripped)))
                    start += len(part) + 1
                heads = {k for k, (c, _, _) in enumerate(cells) if fold_lower(c) in _PERSON_COLUMNS}
                if heads:
                    cols = heads
                elif cols:
                    out.extend((s, e) for k, (c, s, e) in enumerate(cells) if k in cols and c)
            else:
                cols = set()
            pos += len(line) + 1
        return out

    @staticmethod
    def _field_run_ends(ctx: Context, e: int) -> bool:
        """A form field's value ends here: end of text, a line break, a wide gap, or ',', '(', ';', '-', a table's '|'."""
        toks = ctx.tokens
        if e >= len(toks):
            return True
        gap = ctx.text[toks[e - 1].end:toks[e].start]
        return any(g in gap for g in ("  ", "\t", "\n")) or ctx.ftoks[e] in (",", "(", ";", "-", "–", "|")

    @staticmethod
    def _glued_end(ctx: Context, i: int) -> int:
        e = ctx.tokens[i].end
        j = i + 1
        while j < len(ctx.tokens) and ctx.tokens[j].start == e and (ctx.tokens[j].text == "." or ctx.tokens[j].text in _DIGRAPHS or
                                                                     (len(ctx.tokens[j].text) == 1 and ctx.tokens[j].text.isupper())):
            e = ctx.tokens[j].end
            j += 1
        return e

    @staticmethod
    def _never(ft: list[str], i: int, e: int, never: frozenset[str]) -> bool:
        if " ".join(ft[i:e]) in never:
            return True
        for a in range(i, e - 1):
            if f"{ft[a]} {ft[a + 1]}" in never:
                return True
        return e - i == 1 and ft[i] in never


def names_found_again(ctx: Context, full_names: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """What `NameRecognizer._propagate` finds from full names another detector found (the statistical tagger):
    the same name again and its given name alone, under the same guards (marked, or after a role or kinship
    word when also a common word). `found`: every span already found, none of them overlapped."""
    taken = Taken(len(ctx.text))
    for c in found:
        taken.add(c.start, c.end)
    out = list(full_names)
    NameRecognizer()._propagate(ctx, out, taken, cues()["name_before"], inner_codes=True)
    return out[len(full_names):]
