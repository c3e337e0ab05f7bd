"""Readers: bytes → RawDocument, chosen by content (not only by file extension).

`read_path(path)` yields one RawDocument per article the file holds: one for a
scrape or an HTML page, many for JSON Lines, TREC (<DOC>) files, RSS/Atom feeds and WARC files.

Contract for callers: a record that cannot be used (malformed JSON, a field of the
wrong type, a <DOC> with no text) is *yielded* as a `BadRecord` (an InputError whose
`str` is the one-line report and `where` the file:line), and reading goes on; an
`InputError` is *raised* only when the input as a whole cannot be read. A document
decoded from bytes carries extra["encoding"] and extra["decode_replaced"] (the
damaged bytes replaced by U+FFFD: warn when it is not 0).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawDocument:
    """What a reader found, before layout.

    `text` is the page body as plain text (a scrape, or text extracted from HTML).
    `blocks`, when a reader knows the structure (HTML), is a list of
    ("heading" | "paragraph" | "caption", text) in reading order, and layout uses it
    instead of guessing from lines. Metadata fields are whatever the source said.
    """

    text: str
    format: str = "text"
    path: str | None = None
    url: str | None = None
    id: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None  # as the source wrote it (ISO or free text)
    site: str | None = None
    image_caption: str | None = None
    blocks: list[tuple[str, str]] | None = None
    extra: dict = field(default_factory=dict)


from ..errors import BadRecord  # noqa: E402
from .dispatch import read_bytes, read_path, read_text  # noqa: E402

__all__ = ["BadRecord", "RawDocument", "read_bytes", "read_path", "read_text"]
