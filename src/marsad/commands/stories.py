"""`marsad stories`: groups of near-duplicate articles (the same story across outlets)."""
from __future__ import annotations

from .listing import add_list_options, print_rows


def register(sub) -> None:
    p = sub.add_parser("stories", help="near-duplicate article groups across outlets")
    p.add_argument("--min-size", type=int, default=2, metavar="N", help="smallest group shown (default 2)")
    p.add_argument("--cross-source", action="store_true", help="only groups spanning two or more sources")
    add_list_options(p, "groups")
    p.set_defaults(func=run)


def run(args) -> int:
    return print_rows(args, lambda c: c.stories(min_size=max(2, args.min_size), limit=args.limit,
                                                cross_source=args.cross_source),
                      "no stories (no near-duplicate articles)", _show)


def _show(out, s) -> None:
    out.print(f"story {s.id}: {s.size} articles, {len(s.sources)} sources ({', '.join(s.sources)})", style="bold")
    for a in s.articles:
        out.print(f"   {(a.published or '')[:10]}  {a.source or '-'}  {a.title or a.id}")
