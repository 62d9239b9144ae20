"""The strict profile and names written with initials, in any case: two initials or more with dots before a name
syllable ('n.q.bao', 'k.t. sim'), one initial or a surname's short form glued to it ('ng.diễm', 'y.đặng'), and a
middle initial between two removed parts of a name ('michael j. carter'); Latin short forms ('v.v.', 'a.m.'),
'x.quang' and one-letter Vietnamese words between names ('a tok o chung') stay."""
from __future__ import annotations

import pytest

import vimednlp
from tests.deid.helpers import strict_covered as covered
from tests.deid.helpers import strict_touched as touched


@pytest.mark.parametrize("text, part", [
    ("received by: n.q.bao 20/11/2026 10:15", "n.q.bao"),
    ("the mother (ms k.t. sim, 34, fifth baby) was tired", "k.t. sim"),
    ("nguoi phong van: dd ng.diễm   ngay 01/12", "ng.diễm"),
    ("— e-signed y.đặng; copied to records", "y.đặng"),
    ("ky ten: l.v.khiem", "l.v.khiem"),
])
def test_strict_removes_initials_and_a_name(text, part):
    assert covered(text, part)


@pytest.mark.parametrize("text, part", [
    ("chup x.quang phoi binh thuong", "x.quang"),
    ("uong thuoc luc 8 a.m. mai tai kham", "a.m. mai"),
    ("mang theo giay to, the bhyt v.v. nhe", "v.v."),
])
def test_strict_keeps_short_forms_that_are_no_initials(text, part):
    assert not touched(text, part)


def test_strict_removes_a_middle_initial_between_parts_of_a_name():
    out = vimednlp.deidentify("from: michael j. carter <mj.sea@example.com>", operator="tag", profile="strict").text
    assert " j." not in out


def test_strict_keeps_a_vietnamese_letter_word_between_names():
    out = vimednlp.deidentify("a yong 07:03: a hlun voi a tok o chung choi cung", operator="tag", profile="strict").text
    assert " o " in out
