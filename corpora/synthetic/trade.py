"""Border trade, south-central uplands and hospital software for the many-form corpus (issue #15, round 14: the forms
dev batches 40-41 showed the learned detector had not seen), used by `forms.py`:

- Chinese traders, drivers and their kin written in three ways, Hanzi (`王建国`), pinyin (`Wang Jianguo`, `WANG JIANGUO`,
  `Jianguo Wang`) and the Sino-Vietnamese reading (`Vương Kiến Quốc`, also lower case or without marks); their
  companies and hospitals in Hanzi, pinyin, English and Vietnamese (`凭祥宏发贸易有限公司`, `Pingxiang Hongfa Maoyi
  Youxian Gongsi`, `Pingxiang Hongfa Trading Co., Ltd.`, `Công ty TNHH Thương mại Hồng Phát Bằng Tường`), addresses in
  China in the three scripts, border gates and markets;
- Raglai and Chăm family names (`Chamaléa Thị Xuân`, `Pi Năng Văn Tài`, `Thiên Sanh Hùng`) with their villages and
  communes, and chats of the area typed lower case without marks;
- pipe tables between facilities whose facility code and facility name repeat down the rows, the name sometimes in
  lower case; hospital-software account names (`by user baonq`, `nv_thuha2`, `khth.lanpt`, one NAME) in log lines;
- narrative notes that call the patient by the given name at the start of a sentence (`Hoa đau bụng từ sáng.`) and
  foreign names written as Vietnamese syllables (`Giôn Xmít`, `Ma-ri-a Pô-pốp`).

The lists live in `data/forms_trade.json` (with its source note); this module is the engine. It depends only on
`generate.py` and `world.py`, so `forms.py` can import it.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

from corpora.synthetic import generate as base
from corpora.synthetic.world import lit
from vimednlp.text.fold import fold

TR = json.loads(Path(__file__).with_name("data").joinpath("forms_trade.json").read_text(encoding="utf-8"))
SCRIPTS3 = ("hanzi", "pinyin", "viet")


# --- Chinese people in three scripts ------------------------------------------------------------------------------
def cn_person(r: random.Random) -> dict:
    """A Chinese name: `hanzi`, pinyin surname and given name (`py_sur`, `py_given`), Sino-Vietnamese reading (`viet`,
    `viet_given`)."""
    sur = r.choice(TR["cn_surnames"])
    given = [r.choice(TR["cn_given"]) for _ in range(r.choice([1, 2, 2, 2]))]
    return {"hanzi": sur[0] + "".join(c[0] for c in given), "py_sur": sur[1],
            "py_given": "".join(c[1] for c in given[:1]) + "".join(c[1].lower() for c in given[1:]),
            "py_given_split": " ".join(c[1] for c in given), "viet": " ".join([sur[2]] + [c[2] for c in given]),
            "viet_given": given[-1][2], "hanzi_given": "".join(c[0] for c in given)}


def cn_name(r: random.Random, p: dict, script: str | None = None) -> str:
    script = script or r.choice(SCRIPTS3)
    if script == "hanzi":
        return p["hanzi"]
    if script == "pinyin":
        return r.choice([f"{p['py_sur']} {p['py_given']}", f"{p['py_sur']} {p['py_given']}", f"{p['py_sur'].upper()} {p['py_given'].upper()}",
                         f"{p['py_given']} {p['py_sur']}", f"{p['py_sur']} {p['py_given_split']}", f"{p['py_sur'].upper()} {p['py_given']}"])
    return r.choice([p["viet"], p["viet"], p["viet"].lower(), fold(p["viet"]), fold(p["viet"]).upper()])


# --- Chinese organisations and addresses in three or four scripts -----------------------------------------------
def cn_org(r: random.Random, kind: str | None = None) -> dict:
    """An organisation in China: `hanzi`, `pinyin`, `english`, `viet` renderings of the same name."""
    kind = kind or r.choice(["company", "company", "company", "hospital", "tcm", "clinic", "shop"])
    pl, br, tr = r.choice(TR["cn_places"]), r.choice(TR["cn_brands"]), r.choice(TR["cn_trades"])
    with_place = r.random() < .6
    if kind == "company":
        return {"hanzi": f"{pl[0] if with_place else ''}{br[0]}{tr[0]}有限公司",
                "pinyin": f"{pl[1] + ' ' if with_place else ''}{br[1]} {tr[1].capitalize()} Youxian Gongsi",
                "english": r.choice([f"{pl[1] + ' ' if with_place else ''}{br[1]} {tr[2]} Co., Ltd.",
                                     f"{br[1]} {tr[2]} Co. Ltd ({pl[1]})", f"{pl[1].upper()} {br[1].upper()} {tr[2].upper()} CO., LTD"]),
                "viet": r.choice([f"Công ty TNHH {tr[3]} {br[2]}{' ' + pl[2] if with_place else ''}", f"Cty TNHH {br[2]} {pl[2]}",
                                  f"công ty {br[2]} bên {pl[2]}"])}
    if kind == "shop":
        return {"hanzi": f"{br[0]}{tr[0]}商行", "pinyin": f"{br[1]} {tr[1].capitalize()} Shanghang",
                "english": f"{br[1]} {tr[2]} Store", "viet": f"cửa hàng {br[2]}"}
    if kind == "hospital":
        return {"hanzi": f"{pl[0]}市人民医院", "pinyin": f"{pl[1]} Shi Renmin Yiyuan", "english": f"{pl[1]} People's Hospital",
                "viet": r.choice([f"Bệnh viện Nhân dân {pl[2]}", f"BV nhân dân {pl[2]}", f"bệnh viện {pl[2]}"])}
    if kind == "tcm":
        return {"hanzi": f"{pl[0]}市中医医院", "pinyin": f"{pl[1]} Shi Zhongyi Yiyuan",
                "english": f"{pl[1]} Hospital of Traditional Chinese Medicine", "viet": f"Bệnh viện Trung y {pl[2]}"}
    return {"hanzi": f"{br[0]}诊所", "pinyin": f"{br[1]} Zhensuo", "english": f"{br[1]} Clinic", "viet": f"phòng khám {br[2]}"}


def cn_org_name(r: random.Random, o: dict, script: str | None = None) -> str:
    script = script or r.choice(["hanzi", "pinyin", "english", "viet", "viet"])
    v = o[script]
    if script in ("viet", "english") and r.random() < .2:
        v = v.lower()
    return v


def cn_address(r: random.Random, script: str | None = None) -> str:
    script = script or r.choice(SCRIPTS3)
    pr, pl, st, n = r.choice(TR["cn_provinces"]), r.choice(TR["cn_places"]), r.choice(TR["cn_streets"]), r.randint(1, 399)
    if script == "hanzi":
        return r.choice([f"{pr[0]}{pl[0]}市{st[0]}{n}号", f"{pl[0]}市{st[0]}{n}号", f"中国{pr[0]}{pl[0]}"])
    if script == "pinyin":
        return r.choice([f"No. {n} {st[2]}, {pl[1]}, {pr[1]}", f"{n} {st[1]}, {pl[1]} Shi, {pr[1]}", f"{pl[1]}, {pr[1]}, China"])
    return r.choice([f"số {n} {st[3]}, thành phố {pl[2]}, {pr[2]}", f"{pl[2]}, {pr[2]}, Trung Quốc", f"{pl[2]} ({pr[2]})"])


def cn_phone(r: random.Random) -> str:
    d = lambda k: "".join(str(r.randint(0, 9)) for _ in range(k))
    head = r.choice(["13", "15", "18", "17", "19"]) + d(1)
    return r.choice([f"+86 {head} {d(4)} {d(4)}", f"+86{head}{d(8)}", f"0086 {head}{d(8)}", f"{head}-{d(4)}-{d(4)}", f"{head}{d(8)}"])


def vn_trade_org(r: random.Random) -> str:
    return r.choice(TR["vn_trade_orgs"]).format(b=r.choice(TR["vn_trade_brands"]))


# --- south-central uplands: Raglai and Chăm ---------------------------------------------------------------------
def sc_person(r: random.Random, kind: str | None = None) -> tuple[str, str]:
    """A Raglai or Chăm full name and the name the person is called by (the given name)."""
    kind = kind or r.choice(["raglai", "raglai", "cham"])
    e = TR[kind]
    given = r.choice(e["given"])
    full = " ".join(x for x in (r.choice(e["surnames"]), r.choice(e["middle"]), given) if x)
    return full, given


def sc_place(r: random.Random) -> str:
    R = TR["raglai"]
    v = r.choice(R["villages"] + TR["cham"]["villages"])
    k = r.random()
    if k < .3:
        return f"thôn {v}, xã {r.choice(R['communes'])}, huyện {r.choice(R['districts'])}"
    if k < .5:
        return f"thôn {v}, xã {r.choice(R['communes'])}"
    if k < .65:
        return f"xã {r.choice(R['communes'])}, {r.choice(R['districts'])}, {r.choice(R['provinces'])}"
    if k < .8:
        return f"làng {v}"
    return f"thôn {v}"


# --- hospital software accounts --------------------------------------------------------------------------------
def account_name(r: random.Random, full: str) -> str:
    """A login made from a Vietnamese full name: `baonq`, `nv_thuha2`, `khth.lanpt`, `bs.minh`."""
    parts = fold(full).lower().split()
    given, init = parts[-1], "".join(p[0] for p in parts[:-1])
    A = TR["accounts"]
    shape = r.choice(A["shapes"])
    return shape.format(g=given, i=init, unit=r.choice(A["units"]), n=r.randint(1, 99))


# --- fillers and genres ------------------------------------------------------------------------------------------
def _cn(g, key: str) -> dict:
    return g.person.setdefault("cn_" + key, cn_person(g.r))


def _org(g, key: str, kind: str | None = None) -> dict:
    return g.person.setdefault("cnorg_" + key, cn_org(g.r, kind))


def trade_fillers(g) -> dict:
    P = lambda v, lab, **a: (v, lab, a)
    r = g.r
    d = lambda n: "".join(str(r.randint(0, 9)) for _ in range(n))
    return {
        "cnname": lambda: P(cn_name(r, _cn(g, "a")), "NAME"),
        "cnname_h": lambda: P(_cn(g, "a")["hanzi"], "NAME"),
        "cnname_p": lambda: P(cn_name(r, _cn(g, "a"), "pinyin"), "NAME"),
        "cnname_v": lambda: P(_cn(g, "a")["viet"], "NAME"),
        "cngiven_v": lambda: P(_cn(g, "a")["viet_given"], "NAME"),
        "cnname2": lambda: P(cn_name(r, _cn(g, "b")), "NAME"),
        "cnname2_h": lambda: P(_cn(g, "b")["hanzi"], "NAME"),
        "cnname3": lambda: P(cn_name(r, cn_person(r)), "NAME"),
        "cnorg": lambda: P(cn_org_name(r, _org(g, "a", "company")), "ORGANIZATION"),
        "cnorg_h": lambda: P(_org(g, "a", "company")["hanzi"], "ORGANIZATION"),
        "cnorg_p": lambda: P(cn_org_name(r, _org(g, "a", "company"), r.choice(["pinyin", "english"])), "ORGANIZATION"),
        "cnorg_v": lambda: P(cn_org_name(r, _org(g, "a", "company"), "viet"), "ORGANIZATION"),
        "cnhosp": lambda: P(cn_org_name(r, _org(g, "h", r.choice(["hospital", "tcm", "clinic"]))), "ORGANIZATION"),
        "cnhosp_h": lambda: P(_org(g, "h", r.choice(["hospital", "tcm", "clinic"]))["hanzi"], "ORGANIZATION"),
        "cnaddr": lambda: P(cn_address(r), "LOCATION"),
        "cnaddr_h": lambda: P(cn_address(r, "hanzi"), "LOCATION"),
        "cnphone": lambda: P(cn_phone(r), "PHONE"),
        "cnpass": lambda: P(r.choice([f"E{d(8)}", f"EA{d(7)}", f"G{d(8)}", f"P{r.choice('CDE')}{d(7)}"]), "ID", kind="passport"),
        "cnpermit": lambda: P(r.choice([f"T{d(8)}", f"{r.choice(['BL', 'LS', 'QN', 'LC'])}-{d(6)}", f"{d(2)}/GTT-{d(5)}"]), "ID", kind="other"),
        "cnwechat": lambda: P(r.choice([f"{fold(_cn(g, 'a')['py_sur']).lower()}{fold(_cn(g, 'a')['py_given']).lower()}{d(2)}",
                                      f"{fold(_cn(g, 'a')['py_sur']).lower()}_{d(4)}", f"wxid_{d(6)}"]), "NAME"),
        "gate": lambda: P(g.person.setdefault("gate", r.choice(TR["border_gates"])), "LOCATION"),
        "trole": lambda: P(r.choice(TR["trade_roles"]), None),
        "vnorg": lambda: P(g.person.setdefault("vnorg", vn_trade_org(r)), "ORGANIZATION"),
        "scname": lambda: P(g.person.setdefault("scname", sc_person(r))[0], "NAME"),
        "scgiven": lambda: P(g.person.setdefault("scname", sc_person(r))[1], "NAME"),
        "scname2": lambda: P(sc_person(r)[0], "NAME"),
        "scplace": lambda: P(g.person.setdefault("scplace", sc_place(r)), "LOCATION"),
        "scplace2": lambda: P(sc_place(r), "LOCATION"),
        "viname": lambda: P(g.person.setdefault("viname", f"{r.choice(TR['foreign_vi_given'])} {r.choice(TR['foreign_vi_sur'])}"), "NAME"),
        "vigiven": lambda: P(g.person.setdefault("viname", f"{r.choice(TR['foreign_vi_given'])} {r.choice(TR['foreign_vi_sur'])}").split()[0],
                             "NAME"),
        "viname2": lambda: P(f"{r.choice(TR['foreign_vi_given'])} {r.choice(TR['foreign_vi_sur'])}", "NAME"),
        # the patient's own given name (the last syllable of `{name}`), as a nurse opens a sentence with it
        "pgiven": lambda: P(g.person.setdefault("name", g.full_name(g.person.get("g"))).split()[-1], "NAME"),
        "tcode": lambda: P(g.person["tcode"], "ID", kind="other"),  # (set by the facility table)
        "account": lambda: P(account_name(r, g.full_name()), "NAME"),
        "system": lambda: P(r.choice(TR["accounts"]["systems"]), None),
        "acverb": lambda: P(r.choice(TR["accounts"]["verbs"]), None),
    }


BORDER_TRADE = [
    "TRẠM KIỂM DỊCH Y TẾ {gate}\nPHIẾU KHAI BÁO Y TẾ / 健康申报卡\nHọ tên / 姓名: {cnname_h} ({cnname_p})\nTên đọc tiếng Việt: {cnname_v}\n"
    "Hộ chiếu / 护照: {cnpass}    Giấy thông hành: {cnpermit}\nĐơn vị / 单位: {cnorg_h} – {cnorg_v}\nĐịa chỉ / 地址: {cnaddr}\n"
    "Điện thoại: {cnphone}    WeChat: {cnwechat}\nTriệu chứng: {sym}, {sym}\nXử trí: chuyển {hospital} lúc {datetime}\nCán bộ kiểm dịch: {doctor}",
    "BN {cnname_v} ({cnname_h}), {age}, {trole} của {cnorg}, nhập cảnh qua {gate} ngày {date}. Vào viện vì {sym}. "
    "Phiên dịch: {name2} ({phone}). Người nhà bên Trung Quốc: {cnname2} ({cnname2_h}), {cnphone}. Chẩn đoán {dis}. "
    "BN xin chuyển về {cnhosp} để điều trị tiếp.",
    "| STT | Họ tên | Quốc tịch | Hộ chiếu | Công ty | Ngày qua cửa khẩu | Kết quả |\n|---|---|---|---|---|---|---|\n"
    "| 1 | {cnname} | TQ | {cnpass} | {cnorg} | {sdate} | âm tính |\n| 2 | {cnname3} | TQ | {cnpass} | {cnorg} | {sdate} | âm tính |\n"
    "| 3 | {name} | VN | {cccd} | {vnorg} | {sdate} | {sym} |\n| 4 | {cnname3} | TQ | {cnpass} | {cnorg_p} | {sdate} | âm tính |\n"
    "Người lập: {doctor} – {gate}",
    "Giấy chuyển viện / 转院证明\nKính gửi: {cnhosp} ({cnhosp_h})\nBệnh nhân: {cnname} – {cnname_h}, sinh {dob}, hộ chiếu {cnpass}\n"
    "Nơi làm việc: {cnorg} ({cnorg_h}), {cnaddr}\nChẩn đoán: {dis}\nĐiều trị tại {hospital} từ {date} đến {date}\nLiên hệ: {cnphone}; "
    "đối tác Việt Nam {vnorg}, anh {given2} {phone}\nBác sĩ điều trị: {doctor}",
    "{given} {clock}: a {cngiven_v} ben {cnorg_v} bi {sym} tu sang, em dua qua {hospital} roi\n{given2} {clock}: ten day du la gi e\n"
    "{given} {clock}: {cnname_v}, ten tq {cnname_h}, sdt {cnphone}, ho chieu {cnpass}\n{given2} {clock}: ok, bao cty {vnorg} "
    "dong tien tam ung nhe. chi {name2} ke toan so {phone}",
    "Biên bản bàn giao hàng và người bệnh tại {gate} ngày {date}\nBên giao: {cnorg} ({cnorg_h}), đại diện {cnname}\n"
    "Bên nhận: {vnorg}, đại diện {name}, CCCD {cccd}\nLái xe {cnname3} bị {sym} khi bốc hàng, được y tế cửa khẩu sơ cứu, "
    "chuyển {hospital}. Số xe {plate}.\nNgười chứng kiến: {name2}, {phone}",
]
SOUTH_CENTRAL = [
    "Họ tên: {scname}    Dân tộc: {Raglai|Chăm|Raglai}    Năm sinh: {year}\nĐịa chỉ: {scplace}\nSố thẻ BHYT: {bhyt}\n"
    "Người nhà: {scname2} ({chồng|vợ|con|mẹ}), SĐT {phone}\nVào viện: {date} vì {sym}\nChẩn đoán: {dis}\nBác sĩ: {doctor}",
    "Trạm y tế xã báo cáo: ngày {date} bà con {scplace} đưa chị {scname}, {age}, đến trạm vì {sym}. Chị {scgiven} có "
    "chồng là {scname2} đi làm rẫy ở {scplace2}. Chuyển {hospital} lúc {datetime}. Y sĩ trực: {name2}",
    "{scgiven} {clock}: chi oi e {scgiven} o {scplace} ne, con e bi {sym} 2 ngay roi\nYT thon {clock}: con ten gi, may tuoi\n"
    "{scgiven} {clock}: ten {scname2}, {agenum} tuoi, the bhyt {bhyt}\nYT thon {clock}: e dua xuong tram y te xa lien, goi {phone}",
    "| STT | Họ tên | Năm sinh | Thôn | Mã thẻ | Ngày khám |\n|---|---|---|---|---|---|\n| 1 | {scname} | {byear} | {scplace} | {bhyt} | {sdate} |\n"
    "| 2 | {scname2} | {byear} | {scplace2} | {bhyt} | {sdate} |\n| 3 | {scname2} | {byear} | {scplace2} | {bhyt} | {sdate} |\n"
    "Người lập: {scname2}",
]
NARRATIVE = [
    "Diễn biến ngày {date}: BN {name}, {age}. {pgiven} {sym} từ sáng, nôn 2 lần. {pgiven} được cho {drug} {dose}. "
    "Chiều {pgiven} đỡ đau, ăn được cháo. Người nhà ({name2}) ở bên cạnh.",
    "Phiếu chăm sóc – {dept_hospital}\nBN: {name}    Mã BN: {mrn}\n{datetime}: {pgiven} tỉnh, {sym}. {pgiven} than mệt, đã báo BS {doctor}.\n"
    "{datetime}: {pgiven} ngủ được. Mẹ {pgiven} ({given2}) xin về nhà lấy đồ, SĐT {phone}.",
    "Tóm tắt của CTXH ({date}): {name} sinh năm {year}, ở {address}. {pgiven} bỏ học từ lớp 7, ở với bà ngoại {name2}. "
    "{pgiven} kể bố là {given2} đi làm ở {company}. {Sáng|Chiều|Tối} nay {pgiven} {sym}, đã đưa đến {hospital}.",
    "BN nước ngoài {viname}, {age}, quốc tịch {Anh|Pháp|Mỹ|Nga|Úc}. {vigiven} vào viện vì {sym} khi đi du lịch ở {address}. "
    "Người đi cùng: {viname2}. Bảo hiểm {insurer}. {vigiven} xin ra viện ngày {date}.",
    "Tường trình: lúc {datetime} anh {vigiven} (tên đầy đủ {viname}) cùng bạn là {fname2} đến khoa cấp cứu {hospital}. "
    "{vigiven} bị {sym}. Điều dưỡng {given2} tiếp nhận.",
]


def facility_table_template(g) -> str:
    """A report table between facilities: pipe or tab columns, the facility code and name repeated down the rows (the name
    sometimes in lower case), a software account per row; log lines under the table."""
    r = g.r
    sep = r.choice([" | ", "\t", "|"])
    fac_code = "".join(str(r.randint(0, 9)) for _ in range(5)) if r.random() < .6 else f"{g.pick(base.PROVINCES)[1]}{r.randint(100, 999)}"
    g.person["tcode"] = fac_code
    fac_name = g.hospital()
    if r.random() < .4:
        fac_name = fac_name.lower()
    if r.random() < .3:
        fac_name = f"{r.choice(TR['lower_org_kinds'])} {g.pick(base.WARDS25)[2].lower() if r.random() < .5 else g.pick(base.WARDS25)[2]}"
    users = [account_name(r, g.full_name()) for _ in range(r.randint(1, 3))]
    cols = ["STT", "Mã CSKCB", "Tên cơ sở", "Họ tên", "Năm sinh", "Mã thẻ", "Ngày", "Người nhập"]
    lines = [r.choice(["BÁO CÁO CA BỆNH", "DANH SÁCH CHUYỂN TUYẾN", "Bảng tổng hợp đề nghị thanh toán", "SỔ TIÊM CHỦNG – xuất từ phần mềm"]),
             sep.join(cols)]
    if sep.strip() == "|":
        lines.append(sep.join(["---"] * len(cols)))
    for i in range(r.randint(3, 7)):
        lines.append(sep.join([str(i + 1), "{tcode}", lit(fac_name, "ORGANIZATION"), "{name2}", "{byear}", "{bhyt}", "{sdate}",
                               lit(r.choice(users), "NAME")]))
    for _ in range(r.randint(1, 3)):
        who = lit(r.choice(users), "NAME")
        lines.append(r.choice([f"{{system}} {{datetime}} {{acverb}} {who}", f"[{{system}}] {{acverb}} {who} lúc {{datetime}}",
                               f"Xuất file: {{datetime}} · {{acverb}} {who} · máy {{ip}}" if r.random() < .3 else f"Xuất file: {{datetime}} · {who}"]))
    return "\n".join(lines)
