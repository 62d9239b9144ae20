"""The Spark adapter (local mode) against the single-machine batch run: same bytes, and its cost."""
from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from common import write_result
from notes import generator

TITLE = "Spark adapter (local mode) vs single machine"


def run(quick: bool = False, command: str = "") -> dict:
    from vimednlp.deid.batch import run_batch
    from vimednlp.deid.spark import deidentify_jsonl, local_session

    n = 200 if quick else 1000
    docs = generator().generate(n, seed=4242)
    engine = dict(operator="surrogate", key="benchmark-key-khoa-do-2024")
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp, "in.jsonl")
        with inp.open("w", encoding="utf-8") as f:
            for i, d in enumerate(docs):
                f.write(json.dumps({"id": d.id, "patient": f"p{i % (n // 3)}", "text": d.text}, ensure_ascii=False) + "\n")
        t0 = time.perf_counter()
        run_batch([inp], Path(tmp, "single.jsonl"), engine_kwargs=engine, patient_field="patient", workers=1,
                  progress_bar=False)
        single_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        spark = local_session(cores=2)
        start_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        deidentify_jsonl(spark, inp, Path(tmp, "spark.jsonl"), patient_field="patient", **engine)
        spark_s = time.perf_counter() - t0
        spark.stop()
        same = Path(tmp, "single.jsonl").read_bytes() == Path(tmp, "spark.jsonl").read_bytes()
    res = {"docs": n, "single_process_s": round(single_s, 1), "spark_session_start_s": round(start_s, 1),
           "spark_local2_s": round(spark_s, 1), "byte_identical": same}
    print(f"  {res}")
    write_result("spark", {"command": command, **res})
    return res


def render(res: dict) -> str:
    return "\n".join([
        "| documents | single process (s) | Spark local[2] (s, after a session start of "
        f"{res['spark_session_start_s']} s) | byte-identical output |",
        "|---|---|---|---|",
        f"| {res['docs']} | {res['single_process_s']} | {res['spark_local2_s']} | {res['byte_identical']} |",
        "",
        "Operator `surrogate` with a fixed key and a patient field (3 documents per patient). Spark is for data "
        "that already lives on a cluster (HDFS, Hive, Databricks): `vimednlp.deid.spark.deidentify_dataframe` and "
        "`deidentify_jsonl`; on one machine `vimednlp deid --workers N` is faster.",
    ])
