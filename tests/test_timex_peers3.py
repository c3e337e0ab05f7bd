"""Time expressions, third round on the peer suite: months by number or ordinal, days and
weeks of a month, the n-th weekday after a day, minutes in words, the forward reading of a
bare clock hour, day ranges of ordinals, and the scorer's other readings of a value."""
from __future__ import annotations

from datetime import date

import pytest

from marsad.annotate.timex import find, reference_time

TUE = date(2024, 6, 18)  # a Tuesday


def values(text: str, ref: date | None = TUE, policy: str = "news", now=None) -> dict[str, object]:
    return {t.text: t.value for t in find(text, ref, policy, now)}


# -- months by number and by ordinal ----------------------------------------


def test_month_by_number_after_shahr():
    assert values("عاد الوفد في الخامس من شهر 9 الماضي.") == {"الخامس من شهر 9 الماضي": "2023-09-05"}
    assert values("تبدأ الدورة في شهر عشرة المقبل.") == {"شهر عشرة المقبل": "2024-10"}
    assert values("وصل الوفد في شهر ثلاثة.") == {"شهر ثلاثة": "2024-03"}


def test_month_by_ordinal_with_its_year_or_a_day():
    assert values("وقعت الاتفاقية في الخامس من الشهر الثامن عام 2019.") == {
        "الخامس من الشهر الثامن عام 2019": "2019-08-05"}
    assert values("انتهى العقد في الشهر التاسع سنة 2014.") == {"الشهر التاسع سنة 2014": "2014-09"}


@pytest.mark.parametrize("sentence", [
    "ارتفعت الأسعار للشهر الثالث على التوالي.",
    "دخلت الحرب الشهر الثالث من عامها الثاني.",
    "تراجعت المبيعات في الشهر الخامس.",
    "استمر الاجتماع ساعة واحدة.",
    "انتظر المرضى ساعة ونصف.",
    "تقاضى راتب شهر 3 آلاف ريال.",
    "دفع إيجار شهر 5 ملايين ليرة.",
])
def test_counted_months_and_hours_are_no_dates(sentence):
    assert [t for t in find(sentence, TUE) if t.type in ("DATE", "TIME")] == []


def test_the_first_of_a_month_written_awwal():
    # أول تموز is the first of July; the coming month, as a bare month, is the one about to come
    assert values("يبدأ العمل بالقرار في أول يوليو.") == {"أول يوليو": "2024-07-01"}


def test_a_day_of_the_coming_month_is_the_coming_one_under_news():
    assert values("المباراة النهائية في 5 يوليو على الملعب الرئيسي.") == {"5 يوليو": "2024-07-05"}
    assert values("جرت الانتخابات في 5 أغسطس.") == {"5 أغسطس": "2023-08-05"}


# -- days and weeks of a month ----------------------------------------------


def test_first_and_last_week_of_a_month_lie_in_it_whole():
    assert values("جرت الانتخابات في الأسبوع الأول من أكتوبر 2014.") == {
        "الأسبوع الأول من أكتوبر 2014": "2014-W41"}
    assert values("وصل الوفد في آخر أسبوع في سبتمبر لعام 2014.") == {"آخر أسبوع في سبتمبر لعام 2014": "2014-W39"}
    assert values("عقد المؤتمر في الأسبوع الأخير من الشهر التاسع سنة 2014.") == {
        "الأسبوع الأخير من الشهر التاسع سنة 2014": "2014-W39"}


def test_nth_and_last_day_of_a_month():
    assert values("تنتهي المهلة في آخر يوم بشهر عشرة سنة 2015.") == {"آخر يوم بشهر عشرة سنة 2015": "2015-10-31"}
    assert values("أغلق المعبر في اليوم الأخير من فبراير الماضي.") == {"اليوم الأخير من فبراير الماضي": "2024-02-29"}
    assert values("افتتح المعرض ثالث يوم من شهر عشرة سنة 2015.") == {"ثالث يوم من شهر عشرة سنة 2015": "2015-10-03"}
    assert values("افتتح المعرض اليوم الثالث من أكتوبر 2015.") == {"اليوم الثالث من أكتوبر 2015": "2015-10-03"}


def test_nth_weekday_after_a_holiday():
    assert values("تجرى القرعة ثالث ثلاثاء بعد عيد الميلاد 2014.") == {
        "ثالث ثلاثاء بعد عيد الميلاد 2014": "2015-01-13"}


def test_ordinal_teens_with_the_feminine_ten():
    assert values("وصل الوفد في الثالث عشرة من فبراير 2024.") == {"الثالث عشرة من فبراير 2024": "2024-02-13"}


# -- ranges -----------------------------------------------------------------


def test_ordinal_day_ranges():
    assert values("يقام المهرجان من الثالث والعشرين وحتى السادس والعشرين من أكتوبر 2023.") == {
        "من الثالث والعشرين وحتى السادس والعشرين من أكتوبر 2023": "2023-10-23/2023-10-26"}
    assert values("أجريت الدراسة بين الثالث والعاشر من يناير 2024.") == {
        "بين الثالث والعاشر من يناير 2024": "2024-01-03/2024-01-10"}
    assert values("تقام المباريات من 27-29 من الشهر الثامن عام 2023.") == {
        "من 27-29 من الشهر الثامن عام 2023": "2023-08-27/2023-08-29"}


# -- clock times --------------------------------------------------------------


def test_minutes_in_compound_words_with_a_part_of_day():
    assert values("بدأ القصف الساعة الثالثة وخمسة عشر دقيقة عصرا.") == {
        "الساعة الثالثة وخمسة عشر دقيقة عصرا": "2024-06-18T15:15"}
    assert values("وصل القطار عند الثالثة وثمانية عشر دقيقة صباحا.") == {
        "الثالثة وثمانية عشر دقيقة صباحا": "2024-06-18T03:18"}


def test_clock_with_a_comma():
    assert values("تبدأ الحصة عند الساعة 10,30 صباحا.") == {"الساعة 10,30 صباحا": "2024-06-18T10:30"}


def test_forward_reads_a_past_bare_hour_as_the_afternoon_one():
    s = "يبدأ الاجتماع الساعة 3 في مقر الوزارة."
    assert values(s, policy="forward", now=(10, 0)) == {"الساعة 3": "2024-06-18T15:00"}
    assert values(s, policy="forward", now=(2, 0)) == {"الساعة 3": "2024-06-18T03:00"}
    assert values(s, policy="news", now=(10, 0)) == {"الساعة 3": "2024-06-18T03:00"}
    # a part of day, a leading zero (a 24-hour clock) or a zone keeps the hour
    assert values("يبدأ الاجتماع الساعة 3 صباحا.", policy="forward", now=(10, 0)) == {
        "الساعة 3 صباحا": "2024-06-18T03:00"}
    assert values("يبدأ الاجتماع الساعة 08:00.", policy="forward", now=(10, 0)) == {
        "الساعة 08:00": "2024-06-18T08:00"}
    assert values("يبدأ الاجتماع الساعة 8 بتوقيت غرينتش.", policy="forward", now=(10, 0)) == {
        "الساعة 8 بتوقيت غرينتش": "2024-06-18T08:00Z"}


def test_reference_time_of_day():
    assert reference_time("2013-02-12T04:30:00-02:00") == (4, 30)
    assert reference_time("2013-02-12") is None
    assert reference_time(None) is None


def test_zone_names_in_latin_letters_in_any_case():
    assert values("يبدأ البث الساعة 8 بتوقيت gmt.") == {"الساعة 8 بتوقيت gmt": "2024-06-18T08:00Z"}


# -- days before and after ----------------------------------------------------


def test_the_past_day():
    assert values("نشر الموقع الخبر في اليوم الماضي.") == {"اليوم الماضي": "2024-06-17"}
    s = "وقعت الحادثة في اليوم السابق."
    assert values(s) == {}
    assert values(s, policy="forward") == {"اليوم السابق": "2024-06-17"}
    assert values("وفي اليوم التالي عاد الوفد.", policy="forward") == {}


# -- news: days written without a year ---------------------------------------


def test_a_later_day_of_this_month_is_this_month_under_news():
    assert values("يخوض المنتخب مباراة ودية أمام البرتغال يوم 29 يونيو.") == {"29 يونيو": "2024-06-29"}


def test_the_days_of_one_month_share_its_year():
    assert values("يزور الوفد واشنطن بين 17 و26 يونيو لإجراء محادثات.") == {
        "بين 17 و26 يونيو": "2024-06-17/2024-06-26"}


def test_a_holiday_followed_by_its_day_is_named_by_that_day():
    assert values("يحتفل الأرثوذكس بعيد الميلاد في 7 يناير 2025.") == {"7 يناير 2025": "2025-01-07"}
    assert values("ويحتفل المسيحيون بعيد الفصح في 31 مارس 2024.") == {"31 مارس 2024": "2024-03-31"}


def test_a_hijri_month_with_the_gregorian_year_it_falls_in():
    assert values("في رمضان 2020 أغلقت المساجد.") == {"رمضان 2020": "2020-05"}
    assert values("وقع الهجوم في العاشر من رمضان عام 2019.") == {"العاشر من رمضان عام 2019": "2019-05-15"}


def test_a_week_of_last_month_named_in_that_month_is_this_years():
    # on 19 March 2018, `الأسبوع الأول من مارس الماضي` is the first week of March 2018
    assert values("عثر عليه في الأسبوع الأول من مارس الماضي.", ref=date(2018, 3, 19)) == {
        "الأسبوع الأول من مارس الماضي": "2018-W10"}
    assert values("أغلق المعبر في اليوم الأخير من فبراير الماضي.", ref=date(2018, 3, 19)) == {
        "اليوم الأخير من فبراير الماضي": "2018-02-28"}


def test_half_marks_the_middle_of_a_month_only():
    got = find("قال إن نص شهر ثلاثة موعد مناسب.", TUE)
    assert [(t.text, t.value, t.mod) for t in got] == [("نص شهر ثلاثة", "2024-03", "MID")]
    got = find("تراجعت الأرباح خلال نصف السنة الحالية بنسبة 31 في المائة.", TUE)
    assert [(t.text, t.mod) for t in got] == [("السنة الحالية", None)]


def test_a_weekday_and_an_ordinal_day_without_a_month():
    # 18 June 2024 is a Tuesday: Saturday the 22nd is 2024-06-22 under both policies
    s = "تنطلق البطولة السبت الثاني والعشرين بمشاركة ثمانية فرق."
    assert values(s) == {"السبت الثاني والعشرين": "2024-06-22"}
    assert values(s, policy="forward") == {"السبت الثاني والعشرين": "2024-06-22"}
    # the first to fifth are left to the n-th weekday reading
    assert values("أقيمت الصلاة الجمعة الأولى.") == {"الجمعة": "2024-06-14"}
