"""Load the clinical lexicons (plain TSV files in `resources/clinical/`) into one token trie.

DISEASE diseases.tsv (+ ICD-10 hints), SYMPTOM symptoms.tsv, DRUG drugs.tsv + drug_brands.tsv + drug_classes.tsv
(drug_generic.tsv: words that name no drug, matched and never reported), TEST
tests.tsv, PROCEDURE procedures.tsv. When the terminology room ships its own drug and lab-test lists
(`resources/terminology/drugs.tsv`, `lab_tests.tsv`) their names are added too. Abbreviations are
synonyms in the lists; `vimednlp.text.abbreviations`, when present, adds expansions at match time.
"""
from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from ..paths import resource_path
from .lexicon import Entry, TokenTrie, split_words, token_key

log = logging.getLogger(__name__)

# equal-length matches of one surface form: the higher wins (`vàng da sơ sinh` is a disease)
PRIORITY = {"DRUG": 5, "DISEASE": 4, "SYMPTOM": 3, "PROCEDURE": 2, "TEST": 1}


def _rows(path: Path) -> Iterator[list[str]]:
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            yield line.rstrip("\n").split("\t")


def _syns(cell: str) -> list[str]:
    return [s.strip() for s in cell.split("|") if s.strip()]


def iter_lexicon(root: Path | None = None) -> Iterator[tuple[str, str, str, dict]]:
    """(label, surface form, concept, attrs) for every term of every list."""
    root = root or resource_path("clinical")
    for row in _rows(root / "diseases.tsv"):
        concept, icd = row[0], (row[1] if len(row) > 1 else "")
        attrs = {"icd10_hint": icd} if icd else {}
        for term in [concept] + _syns(row[2] if len(row) > 2 else ""):
            yield "DISEASE", term, concept, attrs
    for row in _rows(root / "symptoms.tsv"):
        for term in [row[0]] + _syns(row[1] if len(row) > 1 else ""):
            yield "SYMPTOM", term, row[0], {}
    for row in _rows(root / "drugs.tsv"):
        ing, atc = row[0], (row[1] if len(row) > 1 else "")
        attrs = {"ingredient": ing, "atc_group": atc}
        for term in [ing] + _syns(row[2] if len(row) > 2 else ""):
            yield "DRUG", term, ing, attrs
    for row in _rows(root / "drug_brands.tsv"):
        yield "DRUG", row[0], row[1], {"ingredient": row[1], "brand": True}
    for row in _rows(root / "drug_classes.tsv"):
        for term in [row[0]] + _syns(row[1] if len(row) > 1 else ""):
            yield "DRUG", term, row[0], {"drug_class": row[0]}
    # generic medication words (`kháng sinh`, `thuốc nam`): matched so no word inside takes a label, never reported
    for row in _rows(root / "drug_generic.tsv"):
        for term in [row[0]] + _syns(row[1] if len(row) > 1 else ""):
            yield "DRUG", term, row[0], {"generic": True}
    for name, label in (("tests.tsv", "TEST"), ("procedures.tsv", "PROCEDURE")):
        for row in _rows(root / name):
            for term in [row[0]] + _syns(row[1] if len(row) > 1 else ""):
                yield label, term, row[0], {}
    for row in _rows(root / "english.tsv"):
        if len(row) < 3 or row[0] not in PRIORITY:
            raise ValueError(f"english.tsv: bad row {row[:1]!r} (label<TAB>term<TAB>concept, a clinical label)")
        yield row[0], row[1], row[2], {"lang": "en"}
    yield from _terminology_lists()
    yield from _terminology_english()
    yield from _icd10_titles()


# English ICD-10 synonyms too short or too common to be a mention alone (`tb` is also trung bình / tiêm bắp)
_EN_SKIP = {"tb", "boil", "piles", "burn", "shock", "flu"}


def _terminology_english() -> Iterator[tuple[str, str, str, dict]]:
    """English disease and symptom names of the terminology room's ICD-10 synonyms (kind `en`): an R code is a
    SYMPTOM (`chest pain` R07.4), any other a DISEASE (`hypertension` I10)."""
    path = resource_path("terminology", "icd10_synonyms.tsv")
    if not path.exists():
        return
    try:
        with open(path, encoding="utf-8") as f:
            lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
        for rec in csv.DictReader(lines, delimiter="\t"):
            term, codes = (rec.get("term") or "").strip(), (rec.get("codes") or "").strip()
            if rec.get("kind") != "en" or not term or not codes or term.lower() in _EN_SKIP:
                continue
            code = codes.split("|")[0]
            # `from: icd10`: the curated lists (english.tsv included) decide the label of a name they know
            yield ("SYMPTOM" if code.startswith("R") else "DISEASE"), term, term, {"icd10_hint": code, "lang": "en",
                                                                                  "from": "icd10"}
    except (OSError, csv.Error) as e:  # their file, their format: never break extraction
        log.warning("could not read icd10_synonyms.tsv (%s); English disease names left out", type(e).__name__)


# columns of the terminology room's lists that hold names (see resources/terminology/SOURCE.md)
_TERM_COLUMNS = {"drugs.tsv": ("DRUG", ("ingredient", "name_vi", "brands", "aliases"), ("atc",)),
                 "lab_tests.tsv": ("TEST", ("name_vi", "abbreviations", "aliases", "name_en"), ("loinc",))}


def _terminology_lists() -> Iterator[tuple[str, str, str, dict]]:
    """Names from the terminology room's drug and lab-test lists, when they exist."""
    for name, (label, name_cols, attr_cols) in _TERM_COLUMNS.items():
        path = resource_path("terminology", name)
        if not path.exists():
            continue
        try:
            with open(path, encoding="utf-8") as f:
                lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
            for rec in csv.DictReader(lines, delimiter="\t"):
                concept = rec.get(name_cols[0]) or ""
                if not concept:
                    continue
                attrs = {k: rec[k] for k in attr_cols if rec.get(k)}
                if label == "DRUG":
                    attrs["ingredient"] = concept
                for col in name_cols:
                    for term in _syns(rec.get(col) or ""):
                        yield label, term, concept, attrs
        except (OSError, csv.Error) as e:  # their file, their format: never break extraction
            log.warning("could not read %s (%s); using the clinical lists only", name, type(e).__name__)


_PAREN = re.compile(r"\s*[\(\[][^)\]]*[\)\]]")


# external causes (V01-Y98: `Ngã cầu thang`) and encounters (Z00-Z99: `Đo huyết áp`, `Khám sức khỏe`) are no problem
# a note names: `em đo huyết áp` is a measurement
_NOT_PROBLEM_CHAPTERS = frozenset("VWXYZ")


def _icd10_titles() -> Iterator[tuple[str, str, str, dict]]:
    """Vietnamese ICD-10 titles from the user's terminology store, when one was built with them.

    Nothing is vendored (GNU Health's translation is GPL); the store lives in the user cache
    (`vimednlp terminology build --source gnuhealth|moh`). Titles are used without their bracketed
    qualifiers and only when short enough to be written in a note (<= 8 syllables).
    """
    try:
        from ..terminology.store import open_store, store_path

        if not store_path().exists():
            return
        st = open_store()
        if not st.has_vietnamese():
            return
        for c in st.concepts(levels=("category", "subcategory")):
            if not c.title_vi or c.code[:1] in _NOT_PROBLEM_CHAPTERS:
                continue
            title = _PAREN.sub("", c.title_vi).strip(" ,.;")
            if title and "," not in title and len(split_words(title)) <= 8:
                # chapter XVIII (R00-R99) holds symptoms and signs
                label = "SYMPTOM" if c.code.startswith("R") else "DISEASE"
                yield label, title, title, {"icd10_hint": c.code, "from": "icd10"}
    except Exception as e:  # noqa: BLE001 - an optional source must never break extraction
        log.warning("ICD-10 titles not used (%s)", type(e).__name__)


def _abbreviation_entries(trie: TokenTrie) -> Iterator[Entry]:
    """Unambiguous abbreviations of `vimednlp.text.abbreviations` whose expansion is a lexicon term."""
    try:
        from ..text.abbreviations import abbreviations
    except ImportError:  # pragma: no cover - the text room is part of the package
        return
    for a in abbreviations().values():
        if a.ambiguous or not a.expansion:
            continue
        words = split_words(a.expansion)
        keys = [token_key(w) for w in words]
        m = trie.longest_at(words, keys, 0, True)
        if m is None or m.end != len(words):
            continue
        abbr_words = split_words(a.abbr)
        if abbr_words:
            e = m.entry
            yield Entry(e.label, e.concept, abbr_words, {**e.attrs, "abbreviation_of": a.expansion}, e.priority)


@lru_cache(maxsize=1)
def _word_abbreviations() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """(folded words, abbreviation words) from `word_abbreviations.tsv`."""
    out = []
    for line in resource_path("clinical", "word_abbreviations.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        words, abbr = line.split("\t")[:2]
        out.append((tuple(token_key(w) for w in split_words(words)), tuple(split_words(abbr))))
    return tuple(out)


def _word_abbreviation_entries(entries: list[Entry]) -> Iterator[Entry]:
    """Disease and symptom names with a phrase of `word_abbreviations.tsv` written as its abbreviation (`RL giấc ngủ`,
    `RL sử dụng CDTP`): every name holding the phrase, with one or all of its phrases shortened."""
    table = _word_abbreviations()
    if not table:
        return
    for e in entries:
        if e.label not in ("DISEASE", "SYMPTOM") or len(e.words) < 2:
            continue
        keys = tuple(token_key(w) for w in e.words)
        variants = [(tuple(e.words), keys)]
        for phrase, abbr in table:
            n = len(phrase)
            for words, ks in list(variants):
                i = next((k for k in range(len(ks) - n + 1) if ks[k:k + n] == phrase), -1)
                if i >= 0 and len(ks) > n:
                    variants.append((words[:i] + abbr + words[i + n:], ks[:i] + abbr + ks[i + n:]))
        for words, _ in variants[1:]:
            yield Entry(e.label, e.concept, words, {**e.attrs, "abbreviation_of": " ".join(e.words)}, e.priority)


_DOSE_NUMBER = re.compile(r"(?<![\w/])\d+(?:[.,]\d+)?(?=\s|$)")


@lru_cache(maxsize=1)
def lexicon_trie() -> TokenTrie:
    trie = TokenTrie()
    seen: set[tuple[str, tuple[str, ...]]] = set()
    curated: set[tuple[str, ...]] = set()
    added: list[Entry] = []
    for label, term, concept, attrs in iter_lexicon():
        words = split_words(term)
        if not words or (label, words) in seen:
            continue
        folded = tuple(token_key(w) for w in words)
        if attrs.get("from") == "icd10":
            if folded in curated:
                continue  # the curated lists decide the label of a name they know
        else:
            curated.add(folded)
        if label == "DRUG" and len(words) > 1 and _DOSE_NUMBER.search(term):
            continue  # `Aspirin 81`: the number belongs to the dose (`TDF/3TC/DTG` keeps its `3TC`)
        seen.add((label, words))
        added.append(Entry(label, concept, words, attrs, PRIORITY.get(label, 0)))
        trie.add(added[-1])
    for e in list(_abbreviation_entries(trie)) + list(_word_abbreviation_entries(added)):
        key = (e.label, e.words)
        if key not in seen:
            seen.add(key)
            trie.add(e)
    return trie


def lexicon_size() -> dict[str, int]:
    """Distinct surface forms and concepts per label (for docs and tests)."""
    terms: dict[str, set] = {}
    concepts: dict[str, set] = {}
    for label, term, concept, _ in iter_lexicon():
        terms.setdefault(label, set()).add(term.lower())
        concepts.setdefault(label, set()).add(concept.lower())
    return {**{f"{k}_terms": len(v) for k, v in terms.items()},
            **{f"{k}_concepts": len(v) for k, v in concepts.items()}}


@lru_cache(maxsize=None)  # one entry per label: callers ask for TEST, DRUG and SYMPTOM in turn
def surfaces(label: str) -> frozenset[str]:
    """Folded lower-case surface forms of one label (`glucose` is both a DRUG and a TEST)."""
    out = set()
    for lab, term, _, _ in iter_lexicon():
        if lab == label:
            out.add(" ".join(token_key(w) for w in split_words(term)))
    return frozenset(out)
