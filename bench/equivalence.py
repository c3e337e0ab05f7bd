"""Outputs unchanged: this checkout against an earlier commit, on the same inputs.

    python bench/equivalence.py --before REF [--n 1000] [--store-n 2000] [--pg URL]

REF (a commit, tag or branch) is checked out into a temporary git worktree and run with
its own `src/` on the same Python; this checkout runs with its own. Both are asked:

1. `marsad analyze --format jsonl` over N ANT articles (the raw TREC files, a fixed
   sample) and over the outlet gallery (27 styles as text scrapes and HTML pages, written
   once by REF's gallery code), and the seed article as json and as text: compared byte
   for byte.
2. `marsad ingest` of STORE_N JSON Lines records (a fixed sample of ANT and
   SaudiNewsNet, read as in bench/corpus.py) into a fresh SQLite store (and PostgreSQL with --pg), then a fixed
   set of reads through the Python `Corpus` and the REST API: stats, 80 searches (some
   with entity, source and date filters), the 40 most mentioned entities' profiles,
   quotations, events and trends by day and week, and the stories. Compared as JSON.

Prints a table (part, items, identical) and the first differences; exits 1 on any.
"""
from __future__ import annotations

import argparse
import difflib
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SEED = ROOT.parent / "shared" / "fixtures" / "seed" / "article.txt"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import base_records, queries  # noqa: E402  (the same records as bench/corpus.py)

# Run inside each version (its own src on PYTHONPATH): reads a store, prints one JSON object.
READS = r'''
import json, sys
from marsad.corpus import Corpus
try:
    from marsad.web.app import create_app
except ImportError:
    from marsad.api import create_app
from fastapi.testclient import TestClient

url, qfile = sys.argv[1], sys.argv[2]
qs = json.load(open(qfile, encoding="utf-8"))
out = {}
def d(x):
    if isinstance(x, list):
        return [d(i) for i in x]
    return x.to_dict() if hasattr(x, "to_dict") else x
with Corpus(url) as c:
    out["stats"] = c.stats()
    names = []
    client = TestClient(create_app(db=url))
    ents = client.get("/api/entities", params={"limit": 40}).json()
    out["rest_entities"] = ents
    names = [e.get("name") or e.get("id") for e in ents.get("results", [])]
    srcs = sorted({h.source for h in c.search("", limit=200) if h.source})[:3]
    for i, q in enumerate(qs):
        kw = {}
        if i % 5 == 1 and names:
            kw["entity"] = names[i % len(names)]
        if i % 7 == 2 and srcs:
            kw["source"] = srcs[i % len(srcs)]
        if i % 9 == 3:
            kw.update(date_from="2015-01-01", date_to="2017-12-31")
        out[f"search {i} {q} {sorted(kw.items())}"] = d(c.search(q, limit=10, **kw))
        rest = {"q": q, "limit": 10, **{({"date_from": "from", "date_to": "to"}).get(k, k): v for k, v in kw.items()}}
        out[f"rest search {i}"] = client.get("/api/search", params=rest).json()
    for n in names:
        out[f"entity {n}"] = d(c.entity(n))
        out[f"resolve {n}"] = d(c.resolve(n))
        out[f"quotes {n}"] = d(c.quotes(speaker=n, limit=20))
        out[f"quotes about {n}"] = d(c.quotes(about=n, limit=20))
        out[f"events {n}"] = d(c.events(actor=n, limit=20))
    for ent in ents.get("results", [])[:10]:
        out[f"rest entity {ent.get('id')}"] = client.get("/api/entities/" + str(ent.get("id"))).json()
    for by in ("day", "week"):
        out[f"trends {by}"] = d(c.trends(names[:6], by=by))
        out[f"rest trends {by}"] = client.get("/api/trends", params={"name": names[:3], "by": by}).json()
    out["quotes"] = d(c.quotes(limit=100))
    out["events"] = d(c.events(limit=100))
    out["stories"] = d(c.stories(limit=100))
    out["stories cross"] = d(c.stories(limit=100, cross_source=True))
    out["rest stories"] = client.get("/api/stories", params={"limit": 50}).json()
    out["rest quotes"] = client.get("/api/quotes", params={"limit": 50}).json()
    out["rest events"] = client.get("/api/events", params={"limit": 50}).json()
    out["rest stats"] = client.get("/api/stats").json()
    for page, params in (("/", {}), ("/search", {"q": qs[0]}), ("/search", {"q": qs[1], "from": "2016-01-01"}),
                         ("/quotes", {}), ("/stories", {}), ("/trends", {"name": names[:2]})):
        out[f"page {page} {params}"] = client.get(page, params=params).text
print(json.dumps(out, ensure_ascii=False, sort_keys=True, indent=1, default=str))
'''


def run(src: Path, args: list[str], **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
    p = subprocess.run([sys.executable, *args], env=env, capture_output=True, **kw)
    if p.returncode != 0:
        sys.exit(f"equivalence: {' '.join(args[:3])}… failed under {src}:\n{p.stderr[-3000:]}")
    return p


def write_gallery(src: Path, outdir: Path, per_style: int) -> list[str]:
    """Outlet-gallery pages (every style as a text scrape and as HTML, in several encodings),
    written once by the given version's gallery code, so both versions lay out the same bytes."""
    code = ("import sys; from marsad.evaluation.gallery import build_gallery, write_gallery; "
            f"write_gallery(build_gallery(sys.argv[1], per_style={per_style}, seed=4), sys.argv[2])")
    run(src, ["-c", code, str(DATA / "ant-corpus-multisource-2018-03"), str(outdir)])
    return sorted(str(p) for p in outdir.iterdir() if p.name != "gold.jsonl")


def analyze_outputs(src: Path, files: list[str], gallery: list[str]) -> dict[str, bytes]:
    cli = ["-m", "marsad.cli", "analyze"]
    return {
        "analyze ANT jsonl": run(src, [*cli, "--format", "jsonl", *files]).stdout,
        "analyze gallery jsonl": run(src, [*cli, "--format", "jsonl", *gallery]).stdout,
        "analyze seed json": run(src, [*cli, "--format", "json", str(SEED)]).stdout,
        "analyze seed text": run(src, [*cli, "--format", "text", str(SEED)]).stdout,
    }


def store_reads(src: Path, inputs: list[str], url: str, qfile: Path, tmp: Path) -> dict:
    run(src, ["-m", "marsad.cli", "ingest", *inputs, "--db", url, "--workers", "2", "--quiet"])
    script = tmp / "reads.py"
    script.write_text(READS, encoding="utf-8")
    return json.loads(run(src, [str(script), url, str(qfile)]).stdout)


def reset_pg(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def first_diff(a: str, b: str, limit: int = 12) -> str:
    lines = list(difflib.unified_diff(a.splitlines(), b.splitlines(), "before", "after", lineterm="", n=1))
    return "\n".join(x[:300] for x in lines[:limit])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--before", required=True, help="git commit (or tag, branch) to compare against")
    ap.add_argument("--n", type=int, default=1000, help="ANT articles for analyze")
    ap.add_argument("--gallery-per-style", type=int, default=4, help="gallery pages per style and kind")
    ap.add_argument("--store-n", type=int, default=2000, help="articles in the store")
    ap.add_argument("--dump", default=None, help="write both versions' outputs here (before.json, after.json)")
    ap.add_argument("--pg", default=None, help="also compare on this PostgreSQL database (it is emptied)")
    args = ap.parse_args()
    ant = sorted(p for p in (DATA / "ant-corpus-multisource-2018-03").rglob("*.txt")
                 if not p.name.startswith(("LICENSE", "README", "SOURCE")))
    if not ant:
        sys.exit(f"equivalence: no ANT corpus under {DATA}")
    files = [str(p) for p in random.Random(15).sample(ant, min(args.n, len(ant)))]
    with tempfile.TemporaryDirectory(prefix="marsad-eq-") as t:
        tmp = Path(t)
        old = tmp / "before"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(old), args.before], check=True)
        try:
            versions = {"before": old / "src", "after": ROOT / "src"}
            recs = random.Random(15).sample(base_records(), args.store_n)
            inputs = [str(tmp / "store.jsonl")]
            Path(inputs[0]).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), "utf-8")
            titles = [r["title"] for r in recs if r.get("title")]
            qfile = tmp / "queries.json"
            qfile.write_text(json.dumps(queries(titles, 80), ensure_ascii=False), encoding="utf-8")
            gallery = write_gallery(versions["before"], tmp / "gallery", args.gallery_per_style)
            got: dict[str, dict[str, str]] = {"before": {}, "after": {}}
            for name, src in versions.items():
                for part, data in analyze_outputs(src, files, gallery).items():
                    got[name][part] = data.decode("utf-8", "replace")
                reads = store_reads(src, inputs, str(tmp / f"{name}.db"), qfile, tmp)
                got[name].update({f"sqlite: {k}": json.dumps(v, ensure_ascii=False, indent=1) for k, v in reads.items()})
                if args.pg:
                    reset_pg(args.pg)
                    reads = store_reads(src, inputs, args.pg, qfile, tmp)
                    got[name].update({f"postgres: {k}": json.dumps(v, ensure_ascii=False, indent=1)
                                      for k, v in reads.items()})
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)], check=False)
    if args.dump:
        Path(args.dump).mkdir(parents=True, exist_ok=True)
        for name in got:
            (Path(args.dump) / f"{name}.json").write_text(json.dumps(got[name], ensure_ascii=False, indent=1), "utf-8")
    parts: dict[str, list[int]] = {}
    diffs = []
    for key in sorted(set(got["before"]) | set(got["after"])):
        a, b = got["before"].get(key), got["after"].get(key)
        part = key.split(" ")[0] if not key.startswith(("sqlite", "postgres")) else " ".join(key.split(" ")[:2])
        if key.startswith("analyze"):
            part = key
        tally = parts.setdefault(part, [0, 0])
        tally[0] += 1
        if a == b:
            tally[1] += 1
        elif len(diffs) < 5:
            diffs.append(f"## {key}\n" + first_diff(a or "", b or ""))
    n_lines = got["after"]["analyze ANT jsonl"].count("\n")
    print(f"before {args.before}, after this checkout; {n_lines} ANT articles analysed, {args.store_n} stored\n")
    print("| part | items | identical |\n|---|---:|---:|")
    for part, (n, same) in parts.items():
        print(f"| {part} | {n} | {same} |")
    for d in diffs:
        print("\n" + d)
    return 0 if all(n == same for n, same in parts.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
