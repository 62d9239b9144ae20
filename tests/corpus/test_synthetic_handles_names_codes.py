"""Identifier shapes of the many-form generator's chats and comment threads: @handles of people (NAME) and pages
(ORGANIZATION), Cơ Ho / Mạ / Chu Ru names with their K'/Ka/Ya/Điểu prefix, and order, invoice and claim codes (ID);
gold spans match the text."""
from __future__ import annotations

import random
import re

from corpora.synthetic.forms import FormGen3, generate_forms

from .test_synthetic_forms import assert_exact


def _spans(genre, n=150, seed=11):
    docs = generate_forms(n, seed=seed, genres=[genre], augment=False)
    for d in docs:
        assert_exact(d)
    return [(d, s) for d in docs for s in d.spans]


def test_comment_threads_label_person_handles_as_names_and_page_handles_as_organisations():
    spans = _spans("social_thread")
    people = [s.text for _, s in spans if s.label == "NAME" and s.text.startswith("@")]
    pages = [s.text for _, s in spans if s.label == "ORGANIZATION" and s.text.startswith("@")]
    assert len(people) >= 10 and len(pages) >= 5
    for h in people + pages:
        assert re.fullmatch(r"@[a-z0-9._]+", h), h  # one token-like run: folded, lower case, no space
    assert any("." in h for h in people) and any(re.search(r"\d", h) for h in people)
    # a handle is labelled whole, the @ inside, wherever it stands: line start (author) or inside a comment (mention)
    for d, s in spans:
        if s.text.startswith("@"):
            assert d.text[s.start] == "@" and (s.end == len(d.text) or not re.match(r"[\w.]", d.text[s.end]))
    mentions = [s for d, s in spans if s.text.startswith("@") and s.start > 0 and d.text[s.start - 1] == " "]
    assert mentions


def test_southern_highland_names_keep_the_prefix_with_the_called_name():
    g = FormGen3(random.Random(3), False)
    pairs = [g.south_person() for _ in range(400)]
    for full, called in pairs:
        assert re.match(r"(K'|Ka |Ya |Ma |Thị |Điểu )", called), called
        assert called in full or called.split()[-1] in full.split(), (full, called)
    fulls = [f for f, _ in pairs]
    assert any(f.startswith("K'") and " " not in f for f in fulls)          # `K'Tơr` alone
    assert any(re.search(r" Ha \w+$", f) for f in fulls)                    # clan first, Ha before a woman's name
    assert any(re.search(r"^\w+( \w+)? K'\w+$", f) for f in fulls)          # clan first, then `K'Rơm`
    spans = _spans("group_chat", n=200)
    names = [s.text for _, s in spans if s.label == "NAME"]
    assert any(re.match(r"K'\w+", n) for n in names)
    assert any(re.match(r"(ka|k|ya) \w+", n) for n in names)                 # as heard in lower-case documents


def test_chats_carry_order_invoice_and_claim_codes_as_ids():
    spans = _spans("group_chat", n=200)
    codes = [s.text for _, s in spans if s.label == "ID" and re.fullmatch(r"[A-ZĐ]{2,3}(-[A-Z0-9]+)+|[A-ZĐ]{2,3}\d{6,9}",
                                                                            s.text)]
    assert len(codes) >= 8
    assert any(re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{2}-\d{6}-\d{4}", c) for c in codes)   # shop-branch-date-serial
    assert any(re.fullmatch(r"[A-ZĐ]{2,3}-20\d\d-\d{6}", c) for c in codes)          # prefix-year-serial
