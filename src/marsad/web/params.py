"""The one parser of view parameters, for the JSON routes and the pages alike.

Both read a view's parameters through these functions, so a value means the same thing in
`/api/search?from=…` and `/?from=…`: text is stripped and cut to its longest length (the
API refuses longer values before, by the same table), a blank value is no filter, and a
bad day or period is a `BadParam`, answered 400 (JSON under /api, an error page elsewhere).
`get` is any `name -> str | None` lookup (a request's query parameters, or a dict of the
values FastAPI validated).
"""
from __future__ import annotations

from typing import Callable

from ..corpus.periods import BY, parse_day
from ..errors import MarsadError

Get = Callable[[str], "str | None"]

# Longest value of each text parameter, per view (the API declares the same as max_length).
SEARCH = {"q": 10_000, "entity": 200, "speaker": 200, "topic": 100, "source": 500}
ENTITIES = {"q": 200}
QUOTES = {"speaker": 200, "about": 200, "q": 1000}
EVENTS = {"actor": 200, "type": 40}
NAME, NAMES = 200, 8  # trends: characters of a name, names compared
PAGE_MAX = 10_000  # deepest page number of the pages


class BadParam(MarsadError):
    """A parameter value no view can take."""


def texts(spec: dict[str, int], get: Get) -> dict[str, str]:
    """The text parameters of `spec`, stripped and cut ("" when absent)."""
    return {k: (get(k) or "").strip()[:n] for k, n in spec.items()}


def day(value: str | None, name: str) -> str:
    """A calendar day YYYY-MM-DD ("" when absent); anything else is a BadParam."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        return parse_day(value, name, strict=True)
    except MarsadError as e:
        raise BadParam(str(e)) from None


def period(value: str | None) -> str:
    """The trends period: day (the default), week or month."""
    value = (value or "").strip()
    if value and value not in BY:
        raise BadParam(f"by: {value[:40]!r} is not one of {', '.join(BY)}")
    return value or "day"


def names(values: list[str]) -> list[str]:
    """Trend names: blanks dropped (they ask for nothing), each cut, at most NAMES."""
    return [n.strip()[:NAME] for n in values if n.strip()][:NAMES]


def page_number(value: str | None) -> int:
    """A page number (1 for anything that is not one)."""
    try:
        return min(PAGE_MAX, max(1, int(value)))
    except (TypeError, ValueError):
        return 1


def search(get: Get) -> dict[str, str]:
    """The search form: q, entity, speaker, topic, source, from, to."""
    return {**texts(SEARCH, get), "from": day(get("from"), "from"), "to": day(get("to"), "to")}


def search_args(f: dict[str, str]) -> dict:
    """The search form as `Backend.search` keywords (blank values: no filter)."""
    return dict(q=f["q"], entity=f["entity"] or None, speaker=f["speaker"] or None, topic=f["topic"] or None,
                source=f["source"] or None, date_from=f["from"] or None, date_to=f["to"] or None)


def none_if_blank(f: dict[str, str]) -> dict:
    """A form as keywords, blank values as None (no filter)."""
    return {k: v or None for k, v in f.items()}
