"""The quotes and events stages on the seed and on the repository's gold sets
(`marsad evaluate quotes|events FILE`), with the whole pipeline (entities, timex)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.arabic import normalize
from marsad.evaluation import events as ev_eval
from marsad.evaluation import quotes as q_eval
from marsad.evaluation._gold import prf, read_gold

DATA = Path(__file__).resolve().parent / "data"
MARSAD = [sys.executable, "-m", "marsad.cli"]


def test_quotes_gold_set_scores():
    docs = read_gold(str(DATA / "quotes_gold.jsonl"), "quotes")
    assert sum(len(d["quotes"]) for d in docs) >= 60
    s = q_eval.score(docs)
    _p, _r, f = prf(s["attributed"], s["system"], s["gold"])
    assert f >= 0.90, s


def test_events_gold_set_scores():
    docs = read_gold(str(DATA / "events_gold.jsonl"), "events")
    assert sum(len(d["events"]) for d in docs) >= 80
    s = ev_eval.score(docs)
    _p, _r, f = prf(s["full"], s["system"], s["gold"])
    assert f >= 0.80, s


def test_evaluate_command_prints_the_table():
    p = subprocess.run(MARSAD + ["evaluate", "quotes", str(DATA / "quotes_gold.jsonl")], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert "| speaker attribution |" in p.stdout


@pytest.mark.parametrize("content", ["not json\n", '{"text": "قال"}\n', ""])
def test_evaluate_bad_gold_is_one_line_error(tmp_path, content):
    f = tmp_path / "gold.jsonl"
    f.write_text(content, encoding="utf-8")
    for kind in ("quotes", "events"):
        p = subprocess.run(MARSAD + ["evaluate", kind, str(f)], capture_output=True, text=True, timeout=120)
        assert p.returncode == 1 and "Traceback" not in p.stderr
        assert len(p.stderr.strip().splitlines()) == 1


def _name(article, entity_id):
    e = article.entity(entity_id) if entity_id else None
    return e.name if e else None


def test_seed_quotations_and_speakers(shared, seed_article):
    gold = json.loads((shared / "fixtures/seed/expected.json").read_text(encoding="utf-8"))
    names = {"Lim Soo-suk", "Lim Soo Suk"}
    for g in gold["quotes"]:
        key = normalize(g["starts"]).replace("ان ", "", 1)[:12]
        hits = [q for q in seed_article.quotes if normalize(q.text).lstrip('"« ').startswith(key)]
        assert hits, g["starts"]
        want = {g["speaker"]} | (names if g["speaker"] in names else set())
        assert any(_name(seed_article, q.speaker_id) in want for q in hits), (g, [(q.speaker_text, q.speaker_id) for q in hits])
        assert any(q.direct == g["direct"] for q in hits)


def test_seed_events(shared, seed_article):
    gold = json.loads((shared / "fixtures/seed/expected.json").read_text(encoding="utf-8"))
    as_set = lambda v: set(v if isinstance(v, list) else [v]) if v else set()
    for g in gold["events"]:
        def ok(e):
            if e.type != g["type"]:
                return False
            if g.get("actor") and _name(seed_article, e.actor_id) not in as_set(g["actor"]):
                return False
            if g.get("target") and _name(seed_article, e.target_id) not in as_set(g["target"]):
                return False
            if g.get("when"):
                w = e.when if isinstance(e.when, list) else [e.when]
                if not as_set(g["when"]) & {str(x) for x in w}:
                    return False
            return True
        assert any(ok(e) for e in seed_article.events), g
