"""Synthetic Vietnamese clinical documents with gold PHI and clinical-term spans.

Every document is built from the project's own templates (below) and gazetteers (names and the
administrative units in `vimednlp/resources/deid/`); nothing comes from real records. Genres: clinical
notes, discharge summaries, prescriptions, lab reports, referral letters, telemedicine chats and
epidemiological case reports. Variants: no diacritics, UPPER CASE and abbreviation-heavy forms.

    python corpora/synthetic/generate.py --n 2000 --seed 13 --out corpora/synthetic/out/train.jsonl
    python -m corpora.synthetic.generate --help     (from the repository root)

Output: one `vimednlp.schema.Document` JSON record per line; `meta` has genre, variant, seed.
Template markup: `{slot}` is filled by a generator (PHI), `[text|LABEL]` is a gold clinical span,
`{a|b|c}` picks one alternative (cue spellings, abbreviations).
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

from vimednlp.paths import resource_path
from vimednlp.schema import Document, Span
from vimednlp.text.fold import fold

RES = resource_path("deid")


def _lines(*p: str) -> list[str]:
    return [x.strip() for x in RES.joinpath(*p).read_text(encoding="utf-8").splitlines()
            if x.strip() and not x.startswith("#")]


def _tsv(*p: str) -> list[list[str]]:
    return [r.split("\t") for r in _lines(*p)[1:]]


SURNAMES_COMMON = ["Nguyễn"] * 12 + ["Trần"] * 5 + ["Lê"] * 4 + ["Phạm"] * 3 + ["Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
                   "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"] * 2
SURNAMES = _lines("names", "surnames.txt")
MIDDLE_M = ["Văn", "Hữu", "Đức", "Công", "Quang", "Minh", "Quốc", "Thanh", "Hoàng", "Anh", "Gia", "Bảo", "Xuân", "Ngọc", "Trọng", "Duy"]
MIDDLE_F = ["Thị", "Thị", "Thị", "Ngọc", "Thanh", "Thu", "Minh", "Kim", "Phương", "Bảo", "Hồng", "Mỹ", "Diệu", "Khánh", "Thùy"]
GIVEN_M = _lines("names", "given_male.txt")
GIVEN_F = _lines("names", "given_female.txt")
PROVINCES = _tsv("locations", "provinces.tsv")


def _clean(rows):
    # some unit names carry a disambiguating '(Xã)' / '(Thị xã)' suffix in the source: drop it
    return [[re.sub(r"\s*\(.*?\)", "", c) for c in r] for r in rows]

DISTRICTS = _clean(_tsv("locations", "districts_2019.tsv"))
WARDS19 = _clean(_tsv("locations", "wards_2019.tsv"))
WARDS25 = _clean(_tsv("locations", "wards_2025.tsv"))
STREETS = ["Lê Lợi", "Trần Hưng Đạo", "Nguyễn Trãi", "Lạc Long Quân", "Hai Bà Trưng", "Lý Thường Kiệt", "Phan Chu Trinh",
           "Nguyễn Huệ", "Điện Biên Phủ", "Cách Mạng Tháng Tám", "Hoàng Văn Thụ", "Võ Thị Sáu", "Nguyễn Văn Cừ",
           "Quang Trung", "Lê Duẩn", "Bà Triệu", "Kim Mã", "Giải Phóng", "Tôn Đức Thắng", "Phạm Văn Đồng", "Ngô Quyền",
           "Hùng Vương", "Trường Chinh", "Xô Viết Nghệ Tĩnh", "Nguyễn Thị Minh Khai", "3 Tháng 2", "30 Tháng 4"]
HOSP_NAMES = ["Bạch Mai", "Chợ Rẫy", "Việt Đức", "Trung ương Huế", "Nhi Trung ương", "Nhi Đồng 1", "Nhi Đồng 2",
              "Từ Dũ", "Hùng Vương", "Xanh Pôn", "Thanh Nhàn", "Saint Paul", "Thống Nhất", "Nhân dân 115",
              "Nhân dân Gia Định", "Đại học Y Dược", "Hữu nghị", "Phụ sản Hà Nội", "Bệnh Nhiệt đới Trung ương",
              "Lao và Bệnh phổi", "Trưng Vương", "An Bình", "Đống Đa", "Xuyên Á", "Hoàn Mỹ", "Tâm Anh", "Vinmec Times City"]
COMPANY = ["May Việt Tiến", "Thép Hòa Phát", "Xây dựng Hưng Thịnh", "Điện tử Samsung Vina", "Giày da Thái Bình",
           "Thực phẩm Minh Phát", "Vận tải Phương Nam", "Dệt may Thành Công", "Phần mềm FPT", "Sữa Việt Nam",
           "Cao su Đồng Nai", "Thủy sản Minh Phú", "Xi măng Bỉm Sơn", "Bia Sài Gòn"]
SCHOOLS = ["Trường THPT Chu Văn An", "Trường THCS Lê Quý Đôn", "Trường Tiểu học Kim Đồng", "Trường Mầm non Hoa Sen",
           "Trường Đại học Bách khoa", "Trường Đại học Sư phạm", "Trường Cao đẳng Y tế Bạch Mai", "Trường THPT Nguyễn Du"]
PROFESSIONS = ["giáo viên", "công nhân", "nông dân", "kỹ sư", "tài xế", "buôn bán", "nội trợ", "học sinh", "sinh viên",
               "nhân viên văn phòng", "hưu trí", "thợ xây", "thợ may", "bộ đội", "công an", "kế toán", "lao động tự do",
               "ngư dân", "xe ôm", "kinh doanh", "nhân viên bán hàng", "tiểu thương", "phụ hồ", "giảng viên", "lái xe"]
FOREIGN = ["Hàn Quốc", "Daegu", "Nhật Bản", "Malaysia", "Singapore", "Thái Lan", "Campuchia", "Lào", "Mỹ", "Pháp", "Anh",
           "Nga", "Đức", "Qatar", "Dubai", "Kuwait", "Úc", "Canada", "London", "Paris", "Moscow", "Guinea Xích Đạo"]
PLACES = ["chợ Bến Thành", "chợ Đồng Xuân", "siêu thị Co.opmart Lý Thường Kiệt", "quán cà phê Mộc", "chợ Bình Điền",
          "siêu thị Big C Thăng Long", "nhà thờ Phú Nhai", "chùa Hoằng Pháp", "bến xe Miền Đông", "sân bay Nội Bài",
          "sân bay Tân Sơn Nhất", "karaoke Hoàng Gia", "khu công nghiệp Tân Tạo", "ký túc xá Khu B"]
# venues whose names hold a kind word or lower-case words (our own inventions, built from ward and given names)
VENUE_KINDS = ["quán bia hơi", "quán cháo", "quán phở", "quán karaoke", "quán cà phê", "chợ hoa", "chợ đầu mối", "chợ",
               "nhà hàng", "nhà hàng hải sản", "siêu thị", "siêu thị điện máy", "cửa khẩu", "cửa khẩu quốc tế",
               "sân bay quốc tế", "ký túc xá", "nhà thờ giáo xứ", "khách sạn", "tiệm vàng", "bến xe"]
VENUE_TAILS = ["", "", "", " xanh", " bò tươi", " phố", " số 2", " cũ", " mới"]
DEPARTMENTS = ["khoa Hồi sức tích cực", "khoa Cấp cứu", "khoa nội tiết", "khoa Truyền nhiễm", "khoa Nội tổng hợp",
               "khoa hồi sức cấp cứu", "khoa Nhi", "khoa Phục hồi chức năng", "khoa Ngoại thần kinh", "khoa Tim mạch"]
JOB_SPECIAL = ["kỹ sư xây dựng", "kỹ sư cầu đường", "giáo viên ngoại ngữ", "giáo viên tiểu học", "buôn bán quần áo",
               "buôn bán hoa quả", "thợ sửa xe máy", "công nhân may", "nhân viên kinh doanh bất động sản",
               "nhân viên phục vụ nhà hàng", "kỹ thuật viên điện lạnh", "sinh viên y khoa", "tài xế xe tải",
               "nhân viên công nghệ thông tin", "thuyền viên tàu cá", "tiếp viên hàng không"]
COMMITTEES = ["Ban Chỉ đạo phòng chống dịch", "Ban chỉ đạo phòng, chống dịch COVID-19", "Tiểu ban Điều trị",
              "Trung tâm Kiểm soát bệnh tật", "Sở Kế hoạch và Đầu tư", "Công an"]

# clinical vocabulary used to fill the clinical slots (gold clinical spans, never PHI)
DISEASES = ["tăng huyết áp", "đái tháo đường type 2", "viêm phổi", "nhồi máu cơ tim cấp", "suy tim", "hen phế quản",
            "viêm dạ dày", "sỏi thận", "viêm ruột thừa cấp", "rung nhĩ", "đột quỵ não", "COPD", "xơ gan", "viêm gan B",
            "sốt xuất huyết Dengue", "COVID-19", "thiếu máu", "suy thận mạn", "gout", "lao phổi", "Basedow"]
SYMPTOMS = ["đau ngực", "khó thở", "sốt cao", "ho khan", "đau đầu", "buồn nôn", "nôn", "chóng mặt", "đau bụng",
            "tiêu chảy", "mệt mỏi", "phù hai chân", "hồi hộp", "đánh trống ngực", "đau khớp gối", "mất ngủ", "ho đờm",
            "vàng da", "tiểu buốt", "sụt cân"]
DRUGS = ["Amlodipin", "Paracetamol", "Metformin", "Aspirin", "Clopidogrel", "Atorvastatin", "Omeprazol", "Amoxicillin",
         "Ceftriaxon", "Furosemid", "Bisoprolol", "Losartan", "Insulin Mixtard", "Salbutamol", "Prednisolon",
         "Panadol", "Augmentin", "Vitamin B1", "Enalapril", "Methyldopa"]
DOSES = ["5mg x 1 viên/ngày", "500mg x 2 lần/ngày", "75mg 1 viên sáng", "1g tiêm tĩnh mạch", "20mg 1 ống",
         "850mg uống sau ăn", "10 UI tiêm dưới da", "2 nhát xịt khi khó thở", "40mg 1 viên tối", "1 viên x 3 lần/ngày"]
TESTS = ["công thức máu", "đường huyết", "HbA1c", "creatinin", "ure", "AST", "ALT", "Troponin T", "điện tâm đồ",
         "X-quang ngực thẳng", "siêu âm bụng", "CT sọ não", "điện giải đồ", "CRP", "NT-proBNP", "tổng phân tích nước tiểu",
         "hồng cầu", "bạch cầu", "tiểu cầu", "đông máu cơ bản", "test nhanh kháng nguyên SARS-CoV-2", "RT-PCR"]
RESULTS = ["bình thường", "7,8 mmol/l", "112 µmol/l", "9,2%", "ST chênh lên DII, DIII, aVF", "dương tính", "âm tính",
           "15 G/L", "4,5 T/L", "250 G/L", "tràn dịch màng phổi phải", "không thấy bất thường", "tăng nhẹ"]
PROCEDURES = ["đặt stent động mạch vành", "mổ nội soi cắt ruột thừa", "nội soi dạ dày", "thở oxy qua gọng mũi",
              "truyền dịch", "chạy thận nhân tạo", "khâu vết thương", "bó bột cẳng tay", "đặt nội khí quản"]


class Gen:
    """Random PHI values with the labels and attributes they carry."""

    def __init__(self, rng: random.Random, abbrev: bool):
        self.r = rng
        self.abbrev = abbrev
        self.person: dict = {}

    def pick(self, xs):
        return self.r.choice(xs)

    def full_name(self, gender: str | None = None) -> str:
        g = gender or self.pick(["m", "f"])
        sur = self.pick(SURNAMES_COMMON) if self.r.random() < 0.8 else self.pick(SURNAMES)
        mid = self.pick(MIDDLE_M if g == "m" else MIDDLE_F)
        given = self.pick(GIVEN_M if g == "m" else GIVEN_F)
        if self.r.random() < 0.25:
            given = self.pick(MIDDLE_M if g == "m" else MIDDLE_F) + " " + given
        return f"{sur} {mid} {given}"

    def given(self, gender: str | None = None) -> str:
        return self.pick(GIVEN_M if (gender or self.pick("mf")) == "m" else GIVEN_F)

    def initials(self) -> str:
        return ".".join(w[0] for w in self.full_name().split())

    def date(self, year_lo=1990, year_hi=2025) -> str:
        d, m, y = self.r.randint(1, 28), self.r.randint(1, 12), self.r.randint(year_lo, year_hi)
        f = self.r.random()
        if f < 0.45:
            return f"{d:02d}/{m:02d}/{y}"
        if f < 0.6:
            return f"{d}/{m}/{y}"
        if f < 0.7:
            return f"{d}-{m}-{y}"
        if f < 0.78:
            return f"{y}-{m:02d}-{d:02d}"
        if f < 0.9:
            return f"ngày {d} tháng {m} năm {y}"
        return f"{d}/{m}/{str(y)[2:]}"

    def short_date(self) -> str:
        d, m = self.r.randint(1, 28), self.r.randint(1, 12)
        return self.pick([f"{d}/{m}", f"{d:02d}/{m:02d}", f"{d}-{m}"])

    def phone(self) -> str:
        pre = self.pick(["090", "091", "093", "094", "096", "097", "098", "086", "088", "089", "032", "033", "035", "037",
                         "038", "039", "070", "077", "079", "081", "083", "085", "056", "058", "092", "099"])
        rest = "".join(str(self.r.randint(0, 9)) for _ in range(7))
        num = pre + rest
        f = self.r.random()
        if f < 0.35:
            return num
        if f < 0.6:
            return f"{num[:4]} {num[4:7]} {num[7:]}"
        if f < 0.75:
            return f"{num[:4]}.{num[4:7]}.{num[7:]}"
        if f < 0.85:
            return f"+84 {num[1:4]} {num[4:7]} {num[7:]}"
        area = self.pick(["024", "028", "0236", "0225", "0292", "0238", "0251"])
        body = "".join(str(self.r.randint(0, 9)) for _ in range(11 - len(area)))
        return f"({area}) {body[:4]} {body[4:]}"

    def cccd(self) -> str:
        prov = self.pick(PROVINCES)[1]
        year = self.r.randint(1940, 2015)
        cg = (0 if year < 2000 else 2) + self.r.randint(0, 1)
        return f"0{prov}{cg}{year % 100:02d}" + "".join(str(self.r.randint(0, 9)) for _ in range(6))

    def bhyt(self) -> str:
        g = self.pick(["GD", "DN", "HT", "TE", "CN", "HS", "SV", "BT", "HN", "CH", "NO", "CC", "KC", "DT"])
        lvl = self.r.randint(1, 5)
        prov = self.pick(PROVINCES)[1]
        num = "".join(str(self.r.randint(0, 9)) for _ in range(10))
        if self.r.random() < 0.25:
            return f"{g} {lvl} {prov} {num[:2]} {num[2:5]} {num[5:]}"
        return f"{g}{lvl}{prov}{num}"

    def digits(self, n: int) -> str:
        return str(self.r.randint(1, 9)) + "".join(str(self.r.randint(0, 9)) for _ in range(n - 1))

    def mrn(self) -> str:
        return self.pick([self.digits(8), self.digits(10), f"{self.r.randint(20, 25)}{self.digits(6)}",
                          f"BA{self.digits(6)}", f"{self.digits(5)}/{self.r.randint(20, 25)}",
                          f"{self.r.randint(20, 25)}-{self.digits(6)}"])

    def address(self) -> str:
        r = self.r.random()
        ab = self.abbrev
        if r < 0.5:  # 63-province scheme: ward, district, province
            prov, dist, wtype, ward = self.pick(WARDS19)
            dtype = next((t for p, t, n in DISTRICTS if p == prov and n == dist), "Quận")
            wt = {"Phường": "P.", "Xã": "X.", "Thị trấn": "TT."}.get(wtype, wtype) if ab and self.r.random() < .7 else wtype.lower()
            dt = {"Quận": "Q.", "Huyện": "H.", "Thị xã": "TX.", "Thành phố": "TP."}.get(dtype, dtype) if ab and self.r.random() < .7 else dtype.lower()
            head = self._street_part()
            prov_s = self.pick(["TP.HCM", "TP. Hồ Chí Minh"]) if prov == "Hồ Chí Minh" else (("tỉnh " if self.r.random() < .3 else "") + prov)
            parts = [p for p in (head, f"{wt} {ward}", f"{dt} {dist}", prov_s) if p]
        else:  # 34-province scheme since July 2025: ward/commune, province
            prov, wtype, ward = self.pick(WARDS25)
            wt = {"Phường": "P.", "Xã": "X."}.get(wtype, wtype) if ab and self.r.random() < .7 else wtype.lower()
            head = self._street_part()
            parts = [p for p in (head, f"{wt} {ward}", ("TP. " if self.r.random() < .2 else "") + prov) if p]
        k = self.r.choice([len(parts), len(parts), len(parts) - 1]) if len(parts) > 2 else len(parts)
        return self.pick([", ", ", ", " - "]).join(parts[:max(1, k)] if k < len(parts) and self.r.random() < .3 else parts)

    def _street_part(self) -> str:
        r = self.r.random()
        n = self.r.randint(1, 299)
        if r < 0.3:
            return f"số {n} {self.pick(['đường ', 'phố ', ''])}{self.pick(STREETS)}"
        if r < 0.45:
            return f"{n}/{self.r.randint(1, 60)} {self.pick(STREETS)}"
        if r < 0.6:
            return f"số {n} ngõ {self.r.randint(1, 200)} {self.pick(STREETS)}"
        if r < 0.7:
            return f"hẻm {self.r.randint(1, 400)}/{self.r.randint(1, 40)} {self.pick(STREETS)}"
        if r < 0.85:
            return f"{self.pick(['thôn', 'xóm', 'ấp', 'bản', 'tổ', 'khu phố'])} {self.pick([str(self.r.randint(1, 12)), self.pick(['Đông', 'Tây', 'Bắc', 'Thượng', 'Hạ', 'Phú Lợi', 'Tân An', 'Nà Sản', 'Mỹ Hòa'])])}"
        return ""

    def hospital(self) -> str:
        r = self.r.random()
        if r < 0.45:
            return f"{self.pick(['Bệnh viện', 'Bệnh viện', 'BV', 'BV.']) if self.abbrev else 'Bệnh viện'} {self.pick(HOSP_NAMES)}"
        if r < 0.65:
            p = self.pick(PROVINCES)[3]
            return f"{self.pick(['Bệnh viện Đa khoa tỉnh', 'BVĐK tỉnh', 'Bệnh viện Đa khoa'])} {p}"
        if r < 0.8:
            d = self.pick(DISTRICTS)
            return f"{self.pick(['Trung tâm Y tế', 'TTYT', 'Trung tâm Y tế khu vực'])} {d[1].lower()} {d[2]}"
        if r < 0.92:
            w = self.pick(WARDS25)
            return f"{self.pick(['Trạm Y tế', 'TYT'])} {w[1].lower()} {w[2]}"
        return f"Phòng khám Đa khoa {self.pick(['Medlatec', 'Thu Cúc', 'Hòa Hảo', 'An Phúc', 'Sài Gòn', 'Việt Nhật'])}"

    def company(self) -> str:
        if self.r.random() < 0.3:
            return self.pick(SCHOOLS)
        return f"{self.pick(['Công ty TNHH', 'Công ty Cổ phần', 'Cty TNHH', 'Công ty'])} {self.pick(COMPANY)}"


class Builder:
    """Renders a template into text + spans."""

    SLOT = re.compile(r"\{(\w+)\}|\[([^\[\]|]+)\|([A-Z]+)\]|\{([^{}]*\|[^{}]*)\}")

    def __init__(self, gen: Gen, fillers: dict[str, Callable[[], tuple[str, str, dict]]]):
        self.gen, self.fillers = gen, fillers

    def render(self, template: str) -> tuple[str, list[Span]]:
        out: list[str] = []
        spans: list[Span] = []
        pos = 0
        length = 0
        for m in self.SLOT.finditer(template):
            lit = template[pos:m.start()]
            out.append(lit)
            length += len(lit)
            if m.group(1):
                value, label, attrs = self.fillers[m.group(1)]()
            elif m.group(2):
                value, label, attrs = m.group(2), m.group(3), {}
            else:
                value, label, attrs = self.gen.pick(m.group(4).split("|")), None, {}
            if label:
                spans.append(Span(length, length + len(value), label, value, attrs=attrs))
            out.append(value)
            length += len(value)
            pos = m.end()
        out.append(template[pos:])
        return "".join(out), spans


def fillers(g: Gen) -> dict[str, Callable[[], tuple[str, str, dict]]]:
    P = lambda v, lab, **a: (v, lab, a)
    return {
        "name": lambda: P(g.person.setdefault("name", g.full_name(g.person.get("g"))), "NAME"),
        "name2": lambda: P(g.full_name(), "NAME"),
        "doctor": lambda: P(g.full_name(), "NAME"),
        "given": lambda: P(g.person.setdefault("given", g.given()), "NAME"),
        "given2": lambda: P(g.given(), "NAME"),
        "initials": lambda: P(g.initials(), "NAME"),
        "age": lambda: P(g.pick([f"{g.r.randint(1, 95)} tuổi", f"{g.r.randint(18, 90)}t", f"{g.r.randint(1, 11)} tháng tuổi",
                                 f"{g.r.randint(2, 90)} tuổi"]), "AGE"),
        "agenum": lambda: P(str(g.r.randint(18, 92)), "AGE"),
        "date": lambda: P(g.date(2018, 2025), "DATE"),
        "dob": lambda: P(g.date(1935, 2020), "DATE"),
        "year": lambda: P(str(g.r.randint(1935, 2015)), "DATE"),
        "sdate": lambda: P(g.short_date(), "DATE"),
        "datetime": lambda: P(f"{g.r.randint(0, 23)}h{g.r.randint(0, 59):02d} ngày {g.short_date()}" + g.pick(["", f"/{g.r.randint(2019, 2025)}"]), "DATE"),
        "monthyear": lambda: P(f"tháng {g.r.randint(1, 12)}/{g.r.randint(2015, 2025)}", "DATE"),
        "phone": lambda: P(g.phone(), "PHONE"),
        "email": lambda: P(f"{fold(g.given()).lower()}.{fold(g.pick(SURNAMES_COMMON)).lower()}{g.r.randint(1, 99)}@{g.pick(['gmail.com', 'yahoo.com', 'benhvien.vn', 'outlook.com'])}", "EMAIL"),
        "url": lambda: P(g.pick(["https://", "www.", ""]) + g.pick(["benhvien", "phongkham", "ytetructuyen", "suckhoe"]) + g.pick(["abc", "xyz", "123", "vn"]) + g.pick([".vn", ".com.vn", ".com"]) + g.pick(["", "/ho-so/" + g.digits(6)]), "URL"),
        "ip": lambda: P(".".join(str(g.r.randint(1, 254)) for _ in range(4)), "IP"),
        "cccd": lambda: P(g.cccd(), "ID", kind="cccd"),
        "cmnd": lambda: P(g.digits(9), "ID", kind="cmnd"),
        "bhyt": lambda: P(g.bhyt(), "ID", kind="bhyt"),
        "bhxh": lambda: P(g.pick(PROVINCES)[1] + g.digits(8), "ID", kind="bhxh"),
        "mrn": lambda: P(g.mrn(), "ID", kind="mrn"),
        "admission": lambda: P(g.mrn(), "ID", kind="admission"),
        "serial": lambda: P(f"{g.digits(4)}/{g.pick(['ĐT', 'GCN', 'CV', 'BA', 'XN'])}", "ID", kind="serial"),
        "passport": lambda: P(g.pick("BCN") + g.digits(7), "ID", kind="passport"),
        "plate": lambda: P(f"{g.r.randint(11, 99)}{g.pick(['A', 'B', 'C', 'D', 'F', 'H', 'K', 'L'])}{g.pick(['', '1', '2'])}-{g.digits(3)}.{g.digits(2)}", "ID", kind="plate"),
        "bank": lambda: P(g.digits(g.r.randint(9, 14)), "ID", kind="bank"),
        "bn": lambda: P(f"BN{g.r.randint(1, 19999)}", "ID", kind="patient_code"),
        "bnnum": lambda: P(str(g.r.randint(100, 19999)), "ID", kind="patient_code"),
        "address": lambda: P(g.person.setdefault("addr", g.address()), "LOCATION"),
        "address2": lambda: P(g.address(), "LOCATION"),
        "province": lambda: P(g.pick(PROVINCES)[3], "LOCATION"),
        "place": lambda: P(g.pick(PLACES), "LOCATION"),
        "ward": lambda: P(g.pick(["phường ", "xã ", "P. "]) + g.pick(WARDS25)[2], "LOCATION"),
        "hospital": lambda: P(g.hospital(), "ORGANIZATION"),
        "company": lambda: P(g.company(), "ORGANIZATION"),
        "job": lambda: P(g.pick(PROFESSIONS), "PROFESSION"),
        "gender": lambda: P(g.pick(["nam", "nữ", "Nam", "Nữ"]), "GENDER"),
        "flight": lambda: P(g.pick(["VN", "VJ", "QH"]) + str(g.r.randint(100, 1999)), "TRANSPORT"),
        "day": lambda: P(str(g.r.randint(1, 28)), "DATE"),
        "month": lambda: P(f"tháng {g.r.randint(1, 12)}", "DATE"),
        "foreign": lambda: P(g.pick(FOREIGN), "LOCATION"),
        "airport": lambda: P(g.pick(["Nội Bài", "Tân Sơn Nhất", "sân bay Đà Nẵng", "sân bay Cam Ranh", "Vân Đồn", "Cần Thơ"]), "LOCATION"),
        "military": lambda: P(g.pick(["trung đoàn", "Tiểu đoàn", "Sư đoàn", "khu cách ly tập trung"]) + " " + str(g.r.randint(1, 900)), "LOCATION"),
        "district_only": lambda: P(g.pick(DISTRICTS)[2], "LOCATION"),
        "venue": lambda: P(f"{g.pick(VENUE_KINDS)} {g.pick([g.pick(WARDS25)[2], g.given(), g.pick(STREETS)])}{g.pick(VENUE_TAILS)}",
                           "LOCATION"),
        "dept_hospital": lambda: P(f"{g.pick(DEPARTMENTS)}{g.pick([', ', ' ', ' của '])}{g.hospital()}", "ORGANIZATION"),
        "job2": lambda: P(g.pick(JOB_SPECIAL), "PROFESSION"),
        "committee": lambda: P(f"{g.pick(COMMITTEES)} {g.pick(['tỉnh ', 'thành phố ', 'huyện ', ''])}{g.pick(PROVINCES)[3]}",
                               "ORGANIZATION"),
        "dm_spaced": lambda: P(f"{g.r.randint(1, 28)} - {g.r.randint(1, 12)}", "DATE"),
        "date_time": lambda: P(f"{g.date(2018, 2025)}{g.pick([', ', ' lúc ', ' '])}{g.r.randint(0, 23)}h{g.pick(['', f'{g.r.randint(0, 59):02d}'])}", "DATE"),
        "org": lambda: P(g.pick(["Bộ Y tế", "Sở Y tế " + g.pick(PROVINCES)[3], "CDC " + g.pick(PROVINCES)[3], "Ban Chỉ đạo quốc gia",
                                 "Trung tâm Kiểm soát bệnh tật " + g.pick(PROVINCES)[3], "UBND tỉnh " + g.pick(PROVINCES)[3]]), "ORGANIZATION"),
        "med_job": lambda: P(
                             g.pick(["bác sĩ", "điều dưỡng", "nhân viên y tế", "kỹ thuật viên", "y tá"]), "PROFESSION"),
        # clinical slots (gold clinical labels, never PHI)
        "dis": lambda: P(g.pick(DISEASES), "DISEASE"),
        "sym": lambda: P(g.pick(SYMPTOMS), "SYMPTOM"),
        "drug": lambda: P(g.pick(DRUGS), "DRUG"),
        "dose": lambda: P(g.pick(DOSES), "DOSAGE"),
        "test": lambda: P(g.pick(TESTS), "TEST"),
        "res": lambda: P(g.pick(RESULTS), "RESULT"),
        "proc": lambda: P(g.pick(PROCEDURES), "PROCEDURE"),
    }


TEMPLATES: dict[str, list[str]] = {
    "clinical_note": [
        "{Họ tên|Họ và tên|HỌ TÊN}: {name}    Tuổi: {agenum}    Giới: {gender}\n{Địa chỉ|Đ/c|Địa chỉ thường trú}: {address}\n"
        "{Nghề nghiệp|NN}: {job}    SĐT: {phone}\nSố BHYT: {bhyt}\nVào viện lúc {datetime}\nLý do vào viện: {sym}\n"
        "Bệnh sử: cách vào viện 3 ngày bệnh nhân xuất hiện {sym}, kèm {sym}. Tiền sử {dis} điều trị {drug} {dose}.\n"
        "Khám: mạch 96 l/p, HA 150/90 mmHg, nhiệt độ 38,5 độ C, SpO2 95%. Tim đều, phổi ran nổ đáy phải.\n"
        "Chẩn đoán: {dis} (I10). Điều trị: {drug} {dose}. {BS điều trị|Bác sĩ điều trị|BS.}: {doctor}",
        "{Bệnh nhân|BN|Người bệnh} {name}, {age}, {job}, ở {address}. Vào viện ngày {date} vì {sym}. "
        "Tiền sử: {dis} phát hiện từ năm {year}, đang dùng {drug}. Người nhà: {con trai|vợ|chồng|con gái} là {anh|chị} {given2}, "
        "ĐT {phone}. Khám: tỉnh, tiếp xúc tốt, {sym}. Xét nghiệm {test}: {res}. Hồng cầu bình thường, đông máu bình thường.",
        "Ngày {date}, {BS.|ThS.BS|BS} {doctor} khám cho {ông|bà|cụ} {name} ({age}) tại {hospital}. Than {sym}, không {sym}. "
        "Đã làm {test}: {res}. Hướng xử trí: {proc}, {drug} {dose}. Hẹn tái khám ngày {date}.",
        "Mã BN: {mrn}    Số vào viện: {admission}    Số lưu trữ: {mrn}\nHỌ TÊN NGƯỜI BỆNH: {name}    NGÀY SINH: {dob}\n"
        "CCCD: {cccd}    BHYT: {bhyt}\nKHOA: Nội tim mạch    GIƯỜNG: 12\nChẩn đoán vào viện: {dis}; bệnh kèm: {dis}.",
    ],
    "discharge": [
        "GIẤY RA VIỆN\nSố: {serial}\n{Họ tên người bệnh|Họ tên}: {name}    Tuổi: {agenum}    Nam/Nữ: {gender}\n"
        "Dân tộc: Kinh    Nghề nghiệp: {job}\nMã số BHXH/Thẻ BHYT số: {bhyt}\nĐịa chỉ: {address}\n"
        "Vào viện lúc: {datetime}\nRa viện lúc: {datetime}\nChẩn đoán: {dis}\nPhương pháp điều trị: {proc}, {drug} {dose}.\n"
        "Ghi chú: tái khám sau 2 tuần, mang theo giấy ra viện.\n{date}\nTrưởng khoa: {doctor}\nGiám đốc bệnh viện: {doctor}",
        "TÓM TẮT BỆNH ÁN RA VIỆN\nBệnh nhân {name}, sinh năm {year}, {job}, trú tại {address}, nhập {hospital} ngày {date} "
        "với chẩn đoán {dis}. Trong quá trình điều trị được {proc}, dùng {drug} {dose}. Diễn biến: hết {sym}, {test} {res}. "
        "Ra viện ngày {date} trong tình trạng ổn định. Người liên hệ: {name2} ({phone}).",
    ],
    "prescription": [
        "ĐƠN THUỐC\nMã đơn thuốc: {serial}\nHọ tên: {name}    {age}    Giới tính: {gender}\nĐịa chỉ: {address}\n"
        "Số thẻ BHYT: {bhyt}\nChẩn đoán: {dis}\n1. {drug} {dose}\n2. {drug} {dose}\n3. {drug} {dose}\n"
        "Lời dặn: uống thuốc đều, tái khám ngày {date}. Liên hệ {phone} khi có {sym}.\nNgày {date}\nBác sĩ khám bệnh: {doctor}",
        "Rx — BN {name}, {age}. Dx: {dis}. {drug} {dose}; {drug} {dose}. TK {sdate}. BS {doctor}. PK: {hospital}.",
    ],
    "lab": [
        "PHIẾU KẾT QUẢ XÉT NGHIỆM\nPID: {mrn}    SID: {serial}\nHọ tên: {name}    Năm sinh: {year}    Giới: {gender}\n"
        "Khoa/Phòng: Khám bệnh    BS chỉ định: {doctor}\nNgày lấy mẫu: {date}\n{test}: {res}\n{test}: {res}\n{test}: {res}\n"
        "Người thực hiện: KTV {doctor}\nNơi thực hiện: {hospital}",
        "KẾT QUẢ {test}: {res}. Bệnh nhân: {name} ({age}), mã BN {mrn}, chỉ định ngày {date} bởi ThS.BS {doctor}.",
    ],
    "referral": [
        "GIẤY CHUYỂN TUYẾN\nSố: {serial}\nKính gửi: {hospital}\n{hospital} trân trọng giới thiệu người bệnh:\n"
        "Họ và tên: {name}    Tuổi: {agenum}    Nam/Nữ: {gender}\nĐịa chỉ: {address}\nNghề nghiệp: {job}    Nơi làm việc: {company}\n"
        "Số thẻ BHYT: {bhyt}    Hạn thẻ: {date}\nĐã được khám, điều trị tại {hospital} từ ngày {date} đến ngày {date}.\n"
        "Chẩn đoán: {dis}. Lý do chuyển tuyến: vượt khả năng chuyên môn. Người hộ tống: ĐD. {doctor}.",
    ],
    "chat": [
        "[{sdate} 20:15] {given}: bác sĩ ơi con em {age} bị {sym} từ tối qua ạ\n[{sdate} 20:17] BS {doctor}: chào chị {given}, "
        "bé có {sym} không?\n[20:18] {given}: dạ có ạ. nhà em ở {address}, sđt {phone}\n[20:20] BS {doctor}: chị cho bé uống "
        "{drug} {dose} rồi đưa bé đến {hospital} khám nhé.",
        "chi {given} oi, em la {given2} o {address2}. me em {agenum} tuoi bi {sym} may hom nay, da uong {drug}. "
        "sdt cua em la {phone}, email {email}. em gui ket qua {test} qua {url} a",
        "Bệnh nhân {name} (mã {bn}) hỏi: tôi {age}, đang uống {drug} {dose} cho {dis}, tối qua đo HA 160/100 mmHg có sao không? "
        "Trả lời (BS {doctor}): anh nên đến {hospital} hoặc gọi {phone} để được tư vấn.",
    ],
    "case_report": [
        "{bn} ({name}), {gender}, {age}, {job}, địa chỉ tại {address}. Ngày {sdate} bệnh nhân đi {place}; "
        "ngày {sdate} xuất hiện {sym}, {sym}. Ngày {sdate} được lấy mẫu xét nghiệm tại {hospital}, kết quả dương tính với "
        "SARS-CoV-2. Hiện bệnh nhân đang được cách ly, điều trị tại {hospital}.",
        "Bệnh nhân {bnnum}: {gender}, {agenum} tuổi, trú tại {address}, là {job} tại {company}. Từ ngày {sdate} đến {sdate} "
        "bệnh nhân đi làm, có đến {place} và {place}. Ngày {sdate} về {province} trên chuyến bay {flight}, được cách ly tại "
        "{hospital}. Mẹ là bà {initials} ({agenum} tuổi) đón về nhà ở {ward}.",
        "Ca bệnh {bn}: {name}, sinh năm {year}, {job}, ở {address}; tiếp xúc gần với {bn} tại {place} ngày {sdate}. "
        "Xét nghiệm {test} ngày {sdate}: {res}.",
    ],
    "case_news": [
        "\"Bệnh nhân {bnnum}\" ({initials}), {gender}, {agenum} tuổi, quốc tịch Việt Nam, {job}, trú tại {address}. Từ ngày {day} đến {sdate}, "
        "bệnh nhân ở {foreign}, nhập cảnh {airport} ngày {sdate} trên chuyến bay {flight}, được cách ly tại {military}.",
        "{org} cho biết các bệnh nhân {bnnum}, {bnnum}, {bnnum} và {bnnum} đã được công bố khỏi bệnh tại {hospital}; "
        "độ tuổi từ {agenum} đến {agenum}.",
        "Trong {month}, bệnh nhân {bnnum} đến {place}, sau đó về quê ở {ward}, {province}. Người tiếp xúc gần là vợ "
        "({initials}, {agenum} tuổi, {job}) và con gái {given2}.",
        "Ngày {sdate}, {org} thông báo ca bệnh {bn}: {job} tại {company}, {agenum} tuổi, sống ở {district_only}, {province}; "
        "bệnh nhân làm việc tại {foreign} trước khi về nước.",
        "Bệnh nhân thứ {bnnum} là {med_job} {hospital}, tiếp xúc với bệnh nhân {bnnum} ({initials}) tại {hospital}. "
        "Ngày {day} và {sdate} bệnh nhân có {sym}, {sym}.",
    ],
    "community": [
        "Ngày {dm_spaced} {ông|bà|anh|chị} bắt đầu {sym}. Trước đó {ông|bà|anh|chị} ăn tối tại {venue} ở {ward}, rồi đi {venue} "
        "đến 22h. Bệnh nhân COVID-19 thứ {bnnum} là {job2}, hiện điều trị tại {dept_hospital}.",
        "Theo {committee}, từ ngày {dm_spaced} đến {dm_spaced} các bệnh nhân {bnnum} và {bnnum} từng đến {venue}; "
        "người nhà là {job2} làm việc tại {company}. Mẫu xét nghiệm gửi {dept_hospital} ngày {sdate}.",
        "Ngày vào viện: {date_time}. Bệnh nhân {name}, {age}, {job2}, từng đến {venue} ngày {sdate}; "
        "chuyển {dept_hospital} lúc {datetime}. Chẩn đoán: {dis}.",
        "{BS điều trị|Bác sĩ điều trị}: {doctor} - Khoa {Tim mạch|Nội tiết|Hô hấp|Thần kinh}\n"
        "Ghi chú: bệnh nhân {name}, {age}, quê {province}, từng làm {job2} tại {venue}. [Phát ban toàn thân|SYMPTOM], [ban đỏ|SYMPTOM], {sym}.",
    ],
    "admin": [
        "Thông tin liên hệ: {name}, CMND {cmnd}, hộ chiếu {passport}, email {email}, website {url}. Biển số xe {plate}. "
        "STK {bank} tại Ngân hàng Vietcombank chi nhánh {province}. Mã số BHXH: {bhxh}. Đăng nhập từ IP {ip}.",
        "Người bệnh {name}, quốc tịch {Việt Nam|Việt Nam|Mỹ|Hàn Quốc}, dân tộc {Kinh|Tày|Mường}, số định danh cá nhân {cccd}, ngày sinh {dob}, quê quán {address}. Người giám hộ: {name2}, SĐT {phone}. "
        "Đăng ký khám tại {hospital} ngày {date}, {monthyear} tái khám.",
    ],
}

VARIANTS = ("plain", "plain", "plain", "no_diacritics", "upper", "abbrev")


def make_doc(rng: random.Random, i: int, genre: str | None = None, variant: str | None = None) -> Document:
    genre = genre or rng.choice(sorted(TEMPLATES))
    variant = variant or rng.choice(VARIANTS)
    g = Gen(rng, abbrev=variant == "abbrev" or rng.random() < 0.2)
    g.person = {"g": rng.choice("mf")}
    text, spans = Builder(g, fillers(g)).render(rng.choice(TEMPLATES[genre]))
    if variant == "no_diacritics":
        text = fold(text)
    elif variant == "upper":
        up = text.upper()
        if len(up) == len(text):
            text = up
        else:
            variant = "plain"
    doc = Document(id=f"syn-{genre}-{i:06d}", text=text, spans=spans,
                   meta={"genre": genre, "variant": variant, "source": "vimednlp-synthetic"})
    doc.with_span_text()
    doc.check()
    return doc


def generate(n: int, seed: int = 13) -> list[Document]:
    rng = random.Random(seed)
    return [make_doc(rng, i) for i in range(n)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Generate synthetic Vietnamese clinical documents with gold spans (JSONL).",
                                 epilog="example: python corpora/synthetic/generate.py --n 500 --seed 7 --out train.jsonl")
    ap.add_argument("--n", type=int, default=1000, help="number of documents")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", type=Path, help="output JSONL (default: stdout)")
    args = ap.parse_args(argv)
    if args.n <= 0:
        ap.error("--n must be positive")
    write_documents(generate(args.n, args.seed), args.out)
    return 0


def write_documents(docs: list[Document], out: Path | None) -> None:
    """JSONL of the documents into `out` (its folder made), or to stdout without one."""
    lines = "".join(d.to_json() + "\n" for d in docs)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(lines, encoding="utf-8")
        print(f"wrote {len(docs)} documents to {out}", file=sys.stderr)
    else:
        sys.stdout.write(lines)


if __name__ == "__main__":
    sys.exit(main())
