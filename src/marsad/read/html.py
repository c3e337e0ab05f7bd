"""HTML pages: the main text through trafilatura, the metadata from the page's own markup.

The page is parsed once (lxml, through trafilatura's loader). Metadata comes from
what the page states: meta tags, JSON-LD, microdata/RDFa and <time> elements, read
with marsad's own date parser, so an Arabic date string in `article:published_time`
(`الأربعاء، 07 أكتوبر 2020 - 12:09 م`) counts. When none of them gives a date, htmldate
guesses the original publication date. Titles lose the site name printed before or
after them, and an author is kept only if it is a person or an agency (outlets.py).
The body is trafilatura's XML: every <p> stays its own block, and a paragraph made of
<br>-separated lines is cut at the breaks.
"""
from __future__ import annotations

import html as htmlmod
import json
import re
from typing import Any, Iterator

from ..errors import InputError
from . import RawDocument

_BLOCK_TAGS = {"p": "paragraph", "head": "heading", "item": "paragraph", "quote": "paragraph", "cell": "paragraph"}

# htmldate settings, measured with bench/html_dates.py. Alone, extensive search finds more days
# there (14/20 against 10/20), but on a page whose markup states no date it turns a year
# mentioned in the text into 1 January of that year (ANT stories as bare pages: 2017-01-01,
# 2021-01-01), so marsad, which asks htmldate only when the markup states nothing, keeps it off.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(html: str, url: str | None = None) -> RawDocument:
    import trafilatura
    from trafilatura.utils import load_html

    if not re.search(r"<\w", html):
        raise InputError("not an HTML page (no tags)")
    try:
        tree = load_html(html)
    except Exception as e:  # lxml raises assorted parser errors on broken pages
        raise InputError(f"HTML could not be parsed ({type(e).__name__})") from None
    if tree is None:
        raise InputError("HTML could not be parsed")
    meta = page_metadata(tree, url)
    try:
        xml = trafilatura.extract(
            tree,
            url=url,
            output_format="xml",
            include_formatting=True,
            include_comments=False,
            include_tables=True,
            with_metadata=False,
        )
    except Exception as e:  # trafilatura raises assorted lxml/parser errors on broken pages
        raise InputError(f"HTML could not be parsed ({type(e).__name__})") from None
    blocks = _xml_blocks(xml) if xml else []
    loose = _loose_text_blocks(tree)
    if loose and sum(len(t) for _, t in loose) > 0.8 * sum(len(t) for k, t in blocks if k == "paragraph"):
        # a legacy body of bare text and <br>s, which the extractor passes over or runs together
        blocks = loose
    if not blocks:
        # trafilatura found no main text (tiny or truncated page): fall back to all text
        blocks = _fallback_blocks(tree)
        if not blocks:
            raise InputError("HTML page has no text")
    published = meta["published"]
    if published is None:
        published = _undated(tree, html, meta["url"] or url)
    blocks, byline = _header_blocks(blocks, published is not None)
    # the byline the page prints (its author element) before what its metadata claims
    author = (_visible_byline(tree, meta["site"], meta["url"] or url) or meta["author"]
              or clean_author(byline, meta["site"], meta["url"] or url))
    return RawDocument(
        text="\n\n".join(t for _, t in blocks),
        format="html",
        url=meta["url"] or url,
        title=meta["title"],
        author=author,
        published=published,
        site=meta["site"],
        image_caption=meta["caption"],
        blocks=blocks,
    )


# -- the body ---------------------------------------------------------------
def _xml_blocks(xml: str) -> list[tuple[str, str]]:
    from lxml import etree

    try:
        root = etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(recover=True, huge_tree=True))
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    blocks: list[tuple[str, str]] = []
    main = root.find("main")
    for el in (main if main is not None else root).iter():
        kind = _BLOCK_TAGS.get(el.tag)
        if kind is None:
            continue
        # nested blocks (an item inside a list inside a quote) are read once, at the leaf
        if any(child.tag in _BLOCK_TAGS for child in el):
            continue
        for text in _split_at_breaks(el):
            blocks.append((kind, text))
    return blocks


def _split_at_breaks(el) -> list[str]:
    """The text of a block, cut at its line breaks (<lb/>): pages that separate paragraphs
    with <br> give one trafilatura <p> holding them all."""
    pieces: list[str] = []
    cur: list[str] = [el.text or ""]

    def walk(node):
        for child in node:
            if child.tag == "lb":
                pieces.append("".join(cur))
                cur.clear()
            else:
                cur.append(child.text or "")
                walk(child)
            cur.append(child.tail or "")

    walk(el)
    pieces.append("".join(cur))
    out = [re.sub(r"\s+", " ", p).strip() for p in pieces]
    return [p for p in out if p]


_HEAD_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _loose_text_blocks(tree) -> list[tuple[str, str]]:
    """The body of a legacy page whose story is bare text cut by <br>s inside one element
    (`<div id="NewsStory">text<br><br>text<h2>...</h2>...`): the element that holds the most
    text of its own (its text and its children's tails) read as blocks; [] when no element
    holds more than a few hundred characters that way."""
    best, best_len = None, 400
    for el in tree.iter("div", "td", "article", "section", "span"):
        own = len((el.text or "").strip()) + sum(len((c.tail or "").strip()) for c in el)
        if own > best_len:
            best, best_len = el, own
    if best is None:
        return []
    blocks: list[tuple[str, str]] = []
    cur: list[str] = [best.text or ""]

    def flush():
        t = re.sub(r"\s+", " ", "".join(cur)).strip()
        if t:
            blocks.append(("paragraph", t))
        cur.clear()

    for child in best:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "br":
            flush()
        elif tag in _HEAD_TAGS or tag in ("p", "div", "blockquote", "ul", "ol", "table", "figure"):
            flush()
            if tag not in ("script", "style"):
                t = re.sub(r"\s+", " ", child.text_content()).strip()
                if t:
                    blocks.append(("heading" if tag in _HEAD_TAGS else "caption" if tag == "figure" else "paragraph", t))
        elif tag not in ("script", "style"):
            cur.append(child.text_content())  # inline markup (<a>, <b>) inside a paragraph
        cur.append(child.tail or "")
    flush()
    return blocks


def _fallback_blocks(tree) -> list[tuple[str, str]]:
    """All visible text of the page, one block per element, for when trafilatura finds no main text."""
    from copy import deepcopy

    doc = deepcopy(tree)
    for bad in doc.xpath("//script|//style|//noscript|//nav|//footer|//header//nav"):
        bad.drop_tree()
    out: list[tuple[str, str]] = []
    for el in doc.iter("h1", "h2", "h3", "h4", "p", "li", "figcaption", "blockquote"):
        t = re.sub(r"\s+", " ", el.text_content()).strip()
        if t:
            kind = "heading" if el.tag in ("h2", "h3", "h4") else "caption" if el.tag == "figcaption" else "paragraph"
            out.append((kind, t))
    if not out:
        body = doc.text_content()
        out = [("paragraph", re.sub(r"[ \t]+", " ", x).strip()) for x in body.splitlines() if x.strip()]
    return out


def _header_blocks(blocks: list[tuple[str, str]], dated: bool) -> tuple[list[tuple[str, str]], str | None]:
    """Drop the date and byline furniture trafilatura keeps above the lede: a bare `نشر في`, a
    `آخر تحديث: …` line (once the page's date is known), a byline `كتب - محمد شاكر:`
    (returned, for when the metadata names no author)."""
    from ..arabic import normalize
    from ..dates import calendar, parse_dateline
    from ..bylines import parse_byline

    cues = {normalize(c).strip(" :") for key in ("published_cues", "updated_cues") for c in calendar().get(key, ())}
    out: list[tuple[str, str]] = []
    byline = None
    for k, (kind, t) in enumerate(blocks):
        if k < 5 and kind == "paragraph" and len(t.split()) <= 10:
            n = normalize(t).strip(" :")
            if n in cues:
                continue
            if dated and parse_dateline(t) is not None and any(n.startswith(c) for c in cues):
                continue
            # a byline names at most a few words and is not a sentence (`القاهرة - أعلنت الوزارة.` is a lede)
            if (byline is None and not t.rstrip().endswith((".", "؟", "?", "!")) and (by := parse_byline(t.rstrip(" :")))
                    and by != t.rstrip(" :") and len(by.split()) <= 4):
                byline = by
                continue
        out.append((kind, t))
    return (out or blocks), byline


# -- metadata ---------------------------------------------------------------
_PUB_META = (  # in order of trust
    "article:published_time", "og:article:published_time", "article:published", "datepublished",
    "publishdate", "publish_date", "publish-date", "pubdate", "publication_date", "parsely-pub-date",
    "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
    "date", "article.published", "originalpublicationdate", "og:pubdate", "citation_publication_date",
)
_PUB_PROPS = ("datepublished", "dc:date", "dc:created", "dcterms:created", "dcterms:issued", "schema:datepublished", "article:published_time")
_AUTHOR_META = ("author", "article:author", "dc.creator", "dcterms.creator", "byl", "sailthru.author", "parsely-author", "twitter:creator")
_ARTICLE_TYPES = re.compile(r"Article|Posting|Report|WebPage|NewsMediaOrganization", re.I)
_DATE_CLASS = re.compile(r"date|time|tmstmp|stamp|publish|posted|byline|meta|info|تاريخ", re.I)


def page_metadata(tree, url: str | None = None) -> dict[str, Any]:
    """Title, site, author, publication time, canonical URL and photo caption that the page states."""
    from ..outlets import is_outlet_name, outlet_for_site, strip_site

    metas: dict[str, list[str]] = {}
    for m in tree.iter("meta"):
        content = m.get("content")
        if not content or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = m.get(attr)
            if key:
                for k in key.lower().split():
                    metas.setdefault(k, []).append(htmlmod.unescape(content.strip()))
    ld = list(_json_ld(tree))

    page_url = _first(metas.get("og:url")) or _canonical(tree) or url
    if page_url and not re.match(r"https?://", page_url):
        page_url = url or None
    site = _first(metas.get("og:site_name")) or _first(metas.get("application-name"))
    if not site:
        for obj in ld:
            pub = obj.get("publisher")
            if isinstance(pub, dict) and isinstance(pub.get("name"), str):
                site = pub["name"]
                break
    own = outlet_for_site(site, page_url or url)
    if not site and own is not None:
        site = own.name
    if not site and page_url:
        m = re.match(r"https?://(?:www\.)?([^/:]+)", page_url)
        site = m.group(1) if m else None

    title = (_first(metas.get("og:title")) or _first(metas.get("twitter:title"))
             or next((o["headline"] for o in ld if isinstance(o.get("headline"), str) and o["headline"].strip()), None)
             or _text_of(tree.find(".//title")) or _text_of(next(iter(tree.iter("h1")), None)))
    title = _clean(title)
    if title:
        title = _clean(strip_site(title, site, page_url or url))
    if title and is_outlet_name(title, site, page_url or url):  # <title>اليوم السابع</title>: the headline is the <h1>
        h1 = _clean(_text_of(next(iter(tree.iter("h1")), None)))
        title = _clean(strip_site(h1, site, page_url or url)) if h1 else title

    return {
        "url": page_url,
        "site": _clean(site),
        "title": title,
        "author": _author(metas, ld, tree, site, page_url or url),
        "published": _published(metas, ld, tree),
        "caption": _figcaption(tree),
    }


def _first(values: list[str] | None) -> str | None:
    return values[0] if values else None


def _canonical(tree) -> str | None:
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            return link.get("href").strip()
    return None


def _text_of(el) -> str | None:
    if el is None:
        return None
    try:
        return el.text_content()
    except (AttributeError, ValueError):
        return el.text


def _json_ld(tree) -> Iterator[dict]:
    """Every JSON-LD object of an article-like type (also inside @graph and lists)."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            try:  # trailing commas and raw newlines are common
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw.replace("\n", " ")), strict=False)
            except ValueError:
                continue
        stack = [data]
        while stack:
            obj = stack.pop(0)
            if isinstance(obj, list):
                stack.extend(obj)
            elif isinstance(obj, dict):
                if "@graph" in obj:
                    stack.extend(obj["@graph"] if isinstance(obj["@graph"], list) else [obj["@graph"]])
                types = obj.get("@type")
                types = " ".join(types) if isinstance(types, list) else str(types or "")
                if _ARTICLE_TYPES.search(types) or "datePublished" in obj:
                    yield obj


def _parse_date(value: str):
    from ..dates import parse_date_text, parse_dateline

    v = " ".join(htmlmod.unescape(value).split())
    if not v or len(v) > 200:
        return None
    # compact ISO: 20201007T1209+0300, 20190209
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{2}:?\d{2})?", v)
    if m:
        y, mo, d, hh, mm, ss, z = m.groups()
        v = f"{y}-{mo}-{d}" + (f"T{hh}:{mm}:{ss or '00'}" + (z or "") if hh else "")
    return parse_date_text(v) or parse_dateline(v)


def _iso(value: str) -> str | None:
    from ..dates import to_iso

    parsed = _parse_date(value)
    if parsed is None:
        return None
    v = value.strip()
    # an ISO value the page wrote is kept as written (it carries its own offset)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?", v):
        return v
    return to_iso(parsed)


def _published(metas: dict[str, list[str]], ld: list[dict], tree) -> str | None:
    """The publication time the page states, in order of trust; None when nothing marsad can read.
    A naive time takes its offset from another statement of the same local time that has one
    (`article:published_time` without a zone, `<time datetime>` with it)."""
    cands = _published_candidates(metas, ld, tree)
    first = next(cands, None)
    if first is None:
        return None
    day_only = len(first) == 10
    if not (day_only or _NAIVE_TIME.fullmatch(first)):
        return first
    best = first
    for other in cands:
        if len(other) <= len(best) or not other.startswith(best[:16] if not day_only else best[:10]):
            continue
        best = other  # the same day with its clock time, or the same time with its offset
        if not _NAIVE_TIME.fullmatch(best):
            break
    return best


_NAIVE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?")


def _published_candidates(metas: dict[str, list[str]], ld: list[dict], tree) -> Iterator[str]:
    for obj in ld:
        v = obj.get("datePublished")
        if isinstance(v, str) and (iso := _iso(v)):
            yield iso
    for key in _PUB_META:
        for v in metas.get(key, ()):
            if iso := _iso(v):
                yield iso
    # microdata / RDFa on any element: <span itemprop="datePublished" content=...>, property="dc:date"
    for el in tree.xpath("//*[@itemprop or @property][not(self::meta)]"):
        keys = f"{el.get('itemprop') or ''} {el.get('property') or ''}".lower().split()
        if any(k in _PUB_PROPS for k in keys):
            for v in (el.get("content"), el.get("datetime"), _text_of(el)):
                if v and (iso := _iso(v)):
                    yield iso
                    break
    times = list(tree.iter("time"))
    times.sort(key=lambda t: 0 if t.get("pubdate") is not None or "publish" in (t.get("class") or "").lower() else 1)
    for t in times[:5]:
        for v in (t.get("datetime"), _text_of(t)):
            if v and (iso := _iso(v)):
                yield iso
                break
    seen, _update = _visible_datelines(tree)  # already ISO
    if seen:
        yield seen


def _visible_datelines(tree) -> tuple[str | None, str | None]:
    """Short date lines in elements whose class or id names a date (`post-date`, `cnn_strytmstmp`),
    read with marsad's Arabic date parser: (a publication line, a line that only gives the last update)."""
    from ..arabic import normalize
    from ..dates import calendar

    upd = [normalize(c).rstrip(":") for c in calendar().get("updated_cues", ())]
    pub = [normalize(c).rstrip(":") for c in calendar().get("published_cues", ())]
    update_only = None
    for el in tree.xpath("//body//*[@class or @id]"):
        if el.tag in ("script", "style", "a", "option", "li", "nav", "footer"):
            continue
        if len(el) > 6 or not _DATE_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            continue  # a date line is a small element, not a container
        t = " ".join((_text_of(el) or "").split())
        if not 6 <= len(t) <= 90 or not re.search(r"\d", t):
            continue
        iso = _iso(t)
        if not iso:
            continue
        n = normalize(t)
        if any(c in n for c in upd) and not any(c in n for c in pub):
            update_only = update_only or iso  # `الأحد، 04 آب/اغسطس 2013، آخر تحديث 02:21`: the update, not the story
            continue
        return iso, update_only
    return None, update_only


# /2018/03/01/, /2013/middle_east/8/3/, /20180303-...: the day a story's address was made
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(?:[a-z_-]{2,30}/)?(\d{1,2})/(\d{1,2})(?:/|$)|/((?:19|20)\d\d)(\d\d)(\d\d)[-_/]", re.I)


def _url_day(url: str | None) -> str | None:
    from datetime import date

    if not url:
        return None
    m = _URL_DATE.search(url)
    if not m:
        return None
    y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
    try:
        return date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return None


def _undated(tree, html: str, url: str | None) -> str | None:
    """When the page's metadata states no date: a visible publication line, the URL's day,
    htmldate's guess, and last a 'last updated' line."""
    import htmldate

    found, update_only = _visible_datelines(tree)
    if found:
        return found
    day = _url_day(url)
    if day:
        return _precise_time(html, day)
    try:
        day = htmldate.find_date(tree, url=url, **DATE_PARAMS)
    except Exception:  # htmldate raises on odd markup; a page without a date is fine
        day = None
    if day and day[:4] in html:  # htmldate may fall back to a guess; keep it only if the page states that year
        return _precise_time(html, day)
    return update_only


# Publication time with its clock and offset, from the page's own markup (htmldate keeps the day only).
_TIME_META = re.compile(
    r"""(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|datePublished|pubdate|publishdate|date|DC\.date\.issued)["'][^>]*?content\s*=\s*["']([^"']+)["']"""
    r"""|content\s*=\s*["']([^"']+)["'][^>]*?(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|datePublished)["']"""
    r"""|"datePublished"\s*:\s*"([^"]+)"|<time[^>]*\sdatetime\s*=\s*["']([^"']+)["']""",
    re.I,
)


def _precise_time(html: str, day: str) -> str:
    for m in _TIME_META.finditer(html[:300000]):
        value = next(g for g in m.groups() if g)
        if re.match(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", value) and value.startswith(day[:10]):
            return value
    return day


# -- authors ----------------------------------------------------------------
_URL = re.compile(r"(?:https?:|www\.)\S*|\S+@\S+\.\w+|\S+\.(?:png|jpe?g|gif|svg|webp|ico|bmp)\b|@\w+", re.I)
_JUNK_WORDS = {
    "logo", "png", "jpg", "jpeg", "gif", "svg", "webp", "icon", "image", "img", "avatar", "https", "http", "www",
    "admin", "administrator", "editor", "staff", "webmaster", "user", "null", "none", "undefined", "author",
    "facebook", "twitter", "instagram", "com", "net", "org", "cdn",
}
_JUNK_AR = {"محرر الموقع", "التحرير", "هيئة التحرير", "فريق التحرير", "المحرر", "الكاتب", "مدير الموقع", "ادارة الموقع"}
_SPLIT_AUTHORS = re.compile(r"\s*[;|,،/]\s*|\s+(?:and|&)\s+")


def clean_author(raw: str | None, site: str | None = None, url: str | None = None) -> str | None:
    """A person's name or an agency, never a URL, a logo, an image file or the page's own outlet."""
    from ..arabic import normalize
    from ..bylines import parse_byline
    from ..outlets import is_agency, name_key, outlet_for, outlet_for_site

    if not raw:
        return None
    own = outlet_for_site(site, url)
    site_key = name_key(site) if site else None
    text = _URL.sub(" ", htmlmod.unescape(raw))
    kept: list[str] = []
    for part in _SPLIT_AUTHORS.split(text):
        part = " ".join(part.split()).strip(" -–—:.[]«»\"'")
        # `فهيم الحامد (جدة)`: a place in brackets goes; `(رويترز)` alone is the agency
        inner = re.fullmatch(r"[(\[]([^)\]]+)[)\]]", part)
        if inner:
            part = inner.group(1).strip()
        elif not is_agency(re.sub(r".*[(\[]([^)\]]+)[)\]].*", r"\1", part)):
            part = re.sub(r"\s*[(\[][^)\]]*[)\]]\s*", " ", part).strip()
        if not part:
            continue
        by = parse_byline(part)  # `بقلم: ...`, `القاهرة - أحمد علي`, `لندن - رويترز`
        if by:
            part = by.strip(" -–—:.()[]«»\"'")
        letters = re.findall(r"[^\W\d_]", part)
        if len(letters) < 2 or re.search(r"\d{2,}|[0-9a-f]{6,}", part, re.I):
            continue
        words = part.split()
        latin = not re.search(r"[\u0600-\u06ff]", part)
        if latin and any(w.lower().strip(".") in _JUNK_WORDS for w in words):
            continue
        if normalize(part) in {normalize(j) for j in _JUNK_AR}:
            continue
        o = outlet_for(part, ambiguous=own is not None)
        if o is not None or (site_key and name_key(part) == site_key):
            # an agency is a fine author, unless the page is the agency's own
            if o is not None and o.is_agency and (own is None or own.id != o.id):
                kept.append(part)
            continue
        if is_agency(part):  # `وكالات`
            kept.append(part)
            continue
        if latin and (len(words) < 2 or any(len(w) < 2 for w in words) or part.islower()):
            continue  # `Cdnarabic`, `I`, `admin`: a Latin author is a full name
        if len(words) > 6:
            continue
        if part not in kept:
            kept.append(part)
    return "، ".join(kept) or None


def _author(metas: dict[str, list[str]], ld: list[dict], tree, site: str | None, url: str | None) -> str | None:
    cands: list[str] = []
    for obj in ld:
        for a in (obj.get("author") if isinstance(obj.get("author"), list) else [obj.get("author")]):
            if isinstance(a, dict) and isinstance(a.get("name"), str):
                # a Person first; an Organization (the outlet, an agency) after the meta tags
                (cands.insert(0, a["name"]) if "person" in str(a.get("@type", "")).lower() else cands.append(a["name"]))
            elif isinstance(a, str):
                cands.append(a)
    for key in _AUTHOR_META:
        cands.extend(metas.get(key, ()))
    for el in tree.xpath("//*[@rel='author' or @itemprop='author' or contains(@class,'author-name')][not(self::meta)][not(self::link)]")[:3]:
        t = _text_of(el)
        if t and len(t) < 80:
            cands.append(t)
    for c in cands:
        if a := clean_author(c, site, url):
            return a
    return None


_BYLINE_CLASS = re.compile(r"author|byline|by-line|writer|reporter|kateb|source", re.I)


def _visible_byline(tree, site: str | None, url: str | None) -> str | None:
    """The byline printed in the article's header: an element whose class or id names an author,
    a byline or a source (`<span class="author">جدة - واس</span>`); the page's own outlet is not
    an author."""
    from ..bylines import parse_byline
    from ..outlets import outlet_for, outlet_for_site

    own = outlet_for_site(site, url)
    for el in tree.xpath("//body//*[@class or @id][not(self::script)][not(self::style)][not(self::meta)]"):
        if not _BYLINE_CLASS.search((el.get("class") or "") + " " + (el.get("id") or "")):
            continue
        if el.xpath("ancestor::footer or ancestor::aside or ancestor::nav"):
            continue
        t = _clean(_text_of(el))
        if not t or len(t) > 80 or len(t.split()) > 8:
            continue
        by = parse_byline(t) or t
        o = outlet_for(by, ambiguous=own is not None)
        if o is not None:
            if o.is_agency or own is None or o.id != own.id:
                return by  # an agency, or another outlet credited for the story
            continue  # the page's own outlet is no author
        if a := clean_author(by, site, url):
            return a
    return None


# -- captions ---------------------------------------------------------------
def _figcaption(tree) -> str | None:
    el = next(iter(tree.iter("figcaption")), None)
    return _clean(_text_of(el)) if el is not None else None


def _clean(s: str | None) -> str | None:
    if not s:
        return None
    s = re.sub(r"\s+", " ", s).strip()
    return s or None
