"""DOSAGE, RESULT and symptom patterns (vocabulary in `resources/clinical/patterns.yaml`).

All patterns run on accent-folded lower-case text, which has the offsets of the input.
- DOSAGE: strengths (`500mg`, `1g`, `40 UI`), counted doses (`1 viên`, `1/2 ống`), frequencies
  (`x 2 lần/ngày`, `ngày 2 lần`, `mỗi 8 giờ`), routes (`uống`, `tiêm tĩnh mạch`, `TMC`). Routes and
  frequencies count only next to a drug or a strength; adjacent parts merge into one span
  (`500mg x 2 lần/ngày`).
- RESULT: values with lab or vital-sign units (`7,8 mmol/L`, `150/90 mmHg`, `95%`, `90 lần/phút`),
  bare values and qualitative findings right after a test (`HA 150/90`, `HBsAg âm tính`).
- SYMPTOM: a pain or sign word, modifiers, a body site and a side (`đau âm ỉ vùng thượng vị`,
  `phù hai chi dưới`, `ran ẩm đáy phổi hai bên`), and fever with its temperature (`sốt cao 39 độ`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


from ..paths import load_yaml, resource_path
from ..text.fold import fold_lower
from ..text.units import units as shared_units
from .lexicon import Entry, TokenTrie, TokenView, split_words

NUM = r"\d+(?:[.,]\d+)?"
_B = r"(?<![\w.,/])"     # left boundary: not inside a word or a number
_E = r"(?![\w])"          # right boundary: not followed by a letter or digit


def _alt(items) -> str:
    folded = sorted({fold_lower(str(x)) for x in items}, key=len, reverse=True)
    return "|".join(re.escape(x).replace(r"\ ", r"\s*") for x in folded)


@dataclass
class Atom:
    start: int
    end: int
    kind: str          # strength, form, freq, route, value, result_word
    unit: str = ""


class PatternRules:
    def __init__(self, path=None):
        d = load_yaml(Path(path or resource_path("clinical", "patterns.yaml")).read_text(encoding="utf-8"))
        for key, use in (("dose_units", "dose"), ("result_units", "result"), ("result_only_units", "result_only")):
            d.setdefault(key, list(shared_units(use)))  # the units table shared with de-identification (resources/units.tsv)
        self.data = d
        rng = NUM + r"(?:\s*(?:-|–|den|toi)\s*" + NUM + r")?"
        self.strength = re.compile(_B + r"(?P<n>" + rng + r")\s*(?P<u>" + _alt(d["dose_units"]) + r")" + _E)
        self.form = re.compile(_B + r"(?:" + rng + r"|\d+/\d+|mot|hai|ba|bon|nua|1/2|1/4)\s*(?:" +
                               _alt(d["dose_forms"]) + r")" + _E)
        self.freq = re.compile("|".join("(?:" + fold_lower(p) + ")" for p in d["frequency"]))
        self.route = re.compile(r"(?<![\w])(?:" + _alt(d["routes"]) + r")" + _E)
        units = _alt(d["result_units"])
        self.value = re.compile(_B + r"(?:[<>≤≥]=?\s*)?(?P<n>\d+(?:[.,]\d+)?(?:/\d+(?:[.,]\d+)?)?"
                                r"(?:\s*(?:-|–)\s*" + NUM + r")?)\s*(?P<u>" + units + r")(?![\w])")
        # a date goes on with another slash (`14/06/2017`, `12/11/2O26`): no ratio
        self.bp = re.compile(_B + r"\d{2,3}/\d{2,3}(?:\s*mmhg)?" + _E + r"(?!/[\dOo])")
        bare = d.get("bare_pressure") or {}
        self.bare_pressure = (tuple(bare.get("systolic") or (0, -1)), tuple(bare.get("diastolic") or (0, -1)))
        self.result_units = {fold_lower(u).replace(" ", "") for u in d["result_units"]}
        self.result_only = {fold_lower(u).replace(" ", "") for u in d["result_only_units"]}
        # units no dose is written in (`g/l`, `mmol/l`, `cơn/10 phút`): a value in one is a reading of a test
        self.reading_units = self.result_units - {fold_lower(u).replace(" ", "") for u in d["dose_units"]}
        self.dose_only = {fold_lower(u).replace(" ", "") for u in d["dose_units"]} - {
            fold_lower(u).replace(" ", "") for u in d["result_units"]}
        self.fever = re.compile(fold_lower(d["fever"]))
        # English `<site> pain` in bilingual notes (`Shoulder pain R`, `left knee swelling`): English puts the site
        # before the complaint, Vietnamese after it (`đau vai P`), so it has its own shape
        es = d.get("english_site_complaints") or {}
        if es:
            alt = lambda xs: "|".join(re.escape(fold_lower(x)).replace(r"\ ", r"[ \t]+")
                                      for x in sorted(xs, key=len, reverse=True))
            self.english_site_complaint = re.compile(
                r"(?<![\w/])(?:(?:" + alt(es["sides"]) + r")[ \t]+)?(?:" + alt(es["sites"]) + r")[ \t]+(?:"
                + alt(es["complaints"]) + r")(?:[ \t]+(?:" + alt(es["sides_after"]) + r"))?(?![\w/])")
            # the complaint words alone, a cheap first test: most notes hold none
            self.english_complaint_words = tuple(fold_lower(x) for x in es["complaints"])
        else:
            self.english_site_complaint = None
        # `ĐMMM (mmol/l): 6h 14,2`, `ĐH 11h 10,1`: a unit in brackets and a clock time may come before the value
        # a side between a test and its value (`ABI P 0,7`, `phản xạ gân xương trái 2+`); the other name of the test
        # in brackets before a lab sheet's column gap or a colon (`AST (GOT)   21`, `eGFR (CKD-EPI)   38`)
        self.bare_value = re.compile(r"\s*(?:(?:ben[ \t]+)?(?:phai|trai|p|t)[ \t]+(?=[:=]?[ \t]*\d))?"
                                     r"(?:\([^()\n\d]{0,8}[/%][^()\n\d]{0,8}\)[ \t]*|\([^\W\d_][^()\n]{0,13}\)(?= {2,}|\t|[ \t]*[:=|])[ \t]*)?"
                                     r"(?:[:=|]|la|khoang|luc vao|ket qua)?\s*[:=]?\s*"
                                     r"(?:\d{1,2} ?h(?:\d{2})?[ \t]+(?=\d))?"
                                     # a comparison belongs to the value (`<50`, `> 1000`); a grade in pluses (`HER2 3+`)
                                     r"(?P<v>(?:[<>≤≥]=?\s*)?\d+(?:[.,]\d+)?(?:/\d+(?:[.,]\d+)?|\+{1,3}(?![\w+]))?)"
                                     r"(?!\d)(?![^\W\d_])(?![\w/.,]\d)"
                                     r"(?!\s*(?:lan|vien|ngay|gio|tuan|thang|phut|nam|tuoi|ong|goi|lo\b|x\b))"
                                     # `2 h` is hours; `12,4   H` a lab table's high flag in a column of its own, and
                                     # so is `8,7 H` when a column gap follows the flag (`HbA1c   8,7 H   4,0 - 6,0`)
                                     r"(?! ?h\b(?! {2,}|\t))")
        # a specimen or sample count, a method in brackets, a table's column bar may sit between test and verdict
        leads = _alt(d.get("verdict_leads") or ["máu"])
        lead = r"\s*(?:(?:" + leads + r")(?![\w])[ \t]*)?(?:\([^()\n]{1,40}\)[ \t]*)?(?:[:=|]|la)?\s*"
        self.verdict = re.compile(lead + r"(?P<v>" + _alt(d["qualitative_results"]) + r")(?![\w])")
        self.qual = re.compile(lead + r"(?P<v>" + _alt(list(d["qualitative_results"]) + list(d.get("level_results") or ()))
                               + r")(?![\w])")
        # a disease right after a clinic, card, programme or doctor word names that service (`phòng khám HIV`,
        # `THẺ ĐIỀU TRỊ LAO`, `phác đồ lao:`, `theo BS Lao`), not the patient's problem
        # (marked forms, folded forms): a word typed with marks must carry the lead's own (`thể` is no `thẻ`)
        self.service_leads = ({tuple(str(x).lower().split()) for x in d.get("service_leads") or ()},
                              {tuple(fold_lower(str(x)).split()) for x in d.get("service_leads") or ()})
        self.reference_leads = ({tuple(str(x).lower().split()) for x in d.get("reference_leads") or ()},
                                {tuple(fold_lower(str(x)).split()) for x in d.get("reference_leads") or ()})
        self.reference_heads = {fold_lower(str(x)) for x in d.get("reference_heads") or ()}
        self.disease_leads = [tuple(fold_lower(x).replace("-", " ").split()) for x in
                              sorted(d.get("test_of_disease_leads") or (), key=lambda x: -len(str(x).split()))]
        # `HP dương tính`, `HIV test nhanh âm tính`: the disease name is what the test looks for
        self.disease_verdict = re.compile(r"[ \t]*(?:(?P<lead>test nhanh|test)[ \t]*)?:?[ \t]*(?:"
                                          + _alt(d.get("disease_test_verdicts") or ["âm tính"]) + r")(?![\w])")
        self.need_value = {fold_lower(x) for x in d["tests_need_value"]}
        gap, said = d.get("value_gap_words") or (), d.get("value_said_words") or ()
        self.said_value_lead = re.compile(r"(?:[ \t]+(?:" + _alt(gap) + r")(?![\w])){0,4}[ \t]+(?:" + _alt(said)
                                          + r")(?![\w])") if said else None
        self.need_number = {str(x) for x in d.get("tests_need_number") or ()}
        self.need_unit = {str(k): ({fold_lower(str(u)).replace(" ", "") for u in v["units"]},
                                   tuple(float(x) for x in v.get("range") or (float("-inf"), float("inf"))))
                          for k, v in (d.get("tests_need_unit") or {}).items()}
        self.side_words = {fold_lower(w).split()[0] for w in d.get("disease_sides") or ()}
        units = _alt(d.get("blood_units") or ["đơn vị"])
        short = "|".join(re.escape(str(x)) for x in d.get("blood_products_short") or ())
        products = _alt(d.get("blood_products") or ["máu"]) + (("|" + short.lower()) if short else "")
        self.blood_product = re.compile(r"[ \t]*(?:" + products + r")(?![\w])")
        # folded text: `truyền 1 đv khối HC` -> `truyen 1 dv khoi hc`
        self.transfusion = re.compile(r"(?<![\w])truyen[ \t]+(?:\d+|mot|hai|ba|bon)[ \t]*(?:" + units + r")[ \t]+(?:khoi[ \t]+)?(?:(?:"
                                      + products + r")(?:[ \t]+(?:khoi|" + products + r"))?)(?![\w])")
        self.test_quals = _trie(d.get("test_qualifiers") or [], "QUAL")
        self.proc_quals = _trie(d.get("procedure_qualifiers") or [], "QUAL")
        self.panel_tests = {str(x) for x in d.get("panel_tests") or ()}
        self.allergy_heads = frozenset(fold_lower(str(x)) for x in d.get("allergy_heads") or ())
        self.facility_heads = frozenset(fold_lower(str(x)) for x in d.get("facility_heads") or ())
        self.facility_tails = frozenset(fold_lower(str(x)) for x in d.get("facility_tails") or ())
        self.panel_headings = {fold_lower(str(x)) for x in d.get("panel_headings") or ()}
        # a question asked without its mark: the clause ends with a question particle, then maybe who is asked
        # (`co sot ko`, `di ngoai dc ko e`, `có khó thở không em`); matched on folded text
        parts, asked = d.get("question_particles") or (), d.get("question_addressees") or ()
        # a tag that asks for a confirmation (`tiền sử COPD phải không`) states the problem; a check
        # (`xem có đúng ĐTĐ không`) is a plan, not a question to the patient: both keep their mentions
        confirm, checks = d.get("question_confirm_words") or (), d.get("question_check_leads") or ()
        self.question_tail = re.compile(
            r"(?<![\w])" + (r"(?<!" + r")(?<!".join(f"{re.escape(fold_lower(str(x)))} " for x in confirm) + r")" if confirm else "")
            + r"(?:" + _alt([fold_lower(str(x)) for x in parts]) + r")(?:[ \t]+(?:"
            + _alt([fold_lower(str(x)) for x in asked] or ["em"]) + r"))*[ \t]*$") if parts else None
        self.question_check = re.compile(r"(?<![\w])(?:" + _alt([fold_lower(str(x)) for x in checks]) + r")(?![\w])") \
            if checks else None
        conts = [fold_lower(str(x)) for x in d.get("dose_continuations") or ()]
        self.dose_continuation = re.compile(r"[ \t]*,?[ \t]*(?:" + "|".join(
            re.escape(x).replace(r"\ ", r"[ \t]+") for x in sorted(conts, key=len, reverse=True)) + r")[ \t]*") if conts else None
        self.agent_heads = {fold_lower(str(x)) for x in d.get("disease_agent_heads") or ()}
        # {folded link word: labels it joins}
        self.cause_link = {fold_lower(str(k)): frozenset(v) for k, v in (d.get("disease_cause_links") or {}).items()}
        self.report_titles = tuple(fold_lower(str(x)) for x in d.get("report_titles") or ())
        self.report_tests = tuple(fold_lower(str(x)) for x in (d.get("finding_tests") or []) + (d.get("report_tests") or []))
        self.report_body = _trie(d.get("report_body_labels") or [], "BODY")
        self.finding_tests = tuple(sorted({fold_lower(str(x)) for x in d.get("finding_tests") or ()}, key=len, reverse=True))
        self.pending = re.compile(r"(?:" + _alt(d.get("pending_findings") or ["chờ kết quả"]) + r")(?![\w])")
        self.target_lead = re.compile(r"(?<![\w])(?:" + _alt(d.get("target_leads") or ["mục tiêu"]) + r")[ \t]*(?:[:=]|[^\W\d_]+)?[ \t]*"
                                      r"(?:[<>≤≥]=?[ \t]*)?$")
        quals = d.get("disease_test_qualifiers") or ()
        self.disease_test_qualifier = re.compile(r"[ \t]*(?:" + "|".join(re.escape(str(q)) for q in quals)
                                                 + r")[ \t]*\((?:\+{1,3}|-)\)") if quals else None
        self.negative_finding = re.compile(r"(?:" + _alt(d.get("negative_finding_leads") or ["không thấy"]) + r")(?![\w])")
        # the next reading of a series (`6h 14,2, 11h 16,8, 17h 15,1`)
        self.next_reading = re.compile(r"[ \t]*[,;][ \t]*\d{1,2} ?h(?:\d{2})?[ \t]+(?P<v>\d+(?:[.,]\d+)?)(?![\w/.,]\d)(?![^\W\d_])")
        # an earlier value in brackets after a result (`PHQ-9 11 (lần 1: 19)`, `CRP 41 mg/l (N1: 96)`,
        # `ALT 61 U/L (vào viện 112)`, `1.250 copies/ml (04/2026: KPH)`)
        value = (r"(?P<v>(?:[<>≤≥][ \t]*)?\d+(?:[.,]\d+)*(?:/\d+(?:[.,]\d+)?)?(?:[ \t]*(?:" + units + r"))?"
                 r"|kph|kphd|am tinh|duong tinh)[ \t]*\)")
        # a label and a colon (`lần 1:`, `N1:`, `04/2026:`), or a label of words and a space (`vào viện 112`);
        # `(ngày 5)`, `(N2)`, `(P45)` are days and percentiles, no reading
        self.earlier = re.compile(r"[ \t]*\([ \t]*(?:[^()\n\d:,;]{1,16}?[ \t]*#?\d{0,2}|\d{1,2}/\d{2,4})[ \t]*:[ \t]*" + value)
        self.earlier_words = re.compile(r"[ \t]*\([ \t]*(?!ngay\b|n\b)[^\W\d_]{2,}(?:[ \t]+[^\W\d_]+){0,2}[ \t]+" + value)
        self.titre = re.compile(r"[ \t]*(?:\d+\s*/\s*\d+|\d+\s*\+)(?![\w/])")   # `dương tính 1/800`
        self.generic_procedures = {fold_lower(x) for x in d.get("generic_procedures") or ()}
        timing = d.get("value_timing_words") or ()
        self.value_timing = re.compile(r"[ \t]+(?:" + _alt([fold_lower(str(x)) for x in timing])
                                       + r")(?:[ \t]+\d{1,2}[ \t]*(?:h|gio)\b)?(?=[ \t:=]*[\d<>])") if timing else None
        leads = d.get("relative_care_leads") or ()
        self.relative_care_lead = re.compile(r"(?<![\w])(?:" + _alt([fold_lower(str(x)) for x in leads]) + r")[ \t]*$") \
            if leads else None
        # as written in lower case (`chồng` is no `chống`) and folded (for text typed without marks), ending where the
        # condition starts
        leads = [str(x).lower() for x in d.get("purpose_leads") or ()]
        marks = {str(x).lower() for x in d.get("purpose_leads_need_marks") or ()}
        written = "|".join(re.escape(x).replace(r"\ ", r"[ \t]+") for x in sorted(set(leads), key=len, reverse=True))
        self.purpose_lead = re.compile(r"(?<![\w])(?:" + written + r")[ \t]+(?=\w)", re.IGNORECASE) if leads else None
        folded = [fold_lower(x) for x in leads if x not in marks]
        self.purpose_lead_folded = re.compile(r"(?<![\w])(?:" + _alt(folded) + r")[ \t]+(?=\w)") if folded else None
        self.ambiguous_bare = {fold_lower(x) for x in d.get("ambiguous_without_diacritics") or ()}
        self.verb_like_bare = {fold_lower(x) for x in d.get("verb_like_without_diacritics") or ()}
        self.not_before = {fold_lower(k): {tuple(fold_lower(w).split()) for w in v}
                           for k, v in (d.get("not_before") or {}).items()}
        self.not_after = {fold_lower(k): {tuple(fold_lower(w).split()) for w in v}
                          for k, v in (d.get("not_after") or {}).items()}

        # symptom pattern tries
        self.triggers = _trie(d["pain_triggers"], "TRIGGER")
        self.modifiers = _trie(d["pain_modifiers"], "MOD")
        self.preps = _trie(d["site_prepositions"], "PREP")
        self.sides = _trie(d["laterality"], "SIDE")
        sites: list[str] = []
        for line in resource_path("clinical", "body_parts.tsv").read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            sites += [s.strip() for s in line.strip().split("|") if s.strip()]
        self.sites = _trie(sites, "SITE")

    def blocked(self, keys: list[str], i: int, j: int) -> bool:
        """A match that is part of another word (`lao động`, `quyết liệt`) or of advice (`cho uống nhiều nước`)."""
        k = keys[i] if j - i == 1 else " ".join(keys[i:j])
        after = self.not_before.get(k)
        if after and any(tuple(keys[j:j + len(w)]) == w for w in after):
            return True
        before = self.not_after.get(k)
        return bool(before) and any(i >= len(w) and tuple(keys[i - len(w):i]) == w for w in before)

def _trie(items, label: str) -> TokenTrie:
    t = TokenTrie()
    for x in items:
        w = split_words(str(x))
        if w:
            t.add(Entry(label, str(x), w, exact=False))
    return t


@lru_cache(maxsize=1)
def default_patterns() -> PatternRules:
    return PatternRules()


def _longest(trie: TokenTrie, view: TokenView, i: int) -> int:
    """End token index of the longest trie entry at i (i when none)."""
    if i >= len(view.keys) or view.keys[i] not in trie.root:
        return i
    m = trie.longest_at(view.words, view.keys, i, view.acc)
    return m.end if m else i


def extend_site(p: PatternRules, view: TokenView, j: int, max_mods: int = 3) -> int:
    """After a symptom ending at token j: modifiers, a preposition, a body site, a side -> new end."""
    n = len(view.keys)

    def site_at(k: int) -> int:
        k2 = _longest(p.preps, view, k)
        k3 = _longest(p.sites, view, k2)
        if k3 == k2:
            k3 = _longest(p.sites, view, k)
        return k3 if k3 > k else k

    # a site right away wins over a modifier reading (`đau mạn sườn`: `mạn` is no `chronic` here)
    k3 = site_at(j)
    if k3 == j:
        k = j
        for _ in range(max_mods):
            e = _longest(p.modifiers, view, k)
            if e == k:
                break
            k = e
        k3 = site_at(k) if k > j else j
        if k3 == k:
            side = _longest(p.sides, view, j)     # `ran ẩm đáy phổi` + `hai bên`
            return side if side > j and not view.line_break_before[j] else j
    if any(view.line_break_before[x] for x in range(j, k3)):
        return j
    end = k3
    e = _longest(p.sides, view, end)
    if e > end and not any(view.line_break_before[x] for x in range(end, e)):
        end = e
    return end if end <= n else j


def symptom_patterns(p: PatternRules, view: TokenView) -> list[tuple[int, int]]:
    """Token ranges of `TRIGGER MOD* PREP? SITE SIDE?` symptoms."""
    out = []
    keys = view.keys
    n = len(keys)
    roots = p.triggers.root
    i = 0
    while i < n:
        if keys[i] not in roots:
            i += 1
            continue
        e = _longest(p.triggers, view, i)
        if e > i:
            end = extend_site(p, view, e)
            if end > e:
                out.append((i, end))
                i = end
                continue
        i += 1
    return out


def english_site_complaint_spans(p: PatternRules, folded: str) -> list[tuple[int, int]]:
    """`Shoulder pain R`, `left knee swelling` (patterns.yaml english_site_complaints)."""
    if p.english_site_complaint is None or not any(w in folded for w in p.english_complaint_words):
        return []
    return [(m.start(), m.end()) for m in p.english_site_complaint.finditer(folded)]


def fever_spans(p: PatternRules, folded: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in p.fever.finditer(folded)]


_ZONE_END = re.compile(r"[.;!?\n]")


def dosage_atoms(p: PatternRules, folded: str, anchors: list[int] = ()) -> list[Atom]:
    """Dosage parts. Strengths anywhere; counted doses, frequencies and routes only in the clause
    after a drug or a strength (`anchors`: their start offsets), which is also much faster."""
    atoms: list[Atom] = []
    for m in p.strength.finditer(folded):
        atoms.append(Atom(m.start(), m.end(), "strength", m.group("u").replace(" ", "")))
    zones: list[list[int]] = []
    for a in sorted(list(anchors) + [x.start for x in atoms]):
        m = _ZONE_END.search(folded, a, a + 160)
        end = m.start() if m else min(len(folded), a + 160)
        if zones and a <= zones[-1][1]:
            zones[-1][1] = max(zones[-1][1], end)
        else:
            zones.append([a, end])
    for zs, ze in zones:
        for m in p.form.finditer(folded, zs, ze):
            atoms.append(Atom(m.start(), m.end(), "form"))
        for m in p.freq.finditer(folded, zs, ze):
            seg = folded[m.start():m.end()]
            if seg.strip():
                atoms.append(Atom(m.start() + len(seg) - len(seg.lstrip()), m.end(), "freq"))
        for m in p.route.finditer(folded, zs, ze):
            atoms.append(Atom(m.start(), m.end(), "route"))
    return atoms


def result_atoms(p: PatternRules, folded: str) -> list[Atom]:
    atoms = []
    for m in p.value.finditer(folded):
        atoms.append(Atom(m.start(), m.end(), "value", m.group("u").replace(" ", "")))
    for m in p.bp.finditer(folded):
        atoms.append(Atom(m.start(), m.end(), "value", "mmhg" if "mmhg" in m.group(0) else "ratio"))
    return atoms


def pressure_shaped(p: PatternRules, folded: str, start: int, end: int) -> bool:
    """`180/100` written alone reads as a blood pressure (patterns.yaml bare_pressure): both numbers in range, the first
    larger by more than 10, no comparison sign or bracket before it (`< 130/80`, `RH (150/75)`)."""
    m = re.match(r"(\d+)/(\d+)", folded[start:end])
    if not m:
        return False
    (s_lo, s_hi), (d_lo, d_hi) = p.bare_pressure
    sys_, dia = int(m.group(1)), int(m.group(2))
    before = folded[max(0, start - 3):start].strip()
    return (s_lo <= sys_ <= s_hi and d_lo <= dia <= d_hi and sys_ > dia + 10
            and not (before and before[-1] in "<>≤≥(=/"))
