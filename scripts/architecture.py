"""Read the package's shape from its source: import cycles, imports of other modules'
private names, and functions over 60 lines with no reason in their docstring.

    python scripts/architecture.py          # prints what it finds; exit 1 if anything
Used by tests/test_architecture.py. A long function passes when its docstring has a line
starting "Long:" that says why it is kept whole.
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
MAX_LINES = 60


def modules(src: Path = SRC) -> dict[str, Path]:
    out = {}
    for p in sorted((src / "marsad").rglob("*.py")):
        parts = list(p.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = p
    return out


def _resolve(mod: str, is_pkg: bool, level: int, name: str | None) -> str:
    if not level:
        return name or ""
    base = mod.split(".") if is_pkg else mod.split(".")[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join(base + ([name] if name else []))


def imports(mods: dict[str, Path]):
    """(module, imported module, imported names, line) for every import of a marsad module."""
    for mod, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        is_pkg = path.name == "__init__.py"
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    if a.name.startswith("marsad"):
                        yield mod, a.name, [], node.lineno
            elif isinstance(node, ast.ImportFrom):
                target = _resolve(mod, is_pkg, node.level, node.module)
                if not target.startswith("marsad"):
                    continue
                names = [a.name for a in node.names]
                subs = [f"{target}.{n}" for n in names if f"{target}.{n}" in mods]
                if subs:  # `from . import x` imports the submodule x
                    for s in subs:
                        yield mod, s, [], node.lineno
                    names = [n for n in names if f"{target}.{n}" not in mods]
                    if not names:
                        continue
                yield mod, target, names, node.lineno


def graph(mods: dict[str, Path]) -> dict[str, set[str]]:
    g: dict[str, set[str]] = {m: set() for m in mods}
    for mod, target, _names, _line in imports(mods):
        while target and target not in mods:
            target = target.rpartition(".")[0]
        if target and target != mod and not mod.startswith(target + "."):  # a package's own parents load first anyway
            g[mod].add(target)
    return g


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(g[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def private_imports(mods: dict[str, Path]) -> list[str]:
    out = []
    for mod, target, names, line in imports(mods):
        for n in names:
            if n.startswith("_") and not n.startswith("__"):
                out.append(f"{mods[mod].relative_to(SRC)}:{line}: imports {target}.{n}")
    return out


def long_functions(mods: dict[str, Path]) -> list[str]:
    out = []
    for mod, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = node.end_lineno - node.lineno + 1
                doc = ast.get_docstring(node) or ""
                if n > MAX_LINES and not any(s.strip().startswith("Long:") for s in doc.splitlines()):
                    out.append(f"{path.relative_to(SRC)}:{node.lineno}: {node.name} is {n} lines")
    return out


def main() -> int:
    mods = modules()
    found = 0
    for comp in cycles(graph(mods)):
        print("import cycle:", " -> ".join(comp))
        found += 1
    for line in private_imports(mods) + long_functions(mods):
        print(line)
        found += 1
    print(f"{found} finding(s) in {len(mods)} modules")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
