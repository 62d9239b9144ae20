"""A note shortens words inside a longer name (`RL giấc ngủ`, `RL sử dụng CDTP`): the name is still found."""
from vimednlp.clinical import extract


def _found(text: str) -> dict[str, str]:
    return {s.text: s.label for s in extract(text)}


def test_rl_for_roi_loan_opens_a_disease_name():
    got = _found("CĐ: trầm cảm / TD RL giấc ngủ. Hẹn 2 tuần.")
    assert got.get("RL giấc ngủ") == "DISEASE"


def test_both_words_shortened_in_one_name():
    got = _found("TS: RL sử dụng CDTP (heroin chích từ 2010), điều trị methadone từ 2016.")
    assert got.get("RL sử dụng CDTP") == "DISEASE"


def test_stimulant_use_disorder_written_short():
    got = _found("CĐ: RL sử dụng chất kích thích tái diễn.")
    assert got.get("RL sử dụng chất kích thích") == "DISEASE"

