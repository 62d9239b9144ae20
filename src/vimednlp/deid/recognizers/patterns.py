"""Pattern recognizers still written in code: ID, DATE, AGE (EMAIL, URL, IP and PHONE are rule packs:
resources/deid/rules/*.yaml, run by rules.RuleRecognizer).

Patterns run on the accent-folded lower-case text (same offsets as the input), so `Ngày`, `NGAY`
and `ngay` look alike. Each candidate carries the check that passed as its explanation.
"""
from __future__ import annotations

import re

from .. import validators as V
from .base import Candidate, Context, PhraseSet, Recognizer, Taken, digit_run_starts, finditer_at
from .lexicons import cues
from .rules import RuleRecognizer, register_hook

_NOT_DIGIT_BEFORE = r"(?<![\w.,/])"
_NOT_DIGIT_AFTER = r"(?![\w/]|[.,]\d)"


def _kind_cue(ctx: Context, i: int | None) -> tuple[str | None, str | None]:
    """(ID kind, cue) of the nearest ID cue before token i, looking past ':' and 'số'."""
    if i is None:
        return None, None
    if _ID_ORDER is None:
        _load_id_pack()
    allc, kinds = _id_cue_index()
    k = i
    # allow 'số', ':' '#' '.' between the cue and the value (the pack's between_cue_and_value)
    while k > 0 and ctx.ftoks[k - 1] in _BETWEEN_CUE_AND_VALUE and i - k < 3:
        k -= 1
    c = ctx.cue_before(k, allc, skip="") or ctx.cue_before(i, allc)
    if c:
        return kinds[c], c
    ft = ctx.ftoks
    # 'tk chị 0421 000 758 996': a kinship word between an account cue and the number
    if k > 1 and ft[k - 1] in _OWNER_WORDS:
        c = ctx.cue_before(k - 1, allc, skip="")
        if c and kinds[c] == "bank":
            return "bank", c
    # 'mã BN của em 108-2210457', 'số thẻ của tôi ...': 'của' + the owner between any ID cue and the value
    if k > 2 and ft[k - 2] == "cua" and (ft[k - 1] in _OWNER_WORDS or ft[k - 1] == "e"):
        c = ctx.cue_before(k - 2, allc, skip="")
        if c:
            return kinds[c], c
    # 'Mã sự cố: SC-2025-0119', 'SỐ KCB: 000417/KCB': 'mã'/'số' + one or two words + ':' labels a code
    # a code of letters and digits ('GL-ADR-25/0388') may follow a longer label ('Mã số báo cáo của đơn vị:')
    toks = ctx.tokens
    strong = toks[i].kind == "code" and any(ch.isalpha() for ch in ft[i]) and sum(map(str.isdigit, ft[i])) >= 2 \
        or i + 2 < len(toks) and toks[i].kind == "word" and toks[i].text.isupper() and len(ft[i]) <= 4 \
        and ft[i + 1] in ("/", ".", "-") and toks[i + 1].start == toks[i].end and toks[i + 2].start == toks[i + 1].end \
        and toks[i + 2].text[:1].isdigit()  # 'HS/2025/1142': letters, then digits glued by '/
    if i > 2 and ft[i - 1] == ":":
        for w in ((2, 3, 4, 5, 6, 7) if strong else (2, 3)):
            h = i - 1 - w
            if h >= 0 and ft[h] in ("ma", "so") and all(ctx.tokens[x].kind == "word" for x in range(h + 1, i - 1)) \
                    and " ".join(ft[h + 1:i - 1]) not in _NOT_ID_LABELS and ft[h + 1] not in _NOT_ID_LABELS \
                    and (h == 0 or ft[h - 1] not in _NOT_ID_BEFORE):
                return "labelled", " ".join(ft[h:i - 1])
    # 'TRN: EGB4173902', 'UPN: K2291043': a field label in capitals, then letters and 5+ digits in one code
    if i > 1 and ft[i - 1] == ":" and ctx.tokens[i - 2].kind == "word" and 2 <= len(ctx.tokens[i - 2].text) <= 5 \
            and ctx.tokens[i - 2].text.isupper() and _CAPS_LABELLED_CODE.fullmatch(ctx.tokens[i].text):
        return "labelled", ft[i - 2]
    # 'Ref: AB1234567', 'Report No: RPT-88213': any field label, then 2-4 capitals and 5+ digits in one code
    if i > 1 and ft[i - 1] == ":" and ctx.tokens[i - 2].kind == "word" and ft[i - 2] not in _NOT_ID_LABELS \
            and _LABELLED_CODE.fullmatch(ctx.tokens[i].text):
        return "labelled", ft[i - 2]
    # 'số ĐK lao Q8-25-0176', 'mã hộ GĐ-0412': 'mã'/'số' + one or two words + a code of letters, digits and a dash
    if i > 2 and _LETTER_CODE.fullmatch(ft[i]):
        for w in (1, 2, 3):
            h = i - 1 - w
            if h >= 0 and ft[h] in ("ma", "so") and all(ctx.tokens[x].kind == "word" for x in range(h + 1, i)) \
                    and " ".join(ft[h + 1:i]) not in _NOT_ID_LABELS and ft[h + 1] not in _NOT_ID_LABELS:
                return "labelled", " ".join(ft[h:i])
    return None, None


# The ID pack (resources/deid/rules/id.yaml) holds the patterns and word lists of the ID recognizer and of
# `_kind_cue`; they are read once, on first use.
_ID_ORDER: tuple[str, ...] | None = None
_BETWEEN_CUE_AND_VALUE = _OWNER_WORDS = _NOT_ID_LABELS = _NOT_ID_BEFORE = frozenset()
_COUNTER_SO = _LABELLED_CODE = _CAPS_LABELLED_CODE = _LETTER_CODE = _HASH_CODE = _PATIENT_RANGE = _PATIENT_ORDINAL = None


def _load_id_pack() -> None:
    global _ID_ORDER, _BETWEEN_CUE_AND_VALUE, _OWNER_WORDS, _NOT_ID_LABELS, _NOT_ID_BEFORE
    global _COUNTER_SO, _LABELLED_CODE, _CAPS_LABELLED_CODE, _LETTER_CODE, _HASH_CODE, _PATIENT_RANGE, _PATIENT_ORDINAL
    from .rules import builtin_pack

    rec = builtin_pack("id").recognizers[0]
    d, rx = rec.data, rec.rx
    _BETWEEN_CUE_AND_VALUE = tuple(d["between_cue_and_value"])
    _OWNER_WORDS = frozenset(d["owner_words"])
    _NOT_ID_LABELS = frozenset(d["not_id_labels"])
    _NOT_ID_BEFORE = frozenset(d["not_id_before"])
    _COUNTER_SO, _LABELLED_CODE, _CAPS_LABELLED_CODE, _LETTER_CODE = (
        rx("counter_so"), rx("labelled_code"), rx("caps_labelled_code"), rx("letter_code"))
    _HASH_CODE, _PATIENT_RANGE, _PATIENT_ORDINAL = rx("hash_code"), rx("patient_range"), rx("patient_ordinal")
    _ID_ORDER = tuple(d["kind_order"])


_ID_INDEX: list = []


def _id_cue_index() -> tuple[frozenset[str], dict[str, str]]:
    """All ID cue phrases in one set, each mapped to its kind (the first kind in _ID_ORDER wins)."""
    if not _ID_INDEX:
        idc = cues()["id_cues"]
        kinds: dict[str, str] = {}
        for kind in _ID_ORDER:
            for c in idc[kind]:
                kinds.setdefault(c, kind)
        _ID_INDEX.extend([PhraseSet(kinds), kinds])
    return _ID_INDEX[0], _ID_INDEX[1]


@register_hook("id_numbers")
class IdRecognizer(RuleRecognizer):
    """The ID recognizer of the `id` pack (resources/deid/rules/id.yaml): validated numbers (CCCD, BHYT,
    plates), then numbers and codes named by their cues (`_kind_cue`), lists and ranges of patient numbers."""

    def __init__(self, spec: dict, *args, **kwargs):
        super().__init__(spec, *args, **kwargs)
        rx = self.rx
        self._bhyt, self._digits, self._patient, self._passport, self._plate = (
            rx("bhyt"), rx("digits"), rx("patient"), rx("passport"), rx("plate"))
        self._bhyt_ok, self._plate_ok = self.pattern("bhyt").validator, self.pattern("plate").validator
        self._unit_after, self._unit_word_after = rx("unit_after"), rx("unit_word_after")
        self._grouped, self._form_number_before = rx("grouped_digits"), rx("form_number_before")
        self._patient_number, self._listed_number = rx("patient_number"), rx("listed_number")
        self._LIST_SEP = frozenset(self.data["list_separators"])

    def analyze(self, ctx: Context) -> list[Candidate]:
        if _ID_ORDER is None:
            _load_id_pack()
        out: list[Candidate] = []
        f = ctx.folded
        taken = Taken(len(f))

        def add(s: int, e: int, kind: str, score: float, why: str) -> None:
            taken.append((s, e))
            out.append(Candidate(s, e, "ID", score, self.name, why, {"kind": kind}))

        free = taken.free

        for m in self._bhyt.finditer(f):
            if self._bhyt_ok(ctx.text[m.start():m.end()]):
                add(m.start(), m.end(), "bhyt", 0.95, "validator: BHYT group code, benefit level, province code")
            else:
                kind, cue = _kind_cue(ctx, ctx.token_index_at(m.start()))
                if kind == "bhyt":
                    add(m.start(), m.end(), "bhyt", 0.8, "pattern + context cue (BHYT)")
        for m in finditer_at(self._plate, f, digit_run_starts(ctx)):
            if free(m.start(), m.end()) and self._plate_ok(ctx.text[m.start():m.end()]):
                add(m.start(), m.end(), "plate", 0.9, "validator: licence plate province code and series")
        for m in self._patient.finditer(f):
            if free(m.start(), m.end()):
                add(m.start(), m.end(), "patient_code", 0.9, "pattern: BN + number")
        for m in _PATIENT_ORDINAL.finditer(f):
            if free(m.start(1), m.end(1)) and not self._unit_after.match(f, m.end(1)):
                add(m.start(1), m.end(1), "patient_code", 0.85, "pattern: patient ordinal (bệnh nhân ... thứ N)")
        for m in self._passport.finditer(f):
            if free(m.start(), m.end()):
                kind, cue = _kind_cue(ctx, ctx.token_index_at(m.start()))
                add(m.start(), m.end(), "passport", 0.9 if kind == "passport" else 0.7,
                    "pattern: letter + 7-8 digits" + (" + context cue" if cue else ""))
        for m in finditer_at(self._digits, f, digit_run_starts(ctx)):
            s, e = m.start(), m.end()
            raw = ctx.text[s:e]
            d = V.digits_only(raw)
            if not free(s, e) or V.phone_kind(raw):
                continue
            if d != raw and not self._grouped.fullmatch(raw):
                continue
            i = ctx.token_index_at(s)
            kind, cue = _kind_cue(ctx, i)
            if len(d) == 12 and V.is_valid_cccd(d):
                add(s, e, "cccd", 0.95, "validator: CCCD province code, century/gender digit, birth year")
            elif kind in ("cccd", "cmnd") and len(d) in (9, 12):
                add(s, e, kind, 0.9, f"context cue ({kind.upper()}) + digit count")
            elif len(d) == 10 and kind == "bhxh":
                add(s, e, "bhxh", 0.9 if V.is_valid_bhxh(d) else 0.8, "context cue (BHXH) + 10 digits")
            elif kind in ("bank",) and 6 <= len(d) <= 19:
                add(s, e, "bank", 0.9, "context cue (bank account) + digit count")
            elif kind in ("mrn", "admission", "serial", "bhyt", "bhxh", "passport", "patient_code", "labelled"):
                # ('số vào viện 2603-1187': the cue's own 'viện' must not start a hospital name over the number)
                add(s, e, kind if kind not in ("bhyt", "labelled") else "other", 0.9 if kind == "admission" else 0.85,
                    "context cue (record number)")
            elif len(d) == 9 and V.is_valid_cmnd(d) and not self._unit_after.match(f, e):
                add(s, e, "cmnd", 0.6, "pattern: 9 digits (CMND length)")
            elif len(d) >= 7 and not self._unit_after.match(f, e) and d == raw:
                add(s, e, "other", 0.55, "pattern: long digit string")
        # record numbers after their cues: 'Mã BN: 24-001234', 'Số vào viện: 12345/24', 'PID 0012AB'
        idc = cues()["id_cues"]
        for i, tok in enumerate(ctx.tokens):
            # a word of letters only holds no digit (most tokens: skip them without a scan)
            if (tok.kind == "word" and tok.text.isalpha()) or not any(map(str.isdigit, tok.text)):
                continue
            if not free(tok.start, tok.end):
                continue
            kind, cue = _kind_cue(ctx, i)
            start = tok.start
            if kind is None and i > 1 and ctx.ftoks[i - 1] in (".", "/", "-") and ctx.tokens[i - 1].start == ctx.tokens[i - 2].end \
                    and ctx.tokens[i].start == ctx.tokens[i - 1].end and ctx.tokens[i - 2].text.isalpha() \
                    and ctx.tokens[i - 2].text.isupper() and len(ctx.tokens[i - 2].text) <= 4:
                # 'Số lưu trữ: DG.25.07.004431': a letter prefix and a dot belong to the code after the cue
                kind, cue = _kind_cue(ctx, i - 2)
                start = ctx.tokens[i - 2].start
            if kind is None:
                continue
            if cue in ("so", "số") and tok.text.isdigit() and _COUNTER_SO.search(f, max(0, tok.start - 16), tok.start) \
                    and not (i + 1 < len(ctx.tokens) and ctx.tokens[i + 1].start == tok.end and ctx.ftoks[i + 1] in ("/", "-", ".")):
                continue  # 'lượt số 0412', 'quầy số 3', 'tờ số 03': a queue, desk or sheet number names no one
            if cue in ("so", "số", "ma", "mã", "ho so", "hồ sơ") and kind in ("serial", "mrn") and tok.text.isdigit() and len(tok.text) <= 2 \
                    and not (i + 2 < len(ctx.tokens) and ctx.ftoks[i + 1] == "/" and ctx.tokens[i + 1].start == tok.end
                             and ctx.tokens[i + 2].start == ctx.tokens[i + 1].end and ctx.tokens[i + 2].text.isalpha()):
                # ('Số: 87/GCNTT': a document number, its issuing office after the slash, stays)
                continue  # 'Xe số 07', 'giường số 12': a bare 'số' before two digits is a count or a seat ('ma 2 tiếng sau': mà)
            if cue in ("so", "số") and self._form_number_before.search(f[max(0, tok.start - 12):tok.start]):
                continue  # 'Mẫu số 01/KBCB': the number of a printed form, the same on every patient's sheet
            if kind == "labelled":
                # a generic label needs a real code: a digit and 4+ characters, not a count ('Số lần: 3'),
                # nor a two-character category ('Mã khu vực: K2')
                # (a unit is a whole word: 'SS-260620-117     Giấy chứng sinh' has no 'g' after it)
                if not (len(tok.text) >= 4 or not tok.text.isdigit()) or self._unit_word_after.match(f, tok.end) \
                        or len(tok.text) < 3 and not (i + 1 < len(ctx.tokens) and ctx.tokens[i + 1].start == tok.end):
                    continue
                kind = "other"
            if kind == "patient_code" and i + 2 < len(ctx.tokens) and ctx.ftoks[i + 1] in ("-", "/") \
                    and ctx.tokens[i + 1].start == tok.end and ctx.tokens[i + 2].start == ctx.tokens[i + 1].end \
                    and ctx.tokens[i + 2].text[:1].isdigit():
                kind = "mrn"  # 'mã BN 115-23-0098412': a record number in parts, not a patient ordinal
            if kind == "patient_code":
                # 'bệnh nhân 1234' / 'BN số 91': a bare number, not an age or a count
                if not self._patient_number.fullmatch(tok.text) or self._unit_after.match(f, tok.end):
                    continue
                if cue in ("ca",) and len(tok.text) < 2:
                    continue
                add(tok.start, tok.end, "patient_code", 0.85, "context cue (patient number)")
                continue
            # extend over glued pieces: 24/001234, AB-12.34
            e = tok.end
            j = i + 1
            # (a closing quote ends the code: 'nội dung "NGOC BHYT 0502"')
            while j < len(ctx.tokens) and ctx.tokens[j].start == e and ctx.ftoks[j] not in (",", ";", ")", ":", '"', "”", "|") \
                    and not (ctx.ftoks[j] == "." and (j + 1 >= len(ctx.tokens) or ctx.tokens[j + 1].start > ctx.tokens[j].end)):
                e = ctx.tokens[j].end
                j += 1
            if kind in ("cccd", "cmnd", "bhxh", "bank") and len(V.digits_only(f[tok.start:e])) < 6:
                continue
            add(start, e, kind, 0.85, f"context cue ({kind})")
        del idc
        # 'Seri: AB 0123987': the letters of a spaced serial belong to it
        for k, c in enumerate(out):
            i = ctx.token_index_at(c.start)
            if i and ctx.tokens[i - 1].kind == "word" and ctx.tokens[i - 1].text.isupper() \
                    and 2 <= len(ctx.tokens[i - 1].text) <= 4 and _kind_cue(ctx, i - 1)[0] is not None \
                    and ctx.ftoks[i - 1] not in _id_cue_index()[0] \
                    and not (i > 1 and f"{ctx.ftoks[i - 2]} {ctx.ftoks[i - 1]}" in _id_cue_index()[0]):
                # ('mã BA 26.0033721', 'mã BN 115-...': the letters close the cue 'mã BA' / 'BN', not the code)
                out[k] = Candidate(ctx.tokens[i - 1].start, c.end, "ID", c.score, self.name, c.explanation, dict(c.attrs))
        # '#TV-88213', '#004512': a reference number written with a hash sign
        for m in _HASH_CODE.finditer(ctx.text):
            if free(m.start(1), m.end(1)):
                add(m.start(1), m.end(1), "other", 0.75, "pattern: code after '#'")
        # 'Bệnh nhân từ số 2310 đến 2318': both ends of a range of patient numbers in a case report
        for m in _PATIENT_RANGE.finditer(f):
            for g in (1, 2):
                if free(m.start(g), m.end(g)):
                    add(m.start(g), m.end(g), "patient_code", 0.8, "range of patient numbers (từ số N đến M)")
        self._lists(ctx, out, free, add)
        return out

    def _lists(self, ctx: Context, out: list[Candidate], free, add) -> None:
        """`bệnh nhân 536, 537, 544 (cả 3 ...), 673 và 785`: bare numbers listed after a patient number."""
        toks, ft = ctx.tokens, ctx.ftoks
        starts = sorted(c.start for c in out if c.attrs.get("kind") == "patient_code")
        idx = [ctx.token_index_at(s) for s in starts]
        seen = set()
        for j in idx:
            if j is None or j in seen:
                continue
            k = j + 1
            while k < len(toks):
                # skip one parenthetical remark: '( nam , 59 tuổi )'
                if ft[k] == "(":
                    close = next((x for x in range(k + 1, min(k + 16, len(toks))) if ft[x] == ")"), None)
                    if close is None:
                        break
                    k = close + 1
                    continue
                if ft[k] not in self._LIST_SEP:
                    break
                while k < len(toks) and ft[k] in self._LIST_SEP:
                    k += 1
                if k < len(toks) and toks[k].kind == "number" and self._listed_number.fullmatch(toks[k].text) \
                        and not self._unit_after.match(ctx.folded, toks[k].end) and free(toks[k].start, toks[k].end):
                    add(toks[k].start, toks[k].end, "patient_code", 0.8, "listed after a patient number")
                    seen.add(k)
                    k += 1
                    continue
                break


# --- dates ----------------------------------------------------------------------------------------
_D = r"(?:0?[1-9]|[12]\d|3[01])"
_M = r"(?:0?[1-9]|1[0-2])"
_Y = r"(?:19\d\d|20\d\d|18\d\d)"
_TIME = r"(?:\d{1,2}(?:\s?(?:h|g|giờ|gio)\s?\d{0,2}|\s?:\s?\d{2})(?:\s?(?:phút|phut|p|'))?(?:\s?(?:sáng|sang|chiều|chieu|tối|toi|trưa|trua|đêm|dem))?)"
_WEEKDAY = r"(?:thu\s(?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat)"
# 'may' and 'mar' are Vietnamese words when folded (máy, mạ): only the full forms that are not ('march' is)
_EN_MONTH = r"(?:january|february|march|april|june|july|august|september|october|november|december|jan|feb|apr|jun|jul|aug|sept|oct|nov|dec)"
_DATE_RES: list[tuple[str, re.Pattern, float]] = [
    # an e-mail header date (RFC 2822): 'Mon, 9 Mar 2026 06:52:18 +0700' whole ('mar'/'may' are safe here)
    ("e-mail header date", re.compile(r"(?<![\w])(?:(?:mon|tue|wed|thu|fri|sat|sun),\s?)?\d{1,2}\s(?:jan|feb|mar|apr|may|jun|jul"
                                      r"|aug|sep|oct|nov|dec)\s(?:19|20)\d\d\s\d{1,2}:\d{2}(?::\d{2})?(?:\s?[+\-]\d{4})?(?![\w])"), 0.95),
    # 14h30 ngày 12/3/2024, 8 giờ ngày 5 tháng 3
    # ('09:30 - 10:05, thứ Ba 14/04/2026', '6 giờ 45 phút sáng Thứ Hai, 21/9/2026': a time range, a weekday between)
    ("time + date", re.compile(
        rf"(?<![\w/]){_TIME}(?:\s?[-–]\s?{_TIME})?[\s,]*(?:{_WEEKDAY}[\s,]*)?(?:(?:ngày|ngay)\s*{_D}\s?(?:[/.\-]\s?{_M}|\s(?:tháng|thang)\s{_M})|{_D}\s?[/.\-]\s?{_M}(?=\s?[/.\-]\s?\d))"
        rf"(?:\s?[/.\-]\s?(?:{_Y}|\d{{2}})|\s(?:năm|nam)\s(?:{_Y}|\d{{2}}))?(?![\w/])"), 0.95),
    # 02:47 ngày 2024-06-09 (a call log or a device stamp writes the ISO date after the time)
    ("time + ISO date", re.compile(rf"(?<![\w/]){_TIME}[\s,]*(?:ngày|ngay)\s*{_Y}-{_M}-{_D}(?![\w/]|[.]\d)"), 0.95),
    # English in mixed-language chats: 'July 9th, 2024', '9 July 2024', 'Jul 9' (folded text: lower case)
    ("English month", re.compile(rf"(?<![\w]){_EN_MONTH}\.?\s{_D}(?:st|nd|rd|th)?(?:,?\s{_Y})?(?![\w])"
                                 rf"|(?<![\w/.]){_D}(?:st|nd|rd|th)?\s(?:of\s)?{_EN_MONTH}\.?(?:,?\s{_Y})?(?![\w])"), 0.9),
    ("ngày ... tháng ... năm", re.compile(
        rf"(?:(?:ngày|ngay)\s*)?{_D}\s(?:tháng|thang)\s{_M}(?:\s*(?:năm|nam|,)\s*{_Y})?(?!\w)"
        rf"|(?:ngày|ngay)\s+\.{{2,}}\s*(?:tháng|thang)\s+\.{{2,}}\s*(?:năm|nam)\s+{_Y}"), 0.95),
    # 'đợt T4/2025', 'T12-2024': a month written with a T (tháng) before its year
    ("T<month>/<year>", re.compile(rf"(?<![\w/.]){'t'}{_M}\s?[/\-]\s?{_Y}(?![\w/]|[.,]\d)"), 0.85),
    ("tháng .../năm", re.compile(rf"(?:tháng|thang)\s*{_M}\s*(?:[/\-]|\s(?:năm|nam)\s)\s*{_Y}(?!\w)"), 0.9),
    ("tháng ... (month with a context)", re.compile(rf"(?<=\b)(?:tháng|thang)\s{_M}(?=\s(?:vừa|vua|này|nay|trước|truoc|qua|sau)\b)"), 0.6),
    ("yyyy-mm-dd", re.compile(rf"(?<![\w/.]){_Y}[\-/.]{_M}[\-/.]{_D}(?![\w/]|[.]\d)"), 0.95),
    ("dd/mm/yyyy", re.compile(rf"(?<![\w/.,]){_D}\s?([/.\-])\s?{_M}\s?\1\s?(?:{_Y}|\d{{2}})(?![\w/]|[.,]\d)"), 0.95),
    ("mm/yyyy", re.compile(rf"(?<![\w/.,]){_M}\s?[/\-]\s?{_Y}(?![\w/]|[.,]\d)"), 0.85),
]
# 'tăng từ 2000 lên ...', 'dao động từ 1990 ...': a value changing, not a year
_CHANGE_BEFORE = frozenset(["tang", "giam", "len", "xuong", "dong", "chuyen", "dat"])
# a clock time right before a short date: '7h 15/02', '22h30 26/01' (a shift's end, a fasting start)
# (on the same line: '8h–10h' ending one table row is no part of the '07/7' opening the next)
_TIME_BEFORE_DM = re.compile(r"(?<![\w/:.,])\d{1,2}\s?(?:h|g|gio)(?:\s?[0-5]\d)?[ \t]+$")
# 'đầu / cuối / giữa tháng 5/2026': the part of the month belongs to the date
_MONTH_PART_BEFORE = re.compile(r"(?<![\w])(?:dau|cuoi|giua)\s+$")
# a clock time written HH:MM with two-digit hours ('Induction 08:12:', 'Extubated 09:09'): a record stamp
# (not a chat message stamp: '[20:14] Lan: ...', '21:05 - Lan: ...')
_HHMM = re.compile(r"(?<![\w/:.,\[])(?:[01]\d|2[0-3]):[0-5]\d(?![\w/]|[.,:]\d|\][ \t]|[ \t]+-[ \t])")
# a time stamp before ':' inside a line ('Khí máu 5h: pH 7,31')
# (not a duration: 'Sau 2h: BN tỉnh', 'trong 6h:', 'mỗi 4h:')
# (nor a collection period: 'Nước tiểu 24h:', 'Holter 48h:' - no clock reads past 23h)
_STAMP_TIME = re.compile(r"(?<=\s)(?<!sau )(?<!trong )(?<!moi )(?<!cach )((?:[01]?\d|2[0-3])h(?:[0-5]\d)?)(?=:\s)")
# (not the minutes of a time range: '09:30 - 10:05')
# a clock time with its unit glued ('05h', '07g30', '14:20'): what makes a bare day/month a dated moment
_CLOCK_AFTER_DASH = r"(?:[01]?\d|2[0-3])(?:[gh](?:[0-5]\d)?|:[0-5]\d)(?![\w/:])"
_GLUED_CLOCK = re.compile(_CLOCK_AFTER_DASH)
# ('6/11 - 07g30': a dash then a clock time is the hour of that day, no range of numbers)
_DM_RE = re.compile(rf"(?<![\w/.,])(?<!\d:){_D}\s?([/\-])\s?{_M}(?![\w/]|[.,]\d|\s?[/\-]\s?(?!{_CLOCK_AFTER_DASH})\d)")
_MONTH_RE = re.compile(r"(?:trong|vao|tu|dau|cuoi|giua|hoi|den|het|sang|tuan dau|tuan cuoi|nua dau|nua cuoi)\s+"
                       r"(thang\s(?:0?[1-9]|1[0-2])(?:\s?[/\-]\s?(?:19|20)\d\d)?)(?![\w/]|\s?[/\-]\s?\d)")
_YEAR_RE = re.compile(rf"(?<![\w/.,]){_Y}(?![\w/]|[.,]\d)")
_AFTER_NOT_DATE = re.compile(r"\s*(?:mmhg|mm\s?hg|viên|vien|ống|ong|gói|goi|lần|lan|ml|mg|g\b|%|l/p|ck|nhịp|nhip|tuổi|tuoi|t\b(?![ \t]+\w)|tháng|thang|đơn vị|đv)", re.IGNORECASE)
# the same units with diacritics, for text written with them: folded `ong` is also `ông` (a man),
# `lan` also `Lan`, so '27 - 1 ông bắt đầu ho' is a date
_AFTER_NOT_DATE_MARKED = re.compile(r"\s*(?:mmhg|mm\s?hg|viên\b|ống\b|gói\b|lần\b|ml\b|mg\b|g\b|%|l/p|ck\b|nhịp\b|tuổi\b|t\b(?![ \t]+\w)|tháng\b|đơn vị|đv\b)", re.IGNORECASE)
# a time of day right after a date: '12/03/2024, 14h30', '12/3 lúc 8 giờ'
# ('03/02/2026 - 07g15': hours and minutes joined by 'g', giờ)
# ('7/11/2025 - 8g': a bare hour in 'g' ends its line or bracket, else it may be grams)
_TIME_AFTER = re.compile(r"(?:\s*,\s*|\s+(?:lúc|luc|-|–)\s*|\s+)(\d{1,2}\s?(?:h|giờ|gio)\s?\d{0,2}(?:\s?(?:phút|phut|p))?|\d{1,2}:\d{2}"
                         r"|\d{1,2}g[0-5]\d|(?:[01]?\d|2[0-3])g(?=[ \t]*(?:$|\n|\)|:)))(?![\w/:])")


_DAYPART_TIME = re.compile(r"(?<![\w])(?:sang|trua|chieu|toi|dem|khuya)(?:\s+(?:nay|mai|qua|hom nay|hom qua|mai nay|ngay mai))?"
                           r"(?:\s+(?:luc|vao))?\s+(\d{1,2}\s?(?:h|g|gio)(?:\s?\d{2}(?:\s?(?:phut|p))?)?)(?![\w/:])")
# 'mai 7h c ghé', 'hôm nay 15h30 tái khám': a relative day alone before the time (not 'g': 'hôm nay 2g Cefo' is a dose)
_RELDAY_TIME = re.compile(r"(?<![\w])(?:ngay mai|mai|hom nay|hom qua)(?:\s+(?:luc|vao))?\s+(\d{1,2}\s?(?:h|gio)(?:\s?[0-5]\d)?)(?![\w/:])")
_TIME_RELATIVE = re.compile(r"(?<![\w/])(\d{1,2}\s?(?:h|gio)\s?\d{0,2}(?:\s+(?:sang|trua|chieu|toi|dem|khuya))?"
                            r"\s+(?:hom qua|hom nay|hom kia|nay|qua|mai))(?![\w])")
# 'lúc 1h30', 'vào lúc 22:15': a clock time after 'at' (care sheets note when a dose was given)
# ('lúc 22 giờ 14: ST chênh lên': a colon after the minutes ends the stamp, it is no third clock field)
_AT_TIME = re.compile(r"(?<![\w])(?:vao luc|luc)\s+(\d{1,2}\s?(?:h|gio)(?:\s?\d{2}(?:\s?(?:phut|p))?)?|\d{1,2}:\d{2})(?![\w/]|:\d|\s?(?:ngay|hom|sang|chieu|toi|dem|trua)\b)")
# 'từ 14h', 'đến 2h40', 'liều tiếp theo 10h', 'bắt đầu 07h40, ngừng 19h', 'kết thúc 11 giờ 05': a clock time as
# the start, end or next moment of something (not a duration: 'trong 2h', 'sau 5h' stay out)
_FROM_TO_TIME = re.compile(r"(?<![\w])(tu|den|toi|tiep theo|ke tiep|bat dau|ket thuc|ngung|dung)\s+((?:[01]?\d|2[0-4])\s?(?:h|gio)(?:\s?[0-5]\d(?:\s?(?:phut|p))?)?"
                           r"|(?:[01]?\d|2[0-3]):[0-5]\d)(?![\w/:]|\s?(?:ngay|hom|sang|chieu|toi|dem|trua)\b)")
_FROM_TO_MARKED = frozenset(["từ", "đến", "tới", "tiếp theo", "kế tiếp", "bắt đầu", "kết thúc", "ngừng", "dừng"])
# '✓ 8h', '✔ 9h15': the tick of a medication-administration sheet, then the time the dose was given
_TICK_TIME = re.compile(r"[✓✔☑]\s*(\d{1,2}\s?(?:h|g|gio)(?:\s?[0-5]\d)?|\d{1,2}:[0-5]\d)(?![\w/:])")
# words one of which every match of a date pattern contains (in folded text): a note without them skips it
_DATE_NEEDS = {"e-mail header date": ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
               "English month": ("jan", "feb", "march", "apr", "jun", "jul", "aug", "sept", "oct", "nov", "dec"),
               "time + ISO date": ("ngay",), "ngày ... tháng ... năm": ("thang",), "tháng .../năm": ("thang",),
               "tháng ... (month with a context)": ("thang",)}
# '3am', '10:30 pm' (English in mixed-language chats)
_CLOCK_AMPM = re.compile(r"(?<![\w/:.])(\d{1,2}(?::\d{2})?\s?(?:am|pm))(?![\w])")
# a clock time in a story: '7h30 cùng ngày', 'đến 2h40', 'lúc 2h sáng'; not a shift range ('6h00-10h00')
_BARE_TIME = re.compile(r"(?<![\w/:\-])(?<!- )(?<!– )(\d{1,2}h[0-5]\d|\d{1,2}\s?(?:h|gio) (?:sang|trua|chieu|toi|dem|khuya))(?![\w/:]|\s?[\-–])")
# a clock time (or range) opening a clause of a dated timeline line: 'Ngày 9/5: khoảng 7h đi xe về quê; 10h–13h dự
# đám cưới; 17h về phòng trọ' (the line must name a day before it; not a duration: '; 6h đầu', ': 2h sau mổ')
_H = r"(?:[01]?\d|2[0-3])h(?:[0-5]\d)?"
_CLAUSE_TIME = re.compile(rf"[:;][ \t]*(?:khoang |luc |vao (?:luc )?|tu )?({_H}(?:\s?[-–]\s?{_H})?)"
                          r"(?= (?!(?:sau|dau|cuoi|tiep|nay|qua|lien|roi|truoc|moi|mot|con|tro|lan|trong|nua)\b)[a-z])")
# a clock time opening a line, then what happened ('22h HA 88/50 → tăng NE', '14h sốt 39,2 → cấy máu'): the moment of a
# care-sheet entry (not a duration: '6h đầu', '2h sau mổ'; no bare 'g', which may be grams: '07g30' only)
_NOT_DURATION_AFTER = r"(?!(?:sau|dau|cuoi|tiep|nay|qua|lien|roi|truoc|moi|mot|tro|lan|trong|nua|con lai)\b)"
# (a part of the day after it, '4h sáng 6 - 8', is left to the patterns that take it with the date)
_LINE_OPEN_TIME = re.compile(r"^[ \t\-*•+]*((?:[01]?\d|2[0-3])(?:h(?:[0-5]\d)?|g[0-5]\d))[ \t]+"
                             rf"(?={_NOT_DURATION_AFTER}(?!(?:sang|trua|chieu|toi|dem|khuya)\b)[a-z])", re.MULTILINE)
# the next clock time of a timeline line, opening a clause ('sốt 38,8 lúc 16h → Paracetamol 1g, 17h còn 37,6'):
# a line that already gave a clock time goes on with the next moment
_SERIAL_CLAUSE_TIME = re.compile(r"(?:[,;→]|->)[ \t]*((?:[01]?\d|2[0-3])h(?:[0-5]\d)?)"
                                 rf"(?= {_NOT_DURATION_AFTER}[a-z])")
_CLOCK_IN_LINE = re.compile(r"(?<![\w/.,])(?:[01]?\d|2[0-3])(?:h(?:[0-5]\d)?|:[0-5]\d)(?![\w/])")
# the hour of an admission, a discharge or a transfer ('mới nhập 14h từ TTYT', 'ra viện 10h30')
_ADMIT_TIME = re.compile(r"(?<![\w])(?:nhap vien|nhap|vao vien|ra vien|xuat vien|chuyen den|chuyen vien|chuyen khoa)[ \t]+"
                         r"((?:[01]?\d|2[0-3])h(?:[0-5]\d)?)(?![\w/:]|\s?[\-–]|[.,]\d|\s(?:sau|truoc|nay|qua|lien)\b)")
# a weekday right before a date belongs to it ('tái khám thứ Sáu 12/6/2026', 'hôm thứ 5 9/7'); not after a part of
# the day ('sáng thứ Bảy 14/12': the weekday stays out, as in the older notes), nor a count ('lần thứ 2 ...')
_WEEKDAY_BEFORE = re.compile(rf"(?<![\w])(?:{_WEEKDAY})[ \t]*,?[ \t]*$")
_NO_WEEKDAY_AFTER = re.compile(r"(?<![\w])(?:sáng|trưa|chiều|tối|đêm|khuya|ngày|lần|con|đợt|tuần|tháng|năm|liều|mũi|ca|số|kỳ"
                               r"|buổi|người|giờ|phút|bệnh nhân|bn|giường|lớp|tầng|phòng)[ \t]+$")
_NO_WEEKDAY_AFTER_FOLDED = re.compile(r"(?<![\w])(?:sang|trua|chieu|toi|dem|khuya|ngay|lan|con|dot|tuan|thang|nam|lieu|mui|ca|so|ky"
                                      r"|buoi|nguoi|gio|phut|benh nhan|bn|giuong|lop|tang|phong)[ \t]+$")
_DIVIDER_BEFORE = re.compile(r"^[ \t]*[─━—–=*~_\-]{2,}[ \t]*$", re.MULTILINE)
# 'đổi sang thứ 2 ngày 27': a weekday and a bare day of the month (the month is known from the talk)
_WEEKDAY_DAY = re.compile(rf"(?<![\w])((?:{_WEEKDAY})[ \t]+ngay[ \t]+{_D})(?![\w/:]|[.,]\d)")
_DAY_EARLIER = re.compile(rf"(?<![\w/.,]){_D}\s?[/.\-]\s?{_M}(?!\d)|\bngay\s+{_D}\b")
# 'Thời điểm khỏe mạnh cuối cùng là 6 giờ 30': hours and minutes in words with no 'phút' are a clock reading
# (not a duration: 'trong 1 giờ 30', 'sau 2 giờ 15 phút')
_HOUR_WORD_TIME = re.compile(r"(?<![\w/:.,])(?<!trong )(?<!sau )(?<!moi )(?<!cach )(?<!mat )(?<!dai )(?<!hon )"
                             r"((?:[01]?\d|2[0-3]) gio [0-5]\d)(?![\w/:]|[.,]\d|\s?(?:phut|p)\b)")
# '10h anh lên phòng giao ban', '7h30 em qua': a clock time opening a clause, then who will act (an appointment)
_TIME_THEN_PERSON = re.compile(r"(?:^|[,.;:!?(][ \t]*|\n[ \t]*)((?:[01]?\d|2[0-3])h(?:[0-5]\d)?)[ \t]+"
                               r"(?=(?:anh|chi|em|bac|co|chu|ong|ba|chau|minh|toi|tui|con|ca nha|gia dinh)[ \t]+(?!oi\b)[a-z])",
                               re.MULTILINE)
# 'ngày 28.01': a day and a two-digit month joined by a dot after 'ngày' (not a dose: 'ngày 1.50 mg')
_DAY_DOT_MONTH = re.compile(rf"(?<![\w])ngay\s+({_D}\.(?:0[1-9]|1[0-2]))(?![\w/]|[.,]\d|\s?(?:mg|ml|g|l|kg|lit|%|mmol|ui|mcg)\b)")
_MONTH_YEAR = re.compile(rf"(?:t|thang\s?){_M}\s?[/\-]\s?{_Y}")
_DAY_IN_BRACKETS = re.compile(rf"\s*\(\s*ngay\s+({_D})\s*\)")
_LINE_TIME = re.compile(r"^[ \t\-*•]*(\d{1,2}\s?(?:h|g|gio)(?:\s?\d{2})?)[ \t]*:", re.MULTILINE)


# a pipe table's header names what its columns hold ('Ngày | giờ | M | HA', 'STT | Họ tên | Tuổi | SĐT'): a bare
# '12.5', '08h' or '52' in such a column is a date, a clock time or an age, with no cue word in its own cell
_COLUMN_ROLES = {"ngay": "d", "gio": "t", "ngay gio": "dt", "ngay/gio": "dt", "ngay - gio": "dt", "thoi gian": "dt",
                 "thoi diem": "dt", "ngay tiem": "d", "ngay kham": "d", "tuoi": "a", "nam sinh": "y", "ns": "y"}
_CELL_DT = re.compile(rf"(?:({_D}\s?[/.\-]\s?{_M}(?:\s?[/.\-]\s?(?:{_Y}|\d{{2}}))?)(?:\s+|$))?"
                      r"((?:[01]?\d|2[0-3])\s?(?:h|gio)(?:\s?[0-5]\d)?|(?:[01]?\d|2[0-3]):[0-5]\d)?")


_HEADER_UNIT = re.compile(r"\s*\([^()|]{1,12}\)$")


def _table_cells(f: str, roles_wanted: str):
    """(role, start, end) of each non-empty cell of a pipe table whose column header has a role in roles_wanted."""
    roles: dict[int, str] = {}
    pos = 0
    for line in f.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if "|" not in line:
            roles = {}
            continue
        cells, c0 = [], start
        for part in line.split("|"):
            cells.append((c0, c0 + len(part)))
            c0 += len(part) + 1
        # ('Tuổi (tháng)', 'Giờ (h)': the unit in brackets after a column's name keeps its role)
        found = {k: _COLUMN_ROLES[r] for k, (a, b) in enumerate(cells)
                 if (r := f[a:b].strip()) in _COLUMN_ROLES or (r := _HEADER_UNIT.sub("", r)) in _COLUMN_ROLES}
        if found or not any(ch.isdigit() for ch in line):
            # a header row ('SpO2' may name a column); '|---|---|' keeps the header above it
            if found or any(ch.isalpha() for ch in line):
                roles = {k: r for k, r in found.items() if any(x in roles_wanted for x in r)}
            continue
        for k, role in roles.items():
            if k < len(cells):
                a, b = cells[k]
                while a < b and f[a] in " \t":
                    a += 1
                while b > a and f[b - 1] in " \t":
                    b -= 1
                if a < b:
                    yield role, a, b


# visual acuity ('thị lực MP 7/10', 'mắt trái 9/10') and weekday lists ('thứ 2-4-6') are no day/month
_NOT_DM_BEFORE = re.compile(r"(?:\bthi luc\b[^.;\n/]{0,18}|\b(?:mp|mt|mat phai|mat trai|mat p|mat t)\s*:?\s*"
                            r"|\bthu\s*(?:\d\s*[\-,]\s*)*)$")
# a street unit right before a number: the date-like name of a street ('đường 3 Tháng 2', 'Đ. 30/4')
_STREET_BEFORE = re.compile(r"(?:\bduong|\bpho|\bd\.)\s*$")


# Patterns whose every match starts with a digit that a look-behind keeps from following a letter or digit
# (`_DIGIT_START`, at the end of the module): `_scan` tries them only where a run of digits starts.
def _scan(rx: re.Pattern, f: str, starts: list[int]):
    """`rx.finditer(f)`, tried only at digit-run starts when `rx` is one of `_DIGIT_START`."""
    return finditer_at(rx, f, starts) if rx in _DIGIT_START else rx.finditer(f)


class DateRecognizer(Recognizer):
    name = "date"
    labels = ("DATE",)

    def analyze(self, ctx: Context) -> list[Candidate]:
        f = ctx.folded
        out: list[Candidate] = []
        taken = Taken(len(f))

        free = taken.free

        starts = digit_run_starts(ctx)
        for why, rx, score in _DATE_RES:
            needs = _DATE_NEEDS.get(why)
            if needs and not any(w in f for w in needs):
                continue  # (a word every match contains is absent: the scan is skipped)
            for m in _scan(rx, f, starts):
                s, e = m.start(), m.end()
                while e > s and f[e - 1] in " ,":
                    e -= 1
                if f[s].isdigit() and _STREET_BEFORE.search(f, max(0, s - 8), s):
                    continue  # 'đường 3 Tháng 2', 'đường 30/4': a street named after a date
                if free(s, e):
                    taken.append((s, e))
                    out.append(Candidate(s, e, "DATE", score, self.name, f"pattern: {why}"))
        dcues = cues()["date_cues"]
        for m in _scan(_DM_RE, f, starts):
            s, e = m.start(), m.end()
            if not free(s, e) or (_AFTER_NOT_DATE_MARKED.match(ctx.text, e) if ctx.diacritics
                                  else _AFTER_NOT_DATE.match(f, e)) or _STREET_BEFORE.search(f, max(0, s - 8), s):
                continue
            i = ctx.token_index_at(s)
            cue = ctx.cue_before(i, dcues, skip="") if i is not None else None
            before = f[max(0, s - 12):s]
            if re.search(r"(?:\bha|huyết áp|huyet ap|mạch|mach|tỉ lệ|ti le|liều|lieu)\s*:?\s*$", before):
                continue
            if _NOT_DM_BEFORE.search(f, max(0, s - 30), s):
                continue  # visual acuity 'MP 7/10', weekdays 'thứ 2-4-6'

            if cue or re.search(r"(?:ngày|ngay|từ|tu|đến|den|tới|toi)\s*$", before):
                taken.append((s, e))
                out.append(Candidate(s, e, "DATE", 0.85, self.name, "pattern: day/month + date cue"))
            else:
                taken.append((s, e))
                out.append(Candidate(s, e, "DATE", 0.55, self.name, "pattern: day/month (no cue)"))
        # 'từ ngày 8 đến 10 - 8', 'ngày 9 và 10/4': the bare first day of a range
        for c in list(out):
            i = ctx.token_index_at(c.start)
            if i is None or i < 2:
                continue
            # (not an ordinal: 'Ngày ĐT thứ 4 – 15/5/2026' is the 4th day of treatment, then its date)
            if ctx.ftoks[i - 1] in ("den", "toi", "-", "va", ",", "–") and ctx.tokens[i - 2].kind == "number" \
                    and ctx.tokens[i - 2].text.isdigit() and 1 <= int(ctx.tokens[i - 2].text) <= 31 \
                    and not (i > 2 and ctx.ftoks[i - 3] == "thu"):
                s, e = ctx.tokens[i - 2].start, ctx.tokens[i - 2].end
                if ctx.ftoks[i - 1] in ("-", "–") and ctx.tokens[i - 1].start == e and ctx.tokens[i - 1].end == c.start \
                        and free(s, e):
                    # '30-31/7/2025': a range glued by its dash is one date
                    taken.append((s, c.start))
                    out[out.index(c)] = Candidate(s, c.end, "DATE", c.score, self.name, c.explanation + " (day range)")
                elif free(s, e):
                    taken.append((s, e))
                    out.append(Candidate(s, e, "DATE", 0.8, self.name, "pattern: first day of a date range"))
        for m in _MONTH_RE.finditer(f):
            s, e = m.start(1), m.end(1)
            if free(s, e):
                taken.append((s, e))
                out.append(Candidate(s, e, "DATE", 0.75, self.name, "pattern: month + time cue (trong, từ, đầu...)"))
        # a time of day written right after a full date belongs to it (it narrows the moment down)
        # ('KMĐM (6/11 05h)', '6/11 - 07g30': a bare day/month with a clock time after it is a dated moment too)
        for k, c in enumerate(out):
            if c.score >= 0.55:
                m = _TIME_AFTER.match(f, c.end)
                # (only a space or a dash between: after 'lúc' the time is a span of its own, 'lúc' outside; not a chat
                # message stamp '[07/07 20:15] Lan:', whose time of sending is left out)
                if m and c.score < 0.85 and not (_GLUED_CLOCK.fullmatch(f, m.start(1), m.end(1)) and "/" in f[c.start:c.end]
                                                 and (_DATE_DASH.fullmatch(f, c.end, m.start(1)) or f[c.end:m.start(1)] == " ")
                                                 and f[m.end(1):m.end(1) + 1] != "]"):
                    m = None
                if m and free(m.start(1), m.end(1)):
                    taken.append((c.end, m.end(1)))
                    out[k] = Candidate(c.start, m.end(1), "DATE", max(c.score, 0.85), self.name, c.explanation + " + time of day")
        # a clock time before a short date, a part of the month before 'tháng': both belong to the date
        for k, c in enumerate(out):
            if f[c.start:c.start + 5] == "thang":
                m = _MONTH_PART_BEFORE.search(f, max(0, c.start - 8), c.start)
            elif f[c.start].isdigit() and c.score >= 0.55:
                m = _TIME_BEFORE_DM.search(f, max(0, c.start - 12), c.start)
            else:
                m = None
            if m and free(m.start(), m.end()):
                taken.append((m.start(), c.start))
                out[k] = Candidate(m.start(), c.end, "DATE", max(c.score, 0.85), self.name, c.explanation + " + time/part before")
        for m in _FROM_TO_TIME.finditer(f):
            s, e = m.start(2), m.end(2)
            if ctx.diacritics and ctx.text[m.start(1):m.end(1)].lower() not in _FROM_TO_MARKED:
                continue  # 'tủ 3h' is no 'từ'
            if free(s, e):
                taken.append((s, e))
                out.append(Candidate(s, e, "DATE", 0.7, self.name, "pattern: clock time after từ/đến/tiếp theo"))
        for rx, why in ((_HHMM, "clock time HH:MM"), (_STAMP_TIME, "time stamp before ':'")):
            for m in _scan(rx, f, starts):
                s, e = m.span(rx.groups and 1 or 0)
                if free(s, e) and not re.search(r"(?:ti le|ratio|hieu gia|titer|pha loang)\s*:?\s*$", f[max(0, s - 14):s]):
                    taken.append((s, e))
                    out.append(Candidate(s, e, "DATE", 0.7, self.name, f"pattern: {why}"))
        for m in _CLAUSE_TIME.finditer(f):
            s, e = m.start(1), m.end(1)
            if free(s, e) and _DAY_EARLIER.search(f, f.rfind("\n", 0, s) + 1, s):
                taken.append((s, e))
                out.append(Candidate(s, e, "DATE", 0.7, self.name, "pattern: clock time opening a clause of a dated line"))
        # a weekday right before a date ('thứ Sáu 12/6/2026', 'thứ 5 9/7')
        if "thu" in f or "chu nhat" in f:
            for k, c in enumerate(out):
                if not f[c.start].isdigit():
                    continue
                m = _WEEKDAY_BEFORE.search(f, max(0, c.start - 16), c.start)
                if not m or not free(m.start(), c.start):
                    continue
                if ctx.diacritics and not ctx.text[m.start():m.start() + 3].lower() in ("thứ", "chủ"):
                    continue  # 'thư', 'thu': no weekday
                before = (ctx.text[max(0, m.start() - 14):m.start()].lower() if ctx.diacritics else f[max(0, m.start() - 14):m.start()])
                if (_NO_WEEKDAY_AFTER if ctx.diacritics else _NO_WEEKDAY_AFTER_FOLDED).search(before):
                    continue
                if _DIVIDER_BEFORE.search(f, f.rfind("\n", 0, m.start()) + 1, m.start()):
                    continue  # '────── Thứ Tư, 20/05/2026 ──────': a chat export's day divider, the weekday is layout
                taken.append((m.start(), c.start))
                out[k] = Candidate(m.start(), c.end, "DATE", max(c.score, 0.85), self.name, c.explanation + " + weekday before")
            for m in _WEEKDAY_DAY.finditer(f):
                s, e = m.start(1), m.end(1)
                if ctx.diacritics and not ctx.text[s:s + 3].lower() in ("thứ", "chủ"):
                    continue
                if free(s, e) and not (_AFTER_NOT_DATE_MARKED.match(ctx.text, e) if ctx.diacritics else _AFTER_NOT_DATE.match(f, e)):
                    taken.append((s, e))
                    out.append(Candidate(s, e, "DATE", 0.8, self.name, "pattern: weekday + day of the month"))
        # clock times of a care sheet's timeline: opening a line, the next one on a timed line, the hour of an admission
        for m in _LINE_OPEN_TIME.finditer(f):
            s, e = m.start(1), m.end(1)
            if free(s, e):
                taken.append((s, e))
                out.append(Candidate(s, e, "DATE", 0.7, self.name, "pattern: clock time opening a line"))
        for m in _SERIAL_CLAUSE_TIME.finditer(f):
            s, e = m.start(1), m.end(1)
            if free(s, e) and _CLOCK_IN_LINE.search(f, f.rfind("\n", 0, s) + 1, m.start()):
                taken.append((s, e))
                out.append(Candidate(s, e, "DATE", 0.7, self.name, "pattern: next clock time of a timed line"))
        for m in _ADMIT_TIME.finditer(f):
            s, e = m.start(1), m.end(1)
            if free(s, e):
                taken.append((s, e))
                out.append(Candidate(s, e, "DATE", 0.7, self.name, "pattern: hour of an admission or discharge"))
        # a time of day tied to a day ('sáng mai 7h30', 'chiều nay 3g') or stamping a nursing record ('14h: ...')
        for rx, why in ((_TIME_RELATIVE, "time of day + relative day (4h sáng nay)"), (_BARE_TIME, "clock time (7h30, 2h sáng)"),
                        (_DAYPART_TIME, "time of day after a day part"), (_LINE_TIME, "time stamp of a record line"),
                        (_CLOCK_AMPM, "clock time with am/pm"), (_AT_TIME, "clock time after 'lúc'"),
                        (_RELDAY_TIME, "clock time after a relative day (mai 7h)"),
                        (_TICK_TIME, "administration time after a tick"), (_HOUR_WORD_TIME, "clock time in words (6 giờ 30)"),
                        (_TIME_THEN_PERSON, "clock time then who acts (10h anh lên)"),
                        (_DAY_DOT_MONTH, "day.month after 'ngày'")):
            if rx is _CLOCK_AMPM and "am" not in f and "pm" not in f:
                continue
            for m in _scan(rx, f, starts):
                s, e = m.start(1), m.end(1)
                if free(s, e):
                    taken.append((s, e))
                    out.append(Candidate(s, e, "DATE", 0.7, self.name, f"pattern: {why}"))
        # 'T1/2026 (ngày 15)', 'tháng 3/2026 (ngày 12)': the day of a month and year given in brackets after it
        for c in list(out):
            if _MONTH_YEAR.fullmatch(f, c.start, c.end):
                m = _DAY_IN_BRACKETS.match(f, c.end)
                if m and free(m.start(1), m.end(1)):
                    taken.append((m.start(1), m.end(1)))
                    out.append(Candidate(m.start(1), m.end(1), "DATE", 0.8, self.name, "pattern: day in brackets after a month"))
        if "|" in f:
            for role, a, b in _table_cells(f, "dty"):
                m = _YEAR_RE.fullmatch(f, a, b) if role == "y" else _CELL_DT.fullmatch(f, a, b)
                if m is None:
                    continue
                for g in ((0,) if role == "y" else (1,) if role == "d" else (2,) if role == "t" else (1, 2)):
                    if m.start(g) >= 0 and m.end(g) > m.start(g) and free(m.start(g), m.end(g)):
                        taken.append((m.start(g), m.end(g)))
                        out.append(Candidate(m.start(g), m.end(g), "DATE", 0.8, self.name, "pattern: cell of a date/time column"))
        year_ends = {c.end for c in out if c.end - c.start == 4 and f[c.start:c.end].isdigit()}
        ycues = cues()["year_cues"]
        for m in _scan(_YEAR_RE, f, starts):
            s, e = m.start(), m.end()
            if not free(s, e):
                continue
            i = ctx.token_index_at(s)
            cue = ctx.cue_before(i, ycues) if i is not None else None
            if not cue and i and ctx.ftoks[i - 1] == "|":
                cue = ctx.cue_before(i, ycues, skip="|")  # '| Năm sinh | 1995 (30T) |': the label in the cell before
            if not cue and i and ctx.ktoks[i - 1] in ("từ", "tu") and not _AFTER_NOT_DATE.match(f, e) \
                    and not f[s:e].startswith("18") and not (i > 1 and ctx.ftoks[i - 2] in _CHANGE_BEFORE) \
                    and not re.match(r"\s*(?:->|→|len|xuong)\s*\d", f[e:e + 10]) \
                    and not (re.match(r"\s*(?:-|–|den|toi)\s*\d", f[e:e + 10])
                             and not re.match(r"\s*(?:-|–|den|toi)\s*(?:19|20)\d\d(?![\w/]|[.,]\d)(?!\s*(?:ml|mg|g\b|l\b|%|don vi))", f[e:e + 24])):
                # (a range of years 'từ 2005 đến 2015' is history; 'từ 2000 đến 3000 ml' is a volume)
                cue = "từ"  # 'đã bỏ thuốc từ 2019': a year (not 'từ 2000 ml', not a range of counts)
            if not cue and i and ctx.ftoks[i - 1] in ("den", "toi", "-", "–") and not _AFTER_NOT_DATE.match(f, e) \
                    and any(x in year_ends for x in range(ctx.tokens[i - 1].start - 2, ctx.tokens[i - 1].start + 1)):
                cue = "đến"  # the end of a range of years: 'từ 2005 đến 2015'
            if cue:
                taken.append((s, e))
                out.append(Candidate(s, e, "DATE", 0.9, self.name, "pattern: year + cue (sinh năm, SN, năm)"))
                year_ends.add(e)
        return _join_ranges(f, out)


# 'Hạn thẻ: 01/01/2026 - 31/12/2026' (two full dates joined by a dash), 'từ 11h00 đến 13h30' (two clock times):
# one period, one span, like the dash-joined time ranges '10h–13h'
_FULL_DATE = re.compile(rf"{_D}\s?([/.\-]){_M}\1(?:{_Y}|\d{{2}})")
_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])\s?(?:h|g|gio)(?:\s?[0-5]\d)?|(?:[01]?\d|2[0-3]):[0-5]\d")
_DATE_DASH = re.compile(r"\s?[-–]\s?")
_TIME_TO = re.compile(r"\s+(?:den|toi)\s+")


def _join_ranges(f: str, out: list[Candidate]) -> list[Candidate]:
    if len(out) < 2:
        return out
    out.sort(key=lambda c: c.start)
    joined = [out[0]]
    for c in out[1:]:
        p = joined[-1]
        a, b = f[p.start:p.end], f[c.start:c.end]
        if p.end < c.start and (_DATE_DASH.fullmatch(f, p.end, c.start) and _FULL_DATE.fullmatch(a) and _FULL_DATE.fullmatch(b)
                                or _TIME_TO.fullmatch(f, p.end, c.start) and _CLOCK.fullmatch(a) and _CLOCK.fullmatch(b)):
            joined[-1] = Candidate(p.start, c.end, "DATE", max(p.score, c.score), p.source, p.explanation + " (range)")
        else:
            joined.append(c)
    return joined


# --- ages: resources/deid/rules/age.yaml (the hook below) -----------------------------------------------------


@register_hook("ages")
class AgeRecognizer(RuleRecognizer):
    """The age recognizer of the `age` pack (resources/deid/rules/age.yaml): its patterns, scores and
    explanations are there; what is code is which group is the age and what rules a match out."""

    def __init__(self, spec: dict, *args, **kwargs):
        super().__init__(spec, *args, **kwargs)
        self.max_age = int(self.data["max_age"])

    def analyze(self, ctx: Context) -> list[Candidate]:
        out = []
        f = ctx.folded
        starts = digit_run_starts(ctx)
        name, top, P = self.name, self.max_age, self.pattern
        p = P("number and age unit")
        group_threshold, magnet = self.rx("group threshold before"), self.rx("magnet before")
        for m in finditer_at(p.rx, f, starts):
            if int(m.group(1)) > top:
                continue
            if group_threshold.search(f, max(0, m.start() - 30), m.start()):
                continue  # 'cho trẻ trên 1 tuổi uống ...': an age limit in advice to everyone, no one's age
            if f[m.end() - 1] == "t" and magnet.search(f, max(0, m.start() - 20), m.start()):
                continue  # 'MRI 1.5T': tesla
            out.append(Candidate(m.start(), m.end(), "AGE", p.score, name, p.explanation))
        p = P("age range")
        for m in p.rx.finditer(f):
            for g in (1, 2):
                if int(m.group(g)) <= top:
                    out.append(Candidate(m.start(g), m.end(g), "AGE", p.score, name, p.explanation))
        p = P("number word and tuổi")
        for m in p.rx.finditer(f):
            out.append(Candidate(m.start(1), m.end(1), "AGE", p.score, name, p.explanation))
        p = P("years and months")
        for m in finditer_at(p.rx, f, starts):
            out.append(Candidate(m.start(), m.end(), "AGE", p.score, name, p.explanation))
        p = P("child and months")
        for m in p.rx.finditer(f):
            out.append(Candidate(m.start(1), m.end(1), "AGE", p.score, name, p.explanation))
        p = P("child's name and months")
        for m in p.rx.finditer(f):
            # 'Bé Pả Thị Liễu, 22 tháng, ...': the child's name (capitalised) then the age in months
            if all(w[:1].isupper() for w in ctx.text[m.start(1):m.end(1)].split()):
                out.append(Candidate(m.start(2), m.end(2), "AGE", p.score, name, p.explanation))
        p = P("English age")
        for m in (p.rx.finditer(f) if any(w in f for w in p.needs) else ()):
            g = 1 if m.start(1) >= 0 else 2
            if int(_LEADING_NUMBER.match(m.group(g)).group()) <= top:
                out.append(Candidate(m.start(g), m.end(g), "AGE", p.score, name, p.explanation))
        p = P("age after its cue")
        for m in p.rx.finditer(f):
            if int(_LEADING_NUMBER.match(m.group(1)).group()) > top:
                continue
            out.append(Candidate(m.start(1), m.end(1), "AGE", p.score, name, p.explanation))
        p = P("age after a birth date")
        for m in p.rx.finditer(f):
            out.append(Candidate(m.start(1), m.end(1), "AGE", p.score, name, p.explanation))
        if "|" in f:
            p = P("age column cell")
            for _role, a, b in _table_cells(f, "a"):
                m = p.rx.fullmatch(f, a, b)
                if m and int(m.group(2)) <= top:
                    out.append(Candidate(a, m.end(1), "AGE", p.score, name, p.explanation))
        return out


_LEADING_NUMBER = re.compile(r"\d+")



_DIGIT_START = frozenset([rx for why, rx, _s in _DATE_RES if why in ("time + date", "time + ISO date", "yyyy-mm-dd",
                                                                    "dd/mm/yyyy", "mm/yyyy")]
                         + [_TIME_RELATIVE, _BARE_TIME, _CLOCK_AMPM, _HOUR_WORD_TIME, _DM_RE, _YEAR_RE, _HHMM])
