"""`marsad events --actor NAME [--type T]`: events stored in a corpus."""
from __future__ import annotations


def register(sub) -> None:
    from ..corpus.cli_util import add_common

    p = sub.add_parser("events", help="events in a corpus, by actor and/or type")
    p.add_argument("--actor", metavar="NAME", help="who acted (any spelling)")
    p.add_argument("--type", metavar="T", help="event type or CAMEO code")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="events shown (default 20)")
    add_common(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from ..corpus.cli_util import console, open_corpus, print_json

    with open_corpus(args) as c:
        rows = c.events(actor=args.actor, type=args.type, limit=args.limit)
    if args.format == "json":
        print_json(rows)
        return 0
    out = console()
    if not rows:
        out.print("no events")
    for e in rows:
        who = " → ".join(x for x in (e.actor_name or e.actor_id, e.target_name or e.target_id) if x)
        out.print(f"{(e.published or '')[:10]}  {e.type} ({e.cameo})  {who}  [{e.polarity}]", style="bold")
        out.print(f"   {e.text}", style="dim")
    return 0
