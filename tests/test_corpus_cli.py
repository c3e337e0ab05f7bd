"""The corpus commands end to end: JSON shapes, text output, and one-line errors."""
from __future__ import annotations

import json

import pytest

from corpus_helpers import HOSTILE, articles
from marsad.cli import main
from marsad.corpus import Corpus


@pytest.fixture
def db(store_url):
    with Corpus(store_url) as c:
        c.add(articles())
    return store_url


def run(capsys, *argv):
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def test_search_json_shape(db, capsys):
    rc, out, _ = run(capsys, "search", "والعقوبات", "--db", db, "--format", "json")
    assert rc == 0
    (hit,) = json.loads(out)
    assert {"id", "title", "published", "source", "snippet"} <= set(hit)
    assert hit["id"] == "a2" and hit["source"] == "الخليج"


def test_search_text_and_filters(db, capsys):
    rc, out, _ = run(capsys, "search", "", "--entity", "قطر", "--from", "2024-03-15", "--db", db)
    assert rc == 0 and "ولي العهد يزور الدوحة" in out and "وزير الخارجية القطري" not in out
    rc, out, _ = run(capsys, "search", "كلمة_غير_موجودة", "--db", db)
    assert rc == 0 and "no results" in out


@pytest.mark.parametrize("q", HOSTILE[:12] + ["--", "-x"])
def test_search_hostile_cli(db, capsys, q):
    rc, out, err = run(capsys, "search", "--db", db, "--format", "json", "--", q)
    assert rc == 0 and isinstance(json.loads(out), list) and "Traceback" not in err


def test_entity_quotes_events_stats_trends(db, capsys, tmp_path):
    rc, out, _ = run(capsys, "entity", "ولي العهد السعودي", "--db", db, "--format", "json")
    prof = json.loads(out)
    assert rc == 0 and prof["entity"]["id"] == "Q1045375" and prof["co_occurring"][0]["id"] == "Q846"
    rc, out, _ = run(capsys, "entity", "محمد بن سلمان", "--db", db)
    assert rc == 0 and "Mohammed bin Salman" in out and "2024-03-18" in out
    rc, out, _ = run(capsys, "quotes", "--speaker", "محمد بن سلمان", "--about", "قطر", "--db", db, "--format", "json")
    assert rc == 0 and len(json.loads(out)) == 2
    rc, out, _ = run(capsys, "events", "--actor", "الولايات المتحدة", "--db", db)
    assert rc == 0 and "SANCTION" in out
    rc, out, _ = run(capsys, "stats", "--db", db, "--format", "json")
    assert json.loads(out)["articles"] == 4
    chart = tmp_path / "t.svg"
    rc, out, _ = run(capsys, "trends", "قطر", "إيران", "--by", "week", "--chart", str(chart), "--db", db)
    assert rc == 0 and "2024-03-11" in out
    svg = chart.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and svg.count("<polyline") == 2 and "قطر" in svg
    rc, out, _ = run(capsys, "stories", "--db", db, "--format", "json")
    assert rc == 0 and json.loads(out) == []


def test_errors_are_one_line(db, capsys, tmp_path):
    rc, _, err = run(capsys, "entity", "لا أحد هنا", "--db", db)
    assert rc == 1 and err.startswith("marsad: no entity")
    rc, _, err = run(capsys, "search", "قطر", "--db", str(tmp_path / "none.db"))
    assert rc == 1 and "no corpus here" in err
    rc, _, err = run(capsys, "search", "قطر", "--from", "yesterday-ish", "--db", db)
    assert rc == 1 and "--from" in err
    rc, _, err = run(capsys, "trends", "قطر", "--chart", str(tmp_path / "x.gif"), "--db", db)
    assert rc == 1 and ".svg" in err
    rc, _, err = run(capsys, "stats", "--db", "mysql://x/y")
    assert rc == 1 and "postgresql://" in err
    notdb = tmp_path / "notdb.db"
    notdb.write_text("this is not a database " * 100)
    rc, _, err = run(capsys, "stats", "--db", str(notdb))
    assert rc == 1 and "not a marsad corpus" in err


def test_postgres_connection_failure_is_one_line(capsys):
    rc, _, err = run(capsys, "stats", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert rc == 1 and err.startswith("marsad: cannot connect to PostgreSQL")
