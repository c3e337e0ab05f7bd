"""The knowledge that ships with marsad (gazetteers, lexicons, cue and function-word sets),
read through one loader.

Every module asks here instead of opening package files itself, so there is one place
that knows where knowledge lives and how each kind of file is read:

- `data(name)`: a JSON file, parsed once per process and cached. Callers must not change
  what it returns (they build their own structures from it).
- `lines(name)`: the lines of a text or TSV file, without blank lines and `#` comments,
  cached. `rows(name)` splits them on tabs.
- `text(name)`: the whole text of a file, not cached (the large files are read once by
  the one module that indexes them).
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


def text(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def data(name: str):
    return json.loads(text(name))


@lru_cache(maxsize=None)
def lines(name: str) -> tuple[str, ...]:
    return tuple(s for s in text(name).splitlines() if s.strip() and not s.startswith("#"))


def rows(name: str) -> list[list[str]]:
    return [s.split("\t") for s in lines(name)]


def words(name: str, key: str | None = None) -> frozenset[str]:
    """A word set: a text file's lines, or the list under `key` in a JSON file."""
    if key is None:
        return frozenset(s.strip() for s in lines(name))
    return frozenset(data(name)[key])
