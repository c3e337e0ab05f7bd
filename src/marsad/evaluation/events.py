"""Score event extraction (type, actor, target, time) against a gold JSONL file.

Each gold line: {"text": …, "published": …, "events": [{"type": …, "actor": name |
Arabic surface | [alternatives] | null, "target": … , "when": value or [values],
"where": …, "polarity": …}]}. A system event matches a gold one of the same type
whose actor and target (where the gold gives them) name the system's entities and
whose `when` (where given) shares a value. Polarity is scored on matched events.
"""
from __future__ import annotations

from . import _gold
from ._gold import annotated, names_entity, prf, print_scores, print_tail, score_file


def add_arguments(parser) -> None:
    _gold.add_arguments(parser, "tests/data/events_gold.jsonl")


def _values(v) -> set[str]:
    if v is None:
        return set()
    return {str(x) for x in (v if isinstance(v, list) else [v])}


def matches(article, g: dict, e, strict: bool = True) -> bool:
    if e.type != g["type"]:
        return False
    if not strict:
        return True
    if g.get("actor") and not names_entity(article, e.actor_id, g["actor"]):
        return False
    if g.get("target") and not names_entity(article, e.target_id, g["target"]):
        return False
    if g.get("when") and not (_values(g["when"]) & _values(e.when)):
        return False
    return True


def score(docs: list[dict], errors: list[str] | None = None) -> dict:
    n_gold = n_sys = full = typed = pol_ok = pol_n = where_ok = where_n = 0
    secs = 0.0
    for d, a, dt in annotated(docs):
        secs += dt
        evs = list(a.events)
        n_sys += len(evs)
        n_gold += len(d["events"])
        used: set[int] = set()
        used_t: set[int] = set()
        for g in d["events"]:
            k = next((k for k, e in enumerate(evs) if k not in used and matches(a, g, e)), None)
            kt = next((k for k, e in enumerate(evs) if k not in used_t and matches(a, g, e, strict=False)), None)
            if kt is not None:
                used_t.add(kt)
                typed += 1
            if k is None:
                if errors is not None:
                    errors.append(f"MISS {d['id']}: {g['type']} {g.get('actor')} -> {g.get('target')} when={g.get('when')}")
                continue
            used.add(k)
            full += 1
            e = evs[k]
            if g.get("polarity"):
                pol_n += 1
                pol_ok += e.polarity == g["polarity"]
                if errors is not None and e.polarity != g["polarity"]:
                    errors.append(f"POLARITY {d['id']}: {g['type']} {e.polarity} != {g['polarity']}")
            if "where" in g and g["where"]:
                where_n += 1
                where_ok += names_entity(a, e.where_id, g["where"])
        if errors is not None:
            for k, e in enumerate(evs):
                if k not in used:
                    name = lambda i: (a.entity(i).name if i and a.entity(i) else i)
                    errors.append(f"EXTRA {d['id']}: {e.type} ({e.trigger}) {name(e.actor_id)} -> {name(e.target_id)} when={e.when}")
    return {"docs": len(docs), "gold": n_gold, "system": n_sys, "full": full, "typed": typed,
            "pol_ok": pol_ok, "pol_n": pol_n, "where_ok": where_ok, "where_n": where_n, "seconds": secs}


def run(args) -> int:
    s, errs = score_file(args, "events", score)
    p, r, f = prf(s["full"], s["system"], s["gold"])
    tp, tr, tf = prf(s["typed"], s["system"], s["gold"])
    print_scores(f"events: {s['docs']} documents, {s['gold']} gold events, {s['system']} found by marsad",
                 [("event (type + actor + target + time)", (p, r, f)), ("event type only", (tp, tr, tf))])
    if s["pol_n"]:
        print(f"polarity right on {s['pol_ok']}/{s['pol_n']} matched events that have gold polarity")
    if s["where_n"]:
        print(f"place right on {s['where_ok']}/{s['where_n']} matched events that have a gold place")
    print_tail(s["seconds"], s["docs"], errs)
    return 0
