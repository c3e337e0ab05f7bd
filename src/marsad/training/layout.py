"""Train the layout's header model on the outlet gallery and write models/layout/header.json."""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import MarsadError


def add_arguments(p) -> None:
    p.add_argument("--data", default=None, help="shared data folder holding ant-corpus-multisource-2018-03 (default ../shared/data)")
    p.add_argument("--per-style", type=int, default=60, help="gallery articles per style (default 60)")
    p.add_argument("--seed", type=int, default=1, help="gallery seed (default 1: not the evaluation's 0)")
    p.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength (default 1)")
    p.add_argument("--out", default=None, help="model file (default: the package's models/layout/header.json)")


def examples(docs) -> list[tuple]:
    """(RawDocument, gold header, learned furniture) for the gallery's text scrapes, each style's
    documents read as one batch (the furniture learner sees what layout_batch would)."""
    from ..furniture import FurnitureLearner
    from ..read import read_bytes

    out = []
    groups: dict[tuple[str, str], list] = {}
    for d in docs:
        if d.kind == "text" and d.gold.get("header") is not None:
            groups.setdefault((d.style, d.kind), []).append(d)
    for group in groups.values():
        learner = FurnitureLearner()
        raws = []
        for d in group:
            raw = next(read_bytes(d.data, name=d.name))
            learner.add(raw)
            raws.append((raw, d.gold["header"]))
        out += [(raw, header, learner.learned(raw)) for raw, header in raws]
    return out


def fit(docs, c: float = 1.0):
    from ..layout import train_header

    return train_header(examples(docs), c=c)


def run(args) -> int:
    from ..evaluation.gallery import build_gallery
    from ..models import __file__ as models_init

    data = Path(args.data) if args.data else Path.cwd().parent / "shared" / "data"
    ant = data / "ant-corpus-multisource-2018-03"
    if not ant.is_dir():
        raise MarsadError(f"no ANT corpus at {ant} (give --data)")
    docs = build_gallery(ant, per_style=args.per_style, seed=args.seed, kinds=("text",))
    model = fit(docs, c=args.c)
    out = Path(args.out) if args.out else Path(models_init).parent / "layout" / "header.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model.to_json(), ensure_ascii=False) + "\n", "utf-8")
    print(f"trained the header model on {len(docs)} gallery scrapes ({args.per_style} per style, seed {args.seed}) -> {out}")
    return 0
