"""The many-form synthetic corpus (corpora/synthetic/forms.py): exact gold spans in every genre, form changes that
keep offsets exact, determinism per seed, and a corpus that `vimednlp.corpus` validation accepts."""
from __future__ import annotations

import itertools
import json
import random
import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpora.synthetic import forms
from corpora.synthetic.forms import AUGMENTATIONS, GENRES, generate_forms, make_form_doc
from vimednlp.corpus.validate import validate
from vimednlp.schema import CLINICAL_LABELS, PHI_LABELS, Document
from vimednlp.text.fold import fold

LABELS = set(PHI_LABELS) | set(CLINICAL_LABELS)


def assert_exact(doc: Document) -> None:
    """Every span is non-empty, matches the text, has no outer whitespace, a known label, and no overlap."""
    spans = sorted(doc.spans, key=lambda s: s.start)
    for s in spans:
        assert s.start < s.end, (doc.id, s.label, s.start)
        assert doc.text[s.start:s.end] == s.text, (doc.id, s.label, s.start, s.end)
        assert s.text == s.text.strip(), (doc.id, s.label, s.start)
        assert s.label in LABELS, (doc.id, s.label)
    for a, b in itertools.pairwise(spans):
        assert a.end <= b.start, (doc.id, a.label, a.start, a.end, b.label, b.start)


def test_at_least_fifteen_genres_including_every_form_of_the_issue():
    assert len(GENRES) >= 15
    assert {"outpatient", "discharge", "prescription", "lab", "referral", "transcript", "ocr", "bilingual", "social",
            "family_chat", "dental", "tcm", "ethnic", "hiv_tb", "billing", "psychiatric", "obs_paed",
            "referral2025"} <= set(GENRES)


@pytest.mark.parametrize("genre", GENRES)
@pytest.mark.parametrize("augment", [False, True])
def test_every_genre_yields_exact_gold_spans(genre, augment):
    docs = generate_forms(40, seed=11, genres=[genre], augment=augment)
    assert len(docs) == 40
    for d in docs:
        assert d.meta["genre"] == genre
        assert_exact(d)
        assert any(s.label in PHI_LABELS for s in d.spans), d.id


def _docs(genre, n=60, seed=3):
    return generate_forms(n, seed=seed, genres=[genre], augment=False)


def test_transcripts_are_spoken_no_digits_no_punctuation_ids_spelled_by_letter_names():
    docs = _docs("transcript")
    letters = {w for names in forms.L["letter_names"].values() for n in names for w in n.split()}
    letters |= set(forms.DIGITS) | {"xẹt", "gạch", "chấm", "cộng"}
    cardinal = {"mười", "mươi", "trăm", "linh", "lẻ", "mốt", "tư", "lăm", "nghìn"}  # digit groups read as numbers
    for d in docs:
        assert not re.search(r"[0-9.,:;?!()]", d.text), d.id
        assert d.text == d.text.lower()
        for s in d.spans:
            if s.label == "PHONE":
                assert set(s.text.split()) <= set(forms.DIGITS) | cardinal | {"cộng"}, d.id  # +84
            if s.label == "ID":
                assert set(s.text.split()) <= letters | cardinal, d.id
    assert any("tháng" in s.text for d in docs for s in d.spans if s.label == "DATE")


def test_ocr_cuts_names_with_line_breaks_and_swaps_letters_in_digit_runs():
    docs = _docs("ocr", 80)
    assert any("\n" in s.text for d in docs for s in d.spans if s.label == "NAME")
    assert any(re.search(r"\d[OlSB]|[OlSB]\d", s.text) for d in docs for s in d.spans
               if s.label in ("DATE", "ID", "PHONE"))


def test_family_chats_are_lower_case_with_phone_digits_spaced_out_and_teencode():
    docs = _docs("family_chat")
    teen = {w for alts in forms.L["teencode"].values() for w in alts}
    words = {w for d in docs for w in re.findall(r"\w+", d.text)}
    assert len(words & (teen - {"a", "e", "r", "v", "c", "k", "bs", "nha", "ngày"})) >= 5  # not plain words
    for d in docs:
        assert d.text == d.text.lower()
        for s in d.spans:
            if s.label == "PHONE":
                assert re.fullmatch(r"\S( \S)+", s.text), d.id


def test_social_posts_label_the_author_and_commenters_and_the_bank_account():
    docs = _docs("social")
    for d in docs:
        for m in re.finditer(r"(?:💬 (?!Bình luận|\d)|Bài viết của )", d.text):  # (not `💬 Bình luận`, `💬 12`)
            nxt = min((s for s in d.spans if s.start >= m.end()), key=lambda s: s.start)
            assert nxt.start == m.end() and nxt.label == "NAME", d.id
    assert any(s.attrs.get("kind") == "bank" for d in docs for s in d.spans)


def test_bilingual_notes_carry_foreign_names_addresses_insurers_and_english_dates():
    docs = _docs("bilingual")
    foreign = {w for n in forms.L["foreign_surnames"].values() for w in n}
    names = [s.text for d in docs for s in d.spans if s.label == "NAME"]
    assert any(set(n.replace(",", "").split()) & (foreign | {w.upper() for w in foreign}) for n in names)
    assert any(re.search(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec", s.text)
               for d in docs for s in d.spans if s.label == "DATE")
    assert any(s.text in forms.L["insurers"] for d in docs for s in d.spans if s.label == "ORGANIZATION")
    assert any(re.search(r"France|Japan|Korea|China|USA|United Kingdom|Canada|Australia|Suisse", s.text)
               for d in docs for s in d.spans if s.label == "LOCATION")


def test_ethnic_minority_names_and_khmer_holidays_are_gold():
    docs = _docs("ethnic")
    names = [s.text for d in docs for s in d.spans if s.label == "NAME"]
    pat = re.compile(r"^(Y |H'|K'|Ka |Sùng |Giàng |Vàng |Mùa |Thạch |Danh |Sơn |Kiên |Nông |Lường |Lò )")
    assert sum(bool(pat.match(n)) for n in names) >= len(names) // 3
    holidays = set(forms.L["khmer_holidays"])
    assert any(s.text.split(" năm ")[0] in holidays for d in docs for s in d.spans if s.label == "DATE")


def test_billing_tables_have_tabs_or_pipes_and_birth_years_in_columns():
    for d in _docs("billing"):
        assert "\t" in d.text or "|" in d.text
        assert any(s.label == "DATE" and re.fullmatch(r"(19|20)\d\d", s.text) for s in d.spans), d.id
        assert any(s.label == "ID" and s.attrs.get("kind") == "other" for s in d.spans), d.id


def test_referral_letters_use_2025_addresses_without_districts():
    wards25 = {w[2] for w in forms.base.WARDS25}
    docs = _docs("referral2025")
    seen = 0
    for d in docs:
        for m in re.finditer(r"\(theo địa giới từ 01/7/2025\): ", d.text):
            loc = next(s for s in d.spans if s.start == m.end())
            assert loc.label == "LOCATION" and not re.search(r"huyện|quận|H\.|Q\.", loc.text)
            assert any(w in loc.text for w in wards25)
            seen += 1
    assert seen > 0


def _pair(seed, genre, aug):
    """The same document rendered without and with one form change (the template draws come first)."""
    plain = make_form_doc(random.Random(seed), 0, genre, augment=False)
    changed = make_form_doc(random.Random(seed), 0, genre, augment=False, forms=(aug,))
    return plain, changed


@settings(max_examples=300, deadline=None)
@given(seed=st.integers(0, 10**6), genre=st.sampled_from(GENRES), aug=st.sampled_from(AUGMENTATIONS))
def test_each_form_change_keeps_gold_offsets_exact(seed, genre, aug):
    plain, changed = _pair(seed, genre, aug)
    assert_exact(changed)
    assert aug in changed.meta["forms"]
    labels = [s.label for s in changed.spans]
    if aug == "handles":  # adds a handle (NAME) per line and the stamps' dates; every gold span stays, in order
        # texts too where no later form change draws random numbers (those would then draw differently)
        drawn = genre in forms.GENRE_FORMS or genre in forms.CHAT_FORMS  # (chats draw some form changes at random)
        key = (lambda s: s.label) if drawn else (lambda s: (s.label, s.text))
        it = iter(key(s) for s in changed.spans)
        assert all(any(x == y for y in it) for x in (key(s) for s in plain.spans))
        if genre not in forms.GENRE_FORMS:
            assert len(changed.spans) >= len(plain.spans) + changed.text.count("\n") + 1
    else:
        assert labels == [s.label for s in plain.spans]


# genres whose own form (OCR noise, spoken numbers, chat case) would mix with the change under test
PLAIN_GENRES = [g for g in GENRES if g not in forms.GENRE_FORMS]


@settings(max_examples=120, deadline=None)
@given(seed=st.integers(0, 10**6), genre=st.sampled_from(PLAIN_GENRES))
def test_form_changes_do_what_they_say_span_by_span(seed, genre):
    plain, low = _pair(seed, genre, "lower")
    assert low.text == low.text.lower()
    assert [s.text for s in low.spans] == [s.text.lower() for s in plain.spans]
    plain, nm = _pair(seed, genre, "no_marks")
    assert [s.text for s in nm.spans] == [fold(s.text) for s in plain.spans]
    assert fold(nm.text) == nm.text
    _, sp = _pair(seed, genre, "spelled")
    assert not any(re.search(r"\d", s.text) for s in sp.spans if s.label in ("PHONE", "ID", "DATE", "AGE", "IP"))
    _, hd = _pair(seed, genre, "handles")
    starts = {s.start for s in hd.spans if s.label == "NAME"}
    line_starts = [0] + [m.end() for m in re.finditer("\n", hd.text)]
    assert all(any(st_ in starts for st_ in range(ls, ls + 16)) for ls in line_starts)
    _, tb = _pair(seed, genre, "table")
    assert "|" in tb.text or "\t" in tb.text
    plain, gf = _pair(seed, genre, "given_first")
    for a, b in zip(plain.spans, gf.spans):
        if a.label == "NAME":  # the same words or fewer (the middle dropped), the surname moved to the end
            assert Counter(b.text.split()) <= Counter(a.text.split())
            assert b.text == a.text or b.text.split()[-1] == a.text.split()[0]


def test_generation_is_deterministic_per_seed():
    a = [d.to_json() for d in generate_forms(60, seed=7)]
    b = [d.to_json() for d in generate_forms(60, seed=7)]
    c = [d.to_json() for d in generate_forms(60, seed=8)]
    assert a == b
    assert a != c


def test_cli_output_passes_corpus_validation(tmp_path, capsys):
    out = tmp_path / "forms.jsonl"
    assert forms.main(["--n", "360", "--seed", "21", "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 360
    assert {json.loads(x)["meta"]["genre"] for x in lines} == set(GENRES)
    rep = validate(out)
    assert rep.n_records == 360
    assert rep.errors == [], [(p.code, p.line) for p in rep.errors]


def test_cli_help_shows_an_example(capsys):
    with pytest.raises(SystemExit) as e:
        forms.main(["--help"])
    assert e.value.code == 0
    assert "example: python corpora/synthetic/forms.py --n 2000 --seed 21" in capsys.readouterr().out


def test_unknown_genre_or_form_is_named_in_the_error():
    with pytest.raises(ValueError, match="unknown genre.*'pharmacy'"):
        generate_forms(3, 1, genres=["pharmacy"])
    with pytest.raises(ValueError, match="unknown form change.*'sms'"):
        make_form_doc(random.Random(1), 0, "ocr", forms=("sms",))
    with pytest.raises(ValueError, match="n must be positive"):
        generate_forms(0, 1)


# --- the forms the detector had not seen enough of: highland speech, registers, OCR'd paper, intl notes, chats ---
def _spans(docs, label):
    return [(d, s) for d in docs for s in d.spans if s.label == label]


def test_highland_transcripts_speak_ethnic_names_after_role_words_and_weekday_dates():
    docs = _docs("highland_transcript")
    roles = tuple(forms.HL["roles_before_name"])
    for d in docs:
        assert not re.search(r"[0-9.,:;?!()]", d.text), d.id
        assert d.text == d.text.lower()
    names = [s.text for _, s in _spans(docs, "NAME")]
    assert not any(n.startswith(roles) or n.startswith(("chị ", "bà ", "anh ")) for n in names)  # cue words outside
    assert sum(bool(re.match(r"(hờ|hơ|h|y|a|sùng|giàng|vàng|lầu|thào|ksor|rơ \w+|siu|kpă|nay|cờ|k|ka|ya|ma|điểu) ", n)) for n in names) \
        >= len(names) // 3
    assert any(re.search(r"\bê ban\b", n) for n in names)
    assert any(re.search(r"\b(em là|tôi là|tên) ", d.text[max(0, s.start - 20):s.start])
               for d, s in _spans(docs, "NAME"))
    dates = [s.text for _, s in _spans(docs, "DATE")]
    assert any(re.match(r"(thứ \w+|chủ nhật) (ngày )?\w+", t) for t in dates)
    assert any(re.match(r"\w+( \w+)? giờ (sáng|chiều|tối|trưa )?.*thứ", t) for t in dates)
    kinds = tuple(k + " " for k in forms.HL["village_kinds"])
    assert any(s.text.startswith(kinds) for _, s in _spans(docs, "LOCATION"))
    assert any(s.text.split()[0] in ("đê", "dê", "tê", "bê", "hát", "gờ", "giê", "xê") for _, s in _spans(docs, "ID"))


def test_registers_are_columns_of_code_name_birth_year_and_address_without_cues():
    docs = _docs("register", 40)
    for d in docs:
        rows = [ln for ln in d.text.split("\n") if re.match(r"\|? ?\d+(\t| \| | (?=\w))", ln)]
        assert len(rows) >= 3, d.id
        offset = 0
        for ln in d.text.split("\n"):
            if ln in rows:
                inside = {s.label for s in d.spans if offset <= s.start < offset + len(ln)}
                assert {"ID", "NAME", "LOCATION"} <= inside or {"ID", "NAME", "DATE"} <= inside \
                    or {"NAME", "DATE", "LOCATION"} <= inside, (d.id, ln[:2])  # (upland registers have no code column)
            elif ln.startswith(("STT", "| STT")):
                assert not any(offset <= s.start < offset + len(ln) for s in d.spans), d.id  # headers are no PHI
            offset += len(ln) + 1
    assert any(re.fullmatch(r"(19|20)\d\d", s.text) for _, s in _spans(docs, "DATE"))


def test_ocr_paper_swaps_letters_in_times_and_dates_and_tears_names():
    docs = _docs("ocr_paper", 80)
    dates = [s.text for _, s in _spans(docs, "DATE")]
    assert any(re.search(r"gi(ờ|o) .* ph(ú|u)t, ng(à|a)y ", t) and re.search(r"[Ol]", t) for t in dates)
    assert any(re.match(r"[Nn]g(à|a)y \S+ th(á|a)ng \S+ n(ă|a)m ", t) for t in dates)
    names = [s.text for _, s in _spans(docs, "NAME")]
    assert any("\n" in n for n in names)
    assert any(re.search(r"(^| )\w{1,2} \w", n) for n in names)  # a letter torn off its syllable
    assert any(s.text.startswith("SỞ Y TẾ") for _, s in _spans(docs, "ORGANIZATION"))


def test_international_notes_keep_titles_outside_and_label_english_organisations_dates_and_ages():
    docs = _docs("intl", 80)
    names = [s.text for _, s in _spans(docs, "NAME")]
    assert not any(n.startswith(("Mr", "Ms", "Mrs", "Dr", "Mme", "M.", "Pt")) for n in names)
    assert any(re.search(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]", n) for n in names)  # CJK script
    assert any(n.split()[0] in forms.IN["given"]["fil"] + forms.IN["given"]["de"] for n in names)  # given first
    orgs = [s.text for _, s in _spans(docs, "ORGANIZATION")]
    assert any(re.search(r"(Co\., Ltd\.|LLC|AG|Assist|Assurance|Centre|School|Hospital|HOSPITAL)$", o) for o in orgs)
    dates = [s.text for _, s in _spans(docs, "DATE")]
    assert any(re.match(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun)", t) for t in dates)
    assert any(re.search(r"\d\d/\d\d/\d{4}", t) and int(t.split("/")[1][:2]) > 12 for t in dates if "/" in t)
    ages = [s.text for _, s in _spans(docs, "AGE")]
    assert {"y/o", "yrs", "year", "ans"} <= {m for a in ages for m in re.findall(r"y/o|yrs|year|ans", a)}
    assert any(re.search(r"\b\d{4,5}(-\d{4})?$|[A-Z]{2}\d \d[A-Z]{2}$", s.text) for _, s in _spans(docs, "LOCATION"))
    assert any(s.text.startswith("+") for _, s in _spans(docs, "PHONE"))


def test_highland_chats_have_name_clock_speaker_lines_without_marks():
    docs = _docs("chat_highland")
    for d in docs:
        assert d.text == fold(d.text), d.id
        starts = {s.start: s for s in d.spans if s.label == "NAME"}
        offset = 0
        for ln in d.text.split("\n"):
            m = re.match(r"(.+?) \d{1,2}:\d\d: ", ln)
            if m and not ln.startswith("("):
                assert offset in starts and starts[offset].end == offset + len(m[1]), (d.id, offset)
            offset += len(ln) + 1
    assert any(re.fullmatch(r"\S( \S)+", s.text) for _, s in _spans(docs, "ID"))
    assert any(s.text.lower() in {b.lower() for b in forms.L["banks"]} for _, s in _spans(docs, "ORGANIZATION"))


# --- social work, spoken interviews and expatriates' messages: the forms a new writer's notes bring -------------
def _preceded(d, s, pattern, width=25):
    return re.search(pattern, d.text[max(0, s.start - width):s.start]) is not None


def test_social_work_handles_keep_role_and_unit_inside_one_name():
    docs = _docs("social_work", 100)
    roles = tuple(fold(r).lower() for r in forms.SO["roles_in_handle"])
    names = [s.text for _, s in _spans(docs, "NAME")]
    with_role = [n for n in names if any(f" {r} " in f" {fold(n).lower()} " for r in roles)]
    assert len(with_role) >= 20
    assert any(len(n.split()) >= 4 for n in with_role)  # given name, role and unit: `Oanh CTXH BV Nhi`
    assert any(n == fold(n) for n in with_role)  # and without marks, as chat apps show them


def test_family_events_label_only_their_bare_year_and_groups_only_their_name():
    docs = _docs("social_work", 100) + _docs("social_interview", 60)
    years = [(d, s) for d, s in _spans(docs, "DATE") if re.fullmatch(r"(19|20)\d\d", s.text)]
    assert any(_preceded(d, s, r"(mất|ly hôn|tái hôn|từ|cưới) (năm )?$") for d, s in years)
    orgs = [(d, s) for d, s in _spans(docs, "ORGANIZATION")]
    outside = tuple(forms.SO["org_kinds_outside"])
    assert any(_preceded(d, s, r"\b(nhóm|quỹ|dự án|trang|group|chương trình) $") for d, s in orgs)
    # a lower-case kind word (`nhóm`, `quỹ`) stays outside; a capitalised `Quỹ …` is the name (written notes)
    assert not any(s.text.startswith(tuple(k + " " for k in outside)) for d, s in orgs if d.text != d.text.lower())
    assert any(s.text.startswith(("Quỹ ", "Ngôi nhà ")) for _, s in orgs)
    assert any(s.text.startswith(("CLB ", "Mái ấm ", "Hội ")) for _, s in orgs)
    words = {w.lower() for w in forms.SO["org_words"]}
    assert sum(any(w in s.text.lower() for w in words) for _, s in orgs) >= 20


def test_said_dates_keep_hom_mung_cung_ngay_and_the_part_of_day_inside_the_date():
    docs = _docs("social_work", 100)
    dates = [s.text for _, s in _spans(docs, "DATE")]
    assert any(t.startswith("hôm ") for t in dates)
    assert any(re.match(r"(sáng|trưa|chiều|tối|đêm) mùng ", t) for t in dates)
    assert any(t.endswith("cùng ngày") for t in dates)
    assert not any(t.startswith("lúc ") for t in dates)  # `lúc` stays outside
    interviews = _docs("social_interview", 60)
    for d in interviews:
        assert d.text == d.text.lower() and not re.search(r"\d", d.text), d.id


def test_places_are_markets_streets_and_km_markers_often_in_lower_case():
    docs = _docs("social_work", 100) + _docs("social_interview", 60)
    locs = [s.text for _, s in _spans(docs, "LOCATION")]
    kinds = tuple(k + " " for k in forms.SO["place_kinds"])
    lower = [t for t in locs if t.startswith(kinds) and t == t.lower()]
    assert len(lower) >= 30 and any(t.startswith(("chợ ", "đường ")) for t in lower)
    assert any(re.match(r"[Kk]m ?\d+\+\d00 ", t) for t in locs)  # `Km 21+300 QL2`
    assert any(re.search(r"\bQL\.?\d", t) for t in locs)
    assert any(re.search(r"\bĐT\.?\d{3}\b", t) for t in locs)
    assert any(t.startswith("km ") and "quốc lộ" in t for t in locs)  # spoken: `km bốn mươi ba quốc lộ một a`


def test_expatriate_messages_label_english_given_names_employers_insurers_and_suite_addresses():
    docs = _docs("expat_message", 80)
    kin = "(" + "|".join(forms.SO["kin_en"]) + ") $"
    assert sum(_preceded(d, s, kin) for d, s in _spans(docs, "NAME")) >= 20  # `my husband Kenta`
    orgs = {s.text for _, s in _spans(docs, "ORGANIZATION")}
    assert orgs & set(forms.SO["employers_en"]) and orgs & set(forms.SO["insurers_en"])
    locs = [s.text for _, s in _spans(docs, "LOCATION")]
    assert any(re.match(r"(Level|Suite|Unit|Apt|Flat|#)", t) or ", Suite " in t for t in locs)
    assert any(re.search(r"\b(VIC|NSW|QLD|WA|CA|MA|CO|ON) [\dA-Z]", t) for t in locs)  # states with postcodes
    gf = [(d, s) for d, s in _spans(_docs("social_work", 100), "NAME") if s.text.split()[-1] in set(forms.base.SURNAMES_COMMON)
          and len(s.text.split()) == 2]
    assert gf  # given name first, surname last: `Trang Nguyễn`
