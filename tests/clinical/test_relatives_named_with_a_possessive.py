"""A kinship word that also addresses people (bác, chú, anh) names a relative when a possessive follows it."""

from vimednlp.clinical.extractor import extract


def _attrs(text, mention):
    for s in extract(text):
        if s.text == mention:
            return s.attrs
    raise AssertionError(f"{mention!r} not found")


def test_addressing_kin_word_with_possessive_is_family():
    assert _attrs("bác em bị tăng huyết áp lâu rồi", "tăng huyết áp").get("family")
    assert _attrs("chú mình bị đái tháo đường", "đái tháo đường").get("family")


def test_birth_order_word_and_thi_reach_the_problem():
    assert _attrs("bác cả em thì ung thư gan, mất năm ngoái", "ung thư gan").get("family")


def test_possessive_read_without_marks():
    assert _attrs("bac e bi lao nam ngoai", "lao").get("family")


def test_addressing_kin_word_alone_is_the_patient():
    assert not _attrs("bác bị tăng huyết áp 5 năm nay", "tăng huyết áp").get("family")
