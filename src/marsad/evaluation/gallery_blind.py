"""A BLIND gallery: eight Arabic outlet page styles that marsad's layout was never tuned on.

`marsad.evaluation.gallery` holds the 27 styles the layout rules were developed on. This
module renders ANT articles in the page styles of eight *other* outlets, with their own
mastheads, menus, breadcrumbs, byline and dateline forms, captions and photo credits,
related-link blocks, tail furniture and HTML markup (Drupal, WordPress/Jannah, Bootstrap,
Next.js and ASP.NET-table families, none of which gallery.py uses):

- alsharq (Qatar), alrai (Kuwait), alakhbar (Lebanon), erem (UAE), arabi21 (London),
  echorouk (Algeria), assabah (Tunisia), alayam (Bahrain).

The gold follows gallery.py's conventions exactly (see its docstring and `render_doc`):
the author is the person or agency of the byline (never the city; on an HTML page never
the page's own outlet), the publication time carries its offset only when the page states
a zone (a visible zone, or an offset in a machine-readable time), a date-only page gives a
date, a page that prints only an update time (`تاريخ التحديث`) has that time as its
publication time; the gold paragraphs are the ANT paragraphs; the furniture strings are
every non-body string the page prints; a text scrape labels every line above the body.

    docs = build_blind_gallery(ant_root, per_style=40)
    report = evaluate_blind(docs)           # the shipped header model, no training

Articles are chosen with a seed of their own (`{seed}:{style}blind:pick`), so the blind
pages show other ANT articles than the tuned gallery's.
"""
from __future__ import annotations

import html as _html
import json
import random
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .gallery import (
    INDIC, JUNK_AUTHORS, KINDS, D, GalleryDoc, Page, Stamp,
    end_furniture, page_doc, stamps, html_gold_time, load_ant, split_author, write_gallery,
)

__all__ = ["BLIND_STYLES", "BLIND_STYLE_BY_ID", "build_blind_gallery", "write_gallery"]

# -- pools of the blind outlets (wording of their own, not gallery.py's) ---------------------
WIRES = {"رويترز", "د ب أ", "فرانس برس", "أسوشيتد برس", "الأناضول", "وكالات", "أ ف ب", "واس", "قنا", "كونا", "وام",
         "بنا", "واج", "وات", "الوكالة الوطنية للإعلام", "سانا", "وفا", "أ ش أ", "بترا"}
PHOTO_CREDITS = ("فرانس برس", "رويترز", "أ.ب", "إي بي إيه", "غيتي", "الأناضول", "أرشيف")
SUBHEADS = ("على الأرض", "رسائل متبادلة", "حسابات معقدة", "ما الذي تغيّر؟", "الموقف الرسمي", "أرقام لافتة",
            "تداعيات محتملة", "بين الرفض والقبول", "كواليس الاجتماع", "رهانات المرحلة", "في الميدان",
            "مواقف دولية", "خيارات صعبة", "ملف شائك", "نقطة تحول", "سيناريوهات مفتوحة")
SECS = {
    "internationalNews": ["دولي", "عربي ودولي", "العالم", "حول العالم"],
    "middleEast": ["عربي", "الوطن العربي", "شؤون عربية", "سياسة"],
    "sport": ["رياضة", "ملاعب", "رياضة عالمية"],
    "economy": ["اقتصاد", "أسواق", "مال وأعمال"],
    "technology": ["تكنولوجيا", "تقنية", "علوم"],
    "culture": ["ثقافة", "فن وثقافة", "منوعات"],
}


# byline forms: (city, name, agency, house) -> line or None when the form does not fit
BylineF = Callable[[str, str, bool, bool], "str | None"]


def b(fmt: str, who: str = "any") -> BylineF:
    """A byline form `fmt` (with {c} and {n}) for `who`: person, agency (wire or house) or any."""

    def f(c, n, ag, house):
        if who == "person" and ag or who == "agency" and not ag or who == "house" and not house:
            return None
        return fmt.format(c=c, n=n)

    return f


DateFmt = Callable[[object, random.Random], Stamp]


def _fmt(tz: str, make) -> DateFmt:
    def f(utc, rng):
        d = D(utc, tz)
        r = make(d, rng) if make.__code__.co_argcount == 2 else make(d)
        return d.stamp(r[0], r[1], r[2] if len(r) > 2 else True)

    return f


@dataclass
class BlindStyle:
    id: str
    site: str  # og:site_name
    domain: str
    tz: str
    cities: tuple[str, ...]
    house: tuple[str, ...]  # how the outlet names itself in a byline (`الشرق`, `«الراي»` ...)
    masthead: tuple[str, ...]
    crumb: tuple[str, ...]  # breadcrumb steps (one holds {sec})
    crumb_sep: tuple[str, ...]
    datelines: tuple[DateFmt, ...]
    bylines: tuple[BylineF, ...]
    agencies: tuple[str, ...]
    agency_p: float = 0.4
    update: DateFmt | None = None
    update_p: float = 0.0
    joined_p: float = 0.0  # byline and dateline printed on one line
    joined_sep: str = " | "
    captions: tuple[str, ...] = ()
    credit_forms: tuple[str, ...] = ("({a})",)
    credit_own_line: float = 0.3
    body_fig_p: float = 0.0  # a second photo inside the article
    related_marker: tuple[str, ...] = ()
    marker_same_line: float = 0.0
    related_block: tuple[str, ...] = ()
    tags_label: tuple[str, ...] = ()
    tail: tuple[str, ...] = ()
    widgets: tuple[str, ...] = ()
    kickers: tuple[str, ...] = ()
    kicker_p: float = 0.0
    counters: tuple[str, ...] = ()  # `المشاهدات: {n}` ...
    counter_p: float = 0.0
    order: tuple[str, ...] = ("masthead", "breadcrumb", "title", "byline", "dateline", "caption")
    nav: tuple[str, ...] = ("الرئيسية", "محليات", "عربي ودولي", "اقتصاد", "رياضة", "منوعات")
    blank_sep: bool = True
    indic_p: float = 0.0
    heading_p: float = 0.3
    heading_tag: str = "h3"
    og_suffix: str = " | {site}"
    pub_meta: tuple[str, ...] = ("iso",)
    jsonld_p: float = 0.5
    time_el_p: float = 0.4
    author_meta: tuple[str, ...] = ("real", "site", "none")
    markup: str = "drupal"


def _styles() -> list[BlindStyle]:
    """The outlet styles, one `Style(...)` entry each, in gallery order.

    Long: a table of 8 outlets' templates (their words, datelines, bylines and markup); split
    up, one outlet's entry would no longer read as one block beside the others."""
    DOH, KWI, BEY, DXB, LON = "Asia/Qatar", "Asia/Kuwait", "Asia/Beirut", "Asia/Dubai", "Europe/London"
    ALG, TUN, BAH = "Africa/Algiers", "Africa/Tunis", "Asia/Bahrain"
    S: list[BlindStyle] = []
    # Al-Sharq (Doha): `الدوحة - الشرق`, `متابعة:`, Hijri+Gregorian datelines, `بتوقيت الدوحة`
    S.append(BlindStyle(
        "alsharq", "جريدة الشرق", "al-sharq.com", DOH, ("الدوحة", "لوسيل", "الوكرة"), ("الشرق", "بوابة الشرق"),
        ("بوابة الشرق", "الشرق - جريدة قطرية يومية"), ("الرئيسية", "{sec}"), (" » ",),
        (_fmt(DOH, lambda d: (f"{d.wd} {d.d} {d.eg} {d.y} - {d.h12}:{d.MM} {d.ampm_long}", False)),
         _fmt(DOH, lambda d: (f"{d.wd}، {d.hd} {d.hmonth} {d.hy} هـ - {d.d} {d.eg} {d.y} م", False, False)),
         _fmt(DOH, lambda d: (f"نُشر في {d.dd}/{d.mm}/{d.y} الساعة {d.HH}:{d.MM} بتوقيت الدوحة", True))),
        (b("{c} - {n}", "agency"), b("متابعة: {n}", "person"), b("{c} - {n}", "person"), b("{n}", "person")),
        agencies=("الشرق", "قنا", "وكالات"), agency_p=0.6,
        update=_fmt(DOH, lambda d: (f"آخر تحديث {d.dd}/{d.mm}/{d.y} {d.HH}:{d.MM}", False)), update_p=0.4,
        captions=("جانب من اللقاء", "من الاجتماع", "صورة من الموقع"), credit_forms=("- {a}", "(تصوير: {a})"),
        related_marker=("إقرأ أيضاً:",), marker_same_line=0.6, related_block=("أخبار مرتبطة", "المزيد من الأخبار"),
        tags_label=("كلمات البحث",), tail=("نسخ الرابط", "تحميل تطبيق الشرق", "جميع الحقوق محفوظة لدار الشرق للطباعة والنشر والتوزيع"),
        widgets=("تكبير الخط تصغير الخط",), counters=("عدد القراءات: {n}",), counter_p=0.4,
        order=("masthead", "breadcrumb", "title", "dateline", "update", "byline", "caption"),
        nav=("الرئيسية", "محليات", "عربي ودولي", "اقتصاد", "رياضة", "ثقافة وفنون", "منوعات", "مقالات"),
        pub_meta=("iso", "naive"), og_suffix=" - جريدة الشرق", markup="bootstrap"))
    # Al-Rai (Kuwait): `الكويت - «الراي»`, `| كتب ... |`, byline and date on one line
    S.append(BlindStyle(
        "alrai", "الراي", "alraimedia.com", KWI, ("الكويت", "واشنطن", "عواصم"), ("«الراي»", "الراي"),
        ("الراي", "الراي الكويتية"), ("الرئيسية", "{sec}"), (" | ", " › "),
        (_fmt(KWI, lambda d: (f"{d.dd} {d.eg} {d.y} {d.h12}:{d.MM} {d.ampm}", False)),
         _fmt(KWI, lambda d: (f"تاريخ النشر: {d.wd} {d.d} {d.eg} {d.y} - {d.HH}:{d.MM}", False)),
         _fmt(KWI, lambda d: (f"{d.d}/{d.m}/{d.y}", False, False))),
        (b("{c} - «{n}»", "agency"), b("| كتب {n} |", "person"), b("كتب {n}", "person"), b("{n}", "person")),
        agencies=("الراي", "كونا", "وكالات"), agency_p=0.6, joined_p=0.35, joined_sep=" - ",
        captions=("خلال الجلسة", "مشاركون في الفعالية", "الموقع بعد الحادث"), credit_forms=("(أرشيف)", "| {a}"),
        credit_own_line=0.2, related_marker=("اقرأ كذلك",), related_block=("عناوين أخرى", "ذات صلة"),
        tags_label=("التصنيفات",), tail=("شارك الخبر عبر", "حمّل تطبيق الراي", "© جميع الحقوق محفوظة لجريدة الراي 2018"),
        kickers=("عاجل", "خاص بـ «الراي»"), kicker_p=0.25,
        order=("breadcrumb", "kicker", "title", "byline", "dateline", "caption"),
        nav=("الرئيسية", "محليات", "برلمان", "خارجيات", "اقتصاد", "رياضة", "ديوانيات", "فنون"),
        pub_meta=("iso", "isoz", "none"), og_suffix=" | الراي", jsonld_p=0.9, markup="nextjs"))
    # Al-Akhbar (Beirut): `بيروت ـ «الأخبار»`, issue number, Levantine months, Indic digits
    S.append(BlindStyle(
        "alakhbar", "الأخبار", "al-akhbar.com", BEY, ("بيروت", "صيدا", "دمشق", "غزة"), ("«الأخبار»", "الأخبار"),
        ("الأخبار", "جريدة الأخبار"), ("{sec}",), (" ",),
        (_fmt(BEY, lambda d: (f"{d.wd} {d.d} {d.lv} {d.y}", False, False)),
         _fmt(BEY, lambda d, r: (f"العدد {r.randint(3300, 3500)} {d.wd} {d.d} {d.lv} {d.y}", False, False)),
         _fmt(BEY, lambda d: (f"{d.wd} {d.d} {d.lv} {d.y} — {d.HH}:{d.MM}", False))),
        (b("{c} ـ {n}", "agency"), b("{n}", "person"), b("{c} ـ {n}", "person")),
        agencies=("«الأخبار»", "الوكالة الوطنية للإعلام", "أ ف ب"), agency_p=0.5, indic_p=0.35,
        captions=("من تظاهرة وسط المدينة", "في جلسة سابقة", "عند المعبر"), credit_forms=("({a})",),
        credit_own_line=0.0, body_fig_p=0.3, related_block=("في هذا الملف",), tags_label=("العلامات",),
        tail=("اشترك في «الأخبار»", "جميع الحقوق محفوظة © 2018"),
        kickers=("تقرير", "سياسة", "قضية اليوم"), kicker_p=0.5, heading_p=0.5,
        order=("masthead", "dateline", "kicker", "title", "byline", "caption"),
        nav=("سياسة", "مجتمع واقتصاد", "ثقافة", "عربيات", "دوليات", "رأي", "رياضة", "ملحق"),
        pub_meta=("naive", "none"), og_suffix=" | الأخبار", jsonld_p=0.3, time_el_p=0.7, heading_tag="h2", markup="drupal"))
    # Erem News (Abu Dhabi): `المصدر: ...` bylines, GMT datelines, an update-only dateline
    S.append(BlindStyle(
        "erem", "إرم نيوز", "eremnews.com", DXB, ("أبوظبي", "دبي", "عمّان", "بغداد"), ("إرم نيوز",),
        ("إرم نيوز", "إرم نيوز - Erem News"), ("الرئيسية", "أخبار", "{sec}"), (" › ", " » "),
        (_fmt("UTC", lambda d: (f"تاريخ النشر: {d.dd} {d.eg} {d.y} {d.HH}:{d.MM} GMT", True)),
         _fmt("UTC", lambda d: (f"تاريخ التحديث: {d.dd} {d.eg} {d.y} {d.HH}:{d.MM} GMT", True)),
         _fmt(DXB, lambda d: (f"{d.dd}.{d.mm}.{d.y} {d.HH}:{d.MM}", False))),
        (b("المصدر: {c} - {n}"), b("المصدر: {n}", "agency"), b("{n}", "person")),
        agencies=("إرم نيوز", "رويترز", "فرانس برس"), agency_p=0.8,
        update=_fmt("UTC", lambda d: (f"تاريخ التحديث: {d.dd} {d.eg} {d.y} {d.HH}:{d.MM} GMT", True)), update_p=0.4,
        captions=("صورة تعبيرية", "من مكان الانفجار", "صورة أرشيفية للقاء سابق"), credit_forms=("حقوق الصورة: {a}", "({a})"),
        credit_own_line=0.7, related_marker=("ننصحك بقراءة",), related_block=("قد يهمك أيضاً", "الأكثر مشاهدة"),
        tags_label=("الموضوعات:",), tail=("تابعونا على تلغرام", "سياسة الخصوصية", "© 2018 إرم نيوز"),
        widgets=("نسخ الرابط",), order=("breadcrumb", "title", "byline", "dateline", "update", "caption"),
        nav=("الرئيسية", "العالم العربي", "العالم", "اقتصاد", "رياضة", "منوعات", "تكنولوجيا"),
        pub_meta=("isoz",), og_suffix=" - إرم نيوز", jsonld_p=1.0, time_el_p=0.0, markup="nextjs"))
    # Arabi21 (London): `عربي21- name`, `لندن- عربي21`, `بتوقيت غرينتش`
    S.append(BlindStyle(
        "arabi21", "عربي21", "arabi21.com", LON, ("لندن", "إسطنبول", "القاهرة", "تونس"), ("عربي21",),
        ("عربي21", "Arabi21"), ("الرئيسية", "{sec}"), (" / ",),
        (_fmt("UTC", lambda d: (f"{d.wd}، {d.dd} {d.eg} {d.y} {d.h12}:{d.MM} {d.ampm_long} بتوقيت غرينتش", True)),
         _fmt("UTC", lambda d: (f"{d.dd}-{d.eg}-{d.y} {d.HH}:{d.MM} GMT", True)),
         _fmt(LON, lambda d: (f"{d.wd} {d.dd} {d.eg} {d.y}", False, False))),
        (b("{c}- {n}", "agency"), b("عربي21- {n}", "person"), b("{n}", "person")),
        agencies=("عربي21", "الأناضول", "وكالات"), agency_p=0.7,
        captions=("مظاهرة سابقة- أرشيفية", "من لقاء سابق", "جانب من المؤتمر الصحفي"), credit_forms=("- {a}", "/ {a}"),
        credit_own_line=0.0, related_marker=("شاهد أيضاً:",), marker_same_line=0.5,
        related_block=("الأكثر قراءة اليوم", "في نفس السياق"), tags_label=("وسوم المقال",),
        tail=("التعليقات المنشورة تعبر عن آراء أصحابها", "عربي21 على تلغرام", "جميع الحقوق محفوظة © عربي21"),
        counters=("المشاهدات: {n}",), counter_p=0.3, order=("breadcrumb", "title", "byline", "dateline", "caption"),
        nav=("سياسة", "اقتصاد", "تقارير", "مقالات", "حقوق وحريات", "رياضة", "صحافة دولية"),
        pub_meta=("iso", "none"), og_suffix=" | عربي21", markup="bootstrap"))
    # Echorouk (Algiers): Maghreb months, views and comments counters, WordPress markup
    S.append(BlindStyle(
        "echorouk", "الشروق أونلاين", "echoroukonline.com", ALG, ("الجزائر", "وهران", "قسنطينة", "باتنة"),
        ("الشروق أونلاين", "الشروق"), ("الشروق أونلاين", "الشروق اليومي"), ("الرئيسية", "{sec}"), (" - ", " » "),
        (_fmt(ALG, lambda d: (f"{d.wd} {d.d} {d.dz} {d.y}, {d.HH}:{d.MM}", False)),
         _fmt(ALG, lambda d: (f"{d.y}/{d.mm}/{d.dd} {d.HH}:{d.MM}", False)),
         _fmt(ALG, lambda d: (f"{d.d} {d.dz} {d.y}", False, False))),
        (b("{n}", "person"), b("{c}: {n}", "agency"), b("مراسل الشروق في {c}: {n}", "person")),
        agencies=("الشروق أونلاين", "واج"), agency_p=0.5,
        captions=("أرشيف", "الصورة من الأرشيف", "من الحدث"), credit_forms=("({a})", "© {a}"), credit_own_line=0.4,
        related_marker=("اقرأ أيضا", "شاهد أيضا"), related_block=("مقالات مشابهة",), tags_label=("هاشتاغ",),
        tail=("التعليقات (0)", "أضف تعليقك", "جميع الحقوق محفوظة © 2018 الشروق أونلاين"),
        widgets=("حجم الخط",), counters=("المشاهدات: {n}", "{n} مشاهدة"), counter_p=0.6,
        order=("breadcrumb", "title", "byline", "dateline", "caption"),
        nav=("الجزائر", "العالم", "اقتصاد", "رياضة", "ثقافة", "منوعات", "آراء", "فيديو"),
        pub_meta=("iso",), og_suffix=" | الشروق أونلاين", jsonld_p=0.6, heading_tag="h4", markup="wordpress"))
    # Assabah (Tunis): `تونس (وات)`, `إعداد:`, `بقلم:`, `على الساعة`, old ASP.NET table pages
    S.append(BlindStyle(
        "assabah", "الصباح نيوز", "assabah.com.tn", TUN, ("تونس", "صفاقس", "سوسة", "القصرين"), ("الصباح نيوز", "الصباح"),
        ("الصباح نيوز", "جريدة الصباح - دار الصباح"), ("الصفحة الرئيسية", "{sec}"), (" >> ", " | "),
        (_fmt(TUN, lambda d: (f"{d.wd} {d.d} {d.dz} {d.y} - {d.HH}:{d.MM}", False)),
         _fmt(TUN, lambda d: (f"نشر في {d.dd}/{d.mm}/{d.y} على الساعة {d.HH}:{d.MM}", False)),
         _fmt(TUN, lambda d: (f"{d.dd} - {d.mm} - {d.y}", False, False))),
        (b("{c} ({n})", "agency"), b("{c}- {n}", "house"), b("بقلم: {n}", "person"), b("إعداد: {n}", "person")),
        agencies=("وات", "الصباح نيوز", "وكالات"), agency_p=0.7,
        captions=("صورة من الأرشيف", "خلال الندوة", "في مقر الوزارة"), credit_forms=("(صورة: {a})", "({a})"),
        credit_own_line=0.5, related_block=("أخبار أخرى",), tags_label=("الكلمات المفاتيح",),
        tail=("أرسل إلى صديق", "نسخة للطباعة", "جميع الحقوق محفوظة لدار الصباح"),
        order=("masthead", "breadcrumb", "title", "dateline", "byline", "caption"),
        nav=("وطنية", "سياسة", "جهات", "اقتصاد", "عالمية", "ثقافة", "رياضة"),
        pub_meta=("none", "naive"), og_suffix=" - الصباح نيوز", jsonld_p=0.0, time_el_p=0.0,
        author_meta=("none", "site"), heading_tag="strong", markup="aspx"))
    # Al-Ayam (Manama): `كتبت:`, `المنامة - بنا`, issue number with the Hijri date (no clock)
    S.append(BlindStyle(
        "alayam", "صحيفة الأيام", "alayam.com", BAH, ("المنامة", "المحرق", "الرفاع"), ("«الأيام»", "الأيام"),
        ("الأيام", "صحيفة الأيام البحرينية"), ("الرئيسية", "{sec}"), (" > ", " | "),
        (_fmt(BAH, lambda d, r: (f"العدد {r.randint(10400, 10700)} {d.wd} {d.d} {d.eg} {d.y} الموافق {d.hd} {d.hmonth} {d.hy}هـ", False, False)),
         _fmt(BAH, lambda d: (f"{d.wd} {d.dd} {d.eg} {d.y} - {d.h12}:{d.MM} {d.ampm_long}", False))),
        (b("كتب: {n}", "person"), b("كتبت: {n}", "person"), b("متابعة: {n}", "person"), b("{c} - {n}", "agency")),
        agencies=("بنا", "«الأيام»", "وكالات"), agency_p=0.6,
        captions=("جانب من الفعالية", "خلال الزيارة", "المشاركون في الورشة"), credit_forms=("(تصوير: {a})", "- {a}"),
        credit_own_line=0.6, related_marker=("تابع أيضاً",), related_block=("أخبار قد تهمك",), tags_label=("ذات صلة:",),
        tail=("طباعة المقال", "إرسال لصديق", "الأيام © 2018 جميع الحقوق محفوظة"),
        counters=("عدد المشاهدات: {n}",), counter_p=0.5, order=("masthead", "breadcrumb", "dateline", "title", "byline", "caption"),
        nav=("محليات", "اقتصاد", "عربي ودولي", "رياضة", "ملحق الأيام", "كتاب", "كاريكاتير"),
        pub_meta=("naive", "iso"), og_suffix=" | صحيفة الأيام", jsonld_p=0.4, markup="wordpress"))
    return S


_STYLE_LIST = _styles()
BLIND_STYLES: list[str] = [s.id for s in _STYLE_LIST]
BLIND_STYLE_BY_ID = {s.id: s for s in _STYLE_LIST}


def _outlet_name(name: str) -> bool:
    """An outlet (not a wire agency, not a person): an ANT author such as `سكاي نيوز عربية`."""
    from ..outlets import outlet_for

    if name in WIRES:
        return False
    o = outlet_for(name)
    return (o is not None and not o.is_agency) or any(w in name for w in ("نت", "قناة", "نيوز", "البوابة", "24"))


def _is_agency(st: BlindStyle, name: str) -> bool:
    return name in WIRES or name in st.house or name.strip("«»") in {h.strip("«»") for h in st.house} or _outlet_name(name)


# -- the content of one page -------------------------------------------------------
@dataclass
class BlindPage(Page):
    kicker: str | None = None
    counter: str | None = None
    joined: bool = False
    crumb_steps: list[str] = field(default_factory=list)
    house_author: bool = False  # the byline names the page's own outlet


def _byline(st: BlindStyle, rec: dict, rng: random.Random) -> tuple[str | None, str | None, bool]:
    """The byline line, the author it names (the gold), and whether that author is the house itself."""
    city, name = split_author(rec.get("author"))
    if name is not None and _outlet_name(name):
        name = None  # another outlet's article: this outlet prints its own or a wire's name
    if name is None and rng.random() < st.agency_p:
        name = rng.choice(st.agencies)
    if name is not None and rng.random() < 0.1:
        name = None  # some pages print no byline
    byline = author = None
    house = False
    if name:
        city = city if city and rng.random() < 0.6 else rng.choice(st.cities)
        ag = _is_agency(st, name)
        house = name.strip("«»") in {h.strip("«»") for h in st.house}
        forms = [f for f in st.bylines if f(city, name, ag, house) is not None]
        if forms:
            byline = rng.choice(forms)(city, name, ag, house)
            author = name.strip("«»\"")
    return byline, author, house


def _body(st: BlindStyle, rec: dict, rng: random.Random, headlines: list[str]) -> list[tuple[str, object]]:
    """The body: the ANT paragraphs with sub-headings, an inline related link and a figure between them."""
    paras = list(rec["paragraphs"])
    body: list[tuple[str, object]] = []
    heads = rng.sample(SUBHEADS, k=len(SUBHEADS))
    inline_at = rng.randrange(1, len(paras)) if st.related_marker and len(paras) > 3 and rng.random() < 0.45 else -1
    fig_at = rng.randrange(1, len(paras)) if len(paras) > 2 and rng.random() < st.body_fig_p else -1
    for k, p in enumerate(paras):
        if 2 <= k < len(paras) - 1 and heads and rng.random() < st.heading_p / 2:
            body.append(("h", heads.pop()))
        body.append(("p", p))
        if k == inline_at and headlines:
            body.append(("related", [rng.choice(st.related_marker), headlines[0], rng.random() < st.marker_same_line]))
        elif k == fig_at:
            cap = rng.choice(st.captions)
            body.append(("fig", [cap, rng.choice(st.credit_forms).format(a=rng.choice(PHOTO_CREDITS))]))
    return body


def make_page(st: BlindStyle, rec: dict, rng: random.Random, headlines: list[str], cp1256_text: bool,
              month_shift: int = 0) -> BlindPage:
    stamp, update, indic = stamps(st, rec, rng, cp1256_text, month_shift, (9, 500), "تاريخ التحديث")
    byline, author, house = _byline(st, rec, rng)
    secs = SECS.get(rec.get("cat", ""), ["أخبار"])
    sec = rng.choice(secs)
    steps = [s.format(sec=sec) for s in st.crumb]
    crumb = rng.choice(st.crumb_sep).join(steps)
    caption = credit = None
    credit_own_line = rng.random() < st.credit_own_line
    if st.captions and rng.random() < 0.6:
        caption = rng.choice(st.captions)
        if rng.random() < 0.8:
            credit = rng.choice(st.credit_forms).format(a=rng.choice(PHOTO_CREDITS))
            if credit_own_line and credit[0] in "|/-":  # `| رويترز` follows the caption; alone: `تصوير: رويترز`
                credit = "تصوير: " + credit[1:].strip()
    body = _body(st, rec, rng, headlines)
    related = None
    if st.related_block and rng.random() < 0.7 and len(headlines) > 1:
        related = (rng.choice(st.related_block), headlines[1:1 + rng.randint(2, 4)])
    tags = None
    if st.tags_label and rng.random() < 0.6:
        pool = [sec] + [w for w in rec["title"].split() if len(w) > 4][:3]
        tags = (rng.choice(st.tags_label), list(dict.fromkeys(pool)))
    widgets = list(st.widgets) if st.widgets and rng.random() < 0.5 else []
    tail = [t for t in st.tail if rng.random() < 0.85]
    order = list(st.order)
    if caption and rng.random() < 0.25 and "caption" in order:
        order.remove("caption")
        order.insert(order.index("title"), "caption")
    kicker = rng.choice(st.kickers) if st.kickers and rng.random() < st.kicker_p else None
    if kicker and "خاص" in kicker and (not author or author in WIRES):
        kicker = st.kickers[0]  # an exclusive is the outlet's own story, not a wire's
    counter = None
    if st.counters and rng.random() < st.counter_p:
        counter = rng.choice(st.counters).format(n=rng.randint(120, 48000))
        if indic:
            counter = counter.translate(INDIC)
    meta_author = {"real": author, "junk": rng.choice(JUNK_AUTHORS), "site": st.site, "none": None}[rng.choice(st.author_meta)]
    return BlindPage(
        title=rec["title"], author=author, byline=byline, stamp=stamp, update=update,
        masthead=rng.choice(st.masthead), breadcrumb=crumb, nav=rng.sample(list(st.nav), k=rng.randint(4, len(st.nav))),
        caption=caption, credit=credit, credit_own_line=credit_own_line, caption_twice=False,
        body=body, related=related, tags=tags, widgets=widgets, tail=tail, order=order, indic=indic,
        meta_author=meta_author, pub_meta=rng.choice(st.pub_meta), jsonld=rng.random() < st.jsonld_p,
        time_el=rng.random() < st.time_el_p, section=sec, kicker=kicker, counter=counter,
        joined=bool(byline) and rng.random() < st.joined_p and not re.match(r"\D+:", stamp.text), crumb_steps=steps, house_author=house,
    )


def _caption_text(pg: BlindPage) -> list[tuple[str, str]]:
    if not pg.caption:
        return []
    if pg.credit and not pg.credit_own_line:
        return [(f"{pg.caption} {pg.credit}", "caption")]
    return [(pg.caption, "caption")] + ([(pg.credit, "credit")] if pg.credit else [])


def _related_line(v) -> list[str]:
    marker, head, same = v
    return [f"{marker} {head}"] if same else [marker, head]


def _furniture(st: BlindStyle, pg: BlindPage, kind: str) -> list[str]:
    f = [pg.masthead] + ([pg.breadcrumb] if kind == "text" else pg.crumb_steps) + [pg.stamp.text]
    f += [x for x in (pg.byline, pg.update, pg.caption, pg.credit, pg.kicker, pg.counter) if x]
    for k, v in pg.body:
        if k == "related":
            f += [v[0], v[1]]
        elif k == "fig":
            f += list(v)
    return f + end_furniture(pg)


def render_text(st: BlindStyle, pg: BlindPage, rng: random.Random) -> tuple[str, list[list[str]]]:
    """The scrape and the labelled header lines (every line above the first body paragraph)."""
    sep = st.blank_sep if rng.random() < 0.8 else not st.blank_sep
    header: list[tuple[str, str]] = []
    if rng.random() < 0.35:
        header.append((" ".join(pg.nav), "furniture"))
    by_line = [(pg.byline, "byline")] if pg.byline else []
    date_line = [(pg.stamp.text, "dateline")]
    if pg.joined:  # `كتب فلان - 12 مارس 2018 ...`: one line
        by_line, date_line = [(f"{pg.byline}{st.joined_sep}{pg.stamp.text}", "byline")], []
    parts = {
        "masthead": [(pg.masthead, "masthead")] if rng.random() < 0.75 else [],
        "breadcrumb": [(pg.breadcrumb, "breadcrumb")] if rng.random() < 0.75 else [],
        "kicker": [(pg.kicker, "furniture")] if pg.kicker else [],
        "title": [(pg.title, "title")],
        "byline": by_line,
        "dateline": date_line,
        "update": [(pg.update, "update")] if pg.update else [],
        "caption": _caption_text(pg),
    }
    order = list(pg.order)
    if pg.kicker and "kicker" not in order:
        order.insert(order.index("title"), "kicker")
    if pg.update and "update" not in order:
        order.insert(order.index("dateline") + 1, "update")
    for key in order:
        for ln in parts[key]:
            header.append(ln)
            if sep and rng.random() < 0.6:
                header.append(("", "blank"))
    if pg.counter and rng.random() < 0.6:
        header.append((pg.counter, "furniture"))
        counter_done = True
    else:
        counter_done = False
    for w in pg.widgets:
        header.append((w, "furniture"))
    if sep and (not header or header[-1][1] != "blank"):
        header.append(("", "blank"))
    lines = [ln for ln, _ in header]
    width = rng.choice((70, 78)) if sep and rng.random() < 0.1 else 0
    for k, v in pg.body:
        if k == "related":
            lines += _related_line(v)
        elif k == "fig":
            lines += [f"{v[0]} {v[1]}"] if rng.random() < 0.5 else list(v)
        elif width and k == "p":
            lines += textwrap.wrap(v, width, break_long_words=False, break_on_hyphens=False) or [v]
        else:
            lines.append(v)
        if sep:
            lines.append("")
    if pg.counter and not counter_done:
        lines += ["", pg.counter]
    if pg.tags:
        lines += ["", pg.tags[0]] + (pg.tags[1] if rng.random() < 0.5 else [" - ".join(pg.tags[1])])
    if pg.related:
        lines += ["", pg.related[0]] + pg.related[1]
    lines += [""] + pg.tail
    return "\n".join(lines) + "\n", [[ln, lab] for ln, lab in header]


# -- HTML ----------------------------------------------------------------------------
def _iso_meta(pg: BlindPage) -> str | None:
    from .gallery import iso_meta as g

    return g(pg)


def _head(st: BlindStyle, pg: BlindPage, rng: random.Random, charset: str, url: str, machine: list[str], e) -> list[str]:
    head = ['<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">' if charset == "windows-1256"
            else f'<meta charset="{charset}">']
    suffix = st.og_suffix.format(site=st.site) if st.og_suffix else ""
    head += [
        f"<title>{e(pg.title)}{e(suffix)}</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no">',
        f'<meta name="description" content="{e(pg.body[0][1][:150])}">',
        f'<meta property="og:locale" content="ar_AR">',
        f'<meta property="og:title" content="{e(pg.title + (suffix if rng.random() < 0.5 else ""))}">',
        f'<meta property="og:site_name" content="{e(st.site)}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:url" content="{e(url)}">',
        f'<meta property="og:image" content="https://cdn.{st.domain}/uploads/{rng.randint(2015, 2018)}/{rng.randint(10000, 999999)}.jpeg">',
        f'<meta name="twitter:site" content="@{st.id}">',
        f'<link rel="canonical" href="{e(url)}">',
        f'<link rel="amphtml" href="{e(url)}/amp">',
    ]
    pm = _iso_meta(pg)
    if pm:
        if rng.random() < 0.5 or pg.pub_meta == "arabic":
            head.append(f'<meta property="article:published_time" content="{e(pm)}">')
        else:
            head.append(f'<meta itemprop="datePublished" content="{e(pm)}">')
        machine.append(pm)
    if rng.random() < 0.5:
        head.append(f'<meta property="article:section" content="{e(pg.section)}">')
    if pg.meta_author:
        head.append(f'<meta name="author" content="{e(pg.meta_author)}">')
    if pg.jsonld:
        ld = {"@context": "http://schema.org", "@type": "NewsArticle", "headline": pg.title,
              "datePublished": pg.stamp.local.isoformat(), "inLanguage": "ar",
              "mainEntityOfPage": {"@type": "WebPage", "@id": url},
              "publisher": {"@type": "Organization", "name": st.site, "logo": {"@type": "ImageObject", "url": f"https://{st.domain}/logo.png"}}}
        if pg.meta_author:
            ld["author"] = [{"@type": "Person" if pg.meta_author == pg.author else "Organization", "name": pg.meta_author}]
        machine.append(ld["datePublished"])
        head.append('<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=False) + "</script>")
    head.append(f'<link rel="stylesheet" href="https://{st.domain}/themes/{st.id}/css/style.min.css?v={rng.randint(100, 999)}">')
    head.append("<script async src=\"https://securepubads.g.doubleclick.net/tag/js/gpt.js\"></script>")
    return head


def _body_items(st: BlindStyle, pg: BlindPage, rng: random.Random, e, br: bool = False) -> list[str]:
    out = []
    for k, v in pg.body:
        if k == "p":
            out.append(f"{e(v)}<br /><br />" if br else f"<p>{e(v)}</p>")
        elif k == "h":
            out.append(f"<p><strong>{e(v)}</strong></p>" if st.heading_tag == "strong" else f"<{st.heading_tag}>{e(v)}</{st.heading_tag}>")
        elif k == "related":
            href = f"/news/{rng.randint(10000, 999999)}"
            if v[2]:
                out.append(f'<p class="read-more"><strong>{e(v[0])}</strong> <a href="{href}">{e(v[1])}</a></p>')
            else:
                out.append(f'<div class="inline-related"><span class="label">{e(v[0])}</span><a href="{href}">{e(v[1])}</a></div>')
        else:
            out.append(f'<figure class="inline-image"><img src="/img/{rng.randint(1, 99999)}.jpg" alt=""><figcaption>'
                       f'{e(v[0])} <small>{e(v[1])}</small></figcaption></figure>')
    return out


def render_html(st: BlindStyle, pg: BlindPage, rng: random.Random, charset: str, url: str) -> tuple[str, str]:
    """A full page in one of five markup families of its own: drupal, wordpress (Jannah-like),
    bootstrap, nextjs (CSS-module classes, __NEXT_DATA__) and aspx (a table layout of spans)."""
    e = lambda s: _html.escape(s, quote=True)  # noqa: E731
    machine: list[str] = []
    head = _head(st, pg, rng, charset, url, machine, e)
    iso = pg.stamp.local.isoformat()
    if pg.time_el:
        machine.append(iso)
        date_html = f'<time class="date" datetime="{iso}">{e(pg.stamp.text)}</time>'
    else:
        date_html = f'<span class="date">{e(pg.stamp.text)}</span>'
    upd = f'<span class="last-update">{e(pg.update)}</span>' if pg.update else ""
    by = f'<span class="byline">{e(pg.byline)}</span>' if pg.byline else ""
    kick = f'<div class="kicker">{e(pg.kicker)}</div>' if pg.kicker else ""
    cnt = f'<span class="views">{e(pg.counter)}</span>' if pg.counter else ""
    img = f"https://cdn.{st.domain}/uploads/{rng.randint(10000, 999999)}.jpg"
    cap = ""
    if pg.caption:
        cred = f' <span class="photo-credit">{e(pg.credit)}</span>' if pg.credit else ""
        cap = f'<img src="{img}" alt="{e(pg.title)}"><div class="caption">{e(pg.caption)}{cred}</div>'
    nav = "".join(f'<li><a href="/section/{i}">{e(x)}</a></li>' for i, x in enumerate(pg.nav))
    tags = ""
    if pg.tags:
        tags = f"<b>{e(pg.tags[0])}</b> " + " ".join(f'<a href="/tags/{i}" rel="tag">{e(t)}</a>' for i, t in enumerate(pg.tags[1]))
    rel = ""
    if pg.related:
        rel = f"<h4>{e(pg.related[0])}</h4>" + "".join(
            f'<div class="rel-item"><a href="/article/{rng.randint(1, 99999)}">{e(h)}</a></div>' for h in pg.related[1])
    tail = "".join(f"<div>{e(t)}</div>" for t in pg.tail)
    wid = "".join(f'<a href="#" class="tool">{e(w)}</a>' for w in pg.widgets)
    meta = [by, date_html, upd, cnt] if rng.random() < 0.6 else [date_html, upd, by, cnt]
    meta_html = "".join(m for m in meta if m)
    steps = pg.crumb_steps
    fam = st.markup
    doctype = '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n' + "\n".join(head) + "\n</head>\n"
    if fam in _FRAMES:
        top, frame, bottom = _FRAMES[fam](pg, rng, e, steps, nav, tail)
        body = "\n".join(_body_items(st, pg, rng, e))  # after the frame: the draws keep their order
        return doctype + top + _framed(frame, kick, e(pg.title), meta_html, cap, wid, body, tags, rel) + bottom, \
            html_gold_time(pg, machine)
    return _aspx_page(st, pg, rng, e, head, nav, steps, meta, cap, tags, rel, tail), html_gold_time(pg, machine)


def _aspx_page(st, pg, rng, e, head, nav, steps, meta, cap, tags, rel, tail) -> str:
    """An old ASP.NET page: tables and labelled spans, the story cut by <br />s."""
    crumb = f" {e('>>')} ".join(f'<a href="/Default.aspx?sec={i}">{e(c)}</a>' for i, c in enumerate(steps))
    cid = "ctl00_ContentPlaceHolder1"
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" lang="ar" dir="rtl">\n<head>\n' + "\n".join(head) + "\n</head>\n"
        f'<body>\n<form name="aspnetForm" method="post" action="./Details.aspx?id={rng.randint(1000, 99999)}" id="aspnetForm">\n'
        f'<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKLTk{rng.randint(10 ** 8, 10 ** 9)}ZGQ=" />\n'
        f'<table width="100%" cellpadding="0" cellspacing="0"><tr><td class="header"><a href="/">{e(pg.masthead)}</a></td></tr>\n'
        f'<tr><td class="menu"><ul id="nav">{nav}</ul></td></tr>\n'
        f'<tr><td class="path">{crumb}</td></tr>\n<tr><td>\n<table class="details"><tr><td>\n'
        + (f'<span id="{cid}_lblKicker" class="kicker">{e(pg.kicker)}</span><br />\n' if pg.kicker else "")
        + f'<h1><span id="{cid}_lblTitle">{e(pg.title)}</span></h1>\n'
        + "".join(f'<span id="{cid}_lbl{i}">{m}</span><br />\n' for i, m in enumerate(meta) if m)
        + (f'<div id="{cid}_pnlImage">{cap}</div>\n' if cap else "")
        + f'<div id="{cid}_lblBody" class="details-body">\n' + "\n".join(_body_items(st, pg, rng, e, br=rng.random() < 0.5)) + "\n</div>\n"
        + (f'<div class="tags">{tags}</div>\n' if tags else "")
        + '</td></tr></table>\n</td></tr>\n'
        + (f'<tr><td class="related">{rel}</td></tr>\n' if rel else "")
        + f'<tr><td id="footer" class="footer">{tail}</td></tr></table>\n</form>\n</body>\n</html>\n'
    )


def _framed(f: dict, kick: str, title: str, meta: str, cap: str, wid: str, body: str, tags: str, rel: str) -> str:
    """An article in a markup family's frame: the same slots in the same order, each wrapped in
    the family's own markup (`f[slot]` = (before, after)); empty optional slots print nothing."""
    def slot(name: str, v: str) -> str:
        return f[name][0] + v + f[name][1] if v and name in f else ""

    return (kick + f["title"][0] + title + f["title"][1] + f["meta"][0] + meta + f["meta"][1] + slot("cap", cap)
            + slot("wid", wid) + f["body"][0] + body + f["body"][1] + slot("tags", tags) + f["article_end"]
            + slot("rel", rel))


def _drupal(pg, rng, e, steps, nav, tail):
    crumb = "".join(f'<li><a href="/{i}">{e(c)}</a></li>' for i, c in enumerate(steps))
    top = ('<body class="path-node page-node-type-article">\n<div class="dialog-off-canvas-main-canvas">\n'
           f'<header role="banner" class="region-header"><div class="site-branding"><a href="/" rel="home">{e(pg.masthead)}</a></div>'
           f'<nav role="navigation" class="menu--main"><ul class="menu">{nav}</ul></nav></header>\n'
           f'<div class="region-breadcrumb"><nav class="breadcrumb"><ol>{crumb}</ol></nav></div>\n'
           '<main role="main"><div class="region-content">\n'
           '<article role="article" class="node node--type-article node--view-mode-full">\n')
    frame = {"title": ('<h1 class="page-title"><span class="field--name-title">', "</span></h1>\n"),
             "meta": ('<div class="node__meta">', "</div>\n"),
             "cap": ('<div class="field--name-field-image">', "</div>\n"),
             "body": ('<div class="node__content"><div class="clearfix text-formatted field field--name-body '
                      'field--type-text-with-summary field__item">\n', "\n</div></div>\n"),
             "tags": ('<div class="field--name-field-tags">', "</div>\n"), "article_end": "</article>\n",
             "rel": ('<div class="views-element-container block-related">', "</div>\n")}
    bottom = f'</div></main>\n<footer role="contentinfo" class="region-footer">{tail}</footer>\n</div>\n</body>\n</html>\n'
    return top, frame, bottom


def _wordpress(pg, rng, e, steps, nav, tail):
    crumb = ' <em class="delimiter">»</em> '.join(f'<a href="/c/{i}">{e(c)}</a>' for i, c in enumerate(steps))
    top = (f'<body class="post-template-default single single-post postid-{rng.randint(100000, 999999)} single-format-standard">\n'
           '<div class="background-overlay"><div id="tie-container" class="site tie-container"><div id="tie-wrapper">\n'
           f'<header id="theme-header" class="theme-header header-layout-3"><div class="logo-wrapper"><a href="/">{e(pg.masthead)}</a></div>'
           f'<nav id="main-nav" class="main-nav"><ul id="menu-main" class="menu">{nav}</ul></nav></header>\n'
           '<div id="content" class="site-content container"><div class="tie-row main-content-row">\n'
           '<div class="main-content tie-col-md-8" role="main">\n<article id="the-post" class="container-wrapper post-content">\n'
           f'<header class="entry-header-outer"><nav id="breadcrumb">{crumb}</nav><div class="entry-header">')
    frame = {"title": ('<h1 class="post-title entry-title">', "</h1>"),
             "meta": ('<div class="single-post-meta post-meta clearfix">', "</div></div></header>\n"),
             "cap": ('<div class="featured-area"><figure class="single-featured-image">', "</figure></div>\n"),
             "wid": ('<div class="share-buttons share-buttons-top">', "</div>\n"),
             "body": ('<div class="entry-content entry clearfix">\n', "\n</div>\n"),
             "tags": ('<div class="post-bottom-meta post-bottom-tags">', "</div>\n"), "article_end": "</article>\n",
             "rel": ('<div id="related-posts" class="container-wrapper">', "</div>\n")}
    bottom = ('<div id="comments" class="comments-area"><div id="respond"><h3 id="reply-title">اترك تعليقاً</h3></div></div>\n'
              '</div>\n<aside class="sidebar tie-col-md-4"><div class="widget"><div class="widget-title">الأكثر تداولاً</div></div></aside>\n'
              f'</div></div>\n<footer id="footer" class="site-footer"><div class="copyright-text">{tail}</div></footer>\n'
              '</div></div></div>\n<script src="/wp-includes/js/jquery/jquery.min.js"></script>\n</body>\n</html>\n')
    return top, frame, bottom


def _bootstrap(pg, rng, e, steps, nav, tail):
    crumb = "".join(f'<li class="breadcrumb-item"><a href="/{i}">{e(c)}</a></li>' for i, c in enumerate(steps))
    top = ('<body>\n<nav class="navbar navbar-expand-lg navbar-dark bg-dark fixed-top">'
           f'<a class="navbar-brand" href="/">{e(pg.masthead)}</a><ul class="navbar-nav">{nav}</ul></nav>\n'
           '<div class="container"><div class="row">\n<div class="col-lg-8 col-md-12">\n'
           f'<ol class="breadcrumb">{crumb}</ol>\n<div class="card article-card"><div class="card-body">\n')
    frame = {"title": ('<h1 class="card-title news-title">', "</h1>\n"),
             "meta": ('<div class="news-info text-muted">', "</div>\n"),
             "cap": ('<div class="news-img">', "</div>\n"), "wid": ('<div class="font-tools">', "</div>\n"),
             "body": ('<div class="news-text" id="articleBody">\n', "\n</div>\n"),
             "tags": ('<div class="news-tags">', "</div>\n"), "article_end": "</div></div>\n",
             "rel": ('<div class="card related-card"><div class="card-body">', "</div></div>\n")}
    bottom = ('</div>\n<div class="col-lg-4 d-none d-lg-block"><div class="card"><div class="card-header">الأكثر قراءة</div></div></div>\n'
              f'</div></div>\n<footer class="footer bg-dark">{tail}</footer>\n'
              '<script src="/js/bootstrap.bundle.min.js"></script>\n</body>\n</html>\n')
    return top, frame, bottom


def _nextjs(pg, rng, e, steps, nav, tail):
    """CSS-module class names with one build hash, and the page's data in __NEXT_DATA__."""
    h = f"{rng.randint(0, 0xfffff):05x}"
    crumb = "".join(f'<a class="Breadcrumb_link__{h}" href="/{i}">{e(c)}</a>' for i, c in enumerate(steps))
    nd = {"props": {"pageProps": {"article": {"id": rng.randint(1, 10 ** 7), "title": pg.title, "section": pg.section}}},
          "page": "/article/[id]", "buildId": h}
    top = (f'<body>\n<div id="__next"><div class="Layout_wrapper__{h}">\n'
           f'<header class="Header_header__{h}"><a class="Header_logo__{h}" href="/">{e(pg.masthead)}</a>'
           f'<nav class="Header_menu__{h}"><ul>{nav}</ul></nav></header>\n'
           f'<main class="Article_main__{h}"><div class="Breadcrumb_root__{h}">{crumb}</div>\n'
           f'<div class="Article_head__{h}">')
    frame = {"title": (f'<h1 class="Article_title__{h}">', "</h1>"),
             "meta": (f'<div class="Article_meta__{h}">', "</div></div>\n"),
             "cap": (f'<div class="Article_hero__{h}">', "</div>\n"), "wid": (f'<div class="Article_tools__{h}">', "</div>\n"),
             "body": (f'<div class="ArticleBody_body__{h}">\n', "\n</div>\n"),
             "tags": (f'<div class="Article_tags__{h}">', "</div>\n"), "article_end": "",
             "rel": (f'<section class="Related_root__{h}">', "</section>\n")}
    bottom = (f'</main>\n<footer class="Footer_footer__{h}">{tail}</footer>\n</div></div>\n'
              '<script id="__NEXT_DATA__" type="application/json">' + json.dumps(nd, ensure_ascii=False) + "</script>\n"
              "</body>\n</html>\n")
    return top, frame, bottom


_FRAMES = {"drupal": _drupal, "wordpress": _wordpress, "bootstrap": _bootstrap, "nextjs": _nextjs}


# -- documents -------------------------------------------------------------------------
def render_doc(st: BlindStyle, rec: dict, kind: str, encoding: str, j: int, seed: int, headlines: list[str],
               spread_months: bool = True) -> GalleryDoc:
    rng = random.Random(f"{seed}:{st.id}blind:{kind}:{j}")
    # bylines may print the bare masthead (`الشرق`) that marsad's outlet list misses: no author either
    return page_doc(st, rec, kind, encoding, j, rng, headlines, spread_months, make_page=make_page,
                    render_text=render_text, render_html=render_html,
                    furniture=lambda pg, kind: _furniture(st, pg, kind), url_max=9999999,
                    houses=frozenset(h.strip("«»") for h in st.house))


def build_blind_gallery(ant_root: str | Path, per_style: int = 40, seed: int = 0, kinds: Iterable[str] = KINDS,
                        styles: Iterable[str] | None = None, records: list[dict] | None = None,
                        spread_months: bool = True) -> list[GalleryDoc]:
    """`per_style` documents per blind style and kind, every ANT article at most once per style,
    picked with a seed of the blind set's own (other articles than gallery.build_gallery's)."""
    from .gallery import render_styles

    recs = records if records is not None else load_ant(ant_root)
    return render_styles(recs, list(styles or BLIND_STYLES), BLIND_STYLES, BLIND_STYLE_BY_ID, per_style, seed,
                         kinds, spread_months, pick="{seed}:{style}blind:pick", render=render_doc)
