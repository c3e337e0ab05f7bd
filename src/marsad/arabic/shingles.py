"""Word shingles of normalised Arabic text: the one definition near-duplicate detection uses.

Both the single-machine detector and the Spark job (MinHash LSH) hash these same
shingles, so their story groups agree. Shingles are k consecutive normalised words
(numbers kept, punctuation dropped), the definite article stripped so that
"الرئيس" and "رئيس" written by two outlets still match.
"""
from __future__ import annotations

from .tokens import strip_article, tokenize

SHINGLE_SIZE = 5


def shingle_words(text: str) -> list[str]:
    """The normalised words of `text` in order (punctuation dropped, article stripped)."""
    return [strip_article(t.norm) or t.norm for t in tokenize(text) if t.kind != "punct"]


def shingles(text: str, k: int = SHINGLE_SIZE) -> set[str]:
    """The set of k-word shingles of `text`; a text shorter than k words is one shingle."""
    words = shingle_words(text)
    if not words:
        return set()
    if len(words) <= k:
        return {" ".join(words)}
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    """Exact Jaccard similarity of two shingle sets (0 for two empty sets)."""
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)
