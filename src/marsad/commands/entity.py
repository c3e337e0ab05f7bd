"""`marsad entity NAME`: an entity's profile in the corpus (any spelling)."""
from __future__ import annotations


def register(sub) -> None:
    from ..corpus.cli_util import add_common

    p = sub.add_parser("entity", help="profile of an entity: spellings, mentions per day, co-occurring entities, quotations")
    p.add_argument("name", metavar="NAME", help="any spelling, Arabic or English, or an entity id")
    p.add_argument("--top", type=int, default=10, metavar="N", help="co-occurring entities shown (default 10)")
    p.add_argument("--quotes", type=int, default=10, metavar="N", help="quotations shown (default 10)")
    add_common(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from ..corpus.cli_util import console, entity_label, open_corpus, print_json
    from ..errors import MarsadError

    with open_corpus(args) as c:
        prof = c.entity(args.name, top=args.top, quotes=args.quotes)
    if prof is None:
        raise MarsadError(f"no entity named {args.name[:80]!r} in {args.db}")
    if args.format == "json":
        print_json(prof)
        return 0
    out = console()
    e = prof.entity
    out.print(f"{entity_label(e)}  id={e.id}" + (f" wikidata={e.wikidata}" if e.wikidata else ""), style="bold")
    out.print(f"articles: {e.articles}")
    out.print("spellings: " + "، ".join(f"{s['text']} ({s['count']})" for s in prof.spellings))
    if prof.mentions_per_day:
        out.print("mentions per day:")
        peak = max(d["count"] for d in prof.mentions_per_day)
        for d in prof.mentions_per_day[-30:]:
            out.print(f"  {d['day']}  {d['count']:>5}  " + "█" * max(1, round(20 * d["count"] / peak)))
    if prof.co_occurring:
        out.print("appears with:")
        for o in prof.co_occurring:
            label = " ".join(x for x in (o["name_ar"], f"({o['name']})" if o["name"] else "") if x) or o["id"]
            out.print(f"  {o['articles']:>5}  {label}")
    if prof.quotes:
        out.print("quotations:")
        for q in prof.quotes:
            out.print(f"  «{q.text}»  — {(q.published or '')[:10]} {q.source or ''}")
    return 0
