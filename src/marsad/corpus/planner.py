"""The query planner: a user's query and filters → the search the store runs.

A query becomes AND-parts (`Groups`); a run of words that names an entity becomes an OR
over that entity's spellings, so `بيونغ يانغ` also finds `بيونج يانج`. Filters
(entity, speaker, topic, source, days) become SQL conditions on `articles a`. The
stores only turn Groups into their own full-text syntax (`_match`, `_match_days`).
"""
from __future__ import annotations

from ..arabic import normalize
from .names import kb_names
from .periods import parse_day
from .search_terms import STOP_WORDS, clean_query, query_terms, terms

# Query alternatives: AND over parts, OR over the alternatives of a part, AND over an alternative's terms.
Groups = list[list[list[str]]]

MAX_PARTS = 32
MAX_NAME_WORDS = 4  # the longest run of words tried as an entity name


class QueryPlanner:
    """Plans searches over one store (its entity names, spellings and `_match`)."""

    def __init__(self, store):
        self.store = store

    def groups(self, query: str) -> Groups:
        """The query as AND-parts; a run of words that names an entity becomes an OR over its spellings."""
        words = [w for w in clean_query(query).split() if w.strip()]
        known = self._known_names(words)
        parts: Groups = []
        i = 0
        while i < len(words):
            j, alts = self._name_at(words, i, known)
            if alts:
                parts.append(alts)
                i = j
                continue
            for t in query_terms(words[i]):
                parts.append([[t]])
            i += 1
        # drop parts made only of function words when the query has content words
        content = query_terms(query)
        if content:
            keep = set(content)
            parts = [p for p in parts if len(p) > 1 or any(t in keep for t in p[0])]
        seen, out = set(), []
        for p in parts:
            key = tuple(tuple(a) for a in p)
            if key not in seen:
                seen.add(key)
                out.append(p)
        return out[:MAX_PARTS]

    def _known_names(self, words: list[str]) -> dict[str, list[str]]:
        """Entity ids for every run of up to four words of a short query."""
        if not 0 < len(words) <= 8:
            return {}
        # a run of function words (`بين`, `على`) never names an entity, whatever an
        # entity's spellings look like
        chunks = [" ".join(words[i:j]) for i in range(len(words))
                  for j in range(i + 1, min(len(words), i + MAX_NAME_WORDS) + 1)
                  if not all(normalize(w) in STOP_WORDS for w in words[i:j])]
        return self.store.names.names_to_ids(list(dict.fromkeys(chunks)))

    def _name_at(self, words: list[str], i: int, known: dict[str, list[str]]) -> tuple[int, list[list[str]]]:
        """The longest run of words from `i` that names an entity: (its end, the alternatives
        of its spellings' terms); (i, []) when none does."""
        if not known:
            return i, []
        for j in range(min(len(words), i + MAX_NAME_WORDS), i, -1):
            chunk = " ".join(words[i:j])
            ids = known.get(chunk)
            if not ids:
                continue
            names = [s["text"] for s in self.store.spellings(ids, 12, seen_only=True)] + kb_names(ids)
            alts = [terms(chunk)] + [terms(n) for n in names]
            uniq = list(dict.fromkeys(tuple(a) for a in alts if a))
            if uniq:
                return j, [list(a) for a in uniq]
        return i, []

    def filters(self, entity=None, speaker=None, topic=None, source=None, date_from=None,
                date_to=None) -> tuple[list[str], list] | None:
        """SQL conditions on `articles a` and their parameters; None when a filter names an
        entity this store does not know (nothing can match)."""
        names = self.store.names
        where, params = [], []
        if entity:
            ids = names.ids(entity)
            if not ids:
                return None
            where.append(f"a.n IN (SELECT article FROM article_entities WHERE entity IN ({','.join('?' * len(ids))}))")
            params += ids
        if speaker:
            ids = names.ids(speaker)
            cond, sp = ["speaker_text = ?"], [clean_query(speaker, 300).strip()]
            if ids:
                cond.append(f"speaker_id IN ({','.join('?' * len(ids))})")
                sp += ids
            where.append(f"a.n IN (SELECT article FROM quotations WHERE {' OR '.join(cond)})")
            params += sp
        if topic:
            where.append("a.n IN (SELECT article FROM topics WHERE lower(label) = lower(?))")
            params.append(clean_query(topic, 200).strip())
        if source:
            where.append("lower(a.source) = lower(?)")
            params.append(clean_query(source, 300).strip())
        if date_from:
            where.append("a.day >= ?")
            params.append(parse_day(date_from, "--from"))
        if date_to:
            where.append("a.day <= ?")
            params.append(parse_day(date_to, "--to"))
        return where, params

    def search(self, query: str, entity=None, speaker=None, topic=None, source=None,
               date_from=None, date_to=None, limit: int = 20, offset: int = 0) -> tuple[list[tuple], Groups]:
        """(rows, groups): rows are (n, id, title, published, source, url, body, score), best first."""
        got = self.filters(entity, speaker, topic, source, date_from, date_to)
        if got is None:
            return [], []
        where, params = got
        groups = self.groups(query or "")
        limit = max(1, min(int(limit), 1000))
        if groups:
            rows = self.store._match(groups, where, params, limit, int(offset))
            if not rows and len(groups) > 1 and not offset:
                # no article has every word: rank those that have some (BM25 puts the most matched first)
                rows = self.store._match(groups, where, params, limit, 0, any_part=True)
            return rows, groups
        if (query or "").strip():
            return [], []  # nothing searchable in the query (punctuation only)
        sql = "SELECT a.n, a.id, a.title, a.published, a.source, a.url, a.body, 0.0 FROM articles a"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.published DESC, a.n DESC LIMIT ? OFFSET ?"
        return self.store.all(sql, [*params, limit, int(offset)]), []

    def term_days(self, query: str) -> list[tuple[str, int]]:
        """(day, articles matching the query) in day order."""
        groups = self.groups(query)
        return self.store._match_days(groups) if groups else []
