"""Arabic number words: cardinals, ordinals, compounds and duals.

`ثلاثة` → 3, `خمسة وعشرين` → 25, `ثلاثة آلاف` → 3000, `العاشر` → 10 (ordinal),
`الحادي عشر` → 11, `يومين` → (2, يوم). The vocabulary is in knowledge/numbers.json.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple, Sequence

from .. import knowledge
from .normalize import normalize


@lru_cache(maxsize=1)
def _lex() -> dict:
    raw = knowledge.data("numbers.json")
    fold = lambda d: {normalize(k): v for k, v in d.items()}
    return {
        "cardinal": fold(raw["cardinal"]),
        "multiplier": fold(raw["multiplier"]),
        "teen_unit": fold(raw["teen_unit"]),
        "ordinal": fold(raw["ordinal"]),
        "fraction": fold(raw["fraction"]),
        "dual_suffixes": [normalize(s) for s in raw["dual_suffixes"]],
    }


class Number(NamedTuple):
    value: float
    kind: str  # cardinal | ordinal
    length: int  # how many tokens were consumed


def number_words() -> dict:
    """The number vocabulary of knowledge/numbers.json, normalised: `cardinal`, `multiplier`,
    `teen_unit`, `ordinal`, `fraction` (word -> value) and `dual_suffixes` (loaded once)."""
    return _lex()


def _bare(word: str) -> str:
    """Drop a leading conjunction and the article from a normalised word."""
    w = normalize(word)
    if w.startswith("وال") and len(w) > 4:
        return w[3:]
    if w.startswith("ال") and len(w) > 3:
        return w[2:]
    return w


def word_value(word: str) -> tuple[float, str] | None:
    """Value of a single number word (`ثلاثة`, `العاشر`, `والعشرين`), else None."""
    lex = _lex()
    w = normalize(word)
    for cand in (w, _bare(w), w[1:] if w[:1] == "و" and len(w) > 3 else None):
        if not cand:
            continue
        if cand in lex["ordinal"]:
            return float(lex["ordinal"][cand]), "ordinal"
        if cand in lex["cardinal"]:
            # the article on a tens word (`العشرين`) makes it an ordinal
            kind = "ordinal" if cand != w and w.startswith("ال") and lex["cardinal"][cand] >= 20 else "cardinal"
            return float(lex["cardinal"][cand]), kind
    return None


def _num_from_digits(s: str) -> float | None:
    s = normalize(s).replace(",", "")
    try:
        return float(s)
    except ValueError:
        return None


def parse_number(words: Sequence[str], i: int = 0) -> Number | None:
    """Read the number that starts at words[i]: digits or words, compounds included."""
    lex = _lex()
    if i >= len(words):
        return None
    w0 = normalize(words[i])
    n = i
    value: float | None = _num_from_digits(w0)
    kind = "cardinal"
    if value is None:
        bare = _bare(w0)
        if bare in lex["teen_unit"] and i + 1 < len(words) and _bare(words[i + 1]) in ("عشر", "عشره"):
            value = 10 + lex["teen_unit"][bare]
            kind = "ordinal" if bare in ("حادي",) or w0.startswith("ال") else "cardinal"
            n = i + 1
        else:
            wv = word_value(w0)
            if wv is None:
                return None
            value, kind = wv
            # ordinal/cardinal unit followed by عشر: the teens (`الخامس عشر`, `خمسة عشر`)
            if value < 10 and i + 1 < len(words) and _bare(words[i + 1]) in ("عشر", "عشره"):
                value += 10
                n = i + 1
    # `و` + tens after a unit: خمسة وعشرين, الخامس والعشرين
    if value < 10 and n + 1 < len(words):
        nxt = normalize(words[n + 1])
        if nxt.startswith("و"):
            wv = word_value(nxt[1:])
            if wv and wv[0] >= 20 and wv[0] < 100:
                value += wv[0]
                n += 1
    # multipliers: ثلاثة آلاف, 1.5 مليون, مئتين وخمسين
    if n + 1 < len(words):
        m = normalize(words[n + 1])
        if m in lex["multiplier"]:
            value *= lex["multiplier"][m]
            n += 1
    return Number(value, kind, n - i + 1)


def dual_base(word: str, nouns: set[str] | frozenset[str]) -> str | None:
    """The singular noun of a dual (`يومين` → `يوم`, `سنتين` → `سنه`) if it is in `nouns`.

    `nouns` holds normalised singulars; ta marbuta is normalised to ه, and a dual
    of a feminine noun writes it as ت (`ساعتين`).
    """
    w = normalize(word)
    for pre in ("", "ل", "ب", "و", "ال", "لل", "بال", "وال"):
        if pre and not w.startswith(pre):
            continue
        stem = w[len(pre):]
        if stem.endswith(("تين", "تان")) and stem[:-3] + "ه" in nouns:
            return stem[:-3] + "ه"
        if stem.endswith(("ين", "ان")) and stem[:-2] in nouns:
            return stem[:-2]
    return None
