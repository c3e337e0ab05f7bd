"""The entity knowledge base: shape, coverage and consistency of the shipped data."""
from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from marsad.arabic import normalize
from marsad.entities.kb import INDEX_FILE, build_index, get_kb, load_records

TYPES = {"PER", "LOC", "ORG", "MISC"}


@pytest.fixture(scope="module")
def records():
    return load_records()[0]


def test_at_least_5000_entities_with_valid_fields(records):
    assert len(records) >= 5000
    seen = set()
    for r in records:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r["id"]), r["id"]
        assert r["id"] not in seen, r["id"]
        seen.add(r["id"])
        assert r["type"] in TYPES, r
        assert r["name"] and r["name"].strip() == r["name"], r
        assert r.get("ar") and re.search("[\u0621-\u064a]", r["ar"]), r
        for a in r.get("ar_aliases", []):
            assert re.search("[\u0621-\u064a]", a) and not re.search("[A-Za-z]", a), (r["id"], a)
        if r.get("wikidata"):
            assert re.fullmatch(r"Q\d+", r["wikidata"]), r


def test_references_point_to_entities(records):
    ids = {r["id"] for r in records}
    for r in records:
        for key in ("country", "metonym_of"):
            if r.get(key):
                assert r[key] in ids, (r["id"], key, r[key])


def test_coverage_of_the_families_the_issue_asks_for(records):
    kinds = {}
    for r in records:
        kinds[r.get("kind")] = kinds.get(r.get("kind"), 0) + 1
    assert kinds["country"] >= 190
    assert kinds["capital"] >= 150
    assert kinds["city"] >= 300
    assert kinds["ministry"] >= 2000
    assert kinds["news-agency"] >= 25
    assert kinds["person"] >= 200
    assert kinds.get("armed-group", 0) + kinds.get("party", 0) >= 30
    assert kinds["company"] >= 40
    by_id = {r["id"]: r for r in records}
    for must in ("vladimir-putin", "north-korea", "united-nations-security-council", "united-states-national-security-council",
                 "pyongyang", "kremlin", "reuters", "nato", "ministry-of-foreign-affairs-of-russia"):
        assert must in by_id, must
    assert by_id["pyongyang"]["metonym_of"] == "north-korea"


def test_form_index_is_up_to_date():
    """knowledge/entity_forms.tsv must be rebuilt (kb/build_kb.py) when the entities or the keys change."""
    shipped = (resources.files("marsad.knowledge") / INDEX_FILE).read_text(encoding="utf-8")
    assert shipped == build_index()


def test_adjective_table_maps_to_countries():
    kb = get_kb()
    countries = {i for i in kb.ids() if kb.get(i).kind in ("country", "territory")}
    assert len(kb.adjectives) >= 1500
    assert set(kb.adjectives.values()) <= countries
    for form in kb.adjectives:
        assert form == normalize(form)


def test_cue_lexicon_is_well_formed():
    cues = json.loads((resources.files("marsad.knowledge") / "entity_cues.json").read_text(encoding="utf-8"))
    for key in ("person_titles", "org_heads", "gloss", "reporting_verbs", "stopwords", "first_names"):
        assert cues[key], key
    assert all(isinstance(v, str) and v for v in cues["org_heads"].values())
