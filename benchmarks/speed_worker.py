"""Time one pipeline over a JSONL of {id, text} in a fresh process; print {docs, seconds, peak_rss_mb}.

Run by suites/speed.py and suites/scaling.py so that each pipeline's peak memory is its own.
"""
from __future__ import annotations

import json
import resource
import sys
import time


def pipelines():
    def text():
        from vimednlp.text import normalize, tokenize

        return lambda t: tokenize(normalize(t).text)

    def deid_detect():
        from vimednlp.deid.analyzer import Analyzer

        an = Analyzer()
        return an.analyze

    def deid_tag():
        from vimednlp import deidentify

        return lambda t: deidentify(t, operator="tag").text

    def deid_strict():
        from vimednlp import deidentify

        return lambda t: deidentify(t, operator="tag", profile="strict").text

    def deid_surrogate():
        from vimednlp import deidentify

        return lambda t: deidentify(t, operator="surrogate", key="benchmark-key-khoa-do-2024").text

    def extract_rules():
        from vimednlp import extract

        return extract

    def spacy_full():
        import vimednlp

        nlp = vimednlp.load()
        return nlp

    return {"text": text, "deid_detect": deid_detect, "deid_tag": deid_tag, "deid_strict": deid_strict,
            "deid_surrogate": deid_surrogate,
            "extract_rules": extract_rules, "spacy_full": spacy_full}


def peak_rss_mb() -> float:
    """This process's own peak RSS: VmHWM belongs to the address space made at exec, while ru_maxrss keeps the
    size of whatever process started us."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    name, path = sys.argv[1], sys.argv[2]
    texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8") if line.strip()]
    t0 = time.perf_counter()
    fn = pipelines()[name]()
    fn(texts[0])  # warm-up: lazy loading is reported apart
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for t in texts:
        fn(t)
    secs = time.perf_counter() - t0
    print(json.dumps({"pipeline": name, "docs": len(texts), "chars": sum(map(len, texts)),
                      "words": sum(len(t.split()) for t in texts), "seconds": secs, "load_seconds": load_s,
                      "peak_rss_mb": peak_rss_mb()}))


if __name__ == "__main__":
    main()
