"""De-identification on Apache Spark, for corpora that outgrow one machine.

Why Spark (`mapInPandas`) rather than Ray Data: hospital and research data platforms already run
Spark (HDFS, Databricks, Hive tables); Spark is where the data lives, so the job goes to the data.
Each Spark task builds one `Deidentifier` per Python worker (as `vimednlp deid --workers` builds one per
process) and runs exactly the batch worker's code on every record. Surrogates and date shifts are keyed
by (key, patient, value); a patient's records are kept in one partition in input order, so the output
is the same bytes as the single-process run.

    from vimednlp.deid.spark import deidentify_dataframe, deidentify_jsonl
    out_df = deidentify_dataframe(df, text_col="text", operator="surrogate", key="...")
    deidentify_jsonl(spark, "notes.jsonl", "notes.deid.jsonl", operator="tag")

Needs the `spark` extra (`pip install "vimednlp[spark]"`) and a Java 17+ runtime.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .batch import _init_worker, _process, iter_jsonl


def _require_spark():
    try:
        import pyspark  # noqa: F401
    except ImportError as e:  # pragma: no cover - depends on the install
        raise ImportError("the Spark adapter needs pyspark: pip install 'vimednlp[spark]'") from e
    # Spark's Python workers must run this interpreter (the one with vimednlp installed)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)


def local_session(cores: int = 2, app: str = "vimednlp-deid"):
    """A local-mode SparkSession bound to 127.0.0.1 with the UI off (for tests and single machines)."""
    _require_spark()
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master(f"local[{cores}]").appName(app)
             .config("spark.ui.enabled", "false")
             .config("spark.driver.host", "127.0.0.1")
             .config("spark.driver.bindAddress", "127.0.0.1")
             .config("spark.sql.execution.arrow.pyspark.enabled", "true")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _partition_fn(engine_kwargs: dict[str, Any], field_name: str):
    def fn(batches: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd

        _init_worker(engine_kwargs)  # one Deidentifier per Python worker, as in the batch pool
        for pdf in batches:
            outs, errors = [], []
            for payload, doc_id, patient_id in zip(pdf["payload"], pdf["doc_id"], pdf["patient_id"]):
                obj = json.loads(payload)
                _, status, out, _audit = _process(("", "jsonl", obj, doc_id, patient_id, field_name))
                if status == "ok":
                    outs.append(out)  # (`_process` returns a JSONL record already serialised)
                    errors.append(None)
                else:
                    outs.append(None)
                    errors.append(out)  # a PHI-free error message
            yield pd.DataFrame({"line": pdf["line"], "output": outs, "error": errors})

    return fn


def deidentify_jsonl(spark, inp: str | Path, out: str | Path, *, field_name: str = "text",
                     id_field: str | None = "id", patient_field: str | None = None,
                     partitions: int | None = None, **engine_kwargs: Any) -> dict[str, int]:
    """De-identify a JSONL file on Spark into `out`, in input order; same bytes as `vimednlp deid`.

    Records the reader rejects (broken JSON, missing field) are counted and named by line in the
    returned report, never silently dropped; `engine_kwargs` are `Deidentifier` arguments.
    """
    _require_spark()
    rows, bad = [], []
    for rec in iter_jsonl(Path(inp), field_name, id_field, patient_field):
        if rec.error:
            bad.append(f"line {rec.line}: {rec.error}")
            continue
        rows.append((rec.line, json.dumps(rec.payload, ensure_ascii=False), rec.doc_id or rec.key, rec.patient_id))
    if bad:
        raise ValueError(f"{len(bad)} unreadable record(s) in {Path(inp).name}: " + "; ".join(bad[:10]))
    from pyspark.sql.types import IntegerType, StringType, StructField, StructType

    schema = StructType([StructField("line", IntegerType()), StructField("payload", StringType()),
                         StructField("doc_id", StringType()), StructField("patient_id", StringType())])
    df = spark.createDataFrame(rows, schema)
    # A patient's surrogate generator re-draws colliding surrogates in the order it meets values, so
    # each patient's records go to one partition, in input order, as in the single-process run.
    df = df.repartition(partitions or spark.sparkContext.defaultParallelism, "patient_id").sortWithinPartitions("line")
    out_schema = "line int, output string, error string"
    result = df.mapInPandas(_partition_fn(engine_kwargs, field_name), out_schema).orderBy("line").collect()
    errors = [f"line {r['line']}: {r['error']}" for r in result if r["error"]]
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for r in result:
            if r["output"] is not None:
                fh.write(r["output"] + "\n")
    if errors:
        raise RuntimeError(f"{len(errors)} record(s) failed on Spark: " + "; ".join(errors[:10]))
    return {"records": len(result), "written": len(result) - len(errors)}


def deidentify_dataframe(df, text_col: str = "text", *, id_col: str | None = None, patient_col: str | None = None,
                         out_col: str | None = None, **engine_kwargs: Any):
    """A DataFrame with `text_col` de-identified (into `out_col`, default in place); other columns kept."""
    _require_spark()
    from pyspark.sql.types import StringType, StructField, StructType

    out_col = out_col or text_col
    fields = list(df.schema.fields)
    if out_col not in df.columns:
        fields.append(StructField(out_col, StringType()))
    schema = StructType(fields)

    def fn(batches):
        from . import batch

        batch._init_worker(engine_kwargs)  # sets batch._ENGINE in this Python worker

        for pdf in batches:
            texts = pdf[text_col].tolist()
            ids = pdf[id_col].tolist() if id_col else [None] * len(texts)
            pids = pdf[patient_col].tolist() if patient_col else [None] * len(texts)
            pdf[out_col] = [None if t is None else batch._ENGINE(t, patient_id=p, doc_id=None if i is None else str(i)).text
                            for t, i, p in zip(texts, ids, pids)]
            yield pdf

    return df.mapInPandas(fn, schema)
