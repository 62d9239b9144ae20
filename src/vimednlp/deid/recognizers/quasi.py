"""Opt-in quasi-identifiers: GENDER (`giới tính: nữ`, `BN nam, 45 tuổi`) and TRANSPORT (flight and
train numbers, bus routes: `chuyến bay VN0054`, `tàu SE1`, `xe buýt số 32`)."""
from __future__ import annotations

import re

from .base import Candidate, Context, Recognizer
from .lexicons import vocab

_V = vocab("quasi")  # resources/deid/vocab/quasi.yaml
_GENDER_RE = re.compile(_V["gender"])
_TRANSPORT_RE = re.compile(_V["transport"])


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
