"""`marsad kb NAME...`: look a name up in the entity knowledge base.

(`marsad entity NAME` is the profile of an entity in a corpus.)

Accepts any press spelling (`بيونغ يانغ`, `بيونج يانج`), an English name or an id,
and prints the canonical entity (id, English name, type, Arabic names, role,
what it stands for as a metonym). Exit 1 when nothing matches.
"""
from __future__ import annotations

import argparse
import json

from ..errors import MarsadError


def register(sub) -> None:
    p = sub.add_parser("kb", help="look a name up in the entity knowledge base (any spelling, English name or id)")
    p.add_argument("names", nargs="+", metavar="NAME")
    p.add_argument("--json", action="store_true", help="print JSON Lines instead of text")
    p.set_defaults(func=run)


def find(name: str) -> list[str]:
    """Entity ids for an Arabic spelling, an English name or alias, or an id."""
    from ..arabic import normalize
    from ..entities.kb import get_kb

    kb = get_kb()
    if kb.get(name.strip().lower()):
        return [name.strip().lower()]
    norm = normalize(name).strip()
    ids = [eid for eid, _ in kb.lookup(norm)]
    for eid in kb.by_key(norm):
        if eid not in ids:
            ids.append(eid)
    if not ids:
        low = name.strip().lower()
        ids = [i for i in kb.ids() if kb.get(i).name.lower() == low or low in (a.lower() for a in kb.get(i).en_aliases)]
    return ids


def run(args: argparse.Namespace) -> int:
    from ..entities.kb import get_kb

    kb = get_kb()
    missing = []
    for name in args.names:
        ids = find(name)
        if not ids:
            missing.append(name)
            continue
        for eid in ids:
            e = kb.get(eid)
            rec = {"id": e.id, "name": e.name, "type": e.type, "kind": e.kind, "name_ar": e.ar,
                   "ar_aliases": e.ar_aliases, "en_aliases": e.en_aliases, "role": e.role, "country": e.country,
                   "wikidata": e.wikidata, "metonym_of": e.metonym_of}
            if args.json:
                print(json.dumps({k: v for k, v in rec.items() if v}, ensure_ascii=False))
            else:
                print(f"{e.id}\t{e.name}\t{e.type}" + (f"\t{e.kind}" if e.kind else ""))
                print(f"  ar: {' | '.join([e.ar or ''] + e.ar_aliases[:8])}" + (" ..." if len(e.ar_aliases) > 8 else ""))
                for k in ("role", "country", "wikidata", "metonym_of"):
                    if rec[k]:
                        print(f"  {k}: {rec[k]}")
    if missing:
        raise MarsadError(f"not in the knowledge base: {', '.join(missing)}")
    return 0
