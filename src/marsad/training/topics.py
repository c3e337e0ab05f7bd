"""Train the topic classifier on the ANT corpus sections and write models/topics/model.npz."""
from __future__ import annotations

from pathlib import Path

from ..errors import MarsadError


def add_arguments(p) -> None:
    p.add_argument("--ant", required=True, help="ANT corpus root (ant-corpus-multisource-2018-03)")
    p.add_argument("--out", default=None, help="model file (default: the package's models/topics/model.npz)")
    p.add_argument("--split", choices=["date", "hash", "none"], default="date",
                   help="train on the training part of this split (default date: 1-24 March); none = all articles")


def run(args) -> int:
    from ..topics import train as t
    from ..topics.model import MODEL_DIR

    root = Path(args.ant)
    if not root.is_dir():
        raise MarsadError(f"no ANT corpus at {root}")
    docs = t.load(root)
    if not docs:
        raise MarsadError(f"no ANT articles under {root}")
    train_docs = docs if args.split == "none" else t.split(docs, args.split).train
    m = t.fit(train_docs)
    out = Path(args.out) if args.out else MODEL_DIR / "model.npz"
    out.parent.mkdir(parents=True, exist_ok=True)
    m.save(out)
    print(f"trained on {len(train_docs)} articles, {len(m.vocab)} features, labels {', '.join(m.labels)} -> {out}")
    return 0
