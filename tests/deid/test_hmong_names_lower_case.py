"""A Mông name typed in lower case, with or without marks, needs no cue when its middle name is one no Vietnamese
word shares in that place ('seo', 'sếnh'): clan + middle + given ('ly seo pao', 'giàng sếnh lử'). A scar ('vết
sẹo') and the particle 'chứ' ('họ chứ gì') stay words."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_mong_names_without_cue(rules):
    text = ("ds chau chua tiem:\n1. ly seo pao 9 thang, bo o nuong\n2. vang seo chu, me di cho\n"
            "Người báo: con trai giàng sếnh lử ở bản trên.\n")
    names = " | ".join(texts(rules, text, "NAME"))
    assert "ly seo pao" in names and "vang seo chu" in names and "giàng sếnh lử" in names


def test_scar_and_particle_are_no_names(rules):
    text = "vet seo cu o bung dai 3 cm, ho chu gi ma lo\n"
    names = " | ".join(texts(rules, text, "NAME"))
    assert "seo" not in names and "chu" not in names
