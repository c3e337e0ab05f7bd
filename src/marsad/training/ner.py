"""Train the NER sequence tagger (CRF) from CoNLL `token TAG` files."""
from __future__ import annotations

from pathlib import Path

from ..errors import MarsadError
from ..ner.features import OPTIONS


def add_arguments(p) -> None:
    p.add_argument("--data", nargs="+", required=True, metavar="FILE",
                   help="CoNLL files (token TAG per line, blank line between sentences); ANERcorp, NewsFANE, "
                        "AQMAR and Wojood tag sets are mapped to PER/LOC/ORG/MISC")
    p.add_argument("--out", required=True, metavar="PATH", help="model directory to write")
    p.add_argument("--dev-from", metavar="FILE",
                   help="hold out the last sixth of this --data file as dev set, drop sentences of the other "
                        "files that overlap it, and score the model on the dev set")
    p.add_argument("--unlabeled", nargs="*", default=[], metavar="PATH",
                   help="ANT-corpus folders or plain text files to learn word clusters from")
    p.add_argument("--clusters", metavar="FILE", help="reuse a clusters.tsv instead of learning one")
    p.add_argument("--gazetteer", action="append", default=[], metavar="TYPE=FILE",
                   help="name list, one a line, for gazetteer features (repeatable)")
    p.add_argument("--gazetteer-snapshot", metavar="FILE",
                   help="reuse a model's gazetteer.tsv as it is instead of building one from --gazetteer "
                        "lists and the knowledge base (which may have changed since that model)")
    p.add_argument("--no-kb", action="store_true", help="do not use the entities knowledge base as gazetteer")
    p.add_argument("--self-train", type=int, default=0, metavar="N",
                   help="after a first fit, add the N most confident sentences the tagger labels in the "
                        "--unlabeled text and fit again")
    p.add_argument("--c1", type=float, default=None, help="L1 regularisation")
    p.add_argument("--c2", type=float, default=None, help="L2 regularisation")
    p.add_argument("--iterations", type=int, default=None, help="L-BFGS iterations")
    p.add_argument("--word-scale", type=float, default=1.0, metavar="X",
                   help="multiply the word-vector features by X (regularisation acts on the scaled values)")
    p.add_argument("--subword-scale", type=float, default=1.0, metavar="X",
                   help="multiply the subword-vector features by X")
    p.add_argument("--stack-folds", type=int, default=0, metavar="K",
                   help="also fit a second-stage CRF that sees the first one's labels around each token "
                        "(marsad.ner.stack), its training labels cross-fitted over K blocks (0: one stage)")
    p.add_argument("--stack-mix", type=float, default=1.0, metavar="A",
                   help="with --stack-folds: decode A x the second stage's scores + (1 - A) x the first's "
                        "(1: the second stage alone)")
    p.add_argument("--stack-c2", type=float, default=None, metavar="X",
                   help="with --stack-folds: the second stage's L2 regularisation (default: --c2)")
    p.add_argument("--feature", action="append", default=[], choices=sorted(OPTIONS), metavar="NAME",
                   help="turn on an optional feature: " + ", ".join(sorted(OPTIONS)) + " (repeatable)")


def run(args) -> int:
    from ..ner.evaluate import format_table
    from ..ner.train import train_model

    for f in list(args.data) + ([args.dev_from] if args.dev_from else []) + list(args.unlabeled):
        if not Path(f).exists():
            raise MarsadError(f"no such file: {f}")
    gaz: dict[str, list[str]] = {}
    for spec in args.gazetteer:
        kind, sep, path = spec.partition("=")
        if not sep or kind not in ("PER", "LOC", "ORG", "MISC"):
            raise MarsadError(f"--gazetteer wants TYPE=FILE with TYPE in PER, LOC, ORG, MISC, got {spec!r}")
        if not Path(path).exists():
            raise MarsadError(f"no such file: {path}")
        gaz.setdefault(kind, []).append(path)
    if not args.clusters and not args.unlabeled:
        print("note: no --unlabeled text: word clusters are learned from the training text only")
    params = {k: v for k, v in (("c1", args.c1), ("c2", args.c2), ("max_iterations", args.iterations)) if v is not None}
    try:
        meta = train_model(args.data, args.out, dev_from=args.dev_from, unlabeled=args.unlabeled,
                           clusters_file=args.clusters, gazetteers=gaz, use_kb=not args.no_kb, params=params,
                           self_train=args.self_train,
                           scale={"word": args.word_scale, "subword": args.subword_scale},
                           options={name: True for name in args.feature}, stack_folds=args.stack_folds,
                           stack_mix=args.stack_mix, gazetteer_snapshot=args.gazetteer_snapshot,
                           stack_params={"c2": args.stack_c2} if args.stack_c2 is not None else None)
    except (ValueError, UnicodeDecodeError) as e:
        raise MarsadError(f"cannot read training data: {e}") from None
    if "dev" in meta:
        print(f"dev split of {meta['dev_from']}:")
        print(format_table(meta["dev"]))
    print(f"model written to {args.out}")
    return 0
