"""`marsad stories`: groups of near-duplicate articles (the same story across outlets)."""
from __future__ import annotations


def register(sub) -> None:
    from ..corpus.cli_util import add_common

    p = sub.add_parser("stories", help="near-duplicate article groups across outlets")
    p.add_argument("--min-size", type=int, default=2, metavar="N", help="smallest group shown (default 2)")
    p.add_argument("--cross-source", action="store_true", help="only groups spanning two or more sources")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="groups shown (default 20)")
    add_common(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from ..corpus.cli_util import console, open_corpus, print_json

    with open_corpus(args) as c:
        rows = c.stories(min_size=max(2, args.min_size), limit=args.limit, cross_source=args.cross_source)
    if args.format == "json":
        print_json(rows)
        return 0
    out = console()
    if not rows:
        out.print("no stories (no near-duplicate articles)")
    for s in rows:
        out.print(f"story {s.id}: {s.size} articles, {len(s.sources)} sources ({', '.join(s.sources)})", style="bold")
        for a in s.articles:
            out.print(f"   {(a.published or '')[:10]}  {a.source or '-'}  {a.title or a.id}")
    return 0
