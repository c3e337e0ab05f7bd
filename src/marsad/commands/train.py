"""`marsad train KIND ...`: train a model shipped with marsad.

Kinds are discovered: every module in `marsad.training` with `add_arguments(parser)`
and `run(args) -> int` is one kind, named after the module (ner, topics, ...).
"""
from __future__ import annotations

import importlib
import pkgutil

from .. import training


def register(sub) -> None:
    p = sub.add_parser("train", help="train a model shipped with marsad (ner, topics, ...)")
    kinds = p.add_subparsers(dest="kind", metavar="KIND")
    kinds.required = True
    for info in sorted(pkgutil.iter_modules(training.__path__), key=lambda m: m.name):
        mod = importlib.import_module(f"{training.__name__}.{info.name}")
        if hasattr(mod, "run"):
            k = kinds.add_parser(info.name, help=(mod.__doc__ or "").strip().splitlines()[0] if mod.__doc__ else None)
            mod.add_arguments(k)
            k.set_defaults(func=mod.run)
