"""Time expressions: score spans, types and TIMEX3 values against a JSONL gold file.

Gold lines: {"text": SENTENCE, "published": ISO, "timexes": [{"text", "type", "value", "mod"?}]}.
A gold expression counts as found when a predicted one overlaps it; its value is
right when the overlapping prediction carries exactly the gold value (a list for
coordinated days) or one of its `alt` values (other TIMEX3 spellings of the same time), or
when the prediction read another way gives it: a clock time with its zone (`T08:00Z`) as
the same instant in the publication's offset (Duckling gives local times), a month with
mod MID as its 15th (Duckling's `mid-March` is 15 March).
Predictions that overlap no gold expression are false positives. Rows may carry a `kind`
(the Duckling suite does): the figures are then also given per kind, and under each
resolution policy (`--policy`, both by default for such a file).
"""
from __future__ import annotations

import json
import re
from datetime import datetime
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


def marsad_predictor(policy: str = "news") -> Predictor:
    from ..annotate.timex import find, reference_date, reference_time

    def predict(text: str, published: str | None) -> list[tuple]:
        return [(t.start, t.end, t.type, t.value, t.mod)
                for t in find(text, reference_date(published), policy, reference_time(published))]

    return predict


def _same(a, b) -> bool:
    if isinstance(a, list) or isinstance(b, list):
        return list(a if isinstance(a, list) else [a]) == list(b if isinstance(b, list) else [b])
    return a == b


def _endpoint(p: tuple, g: dict):
    """A predicted range START/END against a gold file that marks its two ends apart
    (`من الساعة التاسعة صباحا` ... `حتى الخامسة مساء`): the end the gold expression sits at."""
    v = p[3]
    if not (isinstance(v, str) and "/" in v) or "/" in str(g["value"]) or (p[0], p[1]) == (g["start"], g["end"]):
        return v
    a, b = v.split("/", 1)
    return a if g["start"] - p[0] <= p[1] - g["end"] else b


_ZONED = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:\d\d)")


def _reading(v, mod, published: str | None):
    """The prediction's value as a gold file without zones or mods may spell it."""
    if not isinstance(v, str):
        return v
    if mod == "MID" and re.fullmatch(r"\d{4}-\d\d", v):
        return v + "-15"
    if published and _ZONED.fullmatch(v):
        try:
            tz = datetime.fromisoformat(published.replace("Z", "+00:00")).tzinfo
            t = datetime.fromisoformat(v.replace("Z", "+00:00"))
        except ValueError:
            return v
        if tz is not None:
            t = t.astimezone(tz)
            return t.strftime("%Y-%m-%dT%H:%M") + (f":{t.second:02d}" if t.second else "")
    return v


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
            vals = [_endpoint(h, g) for h in hits]
            ok = same(vals, g["value"]) or any(same(vals, a) for a in g.get("alt") or ())
            if not ok:
                other = [_reading(v, h[4], row.get("published")) for v, h in zip(vals, hits)]
                ok = other != vals and same(other, g["value"])
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
    p.add_argument("gold", help="JSONL gold file (e.g. tests/data/timex_gold.jsonl, tests/data/timex_duckling_ar.jsonl)")
    p.add_argument("--policy", choices=["news", "forward", "both"], default=None,
                   help="resolution policy of bare weekdays and year-less dates (default: news; "
                        "both for a gold file whose rows carry a kind)")
    p.add_argument("-v", "--verbose", action="store_true", help="list every miss, wrong value and false positive")


def by_kind(rows: list[dict], predict: Predictor) -> dict[str, dict]:
    """`score` for each `kind` of row, and for all ("all")."""
    kinds: dict[str, list[dict]] = {}
    for row in rows:
        kinds.setdefault(row.get("kind", "-"), []).append(row)
    out = {k: score(rs, predict) for k, rs in sorted(kinds.items())}
    out["all"] = score(rows, predict)
    return out


def run(args) -> int:
    rows = load_gold(args.gold)
    kinds = any("kind" in r for r in rows)
    policy = args.policy or ("both" if kinds else "news")
    policies = ["news", "forward"] if policy == "both" else [policy]
    for pol in policies:
        failures: list[str] | None = [] if args.verbose else None
        r = score(rows, marsad_predictor(pol), failures)
        for line in failures or []:
            print(line)
        print(f"timex on {args.gold} (policy {pol}): {len(rows)} sentences, {r['gold']} gold expressions, "
              f"{r['predicted']} predicted")
        print(f"{'value accuracy':<20}{r['value']:.3f}")
        for k in ("recall", "precision", "exact_span", "type", "mod"):
            print(f"{k:<20}{r[k]:.3f}")
        print(f"{'false positives':<20}{r['false_positives']}")
        if kinds:
            print(f"{'kind':<10}{'n':>5}{'found':>8}{'value':>8}")
            for k, x in by_kind(rows, marsad_predictor(pol)).items():
                print(f"{k:<10}{x['gold']:>5}{x['recall']:>8.3f}{x['value']:>8.3f}")
        print()
    return 0
