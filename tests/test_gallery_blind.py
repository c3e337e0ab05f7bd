"""The blind outlet-style gallery (marsad.evaluation.gallery_blind): styles layout was never tuned on."""
from __future__ import annotations

import html
import re
from collections import defaultdict

import pytest

from marsad.evaluation import gallery as G
from marsad.evaluation import gallery_blind as B


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
    return B.build_blind_gallery(ant, per_style=5, records=records)


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


def test_eight_blind_styles_none_of_them_tuned():
    assert len(B.BLIND_STYLES) >= 8 and len(set(B.BLIND_STYLES)) == len(B.BLIND_STYLES)
    assert not set(B.BLIND_STYLES) & set(G.STYLES)
    assert not {B.BLIND_STYLE_BY_ID[s].domain for s in B.BLIND_STYLES} & {G.STYLE_BY_ID[s].domain for s in G.STYLES}
    assert len({B.BLIND_STYLE_BY_ID[s].markup for s in B.BLIND_STYLES}) >= 5
    assert not {B.BLIND_STYLE_BY_ID[s].markup for s in B.BLIND_STYLES} & {"modern", "semantic", "legacy"}


def test_every_style_renders_text_and_html_in_the_five_encodings(docs):
    seen = defaultdict(set)
    for d in docs:
        seen[(d.style, d.kind)].add(d.encoding)
        assert d.name.startswith(d.style + "-") and d.name.endswith(".txt" if d.kind == "text" else ".html")
        text = _visible(d)
        assert d.gold["title"] in " ".join(text.split())
        if d.kind == "html":
            assert text.lstrip("\ufeff").startswith("<!DOCTYPE html") and "<h1" in text
            assert 'property="og:site_name"' in text
            if d.encoding == "windows-1256":
                assert "charset=windows-1256" in text
            else:
                assert re.search(r'<meta charset="utf-(8|16)">', text)
    for sid in B.BLIND_STYLES:
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
            assert p in text or " ".join(p.split()) in flat
        for h in d.gold["headings"]:
            assert h in text and h not in rec["paragraphs"]


def test_other_articles_than_the_tuned_gallery(ant, records, docs):
    tuned = G.build_gallery(ant, per_style=5, records=records)
    assert len({d.ant for d in docs} & {d.ant for d in tuned}) < len(docs) // 4


def test_gold_fields_are_well_formed(docs):
    houses = {s: {h.strip("«»") for h in B.BLIND_STYLE_BY_ID[s].house} for s in B.BLIND_STYLES}
    for d in docs:
        g = d.gold
        assert re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d([+-]\d\d:\d\d)?)?", g["published"]), g["published"]
        if g["author"] is not None:
            assert g["author"] and "«" not in g["author"] and not g["author"].startswith(("كتب", "متابعة", "المصدر"))
            assert g["author"] not in B.BLIND_STYLE_BY_ID[d.style].cities
            if d.kind == "html":
                assert g["author"] not in houses[d.style]  # the page's own outlet is no author
        if d.kind == "text":
            labels = [lab for _, lab in g["header"]]
            assert set(labels) <= set(G.LABELS) and labels.count("title") == 1
            lines = _decoded(d).lstrip("\ufeff").split("\n")
            assert [ln for ln, _ in g["header"]] == lines[: len(g["header"])]
            first = lines[len(g["header"])]
            assert first == "" or g["paragraphs"][0].startswith(first)


def test_furniture_is_in_the_page_and_not_in_the_gold_body(docs):
    for d in docs:
        text = _visible(d)
        body = "\n".join(d.gold["paragraphs"] + d.gold["headings"])
        assert d.gold["furniture"]
        for f in d.gold["furniture"]:
            assert f in text, (d.name, f)
            assert f not in body


def test_the_blind_outlets_own_forms(ant, records):
    docs = B.build_blind_gallery(ant, per_style=12, records=records)
    text = "\n".join(_visible(d) for d in docs)
    for s in ("الدوحة - ", "«الراي»", " ـ «الأخبار»", "(وات)", "المصدر: ", "عربي21", "بتوقيت غرينتش", "بتوقيت الدوحة",
              "تاريخ التحديث:", "جويلية", "آذار", "الموافق", "هـ", "على الساعة", "field--name-body", "tie-container",
              "__NEXT_DATA__", "__VIEWSTATE", "breadcrumb-item", "application/ld+json"):
        assert s in text, s


def test_zone_and_date_only_gold():
    from datetime import datetime, timezone

    utc = datetime(2018, 3, 12, 11, 5, tzinfo=timezone.utc)
    st = B.BLIND_STYLE_BY_ID
    doha = st["alsharq"].datelines[2](utc, None)
    assert "بتوقيت الدوحة" in doha.text and G.gold_time(doha) == "2018-03-12T14:05:00+03:00"
    gmt = st["arabi21"].datelines[0](utc, None)
    assert G.gold_time(gmt) == "2018-03-12T11:05:00+00:00" and "صباحاً" in gmt.text
    leb = st["alakhbar"].datelines[0](utc, None)
    assert G.gold_time(leb) == "2018-03-12" and "آذار" in leb.text
    upd = st["erem"].datelines[1](utc, None)  # a page that states only its update time
    assert upd.text.startswith("تاريخ التحديث") and G.gold_time(upd) == "2018-03-12T11:05:00+00:00"


def test_deterministic(ant, records):
    a = B.build_blind_gallery(ant, per_style=2, styles=["alrai", "assabah"], records=records)
    b = B.build_blind_gallery(ant, per_style=2, styles=["alrai", "assabah"], records=records)
    assert [(d.name, d.data) for d in a] == [(d.name, d.data) for d in b]


def test_evaluate_blind_prints_the_per_style_table(docs):
    from marsad.evaluation.layout import FIELDS, evaluate_blind, format_report

    tiny = [d for d in docs if d.style in ("alrai", "echorouk")][:6] + [d for d in docs if d.style == "echorouk"][-2:]
    report = evaluate_blind(tiny)
    assert not report["mode"]["train_header"] and report["mode"]["header_model"] == "shipped"
    for t in report["styles"].values():
        for f in ("full",) + FIELDS:
            assert 0.0 <= t["both"][f] <= 1.0
    assert "| alrai |" in format_report(report)


def test_cli_evaluate_layout_blind(ant):
    import json
    import subprocess
    import sys

    p = subprocess.run([sys.executable, "-m", "marsad.cli", "evaluate", "layout", "--blind", "--data", str(ant.parent),
                        "--per-style", "1", "--styles", "alrai,assabah", "--json"], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    rep = json.loads(p.stdout)
    assert set(rep["styles"]) == {"alrai", "assabah"} and rep["styles"]["alrai"]["html"]["n"] == 1
    assert rep["mode"]["blind"] and not rep["mode"]["train_header"]
