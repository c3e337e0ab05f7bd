"""Tokens with character offsets, clitic splitting and sentence splitting."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .normalize import normalize
from ..memo import WORDS

# The one definition of a token, shared by `tokenize`, the vocabulary (`text.vocabulary`)
# and the search terms (`corpus.search_terms`), so the three cut text alike.
MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
# A run of letters and marks, written as runs of each (`(?:[^\W\d_]|[marks])+` matches the
# same strings, one alternation per character, and is much slower in `re`).
WORD_RUN = rf"(?:[^\W\d_]+(?:[{MARKS}]+[^\W\d_]*)*|[{MARKS}]+(?:[^\W\d_]+[{MARKS}]*)*)"
# A word: letters with their marks, and a Latin elision tail (`O'Brien`); an
# abbreviation-like latin word with dots is not special-cased.
WORD = rf"{WORD_RUN}(?:['’][^\W\d_]+)?"
# A number with decimal/thousand separators (ASCII and Arabic digits).
NUMBER = rf"[{DIGITS}]+(?:[.,\u066b\u066c/:][{DIGITS}]+)*"
_TOKEN_RE = re.compile(rf"(?P<num>{NUMBER})|(?P<word>{WORD})|(?P<punct>\S)")


class Token(NamedTuple):
    text: str
    start: int
    end: int
    kind: str  # word | num | punct
    norm: str


def tokenize(text: str) -> list[Token]:
    """Split text into word, number and punctuation tokens with offsets."""
    out = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        s = m.group()
        out.append(Token(s, m.start(), m.end(), kind, normalize(s) if kind != "punct" else s))
    return out


_WORD_NORM: dict[str, str] = {}
_new_token = tuple.__new__


@lru_cache(maxsize=4)
def shared_tokens(text: str) -> list[Token]:
    """`tokenize(text)`, computed once per text and shared by every stage that reads it.

    The stages of one article (entities, quotes, events) tokenise the same body text;
    the last few texts are remembered, and each distinct word is normalised once per
    process (news repeats its vocabulary). The list is shared: callers must not change it.
    """
    cache = _WORD_NORM
    if len(cache) > WORDS:
        cache.clear()
    out = []
    append = out.append
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        s = m.group()
        a, b = m.span()
        if kind == "punct":
            append(_new_token(Token, (s, a, b, kind, s)))
            continue
        n = cache.get(s)
        if n is None:
            n = cache[s] = normalize(s)
        append(_new_token(Token, (s, a, b, kind, n)))
    return out


# -- clitics ---------------------------------------------------------------
class Split(NamedTuple):
    prefix: str  # proclitics as written (normalised), e.g. "وب"
    stem: str  # remainder (normalised)
    article: bool  # the stem carried (or, after ل, implied) the article ال


_CONJ = ("و", "ف")
_PREP = ("ب", "ك", "ل")


def clitic_splits(word: str, min_stem: int = 2) -> list[Split]:
    """All readings of a normalised word as proclitics + stem, longest stem first.

    Handles و/ف + ب/ك/ل + ال, and ل + ال written as لل (`للأمم` → ل + الامم).
    The returned stems keep the article when it was written, so that a gazetteer
    holding `الامم المتحده` matches `للأمم`, `والأمم` and `بالأمم` alike.
    """
    w = normalize(word)
    seen = {w}
    out = [Split("", w, w.startswith("ال"))]

    def add(prefix: str, stem: str, article: bool) -> None:
        if len(stem) >= min_stem and stem not in seen:
            seen.add(stem)
            out.append(Split(prefix, stem, article))

    conj_opts = [""] + [c for c in _CONJ if w.startswith(c)]
    for c in conj_opts:
        rest = w[len(c):]
        if c:
            add(c, rest, rest.startswith("ال"))
        for p in _PREP:
            if not rest.startswith(p):
                continue
            after = rest[1:]
            if p == "ل" and after.startswith("ل") and not after.startswith("لل"):
                # لل = ل + ال with the alef dropped
                add(c + p, "ال" + after[1:], True)
            add(c + p, after, after.startswith("ال"))
            if after.startswith("ال"):
                add(c + p + "ال", after[2:], False)
        if rest.startswith("ال") and not c:
            add("ال", rest[2:], False)
        elif c and rest.startswith("ال"):
            add(c + "ال", rest[2:], False)
    return out


_ARTICLE_PREFIX = re.compile(r"^(?:[وف]?(?:[بكل]?ال|لل))")
_PROCLITIC = re.compile(r"^(?:[وف](?=..))?(?:[بكل](?=..))?")


def strip_article(word: str) -> str:
    """Normalised word without proclitics and the article (for stemming/keys)."""
    w = normalize(word)
    m = _ARTICLE_PREFIX.match(w)
    if m and len(w) - m.end() >= 2:
        return w[m.end():]
    return w


_SUFFIXES = ("يين", "يون", "ات", "ين", "ون", "ان", "يه", "ها", "هم", "هن", "كم", "نا", "ي", "ه")


def light_stem(word: str) -> str:
    """A light stem for search: drop proclitics, article and one common suffix.

    `العقوبات`, `والعقوبات`, `عقوبات` → `عقوب`. Deliberately conservative: it must
    be stable (same input, same stem) more than it must be linguistically right.
    """
    w = strip_article(word)
    if w == normalize(word) and len(w) > 4 and w[0] in "وف":
        w2 = strip_article(w[1:])
        w = w2
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


# -- sentences -------------------------------------------------------------
_OPEN_QUOTES = {'"': '"', "«": "»", "“": "”", "„": "“"}
_ENDERS = set(".!?؟…")
_SENT_MARK = re.compile("[" + re.escape("".join(_OPEN_QUOTES) + "".join(sorted(_ENDERS))) + "\n]")
_SENT_RE_NEWLINE = re.compile(r"\n\s*\n|\n")


class Sentence(NamedTuple):
    text: str
    start: int
    end: int


def sentences(text: str, max_quote: int = 1200) -> list[Sentence]:
    """Split text into sentences at . ! ? ؟ … and line breaks.

    A full stop inside an open quotation does not end the sentence (quotes that
    run over several sentences stay whole), nor does one after a number
    (`3.5`) or a single letter (`د.`, abbreviations). Arabic ، and ؛ separate
    clauses, not sentences (see `clauses`).
    """
    out: list[Sentence] = []
    n = len(text)
    start = 0
    i = 0
    # Only quotes, line breaks and stops matter: jump from one to the next.
    find_next = _SENT_MARK.search
    while i < n:
        m = find_next(text, i)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if ch in _OPEN_QUOTES:
            i = _after_quote(text, i, ch, max_quote)
        elif ch == "\n":
            _emit(out, text, start, i)
            start = i = i + 1
        else:
            end = _sentence_end(text, i, ch, n)
            if end is None:
                i += 1
            else:
                _emit(out, text, start, end)
                start = i = end
    _emit(out, text, start, n)
    return out


def _after_quote(text: str, i: int, ch: str, max_quote: int) -> int:
    """Where reading goes on after the quotation opened at `i`: past its closing mark,
    unless a line break or the length limit comes first; then it was unbalanced and
    its text is read as usual from there."""
    give_up = i + max_quote + 1
    c = text.find(_OPEN_QUOTES[ch], i + 1)
    nl = text.find("\n", i + 1)
    if c != -1 and c <= give_up and (nl == -1 or c < nl):
        return c + 1
    return give_up if nl == -1 else min(nl, give_up)


def _sentence_end(text: str, i: int, ch: str, n: int) -> int | None:
    """The end of the sentence the stop at `i` closes (after any run of stops and closing
    quotes), or None when it closes none (a decimal point, a single-letter abbreviation)."""
    j = i
    while j + 1 < n and text[j + 1] in _ENDERS:
        j += 1
    prev = text[i - 1] if i else " "
    if ch == ".":
        nxt = text[j + 1] if j + 1 < n else " "
        if prev.isdigit() and nxt.isdigit():
            return None
        if i >= 1 and (i < 2 or not text[i - 2].isalnum()) and prev.isalpha():
            return None  # single-letter abbreviation such as د.
    # a closing quote right after the stop belongs to this sentence
    k = j + 1
    while k < n and text[k] in '"»”\')':
        k += 1
    return k


def _emit(out: list[Sentence], text: str, a: int, b: int) -> None:
    """Append text[a:b] without its surrounding spaces, unless nothing is left."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append(Sentence(text[a:b], a, b))


@lru_cache(maxsize=4)
def shared_sentences(text: str) -> list[Sentence]:
    """`sentences(text)`, computed once per text for all stages (callers must not change it)."""
    return sentences(text)


_CLAUSE_RE = re.compile(r"[،؛;,]")


def clauses(sentence: str) -> list[tuple[int, int]]:
    """Offsets of the clauses of a sentence, split at ، ؛ ; ,"""
    out, a = [], 0
    for m in _CLAUSE_RE.finditer(sentence):
        out.append((a, m.start()))
        a = m.end()
    out.append((a, len(sentence)))
    return [(s, e) for s, e in out if sentence[s:e].strip()]
