"""Page layout for several outlets' templates: header, datelines, bylines, furniture."""
import pytest

from marsad.analysis import analyze
from marsad.dates import parse_dateline, to_iso
from marsad.layout import parse_byline
from marsad.read import read_text

BODY = (
    "أعلنت الحكومة اليوم عن حزمة إجراءات جديدة لدعم الأسر محدودة الدخل في مواجهة ارتفاع الأسعار.\n\n"
    "وقال وزير المالية إن الحزمة تشمل زيادة الدعم النقدي وتوسيع برامج الحماية الاجتماعية.\n\n"
    "وأضاف أن التمويل سيأتي من إعادة ترتيب أولويات الإنفاق العام خلال العام المالي المقبل.\n"
)


def lay(text, **kw):
    return analyze(read_text(text), skip=["entities", "timex", "quotes", "events", "keywords", "summary", "topics"], **kw)


@pytest.mark.parametrize("line,iso", [
    ("الثلاثاء، 18 يونيو 2024 - 08:16 م", "2024-06-18T20:16:00"),
    ("الأحد 10 مارس 2024 03:15 ص", "2024-03-10T03:15:00"),
    ("١٨ حزيران ٢٠٢٤ - ٢٠:١٦", "2024-06-18T20:16:00"),
    ("الخميس 9 كانون الثاني 2025، الساعة 14:05", "2025-01-09T14:05:00"),
    ("نشر في 12 تشرين الأول 2023 - آخر تحديث 13 تشرين الأول 2023 09:05", "2023-10-12"),
    ("آخر تحديث: 13/10/2023 09:05 | نشر في: 12/10/2023 07:30", "2023-10-12T07:30:00"),
    ("الثلاثاء 12 ذو الحجة 1445 هـ - 18 يونيو 2024 م", "2024-06-18"),
    ("12 ذو الحجة 1445 هـ", "2024-06-18"),
    ("05 جوان 2024 - 18:45", "2024-06-05T18:45:00"),
    ("2024/6/10 10:30 صباحا", "2024-06-10T10:30:00"),
    ("10-06-2024", "2024-06-10"),
    ("22 أغسطس 2024 | 07:10 GMT", "2024-08-22T07:10:00+00:00"),
    ("18 يونيو 2024 10:20 صباحا بتوقيت مكة", "2024-06-18T10:20:00+03:00"),
    ("Fri, 02 Mar 2018 00:44:28 GMT", "2018-03-02T00:44:28+00:00"),
])
def test_dateline_forms(line, iso):
    got = parse_dateline(line)
    assert got is not None
    assert to_iso(got) == iso


def test_dateline_zone_offset_for_that_date():
    d = parse_dateline("الثلاثاء، 18 يونيو 2024 - 08:16 م")
    assert to_iso(d, "Africa/Cairo") == "2024-06-18T20:16:00+03:00"  # Egypt's summer time
    d = parse_dateline("الأحد 10 مارس 2024 03:15 م")
    assert to_iso(d, "Africa/Cairo") == "2024-03-10T15:15:00+02:00"
    d = parse_dateline("22 أغسطس 2024 | 07:10 GMT")
    assert to_iso(d, "Asia/Riyadh") == "2024-08-22T10:10:00+03:00"


def test_not_datelines():
    assert parse_dateline("قتل 24 شخصا في الهجوم") is None
    assert parse_dateline("أحد المباني في وسط المدينة") is None


@pytest.mark.parametrize("line,author", [
    ("كتب: محمد السيد", "محمد السيد"),
    ("كتبت - نهى عبد الله", "نهى عبد الله"),
    ("كتبت نهى عبد الله", "نهى عبد الله"),
    ("بقلم: يوسف الإدريسي", "يوسف الإدريسي"),
    ("القاهرة - أحمد علي", "أحمد علي"),
    ("بيروت - وكالات", "وكالات"),
    ("دبي - وكالات", "وكالات"),
    ("كييف - موسكو (رويترز)", "رويترز"),
])
def test_bylines(line, author):
    assert parse_byline(line) == author


def test_byline_is_not_a_paragraph():
    assert parse_byline("وقال وزير المالية إن الحزمة تشمل زيادة الدعم النقدي.") is None


def test_egyptian_template_caption_twice_title_byline_dateline():
    text = ("صورة الوزير خلال المؤتمر - أرشيفية\nصورة الوزير خلال المؤتمر - أرشيفية\n\n\n"
            "الحكومة تعلن حزمة دعم جديدة للأسر\n\nكتب: محمد السيد\n\nالأحد، 10 مارس 2024 - 03:15 م\n\n" + BODY +
            "\n\nالكلمات الدالة\n\nالحكومة\nالدعم\n\nمشاركة\n")
    a = lay(text, tz="Africa/Cairo")
    assert a.image_caption == "صورة الوزير خلال المؤتمر - أرشيفية"
    assert a.title == "الحكومة تعلن حزمة دعم جديدة للأسر"
    assert a.author == "محمد السيد"
    assert a.published == "2024-03-10T15:15:00+02:00"
    assert a.text.startswith("أعلنت الحكومة اليوم")
    for bad in ("الكلمات الدالة", "مشاركة", "أرشيفية", "محمد السيد"):
        assert bad not in a.text
    assert sum(len(s.paragraphs) for s in a.sections) == 3


def test_levantine_one_paragraph_per_line_update_time_and_copyright():
    text = ("بيروت - وكالات\nنشر في 12 حزيران 2024 الساعة 14:30 - آخر تحديث 13 حزيران 2024 09:05\n"
            "الحكومة تعلن حزمة دعم جديدة للأسر\n" + BODY.replace("\n\n", "\n") + "جميع الحقوق محفوظة © 2024\n")
    a = lay(text)
    assert a.author == "وكالات"
    assert a.published == "2024-06-12T14:30:00"  # the publication, not the update
    assert a.title == "الحكومة تعلن حزمة دعم جديدة للأسر"
    assert len(a.sections[0].paragraphs) == 3
    assert "جميع الحقوق" not in a.text


def test_related_stories_newsletter_and_photo_credit_removed():
    text = ("الحكومة تعلن حزمة دعم جديدة للأسر\n\nصدر الصورة: Getty Images\n\n" + BODY.split("\n\n")[0] +
            "\n\nاقرأ أيضاً\nوزير المالية يلتقي وفد صندوق النقد\n\n" + "\n\n".join(BODY.split("\n\n")[1:]) +
            "\n\nاشترك في النشرة البريدية\nأدخل بريدك الإلكتروني\nتابعونا على فيسبوك\n")
    a = lay(text)
    for bad in ("اقرأ", "صندوق النقد", "النشرة", "بريدك", "تابعونا", "Getty", "صدر الصورة"):
        assert bad not in a.text, bad
    assert sum(len(s.paragraphs) for s in a.sections) == 3


def test_sub_headings_make_sections():
    text = ("عنوان الخبر الرئيسي هنا\n\n" + BODY.split("\n\n")[0] + "\n\nخلفية القرار\n\n" +
            "\n\n".join(BODY.split("\n\n")[1:]))
    a = lay(text)
    assert [s.heading for s in a.sections] == [None, "خلفية القرار"]
    assert [len(s.paragraphs) for s in a.sections] == [1, 2]
    assert a.text == "\n\n".join(p for s in a.sections for p in s.paragraphs)


def test_published_fallback_and_non_arabic():
    a = lay("عنوان\n\n" + BODY, published="2024-05-01T10:00:00", tz="Asia/Riyadh")
    assert a.published == "2024-05-01T10:00:00+03:00"
    e = lay("Title\n\nThe minister said on Tuesday that the support package would be extended to more families.\n")
    assert e.language == "en"


def test_stable_ids():
    assert lay("عنوان\n\n" + BODY).id == lay("عنوان\n\n" + BODY).id
    assert lay("عنوان\n\n" + BODY).id != lay("عنوان آخر\n\n" + BODY).id
