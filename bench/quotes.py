"""Speed of the quotes and events stages (one core) over real news: ANT articles.

Each article is laid out and run through the stages before quotes/events
(entities, timex) outside the timing; then quotes and events are timed alone,
wall clock and CPU time of this process (CPU time is what to read on a busy
machine). Prints a table: ms per article (mean, p95), scaled to 300 words, and
how many quotations and events an article yields.

usage: taskset -c 0 .venv/bin/python bench/quotes.py [--data ../shared/data] [--n 500]
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

from marsad.annotate import entities, events, quotes, timex
from marsad.corpora import iter_ant
from marsad.layout import layout
from marsad.read import read_text


def _article_text(rec: dict) -> str:
    body = rec.get("paragraphs") or rec.get("text") or ""
    if isinstance(body, list):
        body = "\n\n".join(body)
    head = f"{rec.get('title', '')}\n\n" if rec.get("title") else ""
    return head + body


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[1].parent / "shared" / "data"))
    ap.add_argument("--n", type=int, default=500)
    args = ap.parse_args()
    root = Path(args.data) / "ant-corpus-multisource-2018-03"
    if not root.exists():
        print(f"no ANT corpus at {root}", file=sys.stderr)
        return 1
    recs = list(iter_ant(root))
    random.Random(5).shuffle(recs)
    arts = []
    for r in recs[: args.n]:
        a = layout(read_text(_article_text(r)), published="2018-03-01T12:00:00+00:00")
        if not a.text:
            continue
        arts.append(timex.annotate(entities.annotate(a)))
    rows = {"quotes": ([], []), "events": ([], [])}
    counts = {"quotes": 0, "events": 0}
    words = [len(a.text.split()) for a in arts]
    quotes.annotate(arts[0])
    events.annotate(arts[0])  # lexicons load once, outside the timing
    for a in arts:
        for name, fn in (("quotes", quotes.annotate), ("events", events.annotate)):
            w0, c0 = time.perf_counter(), time.process_time()
            fn(a)
            rows[name][0].append(time.perf_counter() - w0)
            rows[name][1].append(time.process_time() - c0)
        counts["quotes"] += len(a.quotes)
        counts["events"] += len(a.events)
    mw = statistics.mean(words)
    print(f"{len(arts)} ANT articles, {mw:.0f} words on average")
    print("| stage | wall ms/article (mean) | wall p95 | CPU ms/article (mean) | CPU ms per 300 words | found per article |")
    print("|---|---:|---:|---:|---:|---:|")
    tot_cpu = 0.0
    for name, (wall, cpu) in rows.items():
        ws = sorted(wall)
        mc = statistics.mean(cpu)
        tot_cpu += mc
        print(f"| {name} | {1000 * statistics.mean(wall):.2f} | {1000 * ws[int(0.95 * (len(ws) - 1))]:.2f} | "
              f"{1000 * mc:.2f} | {1000 * mc / mw * 300:.2f} | {counts[name] / len(arts):.1f} |")
    print(f"| **quotes + events** | | | {1000 * tot_cpu:.2f} | **{1000 * tot_cpu / mw * 300:.2f}** | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
