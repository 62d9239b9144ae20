"""Word-segmentation boundaries for syllable tokens (`bệnh viện` is one word of two syllables).

Uses `vimednlp.text.word_segment` when the text room provides it, else underthesea's
`word_tokenize` (imported lazily: it imports torch and writes ~/.underthesea). The words are aligned
back to the syllable tokens by character offsets, so any segmenter that keeps the syllables works.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from ..text.tokenizer import Token

Segmenter = Callable[[str], list[str]]


def default_segmenter() -> Segmenter:
    try:  # the text room's segmenter, when it exists
        from ..text import word_segment as _ws  # type: ignore[attr-defined]

        if callable(_ws):
            def seg(text: str) -> list[str]:
                out = _ws(text)
                return [w if isinstance(w, str) else getattr(w, "text", str(w)) for w in out]

            return seg
    except ImportError:
        pass
    try:
        from underthesea import word_tokenize
    except ImportError as e:  # pragma: no cover - underthesea is a core dependency
        raise ImportError("word segmentation needs underthesea (pip install underthesea)") from e

    def seg(text: str) -> list[str]:
        return word_tokenize(text)

    return seg


def word_positions(text: str, tokens: Sequence[Token], segmenter: Segmenter) -> list[tuple[int, str]]:
    """For each token: (index of its word, 'B' if it starts the word else 'I').

    Words are found in `text` syllable by syllable; a syllable the segmenter changed (normalization)
    simply starts a new word, so alignment never fails."""
    word_of_char = [-1] * len(text)
    pos = 0
    for wi, word in enumerate(segmenter(text) if text.strip() else []):
        for syl in word.replace("_", " ").split():
            j = text.find(syl, pos)
            if j < 0 or j - pos > 50:  # not found nearby: leave these characters unassigned
                continue
            for c in range(j, j + len(syl)):
                word_of_char[c] = wi
            pos = j + len(syl)
    out: list[tuple[int, str]] = []
    prev = None
    fresh = 10**9
    for t in tokens:
        w = word_of_char[t.start] if t.start < len(word_of_char) else -1
        if w < 0:
            fresh += 1
            w = fresh
        out.append((w, "I" if w == prev else "B"))
        prev = w
    return out
