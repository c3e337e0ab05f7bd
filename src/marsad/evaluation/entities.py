"""Score the `entities` stage (knowledge base + rules, optionally the tagger) on a CoNLL file.

    marsad evaluate entities FILE [--tagger] [--chunk 300]

FILE holds one `token TAG` a line (TAG in BIO over PER/PERS, LOC, ORG, MISC; blank
lines between sentences optional). The tokens are joined with spaces into
pseudo-documents of about --chunk tokens (so that in-document resolution has
context), the stage runs on each, and its mentions are mapped back to tokens.
Prints entity-level precision, recall and F1 per type and micro-averaged.
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from ..errors import MarsadError

TYPES = ("PER", "LOC", "ORG", "MISC")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="CoNLL file: token and BIO tag a line")
    p.add_argument("--tagger", action="store_true", help="also use the statistical tagger (marsad.ner) if installed")
    p.add_argument("--chunk", type=int, default=300, help="tokens per pseudo-document (default 300)")


def read_conll(path: str) -> list[list[tuple[str, str]]]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise MarsadError(f"cannot read {path}: {e}") from None
    sents, cur = [], []
    for line in lines:
        parts = line.split()
        if not parts:
            if cur:
                sents.append(cur)
                cur = []
            continue
        if len(parts) < 2:
            continue
        cur.append((parts[0], parts[-1]))
    if cur:
        sents.append(cur)
    if not sents:
        raise MarsadError(f"{path}: no `token TAG` lines")
    return sents


def bio_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    out, start, typ = set(), None, None
    for i, t in enumerate(tags + ["O"]):
        bio, _, ty = t.partition("-")
        ty = "PER" if ty == "PERS" else ty
        if start is not None and (bio != "I" or ty != typ):
            out.add((start, i, typ))
            start = typ = None
        if bio == "B" or (bio == "I" and start is None):
            start, typ = i, ty
    return {s for s in out if s[2] in TYPES}


def score(gold: set, pred: set) -> dict[str, tuple[float, float, float, int, int, int]]:
    res = {}
    for ty in TYPES + ("ALL",):
        g = {x for x in gold if ty == "ALL" or x[2] == ty}
        p = {x for x in pred if ty == "ALL" or x[2] == ty}
        tp = len(g & p)
        prec = tp / len(p) if p else 0.0
        rec = tp / len(g) if g else 0.0
        f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        res[ty] = (prec, rec, f, tp, len(p), len(g))
    return res


def predict(tokens: list[str], chunk: int, use_tagger: bool) -> set[tuple[int, int, str]]:
    from bisect import bisect_right

    from ..entities import recognize

    pred = set()
    for a in range(0, len(tokens), chunk):
        toks = tokens[a:a + chunk]
        starts, pos = [], 0
        for t in toks:
            starts.append(pos)
            pos += len(t) + 1
        text = " ".join(toks)
        for e in recognize(text, use_tagger=use_tagger):
            for m in e.mentions:
                i = bisect_right(starts, m.start) - 1
                j = bisect_right(starts, m.end - 1) - 1
                pred.add((a + i, a + j + 1, e.type))
    return pred


def run(args) -> int:
    sents = read_conll(args.file)
    tokens = [t for s in sents for t, _ in s]
    tags = [g for s in sents for _, g in s]
    gold = bio_spans(tags)
    pred = predict(tokens, max(20, args.chunk), args.tagger)
    res = score(gold, pred)
    print(f"{'type':<5} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'pred':>6} {'gold':>6}")
    for ty, (p, r, f, tp, np_, ng) in res.items():
        print(f"{ty:<5} {p:6.3f} {r:6.3f} {f:6.3f} {tp:6d} {np_:6d} {ng:6d}")
    return 0
