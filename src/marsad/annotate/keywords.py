"""Keywords: the ranked key phrases a news editor would tag an article with.

Candidates are the article's resolved entities (when the entities stage ran),
multi-word phrases, and single content words. A phrase is a unit when the ANT
corpus knows it as a phrase (`كوريا الشمالية`, `مجلس الأمن`) or when it recurs in
the article and its words rarely occur without each other (`بيونج يانج`), so its
words are not counted apart. Words are keyed across clitic and spelling forms
(`لبوتين` = `بوتين`, `بيونغ` = `بيونج`). A candidate scores by how often it occurs,
weighted by where (title, lead), times how rare it is in news (document
frequency learned from ANT). Stop words, outlet and agency names never become
keywords, and a candidate inside or around a better one is dropped.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from functools import lru_cache

from ..arabic import light_stem, normalize, tokenize
from .. import knowledge
from ..article import Article, Keyword
from ..text import vocabulary as terms
from ..memo import FEW_WORDS, WORDS

TOP = 15
TITLE_WEIGHT = 2.5
HEADING_WEIGHT = 1.3
LEAD_WEIGHT = 1.5  # first two paragraphs
MAX_N = 4


def _stripped_lines(name: str) -> list[str]:
    return [ln.strip() for ln in knowledge.lines(name)]


@lru_cache(maxsize=1)
def _roles() -> frozenset[str]:
    out = set()
    for w in _stripped_lines("keyword_roles.txt"):
        r = terms.content_word(w, normalize(w))
        out.add(r.vkey if r else normalize(w))
    return frozenset(out)


@lru_cache(maxsize=1)
def furniture_terms() -> frozenset[tuple[str, ...]]:
    """Page-furniture phrases (knowledge/furniture_terms.txt) as tuples of word keys."""
    out = set()
    for ln in _stripped_lines("furniture_terms.txt"):
        ws = [terms.content_word(t.text, t.norm) for t in tokenize(ln) if t.kind == "word"]
        if ws and all(ws):
            out.add(tuple(w.vkey for w in ws))
    return frozenset(out)


class _Cand:
    __slots__ = ("vkeys", "weight", "count", "first", "forms", "entity")

    def __init__(self, vkeys: tuple[str, ...]):
        self.vkeys = vkeys
        self.weight = 0.0
        self.count = 0
        self.first = 1.0
        self.forms: dict[str, int] = {}
        self.entity = False


def _pieces(article: Article) -> list[tuple[str, int, float, float]]:
    """(text, offset, weight, relative position) of the title, headings and paragraphs."""
    out: list[tuple[str, int, float, float]] = []
    if article.title:
        out.append((article.title, -1, TITLE_WEIGHT, 0.0))
    for s in article.sections:
        if s.heading:
            out.append((s.heading, -1, HEADING_WEIGHT, 0.5))
    spans = article.paragraph_spans() if article.sections else []
    if not spans and article.text:
        pos = 0
        for p in article.text.split("\n\n"):
            spans.append((pos, pos + len(p)))
            pos += len(p) + 2
    n = max(len(article.text), 1)
    for i, (a, b) in enumerate(spans):
        out.append((article.text[a:b], a, LEAD_WEIGHT if i < 2 else 1.0, a / n))
    return out


def _entity_spans(article: Article) -> dict[int, tuple[str, int]]:
    """Start offset of every entity mention in `text` -> (entity id, mention end)."""
    out: dict[int, tuple[str, int]] = {}
    for e in article.entities:
        for m in e.mentions:
            out[m.start] = (e.id, m.end)
    return out


def extract(article: Article, top: int = TOP) -> list[Keyword]:
    """The article's `top` keywords, best first."""
    df = terms.docfreq()
    ent_at = _entity_spans(article)
    pieces = [
        (terms.runs_in(article.text, off, off + len(t)) if off >= 0 else terms.runs(t), off >= 0, w, pos)
        for t, off, w, pos in _pieces(article)
    ]
    vruns = [[w.vkey for w in r.words] for runs, _, _, _ in pieces for r in runs]
    wcount, gcount = _ngram_counts(vruns)
    is_unit = _unit_test(df, _roles(), wcount, gcount)
    ent_keys = _entity_keys(pieces, ent_at) if ent_at else {}
    ent_names = {e.id: e for e in article.entities}
    cands = _candidates(pieces, vruns, ent_at, ent_keys, ent_names, is_unit, wcount)
    return _choose(_penalised(_scored(cands, df), top), top)


def _ngram_counts(vruns: list[list[str]]) -> tuple[Counter, dict[tuple, int]]:
    """Doc counts of words and n-grams, for phrases that hold together in this article
    (an n-gram can only recur if its first word does, so only those are counted)."""
    wcount: Counter = Counter()
    for v in vruns:
        wcount.update(v)
    gcount: dict[tuple, int] = {}
    for v in vruns:
        nv = len(v)
        for i in range(nv - 1):
            if wcount[v[i]] < 2:
                continue
            for n in range(2, min(MAX_N, nv - i) + 1):
                g = tuple(v[i:i + n])
                gcount[g] = gcount.get(g, 0) + 1
    return wcount, gcount


def _unit_test(df, roles: frozenset[str], wcount: Counter, gcount: dict[tuple, int]):
    """Is an n-gram of word keys one unit: a phrase ANT knows, or one that recurs here and
    whose words rarely occur without each other? Never one opening with a role noun."""
    def is_unit(g: tuple[str, ...]) -> bool:
        if g[0] in roles:
            return False
        if g in df.phrases:
            return True
        c = gcount.get(g, 0)
        return c >= 2 and all(c >= 0.5 * wcount[w] for w in g)

    return is_unit


def _entity_keys(pieces, ent_at: dict[int, tuple[str, int]]) -> dict[tuple[str, ...], str]:
    """Word keys of the body's entity mentions -> entity id. Entities are found in the body;
    the title and headings name them too (`بوتين` in the title is the entity بوتين)."""
    ent_keys: dict[tuple[str, ...], str] = {}
    for runs, in_text, _, _ in pieces:
        if not in_text:
            continue
        for r in runs:
            for i, st in enumerate(r.starts):
                ent = ent_at.get(st)
                if ent is not None:
                    j = i + 1
                    while j < len(r.words) and r.ends[j] <= ent[1]:
                        j += 1
                    ent_keys.setdefault(tuple([w.vkey for w in r.words[i:j]]), ent[0])
    return ent_keys


def _add(cands: dict, key: tuple, vkeys: tuple[str, ...], form: str, weight: float, pos: float,
         entity: bool = False) -> None:
    c = cands.get(key)
    if c is None:
        c = cands[key] = _Cand(vkeys)
    c.weight += weight
    c.count += 1
    if pos < c.first:
        c.first = pos
    c.forms[form] = c.forms.get(form, 0) + 1
    c.entity = c.entity or entity
    if len(vkeys) > len(c.vkeys):
        c.vkeys = vkeys  # an entity is as long as its longest mention (for containment)


def _add_mention(cands: dict, r, v: list[str], i: int, ent: tuple[str, int], ent_names: dict,
                 weight: float, pos: float) -> int:
    """An entity mention of the body starting at word i: counted; returns the word after it."""
    eid, end = ent
    j = i + 1
    while j < len(v) and r.ends[j] <= end:
        j += 1
    e = ent_names[eid]
    # shown as the article writes it (`بورما`, not the canonical `ميانمار`)
    form = " ".join([w_.display for w_ in r.words[i:j]]) or e.name_ar or ""
    _add(cands, ("e", eid, ""), tuple(v[i:j]), form, weight, pos, entity=True)
    return j


def _add_named(cands: dict, rw, v: list[str], i: int, ent_keys: dict, weight: float, pos: float) -> int:
    """A title or heading naming a body entity at word i (longest first): counted; returns
    the number of words it takes (0 for none)."""
    for n in range(min(MAX_N, len(v) - i), 0, -1):
        eid = ent_keys.get(tuple(v[i:i + n]))
        if eid is not None:
            form = " ".join([w_.display for w_ in rw[i:i + n]])
            _add(cands, ("e", eid, ""), tuple(v[i:i + n]), form, weight, pos, entity=True)
            return n
    return 0


def _candidates(pieces, vruns, ent_at, ent_keys, ent_names, is_unit, wcount) -> dict[tuple | str, _Cand]:
    """Every candidate (entity, phrase unit, single word) with its weighted count."""
    cands: dict = {}
    starters = _phrase_starters()
    next_vkeys = iter(vruns).__next__  # the runs in the same order as vruns was built
    for runs, in_text, weight, pos in pieces:
        has_ents = bool(ent_at) and in_text
        for r in runs:
            rw = r.words
            v = next_vkeys()
            i, n_words = 0, len(v)
            while i < n_words:
                if has_ents:
                    ent = ent_at.get(r.starts[i])
                    if ent is not None:
                        i = _add_mention(cands, r, v, i, ent, ent_names, weight, pos)
                        continue
                elif ent_keys and not in_text:
                    n = _add_named(cands, rw, v, i, ent_keys, weight, pos)
                    if n:
                        i += n
                        continue
                vi = v[i]
                taken = 1
                if vi in starters or wcount[vi] >= 2:
                    for n in range(min(MAX_N, n_words - i), 1, -1):
                        if is_unit(tuple(v[i:i + n])):
                            taken = n
                            break
                if taken == 1:
                    # one word: the hot path, inlined
                    c = cands.get(vi)
                    if c is None:
                        c = cands[vi] = _Cand((vi,))
                    c.weight += weight
                    c.count += 1
                    if pos < c.first:
                        c.first = pos
                    form = rw[i].display
                    c.forms[form] = c.forms.get(form, 0) + 1
                    i += 1
                    continue
                g = tuple(v[i:i + taken])
                _add(cands, g, g, " ".join([w_.display for w_ in rw[i:i + taken]]), weight, pos)
                i += taken
    return cands


def _scored(cands: dict, df) -> list[tuple[float, object, _Cand]]:
    """(score, key, candidate), best first: rarity in news times weighted frequency, with
    page furniture and one- or two-letter words left out."""
    furniture = furniture_terms()
    fwords = _furniture_words()
    vidf = _vidf()
    max_idf = df._max_idf
    scored = []
    for key, c in cands.items():
        if not fwords.isdisjoint(c.vkeys) and _is_furniture(c.vkeys, furniture):
            continue
        if len(c.vkeys) == 1 and len(c.vkeys[0]) < 3 and not c.entity:
            continue
        nk = len(c.vkeys)
        if nk == 1:
            idf = vidf.get(c.vkeys[0], max_idf)
        else:
            idf = df.phrase_idf(c.vkeys)
            if idf is None:
                idf = sum(vidf.get(k, max_idf) for k in c.vkeys) / nk
        score = idf * c.weight ** 0.8 * (1.0 + 0.3 * (1.0 - c.first))
        if nk > 1:
            score *= 1.15
        if c.entity:
            score *= 1.2
        if c.count < 2 and c.weight < TITLE_WEIGHT:
            score *= 0.5  # said once, not in the title: rarely what the story is about
        scored.append((score, key, c))
    scored.sort(key=lambda x: -x[0])  # stable: ties keep their (deterministic) order of first mention
    return scored


def _penalised(scored: list, top: int) -> list:
    """Word-shape penalties. They only lower a score, so they are only worth checking near the top."""
    head = scored[: 4 * top]
    for n, (score, key, c) in enumerate(head):
        forms = c.forms
        top_form = next(iter(forms)) if len(forms) == 1 else max(forms, key=forms.__getitem__)
        if all(map(_looks_adjective, top_form.split())):
            score *= 0.6  # `العسكرية`, `الكوري الشمالي`: a description, rarely a tag on its own
        if len(c.vkeys) == 1 and not c.entity and _looks_verb(top_form):
            score *= 0.5  # `يسيطرون`: an imperfect verb, not a tag
        head[n] = (score, key, c)
    head.sort(key=lambda x: -x[0])
    return head + scored[4 * top:]


def _choose(scored: list, top: int) -> list[Keyword]:
    """The best candidates in order, each dropped when inside or around a better one
    (`كوريا` after `كوريا الشمالية`) or written like one already chosen."""
    out: list[Keyword] = []
    chosen: list[tuple[str, ...]] = []  # phrases chosen so far
    chosen_words: set[str] = set()  # every word of every chosen candidate
    chosen_single: set[str] = set()  # chosen one-word candidates
    seen_forms: set[str] = set()
    chosen_stems: set[str] = set()
    for score, _, c in scored:
        if len(c.vkeys) == 1:
            if c.vkeys[0] in chosen_words:
                continue
        elif not chosen_single.isdisjoint(c.vkeys) or any(
            _contains(c.vkeys, ch) or _contains(ch, c.vkeys) for ch in chosen
        ):
            continue
        form = _best_form(c.forms).strip()
        nf = normalize(form)
        if not form or nf in seen_forms:
            continue
        if len(c.vkeys) == 1:
            stem = _light_stem(form)  # `معارضون` after `المعارضة`: one keyword
            if stem in chosen_stems:
                continue
            chosen_stems.add(stem)
        if len(c.vkeys) == 1:
            chosen_single.add(c.vkeys[0])
        else:
            chosen.append(c.vkeys)
        chosen_words.update(c.vkeys)
        seen_forms.add(nf)
        out.append(Keyword(form, round(score, 3)))
        if len(out) >= top:
            break
    return out


def _is_furniture(vkeys: tuple[str, ...], furniture: frozenset) -> bool:
    n = len(vkeys)
    return any(vkeys[i:j] in furniture for i in range(n) for j in range(i + 1, min(n, i + 4) + 1))


def _best_form(forms: dict[str, int]) -> str:
    """The written form to show: a bare one (`الحرب`) over one with a pronoun (`حربها`),
    then the most frequent, then the one with the article, then the shorter."""
    if len(forms) == 1:
        return next(iter(forms))
    keys = {f: terms.content_word(f.split()[-1], normalize(f.split()[-1])) for f in forms}

    def bare(f: str) -> bool:
        w = keys[f]
        last = normalize(f.split()[-1])
        return w is not None and last in (w.key, "ال" + w.key)

    return max(forms.items(), key=lambda kv: (bare(kv[0]), kv[1], kv[0].startswith("ال"), -len(kv[0])))[0]


# the stem of a chosen one-word keyword's form (a pure function; news repeats its words)
_light_stem = lru_cache(maxsize=WORDS)(light_stem)


@lru_cache(maxsize=FEW_WORDS)
def _looks_verb(word: str) -> bool:
    """ي...ون / ي...ان: a plural or dual imperfect verb (`يسيطرون`, `يبحثان`)."""
    n = normalize(word)
    return len(n) >= 6 and n[0] == "ي" and (n.endswith("ون") or n.endswith("ان"))


@lru_cache(maxsize=1)
def _phrase_starters() -> frozenset[str]:
    return frozenset(g[0] for g in terms.docfreq().phrases)


@lru_cache(maxsize=FEW_WORDS)
def _looks_adjective(word: str) -> bool:
    """A definite nisba form (`العسكرية`, `الروسي`): usually an adjective."""
    n = normalize(word)
    return n.startswith("ال") and len(n) >= 6 and (n.endswith("يه") or n.endswith("ي"))


def _surface_tail(w: terms.Word) -> str:
    return w.display


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    """Is `small` a contiguous part of `big`?"""
    n, m = len(big), len(small)
    if m > n:
        return False
    return any(big[i:i + m] == small for i in range(n - m + 1))


@lru_cache(maxsize=1)
def _vidf() -> dict[str, float]:
    """idf by variant key (forms that fold together pool their document frequency)."""
    from ..arabic.variants import spelling_key as variant_key

    df = terms.docfreq()
    pooled: dict[str, int] = defaultdict(int)
    for key, n in df.words.items():
        pooled[key.lower() if key.isascii() else variant_key(key, normalized=True)] += n
    return {v: math.log((df.n_docs + 1) / (min(n, df.n_docs) + 1)) + 1.0 for v, n in pooled.items()}


@lru_cache(maxsize=1)
def _furniture_words() -> frozenset[str]:
    return frozenset(w for f in furniture_terms() for w in f)


def annotate(article: Article) -> Article:
    article.keywords = extract(article)
    return article
