"""The corpus stores (SQLite and a real PostgreSQL): search, filters, profiles, quotes, events, trends, stories."""
from __future__ import annotations

import pytest

from corpus_helpers import HOSTILE, articles, make_article
from marsad.corpus import Corpus
from marsad.corpus.schema import STORE_SCHEMA_VERSION
from marsad.errors import MarsadError


@pytest.fixture
def corpus(store_url):
    c = Corpus(store_url)
    rep = c.add(articles())
    assert rep.added == 4
    yield c
    c.close()


def ids(hits):
    return [h.id for h in hits]


def test_stats_count_everything(corpus):
    st = corpus.stats()
    assert st["articles"] == 4
    assert st["entities"] == 5
    assert st["quotations"] == 2
    assert st["events"] == 2
    assert st["first_day"] == "2024-03-10" and st["last_day"] == "2024-03-18"


@pytest.mark.parametrize("q", ["العقوبات", "والعقوبات", "عقوبات", "بالعقوبات", "العقوبات الجديدة"])
def test_light_stem_spellings_find_each_other(corpus, q):
    assert ids(corpus.search(q)) == ["a2"]


def test_snippet_highlights_the_matched_words(corpus):
    hit = corpus.search("العقوبات")[0]
    marked = [hit.snippet[a:b] for a, b in hit.highlights]
    assert "العقوبات" in marked and "والعقوبات" in marked and "عقوبات" in marked


def test_more_occurrences_rank_first(store_url):
    with Corpus(store_url) as c:
        c.add([
            make_article("x1", "خبر", ["تحدث التقرير عن الاقتصاد مرة واحدة وعن أمور أخرى كثيرة في المنطقة والعالم."],
                         "2024-01-01", "س"),
            make_article("x2", "الاقتصاد", ["الاقتصاد ينمو، واقتصاد المنطقة يتحسن، والاقتصادي يتوقع نموا."], "2024-01-02", "س"),
        ])
        assert ids(c.search("اقتصاد"))[0] == "x2"


def test_query_naming_an_entity_finds_its_other_spellings(corpus):
    # a3 never writes "محمد بن سلمان": it says "ولي العهد السعودي", a stored spelling of the same entity
    got = ids(corpus.search("محمد بن سلمان"))
    assert set(got) == {"a1", "a3"}


def test_entity_filter_accepts_any_spelling(corpus):
    for name in ("ولي العهد السعودي", "محمد بن سلمان", "Mohammed bin Salman", "Q1045375"):
        assert set(ids(corpus.search("", entity=name))) == {"a1", "a3"}, name
    assert ids(corpus.search("الدوحة", entity="قطر")) == ["a3"]
    assert corpus.search("", entity="اسم لا وجود له") == []


def test_filters_source_topic_speaker_dates(corpus):
    assert set(ids(corpus.search("", source="الخليج"))) == {"a2", "a3"}
    assert ids(corpus.search("", topic="weather")) == ["a4"]
    assert set(ids(corpus.search("", speaker="محمد بن سلمان"))) == {"a1", "a3"}
    assert set(ids(corpus.search("", date_from="2024-03-11", date_to="2024-03-12"))) == {"a2", "a4"}
    with pytest.raises(MarsadError):
        corpus.search("قطر", date_from="not a date")


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_are_data(corpus, q):
    hits = corpus.search(q, entity=q if len(q) < 50 else None, limit=5)
    assert isinstance(hits, list)


def test_hostile_query_with_real_word_still_finds(corpus):
    assert "a2" in ids(corpus.search('عقوبات" OR 1=1 --'))
    assert "a2" in ids(corpus.search("(عقوبات*"))


def test_entity_profile(corpus):
    p = corpus.entity("ولي العهد السعودي")
    assert p.entity.id == "Q1045375" and p.entity.articles == 2
    assert {s["text"] for s in p.spellings} >= {"محمد بن سلمان", "ولي العهد السعودي"}
    assert [d["day"] for d in p.mentions_per_day] == ["2024-03-10", "2024-03-18"]
    assert p.co_occurring[0]["id"] == "Q846" and p.co_occurring[0]["articles"] == 2
    assert len(p.quotes) == 2
    assert corpus.entity("لا أحد") is None


def test_quotes_by_speaker_and_about(corpus):
    assert len(corpus.quotes(speaker="Mohammed bin Salman")) == 2
    about = corpus.quotes(speaker="محمد بن سلمان", about="السعودية")
    assert [q.text for q in about] == ["العلاقات بين السعودية وقطر تشهد تطورا كبيرا"]
    assert about[0].speaker_name == "Mohammed bin Salman"
    assert corpus.quotes(speaker="إيران") == []


def test_events_by_actor_and_type(corpus):
    ev = corpus.events(actor="واشنطن")
    assert [e.type for e in ev] == ["SANCTION"] and ev[0].target_name == "Iran"
    assert [e.article_id for e in corpus.events(type="040")] == ["a1"]
    assert corpus.events(actor="المغرب") == []


def test_trends_by_day_and_week(corpus):
    (t,) = corpus.trends(["قطر"], by="day")
    assert t.entity.id == "Q846"
    counts = {p["period"]: p["count"] for p in t.series}
    assert counts["2024-03-10"] == 3 and counts["2024-03-18"] == 1 and counts["2024-03-14"] == 0
    assert len(t.series) == 9
    weeks = corpus.trends(["قطر", "أمطار"], by="week")
    assert [p["period"] for p in weeks[0].series] == ["2024-03-04", "2024-03-11", "2024-03-18"]
    assert [p["count"] for p in weeks[1].series] == [0, 1, 0]  # not an entity: articles matching the word


def test_stories_group_near_duplicates_across_outlets(store_url):
    body = ["أعلنت وزارة الصحة المصرية اليوم عن افتتاح مستشفى جديد في محافظة أسوان بتكلفة بلغت مليار جنيه، "
            "ويضم المستشفى مئتي سرير وأقساما للطوارئ والعناية المركزة وجراحة القلب.",
            "وقال وزير الصحة خلال الافتتاح إن المستشفى سيخدم أكثر من مليون مواطن في جنوب مصر."]
    copy = [body[0], body[1] + " وأضاف أن العمل بدأ فعليا."]
    with Corpus(store_url) as c:
        c.add(articles() + [
            make_article("s1", "افتتاح مستشفى في أسوان", body, "2024-03-20", "الأهرام"),
            make_article("s2", "مستشفى جديد بأسوان", copy, "2024-03-20", "المصري اليوم"),
        ])
        stories = c.stories()
        assert len(stories) == 1
        assert {a.id for a in stories[0].articles} == {"s1", "s2"}
        assert stories[0].sources == ["الأهرام", "المصري اليوم"]
        assert c.stats()["stories"] == 1


def test_readding_changes_nothing(store_url):
    with Corpus(store_url) as c:
        c.add(articles())
        before = c.stats()
        rep = c.add(articles())
        assert (rep.added, rep.skipped) == (0, 4)
        # same content under another id, same URL under another id: both are the same article
        a = articles()[0]
        a.id = "other-id"
        b = articles()[1]
        b.id, b.sections[0].paragraphs[0] = "third-id", "نص مختلف تماما عن النص الأول."
        b.rebuild_text()
        assert c.add([a, b]).added == 0
        assert c.stats() == before


def test_one_batch_with_repeats_and_shared_spellings(store_url):
    """A batch holding the same article twice (another id, same text) and two articles that
    spell one entity the same way: the repeat is skipped, the spelling counts add up."""
    a1, a2, a3, a4 = articles()
    again = articles()[0]
    again.id, again.source.url = "a1-copy", "https://example.org/a1-copy"
    with Corpus(store_url) as c:
        rep = c.add([a1, again, a2, a3, a4], batch_size=10)
        assert (rep.added, rep.skipped) == (4, 1)
        assert c.get("a1-copy") is None
        counts = {s["text"]: s["count"] for s in c.entity("قطر").spellings}
        said = [[m.text for e in a.entities if e.id == "Q846" for m in e.mentions] for a in (a1, a3)]
        assert all("قطر" in s_ for s_ in said)  # both articles say it
        assert counts["قطر"] == sum(s_.count("قطر") for s_ in said)
        assert counts["القطري"] == sum(s_.count("القطري") for s_ in said) == 1
        assert c.stats()["mentions"] == sum(len(e.mentions) for a in (a1, a2, a3, a4) for e in a.entities)
        # the next batch finds every one of them stored, by id, URL or content
        assert c.add(articles() + [again], batch_size=10).added == 0


def test_get_returns_the_stored_article(corpus):
    a = corpus.get("a1")
    assert a.title.startswith("ولي العهد") and a.entities[0].mentions[0].text == "محمد بن سلمان"
    assert corpus.get("missing") is None
    assert sum(1 for _ in corpus.articles()) == 4


def test_schema_version_is_recorded_and_newer_is_refused(store_url):
    with Corpus(store_url) as c:
        assert c.store.meta("schema_version") == str(STORE_SCHEMA_VERSION)
        cur = c.store.conn.cursor()
        cur.execute(c.store.q("UPDATE meta SET value = ? WHERE key = ?"), ["99", "schema_version"])
        if hasattr(c.store.conn, "in_transaction") and c.store.conn.in_transaction:
            c.store.conn.execute("COMMIT")
    with pytest.raises(MarsadError, match="newer"):
        Corpus(store_url)


def test_old_story_signatures_are_recomputed_on_open(store_url):
    body = ["أعلنت وزارة الصحة المصرية اليوم عن افتتاح مستشفى جديد في محافظة أسوان بتكلفة بلغت مليار جنيه، "
            "ويضم المستشفى مئتي سرير وأقساما للطوارئ والعناية المركزة وجراحة القلب."]
    with Corpus(store_url) as c:
        c.add(articles() + [make_article("s1", "افتتاح مستشفى", body, "2024-03-20", "الأهرام"),
                            make_article("s2", "مستشفى بأسوان", [body[0] + " وأضاف أن العمل بدأ."], "2024-03-20",
                                         "المصري اليوم")])
        # a store written by schema 2: 64 x 4-byte signatures of another MinHash, no story groups
        s = c.store
        s.begin()
        cur = s.conn.cursor()
        cur.execute(s.q("UPDATE signatures SET sig = ?"), [b"\x01" * 256])
        cur.execute("DELETE FROM stories")
        cur.execute(s.q("UPDATE meta SET value = ? WHERE key = ?"), ["2", "schema_version"])
        s.commit()
    with Corpus(store_url) as c:
        assert c.store.meta("schema_version") == str(STORE_SCHEMA_VERSION)
        assert {len(bytes(r[0])) for r in c.store.all("SELECT sig FROM signatures")} == {512}
        assert [{a.id for a in st.articles} for st in c.stories()] == [{"s1", "s2"}]


def test_postgres_search_terms_move_to_their_own_table(store_url):
    if not store_url.startswith("postgresql"):
        pytest.skip("PostgreSQL layout")
    with Corpus(store_url) as c:
        c.add(articles())
        before = [h.id for h in c.search("العقوبات")]
        # the layout of schema 3: the tsvector was a column of `articles`
        s = c.store
        s.begin()
        cur = s.conn.cursor()
        cur.execute("ALTER TABLE articles ADD COLUMN terms tsvector")
        cur.execute("UPDATE articles SET terms = (SELECT t.terms FROM search_terms t WHERE t.n = articles.n)")
        cur.execute("DROP TABLE search_terms")
        cur.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
        s.commit()
    with Corpus(store_url) as c:
        assert c.store.meta("schema_version") == str(STORE_SCHEMA_VERSION)
        assert before and [h.id for h in c.search("العقوبات")] == before
        cols = c.store.all("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                           "AND table_name = 'articles'")
        assert "terms" not in {r[0] for r in cols}


def test_function_word_query_is_not_an_entity_name(store_url):
    # `بين` (between) shares its spelling key with Benin's name: as a query it stays a word
    with Corpus(store_url) as c:
        c.add([make_article("b1", "اتفاقية تجارية", ["وقعت اتفاقية تجارية بين بنين ونيجيريا في كوتونو أمس."],
                            "2024-03-12", "الأنباء", entities=[("benin", "Benin", "LOC", "بنين", ["بنين"])])])
        assert c.store.query_groups("بين") == [[["بين"]]]
        assert len(c.store.query_groups("بنين")[0]) >= 1 and "benin" in c.store.names.names_to_ids(["بنين"])["بنين"]
        assert [h.id for h in c.search("بين بنين")] == ["b1"]


@pytest.mark.parametrize("bad", ["\x00", "قطر\x00", "'; DROP TABLE entities; --", "%_", "ا" * 5000])
def test_hostile_names_everywhere(corpus, bad):
    assert corpus.entity(bad) is None or corpus.entity(bad).entity.id
    assert isinstance(corpus.quotes(speaker=bad, about=bad), list)
    assert isinstance(corpus.events(actor=bad, type=bad), list)
    assert isinstance(corpus.trends([bad]), list)
    assert corpus.get(bad) is None
    assert isinstance(corpus.search(bad, speaker=bad, topic=bad, source=bad), list)
    assert corpus.stats()["articles"] == 4


def test_planner_turns_a_named_entity_into_its_spellings_and_filters_into_conditions(corpus):
    """The query planner apart from the store: a name becomes one OR-part over the entity's
    stored spellings; function words are dropped; filters become conditions, days parsed once."""
    planner = corpus.store.planner
    parts = planner.groups("تصريحات محمد بن سلمان في الرياض")
    alts = [p for p in parts if len(p) > 1]
    assert len(alts) == 1 and ["ولي", "عهد", "سعود"] in [list(a) for a in alts[0]]
    assert all(["في"] not in p for p in parts)
    where, params = planner.filters(source="الخليج", date_from="2024-03-18T10:00")
    assert params == ["الخليج", "2024-03-18"] and len(where) == 2
    assert planner.filters(entity="اسم لا وجود له") is None
    with pytest.raises(MarsadError, match="--to"):
        planner.filters(date_to="ليس تاريخا")
    assert [e.id for e in corpus.store.names.resolve("ولي العهد السعودي")] == ["Q1045375"]
