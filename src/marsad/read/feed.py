"""RSS and Atom feeds (feedparser): one document per entry, its HTML content turned into blocks,
its title without the site name and its author only if a person or an agency (outlets.py)."""
from __future__ import annotations

import re
from typing import Iterator

from ..errors import InputError
from . import RawDocument
from .jsonl import BadRecord


def html_fragment_blocks(fragment: str) -> list[tuple[str, str]]:
    """Blocks (heading/paragraph/caption) of an HTML fragment such as a feed item's content."""
    from lxml import html as lh

    if not re.search(r"<\w", fragment or ""):
        return [("paragraph", p.strip()) for p in re.split(r"\n\s*\n|\n", fragment or "") if p.strip()]
    try:
        root = lh.fragment_fromstring(fragment, create_parent="div")
    except Exception:
        return []
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    out: list[tuple[str, str]] = []
    leaf_tags = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption"}
    found = False
    for el in root.iter():
        if el.tag not in leaf_tags:
            continue
        if any(c.tag in leaf_tags for c in el.iterdescendants()):
            continue
        found = True
        t = re.sub(r"\s+", " ", el.text_content()).strip()
        if not t:
            continue
        kind = "heading" if el.tag[0] == "h" and el.tag[1:].isdigit() else "caption" if el.tag == "figcaption" else "paragraph"
        out.append((kind, t))
    if not found:
        text = root.text_content()
        out = [("paragraph", p.strip()) for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    return out


def read_feed(data: bytes) -> Iterator[RawDocument]:
    import feedparser

    from ..outlets import strip_site
    from .html import clean_author

    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.bozo:
            raise InputError(f"feed could not be parsed ({type(parsed.bozo_exception).__name__})")
        raise InputError("feed has no entries")
    fmt = "atom" if parsed.version and parsed.version.startswith("atom") else "rss"
    site = parsed.feed.get("title")
    for n, e in enumerate(parsed.entries):
        content = ""
        if e.get("content"):
            content = max((c.get("value", "") for c in e.content), key=len)
        if len(content) < len(e.get("summary", "") or ""):
            content = e.get("summary", "")
        blocks = html_fragment_blocks(content)
        if not blocks:
            yield BadRecord(f"feed entry {n + 1} ({e.get('link', 'no link')}): no text", f"entry {n + 1}")  # type: ignore[misc]
            continue
        yield RawDocument(
            text="\n\n".join(t for _, t in blocks),
            format=fmt,
            url=e.get("link"),
            id=e.get("id") or e.get("guid") or e.get("link"),
            # `… - اليوم السابع`: the item's title without the site's name; an author is a person or an agency
            title=strip_site((e.get("title") or "").strip(), site, e.get("link")) or None,
            author=clean_author((e.get("author") or "").strip(), site, e.get("link")),
            published=e.get("published") or e.get("updated"),
            site=site,
            blocks=blocks,
        )
