"""Near-duplicate story groups: MinHash signatures of word shingles, LSH bands, union-find.

A signature is computed per article at ingest (in the workers); grouping runs over
the stored signatures, so it can be redone at any time without re-analysis.
"""
from __future__ import annotations

import zlib
from collections import defaultdict

import numpy as np


NUM_PERM = 64
BANDS, ROWS = 16, 4  # P(candidate) at Jaccard 0.5 ≈ 0.65, at 0.8 ≈ 1.0
SHINGLE = 3
_PRIME = np.uint64((1 << 61) - 1)
_rng = np.random.RandomState(1)
_A = _rng.randint(1, 1 << 31, NUM_PERM, dtype=np.int64).astype(np.uint64)
_B = _rng.randint(0, 1 << 31, NUM_PERM, dtype=np.int64).astype(np.uint64)
_MAX32 = np.uint64(0xFFFFFFFF)


def shingles(words: list[str]) -> set[int]:
    """CRC32 hashes of the word 3-shingles (stable across processes, unlike hash())."""
    if len(words) < SHINGLE:
        words = words + [""] * (SHINGLE - len(words))
    return {zlib.crc32(" ".join(words[i:i + SHINGLE]).encode("utf-8")) for i in range(len(words) - SHINGLE + 1)}


def signature(text: str, words: list[str] | None = None) -> bytes:
    """A 64-value MinHash signature (256 bytes) of the 3-shingles of the text's search terms."""
    if words is None:
        from .terms import terms

        words = terms(text)
    sh = shingles(words)
    if not sh:
        return b""
    x = np.fromiter(sh, dtype=np.uint64, count=len(sh))
    hv = ((np.outer(x, _A) + _B) % _PRIME) & _MAX32
    return hv.min(axis=0).astype(np.uint32).tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    if not a or not b:
        return 0.0
    return float(np.mean(np.frombuffer(a, np.uint32) == np.frombuffer(b, np.uint32)))


def group(items, threshold: float = 0.5) -> list[list]:
    """Groups (size ≥ 2) of keys whose signatures are near-duplicates; `items` yields (key, signature)."""
    keys, sigs = [], []
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for key, sig in items:
        if not sig or len(sig) != NUM_PERM * 4:
            continue
        i = len(keys)
        keys.append(key)
        sigs.append(bytes(sig))
        arr = np.frombuffer(sigs[-1], np.uint32)
        for b in range(BANDS):
            buckets[(b, arr[b * ROWS:(b + 1) * ROWS].tobytes())].append(i)
    parent = list(range(len(keys)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for members in buckets.values():
        if len(members) < 2:
            continue
        head = members[0]
        for other in members[1:]:
            ra, rb = find(head), find(other)
            if ra != rb and similarity(sigs[head], sigs[other]) >= threshold:
                parent[rb] = ra
    groups: dict[int, list] = defaultdict(list)
    for i, k in enumerate(keys):
        groups[find(i)].append(k)
    return [g for g in groups.values() if len(g) > 1]
