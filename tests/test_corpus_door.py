"""`Corpus` as the one door to the store: the reads the web views are built from (search pages
with facets, profiles by id, the entity list, quotations by word, trends by month, one-article
writes), the highlight marks, and the chart module, over the small Arabic test corpus."""
from __future__ import annotations

import pytest

from marsad.corpus import Corpus
from marsad.corpus.api import FACET_SCAN
from marsad.corpus.snippets import HL_END, HL_START, marked, rendered

from webdata import articles, make_corpus


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def corpus(request, tmp_path_factory):
    from corpus_helpers import PgSchema, pg_url

    schema = None
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("door") / "door.db")
    else:
        if not pg_url():
            pytest.skip("MARSAD_TEST_PG is not set (scripts/pg.sh start prints one)")
        schema = PgSchema(pg_url())
        url = schema.url
    with Corpus(make_corpus(url)) as c:
        yield c
    if schema:
        schema.drop()


def test_search_page_is_the_search_with_facets(corpus):
    page = corpus.search_page("زيلنسكي", limit=1)
    plain = corpus.search("زيلنسكي", limit=2)
    assert [h.id for h in page.hits] == [plain[0].id] and page.more  # two articles spell him, one per page
    assert page.hits[0].snippet == plain[0].snippet and page.hits[0].highlights == plain[0].highlights
    ents = {f["value"]: f["count"] for f in page.facets["entity"]}
    assert ents["volodymyr-zelenskyy"] == 2 and ents["ukraine"] == 2  # counted over both hits, not the page
    assert {f["value"] for f in page.facets["source"]} == {"ahram.example", "hayat.example"}
    assert [f["label"] for f in page.facets["speaker"]] == ["فولوديمير زيلينسكي"]
    last = corpus.search_page("زيلنسكي", limit=1, offset=1)
    assert [h.id for h in last.hits] == [plain[1].id] and not last.more
    deep = corpus.search_page("", limit=5, offset=FACET_SCAN)  # past the facet scan: no facets
    assert deep.hits == [] and deep.facets == {} and not deep.more


def test_search_page_filters_and_days(corpus):
    page = corpus.search_page("", entity="بوتين", date_from="2024-06-19", date_to="2024-06-20")
    assert [h.id for h in page.hits] == ["putin-pyongyang-2"]
    assert [f["value"] for f in page.facets["topic"]] == ["politics"]


def test_nul_bytes_stop_at_the_door(corpus):
    assert corpus.entity_by_id("\x00") is None and corpus.get("\x00") is None
    assert isinstance(corpus.search_page("\x00", entity="\x00").hits, list)
    assert corpus.quotes(speaker="\x00", q="\x00") == []


def test_profile_by_id_does_not_resolve_names(corpus):
    prof = corpus.entity_by_id("volodymyr-zelenskyy")
    assert prof.entity.name_ar == "فولوديمير زيلينسكي" and prof.entity.articles == 2
    assert {s["text"] for s in prof.spellings} == {"زيلينسكي", "زيلنسكي"}
    assert [d["day"] for d in prof.mentions_per_day] == ["2024-06-20", "2024-06-22"]
    assert prof.co_occurring[0]["id"] == "ukraine" and len(prof.quotes) == 2
    assert corpus.entity_by_id("زيلنسكي") is None  # a spelling is not an id...
    assert corpus.entity("زيلنسكي").entity.id == "volodymyr-zelenskyy"  # ...the named lookup resolves it


def test_entity_list_most_mentioned_first_and_paged(corpus):
    every = corpus.entity_list(limit=10)
    assert [e.articles for e in every] == sorted((e.articles for e in every), reverse=True)
    assert every[0].id == "ukraine" and every[0].articles == 3 and len(every) == 5
    assert [e.id for e in corpus.entity_list(limit=2, offset=1)] == [e.id for e in every[1:3]]
    assert [e.id for e in corpus.resolve("بوتين", limit=1)] == ["vladimir-putin"]
    assert {e.id: e.name_ar for e in corpus.entity_refs(["north-korea", "nobody"])} == {"north-korea": "كوريا الشمالية"}


def test_quotes_by_a_word_of_the_quotation(corpus):
    got = corpus.quotes(q="ضمانات")  # matched on search terms: the stem of ضمانات
    assert [x.article_id for x in got] == ["zelensky-putin"]
    assert [x.text for x in corpus.quotes(speaker="زيلينسكي", q="والتأخير")] == ["كل يوم تأخير يكلفنا أرواحا"]
    assert len(corpus.quotes(q="نقدر", limit=1)) == 1 and len(corpus.quotes(q="نقدر")) == 2


def test_trends_by_month_are_the_days_summed(corpus):
    days = corpus.trends(["بوتين", "زيلنسكي"], by="day")
    months = corpus.trends(["بوتين", "زيلنسكي"], by="month")
    for d, m in zip(days, months):
        assert m.query == d.query and m.entity.id == d.entity.id
        assert m.series == [{"period": "2024-06", "count": sum(p["count"] for p in d.series)}]
    assert sum(p["count"] for p in days[1].series) == 4
    with pytest.raises(Exception, match="use day, week or month"):
        corpus.trends(["بوتين"], by="year")


def test_put_stores_one_article_once(tmp_path):
    with Corpus(str(tmp_path / "put.db")) as c:
        first, second = articles()[:2]
        assert c.put(first) is True and c.put(first) is False
        assert c.put(second) is True and c.get(second.id).title == second.title
        assert [{a.id for a in s.articles} for s in c.stories()] == [{first.id, second.id}]  # regrouped on read


def test_marks_are_defined_once_and_rendered_per_format():
    snip = "قال الرئيس زيلنسكي إن بلاده"
    s = marked(snip, [[11, 18]])
    assert s == f"قال الرئيس {HL_START}زيلنسكي{HL_END} إن بلاده"
    assert rendered(s, "[[", "]]") == "قال الرئيس [[زيلنسكي]] إن بلاده"
    assert rendered(s, "<mark>", "</mark>") == "قال الرئيس <mark>زيلنسكي</mark> إن بلاده"
    assert marked(snip, [[11, 18], [12, 14], [20, 99]]) == s  # overlapping and out-of-range marks are dropped
    assert rendered(None, "[[", "]]") == ""


def test_one_chart_module_draws_the_cli_and_the_page_charts(corpus):
    from marsad.charts import line_chart, trend_svg

    trends = corpus.trends(["بوتين", "<b>x</b>"], by="day")
    svg = trend_svg(trends)
    assert svg.startswith("<svg") and svg.count("<polyline") == 2 and "فلاديمير بوتين" in svg
    assert "<b>x" not in svg and "&lt;b&gt;x&lt;/b&gt;" in svg
    page = str(line_chart([{"label": t.entity.name_ar if t.entity else t.query, "points": t.series} for t in trends]))
    assert page.count("<polyline") == 2 and "&lt;b&gt;x&lt;/b&gt;" in page and "06-18" in page
    bars = str(line_chart([{"label": "بوتين", "points": [{"period": "2024-06-17", "count": 5}]}]))
    assert "<rect" in bars and "<polyline" not in bars  # a single period draws a bar


def test_a_day_given_in_arabic_words_is_read():
    from marsad.corpus.periods import parse_day

    assert parse_day("18 مارس 2024", "--from") == "2024-03-18"
    assert parse_day("2024-03-18", "--from") == "2024-03-18"
    from marsad.errors import MarsadError

    with pytest.raises(MarsadError, match="calendar day"):
        parse_day("yesterday", "from", strict=True)
