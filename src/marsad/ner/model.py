"""A trained tagger on disk: a directory holding the CRF weights and the resources its
features were computed with (word clusters, gazetteer), so that a model always sees at
run time exactly the features it was trained on.

    crf.model       python-crfsuite weights
    clusters.tsv    word<TAB>cluster id per granularity
    vectors.npy     word vectors (float16), one row per line of clusters.tsv
    subword.npz     character n-gram vectors and their cluster centres (optional)
    gazetteer.tsv   type<TAB>normalised name
    lexicon.tsv     type<TAB>name tagged in the training data (feature option `lexicon`)
    crf2.model      the second-stage CRF (optional; `marsad.ner.stack`): the same features plus
                    what the first CRF tagged around each token
    meta.json       feature version, training data and scores
"""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import MarsadError
from .clusters import load_clusters
from .data import to_bio
from .fastcrf import FastTagger, LinearChainCRF
from .features import Featurizer

DEFAULT_MODEL = Path(__file__).resolve().parents[1] / "models" / "ner"
FEATURE_VERSION = 1


def load_gazetteer(path: str | Path) -> dict[tuple[str, ...], frozenset[str]]:
    raw: dict[tuple[str, ...], set[str]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            kind, _, name = line.rstrip("\n").partition("\t")
            if name:
                raw.setdefault(tuple(name.split(" ")), set()).add(kind)
    return {k: frozenset(v) for k, v in raw.items()}


def save_gazetteer(gaz: dict[tuple[str, ...], frozenset[str]], path: str | Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for key in sorted(gaz):
            for kind in sorted(gaz[key]):
                f.write(f"{kind}\t{' '.join(key)}\n")


class Tagger:
    """tag(tokens) → one BIO tag per token (B-/I- PER, LOC, ORG, MISC, or O)."""

    def __init__(self, crf_path: str | Path, featurizer: Featurizer, meta: dict | None = None):
        import pycrfsuite

        self.featurizer = featurizer
        self.meta = meta or {}
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(crf_path))
        # the same model scored with per-word cached weights (see fastcrf): same tags, faster
        self._fast = FastTagger(LinearChainCRF(crf_path), featurizer)
        # a model trained on BIOES labels (S-/E- for one-token entities and last tokens)
        # still answers in IOB2
        self._bioes = any(lab[:2] in ("S-", "E-") for lab in self._fast.crf.labels)
        # the second stage (crf2.model beside crf.model, if present): see marsad.ner.stack
        self._crf2 = self._fast2 = None
        crf2 = Path(crf_path).with_name("crf2.model")
        if crf2.exists():
            self._crf2 = pycrfsuite.Tagger()
            self._crf2.open(str(crf2))
            self._fast2 = FastTagger(LinearChainCRF(crf2), featurizer)
            self._fast.partner = self._fast2
        self.stack_window = int(self.meta.get("stack", {}).get("window", 20))
        # what the second stage reads: the first CRF's tags ("crf") or those after the pass ("pass")
        self.stack_input = self.meta.get("stack", {}).get("input", "crf")
        from .stack import GROUPS

        self.stack_groups = tuple(self.meta.get("stack", {}).get("features", GROUPS))
        # the second stage's share of the scores (state and transition) that are decoded: 1 = the
        # second stage alone; below, a product of the two models (both are log-linear)
        self.stack_mix = float(self.meta.get("stack", {}).get("mix", 1.0))
        self._mixed_trans = None
        if self._fast2 is not None:
            if self._fast2.crf.labels != self._fast.crf.labels:
                raise MarsadError(f"{crf2}: its labels are not those of {Path(crf_path).name}")
            a = self.stack_mix
            self._mixed_trans = (1 - a) * self._fast.crf.trans + a * self._fast2.crf.trans

    def _stacked(self, sents: list[list[str]]) -> list[list[str]]:
        """Both stages over the non-empty sentences, the first stage's scores computed once."""
        from .stack import stack_names, token_stem

        out: list[list[str]] = [[] for _ in sents]
        todo = [k for k, s in enumerate(sents) if s]
        if not todo:
            return out
        ss = [sents[k] for k in todo]
        f1, f2 = self._fast, self._fast2
        s1 = f1._scores(ss)
        tags = [to_bio(t) for t in f1.crf.viterbi(s1)]
        if self.stack_input == "pass":
            from .postprocess import consistent as fill

            tags = fill(ss, tags)
        stems = [[token_stem(*w) for w in ws] for ws in f1.stems(ss)]
        s2 = f2._scores(ss, stack_names(stems, tags, self.stack_window, self.stack_groups))
        a = self.stack_mix
        if a < 1.0:
            tags = f1.crf.viterbi([(1 - a) * x + a * y for x, y in zip(s1, s2)], self._mixed_trans)
        else:
            tags = f2.crf.viterbi(s2)
        for k, t in zip(todo, tags):
            out[k] = to_bio(t)
        return out

    @property
    def stacked(self) -> bool:
        return self._fast2 is not None

    def tag(self, tokens: list[str]) -> list[str]:
        if not tokens:
            return []
        return self.tag_sentences([list(tokens)], consistent=False)[0]

    def tag_crfsuite(self, tokens: list[str]) -> list[str]:
        """`tag` through CRFsuite itself (the reference the fast path must agree with)."""
        return self.tag_sentences_crfsuite([tokens])[0]

    def tag_sentences_crfsuite(self, sentences: list[list[str]]) -> list[list[str]]:
        """`tag_sentences(..., consistent=False)` through CRFsuite itself (the reference): the
        first stage by CRFsuite; the second by CRFsuite, or, when its scores are mixed with
        the first's (`stack.mix` < 1), by each token's features summed from the model files'
        weights one by one (`LinearChainCRF.reference_scores`), not through the word caches."""
        sents = [list(s) for s in sentences]
        feats = [self.featurizer.sentence(s) if s else [] for s in sents]
        tags = [to_bio(self._crf.tag(f)) if s else [] for s, f in zip(sents, feats)]
        if self._crf2 is None:
            return tags
        from .stack import stack_names, token_stem

        stems = [[token_stem(*w[:2]) for w in self.featurizer.words(s)] for s in sents]
        if self.stack_input == "pass":
            from .postprocess import consistent as fill

            tags = fill(sents, tags)
        extra = stack_names(stems, tags, self.stack_window, self.stack_groups)
        out = []
        a = self.stack_mix
        c1, c2 = self._fast.crf, self._fast2.crf
        for s, f, names in zip(sents, feats, extra):
            if not s:
                out.append([])
                continue
            xs = [dict(x) if isinstance(x, dict) else dict.fromkeys(x, 1.0) for x in f]
            if a < 1.0:
                s1 = c1.reference_scores(xs)
            for x, nm in zip(xs, names):
                x.update(dict.fromkeys(nm, 1.0))
            if a < 1.0:
                out.append(to_bio(c1.viterbi([(1 - a) * s1 + a * c2.reference_scores(xs)],
                                             (1 - a) * c1.trans + a * c2.trans)[0]))
            else:
                out.append(to_bio(self._crf2.tag(xs)))
        return out

    def tag_sentences(self, sentences: list[list[str]], consistent: bool = True) -> list[list[str]]:
        """Tags of consecutive sentences of one text (or a file of them, in order): the CRF
        tags each sentence (all in one batch); with a second stage, it tags them again seeing
        the first one's labels nearby (`marsad.ner.stack`), its scores mixed with the first
        one's; then untagged repeats of names tagged nearby are filled in
        (`marsad.ner.postprocess`), unless `consistent` is False."""
        sents = [list(s) for s in sentences]
        if self._fast2 is None:
            tags = self._fast.tag_sentences(sents)
            if self._bioes:
                tags = [to_bio(t) for t in tags]
        else:
            tags = self._stacked(sents)
        if not consistent:
            return tags
        from .postprocess import consistent as fill

        return fill(sents, tags)


def load_tagger(path: str | Path) -> Tagger:
    path = Path(path)
    crf = path / "crf.model"
    if not crf.exists():
        raise MarsadError(f"no NER model at {path} (expected {crf.name}; train one with `marsad train ner`)")
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8")) if (path / "meta.json").exists() else {}
    if meta.get("feature_version", FEATURE_VERSION) != FEATURE_VERSION:
        raise MarsadError(f"NER model at {path} was trained with feature version {meta.get('feature_version')}, "
                          f"this marsad computes version {FEATURE_VERSION}: retrain it")
    return Tagger(crf, featurizer_for(path, meta.get("vector_scale"), meta.get("feature_options")), meta)


def featurizer_for(path: Path, scale: dict | None = None, options: dict | None = None) -> Featurizer:
    """The Featurizer over a model directory's resources (those present). `scale` multiplies
    the real-valued features ({"word": x, "subword": y}; meta.json's `vector_scale`): with
    L1/L2 regularisation a feature's scale decides how cheaply the CRF can weight it.
    `options`: the optional features (`marsad.ner.features.OPTIONS`; meta.json's `feature_options`)."""
    from .subword import load_subword

    scale = scale or {}
    clusters = load_clusters(path / "clusters.tsv") if (path / "clusters.tsv").exists() else {}
    gaz = load_gazetteer(path / "gazetteer.tsv") if (path / "gazetteer.tsv").exists() else {}
    vectors = load_vectors(path, clusters)
    if vectors is not None and scale.get("word", 1.0) != 1.0:
        vectors[1][:] *= scale["word"]
    subword = load_subword(path / "subword.npz")
    if subword is not None and scale.get("subword", 1.0) != 1.0:
        subword.rescale(scale["subword"])
    fz = Featurizer(clusters, gaz, vectors, subword, options)
    if fz.options.get("word_prior") and (path / "prior.tsv").exists():
        fz.prior = load_prior(path / "prior.tsv")
    if fz.options["lexicon"] and (path / "lexicon.tsv").exists():
        fz.set_lexicon(load_gazetteer(path / "lexicon.tsv"))
    return fz


def load_prior(path: Path) -> dict[str, int]:
    """prior.tsv: normalised word<TAB>log2 bucket of its count in the unlabelled text."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            w, _, b = line.rstrip("\n").partition("\t")
            if b:
                out[w] = int(b)
    return out


def save_prior(counts, path: Path, min_count: int = 2) -> None:
    """Buckets 1..16 (1 + floor(log2 count)) of the words seen at least `min_count` times."""
    import math

    with open(path, "w", encoding="utf-8") as f:
        for w, c in sorted(counts.items(), key=lambda x: (-x[1], x[0])):
            if c >= min_count:
                f.write(f"{w}\t{min(16, 1 + int(math.log2(c)))}\n")


def load_vectors(path: Path, clusters: dict) -> tuple[dict[str, int], "np.ndarray"] | None:
    f = path / "vectors.npy"
    if not f.exists():
        return None
    import numpy as np

    matrix = np.load(f).astype(np.float32)
    if len(matrix) != len(clusters):
        raise MarsadError(f"{f} has {len(matrix)} rows but clusters.tsv has {len(clusters)} words")
    # row -1 (unknown word) must read as zeros: append one zero row for it
    matrix = np.vstack([matrix, np.zeros((1, matrix.shape[1]), dtype=np.float32)])
    return {w: i for i, w in enumerate(clusters)}, matrix
