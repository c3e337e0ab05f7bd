"""Tagging with a trained CRFsuite model without handing every feature string to CRFsuite.

`pycrfsuite.Tagger.tag` turns each token's features (about 160: word, affix, cluster,
context and 72 vector values) into CRFsuite items and looks each name up in the model,
which cost more than the rest of the pipeline together. But a linear-chain CRF's score
for a token is a sum of weight rows, one per active feature, and most of a token's
features belong to one word (its own features, and what it shows its neighbours): so the
weights of those are summed once per distinct word and cached, and a sentence only adds a
few rows per token (gazetteer phrases, word bigrams, sentence edges) before Viterbi.

The weights are read from the model file itself (CRFsuite's binary format: header,
feature chunk, CQDB string tables), at full precision, so the tags are the ones CRFsuite
gives: same scores up to floating-point summation order, same tie-breaking (first best).
"""
from __future__ import annotations

import struct
from pathlib import Path

import numpy as np

from ..memo import WORDS
from .features import Featurizer
from .subword import small_matmul

_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("w", "<f8")])
_OFFSETS = (-2, -1, 1, 2)  # neighbours whose features a token sees
_MAX_WORDS = WORDS  # words per cache generation (two are kept), each with 5 x 9 score floats


def _cqdb_strings(buf: bytes, off: int) -> list[str]:
    """The strings of a CQDB table, in id order (via its id -> record array)."""
    chunk, _size, _flag, _order, n, bwd = struct.unpack_from("<4sIIIII", buf, off)
    if chunk != b"CQDB":
        raise ValueError("not a CRFsuite model (no CQDB table)")
    out = []
    for rec in struct.unpack_from(f"<{n}I", buf, off + bwd):
        if rec == 0:
            out.append("")  # an id with no string: no feature refers to it
            continue
        _id, ksize = struct.unpack_from("<II", buf, off + rec)
        out.append(buf[off + rec + 8:off + rec + 7 + ksize].decode("utf-8"))
    return out


class LinearChainCRF:
    """State weights (attribute x label), transition weights (label x label), names."""

    def __init__(self, path: str | Path):
        buf = Path(path).read_bytes()
        magic, _size, kind, _ver, _nf, n_labels, _na, off_f, off_l, off_a = struct.unpack_from("<4sI4sIIIIIII", buf, 0)
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError(f"{path} is not a CRFsuite CRF1d model")
        chunk, _csize, num = struct.unpack_from("<4sII", buf, off_f)
        if chunk != b"FEAT":
            raise ValueError(f"{path}: no feature chunk")
        feats = np.frombuffer(buf, dtype=_FEATURE, count=num, offset=off_f + 12)
        self.labels = _cqdb_strings(buf, off_l)[:n_labels]
        attrs = _cqdb_strings(buf, off_a)
        self.attr_index = {a: i for i, a in enumerate(attrs)}
        st = feats[feats["type"] == 0]
        tr = feats[feats["type"] == 1]
        L = len(self.labels)
        # one extra zero row: what an unknown attribute adds
        self.state = np.zeros((len(attrs) + 1, L))
        np.add.at(self.state, (st["src"].astype(np.intp), st["dst"].astype(np.intp)), st["w"])
        self.trans = np.zeros((L, L))
        self.trans[tr["src"].astype(np.intp), tr["dst"].astype(np.intp)] = tr["w"]
        self.zero = len(attrs)

    def ids(self, names) -> list[int]:
        get = self.attr_index.get
        return [i for i in map(get, names) if i is not None]

    def row_sum(self, names) -> np.ndarray:
        return self.state[self.ids(names)].sum(axis=0)

    def reference_scores(self, items: list[dict[str, float]]) -> np.ndarray:
        """State scores (tokens x labels) of one sentence's features (name -> value), each
        feature's weight row read and summed alone: the reference for `FastTagger`."""
        S = np.zeros((len(items), len(self.labels)))
        for i, x in enumerate(items):
            for name, v in x.items():
                a = self.attr_index.get(name)
                if a is not None:
                    S[i] += v * self.state[a]
        return S

    def viterbi(self, scores: list[np.ndarray], trans: np.ndarray | None = None) -> list[list[str]]:
        """Best label path of each sentence from its state scores (tokens x labels): CRFsuite's
        recursion (first best on ties), run over all the sentences at once; `trans`: other
        transition weights than the model's (a mix of two models)."""
        B = len(scores)
        lens = [len(S) for S in scores]
        T = max(lens)
        L = self.trans.shape[0]
        # time-major buffers, so that each step reads and writes contiguous (B, L) blocks
        # in place: the loop is a handful of numpy calls per token position
        pad = np.zeros((T, B, L))
        for k, S in enumerate(scores):
            pad[:len(S), k] = S
        trans = (self.trans if trans is None else trans)[None]
        curs = np.empty((T, B, L))
        curs[0] = pad[0]
        # every step's (sentence, from, to) scores are kept, so that the back pointers
        # come from one argmax after the loop (first best, as CRFsuite's strict `<`)
        M = np.empty((T, B, L, L))
        M[0] = 0.0
        for t in range(1, T):
            Mt = M[t]
            np.add(curs[t - 1][:, :, None], trans, out=Mt)
            np.add(Mt.max(axis=1), pad[t], out=curs[t])
        back = M.argmax(axis=2)  # (T, B, L)
        ends = curs[np.array(lens) - 1, np.arange(B)].argmax(axis=1).tolist()
        back = back.transpose(1, 0, 2)
        labels = self.labels
        out = []
        for k in range(B):
            y = ends[k]
            path = [y]
            bk = back[k, :lens[k]].tolist()  # not the padding
            for t in range(lens[k] - 1, 0, -1):
                y = bk[t][y]
                path.append(y)
            out.append([labels[i] for i in reversed(path)])
        return out


class FastTagger:
    """Scores of the Featurizer's features under a CRF, per-word parts cached."""

    def __init__(self, crf: LinearChainCRF, featurizer: Featurizer):
        self.crf = crf
        self.fz = featurizer
        L = len(crf.labels)
        # token -> (its Featurizer reading, its row in `_rows`); `_rows[k]` holds the word's
        # five score rows (see `_word_rows`), so a sentence gathers them with one index
        self._words: dict[str, tuple[tuple, int]] = {}
        self._old: dict[str, tuple[tuple, int]] = {}  # the previous generation (see `_lookup`)
        self._rows = np.zeros((1024, 5, L))
        self._used = 0  # rows ever handed out; `_free` holds those given back
        self._free: list[int] = []
        # weights of the vector features: one (dims x labels) matrix per offset
        self._vw = {}
        if featurizer.vdims:
            for off in (-1, 0, 1):
                rows = [crf.attr_index.get(nm, crf.zero) for nm in featurizer._vnames[off]]
                self._vw[off] = crf.state[rows]
        self._vstack = np.hstack([self._vw[0], self._vw[-1], self._vw[1]]) if self._vw else None
        # the subword block seen from ±2 (feature option `subword_window2`)
        self._wide = None
        if featurizer.sub_wide:
            self._wide = np.hstack([crf.state[[crf.attr_index.get(nm, crf.zero) for nm in featurizer._snames[off]]]
                                    for off in (-2, 2)])
        self._edge = {d: crf.row_sum(["%+d=BOS" % d if d < 0 else "%+d=EOS" % d]) for d in _OFFSETS}
        self._L = L
        self._pairs: dict[tuple[str, str], tuple[int | None, int | None]] = {}
        self.partner: FastTagger | None = None  # a tagger over the same Featurizer fed by this one

    def _lookup(self, toks: list[str]) -> tuple[list[tuple], list[int]]:
        """Featurizer reading and score-row index of each token; the rows of words not seen
        before are computed together (one gather, one sum, one vector product).

        The cache has two generations, so memory stays bounded on an endless stream while
        the words still in use stay: when the current one is full it becomes the old one,
        and the words of the previous old one give back their rows; a word found in the
        old generation moves to the current one with its row."""
        cache = self._words
        if len(cache) + len(toks) > _MAX_WORDS:  # never in the middle of a call
            self._free.extend(k for _w, k in self._old.values())
            self._old, self._words = cache, {}
            cache = self._words
        hits = list(map(cache.get, toks))
        if None not in hits:  # the common case once the article's words are known
            return [h[0] for h in hits], [h[1] for h in hits]
        old = self._old
        todo: dict[str, None] = {}  # new words, each once
        for t, h in zip(toks, hits):
            if h is None and t not in todo:
                back = old.pop(t, None)
                if back is not None:
                    cache[t] = back
                elif t not in cache:
                    todo[t] = None
        if todo:
            fresh = list(todo)
            readings = self.fz.reads(fresh)
            self._store(fresh, readings)
            if self.partner is not None:
                # a second CRF over the same features (marsad.ner.stack) gets its rows from the
                # same readings: each new word is featurized once for both
                self.partner._feed(fresh, readings)
        hits = [cache[t] for t in toks]
        return [h[0] for h in hits], [h[1] for h in hits]

    def _store(self, fresh: list[str], readings: list[tuple]) -> None:
        """Score rows of the new words `fresh` from their Featurizer readings."""
        slots = self._slots(len(fresh))
        self._rows[slots] = self._word_rows(readings)
        # once its score rows exist, a word is only needed as (normalised form, stem)
        # for the gazetteer phrases and bigrams: its feature names (kilobytes) go
        cache = self._words
        for t, w, k in zip(fresh, readings, slots):
            cache[t] = (w[:2], k)

    def _feed(self, words: list[str], readings: list[tuple]) -> None:
        """Words another tagger over the same Featurizer has just read (the partner's side of
        `_lookup`): the new ones get their rows here, those of the old generation move back."""
        if len(self._words) + len(words) > _MAX_WORDS:
            self._free.extend(k for _w, k in self._old.values())
            self._old, self._words = self._words, {}
        cache, old = self._words, self._old
        todo, rs = [], []
        for t, r in zip(words, readings):
            if t in cache:
                continue
            back = old.pop(t, None)
            if back is not None:
                cache[t] = back
            else:
                todo.append(t)
                rs.append(r)
        if todo:
            self._store(todo, rs)

    def _slots(self, n: int) -> list[int]:
        """`n` free rows of `_rows`: given-back rows first, then new ones (growing the array)."""
        free = self._free
        take = free[len(free) - min(n, len(free)):]
        del free[len(free) - len(take):]
        more = n - len(take)
        if more:
            first = self._used
            need = first + more
            if need > len(self._rows):
                grown = np.zeros((max(need, 2 * len(self._rows)), *self._rows.shape[1:]))
                grown[:first] = self._rows[:first]
                self._rows = grown
            take += range(first, need)
            self._used = need
        return take

    def _word_rows(self, words: list[tuple]) -> np.ndarray:
        """(words x 5 x labels): each word's own score, then what it adds to the token at
        -2, -1, +1, +2 from it (the word seen as that token's neighbour at offset d)."""
        crf = self.crf
        # the attribute rows of every group, each closed by the zero row (so none is
        # empty), summed group by group in one call
        ids: list[int] = []
        cuts: list[int] = []
        for _n, _stem, own, ctx, _vi in words:
            for names in (own, *(ctx[d] for d in _OFFSETS)):  # ctx: offset -> prefixed names
                cuts.append(len(ids))
                ids.extend(crf.ids(dict.fromkeys(names)))
                ids.append(crf.zero)
        out = np.add.reduceat(crf.state[ids], cuts, axis=0).reshape(len(words), 5, self._L)
        if self._vstack is not None:
            with_vec = [k for k, w in enumerate(words) if w[4] is not None]
            if with_vec:
                # own, -1, +1 vector weights side by side
                v = small_matmul(np.stack([words[k][4] for k in with_vec]), self._vstack)
                L = self._L
                out[with_vec, 0] += v[:, :L]
                out[with_vec, 2] += v[:, L:2 * L]
                out[with_vec, 3] += v[:, 2 * L:]
                if self._wide is not None:
                    p = self.fz._pdims
                    v = small_matmul(np.stack([words[k][4][p:] for k in with_vec]), self._wide)
                    out[with_vec, 1] += v[:, :L]
                    out[with_vec, 4] += v[:, L:]
        return out

    def tag(self, tokens: list[str]) -> list[str]:
        return self.tag_sentences([tokens])[0]

    def tag_sentences(self, sentences: list[list[str]], extra: list[list[list[str]]] | None = None) -> list[list[str]]:
        """Tags of each sentence; `extra`: more feature names per token of each sentence (the
        second stage's, `marsad.ner.stack`), each worth 1."""
        out: list[list[str]] = [[] for _ in sentences]
        todo = [k for k, s in enumerate(sentences) if s]
        if todo:
            more = [extra[k] for k in todo] if extra is not None else None
            for k, tags in zip(todo, self.crf.viterbi(self._scores([sentences[k] for k in todo], more))):
                out[k] = tags
        return out

    def stems(self, sentences: list[list[str]]) -> list[list[tuple[str, str]]]:
        """(normalised form, stem) of each token (from the word cache)."""
        words, _rows = self._lookup([t for s in sentences for t in s])
        out, base = [], 0
        for s in sentences:
            out.append(words[base:base + len(s)])
            base += len(s)
        return out

    def _scores(self, sentences: list[list[str]], extra: list[list[list[str]]] | None = None) -> list[np.ndarray]:
        """State scores (tokens x labels) of each (non-empty) sentence, computed over all
        their tokens at once; a token's neighbours stop at its sentence's edges."""
        words, rows = self._lookup([t for s in sentences for t in s])
        S = self._window_scores(sentences, rows)
        at, ids = self._token_features(sentences, words)
        if extra is not None:
            get = self.crf.attr_index.get
            base = 0
            for sent, names in zip(sentences, extra):
                for i, fs in enumerate(names):
                    for nm in fs:
                        a = get(nm)
                        if a is not None:
                            at.append(base + i)
                            ids.append(a)
                base += len(sent)
        if ids:
            np.add.at(S, at, self.crf.state[ids])
        out = []
        base = 0
        for sent in sentences:
            out.append(S[base:base + len(sent)])
            base += len(sent)
        return out

    def _window_scores(self, sentences: list[list[str]], rows) -> np.ndarray:
        """The scores of each token's own word and of the words up to two away (vectorised
        over all tokens), with the sentence-edge features."""
        A = self._rows[rows]
        left = np.array([i for s in sentences for i in range(len(s))])[:, None]  # tokens before, in its sentence
        right = np.array([i for s in sentences for i in range(len(s) - 1, -1, -1)])[:, None]  # and after
        S = A[:, 0].copy()
        # a token sees the word at i+d through that word's row for offset d (the masks add
        # exact zeros across sentence edges)
        S[2:] += A[:-2, 1] * (left[2:] >= 2)
        S[1:] += A[:-1, 2] * (left[1:] >= 1)
        S[:-1] += A[1:, 3] * (right[:-1] >= 1)
        S[:-2] += A[2:, 4] * (right[:-2] >= 2)
        edge = self._edge
        S += edge[-1] * (left < 1)
        S += edge[-2] * (left < 2)
        S += edge[1] * (right < 1)
        S += edge[2] * (right < 2)
        return S

    def _token_features(self, sentences: list[list[str]], words) -> tuple[list[int], list[int]]:
        """(token, attribute) pairs of the per-token features: word bigrams and gazetteer
        phrase positions (own and ±1)."""
        fz = self.fz
        index = self.crf.attr_index
        pairs = self._pairs
        if len(pairs) > _MAX_WORDS:  # word pairs: as many as words
            pairs.clear()
        at: list[int] = []
        ids: list[int] = []
        base = 0
        for sent in sentences:
            n = len(sent)
            ws = words[base:base + n]
            # a word pair gives `ww=` to its second token and `wn=` to its first
            prev = ws[0][0]
            for i in range(1, n):
                norm = ws[i][0]
                key = (prev, norm)
                r = pairs.get(key)
                if r is None:
                    bigram = prev + "|" + norm
                    r = pairs[key] = (index.get("ww=" + bigram), index.get("wn=" + bigram))
                if r[0] is not None:
                    at.append(base + i)
                    ids.append(r[0])
                if r[1] is not None:
                    at.append(base + i - 1)
                    ids.append(r[1])
                prev = norm
            for i, tags in enumerate(fz.gaz_tags(ws)):
                if not tags:
                    continue
                for j, pre in ((i, ""), (i + 1, "-1"), (i - 1, "+1")):
                    if 0 <= j < n:
                        for v in tags:
                            a = index.get(pre + v)
                            if a is not None:
                                at.append(base + j)
                                ids.append(a)
            base += n
        return at, ids
