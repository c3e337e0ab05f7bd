"""The options of one analysis run, checked once where they enter (CLI, REST, Spark, Python).

`tz` is the IANA zone for datelines that carry no offset; `published` (ISO 8601) is the
reference time of a document with no dateline; `skip` names annotation stages to leave
out ("layout" stops after layout); `time_policy` is how time expressions place a bare
weekday or a year-less date: "news" (the clause's tense, else the past) or "forward"
(the next one, as Duckling's suite reads them; also a bare clock hour already past at the
publication time is the afternoon one). An `Options` is immutable and picklable, so it travels
whole to ingest workers and Spark executors.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from .errors import MarsadError

# How time expressions place a bare weekday or a year-less date (marsad.annotate.timex.resolve).
TIME_POLICIES = ("news", "forward")


@dataclass(frozen=True)
class Options:
    tz: str | None = None
    published: str | None = None
    skip: frozenset[str] = field(default_factory=frozenset)
    time_policy: str = "news"

    @classmethod
    def checked(cls, tz: str | None = None, published: str | None = None, skip: Iterable[str] = (), *,
                flag: str = "--", layout_only: bool = True, time_policy: str | None = None) -> "Options":
        """Options after their checks: an unknown zone, a `published` that is not a time, or an
        unknown stage is a MarsadError naming the option as the caller spells it (`flag`
        "--" for the CLI, "" for REST). `skip` items may be comma-separated lists."""
        from .annotate.pipeline import STAGE_NAMES
        from .dates import get_zone, parse_date_text

        tz = tz or None
        published = published or None
        if tz:
            get_zone(tz)
        if published and parse_date_text(published) is None:
            raise MarsadError(f"{flag}published {published!r} is not an ISO 8601 date or time")
        names = frozenset(s.strip() for item in skip for s in item.split(",") if s.strip())
        known = set(STAGE_NAMES) | ({"layout"} if layout_only else set())
        unknown = names - known
        if unknown:
            raise MarsadError(f"{flag}skip: unknown stage {', '.join(sorted(unknown))} "
                              f"(stages: {', '.join(STAGE_NAMES)})")
        time_policy = time_policy or "news"
        if time_policy not in TIME_POLICIES:
            raise MarsadError(f"{flag}time-policy: unknown policy {time_policy!r} (policies: {', '.join(TIME_POLICIES)})")
        return cls(tz, published, names, time_policy)


def add_time_policy(parser) -> None:
    """The `--time-policy` flag, the same on `analyze`, `ingest` and `spark analyze`."""
    parser.add_argument("--time-policy", choices=list(TIME_POLICIES), default="news",
                        help="bare weekdays and year-less dates: news (tense of the clause, else past; default) "
                             "or forward (the next one, and a bare clock hour already past is the afternoon one, as Duckling resolves them)")
