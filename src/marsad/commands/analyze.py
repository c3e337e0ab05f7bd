"""`marsad analyze PATH...`: lay out and annotate articles; print JSON, JSON Lines or a report."""
from __future__ import annotations

import argparse
import re
import sys

from ..annotate.pipeline import STAGE_NAMES
from ..errors import MarsadError
from ..options import add_time_policy


def register(sub) -> None:
    p = sub.add_parser("analyze", help="analyse articles (text scrapes, HTML, JSON Lines, RSS/Atom, WARC)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or directories; - reads standard input")
    p.add_argument("--tz", metavar="ZONE", help="IANA time zone for datelines without an offset (e.g. Africa/Cairo)")
    p.add_argument("--published", metavar="ISO", help="reference time when a document has no dateline")
    add_time_policy(p)
    p.add_argument("--format", choices=["json", "jsonl", "text"], default=None,
                   help="json (one input), jsonl (one Article per line) or text (a readable report)")
    p.add_argument("--skip", action="append", default=[], metavar="NAME",
                   help=f"leave out an annotation stage ({', '.join(STAGE_NAMES)}, or layout for layout only); repeatable or comma-separated")
    p.set_defaults(func=run)


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _say(msg: str) -> None:
    """One line on stderr: control codes a damaged file put in a message (ESC, CR, ...) are escaped."""
    print("marsad: " + _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", msg), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from ..analysis import analyze
    from ..furniture import FurnitureLearner, with_furniture
    from ..inputs import Failure, damage_warning, documents, is_batch
    from ..options import Options

    options = Options.checked(args.tz, args.published, args.skip, time_policy=args.time_policy)
    batch = is_batch(args.paths)
    fmt = args.format or ("jsonl" if batch else "json")
    report = None
    if fmt == "text":
        from ..report import render

        report = render
    ok = failed = 0
    out = sys.stdout
    single_result = []
    warned = set()
    # a batch's documents teach layout their source's furniture (lines repeated across them)
    for doc in with_furniture(documents(args.paths), FurnitureLearner()):
        if isinstance(doc, Failure):
            failed += 1
            _say(doc.message)
            continue
        warning = damage_warning(doc)
        if warning and warning not in warned:  # once per file (or JSON Lines record), not per document
            warned.add(warning)
            _say(warning)
        where = doc.path or doc.url or "input"
        if doc.extra.get("line") and doc.path:
            where = f"{where}:{doc.extra['line']}"
        try:
            art = analyze(doc, options=options)
        except MarsadError as e:
            failed += 1
            _say(f"{where}: {e}")
            continue
        except Exception as e:  # an annotator bug on one document must not end the batch (as in ingest)
            failed += 1
            _say(f"{where}: analysis failed ({type(e).__name__}: {str(e)[:200]})")
            continue
        ok += 1
        if report:
            report(art)
        elif fmt == "json" and not batch:
            single_result.append(art)
        else:
            out.write(art.to_json() + "\n")
    if single_result:
        if len(single_result) == 1:
            out.write(single_result[0].to_json(indent=1) + "\n")
        else:  # one file that held several records: fall back to JSON Lines
            for a in single_result:
                out.write(a.to_json() + "\n")
    out.flush()
    if failed and batch and ok:
        print(f"marsad: {failed} input(s) could not be analysed; {ok} were", file=sys.stderr)
    return 1 if failed else 0
