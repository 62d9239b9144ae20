"""A many-form synthetic corpus: 36 genres and form augmentations, with exact gold spans.

This module holds the values (`FormGen*` and their mixins), the fillers and the documents put together line by line
(chat exports, comment threads, voice notes); the other jobs live beside it: `spoken.py` (numbers, dates and codes as
people say them), `augment.py` (segments and the form changes), `genre_templates.py` (the genres' templates and the
forms each implies), `world.py` (other scripts and languages, travel claims, Mông chats, speech-to-text damage).

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
import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `corpora.synthetic` importable from the repository root
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from corpora.synthetic import generate as base
from corpora.synthetic import trade, world
# the jobs split out of this module (re-exported: clinical_forms.py and the tests use them from here)
from corpora.synthetic.augment import (AUGMENTATIONS, FORMS, ORDER, OCR_SWAP_ALPHA, OCR_SWAP_DIGIT,  # noqa: F401
                                       TEEN, TEEN_RE, Seg, _map, apply_forms, f_given_first, f_handles, f_lower,
                                       f_no_marks, f_no_punct, f_ocr, f_spaced_digits, f_spelled, f_table, f_teencode,
                                       to_document, to_segments)
from corpora.synthetic.genre_templates import (CHAT_FORMS, CHAT_HL, EXPAT_MESSAGE, GENRE_FORMS, GENRES,  # noqa: F401
                                               HL_TRANSCRIPT, INTL, LOWER_TRANSCRIPT, NGO_REPORT, OCR_PAPER, REGISTER,
                                               SOCIAL_INTERVIEW, SOCIAL_WORK, TEMPLATES)
from corpora.synthetic.spoken import (DIGITS, L, _say_loose, _say_segment, say_code, say_date,  # noqa: F401
                                      say_digits, say_number, say_year)
from vimednlp.schema import Document
from vimednlp.text.fold import fold

NATIONS = ("en", "fr", "ko", "zh", "ja")
ETHNIC_KINDS = ("ede", "koho", "hmong", "khmer", "tay_nung", "raglai", "cham")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


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
        if k in ("raglai", "cham"):  # family name first, `Văn`/`Thị` often left out (trade.py)
            return trade.sc_person(self.r, k)[0]
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
    f.update(trade.trade_fillers(g))
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
        k = r.choice(["ede", "ede", "jrai", "jrai", "bana", "hmong", "hmong", "khmer", "tribal", "south", "south", "raglai"])
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
        if k == "raglai":  # Raglai or Chăm of the south-central uplands (trade.py): family name first
            return trade.sc_person(r)
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


BUILDERS: dict[str, Callable] = {"group_chat": chat_template, "social_thread": social_thread_template,
                                 "voice_note": voice_note_template, "world_chat": world.world_chat_template,
                                 "hmong_chat": world.hmong_chat_template, "hmong_register": lambda g: world.hmong_register(g.r),
                                 "facility_table": trade.facility_table_template}
def tpl_kind(genre: str, g) -> str:
    return "group_chat" if g.person.get("stamp") or genre == "group_chat" else genre
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
    if augment and rng.random() < .06:  # lower case without marks, as phones and old keyboards type whole notes
        chosen |= {"lower", "no_marks"}
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
