"""What the API and the web pages ask of a corpus, and an in-memory corpus that answers it.

`Backend` is the small set of read operations the web layer needs, returning plain
dicts. `corpus_backend(url)` adapts `marsad.Corpus` (SQLite/PostgreSQL); `MemoryBackend`
holds a handful of Articles in memory (for `POST /api/analyze`-only serving, demos and
tests of the web layer itself). Both return the same shapes:

- search → {"total", "results": [{"id","title","published","source","snippet"}], "facets"}
  where `snippet` marks matched words with \\x02 … \\x03 (rendered as <mark>).
- entity → {"id","name","name_ar","type","spellings":[{"text","count"}],
            "per_day":[{"day","count"}], "cooccurring":[{"id","name","name_ar","count"}],
            "quotes":[quote rows]}
- quote rows → {"article_id","title","published","text","speaker_id","speaker_text","direct"}
- event rows → {"article_id","title","published","type","cameo","text","actor_id","target_id","where_id","when"}
- stories → {"total","results":[{"id","size","articles":[{"id","title","published","source"}]}]}
- trends → {"by","series":[{"id","name","name_ar","points":[{"period","count"}]}]}
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from datetime import date
from typing import Iterable, Protocol

from ..arabic import light_stem, normalize, tokenize
from ..article import Article

HL_START, HL_END = "\x02", "\x03"


class Backend(Protocol):
    def article(self, article_id: str) -> Article | None: ...
    def add(self, article: Article) -> str: ...
    def search(self, q: str = "", *, entity=None, speaker=None, topic=None, source=None,
               date_from=None, date_to=None, limit: int = 20, offset: int = 0) -> dict: ...
    def entities(self, q: str = "", limit: int = 20, offset: int = 0) -> dict: ...
    def entity(self, entity_id: str) -> dict | None: ...
    def quotes(self, speaker=None, about=None, q=None, limit: int = 20, offset: int = 0) -> dict: ...
    def events(self, actor=None, type=None, limit: int = 20, offset: int = 0) -> dict: ...
    def stories(self, limit: int = 20, offset: int = 0) -> dict: ...
    def trends(self, names: list[str], by: str = "day") -> dict: ...
    def stats(self) -> dict: ...


def _key(s: str) -> str:
    """Matching key of a word: normalised, article/proclitics and suffixes stripped."""
    return light_stem(normalize(s))


def _keys(text: str) -> list[str]:
    return [_key(t.text) for t in tokenize(text) if t.kind == "word"]


def _day(published: str | None) -> str | None:
    return published[:10] if published and re.match(r"\d{4}-\d\d-\d\d", published) else None


def period(day: str, by: str) -> str:
    """The day itself, its ISO week's Monday, or its month."""
    if by == "week":
        d = date.fromisoformat(day)
        return date.fromordinal(d.toordinal() - d.weekday()).isoformat()
    if by == "month":
        return day[:7]
    return day


def _source(a: Article) -> str | None:
    return a.source.site or a.source.url or a.source.path


def snippet(text: str, terms: set[str], width: int = 220) -> str:
    """A window of `text` around the first matched word, matched words marked."""
    toks = [t for t in tokenize(text) if t.kind == "word"]
    hits = [t for t in toks if terms and _key(t.text) in terms]
    start = max(0, hits[0].start - width // 3) if hits else 0
    end = min(len(text), start + width)
    out, pos = [], start
    for t in hits:
        if t.start < start or t.end > end:
            continue
        out += [text[pos:t.start], HL_START, text[t.start:t.end], HL_END]
        pos = t.end
    out.append(text[pos:end])
    s = "".join(out).replace("\n\n", " ¶ ")
    return ("…" if start else "") + s + ("…" if end < len(text) else "")


class MemoryBackend:
    """A corpus of a few Articles held in memory, searched by stemmed-word overlap."""

    def __init__(self, articles: Iterable[Article] = ()):
        self._articles: dict[str, Article] = {}
        for a in articles:
            self.add(a)

    # -- writes ------------------------------------------------------------
    def add(self, article: Article) -> str:
        self._articles[article.id] = article
        return article.id

    def article(self, article_id: str) -> Article | None:
        return self._articles.get(article_id)

    # -- entity lookup -----------------------------------------------------
    def _entity_ids(self, name: str) -> set[str]:
        """Ids of entities whose id, English name, Arabic name or a mention matches `name`."""
        if not name:
            return set()
        k = " ".join(_keys(name))
        low = name.strip().lower()
        ids = set()
        for a in self._articles.values():
            for e in a.entities:
                forms = [e.name_ar or "", *(m.text for m in e.mentions)]
                if low in (e.id.lower(), e.name.lower(), *(x.lower() for x in e.aliases)) or (
                    k and any(" ".join(_keys(f)) == k for f in forms)
                ):
                    ids.add(e.id)
        return ids

    def _row(self, a: Article, terms: set[str]) -> dict:
        return {"id": a.id, "title": a.title, "published": a.published, "source": _source(a),
                "snippet": snippet(a.text, terms)}

    # -- search --------------------------------------------------------------
    def search(self, q: str = "", *, entity=None, speaker=None, topic=None, source=None,
               date_from=None, date_to=None, limit: int = 20, offset: int = 0) -> dict:
        terms = set(_keys(q or ""))
        # a query that names an entity also finds its other spellings
        q_ids = self._entity_ids(q) if q else set()
        ent_ids = self._entity_ids(entity) if entity else None
        spk_ids = self._entity_ids(speaker) if speaker else None
        n = max(1, len(self._articles))
        df = Counter(k for a in self._articles.values() for k in set(_keys(a.text + " " + (a.title or ""))))
        scored = []
        for a in self._articles.values():
            ids = {e.id for e in a.entities}
            if ent_ids is not None and not ids & ent_ids:
                continue
            if spk_ids is not None and not any(x.speaker_id in spk_ids for x in a.quotes):
                continue
            if topic and not any(t.label == topic for t in a.topics):
                continue
            if source and _source(a) != source:
                continue
            day = _day(a.published)
            if (date_from or date_to) and not day:
                continue
            if date_from and day < date_from[:10] or date_to and day > date_to[:10]:
                continue
            score = 0.0
            if terms or q_ids:
                words = Counter(_keys(a.text + " " + (a.title or "")))
                score = sum(words[t] * math.log(1 + n / (1 + df[t])) for t in terms if words[t])
                score += 5.0 * len(ids & q_ids)
                if score <= 0:
                    continue
            scored.append((score, a))
        scored.sort(key=lambda x: (-x[0], x[1].published or "", x[1].id))
        hl = set(terms)
        for a in (a for _, a in scored):
            for e in a.entities:
                if e.id in q_ids | (ent_ids or set()):
                    hl.update(k for m in e.mentions for k in _keys(m.text))
        page = [self._row(a, hl) for _, a in scored[offset:offset + limit]]
        facets = {"entity": Counter(), "speaker": Counter(), "topic": Counter(), "source": Counter()}
        names = {}
        for _, a in scored:
            for e in a.entities:
                facets["entity"][e.id] += 1
                names[e.id] = e.name_ar or e.name
            for sid in {x.speaker_id for x in a.quotes if x.speaker_id}:
                facets["speaker"][sid] += 1
            for t in a.topics[:1]:
                facets["topic"][t.label] += 1
            if _source(a):
                facets["source"][_source(a)] += 1
        return {"total": len(scored), "results": page,
                "facets": {k: [{"value": v, "label": names.get(v, v), "count": c} for v, c in f.most_common(10)]
                           for k, f in facets.items()}}

    # -- entities ------------------------------------------------------------
    def _all_entities(self) -> dict[str, dict]:
        out: dict[str, dict] = {}
        for a in self._articles.values():
            for e in a.entities:
                row = out.setdefault(e.id, {"id": e.id, "name": e.name, "name_ar": e.name_ar, "type": e.type,
                                            "mentions": 0, "articles": 0})
                row["mentions"] += len(e.mentions)
                row["articles"] += 1
        return out

    def entities(self, q: str = "", limit: int = 20, offset: int = 0) -> dict:
        rows = self._all_entities()
        if q:
            ids = self._entity_ids(q)
            k = normalize(q).strip()
            rows = {i: r for i, r in rows.items() if i in ids or (k and (k in normalize(r["name_ar"] or "")
                                                                       or k.lower() in r["name"].lower()))}
        ordered = sorted(rows.values(), key=lambda r: (-r["mentions"], r["id"]))
        return {"total": len(ordered), "results": ordered[offset:offset + limit]}

    def entity(self, entity_id: str) -> dict | None:
        base = self._all_entities().get(entity_id)
        if base is None:
            return None
        spellings, per_day, co = Counter(), Counter(), Counter()
        names = {}
        for a in self._articles.values():
            e = a.entity(entity_id)
            if e is None:
                continue
            spellings.update(m.text for m in e.mentions)
            if _day(a.published):
                per_day[_day(a.published)] += len(e.mentions)
            for o in a.entities:
                if o.id != entity_id:
                    co[o.id] += 1
                    names[o.id] = (o.name, o.name_ar)
        return {**base,
                "spellings": [{"text": t, "count": c} for t, c in spellings.most_common()],
                "per_day": [{"day": d, "count": per_day[d]} for d in sorted(per_day)],
                "cooccurring": [{"id": i, "name": names[i][0], "name_ar": names[i][1], "count": c}
                                for i, c in co.most_common(12)],
                "quotes": self.quotes(speaker=entity_id, limit=50)["results"]}

    # -- quotations and events ---------------------------------------------------
    def quotes(self, speaker=None, about=None, q=None, limit: int = 20, offset: int = 0) -> dict:
        spk = self._entity_ids(speaker) if speaker else None
        abt = self._entity_ids(about) if about else None
        terms = set(_keys(q)) if q else None
        rows = []
        for a in sorted(self._articles.values(), key=lambda a: (a.published or "", a.id), reverse=True):
            for x in a.quotes:
                if spk is not None and x.speaker_id not in spk:
                    continue
                if abt is not None and not any(m.start >= x.start and m.end <= x.end
                                               for e in a.entities if e.id in abt for m in e.mentions):
                    continue
                if terms is not None and not terms & set(_keys(x.text)):
                    continue
                rows.append({"article_id": a.id, "title": a.title, "published": a.published, "text": x.text,
                             "speaker_id": x.speaker_id, "speaker_text": x.speaker_text, "direct": x.direct})
        return {"total": len(rows), "results": rows[offset:offset + limit]}

    def events(self, actor=None, type=None, limit: int = 20, offset: int = 0) -> dict:
        act = self._entity_ids(actor) if actor else None
        rows = []
        for a in sorted(self._articles.values(), key=lambda a: (a.published or "", a.id), reverse=True):
            for ev in a.events:
                if act is not None and ev.actor_id not in act:
                    continue
                if type and ev.type.upper() != type.upper():
                    continue
                rows.append({"article_id": a.id, "title": a.title, "published": a.published, "type": ev.type,
                             "cameo": ev.cameo, "text": ev.text, "actor_id": ev.actor_id,
                             "target_id": ev.target_id, "where_id": ev.where_id, "when": ev.when})
        return {"total": len(rows), "results": rows[offset:offset + limit]}

    # -- stories: articles that share most of their stemmed words ----------------
    def stories(self, limit: int = 20, offset: int = 0) -> dict:
        arts = sorted(self._articles.values(), key=lambda a: a.id)
        sets = [set(_keys(a.text)) for a in arts]
        parent = list(range(len(arts)))

        def find(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i in range(len(arts)):
            for j in range(i + 1, len(arts)):
                if sets[i] and sets[j] and len(sets[i] & sets[j]) / len(sets[i] | sets[j]) >= 0.5:
                    parent[find(i)] = find(j)
        groups = defaultdict(list)
        for i, a in enumerate(arts):
            groups[find(i)].append(a)
        rows = [{"id": g[0].id, "size": len(g),
                 "articles": [{"id": a.id, "title": a.title, "published": a.published, "source": _source(a)}
                              for a in g]}
                for g in groups.values() if len(g) > 1]
        rows.sort(key=lambda r: (-r["size"], r["id"]))
        return {"total": len(rows), "results": rows[offset:offset + limit]}

    # -- trends ------------------------------------------------------------------
    def trends(self, names: list[str], by: str = "day") -> dict:
        series = []
        for name in names:
            ids = self._entity_ids(name)
            counts = Counter()
            label = (name, None)
            for a in self._articles.values():
                day = _day(a.published)
                for e in a.entities:
                    if e.id in ids:
                        label = (e.name, e.name_ar)
                        if day:
                            counts[period(day, by)] += len(e.mentions)
            series.append({"id": next(iter(sorted(ids)), None), "query": name, "name": label[0],
                           "name_ar": label[1],
                           "points": [{"period": p, "count": counts[p]} for p in sorted(counts)]})
        return {"by": by, "series": series}

    def stats(self) -> dict:
        arts = self._articles.values()
        return {"articles": len(self._articles), "entities": len(self._all_entities()),
                "quotes": sum(len(a.quotes) for a in arts), "events": sum(len(a.events) for a in arts)}


def corpus_backend(url: str) -> Backend:
    """The Backend over a stored corpus (`marsad.Corpus`: SQLite path/URL or PostgreSQL URL)."""
    from ..errors import MarsadError

    try:
        from ..corpus import Corpus  # noqa: F401
    except ImportError:
        raise MarsadError("this marsad has no corpus store; serve without --db to analyse only") from None
    from .corpus_adapter import CorpusBackend

    return CorpusBackend(url)
