"""Score entity mentions and their links on the real-news gold set (tests/data/links_gold).

    marsad evaluate links [--part dev|test] [--gold DIR] [--show N] [--json]

Each gold article (title, published, body text, hand-annotated mentions with type
and KB id or NIL, English name and Wikidata QID) goes through `marsad.analyze`;
marsad's mentions are mapped back onto the stored text (the laid-out Article.text
may differ in whitespace or paragraphs, so offsets are carried over by aligning the
two texts) and compared with the gold:

- mentions: precision/recall/F1 on exact span + type, and on span only, per type;
- link precision: of all marsad's mentions linked to a KB entity, the share linked
  right (same KB id, or same Wikidata QID, so a place added to the KB later under
  another id still counts), matching spans by overlap (where a span starts is the
  mention finder's business, scored above); a link on no gold mention is wrong;
- link recall: of the gold mentions with a KB id or QID, the share that an
  overlapping marsad mention links right;
- NIL: gold-NIL mentions marsad linked to some KB entity (wrong links), and links
  marsad made on spans that are no gold mention at all.

Only body mentions are scored (marsad annotates Article.text, not the title); the
gold's `title_mentions` are kept for when it does. The test part is for the final
score of a piece of work only: develop on dev.
"""
from __future__ import annotations

import argparse
import json
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

from ..errors import MarsadError

TYPES = ("PER", "LOC", "ORG", "MISC")
PARTS = ("dev", "test")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--part", choices=PARTS, default="dev", help="which part of the gold set (default dev)")
    p.add_argument("--gold", metavar="DIR", help="folder holding dev.jsonl and test.jsonl (default tests/data/links_gold)")
    p.add_argument("--show", type=int, default=0, metavar="N", help="list the first N errors of each kind")
    p.add_argument("--json", action="store_true", help="print the scores (and errors) as one JSON object")
    p.add_argument("--limit", type=int, default=0, metavar="N", help="score only the first N articles")


def gold_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    for base in (Path.cwd(), Path(__file__).resolve().parents[3]):
        d = base / "tests" / "data" / "links_gold"
        if d.is_dir():
            return d
    raise MarsadError("no gold folder found: give --gold DIR (the folder holding dev.jsonl)")


def read_part(folder: Path, part: str) -> list[dict]:
    """The gold articles of one part (the gold files' reader, with `mentions` as the list)."""
    from ._gold import read_gold

    return read_gold(str(folder / f"{part}.jsonl"), "mentions")


def offset_map(src: str, dst: str) -> dict[int, int]:
    """Character offsets of `src` that have an identical counterpart in `dst` (and the
    end of each identical run), found by aligning the two texts."""
    out: dict[int, int] = {}
    sm = SequenceMatcher(None, src, dst, autojunk=False)
    for a, b, size in sm.get_matching_blocks():
        for k in range(size + 1):
            out.setdefault(a + k, b + k)
    return out


def predict(doc: dict) -> list[dict]:
    """marsad's mentions of one gold article, with offsets into the gold text;
    `kb` is the KB id when the entity is a knowledge-base entity, else None."""
    from ..analysis import analyze
    from ..entities.kb import get_kb
    from ..read import RawDocument

    raw = RawDocument(text=doc["text"], title=doc.get("title") or None, published=doc.get("published"))
    article = analyze(raw, published=doc.get("published"))
    kb = get_kb()
    omap = offset_map(article.text, doc["text"])
    out = []
    for e in article.entities:
        linked = kb.get(e.id) is not None
        for m in e.mentions:
            a, b = omap.get(m.start), omap.get(m.end)
            if a is None or b is None or b <= a:
                continue  # text marsad's layout changed: the mention cannot be placed
            out.append({"start": a, "end": b, "surface": doc["text"][a:b], "type": e.type,
                        "kb": e.id if linked else None, "wikidata": e.wikidata if linked else None,
                        "name_en": kb.get(e.id).name if linked else None})
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "pred": n_pred, "gold": n_gold}


def _en(name: str | None) -> str:
    return unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().casefold().strip()


def right_link(g: dict, p: dict) -> bool:
    """The same entity: the same KB id, the same QID, or, for a gold-NIL entity the KB did
    not hold when the gold was written, a later KB entry with the gold's English name."""
    if not p.get("kb"):
        return False
    if p["kb"] == g.get("kb") or bool(g.get("wikidata")) and p.get("wikidata") == g.get("wikidata"):
        return True
    return not g.get("kb") and not g.get("wikidata") and bool(g.get("name_en")) and _en(p.get("name_en")) == _en(g["name_en"])


def kb_english_names() -> set[str]:
    """The folded English names of the KB's entities (a gold-NIL entity named so is linkable)."""
    from ..entities.kb import get_kb

    kb = get_kb()
    return {_en(kb.get(i).name) for i in kb.ids()}


def score(pairs: list[tuple[dict, list[dict]]], link_names: set[str] | None = None) -> tuple[dict, dict[str, list[str]]]:
    """Scores over (gold document, predicted mentions) pairs, and the errors of each kind;
    `link_names`: the KB's folded English names (default: read from the KB)."""
    link_names = kb_english_names() if link_names is None else link_names
    errors: dict[str, list[str]] = {k: [] for k in ("missed", "spurious", "wrong_type", "wrong_link",
                                                    "nil_linked", "missed_link", "link_off_gold")}
    exact = {ty: [0, 0, 0] for ty in TYPES + ("ALL",)}  # tp, pred, gold
    spans = [0, 0, 0]
    link = {"linked": 0, "right": 0, "gold_linkable": 0, "recalled": 0,
            "gold_nil": 0, "nil_linked": 0, "nil_kept": 0, "linked_off_gold": 0}
    for doc, pred in pairs:
        p_span: dict[tuple[int, int], dict] = {}
        for m in pred:
            p_span.setdefault((m["start"], m["end"]), m)
        _mention_counts(doc, p_span, exact, spans, errors)
        _link_counts(doc, list(p_span.values()), link, errors, link_names)
    res = {"articles": len(pairs),
           "mentions": {ty: _prf(*v) for ty, v in exact.items()},
           "spans": _prf(*spans),
           "link_precision": link["right"] / link["linked"] if link["linked"] else 0.0,
           "link_recall": link["recalled"] / link["gold_linkable"] if link["gold_linkable"] else 0.0,
           "links": link}
    return res, errors


def _mention_counts(doc: dict, p_span: dict, exact: dict, spans: list[int], errors: dict) -> None:
    """Exact span + type, and span only: the mention finder's figures."""
    did, gold = doc.get("id", "?"), doc["mentions"]
    g_exact = {(m["start"], m["end"], m["type"]) for m in gold}
    g_span = {(m["start"], m["end"]): m for m in gold}
    p_exact = {(m["start"], m["end"], m["type"]) for m in p_span.values()}
    for ty in TYPES + ("ALL",):
        g = {k for k in g_exact if ty == "ALL" or k[2] == ty}
        p = {k for k in p_exact if ty == "ALL" or k[2] == ty}
        exact[ty][0] += len(g & p)
        exact[ty][1] += len(p)
        exact[ty][2] += len(g)
    spans[0] += len(set(g_span) & set(p_span))
    spans[1] += len(p_span)
    spans[2] += len(g_span)
    for k, g in g_span.items():
        p = p_span.get(k)
        if p is None:
            errors["missed"].append(f"{did} {k[0]}-{k[1]} {g['surface']} {g['type']} {g.get('kb') or 'NIL'}")
        elif p["type"] != g["type"]:
            errors["wrong_type"].append(f"{did} {k[0]}-{k[1]} {g['surface']} gold {g['type']} marsad {p['type']}")
    for k, p in p_span.items():
        if k not in g_span:
            errors["spurious"].append(f"{did} {k[0]}-{k[1]} {p['surface']} {p['type']} {p.get('kb') or 'unlinked'}")


def _overlap(a: dict, b: dict) -> int:
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def _link_counts(doc: dict, pred: list[dict], link: dict, errors: dict, link_names: set[str]) -> None:
    """Links judged on overlapping spans, so that where a span starts (`للحكومة` or `لحكومة`,
    `جماعة بوكو حرام` or `بوكو حرام`) does not decide a link. Every link marsad makes counts
    for precision: on a gold mention it is right or wrong; on no gold mention at all (`كوبا`
    inside `كوبا أميركا`, `باكرا` read as Accra) it is wrong. A gold mention with a KB id or
    QID is recalled when an overlapping mention links it right."""
    did, gold = doc.get("id", "?"), doc["mentions"]
    for p in pred:
        if not p.get("kb"):
            continue
        link["linked"] += 1
        over = [g for g in gold if _overlap(g, p) > 0]
        g = max(over, key=lambda g: (_overlap(g, p), -abs(g["start"] - p["start"])), default=None)
        where = f"{did} {p['start']}-{p['end']} {p['surface']}"
        if g is None:
            link["linked_off_gold"] += 1
            errors["link_off_gold"].append(f"{where} marsad {p['kb']}")
        elif right_link(g, p):
            link["right"] += 1
        elif g.get("kb"):
            errors["wrong_link"].append(f"{where} gold {g['kb']} ({g['surface']}) marsad {p['kb']}")
        else:
            link["nil_linked"] += 1
            errors["nil_linked"].append(f"{where} gold NIL {g.get('name_en')} ({g['surface']}) marsad {p['kb']}")
    for g in gold:
        over = [p for p in pred if _overlap(g, p) > 0]
        if not g.get("kb"):
            link["gold_nil"] += 1
            link["nil_kept"] += not any(p.get("kb") for p in over)
        if g.get("kb") or g.get("wikidata") or _en(g.get("name_en")) in link_names:
            link["gold_linkable"] += 1
            if any(right_link(g, p) for p in over):
                link["recalled"] += 1
            else:
                got = ", ".join(sorted({p["kb"] for p in over if p.get("kb")})) or "nothing"
                errors["missed_link"].append(f"{did} {g['start']}-{g['end']} {g['surface']} gold "
                                             f"{g.get('kb') or g.get('wikidata')} marsad {got}")


def _print(res: dict, errors: dict[str, list[str]], show: int, part: str) -> None:
    print(f"links gold, {part} part: {res['articles']} articles (body mentions)")
    print(f"{'mentions':<14} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}")
    rows = [(f"exact {ty}", v) for ty, v in res["mentions"].items()] + [("span only", res["spans"])]
    for name, v in rows:
        print(f"{name:<14} {v['p']:6.3f} {v['r']:6.3f} {v['f1']:6.3f} {v['tp']:5d} {v['pred']:5d} {v['gold']:5d}")
    lk = res["links"]
    print(f"link precision {res['link_precision']:.3f} ({lk['right']}/{lk['linked']} of marsad's links right; spans "
          "matched by overlap, a link on no gold mention is wrong)")
    print(f"link recall    {res['link_recall']:.3f} ({lk['recalled']}/{lk['gold_linkable']} gold mentions with a KB id or QID)")
    print(f"NIL: {lk['gold_nil']} gold-NIL mentions, {lk['nil_linked']} linked to a KB entity (wrong links), "
          f"{lk['nil_kept']} left unlinked or missed; {lk['linked_off_gold']} links on spans that are no gold mention")
    if show:
        for kind, errs in errors.items():
            if errs:
                print(f"\n{kind} ({len(errs)}):")
                for e in errs[:show]:
                    print("  " + e)


def run(args) -> int:
    docs = read_part(gold_dir(args.gold), args.part)
    if args.limit:
        docs = docs[:args.limit]
    if not docs:
        raise MarsadError(f"no gold articles in the {args.part} part")
    res, errors = score([(d, predict(d)) for d in docs])
    if args.json:
        out = dict(res, part=args.part)
        if args.show:
            out["errors"] = {k: v[:args.show] for k, v in errors.items()}
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        _print(res, errors, args.show, args.part)
    return 0
