"""Content words and their keys: the vocabulary layer under keywords and topics.

A *key* is what two spellings of one word share: the normalised word without its
proclitics (و ف ب ك ل) and without the article, so `لبوتين`, `وبوتين` → `بوتين`
and `والعقوبات`, `العقوبات`, `عقوبات` → `عقوبات`. Whether a leading letter is a
clitic (`لبوتين`) or part of the word (`ليبيا`, `بيونج`) is decided by corpus
document frequency: the reading whose stem is the better-known word wins.

The *display* form keeps the article and the original spelling (hamza seats and
all) but drops the conjunction/preposition: `بالأسلحة` → `الأسلحة`.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, NamedTuple

from ..arabic import clitic_splits, normalize
from ..arabic.normalize import DIACRITICS
from ..arabic.tokens import NUMBER, WORD
from ..arabic.variants import spelling_key
from .. import knowledge
from ..memo import FEW_WORDS, WORDS


def _lines(name: str) -> list[str]:
    return [ln.strip() for ln in knowledge.lines(name)]


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Normalised stop words: the hand list plus month/weekday names and number words."""
    words = set(_lines("stopwords_ar.txt"))
    cal = knowledge.data("calendar.json")
    for group in ("gregorian_months", "hijri_months", "weekdays"):
        for names in cal.get(group, {}).values():
            for n in names:
                words.update(n.replace("/", " ").split())
    nums = knowledge.data("numbers.json")
    for group in ("cardinal", "ordinal", "multiplier"):
        words.update(k for k in nums.get(group, {}) if " " not in k)
    out = set()
    for w in words:
        n = normalize(w)
        out.add(n)
        if n.startswith("ال") and len(n) > 3:
            out.add(n[2:])
    return frozenset(out)


@lru_cache(maxsize=1)
def furniture_phrases() -> tuple[tuple[str, ...], ...]:
    """Outlet/agency names as tuples of normalised words (never keywords, never topic features)."""
    return tuple(tuple(normalize(w).lower() for w in ln.split()) for ln in _lines("furniture_terms.txt"))


class DocFreq:
    """Document frequencies of word keys and phrase keys, learned from a news corpus."""

    def __init__(self, n_docs: int, words: dict[str, int], phrases: dict[tuple[str, ...], int]):
        self.n_docs = n_docs
        self.words = words
        self.phrases = phrases  # variant-key tuples -> document frequency
        self._max_idf = math.log((n_docs + 1) / 1) + 1.0

    def idf(self, key: str) -> float:
        return math.log((self.n_docs + 1) / (self.words.get(key, 0) + 1)) + 1.0

    def phrase_idf(self, vkeys: tuple[str, ...]) -> float | None:
        df = self.phrases.get(vkeys)
        if df is None:
            return None
        return math.log((self.n_docs + 1) / (df + 1)) + 1.0

    @classmethod
    def load(cls, name: str = "keyword_df.tsv") -> "DocFreq":
        try:
            text = knowledge.text(name)
        except FileNotFoundError:
            return cls(1, {}, {})
        n_docs, words, phrases = 1, {}, {}
        for ln in text.splitlines():
            if ln.startswith("#"):
                if ln.startswith("#docs\t"):
                    n_docs = int(ln.split("\t")[1])
                continue
            kind, term, df = ln.split("\t")
            if kind == "w":
                words[term] = int(df)
            else:
                phrases[tuple(term.split(" "))] = int(df)
        return cls(n_docs, words, phrases)


_DF: DocFreq | None = None


def docfreq() -> DocFreq:
    global _DF
    if _DF is None:
        _DF = DocFreq.load()
    return _DF


class Word(NamedTuple):
    """A content word: its key, its variant key and its display form."""

    key: str
    vkey: str
    display: str
    article: bool  # written with the article (ال / لل)


def _base(norm: str) -> str:
    """The key of a stem: without the article when what is left is a word."""
    if norm.startswith("ال") and len(norm) >= 4:
        return norm[2:]
    return norm


_RARE_CLITIC_MARGIN = 20


def resolve(norm: str, df: dict[str, int]) -> tuple[str, str, bool]:
    """(prefix, stem, article) of the best clitic reading of a normalised word.

    The unsplit reading is kept unless a split gives a clearly better-known stem
    (corpus document frequency), so `ليبيا` stays whole and `لبوتين` splits.
    """
    splits = clitic_splits(norm)
    best = splits[0]
    best_score = df.get(_unsuffix(_base(best.stem), df), 0) + 2
    for sp in splits[1:]:
        if sp.prefix.endswith("ال"):
            continue  # the article stays with the stem; _base strips it for the key
        score = df.get(_unsuffix(_base(sp.stem), df), 0)
        if sp.prefix.endswith("ك"):
            # "like" is a rare proclitic and ك begins many foreign names (كيون, كيم):
            # split only for a well-known stem (كرئيس → رئيس)
            score -= _RARE_CLITIC_MARGIN
        if score > best_score:
            best, best_score = sp, score
    return best.prefix, best.stem, best.stem.startswith("ال")


_MARKS = str.maketrans({c: None for c in DIACRITICS + "\u0640"})


def _display(surface: str, prefix: str) -> str:
    """Surface form without the conjunction/preposition prefix, article kept."""
    s = surface.translate(_MARKS)
    if not prefix:
        return s
    n = len(prefix)
    rest = s[n:]
    if prefix.endswith("ل") and normalize(rest).startswith("ل") and not normalize(s).startswith(prefix + "ال"):
        return "ا" + rest  # لل = ل + ال with the alef dropped: للأمم -> الأمم
    return rest


@lru_cache(maxsize=FEW_WORDS)  # behind `_surface_word`
def word_reading(surface_norm: str) -> tuple[str, str, bool, str] | None:
    """Key reading of a normalised token; None for a stop word. Cached process-wide."""
    stops = stopwords()
    if surface_norm in stops or len(surface_norm) < 2:
        return None
    prefix, stem, article = resolve(surface_norm, docfreq().words)
    if stem in stops or _base(stem) in stops:
        return None
    key = _unsuffix(_base(stem), docfreq().words)
    if len(key) < 2:
        return None
    return prefix, key, article, spelling_key(key, normalized=True)


_PRONOUNS = ("هما", "هم", "ها", "كم", "نا")


def _unsuffix(key: str, df: dict[str, int]) -> str:
    """Drop an attached pronoun when the bare noun is the much better-known word.

    `حربها` → `حرب`, `اسلحتها` → `اسلحه` (the ta marbuta comes back). One-letter
    suffixes are left alone: a final ه is usually a ta marbuta.
    """
    for suf in _PRONOUNS:
        if key.endswith(suf) and len(key) - len(suf) >= 3:
            stem = key[: -len(suf)]
            if stem.endswith("ت"):
                stem = stem[:-1] + "ه"
            if df.get(stem, 0) > 3 * df.get(key, 0) + 2:
                return stem
            break
    return key


@lru_cache(maxsize=FEW_WORDS)  # mostly behind `_surface_word`
def content_word(surface: str, norm: str) -> Word | None:
    """The content word behind one token, or None for stop words, numbers and single letters."""
    if not norm or norm.isdigit():
        return None
    if norm.isascii():
        low = norm.lower()
        if len(low) < 2 or not any(c.isalpha() for c in low):
            return None
        return Word(low, low, surface, False)
    r = word_reading(norm)
    if r is None:
        return None
    prefix, key, article, vkey = r
    return Word(key, vkey, _display(surface, prefix), article)


@dataclass
class Run:
    """Consecutive content words between stop words and punctuation."""

    words: list[Word]
    starts: list[int]
    ends: list[int]


# Words, numbers, single punctuation marks: the cuts of `arabic.tokenize` (its WORD and
# NUMBER), without group names or Token records (this is the hot path of three stages).
_TOKEN = re.compile(rf"{WORD}|{NUMBER}|\S")


@lru_cache(maxsize=WORDS)
def _surface_word(surface: str) -> Word | None:
    c = surface[0]
    if not (c.isalpha() or c == "\u0640"):
        return None
    return content_word(surface, normalize(surface))


@lru_cache(maxsize=32)
def _tokens(text: str) -> tuple[list[int], list[int], list[Word | None], list[int]]:
    """Start, end and content word (None: a break) of every token of `text`, and the
    indexes of the breaks; cached per text."""
    ms = list(_TOKEN.finditer(text))
    starts = [m.start() for m in ms]
    ends = [m.end() for m in ms]
    ws = list(map(_surface_word, [m.group() for m in ms]))
    breaks = [i for i, w in enumerate(ws) if w is None]
    breaks.append(len(ws))  # a sentinel break after the last token
    return starts, ends, ws, breaks


def runs_in(text: str, start: int = 0, end: int | None = None) -> list[Run]:
    """Runs of content words of `text[start:end]`, offsets into `text` (tokens cached per text)."""
    starts, ends, ws, breaks = _tokens(text)
    end = len(text) if end is None else end
    i = bisect_left(starts, start)
    # tokens end in order: those ending by `end`, from i, are the first stop - i
    stop = bisect_right(ends, end, i)
    out: list[Run] = []
    # the runs are the stretches between consecutive breaks
    k = bisect_left(breaks, i)
    while i < stop:
        b = breaks[k]
        if b > stop:
            b = stop
        if b > i:
            out.append(Run(ws[i:b], starts[i:b], ends[i:b]))
        i = b + 1
        k += 1
    return out


def runs(text: str, base: int = 0) -> list[Run]:
    """Split text into runs of content words (offsets shifted by `base`)."""
    out = runs_in(text)
    if base:
        for r in out:
            r.starts = [s + base for s in r.starts]
            r.ends = [e + base for e in r.ends]
    return out


def doc_keys(text: str) -> Iterable[str]:
    """Word keys of a text (for document-frequency counting)."""
    for r in runs(text):
        for w in r.words:
            yield w.key
