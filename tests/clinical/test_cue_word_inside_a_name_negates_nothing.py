"""A word that holds a negation cue but negates nothing: `không gian` (space), `not` inside a symptom's own name."""
from vimednlp.clinical import extract


def _negated(text: str) -> dict[str, bool]:
    return {s.text: bool(s.attrs.get("negated")) for s in extract(text)}


def test_orientation_in_time_and_space_is_no_negation():
    got = _negated("Khám: tỉnh, định hướng được thời gian không gian, cảm xúc bất ổn, dễ cáu gắt.")
    assert got.get("dễ cáu gắt") is False


def test_space_word_keeps_a_real_negation_after_it():
    got = _negated("Định hướng không gian tốt, không sốt, không ho.")
    assert got.get("sốt") is True


def test_not_inside_a_symptom_name_negates_no_later_symptom():
    got = _negated("Return at once if he develops confusion, seeing things that are not there, seizure or high fever.")
    assert got.get("seizure") is False
    assert got.get("high fever") is False


def test_bare_english_negation_still_reaches_its_list():
    got = _negated("No fever, chills or cough.")
    assert got.get("cough") is True
