"""Sub-commands whose kinds are discovered: `marsad evaluate KIND`, `marsad train KIND`.

Every module in the kinds package with `add_arguments(parser)` and `run(args) -> int`
is one kind, named after the module.
"""
from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def register_kinds(sub, command: str, help: str, package: ModuleType) -> None:
    p = sub.add_parser(command, help=help)
    kinds = p.add_subparsers(dest="kind", metavar="KIND")
    kinds.required = True
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        mod = importlib.import_module(f"{package.__name__}.{info.name}")
        if hasattr(mod, "run"):
            doc = (mod.__doc__ or "").strip().splitlines()
            k = kinds.add_parser(info.name, help=doc[0] if doc else None)
            mod.add_arguments(k)
            k.set_defaults(func=mod.run)
