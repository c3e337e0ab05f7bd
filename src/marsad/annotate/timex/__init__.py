"""Time expressions: find them in Arabic news text and resolve them to TIMEX3 values.

One pass of precompiled patterns over the normalised text proposes candidates
(dates, weekdays, deictics, clock times, durations, sets, decades, centuries,
quarters); the longest non-overlapping ones are kept, then three small passes
attach what sits just before a date (`مطلع`/`منتصف`/`أواخر` → mod, `صباح`/`مساء`
→ a part of day, `في وقت سابق من`) and anchor clock times to a neighbouring day.
Relative expressions are resolved against the publication date; a bare month or
weekday takes its direction from the tense of its clause (future cues such as
`سـ` + verb, `سوف`, `من المقرر`; otherwise the past, as news mostly reports).

- `grammar`: the vocabulary tables and the patterns built from the knowledge files;
- `handlers`: each kind of expression, matched, to a candidate value;
- `resolve`: calendar arithmetic and the direction guesses against the publication date;
- `scan`: the pass (`find`, `annotate`: the pipeline stage).
"""
from .grammar import vocabulary
from .scan import annotate, find, grammar, reference_date, reference_time

__all__ = ["annotate", "find", "grammar", "reference_date", "reference_time", "vocabulary"]
