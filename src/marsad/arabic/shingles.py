"""Word shingles of normalised Arabic text: the one definition near-duplicate detection uses.

Both the single-machine detector and the Spark job (MinHash LSH) hash these same
shingles, so their story groups agree. Shingles are k consecutive normalised words
(runs of letters or digits after `normalize`; punctuation dropped), the definite article stripped so that
"الرئيس" and "رئيس" written by two outlets still match.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .normalize import normalize
from .tokens import strip_article

SHINGLE_SIZE = 5

# after normalisation: runs of letters and (ASCII) digits; everything else separates words
_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=200_000)
def _key(word: str) -> str:
    return strip_article(word) or word


def shingle_words(text: str) -> list[str]:
    """The normalised words of `text` in order (punctuation dropped, article stripped)."""
    return [_key(w) for w in _WORD.findall(normalize(text))]


def shingles(text: str, k: int = SHINGLE_SIZE) -> set[str]:
    """The set of k-word shingles of `text`; a text shorter than k words is one shingle."""
    words = shingle_words(text)
    if not words:
        return set()
    if len(words) <= k:
        return {" ".join(words)}
    return set(map(" ".join, zip(*(words[i:] for i in range(k)))))


def jaccard(a: set[str], b: set[str]) -> float:
    """Exact Jaccard similarity of two shingle sets (0 for two empty sets)."""
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)
