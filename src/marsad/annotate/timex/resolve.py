"""Values against the publication date: calendar arithmetic, the candidate a handler
proposes, and the context that tells a bare month or weekday its year or week from the
tense of its clause.
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from ...arabic import parse_number
from ...options import TIME_POLICIES
from .grammar import Grammar


def shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


@lru_cache(maxsize=4096)
def hijri_date(y: int, m: int, d: int) -> date | None:
    try:
        from hijridate import Hijri

        return Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None


@lru_cache(maxsize=4096)
def hijri_today(ref: date) -> tuple[int, int, int] | None:
    try:
        from hijridate import Gregorian

        h = Gregorian(ref.year, ref.month, ref.day).to_hijri()
        return h.year, h.month, h.day
    except (ValueError, OverflowError):
        return None


@lru_cache(maxsize=4096)
def number_value(text: str) -> float | None:
    words = text.replace("ال", "", 1).split() if text.startswith("ال") else text.split()
    n = parse_number(words)
    if n is None or n.length != len(words) or n.kind == "ordinal":
        return None
    return n.value


def _fmt_n(x: float) -> str:
    return str(int(x)) if x == int(x) else str(round(x, 2))


def duration(n: float | None, unit: str) -> str:
    if n is not None and n != int(n) and unit in ("TH", "Y"):
        n, unit = n * (60 if unit == "TH" else 12), ("TM" if unit == "TH" else "M")  # نصف ساعة → PT30M
    q = "X" if n is None else _fmt_n(n)
    if unit.startswith("T"):
        return f"PT{q}{unit[1]}"
    return f"P{q}{unit}"


# -- candidates -------------------------------------------------------------


class Cand:
    __slots__ = ("s", "e", "type", "value", "mod", "gran", "rank", "anchor")

    def __init__(self, s, e, type_, value, gran, mod=None, anchor=None):
        self.s, self.e, self.type, self.value, self.gran, self.mod = s, e, type_, value, gran, mod
        self.rank = 0
        self.anchor = anchor  # for clock times: (h, m, zone-suffix, bare hour) waiting for a day


class Context:
    def __init__(self, g: Grammar, t: str, ref: date | None, policy: str = "news",
                 now: tuple[int, int] | None = None) -> None:
        self.g, self.t, self.ref, self.policy, self.now = g, t, ref, policy, now

    def prev(self, s: int) -> str:
        t = self.t
        j = s
        while j > 0 and t[j - 1].isspace():
            j -= 1
        k = j
        while k > 0 and not t[k - 1].isspace() and j - k < 30:
            k -= 1
        return t[k:j].strip("،,.:؛\"'«»()")

    def next(self, e: int) -> str:
        m = self.g.next_word.match(self.t[e:e + 30])
        return m.group(1).strip("،,.:؛\"'«»()") if m else ""

    def _clause_start(self, s: int) -> int:
        """Where the clause holding `s` begins: after the last stop or comma, at most 120 back."""
        t = self.t
        a = max(0, s - 120)
        for ch in ".!؟?\n؛،":
            k = t.rfind(ch, a, s)
            if k >= 0:
                a = max(a, k + 1)
        return a

    def past_perfect(self, s: int) -> bool:
        """Does the clause before `s` tell of what had happened (`وكانت القمة قد عقدت في`)?"""
        return self.g.past_perfect.search(self.t, self._clause_start(s), s) is not None

    def future(self, s: int, e: int) -> bool:
        """Does the clause around [s, e) speak of the future?"""
        t = self.t
        a = self._clause_start(s)
        b = min(len(t), e + 60)
        for ch in ".!؟?\n؛،":
            k = t.find(ch, e, b)
            if k >= 0:
                b = min(b, k)
        sub = self.g.subordinator.search(t, e, b)
        if sub:
            b = sub.start()
        for lo, hi in ((a, s), (e, b)):
            for m in self.g.future.finditer(t, lo, hi):
                sv = m.group("sv")
                if sv is None or (sv not in self.g.not_future and not sv.endswith(("ات", "يه"))):
                    return True
        return False


POLICIES = TIME_POLICIES  # defined with the option that carries them


def day_guess(c: Context, m: int, d: int, s: int, e: int, direction: str | None) -> date | None:
    """Year for a day and month written without one."""
    ref = c.ref
    opts = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            opts.append(date(y, m, d))
        except ValueError:
            pass
    if not opts:
        return None
    if direction == "past":
        past = [o for o in opts if o < ref]
        return past[-1] if past else None
    if direction == "future":
        fut = [o for o in opts if o > ref]
        return fut[0] if fut else None
    if direction == "current":
        return next((o for o in opts if o.year == ref.year), None)
    if c.policy == "forward":
        # the peer suites' reading: this month or later this year, else next year
        return next((o for o in opts if (o.year, o.month) >= (ref.year, ref.month)), opts[-1])
    if c.future(s, e):
        fut = [o for o in opts if o >= ref]
        return fut[0] if fut else None
    soon = [o for o in opts if ref < o <= ref + timedelta(days=7)]
    if soon:
        return soon[0]
    # a later day of this month or a day of the next, as month_year reads the coming month:
    # the one about to come (a year back would have been written with its year)
    coming = [o for o in opts if o > ref and (o.year, o.month) in ((ref.year, ref.month), shift_month(ref.year, ref.month, 1))]
    if coming and not c.past_perfect(s):
        return coming[0]
    past = [o for o in opts if o <= ref]
    return past[-1] if past else opts[0]


def month_year(c: Context, mon: int, s: int, e: int, direction: str | None) -> int:
    ref = c.ref
    if direction == "past":
        return ref.year if mon < ref.month else ref.year - 1
    if direction == "future":
        return ref.year if mon > ref.month else ref.year + 1
    if direction == "current":
        return ref.year
    if c.policy == "forward":
        return ref.year if mon >= ref.month else ref.year + 1
    if c.future(s, e) or mon == ref.month % 12 + 1:
        # the coming month, named bare, is the one about to come
        return ref.year if mon >= ref.month else ref.year + 1
    return ref.year if mon <= ref.month else ref.year - 1


def rel_year(c: Context, rel: str) -> int | None:
    """`العام الماضي`, `هذا العام`, `العام` → a year; None without a reference date."""
    if c.ref is None:
        return None
    words = rel.split()
    k = "current" if words[0] in ("هذا", "هذه") else c.g.dir.get(" ".join(words[1:]), "current")
    return c.ref.year + {"past": -1, "future": 1}.get(k, 0)


def weekday_date(c: Context, wd: int, s: int, e: int, direction: str | None) -> date:
    ref = c.ref
    back = (ref.weekday() - wd) % 7
    fwd = (wd - ref.weekday()) % 7
    if direction == "past":
        return ref - timedelta(days=back or 7)
    if direction == "future":
        return ref + timedelta(days=fwd or 7)
    if direction == "current":
        return ref + timedelta(days=wd - ref.weekday())
    if c.policy == "forward":
        return ref + timedelta(days=fwd or 7)
    if c.future(s, e):
        return ref + timedelta(days=fwd)
    return ref - timedelta(days=back)


