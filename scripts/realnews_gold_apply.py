"""Write one hand annotation into tests/data/realnews_gold/{dev,test}.jsonl, with offsets found for it.

    python scripts/realnews_gold_apply.py ANNOTATION.py [...]

An annotation file is Python that sets ID (the record's id, or its annotation order number) and calls Q(...) for each
quotation and E(...) for each event, in text order. The annotator writes the quoted
content and the trigger as they stand in the text; this script finds their character
offsets, so no offset is typed by hand. A string that occurs more than once needs
`ctx`, a longer stretch of text holding it exactly once (the first occurrence of the
string inside ctx is taken). SPAN(first, last) gives the text from `first` through the
next `last`, for long quotations. Anything not found, or found twice, stops the script.

    Q(quote, cue, direct, speaker_text, speaker, kind, anon=None, ctx=None, note=None)
    E(type, trigger, actor, target, when=None, where=None, polarity="positive", ctx=None, note=None, planned=None)
      (planned: an announced or future event; by default, when the note says "planned")
"""
from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "data" / "realnews_gold"


def _written_in(text: str, item: dict, fields: tuple[str, ...], rid: str) -> None:
    """Each of `fields` the annotation gives must be written in the article as it is."""
    for field in fields:
        if item[field] and item[field] not in text:
            raise SystemExit(f"{rid}: {field} {item[field]!r} is not in the text")


def locate(text: str, s: str, ctx: str | None, what: str) -> tuple[int, int]:
    if ctx is None:
        ctx = s
    if s not in ctx:
        raise SystemExit(f"{what}: {s!r} is not inside its ctx {ctx!r}")
    n = text.count(ctx)
    if n != 1:
        raise SystemExit(f"{what}: {ctx!r} occurs {n} times in the text (give a ctx that occurs once)")
    a = text.index(ctx) + ctx.index(s)
    return a, a + len(s)


def apply(path: str) -> None:
    quotes, events, env = [], [], {}

    def Q(quote, cue, direct, speaker_text, speaker, kind, anon=None, ctx=None, note=None):
        quotes.append(dict(quote=quote, cue=cue, direct=direct, speaker_text=speaker_text, speaker=speaker,
                           speaker_kind=kind, anonymous_type=anon, ctx=ctx, note=note))

    def E(type, trigger, actor, target, when=None, where=None, polarity="positive", ctx=None, note=None,
          planned=None):
        if planned is None:  # "planned" in the note marks an announced, future event
            planned = bool(note and "planned" in note)
        events.append(dict(type=type, trigger=trigger, actor=actor, target=target, when=when, where=where,
                           polarity=polarity, planned=planned, ctx=ctx, note=note))

    src = Path(path).read_text(encoding="utf-8")
    m = re.search(r"^ID = (.+)$", src, re.M)
    if not m:
        raise SystemExit(f"{path}: no ID line")
    rid = ast.literal_eval(m.group(1))
    for part in ("dev", "test"):
        f = OUT / f"{part}.jsonl"
        recs = [json.loads(x) for x in f.read_text(encoding="utf-8").splitlines() if x.strip()]
        hit = [r for r in recs if r["id"] == rid or (isinstance(rid, int) and r["order"] == rid)]
        if hit:
            break
    else:
        raise SystemExit(f"{path}: no record {rid}")
    rec = hit[0]
    rid, text = rec["id"], rec["text"]

    def SPAN(first: str, last: str) -> str:
        """The text from `first` (occurring once) through the next `last`."""
        if text.count(first) != 1:
            raise SystemExit(f"{rid}: SPAN start {first!r} occurs {text.count(first)} times")
        i = text.index(first)
        return text[i:text.index(last, i) + len(last)]

    env.update(Q=Q, E=E, SPAN=SPAN, NOTES=None)
    exec(compile(src, path, "exec"), env)
    qs = []
    for q in quotes:
        a, b = locate(text, q["quote"], q["ctx"], f"{rid} quote")
        _written_in(text, q, ("cue", "speaker_text"), rid)
        r = {"start": a, "end": b, "text": text[a:b], "cue": q["cue"], "direct": q["direct"],
             "speaker_text": q["speaker_text"], "speaker": q["speaker"], "speaker_kind": q["speaker_kind"]}
        if q["anonymous_type"]:
            r["anonymous_type"] = q["anonymous_type"]
        if q["note"]:
            r["note"] = q["note"]
        qs.append(r)
    es = []
    for e in events:
        a, b = locate(text, e["trigger"], e["ctx"], f"{rid} event {e['type']}")
        _written_in(text, e, ("when", "where"), rid)
        r = {"type": e["type"], "trigger": e["trigger"], "start": a, "end": b, "actor": e["actor"],
             "target": e["target"], "when": e["when"], "where": e["where"], "polarity": e["polarity"]}
        if e["planned"]:
            r["planned"] = True
        if e["note"]:
            r["note"] = e["note"]
        es.append(r)
    rec["quotes"] = sorted(qs, key=lambda r: r["start"])
    rec["events"] = sorted(es, key=lambda r: r["start"])
    rec["annotated"] = True
    if env.get("NOTES"):
        rec["notes"] = env["NOTES"]
    f.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    print(f"{rid} ({part}): {len(qs)} quotations, {len(es)} events")


if __name__ == "__main__":
    for p in sys.argv[1:]:
        apply(p)
