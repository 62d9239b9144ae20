"""Candidate search: a mention -> ranked codes, each with a score and the reason it was proposed.

Evidence, strongest first: a code written in the text (`I21.9`), an exact match on the normalized
text (title or curated synonym), a match after expanding an abbreviation (`ĐTĐ` -> `đái tháo đường`),
an accent-folded match (`cao huyet ap`), a drug spelling variant (`Amoxicillin` = `Amoxicilin`), and
character n-gram TF-IDF nearest neighbours (typos, rewordings, partial titles). A code keeps its best
piece of evidence.
"""
from __future__ import annotations

import csv
import hashlib
import logging
import pickle
import re
import threading
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..paths import cache_dir, resource_path
from ..text.fold import fold, has_diacritics
from ..text.syllable import is_syllable
from .canonical import canonical_mention, diagnosis_parts, splits_compound, disease_and_cause, is_conclusion, organism_code, sound_alikes, forms_ocr_digits, head_of, ocr_ascii, says_absent
from .expansion import dictionary as abbreviation_dictionary
from .expansion import variants as abbreviation_variants
from .normalize import drug_key, norm, qualifier_features, strip_dose, strip_qualifiers
from .store import BUILD_HINT, IcdStore, normalize_code, open_store

log = logging.getLogger(__name__)

SYSTEMS = ("icd10", "drug", "lab")
INDEX_VERSION = "11"
MAX_QUERY_CHARS = 1000
NGRAM_RANGE = (2, 4)  # character n-grams inside word boundaries, as sklearn's char_wb
# benchmarks switch this off to measure search on titles alone (an ablation)
USE_SYNONYMS = True
# n-grams present in more than this share of terms are skipped at query time (speed; see benchmarks)
MAX_POSTINGS_SHARE = 0.1
_CODE_IN_TEXT = re.compile(r"(?<![A-Za-z0-9])([A-TV-Za-tv-z]\d{2}(?:\.\d{1,2})?|U0[0-9](?:\.\d{1,2})?)(?![A-Za-z0-9])")
# score given to each kind of evidence (TF-IDF similarity is scaled by the last)
SCORES = {"code": 1.0, "synonym": 1.0, "exact": 1.0, "combination": 0.98, "abbreviation": 0.97, "canonical": 0.96, "accent-folded": 0.95,
          "spelling": 0.94, "qualifier-matched": 0.9, "qualifier-stripped": 0.9, "part": 0.88,
          "accent-mismatch": 0.80, "tfidf": 0.92, "head": 0.9}
_REASON_RANK = {r: i for i, r in enumerate(SCORES)}
# how much a folded match on a derived query variant is worth relative to one on the query itself
_VIA_FACTOR = {None: 1.0, "abbreviation": 0.99, "canonical": 0.98, "singular": 0.98, "spelling": 0.97, "qualifier-stripped": 0.9,
               "part": 0.88}
# each step down an ambiguous abbreviation's order of expansions (`K` = ung thư, then kali)
_RANK_FACTOR = 0.99
# qualifier agreement between a mention and a candidate's titles (stage, type, acuity, side)
QUALIFIER_MATCH, QUALIFIER_MISSING, QUALIFIER_CONFLICT = 0.03, -0.02, -0.2
# English plurals (a Vietnamese syllable never ends in s): `multiple abrasions` -> `multiple abrasion`
_PLURAL = re.compile(r"(?<=[a-z]{3})(?:(?<=[^aeiousy])s|(?<=[a-z]i)es)\b")
_UNSPECIFIED = re.compile(
    r"[,;]?\s*(không đặc hiệu|không xác định|chưa xác định|không rõ|unspecified|not elsewhere classified)\s*$",
    re.IGNORECASE)
_PAREN = re.compile(r"\s*[\(\[][^\)\]]*[\)\]]")


_PARENS = re.compile(r"[\(\[]([^\)\]]+)[\)\]]")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _language_parts(query: str, vi_words: frozenset[str] = frozenset()) -> list[str]:
    """A glossed mention's halves, each looked up alone: the text outside and inside parentheses
    (`viêm phổi (pneumonia)`, `Gãy đầu dưới xương quay (distal radius fracture)`). Runs of English and
    Vietnamese words are not split: ASCII loanwords (`virus`, `ceton`, `insulin`) make them unreliable."""
    inside = _PARENS.findall(query)
    if not inside:
        return _language_runs(query, vi_words)
    outside = _PARENS.sub(" ", query).strip()
    parts = [t.strip() for t in [outside, *inside] if len(_WORD.findall(t)) and max(map(len, _WORD.findall(t))) >= 3]
    return [p for p in dict.fromkeys(parts) if p != query]


@lru_cache(maxsize=1)
def _supplementary() -> list[tuple[str, str, float]]:
    return [(r["from"], r["to"], float(r["factor"])) for r in _read_tsv("supplementary_codes.tsv")]


@lru_cache(maxsize=1)
def _symptom_ranges() -> list[tuple[str, str]]:
    return [(r["from"], r["to"]) for r in _read_tsv("symptom_codes.tsv")]


def is_symptom_code(code: str) -> bool:
    """A code of a symptom or sign (`symptom_codes.tsv`: chapter XVIII, melaena, pruritus, joint pain ...)."""
    return any(lo <= code[:len(lo)] <= hi for lo, hi in _symptom_ranges())


def _supplementary_down(best: dict[str, tuple[float, str, str]]) -> None:
    """A supplementary code (an infectious agent B95-B98, an external cause V01-Y98) proposed by similarity
    alone ranks lower: the mention names a disease, the agent or cause is secondary (`supplementary_codes.tsv`)."""
    rows = _supplementary()
    for c, (score, reason, term) in list(best.items()):
        if reason not in ("tfidf", "head", "part"):
            continue
        for lo, hi, factor in rows:
            if lo <= c[:3] <= hi:
                best[c] = (round(score * factor, 4), reason, term)
                break


@lru_cache(maxsize=1)
def _context_rows() -> list[tuple[re.Pattern, str, str, str]]:
    compiled: dict[str, re.Pattern] = {}
    return [(compiled.setdefault(r["context"], re.compile(r["context"])), r["from"], r["to"], normalize_code(r["code"]))
            for r in _read_tsv("context_chapters.tsv")]


@lru_cache(maxsize=1)
def _combinations() -> list[tuple[str, str, tuple[re.Pattern, ...]]]:
    out = []
    compiled: dict[str, re.Pattern] = {}
    for r in _read_tsv("combinations.tsv"):
        pats = tuple(compiled.setdefault(p.strip(), re.compile(p.strip())) for p in r["requires"].split(" && "))
        # the rarest condition first: a look-ahead that holds on almost every text (`not old`) goes last
        pats = tuple(sorted(pats, key=lambda p: p.pattern.startswith("^(?!")))
        out.append((r["group"], normalize_code(r["code"]), pats))
    return out


def _combination_codes(texts: Iterable[str]) -> list[tuple[str, str]]:
    """(code, group) for each group of `combinations.tsv` whose first matching row holds on one of the texts
    (normalized, marks removed): HIV disease with its opportunistic disease, sepsis with its organism,
    diabetes with its complication, burns by degree and region."""
    texts = [t for t in dict.fromkeys(texts) if t]
    done: set[str] = set()
    out = []
    seen: dict[tuple[int, str], bool] = {}  # rows share patterns (the HIV, sepsis, diabetes, burn words)

    def hit(p: re.Pattern, t: str) -> bool:
        key = (id(p), t)
        got = seen.get(key)
        if got is None:
            got = seen[key] = p.search(t) is not None
        return got

    for group, code, pats in _combinations():
        if group in done:
            continue
        if any(all(hit(p, t) for p in pats) for t in texts):
            done.add(group)
            out.append((code, group))
    return out


def _upper_abbreviations(text: str) -> str:
    """Lower-case words that are abbreviations in the dictionary written in capitals (`cao ha` -> `cao HA`)."""
    table = abbreviation_dictionary()
    return re.sub(r"\b[a-z]{2,5}\b", lambda m: m.group(0).upper() if m.group(0).upper() in table else m.group(0),
                  text)


def _language_runs(query: str, vi_words: frozenset[str] = frozenset()) -> list[str]:
    """A mention that starts in English and goes on in Vietnamese (`stroke nhồi máu não bán cầu trái`,
    `Herpes zoster vùng mắt trái`): the Vietnamese rest looked up alone, beside the whole. The English run
    is words without marks that make no Vietnamese syllable (not acronyms); the rest must hold marks."""
    words = query.split()
    i = 0
    while i < len(words) and _english_word(words[i]):
        i += 1
    if i == 0 or i == len(words) or not has_diacritics(" ".join(words[i:])):
        # the converse: Vietnamese words, then an English qualifier or kind (`Rung nhĩ paroxysmal`, `K phổi
        # non-small cell, T2N1M0`): the Vietnamese head alone, a stage or code written after it set aside
        j = len(words)
        while j > 0 and not _english_word(words[j - 1]) and _staging(words[j - 1]):
            j -= 1
        end = j
        while j > 0 and _english_word(words[j - 1]):
            if {fold(norm(w)) for w in (words[j - 1], canonical_mention(words[j - 1]) or "")} & vi_words:
                # a word the Vietnamese titles use themselves (an eponym, a chemical: `Sa sút trí tuệ
                # Alzheimer`, `ngộ độc rượu methanol`) belongs to the Vietnamese name
                return []
            j -= 1
        if j == end or j == 0 or not has_diacritics(" ".join(words[:j])):
            return []
        return [" ".join(words[:j]).strip(" ,;:-")]
    # the English head alone would outrank the Vietnamese words that say which kind (`stroke` -> I64 for
    # `stroke nhồi máu não`): only the Vietnamese rest is looked up alone
    return [" ".join(words[i:])]


def _english_word(w: str) -> bool:
    """A word of three or more ASCII letters, not an acronym, that makes no Vietnamese syllable (`stroke`,
    `paroxysmal`, `non-small`)."""
    return w.isascii() and len(w) >= 3 and not w.isupper() and not is_syllable(w.lower().strip(",;:"))


def _staging(w: str) -> bool:
    """A stage or code written after a diagnosis (`T2N1M0`, `33`): letters and digits mixed, or digits."""
    core = w.strip(",;:()")
    return bool(core) and core.isalnum() and any(ch.isdigit() for ch in core)


def _same_value(a: str, b: str) -> bool:
    """Qualifier values agree: equal, or a stage and its sub-stage (`3` and `3b`)."""
    if a == b:
        return True
    ca, cb = a.rstrip("ab"), b.rstrip("ab")
    return ca == cb and (ca == a or cb == b)


def _marks_agree(query: str, term: str) -> bool:
    """A mention written with marks on some words only (`Ung thu vú phải`: a hurried or OCR'd line) whose every
    marked word is the term's own word: the unmarked ones were left bare, not written as other words."""
    qw, tw = query.split(), norm(term).split()
    return len(qw) == len(tw) and all(a == b or not has_diacritics(a) for a, b in zip(qw, tw))


def _fuzzy_key(folded: str) -> str:
    # Vietnamese writes i and y interchangeably in many words (lý/lí, tym/tim typos)
    return folded.replace("y", "i")


@dataclass(frozen=True)
class Candidate:
    """One proposed code. `reason` says which evidence put it here; `term` is the matched index term."""

    code: str
    title: str
    score: float
    reason: str
    system: str = "icd10"
    term: str = ""
    # calibrated probability that the code is right at the 3-character level (see calibrate())
    confidence: float | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class _Entry:
    code: str
    text: str
    kind: str      # title_vi | title_en | variant | synonym | brand | alias | abbr ...


class TermIndex:
    """All terms of one code system with exact, folded, spelling and TF-IDF lookups."""

    def __init__(self, system: str, entries: list[_Entry], titles: dict[str, str]):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from tqdm import tqdm

        self.system = system
        self.titles = titles
        self.entries = entries
        self.exact: dict[str, list[int]] = {}
        self.folded: dict[str, list[int]] = {}
        self.spelling: dict[str, list[int]] = {}
        self.norms: list[str] = []
        doc_ids: dict[str, int] = {}
        self.doc_entries: list[list[int]] = []
        # first use only (the index is then cached): a progress bar on a terminal
        for i, e in enumerate(tqdm(entries, desc=f"indexing {system} terms", unit="term", disable=None,
                                   leave=False, mininterval=0.5)):
            n = norm(e.text)
            f = fold(n)
            self.norms.append(n)
            self.exact.setdefault(n, []).append(i)
            self.folded.setdefault(f, []).append(i)
            if system == "drug":
                self.spelling.setdefault(drug_key(e.text), []).append(i)
            if e.kind.endswith("_variant"):
                continue  # a shortened title: exact look-ups only, its full title is in the TF-IDF space
            d = doc_ids.setdefault(_fuzzy_key(f), len(doc_ids))
            if d == len(self.doc_entries):
                self.doc_entries.append([])
            self.doc_entries[d].append(i)
        # TF-IDF over accent-folded text (each distinct text once); diacritics are weighed afterwards
        vec = TfidfVectorizer(analyzer="char_wb", ngram_range=NGRAM_RANGE, sublinear_tf=True, dtype=np.float32)
        m = vec.fit_transform(list(doc_ids))
        self.vocab: dict[str, int] = vec.vocabulary_
        self.idf = vec.idf_.astype(np.float32)
        # terms x features stored transposed (CSR over features): a query touches only its n-grams
        self.matrix_t = m.T.tocsr()
        self.max_postings = max(200, int(MAX_POSTINGS_SHARE * m.shape[0]))

    def _ngrams(self, text: str) -> dict[int, int]:
        """char_wb n-grams of `text` (as sklearn makes them), counted by feature id."""
        counts: dict[int, int] = {}
        lo, hi = NGRAM_RANGE
        vocab = self.vocab
        for w in text.split():
            w = f" {w} "
            for n in range(lo, hi + 1):
                last = max(len(w) - n, 0)
                for i in range(last + 1):
                    j = vocab.get(w[i:i + n])
                    if j is not None:
                        counts[j] = counts.get(j, 0) + 1
                if last == 0:  # a short word counts once, as in sklearn's char_wb
                    break
        return counts

    # --- querying -----------------------------------------------------------------------------------
    def search(self, query: str, k: int = 10, codes_in_text: Iterable[str] = (),
               context: str | None = None, _parts_done: bool = False) -> list[Candidate]:
        if not isinstance(query, str):
            raise TypeError(f"query must be a string, got {type(query).__name__}")
        best: dict[str, tuple[float, str, str]] = {}

        def add(code: str, score: float, reason: str, term: str) -> None:
            old = best.get(code)
            if old is None or score > old[0] or (score == old[0] and _REASON_RANK[reason] < _REASON_RANK[old[1]]):
                best[code] = (score, reason, term)

        codes_in_text = list(codes_in_text)
        for c in codes_in_text:
            if c in self.titles:
                add(c, SCORES["code"], "code", c)
            elif c[:3] in self.titles:  # `A00.5` does not exist: its category does
                add(c[:3], round(0.9 * SCORES["code"], 4), "code", c)
        q = strip_dose(query) if self.system == "drug" else query
        if codes_in_text:
            q = _CODE_IN_TEXT.sub(" ", q)
        if not q.strip():
            return self._rank(best, k)
        bases = [(q, None)]
        canon = None
        if self.system == "icd10":
            # the mention as a clinician would write it (chat, OCR, spoken letters and numbers, trailing
            # context; see canonical.py), and without its chat lead-in
            canon = canonical_mention(q)
            for form in (canon, head_of(q)):
                if form and all(form != b for b, _ in bases):
                    bases.append((form, "canonical"))
        # the form without its lead-in is looked up exactly only (its n-grams add little and cost much)
        exact_only = {len(bases) - 1} if len(bases) > 1 and bases[-1][0] != canon else set()
        if self.system == "icd10":
            # `bị bệnh tăng đường huyết`: the disease after a leading `bệnh` (disease), exactly only
            for b, _ in list(bases):
                words = b.split()
                if len(words) > 1 and fold(norm(words[0])) == "benh":
                    rest = " ".join(words[1:])
                    if all(rest != x for x, _ in bases):
                        bases.append((rest, "canonical"))
                        exact_only.add(len(bases) - 1)
        variants = []
        read_initials: list[str] = []  # abbreviations read against the initials of the index's terms
        no_tfidf: set[int] = set()  # variants looked up exactly only
        lower_abbr: set[int] = set()  # lower-case words read as abbreviations (`cap` -> CAP): no combination rules
        for bi, (b, via0) in enumerate(bases):
            start = len(variants)
            variants.append((b, via0, 0))
            variants += [(v, "abbreviation", r) for v, r in abbreviation_variants(b, context)]
            if self.system == "icd10":
                # an abbreviation no dictionary lists, read against the initials of the index's own terms
                initials = self._initials_variants(b)
                variants += [(v, "abbreviation", r) for v, r in initials]
                read_initials += [v for v, r in initials if r == 1]
            if bi in exact_only:
                no_tfidf.update(range(start, len(variants)))
            if self.system == "icd10" and not has_diacritics(b):
                # a chat line writes abbreviations in lower case (`cao ha`): read them as abbreviations too,
                # looked up exactly only (`ha` is also a word)
                up = _upper_abbreviations(b)
                if up != b:
                    for v, r in abbreviation_variants(up, context):
                        variants.append((v, "abbreviation", r + 1))
                        no_tfidf.add(len(variants) - 1)
                        lower_abbr.add(len(variants) - 1)

        def derive(parent: int, text: str, via: str | None, rank: int, exact_only: bool = False) -> None:
            variants.append((text, via, rank))
            if exact_only or parent in no_tfidf:  # what an exact-only variant derives stays exact-only
                no_tfidf.add(len(variants) - 1)

        for pi, (v, via, r) in enumerate(list(variants)):
            sing = _PLURAL.sub("", norm(v)) if not has_diacritics(v) else ""
            if sing and sing != norm(v):
                derive(pi, sing, via or "singular", r)
        if self.system == "icd10":
            # one code for two things ICD-10 codes together (HIV + its opportunistic disease, burns by site)
            # (not on a lower-case word read as an abbreviation: `viem hong cap` is acute, not CAP pneumonia)
            for c, group in _combination_codes(fold(norm(v)) for i, (v, _, _) in enumerate(variants)
                                               if i not in lower_abbr):
                if c in self.titles:
                    add(c, SCORES["combination"], "combination", group)
            for part in _language_parts(q, self._vi_words()):
                # a half read alone has its abbreviations expanded like the whole (`K phổi` = ung thư phổi)
                variants.append((part, "part", 0))
                variants += [(v, "part", r) for v, r in abbreviation_variants(part, context)]
        letters = max(1, sum(map(len, _WORD.findall(q))))
        for pi, (v, via, r) in enumerate(list(variants)):
            fixed = self._respell(norm(v))
            if fixed:
                derive(pi, fixed, via or "spelling", r)
            if self.system == "icd10":
                # a real syllable written with a sound it is confused with (`loãng sương`, `thương hàng`)
                for t in dict.fromkeys(filter(None, (norm(v), fixed))):
                    heard = self._sound_alike(t)
                    if heard and heard != fixed:
                        derive(pi, heard, via or "spelling", r)
        if self.system == "icd10":
            for pi, (v, via, r) in enumerate(list(variants)):
                core = strip_qualifiers(norm(v))
                if core and core != norm(v):
                    derive(pi, core, "qualifier-stripped", r)
                bare = strip_qualifiers(norm(v), acuity=True)
                if bare and bare not in (core, norm(v)):
                    derive(pi, bare, "qualifier-stripped", r + 1, exact_only=True)  # a little below the core
        for vi, (text, via, rank) in enumerate(variants):
            n = norm(text)
            if not n:
                continue
            rf = _RANK_FACTOR ** rank
            if via == "part":  # a half that carries more of the mention counts more
                rf *= 0.9 + 0.1 * min(1.0, sum(map(len, _WORD.findall(text))) / letters)
            for i in self.exact.get(n, ()):
                e = self.entries[i]
                is_title = e.kind.startswith(("title", "ingredient", "name"))
                plain = via in (None, "singular")  # a plural read as singular is still the written term
                reason = ("exact" if is_title else "synonym") if plain else via
                if via == "spelling" and self.system == "icd10":
                    reason = "spelling"  # a misspelt word set right (`suy tlm`, `viêm phổii`)
                if via == "part":
                    reason = "part"
                if via == "canonical":
                    reason = "canonical"
                alt = 0.98 if e.kind.endswith("_alt") else 1.0
                if via and is_title:
                    alt *= 0.999  # on a derived query, our curated synonym wins a tie with a title
                if via == "singular":
                    alt *= _VIA_FACTOR[via]
                add(e.code, SCORES[reason] * alt * rf, reason, e.text)
            f = fold(n)
            for i in self.folded.get(f, ()):
                e = self.entries[i]
                # `sởi` (measles) and `sỏi` (stones) fold alike: a query written with marks that only
                # matches after folding is weak evidence.
                exact_marks = not has_diacritics(text) or via == "abbreviation" or _marks_agree(n, e.text)
                reason = "accent-folded" if exact_marks else "accent-mismatch"
                alt = 0.98 if e.kind.endswith("_alt") else 1.0
                add(e.code, SCORES[reason] * _VIA_FACTOR[via] * alt * rf, reason, e.text)
            if self.system == "drug":
                for i in self.spelling.get(drug_key(text), ()):
                    add(self.entries[i].code, SCORES["spelling"], "spelling", self.entries[i].text)
            if vi in no_tfidf:
                continue
            scale = SCORES["tfidf"] * (0.98 * rf if via == "abbreviation" else 0.9 if via == "part"
                                       else 0.95 if via else 1.0)
            for i, sim in self._tfidf(n, 40):
                e = self.entries[i]
                add(e.code, round(float(sim) * scale, 4), "tfidf", e.text)
        if self.system == "icd10":
            _supplementary_down(best)
            # qualifiers as written and as read (`giai đoạn bốn` -> giai đoạn 4)
            self._qualifiers(best, bases[1][0] if len(bases) > 1 else q)
            self._unspecified_child(best)
            self._specific_child(best)
            if not _parts_done and self._similar_only(best):
                self._split(best, q, context)
                self._organism_cause(best, q, context)
                self._symptom_cause(best, q, context)
            if not self._credible(best):  # (backing off always loses: blind set 1 top-1 0.968 -> 0.941)
                # the written forms, then each one with its abbreviations expanded (`TEN sau dùng thuốc` ->
                # hoại tử thượng bì nhiễm độc ...), first expansion only
                expanded = [v for v, via, r in variants if via == "abbreviation" and r == 0] + read_initials
                # (and each form written with marks respelled: OCR's split syllables, `Vi êm phổi thùy` -> viêm
                # phổi thùy; a chat line without marks respelled word by word reads too much into it)
                respelled = [x for x in (self._respell(norm(b)) for b, _ in reversed(bases) if has_diacritics(b))
                             if x]
                self._back_off(best, [b for b, _ in reversed(bases)] + respelled + list(dict.fromkeys(expanded))[:4])
                # the head found that way keeps the mention's qualifiers too (`thoát vị bẹn nghẹt ...` -> K40.3,
                # `ung thư thực quản một phần ba giữa` -> C15.4), read on the head's codes alone
                heads = {c: v for c, v in best.items() if v[1] == "head"}
                if heads:
                    self._qualifiers(heads, bases[1][0] if len(bases) > 1 else q, reasons=("head",))
                    # (still calibrated as a head: partial evidence)
                    best.update({c: (sc, "head", t) for c, (sc, r, t) in heads.items()})
            self._context_chapter(best, [fold(norm(b)) for b, _ in bases])
            self._context_missing(best, [fold(norm(b)) for b, _ in bases])
        return self._rank(best, k)

    def _vi_words(self) -> frozenset[str]:
        """Words (marks removed) of the Vietnamese titles and synonyms, loanwords included (`alzheimer`,
        `methanol`, `insulin`). Built on first use (not pickled with the index)."""
        got = self.__dict__.get("_vi_words_set")
        if got is None:
            got = frozenset(w for i, e in enumerate(self.entries)
                            if not (e.kind in ("en", "en_alt") or e.kind.startswith("title_en"))
                            for w in fold(self.norms[i]).split())
            self.__dict__["_vi_words_set"] = got
        return got

    _INITIALS_MIN = 3
    _INITIALS_TOKEN = re.compile(r"[^\W\d_]{3,10}")

    def _initials(self) -> dict[str, list[int]]:
        """Initial letters of each Vietnamese term of three or more words (marks removed, đ = d) -> entries:
        `viêm dạ dày tá tràng` -> vddtt. Built on first use (not pickled with the index)."""
        table = self.__dict__.get("_initials_table")
        if table is None:
            table = {}
            for i, e in enumerate(self.entries):
                if e.kind in ("en", "en_alt") or e.kind.startswith("title_en"):
                    continue
                keys = set()
                for t in (self.norms[i], e.text):  # normalized word order and as written (`tuyến tiền liệt`)
                    words = _WORD.findall(fold(t).lower())
                    if len(words) >= self._INITIALS_MIN:
                        keys.add("".join(w[0] for w in words))
                for key in keys:
                    table.setdefault(key, []).append(i)
            self.__dict__["_initials_table"] = table
        return table

    def _initials_variants(self, text: str) -> list[tuple[str, int]]:
        """A written abbreviation that no dictionary lists (`VDDTT`, `UPĐLTTTL`, `vpcđ`) read as the term whose
        words begin with its letters, only when those terms all fall in one 3-character category (`VDDTT` =
        viêm dạ dày tá tràng, K29); the abbreviation is replaced in the mention, one variant per such term (at
        most 3, curated synonyms first); one of four letters or fewer only as a curated synonym. A capitalized
        word, or a lower-case one with at most one vowel."""
        table = abbreviation_dictionary()
        out: list[tuple[str, int]] = []
        for m in self._INITIALS_TOKEN.finditer(text):
            tok = m.group(0)
            key = fold(tok).lower()
            if fold(tok).upper() in table:
                continue
            if not (tok.isupper() or sum(ch in "aeiouy" for ch in key) <= 1):
                continue
            hits = self._initials().get(key, [])
            if len(key) <= 4:  # a short one only as a curated clinical phrase, not any title (TTTL, HCTH ...)
                hits = [i for i in hits if not self.entries[i].kind.startswith("title")]
            if not hits or len({self.entries[i].code[:3] for i in hits}) != 1:
                continue
            hits = sorted(hits, key=lambda i: (self.entries[i].kind.startswith("title"), len(self.norms[i])))
            texts = list(dict.fromkeys(self.norms[i] for i in hits))[:3]
            for r, t in enumerate(texts, 1):
                out.append((text[:m.start()] + t + text[m.end():], r))
        return out

    def _context_chapter(self, best: dict[str, tuple[float, str, str]], texts: list[str]) -> None:
        """The chapter the mention's context words imply (`context_chapters.tsv`): a disease of a pregnant
        woman takes its O code (`thiếu máu, thai 30 tuần` -> O99.0 before D64.9), a disease of a newborn its
        P code (`viêm phổi sơ sinh` -> P23.9), at the score of the candidate it comes from, which stays just
        below. Only the three best candidates, and none already in chapter O or P unless a row names that range (a
        baby born preterm: O60 preterm labour -> P07.3)."""
        rows = _context_rows()
        live = [r for r in rows if any(r[0].search(t) for t in texts)] if rows else []
        if not live:
            return
        top = sorted(best.items(), key=lambda kv: (-kv[1][0], _REASON_RANK[kv[1][1]], len(kv[0]), kv[0]))[:3]
        for c, (score, reason, term) in top:
            for _pat, lo, hi, target in live:
                if c[0] in "OP" and lo[0] not in "OP":
                    continue  # a pregnancy or newborn code stays, unless a row is written for its own range
                if lo <= c[:3] <= hi and target in self.titles:
                    old = best.get(target)
                    if old is None or old[0] < score:
                        best[target] = (score, reason, self.titles[target])
                    # the disease's own codes (the category and its subcodes) stay just below
                    t = best[target][0]
                    same = [o for o in best if o[:3] == c[:3]]
                    shift = max(best[o][0] for o in same) - t + 0.001  # one shift for all keeps their order
                    if shift > 0:
                        for o in same:
                            s2, r2, t2 = best[o]
                            best[o] = (round(max(0.0, s2 - shift), 4), r2, t2)
                    break

    _CONTEXT_MISSING = 0.9

    @staticmethod
    def _context_missing(best: dict[str, tuple[float, str, str]], texts: list[str]) -> None:
        """The converse of `_context_chapter`: a pregnancy or newborn code (chapter O or P) found by string
        similarity alone through a term that names the pregnancy or the newborn (`Giãn tĩnh mạch chi dưới trong
        khi có thai`), for a mention that names neither, ranks lower (x0.9): the context words are the term's,
        not the mention's."""
        pats = list(dict.fromkeys(r[0] for r in _context_rows()))
        if not pats or any(p.search(t) for p in pats for t in texts):
            return
        for c, (score, reason, term) in list(best.items()):
            if c[0] in "OP" and reason == "tfidf" and any(p.search(fold(norm(term))) for p in pats):
                best[c] = (round(score * TermIndex._CONTEXT_MISSING, 4), reason, term)

    @staticmethod
    def _similar_only(best: dict[str, tuple[float, str, str]]) -> bool:
        """Nothing proposed so far is better than string similarity (or nothing is credible at all)."""
        from . import calibration

        if not best:
            return True
        s, r, _ = max(best.values(), key=lambda v: v[0])
        return r in calibration.SIMILARITY_REASONS or not TermIndex._credible(best)

    _MARGINAL = 0.07

    def _split(self, best: dict[str, tuple[float, str, str]], query: str, context: str | None) -> None:
        """A mention that names two diagnoses (`THA, ĐTĐ typ 2`, `viêm phổi + suy hô hấp`) and as a whole
        finds only string similarity: each part (canonical.diagnosis_parts) is ranked alone, and the codes of
        the parts that find something credible come first, the first part written first (ICD-10 codes each
        diagnosis; the first written is the main one). When the whole finds something credible, the parts take
        the lead only if two of them are found by an exact or expanded match; otherwise their codes follow the
        whole's best (top-5). A part found by an exact or expanded match keeps
        its reason as `part` (x0.9); one found by similarity stays `tfidf` (x0.98)."""
        from . import calibration

        parts = diagnosis_parts(query)
        if not parts:
            return
        # a part that gives the writer's conclusion (`..., chắc bị ghẻ`) ranks before what led to it
        parts = sorted(parts, key=lambda p: not is_conclusion(p))
        found = []
        for part in parts[:4]:
            n = norm(part)
            if strip_qualifiers(n) == "" and n:  # a side or stage alone (`Colles fracture, left`)
                continue
            got = self.search(part, k=3, context=context, _parts_done=True)
            if got and self._credible({c.code: (c.score, c.reason, c.term) for c in got[:1]}):
                found.append(got)
        # a part that names only a symptom or sign follows the parts that name a disease (`mắt mờ, đục thủy tinh
        # thể`: the cataract is the diagnosis, the blurred sight its sign), the written order kept otherwise
        found.sort(key=lambda got: is_symptom_code(got[0].code))
        strong = sum(got[0].reason not in calibration.SIMILARITY_REASONS for got in found)
        cap, behind = 1.0, False
        # (a whole found by string similarity alone and barely credible, within MARGINAL of the threshold, gives
        # way to one part found by an exact or expanded match: `trầm cảm nặng, có ý tưởng tự sát` is the
        # depression, not the neighbour of its second half; `Pulmonary tuberculosis, smear-positive` keeps its
        # close neighbour A15.0)
        marginal = False
        if best and strong and self._similar_only(best):
            s0, r0, _ = max(best.values(), key=lambda v: v[0])
            marginal = calibration.confidence(s0, r0) < calibration.threshold("icd10") + self._MARGINAL
        if self._credible(best) and strong < 2 and not marginal:
            # the whole mention already finds something credible and the parts do not name two diagnoses
            # for sure (`Pulmonary tuberculosis, smear-positive`): the parts' exact or expanded matches come
            # after its best, their string neighbours not at all
            cap, behind = round(max(v[0] for v in best.values()) - 0.005, 4), True
        for j, got in enumerate(found):
            top = None
            for c in got:
                if behind and c.reason in calibration.SIMILARITY_REASONS:
                    continue
                if c.reason in calibration.SIMILARITY_REASONS:
                    score, reason = c.score * 0.98, c.reason
                else:
                    score, reason = c.score * 0.9, "part"
                score = round(min(score, cap) - 0.002 * j, 4)
                top = score if top is None else top
                old = best.get(c.code)
                if old is None or old[0] < score:
                    best[c.code] = (score, reason, c.term)
            if top is not None:
                cap = top - 0.005  # the next part ranks below this one

    def _organism_cause(self, best: dict[str, tuple[float, str, str]], query: str, context: str | None) -> None:
        """`UTI due to Klebsiella`: the organism's words draw string neighbours from another disease (J15.0,
        Klebsiella pneumonia). When the cause is an organism (its best code is an infectious agent, B95-B98)
        and the disease alone is found by an exact or expanded match in another chapter than the whole's best,
        the disease leads and the organism's code follows (ICD-10 codes the disease, the agent is additional).
        `pneumonia due to Klebsiella` keeps J15.0: the same chapter as pneumonia (J18). Organisms are the
        `organism` rows of mention_forms.tsv."""
        from . import calibration

        got = disease_and_cause(query)
        if not got or not best:
            return
        disease, cause = got
        agent = organism_code(cause)
        if agent is None:
            return
        head = self.search(disease, k=3, context=context, _parts_done=True)
        if not head or head[0].reason in calibration.SIMILARITY_REASONS:
            return
        top_code, (top_score, _, _) = max(best.items(), key=lambda kv: kv[1][0])
        if top_code[0] == head[0].code[0]:
            return
        lead = round(max(top_score, head[0].score * 0.9) + 0.001, 4)
        for i, c in enumerate(head):
            if c.code[:3] == head[0].code[:3]:
                best[c.code] = (round(min(1.0, lead) - 0.0001 * i, 4), "part", c.term)
        if agent in self.titles:
            old = best.get(agent)
            score = round(top_score - 0.002, 4)
            if old is None or old[0] < score:
                best[agent] = (score, "part", self.titles[agent])

    def _symptom_cause(self, best: dict[str, tuple[float, str, str]], query: str, context: str | None) -> None:
        """`đi ngoài ra máu do trĩ`, `ho do viêm phế quản`: a symptom and the disease that causes it, the whole
        found by similarity only. When the symptom alone is coded by a symptom code (`symptom_codes.tsv`) and the
        cause alone by an exact or expanded match that is no symptom, the cause's codes lead and the symptom's
        follow (ICD-10 codes the definitive diagnosis, not its symptom)."""
        from . import calibration

        got = disease_and_cause(query)
        if not got or organism_code(got[1]) is not None:
            return
        effect, cause = got
        sym = self.search(effect, k=2, context=context, _parts_done=True)
        if not sym or sym[0].reason in calibration.SIMILARITY_REASONS or not is_symptom_code(sym[0].code):
            return
        head = self.search(cause, k=3, context=context, _parts_done=True)
        if not head or head[0].reason in calibration.SIMILARITY_REASONS or is_symptom_code(head[0].code):
            return
        top = max((v[0] for v in best.values()), default=0.0)
        lead = round(min(1.0, max(top, head[0].score * 0.9) + 0.001), 4)
        for i, c in enumerate(head):
            if c.code[:3] == head[0].code[:3]:
                best[c.code] = (round(lead - 0.0001 * i, 4), "part", c.term)
        for c in sym[:1]:
            score = round(lead - 0.002, 4)
            if best.get(c.code, (0.0,))[0] < score:
                best[c.code] = (score, "part", c.term)

    @staticmethod
    def _specific_child(best: dict[str, tuple[float, str, str]]) -> None:
        """A category proposed by a combination rule (`injury-sprain` -> S93, by kind and region) yields to a
        subcode of its own that the mention also found (S93.4 `bong gân cổ chân`): the subcode takes the
        category's score, the category stays right below it (the rule names the block, the words the code)."""
        for c, (score, reason, term) in list(best.items()):
            if len(c) != 3 or reason != "combination":
                continue
            kids = [o for o in best if o.startswith(c + ".")]
            if not kids:
                continue
            kid = max(kids, key=lambda o: (best[o][0], o))
            if best[kid][0] < score:
                best[kid] = (score, reason, best[kid][2])
            best[c] = (round(max(0.0, score - 0.0001), 4), reason, term)

    def _unspecified_child(self, best: dict[str, tuple[float, str, str]]) -> None:
        """A category that has subcodes is not a billable code: its `.9` subcode (unspecified) takes its
        place, the category right below it (`tiểu đường` -> E14.9, then E14); a subcode that the mention's
        qualifiers chose (N18.3) is not touched."""
        for c, (score, reason, term) in list(best.items()):
            if len(c) != 3 or reason == "code":  # a code written in the text stays as written
                continue
            child = c + ".9"
            if child not in self.titles:
                continue
            old = best.get(child)
            if old is None or old[0] < score:
                best[child] = (score, reason, term)
                best[c] = (round(max(0.0, score - 0.0001), 4), reason, term)
            elif old[0] == score:  # a tie (both titles found alike): the billable subcode first
                best[c] = (round(max(0.0, score - 0.0001), 4), reason, term)

    @staticmethod
    def _credible(best: dict[str, tuple[float, str, str]]) -> bool:
        """Whether the best candidate so far passes the calibrated abstain threshold."""
        from . import calibration

        if not best:
            return False
        s, r, _ = max(best.values(), key=lambda v: v[0])
        return calibration.confidence(s, r) >= calibration.threshold("icd10")

    def _back_off(self, best: dict[str, tuple[float, str, str]], forms: list[str]) -> None:
        """Nothing credible for the whole mention: its head instead. The longest leading run of words
        (in the first comma-separated part, qualifiers dropped) that is a title or synonym proposes its
        code with a lower score the less of the mention it covers (`Thai lưu 10 tuần` -> thai lưu,
        `Concussion without loss of consciousness` -> concussion); the reason `head` is calibrated as
        partial evidence."""
        for form in forms:  # the most canonical form first
            letters = max(1, sum(map(len, _WORD.findall(form))))
            first = re.split(r"[,;:]", form)[0]
            words = (strip_qualifiers(norm(first)) or norm(first)).split()
            bare = (strip_qualifiers(norm(first), acuity=True) or norm(first)).split()
            # (the whole first part too when a comma ends it: `Hen phế quản, kiểm soát một phần`)
            # (each run with the words it was cut from, to see whether the cut falls inside a body part)
            runs = [(words[:j], words) for j in range(len(words) - (first == form), 0, -1)]
            if bare != words:  # then without its acuity word (`acute gout flare` -> gout)
                runs += [(bare[:j], bare) for j in range(len(bare) - (first == form), 0, -1)]
            if len(words) > 1 and fold(words[0]).lower() == "benh":
                # `bệnh trĩ ...`, `bệnh gút ...`: the disease word after `bệnh` when `bệnh X` is no title
                after_benh = [words[1:j] for j in range(len(words) - (first == form), 1, -1)]
                runs += [(r, words[1:]) for r in after_benh]
            else:
                after_benh = []
            if first.isascii() and not has_diacritics(first):
                # English puts the head last: trailing runs after the leading ones (`green pit viper bite`)
                runs += [(words[i:], words[i:]) for i in range(1, len(words))]
            for run, src in runs:
                if len(run) < len(src) and splits_compound(run[-1], src[len(run)]):
                    continue  # the run ends inside a body part (`đau đầu | gối`)
                key = " ".join(run)
                # a run of three letters only as a whole comma-separated first part (`gút, ngón chân sưng`)
                # or after `bệnh` (`bệnh trĩ đi ngoài ra máu`)
                short_ok = (run == words and first != form) or any(run is r for r in after_benh)
                if sum(map(len, _WORD.findall(key))) < (3 if short_ok else 4):
                    continue
                hits = self.exact.get(key) or self.folded.get(fold(key)) or ()
                if not hits:
                    continue
                share = min(1.0, sum(map(len, _WORD.findall(key))) / letters)
                score = round(SCORES["head"] * (0.6 + 0.4 * share), 4)
                self._propose_head(best, hits, score)
                return
        self._inner_run(best, forms)

    def _propose_head(self, best: dict[str, tuple[float, str, str]], hits, score: float) -> None:
        for i in hits:
            e = self.entries[i]
            alt = 0.98 if e.kind.endswith("_alt") else 1.0
            old = best.get(e.code)
            if old is None or old[0] < score * alt:
                best[e.code] = (round(score * alt, 4), "head", e.text)

    _INNER_MIN_WORDS = 2
    _INNER_MIN_LETTERS = 5

    def _inner_run(self, best: dict[str, tuple[float, str, str]], forms: list[str]) -> None:
        """No leading run names anything: the longest run of two or more words anywhere in the mention
        (inside one comma-separated part) that is a title or synonym, the earliest of equal length (`tui ho ra
        máu mấy bữa nay` -> ho ra máu, `con tui nổi mẩn đỏ khắp người` -> nổi mẩn, `Sót rau sau đẻ` -> sót
        rau). Scored as a head match, a little lower (x0.95): the words around it were not read."""
        for form in forms:
            letters = max(1, sum(map(len, _WORD.findall(form))))
            found: list[tuple[int, int, str]] = []  # (-words, start order, key)
            order = 0
            for part in re.split(r"[,;:]", form):
                words = norm(part).split()
                for i in range(len(words)):
                    if i and splits_compound(words[i - 1], words[i]):
                        continue  # a run never starts or ends inside a body part (`cổ | tay`, `đầu | gối`)
                    for j in range(i + self._INNER_MIN_WORDS, len(words) + 1):
                        key = " ".join(words[i:j])
                        order += 1
                        if j < len(words) and splits_compound(words[j - 1], words[j]):
                            continue
                        if sum(map(len, _WORD.findall(key))) < self._INNER_MIN_LETTERS:
                            continue
                        if key in self.exact or fold(key) in self.folded:
                            found.append((-(j - i), order, key))
            if not found:
                continue
            key = min(found)[2]
            hits = self.exact.get(key) or self.folded.get(fold(key)) or ()
            share = min(1.0, sum(map(len, _WORD.findall(key))) / letters)
            self._propose_head(best, hits, round(0.95 * SCORES["head"] * (0.6 + 0.4 * share), 4))
            return

    def _tfidf(self, n: str, top: int) -> list[tuple[int, float]]:
        """(entry, similarity) for the nearest terms: cosine on folded char n-grams, then nudged by the
        share of the query's words (with diacritics) that the term contains."""
        counts = self._ngrams(_fuzzy_key(fold(n)))
        if not counts:
            return []
        ids = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        w = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))) * self.idf[ids]
        w /= np.linalg.norm(w)
        # sum the posting lists of the query's n-grams (a sparse mat-vec without building a matrix)
        m = self.matrix_t
        starts, ends = m.indptr[ids], m.indptr[ids + 1]
        lens = ends - starts
        # n-grams found in very many terms (` v`, `n `) add little but cost most: skip them
        keep = lens <= self.max_postings
        starts, lens, w = starts[keep], lens[keep], w[keep]
        total = int(lens.sum())
        if total == 0:
            return []
        offs = np.repeat(starts - np.concatenate(([0], np.cumsum(lens)[:-1])), lens) + np.arange(total)
        sims = np.bincount(m.indices[offs], weights=m.data[offs] * np.repeat(w, lens), minlength=m.shape[1])
        nz = np.flatnonzero(sims > 0.05)
        if len(nz) > top:
            nz = nz[np.argpartition(-sims[nz], top)[:top]]
        qwords = set(n.split())
        out = []
        for d in nz:
            base = float(sims[d])
            for i in self.doc_entries[d]:
                twords = set(self.norms[i].split())
                overlap = len(qwords & twords) / len(qwords | twords)
                out.append((i, base * (0.85 + 0.15 * overlap)))
        return out

    def _respell(self, n: str) -> str | None:
        """The normalized mention with each word that is neither a Vietnamese syllable nor a word of the
        index replaced by the most frequent index word one edit away (`phổii` -> `phổi`, `tlm` -> `tim`,
        `pnemonia` -> `pneumonia`); None when nothing changes."""
        vocab = self.__dict__.get("_vocab")
        if vocab is None:
            from collections import Counter

            vocab = Counter(w for t in self.norms for w in t.split())
            self.__dict__["_vocab"] = vocab
            self.__dict__["_letters"] = "".join(sorted({ch for w in vocab for ch in w if ch.isalpha()}))
        letters = self.__dict__["_letters"]
        out, changed = [], False
        marked = has_diacritics(n)
        if "_bigrams" not in self.__dict__:
            self._remark("a", None)
        words = self._rejoin(n.split(), vocab, self.__dict__["_bigrams"])
        words = self._spoken_loanword(words, vocab, self.__dict__["_bigrams"])
        if len(words) != len(n.split()):
            changed = True
        for w in words:
            if w not in vocab and marked and len(w) >= 2:
                # a syllable with a wrong or lost mark (`khuẫn`, `nhiểm`, OCR `m0` -> mo), in a mention written
                # with marks: the index word of the same letters the previous word most often precedes
                # (`vết mổ`), else the most frequent one
                fixed = self._remark(w, out[-1] if out else None)
                if fixed:
                    out.append(fixed)
                    changed = True
                    continue
            if w in vocab or len(w) < 3 or not w.isalpha() or is_syllable(w):
                out.append(w)
                continue
            edits = {w[:i] + w[i + 1:] for i in range(len(w))}
            edits |= {w[:i] + w[i + 1] + w[i] + w[i + 2:] for i in range(len(w) - 1)}
            edits |= {w[:i] + c + w[i + 1:] for i in range(len(w)) for c in letters}
            edits |= {w[:i] + c + w[i:] for i in range(len(w) + 1) for c in letters}
            # OCR's letters for others (`tirn` -> tim) first, then one edit, then glued syllables
            ocr = [t for a, b in ocr_ascii() if a in w for t in [w.replace(a, b)] if vocab.get(t)]
            known = ocr or [e for e in edits if vocab.get(e)]
            glued = None if known else self._unglue(w, vocab)
            if known:
                out.append(max(known, key=lambda e: (vocab[e], e)))
                changed = True
            elif glued:  # syllables OCR or typing glued together: `viêmphổi`, `suythận`
                out.append(glued)
                changed = True
            else:
                out.append(w)
        return " ".join(out) if changed else None

    @staticmethod
    def _rejoin(words: list[str], vocab, bigrams=None) -> list[str]:
        """A syllable OCR or typing split with a space (`thiếu sắ t` -> sắt, `viê m` -> viêm): two neighbours
        written together make an index word and one of them is no Vietnamese syllable and no index word (a
        lone letter or half a syllable); or the second opens with a vowel where a syllable cannot (`vi êm` ->
        viêm: a vowel-initial syllable glued to the one before makes one), the pair never occurs in the index's
        terms and the joined word does."""
        out: list[str] = []
        i = 0
        while i < len(words):
            if i + 1 < len(words):
                a, b = words[i], words[i + 1]
                joined = a + b
                split_syllable = any(p not in vocab and not (len(p) > 1 and is_syllable(p)) for p in (a, b))
                vowel_split = (bigrams is not None and fold(b[:1]) in "aeiouy" and len(joined) >= 4
                               and vocab.get(joined, 0) >= 3 and not bigrams.get((a, b)))
                if joined.isalpha() and vocab.get(joined) and len(joined) >= 3 and (split_syllable or vowel_split):
                    out.append(joined)
                    i += 2
                    continue
            out.append(words[i])
            i += 1
        return out

    def _spoken_loanword(self, words: list[str], vocab, bigrams) -> list[str]:
        """A loanword written as it is said, one short syllable at a time (`zô na` -> zona, `a mi đan` ->
        amidan): a run of two to four words of three letters or fewer, no pair of which occurs in the index's
        terms, that written together without marks is an index word of four letters or more (the most frequent
        one that folds alike)."""
        plain = self.__dict__.get("_plain_vocab")
        if plain is None:
            plain = {}
            for v, cnt in vocab.items():
                if v.isalpha() and len(v) >= 4:
                    f = fold(v)
                    if f not in plain or vocab[plain[f]] < cnt:
                        plain[f] = v
            self.__dict__["_plain_vocab"] = plain
        out: list[str] = []
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + 4), i + 1, -1):  # the longest run first
                run = words[i:j]
                if (all(w.isalpha() and len(w) <= 3 for w in run)
                        and not any(bigrams.get((a, b)) for a, b in zip(run, run[1:]))):
                    hit = plain.get(fold("".join(run)))
                    if hit:
                        out.append(hit)
                        i = j
                        break
            else:
                out.append(words[i])
                i += 1
        return out

    def _sound_alike(self, n: str) -> str | None:
        """The mention with each word that fits neither neighbour in the index's titles and synonyms replaced by
        an index word that sounds alike in a regional accent and does fit one (`loãng sương` -> loãng xương,
        `u sơ tử cung` -> u xơ, `thương hàng` -> thương hàn): the `sound` rows of mention_forms.tsv (s/x, ch/tr,
        d/gi/r, l/n at the start; n/ng, t/c at the end). Only for a mention written with marks; None when
        nothing changes."""
        if not has_diacritics(n):
            return None
        if "_bigrams" not in self.__dict__:  # (built on first use)
            self._respell("")
            self._remark("a", None)
        vocab, bigrams = self.__dict__["_vocab"], self.__dict__["_bigrams"]
        words = n.split()
        if len(words) < 2:
            return None
        out, changed = list(words), False
        for i, w in enumerate(words):
            prev = words[i - 1] if i else None
            nxt = words[i + 1] if i + 1 < len(words) else None

            def fits(x: str) -> bool:
                return bool((prev and bigrams.get((prev, x))) or (nxt and bigrams.get((x, nxt))))

            if not w.isalpha() or fits(w):
                continue
            alts = [a for a in sound_alikes(w) if vocab.get(a) and fits(a)]
            if alts:
                out[i] = max(alts, key=lambda a: (bigrams.get((prev, a), 0) + bigrams.get((a, nxt), 0), a))
                changed = True
        return " ".join(out) if changed else None

    def _remark(self, w: str, prev: str | None) -> str | None:
        """An index word that differs from `w` by its marks only (digits OCR reads for letters set right
        first: `m0` -> mo); chosen by the bigram with the previous word, then by frequency. None when
        `w` has digits and letters mixed in no known way, or no index word folds alike."""
        by_fold = self.__dict__.get("_by_fold")
        if by_fold is None:
            from collections import Counter

            by_fold, bigrams = {}, Counter()
            for t in self.norms:
                ws = t.split()
                for a, b in zip(ws, ws[1:]):
                    bigrams[(a, b)] += 1
            for v in self.__dict__["_vocab"]:
                if v.isalpha() and has_diacritics(v):
                    by_fold.setdefault(fold(v), []).append(v)
            self.__dict__["_by_fold"] = by_fold
            self.__dict__["_bigrams"] = bigrams
        bigrams = self.__dict__["_bigrams"]
        vocab = self.__dict__["_vocab"]
        if not w.isalpha():
            digits = {a: b for a, b in forms_ocr_digits()}
            w = "".join(digits.get(ch, ch) for ch in w)
            if not w.isalpha():
                return None
        if len(w) < 2 or not is_syllable(w):
            return None
        cands = [c for c in by_fold.get(fold(w), ()) if c != w]
        if not cands:
            return None
        return max(cands, key=lambda c: (bigrams.get((prev, c), 0) if prev else 0, vocab[c], c))

    @staticmethod
    def _unglue(w: str, vocab, depth: int = 3) -> str | None:
        """A word that is two or three index words written together, split where the rarer part is most
        frequent (`suythận` -> suy thận, not suyt hận); None when no split makes index words only."""
        best, best_f = None, 0
        for i in range(2, len(w) - 1):
            a, b = w[:i], w[i:]
            fa = vocab.get(a, 0)
            if not fa:
                continue
            fb = vocab.get(b, 0)
            if fb and min(fa, fb) > best_f:
                best, best_f = f"{a} {b}", min(fa, fb)
            elif not fb and depth > 2 and len(b) >= 4:
                rest = TermIndex._unglue(b, vocab, depth - 1)
                if rest:
                    f = min([fa] + [vocab[x] for x in rest.split()])
                    if f > best_f:
                        best, best_f = f"{a} {rest}", f
        return best

    def _title_features(self, code: str) -> frozenset[tuple[str, str]]:
        """Qualifiers written in a code's titles (Vietnamese and English, full forms)."""
        cache = self.__dict__.setdefault("_tf_cache", {})
        got = cache.get(code)
        if got is None:
            by_code = self.__dict__.get("_titles_by_code")
            if by_code is None:
                by_code = {}
                for i, e in enumerate(self.entries):
                    if e.kind in ("title_vi", "title_en"):
                        by_code.setdefault(e.code, []).append(i)
                self.__dict__["_titles_by_code"] = by_code
            got = frozenset().union(*(qualifier_features(self.norms[i]) for i in by_code.get(code, ())))
            cache[code] = got
        return got

    def _family(self, category: str) -> list[str]:
        fam = self.__dict__.get("_families")
        if fam is None:
            fam = {}
            for c in self.titles:
                fam.setdefault(c[:3], []).append(c)
            self.__dict__["_families"] = fam
        return fam.get(category, [])

    # (`part`: a half found alone, `Rung nhĩ paroxysmal` -> I48.0 beside I48.9)
    _QUALIFIED_REASONS = ("qualifier-stripped", "exact", "synonym", "abbreviation", "accent-folded", "part")

    def _qualifiers(self, best: dict[str, tuple[float, str, str]], query: str,
                    reasons: tuple[str, ...] = _QUALIFIED_REASONS) -> None:
        """Keep the mention's stage, type, acuity and side: codes of a proposed category whose titles
        say the same (`Bệnh thận mạn giai đoạn 3` -> N18.3 next to N18.9) join at the category's score,
        then every candidate moves up for each qualifier its titles share with the mention, a little down
        for each they leave out, and far down for each they contradict (stage 5 for stage 3)."""
        want = qualifier_features(norm(query))
        if not want:
            return
        keys = {f for f, _ in want}

        def agreement(code: str, term: str = "") -> tuple[int, int, int]:
            # what the code's titles say, and what the matched term says (a curated `viêm tai giữa cấp`)
            have = self._title_features(code) | (qualifier_features(norm(term)) if term else frozenset())
            have_keys = {f for f, _ in have}
            match = conflict = 0
            for f, v in want:
                if f not in have_keys:
                    continue
                # a feature written twice in titles (`cấp và mạn`) agrees with either value
                if any(g == f and _same_value(w, v) for g, w in have):
                    match += 1
                else:
                    conflict += 1
            return match, conflict, len(keys - have_keys)

        top = sorted(best.items(), key=lambda kv: -kv[1][0])[:10]
        for c, (score, reason, term) in top:
            if reason not in reasons:
                continue
            m0 = agreement(c, term)[0]
            for child in self._family(c[:3]):
                if child in best and best[child][0] >= score:
                    continue
                m, x, _ = agreement(child)
                if m > m0 and not x:  # more specific than the code that proposed it, on the mention's terms
                    best[child] = (score, "qualifier-matched", self.titles.get(child, ""))
        for c, (score, reason, term) in list(best.items()):
            m, x, miss = agreement(c, term if reason != "tfidf" else "")
            new = score + QUALIFIER_MATCH * m + QUALIFIER_CONFLICT * x + QUALIFIER_MISSING * miss
            best[c] = (round(min(1.0, max(0.0, new)), 4), reason, term)

    def _rank(self, best: dict[str, tuple[float, str, str]], k: int) -> list[Candidate]:
        items = sorted(best.items(), key=lambda kv: (-kv[1][0], _REASON_RANK[kv[1][1]], len(kv[0]), kv[0]))
        return [Candidate(code=c, title=self.titles.get(c, ""), score=round(s, 4), reason=r, system=self.system,
                          term=t) for c, (s, r, t) in items[:k]]


# --- building indexes ----------------------------------------------------------------------------------
def _read_tsv(name: str) -> list[dict]:
    with open(resource_path("terminology", name), encoding="utf-8") as f:
        return list(csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"))


# a cross-reference code at the end of a Vietnamese title (`Sởi biến chứng viêm phổi J17.1`, the asterisk code of
# the manifestation; `Vảy nến thể khớp M07.0- M07.3 M09.0`): not words a writer uses
_TRAILING_CODES = re.compile(r"(?:\s+[A-Z]\d{2}\.\d[-\u2013]?[*\u2020]?)+\s*$")


def _title_variants(title: str) -> list[str]:
    out = []
    t = _PAREN.sub("", title).strip()
    t = _TRAILING_CODES.sub("", t).strip() or t
    if t and t != title:
        out.append(t)
    u = _UNSPECIFIED.sub("", t).strip(" ,;")
    if u and u != t:
        out.append(u)
    return out


def _icd_entries(store: IcdStore) -> tuple[list[_Entry], dict[str, str]]:
    entries: list[_Entry] = []
    titles: dict[str, str] = {}
    for c in store.concepts(("category", "subcategory", "extension")):
        if not c.active:
            continue
        titles[c.code] = c.title
        for kind, t in (("title_vi", c.title_vi), ("title_en", c.title_en)):
            if not t:
                continue
            entries.append(_Entry(c.code, t, kind))
            for v in _title_variants(t):
                entries.append(_Entry(c.code, v, kind + "_variant"))
    for row in (_read_tsv("icd10_synonyms.tsv") if USE_SYNONYMS else []):
        first = True
        for code in row["codes"].split("|"):
            code = normalize_code(code)
            if code in titles:
                # the first code that exists in this store is the default; the others rank just below
                kind = row.get("kind") or "synonym"
                entries.append(_Entry(code, row["term"], kind if first else kind + "_alt"))
                first = False
    return entries, titles


def _drug_entries() -> tuple[list[_Entry], dict[str, str]]:
    entries, titles = [], {}
    for r in _read_tsv("drugs.tsv"):
        code = r["atc"] or f"local:{r['id']}"
        titles.setdefault(code, r["name_vi"])
        for kind, t in (("ingredient", r["ingredient"]), ("name_vi", r["name_vi"])):
            entries.append(_Entry(code, t, kind))
        for kind, field in (("brand", "brands"), ("alias", "aliases")):
            for t in filter(None, (r[field] or "").split("|")):
                entries.append(_Entry(code, t, kind))
    return entries, titles


def _lab_entries() -> tuple[list[_Entry], dict[str, str]]:
    entries, titles = [], {}
    for r in _read_tsv("lab_tests.tsv") + _read_tsv("vitals.tsv"):
        code = r["loinc"] or f"local:{r['id']}"
        titles.setdefault(code, r["name_vi"])
        entries.append(_Entry(code, r["name_vi"], "name_vi"))
        entries.append(_Entry(code, r["name_en"], "name_en"))
        for kind, field in (("abbr", "abbreviations"), ("alias", "aliases")):
            for t in filter(None, (r[field] or "").split("|")):
                entries.append(_Entry(code, t, kind))
    return entries, titles


def _fingerprint(system: str, store: IcdStore | None) -> str:
    h = hashlib.sha256(f"{INDEX_VERSION}:{USE_SYNONYMS}".encode())
    names = {"icd10": ["icd10_synonyms.tsv"], "drug": ["drugs.tsv"], "lab": ["lab_tests.tsv", "vitals.tsv"]}[system]
    for name in names + ["query_rewrites.tsv", "abbreviations.tsv", "combinations.tsv"]:
        h.update(resource_path("terminology", name).read_bytes())
    if store is not None:
        h.update(store.fingerprint().encode())
        h.update(str(store.path.resolve()).encode())
    return h.hexdigest()[:16]


_INDEXES: dict[tuple[str, str], TermIndex] = {}
# (system, store path or "") -> index: the fast path once an index is loaded; build() clears it
_CURRENT: dict[tuple[str, str], TermIndex] = {}
_LOCK = threading.Lock()
_WARNED = False


def get_index(system: str = "icd10", store: IcdStore | None = None) -> TermIndex:
    """The (cached) index for a code system; built on first use and pickled into the user cache."""
    global _WARNED
    if system not in SYSTEMS:
        raise ValueError(f"unknown code system {system!r}; use one of: {', '.join(SYSTEMS)}")
    st = (store or open_store()) if system == "icd10" else None
    key = (system, str(st.path) if st is not None else "")
    cur = _CURRENT.get(key)
    if cur is not None:
        return cur
    fp = _fingerprint(system, st)
    with _LOCK:
        idx = _INDEXES.get((system, fp))
        if idx is not None:
            return idx
        path: Path = cache_dir("terminology", "index") / f"{system}-{fp}.pkl"
        if path.exists():
            try:
                with open(path, "rb") as f:
                    idx = pickle.load(f)
            except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError):
                # a stale or broken cache file is rebuilt
                idx = None
        if idx is None:
            if system == "icd10":
                entries, titles = _icd_entries(st)  # type: ignore[arg-type]
            elif system == "drug":
                entries, titles = _drug_entries()
            else:
                entries, titles = _lab_entries()
            idx = TermIndex(system, entries, titles)
            tmp = path.with_suffix(".tmp")
            with open(tmp, "wb") as f:
                pickle.dump(idx, f, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        _INDEXES[(system, fp)] = idx
        _CURRENT[key] = idx
        if system == "icd10" and st is not None and not st.has_vietnamese() and not _WARNED:
            log.warning(BUILD_HINT)
            _WARNED = True
        return idx


def clear_index_cache() -> None:
    with _LOCK:
        _INDEXES.clear()
        _CURRENT.clear()


def codes_in_text(text: str) -> list[str]:
    return [normalize_code(m.group(1)) for m in _CODE_IN_TEXT.finditer(text)]


def code(query: str, system: str = "icd10", k: int = 10, *, context: str | None = None,
         min_confidence: float | None = None) -> list[Candidate]:
    """Rank codes for a mention: `code("tăng huyết áp")[0].code == "I10"`.

    system: "icd10" (ICD-10, Vietnamese + English titles), "drug" (ATC via our ingredient list),
    "lab" (LOINC via our lab test and vital sign lists). Returns at most k candidates, best first, each
    with a calibrated `confidence`; [] when nothing is credible: the best candidate's confidence is
    below `min_confidence` (default: the calibrated abstain threshold; 0 returns every candidate).
    context: the sentence or note around the mention, read only to choose between the expansions of an
    ambiguous abbreviation (when an abbreviation model is set; see `expansion.set_disambiguator`).
    """
    from . import calibration

    if not isinstance(query, str):
        raise TypeError(f"query must be a string, got {type(query).__name__}")
    if k < 1:
        raise ValueError("k must be >= 1")
    if len(query) > MAX_QUERY_CHARS:
        raise ValueError(f"query is {len(query)} characters long; code() takes one mention "
                         f"(at most {MAX_QUERY_CHARS}), use find_codes() or the linker for documents")
    idx = get_index(system)
    found = codes_in_text(query) if system == "icd10" else []
    if system == "icd10" and not found and (says_absent(query) or says_absent(canonical_mention(query) or "")):
        return []  # `No acute distress`, `không có gì đặc biệt`: nothing to code
    cands = [replace(c, confidence=calibration.confidence(c.score, c.reason))
             for c in idx.search(query, k=k, codes_in_text=found, context=context)]
    floor = calibration.threshold(system) if min_confidence is None else min_confidence
    if cands and cands[0].confidence < floor:
        return []
    return cands


def best_code(query: str, system: str = "icd10", *, context: str | None = None,
              min_confidence: float | None = None) -> Candidate | None:
    """The top candidate, or None when nothing is credible (`best_code("biến chứng thận")` is None)."""
    cands = code(query, system=system, k=1, context=context, min_confidence=min_confidence)
    return cands[0] if cands else None
