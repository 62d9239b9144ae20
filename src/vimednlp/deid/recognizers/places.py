"""LOCATION (addresses, administrative units of both schemes, named places), ORGANIZATION (hospitals,
health stations, companies, schools) and PROFESSION (occupations after their cues).

Addresses are pieces (`số 15`, `ngõ 89`, `Lạc Long Quân`, `phường Nghĩa Đô`, `Q. Cầu Giấy`, `Hà Nội`)
chained over commas and dashes into one span. Gazetteers: provinces of the 63- and 34-province
schemes and districts everywhere; ward names only after a unit word (`phường`, `xã`, `P.`), since
many ward names are also given names.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...text.fold import fold_lower
from .base import Candidate, Context, PhraseSet, Recognizer, _index
from .lexicons import address_unit_set, cues, names, places, vocab
from .lexicons import domestic_exact as _domestic_exact
from .lexicons import foreign_exact as _foreign_exact
from .lexicons import ward_exact as _ward_exact
from .lexicons import org_names as _org_names
from .lexicons import unit_spellings as _unit_spellings
from .names import _english_words, lower_segments

# the gap between two fields of a form line: two spaces or more, or a tab
_COLUMN_GAP = re.compile(r"[ ]{2,}|\t")
from .spoken import spoken_number_end
from .tables import header_lines

_V = vocab("places")  # the word lists below: resources/deid/vocab/places.yaml (each with its reason)
# a card's or a record's code after 'số' (folded): two letters or more, then digits ('gd4010128807345', 'xn26-1142',
# 'pvi-hc-2026-0881455', 'ct-2612-0457'); a house number opens with a digit or one letter ('12a', 'a12', 'b2-117')
_ID_CODE = re.compile(r"[a-z]{2,}(?:\d{6,}|[a-z0-9]*(?:[\-./][a-z0-9]+)*\d[a-z0-9]*)$")
_NUMBERISH = re.compile(r"^(?:\d+[a-z]?(?:[/\-]\d+[a-z]?)*|[a-z]?\d+[a-z]?)$")
# address units (resources/deid/vocab/address_units.tsv): each set is the units with a 'yes' in one column
_ABBREV_UNITS = address_unit_set("dot")
_UNIT_NEEDS_VALUE = set(address_unit_set("needs_value"))
_UPPER_OK_UNITS = address_unit_set("upper_case_ok")
_NUMERIC_UNITS = address_unit_set("numeric")
_HEADED_UNITS = address_unit_set("headed")
_ADMIN_UNITS = address_unit_set("admin")
_SPOKEN_UNITS = address_unit_set("spoken")
_LEVEL_WORDS = address_unit_set("post_level")
_LOWER_UNIT_WORDS = address_unit_set("lower_marked", column="written")
_STOP_TAIL = frozenset(_V["stop_tail"])
_UNIT_OFFICE = frozenset(_V["unit_office"])
_VISIT_CUES = frozenset(_V["visit_cues"])
_LOWER_PROVINCE_UNITS = frozenset(_V["lower_province_units"])
_AT_WORDS = frozenset(_V["at_words"])
_CIVIL_TITLES = frozenset(_V["civil_titles"])
(_RESIDENCE_CUES, _NEXT_FIELD_WORDS, _ROOM_UNITS, _TEMPERATURE_UNITS, _VENUE_UNMARKED, _RIDE_JOBS, _RIDE_VERBS,
 _NOT_JOB_BEFORE, _PERSON_DETAIL_WORDS, _DRIVER_BEFORE, _NEW_UNIT_WORDS) = (frozenset(_V[k]) for k in (
    "residence_cues", "next_field_words", "room_units", "temperature_units", "venue_unmarked", "ride_jobs", "ride_verbs",
    "not_job_before", "person_detail_words", "driver_before", "new_unit_words"))
_NEWSPAPER, _SCHOOL_WORD, _TRADE_WORD, _PROF_TAIL_MARKED = (_V[k] for k in ("newspaper", "school_word", "trade_word",
                                                                           "prof_tail_marked"))
_NOT_UNIT = frozenset(_V["not_unit"])
_AMBIGUOUS_FOLDED = frozenset(_V["ambiguous_folded"])
# form layout: fields on one line are set apart by 2+ spaces or a tab ('... TP. Hải Phòng     SĐT: 0394 ...')
_FIELD_GAP = re.compile(r"\t| {2,}|\u00a0{2,}")
_FIELD_LABELS = frozenset(_V["field_labels"])
_FORMER_NAME = frozenset(_V["former_name"])


# '<place>, ngày 29/7/2025' at a line start or after a wide gap: where a document was signed
_PLACE_DATE_LINE = re.compile(_V["place_date_line"], re.MULTILINE)
_NOT_DATE_PLACE = frozenset(_V["not_date_place"])


def _field_label_at(ctx: Context, e: int) -> bool:
    """Tokens e.. are a known field label (one to three words) followed by ':'."""
    ft, n = ctx.ftoks, len(ctx.tokens)
    for w in (1, 2, 3):
        if e + w < n and ft[e + w] == ":" and " ".join(ft[e:e + w]) in _FIELD_LABELS:
            return True
    return False


def _former_name_at(ctx: Context, x: int) -> bool:
    ft = ctx.ftoks
    return x < len(ft) and any(" ".join(ft[x:x + w]) in _FORMER_NAME for w in (1, 2, 3))


_UNIT_HEADS = frozenset(_V["unit_heads"])
_DOC_BEFORE_NUMBER = frozenset(_V["doc_before_number"])
_ACRONYM_NAMED_UNITS = frozenset(_V["acronym_named_units"])
_NUMBERED_THINGS = frozenset(_V["numbered_things"])
_CURRENCY_GLUED = frozenset(_V["currency_glued"])
_NOT_ADDRESS = frozenset(_V["not_address"])


_CUE_ONLY = frozenset(_V["cue_only"])


_MED_BEFORE = PhraseSet(_V["med_before"])
_MED_AFTER = frozenset(_V["med_after"])


@lru_cache(maxsize=1 << 14)  # unit words and short phrases: a small vocabulary looked up per token
def fold_key(k: str) -> str:
    return fold_lower(k)


@lru_cache(maxsize=1)
def _plain_location_before() -> frozenset[str]:
    """The place prepositions (cues.json location_before) written without marks as they are ('thăm' is not)."""
    from .lexicons import cues_raw

    return frozenset(x.lower() for x in cues_raw()["location_before"] if fold_lower(x) == x.lower())


def _place_match(ctx: Context, i: int, table: dict[str, str], need_cap: bool) -> int:
    """End token index (exclusive) of the longest gazetteer phrase starting at token i, or i.
    need_cap: every word of the match must be capitalised (unless the document is UPPER CASE)."""
    if i >= len(ctx.ftoks):  # a unit word that ends the text ('..., xa') has nothing after it
        return i
    lengths = _index(table)[0].get(ctx.ftoks[i])
    if not lengths:
        return i
    n_tok = len(ctx.tokens)
    for n in lengths:
        e = i + n
        if e > n_tok or (n > 1 and not all(ctx.adj[i:e - 1])):
            continue
        if (" ".join(ctx.ftoks[i:e]) if n > 1 else ctx.ftoks[i]) not in table:
            continue
        if n > 1 and "\t" in ctx.text[ctx.tokens[i].end:ctx.tokens[e - 1].start]:
            continue  # (a tab between the words: two table cells, 'Nam<TAB>Pò Pháy' is a sex, then a village)
        if need_cap and not ctx.upper_doc and any(ctx.tokens[x].kind == "word" and not ctx.caps[x] for x in range(i, e)):
            continue
        return e
    return i


_VENUE_FIRST = frozenset(_V["venue_first"])
_VENUE_STOP = frozenset(_V["venue_stop"])
_VENUE_AFTER = frozenset(_V["venue_after"])

_CITIZEN_BEFORE = PhraseSet(_V["citizen_before"])


_NATIONALITY_BEFORE = PhraseSet(_V["nationality_before"])
# an ethnic group after 'tiếng' / 'người' / 'Dân tộc:' is a people or a language ('tiếng Gia Rai'), not the town
_ETHNIC_GROUPS = frozenset(_V["ethnic_groups"])
_ETHNIC_BEFORE = PhraseSet(_V["ethnic_before"])
_PRONOUN_PLACES = frozenset(_V["pronoun_places"])
_LOWER_PLACE_HEADS = frozenset(_V["lower_place_heads"])
_LOWER_VILLAGE_UNITS = frozenset(_V["lower_village_units"])
_LOWER_MARKED_BEFORE = PhraseSet(_V["lower_marked_place_before"])
_LOWER_VILLAGE_END = frozenset(_V["lower_village_end"])


_LINE_NUMBER = re.compile(r"[ \t]*([0-9]{1,3})[ \t]+(?=\S)")


def _line_ordinals(ctx: Context) -> frozenset[int]:
    """The offsets of numbers that open lines numbered in sequence (a table or a list OCR'd or typed without
    separators: '1 Kham cap cuu ...', '2 Cong thuc mau ...'): a line-opening number whose neighbour value (one less
    or one more) opens one of the four lines before or after it. Cached on the context."""
    got = ctx._cache.get("line_ordinals")
    if got is not None:
        return got
    by_line: dict[int, tuple[int, int]] = {}  # line index -> (value, offset)
    pos = 0
    for ln, line in enumerate(ctx.text.split("\n")):
        m = _LINE_NUMBER.match(line)
        if m:
            by_line[ln] = (int(m.group(1)), pos + m.start(1))
        pos += len(line) + 1
    out = frozenset(off for ln, (v, off) in by_line.items()
                    if any(abs(by_line[x][0] - v) == 1 for x in range(ln - 4, ln + 5) if x != ln and x in by_line))
    ctx._cache["line_ordinals"] = out
    return out


class LocationRecognizer(Recognizer):
    name = "location"
    labels = ("LOCATION",)

    def analyze(self, ctx: Context) -> list[Candidate]:
        c = cues()
        gz = places()
        pieces = self._scan(ctx, c, gz)
        self._after_prepositions(ctx, c, pieces)
        field_spans = self._address_fields(ctx, c)
        if not ctx.diacritics and not ctx.upper_doc:
            self._lower_tail(ctx, pieces, gz)
        elif ctx.diacritics and not ctx.upper_doc and 1 in lower_segments(ctx):
            # (a stretch of lower-case lines is enough: a transcript pasted under a capitalised header)
            self._lower_marked_places(ctx, gz, pieces)
        self._streets_after_buildings(ctx, c, pieces)
        self._date_line_places(ctx, pieces)
        out = self._chain(ctx, pieces, field_spans)
        heads = header_lines(ctx)
        if heads:
            # a table's header row typed without separators ('... Phác đồ XN đờm T2 T5 Ghi chú') holds no address
            out = [x for x in out if not any(s <= x.start and x.end <= e for s, e in heads)]
        return out

    def _scan(self, ctx: Context, c: dict, gz: dict) -> list[tuple[int, int, float, str]]:
        """Token by token: address units with their values, foreign places, provinces, cities and districts,
        house numbers before a street. Pieces are token ranges (start, end, score, why)."""
        units = c["location_unit"]
        toks, ft = ctx.tokens, ctx.ftoks
        n = len(toks)
        pieces: list[tuple[int, int, float, str]] = []  # token index ranges
        i = 0
        pnever = c["place_never"]
        kt = ctx.ktoks
        pairs = [a + " " + b for a, b in zip(kt, kt[1:])]  # each adjacent pair once
        # first words of units and of gazetteer names: tokens that start none are skipped without a call
        unit_first = (units._idx or _index(units))[0]
        foreign_first, province_first, district_first = (_index(gz[k])[0] for k in ("foreign", "province", "district"))
        caps, upper_doc = ctx.caps, ctx.upper_doc
        # (most tokens: a lower-case word or a mark that starts no unit and holds no digit, so no rule below can
        # start there -- a place needs a capital or a lower-case head word, a house number a digit; `list.index`
        # jumps over them at C speed)
        may_start = None if upper_doc else [
            c or k in unit_first or f in _LOWER_PLACE_HEADS or not f.isalpha() and any(map(str.isdigit, f))
            for c, k, f in zip(caps, kt, ft)]
        while i < n:
            if may_start is not None:
                try:
                    i = may_start.index(True, i)
                except ValueError:
                    break
            # 'Ý kiến', 'Chủ trì', 'Ban Giám đốc', 'văn bản': a word pair that only looks like a place or a unit
            if kt[i] in pnever or (i + 1 < n and pairs[i] in pnever) or (i > 0 and pairs[i - 1] in pnever):
                i += 1
                continue
            # a unit word followed by its value: 'phường Nghĩa Đô', 'P.12', 'ngõ 89', 'thôn Đông'
            u_end = ctx.match_at(i, units) if kt[i] in unit_first else i
            u_end = u_end if u_end > i else None
            if u_end is not None and i > 0 and toks[i].text.lower() in _CURRENCY_GLUED and ctx.adjacent(i - 1, i) \
                    and any(ch.isdigit() for ch in toks[i - 1].text):
                u_end = None  # '415.000đ. Giao': the đồng glued to a price, not 'đ.' for đường
            if u_end is not None:
                piece = self._unit_piece(ctx, c, gz, i, u_end)
                if piece is not None:
                    pieces.append(piece)
                    i = piece[1]
                    continue
            capital = ctx.upper_doc or ctx.caps[i]
            # foreign countries and cities (travel history); short ambiguous ones need a preposition
            # 'châu Âu': a lower-case generic word before a capitalised name
            e = _place_match(ctx, i, gz["foreign"], False) \
                if (capital or ft[i] in _LOWER_PLACE_HEADS) and ft[i] in foreign_first else i
            if e > i and ctx.diacritics and e - i == 1 and (ctx.ktoks[i] == "y" or toks[i].text.lower() not in _foreign_exact()):
                e = i  # 'Y tế', 'MẸ BỊ ĐỘT QUỴ': 'Ý', 'Bỉ' are written with their marks in a text with diacritics
            if e > i + 1 and ctx.diacritics:
                written = " ".join(t.text for t in toks[i:e]).lower()
                if written != fold_lower(written) and written not in _foreign_exact():
                    e = i  # 'THẨM QUYỀN' (authority) is no 'Thâm Quyến': words written with other marks
            if e == i + 1 and toks[i].text == fold_lower(toks[i].text).capitalize() and e < n and toks[e].kind == "word" \
                    and toks[e].text.islower() and toks[i].text.lower() in _english_words() \
                    and toks[e].text in _english_words() and toks[e].text == fold_lower(toks[e].text):
                e = i  # 'My dad said', 'My address is': an English word before another, no 'Mỹ' without its marks
            if e > i and ((i > 0 and f"{ctx.ktoks[i - 1]} {ctx.ktoks[i]}" in c["name_never"]) or
                          (e < n and ft[e] == ":" and (i == 0 or "\n" in ctx.text[toks[i - 1].end:toks[i].start]))):
                e = i  # 'PHƯƠNG PHÁP', a field label 'Pháp:' (the treatment principle in a traditional-medicine record)
            if e > i and " ".join(ft[i:e]) in _HOME_COUNTRY and i > 0 and ft[i - 1] == ":":
                # 'Quốc tịch: Việt Nam', 'Nationality / Quốc tịch: Việt Nam': a field's value, the whole country identifies
                # no one (in a sentence, 'nhập cảnh Việt Nam', 'ở Lào và Việt Nam', it stays a place, as the
                # PhoNER_COVID19 annotators label it)
                i = e
                continue
            if e > i and (ctx.caps[i] or ctx.upper_doc or ctx.caps[e - 1]):
                key = " ".join(ctx.ktoks[i:e])
                # a country after a nationality word ('người Mỹ', 'quốc tịch Việt Nam') describes a person, not a
                # place; 'Anh' and 'Đức' are also a pronoun and a given name: they need a place preposition
                if key not in c["foreign_places_ambiguous"] and ctx.cue_before(i, _CITIZEN_BEFORE, skip=":"):
                    i = e  # 'quốc tịch Campuchia': a citizenship, the person's nationality, not where they are
                    continue
                if key not in c["foreign_places_ambiguous"] or (
                        (ctx.cue_before(i, c["place_preposition"], skip="") or (i > 0 and ft[i - 1] == "("))
                        if fold_key(key) in _PRONOUN_PLACES
                        else not ctx.cue_before(i, _NATIONALITY_BEFORE, skip="")):
                    pieces.append((i, e, 0.75, "gazetteer (foreign place)"))
                    i = e
                    continue
            # gazetteer: province / city / district names (capitalised)
            e = max(_place_match(ctx, i, gz["province"], True) if ft[i] in province_first else i,
                    _place_match(ctx, i, gz["district"], True) if ft[i] in district_first else i) if capital else i
            if e == i + 1 and ctx.diacritics and toks[i].text.lower() != ft[i] and toks[i].text.lower() not in _domestic_exact():
                e = i  # one word with the wrong marks: 'Chủ trì' is not the town 'Chũ'
            if e > i and " ".join(ft[i:e]) in _ETHNIC_GROUPS and ctx.cue_before(i, _ETHNIC_BEFORE, skip=":"):
                i = e  # 'tiếng Gia Rai', 'người Gia Rai', 'Dân tộc: Gia Rai': a people or its language, not Giá Rai
                continue
            if e > i and (ctx.upper_doc or ctx.caps[i] or toks[i].kind != "word"):
                kind = "province/city" if _place_match(ctx, i, gz["province"], True) == e else "district"
                pieces.append((i, e, 0.8 if kind != "district" else 0.7, f"gazetteer ({kind})"))
                i = e
                continue
            # house number glued before a street: '15 Lạc Long Quân', '123/4 Nguyễn Trãi'
            # (not a row's number: '1 Kham cap cuu ...' / '2 Cong thuc mau ...', lines numbered in sequence)
            if not ft[i].isalpha() and toks[i].start not in _line_ordinals(ctx) and _NUMBERISH.match(ft[i]) and any(ch.isdigit() for ch in ft[i]) and i + 1 < n and ctx.adjacent(i, i + 1) \
                    and not (i > 0 and ft[i - 1] in _NUMBERED_THINGS) \
                    and "\t" not in ctx.text[toks[i].end:toks[i + 1].start] and (toks[i].end < toks[i + 1].start or ctx.text[toks[i + 1].end:toks[i + 1].end + 1] == "/") \
                    and toks[i + 1].kind == "word" and ctx.caps[i + 1] and not ctx.upper_doc \
                    and not (len(toks[i + 1].text) >= 2 and toks[i + 1].text.isupper()):  # '10^5 CFU': a unit
                # (a tab between them: a table's row number and the next cell, '1<TAB>Đặng Minh Chiêu'; nothing
                # between them: a ward or a dose, 'Ward 5B', '5OOmg', unless a '/' goes on, '26B/1 Điện Biên Phủ')
                e = self._cap_end(ctx, i + 1, 5)
                if e == i + 2 and toks[i].end == toks[i + 1].start and len(toks[i + 1].text) == 1:
                    # one letter glued to the number and nothing after it: a number's letter or an OCR'd zero
                    # ('16O/9O mmHg', a blood pressure), no street
                    e = i
                if e > i + 1 and ctx.ktoks[i + 1] not in _STOP_TAIL:
                    pieces.append((i, e, 0.5, "house number + street name"))
                    i = e
                    continue
            i += 1
        return pieces

    def _unit_piece(self, ctx: Context, c: dict, gz: dict, i: int, u_end: int) -> tuple | None:
        """A unit word (tokens i..u_end) and its value (a name, a number, a number read aloud): the piece
        (start, end, score, why), or None when what follows is no address (a document's number, a clinical
        phrase, a venue word with no name, ...)."""
        toks, ft, n = ctx.tokens, ctx.ftoks, len(ctx.tokens)
        v = u_end
        if not ctx.diacritics and u_end == i + 1 and ft[i] == "cho" and (
                i > 0 and ft[i - 1] in _CHO_NOT_MARKET or i > 1 and f"{ft[i - 2]} {ft[i - 1]}" in _CHO_NOT_MARKET
                or v < n and ft[v] in _folded_titles()):
            return None  # 'BS cho Calcium', 'gui giay cho chi Ka Giang': 'cho' gives or is for, no market (chợ)
        if v < n and ft[v] in (".", ":") and toks[v].start == toks[v - 1].end \
                and (ft[v] == ":" or ft[v - 1] in _ABBREV_UNITS or len(ft[v - 1]) <= 3
                     and (len(ft[v - 1]) == 1 or toks[v - 1].text.lower() == ft[v - 1])):
            # 'P.12', 'tdp.': an abbreviation's dot; after 'công viên.' or 'thợ hồ.' (a word written with its
            # marks is no abbreviation) the sentence ends
            v += 1
        e = self._value_end(ctx, v, gz) if v < n and ctx.adjacent(v - 1, v) else v
        # an address read aloud: 'số chín ngõ một trăm linh hai phố ...' (a house number in words)
        spoken = e == v and v < n and ctx.adjacent(v - 1, v) and fold_key(" ".join(ft[i:u_end])) in _SPOKEN_UNITS
        if spoken:
            e = spoken_number_end(ctx, v)
            spoken = e > v
        if e > v and not ctx.upper_doc and ctx.tokens[v].text.isupper() and len(ctx.tokens[v].text) <= 5 \
                and ctx.tokens[v].kind == "word" and not (len(ctx.tokens[v].text) == 1 and e > v + 1) \
                and fold_key(" ".join(ft[i:u_end])) not in _ACRONYM_NAMED_UNITS:
            # (one capital letter that more capitalised words follow is a name's first syllable: 'phường Ô Chợ Dừa')
            e = v  # an acronym after 'chợ'/'cho' is a clinical abbreviation (COPD), not a place
        unit_key = " ".join(ctx.ktoks[i:u_end])
        if e > v and ctx.diacritics and unit_key not in _unit_spellings() and any(
                toks[x].text.lower() == ft[x] for x in range(i, u_end)) and ft[i] not in _ABBREV_UNITS \
                and fold_key(unit_key) not in _ADMIN_UNITS:
            # 'ợ chua 3 tháng': in a text with diacritics a venue ('chùa', a pagoda) is written with its
            # marks (address units are often typed without them: 'so 5 ngo 12' stays an address)
            e = v
        if e > v and i > 0 and ft[i - 1] in ("truong", "pho") and ctx.ktoks[i - 1] in _UNIT_OFFICE \
                and fold_key(unit_key) in _HEADED_UNITS:
            e = v  # 'trưởng thôn Đinh Văn Rin': the village head, a person, not the village
        if e > v and fold_key(unit_key) == "so" and i > 0 and ft[i - 1] in _DOC_BEFORE_NUMBER:
            e = v  # 'hồ sơ bệnh án số 26.000213', 'quyết định số 12': a document's number
        if e > v and fold_key(unit_key) == "lo" and i > 0 and ft[i - 1] == "so":
            e = v  # 'số lô 5M0417': a drug's batch number
        if e > v and ctx.upper_doc and ctx.tokens[v].kind == "word" and fold_key(unit_key) not in _UPPER_OK_UNITS:
            e = v  # in UPPER CASE every word looks like a name: only real address units count
        if e > v and f"{ft[i + (u_end - i) - 1]} {ft[v]}" in _NOT_ADDRESS:
            e = v
        if e > v and fold_key(unit_key) in _NUMERIC_UNITS and not any(ch.isdigit() for ch in ft[v]) and not spoken:
            e = v  # 'số BHXH', 'phòng khám': these units take a number
        if e > v and fold_key(unit_key) == "so" and (ft[v - 1] == ":" or _ID_CODE.match(ft[v])):
            e = v  # 'Số: 0427', 'số: GD4010128807345': a document or card number, not a house number
        if e > v and i > 0 and (ft[i - 1] == "/" and toks[i - 1].end == toks[i].start or
                                fold_key(unit_key) in _TEMPERATURE_UNITS and re.fullmatch(r"3\d[.,]\d", ft[v])):
            e = v  # 'l/p.' (litres per minute), 'to 37,5' (a temperature): no address
        if e > v and i > 0 and f"{ft[i - 1]} {ft[i]}" in _NOT_UNIT:
            e = v  # 'giới tính', 'dương tính', 'đái tháo đường': not 'tỉnh' / 'đường' (street)
        if e > v and not ctx.diacritics and ft[i] in _AMBIGUOUS_FOLDED and \
                not (toks[v].kind == "word" and ctx.caps[v]) and not (
                    fold_key(unit_key) in _ADMIN_UNITS and e - v >= 2 and toks[i].text.islower()
                    and (e >= n or "\n" in ctx.text[toks[e - 1].end:toks[e].start] or ft[e] in _LOWER_VILLAGE_END)):
            # without diacritics 'cho' is also 'for', 'ban' also 'table': need a proper name, or (for an
            # administrative unit: 'xa' is also 'far') a known place of two syllables or more that ends the phrase
            # ('nhom zalo xa thuong lam', 'xa hong quang, huyen lam binh')
            e = v
        # with diacritics a venue word is written with them: 'cho bà Lan' (for Mrs Lan) is no 'chợ'
        venue = fold_key(unit_key).split(" ")[0] in _VENUE_FIRST and not ctx.upper_doc and \
            (not ctx.diacritics or toks[i].text.lower() != ft[i] or ft[i] in _VENUE_UNMARKED)
        if venue and e == v and v < n:
            # 'quán bia hơi Lộc Vừng', 'chợ hoa Quảng Bá', 'sân bay quốc tế Đà Nẵng': a kind word or two
            # between the venue word and its name
            d = v
            while d < n and d - v < 3 and toks[d].kind == "word" and not ctx.caps[d] and ctx.adj[d - 1] \
                    and ft[d] not in _VENUE_STOP and ft[d] not in _STOP_TAIL:
                d += 1
            if v < d < n and ctx.adj[d - 1] and toks[d].kind == "word" and ctx.caps[d] \
                    and ctx.ktoks[d] not in _STOP_TAIL \
                    and not (toks[d].text.isupper() and len(toks[d].text) <= 5 and len(toks[d].text) > 1):
                # (an acronym after the kind words is a clinical one: 'tiem bu DPT', a catch-up DPT shot)
                e = self._cap_end(ctx, d, 5)
        if venue and e > v:
            e = self._venue_tail(ctx, e)
        if e > v:
            score = 0.85
            unit = " ".join(ft[i:u_end])
            # bare 'số 3', 'tổ 2', 'khu A' need more evidence: chained to other pieces later
            weak = unit in _UNIT_NEEDS_VALUE and all(_NUMBERISH.match(ft[x]) for x in range(v, e))
            if weak and unit in _ROOM_UNITS and i > 0 and toks[i - 1].kind in ("word", "punct") \
                    and not ctx.cue_before(i, c["location_before"], skip=""):
                # 'Xe số 07', 'phòng khám nhi số 3', 'Phòng 402' (a ward room): a number of a thing or a room,
                # not an address unless chained to one
                score = 0.45
            elif weak:
                score = 0.5
            if spoken:
                score = 0.45  # 'số hai' is also 'number two': an address only chained to another piece
            if unit in ("p", "p .") and e == v + 1 and toks[v].kind == "number" and len(ft[v]) >= 3:
                score = 0.45  # 'P.412/G4': no ward has a three-digit number, a room (phòng) does
            if unit == "tang" and all(_NUMBERISH.match(ft[x]) for x in range(v, e)) \
                    and not ctx.cue_before(i, c["location_before"], skip=""):
                score = 0.45  # 'nằm khoa hô hấp tầng 3': a floor of a building, an address only chained to one
            # 'Xã, phường: Phường 11', 'Số nhà: 14/3': the unit before ':' is the field's label, outside the span
            return u_end + 1 if ft[u_end] == ":" else i, e, score, f"address unit word ({unit})"
        return None

    def _after_prepositions(self, ctx: Context, c: dict, pieces: list) -> None:
        """Capitalised words after a place preposition."""
        toks, n = ctx.tokens, len(ctx.tokens)
        pnever = c["place_never"]
        before = c["location_before"]
        sur = names()["surname"]
        covered = bytearray(n + 1)
        for a, b, _s, _w in pieces:
            covered[a:b] = b"\x01" * (b - a)
        if ctx.upper_doc:
            return
        kt, caps = ctx.ktoks, ctx.caps
        # (only capitalised words can start such a place: one pass over the tokens, then a turn for each of them)
        for i in [i for i, (t, c, k) in enumerate(zip(toks, caps, kt)) if c and t[3] == "word" and k not in _STOP_TAIL
                  and not (t[0].isupper() and len(t[0]) <= 4)]:
            if covered[i] or ctx.ktoks[i] in pnever:
                continue
            hit = ctx.cue_before(i, before, skip="")
            if not hit or i > 0 and "\n" in ctx.text[toks[i - 1].end:toks[i].start]:
                continue  # (the preposition must stand on the word's line: 'NGOẠI TRÚ\nPatient' is a heading)
            if _FIELD_GAP.search(ctx.text, toks[i - 1].end, toks[i].start) or ctx.diacritics \
                    and fold_lower(hit) == hit and hit not in _plain_location_before():
                # ('Dân tộc: Cơ Tu   Quốc tịch: ...': a form's next field after a gap; 'Tu' of Cơ Tu, written without
                # marks in a text that has them, is no 'từ')
                continue
            e = self._cap_end(ctx, i, 4)
            # a personal name (surname + given) after 'đến'/'về' is a visit, not a place
            if e > i and not (ctx.ktoks[i] in sur and e - i >= 2 and hit in _VISIT_CUES):
                pieces.append((i, e, 0.6, f"capitalised words after a place preposition ({hit})"))

    @staticmethod
    def _description_after(ctx: Context, x: int, units) -> bool:
        """After a dash in an address field, words in lower case that name no unit ('— nhà trên đồi, cách đường nhựa 4
        km'): a description of the way there, not more of the address ('– xã Hải Sơn', '– Số 5' go on)."""
        toks = ctx.tokens
        if x >= len(toks) or toks[x].kind != "word" or not toks[x].text.islower():
            return False
        u = ctx.match_at(x, units)
        return not (u > x and u < len(toks) and (toks[u].kind in ("number", "code") or ctx.caps[u]))

    @staticmethod
    def _opens_field(ctx: Context, k: int) -> bool:
        """Token k opens a form field: first on its line, or after a tab, a wide gap, '|' or ':'."""
        if k <= 0:
            return k == 0
        gap = ctx.text[ctx.tokens[k - 1].end:ctx.tokens[k].start]
        return "\n" in gap or "\t" in gap or "  " in gap or ctx.ftoks[k - 1] in ("|", ":", ";", "-", "–", "•")

    def _address_fields(self, ctx: Context, c: dict) -> list[tuple[int, int, float, str]]:
        """Address fields: everything after the address cue up to the end of the line or the next field."""
        toks, ft, kt, n = ctx.tokens, ctx.ftoks, ctx.ktoks, len(ctx.tokens)
        fields, units = c["location_field"], c["location_unit"]
        field_spans = []
        field_last = (fields._idx or _index(fields))[1]
        # (cue_before finds nothing unless the token before is a cue's last word or a skipped mark: only those
        # tokens are looked at)
        for i in [i for i in range(1, n) if kt[i - 1] in field_last or (len(ft[i - 1]) == 1 and ft[i - 1] in ":.-,(")]:
            hit = ctx.cue_before(i, fields)
            if hit in _COLON_ONLY_FIELDS and ft[i - 1] != ":":
                continue  # 'ko de o nha dc. Qua cua khau ...': 'dc' is 'được' there, a field label takes a colon
            if hit and ft[i - 1] == "." and not self._opens_field(ctx, i - 1 - len(hit.split())):
                continue  # 'từ khi về quê. Gia đình ...': a sentence ends on the word; a label opens its line
            if hit and toks[i].kind != "punct" and (i == 0 or ft[i - 1] in (":", ".", "-") or hit in _RESIDENCE_CUES):
                e = i
                while e < n and "\n" not in ctx.text[toks[e - 1].end if e > i else toks[i].start:toks[e].start] \
                        and ft[e] not in (";", "·", "•", "|") and not (ft[e] in _NEXT_FIELD_WORDS and e > i + 1 and ft[e - 1] in (",", ".", "-")) \
                        and not (e > i and _FIELD_GAP.search(ctx.text, toks[e - 1].end, toks[e].start)) \
                        and not (e > i and _field_label_at(ctx, e)) \
                        and not (e > i + 1 and ft[e] == "(" and _former_name_at(ctx, e + 1)) \
                        and not (e > i + 1 and ft[e] in ("—", "–") and self._description_after(ctx, e + 1, units)):
                    # a run of spaces or a tab, a next field label ('SĐT:', 'Email:', 'Mã BN:') or '(trước đây là
                    # ...)' ends the field: the next form field or the former address is not this address
                    if ft[e] == "." and e > i and ft[e - 1] in _ABBREV_UNITS and ft[i - 1] == ":" and e + 1 < n and "\n" not in ctx.text[toks[e].end:toks[e + 1].start]:
                        e += 1  # 'TP. Ho Chi Minh': the dot of an abbreviated unit, not the end of the field
                        continue
                    if ft[e] == "." and (e + 1 >= n or "\n" in ctx.text[toks[e].end:toks[e + 1].start] or
                                         (toks[e + 1].kind == "word" and ctx.caps[e + 1] and not ctx.upper_doc and e + 1 < n and toks[e + 1].start > toks[e].end)):
                        break
                    e += 1
                while e > i and ft[e - 1] in (",", ".", "-", ":"):
                    e -= 1
                u = ctx.match_at(i, units)
                if i < u < e - 1 and ft[u] == ":":
                    i = u + 1  # 'Địa chỉ: Số nhà: 14/3': a sub-field's label stays outside
                if e > i and any(toks[x].kind == "word" for x in range(i, e)):
                    field_spans.append((i, e, 0.9, "address field cue"))
        return field_spans

    def _streets_after_buildings(self, ctx: Context, c: dict, pieces: list) -> None:
        """The street written after a building, behind a comma."""
        toks, ft, n = ctx.tokens, ctx.ftoks, len(ctx.tokens)
        for a, b, _s, why in list(pieces):
            if not why.startswith("address unit word") or b + 1 >= n or ft[b] != "," or ctx.upper_doc:
                continue
            y = b + 1
            e = self._cap_end(ctx, y, 4) if toks[y].kind == "word" and ctx.caps[y] else y
            if ctx.match_at(y, c["name_before"]) > y or ctx.match_at(y, c["org_head"]) > y or ctx.match_at(y, c["phone_cues"]) > y:
                continue  # ', BS Cầm Văn Thoại', ', Hotline ...': a person, an organisation or a phone, not a street
            if 2 <= e - y and (e >= n or toks[e].kind == "punct" or ft[e] in _VENUE_AFTER or
                               "\n" in ctx.text[toks[e - 1].end:toks[e].start]):
                pieces.append((y, e, 0.6, "street name after a building"))

    def _date_line_places(self, ctx: Context, pieces: list) -> None:
        """The place of a document's date line (opening a line or after a wide gap)."""
        toks, n = ctx.tokens, len(ctx.tokens)
        for m in _PLACE_DATE_LINE.finditer(ctx.text):
            words = m.group("p").split()
            if not all(w[:1].isupper() for w in words) or fold_lower(words[0]) in _NOT_DATE_PLACE:
                continue
            a = ctx.token_index_at(m.start("p"))
            b = a + len(words) - 1 if a is not None else n
            if b >= n or toks[b].end != m.end("p"):
                continue
            pieces[:] = [p for p in pieces if not (a <= p[0] and p[1] <= b + 1)]
            if all(p[1] <= a or b + 1 <= p[0] for p in pieces):
                pieces.append((a, b + 1, 0.8, "place of a document's date line"))

    def _chain(self, ctx: Context, pieces: list, field_spans: list) -> list[Candidate]:
        """Pieces separated by ',', '-' or nothing chained into one address; then the address fields."""
        toks, ft = ctx.tokens, ctx.ftoks
        pieces.sort()
        chained: list[list] = []
        for p in pieces:
            if chained:
                last = chained[-1]
                gap = range(last[1], p[0])
                between = ctx.text[toks[last[1] - 1].end:toks[p[0]].start] if p[0] >= last[1] else ""
                # (never across a line break or a form's wide gap: 'XÃ AN THẠNH     Cẩm Giang, ngày ...')
                if p[0] >= last[1] and all(ft[x] in (",", "-", "–") for x in gap) and len(gap) <= 1 and \
                        "\n" not in between and not _FIELD_GAP.search(between):
                    last[1] = p[1]
                    last[2] = max(last[2], p[2], 0.85)
                    last[3] = "address pieces chained: " + last[3].split(": ", 1)[-1] + " + " + p[3]
                    continue
                if p[0] < last[1]:
                    continue
            chained.append(list(p))
        out = []
        for a, e, score, why in chained + field_spans:
            out.append(Candidate(toks[a].start, toks[e - 1].end, "LOCATION", score, self.name, why))
        return out

    @staticmethod
    def _lower_tail(ctx: Context, pieces: list, gz) -> None:
        """Text without diacritics or capitals: 'thon dong xa, xa hoang van, hiep hoa, bac giang' - after an address
        piece, a known district or province name (two syllables or more) behind a comma continues the address,
        and so does a street unit word ('ngo 12 pho hang bot')."""
        n = len(ctx.tokens)
        ft = ctx.ftoks
        units = cues()["location_unit"]
        ends = sorted({b for _a, b, _s, _w in pieces})
        for b in ends:
            x = b
            while x < n:
                y = x + 1 if ft[x] == "," else x
                if y >= n:
                    break
                e = max(_place_match(ctx, y, gz["province"], False), _place_match(ctx, y, gz["district"], False),
                        _place_match(ctx, y, gz["ward"], False) if y == x else y)
                if e - y < 2:
                    u = ctx.match_at(y, units)
                    if u > y:  # 'pho hang bot' right after 'ngo 12', ', xa hoang van'
                        e = max(_place_match(ctx, u, gz["ward"], False), _place_match(ctx, u, gz["district"], False))
                        e = e if e - u >= 2 else y
                if e - y < 2:
                    break
                pieces.append((y, e, 0.7, "place name without diacritics after an address piece"))
                x = e

    @staticmethod
    def _lower_marked_places(ctx: Context, gz, pieces: list) -> None:
        """A text all in lower case with its marks (a transcript): after a place word ('ở khâm đức', 'bên ba chúc',
        'thành phố đà nẵng'; places.yaml lower_marked_place_before), a known province, district or ward name of two
        syllables or more, spelt with the same marks, that forms no ordinary word ('hòa bình' does)."""
        from .names import lower_word_pairs

        toks, n = ctx.tokens, len(ctx.tokens)
        lower = lower_segments(ctx)
        covered = bytearray(n + 1)
        for a, b, _s, _w in pieces:
            covered[a:b] = b"\x01" * (b - a)
        exact = None
        for i in range(1, n - 1):
            if covered[i] or toks[i].kind != "word" or not toks[i].text.islower() or not ctx.adj[i] or not lower[i] \
                    or not ctx.cue_before(i, _LOWER_MARKED_BEFORE, skip=""):
                continue
            e = max(_place_match(ctx, i, gz["province"], False), _place_match(ctx, i, gz["district"], False),
                    _place_match(ctx, i, gz["ward"], False))
            if e - i < 2 or any(covered[i:e]) or not all(toks[x].text.islower() for x in range(i, e)):
                continue
            words = [toks[x].text for x in range(i, e)]
            if exact is None:
                exact = _domestic_exact() | _ward_exact()
            pairs = lower_word_pairs()
            if " ".join(words) not in exact or any(f"{a} {b}" in pairs for a, b in zip(words, words[1:])):
                continue
            pieces.append((i, e, 0.6, "known place name in lower case after a place word"))
            covered[i:e] = b"\x01" * (e - i)

    @staticmethod
    def _venue_tail(ctx: Context, e: int) -> int:
        """'nhà hàng Thế giới bò tươi ở ...', 'siêu thị Điện máy xanh đến 22h': lower-case words that end a
        venue's name, taken only when a preposition, punctuation or the end of the text follows them."""
        n = len(ctx.tokens)
        ft = ctx.ftoks
        x = e
        while x < n and x - e < 3 and ctx.tokens[x].kind == "word" and not ctx.caps[x] and ctx.adj[x - 1] \
                and ft[x] not in _VENUE_STOP and ft[x] not in _STOP_TAIL:
            x += 1
        if x == e:
            return e
        if x >= n or ctx.tokens[x].kind == "punct" or ft[x] in _VENUE_AFTER or "\n" in ctx.text[ctx.tokens[x - 1].end:ctx.tokens[x].start]:
            return x
        return e

    @staticmethod
    def _value_end(ctx: Context, v: int, gz) -> int:
        n = len(ctx.tokens)
        if v >= n:
            return v
        ft = ctx.ftoks
        if ctx.tokens[v].kind in ("number", "code", "ratio", "date") or _NUMBERISH.match(ft[v]):
            e = v + 1
            # '89/12', '15A' glued
            while e < n and ctx.tokens[e].start == ctx.tokens[e - 1].end and ft[e] in ("/", "-") and e + 1 < n \
                    and ctx.tokens[e + 1].kind == "number":
                e += 2
            if e + 1 < n and ft[e] == "/" and ctx.tokens[e].start == ctx.tokens[e - 1].end \
                    and ctx.tokens[e + 1].kind == "word" and ctx.tokens[e + 1].start == ctx.tokens[e].end:
                return v  # 'Số: 128/2024/GCT': a document number, not a house number
            # 'số 15 Lạc Long Quân': a street right after the number
            if e < n and ctx.tokens[e].kind == "word" and ctx.caps[e] and ctx.adjacent(e - 1, e) and not ctx.upper_doc \
                    and (ctx.ktoks[e] not in _STOP_TAIL or ft[e] == "thang" and e + 1 < n and ctx.tokens[e + 1].kind == "number"):
                # ('đường 3 Tháng 2': a street named after a date)
                e = LocationRecognizer._cap_end(ctx, e, 5)
            return e
        if ctx.tokens[v].kind in ("word", "dotted") and (ctx.caps[v] or ctx.upper_doc):
            return LocationRecognizer._cap_end(ctx, v, 5)
        # lower-case text without capitals (chat, no diacritics): a known place name
        if ctx.diacritics:
            # with diacritics, only a province or city after 'tp' / 'tỉnh' typed in lower case ('..., tp hcm')
            u = v - 1 if ft[v - 1] not in (".", ":") else v - 2
            if u >= 0 and ctx.ktoks[u] in _LOWER_PROVINCE_UNITS:
                e = _place_match(ctx, v, gz["province"], False)
                return e if e > v else v
            # a unit word typed in lower case with its marks ('phường hoàng liệt', 'quận cầu giấy'): a known ward or
            # district of two or more syllables after it (one syllable is too often a common word: 'xã hội')
            if u >= 0 and ctx.tokens[u].text.islower() and ctx.ktoks[u] in _LOWER_UNIT_WORDS:
                e = max(_place_match(ctx, v, gz["ward"], False), _place_match(ctx, v, gz["district"], False))
                return e if e - v >= 2 else v
            return v
        e = max(_place_match(ctx, v, gz["province"], False), _place_match(ctx, v, gz["district"], False),
                _place_match(ctx, v, gz["ward"], False))
        if e - v >= 2:
            return e
        u = v - 1 if ft[v - 1] not in (".", ":") else v - 2
        if u >= 0 and ft[u] in _LOWER_VILLAGE_UNITS and ctx.tokens[u].text.islower():
            return LocationRecognizer._lower_village_end(ctx, v)
        return v  # one lower-case syllable is too often a common word

    @staticmethod
    def _lower_village_end(ctx: Context, v: int) -> int:
        """'thon na mo - 5 trong 1': after 'thôn' / 'xóm' typed without marks, 1-3 lower-case words that end at a
        comma, a dash, a full stop, another unit word or the line's end are the village's name (the first no
        pronoun or function word: 'thon e 2 chau' is 'my village')."""
        toks, ft, n = ctx.tokens, ctx.ftoks, len(ctx.tokens)
        stop = _folded_stop()
        if fold_key(ft[v]) in stop:
            return v
        units = cues()["location_unit"]
        e = v
        while e < n and e - v < 3 and toks[e].kind == "word" and toks[e].text.isalpha() and toks[e].text.islower() \
                and (e == v or ctx.adj[e - 1]) and not (e > v and ctx.match_at(e, units) > e):
            e += 1
        if e == v or any(fold_key(ft[x]) in stop for x in range(v, e - 1)):
            return v  # ('em thon tha di ve': a verb inside is no village's name; the last word may fold onto one)
        if e >= n or "\n" in ctx.text[toks[e - 1].end:toks[e].start] or ft[e] in _LOWER_VILLAGE_END \
                or ctx.match_at(e, units) > e:
            return e
        return v

    @staticmethod
    def _cap_end(ctx: Context, j: int, max_len: int) -> int:
        n = len(ctx.tokens)
        e = j
        units = cues()["location_unit"]
        while e < n and e - j < max_len and (ctx.tokens[e].kind in ("word", "dotted") and (ctx.caps[e] or ctx.upper_doc)
                                            or ctx.tokens[e].kind == "number" and e > j) \
                and (e == j or ctx.adjacent(e - 1, e)):
            # a field name ('Ngày', 'Số') or a unit word ('phường') ends the name only when it is written
            # in lower case, abbreviated ('P.'), or followed by ':'; capitalised it is part of a name
            # ('Cách Mạng Tháng Tám', 'Phú Hồ', 'Giải Phóng')
            k = ctx.ktoks[e]
            boundary = not ctx.caps[e] or ctx.upper_doc or (e + 1 < n and ctx.ftoks[e + 1] in (":", "."))
            if (k in _STOP_TAIL or (e > j and k in units)) and boundary:
                break
            e += 1
        return e


_GENERIC_TAIL = frozenset(_V["generic_tail"])
_HOME_COUNTRY = frozenset(_V["home_country"])
_GENERIC_CAPS = _GENERIC_TAIL | frozenset(_V["generic_in_caps"])


class _OrgWard:
    @staticmethod
    def match(ctx: Context, e: int, wards) -> int:
        """A commune's name after an organisation head in lower case, unless the words say what kind the
        organisation is (vocab/places.yaml org_kind_words: 'phòng khám tư nhân', private, though a commune is spelt
        so). (Many communes are ordinary words, 'bảo an', 'hòa bình': those stay.)"""
        p = _place_match(ctx, e, wards, False)
        if p > e and " ".join(ctx.ftoks[e:p]) in _ORG_KIND_WORDS:
            return e
        return p


class OrganizationRecognizer(Recognizer):
    name = "organization"
    labels = ("ORGANIZATION",)

    def analyze(self, ctx: Context) -> list[Candidate]:
        c = cues()
        heads, conn = c["org_head"], c["org_connector"]
        toks, ft = ctx.tokens, ctx.ftoks
        n = len(toks)
        out = []
        # (first words of organisation heads and well-known names: other tokens start neither, no call needed)
        head_first, name_first, kt = (heads._idx or _index(heads))[0], _index(_org_names())[0], ctx.ktoks
        # (no head word, no well-known name, no newspaper credit can start elsewhere: `list.index` jumps there)
        may_start = [k in head_first or f in name_first or t[0] == _NEWSPAPER for k, f, t in zip(kt, ft, toks)]
        i = 0
        while i < n:
            try:
                i = may_start.index(True, i)
            except ValueError:
                break
            h_end = ctx.match_at(i, heads) if kt[i] in head_first else i
            h_end = h_end if h_end > i else None
            named = False
            gaz_end = -1
            g = _place_match(ctx, i, _org_names(), False) if (ctx.caps[i] or ctx.upper_doc) and ft[i] in name_first else i
            if g > i and (h_end is None or g >= h_end):
                # a well-known name ('Bộ Y tế', 'CDC', 'Sở Y tế'): an organisation even with nothing after it
                h_end, named = g, True
                gaz_end = g
            if h_end is None and toks[i].text == _NEWSPAPER and i + 1 < n and ctx.caps[i + 1] and ctx.adj[i] \
                    and toks[i + 1].kind == "word" and ctx.ktoks[i + 1] not in c["name_before"] \
                    and (i == 0 or ft[i - 1] in ("(", "theo", "-", "–", ":") or "\n" in ctx.text[toks[i - 1].end:toks[i].start]):
                h_end = i + 1  # a newspaper credited at the head of an article: '(Báo Sức khỏe Nghệ An) - ...'
            if h_end is None:
                i += 1
                continue
            if h_end == i + 1 and i > 0 and not named and f"{ft[i - 1]} {ft[i]}" in _ORG_HEAD_COMPOUND \
                    and ctx.adjacent(i - 1, i):
                i += 1  # 'cán bộ OPC', 'đi bộ Hồ Tây', 'DỊCH VỤ YHCT': the head word ends a compound word
                continue
            if h_end == i + 2 and f"{ft[i]} {ft[i + 1]}" in _SPECIALTY_HEADS and i > 0 and (
                    ft[i - 1] in _SPECIALTY_TITLE_BEFORE or i > 1 and f"{ft[i - 2]} {ft[i - 1]}" in _SPECIALTY_TITLE_BEFORE) \
                    and (toks[i].text.islower() or toks[i].text.isupper() and toks[i - 1].text.isupper()):
                # 'HỒ SƠ NHA KHOA', 'khám nha khoa': the specialty of a form or a visit ('khám Nha khoa Minh Châu' is one)
                i += 1
                continue
            if ft[i] == "vien" and i > 0 and ft[i - 1] in _STAY_VERBS and toks[i].text.islower() and i + 1 < n \
                    and ctx.match_at(i + 1, heads) > i + 1:
                i += 1  # 'nhập viện BVĐK tỉnh X': 'viện' ends 'nhập viện' (admitted), the hospital follows
                continue
            if ft[i] == "truong" and toks[i].text.islower() and i > 0 and ctx.ktoks[i - 1] in _HEADED_STAFF \
                    and ctx.ktoks[i] != _SCHOOL_WORD:
                i += 1  # 'DD truong Ho Thi Lan' (no marks): 'trưởng' of a head nurse, not 'trường' (a school)
                continue
            if i >= 2 and ft[i] in ("khoa", "phong") and ft[i - 1] in ("-", "–") and out and out[-1].end == toks[i - 2].end \
                    and not (h_end < n and ft[h_end] == "da"):
                # 'Trung tâm Y tế ... - Phòng khám Nội số 2', '... - Khoa Nhi': a department of the organisation just
                # named, no organisation of its own ('- Phòng khám Đa khoa khu vực ...' is a named unit)
                i = h_end
                continue
            e = h_end
            good = h_end  # end of the last piece that belongs to a name (not a generic trailing word)
            base = h_end
            restart = None
            while e < n and e - base < 9 and ctx.adjacent(e - 1, e):
                t = toks[e]
                if e >= h_end and (ft[e] in _ACCOUNT_STOP or e + 1 < n and f"{ft[e]} {ft[e + 1]}" in _ACCOUNT_STOP):
                    break  # 'Techcombank chủ TK ...', 'Vietcombank STK ...': the account follows the bank's name
                if e > h_end and _COLUMN_GAP.search(ctx.text, toks[e - 1].end, t.start):
                    break  # 'TTYT Thạch An  Mã CS: ...': two spaces or a tab open the form's next field
                # (a general clinic, 'Phòng khám Đa khoa An Bình - Công ty ...', is an organisation of its own)
                dept = named and h_end < e <= h_end + 4 and " ".join(ft[i:h_end]) in _DEPARTMENT_HEADS \
                    and "da khoa" not in " ".join(ft[h_end:e])
                hm = ctx.match_at(e, heads) if named and ctx.caps[e] and (dept or not ctx.upper_doc) else e
                if hm > e and ft[e] not in ("khoa", "phong"):
                    if dept:
                        restart = e  # 'PK Tim BV Đa khoa X', 'PHONG KHAM THAN - BV CHO RAY': a clinic of the hospital
                        break
                    # the parent organisation written right after: 'Cơ quan Cảnh sát điều tra Công an tỉnh X'
                    e = good = base = hm
                    continue
                m = ctx.match_at(e, conn)
                L = m - e
                m = m if m > e else None
                if m is not None and not (L == 1 and ctx.caps[e] and not ctx.upper_doc and t.kind == "word"
                                          and m < n and not ctx.caps[m]):
                    # a capitalised connector names the place ('Nhi Trung ương', 'Sư phạm'); in a heading in capitals
                    # a generic one does not ('BỆNH VIỆN ĐA KHOA KHU VỰC' with no name after it)
                    generic_caps = " ".join(ft[e:m]) in _GENERIC_CAPS and all(toks[x].text.isupper() for x in range(e, m))
                    named = named or not generic_caps and any(ctx.caps[x] or toks[x].kind in ("number", "code")
                                                              for x in range(e, m))
                    if " ".join(ft[e:m]) not in _GENERIC_TAIL or any(ctx.caps[x] for x in range(e, m)):
                        good = m
                    e = m
                    continue
                if not ctx.upper_doc and t.text.isupper() and len(t.text) > 1 and t.text.lower() in _EMPHASIS_CAPS \
                        and not toks[e - 1].text.isupper():
                    # 'Bệnh viện KHÔNG nhận chuyển khoản': a word in capitals for emphasis after the name's lower-case
                    # words, no name ('ĐẠI HỌC Y VÀ DƯỢC', a heading in capitals, goes on)
                    break
                if t.kind in ("word", "dotted") and (ctx.caps[e] and not ctx.upper_doc or ctx.upper_doc and ctx.ktoks[e] not in _STOP_TAIL):
                    if ctx.ktoks[e] in _STOP_TAIL and (not ctx.caps[e] or e + 1 < n and ft[e + 1] == ":"
                                                       and toks[e + 1].start == t.end):
                        break  # ('Trạm Y tế xã Sơn Bình Mã: 56O6l': the next field's label, capitalised, ends it)
                    e += 1
                    named = True
                    good = e
                    continue
                if t.kind in ("number", "code") and ft[e - 1] == "so" and ft[i] in ("phong", "pk"):
                    break  # 'phòng khám nhi số 3': a room, not a named clinic
                if t.kind in ("number", "code") and (e > h_end or ft[i] in ("benh", "bv")):
                    if e > h_end and named and e + 1 < n and ctx.ktoks[e + 1] in _COUNT_UNITS and ctx.adj[e] \
                            and not (e + 2 < n and ctx.tokens[e + 2].text[:1].isdigit()):
                        # 'BV T.W Huế 5 ngày': a stay's length after the name, not part of it ('Nhi Đồng 1 ngày
                        # 12/3' is the hospital's number before a date)
                        break
                    e += 1
                    # 'Bệnh viện 115', 'Bệnh viện Quân y 211': a hospital known by its number (not 'bệnh viện 3 ngày')
                    named = named or e - 1 > h_end or (ft[i] in ("benh", "bv") and len(t.text) >= 2 and
                                                       (e >= n or ctx.ktoks[e] not in _COUNT_UNITS))
                    good = e
                    continue
                if ft[e] == "(" and e + 2 < n and ft[e + 2] == ")" and toks[e + 1].text.isupper() \
                        and len(toks[e + 1].text) <= 6:
                    e += 3  # 'Trung tâm Kiểm soát bệnh tật (CDC) Lào Cai': an acronym inside the name
                    good = e
                    continue
                if ft[e] == "-" and e + 1 < n and toks[e + 1].kind == "number" and toks[e - 1].text.isupper():
                    e += 2  # 'COVID - 19' written with spaces
                    good = e
                    continue
                m = ctx.match_at(e, conn)
                if m > e:
                    e = m
                    continue
                if ft[e] == "&" or (ft[e] == "-" and e + 1 < n and ctx.caps[e + 1] and named and not self._new_unit(ctx, e + 1)):
                    e += 1
                    continue
                if named and t.kind == "word" and not ctx.upper_doc and e + 1 < n and ctx.adjacent(e, e + 1) \
                        and toks[e + 1].kind == "word" and ctx.caps[e + 1] and ft[e] not in _VENUE_STOP \
                        and ctx.ktoks[e] not in _STOP_TAIL and ft[e] not in _STOP_TAIL:
                    e += 1  # 'Công ty TNHH May mặc Hòa Thọ': a lower-case word inside the name
                    continue
                break
            if restart is not None:
                i = restart
                continue
            if not named and not ctx.upper_doc and ft[i] in _LOWER_ORG_HEADS and not (
                    # ('Amoxicilin 500mg<TAB>vien<TAB>184': a table's unit column, the tablet, then the next cell)
                    h_end < n and _COLUMN_GAP.search(ctx.text, toks[h_end - 1].end, toks[h_end].start)) and (
                    not ctx.diacritics or toks[i].text.islower() and all(toks[x].text.lower() == ft[x] for x in range(i, h_end))
                    # a text typed all in lower case with marks (speech-to-text, a dictated hand-over): 'bệnh viện
                    # tâm thần tỉnh điện biên' has no capitals to read either
                    or toks[i].text.islower() and lower_segments(ctx)[i]):
                # (a chat that mixes both: the head typed without diacritics says the name is typed so too)
                # chat without diacritics or capitals: 'bv phoi trung uong', 'ttyt hiep hoa', 'bv da khoa hoe nhai'
                e, named = self._lower_name(ctx, i, h_end)
                good = e
            # drop trailing generic words that name nothing ('bệnh viện tỉnh' is still generic); lower-case
            # words of the name itself stay ('Bệnh viện Nhi Trung ương', 'Bệnh viện Bệnh nhiệt đới trung ương')
            e = e if ctx.upper_doc else max(good, h_end)
            if gaz_end > 0 and e <= h_end:
                out.append(Candidate(toks[i].start, toks[gaz_end - 1].end, "ORGANIZATION", 0.8, self.name,
                                     "gazetteer (well-known organisation)"))
                i = gaz_end
                continue
            if named and e > h_end and (" ".join(ft[i:h_end]) == "don vi" and e < n and ft[e] == ":"
                                        or f"{ft[h_end - 1]} {ft[h_end]}" in _NOT_ORG
                                        or i > 0 and ft[i - 1] == "xa" and ft[i] == "hoi"
                                        or " ".join(ft[h_end - 1:h_end + 2]) in _NOT_ORG
                                        or i > 1 and f"{ft[i - 2]} {ft[i - 1]}" in _NOT_ORG_BEFORE):
                # ('Đơn giá BV Đơn giá BH Tỷ lệ ...': a bill's column, the hospital's price, then more columns)
                # 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' (the state's name heading every official letter),
                # 'HỘI CHẨN LIÊN KHOA' (a case conference)
                i = e  # 'ĐƠN VỊ LÀM VIỆC:' (a field label), 'TRƯỜNG HỢP ...' (a case), 'viện phí' (a fee)
                continue
            if named and " ".join(ft[i:h_end]) in _UNIT_HEADS and (
                    e == h_end + 1 and e < n and ctx.adj[e - 1] and toks[e].kind == "word" and not ctx.caps[e]
                    and f"{ctx.ktoks[e - 1]} {ctx.ktoks[e]}" in c["name_never"]
                    # 'PHÒNG KHÁM TIÊU HÓA' in capitals: the words after the head are a specialty and nothing more
                    or " ".join(ctx.ktoks[h_end:e]) in c["name_never"]
                    # 'Phòng khám Thận - Niệu', 'PK Tim mạch - Lồng ngực': organs and specialties only
                    or " ".join(ft[i:h_end]) in _DEPARTMENT_HEADS and any(toks[x].kind == "word" for x in range(h_end, e))
                    and all(ctx.ktoks[x] in _SPECIALTY_WORDS or ft[x] in ("-", "–", "&", "va") for x in range(h_end, e))):
                # 'phòng khám Chấn thương chỉnh hình', 'Hội đồng Giám định y khoa': a specialty or a function in
                # sentence case (its first word capitalised), not a name of its own
                i = e
                continue
            if named and e > h_end:
                head = " ".join(ft[i:h_end])
                out.append(Candidate(toks[i].start, toks[e - 1].end, "ORGANIZATION", 0.85, self.name,
                                     f"organisation head word ({head}) + name"))
                i = e
                continue
            i = h_end
        return [self._joint_clinic(ctx, self._with_department(ctx, c)) for c in out]

    @staticmethod
    def _new_unit(ctx: Context, j: int) -> bool:
        """After ' - ': a department, a title or a phone cue starts something new ('BỆNH VIỆN VIỆT ĐỨC - Khoa
        Phẫu thuật', 'Phòng khám An Bình - ĐT: ...'); an organisation after it is the parent ('Trung tâm ... -
        Bệnh viện ...')."""
        c = cues()
        if ctx.ftoks[j] in ("chi", "co") and ctx.match_at(j, c["org_head"]) > j + 1 or ctx.ftoks[j:j + 2] == ["co", "so"]:
            return False  # '- Chi nhánh Thăng Long', '- Cơ sở 2': a branch of the same organisation
        toks = ctx.tokens
        if toks[j].kind == "word" and toks[j].text.isupper() and len(toks[j].text) <= 4 and j + 1 < len(toks) \
                and toks[j + 1].kind == "number" and ctx.adj[j]:
            return True  # '- OR 5', '- ICU 2': an operating room or a unit of the hospital, not part of its name
        return ctx.ftoks[j] in _NEW_UNIT_WORDS or any(
            ctx.match_at(j, c[k]) > j for k in ("name_before", "phone_cues"))

    @staticmethod
    def _lower_name(ctx: Context, i: int, h_end: int) -> tuple[int, bool]:
        """An organisation's name in lower case without diacritics: connectors ('da khoa', 'nhi', 'trung uong'),
        a known district or province, and then up to two more words when a connector or place came first
        ('bv da khoa hoe nhai'); a bare 'vien' (hospital) needs a connector or a place."""
        conn = cues()["org_connector"]
        gz = places()
        ft, n = ctx.ftoks, len(ctx.tokens)
        e, known, placed = h_end, False, False
        while e < n and ctx.adj[e - 1] and ctx.tokens[e].kind in ("word", "number"):
            m = ctx.match_at(e, conn)
            # (a commune too: 'đồn biên phòng mường lói', 'trạm y tế xã đăk rong')
            p = max(_place_match(ctx, e, gz["province"], False), _place_match(ctx, e, gz["district"], False),
                    _OrgWard.match(ctx, e, gz["ward"]))
            end = max(m, p if p - e >= 2 else e)
            placed = placed or p - e >= 2 and p >= m
            if end > e:
                known = known or " ".join(ft[e:end]) not in _GENERIC_TAIL
                e = end
                continue
            break
        if e == h_end and e < n and ctx.adj[e - 1] and (ctx.tokens[e].kind == "number" and len(ft[e]) >= 2 or
                                                         ft[e] in ("k", "e", "c") and ft[i] != "vien"):
            # 'bv k', 'vien 103', 'bv 115': a hospital known by a letter or a number ('bv c da nang': and its city)
            e += 1
            if e < n and ctx.adj[e - 1]:
                p = max(_place_match(ctx, e, gz["province"], False), _place_match(ctx, e, gz["district"], False))
                e = max(p, e)
            return e, True
        if e == h_end and any(w in _SCHOOL_HEADS for w in ft[i:h_end]):
            # 'truong thpt thai phien': a school's name is the next two or three words
            x = e
            while x < n and x - e < 3 and ctx.adj[x - 1] and ctx.tokens[x].kind == "word" and ft[x] not in _VENUE_STOP \
                    and ft[x] not in _STOP_TAIL and ft[x] not in _LOWER_ORG_STOP:
                x += 1
            return x, x - e >= 2
        if not known and e == h_end and ctx.diacritics:
            # a text in lower case with marks: a name no gazetteer holds shows by its syllables that no Vietnamese
            # word has ('lâm trường kon hà nừng', 'nông trường ia bă'): up to the last of them, three words at most
            from .names import ordinary_words

            pairs, syllables = ordinary_words()
            low = [t.text.lower() for t in ctx.tokens[e:e + 4]]
            x, foreign = e, False
            # (each word up to one that opens an ordinary word with the next: '... nừng sốt rét')
            while x < n and x - e < 3 and ctx.adj[x - 1] and ctx.tokens[x].kind == "word" \
                    and ft[x] not in _VENUE_STOP and ft[x] not in _STOP_TAIL and ft[x] not in _LOWER_ORG_STOP \
                    and low[x - e] not in _lower_name_stop() \
                    and not (x - e + 1 < len(low) and f"{low[x - e]} {low[x - e + 1]}" in pairs):
                foreign = foreign or ctx.tokens[x].text.isalpha() and low[x - e] not in syllables
                x += 1
            if foreign:
                return x, True
        if known and ctx.diacritics:
            # (a kind of hospital alone, 'bệnh viện đa khoa khu vực', names none: with marks a place must follow)
            return (e, True) if placed else (h_end, False)  # (with marks the connectors and places read are the name; what follows is the story)
        if known and ft[i] not in ("vien",):
            x = e
            giv = names()["given"]
            while x < n and x - e < 2 and ctx.adj[x - 1] and ctx.tokens[x].kind == "word" \
                    and (ft[x] not in _VENUE_STOP or x - e == 0 and ft[x] in giv and x + 1 < n and ctx.adj[x]
                         and ft[x + 1] in giv and ft[x + 1] not in _VENUE_STOP and ft[x + 1] not in _LOWER_ORG_STOP) \
                    and ft[x] not in _STOP_TAIL and ft[x] not in _LOWER_ORG_STOP \
                    and ctx.match_at(x, cues()["org_head"]) == x:  # ('phong kham noi tiet bv 108': the hospital)
                x += 1  # ('pk nhi an phuc': 'an' is also 'eat', but two given names in a row name the clinic)
            e = x
        return e, known

    @staticmethod
    def _joint_clinic(ctx: Context, c: Candidate) -> Candidate:
        """A private clinic named by two specialties joined with a dash ('Phòng khám Đông y – Nha khoa Quang Vinh',
        'PK Sản – Nhi An Bình'): the part before the dash is the same clinic's name, not a department of it, when the
        name after the dash opens with a specialty (places.yaml joint_clinic_specialties), not a hospital's head, and
        the part before is 'Phòng khám' / 'PK' with one to four specialty words, in the same case."""
        i = ctx.token_index_at(c.start)
        if i is None or i < 3 or ctx.ftoks[i - 1] not in ("-", "–", "—"):
            return c
        ft, toks = ctx.ftoks, ctx.tokens
        if ctx.match_at(i, _JOINT_SPECIALTIES) == i:
            return c
        for k in range(i - 3, max(-1, i - 8), -1):
            head = ft[k] == "pk" or ft[k] == "phong" and ft[k + 1] == "kham"
            if not head:
                continue
            body = range(k + (1 if ft[k] == "pk" else 2), i - 1)
            if not 1 <= len(body) <= 4 or not all(toks[x].kind == "word" and ctx.adj[x - 1] for x in body):
                return c
            if toks[body[0]].text.isupper() != toks[i].text.isupper() or not toks[k].text[:1].isupper() \
                    or ctx.match_at(body[0], _JOINT_SPECIALTIES) == body[0]:
                return c
            return Candidate(toks[k].start, c.end, c.label, c.score, c.source, c.explanation + " + joint clinic",
                             dict(c.attrs))
        return c

    @staticmethod
    def _with_department(ctx: Context, c: Candidate) -> Candidate:
        """'khoa Hồi sức tích cực, Bệnh viện Bạch Mai', 'khoa nội thận - nội tiết Bệnh viện Đà Nẵng', 'phòng 314,
        khoa Thận - Lọc máu, Bệnh viện ...', 'Trung tâm Dị ứng, Bệnh viện Thanh Nhàn': units written right
        before their hospital narrow the place down, so they join the span. A department alone ('Khoa Tim
        mạch') names no one and is left alone."""
        i = ctx.token_index_at(c.start)
        if i and ctx.ftoks[i - 1] not in (",", "cua", "thuoc") and ctx.diacritics and ctx.text[c.start:c.end].islower() \
                and lower_segments(ctx)[i]:
            # a transcript in lower case runs its clauses together ('ở phòng công tác xã hội bệnh viện X', 'bác sĩ
            # khoa lao bệnh viện phổi X'): only 'của' / 'thuộc' / a comma tie a department to the hospital there
            return c
        for _ in range(3):  # a room before a department before a hospital
            d = OrganizationRecognizer._department_before(ctx, c)
            if d is None:
                return c
            c = d
        return c

    @staticmethod
    def _department_before(ctx: Context, c: Candidate) -> Candidate | None:
        i = ctx.token_index_at(c.start)
        if i is None or i < 2:
            return None
        ft, toks = ctx.ftoks, ctx.tokens
        j = i - 1
        dash = ft[j] in ("-", "–")
        if ft[j] in (",", "cua", "thuoc", "-", "–", "va", "tai"):
            j -= 1
        k = j
        while k >= 0 and j - k < 10 and (toks[k].kind in ("word", "code", "number") or ft[k] in ("-", "–", ",")) \
                and ctx.adj[k]:
            if ft[k] == "," and not (k > 0 and ft[k - 1] in ("co", "xuong", "than")):
                break  # a comma ends the unit's name, except in lists of body parts ('Cơ, xương, khớp')
            head = ft[k] in ("khoa", "phong", "buong", "tang") or (ft[k] == "trung" and k + 1 <= j and ft[k + 1] == "tam") \
                or (ft[k] in ("don", "khu", "toa") and k + 1 <= j and ft[k + 1] in ("vi", "nha"))
            if head and k < j and dash and ft[k:k + 2] == ["phong", "kham"] and toks[k].text[:1].isupper() \
                    and not toks[k].text.isupper() and any(ft[x] in _PROGRAMME_CLINIC for x in range(k + 2, j + 1)):
                # a programme's outpatient clinic before a dash and its parent ('Phòng khám ngoại trú HIV - TTYT ...',
                # 'Phòng khám Lao – Trung tâm Y tế ...'): a unit known by that name, one organisation with its parent
                # (a specialty clinic, 'PK Nội tiết - BV ...', is a department: the hospital alone names the place)
                return Candidate(toks[k].start, c.end, c.label, c.score, c.source, c.explanation + " + clinic",
                                 dict(c.attrs))
            if head and k < j and ft[k] in ("khoa", "phong", "buong") \
                    and (k == 0 or ft[k - 1] in (":", "-", "–") or "\n" in ctx.text[toks[k - 1].end:toks[k].start]
                         or k > 1 and ft[k - 2:k] == ["kinh", "gui"]):  # 'Kính gửi Phòng KHTH Bệnh viện ...'
                # a department opening a form field or a letterhead ('Kính gửi: Khoa ..., Bệnh viện ...'): the
                # hospital names the place (a centre, 'Trung tâm ... - Bệnh viện ...', is an organisation itself)
                return None
            if head and k < j:
                # a letterhead 'Khoa Nội tiết - Bệnh viện ...' (capitalised, before a dash): the hospital only
                if dash and ctx.tokens[k].text[:1].isupper() and j - k <= 3:
                    return None
                return Candidate(toks[k].start, c.end, c.label, c.score, c.source, c.explanation + " + department",
                                 dict(c.attrs))
            k -= 1
        return None


_NOT_ORG = frozenset(_V["not_org"])
_NOT_ORG_BEFORE = frozenset(_V["not_org_before"])
_ORG_HEAD_COMPOUND = frozenset(_V["org_head_compound"])
_ACCOUNT_STOP = frozenset(_V["account_stop"])
_CHO_NOT_MARKET = frozenset(_V["cho_not_market_before"])
_EMPHASIS_CAPS = frozenset(_V["emphasis_caps"])


@lru_cache(maxsize=1)
def _folded_titles() -> frozenset[str]:
    """Titles and kinship words before a name, without marks ('chi', 'thay', 'ba'): one word each."""
    return frozenset(fold_key(w) for w in cues()["name_before"] if " " not in w)
_PROGRAMME_CLINIC = frozenset(_V["programme_clinic_words"])
_JOINT_SPECIALTIES = PhraseSet(_V["joint_clinic_specialties"])
_COLON_ONLY_FIELDS = frozenset(_V["colon_only_field_cues"])
_SPECIALTY_HEADS = frozenset(_V["specialty_heads"])
_SPECIALTY_TITLE_BEFORE = frozenset(_V["specialty_title_before"])
_HEADED_STAFF = frozenset(_V["headed_staff"])
_STAY_VERBS = frozenset(_V["stay_verbs"])
_DEPARTMENT_HEADS = frozenset(_V["department_heads"])
_SPECIALTY_WORDS = frozenset(_V["specialty_words"])
_LOWER_ORG_HEADS = frozenset(_V["lower_org_heads"])
_SCHOOL_HEADS = frozenset(_V["school_heads"])
_LOWER_ORG_STOP = frozenset(_V["lower_org_stop"])
_ORG_KIND_WORDS = frozenset(_V["org_kind_words"])
_COUNT_UNITS = frozenset(_V["count_units"])


_PROF: list = []
_PROF_STOP = frozenset(_V["prof_stop"])
_APPOSITION_MARKS = frozenset(_V["apposition_marks"])
_SPEAKER_LABEL_MIN_LINES = int(_V["speaker_label_min_lines"])
_PROF_STOP_MARKED = frozenset(_V["prof_stop_marked"])
_PROF_STOP_MORE_MARKED = frozenset(_V["prof_stop_more_marked"])
_PROF_SPEC_MAX = tuple(int(x) for x in _V["prof_spec_max"])


_PROF_HEADS = frozenset(_V["prof_heads"])
_SPECIALISED_HEADS = _V["specialised_heads"]
_WORKPLACES = frozenset(_V["workplaces"])
_TITLES_ONLY = frozenset(_V["titles_only"])
_MANAGER_TITLES = frozenset(_V["manager_titles"])
_PROF_STOP_MORE = frozenset(_V["prof_stop_more"])


@lru_cache(maxsize=1)
def _folded_stop() -> frozenset[str]:
    """The pronouns and function words of `_lower_name_stop`, folded (text typed without marks)."""
    return frozenset(fold_key(w) for w in _lower_name_stop())


@lru_cache(maxsize=1)
def _lower_name_stop() -> frozenset[str]:
    """Pronouns, function words and numbers that never belong to a name in lower-case text (vocab/names.yaml)."""
    return frozenset(vocab("names")["lower_name_stop"])


def _profession_lexicon() -> frozenset[str]:
    if not _PROF:
        c = cues()
        from .base import PhraseSet

        _PROF.append(PhraseSet(c["professions"] | c["professions_medical"]))
    return _PROF[0]


class ProfessionRecognizer(Recognizer):
    name = "profession"
    labels = ("PROFESSION",)

    def analyze(self, ctx: Context) -> list[Candidate]:
        c = cues()
        general, medical, pcue = c["professions"], c["professions_medical"], c["profession_cue"]
        lex = _profession_lexicon()
        ft = ctx.ftoks
        n = len(ft)
        out = []
        lex_first, kt = (lex._idx or _index(lex))[0], ctx.ktoks
        may_start = [k in lex_first for k in kt]  # (`list.index` jumps to the next token that starts a phrase)
        i = 0
        while i < n:
            try:
                i = may_start.index(True, i)
            except ValueError:
                break
            e = ctx.match_at(i, lex)
            if e == i:
                i += 1
                continue
            key = " ".join(ft[i:e])
            base_key = key
            if key == "nhan vien":
                # 'nhân viên giao nước sôi', 'nhân viên hành chính': the job is the words after it
                x = e
                while x < n and x - e < 3 and ctx.tokens[x].kind == "word" and not ctx.caps[x] and ctx.adj[x - 1] \
                        and ft[x] not in _PROF_STOP:
                    x += 1
                if x > e:
                    e, key = x, "nhan vien *"
            elif key in _PROF_HEADS or key.startswith(("tho ", "ban ")) or any(key.startswith(h + " ") for h in _SPECIALISED_HEADS):
                # 'kỹ sư xây dựng', 'giáo viên ngoại ngữ', 'buôn bán hoa', 'bán nước mía': a specialisation after the job word
                # belongs to it (it narrows the person down); stops at function words, verbs of the story
                x = e
                if ctx.diacritics and not ctx.upper_doc:
                    # (with marks the stop words are read as written: 'công nhân cơ khí' is no 'có' / 'khi'; a
                    # one-letter word opens a Central Highlands name: 'tài xế rơ lan y kliêng')
                    while x < n and x - e < _PROF_SPEC_MAX[1] and ctx.tokens[x].kind == "word" and not ctx.caps[x] \
                            and ctx.adj[x - 1] and kt[x] not in _PROF_STOP_MARKED and len(kt[x]) > 1 \
                            and (kt[x] not in _PROF_STOP_MORE_MARKED or kt[x] == _PROF_TAIL_MARKED) \
                            and ctx.match_at(x, lex) == x:
                        x += 1
                else:
                    while x < n and x - e < _PROF_SPEC_MAX[0] and ctx.tokens[x].kind == "word" \
                            and (not ctx.caps[x] or ctx.upper_doc) \
                            and ctx.adj[x - 1] and ft[x] not in _PROF_STOP \
                            and (ft[x] not in _PROF_STOP_MORE or ctx.diacritics and ctx.ktoks[x] == _PROF_TAIL_MARKED) \
                            and ctx.match_at(x, lex) == x:
                        x += 1
                if key == "tho" and x > e and ctx.tokens[i].text.lower() == _TRADE_WORD:
                    key = "tho *"  # 'thợ rừng', 'thợ sơn': a named trade, no cue needed ('tho oxy' is 'thở oxy')
                e = x
                if key == "lai xe" and (e < n and ft[e] == "hang" or i > 0 and ft[i - 1] in _DRIVER_BEFORE):
                    i = e  # 'để lái xe hạng C1', 'người lái xe' (a driving licence, the driver of a vehicle): an activity
                    continue
                if key == "cong an" and e < n and ft[e] in _LEVEL_WORDS and ctx.adj[e - 1] \
                        and (e + 1 >= n or not ctx.caps[e + 1] or ctx.tokens[e + 1].kind != "word"):
                    e += 1  # 'công an xã', 'bộ đội huyện': the level of the post, no place name after it
            if key in _RIDE_JOBS and i > 0 and ft[i - 1] in _RIDE_VERBS:
                i = e  # 'lên xe ôm', 'bắt taxi': a ride, not the person's job
                continue
            colon = e if e < n and ft[e] == ":" else e + 1 if e + 1 < n and ft[e + 1] == ":" and ctx.tokens[e].kind == "word" \
                and not ctx.caps[e] else None  # 'Nhân viên y tế trường: ...'
            if colon is None and e + 1 < n:
                # 'BÁC SĨ LÀM BỆNH ÁN:', 'KẾ TOÁN VIỆN PHÍ:': a signer's role label of a few words in capitals
                x = e
                while x < n and x - e < 3 and ctx.tokens[x].kind == "word" and ctx.tokens[x].text.isupper() and ctx.adj[x - 1]:
                    x += 1
                if x > e and x < n and ft[x] == ":" and all(ctx.tokens[y].text.isupper() for y in range(i, e)):
                    colon = x
                else:
                    # 'Bác sĩ làm bệnh án:', 'Điều dưỡng chăm sóc:' opening a line: a signer's role in sentence case
                    x = e
                    while x < n and x - e < 3 and ctx.tokens[x].kind == "word" and ctx.tokens[x].text.islower() and ctx.adj[x - 1]:
                        x += 1
                    if x > e and x < n and ft[x] == ":" and (i == 0 or "\n" in ctx.text[ctx.tokens[i - 1].end:ctx.tokens[i].start]
                                                               or _FIELD_GAP.search(ctx.text, ctx.tokens[i - 1].end,
                                                                                    ctx.tokens[i].start)):
                        colon = x  # (or after a wide gap: '... Huyền   Kế toán viện phí: Nguyễn Thị ...')
            line_start = i == 0 or "\n" in ctx.text[ctx.tokens[i - 1].end:ctx.tokens[i].start]
            if line_start and self._speaker_label(ctx, base_key):
                i = e  # 'nhân viên ừ tôi nghe': a transcript's speaker label opening many turns, not an occupation
                continue
            if colon is not None and (line_start or ft[i - 1] in (".", ",", ";")
                                      or _FIELD_GAP.search(ctx.text, ctx.tokens[i - 1].end, ctx.tokens[i].start)):
                e = colon
                i = e  # 'Lái xe: Danh Út' (the crew of an ambulance): a role label, not someone's occupation
                continue
            if self._signature_caption(ctx, i, e, line_start):
                i = e  # 'NGƯỜI LẬP BẢNG KÊ      KẾ TOÁN VIỆN PHÍ      GIÁM ĐỐC': a row of signers' roles under a form
                continue
            if line_start and e + 1 < n and ft[e] in ("-", "–") and ctx.tokens[e + 1].kind == "word" and ctx.caps[e + 1] \
                    and ":" in ctx.text[ctx.tokens[e + 1].start:ctx.tokens[e + 1].start + 40].split("\n", 1)[0]:
                i = e  # 'Lễ tân - Thu Hà 20:52:': the role of a chat speaker (the clinic's staff), not an occupation
                continue
            if i > 0 and ft[i - 1] in _NOT_JOB_BEFORE:
                i = e  # 'Mã học sinh:', 'Thẻ sinh viên': a field label or a card, not the person's occupation
                continue
            if key in _MANAGER_TITLES and i >= 2 and ft[i - 1] == "," and ctx.tokens[i - 2].kind == "word" \
                    and ctx.caps[i - 2] and not ctx.upper_doc and self._civil_person_before(ctx, i - 2):
                # 'ông Vương Đình Tiến, trưởng phòng An toàn,': a person's post, with the department it heads
                x = e
                if x < n and ctx.adj[x - 1] and ctx.tokens[x].kind == "word" and ctx.caps[x]:
                    x += 1
                    while x < n and x - e < 4 and ctx.adj[x - 1] and ctx.tokens[x].kind == "word" and not ctx.caps[x] \
                            and ft[x] not in _PROF_STOP and ft[x] not in _PROF_STOP_MORE:
                        x += 1
                out.append(Candidate(ctx.tokens[i].start, ctx.tokens[x - 1].end, "PROFESSION", 0.75, self.name,
                                     "a manager's post after a person's name (+ department)"))
                i = x
                continue
            cue = ctx.cue_before(i, pcue)
            # a clinician title followed by a name is a role cue, not an occupation
            lexn = names()
            followed_by_name = key in medical and e < n and ctx.tokens[e].kind == "word" and ctx.caps[e] \
                and (ctx.ktoks[e] in lexn["surname"] or ctx.ktoks[e] in lexn["given"])
            if cue and not followed_by_name:
                out.append(Candidate(ctx.tokens[i].start, ctx.tokens[e - 1].end, "PROFESSION", 0.85, self.name,
                                     f"occupation lexicon + cue ({cue})"))
            elif key in medical and not followed_by_name and (
                    ctx.cue_before(i, _MED_BEFORE, skip="") or (e < n and ctx.ktoks[e] in _MED_AFTER)
                    or i >= 2 and ft[i - 1] == "," and ctx.tokens[i - 2].kind == "word" and ctx.caps[i - 2]
                    and not ctx.upper_doc and len(ctx.ktoks[i - 2]) > 1 and ctx.ktoks[i - 2] in names()["given"]):  # after a name: 'Mẹ: Vi Thị Hằng, dược sĩ nhà thuốc ...'
                out.append(Candidate(ctx.tokens[i].start, ctx.tokens[e - 1].end, "PROFESSION", 0.7, self.name,
                                     "clinician occupation describing a person (nam/nữ/là ... tại/của)"))
            elif (key in general or key in ("nhan vien *", "tho *")) and (fold_key(key) not in _CUE_ONLY
                                                                         or self._at_workplace(ctx, e, i)
                                                                         or self._beside_name(ctx, i, key)) \
                    and not followed_by_name and not (ft[i] == "tho" and ctx.tokens[i].text.lower() != _TRADE_WORD
                                                      and not (i > 1 and ft[i - 1] in (",", "(", ";")
                                                               and self._person_detail_before(ctx, i - 2))):
                # (without its marks 'tho may' is as much 'thở máy', ventilated, as 'thợ may': only after a cue or
                # in a list of the person's details: '53 tuoi, tho may'; not 'dat noi khi quan, tho may')
                out.append(Candidate(ctx.tokens[i].start, ctx.tokens[e - 1].end, "PROFESSION", 0.6, self.name,
                                     "occupation lexicon"))
            i = e
        self._field_values(ctx, out)
        return out

    @staticmethod
    def _person_detail_before(ctx: Context, j: int) -> bool:
        """Token j ends a person's detail in a list ('53 tuoi', '62t', 'nam', 'Tran Van Binh'), not a clinical clause."""
        t = ctx.tokens[j]
        return ctx.ftoks[j] in _PERSON_DETAIL_WORDS or t.kind in ("number", "code") and t.text[-1:] in "tT" \
            or t.kind == "word" and ctx.caps[j] and ctx.ktoks[j] in names()["given"]

    @staticmethod
    def _speaker_label(ctx: Context, key: str) -> bool:
        """The job words open at least speaker_label_min_lines lines of the document: a transcript's or a chat's
        speaker label ('nhân viên', 'bác sĩ' before each turn), said by the staff, naming no one's occupation."""
        got = ctx._cache.get(("speaker_label", key))
        if got is None:
            rx = re.compile(r"(?m)^[ \t]*" + re.escape(key) + r"(?![^\W\d_])")
            got = ctx._cache[("speaker_label", key)] = len(rx.findall(ctx.folded)) >= _SPEAKER_LABEL_MIN_LINES
        return got

    @staticmethod
    def _beside_name(ctx: Context, i: int, key: str) -> bool:
        """'Trần Thị Hoa, bảo vệ rừng', 'Lê Văn Tư (bảo vệ nhà máy)', 'Lê Văn Tư - bảo vệ': a job set beside a
        person's given name (places.yaml apposition_marks), not a generic title ('nhân viên')."""
        if i < 2 or ctx.ftoks[i - 1] not in _APPOSITION_MARKS or ctx.upper_doc or key in _TITLES_ONLY:
            return False
        p = ctx.tokens[i - 2]
        if ctx.ftoks[i - 1] in ("-", "–") and not (ctx.text[p.end:ctx.tokens[i].start].startswith(" ")
                                                  and ctx.text[p.end:ctx.tokens[i].start].endswith(" ")):
            return False
        return p.kind == "word" and ctx.caps[i - 2] and ctx.ktoks[i - 2] in names()["given"]

    @staticmethod
    def _at_workplace(ctx: Context, e: int, s: int) -> bool:
        """'bán hàng ở chợ', 'bảo vệ tại công ty': a job word that needs a cue is an occupation when a workplace follows."""
        kt, n = ctx.ktoks, len(ctx.tokens)
        if e + 1 < n and ctx.adj[e - 1] and (kt[e] in _WORKPLACES or f"{kt[e]} {kt[e + 1]}" in _WORKPLACES) \
                and " ".join(ctx.ftoks[s:e]) not in _TITLES_ONLY:
            return True  # 'bảo vệ Công ty CP ...', 'bán hàng siêu thị': the workplace right after the job word
        if e + 1 >= n or kt[e] not in _AT_WORDS or not ctx.adj[e]:
            return False
        return kt[e + 1] in _WORKPLACES or e + 2 < n and f"{kt[e + 1]} {kt[e + 2]}" in _WORKPLACES

    @staticmethod
    def _signature_caption(ctx: Context, i: int, e: int, line_start: bool) -> bool:
        """Tokens i..e-1, with up to three more words of the role, stand alone between wide gaps (or the line's edges) of
        a row holding a wide gap, each word capitalised: a caption of a signature column ('Kế toán trưởng', 'KẾ TOÁN
        VIỆN PHÍ'), no one's occupation."""
        toks, n = ctx.tokens, len(ctx.tokens)
        before = line_start or i > 0 and bool(_FIELD_GAP.search(ctx.text, toks[i - 1].end, toks[i].start))
        if not before or not toks[i].text[:1].isupper():
            return False
        x = e
        while x < n and x - e < 3 and toks[x].kind == "word" and ctx.adj[x - 1] \
                and not _FIELD_GAP.search(ctx.text, toks[x - 1].end, toks[x].start):
            x += 1
        gap_after = x >= n or "\n" in ctx.text[toks[x - 1].end:toks[x].start] \
            or bool(_FIELD_GAP.search(ctx.text, toks[x - 1].end, toks[x].start))
        if not gap_after:
            return False
        a = ctx.text.rfind("\n", 0, toks[i].start) + 1
        b = ctx.text.find("\n", toks[i].end)
        line = ctx.text[a:b if b >= 0 else len(ctx.text)]
        return bool(re.search(r"\S {3,}\S", line)) and ":" not in line

    @staticmethod
    def _civil_person_before(ctx: Context, j: int) -> bool:
        """The capitalised name ending at token j follows 'ông' / 'bà' / 'anh' / 'chị' (a person outside the
        hospital: a clinician's own post, 'BSCKII Phạm Quốc Hưng, Phó giám đốc', is not PHI)."""
        k = j
        while k > 0 and j - k < 4 and ctx.tokens[k - 1].kind == "word" and ctx.caps[k - 1] and ctx.adj[k - 1]:
            k -= 1
        return k > 0 and ctx.ktoks[k - 1] in _CIVIL_TITLES

    @staticmethod
    def _field_values(ctx: Context, out: list[Candidate]) -> None:
        """'NGHỀ NGHIỆP: DỆT THỔ CẨM': the value of an occupation field up to the end of the field is the
        occupation, in the lexicon or not."""
        toks, ft = ctx.tokens, ctx.ftoks
        n = len(toks)
        fields = _PROF_FIELDS
        for i in range(2, n):
            if ft[i - 1] != ":" or toks[i].kind != "word" or ctx.cue_before(i, fields) is None:
                continue
            # 'Nghề nghiệp: làm nương, trồng thảo quả': two jobs listed with a comma fill the field together
            e = i
            comma = False
            while e < n and e - i < 9:
                if toks[e].kind == "word" and (e == i or ctx.text[toks[e - 1].end:toks[e].start] == " ") \
                        and not (comma and (ctx.ktoks[e] in _AFTER_JOB_STOP or ctx.caps[e] and not ctx.upper_doc)):
                    e += 1  # (after the comma: 'kỹ sư, sống ở Hà Nội' goes on about the person, not the job)
                elif ft[e] == "," and e > i and e + 1 < n and toks[e - 1].end == toks[e].start \
                        and ctx.text[toks[e].end:toks[e + 1].start] == " " and toks[e + 1].kind == "word" \
                        and (ctx.upper_doc or not ctx.caps[e + 1]):
                    e += 1
                    comma = True
                else:
                    break
            if e > i and "," in ft[i:e] and ft[e - 1] != "," and ProfessionRecognizer._field_end(ctx, e):
                inner = [c for c in out if toks[i].start <= c.start and c.end <= toks[e - 1].end]
                if all(not (c.start < toks[e - 1].end and toks[i].start < c.end) for c in out if c not in inner):
                    for c in inner:
                        out.remove(c)
                    out.append(Candidate(toks[i].start, toks[e - 1].end, "PROFESSION", 0.75, "profession",
                                         "value of an occupation field (jobs listed with commas)"))
                    continue
            if any(c.start <= toks[i].start < c.end for c in out):
                continue
            e = i
            while e < n and e - i < 5 and toks[e].kind == "word" and (e == i or ctx.text[toks[e - 1].end:toks[e].start] == " "):
                e += 1
            if e == i or " ".join(ft[i:e]) in _NOT_A_JOB or ctx.ktoks[i] in _KIN_VALUE:
                continue  # ('NN: vợ Mơ - 09...': 'NN' is also 'người nhà', the next of kin)
            if ProfessionRecognizer._field_end(ctx, e):
                out.append(Candidate(toks[i].start, toks[e - 1].end, "PROFESSION", 0.75, "profession",
                                     "value of an occupation field"))

    @staticmethod
    def _field_end(ctx: Context, e: int) -> bool:
        """A form field's value ends before token e: end of text, punctuation, a wide gap or a line break."""
        toks = ctx.tokens
        return e >= len(toks) or toks[e].kind == "punct" \
            or any(g in ctx.text[toks[e - 1].end:toks[e].start] for g in ("  ", "\t", "\n"))


_AFTER_JOB_STOP = frozenset(_V["after_job_stop"])
_PROF_FIELDS = PhraseSet(_V["prof_fields"])
_KIN_VALUE = frozenset(_V["kin_value"])
_NOT_A_JOB = frozenset(_V["not_a_job"])


__all__ = ["LocationRecognizer", "OrganizationRecognizer", "ProfessionRecognizer", "names"]
