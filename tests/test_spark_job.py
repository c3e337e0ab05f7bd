"""`marsad spark analyze` in local[2] mode over a few hundred real articles and some bad records.

One SparkSession and one job run for the whole module; every test reads that output.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("pyspark")
pytestmark = pytest.mark.spark  # `pytest -m "not spark"` leaves these out
pytest.importorskip("pyarrow")

from marsad.spark import job  # noqa: E402
from marsad.spark.parquet import read_articles  # noqa: E402
from spark_helpers import ant_records  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MARSAD = [sys.executable, "-m", "marsad.cli"]
N_ARTICLES = 240


def _warc(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=False)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")),
                                            http_headers=headers))
    return buf.getvalue()


@pytest.fixture(scope="module")
def corpus(shared, tmp_path_factory):
    """An input folder: two JSON Lines files (one gzipped), scrapes, a WARC, near-copies and bad records."""
    d = tmp_path_factory.mktemp("spark-in")
    recs = ant_records(shared, N_ARTICLES)
    assert len(recs) == N_ARTICLES
    half = N_ARTICLES // 2
    # near-copies: the same wire story under other ids, with a sentence added
    extra = "\nوأضاف المراسل أن السلطات ستعلن مزيدا من التفاصيل خلال الأيام المقبلة."
    copies = [{**r, "id": r["id"] + "-copy", "url": None, "text": r["text"] + extra} for r in recs[:5]
              if len(r["text"]) > 600]
    # an edited copy: the first half of the story's paragraphs only (similarity near 0.5)
    long = next(r for r in recs[5:] if r["text"].count("\n") >= 6)
    paras = long["text"].split("\n")
    copies.append({**long, "id": long["id"] + "-half", "url": None, "text": "\n".join(paras[: len(paras) // 2])})
    lines = [json.dumps(r, ensure_ascii=False) for r in recs[:half] + copies]
    lines.insert(3, "{this is not json")
    lines.insert(7, json.dumps({"id": "no-text", "title": "عنوان بلا نص"}, ensure_ascii=False))
    (d / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with gzip.open(d / "أخبار ب.jsonl.gz", "wt", encoding="utf-8") as fh:
        for r in recs[half:-12]:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    scrapes = d / "scrapes"
    scrapes.mkdir()
    for r in recs[-12:-2]:
        (scrapes / f"{r['id']} خبر.txt").write_text(f"{r['title']}\n\n{r['text']}\n", encoding="utf-8")
    page = "<html><head><title>{t}</title></head><body><article><h1>{t}</h1>{p}</article></body></html>"
    (d / "crawl.warc").write_bytes(_warc([
        (r["url"] or f"https://example.com/{r['id']}",
         page.format(t=r["title"], p="".join(f"<p>{p}</p>" for p in r["text"].split("\n") if p.strip())))
        for r in recs[-2:]]))
    (scrapes / "photo.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (scrapes / "empty.txt").write_bytes(b"")
    return d


@pytest.fixture(scope="module")
def spark():
    # a short-lived test JVM: C1-only JIT and a serial GC start faster and leave the cores to the work
    conf = {"spark.sql.shuffle.partitions": "2",
            "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"}
    conf.update(json.loads(os.environ.get("MARSAD_TEST_SPARK_CONF", "{}")))
    s = job.session("local[2]", app="marsad-tests", conf=conf)
    yield s
    s.stop()


@pytest.fixture(scope="module")
def output(spark, corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("spark-out") / "run"
    summary = job.run(spark, [str(corpus)], str(out), partitions=4)
    return out, summary


def _canon(article_json: str) -> str:
    return json.dumps(json.loads(article_json), ensure_ascii=False, sort_keys=True)


def test_every_record_equals_marsad_analyze(output, corpus):
    out, summary = output
    cli = subprocess.run(MARSAD + ["analyze", str(corpus)], capture_output=True, text=True, cwd=ROOT)
    expected = Counter(_canon(line) for line in cli.stdout.splitlines() if line.strip())
    got = Counter(_canon(a.to_json()) for a in read_articles(out))
    assert sum(expected.values()) >= N_ARTICLES
    assert got == expected
    assert summary.articles == sum(expected.values())


def test_bad_records_land_in_errors_with_source_and_reason(output, spark, corpus):
    out, summary = output
    rows = spark.read.parquet(str(out / "errors")).collect()
    assert summary.errors == len(rows) == 4
    by_source = {r["source"]: r for r in rows}
    bad_json = next(r for s, r in by_source.items() if s.startswith(f"{corpus}/a.jsonl record"))
    assert "malformed JSON" in bad_json["reason"] and bad_json["stage"] == "read"
    assert "no text" in by_source[f"{corpus}/a.jsonl id=no-text"]["reason"]
    assert "binary" in by_source[f"{corpus}/scrapes/photo.bin"]["reason"]
    assert "empty" in by_source[f"{corpus}/scrapes/empty.txt"]["reason"]


def test_articles_are_partitioned_by_their_publication_date(output, spark):
    out, _ = output
    parts = sorted(p.name for p in (out / "articles").iterdir() if p.is_dir())
    dated = [p for p in parts if re.fullmatch(r"published_date=2018-03-\d\d", p)]
    # the scrapes and pages carry no date: Spark's null partition
    assert len(dated) >= 20 and set(parts) - set(dated) == {"published_date=__HIVE_DEFAULT_PARTITION__"}
    df = spark.read.parquet(str(out / "articles"))
    assert df.where("substring(published, 1, 10) != cast(published_date as string)").count() == 0
    assert df.where("published is null").count() == df.where("published_date is null").count() > 0


def test_near_duplicate_stories_agree_with_the_single_machine_detector(output, spark):
    from marsad.dedup import NearDuplicateIndex, shingles
    from marsad.spark.dedup import exact_pairs, story_groups

    out, summary = output
    arts = list(read_articles(out))
    got = {(r["id_a"], r["id_b"]) for r in spark.read.parquet(str(out / "duplicates")).collect()}
    assert any(b.endswith("-copy") for _, b in got) and any(b.endswith("-half") for _, b in got)
    # exactly the pairs an exhaustive comparison of the same shingles finds
    assert got == {(a, b) for a, b, _ in exact_pairs({a.id: shingles(a.text) for a in arts})}
    stories = spark.read.parquet(str(out / "stories")).collect()
    groups: dict[str, list[str]] = {}
    for r in stories:
        groups.setdefault(r["story"], []).append(r["id"])
    assert sorted(sorted(g) for g in groups.values()) == story_groups(got)
    assert summary.stories == len(groups)
    # and the story groups of the single-machine detector (datasketch MinHash LSH)
    index = NearDuplicateIndex()
    for a in arts:
        index.add(a.id, a.text)
    assert sorted(sorted(g) for g in index.groups()) == story_groups(got)


def test_aggregate_tables_count_entities_quotes_and_events(spark):
    from marsad.article import Article, Entity, Event, Mention, Quote
    from marsad.spark import aggregates
    from marsad.spark.records import to_row
    from marsad.spark.schema import article_type, to_spark
    from marsad.spark.worker import _as_tuple

    def ent(i, name, n):
        return Entity(id=i, name=name, type="PER" if i != "cairo" else "LOC",
                      mentions=[Mention("س", 0, 1)] * n)

    arts = [
        Article(id="1", published="2024-06-18T09:00:00+03:00", text="نص",
                entities=[ent("sisi", "Abdel Fattah el-Sisi", 2), ent("cairo", "Cairo", 1)],
                quotes=[Quote("قال", 0, 3, True, speaker_text="السيسي", speaker_id="sisi")],
                events=[Event("MEET", "043", "التقى", 0, 5, actor_id="sisi", target_id="cairo")]),
        Article(id="2", published="2024-06-18T15:00:00+03:00", text="نص",
                entities=[ent("sisi", "Abdel Fattah el-Sisi", 1), ent("cairo", "Cairo", 3)],
                quotes=[Quote("أضاف", 0, 4, False, speaker_text="مصدر مسؤول")]),
        Article(id="3", published="2024-06-19", text="نص", entities=[ent("sisi", "Abdel Fattah el-Sisi", 1)],
                quotes=[Quote("أكد", 0, 3, True, speaker_text="الرئيس", speaker_id="sisi")],
                events=[Event("MEET", "043", "اجتمع", 0, 5, actor_id="sisi")]),
    ]
    schema = to_spark()
    from pyspark.sql import types as T

    schema = T.StructType(list(schema.fields) + [T.StructField("published_date", T.StringType())])
    rows = []
    for a in arts:
        r = to_row(a)
        date = r.pop("published_date")
        rows.append(tuple(_as_tuple(r, article_type())) + (date,))
    df = spark.createDataFrame(rows, schema)
    t = aggregates.tables(df)
    daily = {(r["date"], r["entity_id"]): (r["mentions"], r["articles"], r["name"])
             for r in t["entity_mentions_daily"].collect()}
    assert daily == {("2024-06-18", "sisi"): (3, 2, "Abdel Fattah el-Sisi"), ("2024-06-18", "cairo"): (4, 2, "Cairo"),
                     ("2024-06-19", "sisi"): (1, 1, "Abdel Fattah el-Sisi")}
    co = [(r["entity_a"], r["entity_b"], r["articles"]) for r in t["entity_cooccurrence"].collect()]
    assert co == [("cairo", "sisi", 2)]
    q = {r["speaker"]: (r["quotes"], r["direct"], r["speaker_name"], r["first_date"], r["last_date"])
         for r in t["quotes_by_speaker"].collect()}
    assert q == {"sisi": (2, 2, "Abdel Fattah el-Sisi", "2024-06-18", "2024-06-19"),
                 "مصدر مسؤول": (1, 0, None, "2024-06-18", "2024-06-18")}
    ev = [(r["actor_id"], r["actor_name"], r["type"], r["events"], r["articles"]) for r in t["events_by_actor"].collect()]
    assert ev == [("sisi", "Abdel Fattah el-Sisi", "MEET", 2, 2)]


def test_cli_bad_paths_are_one_line_errors_before_spark_starts(tmp_path, capsys):
    from marsad.cli import main

    assert main(["spark", "analyze", "--input", str(tmp_path / "missing"), "--output", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("marsad: --input") and "no such file" in err and "\n" not in err
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    (tmp_path / "in.jsonl").write_text("{}")
    assert main(["spark", "analyze", "-i", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "full")]) == 1
    assert "not empty" in capsys.readouterr().err


def test_parquet_output_loads_with_marsad_ingest_without_analysing_again(output, tmp_path, monkeypatch):
    import marsad.analysis
    from marsad.cli import main
    from marsad.corpus import Corpus

    out, summary = output

    def no_analysis(*a, **k):
        raise AssertionError("ingest of Spark output must not analyse again")

    monkeypatch.setattr(marsad.analysis, "analyze", no_analysis)
    db = tmp_path / "corpus.db"
    assert main(["ingest", str(out), "--db", str(db), "--quiet", "--workers", "1"]) == 0
    parquet = {a.id: a for a in read_articles(out)}
    with Corpus(str(db)) as c:
        stored = {a.id: a for a in c.articles()}
        assert c.stats()["articles"] == len(stored)
    assert all(_canon(a.to_json()) == _canon(parquet[i].to_json()) for i, a in stored.items())
    # what the corpus did not add it holds already (its rule: same id, URL or text)
    texts, urls = {a.text for a in stored.values()}, {a.source.url for a in stored.values()}
    missing = [a for i, a in parquet.items() if i not in stored]
    assert len(missing) <= 3 and all(a.text in texts or a.source.url in urls for a in missing)
    # a second load of the same output changes nothing
    assert main(["ingest", str(out), "--db", str(db), "--quiet", "--workers", "1"]) == 0
    with Corpus(str(db)) as c:
        assert c.stats()["articles"] == len(stored)


def _spark_view(spark, out) -> dict:
    df = spark.read.parquet(str(out / "articles"))
    return {r["id"]: (r["published_date"] and str(r["published_date"]), r["title"], r["n"])
            for r in df.selectExpr("id", "published_date", "title",
                                   "coalesce(aggregate(entities, 0, (acc, e) -> acc + size(e.mentions)), 0) as n").collect()}


def test_output_reads_with_duckdb(output, spark):
    duckdb = pytest.importorskip("duckdb")
    out, summary = output
    con = duckdb.connect()
    arts = f"read_parquet('{out}/articles/**/*.parquet', hive_partitioning = true)"
    rows = con.execute(f"select id, cast(published_date as varchar), title, "
                      f"coalesce(list_sum([len(e.mentions) for e in entities]), 0) from {arts}").fetchall()
    got = {i: (d, t, int(n)) for i, d, t, n in rows}
    assert len(rows) == len(got) == summary.articles
    assert got == _spark_view(spark, out)
    assert any(d is None for d, _, _ in got.values())  # the undated partition reads as NULL
    daily = con.execute(f"select sum(mentions) from '{out}/entity_mentions_daily/*.parquet'").fetchone()[0]
    assert daily == spark.read.parquet(str(out / "entity_mentions_daily")).selectExpr("sum(mentions)").first()[0]


def test_output_reads_with_pandas(output, spark):
    pd = pytest.importorskip("pandas")
    import pyarrow as pa
    import pyarrow.dataset as ds

    out, summary = output
    dated = ds.partitioning(pa.schema([("published_date", pa.string())]), flavor="hive")
    df = pd.read_parquet(out / "articles", columns=["id", "published_date", "title", "entities"], partitioning=dated)
    got = {r.id: (None if pd.isna(r.published_date) else r.published_date, r.title,
                  sum(len(e["mentions"]) for e in (r.entities if r.entities is not None else []))) for r in df.itertuples()}
    assert len(df) == len(got) == summary.articles
    assert got == _spark_view(spark, out)
    errors = pd.read_parquet(out / "errors")
    assert sorted(errors.columns) == ["reason", "source", "stage"] and len(errors) == summary.errors


def test_missing_java_is_one_clear_line(tmp_path, monkeypatch, capsys):
    from marsad.cli import main

    (tmp_path / "in.jsonl").write_text('{"text": "نص"}\n')
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "no-jdk"))
    assert main(["spark", "analyze", "-i", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("marsad: Spark needs Java 17+") and err.count("\n") == 1


def test_inputs_are_listed_through_hadoop_with_globs_and_hidden_files_skipped(spark, corpus):
    (corpus / ".hidden.jsonl").write_text("{}\n")
    try:
        found = job.list_inputs(spark, [str(corpus / "*.jsonl*"), f"file://{corpus}/scrapes"])
    finally:
        (corpus / ".hidden.jsonl").unlink()
    names = sorted(p.rsplit("/", 1)[-1] for p in found.jsonl)
    assert names == ["a.jsonl", "أخبار ب.jsonl.gz"] or [n.replace("%20", " ") for n in names] == [
        "a.jsonl", "أخبار ب.jsonl.gz"]
    assert len(found.files) == 11 and [p.rsplit("/", 1)[-1] for p in found.empty] == ["empty.txt"]
    with pytest.raises(job.MarsadError, match="no such file"):
        job.list_inputs(spark, [str(corpus / "nothing-here-*.jsonl")])
