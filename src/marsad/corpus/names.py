"""Entity names → the stored entities they can refer to (any spelling, Arabic or English,
an id or a Wikidata id), for the reads that take a name and for the query planner.

Names are matched by their `search_terms.name_keys` against the `spellings` table, by
id / English name / Wikidata id against `entities`, and through the knowledge base
when this build has one.
"""
from __future__ import annotations

from ..arabic import normalize
from .records import EntityRef
from .search_terms import clean_query, name_keys


class EntityNames:
    """Resolves names against one store (`store.all`, `store.entity_refs`)."""

    def __init__(self, store):
        self.store = store

    def resolve(self, name: str, limit: int = 5) -> list[EntityRef]:
        """Entities a name (any spelling, Arabic or English, or an id) can refer to, most mentioned first."""
        name = clean_query(name, 300).strip()
        if not name:
            return []
        ids: list[str] = []
        keys = name_keys(name)
        kb = kb_ids(name)
        if keys:
            marks = ",".join("?" * len(keys))
            ids += [r[0] for r in self.store.all(f"SELECT DISTINCT entity FROM spellings WHERE norm IN ({marks})", keys)]
        ids += [r[0] for r in self.store.all("SELECT id FROM entities WHERE id = ? OR lower(name) = lower(?) OR wikidata = ?",
                                             [name, name, name])]
        ids += kb
        ids = list(dict.fromkeys(ids))
        if not ids:
            return []
        refs = self.store.entity_refs(ids)
        refs.sort(key=lambda e: -e.articles)
        return refs[:limit]

    def ids(self, name: str | None) -> list[str]:
        """The ids `resolve` gives for a name ([] for none)."""
        return [e.id for e in self.resolve(name)] if name else []

    def names_to_ids(self, names: list[str]) -> dict[str, list[str]]:
        """Entity ids (present in this store) for each of several names, with a few batched queries."""
        keys = {n: name_keys(n) for n in names}
        by_key = self._ids_by_key(sorted({k for ks in keys.values() for k in ks}))
        by_name = self._ids_by_name(names)
        kb = {n: kb_ids(n) for n in names}
        present = self._present(sorted({i for ids in kb.values() for i in ids}))
        out = {}
        for n in names:
            ids = [e for k in keys[n] for e in by_key.get(k, [])] + by_name.get(n.lower(), [])
            ids += [i for i in kb[n] if i in present]
            out[n] = list(dict.fromkeys(ids))
        # A single word names an entity only when it is the entity's own (Arabic or English)
        # name or a knowledge-base form: an annotator's stray spelling such as `عام` must not
        # turn a common word into an OR over some entity's names. Nor may a spelling-variant
        # key of one or two consonants (`السويس` and `السيسي` are both `س`).
        single = {n: ids for n, ids in out.items() if ids and " " not in n.strip()}
        if single:
            refs = {e.id: e for e in self.store.entity_refs(sorted({i for ids in single.values() for i in ids}))}
            for n, ids in single.items():
                ks = set(keys[n])
                strong = kb_ids(n, loose=_key_is_specific(n))
                out[n] = [i for i in ids if i in strong or i in by_name.get(n.lower(), [])
                          or (refs.get(i) and refs[i].name_ar and ks & set(name_keys(refs[i].name_ar)))]
        return out

    def _ids_by_key(self, all_keys: list[str]) -> dict[str, list[str]]:
        """Spelling key → the entities spelled so."""
        by_key: dict[str, list[str]] = {}
        for i in range(0, len(all_keys), 400):
            chunk = all_keys[i:i + 400]
            for norm, ent in self.store.all(
                    f"SELECT DISTINCT norm, entity FROM spellings WHERE norm IN ({','.join('?' * len(chunk))})", chunk):
                by_key.setdefault(norm, []).append(ent)
        return by_key

    def _ids_by_name(self, names: list[str]) -> dict[str, list[str]]:
        """Lower-cased English name, id or Wikidata id → the entities it is."""
        lows = sorted({n.lower() for n in names})
        by_name: dict[str, list[str]] = {}
        if lows:
            for eid, lname, wd in self.store.all(
                    f"SELECT id, lower(name), wikidata FROM entities WHERE lower(name) IN ({','.join('?' * len(lows))}) "
                    f"OR id IN ({','.join('?' * len(names))}) OR wikidata IN ({','.join('?' * len(names))})",
                    [*lows, *names, *names]):
                for k in {lname, eid, wd}:
                    if k:
                        by_name.setdefault(k.lower(), []).append(eid)
        return by_name

    def _present(self, ids: list[str]) -> set[str]:
        """Which of these entity ids this store holds."""
        present = set()
        for i in range(0, len(ids), 400):
            chunk = ids[i:i + 400]
            present.update(r[0] for r in self.store.all(
                f"SELECT id FROM entities WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        return present


def _kb():
    """The entities knowledge base when this build has one (branch `entities`), else None."""
    try:
        from ..entities import get_kb
    except ImportError:
        return None
    try:
        return get_kb()
    except Exception:  # a broken KB must not break search
        return None


def _key_is_specific(name: str) -> bool:
    """Is the name's spelling-variant key long enough (3+ consonants) to stand for a name?"""
    from ..arabic.variants import variant_key

    return len(variant_key(name)) >= 3


def kb_ids(name: str, loose: bool = True) -> list[str]:
    """Entity ids the knowledge base gives for a name (strong forms, and with `loose`
    spelling-variant keys)."""
    kb = _kb()
    if kb is None:
        return []
    try:
        ids = [i for i, weak in kb.lookup(normalize(name)) if not weak]
        if loose:  # only close spellings of a name: `كورونا` shares a key with `القرآن`
            from ..entities.resolve import variant_link_ok

            form = normalize(name)
            ids += [i for i in kb.by_key(name) if (e := kb.get(i)) is not None and variant_link_ok(form, e)]
    except Exception:
        return []
    return list(dict.fromkeys(ids))


def kb_names(ids: list[str]) -> list[str]:
    """Every name the knowledge base knows for these entities (Arabic forms and English aliases)."""
    kb = _kb()
    out: list[str] = []
    if kb is None:
        return out
    for i in ids:
        e = kb.get(i)
        if e is not None:
            out += [n for n in [e.ar, *e.ar_aliases, e.name, *e.en_aliases] if n]
    return out
