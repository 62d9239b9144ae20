"""A many-form synthetic clinical corpus: genres of clinical writing and form changes, with exact gold.

The clinical counterpart of `forms.py` (which does this for PHI): every document is built as a list of segments
`[text, label, attrs]` (label None for plain text); the form changes (lower case, no marks, teencode, OCR noise,
numbers and units spoken, tables, no punctuation) rewrite segments, never the joined text, so the gold offsets
are recomputed from the segments and are exact by construction. The form changes are `forms.py`'s own where the
PHI corpus has them (`lower`, `no_marks`, `teencode`, `ocr`, `table`, `no_punct`); `spelled` speaks doses and
results as a transcript would (`năm trăm mi li gam ngày hai lần`, `ba mươi tám phẩy năm độ`).

Entities are drawn from the project's own lexicons (`src/vimednlp/resources/clinical/*.tsv`) and from the lists
in `data/clinical_forms_lists.json` (English names, dental, traditional medicine, HIV/TB, psychiatric, paediatric,
ethnic-minority settings, lab values, doses). DISEASE and SYMPTOM spans carry the five assertion attributes
(`negated`, `uncertain`, `historical`, `family`, `hypothetical`), set by the template that wrote the cue.

    python corpora/synthetic/clinical_forms.py --n 300 --seed 7 --out /tmp/cf.jsonl
    python corpora/synthetic/clinical_forms.py --n 50 --seed 7 --genre chat --form no_marks

Gold conventions follow annotation/guidelines.*.md: assertion cues outside the span, strength and frequency in
one DOSAGE span, a value with its unit one RESULT span, a test's name a TEST span.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `corpora.synthetic` importable from the repository root
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from corpora.synthetic import forms as F
from vimednlp.schema import Document

ROOT = Path(__file__).resolve().parents[2]
CL = json.loads(Path(__file__).with_name("data").joinpath("clinical_forms_lists.json").read_text(encoding="utf-8"))
LEX_DIR = ROOT / "src" / "vimednlp" / "resources" / "clinical"
ATTR = {"neg": "negated", "unc": "uncertain", "hist": "historical", "fam": "family", "hyp": "hypothetical"}
ASSERTIONS = ("negated", "uncertain", "historical", "family", "hypothetical")
Seg = list


def _read_tsv(name: str, syn_col: int) -> list[tuple[str, list[str]]]:
    rows = []
    for n, line in enumerate((LEX_DIR / name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not cols[0].strip():
            raise ValueError(f"{name}:{n}: empty term")
        syn = [s for s in cols[syn_col].split("|") if s.strip()] if len(cols) > syn_col else []
        rows.append((cols[0].strip(), syn))
    return rows


def _lexicon_pools() -> dict[str, list[tuple[str, list[str]]]]:
    """The project's own lists: a term and its written variants (abbreviations, lay names) per concept."""
    drugs = [(syn[0] if syn else term, syn) for term, syn in _read_tsv("drugs.tsv", 2)]  # the Vietnamese spelling
    return {"DISEASE": _read_tsv("diseases.tsv", 2), "SYMPTOM": _read_tsv("symptoms.tsv", 1), "DRUG": drugs,
            "TEST": [(t, s) for t, s in _read_tsv("tests.tsv", 1) if len(t) > 3],
            "PROCEDURE": _read_tsv("procedures.tsv", 1)}


LEX_SNAPSHOT = Path(__file__).with_name("data") / "clinical_forms_lexicon.json"


def snapshot_lexicon(path: Path = LEX_SNAPSHOT) -> None:
    """Freeze the lexicons' names into `path`: a seed's corpus must not change when the lexicons grow (the
    extractor reads the lexicons; a corpus that followed them would hide what a new entry fixes)."""
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data.update({k: [[t, s] for t, s in v] for k, v in _lexicon_pools().items()})
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0), encoding="utf-8")


LEX = {k: [(t, s) for t, s in v] for k, v in json.loads(LEX_SNAPSHOT.read_text(encoding="utf-8")).items()
       if not k.startswith("_")}
# a name in two lists takes the label the extractor gives it on a tie (resources.PRIORITY: DRUG > DISEASE > ...)
_RANK = {"TEST": 1, "PROCEDURE": 2, "SYMPTOM": 3, "DISEASE": 4, "DRUG": 5}
LEX_LABEL: dict[str, str] = {}
for _lab, _rows_ in sorted(LEX.items(), key=lambda kv: _RANK[kv[0]]):
    LEX_LABEL.update({t.lower(): _lab for term, syn in _rows_ for t in [term, *syn]})


class ClinGen:
    """Entity values for one document: a domain (the genre's field) mixed with the general lexicon."""

    def __init__(self, rng: random.Random, domain: str, english: float = 0.0):
        self.r, self.domain, self.english = rng, domain, english

    def pick(self, seq):
        return self.r.choice(seq)

    def entity(self, label: str) -> tuple[str, str]:
        """A name and its label: a name the project's lexicons list keeps their label (`mất ngủ` is a DISEASE
        there, `nội soi phế quản` a TEST), so the corpus and the lexicons follow one convention."""
        name = self._name(label)
        return name, LEX_LABEL.get(name.lower(), label)

    def _name(self, label: str) -> str:
        r = self.r.random()
        if r < self.english and label in CL["domains"]["english"]:
            return self.pick(CL["domains"]["english"][label])
        dom = CL["domains"].get(self.domain, {})
        if label in dom and self.r.random() < .6:
            return self.pick(dom[label])
        return self.lexicon(label)

    def lexicon(self, label: str) -> str:
        term, syn = self.pick(LEX[label])
        if syn and self.r.random() < .25:
            return self.pick(syn)
        return term

    def number(self, lo: float, hi: float, dec: int) -> str:
        v = self.r.uniform(lo, hi)
        return str(round(v)) if dec == 0 else f"{v:.{dec}f}".replace(".", self.pick([",", ",", "."]))

    def dose(self) -> str:
        val, unit = self.pick(CL["strengths"])
        s = f"{val}{self.pick(['', ' '])}{unit}"
        if self.r.random() < self.english:
            return s + " " + self.pick(CL["dose_tails_en"])
        return s + ("" if self.r.random() < .25 else " " + self.pick(CL["dose_tails"]))

    def lab(self) -> list[Seg]:
        r = self.r.random()
        sep = self.pick([" ", ": ", " "])
        if r < .2:
            test = self.pick(CL["labs_bp"])
            return [[test, "TEST", {}], [sep, None, {}],
                    [f"{self.r.randint(90, 190)}/{self.r.randint(50, 110)}{self.pick([' mmHg', 'mmHg', ''])}", "RESULT", {}]]
        if r < .4:
            test, vals = self.pick(CL["labs_qual"])
            return [[test, "TEST", {}], [self.pick([" ", ": "]), None, {}], [self.pick(vals), "RESULT", {}]]
        test, lo, hi, dec, units = self.pick(CL["labs_numeric"])
        return [[test, "TEST", {}], [sep, None, {}],
                [f"{self.number(lo, hi, dec)}{self.pick([' ', ''])}{self.pick(units)}".replace(" °", "°"), "RESULT", {}]]


# --- templates ----------------------------------------------------------------------------------------------
# Slots: {D} disease, {S} symptom (`:neg`, `:unc`, `:hist`, `:fam`, `:hyp` set that assertion), {DR} drug,
# {RX} drug + dose, {DS} a dose, {LAB} test + result, {T} test, {P} procedure; plain-text slots {REL} a relative,
# {UNC} a chat doubt cue, {NEG} a negation cue, {YEAR}, {N} a small number, {OPEN}/{CLOSE} chat greetings,
# {ETH} an ethnic group; {a|b|c} one of the words.
NOTE = [
    "Lý do vào viện: {S}, {S}.",
    "Bệnh sử: bệnh nhân {S} {N} ngày nay, kèm {S}, không {S:neg}.",
    "Bệnh sử: cách vào viện {N} ngày bệnh nhân xuất hiện {S}, {S}. Ở nhà đã dùng {RX}.",
    "Tiền sử: {D:hist}, điều trị {RX}.",
    "TS: {D:hist} ({YEAR}), {D:hist}.",
    "Tiền sử gia đình: {REL} bị {D:fam}.",
    "- {Bố|Mẹ|Anh trai|Chị gái}: {D:fam}",
    "Gia đình: {REL} {D:fam}, {REL} {D:fam}.",
    "Khám: {LAB}, {LAB}. Bụng mềm, không {S:neg}.",
    "Cận lâm sàng: {LAB}; {LAB}; {T} chưa có kết quả.",
    "Chẩn đoán: {D}.",
    "Chẩn đoán: TD {D:unc}.",
    "Chẩn đoán sơ bộ: {D}, nghi {D:unc}.",
    "Điều trị: {RX}; {RX}.",
    "Đã {P} năm {YEAR}.",
    "Chỉ định {P}.",
    "Lời dặn: tái khám ngay nếu {S:hyp}.",
]
CHAT = [
    "BN: {OPEN}, e bị {S} {N} hôm nay rồi, {UNC} {D:unc} ạ",
    "BN: nhà e {REL} cũng bị {D:fam} ạ",
    "BN: {REL} {D:fam} lâu rồi bs ạ",
    "BN: e {NEG} {S:neg} ạ, chỉ {S} thôi",
    "BN: e đang uống {DR} {DS} ạ",
    "BN: hôm qua e đi khám, {LAB} ạ",
    "BN: trước e bị {D:hist} năm {YEAR} rồi",
    "BS: e uống {RX} nhé, nếu {S:hyp} thì đi khám ngay",
    "Mẹ bé: bé nhà e {S} với {S} từ hôm qua, {UNC} {D:unc}",
    "BN: {CLOSE}",
]
TRANSCRIPT = [
    "bác sĩ: anh thấy trong người thế nào. bệnh nhân: dạ em {S} {N} ngày nay, có {S} nữa",
    "bệnh nhân: em không {S:neg}, không {S:neg} ạ",
    "bác sĩ: nhà mình có ai bị bệnh gì không. bệnh nhân: dạ {REL} bị {D:fam}",
    "bác sĩ: trước đây anh có bệnh gì không. bệnh nhân: em bị {D:hist} từ năm {YEAR}",
    "bác sĩ: chỉ số hôm nay {LAB}, {LAB}",
    "bác sĩ: kết quả {LAB} nhé",
    "bác sĩ: anh uống {DR} {DS} nhé",
    "bác sĩ: tôi nghĩ anh bị {D}, nhưng có thể là {D:unc}, mình làm thêm {T}",
    "bác sĩ: nếu {S:hyp} thì anh quay lại ngay",
]
BILINGUAL = [
    "CC: {S}, {S} x {N} days.",
    "HPI: BN {S} {N} ngày, c/o {S}, denies {S:neg}.",
    "PMH: {D:hist}, {D:hist}.",
    "FHx: {Mother|Father|Brother} has {D:fam}.",
    "Vitals: {LAB}, {LAB}, {LAB}.",
    "Labs: {LAB}; {LAB}.",
    "Assessment: {D}, r/o {D:unc}.",
    "Dx: {D}.",
    "Plan: {RX}; {RX}; {T}.",
    "s/p {P} ({YEAR}).",
]
ETHNIC = [
    "Bệnh nhân dân tộc {ETH}, nói tiếng Kinh kém, người nhà phiên dịch.",
    "Người nhà khai: bệnh nhân {S} {N} ngày, {S}, không {S:neg}.",
    "Dặn ngủ màn để phòng {D:hyp}.",
    "Tiền sử: {D:hist} ({YEAR}).",
    "Khám: {LAB}, {LAB}.",
    "Xét nghiệm: {LAB}; {LAB}.",
    "Chẩn đoán: {D}; theo dõi {D:unc}.",
    "Điều trị: {RX}; {RX}.",
]
DOMAIN = [
    "Lý do khám: {S}, {S}.",
    "Bệnh sử: {S} {N} tuần nay, không {S:neg}.",
    "Tiền sử: {D:hist} năm {YEAR}; gia đình: {REL} bị {D:fam}.",
    "Khám: {LAB}; {S}.",
    "Cận lâm sàng: {LAB}; {T}.",
    "Chẩn đoán: {D}; nghi {D:unc}.",
    "Thủ thuật: {P}.",
    "Điều trị: {RX}; {RX}; {P}.",
    "Dặn: nếu {S:hyp} thì tái khám ngay.",
]
GENRES = {   # genre -> (lines, domain, share of English names, form changes the genre implies)
    "note": (NOTE, "general", 0.0, ()),
    "chat": (CHAT, "general", 0.0, ("teencode", "lower")),
    "ocr": (NOTE, "general", 0.0, ("ocr",)),
    "transcript": (TRANSCRIPT, "general", 0.0, ("spelled", "lower")),
    "bilingual": (BILINGUAL, "english", 0.6, ()),
    "ethnic": (ETHNIC, "ethnic", 0.0, ()),
    "dental": (DOMAIN, "dental", 0.0, ()),
    "tcm": (DOMAIN, "tcm", 0.0, ()),
    "hiv_tb": (DOMAIN + NOTE[3:6], "hiv_tb", 0.0, ()),
    "psych": (DOMAIN + NOTE[5:7], "psych", 0.0, ()),
    "paeds": (CHAT[8:9] + DOMAIN, "paeds", 0.0, ()),
}
FORM_CHANGES = ("lower", "no_marks", "teencode", "ocr", "spelled", "table", "no_punct")
ORDER = ("table", "spelled", "teencode", "lower", "no_marks", "ocr", "no_punct")
SLOT = re.compile(r"\{([A-Z]+)(?::([a-z]+))?\}|\{([^{}]*\|[^{}]*)\}")


def render(line: str, g: ClinGen) -> list[Seg]:
    segs: list[Seg] = []
    pos = 0
    for m in SLOT.finditer(line):
        segs.append([line[pos:m.start()], None, {}])
        pos = m.end()
        if m.group(3):
            segs.append([g.pick(m.group(3).split("|")), None, {}])
            continue
        kind, attr = m.group(1), m.group(2)
        if kind in ("D", "S"):
            label = "DISEASE" if kind == "D" else "SYMPTOM"
            attrs = {a: False for a in ASSERTIONS}
            if attr:
                attrs[ATTR[attr]] = True
            name, label = g.entity(label)
            segs.append([name, label, attrs if label in ("DISEASE", "SYMPTOM") else {}])
        elif kind in ("DR", "T", "P"):
            name, label = g.entity({"DR": "DRUG", "T": "TEST", "P": "PROCEDURE"}[kind])
            segs.append([name, label, {a: False for a in ASSERTIONS} if label in ("DISEASE", "SYMPTOM") else {}])
        elif kind == "DS":
            segs.append([g.dose(), "DOSAGE", {}])
        elif kind == "RX":
            segs += [[g.entity("DRUG")[0], "DRUG", {}], [" ", None, {}], [g.dose(), "DOSAGE", {}]]
        elif kind == "LAB":
            segs += g.lab()
        else:
            segs.append([_plain(kind, g), None, {}])
    segs.append([line[pos:], None, {}])
    return [s for s in segs if s[0]]


def _plain(kind: str, g: ClinGen) -> str:
    if kind == "N":
        return str(g.r.randint(2, 10))
    if kind == "YEAR":
        return g.pick(CL["history_years"])
    table = {"REL": "relatives", "UNC": "chat_uncertain", "NEG": "chat_negated", "OPEN": "chat_openers",
             "CLOSE": "chat_closers", "ETH": "ethnic_groups"}
    if kind not in table:
        raise ValueError(f"unknown template slot {{{kind}}}")
    return g.pick(CL[table[kind]])


# --- clinical form changes ------------------------------------------------------------------------------------
_UNITS = sorted(CL["spoken_units"], key=len, reverse=True)
_UNIT_RE = re.compile(r"(?<=[\d\s])(" + "|".join(re.escape(u) for u in _UNITS) + r")(?![\w/])")


def f_spelled(segs, rng, g):
    """Doses and results as spoken: units read out, numbers as words (`x` between parts is not said)."""
    for s in segs:
        if not any(c.isdigit() for c in s[0]) or s[1] == "TEST":   # `SpO2`, `HbA1c` keep their names
            continue
        t = re.sub(r"(\d)\.(\d)", r"\1,\2", s[0])   # a decimal point is read `phẩy` too
        if s[1] in ("DOSAGE", "RESULT"):
            t = _UNIT_RE.sub(lambda m: " " + rng.choice(CL["spoken_units"][m[1]]), t)
            t = re.sub(r"(?<!\w)x\s+", "", t)
        lead, trail = t[:len(t) - len(t.lstrip())], t[len(t.rstrip()):]
        core = F._say_loose(t.strip(), rng).strip()
        s[0] = lead + re.sub(r"\s{2,}", " ", core) + trail if t.strip() else t
    return segs


FORMS = {"lower": F.f_lower, "no_marks": F.f_no_marks, "teencode": F.f_teencode, "ocr": F.f_ocr,
         "spelled": f_spelled, "table": F.f_table, "no_punct": F.f_no_punct}
assert set(FORMS) == set(FORM_CHANGES) == set(ORDER)


def make_doc(rng: random.Random, i: int, genre: str, augment: bool = True, forms: tuple[str, ...] = ()) -> Document:
    if genre not in GENRES:
        raise ValueError(f"unknown genre {genre!r}; known: {', '.join(GENRES)}")
    bad = [f for f in forms if f not in FORMS]
    if bad:
        raise ValueError(f"unknown form change(s) {', '.join(map(repr, bad))}; known: {', '.join(FORM_CHANGES)}")
    lines, domain, english, implied = GENRES[genre]
    g = ClinGen(rng, domain, english)
    k = rng.randint(4, min(8, len(lines)))
    chosen_lines = sorted(rng.sample(range(len(lines)), k))   # notes keep their section order
    segs: list[Seg] = []
    for n, li in enumerate(chosen_lines):
        if n:
            segs.append(["\n", None, {}])
        segs += render(lines[li], g)
    chosen = set(implied) | set(forms)
    if augment and rng.random() < .5:
        chosen |= {rng.choice(FORM_CHANGES)}
    done = []
    for name in ORDER:
        if name in chosen:
            segs = FORMS[name](segs, rng, None)
            done.append(name)
    return F.to_document(segs, f"cf-{genre}-{i:06d}", {"genre": genre, "forms": done,
                                                       "source": "vimednlp-synthetic-clinical-forms"})


def generate(n: int, seed: int = 7, genres=None, augment: bool = True, forms: tuple[str, ...] = ()) -> list[Document]:
    """`n` documents, genres in turn (all when `genres` is None), deterministic for a seed."""
    if n <= 0:
        raise ValueError(f"n must be positive, got {n}")
    gs = tuple(genres) if genres else tuple(GENRES)
    unknown = [x for x in gs if x not in GENRES]
    if unknown:
        raise ValueError(f"unknown genre(s) {', '.join(map(repr, unknown))}; known: {', '.join(GENRES)}")
    rng = random.Random(seed)
    return [make_doc(rng, i, gs[i % len(gs)], augment, tuple(forms)) for i in range(n)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Generate a many-form synthetic Vietnamese clinical corpus (JSONL).",
                                 epilog=f"genres: {', '.join(GENRES)}\nform changes: {', '.join(FORM_CHANGES)}",
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--genre", action="append", choices=tuple(GENRES))
    ap.add_argument("--form", action="append", choices=FORM_CHANGES, default=[])
    ap.add_argument("--no-augment", action="store_true", help="only the forms each genre implies")
    ap.add_argument("--out", type=Path, help="output JSONL (default: stdout)")
    a = ap.parse_args(argv)
    if a.n <= 0:
        ap.error("--n must be positive")
    docs = generate(a.n, a.seed, a.genre, not a.no_augment, tuple(a.form))
    lines = "".join(d.to_json() + "\n" for d in docs)
    if a.out:
        a.out.write_text(lines, encoding="utf-8")
    else:
        sys.stdout.write(lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
