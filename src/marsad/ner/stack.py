"""Two-stage (stacked) tagging: a second CRF that also sees what the first one tagged around
each token (Krishnan & Manning 2006, "An effective two-stage model for exploiting non-local
dependencies in named entity recognition").

The first CRF tags every sentence alone. The second one has the same features plus, per token:
- `q=`, `q-1=`, `q+1=`: the first stage's label of the token and of its neighbours;
- `tm=`: the majority first-stage label of the *other* occurrences of the token's stem
  (clitics and article read off) within ±`window` sentences, and `tt=` for every entity type
  among them; `qt=` joins the token's own label with that majority;
- `em=`: for a token inside a first-stage span, the majority type of the same span text
  tagged elsewhere in the window;
- `se=`: the majority type of the longer (2+ token) first-stage spans elsewhere in the window
  that contain the token's stem.
So a name tagged ORG in a clear context votes for its untagged or mistyped repeats, and the
second CRF learns how far to trust those votes. On the training data the first-stage labels
come from cross-fitting (`cross_fit`): each block is tagged by a CRF fitted without it, so the
second stage learns from the first stage's real errors, not from its memorised training labels.
"""
from __future__ import annotations

from collections import Counter
from typing import Callable, Sequence

WINDOW = 20  # sentences on each side whose first-stage labels vote
FOLDS = 4  # contiguous blocks of the training data for cross-fitting
MIN_STEM = 2  # a shorter stem (a letter, a digit) is no evidence of anything
MAX_SPAN = 6
# the groups of second-stage features (meta.json `stack.features`): the token's own first-stage
# label (q=, and qt= with the token majority), its neighbours' (q-1=, q+1=), the token
# majority (tm=, tt=), the entity majority (em=), the longer spans (se=)
GROUPS = ("own", "neighbours", "token", "entity", "super")
# not in the default: `tagged` makes tm= the majority of the tagged other occurrences only, with
# tf= the share of the other occurrences that are tagged (0, under half, half or more, all)
OPTIONAL_GROUPS = ("tagged",)


def _type(label: str) -> str:
    return label[2:] if label != "O" else "O"


def _spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    out = []
    i, n = 0, len(tags)
    while i < n:
        if tags[i] == "O":
            i += 1
            continue
        t = tags[i][2:]
        j = i + 1
        while j < n and tags[j] == "I-" + t:
            j += 1
        out.append((i, j, t))
        i = j
    return out


def _sentence_votes(stems: Sequence[str | None], tags: Sequence[str]):
    """What one sentence contributes to the window: (stem, label) of each token, (span text,
    type) of each span, (stem, type) of each token of each span of 2+ tokens."""
    tok = Counter((s, lab) for s, lab in zip(stems, tags) if s)
    ent: Counter = Counter()
    sup: Counter = Counter()
    for i, j, t in _spans(tags):
        if j - i > MAX_SPAN:
            continue
        key = tuple(stems[i:j])
        if all(key):
            ent[(key, t)] += 1
        if j - i >= 2:
            for s in set(stems[i:j]):
                if s:
                    sup[(s, t)] += 1
    return tok, ent, sup


class _Window:
    """Counts of the votes of the sentences in the window, by key then value."""

    def __init__(self) -> None:
        self.by: dict = {}

    def shift(self, votes: Counter, sign: int) -> None:
        by = self.by
        for (k, v), c in votes.items():
            d = by.get(k)
            if d is None:
                d = by[k] = {}
            d[v] = d.get(v, 0) + sign * c
            if not d[v]:
                del d[v]
                if not d:
                    del by[k]

    def others(self, key) -> dict:
        """Counts under `key` (value → votes) in the window."""
        return self.by.get(key) or {}


def _majority(counts: dict) -> str:
    # most votes; a tie goes to the label that sorts first (deterministic)
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def stack_names(stems: Sequence[Sequence[str | None]], tags: Sequence[Sequence[str]],
                window: int = WINDOW, groups: Sequence[str] = GROUPS) -> list[list[list[str]]]:
    """The second stage's extra feature names of each token of consecutive sentences, from
    each token's stem (None: no evidence, e.g. punctuation) and the first stage's tags."""
    flags = {g: g in groups for g in GROUPS + OPTIONAL_GROUPS}
    n = len(stems)
    votes = [_sentence_votes(s, t) for s, t in zip(stems, tags)]
    win = (_Window(), _Window(), _Window())
    hi = -1  # last sentence added
    lo = 0  # first sentence still in
    out: list[list[list[str]]] = []
    for i in range(n):
        while hi < min(n - 1, i + window):
            hi += 1
            for w, v in zip(win, votes[hi]):
                w.shift(v, 1)
        while lo < i - window:
            for w, v in zip(win, votes[lo]):
                w.shift(v, -1)
            lo += 1
        st, tg = stems[i], tags[i]
        span_of: list = [None] * len(tg)
        for a, b, t in _spans(tg):
            for k in range(a, b):
                span_of[k] = (a, b, t)
        out.append([_token_names(st, tg, k, span_of[k], win, flags) for k in range(len(tg))])
    return out


def _less(counts: dict, value: str) -> dict:
    """`counts` with one vote for `value` taken off (the token's own, which the window holds)."""
    c = dict(counts)
    if c.get(value):
        c[value] -= 1
        if not c[value]:
            del c[value]
    return c


def _token_names(st, tg, k: int, sp, win, flags: dict) -> list[str]:
    """The names of token k of a sentence (stems `st`, first-stage tags `tg`, its span `sp`)."""
    lab = tg[k]
    m = len(tg)
    f = ["q=" + lab] if flags["own"] else []
    if flags["neighbours"]:
        f += ["q-1=" + (tg[k - 1] if k else "BOS"), "q+1=" + (tg[k + 1] if k + 1 < m else "EOS")]
    s = st[k]
    if not s:
        return f
    if flags["token"]:
        # the other occurrences: the window holds this one too, under its own label
        c = _less(win[0].others(s), lab)
        if c:
            if flags["tagged"]:
                # the majority among the *tagged* other occurrences, and how many of them are
                # tagged: a name the first stage misses twice and finds once still votes its type
                named = {x: v for x, v in c.items() if x != "O"}
                share = sum(named.values()) / sum(c.values())
                f.append("tf=%d" % (0 if not named else 1 if share < 0.5 else 2 if share < 1 else 3))
                c = named
            if c:
                maj = _majority(c)
                f += ["tm=" + maj] + (["qt=" + lab + "|" + maj] if flags["own"] else [])
                f += ["tt=" + t for t in sorted({_type(x) for x in c}) if t != "O"]
    if sp is not None and flags["entity"]:
        a, b, t = sp
        key = tuple(st[a:b])
        if b - a <= MAX_SPAN and all(key):
            e = _less(win[1].others(key), t)
            if e:
                f.append("em=" + _majority(e))
    if flags["super"]:
        sup = win[2].others(s)
        if sp is not None and sp[1] - sp[0] >= 2:
            sup = _less(sup, sp[2])  # the token's own span
        if sup:
            f.append("se=" + _majority(sup))
    return f


def token_stem(norm: str, stem: str) -> str | None:
    """The key a token votes under: its stem, if it has letters enough (not punctuation)."""
    return stem if len(stem) >= MIN_STEM and any(c.isalpha() for c in stem) else None


def cross_fit(train: list, featurizer, fit_fn: Callable, tag_fn: Callable, folds: int = FOLDS,
              log: Callable[[str], None] = print) -> list[list[str]]:
    """First-stage tags of every training sentence, each contiguous block (1/`folds`) tagged
    by a CRF fitted on the other blocks: `fit_fn(sentences, k)` → a model handle,
    `tag_fn(handle, token lists)` → their tags."""
    size = -(-len(train) // folds)
    out: list[list[str]] = []
    for k in range(folds):
        block = train[k * size:(k + 1) * size]
        if not block:
            continue
        rest = train[:k * size] + train[(k + 1) * size:]
        handle = fit_fn(rest, k)
        out.extend(tag_fn(handle, [t for t, _ in block]))
        log(f"cross-fitting: block {k + 1}/{folds} ({len(block)} sentences) tagged")
    return out
