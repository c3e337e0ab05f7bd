"""The few knowledge-base look-ups the quotes and events stages need.

Country adjectives and demonyms (`الروسي`, `أمريكيون`, `كوريون جنوبيون` → the
country), metonym links (a capital or seat of power for its state) and entity
records by id. They are read from the entities knowledge files
(`knowledge/country_adjectives.tsv`, `knowledge/entities.jsonl`), once per process;
when a file is missing every look-up answers None and the stages fall back to
the mentions the entity annotator made.
"""
from __future__ import annotations

import json
from functools import lru_cache

from .. import knowledge
from ..arabic import normalize
from ..article import Entity


def _read(name: str) -> str | None:
    try:
        return knowledge.text(name)
    except (FileNotFoundError, OSError):
        return None


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    text = _read("country_adjectives.tsv") or ""
    out = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        form, _, cid = line.partition("\t")
        if cid:
            out[normalize(form)] = cid.strip()
    return out


@lru_cache(maxsize=1)
def _lines() -> dict[str, str]:
    """id -> the record's JSON line (every line starts with its id): the 15,000 records are
    parsed only when asked for, not at first use."""
    head = len('{"id": "')
    text = _read("entities.jsonl") or ""
    return {line[head:line.index('"', head)]: line for line in text.splitlines() if line.strip()}


@lru_cache(maxsize=4096)
def _record(entity_id: str) -> dict | None:
    line = _lines().get(entity_id)
    return json.loads(line) if line is not None else None


@lru_cache(maxsize=8192)
def demonym(norm: str) -> str | None:
    """Country id a normalised adjective/demonym names, one word or two (`كوريه جنوبيه`).

    A leading و/ف/ب/ل written on the first word is tried off as well (`وكوريون`).
    """
    table = _adjectives()
    hit = table.get(norm)
    if hit is None and len(norm) > 3 and norm[0] in "وفبل":
        hit = table.get(norm[1:])
    return hit


def metonym_of(entity_id: str) -> str | None:
    r = _record(entity_id)
    return r.get("metonym_of") if r else None


def entity(entity_id: str) -> Entity | None:
    r = _record(entity_id)
    if r is None:
        return None
    return Entity(r["id"], r["name"], r["type"], r.get("ar"), [], list(r.get("en_aliases", [])), r.get("wikidata"), r.get("role"))
