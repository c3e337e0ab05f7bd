"""What the commands that list stored rows share (`marsad quotes`, `events`, `stories`):
the options, opening the corpus, and printing the rows as JSON or as text."""
from __future__ import annotations

from typing import Callable


def add_list_parser(sub, name: str, help: str, filters: list[tuple[str, str, str]], what: str, run: Callable):
    """The sub-command `name` with its filter options (flag, metavar, help), --limit of `what`
    and the corpus options; the parser, for options of its own."""
    p = sub.add_parser(name, help=help)
    for flag, metavar, text in filters:
        p.add_argument(flag, metavar=metavar, help=text)
    add_list_options(p, what)
    p.set_defaults(func=run)
    return p


def add_list_options(p, what: str, default_limit: int = 20) -> None:
    """--limit (of `what`), then the corpus options (--db, --format)."""
    from ..corpus.cli_util import add_common

    p.add_argument("--limit", type=int, default=default_limit, metavar="N",
                   help=f"{what} shown (default {default_limit})")
    add_common(p)


def print_rows(args, fetch: Callable, empty: str, show: Callable) -> int:
    """The rows `fetch(corpus)` returns: JSON with --format json, else `show(console, row)` for each."""
    from ..corpus.cli_util import console, open_corpus, print_json

    with open_corpus(args) as c:
        rows = fetch(c)
    if args.format == "json":
        print_json(rows)
        return 0
    out = console()
    if not rows:
        out.print(empty)
    for row in rows:
        show(out, row)
    return 0
