"""`marsad train KIND ...`: train a model shipped with marsad (kinds: modules of `marsad.training`)."""
from __future__ import annotations

from .. import training
from ._kinds import register_kinds


def register(sub) -> None:
    register_kinds(sub, "train", "train a model shipped with marsad (ner, topics, ...)", training)
