"""Vietnamese numbers, dates and codes as people say them, for the spoken genres of the many-form corpus
(`forms.py`): cardinals (`hai mươi mốt`, `một nghìn không trăm linh năm`), years, codes letter by letter (`pê tê`),
dates (`mùng năm tháng ba năm một chín năm ba`), and a labelled segment read aloud as its label is read."""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

from corpora.synthetic import world

L = json.loads(Path(__file__).with_name("data").joinpath("forms_lists.json").read_text(encoding="utf-8"))
DIGITS = L["digit_words"]


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
