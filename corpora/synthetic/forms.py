"""A many-form synthetic corpus: 31 genres and form augmentations, with exact gold spans.

Extends `generate.py` (whose output for a seed never changes: the shipped model depends on it) by import:
the same template markup, `Gen` values and gazetteers, plus the invented lists in `data/forms_lists.json`
(foreign, ethnic-minority and Khmer naming, foreign addresses and insurers, teencode, spoken numbers) and
`data/forms_more.json` (highland names, villages and roles; foreign given names, brands, address patterns).

A document is kept as a list of segments `[text, label, attrs]` (label None for plain text) from the moment
its template is rendered; every form change (lower case, no marks, teencode, OCR noise, spelled numbers,
given-name-first order, chat handles with timestamps, tab/pipe tables) rewrites segments, never the joined
text, so the gold offsets are recomputed from the segments and are exact by construction.

    python corpora/synthetic/forms.py --n 2000 --seed 21 --out /tmp/forms.jsonl
    python corpora/synthetic/forms.py --n 400 --seed 4242 --genre transcript --no-augment --out /tmp/t.jsonl

Output: one `vimednlp.schema.Document` JSON record per line; `meta` has genre, forms (the form changes
applied, in order) and source.
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `corpora.synthetic` importable from the repository root
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from corpora.synthetic import generate as base
from corpora.synthetic import world
from vimednlp.schema import Document, Span
from vimednlp.text.fold import fold

L = json.loads(Path(__file__).with_name("data").joinpath("forms_lists.json").read_text(encoding="utf-8"))
NATIONS = ("en", "fr", "ko", "zh", "ja")
ETHNIC_KINDS = ("ede", "koho", "hmong", "khmer", "tay_nung")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
DIGITS = L["digit_words"]
Seg = list  # [text, label or None, attrs]


# --- spoken Vietnamese numbers -------------------------------------------------------------------------------
def say_digits(s: str) -> str:
    return " ".join(DIGITS[int(c)] for c in s if c.isdigit())


def say_number(n: int, rng: random.Random | None = None) -> str:
    """Cardinal in words (0..9999); longer numbers digit by digit, as people read codes."""
    if n < 10:
        return DIGITS[n]
    if n < 20:
        u = n % 10
        return "mười" + ("" if u == 0 else " lăm" if u == 5 else " " + DIGITS[u])
    if n < 100:
        t, u = divmod(n, 10)
        unit = {0: "", 1: " mốt", 4: " tư" if rng is None or rng.random() < .6 else " bốn", 5: " lăm"}.get(u, " " + DIGITS[u])
        return f"{DIGITS[t]} mươi{unit}"
    if n < 1000:
        h, rest = divmod(n, 100)
        tail = "" if rest == 0 else f" {'linh' if rng is None or rng.random() < .5 else 'lẻ'} {DIGITS[rest]}" if rest < 10 \
            else " " + say_number(rest, rng)
        return f"{DIGITS[h]} trăm{tail}"
    if n < 10000:
        k, rest = divmod(n, 1000)
        if rest == 0:
            return f"{DIGITS[k]} nghìn"
        mid = say_number(rest, rng) if rest >= 100 else f"không trăm {say_number(rest, rng)}" if rest >= 10 \
            else f"không trăm linh {DIGITS[rest]}"
        return f"{DIGITS[k]} nghìn {mid}"
    return say_digits(str(n))


def say_year(y: str, rng: random.Random) -> str:
    if len(y) == 2:
        return say_number(int(y), rng)
    return say_digits(y) if rng.random() < .5 else say_number(int(y), rng)


def say_code(s: str, rng: random.Random) -> str:
    """An ID or phone read aloud: letters by their Vietnamese names (`pê tê`), digits one by one."""
    out = []
    for ch in s:
        if ch.isdigit():
            out.append(DIGITS[int(ch)])
        elif ch.upper() in L["letter_names"]:  # some letters have two spoken names (`dê`/`đê` for D)
            out.append(rng.choice(L["letter_names"][ch.upper()]))
        elif ch == "+":
            out.append("cộng")
        elif ch in "/":
            out.append("xẹt")
        elif ch == "-" and rng.random() < .5:
            out.append("gạch")
        elif ch == "." and rng.random() < .3:
            out.append("chấm")
    return " ".join(out)


def _say_loose(text: str, rng: random.Random) -> str:
    """Numbers in running text: decimals with `phẩy`, ratios with `trên`, the rest as cardinals."""
    text = re.sub(r"(\d+),(\d+)", lambda m: f"{say_number(int(m[1]), rng)} phẩy {say_digits(m[2])}", text)
    text = re.sub(r"(\d+)/(\d+)", lambda m: f"{say_number(int(m[1]), rng)} trên {say_number(int(m[2]), rng)}", text)
    text = re.sub(r"\d+", lambda m: f" {say_number(int(m[0]), rng)} ", text)
    return re.sub(r"[ ]{2,}", " ", text)


def say_date(text: str, rng: random.Random) -> str:
    def dmy(d, m, y):
        day = say_number(int(d), rng)
        if int(d) <= 10 and rng.random() < .35:  # the first ten days of a month: `mùng năm`, `mồng một`
            day = f"{rng.choice(['mùng', 'mồng'])} {day}"
        s = f"{day} tháng {say_number(int(m), rng)}"
        return s + (f" năm {say_year(y, rng)}" if y else "")
    t = re.sub(r"(\d{4})-(\d{1,2})-(\d{1,2})", lambda m: dmy(m[3], m[2], m[1]), text)
    t = re.sub(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})", lambda m: dmy(m[1], m[2], m[3]), t)
    t = re.sub(r"(\d{1,2}) ?- ?(\d{1,2})\b", lambda m: dmy(m[1], m[2], None), t)
    t = re.sub(r"(\d{1,2})/(\d{1,2})", lambda m: dmy(m[1], m[2], None), t)
    t = re.sub(r"(\d{1,2})h(\d{2})?", lambda m: f"{say_number(int(m[1]), rng)} giờ"
               + (f" {say_number(int(m[2]), rng)}" if m[2] and int(m[2]) else ""), t)
    t = re.sub(r"năm (\d{4})", lambda m: "năm " + say_year(m[1], rng), t)
    t = re.sub(r"\b(19\d\d|20\d\d)\b", lambda m: say_year(m[1], rng), t)
    return _say_loose(t, rng).strip()


# --- values the base generator lacks -------------------------------------------------------------------------
class FormGen(base.Gen):
    def nation(self) -> str:
        return self.person.setdefault("nation", self.pick(NATIONS))

    def foreign_name(self, nation: str | None = None) -> str:
        n = nation or self.pick(NATIONS)
        given, sur = self.pick(L["foreign_given"][n]), self.pick(L["foreign_surnames"][n])
        if n in ("en", "fr"):
            return f"{given} {sur}" if self.r.random() < .85 else f"{sur.upper()} {given}"
        return f"{sur} {given}" if self.r.random() < .6 else f"{given} {sur}"

    def foreign_address(self, nation: str | None = None) -> str:
        n = nation or self.pick(NATIONS)
        city, post, country = self.pick(L["foreign_cities"][n])
        post = re.sub(r"\{d\}", lambda _m: str(self.r.randint(0, 9)), post)
        post = re.sub(r"\{A\}", lambda _m: self.pick("ABDEHJLNPRSTWXY"), post)
        street = self.pick(L["foreign_streets"][n])
        num = self.r.randint(1, 480)
        if n == "fr":
            return f"{num} {street}, {post} {city}, {country}"
        if n == "ja":
            return f"{self.r.randint(1, 5)}-{self.r.randint(1, 30)}-{self.r.randint(1, 20)} {street}, {city} {post}, {country}"
        if n in ("ko", "zh"):
            return f"{num} {street}, {city} {post}, {country}"
        apt = f"Apt {self.r.randint(1, 30)}{self.pick('ABC')}, " if self.r.random() < .5 else ""
        return f"{apt}{num} {street}, {city} {post}, {country}"

    def english_date(self, lo=2019, hi=2025) -> str:
        d, m, y = self.r.randint(1, 28), self.r.randint(1, 12), self.r.randint(lo, hi)
        mon = MONTHS_EN[m - 1]
        return self.pick([f"{mon} {d}, {y}", f"{d} {mon[:3]} {y}", f"{d:02d}-{mon[:3]}-{y}", f"{mon[:3]} {d}, {y}",
                          f"{m:02d}/{d:02d}/{y}"])

    def ethnic_name(self, kind: str | None = None) -> str:
        e = L["ethnic"]
        k = kind or self.pick(ETHNIC_KINDS)
        if k == "ede":
            return f"{self.pick(e['ede_m'] + e['ede_f'])} {self.pick(e['ede_surnames'])}"
        if k == "koho":
            return self.pick(e["koho"])
        if k == "hmong":
            return f"{self.pick(e['hmong_surnames'])} {self.pick(e['hmong_middle_m'] + e['hmong_middle_f'])} {self.pick(e['hmong_given'])}"
        if k == "khmer":
            return f"{self.pick(e['khmer_surnames'])} {self.pick(['', 'Thị '])}{self.pick(e['khmer_given'])}"
        return f"{self.pick(e['tay_nung_surnames'])} {self.pick(['Văn', 'Thị'])} {self.pick(e['tay_nung_given'])}"

    def address25(self) -> str:
        prov, wtype, ward = self.pick(base.WARDS25)
        head = self._street_part()
        wt = {"Phường": "P.", "Xã": "X."}.get(wtype, wtype) if self.abbrev else wtype.lower()
        parts = [p for p in (head, f"{wt} {ward}", self.pick(["", "tỉnh ", "TP. "]) + prov) if p]
        return self.pick([", ", " - "]).join(parts)

    def handle(self) -> str:
        """A social-media display name: given name first, often a surname without marks, sometimes a nickname."""
        name = self.full_name().split()
        r = self.r.random()
        if r < .5:
            h = f"{name[-1]} {name[0]}"
        elif r < .7:
            h = fold(f"{name[-1]} {name[0]}")
        elif r < .85:
            h = f"{self.pick(['Mẹ', 'Bố', 'Ba'])} {self.pick(L['nicknames'])}"
        else:
            h = f"{name[-2]} {name[-1]}"
        return h + self.pick(L["handles_suffix"])


def form_fillers(g: FormGen) -> dict[str, Callable[[], tuple[str, str | None, dict]]]:
    P = lambda v, lab, **a: (v, lab, a)
    f = base.fillers(g)
    f.update({
        "fname": lambda: P(g.person.setdefault("fname", g.foreign_name(g.nation())), "NAME"),
        "fname2": lambda: P(g.foreign_name(), "NAME"),
        "faddr": lambda: P(g.person.setdefault("faddr", g.foreign_address(g.nation())), "LOCATION"),
        "edate": lambda: P(g.english_date(), "DATE"),
        "edob": lambda: P(g.english_date(1940, 2015), "DATE"),
        "insurer": lambda: P(g.pick(L["insurers"]), "ORGANIZATION"),
        "policy": lambda: P(f"{g.pick(['NHA', 'LCI', 'PHM', 'BOG', 'MEC'])}-{g.digits(4)}-{g.digits(4)}-{g.r.randint(1, 9):02d}",
                            "ID", kind="other"),
        "intl": lambda: P(g.pick(L["intl_hospitals"]), "ORGANIZATION"),
        "ename": lambda: P(g.person.setdefault("ename", g.ethnic_name(g.person.get("ekind"))), "NAME"),
        "ename2": lambda: P(g.ethnic_name(g.person.get("ekind")), "NAME"),
        "egroup": lambda: P(g.pick(L["ethnic_groups"]), None),
        "holiday": lambda: P(g.pick(L["khmer_holidays"]) + g.pick(["", f" năm {g.r.randint(2019, 2025)}"]), "DATE"),
        "lunar": lambda: P(g.pick(L["lunar_dates"]), "DATE"),
        "village": lambda: P(f"{g.pick(L['villages']['kinds'])} {g.pick(L['villages']['names'])}, "
                             f"{g.pick(['xã', 'phường'])} {g.pick(base.WARDS25)[2]}", "LOCATION"),
        "addr25": lambda: P(g.person.setdefault("addr25", g.address25()), "LOCATION"),
        "addr25b": lambda: P(g.address25(), "LOCATION"),
        "handle": lambda: P(g.person.setdefault("handle", g.handle()), "NAME"),
        "handle2": lambda: P(g.handle(), "NAME"),
        "nick": lambda: P(g.person.setdefault("nick", g.pick(L["nicknames"])), "NAME"),
        "bankname": lambda: P(g.pick(L["banks"]), "ORGANIZATION"),  # the account's bank, as the dev notes label it
        "holder": lambda: P(fold(g.person.setdefault("name", g.full_name(g.person.get("g")))).upper(), "NAME"),
        "facility": lambda: P(f"{g.pick(base.PROVINCES)[1]}{g.digits(3)}", "ID", kind="other"),
        "arv": lambda: P(f"{g.pick(base.PROVINCES)[1]}-{g.digits(4)}/{g.r.randint(10, 25)}", "ID", kind="patient_code"),
        "tbreg": lambda: P(f"{g.r.randint(1, 999)}/{g.r.randint(2019, 2025)}/{g.pick(['ĐTL', 'LKT', 'TB'])}", "ID", kind="serial"),
        "byear": lambda: P(str(g.r.randint(1935, 2020)), "DATE"),
        "money": lambda: P(f"{g.r.randint(50, 9000)}.{g.r.randint(0, 999):03d}", None),
        "icd": lambda: P(g.pick(["I10", "E11", "J18.9", "K29.7", "A15.0", "B20", "F32.1", "O14.1", "K02.1"]), None),
        "clock": lambda: P(f"{g.r.randint(6, 22)}:{g.r.randint(0, 59):02d}", None),
        "weeks": lambda: P(f"{g.r.randint(6, 40)} tuần", None),
    })
    for dom, labels in L["clinical"].items():
        for lab, vals in labels.items():
            f[f"{dom}_{lab}"] = (lambda vals=vals, lab=lab: P(g.pick(vals), lab))
    if isinstance(g, FormGen2):
        f.update(more_fillers(g))
        f.update(social_fillers(g))
    if isinstance(g, ChatMixin):
        f.update(chat_fillers(g))
    f.update(world.world_fillers(g))
    return f


# --- the forms batches 14/15 showed the detector had not seen enough of (issue #15) -------------------------
M = json.loads(Path(__file__).with_name("data").joinpath("forms_more.json").read_text(encoding="utf-8"))
HL, IN = M["highland"], M["intl"]
HL_WARDS19 = [w for w in base.WARDS19 if w[0] in HL["highland_provinces"]]
HL_WARDS25 = [w for w in base.WARDS25 if w[0] in HL["highland_provinces"]]
HL_DISTRICTS = [d for d in base.DISTRICTS if d[0] in HL["highland_provinces"]]
INTL_NATIONS = tuple(IN["given"])
SO = json.loads(Path(__file__).with_name("data").joinpath("forms_social.json").read_text(encoding="utf-8"))
SPOKEN_GENRES = ("transcript", "highland_transcript")


def _fill_digits(tpl: str, r: random.Random) -> str:
    """`{d}` a digit, `{A}` a capital, `{n}` a house number, `{s}` a small number, in an address pattern."""
    tpl = re.sub(r"\{d\}", lambda _m: str(r.randint(0, 9)), tpl)
    tpl = re.sub(r"\{A\}", lambda _m: r.choice("ABCEGHJKLMNPRSTVWXY"), tpl)
    tpl = re.sub(r"\{n\}", lambda _m: str(r.randint(1, 420)), tpl)
    return re.sub(r"\{s\}", lambda _m: str(r.randint(1, 29)), tpl)


def spoken_name(name: str, r: random.Random) -> str:
    """A name as a speech recogniser writes it: lower case, `H'` heard as `hờ`, `Êban` as `ê ban`, `K'` as `cờ`."""
    t = name.lower()
    t = re.sub(r"\bh'\s*", lambda _m: r.choice(["hờ ", "hờ ", "hơ ", "h "]), t)
    t = re.sub(r"\bk'\s*", lambda _m: r.choice(["cờ ", "k "]), t)
    return re.sub(r"\bê(ban|ya|nuôl)\b", lambda m: "ê " + m[1] if r.random() < .7 else m[0], t)


class HighlandMixin:
    """Names, places and organisations of the Central Highlands and the northern uplands, written or spoken."""

    def hl_person(self) -> tuple[str, str]:
        """(full name as written, the short name people call the person by)."""
        h, r = HL, self.r
        k = r.choice(["ede", "ede", "jrai", "jrai", "bana", "hmong", "hmong", "khmer", "tribal", "south", "south"])
        if k == "south":
            return self.south_person()
        if k == "ede":
            given = r.choice(h["ede_given_m"] + h["ede_given_f"])
            return f"{given} {r.choice(h['ede_surnames'])}", re.sub(r"^(Y |H'|H )", "", given)
        if k == "jrai":
            given = r.choice(["Y ", "H'", "H'"]) + r.choice(h["jrai_given"])
            sur = r.choice(h["jrai_surnames"])
            return (f"{sur} {given}" if r.random() < .5 else f"{given} {sur}"), given[2:].strip()
        if k == "bana":  # Ba Na / Xơ Đăng: `A` (men) or `Y` (women) before an own or a Kinh given name
            given = r.choice(h["bana_given"] + [self.given(), self.given()])
            return f"{r.choice(['A', 'A', 'Y'])} {given}", given
        if k == "hmong":
            given = r.choice(h["hmong_given"])
            return f"{r.choice(h['hmong_surnames'])} {r.choice(h['hmong_middle'])} {given}", given
        if k == "khmer":
            given = r.choice(h["khmer_given"])
            return f"{r.choice(h['khmer_surnames'])} {given}", given
        given = r.choice(h["tribal_given"])
        sur = r.choice(h["thai_surnames"] + h["tay_surnames"] + h["dao_surnames"])
        return f"{sur} {r.choice(['Văn', 'Thị'])} {given}", given

    def south_person(self) -> tuple[str, str]:
        """A Cơ Ho, Mạ, Chu Ru or Xtiêng name: (full, called), the prefix K'/Ka/Ya/Điểu kept with the given name people
        call the person by (`K'Tơr`, `Ka Lim`), the clan before or after (`Ka Lim Bon Niêng`, `Liêng Jrang Ha Dơng`,
        `Đa Cát K'Rơm`), sometimes with a second given syllable or none."""
        h, r = HL, self.r
        female = r.random() < .5
        given = r.choice(h["south_given"])
        called = (r.choice(h["south_prefix_f"]) if female else r.choice(h["south_prefix_m"])) + given
        clan = r.choice(h["south_clans"])
        k = r.random()
        if k < .25:
            full = called
        elif k < .6:
            full = f"{called} {clan.replace(' Ha', '')}"
        elif k < .8 and female:
            full = f"{clan.replace(' Ha', '')} Ha {given}"
        else:
            full = f"{clan.replace(' Ha', '')} {called}"
        return full, called

    def hl_name(self, key: str, spoken: bool) -> str:
        full, short = self.person.setdefault(key, self.hl_person())
        return spoken_name(full, self.r) if spoken else full

    def hl_short(self, key: str, spoken: bool) -> str:
        full, short = self.person.setdefault(key, self.hl_person())
        return spoken_name(short, self.r) if spoken else short

    def hl_place(self) -> str:
        r, h = self.r, HL
        village = f"{r.choice(h['village_kinds'])} {r.choice(h['village_names'] + [w[3] for w in r.sample(HL_WARDS19, 3)])}"
        if r.random() < .55:
            prov, dist, wtype, ward = r.choice(HL_WARDS19)
            dtype = next((t for p, t, n in HL_DISTRICTS if p == prov and n == dist), "Huyện")
            parts = [village, f"{wtype.lower()} {ward}", f"{dtype.lower()} {dist}", f"tỉnh {prov}"]
        else:
            prov, wtype, ward = r.choice(HL_WARDS25)
            parts = [village, f"{wtype.lower()} {ward}", f"tỉnh {prov}"]
        parts = parts[:r.randint(2, len(parts))]
        return r.choice([", ", " "]).join(parts)

    def hl_commune(self) -> str:
        r = self.r
        prov, dist, wtype, ward = r.choice(HL_WARDS19)
        return r.choice([f"{wtype.lower()} {ward}", ward, dist, f"{ward} {dist}"])

    def hl_org(self, kind: str = "hospitals_tpl") -> str:
        r = self.r
        prov, dist, wtype, ward = r.choice(HL_WARDS19)
        t = r.choice(HL[kind]).format(w=ward, d=dist, p=prov)
        return t[0].upper() + t[1:]

    def weekday_date(self, with_time: bool | None = None) -> str:
        """`thứ 6 ngày 23 tháng 10`, `8 giờ sáng thứ năm ngày 29/10`: digits, spelled out later in transcripts."""
        r = self.r
        d, m = r.randint(1, 28), r.randint(1, 12)
        wd = r.choice(HL["weekdays"])
        if wd != "chủ nhật" and r.random() < .4:
            wd = "thứ " + str(HL["weekdays"].index(wd) + 2)
        body = r.choice([f"ngày {d} tháng {m}", f"ngày {d}/{m}", f"{d} tháng {m}"])
        if r.random() < .2:
            body += f" năm {r.randint(2019, 2026)}"
        s = f"{wd} {body}"
        if with_time or (with_time is None and r.random() < .35):
            s = f"{r.randint(6, 17)} giờ {r.choice(HL['day_parts'] + [''])} ".replace("  ", " ") + s
        return s


class IntlMixin:
    """Foreigners' names in given-first order, their addresses, employers, insurers, US and European dates."""

    def i_nation(self) -> str:
        return self.person.setdefault("inat", self.pick(INTL_NATIONS))

    def i_person(self, key: str, nation: str | None = None, family_of: str | None = None) -> tuple[str, str, str]:
        """(full name, given, surname), stored under `key`; `family_of` shares that person's surname."""
        if key in self.person:
            return self.person[key]
        n = nation or self.pick(INTL_NATIONS)
        given, sur = self.pick(IN["given"][n]), self.pick(IN["surnames"][n])
        if family_of and family_of in self.person:
            sur = self.person[family_of][2]
        r = self.r.random()
        full = f"{given} {sur}" if r < .75 or n == "fil" else f"{sur.upper()} {given}" if r < .9 else f"{sur} {given}"
        self.person[key] = (full, given, sur)
        return self.person[key]

    def i_org(self, kind: str = "org_tpl") -> str:
        return self.pick(IN[kind]).replace("{B}", self.pick(IN["brands"])).replace("{V}", self.given())

    def i_hosp(self) -> str:
        if "ihosp" not in self.person:
            b = self.pick(IN["brands"])
            full = self.pick([f"{b} International Hospital", f"{b.upper()} INTERNATIONAL HOSPITAL",
                              f"{b} Medical Centre", f"Bệnh viện Quốc tế {b}"])
            acr = "".join(w[0] for w in re.findall(r"[A-Za-z]+", b)).upper() + "IH"
            self.person["ihosp"] = (full, acr)
        return self.person["ihosp"][0]

    def i_address(self, nation: str | None = None) -> str:
        n = nation or self.pick(INTL_NATIONS)
        return _fill_digits(self.pick(IN["addresses"][n]), self.r)

    def i_age(self) -> str:
        a = self.r.randint(19, 88)
        return self.pick([f"{a} y/o", f"{a} yrs", f"{a}-year-old", f"{a} ans", f"{a}yo", f"{a} years old", f"{a} tuổi"])

    def i_date(self, weekday: bool = True, lo: int = 2024, hi: int = 2026) -> str:
        r = self.r
        d, m, y = r.randint(1, 28), r.randint(1, 12), r.randint(lo, hi)
        mon = MONTHS_EN[m - 1]
        wd = self.pick(IN["weekdays"])
        suf = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(d, "th")
        clock = self.pick([f", {r.randint(1, 12)}:{self.pick(['00', '15', '30', '45'])} {self.pick(['AM', 'PM'])}",
                           f" {r.randint(0, 23):02d}:{r.randint(0, 59):02d}", f", {r.randint(7, 18)}:{self.pick(['00', '30'])}", "", ""])
        forms = [f"{mon} {d}{suf} {y}", f"{mon} {d}, {y}", f"{m:02d}/{d:02d}/{y}", f"{d:02d}/{m:02d}/{y}",
                 f"{mon[:3]} {d}{suf}", f"{d:02d}.{m:02d}.{y}", f"{mon} {d}{suf}, {y}", f"{m:02d}/{d:02d}"]
        core = self.pick(forms)
        if weekday and r.random() < .75:
            core = self.pick([f"{wd}, ", f"{wd} ", f"{wd[:3]} ", f"{wd[:3]}, "]) + core
        return core + (clock if weekday else "")


class SocialMixin:
    """Social-work case notes and interviews, expatriates' messages (issue #15, the forms dev batches 28-31 showed
    the learned detector missing): chat handles made of a name, a role and a unit; dates said with `hôm`, `mùng`,
    `cùng ngày` and a part of the day; lower-case streets, markets and places; bare years of family events;
    organisations made of ordinary words; km markers on roads; foreign street addresses with suites, levels and
    postcodes; English given names after a kinship word; given-name-first and surname-only references."""

    def s_ward(self) -> str:
        return self.pick(self.pick([base.WARDS25, base.WARDS19]))[-1]

    def s_handle(self, key: str = "shandle") -> str:
        """`Oanh CTXH BV Nhi`, `Kim Oanh CTXH`, `Hà - YTTB xã Tân Phú`: one NAME, the role and unit included."""
        if key in self.person:
            return self.person[key]
        r, S = self.r, SO
        given = self.given()
        if r.random() < .35:
            given = f"{self.pick(base.MIDDLE_F[3:] + base.MIDDLE_M[1:])} {given}"
        unit = self.pick(S["units_in_handle"]).replace("{w}", self.s_ward()).replace("{org}", self.pick(S["org_words"]))
        role = self.pick(S["roles_in_handle"])
        h = self.pick([f"{given} {role} {unit}", f"{given} {role}", f"{given} - {role} {unit}", f"{role} {given} {unit}",
                       f"{given} {unit}", f"{given} {role} {unit}"])
        if r.random() < .3:
            h = fold(h)
        self.person[key] = h
        return h

    def s_stamp(self) -> str:
        r = self.r
        d, m = r.randint(1, 28), r.randint(1, 12)
        return self.pick([f"{d:02d}/{m:02d} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
                          f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d} {d:02d}/{m:02d}",
                          f"{d}/{m} {r.randint(0, 23)}:{r.randint(0, 59):02d}"])

    def s_said_date(self) -> str:
        """A date or time as people say it: `hôm thứ ba`, `sáng mùng bốn`, `14h25 cùng ngày`, `tối thứ 6 tuần trước`."""
        r, S = self.r, SO
        wd, part = self.pick(S["weekdays"]), self.pick(S["day_parts"])
        n, m, h = r.randint(1, 10), r.randint(1, 12), r.randint(1, 11)
        mung = f"mùng {self.pick([str(n), DIGITS[n] if n < 10 else 'mười'])}"
        clock = self.pick([f"{h + 12 * (part in ('chiều', 'tối'))}h{r.randint(0, 59):02d}", f"{h} giờ {part}",
                           f"{h} giờ {r.randint(5, 55)} {part}", f"{h} giờ rưỡi {part}", f"{h}h {part}"])
        if r.random() < .25:
            return self.pick(S["said_extra"]).format(wd=wd, part=part, d=r.randint(1, 28), m=m)
        return self.pick([f"hôm {wd}", f"{part} mùng {n}", f"{part} {mung}", f"{mung} tháng {m}", f"{part} {mung} Tết",
                          f"{clock} cùng ngày", f"{part} cùng ngày", clock, f"{part} {wd} tuần trước",
                          f"{wd} tuần sau", f"{clock} {wd}", f"{part} hôm {wd}", f"{wd} {mung}",
                          f"{clock} ngày {r.randint(1, 28)}/{m}", f"đêm {r.randint(1, 28)}/{m}", f"{part} {wd} {r.randint(1, 28)}/{m}"])

    def s_place(self) -> str:
        """A street, market or landmark by name, often written in lower case as it is said."""
        r, S = self.r, SO
        kind = self.pick(S["place_kinds"])
        name = self.pick([self.pick(base.STREETS), self.s_ward(), self.s_ward(), self.given()])
        if kind in ("khu", "tổ", "xóm", "hẻm") and r.random() < .6:
            name = str(r.randint(1, 30)) if r.random() < .5 else DIGITS[r.randint(1, 9)]
            name += self.pick(["", f" thị trấn {self.s_ward()}", f" phường {self.s_ward()}", f" xã {self.s_ward()}"])
        p = f"{kind} {name}"
        return p.lower() if r.random() < .5 else p

    def s_km(self) -> str:
        """`Km 21+300 QL2`, `km 15 quốc lộ 1A`, `ngã ba X, đường ĐT.305`: a place on a road."""
        r, S = self.r, SO
        road = self.pick(S["roads"]).replace("{q}", self.pick(S["highways"])).replace(
            "{t}", str(r.randint(201, 879))).replace("{s}", str(r.randint(1, 40))).replace("{c}", self.pick(S["expressways"]))
        km = self.pick([f"Km {r.randint(1, 180)}+{r.randint(0, 9)}00", f"km {r.randint(1, 180)}", f"Km{r.randint(1, 180)}",
                        f"km số {r.randint(1, 90)}"])
        tail = self.pick(["", "", f", đoạn qua {self.pick(['xã', 'phường', 'thị trấn'])} {self.s_ward()}",
                          f" ({self.pick(['xã', 'phường'])} {self.s_ward()})"])
        return self.pick([f"{km} {road}{tail}", f"{km} {road}{tail}", f"{road} qua {self.pick(['xã', 'phường', 'thị trấn'])} "
                          f"{self.s_ward()}", f"{self.pick(['ngã ba', 'ngã tư', 'cầu'])} "
                          f"{self.s_ward()}, {self.pick(['đường ', ''])}{road}", f"{road} {km}{tail}"])

    def s_org_word(self) -> str:
        return self.pick(SO["org_words"])

    def s_foreign_addr(self) -> str:
        return _fill_digits(self.pick(SO["foreign_addr"]), self.r)

    def s_given_first(self, key: str) -> str:
        """`Trang Nguyễn`, `Thu Trang Nguyễn`, `Nguyễn` alone: the forms social media and colleagues use."""
        if key not in self.person:
            full = self.full_name().split()
            self.person[key] = self.pick([f"{full[-1]} {full[0]}", f"{' '.join(full[-2:])} {full[0]}", full[0],
                                          f"{full[-1]} {full[0]}", " ".join(full)])
        return self.person[key]

    def s_en_given(self) -> str:
        return self.pick(SO["given_en_extra"] + [self.pick(v) for v in IN["given"].values()])


def en_full_name(g) -> str:
    """A foreigner's full name as forms and mail headers write it: `Given Surname`, with a middle initial
    (`Given K. Surname`), or surname first with a comma, often in capitals (`SURNAME, GIVEN MIDDLE`)."""
    given, sur = g.s_en_given(), g.pick(g.pick(list(IN["surnames"].values())))
    k = g.r.random()
    if k < .55:
        return f"{given} {sur}"
    if k < .8:
        return f"{given} {g.pick('ABCDEJKLMPRSTW')}. {sur}"
    comma = f"{sur}, {given}" + (f" {g.s_en_given()}" if g.r.random() < .5 else "")
    return comma.upper() if g.r.random() < .6 else comma


def social_markup(tpl: str, g) -> str:
    """Expand `{@fam}` (a family event with a bare year) and `{@org}` (a group named with ordinary words) into template
    markup, so that only the year or the group's name is labelled (`cha mất [2019|DATE]`, `nhóm [Sống Tích Cực|...]`)."""
    def fam(_m):
        ev = g.pick(SO["family_events"]).replace("{kin}", g.pick(SO["kin"]))
        return ev.replace("{y}", f"[{g.r.randint(1995, 2025)}|DATE]")

    def org(_m):
        w = g.s_org_word()
        if g.r.random() < .45:
            return f"{g.pick(SO['org_kinds_outside'])} [{w}|ORGANIZATION]"
        kind = g.pick(SO["org_kinds_inside"])
        if kind in ("Quỹ", "Ngôi nhà", "Nhà tạm lánh", "Trung tâm") and g.r.random() < .6:
            w = g.pick(SO["org_phrases"])  # sentence case: `Quỹ Vì trẻ em vùng cao`
        name = f"{kind} {w}" + g.pick(["", "", f" {g.s_ward()}", f" xã {g.s_ward()}"])
        return f"[{name}|ORGANIZATION]"
    return re.sub(r"\{@org\}", org, re.sub(r"\{@fam\}", fam, tpl))


class FormGen2(SocialMixin, HighlandMixin, IntlMixin, FormGen):
    pass


def more_fillers(g: FormGen2) -> dict[str, Callable[[], tuple[str, str | None, dict]]]:
    P = lambda v, lab, **a: (v, lab, a)
    sp = lambda: bool(g.person.get("spoken"))
    f = {}
    for k in ("hname", "hname2", "hname3", "hname4", "hname5"):
        f[k] = (lambda k=k: P(g.hl_name(k, sp()), "NAME"))
        f[k.replace("name", "short")] = (lambda k=k: P(g.hl_short(k, sp()), "NAME"))
        f[k.replace("hname", "uname")] = (lambda k=k: P(g.hl_name(k, False).upper(), "NAME"))
    r = g.r

    def holder():  # a bank account holder: upper case without marks, Ê Đê names surname first
        full, _ = g.person.setdefault("hname", g.hl_person())
        w = fold(full).upper().split()
        return " ".join(w[-1:] + w[:-1]) if r.random() < .5 else " ".join(w)

    def spaced(t):  # digits typed one by one on a phone keypad: `thu 4 2 5 / 1 1`, `7 g 3 0`
        if r.random() < .5:
            return t
        t = re.sub(r"(?<=\d)(?=[^\d\s/])|(?<=[^\d\s/])(?=\d)", " ", re.sub(r"(\d)(?=\d)", r"\1 ", t))
        return re.sub(r"\s*/\s*", " / ", t)

    def chat_name(key):  # a chat handle keeps one spelling in a document: as written, lower case, `H ` for `H'`, heard
        style = g.person.setdefault(key + "_style", r.choice(["written", "written", "lower", "lower", "h", "spoken"]))
        if style == "spoken":
            return g.hl_name(key, True)
        name = g.hl_name(key, False)
        return name.lower() if style == "lower" else name.replace("H'", "H ") if style == "h" else name

    f.update({
        "hplace": lambda: P(g.person.setdefault("hplace", g.hl_place()), "LOCATION"),
        "hplace2": lambda: P(g.hl_place(), "LOCATION"),
        "hcommune": lambda: P(g.hl_commune(), "LOCATION"),
        "helse": lambda: P(g.pick(HL["elsewhere"]), "LOCATION"),
        "horg": lambda: P(g.person.setdefault("horg", g.hl_org()), "ORGANIZATION"),
        "horg2": lambda: P(g.hl_org(), "ORGANIZATION"),
        "hemployer": lambda: P(g.hl_org("employers_tpl"), "ORGANIZATION"),
        "hjob": lambda: P(g.pick(HL["professions"]), "PROFESSION"),
        "hrole": lambda: P(g.pick(HL["roles_before_name"]), None),
        "hgroup": lambda: P(g.pick(L["ethnic_groups"] + ["Ba Na", "Xơ Đăng", "Gia Rai", "Ê Đê", "Dao"]), None),
        "wdate": lambda: P(g.weekday_date(), "DATE"),
        "wdate_t": lambda: P(g.weekday_date(True), "DATE"),
        "myear": lambda: P(f"tháng {r.randint(1, 12)} năm {r.randint(2015, 2025)}", "DATE"),
        "agey": lambda: P(f"{r.randint(17, 80)} tuổi", "AGE"),
        "age_child": lambda: P(g.pick([f"{r.randint(1, 9)} tuổi rưỡi", f"{r.randint(2, 11)} tháng tuổi",
                                       f"{r.randint(1, 14)} tuổi"]), "AGE"),
        "tbcode": lambda: P(f"{g.pick(['DL', 'GL', 'KT', 'ĐN', 'LĐ'])}{g.pick(['IA', 'KP', 'CM', 'EH', ''])}{g.digits(4)}/"
                            f"{r.randint(19, 26)}", "ID", kind="serial"),
        "bhyt_te": lambda: P("TE1" + g.bhyt()[3:], "ID", kind="bhyt"),
        "clockvi": lambda: P(f"{r.randint(6, 20)} giờ {r.choice(['', str(r.randint(5, 55))])}".strip(), None),
        "clerk": lambda: P(g.person.setdefault("clerk", g.given()), "NAME"),
        # registers
        "regcode": lambda: P(f"{g.person.setdefault('regpfx', g.pick(['KP', 'CM', 'BM', 'EH', 'IA', 'PK', 'KB', 'DL']) + f'{r.randint(1, 12):02d}')}"
                             f"-{g.digits(5)}", "ID", kind="patient_code"),
        "faccode": lambda: P(f"{r.randint(10, 96)}-{g.pick(['KP', 'CM', 'BM', 'EH', 'PK'])}-{g.pick(['OPC', 'TTYT', 'PKL'])}{r.randint(1, 20):02d}",
                             "ID", kind="other"),
        "labcode": lambda: P(f"{g.pick(['XN', 'ĐM', 'LAB', 'GX'])}{r.randint(19, 26)}-{g.digits(4)}", "ID", kind="serial"),
        "rname": lambda: P(g.pick([g.hl_person()[0], g.hl_person()[0], g.full_name(), g.hl_person()[0].upper()]), "NAME"),
        "rloc": lambda: P(g.pick([f"{g.pick(['buôn', 'plei', 'thôn', 'bon'])} {g.pick(HL['village_names'])}, {g.hl_commune()}",
                                  f"thôn {r.randint(1, 15)} {g.pick(HL_WARDS19)[3]}", g.hl_commune(),
                                  f"tổ {r.randint(1, 12)} {g.hl_commune()}"]), "LOCATION"),
        "byear_mf": lambda: P(g.pick([f"{r.randint(1950, 2010)}\t", f"\t{r.randint(1950, 2010)}"]), "DATE"),
        "rdate": lambda: P(g.pick([f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/{r.randint(25, 27)}",
                                   f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}"]), "DATE"),
        "mmyyyy": lambda: P(f"{r.randint(1, 12)}/{r.randint(2023, 2026)}", "DATE"),
        # OCR'd paper
        "soyte": lambda: P(f"SỞ Y TẾ {g.pick(['', 'TỈNH '])}{g.pick(HL['highland_provinces'] + [g.pick(base.PROVINCES)[3]]).upper()}",
                           "ORGANIZATION"),
        "horg_up": lambda: P(g.person.setdefault("horg_up", g.hl_org().upper()), "ORGANIZATION"),
        "bhyt_sp": lambda: P((lambda b: f"{b[:3]} {b[3:5]} {b[5:]}" if r.random() < .6 else b)(g.bhyt()), "ID", kind="bhyt"),
        "cccd_sp": lambda: P((lambda c: f"{c[:5]} {c[5:]}" if r.random() < .5 else c)(g.cccd()), "ID", kind="cccd"),
        "vtime_date": lambda: P(f"{r.randint(0, 23):02d} giờ {r.randint(0, 59):02d} phút, ngày {g.date(2024, 2026)}", "DATE"),
        "pdate": lambda: P(f"{g.pick(['ngày', 'Ngày'])} {r.randint(1, 28):02d} tháng {r.randint(1, 12):02d} năm {r.randint(2024, 2026)}",
                           "DATE"),
        "hdistrict": lambda: P(g.pick(HL_DISTRICTS)[2], "LOCATION"),
        "ttl": lambda: P(g.pick(["BS", "BSCKI", "BSCKII", "ThS.BS", "BS.", "TS.BS"]), None),
        "intlco_up": lambda: P(f"CÔNG TY TNHH BỆNH VIỆN QUỐC TẾ {g.pick(IN['brands']).upper()}", "ORGANIZATION"),
        "landline": lambda: P(f"({g.pick(['028', '024', '0262', '0269', '0260'])}) {g.digits(4)} {g.digits(4)}", "PHONE"),
        "fname_up": lambda: P(g.i_person("iname", g.i_nation())[0].upper(), "NAME"),
        # bilingual notes of international hospitals
        "iname": lambda: P(g.i_person("iname", g.i_nation())[0], "NAME"),
        "igiven": lambda: P(g.i_person("iname", g.i_nation())[1], "NAME"),
        "iname2": lambda: P(g.i_person("iname2")[0], "NAME"),
        "isur2": lambda: P(g.i_person("iname2")[2], "NAME"),
        "iname3": lambda: P(g.i_person("iname3")[0], "NAME"),
        "ifam": lambda: P(g.i_person("ifam", g.i_nation(), family_of="iname")[0], "NAME"),
        "ifam2": lambda: P(g.i_person("ifam2", g.i_nation(), family_of="iname")[0], "NAME"),
        "icjk": lambda: P(g.pick(IN["cjk"][g.i_nation() if g.i_nation() in IN["cjk"] else g.pick(list(IN["cjk"]))]), "NAME"),
        "inick": lambda: P(g.pick(IN["nicknames"]), "NAME"),
        "inat": lambda: P(g.pick(IN["nationality"][g.i_nation()]), None),
        "iaddr": lambda: P(g.person.setdefault("iaddr", g.i_address(g.i_nation())), "LOCATION"),
        "iaddr2": lambda: P(g.i_address(), "LOCATION"),
        "icity": lambda: P(g.pick(IN["cities"]), "LOCATION"),
        "icountry": lambda: P(g.pick(IN["countries"]), None),
        "iorg": lambda: P(g.i_org(), "ORGANIZATION"),
        "iins": lambda: P(g.person.setdefault("iins", g.i_org("insurer_tpl")), "ORGANIZATION"),
        "ihosp": lambda: P(g.i_hosp(), "ORGANIZATION"),
        "ihosp_or_acr": lambda: P((g.i_hosp(), g.person["ihosp"][g.person.setdefault("acr_first", r.randint(0, 1))])[1],
                                  "ORGANIZATION"),
        "iacr": lambda: P((g.i_hosp(), g.person["ihosp"][1])[1], "ORGANIZATION"),
        "iprof": lambda: P(g.pick(IN["professions"]), "PROFESSION"),
        "iage": lambda: P(g.i_age(), "AGE"),
        "iwdate": lambda: P(g.i_date(True), "DATE"),
        "idate": lambda: P(g.i_date(False), "DATE"),
        "idob": lambda: P(g.i_date(False, 1940, 2020), "DATE"),
        "iid": lambda: P(g.pick([f"{g.pick(IN['id_prefixes'])}{r.randint(19, 26)}-{g.digits(5)}",
                                 f"{g.pick(IN['id_prefixes'])}{g.digits(4)}-{g.digits(2)}",
                                 f"{''.join(g.pick('ABCDGHKLMPRSTW') for _ in range(3))}-{g.digits(4)}-{g.digits(4)}",
                                 f"{g.pick(IN['id_prefixes'])}-{r.randint(10, 99)}-{r.randint(2019, 2026)}-{g.digits(6)}",
                                 f"{g.digits(8)}-{g.digits(2)}", f"{g.pick(IN['id_prefixes'])}-{r.randint(19, 26)}-{g.digits(4)}",
                                 f"{''.join(g.pick('ABCDEGHKLMNPRSTW') for _ in range(2))}-{r.randint(2019, 2026)}-{g.digits(4)}",
                                 f"{(g.i_hosp(), g.person['ihosp'][1])[1][:3]}-{g.pick(['PICU', 'ICU', 'ER', 'OPD', 'IPD'])}-{r.randint(19, 26)}-{g.digits(4)}"]),
                          "ID", kind="other"),
        "imrn": lambda: P(f"{(g.i_hosp(), g.person['ihosp'][1])[1][:3]}-{g.digits(7)}", "ID", kind="mrn"),
        "iphone": lambda: P(g.pick([f"+33 6 {g.digits(2)} {g.digits(2)} {g.digits(2)} {g.digits(2)}",
                                    f"+63 9{g.digits(2)} {g.digits(3)} {g.digits(4)}", f"+49 {g.digits(3)} {g.digits(7)}",
                                    f"+82 10-{g.digits(4)}-{g.digits(4)}", f"+1 ({g.digits(3)}) {g.digits(3)}-{g.digits(4)}",
                                    f"+81 90-{g.digits(4)}-{g.digits(4)}", f"+44 7{g.digits(3)} {g.digits(6)}"]), "PHONE"),
        "iemail": lambda: P(f"{fold(g.i_person('iname', g.i_nation())[1]).lower().replace(' ', '.')}."
                            f"{fold(g.i_person('iname', g.i_nation())[2]).lower().replace(' ', '')}@example.{g.pick(['com', 'fr', 'de', 'jp', 'ph'])}",
                            "EMAIL"),
        "iban": lambda: P(f"{g.pick(['DE', 'FR', 'GB'])}{g.digits(2)} {g.digits(4)} {g.digits(4)} {g.digits(4)} {g.digits(4)} {g.digits(2)}",
                          "ID", kind="bank"),
        "ibank": lambda: P(g.pick([f"{g.pick(IN['cities'])} Sparkasse", f"Bank of {g.pick(IN['brands'])}", f"{g.pick(IN['brands'])} Savings Bank"]),
                           "ORGANIZATION"),
        "consulate": lambda: P(f"Tổng Lãnh sự quán {g.pick(['Pháp', 'Nhật Bản', 'Hàn Quốc', 'Đức', 'Canada', 'Philippines'])} tại TP.HCM",
                               "ORGANIZATION"),
        "wechat": lambda: P(f"{fold(g.i_person('iname', g.i_nation())[1]).lower().replace(' ', '')}{g.pick(['_', '.', ''])}{g.digits(4)}",
                            "ID", kind="other"),
        "vwdate": lambda: P(f"thứ {g.pick(['Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy', '2', '3', '4', '5', '6', '7'])} "
                            f"{r.randint(1, 28)}/{r.randint(1, 12)}"
                            + g.pick(["", f", {r.randint(7, 17)}g" + g.pick(["", "30"]), f" lúc {r.randint(7, 17)}:00"]), "DATE"),
        "hcm_addr": lambda: P(f"{g.pick([str(r.randint(1, 300)), f'hẻm {r.randint(1, 400)}'])} {g.pick(base.STREETS)}, "
                              f"{g.pick(['phường ', 'P. ', ''])}{g.pick(base.WARDS25)[2]}, Q{r.randint(1, 12)}", "LOCATION"),
        "stay": lambda: P(f"{g.pick(['Hostel', 'Khách sạn', 'Homestay', 'Căn hộ dịch vụ'])} {g.pick(IN['brands'])}, {g.address()}",
                          "LOCATION"),
        "vn_gf": lambda: P(f"{g.pick(base.MIDDLE_F + base.MIDDLE_M)} {g.given()}", "NAME"),
        "ijob_local": lambda: P(g.pick(["nanny", "giúp việc", "tài xế", "phiên dịch"]), "PROFESSION"),
        # family chats of the uplands, no marks
        "cn1": lambda: P(chat_name("cn1"), "NAME"),
        "cn2": lambda: P(chat_name("cn2"), "NAME"),
        "cn3": lambda: P(g.person.setdefault("cn3", g.given()), "NAME"),
        "hholder": lambda: P(holder(), "NAME"),
        "bank_grp": lambda: P(" ".join([g.digits(4), g.digits(4), g.digits(r.randint(3, 6))][:r.randint(2, 3)]), "ID", kind="bank"),
        "city_abbr": lambda: P(g.pick(["SG", "HN", "ĐN", "BMT", "HCM", "Sài Gòn", "Hà Nội", "Đà Nẵng"]), "LOCATION"),
        "phone_cut": lambda: P(g.phone().replace(" ", "").replace(".", "")[:r.randint(4, 7)], "PHONE"),
        "month_only": lambda: P(f"tháng {r.randint(1, 12)}", "DATE"),
        "holder_up": lambda: P((lambda w: " ".join(w[-1:] + w[:-1]) if r.random() < .5 else " ".join(w))(
            g.hl_name("hname", False).upper().split()), "NAME"),
        "mst": lambda: P(g.pick([f"{g.digits(4)} {g.digits(3)} {g.digits(3)}", g.digits(10), f"{g.digits(10)}-{g.digits(3)}"]),
                         "ID", kind="other"),
        "bankorg": lambda: P(g.pick(L["banks"]).lower() if r.random() < .5 else g.pick(L["banks"]), "ORGANIZATION"),
        "bank_sp": lambda: P(spaced(g.digits(r.randint(10, 14))), "ID", kind="bank"),
        "cdate": lambda: P(spaced(g.pick([f"thu {r.randint(2, 7)} {r.randint(1, 28)}/{r.randint(1, 12)}",
                                          f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}", f"t{r.randint(2, 7)} {r.randint(1, 28)}/{r.randint(1, 12)}"])),
                           "DATE"),
        "ctime": lambda: P(spaced(f"{r.randint(6, 20)}g{g.pick(['', '30', '15', '00'])}"), "DATE"),
        "hschool": lambda: P(g.pick([f"truong th {g.hl_commune()}", f"truong mn {g.pick(HL_WARDS19)[3]}", f"thcs {g.hl_commune()}",
                                     f"mn {g.pick(HL_WARDS19)[3]}", f"th {g.pick(HL_WARDS19)[3]}"]),
                             "ORGANIZATION"),
        "kcn": lambda: P(f"kcn {g.pick(HL_WARDS19)[3]}", "LOCATION"),
        # lower-case transcripts with marks: full names around văn/thị (surnames of every people), given names after
        # a title or kinship word, speakers opening their turn by name, no colon
        "lp_staff": lambda: P(lower_person(g, "lp_staff")[1], "NAME"),
        "lp_staff_full": lambda: P(lower_person(g, "lp_staff")[0], "NAME"),
        "lp_pat": lambda: P(lower_person(g, "lp_pat")[1], "NAME"),
        "lp_pat_full": lambda: P(lower_person(g, "lp_pat")[0], "NAME"),
        "lp_kin_full": lambda: P(lower_person(g, "lp_kin")[0], "NAME"),
        "lp_kin2": lambda: P(lower_person(g, "lp_kin2")[1], "NAME"),
        "lp_doc": lambda: P(lower_person(g, "lp_doc")[1], "NAME"),
        "lp_doc_full": lambda: P(lower_person(g, "lp_doc")[0], "NAME"),
    })
    # a private dental or traditional-medicine clinic's name identifies the place of care, as any organisation
    f["dental_clinic"] = lambda: P("Nha khoa " + r.choice(["Nụ Cười", "Hoa Hồng", "Sao Mai", "Thiện Tâm", "Kim Cương"]),
                                   "ORGANIZATION")
    f["tcm_clinic"] = lambda: P("Phòng chẩn trị Đông y " + r.choice(["Phúc Thọ", "Nhân Hòa", "Bảo An", "Thọ Xuân Đường"]),
                                "ORGANIZATION")
    return f


def social_fillers(g: FormGen2) -> dict[str, Callable[[], tuple[str, str | None, dict]]]:
    P = lambda v, lab, **a: (v, lab, a)
    r = g.r
    return {
        "shandle": lambda: P(g.s_handle("shandle"), "NAME"),
        "shandle2": lambda: P(g.s_handle("shandle2"), "NAME"),
        "fhandle": lambda: P(g.person.setdefault("fhandle", g.handle()), "NAME"),
        "stamp": lambda: P(g.s_stamp(), "DATE"),
        "said": lambda: P(g.s_said_date(), "DATE"),
        "said2": lambda: P(g.s_said_date(), "DATE"),
        "splace": lambda: P(g.s_place(), "LOCATION"),
        "splace2": lambda: P(g.s_place(), "LOCATION"),
        "skm": lambda: P(g.s_km(), "LOCATION"),
        "sward": lambda: P(f"{g.pick(['xã', 'phường', 'thị trấn', 'P.', 'X.'])} {g.s_ward()}"
                           + g.pick(["", "", f", {g.pick(base.PROVINCES)[3]}"]), "LOCATION"),
        "gf": lambda: P(g.s_given_first("gf"), "NAME"),
        "gf2": lambda: P(g.s_given_first("gf2"), "NAME"),
        "sur": lambda: P(g.person.setdefault("sur", g.pick(base.SURNAMES_COMMON + base.SURNAMES)), "NAME"),
        "child": lambda: P(g.person.setdefault("child", g.given()), "NAME"),
        "child_full": lambda: P(g.person.setdefault("child_full", g.full_name()), "NAME"),
        "casecode": lambda: P(f"{g.pick(['CTXH', 'BVTE', 'TE', 'CS', 'BVN', 'HT'])}-{r.randint(19, 26)}-{g.digits(3)}", "ID",
                              kind="patient_code"),
        "fyear": lambda: P(str(r.randint(1995, 2025)), "DATE"),
        "faddr2": lambda: P(g.person.setdefault("faddr2", g.s_foreign_addr()), "LOCATION"),
        "emp_en": lambda: P(g.pick(SO["employers_en"]), "ORGANIZATION"),
        "ins_en": lambda: P(g.person.setdefault("ins_en", g.pick(SO["insurers_en"])), "ORGANIZATION"),
        "kin_en": lambda: P(g.pick(SO["kin_en"]), None),
        "en_given": lambda: P(g.person.setdefault("en_given", g.s_en_given()), "NAME"),
        "en_given2": lambda: P(g.person.setdefault("en_given2", g.s_en_given()), "NAME"),
        "en_full": lambda: P(g.person.setdefault("en_full", en_full_name(g)), "NAME"),
        "sschool": lambda: P(f"{g.pick(['trường', 'Trường', 'trường tiểu học', 'trường THCS', 'trường mầm non', 'lớp học tình thương'])} "
                             f"{g.pick([g.s_ward(), g.pick(base.STREETS), g.s_org_word()])}", "ORGANIZATION"),
        "pday": lambda: P(g.pick(SO["plain_days"]), None),  # a relative day is no identifier: left unlabelled
        "en_age": lambda: P(g.pick(SO["en_ages"]).format(a=r.randint(19, 70), h=r.randint(1, 72), w=r.randint(1, 12)), "AGE"),
        "en_place": lambda: P(g.pick(SO["en_place_kinds"]).replace("{X}", fold(g.s_ward())), "LOCATION"),
        "en_upper": lambda: P((lambda n: f"{n[2].upper()} {n[1]} {g.s_en_given()}")(g.i_person("iname", g.i_nation())), "NAME"),
        "sorg": lambda: P(f"{g.pick(SO['org_kinds_inside'])} {g.s_org_word()}", "ORGANIZATION"),
    }


def lower_person(g: FormGen2, key: str) -> tuple[str, str]:
    """A person of a lower-case transcript, the same for `key` within a document: (full name, given name), in lower
    case with marks; the surname from the Kinh lists or those of the Tày, Nùng, Mông and Khmer, the middle name Văn
    or Thị mostly, the given name from the Kinh or the minority lists."""
    if key not in g.person and g.r.random() < .2:
        # a Cơ Ho / Mạ / Chu Ru name as heard: `k tơr`, `ka lim`, `k'rơm`, `ktơr`, the prefix part of the name
        full, called = g.south_person()
        join = g.pick(["'", " ", "", "'"])
        g.person[key] = tuple(re.sub(r"(?i)\bk'", "k" + join, x).lower() for x in (full, called))
    if key not in g.person:
        r, eth = g.r, L["ethnic"]
        female = r.random() < .5
        sur = g.pick(g.pick([base.SURNAMES_COMMON, base.SURNAMES, eth["tay_nung_surnames"], eth["hmong_surnames"],
                             eth["khmer_surnames"]]))
        given = g.pick(g.pick([base.GIVEN_F if female else base.GIVEN_M, base.GIVEN_F if female else base.GIVEN_M,
                               eth["tay_nung_given"], eth["hmong_given"], eth["khmer_given"]]))
        mid = ("thị" if female else "văn") if r.random() < .8 else g.pick(base.MIDDLE_F if female else base.MIDDLE_M)
        full = " ".join([sur, mid, given] if r.random() < .85 else [sur, given])
        g.person[key] = (full.lower(), given.split()[-1].lower())
    return g.person[key]


HL_TRANSCRIPT = [
    "dạ em chào bác sĩ ạ em là {con trai|con gái|cháu} {bà|ông} {hname} á bà mới ra viện hôm {wdate} đó\n"
    "bác sĩ nói vâng chào anh anh tên gì\ndạ em tên {hname2} em là {hjob} đang làm ở {helse} nên giờ mới gọi về\n"
    "bác sĩ nói anh đọc giúp tôi số thẻ bảo hiểm của bà\ndạ thẻ là {bhyt} {à|ờ} để em đọc lại cho chắc\n"
    "bác sĩ nói nhà mình ở đâu\ndạ ở {hplace} gần {horg} đó\nbác sĩ nói được rồi tôi hẹn bà {wdate_t} lên {horg2} khám lại\n"
    "bác sĩ nói tôi là {doctor} khoa nội\ndạ vợ em ở nhà với bà tên {hname3} số là {phone}\n"
    "{ông|bà} hết thuốc từ ừ {month_only} số {ông|bà} là {phone_cut} ... mất tiếng ... con gái {ông|bà} {hname4} ...",
    "bác sĩ nói bên {horg} nghe rõ không\ndạ nghe rõ ạ em là {hrole} {hname2} phụ trách chương trình {lao|HIV} của {horg}\n"
    "hôm nay em trình bày ca bệnh nhân {hname} {nữ|nam} {agey} sinh năm {byear} dân tộc {hgroup} ở {hplace} giờ đổi là "
    "{hplace2}\nthẻ bảo hiểm là {bhyt} số đăng ký điều trị là {tbcode} ờ {chị|anh} này {sym} từ {wdate}\n"
    "{chồng|vợ} là {anh|chị} {hname3} {hjob} ở {hemployer} cũng đang ho kéo dài\n"
    "bác sĩ nói hôm nay {chị|anh} ấy có ngồi đó không\ndạ có {chị|anh} {hshort} đây ạ\n"
    "bác sĩ nói {chị|anh} {hshort} giờ còn {sym} không\ndạ hết rồi em {chị|anh} ấy là {hname4} đi cùng số {phone}\n"
    "bác sĩ nói tôi là bác sĩ {doctor} khoa lao {horg2} tôi đề nghị chuyển",
    "(chép từ ghi âm, nhập: {clerk} - {datetime})\nalo khoa nhi đúng không ạ\ndạ đúng rồi em nghe đây\n"
    "em là {hrole} {hname2} ở {horg} em xin chuyển một bé lên ạ bé tên {hname} dân tộc {hgroup} {age_child} sinh {myear} "
    "nặng có mười kí\nbác sĩ nói bé ở đâu mẹ tên gì\ndạ mẹ bé là chị {hname3} {agey} ở {hplace}\n"
    "nhà không có điện thoại em cho số {cô|anh} {hname4} {hjob} là {phone}\nanh trai bé là {hname5} năm ngoái bị lao\n"
    "bé có thẻ bảo hiểm trẻ em số {bhyt_te} ạ\ndạ xe biển số {plate} chạy {đường mười bốn|quốc lộ} xuất phát {wdate_t}\n"
    "bác sĩ nói được em hôm nay chị trực tôi là {doctor}",
    "bác sĩ nói chào {horg} hôm nay {wdate} bắt đầu lúc {clockvi} nhé\ndạ chào bác sĩ em là {hrole} {name} đây là "
    "chị {hname} chị nói tiếng kinh ít nên có anh {hname2} {hjob} của thôn dịch giúp ạ\nanh {hshort2} nói chị {hshort} nói là "
    "{sym} từ {wdate}\ndạ chồng chị là {hname3} {agey} đi làm {hjob} ở {helse} chưa về kịp\n"
    "bác sĩ nói có ai đi cùng không\ndạ mẹ chồng là bà {hname4} số điện thoại {phone}\n"
    "căn cước của chị {hshort} là {cccd} bảo hiểm thì {bhyt} ạ\nbác sĩ nói được tôi hẹn {wdate_t} ở {horg2}",
]
_ARV_ROW = "{i}\t{regcode}\t{rname}\t{byear_mf}\t{rloc}\t{hiv_tb_DRUG}\t{30|60|90} v\t{rdate}\t{rdate}\t{<50|KPH|chưa làm|1.240|215}"
_TB_ROW = "| {i} | {labcode} | {rname} | {agenum} | {Nam|Nữ} | {rloc} | {AFB(+)|AFB(-)|Xpert(+)} | {date} | {âm tính|1+|2+|chưa làm} |"
_BILL_ROW = "{i}\t{regcode}\t{rname}\t{byear}\t{bhyt}\t{facility}\t{icd}\t{money}"


def _rows(row: str, k: int) -> str:
    return "\n".join(row.replace("{i}", str(i + 1)) for i in range(k))


REGISTER = [
    "SỔ CẤP PHÁT THUỐC ARV - PHÒNG KHÁM NGOẠI TRÚ (OPC)\nCơ sở: {horg}    Mã cơ sở: {faccode}    Tháng {mmyyyy}\n"
    "Người cấp phát: ĐD {name} (bản nhập máy: {clerk})\nSTT\tMã BN\tHọ tên\tNS Nam\tNS Nữ\tĐịa chỉ\tPhác đồ\tSL\tNgày cấp\tHẹn\tTLVR\n"
    + _rows(_ARV_ROW, k) + "\nGhi chú:\n- BN số {2|3|4} tải lượng virus 1.240 bản sao/ml, hẹn XN lại sau 1 tháng.\n"
    "- BN số {1|5} chuyển gửi từ {horg2} (mã {faccode}), đang điều trị lao.\n- {Chồng|Vợ|Con} lấy thuốc hộ, anh {rname} CCCD {cccd}.\n"
    "- Hoàn tiền xe qua TK {bank} {bankorg}, chủ TK {holder_up}."
    for k in (4, 6)
] + [
    "SỔ ĐĂNG KÝ ĐIỀU TRỊ LAO - {horg}    Số ĐK: {tbcode}\n| STT | Mã XN | Họ tên | Tuổi | Giới | Địa chỉ | Phân loại | Ngày ĐT | Kết quả |\n"
    "|---|---|---|---|---|---|---|---|---|\n" + _rows(_TB_ROW, k) + "\nNgười hỗ trợ điều trị: {rname} — SĐT {phone}"
    for k in (3, 5)
] + [
    "DANH SÁCH ĐỀ NGHỊ THANH TOÁN BHYT\tMã CSKCB: {facility}\nSTT\tMã BN\tHọ tên\tNăm sinh\tMã thẻ\tNơi ĐKBĐ\tMã bệnh\tTổng tiền\n"
    + _rows(_BILL_ROW, k) + "\nNgười lập: {name}\tGiám định: {name2} ({horg2})" for k in (4, 7)
]
OCR_PAPER = [
    "{soyte}                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n{horg_up}          Độc lập - Tự do - Hạnh phúc\n"
    "Số: {serial}\nGIẤY CHUYỂN TUYẾN KHÁM BỆNH, CHỮA BỆNH BẢO HIỂM Y TẾ\nKính gửi: {hospital}\n"
    "- Họ và tên người bệnh: {uname}      Nam/Nữ: {gender}      Năm sinh: {year}\n- Địa chỉ: {hplace}\n"
    "- Dân tộc: {hgroup}           Quốc tịch: Việt Nam\n- Nghề nghiệp: {job}      Nơi làm việc: {company}\n"
    "- Số thẻ BHYT: {bhyt_sp}    ĐT: {landline}\nChuyển tuyến hồi: {vtime_date}\nPhương tiện vận chuyển: xe cấp cứu {plate}\n"
    "                                 {hdistrict}, {pdate}\n   Y, BÁC SĨ KHÁM, ĐIỀU TRỊ                 GIÁM ĐỐC\n"
    "   {ttl} {doctor}                       {ttl} {doctor}",
    "(bản scan, nhập: {clerk})\n{soyte}\n{horg_up}\nGIẤY RA VIỆN\n- Họ tên người bệnh: {uname}    Tuổi: {agenum}    Nam/Nữ: {gender}\n"
    "- Dân tộc: {hgroup}          Nghề nghiệp: {job}\n- Mã số BHXH/Thẻ BHYT số: {bhyt_sp}\n- Số CCCD: {cccd_sp}\n"
    "- Địa chỉ: {address}\n- Vào viện lúc: {vtime_date}\n- Ra viện lúc: {vtime_date}\n- Chẩn đoán: {dis}\n"
    "- Phương pháp điều trị: {drug} {dose}\n  Tái khám ngày {date} hoặc khi {sym}\n"
    "                                        {pdate}\n       Trưởng khoa                      GIÁM ĐỐC\n"
    "       {ttl} {doctor}                   {ttl} {doctor}",
    "Fwd: hóa đơn scan — {clerk}\n----- OCR -----\n{intlco_up}\nĐịa chỉ: {address}\nĐT: {landline}\n"
    "HÓA ĐƠN GIÁ TRỊ GIA TĂNG (VAT INVOICE)\nKý hiệu: 1C25TAA     Số: 0004187\n{pdate}\n"
    "Họ tên người mua hàng: {fname_up}\nĐơn vị: {iorg}\nTiền khám, xét nghiệm: {money}\n(Ký, ghi rõ họ tên)    Ký bởi: {uname2}",
]
INTL = [
    "{ihosp_or_acr} {Emergency Dept.|ED NOTE|Internal Medicine|Outpatient Clinic}    Triage: ESI {2|3}\n"
    "Arrival: {iwdate} by taxi, đi cùng bạn.\nPt: {iname}, {F|M}, {iage} (DOB {idob}), {inat}\nPassport {passport}    MRN {imrn}\n"
    "Ở VN ~{2|3} tuần. Đang ở {stay}.\nHome: {iaddr}. Nghề: {iprof} ({iorg}).\nFriend: {iname2} {iphone} (WhatsApp)\n"
    "HPI: sốt {3|4} ngày, {sym}, {sym}. Bạn ở {hcm_addr}. Sắp bay về {icity} ngày {idate}.\nAdmin / social:\n- Pt muốn báo {consulate}; đã gọi trực ban {M.|Mr.|Ms.} {iname3} "
    "({phone}) lúc {clock}.\n- Travel insurer {iins}, dossier no. {iid}.\n- {Mẹ bn|Chồng bn|Vợ bn}, {Mme|Mrs.|Mr.} {ifam}, gọi từ {icity} lúc {clock}.",
    "DISCHARGE SUMMARY / TÓM TẮT RA VIỆN\n{ihosp} — Ward {5B|6A|4C} ({General Surgery|Medicine})\n\n"
    "Name: {iname} ({icjk})   Sex: {F|M}   DOB: {idob}   Age: {agenum}\nMRN: {imrn}    Adm. no.: {iid}\n"
    "Admitted: {idate} via ER     Discharged: {iwdate}\nResidence in VN: {address}\nHome address: {iaddr}\n"
    "Occupation: {iprof} tại {iorg}\nDx: {dis}.\nFollow-up: wound check OPD with Dr. {given} on {iwdate}.\n"
    "Billing: {iins} expat plan, policy {iid}.\nEmergency contact: {husband|wife|sister} {ifam}, {phone}, {iemail}",
    "SIGN-OUT Ward {6A|5B} (Medicine) – {iwdate} night\nFrom {given} -> {given2} (on call), cc chief resident {vn_gf}\n\n"
    "Bed {601|602} – {iname}, {agenum}{yo| M|M}, {inat}, {dis}. Blood culture drawn {idate} pending. Insurer {iins}, case {iid}.\n"
    "Bed {603|604} – {Ms.|Mr.} {iname2}, {agenum} {F|M}, {iprof} ({iorg}), {dis}.\n"
    "Bed {607|608} – {iname3} (\"{inick}\"), {agenum} M, {iprof} tại {company}. Employer cần medical cert cho work permit {iid}.\n"
    "Bed 610 – bà {name}, {age}, Việt kiều từ {iaddr2}, MRN {imrn}.\nAny issue call me {phone} – {given}",
    "{iacr} – Insurance & Billing\nGUARANTEE OF PAYMENT REQUEST – YÊU CẦU BẢO LÃNH\n"
    "To: {iins} – case handler {Ms.|Mr.} {iname2} <{iemail}>\nDate sent: {idate}      Our ref: {iid}\n\n"
    "Member name    | {iname}\nDOB / Age      | {idob} / {agenum}\nInsurer        | {iins}, {icity}\n"
    "Policy no.     | {iid}    Member ID: {iid}\nGroup / employer | {iorg} ({iprof})\nPassport       | {passport}\n"
    "Local address: {address}. Home: {iaddr}.\nReimbursement account: {ibank}, IBAN {iban}\n"
    "  Cath lab + stent ........ {money}\n  TOTAL (est.) ............ {money}",
    "Date: {idate}    Seen at: {clock}\nPt: {iname} (\"{inick}\"), {male|female}, {age_child}, DOB {dob} (mẹ ghi kiểu US, = {idob})\n"
    "MRN {imrn}\nMother: {ifam}, {iprof} at {iorg}\nFather: {ifam2}, {iprof}, {iorg}\nAddress: {address}; home: {iaddr}\n"
    "Contact: {iphone} (Viber), local {phone}. Bố hay bay vào {city_abbr} công tác. Lần trước {ijob_local} chị {given} đưa bé đi khám.\n"
    "- Recheck {iwdate} or sooner nếu {sym}. Hẹn tiêm nhắc {vwdate}.",
    "Subject: Referral – {Ms.|Mr.} {iname} ({icjk}), MRN {imrn}\nFrom: {iemail}\nTo: Dr. {iname2}, {iorg} ({icountry})\n"
    "Date: {iwdate}\n\nDear Dr. {isur2},\nEm xin chuyển {Ms.|Mr.} {igiven}, {iage} {inat} national, {iprof} cho {iorg}, "
    "sống ở VN {3|4|6} năm tại {address}; hometown {iaddr}.\nPassport {passport}. Insurer {iins} (policy {iid}).\n"
    "Nếu có slot xin hẹn {iwdate}.\nBest regards\n{vn_gf}, MD – Internal Medicine\n{ihosp} | {phone}",
    "{ihosp} – PHIẾU KHÁM RĂNG\nOperator: Dr. {given}     Assist: {given2}\nBN: {fname_up} ({icjk})  {M|F}  {agenum}t     "
    "Hộ chiếu: {passport}\nCty: {iorg} – {iprof}\nĐC: {address}\nĐT: {phone}     WeChat/Line: {wechat}\n"
    "Lý do khám: Mr./Ms. {igiven} than {dental_SYMPTOM}; khám ở {iorg} {monthyear}. Implant lot {iid} / {iid}.\n"
    "Hóa đơn xuất cho công ty, MST {mst}. Vợ/chồng là {ifam} đặt hẹn lần 2 {iwdate}. Hẹn lượt {3|4|5} {vwdate}.",
]
# speech-to-text of a call back, a dictated hand-over, a social worker's call: lower case with marks, no colon after
# the speaker, who opens the turn by name ('lả alo anh ...', 'anh chúng ờ đúng rồi')
LOWER_TRANSCRIPT = [
    "bản ghi chuyển giọng nói cuộc gọi lại người bệnh {horg} nhân viên {lp_staff_full}\n"
    "{lp_staff} alo {anh|chị} {lp_pat_full} phải không ạ em gọi từ {horg} hỏi thăm {anh|chị} sau hôm ra viện\n"
    "{anh|chị} {lp_pat} ờ đúng rồi em ơi tay đỡ đau rồi\n{lp_staff} dạ {anh|chị} đọc giúp em số căn cước để làm hồ sơ\n"
    "{anh|chị} {lp_pat} à {cccd}\n{lp_staff} dạ nhà mình ở {hplace} đúng không vợ {anh|chị} tên gì để em liên hệ\n"
    "{anh|chị} {lp_pat} vợ là {lp_kin_full} số nó {phone}\n{lp_staff} dạ em hẹn {anh|chị} {wdate_t} gặp bác sĩ {lp_doc_full}\n"
    "{anh|chị} {lp_pat} ừ cảm ơn em {lp_staff} nhé",
    "giao ban ca trực đêm {wdate} người giao bác sĩ {lp_doc_full} người nhận {điều dưỡng|bác sĩ} {lp_staff_full}\n"
    "giường {năm|bảy|mười} bé {lp_pat_full} {age_child} nhà ở {hplace} mẹ là chị {lp_kin_full} số điện thoại {phone}\n"
    "bé {lp_pat} sốt lúc {clockvi} đã cho hạ sốt sáng mai chị {lp_staff} nhớ gọi khoa thăm dò\n"
    "thẻ bảo hiểm của bé {lp_pat} là {bhyt_te}\nkhông có điện thoại nhờ gọi qua cô {lp_kin2} {điều dưỡng|hộ lý} "
    "hội chẩn với bác sĩ {lp_doc} về ca suy dinh dưỡng hết giao ban",
    "cán bộ alo dạ em chào chị em là {lp_staff} ở phòng công tác xã hội {horg} em gọi hỏi thăm bác {lp_pat_full} ra viện "
    "hôm trước ạ\nngười nhà ừ chị là con dâu bác đây bác vẫn yếu lắm hôm qua thằng {lp_kin2} đi trạm y tế lấy thuốc\n"
    "cán bộ dạ chị cho em xin số của {lp_kin2} với\nngười nhà số thằng {lp_kin2} là {phone}\n"
    "cán bộ dạ em ghi rồi thẻ bảo hiểm của bác là {bhyt} hạn đến {date}\nngười nhà ừ cảm ơn em {lp_staff} nhé",
]
CHAT_HL = [
    "(chep tu dien thoai nguoi nha, nhap: {clerk})\n{cn1} {clock}: ami vua chuyen vao {horg}, bs noi phai nam lai may ngay\n"
    "{cn2} {clock}: o khoa nao v e, a dang o {hcommune} toi moi ve duoc\n{cn1} {clock}: khoa noi. cho e xin so the bhyt cua ami di\n"
    "{cn2} {clock}: {bhyt} ten {uname} sn {byear}\n{cn1} {clock}: bs noi phai chup phim, hen {cdate} chup luc {ctime}\n"
    "{cn3} {clock}: ok. ami con sot k\n{cn1} {clock}: con sot nhe, an chao dc nua chen\n"
    "{cn2} {clock}: a chuyen tien vien phi, stk {bank_sp} {bankorg} ten {hholder} dung k\n"
    "{cn1} {clock}: dung roi a. mai e phai ve day {hschool}, {cn3} len thay e dc k\n"
    "{cn3} {clock}: e xin nghi dc 2 ngay, cty e o {kcn} cho nghi. e ve toi {cdate}",
    "{cn1} {clock}: chao co {cn3}, bo em het thuoc roi, thang nay bo o nuong khong ve lay duoc\n"
    "{cn3} {clock}: em mang cccd cua em voi giay uy quyen co chu ky bo, em den lay ho. ma BN cua bo la bao nhieu\n"
    "{cn1} {clock}: {regcode}. ten {hname2} sinh nam {byear}\n{cn3} {clock}: dung roi. lan lay thuoc gan nhat {cdate} la 90 vien\n"
    "{cn1} {clock}: sdt em la so nay a? {phone}\n{cn3} {clock}: ok. dua bo len kham bs {given} sang {cdate} nhe\n"
    "{cn1} {clock}: da chau cam on co. vo chau la {hname3} {hjob} o {hschool} co gi co nhan vo chau",
]


# social-work notes and chats, interviews, expatriates' messages (issue #15, the forms seen missed on dev batches 28-31);
# `{@fam}` and `{@org}` expand to a family event with its year and a group named with ordinary words (social_markup)
SOCIAL_WORK = [
    "[nhóm Zalo \"{hỗ trợ|theo dõi|ca} bé {child} - CTXH\"]\n{fhandle} {stamp}: {chị|cô|em} ơi bé nhà em sốt lại rồi, ko ăn\n"
    "{shandle} {stamp}: anh cho bé uống {drug} chưa? nhà mình ở {splace} đúng ko\n{fhandle} {stamp}: dạ ở {splace2}, {sward}\n"
    "{shandle} {stamp}: em báo {@org} hỗ trợ tiền xe, hẹn anh {said} lên {dept_hospital} nha\n"
    "{shandle2} {stamp}: {shandle} ơi ca này mã {casecode}, {@fam}, mẹ đi làm {helse}\n"
    "{fhandle} {stamp}: dạ số vợ em {phone}, tên {gf}",
    "PHIẾU ĐÁNH GIÁ CÔNG TÁC XÃ HỘI - {dept_hospital}\nMã ca: {casecode}    Người đánh giá: {shandle}\n"
    "Trẻ: {child_full}, {age_child}, ở {splace}, {sward}.\nHoàn cảnh: {@fam}; {@fam}. Hiện ở với {bà|cô|dì} {gf}, {job}, "
    "SĐT {phone}.\nDiễn biến: vào viện {said}; {said2} trẻ {sym}. CTXH nhận tin lúc {said} và báo {committee}.\n"
    "Hỗ trợ: {@org} hỗ trợ 2 triệu đồng; đã kết nối {@org}.\nHẹn thăm nhà {said2}, điểm hẹn {splace2}; {pday} mẹ trẻ "
    "không nghe máy. Người cập nhật: {given2} (CTXH).",
    "BIÊN BẢN BÀN GIAO NGƯỜI BỆNH NGOÀI VIỆN\nĐịa điểm: {skm}\nNgười bệnh: {name}, {age}, {job}\n"
    "Người đi cùng: {anh|chị} {gf}, SĐT {phone}; người báo tin: ông {sur} chủ quán gần {splace}\n"
    "Nhận cuộc gọi lúc {said}, có mặt lúc {said2}.\nTình trạng: {sym}, {sym}. Xe {plate} chạy theo {skm} về {hospital}.\n"
    "Kíp: {shandle}; bên nhận: BS {given2} ({dept_hospital}).",
    "Thăm nhà {said}: nhà {bà|ông} {sur} ở {splace}, cạnh {splace2}. {Bà|Ông} kể {@fam}, {@fam}. Cháu {child} học ở "
    "{sschool}, chiều đi sinh hoạt {@org}.\nCô {gf} ở {@org} đề nghị hỗ trợ học phí. Người ghi: {shandle}.\n"
    "Liên hệ lại {said2} qua số {phone}.",
    "Bài viết của {gf} trong {@org}\n{said} · Công khai\nEm là {gf2}, mẹ bé {child} ({age_child}) đang nằm {dept_hospital}. "
    "Nhà em ở {splace}, {sward}. {@fam} nên một mình em lo. Ai giúp xin gửi qua {@org} hoặc STK {bank} {bankname}.\n"
    "💬 {shandle}: chị nhắn em qua số {phone} nhé, bên em là {sorg}\n💬 {fhandle}: chia sẻ rồi ạ, mình ở {splace2} qua thăm bé được ko",
]
SOCIAL_INTERVIEW = [
    "phỏng vấn tại nhà ngày {said} người phỏng vấn {shandle}\nchị ơi nhà mình ở đâu chị tả giúp em\n"
    "dạ nhà em ở {splace} ngay sau {splace2} á\nbé {child} đi học ở đâu chị\ndạ cháu học {sschool} chiều đi {@org}\n"
    "thế bố cháu đâu chị\ndạ {@fam} còn ông bà thì {@fam}\ncó ai hay giúp nhà mình không\n"
    "có cô {gf} bên {@org} hay ghé {said2} ạ {pday} cô mới gọi\nchồng chị làm gì\ndạ làm {job} cho {company} ạ\n"
    "lần gần nhất cháu bị đánh là khi nào\ndạ {said} á chị lúc {said2}\n"
    "chị có số điện thoại không\ndạ số em là {phone}",
    "ghi âm cuộc gọi đường dây nóng {said} tổng đài viên {shandle}\nalo em nghe đây chị đang ở đâu\n"
    "dạ chị ở {skm} xe chết máy mà thằng bé {child} nó lên cơn\nchị bình tĩnh gần đó có {splace} không\n"
    "có có ngay {splace2} đó em\nbé nhà mình mấy tuổi\n{age_child} em ạ nó bị từ {said}\n"
    "anh {gf} ơi anh đưa chị ra {splace2} nhé xe {hospital} tới liền\ndạ cảm ơn em",
    "biên bản lời khai {said} người lấy lời khai {shandle}\nbà cho biết tên tuổi\ndạ tôi là {name} {age}\n"
    "bà ở đâu\ndạ tôi ở {splace} {sward} trước ở {splace2}\nhoàn cảnh gia đình thế nào\n"
    "dạ {@fam} {@fam} giờ tôi nuôi cháu {child}\nhôm xảy ra chuyện là hôm nào\ndạ {said} khoảng {said2} {pday} tôi còn thấy nó\n"
    "có ai chứng kiến không\ndạ có ông {sur} bán hàng ở {splace2} với cô {gf} ở {@org}",
]
EXPAT_MESSAGE = [
    "Handover note (ER, {ihosp}) {iwdate}\nPt: {en_upper}, {en_age}, {iprof} at {emp_en}; {Baby boy of|Mother:|Partner:} {en_upper}.\n"
    "Injured at {en_place} {pday}, brought by {en_given2}. {en_given} translated for {en_given2} when needed.\n"
    "Travel insurance: {ins_en}, policy no. {iid}. Staff: {shandle}. Hẹn khám lại {said}.",
    "Hi Dr. {given}, this is {en_full}. {kin_en} {en_given} has had {sym} since {iwdate} and {sym} last night. "
    "We live at {address}; I work at {emp_en}. Our insurer is {ins_en}, policy {iid}. Could we come in {idate}? "
    "If you need to reach me call {iphone}. Thanks, {en_given2}",
    "Patient portal message — {ihosp}\nFrom: {en_full} <{iemail}>\nDate: {iwdate}\n"
    "Hello, I am writing about {kin_en} {en_given}. He was seen at your ER on {idate} for {sym}. "
    "{ins_en} needs the medical report sent to their claims office, {faddr2}. My employer {emp_en} also asks for a "
    "sick note. Home address for the invoice: {faddr2}.\nRegards, {en_given2}",
    "BN {en_full} ({inat}), {iage}, {iprof} làm việc tại {emp_en}. {Chồng|Vợ|Bạn trai|Bạn gái} là {en_given2}, SĐT {iphone}.\n"
    "Địa chỉ tại VN: {address}; địa chỉ nước ngoài: {faddr2}.\nBảo hiểm {ins_en}, thẻ {iid}. Lý do khám: {sym}, "
    "{kin_en} {en_given} nói bệnh từ {said}.\nBS {given} hẹn tái khám {iwdate}.",
    "[{clock}] {en_given}: {kin_en} has a fever, 39.2, since {said}\n[{clock}] {shandle}: chị cho bé uống {drug} chưa ạ? "
    "bảo hiểm của chị là {ins_en} đúng không\n[{clock}] {en_given}: yes {ins_en}, the card is under {en_full}, "
    "billing address {faddr2}\n[{clock}] {shandle}: ok chị, hẹn chị {iwdate} ở {ihosp}",
]


# --- chat exports, comment threads and voice notes (issue #15, the miss classes of dev batches 32-35) ---------
CH = json.loads(Path(__file__).with_name("data").joinpath("forms_chat.json").read_text(encoding="utf-8"))
MONTHS_EN3 = tuple(m[:3] for m in MONTHS_EN)
WEEKDAYS_EN3 = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


_lit = world.lit  # a literal value as template markup: `[value|LABEL]` (a labelled span) or the bare text


class ChatMixin:
    """People, stamps, places and organisations of chat exports, comment threads and voice notes: a person is kept as
    (full name, the short name people call them) in the case of the document (`self.person['case']`)."""

    def c_case(self, s: str) -> str:
        case = self.person.get("case", "written")
        return s.lower() if case == "lower" else fold(s) if case == "fold" else s

    def at_handle(self, key: str) -> str:
        """A person's @handle from their name, folded, in lower case, joined by dots or nothing, with a tail."""
        full, short = self.c_person(key)
        w = [x for x in re.sub(r"[^a-z0-9 ]", "", fold(full).lower()).split() if x]
        w = self.pick([w[-1:], w[-2:], w[-1:] + w[:1], w]) if len(w) > 1 else w or ["ban"]
        tail = self.pick(CH["handle_tails"])
        sep = self.pick([".", ".", "_", ""])
        return "@" + sep.join(w + ([tail] if tail else []))

    def c_person(self, key: str) -> tuple[str, str]:
        if key in self.person:
            return self.person[key]
        r = self.r
        k = r.random()
        if k < .3:
            full = self.full_name()
            short = full.split()[-1]
        elif k < .55:
            full, short = self.hl_person()
        elif k < .7:
            full, short = lower_person(self, "_lp" + key)
        elif k < .74:  # a person of another script or language (`Natalya Smirnova`, `Смирнова Наталья`, `박지훈`)
            p = world.world_person(r)
            full = self.pick([p["latin"], f"{p['given']} {p['sur']}", p["native"] or p["latin"]])
            short = p["native_given"] if p["native"] and full == p["native"] and r.random() < .5 else p["given"]
        elif k < .82:  # a foreigner by the given name, often hyphenated (`Marie-Claire`), or given-first
            n = self.pick(INTL_NATIONS)
            short = self.pick(CH["foreign_given_hyphen"]) if r.random() < .45 else self.pick(IN["given"][n])
            full = f"{short} {self.pick(IN['surnames'][n])}"
        else:  # a Kinh name given first, as social media show it (`Hồng Nhung Trần`)
            w = self.full_name().split()
            two = len(w) > 3 or w[-2] in ("Văn", "Thị")
            full = f"{w[-1]} {w[0]}" if two or r.random() < .5 else " ".join(w[-2:] + w[:1])
            short = w[-1]
        self.person[key] = (self.c_case(full), self.c_case(short))
        return self.person[key]

    def c_display(self, key: str) -> str:
        """A sender's display name: short, given first or full, sometimes with a flag, an emoji or ` - unit` (inside)."""
        if "disp_" + key in self.person:
            return self.person["disp_" + key]
        full, short = self.c_person(key)
        r = self.r
        w = full.split()
        d = self.pick([short, short, full, full, " ".join(w[-2:]) if len(w) > 2 and fold(w[-2]).lower() not in ("van", "thi")
                       else short])
        k = r.random()
        if k < .15:
            d += " " + self.pick(CH["flags"])
        elif k < .25:
            d += " " + self.pick(CH["emoji_after"])
        elif k < .37:
            d += " - " + self.c_case(self.pick([self.pick(IN["brands"]), f"{self.pick(['Phòng khám', 'PK', 'Nhà thuốc'])} "
                                                 f"{self.s_ward()}", self.s_ward()]))
        self.person["disp_" + key] = d
        return d

    def c_stamp(self) -> str:
        r, style = self.r, self.person.setdefault("stamp", self.pick(["num", "num", "num", "rel", "en", "full", "rev",
                                                                      "dfirst", "ko", "wa"]))
        if style in ("dfirst", "ko", "wa"):  # day first in English, Korean, WhatsApp's export (world.py)
            return world.world_stamp(r, style)
        hh, mm = r.randint(5, 23), r.randint(0, 59)
        d, m = r.randint(1, 28), r.randint(1, 12)
        if style == "rel" and r.random() < .8:
            return f"{self.c_case(self.pick(['hôm qua', 'hôm nay', 'Hôm qua', 'Hôm nay', 'hôm kia']))} {hh:02d}:{mm:02d}"
        if style == "en":
            h12 = hh % 12 or 12
            return self.pick([f"{self.pick(WEEKDAYS_EN3)}, {self.pick(MONTHS_EN3)} {d}, {h12}:{mm:02d} {'AM' if hh < 12 else 'PM'}",
                              f"{self.pick(MONTHS_EN3)} {d}, {h12}:{mm:02d} {'AM' if hh < 12 else 'PM'}",
                              f"{d}/{m}/{r.randint(2025, 2026)}, {hh:02d}:{mm:02d}"])
        if style == "full":
            return f"{d:02d}/{m:02d}/{r.randint(2025, 2026)} {hh:02d}:{mm:02d}"
        if style == "rev":
            return f"{hh:02d}:{mm:02d} {d:02d}/{m:02d}"
        return f"{d:02d}/{m:02d} {hh:02d}:{mm:02d}"

    def c_org(self) -> str:
        r = self.r
        prov, dist, wtype, ward = self.pick(base.WARDS19)
        wtype = "" if ward.lower().startswith(wtype.lower()) else wtype
        o = self.pick([f"trạm y tế {wtype.lower()} {ward}", f"bv đa khoa {dist}", f"BV {dist}", f"bhxh {dist}",
                       f"ttyt {dist}", f"cty {self.pick(IN['brands'])}", self.hl_org(), self.i_org(),
                       f"phòng khám {self.s_ward()}", f"ủy ban {wtype.lower()} {ward}", f"Công đoàn KCN {ward}",
                       f"bệnh viện y học cổ truyền {prov}", f"trung tâm y tế {dist}"])
        return self.c_case(o)

    def c_village(self) -> str:
        """A village of the northern uplands or the highlands with its kind word, sometimes with its commune."""
        r = self.r
        name = f"{self.pick(CH['north_village_first'])} {self.pick(CH['north_village_second'])}" if r.random() < .65 \
            else self.pick(HL["village_names"])
        v = f"{self.pick(CH['village_kinds_north'])} {name}"
        if r.random() < .3:
            v += f" {self.pick(['xã', 'xã', 'phường', 'thị trấn'])} {self.s_ward()}"
        return v.lower() if self.person.get("case") != "written" or r.random() < .5 else v

    def c_loc(self) -> str:
        r = self.r
        prov, dist, wtype, ward = self.pick(base.WARDS19)
        wtype = "" if ward.lower().startswith(wtype.lower()) else wtype
        return self.c_case(self.pick([self.c_village(), f"{wtype.lower()} {ward} {prov}", f"xã {ward}", f"{dist} ({prov} cũ)",
                                      self.s_place(), self.hl_place(), f"{wtype.lower()} {ward}", ward, dist]))

    def c_group_title(self) -> str:
        t = self.pick(CH["group_titles"])
        t = t.replace("{P}", _lit(self.c_person("X")[1], "NAME")).replace("{V}", _lit(self.c_village(), "LOCATION"))
        t = t.replace("{U}", self.pick([self.pick(CH["units"]), _lit(self.c_org(), "ORGANIZATION"),
                                        self.pick(CH["units"]) + " " + _lit(self.pick(IN["brands"]).upper(), "ORGANIZATION")]))
        return t.replace("{k}", str(self.r.randint(1, 3)))


def _chat_tokens(t: str, g) -> str:
    """Replace `«X»`/`«x»` (a person's full or short name), `«S»` (the addressee), `«ORG»`, `«LOC»`, `«FCITY»`, `«FORG»`,
    `«HOLDER»`, `«VILLAGE»` by labelled literals; `{...}` fillers stay for the Builder."""
    def one(m):
        k = m[1]
        if k in ("X", "Y", "Z"):
            return _lit(g.c_person(k)[0], "NAME")
        if k in ("x", "y", "z"):
            return _lit(g.c_person(k.upper())[1], "NAME")
        if k == "S":
            return _lit(g.c_person(g.person.get("addressee", "P1"))[1], "NAME")
        if k == "ORG":
            return _lit(g.c_org(), "ORGANIZATION")
        if k in ("LOC",):
            return _lit(g.c_loc(), "LOCATION")
        if k in ("VILLAGE", "VILLAGE2"):
            return _lit(g.person.setdefault(k, g.c_village()), "LOCATION")
        if k == "FCITY":
            return _lit(g.pick(CH["foreign_cities"]), "LOCATION")
        if k == "FORG":
            o = g.pick(CH["foreign_orgs"] + CH["foreign_orgs_acronym"])
            return _lit(o.lower() if g.person.get("case") == "lower" else o, "ORGANIZATION")
        if k == "HOLDER":
            return _lit(fold(g.c_person("X")[0]).upper(), "NAME")
        raise KeyError(k)
    return re.sub(r"«(\w+)»", one, t)


class FormGen3(ChatMixin, FormGen2):
    pass


def chat_template(g) -> str:
    """A chat export: an optional group header, then 7-13 messages; every sender line has one shape per document
    (`name role dd/mm hh:mm: `, `[stamp] name: `, `stamp name: `, `bs name stamp: `, `name (role): `, `name - unit: `)."""
    r = g.r
    g.person["case"] = g.pick(["written", "written", "lower", "fold"])
    people = [f"P{i}" for i in range(r.randint(2, 4))]
    shape = g.pick(["name_stamp", "name_stamp", "bracket", "stamp_name", "title_stamp", "role_paren", "plain", "wa",
                    "kakao"])
    titles = {p: (g.pick(CH["titles_before"]) if r.random() < .4 else "") for p in people}
    roles = {p: (g.pick(CH["roles_after"]) if r.random() < .35 else "") for p in people}
    places = {p: (g.c_loc() if r.random() < .08 else "") for p in people}
    lines = []
    hk = r.random()
    if hk < .2:
        lines.append(f"[Zalo] {g.c_case(g.pick(['Nhóm', 'Nhom', 'nhóm']))} \"{g.c_group_title()}\"")
    elif hk < .4:
        lines.append(f"nhom zalo: {g.c_group_title()} - {r.randint(3, 40)} thanh vien")
    elif hk < .55:
        lines.append(f"{g.pick(['Messenger', 'Zalo', 'WhatsApp', 'Viber'])} · {_lit(g.c_display(people[0]), 'NAME')} ↔ "
                     f"{_lit(g.c_display(people[1]), 'NAME')}")
    for _ in range(r.randint(7, 13)):
        p = g.pick(people)
        g.person["addressee"] = g.pick([q for q in people if q != p])
        name = _lit(g.c_display(p), "NAME")
        if places[p]:
            name += " " + _lit(places[p], "LOCATION")
        role = f" {roles[p]}" if roles[p] else ""
        stamp = _lit(g.c_stamp(), "DATE")
        title = f"{titles[p]} " if titles[p] else ""
        head = {"name_stamp": f"{title}{name}{role} {stamp}: ", "bracket": f"[{stamp}] {title}{name}: ",
                "stamp_name": f"{stamp} {title}{name}: ", "title_stamp": f"{title}{name} {stamp}: ",
                "role_paren": f"{name} ({roles[p] or g.pick(CH['roles_after'])}): ",
                "plain": f"{title}{name}{' -' + role if role else ''}: ", "wa": f"{stamp} - {title}{name}: ",
                "kakao": f"{stamp}, {name} : "}[shape]
        body = g.pick(CH["order_lines"]) if r.random() < .08 else g.pick(CH["chat_bodies"])
        lines.append(head + _chat_tokens(body, g))
    return "\n".join(lines)


def page_name(g) -> str:
    """A shop, pharmacy or clinic page's name of two to four words (`Nhà thuốc An Phúc`, `Phòng khám Mai Hương`)."""
    w = g.full_name().split()
    return f"{g.pick(['Nhà thuốc', 'nha thuoc', 'Phòng khám', 'Nha khoa', 'Tiệm thuốc', ''])} {' '.join(w[-2:])}".strip()


def social_thread_template(g) -> str:
    """A post with its comments: the author and each commenter at the start of a line (`Name: `, `↳ Name: `), a page
    or group header, the bank account lines of a plea for help, usernames that are no names."""
    r = g.r
    g.person["case"] = "written"
    g.person["addressee"] = "P0"
    author = _lit(g.c_display("P0"), "NAME")
    d = _lit(f"{r.randint(1, 28)} tháng {r.randint(1, 12)} lúc {r.randint(6, 23):02d}:{r.randint(0, 59):02d}", "DATE")
    prov = g.pick(base.PROVINCES)[3]
    group = g.pick([f"Hội những người con {prov} xa quê", f"Hội đồng hương {prov} tại {g.pick(['Bình Dương', 'Hà Nội', 'Sài Gòn', 'Đài Loan'])}",
                    f"Cộng đồng {g.s_ward()} yêu thương", f"Mẹ bỉm {prov}", f"CÔNG NHÂN KCN {g.s_ward().upper()}",
                    f"Hội người Việt tại {g.pick(['Ansan', 'Osaka', 'Đài Trung', 'Leipzig', 'Houston'])}"])
    page = _lit(g.pick([g.c_org().title(), g.i_org(), f"Phòng khám {g.s_ward()}"]), "ORGANIZATION")
    at_page = ""
    if r.random() < .3:  # a page known by its @handle, the author of the post and of replies (`↳ @page · Tác giả: `)
        at_page = _lit("@" + re.sub(r"[^a-z0-9]", "", fold(page_name(g)).lower()), "ORGANIZATION")
        page = at_page + g.pick([" · Tác giả", " · Tác giả", "", " (Tác giả)"])
    head = g.pick([f"Bài viết của {author} trong nhóm {_lit(group, 'ORGANIZATION')}\n{d} · 🌏",
                   f"Bài viết của {author}\n{d} · 🌏", f"{page} · {d} · 🌏", f"{author} đã chia sẻ một bài viết.\n{d}"])
    if at_page:
        head = g.pick([head, f"{g.pick(['TikTok', 'Facebook', 'Instagram', 'Threads'])} · {at_page} · \"{g.pick(['Hỏi đáp sức khỏe', 'Live tư vấn', 'Có nên tự mua thuốc?', 'Mẹo chăm con ốm'])}\" · {d}"])
    body = _chat_tokens(g.pick(CH["social_bodies"]), g)
    bank = _chat_tokens(g.pick(CH["bank_lines"]), g)
    extra = g.pick(["", f"\nZalo/ĐT: {{phone}}", f"\n👉 hoặc liên hệ chị {_lit(g.c_person('Y')[1], 'NAME')} {{phone}}"])
    c = r.randint(12, 900)
    react = g.pick(CH["reaction_lines"]).format(k=r.randint(1, 9), d=r.randint(0, 9), c=c)
    out = [head, body, bank + extra, react, g.pick(["Bình luận", "💬 Bình luận", "---", "Bình luận:", ""])]
    people = ["P0"] + [f"C{i}" for i in range(r.randint(4, 7))]
    for i in range(r.randint(4, 8)):
        p = g.pick(people[1:]) if i == 0 or r.random() < .75 else "P0"
        k = r.random()
        if p == "P0":
            who = author
        elif k < .12:  # a username of letters, digits and underscores: no name
            w = CH["username_words"]
            who = g.pick(CH["usernames"]).format(w=g.pick(w), w2=g.pick(w), n=r.randint(1, 99))
        elif k < .24:  # an @handle made of a name: a NAME with its @ (`@lan.anh.2k3`, `@tho.nguyen.dl`)
            who = _lit(g.at_handle(p), "NAME")
        elif k < .32:
            who = at_page if at_page and r.random() < .7 else page
        elif k < .3:  # a name followed by where the commenter lives (`A Tuk Đăk Hà`)
            who = _lit(g.c_person(p)[0], "NAME") + " " + _lit(g.pick([g.s_ward(), g.pick(base.PROVINCES)[3]]), "LOCATION")
        elif k < .36:
            who = _lit(f"{g.pick(['Bé', 'Mẹ', 'Cô', 'Út'])} {g.pick(['Tư', 'Ba', 'Năm', 'Bin', 'Sóc'])} {g.pick(base.PROVINCES)[3]}", "NAME")
        else:
            who = _lit(g.c_display(p), "NAME")
        g.person["addressee"] = "P0"
        reply = g.pick(["", "", "↳ ", " ↳ ", "   ↳ "]) if i else ""
        body = g.pick(CH["comment_bodies"])
        if r.random() < .1:  # a mention of someone by @handle inside the comment
            body = f"{g.pick(['check giúp', 'ae xem vụ', 'gửi', 'cc'])} {_lit(g.at_handle(g.pick(people)), 'NAME')} " + body
        out.append(f"{reply}{who}: " + _chat_tokens(body, g))
    return "\n".join(x for x in out if x)


def voice_note_template(g) -> str:
    """Voice messages, loudspeaker announcements and recorded calls turned into text: lower case, names after kinship
    words and `ơi`, villages after thôn/bản/xóm, foreign organisations by name."""
    r = g.r
    g.person["case"] = "lower"
    g.person["addressee"] = "P1"
    opener = _chat_tokens(g.pick(CH["voice_openers"]), g)
    bodies = r.sample(CH["voice_bodies"], r.randint(3, 6))
    return "\n".join([opener] + [_chat_tokens(b, g) for b in bodies])


def chat_fillers(g) -> dict[str, Callable[[], tuple[str, str | None, dict]]]:
    P = lambda v, lab, **a: (v, lab, a)
    r = g.r
    return {
        "cday": lambda: P(g.pick([f"thứ {r.randint(2, 7)}", f"thu {r.randint(2, 7)}", f"{r.randint(1, 28)}/{r.randint(1, 12)}",
                                  f"tháng {r.randint(1, 12)}", f"{g.pick(WEEKDAYS_EN3)} {r.randint(1, 28)}/{r.randint(1, 12)}",
                                  "chủ nhật", f"t{r.randint(2, 7)} {r.randint(1, 28)}/{r.randint(1, 12)}"]), "DATE"),
        "eday": lambda: P(g.pick([f"{g.pick(WEEKDAYS_EN3)} {r.randint(1, 28)}/{r.randint(1, 12)}",
                                  f"{g.pick(WEEKDAYS_EN3)} {g.pick(MONTHS_EN3)} {r.randint(1, 28)}", f"{g.pick(MONTHS_EN3)} {r.randint(1, 28)}"]),
                          "DATE"),
        "bhxh_sp": lambda: P(g.pick([g.digits(10), f"{g.digits(4)} {g.digits(3)} {g.digits(3)}", " ".join(g.digits(10))]), "ID",
                             kind="bhxh"),
        "border_id": lambda: P(f"{g.pick('TBGHK')}{r.randint(10, 99)} {g.digits(4)} {g.digits(3)}", "ID", kind="other"),
        "ordercode": lambda: P(g.pick([
            f"{g.pick(['MT', 'AP', 'NT', 'PK', 'HL'])}-{g.pick(['CG', 'HD', 'LB', 'TX', 'Q1', 'BT'])}-{r.randint(24, 26)}"
            f"{r.randint(1, 12):02d}{r.randint(1, 28):02d}-{g.digits(4)}",
            f"{g.pick(['LB', 'CG', 'DL', 'HN', 'SG'])}{r.randint(24, 26)}{r.randint(1, 12):02d}-{g.digits(4)}",
            f"{g.pick(CH['order_prefixes'])}-{r.randint(2024, 2026)}-{g.digits(6)}",
            f"{g.pick(CH['order_prefixes'])}-{g.pick(['BV', 'NT', 'PK', 'KH'])}-{r.randint(24, 26)}-{g.digits(6)}",
            f"{g.pick(CH['order_prefixes'])}{g.digits(r.randint(6, 9))}"]), "ID", kind="other"),
        "bank_dot": lambda: P(".".join([g.digits(4), g.digits(4), g.digits(r.randint(3, 5))]), "ID", kind="bank"),
        "vtime": lambda: P(f"{r.randint(1, 11)} giờ {r.randint(1, 59)} {g.pick(['sáng', 'chiều', 'tối', 'đêm'])} "
                           f"{g.pick(['chủ nhật', 'thứ hai', 'thứ ba', 'thứ tư', 'thứ năm', 'thứ sáu', 'thứ bảy'])}", "DATE"),
        "title": lambda: P(g.pick(["bác sĩ", "chị", "anh", "y sĩ", "cô", "em"]), None),
        "ojob": lambda: P(g.c_case(g.pick(CH["jobs_extra"] + [g.pick(HL["professions"])])), "PROFESSION"),
        # volunteers of a foreign organisation, named in full once and by the given name afterwards
        "forg": lambda: P(g.person.setdefault("forg", g.pick(CH["foreign_orgs"])), "ORGANIZATION"),
        "forg_acr": lambda: P(g.pick(CH["foreign_orgs_acronym"]), "ORGANIZATION"),
        "fcity": lambda: P(g.pick(CH["foreign_cities"]), "LOCATION"),
        "vol1": lambda: P(g.i_person("v1")[0], "NAME"),
        "vol1g": lambda: P(g.i_person("v1")[1], "NAME"),
        "vol2": lambda: P(g.i_person("v2")[0], "NAME"),
        "vol2g": lambda: P(g.i_person("v2")[1], "NAME"),
        "vol3": lambda: P(g.i_person("v3")[0], "NAME"),
    }


NGO_REPORT = [
    "{forg} – MOBILE CLINIC TRIP REPORT / BÁO CÁO ĐỢT KHÁM LƯU ĐỘNG\nDate: {iwdate}    Site: {horg}, {hplace}\n"
    "Team: Dr {vol1} ({GP|MD|DDS}, {fcity}), RN {vol2} ({fcity}), Sr {vol3}; driver {name} ({phone}).\n\n"
    "Pt: {hname}, {F|M}, {agenum}, {hgroup}, from {hplace2}.\n- Seen by {vol1g}: {sym}, {dis}. {vol2g} did the dressing; "
    "{vol1g} asked about {sym}.\n- Husband works in {fcity} as {hjob}, phone {iphone}.\n"
    "Follow-up: {vol2g} back in {fcity} after {eday}; next visit {eday}. Copy to {vol1g} ({iemail}).",
    "Équipe {forg} ({forg_acr}) – journée dentaire / ngày khám răng {iwdate}\nLieu: {horg}, {hplace}\n"
    "Dentists: Dr {vol1} ({fcity}), {vol2}; assistant {hname2}.\n- Mr {vol3} / {name}, {agenum}, lives in {fcity}, came "
    "through the border gate for {dental_PROCEDURE}.\n- Child {hname} ({age_child}), {dental_DISEASE}: {vol2g} treated, "
    "grandfather {hname3} consented.\nNote ({vol1g}): next trip {eday}, contact {vol2g} {iphone}.",
]


# --- genres --------------------------------------------------------------------------------------------------
T = base.TEMPLATES
TEMPLATES: dict[str, list[str]] = {
    # the classic forms, reused from generate.py as written
    "outpatient": T["clinical_note"],
    "discharge": T["discharge"],
    "prescription": T["prescription"],
    "lab": T["lab"],
    "referral": T["referral"],
    "transcript": [
        "bác sĩ: alo chào chị, chị cho em xin họ tên người bệnh ạ\nngười nhà: dạ, bệnh nhân tên là {name}, sinh ngày {dob}\n"
        "bác sĩ: mã bệnh nhân hay số thẻ bảo hiểm của bác là gì ạ\nngười nhà: dạ mã là {mrn}, thẻ bảo hiểm {bhyt}\n"
        "bác sĩ: bác bị {sym} từ hôm nào\nngười nhà: từ {sdate} ạ, tám giờ sáng thứ hai thì bác {sym}\n"
        "bác sĩ: chị để lại số điện thoại nhé\nngười nhà: dạ {phone}, nhà em ở {address}",
        "tư vấn video ngày {date}. bác sĩ {doctor}: chào anh {given}, anh {age} đúng không ạ\n"
        "bệnh nhân: dạ đúng, em làm {job} ở {company}\nbác sĩ: anh uống {drug} {dose} đều không\n"
        "bệnh nhân: dạ đều, hôm {sdate} em đo đường huyết là 8,4\nbác sĩ: số căn cước của anh là bao nhiêu để em tra hồ sơ\n"
        "bệnh nhân: {cccd}, hẹn tái khám ngày {date} phải không bác sĩ",
    ],
    "ocr": [
        "{soyte}\nBỆNH VIỆN ĐA KHOA KHU VỰC\nKHOA KHÁM BỆNH\nPHIẾU KHÁM BỆNH VÀO VIỆN\nHọ và tên: {name}\n"
        "Ngày sinh: {dob}    Giới: {gender}\nĐịa chỉ: {address}\nSố thẻ BHYT: {bhyt}\nSố điện thoại: {phone}\n"
        "Lý do vào viện: {sym}\nChẩn đoán: {dis}\nNgày {date}\nBác sĩ khám bệnh\n{doctor}",
        "GIẤY XÁC NHẬN\n{hospital} xác nhận ông/bà {name}, CCCD số {cccd}, cấp ngày {date}, đã điều trị nội trú từ "
        "ngày {date} đến ngày {date}.\nChẩn đoán: {dis}.\nMã lưu trữ: {mrn}\nTRƯỞNG KHOA\n{doctor}",
    ],
    "bilingual": [
        "{intl} — OUTPATIENT NOTE / PHIẾU KHÁM NGOẠI TRÚ\nPatient / Bệnh nhân: {fname}    DOB / Ngày sinh: {edob}\n"
        "Passport / Hộ chiếu: {passport}    Nationality: {American|French|Korean|Chinese|Japanese|British}\n"
        "Home address / Địa chỉ: {faddr}\nLocal address / Địa chỉ tại VN: {address}\nInsurer / Bảo hiểm: {insurer}, "
        "policy no. {policy}\nVisit date / Ngày khám: {edate}\nChief complaint / Lý do khám: {sym}, {sym}\n"
        "Assessment / Chẩn đoán: {dis}\nPlan: {drug} {dose}. Follow-up on {edate}.\nPhysician / Bác sĩ: Dr. {doctor}",
        "Discharge summary (EN/VI). {fname}, {age}, working for {company}, admitted {edate} via {intl}. "
        "Emergency contact: {fname2} ({phone}), e-mail {email}. Diagnosis / Chẩn đoán ra viện: {dis}. "
        "Claim sent to {insurer} on {edate}, ref {policy}. Người nhà tại Việt Nam: {name2}, {address2}.",
    ],
    "social": [
        "Bài viết của {handle}\n{sdate} lúc {clock}\nMọi người ơi giúp em với 😭 mẹ em là {name}, {age}, đang nằm ở "
        "{dept_hospital} vì {dis}. Nhà em ở {address}. Ai hảo tâm giúp đỡ xin gửi về STK {bank} {bankname} chủ TK {holder}. "
        "SĐT em: {phone}\n💬 {handle2}: chia sẻ cho mọi người cùng giúp\n💬 {handle2}: em ở {address2}, mai em qua "
        "{hospital} thăm bác được không chị\n💬 {handle}: dạ được ạ, chị gọi {phone} nhé",
        "Nhóm Hỏi đáp sức khỏe · Bài viết của {handle}\nCon em {nick} {age}, bị {sym} và {sym} 3 ngày nay, đi khám ở "
        "{hospital} bác sĩ {doctor} bảo {dis}. Có ai từng bị giống vậy không ạ?\n💬 {handle2}: con mình cũng bị hồi "
        "{monthyear}, khám ở {hospital} ổn rồi bạn ạ\n💬 {handle2}: inbox mình {phone} nhé",
        "Bài viết của {handle}\nMỌI NGƯỜI ƠI GIÚP EM VỚI 🙏 Em là mẹ bé {nick} (tên thật {name}), bé {age}, đang nằm ở "
        "{dept_hospital}. Mã hồ sơ của bé {iid}. Ai giúp được xin chuyển STK {bank_grp} {bankname} chủ TK {holder}.\n"
        "💬 {handle2}: thương bé quá, đã ck 200k nha. Bé {nick} mau khỏe 🙏\n💬 {handle2}: mình ck từ TK {bankname} "
        "{bank_grp} rồi nhé\n💬 {handle2}: praying for little {nick}",
    ],
    "family_chat": [
        "[{sdate} {clock}] {handle}: bác sĩ ơi, con em là {nick}, {age}, sốt từ tối qua, 39 độ ạ\n"
        "[{clock}] BS {given2}: chị cho bé uống {drug} {dose} chưa?\n[{clock}] {handle}: rồi ạ, bây giờ bé {sym}, "
        "không ăn được gì cả\n[{clock}] BS {given2}: chị đưa bé qua {hospital} nhé, số của tôi {phone}\n"
        "[{clock}] {handle}: dạ vâng, nhà em ở {address}, số của em {phone}",
        "{handle}: anh ơi ba mình {agenum} tuổi bị {sym} với {sym} từ hôm {sdate} rồi, uống {drug} không đỡ\n"
        "{handle2}: em đưa ba đi {hospital} khám đi, mang thẻ bảo hiểm {bhyt} nữa\n{handle}: dạ, bác sĩ {doctor} hẹn "
        "{date} ạ. chị {given2} gọi em số {phone} nhé",
    ],
    "dental": [
        "HỒ SƠ NHA KHOA\nMã hồ sơ: {mrn}\nHọ tên: {name}    Năm sinh: {year}    SĐT: {phone}\nĐịa chỉ: {address}\n"
        "Ngày khám: {date}\nLý do: {dental_SYMPTOM}\nKhám: {dental_DISEASE}, {dental_DISEASE}.\n{dental_TEST}: có tổn thương.\n"
        "Điều trị: {dental_PROCEDURE}, {dental_PROCEDURE}. Kê {dental_DRUG} 500mg x 3 lần/ngày.\nHẹn: {date}\nBác sĩ: {doctor}",
        "{dental_clinic} — BN {name} ({age}), {job}. {dental_DISEASE}; đã {dental_PROCEDURE} ngày {sdate}. "
        "Người giới thiệu: {name2}.",
    ],
    "tcm": [
        "BỆNH ÁN Y HỌC CỔ TRUYỀN\nHọ tên: {name}    Tuổi: {agenum}    Dân tộc: Kinh\nĐịa chỉ: {address}\nNghề nghiệp: {job}\n"
        "Vào viện: {date}\nLý do: {tcm_SYMPTOM}, {tcm_SYMPTOM}\nChẩn đoán YHHĐ: {dis}. Chẩn đoán YHCT: {tcm_DISEASE}.\n"
        "Pháp điều trị: bổ khí huyết, khu phong. Bài thuốc: {tcm_DRUG} gia {tcm_DRUG}, {tcm_DRUG}.\n"
        "Thủ thuật: {tcm_PROCEDURE} 30 phút/ngày, {tcm_PROCEDURE}.\nLương y: {doctor}",
        "{tcm_clinic}: ông {name}, sinh năm {year}, ở {address}, {tcm_DISEASE}; "
        "kê {tcm_DRUG} 10 thang, {tcm_PROCEDURE}. Tái khám sau {lunar}.",
    ],
    "ethnic": [
        "Họ tên: {ename}    Dân tộc: {egroup}    Năm sinh: {year}\nĐịa chỉ: {village}, {province}\nSố CCCD: {cccd}\n"
        "Người nhà: {ename2} ({chồng|vợ|con|mẹ}), SĐT {phone}\nBệnh sử: khởi phát {sym} sau {holiday}, đến {hospital} "
        "ngày {date}.\nChẩn đoán: {dis}. Điều trị: {drug} {dose}.\nBác sĩ: {doctor}",
        "Trạm y tế báo cáo: bệnh nhân {ename}, {age}, dân tộc {egroup}, ở {village}; ngày {sdate} ({holiday}) có {sym}, "
        "được già làng {ename2} đưa đến {hospital}. Mã BHYT {bhyt}.",
    ],
    "hiv_tb": [
        "SỔ ĐIỀU TRỊ ARV\nMã số điều trị ARV: {arv}\nHọ tên: {name}    Năm sinh: {byear}    Giới: {gender}\n"
        "Địa chỉ: {address}\nNgày khẳng định HIV: {date}    Ngày bắt đầu ARV: {date}\nPhác đồ: {hiv_tb_DRUG}\n"
        "{hiv_tb_TEST}: {hiv_tb_RESULT} ({date})\nNgười hỗ trợ điều trị: {name2}, {phone}\nCơ sở điều trị: {hospital}",
        "PHIẾU ĐIỀU TRỊ LAO\nSố ĐK điều trị: {tbreg}\nBệnh nhân: {name}, {age}, {job}, ở {address}\nChẩn đoán: {hiv_tb_DISEASE}\n"
        "{hiv_tb_TEST} ngày {date}: {hiv_tb_RESULT}\nPhác đồ {hiv_tb_DRUG} từ {date}; DOTS tại {hospital}.\nCán bộ chống lao: {doctor}",
    ],
    "billing": [
        "BẢNG KÊ CHI PHÍ KHÁM BỆNH, CHỮA BỆNH\nMã CSKCB: {facility}\tTên CSKCB: {hospital}\n"
        "STT\tHọ tên\tNăm sinh\tGiới\tMã thẻ BHYT\tMã bệnh\tTổng chi phí\n"
        "1\t{name}\t{byear}\t{gender}\t{bhyt}\t{icd}\t{money}\n2\t{name2}\t{byear}\t{gender}\t{bhyt}\t{icd}\t{money}\n"
        "3\t{name2}\t{byear}\t{gender}\t{bhyt}\t{icd}\t{money}\nNgười lập bảng: {doctor}\tNgày {date}",
        "| STT | Họ và tên | NS | Mã thẻ | Nơi ĐKBĐ | Ngày vào | Ngày ra | Số tiền |\n|---|---|---|---|---|---|---|---|\n"
        "| 1 | {name} | {byear} | {bhyt} | {facility} | {sdate} | {sdate} | {money} |\n"
        "| 2 | {name2} | {byear} | {bhyt} | {facility} | {sdate} | {sdate} | {money} |\nGiám định viên: {doctor}",
    ],
    "psychiatric": [
        "BỆNH ÁN TÂM THẦN\nHọ tên: {name}    {age}    Nghề nghiệp: {job}\nĐịa chỉ: {address}\nNgười cung cấp bệnh sử: "
        "{name2} ({mẹ|vợ|anh trai}), SĐT {phone}\nBệnh sử: từ {monthyear} bệnh nhân {psych_SYMPTOM}, {psych_SYMPTOM}; "
        "nghỉ việc ở {company}.\n{psych_TEST}: 21 điểm.\nChẩn đoán: {psych_DISEASE} (F33.2)\nĐiều trị: {psych_DRUG} "
        "50mg tối, {psych_DRUG} 5mg.\nBS điều trị: {doctor}",
        "Khám lại ngày {date}: anh {given}, {age}, còn {psych_SYMPTOM}, không {psych_SYMPTOM}. Tiền sử nhập {hospital} "
        "năm {year} vì {psych_DISEASE}. Tiếp tục {psych_DRUG}. Người nhà ({given2}) cam kết theo dõi.",
    ],
    "obs_paed": [
        "BỆNH ÁN SẢN KHOA\nHọ tên sản phụ: {name}    {age}    PARA 1001\nĐịa chỉ: {address}\nChồng: {name2}, {job}, "
        "SĐT {phone}\nKinh cuối: {date}    Dự sinh: {date}\nTuổi thai: {weeks}\nLý do vào viện: {obs_paed_SYMPTOM}\n"
        "{obs_paed_TEST}: bình thường. Chẩn đoán: {obs_paed_DISEASE}.\nXử trí: {obs_paed_PROCEDURE} lúc {datetime}.\n"
        "Con: bé {nick}, sinh {datetime}, cân nặng 3200g.\nNữ hộ sinh: {doctor}",
        "KHOA NHI — bé {name}, {age}, con của anh {name2} và chị {given2}, ở {address}. Vào viện {date} vì "
        "{obs_paed_SYMPTOM}, {obs_paed_SYMPTOM}. Chẩn đoán {obs_paed_DISEASE}; {obs_paed_PROCEDURE}. Mã trẻ: {mrn}.",
    ],
    "referral2025": [
        "GIẤY CHUYỂN TUYẾN\nSố: {serial}\nKính gửi: {hospital}\nCơ sở chuyển: {hospital}\nHọ và tên người bệnh: {name}    "
        "Năm sinh: {year}\nĐịa chỉ (theo địa giới từ 01/7/2025): {addr25}\nĐịa chỉ cũ: {address}\nSố định danh: {cccd}    "
        "BHYT: {bhyt}\nChẩn đoán: {dis}\nLý do chuyển: vượt khả năng chuyên môn\nNgày {date}\nY bác sĩ: {doctor}",
        "Kính chuyển {hospital}: bệnh nhân {name}, {age}, thường trú {addr25}, tạm trú {addr25b}; điều trị tại {hospital} "
        "từ {date}, {dis}. Liên hệ {name2} ({phone}).",
    ],
    "highland_transcript": HL_TRANSCRIPT,
    "register": REGISTER,
    "ocr_paper": OCR_PAPER,
    "intl": INTL,
    "chat_highland": CHAT_HL,
    "lower_transcript": LOWER_TRANSCRIPT,
    "social_work": SOCIAL_WORK,
    "social_interview": SOCIAL_INTERVIEW,
    "expat_message": EXPAT_MESSAGE,
    # a call-back or a hand-over by telephone, as the nurse or the doctor writes it down afterwards (a clock time is
    # written with its date, {datetime}, labelled DATE as the hand-written notes do)
    "callback": [
        "GHI NHẬN CUỘC GỌI LẠI — {dept_hospital}\n{datetime}: ĐD {doctor} gọi lại cho người nhà BN {name} ({age}, "
        "mã BN {mrn}).\nNgười nghe máy: {name2} ({con gái|con trai|vợ|chồng}), SĐT {phone}.\nNội dung: BN ra viện ngày "
        "{date}, hiện còn {sym}, đang uống {drug} {dose}. Dặn tái khám {datetime}, mang thẻ BHYT {bhyt}.\n"
        "Gọi lần 2 sau 30 phút: không nghe máy, để lại lời nhắn qua số {phone}.\nNgười ghi: {doctor}",
        "BÀN GIAO QUA ĐIỆN THOẠI {datetime}\nBS trực {doctor} ({hospital}) bàn giao cho BS {doctor}: BN {name}, {age}, "
        "{job}, ở {address}. Chẩn đoán: {dis}. Diễn biến: {sym} từ chiều, đã cho {drug} {dose}.\nCần theo dõi: {sym}; "
        "nếu nặng báo BS {given2} qua số {phone}.\nNgười nhà trực: {name2}, SĐT {phone}.",
        "Phone note {datetime} - gọi lại theo yêu cầu của {name2} ({phone}), hỏi kết quả của BN {name} (hồ sơ {mrn}). "
        "Đã báo: {dis}; hẹn khám lại {date} tại {dept_hospital}. Người gọi: {doctor}",
    ],
}
TEMPLATES["group_chat"] = ["@group_chat"]
TEMPLATES["bilingual"] = TEMPLATES["bilingual"] + NGO_REPORT
TEMPLATES["social_thread"] = ["@social_thread"]
TEMPLATES["voice_note"] = ["@voice_note"]
TEMPLATES["family_chat"] = TEMPLATES["family_chat"] + ["@group_chat"]
TEMPLATES["social"] = TEMPLATES["social"] + ["@social_thread"]
# round 12 (world.py): travel-insurance claims, tourist clinics, speech-to-text calls, chats of the wider world and of
# the Mông uplands
TEMPLATES["travel_claim"] = world.TRAVEL_CLAIM
TEMPLATES["tourist_clinic"] = world.TOURIST_CLINIC
TEMPLATES["asr_call"] = world.ASR_CALL
TEMPLATES["world_chat"] = ["@world_chat"]
TEMPLATES["hmong_chat"] = ["@hmong_chat"]
TEMPLATES["bilingual"] = TEMPLATES["bilingual"] + world.TRAVEL_CLAIM[:2]
TEMPLATES["transcript"] = TEMPLATES["transcript"] + world.ASR_CALL[:2]
TEMPLATES["register"] = TEMPLATES["register"] + ["@hmong_register"]
BUILDERS: dict[str, Callable] = {"group_chat": chat_template, "social_thread": social_thread_template,
                                 "voice_note": voice_note_template, "world_chat": world.world_chat_template,
                                 "hmong_chat": world.hmong_chat_template, "hmong_register": lambda g: world.hmong_register(g.r)}
GENRES = tuple(TEMPLATES)
# forms that make the genre what it is (applied always, before any augmentation)
GENRE_FORMS: dict[str, tuple[str, ...]] = {
    "transcript": ("spelled", "no_punct", "lower"),
    "ocr": ("ocr",),
    "family_chat": ("teencode", "spaced_digits", "lower"),
    "billing": ("table",),
    "highland_transcript": ("spelled", "no_punct", "lower"),
    "ocr_paper": ("ocr",),
    "chat_highland": ("no_marks", "spaced_digits"),
    "lower_transcript": ("spelled", "lower"),  # (the turns keep their lines: a speaker opens each)
    "social_interview": ("spelled", "lower"),
    "voice_note": ("spelled", "lower"),
    "asr_call": ("spelled", "lower", "asr"),
    "hmong_chat": ("half_marks",),
}
# forms a built chat document draws at random (the keypad's spaced digits, teencode)
CHAT_FORMS: dict[str, tuple[tuple[str, float], ...]] = {"group_chat": (("spaced_digits", .5), ("teencode", .3)),
                                                        "world_chat": (("lower_orgs", .3),),
                                                        "travel_claim": (("lower_orgs", .2),),
                                                        "transcript": (("asr", .5),)}


def tpl_kind(genre: str, g) -> str:
    return "group_chat" if g.person.get("stamp") or genre == "group_chat" else genre
AUGMENTATIONS = ("lower", "no_marks", "teencode", "ocr", "spelled", "given_first", "handles", "table",
                 "spaced_digits", "no_punct", "half_marks", "lower_orgs")
# the order changes are applied in: names are reordered and numbers spelled before letters are changed
# (stamps and handles come before numbers are spelled or spaced, so a transcript's stamps are spoken too)
ORDER = ("given_first", "table", "handles", "lower_orgs", "spelled", "spaced_digits", "teencode", "lower", "asr",
         "no_marks", "half_marks", "ocr", "no_punct", "provenance")


# --- segments ------------------------------------------------------------------------------------------------
def to_segments(text: str, spans: list[Span]) -> list[Seg]:
    segs, pos = [], 0
    for s in sorted(spans, key=lambda s: s.start):
        if s.start > pos:
            segs.append([text[pos:s.start], None, {}])
        segs.append([text[s.start:s.end], s.label, dict(s.attrs)])
        pos = s.end
    if pos < len(text):
        segs.append([text[pos:], None, {}])
    for a, b in itertools.pairwise(segs):  # a cue `ngày` before a date that already says `ngày ...`: say it once
        if a[1] is None and b[1] == "DATE" and b[0].lower().startswith("ngày") and a[0].lower().endswith("ngày "):
            a[0] = a[0][:-5]
    return segs


def to_document(segs: list[Seg], doc_id: str, meta: dict) -> Document:
    """Join segments; a labelled segment's outer whitespace goes to the text around it, an empty one loses its label."""
    out, spans, n = [], [], 0
    for text, label, attrs in segs:
        if label is None or not text.strip():
            out.append(text)
            n += len(text)
            continue
        core = text.strip()
        lead = text[:len(text) - len(text.lstrip())]
        out.append(text)
        spans.append(Span(n + len(lead), n + len(lead) + len(core), label, attrs=attrs))
        n += len(text)
    doc = Document(id=doc_id, text="".join(out), spans=spans, meta=meta)
    doc.with_span_text()
    doc.check()
    return doc


def _map(segs, fn, labels=None, literal=False):
    """Apply fn(text) to segments: all, only plain ones (literal), or those with a label in `labels`."""
    for s in segs:
        if (literal and s[1] is None) or (labels is not None and s[1] in labels) or (not literal and labels is None):
            s[0] = fn(s[0])
    return segs


# --- form changes ---------------------------------------------------------------------------------------------
def f_lower(segs, rng, g):
    return _map(segs, str.lower)


def f_no_marks(segs, rng, g):
    return _map(segs, fold)


TEEN = sorted(L["teencode"].items(), key=lambda kv: -len(kv[0]))
TEEN_RE = re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k, _ in TEEN) + r")(?!\w)")


def f_teencode(segs, rng, g):
    table = dict(TEEN)
    return _map(segs, lambda t: TEEN_RE.sub(lambda m: rng.choice(table[m[1]]) if rng.random() < .7 else m[1], t),
                literal=True)


OCR_SWAP_DIGIT = {"0": "O", "1": "l", "5": "S", "8": "B"}
OCR_SWAP_ALPHA = {"l": "1", "O": "0", "I": "l1", "o": "0", "i": "í1", "ô": "0", "Ô": "0"}


def f_ocr(segs, rng, g):
    k = g.person.get("ocr_strength", 1.0) if g is not None else 1.0  # scans differ: some pages are barely readable
    p_digit, p_alpha = min(.15 * k, .5), min(.08 * k, .25)

    def noisy(t: str) -> str:
        out = []
        for tok in re.split(r"(\s+)", t):
            has_digit = any(c.isdigit() for c in tok)
            chars = []
            for c in tok:
                r = rng.random()
                if has_digit and c in OCR_SWAP_DIGIT and r < p_digit:
                    c = OCR_SWAP_DIGIT[c]
                elif not has_digit and c in OCR_SWAP_ALPHA and r < p_alpha:
                    c = rng.choice(OCR_SWAP_ALPHA[c])
                elif c.isalpha() and fold(c) != c and r < p_alpha:  # a broken diacritic
                    c = fold(c)
                chars.append(c)
            out.append("".join(chars))
        return "".join(out)
    _map(segs, noisy)
    for s in segs:  # names cut by a line break, sometimes with a hyphen inside a syllable
        if s[1] == "NAME" and " " in s[0] and rng.random() < .5:
            words = s[0].split(" ")
            k = rng.randrange(1, len(words))
            if rng.random() < .4 and len(words[k]) > 3:
                w = words[k]
                words[k] = w[:2] + "-\n" + w[2:]
                s[0] = " ".join(words)
            else:
                s[0] = " ".join(words[:k]) + "\n" + " ".join(words[k:])
        elif s[1] == "NAME" and rng.random() < .1 * k:  # a letter torn off its syllable: `Thàn h`, `Kh ánh`
            words = s[0].split(" ")
            long = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
            if long:
                i = rng.choice(long)
                cut = rng.choice([1, 2, len(words[i]) - 1])
                words[i] = words[i][:cut] + " " + words[i][cut:]
                s[0] = " ".join(words)
        elif s[1] == "LOCATION" and ", " in s[0] and rng.random() < .3:  # an address wrapped after a comma
            i = rng.choice([m.end() - 1 for m in re.finditer(", ", s[0])])
            s[0] = s[0][:i] + "\n" + s[0][i + 1:]
    return segs


def _say_segment(text: str, label: str | None, rng: random.Random) -> str:
    if label == "PHONE":  # nobody reads out the dots of a phone number; many read it in groups as numbers
        if rng.random() < .35 and not text.startswith("+"):
            return world.say_grouped(text, rng, say_number)
        return say_code(text.replace(".", " "), rng)
    if label in ("ID", "IP"):
        if rng.random() < .25 and re.fullmatch(r"[\d .-]{6,}", text):
            return world.say_grouped(text, rng, say_number)
        return say_code(text, rng)
    if label == "EMAIL":
        user, _, dom = text.partition("@")
        return f"{_say_loose(user.replace('.', ' chấm '), rng)} a còng {dom.replace('.', ' chấm ')}"
    if label == "DATE":
        return say_date(text, rng)
    if label == "AGE":
        return _say_loose(re.sub(r"(\d+)t\b", r"\1 tuổi", text), rng).strip()
    return _say_loose(text, rng)


def f_spelled(segs, rng, g):
    for s in segs:
        if any(c.isdigit() for c in s[0]) or (s[1] in ("ID", "EMAIL")):
            lead = s[0][:len(s[0]) - len(s[0].lstrip())]
            trail = s[0][len(s[0].rstrip()):]
            s[0] = lead + _say_segment(s[0].strip(), s[1], rng) + trail if s[0].strip() else s[0]
    return segs


def f_spaced_digits(segs, rng, g):
    def space(t):  # the whole number, as typed on a phone keypad: `0 9 7 2 . 1 1 8 ...`
        return " ".join(t.replace(" ", "")) if sum(c.isdigit() for c in t) >= 3 else t
    return _map(segs, space, labels={"PHONE", "ID"})


def f_no_punct(segs, rng, g):
    def strip(t):
        t = re.sub(r"[.,;:!?()\"\[\]—/|]+", " ", t.replace("\n", " "))
        return re.sub(r"[ \t]{2,}", " ", t)
    _map(segs, strip)
    for a, b in itertools.pairwise(segs):  # no double space across a segment boundary
        if a[0].endswith(" ") and b[0].startswith(" "):
            b[0] = b[0][1:]
    return segs


def f_table(segs, rng, g):
    sep = rng.choice(["\t|\t", " | ", "\t"])
    for i, s in enumerate(segs):
        if s[1] is None:
            t = re.sub(r":[ \t]+", sep, s[0])
            t = re.sub(r" {2,}", sep, t)
            t = t.replace("\n", "\n| ") if sep != "\t" else t
            s[0] = ("| " + t if i == 0 and sep != "\t" else t)
    if segs and segs[0][1] is not None and sep != "\t":
        segs.insert(0, ["| ", None, {}])
    if not any(s[1] is None and sep.strip(" ") in s[0] for s in segs):
        segs.insert(0, ["1" + sep, None, {}])  # (no field to split: the row number is the first column)
    return segs


def f_given_first(segs, rng, g):
    surnames = set(base.SURNAMES) | set(base.SURNAMES_COMMON)
    for s in segs:
        words = s[0].split()
        if s[1] == "NAME" and len(words) >= 2 and words[0] in surnames:
            s[0] = f"{words[-1]} {words[0]}" if rng.random() < .6 else " ".join(words[1:] + words[:1])
    return segs


def f_handles(segs, rng, g):
    """Every line becomes a chat message: `[time] handle: `, the date part of the stamp and the handle labelled."""
    people = [g.handle(), g.handle()]

    def stamp() -> list[Seg]:
        who = rng.choice(people)
        clock = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
        style = rng.random()
        if style < .35:
            d = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}"
            return [["[", None, {}], [d, "DATE", {}], [f" {clock}] ", None, {}], [who, "NAME", {}], [": ", None, {}]]
        if style < .6:
            return [["💬 ", None, {}], [who, "NAME", {}], [": ", None, {}]]
        if style < .7:
            return [[who, "NAME", {}], [f" ({clock}): ", None, {}]]
        if style < .8:  # `Name hh:mm: ` as phone chat exports write it
            return [[who, "NAME", {}], [f" {clock}: ", None, {}]]
        return [[f"[{clock}] ", None, {}], [who, "NAME", {}], [": ", None, {}]]
    out: list[Seg] = stamp()
    for s in segs:
        if s[1] is None and "\n" in s[0]:
            parts = s[0].split("\n")
            for k, p in enumerate(parts):
                if k:
                    out.append(["\n", None, {}])
                    out.extend(stamp())
                if p:
                    out.append([p, None, {}])
        else:
            out.append(s)
    return out


FORMS: dict[str, Callable] = {
    "lower": f_lower, "no_marks": f_no_marks, "teencode": f_teencode, "ocr": f_ocr, "spelled": f_spelled,
    "given_first": f_given_first, "handles": f_handles, "table": f_table, "spaced_digits": f_spaced_digits,
    "no_punct": f_no_punct, "half_marks": world.f_half_marks, "lower_orgs": world.f_lower_orgs, "asr": world.f_asr,
    "provenance": world.f_provenance,
}
# speech-to-text damage (`asr`) belongs to spoken genres only, and a line about who scanned, typed or exported the
# record (`provenance`, written as it is, whatever the body's form) is drawn on its own: neither is a random augmentation
assert set(FORMS) == set(ORDER) == set(AUGMENTATIONS) | {"asr", "provenance"}


def apply_forms(segs: list[Seg], forms, rng: random.Random, g: FormGen) -> tuple[list[Seg], list[str]]:
    done = []
    for name in ORDER:
        if name in forms:
            segs = FORMS[name](segs, rng, g)
            done.append(name)
    return segs, done


def make_form_doc(rng: random.Random, i: int, genre: str | None = None, augment: bool = True,
                  forms: tuple[str, ...] = ()) -> Document:
    """One document of `genre` (random if None); `forms` forces form changes (tests), `augment` adds random ones."""
    genre = genre or rng.choice(GENRES)
    if genre not in TEMPLATES:
        raise ValueError(f"unknown genre(s) {genre!r}; known: {', '.join(GENRES)}")
    bad = [f for f in forms if f not in FORMS]
    if bad:
        raise ValueError(f"unknown form change(s) {', '.join(map(repr, bad))}; known: {', '.join(AUGMENTATIONS)}")
    g = FormGen3(rng, abbrev=rng.random() < .2)
    g.person = {"g": rng.choice("mf"), "ekind": rng.choice(ETHNIC_KINDS), "spoken": genre in SPOKEN_GENRES,
                "ocr_strength": rng.choice([2.0, 3.0]) if genre == "ocr_paper" else rng.choice([1.0, 1.0, 2.0])}
    tpl = rng.choice(TEMPLATES[genre])
    if tpl.startswith("@"):  # a document put together line by line (chat exports, comment threads, voice notes)
        tpl = BUILDERS[tpl[1:]](g)
    text, spans = base.Builder(g, form_fillers(g)).render(social_markup(tpl, g))
    chosen = set(GENRE_FORMS.get(genre, ())) | set(forms)
    if g.person.get("case") == "fold" or (g.person.get("case") == "lower" and rng.random() < .5):
        chosen.add("no_marks")
    for form, p in CHAT_FORMS.get(tpl_kind(genre, g), ()):
        if rng.random() < p:
            chosen.add(form)
    if augment and rng.random() < .5:
        chosen |= set(rng.sample(AUGMENTATIONS, rng.choice([1, 1, 2])))
    if augment and rng.random() < .2:
        chosen.add("provenance")
    segs, done = apply_forms(to_segments(text, spans), chosen, rng, g)
    return to_document(segs, f"forms-{genre}-{i:06d}", {"genre": genre, "forms": done, "source": "vimednlp-synthetic-forms"})


def generate_forms(n: int, seed: int = 21, genres: list[str] | tuple[str, ...] | None = None,
                   augment: bool = True, forms: tuple[str, ...] = ()) -> list[Document]:
    """`n` documents, genres in turn (all of GENRES when `genres` is None), deterministic for a seed; `forms` are form
    changes applied to every document (on top of the genre's own and, with `augment`, random ones)."""
    if n <= 0:
        raise ValueError(f"n must be positive, got {n}")
    gs = tuple(genres) if genres else GENRES
    unknown = [x for x in gs if x not in TEMPLATES]
    if unknown:
        raise ValueError(f"unknown genre(s) {', '.join(map(repr, unknown))}; known: {', '.join(GENRES)}")
    rng = random.Random(seed)
    return [make_form_doc(rng, i, gs[i % len(gs)], augment, tuple(forms)) for i in range(n)]


def measure(n: int = 400, seed: int = 4242, augment: bool = True, genres=None, forms=(),
            by_form: bool = False, model: str = "default", profile: str = "default") -> list[tuple[str, dict]]:
    """The detector's token recall/precision per genre, or per form change over all genres in turn (`by_form`),
    with benchmarks/bench_deid_accuracy.py's token metric; `model` is a tagger folder (default: the shipped one),
    `profile` "default" or "strict"."""
    import importlib.util

    from vimednlp.deid.analyzer import Analyzer

    path = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_deid_accuracy.py"
    spec = importlib.util.spec_from_file_location("bench_deid_accuracy", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    from vimednlp.deid.strict import check_profile, strict_spans

    analyzer = Analyzer(model=model)
    check_profile(profile)

    def detect(text):
        spans = analyzer.analyze(text)
        return spans + strict_spans(text, spans) if profile == "strict" else spans

    rows, all_docs, all_preds = [], [], []
    runs = [(f, genres, (f,)) for f in AUGMENTATIONS] if by_form else [(g, [g], forms) for g in genres or GENRES]
    for name, gs, fs in runs:
        docs = generate_forms(n, seed, gs, augment=augment, forms=tuple(fs))
        preds = [detect(d.text) for d in docs]
        rows.append((name, bench.token_metrics(docs, preds)))
        all_docs += docs
        all_preds += preds
    rows.append(("all", bench.token_metrics(all_docs, all_preds)))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="Generate a many-form synthetic Vietnamese clinical corpus with exact gold spans (JSONL).",
        epilog="example: python corpora/synthetic/forms.py --n 2000 --seed 21 --out forms.jsonl\n"
               "         python corpora/synthetic/forms.py --n 400 --seed 4242 --genre ocr --genre transcript --no-augment\n"
               "         python corpora/synthetic/forms.py --n 400 --seed 4242 --measure   (detector recall per genre)\n"
               "         python corpora/synthetic/forms.py --n 400 --seed 4242 --measure --by-form --no-augment\n"
               f"genres: {', '.join(GENRES)}\nform changes: {', '.join(AUGMENTATIONS)}",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="number of documents")
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--genre", action="append", choices=GENRES, help="only this genre (repeatable; default all)")
    ap.add_argument("--form", action="append", choices=AUGMENTATIONS, default=[],
                    help="apply this form change to every document (repeatable)")
    ap.add_argument("--no-augment", action="store_true", help="only the forms each genre implies, no random changes")
    ap.add_argument("--out", type=Path, help="output JSONL (default: stdout)")
    ap.add_argument("--measure", action="store_true",
                    help="instead of writing documents, print the default detector's token recall/precision on "
                         "--n documents per genre (Markdown table)")
    ap.add_argument("--by-form", action="store_true",
                    help="with --measure: one row per form change, --n documents of all genres in turn each")
    ap.add_argument("--model", default="default", help="with --measure: a PHI tagger folder (default: the shipped one)")
    ap.add_argument("--profile", choices=("default", "strict"), default="default", help="with --measure: the profile")
    args = ap.parse_args(argv)
    if args.n <= 0:
        ap.error("--n must be positive")
    if args.measure:
        print(f"| {'form change' if args.by_form else 'genre'} | docs | gold PHI tokens | token recall | "
              f"token precision | clinical tokens removed |\n|---|---|---|---|---|---|")
        for genre, m in measure(args.n, args.seed, not args.no_augment, args.genre, args.form, args.by_form,
                                args.model, args.profile):
            k = len(AUGMENTATIONS) if args.by_form else len(args.genre or GENRES)
            docs = args.n * (k if genre == "all" else 1)
            print(f"| {genre} | {docs} | {m['gold_tokens']} | {m['recall']:.3f} | {m['precision']:.3f} | "
                  f"{m['clinical_removed']:.3f} |")
        return 0
    base.write_documents(generate_forms(args.n, args.seed, args.genre, augment=not args.no_augment,
                                        forms=tuple(args.form)), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
