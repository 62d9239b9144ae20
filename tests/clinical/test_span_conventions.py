"""Span conventions: the annotation guidelines' (default) and the public corpora's wider one (`spans="public"`)."""
from __future__ import annotations

import json
from itertools import pairwise

import pytest
from click.testing import CliRunner

from vimednlp import extract


def texts(text: str, label: str, **kw) -> list[str]:
    return [s.text for s in extract(text, **kw) if s.label == label]


def test_guidelines_keep_site_and_character_in_a_symptom():
    # guidelines §3 SYMPTOM: attached site and character stay inside
    assert texts("Bệnh nhân đau ngực trái, ho khan.", "SYMPTOM") == ["đau ngực trái", "ho khan"]


@pytest.mark.parametrize("text, label, guidelines, public", [
    ("Chẩn đoán: viêm phổi hai bên.", "DISEASE", "viêm phổi", "viêm phổi hai bên"),
    ("Tràn dịch màng phổi hai bên, phù hai chân.", "DISEASE", "Tràn dịch màng phổi", "Tràn dịch màng phổi hai bên"),
])
def test_public_convention_takes_the_side_and_modifiers(text, label, guidelines, public):
    assert guidelines in texts(text, label)
    assert public in texts(text, label, spans="public")


def test_public_convention_never_runs_into_the_next_mention():
    text = "Ho nhiều, sốt cao, đau bụng."
    pub = [(s.start, s.end) for s in extract(text, spans="public")]
    assert all(e1 <= s2 for (_, e1), (s2, _) in pairwise(pub))


def test_unknown_convention_is_an_error():
    with pytest.raises(ValueError, match="spans='wide'"):
        extract("sốt", spans="wide")


def test_cli_spans_option(tmp_path):
    from vimednlp.cli import cli

    note = tmp_path / "note.txt"
    note.write_text("Chẩn đoán: viêm phổi hai bên.", encoding="utf-8")
    res = CliRunner().invoke(cli, ["extract", str(note), "--spans", "public", "-q"])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.output.strip().splitlines()[0])
    assert [s["text"] for s in rec["spans"] if s["label"] == "DISEASE"] == ["viêm phổi hai bên"]


@pytest.mark.parametrize("text, span, label", [
    ("Phổi: ran rít ran ngáy hai bên, ran ẩm đáy P.", "ran rít ran ngáy hai bên", "SYMPTOM"),
    ("Dặn: đưa bé đi cấp cứu ngay nếu li bì khó đánh thức.", "li bì khó đánh thức", "SYMPTOM"),
    ("CĐ: loét bàn chân ĐTĐ độ 2 / THA.", "loét bàn chân ĐTĐ", "DISEASE"),
])
def test_signs_written_one_after_the_other_are_one_finding(text, span, label):
    got = [(s.text, s.label) for s in extract(text)]
    assert any(t.startswith(span) and lab == label for t, lab in got), got


def test_signs_apart_by_a_comma_stay_apart():
    got = [s.text for s in extract("Bé sốt, ho, sổ mũi 2 ngày.") if s.label == "SYMPTOM"]
    assert got == ["sốt", "ho", "sổ mũi"]


@pytest.mark.parametrize("text, span", [
    ("Mất máu 300 ml, truyền 1 đơn vị hồng cầu khối trong mổ.", "truyền 1 đơn vị hồng cầu khối"),
    ("Hb 7,9 g/dL → đã truyền 2 đv khối HC nhóm O+, không phản ứng.", "truyền 2 đv khối HC"),
    ("Tiểu cầu 12 G/L, truyền 1 túi tiểu cầu.", "truyền 1 túi tiểu cầu"),
])
def test_a_transfusion_counted_in_units_is_one_procedure(text, span):
    got = [(s.text, s.label) for s in extract(text)]
    assert (span, "PROCEDURE") in got
    assert not [t for t, lab in got if lab == "DOSAGE"]


def test_a_raw_transcript_without_punctuation_keeps_its_signs_apart():
    text = ("bệnh nhân nữ hai mươi tuổi một tuần nay mệt hai ngày nay nôn nhiều đau bụng thượng vị chiều nay thở nhanh "
            "em cho truyền dịch rồi theo dõi tiếp")
    got = [s.text for s in extract(text) if s.label == "SYMPTOM"]
    assert "nôn nhiều" in got and any(t.startswith("đau bụng") for t in got)
