"""The shipped topic model: TF-IDF over word keys and one linear layer, in numpy.

Stored as `models/topics/model.npz` (vocabulary, idf, weights, labels: plain arrays,
no pickle) and read once per process.
"""
from __future__ import annotations

import math
from collections import Counter
from importlib import resources
from pathlib import Path

import numpy as np

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "topics"


class TopicModel:
    def __init__(self, vocab: list[str], idf: np.ndarray, coef: np.ndarray, intercept: np.ndarray, labels: list[str]):
        self.index = {w: i for i, w in enumerate(vocab)}
        self.vocab = vocab
        self.idf = idf.astype(np.float32)
        self.coef_t = np.ascontiguousarray(coef.T.astype(np.float32))  # (features, labels)
        self.intercept = intercept.astype(np.float32)
        self.labels = labels

    # -- io ---------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        np.savez_compressed(
            path,
            vocab=np.array(self.vocab),
            idf=self.idf.astype(np.float16),
            coef=self.coef_t.T.astype(np.float16),
            intercept=self.intercept,
            labels=np.array(self.labels),
        )

    @classmethod
    def load(cls, path: str | Path | None = None) -> "TopicModel":
        if path is None:
            path = resources.files("marsad.models").joinpath("topics", "model.npz")
        with resources.as_file(path) if not isinstance(path, (str, Path)) else _nullctx(path) as p:
            z = np.load(p, allow_pickle=False)
            return cls(list(z["vocab"]), z["idf"], z["coef"], z["intercept"], list(z["labels"]))

    # -- prediction -------------------------------------------------------
    def scores(self, feats: list[str]) -> np.ndarray:
        """Softmax probabilities over labels for one document's features."""
        index = self.index
        counts = {i: c for f, c in Counter(feats).items() if (i := index.get(f)) is not None}
        z = self.intercept.copy()
        if counts:
            idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
            x = (1.0 + np.log(tf)) * self.idf[idx]  # sublinear tf, as in training
            x /= math.sqrt(float(x @ x)) or 1.0
            z = z + x @ self.coef_t[idx]
        z = np.exp(z - z.max())
        return z / z.sum()


class _nullctx:
    def __init__(self, p):
        self.p = p

    def __enter__(self):
        return self.p

    def __exit__(self, *a):
        return False


_MODEL: TopicModel | None = None


def model() -> TopicModel | None:
    """The shipped model, loaded once; None when the package has none."""
    global _MODEL
    if _MODEL is None:
        try:
            _MODEL = TopicModel.load()
        except (FileNotFoundError, ModuleNotFoundError, OSError):
            return None
    return _MODEL
