"""`marsad ner-tag FILE`: tag a one-token-a-line file with the NER tagger."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import MarsadError


def register(sub) -> None:
    p = sub.add_parser("ner-tag", help="tag tokens (one a line, blank line between sentences) with B-/I- PER, LOC, ORG, MISC")
    p.add_argument("file", metavar="FILE", help="input file, or - for standard input; extra columns after the token are ignored")
    p.add_argument("--model", metavar="PATH", help="model directory (default: the shipped model)")
    p.add_argument("--sentence-only", action="store_true",
                   help="tag each sentence alone (no document-level label consistency across sentences)")
    p.set_defaults(func=run)


def read_blocks(lines):
    """Sentences of tokens; each input line is one token (its first field), blank lines split."""
    sent: list[str] = []
    for line in lines:
        fields = line.rstrip("\r\n").split()
        if not fields:
            yield sent
            sent = []
        else:
            sent.append(fields[0])
    yield sent


def run(args) -> int:
    from ..ner import get_tagger, load_tagger

    if args.file == "-":
        text = sys.stdin.read()
    else:
        path = Path(args.file)
        if not path.is_file():
            raise MarsadError(f"no such file: {args.file}")
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise MarsadError(f"{args.file} is not UTF-8 text") from None
    tagger = load_tagger(args.model) if args.model else get_tagger()
    out = sys.stdout
    blocks = list(read_blocks(text.splitlines()))
    tagged = tagger.tag_sentences(blocks, consistent=not args.sentence_only)
    for i, (sent, tags) in enumerate(zip(blocks, tagged)):
        for tok, tag in zip(sent, tags):
            out.write(f"{tok}\t{tag}\n")
        if i + 1 < len(blocks):
            out.write("\n")
    return 0
