"""The recognizers' vocabulary as data (resources/deid/vocab/): how a file is read, what its forms expand to, the
errors a malformed file gets, and that the shipped files say what the recognizers rely on."""
from __future__ import annotations

import re

import pytest

from vimednlp.deid.recognizers.base import Context
from vimednlp.deid.recognizers.lexicons import (
    address_unit_set,
    address_units,
    read_address_units,
    read_vocab,
    vocab,
    with_folded,
)
from vimednlp.paths import resource_path
from vimednlp.text.fold import fold_lower


def _write(tmp_path, text, name="v.yaml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_marked_words_come_with_their_unmarked_form_once():
    assert with_folded(["ngày", "tuần", "ngay", "sđt"]) == ["ngày", "ngay", "tuần", "tuan", "sđt", "sdt"]


def test_fold_and_plain_lists(tmp_path):
    v = read_vocab(_write(tmp_path, "stop: {fold: [phường, quận], plain: [tp, p.]}\nkin: [ông, bà]\n"))
    assert v["stop"] == ("phường", "phuong", "quận", "quan", "tp", "p.")
    assert v["kin"] == ("ông", "bà")  # a plain list stays as written


def test_every_scalar_stays_text(tmp_path):
    # YAML 1.1 would read these as booleans and numbers; a word list must keep them as words
    v = read_vocab(_write(tmp_path, "words: [no, on, yes, 115, y, '%']\ntable: {map: {không: 0, một: 1}}\n"))
    assert v["words"] == ("no", "on", "yes", "115", "y", "%")
    assert v["table"] == {"không": "0", "một": "1"}


def test_regex_fold_groups_and_list_references(tmp_path):
    v = read_vocab(_write(tmp_path, "verbs: [uống, tiêm]\n"
                                    "part: '(?~:sáng|chiều)'\n"
                                    "rx: '(?:{{verbs}}) lúc \\d+h {{part}}'\n"
                                    "long: {join: ['(?~:đau)', '\\s\\d/10']}\n"))
    assert v["rx"] == r"(?:uống|tiêm) lúc \d+h (?:sáng|sang|chiều|chieu)"
    assert v["long"] == r"(?:đau|dau)\s\d/10"
    rx = re.compile(v["rx"])
    assert rx.search("uống lúc 8h sang") and not rx.search("uống lúc 8h tối")


def test_records_expand_their_regex_with_the_shared_units(tmp_path):
    v = read_vocab(_write(tmp_path, "patterns:\n"
                                    "  - name: strength\n"
                                    "    regex: '\\d+\\s?(?:{{units:strength}})(?![\\w])'\n"
                                    "    needs: [mg]\n"))
    (rec,) = v["patterns"]
    assert rec["name"] == "strength" and rec["needs"] == ["mg"]
    rx = re.compile(rec["regex"])
    assert rx.fullmatch("500mg") and rx.fullmatch("40 ui") and not rx.fullmatch("12 tuổi")


@pytest.mark.parametrize("text, what", [
    ("rx: '{{missing}}'\n", "missing"),
    ("rx: '{{later}}'\nlater: [a]\n", "later"),  # a reference must point back, not forward
    ("rx: '{{nosuch:value}}'\n", "nosuch:value"),
    ("words: [[a, b]]\n", "words"),
    ("patterns:\n  - name: x\n", "patterns[0]"),
])
def test_a_malformed_entry_is_named_with_its_file(tmp_path, text, what):
    p = _write(tmp_path, text, "broken.yaml")
    with pytest.raises(ValueError) as err:
        read_vocab(p)
    assert "broken.yaml" in str(err.value) and what in str(err.value)


def test_every_shipped_vocabulary_file_loads():
    names = sorted(p.stem for p in resource_path("deid", "vocab").glob("*.yaml"))
    assert names == ["allow", "names", "places", "quasi", "spoken", "table_headers"]
    for name in names:
        v = vocab(name)
        assert v and all(isinstance(k, str) for k in v)
        for value in v.values():
            if isinstance(value, str) and ("(?" in value or "\\" in value):
                re.compile(value)  # every regex of the data compiles


def test_stop_words_hold_both_forms_of_a_marked_word():
    stop = vocab("places")["stop_tail"]
    assert {"sđt", "sdt", "tại"} <= set(stop)
    assert "tai" not in stop  # 'Tai' is 'ear' in 'Bệnh viện Tai Mũi Họng': marked only


def test_spoken_number_words_are_read_from_data():
    from vimednlp.deid.recognizers.spoken import _DIGIT, _DIGIT_FOLDED, spoken_number_end, spoken_value

    assert _DIGIT["bẩy"] == 7 and _DIGIT_FOLDED["bay"] == 7
    ctx = Context("số nhà một trăm linh hai phố Huế")
    end = spoken_number_end(ctx, 2)
    assert spoken_value(ctx, 2, end) == 102


# --- the address-unit table ---------------------------------------------------------------------------------------

def test_address_unit_rows_spell_each_unit_with_and_without_marks():
    rows = address_units()
    assert len({r["unit"] for r in rows}) == len(rows)
    for r in rows:
        assert fold_lower(r["written"]) == r["unit"]
    by_unit = {r["unit"]: r for r in rows}
    assert by_unit["tp"]["abbreviation"] == "thành phố" and by_unit["tp"]["level"] == "city"
    assert by_unit["ngo"]["level"] == "lane" and by_unit["tinh"]["level"] == "province"
    assert by_unit["phuong"]["level"] == "ward"


def test_address_unit_flags_are_the_sets_the_recognizer_reads():
    assert {"so", "lo", "phong", "p", "q"} <= address_unit_set("numeric")
    assert "duong" not in address_unit_set("numeric")  # a street takes a name
    assert {"so", "ngo", "hem", "phuong"} <= address_unit_set("spoken")
    assert address_unit_set("lower_marked", column="written") == {"phường", "quận", "huyện", "xã", "thị xã", "thị trấn"}
    assert {"thon", "ap", "to dan pho"} <= address_unit_set("headed")


def test_address_units_decide_detection():
    from vimednlp.deid.recognizers.places import LocationRecognizer

    rec = LocationRecognizer()

    def spans(text):
        return [text[c.start:c.end] for c in rec.analyze(Context(text))]

    # 'số' (numeric) needs a number: a card field is no address; a house number is
    assert not any("BHXH" in s for s in spans("Bệnh nhân có số BHXH đầy đủ."))
    assert "số 15 ngõ 89 Lạc Long Quân" in " | ".join(spans("Địa chỉ nhà riêng số 15 ngõ 89 Lạc Long Quân, Hà Nội"))
    # 'thôn' (headed): 'trưởng thôn' names the village head, not the village
    assert not any("Đinh" in s for s in spans("Gặp trưởng thôn Đinh Văn Rin để hỏi."))


def test_a_malformed_address_unit_row_names_file_line_and_column(tmp_path):
    head = "unit\twritten\tlevel\tabbreviation\tneeds_value\tnumeric\tspoken\tupper_case_ok\tadmin\theaded\tdot\tpost_level\tlower_marked"
    good = "so\tsố\thouse\t\tyes\tyes\tyes\tno\tyes\tno\tno\tno\tno"
    bad_flag = "ngo\tngõ\tstreet\t\tno\tno\tmaybe\tyes\tyes\tno\tno\tno\tno"
    p = _write(tmp_path, f"{head}\n{good}\n{bad_flag}" + "\n", "units.tsv")
    with pytest.raises(ValueError, match=r"units\.tsv:3: column 'spoken'"):
        read_address_units(p)
    p = _write(tmp_path, f"{head}\nngo\tngách\tstreet\t\tno\tno\tno\tno\tno\tno\tno\tno\tno" + "\n", "u2.tsv")
    with pytest.raises(ValueError, match=r"u2\.tsv:2: 'unit' must be 'written' without its marks"):
        read_address_units(p)
