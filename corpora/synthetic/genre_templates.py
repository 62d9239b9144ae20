"""The genre templates of the many-form corpus (`forms.py`): template markup of `generate.py` (`{filler}`,
`{a|b}` choices, `[literal|LABEL]`), `@name` for a document its builder puts together line by line, the forms each
genre implies and the ones its chats draw at random."""
from __future__ import annotations

from corpora.synthetic import generate as base
from corpora.synthetic import trade, world

HL_TRANSCRIPT = [
    "dạ em chào bác sĩ ạ em là {con trai|con gái|cháu} {bà|ông} {hname} á bà mới ra viện hôm {wdate} đó\n"
    "bác sĩ nói vâng chào anh anh tên gì\ndạ em tên {hname2} em là {hjob} đang làm ở {helse} nên giờ mới gọi về\n"
    "bác sĩ nói anh đọc giúp tôi số thẻ bảo hiểm của bà\ndạ thẻ là {bhyt} {à|ờ} để em đọc lại cho chắc\n"
    "bác sĩ nói nhà mình ở đâu\ndạ ở {hplace} gần {horg} đó\nbác sĩ nói được rồi tôi hẹn bà {wdate_t} lên {horg2} khám lại\n"
    "bác sĩ nói tôi là {doctor} khoa nội\ndạ vợ em ở nhà với bà tên {hname3} số là {phone}\n"
    "{ông|bà} hết thuốc từ ừ {month_only} số {ông|bà} là {phone_cut} ... mất tiếng ... con gái {ông|bà} {hname4} ...",
    "bác sĩ nói bên {horg} nghe rõ không\ndạ nghe rõ ạ em là {hrole} {hname2} phụ trách chương trình {lao|HIV} của {horg}\n"
    "hôm nay em trình bày ca bệnh nhân {hname} {nữ|nam} {agey} sinh năm {byear} dân tộc {hgroup} ở {hplace} giờ đổi là "
    "{hplace2}\nthẻ bảo hiểm là {bhyt} số đăng ký điều trị là {tbcode} ờ {chị|anh} này {sym} từ {wdate}\n"
    "{chồng|vợ} là {anh|chị} {hname3} {hjob} ở {hemployer} cũng đang ho kéo dài\n"
    "bác sĩ nói hôm nay {chị|anh} ấy có ngồi đó không\ndạ có {chị|anh} {hshort} đây ạ\n"
    "bác sĩ nói {chị|anh} {hshort} giờ còn {sym} không\ndạ hết rồi em {chị|anh} ấy là {hname4} đi cùng số {phone}\n"
    "bác sĩ nói tôi là bác sĩ {doctor} khoa lao {horg2} tôi đề nghị chuyển",
    "(chép từ ghi âm, nhập: {clerk} - {datetime})\nalo khoa nhi đúng không ạ\ndạ đúng rồi em nghe đây\n"
    "em là {hrole} {hname2} ở {horg} em xin chuyển một bé lên ạ bé tên {hname} dân tộc {hgroup} {age_child} sinh {myear} "
    "nặng có mười kí\nbác sĩ nói bé ở đâu mẹ tên gì\ndạ mẹ bé là chị {hname3} {agey} ở {hplace}\n"
    "nhà không có điện thoại em cho số {cô|anh} {hname4} {hjob} là {phone}\nanh trai bé là {hname5} năm ngoái bị lao\n"
    "bé có thẻ bảo hiểm trẻ em số {bhyt_te} ạ\ndạ xe biển số {plate} chạy {đường mười bốn|quốc lộ} xuất phát {wdate_t}\n"
    "bác sĩ nói được em hôm nay chị trực tôi là {doctor}",
    "bác sĩ nói chào {horg} hôm nay {wdate} bắt đầu lúc {clockvi} nhé\ndạ chào bác sĩ em là {hrole} {name} đây là "
    "chị {hname} chị nói tiếng kinh ít nên có anh {hname2} {hjob} của thôn dịch giúp ạ\nanh {hshort2} nói chị {hshort} nói là "
    "{sym} từ {wdate}\ndạ chồng chị là {hname3} {agey} đi làm {hjob} ở {helse} chưa về kịp\n"
    "bác sĩ nói có ai đi cùng không\ndạ mẹ chồng là bà {hname4} số điện thoại {phone}\n"
    "căn cước của chị {hshort} là {cccd} bảo hiểm thì {bhyt} ạ\nbác sĩ nói được tôi hẹn {wdate_t} ở {horg2}",
]
_ARV_ROW = "{i}\t{regcode}\t{rname}\t{byear_mf}\t{rloc}\t{hiv_tb_DRUG}\t{30|60|90} v\t{rdate}\t{rdate}\t{<50|KPH|chưa làm|1.240|215}"
_TB_ROW = "| {i} | {labcode} | {rname} | {agenum} | {Nam|Nữ} | {rloc} | {AFB(+)|AFB(-)|Xpert(+)} | {date} | {âm tính|1+|2+|chưa làm} |"
_BILL_ROW = "{i}\t{regcode}\t{rname}\t{byear}\t{bhyt}\t{facility}\t{icd}\t{money}"


def _rows(row: str, k: int) -> str:
    return "\n".join(row.replace("{i}", str(i + 1)) for i in range(k))


REGISTER = [
    "SỔ CẤP PHÁT THUỐC ARV - PHÒNG KHÁM NGOẠI TRÚ (OPC)\nCơ sở: {horg}    Mã cơ sở: {faccode}    Tháng {mmyyyy}\n"
    "Người cấp phát: ĐD {name} (bản nhập máy: {clerk})\nSTT\tMã BN\tHọ tên\tNS Nam\tNS Nữ\tĐịa chỉ\tPhác đồ\tSL\tNgày cấp\tHẹn\tTLVR\n"
    + _rows(_ARV_ROW, k) + "\nGhi chú:\n- BN số {2|3|4} tải lượng virus 1.240 bản sao/ml, hẹn XN lại sau 1 tháng.\n"
    "- BN số {1|5} chuyển gửi từ {horg2} (mã {faccode}), đang điều trị lao.\n- {Chồng|Vợ|Con} lấy thuốc hộ, anh {rname} CCCD {cccd}.\n"
    "- Hoàn tiền xe qua TK {bank} {bankorg}, chủ TK {holder_up}."
    for k in (4, 6)
] + [
    "SỔ ĐĂNG KÝ ĐIỀU TRỊ LAO - {horg}    Số ĐK: {tbcode}\n| STT | Mã XN | Họ tên | Tuổi | Giới | Địa chỉ | Phân loại | Ngày ĐT | Kết quả |\n"
    "|---|---|---|---|---|---|---|---|---|\n" + _rows(_TB_ROW, k) + "\nNgười hỗ trợ điều trị: {rname} — SĐT {phone}"
    for k in (3, 5)
] + [
    "DANH SÁCH ĐỀ NGHỊ THANH TOÁN BHYT\tMã CSKCB: {facility}\nSTT\tMã BN\tHọ tên\tNăm sinh\tMã thẻ\tNơi ĐKBĐ\tMã bệnh\tTổng tiền\n"
    + _rows(_BILL_ROW, k) + "\nNgười lập: {name}\tGiám định: {name2} ({horg2})" for k in (4, 7)
]
OCR_PAPER = [
    "{soyte}                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n{horg_up}          Độc lập - Tự do - Hạnh phúc\n"
    "Số: {serial}\nGIẤY CHUYỂN TUYẾN KHÁM BỆNH, CHỮA BỆNH BẢO HIỂM Y TẾ\nKính gửi: {hospital}\n"
    "- Họ và tên người bệnh: {uname}      Nam/Nữ: {gender}      Năm sinh: {year}\n- Địa chỉ: {hplace}\n"
    "- Dân tộc: {hgroup}           Quốc tịch: Việt Nam\n- Nghề nghiệp: {job}      Nơi làm việc: {company}\n"
    "- Số thẻ BHYT: {bhyt_sp}    ĐT: {landline}\nChuyển tuyến hồi: {vtime_date}\nPhương tiện vận chuyển: xe cấp cứu {plate}\n"
    "                                 {hdistrict}, {pdate}\n   Y, BÁC SĨ KHÁM, ĐIỀU TRỊ                 GIÁM ĐỐC\n"
    "   {ttl} {doctor}                       {ttl} {doctor}",
    "(bản scan, nhập: {clerk})\n{soyte}\n{horg_up}\nGIẤY RA VIỆN\n- Họ tên người bệnh: {uname}    Tuổi: {agenum}    Nam/Nữ: {gender}\n"
    "- Dân tộc: {hgroup}          Nghề nghiệp: {job}\n- Mã số BHXH/Thẻ BHYT số: {bhyt_sp}\n- Số CCCD: {cccd_sp}\n"
    "- Địa chỉ: {address}\n- Vào viện lúc: {vtime_date}\n- Ra viện lúc: {vtime_date}\n- Chẩn đoán: {dis}\n"
    "- Phương pháp điều trị: {drug} {dose}\n  Tái khám ngày {date} hoặc khi {sym}\n"
    "                                        {pdate}\n       Trưởng khoa                      GIÁM ĐỐC\n"
    "       {ttl} {doctor}                   {ttl} {doctor}",
    "Fwd: hóa đơn scan — {clerk}\n----- OCR -----\n{intlco_up}\nĐịa chỉ: {address}\nĐT: {landline}\n"
    "HÓA ĐƠN GIÁ TRỊ GIA TĂNG (VAT INVOICE)\nKý hiệu: 1C25TAA     Số: 0004187\n{pdate}\n"
    "Họ tên người mua hàng: {fname_up}\nĐơn vị: {iorg}\nTiền khám, xét nghiệm: {money}\n(Ký, ghi rõ họ tên)    Ký bởi: {uname2}",
]
INTL = [
    "{ihosp_or_acr} {Emergency Dept.|ED NOTE|Internal Medicine|Outpatient Clinic}    Triage: ESI {2|3}\n"
    "Arrival: {iwdate} by taxi, đi cùng bạn.\nPt: {iname}, {F|M}, {iage} (DOB {idob}), {inat}\nPassport {passport}    MRN {imrn}\n"
    "Ở VN ~{2|3} tuần. Đang ở {stay}.\nHome: {iaddr}. Nghề: {iprof} ({iorg}).\nFriend: {iname2} {iphone} (WhatsApp)\n"
    "HPI: sốt {3|4} ngày, {sym}, {sym}. Bạn ở {hcm_addr}. Sắp bay về {icity} ngày {idate}.\nAdmin / social:\n- Pt muốn báo {consulate}; đã gọi trực ban {M.|Mr.|Ms.} {iname3} "
    "({phone}) lúc {clock}.\n- Travel insurer {iins}, dossier no. {iid}.\n- {Mẹ bn|Chồng bn|Vợ bn}, {Mme|Mrs.|Mr.} {ifam}, gọi từ {icity} lúc {clock}.",
    "DISCHARGE SUMMARY / TÓM TẮT RA VIỆN\n{ihosp} — Ward {5B|6A|4C} ({General Surgery|Medicine})\n\n"
    "Name: {iname} ({icjk})   Sex: {F|M}   DOB: {idob}   Age: {agenum}\nMRN: {imrn}    Adm. no.: {iid}\n"
    "Admitted: {idate} via ER     Discharged: {iwdate}\nResidence in VN: {address}\nHome address: {iaddr}\n"
    "Occupation: {iprof} tại {iorg}\nDx: {dis}.\nFollow-up: wound check OPD with Dr. {given} on {iwdate}.\n"
    "Billing: {iins} expat plan, policy {iid}.\nEmergency contact: {husband|wife|sister} {ifam}, {phone}, {iemail}",
    "SIGN-OUT Ward {6A|5B} (Medicine) – {iwdate} night\nFrom {given} -> {given2} (on call), cc chief resident {vn_gf}\n\n"
    "Bed {601|602} – {iname}, {agenum}{yo| M|M}, {inat}, {dis}. Blood culture drawn {idate} pending. Insurer {iins}, case {iid}.\n"
    "Bed {603|604} – {Ms.|Mr.} {iname2}, {agenum} {F|M}, {iprof} ({iorg}), {dis}.\n"
    "Bed {607|608} – {iname3} (\"{inick}\"), {agenum} M, {iprof} tại {company}. Employer cần medical cert cho work permit {iid}.\n"
    "Bed 610 – bà {name}, {age}, Việt kiều từ {iaddr2}, MRN {imrn}.\nAny issue call me {phone} – {given}",
    "{iacr} – Insurance & Billing\nGUARANTEE OF PAYMENT REQUEST – YÊU CẦU BẢO LÃNH\n"
    "To: {iins} – case handler {Ms.|Mr.} {iname2} <{iemail}>\nDate sent: {idate}      Our ref: {iid}\n\n"
    "Member name    | {iname}\nDOB / Age      | {idob} / {agenum}\nInsurer        | {iins}, {icity}\n"
    "Policy no.     | {iid}    Member ID: {iid}\nGroup / employer | {iorg} ({iprof})\nPassport       | {passport}\n"
    "Local address: {address}. Home: {iaddr}.\nReimbursement account: {ibank}, IBAN {iban}\n"
    "  Cath lab + stent ........ {money}\n  TOTAL (est.) ............ {money}",
    "Date: {idate}    Seen at: {clock}\nPt: {iname} (\"{inick}\"), {male|female}, {age_child}, DOB {dob} (mẹ ghi kiểu US, = {idob})\n"
    "MRN {imrn}\nMother: {ifam}, {iprof} at {iorg}\nFather: {ifam2}, {iprof}, {iorg}\nAddress: {address}; home: {iaddr}\n"
    "Contact: {iphone} (Viber), local {phone}. Bố hay bay vào {city_abbr} công tác. Lần trước {ijob_local} chị {given} đưa bé đi khám.\n"
    "- Recheck {iwdate} or sooner nếu {sym}. Hẹn tiêm nhắc {vwdate}.",
    "Subject: Referral – {Ms.|Mr.} {iname} ({icjk}), MRN {imrn}\nFrom: {iemail}\nTo: Dr. {iname2}, {iorg} ({icountry})\n"
    "Date: {iwdate}\n\nDear Dr. {isur2},\nEm xin chuyển {Ms.|Mr.} {igiven}, {iage} {inat} national, {iprof} cho {iorg}, "
    "sống ở VN {3|4|6} năm tại {address}; hometown {iaddr}.\nPassport {passport}. Insurer {iins} (policy {iid}).\n"
    "Nếu có slot xin hẹn {iwdate}.\nBest regards\n{vn_gf}, MD – Internal Medicine\n{ihosp} | {phone}",
    "{ihosp} – PHIẾU KHÁM RĂNG\nOperator: Dr. {given}     Assist: {given2}\nBN: {fname_up} ({icjk})  {M|F}  {agenum}t     "
    "Hộ chiếu: {passport}\nCty: {iorg} – {iprof}\nĐC: {address}\nĐT: {phone}     WeChat/Line: {wechat}\n"
    "Lý do khám: Mr./Ms. {igiven} than {dental_SYMPTOM}; khám ở {iorg} {monthyear}. Implant lot {iid} / {iid}.\n"
    "Hóa đơn xuất cho công ty, MST {mst}. Vợ/chồng là {ifam} đặt hẹn lần 2 {iwdate}. Hẹn lượt {3|4|5} {vwdate}.",
]
# speech-to-text of a call back, a dictated hand-over, a social worker's call: lower case with marks, no colon after
# the speaker, who opens the turn by name ('lả alo anh ...', 'anh chúng ờ đúng rồi')
LOWER_TRANSCRIPT = [
    "bản ghi chuyển giọng nói cuộc gọi lại người bệnh {horg} nhân viên {lp_staff_full}\n"
    "{lp_staff} alo {anh|chị} {lp_pat_full} phải không ạ em gọi từ {horg} hỏi thăm {anh|chị} sau hôm ra viện\n"
    "{anh|chị} {lp_pat} ờ đúng rồi em ơi tay đỡ đau rồi\n{lp_staff} dạ {anh|chị} đọc giúp em số căn cước để làm hồ sơ\n"
    "{anh|chị} {lp_pat} à {cccd}\n{lp_staff} dạ nhà mình ở {hplace} đúng không vợ {anh|chị} tên gì để em liên hệ\n"
    "{anh|chị} {lp_pat} vợ là {lp_kin_full} số nó {phone}\n{lp_staff} dạ em hẹn {anh|chị} {wdate_t} gặp bác sĩ {lp_doc_full}\n"
    "{anh|chị} {lp_pat} ừ cảm ơn em {lp_staff} nhé",
    "giao ban ca trực đêm {wdate} người giao bác sĩ {lp_doc_full} người nhận {điều dưỡng|bác sĩ} {lp_staff_full}\n"
    "giường {năm|bảy|mười} bé {lp_pat_full} {age_child} nhà ở {hplace} mẹ là chị {lp_kin_full} số điện thoại {phone}\n"
    "bé {lp_pat} sốt lúc {clockvi} đã cho hạ sốt sáng mai chị {lp_staff} nhớ gọi khoa thăm dò\n"
    "thẻ bảo hiểm của bé {lp_pat} là {bhyt_te}\nkhông có điện thoại nhờ gọi qua cô {lp_kin2} {điều dưỡng|hộ lý} "
    "hội chẩn với bác sĩ {lp_doc} về ca suy dinh dưỡng hết giao ban",
    "cán bộ alo dạ em chào chị em là {lp_staff} ở phòng công tác xã hội {horg} em gọi hỏi thăm bác {lp_pat_full} ra viện "
    "hôm trước ạ\nngười nhà ừ chị là con dâu bác đây bác vẫn yếu lắm hôm qua thằng {lp_kin2} đi trạm y tế lấy thuốc\n"
    "cán bộ dạ chị cho em xin số của {lp_kin2} với\nngười nhà số thằng {lp_kin2} là {phone}\n"
    "cán bộ dạ em ghi rồi thẻ bảo hiểm của bác là {bhyt} hạn đến {date}\nngười nhà ừ cảm ơn em {lp_staff} nhé",
]
CHAT_HL = [
    "(chep tu dien thoai nguoi nha, nhap: {clerk})\n{cn1} {clock}: ami vua chuyen vao {horg}, bs noi phai nam lai may ngay\n"
    "{cn2} {clock}: o khoa nao v e, a dang o {hcommune} toi moi ve duoc\n{cn1} {clock}: khoa noi. cho e xin so the bhyt cua ami di\n"
    "{cn2} {clock}: {bhyt} ten {uname} sn {byear}\n{cn1} {clock}: bs noi phai chup phim, hen {cdate} chup luc {ctime}\n"
    "{cn3} {clock}: ok. ami con sot k\n{cn1} {clock}: con sot nhe, an chao dc nua chen\n"
    "{cn2} {clock}: a chuyen tien vien phi, stk {bank_sp} {bankorg} ten {hholder} dung k\n"
    "{cn1} {clock}: dung roi a. mai e phai ve day {hschool}, {cn3} len thay e dc k\n"
    "{cn3} {clock}: e xin nghi dc 2 ngay, cty e o {kcn} cho nghi. e ve toi {cdate}",
    "{cn1} {clock}: chao co {cn3}, bo em het thuoc roi, thang nay bo o nuong khong ve lay duoc\n"
    "{cn3} {clock}: em mang cccd cua em voi giay uy quyen co chu ky bo, em den lay ho. ma BN cua bo la bao nhieu\n"
    "{cn1} {clock}: {regcode}. ten {hname2} sinh nam {byear}\n{cn3} {clock}: dung roi. lan lay thuoc gan nhat {cdate} la 90 vien\n"
    "{cn1} {clock}: sdt em la so nay a? {phone}\n{cn3} {clock}: ok. dua bo len kham bs {given} sang {cdate} nhe\n"
    "{cn1} {clock}: da chau cam on co. vo chau la {hname3} {hjob} o {hschool} co gi co nhan vo chau",
]


# social-work notes and chats, interviews, expatriates' messages (issue #15, the forms seen missed on dev batches 28-31);
# `{@fam}` and `{@org}` expand to a family event with its year and a group named with ordinary words (social_markup)
SOCIAL_WORK = [
    "[nhóm Zalo \"{hỗ trợ|theo dõi|ca} bé {child} - CTXH\"]\n{fhandle} {stamp}: {chị|cô|em} ơi bé nhà em sốt lại rồi, ko ăn\n"
    "{shandle} {stamp}: anh cho bé uống {drug} chưa? nhà mình ở {splace} đúng ko\n{fhandle} {stamp}: dạ ở {splace2}, {sward}\n"
    "{shandle} {stamp}: em báo {@org} hỗ trợ tiền xe, hẹn anh {said} lên {dept_hospital} nha\n"
    "{shandle2} {stamp}: {shandle} ơi ca này mã {casecode}, {@fam}, mẹ đi làm {helse}\n"
    "{fhandle} {stamp}: dạ số vợ em {phone}, tên {gf}",
    "PHIẾU ĐÁNH GIÁ CÔNG TÁC XÃ HỘI - {dept_hospital}\nMã ca: {casecode}    Người đánh giá: {shandle}\n"
    "Trẻ: {child_full}, {age_child}, ở {splace}, {sward}.\nHoàn cảnh: {@fam}; {@fam}. Hiện ở với {bà|cô|dì} {gf}, {job}, "
    "SĐT {phone}.\nDiễn biến: vào viện {said}; {said2} trẻ {sym}. CTXH nhận tin lúc {said} và báo {committee}.\n"
    "Hỗ trợ: {@org} hỗ trợ 2 triệu đồng; đã kết nối {@org}.\nHẹn thăm nhà {said2}, điểm hẹn {splace2}; {pday} mẹ trẻ "
    "không nghe máy. Người cập nhật: {given2} (CTXH).",
    "BIÊN BẢN BÀN GIAO NGƯỜI BỆNH NGOÀI VIỆN\nĐịa điểm: {skm}\nNgười bệnh: {name}, {age}, {job}\n"
    "Người đi cùng: {anh|chị} {gf}, SĐT {phone}; người báo tin: ông {sur} chủ quán gần {splace}\n"
    "Nhận cuộc gọi lúc {said}, có mặt lúc {said2}.\nTình trạng: {sym}, {sym}. Xe {plate} chạy theo {skm} về {hospital}.\n"
    "Kíp: {shandle}; bên nhận: BS {given2} ({dept_hospital}).",
    "Thăm nhà {said}: nhà {bà|ông} {sur} ở {splace}, cạnh {splace2}. {Bà|Ông} kể {@fam}, {@fam}. Cháu {child} học ở "
    "{sschool}, chiều đi sinh hoạt {@org}.\nCô {gf} ở {@org} đề nghị hỗ trợ học phí. Người ghi: {shandle}.\n"
    "Liên hệ lại {said2} qua số {phone}.",
    "Bài viết của {gf} trong {@org}\n{said} · Công khai\nEm là {gf2}, mẹ bé {child} ({age_child}) đang nằm {dept_hospital}. "
    "Nhà em ở {splace}, {sward}. {@fam} nên một mình em lo. Ai giúp xin gửi qua {@org} hoặc STK {bank} {bankname}.\n"
    "💬 {shandle}: chị nhắn em qua số {phone} nhé, bên em là {sorg}\n💬 {fhandle}: chia sẻ rồi ạ, mình ở {splace2} qua thăm bé được ko",
]
SOCIAL_INTERVIEW = [
    "phỏng vấn tại nhà ngày {said} người phỏng vấn {shandle}\nchị ơi nhà mình ở đâu chị tả giúp em\n"
    "dạ nhà em ở {splace} ngay sau {splace2} á\nbé {child} đi học ở đâu chị\ndạ cháu học {sschool} chiều đi {@org}\n"
    "thế bố cháu đâu chị\ndạ {@fam} còn ông bà thì {@fam}\ncó ai hay giúp nhà mình không\n"
    "có cô {gf} bên {@org} hay ghé {said2} ạ {pday} cô mới gọi\nchồng chị làm gì\ndạ làm {job} cho {company} ạ\n"
    "lần gần nhất cháu bị đánh là khi nào\ndạ {said} á chị lúc {said2}\n"
    "chị có số điện thoại không\ndạ số em là {phone}",
    "ghi âm cuộc gọi đường dây nóng {said} tổng đài viên {shandle}\nalo em nghe đây chị đang ở đâu\n"
    "dạ chị ở {skm} xe chết máy mà thằng bé {child} nó lên cơn\nchị bình tĩnh gần đó có {splace} không\n"
    "có có ngay {splace2} đó em\nbé nhà mình mấy tuổi\n{age_child} em ạ nó bị từ {said}\n"
    "anh {gf} ơi anh đưa chị ra {splace2} nhé xe {hospital} tới liền\ndạ cảm ơn em",
    "biên bản lời khai {said} người lấy lời khai {shandle}\nbà cho biết tên tuổi\ndạ tôi là {name} {age}\n"
    "bà ở đâu\ndạ tôi ở {splace} {sward} trước ở {splace2}\nhoàn cảnh gia đình thế nào\n"
    "dạ {@fam} {@fam} giờ tôi nuôi cháu {child}\nhôm xảy ra chuyện là hôm nào\ndạ {said} khoảng {said2} {pday} tôi còn thấy nó\n"
    "có ai chứng kiến không\ndạ có ông {sur} bán hàng ở {splace2} với cô {gf} ở {@org}",
]
EXPAT_MESSAGE = [
    "Handover note (ER, {ihosp}) {iwdate}\nPt: {en_upper}, {en_age}, {iprof} at {emp_en}; {Baby boy of|Mother:|Partner:} {en_upper}.\n"
    "Injured at {en_place} {pday}, brought by {en_given2}. {en_given} translated for {en_given2} when needed.\n"
    "Travel insurance: {ins_en}, policy no. {iid}. Staff: {shandle}. Hẹn khám lại {said}.",
    "Hi Dr. {given}, this is {en_full}. {kin_en} {en_given} has had {sym} since {iwdate} and {sym} last night. "
    "We live at {address}; I work at {emp_en}. Our insurer is {ins_en}, policy {iid}. Could we come in {idate}? "
    "If you need to reach me call {iphone}. Thanks, {en_given2}",
    "Patient portal message — {ihosp}\nFrom: {en_full} <{iemail}>\nDate: {iwdate}\n"
    "Hello, I am writing about {kin_en} {en_given}. He was seen at your ER on {idate} for {sym}. "
    "{ins_en} needs the medical report sent to their claims office, {faddr2}. My employer {emp_en} also asks for a "
    "sick note. Home address for the invoice: {faddr2}.\nRegards, {en_given2}",
    "BN {en_full} ({inat}), {iage}, {iprof} làm việc tại {emp_en}. {Chồng|Vợ|Bạn trai|Bạn gái} là {en_given2}, SĐT {iphone}.\n"
    "Địa chỉ tại VN: {address}; địa chỉ nước ngoài: {faddr2}.\nBảo hiểm {ins_en}, thẻ {iid}. Lý do khám: {sym}, "
    "{kin_en} {en_given} nói bệnh từ {said}.\nBS {given} hẹn tái khám {iwdate}.",
    "[{clock}] {en_given}: {kin_en} has a fever, 39.2, since {said}\n[{clock}] {shandle}: chị cho bé uống {drug} chưa ạ? "
    "bảo hiểm của chị là {ins_en} đúng không\n[{clock}] {en_given}: yes {ins_en}, the card is under {en_full}, "
    "billing address {faddr2}\n[{clock}] {shandle}: ok chị, hẹn chị {iwdate} ở {ihosp}",
]


NGO_REPORT = [
    "{forg} – MOBILE CLINIC TRIP REPORT / BÁO CÁO ĐỢT KHÁM LƯU ĐỘNG\nDate: {iwdate}    Site: {horg}, {hplace}\n"
    "Team: Dr {vol1} ({GP|MD|DDS}, {fcity}), RN {vol2} ({fcity}), Sr {vol3}; driver {name} ({phone}).\n\n"
    "Pt: {hname}, {F|M}, {agenum}, {hgroup}, from {hplace2}.\n- Seen by {vol1g}: {sym}, {dis}. {vol2g} did the dressing; "
    "{vol1g} asked about {sym}.\n- Husband works in {fcity} as {hjob}, phone {iphone}.\n"
    "Follow-up: {vol2g} back in {fcity} after {eday}; next visit {eday}. Copy to {vol1g} ({iemail}).",
    "Équipe {forg} ({forg_acr}) – journée dentaire / ngày khám răng {iwdate}\nLieu: {horg}, {hplace}\n"
    "Dentists: Dr {vol1} ({fcity}), {vol2}; assistant {hname2}.\n- Mr {vol3} / {name}, {agenum}, lives in {fcity}, came "
    "through the border gate for {dental_PROCEDURE}.\n- Child {hname} ({age_child}), {dental_DISEASE}: {vol2g} treated, "
    "grandfather {hname3} consented.\nNote ({vol1g}): next trip {eday}, contact {vol2g} {iphone}.",
]


# --- genres --------------------------------------------------------------------------------------------------
T = base.TEMPLATES
TEMPLATES: dict[str, list[str]] = {
    # the classic forms, reused from generate.py as written
    "outpatient": T["clinical_note"],
    "discharge": T["discharge"],
    "prescription": T["prescription"],
    "lab": T["lab"],
    "referral": T["referral"],
    "transcript": [
        "bác sĩ: alo chào chị, chị cho em xin họ tên người bệnh ạ\nngười nhà: dạ, bệnh nhân tên là {name}, sinh ngày {dob}\n"
        "bác sĩ: mã bệnh nhân hay số thẻ bảo hiểm của bác là gì ạ\nngười nhà: dạ mã là {mrn}, thẻ bảo hiểm {bhyt}\n"
        "bác sĩ: bác bị {sym} từ hôm nào\nngười nhà: từ {sdate} ạ, tám giờ sáng thứ hai thì bác {sym}\n"
        "bác sĩ: chị để lại số điện thoại nhé\nngười nhà: dạ {phone}, nhà em ở {address}",
        "tư vấn video ngày {date}. bác sĩ {doctor}: chào anh {given}, anh {age} đúng không ạ\n"
        "bệnh nhân: dạ đúng, em làm {job} ở {company}\nbác sĩ: anh uống {drug} {dose} đều không\n"
        "bệnh nhân: dạ đều, hôm {sdate} em đo đường huyết là 8,4\nbác sĩ: số căn cước của anh là bao nhiêu để em tra hồ sơ\n"
        "bệnh nhân: {cccd}, hẹn tái khám ngày {date} phải không bác sĩ",
    ],
    "ocr": [
        "{soyte}\nBỆNH VIỆN ĐA KHOA KHU VỰC\nKHOA KHÁM BỆNH\nPHIẾU KHÁM BỆNH VÀO VIỆN\nHọ và tên: {name}\n"
        "Ngày sinh: {dob}    Giới: {gender}\nĐịa chỉ: {address}\nSố thẻ BHYT: {bhyt}\nSố điện thoại: {phone}\n"
        "Lý do vào viện: {sym}\nChẩn đoán: {dis}\nNgày {date}\nBác sĩ khám bệnh\n{doctor}",
        "GIẤY XÁC NHẬN\n{hospital} xác nhận ông/bà {name}, CCCD số {cccd}, cấp ngày {date}, đã điều trị nội trú từ "
        "ngày {date} đến ngày {date}.\nChẩn đoán: {dis}.\nMã lưu trữ: {mrn}\nTRƯỞNG KHOA\n{doctor}",
    ],
    "bilingual": [
        "{intl} — OUTPATIENT NOTE / PHIẾU KHÁM NGOẠI TRÚ\nPatient / Bệnh nhân: {fname}    DOB / Ngày sinh: {edob}\n"
        "Passport / Hộ chiếu: {passport}    Nationality: {American|French|Korean|Chinese|Japanese|British}\n"
        "Home address / Địa chỉ: {faddr}\nLocal address / Địa chỉ tại VN: {address}\nInsurer / Bảo hiểm: {insurer}, "
        "policy no. {policy}\nVisit date / Ngày khám: {edate}\nChief complaint / Lý do khám: {sym}, {sym}\n"
        "Assessment / Chẩn đoán: {dis}\nPlan: {drug} {dose}. Follow-up on {edate}.\nPhysician / Bác sĩ: Dr. {doctor}",
        "Discharge summary (EN/VI). {fname}, {age}, working for {company}, admitted {edate} via {intl}. "
        "Emergency contact: {fname2} ({phone}), e-mail {email}. Diagnosis / Chẩn đoán ra viện: {dis}. "
        "Claim sent to {insurer} on {edate}, ref {policy}. Người nhà tại Việt Nam: {name2}, {address2}.",
    ],
    "social": [
        "Bài viết của {handle}\n{sdate} lúc {clock}\nMọi người ơi giúp em với 😭 mẹ em là {name}, {age}, đang nằm ở "
        "{dept_hospital} vì {dis}. Nhà em ở {address}. Ai hảo tâm giúp đỡ xin gửi về STK {bank} {bankname} chủ TK {holder}. "
        "SĐT em: {phone}\n💬 {handle2}: chia sẻ cho mọi người cùng giúp\n💬 {handle2}: em ở {address2}, mai em qua "
        "{hospital} thăm bác được không chị\n💬 {handle}: dạ được ạ, chị gọi {phone} nhé",
        "Nhóm Hỏi đáp sức khỏe · Bài viết của {handle}\nCon em {nick} {age}, bị {sym} và {sym} 3 ngày nay, đi khám ở "
        "{hospital} bác sĩ {doctor} bảo {dis}. Có ai từng bị giống vậy không ạ?\n💬 {handle2}: con mình cũng bị hồi "
        "{monthyear}, khám ở {hospital} ổn rồi bạn ạ\n💬 {handle2}: inbox mình {phone} nhé",
        "Bài viết của {handle}\nMỌI NGƯỜI ƠI GIÚP EM VỚI 🙏 Em là mẹ bé {nick} (tên thật {name}), bé {age}, đang nằm ở "
        "{dept_hospital}. Mã hồ sơ của bé {iid}. Ai giúp được xin chuyển STK {bank_grp} {bankname} chủ TK {holder}.\n"
        "💬 {handle2}: thương bé quá, đã ck 200k nha. Bé {nick} mau khỏe 🙏\n💬 {handle2}: mình ck từ TK {bankname} "
        "{bank_grp} rồi nhé\n💬 {handle2}: praying for little {nick}",
    ],
    "family_chat": [
        "[{sdate} {clock}] {handle}: bác sĩ ơi, con em là {nick}, {age}, sốt từ tối qua, 39 độ ạ\n"
        "[{clock}] BS {given2}: chị cho bé uống {drug} {dose} chưa?\n[{clock}] {handle}: rồi ạ, bây giờ bé {sym}, "
        "không ăn được gì cả\n[{clock}] BS {given2}: chị đưa bé qua {hospital} nhé, số của tôi {phone}\n"
        "[{clock}] {handle}: dạ vâng, nhà em ở {address}, số của em {phone}",
        "{handle}: anh ơi ba mình {agenum} tuổi bị {sym} với {sym} từ hôm {sdate} rồi, uống {drug} không đỡ\n"
        "{handle2}: em đưa ba đi {hospital} khám đi, mang thẻ bảo hiểm {bhyt} nữa\n{handle}: dạ, bác sĩ {doctor} hẹn "
        "{date} ạ. chị {given2} gọi em số {phone} nhé",
    ],
    "dental": [
        "HỒ SƠ NHA KHOA\nMã hồ sơ: {mrn}\nHọ tên: {name}    Năm sinh: {year}    SĐT: {phone}\nĐịa chỉ: {address}\n"
        "Ngày khám: {date}\nLý do: {dental_SYMPTOM}\nKhám: {dental_DISEASE}, {dental_DISEASE}.\n{dental_TEST}: có tổn thương.\n"
        "Điều trị: {dental_PROCEDURE}, {dental_PROCEDURE}. Kê {dental_DRUG} 500mg x 3 lần/ngày.\nHẹn: {date}\nBác sĩ: {doctor}",
        "{dental_clinic} — BN {name} ({age}), {job}. {dental_DISEASE}; đã {dental_PROCEDURE} ngày {sdate}. "
        "Người giới thiệu: {name2}.",
    ],
    "tcm": [
        "BỆNH ÁN Y HỌC CỔ TRUYỀN\nHọ tên: {name}    Tuổi: {agenum}    Dân tộc: Kinh\nĐịa chỉ: {address}\nNghề nghiệp: {job}\n"
        "Vào viện: {date}\nLý do: {tcm_SYMPTOM}, {tcm_SYMPTOM}\nChẩn đoán YHHĐ: {dis}. Chẩn đoán YHCT: {tcm_DISEASE}.\n"
        "Pháp điều trị: bổ khí huyết, khu phong. Bài thuốc: {tcm_DRUG} gia {tcm_DRUG}, {tcm_DRUG}.\n"
        "Thủ thuật: {tcm_PROCEDURE} 30 phút/ngày, {tcm_PROCEDURE}.\nLương y: {doctor}",
        "{tcm_clinic}: ông {name}, sinh năm {year}, ở {address}, {tcm_DISEASE}; "
        "kê {tcm_DRUG} 10 thang, {tcm_PROCEDURE}. Tái khám sau {lunar}.",
    ],
    "ethnic": [
        "Họ tên: {ename}    Dân tộc: {egroup}    Năm sinh: {year}\nĐịa chỉ: {village}, {province}\nSố CCCD: {cccd}\n"
        "Người nhà: {ename2} ({chồng|vợ|con|mẹ}), SĐT {phone}\nBệnh sử: khởi phát {sym} sau {holiday}, đến {hospital} "
        "ngày {date}.\nChẩn đoán: {dis}. Điều trị: {drug} {dose}.\nBác sĩ: {doctor}",
        "Trạm y tế báo cáo: bệnh nhân {ename}, {age}, dân tộc {egroup}, ở {village}; ngày {sdate} ({holiday}) có {sym}, "
        "được già làng {ename2} đưa đến {hospital}. Mã BHYT {bhyt}.",
    ],
    "hiv_tb": [
        "SỔ ĐIỀU TRỊ ARV\nMã số điều trị ARV: {arv}\nHọ tên: {name}    Năm sinh: {byear}    Giới: {gender}\n"
        "Địa chỉ: {address}\nNgày khẳng định HIV: {date}    Ngày bắt đầu ARV: {date}\nPhác đồ: {hiv_tb_DRUG}\n"
        "{hiv_tb_TEST}: {hiv_tb_RESULT} ({date})\nNgười hỗ trợ điều trị: {name2}, {phone}\nCơ sở điều trị: {hospital}",
        "PHIẾU ĐIỀU TRỊ LAO\nSố ĐK điều trị: {tbreg}\nBệnh nhân: {name}, {age}, {job}, ở {address}\nChẩn đoán: {hiv_tb_DISEASE}\n"
        "{hiv_tb_TEST} ngày {date}: {hiv_tb_RESULT}\nPhác đồ {hiv_tb_DRUG} từ {date}; DOTS tại {hospital}.\nCán bộ chống lao: {doctor}",
    ],
    "billing": [
        "BẢNG KÊ CHI PHÍ KHÁM BỆNH, CHỮA BỆNH\nMã CSKCB: {facility}\tTên CSKCB: {hospital}\n"
        "STT\tHọ tên\tNăm sinh\tGiới\tMã thẻ BHYT\tMã bệnh\tTổng chi phí\n"
        "1\t{name}\t{byear}\t{gender}\t{bhyt}\t{icd}\t{money}\n2\t{name2}\t{byear}\t{gender}\t{bhyt}\t{icd}\t{money}\n"
        "3\t{name2}\t{byear}\t{gender}\t{bhyt}\t{icd}\t{money}\nNgười lập bảng: {doctor}\tNgày {date}",
        "| STT | Họ và tên | NS | Mã thẻ | Nơi ĐKBĐ | Ngày vào | Ngày ra | Số tiền |\n|---|---|---|---|---|---|---|---|\n"
        "| 1 | {name} | {byear} | {bhyt} | {facility} | {sdate} | {sdate} | {money} |\n"
        "| 2 | {name2} | {byear} | {bhyt} | {facility} | {sdate} | {sdate} | {money} |\nGiám định viên: {doctor}",
    ],
    "psychiatric": [
        "BỆNH ÁN TÂM THẦN\nHọ tên: {name}    {age}    Nghề nghiệp: {job}\nĐịa chỉ: {address}\nNgười cung cấp bệnh sử: "
        "{name2} ({mẹ|vợ|anh trai}), SĐT {phone}\nBệnh sử: từ {monthyear} bệnh nhân {psych_SYMPTOM}, {psych_SYMPTOM}; "
        "nghỉ việc ở {company}.\n{psych_TEST}: 21 điểm.\nChẩn đoán: {psych_DISEASE} (F33.2)\nĐiều trị: {psych_DRUG} "
        "50mg tối, {psych_DRUG} 5mg.\nBS điều trị: {doctor}",
        "Khám lại ngày {date}: anh {given}, {age}, còn {psych_SYMPTOM}, không {psych_SYMPTOM}. Tiền sử nhập {hospital} "
        "năm {year} vì {psych_DISEASE}. Tiếp tục {psych_DRUG}. Người nhà ({given2}) cam kết theo dõi.",
    ],
    "obs_paed": [
        "BỆNH ÁN SẢN KHOA\nHọ tên sản phụ: {name}    {age}    PARA 1001\nĐịa chỉ: {address}\nChồng: {name2}, {job}, "
        "SĐT {phone}\nKinh cuối: {date}    Dự sinh: {date}\nTuổi thai: {weeks}\nLý do vào viện: {obs_paed_SYMPTOM}\n"
        "{obs_paed_TEST}: bình thường. Chẩn đoán: {obs_paed_DISEASE}.\nXử trí: {obs_paed_PROCEDURE} lúc {datetime}.\n"
        "Con: bé {nick}, sinh {datetime}, cân nặng 3200g.\nNữ hộ sinh: {doctor}",
        "KHOA NHI — bé {name}, {age}, con của anh {name2} và chị {given2}, ở {address}. Vào viện {date} vì "
        "{obs_paed_SYMPTOM}, {obs_paed_SYMPTOM}. Chẩn đoán {obs_paed_DISEASE}; {obs_paed_PROCEDURE}. Mã trẻ: {mrn}.",
    ],
    "referral2025": [
        "GIẤY CHUYỂN TUYẾN\nSố: {serial}\nKính gửi: {hospital}\nCơ sở chuyển: {hospital}\nHọ và tên người bệnh: {name}    "
        "Năm sinh: {year}\nĐịa chỉ (theo địa giới từ 01/7/2025): {addr25}\nĐịa chỉ cũ: {address}\nSố định danh: {cccd}    "
        "BHYT: {bhyt}\nChẩn đoán: {dis}\nLý do chuyển: vượt khả năng chuyên môn\nNgày {date}\nY bác sĩ: {doctor}",
        "Kính chuyển {hospital}: bệnh nhân {name}, {age}, thường trú {addr25}, tạm trú {addr25b}; điều trị tại {hospital} "
        "từ {date}, {dis}. Liên hệ {name2} ({phone}).",
    ],
    "highland_transcript": HL_TRANSCRIPT,
    "register": REGISTER,
    "ocr_paper": OCR_PAPER,
    "intl": INTL,
    "chat_highland": CHAT_HL,
    "lower_transcript": LOWER_TRANSCRIPT,
    "social_work": SOCIAL_WORK,
    "social_interview": SOCIAL_INTERVIEW,
    "expat_message": EXPAT_MESSAGE,
    # a call-back or a hand-over by telephone, as the nurse or the doctor writes it down afterwards (a clock time is
    # written with its date, {datetime}, labelled DATE as the hand-written notes do)
    "callback": [
        "GHI NHẬN CUỘC GỌI LẠI — {dept_hospital}\n{datetime}: ĐD {doctor} gọi lại cho người nhà BN {name} ({age}, "
        "mã BN {mrn}).\nNgười nghe máy: {name2} ({con gái|con trai|vợ|chồng}), SĐT {phone}.\nNội dung: BN ra viện ngày "
        "{date}, hiện còn {sym}, đang uống {drug} {dose}. Dặn tái khám {datetime}, mang thẻ BHYT {bhyt}.\n"
        "Gọi lần 2 sau 30 phút: không nghe máy, để lại lời nhắn qua số {phone}.\nNgười ghi: {doctor}",
        "BÀN GIAO QUA ĐIỆN THOẠI {datetime}\nBS trực {doctor} ({hospital}) bàn giao cho BS {doctor}: BN {name}, {age}, "
        "{job}, ở {address}. Chẩn đoán: {dis}. Diễn biến: {sym} từ chiều, đã cho {drug} {dose}.\nCần theo dõi: {sym}; "
        "nếu nặng báo BS {given2} qua số {phone}.\nNgười nhà trực: {name2}, SĐT {phone}.",
        "Phone note {datetime} - gọi lại theo yêu cầu của {name2} ({phone}), hỏi kết quả của BN {name} (hồ sơ {mrn}). "
        "Đã báo: {dis}; hẹn khám lại {date} tại {dept_hospital}. Người gọi: {doctor}",
    ],
}
TEMPLATES["group_chat"] = ["@group_chat"]
TEMPLATES["bilingual"] = TEMPLATES["bilingual"] + NGO_REPORT
TEMPLATES["social_thread"] = ["@social_thread"]
TEMPLATES["voice_note"] = ["@voice_note"]
TEMPLATES["family_chat"] = TEMPLATES["family_chat"] + ["@group_chat"]
TEMPLATES["social"] = TEMPLATES["social"] + ["@social_thread"]
# round 12 (world.py): travel-insurance claims, tourist clinics, speech-to-text calls, chats of the wider world and of
# the Mông uplands
TEMPLATES["travel_claim"] = world.TRAVEL_CLAIM
TEMPLATES["tourist_clinic"] = world.TOURIST_CLINIC
TEMPLATES["asr_call"] = world.ASR_CALL
TEMPLATES["world_chat"] = ["@world_chat"]
TEMPLATES["hmong_chat"] = ["@hmong_chat"]
TEMPLATES["bilingual"] = TEMPLATES["bilingual"] + world.TRAVEL_CLAIM[:2]
TEMPLATES["transcript"] = TEMPLATES["transcript"] + world.ASR_CALL[:2]
TEMPLATES["register"] = TEMPLATES["register"] + ["@hmong_register"]
# round 14 (trade.py): border trade in three scripts, Raglai and Chăm records, facility tables with software accounts,
# narratives that open sentences with the given name
TEMPLATES["border_trade"] = trade.BORDER_TRADE
TEMPLATES["south_central"] = trade.SOUTH_CENTRAL
TEMPLATES["facility_table"] = ["@facility_table"]
TEMPLATES["narrative"] = trade.NARRATIVE
TEMPLATES["billing"] = TEMPLATES["billing"] + ["@facility_table"]
GENRES = tuple(TEMPLATES)
# forms that make the genre what it is (applied always, before any augmentation)
GENRE_FORMS: dict[str, tuple[str, ...]] = {
    "transcript": ("spelled", "no_punct", "lower"),
    "ocr": ("ocr",),
    "family_chat": ("teencode", "spaced_digits", "lower"),
    "billing": ("table",),
    "highland_transcript": ("spelled", "no_punct", "lower"),
    "ocr_paper": ("ocr",),
    "chat_highland": ("no_marks", "spaced_digits"),
    "lower_transcript": ("spelled", "lower"),  # (the turns keep their lines: a speaker opens each)
    "social_interview": ("spelled", "lower"),
    "voice_note": ("spelled", "lower"),
    "asr_call": ("spelled", "lower", "asr"),
    "hmong_chat": ("half_marks",),
}
# forms a built chat document draws at random (the keypad's spaced digits, teencode)
CHAT_FORMS: dict[str, tuple[tuple[str, float], ...]] = {"group_chat": (("spaced_digits", .5), ("teencode", .3)),
                                                        "world_chat": (("lower_orgs", .3),),
                                                        "travel_claim": (("lower_orgs", .2),),
                                                        "transcript": (("asr", .5),),
                                                        "border_trade": (("lower_orgs", .2),),
                                                        "south_central": (("no_marks", .3), ("lower", .3)),
                                                        "facility_table": (("lower_orgs", .3),)}
