"""`vimednlp corpus ...` end to end on small realistic files written here."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from vimednlp.cli import cli
from vimednlp.corpus import read
from vimednlp.schema import Document, Span


def _doc(i, text, ents, **meta):
    spans = []
    for t, lab in ents:
        a = text.index(t)
        spans.append(Span(a, a + len(t), lab, t))
    return Document(f"n{i}", text, spans, meta)


NOTES = [
    _doc(1, "Bệnh nhân Nguyễn Văn An, 45 tuổi, sốt cao 3 ngày.", [("Nguyễn Văn An", "NAME"), ("45 tuổi", "AGE"),
                                                                 ("sốt cao", "SYMPTOM")], patient_id="P1"),
    _doc(2, "Chẩn đoán: tăng huyết áp, đái tháo đường type 2.", [("tăng huyết áp", "DISEASE"),
                                                              ("đái tháo đường type 2", "DISEASE")], patient_id="P1"),
    _doc(3, "Điện thoại liên hệ 0912 345 678, ở quận Cầu Giấy, Hà Nội.", [("0912 345 678", "PHONE"),
                                                                        ("quận Cầu Giấy, Hà Nội", "LOCATION")],
         patient_id="P2"),
    _doc(4, "Kê đơn Amlodipin 5mg uống 1 viên/ngày.", [("Amlodipin", "DRUG"), ("5mg", "DOSAGE")], patient_id="P3"),
    _doc(5, "Xét nghiệm HbA1c 8,2%, chụp X-quang phổi bình thường.", [("HbA1c", "TEST"), ("8,2%", "RESULT"),
                                                                    ("X-quang phổi", "TEST")], patient_id="P4"),
]


def _write_jsonl(path, docs):
    path.write_text("".join(d.to_json() + "\n" for d in docs), encoding="utf-8")


def run(*args):
    return CliRunner().invoke(cli, ["corpus", *map(str, args)])


def test_validate_names_each_problem_with_its_line_and_exits_1(tmp_path):
    good = [d.to_json() for d in NOTES]
    bad_offsets = NOTES[0].to_dict()
    bad_offsets["id"] = "bad-offsets"
    bad_offsets["spans"][0]["end"] = 500  # past the text
    lines = [
        good[0],                                   # 1
        good[1],                                   # 2
        json.dumps(bad_offsets, ensure_ascii=False),  # 3: offsets out of range
        '{"id": "broken", "text": "Bệnh nhân ho", "spans": [',  # 4: broken JSON
        good[2],                                   # 5
        good[1].replace('"n2"', '"n2-copy"'),      # 6: exact duplicate text of line 2
        good[3],                                   # 7
    ]
    p = tmp_path / "corrupted.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = run("validate", p)
    assert res.exit_code == 1
    out = res.output
    assert re.search(r"corrupted\.jsonl:3: error \[offsets\] span 1 \(NAME\) 10-500 ends past the text", out)
    assert re.search(r"corrupted\.jsonl:4: error \[unreadable\] broken JSON", out)
    assert re.search(r"corrupted\.jsonl:6: error \[duplicate\] exact duplicate of the text at line 2", out)
    # line 3 repeats line 1's text under another id: one more duplicate; nothing else is reported
    assert re.search(r"corrupted\.jsonl:3: error \[duplicate\] exact duplicate of the text at line 1", out)
    assert "4 errors" in out and "overlap" not in out
    # no PHI in the report: the names and numbers of the notes never appear
    assert "Nguyễn" not in out and "0912" not in out
    # the valid file passes
    ok = tmp_path / "ok.jsonl"
    _write_jsonl(ok, NOTES)
    res = run("validate", ok)
    assert res.exit_code == 0, res.output


def test_validate_checks_overlap_labels_nfc_empty_near_duplicates(tmp_path):
    import unicodedata

    d1 = _doc(1, "Bệnh nhân sốt cao, ho khan kéo dài, khó thở về đêm.", [("sốt cao", "SYMPTOM")])
    d1.spans.append(Span(10, 17, "DISEASE", "sốt cao"))  # overlaps a clinical span
    d2 = _doc(2, "Bệnh nhân sốt cao, ho khan kéo dài, khó thở về đêm nhiều.", [("ho khan", "SYMPTOMS")])
    d3 = Document("n3", unicodedata.normalize("NFD", "Bệnh nhân đau bụng"), [])
    d4 = Document("n4", "   ", [])
    p = tmp_path / "c.jsonl"
    _write_jsonl(p, [d1, d2, d3, d4])
    res = run("validate", p, "--near-dup", "0.6")
    assert res.exit_code == 1
    out = res.output
    assert "c.jsonl:1: error [overlap]" in out
    assert "c.jsonl:2: error [unknown-label]" in out and "'SYMPTOMS'" in out
    assert "c.jsonl:2: warning [near-duplicate]" in out and "line 1" in out
    assert "c.jsonl:3: warning [non-nfc]" in out
    assert "c.jsonl:4: error [empty]" in out
    res = run("validate", p, "--labels", "any", "--allow-overlap", "--near-dup", "0")
    assert "[overlap]" not in res.output and "[unknown-label]" not in res.output
    assert "[near-duplicate]" not in res.output


def test_convert_on_error_skip_keeps_every_valid_record(tmp_path):
    lines = [d.to_json() for d in NOTES]
    lines.insert(2, '{"id": "x", "text": ')      # line 3 broken
    lines.insert(4, '{"id": "y", "spans": []}')  # line 5 lacks text
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = run("convert", src, tmp_path / "out.json")
    assert res.exit_code == 1 and "line 3" in res.output  # fail is the default
    assert list(tmp_path.iterdir()) == [src]  # and leaves no half-written output
    res = run("convert", src, tmp_path / "out.json", "--on-error", "skip")
    assert res.exit_code == 0, res.output
    assert "in.jsonl:line 3" in res.output and "in.jsonl:line 5" in res.output
    assert read(tmp_path / "out.json") == NOTES  # Label Studio tasks holding the five valid notes


@pytest.mark.parametrize("ext,fmt", [(".conll", None), (".json", "labelstudio"), ("_brat", "brat"),
                                     (".jsonl", None)])
def test_convert_roundtrip_through_cli(tmp_path, ext, fmt):
    src = tmp_path / "notes.jsonl"
    _write_jsonl(src, NOTES)
    mid = tmp_path / f"mid{ext}"
    args = ["convert", src, mid] + (["--to", fmt] if fmt else [])
    res = run(*args)
    assert res.exit_code == 0, res.output
    back = tmp_path / "back.jsonl"
    res = run("convert", mid, back, *(["--from", fmt] if fmt else []))
    assert res.exit_code == 0, res.output
    got = read(back)
    if ext == ".conll":
        # CoNLL holds tokens and tags only: ids, meta and the spacing before punctuation are not in it
        def squeeze(docs):
            return [[(s.label, s.text.replace(" ", "")) for s in d.spans] for d in docs]

        assert squeeze(got) == squeeze(NOTES)
        assert [d.text.replace(" ", "") for d in got] == [d.text.replace(" ", "") for d in NOTES]
    else:
        assert got == NOTES


def test_split_is_grouped_stratified_and_reproducible(tmp_path):
    docs = []
    labels = ["NAME", "AGE", "DISEASE", "DRUG"]
    for i in range(120):
        lab = labels[i % 4]
        text = f"Ghi chú số {i}: bệnh nhân có thông tin loại {lab.lower()} cần theo dõi."
        t = f"loại {lab.lower()}"
        docs.append(_doc(i, text, [(t, lab)], patient_id=f"P{i // 3}"))
    src = tmp_path / "all.jsonl"
    _write_jsonl(src, docs)
    outs = []
    for k in range(2):
        res = run("split", src, "--out", tmp_path / f"s{k}", "--seed", 7)
        assert res.exit_code == 0, res.output
        outs.append({n: (tmp_path / f"s{k}" / f"{n}.jsonl").read_bytes() for n in ("train", "dev", "test")})
    assert outs[0] == outs[1]  # same seed, same bytes
    parts = {n: read(tmp_path / "s0" / f"{n}.jsonl") for n in ("train", "dev", "test")}
    assert sum(len(v) for v in parts.values()) == 120
    assert 90 <= len(parts["train"]) <= 102 and 9 <= len(parts["dev"]) <= 15 and 9 <= len(parts["test"]) <= 15
    owner = {}
    for n, ds in parts.items():
        for d in ds:
            assert d.meta["split"] == n
            assert owner.setdefault(d.meta["patient_id"], n) == n  # one patient, one split
        assert {s.label for d in ds for s in d.spans} == set(labels)  # every label in every split
    res = run("split", src, "--out", tmp_path / "s2", "--seed", 8)
    assert (tmp_path / "s2" / "test.jsonl").read_bytes() != outs[0]["test"]


def test_merge_relabel_card_stats_png(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    _write_jsonl(a, NOTES[:3])
    _write_jsonl(b, NOTES[2:])
    res = run("merge", a, b, "--out", tmp_path / "m.jsonl")
    assert res.exit_code == 0, res.output
    merged = read(tmp_path / "m.jsonl")
    assert len(merged) == 5 + 1 and len({d.id for d in merged}) == 6
    assert merged[3].id == "b:n3" and merged[3].meta["orig_id"] == "n3"

    mp = tmp_path / "map.tsv"
    mp.write_text("SYMPTOM\tDISEASE\nDOSAGE\t\n", encoding="utf-8")
    res = run("relabel", tmp_path / "m.jsonl", mp, "--out", tmp_path / "r.jsonl")
    assert res.exit_code == 0 and "1 dropped" in res.output
    r = read(tmp_path / "r.jsonl")
    sym = [s for d in r for s in d.spans if s.attrs.get("orig_label") == "SYMPTOM"]
    assert sym and all(s.label == "DISEASE" for s in sym)
    assert not any(s.label == "DOSAGE" for d in r for s in d.spans)

    png = tmp_path / "stats.png"
    res = run("stats", tmp_path / "m.jsonl", "--png", png)
    assert res.exit_code == 0, res.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert re.search(r"^DISEASE\s+2\s+1\b", res.output, re.M)

    res = run("card", tmp_path / "m.jsonl", "--name", "ghi-chu-tong-hop", "--license", "CC-BY-4.0",
              "--source", "viết tay cho kiểm thử", "--guideline-version", "0.3", "--out", tmp_path / "CARD.md")
    assert res.exit_code == 0, res.output
    card = (tmp_path / "CARD.md").read_text(encoding="utf-8")
    assert "# Corpus card: ghi-chu-tong-hop" in card and "| license | CC-BY-4.0 |" in card
    assert "| annotation guideline version | 0.3 |" in card and "DISEASE" in card
    assert "duplicate" in card  # the merged file holds n3 twice


def test_every_command_has_help_with_an_example():
    for cmd in ("convert", "validate", "stats", "split", "merge", "relabel", "card"):
        res = run(cmd, "--help")
        assert res.exit_code == 0 and "Example" in res.output, cmd


def test_validate_conll_reports_sentence_lines(tmp_path):
    p = tmp_path / "x.conll"
    p.write_text("Bệnh O\nnhân O\nsốt B-SYMPTOM\n\nHo O\nkhan X-SYMPTOM\n\nBệnh O\nnhân O\nsốt B-SYMPTOM\n\n",
                 encoding="utf-8")
    res = run("validate", p, "--labels", "SYMPTOM")
    assert res.exit_code == 1
    assert re.search(r"x\.conll:5: error \[unreadable\] not an IOB tag", res.output)
    assert re.search(r"x\.conll:8: error \[duplicate\] exact duplicate of the text at line 1", res.output)


def test_convert_into_a_symlink_keeps_the_link_and_fills_its_target(tmp_path):
    src = tmp_path / "notes.jsonl"
    _write_jsonl(src, NOTES)
    target = tmp_path / "target.conll"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.conll"
    link.symlink_to(target)
    assert run("convert", src, link).exit_code == 0
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert "Nguyễn B-NAME" in target.read_text(encoding="utf-8")
    assert not list(tmp_path.glob("*.partial"))


def test_convert_into_a_link_to_a_device_writes_into_it_and_never_replaces_it(tmp_path):
    # /dev/stdout is such a link (to /proc/self/fd/1); /dev/null stands in for it here
    src = tmp_path / "notes.jsonl"
    _write_jsonl(src, NOTES)
    link = tmp_path / "out"
    link.symlink_to("/dev/null")
    r = run("convert", src, link, "--to", "conll")
    assert r.exit_code == 0, r.output
    assert link.is_symlink() and link.resolve() == Path("/dev/null")
    assert Path("/dev/null").is_char_device()
    assert not list(tmp_path.glob("*.partial"))


def test_dash_is_stdin_and_stdout_for_convert_validate_and_stats(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = "".join(d.to_json() + "\n" for d in NOTES)
    r = CliRunner().invoke(cli, ["corpus", "convert", "-", "-", "--to", "conll"], input=data)
    assert r.exit_code == 0, r.output
    assert "Nguyễn B-NAME" in r.stdout and "Amlodipin B-DRUG" in r.stdout
    assert not (tmp_path / "-").exists()
    r = CliRunner().invoke(cli, ["corpus", "convert", "-", "-"], input=data)
    assert [Document.from_dict(json.loads(x)).spans for x in r.stdout.splitlines()] == [d.spans for d in NOTES]
    r = CliRunner().invoke(cli, ["corpus", "validate", "-", "--json"], input=data + NOTES[0].to_json() + "\n")
    rep = json.loads(r.stdout)
    assert r.exit_code == 1 and rep["records"] == 6 and rep["counts"] == {"duplicate-id": 1, "duplicate": 1}
    r = CliRunner().invoke(cli, ["corpus", "stats", "-", "--json"], input=data)
    assert r.exit_code == 0 and json.loads(r.stdout)["documents"] == 5
    r = CliRunner().invoke(cli, ["corpus", "convert", "-", "-", "--to", "hf"], input=data)
    assert r.exit_code == 2 and "stdout" in r.output


def test_relabel_help_example_is_printed_as_written_and_its_map_works(tmp_path):
    import subprocess

    r = run("relabel", "--help")
    assert "\t" not in r.output
    lines = r.output.splitlines()
    i = next(k for k, x in enumerate(lines) if x.strip().startswith("printf"))
    assert lines[i - 1].strip().startswith("vimednlp corpus relabel") and lines[i + 1].strip().startswith("vimednlp")
    subprocess.run(["bash", "-c", lines[i].strip()], cwd=tmp_path, check=True)
    src = tmp_path / "p.jsonl"
    _write_jsonl(src, [Document("p1", "Bệnh nhân sốt, đi xe buýt.", [Span(10, 13, "SYMPTOM_AND_DISEASE", "sốt"),
                                                                    Span(18, 25, "TRANSPORTATION", "xe buýt")])])
    assert run("relabel", src, tmp_path / "map.tsv", "--out", tmp_path / "r.jsonl").exit_code == 0
    assert [(s.label, s.text) for s in read(tmp_path / "r.jsonl")[0].spans] == [("DISEASE", "sốt")]


def _ls_export_task():
    """A task as Label Studio's JSON export gives it: two annotators (one as a user object, one as an id
    with created_username), assertion and ID-kind choices, and a cancelled annotation."""
    from vimednlp.annotation.convert import spans_to_results

    text = "BN Trần Văn Bình, CCCD 001203004567. Không sốt, ho khan. TD lao phổi 😷."

    def sp(t, label, **attrs):
        i = text.index(t)
        return Span(i, i + len(t), label, t, attrs=attrs)

    a = [sp("Trần Văn Bình", "NAME"), sp("001203004567", "ID", kind="cccd"), sp("sốt", "SYMPTOM", negated=True),
         sp("lao phổi", "DISEASE", uncertain=True)]
    b = [sp("Trần Văn Bình", "NAME"), sp("ho khan", "SYMPTOM")]
    return {"id": 41, "data": {"text": text}, "annotations": [
        {"id": 7, "completed_by": {"id": 2, "email": "lan@bv.example"}, "was_cancelled": False,
         "updated_at": "2026-01-02T10:00:00Z", "result": spans_to_results(text, a)},
        {"id": 8, "completed_by": 3, "created_username": " minh@bv.example, 3", "was_cancelled": False,
         "updated_at": "2026-01-02T11:00:00Z", "result": spans_to_results(text, b)},
        {"id": 9, "completed_by": 4, "was_cancelled": True, "result": spans_to_results(text, b[:1])},
    ], "predictions": []}


def test_convert_of_a_label_studio_export_keeps_every_annotation_with_its_annotator_and_choices(tmp_path):
    src = tmp_path / "export.json"
    src.write_text(json.dumps([_ls_export_task()], ensure_ascii=False), encoding="utf-8")
    r = run("convert", src, tmp_path / "out.jsonl")
    assert r.exit_code == 0, r.output
    (doc,) = read(tmp_path / "out.jsonl")
    got = sorted((s.attrs["annotator"], s.label, s.text, tuple(sorted(k for k in s.attrs if k != "annotator")))
                 for s in doc.spans)
    assert got == [("lan@bv.example", "DISEASE", "lao phổi", ("uncertain",)),
                   ("lan@bv.example", "ID", "001203004567", ("kind",)),
                   ("lan@bv.example", "NAME", "Trần Văn Bình", ()),
                   ("lan@bv.example", "SYMPTOM", "sốt", ("negated",)),
                   ("minh@bv.example", "NAME", "Trần Văn Bình", ()),
                   ("minh@bv.example", "SYMPTOM", "ho khan", ())]
    assert next(s for s in doc.spans if s.label == "ID").attrs["kind"] == "cccd"
    assert doc.meta["annotators"] == ["lan@bv.example", "minh@bv.example"] and doc.meta["ls_task_id"] == 41
    # the records feed agreement like the pull store's do
    r = CliRunner().invoke(cli, ["ls", "agreement", str(tmp_path / "out.jsonl"), "--json"])
    assert r.exit_code == 0, r.output
    rep = json.loads(r.output)
    assert rep["pairs"]["lan@bv.example|minh@bv.example"]["strict"]["NAME"]["f1"] == 1.0


def test_hf_export_uses_one_fixed_label_map_for_every_file(tmp_path):
    from datasets import load_from_disk

    from vimednlp.schema import ALL_LABELS

    dev, gold = tmp_path / "dev.jsonl", tmp_path / "gold.jsonl"
    _write_jsonl(dev, [NOTES[0]])              # NAME, AGE, SYMPTOM
    _write_jsonl(gold, [NOTES[1], NOTES[2]])   # DISEASE, PHONE, LOCATION: no NAME at all
    for f in (dev, gold):
        assert run("convert", f, tmp_path / f"{f.stem}_hf", "--to", "hf").exit_code == 0
    names = {f: load_from_disk(str(tmp_path / f"{f}_hf")).features["ner_tags"].feature.names for f in ("dev", "gold")}
    assert names["dev"] == names["gold"] == ["O"] + [f"{p}-{x}" for x in ALL_LABELS for p in ("B", "I")]
    ds = load_from_disk(str(tmp_path / "dev_hf"))
    tags = [names["dev"][i] for i in ds[0]["ner_tags"]]
    assert tags[ds[0]["tokens"].index("Nguyễn")] == "B-NAME"
    # a label list of one's own, in its order; a tag outside it is a clear error
    assert run("convert", dev, tmp_path / "own_hf", "--to", "hf", "--labels", "SYMPTOM,NAME,AGE").exit_code == 0
    assert load_from_disk(str(tmp_path / "own_hf")).features["ner_tags"].feature.names[:3] == ["O", "B-SYMPTOM",
                                                                                               "I-SYMPTOM"]
    r = run("convert", dev, tmp_path / "bad_hf", "--to", "hf", "--labels", "NAME")
    assert r.exit_code != 0 and "B-AGE is not in the label set" in str(r.exception or r.output)


def test_hf_export_by_split_is_a_dataset_dict_with_one_label_map_and_reads_back(tmp_path):
    from datasets import DatasetDict, load_from_disk

    docs = [Document(d.id, d.text, d.spans, {**d.meta, "split": "train" if i < 3 else "test"})
            for i, d in enumerate(NOTES)]
    src = tmp_path / "all.jsonl"
    _write_jsonl(src, docs)
    r = run("convert", src, tmp_path / "dd_hf", "--to", "hf", "--by-split")
    assert r.exit_code == 0, r.output
    dd = load_from_disk(str(tmp_path / "dd_hf"))
    assert isinstance(dd, DatasetDict) and sorted(dd) == ["test", "train"]
    assert dd["train"].num_rows == 3 and dd["test"].num_rows == 2
    assert dd["train"].features["ner_tags"] == dd["test"].features["ner_tags"]
    assert run("convert", tmp_path / "dd_hf", tmp_path / "back.jsonl", "--from", "hf").exit_code == 0
    back = read(tmp_path / "back.jsonl")
    assert sorted((d.id, d.meta["split"], [(s.start, s.end, s.label) for s in d.spans]) for d in back) == sorted(
        (d.id, d.meta["split"], [(s.start, s.end, s.label) for s in d.spans]) for d in docs)


def test_convert_to_label_studio_tasks_with_spans_as_predictions(tmp_path):
    src = tmp_path / "notes.jsonl"
    _write_jsonl(src, NOTES[:2])
    r = run("convert", src, tmp_path / "tasks.json", "--to", "labelstudio", "--ls-predictions")
    assert r.exit_code == 0, r.output
    tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    assert all("annotations" not in t for t in tasks)
    labels = [x["value"]["labels"][0] for x in tasks[0]["predictions"][0]["result"]]
    assert labels == ["NAME", "AGE", "SYMPTOM"] and tasks[0]["data"]["vimednlp"]["id"] == "n1"
    back = read(tmp_path / "tasks.json")
    assert [s.label for s in back[0].spans] == labels  # predictions read back when nobody annotated yet


def test_card_reads_stdin_once_for_both_of_its_passes(tmp_path):
    data = "".join(d.to_json() + "\n" for d in NOTES) + NOTES[0].to_json() + "\n"
    r = CliRunner().invoke(cli, ["corpus", "card", "-", "--name", "ghi-chu"], input=data)
    assert r.exit_code == 0, r.output
    assert re.search(r"\|\s*duplicate-id\s*\|\s*1\s*\|", r.stdout), r.stdout
    assert re.search(r"documents: 6\b", r.stdout)


PUB = Path(__file__).parent / "fixtures" / "published"


def test_format_errors_name_the_commands_option_not_the_python_argument(tmp_path):
    src = tmp_path / "notes.xyz"
    src.write_text("Bệnh nhân sốt cao.\n", encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(cli, ["corpus", "convert", str(src), str(tmp_path / "out.jsonl")])
    assert res.exit_code == 1 and "pass --from one of jsonl, conll" in res.output and "format=" not in res.output
    _write_jsonl(tmp_path / "a.jsonl", NOTES[:1])
    res = runner.invoke(cli, ["corpus", "convert", str(tmp_path / "a.jsonl"), str(tmp_path / "out.xyz")])
    assert res.exit_code == 1 and "pass --to one of" in res.output and "format=" not in res.output
    for cmd in ("validate", "stats"):
        res = runner.invoke(cli, ["corpus", cmd, str(src)])
        assert res.exit_code == 1 and "pass --format one of" in res.output and "format=" not in res.output, cmd
    res = runner.invoke(cli, ["corpus", "merge", str(src), "--out", str(tmp_path / "m.jsonl")])
    assert res.exit_code == 1 and "extension says its format" in res.output and "format=" not in res.output
    with pytest.raises(ValueError, match="pass format= one of"):  # the Python API keeps its own wording
        read(src)


def test_convert_a_public_corpus_as_published_or_mapped(tmp_path):
    runner = CliRunner()
    out = tmp_path / "vimedner.jsonl"
    res = runner.invoke(cli, ["corpus", "convert", str(PUB / "vimedner"), str(out), "--corpus", "vimedner"])
    assert res.exit_code == 0, res.output
    assert "1 empty tokens skipped" in res.output and "labels (as published)" in res.output
    labels = {s.label for d in read(out) for s in d.spans}
    assert labels == {"ten_benh", "trieu_chung_benh", "nguyen_nhan_benh", "bien_phap_chan_doan", "bien_phap_dieu_tri"}
    res = runner.invoke(cli, ["corpus", "convert", str(PUB / "vimq"), str(tmp_path / "vimq.conll"), "--corpus", "vimq",
                              "--split", "train", "--map-labels"])
    assert res.exit_code == 0, res.output
    assert "2 overlapping spans skipped (2 pairs in 2 records)" in res.output
    lines = (tmp_path / "vimq.conll").read_text(encoding="utf-8").splitlines()
    # ViMQ is word-segmented: written back at word level with its own tags (the originals are kept)
    assert "sốt_cao B-SYMPTOM_AND_DISEASE" in lines and "paracetamol B-drug" in lines
    res = runner.invoke(cli, ["corpus", "convert", str(PUB / "vimq"), str(tmp_path / "vimq.jsonl"), "--corpus", "vimq",
                              "--split", "train", "--keep-overlaps"])
    assert res.exit_code == 0 and "2 overlapping span pairs kept" in res.output, res.output
    assert len(read(tmp_path / "vimq.jsonl")[3].spans) == 4  # JSONL holds the nested spans
    res = runner.invoke(cli, ["corpus", "stats", str(PUB / "vietmed_ner"), "--corpus", "vietmed_ner", "--map-labels"])
    assert res.exit_code == 0, res.output
    assert "PROFESSION" in res.output and "kept as published (no vimednlp counterpart): FOODDRINK 3" in res.output
