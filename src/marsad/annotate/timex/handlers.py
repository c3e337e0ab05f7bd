"""The handlers: one per pattern of the grammar, each turning a match into a candidate
value (or None when the match is not a time expression after all).
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from .grammar import key
from .resolve import (Cand, Context, day_guess, duration, hijri_date, hijri_today, iso_week, month_year,
                      number_value, rel_year, shift_month, weekday_date)


def _h_numdate(c: Context, m):
    if m.group("m4"):
        mo = int(m.group("m4"))
        if not 1 <= mo <= 12 or c.prev(m.start("t")) in c.g.not_numdate_before:
            return None  # قانون رقم 3/2013 is a number
        return Cand(m.start("t"), m.end("t"), "DATE", f"{m.group('y4')}-{mo:02d}", "M")
    if m.group("y3"):
        yy = int(m.group("y3"))
        y, mo, d = (2000 + yy if yy < 50 else 1900 + yy), int(m.group("m3")), int(m.group("d3"))
        if c.prev(m.start("t")) in c.g.not_numdate_before:
            return None
    elif m.group("y"):
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    else:
        y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
    try:
        v = date(y, mo, d)
    except ValueError:
        return None
    return Cand(m.start("t"), m.end("t"), "DATE", v.isoformat(), "D")


def _h_wdnum(c: Context, m):
    d, mo = int(m.group("d")), int(m.group("m"))
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return None
    s, e = m.start("t"), m.end("t")
    if c.ref is None:
        return Cand(s, e, "DATE", f"XXXX-{mo:02d}-{d:02d}", "D")
    got = day_guess(c, mo, d, s, e, None)
    return Cand(s, e, "DATE", got.isoformat(), "D") if got else None


def _day_of(c: Context, tok: str) -> int | None:
    if tok.isdigit():
        return int(tok)
    tok = key(tok)
    return c.g.ordinals.get(tok) or (1 if tok == "اول" else None)  # أول شباط: the first of February


def _month_of(c: Context, m) -> int | None:
    """The month of a match: by name (`mon`), by number after شهر (`mnum`: شهر ثلاثة, شهر 3)
    or by ordinal after الشهر (`mord`: الشهر التاسع). An ordinal month counted from an event
    (للشهر الثالث على التوالي, الشهر الخامس من الحمل, الشهر الثالث للحرب) is no calendar month."""
    gd = m.groupdict()
    if gd.get("mon"):
        return c.g.months.get(key(gd["mon"]))
    if gd.get("mnum"):
        raw = key(gd["mnum"])
        if c.next(m.end("mnum")) in c.g.month_number_not_before:
            return None  # راتب شهر 3 آلاف ريال: a count
        x = int(raw) if raw.isdigit() else c.g.month_numbers.get(raw)
        return x if x and 1 <= x <= 12 else None
    if gd.get("mord"):
        if not (gd.get("y") or gd.get("rel")):
            nxt = c.next(m.end("mord"))
            if nxt in c.g.month_ord_not_before or nxt.startswith("لل"):
                return None
        return c.g.month_ordinals.get(key(gd["mord"]))
    return None


def _h_dmy(c: Context, m):
    g = c.g
    mon = _month_of(c, m)
    d = _day_of(c, m.group("d"))
    if not mon or not d or not 1 <= d <= 31:
        return None
    d2 = _day_of(c, m.group("d_2")) if m.group("d_2") else None
    if m.group("d_2") and not d2:
        return None
    days = [d] + ([d2] if d2 else [])
    s, e = m.start("t"), m.end("t")
    vals = []
    if m.group("y"):
        y = int(m.group("y"))
    elif m.groupdict().get("rel"):
        y = rel_year(c, key(m.group("rel")))
    elif c.ref is None:
        y = None
    else:  # the days of one month share its year: the one the last day is guessed in
        guess = day_guess(c, mon, days[-1], s, e, g.dir.get(key(m.groupdict().get("dir") or "")))
        y = guess.year if guess else None
    for dd in days:
        if y is None:
            vals.append(f"XXXX-{mon:02d}-{dd:02d}")
            continue
        try:
            vals.append(date(y, mon, dd).isoformat())
        except ValueError:
            return None
    if len(vals) == 1 and len(vals[0]) == 10 and vals[0][0] != "X" and not m.group("d").isdigit() and d <= 5:
        wm = g.wd_rx.match(m.group("t"))
        wd = g.weekdays.get(key(wm.group())) if wm else None
        if wd is not None and date.fromisoformat(vals[0]).weekday() != wd:
            return None  # `الثلاثاء الثالث من أيلول 2014` (not a Tuesday): the third Tuesday
    conn = m.groupdict().get("conn")
    if len(vals) == 2 and (conn in ("-", "الي", "حتي", "وحتي") or (conn == "و" and c.prev(s) in ("بين", "وبين"))):
        if vals[0] >= vals[1]:
            return None  # `15-13 تموز` is no range
        return Cand(s, e, "DATE", f"{vals[0]}/{vals[1]}", "I")  # a range of days: START/END
    return Cand(s, e, "DATE", vals[0] if len(vals) == 1 else vals, "D")


def _h_month(c: Context, m):
    g = c.g
    mon = _month_of(c, m)
    if not mon:
        return None
    s, e = m.start("t"), m.end("t")
    if m.group("y"):
        return Cand(s, e, "DATE", f"{int(m.group('y'))}-{mon:02d}", "M")
    if m.group("rel"):
        y = rel_year(c, key(m.group("rel")))
    else:
        if m.group("mord"):
            return None  # `الشهر الثامن` alone is a count as often as a month: only with its year
        direction = g.dir.get(key(m.group("dir") or ""))
        if not direction and not (m.group("sh") or m.group("mnum")):
            prev = c.prev(m.start())
            if prev not in g.bare_month_prep and prev not in g.months:
                return None
        if c.ref is None:
            return Cand(s, e, "DATE", f"XXXX-{mon:02d}", "M")
        y = month_year(c, mon, s, e, direction)
    return Cand(s, e, "DATE", f"{y}-{mon:02d}" if y else f"XXXX-{mon:02d}", "M")


def _h_hijri(c: Context, m):
    g = c.g
    name = key(m.group("mon"))
    hm = g.hmonths.get(name)
    if not hm:
        return None
    d = _day_of(c, m.group("d")) if m.group("d") else None
    direction = g.dir.get(key(m.group("dir") or ""))
    y = int(m.group("y")) if m.group("y") else None
    if m.group("gy"):  # the Hijri year whose month (or day) falls in that Gregorian year
        gy = int(m.group("gy"))
        h0 = int((gy - 622) * 33 / 32)
        y = next((hy for hy in range(h0 - 1, h0 + 3)
                  if (x := hijri_date(hy, hm, d or 15)) is not None and x.year == gy), None)
        if y is None:
            return None
    ok = y or m.group("sh") or direction or (d and name != "صفر")
    if not ok and name in g.bare_hijri_months:
        ok = c.prev(m.start()) in g.bare_month_prep
    if not ok:
        return None
    s, e = m.start("t"), m.end("t")
    if y is None:
        if c.ref is None:
            return Cand(s, e, "DATE", "XXXX", "M")
        today = hijri_today(c.ref)
        if today is None:
            return None
        hy, hmo, hd = today
        if direction == "past":
            y = hy if hm < hmo else hy - 1
        elif direction == "future":
            y = hy if hm > hmo else hy + 1
        elif direction == "current" or hm == hmo:
            y = hy
        elif c.future(s, e) or hm == hmo % 12 + 1:
            y = hy if hm > hmo else hy + 1  # the next month is the one about to come
        else:
            y = hy if hm < hmo else hy - 1
    if d:
        g_date = hijri_date(y, hm, d)
        return Cand(s, e, "DATE", g_date.isoformat(), "D") if g_date else None
    # A Hijri month without a day: the Gregorian month holding its middle.
    mid = hijri_date(y, hm, 15)
    return Cand(s, e, "DATE", f"{mid.year}-{mid.month:02d}", "M") if mid else None


def _h_ordmonth(c: Context, m):
    d = _day_of(c, m.group("d"))
    if not d or not 1 <= d <= 31:
        return None
    direction = c.g.dir.get(key(m.group("dir") or ""), "current")
    s, e = m.start("t"), m.end("t")
    if c.ref is None:
        return Cand(s, e, "DATE", f"XXXX-XX-{d:02d}", "D")
    y, mo = shift_month(c.ref.year, c.ref.month, {"past": -1, "future": 1}.get(direction, 0))
    try:
        return Cand(s, e, "DATE", date(y, mo, d).isoformat(), "D")
    except ValueError:
        return None


def _h_year(c: Context, m):
    y = int(m.group("y"))
    mk = m.group("mk") or ""
    hijri = mk in ("ه", "هجري", "هجريه", "للهجره")
    if not (m.group("kw") or mk):
        if c.prev(m.start()) not in c.g.year_prep:
            return None
    s, e = m.start("t"), m.end("t")
    years = [y] + ([int(m.group("y2"))] if m.group("y2") else [])
    out = []
    for yy in years:
        if hijri:
            mid = hijri_date(yy, 6, 15)
            if mid is None:
                return None
            yy = mid.year
        elif not 1000 <= yy <= 2200 or (not (m.group("kw") or mk) and not 1800 <= yy <= 2100):
            return None
        out.append(f"{yy:04d}")
    return Cand(s, e, "DATE", out[0] if len(out) == 1 else out, "Y")


def _h_rel(c: Context, m):
    unit = (m.group("u1") or m.group("u2") or "").removeprefix("ال")
    direction = "current" if m.group("this") else c.g.dir.get(key(m.group("dir") or ""), "current")
    k = {"past": -1, "future": 1}.get(direction, 0)
    if direction == "new" and c.ref is not None:
        k = 1 if c.ref.month == 12 else 0  # العام الجديد: the coming one in December
    s, e = m.start("t"), m.end("t")
    ref = c.ref
    if ref is None:
        return Cand(s, e, "DATE", {-1: "PAST_REF", 1: "FUTURE_REF"}.get(k, "PRESENT_REF"), "REF")
    if unit in ("عام", "سنه"):
        return Cand(s, e, "DATE", str(ref.year + k), "Y")
    if unit == "شهر":
        y, mo = shift_month(ref.year, ref.month, k)
        return Cand(s, e, "DATE", f"{y}-{mo:02d}", "M")
    if unit == "اسبوع":
        return Cand(s, e, "DATE", iso_week(ref + timedelta(days=7 * k)), "W")
    if unit == "عقد":
        return Cand(s, e, "DATE", str(ref.year // 10 + k), "DE")
    if unit == "قرن":
        return Cand(s, e, "DATE", f"{ref.year // 100 + k:02d}", "CE")
    return None


def _h_weekend(c: Context, m):
    k = {"past": -1, "future": 1}.get(c.g.dir.get(key(m.group("dir") or "")), 0)
    s, e = m.start("t"), m.end("t")
    if c.ref is None:
        return Cand(s, e, "DATE", "XXXX-WXX-WE", "W")
    return Cand(s, e, "DATE", iso_week(c.ref + timedelta(days=7 * k)) + "-WE", "W")


_NEXT_WORD = re.compile(r"\s+([^\s،,.:؛\"'«»()]+)")


def _past_day(c: Context, e: int) -> int | None:
    """`اليوم الماضي`: yesterday (the end of the phrase). `اليوم السابق` is as often the day
    before the story's event: read from publication only under the forward policy; `اليوم
    التالي` is the day after an event, never tomorrow."""
    nm = _NEXT_WORD.match(c.t, e)
    if nm is None or c.g.dir.get(nm.group(1)) != "past":
        return None
    if nm.group(1) in c.g.anaphoric_dirs and c.policy != "forward":
        return None
    return nm.end(1)


def _h_deictic(c: Context, m):
    g = c.g
    w = key(m.group("w"))
    s, e = m.start("t"), m.end("t")
    if w in g.refs:
        return Cand(s, e, "DATE", g.refs[w], "REF")
    if w == "اليوم" and not m.group("wd"):
        past = _past_day(c, m.end("w"))
        if past is not None:
            return Cand(s, past, "DATE", (c.ref - timedelta(days=1)).isoformat() if c.ref else "PAST_REF", "D")
    if w in g.ambiguous_deictics:
        nxt, prev = c.next(m.end("w")), c.prev(m.start())
        if not m.group("wd") and (nxt in g.not_after or prev in g.not_before):
            return None
        if not m.group("wd") and prev in g.media_names and c.prev(m.start() - len(prev) - 1) in g.media_words:
            return None  # قناة روسيا اليوم: a channel's name
        if w == "اليوم" and prev in ("في", "وفي") and not m.group("wd"):
            return None  # في اليوم: "per day" or "on the day (of ...)"
        if w in ("الغد", "غد") and prev not in g.tomorrow_after:
            return None  # الغد is also "the future", غد a name
    if w in g.deictic_days:
        k = g.deictic_days[w]
        if c.ref is None:
            return Cand(s, e, "DATE", {0: "PRESENT_REF"}.get(k, "PAST_REF" if k < 0 else "FUTURE_REF"), "REF")
        return Cand(s, e, "DATE", _named_day(c, m, c.ref + timedelta(days=k)).isoformat(), "D")
    k, part = g.deictic_times[w]
    if c.ref is None:
        return Cand(s, e, "TIME", f"XXXX-XX-XXT{part}", "T")
    return Cand(s, e, "TIME", f"{_named_day(c, m, c.ref + timedelta(days=k)).isoformat()}T{part}", "T")


def _named_day(c: Context, m, day: date) -> date:
    """The day `اليوم`/`أمس` names, moved to the weekday written with it when the two disagree
    (`مساء اليوم الثلاثاء` in a record dated Thursday: the reference is a crawl date or a
    print day late, and the weekday is what the writer saw): the nearest such day."""
    wd = c.g.weekdays.get(key(m.group("wd"))) if m.group("wd") else None
    if wd is None or day.weekday() == wd:
        return day
    back = (day.weekday() - wd) % 7
    return day - timedelta(days=back) if back <= 3 else day + timedelta(days=7 - back)


def _h_weekday(c: Context, m):
    g = c.g
    days = [g.weekdays[key(x)] for x in g.wd_rx.findall(m.group("wds")) if key(x) in g.weekdays]
    if not days:
        return None
    s, e = m.start("t"), m.end("t")
    prev, nxt = c.prev(m.start()), c.next(m.end())
    if prev in g.not_weekday_before:
        return None  # سوق الثلاثاء: a name
    if len(days) == 1 and not m.group("dir") and nxt in g.ordinal_heads:
        _, rx, _ = g.by_name["wdord"]  # `السبت السادس عشر`: tried only where an ordinal follows
        om = rx.match(c.t, m.start())
        x = _h_wdord(c, om) if om else None
        if x is not None:
            return x
    if not m.group("yom") and len(days) == 1:
        first = key(m.group("wds"))
        if first.startswith("الاحد") and nxt in g.ten_words:
            return None
        if first == "الاحد" and prev in g.not_ahad_before:
            return None
        if first == "الاثنين" and not m.group("dir"):
            # `الاثنين` is also "the two": a weekday only after a verb-like or time word,
            # never after a dual/plural noun or بين/كلا/هذين.
            if prev in g.two_before or re.search(r"(?:ين|ان|ون|ات)$", prev):
                if prev not in g.two_before_ok and not prev.startswith(g.two_before_ok_prefixes):
                    return None
            if nxt in g.two_after:
                return None
    direction = g.dir.get(key(m.group("dir") or ""))
    if c.ref is None:
        vals = [f"XXXX-WXX-{d + 1}" for d in days]
    else:
        vals = [weekday_date(c, d, s, e, direction).isoformat() for d in days]
        if len(vals) > 1 and direction is None:
            # coordinated days run forward from the first one
            first = date.fromisoformat(vals[0])
            vals = [(first + timedelta(days=(d - days[0]) % 7)).isoformat() for d in days]
    return Cand(s, e, "DATE", vals[0] if len(vals) == 1 else vals, "D")


def _h_wdord(c: Context, m):
    """`السبت السادس عشر`: the weekday and the day of the month pin the date to the month,
    around publication, where that day is that weekday (the nearest one). Days up to the fifth
    are left to the n-th weekday reading (`الجمعة الأولى`: the first Friday)."""
    d = c.g.ordinals.get(key(m.group("d")))
    wd = c.g.weekdays.get(key(m.group("wd")))
    if not d or d <= 5 or wd is None or c.ref is None:
        return None
    ref = c.ref
    opts = []
    for k in (-1, 0, 1):
        y, mo = shift_month(ref.year, ref.month, k)
        try:
            x = date(y, mo, d)
        except ValueError:
            continue
        if x.weekday() == wd:
            opts.append(x)
    if not opts:
        return None
    got = min(opts, key=lambda x: abs((x - ref).days))
    return Cand(m.start("t"), m.end("t"), "DATE", got.isoformat(), "D")


def _h_wdweek(c: Context, m):
    direction = "current" if m.group("this") else c.g.dir.get(key(m.group("dir") or ""))
    if direction not in ("past", "future", "current"):
        return None
    wd = c.g.weekdays.get(key(m.group("wd")))
    if wd is None:
        return None
    s, e = m.start("t"), m.end("t")
    if c.ref is None:
        return Cand(s, e, "DATE", f"XXXX-WXX-{wd + 1}", "D")
    monday = c.ref - timedelta(days=c.ref.weekday()) + timedelta(weeks={"past": -1, "future": 1}.get(direction, 0))
    return Cand(s, e, "DATE", (monday + timedelta(days=wd)).isoformat(), "D")


def _h_nthwd(c: Context, m):
    g = c.g
    n = g.nth_before.get(key(m.group("o1") or "")) or g.nth_after.get(key(m.group("o2") or ""))
    wd = g.nth_weekdays.get(key(m.group("wd1") or m.group("wd2") or ""))
    if n is None or wd is None:
        return None
    s, e = m.start("t"), m.end("t")
    y = int(m.group("y")) if m.group("y") else None
    if m.group("mon"):
        mon = g.months.get(key(m.group("mon")))
    elif m.group("mnum"):
        raw = key(m.group("mnum"))
        x = int(raw) if raw.isdigit() else number_value(raw)
        mon = int(x) if x is not None and x == int(x) else None
    elif m.group("mord"):
        mon = g.month_ordinals.get(key(m.group("mord")))
    else:
        if c.ref is None:
            return None
        words = key(m.group("mrel")).split()
        k = 0 if words[0] == "هذا" else {"past": -1, "future": 1}.get(g.dir.get(" ".join(words[1:])), 0)
        y, mon = shift_month(c.ref.year, c.ref.month, k)
    if not mon or not 1 <= mon <= 12:
        return None
    if y is None and m.group("rel"):
        y = rel_year(c, key(m.group("rel")))
    if y is None:
        if c.ref is None:
            return None
        y = month_year(c, mon, s, e, None)
    if n > 0:
        first = date(y, mon, 1)
        day = first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
        if day.month != mon:
            return None
    else:
        y2, m2 = shift_month(y, mon, 1)
        last = date(y2, m2, 1) - timedelta(days=1)
        day = last - timedelta(days=(last.weekday() - wd) % 7)
    return Cand(s, e, "DATE", day.isoformat(), "D")


def _h_nthunit(c: Context, m):
    """The n-th or last day or (Monday-to-Sunday) week of a month. A week of the month is
    one that lies in it whole: the first opens on its first Monday, the last closes on its
    last Sunday."""
    g = c.g
    n = g.nth_before.get(key(m.group("o1") or "")) or g.nth_after.get(key(m.group("o2") or ""))
    mon = _month_of(c, m)
    if n is None or not mon:
        return None
    week = "اسبوع" in (m.group("u1") or m.group("u2"))
    s, e = m.start("t"), m.end("t")

    def day_in(y: int) -> date | None:  # the day, or the week's Monday, in year y
        y2, m2 = shift_month(y, mon, 1)
        first, last = date(y, mon, 1), date(y2, m2, 1) - timedelta(days=1)
        if not week:
            return last if n < 0 else date(y, mon, n) if n <= last.day else None
        if n < 0:
            return last - timedelta(days=(last.weekday() + 1) % 7 + 6)
        monday = first + timedelta(days=(-first.weekday()) % 7 + 7 * (n - 1))
        return monday if monday + timedelta(days=6) <= last else None

    y = int(m.group("y")) if m.group("y") else rel_year(c, key(m.group("rel"))) if m.group("rel") else None
    direction = g.dir.get(key(m.group("dir") or ""))
    if y is not None:
        got = day_in(y)
    elif c.ref is None:
        return None
    elif direction in ("past", "future"):
        # `الأسبوع الأول من مارس الماضي` on 19 March: the latest such week before publication
        opts = [x for yy in (c.ref.year - 1, c.ref.year, c.ref.year + 1) if (x := day_in(yy)) is not None]
        if direction == "past":
            got = max((x for x in opts if x < c.ref), default=None)
        else:
            got = min((x for x in opts if x > c.ref), default=None)
    else:
        got = day_in(month_year(c, mon, s, e, direction))
    if got is None:
        return None
    return Cand(s, e, "DATE", iso_week(got) if week else got.isoformat(), "W" if week else "D")


_AFTER_DAY = ("holiday", "dmy", "numdate")


def _h_nthafter(c: Context, m):
    """`ثالث ثلاثاء بعد كريسماس 2014`: the n-th such weekday after the day that follows."""
    g = c.g
    n = g.nth_before.get(key(m.group("o")))
    wd = g.nth_weekdays.get(key(m.group("wd")))
    if not n or n < 0 or wd is None:
        return None
    for name in _AFTER_DAY:
        _, rx, h = g.by_name[name]
        mm = rx.match(c.t, m.end())
        x = h(c, mm) if mm else None
        if x is not None and isinstance(x.value, str) and len(x.value) == 10 and x.value[0].isdigit():
            day = date.fromisoformat(x.value)
            got = day + timedelta(days=(wd - day.weekday() - 1) % 7 + 1 + 7 * (n - 1))
            return Cand(m.start("t"), x.e, "DATE", got.isoformat(), "D")
    return None


def _zone_suffix(c: Context, m, day: date | None) -> str:
    if not m.group("z"):
        return ""
    zn = key(m.group("zn"))
    if zn == "المحلي":
        return ""
    zone = c.g.zones.get(zn)
    if zone == "UTC":
        off = m.group("zo")
        if off:
            h = int(off.replace(" ", "")[1:])
            return f"{off.strip()[0]}{h:02d}:00"
        return "Z"
    if zone and day is not None:
        try:
            delta = ZoneInfo(zone).utcoffset(datetime(day.year, day.month, day.day, 12))
        except Exception:
            return ""
        mins = int(delta.total_seconds() // 60)
        sign = "+" if mins >= 0 else "-"
        return f"{sign}{abs(mins) // 60:02d}:{abs(mins) % 60:02d}"
    return ""


def _apply_ap(c: Context, h: int, ap: str | None) -> int | None:
    if ap:
        shift = c.g.ap.get(key(ap).lower())
        if shift:
            if shift[0] == 12 and h < 12:
                if key(ap) in c.g.noon_words and h >= 11:
                    pass
                else:
                    h += 12
            elif shift[0] == 0 and h == 12:
                h = 0
    return h if 0 <= h <= 24 else None


def _h_clock(c: Context, m):
    if m.group("sep") in ".," and not (m.group("kw") or m.group("ap")):
        return None
    h, mi = int(m.group("h")), int(m.group("mi"))
    if mi > 59:
        return None
    bare = not m.group("ap") and h < 12 and not m.group("h").startswith("0")  # 08:00 is a 24-hour clock
    h = _apply_ap(c, h, m.group("ap"))
    if h is None:
        return None
    return _clock_cand(c, m, h, mi, bare)


def _clock_cand(c: Context, m, h: int, mi: int, bare: bool = False):
    """A clock time waiting for its day; `bare`: an hour under 12 with no part of day, which
    the forward policy reads as the next such time after the reference time."""
    zone = _zone_suffix(c, m, c.ref)
    sec = m.groupdict().get("sec")
    if sec and sec != "00":
        zone = f":{sec}{zone}"  # the anchor's suffix: seconds, then the zone
    return Cand(m.start("t"), m.end("t"), "TIME", None, "T", anchor=(h, mi, zone, bare))


def _h_clockw(c: Context, m):
    g = c.g
    if not m.group("kw") and not m.group("ap") and not (
            m.group("hw").startswith("ال") and c.prev(m.start("t")) in ("من", "ومن")
            and c.next(m.end("t")) in ("الي", "حتي", "وحتي")):
        return None  # `الخامسة` alone is an ordinal; `الخامسة مساء`, `من الثالثة حتى …` are times
    hw = key(m.group("hw"))
    if m.group("kw") == "ساعه" and not (hw.isdigit() or hw.startswith("ال") or m.group("ap")):
        return None  # `ساعة واحدة`, `ساعة ونصف`: a duration
    h = int(hw) if hw.isdigit() else g.hours.get(hw)
    if h is None:
        return None
    mi = 0
    if m.group("mw"):
        mi = g.minutes[key(m.group("mw"))]
    elif m.group("mn"):
        mi = int(m.group("mn"))
    elif m.group("mnw"):
        n = number_value(key(m.group("mnw")))
        if n is None or n != int(n):
            return None
        mi = int(n)
    if m.group("minus"):
        mi = 60 - g.minus[key(m.group("minus"))]
        h -= 1
    bare = not m.group("ap") and h < 12 and not hw.startswith("0")
    h = _apply_ap(c, h, m.group("ap"))
    if h is None or mi > 59:
        return None
    return _clock_cand(c, m, h, mi, bare)


def _h_clockword(c: Context, m):
    hh, mm = c.g.clock_words[key(m.group("cw"))].split(":")
    return Cand(m.start("t"), m.end("t"), "TIME", None, "T", anchor=(int(hh), int(mm), "", False))


_SPAN_PREPS = {"قبل", "بعد"}
_YEAR_IN_TEXT = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?![\d/:.-]\d)")
_SENTENCE_END = re.compile(r"[.!؟?\n]")


def _event_year(c: Context, s: int) -> int | None:
    """`اندلعت الثورة في 2011. وبعد سبع سنوات ...`: a `بعد N سنوات` that opens its sentence,
    in a clause that is not about the future, counts from the last year written in the
    sentence before (the event's), not from the publication date."""
    t = c.t
    k = s - 1
    if k >= 0 and t[k] in "وف":
        k -= 1
    while k >= 0 and t[k] == " ":
        k -= 1
    if k < 0 or not _SENTENCE_END.match(t[k]):
        return None
    if c.future(s, s + 1):
        return None
    prev_start = max((m.end() for m in _SENTENCE_END.finditer(t, 0, max(0, k))), default=0)
    years = [int(m.group(1)) for m in _YEAR_IN_TEXT.finditer(t, prev_start, k)]
    return years[-1] if years and (c.ref is None or years[-1] < c.ref.year) else None


_PERCENT_WORDS = ("الميه", "المايه")  # المئة, المائة as the scanned text spells them


def _duration_cand(c: Context, m, n: float | None, unit: str):
    g = c.g
    prep = key(m.group("prep") or "")
    q = g.quant.get(key(m.group("q") or "")) if m.group("q") else None
    s, e = m.start("t"), m.end("t")
    if c.t.startswith(_PERCENT_WORDS, s) and c.t[max(0, s - 3):s] == "في ":
        return None  # `71 في المئة عام 2004`: a percentage, then a year; not a hundred years
    has_dir = "dir" in m.re.groupindex and m.group("dir")
    if unit in g.ambiguous_units and not (prep or q or has_dir) and not c.t.startswith(" من الزمن", e):
        return None
    if prep == "مده" and s and c.t[s - 1] == "ل":
        s -= 1  # لمدة: keep the preposition whole
    if prep in _SPAN_PREPS:
        s = m.start("q") if m.group("q") else m.start("t") + len(m.group("prep"))
        while c.t[s] == " ":
            s += 1
        nxt = c.next(e)
        ago = prep == "قبل" or nxt not in ("من", "على", "علي")
        if ago and not unit.startswith("T") and n is not None and n == int(n) and c.ref is not None and not q:
            k = -int(n) if prep == "قبل" else int(n)
            ref = c.ref
            s0 = m.start("prep")
            if unit == "D":
                return Cand(s0, e, "DATE", (ref + timedelta(days=k)).isoformat(), "D")
            if unit == "W":
                return Cand(s0, e, "DATE", iso_week(ref + timedelta(days=7 * k)), "W")
            if unit == "M":
                y, mo = shift_month(ref.year, ref.month, k)
                return Cand(s0, e, "DATE", f"{y}-{mo:02d}", "M")
            if unit == "Y":
                anchor = _event_year(c, s0) if prep == "بعد" else None
                return Cand(s0, e, "DATE", str((anchor or ref.year) + k), "Y")
        if ago and n is None and prep == "قبل":
            return Cand(m.start("prep"), e, "DATE", "PAST_REF", "REF")
    return Cand(s, e, "DURATION", duration(n, unit), "DUR", mod=q)


def _h_dur(c: Context, m):
    unit = c.g.units.get(key(m.group("unit")))
    raw = key(m.group("num"))
    if raw.startswith("ال"):
        raw = raw[2:]
    if raw in c.g.fractions:
        n = c.g.fractions[raw]
    else:
        n = float(raw.replace(",", ".")) if re.fullmatch(r"\d+(?:[.,]\d+)?", raw) else number_value(raw)
    if unit is None or n is None or n <= 0 or n > 5000:
        return None
    if n >= 1000 and unit != "D":  # `3 آلاف سنة` reads fine, `2019 عاما` does not
        return None
    return _duration_cand(c, m, n, unit)


def _h_dual(c: Context, m):
    unit = c.g.units.get(key(m.group("unit")))
    if unit is None:
        return None
    if m.group("al") and not m.group("dir"):
        return None
    return _duration_cand(c, m, 2, unit)


def _h_plural(c: Context, m):
    unit = c.g.units.get(key(m.group("unit")))
    if unit is None:
        return None
    n = None
    if m.group("num"):
        raw = key(m.group("num"))
        raw = raw[2:] if raw.startswith("ال") else raw
        n = float(raw) if raw.isdigit() else number_value(raw)
        if n is None:
            return None
    return _duration_cand(c, m, n, unit)


def _h_vague(c: Context, m):
    if not (m.group("prep") or m.group("vc") or m.group("q")):
        return None
    unit = c.g.units.get(key(m.group("unit")))
    if unit is None:
        return None
    return _duration_cand(c, m, None, unit)


def _h_whole(c: Context, m):
    unit = c.g.units.get(key(m.group("unit")))
    return Cand(m.start("t"), m.end("t"), "DURATION", duration(1, unit), "DUR") if unit else None


def _h_one(c: Context, m):
    unit = c.g.units.get(key(m.group("unit")))
    if unit is None:
        return None
    return _duration_cand(c, m, 1, unit)


def _h_set(c: Context, m):
    g = c.g
    s, e = m.start("t"), m.end("t")
    if m.group("adv"):
        return Cand(s, e, "SET", g.sets[key(m.group("adv"))], "SET")
    if m.group("wd"):
        return Cand(s, e, "SET", f"XXXX-WXX-{g.weekdays[key(m.group('wd'))] + 1}", "SET")
    uw = key(m.group("unit"))
    unit = g.units.get(uw)
    if unit is None:
        return None
    n = 2 if g.unit_kind.get(uw) == "dual" else 1
    if m.group("num"):
        raw = key(m.group("num"))
        n = int(raw) if raw.isdigit() else number_value(raw)
        if not n:
            return None
    elif g.unit_kind.get(uw) == "plural":
        return None  # كل الأيام, كل سنوات: not a frequency
    return Cand(s, e, "SET", duration(n, unit), "SET")


def _h_decade(c: Context, m):
    d = c.g.decades.get(key(m.group("dec")))
    if d is None:
        return None
    cent = 19
    tail = key(m.group("cent") or "")
    if tail:
        rest = tail.split(" ", 1)[1]
        if rest in c.g.ordinals:
            cent = c.g.ordinals[rest] - 1
        elif c.g.dir.get(rest) == "current" and c.ref is not None:
            cent = c.ref.year // 100
    return Cand(m.start("t"), m.end("t"), "DATE", f"{cent}{d}", "DE")


def _h_century(c: Context, m):
    s, e = m.start("t"), m.end("t")
    if m.group("ord"):
        n = c.g.ordinals.get(key(m.group("ord")))
    elif m.group("cd"):
        n = int(m.group("cd"))
    else:
        if c.ref is None:
            return None
        k = {"past": -1, "future": 1}.get(c.g.dir.get(key(m.group("dir"))), 0)
        n = c.ref.year // 100 + 1 + k
    if not n or not 1 <= n <= 22:
        return None
    return Cand(s, e, "DATE", f"{n - 1:02d}", "CE")


def _h_quarter(c: Context, m):
    kind = "Q" if m.group("k") == "ربع" else "H"
    o = c.g.qord.get(key(m.group("o")))
    if kind == "H":
        o = 2 if o == 4 else o
        if o not in (1, 2):
            return None
    yr = m.group("yr")
    if yr:
        yr = key(yr)
        digits = re.search(r"\d{4}", yr)
        y = int(digits.group()) if digits else rel_year(c, yr)
    else:
        if c.next(m.end()) == "من":
            return None  # النصف الأول من المباراة
        y = c.ref.year if c.ref else None
    return Cand(m.start("t"), m.end("t"), "DATE", f"{y if y else 'XXXX'}-{kind}{o}", kind)


_SEASON_ORDER = ("SP", "SU", "FA", "WI")  # WI of year Y runs from December Y


def _h_season(c: Context, m):
    code = c.g.seasons.get(key(m.group("sn")))
    if code is None:
        return None
    direction = c.g.dir.get(key(m.group("dir") or ""))
    if m.group("this"):
        direction = "current"
    s, e = m.start("t"), m.end("t")
    if m.group("y"):
        return Cand(s, e, "DATE", f"{m.group('y')}-{code}", "S")
    if m.group("rel"):
        y = rel_year(c, key(m.group("rel")))
        return Cand(s, e, "DATE", f"{y if y else 'XXXX'}-{code}", "S")
    if not direction:
        # فصل الصيف with no direction is the season in general
        return Cand(s, e, "DATE", f"XXXX-{code}", "S") if m.group("fasl") else None
    if c.ref is None:
        return Cand(s, e, "DATE", f"XXXX-{code}", "S")
    ref = c.ref
    cur_y = ref.year if ref.month >= 3 else ref.year - 1
    cur = cur_y * 4 + ((ref.month - 3) // 3 if ref.month >= 3 else 3)
    k = _SEASON_ORDER.index(code)
    same_year = cur_y * 4 + k
    if direction == "past":
        idx = same_year if same_year < cur else same_year - 4
    elif direction == "future":
        idx = same_year if same_year > cur else same_year + 4
    else:
        idx = same_year
    return Cand(s, e, "DATE", f"{idx // 4}-{_SEASON_ORDER[idx % 4]}", "S")


def _easter(y: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, cc = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = cc // 4, cc % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    mo = (h + l - 7 * m + 114) // 31
    return date(y, mo, (h + l - 7 * m + 114) % 31 + 1)


def _holiday_in(kind: str, md: str | None, y: int) -> list[date]:
    """The holiday's days in Gregorian year `y` (a lunar one may fall twice, or once)."""
    if kind == "E":
        return [_easter(y)]
    mo, d = map(int, md.split("-"))
    if kind == "G":
        try:
            return [date(y, mo, d)]
        except ValueError:
            return []
    h0 = int((y - 622) * 33 / 32)
    out = [g for hy in range(h0 - 1, h0 + 3) if (g := hijri_date(hy, mo, d)) is not None and g.year == y]
    return sorted(out)


def _h_holiday(c: Context, m):
    kind, md = c.g.holidays[key(m.group("hol"))]
    s, e = m.start("t"), m.end("t")
    if m.group("y"):
        days = _holiday_in(kind, md, int(m.group("y")))
        return Cand(s, e, "DATE", days[0].isoformat(), "D") if days else None
    if c.ref is None:
        return None
    ref = c.ref
    days = [x for y in (ref.year - 1, ref.year, ref.year + 1) for x in _holiday_in(kind, md, y)]
    if not days:
        return None
    fut = [x for x in days if x >= ref]
    past = [x for x in days if x < ref]
    direction = c.g.dir.get(key(m.group("dir") or ""))
    if direction == "past" and past:
        pick = past[-1]
    elif direction == "future" and fut:
        pick = fut[0]
    elif c.policy == "forward" or c.future(s, e) or not past:
        pick = fut[0] if fut else past[-1]
    else:
        soon = [x for x in fut if x <= ref + timedelta(days=7)]
        pick = soon[0] if soon else past[-1]
    return Cand(s, e, "DATE", pick.isoformat(), "D")


HANDLERS = {
    "numdate": _h_numdate, "wdnum": _h_wdnum, "dmy": _h_dmy, "mdd": _h_dmy, "month": _h_month, "hijri": _h_hijri, "ordmonth": _h_ordmonth,
    "year": _h_year, "rel": _h_rel, "weekend": _h_weekend, "deictic": _h_deictic, "weekday": _h_weekday, "wdweek": _h_wdweek, "nthwd": _h_nthwd,
    "nthunit": _h_nthunit, "nthafter": _h_nthafter, "wdord": _h_wdord,
    "clock": _h_clock, "clockw": _h_clockw, "clockword": _h_clockword, "dur": _h_dur, "dual": _h_dual,
    "plural": _h_plural, "vague": _h_vague, "one": _h_one, "whole": _h_whole, "throughout": _h_whole, "set": _h_set, "decade": _h_decade,
    "century": _h_century, "quarter": _h_quarter, "season": _h_season, "holiday": _h_holiday,
}

