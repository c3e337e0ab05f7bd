"""`marsad evaluate KIND ...`: score a stage against a gold file (kinds: modules of `marsad.evaluation`)."""
from __future__ import annotations

from .. import evaluation
from ._kinds import register_kinds


def register(sub) -> None:
    register_kinds(sub, "evaluate", "score a stage against a gold file (ner, timex, quotes, events, topics, layout, ...)", evaluation)
