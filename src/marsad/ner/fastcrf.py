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

from .features import Featurizer

_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("w", "<f8")])
_OFFSETS = (-2, -1, 1, 2)  # neighbours whose features a token sees


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

    def viterbi(self, scores: list[np.ndarray]) -> list[list[str]]:
        """Best label path of each sentence from its state scores (tokens x labels): CRFsuite's
        recursion (first best on ties), run over all the sentences at once."""
        B = len(scores)
        lens = [len(S) for S in scores]
        T = max(lens)
        L = self.trans.shape[0]
        pad = np.zeros((B, T, L))
        for k, S in enumerate(scores):
            pad[k, :len(S)] = S
        trans = self.trans[None]
        back = np.zeros((B, T, L), dtype=np.intp)
        curs = np.empty((B, T, L))
        cur = curs[:, 0] = pad[:, 0]
        for t in range(1, T):
            M = cur[:, :, None] + trans  # (sentence, from, to)
            back[:, t] = M.argmax(axis=1)  # first best, as CRFsuite's strict `<`
            cur = curs[:, t] = M.max(axis=1) + pad[:, t]
        ends = curs[np.arange(B), np.array(lens) - 1].argmax(axis=1).tolist()
        back_l = back.tolist()
        labels = self.labels
        out = []
        for k in range(B):
            y = ends[k]
            path = [y]
            bk = back_l[k]
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
        self._words: dict[str, np.ndarray] = {}
        L = len(crf.labels)
        # weights of the vector features: one (dims x labels) matrix per offset
        self._vw = {}
        if featurizer.matrix is not None:
            for off in (-1, 0, 1):
                rows = [crf.attr_index.get(nm, crf.zero) for nm in featurizer._vnames[off]]
                self._vw[off] = crf.state[rows]
        self._edge = {d: crf.row_sum(["%+d=BOS" % d if d < 0 else "%+d=EOS" % d]) for d in _OFFSETS}
        self._L = L

    def _word_rows(self, tok: str, w: tuple) -> np.ndarray:
        """(5 x labels): the word's own score, then what it adds to the token at -2, -1, +1, +2
        from it (i.e. the word seen as that token's neighbour at offset d)."""
        hit = self._words.get(tok)
        if hit is not None:
            return hit
        crf = self.crf
        _n, _stem, own, ctx, vi = w
        vec = self.fz.matrix[vi] if (vi is not None and vi >= 0 and self.fz.matrix is not None) else None
        out = np.zeros((5, self._L))
        out[0] = crf.row_sum(dict.fromkeys(own))
        if vec is not None:
            out[0] += vec @ self._vw[0]
        for k, d in enumerate(_OFFSETS, start=1):
            tag = "%+d" % d
            out[k] = crf.row_sum(dict.fromkeys(tag + v for v in ctx))
            if vec is not None and d in (-1, 1):
                out[k] += vec @ self._vw[d]
        if len(self._words) < 500_000:
            self._words[tok] = out
        return out

    def tag(self, tokens: list[str]) -> list[str]:
        return self.tag_sentences([tokens])[0]

    def tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        out: list[list[str]] = [[] for _ in sentences]
        todo = [k for k, s in enumerate(sentences) if s]
        if todo:
            for k, tags in zip(todo, self.crf.viterbi(self._scores([sentences[k] for k in todo]))):
                out[k] = tags
        return out

    def _scores(self, sentences: list[list[str]]) -> list[np.ndarray]:
        """State scores (tokens x labels) of each (non-empty) sentence, computed over all
        their tokens at once; a token's neighbours stop at its sentence's edges."""
        fz = self.fz
        toks = [t for s in sentences for t in s]
        words = [fz.word(t) for t in toks]
        A = np.stack([self._word_rows(t, w) for t, w in zip(toks, words)])
        pos = np.concatenate([np.arange(len(s)) for s in sentences])
        left = pos[:, None]  # tokens before this one in its sentence
        right = np.concatenate([np.arange(len(s) - 1, -1, -1) for s in sentences])[:, None]
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
        # per-token features: gazetteer phrase positions (own and ±1) and word bigrams
        index = self.crf.attr_index
        at: list[int] = []
        ids: list[int] = []
        base = 0
        for sent in sentences:
            n = len(sent)
            ws = words[base:base + n]
            gaz = fz.gaz_tags(ws)
            for i in range(n):
                norm = ws[i][0]
                names = []
                if gaz[i]:
                    names.extend(gaz[i])
                if i > 0:
                    names.append("ww=" + ws[i - 1][0] + "|" + norm)
                    if gaz[i - 1]:
                        names.extend("-1" + v for v in gaz[i - 1])
                if i + 1 < n:
                    names.append("wn=" + norm + "|" + ws[i + 1][0])
                    if gaz[i + 1]:
                        names.extend("+1" + v for v in gaz[i + 1])
                for nm in dict.fromkeys(names):
                    a = index.get(nm)
                    if a is not None:
                        at.append(base + i)
                        ids.append(a)
            base += n
        if ids:
            np.add.at(S, at, self.crf.state[ids])
        out = []
        base = 0
        for sent in sentences:
            out.append(S[base:base + len(sent)])
            base += len(sent)
        return out
