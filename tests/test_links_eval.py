"""The real-news entity gold set (tests/data/links_gold) and `marsad evaluate links`."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.entities.kb import get_kb
from marsad.evaluation import links

GOLD = Path(__file__).parent / "data" / "links_gold"
ROOT = Path(__file__).resolve().parents[1]


def _part(name):
    return [json.loads(x) for x in (GOLD / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]


@pytest.fixture(scope="module")
def parts():
    return {p: _part(p) for p in links.PARTS}


def test_split_sizes_and_sections(parts):
    assert len(parts["dev"]) == 40 and len(parts["test"]) == 20
    ids = [d["id"] for p in parts.values() for d in p]
    assert len(set(ids)) == 60
    docs = parts["dev"] + parts["test"]
    assert sum(d["category"] in ("sport", "economy", "local") for d in docs) >= 15
    assert len({d["outlet"] for d in docs}) >= 8 and {d["source"] for d in docs} == {"ant", "saudinewsnet"}


def test_every_mention_is_well_formed(parts):
    kb = get_kb()
    for d in parts["dev"] + parts["test"]:
        assert {"id", "source", "outlet", "category", "title", "published", "text", "mentions"} <= set(d)
        for field, key in (("text", "mentions"), ("title", "title_mentions")):
            prev_end = -1
            for m in sorted(d.get(key, []), key=lambda m: m["start"]):
                where = f"{d['id']} {m}"
                assert d[field][m["start"]:m["end"]] == m["surface"], where
                assert m["start"] >= prev_end, f"overlapping mentions: {where}"
                prev_end = m["end"]
                assert m["type"] in links.TYPES, where
                assert m["kb"] is None or kb.get(m["kb"]) is not None, where
                assert m["name_en"], where
                assert m["wikidata"] is None or m["wikidata"].startswith("Q"), where
                # no clitic left on a span: the surface starts with no letter of و ف ب ك ل before ال
                assert not m["surface"].startswith(("وال", "بال", "فال", "كال")), where


def _m(start, end, type_, kb=None, qid=None, surface="x"):
    return {"start": start, "end": end, "type": type_, "kb": kb, "wikidata": qid, "surface": surface, "name_en": None}


def test_score_arithmetic_on_a_hand_made_case():
    gold = {"id": "g", "text": "x" * 100, "mentions": [
        _m(0, 5, "PER", "vladimir-putin", "Q7747"),  # linked right by id
        _m(10, 15, "LOC", "riyadh"),                  # linked wrong
        _m(20, 25, "ORG"),                            # NIL, marsad links it: a wrong link
        _m(30, 35, "LOC", None, "Q90"),               # NIL in the KB but a QID: marsad links the same QID
        _m(40, 45, "MISC"),                           # missed
    ]}
    pred = [
        _m(0, 5, "PER", "vladimir-putin", "Q7747"),
        _m(10, 15, "LOC", "al-raed"),
        _m(20, 25, "LOC", "accra"),
        _m(30, 35, "LOC", "paris-geonames", "Q90"),
        _m(50, 55, "PER"),                            # spurious, unlinked
    ]
    res, errors = links.score([(gold, pred)])
    assert res["mentions"]["ALL"]["tp"] == 3 and res["mentions"]["ALL"]["pred"] == 5 and res["mentions"]["ALL"]["gold"] == 5
    assert res["spans"]["tp"] == 4
    lk = res["links"]
    assert lk["linked"] == 4 and lk["right"] == 2
    assert res["link_precision"] == pytest.approx(0.5)
    assert lk["gold_linkable"] == 3 and lk["recalled"] == 2
    assert res["link_recall"] == pytest.approx(2 / 3)
    assert lk["gold_nil"] == 3 and lk["nil_linked"] == 1 and lk["nil_kept"] == 1
    assert len(errors["missed"]) == 1 and len(errors["spurious"]) == 1
    assert len(errors["wrong_link"]) == 1 and len(errors["nil_linked"]) == 1 and len(errors["wrong_type"]) == 1


def test_offsets_survive_a_changed_text():
    src = "قال بوتين\n\n\nفي موسكو"
    dst = "قال بوتين\n\nفي موسكو"
    omap = links.offset_map(src, dst)
    a = src.index("موسكو")
    assert dst[omap[a]:omap[a + 5]] == "موسكو"


def test_cli_runs_on_one_dev_article():
    env = {"PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-m", "marsad.cli", "evaluate", "links", "--part", "dev", "--limit", "1",
                          "--json", "--show", "2", "--gold", str(GOLD)],
                         capture_output=True, text=True, env={**__import__("os").environ, **env}, timeout=300)
    assert out.returncode == 0, out.stderr
    res = json.loads(out.stdout)
    assert res["articles"] == 1 and res["part"] == "dev"
    assert 0.0 <= res["link_precision"] <= 1.0 and res["mentions"]["ALL"]["gold"] > 0
    assert set(res["errors"]) >= {"missed", "wrong_link", "nil_linked"}


def test_links_are_judged_on_overlapping_spans_and_every_link_counts():
    gold = {"id": "g", "text": "x" * 100, "mentions": [
        _m(0, 10, "ORG", "houthis"),          # marsad's span starts one letter earlier (`للحوثيين`)
        _m(20, 35, "MISC"),                   # `كوبا أميركا`: NIL
    ]}
    pred = [
        _m(0, 11, "ORG", "houthis"),          # overlaps: right
        _m(20, 24, "LOC", "cuba"),            # inside a NIL name: a wrong link
        _m(60, 65, "LOC", "accra"),           # on no gold mention: a wrong link
    ]
    res, errors = links.score([(gold, pred)])
    lk = res["links"]
    assert lk["linked"] == 3 and lk["right"] == 1 and lk["nil_linked"] == 1 and lk["linked_off_gold"] == 1
    assert res["link_precision"] == pytest.approx(1 / 3) and res["link_recall"] == pytest.approx(1.0)
    assert res["mentions"]["ALL"]["tp"] == 0  # the mention finder is scored on exact spans


def test_a_gold_nil_entity_the_kb_later_holds_counts_by_its_english_name():
    gold = {"id": "g", "text": "x" * 100, "mentions": [
        {**_m(0, 10, "MISC"), "name_en": "Copa América"},      # NIL when annotated
        {**_m(20, 30, "ORG"), "name_en": "Sevilla FC"},        # NIL, still not in the KB
    ]}
    pred = [
        {**_m(0, 10, "MISC", "copa-america"), "name_en": "Copa America"},   # accents folded
        {**_m(20, 30, "LOC", "seville"), "name_en": "Seville"},            # another entity: wrong
    ]
    res, _errors = links.score([(gold, pred)], link_names={"copa america", "seville"})
    lk = res["links"]
    assert lk["linked"] == 2 and lk["right"] == 1
    assert lk["gold_linkable"] == 1 and lk["recalled"] == 1
