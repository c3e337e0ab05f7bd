"""Score quotation detection and speaker attribution against a gold JSONL file.

Each gold line: {"text": …, "published": …, "quotes": [{"starts": the first words
of the quotation, "direct": true|false, "speaker": name | Arabic surface | [alternatives] | null}]}.
A system quotation matches a gold one when its text begins with the gold's first
words (normalised, up to a complementizer or pronoun); attribution is right when
its speaker entity is one the gold names (null: no entity).
"""
from __future__ import annotations

from ..arabic import normalize
from . import _gold
from ._gold import annotated, names_entity, prf, print_scores, print_tail, score_file


def add_arguments(parser) -> None:
    _gold.add_arguments(parser, "tests/data/quotes_gold.jsonl")


def _key(s: str) -> str:
    return normalize(s).strip(' "«»“”\'')


def starts_match(gold_starts: str, text: str) -> bool:
    g = _key(gold_starts)[:15]
    t = _key(text)
    return t.startswith(g) or g in t[: len(g) + 8]


def score(docs: list[dict], errors: list[str] | None = None) -> dict:
    n_gold = n_sys = found = attributed = direct_ok = 0
    secs = 0.0
    for d, a, dt in annotated(docs):
        secs += dt
        sysq = list(a.quotes)
        n_sys += len(sysq)
        n_gold += len(d["quotes"])
        used: set[int] = set()
        for g in d["quotes"]:
            cands = [k for k, q in enumerate(sysq) if k not in used and starts_match(g["starts"], q.text)]
            # prefer the reading with the right speaker, then the right kind
            cands.sort(key=lambda k: (not names_entity(a, sysq[k].speaker_id, g.get("speaker")),
                                      sysq[k].direct != g.get("direct", sysq[k].direct)))
            if not cands:
                if errors is not None:
                    errors.append(f"MISS {d.get('id', '')}: {g['starts']}")
                continue
            k = cands[0]
            used.add(k)
            found += 1
            q = sysq[k]
            if q.direct == g.get("direct", q.direct):
                direct_ok += 1
            if names_entity(a, q.speaker_id, g.get("speaker")):
                attributed += 1
            elif errors is not None:
                e = a.entity(q.speaker_id) if q.speaker_id else None
                errors.append(f"SPEAKER {d.get('id', '')}: {g['starts']}: {e.name if e else None} ({q.speaker_text}) != {g.get('speaker')}")
        if errors is not None:
            for k, q in enumerate(sysq):
                if k not in used:
                    errors.append(f"EXTRA {d.get('id', '')}: {q.text[:50]} ({q.speaker_text})")
    return {"docs": len(docs), "gold": n_gold, "system": n_sys, "found": found,
            "attributed": attributed, "direct_ok": direct_ok, "seconds": secs}


def run(args) -> int:
    s, errs = score_file(args, "quotes", score)
    p, r, f = prf(s["found"], s["system"], s["gold"])
    ap, ar, af = prf(s["attributed"], s["system"], s["gold"])
    print_scores(f"quotes: {s['docs']} documents, {s['gold']} gold quotations, {s['system']} found by marsad",
                 [("quotation detection", (p, r, f)), ("speaker attribution", (ap, ar, af))])
    if s["found"]:
        print(f"direct/indirect right on {s['direct_ok']}/{s['found']} matched quotations")
    print_tail(s["seconds"], s["docs"], errs)
    return 0
