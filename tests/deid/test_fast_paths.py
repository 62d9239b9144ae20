"""The detector's fast paths give exactly what the plain scans give: patterns tried only where a run of digits
starts (`base.finditer_at`), scans skipped when a word every match needs is absent.
A pattern edited so that a match may start elsewhere (a letter first, no look-behind) fails here."""
from __future__ import annotations

import pytest

from vimednlp.deid.recognizers import allow, patterns
from vimednlp.deid.recognizers.base import Context, digit_run_starts, finditer_at
from vimednlp.deid.recognizers.rules import BUILTIN_PACKS, builtin_pack


def _pack_patterns(flag: str):
    """(recognizer, pattern) of the shipped rule packs whose pattern sets `flag` (digit_start, needs)."""
    return [(r, p) for name in BUILTIN_PACKS for r in builtin_pack(name).recognizers for p in r.patterns
            if getattr(p, flag)]

NOTES = [
    "Bệnh nhân Nguyễn Văn An, 45 tuổi, vào viện lúc 14h30 ngày 12/03/2024, ra viện 2024-03-20. "
    "HA 150/90 mmHg, mạch 92 l/p, T 38,5°C. Glucose 7.2 mmol/l. Tái khám tháng 4/2024, thứ Sáu 12/4.",
    "BN nữ 8 tháng tuổi, SN 2023, nhập viện 22h15 hôm qua. Uống paracetamol 1/2 viên x 3 lần/ngày trong 5-7 ngày. "
    "Mã BN: 24.001234, CCCD 001084012345, BHYT GD4797912345678. Biển số 29A-123.45, IP 192.168.1.20.",
    "bs oi be nha e 3t 2 thang sot tu 7/5 den 9/5, sang nay 7h do 39 do a. sdt 0912 345 678",
    "NGÀY 05/3/24 LÚC 8 GIỜ 30, BỆNH NHÂN 67T, CHUYỂN VIỆN 10:05. Thông tư 22/2019/TT-BYT. Khối u 1/3 trên thực quản.",
    "Ca mổ 7h-9h; kết thúc 11 giờ 05; VAS 6/10; 12.03.2024 | 10h | 118 | 85/50 | 37,2; Sun, 9 Mar 2026 06:52:18 +0700",
]


def _spans(matches):
    return [m.span() for m in matches]


@pytest.mark.parametrize("note", NOTES)
def test_allow_list_digit_start_patterns_find_what_a_full_scan_finds(note):
    ctx = Context(note)
    starts = digit_run_starts(ctx)
    text = note.lower()
    for why, rx in allow._ALLOW_RES_LOWER:
        if why in allow._DIGIT_START:
            assert _spans(finditer_at(rx, text, starts)) == _spans(rx.finditer(text)), why


def test_the_notes_exercise_the_fast_paths():
    # (the equalities here must not hold only because nothing matched)
    found = sum(len(list(p.rx.finditer(Context(n).folded))) for n in NOTES for _r, p in _pack_patterns("digit_start"))
    assert found >= 20


def test_the_date_recognizer_scans_fast_exactly_the_packs_digit_start_patterns():
    from vimednlp.deid.analyzer import Analyzer

    Analyzer(model=None).analyze("ngày 12/3/2024")  # (the date pack is bound on first use)
    date = builtin_pack("date").recognizers[0]
    assert patterns._DIGIT_START == {p.rx for p in date.patterns if p.digit_start}
    assert [why for why, _rx, _s in patterns._DATE_RES] == date.data["date_forms"]


@pytest.mark.parametrize("note", NOTES)
def test_allow_list_skipped_scans_could_not_have_matched(note):
    text = note.lower()
    for why, rx in allow._ALLOW_RES_LOWER:
        needs = allow._NEEDS.get(why)
        if needs and not any(w in text for w in needs):
            assert not list(rx.finditer(text)), why


@pytest.mark.parametrize("note", NOTES)
def test_pack_digit_start_patterns_find_what_a_full_scan_finds(note):
    ctx = Context(note)
    pats = _pack_patterns("digit_start")
    assert {p.name for _r, p in pats} >= {"digits", "plate"}
    for _r, p in pats:
        text = ctx.folded if p.on_folded else ctx.text
        assert _spans(finditer_at(p.rx, text, digit_run_starts(ctx))) == _spans(p.rx.finditer(text)), p.name


@pytest.mark.parametrize("note", NOTES)
def test_pack_needs_skip_only_scans_that_could_not_match(note):
    ctx = Context(note)
    for _r, p in _pack_patterns("needs"):
        if not any(w in ctx.folded for w in p.needs):
            assert not list(p.rx.finditer(ctx.folded if p.on_folded else ctx.text)), p.name


def test_engine_digit_start_flag_uses_the_fast_path(tmp_path):
    # a user pattern flagged digit_start gives the same spans as without the flag
    from vimednlp.deid.recognizers.rules import load_pack

    slow = load_pack({"recognizers": [{"name": "ward", "label": "ID", "patterns": [{"regex": r"(?<![\w])\d{2}-G\d{2}"}]}]})
    fast = load_pack({"recognizers": [{"name": "ward", "label": "ID",
                                       "patterns": [{"regex": r"(?<![\w])\d{2}-G\d{2}", "digit_start": True}]}]})
    text = "BN nằm giường 12-G04, chuyển 3a 15-G11 rồi về 115-G02"
    got = [(c.start, c.end) for c in fast.recognizers[0].analyze(Context(text))]
    assert got == [(c.start, c.end) for c in slow.recognizers[0].analyze(Context(text))]
    assert [text[s:e] for s, e in got] == ["12-G04", "15-G11"]


# --- the tagger's features: only what the model knows, made once per word ----------------------------------------
def _tagger_inputs(note):
    from vimednlp.deid.analyzer import Analyzer

    an = Analyzer()
    ctx = Context(note)
    cands = [c for r in an.recognizers for c in r.analyze(ctx) if c.label in an.labels]
    return an.tagger.tagger, ctx, cands


def test_model_attributes_read_from_the_file_are_the_models_attributes():
    from vimednlp.deid.tagger import load_phi_tagger

    crf = load_phi_tagger("default").tagger
    assert crf.known_attributes() == {attr for attr, _label in crf._tagger.info().state_features}


def test_model_attributes_are_not_walked_by_the_garbage_collector():
    # (a tracked set of ~90,000 strings is walked, each string's header read, at every full collection of a long run)
    import gc

    from vimednlp.deid.tagger import load_phi_tagger

    known = load_phi_tagger("default").tagger.known_attributes()
    assert "w=nguyen" in known and "no such attribute" not in known
    # what the collector visits from it: at most one container, itself untracked (a frozenset: every string)
    refs = gc.get_referents(known)
    assert len(refs) <= 1 and not any(gc.is_tracked(x) for x in refs)


@pytest.mark.parametrize("note", NOTES + ["Ông An", "BN Lê Văn", "BN Lê Văn Tám", "BN: Lê  Văn\nTám, 45t"])
def test_known_features_are_the_full_features_less_the_unknown_in_the_same_order(note):
    from vimednlp.deid.phi_features import KnownFeatures, featurize

    crf, ctx, cands = _tagger_inputs(note)
    known = crf.known_attributes()
    full = featurize(ctx, cands)
    kf = KnownFeatures(known)
    fast = kf.featurize(ctx, cands)
    assert [[a.decode("utf-8") for a in f] for f in fast] == [[a for a in f if a in known] for f in full]
    assert kf.featurize(ctx, cands) == fast  # (the second time from the caches)
    if len(ctx.tokens) > 5:
        assert sum(map(len, fast)) < sum(map(len, full))  # (the notes hold attributes the model lacks)
    # the same tags and the same marginal probabilities: crfsuite drops unknown attributes itself
    tags = crf.decode(full)
    probs = crf.entity_probs(len(tags))
    assert crf.decode(fast) == tags
    assert crf.entity_probs(len(tags)) == probs


@pytest.mark.parametrize("note", NOTES + ["İstanbul'da BN ĐỒNG ý, ΣΟΦΊΑΣ Σ, ẞ, K, Å, ǅa, ſ: CDC hỗ trợ", "Ⓐ ⅻ Ǆ ŉ ǰ ΐ"])
def test_the_case_kept_folded_text_of_the_acronym_recognizer_is_that_of_each_character(note):
    from vimednlp.deid.recognizers.acronyms import _case_folded

    for text in (note, note.upper(), note.lower()):
        folded = Context(text).folded
        want = "".join(f.upper() if t.isupper() and f.isascii() else f for t, f in zip(text, folded))
        assert _case_folded(text, folded) == want


@pytest.mark.parametrize("note", [
    # the same word again and again, so that a chunk found before its place would show
    "An\u00a0An  An\tAn\u2003An,\u2028An\x1cAn\u3000(An)",
    "Trần Thị Bích\u00a0Hằng\u2009, 0912\u202f345 678; Hằng Hằng Hằng. HA 120/80 -- mạch 80.\r\nHằng\x1dHằng",
    " \n\t lề trái, rồi chữ \u0301 rời, ² và ½, cuối dòng  ",
])
def test_the_tokenizer_cuts_at_every_kind_of_whitespace_and_keeps_each_tokens_own_offsets(note):
    import re

    from vimednlp.text.tokenizer import tokenize

    toks = tokenize(note)
    assert all(note[t.start:t.end] == t.text and not any(c.isspace() for c in t.text) for t in toks)
    assert [t.start for t in toks] == sorted({t.start for t in toks})  # in order, none twice
    # every non-space character is in exactly one token, and the chunks are those of `\S+`
    covered = "".join(" " if c.isspace() else c for c in note)
    rebuilt = list(" " * len(note))
    for t in toks:
        rebuilt[t.start:t.end] = t.text
    assert "".join(rebuilt) == covered
    chunks = [m.span() for m in re.finditer(r"\S+", note)]
    assert all(any(a <= t.start and t.end <= b for a, b in chunks) for t in toks)


def test_a_list_folded_at_once_is_each_entry_folded_alone():
    from vimednlp.text.fold import fold_lower, fold_lower_all

    words = ["Nguyễn Thị Hằng", "ĐƯỜNG Lê Lợi", "ỚT", "ΟΔΟΣ", "cá nhân", "", "Phường Bến Thành\nQuận 1", "Ở"]
    assert fold_lower_all(words) == [fold_lower(w) for w in words]
    assert fold_lower_all(w for w in words[:3]) == [fold_lower(w) for w in words[:3]]
    assert fold_lower_all([]) == []


def test_the_folded_ordinary_pairs_are_the_pairs_each_folded():
    from vimednlp.deid.recognizers import names
    from vimednlp.text.fold import fold_lower

    pairs, syllables = names.ordinary_words()
    assert names._folded_syllables() == frozenset(fold_lower(x) for x in syllables)
    assert names._folded_pairs() == frozenset(fold_lower(x) for x in pairs)
    first_kept, second_kept = names._half_folded_pairs()
    assert first_kept == frozenset(f"{a} {fold_lower(b)}" for a, _, b in (p.partition(" ") for p in pairs))
    assert second_kept == frozenset(f"{fold_lower(a)} {b}" for a, _, b in (p.partition(" ") for p in pairs))


@pytest.mark.parametrize("note", [
    "Bệnh nhân người Ba Na, ở xã Ia Chim, Kon Tum, A Thiết đưa đến.",
    "bn dân tộc GIA RAI, quê ĐẮK LẮK",
    "Hồ sơ: Xơ Đăng; người nhà: Y Đơm",
    "bn ê-đê, đi từ buôn ma thuột",
    "Kontum, Bana, Gia Laix: no people or province named as a whole word",
    "M'Nông; Tây Nguyên.",
    "xBa Na, Ba Nax, 1Jrai, _Jrai",
    "dotless ı and Kelvin \u212a in a note from Kon Tum",  # (CASE_EXOTIC: the case-insensitive search)
    "Gıa Raı",  # ('ı' matches 'i' only without case: read by the case-insensitive search)
])
def test_the_highlands_context_read_on_the_lower_cased_text_is_the_case_insensitive_search(note):
    from vimednlp.deid.recognizers import names

    assert names._highlands_doc(Context(note)) == (names._HIGHLANDS_CONTEXT.search(note) is not None)


def test_the_highlands_context_search_finds_each_word_in_any_case():
    from vimednlp.deid.recognizers import names

    for w in names._V["highlands_context"]:
        for form in (w, w.upper(), w.lower()):
            assert names._highlands_doc(Context(f"bn ở {form}, sốt")), form
            assert not names._highlands_doc(Context(f"bn ở x{form}y, sốt")), form


def test_the_first_one_call_de_identification_freezes_what_it_loaded_once(monkeypatch):
    # (the lexicons, rule packs and model, built for good, out of the collector's full passes)
    import gc

    from vimednlp.deid import api

    monkeypatch.setattr(api, "_FROZEN", False)
    gc.unfreeze()
    try:
        res = api.deidentify("Bệnh nhân Nguyễn Văn An, 45 tuổi, vào viện ngày 12/03/2024.")
        assert any(s.label == "NAME" for s in res.spans)
        frozen = gc.get_freeze_count()
        assert frozen > 0
        api.deidentify("BN Lê Văn Tám, SĐT 0912 345 678")
        # once per process: no second freeze moves the new objects in (frozen ones may still be freed by refcount)
        assert api._FROZEN and gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()


def test_a_process_that_disabled_the_collector_is_left_as_it_is(monkeypatch):
    import gc

    from vimednlp.deid import api

    monkeypatch.setattr(api, "_FROZEN", False)
    gc.unfreeze()
    gc.disable()
    try:
        api.deidentify("Bệnh nhân Nguyễn Văn An, 45 tuổi.")
        assert gc.get_freeze_count() == 0 and not gc.isenabled()
    finally:
        gc.enable()


# --- folded words are kept: a repeat is one look-up, the same string as folding anew ------------------------------
@pytest.mark.parametrize("word", ["Nguyễn", "ĐỒNG", "bệnh viện", "Quản", "İstanbul", "ǅa", "ΣΟΦΊΑΣ", "HCO3-", ""])
def test_a_kept_folded_word_is_the_word_folded_anew(word):
    from vimednlp.text.fold import fold, fold_lower

    first = fold_lower(word)
    assert first == fold(word).lower()
    assert fold_lower(word) == first  # (the second time from the kept forms)


def test_the_kept_folded_words_stay_bounded():
    import importlib

    F = importlib.import_module("vimednlp.text.fold")  # (the module: `vimednlp.text.fold` names the function)
    for i in range(F._WORDS_KEPT + 50):
        F.fold_lower(f"từ{i}")
    assert len(F._WORDS) <= F._WORDS_KEPT
    long_line = "Bệnh nhân " * 10  # (longer than a word: folded each time, not kept here)
    F.fold_lower(long_line)
    assert long_line not in F._WORDS
