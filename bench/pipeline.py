"""Time per article for every stage of `analyze`, one core, over ANT articles rendered as scrapes.

Prints a table: stage, ms per article (mean and p95), share of the total. The floor the
project holds itself to: under 10 ms for an average 300-word article with every stage on.

usage: taskset -c 0 .venv/bin/python bench/pipeline.py [--data ../shared/data] [--n 1000]
"""
from __future__ import annotations

import argparse
import importlib
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from layout import render  # noqa: E402  (the same rendering as bench/layout.py)

from marsad.annotate.pipeline import STAGES  # noqa: E402
from marsad.corpora import iter_ant  # noqa: E402
from marsad.layout import layout  # noqa: E402
from marsad.read import read_text  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[1].parent / "shared" / "data"))
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    root = Path(args.data) / "ant-corpus-multisource-2018-03"
    if not root.exists():
        print(f"no ANT corpus at {root}", file=sys.stderr)
        return 1
    recs = [r for r in iter_ant(root) if r.get("time") and r.get("title")]
    random.Random(3).shuffle(recs)
    docs = [render(r, k, random.Random(k))[0] for k, r in enumerate(recs[: args.n])]
    stages = []
    t0 = time.perf_counter()
    for name, target in STAGES:
        mod, fn = target.split(":")
        try:
            stages.append((name, getattr(importlib.import_module(mod), fn)))
        except ModuleNotFoundError:
            pass
    # warm up: models and lexicons load once per process, outside the timing
    for name, fn in stages:
        fn(layout(read_text(docs[0]), tz="Africa/Cairo"))
    load_s = time.perf_counter() - t0
    times: dict[str, list[float]] = {"layout": []} | {n: [] for n, _ in stages}
    words = []
    for d in docs:
        a0 = time.perf_counter()
        art = layout(read_text(d), tz="Africa/Cairo")
        times["layout"].append(time.perf_counter() - a0)
        words.append(len(art.text.split()))
        for name, fn in stages:
            s0 = time.perf_counter()
            art = fn(art)
            times[name].append(time.perf_counter() - s0)
    total = [sum(ts) for ts in zip(*times.values())]
    mean_total = statistics.mean(total)
    print(f"{len(docs)} ANT articles, {statistics.mean(words):.0f} words on average; models loaded in {load_s:.2f} s")
    print("| stage | ms/article (mean) | ms/article (p95) | share |")
    print("|---|---:|---:|---:|")
    for name, ts in times.items():
        ts_sorted = sorted(ts)
        print(f"| {name} | {1000 * statistics.mean(ts):.2f} | {1000 * ts_sorted[int(0.95 * (len(ts) - 1))]:.2f} | {statistics.mean(ts) / mean_total:.0%} |")
    tot_sorted = sorted(total)
    print(f"| **all** | **{1000 * mean_total:.2f}** | {1000 * tot_sorted[int(0.95 * (len(total) - 1))]:.2f} | 100% |")
    per300 = 1000 * mean_total / statistics.mean(words) * 300
    print(f"\nscaled to a 300-word article: {per300:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
