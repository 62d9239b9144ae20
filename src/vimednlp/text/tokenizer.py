"""Syllable-and-punctuation tokenizer for clinical Vietnamese, with code-point offsets.

One ordered regular expression decides what stays whole (URLs, e-mails, dates, decimals, blood
pressure, codes such as `BN1234`, `29A-123.45`, `I21.9`, `TP.HCM`) and what splits (`500mg` ->
`500` `mg`, punctuation). The spaCy tokenizer wraps the same function, so offsets agree everywhere.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

# Letters include every Vietnamese letter plus combining marks (decomposed input stays in its token).
_L = r"[^\W\d_]"
_LM = r"(?:[^\W\d_][\u0300-\u036f]*)"  # a letter with any combining marks after it

_PATTERNS: list[tuple[str, str]] = [
    ("url", r"(?:https?://|www\.)[^\s<>\"'()\[\]{}]+[^\s<>\"'()\[\]{}.,;:!?]"),
    ("email", r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"),
    ("ip", r"\b(?:\d{1,3}\.){3}\d{1,3}\b"),
    # document numbers: 4469/QĐ-BYT, 05/2019/TT-BYT
    ("docnum", r"\d+(?:/\d{4})?/[A-ZĐ]+(?:-[A-ZĐ]+)+(?![\w])"),
    # 14h30, 8h, 14:30
    ("time", r"\d{1,2}[hH:g]\d{2}(?:'|p)?(?![\d/])|\d{1,2}[hH](?![\w/])"),
    # 12/03/2024, 5/3/24, 12-03-2024, 2024-03-12, 12.03.2024
    ("date", r"\d{4}-\d{1,2}-\d{1,2}(?!\d)|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}(?![\d/])"),
    # licence plates 29A-123.45, 51F1-12345, 30E-12345
    ("plate", r"\d{2}[A-Z]{1,2}\d?-\d{3}\.\d{2}(?!\d)|\d{2}[A-Z]{1,2}\d?-\d{4,5}(?!\d)"),
    # ICD-10 codes I21.9, E11, U07.1
    ("icd", r"\b[A-Z]\d{2}(?:\.\d{1,2})?\b(?!-\d)"),
    # abbreviations with internal dots: TP.HCM, TP.HN, Th.S, ThS.BS, PGS.TS; v.v.
    ("dotted", r"(?:[A-ZĐ][A-Za-zĐđ]{0,3}\.){1,3}[A-ZĐ]{2,}(?![^\W\d_])|v\.v\.?"),
    # ions: Na+, K+, Ca2+, Cl-, HCO3-
    ("ion", r"(?:Na|K|Ca|Cl|Mg|Fe|Li|NH4|HCO3|H)\d?[+-](?![\w+-])"),
    # "x2", "x3" (times): the multiplier splits from its number like a unit
    ("times", r"x(?=\d+(?:[.,]\d+)?(?!\w))"),
    # letter-digit codes: BN1234, DN4010123456789, SpO2, HbA1c, COVID-19, F0, SARS-CoV-2
    # (the letters after the first digit may be Vietnamese: `BN1234bòa` is not cut inside a syllable)
    ("code", (r"(?:[A-Za-zĐđ]+\d+[^\W_]*|\d+[A-Za-zĐđ]+\d[^\W_]*)(?:-[A-Za-z0-9]+)*"
              r"|[A-ZĐ]{2,}(?:-[A-Za-z0-9]+)+(?![\w])")),
    # country-code phone prefix +84
    ("phone", r"\+\d{1,3}(?:\d{6,})?(?!\w)"),
    # numbers with a slash or ratio: blood pressure 150/90, 1/2, 3/4
    ("ratio", r"\d+(?:[.,]\d+)?/\d+(?:[.,]\d+)?(?![\d/])"),
    # decimals and grouped numbers: 12,5  1.200.000  37.5  0.9  0912.345.678
    ("number", r"\d+(?:[.,]\d+)+(?![\d])|\d+"),
    ("unit", r"°(?:[CF](?![^\W\d_]))?"),
    ("word", _LM + r"+(?:['’]" + _LM + r"+)?"),
    ("space", r"\s+"),
    ("punct", r"\.{2,}|[-–—]{2,}|[^\w\s]|_"),
]
_TOKEN_RE = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in _PATTERNS))


class Token(NamedTuple):
    """A token and its code-point offsets: ``text == source[start:end]``."""

    text: str
    start: int
    end: int
    kind: str = "word"


_TRAILING = frozenset(",.;:!?)\"'")


_new_token = tuple.__new__  # builds a Token without the Python-level NamedTuple constructor (hot path)


def _regex_tokens(chunk: str, base: int) -> Iterator[Token]:
    pos = 0
    for m in _TOKEN_RE.finditer(chunk):
        if m.start() != pos:  # pragma: no cover - the alternatives cover every character
            yield Token(chunk[pos:m.start()], base + pos, base + m.start(), "other")
        pos = m.end()
        kind = m.lastgroup or "other"
        if kind != "space":
            yield _new_token(Token, (m.group(), base + m.start(), base + pos, kind))


def tokenize(text: str) -> list[Token]:
    """Tokens (no whitespace) with code-point offsets, in order, never overlapping.

    No token spans whitespace, so the text is cut at whitespace first; a chunk of letters alone (most
    syllables), or letters plus one closing punctuation mark, needs no regular expression.
    """
    out: list[Token] = []
    add = out.append
    # the chunks are `str.split()`'s (the same whitespace as the regex `\S+`: both use Unicode's isspace), each found
    # after the end of the one before: only whitespace lies between, so its first occurrence there is the chunk
    find = text.find
    end = 0
    for chunk in text.split():
        start = find(chunk, end)
        end = start + len(chunk)
        if chunk.isalpha():
            add(_new_token(Token, (chunk, start, end, "word")))
        elif chunk.isdigit() and chunk.isascii():
            # ASCII digits alone: every alternative before `number` needs a letter, a mark or a separator
            add(_new_token(Token, (chunk, start, end, "number")))
        elif len(chunk) == 1 and not chunk.isalnum() and chunk != "°":
            # one mark alone ('-', '+', '/', '…'): only `punct` takes a lone character that is no letter, digit or
            # degree sign (`\w` is a letter, a digit or '_', and '_' is `punct` too)
            add(_new_token(Token, (chunk, start, end, "punct")))
        elif chunk[-1] in _TRAILING and len(chunk) > 1 and chunk[:-1].isalpha():
            add(_new_token(Token, (chunk[:-1], start, end - 1, "word")))
            add(_new_token(Token, (chunk[-1], end - 1, end, "punct")))
        elif chunk[-1] in _TRAILING and len(chunk) > 1 and chunk[:-1].isdigit() and chunk.isascii():
            # ASCII digits and one closing mark ('45,', '2024.', '12:'): no alternative before `number` takes a digit
            # run that a lone mark ends (a time, a date, a ratio, a decimal need a digit after it)
            add(_new_token(Token, (chunk[:-1], start, end - 1, "number")))
            add(_new_token(Token, (chunk[-1], end - 1, end, "punct")))
        else:
            out.extend(_regex_tokens(chunk, start))
    return out


def iter_tokens(text: str) -> Iterator[Token]:
    """`tokenize` as an iterator."""
    return iter(tokenize(text))


class ClinicalTokenizer:
    """spaCy tokenizer wrapping `tokenize`. Serializable (no state besides the vocab)."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str):
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        toks = tokenize(text)
        for i, t in enumerate(toks):
            if t.start > pos:
                gap = text[pos:t.start]
                if words and gap == " ":
                    spaces[-1] = True
                else:
                    # keep other whitespace as its own token so the Doc text equals the input
                    if words and gap.startswith(" "):
                        spaces[-1] = True
                        gap = gap[1:]
                    if gap:
                        words.append(gap)
                        spaces.append(False)
            words.append(t.text)
            spaces.append(False)
            pos = t.end
        if pos < len(text):
            gap = text[pos:]
            if words and gap.startswith(" "):
                spaces[-1] = True
                gap = gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts, batch_size: int = 1000):
        for t in texts:
            yield self(t)

    # spaCy serialization protocol. There is no state besides the vocab, but `nlp.to_disk` gives each part a
    # path of its own and `spacy.load` reads it back: write a small file there (an empty folder used to break
    # loading), and read either form.
    def to_bytes(self, **kwargs) -> bytes:
        import srsly

        return srsly.msgpack_dumps(_SAVED_STATE)

    def from_bytes(self, data: bytes, **kwargs) -> ClinicalTokenizer:
        if data:
            import srsly

            _check_saved_state(srsly.msgpack_loads(data), "bytes")
        return self

    def to_disk(self, path, **kwargs) -> None:
        import srsly

        srsly.write_json(path, _SAVED_STATE)

    def from_disk(self, path, **kwargs) -> ClinicalTokenizer:
        from pathlib import Path

        p = Path(path)
        if p.is_file():
            import srsly

            _check_saved_state(srsly.read_json(p), str(p))
        return self


_SAVED_STATE = {"tokenizer": "vimednlp.Tokenizer.v1", "version": 1}


def _check_saved_state(data, where: str) -> None:
    if not isinstance(data, dict) or data.get("tokenizer") != _SAVED_STATE["tokenizer"]:
        raise ValueError(f"{where}: not a saved vimednlp tokenizer (expected 'tokenizer': "
                         f"{_SAVED_STATE['tokenizer']!r})")


def create_tokenizer():
    """Registered as `vimednlp.Tokenizer.v1` (entry point `spacy_tokenizers`)."""

    def make(nlp):
        return ClinicalTokenizer(nlp.vocab)

    return make


# --- spans on any spaCy tokenization ---------------------------------------------------------------
def split_at(doc, offsets) -> int:
    """Make each character offset in `offsets` a token boundary of `doc`, splitting the tokens that hold one
    (`sốt,` -> `sốt` `,` where a whitespace tokenizer made one token). Spans already in `doc.spans` and
    `doc.ents` keep their characters, labels and extension values. Returns the number of tokens split.

    Other tokenizers (spaCy's `vi` without pyvi splits on spaces only) leave punctuation on words; vimednlp's
    components call this so their spans are exact instead of growing to whole tokens.
    """
    import bisect
    from itertools import pairwise

    from spacy.tokens import SpanGroup

    starts = [t.idx for t in doc]
    cuts: dict[int, set[int]] = {}
    for off in offsets:
        i = bisect.bisect_right(starts, off) - 1
        if i >= 0 and starts[i] < off < starts[i] + len(doc[i].text):
            cuts.setdefault(i, set()).add(off - starts[i])
    if not cuts:
        return 0
    # the retokenizer moves tokens but not the spans of span groups: keep them by characters and rebuild
    groups = {key: (dict(g.attrs), [(s.start_char, s.end_char, s.label, s.kb_id, s.id) for s in g])
              for key, g in doc.spans.items()}
    ents = [(s.start_char, s.end_char, s.label, s.kb_id, s.id) for s in doc.ents]
    with doc.retokenize() as retok:
        for i, inner in cuts.items():
            tok = doc[i]
            bounds = [0, *sorted(inner), len(tok.text)]
            pieces = [tok.text[a:b] for a, b in pairwise(bounds)]
            retok.split(tok, pieces, heads=[(tok, k) for k in range(len(pieces))])

    def again(rows):
        return [doc.char_span(s, e, label=lab, kb_id=kb, span_id=sid) for s, e, lab, kb, sid in rows]

    for key, (attrs, rows) in groups.items():
        doc.spans[key] = SpanGroup(doc, name=key, attrs=attrs, spans=again(rows))
    if ents:
        doc.ents = again(ents)
    return len(cuts)


def char_spans(doc, items) -> list:
    """spaCy spans for `(start, end, label)` character spans, exact on any tokenization (`split_at` makes
    the boundaries). An item whose edge lies in whitespace grows to the token edges; one covering no token
    gives None."""
    items = list(items)
    out = [doc.char_span(s, e, label=lab) for s, e, lab in items]
    missing = [k for k, sp in enumerate(out) if sp is None]
    if missing:
        split_at(doc, [x for k in missing for x in items[k][:2]])
        for k in missing:
            s, e, lab = items[k]
            out[k] = doc.char_span(s, e, label=lab) or doc.char_span(s, e, label=lab, alignment_mode="expand")
    return out
