"""Pattern recognizers still written in code: ID, DATE, AGE (EMAIL, URL, IP and PHONE are rule packs:
resources/deid/rules/*.yaml, run by rules.RuleRecognizer).

Patterns run on the accent-folded lower-case text (same offsets as the input), so `Ngày`, `NGAY`
and `ngay` look alike. Each candidate carries the check that passed as its explanation.
"""
from __future__ import annotations

import re
import threading

from .. import validators as V
from .base import Candidate, Context, PhraseSet, Taken, digit_run_starts, finditer_at
from .lexicons import cues
from .rules import RuleRecognizer, register_hook
from .regex_needs import cannot_match, has_exotic, match_starts

_NOT_DIGIT_BEFORE = r"(?<![\w.,/])"
_NOT_DIGIT_AFTER = r"(?![\w/]|[.,]\d)"
# a record code: letters and digits in groups joined by '-', '/' or '.' ('CG-KH-26-1187', 'BN26-095566')
_CODE_SHAPE = re.compile(r"[A-Za-z0-9]+(?:[\-/.][A-Za-z0-9]+)*")
_CODE_PARTS = re.compile(r"[A-Za-z]+|[0-9]+|[\-/.]")


def _kind_cue(ctx: Context, i: int | None) -> tuple[str | None, str | None]:
    """(ID kind, cue) of the nearest ID cue before token i, looking past ':' and 'số': the steps of the ID pack's
    `cue_steps`, in that order (the first that answers wins)."""
    if i is None:
        return None, None
    if _ID_ORDER is None:
        _load_id_pack()
    k = i
    # allow 'số', ':' '#' '.' between the cue and the value (the pack's between_cue_and_value)
    while k > 0 and ctx.ftoks[k - 1] in _BETWEEN_CUE_AND_VALUE and i - k < 3:
        k -= 1
    for step in _CUE_STEPS:
        got = step(ctx, i, k)
        if got is not None:
            return got
    return None, None


def _step_cue(ctx: Context, i: int, k: int) -> tuple[str, str] | None:
    """An ID cue right before the value ('CCCD: ...', 'mã BN ...'): its kind."""
    allc, kinds = _id_cue_index()
    c = ctx.cue_before(k, allc, skip="") or ctx.cue_before(i, allc)
    return (kinds[c], c) if c else None


def _step_owner_after_bank_cue(ctx: Context, i: int, k: int) -> tuple[str, str] | None:
    """'tk chị 0421 000 758 996': a kinship word between an account cue and the number."""
    if k > 1 and ctx.ftoks[k - 1] in _OWNER_WORDS:
        allc, kinds = _id_cue_index()
        c = ctx.cue_before(k - 1, allc, skip="")
        if c and kinds[c] == "bank":
            return "bank", c
    return None


def _step_owner_after_link(ctx: Context, i: int, k: int) -> tuple[str, str] | None:
    """'mã BN của em 108-2210457', 'số thẻ của tôi ...': 'của' + the owner between any ID cue and the value."""
    ft = ctx.ftoks
    if k > 2 and ft[k - 2] in _OWNER_LINK and (ft[k - 1] in _OWNER_WORDS or ft[k - 1] in _OWNER_SHORT):
        allc, kinds = _id_cue_index()
        c = ctx.cue_before(k - 2, allc, skip="")
        if c:
            return kinds[c], c
    return None


def _step_label_words_colon(ctx: Context, i: int, k: int) -> tuple[str, str] | None:
    """'Mã sự cố: SC-2025-0119', 'SỐ KCB: 000417/KCB': 'mã'/'số' + one or two words + ':' labels a code; a code of
    letters and digits ('GL-ADR-25/0388') may follow a longer label ('Mã số báo cáo của đơn vị:')."""
    ft, toks = ctx.ftoks, ctx.tokens
    if not (i > 2 and ft[i - 1] == ":"):
        return None
    strong = toks[i].kind == "code" and any(ch.isalpha() for ch in ft[i]) and sum(map(str.isdigit, ft[i])) >= 2 \
        or i + 2 < len(toks) and toks[i].kind == "word" and toks[i].text.isupper() and len(ft[i]) <= 4 \
        and ft[i + 1] in ("/", ".", "-") and toks[i + 1].start == toks[i].end and toks[i + 2].start == toks[i + 1].end \
        and toks[i + 2].text[:1].isdigit()  # 'HS/2025/1142': letters, then digits glued by '/
    for w in ((2, 3, 4, 5, 6, 7) if strong else (2, 3)):
        h = i - 1 - w
        # (a count's label, 'Số lượt:', 'Mã lượt thăm:', labels a code when the value is one: no count is 'HV-2026-0912')
        if h >= 0 and ft[h] in _LABEL_HEADS and all(toks[x].kind == "word" for x in range(h + 1, i - 1)) \
                and (" ".join(ft[h + 1:i - 1]) not in _NOT_ID_LABELS and ft[h + 1] not in _NOT_ID_LABELS
                     or strong and ft[h] != "so" and ft[h + 1] in _COUNT_LABELS) \
                and (h == 0 or ft[h - 1] not in _NOT_ID_BEFORE):
            return "labelled", " ".join(ft[h:i - 1])
    return None


def _step_caps_label_colon(ctx: Context, i: int, k: int) -> tuple[str, str] | None:
    """'TRN: EGB4173902', 'UPN: K2291043': a field label in capitals, then letters and 5+ digits in one code."""
    ft, toks = ctx.ftoks, ctx.tokens
    if i > 1 and ft[i - 1] == ":" and toks[i - 2].kind == "word" and 2 <= len(toks[i - 2].text) <= 5 \
            and toks[i - 2].text.isupper() and _CAPS_LABELLED_CODE.fullmatch(toks[i].text):
        return "labelled", ft[i - 2]
    return None


def _step_label_colon_code(ctx: Context, i: int, k: int) -> tuple[str, str] | None:
    """'Ref: AB1234567', 'Report No: RPT-88213': any field label, then 2-4 capitals and 5+ digits in one code."""
    ft, toks = ctx.ftoks, ctx.tokens
    if i > 1 and ft[i - 1] == ":" and toks[i - 2].kind == "word" and ft[i - 2] not in _NOT_ID_LABELS \
            and _LABELLED_CODE.fullmatch(toks[i].text):
        return "labelled", ft[i - 2]
    return None


def _step_label_words_letter_code(ctx: Context, i: int, k: int) -> tuple[str, str] | None:
    """'số ĐK lao Q8-25-0176', 'mã hộ GĐ-0412': 'mã'/'số' + one to three words + a code of letters, digits, a dash."""
    ft = ctx.ftoks
    if i > 2 and _LETTER_CODE.fullmatch(ft[i]):
        for w in (1, 2, 3):
            h = i - 1 - w
            if h >= 0 and ft[h] in _LABEL_HEADS and all(ctx.tokens[x].kind == "word" for x in range(h + 1, i)) \
                    and " ".join(ft[h + 1:i]) not in _NOT_ID_LABELS and ft[h + 1] not in _NOT_ID_LABELS:
                return "labelled", " ".join(ft[h:i])
    return None


def _step_cue_before_gloss(ctx: Context, i: int, k: int) -> tuple[str, str] | None:
    """'Mã NV (employee no.): DS20417', 'Số CCCD (ID no.) 0791...': a gloss of a few words in brackets between an ID
    cue and its value (bilingual forms) hides nothing: the cue before the brackets names the value."""
    ft, toks = ctx.ftoks, ctx.tokens
    if not (k > 2 and ft[k - 1] in _GLOSS_CLOSE):
        return None
    j = k - 2
    while j > 0 and k - 2 - j < _GLOSS_MAX_TOKENS and ft[j] not in _GLOSS_OPEN:
        if toks[j].kind not in ("word", "punct", "dotted") or ft[j] in _GLOSS_CLOSE:
            return None
        j -= 1
    if j <= 0 or ft[j] not in _GLOSS_OPEN or j == k - 2 or "\n" in ctx.text[toks[j].start:toks[k - 1].end]:
        return None
    allc, kinds = _id_cue_index()
    c = ctx.cue_before(j, allc, skip="")
    return (kinds[c], c) if c else None


# the steps by the names the ID pack orders them with (`cue_steps`)
_CUE_STEP_FUNCS = {"cue": _step_cue, "owner_after_bank_cue": _step_owner_after_bank_cue,
                   "owner_after_link": _step_owner_after_link, "label_words_colon": _step_label_words_colon,
                   "caps_label_colon": _step_caps_label_colon, "label_colon_code": _step_label_colon_code,
                   "label_words_letter_code": _step_label_words_letter_code,
                   "cue_before_gloss": _step_cue_before_gloss}


# The ID pack (resources/deid/rules/id.yaml) holds the patterns and word lists of the ID recognizer and of
# `_kind_cue`; they are read once, on first use.
_ID_ORDER: tuple[str, ...] | None = None
_BETWEEN_CUE_AND_VALUE = _OWNER_WORDS = _NOT_ID_LABELS = _NOT_ID_BEFORE = _LABEL_HEADS = _OWNER_LINK = _OWNER_SHORT = frozenset()
_CUE_STEPS: tuple = ()
_COUNT_LABELS: frozenset = frozenset()
_COUNTER_SO = _LABELLED_CODE = _CAPS_LABELLED_CODE = _LETTER_CODE = _HASH_CODE = None
_NUMBER_CUES: frozenset = frozenset()
_GLOSS_OPEN: frozenset = frozenset()
_GLOSS_CLOSE: frozenset = frozenset()
_GLOSS_MAX_TOKENS = 0
_SHORT_COUNT_CUES: frozenset = frozenset()


_LOAD_LOCK = threading.Lock()


def _load_id_pack() -> None:
    with _LOAD_LOCK:  # (another thread may be loading: `_ID_ORDER`, set last, says it is done)
        if _ID_ORDER is None:
            _bind_id_pack()


def _bind_id_pack() -> None:
    global _ID_ORDER, _BETWEEN_CUE_AND_VALUE, _OWNER_WORDS, _NOT_ID_LABELS, _NOT_ID_BEFORE, _LABEL_HEADS, _OWNER_LINK
    global _OWNER_SHORT, _CUE_STEPS, _COUNT_LABELS
    global _NUMBER_CUES, _SHORT_COUNT_CUES, _GLOSS_OPEN, _GLOSS_CLOSE, _GLOSS_MAX_TOKENS
    global _COUNTER_SO, _LABELLED_CODE, _CAPS_LABELLED_CODE, _LETTER_CODE, _HASH_CODE
    from .rules import builtin_pack

    rec = builtin_pack("id").recognizers[0]
    d, rx = rec.data, rec.rx
    _BETWEEN_CUE_AND_VALUE = tuple(d["between_cue_and_value"])
    _OWNER_WORDS = frozenset(d["owner_words"])
    _NOT_ID_LABELS = frozenset(d["not_id_labels"])
    _NOT_ID_BEFORE = frozenset(d["not_id_before"])
    _COUNT_LABELS = frozenset(d.get("count_labels", ()))
    _LABEL_HEADS = frozenset(d["label_heads"])
    _OWNER_LINK = frozenset(d["owner_link"])
    _OWNER_SHORT = frozenset(d["owner_short"])
    unknown = [x for x in d["cue_steps"] if x not in _CUE_STEP_FUNCS]
    if unknown:
        raise ValueError(f"{rec.source_file}: rule 'id': field data.cue_steps: unknown step(s) {unknown}; "
                         f"known: {', '.join(_CUE_STEP_FUNCS)}")
    _CUE_STEPS = tuple(_CUE_STEP_FUNCS[x] for x in d["cue_steps"])
    _COUNTER_SO, _LABELLED_CODE, _CAPS_LABELLED_CODE, _LETTER_CODE = (
        rx("counter_so"), rx("labelled_code"), rx("caps_labelled_code"), rx("letter_code"))
    _HASH_CODE = rx("hash_code")
    _NUMBER_CUES, _SHORT_COUNT_CUES = frozenset(d["number_cues"]), frozenset(d["short_count_cues"])
    _GLOSS_OPEN, _GLOSS_CLOSE = frozenset(d["gloss_open"]), frozenset(d["gloss_close"])
    _GLOSS_MAX_TOKENS = int(d["gloss_max_tokens"])
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


# an amount written in thousands with dots, a currency after it or not ('6.220.300', '899.600d', '7.083.300 đ'): a
# bill's total or the insurance's share, no identifier unless the cue says an identity card or an account (a CMND
# written '024.567.891' opens with 0, an amount never does)
_MONEY = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+(?:\s?(?:đ|d|vnđ|vnd|đồng|dong))?")
_DOTTED_ID_KINDS = frozenset({"cccd", "cmnd", "bhxh", "bank", "passport", "mrn", "admission"})


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
        p = self.pattern("patient_ordinal")
        for m in p.rx.finditer(f):
            if free(m.start(1), m.end(1)) and not self._unit_after.match(f, m.end(1)):
                add(m.start(1), m.end(1), "patient_code", 0.85, p.explanation)
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
            if kind not in _DOTTED_ID_KINDS and _MONEY.fullmatch(raw):
                continue  # 'Quỹ BHYT: 6.220.300', '8 lượt BN 7.083.300 đ': an amount in thousands, no record number
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
        # only tokens that hold a digit (a word of letters only holds none: most tokens, skipped without a scan)
        toks = ctx.tokens
        with_digit = [i for i, t in enumerate(toks) if not (t[3] == "word" and t[0].isalpha()) and any(map(str.isdigit, t[0]))]
        for i in with_digit:
            tok = toks[i]
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
            if cue in _NUMBER_CUES and tok.text.isdigit() and _COUNTER_SO.search(f, max(0, tok.start - 16), tok.start) \
                    and not (i + 1 < len(ctx.tokens) and ctx.tokens[i + 1].start == tok.end and ctx.ftoks[i + 1] in ("/", "-", ".")):
                continue  # 'lượt số 0412', 'quầy số 3', 'tờ số 03': a queue, desk or sheet number names no one
            if cue in _SHORT_COUNT_CUES and kind in ("serial", "mrn") and tok.text.isdigit() and len(tok.text) <= 2 \
                    and not (i + 2 < len(ctx.tokens) and ctx.ftoks[i + 1] == "/" and ctx.tokens[i + 1].start == tok.end
                             and ctx.tokens[i + 2].start == ctx.tokens[i + 1].end and ctx.tokens[i + 2].text.isalpha()):
                # ('Số: 87/GCNTT': a document number, its issuing office after the slash, stays)
                continue  # 'Xe số 07', 'giường số 12': a bare 'số' before two digits is a count or a seat ('ma 2 tiếng sau': mà)
            if cue in _NUMBER_CUES and self._form_number_before.search(f[max(0, tok.start - 12):tok.start]):
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
            if kind not in _DOTTED_ID_KINDS and _MONEY.fullmatch(f[start:e]):
                continue  # 'BHYT 899.600d', 'Quỹ BHYT: 268.185': an amount, no card or record number
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
        p = self.pattern("patient_range")
        for m in p.rx.finditer(f):
            for g in (1, 2):
                if free(m.start(g), m.end(g)):
                    add(m.start(g), m.end(g), "patient_code", 0.8, p.explanation)
        rows = _row_numbers(ctx.text)
        if rows:
            # 'BN 31 chuyển điều trị lao', 'BN số 3 đã ký' under a table or a list whose rows are numbered 31 or 3: the
            # note points at its own row, not at a patient number
            out[:] = [c for c in out if not (c.attrs.get("kind") == "patient_code" and _row_pointer(ctx.text[c.start:c.end], rows))]
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


# --- dates: resources/deid/rules/date.yaml (the hook `dates` below) ------------------------------------------------
# The date pack's patterns are bound to these names once, on first use (`_load_date_pack`); their comments are there.
_DATE_LOADED = False
_DATE_RES: list[tuple[str, re.Pattern, float]] = []
_DATE_NEEDS: dict[str, tuple[str, ...]] = {}
_DIGIT_START: frozenset = frozenset()
_CHANGE_BEFORE: frozenset = frozenset()
_FROM_TO_MARKED: frozenset = frozenset()
_YEAR_FROM: frozenset = frozenset()
_YEAR_HISTORY: frozenset = frozenset()
_YEAR_HISTORY_WIDE: frozenset = frozenset()
_WEEKDAY_HEADS_MARKED: frozenset = frozenset()
_TIME_FORMS: tuple[tuple[re.Pattern, str], ...] = ()
_COLUMN_ROLES: dict[str, str] = {}
_ADMIT_TIME: re.Pattern = None  # type: ignore[assignment]
_AFTER_NOT_DATE: re.Pattern = None  # type: ignore[assignment]
_AFTER_NOT_DATE_MARKED: re.Pattern = None  # type: ignore[assignment]
_AT_TIME: re.Pattern = None  # type: ignore[assignment]
_BARE_TIME: re.Pattern = None  # type: ignore[assignment]
_CELL_DT: re.Pattern = None  # type: ignore[assignment]
_CLAUSE_TIME: re.Pattern = None  # type: ignore[assignment]
_CLOCK: re.Pattern = None  # type: ignore[assignment]
_CLOCK_AMPM: re.Pattern = None  # type: ignore[assignment]
_CLOCK_IN_LINE: re.Pattern = None  # type: ignore[assignment]
_DATE_DASH: re.Pattern = None  # type: ignore[assignment]
_DATE_WORD_BEFORE: re.Pattern = None  # type: ignore[assignment]
_DAYPART_TIME: re.Pattern = None  # type: ignore[assignment]
_DAY_DOT_MONTH: re.Pattern = None  # type: ignore[assignment]
_DAY_EARLIER: re.Pattern = None  # type: ignore[assignment]
_DAY_IN_BRACKETS: re.Pattern = None  # type: ignore[assignment]
_DIVIDER_BEFORE: re.Pattern = None  # type: ignore[assignment]
_DM_RE: re.Pattern = None  # type: ignore[assignment]
_FROM_TO_TIME: re.Pattern = None  # type: ignore[assignment]
_FULL_DATE: re.Pattern = None  # type: ignore[assignment]
_GLUED_CLOCK: re.Pattern = None  # type: ignore[assignment]
_HEADER_UNIT: re.Pattern = None  # type: ignore[assignment]
_HHMM: re.Pattern = None  # type: ignore[assignment]
_HOUR_WORD_TIME: re.Pattern = None  # type: ignore[assignment]
_LINE_OPEN_TIME: re.Pattern = None  # type: ignore[assignment]
_LINE_TIME: re.Pattern = None  # type: ignore[assignment]
_MONTH_PART_BEFORE: re.Pattern = None  # type: ignore[assignment]
_MONTH_RE: re.Pattern = None  # type: ignore[assignment]
_MONTH_YEAR: re.Pattern = None  # type: ignore[assignment]
_NOT_DM_BEFORE: re.Pattern = None  # type: ignore[assignment]
_NO_WEEKDAY_AFTER: re.Pattern = None  # type: ignore[assignment]
_NO_WEEKDAY_AFTER_FOLDED: re.Pattern = None  # type: ignore[assignment]
_RANGE_AFTER: re.Pattern = None  # type: ignore[assignment]
_RATIO_BEFORE: re.Pattern = None  # type: ignore[assignment]
_RELDAY_TIME: re.Pattern = None  # type: ignore[assignment]
_SERIAL_CLAUSE_TIME: re.Pattern = None  # type: ignore[assignment]
_STAMP_TIME: re.Pattern = None  # type: ignore[assignment]
_STREET_BEFORE: re.Pattern = None  # type: ignore[assignment]
_TICK_TIME: re.Pattern = None  # type: ignore[assignment]
_TIME_AFTER: re.Pattern = None  # type: ignore[assignment]
_TIME_BEFORE_DM: re.Pattern = None  # type: ignore[assignment]
_TIME_RELATIVE: re.Pattern = None  # type: ignore[assignment]
_TIME_THEN_PERSON: re.Pattern = None  # type: ignore[assignment]
_TIME_TO: re.Pattern = None  # type: ignore[assignment]
_VALUE_CHANGE_AFTER: re.Pattern = None  # type: ignore[assignment]
_VITAL_SIGN_BEFORE: re.Pattern = None  # type: ignore[assignment]
_WEEKDAY_BEFORE: re.Pattern = None  # type: ignore[assignment]
_WEEKDAY_DAY: re.Pattern = None  # type: ignore[assignment]
_YEAR_RANGE_AFTER: re.Pattern = None  # type: ignore[assignment]
_YEAR_RE: re.Pattern = None  # type: ignore[assignment]

# global name -> pattern name in date.yaml
_DATE_PATTERN_NAMES = {
    '_ADMIT_TIME': 'admit time',
    '_AFTER_NOT_DATE': 'after not date',
    '_AFTER_NOT_DATE_MARKED': 'after not date marked',
    '_AT_TIME': 'at time',
    '_BARE_TIME': 'bare time',
    '_CELL_DT': 'cell dt',
    '_CLAUSE_TIME': 'clause time',
    '_CLOCK': 'clock',
    '_CLOCK_AMPM': 'clock ampm',
    '_CLOCK_IN_LINE': 'clock in line',
    '_DATE_DASH': 'date dash',
    '_DATE_WORD_BEFORE': 'date word before',
    '_DAYPART_TIME': 'daypart time',
    '_DAY_DOT_MONTH': 'day dot month',
    '_DAY_EARLIER': 'day earlier',
    '_DAY_IN_BRACKETS': 'day in brackets',
    '_DIVIDER_BEFORE': 'divider before',
    '_DM_RE': 'dm re',
    '_FROM_TO_TIME': 'from to time',
    '_FULL_DATE': 'full date',
    '_GLUED_CLOCK': 'glued clock',
    '_HEADER_UNIT': 'header unit',
    '_HHMM': 'hhmm',
    '_HOUR_WORD_TIME': 'hour word time',
    '_LINE_OPEN_TIME': 'line open time',
    '_LINE_TIME': 'line time',
    '_MONTH_PART_BEFORE': 'month part before',
    '_MONTH_RE': 'month re',
    '_MONTH_YEAR': 'month year',
    '_NOT_DM_BEFORE': 'not dm before',
    '_NO_WEEKDAY_AFTER': 'no weekday after',
    '_NO_WEEKDAY_AFTER_FOLDED': 'no weekday after folded',
    '_RANGE_AFTER': 'range after',
    '_RATIO_BEFORE': 'ratio before',
    '_RELDAY_TIME': 'relday time',
    '_SERIAL_CLAUSE_TIME': 'serial clause time',
    '_STAMP_TIME': 'stamp time',
    '_STREET_BEFORE': 'street before',
    '_TICK_TIME': 'tick time',
    '_TIME_AFTER': 'time after',
    '_TIME_BEFORE_DM': 'time before dm',
    '_TIME_RELATIVE': 'time relative',
    '_TIME_THEN_PERSON': 'time then person',
    '_TIME_TO': 'time to',
    '_VALUE_CHANGE_AFTER': 'value change after',
    '_VITAL_SIGN_BEFORE': 'vital sign before',
    '_WEEKDAY_BEFORE': 'weekday before',
    '_WEEKDAY_DAY': 'weekday day',
    '_YEAR_RANGE_AFTER': 'year range after',
    '_YEAR_RE': 'year re',
}


# a date that opens on a clock time ('10h thứ hai 07/12', '8g30 12/12', '14:05 3/12')
_OPENS_ON_CLOCK = re.compile(r"\d{1,2}[ \t]?(?:h|g|gio\b|:\d)")
# the short weekday of chat stamps and schedules, in capitals ('T5 03/12', 'CN 7/12'): as written, not folded
_SHORT_WEEKDAY = re.compile(r"(?<![\w])(?:T[2-7]|CN)(?![\w])")


def _load_date_pack() -> None:
    with _LOAD_LOCK:  # (another thread may be loading: `_DATE_LOADED`, set last, says it is done)
        if not _DATE_LOADED:
            _bind_date_pack()


def _bind_date_pack() -> None:
    global _DATE_LOADED
    from .rules import builtin_pack

    rec = builtin_pack("date").recognizers[0]
    g, d = globals(), rec.data
    for var, name in _DATE_PATTERN_NAMES.items():
        g[var] = rec.rx(name)
    _DATE_RES[:] = [(name, rec.rx(name), rec.pattern(name).score) for name in d["date_forms"]]
    _DATE_NEEDS.update({name: rec.pattern(name).needs for name in d["date_forms"] if rec.pattern(name).needs})
    g["_DIGIT_START"] = frozenset(p.rx for p in rec.patterns if p.digit_start)
    g["_CHANGE_BEFORE"] = frozenset(d["change_before"])
    g["_FROM_TO_MARKED"] = frozenset(d["from_to_marked"])
    g["_YEAR_FROM"] = frozenset(d["year_from"])
    g["_YEAR_HISTORY"] = frozenset(d.get("year_history", ()))
    g["_YEAR_HISTORY_WIDE"] = frozenset(d.get("year_history_wide", ()))
    g["_WEEKDAY_HEADS_MARKED"] = frozenset(d["weekday_heads_marked"])
    g["_TIME_FORMS"] = tuple((rec.rx(name), rec.pattern(name).explanation) for name in d["time_forms"])
    _COLUMN_ROLES.update(d["column_roles"])
    _DATE_LOADED = True








def _table_cells(f: str, roles_wanted: str):
    """(role, start, end) of each non-empty cell of a pipe table whose column header has a role in roles_wanted."""
    if not _DATE_LOADED:
        _load_date_pack()
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




# Patterns whose every match starts with a digit that a look-behind keeps from following a letter or digit
# (`digit_start: true` in date.yaml, gathered in `_DIGIT_START`): `_scan` tries them only where a run of digits starts.
def _scan(rx: re.Pattern, f: str, starts: list[int], cache: dict | None = None):
    """`rx.finditer(f)`, tried only at digit-run starts when `rx` is one of `_DIGIT_START`, else (given the document's
    `cache`) where a match can start when that is rare (`regex_needs.match_starts`)."""
    if rx in _DIGIT_START:
        return finditer_at(rx, f, starts)
    at = match_starts(rx, f, cache, "folded") if cache is not None else None
    return rx.finditer(f) if at is None else finditer_at(rx, f, at)


@register_hook("dates")
class DateRecognizer(RuleRecognizer):
    """The date recognizer of the `date` pack (resources/deid/rules/date.yaml): the date forms in their order, then
    bare day/months with their cues, months, clock times tied to a day or a timeline, weekdays, table columns and
    years after their cues; ranges joined."""

    def analyze(self, ctx: Context) -> list[Candidate]:
        if not _DATE_LOADED:
            _load_date_pack()
        f = ctx.folded
        out: list[Candidate] = []
        taken = Taken(len(f))

        free = taken.free

        starts = digit_run_starts(ctx)
        exotic = has_exotic(f)
        for why, rx, score in _DATE_RES:
            needs = _DATE_NEEDS.get(why)
            if needs and not any(w in f for w in needs):
                continue  # (a word every match contains is absent: the scan is skipped)
            if cannot_match(rx, f, f, exotic):
                continue  # (so is a string or a run read from the regex itself: recognizers/regex_needs.py)
            for m in _scan(rx, f, starts, ctx._cache):
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
            if _VITAL_SIGN_BEFORE.search(before):
                continue
            if _NOT_DM_BEFORE.search(f, max(0, s - 30), s):
                continue  # visual acuity 'MP 7/10', weekdays 'thứ 2-4-6'

            if cue or _DATE_WORD_BEFORE.search(before):
                taken.append((s, e))
                out.append(Candidate(s, e, "DATE", 0.85, self.name, "pattern: day/month + date cue"))
            else:
                taken.append((s, e))
                out.append(Candidate(s, e, "DATE", 0.55, self.name, "pattern: day/month (no cue)"))
        # 'từ ngày 8 đến 10 - 8', 'ngày 9 và 10/4': the bare first day of a range
        for c in list(out):
            i = ctx.token_index_at(c.start)
            if i is None or i < 2 or _OPENS_ON_CLOCK.match(f, c.start):
                continue  # ('lần 2 – 10h thứ hai 07/12': a date that opens on a clock time is no range's end)
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
        why = self.pattern("month re").explanation
        for m in _MONTH_RE.finditer(f):
            s, e = m.start(1), m.end(1)
            if free(s, e):
                taken.append((s, e))
                out.append(Candidate(s, e, "DATE", 0.75, self.name, why))
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
        why = self.pattern("from to time").explanation
        for m in _FROM_TO_TIME.finditer(f):
            s, e = m.start(2), m.end(2)
            if ctx.diacritics and ctx.text[m.start(1):m.end(1)].lower() not in _FROM_TO_MARKED:
                continue  # 'tủ 3h' is no 'từ'
            if free(s, e):
                taken.append((s, e))
                out.append(Candidate(s, e, "DATE", 0.7, self.name, why))
        for rx, why in ((_HHMM, "clock time HH:MM"), (_STAMP_TIME, "time stamp before ':'")):
            for m in _scan(rx, f, starts, ctx._cache):
                s, e = m.span(rx.groups and 1 or 0)
                if free(s, e) and not _RATIO_BEFORE.search(f[max(0, s - 14):s]):
                    taken.append((s, e))
                    out.append(Candidate(s, e, "DATE", 0.7, self.name, f"pattern: {why}"))
        for m in _CLAUSE_TIME.finditer(f):
            s, e = m.start(1), m.end(1)
            if free(s, e) and _DAY_EARLIER.search(f, f.rfind("\n", 0, s) + 1, s):
                taken.append((s, e))
                out.append(Candidate(s, e, "DATE", 0.7, self.name, "pattern: clock time opening a clause of a dated line"))
        # a weekday right before a date ('thứ Sáu 12/6/2026', 'thứ 5 9/7')
        if "thu" in f or "chu nhat" in f or _SHORT_WEEKDAY.search(ctx.text):
            for k, c in enumerate(out):
                if not f[c.start].isdigit():
                    continue
                m = _WEEKDAY_BEFORE.search(f, max(0, c.start - 16), c.start)
                if not m or not free(m.start(), c.start):
                    continue
                if f[m.start()] in "tc" and (f[m.start() + 1].isdigit() or f[m.start():m.start() + 2] == "cn"):
                    if not _SHORT_WEEKDAY.match(ctx.text, m.start()):
                        continue  # 't5', 'cn' in lower case: no weekday
                elif ctx.diacritics and not ctx.text[m.start():m.start() + 3].lower() in _WEEKDAY_HEADS_MARKED:
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
                if ctx.diacritics and not ctx.text[s:s + 3].lower() in _WEEKDAY_HEADS_MARKED:
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
        for rx, why in _TIME_FORMS:
            if rx is _CLOCK_AMPM and "am" not in f and "pm" not in f:
                continue
            for m in _scan(rx, f, starts, ctx._cache):
                s, e = m.start(1), m.end(1)
                if free(s, e):
                    taken.append((s, e))
                    out.append(Candidate(s, e, "DATE", 0.7, self.name, why))
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
        ycues, year_why = cues()["year_cues"], self.pattern("year re").explanation
        pcues = cues()["year_cues_prose"]
        for m in _scan(_YEAR_RE, f, starts):
            s, e = m.start(), m.end()
            if not free(s, e):
                continue
            i = ctx.token_index_at(s)
            cue = ctx.cue_before(i, ycues) if i is not None else None
            if not cue and i is not None and not _AFTER_NOT_DATE.match(f, e) and not _RANGE_AFTER.match(f[e:e + 10]):
                cue = ctx.cue_before(i, pcues)  # 'en 2019 à Brest', 'YOB 1992' (not 'en 2000 mg', 'in 2000 tờ')
            if not cue and i and ctx.ftoks[i - 1] == "|":
                cue = ctx.cue_before(i, ycues, skip="|")  # '| Năm sinh | 1995 (30T) |': the label in the cell before
            if not cue and i and ctx.ktoks[i - 1] in _YEAR_FROM and not _AFTER_NOT_DATE.match(f, e) \
                    and not f[s:e].startswith("18") and not (i > 1 and ctx.ftoks[i - 2] in _CHANGE_BEFORE) \
                    and not _VALUE_CHANGE_AFTER.match(f[e:e + 10]) \
                    and not (_RANGE_AFTER.match(f[e:e + 10])
                             and not _YEAR_RANGE_AFTER.match(f[e:e + 24])):
                # (a range of years 'từ 2005 đến 2015' is history; 'từ 2000 đến 3000 ml' is a volume)
                cue = ctx.ktoks[i - 1]  # 'đã bỏ thuốc từ 2019': a year (not 'từ 2000 ml', not a range of counts)
            if not cue and i and ctx.ftoks[i - 1] in ("den", "toi", "-", "–") and not _AFTER_NOT_DATE.match(f, e) \
                    and any(x in year_ends for x in range(ctx.tokens[i - 1].start - 2, ctx.tokens[i - 1].start + 1)):
                cue = ctx.ktoks[i - 1]  # the end of a range of years: 'từ 2005 đến 2015'
            if not cue and i and not _AFTER_NOT_DATE.match(f, e) and not _RANGE_AFTER.match(f[e:e + 10]):
                cue = _history_cue(ctx, i)  # 'HIV phát hiện 2017', 'điều trị SOF/DAC 2022'
            if cue:
                taken.append((s, e))
                out.append(Candidate(s, e, "DATE", 0.9, self.name, year_why))
                year_ends.add(e)
        return _join_ranges(f, out)




# a row of a table or a numbered list: its number first on the line ('31 | Kha Văn ...', '3. ...', '| 05 | ...'; an
# OCR'd zero 'O5')
_ROW_NUMBER = re.compile(r"^[ \t]*\|?[ \t]*([0-9O]{1,3})[ \t]*(?:\||\.(?![0-9])|\)|\t)", re.MULTILINE)


def _row_numbers(text: str) -> frozenset[int]:
    """The row numbers of the tables and numbered lists of a note (two rows or more)."""
    if "|" not in text and "\n" not in text:
        return frozenset()
    rows = [int(m.group(1).replace("O", "0")) for m in _ROW_NUMBER.finditer(text) if any(c.isdigit() for c in m.group(1))]
    return frozenset(rows) if len(rows) >= 2 else frozenset()


def _row_pointer(found: str, rows: frozenset[int]) -> bool:
    """'BN 31', 'BN số 3', '3' (after its cue): a number of at most three digits that numbers a row of the note."""
    digits = "".join(c for c in found if c.isdigit())
    return 0 < len(digits) <= 3 and len(digits) == sum(c.isdigit() for c in found) and int(digits) in rows


def _history_cue(ctx, i: int) -> str | None:
    """A past illness or treatment word (date.yaml data.year_history) up to three words before the year at token i
    (five after a cue opening the clause: data.year_history_wide), in the same clause and on the same line."""
    ft, toks, text = ctx.ftoks, ctx.tokens, ctx.text
    words = 0
    k = i - 1
    while k >= 0 and words <= 5:
        w = ft[k]
        if w in (",", ";", ".", ":", "(", ")", "|") or "\n" in text[toks[k].end:toks[k + 1].start]:
            return None
        for n in (2, 1):
            if k - n + 1 >= 0:
                key = " ".join(ft[k - n + 1:k + 1])
                if key in _YEAR_HISTORY and (words <= 3 or key in _YEAR_HISTORY_WIDE):
                    return key
        if w.isalnum():
            words += 1
        k -= 1
    return None


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
        p = P("number word and age word")
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


def same_shape_codes(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """A code found once as an ID (by its cue, or in a column headed for it) names the same kind of record where its
    shape recurs ('Mã chuyển gửi: CG-KH-26-1187 và CG-KH-26-1188', a register's rows 'BN26-094410', 'BN26-096014'):
    the same letter groups and separators, and digit groups each within one digit of the found one's length. Only a
    code mixing a group of two or more letters with digits has a shape worth following; a bare number has none."""
    text = ctx.text
    shapes: set[str] = set()
    for c in found:
        if c.label != "ID" or c.score < 0.75:
            continue
        code = text[c.start:c.end]
        if not 6 <= len(code) <= 30 or not _CODE_SHAPE.fullmatch(code):
            continue
        parts = _CODE_PARTS.findall(code)
        if not any(p.isalpha() and len(p) >= 2 for p in parts) or not any(p.isdigit() for p in parts):
            continue
        shapes.add("".join(re.escape(p) if not p.isdigit() else f"[0-9]{{{max(1, len(p) - 1)},{len(p) + 1}}}"
                           for p in parts))
    if not shapes:
        return []
    taken = Taken(len(text))
    for c in found:
        taken.add(c.start, c.end)
    rx = re.compile(r"(?<![\w\-/.])(?:" + "|".join(sorted(shapes)) + r")(?![\w\-/]|\.\w)")
    out = []
    for m in rx.finditer(text):
        if taken.free(m.start(), m.end()):
            out.append(Candidate(m.start(), m.end(), "ID", 0.8, "id", "same shape as a code found as an ID elsewhere in "
                                 "the document", {"kind": "other"}))
    return out
