"""The Spark adapter gives byte-identical output to the single-machine batch run (local mode)."""
from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("pyspark", reason="the spark extra is not installed")
if shutil.which("java") is None:
    pytest.skip("Spark needs a Java runtime (java not on PATH)", allow_module_level=True)

ROOT = Path(__file__).resolve().parents[2]


def _synthetic(n: int, seed: int):
    spec = importlib.util.spec_from_file_location("vimednlp_synthetic", ROOT / "corpora/synthetic/generate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.generate(n, seed=seed)


@pytest.fixture(scope="module")
def spark():
    from vimednlp.deid.spark import local_session

    s = local_session(cores=2)
    yield s
    s.stop()


@pytest.mark.slow
def test_spark_output_is_byte_identical_to_single_machine(tmp_path, spark):
    from vimednlp.deid.batch import run_batch
    from vimednlp.deid.spark import deidentify_jsonl

    docs = _synthetic(1000, seed=99)
    inp = tmp_path / "notes.jsonl"
    with inp.open("w", encoding="utf-8") as f:
        for i, d in enumerate(docs):
            f.write(json.dumps({"id": d.id, "patient": f"p{i % 300}", "text": d.text}, ensure_ascii=False) + "\n")
    engine = dict(operator="surrogate", key="spark-test-key-khoa-2024")
    single = tmp_path / "single.jsonl"
    run_batch([inp], single, engine_kwargs=engine, field_name="text", patient_field="patient", workers=1,
              progress_bar=False)
    distributed = tmp_path / "spark.jsonl"
    rep = deidentify_jsonl(spark, inp, distributed, field_name="text", patient_field="patient", partitions=4,
                           **engine)
    assert rep == {"records": 1000, "written": 1000}
    a, b = single.read_bytes(), distributed.read_bytes()
    assert a.count(b"\n") == 1000
    assert a == b
    # and something was actually replaced
    first_in = json.loads(inp.read_text(encoding="utf-8").splitlines()[0])["text"]
    assert json.loads(a.decode("utf-8").splitlines()[0])["text"] != first_in


def test_spark_names_broken_lines(tmp_path, spark):
    from vimednlp.deid.spark import deidentify_jsonl

    inp = tmp_path / "bad.jsonl"
    inp.write_text('{"id": "1", "text": "BN Nguyễn Văn An 45 tuổi"}\n{"id": 2, "text": \n', encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        deidentify_jsonl(spark, inp, tmp_path / "out.jsonl", operator="tag")


def test_dataframe_adapter_keeps_other_columns(spark):
    from vimednlp import deidentify
    from vimednlp.deid.spark import deidentify_dataframe

    rows = [("a", "Bệnh nhân Trần Thị Lan, SĐT 0912345678."), ("b", "Không có thông tin định danh.")]
    df = spark.createDataFrame(rows, ["id", "text"])
    out = {r["id"]: r for r in deidentify_dataframe(df, "text", id_col="id", out_col="deid", operator="tag").collect()}
    assert out["a"]["text"] == rows[0][1]
    assert out["a"]["deid"] == deidentify(rows[0][1], operator="tag", doc_id="a").text
    assert "0912345678" not in out["a"]["deid"]
    assert out["b"]["deid"] == rows[1][1]
