"""The fixed development split of ANERcorp and overlap filtering for the other corpora.

The dev set is the last sixth of `anercorp/train.txt` by tokens, in sentence order (the
same rule the held-out test part follows). NewsFANE annotates much of the same newswire
text again, so a NewsFANE sentence that shares most of its 5-grams with an ANERcorp
sentence is dropped: kept, it would leak the dev text into training, or repeat the train
text with a second, differently drawn set of labels.
"""
from __future__ import annotations

from ..arabic import normalize
from .data import Sentence

DEV_SHARE = 1 / 6


def anercorp_split(sents: list[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    total = sum(len(t) for t, _ in sents)
    cut, seen = len(sents), 0
    for i, (t, _) in enumerate(sents):
        if seen >= total * (1 - DEV_SHARE):
            cut = i
            break
        seen += len(t)
    return sents[:cut], sents[cut:]


def _grams(toks: list[str], n: int = 5) -> list[tuple[str, ...]]:
    norm = [normalize(t) for t in toks]
    return [tuple(norm[i:i + n]) for i in range(max(1, len(norm) - n + 1))]


def drop_overlapping(sents: list[Sentence], against: list[Sentence], share: float = 0.2) -> list[Sentence]:
    """Sentences of `sents` sharing at most `share` of their 5-grams with `against`."""
    seen = set()
    for t, _ in against:
        seen.update(_grams(t))
    out = []
    for t, tags in sents:
        g = _grams(t)
        if sum(x in seen for x in g) <= share * len(g):
            out.append((t, tags))
    return out
