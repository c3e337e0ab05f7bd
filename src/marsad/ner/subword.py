"""Subword word vectors: a word's vector is the mean of the vectors of its character n-grams.

Names never seen in training still share pieces with names that were (`-سكي`, `-وف`,
`أبو-`, `-ستان`), so a vector built from n-grams gives every word, however rare, a
position near words of its kind. The n-gram vectors are learned fastText-style (skip-gram
with character n-grams; gensim, a training-only dependency) from unlabeled text, and the
shipped table (`subword.npz`) keeps only the n-grams that several words share, so that
using the vectors needs numpy alone:

    ngrams      the n-gram strings (UTF-8, newline-separated), one per table row
    table       (n-grams x dims) float16, scaled so that word vectors lie in about [-1, 1]
    centroids   (k x dims) float32 per granularity: k-means centres of the vocabulary's
                vectors, so that any word, seen or not, falls in a cluster
    words, word_vecs, word_clusters
                the vocabulary's words, vectors (float32) and cluster ids, precomputed
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
import numpy as np

MIN_N, MAX_N = 3, 5
# OpenBLAS runs a product of m x k by k x n on several threads once m*n*k reaches about
# 262,144; here the products are small and many, and a second thread costs more than it
# brings (and competes with other processes), so they are cut into row blocks below that
_SINGLE_THREAD_WORK = 200_000


def small_matmul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a @ b computed in row blocks small enough for BLAS to stay on one thread."""
    step = max(1, _SINGLE_THREAD_WORK // max(1, a.shape[1] * b.shape[1]))
    if len(a) <= step:
        return a @ b
    return np.concatenate([a[i:i + step] @ b for i in range(0, len(a), step)])


def ngrams(word: str) -> list[str]:
    """Character n-grams (3-5) of the word with its edges marked: `<بو`, `تين>`."""
    w = "<" + word + ">"
    n = len(w)
    return [w[i:i + k] for k in range(MIN_N, MAX_N + 1) for i in range(n - k + 1)]


class SubwordVectors:
    def __init__(self, grams: list[str], table: np.ndarray, centroids: list[np.ndarray],
                 known: tuple[list[str], np.ndarray, np.ndarray] | None = None):
        self.index = {g: i for i, g in enumerate(grams)}
        self.table = table.astype(np.float32)
        self.dims = table.shape[1]
        # unit-length centres: a word's cluster is the centre of highest cosine
        # (stored transposed, ready for the product)
        self.centroids = [np.ascontiguousarray((c / (np.linalg.norm(c, axis=1, keepdims=True) + 1e-9)).T)
                          for c in centroids]
        self._zero = np.zeros(self.dims, dtype=np.float32)
        # the training vocabulary's readings, precomputed (words, vectors, cluster ids): most
        # words of news text are among them, and need no n-gram work at all
        self.known: dict[str, int] = {}
        if known is not None:
            words, vecs, cls = known
            self.known = {w: i for i, w in enumerate(words)}
            self._kvecs = vecs.astype(np.float32)
            self._kcl = [tuple(map(str, row)) for row in cls.tolist()]

    def rescale(self, factor: float) -> None:
        """Multiply every vector by `factor` (the cluster ids, by cosine, stay the same)."""
        self.table *= factor
        if self.known:
            self._kvecs *= factor

    def vector(self, word: str) -> np.ndarray:
        get = self.index.get
        rows = [r for r in map(get, ngrams(word)) if r is not None]
        if not rows:
            return self._zero
        return self.table[rows].mean(axis=0)

    def many(self, words: list[str]) -> list[tuple[np.ndarray, tuple[str, ...]]]:
        """(vector, cluster ids) of each word, computed together: one gather and one sum for
        all the n-gram rows, one product per granularity for the clusters."""
        out: list = [None] * len(words)
        new: list[int] = []
        kget = self.known.get
        for k, w in enumerate(words):
            r = kget(w)
            if r is None:
                new.append(k)
            else:
                out[k] = (self._kvecs[r], self._kcl[r])
        if new:
            for k, res in zip(new, self._compute([words[k] for k in new])):
                out[k] = res
        return out

    def _compute(self, words: list[str]) -> list[tuple[np.ndarray, tuple[str, ...]]]:
        get = self.index.get
        ids: list[int] = []
        cuts: list[int] = []
        counts: list[int] = []
        known: list[int] = []
        for k, w in enumerate(words):
            rows = [r for r in map(get, ngrams(w)) if r is not None]
            if rows:
                cuts.append(len(ids))
                ids.extend(rows)
                counts.append(len(rows))
                known.append(k)
        vecs = np.zeros((len(words), self.dims), dtype=np.float32)
        out_cl: list[tuple[str, ...]] = [()] * len(words)
        if known:
            v = np.add.reduceat(self.table[ids], cuts, axis=0) / np.array(counts, dtype=np.float32)[:, None]
            vecs[known] = v
            cols = [small_matmul(v, c).argmax(axis=1).tolist() for c in self.centroids]
            for j, k in enumerate(known):
                out_cl[k] = tuple(str(col[j]) for col in cols)
        return list(zip(vecs, out_cl))

    def clusters(self, vec: np.ndarray) -> tuple[str, ...]:
        """Cluster id (as a feature value) at each granularity; () for a word without n-grams."""
        if not vec.any():
            return ()
        return tuple(str(int((vec @ c).argmax())) for c in self.centroids)


def load_subword(path: str | Path) -> SubwordVectors | None:
    path = Path(path)
    if not path.exists():
        return None
    z = np.load(path, allow_pickle=False)
    cents = [z[k] for k in sorted((k for k in z.files if k.startswith("centroids")), key=lambda k: int(k[9:] or 0))]
    known = None
    if "words" in z.files:
        known = (_unpacked(z["words"]), z["word_vecs"], z["word_clusters"])
    return SubwordVectors(_unpacked(z["ngrams"]), z["table"], cents, known)


def _packed(strings) -> np.ndarray:
    """Strings as one UTF-8, newline-joined byte array: small, and loads far faster than an
    array of many short strings."""
    return np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)


def _unpacked(arr: np.ndarray) -> list[str]:
    return arr.tobytes().decode("utf-8").split("\n")


def add_known_words(path: str | Path, words: list[str]) -> None:
    """Store the readings of `words` (as computed from the n-grams) in the file, so that
    tagging looks them up instead of computing them."""
    path = Path(path)
    z = np.load(path, allow_pickle=False)
    arrays = {k: z[k] for k in z.files if k not in ("words", "word_vecs", "word_clusters")}
    sv = load_subword(path)
    words = [w for w in dict.fromkeys(words) if w and "\n" not in w]
    res = sv._compute(words)
    keep = [k for k, (_v, cl) in enumerate(res) if cl]  # words with no known n-gram stay out
    arrays["words"] = _packed(words[k] for k in keep)
    # full precision: a known word must read exactly as if computed from its n-grams
    arrays["word_vecs"] = np.stack([res[k][0] for k in keep]).astype(np.float32)
    arrays["word_clusters"] = np.array([[int(c) for c in res[k][1]] for k in keep], dtype=np.int16)
    np.savez(path, **arrays)


def train_subword(sequences: list[list[str]], path: str | Path, dims: int = 32, max_grams: int = 150_000,
                  sizes=(256, 1024), epochs: int = 5, seed: int = 0, log=print) -> SubwordVectors:
    """Learn n-gram vectors from normalised token sequences and write `subword.npz`."""
    from gensim.models import FastText
    from gensim.models.fasttext_inner import ft_hash_bytes
    from sklearn.cluster import MiniBatchKMeans

    buckets = 400_000
    model = FastText(vector_size=dims, window=3, min_count=2, sg=1, epochs=epochs, min_n=MIN_N, max_n=MAX_N,
                     bucket=buckets, workers=1, seed=seed)
    model.build_vocab(corpus_iterable=sequences)
    model.train(corpus_iterable=sequences, total_examples=len(sequences), epochs=epochs)
    vocab = list(model.wv.index_to_key)
    # keep the n-grams shared by the most vocabulary words (a rare n-gram says little)
    shared: Counter[str] = Counter()
    for w in vocab:
        shared.update(set(ngrams(w)))
    grams = [g for g, c in shared.most_common(max_grams) if c >= 2]
    ng = model.wv.vectors_ngrams
    table = np.empty((len(grams), dims), dtype=np.float32)
    for i, g in enumerate(grams):
        # gensim's bucket for this n-gram (its hash over the UTF-8 bytes)
        table[i] = ng[ft_hash_bytes(g.encode("utf-8")) % buckets]
    sv = SubwordVectors(grams, table, [])
    vecs = np.stack([sv.vector(w) for w in vocab])
    scale = np.abs(vecs).max(axis=0) + 1e-9
    table /= scale
    vecs /= scale
    cents = []
    unit = vecs / (np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9)
    for k in sizes:
        k = max(1, min(k, len(vocab) // 2))
        km = MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=3).fit(unit)
        cents.append(km.cluster_centers_.astype(np.float32))
    arrays = {"ngrams": _packed(grams), "table": table.astype(np.float16)}
    arrays.update({f"centroids{i}": c for i, c in enumerate(cents)})
    np.savez(path, **arrays)
    add_known_words(path, vocab)
    log(f"subword vectors: {len(vocab)} words, {len(grams)} n-grams x {dims} dims")
    return load_subword(path)

