"""Speed and memory of entity recognition + resolution (rules and knowledge base, no tagger).

Prints a table: knowledge-base load time and memory (each in a fresh process),
then ms per article, ms per 300 words, articles/s and tokens/s over ANT news
articles, on one core (CPU time of the process). The budget: under 3 ms for a 300-word article, KB load
under 0.5 s.

usage: taskset -c 0 .venv/bin/python bench/entities.py [--data ../shared/data] [--n 500] [--tagger]
"""
from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

LOAD = """
import time, tracemalloc, resource
import marsad.arabic, marsad.article
r0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
tracemalloc.start()
t = time.perf_counter()
from marsad.entities.kb import get_kb
kb = get_kb()
dt = time.perf_counter() - t
cur, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
print(dt, cur / 2**20, len(kb), len(kb.forms))
"""
LOAD_PLAIN = """
import time
import marsad.arabic, marsad.article
t = time.perf_counter()
from marsad.entities.kb import get_kb
kb = get_kb()
print(time.perf_counter() - t)
"""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[1].parent / "shared" / "data"))
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--tagger", action="store_true", help="also run the statistical tagger when installed")
    args = ap.parse_args()

    loads = [float(subprocess.run([sys.executable, "-c", LOAD_PLAIN], capture_output=True, text=True,
                                  check=True).stdout) for _ in range(3)]
    out = subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True, check=True).stdout.split()
    mem_mb, n_ent, n_forms = float(out[1]), int(out[2]), int(out[3])

    from marsad.arabic import tokenize
    from marsad.corpora import iter_ant
    from marsad.entities import recognize

    root = Path(args.data) / "ant-corpus-multisource-2018-03"
    if not root.exists():
        print(f"no ANT corpus at {root}", file=sys.stderr)
        return 1
    recs = list(iter_ant(root))
    random.Random(3).shuffle(recs)
    texts = [r["text"] for r in recs[: args.n]]
    recognize(texts[0], use_tagger=args.tagger)  # load outside the timing
    # CPU time of this process: the machine is shared, and wall time would count
    # the time other processes hold the core
    times, words, toks, n_entities = [], 0, 0, 0
    for t in texts:
        t0 = time.process_time()
        ents = recognize(t, use_tagger=args.tagger)
        times.append(time.process_time() - t0)
        words += len(t.split())
        toks += len(tokenize(t))
        n_entities += len(ents)
    total = sum(times)
    ms = sorted(x * 1000 for x in times)
    rows = [
        ("knowledge base", f"{n_ent} entities, {n_forms} Arabic forms"),
        ("KB load (fresh process, best of 3)", f"{min(loads):.3f} s"),
        ("KB memory (Python heap after load)", f"{mem_mb:.1f} MiB"),
        ("articles", f"{len(texts)} ANT news articles, {words / len(texts):.0f} words on average"),
        ("ms per article, CPU (mean / p95)", f"{statistics.mean(ms):.2f} / {ms[int(len(ms) * 0.95) - 1]:.2f}"),
        ("ms per 300 words, CPU", f"{total * 1000 / words * 300:.2f}"),
        ("articles/s (one core)", f"{len(texts) / total:.0f}"),
        ("tokens/s (one core)", f"{toks / total:,.0f}"),
        ("entities per article", f"{n_entities / len(texts):.1f}"),
    ]
    w = max(len(a) for a, _ in rows)
    print(f"| {'measure'.ljust(w)} | value |")
    print(f"| {'-' * w} | --- |")
    for a, b in rows:
        print(f"| {a.ljust(w)} | {b} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
