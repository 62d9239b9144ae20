"""Shared pieces of the benchmark suites: machine facts, timing and memory, token-level de-id metrics,
data sets (read from paths the user gives; third-party corpora never enter the repo), peers in their venvs.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Callable, Iterable

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
RESULTS_DIR = BENCH / "results"
PLOTS_DIR = BENCH / "plots"
PEERS_DIR = BENCH / "peers"

# PhoNER types that are identifiers (JOB counts: occupation is a quasi-identifier we remove by default)
PHONER_ID_TYPES = ("PATIENT_ID", "NAME", "AGE", "DATE", "LOCATION", "ORGANIZATION", "JOB")
# quasi-identifiers that are opt-in: neither counted as misses nor as false alarms
NEUTRAL_TYPES = ("GENDER", "TRANSPORTATION", "TRANSPORT")


def shared_dir() -> Path:
    p = Path(os.environ.get("VIMEDNLP_SHARED") or ROOT.parent / "shared")
    if not p.exists():
        raise SystemExit(f"shared data not found at {p}: set VIMEDNLP_SHARED")
    return p


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        mem_gb = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError):
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": mem_gb, "python": platform.python_version(),
            "os": platform.platform(terse=True)}


def versions(*dists: str) -> dict:
    out = {}
    for d in ("vimednlp", "spacy", "underthesea", "scikit-learn", "python-crfsuite", *dists):
        try:
            out[d] = version(d)
        except PackageNotFoundError:
            pass
    return out


def now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def fresh_process(argv: list[str]) -> list[str]:
    """argv run from a small forked shell, so that the child's own ru_maxrss is its own: Linux keeps a process's
    maximum RSS across exec, and Python starts children with vfork/exec, so a child started directly from a big
    parent (run.py after several suites) would report the parent's size as its peak memory."""
    if not os.path.exists("/bin/sh"):
        return argv
    return ["/bin/sh", "-c", '"$@"; exit $?', "sh", *argv]  # `; exit` makes sh fork instead of exec


def peak_rss_mb(children: bool = False) -> float:
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024


@dataclass
class Timer:
    seconds: float = 0.0
    t0: float = field(default=0.0, repr=False)

    def __enter__(self):
        self.t0 = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.t0


# --- token-level de-identification metrics ---------------------------------------------------------
def _tokens(text: str) -> list[tuple[int, int]]:
    from vimednlp.text import tokenize

    return [(t.start, t.end) for t in tokenize(text) if any(c.isalnum() for c in t.text)]


@dataclass
class DeidScore:
    """Token-level scores: a gold identifier token is caught if any predicted span overlaps it."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    leaks: int = 0            # gold identifier entities with at least one token not caught
    entities: int = 0
    clinical_tokens: int = 0  # gold clinical tokens (when the data marks them)
    clinical_removed: int = 0
    per_type: dict = field(default_factory=dict)  # type -> [caught, total]

    def add(self, text: str, gold: Iterable[tuple[int, int, str]], pred: Iterable[tuple[int, int]],
            id_types: Iterable[str], clinical_types: Iterable[str] = ()) -> None:
        id_types, clinical_types = set(id_types), set(clinical_types)
        toks = _tokens(text)
        pred = sorted(pred)
        covered = [any(ps < e and s < pe for ps, pe in pred) for s, e in toks]
        role = ["O"] * len(toks)
        gold = list(gold)
        for gs, ge, lab in gold:
            kind = "ID" if lab in id_types else "CLIN" if lab in clinical_types else \
                "NEUTRAL" if lab in NEUTRAL_TYPES else "OTHER"
            for i, (s, e) in enumerate(toks):
                if s < ge and gs < e:
                    if kind == "ID" or role[i] == "O":
                        role[i] = kind
            if kind == "ID":
                self.entities += 1
                idx = [i for i, (s, e) in enumerate(toks) if s < ge and gs < e]
                caught = sum(covered[i] for i in idx)
                pt = self.per_type.setdefault(lab, [0, 0])
                pt[0] += caught
                pt[1] += len(idx)
                if caught < len(idx):
                    self.leaks += 1
        for r, c in zip(role, covered):
            if r == "ID":
                self.tp += c
                self.fn += not c
            elif r == "CLIN":
                self.clinical_tokens += 1
                self.clinical_removed += c
                self.fp += c
            elif r in ("O", "OTHER"):
                self.fp += c

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    def fbeta(self, beta: float = 2.0) -> float:
        p, r = self.precision, self.recall
        return (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        d = {"recall": round(self.recall, 4), "precision": round(self.precision, 4), "f2": round(self.fbeta(2), 4),
             "leaks": self.leaks, "entities": self.entities, "tokens": self.tp + self.fn,
             "per_type_recall": {k: round(c / t, 4) if t else None for k, (c, t) in sorted(self.per_type.items())}}
        if self.clinical_tokens:
            d["clinical_removed_pct"] = round(100 * self.clinical_removed / self.clinical_tokens, 2)
        return d


# --- data sets ------------------------------------------------------------------------------------
@dataclass
class EvalDoc:
    id: str
    text: str
    gold: list  # [(start, end, label)] with the data set's own labels


def phoner_docs(split: str = "test", level: str = "syllable") -> list[EvalDoc]:
    """PhoNER_COVID19 sentences from the user's copy; tokens joined by single spaces."""
    path = shared_dir() / "data" / "phoner_covid19" / level / f"{split}_{level}.conll"
    docs, words, tags = [], [], []

    def flush():
        if not words:
            return
        text, gold, pos, cur = "", [], 0, None
        for w, t in zip(words, tags):
            s = pos
            text += (" " if text else "") + w
            s = len(text) - len(w)
            pos = len(text)
            if t.startswith("B-") or (t.startswith("I-") and (cur is None or cur[2] != t[2:])):
                if cur:
                    gold.append(tuple(cur))
                cur = [s, pos, t[2:]]
            elif t.startswith("I-"):
                cur[1] = pos
            else:
                if cur:
                    gold.append(tuple(cur))
                cur = None
        if cur:
            gold.append(tuple(cur))
        docs.append(EvalDoc(f"{split}-{len(docs)}", text.replace("_", " ") if level == "word" else text, gold))
        words.clear()
        tags.clear()

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                flush()
                continue
            w, t = line.rsplit(None, 1) if "\t" not in line else line.split("\t", 1)
            words.append(w)
            tags.append(t.strip())
    flush()
    return docs


def jsonl_docs(path: Path) -> list[EvalDoc]:
    out = []
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if line.strip():
                d = json.loads(line)
                out.append(EvalDoc(str(d.get("id", i)), d["text"],
                                   [(s["start"], s["end"], s["label"]) for s in d.get("spans", [])]))
    return out


# --- peers ----------------------------------------------------------------------------------------
PEER_VENVS = Path(os.environ.get("VIMEDNLP_PEER_VENVS", ROOT.parent / "venvs"))
PEER_PACKAGES = {"vipii": ["vipii"], "presidio": ["presidio-analyzer", "spacy"]}


def peer_python(name: str) -> Path | None:
    """The peer's own venv python, installed on first use (install time: registries are reachable)."""
    if name == "underthesea":
        return Path(sys.executable)
    venv = PEER_VENVS / name
    py = venv / "bin" / "python"
    if not py.exists():
        try:
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
            subprocess.run([str(py), "-m", "pip", "install", "-q", *PEER_PACKAGES[name]], check=True)
        except (subprocess.CalledProcessError, OSError) as e:
            print(f"  ! could not install peer {name}: {e}", file=sys.stderr)
            return None
    return py


def run_peer(name: str, docs: list[EvalDoc]) -> tuple[dict[str, list], dict] | None:
    """Run a peer over docs in its venv: ({id: [(start, end, label)]}, timing) or None if unavailable."""
    py = peer_python(name)
    if py is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = Path(tmp, "in.jsonl"), Path(tmp, "out.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps({"id": d.id, "text": d.text}, ensure_ascii=False) + "\n")
        env = dict(os.environ, HOME=os.environ.get("HOME", tmp), HF_HUB_OFFLINE="1")
        r = subprocess.run(fresh_process([str(py), str(PEERS_DIR / f"peer_{name}.py"), "--in", str(inp),
                                          "--out", str(out)]), capture_output=True, text=True, cwd=PEERS_DIR, env=env)
        if r.returncode != 0:
            print(f"  ! peer {name} failed: {r.stderr[-500:]}", file=sys.stderr)
            return None
        timing = json.loads(r.stdout.strip().splitlines()[-1])
        preds = {}
        for line in open(out, encoding="utf-8"):
            d = json.loads(line)
            preds[d["id"]] = [(s["start"], s["end"], s["label"]) for s in d["spans"]]
        return preds, timing


def plots_dir() -> Path:
    """Where plots go: benchmarks/plots, or results/quick/plots for a --quick smoke run (never the reported ones)."""
    out = RESULTS_DIR / "quick" / "plots" if os.environ.get("VIMEDNLP_BENCH_QUICK") == "1" else PLOTS_DIR
    out.mkdir(parents=True, exist_ok=True)
    return out


def write_result(suite: str, payload: dict) -> Path:
    # a --quick smoke run must never overwrite the reported numbers
    out_dir = RESULTS_DIR / "quick" if os.environ.get("VIMEDNLP_BENCH_QUICK") == "1" else RESULTS_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    payload = {"suite": suite, "date": now(), "machine": machine(), "versions": versions(),
               "load_average_at_end": round(os.getloadavg()[0], 2), **payload}
    path = out_dir / f"{suite}.json"
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def timed_map(fn: Callable, items: list) -> tuple[list, float]:
    t0 = time.perf_counter()
    out = [fn(x) for x in items]
    return out, time.perf_counter() - t0
