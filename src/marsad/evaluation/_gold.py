"""Shared pieces of the quotes and events evaluations: their command-line arguments,
reading gold JSONL, running the pipeline on each gold document (timed), deciding
whether an entity is the one a gold record names, and printing the score table.

A gold document is one JSON object a line: `text` (paragraphs separated by blank
lines, the article body), `published` (ISO 8601, optional) and the records to
score. A participant (speaker, actor, target) is written as an English name, an
Arabic surface, or a list of acceptable alternatives: the English name matches
the entity's name or aliases; an Arabic surface matches the entity's Arabic name
or one of its mentions. So gold stays valid whatever ids the knowledge base uses,
and names the knowledge base does not hold (romanised by the entity annotator)
are still checked against what the text calls them.

A gold document on a public corpus article names the article instead of holding
its text: `ant_path` is the path of an ANT corpus file under the data folder
(`--data DIR`, else $MARSAD_DATA, else a `shared/data` folder beside the project
or the working directory). The body paragraphs become `text` and the file's
<TIME> becomes `published` when the record gives none. The corpus never enters
the repository.

The real-news gold set (tests/data/realnews_gold/{dev,test}.jsonl) holds its texts and
marks offsets and typed agents; `from_realnews` reads it in these terms, and records
with "annotated": false are skipped.
"""
from __future__ import annotations

import json
import os
import re
import time
import unicodedata
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Iterator

from ..annotate import pipeline
from ..arabic import normalize
from ..article import Article, Section
from ..corpora import parse_ant
from ..errors import MarsadError

_ARABIC = re.compile("[\u0600-\u06ff]")


def add_arguments(parser, example: str) -> None:
    """The arguments of a gold-file evaluation; `example` is a gold file to name in the help."""
    parser.add_argument("file", help=f"gold JSONL (e.g. {example})")
    parser.add_argument("--errors", action="store_true", help="print every miss and false alarm")
    parser.add_argument("--data", metavar="DIR", help="folder holding the corpora that 'ant_path' records name (default: $MARSAD_DATA or ../shared/data)")


def data_dirs(gold: Path, data: str | None = None) -> list[Path]:
    """Where corpus paths in a gold file are looked up, first match wins."""
    if data:
        return [Path(data)]
    out = []
    if os.environ.get("MARSAD_DATA"):
        out.append(Path(os.environ["MARSAD_DATA"]))
    for base in [Path.cwd(), *gold.resolve().parents]:
        out.append(base / ".." / "shared" / "data")
    return out


def _ant_text(rel: str, dirs: list[Path], where: str) -> tuple[str, str | None]:
    for d in dirs:
        f = d / rel
        if f.is_file():
            rec = parse_ant(f.read_text(encoding="utf-8", errors="replace"))
            published = None
            if rec.get("time"):
                try:
                    published = parsedate_to_datetime(rec["time"]).isoformat()
                except (TypeError, ValueError):
                    published = None
            return "\n\n".join(rec["paragraphs"]), published
    raise MarsadError(f"{where}: corpus article not found: {rel} (give --data DIR, the folder that holds it)")


def read_gold(path: str, key: str, data: str | None = None) -> list[dict]:
    p = Path(path)
    if not p.is_file():
        raise MarsadError(f"no such gold file: {path}")
    docs = []
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            raise MarsadError(f"{path}:{n}: not JSON ({e.msg})") from None
        if isinstance(d, dict) and "text" not in d and isinstance(d.get("ant_path"), str):
            d["text"], published = _ant_text(d["ant_path"], data_dirs(p, data), f"{path}:{n}")
            d.setdefault("published", published)
        if not isinstance(d, dict) or not isinstance(d.get("text"), str) or not isinstance(d.get(key), list):
            raise MarsadError(f"{path}:{n}: a gold line needs 'text' (or 'ant_path') and a '{key}' list")
        if d.get("annotated") is False:
            continue  # a selected article of the real-news set not annotated yet
        docs.append(from_realnews(d))
    if not docs:
        raise MarsadError(f"{path}: no gold documents")
    return docs


# country codes of typed unnamed agents (tests/data/realnews_gold): the country an agent of
# that kind accepts, as the older files accept the country a role phrase names
_COUNTRIES = {"USA": "United States", "RUS": "Russia", "SYR": "Syria", "EGY": "Egypt", "SAU": "Saudi Arabia",
              "TUR": "Turkey", "IRN": "Iran", "ISR": "Israel", "IRQ": "Iraq", "YEM": "Yemen", "GBR": "United Kingdom",
              "FRA": "France", "DEU": "Germany", "CHN": "China", "JPN": "Japan", "PSE": "Palestine", "LBN": "Lebanon",
              "AFG": "Afghanistan", "PAK": "Pakistan", "LBY": "Libya", "QAT": "Qatar", "ARE": "United Arab Emirates"}


def _participant(v):
    """A real-news participant for the scorers: alias lists stay; a typed unnamed agent
    ({"agent": "MIL", "country": "USA", "of": [...]}) accepts its body's names and its
    country; an agent with neither is not checked (None)."""
    if not isinstance(v, dict):
        return v
    alts = list(v.get("of") or [])
    if v.get("country"):
        alts.append(_COUNTRIES.get(v["country"], v["country"]))
    return alts or None


def from_realnews(d: dict) -> dict:
    """A record of tests/data/realnews_gold read in the older files' terms, in place:
    a quotation's `starts` is its text at start:end; an event's actor and target become
    alternatives (see _participant); its `when` and `where` are written as in the text
    (a time expression, not its value; a place with its preposition), which the scorer
    cannot compare, so they move to `when_text` / `where_text`; polarity negative
    is the older `denied`, a positive event marked `planned` is `planned`, any other
    positive one is not scored. Older records pass unchanged."""
    text = d["text"]
    for q in d.get("quotes") or []:
        if "starts" not in q and isinstance(q.get("start"), int) and isinstance(q.get("end"), int):
            q["starts"] = text[q["start"]:q["end"]]
    for e in d.get("events") or []:
        if not isinstance(e.get("start"), int):
            continue
        e["actor"], e["target"] = _participant(e.get("actor")), _participant(e.get("target"))
        for k in ("when", "where"):  # as written ("في دمشق"): kept aside, not scored
            v = e.pop(k, None)
            if isinstance(v, str):
                e[f"{k}_text"] = v
        pol, planned = e.pop("polarity", None), e.pop("planned", False)
        if pol == "negative":
            e["polarity"] = "denied"
        elif planned:
            e["polarity"] = "planned"
    return d


def annotate_doc(doc: dict) -> Article:
    """The article for a gold document, annotated by the full pipeline (no layout step)."""
    a = Article(sections=[Section(None, doc["text"].split("\n\n"))], published=doc.get("published"))
    a.rebuild_text()
    return pipeline.run(a)


def annotated(docs: list[dict]) -> Iterator[tuple[dict, Article, float]]:
    """(gold document, its annotated article, seconds the pipeline took) for each document.

    The first document is annotated once before timing starts, so knowledge loading
    is not counted.
    """
    annotate_doc(docs[0])
    for d in docs:
        t0 = time.perf_counter()
        a = annotate_doc(d)
        yield d, a, time.perf_counter() - t0


def _latin(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def alternatives(g) -> list[str]:
    if g is None:
        return []
    return list(g) if isinstance(g, list) else [g]


def names_entity(article: Article, entity_id: str | None, gold) -> bool:
    """Whether `entity_id` is an entity the gold alternatives name (None gold: no entity)."""
    alts = alternatives(gold)
    if not alts:
        return entity_id is None
    if entity_id is None:
        return False
    e = article.entity(entity_id)
    if e is None:
        return any(_latin(a) == _latin(entity_id) for a in alts if not _ARABIC.search(a))
    latin = {_latin(e.name), _latin(e.id)} | {_latin(x) for x in e.aliases}
    arabic = [normalize(x) for x in [e.name_ar or ""] + [m.text for m in e.mentions] if x]
    for a in alts:
        if _ARABIC.search(a):
            na = normalize(a)
            if any(na in x for x in arabic):
                return True
        elif _latin(a) in latin:
            return True
    return False


def prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_file(args, key: str, score) -> tuple[dict, list[str] | None]:
    """Read the gold file the command names (`key`: its list of records) and `score` it;
    the error list is collected only with --errors."""
    docs = read_gold(args.file, key, getattr(args, "data", None))
    errs: list[str] | None = [] if args.errors else None
    return score(docs, errs), errs


def print_scores(heading: str, rows: list[tuple[str, tuple[float, float, float]]]) -> None:
    """The heading line, then a Markdown table of (measure, (precision, recall, F1)) rows."""
    print(heading)
    print("| measure | precision | recall | F1 |")
    print("| --- | --- | --- | --- |")
    for name, (p, r, f) in rows:
        print(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} |")


def print_tail(seconds: float, n_docs: int, errors: list[str] | None) -> None:
    """The mean time a document, then every error line (`--errors`)."""
    print(f"time: {1000 * seconds / max(1, n_docs):.2f} ms a document (whole pipeline, knowledge loaded)")
    for e in errors or []:
        print(e)
