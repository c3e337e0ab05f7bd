"""Normalisation of Arabic text for matching (never for display).

`normalize` folds the spelling differences that carry no meaning for search and
matching: diacritics, tatweel, alef and hamza seats, alef maqsura, ta marbuta,
Arabic-Indic and Persian digits, presentation forms, zero-width and bidi marks.
`normalize_map` does the same and also returns, for every output character, the
offset of the input character it came from, so matches found in normalised text
can be reported as offsets into the original.
"""
from __future__ import annotations

import re
import unicodedata

# Harakat, tanwin, shadda, sukun, Quranic marks, superscript alef.
DIACRITICS = (
    "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a"
    + "".join(chr(c) for c in range(0x064B, 0x0660))
    + "\u0670"
    + "".join(chr(c) for c in range(0x06D6, 0x06DD))
    + "".join(chr(c) for c in range(0x06DF, 0x06E9))
    + "".join(chr(c) for c in range(0x06EA, 0x06EE))
    + "\u08d3\u08d4\u08d5\u08d6\u08d7\u08d8\u08d9\u08da\u08db\u08dc\u08dd\u08de\u08df\u08e0\u08e1\u08e2"
    + "".join(chr(c) for c in range(0x08E3, 0x0900))
)
TATWEEL = "\u0640"
# Zero-width and bidi control characters, BOM, soft hyphen.
INVISIBLE = (
    "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff\u061c"
)

# What `normalize` deletes (every other character maps to one): `offsets` relies on it.
DELETED = DIACRITICS + TATWEEL + INVISIBLE

_LETTERS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ئ": "ي", "ی": "ي", "ې": "ي", "ے": "ي",  # Persian/Urdu ya forms
    "ؤ": "و",
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ہ": "ه",
    "ک": "ك", "ڪ": "ك",  # Persian kaf
    "گ": "ك",  # Persian gaf, a foreign g
    "ڤ": "ف", "ڥ": "ف",  # ve, used in the Maghreb for v
    "پ": "ب", "چ": "ج", "ژ": "ز",
}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)}
_DIGITS.update({chr(0x06F0 + i): str(i) for i in range(10)})
_PUNCT = {"٫": ".", "٬": ",", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " "}

_FULL = str.maketrans({**_LETTERS, **_DIGITS, **_PUNCT, **{c: None for c in DELETED}})
_LIGHT = str.maketrans({**_DIGITS, **_PUNCT, **{c: None for c in DELETED}})
_DIGITS_ONLY = str.maketrans(_DIGITS)

# Presentation forms (FB50-FDFF, FE70-FEFF) and compatibility characters need NFKC.
NEEDS_NFKC = re.compile("[\ufb50-\ufdff\ufe70-\ufefe\uff00-\uffef]")


def _nfkc_if_needed(text: str) -> str:
    if NEEDS_NFKC.search(text):
        return unicodedata.normalize("NFKC", text)
    return text


DELETED_RE = re.compile("[" + re.escape(DELETED) + "]")
_FOLD_PAIRS = tuple({**_LETTERS, **_DIGITS, **_PUNCT}.items())


def normalize(text: str) -> str:
    """Full matching normalisation (letters folded, marks removed, ASCII digits)."""
    text = _nfkc_if_needed(text)
    if len(text) < 64:
        return text.translate(_FULL)
    # On long texts str.translate looks every character up in a dict; one C-level
    # deletion pass and a replace per folded character present is ~10x faster.
    text = DELETED_RE.sub("", text)
    for a, b in _FOLD_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


def normalize_light(text: str) -> str:
    """Remove marks and invisible characters and map digits, but keep letters as written."""
    return _nfkc_if_needed(text).translate(_LIGHT)


def strip_diacritics(text: str) -> str:
    return text.translate(str.maketrans({c: None for c in DIACRITICS}))


def to_ascii_digits(text: str) -> str:
    return text.translate(_DIGITS_ONLY)


def normalize_map(text: str) -> tuple[str, list[int]]:
    """Normalise `text` and return (normalised, offsets).

    offsets[i] is the index in `text` of the character that produced normalised
    character i; offsets has one extra entry (len(text)) so that an end offset maps
    too. A match norm[a:b] is text[offsets[a]:offsets[b-1]+1].
    """
    out: list[str] = []
    offs: list[int] = []
    for i, ch in enumerate(text):
        if "\ufb50" <= ch <= "\ufeff" or "\uff00" <= ch <= "\uffef":
            folded = unicodedata.normalize("NFKC", ch).translate(_FULL)
        else:
            folded = ch.translate(_FULL)
        for f in folded:
            out.append(f)
            offs.append(i)
    offs.append(len(text))
    return "".join(out), offs


def span_to_original(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a [start, end) span in normalised text back to the original text."""
    if end <= start:
        o = offsets[start]
        return o, o
    return offsets[start], offsets[end - 1] + 1


_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
_ANY_LETTER = re.compile(r"[^\W\d_]")


# their complements: counting what is left after deleting these is counting the letters,
# without a list of one-character strings
_NOT_ARABIC_LETTERS = re.compile("[^\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]+")
_NOT_LETTERS = re.compile(r"[\W\d_]+")


def arabic_ratio(text: str, sample: int = 4000) -> float:
    """Share of letters that are Arabic script (0..1) in the first `sample` characters."""
    t = text[:sample]
    letters = len(_NOT_LETTERS.sub("", t))
    if not letters:
        return 0.0
    return len(_NOT_ARABIC_LETTERS.sub("", t)) / letters


def detect_language(text: str) -> str:
    """'ar' when Arabic script dominates, 'en'/'fr'-ish latin as 'latin', else 'und'."""
    r = arabic_ratio(text)
    if r >= 0.5:
        return "ar"
    t = text[:4000]
    if len(_LATIN_LETTER.findall(t)) > 20:
        low = t.lower()
        fr = sum(low.count(w) for w in (" le ", " la ", " les ", " des ", " est "))
        en = sum(low.count(w) for w in (" the ", " and ", " of ", " is ", " to "))
        return "fr" if fr > en else "en"
    return "und"
