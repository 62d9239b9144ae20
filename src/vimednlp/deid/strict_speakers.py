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
        if fold_lower(" ".join(words)) in L["words"]["speaker_role_phrases"]:
            continue  # a role, not a name ('điều phối:', 'TVV:')
        folded = fold_lower(" ".join(words)).split()
        label_start = any(" ".join(folded[:k]) in L["phrases"] for k in (2, 3) if len(folded) >= k)
        if label_start or all((known.has(w, finder.marks) or clinical.has(w, finder.marks) or common.has(w, finder.marks)) and
               (not own or not L["given"].has(w, finder.marks) and not L["surnames"].has(w, finder.marks))
               for w in words):
            continue  # a heading or field label ('chẩn đoán', 'mạch', 'ghi chú'; 'Mã thẻ BHYT', 'Y lệnh' said twice)
        for m in ms:
            # the message's clock time ('[19:02] Hoa:', 'Hoa (07:15):'): with the chat's date it dates the
            # message, and half of the writers label it DATE; strict takes it
            for lo, hi in ((m.start(), m.start("who")), (m.end("who"), m.end())):
                for tm in clock.finditer(text, lo, hi):
                    finder.take_free(tm.start(), tm.end(), "DATE", "strict: chat message time")
            for wm in re.finditer(r"\S+", m.group("who")):
                w = wm.group(0)
                # (compared as written in text with marks: 'võ' is a surname, 'vợ' a role)
                W, key = (L["marked_words"], w.lower()) if finder.marks else (L["words"], fold_lower(w))
                if w.islower() and (key in W["speaker_roles"] or key in W["speaker_role_phrases"]
                                    or len(w) >= 3 and known.has(w, finder.marks) and not L["given"].has(w, finder.marks)
                                    and not L["surnames"].has(w, finder.marks)
                                    and fold_lower(w) not in L["words"]["name_prefixes"]):
                    continue  # (a role or an abbreviation in lower case: 'dd khue opc:')
                end = m.start("who") + wm.end()
                if wm.end() == len(m.group("who")):
                    end = m.end("tail")  # ('Thao Nguyen🌸:', 'Bố Bống.:')
                finder.take_free(m.start("who") + wm.start(), end, "NAME", "strict: chat speaker")
