"""The few knowledge-base look-ups the quotes and events stages need.

They come from the entities package (`marsad.entities`): country adjectives and
demonyms, metonym links (a capital for its government) and entity records by id.
Without that package every look-up answers None, and the stages fall back to the
mentions the entity annotator made.
"""
from __future__ import annotations

from functools import lru_cache

from ..article import Entity

try:  # the entities package is built on its own branch; this stage works without it
    from ..entities import kb as _kb  # type: ignore
except ImportError:  # pragma: no cover - depends on the build
    _kb = None


@lru_cache(maxsize=4096)
def demonym(norm_word: str) -> str | None:
    """Entity id of the country a normalised adjective/demonym names (`الروسيه` → russia)."""
    if _kb is None:
        return None
    fn = getattr(_kb, "demonym", None)
    return fn(norm_word) if fn else None


def metonym_of(entity_id: str) -> str | None:
    if _kb is None:
        return None
    fn = getattr(_kb, "metonym_of", None)
    return fn(entity_id) if fn else None


def entity(entity_id: str) -> Entity | None:
    if _kb is None:
        return None
    fn = getattr(_kb, "entity", None)
    return fn(entity_id) if fn else None
