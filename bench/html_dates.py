"""Publication day, title and author from real outlets' HTML: marsad against trafilatura alone.

Pages: the saved Arabic news pages in shared/data/arabic-html-fixtures (CNN Arabic three
times, Assabah) and the pages in tests/data/html, written for marsad in the markup of
Al Jazeera, Al Arabiya, BBC Arabic, Youm7, Hespress, Okaz, SANA, Sputnik, Sky News
Arabia, France 24, Masrawy, Al Khaleej, Al Riyadh, Annahar and Al Madenah News. The
expected day, title and author of each page are in tests/data/html/gold.json (hand-read
from the pages; the upstream expectations of the saved pages give no date).

marsad: read_html + layout (what `marsad analyze` reports). trafilatura alone:
`trafilatura.extract_metadata(html)` (its default: htmldate with extensive search) and
`bare_extraction(html, with_metadata=True)`. A day is right when the first ten characters
of the ISO value (the page's own calendar day) equal the expected day. For the pages
whose full body text is known (newspaper3k/4k), the share of its words that come back.

A second table: ANT articles (real titles, paragraphs and URLs of Al Arabiya, BBC Arabic,
CNN Arabic, France 24, Sky News Arabia) as bare pages with no date markup, the URL
given to both readers; expected day = the day of ANT's TIME in its own offset. It counts
right, wrong and no date: a bare page is where a reader guesses.

usage: .venv/bin/python bench/html_dates.py [--data ../shared/data] [--repeat 5] [--ant 600]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import htmldate
import trafilatura

from marsad.layout import layout
from marsad.read import html as mhtml
from marsad.read.decode import decode_bytes

ROOT = Path(__file__).resolve().parents[1]


def _norm(s: str | None) -> str | None:
    return " ".join(s.split()) if s else None


def _day(v) -> str | None:
    if not v:
        return None
    m = re.match(r"\d{4}-\d{2}-\d{2}", str(v))
    return m.group(0) if m else None


def _words_kept(gold_text: str, got_text: str) -> float:
    want = Counter(re.findall(r"\w+", gold_text))
    have = Counter(re.findall(r"\w+", got_text or ""))
    total = sum(want.values())
    return sum(min(c, have[w]) for w, c in want.items()) / total if total else 1.0


def pages(data: Path) -> list[dict]:
    gold = json.loads((ROOT / "tests/data/html/gold.json").read_text("utf-8"))
    out = []
    for name, g in gold["pages"].items():
        out.append({"name": name, "path": ROOT / "tests/data/html" / name, **g})
    fx = data / "arabic-html-fixtures"
    for name, g in gold["real_pages"].items():
        p = fx / name
        if not p.exists():
            print(f"missing {p} (skipped)", file=sys.stderr)
            continue
        rec = {"name": name, "path": p, **g}
        if g.get("body_text"):
            rec["body"] = (fx / g["body_text"]).read_text("utf-8")
        out.append(rec)
    return out


def marsad_read(html: str, extensive: bool | None = None):
    saved = dict(mhtml.DATE_PARAMS)
    if extensive is not None:
        mhtml.DATE_PARAMS["extensive_search"] = extensive
    try:
        return layout(mhtml.read_html(html))
    finally:
        mhtml.DATE_PARAMS.clear()
        mhtml.DATE_PARAMS.update(saved)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--ant", type=int, default=600, help="ANT articles as bare pages (0: skip)")
    args = ap.parse_args(argv)

    rows = []
    ms_marsad, ms_traf = [], []
    for pg in pages(Path(args.data)):
        html, _ = decode_bytes(pg["path"].read_bytes())
        t0 = time.perf_counter()
        for _ in range(args.repeat):
            art = marsad_read(html)
        ms_marsad.append((time.perf_counter() - t0) * 1000 / args.repeat)
        art_ext = marsad_read(html, extensive=not mhtml.DATE_PARAMS["extensive_search"])
        t0 = time.perf_counter()
        for _ in range(args.repeat):
            tm = trafilatura.extract_metadata(html)
        ms_traf.append((time.perf_counter() - t0) * 1000 / args.repeat)
        tb = trafilatura.bare_extraction(html, with_metadata=True)
        hd = {ext: htmldate.find_date(html, original_date=True, extensive_search=ext) for ext in (False, True)}
        row = {
            "page": pg["name"].split("/")[-1][:30],
            "real": "/" in pg["name"],
            "gold": pg["day"],
            "marsad": _day(art.published),
            "marsad_other_htmldate": _day(art_ext.published),
            "traf_meta": _day(tm.date if tm else None),
            "traf_bare": _day(tb.date if tb else None),
            "htmldate_fast": _day(hd[False]),
            "htmldate_ext": _day(hd[True]),
            "title": (_norm(art.title) == _norm(pg.get("title")), _norm(tm.title if tm else None) == _norm(pg.get("title"))),
        }
        if "author" in pg:
            row["author"] = (_norm(art.author) == _norm(pg["author"]), _norm(tm.author if tm else None) == _norm(pg["author"]))
        if "body" in pg:
            row["body"] = (_words_kept(pg["body"], art.text), _words_kept(pg["body"], (tb.text if tb else "") or ""))
        rows.append(row)

    print(f"{'page':32}{'expected':12}{'marsad':12}{'traf.meta':12}{'traf.bare':12}")
    for r in rows:
        mark = lambda d: (d or "-") + ("" if d == r["gold"] else " x")  # noqa: E731
        print(f"{r['page']:32}{r['gold']:12}{mark(r['marsad']):12}{mark(r['traf_meta']):12}{mark(r['traf_bare']):12}")
    n = len(rows)
    ok = lambda key: sum(r[key] == r["gold"] for r in rows)  # noqa: E731
    other = "on" if not mhtml.DATE_PARAMS["extensive_search"] else "off"
    print()
    print(f"pages: {n}")
    print(f"publication day right: marsad {ok('marsad')}/{n}, trafilatura extract_metadata {ok('traf_meta')}/{n}, "
          f"trafilatura bare_extraction {ok('traf_bare')}/{n}")
    print(f"  (marsad with htmldate extensive search {other}: {ok('marsad_other_htmldate')}/{n}; htmldate alone, "
          f"original date, extensive search off {ok('htmldate_fast')}/{n}, on {ok('htmldate_ext')}/{n})")
    real = [r for r in rows if r["real"]]
    print(f"  saved real pages only ({len(real)}): marsad {sum(r['marsad'] == r['gold'] for r in real)}, "
          f"trafilatura {sum(r['traf_meta'] == r['gold'] for r in real)}")
    t = [r["title"] for r in rows]
    print(f"title right: marsad {sum(a for a, _ in t)}/{len(t)}, trafilatura {sum(b for _, b in t)}/{len(t)}")
    a = [r["author"] for r in rows if "author" in r]
    print(f"author right: marsad {sum(x for x, _ in a)}/{len(a)}, trafilatura {sum(y for _, y in a)}/{len(a)}")
    b = [r["body"] for r in rows if "body" in r]
    if b:
        print(f"body words kept (pages with full expected text, {len(b)}): marsad {sum(x for x, _ in b) / len(b):.1%}, "
              f"trafilatura {sum(y for _, y in b) / len(b):.1%}")
    print(f"ms per page: marsad read+layout {sum(ms_marsad) / n:.1f} (max {max(ms_marsad):.1f}), "
          f"trafilatura extract_metadata alone {sum(ms_traf) / n:.1f}")
    if args.ant:
        ant_table(Path(args.data), args.ant)
    return 0


BARE = "<html><head><title>{t}</title><link rel='canonical' href='{u}'></head><body><article><h1>{t}</h1>{p}</article></body></html>"


def ant_table(data: Path, n: int) -> None:
    from email.utils import parsedate_to_datetime

    from marsad.corpora import iter_ant

    recs = list(iter_ant(data / "ant-corpus-multisource-2018-03"))
    step = max(1, len(recs) // n)
    recs = recs[::step][:n]
    tally = {k: Counter() for k in ("marsad", "trafilatura")}
    by_src = {}
    for r in recs:
        gold = parsedate_to_datetime(r["time"]).date().isoformat()
        html = BARE.format(t=r["title"], u=r["url"], p="".join(f"<p>{p}</p>" for p in r["paragraphs"]))
        got = {"marsad": _day(layout(mhtml.read_html(html, url=r["url"])).published)}
        tm = trafilatura.extract_metadata(html, default_url=r["url"])
        got["trafilatura"] = _day(tm.date if tm else None)
        for k, v in got.items():
            verdict = "none" if v is None else "right" if v == gold else "wrong"
            tally[k][verdict] += 1
            by_src.setdefault((r["src"], k), Counter())[verdict] += 1
    print()
    print(f"ANT articles as bare pages (title, paragraphs, URL; no date markup): {len(recs)}")
    for k, c in tally.items():
        print(f"  {k:12} right {c['right']:4}  wrong {c['wrong']:4}  no date {c['none']:4}")
    for src in sorted({s for s, _ in by_src}):
        cells = "  ".join(f"{k} {by_src[(src, k)]['right']}/{by_src[(src, k)]['wrong']}/{by_src[(src, k)]['none']}" for k in tally)
        print(f"    {src:10} (right/wrong/none)  {cells}")


if __name__ == "__main__":
    sys.exit(main())
