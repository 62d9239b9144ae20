"""A rule pattern's scan is skipped when a literal string every match holds is absent (`regex_needs`, read from the
regex's own parse tree): a skipped scan could never have matched, on any shipped pattern, cased or not."""
from __future__ import annotations

import re
import sys

import pytest

from vimednlp.deid.recognizers.base import Context
from vimednlp.deid.recognizers.regex_needs import CASE_EXOTIC, prefilter, present, requirements
from vimednlp.deid.recognizers.rules import BUILTIN_PACKS, builtin_pack

NOTES = [
    "Bệnh nhân Nguyễn Văn An, 45 tuổi, vào viện lúc 14h30 ngày 12/03/2024. SĐT 0912 345 678, CCCD 001084012345.",
    "Patient: Mr. John Smith, 52M. Emergency contact: wife Anna Smith, +44 20 7946 0958. Occupation: teacher.",
    "PATIENT NAME: Kenji SATO | Member name | Thomas Becker | Insured: Hanse Global Care AG, Hamburg",
    "Địa chỉ ở Anh: Flat 2, 14 Kingsley Road, Leeds LS6 2AB. Home: 12 rue des Lilas, 75011 Paris, France.",
    "Giường 12 - bà Lò Thị Mai; Bed 4: Peter Wong; Room 7 Maria Garcia. Pt John đau ngực, PT ngày 2.",
    "Nurse Hannah Lee gọi; Surgeon Dr. Martin Klein mổ. Works as a welder at Samsung Electronics Vietnam.",
    "Từ Khang -> Phúc bàn giao. From Linh → Hòa. Cordialement, Pierre Dubois. Kind regards, Emma Brown",
    "bs ơi bé nhà e 3t sốt từ 7/5, sáng nay 39 độ ạ, mẹ bé tên hân, sđt 0912345678",
    "Chồng: Phạm Văn Đức (1978), con trai Phạm Minh Khôi (2010); vợ là chị Hoa.",
    "Ông ta đến từ Wuhou District, Chengdu, Sichuan 610041; tại Bệnh viện Đa khoa tỉnh Nghệ An.",
    "Gửi kết quả qua an.nguyen@gmail.com cho M. Dupont; Baby Minh bú tốt. Patient: KRÖGER, Lena. Vợ (1980) khỏe.",
    "[19:02] Hoa: bé đỡ sốt chưa ạ\nHoa (19:07): dạ rồi · 19:09 Lan: ok chị",
]


def _pack_patterns():
    return [(r, p) for name in BUILTIN_PACKS for r in builtin_pack(name).recognizers for p in r.patterns]


def test_the_exotic_characters_are_those_re_matches_to_an_ascii_letter_ignoring_case():
    import _sre
    from re import _casefix

    got = {chr(c) for c in range(0x80, sys.maxunicode + 1) if _sre.unicode_tolower(c) < 0x80}
    got |= {chr(x) for c, extra in _casefix._EXTRA_CASES.items() if c < 0x80 for x in extra}
    assert got == set(CASE_EXOTIC)


def test_requirements_read_literals_alternations_and_case():
    assert requirements(re.compile(r"(?<!\w)ngày \d+")) == (frozenset({("ngày ", False)}),)
    reqs = requirements(re.compile(r"(?i:patient|name)[ \t]*[:|] ?(\w+)"))
    assert frozenset({("patient", True), ("name", True)}) in reqs and frozenset({(":", False), ("|", False)}) in reqs
    # a class of a few characters spells strings with its neighbours
    assert frozenset({("Son", False), ("son", False), ("Wife", False), ("wife", False)}) in requirements(
        re.compile(r"(?<!\w)(?:[Ss]on|[Ww]ife) (\w+)"))
    assert requirements(re.compile(r"(?:Mr\.)? ?\w+")) == ()  # an optional part requires nothing
    assert requirements(re.compile(r"a|\d")) == ()  # a branch without a literal: nothing either


@pytest.mark.parametrize("text, found", [
    ("Patient: Anna", True), ("PATIENT: Anna", True), ("pAtIeNt | Anna", True), ("Bệnh nhân: Anna", False),
    ("Patient Anna", False),
])
def test_present_follows_the_case_the_pattern_asks_for(text, found):
    rx = re.compile(r"(?i:patient|name)[ \t]*[:|] ?(\w+)")
    assert present(requirements(rx), text, text.lower()) is found
    assert bool(rx.search(text)) is found


@pytest.mark.parametrize("note", NOTES)
def test_a_skipped_scan_could_not_have_matched(note):
    ctx = Context(note)
    exotic = any(c in note for c in CASE_EXOTIC)
    for r, p in _pack_patterns():
        text = ctx.folded if p.on_folded else ctx.text
        reqs = requirements(p.rx)
        if not reqs or (exotic and any(nc for x in reqs for _s, nc in x)):
            continue
        if not present(reqs, text, ctx.folded if p.on_folded else note.lower()):
            assert next(p.rx.finditer(text), None) is None, (r.name, p.name)


def test_the_notes_exercise_patterns_that_have_requirements():
    # (the test above must not pass only because nothing matched)
    hits = 0
    for note in NOTES:
        ctx = Context(note)
        for _r, p in _pack_patterns():
            if requirements(p.rx) and next(p.rx.finditer(ctx.folded if p.on_folded else ctx.text), None):
                hits += 1
    assert hits >= 30


@pytest.mark.parametrize("exotic", ["Next of \u212ain", "Huſband", "Husband"])
def test_a_text_with_a_letter_re_folds_to_ascii_is_scanned_all_the_same(exotic):
    from vimednlp.deid.analyzer import Analyzer

    an = Analyzer(model=None)
    # 'K' (Kelvin sign) and 'ſ' (long s) are a 'k' and an 's' to a case-insensitive regex ('ſ' not to str.lower)
    got = an.analyze(exotic + ": Anna Becker, 0912 345 678")
    assert [(s.text, s.label) for s in got] == [("Anna Becker", "NAME"), ("0912 345 678", "PHONE")]


def test_a_run_of_single_characters_becomes_a_regex_of_its_own():
    rx = re.compile(r"(?<![\w])[A-Z][a-z]+,? [A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}(?![\w])")  # 'Leeds LS6 2AB'
    pre = prefilter(rx)
    assert pre is not None and pre.search("Leeds LS6 2AB") and not pre.search("Hà Nội, HA 120/80, 2 viên")
    assert prefilter(re.compile(r"\d+")) is None  # too light to be worth a search


@pytest.mark.parametrize("note", NOTES)
def test_a_scan_skipped_by_its_run_could_not_have_matched(note):
    ctx = Context(note)
    for r, p in _pack_patterns():
        pre = prefilter(p.rx)
        text = ctx.folded if p.on_folded else ctx.text
        if pre is not None and pre.search(text) is None:
            assert next(p.rx.finditer(text), None) is None, (r.name, p.name)


@pytest.mark.parametrize("src", [r"(?:[Aa]ccount [Hh]older|[Hh]older)", r"(?:[\d]){1}:(?:[\d]){2}",
                                 r"(?:[\s]){1}thu(?:[\s]){1}", r"(?:(?:áng|ang)|(?:áng|ang))", r"(?:[Ll]ittle|[Bb]aby)"])
def test_a_pre_filter_opens_with_the_class_of_its_first_character_and_is_found_where_it_was(src):
    from vimednlp.deid.recognizers.regex_needs import _class_led

    rx = re.compile(src)
    led = _class_led(rx)
    assert led.pattern.startswith("[") and led.pattern != src
    texts = NOTES + ["Account Holder: Lê An", "card holder", "lúc 7:30 sáng", "thứ thu hai", "Baby An", "little one", ""]
    for text in texts:
        for start in range(len(text) + 1):
            a, b = rx.search(text, start), led.search(text, start)
            assert (a is None) == (b is None) and (a is None or a.start() == b.start()), (src, text, start)


def test_every_pre_filter_of_the_shipped_packs_is_scanned_by_its_first_character():
    # (re's own fast scan: a literal or a class first; a repeat, a group or an alternation of classes first is tried
    # at every position of the note)
    try:
        from re import _compiler as rc
        from re import _parser as rp
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_compile as rc  # type: ignore[no-redef]
        import sre_parse as rp  # type: ignore[no-redef]
    from vimednlp.deid.recognizers.regex_needs import _first

    seen = 0
    for _r, p in _pack_patterns():
        pre = prefilter(p.rx)
        if pre is None:
            continue
        tree = rp.parse(pre.pattern, pre.flags)
        fl = tree.state.flags
        first = _first(list(tree), fl)
        if first is None or first[1]:
            continue  # (a first character that is not known: left as it is)
        assert rc._get_literal_prefix(tree, fl)[0] or rc._get_charset_prefix(tree, fl), pre.pattern
        seen += 1
    assert seen >= 20


def test_the_notes_exercise_patterns_that_have_a_run():
    hits = sum(1 for note in NOTES for _r, p in _pack_patterns() if prefilter(p.rx) is not None
               and next(p.rx.finditer(Context(note).folded if p.on_folded else note), None))
    assert hits >= 8


@pytest.mark.parametrize("note", NOTES + [
    "Date: Sun, 9 Mar 2026 06:52:18 +0700; Sent: Monday, March 9, 2026 7:05 AM. Tái khám T3/2025, tháng 4/2024.",
    "Vào viện ngày 12 tháng 3 năm 2024, ra viện 20/03/2024 lúc 14h30; 2024-03-20T14:30; 03/20/2024 10:15 AM.",
])
def test_a_date_form_skipped_by_what_it_requires_could_not_have_matched(note):
    from vimednlp.deid.analyzer import Analyzer
    from vimednlp.deid.recognizers import patterns
    from vimednlp.deid.recognizers.regex_needs import cannot_match, has_exotic

    Analyzer(model=None).analyze("ngày 12/3/2024")  # (the date pack is bound on first use)
    f = Context(note).folded
    for why, rx, _score in patterns._DATE_RES:
        if cannot_match(rx, f, f, has_exotic(f)):
            assert next(rx.finditer(f), None) is None, why


# --- where a match can start ------------------------------------------------------------------------------------
def _starts_scan(rx: re.Pattern, text: str) -> list[tuple[int, int]] | None:
    from vimednlp.deid.recognizers.base import finditer_at
    from vimednlp.deid.recognizers.regex_needs import _starts_rx

    srx = _starts_rx(rx.pattern, rx.flags)
    if srx is None:
        return None
    return [m.span() for m in finditer_at(rx, text, [m.start() for m in srx.finditer(text)])]


def test_the_first_character_is_read_through_look_arounds_groups_and_branches():
    from vimednlp.deid.recognizers.regex_needs import _starts_rx

    # a phone number behind a look-behind: '+', '(' or '0' only
    got = _starts_rx(r"(?<![\d+])(?:\+84|\(0\d{2}\)|0)\d{8,9}(?!\d)", 0)
    assert got is not None and {c for c in "+(0" if got.match(c)} == set("+(0") and not got.match("1")
    assert _starts_rx(r"(?<!\w)(?:Mr|Dr)\.? [A-Z]\w+", 0).match("D")
    # an optional opening: the next element may start the match too
    got = _starts_rx(r"(?<!\w)(?:@)?#\d+", 0)
    assert got.match("@") and got.match("#")
    # none: a match may be empty, may start with any character or a negated class, or `re` scans for it itself
    assert _starts_rx(r"(?<!\w)x*", 0) is None
    assert _starts_rx(r"(?<!\w).\d", 0) is None and _starts_rx(r"(?<!\w)[^a]\d", 0) is None
    assert _starts_rx(r"ngày \d+", 0) is None
    # a class holding lower-case letters or the space is in every note: not worth its positions
    assert _starts_rx(r"(?<![\w:])[0-9a-f]{1,4}:", 0) is None


def test_a_pattern_opening_with_words_starts_where_one_of_them_is():
    from vimednlp.deid.recognizers.regex_needs import _starts_rx

    got = _starts_rx(r"(?<![\w])(?:sang|trua|chieu)(?:\s+nay)?\s+(\d{1,2})h", 0)
    assert got is not None and [m.group() for m in got.finditer("chieu nay 3h, sang mai")] == ["chieu", "sang"]
    # 'tháng|thang' is parsed as 'th' and a branch: the whole words
    got = _starts_rx(r"(?<=\b)(?:tháng|thang)\s(?:0?[1-9]|1[0-2])", 0)
    assert set(got.pattern.split("|")) == {"tháng", "thang"}
    # words whose occurrences may overlap ('mai' inside 'ngay mai'): a scan for them could pass one by
    assert _starts_rx(r"(?<![\w])(?:ngay mai|mai|hom nay)\s+\d", 0) is None
    assert _starts_rx(r"(?<![\d])(?:ab|ba)c", 0) is None
    # unless a match starts after no word character and the words are letters: then one can only start inside
    # another after a letter, where no match starts ('sat' ends in the 't' that 'thu' begins with: 'sathu 5')
    rx = re.compile(r"(?<![\w])(?:saturday|sat|thu|thursday)\.?\s(\d+)")
    assert set(_starts_rx(rx.pattern, 0).pattern.split("|")) == {"saturday", "sat", "thu", "thursday"}
    text = "sathu 5, sat 3, thu 4 va thursday 6; lich sathursday 7"
    assert _starts_scan(rx, text) == [m.span() for m in rx.finditer(text)] and len(_starts_scan(rx, text)) == 3
    # an optional word first, or words matched without case: unknown
    assert _starts_rx(r"(?<![\w])(?:ngay\s*)?\d{1,2} thang", 0) is None
    assert _starts_rx(r"(?i)(?<![\w])(?:monday|friday)", 0) is None


@pytest.mark.parametrize("note", NOTES)
def test_trying_a_pattern_only_where_its_first_character_is_finds_the_same_matches(note):
    checked = 0
    for text in (note, Context(note).folded):
        for _r, p in _pack_patterns():
            got = _starts_scan(p.rx, text)
            if got is not None:
                checked += 1
                assert got == [m.span() for m in p.rx.finditer(text)], (p.name, text)
    assert checked


def test_the_starts_are_kept_per_note_and_a_frequent_class_is_left_to_re():
    from vimednlp.deid.recognizers.regex_needs import _DENSE, match_starts

    _DENSE.clear()  # (what earlier notes found frequent)
    rx = re.compile(r"(?<![\d+])(?:\+84|0)\d{9}(?!\d)")
    cache: dict = {}
    text = "Gọi 0912345678 hoặc +84912345678 khi cần, bệnh nhân tỉnh táo, ăn uống được, không sốt."
    assert match_starts(rx, text, cache) == [4, 20]
    assert len(cache) == 1
    assert match_starts(rx, "0" * 40 + " số", {}) is None  # a class in most characters: the whole text is scanned


@pytest.mark.parametrize("note", [
    "Bệnh nhân đau ngực 7/10, thuốc hạn sử dụng 05/2027 (HSD 12/2026), chụp cộng hưởng từ 1.5T; CA 19-9: 35 U/mL.",
    "bn dau bung 8/10, han dung 3/2026, mri 3t, ca 125 tang; ngay 12/3 tai kham.",
])
def test_the_allow_list_finds_the_same_spans_tried_where_its_words_start(note, monkeypatch):
    from vimednlp.deid.recognizers import regex_needs
    from vimednlp.deid.recognizers.allow import allow_spans

    got = allow_spans(Context(note))
    assert got  # (the notes hold clinical values the allow list keeps)
    monkeypatch.setattr(regex_needs, "_starts_rx", lambda pattern, flags: None)
    assert allow_spans(Context(note)) == got


def test_a_class_of_a_few_letters_opens_the_words_a_pattern_starts_with():
    from vimednlp.deid.recognizers.regex_needs import _starts_rx

    # '[Ww]ife', '[Hh]usband': each letter of the class opens a word of its own
    rx = re.compile(r"(?<![\w])(?:[Ww]ife|[Hh]usband|[Ss]on)[ \t]+([A-Z][a-z]+)")
    got = _starts_rx(rx.pattern, 0)
    assert got is not None and set(got.pattern.split("|")) == {"Wife", "wife", "Husband", "husband", "Son", "son"}
    text = "Wife Yuki Sato đến; husband Kenji; Person Anna; wifey Mai; con trai Son Tung, wife  Lan"
    assert _starts_scan(rx, text) == [m.span() for m in rx.finditer(text)] and len(_starts_scan(rx, text)) == 4
    # a class of more letters, or one matched without case, is no list of words
    assert _starts_rx(r"(?<![\w])[a-f]ook \d", 0) is None
    assert _starts_rx(r"(?i)(?<![\w])(?:[Hh]usband|[Ss]on) \w+", 0) is None
