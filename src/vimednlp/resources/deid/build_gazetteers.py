"""Rebuild the vendored gazetteers in this folder from their MIT-licensed sources.

Not imported at run time. Usage (from the repository root, with the dev venv):

    python src/vimednlp/resources/deid/build_gazetteers.py --names ../shared/data/names

Sources (see names/SOURCE.md and locations/SOURCE.md):
- administrative units: the `vietnamadminunits` package (MIT, Tran Ngoc Minh Hieu), both the
  63-province scheme (provinces, districts, wards) and the post-July-2025 34-province scheme (wards);
- given and middle names: duyet/vietnamese-namedb (MIT) and hungnguyen18/vietnamese-name-generator (MIT);
  surnames: those lists plus our own hand-written list (names/surnames_extra.txt).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

HERE = Path(__file__).parent


def _write(path: Path, header: str, rows: list[str]) -> None:
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(HERE)} ({len(rows)} rows)")


def build_locations() -> None:
    import vietnamadminunits

    data = Path(vietnamadminunits.__file__).parent / "data"
    legacy = json.loads((data / "parser_legacy.json").read_text(encoding="utf-8"))
    new = json.loads((data / "parser_from_2025.json").read_text(encoding="utf-8"))
    out = HERE / "locations"
    prov_rows, dist_rows, ward_rows, ward25_rows = [], [], [], []
    for scheme, table in (("2019", legacy["DICT_PROVINCE"]), ("2025", new["DICT_PROVINCE"])):
        for v in table.values():
            ptype = v["province"][: len(v["province"]) - len(v["provinceShort"])].strip()
            prov_rows.append(f"{scheme}\t{v['provinceCode']}\t{ptype}\t{v['provinceShort']}")
    pnames = {k: v["provinceShort"] for k, v in legacy["DICT_PROVINCE"].items()}
    for pk, dd in legacy["DICT_PROVINCE_DISTRICT"].items():
        for v in dd.values():
            dist_rows.append(f"{pnames[pk]}\t{v['districtType']}\t{v['districtShort']}")
    for pk, dd in legacy["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"].items():
        for dk, ww in dd.items():
            dname = legacy["DICT_PROVINCE_DISTRICT"][pk][dk]["districtShort"] if dk in legacy["DICT_PROVINCE_DISTRICT"][pk] else ""
            for w in ww.values():
                ward_rows.append(f"{pnames[pk]}\t{dname}\t{w['wardType']}\t{w['wardShort']}")
    pnames25 = {k: v["provinceShort"] for k, v in new["DICT_PROVINCE"].items()}
    for pk, ww in new["DICT_PROVINCE_WARD_NO_ACCENTED"].items():
        for w in ww.values():
            ward25_rows.append(f"{pnames25[pk]}\t{w['wardType']}\t{w['wardShort']}")
    _write(out / "provinces.tsv", "scheme\tcode\ttype\tname", sorted(set(prov_rows)))
    _write(out / "districts_2019.tsv", "province\ttype\tname", sorted(set(dist_rows)))
    _write(out / "wards_2019.tsv", "province\tdistrict\ttype\tname", sorted(set(ward_rows)))
    _write(out / "wards_2025.tsv", "province\ttype\tname", sorted(set(ward25_rows)))


def _lines(p: Path) -> list[str]:
    # some source lists write Đ as the Icelandic eth (U+00D0); use the Vietnamese letter
    text = p.read_text(encoding="utf-8").replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    return [x.strip() for x in text.splitlines() if x.strip()]


def build_names(src: Path) -> None:
    out = HERE / "names"
    hn = src / "hungnguyen18"
    surnames = set(_lines(src / "fullname_generator" / "first.name.txt"))
    eth = json.loads((hn / "ethnic-surnames.json").read_text(encoding="utf-8"))
    surnames |= {x for v in eth.values() for x in v}
    surnames |= set(json.loads((hn / "region-tags.json").read_text(encoding="utf-8"))["universalSurnames"])
    surnames |= {x for x in _lines(out / "surnames_extra.txt") if not x.startswith("#")}
    compound = [x["value"] for x in json.loads((hn / "compound-surnames.json").read_text(encoding="utf-8"))]
    compound += [x for x in _lines(out / "surnames_compound_extra.txt") if not x.startswith("#")]
    surnames.discard("Bà")  # a kinship word far more often than a surname in clinical text
    _write(out / "surnames.txt", "# surname (one syllable); see SOURCE.md", sorted(surnames))
    _write(out / "surnames_compound.txt", "# compound surname; see SOURCE.md", sorted(compound))
    mid = json.loads((hn / "middle-names.json").read_text(encoding="utf-8"))
    middles: set[str] = set()

    def walk(o):
        if isinstance(o, dict):
            for v in o.values():
                walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)
        elif isinstance(o, str):
            middles.add(o)

    walk(mid)
    given_m, given_f = set(), set()
    db = src / "duyet_namedb"
    given_m |= set(_lines(db / "boy_one_word.txt"))
    given_f |= set(_lines(db / "girl_one_word.txt"))
    # two-syllable given names: the first syllable is a middle-name candidate, the last a given name
    for fname, target in (("boy.txt", given_m), ("girl.txt", given_f)):
        for full in _lines(db / fname):
            parts = full.split()
            target.add(parts[-1])
            middles.update(parts[:-1])
    _write(out / "middle.txt", "# middle name syllable; see SOURCE.md", sorted(middles))
    _write(out / "given_male.txt", "# given name syllable (male); see SOURCE.md", sorted(given_m))
    _write(out / "given_female.txt", "# given name syllable (female); see SOURCE.md", sorted(given_f))


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--names", type=Path, help="folder holding the MIT name lists (../shared/data/names)")
    args = ap.parse_args()
    build_locations()
    if args.names:
        build_names(args.names)
