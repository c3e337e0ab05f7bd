"""Entity-level precision, recall and F1 (CoNLL-style: exact span and type)."""
from __future__ import annotations

from collections import Counter

from .data import TYPES, spans


def score(gold: list[list[str]], pred: list[list[str]]) -> dict[str, dict[str, float]]:
    """{type or "ALL": {p, r, f1, gold, pred, correct}} over sentences of tags."""
    g_n, p_n, ok = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = spans(g), spans(p)
        for s in gs:
            g_n[s[2]] += 1
        for s in ps:
            p_n[s[2]] += 1
        for s in gs & ps:
            ok[s[2]] += 1
    kinds = list(TYPES) + sorted(set(g_n) | set(p_n) - set(TYPES))
    out = {}
    for k in kinds + ["ALL"]:
        if k == "ALL":
            c, gn, pn = sum(ok.values()), sum(g_n.values()), sum(p_n.values())
        else:
            c, gn, pn = ok[k], g_n[k], p_n[k]
        p = c / pn if pn else 0.0
        r = c / gn if gn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[k] = {"p": p, "r": r, "f1": f, "gold": gn, "pred": pn, "correct": c}
    return out


def format_table(result: dict[str, dict[str, float]]) -> str:
    lines = [f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for k, v in result.items():
        if k != "ALL" and not v["gold"] and not v["pred"]:
            continue
        lines.append(f"{k:<6} {v['p']:6.3f} {v['r']:6.3f} {v['f1']:6.3f} {v['gold']:6d} {v['pred']:6d}")
    return "\n".join(lines)
