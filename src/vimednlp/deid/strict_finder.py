"""The strict profile's engine: a `Finder` holds one text's state and runs the passes in order.

The state is what is already taken (the default detector's spans and the clinical allow patterns' matches, then
each pass's own spans) and the candidates found. Every pass takes only what is still free, so the order below
decides which pass labels a stretch of text: shapes in the raw text first (strict_codes, strict_speakers), then
numbers and names said aloud (strict_spoken), lower-case places and `X thị Y` names (strict_cues,
strict_names), the token pass (strict_tokens), and last the given names the document has shown, said again
(strict_names).
"""
from __future__ import annotations

from . import (strict_codes, strict_cues, strict_english, strict_names, strict_roles, strict_speakers, strict_spoken,
               strict_tables, strict_tokens)
from .recognizers.base import Candidate, Context
from .strict_lists import patterns, word_lists

SCORE = 0.6  # above the analyzer's default threshold, below every rule's own evidence
_LISTED = ("NAME", "LOCATION", "ORGANIZATION")  # the labels of items listed with commas ('Nà Sla, Tân Mỹ')


class Finder:
    def __init__(self, ctx: Context, taken: bytearray, spans: list[tuple[int, int, str]] = ()):
        self.ctx, self.text, self.taken = ctx, ctx.text, taken
        # the default detector's spans: the given names of its NAME spans travel (strict_names); the label of a
        # span that ends a list item is lent to the next item
        self.names = [(s, e) for s, e, label in spans if label == "NAME"]
        self.spans = [(s, e) for s, e, _label in spans]
        self.labelled = list(spans)
        self.ends = {e: label for _s, e, label in spans if label in _LISTED}
        self.out: list[Candidate] = []
        self.marks = ctx.diacritics

    def free(self, s: int, e: int) -> bool:
        return self.taken.find(1, s, e) < 0

    def take(self, s: int, e: int, label: str, why: str) -> None:
        self.out.append(Candidate(s, e, label, SCORE, "strict", why))
        if label in ("LOCATION", "ORGANIZATION"):
            self.ends[e] = label
        self.taken[s:e] = b"\x01" * (e - s)

    def take_free(self, s: int, e: int, label: str, why: str) -> None:
        """The parts of s:e not yet taken."""
        i = s
        while i < e:
            while i < e and (self.taken[i] or self.text[i].isspace()):
                i += 1
            j = i
            while j < e and not self.taken[j]:
                j += 1
            k = j
            while k > i and self.text[k - 1].isspace():
                k -= 1
            if k > i:
                self.take(i, k, label, why)
            i = j

    def run(self) -> list[Candidate]:
        L, P = word_lists(), patterns()
        strict_codes.scripts_and_handles(self, L, P)
        strict_speakers.speakers(self, P["speaker"], P["chat_time"], L)
        strict_speakers.exported_speakers(self, P["exported_speaker"], L)
        strict_codes.codes(self, P)
        strict_codes.house_numbers(self, L)
        strict_tables.name_columns(self, L)
        strict_spoken.spelled_dates(self, L)
        strict_spoken.spoken_dates(self, L)
        strict_spoken.named_days(self, L)
        strict_spoken.weekday_dates(self, L)
        strict_spoken.clock_hours(self, L, P)
        strict_spoken.bare_ages(self, L, P)
        strict_spoken.spelled_characters(self, L)
        strict_names.line_speakers(self, L)
        strict_names.self_introductions(self, L)
        strict_names.field_values(self, L)
        strict_names.names_before_professions(self, L)
        strict_names.thanked_names(self, L)
        strict_names.called_names(self, L)
        strict_names.nicknames(self, L, P)
        strict_names.highland_names(self, L)
        strict_names.initialled_names(self, L)
        strict_cues.place_names(self, L)
        strict_cues.places_after_words(self, L)
        strict_cues.places_abroad(self, L)
        strict_names.middle_names(self, L)
        strict_tokens.token_pass(self, L, P)
        strict_english.capitalised_org_names(self, L)
        strict_english.foreign_tails(self, L)
        strict_names.prefix_tails(self, L)
        strict_roles.appositions(self, L)
        strict_roles.trade_descriptions(self, L)
        strict_names.propagate(self, L, strict_names.given_names(self, L, self.names))
        strict_cues.places_said_again(self, L)
        strict_names.middles_after_names(self, L, self.names)
        strict_names.given_after_names(self, L, self.names)
        strict_names.fragments_after_names(self, L, self.names)
        strict_names.initials_between_names(self, L, self.names)
        strict_names.name_line_after(self, L, self.names)
        strict_names.name_lines(self, L, self.names)
        strict_spoken.ages_after_names(self, L, P)
        return self.out
