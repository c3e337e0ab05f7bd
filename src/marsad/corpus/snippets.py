"""Highlighted snippets: the window of the body with the most query-term hits."""
from __future__ import annotations

from ..arabic import tokenize
from .terms import term

WINDOW = 28  # tokens
MAX_SCAN = 20000  # characters of the body looked at


def snippet(body: str, wanted: set[str], window: int = WINDOW) -> tuple[str, list[list[int]]]:
    """(snippet text, [[start, end) of each matched word in the snippet])."""
    text = body[:MAX_SCAN]
    toks = [t for t in tokenize(text) if t.kind != "punct"]
    if not toks:
        return text[:200], []
    hits = [1 if wanted and (term(t.text) if t.kind == "word" else t.norm) in wanted else 0 for t in toks]
    best, best_i, run = -1, 0, 0
    for i, h in enumerate(hits):
        run += h
        if i >= window:
            run -= hits[i - window]
        if i >= window - 1 or i == len(hits) - 1:
            if run > best:
                best, best_i = run, max(0, i - window + 1)
    # start the window a few words before the first hit so the hit has context
    first_hit = next((k for k in range(best_i, min(best_i + window, len(toks))) if hits[k]), best_i)
    lo = max(0, min(best_i, first_hit - 4))
    hi = min(len(toks), lo + window)
    a, b = toks[lo].start, toks[hi - 1].end
    prefix = "… " if a > 0 else ""
    suffix = " …" if b < len(body) else ""
    snip = prefix + text[a:b].replace("\n", " ") + suffix
    marks = [[toks[k].start - a + len(prefix), toks[k].end - a + len(prefix)] for k in range(lo, hi) if hits[k]]
    return snip, marks
