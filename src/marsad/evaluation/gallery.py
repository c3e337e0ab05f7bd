"""A gallery of Arabic outlet page styles built from ANT articles, with gold layout.

Each style is modelled on how one Arabic outlet lays out an article page (its
masthead, breadcrumbs, byline and dateline forms, caption credits, related and tag
blocks, share widgets, footer; its kind of HTML markup and meta tags). An ANT
article (title, author, time, paragraphs) is rendered in a style either as a text
scrape (the lines copy-paste or a text crawler gives) or as a full HTML page, in one
of five encodings, and carries the gold an analyst expects back from layout:
title, author (the person or agency, never the city), publication time (with its
UTC offset when the page states a zone), the body paragraphs, sub-headings, the
furniture strings that must stay out of the body and, for text, a label for every
line above the body.

    docs = build_gallery(ant_root, per_style=40)
    write_gallery(docs, "gallery/")      # one file per page and gold.jsonl

Optional elements (caption, byline, related block, sub-headings, update line, ...)
vary per document with a seeded RNG, so a style is a family of pages, not one
template. Everything is deterministic for a given (ant_root, per_style, seed).
"""
from __future__ import annotations

import html as _html
import json
import random
import re
import textwrap
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Callable, Iterable
from zoneinfo import ZoneInfo

ENCODINGS = ("utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "windows-1256")
KINDS = ("text", "html")
LABELS = ("title", "masthead", "breadcrumb", "byline", "dateline", "caption", "credit", "update", "furniture", "blank")


@dataclass
class GalleryDoc:
    style: str
    kind: str  # "text" | "html"
    encoding: str
    name: str
    data: bytes
    gold: dict
    ant: str = ""  # the ANT docno the page was rendered from


# -- calendar words ----------------------------------------------------------
EG = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
LV = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]
DZ = ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
MA = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"]
HIJRI = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"]
DAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
DAYS_EG = ["الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

SECTIONS = {
    "internationalNews": ["عربي ودولي", "العالم", "أخبار العالم", "دولي"],
    "middleEast": ["الشرق الأوسط", "عربي", "أخبار عربية", "سياسة"],
    "sport": ["رياضة", "الرياضة", "كرة القدم"],
    "economy": ["اقتصاد", "الاقتصاد", "مال وأعمال"],
    "technology": ["تكنولوجيا", "علوم وتكنولوجيا", "تقنية"],
    "culture": ["ثقافة وفن", "فنون", "منوعات"],
}
HEADINGS = [
    "تفاصيل الحادث", "ردود فعل دولية", "خلفية الأزمة", "مواقف متباينة", "أرقام ودلالات", "ماذا بعد",
    "تحذيرات رسمية", "سياق الأحداث", "المرحلة المقبلة", "انتقادات واسعة", "تطورات ميدانية", "قراءة في الأرقام",
    "موقف الحكومة", "مخاوف من التصعيد", "مطالب المعارضة", "الجانب الاقتصادي",
]
AGENCIES = {"رويترز", "د ب أ", "فرانس برس", "أ ف ب", "وكالات", "واس", "كونا", "قنا", "بترا", "سانا", "وفا", "أ ش أ",
            "الأناضول", "سكاي نيوز عربية", "العربية.نت", "العربية نت", "فرانس 24", "قناة العربية", "أسوشيتد برس", "وام"}
JUNK_AUTHORS = ["admin", "Editor", "فريق التحرير", "webmaster", "محرر الموقع", "3f2b9c1e-7a4d-4c1b-9e2f-0a1b2c3d4e5f"]
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-", re.I)


def norm_text(s: str) -> str:
    return " ".join(s.split())


# -- dates -----------------------------------------------------------------------
@dataclass
class Stamp:
    """One rendering of the publication time: the text and what it states."""

    text: str
    local: datetime  # aware, in the zone the text is written in
    zone: bool  # the text states the zone (GMT+4, بتوقيت مكة, EET ...)
    clock: bool = True  # the text gives a time of day


class D:
    """The publication time in one zone, with the pieces datelines are made of."""

    def __init__(self, utc: datetime, tz: str):
        self.t = utc.astimezone(ZoneInfo(tz))
        t = self.t
        self.y, self.m, self.d, self.H, self.M = t.year, t.month, t.day, t.hour, t.minute
        self.dd, self.mm, self.HH, self.MM = f"{t.day:02d}", f"{t.month:02d}", f"{t.hour:02d}", f"{t.minute:02d}"
        self.h12 = f"{t.hour % 12 or 12:02d}"
        self.ampm = "م" if t.hour >= 12 else "ص"
        self.ampm_long = "مساءً" if t.hour >= 12 else "صباحاً"
        self.eg, self.lv, self.dz, self.ma = EG[t.month - 1], LV[t.month - 1], DZ[t.month - 1], MA[t.month - 1]
        self.wd, self.wd_eg = DAYS[t.weekday()], DAYS_EG[t.weekday()]
        from hijridate import Gregorian

        h = Gregorian(t.year, t.month, t.day).to_hijri()
        self.hy, self.hm, self.hd, self.hmonth = h.year, h.month, h.day, HIJRI[h.month - 1]
        off = t.utcoffset() or timedelta(0)
        mins = int(off.total_seconds() // 60)
        self.gmt = "GMT" if not mins else f"GMT{'+' if mins > 0 else '-'}{abs(mins) // 60}"
        self.gmt4 = f"GMT{'+' if mins >= 0 else '-'}{abs(mins) // 60:02d}{abs(mins) % 60:02d}"
        self.abbr = t.tzname() or ""

    def stamp(self, text: str, zone: bool = False, clock: bool = True) -> Stamp:
        return Stamp(text, self.t, zone, clock)


DateFmt = Callable[[datetime, random.Random], Stamp]


def gold_time(s: Stamp) -> str:
    if not s.clock:
        return s.local.date().isoformat()
    if s.zone:
        return s.local.isoformat()
    return s.local.replace(tzinfo=None).isoformat()


# -- authors ---------------------------------------------------------------------
def split_author(a: str | None) -> tuple[str | None, str | None]:
    """(city, author) from an ANT author field such as `لندن - رويترز`; junk (ids) gives (None, None)."""
    a = norm_text(a or "")
    if not a or _UUID.match(a):
        return None, None
    m = re.fullmatch(r"(.{2,30}?)\s*[-–ـ]\s*(.+)", a)
    if m and len(m.group(1).split()) <= 3 and "." not in m.group(1):
        return m.group(1).strip(), m.group(2).strip()
    if m and "." in m.group(1):  # `العربية.نت - إسلام سيف`: an outlet, then the writer
        return None, m.group(2).strip()
    return None, a


def is_agency(name: str) -> bool:
    """A news agency or an outlet (not a person): a person's byline form (`كتب:`, `بقلم`) does not fit it."""
    return name in AGENCIES or name in HOUSE_NAMES or any(w in name for w in ("نت", "وكال", "قناة", "نيوز", "24"))


Byline = Callable[[str, str, bool], str | None]  # (city, name, agency) -> line; None: this form does not fit


def by_city_colon(c, n, ag):
    return f"{c}: {n}"


def by_city_dash(c, n, ag):
    return f"{c} - {n}"


def by_name_dash_city(c, n, ag):
    return f"{n} - {c}" if ag else None


def by_city_dash_colon(c, n, ag):
    return f"{c} - {n}:" if not ag else None


def by_kataba(c, n, ag):
    return f"كتب: {n}" if not ag else None


def by_kataba_dash(c, n, ag):
    return f"كتب - {n}" if not ag else None


def by_biqalam(c, n, ag):
    return f"بقلم {n}" if not ag else None


def by_biqalam_colon(c, n, ag):
    return f"بقلم: {n}" if not ag else None


def by_hiwar(c, n, ag):
    return f"حوار: {n}" if not ag else None


def by_bare(c, n, ag):
    return n


def by_city_bracket(c, n, ag):
    return f"{c} ({n})" if ag else None


def by_city_guillemets(c, n, ag):
    return f"{c}: «{n}»" if ag else f"{c}: {n}"


# -- styles ------------------------------------------------------------------------
@dataclass
class Style:
    id: str
    site: str  # og:site_name
    domain: str
    tz: str
    cities: tuple[str, ...]
    masthead: tuple[str, ...]  # masthead/tagline lines of a scrape
    crumb: str  # breadcrumb with {sec}
    datelines: tuple[DateFmt, ...]
    bylines: tuple[Byline, ...]
    update: DateFmt | None = None  # `آخر تحديث: ...`
    update_p: float = 0.0
    agencies: tuple[str, ...] = ("وكالات",)
    agency_p: float = 0.3  # authorless article: chance of an agency byline
    credit_forms: tuple[str, ...] = ("({a})",)  # caption credit with {a}
    credit_own_line: float = 0.5
    caption_twice: float = 0.0
    captions: tuple[str, ...] = ("صورة أرشيفية", "من موقع الحدث", "صورة من الحدث - أرشيفية")
    related_marker: tuple[str, ...] = ("اقرأ أيضاً",)
    related_block: tuple[str, ...] = ("أخبار ذات صلة",)
    tags_label: tuple[str, ...] = ("الكلمات الدالة",)
    tail: tuple[str, ...] = ("شارك", "جميع الحقوق محفوظة")
    widgets: tuple[str, ...] = ()  # share/print/font widgets printed in the header
    order: tuple[str, ...] = ("masthead", "breadcrumb", "title", "byline", "dateline", "caption")
    blank_sep: bool = True
    indic_p: float = 0.0
    heading_p: float = 0.3
    # HTML
    og_suffix: str = " | {site}"
    pub_meta: tuple[str, ...] = ("iso",)  # iso, isoz, naive, arabic, none
    jsonld_p: float = 0.5
    time_el_p: float = 0.5
    author_meta: tuple[str, ...] = ("real", "junk", "site", "none")
    heading_tag: str = "h2"
    body_class: str = "article-body"
    markup: str = "semantic"  # modern | semantic | legacy


def _fmt(tz: str, make: Callable[[D], tuple[str, bool, bool] | tuple[str, bool]]) -> DateFmt:
    def f(utc, rng):
        d = D(utc, tz)
        r = make(d)
        return d.stamp(r[0], r[1], r[2] if len(r) > 2 else True)

    return f


def _styles() -> list[Style]:
    """The outlet styles, one `Style(...)` entry each, in gallery order.

    Long: a table of 27 outlets' templates (their words, datelines, bylines and markup); split
    up, one outlet's entry would no longer read as one block beside the others."""
    CAI, RUH, DXB, DOH, AMM, BEY = "Africa/Cairo", "Asia/Riyadh", "Asia/Dubai", "Asia/Qatar", "Asia/Amman", "Asia/Beirut"
    S: list[Style] = []
    S.append(Style(
        "aljazeera", "الجزيرة نت", "aljazeera.net", DOH, ("الدوحة", "غزة", "الخرطوم", "إسطنبول"),
        ("الجزيرة نت", "الجزيرة"), "الرئيسية / {sec}",
        (_fmt(DOH, lambda d: (f"{d.d}/{d.m}/{d.y}", False, False)),
         _fmt(DOH, lambda d: (f"نشر في {d.d}/{d.m}/{d.y} - {d.h12}:{d.MM} {d.ampm} (بتوقيت مكة المكرمة)", True)),
         _fmt(DOH, lambda d: (f"{d.y}/{d.m}/{d.d} {d.HH}:{d.MM} (مكة المكرمة)", True))),
        (by_city_dash, by_bare, by_name_dash_city),
        update=_fmt(DOH, lambda d: (f"آخر تحديث: {d.d}/{d.m}/{d.y} - {d.h12}:{d.MM} {d.ampm} (بتوقيت مكة المكرمة)", True)),
        update_p=0.6, agencies=("الجزيرة نت", "وكالات"), credit_forms=("({a})", "الصورة: {a}"),
        related_marker=("اقرأ أيضا",), related_block=("مواضيع ذات صلة",), tags_label=("الوسوم",),
        tail=("المصدر: الجزيرة + وكالات", "شارك", "تابع الجزيرة نت على:", "© 2018 شبكة الجزيرة الإعلامية"),
        order=("masthead", "breadcrumb", "title", "dateline", "update", "byline", "caption"),
        pub_meta=("isoz", "iso"), og_suffix=" | الجزيرة نت"))
    S.append(Style(
        "alarabiya", "العربية", "alarabiya.net", DXB, ("دبي", "الرياض", "القاهرة", "بيروت"),
        ("العربية.نت", "العربية"), "الرئيسية > {sec}",
        (_fmt("UTC", lambda d: (f"نشر في: {d.dd} {d.eg} ,{d.y}: {d.h12}:{d.MM} {d.ampm} GMT", True)),
         _fmt(DXB, lambda d: (f"{d.wd} {d.hd} {d.hmonth} {d.hy}هـ - {d.d} {d.eg} {d.y}م", False, False)),
         _fmt("UTC", lambda d: (f"{d.dd} {d.eg} {d.y} - {d.HH}:{d.MM} GMT", True))),
        (by_city_dash, by_bare, by_city_dash),
        update=_fmt("UTC", lambda d: (f"آخر تحديث: {d.dd} {d.eg} ,{d.y}: {d.h12}:{d.MM} {d.ampm} GMT", True)),
        update_p=0.7, agencies=("العربية.نت", "قناة العربية", "وكالات"), agency_p=0.6,
        credit_forms=("({a})", "صورة تعبيرية - {a}"),
        tags_label=("الكلمات الدالة",), related_marker=("اقرأ المزيد",), related_block=("مواضيع ذات صلة",),
        tail=("طباعة", "شارك", "حقوق النشر © 2018 العربية"), widgets=("A A A", "طباعة"),
        order=("masthead", "breadcrumb", "title", "byline", "dateline", "update", "caption"),
        pub_meta=("iso", "isoz"), og_suffix=" | العربية", body_class="article-body"))
    S.append(Style(
        "bbc", "BBC News عربي", "bbc.com", "UTC", ("لندن", "القاهرة", "بيروت"),
        ("BBC News عربي", "بي بي سي عربي"), "الرئيسية / {sec}",
        (_fmt("UTC", lambda d: (f"{d.d} {d.eg}/ {d.lv} {d.y}", False, False)),
         _fmt("UTC", lambda d: (f"{d.d} {d.eg}/ {d.lv} {d.y}", False, False)),
         _fmt("UTC", lambda d: (f"{d.d} {d.eg}/ {d.lv} {d.y}، {d.HH}:{d.MM} GMT", True))),
        (by_bare, by_city_dash), agencies=(), agency_p=0.0,
        captions=("التعليق على الصورة، صورة أرشيفية", "التعليق على الصورة، جانب من الاحتجاجات", "التعليق على الصورة، المكان بعد الحادث"),
        credit_forms=("مصدر الصورة، {a}", "مصدر الصورة: {a}"), credit_own_line=1.0,
        related_marker=("قصص مقترحة",), related_block=("موضوعات ذات صلة", "قصص مقترحة"), tags_label=("المزيد حول هذه القصة",),
        tail=("انتقل إلى المحتوى الأساسي", "© 2018 بي بي سي. بي بي سي ليست مسؤولة عن محتوى المواقع الخارجية."),
        order=("masthead", "title", "dateline", "byline", "caption"), heading_p=0.6, heading_tag="h2",
        pub_meta=("none",), jsonld_p=1.0, time_el_p=1.0, og_suffix=" - BBC News عربي", author_meta=("none", "site")))
    S.append(Style(
        "skynews", "سكاي نيوز عربية", "skynewsarabia.com", DXB, ("أبوظبي", "دبي", "واشنطن"),
        ("سكاي نيوز عربية", "سكاي نيوز عربية - أبوظبي"), "الرئيسية / {sec}",
        (_fmt(DXB, lambda d: (f"{d.dd} {d.eg} {d.y} - {d.HH}:{d.MM} بتوقيت أبوظبي", True)),
         _fmt(DXB, lambda d: (f"نشر في: {d.dd} {d.eg} {d.y} - {d.HH}:{d.MM} GMT+4", True)),
         _fmt(DXB, lambda d: (f"منشور: {d.dd}-{d.mm}-{d.y} | {d.HH}:{d.MM}", False))),
        (by_city_dash,), update=_fmt(DXB, lambda d: (f"آخر تحديث: {d.dd} {d.eg} {d.y} - {d.HH}:{d.MM} GMT+4", True)),
        update_p=0.5, agencies=("سكاي نيوز عربية",), agency_p=0.9, captions=("أرشيفية", "صورة أرشيفية", "من مكان الحادث"),
        credit_forms=("({a})", "- {a}"), related_block=("أخبار ذات صلة",), tags_label=("الكلمات الدالة", "وسوم:"),
        tail=("مشاركة", "تابعوا سكاي نيوز عربية على", "جميع الحقوق محفوظة لسكاي نيوز عربية 2018"),
        order=("breadcrumb", "title", "caption", "byline", "dateline", "update"), pub_meta=("iso",), og_suffix=" | سكاي نيوز عربية"))
    S.append(Style(
        "cnnarabic", "CNN Arabic", "arabic.cnn.com", DXB, ("دبي، الإمارات العربية المتحدة", "واشنطن، الولايات المتحدة الأمريكية", "أتلانتا، الولايات المتحدة"),
        ("CNN بالعربية", "CNN Arabic"), "الرئيسية > {sec}",
        (_fmt(DXB, lambda d: (f"نُشر يوم {d.wd}، {d.dd} {d.eg} / {d.lv} {d.y}; {d.HH}:{d.MM} (GMT +0400)", True)),
         _fmt(DXB, lambda d: (f"آخر تحديث {d.wd}، {d.dd} {d.eg}/{d.lv} {d.y}; {d.HH}:{d.MM} ({d.gmt4})", True)),
         _fmt(DXB, lambda d: (f"{d.dd} {d.eg} {d.y}", False, False))),
        (by_city_bracket, by_bare, by_biqalam_colon), agencies=("CNN",), agency_p=0.8,
        credit_forms=("Credit: {a}", "({a})"), related_marker=("اقرأ أيضا:",), related_block=("مواضيع ذات صلة",),
        tags_label=("الوسوم:",), tail=("مشاركة", "طباعة", "© 2018 Cable News Network. Turner Broadcasting System, Inc."),
        order=("breadcrumb", "title", "dateline", "byline", "caption"), pub_meta=("iso", "none"), og_suffix=" - CNN Arabic"))
    S.append(Style(
        "france24", "فرانس 24", "france24.com", "Europe/Paris", ("باريس", "بيروت", "تونس"),
        ("فرانس 24", "FRANCE 24 عربي"), "الرئيسية > {sec}",
        (_fmt("Europe/Paris", lambda d: (f"نشرت في : {d.dd}/{d.mm}/{d.y} - {d.HH}:{d.MM}", False)),
         _fmt("Europe/Paris", lambda d: (f"نشرت في: {d.dd}/{d.mm}/{d.y} - {d.HH}:{d.MM} آخر تعديل: {d.dd}/{d.mm}/{d.y} - {d.HH}:{d.MM}", False)),
         _fmt("Europe/Paris", lambda d: (f"{d.dd}/{d.mm}/{d.y} - {d.HH}:{d.MM}", False))),
        (by_bare, by_name_dash_city), agencies=("فرانس 24", "فرانس 24 / أ ف ب"), agency_p=0.8,
        credit_forms=("© {a}", "© أ ف ب"), credit_own_line=0.8, related_block=("المزيد حول الموضوع",),
        tags_label=("كلمات مفتاحية",), tail=("النشرة الإخبارية", "اشترك في نشرتنا الإخبارية", "إعلان", "© فرانس 24 - 2018"),
        widgets=("إعلان", "قراءة 2 دقائق"), order=("breadcrumb", "title", "byline", "dateline", "caption"),
        pub_meta=("iso",), og_suffix=" - فرانس 24", author_meta=("site", "real")))
    S.append(Style(
        "rtarabic", "RT Arabic", "arabic.rt.com", "Europe/Moscow", ("موسكو", "دمشق", "بغداد"),
        ("RT Arabic", "روسيا اليوم"), "الرئيسية / {sec}",
        (_fmt("UTC", lambda d: (f"{d.dd}.{d.mm}.{d.y} | {d.HH}:{d.MM} GMT", True)),
         _fmt("UTC", lambda d: (f"تاريخ النشر: {d.dd}.{d.mm}.{d.y} | {d.HH}:{d.MM} GMT", True)),
         _fmt("Europe/Moscow", lambda d: (f"{d.dd}.{d.mm}.{d.y} {d.HH}:{d.MM} بتوقيت موسكو", True))),
        (by_bare,), agencies=(), agency_p=0.0, credit_forms=("Gettyimages.ru", "{a}"), credit_own_line=1.0,
        related_block=("المزيد",), tags_label=("وسوم:",),
        tail=("المصدر: وكالات", "تابعوا RT على", "RT Arabic", "© 2005 - 2018 ANO «TV-Novosti»"),
        order=("masthead", "breadcrumb", "dateline", "title", "byline", "caption"), pub_meta=("isoz",), og_suffix=" - RT Arabic"))
    S.append(Style(
        "aawsat", "الشرق الأوسط", "aawsat.com", "Europe/London", ("لندن", "بيروت", "القاهرة", "الرياض"),
        ("الشرق الأوسط", "جريدة العرب الأولى"), "الرئيسية > {sec}",
        (_fmt("Europe/London", lambda d: (f"{d.wd} - {d.hd} {d.hmonth} {d.hy} هـ - {d.dd} {d.eg} {d.y} مـ رقم العدد [ 14{d.d:03d}]", False, False)),
         _fmt("Europe/London", lambda d: (f"{d.wd} - {d.hd} {d.hmonth} {d.hy} هـ - {d.dd} {d.eg} {d.y} مـ", False, False)),
         _fmt("Europe/London", lambda d: (f"نُشر: {d.HH}:{d.MM}-{d.dd} {d.eg} {d.y} م ـ {d.hd} {d.hmonth} {d.hy} هـ", False))),
        (by_city_guillemets, by_city_colon, by_hiwar), agencies=("الشرق الأوسط",), agency_p=0.7,
        credit_forms=("(أ.ف.ب)", "({a})"), related_block=("مواضيع",), tags_label=("مواضيع",),
        tail=("Asharq Al-Awsat", "© جميع الحقوق محفوظة لصحيفة الشرق الأوسط"),
        order=("masthead", "dateline", "title", "byline", "caption"), pub_meta=("naive", "iso"), og_suffix=" | الشرق الأوسط"))
    S.append(Style(
        "ahram", "بوابة الأهرام", "gate.ahram.org.eg", CAI, ("القاهرة", "الإسكندرية"),
        ("بوابة الأهرام", "الأهرام"), "الرئيسية > {sec}",
        (_fmt(CAI, lambda d: (f"{d.d}-{d.m}-{d.y} | {d.HH}:{d.MM}", False)),
         _fmt(CAI, lambda d: (f"{d.wd_eg} {d.d} {d.eg} {d.y} {d.HH}:{d.MM} EET", True)),
         _fmt(CAI, lambda d: (f"{d.d}-{d.m}-{d.y} | {d.h12}:{d.MM} {d.ampm}", False))),
        (by_city_colon, by_kataba_dash, by_bare), agencies=("أ ش أ", "رويترز"), agency_p=0.4,
        credit_forms=("({a})",), related_block=("الأكثر قراءة", "اقرأ أيضا"), tags_label=("الكلمات المفتاحية",),
        tail=("تعليقات القراء", "أضف تعليق", "جميع حقوق النشر محفوظة لمؤسسة الأهرام"),
        order=("masthead", "breadcrumb", "title", "byline", "dateline", "caption"), pub_meta=("arabic", "naive"),
        og_suffix=" - بوابة الأهرام"))
    S.append(Style(
        "youm7", "اليوم السابع", "youm7.com", CAI, ("القاهرة", "الجيزة", "الإسكندرية"),
        ("اليوم السابع", "اليوم السابع - Youm7"), "الرئيسية > أخبار > {sec}",
        (_fmt(CAI, lambda d: (f"{d.wd_eg}، {d.dd} {d.eg} {d.y} - {d.h12}:{d.MM} {d.ampm}", False)),
         _fmt(CAI, lambda d: (f"{d.wd_eg}، {d.dd} {d.eg} {d.y} {d.h12}:{d.MM} {d.ampm}", False))),
        (by_kataba, by_kataba_dash, by_city_colon), agencies=("أ ش أ", "رويترز"), agency_p=0.3, caption_twice=0.8,
        captions=("جانب من الاجتماع", "الرئيس خلال اللقاء", "صورة من الحدث"), credit_forms=("- أرشيفية", "- صورة أرشيفية"),
        related_marker=("اقرأ أيضاً",), related_block=("اخبار ذات صلة",), tags_label=("الكلمات الدالة",),
        tail=("مشاركة", "لا توجد تعليقات على الخبر", "اضف تعليق"), heading_p=0.4,
        order=("breadcrumb", "caption", "title", "byline", "dateline"), pub_meta=("arabic",), heading_tag="strong",
        og_suffix=" - اليوم السابع", author_meta=("real", "site")))
    S.append(Style(
        "masrawy", "مصراوي", "masrawy.com", CAI, ("القاهرة",),
        ("مصراوي", "Masrawy"), "الرئيسية / أخبار / {sec}",
        (_fmt(CAI, lambda d: (f"{d.h12}:{d.MM} {d.ampm} {d.wd_eg} {d.dd} {d.eg} {d.y}", False)),
         _fmt(CAI, lambda d: (f"{d.h12}:{d.MM} {d.ampm_long} {d.wd_eg} {d.dd} {d.eg} {d.y}", False))),
        (by_kataba_dash, by_kataba, by_city_dash), agencies=("أ ش أ", "وكالات"), agency_p=0.3,
        credit_forms=("- أرشيفية", "({a})"), related_marker=("اقرأ أيضا:",), related_block=("مواضيع متعلقة",),
        tags_label=("موضوعات متعلقة", "وسوم:"),
        tail=("تابع صفحتنا على أخبار جوجل", "شارك", "تعليقات فيسبوك"), order=("breadcrumb", "title", "byline", "dateline", "caption"),
        pub_meta=("iso", "naive"), og_suffix=" | مصراوي"))
    S.append(Style(
        "almasryalyoum", "المصري اليوم", "almasryalyoum.com", CAI, ("القاهرة", "المنصورة"),
        ("المصري اليوم",), "الرئيسية › {sec}",
        (_fmt(CAI, lambda d: (f"{d.wd_eg} {d.dd}-{d.mm}-{d.y} {d.HH}:{d.MM}", False)),
         _fmt(CAI, lambda d: (f"نشر في: {d.wd_eg} {d.dd}-{d.mm}-{d.y} {d.HH}:{d.MM}", False))),
        (by_kataba, by_bare, by_hiwar), agencies=("أ ش أ", "رويترز"), agency_p=0.3, credit_forms=("تصوير: {a}", "- صورة أرشيفية"),
        related_block=("موضوعات ذات صلة",), tags_label=("الوسوم",),
        tail=("جميع الحقوق محفوظة © المصري اليوم", "شارك"), order=("masthead", "title", "byline", "dateline", "caption"),
        pub_meta=("naive", "iso"), og_suffix=" | المصري اليوم"))
    S.append(Style(
        "hespress", "هسبريس", "hespress.com", "Africa/Casablanca", ("الرباط", "الدار البيضاء", "مراكش"),
        ("هسبريس", "هسبريس - Hespress"), "الرئيسية > {sec}",
        (_fmt("Africa/Casablanca", lambda d: (f"{d.wd} {d.dd} {d.ma} {d.y} - {d.HH}:{d.MM}", False)),
         _fmt("Africa/Casablanca", lambda d: (f"{d.wd} {d.d} {d.ma} {d.y} - {d.HH}:{d.MM}", False))),
        (by_city_dash, by_bare), agencies=("هسبريس", "و.م.ع"), agency_p=0.5, credit_forms=("صورة: {a}", "({a})"),
        related_marker=("اقرأ أيضاً",), related_block=("مقالات ذات صلة",), tags_label=("وسوم:", "الوسوم"),
        tail=("أضف تعليق", "التعليقات", "جميع الحقوق محفوظة هسبريس 2018"), order=("breadcrumb", "title", "byline", "dateline", "caption"),
        pub_meta=("iso",), og_suffix=" | هسبريس"))
    S.append(Style(
        "alkhaleej", "صحيفة الخليج", "alkhaleej.ae", DXB, ("الشارقة", "دبي", "أبوظبي"),
        ("صحيفة الخليج", "الخليج"), "الرئيسية / عربي ودولي",
        (_fmt(DXB, lambda d: (f"{d.d} {d.eg} {d.y} {d.HH}:{d.MM}", False)),
         _fmt(DXB, lambda d: (f"{d.wd}، {d.d} {d.eg} {d.y} | {d.HH}:{d.MM} مساءً" if d.H >= 12 else f"{d.wd}، {d.d} {d.eg} {d.y} | {d.HH}:{d.MM} صباحاً", False))),
        (by_city_guillemets, by_city_colon), agencies=("الخليج", "وام"), agency_p=0.6, indic_p=0.0,
        credit_forms=("({a})",), related_block=("مقالات ذات صلة",), tags_label=("الكلمات الدالة",),
        tail=("النشرة الإخبارية", "اشترك الآن", "© دار الخليج للصحافة والطباعة والنشر 2018"),
        order=("masthead", "breadcrumb", "title", "dateline", "byline", "caption"), pub_meta=("iso",), og_suffix=" | صحيفة الخليج"))
    S.append(Style(
        "albayan", "البيان", "albayan.ae", DXB, ("دبي", "أبوظبي"),
        ("البيان", "صحيفة البيان"), "الرئيسية > عالمنا > {sec}",
        (_fmt(DXB, lambda d: (f"التاريخ: {d.dd} {d.eg} {d.y}", False, False)),
         _fmt(DXB, lambda d: (f"تاريخ النشر: {d.dd} {d.eg} {d.y} {d.HH}:{d.MM}", False)),
         _fmt(DXB, lambda d: (f"تاريخ النشر: {d.dd} {d.eg} {d.y} {d.HH}:{d.MM} (GMT+04:00)", True))),
        (by_city_dash, by_city_colon), agencies=("البيان", "وكالات"), agency_p=0.6, credit_forms=("البيان", "({a})"),
        related_block=("قد يعجبك أيضاً",), tags_label=("الكلمات الدالة",),
        tail=("طباعة", "مشاركة", "© 2018 البيان"), widgets=("طباعة",), order=("masthead", "breadcrumb", "title", "byline", "dateline", "caption"),
        pub_meta=("naive",), og_suffix=" - البيان"))
    S.append(Style(
        "okaz", "عكاظ", "okaz.com.sa", RUH, ("أبها", "جدة", "الرياض", "مكة المكرمة"),
        ("عكاظ", "صحيفة عكاظ"), "الرئيسية > محليات",
        (_fmt(RUH, lambda d: (f"{d.wd} {d.dd} {d.eg} {d.y} {d.h12}:{d.MM} {d.ampm}", False)),
         _fmt(RUH, lambda d: (f"{d.dd} {d.eg} {d.y} - {d.HH}:{d.MM} بتوقيت مكة", True)),
         _fmt(RUH, lambda d: (f"{d.wd} {d.hd} {d.hmonth} {d.hy} هـ - {d.dd} {d.eg} {d.y}", False, False))),
        (by_city_dash_colon, by_city_dash, by_city_guillemets), agencies=("عكاظ", "واس"), agency_p=0.5, indic_p=0.3,
        credit_forms=("({a})",), related_block=("الأكثر قراءة",), tags_label=("وسوم:",),
        tail=("شارك الخبر", "حقوق النشر محفوظة لمؤسسة عكاظ للصحافة والنشر"),
        order=("masthead", "title", "byline", "dateline", "caption"), pub_meta=("iso",), og_suffix=" | صحيفة عكاظ"))
    S.append(Style(
        "alriyadh", "جريدة الرياض", "alriyadh.com", RUH, ("الرياض", "جدة", "الدمام"),
        ("جريدة الرياض", "الرياض"), "الرئيسية / {sec}",
        (_fmt(RUH, lambda d: (f"{d.wd} {d.hd} {d.hmonth} {d.hy}هـ - {d.d} {d.eg} {d.y}م", False, False)),
         _fmt(RUH, lambda d: (f"{d.wd} {d.hd} {d.hmonth} {d.hy}هـ - {d.d} {d.eg} {d.y}م {d.HH}:{d.MM}", False))),
        (by_city_dash, by_city_dash_colon), agencies=("واس", "الرياض"), agency_p=0.6, indic_p=0.3,
        credit_forms=("({a})",), related_block=("أخبار متعلقة",), tags_label=("الكلمات المفتاحية",),
        tail=("المصدر: صحيفة الرياض", "© جميع الحقوق محفوظة لمؤسسة اليمامة الصحفية"),
        order=("masthead", "dateline", "title", "byline", "caption"), pub_meta=("naive", "arabic"), og_suffix=" | جريدة الرياض"))
    S.append(Style(
        "annahar", "النهار", "annahar.com", BEY, ("بيروت", "طرابلس", "صيدا"),
        ("النهار", "النهار العربي"), "الرئيسية > لبنان",
        (_fmt(BEY, lambda d: (f"{d.dd} {d.lv} {d.y} | {d.HH}:{d.MM}", False)),
         _fmt(BEY, lambda d: (f"نشر في {d.dd} {d.lv} {d.y} | {d.HH}:{d.MM}", False)),
         _fmt(BEY, lambda d: (f"{d.dd} {d.lv} {d.y} | {d.HH}:{d.MM} بتوقيت بيروت", True))),
        (by_bare, by_city_dash, by_biqalam), agencies=("النهار",), agency_p=0.4, credit_forms=("(أرشيفية)", "({a})"),
        related_block=("الأكثر قراءة",), tags_label=("الكلمات الدالة",),
        tail=("مواضيع ذات صلة", "حمّل تطبيق النهار", "© 2018 جميع الحقوق محفوظة لجريدة النهار"),
        order=("breadcrumb", "title", "byline", "dateline", "caption"), pub_meta=("iso",), og_suffix=" | النهار"))
    S.append(Style(
        "alquds", "القدس العربي", "alquds.co.uk", "Europe/London", ("لندن", "رام الله", "بيروت", "تونس"),
        ("القدس العربي", "«القدس العربي»"), "الرئيسية / عربي",
        (_fmt("Europe/London", lambda d: (f"{d.dd} - {d.eg} - {d.y}", False, False)),
         _fmt("Europe/London", lambda d: (f"تم نشره {d.wd} {d.dd} {d.lv} / {d.eg} {d.y} {d.h12}:{d.MM} {d.ampm_long}", False))),
        (by_city_guillemets, by_city_dash_colon, by_city_colon, by_biqalam), agencies=("القدس العربي",), agency_p=0.7,
        credit_forms=("(أ ف ب)", "صورة: {a}"), related_block=("اقرأ أيضاً",), tags_label=("كلمات مفتاحية",),
        tail=("تعليقات", "اشترك في قائمتنا البريدية", "© القدس العربي 2018"), order=("breadcrumb", "title", "dateline", "caption", "byline"),
        pub_meta=("iso",), og_suffix=" | القدس العربي"))
    S.append(Style(
        "alghad", "الغد", "alghad.com", AMM, ("عمان", "إربد", "الزرقاء"),
        ("الغد", "صحيفة الغد الأردنية"), "الرئيسية / محليات",
        (_fmt(AMM, lambda d: (f"تم نشره {d.wd} {d.dd} {d.lv} / {d.eg} {d.y} {d.h12}:{d.MM} {d.ampm_long}", False)),
         _fmt(AMM, lambda d: (f"{d.lv} {d.d}، {d.y} {d.h12}:{d.MM} {d.ampm}", False))),
        (by_city_dash, by_city_colon), agencies=("الغد", "بترا"), agency_p=0.6, credit_forms=("(الغد)", "({a})"),
        related_block=("اقرأ المزيد",), tags_label=("الوسوم",),
        tail=("شارك", "طباعة", "جميع الحقوق محفوظة، صحيفة الغد الأردنية"), order=("masthead", "breadcrumb", "title", "dateline", "byline", "caption"),
        pub_meta=("iso", "naive"), og_suffix=" - الغد"))
    S.append(Style(
        "petra", "وكالة الأنباء الأردنية - بترا", "petra.gov.jo", AMM, ("عمان", "العقبة", "إربد"),
        ("وكالة الأنباء الأردنية", "بترا"), "الرئيسية > محليات",
        (_fmt(AMM, lambda d: (f"{d.y}/{d.mm}/{d.dd} {d.HH}:{d.MM}", False)),
         _fmt(AMM, lambda d: (f"{d.wd} {d.dd} {d.lv} {d.y} {d.HH}:{d.MM}", False))),
        (by_city_bracket,), agencies=("بترا",), agency_p=1.0, credit_forms=("(بترا)",), related_block=("أخبار ذات صلة",),
        tags_label=("الكلمات المفتاحية",), tail=("طباعة", "جميع الحقوق محفوظة © وكالة الأنباء الأردنية"),
        order=("masthead", "breadcrumb", "title", "dateline", "byline", "caption"), pub_meta=("naive", "none"),
        og_suffix=" - وكالة الأنباء الأردنية", author_meta=("site", "none"), jsonld_p=0.0))
    S.append(Style(
        "sana", "الوكالة العربية السورية للأنباء", "sana.sy", "Asia/Damascus", ("دمشق", "حلب", "حمص"),
        ("سانا", "الوكالة العربية السورية للأنباء"), "الرئيسية / محلي",
        (_fmt("Asia/Damascus", lambda d: (f"{d.dd} {d.lv}، {d.y}", False, False)),
         _fmt("Asia/Damascus", lambda d: (f"{d.dd} {d.lv}، {d.y} {d.HH}:{d.MM}", False))),
        (lambda c, n, ag: f"{c}-{n}" if ag else None, by_city_dash), agencies=("سانا",), agency_p=1.0,
        credit_forms=("(سانا)",), related_block=("مواضيع ذات صلة",), tags_label=("وسوم:",),
        tail=("تابعونا عبر تطبيق واتس أب", "© 2018 سانا"), order=("masthead", "title", "dateline", "byline", "caption"),
        pub_meta=("iso",), og_suffix=" - سانا", jsonld_p=0.2))
    S.append(Style(
        "wafa", "وكالة الأنباء الفلسطينية - وفا", "wafa.ps", "Asia/Hebron", ("رام الله", "غزة", "نابلس", "القدس"),
        ("وفا", "وكالة الأنباء والمعلومات الفلسطينية"), "الرئيسية > محلي",
        (_fmt("Asia/Hebron", lambda d: (f"{d.wd} {d.dd} {d.lv} {d.y} - {d.HH}:{d.MM} بتوقيت القدس", True)),
         _fmt("Asia/Hebron", lambda d: (f"{d.wd} {d.dd}/{d.mm}/{d.y} {d.h12}:{d.MM} {d.ampm_long}", False))),
        (lambda c, n, ag: f"{c}-{n}" if ag else None, by_city_dash), agencies=("وفا",), agency_p=1.0,
        credit_forms=("(وفا)",), related_block=("أخبار ذات صلة",), tags_label=("الكلمات الدالة",),
        tail=("طباعة", "حقوق النشر محفوظة لوكالة وفا © 2018"), order=("masthead", "breadcrumb", "title", "dateline", "byline"),
        pub_meta=("naive",), og_suffix=" - وكالة وفا", jsonld_p=0.0))
    S.append(Style(
        "kuna", "كونا", "kuna.net.kw", "Asia/Kuwait", ("الكويت", "نيويورك", "واشنطن"),
        ("وكالة الأنباء الكويتية - كونا", "كونا"), "الرئيسية > محليات",
        (_fmt("Asia/Kuwait", lambda d: (f"{d.dd}/{d.mm}/{d.y} {d.HH}:{d.MM}:00", False)),
         _fmt("Asia/Kuwait", lambda d: (f"{d.wd} {d.d} {d.eg} {d.y} {d.HH}:{d.MM} بتوقيت الكويت", True))),
        (by_city_bracket, lambda c, n, ag: f"{c} - ({n}) --" if ag else None), agencies=("كونا",), agency_p=1.0,
        credit_forms=("(كونا)",), related_block=("أخبار ذات صلة",), tags_label=("الكلمات الدالة",),
        tail=("كونا", "جميع الحقوق محفوظة لوكالة الأنباء الكويتية"), order=("masthead", "title", "dateline", "byline"),
        pub_meta=("none",), og_suffix="", jsonld_p=0.0, time_el_p=0.0))
    S.append(Style(
        "qna", "وكالة الأنباء القطرية", "qna.org.qa", DOH, ("الدوحة", "عواصم"),
        ("وكالة الأنباء القطرية", "قنا"), "الرئيسية / الأخبار / محلي",
        (_fmt(DOH, lambda d: (f"{d.dd}/{d.mm}/{d.y}", False, False)),
         _fmt(DOH, lambda d: (f"{d.wd}، {d.dd}/{d.mm}/{d.y} {d.h12}:{d.MM} {d.ampm}", False))),
        (lambda c, n, ag: f"{c} / {n} /" if ag else None, by_city_dash),
        agencies=("قنا",), agency_p=1.0, credit_forms=("(قنا)",), related_block=("أخبار ذات صلة",), tags_label=("وسوم:",),
        tail=("طباعة", "جميع الحقوق محفوظة لوكالة الأنباء القطرية"), order=("masthead", "title", "dateline", "byline"),
        pub_meta=("naive",), og_suffix=" - قنا", jsonld_p=0.0))
    S.append(Style(
        "spa", "وكالة الأنباء السعودية", "spa.gov.sa", RUH, ("جدة", "الرياض", "مكة المكرمة", "أبها"),
        ("واس", "وكالة الأنباء السعودية"), "الرئيسية > الأخبار المحلية",
        (_fmt(RUH, lambda d: (f"{d.wd} {d.hy}/{d.hm}/{d.hd} هـ الموافق {d.dd}/{d.mm}/{d.y} م", False, False)),
         _fmt(RUH, lambda d: (f"{d.wd} {d.hy}/{d.hm}/{d.hd} هـ الموافق {d.dd}/{d.mm}/{d.y} م واس {d.HH}:{d.MM}", False))),
        (by_city_dash,), agencies=("واس",), agency_p=1.0, indic_p=0.2, credit_forms=("(واس)",),
        related_block=("أخبار ذات صلة",), tags_label=("الكلمات الدالة",),
        tail=("طباعة", "مشاركة", "جميع الحقوق محفوظة لوكالة الأنباء السعودية"), order=("masthead", "title", "dateline", "byline"),
        pub_meta=("none", "naive"), og_suffix=" | واس", jsonld_p=0.0))
    S.append(Style(
        "elkhabar", "الخبر", "elkhabar.com", "Africa/Algiers", ("الجزائر", "وهران", "قسنطينة"),
        ("الخبر", "جريدة الخبر"), "الرئيسية > الوطن",
        (_fmt("Africa/Algiers", lambda d: (f"{d.dd} {d.dz} {d.y} {d.HH}:{d.MM}", False)),
         _fmt("Africa/Algiers", lambda d: (f"نشر في {d.dd} {d.dz} {d.y} - {d.HH}:{d.MM}", False)),
         _fmt("Africa/Algiers", lambda d: (f"{d.wd} {d.dd} {d.dz} {d.y} - {d.HH}:{d.MM} (GMT+1)", True))),
        (by_city_colon, by_biqalam, by_bare), agencies=("الخبر", "وأج"), agency_p=0.4, credit_forms=("(الخبر)", "({a})"),
        related_block=("مقالات ذات صلة",), tags_label=("الكلمات المفتاحية",),
        tail=("أضف تعليق", "© الخبر 2018 - جميع الحقوق محفوظة"), order=("breadcrumb", "title", "byline", "dateline", "caption"),
        pub_meta=("iso",), og_suffix=" | الخبر"))
    modern = {"aljazeera", "alarabiya", "bbc", "skynews", "cnnarabic", "france24", "rtarabic", "masrawy", "hespress"}
    legacy = {"ahram", "youm7", "almasryalyoum", "petra", "sana", "wafa", "kuna", "qna", "spa", "alriyadh"}
    for st in S:
        st.markup = "modern" if st.id in modern else "legacy" if st.id in legacy else "semantic"
    return S


_STYLE_LIST = _styles()
HOUSE_NAMES = {a for st in _STYLE_LIST for a in st.agencies} | {st.site for st in _STYLE_LIST}
STYLES: list[str] = [s.id for s in _STYLE_LIST]
STYLE_BY_ID = {s.id: s for s in _STYLE_LIST}
CREDITS = ("رويترز", "أ ف ب", "أسوشيتد برس", "إي بي أي", "Getty Images", "الأناضول")
NAV = ("الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة", "منوعات", "فيديو", "رأي")


# -- the content of one page -------------------------------------------------------
@dataclass
class Page:
    title: str
    author: str | None
    byline: str | None
    stamp: Stamp
    update: str | None
    masthead: str
    breadcrumb: str
    nav: list[str]
    caption: str | None
    credit: str | None
    credit_own_line: bool
    caption_twice: bool
    body: list[tuple[str, object]]  # ("p", text) | ("h", text) | ("related", [marker, headline])
    related: tuple[str, list[str]] | None
    tags: tuple[str, list[str]] | None
    widgets: list[str]
    tail: list[str]
    order: list[str]
    indic: bool
    meta_author: str | None = None
    pub_meta: str = "none"
    jsonld: bool = False
    time_el: bool = False
    section: str = ""


def utc_time(rec: dict, month_shift: int = 0) -> datetime:
    """The ANT time (UTC, to the minute), moved by `month_shift` months within its year (day kept,
    or the month's last day), so a gallery of March 2018 articles shows every month's name and
    both sides of the summer-time changes."""
    t = parsedate_to_datetime(rec["time"]).astimezone(timezone.utc).replace(second=0, microsecond=0)
    if month_shift % 12:
        m = (t.month - 1 + month_shift) % 12 + 1
        last = [31, 29 if t.year % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        t = t.replace(month=m, day=min(t.day, last))
    return t


def stamps(st, rec: dict, rng: random.Random, cp1256_text: bool, month_shift: int,
           update_minutes: tuple[int, int] = (7, 400), no_update_after: str | None = None):
    """The dateline stamp, the update line (or None) and whether digits are Indic (shared with
    the blind gallery, which passes its own update delay and a dateline that is an update)."""
    utc = utc_time(rec, month_shift)
    stamp = rng.choice(st.datelines)(utc, rng)
    indic = not cp1256_text and rng.random() < st.indic_p
    if indic:
        stamp = Stamp(stamp.text.translate(INDIC), stamp.local, stamp.zone, stamp.clock)
    update = None
    if st.update and rng.random() < st.update_p and not (no_update_after and stamp.text.startswith(no_update_after)):
        u = st.update(utc + timedelta(minutes=rng.randint(*update_minutes)), rng)
        update = u.text.translate(INDIC) if indic else u.text
    return stamp, update, indic


def _byline(st: Style, rec: dict, rng: random.Random) -> tuple[str | None, str | None]:
    """The byline line as the style prints it and the author it names (the gold), or None, None."""
    city, name = split_author(rec.get("author"))
    if st.agencies and (st.agency_p >= 1.0 or (name is None and rng.random() < st.agency_p)):
        name = rng.choice(st.agencies)  # a news agency's own wire always carries its name
    if name is not None and rng.random() < 0.12 and st.agency_p < 1.0:
        name = None  # some pages of the outlet print no byline
    byline = author = None
    if name:
        city = city if city and rng.random() < 0.7 else rng.choice(st.cities)
        ag = is_agency(name)
        forms = [f for f in st.bylines if f(city, name, ag) is not None]
        if forms:
            byline = rng.choice(forms)(city, name, ag)
            author = name.strip("«»\"")
    return byline, author


def _body(st: Style, rec: dict, rng: random.Random, headlines: list[str]) -> list[tuple[str, object]]:
    """The body: the ANT paragraphs, with sub-headings and, once, an inline related link between them."""
    paras = list(rec["paragraphs"])
    body: list[tuple[str, object]] = []
    heads = rng.sample(HEADINGS, k=len(HEADINGS))
    inline_related_at = rng.randrange(1, len(paras)) if len(paras) > 3 and rng.random() < 0.4 else -1
    for k, p in enumerate(paras):
        if k >= 2 and k < len(paras) - 1 and heads and rng.random() < st.heading_p / 2:
            body.append(("h", heads.pop()))
        body.append(("p", p))
        if k == inline_related_at and headlines:
            body.append(("related", [rng.choice(st.related_marker), headlines[0]]))
    return body


def _order(st: Style, rng: random.Random, caption, byline) -> list[str]:
    """The order of the header parts: the style's, with the photo or the byline sometimes moved up."""
    order = list(st.order)
    if caption and rng.random() < 0.3 and "caption" in order:  # the photo sometimes sits above the headline
        order.remove("caption")
        order.insert(order.index("title"), "caption")
    if byline and "byline" in order and rng.random() < 0.2 and order.index("byline") > order.index("dateline"):
        order.remove("byline")
        order.insert(order.index("dateline"), "byline")
    return order


def make_page(st: Style, rec: dict, rng: random.Random, headlines: list[str], cp1256_text: bool,
              month_shift: int = 0) -> Page:
    stamp, update, indic = stamps(st, rec, rng, cp1256_text, month_shift)
    byline, author = _byline(st, rec, rng)
    sec = rng.choice(SECTIONS.get(rec.get("cat", ""), ["أخبار"]))
    crumb = st.crumb.format(sec=sec)
    caption = credit = None
    if rng.random() < 0.65:
        caption = rng.choice(st.captions)
        if rng.random() < 0.85:
            credit = rng.choice(st.credit_forms).format(a=rng.choice(CREDITS))
    body = _body(st, rec, rng, headlines)
    related = None
    if rng.random() < 0.7 and len(headlines) > 1:
        related = (rng.choice(st.related_block), headlines[1:1 + rng.randint(2, 4)])
    tags = None
    if rng.random() < 0.6:
        pool = [sec] + [w for w in rec["title"].split() if len(w) > 4][:3]
        tags = (rng.choice(st.tags_label), list(dict.fromkeys(pool)))
    widgets = list(st.widgets) if st.widgets and rng.random() < 0.6 else []
    tail = [t for t in st.tail if rng.random() < 0.85]
    if rng.random() < 0.3:
        tail.insert(0, "اشترك في النشرة البريدية")
    order = _order(st, rng, caption, byline)
    site = st.site
    ma = rng.choice(st.author_meta)
    meta_author = {"real": author, "junk": rng.choice(JUNK_AUTHORS), "site": site, "none": None}[ma]
    return Page(
        title=rec["title"], author=author, byline=byline, stamp=stamp, update=update,
        masthead=rng.choice(st.masthead), breadcrumb=crumb, nav=rng.sample(NAV, k=rng.randint(4, len(NAV))),
        caption=caption, credit=credit, credit_own_line=rng.random() < st.credit_own_line,
        caption_twice=rng.random() < st.caption_twice, body=body, related=related, tags=tags, widgets=widgets,
        tail=tail, order=order, indic=indic, meta_author=meta_author, pub_meta=rng.choice(st.pub_meta),
        jsonld=rng.random() < st.jsonld_p, time_el=rng.random() < st.time_el_p, section=sec,
    )


def _caption_lines(pg: Page) -> list[tuple[str, str]]:
    if not pg.caption:
        return []
    if pg.credit and not pg.credit_own_line:
        cap = f"{pg.caption} {pg.credit}"
        out = [(cap, "caption")]
    else:
        out = [(pg.caption, "caption")]
        if pg.credit:
            out.append((pg.credit, "credit"))
    if pg.caption_twice:
        out = out + [(out[0][0], "caption")]
    return out


def _crumbs(breadcrumb: str) -> list[str]:
    return [c.strip() for c in re.split(r" [>/›] ", breadcrumb)]


def _furniture(pg: Page, kind: str = "text") -> list[str]:
    """The page's furniture strings as the page prints them (an HTML breadcrumb is one link per step)."""
    f = [pg.masthead] + ([pg.breadcrumb] if kind == "text" else _crumbs(pg.breadcrumb)) + [pg.stamp.text]
    f += [x for x in (pg.byline, pg.update, pg.caption, pg.credit) if x]
    for kind, v in pg.body:
        if kind == "related":
            f += list(v)
    return f + end_furniture(pg)


def end_furniture(pg) -> list[str]:
    """The furniture after the body, as the page prints it: the related list, the tags label,
    the widgets and the tail (shared with the blind gallery's pages)."""
    f = [pg.related[0]] + pg.related[1] if pg.related else []
    if pg.tags:
        f += [pg.tags[0]]
    return f + pg.widgets + pg.tail


def render_text(st: Style, pg: Page, rng: random.Random) -> tuple[str, list[list[str]]]:
    """The scrape and the labelled header lines (every line above the first body paragraph)."""
    sep = st.blank_sep if rng.random() < 0.8 else not st.blank_sep
    header: list[tuple[str, str]] = []
    if rng.random() < 0.3:
        header.append((" ".join(pg.nav), "furniture"))
    parts = {
        "masthead": [(pg.masthead, "masthead")] if rng.random() < 0.8 else [],
        "breadcrumb": [(pg.breadcrumb, "breadcrumb")] if rng.random() < 0.8 else [],
        "title": [(pg.title, "title")],
        "byline": [(pg.byline, "byline")] if pg.byline else [],
        "dateline": [(pg.stamp.text, "dateline")],
        "update": [(pg.update, "update")] if pg.update else [],
        "caption": _caption_lines(pg),
    }
    order = list(pg.order)
    if pg.update and "update" not in order:
        order.insert(order.index("dateline") + 1, "update")
    for key in order:
        for ln in parts[key]:
            header.append(ln)
            if sep and rng.random() < 0.7:
                header.append(("", "blank"))
    for w in pg.widgets:
        header.append((w, "furniture"))
    if not header or header[-1][1] != "blank":
        if sep:
            header.append(("", "blank"))
    lines = [ln for ln, _ in header]
    # a text-mode browser dump (lynx, w3m) hard-wraps paragraphs; blank lines still part them
    width = rng.choice((72, 76, 80)) if sep and rng.random() < 0.1 else 0
    for kind, v in pg.body:
        if kind == "related":
            lines += list(v)
        elif width and kind == "p":
            lines += textwrap.wrap(v, width, break_long_words=False, break_on_hyphens=False) or [v]
        else:
            lines.append(v)
        if sep:
            lines.append("")
    if pg.related:
        lines += [""] + [pg.related[0]] + pg.related[1]
    if pg.tags:
        lines += ["", pg.tags[0]] + (pg.tags[1] if rng.random() < 0.5 else [" ".join(pg.tags[1])])
    lines += [""] + pg.tail
    return "\n".join(lines) + "\n", [[ln, lab] for ln, lab in header]


def iso_meta(pg: Page) -> str | None:
    loc = pg.stamp.local
    if pg.pub_meta == "iso":
        return loc.isoformat()
    if pg.pub_meta == "isoz":
        return loc.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if pg.pub_meta == "naive":
        return loc.replace(tzinfo=None).isoformat()
    if pg.pub_meta == "arabic":
        return pg.stamp.text
    return None


def html_gold_time(pg: Page, machine: list[str]) -> str:
    """What the page states: a machine-readable ISO time gives the clock; an offset (there or in the
    visible dateline) makes it aware."""
    aware = pg.stamp.zone or any(re.search(r"(Z|[+-]\d\d:\d\d)$", m) for m in machine)
    clock = pg.stamp.clock or any("T" in m for m in machine)
    loc = pg.stamp.local
    if not clock:
        return loc.date().isoformat()
    return loc.isoformat() if aware else loc.replace(tzinfo=None).isoformat()


def _head(st: Style, pg: Page, rng: random.Random, charset: str, url: str, machine: list[str], e) -> list[str]:
    head = []
    if charset == "windows-1256":
        head.append('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">')
    else:
        head.append(f'<meta charset="{charset}">')
    suffix = st.og_suffix.format(site=st.site) if st.og_suffix else ""
    og_title = pg.title + (suffix if suffix and rng.random() < 0.7 else "")
    head += [
        f"<title>{e(pg.title)}{e(suffix or ' - ' + st.site)}</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="description" content="{e(pg.body[0][1][:140])}">',
        f'<meta property="og:title" content="{e(og_title)}">',
        f'<meta property="og:site_name" content="{e(st.site)}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:url" content="{e(url)}">',
        f'<meta property="og:image" content="https://www.{st.domain}/img/{rng.randint(1000, 99999)}.jpg">',
        f'<meta name="twitter:card" content="summary_large_image">',
        f'<link rel="canonical" href="{e(url)}">',
    ]
    pm = iso_meta(pg)
    if pm:
        head.append(f'<meta property="article:published_time" content="{e(pm)}">')
        if pg.pub_meta != "arabic":
            machine.append(pm)
    if pg.section and rng.random() < 0.5:
        head.append(f'<meta property="article:section" content="{e(pg.section)}">')
    if pg.meta_author:
        head.append(f'<meta name="author" content="{e(pg.meta_author)}">')
    if pg.jsonld:
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": pg.title,
              "datePublished": pg.stamp.local.isoformat(), "mainEntityOfPage": url,
              "publisher": {"@type": "Organization", "name": st.site}}
        machine.append(ld["datePublished"])
        if pg.meta_author:
            ld["author"] = {"@type": "Person" if pg.meta_author == pg.author else "Organization", "name": pg.meta_author}
        head.append('<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=False) + "</script>")
    head.append(f'<link rel="stylesheet" href="/static/css/{st.id}.css">')
    head.append("<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>")
    return head


def _body_html(st: Style, pg: Page, rng: random.Random, e, p_tag: str = "p") -> list[str]:
    body = []
    for kind, v in pg.body:
        if kind == "p":
            body.append(f"<p>{e(v)}</p>" if p_tag == "p" else f"{e(v)}<br><br>")
        elif kind == "h":
            tag = st.heading_tag
            body.append(f"<p><strong>{e(v)}</strong></p>" if tag == "strong" else f"<{tag}>{e(v)}</{tag}>")
        else:
            body.append(f'<div class="read-also"><span>{e(v[0])}</span> <a href="/n/{rng.randint(1, 9999)}">{e(v[1])}</a></div>')
    return body


def render_html(st: Style, pg: Page, rng: random.Random, charset: str, url: str) -> tuple[str, str]:
    """A full page in the style's family of markup: `modern` (BEM classes, aside, scripts), `semantic`
    (header/nav/main/article/figure/footer) or `legacy` (nested divs with ids, a table footer)."""
    e = lambda s: _html.escape(s, quote=True)  # noqa: E731
    machine: list[str] = []
    head = _head(st, pg, rng, charset, url, machine, e)
    crumbs = _crumbs(pg.breadcrumb)
    dt_attr = pg.stamp.local.isoformat()
    if pg.time_el:
        machine.append(dt_attr)
        date_html = f'<time datetime="{dt_attr}">{e(pg.stamp.text)}</time>'
    else:
        date_html = f'<span class="date">{e(pg.stamp.text)}</span>'
    upd = f'<span class="updated">{e(pg.update)}</span>' if pg.update else ""
    by = f'<span class="author">{e(pg.byline)}</span>' if pg.byline else ""
    cap = ""
    if pg.caption:
        cred = f' <span class="credit">{e(pg.credit)}</span>' if pg.credit else ""
        cap = (f'<figure><img src="/img/{rng.randint(1000, 99999)}.jpg" alt="{e(pg.title)}">'
               f"<figcaption>{e(pg.caption)}{cred}</figcaption></figure>")
    tools = "".join(f"<button>{e(w)}</button>" for w in pg.widgets)
    tags = ""
    if pg.tags:
        tags = f"<span>{e(pg.tags[0])}</span>" + "".join(f'<a href="/tag/{i}">{e(t)}</a>' for i, t in enumerate(pg.tags[1]))
    related = ""
    if pg.related:
        related = f"<h3>{e(pg.related[0])}</h3><ul>" + "".join(
            f'<li><a href="/r/{i}">{e(h)}</a></li>' for i, h in enumerate(pg.related[1])) + "</ul>"
    share = "".join(f'<a href="#" class="share-{k}">{e(w)}</a>' for k, w in enumerate(("فيسبوك", "تويتر", "واتساب", "طباعة")))
    tail = "".join(f"<p>{e(t)}</p>" for t in pg.tail)
    nav = "".join(f'<li><a href="/s/{i}">{e(x)}</a></li>' for i, x in enumerate(pg.nav))
    meta = [by, date_html, upd] if rng.random() < 0.5 else [date_html, upd, by]
    page = _FLAVOURS.get(st.markup, _semantic_page)(st, pg, rng, e, head, nav, crumbs, meta, cap, tools, tags, related, share, tail)
    return page, html_gold_time(pg, machine)


def _legacy_page(st, pg, rng, e, head, nav, crumbs, meta, cap, tools, tags, related, share, tail) -> str:
    """The `legacy` family: nested divs with ids, a table footer, an XHTML doctype."""
    crumb = " &gt; ".join(f'<a href="/c{i}" class="path">{e(c)}</a>' for i, c in enumerate(crumbs))
    body = _body_html(st, pg, rng, e, "br" if rng.random() < 0.3 else "p")
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" lang="ar" dir="rtl">\n<head>\n' + "\n".join(head) + "\n</head>\n"
        f'<body>\n<div id="wrapper">\n<div id="header"><div id="logo"><a href="/"><img src="/images/logo.png" alt="{e(pg.masthead)}" />{e(pg.masthead)}</a></div>'
        f'<div id="menu"><ul>{nav}</ul></div></div>\n'
        f'<div id="path">{crumb}</div>\n<div id="content"><div class="newsDetails">\n'
        f'<div class="newsTitle"><h1>{e(pg.title)}</h1></div>\n'
        f'<div class="newsInfo">{"".join(f"<div>{m}</div>" for m in meta if m)}</div>\n'
        + (f'<div class="newsImage">{cap}</div>\n' if cap else "")
        + (f'<div class="tools">{tools}</div>\n' if tools else "")
        + '<div id="NewsStory">\n' + "\n".join(body) + "\n</div>\n"
        + (f'<div class="keywords">{tags}</div>\n' if tags else "")
        + f'<div class="social">{share}</div>\n</div>\n'
        + (f'<div class="relatedNews">{related}</div>\n' if related else "")
        + '</div>\n<div id="footer"><table><tr><td>' + tail + '</td><td><a href="/about">من نحن</a> | <a href="/contact">اتصل بنا</a></td></tr></table></div>\n'
        "</div>\n</body>\n</html>\n"
    )


def _modern_page(st, pg, rng, e, head, nav, crumbs, meta, cap, tools, tags, related, share, tail) -> str:
    """The `modern` family: BEM classes, a skip link, an aside, deferred scripts."""
    crumb = "".join(f'<li class="breadcrumb__item"><a href="/c{i}">{e(c)}</a></li>' for i, c in enumerate(crumbs))
    body = _body_html(st, pg, rng, e)
    return (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl" class="no-js">\n<head>\n' + "\n".join(head) + "\n</head>\n"
        f'<body class="page-article {st.id}">\n<a class="skip-link" href="#main">انتقل إلى المحتوى</a>\n'
        f'<header class="site-header"><div class="site-header__logo" aria-label="{e(pg.masthead)}">{e(pg.masthead)}</div>'
        f'<nav class="site-nav" aria-label="الأقسام"><ul>{nav}</ul></nav>'
        '<div class="site-header__search"><input type="search" placeholder="بحث"></div></header>\n'
        f'<main id="main"><nav class="breadcrumb" aria-label="breadcrumb"><ol>{crumb}</ol></nav>\n'
        '<article class="article">\n<header class="article__header">'
        f'<h1 class="article__title">{e(pg.title)}</h1>'
        f'<div class="article__meta">{"".join(m for m in meta if m)}</div></header>\n'
        + (f'<div class="article__media">{cap}</div>\n' if cap else "")
        + (f'<div class="article__tools">{tools}</div>\n' if tools else "")
        + f'<div class="article__content {st.body_class}">\n' + "\n".join(body) + "\n</div>\n"
        + (f'<div class="article__tags">{tags}</div>\n' if tags else "")
        + f'<div class="article__share">{share}</div>\n</article>\n'
        + (f'<aside class="related-articles">{related}</aside>\n' if related else "")
        + '<div class="newsletter"><p>اشترك في النشرة البريدية</p><form><input type="email" placeholder="البريد الإلكتروني"><button>اشترك</button></form></div>\n'
        + f'</main>\n<footer class="site-footer">{tail}</footer>\n'
        '<script src="/static/js/app.js" defer></script>\n</body>\n</html>\n'
    )


def _semantic_page(st, pg, rng, e, head, nav, crumbs, meta, cap, tools, tags, related, share, tail) -> str:
    """The `semantic` family: header, nav, main, article, figure, footer."""
    crumb = ' <span class="sep">/</span> '.join(f'<a href="/c{i}">{e(c)}</a>' for i, c in enumerate(crumbs))
    body = _body_html(st, pg, rng, e)
    return (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n' + "\n".join(head) + "\n</head>\n"
        f'<body class="{st.id} single-post">\n<header class="masthead"><div class="logo"><a href="/">{e(pg.masthead)}</a></div>'
        f'<nav class="main-nav"><ul>{nav}</ul></nav></header>\n'
        f'<div class="breadcrumbs">{crumb}</div>\n<main>\n<article class="post">\n'
        f'<h1 class="entry-title">{e(pg.title)}</h1>\n'
        f'<div class="entry-meta">{"".join(m for m in meta if m)}</div>\n'
        + (cap + "\n" if cap else "")
        + (f'<div class="tools">{tools}</div>\n' if tools else "")
        + f'<div class="entry-content">\n' + "\n".join(body) + "\n</div>\n"
        + (f'<div class="post-tags">{tags}</div>\n' if tags else "")
        + f'<div class="share-buttons">{share}</div>\n</article>\n'
        + (f'<section class="related-posts">{related}</section>\n' if related else "")
        + '<section id="comments"><h3>التعليقات</h3><p>لا توجد تعليقات</p></section>\n'
        + f'</main>\n<footer class="site-footer">{tail}<ul><li><a href="/about">من نحن</a></li><li><a href="/contact">اتصل بنا</a></li></ul></footer>\n'
        "</body>\n</html>\n"
    )


_FLAVOURS = {"legacy": _legacy_page, "modern": _modern_page, "semantic": _semantic_page}

def encode(s: str, encoding: str, html: bool) -> bytes:
    if encoding == "utf-8":
        return s.encode("utf-8")
    if encoding == "utf-8-bom":
        return b"\xef\xbb\xbf" + s.encode("utf-8")
    if encoding == "utf-16-le-bom":
        return b"\xff\xfe" + s.encode("utf-16-le")
    if encoding == "utf-16-be-bom":
        return b"\xfe\xff" + s.encode("utf-16-be")
    if encoding == "windows-1256":
        return s.encode("cp1256", errors="xmlcharrefreplace" if html else "strict")
    raise ValueError(encoding)


CHARSET = {"utf-8": "utf-8", "utf-8-bom": "utf-8", "utf-16-le-bom": "utf-16", "utf-16-be-bom": "utf-16", "windows-1256": "windows-1256"}


def cp1256_ok(s: str) -> bool:
    try:
        s.encode("cp1256")
        return True
    except UnicodeEncodeError:
        return False


def _eligible(rec: dict) -> bool:
    return bool(rec.get("title") and rec.get("time") and rec.get("paragraphs")) and sum(map(len, rec["paragraphs"])) < 30000


def rec_ok_cp1256(rec: dict) -> bool:
    return cp1256_ok(rec["title"] + "\n".join(rec["paragraphs"]) + (rec.get("author") or ""))


def render_doc(st: Style, rec: dict, kind: str, encoding: str, j: int, seed: int, headlines: list[str],
               spread_months: bool = True) -> GalleryDoc:
    rng = random.Random(f"{seed}:{st.id}:{kind}:{j}")
    return page_doc(st, rec, kind, encoding, j, rng, headlines, spread_months, make_page=make_page,
                    render_text=render_text, render_html=render_html,
                    furniture=lambda pg, kind: _furniture(pg, kind), url_max=999999)


def page_doc(st, rec: dict, kind: str, encoding: str, j: int, rng: random.Random, headlines: list[str],
             spread_months: bool, *, make_page, render_text, render_html, furniture, url_max: int,
             houses: frozenset[str] = frozenset()) -> GalleryDoc:
    """One gallery document and its gold reading, with a gallery's own page maker and renderers
    (the blind gallery passes its own). On an HTML page marsad knows the outlet: a byline part
    that names the page's own outlet (or one of `houses`, the mastheads its bylines print) is
    no author: an author is a person or an agency, never the outlet itself."""
    cp_text = encoding == "windows-1256" and kind == "text"
    shift = rng.randrange(12) if spread_months else 0
    pg = make_page(st, rec, rng, headlines, cp_text, shift)
    gold_paras = list(rec["paragraphs"])
    gold_heads = [v for k, v in pg.body if k == "h"]
    gold = {"title": norm_text(rec["title"]), "author": pg.author, "paragraphs": gold_paras, "headings": gold_heads}
    name = f"{st.id}-{kind}-{j:04d}.{'txt' if kind == 'text' else 'html'}"
    if kind == "text":
        text, header = render_text(st, pg, rng)
        gold["published"] = gold_time(pg.stamp)
        gold["header"] = header
    else:
        url = f"https://www.{st.domain}/news/{rng.randint(100000, url_max)}"
        text, pub = render_html(st, pg, rng, CHARSET[encoding], url)
        gold["published"] = pub
        from ..outlets import outlet_for, outlet_for_url

        own = outlet_for_url(url)
        parts = [p for p in (pg.author or "").split(" / ") if p]
        kept = [p for p in parts if p not in houses and not (
            own is not None and (o := outlet_for(p, ambiguous=True)) is not None and o.id == own.id and not o.is_agency)]
        if len(kept) < len(parts):
            gold["author"] = " / ".join(kept) or None
    body_text = "\n".join(gold_paras + gold_heads)
    shown = text if kind == "text" else _html.unescape(text)
    gold["furniture"] = list(dict.fromkeys(
        f for f in furniture(pg, kind) if f and f.strip() and f in shown and f not in body_text))
    data = encode(text, encoding, kind == "html")
    return GalleryDoc(st.id, kind, encoding, name, data, gold, ant=rec.get("docno", ""))


def load_ant(ant_root: str | Path) -> list[dict]:
    from ..corpora import iter_ant

    return [r for r in iter_ant(ant_root) if _eligible(r)]


def build_gallery(ant_root: str | Path, per_style: int = 40, seed: int = 0, kinds: Iterable[str] = KINDS,
                  styles: Iterable[str] | None = None, records: list[dict] | None = None,
                  spread_months: bool = True) -> list[GalleryDoc]:
    """`per_style` documents per style and kind; within a style every ANT article is used at most once.

    `spread_months`: move each publication time by a seeded number of months within 2018 (ANT holds
    March 2018 only), so datelines show every month's name (جوان, تشرين الأول, يوليوز ...) and
    summer time; False keeps the ANT times as they are. `records`: ANT records already loaded."""
    recs = records if records is not None else load_ant(ant_root)
    return render_styles(recs, list(styles or STYLES), STYLES, STYLE_BY_ID, per_style, seed, kinds, spread_months)


def render_styles(recs: list[dict], styles: list[str], order_of: list[str], by_id: dict, per_style: int,
                  seed: int, kinds: Iterable[str], spread_months: bool, pick: str = "{seed}:{style}:pick",
                  render: Callable | None = None) -> list[GalleryDoc]:
    """Render `per_style` documents of every style and kind: each style draws its own ANT articles
    (seeded by the style and `pick`; one article at most once), its encodings rotate by the style's
    place in `order_of` (so a style's documents do not depend on which others are built with it)."""
    render = render or render_doc
    kinds = [k for k in KINDS if k in tuple(kinds)]
    titles = [r["title"] for r in recs]
    cp_titles = [t for t in titles if cp1256_ok(t)]
    docs: list[GalleryDoc] = []
    for sid in styles:
        st = by_id[sid]
        si = order_of.index(sid)
        rng = random.Random(pick.format(seed=seed, style=sid))
        order = list(range(len(recs)))
        rng.shuffle(order)
        pos = 0
        used: set[int] = set()
        for kind in kinds:
            for j in range(per_style):
                enc = ENCODINGS[(j + si) % len(ENCODINGS)]
                while pos < len(order) and (order[pos] in used or (
                        enc == "windows-1256" and kind == "text" and not rec_ok_cp1256(recs[order[pos]]))):
                    pos += 1
                if pos >= len(order):
                    break
                idx = order[pos]
                used.add(idx)
                pos += 1
                pool = cp_titles if enc == "windows-1256" and kind == "text" else titles
                heads = [pool[rng.randrange(len(pool))] for _ in range(5)]
                heads = [h for h in dict.fromkeys(heads) if h != recs[idx]["title"]]
                docs.append(render(st, recs[idx], kind, enc, j, seed, heads, spread_months))
    return docs


def write_gallery(docs: list[GalleryDoc], outdir: str | Path) -> Path:
    """Write each page as a file and one gold.jsonl line per page (name, style, kind, encoding, ant, gold)."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "gold.jsonl", "w", encoding="utf-8") as fh:
        for d in docs:
            (out / d.name).write_bytes(d.data)
            fh.write(json.dumps({"name": d.name, "style": d.style, "kind": d.kind, "encoding": d.encoding,
                                 "ant": d.ant, "gold": d.gold}, ensure_ascii=False) + "\n")
    return out
