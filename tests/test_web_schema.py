"""Property-based run of the API against its own OpenAPI schema (schemathesis): no server
errors and responses that conform, for a few generated requests per endpoint."""
from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.specs.openapi.checks import positive_data_acceptance  # noqa: E402

from marsad.web.app import create_app  # noqa: E402
from webdata import make_corpus  # noqa: E402


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def app(request, tmp_path_factory):
    """The app over the test corpus in each store (PostgreSQL when MARSAD_TEST_PG is set; CI sets it)."""
    from corpus_helpers import PgSchema, pg_url

    schema = None
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("schema") / "schema.db")
    else:
        if not pg_url():
            pytest.skip("MARSAD_TEST_PG is not set (scripts/pg.sh start prints one)")
        schema = PgSchema(pg_url())
        url = schema.url
    app = create_app(db=make_corpus(url), token="t0ken", max_body=32 * 1024)
    yield app
    app.state.backend.close()
    if schema:
        schema.drop()


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture(scope="session")
def api_schema(app):
    return schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_conforms_to_its_schema(case):
    # Whether a body is an article (has text after layout, a real time zone) is more than
    # a schema can say, so a schema-valid body may fairly get 400 there: skip only that check.
    excluded = [positive_data_acceptance] if case.method.upper() == "POST" else []
    case.call_and_validate(excluded_checks=excluded)
