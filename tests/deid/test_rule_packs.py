"""Rule packs (resources/deid/rules/*.yaml): each pack passes its JSON Schema, and each recognizer's examples run
here, against the recognizer alone and against the whole detector."""
from __future__ import annotations

import pytest

from vimednlp.deid.analyzer import Analyzer
from vimednlp.deid.recognizers.base import Context
from vimednlp.deid.recognizers.registry import RecognizerRegistry
from vimednlp.deid.recognizers.rules import BUILTIN_PACKS, builtin_pack, builtin_pack_paths, load_pack


def _examples(kind: str):
    out = []
    for name in BUILTIN_PACKS:
        for rec in builtin_pack(name).recognizers:
            for ex in rec.examples.get(kind, ()):
                text, match = (ex, ex) if isinstance(ex, str) else (ex["text"], ex["match"])
                out.append(pytest.param(rec, text, match, id=f"{rec.name}-{len(out)}"))
    return out


def test_every_shipped_pack_is_loaded_and_valid():
    files = {p.stem for p in builtin_pack_paths()}
    assert set(BUILTIN_PACKS) <= files
    for p in builtin_pack_paths():
        pack = load_pack(p)
        assert pack.reference, f"{p.name} states its legal or format reference"
        for rec in pack.recognizers:
            assert rec.examples.get("positive") and rec.examples.get("negative"), f"{p.name}: {rec.name} has examples"


@pytest.mark.parametrize(("rec", "text", "match"), _examples("positive"))
def test_positive_example_alone(rec, text, match):
    got = [text[c.start:c.end] for c in rec.analyze(Context(text))]
    assert match in got


@pytest.mark.parametrize(("rec", "text", "match"), _examples("positive"))
def test_positive_example_whole_detector(rec, text, match):
    got = [(s.label, s.text) for s in Analyzer(model=None).analyze(text)]
    assert (rec.label, match) in got


@pytest.mark.parametrize(("rec", "text", "match"), _examples("negative"))
def test_negative_example_alone(rec, text, match):
    assert rec.analyze(Context(text)) == []


def test_default_registry_runs_packs_first_in_the_old_order():
    names = RecognizerRegistry.default().names
    assert names[:5] == ["email", "url", "ip", "phone", "id"]
    assert {"date", "age", "name", "location", "organization", "spoken"} <= set(names)


def test_international_pack_runs_after_the_procedural_recognizers():
    """Its rules read capitals and English words; the older recognizers keep their place (resolver ties)."""
    names = RecognizerRegistry.default().names
    ours = [r.name for r in builtin_pack("international").recognizers]
    assert set(ours) <= set(names)
    assert min(names.index(n) for n in ours) > names.index("spoken")


def test_organisation_by_kind_stays_inside_a_line_and_a_cell():
    rec = builtin_pack("international").recognizers[0]
    text = "Nơi làm việc: Mekong\nHospital ghi sai\tRiverside | Dental Center"
    got = [text[c.start:c.end] for c in rec.analyze(Context(text))]
    assert got == []  # ('Dental Center' alone is a generic kind of clinic)


def test_phone_scores_and_explanations():
    rec = builtin_pack("phone").recognizers[0]
    text = "SĐT: 0912 345 678, nhà 0912 345 679. Gọi: 0123 4567 890."
    got = {text[c.start:c.end]: (c.score, c.explanation) for c in rec.analyze(Context(text))}
    assert got["0912 345 678"] == (0.95, "validator: mobile prefix + context cue")
    assert got["0912 345 679"] == (0.85, "validator: mobile prefix")
    # no known prefix, but a cue and 8-12 digits: the fallback
    assert got["0123 4567 890"] == (0.7, "context cue + digit count")


def test_ip_validator_rejects_octets_over_255():
    rec = builtin_pack("ip").recognizers[0]
    assert rec.analyze(Context("IP 192.168.1.300 lỗi")) == []
    assert [c.score for c in rec.analyze(Context("IP 192.168.1.30 ok"))] == [0.9]


def test_url_is_not_the_domain_of_an_email():
    text = "email lan@benhvien.vn hoặc web benhvien.vn"
    got = [text[c.start:c.end] for c in builtin_pack("url").recognizers[0].analyze(Context(text))]
    assert got == ["benhvien.vn"]
    assert text.index("benhvien.vn", 20) == text.rindex("benhvien.vn")


def test_needs_prefilter_skips_the_scan():
    # a note without any URL marker: no pattern is even tried (the result is the same as a scan would give)
    rec = builtin_pack("url").recognizers[0]
    text = "Bệnh nhân tỉnh, tiếp xúc tốt, không sốt."
    assert not any(w in Context(text).folded for w in rec.patterns[0].needs)
    assert rec.analyze(Context(text)) == [] == [m for m in rec.patterns[0].rx.finditer(Context(text).folded)]


# --- the ID pack's cue steps: each step, in the pack's order, tells the kind of the number after it -------------
@pytest.mark.parametrize(("text", "value", "kind"), [
    ("CCCD: 001084012345", "001084012345", "cccd"),              # an ID cue
    ("tk chị 0421 000 758 996", "0421", "bank"),                 # a kinship word after an account cue
    ("mã BN của em 108-2210457", "108", "mrn"),                  # 'của' + owner after a cue
    ("TRN: EGB4173902", "EGB4173902", "labelled"),               # a capitals label + a code
    ("Ref: AB1234567", "AB1234567", "labelled"),                 # any label + a code
    ("số ĐK lao Q8-25-0176", "Q8-25-0176", "labelled"),          # 'số' + words + a letter code
    ("Số lần: 3", "3", None),                                    # a count, no identifier
    ("Mã ICD: J18.9", "J18", None),                              # a clinical code's label
])
def test_id_cue_steps(text, value, kind):
    from vimednlp.deid.recognizers import patterns

    ctx = Context(text)
    assert patterns._kind_cue(ctx, ctx.token_index_at(text.index(value)))[0] == kind


def test_id_cue_steps_are_the_packs_order():
    from vimednlp.deid.recognizers import patterns

    patterns._kind_cue(Context("CCCD: 001084012345"), 2)
    names = builtin_pack("id").recognizers[0].data["cue_steps"]
    assert [f.__name__ for f in patterns._CUE_STEPS] == [f"_step_{n}" for n in names]
