"""Header reading by evidence: each failure kind seen on outlet layouts marsad was never shown."""
from __future__ import annotations

import pytest

from marsad.dates import parse_dateline, to_iso
from marsad.layout import layout, parse_byline
from marsad.read import read_text

LEAD = ("أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في العاصمة بسعة خمسمئة سرير لخدمة سكان "
        "الأحياء الشرقية، في خطوة تهدف إلى تخفيف الضغط على المستشفيات القائمة.")
SECOND = "وقال الوزير في مؤتمر صحفي إن المستشفى سيبدأ استقبال المرضى مطلع الشهر المقبل بعد اكتمال تجهيزاته."
TITLE = "افتتاح مستشفى جديد في العاصمة بسعة خمسمئة سرير"


def scrape(*header: str) -> str:
    return "\n".join([*header, "", LEAD, "", SECOND]) + "\n"


def test_breadcrumb_and_masthead_are_not_the_title():
    art = layout(read_text(scrape("الجزيرة نت", "الرئيسية > أخبار > سياسة", TITLE, "القاهرة: رويترز")))
    assert art.title == TITLE
    assert art.author == "رويترز"
    assert art.text.startswith(LEAD) and "الرئيسية" not in art.text and "الجزيرة نت" not in art.text


def test_an_update_line_is_not_a_sub_heading_and_the_publication_time_wins():
    art = layout(read_text(scrape(TITLE, "نشر في 13/1/2018 - 09:35 م (بتوقيت مكة المكرمة)",
                                  "آخر تحديث: 14/1/2018 - 03:25 ص (بتوقيت مكة المكرمة)")))
    assert art.published == "2018-01-13T21:35:00+03:00"
    assert all(s.heading is None or "تحديث" not in s.heading for s in art.sections)
    assert "آخر تحديث" not in art.text


@pytest.mark.parametrize("line,author", [
    ("القاهرة: رويترز", "رويترز"),
    ("رويترز - القاهرة", "رويترز"),
    ("جدة - واس", "واس"),
    ("أبها - عبدالله الهاجري:", "عبدالله الهاجري"),
    ("الرياض: «سكاي نيوز عربية»", "سكاي نيوز عربية"),
    ("حلب-سانا", "سانا"),
    ("الدوحة / قنا /", "قنا"),
    ("عواصم - قنا", "قنا"),
    ("أبوظبي (سكاي نيوز عربية)", "سكاي نيوز عربية"),
    ("فرانس 24 / أ ف ب - تونس", "فرانس 24 / أ ف ب"),
    ("كتب: سامح فواز", "سامح فواز"),
])
def test_bylines_that_join_a_city_and_an_agency_or_a_writer(line, author):
    assert parse_byline(line) == author
    art = layout(read_text(scrape(TITLE, line)))
    assert art.author == author and line not in art.text


@pytest.mark.parametrize("line", ["القاهرة - الإسكندرية", "مسؤول إريتري: قطر تفبرك تقارير", "© أ ف ب"])
def test_a_city_a_headline_or_a_credit_is_not_an_author(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize("credit", ["مصدر الصورة: أ ف ب", "الصورة: رويترز", "(أ ف ب)", "Getty Images"])
def test_photo_credits_are_not_body_or_headings(credit):
    art = layout(read_text(scrape(TITLE, "صورة أرشيفية", credit)))
    assert credit not in art.text and all(s.heading != credit for s in art.sections)
    assert art.title == TITLE


@pytest.mark.parametrize("line,iso", [
    ("الأحد 11 مارس 2018 10:15 EET", "2018-03-11T10:15:00+02:00"),
    ("12 مارس 2018 - 10:15 GMT+4", "2018-03-12T10:15:00+04:00"),
    ("الأربعاء، 28 آب/اغسطس 2013 14:00 (GMT+0400)", "2013-08-28T14:00:00+04:00"),
    ("الخميس 15 مارس 2018 09:30 ص بتوقيت مكة", "2018-03-15T09:30:00+03:00"),
    ("2018/6/17 20:44 (مكة المكرمة)", "2018-06-17T20:44:00+03:00"),
    ("تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً", "2020-04-24T21:22:00"),
    ("21 - يوليو - 2018", "2018-07-21"),
])
def test_zones_and_publication_cues_in_datelines(line, iso):
    assert to_iso(parse_dateline(line)) == iso
    art = layout(read_text(scrape(TITLE, line)))
    assert art.published == iso and line not in art.text


def test_a_sentence_with_a_date_is_body_not_a_dateline():
    text = "في 3 مارس 2021 أعلنت الوزارة عن خطة جديدة للنقل العام.\n\n" + SECOND
    art = layout(read_text(text))
    assert art.published is None and art.text.startswith("في 3 مارس 2021 أعلنت")
    assert art.title is None  # a sentence is never a headline


def test_a_menu_line_and_a_related_list_are_furniture():
    text = scrape("فيديو سياسة رياضة رأي أخبار منوعات الرئيسية", TITLE) + (
        "\nقصص مقترحة\nعنوان خبر آخر عن الاقتصاد\nعنوان خبر ثالث عن الرياضة\n\n"
        "© 2018 بي بي سي. بي بي سي ليست مسؤولة عن محتوى المواقع الخارجية.\n")
    art = layout(read_text(text))
    assert art.title == TITLE
    assert [p for s in art.sections for p in s.paragraphs] == [LEAD, SECOND]


def test_a_hard_wrapped_dump_keeps_its_paragraphs():
    import textwrap

    text = "\n".join([TITLE, ""] + textwrap.wrap(LEAD, 70) + [""] + textwrap.wrap(SECOND, 70)) + "\n"
    art = layout(read_text(text))
    assert [p for s in art.sections for p in s.paragraphs] == [LEAD, SECOND]
