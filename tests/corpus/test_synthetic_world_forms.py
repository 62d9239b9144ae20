"""Forms of the wider world in the many-form generator (corpora/synthetic/world.py): names in other scripts, Korean,
Russian and day-first dates and chat stamps, travel-insurance claims with claim and policy numbers and English insurer
names, Vietnamese addresses written in English, Mông names typed half with marks, speech-to-text damage; gold spans
stay exact."""
from __future__ import annotations

import datetime
import itertools
import random
import re

from corpora.synthetic import world
from corpora.synthetic.forms import FormGen3, generate_forms, make_form_doc

from .test_synthetic_forms import assert_exact

NON_LATIN = re.compile(r"[\u0400-\u04FF\u0370-\u03FF\u0600-\u06FF\u0900-\u097F\u0E00-\u0EFF\u1780-\u17FF"
                       r"\uAC00-\uD7AF\u4E00-\u9FFF]")


def _spans(genre, n=80, seed=7, augment=False):
    docs = generate_forms(n, seed=seed, genres=[genre], augment=augment)
    for d in docs:
        assert_exact(d)
    return docs, [(d, s) for d in docs for s in d.spans]


def test_travel_claims_carry_claim_and_policy_numbers_insurers_and_names_in_other_scripts():
    docs, spans = _spans("travel_claim")
    ids = [s.text for _, s in spans if s.label == "ID"]
    assert len({i for i in ids if re.search(r"\d{4}", i)}) >= 60
    shapes = {re.sub(r"\d", "9", re.sub(r"[A-Z]", "A", i)) for i in ids}
    assert len(shapes) >= 25  # many shapes, not one pattern
    orgs = [s.text for _, s in spans if s.label == "ORGANIZATION"]
    assert any(re.search(r"(Insurance|Assistance|Assist|Travel)\b", o) for o in orgs)
    assert any(o == o.lower() and re.search(r"[a-z]", o) for o in orgs)  # written in lower case too
    names = [s.text for _, s in spans if s.label == "NAME"]
    assert any(re.search(r"[\u0400-\u04FF]", n) for n in names)  # Cyrillic
    assert sum(bool(NON_LATIN.search(n)) for n in names) >= 20
    # an unlabelled stretch never holds a name in another script: the native name is labelled where it stands
    for d in docs:
        covered = set()
        for s in d.spans:
            covered.update(range(s.start, s.end))
        for m in re.finditer(r"[\u0400-\u04FF]+", d.text):
            if m.start() not in covered:
                assert m[0].lower() in {"пациент", "дата", "рождения", "паспорт", "отель", "номер", "страховка",
                                        "полис", "телефон", "пожалуйста", "позвоните", "по", "номеру"}, (d.id, m[0])


def test_russian_names_come_in_cyrillic_and_latin_with_female_surnames_and_patronymics():
    r = random.Random(5)
    people = [world.world_person(r, "ru") for _ in range(300)]
    natives = [p["native"] for p in people]
    assert any(re.fullmatch(r"[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+(вич|вна)", n) for n in natives)
    assert any(p["female"] and p["sur"].endswith(("ova", "eva", "ina")) for p in people)
    assert any(re.fullmatch(r"[A-Z]{3,} [A-Z][a-z]+", p["latin"]) for p in people)  # SURNAME Given


def test_korean_russian_and_day_first_dates_are_real_calendar_dates():
    r = random.Random(9)
    ko = [world.world_date(r, "ko") for _ in range(200)]
    assert any(re.fullmatch(r"\d{4}년 \d{1,2}월 \d{1,2}일", x) for x in ko)
    assert any(re.fullmatch(r"\d{4}\. \d{1,2}\. \d{1,2}\.", x) for x in ko)
    ru = [world.world_date(r, "ru") for _ in range(200)]
    assert any(re.fullmatch(r"\d{1,2} [а-я]+ \d{4} г\.", x) for x in ru)
    for _ in range(300):
        stamp = world.world_stamp(r, "dfirst")
        m = re.match(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun),? (\d{1,2}) ([A-Z][a-z]{2}) (\d{4})", stamp)
        if m:  # the weekday matches the date
            day = datetime.datetime.strptime(f"{m[2]} {m[3]} {m[4]}", "%d %b %Y")
            assert day.strftime("%a") == m[1], stamp


def test_chat_exports_put_a_day_first_or_korean_stamp_before_the_sender():
    docs, spans = _spans("world_chat", n=120)
    heads = []
    for d in docs:
        ss = sorted(d.spans, key=lambda s: s.start)
        for a, b in itertools.pairwise(ss):
            if a.label == "DATE" and b.label == "NAME" and d.text[a.end:b.start] in (" - ", ", ", " "):
                heads.append(a.text)
    assert any(re.match(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun),? \d{1,2} [A-Z][a-z]{2} \d{4}", h) for h in heads)
    assert any("오후" in h or "오전" in h for h in heads)
    assert any(re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2,4}, \d\d:\d\d", h) for h in heads)
    names = [s.text for _, s in spans if s.label == "NAME"]
    assert any(n.startswith("@") for n in names)
    assert any(NON_LATIN.search(n) for n in names)


def test_english_ward_addresses_are_locations():
    r = random.Random(2)
    addrs = [world.ward_address_en(r) for _ in range(300)]
    assert any(re.search(r"\w Ward\b|\bWard \w", a) for a in addrs)
    assert any(re.search(r"\bCommune\b", a) for a in addrs)
    assert any(re.search(r"\bDistrict\b", a) for a in addrs)
    assert any(re.search(r"\d+ [\w ]+ (Street|St\.|Road)", a) for a in addrs)
    _, spans = _spans("travel_claim", n=40)
    assert any(s.label == "LOCATION" and re.search(r"Ward|Commune", s.text) for _, s in spans)


def test_mong_chats_are_typed_half_with_marks_and_keep_names_labelled():
    docs, spans = _spans("hmong_chat", n=80)
    names = [s.text for _, s in spans if s.label == "NAME"]
    clans = {c.lower() for c in world.W["hmong"]["clans"]} | {world.fold(c).lower() for c in world.W["hmong"]["clans"]}
    assert sum(n.split()[0].lower() in clans for n in names) >= 30
    marked = [n for n in names if world.fold(n) != n]
    bare = [n for n in names if world.fold(n) == n and re.search(r"[a-z]", n)]
    assert marked and bare
    assert any(re.search(r"[a-z](f|s|r|x|j)\b", d.text) and re.search(r"\w(aa|ee|oo|dd|w)\w*\b", d.text) for d in docs)


def test_telex_keys_left_unconverted():
    assert world.telex("Sùng") == "Sungf"
    assert world.telex("đầu") == "ddaauf"
    assert world.telex("Mỷ") == "Myr"
    assert world.telex("nặng") == "nawngj"


def test_speech_to_text_calls_mishear_names_and_read_numbers_in_groups():
    docs, spans = _spans("asr_call", n=80)
    for d in docs:
        assert not re.search(r"\d", d.text), d.id
        assert d.text == d.text.lower()
    phones = [s.text for _, s in spans if s.label == "PHONE"]
    assert any(re.search(r"\b(mươi|trăm|mười)\b", p) for p in phones)  # a group read as a number
    r = random.Random(1)
    heard = {world.mishear("trường", r) for _ in range(50)} | {world.mishear("hùng", r) for _ in range(50)}
    assert len(heard - {"trường", "hùng"}) >= 4  # other tones, onsets, homophones, marks lost
    plates = [s.text for _, s in spans if s.label == "ID" and " a " in f" {s.text} "]
    assert plates


def test_lower_orgs_lower_cases_organisations_only():
    r = random.Random(4)
    doc = make_form_doc(r, 0, "referral", augment=False, forms=("lower_orgs",))
    assert_exact(doc)
    orgs = [s.text for s in doc.spans if s.label == "ORGANIZATION"]
    assert orgs and any(o == o.lower() for o in orgs)
    assert any(s.text != s.text.lower() for s in doc.spans if s.label == "NAME")


def test_foreign_names_heard_by_syllable_or_spelled_by_letter_in_calls():
    r = random.Random(3)
    heard = world.heard_foreign("Veretennikova", r)
    assert heard.split()[-1] in ("va", "và", "vá") and len(heard.split()) >= 5
    assert world.spelled_letters("Ivanova", r).split()[:2] == ["i", "vê"]
    _, spans = _spans("asr_call", n=100)
    spelled = [s.text for _, s in spans if s.label == "NAME" and len(s.text.split()) >= 5
               and set(s.text.split()) <= {n for v in world.LETTER_NAMES.values() for x in v for n in x.split()}]
    assert spelled  # a surname spelled letter by letter is one NAME


def test_a_line_about_who_scanned_typed_or_exported_the_record_labels_that_person():
    g = FormGen3(random.Random(1), False)
    body = [["Họ tên: ", None, {}], ["Lê Văn An", "NAME", {}], [" vào viện.", None, {}]]
    dated = 0
    for seed in range(30):
        out = world.f_provenance([list(x) for x in body], random.Random(seed), g)
        assert sum(x[1] == "NAME" for x in out) == 2
        dated += any(x[1] == "DATE" for x in out)
        assert "".join(x[0] for x in body) in "".join(x[0] for x in out)  # the record itself is unchanged
    assert dated >= 15
    docs = generate_forms(300, seed=8, augment=True)
    marked = [d for d in docs if "provenance" in d.meta["forms"]]
    assert 20 <= len(marked) <= 90
    for d in marked:
        assert_exact(d)
        first_end, last_start = d.text.find("\n"), d.text.rfind("\n")
        assert any(s.label == "NAME" and (s.end <= first_end or s.start > last_start) for s in d.spans), d.id


def test_upland_registers_list_mong_names_bare_years_and_bare_villages():
    docs = [d for d in generate_forms(120, seed=4, genres=["register"], augment=False) if "Người lập sổ" in d.text]
    assert docs
    for d in docs:
        assert_exact(d)
        rows = [ln for ln in d.text.split("\n") if re.match(r"\d+\s", ln)]
        assert len(rows) >= 4
        years = [s for s in d.spans if (s.label == "DATE" and re.fullmatch(r"(19|20)\d\d", s.text))
                 or (s.label == "AGE" and re.fullmatch(r"\d\d", s.text))]  # a bare birth year or age per row
        assert len(years) >= len(rows)
    clans = {c.lower() for c in world.W["hmong"]["clans"]}
    assert any(s.label == "NAME" and s.text.split()[0].lower() in clans for d in docs for s in d.spans)


def test_names_heard_by_ear_skip_signs_that_are_no_words():
    r = random.Random(1)
    assert world.heard_foreign("Samsung Fire & Marine", r).startswith("sam ")
    assert world.heard_foreign("- &", r) == ""


def test_mong_chats_forward_to_a_colleague_by_name_and_name_accounts_made_of_a_name():
    docs, spans = _spans("hmong_chat", n=120)
    fwd = [d for d in docs if "→" in d.text]
    assert fwd
    for d in fwd:  # `07/12 08:47 Vàng Dợ → a Tuấn CNTT: `: the colleague is a NAME, the unit is not
        for m in re.finditer(r"→ \w+ (\w+) ", d.text):
            assert any(s.label == "NAME" and s.start == m.start(1) for s in d.spans), (d.id, m[0])
    logins = [s.text for _, s in spans if s.label == "NAME" and re.fullmatch(r"[a-z]+([._][a-z]+)+", s.text)]
    assert logins
    r = random.Random(3)
    acc = world.login_name(r, "Vàng A Dợ", "bản Lao Chải xã Tả Van")
    assert "laochai" in acc and " " not in acc and "tavan" not in acc  # the village's name only, no commune


def test_upland_registers_also_carry_codes_ages_and_the_birth_attendant_by_name():
    docs = [d for d in generate_forms(300, seed=9, genres=["register"], augment=False) if "Người lập sổ" in d.text]
    text_spans = [(d, s) for d in docs for s in d.spans]
    assert any(s.label == "AGE" and re.fullmatch(r"\d\d", s.text) for _, s in text_spans)
    assert any(s.label == "ID" and re.fullmatch(r"[A-Z]{2,3}-20\d\d/\d{3}|\d+-[A-Z]{2,3}-\d{4}", s.text) for _, s in text_spans)
    helpers = [d for d in docs if "Người đỡ" in d.text]
    assert helpers
    for d in helpers:  # the attendant's called name after the weight is a NAME
        for m in re.finditer(r"\d,\d[\t| ]+(\w+)", d.text):
            assert any(s.label == "NAME" and s.start == m.start(1) for s in d.spans), (d.id, m[0])


def test_ocr_reads_m_as_rn_inside_names():
    docs = generate_forms(60, seed=3, genres=["ocr_paper"], augment=False)
    assert any(s.label == "NAME" and re.search(r"rn|Ð", s.text) for d in docs for s in d.spans)
