"""Time per article of the text stages (keywords, summary, topics) on ~300-word articles.

    .venv/bin/python bench/text.py [--ant ../shared/data/ant-corpus-multisource-2018-03] [--n 100]

Articles: the first --n ANT articles (sorted by path) of 250-350 words, laid out with
marsad's own layout; each stage is run on all of them once to warm up (tables and
model load once per process), then timed over 5 rounds, the stages one after the other
on each article as the pipeline runs them (the first pays for tokenising the body); the table shows the median
per article (ms of CPU time, one core). The budget for the three stages together is 2 ms.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.annotate import keywords, summary, topics  # noqa: E402
from marsad.article import Article, Section  # noqa: E402
from marsad.topics.ant import read_dir  # noqa: E402


def _reference() -> float:
    """CPU ms of a fixed pure-Python loop: shows how fast this machine runs Python right now
    (on a shared machine the same code runs slower when other jobs fight for the cache)."""
    t0 = time.process_time()
    s = 0
    for i in range(1_000_000):
        s += i
    return (time.process_time() - t0) * 1000


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ant", default=str(ROOT.parent / "shared" / "data" / "ant-corpus-multisource-2018-03"))
    ap.add_argument("--n", type=int, default=100)
    args = ap.parse_args()
    arts = []
    for d in read_dir(args.ant):
        if 250 <= len(d.text.split()) <= 350:
            a = Article(title=d.title, sections=[Section(paragraphs=[p for p in d.text.split("\n") if p.strip()])])
            a.rebuild_text()
            arts.append(a)
            if len(arts) >= args.n:
                break
    stages = [("keywords", keywords.annotate), ("summary", summary.annotate), ("topics", topics.annotate)]
    for _, fn in stages:
        for a in arts:
            fn(a)
    per = {name: [] for name, _ in stages}
    pc = time.process_time  # CPU time of this process: other jobs on the machine do not count
    for _ in range(5):
        acc = {name: 0.0 for name, _ in stages}
        for a in arts:
            a = Article(title=a.title, sections=a.sections, text=a.text)  # fresh text object: no cached tokens
            for name, fn in stages:  # stage after stage on one article, as the pipeline runs them
                t0 = pc()
                fn(a)
                acc[name] += pc() - t0
        for name in acc:
            per[name].append(acc[name] / len(arts) * 1000)
    words = sum(len(a.text.split()) for a in arts) / len(arts)
    ref = min(_reference() for _ in range(3))
    print(f"{len(arts)} ANT articles, {words:.0f} words on average; "
          f"reference loop (10^6 Python additions) {ref:.0f} ms of CPU on this machine now")
    print("| stage | ms / article (median of 5) |")
    print("|---|---|")
    total = 0.0
    for name, _ in stages:
        m = statistics.median(per[name])
        total += m
        print(f"| {name} | {m:.3f} |")
    print(f"| **total** | **{total:.3f}** |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
