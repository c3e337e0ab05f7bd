"""A small rule-based Arabic -> Latin romaniser for names the knowledge base lacks.

It aims at a readable English name, not a reversible transliteration: `ليم سوسوك`
-> `Lim Susuk`, `عبد الله` -> `Abd Allah`. Long vowels are read from the
letters written (ا و ي), short vowels are not written in Arabic, so a consonant
cluster gets an `a` only where the result would be unpronounceable.
"""
from __future__ import annotations

from ..arabic import normalize_light

_CONS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z",
    "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "'", "غ": "gh", "ف": "f", "ق": "q",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ء": "'", "پ": "p", "چ": "ch", "ژ": "zh", "ڤ": "v", "گ": "g",
}
_ALEF = "اأإآٱ"
_VOWEL_OUT = set("aeiou")


def _is_cons(c: str) -> bool:
    return bool(c) and c not in _VOWEL_OUT and c != "'"


def _word(w: str) -> str:
    out: list[str] = []
    n = len(w)
    for i, ch in enumerate(w):
        prev = out[-1][-1] if out and out[-1] else ""
        nxt = w[i + 1] if i + 1 < n else ""
        if ch in _ALEF:
            out.append("" if prev == "a" else "a")
        elif ch in "ىةۀ":
            out.append("a")
        elif ch in "وؤيئ":
            glide = "w" if ch in "وؤ" else "y"
            vowel = "u" if ch in "وؤ" else "i"
            # a glide at the start, after a vowel, or before a vowel letter
            if (i == 0 or prev in _VOWEL_OUT or nxt in _ALEF + "وي") and nxt:
                out.append(glide)
            else:
                out.append(vowel if prev not in _VOWEL_OUT else glide)
        elif ch == "ع":
            out.append("a" if i == 0 and nxt and nxt not in _ALEF + "وي" else "'")
        elif ch in _CONS:
            c = _CONS[ch]
            if _is_cons(prev) and len(out) >= 2 and _is_cons(out[-2][-1:]):
                out.append("a")  # three consonants in a row: say an a
            elif i == 1 and _is_cons(prev) and ch not in "رل":
                out.append("a")  # a word does not start with two consonants (but Tr-, Kl-)
            out.append(c)
        else:
            out.append(ch)
    return "".join(out).replace("''", "'").strip("'")


def romanize(name: str) -> str:
    """English-looking romanisation of an Arabic name, each word capitalised.

    >>> romanize("ليم سوسوك")
    'Lim Susuk'
    """
    words = normalize_light(name).replace("-", " ").split()
    out = []
    for w in words:
        if w == "الله":
            out.append("Allah")
        elif w.startswith("ال") and len(w) > 3:
            r = "al-" + _word(w[2:])
            out.append(r[:3] + r[3:].capitalize())
        else:
            r = _word(w)
            out.append(r[:1].upper() + r[1:])
    return " ".join(o for o in out if o)
