"""Arabic calendar vocabulary and dateline parsing.

The vocabulary (Egyptian, Levantine and Maghrebi month names, Hijri months,
weekdays, ص/م, zone phrases) is in knowledge/calendar.json and is shared with the
time-expression annotator. `parse_dateline` reads the publication line of a page
(`الثلاثاء، 18 يونيو 2024 - 08:16 م`, `نشر في 10/06/2024 14:05 بتوقيت مكة`, ...).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from .arabic import normalize, normalize_map
from . import knowledge
from .errors import MarsadError


@lru_cache(maxsize=1)
def calendar() -> dict:
    return knowledge.data("calendar.json")


def _alternation(names) -> str:
    """A regex alternation over normalised names, longest first; spaces match any run of spaces."""
    uniq = sorted({normalize(n) for n in names}, key=len, reverse=True)
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in uniq)


def _numbered_names(key: str) -> dict[str, int]:
    """Normalised name → its number, for one numbered name table of calendar.json."""
    return {re.sub(r"\s+", " ", normalize(n)): int(num) for num, names in calendar()[key].items() for n in names}


@lru_cache(maxsize=1)
def month_lookup() -> dict[str, int]:
    """Normalised Gregorian month name → month number (all regional names)."""
    return _numbered_names("gregorian_months")


@lru_cache(maxsize=1)
def hijri_month_lookup() -> dict[str, int]:
    return _numbered_names("hijri_months")


@lru_cache(maxsize=1)
def weekday_lookup() -> dict[str, int]:
    out = {}
    for num, names in calendar()["weekdays"].items():
        for n in names:
            out[normalize(n)] = int(num)
    return out


@lru_cache(maxsize=1)
def zone_lookup() -> dict[str, str]:
    return {normalize(k): v for k, v in calendar()["zones"].items()}


def get_zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except Exception:  # not found, or odd strings (NUL bytes, paths) that zoneinfo rejects in its own ways
        raise MarsadError(f"unknown time zone {name!r} (use an IANA name such as Africa/Cairo)") from None


@dataclass
class ParsedDate:
    value: datetime | date
    has_time: bool
    tzinfo_from_text: bool = False  # the text named a zone or offset (GMT, بتوقيت مكة, +03:00)


@lru_cache(maxsize=1)
def _patterns():
    cal = calendar()
    months = _alternation(n for names in cal["gregorian_months"].values() for n in names)
    hmonths = _alternation(n for names in cal["hijri_months"].values() for n in names)
    zones = _alternation(cal["zones"].keys())
    D = r"(\d{1,2})"
    Y = r"(\d{4})"
    return {
        # 18 يونيو 2024 / 18 من يونيو 2024 / يونيو 18، 2024
        "dmy": re.compile(rf"(?<!\d){D}\s*(?:[-/.]\s*)?(?:من\s+)?(?:شهر\s+)?({months})(?:\s*[/(]\s*(?:{months})\s*\)?)?\s*[،,/-]?\s*(?:عام\s+|سنه\s+)?{Y}"),
        "mdy": re.compile(rf"({months})\s+{D}\s*[،,]\s*{Y}"),
        "hijri_dmy": re.compile(rf"(?<!\d){D}\s*(?:من\s+)?({hmonths})\s*{Y}\s*(?:ه|هـ|هجري)?"),
        "ymd": re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"),
        "dmy_num": re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)"),
        "time": re.compile(
            r"(?<![\d:])(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?![\d])\s*"
            r"(ص|م|صباحا|مساء|مساءا|ظهرا|عصرا|ليلا|am|pm|AM|PM|ق\.ظ|ب\.ظ)?(?![^\W\d_])"
        ),
        "gmt": re.compile(r"(?:GMT|UTC|غرينتش|جرينتش|غرينيتش)\s*([+-]\s*\d{1,2}(?::?\d{2})?)?", re.I),
        "offset": re.compile(r"(?<![\d:])([+-])(\d{2}):?(\d{2})(?!\d)"),
        "zone": re.compile(rf"(?:بتوقيت\s+|\(\s*)({zones})") if zones else None,
        # EET, AST, KSA: zone abbreviations as pages print them (knowledge/calendar.json)
        "abbr": re.compile(r"(?<![A-Za-z])(" + "|".join(sorted(cal.get("zone_abbreviations", {}), key=len, reverse=True)) + r")(?![A-Za-z])")
        if cal.get("zone_abbreviations") else None,
        "iso": re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?|\d{4}-\d{2}-\d{2}"),
    }


_PM = {"م", "مساء", "مساءا", "عصرا", "ليلا", "pm", "ب.ظ"}
_AM = {"ص", "صباحا", "am", "ق.ظ"}


def _clock(m: re.Match) -> tuple[int, int, int] | None:
    h, mi, s = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    ampm = (m.group(4) or "").lower()
    if ampm in _PM and h < 12:
        h += 12
    elif ampm == "ظهرا" and h < 6:
        h += 12  # ظهرا: noon hours (1 ظهرا = 13:00)
    elif ampm in _AM and h == 12:
        h = 0
    if h > 23 or mi > 59 or s > 59:
        return None
    return h, mi, s


def _hijri_to_gregorian(y: int, m: int, d: int) -> date | None:
    try:
        from hijridate import Hijri

        return Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError, ImportError):
        return None


def parse_date_text(text: str) -> ParsedDate | None:
    """Find one calendar date (and clock time) in a short piece of text.

    Gregorian dates win over Hijri ones when a line carries both. Returns a naive
    datetime unless the text names a zone or an offset.
    """
    if not text or not text.strip():
        return None
    raw = text.strip()
    got = _machine_date(raw)
    if got is not None:
        return got
    t = normalize(raw)
    p = _patterns()
    d, span_end = _calendar_day(t, p)
    if d is None:
        return None
    clock = _clock_after(t, p, span_end)
    tz = _zone_of(t, raw, p, clock)
    if clock:
        dt = datetime(d.year, d.month, d.day, *clock, tzinfo=tz)
        return ParsedDate(dt, True, tz is not None)
    if tz is not None:
        return ParsedDate(datetime(d.year, d.month, d.day, tzinfo=tz), False, True)
    return ParsedDate(d, False, False)


def _machine_date(raw: str) -> ParsedDate | None:
    """ISO 8601 and RFC 2822 (feeds, metadata, ANT's TIME), read before any Arabic form."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}([T ][\d:.]+)?(Z|[+-]\d{2}:?\d{2})?", raw):
        try:
            dt = datetime.fromisoformat(raw.replace("Z", "+00:00"))
            return ParsedDate(dt, "T" in raw or " " in raw, dt.tzinfo is not None)
        except ValueError:
            pass
    if re.match(r"^[A-Z][a-z]{2},?\s+\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}", raw):
        try:
            dt = parsedate_to_datetime(raw)
            return ParsedDate(dt, True, dt.tzinfo is not None)
        except (TypeError, ValueError):
            pass
    return None


def _calendar_day(t: str, p: dict) -> tuple[date | None, int]:
    """The first calendar date in normalised text, by form in order of trust, and where it ends."""
    m = p["dmy"].search(t)
    if m and (d := _safe_date(int(m.group(3)), month_lookup().get(re.sub(r"\s+", " ", m.group(2))), int(m.group(1)))):
        return d, m.end()
    if (m := p["mdy"].search(t)) and (
            d := _safe_date(int(m.group(3)), month_lookup().get(re.sub(r"\s+", " ", m.group(1))), int(m.group(2)))):
        return d, m.end()
    if (m := p["ymd"].search(t)) and (d := _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))):
        return d, m.end()
    if (m := p["dmy_num"].search(t)) and (d := _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))):
        return d, m.end()
    if m := p["hijri_dmy"].search(t):
        hm = hijri_month_lookup().get(re.sub(r"\s+", " ", m.group(2)))
        if hm and (d := _hijri_to_gregorian(int(m.group(3)), hm, int(m.group(1)))):
            return d, m.end()
    return None, 0


def _clock_after(t: str, p: dict, span_end: int) -> tuple | None:
    """The clock time: the first one after the date, else the last anywhere on the line (never
    the digits of a Y-M-D date itself)."""
    clock = None
    for tm in p["time"].finditer(t):
        c = _clock(tm)
        if c and not (p["ymd"].search(t) and tm.start() < span_end and tm.end() <= span_end):
            clock = c
            if tm.start() >= span_end:
                break
    return clock


def _zone_of(t: str, raw: str, p: dict, clock) -> timezone | ZoneInfo | None:
    """The zone the text names: GMT(+h), an offset after a clock, a zone phrase, an abbreviation."""
    if g := p["gmt"].search(t):
        if not g.group(1):
            return timezone.utc
        off = g.group(1).replace(" ", "")
        sign = -1 if off[0] == "-" else 1
        hh, _, mm = off[1:].partition(":")
        if len(hh) > 2:
            hh, mm = hh[:2], hh[2:]
        return timezone(sign * timedelta(hours=int(hh), minutes=int(mm or 0)))
    if (o := p["offset"].search(t)) and clock:
        sign = -1 if o.group(1) == "-" else 1
        return timezone(sign * timedelta(hours=int(o.group(2)), minutes=int(o.group(3))))
    if p["zone"] is not None and (z := p["zone"].search(t)):
        name = zone_lookup().get(re.sub(r"\s+", " ", z.group(1)))
        return ZoneInfo(name) if name else None
    if p["abbr"] is not None and clock and (a := p["abbr"].search(raw)):
        return _zone_value(calendar()["zone_abbreviations"][a.group(1)])
    return None


def _zone_value(v: str):
    """A zone from calendar.json: an IANA name, or a fixed offset written `+03:00`."""
    if v[:1] in "+-":
        hh, _, mm = v[1:].partition(":")
        return timezone((-1 if v[0] == "-" else 1) * timedelta(hours=int(hh), minutes=int(mm or 0)))
    return ZoneInfo(v)


def _safe_date(y: int, m: int | None, d: int) -> date | None:
    if not m or not (1 <= m <= 12) or not (1800 <= y <= 2200):
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


_CUES: tuple[re.Pattern, re.Pattern] | None = None


def cue_patterns() -> tuple[re.Pattern, re.Pattern]:
    global _CUES
    if _CUES is None:
        def alt(key):
            cues = sorted({normalize(c).rstrip(":") for c in calendar()[key]}, key=len, reverse=True)
            return re.compile("|".join(re.escape(c) for c in cues))
        _CUES = (alt("published_cues"), alt("updated_cues"))
    return _CUES


def parse_dateline(line: str) -> ParsedDate | None:
    """Parse a page's dateline; with both a publication and an update time, take the publication."""
    pub_re, upd_re = cue_patterns()
    t = normalize(line)
    if len(t) != len(line):
        # cue positions are found in normalised text; map them back to the line
        _, offs = normalize_map(line)
    else:
        offs = None
    orig = (lambda k: offs[min(k, len(offs) - 1)]) if offs else (lambda k: k)
    upd = list(upd_re.finditer(t))
    pub = pub_re.search(t)
    if pub:
        end = next((orig(u.start()) for u in upd if u.start() > pub.end()), len(line))
        got = parse_date_text(line[orig(pub.end()):end])
        if got:
            return got
    if upd:
        got = parse_date_text(line[: orig(upd[0].start())])
        if got:
            return got
        return parse_date_text(line[orig(upd[0].end()):])
    return parse_date_text(line)


def to_iso(parsed: ParsedDate, tz: str | None = None) -> str:
    """ISO 8601 text; a naive time gets `tz`'s offset for that date, an aware one is shown in `tz`."""
    v = parsed.value
    if not parsed.has_time and not isinstance(v, datetime):
        return v.isoformat()
    assert isinstance(v, datetime)
    if tz:
        zone = get_zone(tz)
        v = v.replace(tzinfo=zone) if v.tzinfo is None else v.astimezone(zone)
    if not parsed.has_time:
        return v.date().isoformat()
    return v.isoformat()
