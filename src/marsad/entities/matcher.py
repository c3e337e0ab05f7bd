"""Clitic-aware longest-match gazetteer over the tokens of a text.

A name may carry proclitics on its first word (`لبوتين`, `وبيونج يانج`,
`للأمم المتحدة`, `بالصين`); the other words are matched as written (normalised).
Mentions are reported without the proclitics, with offsets into the original text.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..arabic import Token, normalize, normalize_map, shared_tokens
from .kb import KnowledgeBase
from ..memo import WORDS

# Titles that some knowledge-base names start with; a mention leaves them out.
PERSON_TITLES = {normalize(w) for w in ("الملك", "الأمير", "الشيخ", "الشيخة", "السلطان", "الرئيس", "البابا", "الإمام",
                                         "المهاتما", "الملا", "آية", "السيد")}


def fast_tokenize(text: str) -> list[Token]:
    """`marsad.arabic.tokenize`, shared with the other stages that read the same text
    (computed once per text; do not change the list)."""
    return shared_tokens(text)


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
    weak: bool = False  # every KB reading of the span is a weak form

    def __len__(self) -> int:
        return self.end - self.start


_STEMS: dict[str, tuple[tuple[int, str], ...]] = {}


def stems(norm: str) -> tuple[tuple[int, str], ...]:
    """Readings of a normalised word as proclitics + stem: (chars stripped, stem).

    و/ف then ب/ك/ل (`وبيونج` -> `بيونج`, `لبوتين` -> `بوتين`); the stem keeps its
    article, and ل + ال written لل gives back the article (`للامم` -> `الامم`),
    which is marked by a negative count (no character of the word is the stem's
    alone). The gazetteer holds names with their article as written, so stems with
    the article stripped are not needed.
    """
    got = _STEMS.get(norm)
    if got is not None:
        return got
    out = [(0, norm)]
    for c in ((0, 1) if norm[:1] in ("و", "ف") and len(norm) > 2 else (0,)):
        rest = norm[c:]
        if c:
            out.append((c, rest))
        if len(rest) > 3 and rest[0] in "بكل":
            if rest[0] == "ل" and rest[1] == "ل":
                out.append((-(c + 1), "ا" + rest[1:]))
            out.append((c + 1, rest[1:]))
    got = tuple(out)
    if len(_STEMS) > WORDS:
        _STEMS.clear()
    _STEMS[norm] = got
    return got


def skip_chars(word: str, k: int) -> int:
    """Characters of `word` (as written) before the stem of reading `k` (from `stems`)."""
    if k <= 0:
        return 0
    offs = normalize_map(word)[1]
    return offs[k] if k < len(offs) else len(word)


def _word_before_clitics(norm: str, k: int, stem_of: str) -> bool:
    """Whether a one-word name found under proclitics is better read as an ordinary word: a
    reading with fewer letters taken off (but some) is clearly better known to the news
    vocabulary than the name's form (`وباكرا`: `باكرا` "early" is known, `اكرا` is not)."""
    from ..text.vocabulary import docfreq

    df = docfreq().words
    name_df = df.get(stem_of, 0)
    # the word as written is left out: the vocabulary counts clitic forms too (`وبولندا`)
    return any(0 < r < abs(k) and df.get(w, 0) >= 3 and df.get(w, 0) > 2 * name_df for r, w in stems(norm))


def adjacent(text: str, a: Token, b: Token) -> bool:
    """Tokens separated by spaces only (a name runs over neither punctuation nor a line break)."""
    gap = text[a.end:b.start]
    return len(gap) <= 3 and not gap.strip() and "\n" not in gap


def _best_at(i: int, text: str, tokens: list[Token], kb: KnowledgeBase) -> tuple[int, int, str] | None:
    """The longest gazetteer form that begins at token `i`: (last token, reading, form)."""
    forms, prefixes, starts, openings = kb.forms, kb.prefixes, kb.starts, kb.openings
    t = tokens[i]
    ks = openings.get(t.norm)
    if ks is None:
        # the word's readings that can begin a name, once per word: most begin none
        if len(openings) > WORDS:
            openings.clear()
        ks = openings[t.norm] = tuple(x for x in stems(t.norm) if x[1] in starts)
    if not ks:
        return None
    n = len(tokens)
    best: tuple[int, int, str] | None = None
    for k, stem in ks:
        s, j = stem, i
        while True:
            if s in forms and (best is None or j > best[0]):
                best = (j, k, s)
            if s not in prefixes or j + 1 >= n or tokens[j + 1].kind == "punct" \
                    or not adjacent(text, tokens[j], tokens[j + 1]):
                break
            j += 1
            s = s + " " + tokens[j].norm
    return best


def match(text: str, tokens: list[Token], kb: KnowledgeBase) -> list[Candidate]:
    """Longest gazetteer matches, left to right, not overlapping; a longer match that begins
    inside a multi-word one and runs past it wins (`بدول مجلس التعاون لدول الخليج العربية`
    is the Gulf council's full name, not `دول مجلس التعاون` and then the Gulf)."""
    out: list[Candidate] = []
    forms = kb.forms
    n = len(tokens)
    i = 0
    while i < n:
        t = tokens[i]
        if t.kind != "word":
            i += 1
            continue
        if kb.openings.get(t.norm) == ():
            i += 1  # most words begin no name: known without a call
            continue
        best = _best_at(i, text, tokens, kb)
        if best is None:
            i += 1
            continue
        tj, k, form = best
        later = next((m for m in range(i + 1, tj + 1) if tokens[m].kind == "word"
                      and (b := _best_at(m, text, tokens, kb)) is not None and b[0] > tj and b[0] - m > tj - i), None)
        if later is not None:
            i = later
            continue
        if k and tj == i and _word_before_clitics(t.norm, k, stem_of=form):
            i += 1  # `وباكرا` is "and early", not و+ب+Accra
            continue
        ids = forms[form]
        e = kb.get(ids[0][0])
        start, ti = t.start + skip_chars(t.text, k), i
        if e is not None and e.type == "PER" and tj > i and form.split(" ", 1)[0] in PERSON_TITLES:
            # `الملك عبد الله الثاني`: the title names the person but is not the name
            ti, start = i + 1, tokens[i + 1].start
        out.append(Candidate(start, tokens[tj].end, ti, tj, form, e.type if e else None, list(ids),
                             weak=all(w for _, w in ids)))
        i = tj + 1
    return out
