"""`marsad quotes --speaker NAME [--about NAME]`: quotations stored in a corpus."""
from __future__ import annotations

from .listing import add_list_parser, print_rows


def register(sub) -> None:
    add_list_parser(sub, "quotes", "quotations in a corpus, by speaker and/or about an entity",
                    [("--speaker", "NAME", "who said it (any spelling)"),
                     ("--about", "NAME", "an entity mentioned inside the quotation")], "quotations", run)


def run(args) -> int:
    return print_rows(args, lambda c: c.quotes(speaker=args.speaker, about=args.about, limit=args.limit),
                      "no quotations", _show)


def _show(out, q) -> None:
    who = q.speaker_text or q.speaker_name or "?"
    out.print(f"«{q.text}»", style="bold" if q.direct else None)
    out.print(f"   — {who}" + (f" ({q.speaker_name})" if q.speaker_name and q.speaker_name != who else "")
              + f" · {(q.published or '')[:10]} · {q.source or ''} · {q.title or ''}", style="dim")
