"""Surrogates: valid structure (checked by the detector's own validators), gender, style, address
scheme, date formats and intervals, consistency per patient and across runs (vault), re-identification."""
from __future__ import annotations

import datetime as dt
import importlib.util
import random
import re
from pathlib import Path

import pytest

from vimednlp.deid import Deidentifier, Vault, deidentify, reidentify
from vimednlp.deid.dates import shift_dates
from vimednlp.deid.surrogates import admin_units, guess_gender
from vimednlp.deid.vault import DeidKeyError
from vimednlp.schema import Span
from vimednlp.text.fold import fold_lower, has_diacritics

validators = pytest.importorskip("vimednlp.deid.validators")

_spec = importlib.util.spec_from_file_location("deid_notes", Path(__file__).with_name("test_operators_notes.py"))
notes_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(notes_mod)
KEY = "khoa-bi-mat-thu-nghiem-2024"


def one(text: str, label: str, value: str, key: str = KEY, pid: str | None = "P1", **kw) -> str:
    """The surrogate of `value` (the only span in `text`)."""
    i = text.index(value)
    res = deidentify(text, "surrogate", spans=[Span(i, i + len(value), label, **kw)], key=key, patient_id=pid)
    r = res.replacements[0]
    return res.text[r["start"]:r["end"]]


def _rand_cccd(rng):
    prov = rng.choice(sorted(validators.province_codes()))
    return "0" + prov + str(rng.randrange(4)) + f"{rng.randrange(100):02d}" + "".join(rng.choice("0123456789") for _ in range(6))


def test_surrogate_ids_pass_the_validators():
    rng = random.Random(7)
    groups = sorted(validators.bhyt_group_codes())
    provs = sorted(validators.province_codes())
    mobiles = sorted(validators.mobile_prefixes())
    for i in range(40):
        cccd = _rand_cccd(rng)
        if not validators.is_valid_cccd(cccd):
            continue
        s = one(f"CCCD {cccd}.", "ID", cccd, pid=f"p{i}", attrs={"kind": "cccd"})
        assert validators.is_valid_cccd(s) and s != cccd, s
        assert validators.cccd_birth_info(s)[1] == validators.cccd_birth_info(cccd)[1]  # gender digit kept
        bhyt = rng.choice(groups) + str(rng.randrange(1, 6)) + rng.choice(provs) + rng.choice(provs) + f"{rng.randrange(10**8):08d}"
        spaced = f"{bhyt[:2]} {bhyt[2]} {bhyt[3:5]} {bhyt[5:7]} {bhyt[7:10]} {bhyt[10:]}"
        for form in (bhyt, spaced):
            s = one(f"Thẻ BHYT {form}", "ID", form, pid=f"p{i}", attrs={"kind": "bhyt"})
            assert validators.is_valid_bhyt(s) and s != form, s
            assert [m.start() for m in re.finditer(" ", s)] == [m.start() for m in re.finditer(" ", form)]
            assert s[:3] == form[:3]  # group code and benefit level kept
        bhxh = rng.choice(provs) + f"{rng.randrange(10**8):08d}"
        s = one(f"Số BHXH {bhxh}", "ID", bhxh, pid=f"p{i}", attrs={"kind": "bhxh"})
        assert validators.is_valid_bhxh(s) and s != bhxh
        cmnd = f"0{rng.randrange(1, 10)}{rng.randrange(10**7):07d}"
        s = one(f"CMND {cmnd}", "ID", cmnd, pid=f"p{i}", attrs={"kind": "cmnd"})
        assert validators.is_valid_cmnd(s) and s != cmnd
        plate = f"{rng.choice(['29', '30', '51', '43'])}{rng.choice('ABCDEFGH')}-{rng.randrange(100, 999)}.{rng.randrange(10, 99)}"
        s = one(f"biển số {plate}", "ID", plate, pid=f"p{i}", attrs={"kind": "plate"})
        assert validators.is_valid_plate(s) and s != plate and re.fullmatch(r"\d\d[A-Z]-\d{3}\.\d\d", s), s
        phone = rng.choice(mobiles) + f"{rng.randrange(10**7):07d}"
        for form in (phone, f"{phone[:4]} {phone[4:7]} {phone[7:]}", f"{phone[:4]}.{phone[4:7]}.{phone[7:]}",
                     f"+84 {phone[1:4]} {phone[4:]}"):
            s = one(f"SĐT {form}", "PHONE", form, pid=f"p{i}")
            assert validators.is_valid_phone(s) and s != form, (form, s)
            assert re.sub(r"\d", "9", s) == re.sub(r"\d", "9", form)  # separators and length kept
            assert validators.normalize_phone(s)[:3] == validators.normalize_phone(form)[:3]  # network kept
    s = one("ĐT (028) 3855 4269", "PHONE", "(028) 3855 4269")
    assert s.startswith("(028) ") and validators.is_valid_phone(s)


def test_cccd_birth_year_follows_the_shifted_birth_date():
    text, gold = notes_mod.parse("Ngày sinh {DATE|12/03/1979}, CCCD {ID:cccd|001079012345}.")
    res = deidentify(text, "surrogate", spans=gold, key=KEY, patient_id="P7")
    year = int(re.search(r"\d\d/\d\d/(\d{4})", res.text).group(1))
    cccd = re.search(r"\d{12}", res.text).group()
    # the CCCD knows the birth year, not the day: its year follows the shifted middle of that year,
    # so it may differ by one from a date of birth early or late in the year
    assert validators.is_valid_cccd(cccd) and abs(validators.cccd_birth_info(cccd)[0] - year) <= 1
    assert validators.cccd_birth_info(cccd)[0] != 1979


def test_names_keep_gender_structure_and_style():
    for orig, cue, marker in [("Nguyễn Văn Hùng", "ông", "Văn"), ("Trần Thị Mai", "bà", "Thị"), ("Lê Văn An", "", "Văn")]:
        s = one(f"Bệnh nhân {cue} {orig} vào viện.", "NAME", orig)
        assert len(s.split()) == 3 and s.split()[1] == marker and s != orig
    # given name alone after a kinship cue keeps the cue's gender
    for i in range(20):
        s = one("Con trai là anh Minh.", "NAME", "Minh", pid=f"g{i}")
        assert guess_gender(s) == "M", s
        s = one("Con gái là chị Ngọc.", "NAME", "Ngọc", pid=f"g{i}")
        assert guess_gender(s) == "F", s
    up = one("HỌ TÊN: NGUYỄN THỊ LAN, 40 TUỔI", "NAME", "NGUYỄN THỊ LAN")
    assert up.isupper() and up.split()[1] == "THỊ"
    plain = one("benh nhan nguyen van nam, 40 tuoi, o xa tan phu, vao vien vi dau bung", "NAME", "nguyen van nam")
    assert plain.islower() and not has_diacritics(plain) and plain.split()[1] == "van"


def test_bare_given_name_follows_its_full_name():
    text, gold = notes_mod.parse("Bệnh nhân {NAME|Nguyễn Văn An} vào viện. Anh {NAME|An} than đau bụng.")
    res = deidentify(text, "surrogate", spans=gold, key=KEY, patient_id="P2")
    full, bare = (res.text[r["start"]:r["end"]] for r in res.replacements)
    assert full.split()[-1] == bare


def test_consistency_across_a_patients_documents_and_difference_between_people():
    deid = Deidentifier("surrogate", key=KEY)
    a1 = one("BN Nguyễn Văn Hùng, 58 tuổi", "NAME", "Nguyễn Văn Hùng", pid="P1")
    a2 = deid("Tái khám: ông NGUYỄN VĂN HÙNG khỏe.", spans=[Span(14, 29, "NAME")], patient_id="P1").text
    assert a1.upper() in a2
    # 60 different people in one document -> 60 different surrogates
    rng = random.Random(3)
    fam = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng"]
    given = ["An", "Bình", "Cường", "Dũng", "Hải", "Khoa", "Long", "Minh", "Nam", "Phúc", "Quân", "Sơn", "Tùng"]
    people = sorted({f"{rng.choice(fam)} Văn {rng.choice(given)}" for _ in range(200)})[:60]
    text = "; ".join(people)
    spans, pos = [], 0
    for p in people:
        spans.append(Span(pos, pos + len(p), "NAME"))
        pos += len(p) + 2
    res = deid(text, spans=spans, patient_id="P3")
    subs = [res.text[r["start"]:r["end"]] for r in res.replacements]
    assert len(set(subs)) == len(people)
    assert not set(subs) & set(people)
    # other patient, same name -> a different surrogate (scopes do not link patients)
    b = one("BN Nguyễn Văn Hùng, 58 tuổi", "NAME", "Nguyễn Văn Hùng", pid="P2")
    assert b != a1


def test_address_scheme_is_kept():
    au = admin_units()
    old = "số 27 ngõ 115 Trần Duy Hưng, phường Trung Hòa, quận Cầu Giấy, Hà Nội"
    new = "thôn Đông, xã Tân Phú, tỉnh Đồng Nai"
    for i in range(15):
        s = one(f"Địa chỉ: {old}.", "LOCATION", old, pid=f"a{i}")
        assert re.match(r"số \d+ ngõ \d+ .+, (phường|xã|thị trấn) .+, (quận|huyện|thị xã|thành phố) .+, .+$", s), s
        assert fold_lower(s.split(", ")[-1]) in au["legacy_provinces"]
        s = one(f"Địa chỉ: {new}.", "LOCATION", new, pid=f"a{i}")
        m = re.match(r"thôn .+, (phường|xã|đặc khu) (.+), (tỉnh|thành phố) (.+)$", s)
        assert m, s
        assert fold_lower(m.group(4)) in au["new_provinces"]
        assert any(fold_lower(r[3]) == fold_lower(m.group(2)) and fold_lower(r[1]) == fold_lower(m.group(4))
                   for r in au["new"]), s  # a real ward of that new province


@pytest.mark.parametrize("date,pattern", [
    ("12/03/2024", r"\d\d/\d\d/\d{4}"), ("5/3/2024", r"\d{1,2}/\d{1,2}/\d{4}"), ("2024-03-12", r"\d{4}-\d\d-\d\d"),
    ("ngày 5 tháng 3 năm 2024", r"ngày \d{1,2} tháng \d{1,2} năm \d{4}"), ("tháng 3/2024", r"tháng \d{1,2}/\d{4}"),
    ("sinh năm 1978", r"sinh năm \d{4}"), ("SN 1978", r"SN \d{4}"), ("14h30 ngày 12/3", r"14h30 ngày \d{1,2}/\d{1,2}"),
    ("12-03-2024", r"\d\d-\d\d-\d{4}"), ("5/3/24", r"\d{1,2}/\d{1,2}/\d\d"), ("NGÀY 05 THÁNG 03 NĂM 2024", r"NGÀY \d\d THÁNG \d\d NĂM \d{4}"),
])
def test_date_shift_keeps_format(date, pattern):
    for off in (400, -400, 900, -1000):
        s = shift_dates(date, off)
        assert re.fullmatch(pattern, s) and s != date, (date, s)


def test_date_shift_preserves_intervals_per_patient():
    text, gold = notes_mod.parse("Vào viện {DATE|05/03/2024}, mổ {DATE|ngày 8 tháng 3 năm 2024}, ra viện {DATE|2024-03-19}.")
    res = deidentify(text, "surrogate", spans=gold, key=KEY, patient_id="P5")
    outs = [res.text[r["start"]:r["end"]] for r in res.replacements]
    d1 = dt.datetime.strptime(outs[0], "%d/%m/%Y").date()
    m = re.fullmatch(r"ngày (\d+) tháng (\d+) năm (\d+)", outs[1])
    d2 = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    d3 = dt.date.fromisoformat(outs[2])
    assert ((d2 - d1).days, (d3 - d1).days) == (3, 14)
    assert abs((d1 - dt.date(2024, 3, 5)).days) >= 366
    again = deidentify("Tái khám 05/03/2024", "surrogate", spans=[Span(9, 19, "DATE")], key=KEY, patient_id="P5")
    assert again.text.endswith(outs[0])  # same patient, same offset in another document
    fixed = deidentify("ngày 05/03/2024", "surrogate", spans=[Span(5, 15, "DATE")], key=KEY, date_shift=10)
    assert fixed.text == "ngày 15/03/2024"
    tagged = deidentify("ngày 05/03/2024", "surrogate", spans=[Span(5, 15, "DATE")], key=KEY, date_shift=False)
    assert tagged.text == "ngày [DATE]"


def test_vault_keeps_surrogates_across_runs_and_reidentifies(tmp_path):
    path = tmp_path / "vault.sqlite"
    _, text, gold = notes_mod.notes(variants=False)[0]
    r1 = Deidentifier("surrogate", key=KEY, vault=str(path))(text, spans=gold, patient_id="P1")
    r2 = Deidentifier("surrogate", key=KEY, vault=Vault(path, KEY))(text, spans=gold, patient_id="P1")
    assert r1.text == r2.text
    raw = path.read_bytes()
    for s in gold:  # the vault holds no identifier in clear
        assert s.text.encode("utf-8") not in raw
    assert reidentify(r1, KEY, vault=str(path)) == text
    plain = reidentify(r1.text, KEY, vault=str(path), patient_id="P1")
    for s in gold:
        if s.label in ("NAME", "LOCATION", "ORGANIZATION", "ID", "PHONE"):
            assert s.text in plain
    with pytest.raises(DeidKeyError, match="different key"):
        Vault(path, "mot-khoa-khac-hoan-toan-2024")
    # hash tokens come back from the vault too
    h = deidentify(text, "hash", spans=gold, key=KEY, vault=str(path))
    assert reidentify(h.text, KEY, vault=str(path)).count(gold[0].text) >= 1


def test_vault_shared_by_two_engines_gives_one_surrogate(tmp_path):
    v = Vault(tmp_path / "v.sqlite", KEY)
    a = Deidentifier("surrogate", key=KEY, vault=v)
    b = Deidentifier("surrogate", key=KEY, vault=v)
    t = "Bà Trần Thị Mai"
    sa = a(t, spans=[Span(3, 15, "NAME")], patient_id="X").text
    sb = b(t, spans=[Span(3, 15, "NAME")], patient_id="X").text
    assert sa == sb
    assert v.stats()["pseudonyms"] == 1


def test_a_place_keeps_one_surrogate_in_addresses_and_facility_names():
    text, gold = notes_mod.parse("Nhà ở {LOCATION|thôn Đông Bảo, xã Hòa Bình, huyện Đông Hưng}; "
                                 "chuyển {ORGANIZATION|Trạm Y tế xã Hòa Bình} theo dõi.")
    res = deidentify(text, "surrogate", spans=gold, key=KEY, patient_id="P8")
    addr, org = (res.text[r["start"]:r["end"]] for r in res.replacements)
    ward = re.search(r"(?:xã|phường|thị trấn|đặc khu) ([^,]+),", addr).group(1)
    assert org.startswith("Trạm Y tế xã ") and org.endswith(ward) and ward != "Hòa Bình"


# --- pure surrogates (no vault): a function of key, patient, label and value only ------------------------
def _names_200() -> list[str]:
    from vimednlp.deid.surrogates import lists

    def distinct(names):  # `Hùng` and `Hưng` are one value (compared without marks)
        return list({fold_lower(g): g for g in names}.values())

    L = lists()
    unisex = ["An", "Bình", "Minh", "Ngọc", "Thanh", "Khánh"]  # for a man and for a woman
    men = [f"Văn {g}" for g in distinct(L["given_male"])[:14] + unisex]
    women = [f"Thị {g}" for g in distinct(L["given_female"])[:14] + unisex]
    return [f"{s} {rest}" for s in ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng") for rest in men + women]


def test_surrogates_do_not_depend_on_history_and_never_collide():
    names = _names_200()
    assert len(set(names)) == 200

    def run(engine, order):
        out = {}
        for n in order:
            text = f"Bệnh nhân {n} vào viện."
            res = (engine or Deidentifier("surrogate", key=KEY))(text, spans=[Span(10, 10 + len(n), "NAME")],
                                                                   patient_id="P200")
            r = res.replacements[0]
            out[n] = res.text[r["start"]:r["end"]]
        return out

    fresh = run(None, names[:40])  # a new engine per document (a new worker)
    shared = run(Deidentifier("surrogate", key=KEY), names)
    backwards = run(Deidentifier("surrogate", key=KEY), names[::-1])
    assert all(fresh[n] == shared[n] for n in fresh)
    assert shared == backwards
    assert len(set(map(fold_lower, shared.values()))) == 200  # two different people of one patient never meet


def test_a_name_written_without_marks_gets_the_same_surrogate():
    deid = Deidentifier("surrogate", key=KEY)
    text = "BN Nguyễn Thị Lan, 40 tuổi. Người nhà: chồng Trần Văn Hùng. Ký tên: Nguyen Thi Lan."
    spans = [Span(text.index(n), text.index(n) + len(n), "NAME") for n in ("Nguyễn Thị Lan", "Trần Văn Hùng",
                                                                         "Nguyen Thi Lan")]
    res = deid(text, spans=spans, patient_id="P9")
    a, _, c = (res.text[r["start"]:r["end"]] for r in res.replacements)
    assert fold_lower(a) == fold_lower(c) and a != "Nguyễn Thị Lan"


# --- surrogate quality --------------------------------------------------------------------------------
@pytest.mark.parametrize("org,head", [
    ("Bệnh viện Bạch Mai", "Bệnh viện "), ("Bệnh viện Đa khoa tỉnh Thái Bình", "Bệnh viện Đa khoa tỉnh "),
    ("Trạm y tế xã Hòa Bình", "Trạm y tế xã "), ("Phòng khám Đa khoa Hòa Hảo", "Phòng khám Đa khoa "),
    ("Trung tâm Y tế huyện Đông Hưng", "Trung tâm Y tế huyện "), ("Viện Huyết học Truyền máu Trung ương", "Viện "),
    ("Nhà hộ sinh Phú Lâm", "Nhà hộ sinh "), ("Trạm Y tế phường 7", "Trạm Y tế phường "),
])
def test_a_facility_keeps_its_type(org, head):
    for i in range(12):
        s = one(f"Chuyển {org} điều trị.", "ORGANIZATION", org, pid=f"o{i}")
        assert s.startswith(head) and fold_lower(s) != fold_lower(org), s
        assert "Công ty" not in s


def test_no_doubled_middle_names():
    for i in range(60):
        for name in ("Lê Thị Thu Huyền", "Nguyễn Văn Minh Đức", "Trần Thị Ngọc Anh", "Phạm Thanh Thu Hà"):
            s = one(f"Bệnh nhân {name} vào viện.", "NAME", name, pid=f"m{i}")
            syl = [fold_lower(x) for x in s.split()]
            assert len(syl) == 4 and len(set(syl)) == 4, s
            assert syl[1] == fold_lower(name.split()[1]) or fold_lower(name.split()[1]) not in ("van", "thi")


def test_a_quarter_stays_a_quarter():
    for i in range(10):
        for q, rx in (("Quý 2/2024", r"Quý [1-4]/\d{4}"), ("quý II/2024", r"quý (?:i|ii|iii|iv)/\d{4}"),
                      ("Quý 4 năm 2023", r"Quý [1-4] năm \d{4}")):
            s = one(f"Tái khám {q}.", "DATE", q, pid=f"q{i}")
            assert re.fullmatch(rx, s, re.IGNORECASE) and s != q, s
    # the quarter moves with the patient's offset: the same as a date in its middle
    text, gold = notes_mod.parse("Vào viện {DATE|15/05/2024}, tái khám {DATE|Quý 2/2024}.")
    res = deidentify(text, "surrogate", spans=gold, key=KEY, patient_id="P5")
    d, q = (res.text[r["start"]:r["end"]] for r in res.replacements)
    day = dt.datetime.strptime(d, "%d/%m/%Y").date()
    assert q == f"Quý {(day.month - 1) // 3 + 1}/{day.year}"


def test_a_province_stays_a_province():
    au = admin_units()
    provinces = au["legacy_provinces"] | au["new_provinces"]
    for i in range(15):
        for place in ("Hà Nội", "Thái Bình", "Đà Nẵng", "Nghệ An", "Thừa Thiên Huế", "Bà Rịa - Vũng Tàu"):
            s = one(f"Quê quán: {place}.", "LOCATION", place, pid=f"v{i}")
            assert fold_lower(s) in provinces and fold_lower(s) != fold_lower(place), s
        s = one("Địa chỉ: tỉnh Nghệ An.", "LOCATION", "tỉnh Nghệ An", pid=f"v{i}")
        m = re.fullmatch(r"(tỉnh|thành phố) (.+)", s)
        assert m and fold_lower(m.group(2)) in provinces, s
