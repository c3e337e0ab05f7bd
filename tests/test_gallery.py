"""The outlet-style gallery (marsad.evaluation.gallery) and `marsad evaluate layout` on it."""
from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from collections import defaultdict

import pytest

from marsad.evaluation import gallery as G
from marsad.evaluation.layout import FIELDS, evaluate_layout, format_report, same_published, score_doc


@pytest.fixture(scope="module")
def ant(shared):
    root = shared / "data" / "ant-corpus-multisource-2018-03"
    if not root.is_dir():
        pytest.skip("no ANT corpus in ../shared/data")
    return root


@pytest.fixture(scope="module")
def records(ant):
    return G.load_ant(ant)


@pytest.fixture(scope="module")
def docs(ant, records):
    return G.build_gallery(ant, per_style=5, records=records)


def _decoded(d) -> str:
    data = d.data
    if d.encoding == "utf-8-bom":
        assert data.startswith(b"\xef\xbb\xbf")
        return data[3:].decode("utf-8")
    if d.encoding == "utf-16-le-bom":
        assert data.startswith(b"\xff\xfe")
        return data[2:].decode("utf-16-le")
    if d.encoding == "utf-16-be-bom":
        assert data.startswith(b"\xfe\xff")
        return data[2:].decode("utf-16-be")
    if d.encoding == "windows-1256":
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        return data.decode("cp1256")
    return data.decode("utf-8")


def _visible(d) -> str:
    text = _decoded(d)
    return html.unescape(text) if d.kind == "html" else text


def test_at_least_24_styles_in_order():
    assert len(G.STYLES) >= 24 and len(set(G.STYLES)) == len(G.STYLES)
    for sid in ("aljazeera", "alarabiya", "bbc", "youm7", "hespress", "okaz", "annahar", "petra", "spa", "kuna"):
        assert sid in G.STYLES


def test_every_style_renders_text_and_html_in_the_five_encodings(docs):
    seen = defaultdict(set)
    for d in docs:
        seen[(d.style, d.kind)].add(d.encoding)
        assert d.name.startswith(d.style + "-") and d.name.endswith(".txt" if d.kind == "text" else ".html")
        text = _visible(d)
        assert d.gold["title"] in " ".join(text.split())
        if d.kind == "html":
            assert text.lstrip("\ufeff").startswith("<!DOCTYPE html")
            assert 'property="og:site_name"' in text and "<h1" in text
            assert ("<nav" in text or 'id="menu"' in text) and ("<footer" in text or 'id="footer"' in text)
            if d.encoding == "windows-1256":
                assert "charset=windows-1256" in text
            else:
                assert re.search(r'<meta charset="utf-(8|16)">', text)
    for sid in G.STYLES:
        for kind in ("text", "html"):
            assert seen[(sid, kind)] == set(G.ENCODINGS), (sid, kind)


def test_gold_paragraphs_are_the_ant_paragraphs_each_article_once_per_style(docs, records):
    by_docno = {r["docno"]: r for r in records}
    used = defaultdict(set)
    for d in docs:
        rec = by_docno[d.ant]
        assert d.gold["paragraphs"] == rec["paragraphs"]
        assert d.gold["title"] == " ".join(rec["title"].split())
        assert d.ant not in used[d.style]
        used[d.style].add(d.ant)
        text = _visible(d)
        flat = " ".join(text.split())
        for p in rec["paragraphs"]:
            assert p in text or " ".join(p.split()) in flat  # a text dump may hard-wrap a paragraph
        for h in d.gold["headings"]:
            assert h in text and h not in rec["paragraphs"]


def test_gold_fields_are_well_formed(docs):
    for d in docs:
        g = d.gold
        pub = g["published"]
        assert re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d([+-]\d\d:\d\d)?)?", pub), pub
        if g["author"] is not None:
            assert g["author"] and "«" not in g["author"]
        if d.kind == "text":
            labels = [lab for _, lab in g["header"]]
            assert set(labels) <= set(G.LABELS) and labels.count("title") == 1
            lines = _decoded(d).lstrip("\ufeff").split("\n")
            assert [ln for ln, _ in g["header"]] == lines[: len(g["header"])]
            first = lines[len(g["header"])]
            assert first == "" or g["paragraphs"][0].startswith(first)


def test_author_is_never_the_city():
    assert G.split_author("لندن - رويترز") == ("لندن", "رويترز")
    assert G.split_author("أبوظبي - سكاي نيوز عربية") == ("أبوظبي", "سكاي نيوز عربية")
    assert G.split_author("30174026-20d9-40a2-9e04-5b63346a78a6") == (None, None)
    assert G.split_author("العربية.نت - إسلام سيف") == (None, "إسلام سيف")
    assert G.by_city_dash_colon("أبها", "عبدالله الهاجري", False) == "أبها - عبدالله الهاجري:"
    assert G.by_name_dash_city("القاهرة", "رويترز", True) == "رويترز - القاهرة"


def test_furniture_is_in_the_page_and_not_in_the_gold_body(docs):
    for d in docs:
        text = _visible(d)
        body = "\n".join(d.gold["paragraphs"] + d.gold["headings"])
        assert d.gold["furniture"]
        for f in d.gold["furniture"]:
            assert f in text, (d.name, f)
            assert f not in body


def test_the_gallery_holds_the_furniture_seen_on_real_outlets(ant, records):
    docs = G.build_gallery(ant, per_style=12, records=records)
    text = "\n".join(_visible(d) for d in docs)
    for s in ("الرئيسية > أخبار > ", "الرئيسية / عربي ودولي", "الجزيرة نت", "اليوم السابع", "آخر تحديث:", "جدة - واس",
              "كتب: ", "بقلم ", "حوار: ", "مصدر الصورة", "(أ ف ب)", "نيسان / أبريل", "جوان", "٢٠١٨", "صباحاً", "مساءً",
              "GMT+4", "(GMT +0400)", "EET", "بتوقيت مكة", "بتوقيت القدس", "هـ", "تم نشره", "نشر في", "تاريخ النشر:",
              "اقرأ أيضاً", "مواضيع ذات صلة", "الكلمات الدالة", "وسوم:", "طباعة", "النشرة", "©",
              'property="article:published_time"', "application/ld+json", "<time ", "<figcaption>"):
        assert s in text, s
    assert re.search(r"^(القاهرة|لندن|واشنطن|[^\n:]{2,20}): (رويترز|أ ش أ|د ب أ|فرانس برس)$", text, re.M)
    assert re.search(r"^(رويترز|فرانس برس|د ب أ|فرانس 24|وكالات) - \S+", text, re.M)
    assert re.search(r"^الصورة: ", text, re.M)
    # publication meta both ISO and as an Arabic date string
    assert re.search(r'published_time" content="\d{4}-\d\d-\d\dT', text)
    assert re.search(r'published_time" content="[\u0600-\u06ff]', text)


def test_zones_and_gold_times():
    from datetime import datetime, timezone

    rec = {"time": "Mon, 12 Mar 2018 11:05:40 GMT"}
    utc = G.utc_time(rec)
    assert utc == datetime(2018, 3, 12, 11, 5, tzinfo=timezone.utc)
    okaz = G.STYLE_BY_ID["okaz"].datelines[1](utc, None)  # `... بتوقيت مكة`
    assert okaz.zone and G.gold_time(okaz) == "2018-03-12T14:05:00+03:00"
    eg = G.STYLE_BY_ID["youm7"].datelines[0](utc, None)
    assert G.gold_time(eg) == "2018-03-12T13:05:00" and "01:05 م" in eg.text
    beirut = G.STYLE_BY_ID["annahar"].datelines[2](G.utc_time({"time": "Mon, 02 Jul 2018 11:05:00 GMT"}), None)
    assert G.gold_time(beirut) == "2018-07-02T14:05:00+03:00" and "تموز" in beirut.text
    assert G.utc_time(rec, 3).month == 6 and G.utc_time({"time": "Sat, 31 Mar 2018 10:00:00 GMT"}, 11).day == 28


def test_deterministic(ant, records):
    a = G.build_gallery(ant, per_style=2, styles=["youm7", "kuna"], records=records)
    b = G.build_gallery(ant, per_style=2, styles=["youm7", "kuna"], records=records)
    assert [(d.name, d.data) for d in a] == [(d.name, d.data) for d in b]
    c = G.build_gallery(ant, per_style=2, styles=["youm7", "kuna"], records=records, seed=1)
    assert [d.data for d in a] != [d.data for d in c]


def test_write_gallery(tmp_path, docs):
    some = docs[:6]
    G.write_gallery(some, tmp_path)
    rows = [json.loads(x) for x in (tmp_path / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["name"] for r in rows] == [d.name for d in some]
    assert (tmp_path / some[0].name).read_bytes() == some[0].data


def test_same_published():
    assert same_published("2018-03-12T14:05:00+03:00", "2018-03-12T11:05:00+00:00")
    assert same_published("2018-03-12T14:05:00+03:00", "2018-03-12T11:05:00Z")
    assert not same_published("2018-03-12T14:05:00+03:00", "2018-03-12T14:05:00")
    assert not same_published("2018-03-12T14:05:00", "2018-03-12T14:05:00+02:00")
    assert same_published("2018-03-12", "2018-03-12") and not same_published("2018-03-12", "2018-03-12T00:00:00")
    assert same_published(None, None) and not same_published("2018-03-12", None)


def test_evaluate_layout_returns_a_per_style_table(docs):
    tiny = [d for d in docs if d.style in ("youm7", "spa", "bbc")]
    report = evaluate_layout(tiny, loso=True)
    assert list(report["styles"]) == ["bbc", "youm7", "spa"] or set(report["styles"]) == {"bbc", "youm7", "spa"}
    for s, t in report["styles"].items():
        for k in ("text", "html", "both"):
            assert t[k]["n"] == (10 if k == "both" else 5)
            for f in ("full",) + FIELDS:
                assert 0.0 <= t[k][f] <= 1.0
        assert report["weakest_field"][s] in FIELDS
    assert set(report["worst"]) == {"text", "html", "both"}
    out = format_report(report)
    assert "| youm7 |" in out and "worst style" in out


def test_score_doc_counts_furniture_and_fields():
    from marsad.article import Article, Section, Source

    gold = {"title": "عنوان الخبر", "author": "رويترز", "published": "2018-03-12T14:05:00+03:00",
            "paragraphs": ["الفقرة الأولى.", "الفقرة الثانية."], "headings": [], "furniture": ["اقرأ أيضاً"]}
    art = Article(source=Source(), title="عنوان  الخبر", author="رويترز",
                  sections=[Section(None, ["الفقرة الأولى.", "الفقرة الثانية."])])
    art.published = "2018-03-12T11:05:00+00:00"
    assert all(score_doc(gold, art).values())
    art.sections = [Section(None, ["الفقرة الأولى.", "اقرأ أيضاً", "الفقرة الثانية."])]
    r = score_doc(gold, art)
    assert not r["furniture"] and not r["count"] and r["first"]
    assert not any(score_doc(gold, None).values())


def test_cli_evaluate_layout(ant, tmp_path):
    p = subprocess.run([sys.executable, "-m", "marsad.cli", "evaluate", "layout", "--data", str(ant.parent),
                        "--per-style", "1", "--styles", "youm7,qna", "--kinds", "text", "--json",
                        "--write-gallery", str(tmp_path / "g")], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    rep = json.loads(p.stdout)
    assert set(rep["styles"]) == {"youm7", "qna"} and rep["styles"]["qna"]["text"]["n"] == 1
    assert (tmp_path / "g" / "gold.jsonl").exists()


def test_styles_use_several_families_of_markup(docs):
    assert {G.STYLE_BY_ID[s].markup for s in G.STYLES} == {"modern", "semantic", "legacy"}
    pages = {d.style: _visible(d) for d in docs if d.kind == "html"}
    assert 'id="NewsStory"' in pages["kuna"] and 'class="article__content' in pages["bbc"] and 'class="entry-content"' in pages["annahar"]


def test_show_failures_prints_gold_and_got(docs):
    from marsad.evaluation.layout import format_failures

    tiny = [d for d in docs if d.style == "petra"][:2] + [d for d in docs if d.style == "petra" and d.kind == "html"][:1]
    report = evaluate_layout(tiny, keep_failures={"petra"})
    out = format_failures(report, "petra")
    assert out.startswith("petra: ")
    for f in report["failures"].get("petra", []):
        assert f["name"] in out and f["wrong"]
