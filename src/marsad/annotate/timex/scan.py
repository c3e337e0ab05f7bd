"""The pass: find the candidates of every pattern at the words that can open it, keep the
longest that do not overlap, attach what sits just before them and anchor clock times to
a day, then write the expressions, in the original text's offsets, to the Article.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from ...arabic.offsets import normalize_with_index
from ...article import Article, Timex
from .grammar import Grammar, key
from .handlers import HANDLERS
from .resolve import Cand, Context


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    return Grammar(HANDLERS)


def _select(cands: list[Cand]) -> list[Cand]:
    """Longest first, then earlier rule; keep what does not overlap."""
    cands.sort(key=lambda x: (-(x.e - x.s), x.rank, x.s))
    taken: list[Cand] = []
    for x in cands:
        if all(x.e <= y.s or x.s >= y.e for y in taken):
            taken.append(x)
    taken.sort(key=lambda x: x.s)
    return taken


def _is_day(x: Cand) -> bool:
    return x.gran == "D" and isinstance(x.value, str) and len(x.value) == 10 and x.value[4] == "-"


_GAP_AFTER_CLOCK = re.compile(r"\s*[،,]?\s*(?:من\s+)?(?:يوم\s+)?")
_GAP_BEFORE_CLOCK = re.compile(r"\s*[،,]?\s*(?:في\s+|من\s+)?(?:تمام\s+)?(?:عند\s+)?")


def _attach(c: Context, xs: list[Cand]) -> list[Cand]:
    g, t = c.g, c.t
    for i, x in enumerate(xs):
        lo = xs[i - 1].e if i else 0
        if x.type == "DATE" and (_is_day(x) or x.value in ("PRESENT_REF",)):
            pm = g.pod_before.search(t, max(lo, x.s - 20), x.s)
            if pm:
                day = x.value if _is_day(x) else "XXXX-XX-XX"
                x.s = pm.start("w")
                x.type, x.gran = "TIME", "T"
                x.value = f"{day}T{g.pod[key(pm.group('w'))]}"
        if x.type == "DATE" and x.gran in ("M", "Y", "W", "DE", "CE", "D", "Q", "H"):
            mm = g.mod_before.search(t, max(lo, x.s - 15), x.s)
            mw = key(mm.group("w")) if mm else ""
            if mm and not (x.gran == "D" and mw == "اول") and not (x.gran != "M" and mw in g.month_only_mods):
                x.s = mm.start("w")
                x.mod = g.mods[key(mm.group("w"))]
        if x.type in ("DATE", "TIME"):
            em = g.earlier_before.search(t, max(lo, x.s - 25), x.s)
            if em:
                x.s = em.start("w")
    # clock times: take the day next to them, else the publication day
    out: list[Cand] = []
    skip = set()
    for i, x in enumerate(xs):
        if i in skip:
            continue
        if x.anchor is None:
            out.append(x)
            continue
        h, mi, zone, bare = x.anchor
        day = None
        if i + 1 < len(xs):
            y = xs[i + 1]
            gap = _GAP_AFTER_CLOCK.match(t, x.e)
            if gap and gap.end() == y.s and (_is_day(y) or (y.type == "TIME" and isinstance(y.value, str) and "T" in y.value and not y.anchor)):
                day = y.value[:10]
                x.e = y.e
                skip.add(i + 1)
        if day is None and out and _is_day(out[-1]):
            p = out[-1]
            gap = _GAP_BEFORE_CLOCK.match(t, p.e)
            if gap and gap.end() == x.s:
                day = p.value
                x.s = p.s
                out.pop()
        if day is None:
            day = c.ref.isoformat() if c.ref else "XXXX-XX-XX"
            if bare and not zone and c.policy == "forward" and c.now is not None and (h, mi) <= c.now < (h + 12, mi):
                h += 12  # `الساعة 3` at 04:30: the next three o'clock, 15:00
        x.value = f"{day}T{h:02d}:{mi:02d}{zone}"
        x.anchor = None
        out.append(x)
    return out


_HOLIDAY_DATE_GAP = re.compile(r"\s*[،,]?\s*(?:(?:الذي|التي)\s+)?(?:يصادف\s+|يوافق\s+|الموافق\s+)?(?:في|يوم)\s+")


def _dated_holidays(c: Context, xs: list[Cand]) -> list[Cand]:
    """`يحتفل المسيحيون بعيد الفصح في 31 مارس`: a holiday followed by the day it falls on
    names the occasion; the day written after it is its time (and wins where calendars
    differ: `عيد الميلاد في 7 يناير`)."""
    holiday = c.g.by_name["holiday"][0]
    out = []
    for i, x in enumerate(xs):
        if x.rank == holiday and i + 1 < len(xs) and _is_day(xs[i + 1]):
            gap = _HOLIDAY_DATE_GAP.match(c.t, x.e)
            if gap and gap.end() == xs[i + 1].s:
                continue
        out.append(x)
    return out


_RANGE_GAP = re.compile(r"\s*(?:-|–|الي|حتي|وحتي|لغايه|ولغايه|و?الى\s+غايه)\s*")
_RANGE_FROM = re.compile(r"(?:(?:خلال|في)\s+(?:ال)?فتره\s+)?(?:[وف]?(?:من|بين))\s+$")
_HOUR = re.compile(r"T(\d\d):")


def _has_digit_or_clock(c: Context, x: Cand) -> bool:
    return x.type == "TIME" or any(ch.isdigit() for ch in c.t[x.s:x.e])


def _ranges(c: Context, xs: list[Cand]) -> list[Cand]:
    """`من 13 تموز الى 15 تموز`, `من الثالثة حتى الخامسة عصرا`, `خلال الفترة من … حتى …`:
    two days (written with numbers) or two clock times joined by الى/حتى/- become one
    START/END value. A later hour past noon lends its afternoon to an earlier bare one."""
    out: list[Cand] = []
    i = 0
    while i < len(xs):
        x = xs[i]
        y = xs[i + 1] if i + 1 < len(xs) else None
        if (y is not None and isinstance(x.value, str) and isinstance(y.value, str)
                and ((_is_day(x) and _is_day(y) and _has_digit_or_clock(c, x) and _has_digit_or_clock(c, y))
                     or (x.type == y.type == "TIME" and _HOUR.search(x.value) and _HOUR.search(y.value)))):
            gap = _RANGE_GAP.match(c.t, x.e)
            if gap and gap.end() == y.s:
                a, b = x.value, y.value
                if x.type == "DATE" and a[:4] != b[:4] and not re.search(r"\d{4}", c.t[x.s:x.e]):
                    a = b[:4] + a[4:]  # `من 3 آذار حتى 7 آذار 2024`: the year written once, at the end
                    if a > b:
                        a = f"{int(b[:4]) - 1}{a[4:]}"
                if x.type == "TIME":
                    ha, hb = int(_HOUR.search(a).group(1)), int(_HOUR.search(b).group(1))
                    if hb >= 12 and ha < 12 and ha + 12 <= hb:
                        a = f"{a[:a.index('T')]}T{ha + 12:02d}{a[a.index('T') + 3:]}"
                    if b[:10] != a[:10] and b[:10] == (c.ref.isoformat() if c.ref else b[:10]):
                        b = a[:10] + b[10:]  # the second clock time is on the first one's day
                if a < b:
                    fm = _RANGE_FROM.search(c.t, max(0, x.s - 25), x.s)
                    s = fm.start() if fm else x.s
                    out.append(Cand(s, y.e, x.type, f"{a}/{b}", "I"))
                    i += 2
                    continue
        if isinstance(x.value, str) and "/" in x.value:  # `من 13 الى 15 تموز`: the من is the range's
            fm = _RANGE_FROM.search(c.t, max(0, x.s - 25), x.s)
            if fm and fm.start() >= (out[-1].e if out else 0):
                x.s = fm.start()
        out.append(x)
        i += 1
    return out


_TRAILING = set("\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")


def find(text: str, ref: date | None, policy: str = "news", now: tuple[int, int] | None = None) -> list[Timex]:
    """Every time expression in `text`, resolved against the date `ref` (may be None).

    `policy` is how a bare weekday, month or year-less date is placed: `news` (the default)
    takes the tense of its clause and otherwise the past, as news mostly reports; `forward`
    takes the next one, as the peer suites (Duckling) resolve them. `now` (hour, minute) is
    the reference time of day, if known: under `forward` a bare clock hour already past
    (`الساعة 3` at 04:30) is the afternoon one."""
    g = grammar()
    norm, orig = normalize_with_index(text)
    c = Context(g, norm, ref, policy, now)
    cands: list[Cand] = []
    cache, next_match = g.cache, g.next_rx.match
    for w in g.word_rx.finditer(norm):
        word = w.group()
        hit = cache[word] if word in cache else g.starters_for(word)
        if hit is None:
            continue
        entries, nexts = hit
        if nexts is not None:
            nm = next_match(norm, w.end())
            if nm is None or nm.group(1) not in nexts:
                continue
        p = w.start()
        for rank, match, h in entries:
            m = match(norm, p)
            if m is not None:
                x = h(c, m)
                if x is not None:
                    x.rank = rank
                    cands.append(x)
    xs = _ranges(c, _dated_holidays(c, _attach(c, _select(cands))))
    out = []
    for x in xs:
        s, e = x.s, x.e
        while e > s and norm[e - 1] in " ،,":
            e -= 1
        if orig is not None:
            s, e = orig(s), orig(e - 1) + 1
            while e < len(text) and text[e] in _TRAILING:
                e += 1
        out.append(Timex(text[s:e], s, e, x.type, x.value, x.mod))
    return out


def reference_date(published: str | None) -> date | None:
    """The calendar day of an ISO 8601 publication time, in its own offset (None if unusable)."""
    if not published:
        return None
    try:
        d = datetime.fromisoformat(published.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            d = date.fromisoformat(published[:10])
        except ValueError:
            return None
    return d if 1800 <= d.year <= 2200 else None  # keeps the date arithmetic in range


def reference_time(published: str | None) -> tuple[int, int] | None:
    """The (hour, minute) of an ISO 8601 publication time that has one, in its own offset."""
    if not published or "T" not in published:
        return None
    try:
        t = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return None
    return t.hour, t.minute


def annotate(article: Article, policy: str = "news") -> Article:
    p = article.published
    article.timexes = find(article.text, reference_date(p), policy, reference_time(p))
    return article

