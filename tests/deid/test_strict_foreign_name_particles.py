"""The strict profile and a particle inside a foreign name or organisation written in lower case ('medecins du
monde', 'pierre de lune'): between two foreign words the particle goes with them; a Vietnamese 'du' ('đi du lịch')
stays."""
from __future__ import annotations

from vimednlp.deid.strict import strict_spans


def removed_words(text: str) -> set[str]:
    return {w for s in strict_spans(text, []) for w in s.text.split()}


def test_strict_removes_a_particle_between_foreign_words():
    got = removed_words("doan kham cua to chuc medecins du monde den tram sang nay")
    assert {"medecins", "du", "monde"} <= got


def test_strict_keeps_a_vietnamese_du():
    assert "du" not in removed_words("sau khi đi du lịch về thì bé bắt đầu sốt")
