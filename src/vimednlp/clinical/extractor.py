"""Rule-based clinical extraction: lexicon + patterns -> spans; sections; ConText assertions.

`ClinicalExtractor.extract(text)` is what `vimednlp.extract()` runs; the spaCy components in
`component.py` call the same methods, so both give the same spans.
"""
from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from ..overlap import resolve
from ..schema import ASSERTION_LABELS, ASSERTIONS, CLINICAL_LABELS, Span
from ..text.alignment import apply_edits
from ..text.fold import fold_lower
from .context import ConText, Target, default_rules, reconcile
from .lexicon import Entry, Match, TokenView, has_marks, split_words, token_key
from .patterns import (
    PatternRules,
    _longest,
    default_patterns,
    dosage_atoms,
    extend_site,
    english_site_complaint_spans,
    fever_spans,
    pressure_shaped,
    result_atoms,
    symptom_patterns,
)
from .resources import PRIORITY, lexicon_trie, surfaces
from .sections import Section, find_sections, section_at
from .spoken import chat_edits, value_edits

MAX_CHARS = 2_000_000
_CLAUSE_BREAK = re.compile(r"[.;!?\n]")
_TEST_PREFIXES = {("xet", "nghiem"), ("dinh", "luong"), ("do", "luong"), ("test", "nhanh")}
# `XQ ngực: ...`, `Khí máu động mạch lúc vào: ...`, `MRI sọ não kiểm tra: ...` (a time or repeat word before `:`)
_FINDING = re.compile(r"(?:[ \t]+(?:lúc vào viện|lúc vào|khi vào viện|khi vào|kiểm tra|lần \d+|lần đầu|trước mổ|sau mổ"
                      r"|ngày \d+|sau \d+\s*(?:giờ|h|ngày)|hiện tại|P|T|phải|trái|lam máu|máu|đờm|nước tiểu))?[ \t]*:[ \t]*(?P<f>[^.;\n:]{3,120})(?=[.;\n]|$)")
_FINDING_LOOSE = re.compile(r"(?:[ \t]+[^\s:;.,()]+){0,4}[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*:[ \t]*"
                            r"(?P<f>[^.;\n:]{3,120})(?=[.;\n]|$)")
_LINE_LEAD = re.compile(r"^[\s\-–•*+>]*$")
_DEPARTMENT = {"khoa"}
_DOSE_JOIN = re.compile(r"^[ \t x×*()\-–=~≈]*$")   # parts on different lines stay apart; `15 mg/kg/lần (~160 mg)`
_COLUMN_GAP = re.compile(r" {2,}|\t")              # prescription columns: strength | quantity | instructions
_QUANTITY_LEAD = re.compile(r"(?: {2,}|\t)(?:(?:x|sl|so luong)\s*:?\s*)?$")   # `   30 viên   `, `  SL: 14v`
_QUANTITY_TAIL = re.compile(r"(?: {2,}|\t|[ \t]*$|[ \t]*\n)")
_TIME_ONLY = re.compile(r"(?:(?:uong|tiem|dung|vao|buoi|va|,|-)\s*)*(?:sang|trua|chieu|toi)(?:[\s,\-]*(?:va\s*)?(?:sang|trua|chieu|toi))*")
_LOST_VOLUME = re.compile(r"(?:mat mau|mau mat|luong mau|luong dich|dich dan luu|nuoc tieu|khoang|(?<!\w)ra|hut ra|thao ra|(?<!\w)tieu|tieu duoc)\W*(?:\w+\W+){0,2}$")
_CONCENTRATION = re.compile(r"[ \t]*\d+(?:[.,]\d+)?[ \t]*%")   # `NaCl 0,9%`, `Glucose 5%`, `Permethrin 5%`
_SOURCE_PRIORITY = {"lexicon": 3, "pattern": 2, "tagger": 1}


@dataclass
class _Cand:
    start: int          # char offsets
    end: int
    label: str
    source: str
    attrs: dict[str, Any]
    priority: int = 0

    @property
    def length(self) -> int:
        return self.end - self.start


def _check_text(text: Any) -> str:
    if not isinstance(text, str):
        raise TypeError(f"extract() takes a str, got {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise ValueError(f"text too long: {len(text)} characters (limit {MAX_CHARS}); split it into documents")
    return text


def _check_labels(labels: Iterable[str] | None) -> frozenset[str]:
    if labels is None:
        return frozenset(CLINICAL_LABELS)
    labels = frozenset(labels)
    unknown = labels - set(CLINICAL_LABELS)
    if unknown:
        raise ValueError(f"unknown clinical labels {sorted(unknown)}; known: {', '.join(CLINICAL_LABELS)}")
    return labels


def _UNIT_VALUE_AFTER(p, folded: str, pos: int) -> bool:
    """`Mạch 90 lần/phút`, `Mạch: 90 l/p`: a value with a measuring unit follows (skipping `:` / `=`)."""
    m = _VALUE_LEAD.match(folded, pos)
    v = p.value.match(folded, m.end()) if m else None
    return bool(v) and v.group("u").replace(" ", "") in p.result_units


def _default_negative_finding() -> re.Pattern:
    return default_patterns().negative_finding


_FINDING_DOUBT = re.compile(r"\b(?:nghi|td|theo doi|co the|kha nang|loai tru|\?)")
_CONDITIONAL = re.compile(r"(?<![\w])neu(?![\w])")


def _in_conditional(text: str, pos: int) -> bool:
    """`nếu` earlier in the same sentence (sentence ends: . ! ? ; line break)."""
    start = max(text.rfind(c, 0, pos) for c in ".!?;\n") + 1
    return bool(_CONDITIONAL.search(fold_lower(text[start:pos])))

_COMPARISON_BEFORE = re.compile(r"[<>≤≥]=?[ \t]*$")


def _conditional_threshold(text: str, folded: str, pos: int) -> bool:
    """A value after a comparison sign in a sentence with `nếu` (`Nằm sấp nếu P/F < 150`, `tăng liều nếu PHQ-9 không
    giảm ≥ 50%`): a threshold of the plan, no measured value."""
    return (folded[pos:pos + 1] in ("<", ">", "≤", "≥") and pos < len(folded)
            or bool(_COMPARISON_BEFORE.search(folded, max(0, pos - 4), pos))) and _in_conditional(text, pos)


_VALUE_NEXT = re.compile(r"[ \t]*[:=]?[ \t]*[\d(<>≤≥]")
_VALUE_LEAD = re.compile(r"[ \t]*[:=|]?[ \t]*")


def _said_value(p, folded: str, pos: int) -> bool:
    """A value told a few words after its test (`nhiệt độ ở nách được 38,5`; patterns.yaml value_said_words)."""
    m = p.said_value_lead.match(folded, pos) if p.said_value_lead else None
    return bool(m) and bool(p.bare_value.match(folded, m.end()) or _UNIT_VALUE_AFTER(p, folded, m.end()))


def _verb_like_yields(trie, view: TokenView, matches: list, verbs: set[str]) -> list:
    """A match typed without marks that opens with a verb-like syllable (`bi tieu` of `bi tieu duong`) gives way to
    the match that starts on its next syllable and reaches further (`tieu duong`)."""
    keys, words = view.keys, view.words
    out = []
    for m in matches:
        if m.end - m.start >= 2 and keys[m.start] in verbs and words[m.start] == keys[m.start]:
            other = trie.longest_at(words, keys, m.start + 1, view.acc[m.start + 1])
            if other is not None and other.end > m.end:
                out.append(other)
                continue
        out.append(m)
    return out


_MONTH_YEAR = re.compile(r"(?:\d{1,2}/)?(?:0?[1-9]|1[0-2])/(?:19|20)\d{2}|(?:19|20)\d{2}|(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])/\d{2}")
_DAY_MONTH = re.compile(r"(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])")


def _date_shaped(text: str, s: int, e: int) -> bool:
    """A value that is a date: a month and year (`09/2026`), a year alone (`2021`), a full date, or a day and month
    framed as one (`(07/12)`, `09/12:`); `4/10`, `120/80` stay values."""
    v = text[s:e]
    if _MONTH_YEAR.fullmatch(v):
        return True
    if _DAY_MONTH.fullmatch(v):
        before, after = text[max(0, s - 1):s], text[e:e + 1]
        return (before == "(" and after == ")") or after == ":"
    return False


_GLUED_WORD = re.compile(r"[ \t]+[^\W\d_]+(?:[ \t]+[^\W\d_]+)?")
_SERVICE_CHAIN = re.compile(r"[ \t]*[/\-–+&][ \t]*")


def _after_lead(view: TokenView, i: int, leads: tuple[set, set]) -> bool:
    """Whether one of `leads` ((marked, folded) word tuples) ends right before token i on the same line; words
    typed without marks compare folded."""
    marked, folded = leads
    for n in range(1, 5):
        if i - n < 0 or any(view.line_break_before[k] for k in range(i - n + 1, i + 1)):
            break
        words = view.words[i - n:i]
        if tuple(w.lower() for w in words) in marked or \
                (tuple(view.keys[i - n:i]) in folded and not any(has_marks(w) for w in words)):
            return True
    return False


def _speaker_name(text: str, view: TokenView, i: int) -> bool:
    """A word typed without marks, capitalised, right before a colon and after another capitalised word of the same
    line: the name in a chat sender's label (`Me Bong:`, `DD Hang:`), never a disease or a sign."""
    w = view.words[i]
    if view.acc[i] or not i or view.line_break_before[i] or len(w) < 2 or not w[0].isupper() or not w[1:].islower():
        return False
    if text[view.tokens.spans[i][1]:view.tokens.spans[i][1] + 1] != ":":
        return False
    prev = view.words[i - 1]
    return prev[:1].isupper() and prev.isalpha()


def resolve_overlaps(cands: Sequence[_Cand]) -> list[_Cand]:
    """Non-overlapping choice: longer first, then label priority, then source."""
    return resolve(cands, policy="longest_priority", source_rank=_SOURCE_PRIORITY)


def apply_assertions(context, text: str, spans: list[Span], view: TokenView, sections: list[Section]) -> None:
    """ConText cues plus section implications on the DISEASE / SYMPTOM spans: sets `attrs[a] = True`
    for each assertion found. Shared by `extract()` and the spaCy `ContextComponent`. Chat spellings of cue
    words (`hok sốt`, `k bít có phải cúm`; `spoken.chat_edits`) are read as the words."""
    edits = chat_edits(text)
    if not edits:
        past = _apply_assertions(context, text, spans, view, sections)
        _english_cues(text, spans)
        _patient_relative(text, spans, past, sections)
        return
    read, al = apply_edits(text, edits)
    moved = [Span(*al.to_normalized(sp.start, sp.end), sp.label, "", sp.source, sp.score, {}) for sp in spans]
    secs = []
    for sec in sections:
        s, e = al.to_normalized(sec.start, sec.end)
        secs.append(replace(sec, start=s, end=e, heading_end=al.to_normalized(sec.start, sec.heading_end)[1]))
    past_moved = _apply_assertions(context, read, moved, TokenView.of(read), secs)
    past = set()
    for sp, mv in zip(spans, moved):
        for a in ASSERTIONS:
            if mv.attrs.get(a):
                sp.attrs[a] = True
        if id(mv) in past_moved:
            past.add(id(sp))
    _english_cues(text, spans)
    _patient_relative(text, spans, past, sections)


@lru_cache(maxsize=1)
def _english_bare_cues() -> tuple[tuple[str, re.Pattern], ...]:
    """`english_bare_cues` of context.yaml: per category, a raw-text pattern `cue (English words)* $`."""
    from ..paths import load_yaml, resource_path
    data = load_yaml(resource_path("clinical", "context.yaml").read_text(encoding="utf-8"))
    out = []
    for cat, words in (data.get("english_bare_cues") or {}).items():
        alt = "|".join(re.escape(str(w)) for w in words)
        # the cue, then only English words, commas, `or` / `and` up to the mention (`No fever, chills or cough`)
        out.append((cat, re.compile(r"(?<![\w/])(?i:" + alt + r")[ \t]+(?:[A-Za-z][A-Za-z\-/']*[ \t]*,?[ \t]*){0,8}$")))
    return tuple(out)


def _english_cues(text: str, spans: list[Span]) -> None:
    """Bare English cues (`No haemoptysis`) on English mentions, read on the raw text (see context.yaml)."""
    cues = _english_bare_cues()
    if not cues:
        return
    for sp in spans:
        if sp.label not in ASSERTION_LABELS or sp.attrs.get("lang") != "en":
            continue
        clause = max(text.rfind(ch, 0, sp.start) for ch in ".;:\n!?") + 1
        lo = max(clause, sp.start - 80)
        before = text[lo:sp.start]
        for cat, rx in cues:
            if not sp.attrs.get(cat) and (m := rx.search(before)) \
                    and not any(o.start <= lo + m.start() < o.end for o in spans if o is not sp):
                # a cue word inside another mention is part of its name (`seeing things that are not there`)
                sp.attrs[cat] = True
                if cat == "negated" and sp.attrs.get("historical"):
                    # as reconcile(): a denied history is no past event (`Past history: ... No diabetes.`)
                    sp.attrs["historical"] = False


@lru_cache(maxsize=1)
def _patient_kin() -> tuple | None:
    """`patient_kin` of context.yaml, compiled (see there)."""
    from ..paths import load_yaml, resource_path
    conf = load_yaml(resource_path("clinical", "context.yaml").read_text(encoding="utf-8")).get("patient_kin")
    if not conf:
        return None

    def alt(words):
        return "|".join(re.escape(fold_lower(str(w))) for w in sorted(words, key=lambda w: -len(str(w))))

    occ = re.compile(r"(?<![\w])(?:(?P<o>" + alt(conf.get("others") or ["gia đình"]) + r")|(?P<kin>" + alt(conf["kin"]) + r")"
                     r"(?:[ \t]+(?P<q>" + alt(conf["qualifier"]) + r"))?)"
                     r"(?:[ \t]+(?P<p>" + alt(conf["possessive"]) + r"))?(?![\w])")
    raw_kin = {str(w).lower() for w in conf["kin"]} | {str(w).lower() for w in conf["qualifier"]} \
        | {str(w).lower() for w in conf.get("others") or ()}
    age = re.compile(r"[ \t]*,?[ \t]*\d{1,3}[ \t]*(?:t|tuoi)(?![\w])")
    stop = re.compile(r"(?<![\w])(?:" + alt(conf["gap_stop"]) + r")(?![\w])|[.;:!?\n\t|]")   # a tab or a bar: a chat speaker's label (`mẹ bé<TAB>bé nhà e mệt`)
    speaker = re.compile(r"[ \t|]*(?:\[[^\]\n]{0,12}\][ \t]*)?(?:" + alt(conf.get("patient_speakers") or ["bn"]) + r")(?:[ \t]*[:|]|\t)")
    # a chat sender labelled as the patient's child (`Lan (con gái): mẹ e sốt`, `Con trai BN - Tuấn: ba em ho`)
    child = conf.get("child_speakers")
    intros, persons = conf.get("child_intros"), conf.get("child_intro_persons") or {}
    # ... whose label may name the parent's title (`Sinh (con trai bà Lý Thị Pao):`): then only that parent's words
    who = (r"(?:[ \t]+(?:cua[ \t]+)?(?P<who>" + alt(persons) + r")(?![\w]))?") if persons else ""
    child_speaker = re.compile(r"^[ \t]*(?:\[[^\]\n]{0,12}\][ \t]*)?(?:\d{1,2}[:h]\d{2}[ \t]*)?(?:[^\W\d_][^\n:()]{0,24}?"
                               r"[ \t]*[(\-–,][ \t]*)?(?:" + alt(child) + r")(?![\w])" + who + r"[^\n:()]{0,20}\)?[ \t]*:",
                               re.MULTILINE) if child else None
    intro = None
    if intros and persons:
        intro = (re.compile(r"(?<![\w])(?:" + alt(intros) + r")(?:[ \t]+(?:trai|gai|dau|re|ca|ut))?(?:[ \t]+cua)?[ \t]+(?P<who>"
                            + alt(persons) + r")(?![\w])"),
                 {fold_lower(str(k)): {fold_lower(str(w)) for w in v or ()} for k, v in persons.items()})
    # qualifiers that, typed without marks, are more often another word (`me co` is mẹ có, `me noi` mẹ nói)
    marked_only = {fold_lower(str(w)) for w in conf.get("qualifier_marked_only") or ()}
    # a parent word with the writer's possessive (`Mẹ mình`, `me e`), and the writer as the subject of a clause
    # right before a problem (`Bản thân mình cũng đang`, `e ko bi`)
    writer = None
    if conf.get("writer_self") and conf.get("writer_possessive"):
        owned = re.compile(r"(?<![\w])(?P<kin>" + alt(conf["kin"]) + r")[ \t]+(?:" + alt(conf["writer_possessive"])
                           + r")(?![\w])")
        verbs = conf.get("writer_self_verbs") or ()
        self_rx = re.compile(r"(?:^|[,.;:!?\n(])[ \t]*(?:" + alt(conf["writer_self"]) + r")"
                             r"(?:[ \t]+(?:" + alt(verbs) + r")){0,4}[ \t]+$" if verbs else r"$^")
        writer = (owned, self_rx)
    return occ, raw_kin, age, stop, int(conf.get("reach", 30)), speaker, child_speaker, intro, marked_only, writer


def _kin_at(text: str, folded: str, compiled, bare: bool = False) -> list[tuple[int, int, str]]:
    """Kinship words of the text: (start, end, who); `who` is the folded word and its qualifier. `bare`: a word typed
    without marks counts alone too (a chat where the patient's child writes: `me li bi`)."""
    occ, raw_kin = compiled[0], compiled[1]
    out = []
    def marked_other(g: str, m) -> bool:
        """The group written with marks that are not the listed word's (`đi` is no `dì`, `nói` no `nội`)."""
        raw = text[m.start(g):m.end(g)].lower()
        return raw != fold_lower(raw) and raw not in raw_kin

    for m in occ.finditer(folded):
        if m.group("o"):
            if marked_other("o", m) or (" " not in m.group("o") and not m.group("o") == text[m.start():m.end()].lower()):
                continue   # `có`, `chống`, `cầu` are no `cô`, `chồng`, `cậu`; a one-syllable person needs its marks
            out.append((m.start(), m.end(), " " + m.group("o")))   # another person (a leading space: never the patient)
            continue
        raw = text[m.start("kin"):m.end("kin")].lower()
        if raw != fold_lower(raw):
            if raw not in raw_kin:
                continue   # `mà` (but), `bá`: accents say it is another word
        elif not m.group("p") and not bare:
            continue       # no marks: `ma` / `ba` alone are `mà` / `ba` (three); `ma e` is `má em`
        q = m.group("q") if m.group("q") and not marked_other("q", m) else None
        if q in compiled[8] and text[m.start("q"):m.end("q")] == q:
            q = None   # `me co vang mat`: `co` without marks is có, not the qualifier cố
        end = m.end() if q or not m.group("q") else m.end("kin")
        out.append((m.start(), end, m.group("kin") + (" " + q if q else "")))
    return out


def _writer_self(text: str, folded: str, spans: list[Span], self_rx: re.Pattern, speaker: re.Pattern) -> None:
    """Problems whose clause opens with the writer as subject (`e ko bi lao`, `Bản thân mình cũng đang THA`) in a note
    written by the patient's relative are family; not on a line the patient speaks."""
    for sp in spans:
        if sp.label not in ASSERTION_LABELS or sp.attrs.get("family") or sp.attrs.get("hypothetical"):
            continue
        line = folded.rfind("\n", 0, sp.start) + 1
        if speaker.match(folded, line):
            continue
        if self_rx.search(folded, max(line - 1, sp.start - 60, 0), sp.start):
            sp.attrs["family"] = True
            sp.attrs["historical"] = False


def _patient_relative(text: str, spans: list[Span], past: set[int] = frozenset(),
                      sections: Sequence[Section] = ()) -> None:
    """In a note about a relative (`mẹ run tay phải`, `ba e 63t`), that relative's word is no family cue: a family
    flag whose nearest kinship word before the mention (same sentence) names the patient is taken back, and a history
    cue dropped for the relative's sake (`id(span)` in `past`: `Trước đó mẹ có đợt chóng mặt`) counts again."""
    compiled = _patient_kin()
    if compiled is None or not any(sp.attrs.get("family") for sp in spans):
        return
    folded = fold_lower(text)
    _, _, age, stop, reach, speaker, child_speaker, intro, _, writer = compiled
    # a heading with its informant (`Phả hệ (con gái kể):`) is no chat sender, nor a row of a family-history section
    # (`Tiền sử gia đình: ...` then ` con trai 30t: chưa khám`): a pedigree row
    senders = [m for m in (child_speaker.finditer(folded) if child_speaker is not None else ())
               if not any(m.start() <= sec.start < m.end() for sec in sections)
               and not ((sec := section_at(list(sections), m.end() - 1)) is not None and sec.implies == "family")]
    child = bool(senders)
    # a sender who introduces themself as the patient's child (`em là con bà Lựu`), or whose label names the parent's
    # title (`con trai bà Pao`): that parent's words are the patient
    intro_kin: set[str] | None = None
    named = [intro[1].get(m.group("who")) for m in senders if intro is not None and m.group("who")]
    if child and named and len(named) == len(senders) and all(named):
        intro_kin = set().union(*named)
        child = False
    if not child and intro_kin is None and intro is not None and (im := intro[0].search(folded)):
        intro_kin = intro[1].get(im.group("who")) or None
        child = intro_kin is None
    kins = _kin_at(text, folded, compiled, bare=child or intro_kin is not None)
    if kins:
        # a kinship-looking syllable inside a mention (`chong mat` is chóng mặt, not chồng) names no person
        kins = [kv for kv in kins if not any(sp.start <= kv[0] < sp.end for sp in spans)]
    if not kins:
        return
    symptom_starts = sorted(sp.start for sp in spans if sp.label == "SYMPTOM")
    mention_starts = sorted(sp.start for sp in spans if sp.label in ASSERTION_LABELS)
    kin_starts = [s for s, _, _ in kins]
    patient: set[str] = set()
    for s, e, who in kins:
        if " " in who or text[e:e + 1] == ":" or speaker.match(folded, folded.rfind("\n", 0, s) + 1):
            continue   # a pedigree label, another person, or a line the patient speaks
        if age.match(folded, e):
            patient.add(who)
            break
        k = bisect.bisect_left(symptom_starts, e)
        if k == len(symptom_starts) or symptom_starts[k] - e > reach:
            continue
        nxt = symptom_starts[k]
        if stop.search(folded, e, nxt) or bisect.bisect_left(mention_starts, e) != bisect.bisect_left(mention_starts, nxt) \
                or bisect.bisect_left(kin_starts, e) != bisect.bisect_left(kin_starts, nxt):
            continue   # another mention or person between: `mẹ ĐTĐ, em gái loét bàn chân`
        patient.add(who)
        break
    if child:
        # the patient's child writes (or is answered): their bare `mẹ` / `ba` is the patient all through the chat
        patient.update(who for _, _, who in kins if " " not in who)
    elif intro_kin:
        patient.update(who for _, _, who in kins if who in intro_kin)
    if not patient:
        return
    # the writer is the patient's relative (a child's chat, `Mẹ mình 67t ...`): what the writer says of themself
    # (`Bản thân mình cũng đang cao huyết áp`, `e ko bi lao`) is a relative's problem
    if writer is not None and (child or intro_kin or any(m.group("kin") in patient
                                                         for m in writer[0].finditer(folded))):
        _writer_self(text, folded, spans, writer[1], speaker)
    if not (child or intro_kin is not None):
        # the parent named the patient with a possessive (`me e ... phu 2 chan`) is the same one bare later in the
        # chat (`dem qua me nam dau thap ko dc`)
        kins = [kv for kv in _kin_at(text, folded, compiled, bare=True)
                if not any(sp.start <= kv[0] < sp.end for sp in spans)]
    starts = [s for s, _, _ in kins]
    for sp in spans:
        if not sp.attrs.get("family"):
            continue
        k = bisect.bisect_right(starts, sp.start) - 1
        while k >= 0 and kins[k][1] > sp.start:
            k -= 1
        while k > 0 and not text[kins[k - 1][1]:kins[k][0]].strip():
            k -= 1   # `em gái bà`: the first word is the person, the second its possessor
        if k < 0 or kins[k][2] not in patient or re.search(r"[.!?\n]", text[kins[k][1]:sp.start]):
            continue
        sp.attrs["family"] = False
        if id(sp) in past and not sp.attrs.get("negated") and not sp.attrs.get("uncertain"):
            sp.attrs["historical"] = True


_HEADING_QUALIFIER = re.compile(r"[ \t]*\([^()\n]{0,60}\)")


def _heading_body(text: str, view: TokenView, sec: Section) -> int:
    """The token from which a section's implied class may be ended: after the heading's first word, and past a
    qualifier in brackets (`Phả hệ (con gái kể):`: the informant is no subject of the rows)."""
    first = view.char_to_token(sec.start, sec.start + 1)[0] + 1
    m = _HEADING_QUALIFIER.match(text, sec.heading_end)
    if m is None:
        return first
    return max(first, bisect.bisect_left(view._starts, m.end()))


_LINE_NUMBERING = re.compile(r"[\s\-–—•*+>|]*(?:(?:\d{1,2}|[IVXivx]{1,4}|[a-zA-Z])[.)/][\s\-–—•*+]*)?")


def _inline_heading_line_end(text: str, sec: Section) -> int | None:
    """The end of the heading's line when the heading stands after a sentence on its line and its problems follow it
    there (`Ông A, 60t, Tịnh Biên. TS: THA (2019), gút.`): such a section reaches no further lines (`Đang có đợt sưng
    đau khớp` is the visit's problem; clinical blind batch 12). A heading alone at its line end opens rows under it."""
    start = text.rfind("\n", 0, sec.start) + 1
    m = _LINE_NUMBERING.match(text, start, sec.start)
    if m is not None and m.end() >= sec.start:
        return None     # the heading opens its line
    end = text.find("\n", sec.heading_end)
    end = len(text) if end < 0 else end
    if not text[sec.heading_end:end].strip(" \t:.-–—"):
        return None
    return end


def _apply_assertions(context, text: str, spans: list[Span], view: TokenView, sections: list[Section]) -> set[int]:
    """Set the assertion attrs; returns the ids of the spans whose history cue was dropped for a relative's problem."""
    targets: list[tuple[Span, Target]] = []
    for sp in spans:
        if sp.label in ASSERTION_LABELS:
            rng = view.char_to_token(sp.start, sp.end)
            if rng is not None:
                targets.append((sp, Target(rng[0], rng[1], sp.label)))
    barriers = [r for sp in spans if sp.label == "TEST" and (r := view.char_to_token(sp.start, sp.end)) is not None]
    context.apply(view, [t for _, t in targets], barriers)
    for sp, t in targets:
        sec = section_at(sections, sp.start)
        if sec is not None and sec.implies and not (
                (line_end := _inline_heading_line_end(text, sec)) is not None and sp.start > line_end) \
                and not context.terminated_before(
                view, t.start, sec.implies, _heading_body(text, view, sec)):
            t.assertions.add(sec.implies)
            reconcile(t)
        if "uncertain" in t.assertions and _in_conditional(text, sp.start):
            # `Nếu sốt cao ... thì đi khám ngay vì có thể viêm thận`: a conditional, not a doubt
            t.assertions.discard("uncertain")
            t.assertions.add("hypothetical")
        for a in t.assertions:
            sp.attrs[a] = True
    return {id(sp) for sp, t in targets if t.past_of_relative and "family" in t.assertions}


class ClinicalExtractor:
    """Lexicon + patterns + sections + ConText over plain text (no spaCy needed)."""

    def __init__(self, labels: Iterable[str] | None = None, patterns: PatternRules | None = None,
                 context: ConText | None = None):
        self.labels = _check_labels(labels)
        self.trie = lexicon_trie()
        self.patterns = patterns or default_patterns()
        self.context = context or ConText(default_rules())
        self._lower_abbrs = _abbreviation_keys(self.trie)

    # --- entities ---------------------------------------------------------------------------------
    def _entities(self, text: str, view: TokenView, folded: str) -> list[_Cand]:
        p = self.patterns
        sp = view.tokens.spans
        cands: list[_Cand] = []
        matches = self.trie.find_all(view.words, view.keys, view.acc)
        lowered = _lowered_abbreviations(view, self._lower_abbrs, matches)
        if lowered:
            matches = sorted(matches + lowered, key=lambda m: m.start)
        if p.verb_like_bare:
            matches = _verb_like_yields(self.trie, view, matches, p.verb_like_bare)
        service_end = None
        for m in matches:
            e = m.entry
            end = m.end
            if lowered and e.label == "TEST" and any(x is m for x in lowered):
                after = sp[end - 1][1]
                if not (p.bare_value.match(folded, after) or p.verdict.match(folded, after)
                        or _UNIT_VALUE_AFTER(p, folded, after)):
                    continue   # `ha` in a note typed in lower case is `HA` only before a value (`ha 140/90`)
            if (not view.acc[m.start] and end - m.start == 1 and view.keys[m.start] in p.ambiguous_bare
                    and not view.words[m.start].isupper()):
                continue
            if p.blocked(view.keys, m.start, end):
                continue
            if end - m.start == 1 and _speaker_name(text, view, m.start):
                continue   # `21:13 Me Bong: ...`: a chat sender's name typed without marks (bỏng), not a mention
            if m.start and view.keys[m.start - 1] in _DEPARTMENT and e.label not in ("DRUG", "DOSAGE"):
                continue   # `khoa Tim mạch`, `chuyên khoa Chấn thương`: a department, not a disease
            if e.label in ("DISEASE", "SYMPTOM") and p.service_leads and (
                    _after_lead(view, m.start, p.service_leads)
                    or (service_end is not None and _SERVICE_CHAIN.fullmatch(text, service_end, sp[m.start][0]))):
                service_end = sp[end - 1][1]
                continue   # `phòng khám HIV`, `THẺ ĐIỀU TRỊ LAO / HIV`: the service's name, not a problem
            if e.label in ("DISEASE", "SYMPTOM") and " ".join(view.keys[m.start:end]) in p.reference_heads \
                    and _after_lead(view, m.start, p.reference_leads):
                continue   # `quanh vết loét`, `cấy dịch vết loét`: the lesion named again as a place, no new mention
            if e.label == "TEST" and p.need_unit and (need := p.need_unit.get(" ".join(view.words[m.start:end]))):
                v = p.value.match(folded, _VALUE_LEAD.match(folded, sp[end - 1][1]).end())
                num = re.match(r"\d+(?:[.,]\d+)?", v.group("n")) if v else None
                if not (num and v.group("u").replace(" ", "") in need[0]
                        and need[1][0] <= float(num.group(0).replace(",", ".")) <= need[1][1]):
                    continue   # `T` is the temperature only before degrees (`T 38,5°C`); else trái
            if e.label == "TEST" and self._needs_value(e, view, m.start, m.end):
                after = sp[end - 1][1]
                timing = p.value_timing.match(folded, after) if p.value_timing is not None else None
                if timing and (p.bare_value.match(folded, timing.end()) or _UNIT_VALUE_AFTER(p, folded, timing.end())):
                    # `ĐH đói 8,2 mmol/L`, `ĐH sau ăn 1h 9,4`: when the sample was taken belongs to the test
                    after = timing.end()
                    end = bisect.bisect_left(view._starts, after)
                if not (p.bare_value.match(folded, after)
                        or (p.qual.match(folded, after) and not self._needs_number(view, m.start, end))
                        or _UNIT_VALUE_AFTER(p, folded, after) or _said_value(p, folded, after)):
                    continue
            label = e.label
            start = m.start
            if label == "SYMPTOM":
                end = extend_site(p, view, end)
            elif label == "DISEASE" and not view.words[end - 1].isupper():
                # site and side are part of the diagnosis (`u đại tràng sigma`, `gãy kín 1/3 giữa xương cánh
                # tay trái`, `u phổi phải`); `hai bên` stays out, and nothing after an abbreviation (`TDMP phải`)
                site = extend_site(p, view, end, max_mods=0)
                if site > end and (view.keys[end] in p.side_words or _longest(p.sites, view, end) > end
                                   or _longest(p.preps, view, end) > end):
                    while site > end and view.keys[site - 1] in ("hai", "ben", "2") or \
                            (site - end >= 2 and " ".join(view.keys[site - 2:site]) in ("hai ben", "2 ben")):
                        site -= 1
                    end = site
                    if end < len(view.keys) and view.keys[end] in ("cap", "man") and not view.line_break_before[end]:
                        end += 1   # `viêm xoang hàm cấp`: acute / chronic after the site
            if label == "PROCEDURE":
                q = _longest(p.proc_quals, view, end)
                if q > end and not view.line_break_before[end]:
                    end = q   # `can thiệp mạch vành qua da`
            if label in ("DISEASE", "SYMPTOM") and end < len(view.words) and view.words[end] in ("P", "T") \
                    and not view.line_break_before[end] and not _VALUE_NEXT.match(folded, sp[end][1]):
                end += 1   # `Sỏi thận P`, `liệt nửa người P`: phải / trái abbreviated
            elif label == "TEST":
                # `CT scan sọ não`, `siêu âm Doppler mạch chi dưới`; `xét nghiệm` / `định lượng` + test
                end = extend_site(p, view, end, max_mods=0)
                q = _longest(p.test_quals, view, end)
                if q > end and not view.line_break_before[end]:
                    end = q   # `CT ổ bụng có cản quang`, `siêu âm tim qua thành ngực`
                if start >= 2 and tuple(view.keys[start - 2:start]) in _TEST_PREFIXES:
                    start -= 2
            elif label == "DISEASE" and (lead := next((k for k in p.disease_leads if start >= len(k) and
                                                       tuple(view.keys[start - len(k):start]) == k), None)):
                # `test Helicobacter pylori`, `XN HIV âm tính`, `PCR HIV`: the test for the disease, with its verdict
                # a RESULT (guidelines §3: `test nhanh [âm tính]`)
                label = "TEST"
                start -= len(lead)
            elif label == "DISEASE" and (v := p.disease_verdict.match(folded, sp[end - 1][1])):
                # `HP dương tính`, `HIV test nhanh âm tính`: a spelled-out verdict makes the disease what was tested
                label = "TEST"
                if v.group("lead"):
                    cands.append(_Cand(sp[start][0], v.end("lead"), label, "lexicon", {"concept": e.concept},
                                       PRIORITY.get(label, 0)))
                    continue
            if label == "DRUG" and (cm := _CONCENTRATION.match(folded, sp[end - 1][1])):
                # the concentration belongs to the product name (guidelines: `Natri clorid 0,9%`)
                attrs = {"concept": e.concept, **e.attrs}
                cands.append(_Cand(sp[start][0], cm.end(), label, "lexicon", attrs, PRIORITY.get(label, 0)))
                continue
            elif label in ("DRUG", "SYMPTOM") and view.keys[m.start] in _test_twin_heads() \
                    and " ".join(view.keys[m.start:m.end]) in surfaces("TEST"):
                # `Glucose 11,2 mmol/L`, `Albumin 28 g/L`, `glucose 7,8` are tests; `Glucose 5% 500 ml` a drug;
                # `Cơn co tử cung 3 cơn/10 phút` is counted (a test), `có cơn co tử cung` felt (a sign)
                after = sp[end - 1][1]
                v = p.value.match(folded, after + 1) or p.value.match(folded, after)
                u = v.group("u").replace(" ", "") if v and v.start() - after <= 3 else None
                if (u and (u in p.result_only or u in p.reading_units)) or _LAB_ROW_VALUE.match(text, after) \
                        or _DECIMAL_READING.match(folded, after):
                    label = "TEST"
            attrs = {"concept": e.concept, **e.attrs} if label == e.label else {"concept": e.concept}
            if label == "DISEASE" and p.disease_test_qualifier and (q := p.disease_test_qualifier.match(text, sp[end - 1][1])):
                # `lao phổi AFB(+)`: the test's sign qualifies the diagnosis
                cands.append(_Cand(sp[start][0], q.end(), label, "lexicon", attrs, PRIORITY.get(label, 0)))
                continue
            cands.append(_Cand(sp[start][0], sp[end - 1][1], label, "lexicon", attrs,
                               PRIORITY.get(label, 0)))
        for i, j in symptom_patterns(p, view):
            cands.append(_Cand(sp[i][0], sp[j - 1][1], "SYMPTOM", "pattern", {}, PRIORITY["SYMPTOM"]))
        for s, e in english_site_complaint_spans(p, folded):
            cands.append(_Cand(s, e, "SYMPTOM", "pattern", {"lang": "en"}, PRIORITY["SYMPTOM"]))
        for s, e in fever_spans(p, folded):
            cands.append(_Cand(s, e, "SYMPTOM", "pattern", {"concept": "sốt"}, PRIORITY["SYMPTOM"]))
        for m in p.transfusion.finditer(folded):   # `Truyền 1 đơn vị hồng cầu khối` (patterns.yaml blood_units)
            cands.append(_Cand(m.start(), m.end(), "PROCEDURE", "pattern", {"concept": "truyền máu"}, PRIORITY["PROCEDURE"]))
        if p.purpose_lead is not None:
            lead, low = (p.purpose_lead, text) if view.accented else (p.purpose_lead_folded, folded)
            # one scan for the lead words; a condition starting right after one is dropped
            after = {m.end() for m in lead.finditer(low)} if lead is not None else ()
            if after:
                cands = [c for c in cands if not (c.label in ASSERTION_LABELS and c.start in after)]
        return cands

    def _needs_number(self, view: TokenView, i: int, j: int) -> bool:
        """`TS: rung nhĩ` is the history heading, `TS 3 phút` the bleeding time: only a number counts."""
        return " ".join(view.words[i:j]) in self.patterns.need_number

    def _needs_value(self, e, view: TokenView, i: int, j: int) -> bool:
        """Vital-sign words and one- or two-letter test abbreviations count only with a value after them."""
        surface = " ".join(view.words[i:j])
        if j - i == 1 and len(surface) <= 2 and "loinc" in e.attrs:
            return True   # `TP`, `Ca`, `K`: lab abbreviations of the terminology list
        return fold_lower(surface) in self.patterns.need_value

    def _measures(self, text: str, folded: str, ents: list[_Cand]) -> list[_Cand]:
        """DOSAGE and RESULT spans, anchored on the drug or test before them."""
        p = self.patterns
        ends = sorted((c.end, c.start, c.label) for c in ents)
        end_keys = [e for e, _, _ in ends]

        def anchor(pos: int, reach: int = 60) -> tuple[str | None, int]:
            """The label of the nearest entity ending before `pos` in the same clause."""
            k = bisect.bisect_right(end_keys, pos) - 1
            if k < 0:
                return None, -1
            end, _, label = ends[k]
            if pos - end <= reach and not _CLAUSE_BREAK.search(text, end, pos):
                return label, end
            return None, -1

        out: list[_Cand] = []
        dose: list[tuple[int, int, str]] = []
        anchors = [c.start for c in ents if c.label == "DRUG"]
        # the line under a drug line may hold its instructions (prescriptions): scan it too
        anchors += [nl + 1 for nl in {text.find("\n", a) for a in anchors} if nl >= 0]
        inside = sorted((c.start, c.end) for c in ents if c.label == "DRUG")
        for a in dosage_atoms(p, folded, anchors):
            k = bisect.bisect_right(inside, (a.end, len(text) + 1)) - 1
            if k >= 0 and inside[k][0] < a.end and a.start < inside[k][1]:
                continue   # `0,9%` of `NaCl 0,9%`
            if a.kind in ("strength", "form") and p.blood_product.match(folded, a.end):
                continue   # `Truyền 2 đơn vị khối hồng cầu`: units of blood, a transfusion, not a drug dose
            if a.kind == "form" and _QUANTITY_LEAD.search(folded, max(0, a.start - 24), a.start) \
                    and _QUANTITY_TAIL.match(folded, a.end):
                continue   # the quantity column of a prescription line (`30 viên`), not the dose
            lab, _ = anchor(a.start)
            if a.kind == "strength":
                if lab == "TEST":
                    continue
                if a.unit in ("%", "l", "g") and lab != "DRUG":
                    continue
                if a.unit in ("ml", "l", "lit") and lab != "DRUG" and _LOST_VOLUME.search(folded, max(0, a.start - 30), a.start):
                    continue   # `Mất máu: khoảng 50 ml`, `dịch dẫn lưu 200 ml`: a volume lost, not a dose
                dose.append((a.start, a.end, a.kind))
            else:
                dose.append((a.start, a.end, a.kind))
        dose.sort()
        # keep frequencies, routes and counted doses only beside a drug or a strength
        strong = [(s, e) for s, e, k in dose if k == "strength"]

        def near_strength(s: int, e: int) -> bool:
            for s2, e2 in strong:
                if (0 <= s - e2 <= 25 and not _CLAUSE_BREAK.search(text, e2, s)) or \
                        (0 <= s2 - e <= 4 and _DOSE_JOIN.match(text[e:s2])):
                    return True
            return False

        drug_starts = sorted(c.start for c in ents if c.label == "DRUG")

        def drug_line_above(s: int) -> int:
            """Prescriptions put the instructions on the line under the drug: `Amoxicilin 500mg x 21 viên`
            / `Uống ngày 3 lần, mỗi lần 1 viên`. The line start when `s` opens such a line (after a bullet)."""
            ls = text.rfind("\n", 0, s)
            if ls < 0 or not _LINE_LEAD.match(text[ls + 1:s]):
                return -1
            ps = text.rfind("\n", 0, ls) + 1
            k = bisect.bisect_left(drug_starts, ps)
            return ls if k < len(drug_starts) and drug_starts[k] < ls else -1

        # every part on an instruction line counts once the line opens with a dosage part
        rx_lines = {drug_line_above(s) for s, _, _ in dose} - {-1}

        def under_drug_line(s: int) -> bool:
            return text.rfind("\n", 0, s) in rx_lines

        kept, rest = [], []
        for s, e, k in dose:
            if k == "freq" and _TIME_ONLY.fullmatch(folded, s, e):
                rest.append((s, e))   # `sáng` / `tối` alone (folded `sang` is also `sang` = to): only after a dose
            elif k == "strength" or anchor(s, 40)[0] == "DRUG" or near_strength(s, e) or under_drug_line(s):
                kept.append((s, e))
            else:
                rest.append((s, e))
        freqs = {s for s, _, k in dose if k == "freq"}
        # a part that continues a kept dosage phrase is kept too (`Uống 1v x 2 lần/ngày, sáng chiều sau ăn`)
        grown = True
        while grown and rest:
            grown = False
            for r in list(rest):
                if any(_joins(text, e0, r[0], r[0] in freqs) for _, e0 in kept):
                    kept.append(r)
                    rest.remove(r)
                    grown = True
        routes_only = {(s, e) for s, e, k in dose if k == "route"}
        for s, e in _merge(kept, text, freqs, p.dose_continuation):
            if (s, e) in routes_only:
                continue   # `bà uống đều`, `tui uống vô`: a route alone is how, not a dose (guidelines §3 DOSAGE)
            if text[s] == "/":
                # `4 viên FDC/ngày`, `1 thìa canh/ngày`: a rate glued to the word after a dose belongs to that dose;
                # alone (`mỗi bên/ngày`) it is no dose
                prev = out[-1] if out and out[-1].label == "DOSAGE" else None
                if prev is not None and _GLUED_WORD.fullmatch(text, prev.end, s):
                    out[-1] = _Cand(prev.start, e, "DOSAGE", "pattern", {}, 0)
                continue
            out.append(_Cand(s, e, "DOSAGE", "pattern", {}, 0))
        for a in result_atoms(p, folded):
            lab, lab_end = anchor(a.start)
            unit = a.unit
            if p.target_lead.search(folded, max(0, a.start - 24), a.start) or _conditional_threshold(text, folded, a.start):
                continue   # `mục tiêu 88-92%`, `giảm cân 5-7%`: a goal; `nếu PHQ-9 không giảm ≥ 50%`: a threshold
            if lab == "TEST" and _VALUE_THEN_GAP.search(text, lab_end, a.start):
                continue   # a lab table row: the column after the value is the reference range, not a result
            if lab == "TEST":
                out.append(_Cand(a.start, a.end, "RESULT", "pattern", {}, 0))
            elif lab == "DRUG":
                if unit in p.result_only:
                    out.append(_Cand(a.start, a.end, "RESULT", "pattern", {}, 0))
            elif folded[a.start] in "<>≤≥":
                continue   # `vào viện ngay nếu sốt ≥ 38°C`: a threshold in advice, not a measured value
            elif unit in p.result_only or unit in ("%", "mmhg"):
                out.append(_Cand(a.start, a.end, "RESULT", "pattern", {}, 0))
            elif unit == "ratio" and lab is None and pressure_shaped(p, folded, a.start, a.end):
                out.append(_Cand(a.start, a.end, "RESULT", "pattern", {}, 0))   # `đo ở nhà 180/100`
        for c in ents:
            if c.label != "TEST":
                continue
            q = p.qual.match(folded, c.end)
            m = q or p.bare_value.match(folded, c.end)
            if m is None and p.said_value_lead is not None and (said := p.said_value_lead.match(folded, c.end)):
                m = p.bare_value.match(folded, said.end())   # `spo2 kẹp tay đo được 88`, `nhiệt độ ở nách được 38,5`
            finding = self._finding_after(text, c, ents, panel=c.attrs.get("concept") in p.panel_tests)
            if m and not q and (p.target_lead.search(folded, max(0, m.start("v") - 24), m.start("v"))
                                or _conditional_threshold(text, folded, m.start("v"))):
                continue   # `nếu CIWA > 15`, `nếu P/F < 150`: a threshold in a plan, not a measured value
            if m and not q and _date_shaped(text, m.start("v"), m.end("v")):
                m = None   # `ECG 09/2026: QTc 452 ms`, `MRI 2021`: when the test was done, not its value
            if m and not (finding and (q or c.attrs.get("concept") in p.panel_tests) and finding[1] > m.end("v")):
                # `ECG: nhịp xoang 92 ck/ph, trục trái` is one finding, longer than its first word
                s, e = m.start("v"), m.end("v")
                t = p.titre.match(folded, e) if q else None
                out.append(_Cand(s, t.end() if t else e, "RESULT", "pattern", {}, 0))
                while not q and (r := p.next_reading.match(folded, e)):
                    s, e = r.start("v"), r.end("v")
                    out.append(_Cand(s, e, "RESULT", "pattern", {}, 0))
                continue
            if finding:
                out.append(_Cand(finding[0], finding[1], "RESULT", "pattern", {"finding": True}, 10))
        return out

    def _table_columns(self, text: str) -> list[_Cand]:
        """A table whose header row names tests in its cells (`Giờ | Mạch | HA | Hct | Nước tiểu`): each header cell that
        is a test is a TEST, and a value in its column below (`110`, `100/70`, `46%`, `150 ml`) a RESULT. Two test
        columns at least, so a prescription or a list with bars is left alone."""
        if text.count("|") < 4:
            return []
        p = self.patterns
        out: list[_Cand] = []
        pos, lines = 0, []
        for line in text.split("\n"):
            lines.append((pos, line))
            pos += len(line) + 1
        i = 0
        while i < len(lines):
            start, line = lines[i]
            if line.count("|") < 2:
                i += 1
                continue
            cells = _cells(start, line)
            cols = {}
            for k, (cs, ce) in enumerate(cells):
                key = " ".join(token_key(w) for w in split_words(text[cs:ce]))
                if key and (key in surfaces("TEST") or key in p.need_value):
                    cols[k] = (cs, ce)
            j = i + 1
            if len(cols) >= 2:
                out += [_Cand(cs, ce, "TEST", "pattern", {}, 10) for cs, ce in cols.values()]
                while j < len(lines) and lines[j][1].count("|") >= 2:
                    row = _cells(*lines[j])
                    for k in cols:
                        if k < len(row) and _CELL_VALUE.fullmatch(text, *row[k]):
                            out.append(_Cand(row[k][0], row[k][1], "RESULT", "pattern", {}, 10))
                    j += 1
            i = j
        return out

    @staticmethod
    def _earlier_values(p: PatternRules, folded: str, results: list[_Cand]) -> list[_Cand]:
        """The earlier reading in brackets after a result is a result too (`VAS 4/10 (buổi 1: 8/10)`)."""
        out = []
        for c in results:
            m = p.earlier.match(folded, c.end) or p.earlier_words.match(folded, c.end)
            if m:
                out.append(_Cand(m.start("v"), m.end("v"), "RESULT", "pattern", {}, 0))
        return out

    @staticmethod
    def _finding_after(text: str, test: _Cand, ents: list[_Cand], panel: bool = False) -> tuple[int, int] | None:
        """`XQ ngực: đám mờ thùy dưới phổi phải` -> the finding after `TEST:`, up to the clause end, when
        no other entity lies inside it (then those entities are the content, not one finding)."""
        m = _FINDING.match(text, test.end)
        if not m and fold_lower(text[test.start:test.end]).startswith(default_patterns().finding_tests):
            m = _FINDING_LOOSE.match(text, test.end)   # `XQ phổi cuối đợt lao: ...`, `Chest X-ray (PA): ...`
        if not m:
            return None
        s, e = m.start("f"), m.end("f")
        e = s + len(text[s:e].rstrip(" ,"))
        # a disease or sign named after `TEST:` is the test's finding (guidelines: `X-quang: [hình ảnh mờ ...]`,
        # `ECG: [rung nhĩ đáp ứng thất nhanh]`); other entities inside mean the clause lists several items
        # ... unless a doubt or negation cue is inside it (`XQ: đám mờ, không loại trừ lao` keeps its DISEASE for the
        # assertion rules); a finding that opens with an absence is one result (below)
        f = fold_lower(text[s:e])
        # `CT: không thấy xuất huyết nội sọ`: an absence reported by the test is its result, whole (up to a bracket)
        if default_patterns().pending.match(f):
            return None   # `GeneXpert đờm: đang chờ`: no result yet
        negative = bool(_default_negative_finding().match(f))
        if negative and "(" in text[s:e]:
            e = s + len(text[s:text.index("(", s)].rstrip(" ,"))
        # an absence listed inside the finding is part of it too (`ứ khí hai phổi, không có đông đặc`, dev gold); a doubt
        # (`chưa loại trừ lao`, `nghi ...`) keeps its disease for the assertion rules
        absorb = negative or not _FINDING_DOUBT.search(f)
        if not panel:
            # a further test measured in the same clause (`Điện tim: nhịp chậm xoang, QTc 480 ms`) ends the finding
            nxt = min((c.start for c in ents if c is not test and c.label == "TEST" and s < c.start < e), default=None)
            if nxt is not None:
                e = s + len(text[s:nxt].rstrip(" ,;"))
        else:
            # a panel's finding ends where the clause turns to a treatment (`HMMD: ER (+), HER2 (-), đã mổ ...`)
            nxt = min((c.start for c in ents if c is not test and c.label not in ASSERTION_LABELS
                       and c.label != "TEST" and s < c.start < e), default=None)
            if nxt is not None:
                e = s + len(text[s:nxt].rstrip(" ,;"))
                for w in ("đã", "sau", "rồi", "và"):
                    if fold_lower(text[s:e]).endswith(" " + fold_lower(w)):
                        e = s + len(text[s:e - len(w)].rstrip(" ,;"))
        # a panel (`Khí máu động mạch: pH 7,29, PaO2 68 mmHg`) reports its own parts in one finding
        if e - s < 3 or any(c is not test and c.start < e and s < c.end
                            and not (panel and c.label == "TEST")
                            and (c.label not in ASSERTION_LABELS or not absorb) for c in ents):
            return None
        return s, e

    def find(self, text: str, view: TokenView | None = None) -> list[Span]:
        """Entity spans (lexicon and patterns) without assertions; offsets into `text`.

        Values spoken or misread by OCR (`năm trăm mi li gam`, `2Omg`) are read in a rewritten copy of the text
        (`spoken.value_edits`) and the spans mapped back to `text`."""
        text = _check_text(text)
        if not text.strip():
            return []
        edits = value_edits(text)
        if edits:
            read, alignment = apply_edits(text, edits)
            out = []
            for sp in self._find(read, TokenView.of(read)):
                s, e = alignment.to_original(sp.start, sp.end)
                out.append(Span(s, e, sp.label, text[s:e], sp.source, sp.score, sp.attrs))
            return out
        return self._find(text, view or TokenView.of(text))

    def _find(self, text: str, view: TokenView) -> list[Span]:
        folded = view.folded
        ents = resolve_overlaps(self._entities(text, view, folded))
        ents = _join_procedures(text, ents, self.patterns.generic_procedures)
        # a text with almost no punctuation (a raw transcript) lists its signs with spaces only: no finding is joined
        punctuated = sum(text.count(c) for c in ",.;:") * 12 >= len(view.words)
        ents = _join_conditions(text, ents, self.patterns.agent_heads, adjacent=punctuated,
                                cause_link=self.patterns.cause_link)
        measures = self._measures(text, folded, ents)
        cands = ents + measures + self._earlier_values(self.patterns, folded,
                                                       resolve_overlaps([c for c in measures if c.label == "RESULT"]))
        cands += self._table_columns(text)
        # a date is when, never what was measured (`Hb 62 → 96 g/L (07/12)`, `Xpert 09/2026:`)
        cands = [c for c in cands if c.label != "RESULT" or c.attrs.get("finding") or not _date_shaped(text, c.start, c.end)]
        chosen = _drop_doctor_questions(text, _drop_in_heading(text, _drop_in_titles(text, resolve_overlaps(cands))),
                                        self.patterns.question_tail, self.patterns.question_check)
        if self.patterns.panel_headings:
            chosen = _drop_panel_headings(text, folded, chosen, self.patterns.panel_headings)
        chosen = _drop_range_doses(text, chosen)
        chosen = _drop_code_parts(text, chosen)
        if self.patterns.allergy_heads:
            chosen = _drop_allergy_heads(text, chosen, self.patterns.allergy_heads)
        chosen = _drop_site_and_date_drugs(text, chosen, self.patterns.facility_heads, self.patterns.facility_tails)
        chosen = _listed_remedies(text, chosen)
        out = []
        for c in chosen:
            if c.label not in self.labels or c.attrs.get("generic"):
                continue   # a generic medication word (`kháng sinh`, resources drug_generic.tsv) names no drug
            rng = view.char_to_token(c.start, c.end)
            if rng is None:
                continue
            s, e = view.tokens.spans[rng[0]][0], view.tokens.spans[rng[1] - 1][1]
            out.append(Span(s, e, c.label, text[s:e], c.source, 1.0, dict(c.attrs)))
        return out

    def _widen(self, text: str, view: TokenView, spans: list[Span]) -> list[Span]:
        """The public corpora's convention (ViMQ, ViMedNER): a DISEASE or SYMPTOM span takes the modifiers,
        body site and side after it (`đau bụng dữ dội`, `viêm phổi hai bên`, `ho nhiều về đêm` stops at `về`),
        never across a line break or into the next span."""
        p = self.patterns
        starts = sorted(sp.start for sp in spans)
        out = []
        for sp in spans:
            rng = view.char_to_token(sp.start, sp.end) if sp.label in ASSERTION_LABELS else None
            if rng is None:
                out.append(sp)
                continue
            k = rng[1]
            for _ in range(3):
                e = _longest(p.modifiers, view, k)
                if e == k or any(view.line_break_before[x] for x in range(k, e)):
                    break
                k = e
            k = max(k, extend_site(p, view, k))
            side = _longest(p.sides, view, k)
            if side > k and not any(view.line_break_before[x] for x in range(k, side)):
                k = side
            end = view.tokens.spans[k - 1][1]
            nxt = starts[bisect.bisect_right(starts, sp.start)] if bisect.bisect_right(starts, sp.start) < len(starts) else None
            if nxt is not None and end > nxt:
                end = sp.end   # the widened span would run into the next mention
            out.append(Span(sp.start, end, sp.label, text[sp.start:end], sp.source, sp.score, sp.attrs))
        return out

    # --- sections and assertions -----------------------------------------------------------------
    def annotate(self, text: str, spans: list[Span], view: TokenView | None = None,
                 sections: list[Section] | None = None) -> list[Span]:
        """Set section and assertion attrs on `spans` (in place) and return them."""
        view = view or TokenView.of(text)
        sections = find_sections(text) if sections is None else sections
        for sp in spans:
            sec = section_at(sections, sp.start)
            sp.attrs["section"] = sec.name if sec else None
            for a in ASSERTIONS:
                sp.attrs[a] = False
            sp.attrs.setdefault("codes", [])
        apply_assertions(self.context, text, spans, view, sections)
        return spans

    def extract(self, text: str, tagger=None, spans: str = "guidelines") -> list[Span]:
        text = _check_text(text)
        if spans not in SPAN_CONVENTIONS:
            raise ValueError(f"spans={spans!r}: known conventions are {', '.join(SPAN_CONVENTIONS)}")
        if not text.strip():
            return []
        edits = value_edits(text)
        if edits:
            # spans, sections and assertions read the rewritten copy (`năm 2015` is a history cue), then every
            # span goes back to the input's offsets and characters
            read, alignment = apply_edits(text, edits)
            return _map_back(text, alignment, self._extract(read, tagger, spans))
        return self._extract(text, tagger, spans)

    def _extract(self, text: str, tagger=None, convention: str = "guidelines") -> list[Span]:
        view = TokenView.of(text)
        spans = self._find(text, view)
        if tagger is not None:
            found = _predict_one(tagger, text)
            # labels the lexicon has no part in (a PHI tagger's NAME) were asked for by passing that tagger
            extra = frozenset(s.label for s in found if s.label not in CLINICAL_LABELS)
            spans = merge_tagger_spans(text, spans, found, self.labels | extra)
        if convention == "public":
            spans = self._widen(text, view, spans)
        return _report_results(text, view, self.patterns, _drop_relatives_care(text, self.annotate(text, spans, view)))


_CARE_LABELS = ("PROCEDURE",)   # the annotated notes keep a relative's drugs (`vợ HIV đang ARV`), not their procedures
_CARE_REACH = 40


_ITEM_NAME = re.compile(r"(?:^|(?<=[,;:+\n]))[ \t]*((?:[^\W\d_]+[ \t]){0,3}[^\W\d_]+)[ \t]+$")


def _listed_remedies(text: str, cands: list[_Cand]) -> list[_Cand]:
    """A prescription lists its items as name and dose (`Sinh địa 16g, Hoài sơn 12g, Sơn thù 8g, Cát căn 12g`): in a
    list whose items are drugs with their doses (two at least on the line), an unknown name of one to four words
    right before a dose is one more drug of the list."""
    doses = [c for c in cands if c.label == "DOSAGE"]
    if len(doses) < 3:
        return cands
    route = default_patterns().route
    drug_ends = {c.end for c in cands if c.label == "DRUG"}
    # doses right after a drug (`Hoài sơn 12g`), by line start
    listed_on: dict[int, int] = {}
    for d in doses:
        if d.start - 1 in drug_ends or d.start in drug_ends:
            ls = text.rfind("\n", 0, d.start) + 1
            listed_on[ls] = listed_on.get(ls, 0) + 1
    if not listed_on or max(listed_on.values()) < 2:
        return cands
    added = []
    covered = None
    for c in doses:
        if not text[c.start].isdigit():
            continue
        ls = text.rfind("\n", 0, c.start) + 1
        if listed_on.get(ls, 0) < 2:
            continue
        m = _ITEM_NAME.search(text, ls, c.start)
        if m is None or m.end() != c.start:
            continue
        s, e = m.span(1)
        # a name is written with its capital (`Sơn thù`); `sau`, `Uống`, `tiêm` say how, not what
        if not text[s].isupper() or route.search(fold_lower(text[s:e])):
            continue
        if covered is None:
            covered = [(x.start, x.end) for x in cands]
        if any(a < e and s < b for a, b in covered):
            continue
        added.append(_Cand(s, e, "DRUG", "pattern", {"listed": True}, 0))
    return cands + added if added else cands


_CODE_TAIL = re.compile(r"-[A-Z][A-Za-z0-9]{1,6}(?![\w-])|/[A-Za-z]{1,3}(?![\w/])")


def _drop_code_parts(text: str, cands: list[_Cand]) -> list[_Cand]:
    """An abbreviation glued to a code or a unit is part of it, no disease: `eGFR (CKD-EPI)` (an equation's name),
    `37 U/L` (units per litre). A list of two problems (`THA-ĐTĐ`, `THA/ĐTĐ`) keeps both: the part after the dash
    or slash is itself a mention there."""
    starts = {c.start for c in cands}
    out = []
    for c in cands:
        if c.label in ASSERTION_LABELS and text[c.start:c.end].isupper() and (m := _CODE_TAIL.match(text, c.end)) \
                and c.end + 1 not in starts and (m.group()[0] == "-" or c.end - c.start == 1) \
                and (c.start == 0 or not text[c.start - 1].isalnum()):
            continue
        out.append(c)
    return out


_WORD_BEFORE = re.compile(r"([^\W\d_]+(?:[ \t]+[^\W\d_]+){0,2})[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")
_DATE_GLUE = re.compile(r"/\d{1,4}(?![^\W\d_])")   # `O2/12/2O26`; a regimen goes on with letters (`2RHZE/4RH`)


def _drop_site_and_date_drugs(text: str, cands: list[_Cand], heads: frozenset[str],
                              tails: frozenset[str]) -> list[_Cand]:
    """A drug word that is no drug given: the name of a treatment site (`CS Methadone`, `CS ĐIỀU TRỊ METHADONE`,
    `methadone clinic`; patterns.yaml facility_heads / facility_tails), or a piece of a date a scan misread
    (`ngày O2/12/2O26`: a drug word glued to a slash and a digit, or after a digit and a slash)."""
    out = []
    for c in cands:
        if c.label == "DRUG":
            if _DATE_GLUE.match(text, c.end) or (c.start >= 2 and text[c.start - 1] == "/" and text[c.start - 2].isdigit()):
                continue
            ls = max(text.rfind("\n", 0, c.start) + 1, c.start - 40)
            # a head ends with the word right before the drug: only then is the (slow, unanchored) search run
            before = fold_lower(text[ls:c.start]) if c.start > ls and text[c.start - 1] in " \t" else ""
            m = _WORD_BEFORE.search(text, ls, c.start) if heads and before[-1:] in (" ", "\t") and any(
                before.rstrip(" \t").endswith(w) for w in _last_words(heads)) else None
            if m and heads:
                words = fold_lower(m.group(1)).split()
                if any(" ".join(words[k:]) in heads for k in range(len(words))):
                    continue
            m = _WORD_AFTER.match(text, c.end)
            if m and fold_lower(m.group(1)) in tails:
                continue
        out.append(c)
    return out


@lru_cache(maxsize=8)
def _last_words(phrases: frozenset[str]) -> frozenset[str]:
    return frozenset(p.split()[-1] for p in phrases if p.split())


_ALLERGY_GAP = re.compile(r"[ \t]*(?::[ \t]*|(?:với|voi|to|with)[ \t]+)?")


def _drop_allergy_heads(text: str, cands: list[_Cand], heads: frozenset[str]) -> list[_Cand]:
    """An allergy record names the drug (`dị ứng Penicillin`, `Dị ứng: Penicillin - nổi mẩn`; patterns.yaml
    allergy_heads): the head word right before a drug is no disease of its own."""
    drug_starts = {c.start for c in cands if c.label == "DRUG"}
    if not drug_starts:
        return cands
    return [c for c in cands if not (c.label == "DISEASE" and fold_lower(text[c.start:c.end]) in heads
                                     and _ALLERGY_GAP.match(text, c.end).end() in drug_starts)]


def _drop_range_doses(text: str, cands: list[_Cand]) -> list[_Cand]:
    """A lab sheet's row (`eGFR (CKD-EPI)   38   > 90   mL/ph/1,73m2`, `Microalbumin niệu   185 H   < 30   mg/L`)
    holds a test, its value and the reference range in columns: an amount in it is no dose when the row names a
    test before it and no drug."""
    doses = [c for c in cands if c.label == "DOSAGE"]
    if not doses:
        return cands
    drop = set()
    for c in doses:
        ls = text.rfind("\n", 0, c.start) + 1
        le = text.find("\n", c.end)
        le = len(text) if le < 0 else le
        if len(_COLUMN_GAP.findall(text, ls, le)) < 2:
            continue
        on_line = [x for x in cands if ls <= x.start and x.end <= le]
        if any(x.label == "DRUG" for x in on_line) or not any(x.label == "TEST" and x.end <= c.start for x in on_line):
            continue
        drop.add(id(c))
    return [c for c in cands if id(c) not in drop] if drop else cands


def relatives_care(text: str, spans: Sequence[Span]) -> set[int]:
    """Indices of the spans that are a relative's procedure, no mention of the patient's care: ongoing care or a bare
    operation right after a relative's problem in the same clause (`em gái suy thận mạn đang chạy thận`, `father ESRD
    on hemodialysis`, `Ông ngoại – K dạ dày, đã mổ`; patterns.yaml relative_care_leads, generic_procedures), left out
    as the annotated notes do; an outcome the relative lives with (`đã cưa chân`) stays. Shared with the spaCy
    component."""
    p = default_patterns()
    problems = sorted((sp.end, i) for i, sp in enumerate(spans) if sp.label in ASSERTION_LABELS)
    if not any(spans[i].attrs.get("family") for _, i in problems):
        return set()
    ends = [e for e, _ in problems]
    out = set()
    for i, sp in enumerate(spans):
        if sp.label in _CARE_LABELS:
            k = bisect.bisect_right(ends, sp.start) - 1
            if k >= 0:
                prev = spans[problems[k][1]]
                if prev.attrs.get("family") and sp.start - prev.end <= _CARE_REACH \
                        and not _CLAUSE_BREAK.search(text, prev.end, sp.start) and (
                        fold_lower(sp.text) in p.generic_procedures or (
                        p.relative_care_lead is not None and p.relative_care_lead.search(fold_lower(text[prev.end:sp.start])))):
                    out.add(i)
    return out


def _drop_relatives_care(text: str, spans: list[Span]) -> list[Span]:
    drop = relatives_care(text, spans)
    return [sp for i, sp in enumerate(spans) if i not in drop] if drop else spans


def _abbreviation_keys(trie) -> dict[str, Entry]:
    """One-word abbreviations the lists write in capitals, by folded key: any TEST (`HA`, `ALT`, `NS1`; a value
    must follow), other labels from three letters (`THA`, `COPD`; `K`, `u` are words in lower case)."""
    out: dict[str, Entry] = {}
    for k, child in trie.root.items():
        for e in child.get("", ()) if k else ():
            w = e.words[0]
            if e.exact_case[0] and w.isupper() and (e.label == "TEST" or len(w) >= 3) and (
                    k not in out or e.priority > out[k].priority):
                out[k] = e
    return out


def _lowered_abbreviations(view: TokenView, abbrs: dict[str, Entry], matches: list[Match]) -> list[Match]:
    """A note typed without any capitals (`ha 140/90`, `alt 82 u/l`, `copd`) writes its abbreviations in lower
    case: a lower-case token outside every lexicon match that is such an abbreviation matches it. Notes with a
    capitalised abbreviation anywhere keep the case rules."""
    words = view.words
    if any(len(w) >= 2 and w.isupper() for w in words):
        return []
    covered = set()
    for m in matches:
        covered.update(range(m.start, m.end))
    return [Match(i, i + 1, abbrs[w]) for i, w in enumerate(words)
            if i not in covered and w in abbrs and w.islower() and w.isascii()]


def _map_back(text: str, alignment, spans: list[Span]) -> list[Span]:
    """Spans of a rewritten copy -> spans of `text` (offsets and characters of the input)."""
    out = []
    for sp in spans:
        s, e = alignment.to_original(sp.start, sp.end)
        out.append(Span(s, e, sp.label, text[s:e], sp.source, sp.score, sp.attrs))
    return out


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _predict_one(tagger, text: str) -> list[Span]:
    if isinstance(tagger, (str, os.PathLike)):  # a folder saved by `vimednlp train`, loaded once
        from ..taggers.base import cached_tagger

        tagger = cached_tagger(tagger)
    if not hasattr(tagger, "predict"):
        raise TypeError("tagger must be a saved tagger folder or have .predict(texts) -> list[list[Span]]")
    # a lone surrogate reaches no encoder (crfsuite raised SystemError): the tagger reads U+FFFD there, same offsets
    res = tagger.predict([_LONE_SURROGATE.sub("\ufffd", text)])
    if not isinstance(res, (list, tuple)) or len(res) != 1:
        raise ValueError("tagger.predict([text]) must return one list of spans per text")
    return list(res[0])


def merge_tagger_spans(text: str, lexicon_spans: list[Span], tagger_spans: Iterable[Span],
                       labels: frozenset[str]) -> list[Span]:
    """Union of lexicon/pattern spans and a tagger's spans; overlaps go to the longer (lexicon on ties)."""
    cands = [_Cand(s.start, s.end, s.label, s.source or "lexicon", dict(s.attrs), PRIORITY.get(s.label, 0))
             for s in lexicon_spans]
    for s in tagger_spans:
        if s.label not in labels:
            continue
        if not (0 <= s.start < s.end <= len(text)):
            raise ValueError(f"tagger span {s.start}-{s.end} ({s.label}) is outside the text (length {len(text)})")
        cands.append(_Cand(s.start, s.end, s.label, "tagger", {"score": s.score} if s.score != 1.0 else {},
                           PRIORITY.get(s.label, 0)))
    return [Span(c.start, c.end, c.label, text[c.start:c.end], c.source, float(c.attrs.pop("score", 1.0)), c.attrs)
            for c in resolve_overlaps(cands)]


_TITLE_LEAD = re.compile(r"[ \t]*(?:KQ|KẾT QUẢ|Kết quả|PHIẾU|Phiếu|TƯỜNG TRÌNH|Tường trình|BIÊN BẢN|KET QUA|PHIEU"
                         r"|PHÒNG KHÁM|BỆNH ÁN|KHOA|THẺ|SỔ|GIẤY|TRẠM Y TẾ|TRAM Y TE|SỞ Y TẾ|SO Y TE|S0 Y TE)\b")


# a lab table's row: the name, maybe a specimen word, then a column gap, a bar or a colon, and a number that is no
# dose (`Glucose        11,8   H`, `| Albumin | 28 g/L |`, `Glucose đói     6.6 mmol/L`; not `Glucose 5% 500 ml`)
_LAB_ROW_VALUE = re.compile(r"[ \t]*(?:(?:đói|máu|huyết thanh|niệu|mao mạch)[ \t]*)?(?: {2,}|\t|[ \t]*[|:][ \t]*)[<>≤≥]?[ \t]*"
                            r"(?:\d|[lIO](?=[\dlIO]*[,.]\d))[\dlIO]*(?:[.,][\dlIO]+)?"
                            r"(?![ \t]*(?:%|mg|ml|mcg|µg|ui|iu|UI|IU|viên|ống|g(?![/\w])))")
# a decimal number alone after a name (`glucose 7,8`, `albumin: 3,2`): a reading, no dose (a dose has its unit)
_DECIMAL_READING = re.compile(r"[ \t]*[:=]?[ \t]*\d{1,3}[.,]\d{1,2}(?!\d|[.,]\d)(?![ \t]*(?:[%/]|[^\W\d_]))")
_VALUE_THEN_GAP = re.compile(r"\d[^\n]*?(?: {2,}|\t)")
_TABLE_VALUE = re.compile(r"(?: {2,}|\t)[<>≤≥]?\s*\d|\d[,.]\d|\||\d\s*(?:%|[A-Za-zµ]+/[A-Za-z0-9]+)")   # bars, `68 G/L`


def _drop_in_titles(text: str, cands: list[_Cand]) -> list[_Cand]:
    """A report or form title (`PHIẾU KẾT QUẢ NỘI SOI ĐẠI TRÀNG`, `KQ SIÊU ÂM`, `TƯỜNG TRÌNH PHẪU THUẬT`)
    names the form, not a test or procedure done: a line with no colon, in capitals, holds no TEST or
    PROCEDURE span; one opening with a form word (`KQ`, `PHIẾU`) no clinical span at all."""
    out, cache = [], {}
    for c in cands:
        if c.label not in ("TEST", "PROCEDURE") and not _TITLE_LEAD.match(text, text.rfind("\n", 0, c.start) + 1):
            out.append(c)   # `BỆNH NHÂN TĂNG HUYẾT ÁP` typed in capitals still names the disease
            continue
        ls = text.rfind("\n", 0, c.start) + 1
        if ls not in cache:
            le = text.find("\n", ls)
            line = text[ls:le if le >= 0 else len(text)]
            letters = [ch for ch in line if ch.isalpha()]
            # a table row (`WBC    7,9    4,0 - 10,0    G/L`) has a value in a column of its own: no title
            # a form's title opening with a form word (`PHÒNG KHÁM NGOẠI TRÚ HIV - LAO / THẺ THEO DÕI ĐIỀU TRỊ`) may be long
            cap = 16 if _TITLE_LEAD.match(line) else 10
            cache[ls] = ":" not in line and 2 <= len(line.split()) <= cap and not line.rstrip().endswith((".", ",", ";")) \
                and not _TABLE_VALUE.search(line) and (
                (letters and all(ch.isupper() for ch in letters)) or bool(_TITLE_LEAD.match(line)))
        if not cache[ls]:
            out.append(c)
    return out


_DATE_NEXT = re.compile(r"[ \t]*\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d.,/])")
_HEADING_PARTS = re.compile(r"[^—–|/()\[\]]+")


def _drop_in_heading(text: str, cands: list[_Cand]) -> list[_Cand]:
    """The note's first line names the note (`GIAO BAN LÃO-PHCN 07/12 — BS ...`, `BỆNH ÁN YHCT — LIỆU TRÌNH CHÂM
    CỨU`, `Khám nhi / Tiêm chủng`): a TEST or PROCEDURE there written in capitals, or alone in a short part of it
    (cut at dashes, bars, slashes, brackets), is the note's subject, not one done; a sentence there keeps its own
    (`... BN đang phục hồi chức năng)`). A chat or a labelled line (a colon before the span) is no heading."""
    nl = text.find("\n")
    if nl < 0 or not text[nl:].strip():
        return cands   # one line: no heading over a body
    first_end = nl
    out = []
    for c in cands:
        if c.label not in ("TEST", "PROCEDURE") or c.start >= first_end or ":" in text[:c.start] \
                or (_VALUE_NEXT.match(text, c.end) and not _DATE_NEXT.match(text, c.end)):
            out.append(c)
            continue
        span = text[c.start:c.end]
        letters = [ch for ch in span if ch.isalpha()]
        caps = len(letters) >= 2 and all(ch.isupper() for ch in letters)
        part = next((m for m in _HEADING_PARTS.finditer(text, 0, first_end) if m.start() <= c.start and c.end <= m.end()), None)
        short = part is not None and len(part.group().split()) <= 4
        if not (caps or short):
            out.append(c)
    return out


_DOCTOR_TURN = re.compile(r"[ \t]*(?:\[[\d:h ]+\][ \t]*|\d{1,2}[:h]\d{2}[ \t]+)?(?:BS|Bs|bs|Bác sĩ|bác sĩ|Bac si|bac si|BSĐT|Dr\.?)"
                          r"\b[^:\n]{0,24}:")


# a value cell of a measurement table: a number, a ratio or a percentage, with a unit
_CELL_VALUE = re.compile(r"[<>≤≥]?\d+(?:[.,]\d+)?(?:/\d+(?:[.,]\d+)?)?(?:[ \t]*(?:%|[^\W\d_][\w/µ°]{0,8}))?")


def _cells(start: int, line: str) -> list[tuple[int, int]]:
    """The cells of a table line cut at its bars, as stripped (start, end) offsets (a leading bar opens no cell)."""
    out, pos = [], 0
    parts = line.split("|")
    if line.lstrip().startswith("|"):
        pos = len(parts[0]) + 1
        parts = parts[1:]
    for part in parts:
        a = len(part) - len(part.lstrip())
        b = len(part.rstrip())
        out.append((start + pos + a, start + pos + b) if b > a else (start + pos, start + pos))
        pos += len(part) + 1
    return out


def _drop_panel_headings(text: str, folded: str, cands: list[_Cand], headings: set[str]) -> list[_Cand]:
    """`HUYẾT HỌC      Kết quả   CSBT`: a block heading of a lab report (patterns.yaml `panel_headings`) with no value
    and no colon after it on its line names the block, not a test."""
    out = []
    for c in cands:
        if c.label == "TEST" and folded[c.start:c.end] in headings:
            ls, le = text.rfind("\n", 0, c.start) + 1, text.find("\n", c.end)
            rest = text[c.end:le if le >= 0 else len(text)]
            lead = folded[ls:c.start]
            for h in headings:
                lead = lead.replace(h, " ")
            # the heading opens its line (after a number, a bullet or its name in the other language) and no value follows
            if not re.search(r"[\d:]", rest) and re.fullmatch(r"[\s\d.)/\-–•*]*", lead):
                continue
        out.append(c)
    return out


_CLAUSE_END = re.compile(r"[.!?\n]")


def _clause_start(text: str, pos: int) -> int:
    return max(text.rfind(ch, 0, pos) for ch in ".!?\n") + 1


def _drop_doctor_questions(text: str, cands: list[_Cand], tail: re.Pattern | None = None,
                           check: re.Pattern | None = None) -> list[_Cand]:
    """In a chat, a doctor's question (`BS: bé có khó thở, co giật gì không?`) asserts nothing about the patient:
    its diseases and symptoms are no mentions (corpus convention; no assertion class fits a question). Without its
    mark, a question ends with a question particle (`tail`, patterns.yaml question_particles: `co sot ko`)."""
    out = []
    for c in cands:
        if c.label in ASSERTION_LABELS:
            ls = text.rfind("\n", 0, c.start) + 1
            if _DOCTOR_TURN.match(text, ls):
                m = _CLAUSE_END.search(text, c.end)
                if m and text[m.start()] == "?":
                    continue
                if tail is not None and tail.search(fold_lower(text[c.end:m.start() if m else len(text)])) and not (
                        check is not None and check.search(fold_lower(text[max(ls, _clause_start(text, c.start)):c.start]))):
                    continue
        out.append(c)
    return out


def _join_procedures(text: str, ents: list[_Cand], generic: set[str]) -> list[_Cand]:
    """`phẫu thuật` / `mổ` right before a named procedure is one mention: `phẫu thuật cắt tuyến vú triệt căn`."""
    out: list[_Cand] = []
    for c in ents:
        prev = out[-1] if out else None
        if (prev is not None and prev.label == c.label == "PROCEDURE" and fold_lower(text[prev.start:prev.end]) in generic
                and text[prev.end:c.start].strip() == ""):
            out[-1] = _Cand(prev.start, c.end, "PROCEDURE", prev.source, dict(c.attrs), prev.priority)
        else:
            out.append(c)
    return out


_TITLE_WORDS = re.compile(r"[^\W\d_]+|\d+")


def report_finding_spans(text: str, view: TokenView, p: PatternRules, spans: Sequence[Span]) -> set[int]:
    """In a report of an imaging or endoscopy test (patterns.yaml report_titles / report_tests), the indices of the
    affirmed diseases and signs on a description line (`Mô tả:`, an organ label `Gan:`, `Thận P:`): the test's RESULTs.
    `spans` carry their assertions (a denied one stays a condition). Shared by `extract()` and the spaCy components."""
    if not p.report_titles or not spans:
        return set()
    head = text.lstrip()
    title = " ".join(_TITLE_WORDS.findall(fold_lower(head[:head.find("\n")] if "\n" in head else head)))
    if not (title.startswith(p.report_titles) and any(f" {t} " in f" {title} " for t in p.report_tests)):
        return set()
    regions = []
    keys, n = view.keys, len(view.keys)
    for k in range(n):
        if k and not view.line_break_before[k]:
            continue
        while k < n and keys[k] in ("-", "•", "*", "+") and (k + 1 >= n or not view.line_break_before[k + 1]):
            k += 1
        if k >= n:
            continue
        e = max(_longest(p.sites, view, k), _longest(p.report_body, view, k))
        if e == k:
            continue
        e = max(e, _longest(p.sides, view, e))
        if e < n and view.words[e] in ("P", "T") and not view.line_break_before[e]:
            e += 1
        if e < n and keys[e] == ":" and not view.line_break_before[e]:
            start = view.tokens.spans[e][1]
            end = text.find("\n", start)
            regions.append((start, len(text) if end < 0 else end))
    return {i for i, sp in enumerate(spans) if sp.label in ASSERTION_LABELS and not sp.attrs.get("negated")
            and any(a <= sp.start < b for a, b in regions)}


def _report_results(text: str, view: TokenView, p: PatternRules, spans: list[Span]) -> list[Span]:
    found = report_finding_spans(text, view, p, spans)
    if not found:
        return spans
    out = []
    for i, sp in enumerate(spans):
        if i in found:
            attrs = {k: v for k, v in sp.attrs.items() if k not in ASSERTIONS and k != "codes"}
            attrs.update({a: False for a in ASSERTIONS}, codes=[])
            sp = Span(sp.start, sp.end, "RESULT", sp.text, sp.source, sp.score, attrs)
        out.append(sp)
    return out


@lru_cache(maxsize=1)
def _test_twin_heads() -> frozenset[str]:
    """First words of the names that are a TEST and also a DRUG or a SYMPTOM (`glucose`, `cơn co tử cung`)."""
    twins = surfaces("TEST") & (surfaces("DRUG") | surfaces("SYMPTOM"))
    return frozenset(t.split()[0] for t in twins if t)


def _join_conditions(text: str, ents: list[_Cand], agent_heads: set[str] = frozenset(),
                     adjacent: bool = True, cause_link: dict[str, frozenset] | None = None) -> list[_Cand]:
    """Signs and diseases written one after the other with only a space between are one finding (`ran rít ran ngáy
    hai bên`, `Hạch nách P sưng đau`, `li bì khó đánh thức`, `loét bàn chân ĐTĐ`, `Sốc sốt xuất huyết Dengue`: blind
    batches 1-4 and dev2 gold, 14 of 17 such pairs); the whole is a DISEASE when a part is one. Not in a text with
    almost no punctuation (`adjacent=False`): a raw transcript lists its signs with spaces only."""
    out: list[_Cand] = []
    for c in ents:   # sorted by start (resolve_overlaps)
        prev = out[-1] if out else None
        if (agent_heads and prev is not None and prev.label == "DISEASE" and c.label == "DRUG"
                and 0 < c.start - prev.end <= 2 and text[prev.end:c.start].strip(" \t") == ""
                and fold_lower(text[prev.start:prev.end]) in agent_heads):
            # `ngộ độc paraquat`: the poisoning with its agent (patterns.yaml disease_agent_heads)
            out[-1] = _Cand(prev.start, c.end, "DISEASE", prev.source, dict(prev.attrs), prev.priority)
            continue
        if (cause_link and prev is not None and prev.label == "DISEASE" and 0 < c.start - prev.end <= 14
                and text[prev.end:prev.end + 1] in " \t" and text[c.start - 1:c.start] in " \t"
                and c.label in cause_link.get(" ".join(fold_lower(text[prev.end:c.start]).split()), ())):
            # `trầm cảm sau đột quỵ`, `loạn thần do thuốc`: the disease with its cause (patterns.yaml disease_cause_links)
            out[-1] = _Cand(prev.start, c.end, "DISEASE", prev.source, dict(prev.attrs), prev.priority)
            continue
        if (adjacent and prev is not None and 0 < c.start - prev.end <= 2 and prev.label in ASSERTION_LABELS
                and c.label in ASSERTION_LABELS and text[prev.end:c.start].strip(" \t") == ""):
            label = "DISEASE" if "DISEASE" in (prev.label, c.label) else "SYMPTOM"
            keep = prev if prev.label == label else c
            out[-1] = _Cand(prev.start, c.end, label, keep.source, dict(keep.attrs), PRIORITY.get(label, 0))
        else:
            out.append(c)
    return out


def _joins(text: str, end: int, start: int, is_freq: bool) -> bool:
    """Whether a dosage part starting at `start` continues the phrase ending at `end`."""
    if start < end:
        return False
    gap = text[end:start]
    if _COLUMN_GAP.search(gap):
        return False
    return bool(_DOSE_JOIN.match(gap) or (is_freq and re.fullmatch(r"[ \t]*,[ \t]*", gap)))


def _merge(ranges: list[tuple[int, int]], text: str, freqs: set[int] = frozenset(),
           cont: re.Pattern | None = None) -> list[tuple[int, int]]:
    """Join dosage parts separated only by spaces, `x`, `*`, `=` or brackets: `500mg x 2 lần/ngày`; a comma
    joins when a frequency or timing follows (`1 viên x 2 lần/ngày, uống tối`); a column gap
    (two spaces or a tab) separates; `cont` (patterns.yaml dose_continuations) joins the next step of the same dose
    (`80mg TMC rồi 8mg/h`)."""
    out: list[list[int]] = []
    for s, e in sorted(ranges):
        if out and (s <= out[-1][1] or _joins(text, out[-1][1], s, s in freqs)
                    or (cont is not None and s - out[-1][1] <= 16 and cont.fullmatch(fold_lower(text[out[-1][1]:s])))):
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


@lru_cache(maxsize=8)
def default_extractor(labels: frozenset[str] | None = None) -> ClinicalExtractor:
    return ClinicalExtractor(labels)


SPAN_CONVENTIONS = ("guidelines", "public")


def extract(text: str, *, labels: Iterable[str] | None = None, tagger=None, spans: str = "guidelines") -> list[Span]:
    """Clinical spans of `text` with assertions and sections.

    Each span's `attrs` holds `negated`, `uncertain`, `historical`, `family`, `hypothetical`
    (booleans; set on DISEASE and SYMPTOM), `section` (or None), `codes` (empty: filled by the
    terminology linker) and what the lexicon knows (`concept`, `icd10_hint`, `ingredient`).
    `tagger`: a tagger folder saved by `vimednlp train` (loaded once and cached) or any object with
    `.predict(texts) -> list[list[Span]]`; its spans are merged with the lexicon's before assertions run.
    `spans`: "guidelines" (annotation/guidelines.*.md: a symptom keeps its site and character, a disease its
    qualifiers, severity and duration words stay out) or "public" (the public corpora's wider spans: modifiers,
    body site and side after a DISEASE or SYMPTOM belong to it, `đau bụng dữ dội`, `viêm phổi hai bên`).
    """
    return default_extractor(_check_labels(labels)).extract(text, tagger=tagger, spans=spans)
