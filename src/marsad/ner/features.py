"""Token features for the NER sequence tagger.

Features of a word alone (its normalised form, clitic-stripped stem, affixes, shape,
word clusters, gazetteer types) are computed once per distinct word and cached; a
sentence then only joins them with the features of its neighbours, which keeps tagging
fast. Gazetteer phrases (several words) are matched over the sentence, clitics allowed
on the first word, and give B-/I- position features.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

import numpy as np

from ..arabic import clitic_splits, normalize
from ..memo import WORDS

_LATIN = re.compile(r"[A-Za-z]")
_ARABIC = re.compile(r"[\u0621-\u064a]")
_DIGIT = re.compile(r"\d")

CACHE_WORDS = 200_000

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


# optional features (meta.json `feature_options`; all off = the features of FEATURE_VERSION 1)
OPTIONS = {
    "stem_affixes": False,  # 3-letter prefix and 1- and 3-letter suffixes of the clitic-stripped stem
    "subword_window2": False,  # the subword vectors of the ±2 neighbours as well (±1 always)
    "lexicon": False,  # names tagged in the training data (out-of-fold while training; lexicon.tsv)
    "word_prior": False,  # how common the word is in the unlabelled text (prior.tsv: log2 count buckets)
    "org_phrase": False,  # distance (1-4) back to an organisation head word (وزارة، حزب ...) with no punctuation between
}

# organisation head words (stems, article and clitics read off) for the `org_phrase` option: the
# `org_heads` of `marsad/knowledge/entity_cues.json` plus a few the issue lists
_EXTRA_ORG_HEADS = ("نادي", "جيش", "قوات", "منظمه", "حركه", "اتحاد", "لجنه", "هيئه", "صندوق", "وكاله",
                    "مجلس", "جامعه", "شركه", "حزب", "بنك", "جبهه", "وزاره", "مؤسسه", "معهد", "اكاديميه",
                    "صحيفه", "اذاعه", "تلفزيون", "قناه", "برلمان", "مجمع", "نقابه", "جمعيه", "فريق", "منتخب")


def org_head_stems() -> frozenset[str]:
    import json
    from pathlib import Path
    cues = Path(__file__).resolve().parents[1] / "knowledge" / "entity_cues.json"
    words = list(_EXTRA_ORG_HEADS)
    try:
        heads = json.loads(cues.read_text(encoding="utf-8")).get("org_heads", {})
        words += list(heads)
    except OSError:
        pass
    return frozenset(best_split(normalize(w))[1] for w in words)


class Featurizer:
    def __init__(self, clusters: dict[str, tuple[str, ...]] | None = None,
                 gazetteer: dict[tuple[str, ...], frozenset[str]] | None = None,
                 vectors: tuple[dict[str, int], "np.ndarray"] | None = None, subword=None,
                 options: dict | None = None):
        unknown = set(options or {}) - set(OPTIONS)
        if unknown:
            raise ValueError(f"unknown NER feature options: {sorted(unknown)}")
        self.options = {**OPTIONS, **(options or {})}
        self.stem_affixes = bool(self.options["stem_affixes"])
        self.org_heads = org_head_stems() if self.options["org_phrase"] else None
        self.prior: dict[str, int] = {}  # normalised word → log2 bucket of its unlabelled count (word_prior)
        self.clusters = clusters or {}
        # word vectors: (word → row, matrix); each dimension becomes a real-valued
        # feature of the word and of its neighbours (±1)
        self.vindex, self.matrix = vectors if vectors is not None else ({}, None)
        # subword vectors (`marsad.ner.subword`): every word has one, appended to the
        # vector above, and its subword cluster ids are features like the word clusters
        self.subword = subword
        dims = 0 if self.matrix is None else self.matrix.shape[1]
        self._pdims = dims
        if subword is not None:
            dims += subword.dims
        self.vdims = dims
        self._vnames = {d: tuple("v%+d_%d" % (d, q) for q in range(dims)) for d in (-1, 0, 1)}
        # subword dimensions seen from ±2 (option): the same names, from the subword block on
        self.sub_wide = bool(self.options["subword_window2"]) and subword is not None
        self._snames = {d: tuple("v%+d_%d" % (d, q) for q in range(self._pdims, dims)) for d in (-2, 2)}
        self.gazetteer = gazetteer or {}
        self.gaz_max = max((len(k) for k in self.gazetteer), default=0)
        # first word of a multi-word name → its longest length: most positions start no
        # name at all and are skipped with one set lookup
        self.gaz_first: dict[str, int] = {}
        for k in self.gazetteer:
            if len(k) > 1 and self.gaz_first.get(k[0], 0) < len(k):
                self.gaz_first[k[0]] = len(k)
        self._cache: dict[str, tuple] = {}
        self._gaz_heads: dict[str, tuple[tuple[str, int], ...]] = {}
        self.set_lexicon({})

    # -- per word ---------------------------------------------------------
    def words(self, toks: list[str]) -> list[tuple]:
        """`read` of each token, cached (training featurizes the same words again and again);
        the new ones are read together (`reads`)."""
        cache = self._cache
        new = [t for t in dict.fromkeys(toks) if t not in cache]
        if not new:
            return [cache[t] for t in toks]
        done = dict(zip(new, self.reads(new)))
        if len(cache) + len(done) > CACHE_WORDS:
            cache.clear()  # bounded memory in long runs; refills with the frequent words
        cache.update(done)
        return [cache.get(t) or done[t] for t in toks]

    def reads(self, toks: list[str]) -> list[tuple]:
        """`read` of each token, uncached; the subword readings of all of them computed together."""
        if self.subword is None:
            return [self.read(t) for t in toks]
        parts = []
        for t in toks:
            n = normalize(t)
            parts.append((n, *best_split(n)))
        subs = self.subword.many([p[2] for p in parts])
        return [self.read(t, (*p, sub)) for t, p, sub in zip(toks, parts, subs)]

    def read(self, tok: str, pre: tuple | None = None) -> tuple:
        """(normalised form, stem, own feature names, neighbour names by offset, vector or None);
        `pre` = (normalised, proclitics, stem, subword reading) when `reads` computed them."""
        if pre is None:
            n = normalize(tok)
            prefix, stem = best_split(n)
            sub = self.subword.many([stem])[0] if self.subword is not None else None
        else:
            n, prefix, stem, sub = pre
        cl = self.clusters.get(n) or self.clusters.get(stem) or self.clusters.get("ال" + stem)
        own = [
            "w=" + n, "s=" + stem, "cp=" + prefix, "sh=" + shape(tok),
            "p2=" + n[:2], "p3=" + n[:3], "x1=" + n[-1:], "x2=" + n[-2:], "x3=" + n[-3:],
            "sx2=" + stem[-2:], "sp2=" + stem[:2], "len=" + str(min(len(stem), 8)),
        ]
        if self.stem_affixes:
            own += ["sp3=" + stem[:3], "sx1=" + stem[-1:], "sx3=" + stem[-3:]]
        if self.prior:
            pr = self.prior
            own += ["fq=%d" % pr.get(n, 0), "fs=%d" % max(pr.get(stem, 0), pr.get("ال" + stem, 0))]
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
        vec = None
        if self.matrix is not None:
            vec = self.matrix[vi] if vi >= 0 else None
        if sub is not None:
            sv, sc = sub
            own += ["sc%d=%s" % (i, c) for i, c in enumerate(sc)]
            ctx += ["sc0=" + sc[0]] if sc else []
            vec = np.concatenate([vec if vec is not None else np.zeros(self._pdims, np.float32), sv])
        # the neighbour features already prefixed with their offset, for each offset
        by_offset = {d: tuple("%+d" % d + v for v in ctx) for d in (-2, -1, 1, 2)}
        return (n, stem, tuple(own), by_offset, vec)

    # -- gazetteer phrases ----------------------------------------------------
    def set_lexicon(self, lexicon: dict[tuple[str, ...], frozenset[str]]) -> None:
        """Names tagged in labelled text (`build_lexicon`), matched like gazetteer phrases but
        from one word on, as features `lB=`/`lI=` (option `lexicon`)."""
        self.lexicon = lexicon
        self._lex_first: dict[str, int] = {}
        for k in lexicon:
            if self._lex_first.get(k[0], 0) < len(k):
                self._lex_first[k[0]] = len(k)
        self._lex_heads: dict[str, tuple[tuple[str, int], ...]] = {}

    def gaz_tags(self, words: list[tuple]) -> list[list[str]]:
        out: list[list[str]] = [[] for _ in words]
        if self.gaz_max:
            self._phrases(words, self.gazetteer, self.gaz_first, self._gaz_heads, 2, "g", out)
        if self.lexicon:
            self._phrases(words, self.lexicon, self._lex_first, self._lex_heads, 1, "l", out)
        return out

    @staticmethod
    def _phrases(words: list[tuple], table: dict, firsts: dict[str, int], heads: dict, shortest: int,
                 tag: str, out: list[list[str]]) -> None:
        """Longest matches of `table`'s phrases (of `shortest` words or more), clitics allowed on
        the first word, as `<tag>B=TYPE` / `<tag>I=TYPE` features appended to `out`."""
        n = len(words)
        norms = [w[0] for w in words]
        # per normalised word: the readings (as written, with the article, the stem) that
        # start a name, with its longest length; most words start none
        if len(heads) > WORDS:
            heads.clear()
        b, inside = tag + "B=", tag + "I="
        i = 0
        while i < n:
            w = words[i]
            hs = heads.get(w[0])
            if hs is None:
                hs = heads[w[0]] = tuple((f, firsts[f]) for f in (w[0], "ال" + w[1], w[1]) if firsts.get(f, 0) >= shortest)
            if not hs:
                i += 1
                continue
            best = None
            for first, longest in hs:
                for L in range(min(longest, n - i), shortest - 1, -1):
                    types = table.get((first,) + tuple(norms[i + 1:i + L]))
                    if types:
                        if best is None or L > best[0]:
                            best = (L, types)
                        break
            if best:
                L, types = best
                for t in types:
                    out[i].append(b + t)
                    for j in range(i + 1, i + L):
                        out[j].append(inside + t)
                i += L
            else:
                i += 1

    # -- sentence ---------------------------------------------------------
    def sentence(self, tokens: list[str]) -> list:
        """Features per token: lists of names, or dicts name → value when vectors are used."""
        words = self.words(tokens)
        xs = self._binary(words)
        if not self.vdims:
            return xs
        vecs = [None if w[4] is None else w[4].tolist() for w in words]
        n = len(words)
        out = []
        names = self._vnames
        wide = self.sub_wide
        p = self._pdims
        for i, f in enumerate(xs):
            d = dict.fromkeys(f, 1.0)
            for off in (-1, 0, 1):
                j = i + off
                if 0 <= j < n and vecs[j] is not None:
                    d.update(zip(names[off], vecs[j]))
            if wide:
                for off in (-2, 2):
                    j = i + off
                    if 0 <= j < n and vecs[j] is not None:
                        d.update(zip(self._snames[off], vecs[j][p:]))
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
                    f.extend(words[j][3][d])
                    if gaz[j] and d in (-1, 1):
                        tag = "%+d" % d
                        f.extend(tag + v for v in gaz[j])
                else:
                    f.append("%+d=BOS" % d if d < 0 else "%+d=EOS" % d)
            if i > 0:
                f.append("ww=" + words[i - 1][0] + "|" + norm)
            if i + 1 < n:
                f.append("wn=" + norm + "|" + words[i + 1][0])
            xs.append(f)
        if self.org_heads:
            heads = self.org_heads
            last = None  # index of the last head word with no punctuation since
            for i, w in enumerate(words):
                if w[2][3].startswith("sh=p:"):
                    last = None
                    continue
                if last is not None and i - last <= 4:
                    xs[i].append("oh=%d" % (i - last))
                if w[1] in heads:
                    xs[i].append("oh=0")
                    last = i
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


def build_lexicon(sents, min_share: float = 0.5, max_len: int = 4) -> dict[tuple[str, ...], frozenset[str]]:
    """Names tagged in labelled sentences → their majority type, keyed like the gazetteer
    (normalised words; the first one also without its clitics, as `gaz_tags` looks it up), kept
    when at least `min_share` of the phrase's occurrences in that text are tagged (a word that
    is mostly not a name, such as `على` read as the name `علي`, stays out)."""
    from collections import Counter

    from .data import spans

    def keys(norm, stems, i, j):
        rest = tuple(norm[i + 1:j])
        return {(norm[i],) + rest, (stems[i],) + rest}

    types: dict[tuple[str, ...], Counter] = {}
    texts = []
    for toks, tags in sents:
        norm = [normalize(t) for t in toks]
        stems = [best_split(x)[1] for x in norm]
        texts.append((norm, stems))
        for i, j, t in spans(tags):
            if j - i <= max_len:
                for k in keys(norm, stems, i, j):
                    types.setdefault(k, Counter())[t] += 1
    seen: Counter = Counter()
    for norm, stems in texts:
        for i in range(len(norm)):
            for L in range(1, min(max_len, len(norm) - i) + 1):
                for k in keys(norm, stems, i, i + L):
                    if k in types:
                        seen[k] += 1
    return {k: frozenset([c.most_common(1)[0][0]]) for k, c in types.items()
            if len(" ".join(k)) >= 2 and sum(c.values()) >= min_share * seen[k]}
