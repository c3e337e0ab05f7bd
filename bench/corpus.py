"""Corpus benchmark: ingest throughput with analysis, peak memory, store size, search latency.

    python bench/corpus.py --n 100000 --workers 2 [--pg postgresql://…]

Input: the news corpora in ../shared/data (ANT multi-source news and SaudiNewsNet,
which is allowed for benchmarks), repeated with small variations (new id and URL, a
changed closing line, paragraphs rotated) until there are N articles. They are written
as JSON Lines files to a temporary directory and ingested by the `marsad ingest`
command in a subprocess, exactly as a user would; peak memory is the largest summed
RSS of that process and its workers (which counts the pages they share once per process)
and, beside it, the largest summed PSS (shared pages divided among their sharers: the
memory the ingest really holds). CPU is the ingest process's and its workers', and
beside it a local PostgreSQL server's (its processes on this machine). Search latency
is measured in-process over a fixed set of 200 queries (1-3 words drawn with a fixed
seed from the titles), 10 results each with snippets. PostgreSQL runs when --pg or MARSAD_TEST_PG gives a URL.
Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
_ANT_FIELD = re.compile(r"<(DOCNO|URL|SRC|TITLE|TIME|TEXT|ABSTRACT)>\s*(.*?)\s*</\1>", re.S)


def ant_records():
    base = DATA / "ant-corpus-multisource-2018-03"
    for p in sorted(base.rglob("*.txt")):
        if p.name.startswith(("LICENSE", "README")):
            continue
        raw = p.read_text(encoding="utf-8", errors="replace")
        f = {k: v for k, v in _ANT_FIELD.findall(raw)}
        text = f.get("TEXT") or f.get("ABSTRACT")
        if not text:
            continue
        yield {"id": f.get("DOCNO", p.stem), "url": f.get("URL"), "title": f.get("TITLE"), "published": f.get("TIME"),
               "source": f.get("SRC"), "text": text}


def saudinewsnet_records():
    for z in sorted((DATA / "saudinewsnet-2015-08").glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                for i, r in enumerate(json.loads(zf.read(name).decode("utf-8"))):
                    if r.get("content"):
                        yield {"id": f"snn-{z.stem}-{i}", "url": r.get("url"), "title": r.get("title"),
                               "published": r.get("date_extracted"), "source": r.get("source"), "text": r["content"]}


def base_records() -> list[dict]:
    recs = list(ant_records()) + list(saudinewsnet_records())
    if not recs:
        sys.exit(f"bench: no corpora under {DATA}")
    return recs


def variant(r: dict, k: int) -> dict:
    if k == 0:
        return r
    paras = [p for p in r["text"].split("\n") if p.strip()]
    if len(paras) > 2:
        j = k % len(paras)
        paras = paras[:1] + paras[1:][j - 1:] + paras[1:][:j - 1]
    paras.append(f"(نسخة محدثة رقم {k})")
    return {**r, "id": f"{r['id']}~{k}", "url": (r.get("url") or "") + f"#v{k}", "text": "\n\n".join(paras)}


def write_input(n: int, outdir: Path, per_file: int = 5000) -> tuple[list[str], list[str]]:
    base = base_records()
    files, titles, f, written = [], [], None, 0
    for i in range(n):
        if written % per_file == 0:
            if f:
                f.close()
            files.append(str(outdir / f"part-{len(files):04d}.jsonl"))
            f = open(files[-1], "w", encoding="utf-8")
        r = variant(base[i % len(base)], i // len(base))
        if i < len(base) and r.get("title"):
            titles.append(r["title"])
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
        written += 1
    if f:
        f.close()
    return files, titles


def queries(titles: list[str], count: int = 200) -> list[str]:
    rng = random.Random(7)
    words = [w for t in titles for w in re.findall(r"[\u0621-\u064a]{3,}", t)]
    out = []
    while len(out) < count:
        k = rng.choice((1, 1, 2, 2, 3))
        out.append(" ".join(rng.choice(words) for _ in range(k)))
    return out


def tree_memory(pid: int, pss: bool = True) -> tuple[int, int]:
    """Summed RSS and PSS (bytes; PSS 0 unless asked) of a process and its descendants,
    from /proc. PSS comes from smaps_rollup, which costs the kernel a walk of every mapping,
    so the caller asks for it less often than for RSS."""
    rss_sum = pss_sum = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        rss_sum += int(line.split()[1]) * 1024
            if pss:
                with open(f"/proc/{p}/smaps_rollup") as fh:
                    for line in fh:
                        if line.startswith("Pss:"):
                            pss_sum += int(line.split()[1]) * 1024
            for t in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{t}/children") as fh:
                    todo += [int(x) for x in fh.read().split()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return rss_sum, pss_sum


def server_cpu() -> float:
    """CPU seconds used so far by the PostgreSQL processes on this machine (0 when there are
    none: a remote server's work is not seen)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open(f"/proc/{p}/stat") as fh:
                stat = fh.read()
        except OSError:
            continue
        if not stat[stat.index("(") + 1:stat.rindex(")")].startswith("postgres"):
            continue
        f = stat[stat.rindex(")") + 2:].split()
        total += sum(int(x) for x in f[11:15])  # utime, stime and those of reaped children
    return total / tick


def run_ingest(files: list[str], url: str, workers: int) -> tuple[float, float, float, tuple[int, int], dict]:
    cmd = [sys.executable, "-m", "marsad.cli", "ingest", *files, "--db", url, "--workers", str(workers),
           "--quiet", "--format", "json"]
    import resource

    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    server0 = server_cpu()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = (0, 0)
    tick = 0
    while proc.poll() is None:
        rss, pss = tree_memory(proc.pid, pss=tick % 8 == 0)  # PSS every 2 s
        peak = (max(peak[0], rss), max(peak[1], pss))
        tick += 1
        time.sleep(0.25)
    out, err = proc.communicate()
    secs = time.perf_counter() - t0
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)  # the ingest process and its workers, once reaped
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    server = server_cpu() - server0
    if proc.returncode != 0:
        sys.exit(f"bench: ingest failed: {err[-2000:]}")
    return secs, cpu, server, peak, json.loads(out)


def search_latency(url: str, qs: list[str]) -> tuple[float, float, float]:
    from marsad.corpus import Corpus

    with Corpus(url) as c:
        for q in qs[:10]:  # warm the caches as a running server would be
            c.search(q, limit=10)
        times, found = [], 0
        for q in qs:
            t0 = time.perf_counter()
            hits = c.search(q, limit=10)
            times.append((time.perf_counter() - t0) * 1000)
            found += bool(hits)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], found / len(qs)


def load_from(args) -> int:
    import resource

    from marsad.corpus import Corpus

    if not args.pg:
        sys.exit("bench: --load-from needs --pg URL")
    titles = [r["title"] for r in base_records() if r.get("title")]
    qs = queries(titles)
    with Corpus(args.load_from) as src, Corpus(args.pg) as dst:
        t0 = time.perf_counter()
        rep = dst.add(src.articles(), batch_size=500)
        secs = time.perf_counter() - t0
        size = dst.size_bytes()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    p50, p95, hr = search_latency(args.pg, qs)
    print(f"PostgreSQL loaded from {args.load_from} (already analysed: no analysis time); "
          f"load average at the end: {os.getloadavg()[0]:.1f}\n")
    print("| store | articles | load s | articles/s (store only) | peak memory | store size | search p50 | search p95 | queries with hits |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| PostgreSQL | {rep.added:,} | {secs:.0f} | {rep.added / secs:.0f} | {peak / 2**20:.0f} MB | {size / 2**20:.0f} MB | "
          f"{p50:.1f} ms | {p95:.1f} ms | {hr:.0%} |")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="articles (default 100000)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--pg", default=os.environ.get("MARSAD_BENCH_PG") or os.environ.get("MARSAD_TEST_PG"),
                    help="PostgreSQL URL (an empty database or schema); omitted: SQLite only")
    ap.add_argument("--only", choices=["sqlite", "postgresql"], help="run one store")
    ap.add_argument("--load-from", metavar="DB", help="no analysis: copy the analysed articles of this SQLite corpus "
                    "into the PostgreSQL store (Corpus.add), then time search; measures the store at scale")
    ap.add_argument("--search-only", metavar="URL", help="only time the 200 queries against an existing corpus")
    args = ap.parse_args()
    if args.search_only:
        titles = [r["title"] for r in base_records() if r.get("title")]
        p50, p95, hr = search_latency(args.search_only, queries(titles))
        print(f"search over {args.search_only}: p50 {p50:.1f} ms, p95 {p95:.1f} ms, queries with hits {hr:.0%} "
              f"(load average {os.getloadavg()[0]:.1f})")
        return 0
    if args.load_from:
        return load_from(args)
    from marsad.annotate import pipeline

    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp:
        tmpd = Path(tmp)
        files, titles = write_input(args.n, tmpd)
        qs = queries(titles)
        stores = []
        if args.only != "postgresql":
            stores.append(("SQLite", str(tmpd / "bench.db")))
        if args.pg and args.only != "sqlite":
            stores.append(("PostgreSQL", args.pg))
        rows = []
        for name, url in stores:
            secs, cpu, server, peak, rep = run_ingest(files, url, args.workers)
            from marsad.corpus import Corpus

            with Corpus(url) as c:
                size = c.size_bytes()
            p50, p95, hit_rate = search_latency(url, qs)
            done = max(1, rep["added"] + rep["failed"] + rep["skipped"])
            server_ms = server * 1000 / done if name == "PostgreSQL" else None  # SQLite runs in the ingest process
            cpu_ms = cpu * 1000 / done
            rows.append((name, rep["added"], rep["failed"], secs, rep["added"] / secs, cpu_ms, server_ms,
                         args.workers * 1000 / (cpu_ms + (server_ms or 0)), peak, size, p50, p95, hit_rate))
    print(f"stages: layout, {', '.join(pipeline.available()) or '(none)'}; workers: {args.workers}; "
          f"cores: {os.cpu_count()}; articles asked: {args.n}\n")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (the machine may be shared: CPU ms/article is the "
          "figure that does not depend on it; articles/s on 2 free cores = 2000 / CPU ms per article, the ingest's "
          "and a local PostgreSQL server's)\n")
    print("| store | articles | failed | wall s | articles/s (wall) | CPU ms/article (ingest) | CPU ms/article (server) | "
          f"articles/s (CPU-bound, {args.workers} cores) | peak memory (RSS sum) | peak memory (PSS sum) | store size | "
          "search p50 | search p95 | queries with hits |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, n, failed, secs, rate, cpu_ms, server_ms, cpu_rate, peak, size, p50, p95, hr in rows:
        server_txt = "–" if server_ms is None else f"{server_ms:.1f}"
        print(f"| {name} | {n:,} | {failed} | {secs:.0f} | {rate:.0f} | {cpu_ms:.1f} | {server_txt} | {cpu_rate:.0f} | "
              f"{peak[0] / 2**20:.0f} MB | {peak[1] / 2**20:.0f} MB | {size / 2**20:.0f} MB | {p50:.1f} ms | {p95:.1f} ms | "
              f"{hr:.0%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
