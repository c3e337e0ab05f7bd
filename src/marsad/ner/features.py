"""Token features for the NER sequence tagger.

Features of a word alone (its normalised form, clitic-stripped stem, affixes, shape,
word clusters, gazetteer types) are computed once per distinct word and cached; a
sentence then only joins them with the features of its neighbours, which keeps tagging
fast. Gazetteer phrases (several words) are matched over the sentence, clitics allowed
on the first word, and give B-/I- position features.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Iterable

if TYPE_CHECKING:
    import numpy as np

from ..arabic import clitic_splits, normalize

_LATIN = re.compile(r"[A-Za-z]")
_ARABIC = re.compile(r"[\u0621-\u064a]")
_DIGIT = re.compile(r"\d")

# Hook: extra gazetteer sources (e.g. the entities knowledge base) register a callable that
# yields (type, name) pairs; the tagger is trained and used with whatever is registered.
GAZETTEER_SOURCES: list[Callable[[], Iterable[tuple[str, str]]]] = []


def shape(tok: str) -> str:
    if _ARABIC.search(tok):
        return "ar"
    if _DIGIT.search(tok):
        return "num"
    if _LATIN.search(tok):
        return "lat-up" if tok[:1].isupper() else "lat"
    return "p:" + tok[:2]


def best_split(norm: str) -> tuple[str, str]:
    """(proclitics, stem without the article) of the longest sensible reading."""
    splits = clitic_splits(norm)
    prefix, stem = "", norm
    # the reading that removes the most proclitics while leaving a stem of 3+ letters
    for sp in splits:
        if len(sp.stem) >= 3 and len(sp.prefix) > len(prefix):
            prefix, stem = sp.prefix, sp.stem
    if stem.startswith("ال") and len(stem) > 4:
        prefix, stem = prefix + "ال", stem[2:]
    return prefix, stem


class Featurizer:
    def __init__(self, clusters: dict[str, tuple[str, ...]] | None = None,
                 gazetteer: dict[tuple[str, ...], frozenset[str]] | None = None,
                 vectors: tuple[dict[str, int], "np.ndarray"] | None = None):
        self.clusters = clusters or {}
        # word vectors: (word → row, matrix); each dimension becomes a real-valued
        # feature of the word and of its neighbours (±1)
        self.vindex, self.matrix = vectors if vectors is not None else ({}, None)
        dims = 0 if self.matrix is None else self.matrix.shape[1]
        self._vnames = {d: tuple("v%+d_%d" % (d, q) for q in range(dims)) for d in (-1, 0, 1)}
        self.gazetteer = gazetteer or {}
        self.gaz_max = max((len(k) for k in self.gazetteer), default=0)
        # first word of each phrase of 2+ words -> its longest such phrase: most words
        # start none, and are passed over without trying every length
        self._gaz_first: dict[str, int] = {}
        for k in self.gazetteer:
            if len(k) > 1 and len(k) > self._gaz_first.get(k[0], 0):
                self._gaz_first[k[0]] = len(k)
        self._cache: dict[str, tuple] = {}

    # -- per word ---------------------------------------------------------
    def word(self, tok: str) -> tuple:
        hit = self._cache.get(tok)
        if hit is not None:
            return hit
        n = normalize(tok)
        prefix, stem = best_split(n)
        cl = self.clusters.get(n) or self.clusters.get(stem) or self.clusters.get("ال" + stem)
        own = [
            "w=" + n, "s=" + stem, "cp=" + prefix, "sh=" + shape(tok),
            "p2=" + n[:2], "p3=" + n[:3], "x1=" + n[-1:], "x2=" + n[-2:], "x3=" + n[-3:],
            "sx2=" + stem[-2:], "sp2=" + stem[:2], "len=" + str(min(len(stem), 8)),
        ]
        if cl:
            own += ["c%d=%s" % (i, c) for i, c in enumerate(cl)]
        else:
            own.append("c=none")
        g1 = self.gazetteer.get((n,)) or self.gazetteer.get((stem,)) or self.gazetteer.get(("ال" + stem,))
        if g1:
            own += ["g1=" + t for t in sorted(g1)]
        # what a neighbour sees of this word: fewer, more general features
        ctx = ["w=" + n, "s=" + stem] + (["c1=" + cl[1], "c2=" + cl[2]] if cl else ["c=none"])
        if g1:
            ctx += ["g1=" + t for t in sorted(g1)]
        vi = self.vindex.get(n)
        if vi is None:
            vi = self.vindex.get(stem, self.vindex.get("ال" + stem, -1))
        hit = (n, stem, tuple(own), tuple(ctx), vi)
        if len(self._cache) < 500000:
            self._cache[tok] = hit
        return hit

    # -- gazetteer phrases ----------------------------------------------------
    def gaz_tags(self, words: list[tuple]) -> list[list[str]]:
        out: list[list[str]] = [[] for _ in words]
        if not self.gaz_max:
            return out
        n = len(words)
        norms = [w[0] for w in words]
        starts = self._gaz_first
        gazetteer = self.gazetteer
        i = 0
        while i < n:
            best = None
            # the same search as over every length and reading, skipping the lookups that
            # cannot succeed (no phrase that long starts with that reading)
            firsts = [(f, starts[f]) for f in (norms[i], "ال" + words[i][1], words[i][1]) if f in starts]
            top = min(max((m for _, m in firsts), default=0), n - i)
            for L in range(top, 1, -1):
                rest = tuple(norms[i + 1:i + L])
                for first, longest in firsts:
                    if longest < L:
                        continue
                    types = gazetteer.get((first,) + rest)
                    if types:
                        best = (L, types)
                        break
                if best:
                    break
            if best:
                L, types = best
                for t in types:
                    out[i].append("gB=" + t)
                    for j in range(i + 1, i + L):
                        out[j].append("gI=" + t)
                i += L
            else:
                i += 1
        return out

    # -- sentence ---------------------------------------------------------
    def sentence(self, tokens: list[str]) -> list:
        """Features per token: lists of names, or dicts name → value when vectors are used."""
        words = [self.word(t) for t in tokens]
        xs = self._binary(words)
        if self.matrix is None:
            return xs
        rows = [w[4] for w in words]
        vecs = self.matrix[rows].tolist()  # rows of -1 are masked below
        n = len(words)
        out = []
        names = self._vnames
        for i, f in enumerate(xs):
            d = dict.fromkeys(f, 1.0)
            for off in (-1, 0, 1):
                j = i + off
                if 0 <= j < n and rows[j] >= 0:
                    d.update(zip(names[off], vecs[j]))
            out.append(d)
        return out

    def _binary(self, words: list[tuple]) -> list[list[str]]:
        gaz = self.gaz_tags(words)
        n = len(words)
        xs = []
        for i, (norm, stem, own, ctx, _) in enumerate(words):
            f = list(own)
            f.extend(gaz[i])
            for d in (-2, -1, 1, 2):
                j = i + d
                if 0 <= j < n:
                    tag = "%+d" % d
                    f.extend(tag + v for v in words[j][3])
                    if d in (-1, 1):
                        f.extend(tag + v for v in gaz[j])
                else:
                    f.append("%+d=BOS" % d if d < 0 else "%+d=EOS" % d)
            if i > 0:
                f.append("ww=" + words[i - 1][0] + "|" + norm)
            if i + 1 < n:
                f.append("wn=" + norm + "|" + words[i + 1][0])
            xs.append(f)
        return xs


def load_gazetteer_files(files: dict[str, list[str]]) -> dict[tuple[str, ...], frozenset[str]]:
    """{type: [path, ...]} of one-name-a-line files → normalised phrase → types."""
    raw: dict[tuple[str, ...], set[str]] = {}
    for kind, paths in files.items():
        for p in paths:
            with open(p, encoding="utf-8", errors="replace") as f:
                for line in f:
                    add_name(raw, kind, line)
    return {k: frozenset(v) for k, v in raw.items()}


def add_name(raw: dict, kind: str, name: str) -> None:
    name = name.strip()
    if not name or name.startswith("=") or len(name) < 2:
        return
    key = tuple(normalize(w) for w in name.split())
    if key:
        raw.setdefault(key, set()).add(kind)
