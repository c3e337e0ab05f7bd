"""The Parquet shape of the Article record, the per-partition worker and shingles — no Spark needed."""
from __future__ import annotations

import dataclasses
import json

import pytest

from marsad.dedup import shingles
from marsad.article import Article, Entity, Event, Mention, Quote, Source, Timex
from marsad.spark import records, schema
from marsad.spark.dedup import exact_pairs, story_groups
from marsad.spark.worker import FILE, LINE, Analyze, RawRow

BODY = ("أعلن وزير الخارجية المصري اليوم أن القاهرة ستستضيف قمة عربية الشهر المقبل لبحث الأوضاع في غزة. "
        "وقال الوزير في مؤتمر صحفي إن الدعوات وجهت إلى جميع القادة العرب.")


def _annotated() -> Article:
    return Article(
        id="x1", source=Source(path="/data/x.jsonl", format="jsonl"), title="قمة عربية في القاهرة",
        published="2024-06-18T10:00:00+03:00", text=BODY,
        entities=[Entity(id="cairo", name="Cairo", type="LOC", name_ar="القاهرة",
                         mentions=[Mention("القاهرة", 37, 44)], aliases=["Al-Qahira"])],
        quotes=[Quote(text="الدعوات وجهت", start=120, end=132, direct=False, speaker_text="الوزير")],
        timexes=[Timex(text="اليوم", start=27, end=32, type="DATE", value="2024-06-18"),
                 Timex(text="الشهر المقبل", start=70, end=82, type="DATE", value=["2024-07", "2024-08"])],
        events=[Event(type="MEET", cameo="043", text="قمة", start=60, end=63, when=None)],
    )


def test_schema_follows_every_dataclass_field():
    t = schema.article_type()
    assert [f.name for f in t.fields] == [f.name for f in dataclasses.fields(Article)]
    ent = next(f for f in t.fields if f.name == "entities").type
    assert ent.kind == "list" and ent.element.kind == "struct"
    mentions = next(f for f in ent.element.fields if f.name == "mentions").type
    assert [f.name for f in mentions.element.fields] == ["text", "start", "end"]
    assert schema.json_paths() == ["timexes.value", "events.when"]


def test_a_new_field_appears_without_touching_the_schema_code():
    @dataclasses.dataclass
    class Extended:
        a: str
        score: float = 0.0
        tags: list[str] = dataclasses.field(default_factory=list)
        extra: "int | None" = None

    t = schema.struct_of(Extended)
    assert [(f.name, f.type.kind) for f in t.fields] == [("a", "string"), ("score", "double"), ("tags", "list"),
                                                         ("extra", "long")]


def test_row_round_trip_keeps_scalar_and_list_values_apart():
    art = _annotated()
    row = records.to_row(art)
    assert row["published_date"] == "2024-06-18"
    assert row["timexes"][0]["value"] == json.dumps("2024-06-18")
    assert json.loads(row["timexes"][1]["value"]) == ["2024-07", "2024-08"]
    assert row["events"][0]["when"] is None
    back = records.from_row(row)
    assert back == art
    assert back.timexes[1].value == ["2024-07", "2024-08"]


def test_row_without_date_has_no_partition_value():
    assert records.to_row(Article(id="n", text="نص")).get("published_date") is None


def test_parquet_round_trip_without_spark(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    from marsad.spark.parquet import is_parquet, read_articles

    arts = [_annotated(), Article(id="x2", text="خبر قصير عن الطقس في عمان", published=None)]
    rows = [records.to_row(a) for a in arts]
    for r in rows:
        r.pop("published_date")
    table = pa.Table.from_pylist(rows, schema=pa.schema(list(schema.to_arrow())))
    d = tmp_path / "out" / "articles" / "published_date=2024-06-18"
    d.mkdir(parents=True)
    pq.write_table(table, d / "part-0.parquet")
    (tmp_path / "out" / "articles" / "_SUCCESS").write_text("")
    assert is_parquet(tmp_path / "out")
    assert sorted(read_articles(tmp_path / "out"), key=lambda a: a.id) == arts


def test_reading_something_else_as_parquet_is_one_clear_error(tmp_path):
    pytest.importorskip("pyarrow")
    from marsad.errors import InputError
    from marsad.spark.parquet import read_articles

    bad = tmp_path / "x.parquet"
    bad.write_text("ليس ملف باركيه")
    with pytest.raises(InputError, match="cannot read Parquet"):
        list(read_articles(bad))
    with pytest.raises(InputError, match="no such file"):
        list(read_articles(tmp_path / "missing"))


def test_worker_turns_bad_records_into_error_rows_and_never_raises():
    good = json.dumps({"id": "g1", "title": "عنوان", "published": "2024-06-18", "text": BODY}, ensure_ascii=False)
    rows = [
        RawRow(LINE, "file:///data/a.jsonl", good, None),
        RawRow(LINE, "file:///data/a.jsonl", "{not json", None),
        RawRow(LINE, "file:///data/a.jsonl", json.dumps({"id": "t0", "title": "بلا نص"}), None),
        RawRow(FILE, "file:/data/img.bin", None, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8),
        RawRow(FILE, "file:/data/scrape.txt", None, ("عنوان الخبر\n\n" + BODY).encode()),
    ]
    out = list(Analyze()(tuple(r) for r in rows))
    ok = [o for o in out if o[0] is not None]
    errors = [o[3] for o in out if o[3] is not None]
    assert len(ok) == 2 and len(errors) == 3
    assert {e[1] for e in errors} == {"read"}
    sources = [e[0] for e in errors]
    assert sources[0].startswith("/data/a.jsonl record") and "malformed JSON" in errors[0][2]
    assert sources[1] == "/data/a.jsonl id=t0" and "no text" in errors[1][2]
    assert sources[2] == "/data/img.bin" and "binary" in errors[2][2]
    art_tuple, date, sh, _ = ok[0]
    assert date == "2024-06-18" and sh == sorted(shingles(BODY))  # the single-machine detector's shingles
    assert art_tuple[0] == "g1"  # tuples in schema order: id first
    assert ok[1][0][2][0] == "/data/scrape.txt"  # source.path, as `marsad analyze` gives it


def test_worker_reports_an_annotator_crash_as_an_error_row(monkeypatch):
    import marsad.analysis

    def boom(*a, **k):
        raise RuntimeError("annotator exploded")

    monkeypatch.setattr(marsad.analysis, "analyze", boom)
    out = list(Analyze().rows([RawRow(LINE, "/d/a.jsonl", json.dumps({"id": "z", "text": BODY}), None)]))
    assert out == [(None, None, None, ("/d/a.jsonl", "analyze", "RuntimeError: annotator exploded"))]


def test_hash_tables_keep_pairs_at_the_threshold():
    from marsad.spark.dedup import hash_tables

    for t in (0.25, 0.5, 0.8):
        n = hash_tables(t)
        assert 1 - (1 - t) ** n >= 0.99 and 1 - (1 - t) ** (n - 1) < 0.99


def test_story_groups_are_connected_components_named_by_smallest_id():
    assert story_groups([("b", "c"), ("a", "b"), ("x", "y")]) == [["a", "b", "c"], ["x", "y"]]
    assert story_groups([]) == []


def test_exact_pairs_finds_copies_and_not_different_stories():
    base = BODY + " وأضاف أن القمة ستناقش ملفات الأمن والاقتصاد والطاقة في المنطقة."
    sets = {
        "a": shingles(base),
        "b": shingles("قالت مصادر إن " + base + " المصدر: وكالات."),  # a republished wire copy
        "c": shingles("فاز المنتخب السعودي على نظيره العماني بهدفين نظيفين في المباراة التي أقيمت مساء أمس في الرياض."),
    }
    pairs = exact_pairs(sets, threshold=0.5)
    assert [(a, b) for a, b, _ in pairs] == [("a", "b")] and pairs[0][2] >= 0.5


def test_rows_hold_plain_python_scalars_whatever_an_annotator_returns():
    np = pytest.importorskip("numpy")
    from marsad.article import Keyword, Topic

    art = Article(id="np", text=BODY, keywords=[Keyword(np.str_("قمة"), np.float32(0.5))],
                  topics=[Topic(np.str_("politics"), np.float64(0.9))],
                  timexes=[Timex("اليوم", np.int64(27), np.int64(32), "DATE", "2024-06-18")])
    row = records.to_row(art)
    values = [row["keywords"][0]["text"], row["keywords"][0]["score"], row["topics"][0]["label"],
              row["timexes"][0]["start"]]
    assert [type(v) for v in values] == [str, float, str, int]
