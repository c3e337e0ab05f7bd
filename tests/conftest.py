"""Shared test helpers. Tests that need ../shared (corpora, the seed) skip without it."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "fixtures" / "seed" / "article.txt").exists():
        pytest.skip("../shared is not beside the project")
    return SHARED


@pytest.fixture(scope="session")
def seed_article(shared):
    """The seed article analysed as `marsad analyze ... --tz Africa/Cairo` does."""
    from marsad.analysis import analyze
    from marsad.read import read_path

    doc = next(read_path(shared / "fixtures" / "seed" / "article.txt"))
    return analyze(doc, tz="Africa/Cairo")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A fresh, empty corpus URL for each store; PostgreSQL runs when MARSAD_TEST_PG is set (CI sets it)."""
    from corpus_helpers import PgSchema, pg_url

    if request.param == "sqlite":
        yield str(tmp_path / "corpus.db")
        return
    base = pg_url()
    if not base:
        pytest.skip("MARSAD_TEST_PG is not set (scripts/pg.sh start prints one)")
    schema = PgSchema(base)
    try:
        yield schema.url
    finally:
        schema.drop()
