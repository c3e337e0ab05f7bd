"""Search terms: the normalised, lightly stemmed tokens that both stores index and query.

The same function builds the index terms of an article and the terms of a query,
so `العقوبات`, `والعقوبات` and `عقوبات` meet on one stem. Every term is made of
word characters only (no quotes, operators or separators), which is what lets the
stores quote them into FTS5 / tsquery syntax without any escaping questions.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..arabic import light_stem, normalize, tokenize
from ..arabic.tokens import MARKS, NUMBER, WORD_RUN
from ..memo import WORDS

_NON_WORD = re.compile(r"[\W_]+")
# Function words dropped from queries (not from the index: BM25 already weighs them low).
STOP_WORDS = frozenset(normalize(w) for w in (
    "في من على إلى الى عن مع أن إن ان كان كانت هذا هذه ذلك التي الذي الذين ثم أو او و ف ب ل ما لا لم لن قد "
    "كل بعد قبل عند حتى بين منذ خلال حول إذ اذا إذا هو هي هم نحن أنه انه أنها the of and or a an in on to for"
).split())

MAX_QUERY_TERMS = 32
MAX_TERM = 64  # characters; longer "words" are cut (PostgreSQL lexemes stop at 2 KB)


# Words (letters with their marks) and numbers (with separators) of raw text, as `tokenize`
# sees them, less its Latin elision tail: `O'Brien` is searched as `o` and `brien`.
WORD_OR_NUM = re.compile(rf"{NUMBER}|{WORD_RUN}")
__all__ = ["MARKS", "STOP_WORDS", "WORD_OR_NUM", "clean_query", "name_key", "name_keys", "query_terms", "term", "terms"]


@lru_cache(maxsize=WORDS)
def term(word: str) -> str:
    """The index/query term of one word or number as written ('' when nothing searchable is left).

    Cached: words repeat (Zipf), so normalising and stemming each distinct word once
    is what keeps ingest fast.
    """
    if word.isascii():
        return _NON_WORD.sub("", word.lower())[:MAX_TERM]
    w = word[: MAX_TERM * 2]
    n = normalize(w)
    if n[:1].isdigit():
        return _NON_WORD.sub("", n)[:MAX_TERM]
    return _NON_WORD.sub("", light_stem(n))[:MAX_TERM]


def terms(text: str) -> list[str]:
    """Terms of a text in order (words stemmed, numbers without separators)."""
    out = []
    for w in WORD_OR_NUM.findall(text):
        s = term(w)
        if s:
            out.append(s)
    return out


def query_terms(query: str) -> list[str]:
    """Distinct terms of a user query, function words dropped unless nothing else is left."""
    query = clean_query(query)
    seen: dict[str, None] = {}
    for s in terms(query):
        seen.setdefault(s, None)
    all_terms = list(seen)
    kept = [t for t in all_terms if t not in STOP_WORDS] or all_terms
    return kept[:MAX_QUERY_TERMS]


def clean_query(query: str, max_chars: int = 2000) -> str:
    """A query as data: NUL and control characters removed, length capped."""
    query = "".join(ch if ch.isprintable() or ch in " \t\n" else " " for ch in (query or "")[: max_chars * 2])
    if len(query) > max_chars:
        query = query[:max_chars].rsplit(None, 1)[0] if " " in query[:max_chars] else query[:max_chars]
    return query


@lru_cache(maxsize=WORDS)
def name_key(name: str) -> str:
    """Matching key of an entity name: normalised, article/proclitics off each word, spaces single."""
    words = []
    for t in tokenize(clean_query(name, 300)):
        if t.kind == "punct":
            continue
        words.append(t.norm.lower() if t.text.isascii() else t.norm)
    return " ".join(words)


def name_keys(name: str) -> list[str]:
    """The key of a name and its variant without a leading article (`الدوحة` ↔ `دوحة`)."""
    k = name_key(name)
    if not k:
        return []
    out = [k]
    first, _, rest = k.partition(" ")
    if first.startswith("ال") and len(first) > 4:
        out.append((first[2:] + " " + rest).strip())
    elif not first.isascii() and len(first) >= 3:
        out.append(("ال" + first + " " + rest).strip())
    return out
