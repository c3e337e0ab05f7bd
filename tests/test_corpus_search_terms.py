"""Search terms and snippets: the Arabic side of corpus search."""
from marsad.corpus.snippets import snippet
from marsad.corpus.search_terms import clean_query, name_keys, query_terms, terms


def test_article_and_proclitics_meet_on_one_stem():
    assert len({*terms("العقوبات والعقوبات عقوبات بالعقوبات للعقوبات")}) == 1
    assert terms("الحكومة") == terms("حكومة") == terms("والحكومه")


def test_terms_are_plain_word_characters():
    for t in terms('قال: "الأسعار ارتفعت 3.5% في 2024/05/01" (رويترز) NEAR(x) a*b'):
        assert t.isalnum(), t


def test_query_terms_drop_function_words_unless_alone():
    assert query_terms("العقوبات على إيران") == terms("العقوبات إيران")
    assert query_terms("على") == terms("على")


def test_clean_query_removes_nul_and_caps_length():
    assert "\x00" not in clean_query("قطر\x00ايران")
    assert len(clean_query("كلمة " * 5000)) <= 2000 and not clean_query("كلمة " * 5000).endswith("كل")


def test_name_keys_with_and_without_article():
    assert "دوحه" in name_keys("الدوحة") and "الدوحه" in name_keys("دوحة")


def test_snippet_marks_variants():
    body = "مقدمة طويلة لا علاقة لها بالموضوع. " * 20 + "وفرضت واشنطن العقوبات الجديدة، وقالت إن والعقوبات ستستمر."
    snip, marks = snippet(body, set(terms("عقوبات")))
    assert [snip[a:b] for a, b in marks] == ["العقوبات", "والعقوبات"]
    assert snip.startswith("…")
