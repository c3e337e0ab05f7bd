"""Quotations and their speakers, on sentences written for these tests.

Entity mentions are made by hand (tests/annot_helpers.py) so that these tests
check the quotes stage alone, whatever the entity annotator finds.
"""
from __future__ import annotations

import pytest

from annot_helpers import article
from marsad.annotate import quotes
from marsad.arabic import normalize
from marsad.arabic.verbs import verb_forms

ENTS = {
    "أنتوني بلينكن|بلينكن": ("antony-blinken", "Antony Blinken", "PER"),
    "سيرغي لافروف|لافروف": ("sergey-lavrov", "Sergey Lavrov", "PER"),
    "الكرملين": ("kremlin", "Kremlin", "ORG"),
    "وزارة الدفاع التركية": ("mod-turkey", "Ministry of National Defence of Turkey", "ORG"),
    "السفارة البريطانية في القاهرة": ("uk-embassy-cairo", "Embassy of the United Kingdom in Cairo", "ORG"),
    "موسكو": ("moscow", "Moscow", "LOC"),
    "أنقرة": ("ankara", "Ankara", "LOC"),
    "وكالة رويترز|رويترز": ("reuters", "Reuters", "ORG"),
    "ماريا زاخاروفا|زاخاروفا": ("maria-zakharova", "Maria Zakharova", "PER"),
}


def run(text: str, ents=ENTS):
    a = article(text, ents)
    return quotes.annotate(a).quotes


def find(qs, starts):
    hit = [q for q in qs if q.text.lstrip('"«“ ').startswith(starts)]
    assert hit, f"no quotation starting {starts!r} in {[q.text[:30] for q in qs]}"
    return hit[0]


def test_indirect_speech_after_verb_and_named_speaker():
    qs = run("قال وزير الخارجية الأمريكي أنتوني بلينكن إن بلاده تدعم المفاوضات المباشرة.")
    q = find(qs, "بلاده تدعم")
    assert not q.direct and q.speaker_id == "antony-blinken" and q.cue == "قال"


def test_direct_quote_after_colon_and_continuing_named_speaker():
    qs = run('قال لافروف إن الغرب يصعد التوتر. وأضاف لافروف: "لن نسمح بتهديد أمننا".')
    q = find(qs, "لن نسمح")
    assert q.direct and q.speaker_id == "sergey-lavrov"


def test_bare_continuing_cue_goes_back_to_the_last_speaker_across_paragraphs():
    qs = run("قال بلينكن إن واشنطن مستعدة للحوار.\n\nوأضاف: \"الباب ما زال مفتوحا أمام الدبلوماسية\".\n\nوتابع أن العقوبات ستبقى.")
    assert find(qs, "الباب ما زال").speaker_id == "antony-blinken"
    assert find(qs, "العقوبات ستبقى").speaker_id == "antony-blinken"


def test_definite_noun_continues_the_body_that_spoke():
    qs = run("وقالت وزارة الدفاع التركية إن طائراتها دمرت أهدافا في الشمال. وأضافت الوزارة أن العملية مستمرة.")
    assert find(qs, "العملية مستمرة").speaker_id == "mod-turkey"


def test_role_phrase_speaks_for_the_body_and_keeps_the_role():
    qs = run('وقالت متحدثة باسم السفارة البريطانية في القاهرة في بيان "نتابع الوضع عن كثب ونحث على التهدئة".')
    q = find(qs, "نتابع الوضع")
    assert q.direct and q.speaker_id == "uk-embassy-cairo"
    assert q.speaker_role and "متحدثة" in q.speaker_role


def test_manner_participle_takes_the_subject_of_the_main_clause():
    qs = run('أعرب بلينكن عن قلقه من التصعيد، قائلا: "على جميع الأطراف ضبط النفس".')
    q = find(qs, "على جميع الأطراف")
    assert q.direct and q.speaker_id == "antony-blinken" and q.cue == "قائلا"


def test_person_before_the_role_is_the_speaker():
    qs = run("قالت ماريا زاخاروفا، المتحدثة باسم الخارجية الروسية، إن موسكو سترد على أي استفزاز.")
    q = find(qs, "موسكو سترد")
    assert q.speaker_id == "maria-zakharova"
    assert "المتحدثة" in (q.speaker_role or "")


def test_organisation_as_speaker_and_addressee_is_not_the_speaker():
    qs = run("أكد الكرملين لأنقرة أن الاتفاق ما زال قائما.")
    assert find(qs, "الاتفاق ما زال").speaker_id == "kremlin"


def test_partial_quote_inside_reported_speech_has_the_same_speaker():
    qs = run('قال لافروف إن العقوبات "غير قانونية ولن تغير موقفنا" على الإطلاق.')
    direct = find(qs, "غير قانونية")
    assert direct.direct and direct.speaker_id == "sergey-lavrov"
    assert any(not q.direct and q.speaker_id == "sergey-lavrov" for q in qs)


def test_quotation_before_its_cue():
    qs = run('"لا نريد حربا مع أحد"، قال لافروف للصحفيين في موسكو.')
    q = find(qs, "لا نريد حربا")
    assert q.direct and q.speaker_id == "sergey-lavrov"


def test_source_phrase_after_the_clause():
    qs = run("ارتفعت صادرات القمح الروسية إلى مستوى قياسي هذا العام، حسبما أفادت وكالة رويترز.")
    q = find(qs, "ارتفعت صادرات القمح")
    assert q.speaker_id == "reuters" and not q.direct


def test_banner_text_is_a_quotation_without_a_person():
    qs = run('ورفع المتظاهرون لافتة كبيرة تقول: "الحرية للجميع الآن".')
    q = find(qs, "الحرية للجميع")
    assert q.direct and q.speaker_id is None and q.speaker_text == "لافتة"


def test_denial_cue_reports_what_was_denied():
    qs = run("ونفى الكرملين أن يكون بوتين قد التقى المعارضين.")
    assert find(qs, "يكون بوتين").speaker_id == "kremlin"


def test_short_title_in_quotes_is_not_a_quotation():
    qs = run('أرسل المصنع سيارة من طراز "أورس سينات" إلى المعرض.')
    assert qs == []


def test_cue_words_inside_a_direct_quote_are_the_speakers_words():
    qs = run('قال بلينكن: "نؤكد أن الحل السياسي هو الطريق الوحيد".')
    assert [q.speaker_id for q in qs] == ["antony-blinken"]


def test_a_reporting_verb_without_content_is_no_quotation():
    assert run("قال الشاعر قصيدة جميلة في الحفل.") == []


def test_offsets_point_into_the_text():
    a = article('قال لافروف إن الغرب يصعد التوتر. وأضاف لافروف: "لن نسمح بتهديد أمننا".', ENTS)
    for q in quotes.annotate(a).quotes:
        assert a.text[q.start:q.end] == q.text


@pytest.mark.parametrize("past,present,defective,forms", [
    ("قال", "قول", False, {"قالت", "قالوا", "يقول", "تقول", "يقولون", "سيقول"}),
    ("نفى", "نفي", True, {"نفت", "نفوا", "ينفي", "تنفي", "ينفون", "سينفي", "ينف"}),
    ("أكد", "ؤكد", False, {"اكدت", "يوكد", "توكد"}),
])
def test_verb_forms(past, present, defective, forms):
    assert forms <= set(verb_forms(past, present, defective))


def test_cue_lexicon_is_valid():
    lex = quotes._lex()
    assert quotes.cue_verb(normalize("وأضافت"))["lemma"] == "اضاف"
    assert quotes.cue_verb(normalize("يؤكد")) is not None and quotes.cue_verb(normalize("فقالوا")) is not None
    assert quotes.cue_verb(normalize("الكتاب")) is None
    assert lex["comp"] and lex["roles"] and lex["banners"]


def test_a_quoted_name_after_a_cue_is_not_the_speech():
    qs = run('وقال لافروف في مقابلة مع شبكة "CBS" إن موسكو لا تريد التصعيد.')
    assert [q.text for q in qs] == ["موسكو لا تريد التصعيد"]
    assert qs[0].speaker_id == "sergey-lavrov"


def test_abbara_as_via_is_no_cue():
    assert run('وكتب معلق عبر موقع تويتر: "ليلة لا تنسى في الملعب".')[0].cue != "عبر"


def test_time_words_between_cue_and_content_leave_the_subject_before():
    qs = run("إلا أن الكرملين أعلن في 2011 أنه سيواصل المحادثات.")
    assert find(qs, "سيواصل المحادثات").speaker_id == "kremlin"


def test_an_unnamed_spokesman_is_a_new_speaker():
    qs = run("قال بلينكن إن واشنطن تدعم الحوار. وقال المتحدث باسم الحكومة الروسية إن موسكو ترفض ذلك.")
    assert find(qs, "موسكو ترفض").speaker_id != "antony-blinken"


def test_a_bare_surname_the_entities_left_unmarked_is_the_person_who_has_it():
    ents = {"بشار الجعفري": ("bashar-jaafari", "Bashar Jaafari", "PER"), "سوريا": ("syria", "Syria", "LOC")}
    qs = run("وقال مندوب سوريا بشار الجعفري إن الحكومة فتحت المعابر. وأكد الجعفري أن القوافل ستمر.", ents)
    assert find(qs, "القوافل ستمر").speaker_id == "bashar-jaafari"
    # two people share the surname: no guess
    ents["عمر الجعفري"] = ("omar-jaafari", "Omar Jaafari", "PER")
    qs = run("وقال بشار الجعفري إن المعابر فتحت، ورد عمر الجعفري بأن ذلك غير صحيح. وأكد الجعفري أن القوافل ستمر.", ents)
    assert find(qs, "القوافل ستمر").speaker_id not in ("bashar-jaafari", "omar-jaafari")


def test_a_preposition_with_a_pronoun_is_never_the_speaker():
    qs = run('ونشرت ماريا زاخاروفا تدوينة على صفحتها، وكتبت فيها: "كفوا عن سؤالي عن هذا الأمر كل يوم".')
    q = find(qs, "كفوا عن سؤالي")
    assert q.speaker_text != "فيها" and q.speaker_id == "maria-zakharova"
    qs = run('وقال لافروف إن الغرب يصعد التوتر. وأصدرت الوزارة بيانا قال فيه: "لن نقبل بهذه الشروط أبدا".')
    assert find(qs, "لن نقبل").speaker_text != "فيه"


def test_a_definite_body_noun_continues_the_body_named_before():
    ents = {"صندوق النقد الدولي": ("imf", "International Monetary Fund", "ORG"), "مصر": ("egypt", "Egypt", "LOC")}
    qs = run("وقال صندوق النقد الدولي إن اقتصاد مصر سينمو هذا العام. وأضاف الصندوق أن التضخم سيتراجع ببطء.", ents)
    assert find(qs, "التضخم سيتراجع").speaker_id == "imf"


def test_a_dateline_place_is_not_the_subject_a_bare_cue_goes_back_to():
    ents = {"دبي": ("dubai", "Dubai", "LOC"), "الإمارات العربية المتحدة": ("uae", "United Arab Emirates", "LOC"),
            "وزارة الداخلية المصرية": ("moi-egypt", "Ministry of Interior (Egypt)", "ORG")}
    qs = run("دبي، الإمارات العربية المتحدة (CNN)-- أعلنت وزارة الداخلية المصرية، الأحد، أن قوات الأمن قتلت "
             "ستة أشخاص من خلية، قالت إنها تابعة لجماعة محظورة.", ents)
    assert find(qs, "تابعة لجماعة").speaker_id == "moi-egypt"
