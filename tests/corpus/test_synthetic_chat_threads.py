"""Chat exports, comment threads and voice notes of the many-form generator (corpora/synthetic/forms.py, genres
group_chat, social_thread, voice_note): the shapes of sender and comment lines, and gold spans that match the text."""
from __future__ import annotations

import re

import pytest

from corpora.synthetic.forms import CH, generate_forms
from vimednlp.schema import PHI_LABELS

from .test_synthetic_forms import assert_exact


def _docs(genre, n=120, seed=5):
    return generate_forms(n, seed=seed, genres=[genre], augment=False)


def _line_spans(d, start, end):
    return sorted((s for s in d.spans if start <= s.start and s.end <= end), key=lambda s: s.start)


@pytest.mark.parametrize("genre", ["group_chat", "social_thread", "voice_note"])
def test_built_documents_have_exact_gold_spans_with_identifiers(genre):
    for d in _docs(genre) + generate_forms(60, seed=8, genres=[genre], augment=True):
        assert_exact(d)
        assert sum(s.label in PHI_LABELS for s in d.spans) >= 3, d.id


def test_every_chat_message_opens_with_a_labelled_sender_and_its_stamp_is_one_date():
    docs = _docs("group_chat")
    stamps = []
    for d in docs:
        pos = 0
        for k, line in enumerate(d.text.split("\n")):
            start, end = pos, pos + len(line)
            pos = end + 1
            head, sep, _ = line.partition(": ")
            if not sep or (k == 0 and re.match(r"(\[Zalo\]|nhom zalo|Messenger|Zalo|WhatsApp|Viber)\b", line)):
                continue
            in_head = _line_spans(d, start, start + len(head))
            assert any(s.label == "NAME" for s in in_head), (d.id, k)
            stamps += [s.text for s in in_head if s.label == "DATE"]
    # a clock time rides with its date in one span (`05/12 19:02`, `hôm qua 21:47`, `Fri, Dec 4, 8:52 PM`)
    assert any(re.fullmatch(r"\d\d/\d\d \d\d:\d\d", t) for t in stamps)
    assert any(re.match(r"(?i)h[oô]m (qua|nay|kia) \d\d:\d\d$", t) for t in stamps)
    assert any(re.search(r"\d:\d\d [AP]M$", t) for t in stamps)


def test_sender_names_keep_a_flag_or_unit_inside_and_a_title_or_role_outside():
    docs = _docs("group_chat", n=200)
    names = [s.text for d in docs for s in d.spans if s.label == "NAME"]
    assert any(n.split()[-1] in CH["flags"] for n in names)
    assert any(" - " in n for n in names)
    titles, roles = set(CH["titles_before"]), set(CH["roles_after"])
    for d in docs:
        for s in d.spans:
            if s.label == "NAME":
                assert s.text.split()[0] not in titles - {"chị", "anh", "cô"}, (d.id, s.start)
                assert not any(s.text.endswith(" " + r) for r in roles), (d.id, s.start)
    # a title before a sender is plain text
    assert any(re.search(r"(?m)^(bs|BS|y tá|ĐD) \S", d.text) for d in docs)


def test_chat_bodies_name_third_people_in_lower_case_after_kinship_words():
    docs = _docs("group_chat", n=200)
    lower_after_kin = 0
    for d in docs:
        for s in d.spans:
            before = d.text[max(0, s.start - 6):s.start]
            if s.label == "NAME" and s.text == s.text.lower() and re.search(r"(ban|bạn|anh|vợ|vo|thằng|thang|bé|be) $", before):
                lower_after_kin += 1
    assert lower_after_kin >= 10


def test_bank_accounts_follow_bank_names_spaced_dotted_or_in_groups():
    docs = _docs("group_chat", n=200) + _docs("social_thread", n=200)
    accounts = [s.text for d in docs for s in d.spans if s.label == "ID" and s.attrs.get("kind") == "bank"]
    assert any(re.fullmatch(r"\d{4}( \d{3,6}){1,2}", a) for a in accounts)
    assert any(re.fullmatch(r"\d( \d){7,}", a) for a in accounts)
    assert any(re.fullmatch(r"\d{4}\.\d{4}\.\d{3,5}", a) for a in accounts)
    holders = [s.text for d in docs for s in d.spans if s.label == "NAME" and s.text.isupper() and len(s.text.split()) >= 2]
    assert holders and all(s == s.upper() for s in holders)


def test_comment_authors_open_their_lines_usernames_stay_unlabelled():
    docs = _docs("social_thread")
    authors = usernames = 0
    for d in docs:
        pos = 0
        for line in d.text.split("\n"):
            start = pos
            pos += len(line) + 1
            m = re.match(r"\s*(↳ )?([^:]{2,60}): ", line)
            if not m or line.startswith(("STK", "👉", "Zalo", "Nội dung", "TK ")):
                continue
            first = _line_spans(d, start, start + m.end(2))
            if re.fullmatch(r"[a-z]+[._]?[a-z]*\d+[a-z]*", m[2]):
                assert not first, (d.id, line[:20])
                usernames += 1
            elif first:
                assert first[0].start == start + m.start(2) and first[0].label in ("NAME", "ORGANIZATION"), (d.id, line[:30])
                authors += 1
    assert authors > 200 and usernames > 5


def test_voice_notes_are_lower_case_spoken_with_villages_and_their_kind_word_inside():
    docs = _docs("voice_note")
    for d in docs:
        assert d.text == d.text.lower(), d.id
        assert not re.search(r"\d", d.text), d.id
    villages = [s.text for d in docs for s in d.spans if s.label == "LOCATION"]
    kinds = tuple(k + " " for k in CH["village_kinds_north"])
    assert sum(v.startswith(kinds) for v in villages) >= 30
    orgs = {s.text for d in docs for s in d.spans if s.label == "ORGANIZATION"}
    assert orgs & {o.lower() for o in CH["foreign_orgs"] + CH["foreign_orgs_acronym"]}
