"""Tables for analysts (BI tools, `marsad trends`), computed from the articles table.

- entity_mentions_daily: date, entity_id, name, type, mentions, articles
- entity_cooccurrence:   entity_a, name_a, entity_b, name_b, articles (entity_a < entity_b)
- quotes_by_speaker:     speaker (entity id, or the speaker's words when unresolved),
                         speaker_id, speaker_name, quotes, direct, articles, first_date, last_date
- events_by_actor:       actor_id, actor_name, type, cameo, events, articles, first_date, last_date

`date` is the article's `published_date` (its own calendar date); articles without
a date count under a null date.
"""
from __future__ import annotations

from .schema import PARTITION_COLUMN


def tables(articles) -> dict:
    """name → DataFrame for every aggregate table."""
    names = _entity_names(articles).cache()
    return {
        "entity_mentions_daily": entity_mentions_daily(articles, names),
        "entity_cooccurrence": entity_cooccurrence(articles, names),
        "quotes_by_speaker": quotes_by_speaker(articles, names),
        "events_by_actor": events_by_actor(articles, names),
    }


def _date(articles):
    from pyspark.sql import functions as F

    return F.col(PARTITION_COLUMN).cast("string").alias("date")


def _entity_names(articles):
    """entity id → its most frequent English name and type (computed once per run, small)."""
    from pyspark.sql import functions as F

    e = articles.select(F.explode("entities").alias("e"))
    return F.broadcast(e.groupBy(F.col("e.id").alias("entity_id")).agg(
        F.mode("e.name", deterministic=True).alias("name"), F.mode("e.type", deterministic=True).alias("type")))


def entity_mentions_daily(articles, names=None):
    names = names if names is not None else _entity_names(articles)
    from pyspark.sql import functions as F

    e = articles.select("id", _date(articles), F.explode("entities").alias("e"))
    agg = e.groupBy("date", F.col("e.id").alias("entity_id")).agg(
        F.sum(F.size("e.mentions")).cast("long").alias("mentions"),
        F.countDistinct("id").alias("articles"))
    return agg.join(names, "entity_id", "left").select(
        "date", "entity_id", "name", "type", "mentions", "articles")


def entity_cooccurrence(articles, names=None):
    names = names if names is not None else _entity_names(articles)
    from pyspark.sql import functions as F

    ids = articles.select("id", F.array_distinct(F.col("entities.id")).alias("ents"))
    a = ids.select("id", F.explode("ents").alias("entity_a"))
    b = ids.select(F.col("id").alias("id_b"), F.explode("ents").alias("entity_b"))
    pairs = a.join(b, (a.id == b.id_b) & (a.entity_a < b.entity_b)).groupBy("entity_a", "entity_b").agg(
        F.countDistinct("id").alias("articles"))
    na = names.select(F.col("entity_id").alias("entity_a"), F.col("name").alias("name_a"))
    nb = names.select(F.col("entity_id").alias("entity_b"), F.col("name").alias("name_b"))
    return pairs.join(na, "entity_a", "left").join(nb, "entity_b", "left").select(
        "entity_a", "name_a", "entity_b", "name_b", "articles")


def quotes_by_speaker(articles, names=None):
    names = names if names is not None else _entity_names(articles)
    from pyspark.sql import functions as F

    q = articles.select("id", _date(articles), F.explode("quotes").alias("q"))
    q = q.withColumn("speaker", F.coalesce(F.col("q.speaker_id"), F.col("q.speaker_text")))
    agg = q.where(F.col("speaker").isNotNull()).groupBy("speaker").agg(
        F.first("q.speaker_id", ignorenulls=True).alias("speaker_id"),
        F.count(F.lit(1)).alias("quotes"),
        F.sum(F.col("q.direct").cast("long")).alias("direct"),
        F.countDistinct("id").alias("articles"),
        F.min("date").alias("first_date"), F.max("date").alias("last_date"))
    names = names.select(F.col("entity_id").alias("speaker_id"), F.col("name").alias("speaker_name"))
    return agg.join(names, "speaker_id", "left").select(
        "speaker", "speaker_id", "speaker_name", "quotes", "direct", "articles", "first_date", "last_date")


def events_by_actor(articles, names=None):
    names = names if names is not None else _entity_names(articles)
    from pyspark.sql import functions as F

    ev = articles.select("id", _date(articles), F.explode("events").alias("v"))
    agg = ev.where(F.col("v.actor_id").isNotNull()).groupBy(
        F.col("v.actor_id").alias("actor_id"), F.col("v.type").alias("type"), F.col("v.cameo").alias("cameo")).agg(
        F.count(F.lit(1)).alias("events"), F.countDistinct("id").alias("articles"),
        F.min("date").alias("first_date"), F.max("date").alias("last_date"))
    names = names.select(F.col("entity_id").alias("actor_id"), F.col("name").alias("actor_name"))
    return agg.join(names, "actor_id", "left").select(
        "actor_id", "actor_name", "type", "cameo", "events", "articles", "first_date", "last_date")
