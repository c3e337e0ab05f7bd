"""Benchmark: marsad's time expressions against dateparser.search_dates on the timex gold set.

usage: .venv/bin/python bench/timex.py [GOLD.jsonl]     (needs the bench extra: pip install -e '.[bench]')

Both systems read the same sentences with the same reference time (the sentence's
publication time). A gold expression is right when an overlapping prediction has
its value; dateparser returns datetimes, which are compared at the gold's own
granularity (day, month, year, ISO week, minute; a part of day counts on its date
alone), a generous reading. Durations, sets, quarters, decades and centuries
cannot be expressed as one datetime and count as wrong for dateparser.
Speed is CPU time (time.process_time) so that other jobs on a shared machine do not
inflate it; "article" = consecutive gold sentences joined until they reach 300 words.
"""
from __future__ import annotations

import re
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.evaluation.timex import load_gold, marsad_predictor, score  # noqa: E402


def dateparser_predictor():
    try:
        from dateparser.search import search_dates
    except ImportError:
        sys.exit("bench/timex.py: dateparser is not installed (pip install -e '.[bench]')")

    def predict(text: str, published: str | None) -> list[tuple]:
        ref = datetime.fromisoformat(published).replace(tzinfo=None) if published else datetime.now()
        found = search_dates(text, languages=["ar"], settings={"RELATIVE_BASE": ref}) or []
        out, at = [], 0
        for sub, dt in found:
            k = text.find(sub, at)
            if k < 0:
                k = text.find(sub)
            if k < 0:
                continue
            at = k + len(sub)
            out.append((k, k + len(sub), "DATE", dt, None))
        return out

    return predict


def _at_granularity(v: datetime, gold: str) -> bool:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold):
        return v.date().isoformat() == gold
    if re.fullmatch(r"\d{4}-\d{2}", gold):
        return v.strftime("%Y-%m") == gold
    if re.fullmatch(r"\d{4}", gold):
        return str(v.year) == gold
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", gold):
        y, w, _ = v.isocalendar()
        return (y, w) == (int(m.group(1)), int(m.group(2)))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}.*", gold):
        return v.strftime("%Y-%m-%dT%H:%M") == gold[:16]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T[A-Z]{2}", gold):
        return v.date().isoformat() == gold[:10]
    return False


def dateparser_same(vals: list, gold) -> bool:
    vals = [v for v in vals if isinstance(v, datetime)]
    golds = gold if isinstance(gold, list) else [gold]
    return all(any(_at_granularity(v, g) for v in vals) for g in golds)


def articles(rows: list[dict], words: int = 300) -> list[tuple[str, str]]:
    out, buf, pub = [], [], None
    for row in rows + rows:
        buf.append(row["text"])
        pub = pub or row["published"]
        if sum(len(t.split()) for t in buf) >= words:
            out.append((" ".join(buf), pub))
            buf, pub = [], None
    return out


def cpu_ms(predict, items: list[tuple[str, str]], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for text, pub in items:
            predict(text, pub)
        best = min(best, time.process_time() - t0)
    return best / len(items) * 1000


def main() -> int:
    gold = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "data" / "timex_gold.jsonl"
    rows = load_gold(gold)
    sents = [(r["text"], r["published"]) for r in rows]
    arts = articles(rows)
    n_words = sum(len(a[0].split()) for a in arts) / len(arts)
    dp = dateparser_predictor()
    import dateparser

    systems = [("marsad", marsad_predictor(), None, 20),
               (f"dateparser {dateparser.__version__} search_dates", dp, dateparser_same, 1)]
    table = []
    for name, predict, same, repeat in systems:
        predict(*sents[0])  # load vocabularies and models before timing
        r = score(rows, predict, same=same) if same else score(rows, predict)
        table.append((name, r, cpu_ms(predict, sents, repeat), cpu_ms(predict, arts, repeat)))
    seed = ROOT.parent / "shared" / "fixtures" / "seed" / "article.txt"
    seed_rows = []
    if seed.exists():
        from marsad.analysis import analyze

        art = analyze(seed.read_text(encoding="utf-8"), tz="Africa/Cairo", skip=["timex", "entities", "quotes", "events", "keywords", "summary", "topics"])
        seed_rows = [(art.text, art.published)]
        seed_words = len(art.text.split())
    print(f"timex benchmark on {gold.name}: {len(rows)} sentences, {table[0][1]['gold']} gold expressions; "
          f"{len(arts)} articles of ~{n_words:.0f} words")
    print()
    print("| system | value accuracy | found (overlap) | precision | false positives | CPU ms / sentence | CPU ms / article |")
    print("|---|---|---|---|---|---|---|")
    for name, r, per_sent, per_art in table:
        print(f"| {name} | {r['value']:.3f} | {r['recall']:.3f} | {r['precision']:.3f} | {r['false_positives']} "
              f"| {per_sent:.3f} | {per_art:.3f} |")
    if seed_rows:
        print()
        print(f"real news: the seed article ({seed_words} words), CPU ms per article and scaled to 300 words")
        print()
        print("| system | CPU ms / article | CPU ms / 300 words |")
        print("|---|---|---|")
        for name, predict, _, repeat in systems:
            ms = cpu_ms(predict, seed_rows, repeat * 5)
            print(f"| {name} | {ms:.3f} | {ms / seed_words * 300:.3f} |")
    ant = ant_articles(ROOT.parent / "shared" / "data" / "ant-corpus-multisource-2018-03", 400)
    if ant:
        words = sum(len(t.split()) for t, _ in ant) / len(ant)
        print()
        print(f"real news: {len(ant)} ANT articles ({words:.0f} words on average), CPU ms per article and scaled to 300 words")
        print()
        print("| system | CPU ms / article | CPU ms / 300 words |")
        print("|---|---|---|")
        for name, predict, _, repeat in systems:
            ms = cpu_ms(predict, ant, min(repeat, 3))
            print(f"| {name} | {ms:.3f} | {ms / words * 300:.3f} |")
    return 0


def ant_articles(root: Path, n: int) -> list[tuple[str, str]]:
    """The first n ANT articles with a date (text, publication time), if the corpus is beside the project."""
    if not root.exists():
        return []
    from email.utils import parsedate_to_datetime

    from marsad.corpora import iter_ant

    out = []
    for r in iter_ant(root):
        try:
            pub = parsedate_to_datetime(r["time"]).isoformat()
        except (KeyError, TypeError, ValueError):
            continue
        if r.get("text"):
            out.append((r["text"], pub))
        if len(out) >= n:
            break
    return out


if __name__ == "__main__":
    sys.exit(main())
