"""Option checks shared by the commands that run `analyze` (analyze, ingest, spark analyze)."""
from __future__ import annotations

import argparse

from ..annotate.pipeline import STAGE_NAMES
from ..errors import MarsadError


def check_time_options(args: argparse.Namespace) -> None:
    """Fail once, early, on a bad --tz zone name or --published time."""
    from ..dates import get_zone, parse_date_text

    if getattr(args, "tz", None):
        get_zone(args.tz)
    if getattr(args, "published", None) and parse_date_text(args.published) is None:
        raise MarsadError(f"--published {args.published!r} is not an ISO 8601 date or time")


def skip_stages(values: list[str], extra: set[str] = frozenset()) -> set[str]:
    """The stages named by repeatable, comma-separated --skip values (unknown names are an error)."""
    skip = {s.strip() for item in values for s in item.split(",") if s.strip()}
    unknown = skip - set(STAGE_NAMES) - set(extra)
    if unknown:
        raise MarsadError(f"--skip: unknown stage {', '.join(sorted(unknown))} (stages: {', '.join(STAGE_NAMES)})")
    return skip
