"""Arabic text primitives on real Arabic text."""
from marsad.arabic import (
    clitic_splits, detect_language, light_stem, normalize, normalize_map, parse_number, sentences,
    span_to_original, strip_article, tokenize, word_value, dual_base,
)


def test_normalize_folds_spelling_variation():
    assert normalize("أَحْمَدُ") == "احمد"
    assert normalize("إسرائيل") == normalize("اسرائيل")
    assert normalize("آذار") == "اذار"
    assert normalize("مستشفى") == "مستشفي"
    assert normalize("الجمهورية") == "الجمهوريه"
    assert normalize("سيئول") == normalize("سيىول") == "سييول"
    assert normalize("مؤتمر") == "موتمر"
    assert normalize("عاجـــل") == "عاجل"
    assert normalize("٢٠٢٤/٦/١٨") == "2024/6/18"
    assert normalize("۱۴۰۳") == "1403"  # Persian digits
    assert normalize("\u200fبوتين\u200e") == "بوتين"  # bidi marks
    assert normalize("\ufefb") == "لا"  # presentation-form lam-alef ligature
    assert normalize("ﺑﻮﺗﻴﻦ") == "بوتين"  # presentation forms


def test_normalize_map_points_back_into_original():
    text = "قال الرئيسُ الأمريكيُّ إنّ واشنطن"
    norm, offs = normalize_map(text)
    i = norm.index("واشنطن")
    a, b = span_to_original(offs, i, i + len("واشنطن"))
    assert text[a:b] == "واشنطن"
    j = norm.index("الامريكي")
    a, b = span_to_original(offs, j, j + len("الامريكي"))
    assert normalize(text[a:b]) == "الامريكي"


def test_tokens_have_offsets():
    text = "وصل بوتين، الثلاثاء، إلى بيونغ يانغ في 18.6.2024 بعد 24 عاماً."
    toks = tokenize(text)
    for t in toks:
        assert text[t.start:t.end] == t.text
    assert [t.text for t in toks if t.kind == "num"] == ["18.6.2024", "24"]
    assert "عاماً" in [t.text for t in toks]
    assert tokenize("مُحَمَّدٌ")[0].text == "مُحَمَّدٌ"  # marks stay inside the word


def test_clitic_splits():
    stems = {s.stem for s in clitic_splits("وبالعاصمة")}
    assert "العاصمه" in stems and "عاصمه" in stems
    assert "بوتين" in {s.stem for s in clitic_splits("لبوتين")}
    assert "الامم" in {s.stem for s in clitic_splits("للأمم")}
    assert "موسكو" in {s.stem for s in clitic_splits("وموسكو")}
    assert "الصين" in {s.stem for s in clitic_splits("فالصين")}
    # the unsplit reading always comes first
    assert clitic_splits("بيروت")[0].stem == "بيروت"


def test_light_stem_brings_forms_together():
    assert light_stem("العقوبات") == light_stem("والعقوبات") == light_stem("عقوبات")
    assert strip_article("للأمم") == "امم"


def test_sentences_keep_quotes_whole():
    text = 'وأضاف كيربي: "لم نشهد حتى الآن معالم ذلك. لكننا سنراقب عن كثب". ثم غادر القاعة؟ نعم.'
    s = sentences(text)
    assert s[0].text.startswith("وأضاف") and s[0].text.endswith('".')
    assert s[1].text == "ثم غادر القاعة؟"
    assert s[2].text == "نعم."
    for x in s:
        assert text[x.start:x.end] == x.text


def test_sentences_numbers_and_abbreviations():
    s = sentences("ارتفع المؤشر 3.5 في المئة. وقال د. أحمد إن النمو مستمر.")
    assert [x.text for x in s] == ["ارتفع المؤشر 3.5 في المئة.", "وقال د. أحمد إن النمو مستمر."]


def test_number_words():
    assert word_value("ثلاثة") == (3.0, "cardinal")
    assert word_value("العاشر") == (10.0, "ordinal")
    assert word_value("الأولى") == (1.0, "ordinal")
    assert parse_number("خمسة وعشرين عاما".split()).value == 25
    assert parse_number("ثلاثة آلاف جندي".split()).value == 3000
    assert parse_number("3 آلاف".split()).value == 3000
    n = parse_number("الحادي عشر من سبتمبر".split())
    assert (n.value, n.kind, n.length) == (11, "ordinal", 2)
    assert parse_number("الخامس والعشرين من".split()).value == 25
    assert parse_number("المباني".split()) is None


def test_duals():
    units = {"يوم", "اسبوع", "شهر", "عام", "سنه", "ساعه"}
    assert dual_base("يومين", units) == "يوم"
    assert dual_base("أسبوعين", units) == "اسبوع"
    assert dual_base("عامين", units) == "عام"
    assert dual_base("سنتين", units) == "سنه"
    assert dual_base("ساعتين", units) == "ساعه"
    assert dual_base("البحرين", units) is None


def test_language_detection():
    assert detect_language("قال الرئيس إن المحادثات ستستمر") == "ar"
    assert detect_language("The president said the talks would continue next week in Geneva.") == "en"
    assert detect_language("12345 !!!") == "und"
