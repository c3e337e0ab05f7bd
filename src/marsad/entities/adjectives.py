"""Country adjectives and demonyms in running text: `الفيتو الروسي`, `مسؤولون أمريكيون`.

Other stages use these to resolve actors that are named by nationality only
(`مسؤولون أمريكيون وكوريون جنوبيون` -> United States, South Korea).
"""
from __future__ import annotations

from typing import NamedTuple

from .kb import get_kb
from .matcher import adjacent, fast_tokenize, skip_chars, stems


class AdjectiveMention(NamedTuple):
    text: str
    start: int
    end: int
    country_id: str


def adjective_mentions(text: str) -> list[AdjectiveMention]:
    """Every country adjective or demonym in `text`, longest first, with offsets."""
    kb = get_kb()
    adj, two_word = kb.adjectives, kb.adj_prefixes
    toks = fast_tokenize(text)
    out: list[AdjectiveMention] = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        hit = None
        if t.kind == "word":
            for k, stem in stems(t.norm):
                if stem in two_word and i + 1 < n and toks[i + 1].kind == "word" and adjacent(text, t, toks[i + 1]):
                    cid = adj.get(stem + " " + toks[i + 1].norm)
                    if cid:
                        hit = (k, i + 1, cid)
                        break
                if stem in adj:
                    hit = (k, i, adj[stem])
                    break
        if hit:
            k, j, cid = hit
            a = t.start + skip_chars(t.text, k)
            out.append(AdjectiveMention(text[a:toks[j].end], a, toks[j].end, cid))
            i = j + 1
        else:
            i += 1
    return out
