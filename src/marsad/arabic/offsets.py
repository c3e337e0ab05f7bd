"""Fast normalisation with a way back to original offsets.

`normalize_map` builds one offset per character, which costs a Python loop over
the whole text. Without presentation forms, `normalize` only deletes characters
(marks, tatweel, invisible ones) and maps every other one to exactly one, so the
way back needs only the sorted positions of the deleted characters.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Callable

from .normalize import DELETED_RE, NEEDS_NFKC, normalize, normalize_map


def normalize_with_index(text: str) -> tuple[str, Callable[[int], int] | None]:
    """(normalised text, f) where f(i) is the original index of normalised character i.

    f is None when the two texts are aligned one to one (nothing was deleted).
    """
    if NEEDS_NFKC.search(text):
        norm, offs = normalize_map(text)
        return norm, offs.__getitem__
    norm = normalize(text)
    if len(norm) == len(text):
        return norm, None
    dels = [m.start() for m in DELETED_RE.finditer(text)]

    def original(j: int) -> int:
        k = bisect_right(dels, j)
        while True:
            k2 = bisect_right(dels, j + k)
            if k2 == k:
                return j + k
            k = k2

    return norm, original
