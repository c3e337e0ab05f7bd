"""Document-level label consistency for the NER tagger's output.

News text names the same entity many times; the CRF sees one sentence at a time and
misses some of those mentions. Over a window of neighbouring sentences this pass
1. collects every tagged span under a clitic-tolerant key (`لبوتين` counts as `بوتين`),
2. gives an untagged occurrence of a collected key the majority type of its tagged
   occurrences (longest key first, only over tokens the tagger left O; a name read off a
   word's article does not count: `الجمعة` is not the surname `جمعة`), and
3. lets a person's full name vouch for its surname alone (`بوتين` after `فلاديمير بوتين`).
Before that, `trim_titles` drops titles (`الشيخ`, `الرئيس`) from the front of person names:
ANERcorp, like most news NER data, leaves them out of the name; and `tag_currencies` tags a
currency unit after an amount (`مليار جنيه`) MISC, as ANERcorp does.
No retraining: it only reads the tags the CRF gave.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from .. import knowledge
from ..arabic import clitic_splits, normalize, normalize_light, parse_number
from ..arabic.numbers import number_words
from .data import spans
from ..memo import WORDS

MAX_LEN = 4        # longest span (tokens) that is propagated
MIN_CHARS = 3      # a shorter one-word key is too ambiguous to propagate
WINDOW = 20        # sentences on each side that vote
NO_ARTICLE_TYPES = frozenset({"PER", "LOC", "ORG"})  # names keep or lack the article; MISC (`جنيه`) varies


@lru_cache(maxsize=WORDS)
def forms(tok: str) -> tuple[str, ...]:
    """The word's normalised form and its proclitic-stripped stems (3+ letters)."""
    n = normalize(tok)
    out = [n]
    for sp in clitic_splits(n):
        if sp.prefix and len(sp.stem) >= MIN_CHARS and sp.stem not in out:
            out.append(sp.stem)
    return tuple(out)


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    raw = knowledge.data("entity_cues.json")
    return frozenset(normalize(w) for w in raw["person_titles"] + raw["honorifics"])


def trim_titles(sents: list[list[str]], tags: list[list[str]]) -> list[list[str]]:
    """Person spans without their leading title words (`وسمو`-style clitics allowed) and
    definite nationality words (`والألماني`, `التركي`: ANERcorp and NewsFANE start the name after
    them in over 500 of 504 cases); a span of titles alone is dropped. A span followed by
    the family word `آل` and a name word (untagged or a name of its own) takes them in
    (`حمد بن خليفة آل ثاني`)."""
    titles = _titles()
    dem = _demonyms()
    out = []
    for toks, tg in zip(sents, tags):
        tg = list(tg)
        if "B-PER" not in tg and "I-PER" not in tg:
            out.append(tg)
            continue
        for i, j, typ in sorted(spans(tg)):  # in order: a span may join the next one
            if typ != "PER":
                continue
            k = i
            # a nationality before a name is definite (`التركي`); bare `كيني` may be Kenny
            while k < j and any(f in titles or (f in dem and f[:2] == "ال") for f in forms(toks[k])):
                tg[k] = "O"
                k += 1
            if i < k < j:
                # a definite title then one definite word is a title and its epithet
                # (`الأمير المفدى`, `الرئيس السابق`) far more often than a surname
                tg[k] = "O" if j - k == 1 and forms(toks[k])[0].startswith("ال") else "B-PER"
            if k < j and j + 1 < len(toks) and tg[j] == "O" and tg[j + 1] in ("O", "B-PER") \
                    and forms(toks[j])[0] == "ال" and len(forms(toks[j + 1])[0]) >= MIN_CHARS:
                tg[j] = tg[j + 1] = "I-PER"
        out.append(tg)
    return out


@lru_cache(maxsize=1)
def _currencies() -> frozenset[str]:
    return frozenset(normalize(ln.strip()) for ln in knowledge.lines("currencies.txt"))


def _is_amount(tok: str) -> bool:
    """A cardinal in digits or words, or a multiplier (`ملايين`, which alone reads as no number)."""
    if forms(tok)[0] in number_words()["multiplier"]:
        return True
    n = parse_number([tok])
    return n is not None and n.kind == "cardinal"


def tag_currencies(sents: list[list[str]], tags: list[list[str]]) -> list[list[str]]:
    """An untagged currency unit right after an amount (`150 جنيها`, `مليار دولار`) tagged
    MISC: ANERcorp tags currencies MISC, NewsFANE leaves them out, so the tagger trained on
    both finds the frequent ones only. Without an amount the word may be a name (`ريال مدريد`)."""
    cur = _currencies()
    out = []
    for toks, tg in zip(sents, tags):
        hits = [k for k in range(1, len(toks)) if tg[k] == "O" and forms(toks[k])[0] in cur
                and (k + 1 == len(tg) or not tg[k + 1].startswith("I-")) and _is_amount(toks[k - 1])]
        if hits:
            tg = list(tg)
            for k in hits:
                tg[k] = "B-MISC"
        out.append(tg)
    return out


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """Normalised country adjectives and demonyms (`امريكيون`, `كوريون جنوبيون`)."""
    try:
        rows = knowledge.lines("country_adjectives.tsv")
    except FileNotFoundError:
        rows = ()
    return frozenset(r.split("\t")[0] for r in rows)


def drop_demonyms(sents: list[list[str]], tags: list[list[str]]) -> list[list[str]]:
    """Person, organisation and other spans that are only a nationality (`وكوريون جنوبيون`,
    `الأمريكيين`) untagged: peoples and nationalities are not named entities in ANERcorp's
    convention (and the entities stage reads them as their country, not as a person)."""
    dem = _demonyms()
    out = []
    for toks, tg in zip(sents, tags):
        if tg.count("O") == len(tg):
            out.append(tg)
            continue
        tg = list(tg)
        for i, j, typ in spans(tg):
            if j - i > 2 or typ == "LOC":
                continue  # a LOC may be the country itself: `سورية` is Syria and Syrian (f.)
            rest = " ".join(normalize(t) for t in toks[i + 1:j])
            if any((f + " " + rest if rest else f) in dem for f in forms(toks[i])):
                tg[i:j] = ["O"] * (j - i)
        out.append(tg)
    return out


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Particles, prepositions, pronouns and other stop words, as written (marks removed,
    letters kept): matching folds `على` (on) into the name `علي`, so a name tagged nearby
    must not fill a function word."""
    return frozenset(normalize_light(ln.strip()) for ln in knowledge.lines("stopwords_ar.txt"))


@lru_cache(maxsize=WORDS)
def _bare_forms(tok: str) -> tuple[tuple[str, bool], ...]:
    """`forms(tok)`, each with whether reading it took off the article (`الجمعة` -> `جمعه`)."""
    fs = forms(tok)
    n = fs[0]
    return tuple((f, n[:len(n) - len(f)].endswith("ال")) for f in fs)


def _keys(norm: list[str], toks: list[str], i: int, j: int) -> list[tuple[tuple[str, ...], bool]]:
    rest = tuple(norm[i + 1:j])
    return [((f,) + rest, art) for f, art in _bare_forms(toks[i])]


def _votes(sents: list[list[str]], tags: list[list[str]]) -> list[Counter]:
    """Per sentence: key → Counter(type) of the spans tagged in that sentence."""
    out = []
    for toks, tg in zip(sents, tags):
        c: dict[tuple[str, ...], Counter] = {}
        out.append(c)
        if tg.count("O") == len(tg):
            continue
        for i, j, typ in spans(tg):
            if j - i > MAX_LEN:
                continue
            # the written form, not its stems, is the key of a tagged span: a stem
            # vote would let `وتين` (from `بوتين`) tag unrelated words
            key = tuple([forms(t)[0] for t in toks[i:j]])  # forms(t)[0] is normalize(t), cached
            c.setdefault(key, Counter())[typ] += 1
            if j - i > 1 and typ == "PER":
                sur = (forms(toks[j - 1])[0],)
                c.setdefault(sur, Counter())[typ] += 1
            # the stem too, so that `لبوتين` tagged votes for a bare `بوتين`
            for f in forms(toks[i])[1:]:
                c.setdefault((f,) + key[1:], Counter())[typ] += 1
    return out


def consistent(sents: list[list[str]], tags: list[list[str]], window: int = WINDOW,
               skip_function_words: bool = True) -> list[list[str]]:
    """`tags` with untagged repeats of tagged names filled in (new lists; input untouched);
    no filled stretch starts with an untagged function word (`skip_function_words`)."""
    fw = _function_words() if skip_function_words else frozenset()
    out = tag_currencies(sents, drop_demonyms(sents, trim_titles(sents, tags)))
    votes = _votes(sents, out)
    pool = _Pool()
    for v in votes[:window]:
        pool.shift(v, 1)
    for s, (toks, tg) in enumerate(zip(sents, out)):
        if s + window < len(votes):
            pool.shift(votes[s + window], 1)
        if s - window - 1 >= 0:
            pool.shift(votes[s - window - 1], -1)
        if pool.votes:
            _fill(toks, tg, pool, fw)
    return out


class _Pool:
    """The votes of sentences s-window .. s+window, kept up to date as s moves on."""

    def __init__(self) -> None:
        self.votes: dict[tuple[str, ...], Counter] = {}
        self.heads: Counter = Counter()  # first words of the pooled keys: most words start none

    def shift(self, v: dict, sign: int) -> None:
        pool, heads = self.votes, self.heads
        for k, c in v.items():
            heads[k[0]] += sign
            if not heads[k[0]]:
                del heads[k[0]]
            p = pool.setdefault(k, Counter())
            for typ, n in c.items():
                p[typ] += sign * n
                if p[typ] <= 0:
                    del p[typ]
            if not p:
                del pool[k]


def _fill(toks: list[str], tg: list[str], pool: _Pool, fw: frozenset[str]) -> None:
    """Tag, in place, the stretches of one sentence that the pooled votes name."""
    fs = [forms(t) for t in toks]
    hk = pool.heads.keys()
    starts = [not hk.isdisjoint(x) for x in fs]
    if not any(starts):
        return
    norm = [x[0] for x in fs]
    i = 0
    while i < len(toks):
        if not starts[i] or tg[i].startswith("I-") or (tg[i] == "O" and fw and normalize_light(toks[i]) in fw):
            i += 1
            continue
        hit = _longest_hit(toks, tg, norm, i, pool.votes)
        if hit:
            j, typ = hit
            tg[i] = "B-" + typ
            for k in range(i + 1, j):
                tg[k] = "I-" + typ
            i = j
        else:
            i += 1


def _longest_hit(toks: list[str], tg: list[str], norm: list[str], i: int,
                 pool: dict[tuple[str, ...], Counter]) -> tuple[int, str] | None:
    """(end, type) of the longest stretch from token i whose key the votes name, or None."""
    for j in range(min(len(toks), i + MAX_LEN), i, -1):
        if tg[i] != "O" and (j - i < 2 or tg[i:j].count("O") == 0):
            continue  # a tagged token only starts a longer name that covers untagged words
        if j < len(tg) and tg[j].startswith("I-"):
            continue
        inside = {t[2:] for t in tg[i:j] if t != "O"}
        for key, art in _keys(norm, toks, i, j):
            if j - i == 1 and len(key[0]) < MIN_CHARS:
                continue
            c = pool.get(key)
            if c:
                typ = c.most_common(1)[0][0]
                if art and typ in NO_ARTICLE_TYPES:
                    continue  # a name written without the article: `الجمعة` is not `جمعة`
                if inside - {typ}:
                    continue  # never overwrite another type
                return j, typ
    return None
