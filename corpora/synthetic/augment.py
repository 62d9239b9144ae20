"""Form changes of the many-form corpus (`forms.py`): a document is a list of segments `[text, label, attrs]`, and
every change (lower case, no marks, teencode, OCR noise, spelled numbers, given-name-first order, chat handles, tables,
spaced digits, no punctuation, half marks, lower-case organisations, speech-to-text damage, a provenance line)
rewrites segments, never the joined text, so the gold offsets recomputed by `to_document` are exact by construction."""
from __future__ import annotations

import itertools
import random
import re
from collections.abc import Callable

from corpora.synthetic import generate as base
from corpora.synthetic import world
from corpora.synthetic.spoken import L, _say_segment
from vimednlp.schema import Document, Span
from vimednlp.text.fold import fold

Seg = list  # [text, label or None, attrs]


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
OCR_SWAP_ALPHA = {"l": "1", "O": "0", "I": "l1", "o": "0", "i": "í1", "ô": "0", "Ô": "0",
                  # a scanner's other confusions in words: `m` read `rn`, `Đ` read as the look-alike `Ð`, `i` as `j`
                  "m": ["rn"], "Đ": ["Ð", "D"], "ị": ["j"]}


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


def apply_forms(segs: list[Seg], forms, rng: random.Random, g) -> tuple[list[Seg], list[str]]:
    done = []
    for name in ORDER:
        if name in forms:
            segs = FORMS[name](segs, rng, g)
            done.append(name)
    return segs, done
