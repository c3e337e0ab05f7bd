"""Calendar days and periods, once: parsing a day a user gave, and bucketing day counts
into days, ISO weeks (keyed by their Monday) or months (YYYY-MM)."""
from __future__ import annotations

import datetime as _dt
from typing import Iterable

from ..errors import MarsadError

BY = ("day", "week", "month")


def parse_day(value: str, name: str, *, strict: bool = False) -> str:
    """A day the user gave, as YYYY-MM-DD. Strict: exactly YYYY-MM-DD (the REST API and the
    pages); else any date text marsad reads (`--from "18 يونيو 2024"`). A MarsadError names
    the parameter as `name`."""
    from .search_terms import clean_query

    v = clean_query(str(value), 100).strip()
    try:
        if not strict or len(v) == 10:
            return _dt.date.fromisoformat(v[:10] if not strict else v).isoformat()
    except ValueError:
        pass
    if strict:
        raise MarsadError(f"{name}: {value!r} is not a calendar day (YYYY-MM-DD)")
    from ..dates import parse_date_text

    got = parse_date_text(v)
    if got is None:
        raise MarsadError(f"{name} {value!r} is not a date (use YYYY-MM-DD)")
    return got.value.isoformat()[:10]


def period(day: str, by: str) -> str | None:
    """The period (day, Monday of the week, or YYYY-MM) a day falls in; None for a non-day."""
    try:
        d = _dt.date.fromisoformat(day[:10])
    except (ValueError, TypeError):
        return None
    if by == "month":
        return d.isoformat()[:7]
    if by == "week":
        d -= _dt.timedelta(days=d.weekday())
    return d.isoformat()


def bucket(days: Iterable[tuple[str, int]], by: str, lo: str | None = None, hi: str | None = None) -> list[dict]:
    """(day, count) pairs summed per period, inside [lo, hi]: [{"period", "count"}] in order."""
    acc: dict[str, int] = {}
    for day, c in days:
        if (lo and day < lo) or (hi and day > hi):
            continue
        p = period(day, by)
        if p:
            acc[p] = acc.get(p, 0) + c
    return [{"period": p, "count": c} for p, c in sorted(acc.items())]


def span(first: str, last: str, by: str, cap: int = 3660) -> list[str]:
    """Every day or week period from first to last (at most `cap`)."""
    d, end = _dt.date.fromisoformat(first), _dt.date.fromisoformat(last)
    step = _dt.timedelta(days=7 if by == "week" else 1)
    out = []
    while d <= end and len(out) < cap:
        out.append(d.isoformat())
        d += step
    return out
