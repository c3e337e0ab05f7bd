"""Two errors the blind time set (tests/data/timex_blind.jsonl) showed at its first run."""
from datetime import date

from marsad.annotate.timex import find


def values(text, ref):
    return [(t.text, t.value) for t in find(text, ref)]


def test_a_percentage_before_a_year_is_not_a_hundred_years():
    got = values("فقد حصل على 53 في المئة من الأصوات عام 2000، وحصد 71 في المئة عام 2004.", date(2018, 3, 19))
    assert ("عام 2004", "2004") in got and all(v != "P100Y" for _t, v in got)
    assert values("ومرت مئة عام على الحرب.", date(2018, 3, 19)) == [("مئة عام", "P100Y")]


def test_the_weekday_written_with_today_or_yesterday_wins_over_a_late_reference():
    # SaudiNewsNet dates a record by its crawl: Thursday 6 August 2015 for a Tuesday story
    thursday = date(2015, 8, 6)
    assert values("أنقذت العناية الإلهية مساء اليوم الثلاثاء طبيبا من الموت.", thursday) == [
        ("مساء اليوم الثلاثاء", "2015-08-04TEV")]
    assert values("وافتتح الأمير أمس الثلاثاء القسم الجديد.", thursday) == [("أمس الثلاثاء", "2015-08-04")]
    assert values("وقال الوزير اليوم الخميس إن العمل بدأ.", thursday) == [("اليوم الخميس", "2015-08-06")]


def test_throughout_the_day_is_a_duration_not_today():
    ref = date(2018, 3, 20)
    assert values("واستمر القصف طيلة اليوم على الأحياء الشرقية.", ref) == [("طيلة اليوم", "P1D")]
    assert values("وبقيت المحال مغلقة طوال الأسبوع.", ref) == [("طوال الأسبوع", "P1W")]
    assert values("وتواصلت الاحتجاجات طوال الأسبوع الماضي.", ref) == [("الأسبوع الماضي", "2018-W11")]



def test_a_coming_day_of_the_month_is_not_read_into_a_past_perfect_clause():
    ref = date(2018, 3, 20)
    assert values("وكانت القمة العربية قد عقدت في 29 آذار في عمان.", ref) == [("29 آذار", "2017-03-29")]
    assert values("وتعقد القمة العربية في 29 آذار في الظهران.", ref) == [("29 آذار", "2018-03-29")]
