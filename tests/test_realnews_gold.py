"""Integrity of the real-news quotation and event gold set (tests/data/realnews_gold):
the split, the offsets, the known types and kinds, and that the scorers can read it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.evaluation._gold import from_realnews, read_gold

DATA = Path(__file__).resolve().parent / "data"
GOLD = DATA / "realnews_gold"
TYPES = set(json.loads((Path(__file__).resolve().parents[1] / "src" / "marsad" / "knowledge" / "event_triggers.json")
                       .read_text(encoding="utf-8"))["types"])
KINDS = {"person", "organisation", "document", "anonymous"}
AGENTS = {"MIL", "CVL", "COP", "REB", "GOV", "MED", "PTS", "NGO", "BUS", "JUD"}
QUOTE_KEYS = {"start", "end", "text", "cue", "direct", "speaker_text", "speaker", "speaker_kind", "anonymous_type", "note"}
EVENT_KEYS = {"type", "trigger", "start", "end", "actor", "target", "when", "where", "polarity", "planned", "note"}


def _records(part: str) -> list[dict]:
    return [json.loads(x) for x in (GOLD / f"{part}.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]


def _participant_errors(v, where: str) -> list[str]:
    if v is None:
        return []
    if isinstance(v, list):
        return [] if v and all(isinstance(x, str) and x.strip() for x in v) else [f"{where}: bad alias list {v!r}"]
    if isinstance(v, dict):
        errs = [] if v.get("agent") in AGENTS else [f"{where}: unknown agent {v.get('agent')!r}"]
        if set(v) - {"agent", "country", "of", "text"}:
            errs.append(f"{where}: unknown agent fields {sorted(set(v) - {'agent', 'country', 'of', 'text'})}")
        return errs
    return [f"{where}: participant {v!r}"]


def record_errors(r: dict) -> list[str]:
    """Every problem of one gold record (empty: the record is sound)."""
    errs: list[str] = []
    rid, text = r.get("id"), r.get("text")
    if not isinstance(text, str) or not text:
        return [f"{rid}: no text"]
    for field in ("id", "source", "outlet", "title"):
        if not isinstance(r.get(field), str):
            errs.append(f"{rid}: no {field}")
    if r.get("source") not in ("ant", "saudinewsnet"):
        errs.append(f"{rid}: source {r.get('source')!r}")
    if not isinstance(r.get("annotated"), bool):
        errs.append(f"{rid}: annotated must be true or false")
    if not r.get("annotated") and (r.get("quotes") or r.get("events")):
        errs.append(f"{rid}: records marked unannotated must hold no quotes or events")
    for i, q in enumerate(r.get("quotes", [])):
        w = f"{rid} quote {i}"
        if set(q) - QUOTE_KEYS:
            errs.append(f"{w}: unknown fields {sorted(set(q) - QUOTE_KEYS)}")
        a, b = q.get("start"), q.get("end")
        if not (isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(text)):
            errs.append(f"{w}: bad offsets {a}, {b}")
            continue
        span = text[a:b]
        if q.get("text") != span:
            errs.append(f"{w}: text at {a}:{b} is {span[:30]!r}, not {str(q.get('text'))[:30]!r}")
        if span != span.strip():
            errs.append(f"{w}: span has outer spaces")
        if not q.get("cue") or q["cue"] not in text:
            errs.append(f"{w}: cue {q.get('cue')!r} not in the text")
        if not isinstance(q.get("direct"), bool):
            errs.append(f"{w}: direct must be true or false")
        if q.get("speaker_text") is not None and q["speaker_text"] not in text:
            errs.append(f"{w}: speaker_text {q['speaker_text']!r} not in the text")
        if q.get("speaker_kind") not in KINDS:
            errs.append(f"{w}: speaker_kind {q.get('speaker_kind')!r}")
        if q.get("speaker_kind") == "anonymous" and not q.get("anonymous_type"):
            errs.append(f"{w}: an anonymous source needs its anonymous_type")
        if q.get("speaker") is not None:
            errs += _participant_errors(q["speaker"], w)
            if not isinstance(q["speaker"], list):
                errs.append(f"{w}: a speaker is an alias list or null")
    for i, e in enumerate(r.get("events", [])):
        w = f"{rid} event {i}"
        if set(e) - EVENT_KEYS:
            errs.append(f"{w}: unknown fields {sorted(set(e) - EVENT_KEYS)}")
        if e.get("type") not in TYPES:
            errs.append(f"{w}: unknown type {e.get('type')!r}")
        a, b = e.get("start"), e.get("end")
        if not (isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(text)) or text[a:b] != e.get("trigger"):
            errs.append(f"{w}: trigger {e.get('trigger')!r} is not the text at {a}:{b}")
        if e.get("polarity") not in ("positive", "negative"):
            errs.append(f"{w}: polarity {e.get('polarity')!r}")
        if "planned" in e and e["planned"] is not True:
            errs.append(f"{w}: planned is true or absent")
        for k in ("when", "where"):
            if e.get(k) is not None and (not isinstance(e[k], str) or e[k] not in text):
                errs.append(f"{w}: {k} {e[k]!r} not in the text")
        errs += _participant_errors(e.get("actor"), w + " actor") + _participant_errors(e.get("target"), w + " target")
    return errs


def test_split_sizes_sources_and_outlets():
    dev, test = _records("dev"), _records("test")
    assert len(dev) == 80 and len(test) == 40
    for part, n in ((dev, 40), (test, 20)):
        assert sum(r["source"] == "ant" for r in part) == n
        assert sum(r["source"] == "saudinewsnet" for r in part) == n
    ids = [r["id"] for r in dev + test]
    assert len(ids) == len(set(ids))
    assert len({r["outlet"] for r in dev + test}) >= 8
    assert all(150 <= len(r["text"].split()) <= 700 for r in dev + test)


def test_no_article_of_the_earlier_tuned_sets():
    old: set[str] = set()
    for name in ("quotes_ant", "events_ant", "quotes_ant_slice2", "events_ant_slice2"):
        old |= {Path(json.loads(x)["ant_path"]).stem for x in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()}
    for part in ("dev", "test"):
        old |= {json.loads(x)["id"] for x in (DATA / "links_gold" / f"{part}.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()}
    assert not old & {r["id"] for r in _records("dev") + _records("test")}


@pytest.mark.parametrize("part", ["dev", "test"])
def test_records_are_sound(part):
    errs = [e for r in _records(part) for e in record_errors(r)]
    assert not errs, "\n".join(errs[:20])


def test_some_of_both_parts_annotated():
    for part in ("dev", "test"):
        done = [r for r in _records(part) if r["annotated"]]
        assert done, part
        assert sum(len(r["quotes"]) for r in done) and sum(len(r["events"]) for r in done)


def test_the_checker_catches_broken_records():
    r = next(r for r in _records("test") if r["annotated"] and r["quotes"] and r["events"])
    assert record_errors(r) == []
    bad = json.loads(json.dumps(r))
    bad["quotes"][0]["start"] += 1
    bad["events"][0]["type"] = "HUG"
    bad["events"][0]["actor"] = {"agent": "XYZ"}
    bad["quotes"][0]["speaker_kind"] = "ghost"
    errs = record_errors(bad)
    assert any("quote 0" in e and "text at" in e for e in errs)
    assert any("unknown type 'HUG'" in e for e in errs)
    assert any("unknown agent 'XYZ'" in e for e in errs)
    assert any("speaker_kind 'ghost'" in e for e in errs)
    unannotated = dict(r, annotated=False)
    assert any("unannotated" in e for e in record_errors(unannotated))


def test_scorers_read_the_new_files(tmp_path):
    recs = _records("test")
    done = next(r for r in recs if r["annotated"] and r["quotes"] and r["events"])
    todo = next((r for r in recs if not r["annotated"]), None) or dict(recs[1], annotated=False, quotes=[], events=[])
    f = tmp_path / "g.jsonl"
    f.write_text(json.dumps(done, ensure_ascii=False) + "\n" + json.dumps(todo, ensure_ascii=False) + "\n", encoding="utf-8")
    docs = read_gold(str(f), "quotes")
    assert [d["id"] for d in docs] == [done["id"]]  # unannotated records are skipped
    q = docs[0]["quotes"][0]
    assert q["starts"] == docs[0]["text"][q["start"]:q["end"]]
    ev = read_gold(str(f), "events")[0]["events"]
    assert all(e.get("polarity") in (None, "denied", "planned") for e in ev)
    assert all("when" not in e and "where" not in e for e in ev)


def test_typed_agents_become_alternatives():
    d = {"text": "قتل جنود أمريكيون مسلحين", "events": [
        {"type": "KILL", "trigger": "قتل", "start": 0, "end": 3, "actor": {"agent": "MIL", "country": "USA", "text": "جنود أمريكيون"},
         "target": {"agent": "REB"}, "when": None, "where": None, "polarity": "negative"}]}
    e = from_realnews(d)["events"][0]
    assert e["actor"] == ["United States"] and e["target"] is None and e["polarity"] == "denied"
