"""Time expressions: behaviour on sentences written for these tests, the gold set and the seed."""
from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import pytest

from marsad.annotate.timex import find, reference_date, vocabulary
from marsad.arabic import normalize_map
from marsad.arabic.normalize import _FULL, _nfkc_if_needed, normalize
from marsad.arabic.offsets import normalize_with_index
from marsad.arabic.ordinals import ordinal_phrases
from marsad.article import Article
from marsad.cli import main
from marsad.evaluation.timex import load_gold, marsad_predictor, score

GOLD = Path(__file__).parent / "data" / "timex_gold.jsonl"
TUE = date(2024, 6, 18)  # a Tuesday


def values(text: str, ref: date | None = TUE) -> dict[str, object]:
    return {t.text: t.value for t in find(text, ref)}


def one(text: str, ref: date | None = TUE):
    got = find(text, ref)
    assert len(got) == 1, got
    return got[0]


# -- kinds ------------------------------------------------------------------


def test_regional_month_names_and_numeric_dates():
    assert values("وقع الانفجار في 3 تشرين الثاني 2019 قرب الميناء.") == {"3 تشرين الثاني 2019": "2019-11-03"}
    assert values("افتتح الملعب في جويلية 2019.") == {"جويلية 2019": "2019-07"}
    assert values("غادر القاهرة في 7 أغسطس 2023 م.") == {"7 أغسطس 2023 م": "2023-08-07"}
    assert values("صدر الحكم في 2021/3/9.") == {"2021/3/9": "2021-03-09"}
    assert values("صدر الحكم في 09-03-2021.") == {"09-03-2021": "2021-03-09"}
    assert values("أعلنت النتيجة في ٩ آب ٢٠٢٢.") == {"٩ آب ٢٠٢٢": "2022-08-09"}
    assert find("صدر الحكم في 31-02-2021.", TUE) == []  # no such day


def test_hijri_dates_go_through_hijridate():
    assert values("صدر القرار في 1 محرم 1446 هـ.") == {"1 محرم 1446 هـ": "2024-07-07"}
    t = one("بدأت الدورة في شهر ربيع الأول 1445.")
    assert t.value == "2023-09"  # the Gregorian month holding its middle


@pytest.mark.parametrize("sentence, ref, want", [
    ("تراجعت المبيعات في يناير الماضي.", date(2024, 1, 3), "2023-01"),
    ("بلغ العجز ذروته في ديسمبر الماضي.", date(2024, 1, 3), "2023-12"),
    ("تجرى الانتخابات في ديسمبر المقبل.", date(2023, 12, 28), "2024-12"),
    ("تبدأ الدراسة في يناير المقبل.", date(2023, 12, 28), "2024-01"),
    ("تنتهي الأزمة في يونيو الجاري.", TUE, "2024-06"),
])
def test_month_with_direction_near_year_ends(sentence, ref, want):
    assert one(sentence, ref).value == want


def test_bare_month_and_weekday_follow_the_tense_of_the_clause():
    assert one("التقى الزعيمان عندما اجتمعا في سبتمبر.").value == "2023-09"
    assert one("ستعقد القمة في سبتمبر.").value == "2024-09"
    assert one("قال الوزير الخميس إن الاتفاق قريب.").value == "2024-06-13"
    assert one("سيزور الوزير بغداد الخميس.").value == "2024-06-20"
    # the publication weekday in the past is the publication day
    assert one("أطلق الجنود طلقات تحذيرية يوم الثلاثاء.").value == "2024-06-18"
    assert one("سيزور الرئيس فيتنام يومي الأربعاء والخميس.").value == ["2024-06-19", "2024-06-20"]
    assert one("عقد الاجتماع الأحد الماضي.").value == "2024-06-16"
    assert one("يعقد الاجتماع الثلاثاء المقبل.").value == "2024-06-25"


def test_reported_speech_after_the_expression_does_not_set_its_tense():
    assert one("قال الوزير الأربعاء إنه سيزور بغداد.").value == "2024-06-12"
    assert one("وتنتهي المهلة الأربعاء.").value == "2024-06-19"


def test_hour_words_need_the_hour_or_a_part_of_day():
    assert one("يفتح المتحف حتى الخامسة مساء.").value == "2024-06-18T17:00"
    assert find("فازت في الدورة الخامسة للمهرجان.", TUE) == []


def test_new_year_and_whole_units():
    assert one("يستقبل الناس العام الجديد بالاحتفالات.", date(2021, 12, 31)).value == "2022"
    assert one("يستقبل الناس العام الجديد بالاحتفالات.", date(2022, 1, 2)).value == "2022"
    assert one("استمرت الاحتفالات أسبوعا كاملا.").value == "P1W"


def test_deictics_and_parts_of_day():
    assert values("وصل اليوم وغادر أمس وسيعود غدا.") == {"اليوم": "2024-06-18", "أمس": "2024-06-17", "غدا": "2024-06-19"}
    assert one("وقع الهجوم أول أمس.").value == "2024-06-16"
    assert one("تصل البعثة بعد غد.").value == "2024-06-20"
    t = one("يتحدث الرئيس الليلة.")
    assert (t.type, t.value) == ("TIME", "2024-06-18TNI")
    assert one("سقطت القذائف فجر الأحد.").value == "2024-06-16TMO"
    assert one("عاد مساء أمس.").value == "2024-06-17TEV"


def test_parts_of_periods_quarters_decades_centuries():
    t = one("ارتفعت الأسعار مطلع العام الجاري.")
    assert (t.text, t.value, t.mod) == ("مطلع العام الجاري", "2024", "START")
    assert one("انهارت الشركة أواخر التسعينيات.").mod == "END"
    assert one("انهارت الشركة أواخر التسعينيات.").value == "199"
    assert one("تراجع النمو في الربع الثالث من 2023.").value == "2023-Q3"
    assert one("تحسن الأداء في النصف الأول من العام الماضي.").value == "2023-H1"
    assert one("عاش في القرن الثامن عشر.").value == "17"
    assert one("وقعت في الخامس من الشهر المقبل.").value == "2024-07-05"
    assert one("ينتهي العمل منتصف الشهر الجاري.").mod == "MID"
    assert one("سافر الأسبوع الماضي.").value == "2024-W24"


def test_seasons():
    assert one("شهدت البلاد موجة حر الصيف الماضي.").value == "2023-SU"
    assert one("تساقطت الثلوج الشتاء الماضي.").value == "2023-WI"  # December 2023 to February 2024
    assert one("تساقطت الثلوج هذا الشتاء.", date(2024, 1, 10)).value == "2023-WI"
    assert one("افتتح المعرض في خريف 2019.").value == "2019-FA"
    assert one("تكثر الأمطار في فصل الشتاء.").value == "XXXX-WI"
    assert find("اندلعت احتجاجات الربيع العربي.", TUE) == []


def test_clock_times():
    assert one("تبدأ المباراة الساعة 08:16 م.").value == "2024-06-18T20:16"
    assert one("وقع الانفجار الساعة الثالثة فجرا.").value == "2024-06-18T03:00"
    assert one("تبدأ الجلسة 10:30 صباحا بتوقيت مكة.").value == "2024-06-18T10:30+03:00"
    t = one("تنطلق الرحلة الساعة التاسعة مساء الخميس.")
    assert t.value.endswith("T21:00") and t.type == "TIME"


def test_durations_and_sets():
    assert values("تستمر الزيارة لمدة يومين.") == {"لمدة يومين": "P2D"}
    assert values("غاب منذ 24 عامًا.") == {"منذ 24 عامًا": "P24Y"}
    assert values("تراجعت الأسعار خلال الأشهر الثلاثة الماضية.") == {"خلال الأشهر الثلاثة الماضية": "P3M"}
    assert values("استمرت المعركة ثلاثة أيام.") == {"ثلاثة أيام": "P3D"}
    assert values("انتظر أسبوعين.") == {"أسبوعين": "P2W"}
    t = one("استمر الإضراب أكثر من عامين.")
    assert (t.value, t.mod) == ("P2Y", "MORE_THAN")
    assert one("وصل الوفد قبل ثلاثة أيام.").value == "2024-06-15"
    assert values("تصدر النشرة يوميا ويجتمع المجلس كل أسبوع.") == {"يوميا": "P1D", "كل أسبوع": "P1W"}
    assert one("تقام الصلاة كل يوم جمعة.").value == "XXXX-WXX-5"


# -- look-alikes ------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "علقت لافتة على أحد المباني.",
    "قال أحد المسؤولين إن الوضع هادئ.",
    "قتل 24 شخصا في الهجوم.",
    "تضرر 3 آلاف منزل.",
    "حصل على المركز الأحد عشر.",
    "وقعت الاتفاقية بين البلدين الاثنين.",
    "أكد كلا الاثنين دعمهما.",
    "مارس الجيش ضغوطا على المسلحين.",
    "سجلت المدينة 1500 إصابة.",
    "يشارك في المؤتمر 2019 مندوبا.",
    "نقلت قناة روسيا اليوم الخبر.",
    "احتفل العالم باليوم العالمي للمياه.",
    "في اليوم الثالث من المعركة تقدمت القوات.",
    "وقع الطرفان عقدين جديدين.",
    "ارتفعت الحرارة إلى 45 درجة.",
])
def test_no_false_positives_on_look_alikes(sentence):
    assert find(sentence, TUE) == []


def test_monday_is_still_found_after_a_verb():
    assert one("قال المتحدث الاثنين إن المحادثات توقفت.").value == "2024-06-17"


# -- reference, offsets, article --------------------------------------------


def test_without_publication_time_relative_values_stay_unresolved():
    got = values("وصل أمس وسيغادر الأسبوع المقبل في سبتمبر 2024.", None)
    assert got == {"أمس": "PAST_REF", "الأسبوع المقبل": "FUTURE_REF", "سبتمبر 2024": "2024-09"}


def test_reference_date_reads_iso_with_offsets():
    assert reference_date("2024-06-18T23:30:00+03:00") == date(2024, 6, 18)
    assert reference_date("2024-06-18T20:16:00Z") == date(2024, 6, 18)
    assert reference_date("2024-06-18") == date(2024, 6, 18)
    assert reference_date("yesterday") is None
    assert reference_date("9999-12-31T00:00:00") is None
    assert reference_date(None) is None


def test_offsets_point_into_text_with_diacritics_and_tatweel():
    text = "غادَرَ الوفدُ مُنْذُ ثلاثةِ أعوامٍ، وعاد في ١ محرم ١٤٤٦ هـ إلى بلاده."
    got = find(text, TUE)
    assert [text[t.start:t.end] for t in got] == [t.text for t in got]
    assert [t.text for t in got] == ["مُنْذُ ثلاثةِ أعوامٍ", "١ محرم ١٤٤٦ هـ"]


def test_annotate_fills_article_timexes():
    from marsad.annotate.timex import annotate

    a = Article(text="وصل الوفد أمس.", published="2024-06-18T10:00:00+03:00")
    assert [(t.text, t.value) for t in annotate(a).timexes] == [("أمس", "2024-06-17")]


# -- primitives ----------------------------------------------------------------


def test_normalize_with_index_agrees_with_normalize_map():
    rng = random.Random(7)
    chars = "ابةـًٌٍَُِّْ ٠١،أإىئؤﻻ\u200f"
    for _ in range(500):
        t = "".join(rng.choice(chars) for _ in range(rng.randint(1, 120)))
        norm, f = normalize_with_index(t)
        norm2, offs = normalize_map(t)
        assert norm == norm2
        assert [f(j) if f else j for j in range(len(norm))] == offs[:-1]


def test_long_text_normalize_equals_translate():
    t = "الرَّئيسُ أكّدَ ٢٠٢٤ إلى مُسْتَشْفى ﻻ" * 5
    assert normalize(t) == _nfkc_if_needed(t).translate(_FULL)


def test_ordinal_phrases():
    o = ordinal_phrases(31)
    assert o["التاسع"] == 9 and o["الحادي عشر"] == 11 and o["الخامس والعشرين"] == 25
    assert o["الواحد والعشرين"] == 21 and o["الحادي والثلاثين"] == 31


def test_vocabulary_is_consistent():
    v = vocabulary()
    assert set(v["direction"]) == {"past", "future", "current", "recent", "new"}
    assert set(v["period_mods"]) == {"START", "MID", "END"}
    assert set(v["quantifiers"]) == {"MORE_THAN", "LESS_THAN", "APPROX"}
    assert set(v["units"]) == {"D", "W", "M", "Y", "DE", "CE", "TH", "TM", "TS"}
    for forms in v["units"].values():
        assert set(forms) == {"singular", "plural", "dual"}
    assert all(code in {"MO", "MI", "AF", "EV", "NI"} for code in v["parts_of_day"].values())


# -- gold set, CLI, seed ---------------------------------------------------------


def test_gold_set_scores_at_least_95_percent_on_values():
    rows = load_gold(GOLD)
    n = sum(len(r["timexes"]) for r in rows)
    assert n >= 150
    assert len({r["published"] for r in rows}) >= 5
    r = score(rows, marsad_predictor())
    assert r["value"] >= 0.95, r
    assert r["false_positives"] <= 3, r


def test_held_out_set_scores_at_least_90_percent_on_values():
    r = score(load_gold(GOLD.with_name("timex_heldout.jsonl")), marsad_predictor())
    assert r["gold"] >= 60 and r["value"] >= 0.90, r


def test_evaluate_command(capsys, tmp_path):
    assert main(["evaluate", "timex", str(GOLD)]) == 0
    out = capsys.readouterr().out
    assert "value accuracy" in out
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "timexes": [{"text": "y"}]}\n', encoding="utf-8")
    assert main(["evaluate", "timex", str(bad)]) == 1
    assert "not a timex gold line" in capsys.readouterr().err
    assert main(["evaluate", "timex", str(tmp_path / "missing.jsonl")]) == 1


def test_seed_timexes(shared, seed_article):
    gold = json.loads((shared / "fixtures/seed/expected.json").read_text(encoding="utf-8"))["timexes"]
    text = seed_article.text
    for g in gold:
        cands = [t for t in seed_article.timexes if g["text"] in t.text]
        if g.get("in"):
            at = text.find(g["in"])
            cands = [t for t in cands if at <= t.start <= at + len(g["in"])]
        assert any(t.value == g["value"] for t in cands), (g, cands)
