"""Extractive summary: up to three sentences of the body, in reading order.

News puts the story first, so the lead sentence is always taken when it is a real
sentence; the others are the sentences that best cover the article's keywords
(or its most frequent content words), early ones preferred, near-copies of a
chosen sentence skipped. Captions are not in the body; lines of page furniture
(`اقرأ أيضا ...`), questions, very short lines and headings are never chosen.
Offsets point into `article.text`; a dateline such as `نيويورك (CNN)--` at the
head of the lead is cut off the summary sentence.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .. import knowledge
from ..arabic import normalize, shared_sentences
from ..article import Article, SummarySentence
from ..text import vocabulary as terms

MAX_SENTENCES = 3
MIN_WORDS = 6
MAX_WORDS = 80

# `مدينة، البلد (وكالة) --` or `مدينة - سكاي نيوز عربية` at the head of a lead.
_DATELINE = re.compile(r"^[^\n.!?؟\"«]{2,80}?(?:\([^()\n]{1,30}\)\s*)?(?:--|—|–|-)\s*")


@lru_cache(maxsize=1)
def _furniture_prefixes() -> tuple[str, ...]:
    d = knowledge.data("layout.json")
    out = [normalize(x) for k in ("related_markers", "furniture_prefixes", "tail_markers") for x in d.get(k, [])]
    return tuple(sorted(set(out), key=len, reverse=True))


def _is_furniture(norm: str) -> bool:
    return norm.startswith(_furniture_prefixes())


def _trim_dateline(text: str, start: int, end: int) -> int:
    m = _DATELINE.match(text[start:end])
    if m and ("(" in m.group() or len(m.group().split()) <= 6) and end - start - m.end() > 40:
        return start + m.end()
    return start


def summarize(article: Article, n: int = MAX_SENTENCES) -> list[SummarySentence]:
    text = article.text
    if not text:
        return []
    sents = list(shared_sentences(text))
    cands = []
    for idx, s in enumerate(sents):
        words = s.text.split()
        norm = normalize(s.text)
        if len(words) < MIN_WORDS or _is_furniture(norm) or s.text.rstrip().endswith(("?", "؟", ":")):
            continue
        keys = set()
        for r in terms.runs_in(text, s.start, s.end):
            keys.update(w.vkey for w in r.words)
        cands.append((idx, s, keys, len(words)))
    if not cands:
        return []

    # What the article is about: its keywords when the keyword stage ran, else frequent content words.
    weight: Counter = Counter()
    if article.keywords:
        for rank, k in enumerate(article.keywords[:10]):
            for r in terms.runs(k.text):
                for w in r.words:
                    weight[w.vkey] += 1.0 / (1 + 0.15 * rank)
    else:
        for _, _, keys, _ in cands:
            weight.update(keys)
    total = len(cands)
    scored = []
    for order, (idx, s, keys, nw) in enumerate(cands):
        cover = sum(weight.get(k, 0.0) for k in keys)
        length = 1.0 if nw <= MAX_WORDS else MAX_WORDS / nw
        position = 1.0 + 1.0 * (1.0 - order / total)
        scored.append((cover * length * position / (nw ** 0.3), order, s, keys))

    chosen: list[tuple[int, object, set]] = []
    lead_order, lead, lead_keys = 0, cands[0][1], cands[0][2]
    chosen.append((lead_order, lead, lead_keys))
    for score, order, s, keys in sorted(scored, key=lambda x: (-x[0], x[1])):
        if len(chosen) >= n:
            break
        if any(order == c[0] for c in chosen):
            continue
        if any(len(keys & c[2]) > 0.6 * min(len(keys), len(c[2]) or 1) for c in chosen):
            continue
        chosen.append((order, s, keys))
    out = []
    for order, s, _ in sorted(chosen, key=lambda c: c[0]):
        start = _trim_dateline(text, s.start, s.end) if order == 0 else s.start
        out.append(SummarySentence(text[start:s.end], start, s.end))
    return out


def annotate(article: Article) -> Article:
    article.summary = summarize(article)
    return article
