"""Time expressions: find them in Arabic news text and resolve them to TIMEX3 values.

One pass of precompiled patterns over the normalised text proposes candidates
(dates, weekdays, deictics, clock times, durations, sets, decades, centuries,
quarters); the longest non-overlapping ones are kept, then three small passes
attach what sits just before a date (`مطلع`/`منتصف`/`أواخر` → mod, `صباح`/`مساء`
→ a part of day, `في وقت سابق من`) and anchor clock times to a neighbouring day.
Relative expressions are resolved against the publication date; a bare month or
weekday takes its direction from the tense of its clause (future cues such as
`سـ` + verb, `سوف`, `من المقرر`; otherwise the past, as news mostly reports).
Vocabulary: knowledge/calendar.json (months, weekdays, zones) and
knowledge/timex.json (everything else).
"""
from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo

from ..arabic import normalize, parse_number
from ..arabic.offsets import normalize_with_index
from ..arabic.ordinals import ordinal_phrases
from ..article import Article, Timex
from ..dates import calendar
from ..memo import WORDS

# -- vocabulary -----------------------------------------------------------


def _n(s: str) -> str:
    return re.sub(r"\s+", " ", normalize(s)).strip()


def _alt(words) -> str:
    """A regex matching any of `words` (normalised), built as a trie so that a
    failing position costs one character test, not one test per word. Longer
    words are preferred; a space matches any run of spaces."""
    trie: dict = {}
    for w in {_n(w) for w in words if w}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_rx(trie)


def _trie_rx(node: dict) -> str:
    end = "" in node
    alts = []
    for ch in sorted(k for k in node if k):
        head = r"\s+" if ch == " " else re.escape(ch)
        alts.append(head + _trie_rx(node[ch]))
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if end:
        return "(?:" + body + ")?"
    return body


def _key(s: str) -> str:
    return re.sub(r"\s+", " ", s)


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    return json.loads(resources.files("marsad.knowledge").joinpath("timex.json").read_text("utf-8"))


class _G:
    """The compiled grammar and lookup tables (built once per process)."""

    def __init__(self) -> None:
        cal, v = calendar(), vocabulary()
        self.months = {_n(n): int(k) for k, ns in cal["gregorian_months"].items() for n in ns if "/" not in n}
        self.hmonths = {_n(n): int(k) for k, ns in cal["hijri_months"].items() for n in ns}
        wd = {_n(n): int(k) for k, ns in cal["weekdays"].items() for n in ns}
        self.weekdays = {w: d for w, d in wd.items()}
        for w, d in list(wd.items()):  # bare forms (for كل جمعة) and article forms
            self.weekdays.setdefault(w[2:] if w.startswith("ال") else "ال" + w, d)
        self.zones = {_n(k): z for k, z in cal["zones"].items()}
        self.zones.update({_n(k): z for k, z in v["zone_words"].items()})
        d = v["direction"]
        self.dir = {}
        for kind in ("past", "future", "current", "recent", "new"):
            for w in d[kind]:
                self.dir[_n(w)] = kind
        self.deictic_days = {_n(k): x for k, x in v["deictic_days"].items()}
        self.deictic_times = {_n(k): x for k, x in v["deictic_times"].items()}
        self.refs = {_n(k): x for k, x in v["refs"].items()}
        self.not_after = {_n(w) for w in v["not_deictic_after"]}
        self.not_before = {_n(w) for w in v["not_deictic_before"]}
        self.media_names = {_n(w) for w in v["media_before_deictic"]["names"]}
        self.media_words = {_n(w) for w in v["media_before_deictic"]["media_words"]}
        self.not_weekday_before = {_n(w) for w in v["not_weekday_before"]}
        self.pod = {_n(k): x for k, x in v["parts_of_day"].items()}
        self.ap = {_n(k): x for k, x in v["day_part_adverbs"].items()}
        for w in cal["am"]:
            self.ap.setdefault(_n(w).lower(), [0, "MO"])
        for w in cal["pm"]:
            self.ap.setdefault(_n(w).lower(), [12, "EV"])
        self.hours = {_n(k): x for k, x in v["hours"].items()}
        self.minutes = {_n(k): x for k, x in v["minutes"].items()}
        self.minus = {_n(k): x for k, x in v["minus_minutes"].items()}
        self.clock_words = {_n(k): x for k, x in v["clock_words"].items()}
        self.mods = {_n(w): m for m, ws in v["period_mods"].items() for w in ws}
        self.units, self.unit_kind = {}, {}
        for u, forms in v["units"].items():
            for kind, ws in forms.items():
                for w in ws:
                    self.units[_n(w)] = u
                    self.unit_kind[_n(w)] = kind
        self.ambiguous_units = set(v["ambiguous_units"])
        self.quant = {_n(w): m for m, ws in v["quantifiers"].items() for w in ws}
        self.sets = {_n(k): x for k, x in v["sets_adverbs"].items()}
        self.decades = {_n(k): x for k, x in v["decades"].items()}
        self.qord = {_n(k): x for k, x in v["quarter_ordinals"].items()}
        self.seasons = {_n(k): x for k, x in v["seasons"].items()}
        self.ordinals = ordinal_phrases(31)
        self.not_future = {_n(w) for w in v["not_future_verbs"]}

        MON, HMON = _alt(self.months), _alt(self.hmonths)
        WD = "(?:" + _alt(w for w in self.weekdays if w.startswith("ال")) + ")"
        WDB = "(?:" + _alt(self.weekdays) + ")"
        DIR1 = _alt(w for w, k in self.dir.items() if k != "recent")
        DIRALL = _alt(self.dir)
        ORD = _alt(self.ordinals)
        num_words = set(json.loads(resources.files("marsad.knowledge").joinpath("numbers.json").read_text("utf-8"))["cardinal"])
        NUMW = _alt(num_words | {"احد", "احدى", "اثنا", "اثني", "عشر", "عشره"})
        NUMPH = rf"(?:ال)?(?:{NUMW})(?:\s+(?:و\s*)?(?:ال)?(?:{NUMW})){{0,2}}"
        numbers = json.loads(resources.files("marsad.knowledge").joinpath("numbers.json").read_text("utf-8"))
        self.fractions = {_n(k): x for k, x in numbers["fraction"].items()}
        NUM = rf"(?:\d+(?:[.,]\d+)?|{NUMPH}|{_alt(self.fractions)})"
        U_SING = _alt(w for w, k in self.unit_kind.items() if k == "singular")
        U_PL = _alt(w for w, k in self.unit_kind.items() if k == "plural")
        U_DUAL = _alt(w for w, k in self.unit_kind.items() if k == "dual")
        DPREP = _alt(v["duration_preps"])
        QUANT = _alt(self.quant)
        VAGUE = _alt(v["vague_counts"])
        AP = _alt(self.ap)
        ZONE = (rf"(?P<z>(?:ب|حسب\s+)?(?:ال)?توقيت\s+(?:ال)?(?P<zn>{_alt(self.zones)}|المحلي)"
                rf"(?:\s*(?P<zo>[+-]\s*\d{{1,2}}))?)")
        YREL = rf"(?:(?:هذا|هذه)\s+)?(?:ال)?(?:عام|سنه)(?:\s+(?:{DIR1}))?"
        YEARPH = rf"(?:(?:ال)?(?:عام|سنه)\s+)?\d{{4}}|{YREL}"
        MARK = r"(?:\s*(?:م|ميلادي|ميلاديه|للميلاد)(?!\w))?"
        YTAIL = rf"\s*[،,]?\s*(?:من\s+|في\s+)?(?:(?:ال)?عام\s+|(?:ال)?سنه\s+)?(?P<y>\d{{4}}){MARK}"
        L = r"(?<!\w)(?:[وف]?[بلك]?)"
        R = r"(?!\w)"
        ALT2 = rf"(?:\s*[/(]\s*(?:{MON})\s*\)?)?"
        pats = [
            ("numdate", rf"(?<![\w/.-])(?:[وف]?)(?P<t>(?:(?P<y>\d{{4}})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})"
                        rf"|(?P<d2>\d{{1,2}})[-/.](?P<m2>\d{{1,2}})[-/.](?P<y2>\d{{4}})){MARK})(?![\d/])"),
            ("dmy", rf"{L}(?P<t>(?:(?:يوم\s+)?{WD}\s*[،,]?\s*(?:الموافق\s+)?)?(?P<d>\d{{1,2}}|{ORD})"
                    rf"(?:\s*(?:و|-|الي)\s*(?P<d_2>\d{{1,2}}))?\s*(?:من\s+)?(?:شهر\s+)?(?P<mon>{MON}){ALT2}"
                    rf"(?:{YTAIL}|\s+(?:من\s+)?(?P<rel>{YREL})|\s+(?P<dir>{DIR1}))?){R}"),
            ("month", rf"{L}(?P<t>(?P<sh>شهر\s+)?(?P<mon>{MON}){ALT2}"
                      rf"(?:{YTAIL}|\s+(?:من\s+)?(?P<rel>{YREL})|\s+(?P<dir>{DIR1}))?){R}"),
            ("hijri", rf"{L}(?P<t>(?:(?P<d>\d{{1,2}}|{ORD})\s*(?:من\s+)?)?(?P<sh>شهر\s+)?(?P<mon>{HMON})"
                      rf"(?:\s*[،,]?\s*(?:من\s+)?(?:(?:ال)?عام\s+|(?:ال)?سنه\s+)?(?P<y>1[34]\d\d)"
                      rf"(?:\s*(?:ه|هجري|هجريه|هجريا|للهجره)(?!\w))?|\s+(?P<dir>{DIR1}))?){R}"),
            ("ordmonth", rf"{L}(?P<t>(?P<d>{ORD}|\d{{1,2}})\s+من\s+(?:(?P<this>هذا)\s+)?(?:ال)?شهر(?:\s+(?P<dir>{DIR1}))?){R}"),
            ("year", rf"{L}(?P<t>(?:(?P<kw>(?:ال)?(?:عام|سنه)|عامي)\s+)?(?P<y>\d{{4}})"
                     rf"(?:\s*(?P<mk>م|ميلادي|ميلاديه|للميلاد|ه|هجري|هجريه|للهجره)(?!\w))?"
                     rf"(?:\s+و\s*(?:(?:ال)?(?:عام|سنه)\s+)?(?P<y2>\d{{4}})(?:\s*(?:م|ه)(?!\w))?)?)(?![\w%])"),
            ("rel", rf"{L}(?P<t>(?:(?P<this>هذا|هذه)\s+(?P<u1>(?:ال)?(?:عام|سنه|شهر|اسبوع|عقد|قرن))"
                    rf"|(?P<u2>ال(?:عام|سنه|شهر|اسبوع|عقد|قرن))\s+(?P<dir>{DIR1}))){R}"),
            ("weekend", rf"{L}(?P<t>(?:عطله\s+)?نهايه\s+(?:ال)?اسبوع(?:\s+(?P<dir>{DIR1}))?){R}"),
            ("deictic", rf"{L}(?P<t>(?P<w>{_alt(list(self.deictic_days) + list(self.deictic_times) + list(self.refs))})"
                        rf"(?:\s*[،,]?\s*(?P<wd>{WD}))?){R}"),
            ("weekday", rf"{L}(?P<t>(?:(?P<yom>يومي|يوم)\s+)?(?P<wds>{WD}(?:\s*(?:،|,|و|او)\s*(?:يوم\s+)?{WD})*)"
                        rf"(?:\s+(?P<dir>{DIR1}))?){R}"),
            ("clock", rf"{L}(?P<t>(?:(?P<kw>(?:ال)?ساعه)\s+)?(?P<h>\d{{1,2}})(?P<sep>[:.])(?P<mi>\d{{2}})(?!\d)"
                      rf"(?:\s*(?P<ap>{AP}))?(?:\s+{ZONE})?){R}"),
            ("clockw", rf"{L}(?P<t>(?:(?P<kw>(?:ال)?ساعه)\s+)?(?P<hw>{_alt(self.hours)}|\d{{1,2}})"
                       rf"(?:\s+و\s*(?:(?P<mw>{_alt(self.minutes)})|(?P<mn>\d{{1,2}})\s+دقيقه))?"
                       rf"(?:\s+(?P<minus>{_alt(self.minus)}))?(?:\s+(?:من\s+)?(?P<ap>{AP}))?(?:\s+{ZONE})?){R}"),
            ("clockword", rf"{L}(?P<t>(?P<cw>{_alt(self.clock_words)})){R}"),
            ("dur", rf"{L}(?P<t>(?:(?P<prep>{DPREP})\s+)?(?:(?P<q>{QUANT})\s+)?(?:ال)?(?P<num>{NUM})\s+"
                    rf"(?P<unit>{U_SING}|{U_PL})(?:\s+(?P<dir>{DIRALL}))?){R}"),
            ("dual", rf"{L}(?P<t>(?:(?P<prep>{DPREP})\s+)?(?:(?P<q>{QUANT})\s+)?(?P<al>ال)?(?P<unit>{U_DUAL})"
                     rf"(?:\s+(?P<dir>{DIRALL}))?){R}"),
            ("plural", rf"{L}(?P<t>(?:(?P<prep>{DPREP})\s+)?(?:(?P<q>{QUANT})\s+)?ال(?P<unit>{U_PL})"
                       rf"(?:\s+(?:ال)?(?P<num>{NUM}))?\s+(?P<dir>{DIRALL})){R}"),
            ("vague", rf"{L}(?P<t>(?:(?P<prep>{DPREP})\s+)?(?:(?P<q>{QUANT})\s+)?(?:(?P<vc>{VAGUE})\s+)?(?P<unit>{U_PL})){R}"),
            ("one", rf"{L}(?P<t>(?P<prep>{DPREP})\s+(?:(?P<q>{QUANT})\s+)?(?P<unit>{U_SING})(?:\s+(?:واحد|كامل))?){R}"
                    rf"(?!\s*(?:\d|{MON}|{HMON}|{WD}|ال))"),
            ("whole", rf"{L}(?P<t>(?P<unit>{U_SING})\s+(?:كاملا|كامله|واحدا|واحده|بكامله|باكمله)){R}"),
            ("set", rf"{L}(?P<t>(?P<adv>{_alt(self.sets)})|كل\s+(?:يوم\s+)?(?P<wd>{WDB})(?!\w)"
                    rf"|كل\s+(?:(?P<num>\d+|{NUMPH})\s+)?(?P<unit>{U_SING}|{U_PL}|{U_DUAL})){R}"),
            ("decade", rf"{L}(?P<t>(?:عقد\s+)?(?:ال)?(?P<dec>{_alt(self.decades)})(?:يات|ات)"
                       rf"(?:\s+(?:من\s+)?(?P<cent>القرن\s+(?:{_alt(list(self.ordinals) + list(self.dir))})))?){R}"),
            ("century", rf"{L}(?P<t>(?:ال)?قرن\s+(?:(?P<ord>{ORD})|ال(?P<cd>\d{{1,2}})|(?P<dir>{DIR1}))){R}"),
            ("quarter", rf"{L}(?P<t>(?:ال)?(?P<k>ربع|نصف)\s+(?P<o>{_alt(self.qord)})(?:\s+(?:من\s+)?(?P<yr>{YEARPH}))?){R}"),
            # a season needs فصل, a direction or a year: الربيع العربي is not a season
            ("season", rf"{L}(?P<t>(?P<fasl>فصل\s+)?(?P<this>هذا\s+)?(?:ال)?(?P<sn>{_alt(self.seasons)})"
                       rf"(?:\s+(?P<dir>{DIR1})|\s+(?:من\s+)?(?:(?:ال)?عام\s+)?(?P<y>\d{{4}})|\s+(?:من\s+)?(?P<rel>{YREL}))?){R}"),
        ]
        self.patterns = [(name, re.compile(p)) for name, p in pats]
        self.by_name = {name: (rank, rx, _HANDLERS[name]) for rank, (name, rx) in enumerate(self.patterns)}
        self.wd_rx = re.compile(WD)
        self._build_starters(v, num_words)
        self.mod_before = re.compile(rf"(?<!\w)(?:[وف]?[بل]?)(?P<w>{_alt(self.mods)})\s+$")
        self.pod_before = re.compile(rf"(?<!\w)(?:[وف]?[بل]?)(?P<w>{_alt(self.pod)})\s+(?:من\s+)?$")
        self.earlier_before = re.compile(rf"(?<!\w)(?:[وف]?)(?P<w>{_alt(v['earlier_later'])})\s+$")
        self.future = re.compile(rf"(?<!\w)[وف]?(?:(?P<sv>س[يتن]\w{{3,}})|{_alt(v['future_cues'])})(?!\w)")
        # a clause after the expression that opens with إن/أن/الذي is reported speech or a
        # relative clause: its tense is not the expression's
        self.subordinator = re.compile(rf"(?<!\w)[وف]?(?:{_alt(v['subordinators'])})(?!\w)")
        self.prev_word = re.compile(r"(\S+)\s*$")
        self.next_word = re.compile(r"^\s*(\S+)")
        self.bare_month_prep = {_n(w) for w in (
            "في", "منذ", "حتى", "خلال", "قبل", "بعد", "بحلول", "طوال", "طيلة", "اعتبارا من", "من", "الى", "إلى",
            "وفي", "ومنذ", "وحتى", "وخلال", "وقبل", "وبعد", "ومن")} | set(self.mods)
        self.year_prep = self.bare_month_prep | {"بين", "عامي", "و"}


    def _build_starters(self, v: dict, num_words) -> None:
        """First words that can open each pattern: patterns are tried only at such words."""
        st: dict[str, set[str]] = {}

        def add(words, *names):
            for w in words:
                first = _n(w).split(" ")[0]
                if first:
                    st.setdefault(first, set()).update(names)

        dur = ("dur", "dual", "plural", "vague", "one")
        add(self.months, "month")
        add(self.hmonths, "hijri")
        add(["شهر"], "month", "hijri")
        add([w for w in self.weekdays if w.startswith("ال")], "weekday", "dmy")
        add(["يوم", "يومي"], "weekday", "dmy")
        add(self.ordinals, "dmy", "hijri", "ordmonth")
        add(list(self.deictic_days) + list(self.deictic_times) + list(self.refs), "deictic")
        add(["هذا", "هذه"], "rel", "deictic")
        add(["العام", "السنه", "الشهر", "الاسبوع", "العقد", "القرن"], "rel")
        add(["عام", "العام", "سنه", "السنه", "عامي"], "year")
        add(["عطله", "نهايه"], "weekend")
        add(["ساعه", "الساعه"], "clock", "clockw")
        add(self.clock_words, "clockword")
        add(self.hours, "clockw")
        add([w for w, k in self.unit_kind.items() if k == "singular"], "whole")
        add(list(v["duration_preps"]) + list(self.quant), *dur)
        add(v["vague_counts"], "vague")
        add(list(num_words) + list(self.fractions) + ["احد", "احدى", "اثنا", "اثني"], "dur")
        add(["ال" + _n(w) for w in num_words], "dur", "plural")
        add([w for w, k in self.unit_kind.items() if k == "dual"], "dual")
        add(["ال" + w for w, k in self.unit_kind.items() if k in ("dual", "plural")], "dual", "plural")
        add(list(self.sets) + ["كل"], "set")
        add(["عقد"] + [p + d + suf for d in self.decades for p in ("", "ال") for suf in ("يات", "ات")], "decade")
        add(["قرن", "القرن"], "century")
        add(["ربع", "الربع", "نصف", "النصف"], "quarter")
        add(["فصل", "هذا"] + [p + w for w in self.seasons for p in ("", "ال")], "season")
        self.starters = {w: tuple(sorted(ns, key=lambda n: self.by_name[n][0])) for w, ns in st.items()}
        self.digit_starters = tuple(sorted(("numdate", "dmy", "year", "clock", "dur", "ordmonth", "hijri"),
                                           key=lambda n: self.by_name[n][0]))
        self.word_rx = re.compile(r"\w+")
        self.next_rx = re.compile(r"\s+(\w+)")
        # Frequent function words open patterns only in a few phrases (في غضون, على مدى,
        # ما يزيد على, لا يقل عن): try them only when the next word fits.
        self.connectors: dict[str, set[str]] = {}
        for phrase in list(v["duration_preps"]) + list(v["quantifiers"]["MORE_THAN"]) + list(
                v["quantifiers"]["LESS_THAN"]) + list(v["quantifiers"]["APPROX"]) + list(v["refs"]):
            words = _n(phrase).split(" ")
            if len(words) > 1 and words[0] in ("في", "علي", "ما", "لا"):
                self.connectors.setdefault(words[0], set()).add(words[1])
        self._cache: dict[str, tuple | None] = {}  # word → (((rank, pattern.match, handler), ...), next words)

    def starters_for(self, w: str) -> tuple:
        got = self._cache.get(w)
        if got is not None:
            return got
        names: set[str] = set()
        nexts: set[str] | None = None
        for k in range(0, 3):
            if k and (len(w) <= k + 1 or w[k - 1] not in "وفبلك"):
                break
            rest = w[k:]
            if rest[:1].isdigit() or (rest.startswith("ال") and rest[2:3].isdigit()):
                names.update(self.digit_starters if rest[:1].isdigit() else ("dur", "plural"))
            got = self.starters.get(rest, ())
            if got and rest in self.connectors and not names:
                nexts = self.connectors[rest]
            elif got:
                nexts = None if names or nexts is None else nexts
            names.update(got)
        entries = tuple((self.by_name[n][0], self.by_name[n][1].match, self.by_name[n][2])
                        for n in sorted(names, key=lambda n: self.by_name[n][0]))
        got = (entries, nexts) if entries else None
        if len(self._cache) < WORDS:
            self._cache[w] = got
        return got


@lru_cache(maxsize=1)
def grammar() -> _G:
    return _G()


# -- calendar arithmetic ----------------------------------------------------


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


@lru_cache(maxsize=4096)
def _hijri(y: int, m: int, d: int) -> date | None:
    try:
        from hijridate import Hijri

        return Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None


@lru_cache(maxsize=4096)
def _hijri_today(ref: date) -> tuple[int, int, int] | None:
    try:
        from hijridate import Gregorian

        h = Gregorian(ref.year, ref.month, ref.day).to_hijri()
        return h.year, h.month, h.day
    except (ValueError, OverflowError):
        return None


@lru_cache(maxsize=4096)
def _num(text: str) -> float | None:
    words = text.replace("ال", "", 1).split() if text.startswith("ال") else text.split()
    n = parse_number(words)
    if n is None or n.length != len(words) or n.kind == "ordinal":
        return None
    return n.value


def _fmt_n(x: float) -> str:
    return str(int(x)) if x == int(x) else str(round(x, 2))


def _duration(n: float | None, unit: str) -> str:
    if n is not None and n != int(n) and unit in ("TH", "Y"):
        n, unit = n * (60 if unit == "TH" else 12), ("TM" if unit == "TH" else "M")  # نصف ساعة → PT30M
    q = "X" if n is None else _fmt_n(n)
    if unit.startswith("T"):
        return f"PT{q}{unit[1]}"
    return f"P{q}{unit}"


# -- candidates -------------------------------------------------------------


class _C:
    __slots__ = ("s", "e", "type", "value", "mod", "gran", "rank", "anchor")

    def __init__(self, s, e, type_, value, gran, mod=None, anchor=None):
        self.s, self.e, self.type, self.value, self.gran, self.mod = s, e, type_, value, gran, mod
        self.rank = 0
        self.anchor = anchor  # for clock times: (h, m, zone-suffix) waiting for a day


class _Ctx:
    def __init__(self, g: _G, t: str, ref: date | None) -> None:
        self.g, self.t, self.ref = g, t, ref

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

    def future(self, s: int, e: int) -> bool:
        """Does the clause around [s, e) speak of the future?"""
        t = self.t
        a = max(0, s - 120)
        for ch in ".!؟?\n؛،":
            k = t.rfind(ch, a, s)
            if k >= 0:
                a = max(a, k + 1)
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


def _day_guess(c: _Ctx, m: int, d: int, s: int, e: int, direction: str | None) -> date | None:
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
    if c.future(s, e):
        fut = [o for o in opts if o >= ref]
        return fut[0] if fut else None
    soon = [o for o in opts if ref < o <= ref + timedelta(days=7)]
    if soon:
        return soon[0]
    past = [o for o in opts if o <= ref]
    return past[-1] if past else opts[0]


def _month_year(c: _Ctx, mon: int, s: int, e: int, direction: str | None) -> int:
    ref = c.ref
    if direction == "past":
        return ref.year if mon < ref.month else ref.year - 1
    if direction == "future":
        return ref.year if mon > ref.month else ref.year + 1
    if direction == "current":
        return ref.year
    if c.future(s, e) or mon == ref.month % 12 + 1:
        # the coming month, named bare, is the one about to come
        return ref.year if mon >= ref.month else ref.year + 1
    return ref.year if mon <= ref.month else ref.year - 1


def _rel_year(c: _Ctx, rel: str) -> int | None:
    """`العام الماضي`, `هذا العام`, `العام` → a year; None without a reference date."""
    if c.ref is None:
        return None
    words = rel.split()
    k = "current" if words[0] in ("هذا", "هذه") else c.g.dir.get(" ".join(words[1:]), "current")
    return c.ref.year + {"past": -1, "future": 1}.get(k, 0)


def _weekday_date(c: _Ctx, wd: int, s: int, e: int, direction: str | None) -> date:
    ref = c.ref
    back = (ref.weekday() - wd) % 7
    fwd = (wd - ref.weekday()) % 7
    if direction == "past":
        return ref - timedelta(days=back or 7)
    if direction == "future":
        return ref + timedelta(days=fwd or 7)
    if direction == "current":
        return ref + timedelta(days=wd - ref.weekday())
    if c.future(s, e):
        return ref + timedelta(days=fwd)
    return ref - timedelta(days=back)


# -- handlers: match → candidate (or None) -----------------------------------


def _h_numdate(c: _Ctx, m):
    if m.group("y"):
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    else:
        y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
    try:
        v = date(y, mo, d)
    except ValueError:
        return None
    return _C(m.start("t"), m.end("t"), "DATE", v.isoformat(), "D")


def _day_of(c: _Ctx, tok: str) -> int | None:
    if tok.isdigit():
        return int(tok)
    return c.g.ordinals.get(_key(tok))


def _h_dmy(c: _Ctx, m):
    g = c.g
    mon = g.months.get(_key(m.group("mon")))
    d = _day_of(c, m.group("d"))
    if not mon or not d or not 1 <= d <= 31:
        return None
    days = [d] + ([int(m.group("d_2"))] if m.group("d_2") else [])
    s, e = m.start("t"), m.end("t")
    vals = []
    for dd in days:
        if m.group("y"):
            y = int(m.group("y"))
        elif m.group("rel"):
            y = _rel_year(c, _key(m.group("rel")))
        elif c.ref is None:
            y = None
        else:
            guess = _day_guess(c, mon, dd, s, e, g.dir.get(_key(m.group("dir") or "")))
            y = guess.year if guess else None
        if y is None:
            vals.append(f"XXXX-{mon:02d}-{dd:02d}")
            continue
        try:
            vals.append(date(y, mon, dd).isoformat())
        except ValueError:
            return None
    return _C(s, e, "DATE", vals[0] if len(vals) == 1 else vals, "D")


def _h_month(c: _Ctx, m):
    g = c.g
    mon = g.months.get(_key(m.group("mon")))
    if not mon:
        return None
    s, e = m.start("t"), m.end("t")
    if m.group("y"):
        return _C(s, e, "DATE", f"{int(m.group('y'))}-{mon:02d}", "M")
    if m.group("rel"):
        y = _rel_year(c, _key(m.group("rel")))
    else:
        direction = g.dir.get(_key(m.group("dir") or ""))
        if not direction and not m.group("sh"):
            prev = c.prev(m.start())
            if prev not in g.bare_month_prep and prev not in g.months:
                return None
        if c.ref is None:
            return _C(s, e, "DATE", f"XXXX-{mon:02d}", "M")
        y = _month_year(c, mon, s, e, direction)
    return _C(s, e, "DATE", f"{y}-{mon:02d}" if y else f"XXXX-{mon:02d}", "M")


def _h_hijri(c: _Ctx, m):
    g = c.g
    name = _key(m.group("mon"))
    hm = g.hmonths.get(name)
    if not hm:
        return None
    d = _day_of(c, m.group("d")) if m.group("d") else None
    direction = g.dir.get(_key(m.group("dir") or ""))
    y = int(m.group("y")) if m.group("y") else None
    ok = y or m.group("sh") or direction or (d and name != "صفر")
    if not ok and name in ("رمضان", "محرم", "شوال", "ذو الحجه", "ذي الحجه"):
        ok = c.prev(m.start()) in g.bare_month_prep
    if not ok:
        return None
    s, e = m.start("t"), m.end("t")
    if y is None:
        if c.ref is None:
            return _C(s, e, "DATE", "XXXX", "M")
        today = _hijri_today(c.ref)
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
        g_date = _hijri(y, hm, d)
        return _C(s, e, "DATE", g_date.isoformat(), "D") if g_date else None
    # A Hijri month without a day: the Gregorian month holding its middle.
    mid = _hijri(y, hm, 15)
    return _C(s, e, "DATE", f"{mid.year}-{mid.month:02d}", "M") if mid else None


def _h_ordmonth(c: _Ctx, m):
    d = _day_of(c, m.group("d"))
    if not d or not 1 <= d <= 31:
        return None
    direction = c.g.dir.get(_key(m.group("dir") or ""), "current")
    s, e = m.start("t"), m.end("t")
    if c.ref is None:
        return _C(s, e, "DATE", f"XXXX-XX-{d:02d}", "D")
    y, mo = _shift_month(c.ref.year, c.ref.month, {"past": -1, "future": 1}.get(direction, 0))
    try:
        return _C(s, e, "DATE", date(y, mo, d).isoformat(), "D")
    except ValueError:
        return None


def _h_year(c: _Ctx, m):
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
            mid = _hijri(yy, 6, 15)
            if mid is None:
                return None
            yy = mid.year
        elif not 1000 <= yy <= 2200 or (not (m.group("kw") or mk) and not 1800 <= yy <= 2100):
            return None
        out.append(f"{yy:04d}")
    return _C(s, e, "DATE", out[0] if len(out) == 1 else out, "Y")


def _h_rel(c: _Ctx, m):
    unit = (m.group("u1") or m.group("u2") or "").removeprefix("ال")
    direction = "current" if m.group("this") else c.g.dir.get(_key(m.group("dir") or ""), "current")
    k = {"past": -1, "future": 1}.get(direction, 0)
    if direction == "new" and c.ref is not None:
        k = 1 if c.ref.month == 12 else 0  # العام الجديد: the coming one in December
    s, e = m.start("t"), m.end("t")
    ref = c.ref
    if ref is None:
        return _C(s, e, "DATE", {-1: "PAST_REF", 1: "FUTURE_REF"}.get(k, "PRESENT_REF"), "REF")
    if unit in ("عام", "سنه"):
        return _C(s, e, "DATE", str(ref.year + k), "Y")
    if unit == "شهر":
        y, mo = _shift_month(ref.year, ref.month, k)
        return _C(s, e, "DATE", f"{y}-{mo:02d}", "M")
    if unit == "اسبوع":
        return _C(s, e, "DATE", _week(ref + timedelta(days=7 * k)), "W")
    if unit == "عقد":
        return _C(s, e, "DATE", str(ref.year // 10 + k), "DE")
    if unit == "قرن":
        return _C(s, e, "DATE", f"{ref.year // 100 + k:02d}", "CE")
    return None


def _h_weekend(c: _Ctx, m):
    k = {"past": -1, "future": 1}.get(c.g.dir.get(_key(m.group("dir") or "")), 0)
    s, e = m.start("t"), m.end("t")
    if c.ref is None:
        return _C(s, e, "DATE", "XXXX-WXX-WE", "W")
    return _C(s, e, "DATE", _week(c.ref + timedelta(days=7 * k)) + "-WE", "W")


def _h_deictic(c: _Ctx, m):
    g = c.g
    w = _key(m.group("w"))
    s, e = m.start("t"), m.end("t")
    if w in g.refs:
        return _C(s, e, "DATE", g.refs[w], "REF")
    if w in ("اليوم", "الليله", "الغد", "غد"):
        nxt, prev = c.next(m.end("w")), c.prev(m.start())
        if not m.group("wd") and (nxt in g.not_after or prev in g.not_before):
            return None
        if not m.group("wd") and prev in g.media_names and c.prev(m.start() - len(prev) - 1) in g.media_words:
            return None  # قناة روسيا اليوم: a channel's name
        if w == "اليوم" and prev in ("في", "وفي") and not m.group("wd"):
            return None  # في اليوم: "per day" or "on the day (of ...)"
        if w in ("الغد", "غد") and prev not in ("يوم", "صباح", "مساء", "ظهر", "فجر", "حتي", "الي", "نهايه", "بنهايه"):
            return None  # الغد is also "the future", غد a name
    if w in g.deictic_days:
        k = g.deictic_days[w]
        if c.ref is None:
            return _C(s, e, "DATE", {0: "PRESENT_REF"}.get(k, "PAST_REF" if k < 0 else "FUTURE_REF"), "REF")
        return _C(s, e, "DATE", (c.ref + timedelta(days=k)).isoformat(), "D")
    k, part = g.deictic_times[w]
    if c.ref is None:
        return _C(s, e, "TIME", f"XXXX-XX-XXT{part}", "T")
    return _C(s, e, "TIME", f"{(c.ref + timedelta(days=k)).isoformat()}T{part}", "T")


def _h_weekday(c: _Ctx, m):
    g = c.g
    days = [g.weekdays[_key(x)] for x in g.wd_rx.findall(m.group("wds")) if _key(x) in g.weekdays]
    if not days:
        return None
    s, e = m.start("t"), m.end("t")
    prev, nxt = c.prev(m.start()), c.next(m.end())
    if prev in g.not_weekday_before:
        return None  # سوق الثلاثاء: a name
    if not m.group("yom") and len(days) == 1:
        first = _key(m.group("wds"))
        if first.startswith("الاحد") and nxt in ("عشر", "عشره"):
            return None
        if first == "الاحد" and prev in ("الواحد", "الله"):
            return None
        if first == "الاثنين" and not m.group("dir"):
            # `الاثنين` is also "the two": a weekday only after a verb-like or time word,
            # never after a dual/plural noun or بين/كلا/هذين.
            if prev in ("بين", "كلا", "كلتا", "هذين", "هاتين", "من", "الي", "ان", "لان") or re.search(r"(?:ين|ان|ون|ات)$", prev):
                if prev not in ("حين", "الان", "منذ") and not prev.startswith(("صباح", "مساء")):
                    return None
            if nxt in ("معا", "كليهما", "منهما", "بينهما"):
                return None
    direction = g.dir.get(_key(m.group("dir") or ""))
    if c.ref is None:
        vals = [f"XXXX-WXX-{d + 1}" for d in days]
    else:
        vals = [_weekday_date(c, d, s, e, direction).isoformat() for d in days]
        if len(vals) > 1 and direction is None:
            # coordinated days run forward from the first one
            first = date.fromisoformat(vals[0])
            vals = [(first + timedelta(days=(d - days[0]) % 7)).isoformat() for d in days]
    return _C(s, e, "DATE", vals[0] if len(vals) == 1 else vals, "D")


def _zone_suffix(c: _Ctx, m, day: date | None) -> str:
    if not m.group("z"):
        return ""
    zn = _key(m.group("zn"))
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


def _apply_ap(c: _Ctx, h: int, ap: str | None) -> int | None:
    if ap:
        shift = c.g.ap.get(_key(ap).lower())
        if shift:
            if shift[0] == 12 and h < 12:
                if _key(ap) in ("ظهرا", "ظهر") and h >= 11:
                    pass
                else:
                    h += 12
            elif shift[0] == 0 and h == 12:
                h = 0
    return h if 0 <= h <= 24 else None


def _h_clock(c: _Ctx, m):
    if m.group("sep") == "." and not (m.group("kw") or m.group("ap")):
        return None
    h, mi = int(m.group("h")), int(m.group("mi"))
    if mi > 59:
        return None
    h = _apply_ap(c, h, m.group("ap"))
    if h is None:
        return None
    return _clock_cand(c, m, h, mi)


def _clock_cand(c: _Ctx, m, h: int, mi: int):
    zone = _zone_suffix(c, m, c.ref)
    return _C(m.start("t"), m.end("t"), "TIME", None, "T", anchor=(h, mi, zone))


def _h_clockw(c: _Ctx, m):
    g = c.g
    if not m.group("kw") and not m.group("ap"):
        return None  # `الخامسة` alone is an ordinal; `الخامسة مساء` is a time
    hw = _key(m.group("hw"))
    h = int(hw) if hw.isdigit() else g.hours.get(hw)
    if h is None:
        return None
    mi = 0
    if m.group("mw"):
        mi = g.minutes[_key(m.group("mw"))]
    elif m.group("mn"):
        mi = int(m.group("mn"))
    if m.group("minus"):
        mi = 60 - g.minus[_key(m.group("minus"))]
        h -= 1
    h = _apply_ap(c, h, m.group("ap"))
    if h is None or mi > 59:
        return None
    return _clock_cand(c, m, h, mi)


def _h_clockword(c: _Ctx, m):
    hh, mm = c.g.clock_words[_key(m.group("cw"))].split(":")
    return _C(m.start("t"), m.end("t"), "TIME", None, "T", anchor=(int(hh), int(mm), ""))


_SPAN_PREPS = {"قبل", "بعد"}


def _duration_cand(c: _Ctx, m, n: float | None, unit: str):
    g = c.g
    prep = _key(m.group("prep") or "")
    q = g.quant.get(_key(m.group("q") or "")) if m.group("q") else None
    s, e = m.start("t"), m.end("t")
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
                return _C(s0, e, "DATE", (ref + timedelta(days=k)).isoformat(), "D")
            if unit == "W":
                return _C(s0, e, "DATE", _week(ref + timedelta(days=7 * k)), "W")
            if unit == "M":
                y, mo = _shift_month(ref.year, ref.month, k)
                return _C(s0, e, "DATE", f"{y}-{mo:02d}", "M")
            if unit == "Y":
                return _C(s0, e, "DATE", str(ref.year + k), "Y")
        if ago and n is None and prep == "قبل":
            return _C(m.start("prep"), e, "DATE", "PAST_REF", "REF")
    return _C(s, e, "DURATION", _duration(n, unit), "DUR", mod=q)


def _h_dur(c: _Ctx, m):
    unit = c.g.units.get(_key(m.group("unit")))
    raw = _key(m.group("num"))
    if raw.startswith("ال"):
        raw = raw[2:]
    if raw in c.g.fractions:
        n = c.g.fractions[raw]
    else:
        n = float(raw.replace(",", ".")) if re.fullmatch(r"\d+(?:[.,]\d+)?", raw) else _num(raw)
    if unit is None or n is None or n <= 0 or n > 5000:
        return None
    if n >= 1000 and unit != "D":  # `3 آلاف سنة` reads fine, `2019 عاما` does not
        return None
    return _duration_cand(c, m, n, unit)


def _h_dual(c: _Ctx, m):
    unit = c.g.units.get(_key(m.group("unit")))
    if unit is None:
        return None
    if m.group("al") and not m.group("dir"):
        return None
    return _duration_cand(c, m, 2, unit)


def _h_plural(c: _Ctx, m):
    unit = c.g.units.get(_key(m.group("unit")))
    if unit is None:
        return None
    n = None
    if m.group("num"):
        raw = _key(m.group("num"))
        raw = raw[2:] if raw.startswith("ال") else raw
        n = float(raw) if raw.isdigit() else _num(raw)
        if n is None:
            return None
    return _duration_cand(c, m, n, unit)


def _h_vague(c: _Ctx, m):
    if not (m.group("prep") or m.group("vc") or m.group("q")):
        return None
    unit = c.g.units.get(_key(m.group("unit")))
    if unit is None:
        return None
    return _duration_cand(c, m, None, unit)


def _h_whole(c: _Ctx, m):
    unit = c.g.units.get(_key(m.group("unit")))
    return _C(m.start("t"), m.end("t"), "DURATION", _duration(1, unit), "DUR") if unit else None


def _h_one(c: _Ctx, m):
    unit = c.g.units.get(_key(m.group("unit")))
    if unit is None:
        return None
    return _duration_cand(c, m, 1, unit)


def _h_set(c: _Ctx, m):
    g = c.g
    s, e = m.start("t"), m.end("t")
    if m.group("adv"):
        return _C(s, e, "SET", g.sets[_key(m.group("adv"))], "SET")
    if m.group("wd"):
        return _C(s, e, "SET", f"XXXX-WXX-{g.weekdays[_key(m.group('wd'))] + 1}", "SET")
    uw = _key(m.group("unit"))
    unit = g.units.get(uw)
    if unit is None:
        return None
    n = 2 if g.unit_kind.get(uw) == "dual" else 1
    if m.group("num"):
        raw = _key(m.group("num"))
        n = int(raw) if raw.isdigit() else _num(raw)
        if not n:
            return None
    elif g.unit_kind.get(uw) == "plural":
        return None  # كل الأيام, كل سنوات: not a frequency
    return _C(s, e, "SET", _duration(n, unit), "SET")


def _h_decade(c: _Ctx, m):
    d = c.g.decades.get(_key(m.group("dec")))
    if d is None:
        return None
    cent = 19
    tail = _key(m.group("cent") or "")
    if tail:
        rest = tail.split(" ", 1)[1]
        if rest in c.g.ordinals:
            cent = c.g.ordinals[rest] - 1
        elif c.g.dir.get(rest) == "current" and c.ref is not None:
            cent = c.ref.year // 100
    return _C(m.start("t"), m.end("t"), "DATE", f"{cent}{d}", "DE")


def _h_century(c: _Ctx, m):
    s, e = m.start("t"), m.end("t")
    if m.group("ord"):
        n = c.g.ordinals.get(_key(m.group("ord")))
    elif m.group("cd"):
        n = int(m.group("cd"))
    else:
        if c.ref is None:
            return None
        k = {"past": -1, "future": 1}.get(c.g.dir.get(_key(m.group("dir"))), 0)
        n = c.ref.year // 100 + 1 + k
    if not n or not 1 <= n <= 22:
        return None
    return _C(s, e, "DATE", f"{n - 1:02d}", "CE")


def _h_quarter(c: _Ctx, m):
    kind = "Q" if m.group("k") == "ربع" else "H"
    o = c.g.qord.get(_key(m.group("o")))
    if kind == "H":
        o = 2 if o == 4 else o
        if o not in (1, 2):
            return None
    yr = m.group("yr")
    if yr:
        yr = _key(yr)
        digits = re.search(r"\d{4}", yr)
        y = int(digits.group()) if digits else _rel_year(c, yr)
    else:
        if c.next(m.end()) == "من":
            return None  # النصف الأول من المباراة
        y = c.ref.year if c.ref else None
    return _C(m.start("t"), m.end("t"), "DATE", f"{y if y else 'XXXX'}-{kind}{o}", kind)


_SEASON_ORDER = ("SP", "SU", "FA", "WI")  # WI of year Y runs from December Y


def _h_season(c: _Ctx, m):
    code = c.g.seasons.get(_key(m.group("sn")))
    if code is None:
        return None
    direction = c.g.dir.get(_key(m.group("dir") or ""))
    if m.group("this"):
        direction = "current"
    s, e = m.start("t"), m.end("t")
    if m.group("y"):
        return _C(s, e, "DATE", f"{m.group('y')}-{code}", "S")
    if m.group("rel"):
        y = _rel_year(c, _key(m.group("rel")))
        return _C(s, e, "DATE", f"{y if y else 'XXXX'}-{code}", "S")
    if not direction:
        # فصل الصيف with no direction is the season in general
        return _C(s, e, "DATE", f"XXXX-{code}", "S") if m.group("fasl") else None
    if c.ref is None:
        return _C(s, e, "DATE", f"XXXX-{code}", "S")
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
    return _C(s, e, "DATE", f"{idx // 4}-{_SEASON_ORDER[idx % 4]}", "S")


_HANDLERS = {
    "numdate": _h_numdate, "dmy": _h_dmy, "month": _h_month, "hijri": _h_hijri, "ordmonth": _h_ordmonth,
    "year": _h_year, "rel": _h_rel, "weekend": _h_weekend, "deictic": _h_deictic, "weekday": _h_weekday,
    "clock": _h_clock, "clockw": _h_clockw, "clockword": _h_clockword, "dur": _h_dur, "dual": _h_dual,
    "plural": _h_plural, "vague": _h_vague, "one": _h_one, "whole": _h_whole, "set": _h_set, "decade": _h_decade,
    "century": _h_century, "quarter": _h_quarter, "season": _h_season,
}

# -- the pass ---------------------------------------------------------------


def _select(cands: list[_C]) -> list[_C]:
    """Longest first, then earlier rule; keep what does not overlap."""
    cands.sort(key=lambda x: (-(x.e - x.s), x.rank, x.s))
    taken: list[_C] = []
    for x in cands:
        if all(x.e <= y.s or x.s >= y.e for y in taken):
            taken.append(x)
    taken.sort(key=lambda x: x.s)
    return taken


def _is_day(x: _C) -> bool:
    return x.gran == "D" and isinstance(x.value, str) and len(x.value) == 10 and x.value[4] == "-"


_GAP_AFTER_CLOCK = re.compile(r"\s*[،,]?\s*(?:من\s+)?(?:يوم\s+)?")
_GAP_BEFORE_CLOCK = re.compile(r"\s*[،,]?\s*(?:في\s+)?(?:تمام\s+)?(?:عند\s+)?")


def _attach(c: _Ctx, xs: list[_C]) -> list[_C]:
    g, t = c.g, c.t
    for i, x in enumerate(xs):
        lo = xs[i - 1].e if i else 0
        if x.type == "DATE" and (_is_day(x) or x.value in ("PRESENT_REF",)):
            pm = g.pod_before.search(t, max(lo, x.s - 20), x.s)
            if pm:
                day = x.value if _is_day(x) else "XXXX-XX-XX"
                x.s = pm.start("w")
                x.type, x.gran = "TIME", "T"
                x.value = f"{day}T{g.pod[_key(pm.group('w'))]}"
        if x.type == "DATE" and x.gran in ("M", "Y", "W", "DE", "CE", "D", "Q", "H"):
            mm = g.mod_before.search(t, max(lo, x.s - 15), x.s)
            if mm and not (x.gran == "D" and _key(mm.group("w")) == "اول"):
                x.s = mm.start("w")
                x.mod = g.mods[_key(mm.group("w"))]
        if x.type in ("DATE", "TIME"):
            em = g.earlier_before.search(t, max(lo, x.s - 25), x.s)
            if em:
                x.s = em.start("w")
    # clock times: take the day next to them, else the publication day
    out: list[_C] = []
    skip = set()
    for i, x in enumerate(xs):
        if i in skip:
            continue
        if x.anchor is None:
            out.append(x)
            continue
        h, mi, zone = x.anchor
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
        x.value = f"{day}T{h:02d}:{mi:02d}{zone}"
        x.anchor = None
        out.append(x)
    return out


_TRAILING = set("\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")


def find(text: str, ref: date | None) -> list[Timex]:
    """Every time expression in `text`, resolved against the date `ref` (may be None)."""
    g = grammar()
    norm, orig = normalize_with_index(text)
    c = _Ctx(g, norm, ref)
    cands: list[_C] = []
    cache, next_match = g._cache, g.next_rx.match
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
    xs = _attach(c, _select(cands))
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


def annotate(article: Article) -> Article:
    article.timexes = find(article.text, reference_date(article.published))
    return article
