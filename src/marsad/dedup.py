"""Near-duplicate articles and story keys: pure functions the corpus stores.

*Near-duplicates* are copies of one text: the same wire story republished by
several outlets, with a changed headline, a dropped or added paragraph, light
edits. They are found with MinHash LSH (datasketch) over word shingles of the
normalised body, so spelling differences (hamza seats, ta marbuta, diacritics)
and punctuation do not hide a copy. `NearDuplicateIndex` holds the signatures,
answers "which stored articles copy this one", and checks each LSH candidate
against the estimated Jaccard similarity before it answers.

A *story key* groups articles about the same event even when they are written
independently: the day plus the article's two leading names/keywords, in a fixed
order. It is coarse by design (many reports of one event pick other leading terms);
`same_story` (two of the top five terms shared) is the looser test for merging.
"""
from __future__ import annotations

import hashlib
import re
from typing import Hashable, Iterable

import numpy as np

from .arabic import normalize

NUM_PERM = 128
SHINGLE = 3  # words per shingle
THRESHOLD = 0.25  # Jaccard similarity of shingle sets from which two texts are copies (see bench/dedup.py)

_WORD = re.compile(r"[^\W_]+")
# The stored signatures are datasketch's "affine32" MinHash (seed 1): each shingle's
# SHA-1 (first 4 bytes, little-endian) is mixed by the MurmurHash3 finalizer, then
# permuted by a*h + b mod 2**32. `signature_bytes` computes the same values with numpy
# alone, so the ingest workers never import datasketch (whose LSH module pulls in scipy,
# about 45 MB in every process); the index, which needs the LSH, still uses it.
_SCHEME = "affine32"
_SEED = 1
_gen = np.random.RandomState(_SEED)
_A = _gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
_B = _gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
_PERMUTATIONS = np.array([_A, _B])
del _gen


def _fmix32(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def _values(sh: set[str]) -> np.ndarray:
    """The NUM_PERM signature values of a non-empty shingle set (uint32)."""
    digests = b"".join(hashlib.sha1(s.encode("utf-8")).digest()[:4] for s in sh)
    h = _fmix32(np.frombuffer(digests, dtype="<u4").astype(np.uint32))
    with np.errstate(over="ignore"):
        return (h[:, None] * _A + _B).min(axis=0)


def _minhash_cls():
    from datasketch import MinHash  # imported on first use: see above

    return MinHash


def words(text: str) -> list[str]:
    """Normalised words of a text (letters folded, marks and punctuation gone)."""
    return _WORD.findall(normalize(text).lower())


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """The set of k-word shingles of the normalised text (one shingle for a short text)."""
    w = words(text)
    if len(w) <= k:
        return {" ".join(w)} if w else set()
    return {" ".join(w[i:i + k]) for i in range(len(w) - k + 1)}


def minhash(text: str, num_perm: int = NUM_PERM, k: int = SHINGLE):
    """MinHash signature (a datasketch MinHash) of the text's word shingles."""
    return _minhash(shingles(text, k), num_perm)


def _minhash(sh: set[str], num_perm: int):
    MinHash = _minhash_cls()
    if num_perm == NUM_PERM:
        m = MinHash(num_perm=num_perm, permutations=_PERMUTATIONS, scheme=_SCHEME)
        if sh:
            m.hashvalues = _values(sh)
        return m
    m = MinHash(num_perm=num_perm)
    if sh:
        m.update_batch([s.encode("utf-8") for s in sh])
    return m


def jaccard(a: str, b: str, k: int = SHINGLE) -> float:
    """Exact Jaccard similarity of two texts' shingle sets (for checks and evaluation)."""
    sa, sb = shingles(a, k), shingles(b, k)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


class NearDuplicateIndex:
    """MinHash LSH index of article bodies: add(key, text), query(text) -> copies."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM, k: int = SHINGLE):
        self.threshold = threshold
        self.num_perm = num_perm
        self.k = k
        # LSH bands tuned a little below the threshold so that few true copies are missed;
        # every candidate is then checked against the threshold.
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=max(0.05, threshold - 0.1), num_perm=num_perm)
        self._sigs: dict = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._sigs

    def signature(self, text_or_sig):
        if not isinstance(text_or_sig, str):
            return text_or_sig
        return minhash(text_or_sig, self.num_perm, self.k)

    def add(self, key: Hashable, text_or_sig):
        """Store an article; returns its signature (a corpus can persist `sig.hashvalues`)."""
        if key in self._sigs:
            raise KeyError(f"{key!r} is already in the index")
        sig = self.signature(text_or_sig)
        self._sigs[key] = sig
        self._lsh.insert(key, sig)
        return sig

    def remove(self, key: Hashable) -> None:
        if key in self._sigs:
            self._lsh.remove(key)
            del self._sigs[key]

    def query(self, text_or_sig, exclude: Hashable | None = None) -> list[tuple[Hashable, float]]:
        """Stored articles whose estimated Jaccard similarity reaches the threshold, best first."""
        sig = self.signature(text_or_sig)
        out = []
        for key in self._lsh.query(sig):
            if key == exclude:
                continue
            j = sig.jaccard(self._sigs[key])
            if j >= self.threshold:
                out.append((key, j))
        out.sort(key=lambda kv: (-kv[1], str(kv[0])))
        return out

    def add_and_query(self, key: Hashable, text_or_sig) -> list[tuple[Hashable, float]]:
        """Copies of this article among those already stored, then store it."""
        sig = self.signature(text_or_sig)
        found = self.query(sig)
        self.add(key, sig)
        return found

    def groups(self) -> list[list[Hashable]]:
        """Connected groups of copies among the stored articles (singletons left out)."""
        parent: dict[Hashable, Hashable] = {k: k for k in self._sigs}

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for key, sig in self._sigs.items():
            for other, _ in self.query(sig, exclude=key):
                ra, rb = find(key), find(other)
                if ra != rb:
                    parent[rb] = ra
        groups: dict[Hashable, list] = {}
        for k in self._sigs:
            groups.setdefault(find(k), []).append(k)
        return [sorted(g, key=str) for g in groups.values() if len(g) > 1]


# datasketch's MinHashLSH bands for NUM_PERM = 128 at the index's LSH threshold (0.15):
# 51 bands of 2 values. `group_signatures` uses the same bands, so it finds the same
# candidates as `NearDuplicateIndex`.
_BANDS, _ROWS = 51, 2
_CHUNK = 20_000  # candidate pairs compared at once (2 x 10 MB of signatures)


def group_signatures(sigs: np.ndarray, threshold: float = THRESHOLD) -> list[list[int]]:
    """Connected groups (row indexes, singletons left out) of copies among the rows of an
    (N x NUM_PERM) uint32 signature matrix: two rows are copies when one of their LSH
    bands is equal and their estimated Jaccard similarity reaches `threshold`.

    The same groups as `NearDuplicateIndex.groups` over the same signatures, in numpy:
    for a whole corpus that index costs about 10 kB and 0.4 ms of CPU per article (100,000
    articles took over 1 GB), where this keeps the matrix and one band's pairs at a time.
    """
    n = len(sigs)
    if n < 2:
        return []
    sigs = np.ascontiguousarray(sigs, dtype=np.uint32)
    need = int(np.ceil(threshold * sigs.shape[1] - 1e-9))
    found = np.empty(0, dtype=np.int64)  # copy pairs as i * n + j, i < j, each once
    for b in range(_BANDS):
        found = _band_copies(sigs, b, need, found)
    if not len(found):
        return []
    return _components(n, found // n, found % n)


def _band_copies(sigs: np.ndarray, b: int, need: int, found: np.ndarray) -> np.ndarray:
    """`found` (sorted pair codes i * n + j) with the copy pairs that share band `b` added."""
    n = len(sigs)
    left: list[np.ndarray] = []
    right: list[np.ndarray] = []
    band = sigs[:, b * _ROWS:(b + 1) * _ROWS].astype(np.uint64)
    h = (band[:, 0] << np.uint64(32)) | band[:, 1]
    order = np.argsort(h, kind="stable")
    hs = h[order]
    # pair each sorted position with the next d ones of its bucket, d = 1, 2, ...
    active = np.flatnonzero(hs[1:] == hs[:-1])
    d = 1
    while len(active):
        for c in range(0, len(active), _CHUNK):  # bounded memory: _CHUNK pairs at a time
            i, j = order[active[c:c + _CHUNK]], order[active[c:c + _CHUNK] + d]
            if len(found):  # copies share many bands: compare only pairs not yet found
                code = np.minimum(i, j).astype(np.int64) * n + np.maximum(i, j)
                at = np.minimum(np.searchsorted(found, code), len(found) - 1)
                new = found[at] != code
                i, j = i[new], j[new]
            ok = np.count_nonzero(sigs[i] == sigs[j], axis=1) >= need
            if ok.any():
                left.append(i[ok])
                right.append(j[ok])
        d += 1
        active = active[active + d < n]
        active = active[hs[active + d] == hs[active]]
    if not left:
        return found
    # a pair shares many bands: keep each once
    i, j = np.concatenate(left).astype(np.int64), np.concatenate(right).astype(np.int64)
    both = np.sort(np.concatenate([found, np.minimum(i, j) * n + np.maximum(i, j)]))
    return both[np.r_[True, both[1:] != both[:-1]]]  # sorted, each once


def _components(n: int, a: np.ndarray, b: np.ndarray) -> list[list[int]]:
    """Groups of the rows linked by the pairs (a[k], b[k]), singletons left out, each in row
    order, the groups in the order of their first rows."""
    label = np.arange(n)
    while True:  # connected components: every row takes the smallest label of its copies
        low = np.minimum(label[a], label[b])
        before = label.copy()
        np.minimum.at(label, a, low)
        np.minimum.at(label, b, low)
        label = label[label]
        if np.array_equal(label, before):
            break
    members = np.flatnonzero(np.bincount(label, minlength=n)[label] > 1)
    groups: dict[int, list[int]] = {}
    for k in members.tolist():
        groups.setdefault(int(label[k]), []).append(k)
    return list(groups.values())


def signature_values(sig) -> np.ndarray:
    """The signature as a plain uint64 array (to store in a database)."""
    return np.asarray(sig.hashvalues, dtype=np.uint64)


def from_values(values: Iterable[int]):
    """A MinHash rebuilt from stored values (made by `minhash`)."""
    hv = np.asarray(list(values), dtype=np.uint64)
    return _minhash_cls()(num_perm=len(hv), hashvalues=hv, scheme=_SCHEME)


def signature_bytes(text: str, k: int = SHINGLE) -> bytes:
    """The text's MinHash values as bytes for a database column; b"" for a text without
    words (its empty signature would otherwise look like a copy of every other)."""
    sh = shingles(text, k)
    return _values(sh).tobytes() if sh else b""


def from_bytes(data: bytes):
    """A MinHash rebuilt from `signature_bytes`; None for b"" or bytes of another format."""
    if not data or len(data) != NUM_PERM * 4:
        return None
    return _minhash_cls()(hashvalues=np.frombuffer(bytes(data), dtype=np.uint32), permutations=_PERMUTATIONS,
                          scheme=_SCHEME)


def story_terms(article, n: int = 3) -> list[str]:
    """The article's leading story terms: its keywords, normalised (entities first when known)."""
    from .text import vocabulary

    out: list[str] = []
    for k in article.keywords:
        key = " ".join(w.vkey for r in vocabulary.runs(k.text) for w in r.words)
        if key and key not in out:
            out.append(key)
        if len(out) >= n:
            break
    return out


def story_key(article, n: int = 2) -> str:
    """`YYYY-MM-DD:` + a short hash of the article's leading terms (sorted), e.g. `2024-06-18:3f9a1c2e`.

    Runs the keyword stage when the article has no keywords yet. The key is exact and
    coarse: on ANT, copies of one story share it about a third of the time and
    same-subject articles that are not copies a few percent of the time
    (bench/dedup.py). `same_story` is the looser test a corpus can use to merge keys.
    """
    if not article.keywords:
        from .annotate import keywords

        article = keywords.annotate(article)
    day = (article.published or "")[:10] or "undated"
    terms_ = sorted(story_terms(article, n))
    h = hashlib.blake2b("|".join(terms_).encode("utf-8"), digest_size=4).hexdigest()
    return f"{day}:{h}"


def same_story(a, b, n: int = 5, shared: int = 2) -> bool:
    """Do two articles (with keywords) share at least `shared` of their top `n` terms?"""
    return len(set(story_terms(a, n)) & set(story_terms(b, n))) >= shared
