"""Forms of the wider world for the many-form corpus (issue #15, round 12: what dev batches 38-39 showed the learned
detector missing), used by `forms.py`:

- people of other scripts and languages: Russian names in Cyrillic and in Latin (surname first, patronymics, capitals),
  Thai, Lao, Khmer, Arabic, Devanagari, Greek, Mongolian, Hangul, Hanzi and Kanji names beside their transliteration,
  Latin names with other languages' letters (`Łukasz`, `Çağlar`);
- dates and chat stamps of other languages: Korean (`2026년 11월 26일 (목)`, `2026. 11. 26. 오후 7:02`), Russian
  (`26 ноября 2026 г.`, `26.11.2026`), English day-first (`Thu 26 Nov 2026, 19:02`), CJK, German, French, ISO;
- travel-insurance claims: claim and policy numbers of many shapes, English insurer and assistance-company names,
  tour operators, hotels, Vietnamese addresses written in English (`12 Tran Phu Street, Loc Tho Ward, Nha Trang`);
- Mông clan names and upland places, for chats typed half with marks and half without (`Giàng A Pao`, `Sungf`);
- speech-to-text damage: names misheard (tones, onsets, homophones), fillers and repeated words, numbers read in
  groups (`không chín mười hai ba trăm bốn mươi lăm ...`).

The lists live in `data/forms_world.json` (with its source note); this module is the engine. It depends only on
`generate.py`, so `forms.py` can import it.
"""
from __future__ import annotations

import datetime
import json
import random
import re
import unicodedata
from pathlib import Path

from corpora.synthetic import generate as base
from vimednlp.text.fold import fold

W = json.loads(Path(__file__).with_name("data").joinpath("forms_world.json").read_text(encoding="utf-8"))
SCRIPT_KINDS = tuple(W["scripts"])
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DIGIT_WORDS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def lit(value: str, label: str | None) -> str:
    """A literal value as template markup: `[value|LABEL]` (a labelled span) or the bare text."""
    value = re.sub(r"\s+", " ", re.sub(r"[\[\]|{}]", "", value)).strip()
    return f"[{value}|{label}]" if label else value


def fill_pattern(tpl: str, r: random.Random) -> str:
    """`{d}` a digit, `{n}` a house number, `{s}` a small number."""
    tpl = re.sub(r"\{d\}", lambda _m: str(r.randint(0, 9)), tpl)
    tpl = re.sub(r"\{n\}", lambda _m: str(r.randint(1, 420)), tpl)
    return re.sub(r"\{s\}", lambda _m: str(r.randint(1, 29)), tpl)


# --- people of other scripts -------------------------------------------------------------------------------------
def _ru_female(sur: tuple[str, str]) -> tuple[str, str]:
    cyr, lat = sur
    if cyr.endswith(("ов", "ев", "ёв", "ин")):
        return cyr + "а", lat + "a"
    return cyr, lat


def world_person(r: random.Random, kind: str | None = None) -> dict:
    """A person of another script or language: Latin rendering (`latin`, `given`, `sur`), native script (`native`,
    `native_given`, None for Latin-only languages), `kind`."""
    kind = kind or r.choice(["ru", "ru", "ru", "ru", "latin_marked", "latin_marked"] + list(SCRIPT_KINDS))
    if kind == "ru":
        R = W["russian"]
        female = r.random() < .5
        given = r.choice(R["given_f" if female else "given_m"])
        sur = r.choice(R["surnames"])
        sur = _ru_female(sur) if female else sur
        pat = r.choice(R["patronymic"])
        pat = (pat[2], pat[3]) if female else (pat[0], pat[1])
        k = r.random()
        if k < .3:
            latin = f"{given[1]} {sur[1]}"
        elif k < .55:
            latin = f"{sur[1].upper()} {given[1]}"
        elif k < .7:
            latin = f"{sur[1]} {given[1]} {pat[1]}"
        elif k < .85:
            latin = f"{sur[1].upper()} {given[1].upper()}"
        else:
            latin = f"{given[1]} {pat[1]} {sur[1]}"
        native = r.choice([f"{sur[0]} {given[0]} {pat[0]}", f"{sur[0]} {given[0]} {pat[0]}", f"{given[0]} {sur[0]}",
                           f"{sur[0]} {given[0][0]}. {pat[0][0]}."])
        return {"kind": kind, "latin": latin, "given": given[1], "sur": sur[1], "native": native,
                "native_given": given[0], "female": female}
    if kind == "latin_marked":
        lang = r.choice(list(W["latin_marked"]))
        given, sur = r.choice(W["latin_marked"][lang]["given"]), r.choice(W["latin_marked"][lang]["surnames"])
        latin = r.choice([f"{given} {sur}", f"{given} {sur}", f"{sur.upper()} {given}", f"{sur}, {given}"])
        return {"kind": kind, "latin": latin, "given": given, "sur": sur, "native": None, "native_given": None,
                "female": r.random() < .5}
    S = W["scripts"][kind]
    given, sur = r.choice(S["given"]), r.choice(S["surnames"])
    order = S["order"]
    native = {"given_sur": f"{given[0]} {sur[0]}", "sur_given": f"{sur[0]} {given[0]}",
              "sur_given_tight": f"{sur[0]}{given[0]}", "sur_given_space": f"{sur[0]} {given[0]}",
              "initial_given": f"{sur[0]} {given[0]}"}[order]
    if order == "initial_given":
        latin = r.choice([f"{sur[1]} {given[1]}", given[1], f"{given[1]} {sur[1].rstrip('.')}"])
    elif order.startswith("sur_given"):
        latin = r.choice([f"{given[1]} {sur[1]}", f"{sur[1]} {given[1]}", f"{sur[1].upper()} {given[1].upper()}",
                          f"{sur[1].upper()} {given[1]}"])
    else:
        latin = r.choice([f"{given[1]} {sur[1]}", f"{given[1]} {sur[1]}", f"{sur[1].upper()} {given[1]}",
                          f"{given[1].upper()} {sur[1].upper()}"])
    return {"kind": kind, "latin": latin, "given": given[1], "sur": sur[1].rstrip("."), "native": native,
            "native_given": given[0], "female": r.random() < .5}


# --- dates of other languages --------------------------------------------------------------------------------
def _day(r: random.Random, lo: int, hi: int) -> datetime.date:
    start = datetime.date(lo, 1, 1)
    return start + datetime.timedelta(days=r.randint(0, (datetime.date(hi, 12, 31) - start).days))


def world_date(r: random.Random, style: str | None = None, lo: int = 2024, hi: int = 2026) -> str:
    """A real calendar date (the weekday matches) written as another language writes it."""
    t = _day(r, lo, hi)
    d, m, y, wd = t.day, t.month, t.year, t.weekday()
    mon = MONTHS_EN[m - 1]
    style = style or r.choice(["en", "en", "ko", "ko", "ru", "ru", "cjk", "de", "fr", "iso", "vi"])
    ko, kol = W["weekdays"]["ko"][wd], W["weekdays"]["ko_long"][wd]
    forms = {
        "en": [f"{WEEKDAYS_EN[wd][:3]} {d} {mon[:3]} {y}", f"{d} {mon[:3]} {y}", f"{d} {mon} {y}", f"{d:02d}-{mon[:3]}-{y}",
               f"{WEEKDAYS_EN[wd]}, {d} {mon} {y}", f"{d}{'st' if d in (1, 21, 31) else 'nd' if d in (2, 22) else 'rd' if d in (3, 23) else 'th'} {mon} {y}",
               f"{d:02d} {mon[:3].upper()} {y}"],
        "ko": [f"{y}년 {m}월 {d}일", f"{y}. {m}. {d}.", f"{m}월 {d}일", f"{y}년 {m}월 {d}일 ({ko})", f"{y}.{m:02d}.{d:02d}({ko})",
               f"{y}년 {m}월 {d}일 {kol}"],
        "ru": [f"{d} {W['months']['ru_gen'][m - 1]} {y} г.", f"{d:02d}.{m:02d}.{y}", f"{d:02d}.{m:02d}.{y % 100:02d}",
               f"{d} {W['months']['ru_gen'][m - 1]}", f"{d:02d}.{m:02d}.{y} ({W['weekdays']['ru'][wd]})"],
        "cjk": [f"{y}年{m}月{d}日", f"{m}月{d}日", f"{y}/{m:02d}/{d:02d}"],
        "de": [f"{d}. {W['months']['de'][m - 1]} {y}", f"{d:02d}.{m:02d}.{y}"],
        "fr": [f"{d} {W['months']['fr'][m - 1]} {y}", f"{d:02d}/{m:02d}/{y}"],
        "iso": [f"{y}-{m:02d}-{d:02d}", f"{y}/{m:02d}/{d:02d}"],
        "vi": [f"{W['weekdays']['vi'][wd]}, {d:02d}/{m:02d}/{y}", f"{W['weekdays']['vi'][wd]} {d}/{m}"],
    }[style]
    return r.choice(forms)


def world_stamp(r: random.Random, style: str) -> str:
    """A chat export's date with its clock, day first or year first, as each app and language writes it."""
    t = _day(r, 2025, 2026)
    d, m, y, wd = t.day, t.month, t.year, t.weekday()
    hh, mm = r.randint(6, 23), r.randint(0, 59)
    h12, ampm = hh % 12 or 12, "AM" if hh < 12 else "PM"
    ko_ampm = "오전" if hh < 12 else "오후"
    mon = MONTHS_EN[m - 1]
    return r.choice({
        "dfirst": [f"{WEEKDAYS_EN[wd][:3]} {d} {mon[:3]} {y}, {hh:02d}:{mm:02d}", f"{d} {mon[:3]} {y}, {hh:02d}:{mm:02d}",
                   f"{WEEKDAYS_EN[wd][:3]}, {d} {mon[:3]} {y} {h12}:{mm:02d} {ampm}", f"{d} {mon} {y} at {h12}:{mm:02d} {ampm}"],
        "ko": [f"{y}년 {m}월 {d}일 {ko_ampm} {h12}:{mm:02d}", f"{y}. {m}. {d}. {ko_ampm} {h12}:{mm:02d}"],
        "wa": [f"{d:02d}/{m:02d}/{y}, {hh:02d}:{mm:02d}", f"{d}/{m}/{y % 100:02d}, {hh:02d}:{mm:02d}"],
        "ru": [f"{d:02d}.{m:02d}.{y}, {hh:02d}:{mm:02d}", f"{d:02d}.{m:02d}.{y % 100:02d} {hh:02d}:{mm:02d}"],
        "iso": [f"{y}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}:{r.randint(0, 59):02d}", f"{y}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}"],
        "vi": [f"{W['weekdays']['vi'][wd]}, {d:02d}/{m:02d}/{y} {hh:02d}:{mm:02d}", f"{hh:02d}:{mm:02d} {W['weekdays']['vi'][wd]}, {d}/{m}"],
    }[style])


# --- insurers, claims, tourism, addresses in English -----------------------------------------------------------
def insurer(r: random.Random) -> str:
    if r.random() < .55:
        n = r.choice(W["insurers"])
    else:
        n = f"{r.choice(W['insurer_stems'])} {r.choice(W['insurer_kinds'])}"
    k = r.random()
    return n.lower() if k < .15 else n.upper() if k < .25 else n


def _code(r: random.Random, prefixes: list[str]) -> str:
    """A claim or policy number: a prefix, a year or not, digit groups, separators of one kind."""
    sep = r.choice(["-", "-", "/", "", " ", "."])
    pre = r.choice(prefixes)
    y = r.choice(["", str(r.randint(2024, 2026)), f"{r.randint(24, 26)}", f"{r.randint(24, 26)}{r.randint(1, 12):02d}"])
    groups = [str(r.randint(10 ** (k - 1), 10 ** k - 1)) for k in r.choice([[6], [7], [8], [4, 4], [3, 3, 3], [5], [2, 7]])]
    parts = [pre] + ([y] if y else []) + groups
    if r.random() < .15:
        parts.append(r.choice(["A", "B", "RU", "KR", "VN", "01", "02"]))
    if r.random() < .12:
        return " ".join(groups) if len(groups) > 1 else pre + groups[0]
    return sep.join(parts) if sep != "" or len(parts) < 4 else pre + "".join(parts[1:])


def claim_no(r: random.Random) -> str:
    return _code(r, W["claim_prefixes"])


def policy_no(r: random.Random) -> str:
    return _code(r, W["policy_prefixes"])


def hotel(r: random.Random) -> str:
    h = f"{r.choice(W['hotel_stems'])} {r.choice(W['hotel_kinds'])}"
    return h.lower() if r.random() < .15 else h


def tour(r: random.Random) -> str:
    t = f"{r.choice(W['tour_stems'])} {r.choice(W['tour_kinds'])}"
    return t.lower() if r.random() < .15 else t


def clinic(r: random.Random) -> str:
    return f"{r.choice(W['clinic_stems'])} {r.choice(W['clinic_kinds'])}"


def ward_address_en(r: random.Random) -> str:
    """A Vietnamese address written in English: `12 Tran Phu Street, Loc Tho Ward, Nha Trang City`, `Ward 5, District 3`,
    `Hamlet 4, Ea Tieu Commune, Cu Kuin District, Dak Lak Province`; usually without marks."""
    street = f"{r.randint(1, 320)}{r.choice(['', '', '/' + str(r.randint(1, 40)), r.choice('ABC')])} " \
             f"{r.choice(base.STREETS)} {r.choice(W['ward_street_kinds'])}"
    if r.random() < .2:
        street = f"{r.choice(['Alley', 'Lane', 'Hem'])} {r.randint(1, 200)}, {street}"
    if r.random() < .1:
        street = f"Apt {r.choice('ABCD')}{r.randint(1, 30)}-{r.randint(1, 20):02d}, {r.choice(W['hotel_stems'])} " \
                 f"{r.choice(W['building_words'])}, {street}"
    wkind = {"Phường": "Ward", "Xã": "Commune", "Thị trấn": "Town", "Đặc khu": "Special Zone"}
    if r.random() < .55:
        prov, dist, wtype, ward = r.choice(base.WARDS19)
        dtype = next((t for p, t, n in base.DISTRICTS if p == prov and n == dist), "Huyện")
        dk = {"Quận": "District", "Huyện": "District", "Thị xã": "Town", "Thành phố": "City"}[dtype]
        wk = wkind.get(wtype, "Ward")
        ward_s = r.choice([f"{ward} {wk}", f"{wk} {ward}"]) if wk == "Ward" else f"{ward} {wk}"
        if r.random() < .15:
            ward_s = f"Ward {r.randint(1, 15)}"
        dist_s = f"District {r.randint(1, 12)}" if prov == "Hồ Chí Minh" and r.random() < .5 else f"{dist} {dk}"
        prov_s = "Ho Chi Minh City" if prov == "Hồ Chí Minh" else r.choice([f"{prov} Province", prov, f"{prov} City"])
        parts = [street, ward_s, dist_s, prov_s]
    else:
        prov, wtype, ward = r.choice(base.WARDS25)
        wk = wkind.get(wtype, "Ward")
        parts = [street, r.choice([f"{ward} {wk}", f"{wk} {ward}"]) if wk == "Ward" else f"{ward} {wk}",
                 r.choice([f"{prov} Province", prov, f"{prov} City"])]
    if r.random() < .35:
        parts = parts[1:] if r.random() < .5 else parts[:-1]
    a = ", ".join(parts)
    if r.random() < .3:  # `Lao Chai commune`, `ward 5`: the kind word in lower case
        a = re.sub(r"\b(Ward|Commune|District|Province|Town)\b", lambda m: m[1].lower(), a)
    return fold(a) if r.random() < .7 else a


def foreign_address(r: random.Random, kind: str) -> str:
    key = "ru" if kind in ("ru", "mongolian") else "ko" if kind == "hangul" else "other"
    return fill_pattern(r.choice(W["addresses"][key]), r)


def world_phone(r: random.Random, kind: str) -> str:
    d = lambda n: "".join(str(r.randint(0, 9)) for _ in range(n))
    return {"ru": f"+7 9{d(2)} {d(3)}-{d(2)}-{d(2)}", "hangul": f"+82 10-{d(4)}-{d(4)}", "thai": f"+66 8{d(1)} {d(3)} {d(4)}",
            "lao": f"+856 20 {d(4)} {d(4)}", "khmer": f"+855 {d(2)} {d(3)} {d(3)}", "arabic": f"+971 5{d(1)} {d(3)} {d(4)}",
            "devanagari": f"+91 9{d(4)} {d(5)}", "greek": f"+30 69{d(2)} {d(3)} {d(3)}", "mongolian": f"+976 99{d(2)} {d(4)}",
            "hanzi": f"+86 13{d(1)} {d(4)} {d(4)}", "kanji": f"+81 90-{d(4)}-{d(4)}"}.get(kind, f"+48 {d(3)} {d(3)} {d(3)}")


def world_passport(r: random.Random, kind: str) -> str:
    d = lambda n: "".join(str(r.randint(0, 9)) for _ in range(n))
    return {"ru": r.choice([f"{r.randint(70, 77)} {d(7)}", f"{r.randint(70, 77)}{d(7)}"]), "hangul": f"M{d(8)}",
            "hanzi": f"E{d(8)}", "kanji": f"T{r.choice('KRZ')}{d(7)}", "thai": f"A{r.choice('ABC')}{d(6)}"}.get(
        kind, f"{r.choice('NPKX')}{r.choice('ABCDEFGHJK')}{d(7)}")


def world_email(r: random.Random, p: dict) -> str:
    user = re.sub(r"[^a-z0-9.]", "", fold(f"{p['given']}.{p['sur']}").lower().replace(" ", ""))
    dom = {"ru": ["mail.ru", "yandex.ru", "gmail.com", "bk.ru"], "hangul": ["naver.com", "daum.net", "gmail.com"]}.get(
        p["kind"], ["gmail.com", "outlook.com", "yahoo.com"])
    return f"{user}{r.choice(['', '', str(r.randint(1, 99))])}@{r.choice(dom)}"


def at_handle(r: random.Random, p: dict) -> str:
    """A Telegram/Instagram/Kakao handle made of a name: `@natasha_smirnova`, `@jihoon.park91`."""
    w = [x for x in re.sub(r"[^a-z0-9 ]", "", fold(f"{p['given']} {p['sur']}").lower()).split() if x]
    w = r.choice([w, w[:1], w[::-1]]) if w else ["user"]
    return "@" + r.choice(["_", ".", ""]).join(w) + r.choice(["", "", str(r.randint(1, 99)), "_" + str(r.randint(80, 99))])


# --- Mông clan names and upland places ---------------------------------------------------------------------------
def hmong_person(r: random.Random) -> tuple[str, str]:
    """(full name, the name people call them): `Giàng A Páo` / `A Páo` or `Páo`, `Sùng Thị Mỷ` / `Mỷ`."""
    H = W["hmong"]
    female = r.random() < .45
    clan, mid, given = r.choice(H["clans"]), r.choice(H["middle_f" if female else "middle_m"]), r.choice(H["given"])
    full = r.choice([f"{clan} {mid} {given}", f"{clan} {mid} {given}", f"{clan} {given}"])
    called = r.choice([given, f"{mid} {given}" if mid != "Thị" else given, full])
    return full, called


def hmong_place(r: random.Random) -> str:
    H = W["hmong"]
    two = lambda: f"{r.choice(H['place_first'])} {r.choice(H['place_second'])}"
    p = f"{r.choice(H['place_kinds'])} {two()}"
    if r.random() < .35:
        p += f" {r.choice(['xã', 'xa', 'huyện'])} {two()}"
    return p


def hmong_org(r: random.Random) -> str:
    H = W["hmong"]
    two = lambda: f"{r.choice(H['place_first'])} {r.choice(H['place_second'])}"
    return r.choice(W["hmong_orgs"]).format(w=two(), d=two(), p=two())


def login_name(r: random.Random, full: str, place: str) -> str:
    """A health-information system's account made of a unit, a place and a person's name (`tyt.laochai.vangdo`):
    the whole account names the person."""
    name = re.sub(r"[^a-z ]", "", fold(full).lower()).split()
    name = r.choice([name[:1] + name[-1:], name[-1:] + name[:1], name]) if len(name) > 1 else name
    place = "".join(re.sub(r"[^a-z ]", "", fold(place).lower()).split()[1:3])  # the village's name, its kind word off
    sep = r.choice([".", ".", "_"])
    return sep.join([r.choice(W["login_units"]), place, "".join(name)] if r.random() < .7 else ["".join(name), place])


# --- half-marked typing and telex left unconverted ---------------------------------------------------------------
_TONE_KEY = {"\u0300": "f", "\u0301": "s", "\u0309": "r", "\u0303": "x", "\u0323": "j"}


def telex(word: str) -> str:
    """The keys typed for a word when the phone's Vietnamese input is off: `Sùng` -> `Sungf`, `Mỷ` -> `Myr`."""
    out, tone = [], ""
    for ch in unicodedata.normalize("NFD", word):
        if ch in _TONE_KEY:
            tone = _TONE_KEY[ch]
        elif ch == "\u0302" and out:
            out.append(out[-1].lower())
        elif ch in ("\u0306", "\u031b"):
            out.append("w")
        elif ch in "đĐ":
            out.append(ch.replace("đ", "dd").replace("Đ", "Dd"))
        else:
            out.append(ch)
    return "".join(out) + tone


def half_mark_word(w: str, r: random.Random, p: float) -> str:
    if fold(w) == w or r.random() >= p:
        return w
    return telex(w) if r.random() < .08 else fold(w)


def f_half_marks(segs, rng, g):
    """Typing on a phone, half the words lose their marks (a rate per document), a few keep the telex keys."""
    p = rng.choice([.3, .45, .6, .75])
    for s in segs:
        s[0] = re.sub(r"\w+", lambda m: half_mark_word(m[0], rng, p), s[0])
        if s[1] == "NAME" and rng.random() < .3:  # a name typed without its capitals
            s[0] = s[0].lower()
    return segs


def f_lower_orgs(segs, rng, g):
    """Organisations (and some places) written in lower case in an otherwise cased text."""
    for s in segs:
        if (s[1] == "ORGANIZATION" and rng.random() < .8) or (s[1] == "LOCATION" and rng.random() < .35):
            s[0] = s[0].lower()
    return segs


# --- speech-to-text damage -------------------------------------------------------------------------------------
def mishear(word: str, r: random.Random) -> str:
    """A syllable as a recogniser may write it: a homophone, another tone, another onset, or marks lost."""
    A = W["asr"]
    low = word.lower()
    k = r.random()
    if low in A["homophones"] and k < .4:
        return A["homophones"][low]
    if k < .6:
        for i, ch in enumerate(word):
            if ch in A["tone_swap"]:
                return word[:i] + A["tone_swap"][ch] + word[i + 1:]
    if k < .85:
        for a, b in A["onset_swap"]:
            if low.startswith(a) and not (a == "n" and low.startswith("ng")) and not (a == "d" and low.startswith("đ")):
                return b + word[len(a):]
    return fold(word)


def f_asr(segs, rng, g):
    """Names, places and organisations misheard syllable by syllable; fillers and repeated words between them."""
    A = W["asr"]
    for s in segs:
        if s[1] in ("NAME", "LOCATION", "ORGANIZATION"):
            s[0] = re.sub(r"[^\W\d_]+", lambda m: mishear(m[0], rng) if rng.random() < .25 else m[0], s[0])
        elif s[1] is None:
            def noise(m):
                w = m[0]
                k = rng.random()
                if k < .05:
                    return f"{rng.choice(A['fillers'])} {w}"
                if k < .08:
                    return f"{w} {w}"
                return w
            s[0] = re.sub(r"(?<![\w:])[^\W\d_]+(?=[ \n])", noise, s[0])
    return segs


def say_grouped(digits: str, r: random.Random, say_number) -> str:
    """A number read in groups as cardinals (`0912 345 678` -> `không chín trăm mười hai ba trăm bốn mươi lăm ...`),
    leading zeros one by one; the groups as written, or pairs and triples."""
    runs = re.findall(r"\d+", digits)
    if len(runs) == 1:
        run = runs[0]
        cut = r.choice([2, 3, 4])
        runs = [run[i:i + cut] for i in range(0, len(run), cut)]
    words = []
    for g in runs:
        zeros = len(g) - len(g.lstrip("0"))
        words += ["không"] * zeros
        rest = g[zeros:]
        if rest:
            words.append(say_number(int(rest), r) if len(rest) <= 3 else " ".join(DIGIT_WORDS[int(c)] for c in rest))
    return " ".join(words)


# --- fillers and genres ------------------------------------------------------------------------------------------
BANKS_W = ["Sberbank", "Tinkoff Bank", "VTB", "Alfa-Bank", "Kookmin Bank", "Shinhan Bank", "Woori Bank", "Bangkok Bank",
           "Kasikornbank", "BCEL", "ACLEDA Bank", "Emirates NBD", "HDFC Bank", "Khan Bank", "PKO Bank Polski", "Vietcombank"]


def w_person(g, key: str, kind: str | None = None) -> dict:
    if "w_" + key not in g.person:
        g.person["w_" + key] = world_person(g.r, kind or g.person.get("w_kind"))
    return g.person["w_" + key]


def _native(p: dict) -> str:
    return p["native"] or f"{p['given']} {p['sur']}"


def _any_rendering(r: random.Random, p: dict) -> str:
    return r.choice([p["latin"], p["latin"], _native(p)])


def world_fillers(g) -> dict:
    P = lambda v, lab, **a: (v, lab, a)
    r = g.r
    d = lambda n: "".join(str(r.randint(0, 9)) for _ in range(n))
    f = {
        "wname": lambda: P(w_person(g, "a")["latin"], "NAME"),
        "wname_native": lambda: P(_native(w_person(g, "a")), "NAME"),
        "wgiven": lambda: P(w_person(g, "a")["given"], "NAME"),
        "wgiven_native": lambda: P(w_person(g, "a")["native_given"] or w_person(g, "a")["given"], "NAME"),
        "wsur": lambda: P(w_person(g, "a")["sur"], "NAME"),
        "wname_up": lambda: P(fold(f"{w_person(g, 'a')['sur']} {w_person(g, 'a')['given']}").upper(), "NAME"),
        "wname2": lambda: P(w_person(g, "b")["latin"], "NAME"),
        "wname2_native": lambda: P(_native(w_person(g, "b")), "NAME"),
        "wgiven2": lambda: P(w_person(g, "b")["given"], "NAME"),
        "wname3": lambda: P(w_person(g, "c", r.choice(["ru", "latin_marked", "hangul"]))["latin"], "NAME"),
        "wname_r": lambda: P(_any_rendering(r, world_person(r)), "NAME"),
        "wdob": lambda: P(world_date(r, None, 1945, 2018), "DATE"),
        "wdob_ru": lambda: P(world_date(r, "ru", 1945, 2018), "DATE"),
        "wdob_ko": lambda: P(world_date(r, "ko", 1945, 2018), "DATE"),
        "wdate": lambda: P(world_date(r), "DATE"),
        "wdate_ko": lambda: P(world_date(r, "ko"), "DATE"),
        "wdate_ru": lambda: P(world_date(r, "ru"), "DATE"),
        "wdate_en": lambda: P(world_date(r, "en"), "DATE"),
        "wstamp": lambda: P(world_stamp(r, r.choice(["dfirst", "ko", "wa", "ru", "iso", "vi"])), "DATE"),
        "wphone": lambda: P(world_phone(r, w_person(g, "a")["kind"]), "PHONE"),
        "wphone2": lambda: P(world_phone(r, w_person(g, "b")["kind"]), "PHONE"),
        "wemail": lambda: P(world_email(r, w_person(g, "a")), "EMAIL"),
        "wemail2": lambda: P(world_email(r, w_person(g, "b")), "EMAIL"),
        "passport_w": lambda: P(world_passport(r, w_person(g, "a")["kind"]), "ID", kind="passport"),
        "waddr": lambda: P(foreign_address(r, w_person(g, "a")["kind"]), "LOCATION"),
        "athandle": lambda: P(at_handle(r, w_person(g, r.choice(["a", "b"]))), "NAME"),
        "claimno": lambda: P(g.person.setdefault("claimno", claim_no(r)), "ID", kind="other"),
        "claimno2": lambda: P(claim_no(r), "ID", kind="other"),
        "policyno": lambda: P(g.person.setdefault("policyno", policy_no(r)), "ID", kind="other"),
        "invoice": lambda: P(r.choice([f"HĐ{d(7)}", f"INV-{r.randint(2024, 2026)}-{d(5)}", f"{d(7)}", f"1C26T{r.choice('AB')}{r.choice('AB')}-{d(6)}"]),
                             "ID", kind="other"),
        "ins_w": lambda: P(g.person.setdefault("ins_w", insurer(r)), "ORGANIZATION"),
        "assist": lambda: P(g.person.setdefault("assist", f"{r.choice(W['insurer_stems'])} "
                                                          f"{r.choice(['Assistance', 'Assist', 'Medical Assistance', 'Care Assistance', 'Claims Services'])}"),
                            "ORGANIZATION"),
        "hotel": lambda: P(g.person.setdefault("hotel", hotel(r)), "LOCATION"),
        "room": lambda: P(str(r.choice([r.randint(101, 1520), r.randint(2, 30) * 100 + r.randint(1, 40)])), None),
        "tour": lambda: P(g.person.setdefault("tour", tour(r)), "ORGANIZATION"),
        "clinic_w": lambda: P(g.person.setdefault("clinic_w", clinic(r)), "ORGANIZATION"),
        "ward_en": lambda: P(g.person.setdefault("ward_en", ward_address_en(r)), "LOCATION"),
        "ward_en2": lambda: P(ward_address_en(r), "LOCATION"),
        "wbank": lambda: P(r.choice(BANKS_W), "ORGANIZATION"),
        "wacct": lambda: P(r.choice([d(20), f"{d(4)} {d(4)} {d(4)} {d(4)}", f"40817810{d(12)}", f"{d(3)}-{d(6)}-{d(5)}", d(12)]),
                           "ID", kind="bank"),
        "wrole": lambda: P(r.choice(W["roles_claim"]), None),
        "wrel": lambda: P(r.choice(W["relations_en"]), None),
        "nat_w": lambda: P({"ru": "Russian", "hangul": "Korean", "hanzi": "Chinese", "kanji": "Japanese", "thai": "Thai",
                            "lao": "Lao", "khmer": "Cambodian", "arabic": "Emirati", "devanagari": "Indian", "greek": "Greek",
                            "mongolian": "Mongolian"}.get(w_person(g, "a")["kind"], "Polish"), None),
        "iage_w": lambda: P(r.choice([f"{r.randint(2, 85)} y/o", f"{r.randint(2, 85)} tuổi", f"{r.randint(2, 85)} лет",
                                      f"{r.randint(2, 85)}세", f"{r.randint(2, 85)} yrs"]), "AGE"),
        "wclock": lambda: P(f"{r.randint(7, 22)}:{r.choice(['00', '15', '30', '45'])}", None),
        "wmrn": lambda: P(f"{r.choice(['TC', 'IC', 'FC', 'OPD'])}{r.randint(24, 26)}-{d(5)}", "ID", kind="mrn"),
        "wgiven_heard": lambda: P(heard_foreign(w_person(g, "a")["given"], r), "NAME"),
        "wsur_heard": lambda: P(heard_foreign(w_person(g, "a")["sur"], r), "NAME"),
        "wsur_spelled": lambda: P(spelled_letters(w_person(g, "a")["sur"], r), "NAME"),
        "ins_heard": lambda: P(heard_foreign(g.person.setdefault("ins_w", insurer(r)), r), "ORGANIZATION"),
        "wyear": lambda: P(str(r.randint(1940, 2010)), "DATE"),
        "fcity_w": lambda: P(r.choice(["Novosibirsk", "Vladivostok", "Irkutsk", "Moscow", "Seoul", "Busan", "Almaty",
                                        "Ulaanbaatar", "Bangkok", "Vientiane", "Dubai", "Warsaw", "Krasnoyarsk", "Khabarovsk"]),
                             "LOCATION"),
    }
    return f


TRAVEL_CLAIM = [
    "{ins_w} — TRAVEL INSURANCE CLAIM FORM / ĐƠN YÊU CẦU BỒI THƯỜNG\nClaim No.: {claimno}    Policy No.: {policyno}\n"
    "1. Insured person / Người được bảo hiểm: {wname} ({wname_native})\n   Date of birth: {wdob}    Passport: {passport_w}\n"
    "   Home address: {waddr}\n   Phone: {wphone}    E-mail: {wemail}\n2. Trip: {wdate} – {wdate}, tour operator {tour}\n"
    "   Address in Viet Nam: {hotel}, {ward_en}\n3. Date of illness / accident: {wdate}\n   Treated at: {clinic_w}, then {hospital}\n"
    "   Diagnosis: {dis}\n   Amount claimed: {money} VND\n4. Bank: {wbank}, account holder {wname_up}, account no. {wacct}\n"
    "Signature: ______    Date: {wdate}",
    "From: {assist} ({wrole} {wname2})\nTo: {clinic_w} – billing\nSubject: RE: Claim {claimno} / Policy {policyno} – {wname_up}\n"
    "Date: {wstamp}\n\nDear colleagues,\nWe confirm cover for {Mr.|Ms.|Mrs.} {wsur} (DOB {wdob}), insured with {ins_w} under "
    "policy {policyno}. Please send the medical report, invoice no. {invoice} and the passport copy ({passport_w}). "
    "The patient stays at {hotel}, room {room}, {ward_en}; contact number {wphone}. Our ref.: {claimno}.\nKind regards,\n"
    "{wname2}\n{wrole}, {assist}\nTel {wphone2} | {wemail2}",
    "THƯ BẢO LÃNH VIỆN PHÍ / GUARANTEE OF PAYMENT\nSố / Ref.: {claimno}    Ngày / Date: {wdate}\nKính gửi: {hospital}\n"
    "{assist}, đại diện cho {ins_w}, bảo lãnh chi phí điều trị cho: {wname} – hộ chiếu {passport_w} – hợp đồng {policyno}.\n"
    "Hạn mức: {money} VND. Người liên hệ: {wname2}, {wphone2}, {wemail2}.\nNơi lưu trú: {hotel}, {ward_en}. Người đi cùng: "
    "{wrel} {wname3}.",
    "MEDICAL REPORT FOR INSURER\nPatient: {wname} / {wname_native}, {iage_w}, {nat_w}\nInsurer: {ins_w}    Claim ref.: {claimno}"
    "    Policy: {policyno}\nSeen on {wdate} at {clinic_w}, {ward_en2}.\nHistory: {sym}, {sym}. Diagnosis: {dis}. "
    "Treatment: {drug} {dose}.\nFit to fly from {wdate}. Accompanied by {wrel} {wname2}, phone {wphone2}.\nDoctor: {doctor}",
    "Hồ sơ bồi thường bảo hiểm du lịch\nKhách: {wname_up} ({nat_w}), sinh {wdob}, hộ chiếu {passport_w}\n"
    "Đoàn: {tour}, HDV {given} ({phone})\nKhách sạn: {hotel}, phòng {room}, {ward_en}\nBảo hiểm: {ins_w}, số HĐ {policyno}, "
    "mã hồ sơ {claimno}\nNgày khám: {wdate}; chẩn đoán: {dis}\nSố tiền: {money} đ; hoàn qua TK {wacct} ({wbank}), "
    "chủ TK {wname_up}\nGhi chú: khách liên hệ qua Telegram {athandle}, email {wemail}.",
    "claim {claimno} – {ins_w}\ninsured: {wname}, dob {wdob}, policy {policyno}\nevent: {wdate}, {sym} at {hotel}\n"
    "treated: {clinic_w} ({ward_en}) → transferred {hospital} {wdate}\ncontact: {wname2} ({wrel}) {wphone2}\n"
    "status: docs pending – invoice {invoice}, {claimno2}",
]
TOURIST_CLINIC = [
    "SỔ KHÁM BỆNH NHÂN NƯỚC NGOÀI – {clinic_w}\nSTT\tHọ tên\tNgày sinh\tHộ chiếu\tNơi ở\tBảo hiểm\tChẩn đoán\n"
    "1\t{wname_r}\t{wdob}\t{passport_w}\t{hotel}\t{ins_w}\t{dis}\n2\t{wname_r}\t{wdob}\t{passport_w}\t{ward_en2}\t{ins_w}\t{dis}\n"
    "3\t{wname_r}\t{wdob_ru}\t{passport_w}\t{hotel}\t{policyno}\t{dis}\n4\t{wname_r}\t{wdob_ko}\t{passport_w}\t{ward_en2}\t{claimno2}\t{dis}\n"
    "Người lập: {given} – {wdate}",
    "PHIẾU TIẾP NHẬN – {clinic_w}\nBN: {wname_native} / {wname}\nGiới: {gender}    Tuổi: {agenum}    Mã BN: {wmrn}\n"
    "Ngày giờ: {wstamp}\nPhiên dịch: {wname2} ({wphone2}), Telegram {athandle}\nHDV: {given}, {tour}\nNơi ở: {hotel}, phòng {room}, "
    "{ward_en}\nLý do: {sym}, {sym}\nBảo hiểm: {ins_w}, polis {policyno}\nBS khám: {doctor}",
    "Пациент: {wname_native}, дата рождения {wdob_ru}, паспорт {passport_w}.\nОтель {hotel}, номер {room}. Страховка {ins_w}, "
    "полис {policyno}. Телефон {wphone}.\nBN nói tiếng Nga, phiên dịch {wname2}. Chẩn đoán: {dis}. Hẹn tái khám {wdate_ru}.\n"
    "Trưởng đoàn {wname3} ({tour}) bảo lãnh chi phí. Người ghi: {doctor}",
    "환자: {wname_native} ({wname}), 생년월일 {wdob_ko}, 여권 {passport_w}\n호텔: {hotel}    연락처: {wphone}\n"
    "보험: {ins_w}, 증권번호 {policyno}\nBN người Hàn, vào khám {wdate_ko} vì {sym}. Chẩn đoán {dis}. Người nhà: {wname2} "
    "({wrel}). Hướng dẫn viên {given} của {tour}, SĐT {phone}.",
    "Handover – {clinic_w} – {wdate_en}\n- {Mr.|Ms.|Mrs.} {wname} ({nat_w}, {iage_w}), {hotel} rm {room}: {dis}. Insurer {ins_w} "
    "(case {claimno}) asks for daily update to {wemail2}.\n- {wname2}: {sym}, kept for obs. Wife {wname3} at {ward_en2}.\n"
    "- Night doctor {doctor}; interpreter {given} {phone}.",
]
ASR_CALL = [
    "tổng đài {clinic_w} xin nghe ạ\nngười gọi alo em ơi chị là hướng dẫn viên bên {tour} chị tên {given} có khách bị {sym} "
    "ở {hotel}\ntổng đài dạ khách tên gì chị\nngười gọi tên là {wgiven_heard} còn họ là {wsur_heard} chị đánh vần {wsur_spelled}\n"
    "tổng đài dạ khách sinh năm nào ạ\nngười gọi {wyear} bảo hiểm của khách là bên {ins_heard} số hợp đồng {policyno}\n"
    "tổng đài dạ chị cho em số điện thoại\nngười gọi {phone} được thì gọi anh tài xế {given2} {phone}",
    "tổng đài alo {hospital} xin nghe ạ\nngười gọi ờ alo em ơi chị tên là {name} ở {address} chị gọi hỏi kết quả xét nghiệm "
    "của chồng chị là anh {name2} ấy\ntổng đài dạ chị đọc giúp em mã hồ sơ với ạ\nngười gọi mã là {mrn} em nhé\n"
    "tổng đài dạ anh {given2} sinh ngày {dob} đúng không chị\nngười gọi đúng rồi số điện thoại chị là {phone}\n"
    "tổng đài dạ kết quả có rồi chị qua lấy ngày {date} nhé bác sĩ {doctor} hẹn chị",
    "nhân viên trung tâm cấp cứu xin nghe\nngười gọi alo có tai nạn ở {address} xe máy biển số {plate} va với xe tải biển {plate}\n"
    "nhân viên người bị nạn tên gì anh có giấy tờ không\nngười gọi căn cước ghi tên {name} sinh năm {year} số {cccd}\n"
    "nhân viên anh cho em số điện thoại của anh\nngười gọi {phone} tôi là {name2} làm {job} ở {company}\n"
    "nhân viên xe của {hospital} đang tới anh giữ máy nhé",
    "bác sĩ ghi âm hội chẩn từ xa ngày {date} bệnh nhân {name} {age} mã bệnh nhân {mrn} thẻ bảo hiểm {bhyt}\n"
    "bác sĩ chuyển từ {hospital} vì {dis} người nhà là {name2} số {phone} ở {address}\n"
    "bác sĩ bác sĩ {doctor} đề nghị chuyển lên tuyến trên lúc {datetime} xe biển số {plate}",
    "khách hàng alo cho tôi hỏi bảo hiểm {company} ạ tôi là {name} số hợp đồng {serial}\n"
    "nhân viên dạ anh đọc giúp em số căn cước {cccd} và ngày sinh\nkhách hàng ngày sinh {dob} vợ tôi là {name2} nằm ở "
    "{dept_hospital} từ ngày {date}\nnhân viên dạ em ghi nhận hồ sơ số {mrn} anh gửi hóa đơn qua email {email} nhé\n"
    "khách hàng số tài khoản của tôi {bank} ngân hàng {bankname}",
]


def world_chat_template(g) -> str:
    """A chat export between a tourist clinic or hotel, guests, interpreters and insurers: one sender shape per
    document (`26/11/2026, 19:02 - Name: `, `2026. 11. 26. 오후 7:02, Name : `, `Thu 26 Nov 2026, 19:02 Name: `,
    `Name, [26.11.26 19:02]` then the message, a day header then `[Name] [오후 7:02] `), senders in Latin or their own
    script, @handles, Vietnamese staff by given name."""
    r = g.r
    guests = [w_person(g, k) for k in ("a", "b", "c")[:r.randint(2, 3)]]
    staff = [g.given() for _ in range(r.randint(1, 2))]

    def disp(p):
        k = r.random()
        if k < .35:
            return f"{p['given']} {p['sur']}"
        if k < .55 and p["native"]:
            return p["native"]
        if k < .7:
            return p["latin"]
        if k < .8:
            return at_handle(r, p)
        return p["given"]
    senders = [(disp(p), p) for p in guests[:2]] + [(s + g.pick(["", "", " Lễ tân", " - Front desk", " phiên dịch"]), None)
                                                   for s in staff]
    shape = g.pick(["wa", "kakao", "dfirst", "telegram", "kakao_pc", "line", "iso"])
    style = {"wa": g.pick(["wa", "ru"]), "kakao": "ko", "dfirst": g.pick(["dfirst", "dfirst", "vi"]),
             "telegram": g.pick(["ru", "wa"]), "iso": "iso"}.get(shape, "ko")
    lines = []
    if shape in ("kakao_pc", "line"):
        lines.append(lit(world_date(r, g.pick(["ko", "en", "iso"])), "DATE"))
    for _ in range(r.randint(6, 11)):
        name, _p = g.pick(senders)
        others = [s for s in senders if s[0] != name]
        g.person["w_addressee"] = g.pick(others)[0] if others else name
        who = lit(name, "NAME")
        if shape in ("kakao_pc", "line"):
            hh, mm = r.randint(6, 23), r.randint(0, 59)
            clock = f"{'오전' if hh < 12 else '오후'} {hh % 12 or 12}:{mm:02d}" if shape == "kakao_pc" else f"{hh:02d}:{mm:02d}"
            head = f"[{who}] [{clock}] " if shape == "kakao_pc" else f"{clock}\t{who}\t"
        else:
            stamp = lit(world_stamp(r, style), "DATE")
            head = {"wa": f"{stamp} - {who}: ", "kakao": f"{stamp}, {who} : ", "dfirst": f"{stamp} {who}: ",
                    "telegram": f"{who}, [{stamp}]\n", "iso": f"[{stamp}] {who}: "}[shape]
        lines.append(head + world_tokens(g.pick(W["world_chat_bodies"]), g, guests))
    return "\n".join(lines)


def world_tokens(t: str, g, guests: list[dict]) -> str:
    """`«X»`/`«x»` a guest's full or given name, `«Y»` another person, `«S»` the addressee, `«H»` an @handle."""
    r = g.r

    def one(m):
        k = m[1]
        p = guests[0] if k in ("X", "x") else guests[-1]
        if k == "X":
            return lit(r.choice([p["latin"], f"{p['given']} {p['sur']}", p["native"] or p["latin"]]), "NAME")
        if k == "x":
            return lit(r.choice([p["given"], p["native_given"] or p["given"]]), "NAME")
        if k == "Y":
            return lit(world_person(r)["latin"] if r.random() < .5 else f"{g.given()}", "NAME")
        if k == "S":
            return lit(re.sub(r" (Lễ tân|- Front desk|phiên dịch)$", "", g.person.get("w_addressee", "")) or g.given(), "NAME")
        if k == "H":
            return lit(at_handle(r, g.pick(guests)), "NAME")
        raise KeyError(k)
    return re.sub(r"«(\w)»", one, t.replace("@«h»", "«H»"))


def hmong_chat_template(g) -> str:
    """Village health workers' chat in the Mông uplands: senders by clan name or called name (role outside), stamps,
    patients and kin by name, villages and health stations; typed half with marks (the genre's `half_marks`)."""
    r = g.r
    H = W["hmong"]
    people = {k: hmong_person(r) for k in ("P0", "P1", "P2", "X", "Y")}
    senders = ["P0", "P1", "P2"][:r.randint(2, 3)]
    roles = {p: (g.pick(H["roles"]) if r.random() < .4 else "") for p in senders}
    shape = g.pick(["name_stamp", "bracket", "plain", "name_role", "forward"])
    colleagues = {p: (g.pick(["a", "c", "e", "anh", "chị"]), g.given(), g.pick(H["unit_roles"])) for p in senders}
    place = hmong_place(r)
    lines = []
    if r.random() < .4:
        lines.append(f"{g.pick(['Nhóm', 'nhom', 'Zalo nhóm'])} \"{g.pick(['Y tế', 'y te', 'Dân số', 'CTV'])} {lit(place, 'LOCATION')}\"")
    for _ in range(r.randint(6, 12)):
        p = g.pick(senders)
        g.person["h_addressee"] = g.pick([q for q in senders if q != p])
        name = lit(g.pick([people[p][1], people[p][1], people[p][0]]), "NAME")
        stamp = lit(g.c_stamp(), "DATE")
        role = roles[p]
        pron, colleague, unit = colleagues[p]
        head = {"name_stamp": f"{name}{' ' + role if role else ''} {stamp}: ", "bracket": f"[{stamp}] {name}: ",
                "plain": f"{name}: ", "name_role": f"{name} ({role or g.pick(H['roles'])}): ",
                # a message forwarded to a colleague of another unit: `07/12 08:47 Vàng Dợ → a Tuấn CNTT: `
                "forward": f"{stamp} {name} → {pron} {lit(colleague, 'NAME')} {unit}: "}[shape]

        def one(m, colleague=colleague, p=p):  # (used at once, inside this message)
            k = m[1]
            if k in ("X", "Y"):
                return lit(people[k][0], "NAME")
            if k == "x":
                return lit(people["X"][1], "NAME")
            if k == "S":
                return lit(colleague if shape == "forward" and r.random() < .5 else people[g.person["h_addressee"]][1], "NAME")
            if k == "LOGIN":
                return lit(login_name(r, people[p][0], place), "NAME")
            if k == "PLACE":
                return lit(g.pick([place, hmong_place(r)]), "LOCATION")
            if k == "ORG":
                return lit(hmong_org(r), "ORGANIZATION")
            if k == "FCITY":
                return lit(g.pick(W["hmong_away"]), "LOCATION")
            raise KeyError(k)
        body = re.sub(r"«(\w+)»", one, g.pick(W["hmong_chat_bodies"]))
        if r.random() < .2:
            body = f"{g.pick(H['kin'])} {lit(people['Y'][1], 'NAME')} " + body
        if r.random() < .1:  # a sign-off by the called name on a line of its own (`E Dợ - 09...`)
            body += f"\n{g.pick(['E', 'e', 'c', 'a', 'Em'])} {lit(people[p][1], 'NAME')}" + g.pick(["", " - {phone}", " ({phone})"])
        lines.append(head + body)
    return "\n".join(lines)


# --- foreign names as a Vietnamese ear writes them, or spelled letter by letter ---------------------------------
LETTER_NAMES = json.loads(Path(__file__).with_name("data").joinpath("forms_lists.json").read_text(encoding="utf-8"))[
    "letter_names"]
_TONED = {"a": "áà", "e": "éè", "ê": "ếề", "o": "óò", "ô": "ốồ", "i": "íì", "u": "úù"}
_SYLLABLE = re.compile(r"[^aeiouy]*[aeiouy]+(?:[^aeiouy](?=[^aeiouy])|[^aeiouy]+$)?")


def heard_foreign(name: str, r: random.Random) -> str:
    """A foreign name cut into Vietnamese syllables by ear, lower case (`Veretennikova` -> `vê rê ten ni cô va`,
    `Oksana` -> `ốc xa na`)."""
    out = []
    for word in fold(name).lower().split():
        w = re.sub(r"[^a-z]", "", word)
        for a, b in (("sh", "s"), ("zh", "gi"), ("ts", "x"), ("ji", "gi"), ("j", "gi"), ("w", "v"), ("z", "d"), ("q", "c"),
                     ("k", "c"), ("oo", "u"), ("ee", "i")):
            w = w.replace(a, b)
        if not w:  # (`&`, `-`: nothing to say)
            continue
        for syl in _SYLLABLE.findall(w) or [w]:
            syl = re.sub(r"(?<=[aeiou])y$", "i", syl)
            if r.random() < .5:
                syl = syl.replace("e", "ê", 1) if "e" in syl else syl.replace("o", "ô", 1)
            if r.random() < .2:  # a tone heard on the syllable
                syl = re.sub(r"[aeiouêô]", lambda m: r.choice(_TONED[m[0]]), syl, count=1)
            out.append(syl if r.random() < .8 or syl[0] != "s" else "x" + syl[1:])
    return " ".join(out)


def spelled_letters(name: str, r: random.Random) -> str:
    """A name spelled letter by letter with the Vietnamese letter names (`vê e rờ e tê ...`)."""
    return " ".join(r.choice(LETTER_NAMES[c]) for c in fold(name).upper() if c in LETTER_NAMES)


# --- the record's own history: who scanned, typed, exported or checked it ------------------------------------------
def provenance_segs(r: random.Random, g) -> list:
    """A line about who scanned, typed, exported or checked the record: the person's NAME and the DATE labelled."""
    tpl = r.choice(W["provenance"])
    if r.random() < .3:  # a hospital-software log line: the account name is the person (trade.py, round 14)
        from corpora.synthetic import trade
        tpl = r.choice(trade.TR["account_provenance"]).replace("{account}", "{staff}")
        staff = trade.account_name(r, g.full_name())
    else:
        staff = g.given() if r.random() < .75 else g.full_name()
    d = r.choice([f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/{r.randint(2024, 2026)}", f"{r.randint(1, 28)}/{r.randint(1, 12)}",
                  f"{r.randint(1, 28):02d}.{r.randint(1, 12):02d}.{r.randint(2024, 2026)}"])
    clock = f"{r.randint(6, 23):02d}:{r.randint(0, 59):02d}"
    segs = []
    for part in re.split(r"(\{staff\}|\{date\}|\{clock\})", tpl):
        if part == "{staff}":
            segs.append([staff, "NAME", {}])
        elif part == "{date}":
            segs.append([d, "DATE", {}])
        elif part == "{clock}":
            segs.append([clock, None, {}])
        elif part:
            segs.append([part, None, {}])
    return segs


def f_provenance(segs, rng, g):
    note = provenance_segs(rng, g)
    if rng.random() < .5:
        return note + [["\n\n" if rng.random() < .5 else "\n", None, {}]] + segs
    return segs + [["\n\n" if rng.random() < .5 else "\n", None, {}]] + note


def hmong_register(r: random.Random) -> str:
    """A commune health station's register in the uplands: rows of a Mông (or Thái, Dao) name, a bare birth year or
    age, the people, a bare village name, a date and a note, sometimes a patient code (`MCC-2026/047`) or the called
    name of the one who helped (a birth attendant); the keeper signs by the called name."""
    H = W["hmong"]
    two = lambda: f"{r.choice(H['place_first'])} {r.choice(H['place_second'])}"
    villages = [two() for _ in range(3)]
    unit = "".join(w[0] for w in two().split()).upper() + r.choice(["C", "T", ""])
    code_col, age_col, helper_col = r.random() < .4, r.random() < .4, r.random() < .35
    helpers = [hmong_person(r)[1].split()[-1] for _ in range(2)]
    sep = r.choice(["\t", " | ", " "])
    rows = []
    for i in range(r.randint(4, 8)):
        full, _called = hmong_person(r)
        name = r.choice([full, full, full.upper(), fold(full), f"{full.split()[0]} T. {full.split()[-1]}"])
        place = r.choice(villages)
        place = r.choice([place, place, f"bản {place}", fold(place)])
        row = [str(i + 1)]
        if code_col:
            row.append(lit(r.choice([f"{unit}-{r.randint(2024, 2026)}/{r.randint(1, 150):03d}",
                                     f"{r.randint(1, 20)}-{unit}-{r.randint(1, 999):04d}"]), "ID"))
        row += [lit(name, "NAME"), lit(f"{r.randint(16, 80)}" if age_col else str(r.randint(1950, 2008)), "AGE" if age_col else "DATE"),
                r.choice(["Mông", "Mông", "Thái", "Dao"]), lit(place, "LOCATION"),
                lit(r.choice([f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/{r.randint(2025, 2026)}",
                              f"{r.randint(0, 23):02d}h {r.randint(1, 28):02d}/{r.randint(1, 12):02d}/{r.randint(2025, 2026)}",
                              f"tháng {r.randint(1, 12)}"]), "DATE")]
        if helper_col:
            row += [r.choice(["nam", "nữ"]), f"{r.randint(2, 3)},{r.randint(0, 9)}", lit(r.choice(helpers), "NAME")]
        row.append(r.choice(H["register_notes"]))
        rows.append(sep.join(row))
    keeper_full, keeper = hmong_person(r)
    head = f"SỔ {r.choice(['THEO DÕI SINH ĐẺ', 'TIÊM CHỦNG', 'QUẢN LÝ THAI', 'ĐIỀU TRỊ LAO'])} – {lit(hmong_org(r), 'ORGANIZATION')}"
    cols = "\t".join(["STT"] + (["Mã BN"] if code_col else []) + ["Họ tên", "Tuổi" if age_col else "Năm sinh", "Dân tộc",
                                                                  "Thôn/bản", "Ngày"]
                      + (["Giới", "Cân nặng", "Người đỡ"] if helper_col else []) + ["Ghi chú"])
    tail = f"Người lập sổ: {lit(keeper_full, 'NAME')}\n{r.choice(['E', 'e', 'c', 'a', 'Em'])} {lit(keeper, 'NAME')} - {{phone}}"
    return "\n".join([head, cols] + rows + [tail])
