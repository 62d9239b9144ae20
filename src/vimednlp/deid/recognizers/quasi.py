"""Opt-in quasi-identifiers: GENDER (`giới tính: nữ`, `BN nam, 45 tuổi`) and TRANSPORT (flight and
train numbers, bus routes: `chuyến bay VN0054`, `tàu SE1`, `xe buýt số 32`)."""
from __future__ import annotations

import re

from .base import Candidate, Context, Recognizer

_GENDER_RE = re.compile(
    r"(?:(?<=gioi tinh)|(?<=gioi)|(?<=gt)|(?<=phai))\s*:?\s*(nam|nu|male|female)\b"
    r"|(?:(?<=benh nhan)|(?<=bn)|(?<=benh nhi)|(?<=nguoi benh)|(?<=tre)|(?<=be))\s+(nam|nu|trai|gai)\b"
    r"|(?<![\w])(nam|nu)(?=\s*,?\s*\d{1,3}\s*(?:tuoi|t\b))")
_TRANSPORT_RE = re.compile(
    r"(?:chuyen bay|chuyen|so hieu chuyen bay|flight)\s*(?:so\s*)?:?\s*([a-z0-9]{2}\s?-?\d{2,4})\b"
    r"|(?<![\w])((?:vn|vj|qh|bl|vu|0v)\s?-?\d{2,4})(?![\w])"
    r"|(?:tau|doan tau)\s+(?:hoa\s+)?(?:so\s+)?((?:se|tn|sp|ht|nh|sqn|se\s?)\d{1,3})\b"
    r"|(?:xe buyt|xe bus|tuyen xe buyt|tuyen buyt|tuyen xe)\s+(?:so\s+)?(\d{1,3}[a-z]?)\b")


class GenderRecognizer(Recognizer):
    name = "gender"
    labels = ("GENDER",)

    def analyze(self, ctx: Context) -> list[Candidate]:
        out = []
        for m in _GENDER_RE.finditer(ctx.folded):
            g = next(k for k in range(1, 4) if m.group(k))
            out.append(Candidate(m.start(g), m.end(g), "GENDER", 0.85, self.name, "gender word after its cue"))
        return out


class TransportRecognizer(Recognizer):
    name = "transport"
    labels = ("TRANSPORT",)

    def analyze(self, ctx: Context) -> list[Candidate]:
        out = []
        for m in _TRANSPORT_RE.finditer(ctx.folded):
            g = next(k for k in range(1, 5) if m.group(k))
            out.append(Candidate(m.start(g), m.end(g), "TRANSPORT", 0.85, self.name, "flight/train/bus number pattern"))
        return out
