"""Clinical text that is never PHI: vital signs (`150/90 mmHg`), ICD-10 codes (`I21.9`), doses and lab
values with units, drug strengths, scores. Candidates from weak-evidence recognizers that overlap these
spans are dropped by the analyzer (validated identifiers keep priority)."""
from __future__ import annotations

import re

from .base import Context, digit_run_starts, finditer_at

# (micro as the micro sign µ and as the Greek letter μ, which is what an upper-case Μ lowers to)
_UNITS = (r"mmhg|mm\s?hg|mg/dl|mg/l|mmol/l|µmol/l|μmol/l|umol/l|g/l|g/dl|t/l|g/l|k/ul|/mm3|u/l|ui/l|iu/l|ng/ml|pg/ml|meq/l"
          r"|mg|mcg|µg|μg|ug|g|ml|l|ui|iu|đv|dv|%|lần/phút|lan/phut|l/ph|l/p|nhịp/phút|nhip/phut|ck/ph|ck/p|°c|độ c|do c|kg|cm|mm"
          r"|giọt/phút|giot/phut|giọt|giot|viên|vien|ống|ong|gói|goi|lọ|lo|cc|mui|mũi|kcal|bpm|l/phút|l/phut|lít|lit|tuần|tuan|hz|khz|db")
_ALLOW_RES: list[tuple[str, re.Pattern]] = [
    ("blood pressure", re.compile(r"(?<![\w/])\d{2,3}\s?/\s?\d{2,3}\s?(?:mmhg|mm\s?hg)|(?:\bha|huyet ap|huyết áp)\s*:?\s*\d{2,3}\s?/\s?\d{2,3}", re.I)),
    # ('T11/2025' is a month and year, not the ICD code T11)
    # (not the head of a record number: 'Số GPB: B26-004127')
    ("ICD-10 code", re.compile(r"(?<![\w.])[a-tv-z]\d{2}(?:\.\d{1,2})?(?![\w.]|\.\d|-\d|/(?:19|20)\d\d)", re.IGNORECASE)),
    # '(?!\.\w)': 'bệnh nhân 27 P.V.K.' is a number and a person's initials, not 27 litres
    ("value with unit", re.compile(rf"(?<![\w.,])\d+(?:[.,]\d+)?\s?(?:{_UNITS})(?![\w])(?!\.\w)", re.I)),
    ("dose fraction", re.compile(r"(?<![\w/])\d/\d\s?(?:viên|vien|ống|ong|gói|goi)", re.I)),
    ("score", re.compile(r"(?:glasgow|gcs|apgar|nyha|para|para:)\s*:?\s*\d+(?:[/\-]\d+)*", re.I)),
    # a pain score on a 10-point scale: 'VAS 6/10', 'NRS: 3/10', 'điểm đau 4/10' (no date)
    ("pain score", re.compile(r"(?:vas|nrs|vrs|điểm đau|diem dau)\s*:?\s*(?:10|\d(?:[.,]5)?)\s?/\s?10(?![\d/])", re.I)),
    # the same after the pain itself ('đau vết mổ 6/10', 'Đau giảm 4/10'): a few words on the site or the trend, no date cue
    ("pain out of ten", re.compile(r"(?<![\w])(?:đau|dau)(?:\s+(?!(?:ngày|ngay|từ|tu|đến|den|tới|toi|hôm|hom|lúc|luc|sáng|sang"
                                   r"|chiều|chieu|tối|đêm|dem|trưa|trua|vào|vao|khi|sau|trước|truoc|tháng|thang|đợt|dot)(?![\w]))"
                                   r"[^\s\d/,.;:()]+){0,3}\s*:?\s*(?:10|\d)\s?/\s?10(?![\d/])", re.I)),
    # the national office issuing identity cards or passports ('Nơi cấp: Cục Cảnh sát QLHC về TTXH'): like
    # 'Bộ Y tế', one office for the whole country names no one
    ("national issuing office", re.compile(r"cục cảnh sát (?:qlhc về ttxh|quản lý hành chính về trật tự xã hội"
                                           r"|đkql cư trú và dlqg về dân cư|đăng ký quản lý cư trú và dữ liệu quốc gia về dân cư)"
                                           r"|cục cs qlhc về ttxh|cục quản lý xuất nhập cảnh", re.I)),
    # 'khối 1/4 trên ngoài', 'ở 1/3 trên thực quản': a part of an organ, not a date
    ("organ fraction", re.compile(r"(?<![\w/])[1-3]\s?/\s?[2-4]\s+(?:trên|dưới|giữa|ngoài|trong|sau|trước|tren|duoi|giua"
                                  r"|ngoai|truoc)(?![\w])", re.I)),
    # 'nhân chia 12/10 vi trường' (mitoses per 10 high-power fields), 'mật độ 2/2' (ILO profusion on a chest film)
    ("pathology count", re.compile(r"(?:nhân chia|nhan chia|mật độ|mat do)\s*:?\s*\d{1,3}\s?/\s?\d{1,3}(?![\d/])"
                                   r"|(?<![\w/])\d{1,3}\s?/\s?\d{1,3}\s?(?:vi trường|vi truong|hpf|quang trường)(?![\w])", re.I)),
    # 'Thông tư số 22/2019/TT-BYT', 'Nghị định 146/2018/NĐ-CP': a law or regulation of general reach, no one's record
    ("legal document number", re.compile(r"(?<![\w/])\d{1,4}/\d{4}/(?:TT|TTLT|NĐ|ND|NQ|QH\d*|L|UBTVQH\d*)-[A-ZĐ]{2,}"
                                         r"(?:-[A-ZĐ]+)*(?![\w])", re.I)),
    # 'số lô 5M0417, HD 08/2027': a drug's expiry date
    ("expiry date", re.compile(r"(?<![\w])(?:hd|hsd|hạn dùng|han dung|hạn sử dụng|han su dung|exp)\s*:?\s*\d{1,2}\s?[/.\-]\s?\d{2,4}"
                               r"(?![\w/])", re.I)),
    # 'CA 19-9 846 U/mL', 'CA 15-3': tumour markers (a test's name, then its value) are no date or record number
    ("tumour marker", re.compile(r"(?<![\w])ca\s?-?(?:19\s?-\s?9|15\s?-\s?3|72\s?-\s?4|27\s?[.\-]\s?29)(?![\w])", re.I)),
    # units per millilitre of tumour markers and hormones ('846 U/mL', '5,2 mIU/mL'): a value, no house number
    ("value per millilitre", re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?\s?(?:u|ku|iu|ui|miu|mui|µiu|μiu)/ml(?![\w])", re.I)),
    # 'MRI 1.5T', 'cộng hưởng từ 3 Tesla': the scanner's field strength, no age nor house number
    ("magnet strength", re.compile(r"(?:\bmri|cộng hưởng từ|cong huong tu)\s*:?\s*\d(?:[.,]\d)?\s?(?:t|tesla)(?![\w])", re.I)),
    # 'gãy xương sườn 5-7', 'khe liên sườn 4-5': rib numbers, no day and month
    ("rib numbers", re.compile(r"(?:sườn|suon|kls)\s*\d{1,2}\s?[-–]\s?\d{1,2}(?![\w/])", re.I)),
    # 'cơ lực 2/5', 'sức cơ tay trái 4+/5, chân trái 3/5': muscle power graded out of 5, no date
    ("muscle power grade", re.compile(r"(?:cơ lực|co luc|sức cơ|suc co)(?:[^\d\n;]{0,25}[0-5][+\-]?\s?/\s?5(?![\d/]))+", re.I)),
    # 'dương tính 6/9 mẫu', 'âm tính 3/3 lần': a count out of the samples tested
    # (not '13/3 mẫu' alone: 'Tối 13/3 mẫu bệnh phẩm được gửi' is a date; nor 'dương tính 13/3', the day of the test)
    ("sample count", re.compile(r"(?:dương tính|âm tính|duong tinh|am tinh)\s*:?\s*\d{1,3}\s?/\s?\d{1,3}"
                                r"\s(?:mẫu|mau|lần|lan|ca|bệnh phẩm|benh pham|trường hợp|truong hop)(?![\w])", re.I)),
    # a prescription's instruction line under its drug line ('   Uống 1 viên lúc 6h sáng', 'Tiêm dưới da 18 UI lúc
    # 21h'): the verb, the route and the dose, then the hour of every day's dose (a DOSAGE, not the moment of an event;
    # a care record names the drug: 'Tiêm Lovenox 40mg lúc 8h tối' stays a time)
    ("daily dose time", re.compile(r"^[ \t\-*•+]*(?:uống|uong|tiêm|tiem|xịt|xit|ngậm|ngam|đặt|dat|nhỏ|nho|dán|dan|bơm|bom)"
                                   r"(?:\s(?:dưới da|duoi da|bắp|bap|tĩnh mạch|tinh mach|tb|tdd|tmc|tm|mắt|mat|mũi|mui))?"
                                   r"\s\d+(?:[.,]\d+)?\s?[^\s\d.,;:]{1,5}(?=\s)[^\n]{0,30}?\s(?:vào lúc|vao luc|lúc|luc)\s\d{1,2}\s?(?:h|giờ|gio)"
                                   r"(?:\s?[0-5]\d)?(?:\s(?:sáng|sang|trưa|trua|chiều|chieu|tối|toi))?", re.I | re.M)),
    # the same written per day ('Ngày 1 viên lúc 8 giờ', 'ngày 2 nhát xịt lúc 20h'): the dose of every day, then its hour
    # (a dose unit after the number: 'ngày 12 tháng 3 lúc 8 giờ' is a date)
    ("daily dose time per day", re.compile(r"(?:^|(?<=[,;:(]))[ \t\-*•+]*(?:mỗi ngày|moi ngay|ngày|ngay)\s\d+(?:[.,]\d+)?\s?"
                                           r"(?:viên|vien|v|ống|ong|gói|goi|ml|mg|giọt|giot|nhát|nhat|xịt|xit|ui|iu|lần|lan)"
                                           r"(?![\w])[^\n]{0,30}?\s(?:vào lúc|vao luc|lúc|luc)\s\d{1,2}\s?(?:h|giờ|gio)(?:\s?[0-5]\d)?"
                                           r"(?:\s(?:sáng|sang|trưa|trua|chiều|chieu|tối|toi))?", re.I | re.M)),
    # a lab table's reference range in the column after the unit ('G/L           4 - 10', 'fL    80 - 100'): no day and month
    ("reference range", re.compile(r"(?<![\w])(?:g/l|t/l|mmol/l|µmol/l|μmol/l|umol/l|u/l|ui/l|iu/l|mg/dl|mg/l|g/dl|ng/ml|pg/ml"
                                   r"|µg/l|μg/l|ug/l|miu/l|fl|pg|%)[ \t]{2,}\d+(?:[.,]\d+)?\s?[-–]\s?\d+(?:[.,]\d+)?(?![\w/])", re.I)),
    # 'ST chênh lên V1-V4', 'sóng Q V1-V3': a range of chest ECG leads, no street or ward ('Q' is no Quận here)
    ("ECG lead range", re.compile(r"(?<![\w/])v[1-9]\s?[-–]\s?v[1-9](?![\w])", re.I)),
    # 'nghỉ 5-10 phút rồi đo lại', 'sốt 2-3 ngày': a range of a duration, no day and month
    # (not a date range before its month or year, nor after a date cue: 'từ 5-10 tháng 3', '5-3 năm 2026', 'ngày 5-6')
    ("duration range", re.compile(r"(?<![\w/.,])(?<!ngày )(?<!ngay )(?<!từ )(?<!tu )\d{1,3}\s?[-–]\s?\d{1,3}\s?(?:phút|phut|giây|giay|giờ|gio|tiếng|tieng|ngày|ngay"
                                  r"|tuần|tuan|tháng|thang|năm|nam)(?![\w])(?!\s*\d)", re.I)),
    ("frequency", re.compile(r"(?<![\w])x\s?\d+\s?(?:lần|lan|ngày|ngay)|\d+\s?(?:lần|lan)/(?:ngày|ngay)", re.I)),
]


_DATE_WORD_BEFORE = re.compile(r"(?:ngay|hom|tu|den|toi|sang|chieu|toi|trua|dem|luc|vao|thu \w+|cn)\s*:?\s*$")
_HOUR_G = re.compile(r"\d{1,2}\s?g")
_DAYPART_BEFORE = re.compile(r"(?:^|[^\w])(?:sang|trua|chieu|toi|dem|khuya)(?:\s+(?:nay|mai|qua))?(?:\s+(?:luc|vao))?\s+$")


def _lower_case_version(rx: re.Pattern) -> re.Pattern:
    """The pattern for lower-case text, without IGNORECASE (several times faster in `re`)."""
    if re.search(r"\\[A-Z]", rx.pattern):  # an upper-case escape (\S, \W) would change meaning when lowered
        raise ValueError(f"allow pattern {rx.pattern[:40]!r}: upper-case escapes cannot be lowered")
    return re.compile(rx.pattern.lower(), rx.flags & ~re.IGNORECASE)


_ALLOW_RES_LOWER = [(why, _lower_case_version(rx)) for why, rx in _ALLOW_RES]
# patterns whose every match starts with a digit behind a look-behind excluding letters and digits: tried only
# where a run of digits starts (`base.finditer_at`)
_DIGIT_START = frozenset(["value with unit", "dose fraction", "organ fraction", "legal document number",
                          "value per millilitre", "duration range"])
# words one of which every match of a pattern contains (lower case): a text without them skips the pattern
_NEEDS = {"score": ("glasgow", "gcs", "apgar", "nyha", "para"), "pain score": ("vas", "nrs", "vrs", "điểm đau", "diem dau"), "pain out of ten": ("đau", "dau"),
          "national issuing office": ("cục",),
          "pathology count": ("nhân chia", "nhan chia", "mật độ", "mat do", "vi trường", "vi truong", "hpf", "quang trường"),
          "expiry date": ("hd", "hsd", "hạn", "han", "exp"), "legal document number": ("/",), "organ fraction": ("/",),
          "dose fraction": ("/",), "blood pressure": ("/",), "magnet strength": ("mri", "cộng hưởng", "cong huong"),
          "rib numbers": ("sườn", "suon", "kls"), "muscle power grade": ("cơ", "co luc", "suc co"),
          "sample count": ("/",), "daily dose time": ("lúc", "luc"),
          "daily dose time per day": ("lúc", "luc"), "reference range": ("  ",)}


def allow_spans(ctx: Context) -> list[tuple[int, int, str]]:
    out = []
    # text written with diacritics is matched as written: folded `1 ong` would also be `1 ông` (a man)
    # in '27 - 1 ông bắt đầu ho', `lo` also `lô`; the unit list spells both forms
    text = ctx.text.lower() if ctx.diacritics else ctx.folded  # (folded text is lower case)
    patterns = _ALLOW_RES_LOWER
    if len(text) != len(ctx.text):  # a letter whose lower case is longer ('İ'): match the text as written
        text, patterns = ctx.text, _ALLOW_RES
    lowered = patterns is _ALLOW_RES_LOWER
    starts = digit_run_starts(ctx) if lowered else None  # (lower-casing and folding keep digits where they are)
    for why, rx in patterns:
        needs = _NEEDS.get(why) if lowered else None
        if needs and not any(w in text for w in needs):
            continue
        for m in (finditer_at(rx, text, starts) if lowered and why in _DIGIT_START else rx.finditer(text)):
            # the cheap test first; the day part is looked for in the 80 characters before, not the whole text
            if why == "value with unit" and _HOUR_G.fullmatch(ctx.folded, m.start(), m.end()) \
                    and _DAYPART_BEFORE.search(ctx.folded, max(0, m.start() - 80), m.start()):
                continue  # 'chiều 5g': five o'clock, not five grams
            if why == "organ fraction" and _DATE_WORD_BEFORE.search(ctx.folded, max(0, m.start() - 12), m.start()):
                continue  # 'ngày 2/3 trên đường đi làm': a date after its cue, then 'on the road'
            out.append((m.start(), m.end(), why))
    return out
