"""The bare year of a past illness or treatment, in the same clause as its verb ('HIV phát hiện 2017', 'viêm gan C
đã điều trị SOF/DAC 2022', 'mổ ruột thừa 2015') is a DATE; a number after the same verbs that is a value or a
range is not ('điều trị 2000 ml dịch', 'phát hiện 2000 - 3000 tế bào'), nor a year in the next clause."""
from __future__ import annotations

from tests.deid.helpers import texts


def test_year_of_a_past_illness_or_treatment(rules):
    text = ("Tiền sử: tăng huyết áp phát hiện 2019, đang uống amlodipin. Viêm gan B đã điều trị TDF 2021, "
            "ổn định. Mổ ruột thừa 2015 tại huyện.")
    dates = texts(rules, text, "DATE")
    assert "2019" in dates and "2021" in dates and "2015" in dates


def test_values_and_other_clauses_are_no_year(rules):
    text = "Đã điều trị 2000 ml dịch truyền. Phát hiện 2000 - 3000 tế bào/mm3. Được điều trị. 2018 mg"
    assert texts(rules, text, "DATE") == []


def test_year_of_a_family_event_in_a_social_history(rules):
    text = ("Hoàn cảnh: cha mất 2019 do tai nạn, cha mẹ ly hôn 2016, mẹ đi tù 2021. "
            "Her mother passed away in 2023 after a long illness; parents divorced in 2015.")
    dates = texts(rules, text, "DATE")
    for year in ("2019", "2016", "2021", "2023", "2015"):
        assert year in dates, year


def test_a_loss_that_is_a_value_is_no_year(rules):
    text = "Bé mất 2000 ml máu khi chuyển viện. Mẹ mất ngủ, cân nặng 2019 g lúc sinh."
    assert texts(rules, text, "DATE") == []
