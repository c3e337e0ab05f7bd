"""`marsad.corpus.demo(db_path)`: ingest the bundled examples into a fresh store, then search, profile, trend."""
from __future__ import annotations

import os
from pathlib import Path

from .facets import sqlite_ids, titles

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _pick(c):
    """The most-mentioned entity, else the commonest title word: what the demo shows."""
    top = c.entity_list(limit=1)
    if top and top[0].articles:
        ref = top[0]
        return ref.name_ar or ref.name or ref.id, True
    from .search_terms import STOP_WORDS as _STOP, query_terms

    counts: dict[str, int] = {}
    words: dict[str, str] = {}
    for title in titles(c.store):
        for w in title.split():
            t = query_terms(w)
            if t and len(t[0]) >= 3 and t[0] not in _STOP:
                counts[t[0]] = counts.get(t[0], 0) + 1
                words.setdefault(t[0], w)
    best = max(counts, key=lambda k: (counts[k], k)) if counts else ""
    return words.get(best, ""), False


def _demo_ids() -> set[str]:
    """Ids the bundled examples get (layout only: cheap, and ids do not depend on annotation)."""
    from ..inputs import Failure, documents
    from ..layout import layout

    return {layout(d).id for d in documents([str(EXAMPLES)]) if not isinstance(d, Failure)}


def _refuse_if_not_demo(db_path: str) -> None:
    """The demo starts from a fresh store; it never deletes a store that holds other articles."""
    from ..errors import MarsadError

    ids = sqlite_ids(db_path)
    if ids is None:
        raise MarsadError(f"{db_path} exists and is not a marsad demo store; move it or use --db OTHER.db")
    if ids - _demo_ids():
        raise MarsadError(f"{db_path} holds articles that are not the demo's ({len(ids - _demo_ids())} of {len(ids)}); not overwriting it (use --db OTHER.db)")


def run(db_path: str = "marsad.db") -> int:
    from rich.console import Console

    from .api import Corpus
    from .cli_util import marked

    out = Console(highlight=False, soft_wrap=True)
    if os.path.exists(db_path):
        _refuse_if_not_demo(db_path)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db_path + suffix):
            os.remove(db_path + suffix)
    with Corpus(db_path) as c:
        rep = c.ingest([str(EXAMPLES)], workers=1)
        out.print(f"$ marsad ingest {EXAMPLES} --db {db_path}", style="bold cyan")
        out.print(f"{rep.added} articles stored, {rep.failed} failed; {c.stats()}")
        name, is_entity = _pick(c)
        out.print(f"\n$ marsad search {name!r}", style="bold cyan")
        for h in c.search(name, limit=3):
            out.print(f"• {h.title}  ({(h.published or '')[:10]} {h.source or ''})", style="bold")
            out.print(marked("  " + h.snippet, [[a + 2, b + 2] for a, b in h.highlights]))
        if is_entity:
            prof = c.entity(name)
            out.print(f"\n$ marsad entity {name!r}", style="bold cyan")
            e = prof.entity
            out.print(f"{e.name_ar} ({e.name}) [{e.type}] in {e.articles} articles")
            out.print("spellings: " + "، ".join(s["text"] for s in prof.spellings))
            out.print("appears with: " + "، ".join((o["name_ar"] or o["name"] or o["id"]) for o in prof.co_occurring[:8]))
        out.print(f"\n$ marsad trends {name!r} --by week", style="bold cyan")
        for t in c.trends([name], by="week"):
            for p in t.series:
                if p["count"]:
                    out.print(f"{p['period']}  {p['count']:>3}  " + "█" * p["count"])
    return 0
