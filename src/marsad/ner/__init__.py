"""The statistical named-entity tagger: BIO tags over PER, LOC, ORG, MISC.

    from marsad.ner import get_tagger
    get_tagger().tag(["قال", "الرئيس", "فلاديمير", "بوتين", "في", "موسكو"])
    # ['O', 'O', 'B-PER', 'I-PER', 'O', 'B-LOC']

The shipped model (`marsad/models/ner/`) is a linear-chain CRF over word, clitic, affix,
word-cluster and gazetteer features; see its MODEL_CARD.md. It is loaded once per process.
"""
from __future__ import annotations

from threading import Lock

from .model import DEFAULT_MODEL, Tagger, load_tagger

__all__ = ["DEFAULT_MODEL", "Tagger", "get_tagger", "load_tagger"]

_lock = Lock()
_default: Tagger | None = None


def get_tagger() -> Tagger:
    """The shipped tagger, loaded on first use and shared by the whole process."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = load_tagger(DEFAULT_MODEL)
    return _default
