"""Time expressions from issue 19: the resolution policy, dialect words, parts of day after a
clock time, seconds, holidays, and the Duckling suite as a development set."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from marsad.annotate.timex import find
from marsad.errors import MarsadError
from marsad.evaluation.timex import load_gold, marsad_predictor, score
from marsad.options import Options

DATA = Path(__file__).parent / "data"
TUE = date(2024, 6, 18)  # a Tuesday


def values(text: str, ref: date | None = TUE, policy: str = "news") -> dict[str, object]:
    return {t.text: t.value for t in find(text, ref, policy)}


def test_policy_news_puts_a_bare_weekday_in_the_past_forward_in_the_future():
    s = "التقى الوزير نظيره الفرنسي الخميس في باريس."
    assert values(s)["الخميس"] == "2024-06-13"
    assert values(s, policy="forward")["الخميس"] == "2024-06-20"


def test_policy_forward_year_less_date_and_month():
    s = "وقعت الاتفاقية في 3 مارس بحضور الطرفين."
    assert values(s)["3 مارس"] == "2024-03-03"
    assert values(s, policy="forward")["3 مارس"] == "2025-03-03"


def test_options_check_the_policy():
    assert Options.checked(time_policy="forward").time_policy == "forward"
    assert Options.checked().time_policy == "news"
    with pytest.raises(MarsadError):
        Options.checked(time_policy="backward")


def test_dialect_tomorrow_and_yesterday():
    assert values("قال المتحدث إن الاجتماع سيعقد بكرة في الوزارة.")["بكرة"] == "2024-06-19"
    assert values("وصل الوفد امبارح إلى المطار.")["امبارح"] == "2024-06-17"


def test_next_week_and_month_with_attali_and_aljay():
    v = values("تبدأ المفاوضات الاسبوع التالي وتنتهي الشهر التالي.")
    assert v["الاسبوع التالي"] == "2024-W26"
    assert v["الشهر التالي"] == "2024-07"
    assert values("يصل الوفد الاسبوع الجاي.")["الاسبوع الجاي"] == "2024-W26"


def test_clock_time_with_seconds_keeps_its_pm():
    assert values("أعلن البيان في الساعة 9:45:10 مساءً عن وقف إطلاق النار.") == {
        "الساعة 9:45:10 مساءً": "2024-06-18T21:45:10"}


def test_afternoon_and_evening_words_after_a_clock_hour():
    assert values("انطلقت المسيرة الساعة 3 العصر من وسط المدينة.")["الساعة 3 العصر"] == "2024-06-18T15:00"
    assert values("يبدأ الحفل الساعة 8 بعد المغرب.")["الساعة 8 بعد المغرب"] == "2024-06-18T20:00"


def test_holidays_lunar_and_solar():
    v = values("تعطل الدوائر الرسمية في عيد الأضحى 2024 وفي عيد الفطر 2024.")
    assert v["عيد الأضحى 2024"] == "2024-06-16"
    assert v["عيد الفطر 2024"] == "2024-04-10"
    assert values("أحيا الفلسطينيون ذكرى يوم الأرض في المدن.")["يوم الأرض"] == "2024-03-30"
    assert values("احتفل المسيحيون بعيد الفصح 2024.")["عيد الفصح 2024"] == "2024-03-31"


def test_holiday_without_a_year_news_past_forward_next():
    s = "أدى المصلون صلاة عيد الفطر في الساحات."
    assert values(s)["عيد الفطر"] == "2024-04-10"
    assert values(s, policy="forward")["عيد الفطر"] == "2025-03-30"


def test_no_new_false_positives_on_common_words():
    for s in ("انهار أحد المباني في الحي القديم.", "قتل 3 آلاف شخص في الحرب.", "سجل الفريق 24 نقطة.",
              "وقف التالي في الطابور.", "اشترى بكرات خيط من السوق."):
        assert values(s) == {}, s


def test_duckling_suite_loads_and_forward_beats_news():
    rows = load_gold(DATA / "timex_duckling_ar.jsonl")
    assert len(rows) == 175
    assert all("kind" in r for r in rows)
    news = score(rows, marsad_predictor("news"))
    fwd = score(rows, marsad_predictor("forward"))
    assert fwd["value"] > news["value"]
    assert fwd["recall"] >= 0.85 and fwd["false_positives"] == 0


def test_duckling_converter_is_reproducible(tmp_path):
    import runpy
    import sys

    out = tmp_path / "d.jsonl"
    argv = sys.argv
    sys.argv = ["duckling_ar.py", str(DATA / "duckling_ar_Corpus.hs"), str(out)]
    try:
        with pytest.raises(SystemExit):
            runpy.run_path(str(Path(__file__).parent.parent / "scripts" / "duckling_ar.py"), run_name="__main__")
    finally:
        sys.argv = argv
    assert out.read_text(encoding="utf-8") == (DATA / "timex_duckling_ar.jsonl").read_text(encoding="utf-8")
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["published"] == "2013-02-12T04:30:00-02:00"


def test_day_ranges_are_one_interval():
    assert values("يقام المهرجان من 13 الى 15 تموز في جرش.") == {"من 13 الى 15 تموز": "2024-07-13/2024-07-15"}
    v = values("تقام المعارض خلال الفترة من 3 آذار حتى 7 آذار 2024 في الرياض.")
    assert v == {"خلال الفترة من 3 آذار حتى 7 آذار 2024": "2024-03-03/2024-03-07"}
    assert values("تستمر الدورة يوليو 13-15 في عمان.")["يوليو 13-15"] == "2024-07-13/2024-07-15"


def test_clock_range_lends_the_afternoon_to_its_start():
    v = values("تفتح مراكز الاقتراع من الثالثة حتى الخامسة عصرا.")
    assert list(v.values()) == ["2024-06-18T15:00/2024-06-18T17:00"]


def test_coordinated_days_stay_a_list_and_weekday_pairs_are_no_range():
    assert values("جرت الانتخابات يومي 3 و4 مارس.")["3 و4 مارس"] == ["2024-03-03", "2024-03-04"]
    v = values("أجل الاجتماع من الخميس الى السبت.")
    assert "/" not in " ".join(map(str, v.values()))


def test_clock_minutes_in_words_and_cardinal_hours():
    v = values("وقع الانفجار عند الساعة الرابعة وثلاث وعشرون دقيقة فجرا.")
    assert v["الساعة الرابعة وثلاث وعشرون دقيقة فجرا"] == "2024-06-18T04:23"
    assert values("وصل القطار الساعة ثلاثة الصبح.")["الساعة ثلاثة الصبح"] == "2024-06-18T03:00"


def test_dialect_day_before_yesterday_and_after_tomorrow_now_and_tonight():
    assert "2024-06-16" in values("زار الوزير المصنع قبل امبارح.").values()
    assert "2024-06-20" in values("نلتقي بعد بكرة في المقهى.").values()
    assert values("ستعلن النتائج في هذه اللحظة.")["في هذه اللحظة"] == "PRESENT_REF"
    assert values("تبث المباراة هذه الليلة.")["هذه الليلة"] == "2024-06-18TNI"


def test_cardinals_between_min_and_to_are_no_clock():
    v = values("تتراوح العقوبة من ثلاثة الى خمسة أعوام.")
    assert not any("T" in str(x) for x in v.values())


def test_weekday_of_a_named_week():
    assert values("التقى الرئيس الوفد الأحد من الأسبوع الماضي.")["الأحد من الأسبوع الماضي"] == "2024-06-16"
    assert values("زار الوزير المدينة ثلاثاء الأسبوع الفائت.")["ثلاثاء الأسبوع الفائت"] == "2024-06-11"


def test_numeric_short_forms():
    assert values("صدر القرار في 03/11/19 عن المجلس.")["03/11/19"] == "2019-11-03"
    assert values("ارتفعت الأسعار في 2/2013 بنسبة كبيرة.")["2/2013"] == "2013-02"
    assert values("تنطلق البطولة يوم السبت 21/09 في الدوحة.")["يوم السبت 21/09"] == "2024-09-21"
    assert values("صدر القانون رقم 3/2013 بشأن الاستثمار.") == {}
    assert values("فاز الفريق 3/2 على ضيفه.") == {}


def test_nth_and_last_weekday_of_a_month():
    assert values("تعقد الجمعية اجتماعها في ثالث ثلاثاء من أيلول 2024.")["ثالث ثلاثاء من أيلول 2024"] == "2024-09-17"
    assert values("تجري الانتخابات في الاثنين الأخير من شهر آذار 2025.")["الاثنين الأخير من شهر آذار 2025"] == "2025-03-31"
    # a day that is the written weekday stays a date: 3 September 2024 is a Tuesday
    assert values("افتتح المعرض الثلاثاء الثالث من أيلول 2024.")["الثلاثاء الثالث من أيلول 2024"] == "2024-09-03"


def test_reference_time_from_a_jsonl_date_extracted_and_a_cnn_dateline():
    from marsad.analysis import analyze
    from marsad.read.jsonl import record_to_raw

    body = "قال مسؤولون إن الهجوم وقع اليوم الجمعة في المدينة، وأكدت الشرطة ذلك في بيان رسمي عن الحادث."
    for field in ("date_extracted", "pubDate", "published_at", "datePublished", "created_at", "date"):
        art = analyze(record_to_raw({"text": body, field: "2015-08-07"}))
        assert [t.value for t in art.timexes] == ["2015-08-07"], field
    text = ("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)\n\n"
            "قال مسؤولون إن الهجوم وقع ليل الجمعة في المدينة، وأكدت الشرطة ذلك في بيان رسمي مفصل عن الحادث.\n")
    art = analyze(text)
    assert art.published.startswith("2013-08-28")
    assert [t.value for t in art.timexes] == ["2013-08-23TNI"]


def test_years_after_an_event_count_from_the_event_year():
    ref = date(2018, 5, 1)
    v = values("اندلعت الثورة في 2011. وبعد سبع سنوات ما زالت البلاد تعاني.", ref)
    assert v["بعد سبع سنوات"] == "2018"
    # about the future, or with no event year before it: from the publication date
    assert values("اندلعت الثورة في 2011. وبعد سبع سنوات ستنتهي الأزمة.", ref)["بعد سبع سنوات"] == "2025"
    assert values("قال الوزير إن المشروع ينتهي بعد سبع سنوات.", ref)["بعد سبع سنوات"] == "2025"


def test_holiday_with_a_direction_word():
    v = values("احتفل الأهالي بعيد الفطر الماضي وينتظرون عيد الأضحى المقبل.")
    assert v["عيد الفطر الماضي"] == "2024-04-10"
    assert v["عيد الأضحى المقبل"] == "2025-06-06"


def test_cli_evaluate_prints_both_policies_per_kind(capsys):
    from marsad.cli import main

    main(["evaluate", "timex", str(DATA / "timex_duckling_ar.jsonl")])
    out = capsys.readouterr().out
    assert "(policy news)" in out and "(policy forward)" in out
    assert out.count("holiday") == 2


def test_cli_analyze_time_policy(tmp_path, capsys):
    from marsad.cli import main

    p = tmp_path / "a.txt"
    p.write_text("التقى الوزير نظيره الخميس في باريس لبحث الأزمة وتبادل وجهات النظر حول القضايا الإقليمية "
                 "والدولية ذات الاهتمام المشترك بين البلدين.\n", encoding="utf-8")
    main(["analyze", str(p), "--published", "2024-06-18", "--time-policy", "forward", "--format", "json"])
    got = json.loads(capsys.readouterr().out)
    assert [t["value"] for t in got["timexes"]] == ["2024-06-20"]


def test_cli_ingest_time_policy(tmp_path):
    from marsad.cli import main
    from marsad.corpus import Corpus

    p = tmp_path / "a.txt"
    p.write_text("التقى الوزير نظيره الخميس في باريس لبحث الأزمة وتبادل وجهات النظر حول القضايا الإقليمية "
                 "والدولية ذات الاهتمام المشترك بين البلدين.\n", encoding="utf-8")
    values = {}
    for policy in ("news", "forward"):
        db = tmp_path / f"{policy}.db"
        assert main(["ingest", str(p), "--db", str(db), "--published", "2024-06-18", "--workers", "1",
                     "--quiet", "--time-policy", policy]) == 0
        c = Corpus(str(db))
        (art,) = [c.get(h.id) for h in c.search("")]
        values[policy] = [t.value for t in art.timexes]
    assert values == {"news": ["2024-06-13"], "forward": ["2024-06-20"]}


# -- the scorer's other readings --------------------------------------------


def test_scorer_reads_a_zoned_time_in_the_publication_offset_and_mid_month_as_the_15th():
    pub = "2013-02-12T04:30:00-02:00"
    rows = [{"text": "الخميس الساعة 8 بتوقيت GMT", "published": pub,
             "timexes": [{"text": "الخميس الساعة 8 بتوقيت GMT", "start": 0, "end": 26, "type": "TIME",
                          "value": "2013-02-14T06:00"}]},
            {"text": "منتصف اذار", "published": pub,
             "timexes": [{"text": "منتصف اذار", "start": 0, "end": 10, "type": "DATE", "value": "2013-03-15"}]}]
    preds = {"الخميس الساعة 8 بتوقيت GMT": [(0, 26, "TIME", "2013-02-14T08:00Z", None)],
             "منتصف اذار": [(0, 10, "DATE", "2013-03", "MID")]}
    assert score(rows, lambda text, _: preds[text])["value"] == 1.0
    # a month without MID is not its 15th
    preds["منتصف اذار"] = [(0, 10, "DATE", "2013-03", None)]
    assert score(rows, lambda text, _: preds[text])["value"] == 0.5
