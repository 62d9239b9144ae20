"""The strict profile's knowledge, loaded once: the words known safe, the cue and name lists, and the regexes.

The strict profile keeps a token only when it is known safe, so every pass of its engine (strict_finder.py) asks
these lists about every word. They are built from resources/deid/strict/ (word lists, words.yaml, patterns.yaml;
see SOURCE.md there), the clinical lexicons and section headings, the abbreviation and unit tables, the default
detector's cue words and the name lists, and cached for the process. `Words` keeps each list twice, as written
and without marks, so that text with marks is compared with its marks (`Om` is not `ốm`).
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from itertools import pairwise

from ..paths import load_yaml, resource_path
from ..text.fold import fold_lower


def _words_file(*parts: str) -> list[str]:
    path = resource_path(*parts)
    return [w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")]


# French elision: a vowel- or h-initial word after l', d', j', n', s', m', t', c', qu' is one token ("l'hôpital")
_ELISIONS = ("l'", "d'", "j'", "n'", "s'", "m'", "t'", "c'", "qu'")


def _elided(word: str) -> tuple[str, ...]:
    """A French word and its elided forms ('hôpital' -> "l'hôpital", "d'hôpital", ...)."""
    if word[:1] in "aàâeéèêiîoôuhy":
        return (word, *(e + word for e in _ELISIONS))
    return (word,)


class Words:
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

    def add_as_written(self, phrase: str) -> None:
        """Known only with its marks: an accented French word ('médecins') written without them is no evidence of
        French ('medecins du monde' in unmarked Vietnamese is a name)."""
        for w in re.findall(r"[^\W_]+(?:[-'][^\W_]+)*", phrase):
            self.marked.add(w.lower())

    def has(self, word: str, marks: bool) -> bool:
        lw = word.lower()
        return lw in self.marked or not marks and fold_lower(lw) in self.folded


@lru_cache(maxsize=1)
def word_lists() -> dict:
    """common: frequent words and cue words (safe where a sentence or field starts); known: words safe anywhere
    (drugs, abbreviations, units, English clinical words, one-word clinical terms); clinical: every word of the
    clinical lexicons (safe in lower case and at a start); names: surnames and given/middle syllables."""
    common, known, clinical, stop, spoken = Words(), Words(), Words(), Words(), Words()
    from .recognizers.base import Gazetteer

    phrases = Gazetteer()  # multi-word clinical terms, folded: 'Đái tháo đường' mid-sentence stays
    pairs: set[tuple[str, str]] = set()  # adjacent words inside them: 'thận mạn' is no surname and given name
    for w in _words_file("deid", "strict", "common_words.txt"):
        common.add(w)
    # (the words known from the clinical lexicons' cells alone, and those known from another list too: a lexicon word
    # that is also a given name, 'Quân' of 'Tứ quân tử thang', 'Ban' of 'phát ban', needs more to be safe capitalised)
    from_lexicon, elsewhere = Words(), Words()
    for name in ("english_words.txt", "french_words.txt", "countries.txt", "admin_abbreviations.txt", "clinical_terms.txt"):
        for w in _words_file("deid", "strict", name):
            forms = _elided(w) if name == "french_words.txt" else (w,)
            for f in forms:
                # (an English or French word is known in its prose; in a Vietnamese sentence 'Ban' is a given name)
                for ws in (known, from_lexicon if name in ("english_words.txt", "french_words.txt") else elsewhere):
                    (ws.add_as_written if name == "french_words.txt" and fold_lower(f) != f else ws.add)(f)
    for w in _words_file("deid", "strict", "function_words.txt"):
        stop.add(w)
    for w in _words_file("deid", "strict", "spoken_chars.txt"):
        spoken.add(w)
    # French and English digit and letter names: only for runs of characters spelled aloud (strict_spoken.py)
    spoken_foreign = Words()
    for w in _words_file("deid", "strict", "spoken_chars_foreign.txt"):
        spoken_foreign.add(w)
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
                            from_lexicon.add(part)
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
            elsewhere.add(cols[0])
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
                elsewhere.add(unit)
    codes = {w.lower() for w in _words_file("deid", "strict", "safe_codes.txt")}
    surnames, given = Words(), Words()
    for name in ("surnames.txt", "surnames_extra.txt"):
        for w in _words_file("deid", "names", name):
            surnames.add(w)
    for name in ("given_male.txt", "given_female.txt", "given_extra.txt", "middle.txt", "middle_extra.txt"):
        for w in _words_file("deid", "names", name):
            given.add(w)
    # (a lexicon word that is also a surname, 'Lê', is no evidence of safety when capitalised)
    known.marked -= surnames.marked
    raw = load_yaml(resource_path("deid", "strict", "words.yaml").read_text(encoding="utf-8"))
    # a given name that the clinical lexicons or the English list alone know ('Quân', 'Ban', 'Tâm'): safe capitalised
    # mid-sentence only inside an ordinary word of two syllables ('khoa Tâm thần', 'Phần Hành chính') or English prose
    # (strict_capitalised.py)
    lexicon_names = Words()
    lexicon_names.marked = (from_lexicon.marked & given.marked) - elsewhere.marked - {
        str(p).lower() for p in raw.get("peoples", [])}  # (a people, 'Dao', has its own rule)
    # a people of one word that is no name syllable is safe anywhere ('| Tày |', 'older Nùng and Tày women'); without
    # marks too where its letters spell no name either ('Khmer', but 'Thổ' could be 'Thơ')
    for p in map(str, raw.get("peoples", [])):
        if " " in p or len(p) < 3 or p.lower() == "tây" or given.has(p, True) or surnames.has(p, True):
            continue
        if given.has(p, False) or surnames.has(p, False):
            known.marked.add(p.lower())
        else:
            known.add(p)
    # the strict profile's own organisation heads in lower case join the default detector's ('lâm trường …', 'đồn
    # biên phòng …'; words.yaml org_heads): cue words, safe themselves
    cues = {**cues, "org_head": [*cues.get("org_head", []), *map(str, raw.get("org_heads", []))]}
    for phrase in raw.get("org_heads", []):
        common.add(str(phrase))
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
    for phrase in raw.get("safe_phrases", []):  # (form phrases: 'Mã Y tế', 'CHI PHÍ')
        folded = fold_lower(str(phrase)).split()
        phrases[" ".join(folded)] = "clinical"
        pairs.update(pairwise(folded))  # ('ly hôn' is no surname and name)
    for phrase in raw.get("compound_words", []):  # (loan words: 'ô tô' is no kinship word and surname)
        pairs.update(pairwise(fold_lower(str(phrase)).split()))
    words = {k: frozenset(fold_lower(str(w)) for w in (v if isinstance(v, list) else [v])) for k, v in raw.items()}
    # single words before a name: kinship words and titles ('em lả', 'anh chúng', 'bs lam')
    person_words = frozenset(p for p in titles | cue["name_before"] if " " not in p)
    # the same as written, for text with marks ('ở' is no 'ô')
    cue_marked = {k: frozenset(str(p).lower() for p in cues.get(k, [])) for k in ("org_head", "location_unit")}
    person_marked = frozenset(w.lower() for w in [*_words_file("deid", "strict", "title_cues.txt"),
                                                  *map(str, cues.get("name_before", []))])
    # the word sets as written too, for text with marks ('chúng' is no 'chung', 'làm' no 'lâm')
    marked = {k: frozenset(str(w).lower() for w in (v if isinstance(v, list) else [v])) for k, v in raw.items()}
    # professions (the default detector's cue lists): 'em là giáo viên ở …' introduces no name
    professions = frozenset(fold_lower(str(p)) for k in ("professions", "professions_medical") for p in cues.get(k, []))
    # countries, nationalities and peoples: an age after one and a comma ('(Vietnamese, 29)')
    nations = frozenset(fold_lower(w) for w in _words_file("deid", "strict", "countries.txt")) | frozenset(
        fold_lower(str(w)) for w in raw.get("peoples", []))
    foreign_surnames = frozenset(w.lower() for w in _words_file("deid", "names", "surnames_foreign.txt"))
    return {"lexicon_names": lexicon_names, "foreign_surnames": foreign_surnames, "nations": nations, "professions": professions, "cue_marked": cue_marked, "person_words": person_words, "person_marked": person_marked, "words": words, "marked_words": marked,
            "pairs": frozenset(pairs), "cue_first": cue_first, "person_heads": person_heads, "phrases": phrases,
            "places": gaz, "titles": titles, "common": common, "known": known, "clinical": clinical,
            "codes": frozenset(codes), "surnames": surnames, "given": given, "stop": stop, "spoken": spoken, "spoken_foreign": spoken_foreign,
            "cue": cue, "never": never}


@lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern]:
    raw = load_yaml(resource_path("deid", "strict", "patterns.yaml").read_text(encoding="utf-8"))
    return {k: re.compile(v) for k, v in raw.items()}
