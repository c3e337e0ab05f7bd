"""The grammar of time expressions: lookup tables read from the knowledge files and the
patterns compiled from them, with the index of the words that can open each pattern.

Built once per process (`marsad.annotate.timex.scan.grammar`). Vocabulary:
knowledge/calendar.json (months, weekdays, zones), knowledge/numbers.json (number words)
and knowledge/timex.json (everything else). Word lists live there; what stays here is
grammar: the shape of each expression.
"""
from __future__ import annotations

import re
from types import SimpleNamespace

from ... import knowledge
from ...arabic.ordinals import ordinal_phrases
from ...arabic import normalize
from ...dates import calendar
from ...memo import WORDS

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


_ODD_SPACE = re.compile(r"\s{2,}|[^\S ]")  # what is not already one plain space


def key(s: str) -> str:
    """A matched phrase as the tables spell it: every run of spaces one space."""
    return _ODD_SPACE.sub(" ", s)



def vocabulary() -> dict:
    """knowledge/timex.json (cached; do not change it)."""
    return knowledge.data("timex.json")



def _calendar_tables(g: "Grammar", cal: dict, v: dict) -> None:
    """Month, weekday and zone names, and the direction words (الماضي, المقبل, ...)."""
    g.months = {_n(n): int(k) for k, ns in cal["gregorian_months"].items() for n in ns if "/" not in n}
    g.hmonths = {_n(n): int(k) for k, ns in cal["hijri_months"].items() for n in ns}
    wd = {_n(n): int(k) for k, ns in cal["weekdays"].items() for n in ns}
    g.weekdays = {w: d for w, d in wd.items()}
    for w, d in list(wd.items()):  # bare forms (for كل جمعة) and article forms
        g.weekdays.setdefault(w[2:] if w.startswith("ال") else "ال" + w, d)
    g.zones = {_n(k): z for k, z in cal["zones"].items()}
    g.zones.update({_n(k): z for k, z in v["zone_words"].items()})
    g.zones.update({k.lower(): z for k, z in list(g.zones.items()) if k.isascii()})  # gmt, utc
    d = v["direction"]
    g.dir = {}
    for kind in ("past", "future", "current", "recent", "new"):
        for w in d[kind]:
            g.dir[_n(w)] = kind
    g.ap = {_n(k): x for k, x in v["day_part_adverbs"].items()}
    for w in cal["am"]:
        g.ap.setdefault(_n(w).lower(), [0, "MO"])
    for w in cal["pm"]:
        g.ap.setdefault(_n(w).lower(), [12, "EV"])


def _word_tables(g: "Grammar", v: dict) -> None:
    """The other words the handlers look up: deictics, clock words, units, quantifiers, ..."""
    g.deictic_days = {_n(k): x for k, x in v["deictic_days"].items()}
    g.deictic_times = {_n(k): x for k, x in v["deictic_times"].items()}
    g.refs = {_n(k): x for k, x in v["refs"].items()}
    g.not_after = {_n(w) for w in v["not_deictic_after"]}
    g.not_before = {_n(w) for w in v["not_deictic_before"]}
    g.media_names = {_n(w) for w in v["media_before_deictic"]["names"]}
    g.media_words = {_n(w) for w in v["media_before_deictic"]["media_words"]}
    g.not_weekday_before = {_n(w) for w in v["not_weekday_before"]}
    g.pod = {_n(k): x for k, x in v["parts_of_day"].items()}
    g.hours = {_n(k): x for k, x in v["hours"].items()}
    g.minutes = {_n(k): x for k, x in v["minutes"].items()}
    g.minus = {_n(k): x for k, x in v["minus_minutes"].items()}
    g.clock_words = {_n(k): x for k, x in v["clock_words"].items()}
    g.not_numdate_before = {_n(w) for w in v["not_numdate_before"]}
    nth = v["nth_weekday"]
    g.nth_before = {_n(k): x for k, x in nth["before"].items()}
    g.nth_after = {_n(k): x for k, x in nth["after"].items()}
    g.nth_weekdays = dict(g.weekdays)
    g.nth_weekdays.update({_n(k): x for k, x in nth["weekday_spellings"].items()})
    g.month_ordinals = {_n(k): x for k, x in nth["month_ordinals"].items()}
    g.month_numbers = {_n(k): x for k, x in v["month_numbers"]["words"].items()}
    g.month_number_not_before = {_n(w) for w in v["month_numbers"]["not_before"]}
    g.month_ord_not_before = {_n(w) for w in v["month_ordinal_not_before"]["words"]}
    g.anaphoric_dirs = {_n(w) for w in v["anaphoric_directions"]["words"]}
    hol = v["holidays"]
    g.holidays = {_n(k): ("G", x) for k, x in hol["gregorian"].items()}
    g.holidays.update({_n(k): ("H", x) for k, x in hol["hijri"].items()})
    g.holidays.update({_n(k): ("E", None) for k in hol["easter"]})
    g.mods = {_n(w): m for m, ws in v["period_mods"].items() for w in ws}
    g.month_only_mods = {_n(w) for w in v["month_only_mods"]["words"]}
    g.units, g.unit_kind = {}, {}
    for u, forms in v["units"].items():
        for kind, ws in forms.items():
            for w in ws:
                g.units[_n(w)] = u
                g.unit_kind[_n(w)] = kind
    g.ambiguous_units = set(v["ambiguous_units"])
    g.quant = {_n(w): m for m, ws in v["quantifiers"].items() for w in ws}
    g.sets = {_n(k): x for k, x in v["sets_adverbs"].items()}
    g.decades = {_n(k): x for k, x in v["decades"].items()}
    g.qord = {_n(k): x for k, x in v["quarter_ordinals"].items()}
    g.seasons = {_n(k): x for k, x in v["seasons"].items()}
    g.ordinals = ordinal_phrases(31)
    g.ordinal_heads = {w.split(" ")[0] for w in g.ordinals}
    g.not_future = {_n(w) for w in v["not_future_verbs"]}
    g.cardinals = set(knowledge.data("numbers.json")["cardinal"])
    g.fractions = {_n(k): x for k, x in knowledge.data("numbers.json")["fraction"].items()}
    g.ten_words = {_n(w) for w in v["ten_words"]}
    g.bare_hijri_months = {_n(w) for w in v["bare_hijri_months"]}
    g.noon_words = {_n(w) for w in v["noon_words"]}
    g.ambiguous_deictics = {_n(w) for w in v["ambiguous_deictics"]}
    g.tomorrow_after = {_n(w) for w in v["tomorrow_after"]}
    two = v["ithnayn_not_monday"]
    g.two_before = {_n(w) for w in two["before"]}
    g.two_before_ok = {_n(w) for w in two["before_ok"]}
    g.two_before_ok_prefixes = tuple(_n(w) for w in two["before_ok_prefixes"])
    g.two_after = {_n(w) for w in two["after"]}
    g.not_ahad_before = {_n(w) for w in v["not_ahad_before"]}


def _cue_patterns(g: "Grammar", v: dict) -> None:
    """What the pass looks for around an expression: a period modifier, a part of day or
    `في وقت سابق من` before it, the tense of its clause, the word before a bare month."""
    g.mod_before = re.compile(rf"(?<!\w)(?:[وف]?[بل]?)(?P<w>{_alt(g.mods)})\s+$")
    g.pod_before = re.compile(rf"(?<!\w)(?:[وف]?[بل]?)(?P<w>{_alt(g.pod)})\s+(?:من\s+)?$")
    g.earlier_before = re.compile(rf"(?<!\w)(?:[وف]?)(?P<w>{_alt(v['earlier_later'])})\s+$")
    g.future = re.compile(rf"(?<!\w)[وف]?(?:(?P<sv>س[يتن]\w{{3,}})|{_alt(v['future_cues'])})(?!\w)")
    g.past_perfect = re.compile(rf"(?<!\w)[وف]?(?:{_alt([_n(w) for w in v['past_perfect_cues']])})(?!\w)")
    # a clause after the expression that opens with إن/أن/الذي is reported speech or a
    # relative clause: its tense is not the expression's
    g.subordinator = re.compile(rf"(?<!\w)[وف]?(?:{_alt(v['subordinators'])})(?!\w)")
    g.prev_word = re.compile(r"(\S+)\s*$")
    g.next_word = re.compile(r"^\s*(\S+)")
    g.bare_month_prep = {_n(w) for w in v["bare_month_preps"]} | set(g.mods)
    g.year_prep = g.bare_month_prep | set(v["year_preps"])


def _fragments(g: "Grammar", v: dict) -> SimpleNamespace:
    """The pieces the patterns share (alternations of the vocabulary and a few sub-patterns)."""
    MON, HMON = _alt(g.months), _alt(g.hmonths)
    WD = "(?:" + _alt(w for w in g.weekdays if w.startswith("ال")) + ")"
    WDB = "(?:" + _alt(g.weekdays) + ")"
    DIR1 = _alt(w for w, k in g.dir.items() if k != "recent")
    DIRALL = _alt(g.dir)
    ORD = _alt(g.ordinals)
    NUMW = _alt(g.cardinals | set(v["compound_number_heads"]) | set(v["ten_words"]))
    NUMPH = rf"(?:ال)?(?:{NUMW})(?:\s+(?:و\s*)?(?:ال)?(?:{NUMW})){{0,2}}"
    NUM = rf"(?:\d+(?:[.,]\d+)?|{NUMPH}|{_alt(g.fractions)})"
    U_SING = _alt(w for w, k in g.unit_kind.items() if k == "singular")
    U_PL = _alt(w for w, k in g.unit_kind.items() if k == "plural")
    U_DUAL = _alt(w for w, k in g.unit_kind.items() if k == "dual")
    DPREP = _alt(v["duration_preps"])
    QUANT = _alt(g.quant)
    VAGUE = _alt(v["vague_counts"])
    AP = _alt(g.ap)
    ZONE = (rf"(?P<z>(?:ب|حسب\s+)?(?:ال)?توقيت\s+(?:ال)?(?P<zn>{_alt(g.zones)}|المحلي)"
            rf"(?:\s*(?P<zo>[+-]\s*\d{{1,2}}))?)")
    YREL = rf"(?:(?:هذا|هذه)\s+)?(?:ال)?(?:عام|سنه)(?:\s+(?:{DIR1}))?"
    YEARPH = rf"(?:(?:ال)?(?:عام|سنه)\s+)?\d{{4}}|{YREL}"
    MARK = r"(?:\s*(?:م|ميلادي|ميلاديه|للميلاد)(?!\w))?"
    YTAIL = rf"\s*[،,]?\s*(?:من\s+|في\s+)?(?:(?:ال)?عام\s+|(?:ال)?سنه\s+)?(?P<y>\d{{4}}){MARK}"
    L = r"(?<!\w)(?:[وف]?[بلك]?)"
    R = r"(?!\w)"
    ALT2 = rf"(?:\s*[/(]\s*(?:{MON})\s*\)?)?"
    MNUM = rf"(?:\d{{1,2}}(?![\d/:.-]\d)|{_alt(g.month_numbers)})"
    MORD = _alt(g.month_ordinals)
    # a month by name, by its number (شهر ثلاثة, شهر 3) or by ordinal (الشهر التاسع)
    MONX = rf"(?:(?:شهر\s+)?(?P<mon>{MON}){ALT2}|شهر\s+(?P<mnum>{MNUM})|الشهر\s+(?P<mord>{MORD}))"
    NTHB, NTHA = _alt(g.nth_before), _alt(g.nth_after)
    YEAR_OF = (rf"(?:\s*(?:من\s+|في\s+)?(?:[بل]?(?:ال)?(?:عام|سنه)\s+)?(?P<y>\d{{4}})(?!\d)"
               rf"|\s+(?:من\s+)?(?P<rel>{YREL})|\s+(?P<dir>{DIR1}))?")
    return SimpleNamespace(MNUM=MNUM, MORD=MORD, MONX=MONX, NTHB=NTHB, NTHA=NTHA, YEAR_OF=YEAR_OF, MON=MON, HMON=HMON, WD=WD, WDB=WDB, DIR1=DIR1, DIRALL=DIRALL, ORD=ORD, NUMW=NUMW, NUMPH=NUMPH, NUM=NUM, U_SING=U_SING, U_PL=U_PL, U_DUAL=U_DUAL, DPREP=DPREP, QUANT=QUANT, VAGUE=VAGUE, AP=AP, ZONE=ZONE, YREL=YREL, YEARPH=YEARPH, MARK=MARK, YTAIL=YTAIL, L=L, R=R, ALT2=ALT2)


def _date_patterns(g: "Grammar", f) -> list[tuple[str, str]]:
    """Days, months, years and the deictic and relative words for them."""
    return [
        ("numdate", rf"(?<![\w/.-])(?:[وف]?)(?P<t>(?:(?P<y>\d{{4}})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})"
                    rf"|(?P<d2>\d{{1,2}})[-/.](?P<m2>\d{{1,2}})[-/.](?P<y2>\d{{4}})"
                    rf"|(?P<d3>\d{{1,2}})/(?P<m3>\d{{1,2}})/(?P<y3>\d{{2}})"  # 03/11/19
                    rf"|(?P<m4>\d{{1,2}})/(?P<y4>(?:19|20)\d\d)){f.MARK})(?![\d/])"),  # 2/2013
        # a weekday or بتاريخ, then day/month: `السبت 21/09`
        ("wdnum", rf"{f.L}(?P<t>(?:(?:يوم\s+)?{f.WD}\s*[،,]?\s*(?:الموافق\s+)?|بتاريخ\s+)"
                  rf"(?P<d>\d{{1,2}})[/-](?P<m>\d{{1,2}}))(?![\d/-])"),
        ("dmy", rf"{f.L}(?P<t>(?:(?:يوم\s+)?{f.WD}\s*[،,]?\s*(?:الموافق\s+)?|يوم\s+(?=ال))?(?P<d>\d{{1,2}}|{f.ORD}|اول)"
                rf"(?:\s*(?P<conn>و|-|الي|حتي|وحتي)\s*(?P<d_2>\d{{1,2}}|{f.ORD}))?\s*(?:من\s+)?{f.MONX}"
                rf"(?:{f.YTAIL}|\s+(?:من\s+)?(?P<rel>{f.YREL})|\s+(?P<dir>{f.DIR1}))?){f.R}"),
        # month first, then a range of days: `تموز 13 الى 15`, `يوليو 13-15`
        ("mdd", rf"{f.L}(?P<t>(?P<mon>{f.MON})\s+(?P<d>\d{{1,2}})\s*(?P<conn>-|الي|حتي)\s*(?P<d_2>\d{{1,2}})(?!\d)"
                rf"(?:{f.YTAIL})?){f.R}"),
        ("month", rf"{f.L}(?P<t>(?:(?P<sh>شهر\s+)?(?P<mon>{f.MON}){f.ALT2}|شهر\s+(?P<mnum>{f.MNUM})|الشهر\s+(?P<mord>{f.MORD}))"
                  rf"(?:{f.YTAIL}|\s+(?:من\s+)?(?P<rel>{f.YREL})|\s+(?P<dir>{f.DIR1}))?){f.R}"),
        ("hijri", rf"{f.L}(?P<t>(?:(?P<d>\d{{1,2}}|{f.ORD})\s*(?:من\s+)?)?(?P<sh>شهر\s+)?(?P<mon>{f.HMON})"
                  rf"(?:\s*[،,]?\s*(?:من\s+)?(?:(?:ال)?عام\s+|(?:ال)?سنه\s+)?(?P<y>1[34]\d\d)"
                  rf"(?:\s*(?:ه|هجري|هجريه|هجريا|للهجره)(?!\w))?|\s+(?P<dir>{f.DIR1})"
                  # or the Gregorian year it falls in: `رمضان 2019`
                  rf"|\s*[،,]?\s*(?:من\s+)?(?:(?:ال)?عام\s+|(?:ال)?سنه\s+)?(?P<gy>(?:19|20)\d\d)(?!\d){f.MARK})?){f.R}"),
        ("ordmonth", rf"{f.L}(?P<t>(?P<d>{f.ORD}|\d{{1,2}})\s+من\s+(?:(?P<this>هذا)\s+)?(?:ال)?شهر(?:\s+(?P<dir>{f.DIR1}))?){f.R}"),
        ("year", rf"{f.L}(?P<t>(?:(?P<kw>(?:ال)?(?:عام|سنه)|عامي)\s+)?(?P<y>\d{{4}})"
                 rf"(?:\s*(?P<mk>م|ميلادي|ميلاديه|للميلاد|ه|هجري|هجريه|للهجره)(?!\w))?"
                 rf"(?:\s+و\s*(?:(?:ال)?(?:عام|سنه)\s+)?(?P<y2>\d{{4}})(?:\s*(?:م|ه)(?!\w))?)?)(?![\w%])"),
        ("rel", rf"{f.L}(?P<t>(?:(?P<this>هذا|هذه)\s+(?P<u1>(?:ال)?(?:عام|سنه|شهر|اسبوع|عقد|قرن))"
                rf"|(?P<u2>ال(?:عام|سنه|شهر|اسبوع|عقد|قرن))\s+(?P<dir>{f.DIR1}))){f.R}"),
        ("weekend", rf"{f.L}(?P<t>(?:عطله\s+)?نهايه\s+(?:ال)?اسبوع(?:\s+(?P<dir>{f.DIR1}))?){f.R}"),
        ("deictic", rf"{f.L}(?P<t>(?P<w>{_alt(list(g.deictic_days) + list(g.deictic_times) + list(g.refs))})"
                    rf"(?:\s*[،,]?\s*(?P<wd>{f.WD}))?){f.R}"),
        # the n-th or last weekday of a month: `ثالث ثلاثاء في أيلول 2014`, `الاثنين الأخير من شهر آذار`
        ("nthwd", rf"{f.L}(?P<t>(?:(?P<o1>{_alt(g.nth_before)})\s+(?:يوم\s+)?(?P<wd1>{_alt(g.nth_weekdays)})"
                  rf"|(?:يوم\s+)?(?P<wd2>{_alt(g.nth_weekdays)})\s+(?P<o2>{_alt(g.nth_after)}))"
                  rf"\s+(?:(?:من|في)\s+|ب)(?:(?:شهر\s+|ب?شهر\s+)?(?P<mon>{f.MON})|شهر\s+(?P<mnum>\d{{1,2}}|{f.NUMW})"
                  rf"|الشهر\s+(?P<mord>{_alt(g.month_ordinals)})|(?P<mrel>الشهر\s+(?:{f.DIR1})|هذا\s+الشهر))"
                  rf"(?:\s*(?:من\s+|في\s+)?(?:[بل]?(?:ال)?(?:عام|سنه)\s+)?(?P<y>\d{{4}})|\s+(?P<rel>{f.YREL}))?){f.R}"),
        # the n-th or last day or week of a month: `ثالث يوم من شهر عشرة`, `الاسبوع الاخير في الشهر التاسع سنة 2014`
        ("nthunit", rf"{f.L}(?P<t>(?:(?P<o1>{f.NTHB})\s+(?P<u1>يوم|اسبوع)|(?P<u2>اليوم|الاسبوع)\s+(?P<o2>{f.NTHA}))"
                    rf"\s+(?:(?:من|في)\s+|ب){f.MONX}{f.YEAR_OF}){f.R}"),
        # the n-th weekday after a day: `ثالث ثلاثاء بعد كريسماس 2014` (the day is matched by its own pattern)
        ("nthafter", rf"{f.L}(?P<t>(?P<o>{f.NTHB})\s+(?:يوم\s+)?(?P<wd>{_alt(g.nth_weekdays)})\s+بعد)\s+"),
        # a weekday and an ordinal day with no month: `السبت السادس عشر` (the Saturday that is a 16th)
        ("wdord", rf"{f.L}(?P<t>(?:يوم\s+)?(?P<wd>{f.WD})\s*[،,]?\s*(?:الموافق\s+)?(?P<d>{f.ORD})){f.R}"
                  rf"(?!\s*(?:من|في)?\s*(?:شهر|الشهر|{f.MON}|{f.HMON}))"),
        # a weekday of a named week: `الأحد من الأسبوع الماضي`, `ثلاثاء الأسبوع الفائت`
        ("wdweek", rf"{f.L}(?P<t>(?:يوم\s+)?(?P<wd>{f.WDB})\s+(?:من\s+)?(?:(?P<this>هذا)\s+)?(?:ال)?اسبوع"
                   rf"(?:\s+(?P<dir>{f.DIR1}))?){f.R}"),
        ("weekday", rf"{f.L}(?P<t>(?:(?P<yom>يومي|يوم)\s+)?(?P<wds>{f.WD}(?:\s*(?:،|,|و|او)\s*(?:يوم\s+)?{f.WD})*)"
                    rf"(?:\s+(?P<dir>{f.DIR1}))?){f.R}"),
    ]


def _clock_patterns(g: "Grammar", f) -> list[tuple[str, str]]:
    """Clock times, in digits or words, with their zone."""
    return [
        ("clock", rf"{f.L}(?P<t>(?:(?P<kw>(?:ال)?ساعه)\s+)?(?P<h>\d{{1,2}})(?P<sep>[:.,])(?P<mi>\d{{2}})(?::(?P<sec>\d{{2}}))?(?!\d)"
                  rf"(?:\s*(?P<ap>{f.AP}))?(?:\s+{f.ZONE})?){f.R}"),
        ("clockw", rf"{f.L}(?P<t>(?:(?P<kw>(?:ال)?ساعه)\s+)?(?P<hw>{_alt(g.hours)}|\d{{1,2}})"
                   rf"(?:\s+و\s*(?:(?P<mw>{_alt(g.minutes)})|(?P<mn>\d{{1,2}})\s+دقيقه|(?P<mnw>{f.NUMW}(?:\s+(?:و\s*)?{f.NUMW}){{0,2}})\s+(?:دقيقه|دقائق)))?"
                   rf"(?:\s+(?P<minus>{_alt(g.minus)}))?(?:\s+(?:من\s+)?(?P<ap>{f.AP}))?(?:\s+{f.ZONE})?){f.R}"),
        ("clockword", rf"{f.L}(?P<t>(?P<cw>{_alt(g.clock_words)})){f.R}"),
        ("holiday", rf"{f.L}(?P<t>(?P<hol>{_alt(g.holidays)})(?:\s*[،,]?\s*(?:(?:ال)?(?:عام|سنه)\s+)?(?P<y>\d{{4}})(?!\d)|\s+(?P<dir>{f.DIR1}))?){f.R}"),
    ]


def _duration_patterns(g: "Grammar", f) -> list[tuple[str, str]]:
    """Durations and frequencies: `ثلاثة أيام`, `يومين`, `السنوات الماضية`, `كل عام`."""
    return [
        ("dur", rf"{f.L}(?P<t>(?:(?P<prep>{f.DPREP})\s+)?(?:(?P<q>{f.QUANT})\s+)?(?:ال)?(?P<num>{f.NUM})\s+"
                rf"(?P<unit>{f.U_SING}|{f.U_PL})(?:\s+(?P<dir>{f.DIRALL}))?){f.R}"),
        ("dual", rf"{f.L}(?P<t>(?:(?P<prep>{f.DPREP})\s+)?(?:(?P<q>{f.QUANT})\s+)?(?P<al>ال)?(?P<unit>{f.U_DUAL})"
                 rf"(?:\s+(?P<dir>{f.DIRALL}))?){f.R}"),
        ("plural", rf"{f.L}(?P<t>(?:(?P<prep>{f.DPREP})\s+)?(?:(?P<q>{f.QUANT})\s+)?ال(?P<unit>{f.U_PL})"
                   rf"(?:\s+(?:ال)?(?P<num>{f.NUM}))?\s+(?P<dir>{f.DIRALL})){f.R}"),
        ("vague", rf"{f.L}(?P<t>(?:(?P<prep>{f.DPREP})\s+)?(?:(?P<q>{f.QUANT})\s+)?(?:(?P<vc>{f.VAGUE})\s+)?(?P<unit>{f.U_PL})){f.R}"),
        ("one", rf"{f.L}(?P<t>(?P<prep>{f.DPREP})\s+(?:(?P<q>{f.QUANT})\s+)?(?P<unit>{f.U_SING})(?:\s+(?:واحد|كامل))?){f.R}"
                rf"(?!\s*(?:\d|{f.MON}|{f.HMON}|{f.WD}|ال))"),
        ("whole", rf"{f.L}(?P<t>(?P<unit>{f.U_SING})\s+(?:كاملا|كامله|واحدا|واحده|بكامله|باكمله)){f.R}"),
        # `طيلة اليوم`, `طوال الأسبوع`: all of one day or week, not the date of today
        ("throughout", rf"{f.L}(?P<t>(?:{_alt(g.throughout)})\s+ال(?P<unit>{f.U_SING})){f.R}"
                       rf"(?!\s+(?:{f.WD}|ال\w+ي(?:ه)?\b))"),
        ("set", rf"{f.L}(?P<t>(?P<adv>{_alt(g.sets)})|كل\s+(?:يوم\s+)?(?P<wd>{f.WDB})(?!\w)"
                rf"|كل\s+(?:(?P<num>\d+|{f.NUMPH})\s+)?(?P<unit>{f.U_SING}|{f.U_PL}|{f.U_DUAL})){f.R}"),
    ]


def _period_patterns(g: "Grammar", f) -> list[tuple[str, str]]:
    """Decades, centuries, quarters and halves, seasons."""
    return [
        ("decade", rf"{f.L}(?P<t>(?:عقد\s+)?(?:ال)?(?P<dec>{_alt(g.decades)})(?:يات|ات)"
                   rf"(?:\s+(?:من\s+)?(?P<cent>القرن\s+(?:{_alt(list(g.ordinals) + list(g.dir))})))?){f.R}"),
        ("century", rf"{f.L}(?P<t>(?:ال)?قرن\s+(?:(?P<ord>{f.ORD})|ال(?P<cd>\d{{1,2}})|(?P<dir>{f.DIR1}))){f.R}"),
        ("quarter", rf"{f.L}(?P<t>(?:ال)?(?P<k>ربع|نصف)\s+(?P<o>{_alt(g.qord)})(?:\s+(?:من\s+)?(?P<yr>{f.YEARPH}))?){f.R}"),
        # a season needs فصل, a direction or a year: الربيع العربي is not a season
        ("season", rf"{f.L}(?P<t>(?P<fasl>فصل\s+)?(?P<this>هذا\s+)?(?:ال)?(?P<sn>{_alt(g.seasons)})"
                   rf"(?:\s+(?P<dir>{f.DIR1})|\s+(?:من\s+)?(?:(?:ال)?عام\s+)?(?P<y>\d{{4}})|\s+(?:من\s+)?(?P<rel>{f.YREL}))?){f.R}"),
    ]



class Grammar:
    """The compiled grammar and lookup tables. `handlers` maps each pattern's name to the
    function that turns its match into a candidate (the handlers module's HANDLERS)."""

    def __init__(self, handlers: dict) -> None:
        cal, v = calendar(), vocabulary()
        _calendar_tables(self, cal, v)
        _word_tables(self, v)
        self.throughout = [_n(w) for w in v["throughout_words"]]  # `طيلة اليوم`: a whole unit
        f = _fragments(self, v)
        pats = _date_patterns(self, f) + _clock_patterns(self, f) + _duration_patterns(self, f) + _period_patterns(self, f)
        self.patterns = [(name, re.compile(p)) for name, p in pats]
        self.by_name = {name: (rank, rx, handlers[name]) for rank, (name, rx) in enumerate(self.patterns)}
        self.wd_rx = re.compile(f.WD)
        self._build_starters(v)
        _cue_patterns(self, v)

    def _build_starters(self, v: dict) -> None:
        """First words that can open each pattern: patterns are tried only at such words."""
        st: dict[str, set[str]] = {}

        def add(words, *names):
            for w in words:
                first = _n(w).split(" ")[0]
                if first:
                    st.setdefault(first, set()).update(names)

        dur = ("dur", "dual", "plural", "vague", "one")
        add(self.months, "month", "mdd")
        add(self.hmonths, "hijri")
        add(["شهر"], "month", "hijri")
        add([w for w in self.weekdays if w.startswith("ال")], "weekday", "dmy")
        add(["يوم", "يومي"], "weekday", "dmy", "wdweek", "wdnum")
        add([w for w in self.weekdays if w.startswith("ال")] + ["بتاريخ"], "wdnum")
        add(self.weekdays, "wdweek")
        add(list(self.nth_before) + list(self.nth_weekdays), "nthwd")
        add(self.ordinals, "dmy", "hijri", "ordmonth")
        add(["اول"], "dmy")
        add(["الشهر"], "month")
        add(list(self.nth_before) + ["اليوم", "الاسبوع"], "nthunit")
        add(self.nth_before, "nthafter")
        # wdord opens no search of its own: the weekday handler tries it before an ordinal
        add(list(self.deictic_days) + list(self.deictic_times) + list(self.refs), "deictic")
        add(["هذا", "هذه"], "rel", "deictic")
        add(["العام", "السنه", "الشهر", "الاسبوع", "العقد", "القرن"], "rel")
        add(["عام", "العام", "سنه", "السنه", "عامي"], "year")
        add(["عطله", "نهايه"], "weekend")
        add(["ساعه", "الساعه"], "clock", "clockw")
        add(self.clock_words, "clockword")
        add(self.holidays, "holiday")
        add(self.hours, "clockw")
        add([w for w, k in self.unit_kind.items() if k == "singular"], "whole")
        add(self.throughout, "throughout")
        add(list(v["duration_preps"]) + list(self.quant), *dur)
        add(v["vague_counts"], "vague")
        add(list(self.cardinals) + list(self.fractions) + list(v["compound_number_heads"]), "dur")
        add(["ال" + _n(w) for w in self.cardinals], "dur", "plural")
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
        self._build_connectors(v)
        self.cache: dict[str, tuple | None] = {}  # word → (((rank, pattern.match, handler), ...), next words)

    def _build_connectors(self, v: dict) -> None:
        """Starter words tried only when the next word fits (`connectors`: word → next words)."""
        # Frequent function words open patterns only in a few phrases (في غضون, على مدى,
        # ما يزيد على, لا يقل عن): try them only when the next word fits.
        self.connectors: dict[str, set[str]] = {}
        for phrase in list(v["duration_preps"]) + list(v["quantifiers"]["MORE_THAN"]) + list(
                v["quantifiers"]["LESS_THAN"]) + list(v["quantifiers"]["APPROX"]) + list(v["refs"]):
            words = _n(phrase).split(" ")
            if len(words) > 1 and words[0] in ("في", "علي", "ما", "لا"):
                self.connectors.setdefault(words[0], set()).add(words[1])
        # The indefinite ordinals (أول, ثالث, آخر) open patterns only before a weekday, a month,
        # يوم/أسبوع/شهر, or in أول (من) أمس; elsewhere (أول مرة, ثاني أكبر) they are skipped.
        nth_next = ({w.split(" ")[0] for w in list(self.nth_weekdays) + list(self.months)}
                    | {"يوم", "اسبوع", "شهر", "الشهر", "من"}
                    | {w.split(" ")[1] for w in self.deictic_days if " " in w})
        for w in self.nth_before:
            if set(self.starters.get(w, ())) <= {"nthwd", "nthunit", "nthafter", "dmy", "deictic"}:
                self.connectors[w] = nth_next

    def starters_for(self, w: str) -> tuple:
        got = self.cache.get(w)
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
        if len(self.cache) < WORDS:
            self.cache[w] = got
        return got

