"""The strict de-identification profile: a token stays only when it is known safe (Philter's approach).

After the default detector, `strict_spans(text, spans)` also removes, where no default span is:
- runs of CJK, kana, Hangul, Thai, Lao, Khmer or Myanmar letters (foreign-script names);
- social handles (`@lan.pham`, `Vũ_92`) and chat speakers (`💬 Lan Phạm:`, a name before ':' at line start that
  recurs or carries an emoji or a time);
- digit-bearing tokens that are not a vital sign, lab value, dose or other measurement (the default detector's
  allow patterns, numbers of at most three digits, clinical codes such as SpO2 or C5): long digit runs, years,
  dates, codes mixing letters and digits or joined by '/' and '-', digits written one by one or spelled aloud;
- capitalised words that are not known safe (clinical lexicon words, abbreviations, units, English clinical words
  anywhere; common words only where a sentence, line or field starts), from the first unknown word to the end of
  the capitalised run;
- in lower case: a surname followed by name syllables, and the words after a name, organisation or address cue
  up to a function word or punctuation;
- unmarked Latin words that are neither a Vietnamese syllable (with or without marks) nor a known word.

Knowledge lives in resources/deid/strict/ (word lists, regexes; SOURCE.md) and in the clinical lexicons and
name lists; this module is the engine.

    >>> [(s.label, s.text) for s in strict_spans("Tái khám với bác sĩ John Miller, SpO2 97%, mã HS-88213.", [])]
    [('NAME', 'John Miller'), ('ID', 'HS-88213')]
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from itertools import pairwise

from ..paths import load_yaml, resource_path
from ..schema import Span
from ..text.canonical import canonical_view
from ..text.fold import fold_lower
from ..text.syllable import _CODA, _NO_CODA, _NUCLEI, _ONSET_RE, is_syllable
from . import strict_names, strict_spoken
from .recognizers.allow import allow_spans
from .recognizers.base import Candidate, Context, Recognizer

__all__ = ["PROFILES", "StrictRecognizer", "check_profile", "strict_spans"]

PROFILES = ("default", "strict")
_OCR_NUMBER = re.compile(r"[0-9OolI]+")
_SCORE = 0.6  # above the analyzer's default threshold, below every rule's own evidence


def check_profile(profile: str) -> str:
    if profile not in PROFILES:
        raise ValueError(f"unknown de-identification profile {profile!r}; choose from {', '.join(PROFILES)}")
    return profile


# --- the safe lists ---------------------------------------------------------------------------------------------
def _words_file(*parts: str) -> list[str]:
    path = resource_path(*parts)
    return [w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")]


class _Words:
    """Words as written (lower case, with marks) and without marks: text with marks is checked on the first,
    text without them on the second, so `Om` is not `ốm`."""

    def __init__(self):
        self.marked: set[str] = set()
        self.folded: set[str] = set()

    def add(self, phrase: str) -> None:
        for w in re.findall(r"[^\W_]+(?:[-'][^\W_]+)*", phrase):
            lw = w.lower()
            self.marked.add(lw)
            self.folded.add(fold_lower(lw))

    def has(self, word: str, marks: bool) -> bool:
        lw = word.lower()
        return lw in self.marked if marks else fold_lower(lw) in self.folded


@lru_cache(maxsize=1)
def _lists() -> dict:
    """common: frequent words and cue words (safe where a sentence or field starts); known: words safe anywhere
    (drugs, abbreviations, units, English clinical words, one-word clinical terms); clinical: every word of the
    clinical lexicons (safe in lower case and at a start); names: surnames and given/middle syllables."""
    common, known, clinical, stop, spoken = _Words(), _Words(), _Words(), _Words(), _Words()
    from .recognizers.base import Gazetteer

    phrases = Gazetteer()  # multi-word clinical terms, folded: 'Đái tháo đường' mid-sentence stays
    pairs: set[tuple[str, str]] = set()  # adjacent words inside them: 'thận mạn' is no surname and given name
    for w in _words_file("deid", "strict", "common_words.txt"):
        common.add(w)
    for name in ("english_words.txt", "countries.txt", "admin_abbreviations.txt"):
        for w in _words_file("deid", "strict", name):
            known.add(w)
    for w in _words_file("deid", "strict", "function_words.txt"):
        stop.add(w)
    for w in _words_file("deid", "strict", "spoken_chars.txt"):
        spoken.add(w)
    for p in sorted(resource_path("clinical").glob("*.tsv")):
        drugs = p.stem.startswith("drug")
        with open(p, encoding="utf-8") as fh:
            for row in csv.reader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"):
                for cell in row:
                    if not cell or re.fullmatch(r"[A-Z]\d\d[\w.]*", cell):  # (ICD-10 / ATC codes)
                        continue
                    for part in cell.split("|"):
                        clinical.add(part)
                        words = fold_lower(part).split()
                        if len(words) > 1:
                            phrases[" ".join(words)] = "clinical"
                            pairs.update(pairwise(words))
                        if drugs or " " not in part.strip():
                            known.add(part)  # drug names and one-word terms are capitalised mid-sentence too
    sections = load_yaml(resource_path("clinical", "sections.yaml").read_text(encoding="utf-8"))
    for sec in sections.get("sections", []):
        for h in sec.get("headings", []):
            clinical.add(str(h))
    with open(resource_path("text", "abbreviations.tsv"), encoding="utf-8") as fh:
        for ln in fh:
            cols = ln.rstrip("\n").split("\t")
            if ln.startswith("#") or len(cols) < 2 or cols[0] == "abbr":
                continue
            known.add(cols[0])
            for part in cols[1].split("|"):
                clinical.add(part)
    from .recognizers.lexicons import cues_raw

    cues = cues_raw()
    # cue words stand beside identifiers, they are not identifiers ('phường', 'bệnh viện', 'bác sĩ', 'SĐT')
    for key in ("name_never", "location_unit", "location_field", "org_head", "profession_cue", "professions_medical",
                "professions", "id_cues", "phone_cues", "date_cues", "year_cues", "name_before"):
        for phrase in cues.get(key, []):
            common.add(str(phrase))
    with open(resource_path("units.tsv"), encoding="utf-8") as fh:
        for ln in fh:
            unit = ln.split("\t", 1)[0]
            if unit != "unit" and re.fullmatch(r"[^\W\d_]+", unit):
                known.add(unit)
    codes = {w.lower() for w in _words_file("deid", "strict", "safe_codes.txt")}
    surnames, given = _Words(), _Words()
    for name in ("surnames.txt", "surnames_extra.txt"):
        for w in _words_file("deid", "names", name):
            surnames.add(w)
    for name in ("given_male.txt", "given_female.txt", "given_extra.txt", "middle.txt", "middle_extra.txt"):
        for w in _words_file("deid", "names", name):
            given.add(w)
    # (a lexicon word that is also a surname, 'Lê', is no evidence of safety when capitalised)
    known.marked -= surnames.marked
    cue = {k: frozenset(fold_lower(str(p)) for p in cues.get(k, [])) for k in ("name_before", "org_head", "location_unit")}
    never = frozenset(fold_lower(str(p)) for p in cues.get("name_never", []))
    from .recognizers.lexicons import places

    gaz = Gazetteer()
    for kind in ("district", "province"):  # (a province that shares its name with a district stays a province)
        for k in places().get(kind, {}):
            if " " in k:
                gaz[k] = kind
    titles = frozenset(fold_lower(w) for w in _words_file("deid", "strict", "title_cues.txt"))
    # first words of titles and kinship cues: a lower-case run after a cue ends before them ('... chu văn an | bác sĩ')
    person_heads = frozenset(p.split()[0] for p in titles | cue["name_before"] if p.split())
    cue_first = frozenset(p.split()[0] for group in (titles, *cue.values()) for p in group if p.split())
    raw = load_yaml(resource_path("deid", "strict", "words.yaml").read_text(encoding="utf-8"))
    for phrase in raw.get("safe_phrases", []):  # (form phrases: 'Mã Y tế', 'CHI PHÍ')
        folded = fold_lower(str(phrase)).split()
        phrases[" ".join(folded)] = "clinical"
    words = {k: frozenset(fold_lower(str(w)) for w in (v if isinstance(v, list) else [v])) for k, v in raw.items()}
    # single words before a name: kinship words and titles ('em lả', 'anh chúng', 'bs lam')
    person_words = frozenset(p for p in titles | cue["name_before"] if " " not in p)
    # the same as written, for text with marks ('ở' is no 'ô')
    cue_marked = {k: frozenset(str(p).lower() for p in cues.get(k, [])) for k in ("org_head", "location_unit")}
    person_marked = frozenset(w.lower() for w in [*_words_file("deid", "strict", "title_cues.txt"),
                                                  *map(str, cues.get("name_before", []))])
    # the word sets as written too, for text with marks ('chúng' is no 'chung', 'làm' no 'lâm')
    marked = {k: frozenset(str(w).lower() for w in (v if isinstance(v, list) else [v])) for k, v in raw.items()}
    return {"cue_marked": cue_marked, "person_words": person_words, "person_marked": person_marked, "words": words, "marked_words": marked,
            "pairs": frozenset(pairs), "cue_first": cue_first, "person_heads": person_heads, "phrases": phrases,
            "places": gaz, "titles": titles, "common": common, "known": known, "clinical": clinical,
            "codes": frozenset(codes), "surnames": surnames, "given": given, "stop": stop, "spoken": spoken,
            "cue": cue, "never": never}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    raw = load_yaml(resource_path("deid", "strict", "patterns.yaml").read_text(encoding="utf-8"))
    return {k: re.compile(v) for k, v in raw.items()}


# folded nucleus -> whether some marked form of it takes a final consonant
_FOLDED_NUCLEI: dict[str, bool] = {}
for _n in _NUCLEI:
    _FOLDED_NUCLEI[fold_lower(_n)] = _FOLDED_NUCLEI.get(fold_lower(_n), False) or _n not in _NO_CODA
_VOWEL_RUN = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=65536)
def _vietnamese_like(word: str) -> bool:
    """A Vietnamese syllable as written, or one once its marks are dropped ('nguyen', 'tuoi')."""
    if is_syllable(word):
        return True
    w = fold_lower(word)
    if not w.isascii() or not w.isalpha():
        return False
    onset = _ONSET_RE.match(w).group(0)
    rest = w[len(onset):]
    m = _VOWEL_RUN.match(rest)
    if m is None:
        return onset == "gi" and rest in _CODA  # 'gin': the i of 'gi' is the nucleus
    nucleus, coda = m.group(0), rest[m.end():]
    if nucleus not in _FOLDED_NUCLEI or coda not in _CODA:
        return False
    return not coda or _FOLDED_NUCLEI[nucleus]


# an English word's regular endings and the stems they leave ('doses' -> 'dose', 'skipped' -> 'skip',
# 'forearms' -> 'forearm', 'awakening' -> 'awaken', 'harmful' -> 'harm'): endings, not words, so code
# ('-er' is left out: 'turner', 'baker', 'walker' are surnames too)
_ENDINGS = (("ies", ("y",)), ("ied", ("y",)), ("es", ("", "e")), ("s", ("",)), ("ed", ("", "e", "<")),
            ("ing", ("", "e", "<")), ("ly", ("",)), ("ful", ("",)), ("ness", ("",)), ("ment", ("",)),
            ("al", ("", "e")))


# a capitalised word takes only endings that no surname ends with ('Parker', 'Banks', 'Manning' are names)
_NAME_SAFE_ENDINGS = ("ied", "ed", "ly", "ful", "ness", "ment")


def _inflected(word: str, known: _Words) -> bool:
    """An English word whose stem is a known word (the list holds base forms)."""
    w = word.lower()
    for end, repl in _ENDINGS:
        if word[:1].isupper() and end not in _NAME_SAFE_ENDINGS:
            continue
        if len(w) > len(end) + 2 and w.endswith(end):
            stem = w[:-len(end)]
            for r in repl:
                cand = stem[:-1] if r == "<" and len(stem) > 3 and stem[-1] == stem[-2] else stem + r.strip("<")
                if known.has(cand, False):
                    return True
    return False


# --- the engine -------------------------------------------------------------------------------------------------
_INITIAL_BEFORE = frozenset(".!?:;•*-–—>|\"'()[]\n\t,/+")  # (lists: 'HA 120/80, Mạch 80', 'Viêm phổi / Đái ...')
_PUNCT_END = frozenset(".,;:!?()[]|\n\t\"")


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


def _digits(s: str) -> int:
    return sum(c.isdigit() for c in s)


_LISTED = ("NAME", "LOCATION", "ORGANIZATION")  # the labels of items listed with commas ('Nà Sla, Tân Mỹ')


class _Finder:
    def __init__(self, ctx: Context, taken: bytearray, spans: list[tuple[int, int, str]] = ()):
        self.ctx, self.text, self.taken = ctx, ctx.text, taken
        # the default detector's spans: the given names of its NAME spans travel (strict_names); the label of a
        # span that ends a list item is lent to the next item
        self.names = [(s, e) for s, e, label in spans if label == "NAME"]
        self.ends = {e: label for _s, e, label in spans if label in _LISTED}
        self.out: list[Candidate] = []
        self.marks = ctx.diacritics

    def free(self, s: int, e: int) -> bool:
        return self.taken.find(1, s, e) < 0

    def take(self, s: int, e: int, label: str, why: str) -> None:
        self.out.append(Candidate(s, e, label, _SCORE, "strict", why))
        if label in ("LOCATION", "ORGANIZATION"):
            self.ends[e] = label
        self.taken[s:e] = b"\x01" * (e - s)

    def take_free(self, s: int, e: int, label: str, why: str) -> None:
        """The parts of s:e not yet taken."""
        i = s
        while i < e:
            while i < e and (self.taken[i] or self.text[i].isspace()):
                i += 1
            j = i
            while j < e and not self.taken[j]:
                j += 1
            k = j
            while k > i and self.text[k - 1].isspace():
                k -= 1
            if k > i:
                self.take(i, k, label, why)
            i = j

    def run(self) -> list[Candidate]:
        text, L, P = self.text, _lists(), _patterns()
        for m in P["foreign_script"].finditer(text):
            self.take_free(*m.span(), "NAME", "strict: foreign-script letters")
        for m in P["handle"].finditer(text):
            self.take_free(*m.span(), "NAME", "strict: social handle")
        for m in P["handle_after_cue"].finditer(text):
            h = m.group("h")
            # (a number after the cue is a phone or an ID: the digit steps label it)
            if not h.isdigit() and not _lists()["common"].has(h, self.marks) and not _lists()["stop"].has(h, self.marks):
                self.take_free(*m.span("h"), "NAME", "strict: account name after its platform")
        self._speakers(P["speaker"], P["chat_time"], L)
        for m in P["spaced_chars"].finditer(text):
            g = m.group(0)
            # (the evidence is in what is still free: '90 v' beside two removed dates in a register row is a count;
            # amounts of money, '37.500 37.500', are no code)
            rest = "".join(c for c, t in zip(g, self.taken[m.start():m.end()]) if not t)
            if all(P["money"].fullmatch(x) or P["small_number"].fullmatch(x) for x in re.findall(r"\d[\d.,]*", rest)) \
                    and re.search(r"\d[.,]\d", rest):
                continue
            if (_digits(rest) >= 5 or _digits(rest) >= 4 and any(c.isalpha() for c in rest)) and re.search(r"\s", g):
                self.take_free(*m.span(), "PHONE" if g.startswith("0") else "ID", "strict: characters one by one")
        for m in P["compound_code"].finditer(text):
            g = m.group(0)
            if _digits(g) >= 4 and not P["safe_compound"].fullmatch(g):
                label = "DATE" if P["date_shape"].fullmatch(g) else "ID"
                self.take_free(*m.span(), label, "strict: joined code")
        for m in P["english_date"].finditer(text):
            self.take_free(*m.span(), "DATE", "strict: English date")
        self._spelled_dates(L)
        strict_spoken.spoken_dates(self, L)
        self._spoken(L)
        self._places(L)
        strict_names.middle_names(self, L)
        self._tokens(L, P)
        strict_names.propagate(self, L, strict_names.given_names(self, L, self.names))
        strict_names.fragments_after_names(self, L, self.names)
        strict_names.name_line_after(self, L, self.names)
        return self.out

    def _spelled_dates(self, L) -> None:
        """'mười bốn tháng ba năm hai nghìn ...', 'ngay 06 10': numbers on both sides of 'tháng' (a duration,
        'sốt 3 tháng nay', has none after it), with the year after 'năm'."""
        toks, spoken, marks, ctx = self.ctx.tokens, L["spoken"], self.marks, self.ctx
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
                self.take_free(toks[i + 1][1], toks[i + 2][2], "DATE", "strict: day and month as numbers")  # 'ngày 18 11'
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
            self.take_free(toks[a][1], toks[b][2], "DATE", "strict: date in words")

    def _places(self, L) -> None:
        """Province and district names in lower case ('ninh bình', 'long an'): two words or more."""
        toks, ctx = self.ctx.tokens, self.ctx
        gaz = L["places"]
        i, n = 0, len(toks)
        while i < n:
            if toks[i][3] == "word" and toks[i][0].islower():
                j = ctx.match_at(i, gaz, folded=True)
                plain = [t[0].islower() and not L["stop"].has(t[0], self.marks) and not
                         L["common"].has(t[0], self.marks) and not L["clinical"].has(t[0], self.marks) for t in toks[i:j]]
                # (a province needs one word that is no common word, 'bac ninh'; a district all of them)
                province = gaz.get(" ".join(ctx.ftoks[i:j])) == "province"
                if j - i >= 2 and all(t[0].islower() for t in toks[i:j]) and (any(plain) if province else all(plain)):
                    self.take_free(toks[i][1], toks[j - 1][2], "LOCATION", "strict: place name in lower case")
                    i = j
                    continue
            i += 1

    def _spoken(self, L) -> None:
        """Runs of spelled-out digits and letters ('không chín một hai ...', 'gờ đê bốn ...'): six or more."""
        toks, spoken, marks = self.ctx.tokens, L["spoken"], self.marks
        i, n = 0, len(toks)
        while i < n:
            j = i
            while j < n and (toks[j][3] == "word" and spoken.has(toks[j][0], marks) or
                             toks[j][3] == "number" and len(toks[j][0]) <= 2 or toks[j][0] in "-.,/") and \
                    (j == i or self.ctx.adj[j - 1] or toks[j][1] - toks[j - 1][2] <= 1):
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
                self.take_free(toks[i][1], toks[k - 1][2], "ID", "strict: characters spelled aloud")
            elif phone:
                self.take_free(words[z][1], toks[k - 1][2], "PHONE", "strict: characters spelled aloud")
            i = max(j, i + 1)

    def _speakers(self, rx, clock, L) -> None:
        """Chat speakers: the words before ':' at line start, when that phrase recurs in the document or carries
        an emoji or a time; a role or kinship word in lower case ('bs', 'mẹ') stays."""
        text = self.text
        found: dict[str, list[re.Match]] = {}
        for m in rx.finditer(text):
            found.setdefault(fold_lower(m.group("who")), []).append(m)
        known, clinical, common = L["known"], L["clinical"], L["common"]
        def chat_like(ms) -> bool:
            marked = any(m.group("mark") and m.group("mark").strip() not in ("-", "*", "•", ">") for m in ms)
            timed = any(re.search(r"\d", text[m.start():m.start("who")] + text[m.end("who"):m.end()]) for m in ms)
            return len(ms) >= 2 or marked or timed

        # a chat (one speaker recurs, or carries an emoji or a time): then every line-start phrase before ':' that
        # is not a heading is a speaker too ('song lý.:' said once)
        chat = sum(chat_like(ms) for ms in found.values()) >= 2
        for ms in found.values():
            own = chat_like(ms)
            if not chat and not own:
                continue
            words = ms[0].group("who").split()
            if fold_lower(" ".join(words)) in L["words"]["speaker_role_phrases"]:
                continue  # a role, not a name ('điều phối:', 'TVV:')
            if all((known.has(w, self.marks) or clinical.has(w, self.marks) or common.has(w, self.marks)) and
                   (not own or not L["given"].has(w, self.marks) and not L["surnames"].has(w, self.marks))
                   for w in words):
                continue  # a heading or field label ('chẩn đoán', 'mạch', 'ghi chú')
            for m in ms:
                # the message's clock time ('[19:02] Hoa:', 'Hoa (07:15):'): with the chat's date it dates the
                # message, and half of the writers label it DATE; strict takes it
                for lo, hi in ((m.start(), m.start("who")), (m.end("who"), m.end())):
                    for tm in clock.finditer(text, lo, hi):
                        self.take_free(tm.start(), tm.end(), "DATE", "strict: chat message time")
                for wm in re.finditer(r"\S+", m.group("who")):
                    w = wm.group(0)
                    if w.islower() and fold_lower(w) in L["words"]["speaker_roles"]:
                        continue
                    end = m.start("who") + wm.end()
                    if wm.end() == len(m.group("who")):
                        end = m.end("tail")  # ('Thao Nguyen🌸:', 'Bố Bống.:')
                    self.take_free(m.start("who") + wm.start(), end, "NAME", "strict: chat speaker")

    def _tokens(self, L, P) -> None:
        ctx, marks = self.ctx, self.marks
        known, common, clinical, codes = L["known"], L["common"], L["clinical"], L["codes"]
        surnames, given, stop = L["surnames"], L["given"], L["stop"]
        safe_code, small, year = P["safe_code"], P["small_number"], P["year"]
        toks = ctx.tokens
        n = len(toks)
        i = 0
        while i < n:
            w, s, e, kind = toks[i]
            if not self.free(s, e):
                i += 1
                continue
            low = w.lower()
            if len(w) <= 3 and _OCR_NUMBER.fullmatch(w) and not w.isalpha() or w in ("O", "OO", "OOO", "OOOO"):
                i += 1  # a short number misread by OCR ('l3O', '7l6', 'OO' in '1.O86.3OO'): a measurement, a count
                continue
            if any(c.isdigit() for c in w):
                if kind in ("time", "ratio") or small.fullmatch(w) or low in codes or safe_code.fullmatch(w) \
                        or P["money"].fullmatch(w) or self._ocr_word(w, L):
                    pass
                elif kind == "date":
                    self.take(s, e, "DATE", "strict: date")
                elif year.fullmatch(w):
                    self.take(s, e, "DATE", "strict: year")
                elif kind == "icd" and len(w) <= 6:
                    pass  # an ICD-10 code the allow patterns did not see ('K35.8')
                else:
                    d = _digits(w)
                    label = "PHONE" if w.startswith(("0", "+84")) and 9 <= d <= 11 else "ID"
                    self.take(s, e, label, "strict: digit-bearing code")
                i += 1
                continue
            if kind != "word" or not w[:1].isalpha():
                i += 1
                continue
            if w[0].isupper() and not (ctx.upper_doc and w.isupper()):
                i = self._capitalised(i, L)
                continue
            # lower case: a cue and what follows it, a surname and name syllables, a foreign word
            if self._english_here(i, L):
                i += 1  # ('to the insurer' is English, not 'tổ' and a name)
                continue
            j = self._after_cue(i, L)
            if j > i:
                i = j
                continue
            if surnames.has(w, marks) and i + 1 < n and ctx.adj[i] and toks[i + 1][3] == "word" \
                    and given.has(toks[i + 1][0], marks) and not toks[i + 1][0][:1].isupper() \
                    and not stop.has(toks[i + 1][0], marks) and fold_lower(f"{w} {toks[i + 1][0]}") not in L["never"] \
                    and (ctx.ftoks[i], ctx.ftoks[i + 1]) not in L["pairs"] \
                    and not (marks and f"{low} {toks[i + 1][0].lower()}" in L["marked_words"]["not_name_pairs"]):
                j = i + 2
                while j < n and j - i < 4 and ctx.adj[j - 1] and toks[j][3] == "word" and given.has(toks[j][0], marks) \
                        and not stop.has(toks[j][0], marks) and (ctx.ftoks[j - 1], ctx.ftoks[j]) not in L["pairs"]:
                    j += 1
                if j > i + 2 or ctx.ftoks[i + 1] not in L["words"]["name_middles"]:
                    # (a surname and a middle syllable alone, 'công văn', 'đô thị', is a word, not a name)
                    self.take_free(s, toks[j - 1][2], "NAME", "strict: surname and name syllables")
                    i = j
                    continue
            if len(w) >= 3 and w.isascii() and not known.has(w, False) and not common.has(w, False) \
                    and not clinical.has(w, False) and not _vietnamese_like(w) and not _inflected(w, known):
                self.take(s, e, "NAME", "strict: foreign word")
            i += 1

    @staticmethod
    def _ocr_word(w: str, L) -> bool:
        """A word that OCR wrote with 0 for o or 1 for l or i ('F0RM', 'Hospita1', 'c1osed'): known once read."""
        digits = [c for c in w if c.isdigit()]
        if len(w) - len(digits) < 3 or len(digits) > 2 or set(digits) - {"0", "1"} or not w[0].isalpha() and not w[-1].isalpha():
            return False
        for one in ("l", "i"):
            cand = w.replace("0", "o").replace("1", one)
            if w[0].isupper() and (L["given"].has(cand, False) or L["surnames"].has(cand, False)):
                return False  # ('Ph0ng' of a signature is a name)
            if any(L[k].has(cand, False) for k in ("known", "common", "clinical")) or _inflected(cand, L["known"]):
                return True
        return False

    def _english_here(self, i: int, L) -> bool:
        """A known English word with two English words that are no Vietnamese syllable near it (three words
        either side): English prose, where 'to', 'the', 'on' are no Vietnamese cue or name syllable ('alo em' is
        Vietnamese: one such word is not enough)."""
        toks, known = self.ctx.tokens, L["known"]
        w = toks[i][0]
        if not w.isascii() or not known.has(w, True):
            return False
        english = 0
        for k in (i - 3, i - 2, i - 1, i + 1, i + 2, i + 3):
            if 0 <= k < len(toks) and toks[k][3] == "word" and toks[k][0].isascii() and toks[k][0].isalpha() \
                    and known.has(toks[k][0], True) and not _vietnamese_like(toks[k][0]):
                english += 1
        return english >= 2

    def _people_after(self, i: int, L) -> int:
        """A people or its language after 'người', 'tiếng', 'dân tộc' ('tiếng Việt', 'người Tày', 'dân tộc Ê Đê';
        words.yaml): the index after it, or i. Not an identifier, though 'Việt' or 'Thái' is also a given name."""
        toks, ctx = self.ctx.tokens, self.ctx
        W = L["marked_words"] if self.marks else L["words"]

        def form(t) -> str:
            return t[0].lower() if self.marks else fold_lower(t[0])

        head = next((h for h in (1, 2) if i - h >= 0 and all(ctx.adj[i - h:i]) and
                     " ".join(form(t) for t in toks[i - h:i]) in W["people_heads"]), None)
        if head is None:
            return i
        for m in (3, 2, 1):
            if i + m <= len(toks) and all(ctx.adj[i:i + m - 1]) and " ".join(form(t) for t in toks[i:i + m]) in W["peoples"]:
                return i + m
        return i

    def _capitalised(self, i: int, L) -> int:
        """A capitalised run: the words up to the next lower-case word or line break. From its first word not
        known safe to its end, it is removed (in a heading in capitals, each unsafe word and the name syllables
        after it). Returns the index after the run."""
        ctx, text, marks, toks = self.ctx, self.text, self.marks, self.ctx.tokens
        known, common, clinical, surnames = L["known"], L["common"], L["clinical"], L["surnames"]
        n = len(toks)
        j = i
        first_unsafe = None
        unsafe: list[int] = []
        safe_until = self._people_after(i, L)
        while j < n and toks[j][3] == "word" and toks[j][0][:1].isupper() and self.free(toks[j][1], toks[j][2]) \
                and (j == i or ctx.adj[j - 1]):
            wj = toks[j][0]
            # (every word is judged: a heading in capitals keeps its safe words after an unsafe one; a word right
            # after a person cue and ':' is that person's name, however common: 'người ghi: Lả')
            initial = j == i and _sentence_initial(text, toks[j][1]) and not self._after_person_colon(i, L)
            if j >= safe_until:
                k = ctx.match_at(j, L["phrases"], folded=True)
                safe_until = k if k > j + 1 else safe_until
            if j < safe_until:
                safe = True  # inside a clinical term ('Đái tháo đường', 'Viêm Phổi') or a people ('người Ê Đê')
            elif (surnames.has(wj, marks) or initial and L["given"].has(wj, marks)) and (
                    not initial or j + 1 < n and ctx.adj[j] and toks[j + 1][0][:1].isupper()
                    and not toks[j + 1][0].isupper() and L["given"].has(toks[j + 1][0], marks)
                    and not known.has(toks[j + 1][0], marks)):
                safe = False  # (a surname, or a given name before another, starts a name: 'Best regards, Quốc Bảo')
            elif known.has(wj, marks) or wj[1:].islower() and _inflected(wj, known):
                safe = True
            elif initial and common.has(wj, marks) or initial and clinical.has(wj, marks) and not (
                    L["given"].has(wj, marks) and not (j + 1 < n and toks[j + 1][0].islower() and ctx.adj[j])):
                safe = True  # (a name syllable alone in its cell or before another capital is no sentence)
            elif wj.isupper() and (common.has(wj, marks) or clinical.has(wj, marks)):
                safe = True  # a heading in capitals ('KHOA NỘI', 'TIỀN SỬ')
            else:
                safe = False
            if not safe:
                unsafe.append(j)
                first_unsafe = j if first_unsafe is None else first_unsafe
            j += 1
        label = self._listed_after(toks[i][1])
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
                    self.take_free(toks[k][1], toks[e - 1][2], "NAME", "strict: capitalised words not known safe")
                    k = e
                else:
                    k += 1
            return max(j, i + 1)
        if first_unsafe is not None and label:
            # (the next item of a list whose item before was removed, 'Nà Sla, Tân Mỹ': the whole run goes, with
            # the label of the item before, and the comma between them with it)
            self.take_free(toks[i][1], toks[j - 1][2], label, "strict: the next item of a removed list")
        elif first_unsafe is not None:
            self.take_free(toks[first_unsafe][1], toks[j - 1][2], "NAME", "strict: capitalised words not known safe")
        return max(j, i + 1)

    def _after_person_colon(self, i: int, L) -> bool:
        toks = self.ctx.tokens
        if i < 2 or toks[i - 1][0] != ":":
            return False
        for m in (1, 2, 3, 4):
            if i - 1 - m < 0:
                break
            words = toks[i - 1 - m:i - 1]
            phrase = " ".join(t[0].lower() for t in words) if self.marks else " ".join(fold_lower(t[0]) for t in words)
            if phrase in (L["person_marked"] if self.marks else L["cue"]["name_before"]):
                return fold_lower(toks[i][0]) not in L["words"]["speaker_roles"]
        return False

    def _listed_after(self, start: int) -> str | None:
        """The label of a removed span that ends just before `start` with a comma, semicolon or tab between
        ('Nà Sla, |Tân Mỹ'), or None."""
        k = start - 1
        text = self.text
        while k >= 0 and text[k] == " ":
            k -= 1
        if k < 0 or text[k] not in ",;\t":
            return None
        k -= 1
        while k >= 0 and text[k] == " ":
            k -= 1
        return self.ends.get(k + 1) if k >= 0 and self.taken[k] else None

    def _name_after(self, i: int, j: int, title: bool, L) -> int:
        """Lower-case name syllables after a title ('bsĩ hạ bảo hoa') or a kinship word ('chị hiệp gọi'): after
        a kinship word the first must be a name syllable that is not also a common or clinical word."""
        toks, ctx, marks = self.ctx.tokens, self.ctx, self.marks
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

        if j + 1 < n and toks[j][3] == "word" and toks[j][0].islower() and prefix(j) \
                and ctx.adj[j] and (name_like(j + 1) or unknown(j + 1) or prefix(j + 1)):
            k = j + 1
            while k < n and k - j < 5 and ctx.adj[k - 1] and (name_like(k) or unknown(k) or
                                                              prefix(k) and k + 1 < n):
                k += 1
            self.take_free(toks[j][1], toks[k - 1][2], "NAME", "strict: ethnic-minority name after a person cue")
            return k
        # (a word in no list after a title or kinship word is a name too: 'chị rươl', 'cô srây', 'a Đa Ra'; so is
        # a given name that is also a common word, 'em là lả', 'anh chúng', unless it often follows a kinship
        # word, 'anh trai', 'con sinh non': after_person_keep in words.yaml)
        if j >= n or fold_lower(toks[j][0]) in L["words"]["speaker_roles"]:
            return i
        kin = not title and self._kin_name(i, j, L)
        ordinary = kin and (common.has(toks[j][0], marks) or L["known"].has(toks[j][0], marks))
        if not (kin or (name_like(j) or unknown(j) and ctx.adj[j - 1])
                and (title or not common.has(toks[j][0], marks) and not self._kept_after_person(j, L))):
            return i
        k = j + 1
        # (after an ordinary word taken as a name, only name syllables follow: 'anh tài | chở')
        while k < n and k - j < 4 and ctx.adj[k - 1] and (name_like(k) and not (ordinary and common.has(toks[k][0], marks))
                                                          or unknown(k) and not ordinary):
            k += 1
        self.take_free(toks[j][1], toks[k - 1][2], "NAME", "strict: lower-case name after a title or kinship word")
        return k

    def _kept_after_person(self, j: int, L) -> bool:
        """A word that often follows a kinship word (words.yaml after_person_keep), compared as written in text
        with marks ('đo' is no 'Đô')."""
        if self.marks:
            return self.ctx.tokens[j][0].lower() in L["marked_words"]["after_person_keep"]
        return self.ctx.ftoks[j] in L["words"]["after_person_keep"]

    def _kin_name(self, i: int, j: int, L) -> bool:
        """A given name that is also a common word, after a kinship word or 'em là' (toks[i:j], as written): no
        word that often follows one (words.yaml after_person_keep), and no part of a clinical term with the next."""
        toks, ctx, marks = self.ctx.tokens, self.ctx, self.marks
        w = toks[j][0]
        cue = " ".join(t[0].lower() for t in toks[i:j] if t[0] not in (":", "-"))
        return marks and ctx.adj[j - 1] and cue in L["person_marked"] and toks[j][3] == "word" and w.isalpha() \
            and w.islower() and (L["given"].has(w, marks) or L["surnames"].has(w, marks) or not L["common"].has(w, marks)) \
            and not self._kept_after_person(j, L) and not L["stop"].has(w, marks) \
            and (not L["known"].has(w, marks) or cue.rsplit(" ", 1)[-1] in L["marked_words"]["name_copulas"] and not L["common"].has(w, marks)) \
            and not L["spoken"].has(w, marks) and not (j + 1 < len(toks) and ctx.adj[j] and (ctx.ftoks[j], ctx.ftoks[j + 1]) in L["pairs"])

    def _after_cue(self, i: int, L) -> int:
        """A name, organisation or address cue in lower case ('người liên hệ:', 'công ty', 'xã') and the words
        after it up to a function word, a clinical word or punctuation (at most five)."""
        ctx, toks, marks = self.ctx, self.ctx.tokens, self.marks
        if ctx.ftoks[i] not in L["cue_first"]:
            return i
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
                village = marks and label == "LOCATION" and m == 1 and \
                    toks[i][0].lower() in L["marked_words"]["village_units"]
                if label != "NAME" and j < n and (L["stop"].has(toks[j][0], marks) or (label == "LOCATION" or m == 1)
                                                  and not village and (L["common"].has(toks[j][0], marks)
                                                                       or L["clinical"].has(toks[j][0], marks))
                                                  or ctx.match_at(i, L["phrases"], folded=True) > i):
                    return i  # the cue word used as a common word ('khu vực', 'phòng bệnh', 'số lần')
                # (in text with marks a cue is compared as written: 'ở' is no 'ô', 'tiêm' no 'tiệm'; a place or
                # organisation cue without marks may be a line typed without them: 'xa yen phong')
                written = " ".join(t[0].lower() for t in toks[i:i + m])
                if marks and written not in (L["person_marked"] if label == "NAME" else L["cue_marked"][key]):
                    if label == "NAME":
                        return i
                    if not written.isascii():
                        continue
                if label == "NAME":
                    return self._name_after(i, j, key == "titles", L)
                k = j
                while k < n and k - j < 6 and toks[k][3] == "word" and (k == j or ctx.adj[k - 1]) \
                        and (k == j or fold_lower(toks[k][0]) not in L["person_heads"]) \
                        and toks[k][0].islower() and not L["stop"].has(toks[k][0], marks) \
                        and (label == "ORGANIZATION" or village or not L["clinical"].has(toks[k][0], marks)) \
                        and not (L["spoken"].has(toks[k][0], marks) and not (village and ft[k] not in L["words"]["number_words"])):
                    k += 1
                if k > j and self.free(toks[j][1], toks[k - 1][2]):
                    # (the head word belongs to the name: 'bệnh viện thanh nhàn', 'xã hiếu giang')
                    self.take_free(toks[i][1], toks[k - 1][2], label, f"strict: lower-case words after a cue ({key})")
                    return k
                return i
        return i




def _base_mask(ctx: Context, spans) -> bytearray:
    """Characters already removed by the default detector or matched by a clinical allow pattern (vital signs,
    doses, lab values with units, ICD-10 codes, scores)."""
    mask = bytearray(len(ctx.text) + 1)
    for s, e, _why in allow_spans(ctx):
        mask[s:e] = b"\x01" * (e - s)
    for s, e in spans:
        mask[s:e] = b"\x01" * (e - s)
    return mask


class StrictRecognizer(Recognizer):
    """The strict profile's step as a recognizer (it can be added to a `RecognizerRegistry`): candidates for
    what is not known safe. `deidentify(profile="strict")` runs it after the default detector instead, over what
    that detector left, so the default spans and the tagger's rule features stay as they are."""

    name = "strict"
    labels = ("NAME", "ID", "PHONE", "DATE", "ORGANIZATION", "LOCATION")

    def analyze(self, ctx: Context) -> list[Candidate]:
        return _Finder(ctx, _base_mask(ctx, [])).run()


def strict_spans(text: str, spans: list[Span]) -> list[Span]:
    """The spans the strict profile adds to the default detector's `spans` (offsets into `text`), sorted; they
    never overlap `spans`. Read on the canonical view of `text` (OCR digits, spaced digits), like the detector."""
    if not text.strip():
        return []
    view = canonical_view(text)
    work = view.text
    taken = [view.to_view(s.start, s.end) for s in spans] if view.changed else [(s.start, s.end) for s in spans]
    ctx = Context(work)
    out = []
    for c in _Finder(ctx, _base_mask(ctx, taken), [(*t, s.label) for t, s in zip(taken, spans)]).run():
        a, b = view.to_original(c.start, c.end) if view.changed else (c.start, c.end)
        if b <= a:
            continue
        attrs = {"explanation": c.explanation}
        if c.label == "ID":
            attrs["kind"] = "other"
        out.append(Span(a, b, c.label, text[a:b], c.source, c.score, attrs))
    # (a span mapped back may touch a default span the view had merged: the default span wins)
    mask = bytearray(len(text) + 1)
    for s in spans:
        mask[s.start:s.end] = b"\x01" * (s.end - s.start)
    keep: list[Span] = []
    for s in sorted(out, key=lambda s: s.start):
        if mask.find(1, s.start, s.end) < 0 and not (keep and keep[-1].end > s.start):
            keep.append(s)
    return sorted(keep + _widen(text, sorted(spans + keep, key=lambda s: s.start)), key=lambda s: s.start)


def _widen(text: str, spans: list[Span]) -> list[Span]:
    """Where a removed address or organisation starts after its own head words ('trạm y tế phường …', 'Bảo hiểm
    PVI …', 'cty may …'; `widen_heads` in words.yaml), the strict profile takes them too. (Bridging two spans,
    whole table cells and capitalised runs were tried on the development notes and removed more that annotators
    leave outside, date ranges written as two dates, than they found.) Returns new spans, overlapping none."""
    heads = _lists()["words"]["widen_heads"]
    out: list[Span] = []
    prev_end = 0
    for sp in spans:
        start_from = max(prev_end, text.rfind("\n", 0, sp.start) + 1)
        prev_end = max(prev_end, sp.end)
        if sp.label not in ("LOCATION", "ORGANIZATION") or start_from >= sp.start:
            continue
        before = text[start_from:sp.start]
        words = list(re.finditer(r"[^\W\d_]+", before))
        if not words or before[words[-1].end():] != " ":
            continue  # one space, nothing else, between the head and the span
        k, take = len(words), None
        for n in range(1, min(4, k) + 1):  # the longest head phrase ending right before the span
            gaps = [before[words[j].end():words[j + 1].start()] for j in range(k - n, k - 1)]
            if all(g == " " for g in gaps) and fold_lower(" ".join(w.group(0) for w in words[-n:])) in heads:
                take = k - n
        if take is not None:
            s, e = start_from + words[take].start(), start_from + words[-1].end()
            out.append(Span(s, e, sp.label, text[s:e], "strict", _SCORE,
                            {"explanation": "strict: the head words of a removed address or organisation"}))
    # a weekday written just before a removed date ('thứ sáu ngày …', 'Friday, March 14th', 'Tue 09/20/2025')
    days = _lists()["words"]["weekdays"]
    for sp in spans:
        if sp.label != "DATE":
            continue
        base = max(0, sp.start - 30)
        head = text[base:sp.start]
        day = re.search(r"([^\W\d_]+)[^\S\n]+$", head)  # a day word between ('thứ sáu ngày 14/11'; words.yaml)
        if day and fold_lower(day.group(1)) in _lists()["words"]["day_words"]:
            head = head[:day.start()]
        m = re.search(r"([^\W\d_]+(?:[^\S\n][^\W\d_0-9]+|[^\S\n]?\d)?)[^\S\n]*,?[^\S\n]*$", head)
        if m:
            words = m.group(1)
            for cand in (words, words.split(None, 1)[-1]):
                if fold_lower(cand) in days:
                    s = base + m.start(1) + (len(words) - len(cand))
                    e = s + len(cand)
                    out.append(Span(s, e, "DATE", text[s:e], "strict", _SCORE,
                                    {"explanation": "strict: the weekday of a removed date"}))
                    break
    # punctuation alone between two parts of one address or organisation ('Co., Ltd.', 'Rhône-Alpes', 'Q.7, TP')
    for a, b in pairwise(spans):
        if a.label in ("LOCATION", "ORGANIZATION") and b.label in ("LOCATION", "ORGANIZATION") and a.end < b.start \
                and re.fullmatch(r"[^\S\n]*[,.\-()&/][^\S\n]*(?:[,.\-()&/][^\S\n]*)?", text[a.end:b.start]):
            s, e = a.end, b.start
            while text[s].isspace():
                s += 1
            while text[e - 1].isspace():
                e -= 1
            out.append(Span(s, e, b.label, text[s:e], "strict", _SCORE,
                            {"explanation": "strict: punctuation inside an address or organisation"}))
        # and inside one person's name: a hyphen or an initial's dot with no space ('Asante-Boateng', 'R.Anders'),
        # or the comma of 'SURNAME, Given' after a surname in capitals ('KRÖGER, Lena')
        elif a.label == "NAME" and b.label == "NAME" and a.end < b.start and (
                text[a.end:b.start] in ("-", ".", ". ") or text[a.end:b.start] == ", " and a.text.isupper()
                and len(a.text) > 2 and not b.text.isupper()):
            e = a.end + 1
            out.append(Span(a.end, e, "NAME", text[a.end:e], "strict", _SCORE,
                            {"explanation": "strict: punctuation inside a name"}))
    out.sort(key=lambda s: s.start)
    keep: list[Span] = []
    for o in out:  # (none may overlap a removed span or another)
        if o.end > o.start and not (keep and keep[-1].end > o.start) and \
                not any(x.start < o.end and o.start < x.end for x in spans):
            keep.append(o)
    return keep
