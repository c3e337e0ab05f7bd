"""The HTML reader on Arabic outlets' markup: dates, titles, authors and paragraphs.

Pages under tests/data/html are written for marsad in the markup of real outlets
(gold.json gives what each states); the saved real pages come from shared/data.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.layout import layout
from marsad.read import read_bytes, read_path
from marsad.read.html import clean_author, read_html

HERE = Path(__file__).parent / "data" / "html"
GOLD = json.loads((HERE / "gold.json").read_text("utf-8"))


def page(name: str):
    (doc,) = list(read_path(HERE / name))
    return doc


def words(s: str) -> list[str]:
    return re.findall(r"\w+", s)


# -- publication time -----------------------------------------------------------------------
YOUM7_HEAD = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>الأرصاد: طقس مائل للحرارة نهارا - اليوم السابع</title>
<meta property="og:site_name" content="اليوم السابع">
<meta property="article:published_time" content="الأربعاء، 07 أكتوبر 2020 - 12:09 م"></head>
<body><div id="articleBody" class="articleCont">
<p>توقعت الهيئة العامة للأرصاد الجوية أن يسود طقس مائل للحرارة نهارا معتدل ليلا على أغلب الأنحاء، مع شبورة مائية صباحا.</p>
<p>وأوضحت الهيئة في بيانها أن درجة الحرارة العظمى على القاهرة الكبرى تسجل 31 درجة، والصغرى 21 درجة.</p>
</div></body></html>"""


def test_arabic_date_string_in_published_time_meta():
    doc = read_html(YOUM7_HEAD)
    assert doc.published == "2020-10-07T12:09:00"
    assert layout(doc, tz="Africa/Cairo").published == "2020-10-07T12:09:00+02:00"  # no summer time in Egypt in 2020


def test_compact_iso_in_json_ld_keeps_its_offset():
    assert page("sputnik.html").published == "2020-10-07T12:09:00+03:00"


@pytest.mark.parametrize("name,want", [
    ("almadenah.html", "2021-01-12"),     # `نشر بتاريخ: 12 كانون الثاني 2021` in a post-date div, no meta
    ("alriyadh.html", "2023-01-27"),      # <time> holding Hijri and Gregorian dates in Arabic words
    ("hespress.html", "2023-10-19T22:15:00"),
    ("alkhaleej.html", "2024-02-20T10:05:00+04:00"),  # microdata datePublished on a span
])
def test_dates_only_marsad_reads(name, want):
    assert page(name).published == want


def test_real_assabah_page_takes_the_article_date_not_the_edition_list(shared):
    """The page lists the paper's recent editions (جريدة الصباح بتاريخ 2019/02/09 ...);
    the article itself is marked dc:date 2019-02-08."""
    p = shared / "data" / "arabic-html-fixtures" / "trafilatura" / "assabah.com.tn.article.html"
    (doc,) = list(read_path(p))
    assert doc.published.startswith("2019-02-08")
    art = layout(doc)
    assert art.author == "آسيا العتروس"  # `حوار: آسيا العتروس` printed above the lede
    for w in json.loads((p.parent / "assabah.com.tn.article.expected.json").read_text("utf-8")).values():
        assert all(s in art.text for s in w["with"]) and not any(s in art.text for s in w["without"])


def test_real_cnn_arabic_pages_use_the_story_day_not_the_update_stamp(shared):
    """CNN Arabic prints only `..., آخر تحديث 02:21 (GMT+0400)`: a last-update stamp (04 and
    28 August in the two saved copies); the story's URL dates it 3 August 2013."""
    fx = shared / "data" / "arabic-html-fixtures"
    for rel in ("goose3/test_cnn_arabic.html", "newspaper3k/arabic_article.html"):
        (doc,) = list(read_path(fx / rel))
        assert doc.published == "2013-08-03", rel


def test_no_date_is_no_date():
    html = "<html><body><article><p>" + "نص خبر بلا تاريخ في أي مكان من الصفحة. " * 8 + "</p></article></body></html>"
    assert read_html(html).published is None


# -- titles ----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["youm7.html", "almadenah.html", "alkhaleej.html", "alriyadh.html", "aljazeera.html", "skynews.html", "annahar.html"])
def test_title_without_the_site_name(name):
    assert page(name).title == GOLD["pages"][name]["title"]


# -- authors ---------------------------------------------------------------------------------
def test_logo_url_is_not_an_author():
    assert page("sputnik.html").author is None
    assert clean_author("Sputnik https://cdnarabic1.img.sputniknews.com/i/logo.png", "Sputnik Arabic") is None


@pytest.mark.parametrize("name", ["skynews.html", "aljazeera.html", "bbc_arabic.html", "sana.html", "france24.html"])
def test_the_outlet_itself_is_not_an_author(name):
    assert page(name).author is None


@pytest.mark.parametrize("name", ["alarabiya.html", "okaz.html", "alkhaleej.html", "annahar.html", "alarabiya_url_date.html", "masrawy.html", "youm7.html"])
def test_person_or_agency_authors(name):
    assert layout(page(name)).author == GOLD["pages"][name]["author"]


def test_clean_author_cases():
    assert clean_author("العربية.نت - إسلام سيف", "العربية") == "إسلام سيف"
    assert clean_author("لوس أنجلوس - رويترز") == "رويترز"
    assert clean_author("أبوظبي - سكاي نيوز عربية", None, "https://www.skynewsarabia.com/x") is None
    assert clean_author("سانا", "الوكالة العربية السورية للأنباء") is None  # SANA's own page
    assert clean_author("سانا", "الوطن السورية") == "سانا"  # an agency credited by another paper
    assert clean_author("30174026-20d9-40a2-9e04-5b63346a78a6") is None  # an id, as in ANT's AUTHOR field
    assert clean_author("https://www.facebook.com/okaz.news") is None
    assert clean_author("فهيم الحامد (جدة)") == "فهيم الحامد"
    assert clean_author("admin") is None and clean_author("John Smith") == "John Smith"
    assert clean_author("منى الشابي") == "منى الشابي"


# -- paragraphs and every word of the body ---------------------------------------------------
def test_br_separated_paragraphs_stay_apart():
    doc = page("masrawy.html")
    paras = [t for k, t in doc.blocks if k == "paragraph"]
    assert len(paras) == 6
    assert paras[0].startswith("تفقد محافظ الجيزة") and paras[-1].startswith("ومن المقرر الانتهاء")
    art = layout(doc)
    assert sum(len(s.paragraphs) for s in art.sections) == 6


def test_every_word_of_the_body_is_kept():
    from lxml import html as lh

    for name in ("masrawy.html", "aljazeera.html", "youm7.html", "alriyadh.html"):
        raw = (HERE / name).read_text("utf-8")
        tree = lh.fromstring(raw)
        body = tree.xpath("//div[contains(@class,'ArticleDetails') or contains(@class,'wysiwyg') or @id='articleBody' or contains(@class,'article-text')]")[0]
        want = words(body.text_content())
        art = layout(read_html(raw))
        got = words(art.text + " " + " ".join(s.heading or "" for s in art.sections))
        if name == "masrawy.html":
            want = want[3:]  # `كتب - محمد شاكر:` is the byline, kept as the author
        assert all(w in got for w in want), [w for w in want if w not in got][:5]


def test_real_cnn_body_matches_the_expected_text(shared):
    fx = shared / "data" / "arabic-html-fixtures" / "newspaper4k"
    (doc,) = list(read_path(fx / "arabic_article.html"))
    want = words((fx / "arabic_article.txt").read_text("utf-8"))
    got = set(words(layout(doc).text))
    missing = [w for w in want if w not in got]
    assert not missing, missing[:10]


# -- bad input -------------------------------------------------------------------------------
def test_bad_html_is_a_clear_error():
    with pytest.raises(InputError, match="not an HTML page"):
        read_html("نص بلا وسوم")
    with pytest.raises(InputError):
        read_html("<html><body><script>var a=1;</script></body></html>")


def test_truncated_outlet_page_reads_or_fails_cleanly():
    raw = (HERE / "aljazeera.html").read_text("utf-8")
    for cut in (len(raw) // 3, len(raw) // 2, 2 * len(raw) // 3):
        try:
            docs = list(read_bytes(raw[:cut].encode("utf-8"), name="cut.html"))
        except InputError:
            continue
        assert docs and docs[0].title == "مفاوضات جديدة بشأن تبادل الأسرى في الدوحة"


def test_html_reading_is_fast():
    import time

    raws = [(p.read_text("utf-8")) for p in sorted(HERE.glob("*.html"))]
    read_html(raws[0])
    t0 = time.perf_counter()
    for r in raws:
        read_html(r)
    per_page = (time.perf_counter() - t0) / len(raws)
    assert per_page < 0.05, per_page


# -- feeds and WARC records go the same way ---------------------------------------------------
FEED = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>اليوم السابع</title>
<link>https://www.youm7.com</link>
<item><title>الأرصاد: طقس مائل للحرارة نهارا - اليوم السابع</title><link>https://www.youm7.com/story/2020/10/7/x/5000001</link>
<author>news@youm7.com (محمود عبد الراضي)</author><pubDate>Wed, 07 Oct 2020 10:09:00 +0000</pubDate>
<description>&lt;p&gt;توقعت الهيئة العامة للأرصاد الجوية أن يسود طقس مائل للحرارة نهارا.&lt;/p&gt;</description></item>
<item><title>انطلاق معرض الكتاب | اليوم السابع</title><link>https://www.youm7.com/story/2020/10/7/y/5000002</link>
<author>اليوم السابع</author><description>&lt;p&gt;انطلقت اليوم فعاليات معرض الكتاب بمشاركة واسعة.&lt;/p&gt;</description></item>
</channel></rss>"""


def test_feed_titles_and_authors():
    a, b = list(read_bytes(FEED.encode("utf-8"), name="feed.xml"))
    assert a.title == "الأرصاد: طقس مائل للحرارة نهارا" and b.title == "انطلاق معرض الكتاب"
    assert a.author == "محمود عبد الراضي" and b.author is None


def test_warc_record_of_an_outlet_page(tmp_path):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    p = tmp_path / "crawl.warc.gz"
    with open(p, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        body = (HERE / "sputnik.html").read_bytes()
        w.write_record(w.create_warc_record("https://sarabic.ae/20201007/x.html", "response", payload=io.BytesIO(body), http_headers=headers))
    (doc,) = list(read_path(p))
    assert doc.format == "warc" and doc.author is None
    assert doc.published == "2020-10-07T12:09:00+03:00" and doc.title == GOLD["pages"]["sputnik.html"]["title"]


def test_a_title_that_is_only_the_site_name_gives_way_to_the_headline():
    html = YOUM7_HEAD.replace("<title>الأرصاد: طقس مائل للحرارة نهارا - اليوم السابع</title>", "<title>اليوم السابع</title>").replace(
        '<div id="articleBody"', "<h1>الأرصاد: طقس مائل للحرارة نهارا</h1><div id=\"articleBody\"")
    assert read_html(html).title == "الأرصاد: طقس مائل للحرارة نهارا"
