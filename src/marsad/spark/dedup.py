"""Near-duplicate articles at scale: Spark ML MinHash LSH over `marsad.dedup.shingles`.

Articles are hashed into sparse binary vectors of their normalised word shingles
(the very shingles of the single-machine detector, `marsad.dedup`); MinHashLSH proposes
candidate pairs and Spark computes their exact Jaccard distance on those vectors, so a
pair is kept when its shingle Jaccard similarity is at least `threshold` (by default the
single-machine detector's `marsad.dedup.THRESHOLD`). Story groups are the
connected components of the kept pairs, named by their smallest article id.

The pairs are collected to the driver and components found there (union-find): pairs are
only the near-duplicates, a small fraction of a corpus even at millions of articles.
"""
from __future__ import annotations

import math
from collections import defaultdict
from typing import Iterable

NUM_FEATURES = 1 << 24  # shingle hash space: collisions are negligible at article sizes
MISS_AT_THRESHOLD = 0.01  # chance that a pair exactly at the threshold is never proposed
SEED = 20240618


def hash_tables(threshold: float) -> int:
    """Spark's MinHashLSH ORs single-hash tables: a pair at Jaccard j is proposed with
    probability 1 - (1 - j)**T; choose T so that a pair at the threshold is missed at most 1%."""
    if threshold >= 1:
        return 1
    return max(1, min(64, math.ceil(math.log(MISS_AT_THRESHOLD) / math.log(1 - threshold))))


def near_duplicates(docs, threshold: float | None = None):
    """(pairs, stories) DataFrames from a DataFrame of (id, shingles)."""
    from pyspark.ml.feature import HashingTF, MinHashLSH
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    from ..dedup import THRESHOLD

    threshold = THRESHOLD if threshold is None else threshold
    spark = docs.sparkSession
    docs = docs.where(F.size("shingles") > 0).dropDuplicates(["id"])
    vec = HashingTF(inputCol="shingles", outputCol="features", numFeatures=NUM_FEATURES, binary=True).transform(docs)
    vec = vec.select("id", "features")
    model = MinHashLSH(inputCol="features", outputCol="hashes", numHashTables=hash_tables(threshold), seed=SEED).fit(vec)
    joined = model.approxSimilarityJoin(vec, vec, 1.0 - threshold + 1e-9, distCol="distance")
    pairs = (
        joined.select(F.col("datasetA.id").alias("id_a"), F.col("datasetB.id").alias("id_b"),
                      (1.0 - F.col("distance")).alias("similarity"))
        .where(F.col("id_a") < F.col("id_b"))
        .dropDuplicates(["id_a", "id_b"])
    )
    # computed once, on the driver: the near-duplicate pairs are few
    found = [(r["id_a"], r["id_b"], r["similarity"]) for r in pairs.collect()]
    pair_schema = T.StructType([T.StructField("id_a", T.StringType()), T.StructField("id_b", T.StringType()),
                                T.StructField("similarity", T.DoubleType())])
    groups = story_groups((a, b) for a, b, _ in found)
    schema = T.StructType([T.StructField("id", T.StringType()), T.StructField("story", T.StringType()),
                           T.StructField("size", T.LongType())])
    rows = [(m, g[0], len(g)) for g in groups for m in g]
    return spark.createDataFrame(found, pair_schema), spark.createDataFrame(rows, schema)


def story_groups(pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components (each sorted, at least two members) of the pair graph."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    comps: dict[str, list[str]] = defaultdict(list)
    for x in parent:
        comps[find(x)].append(x)
    return sorted((sorted(c) for c in comps.values() if len(c) > 1), key=lambda c: c[0])


def exact_pairs(shingle_sets: dict[str, set[str]], threshold: float | None = None,
                max_df: int = 1000) -> list[tuple[str, str, float]]:
    """Single-machine reference: every pair with exact shingle Jaccard >= threshold.

    Candidates come from an inverted index (pairs sharing a shingle), so this is fast
    enough for tests and the benchmark's agreement check, not for a corpus. A shingle
    found in more than `max_df` articles (boilerplate) proposes no pairs: two articles
    at Jaccard >= threshold share many rarer shingles as well.
    """
    from ..dedup import THRESHOLD

    threshold = THRESHOLD if threshold is None else threshold
    index: dict[str, list[str]] = defaultdict(list)
    for i, s in shingle_sets.items():
        for sh in s:
            index[sh].append(i)
    seen: set[tuple[str, str]] = set()
    out = []
    for ids in index.values():
        if len(ids) < 2 or len(ids) > max_df:
            continue
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                a, b = sorted((ids[x], ids[y]))
                if a == b or (a, b) in seen:
                    continue
                seen.add((a, b))
                sa, sb = shingle_sets[a], shingle_sets[b]
                j = len(sa & sb) / len(sa | sb)
                if j >= threshold:
                    out.append((a, b, j))
    return sorted(out)
