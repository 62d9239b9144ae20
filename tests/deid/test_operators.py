"""Operators over realistic notes with gold spans: nothing identifying survives, outputs are keyed,
deterministic and consistent, and reversible exactly where they should be."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from vimednlp.deid import Deidentifier, decrypt, deidentify, get_operator
from vimednlp.deid.vault import DeidKeyError
from vimednlp.schema import Span
from vimednlp.text.fold import fold_lower

_spec = importlib.util.spec_from_file_location("deid_notes", Path(__file__).with_name("test_operators_notes.py"))
notes_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(notes_mod)
NOTES = notes_mod.notes()
OPERATORS = ["tag", "mask", "redact", "hash", "encrypt", "surrogate"]
KEY = "khoa-bi-mat-cua-benh-vien-2024"


def survivors(output: str, gold: list[Span]) -> list[str]:
    """Identifier strings of 3+ characters still present (as whole words, ignoring case and accents)."""
    out = fold_lower(output)
    left = []
    for s in gold:
        v = s.text.strip()
        if len(v) < 3:
            continue
        if re.search(r"(?<!\w)" + re.escape(fold_lower(v)) + r"(?!\w)", out):
            left.append(v)
    return left


@pytest.mark.parametrize("operator", OPERATORS)
def test_no_identifier_survives_any_operator(operator):
    deid = Deidentifier(operator, key=KEY, numbered=True)
    total = 0
    for name, text, gold in NOTES:
        res = deid(text, spans=gold, patient_id=name.split("-")[0])
        assert survivors(res.text, gold) == [], (name, operator)
        assert len(res.spans) == len(gold)
        total += len(gold)
    assert total > 300


def test_tag_plain_and_numbered():
    text, gold = notes_mod.parse("Ông {NAME|Nguyễn Văn An} đưa vợ là {NAME|Lê Thị Hoa} đi khám; ông {NAME|An} ký giấy. "
                                 "{NAME|Lê Thị Hoa} có {PHONE|0912 345 678}.")
    assert deidentify(text, "tag", spans=gold).text == (
        "Ông [NAME] đưa vợ là [NAME] đi khám; ông [NAME] ký giấy. [NAME] có [PHONE].")
    assert deidentify(text, "tag", spans=gold, numbered=True).text == (
        "Ông [NAME_1] đưa vợ là [NAME_2] đi khám; ông [NAME_1] ký giấy. [NAME_2] có [PHONE_1].")


def test_mask_keeps_separators_and_length():
    text, gold = notes_mod.parse("SĐT {PHONE|0912.345.678}, tên {NAME|Trần Thị Mai}")
    res = deidentify(text, "mask", spans=gold)
    assert res.text == "SĐT ****.***.***, tên **** *** ***"
    res = deidentify(text, {"type": "mask", "char": "#"}, spans=gold)
    assert res.text == "SĐT ####.###.###, tên #### ### ###"


def test_redact_removes():
    text, gold = notes_mod.parse("Bệnh nhân {NAME|Trần Thị Mai}, {AGE|34 tuổi}.")
    assert deidentify(text, "redact", spans=gold).text == "Bệnh nhân , ."


def test_hash_is_keyed_deterministic_and_prefixed():
    text, gold = notes_mod.parse("Bà {NAME|Trần Thị Mai} và bà {NAME|TRẦN THỊ MAI}, {PHONE|0912 345 678} / {PHONE|+84 912345678}")
    a = deidentify(text, "hash", spans=gold, key="khoa-thu-nghiem-so-mot-2024")
    b = deidentify(text, "hash", spans=gold, key="khoa-thu-nghiem-so-mot-2024")
    c = deidentify(text, "hash", spans=gold, key="khoa-thu-nghiem-so-hai-2024")
    assert a.text == b.text != c.text
    tokens = re.findall(r"[A-Z]+_[0-9a-f]{12}", a.text)
    assert len(tokens) == 4
    assert tokens[0] == tokens[1]  # case does not make another person
    assert tokens[2] == tokens[3]  # +84 and 0 forms are one number
    assert tokens[0].startswith("NAME_") and tokens[2].startswith("PHONE_")


def test_encrypt_roundtrip_and_wrong_key():
    for name, text, gold in NOTES[:12]:
        res = deidentify(text, "encrypt", spans=gold, key=KEY)
        assert "[ENC:" in res.text
        assert decrypt(res.text, KEY) == text
    with pytest.raises(DeidKeyError):
        decrypt(res.text, "another key")


def test_same_input_same_key_same_output_for_every_operator():
    for op in OPERATORS:
        outs = {deidentify(text, op, spans=gold, key=KEY, patient_id="P9").text for _, text, gold in NOTES[:3]
                for _ in range(2)}
        assert len(outs) == 3, op  # three notes, each twice: identical repeats
        other = {deidentify(text, op, spans=gold, key="mot-khoa-khac-hoan-toan-2024", patient_id="P9").text for _, text, gold in NOTES[:3]}
        if op in ("hash", "encrypt", "surrogate"):
            assert not outs & other, op


def test_per_label_operators_and_labels_filter():
    text, gold = notes_mod.parse("Bà {NAME|Trần Thị Mai}, {AGE|34 tuổi}, vào viện {DATE|05/03/2024}, SĐT {PHONE|0912 345 678}.")
    res = deidentify(text, "tag", spans=gold, key=KEY, operators={"DATE": "surrogate", "PHONE": "mask", "AGE": "keep"})
    assert "[NAME]" in res.text and "34 tuổi" in res.text and "**** *** ***" in res.text
    assert "05/03/2024" not in res.text and re.search(r"\d\d/\d\d/\d{4}", res.text)
    only_names = deidentify(text, "tag", spans=gold, labels=["NAME"])
    assert only_names.text == "Bà [NAME], 34 tuổi, vào viện 05/03/2024, SĐT 0912 345 678."
    assert [s.label for s in only_names.spans] == ["NAME"]


def test_bad_operator_and_label_are_clear_errors():
    with pytest.raises(ValueError, match="unknown operator"):
        get_operator("scramble")
    with pytest.raises(ValueError, match="unknown PHI label"):
        Deidentifier("tag", labels=["NAMES"])
    with pytest.raises(ValueError, match="bad parameters"):
        get_operator({"type": "mask", "colour": "red"})


def test_spans_out_of_range_are_rejected():
    with pytest.raises(ValueError, match="ends past the text"):
        deidentify("ngắn", "tag", spans=[Span(0, 50, "NAME")])
    with pytest.raises(ValueError, match="does not match"):
        deidentify("Bà Mai", "tag", spans=[Span(3, 6, "NAME", "Lan")])


def test_hash_tokens_ignore_diacritics_and_need_the_stretched_key():
    import hashlib
    import hmac

    text = "BN Nguyễn Văn An; ký tên Nguyen Van An."
    spans = [Span(3, 16, "NAME"), Span(25, 38, "NAME")]
    res = deidentify(text, "hash", spans=spans, key=KEY)
    a, b = (res.text[r["start"]:r["end"]] for r in res.replacements)
    assert a == b and a.startswith("NAME_")  # one person, written with and without marks
    # a guessed key cannot be checked with one fast HMAC of the key over the value
    for guess_key in (KEY.encode(), hmac.new(b"vimednlp-deid-v1", KEY.encode(), hashlib.sha256).digest()):
        sub = hmac.new(guess_key, b"hash", hashlib.sha256).digest()
        fast = hmac.new(sub, "\x1f".join(["NAME", "nguyen van an"]).encode(), hashlib.sha256).hexdigest()[:12]
        assert a != f"NAME_{fast}"
