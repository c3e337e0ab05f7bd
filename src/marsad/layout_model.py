"""The header model: which reading of a page's first lines is most likely.

Each of the first lines gets a feature vector (`features`) and a set of readings its
words allow (`allowed`, from `layout_lines`). A linear model scores the allowed
readings; `read` then picks where the body starts (the change point that makes the
lines above it most likely header and the lines from it most likely body) and gives
each header line its best reading, with at most one title, byline and dateline.

The shipped weights (models/layout/header.json) are learned by `marsad train layout`
from the outlet gallery (marsad.evaluation.gallery); `marsad evaluate layout` learns
them again without the style it scores.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from . import layout_lines as ll

LABELS = ll.LABELS
N_LABELS = len(LABELS)
WINDOW = 14  # header lines considered (nonblank)
_TOKEN = re.compile(r"[^\W_]+")


@dataclass
class LineInfo:
    """What the layout rules already know of a line (computed once per line)."""

    text: str
    fold: str
    nwords: int
    dateline: object | None  # ParsedDate
    residue: int
    byline: str | None
    bare_name: bool  # a short line of 2-4 letters-only words: a name printed alone (or a heading)
    caption: bool
    credit: bool
    furniture: bool
    learned: bool  # repeated across the source's documents (batch furniture)
    outlet: bool
    breadcrumb: bool
    repeated: bool  # the same line twice in this document
    pub_cue: bool
    upd_cue: bool


def allowed(info: LineInfo, *, title_ok: bool) -> np.ndarray:
    """Readings this line's words allow; body is always allowed."""
    a = np.zeros(N_LABELS, dtype=bool)
    a[ll.BODY] = True
    n = info.nwords
    # a headline does not end like a sentence of running text (a question, or `..`, does)
    t = info.text.rstrip()
    a[0] = title_ok and 1 <= n <= 35 and len(t) <= 300 and (not _SENTENCE_END.search(t) or t.endswith(".."))
    a[1] = info.outlet or (info.learned and n <= 8)
    a[2] = info.breadcrumb
    a[3] = info.byline is not None or info.bare_name
    pure = info.residue == 0
    a[4] = info.dateline is not None and pure and not (info.upd_cue and not info.pub_cue)
    a[5] = info.upd_cue and (pure or info.residue <= 1 and n <= 8)
    a[6] = (info.caption or info.repeated) and n <= 45
    a[7] = info.credit
    a[8] = info.furniture or (info.learned and n <= 15)
    return a


FEATURE_NAMES = (
    "bias", "pos0", "pos1", "pos2", "pos3+", "pos",
    "words", "words<=3", "words<=6", "words<=12", "words>25",
    "ends_sentence", "ends_colon", "ends_comma", "digit",
    "dateline", "residue0", "residue<=2", "residue", "pub_cue", "upd_cue",
    "byline", "bare_name", "caption", "credit", "repeated", "furniture", "learned", "outlet", "breadcrumb",
    "lead_overlap", "lead_overlap>0.5",
    "next_long", "last", "first_titleish", "after_titleish", "longest_so_far", "titleish",
    "latin", "bracket", "dash", "colon", "separator",
    "next_meta", "prev_meta", "prev_furniture", "prev_caption", "next_prose",
)
N_FEATURES = len(FEATURE_NAMES)


def features(infos: list[LineInfo], i: int, lead_words: set[str]) -> np.ndarray:
    """Feature vector of line i among the header window `infos` (in FEATURE_NAMES order)."""
    return np.array(feature_row(infos, i, lead_words), dtype=np.float64)


def feature_row(infos: list[LineInfo], i: int, lead_words: set[str]) -> list:
    x = infos[i]
    n = x.nwords
    t = x.text
    prev_titleish = any(_titleish(y) for y in infos[:i])
    nxt = infos[i + 1] if i + 1 < len(infos) else None
    toks = set(_TOKEN.findall(x.fold))
    overlap = len(toks & lead_words) / len(toks) if toks else 0.0
    longest_before = max((y.nwords for y in infos[:i]), default=0)
    return [
        1.0, i == 0, i == 1, i == 2, i >= 3, min(i, 12) / 12,
        min(n, 40) / 10, n <= 3, n <= 6, n <= 12, n > 25,
        ll.ends_sentence(t), t.rstrip().endswith(":"), t.rstrip().endswith(("،", ",")), bool(_DIGIT.search(t)),
        x.dateline is not None, x.residue == 0, x.residue <= 2, min(x.residue, 10) / 10, x.pub_cue, x.upd_cue,
        x.byline is not None, x.bare_name, x.caption, x.credit, x.repeated, x.furniture, x.learned, x.outlet, x.breadcrumb,
        overlap, overlap > 0.5,
        nxt is not None and nxt.nwords > 20, nxt is None, not prev_titleish, prev_titleish,
        n > longest_before, _titleish(x),
        bool(_LATIN.search(t)), t.startswith(("(", "[")), "-" in t or "–" in t, ":" in t, bool(_SEPS.search(t)),
        nxt is not None and _meta(nxt), i > 0 and _meta(infos[i - 1]), i > 0 and _chrome(infos[i - 1]),
        i > 0 and (infos[i - 1].caption or infos[i - 1].repeated), nxt is not None and nxt.nwords >= 12,
    ]


def _meta(x: LineInfo) -> bool:
    """A line that sits next to a headline: a byline or a dateline."""
    return x.byline is not None or (x.dateline is not None and x.residue == 0) or (x.upd_cue and x.residue == 0)


def _chrome(x: LineInfo) -> bool:
    """A line of the site's chrome above a headline: masthead, breadcrumb, menu, widget."""
    return x.outlet or x.breadcrumb or x.furniture or x.learned


_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[.:،,؛;]$")
_LATIN = re.compile(r"[A-Za-z]")
_SEPS = re.compile(r"[|>»›/]")

# Before any training: weights written by hand from what each reading's evidence is
# (used only when models/layout/header.json is missing; `marsad train layout` writes it).
PRIOR = {
    "body": {"bias": 1.0, "words>25": 3.0, "ends_sentence": 2.0, "after_titleish": 1.0, "lead_overlap>0.5": -1.0},
    "title": {"titleish": 3.0, "first_titleish": 2.0, "lead_overlap": 2.0, "words<=3": -1.0, "ends_sentence": -3.0},
    "masthead": {"outlet": 4.0, "learned": 2.0},
    "breadcrumb": {"breadcrumb": 6.0},
    "byline": {"byline": 5.0, "bare_name": 2.5},
    "dateline": {"dateline": 3.0, "residue0": 3.0},
    "update": {"upd_cue": 5.0},
    "caption": {"caption": 4.0, "repeated": 3.0},
    "credit": {"credit": 6.0},
    "furniture": {"furniture": 5.0, "learned": 3.0},
}


def prior_model() -> "HeaderModel":
    W = np.zeros((N_FEATURES, N_LABELS))
    for lab, ws in PRIOR.items():
        for f, w in ws.items():
            W[FEATURE_NAMES.index(f), LABELS.index(lab)] = w
    return HeaderModel(W)


def _titleish(x: LineInfo) -> bool:
    return 1 <= x.nwords <= 30 and not ll.ends_sentence(x.text) and x.dateline is None and x.byline is None


class HeaderModel:
    """A linear scorer over (features × readings): weights W of shape (N_FEATURES, N_LABELS)."""

    def __init__(self, W: np.ndarray):
        self.W = np.asarray(W, dtype=np.float64)

    def scores(self, X: np.ndarray) -> np.ndarray:
        return X @ self.W

    def to_json(self) -> dict:
        return {"labels": list(LABELS), "n_features": N_FEATURES, "W": np.round(self.W, 5).tolist()}

    @classmethod
    def from_json(cls, d: dict) -> "HeaderModel":
        if d.get("labels") != list(LABELS) or d.get("n_features") != N_FEATURES:
            raise ValueError("header model does not match this version of marsad (retrain: marsad train layout)")
        return cls(np.array(d["W"]))


@lru_cache(maxsize=1)
def default_model() -> HeaderModel:
    path = resources.files("marsad.models").joinpath("layout", "header.json")
    if not path.is_file():
        return prior_model()
    return HeaderModel.from_json(json.loads(path.read_text("utf-8")))


def read(infos: list[LineInfo], masks: list[np.ndarray], lead_words: set[str], model: HeaderModel | None = None) -> tuple[list[int], int]:
    """(label index per header line, index of the first body line) for the header window."""
    m = len(infos)
    if m == 0:
        return [], 0
    model = model or default_model()
    X = np.array([feature_row(infos, i, lead_words) for i in range(m)], dtype=np.float64)
    S = model.scores(X)
    M = np.stack(masks)
    S = np.where(M, S, -np.inf)
    S = S - S.max(axis=1, keepdims=True)
    P = np.exp(S)
    P /= P.sum(axis=1, keepdims=True)
    pb = np.clip(P[:, ll.BODY], 1e-9, 1 - 1e-9)
    lnb = np.log(pb)
    lnh = np.log1p(-pb)
    # where the body starts: header above (every line non-body), body from there on (two lines)
    best_k, best = 0, -math.inf
    cum = 0.0
    for k in range(m + 1):
        tail = lnb[k] + (lnb[k + 1] if k + 1 < m else 0.0) if k < m else 0.0
        sc = cum + tail
        if sc > best:
            best_k, best = k, sc
        if k < m:
            cum += lnh[k]
    labels = []
    used: set[int] = set()
    order = np.argsort(-P[:best_k].max(axis=1)) if best_k else []
    chosen = [ll.BODY] * best_k
    for j in order:
        row = np.where(M[j], P[j], -1.0)
        row[ll.BODY] = -1
        for once in (0, 3, 4):  # one title, one byline, one dateline
            if once in used:
                row[once] = -1
        lab = int(np.argmax(row))
        if row[lab] < 0:  # nothing left that the line allows: keep it as body-like furniture? no: body
            lab = ll.BODY
        chosen[j] = lab
        if lab in (0, 3, 4):
            used.add(lab)
    labels = chosen
    # a page has a headline: when no header line took it, the first body line may, if it reads
    # like one (allowed, short, no full stop) and running text follows
    if 0 not in used and best_k < m and M[best_k][0] and _titleish(infos[best_k]) and best_k + 1 < m \
            and (infos[best_k + 1].nwords >= 12 or ll.ends_sentence(infos[best_k + 1].text)) and P[best_k][0] > 0.02:
        labels = labels + [0]
        best_k += 1
    return labels, best_k


def train(examples: list[tuple[list[LineInfo], list[np.ndarray], set[str], list[int]]], c: float = 1.0) -> HeaderModel:
    """Fit the weights on labelled header windows (infos, masks, lead words, gold label per line).

    A softmax over each line's allowed readings, fitted by L-BFGS (scikit-learn is not
    needed: the masked softmax is a few lines of numpy and scipy's optimiser)."""
    from scipy.optimize import minimize

    Xs, Ms, ys = [], [], []
    for infos, masks, lead, gold in examples:
        for i, (info, mask, y) in enumerate(zip(infos, masks, gold)):
            if not mask[y]:
                continue  # the rules do not allow the gold reading: nothing to learn from this line
            Xs.append(features(infos, i, lead))
            Ms.append(mask)
            ys.append(y)
    X = np.stack(Xs)
    M = np.stack(Ms)
    y = np.array(ys)
    n = len(y)
    lam = 1.0 / (c * n)

    def loss(w):
        W = w.reshape(N_FEATURES, N_LABELS)
        S = np.where(M, X @ W, -1e9)
        S -= S.max(axis=1, keepdims=True)
        E = np.exp(S) * M
        Z = E.sum(axis=1, keepdims=True)
        P = E / Z
        nll = -(np.log(P[np.arange(n), y] + 1e-12)).mean()
        G = P.copy()
        G[np.arange(n), y] -= 1
        grad = X.T @ G / n + lam * W
        return nll + 0.5 * lam * (W * W).sum(), grad.ravel()

    w0 = np.zeros(N_FEATURES * N_LABELS)
    res = minimize(loss, w0, jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return HeaderModel(res.x.reshape(N_FEATURES, N_LABELS))
