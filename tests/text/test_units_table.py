"""The one units table (resources/units.tsv) that clinical extraction and de-identification both read."""
from __future__ import annotations

import pytest

from vimednlp.text.units import read_units_table, units


def test_each_use_is_a_column_in_table_order():
    assert units("strength") == ("mg", "mcg", "µg", "ug", "g", "ml", "ui", "iu", "%")
    value = units("value")
    # a unit comes before any unit it is a prefix of: 'mg/dl' must be tried before 'mg'
    assert value.index("mg/dl") < value.index("mg") and value.index("giọt/phút") < value.index("giọt")
    with pytest.raises(KeyError, match="no column 'weight'"):
        units("weight")


def test_a_malformed_row_names_file_line_and_column(tmp_path):
    p = tmp_path / "units.tsv"
    p.write_text("unit\tdose\tresult\nmg\tyes\tno\nml\tyes\tperhaps\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"units\.tsv:3: column 'result' must be yes or no"):
        read_units_table(p)
    p.write_text("unit\tdose\tresult\nmg\tyes\tno\n", encoding="utf-8")
    assert read_units_table(p) == (("dose", "result"), (("mg", frozenset({"dose"})),))


def test_clinical_doses_and_results_read_the_shared_units():
    from vimednlp.clinical.patterns import PatternRules

    rules = PatternRules()
    assert rules.strength.search("paracetamol 500mg")
    assert rules.value.search("creatinin 98 µmol/l")
    assert "mmol/l" in rules.result_only and "mg/kg" in rules.dose_only and "mg" in rules.result_units


def test_a_clinical_pattern_file_may_still_list_its_own_units(tmp_path):
    from vimednlp.clinical.patterns import PatternRules
    from vimednlp.paths import resource_path

    text = resource_path("clinical", "patterns.yaml").read_text(encoding="utf-8")
    p = tmp_path / "patterns.yaml"
    p.write_text(text + "\ndose_units: [viên nén]\n", encoding="utf-8")
    rules = PatternRules(p)
    assert rules.strength.search("2 vien nen") and not rules.strength.search("paracetamol 500mg")


def test_deid_keeps_values_with_shared_units_out_of_phi():
    from vimednlp.deid.recognizers.allow import allow_spans
    from vimednlp.deid.recognizers.base import Context

    text = "Creatinin 98 µmol/L, mạch 90 lần/phút, uống 1/2 viên."
    got = {(text[s:e], why) for s, e, why in allow_spans(Context(text))}
    assert ("98 µmol/L", "value with unit") in got
    assert ("90 lần/phút", "value with unit") in got
    assert ("1/2 viên", "dose fraction") in got
