"""Entity-level precision, recall and F1 of the NER tagger on a `token TAG` file."""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import MarsadError


def add_arguments(p) -> None:
    p.add_argument("file", metavar="FILE", help="gold CoNLL file: token TAG per line, blank line between sentences")
    p.add_argument("--pred", metavar="FILE", help="score this prediction file (same tokens) instead of running the tagger")
    p.add_argument("--model", metavar="PATH", help="model directory (default: the shipped model)")
    p.add_argument("--dev-split", action="store_true",
                   help="score only the development split of FILE (its last sixth by tokens, as `marsad train ner "
                        "--dev-from` holds out)")
    p.add_argument("--sentence-only", action="store_true",
                   help="tag each sentence alone, without document-level label consistency")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")


def run(args) -> int:
    from ..ner import get_tagger, load_tagger
    from ..ner.evaluate import format_table, score

    gold = _read(args.file)
    if args.dev_split:
        from ..ner.split import anercorp_split

        gold = anercorp_split(gold)[1]
    if args.pred:
        pred_sents = _read(args.pred)
        if args.dev_split:
            pred_sents = anercorp_split(pred_sents)[1]
        if [t for t, _ in pred_sents] != [t for t, _ in gold]:
            raise MarsadError(f"{args.pred} does not have the same tokens and sentences as {args.file}")
        pred = [p for _, p in pred_sents]
    else:
        tagger = load_tagger(args.model) if args.model else get_tagger()
        pred = tagger.tag_sentences([t for t, _ in gold], consistent=not args.sentence_only)
    result = score([g for _, g in gold], pred)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(format_table(result))
    return 0


def _read(path: str):
    from ..ner.data import read_conll

    if not Path(path).is_file():
        raise MarsadError(f"no such file: {path}")
    try:
        sents = list(read_conll(path))
    except (ValueError, UnicodeDecodeError) as e:
        raise MarsadError(f"cannot read {path}: {e}") from None
    if not sents:
        raise MarsadError(f"{path} holds no tokens")
    return sents
