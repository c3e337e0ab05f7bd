"""`marsad stats`: counts of what a corpus holds."""
from __future__ import annotations


def register(sub) -> None:
    from ..corpus.cli_util import add_common

    p = sub.add_parser("stats", help="counts: articles, entities, mentions, quotations, events, stories")
    add_common(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from ..corpus.cli_util import console, open_corpus, print_json

    with open_corpus(args) as c:
        st = c.stats()
    if args.format == "json":
        print_json(st)
        return 0
    out = console()
    for k, v in st.items():
        out.print(f"{k.replace('_', ' '):<18} {v if v is not None else '-'}")
    return 0
