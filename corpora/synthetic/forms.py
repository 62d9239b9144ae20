"""A many-form synthetic corpus: 18 genres and form augmentations, with exact gold spans.

Extends `generate.py` (whose output for a seed never changes: the shipped model depends on it) by import:
the same template markup, `Gen` values and gazetteers, plus the invented lists in `data/forms_lists.json`
(foreign, ethnic-minority and Khmer naming, foreign addresses and insurers, teencode, spoken numbers).

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
        s = f"{say_number(int(d), rng)} tháng {say_number(int(m), rng)}"
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
        "bankname": lambda: P(g.pick(L["banks"]), None),
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
    return f


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
        "SỞ Y TẾ {province}\nBỆNH VIỆN ĐA KHOA KHU VỰC\nKHOA KHÁM BỆNH\nPHIẾU KHÁM BỆNH VÀO VIỆN\nHọ và tên: {name}\n"
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
        "Nha khoa {Nụ Cười|Hoa Hồng|Sao Mai} — BN {name} ({age}), {job}. {dental_DISEASE}; đã {dental_PROCEDURE} ngày {sdate}. "
        "Người giới thiệu: {name2}.",
    ],
    "tcm": [
        "BỆNH ÁN Y HỌC CỔ TRUYỀN\nHọ tên: {name}    Tuổi: {agenum}    Dân tộc: Kinh\nĐịa chỉ: {address}\nNghề nghiệp: {job}\n"
        "Vào viện: {date}\nLý do: {tcm_SYMPTOM}, {tcm_SYMPTOM}\nChẩn đoán YHHĐ: {dis}. Chẩn đoán YHCT: {tcm_DISEASE}.\n"
        "Pháp điều trị: bổ khí huyết, khu phong. Bài thuốc: {tcm_DRUG} gia {tcm_DRUG}, {tcm_DRUG}.\n"
        "Thủ thuật: {tcm_PROCEDURE} 30 phút/ngày, {tcm_PROCEDURE}.\nLương y: {doctor}",
        "Phòng chẩn trị Đông y {Phúc Thọ|Nhân Hòa|Bảo An}: ông {name}, sinh năm {year}, ở {address}, {tcm_DISEASE}; "
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
}
GENRES = tuple(TEMPLATES)
# forms that make the genre what it is (applied always, before any augmentation)
GENRE_FORMS: dict[str, tuple[str, ...]] = {
    "transcript": ("spelled", "no_punct", "lower"),
    "ocr": ("ocr",),
    "family_chat": ("teencode", "spaced_digits", "lower"),
    "billing": ("table",),
}
AUGMENTATIONS = ("lower", "no_marks", "teencode", "ocr", "spelled", "given_first", "handles", "table",
                 "spaced_digits", "no_punct")
# the order changes are applied in: names are reordered and numbers spelled before letters are changed
# (stamps and handles come before numbers are spelled or spaced, so a transcript's stamps are spoken too)
ORDER = ("given_first", "table", "handles", "spelled", "spaced_digits", "teencode", "lower", "no_marks", "ocr",
         "no_punct")


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
OCR_SWAP_ALPHA = {"l": "1", "O": "0", "I": "l", "o": "0", "i": "í"}


def f_ocr(segs, rng, g):
    def noisy(t: str) -> str:
        out = []
        for tok in re.split(r"(\s+)", t):
            has_digit = any(c.isdigit() for c in tok)
            chars = []
            for c in tok:
                r = rng.random()
                if has_digit and c in OCR_SWAP_DIGIT and r < .15:
                    c = OCR_SWAP_DIGIT[c]
                elif not has_digit and c in OCR_SWAP_ALPHA and r < .08:
                    c = OCR_SWAP_ALPHA[c]
                elif c.isalpha() and fold(c) != c and r < .08:  # a broken diacritic
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
    return segs


def _say_segment(text: str, label: str | None, rng: random.Random) -> str:
    if label == "PHONE":  # nobody reads out the dots of a phone number
        return say_code(text.replace(".", " "), rng)
    if label in ("ID", "IP"):
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
        if style < .8:
            return [[who, "NAME", {}], [f" ({clock}): ", None, {}]]
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
    "no_punct": f_no_punct,
}
assert set(FORMS) == set(ORDER) == set(AUGMENTATIONS)


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
    g = FormGen(rng, abbrev=rng.random() < .2)
    g.person = {"g": rng.choice("mf"), "ekind": rng.choice(ETHNIC_KINDS)}
    text, spans = base.Builder(g, form_fillers(g)).render(rng.choice(TEMPLATES[genre]))
    chosen = set(GENRE_FORMS.get(genre, ())) | set(forms)
    if augment and rng.random() < .5:
        chosen |= set(rng.sample(AUGMENTATIONS, rng.choice([1, 1, 2])))
    segs, done = apply_forms(to_segments(text, spans), chosen, rng, g)
    return to_document(segs, f"forms-{genre}-{i:06d}", {"genre": genre, "forms": done, "source": "vimednlp-synthetic-forms"})


def generate_forms(n: int, seed: int = 21, genres: list[str] | tuple[str, ...] | None = None,
                   augment: bool = True, forms: tuple[str, ...] = ()) -> list[Document]:
    """`n` documents, genres in turn (all 18 when `genres` is None), deterministic for a seed; `forms` are form
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
