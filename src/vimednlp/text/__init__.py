"""Vietnamese text: offset-keeping normalization, accent folding, legacy encodings, tokenization, word segmentation, sentences, abbreviations."""
from .abbreviations import Abbreviation, abbreviations, expand, lookup
from .alignment import Alignment
from .canonical import CanonicalView, canonical_view
from .fold import fold, fold_lower, has_diacritics
from .legacy import decode_bytes, detect_legacy, tcvn3_to_unicode, vni_to_unicode
from .normalize import NormalizedText, normalize
from .segment import Word, segment_tokens, set_doc_words, word_ids, word_segment
from .sentences import split_sentences
from .syllable import is_syllable, place_tone
from .tokenizer import ClinicalTokenizer, Token, create_tokenizer, iter_tokens, tokenize

__all__ = [
    "Abbreviation", "Alignment", "CanonicalView", "ClinicalTokenizer", "NormalizedText", "Token", "Word",
    "abbreviations", "canonical_view", "create_tokenizer", "decode_bytes", "detect_legacy", "expand", "fold",
    "fold_lower", "has_diacritics", "is_syllable", "iter_tokens", "lookup", "normalize",
    "place_tone", "segment_tokens", "set_doc_words", "split_sentences", "tcvn3_to_unicode",
    "tokenize", "vni_to_unicode", "word_ids", "word_segment",
]
