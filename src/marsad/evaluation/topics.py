"""Topic accuracy and confusion matrix on the held-out ANT split (25-31 March 2018 by default)."""
from __future__ import annotations

from pathlib import Path

from ..errors import MarsadError


def add_arguments(p) -> None:
    p.add_argument("--ant", required=True, help="ANT corpus root (ant-corpus-multisource-2018-03)")
    p.add_argument("--split", choices=["date", "hash", "outlet"], default="date",
                   help="date: test on 25-31 March (the shipped model's split); hash: retrain on 80%% and test on 20%%; "
                        "outlet: retrain without one outlet and test on it (--outlet)")
    p.add_argument("--outlet", default="SkyNews")
    p.add_argument("--model", default=None, help="model file (default: the shipped one; ignored unless --split date)")


def run(args) -> int:
    from ..topics import train as t
    from ..topics.model import TopicModel, model

    root = Path(args.ant)
    if not root.is_dir():
        raise MarsadError(f"no ANT corpus at {root}")
    docs = t.load(root)
    s = t.split(docs, args.split, args.outlet)
    if not s.test:
        raise MarsadError("the held-out split is empty")
    if args.split == "date":
        m = TopicModel.load(args.model) if args.model else model()
        if m is None:
            raise MarsadError("no topic model: run `marsad train topics --ant DIR` first")
    else:
        m = t.fit(s.train)
    _, text = t.report(m, s.test)
    print(f"split: {args.split}" + (f" (test outlet {args.outlet})" if args.split == "outlet" else ""))
    print(text)
    return 0
