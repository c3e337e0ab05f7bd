"""Keywords: marsad vs YAKE (lan='ar') on the hand-tagged ANT set.

    .venv/bin/python bench/keywords.py [--ant ../shared/data/ant-corpus-multisource-2018-03]

Gold: tests/data/keywords_gold.jsonl, 30 ANT articles tagged by hand (10+ tags each,
`a|b` = alternative spellings of one tag) before either system's output was seen.
A returned keyword is a hit when, after normalisation, clitic and spelling-variant
folding and stop-word removal, it equals a gold tag ("exact"), or when one contains
the other and they differ by one word at most ("±1 word"). Each gold tag counts once.
YAKE runs at n = 3, 2 and 1 (words per keyword). Time is the keyword step alone
(tokenising included), CPU time per article, one core
(best of 3 runs; tables and models loaded before timing).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.annotate.keywords import _contains, extract  # noqa: E402
from marsad.arabic import tokenize  # noqa: E402
from marsad.article import Article, Section  # noqa: E402
from marsad.text import vocabulary as terms  # noqa: E402
from marsad.topics.ant import parse  # noqa: E402


def key(phrase: str) -> tuple[str, ...]:
    out = []
    for t in tokenize(phrase):
        if t.kind == "word":
            w = terms.content_word(t.text, t.norm)
            if w:
                out.append(w.vkey)
    return tuple(out)


def hits(pred: list[str], gold: list[str], lenient: bool) -> int:
    golds = [[key(a) for a in g.split("|")] for g in gold]
    used = set()
    n = 0
    for p in pred:
        kp = key(p)
        if not kp:
            continue
        for gi, alts in enumerate(golds):
            if gi in used:
                continue
            ok = any(kp == ka for ka in alts if ka)
            if not ok and lenient:
                ok = any(ka and abs(len(kp) - len(ka)) <= 1 and (_contains(kp, ka) or _contains(ka, kp)) for ka in alts)
            if ok:
                used.add(gi)
                n += 1
                break
    return n


def article_of(d) -> Article:
    a = Article(title=d.title, sections=[Section(paragraphs=[p.strip() for p in d.text.split("\n") if p.strip()])])
    a.rebuild_text()
    return a


def timed(fn, reps: int = 3) -> tuple[object, float]:
    best, out = float("inf"), None
    for _ in range(reps):
        t0 = time.process_time()
        out = fn()
        best = min(best, time.process_time() - t0)
    return out, best


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ant", default=str(ROOT.parent / "shared" / "data" / "ant-corpus-multisource-2018-03"))
    ap.add_argument("--gold", default=str(ROOT / "tests" / "data" / "keywords_gold.jsonl"))
    ap.add_argument("--show", action="store_true", help="print both systems' top 10 per article")
    args = ap.parse_args()
    gold = [json.loads(ln) for ln in open(args.gold, encoding="utf-8") if ln.strip()]
    docs = [parse((Path(args.ant) / g["path"]).read_text(encoding="utf-8"), g["path"]) for g in gold]

    def marsad(a, d):
        terms._tokens.cache_clear()  # time the tokenising too, as for a new article
        return [k.text for k in extract(a)][:10]

    systems = {"marsad": marsad}
    try:
        from marsad.annotate import entities as ent_stage

        def with_entities(a, d):
            terms._tokens.cache_clear()
            return [k.text for k in extract(a)][:10]

        systems["marsad, entities stage first"] = with_entities
    except ImportError:
        ent_stage = None
    try:
        import yake

        for n in (3, 2, 1):
            yk = yake.KeywordExtractor(lan="ar", n=n, top=10)
            # the title ends with a full stop so that YAKE does not join it to the first line
            systems[f"YAKE (lan='ar', n={n})"] = (
                lambda a, d, yk=yk: [k for k, _ in yk.extract_keywords(d.title + ".\n" + d.text)][:10]
            )
    except ImportError:
        print("yake is not installed (pip install -e '.[bench]'): marsad only", file=sys.stderr)

    # warm up (loads tables once, as a long-running process would have)
    for fn in systems.values():
        fn(article_of(docs[0]), docs[0])

    rows = []
    for name, fn in systems.items():
        ex = le = 0
        total_t = 0.0
        for g, d in zip(gold, docs):
            a = article_of(d)
            if name.startswith("marsad, entities") and ent_stage is not None:
                a = ent_stage.annotate(a)  # not timed: the keyword step alone is
            pred, t = timed(lambda: fn(a, d))
            total_t += t
            ex += hits(pred, g["keywords"], False)
            le += hits(pred, g["keywords"], True)
            if args.show:
                print(f"{name} | {g['path']} | {' ، '.join(pred)}")
        n = len(gold)
        rows.append((name, ex / (10 * n), le / (10 * n), 1000 * total_t / n))
    words = sum(len(d.text.split()) for d in docs) / len(docs)
    print(f"{len(gold)} hand-tagged ANT articles, {words:.0f} words on average")
    print(f"| system | P@10 exact | P@10 ±1 word | ms / article |")
    print(f"|---|---|---|---|")
    for name, ex, le, ms in rows:
        print(f"| {name} | {ex:.3f} | {le:.3f} | {ms:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
