"""The REST API through FastAPI's TestClient, over a real SQLite corpus."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from marsad.web.app import create_app
from urllib.parse import quote

from webdata import SCRIPT_ID, make_corpus

TOKEN = "s3cret-token"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def client(request, tmp_path_factory):
    """The app over the test corpus in each store (PostgreSQL when MARSAD_TEST_PG is set; CI sets it)."""
    from corpus_helpers import PgSchema, pg_url

    schema = None
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("api") / "api.db")
    else:
        if not pg_url():
            pytest.skip("MARSAD_TEST_PG is not set (scripts/pg.sh start prints one)")
        schema = PgSchema(pg_url())
        url = schema.url
    app = create_app(db=make_corpus(url), token=TOKEN, max_body=64 * 1024)
    try:
        with TestClient(app, raise_server_exceptions=False) as c:
            yield c
    finally:
        app.state.backend.close()
        if schema:
            schema.drop()


@pytest.fixture()
def readonly(tmp_path):
    app = create_app(db=make_corpus(tmp_path / "ro.db"), token="")
    return TestClient(app, raise_server_exceptions=False)


ARTICLE = ("القاهرة - الأحد 16 يونيو 2024\n\n"
           "قال وزير الخارجية المصري إن المحادثات بشأن وقف إطلاق النار في غزة ستستمر الأسبوع المقبل.\n\n"
           "وأضاف الوزير أن الوفود ستعود إلى القاهرة بعد عيد الأضحى.")


def error_of(r, status):
    assert r.status_code == status, r.text
    body = r.json()
    assert isinstance(body["error"], str) and body["error"] and "Traceback" not in body["error"]
    return body["error"]


# -- analyse -------------------------------------------------------------------------------
def test_analyze_text_returns_the_article(client):
    r = client.post("/api/analyze", content=ARTICLE.encode(), headers={"content-type": "text/plain; charset=utf-8"})
    assert r.status_code == 200, r.text
    a = r.json()
    assert a["schema"] == 1 and "وقف إطلاق النار" in a["text"]
    assert a["text"].startswith(a["sections"][0]["paragraphs"][0])


def test_analyze_html_and_json_record(client):
    html = ("<html><head><title>محادثات غزة</title></head><body><article><h1>محادثات غزة تستأنف</h1>"
            f"<p>{ARTICLE.splitlines()[2]}</p><p>{ARTICLE.splitlines()[4]}</p></article></body></html>")
    r = client.post("/api/analyze", content=html.encode(), headers={"content-type": "text/html"})
    assert r.status_code == 200, r.text
    assert "المحادثات" in r.json()["text"] and "<p>" not in r.json()["text"]
    rec = {"id": "rec-1", "title": "محادثات غزة", "published": "2024-06-16T10:00:00+03:00", "text": ARTICLE}
    r = client.post("/api/analyze", json=rec, params={"tz": "Africa/Cairo"})
    assert r.status_code == 200, r.text
    assert r.json()["id"] == "rec-1" and r.json()["title"] == "محادثات غزة"


def test_analyze_bad_input(client):
    assert "limit" in error_of(client.post("/api/analyze", content=b"x" * (64 * 1024 + 1),
                                           headers={"content-type": "text/plain"}), 413)
    assert "malformed JSON" in error_of(client.post("/api/analyze", content=b'{"text": "abc',
                                                    headers={"content-type": "application/json"}), 400)
    error_of(client.post("/api/analyze", content=b"", headers={"content-type": "text/plain"}), 400)
    assert "no text" in error_of(client.post("/api/analyze", json={"title": "بلا نص"}), 400)
    error_of(client.post("/api/analyze", json=["not", "an", "object"]), 400)
    error_of(client.post("/api/analyze", content=b"\x00\x01\x02\xff" * 50, headers={"content-type": "text/plain"}), 400)
    assert "time zone" in error_of(client.post("/api/analyze", content=ARTICLE.encode(), params={"tz": "Mars/Olympus"},
                                               headers={"content-type": "text/plain"}), 400)
    error_of(client.post("/api/analyze", content=ARTICLE.encode(), params={"published": "not a date"},
                         headers={"content-type": "text/plain"}), 400)


def test_oversized_body_refused_while_streaming(client):
    def chunks():  # no content-length: the server must stop reading at the limit
        for _ in range(100):
            yield b"y" * 4096

    error_of(client.post("/api/analyze", content=chunks(), headers={"content-type": "text/plain"}), 413)


# -- ingest needs the token ----------------------------------------------------------------------
def test_ingest_requires_the_token(client, readonly):
    body = ARTICLE.encode()
    h = {"content-type": "text/plain"}
    missing = client.post("/api/articles", content=body, headers=h)
    error_of(missing, 401)
    assert missing.headers["www-authenticate"].startswith("Bearer")
    error_of(client.post("/api/articles", content=body, headers={**h, "authorization": "Bearer wrong"}), 401)
    assert "MARSAD_API_TOKEN" in error_of(readonly.post("/api/articles", content=body,
                                                        headers={**h, "authorization": f"Bearer {TOKEN}"}), 403)
    r = client.post("/api/articles", content=body, headers={**h, "authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201 and r.json()["added"] is True, r.text
    aid = r.json()["id"]
    again = client.post("/api/articles", content=body, headers={**h, "authorization": f"Bearer {TOKEN}"})
    assert again.status_code == 200 and again.json() == {**r.json(), "added": False}
    got = client.get(f"/api/articles/{aid}")
    assert got.status_code == 200 and "وقف إطلاق النار" in got.json()["text"]
    assert any(h["id"] == aid for h in client.get("/api/search", params={"q": "المحادثات"}).json()["results"])


# -- reading -------------------------------------------------------------------------------------
def test_ids_with_slashes_open(client):
    got = client.get("/api/articles/" + quote(SCRIPT_ID, safe=""))
    assert got.status_code == 200 and got.json()["id"] == SCRIPT_ID
    page = client.get("/").text
    assert 'href="/articles/' + quote(SCRIPT_ID, safe="").replace("&", "&amp;") + '"' in page


def test_article_by_id_and_unknown_id(client):
    r = client.get("/api/articles/zelensky-drones")
    assert r.status_code == 200 and r.json()["entities"][0]["id"] == "volodymyr-zelenskyy"
    assert "nope" in error_of(client.get("/api/articles/nope"), 404)
    error_of(client.get("/api/no/such/endpoint"), 404)


def test_search_other_spelling_filters_and_pagination(client):
    r = client.get("/api/search", params={"q": "زيلنسكي"}).json()
    ids = {h["id"] for h in r["results"]}
    assert {"zelensky-drones", "zelensky-putin"} <= ids  # zelensky-drones only spells it زيلينسكي
    hit = next(h for h in r["results"] if h["id"] == "zelensky-drones")
    assert "[[زيلينسكي]]" in hit["snippet"]
    assert {f["value"] for f in r["facets"]["entity"]} >= {"volodymyr-zelenskyy", "ukraine"}
    by_source = client.get("/api/search", params={"entity": "أوكرانيا", "source": "hayat.example"}).json()
    assert [h["id"] for h in by_source["results"]] == ["zelensky-putin"]
    dated = client.get("/api/search", params={"entity": "بوتين", "from": "2024-06-19", "to": "2024-06-20"}).json()
    assert [h["id"] for h in dated["results"]] == ["putin-pyongyang-2"]
    p1 = client.get("/api/search", params={"limit": 2}).json()
    p2 = client.get("/api/search", params={"limit": 2, "offset": 2}).json()
    assert p1["has_more"] and len(p1["results"]) == 2 and p1["limit"] == 2
    assert not {h["id"] for h in p1["results"]} & {h["id"] for h in p2["results"]}
    error_of(client.get("/api/search", params={"limit": 0}), 400)
    error_of(client.get("/api/search", params={"limit": 1000}), 400)
    error_of(client.get("/api/search", params={"from": "yesterday"}), 400)


@pytest.mark.parametrize("q", ['"', "AND OR NOT", "'; DROP TABLE articles; --", "\x00", "ب" * 9000, "*", "NEAR(a b)"])
def test_hostile_queries_are_data(client, q):
    r = client.get("/api/search", params={"q": q})
    assert r.status_code == 200, r.text
    assert isinstance(r.json()["results"], list)


@pytest.mark.parametrize("path", ["/api/events?type=%00&actor=%00", "/api/quotes?speaker=%00&about=%27%22&q=%00",
                                  "/api/entities?q=%00", "/api/entities/%00", "/api/articles/%00",
                                  "/api/trends?name=%00", "/api/search?entity=%00&speaker=%00&topic=%00&source=%00"])
def test_nul_bytes_and_quotes_in_every_parameter(client, path):
    r = client.get(path)
    assert r.status_code in (200, 404), r.text


def test_entities_lookup_and_profile(client):
    r = client.get("/api/entities", params={"q": "زيلنسكي"}).json()
    assert [e["id"] for e in r["results"]] == ["volodymyr-zelenskyy"]
    every = client.get("/api/entities", params={"limit": 2}).json()
    assert len(every["results"]) == 2 and every["has_more"]
    p = client.get("/api/entities/volodymyr-zelenskyy").json()
    assert {s["text"] for s in p["spellings"]} == {"زيلينسكي", "زيلنسكي"}
    assert [d["day"] for d in p["per_day"]] == ["2024-06-20", "2024-06-22"]
    assert p["cooccurring"][0]["id"] == "ukraine"
    assert len(p["quotes"]) == 2
    error_of(client.get("/api/entities/nobody"), 404)


def test_quotes_events_stories_trends(client):
    q = client.get("/api/quotes", params={"speaker": "زيلينسكي"}).json()
    assert q["total"] == 2 and all(x["speaker_id"] == "volodymyr-zelenskyy" for x in q["results"])
    page = client.get("/api/quotes", params={"limit": 1, "offset": 1}).json()
    assert len(page["results"]) == 1 and page["offset"] == 1
    about = client.get("/api/quotes", params={"about": "Ukraine"}).json()
    assert [x["article_id"] for x in about["results"]] == ["zelensky-putin"]
    ev = client.get("/api/events", params={"actor": "بوتين"}).json()
    assert [e["type"] for e in ev["results"]] == ["VISIT"]
    assert ev["results"][0]["target_name_ar"] == "كوريا الشمالية"
    assert "كوريا الشمالية" in client.get("/events").text
    assert client.get("/api/events", params={"type": "demand"}).json()["results"][0]["actor_id"] == "volodymyr-zelenskyy"
    st = client.get("/api/stories").json()
    assert st["results"][0]["size"] == 2
    assert {a["id"] for a in st["results"][0]["articles"]} == {"putin-pyongyang", "putin-pyongyang-2"}
    tr = client.get("/api/trends", params=[("name", "بوتين"), ("name", "زيلنسكي"), ("by", "day")]).json()
    putin, zel = tr["series"]
    assert putin["id"] == "vladimir-putin" and zel["id"] == "volodymyr-zelenskyy"
    assert sum(p["count"] for p in zel["points"]) == 4
    weeks = client.get("/api/trends", params={"name": "بوتين", "by": "week"}).json()["series"][0]["points"]
    assert weeks == [{"period": "2024-06-17", "count": 5}]
    error_of(client.get("/api/trends"), 400)
    assert client.get("/api/trends", params={"name": " "}).json()["series"] == []
    error_of(client.get("/api/trends", params={"name": "x", "by": "year"}), 400)


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ["/api/analyze", "/api/articles", "/api/articles/{article_id}", "/api/search", "/api/entities",
                 "/api/entities/{entity_id}", "/api/quotes", "/api/events", "/api/stories", "/api/trends"]:
        assert path in spec["paths"], path
    docs = client.get("/docs").text
    assert "/api/search" in docs and "cdn" not in docs.lower() and "https://" not in docs
    assert client.get("/redoc").status_code == 404


def test_pages_escape_scraped_markup(client):
    r = client.get("/articles/" + quote(SCRIPT_ID, safe=""))
    assert r.status_code == 200
    assert "script-src" not in r.headers["content-security-policy"]  # default-src 'none': no script at all
    html = r.text
    assert "<script>" not in html and "&lt;script&gt;document.title" in html
    assert "<b>كما هو</b>" not in html
    for path in ["/", "/?q=شيفرة", "/entities/ukraine", "/stories"]:
        assert "<script>alert" not in client.get(path).text


@pytest.mark.parametrize("path", ["/?q=<script>x</script>", "/?q=%00%22'",
                                  "/quotes?speaker=" + "ب" * 5000, "/trends?names=,,,", "/entities?q=*", "/?page=-4",
                                  "/events?type=%00"])
def test_pages_take_hostile_input(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text
    assert "<script>x" not in r.text


@pytest.mark.parametrize("query, bad", [({"from": "2024-13-45"}, "from: '2024-13-45'"),
                                        ({"q": "بوتين", "to": "yesterday"}, "to: 'yesterday'"),
                                        ({"from": "2024-06-31"}, "from: '2024-06-31'")])
def test_pages_answer_a_bad_date_with_a_400_page_that_says_what(client, query, bad):
    r = client.get("/", params=query)
    assert r.status_code == 400 and 'dir="rtl"' in r.text and "طلب غير صالح" in r.text
    assert bad.replace("'", "&#39;") in r.text and "calendar day (YYYY-MM-DD)" in r.text
    api = client.get("/api/search", params=query)  # the same parser: the API refuses it too
    assert api.status_code == 400


def test_pages_and_api_read_the_same_dates(client):
    page = client.get("/", params={"entity": "بوتين", "from": " 2024-06-19 ", "to": "2024-06-20"}).text
    assert "بيونغ يانغ" in page and 'value="2024-06-19"' in page
    api = client.get("/api/search", params={"entity": "بوتين", "from": "2024-06-19", "to": "2024-06-20"}).json()
    assert [h["id"] for h in api["results"]] == ["putin-pyongyang-2"]


def test_search_page_filters_show_as_removable_chips(client):
    html = client.get("/", params={"q": "الرئيس", "entity": "ukraine", "source": "hayat.example"}).text
    assert html.count('class="chip"') == 2
    assert 'href="/?q=%D8%A7%D9%84%D8%B1%D8%A6%D9%8A%D8%B3&amp;source=hayat.example"' in html  # drops the entity
    assert "زيلنسكي: لن نتفاوض مع بوتين تحت القصف" in html and "بوتين يصل إلى بيونغ يانغ" not in html


def test_pages_unknown_ids_are_html_404(client):
    for path in ["/articles/nope", "/entities/nope"]:
        r = client.get(path)
        assert r.status_code == 404 and 'dir="rtl"' in r.text


def test_charts_escape_labels_and_fill_gaps():
    from marsad.charts import line_chart, network
    from marsad.corpus.periods import bucket

    svg = str(line_chart([{"label": "<script>x</script>", "points": [{"period": "2024-06-01", "count": 2},
                                                                     {"period": "2024-06-05", "count": 1}]}]))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "<polyline" in svg and "06-03" in svg  # five days drawn as a line, the gap days included
    assert bucket([("2024-06-17", 1), ("2024-06-23", 2), ("2024-06-24", 4)], "week") == [
        {"period": "2024-06-17", "count": 3}, {"period": "2024-06-24", "count": 4}]
    net = str(network({"id": "a", "label": "أ", "count": 0}, [{"id": "x/y?z", "label": "<b>", "count": 1}]))
    assert 'href="/entities/x%2Fy%3Fz"' in net and "<b>" not in net


def test_ingested_near_duplicates_form_a_story(tmp_path):
    app = create_app(db=make_corpus(tmp_path / "w.db"), token=TOKEN)
    c = TestClient(app, raise_server_exceptions=False)
    auth = {"authorization": f"Bearer {TOKEN}"}
    first = {"id": "gaza-a", "title": "محادثات غزة", "source": "wire.example", "text": ARTICLE}
    second = {"id": "gaza-b", "title": "محادثات غزة تستمر", "source": "other.example",
              "text": ARTICLE.replace("الأسبوع المقبل", "خلال الأيام المقبلة")}
    for rec in (first, second):
        assert c.post("/api/articles", json=rec, headers=auth).status_code == 201
    groups = [{a["id"] for a in s["articles"]} for s in c.get("/api/stories").json()["results"]]
    assert {"gaza-a", "gaza-b"} in groups
    app.state.backend.close()


def test_scraped_text_with_markup_ingested_through_the_api_shows_as_text(tmp_path):
    app = create_app(db=make_corpus(tmp_path / "s.db"), token=TOKEN)
    c = TestClient(app, raise_server_exceptions=False)
    scrape = ("خبر عاجل عن الطقس\n\n"
              "توقعت الأرصاد الجوية هطول أمطار غزيرة على القاهرة يوم الخميس المقبل مع انخفاض في درجات الحرارة.\n\n"
              "<script>alert('x')</script> <img src=x onerror=alert(1)> وحذرت الهيئة السائقين من السرعة على الطرق السريعة.")
    r = c.post("/api/articles", content=scrape.encode(), headers={"content-type": "text/plain",
                                                                   "authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    stored = c.get("/api/articles/" + quote(r.json()["id"], safe="")).json()
    assert "<script>alert('x')</script>" in stored["text"]  # kept as the scrape had it...
    html = c.get("/articles/" + quote(r.json()["id"], safe="")).text
    assert "<script>alert" not in html and "<img" not in html  # ...and shown only as text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html and "&lt;img src=x" in html
    app.state.backend.close()


def test_one_parser_for_the_api_and_the_pages():
    from marsad.web import params
    from marsad.web.params import BadParam

    form = params.search({"q": "  بوتين ", "entity": "", "from": "2024-06-19", "to": None}.get)
    assert form == {"q": "بوتين", "entity": "", "speaker": "", "topic": "", "source": "", "from": "2024-06-19", "to": ""}
    assert params.search_args(form) == dict(q="بوتين", entity=None, speaker=None, topic=None, source=None,
                                            date_from="2024-06-19", date_to=None)
    with pytest.raises(BadParam, match=r"to: '2024-02-30' is not a calendar day"):
        params.search({"to": "2024-02-30"}.get)
    with pytest.raises(BadParam, match="by: 'year'"):
        params.period("year")
    assert params.period(None) == "day" and params.period("month") == "month"
    assert params.names([" بوتين ", "", "  ", *["زيلنسكي"] * 10]) == ["بوتين"] + ["زيلنسكي"] * 7
    assert params.texts(params.QUOTES, {"speaker": "ب" * 500}.get)["speaker"] == "ب" * 200
    assert params.page_number("-4") == 1 and params.page_number("x") == 1 and params.page_number("3") == 3


def test_pages_answer_a_bad_period_with_a_400_page(client):
    r = client.get("/trends", params={"names": "بوتين", "by": "year"})
    assert r.status_code == 400 and "by: &#39;year&#39;" in r.text and 'dir="rtl"' in r.text
    month = client.get("/trends", params={"names": "بوتين، زيلنسكي", "by": "month"})
    assert month.status_code == 200 and "<svg" in month.text and "2024-06" in month.text


def test_analyze_options_are_checked_once_with_rest_spelling(client):
    h = {"content-type": "text/plain"}
    bad = client.post("/api/analyze", content=ARTICLE.encode(), params={"published": "أمس"}, headers=h)
    assert error_of(bad, 400) == "published 'أمس' is not an ISO 8601 date or time"  # no CLI "--" in REST
    assert "Africa/Cairo" in error_of(client.post("/api/analyze", content=ARTICLE.encode(), params={"tz": "Cairo"},
                                                  headers=h), 400)
    big = client.post("/api/analyze", content=b"x" * (64 * 1024 + 1), params={"tz": "Cairo"}, headers=h)
    error_of(big, 413)  # the body's size is refused before the options are looked at
    ok = client.post("/api/analyze", content=ARTICLE.encode(), params={"tz": "Africa/Cairo"}, headers=h)
    assert ok.status_code == 200 and ok.json()["published"].startswith("2024-06-16")
