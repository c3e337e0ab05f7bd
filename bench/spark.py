"""Benchmark of `marsad spark analyze`: articles/s for one process, local[1] and local[2],
or one and two one-core workers of a standalone cluster.

    nice python bench/spark.py [--articles 10000] [--shared ../shared] [--masters local[1],local[2]]
    python bench/spark.py --master spark://HOST:PORT   # a cluster with >= 2 one-core workers
    python bench/spark.py --standalone                 # starts its own: a master and 2 one-core workers

On a cluster the job ships marsad's packed environment (`marsad.spark.package`) and runs
twice: `spark.cores.max=1` (one executor, one worker) and `spark.cores.max=2` (two workers).

Input: the ANT corpus (4,922 articles) then SaudiNewsNet records (benchmark use only,
CC BY-NC-SA) up to --articles, written as JSON Lines in a temporary directory.
Prints a markdown table: the analysis step alone (read, analyze, cache) and the whole
job (plus Parquet tables, MinHash LSH stories and aggregates), and the 1 → 2 core scaling.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

def records(shared: Path, n: int):
    """Up to n raw records: ANT first, then SaudiNewsNet."""
    from marsad.corpora import iter_ant, iter_saudinewsnet

    count = 0
    for a in iter_ant(shared / "data" / "ant-corpus-multisource-2018-03"):
        yield {"id": a["docno"], "url": a.get("url"), "title": a.get("title"), "author": a.get("author"),
               "published": a.get("time"), "text": a["text"]}
        count += 1
        if count >= n:
            return
    for rec in iter_saudinewsnet(shared / "data" / "saudinewsnet-2015-08"):
        yield {"url": rec.get("url"), "title": rec.get("title"), "author": rec.get("author"),
               "published": rec.get("date_extracted"), "text": rec.get("content"), "source": rec.get("source")}
        count += 1
        if count >= n:
            return


def write_input(shared: Path, n: int, d: Path, files: int = 8) -> int:
    recs = list(records(shared, n))
    per = -(-len(recs) // files)
    for i in range(files):
        with open(d / f"part-{i:02d}.jsonl", "w", encoding="utf-8") as fh:
            for r in recs[i * per:(i + 1) * per]:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(recs)


def peak_rss_mb() -> float:
    """Peak resident memory of this process (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def single_process(d: Path) -> tuple[int, float]:
    from marsad.analysis import analyze
    from marsad.inputs import Failure, documents

    t = time.perf_counter()
    n = 0
    for doc in documents([str(d)]):
        if isinstance(doc, Failure):
            continue
        analyze(doc)
        n += 1
    return n, time.perf_counter() - t


def spark_run(master: str, d: Path, out: Path, cores: int | None = None) -> tuple[int, dict, float]:
    from marsad.spark import job, package

    conf, archive = {}, None
    if master.startswith("local"):
        cores = int(re.search(r"\[(\d+)\]", master).group(1)) if "[" in master else 2
    else:  # one executor of one core per worker, `cores` of them
        conf = {"spark.cores.max": str(cores), "spark.executor.cores": "1", "spark.executor.memory": "1g"}
        archive = str(package.ensure_archive())
    spark = job.session(master, app=f"marsad-bench-{master}-{cores}", conf=conf, archive=archive)
    try:
        t = time.perf_counter()
        s = job.run(spark, [str(d)], str(out), partitions=cores * 4, overwrite=True)
        total = time.perf_counter() - t
    finally:
        spark.stop()
    return s.articles, s.seconds, total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--masters", default="local[1],local[2]")
    ap.add_argument("--master", help="a standalone cluster (spark://...): 1 then 2 one-core workers")
    ap.add_argument("--standalone", action="store_true", help="start a master and 2 one-core workers here")
    ap.add_argument("--no-single", action="store_true", help="skip the single-process run")
    args = ap.parse_args()
    shared = Path(args.shared)
    if not (shared / "data").is_dir():
        print(f"bench/spark.py: {shared}/data not found (give --shared)", file=sys.stderr)
        return 1
    tmp = Path(tempfile.mkdtemp(prefix="marsad-bench-spark-"))
    cluster = None
    try:
        runs = [(m, None) for m in args.masters.split(",")]
        if args.standalone:
            from marsad.spark.standalone import LocalCluster

            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            cluster = LocalCluster(workers=2, cores=1, memory="2g", workdir=str(tmp / "cluster")).start()
            args.master = cluster.url
        if args.master:
            runs = [(args.master, 1), (args.master, 2)]
        inp = tmp / "in"
        inp.mkdir()
        n = write_input(shared, args.articles, inp)
        print(f"{n} records in {inp} (load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores)", file=sys.stderr)
        rows = []
        if not args.no_single:
            done, secs = single_process(inp)
            rows.append(("single process (marsad.analyze loop)", done, secs, secs,
                         f"peak RSS {peak_rss_mb():.0f} MB (≈ one Spark Python worker)"))
        for master, cores in runs:
            out = tmp / ("out-" + re.sub(r"\W", "", master) + str(cores or ""))
            arts, steps, total = spark_run(master, inp, out, cores)
            note = ", ".join(f"{k} {v:.1f}s" for k, v in steps.items())
            note += f", load average {os.getloadavg()[0]:.1f}"
            name = f"spark {master}" if cores is None else f"spark standalone, {cores} one-core worker(s)"
            rows.append((name, arts, steps["analyze"], total, note))
        print("| run | articles | analysis s | analysis articles/s | whole job s | whole job articles/s | notes |")
        print("|---|---:|---:|---:|---:|---:|---|")
        for name, arts, a, t, note in rows:
            print(f"| {name} | {arts} | {a:.1f} | {arts / a:.0f} | {t:.1f} | {arts / t:.0f} | {note} |")
        byname = {r[0]: r for r in rows}
        if "spark local[1]" in byname and "spark local[2]" in byname:
            one, two = byname["spark local[1]"], byname["spark local[2]"]
            print(f"\nscaling local[1] → local[2]: analysis {one[2] / two[2]:.2f}×, whole job {one[3] / two[3]:.2f}×")
        one, two = (byname.get(f"spark standalone, {k} one-core worker(s)") for k in (1, 2))
        if one and two:
            print(f"\nscaling 1 → 2 workers: analysis {one[2] / two[2]:.2f}×, whole job {one[3] / two[3]:.2f}×")
        print(f"load average after: {os.getloadavg()[0]:.1f}", file=sys.stderr)
    finally:
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    from marsad.errors import MarsadError

    try:
        sys.exit(main())
    except MarsadError as e:
        print(f"bench/spark.py: {e}", file=sys.stderr)
        sys.exit(1)
