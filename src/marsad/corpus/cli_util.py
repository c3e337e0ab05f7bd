"""What the corpus commands share: --db/--format options, opening the store, printing."""
from __future__ import annotations

import json
import sys

from .api import DEFAULT_DB


def add_common(p) -> None:
    p.add_argument("--db", default=DEFAULT_DB, metavar="URL",
                   help="corpus: a file path or sqlite:///PATH (SQLite), or postgresql://… (default: marsad.db)")
    p.add_argument("--format", choices=["text", "json"], default="text", help="text (default) or json")


def open_corpus(args, must_exist: bool = True):
    import os

    from ..errors import MarsadError
    from .api import Corpus

    url = args.db
    path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else url
    if must_exist and "://" not in path and not os.path.exists(path):
        raise MarsadError(f"{path}: no corpus here (create one with: marsad ingest PATH --db {url})")
    return Corpus(url)


def console():
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


def print_json(obj) -> None:
    def conv(o):
        if hasattr(o, "to_dict"):
            return o.to_dict()
        if isinstance(o, list):
            return [conv(x) for x in o]
        return o

    sys.stdout.write(json.dumps(conv(obj), ensure_ascii=False, indent=1) + "\n")


def marked(snippet: str, highlights: list) -> "object":
    from rich.text import Text

    t = Text(snippet)
    for a, b in highlights:
        t.stylize("bold yellow", a, b)
    return t


def entity_label(ref) -> str:
    if ref is None:
        return "-"
    parts = [ref.name_ar or "", f"({ref.name})" if ref.name and ref.name != ref.name_ar else "",
             f"[{ref.type}]" if ref.type else ""]
    return " ".join(p for p in parts if p) or ref.id
