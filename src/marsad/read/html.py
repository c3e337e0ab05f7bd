"""HTML pages through trafilatura: metadata and the main text with its sub-headings."""
from __future__ import annotations

import re

from ..errors import InputError
from . import RawDocument

_BLOCK_TAGS = {"p": "paragraph", "head": "heading", "item": "paragraph", "quote": "paragraph", "cell": "paragraph"}


def read_html(html: str, url: str | None = None) -> RawDocument:
    import trafilatura
    from lxml import etree

    if not re.search(r"<\w", html):
        raise InputError("not an HTML page (no tags)")
    try:
        xml = trafilatura.extract(
            html,
            url=url,
            output_format="xml",
            include_formatting=True,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as e:  # trafilatura raises assorted lxml/parser errors on broken pages
        raise InputError(f"HTML could not be parsed ({type(e).__name__})") from None
    if not xml:
        # trafilatura found no main text (tiny or truncated page): fall back to all text
        return _fallback(html, url)
    try:
        root = etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(recover=True, huge_tree=True))
    except etree.XMLSyntaxError:
        return _fallback(html, url)
    blocks: list[tuple[str, str]] = []
    main = root.find("main")
    for el in (main if main is not None else root).iter():
        kind = _BLOCK_TAGS.get(el.tag)
        if kind is None:
            continue
        # nested blocks (an item inside a list inside a quote) are read once, at the leaf
        if any(child.tag in _BLOCK_TAGS for child in el):
            continue
        text = re.sub(r"\s+", " ", "".join(el.itertext())).strip()
        if text:
            blocks.append((kind, text))
    meta = root.attrib
    published = meta.get("date") if _has_date_in_page(html, meta.get("date")) else None
    published = _precise_time(html, published)
    return RawDocument(
        text="\n\n".join(t for _, t in blocks),
        format="html",
        url=meta.get("url") or url,
        title=_clean(meta.get("title")),
        author=_clean(meta.get("author")),
        published=published,
        site=_clean(meta.get("sitename")) or meta.get("hostname"),
        image_caption=_figcaption(html),
        blocks=blocks,
    )


# Publication time with its clock and offset, from the page's own markup (trafilatura keeps the day only).
_TIME_META = re.compile(
    r"""(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|datePublished|pubdate|publishdate|date|DC\.date\.issued)["'][^>]*?content\s*=\s*["']([^"']+)["']"""
    r"""|content\s*=\s*["']([^"']+)["'][^>]*?(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|datePublished)["']"""
    r"""|"datePublished"\s*:\s*"([^"]+)"|<time[^>]*\sdatetime\s*=\s*["']([^"']+)["']""",
    re.I,
)


def _precise_time(html: str, day: str | None) -> str | None:
    for m in _TIME_META.finditer(html[:300000]):
        value = next(g for g in m.groups() if g)
        if re.match(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", value) and (day is None or value.startswith(day[:10])):
            return value
    return day


_FIGCAPTION = re.compile(r"<figcaption[^>]*>(.*?)</figcaption>", re.I | re.S)


def _figcaption(html: str) -> str | None:
    m = _FIGCAPTION.search(html)
    if not m:
        return None
    text = re.sub(r"<[^>]+>", " ", m.group(1))
    import html as htmlmod

    return _clean(htmlmod.unescape(text))


def _has_date_in_page(html: str, date: str | None) -> bool:
    """trafilatura may fall back to a guessed date; keep it only if the page states that year."""
    if not date:
        return False
    return date[:4] in html


def _clean(s: str | None) -> str | None:
    if not s:
        return None
    s = re.sub(r"\s+", " ", s).strip()
    return s or None


def _fallback(html: str, url: str | None) -> RawDocument:
    """All visible text of the page, one block per element, for the text layout to read."""
    from lxml import html as lh

    try:
        doc = lh.fromstring(html)
    except Exception:
        raise InputError("HTML could not be parsed") from None
    for bad in doc.xpath("//script|//style|//noscript|//nav|//footer|//header//nav"):
        bad.drop_tree()
    title = doc.findtext(".//title")
    lines = []
    for el in doc.iter("h1", "h2", "h3", "h4", "p", "li", "figcaption", "blockquote"):
        t = re.sub(r"\s+", " ", el.text_content()).strip()
        if t:
            lines.append(t)
    if not lines:
        body = doc.text_content() if doc is not None else ""
        lines = [re.sub(r"[ \t]+", " ", x).strip() for x in body.splitlines() if x.strip()]
    if not lines:
        raise InputError("HTML page has no text")
    return RawDocument(text="\n\n".join(lines), format="html", url=url, title=_clean(title) if title else None)
