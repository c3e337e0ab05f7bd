"""Time expressions: score spans, types and TIMEX3 values against a JSONL gold file.

Gold lines: {"text": SENTENCE, "published": ISO, "timexes": [{"text", "type", "value", "mod"?}]}.
A gold expression counts as found when a predicted one overlaps it; its value is
right when the overlapping prediction carries exactly the gold value (a list for
coordinated days). Predictions that overlap no gold expression are false positives.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Iterable

from ..errors import MarsadError

# predict(text, published) -> [(start, end, type, value, mod)]
Predictor = Callable[[str, str | None], list[tuple]]


def load_gold(path: str | Path) -> list[dict]:
    p = Path(path)
    if not p.is_file():
        raise MarsadError(f"no such gold file: {path}")
    rows = []
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            text = row["text"]
            for g in row.get("timexes") or []:
                g["start"] = text.index(g["text"])
                g["end"] = g["start"] + len(g["text"])
        except (ValueError, KeyError, TypeError) as e:
            raise MarsadError(f"{path}:{n}: not a timex gold line ({e.__class__.__name__}: {e})") from None
        rows.append(row)
    if not rows:
        raise MarsadError(f"{path}: no gold lines")
    return rows


def marsad_predictor() -> Predictor:
    from ..annotate.timex import find, reference_date

    def predict(text: str, published: str | None) -> list[tuple]:
        return [(t.start, t.end, t.type, t.value, t.mod) for t in find(text, reference_date(published))]

    return predict


def _same(a, b) -> bool:
    if isinstance(a, list) or isinstance(b, list):
        return list(a if isinstance(a, list) else [a]) == list(b if isinstance(b, list) else [b])
    return a == b


def _any_same(vals: list, gold) -> bool:
    return any(_same(v, gold) for v in vals)


def score(rows: Iterable[dict], predict: Predictor, failures: list | None = None,
          same: Callable[[list, object], bool] = _any_same) -> dict:
    """Score `predict` on gold rows; `same(values of the overlapping predictions, gold value)`."""
    gold_n = pred_n = found = exact = typed = valued = modded = false_pos = 0
    for row in rows:
        text, golds = row["text"], row.get("timexes") or []
        preds = predict(text, row.get("published"))
        pred_n += len(preds)
        for p in preds:
            if not any(p[0] < g["end"] and g["start"] < p[1] for g in golds):
                false_pos += 1
                if failures is not None:
                    failures.append(f"FP  {text[p[0]:p[1]]!r} = {p[3]!r}  in: {text}")
        for g in golds:
            gold_n += 1
            hits = [p for p in preds if p[0] < g["end"] and g["start"] < p[1]]
            if not hits:
                if failures is not None:
                    failures.append(f"MISS {g['text']!r} = {g['value']!r}  in: {text}")
                continue
            found += 1
            p = hits[0]
            exact += (p[0], p[1]) == (g["start"], g["end"])
            typed += p[2] == g["type"]
            ok = same([h[3] for h in hits], g["value"])
            valued += ok
            modded += p[4] == g.get("mod")
            if failures is not None and not ok:
                failures.append(f"VAL {g['text']!r}: {[h[3] for h in hits]!r} != {g['value']!r}  in: {text}")
            elif failures is not None and (p[0], p[1]) != (g["start"], g["end"]):
                failures.append(f"SPAN {text[p[0]:p[1]]!r} != {g['text']!r}")
    div = lambda a, b: a / b if b else 0.0
    return {
        "gold": gold_n, "predicted": pred_n, "found": found, "false_positives": false_pos,
        "recall": div(found, gold_n), "precision": div(pred_n - false_pos, pred_n),
        "exact_span": div(exact, gold_n), "type": div(typed, gold_n), "value": div(valued, gold_n),
        "mod": div(modded, gold_n),
    }


def add_arguments(p) -> None:
    p.add_argument("gold", help="JSONL gold file (e.g. tests/data/timex_gold.jsonl)")
    p.add_argument("-v", "--verbose", action="store_true", help="list every miss, wrong value and false positive")


def run(args) -> int:
    rows = load_gold(args.gold)
    failures: list[str] | None = [] if args.verbose else None
    r = score(rows, marsad_predictor(), failures)
    for line in failures or []:
        print(line)
    print(f"timex on {args.gold}: {len(rows)} sentences, {r['gold']} gold expressions, {r['predicted']} predicted")
    print(f"{'value accuracy':<20}{r['value']:.3f}")
    for k in ("recall", "precision", "exact_span", "type", "mod"):
        print(f"{k:<20}{r[k]:.3f}")
    print(f"{'false positives':<20}{r['false_positives']}")
    return 0
