"""Layout on a gallery of Arabic outlet styles (text scrapes and HTML pages), scored leave-one-style-out.

The gallery (`marsad.evaluation.gallery`) renders ANT articles in the page styles
of many Arabic outlets. Each style's documents are read with `marsad.read.read_bytes`
and laid out by `marsad.layout`:

- if `marsad.layout.train_header(examples)` exists, a header model is trained on the
  text documents of the *other* styles (leave-one-style-out; with `loso=False` on
  every style's, in-sample) and given to layout as `header_model=`; an example is a
  `HeaderExample`: the tuple (RawDocument, gold header[, learned furniture]) with the
  gold header `[[line, label], ...]`, the first body paragraphs, style and name as attributes;
- if `marsad.layout.layout_batch(raws, header_model=None)` exists, each (style, kind)
  group is laid out as one batch (it may learn a source's repeated furniture);
- otherwise `marsad.layout.layout(raw)` per document.

A document is fully right when the title, author, publication time, paragraph count
and first paragraph are exact and no furniture string is left in the body text.
"""
from __future__ import annotations

import inspect
import json
import sys
import time
from datetime import datetime
from pathlib import Path

from ..errors import MarsadError

FIELDS = ("title", "author", "published", "count", "first", "furniture")


def _ws(s: str | None) -> str | None:
    return " ".join(s.split()) if s is not None else None


def _parse_iso(s: str):
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return None


def same_published(gold: str | None, got: str | None) -> bool:
    """Exact after normalising; an aware gold and an aware answer count as the same when they are
    the same instant (another offset is fine); aware vs naive, or a date vs a time, is wrong."""
    if gold is None or got is None:
        return gold is None and got is None
    g, a = gold.strip(), got.strip()
    if g == a:
        return True
    if ("T" in g) != ("T" in a):
        return False
    dg, da = _parse_iso(g), _parse_iso(a)
    if dg is None or da is None:
        return False
    if (dg.tzinfo is None) != (da.tzinfo is None):
        return False
    return dg == da


def _paragraphs(art) -> list[str]:
    return [p for s in art.sections for p in s.paragraphs]


def _body_text(art) -> str:
    parts = []
    for s in art.sections:
        if s.heading:
            parts.append(s.heading)
        parts.extend(s.paragraphs)
    return "\n".join(parts)


def score_doc(gold: dict, art) -> dict[str, bool]:
    """Per-field rightness of one laid-out article (None: reading or layout failed)."""
    if art is None:
        return {f: False for f in FIELDS}
    paras = _paragraphs(art)
    body = _body_text(art)
    return {
        "title": _ws(art.title) == _ws(gold["title"]),
        "author": _ws(art.author or None) == _ws(gold.get("author")),
        "published": same_published(gold.get("published"), art.published),
        # body blocks (paragraphs and sub-headings): a short ANT paragraph that reads as a
        # sub-heading is kept either way, and the gold cannot tell the two apart
        "count": len(paras) + sum(1 for s in art.sections if s.heading) == len(gold["paragraphs"]) + len(gold.get("headings") or []),
        "first": bool(paras) and _ws(paras[0]) == _ws(gold["paragraphs"][0]),
        "furniture": not any(f in body for f in gold.get("furniture") or []),
    }


class HeaderExample(tuple):
    """One training example for `train_header`: the tuple (raw, header) or (raw, header, learned),
    with attributes raw, header (gold [[line, label], ...] for every line above the body), learned
    (the lines the batch learner found repeated in the example's style, when marsad has one),
    body (the first gold body paragraphs), style and name."""

    def __new__(cls, raw, header, body, style, name, learned=None):
        t = tuple.__new__(cls, (raw, header) if learned is None else (raw, header, learned))
        t.raw, t.header, t.body, t.style, t.name, t.learned = raw, header, body, style, name, learned
        return t


def _learned_by_doc(docs, raws: dict) -> dict:
    """What the batch furniture learner (if marsad has one) learns for each text document,
    fed with the text documents of its own style, as layout_batch would see them."""
    try:
        from ..furniture import FurnitureLearner
    except ImportError:
        return {}
    out = {}
    for style in dict.fromkeys(d.style for d in docs):
        group = [d for d in docs if d.style == style and d.kind == "text" and not isinstance(raws.get(id(d)), Exception)]
        learner = FurnitureLearner()
        for d in group:
            learner.add(raws[id(d)])
        for d in group:
            out[id(d)] = learner.learned(raws[id(d)])
    return out


def header_examples(docs, exclude: str | None = None, raws: dict | None = None, learned: dict | None = None) -> list:
    """Training examples for `train_header`: the text documents of every style but `exclude`
    (read with read_bytes), with their labelled header and first body paragraphs."""
    raws = raws if raws is not None else {id(d): _read(d) for d in docs if d.kind == "text"}
    learned = learned or {}
    out = []
    for d in docs:
        if d.kind != "text" or d.style == exclude or "header" not in d.gold or isinstance(raws.get(id(d)), Exception):
            continue
        out.append(HeaderExample(raws[id(d)], d.gold["header"], d.gold["paragraphs"][:3], d.style, d.name, learned.get(id(d))))
    return out


def _accepts(fn, name: str) -> bool:
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return False
    return name in sig.parameters or any(p.kind is p.VAR_KEYWORD for p in sig.parameters.values())


def _read(doc):
    from ..read import read_bytes

    try:
        return next(iter(read_bytes(doc.data, name=doc.name)))
    except Exception as e:  # a reader failure is a wrong document, not a crash of the evaluation
        return e


def _lay_out(L, raws: list, model) -> list:
    """Articles for one (style, kind) group (None where reading or layout failed)."""
    ok = [r for r in raws if not isinstance(r, Exception)]
    kw = {"header_model": model} if model is not None else {}
    batch = getattr(L, "layout_batch", None)
    arts: list = []
    if batch is not None and ok:
        if kw and not _accepts(batch, "header_model"):
            kw = {}
        arts = list(batch(ok, **kw))
    else:
        if kw and not _accepts(L.layout, "header_model"):
            kw = {}
        for r in ok:
            try:
                arts.append(L.layout(r, **kw))
            except Exception:
                arts.append(None)
    it = iter(arts)
    return [None if isinstance(r, Exception) else next(it, None) for r in raws]


def _shares(rows: list[dict[str, bool]]) -> dict:
    n = len(rows)
    out = {"n": n, "full": sum(all(r.values()) for r in rows) / n if n else 0.0}
    for f in FIELDS:
        out[f] = sum(r[f] for r in rows) / n if n else 0.0
    return out


def evaluate_layout(docs, loso: bool = True, keep_failures: set[str] | None = None,
                    only: set[str] | None = None) -> dict:
    """Score marsad.layout on gallery documents, per style and kind (text, html, both).

    `keep_failures`: styles whose failing documents are kept (gold vs got) in report["failures"].
    `only`: score these styles alone (the header model still learns from every other style)."""
    from .. import layout as L

    t0 = time.perf_counter()
    train = getattr(L, "train_header", None)
    styles = [s for s in dict.fromkeys(d.style for d in docs) if not only or s in only]
    kinds = [k for k in ("text", "html") if any(d.kind == k for d in docs)]
    report: dict = {"mode": {"train_header": train is not None, "layout_batch": hasattr(L, "layout_batch"),
                             "loso": loso}, "styles": {}, "failures": {}}
    raws_all = {id(d): _read(d) for d in docs if d.kind == "text" or d.style in styles}
    learned = _learned_by_doc(docs, raws_all) if train is not None and hasattr(L, "layout_batch") else {}
    global_model = None
    if train is not None and not loso:
        try:
            global_model = train(header_examples(docs, raws=raws_all, learned=learned))
        except ValueError as e:
            report["train_errors"] = {"*": str(e)}
    train_s = 0.0
    for style in styles:
        model = global_model
        if train is not None and loso:
            t = time.perf_counter()
            examples = header_examples(docs, exclude=style, raws=raws_all, learned=learned)
            try:
                model = train(examples) if examples else None
            except ValueError as e:  # e.g. no example aligned: lay the style out without a model
                model = None
                report.setdefault("train_errors", {})[style] = str(e)
            train_s += time.perf_counter() - t
        score_style(L, docs, style, kinds, lambda d: raws_all[id(d)], model, report, keep_failures)
    summarise(report, styles, kinds)
    report["documents"] = sum(1 for d in docs if d.style in styles)
    report["seconds"] = time.perf_counter() - t0
    report["train_seconds"] = train_s
    return report



def score_style(L, docs, style: str, kinds: list[str], raw_of, model, report: dict,
                keep_failures: set[str] | None = None) -> None:
    """Lay out one style's documents, each kind as one batch, and put its shares in the report."""
    rows_by_kind: dict[str, list] = {}
    for kind in kinds:
        group = [d for d in docs if d.style == style and d.kind == kind]
        if not group:
            continue
        raws = [raw_of(d) for d in group]
        arts = _lay_out(L, raws, model)
        rows = [score_doc(d.gold, a) for d, a in zip(group, arts)]
        rows_by_kind[kind] = rows
        if keep_failures and style in keep_failures:
            fails = report["failures"].setdefault(style, [])
            for d, a, r, raw in zip(group, arts, rows, raws):
                if not all(r.values()):
                    fails.append(_failure(d, a, r, raw))
    table = {k: _shares(v) for k, v in rows_by_kind.items()}
    table["both"] = _shares([r for v in rows_by_kind.values() for r in v])
    report["styles"][style] = table


def summarise(report: dict, styles: list[str], kinds: list[str]) -> None:
    """Means over styles, the worst style of each kind and each style's weakest field."""
    cols = kinds + ["both"]
    report["mean"] = {k: {f: _mean([t[k][f] for t in report["styles"].values() if k in t]) for f in ("full",) + FIELDS}
                      for k in cols}
    report["worst"] = {k: min((s for s in styles if k in report["styles"][s]), key=lambda s: report["styles"][s][k]["full"])
                       for k in cols if styles}
    report["weakest_field"] = {s: min(FIELDS, key=lambda f: report["styles"][s]["both"][f]) for s in styles}

def _mean(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else 0.0


def _failure(doc, art, row: dict, raw) -> dict:
    got = {}
    if art is not None:
        paras = _paragraphs(art)
        body = _body_text(art)
        got = {"title": art.title, "author": art.author, "published": art.published, "count": len(paras),
               "first": paras[0] if paras else None,
               "furniture": [f for f in doc.gold.get("furniture") or [] if f in body]}
    elif isinstance(raw, Exception):
        got = {"error": f"{type(raw).__name__}: {raw}"}
    g = doc.gold
    gold = {"title": g["title"], "author": g.get("author"), "published": g.get("published"),
            "count": len(g["paragraphs"]), "first": g["paragraphs"][0], "furniture": []}
    return {"name": doc.name, "kind": doc.kind, "encoding": doc.encoding, "wrong": [f for f in FIELDS if not row[f]],
            "gold": gold, "got": got, "header": g.get("header")}


def format_report(report: dict) -> str:
    st = report["styles"]
    kinds = [k for k in ("text", "html") if any(k in t for t in st.values())]
    lines = []
    m = report["mode"]
    lines.append(f"layout on the style gallery: {report['documents']} documents, {len(st)} styles; "
                 f"train_header: {'yes' if m['train_header'] else 'no'}"
                 f"{' (leave-one-style-out)' if m['train_header'] and m['loso'] else ' (in-sample)' if m['train_header'] else ''}, "
                 f"layout_batch: {'yes' if m['layout_batch'] else 'no'}; {report['seconds']:.1f} s"
                 + (f" ({report['train_seconds']:.1f} s training)" if report.get("train_seconds") else ""))
    lines.append("fields: text/html share right; full = every field right")
    head = "| style | " + " | ".join(f"full {k}" for k in kinds + ["both"]) + " | " + " | ".join(FIELDS) + " | weakest |"
    lines.append(head)
    lines.append("|---|" + "---:|" * (len(kinds) + 1 + len(FIELDS)) + "---|")

    def cell(t, f):
        return "/".join(f"{t[k][f]:.2f}" for k in kinds if k in t)

    for s, t in st.items():
        row = [s] + [f"{t[k]['full']:.2f}" if k in t else "-" for k in kinds + ["both"]] + [cell(t, f) for f in FIELDS]
        lines.append("| " + " | ".join(row) + f" | {report['weakest_field'][s]} |")
    mean = report["mean"]
    lines.append("| **mean** | " + " | ".join(f"{mean[k]['full']:.2f}" for k in kinds + ["both"]) + " | "
                 + " | ".join("/".join(f"{mean[k][f]:.2f}" for k in kinds) for f in FIELDS) + " | |")
    lines.append("")
    for k, s in report["worst"].items():
        lines.append(f"worst style ({k}): {s} — fully right {st[s][k]['full']:.2f}")
    worst5 = sorted(st, key=lambda s: st[s]["both"]["full"])[:5]
    lines.append("fields failing most in the worst styles:")
    for s in worst5:
        fails = sorted(FIELDS, key=lambda f: st[s]["both"][f])
        lines.append(f"  {s}: " + ", ".join(f"{f} {st[s]['both'][f]:.2f}" for f in fails[:3]))
    return "\n".join(lines)


def format_failures(report: dict, style: str, limit: int = 5) -> str:
    out = []
    fails = report["failures"].get(style, [])
    out.append(f"{style}: {len(fails)} failing documents; the first {min(limit, len(fails))}:")
    for f in fails[:limit]:
        out.append(f"--- {f['name']} ({f['kind']}, {f['encoding']}): wrong {', '.join(f['wrong'])}")
        for field in f["wrong"]:
            if field == "furniture" and "furniture" in f["got"]:
                out.append(f"  furniture left in the body: {f['got']['furniture']!r}")
                continue
            out.append(f"  {field}: gold {f['gold'].get(field)!r}")
            out.append(f"  {' ' * len(field)}  got  {f['got'].get(field, f['got'].get('error'))!r}")
        if f.get("header") and f["kind"] == "text":
            out.append("  header: " + " | ".join(f"{ln or '·'} [{lab}]" for ln, lab in f["header"] if lab != "blank"))
    return "\n".join(out)


def _default_data() -> Path:
    here = Path("../shared/data")
    if here.exists():
        return here
    return Path(__file__).resolve().parents[3].parent / "shared" / "data"


def add_arguments(p) -> None:
    p.add_argument("--data", default=None, help="public data directory holding ant-corpus-multisource-2018-03 (default ../shared/data)")
    p.add_argument("--per-style", type=int, default=40, help="documents per style and kind (default 40)")
    p.add_argument("--kinds", default="text,html", help="comma list: text, html (default both)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--styles", default=None, help="comma list of styles to score (default all; the others still train the header model)")
    p.add_argument("--no-loso", action="store_true", help="train the header model on every style (in-sample) instead of leaving the tested style out")
    p.add_argument("--write-gallery", metavar="DIR", default=None, help="also write the pages and gold.jsonl to DIR")
    p.add_argument("--show-failures", metavar="STYLE", default=None, help="print a few failing documents of STYLE, gold vs got")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--blind", action="store_true", help="score the blind gallery (gallery_blind: styles the layout was never tuned on) with the shipped header model")


def run(args) -> int:
    from .gallery import STYLES, build_gallery, write_gallery

    data = Path(args.data) if args.data else _default_data()
    root = data / "ant-corpus-multisource-2018-03"
    if not root.is_dir():
        raise MarsadError(f"no ANT corpus at {root} (give --data)")
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    bad = [k for k in kinds if k not in ("text", "html")]
    if bad or not kinds:
        raise MarsadError(f"--kinds: text, html (not {', '.join(bad) or 'nothing'})")
    if getattr(args, "blind", False):

        return run_blind(args, root, kinds)
    styles = [s.strip() for s in args.styles.split(",")] if args.styles else None
    if styles:
        unknown = [s for s in styles if s not in STYLES]
        if unknown:
            raise MarsadError(f"unknown style(s): {', '.join(unknown)}; styles: {', '.join(STYLES)}")
    if args.show_failures and args.show_failures not in STYLES:
        raise MarsadError(f"unknown style {args.show_failures!r}; styles: {', '.join(STYLES)}")
    # the whole gallery is built: with --styles, the other styles still train the header model
    docs = build_gallery(root, per_style=args.per_style, seed=args.seed, kinds=kinds)
    if args.write_gallery:
        out = write_gallery(docs, args.write_gallery)
        print(f"gallery: {len(docs)} documents written to {out}", file=sys.stderr)
    report = evaluate_layout(docs, loso=not args.no_loso,
                             keep_failures={args.show_failures} if args.show_failures else None,
                             only=set(styles) if styles else None)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    print(format_report(report))
    if args.show_failures:
        print()
        print(format_failures(report, args.show_failures))
    return 0


# -- the blind gallery --------------------------------------------------------------------------
def evaluate_blind(docs, keep_failures: set[str] | None = None) -> dict:
    """Score marsad.layout on blind gallery documents with its shipped header model (no header
    model is trained or passed); each (style, kind) group is laid out as one batch, as
    `evaluate_layout` does. The report has evaluate_layout's shape (format_report prints it)."""
    import time

    from .. import layout as L

    t0 = time.perf_counter()
    styles = list(dict.fromkeys(d.style for d in docs))
    kinds = [k for k in ("text", "html") if any(d.kind == k for d in docs)]
    report: dict = {"mode": {"train_header": False, "layout_batch": hasattr(L, "layout_batch"), "loso": False,
                             "blind": True, "header_model": "shipped"}, "styles": {}, "failures": {}}
    for style in styles:
        score_style(L, docs, style, kinds, _read, None, report, keep_failures)
    summarise(report, styles, kinds)
    report["documents"] = len(docs)
    report["seconds"] = time.perf_counter() - t0
    report["train_seconds"] = 0.0
    return report


def run_blind(args, root: Path, kinds: list[str]) -> int:
    """`marsad evaluate layout --blind`: the blind gallery, the shipped header model."""

    from .gallery_blind import BLIND_STYLES, build_blind_gallery, write_gallery

    styles = [s.strip() for s in args.styles.split(",")] if args.styles else None
    for s in (styles or []) + ([args.show_failures] if args.show_failures else []):
        if s not in BLIND_STYLES:
            raise MarsadError(f"unknown blind style {s!r}; blind styles: {', '.join(BLIND_STYLES)}")
    docs = build_blind_gallery(root, per_style=args.per_style, seed=args.seed, kinds=kinds, styles=styles)
    if args.write_gallery:
        out = write_gallery(docs, args.write_gallery)
        print(f"blind gallery: {len(docs)} documents written to {out}", file=sys.stderr)
    report = evaluate_blind(docs, keep_failures={args.show_failures} if args.show_failures else None)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    print("BLIND styles (never tuned on), shipped header model, no training:")
    print(format_report(report))
    if args.show_failures:
        print()
        print(format_failures(report, args.show_failures))
    return 0
