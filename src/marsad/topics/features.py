"""Topic features: content-word keys of the title and body, outlet names removed.

The same function serves training and prediction. Outlet, agency and byline names
(`سكاي نيوز عربية`, `CNN`, `BBC`, ...) and the dateline at the head of the text are
dropped so the model learns what a story is about, not who published it.
"""
from __future__ import annotations

import re

from ..text import vocabulary as terms

_DATELINE = re.compile(r"^[^\n]{0,80}?\((?:CNN|BBC|AFP|[^()\n]{0,20})\)\s*(?:--|—|–|-)\s*")
TITLE_PREFIX = "t:"


def _keys(text: str, start: int = 0) -> list[str]:
    furniture = _furniture()
    first = _first_words()
    out: list[str] = []
    for r in terms.runs_in(text, start):
        v = [w.vkey for w in r.words]
        if first.isdisjoint(v):
            out.extend(v)
            continue
        i = 0
        while i < len(v):
            if v[i] in first:
                for n in (3, 2, 1):
                    if tuple(v[i:i + n]) in furniture:
                        i += n
                        break
                else:
                    out.append(v[i])
                    i += 1
            else:
                out.append(v[i])
                i += 1
    return out


_FIRST: frozenset | None = None


def _first_words() -> frozenset:
    global _FIRST
    if _FIRST is None:
        _FIRST = frozenset(f[0] for f in _furniture())
    return _FIRST


_FURN: frozenset | None = None


def _furniture() -> frozenset:
    global _FURN
    if _FURN is None:
        from ..annotate.keywords import furniture_terms as kf

        _FURN = kf()
    return _FURN


def features(title: str | None, text: str) -> list[str]:
    """Word keys and word-key bigrams of the body, plus the title's keys marked `t:`."""
    m = _DATELINE.match(text[:200])
    words = _keys(text, m.end() if m else 0)
    feats = words + [a + "_" + b for a, b in zip(words, words[1:])]
    if title:
        feats += [TITLE_PREFIX + k for k in _keys(title)]
    return feats
