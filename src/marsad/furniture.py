"""Furniture learned from a batch: lines that repeat across many documents of one source.

An outlet's template prints the same lines on every page (its masthead, its menu, its
"most read" box, its newsletter prompt). No vocabulary lists them all, but a batch
shows them: a short line found in a large share of one source's documents is that
source's furniture. `FurnitureLearner` counts them as documents stream past; layout
takes the learned set (`layout(raw, learned=...)`), and the corpus keeps it per source
so a later ingest of the same source starts from what was learned.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from urllib.parse import urlsplit

from .layout_vocab import fold as _fold

MAX_WORDS = 15  # longer lines are prose, never learned
MIN_DOCS = 4  # a source needs this many documents before anything is learned
MIN_SHARE = 0.2  # ... and a line must be in this share of them
MAX_LINES = 20000  # distinct lines counted per source before the single sightings are dropped
_SENTENCE_END = re.compile(r"[.!?؟]\s*[\"»”']?\s*$")


_DIGITS = re.compile(r"\d+")


def fold(line: str) -> str:
    """A line's key: folded as layout compares lines, with every number written 0, so that a
    template line that differs only in a counter or a date (`المشاهدات: 9898`) is one line."""
    return _DIGITS.sub("0", _fold(line))


def source_key(raw) -> str:
    """Which source a document came from: its site, its URL's host, else its folder or file."""
    if raw.site:
        return str(raw.site).strip().lower()
    src = (raw.extra or {}).get("source") if isinstance(raw.extra, dict) else None
    if src:
        return str(src).strip().lower()
    if raw.url:
        host = urlsplit(str(raw.url)).hostname
        if host:
            return host.lower().removeprefix("www.")
    if raw.path:
        # one JSON Lines file, feed or WARC is one source; loose files, their folder
        return os.path.dirname(os.path.abspath(raw.path)) if raw.format in ("text", "html") else os.path.abspath(raw.path)
    return ""


def _doc_lines(raw) -> set[str]:
    texts = [t for _, t in raw.blocks] if raw.blocks else raw.text.splitlines()
    out = set()
    for t in texts:
        t = t.strip()
        if not t or len(t) > 160 or len(t.split()) > MAX_WORDS:
            continue
        if len(t.split()) >= 6 and _SENTENCE_END.search(t):
            continue  # a sentence, even one a source repeats, is body
        f = fold(t)
        if len(f) >= 2:
            out.add(f)
    return out


class FurnitureLearner:
    """Counts, per source, in how many documents each short line appears."""

    def __init__(self, known: dict[str, tuple[int, dict[str, int]]] | None = None):
        # source -> (documents seen, line -> documents with it); `known` comes from the corpus
        self.docs: Counter = Counter()
        self.lines: dict[str, Counter] = {}
        for src, (n, counts) in (known or {}).items():
            self.docs[src] = n
            self.lines[src] = Counter(counts)

    def add(self, raw) -> None:
        key = source_key(raw)
        self.docs[key] += 1
        counts = self.lines.setdefault(key, Counter())
        counts.update(_doc_lines(raw))
        if len(counts) > MAX_LINES:
            # bounded memory over a long ingest: lines seen once are forgotten (a template's
            # lines come back on every page and are soon counted again)
            for line in [ln for ln, c in counts.items() if c <= 1]:
                del counts[line]

    def learned(self, key_or_raw) -> frozenset[str]:
        key = key_or_raw if isinstance(key_or_raw, str) else source_key(key_or_raw)
        n = self.docs.get(key, 0)
        if n < MIN_DOCS:
            return frozenset()
        need = max(3, MIN_SHARE * n)
        return frozenset(line for line, c in self.lines.get(key, {}).items() if c >= need)

    def state(self) -> dict[str, tuple[int, dict[str, int]]]:
        """What was learned, to store: per source, documents seen and the counts of lines seen
        in at least two documents (single sightings are not worth keeping)."""
        return {k: (self.docs[k], {ln: c for ln, c in self.lines.get(k, {}).items() if c >= 2}) for k in self.docs}


def with_furniture(docs, learner: FurnitureLearner, chunk: int = 64):
    """Stream documents with their source's learned furniture attached (`raw.extra["furniture"]`,
    which layout reads): each chunk is counted before its documents are released, so the
    first documents of a batch benefit too. Anything that is not a RawDocument (a reader's
    error report) passes through in its place."""
    from .read import RawDocument

    buf: list = []

    def release():
        by_source: dict[str, frozenset[str]] = {}  # one scan of a source's counts per chunk
        for d in buf:
            if isinstance(d, RawDocument):
                key = source_key(d)
                if key not in by_source:
                    by_source[key] = learner.learned(key)
                if by_source[key]:
                    d.extra["furniture"] = by_source[key]
        yield from buf
        buf.clear()

    for d in docs:
        if isinstance(d, RawDocument):
            learner.add(d)
        buf.append(d)
        if len(buf) >= chunk:
            yield from release()
    yield from release()
