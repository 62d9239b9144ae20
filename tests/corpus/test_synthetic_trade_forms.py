"""Border trade, south-central uplands and hospital software in the many-form generator (corpora/synthetic/trade.py):
Chinese names and organisations in Hanzi, pinyin and the Sino-Vietnamese reading, Raglai and Chăm names, facility
codes repeated down a table, software account names, sentences opened by the patient's given name; gold spans exact."""
from __future__ import annotations

import random
import re

from corpora.synthetic import trade
from corpora.synthetic.forms import generate_forms

from .test_synthetic_forms import assert_exact

HANZI = re.compile(r"[\u4E00-\u9FFF]")


def _spans(genre, n=60, seed=7, augment=False):
    docs = generate_forms(n, seed=seed, genres=[genre], augment=augment)
    for d in docs:
        assert_exact(d)
    return docs, [(d, s) for d in docs for s in d.spans]


def test_chinese_people_and_companies_come_in_three_scripts():
    docs, spans = _spans("border_trade")
    names = [s.text for _, s in spans if s.label == "NAME"]
    orgs = [s.text for _, s in spans if s.label == "ORGANIZATION"]
    assert sum(bool(HANZI.search(n)) for n in names) >= 20
    assert any(re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+", n) and not re.search(r"[^\x00-\x7f]", n) for n in names)  # pinyin
    assert any(HANZI.search(o) and o.endswith("有限公司") for o in orgs)
    assert any(re.search(r"Youxian Gongsi|Co\.,? Ltd|CO\., LTD", o) for o in orgs)
    assert any(o.startswith(("Công ty TNHH", "Cty TNHH", "công ty")) for o in orgs)
    # no Hanzi is left outside a span except the form's own headings
    for d in docs:
        covered = set()
        for s in d.spans:
            covered.update(range(s.start, s.end))
        for m in HANZI.finditer(d.text):
            if m.start() not in covered:
                assert d.text[m.start():m.start() + 1] in "健康申报卡姓名护照单位地址转院证明", (d.id, m[0])


def test_one_chinese_person_keeps_one_reading_across_scripts():
    r = random.Random(3)
    for _ in range(200):
        p = trade.cn_person(r)
        assert len(p["hanzi"]) == len(p["viet"].split())  # one syllable per character
        assert p["viet"].split()[-1] == p["viet_given"]


def test_raglai_and_cham_names_and_villages_appear_in_records_and_lower_case_chats():
    docs, spans = _spans("south_central", n=80, augment=True)
    names = [s.text for _, s in spans if s.label == "NAME"]
    assert any(n.split()[0] in ("Chamaléa", "Katơr", "Pinăng", "Mấu") for n in names)
    assert any(n.startswith(("Thiên Sanh", "Quảng Đại", "Đàng")) for n in names)
    locs = [s.text for _, s in spans if s.label == "LOCATION"]
    assert any(lo.lower().startswith(("thôn", "thon")) for lo in locs)
    assert any(d.text == d.text.lower() for d in docs)  # some whole documents in lower case


def test_facility_code_and_name_repeat_down_a_table_and_accounts_are_names():
    docs, spans = _spans("facility_table", n=40)
    repeated = 0
    for d in docs:
        ids = [s.text for s in d.spans if s.label == "ID" and re.fullmatch(r"[A-Z]*\d{3,5}", s.text)]
        repeated += len(ids) >= 3 and len(set(ids)) == 1
    assert repeated >= 30
    accounts = [s.text for _, s in spans if s.label == "NAME" and re.fullmatch(r"[a-z0-9._]+", s.text)]
    assert len(set(accounts)) >= 30
    assert any("." in a or "_" in a for a in accounts)
    assert any(s.label == "ORGANIZATION" and s.text == s.text.lower() for _, s in spans)


def test_narratives_open_sentences_with_the_patients_given_name():
    docs, spans = _spans("narrative", n=60)
    opened = 0
    for d in docs:
        for s in d.spans:
            if s.label == "NAME" and " " not in s.text and re.search(r"(\. |\n|: )$", d.text[:s.start]):
                opened += 1
    assert opened >= 40
    assert any(s.label == "NAME" and re.fullmatch(r"[A-ZĐÊÔƠƯ][^\s-]*(-[^\s-]+)+( [^\s]+)?", s.text) for _, s in spans)
