"""Word clusters learned by marsad itself from unlabeled Arabic text.

PPMI-weighted co-occurrence counts (±2 words, context smoothing 0.75) are reduced by a
truncated SVD to dense vectors, and the vectors are grouped by k-means at several
granularities. A tagger feature is then "this word is in cluster 37 of 256": words that
occur in the same contexts (city names, first names, titles) share features even when the
labelled data never saw them. Training needs scikit-learn; using the clusters needs nothing.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from ..arabic import tokenize
from ..corpora import iter_ant

def ant_texts(root: str | Path) -> Iterator[str]:
    """Title, abstract and body of every article file of an ANT-corpus folder."""
    for rec in iter_ant(root):
        for field in ("title", "abstract", "text"):
            if rec.get(field):
                yield rec[field]


def text_tokens(texts: Iterable[str]) -> Iterator[list[str]]:
    """Normalised word sequences (one per line of text) for counting."""
    for text in texts:
        for line in text.splitlines():
            toks = [t.norm for t in tokenize(line)]
            if toks:
                yield toks


def train_clusters(sequences: Iterable[list[str]], sizes=(64, 256, 1024), dim: int = 100,
                   min_count: int = 3, max_vocab: int = 80000, n_contexts: int = 20000,
                   window: int = 2, seed: int = 0) -> dict[str, tuple[int, ...]]:
    """word → (cluster id per size), learned from token sequences."""
    vocab, vec = train_vectors(sequences, dim, min_count, max_vocab, n_contexts, window, seed)
    return cluster_vectors(vocab, vec, sizes, seed)


def train_vectors(sequences: Iterable[list[str]], dim: int = 100, min_count: int = 3, max_vocab: int = 80000,
                  n_contexts: int = 20000, window: int = 2, seed: int = 0) -> tuple[list[str], np.ndarray]:
    """(vocabulary, unit-length PPMI-SVD vectors) learned from token sequences."""
    from scipy import sparse
    from sklearn.utils.extmath import randomized_svd

    seqs = [s for s in sequences]
    counts = Counter(w for s in seqs for w in s)
    vocab = [w for w, c in counts.most_common(max_vocab) if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    nctx = min(n_contexts, len(vocab))
    rows, cols, vals = [], [], []
    for s in seqs:
        ids = np.array([index.get(w, -1) for w in s], dtype=np.int64)
        for d in range(1, window + 1):
            if len(ids) <= d:
                break
            a, b = ids[:-d], ids[d:]
            weight = 1.0 / d
            for x, y in ((a, b), (b, a)):
                keep = (x >= 0) & (y >= 0) & (y < nctx)
                rows.append(x[keep])
                cols.append(y[keep])
                vals.append(np.full(int(keep.sum()), weight))
    m = sparse.coo_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
                          shape=(len(vocab), nctx)).tocsr()
    m.sum_duplicates()
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel()
    ctx = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    ctx /= ctx.sum()
    coo = m.tocoo()
    pmi = np.log(coo.data * 1.0 / (row_sum[coo.row] / total) / ctx[coo.col] / total)
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape)
    dim = max(1, min(dim, min(ppmi.shape) - 1))  # tiny corpora (tests) have tiny vocabularies
    u, s, _ = randomized_svd(ppmi, n_components=dim, random_state=seed)
    vec = u * np.sqrt(s)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    return vocab, vec


def cluster_vectors(vocab: list[str], vec: np.ndarray, sizes=(64, 256, 1024), seed: int = 0
                    ) -> dict[str, tuple[int, ...]]:
    from sklearn.cluster import MiniBatchKMeans

    ids = []
    for k in sizes:
        k = max(1, min(k, len(vocab) // 2))
        km = MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=3)
        ids.append(km.fit_predict(vec))
    return {w: tuple(int(c[i]) for c in ids) for i, w in enumerate(vocab)}


def scaled_vectors(vec: np.ndarray, dims: int = 24) -> np.ndarray:
    """The first `dims` SVD dimensions, each scaled to [-1, 1], as float16 for shipping."""
    v = vec[:, :dims]
    return (v / (np.abs(v).max(axis=0) + 1e-9)).astype(np.float16)


def save_clusters(clusters: dict[str, tuple[int, ...]], path: str | Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for w, cs in clusters.items():
            f.write(w + "\t" + "\t".join(map(str, cs)) + "\n")


def load_clusters(path: str | Path) -> dict[str, tuple[str, ...]]:
    """word → cluster ids as strings (ready to be feature values)."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) > 1:
                out[parts[0]] = tuple(parts[1:])
    return out
