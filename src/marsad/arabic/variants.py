"""Spelling-variant keys for names written in Arabic script.

The press spells one foreign name many ways: a foreign g is ج in Egypt, غ in the
Gulf and the Levant, ك or ق elsewhere (`بيونج يانج`, `بيونغ يانغ`); long vowels
are written or left out (`ترمب`/`ترامب`, `زيلينسكي`/`زيلنسكي`); hamza seats
differ (`سيئول`/`سيول`/`سول`); compounds are split or joined (`بيونغيانغ`).
`variant_key` folds all of that into one key, a consonant skeleton, so that
spellings of one name share a key. The key is deliberately loose: use it to
compare candidate names, not to decide on its own that a common word is a name.
`variant_similarity` scores near misses that keys do not catch.

The one place for spelling keys, at two grains:
- `variant_key(name)`: a whole name's consonant skeleton (entity matching, search).
- `spelling_key(word)`: one normalised word, keeping its shape: the g letters become
  one letter and the long vowels inside the word are dropped (first and last letters
  kept, so short words keep their shape). It merges forms *within one article or one
  phrase table* (keywords, topic features and their learned tables are keyed by it),
  so it must not change with the name key: the tables would no longer match.
"""
from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

from ..memo import WORDS
from .normalize import normalize

# Letters that stand for a foreign g (and k/q, which the press confuses with it).
_G_CLASS = "جغقك"
# Letters that are dropped or written as vowels: alef, waw, ya (and the hamza
# seats that normalisation folds into them), standalone hamza, ha as a final a.
_VOWELS = "اويء"
_FOLD = str.maketrans({**{c: "ك" for c in _G_CLASS}, "ث": "س", "ذ": "ز", "ظ": "ز", "ض": "د", "ص": "س", "ط": "ت"})
_SEPARATORS = str.maketrans({c: " " for c in "-–—_'’.·"})


def _word_key(w: str) -> str:
    if len(w) > 4 and w.startswith("ال"):
        w = w[2:]
    if len(w) > 2 and w.endswith("ه"):  # a ta marbuta, an a: `كوريا`/`كوريه`
        w = w[:-1]
    return w


@lru_cache(maxsize=WORDS)
def variant_key(name: str) -> str:
    """One key for the Arabic spellings of a name.

    >>> variant_key("بيونج يانج") == variant_key("بيونغيانغ")
    True
    """
    s = normalize(name).translate(_SEPARATORS)
    words = [_word_key(w) for w in s.split()]
    s = "".join(words)
    if not s:
        return ""
    s = s.translate(_FOLD)
    first, rest = s[0], s[1:]
    rest = "".join(c for c in rest if c not in _VOWELS)
    out = [first]
    for c in rest:
        if c != out[-1]:  # doubled letters (a written shadda) count once
            out.append(c)
    return "".join(out)


_WORD_G = str.maketrans({"غ": "ج", "ق": "ج", "ك": "ج"})
_WORD_VOWELS = set("اوي")


def spelling_key(word: str, normalized: bool = False) -> str:
    """`بيونغ` and `بيونج` → the same key; input is normalised unless `normalized`."""
    w = word if normalized else normalize(word)
    if len(w) <= 3:
        return w.translate(_WORD_G)
    inner = "".join(c for c in w[1:-1] if c not in _WORD_VOWELS)
    return (w[0] + inner + w[-1]).translate(_WORD_G)


def variant_similarity(a: str, b: str) -> float:
    """0..1 similarity of two names: 1.0 when their keys are equal.

    Below that, the ratio of matching characters of the keys, lightly weighted
    by the normalised spellings, so `زيلينسكي`/`زلينسكي` scores near 1 and
    unrelated names score low.
    """
    ka, kb = variant_key(a), variant_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    key_ratio = SequenceMatcher(None, ka, kb, autojunk=False).ratio()
    na, nb = normalize(a).replace(" ", ""), normalize(b).replace(" ", "")
    text_ratio = SequenceMatcher(None, na, nb, autojunk=False).ratio()
    return round(0.7 * key_ratio + 0.3 * text_ratio, 4)


def same_name(a: str, b: str, threshold: float = 0.86) -> bool:
    """Whether two spellings plausibly name the same thing."""
    return variant_similarity(a, b) >= threshold
