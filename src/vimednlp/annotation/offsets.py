"""UTF-16 <-> code-point offsets for Label Studio. The conversion itself lives in one place,
`vimednlp.corpus.labelstudio` (the corpus converter); this module only re-exports it for the annotation room."""
from __future__ import annotations

from ..corpus.labelstudio import Utf16Index, from_utf16, to_utf16

__all__ = ["Utf16Index", "from_utf16", "to_utf16"]
