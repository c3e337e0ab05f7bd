"""Word spelling keys: one key for the ways the press spells one word of a foreign name.

Transliterated names vary in how the g sound is written (ج غ ك ق: `بيونج`/`بيونغ`,
`جونج`/`جونغ`) and in their long vowels (`أمريكي`/`أميركي`, `سيول`/`سيئول`).
`spelling_key` folds those differences on one normalised word: the g letters become
one letter and the long vowels inside the word are dropped (the first and last
letters are kept, so short words keep their shape). It is meant to merge forms
*within one article or one phrase table*, not as a general-purpose stem: two
unrelated words can share a key. It is per word and keeps the word's shape (keywords,
topic features and their learned tables are keyed by it); matching whole names across
spellings is the entity resolver's job.
"""
from __future__ import annotations

from .normalize import normalize

_G = str.maketrans({"غ": "ج", "ق": "ج", "ك": "ج"})
_VOWELS = set("اوي")


def spelling_key(word: str, normalized: bool = False) -> str:
    """`بيونغ` and `بيونج` → the same key; input is normalised unless `normalized`."""
    w = word if normalized else normalize(word)
    if len(w) <= 3:
        return w.translate(_G)
    inner = "".join(c for c in w[1:-1] if c not in _VOWELS)
    return (w[0] + inner + w[-1]).translate(_G)
