"""`marsad demo`: analyse the bundled example articles and show what marsad reads in them."""
from __future__ import annotations

import argparse
from importlib import resources


def register(sub) -> None:
    p = sub.add_parser("demo", help="analyse the bundled example articles and print a readable report")
    p.add_argument("--db", default="marsad.db", help="store to load the examples into (when the corpus is available)")
    p.set_defaults(func=run)


def example_paths() -> list[str]:
    root = resources.files("marsad") / "examples"
    return sorted(str(p) for p in root.iterdir() if p.is_file() and not p.name.startswith("."))


def run(args: argparse.Namespace) -> int:
    from ..analysis import analyze
    from ..inputs import Failure, documents
    from ..report import console, render

    c = console()
    paths = example_paths()
    c.rule(f"[bold cyan]marsad demo: {len(paths)} example files in several outlets' styles")
    n = 0
    for doc in documents(paths):
        if isinstance(doc, Failure):
            c.print(f"[red]{doc.message}")
            continue
        render(analyze(doc, tz="Africa/Cairo" if doc.format == "text" else None))
        n += 1
    c.print(f"[bold green]{n} articles analysed.[/]\n")
    from ..corpus import demo as corpus_demo

    c.rule(f"[bold cyan]the corpus: the same examples stored in {args.db}")
    corpus_demo(args.db)
    c.print()
    c.rule("[bold cyan]next")
    c.print("Analyse your own files:  .venv/bin/marsad analyze FILE --format text", soft_wrap=True)
    c.print("Serve the web interface over the demo store (then open http://127.0.0.1:8000):", soft_wrap=True)
    c.print(f"  [bold].venv/bin/marsad serve --db {args.db}[/]", soft_wrap=True)
    return 0
