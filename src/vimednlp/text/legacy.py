"""Legacy Vietnamese encodings: TCVN3 (ABC, TCVN 5712 VN3) and VNI-Windows.

Old documents (Word files typed with .VnTime or VNI-Times fonts) reach us either as bytes or, more
often, as text that was already decoded as cp1252 / latin-1, which gives the familiar mojibake
``ViÖt Nam`` (TCVN3) or ``Vieät Nam`` (VNI). Both are detected here and converted to Unicode.

Detection (``detect_legacy``): text holding any character that only proper Unicode Vietnamese uses
(``ư ơ đ ă``, U+1EA0-U+1EF9, combining marks) is Unicode and left alone. Otherwise each candidate
conversion is tried on the whitespace-separated words it changes; it is accepted when most changed
words turn into well-formed Vietnamese syllables and clearly more of them than before. Proper
Unicode words such as ``Bà có ho`` are already syllables, so converting them gains nothing.
"""
from __future__ import annotations

import re
import unicodedata

from .alignment import Alignment
from .syllable import is_syllable

# ---- TCVN3: one byte per letter -----------------------------------------------------------------
# Byte values of the TCVN3 (ABC) code page; lower-case letters with tones only (upper-case toned
# letters do not exist in VN3: ".VnTimeH" fonts drew the lower-case codes as capitals).
_TCVN3_BYTES = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
# The same bytes as they look after a latin-1 or cp1252 decode (identical above 0x9F).
TCVN3_CHARS: dict[str, str] = {chr(b): u for b, u in _TCVN3_BYTES.items()}
_TCVN3_RE = re.compile("[" + re.escape("".join(TCVN3_CHARS)) + "]")

# ---- VNI-Windows: base letter + one or two mark bytes --------------------------------------------
# Mark bytes (lower-case form; the upper-case form is used after capitals) -> combining marks.
_GRAVE, _ACUTE, _TILDE, _HOOK, _DOT = "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"
_CIRC, _BREVE = "\u0302", "\u0306"
_VNI_TONE = {"ø": _GRAVE, "ù": _ACUTE, "õ": _TILDE, "û": _HOOK, "ï": _DOT}
_VNI_CIRC = {"â": "", "à": _GRAVE, "á": _ACUTE, "ã": _TILDE, "å": _HOOK, "ä": _DOT}
_VNI_BREVE = {"ê": "", "è": _GRAVE, "é": _ACUTE, "ü": _TILDE, "ú": _HOOK, "ë": _DOT}
_VNI_I = {"ì": "ì", "í": "í", "ó": "ĩ", "æ": "ỉ", "ò": "ị"}  # i with a tone is one byte
_VNI_D = {"ñ": "đ"}
_VNI_HORN = {"ô": "ơ", "ö": "ư", "Ô": "Ơ", "Ö": "Ư"}  # ơ / ư are one byte, tone byte after


def _both_cases(d: dict[str, str]) -> dict[str, str]:
    out = dict(d)
    out.update({k.upper(): v for k, v in d.items()})
    return out


_TONE_ALL = _both_cases(_VNI_TONE)
_CIRC_ALL = _both_cases(_VNI_CIRC)
_BREVE_ALL = _both_cases(_VNI_BREVE)
_tone_cls = re.escape("".join(_TONE_ALL))
_VNI_RE = re.compile(
    "|".join(
        [
            rf"(?P<circ>[aeoAEO])(?P<cm>[{re.escape(''.join(_CIRC_ALL))}])",
            rf"(?P<breve>[aA])(?P<bm>[{re.escape(''.join(_BREVE_ALL))}])",
            rf"(?P<horn>[ôÔöÖ])(?P<ht>[{_tone_cls}])?",
            rf"(?P<tone>[aeouyAEOUY])(?P<tm>[{_tone_cls}])",
            r"(?P<i>[ìíóæòÌÍÓÆÒ])",
            r"(?P<d>[ñÑ])",
        ]
    )
)


def _compose(base: str, *marks: str) -> str:
    return unicodedata.normalize("NFC", base + "".join(m for m in marks if m))


def _vni_piece(m: re.Match) -> str:
    g = m.lastgroup
    if m.group("circ"):
        return _compose(m.group("circ"), _CIRC, _CIRC_ALL[m.group("cm")])
    if m.group("breve"):
        return _compose(m.group("breve"), _BREVE, _BREVE_ALL[m.group("bm")])
    if m.group("horn"):
        ht = m.group("ht")
        return _compose(_VNI_HORN[m.group("horn")], _TONE_ALL[ht] if ht else "")
    if m.group("tone"):
        return _compose(m.group("tone"), _TONE_ALL[m.group("tm")])
    if m.group("i"):
        ch = m.group("i")
        out = _VNI_I[ch.lower()]
        return out.upper() if ch.isupper() else out
    if g == "d" or m.group("d"):
        return "Đ" if m.group("d") == "Ñ" else "đ"
    return m.group(0)  # pragma: no cover


# ---- conversion with alignment -------------------------------------------------------------------
_WORD_RE = re.compile(r"\S+")


def _fix_case(out: str, src: str) -> str:
    """Capitals typed with .VnTimeH-style fonts come out lower-case: re-capitalize all-caps words."""
    letters = [c for c in src if c.isascii() and c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters) and any(c.islower() for c in out):
        up = out.upper()
        if len(up) == len(out):
            return up
    return out


def _convert(text: str, pattern: re.Pattern, piece, fix_case: bool = False) -> tuple[str, Alignment]:
    out: list[str] = []
    edits: list[tuple[int, int, int]] = []
    pos = 0
    for m in pattern.finditer(text):
        out.append(text[pos:m.start()])
        rep = piece(m)
        out.append(rep)
        edits.append((m.start(), m.end(), len(rep)))
        pos = m.end()
    out.append(text[pos:])
    converted = "".join(out)
    align = Alignment.from_edits(len(text), edits)
    # restore capitals word by word (same length, so the alignment stays valid)
    if edits and fix_case:
        chars = list(converted)
        for w in _WORD_RE.finditer(converted):
            seg = converted[w.start():w.end()]
            o_s, o_e = align.to_original(w.start(), w.end())
            fixed = _fix_case(seg, text[o_s:o_e])
            if fixed != seg:
                chars[w.start():w.end()] = fixed
        converted = "".join(chars)
    return converted, align


def tcvn3_to_unicode(text: str) -> tuple[str, Alignment]:
    """Convert TCVN3 text (decoded as latin-1/cp1252) to Unicode NFC, with an alignment."""
    return _convert(text, _TCVN3_RE, lambda m: TCVN3_CHARS[m.group(0)], fix_case=True)


def vni_to_unicode(text: str) -> tuple[str, Alignment]:
    """Convert VNI-Windows text (decoded as cp1252/latin-1) to Unicode NFC, with an alignment."""
    return _convert(text, _VNI_RE, _vni_piece)


CONVERTERS = {"tcvn3": tcvn3_to_unicode, "vni": vni_to_unicode}

# Characters only proper Unicode Vietnamese produces (never a latin-1/cp1252 decode).
_UNICODE_VI_RE = re.compile("[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300-\u036f]")
_EDGE_PUNCT = "\"'()[]{}.,;:!?-/…“”‘’«»"


_ASCII_LETTER_RE = re.compile("[A-Za-z]")


def _syllable_word(w: str) -> bool:
    w = w.strip(_EDGE_PUNCT)
    return bool(w) and is_syllable(unicodedata.normalize("NFC", w))


def legacy_score(text: str, converted: str) -> tuple[int, int, int]:
    """(changed words, syllables before, syllables after) over whitespace-separated words."""
    before = text.split()
    after = converted.split()
    if len(before) != len(after):  # conversions never touch whitespace; be safe anyway
        return 0, 0, 0
    changed = v_before = v_after = 0
    for b, a in zip(before, after):
        # a lone symbol (a bullet `·`, `×`) says nothing: evidence is a word with a letter in it
        if a == b or not _ASCII_LETTER_RE.search(b):
            continue
        changed += 1
        v_before += _syllable_word(b)
        v_after += _syllable_word(a)
    return changed, v_before, v_after


# Latin-1 letters that proper Vietnamese also uses, and symbols common in Unicode clinical text that
# neither legacy encoding produces (NBSP, °, ±, ², ³): any other character of U+0080-U+00FF (Ö, ø,
# µ, ¸, ...) is evidence of a legacy decode.
_VI_LATIN1 = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý\u00a0°±²³´¯º¿")
_FOREIGN_RE = re.compile("[" + "".join(
    re.escape(chr(c)) for c in range(0x80, 0x100) if chr(c) not in _VI_LATIN1) + "]")


def _accept(changed: int, v_before: int, v_after: int) -> bool:
    if changed == 0 or v_after < max(1, 0.6 * changed):
        return False
    return v_after - v_before >= 1


def detect_legacy(text: str) -> str | None:
    """``"tcvn3"``, ``"vni"`` or None (Unicode, plain ASCII, or not recognisably Vietnamese)."""
    # Unicode Vietnamese never holds a foreign latin-1 character; text with none (``Bà có ho``) is
    # left alone even when a conversion would also read well (force ``legacy=`` for such text)
    if not _FOREIGN_RE.search(text) or _UNICODE_VI_RE.search(text):
        return None
    best, best_gain = None, 0
    for name, conv in CONVERTERS.items():
        converted, _ = conv(text)
        changed, vb, va = legacy_score(text, converted)
        if _accept(changed, vb, va) and va - vb > best_gain:
            best, best_gain = name, va - vb
    return best


# ---- bytes ---------------------------------------------------------------------------------------
def _latin(data: bytes) -> str:
    """Bytes -> text the way legacy files usually reach us: cp1252, latin-1 for its 5 holes."""
    return "".join(
        data[i:i + 1].decode("cp1252", errors="strict") if data[i] not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
        else chr(data[i])
        for i in range(len(data))
    ) if any(0x80 <= b <= 0x9F for b in data) else data.decode("latin-1")


def decode_bytes(data: bytes) -> str:
    """Decode a clinical text file: UTF-8/UTF-16 (BOM), UTF-8, else TCVN3, VNI or Windows-1258.

    Raises ``UnicodeDecodeError`` (a ``ValueError``) naming the first bad byte and the encodings
    tried when the bytes are none of these.
    """
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"decode_bytes expects bytes, got {type(data).__name__}")
    data = bytes(data)
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_err = err
    if b"\x00" not in data:
        text = _latin(data)
        if not _UNICODE_VI_RE.search(text):
            name = detect_legacy(text)
            if name is not None:
                return CONVERTERS[name](text)[0]
        try:
            cp1258 = unicodedata.normalize("NFC", data.decode("cp1258"))
        except UnicodeDecodeError:
            cp1258 = None
        if cp1258 is not None:
            words = cp1258.split()
            vi = [w for w in words if _UNICODE_VI_RE.search(w)]
            if vi and sum(_syllable_word(w) for w in vi) >= max(1, 0.6 * len(vi)):
                return cp1258
    pos = utf8_err.start
    raise UnicodeDecodeError(
        "utf-8",
        data,
        pos,
        pos + 1,
        f"byte 0x{data[pos]:02x} at offset {pos} is not UTF-8, and the {len(data)} bytes are not "
        "recognisable as TCVN3, VNI-Windows or Windows-1258 Vietnamese text; decode them yourself "
        "with the right codec (data.decode(...)) and pass the text",
    )
