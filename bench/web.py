"""Latency of the REST API and the web pages over a corpus, in-process (no network), one client.

Builds a corpus from N ANT articles (analysed with every stage this build has) unless --db
names one, then times each endpoint R times with rotating queries and prints a table of
p50/p95 milliseconds per request.

usage: nice .venv/bin/python bench/web.py [--db URL] [--data ../shared/data] [--n 1000] [--repeat 50]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote


def build(db: str, data: Path, n: int) -> None:
    from marsad.corpora import iter_ant
    from marsad.corpus import Corpus

    src = Path(tempfile.mkdtemp()) / "ant.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for i, rec in enumerate(iter_ant(data / "ant-corpus-multisource-2018-03")):
            if i >= n:
                break
            fh.write(json.dumps({"id": rec["docno"], "url": rec["url"], "title": rec["title"], "published": rec["time"],
                                 "source": rec["src"], "text": rec["text"]}, ensure_ascii=False) + "\n")
    with Corpus(db) as c:
        rep = c.ingest([str(src)], workers=1)
    print(f"built {db}: {rep.added} articles in {rep.seconds:.0f} s", file=sys.stderr)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[1].parent / "shared" / "data"))
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=50)
    args = ap.parse_args()
    db = args.db
    if not db:
        db = str(Path(tempfile.mkdtemp()) / "bench-web.db")
        build(db, Path(args.data), args.n)

    from fastapi.testclient import TestClient

    from marsad.web.app import create_app

    app = create_app(db=db)
    be = app.state.backend
    stats = be.stats()
    ents = be.entities("", limit=20)["results"]
    names = [e["name_ar"] or e["name"] for e in ents] or ["مصر"]
    ids = [e["id"] for e in ents] or ["x"]
    arts = [h["id"] for h in be.search("", limit=20)["results"]] or ["x"]
    words = ["الحكومة", "الرئيس", "الاقتصاد", "مصر", "الانتخابات", "النفط", "وزير الخارجية", "الأمم المتحدة"]
    cases = {
        "GET /api/search?q=": lambda i: f"/api/search?q={quote(words[i % len(words)])}",
        "GET /api/search?entity=": lambda i: f"/api/search?entity={quote(names[i % len(names)])}",
        "GET /api/articles/{id}": lambda i: f"/api/articles/{quote(arts[i % len(arts)])}",
        "GET /api/entities?q=": lambda i: f"/api/entities?q={quote(names[i % len(names)])}",
        "GET /api/entities/{id}": lambda i: f"/api/entities/{quote(ids[i % len(ids)])}",
        "GET /api/quotes": lambda i: "/api/quotes",
        "GET /api/events": lambda i: "/api/events",
        "GET /api/stories": lambda i: "/api/stories",
        "GET /api/trends": lambda i: f"/api/trends?name={quote(names[i % len(names)])}&by=week",
        "page /?q= (search)": lambda i: f"/?q={quote(words[i % len(words)])}",
        "page /articles/{id}": lambda i: f"/articles/{quote(arts[i % len(arts)])}",
        "page /entities/{id}": lambda i: f"/entities/{quote(ids[i % len(ids)])}",
        "page /trends": lambda i: f"/trends?names={quote(','.join(names[:3]))}",
    }
    print(f"corpus: {stats['articles']} articles, {stats['entities']} entities, {stats['quotations']} quotations")
    print(f"{'request':28} {'p50 ms':>8} {'p95 ms':>8}")
    with TestClient(app) as client:
        for label, url in cases.items():
            client.get(url(0))  # warm
            times = []
            for i in range(args.repeat):
                t = time.perf_counter()
                r = client.get(url(i))
                times.append((time.perf_counter() - t) * 1000)
                if r.status_code >= 500:
                    print(f"{label}: server error {r.status_code}", file=sys.stderr)
                    return 1
            times.sort()
            p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
            print(f"{label:28} {statistics.median(times):8.1f} {p95:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
