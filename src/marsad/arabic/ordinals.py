"""Definite ordinal phrases for days of the month and centuries.

`ordinal_phrases(31)` maps `الاول`, `التاسع`, `الحادي عشر`, `الخامس والعشرين`,
`الثلاثين`, ... (normalised) to their value. Built from knowledge/numbers.json so
that the vocabulary stays in one place; masculine forms (اليوم, القرن are masculine).
"""
from __future__ import annotations

from functools import lru_cache

from .normalize import normalize
from .numbers import number_words

_TENS = {20: "عشرين", 30: "ثلاثين", 40: "اربعين", 50: "خمسين", 60: "ستين", 70: "سبعين", 80: "ثمانين", 90: "تسعين"}


@lru_cache(maxsize=4)
def ordinal_phrases(top: int = 31) -> dict[str, int]:
    """Normalised definite masculine ordinal phrase → value, for 1..top (top <= 99)."""
    units: dict[int, str] = {}
    for word, v in number_words()["ordinal"].items():
        w = word[2:] if word.startswith("ال") else word
        if 1 <= v <= 10 and not w.endswith("ه") and v not in units and w not in ("ثان", "اولي"):
            units[v] = w
    units[1] = "اول"
    out: dict[str, int] = {}
    for n in range(1, top + 1):
        u, t = n % 10, n - n % 10
        if n <= 10:
            out["ال" + units[n]] = n
        elif n < 20:
            first = "حادي" if u == 1 else units[u]
            out[f"ال{first} عشر"] = n
            out[f"ال{first} عشرة"] = n  # `الثالث عشرة`: the feminine ten, as often written
        elif u == 0:
            out["ال" + _TENS[t]] = n
            out["ال" + _TENS[t][:-2] + "ون"] = n  # العشرون
        else:
            first = "حادي" if u == 1 else units[u]
            for tens in (_TENS[t], _TENS[t][:-2] + "ون"):
                out[f"ال{first} وال{tens}"] = n
            if u == 1:
                out[f"الواحد وال{_TENS[t]}"] = n
    return {normalize(k): v for k, v in out.items()}
