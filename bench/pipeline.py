"""Time per article for every stage of `analyze`, one core, over ANT articles rendered as scrapes.

Prints a table: stage, CPU ms per article (mean and p95), share of the total. The floor the
project holds itself to: under 10 ms for an average 300-word article with every stage on.
Times are CPU time of this process (time.process_time), so other load on a shared machine
inflates them less than wall time would; `--repeat` passes over the same articles keep the
best mean per stage (process-wide word caches are warm after the first pass).

usage: taskset -c 0 .venv/bin/python bench/pipeline.py [--data ../shared/data] [--n 1000] [--repeat 3]
       [--crfsuite-tagger]  (the NER tagger through CRFsuite itself, for comparison)
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

from marsad.annotate.pipeline import STAGES, settle  # noqa: E402
from marsad.corpora import iter_ant  # noqa: E402
from marsad.layout import layout  # noqa: E402
from marsad.read import read_text  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[1].parent / "shared" / "data"))
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=1, help="passes over the articles; the best pass is shown")
    ap.add_argument("--crfsuite-tagger", action="store_true",
                    help="tag through CRFsuite itself instead of the cached-weights path (same tags, slower)")
    args = ap.parse_args()
    if args.crfsuite_tagger:
        from marsad.ner import model

        model.Tagger.tag = model.Tagger.tag_crfsuite
        model.Tagger.tag_sentences = lambda self, ss, consistent=True: self.tag_sentences_crfsuite(ss)
    root = Path(args.data) / "ant-corpus-multisource-2018-03"
    if not root.exists():
        print(f"no ANT corpus at {root}", file=sys.stderr)
        return 1
    recs = [r for r in iter_ant(root) if r.get("time") and r.get("title")]
    random.Random(3).shuffle(recs)
    docs = [render(r, k, random.Random(k))[0] for k, r in enumerate(recs[: args.n])]
    stages = []
    t0 = time.process_time()
    for name, target in STAGES:
        mod, fn = target.split(":")
        try:
            stages.append((name, getattr(importlib.import_module(mod), fn)))
        except ModuleNotFoundError:
            pass
    # warm up: models and lexicons load once per process, outside the timing
    for name, fn in stages:
        fn(layout(read_text(docs[0]), tz="Africa/Cairo"))
    settle()  # as `analyze` does after its first article
    load_s = time.process_time() - t0
    best: dict[str, list[float]] | None = None
    first = 0.0
    for k in range(max(1, args.repeat)):
        times, words = _pass(docs, stages)
        if k == 0:
            first = sum(map(sum, times.values()))
        if best is None or sum(map(sum, times.values())) < sum(map(sum, best.values())):
            best = times
    times = best
    _report(times, words, len(docs), load_s)
    if args.repeat > 1:
        per300 = 1000 * first / len(docs) / statistics.mean(words) * 300
        print(f"first pass (word caches cold), scaled to 300 words: {per300:.2f} ms (CPU)")
    return 0


def _pass(docs, stages) -> tuple[dict[str, list[float]], list[int]]:
    clock = time.process_time
    times: dict[str, list[float]] = {"layout": []} | {n: [] for n, _ in stages}
    words = []
    for d in docs:
        a0 = clock()
        art = layout(read_text(d), tz="Africa/Cairo")
        times["layout"].append(clock() - a0)
        words.append(len(art.text.split()))
        for name, fn in stages:
            s0 = clock()
            art = fn(art)
            times[name].append(clock() - s0)
    return times, words


def _reference() -> float:
    """CPU ms of a fixed pure-Python loop: how fast this machine runs Python right now (on a
    shared machine the same code runs slower when other jobs fight for the caches)."""
    t0 = time.process_time()
    s = 0
    for i in range(1_000_000):
        s += i
    return (time.process_time() - t0) * 1000


def _report(times, words, n_docs, load_s) -> None:
    total = [sum(ts) for ts in zip(*times.values())]
    mean_total = statistics.mean(total)
    ref = min(_reference() for _ in range(3))
    print(f"{n_docs} ANT articles, {statistics.mean(words):.0f} words on average; models loaded in {load_s:.2f} s; "
          f"reference loop (10^6 Python additions) {ref:.0f} ms of CPU")
    print("| stage | ms/article (mean) | ms/article (p95) | share |")
    print("|---|---:|---:|---:|")
    for name, ts in times.items():
        ts_sorted = sorted(ts)
        print(f"| {name} | {1000 * statistics.mean(ts):.2f} | {1000 * ts_sorted[int(0.95 * (len(ts) - 1))]:.2f} | {statistics.mean(ts) / mean_total:.0%} |")
    tot_sorted = sorted(total)
    print(f"| **all** | **{1000 * mean_total:.2f}** | {1000 * tot_sorted[int(0.95 * (len(total) - 1))]:.2f} | 100% |")
    per300 = 1000 * mean_total / statistics.mean(words) * 300
    print(f"\nscaled to a 300-word article: {per300:.2f} ms (CPU)")


if __name__ == "__main__":
    sys.exit(main())
