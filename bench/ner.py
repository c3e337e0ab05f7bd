"""NER tagger benchmark: load time, memory and tagging speed on one core.

    .venv/bin/python bench/ner.py [--data ../shared/data/anercorp/train.txt] [--model PATH]

Tags the sentences of a CoNLL file (default: the ANERcorp dev split, or built-in sentences
without ../shared) twice: the first pass includes filling the per-word feature cache, the
second is the steady state of a long-running process.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

FALLBACK = [
    "وقال الرئيس الروسي فلاديمير بوتين في موسكو إن روسيا لن تتراجع عن مواقفها".split(),
    "وأعلنت وزارة الخارجية الأمريكية أن الأمم المتحدة ستعقد اجتماعا في جنيف الأسبوع المقبل".split(),
    "والتقى وزير الخارجية المصري سامح شكري نظيره الأردني في عمان لبحث الأوضاع في غزة".split(),
]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "anercorp" / "train.txt"))
    ap.add_argument("--model", default=None)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    import pycrfsuite  # noqa: F401  (import cost is not model load time)

    from marsad.ner import DEFAULT_MODEL, load_tagger
    from marsad.ner.data import read_conll
    from marsad.ner.split import anercorp_split

    if Path(args.data).exists():
        _, dev = anercorp_split(list(read_conll(args.data)))
        sents = [t for t, _ in dev]
        source = f"ANERcorp dev split ({args.data})"
    else:
        sents = FALLBACK * 200
        source = "built-in sentences"
    m0 = rss_mb()
    t = time.perf_counter()
    tagger = load_tagger(args.model or DEFAULT_MODEL)
    load = time.perf_counter() - t
    m1 = rss_mb()
    n = sum(map(len, sents))
    rows = []
    for label in ("first pass (cold feature cache)", "second pass (warm cache)"):
        t, c = time.perf_counter(), time.process_time()
        for s in sents:
            tagger.tag(s)
        dt, dc = time.perf_counter() - t, time.process_time() - c
        rows.append((label, n / dt, n / dc))
    # the document-level consistency pass that `tag_sentences` adds, on the tags alone
    from marsad.ner.postprocess import consistent

    tags = [tagger.tag(s) for s in sents]
    for label in ("consistency pass (postprocess), first", "consistency pass (postprocess), second"):
        c = time.process_time()
        consistent(sents, tags)
        rows.append((label, None, n / (time.process_time() - c)))
    size = sum(f.stat().st_size for f in Path(args.model or DEFAULT_MODEL).iterdir()) / 2**20
    print(f"data: {source}, {len(sents)} sentences, {n} tokens; one core; load average {os.getloadavg()[0]:.1f}")
    print(f"{'measure':<58} {'value':>12}")
    print(f"{'model load time (s)':<58} {load:12.3f}")
    print(f"{'model on disk (MB)':<58} {size:12.1f}")
    print(f"{'memory added by the model (MB)':<58} {m1 - m0:12.1f}")
    # CPU time is what one core spends whatever else shares the machine; wall time is what
    # this run saw (lower when other processes compete for the core)
    for label, speed, cpu_speed in rows:
        print(f"{'tokens/s per CPU second, ' + label:<58} {cpu_speed:12,.0f}")
        if speed is not None:
            print(f"{'tokens/s wall clock, ' + label:<58} {speed:12,.0f}")
    print(f"{'peak RSS after tagging (MB)':<58} {rss_mb():12.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
