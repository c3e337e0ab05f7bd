"""The annotation pipeline: one ordered list of named stages, each Article -> Article.

A stage is `module:function`; its module is imported once, on first use, so models
and lexicons load once per process. A stage whose module is not installed in this
build is left out (and `marsad analyze --skip NAME` leaves one out on purpose).
"""
from __future__ import annotations

import gc
import importlib
from typing import Callable, Iterable

from ..article import Article

# Order matters: quotes and events read entities and time expressions; keywords,
# summary and topics read entities.
STAGES: list[tuple[str, str]] = [
    ("entities", "marsad.annotate.entities:annotate"),
    ("timex", "marsad.annotate.timex:annotate"),
    ("quotes", "marsad.annotate.quotes:annotate"),
    ("events", "marsad.annotate.events:annotate"),
    ("keywords", "marsad.annotate.keywords:annotate"),
    ("summary", "marsad.annotate.summary:annotate"),
    ("topics", "marsad.annotate.topics:annotate"),
]
STAGE_NAMES = [n for n, _ in STAGES]

_loaded: dict[str, Callable[[Article], Article] | None] = {}


def _load(name: str, target: str) -> Callable[[Article], Article] | None:
    if name not in _loaded:
        mod_name, fn_name = target.split(":")
        try:
            mod = importlib.import_module(mod_name)
        except ModuleNotFoundError as e:
            if e.name != mod_name:
                raise
            _loaded[name] = None
        else:
            _loaded[name] = getattr(mod, fn_name)
    return _loaded[name]


def available() -> list[str]:
    return [n for n, t in STAGES if _load(n, t) is not None]


_settled = False


def settle() -> None:
    """Take what is loaded so far (models, lexicons, knowledge base) out of the cyclic
    garbage collector's sight, once per process.

    They live as long as the process, yet every full collection walked all of them:
    about 1 ms an article with every stage on, more than most stages cost. (No
    `gc.collect()` first: it would cost a one-article command ~30 ms; the little cyclic
    garbage of the first article stays.)
    """
    global _settled
    if not _settled:
        _settled = True
        gc.freeze()


def run(article: Article, skip: Iterable[str] = (), time_policy: str = "news") -> Article:
    skip = set(skip)
    ran = False
    for name, target in STAGES:
        if name in skip:
            continue
        fn = _load(name, target)
        if fn is not None and article.language == "ar" and article.text:
            article = fn(article, policy=time_policy) if name == "timex" and time_policy != "news" else fn(article)
            ran = True
    if ran and not _settled:
        settle()  # after the first article: its stages have loaded what they need
    return article
