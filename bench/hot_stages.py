"""CPU time of the two heaviest stages (entities with the NER tagger, keywords) alone.

The articles are read and laid out outside the timing; each pass lays them out afresh
and times `entities` then `keywords` over all of them; the best of `--passes` is shown,
so the figure moves less with the load of other jobs than the whole-pipeline bench.
To compare with an older commit, export its `src` and put it first on the path:

    git archive COMMIT src | tar -x -C /tmp/old
    PYTHONPATH=/tmp/old/src taskset -c 1 .venv/bin/python bench/hot_stages.py

usage: taskset -c 1 .venv/bin/python bench/hot_stages.py [--data ../shared/data] [--n 300] [--passes 7]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from layout import render  # noqa: E402  (the same rendering as bench/layout.py)

from marsad.annotate import entities, keywords  # noqa: E402
from marsad.annotate.pipeline import settle  # noqa: E402
from marsad.corpora import iter_ant  # noqa: E402
from marsad.layout import layout  # noqa: E402
from marsad.read import read_text  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[1].parent / "shared" / "data"))
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--passes", type=int, default=7)
    args = ap.parse_args()
    root = Path(args.data) / "ant-corpus-multisource-2018-03"
    if not root.exists():
        print(f"no ANT corpus at {root}", file=sys.stderr)
        return 1
    recs = [r for r in iter_ant(root) if r.get("time") and r.get("title")]
    random.Random(3).shuffle(recs)
    raws = [read_text(render(r, k, random.Random(k))[0]) for k, r in enumerate(recs[: args.n])]
    for a in [layout(r, tz="Africa/Cairo") for r in raws]:  # warm: models, lexicons, word caches
        keywords.annotate(entities.annotate(a))
    settle()
    best_e = best_k = float("inf")
    for _ in range(max(1, args.passes)):
        arts = [layout(r, tz="Africa/Cairo") for r in raws]
        t = time.process_time()
        for a in arts:
            entities.annotate(a)
        best_e = min(best_e, time.process_time() - t)
        t = time.process_time()
        for a in arts:
            keywords.annotate(a)
        best_k = min(best_k, time.process_time() - t)
    n = len(raws)
    print(f"{n} ANT articles, best of {args.passes} passes, CPU ms per article")
    print("| stage | ms/article |\n|---|---:|")
    print(f"| entities | {1000 * best_e / n:.2f} |\n| keywords | {1000 * best_k / n:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
