"""`marsad events --actor NAME [--type T]`: events stored in a corpus."""
from __future__ import annotations

from .listing import add_list_parser, print_rows


def register(sub) -> None:
    add_list_parser(sub, "events", "events in a corpus, by actor and/or type",
                    [("--actor", "NAME", "who acted (any spelling)"), ("--type", "T", "event type or CAMEO code")],
                    "events", run)


def run(args) -> int:
    return print_rows(args, lambda c: c.events(actor=args.actor, type=args.type, limit=args.limit),
                      "no events", _show)


def _show(out, e) -> None:
    who = " → ".join(x for x in (e.actor_name or e.actor_id, e.target_name or e.target_id) if x)
    out.print(f"{(e.published or '')[:10]}  {e.type} ({e.cameo})  {who}  [{e.polarity}]", style="bold")
    out.print(f"   {e.text}", style="dim")
