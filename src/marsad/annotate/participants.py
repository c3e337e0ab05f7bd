"""Who is where in an article: the shared view that the quotes and events stages read.

`view(article)` tokenises the text once and lines up the entity mentions with the
tokens, so both stages can ask "which entity does this run of tokens name?".
Besides the entity annotator's mentions it adds two kinds of mention it does not
make: country adjectives and demonyms (`الفيتو الروسي`, `مسؤولون أمريكيون` →
the country) and nothing else. Metonyms (`بيونج يانج` for North Korea's
government) are resolved on request through the knowledge base's link.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple


from ..arabic import Token, normalize, shared_sentences, shared_tokens
from ..article import Article, Entity, Mention
from . import kbview


class Span(NamedTuple):
    start: int  # char offsets into article.text
    end: int
    entity_id: str
    type: str  # PER | LOC | ORG | MISC
    demonym: bool = False  # an adjective/demonym standing for its country


@dataclass
class View:
    text: str
    tokens: list[Token]
    starts: list[int]  # token start offsets, for bisect
    spans: list[Span]  # sorted by start
    sents: list[tuple[int, int]]  # sentence (start, end) char offsets
    entities: dict[str, Entity] = field(default_factory=dict)
    tok_span: list[int] = field(default_factory=list)  # token index -> index into spans, or -1
    clitics: dict = field(default_factory=dict)  # Span -> its proclitics (memo)
    _names: dict = field(default_factory=dict)

    def names_of(self, entity_id: str) -> set[str]:
        """Normalised Arabic name and mention texts of an entity (memo)."""
        got = self._names.get(entity_id)
        if got is None:
            e = self.entities.get(entity_id)
            got = set()
            if e is not None:
                if e.name_ar:
                    got.add(normalize(e.name_ar))
                got.update(normalize(m.text) for m in e.mentions)
            self._names[entity_id] = got
        return got

    def tok_at(self, offset: int) -> int:
        """Index of the first token starting at or after `offset`."""
        return bisect_left(self.starts, offset)

    def tok_of(self, offset: int) -> int:
        """Index of the token holding `offset` (a mention may start inside a clitic-joined word)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def span_of_token(self, i: int) -> Span | None:
        k = self.tok_span[i] if 0 <= i < len(self.tok_span) else -1
        return self.spans[k] if k >= 0 else None

    def spans_in(self, start: int, end: int) -> list[Span]:
        return [s for s in self.spans if s.start < end and s.end > start]

    def sentence_of(self, offset: int) -> tuple[int, int]:
        for a, b in self.sents:
            if a <= offset < b:
                return a, b
        return offset, offset


_CLAUSE_WORDS = {normalize(w) for w in ("أن", "إن", "بأن", "أنه", "إنه", "أنها", "إنها", "الذي", "التي", "و")}

_CURRENCIES = {normalize(w) for w in ("دولار", "الدولار", "دولارا", "دولارات", "جنيه", "الجنيه", "جنيها", "دينار", "الدينار", "دينارا",
                                       "ريال", "الريال", "ريالا", "درهم", "الدرهم", "درهما", "ليرة", "الليرة", "يورو", "روبل", "يوان", "ين")}

_cache: tuple[int, str, View] | None = None


def _tokenize(text: str) -> list[Token]:
    """`arabic.tokenize`, shared with the entities stage (computed once per text)."""
    return shared_tokens(text)


def _cover(tokens: list[Token], starts: list[int], spans: list[Span]) -> list[int]:
    """token index -> index of the span that covers it (or -1); spans are sorted, disjoint."""
    out = [-1] * len(tokens)
    n = len(tokens)
    for idx, sp in enumerate(spans):
        j = max(0, bisect_right(starts, sp.start) - 1)
        while j < n and tokens[j].start < sp.end:
            if tokens[j].end > sp.start:
                out[j] = idx
            j += 1
    return out


def view(article: Article) -> View:
    """The tokens and mentions of `article`, built once per article text."""
    global _cache
    text = article.text
    # the same article, text and entity list (quotes may add entities without mentions to
    # that list, which leaves the view valid; a new entity annotation makes a new list)
    key = (id(article), id(article.entities))
    if _cache is not None and _cache[0] == key and _cache[1] is text:
        return _cache[2]
    tokens = _tokenize(text)
    starts = [t.start for t in tokens]
    ents = {e.id: e for e in article.entities}
    spans = _mention_spans(article, text)
    tok_span = _cover(tokens, starts, spans)
    extra = _demonym_spans(tokens, tok_span, spans, ents)
    if extra:
        spans = sorted(spans + extra, key=lambda s: s.start)
        tok_span = _cover(tokens, starts, spans)
    sents = [(s.start, s.end) for s in shared_sentences(text)]
    v = View(text, tokens, starts, spans, sents, ents, tok_span)
    _cache = (key, text, v)
    return v


def _mention_spans(article: Article, text: str) -> list[Span]:
    """The entity mentions in text order, those nested in a longer one dropped (the
    longest match names the thing)."""
    spans: list[Span] = []
    for e in article.entities:
        for m in e.mentions:
            if 0 <= m.start < m.end <= len(text):
                spans.append(Span(m.start, m.end, e.id, e.type))
    spans.sort(key=lambda s: (s.start, -s.end))
    kept: list[Span] = []
    for s in spans:
        if kept and s.start < kept[-1].end:
            continue
        kept.append(s)
    return kept


def _demonym_spans(tokens, tok_span: list[int], spans: list[Span], ents: dict) -> list[Span]:
    """Demonyms and country adjectives outside any mention, as spans of their country
    (whose entity is added to `ents`)."""
    extra: list[Span] = []
    for i, t in enumerate(tokens):
        if tok_span[i] >= 0 or t.kind != "word":
            continue
        cid = kbview.demonym(t.norm)
        if not cid or (i and tokens[i - 1].norm in _CURRENCIES):
            continue  # دولار أمريكي is money, not the United States
        # the second word of a two-word adjective (كوري جنوبي) is taken with the first
        if i and extra and extra[-1].end >= tokens[i - 1].end and kbview.demonym(tokens[i - 1].norm):
            continue
        pair = kbview.demonym(t.norm + " " + tokens[i + 1].norm) if i + 1 < len(tokens) else None
        end = tokens[i + 1].end if pair else t.end
        cid = pair or cid
        if _person_follows(tokens, tok_span, spans, i + (2 if pair else 1)):
            continue
        extra.append(Span(t.start, end, cid, "LOC", True))
        if cid not in ents:
            ents[cid] = kbview.entity(cid)
    return extra


def _person_follows(tokens, tok_span: list[int], spans: list[Span], k0: int) -> bool:
    """الرئيس الروسي فلاديمير بوتين, ولي العهد السعودي الأمير محمد بن سلمان: the person is
    the participant, the adjective only describes him."""
    for k in range(k0, min(len(tokens), k0 + 3)):
        if tok_span[k] >= 0:
            return spans[tok_span[k]].type == "PER"
        if tokens[k].text in "،,":
            continue  # الرئيس الأميركي، دونالد ترامب،
        if tokens[k].kind != "word" or tokens[k].norm in _CLAUSE_WORDS:
            break  # ذكر التلفزيون الإيراني أن الرئيس …: the name is in another clause
    return False


def ensure_entity(article: Article, v: View, entity_id: str | None) -> str | None:
    """Make sure an id used by a quote or event names an entity of the article.

    Demonyms and metonym links can point at a country the text never names
    (`مسؤولون أمريكيون`); the entity is added, without mentions, so readers of
    the record can show its name.
    """
    if not entity_id:
        return entity_id
    if article.entity(entity_id) is None:
        e = v.entities.get(entity_id) or kbview.entity(entity_id)
        if e is None:
            return None
        added = Entity(e.id, e.name, e.type, e.name_ar, [], list(e.aliases), e.wikidata, e.role)
        article.entities.append(added)
        v.entities.setdefault(entity_id, added)
    return entity_id


def add_person(article: Article, v: View, start: int, end: int, name_ar: str, name: str, eid: str) -> str:
    """A person the entity annotator missed, found by a later stage (a speaker's name):
    reuse an entity of the article with that Arabic name, else add one; the mention
    joins the view so later cues see it."""
    key = normalize(name_ar)
    ent = next((e for e in article.entities if e.type == "PER" and key in v.names_of(e.id)), None)
    if ent is None:
        base, k = eid, 2
        while article.entity(eid) is not None or eid in v.entities:
            eid = f"{base}-{k}"
            k += 1
        ent = Entity(eid, name, "PER", name_ar, [])
        article.entities.append(ent)
        v.entities[eid] = ent
    ent.mentions.append(Mention(v.text[start:end], start, end))
    v._names.pop(ent.id, None)
    i = bisect_left([sp.start for sp in v.spans], start)
    v.spans.insert(i, Span(start, end, ent.id, "PER"))
    v.tok_span[:] = _cover(v.tokens, v.starts, v.spans)
    return ent.id


def proclitic(v: View, sp: Span) -> str:
    """The proclitics (و, ف, ل, ب, ك, in normalised spelling) written on a mention.

    Either the mention starts inside its token (`ل|موسكو`), or the mention includes
    them and the entity's other names show where the name itself starts.
    """
    hit = v.clitics.get(sp)
    if hit is not None:
        return hit
    t = v.tokens[v.tok_of(sp.start)]
    out = ""
    if t.start < sp.start:
        out = normalize(v.text[t.start:sp.start])
    elif t.norm[:1] in "وفلبك":
        surface = normalize(v.text[sp.start:sp.end])
        names = v.names_of(sp.entity_id) - {surface}
        for k in (1, 2):
            head, rest = surface[:k], surface[k:]
            if len(rest) < 2 or any(c not in "وفلبك" for c in head):
                break
            if any(n == rest or n.startswith(rest + " ") or n == "ا" + rest or n.startswith("ا" + rest + " ") for n in names if n):
                out = head
                break
    v.clitics[sp] = out
    return out


def agent(v: View, span: Span) -> str:
    """The entity that acts when `span` is an actor: a capital or seat stands for its state."""
    return kbview.metonym_of(span.entity_id) or span.entity_id
