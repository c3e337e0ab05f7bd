"""Store writes alone: CPU and wall time per article of `Store.write`, without the analysis.

    python bench/store_write.py --n 4000 [--pg postgresql://…] [--rounds 2]

Analyses N articles of the benchmark corpora once (2 worker processes, as ingest does),
then writes their rows in batches of 200 into a fresh SQLite file and, with --pg, a
PostgreSQL database that must be empty (every round after the first writes the same
rows again under new ids, URLs and hashes, so the store grows). Prints, per store, the
wall time, the writing process's CPU and a local PostgreSQL server's CPU per article:
what ingest spends beyond the analysis.
"""
from __future__ import annotations

import argparse
import copy
import multiprocessing as mp
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import base_records, server_cpu, write_input  # noqa: E402


def analysed_rows(n: int) -> list:
    from marsad.corpus import ingest as ing
    from marsad.inputs import Failure, documents

    base = len(base_records())
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp:
        # every k-th record, so both corpora are in the sample
        files, _ = write_input(base, Path(tmp), per_file=base)
        docs = [d for d in documents(files) if not isinstance(d, Failure)][:: max(1, base // n)][:n]
    items = [(ing._raw_key(d), d) for d in docs]
    with mp.get_context("fork").Pool(2, initializer=ing._init, initargs=(None, None, ())) as pool:
        return [r for r in pool.imap(ing._work, items, chunksize=8) if not isinstance(r, str)]


def renamed(r, k: int):
    """The same rows as a different article (round k)."""
    if not k:
        return r
    r = copy.copy(r)
    a = r.article
    r.article = dict(a, id=f"{a['id']}~w{k}", content_hash=f"{a['content_hash']}~{k}",
                     url=(a["url"] or "") + f"#w{k}", raw_hash=f"{a['raw_hash']}~{k}")
    return r


def time_writes(store, rows: list, rounds: int, pg: bool) -> tuple[int, float, float, float]:
    added = 0
    s0, c0, w0 = server_cpu() if pg else 0.0, time.process_time(), time.perf_counter()
    for k in range(rounds):
        for i in range(0, len(rows), 200):
            added += store.write([renamed(r, k) for r in rows[i:i + 200]])[0]
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    server = (server_cpu() - s0) if pg else 0.0
    return added, wall, cpu, server


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=4000, help="articles to analyse (default 4000)")
    ap.add_argument("--rounds", type=int, default=2, help="times the rows are written (default 2)")
    ap.add_argument("--pg", help="an empty PostgreSQL database's URL")
    args = ap.parse_args()
    rows = analysed_rows(args.n)
    from marsad.corpus.postgres import PostgresStore
    from marsad.corpus.sqlite import SQLiteStore

    out = []
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp:
        stores = [("SQLite", lambda: SQLiteStore(os.path.join(tmp, "w.db")), False)]
        if args.pg:
            stores.append(("PostgreSQL", lambda: PostgresStore(args.pg), True))
        for name, make, pg in stores:
            store = make()
            if store.one("SELECT count(*) FROM articles")[0]:
                sys.exit(f"bench: {name} store is not empty")
            added, wall, cpu, server = time_writes(store, rows, args.rounds, pg)
            store.close()
            out.append((name, added, wall, cpu, server if pg else None))
    print(f"{len(rows)} analysed articles written {args.rounds} times in batches of 200; "
          f"load average {os.getloadavg()[0]:.1f}\n")
    print("| store | articles written | wall ms/article | writer CPU ms/article | server CPU ms/article |")
    print("|---|---:|---:|---:|---:|")
    for name, added, wall, cpu, server in out:
        srv = "–" if server is None else f"{1000 * server / added:.2f}"
        print(f"| {name} | {added:,} | {1000 * wall / added:.2f} | {1000 * cpu / added:.2f} | {srv} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
