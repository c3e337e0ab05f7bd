"""Convert Duckling's Arabic time corpus into a marsad timex gold file.

    python scripts/duckling_ar.py tests/data/duckling_ar_Corpus.hs tests/data/timex_duckling_ar.jsonl

The input is a saved copy of `Duckling/Time/AR/Corpus.hs` from facebook/duckling at commit
08132308142c45f10c110e67dafb9e1ead4aa29d (BSD-3, see tests/data/timex_duckling_ar.LICENSE).
Every example is one gold line whose sentence is the expression itself, with Duckling's
reference time (2013-02-12T04:30:00, UTC-2, as in Duckling's testContext) as `published`.

Values are TIMEX3-like, at the example's grain: Day -> 2013-02-12, Week -> 2013-W07,
Month -> 2013-03, Year -> 2014, Hour/Minute -> 2013-02-12T15:00, Second -> with seconds;
the reference instant itself is PRESENT_REF. An interval is START/END with Duckling's
exclusive end made inclusive at the grain (Day: the last day; Hour: the last hour; Week:
the last week); a Second-grain interval opening at the reference is PRESENT_REF/END.
`kind` (now, date, week, month, year, time, interval, holiday) is for the per-kind figures.
"""
from __future__ import annotations

import json
import re
import sys
from datetime import datetime, timedelta

REF = datetime(2013, 2, 12, 4, 30, 0)
PUBLISHED = "2013-02-12T04:30:00-02:00"

_T = r"\((\d+),\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+)\)"
_BLOCK = re.compile(
    r"examples\s+\((?P<fn>datetime|datetimeInterval|datetimeHoliday|datetimeIntervalHoliday)\s+"
    r"(?:\(" + _T + r",\s*" + _T + r"\)|" + _T + r")\s+"
    r"(?P<grain>\w+)(?:\s+\"[^\"]*\")?\)\s*\[(?P<body>[^\]]*)\]", re.S)
_STR = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _dt(g: tuple) -> datetime:
    return datetime(*map(int, g))


def fmt(d: datetime, grain: str) -> str:
    if grain == "Second" and d == REF:
        return "PRESENT_REF"
    if grain == "Year":
        return f"{d.year}"
    if grain == "Month":
        return f"{d.year}-{d.month:02d}"
    if grain == "Week":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    if grain == "Day":
        return d.date().isoformat()
    if grain == "Second":
        if d.time() == datetime.min.time():
            return d.date().isoformat()
        return d.strftime("%Y-%m-%dT%H:%M") + (f":{d.second:02d}" if d.second else "")
    return d.strftime("%Y-%m-%dT%H:%M")


_STEP = {"Day": timedelta(days=1), "Hour": timedelta(hours=1), "Week": timedelta(weeks=1),
         "Minute": timedelta(minutes=1), "Second": timedelta(days=1)}


def _alternatives(fn: str, grain: str, groups: tuple, value: str) -> list[str]:
    """The TIMEX3 spellings of the same interval: a month's first or last ten days are the
    month with mod START/END, the night 18:00-24:00 is TNI, `within N weeks` from the
    reference is the duration PnW, and so are the N weeks that follow the reference's week
    (`the next three weeks`, as marsad writes `الأسابيع الثلاثة المقبلة`)."""
    if "Interval" not in fn:
        return []
    a, b = _dt(groups[1:7]), _dt(groups[7:13])
    if grain == "Day" and a.day == 1 and b.day == 11 and a.month == b.month:
        return [f"{a.year}-{a.month:02d}"]
    if grain == "Day" and a.day == 21 and b.day == 1 and b.month != a.month:
        return [f"{a.year}-{a.month:02d}"]
    if grain == "Hour" and a.hour == 18 and b - a == timedelta(hours=6):
        return [f"{a.date().isoformat()}TNI"]
    if grain == "Second" and a == REF and b.time() == datetime.min.time() and (b.date() - a.date()).days % 7 == 0:
        return [f"P{(b.date() - a.date()).days // 7}W"]
    next_monday = (REF - timedelta(days=REF.weekday()) + timedelta(weeks=1)).replace(hour=0, minute=0)
    if grain == "Week" and a == next_monday and (b - a).days % 7 == 0:
        return [f"P{(b - a).days // 7}W"]
    return []


def convert(src: str) -> list[dict]:
    rows = []
    for m in _BLOCK.finditer(src):
        fn, grain = m.group("fn"), m.group("grain")
        groups = m.groups()
        if "Interval" in fn:
            a, b = _dt(groups[1:7]), _dt(groups[7:13])
            end = b - _STEP[grain] if grain != "Second" or b.time() == datetime.min.time() else b
            end_grain = grain if grain != "Second" else "Day" if b.time() == datetime.min.time() else "Minute"
            value = f"{fmt(a, grain)}/{fmt(end, end_grain)}"
        else:
            a = _dt(groups[13:19])
            value = fmt(a, grain)
        if "Holiday" in fn:
            kind = "holiday"
        elif "Interval" in fn:
            kind = "interval"
        elif value == "PRESENT_REF":
            kind = "now"
        else:
            kind = {"Day": "date", "Week": "week", "Month": "month", "Year": "year"}.get(grain, "time")
        # TIME when a clock time is written (PRESENT_REF is a DATE in TIMEX3, as marsad gives it)
        typ = "TIME" if any("T" in part[4:] for part in value.split("/") if part != "PRESENT_REF") else "DATE"
        alt = _alternatives(fn, grain, groups, value)
        for s in _STR.findall(m.group("body")):
            g = {"text": s, "type": typ, "value": value}
            if alt:
                g["alt"] = alt
            rows.append({"text": s, "published": PUBLISHED, "kind": kind, "timexes": [g]})
    return rows


def main(argv: list[str]) -> int:
    src, dst = argv[1], argv[2]
    rows = convert(open(src, encoding="utf-8").read())
    with open(dst, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} examples -> {dst}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
