"""Chat speakers, for the strict profile: the name before ':' at the start of a chat's lines.

A phrase before ':' at line start is a speaker when it recurs in the document or carries an emoji or a clock time
(`💬 Lan Phạm:`, `[19:02] Hoa:`); once two phrases look so, the document is a chat and every such phrase is a
speaker, unless it is a role (`điều phối:`, words.yaml speaker_role_phrases) or a heading or field label made of
known words (`chẩn đoán:`). A role or kinship word in lower case inside it stays (`bs`, `mẹ`); the clock time of
the message goes as DATE (regex chat_time in patterns.yaml).
"""
from __future__ import annotations

import re

from ..text.fold import fold_lower

_FLAG = re.compile(r"(?:[\U0001F1E6-\U0001F1FF]{2})+")  # a country flag: two regional indicator letters


def speakers(finder, rx, clock, L) -> None:
    """Chat speakers: the words before ':' at line start, when that phrase recurs in the document or carries
    an emoji or a time; a role or kinship word in lower case ('bs', 'mẹ') stays."""
    text = finder.text
    found: dict[str, list[re.Match]] = {}
    for m in rx.finditer(text):
        if re.fullmatch(r"[^\S\n]*[\[(][^\S\n]*(?:\d{1,2}|[a-zA-Z])[^\S\n]*[\])][^\S\n]*", text[m.start():m.start("who")]):
            continue  # (a numbered form field, '(3) Mã thẻ BHYT:', is no chat line)
        found.setdefault(fold_lower(m.group("who")), []).append(m)
    known, clinical, common = L["known"], L["clinical"], L["common"]
    def chat_like(ms) -> bool:
        marked = any(m.group("mark") and m.group("mark").strip() not in ("-", "*", "•", ">") for m in ms)
        timed = any(re.search(r"\d", text[m.start():m.start("who")] + text[m.end("who"):m.end()]) for m in ms)
        return len(ms) >= 2 or marked or timed

    # a chat (one speaker recurs, or carries an emoji or a time): then every line-start phrase before ':' that
    # is not a heading is a speaker too ('song lý.:' said once)
    chat = sum(chat_like(ms) for ms in found.values()) >= 2
    for ms in found.values():
        own = chat_like(ms)
        if not chat and not own:
            continue
        words = ms[0].group("who").split()
        if fold_lower(" ".join(words)) in L["words"]["speaker_role_phrases"] \
                or len(words) == 1 and (words[0].lower() if finder.marks else fold_lower(words[0])) in \
                (L["marked_words"] if finder.marks else L["words"])["speaker_roles"]:
            continue  # a role, not a name ('điều phối:', 'TVV:'; a kinship word alone, any case: 'Ba:', 'Mẹ (19:02):')
        folded = fold_lower(" ".join(words)).split()
        label_start = any(" ".join(folded[:k]) in L["phrases"] for k in (2, 3) if len(folded) >= k)
        # (a phrase the default detector removed in part is no heading: 'Út Nhỏ | Rạch Sỏi:')
        removed = any(not finder.free(m.start("who"), m.end("who")) for m in ms)
        if label_start or not removed and all((known.has(w, finder.marks) or clinical.has(w, finder.marks) or common.has(w, finder.marks)) and
               (not own or not L["given"].has(w, finder.marks) and not L["surnames"].has(w, finder.marks))
               for w in words):
            continue  # a heading or field label ('chẩn đoán', 'mạch', 'ghi chú'; 'Mã thẻ BHYT', 'Y lệnh' said twice)
        for m in ms:
            # the message's clock time ('[19:02] Hoa:', 'Hoa (07:15):'): with the chat's date it dates the
            # message, and half of the writers label it DATE; strict takes it
            for lo, hi in ((m.start(), m.start("who")), (m.end("who"), m.end())):
                for tm in clock.finditer(text, lo, hi):
                    finder.take_free(tm.start(), tm.end(), "DATE", "strict: chat message time")
            parts = list(re.finditer(r"\S+", m.group("who")))
            folded_parts = [fold_lower(p.group(0)) for p in parts]
            tags = L["words"]["speaker_role_tags"]
            for k, wm in enumerate(parts):
                w = wm.group(0)
                if k > 0 and w.islower() and (folded_parts[k] in tags or " ".join(folded_parts[k:k + 2]) in tags
                                              or k > 1 and " ".join(folded_parts[k - 1:k + 1]) in tags):
                    a = m.start("who") + wm.start()
                    finder.taken[a:a + len(w)] = b"\x01" * len(w)  # (kept, and no later pass reads it as a name)
                    continue  # (a role tag after the sender's name: 'thiet yt', 'Vy nhan su')
                # (compared as written in text with marks: 'võ' is a surname, 'vợ' a role)
                W, key = (L["marked_words"], w.lower()) if finder.marks else (L["words"], fold_lower(w))
                if k == 0 and len(parts) > 1 and parts[1].group(0)[:1].isupper() and w[1:].isupper() \
                        and fold_lower(w) in L["words"]["staff_titles"]:
                    continue  # (a staff title in capitals before the name: 'ĐD Xuân:', 'BS Tâm:')
                if w.islower() and (key in W["speaker_roles"] or key in W["speaker_role_phrases"]
                                    or len(w) >= 3 and known.has(w, finder.marks) and not L["given"].has(w, finder.marks)
                                    and not L["surnames"].has(w, finder.marks)
                                    and fold_lower(w) not in L["words"]["name_prefixes"]):
                    continue  # (a role or an abbreviation in lower case: 'dd khue opc:')
                end = m.start("who") + wm.end()
                if wm.end() == len(m.group("who")):
                    # ('Thao Nguyen🌸:', 'Bố Bống.:'; a flag after a space tells where the sender lives and goes
                    # with the name, 'Kim Ngan 🇹🇼:'; another emoji stays, 'Hlon 🐝:')
                    end = m.end("emoji") if _FLAG.fullmatch(m.group("emoji") or "") else m.end("tail")
                finder.take_free(m.start("who") + wm.start(), end, "NAME", "strict: chat speaker")


def exported_speakers(finder, rx, L) -> None:
    """Exported chats (Zalo, Messenger): each message opens with a line holding only the sender and the message's
    date and time ('May Ban TYT  03/12 20:14'; regex exported_speaker in patterns.yaml). When two such lines are in
    the document, the time goes as DATE and the sender's words as NAME, whatever they are as words ('May', 'Ban',
    'Quay' are names here); an abbreviation in capitals that is known ('TYT', 'BS') and a role word before the name
    ('bs', 'mẹ'; words.yaml speaker_roles) stay."""
    text = finder.text
    known, clinical = L["known"], L["clinical"]
    lines = [m for m in rx.finditer(text) if not re.fullmatch(r"\d[\d\s./:-]*", m.group("who"))
             and not all(clinical.has(w, finder.marks) and not L["given"].has(w, finder.marks)
                         and not L["surnames"].has(w, finder.marks) for w in m.group("who").split())]
    # (a chat: a sender recurs, and a message line follows its header; a timetable, 'Sáng 08:00' / 'Chiều 14:00',
    # or a drug chart, 'Paracetamol 08:00' twice, has header after header)
    followed = [m for m in lines if re.match(r"\n[^\S\n]*[^\s\d]", text[m.end():m.end() + 3])
                and not rx.match(text, m.end() + 1)]
    senders = [fold_lower(m.group("who")) for m in lines]
    if len(lines) < 2 or len(set(senders)) == len(senders) or 2 * len(followed) < len(lines):
        return
    for m in lines:
        finder.take_free(m.start("when"), m.end("when"), "DATE", "strict: exported chat message time")
        words = list(re.finditer(r"\S+", m.group("who")))
        for i, wm in enumerate(words):
            w = wm.group(0)
            if w.isupper() and len(w) >= 2 and known.has(w, finder.marks) and i > 0:
                continue  # (the sender's workplace or title: 'TYT', 'BS')
            W, key = (L["marked_words"], w.lower()) if finder.marks else (L["words"], fold_lower(w))
            if i < len(words) - 1 and key in W["speaker_roles"] and not w.isupper():
                continue  # (a role before the name: 'bs Hoa', 'Mẹ Gia Hân')
            s = m.start("who") + wm.start()
            finder.take_free(s, s + len(w), "NAME", "strict: exported chat sender")
