"""Clitic-aware longest-match gazetteer over the tokens of a text.

A name may carry proclitics on its first word (`لبوتين`, `وبيونج يانج`,
`للأمم المتحدة`, `بالصين`); the other words are matched as written (normalised).
Mentions are reported without the proclitics, with offsets into the original text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..arabic import Token, clitic_splits, normalize_map
from .kb import KnowledgeBase


@dataclass
class Candidate:
    """A span that may name an entity. Token indexes are inclusive [ti, tj]."""
    start: int
    end: int
    ti: int
    tj: int
    form: str  # normalised text of the span (without proclitics)
    type: str | None = None
    ids: list[tuple[str, int]] = field(default_factory=list)  # KB (id, weakness), best first
    source: str = "kb"  # kb | pattern | tagger | short
    name_en: str | None = None  # English name for a span the KB lacks
    country: str | None = None

    @property
    def weak(self) -> bool:
        return bool(self.ids) and all(w for _, w in self.ids)

    def __len__(self) -> int:
        return self.end - self.start


@lru_cache(maxsize=32768)
def readings(word: str, norm: str) -> tuple[tuple[int, str], ...]:
    """(characters of `word` to skip, normalised stem) for each clitic reading.

    Only readings that keep the article with the stem: the gazetteer holds names
    as written with their article (`الصين`), so `بالصين` -> `الصين`, `للصين` ->
    `لصين`... -> `الصين` (ل + ال written لل).
    """
    out = []
    offs = None
    for sp in clitic_splits(norm):
        if sp.prefix.endswith("ال"):
            continue
        if not sp.prefix:
            out.append((0, sp.stem))
            continue
        if offs is None:
            offs = normalize_map(word)[1]
        if not norm.endswith(sp.stem):
            # ل + ال written لل: no character of the word is the stem's alone, so the
            # mention keeps the whole word (`للسعودية`)
            out.append((0, sp.stem))
            continue
        k = len(norm) - len(sp.stem)
        out.append((offs[k] if k < len(offs) else len(word), sp.stem))
    return tuple(out)


def _adjacent(text: str, a: Token, b: Token) -> bool:
    """Tokens separated by spaces only (a name does not run over punctuation)."""
    return b.start - a.end <= 3 and not text[a.end:b.start].strip()


def match(text: str, tokens: list[Token], kb: KnowledgeBase) -> list[Candidate]:
    """Longest gazetteer matches, left to right, not overlapping."""
    out: list[Candidate] = []
    forms, prefixes = kb.forms, kb.prefixes
    n = len(tokens)
    i = 0
    while i < n:
        t = tokens[i]
        if t.kind != "word":
            i += 1
            continue
        best: tuple[int, int, str] | None = None  # (tj, skip, form)
        for skip, stem in readings(t.text, t.norm):
            s, j = stem, i
            while True:
                if s in forms and (best is None or j > best[0]):
                    best = (j, skip, s)
                if s not in prefixes or j + 1 >= n or tokens[j + 1].kind == "punct" \
                        or not _adjacent(text, tokens[j], tokens[j + 1]):
                    break
                j += 1
                s = s + " " + tokens[j].norm
        if best is None:
            i += 1
            continue
        tj, skip, form = best
        ids = forms[form]
        e = kb.get(ids[0][0])
        out.append(Candidate(t.start + skip, tokens[tj].end, i, tj, form, e.type if e else None, list(ids)))
        i = tj + 1
    return out
