"""`analyze`: the one per-article function that the CLI, ingest, API and Spark all call."""
from __future__ import annotations

from typing import Iterable

from .annotate import pipeline
from .article import Article
from .layout import layout
from .options import Options
from .read import RawDocument, read_text


def analyze(
    raw: RawDocument | str,
    *,
    options: Options | None = None,
    tz: str | None = None,
    published: str | None = None,
    skip: Iterable[str] = (),
    time_policy: str = "news",
) -> Article:
    """Lay out and annotate one document.

    `raw` is a RawDocument or the text of a scrape. `options` carries the run's
    settings (checked where they entered: CLI, REST, Spark); without it, `tz` is an
    IANA zone name for datelines that carry no offset, `published` (ISO 8601) the
    reference time when the document has no dateline, `skip` the stages to leave out and
    `time_policy` how bare weekdays and year-less dates are resolved ("news" or "forward").
    """
    if options is not None:
        tz, published, skip = options.tz, options.published, options.skip
        time_policy = options.time_policy
    if isinstance(raw, str):
        raw = read_text(raw)
    skip = set(skip)
    article = layout(raw, tz=tz, published=published)
    if "layout" in skip:
        return article
    return pipeline.run(article, skip=skip, time_policy=time_policy)
