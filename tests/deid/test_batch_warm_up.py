"""The batch runner builds its engine and runs it once on a fictitious note before forking its workers: what the
detector loads on first use (tables, lexicons, patterns) is loaded there, once, and shared by the workers."""
from __future__ import annotations

from vimednlp.deid import batch


def test_the_warm_up_note_loads_what_the_detector_loads_on_first_use():
    from vimednlp.deid import validators
    from vimednlp.deid.recognizers import lexicons
    from vimednlp.text import canonical

    batch._init_worker({"operator": "tag"})
    # a landline's area codes, a health-insurance card's group codes, the exact spellings of place names, the
    # e-mail and glued-initials forms of the canonical view: each read or compiled on first use
    for fn in (validators.landline_area_codes, validators.bhyt_group_codes, lexicons.domestic_exact,
               lexicons.foreign_exact, canonical._email_res, canonical._glued_initials):
        assert fn.cache_info().currsize, fn.__name__


def test_the_warm_up_note_is_detected_as_written():
    batch._init_worker({"operator": "tag"})
    got = {(s.label, s.text) for s in batch._ENGINE(batch._WARM_UP).spans}
    assert {("PHONE", "(024) 3869 3731"), ("ID", "DN4010123456789"), ("EMAIL", "hoa.nv@gmail.com"),
            ("LOCATION", "Huế"), ("NAME", "Nguyễn Văn An")} <= got


def test_a_one_process_run_keeps_what_it_built_out_of_the_collectors_passes_and_gives_it_back(tmp_path, monkeypatch):
    import gc
    import json

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": f"BN Trần Văn Bình {i}, SĐT 0912 345 67{i}"}, ensure_ascii=False)
                           + "\n" for i in range(3)), encoding="utf-8")
    seen = []
    process = batch._process

    def spy(task):
        seen.append(gc.get_freeze_count())
        return process(task)

    monkeypatch.setattr(batch, "_process", spy)
    before = gc.get_freeze_count()
    rep = batch.run_batch([src], tmp_path / "out.jsonl", engine_kwargs={"operator": "tag"}, workers=1,
                          progress_bar=False)
    assert rep.processed == 3 and len(seen) == 3
    assert all(n > before for n in seen)  # the engine, lexicons and model frozen while records are processed
    assert gc.get_freeze_count() == 0  # and given back to the collector after the run
