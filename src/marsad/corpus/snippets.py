"""Highlighted snippets: the passage of the body with the most query-term hits.

Scanning every word of ten bodies per query through the stemmer is too slow for a
search box, so each query stem becomes a regex over the raw text that accepts every
spelling normalising to it (أ/إ/آ/ا, ة/ه, ى/ي; diacritics and tatweel are taken out
first, only from a text that has them); only the words it finds are checked with the
real term function.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..arabic import normalize
from .search_terms import MARKS as _MARKS, WORD_OR_NUM as _WORD_OR_NUM, term

# The one definition of the highlight marks: a snippet carries its matches between HL_START and
# HL_END (control characters no text holds), and each renderer swaps them for its own markup.
HL_START, HL_END = "\x02", "\x03"

SPAN = 220  # characters of a snippet
LEAD = 50  # characters of context kept before the first hit
MAX_SCAN = 20000  # characters of the body looked at


def _inverse() -> dict[str, str]:
    inv: dict[str, set[str]] = {}
    for cp in list(range(0x20, 0x7F)) + list(range(0x0600, 0x0700)) + list(range(0x06F0, 0x06FA)):
        ch = chr(cp)
        n = normalize(ch)
        if len(n) == 1:
            inv.setdefault(n, set()).add(ch)
    return {k: "".join(sorted(v)) for k, v in inv.items()}


_INV = _inverse()


# Each normalised letter as a regex class of every character that normalises to it, so the
# stems match the raw text as written (no per-query pass over the bodies to fold them).
_CLASS = {k: "[" + "".join(sorted(set(chars) | {k})) + "]" if len(set(chars) | {k}) > 1 else re.escape(k)
          for k, chars in _INV.items() if len(k) == 1}
_MARK = re.compile(f"[{_MARKS}]")


@lru_cache(maxsize=4096)
def _stem_regex(stems: frozenset[str]) -> re.Pattern | None:
    """The stems as literal text, in every spelling that normalises to them (Latin in any case)."""
    alts = ["".join(_CLASS.get(ch) or re.escape(ch) for ch in s) for s in sorted(stems, key=len, reverse=True) if s]
    return re.compile("|".join(alts), re.IGNORECASE) if alts else None


def _without_marks(text: str) -> tuple[str, list[int]]:
    """The text without diacritics and tatweel, and for each removed one its position in
    that shorter text (so an offset there maps back with a bisect)."""
    at = [m.start() for m in _MARK.finditer(text)]
    return _MARK.sub("", text), [p - k for k, p in enumerate(at)]


def _word_at(text: str, a: int, b: int) -> tuple[int, int]:
    for m in _WORD_OR_NUM.finditer(text, max(0, a - 24), min(len(text), b + 24)):
        if m.start() <= a < m.end():
            return m.span()
    return a, b


def snippet(body: str, wanted: set[str]) -> tuple[str, list[list[int]]]:
    """(snippet text, [[start, end) of each matched word in the snippet])."""
    text = body[:MAX_SCAN]
    hits: list[tuple[int, int]] = []
    rx = _stem_regex(frozenset(wanted)) if wanted else None
    if rx is not None:
        last_end = -1
        plain, removed = _without_marks(text) if _MARK.search(text) else (text, [])
        for m in rx.finditer(plain):
            start, end = m.span()
            if removed:  # back to offsets in the text with its marks
                start += bisect_right(removed, start)
                end = end - 1 + bisect_right(removed, end - 1) + 1
            if start < last_end:
                continue
            a, b = _word_at(text, start, end)
            if a >= last_end and term(text[a:b]) in wanted:
                hits.append((a, b))
                last_end = b
    # the window of SPAN characters holding the most hits
    best_i, best, j = 0, 0, 0
    for i in range(len(hits)):
        while j < len(hits) and hits[j][1] - hits[i][0] <= SPAN - LEAD:
            j += 1
        if j - i > best:
            best, best_i = j - i, i
    a = max(0, hits[best_i][0] - LEAD) if hits else 0
    if a:
        sp = text.find(" ", a)
        a = sp + 1 if 0 <= sp < (hits[best_i][0] if hits else a + 20) else a
    b = min(len(text), a + SPAN)
    if b < len(text):
        sp = text.rfind(" ", a, b)
        b = sp if sp > a + SPAN // 2 else b
    while b < len(text) and hits and any(h[0] < b < h[1] for h in hits):
        b += 1  # never cut a highlighted word
    prefix = "… " if a > 0 else ""
    suffix = " …" if b < len(body) else ""
    snip = prefix + text[a:b].replace("\n", " ") + suffix
    marks = [[s - a + len(prefix), e - a + len(prefix)] for s, e in hits if s >= a and e <= b]
    return snip, marks


def marked(snip: str, marks: list) -> str:
    """The snippet with each [start, end) match wrapped in HL_START … HL_END."""
    out, pos = [], 0
    for a, b in sorted(marks or []):
        if a < pos or b > len(snip):
            continue
        out += [snip[pos:a], HL_START, snip[a:b], HL_END]
        pos = b
    out.append(snip[pos:])
    return "".join(out)


def rendered(marked_snip: str | None, start: str, end: str) -> str:
    """A marked snippet with its marks replaced: `[[`/`]]` in JSON, `<mark>` in (escaped) HTML."""
    return (marked_snip or "").replace(HL_START, start).replace(HL_END, end)
