"""`marsad quotes --speaker NAME [--about NAME]`: quotations stored in a corpus."""
from __future__ import annotations


def register(sub) -> None:
    from ..corpus.cli_util import add_common

    p = sub.add_parser("quotes", help="quotations in a corpus, by speaker and/or about an entity")
    p.add_argument("--speaker", metavar="NAME", help="who said it (any spelling)")
    p.add_argument("--about", metavar="NAME", help="an entity mentioned inside the quotation")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="quotations shown (default 20)")
    add_common(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from ..corpus.cli_util import console, open_corpus, print_json

    with open_corpus(args) as c:
        rows = c.quotes(speaker=args.speaker, about=args.about, limit=args.limit)
    if args.format == "json":
        print_json(rows)
        return 0
    out = console()
    if not rows:
        out.print("no quotations")
    for q in rows:
        who = q.speaker_text or q.speaker_name or "?"
        out.print(f"«{q.text}»", style="bold" if q.direct else None)
        out.print(f"   — {who}" + (f" ({q.speaker_name})" if q.speaker_name and q.speaker_name != who else "")
                  + f" · {(q.published or '')[:10]} · {q.source or ''} · {q.title or ''}", style="dim")
    return 0
