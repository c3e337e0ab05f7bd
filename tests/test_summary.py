"""Extractive summary on Arabic text written for these tests."""
from __future__ import annotations

from marsad.annotate.keywords import extract
from marsad.annotate.summary import summarize
from marsad.article import Article, Section


def _article(paragraphs, title="عنوان"):
    a = Article(title=title, sections=[Section(paragraphs=paragraphs)])
    a.rebuild_text()
    return a


ART = _article(
    [
        "القاهرة (وكالات) -- أعلنت وزارة الصحة المصرية اليوم بدء حملة وطنية للتطعيم ضد شلل الأطفال تستهدف ملايين الأطفال في جميع المحافظات.",
        "وقالت الوزارة إن الحملة تستمر أربعة أيام، وإن فرق التطعيم ستزور المنازل والمدارس في القرى والمدن.",
        "اقرأ أيضا: وزير الصحة يتفقد مستشفيات الصعيد",
        "هل تنجح الحملة؟",
        "وأضافت الوزارة أن حملة التطعيم ضد شلل الأطفال تأتي بعد رصد حالات في دول مجاورة، وأن اللقاح آمن ومجاني.",
        "وشهدت الأسواق ازدحاما كبيرا مع اقتراب العيد.",
        "ودعت الوزارة الأسر إلى التعاون مع فرق التطعيم وتسجيل بيانات الأطفال لضمان وصول الحملة إلى الجميع.",
    ]
)


def test_three_sentences_with_offsets_in_reading_order():
    ART.keywords = extract(ART)
    s = summarize(ART)
    assert 1 <= len(s) <= 3
    for x in s:
        assert ART.text[x.start:x.end] == x.text
    assert [x.start for x in s] == sorted(x.start for x in s)


def test_lead_first_without_dateline():
    s = summarize(ART)
    assert s[0].text.startswith("أعلنت وزارة الصحة")


def test_no_furniture_questions_or_off_topic():
    texts = " ".join(x.text for x in summarize(ART))
    assert "اقرأ أيضا" not in texts
    assert "هل تنجح" not in texts
    assert "الأسواق" not in texts


def test_short_and_empty():
    assert summarize(Article()) == []
    one = _article(["خبر قصير جدا من سطر واحد فيه كلمات كافية للجملة."])
    assert len(summarize(one)) == 1


def test_seed_summary(seed_article):
    s = seed_article.summary
    assert 1 <= len(s) <= 3
    assert s[0].start == 0  # the lead
    for x in s:
        assert seed_article.text[x.start:x.end] == x.text
        assert "أرشيفية" not in x.text  # the caption is not in the body
