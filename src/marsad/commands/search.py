"""`marsad search QUERY [filters]`: ranked, Arabic-aware full-text search over a corpus."""
from __future__ import annotations


def register(sub) -> None:
    from ..corpus.cli_util import add_common

    p = sub.add_parser("search", help="search a corpus (BM25 over normalised, lightly stemmed Arabic)")
    p.add_argument("query", nargs="?", default="", metavar="QUERY", help="words to find (any text; empty lists newest)")
    p.add_argument("--entity", metavar="NAME", help="only articles mentioning this entity (any spelling)")
    p.add_argument("--speaker", metavar="NAME", help="only articles quoting this speaker")
    p.add_argument("--topic", metavar="T", help="only articles with this topic label")
    p.add_argument("--source", metavar="S", help="only articles from this site/outlet")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="published on or after (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="published on or before (YYYY-MM-DD)")
    p.add_argument("--limit", type=int, default=10, metavar="N", help="results (default 10)")
    add_common(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from ..corpus.cli_util import console, marked, open_corpus, print_json
    from ..errors import MarsadError

    if args.limit < 1:
        raise MarsadError("--limit must be at least 1")
    with open_corpus(args) as c:
        hits = c.search(args.query, entity=args.entity, speaker=args.speaker, topic=args.topic, source=args.source,
                        date_from=args.date_from, date_to=args.date_to, limit=args.limit)
    if args.format == "json":
        print_json(hits)
        return 0
    out = console()
    if not hits:
        out.print("no results")
        return 0
    for i, h in enumerate(hits, 1):
        meta = " · ".join(x for x in ((h.published or "")[:10], h.source or "", h.id) if x)
        out.print(f"{i}. {h.title or '(untitled)'}", style="bold")
        out.print(f"   {meta}", style="dim")
        out.print(marked("   " + h.snippet, [[a + 3, b + 3] for a, b in h.highlights]))
    return 0
