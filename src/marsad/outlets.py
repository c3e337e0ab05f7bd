"""News outlets and agencies (knowledge/outlets.json): who a byline, a masthead or a title suffix names.

The file lists each outlet's Arabic names, Latin names, web domains and mastheads.
Everything is looked up in dictionaries built once (`_index`), so a call costs a
normalisation and a few dict probes, whatever the number of outlets.

- `outlet_for(text)`: the outlet a whole line or segment names (`أ ف ب`, `العربية.نت`,
  `صحيفة عكاظ`, `CNNArabic`, `www.aljazeera.net`), else None.
- `outlet_for_site(site, url)`: the page's own outlet, from its og:site_name or URL.
- `is_agency(text)`: a news agency (or a generic `وكالات` credit).
- `strip_site(title, site, url)`: a title without its site-name prefix or suffix.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import knowledge
from .arabic import normalize

__all__ = [
    "Outlet", "all_outlets", "by_id", "outlet_for", "outlet_for_site", "outlet_for_url", "is_agency",
    "is_outlet_name", "strip_site", "name_key", "folded_names",
]


@dataclass(frozen=True)
class Outlet:
    id: str
    kind: str  # agency | tv | radio | newspaper | outlet
    country: str  # ISO 3166-1 alpha-2 of the outlet's base
    names_ar: tuple[str, ...]
    names_latin: tuple[str, ...]
    domains: tuple[str, ...]
    mastheads: tuple[str, ...]
    ambiguous: tuple[str, ...]  # names that are also ordinary words or places

    @property
    def name(self) -> str:
        return self.names_ar[0]

    @property
    def is_agency(self) -> bool:
        return self.kind == "agency"


_ARABIC = re.compile(r"[\u0600-\u06ff]")
_NON_WORD = re.compile(r"[\W_]+")
_LATIN_JUNK = re.compile(r"[^a-z0-9]+")
_BRACKETS = re.compile(r"^[\s(\[«\"“'<]+|[\s)\]»\"”'>.:،,؛;\-–—|]+$")


@lru_cache(maxsize=4096)
def name_key(text: str) -> str:
    """The comparison key of a name: Arabic folded, punctuation to single spaces, lowercase.
    Latin-only names lose their spaces too (`CNN Arabic` = `CNNArabic`)."""
    s = normalize(text).lower()
    if not _ARABIC.search(s):
        return _LATIN_JUNK.sub("", s)
    return " ".join(_NON_WORD.sub(" ", s).split())


def _domain_of(url: str) -> str | None:
    m = re.match(r"^\s*(?:[a-z][a-z0-9+.-]*://)?(?:www\d?\.)?([a-z0-9.-]+\.[a-z]{2,})(?:[:/?#]|\s*$)", url.strip().lower())
    return m.group(1) if m else None


class _Index:
    def __init__(self, raw: dict):
        self.outlets: tuple[Outlet, ...] = tuple(
            Outlet(
                id=e["id"], kind=e["kind"], country=e["country"],
                names_ar=tuple(e["names_ar"]), names_latin=tuple(e.get("names_latin", ())),
                domains=tuple(e.get("domains", ())), mastheads=tuple(e.get("mastheads", ())),
                ambiguous=tuple(e.get("ambiguous", ())) + tuple(e.get("ambiguous_latin", ())),
            )
            for e in raw["outlets"]
        )
        self.by_id = {o.id: o for o in self.outlets}
        self.names: dict[str, Outlet] = {}  # unambiguous names, Arabic and Latin keys
        self.ambiguous: dict[str, Outlet] = {}
        self.domains: dict[str, Outlet] = {}
        for o in self.outlets:
            amb = {name_key(n) for n in o.ambiguous}
            for n in o.names_ar + o.mastheads + o.names_latin:
                if name_key(n) not in amb:  # a masthead that is a plain word (`النهار`) stays ambiguous
                    self.names.setdefault(name_key(n), o)
            for d in o.domains:  # looked up as host names (outlet_for_url), not as names
                self.domains.setdefault(d.lower(), o)
        for o in self.outlets:
            for n in o.ambiguous:
                k = name_key(n)
                if k not in self.names:
                    self.ambiguous.setdefault(k, o)
        self.names.pop("", None)
        self.prefixes = tuple(sorted({name_key(p) + " " for p in raw["prefixes"] if _ARABIC.search(p)}, key=len, reverse=True))
        self.latin_prefixes = tuple(sorted({name_key(p) for p in raw["prefixes"] if not _ARABIC.search(p)}, key=len, reverse=True))
        self.generic_agencies = {name_key(g) for g in raw["generic_agencies"]}


@lru_cache(maxsize=1)
def _index() -> _Index:
    raw = knowledge.data("outlets.json")
    return _Index(raw)


def all_outlets() -> tuple[Outlet, ...]:
    return _index().outlets


def by_id(outlet_id: str) -> Outlet | None:
    return _index().by_id.get(outlet_id)


def outlet_for_url(url: str | None) -> Outlet | None:
    """The outlet whose domain (or a parent domain of it) the URL or host name is on."""
    if not url:
        return None
    host = _domain_of(url)
    if not host:
        return None
    ix = _index()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        o = ix.domains.get(".".join(parts[i:]))
        if o is not None:
            return o
    return None


def outlet_for(text: str | None, ambiguous: bool = False) -> Outlet | None:
    """The outlet or agency that the whole of `text` names, or None.

    Brackets and edge punctuation are ignored (`(رويترز)`), a generic head word is
    allowed (`صحيفة عكاظ`, `وكالة الأناضول`), and a bare domain or URL counts. Names that
    are also ordinary words (`الرياض`, `النهار`) count only after such a head word or
    with `ambiguous=True` (the page is known to be that outlet's)."""
    if not text or len(text) > 120:
        return None
    s = _BRACKETS.sub("", text.strip())
    if not s:
        return None
    ix = _index()
    k = name_key(s)
    if not k:
        return None
    o = ix.names.get(k)
    if o is not None:
        return o
    if ambiguous and (o := ix.ambiguous.get(k)) is not None:
        return o
    if " " not in s.strip() and "." in s:
        if (o := outlet_for_url(s)) is not None:
            return o
    if _ARABIC.search(k):
        for p in ix.prefixes:
            if k.startswith(p):
                rest = k[len(p):]
                return ix.names.get(rest) or ix.ambiguous.get(rest)
    else:
        for p in ix.latin_prefixes:
            if k.startswith(p) and len(k) > len(p):
                rest = k[len(p):]
                return ix.names.get(rest) or (ix.ambiguous.get(rest) if ambiguous else None)
    return None


def outlet_for_site(site: str | None = None, url: str | None = None) -> Outlet | None:
    """The page's own outlet: from its site name (og:site_name; ambiguous names allowed), else its URL."""
    o = outlet_for(site, ambiguous=True) if site else None
    return o or outlet_for_url(url)


def is_agency(text: str | None) -> bool:
    """True for a news agency's name (`رويترز`, `أ ف ب`, `واس`) or a generic agency credit (`وكالات`)."""
    if not text:
        return False
    o = outlet_for(text)
    if o is not None:
        return o.is_agency
    return name_key(_BRACKETS.sub("", text.strip())) in _index().generic_agencies


def is_outlet_name(text: str | None, site: str | None = None, url: str | None = None) -> bool:
    """True if `text` is an outlet's name, or the page's own site name."""
    if not text:
        return False
    own = outlet_for_site(site, url)
    return _names_outlet(text, own, name_key(site) if site else None)


def _names_outlet(seg: str, own: Outlet | None, site_key: str | None, strict: bool = False) -> bool:
    """`seg` names the page's own outlet (or its site name); with strict=False also any other outlet."""
    k = name_key(_BRACKETS.sub("", seg.strip()))
    if not k:
        return False
    if site_key and k == site_key:
        return True
    o = outlet_for(seg, ambiguous=own is not None)
    if o is None:
        return False
    if own is not None and o.id == own.id:
        return True
    # an ambiguous word names an outlet only when it is the page's own
    if o.id != (own.id if own else None) and name_key(seg) in _index().ambiguous and name_key(seg) not in _index().names:
        return False
    return not strict


# ` - `, ` – `, ` — ` (spaced, so `أرض- أرض` stays), `|` with or without spaces, ` :: `.
# A quoted name (`«الجزيرة نت» | …`) is matched without its quotes; a bare `«اليوم السابع» يكشف`
# is the sentence's subject and stays.
_SEP = re.compile(r"\s+[-–—ـ]+\s+|\s*[|｜¦•·]\s*|\s+::\s+")
_COLON = re.compile(r"\s*:\s+")


def strip_site(title: str | None, site: str | None = None, url: str | None = None) -> str | None:
    """`title` without the site name printed before or after it.

    Removes a segment joined by ` - `, ` | `, ` – `, `»`... when that segment is the
    page's own site (`site`, e.g. og:site_name, or the outlet of `url`) or another
    outlet's unambiguous name: `المدينة نيوز - …`, `… | الجزيرة نت`, `… - اليوم السابع`.
    A name before a colon (`عكاظ: …`) goes only when it is the page's own. The title
    never becomes empty, and words that are not a site name are never cut."""
    if not title:
        return title
    t = " ".join(title.split())
    own = outlet_for_site(site, url)
    site_key = name_key(_BRACKETS.sub("", site)) if site else None
    changed = True
    while changed and t:
        changed = False
        parts = _SEP.split(t)
        seps = _SEP.findall(t)
        if len(parts) < 2:
            break
        # suffix
        last = parts[-1]
        cut = len(parts) - 1
        if last.strip() and _names_outlet(last, own, site_key):
            head = _join(parts[:cut], seps[: cut - 1]).strip(" -–—|«»")
            if head:
                t, changed = head, True
                continue
        first, start = parts[0], 1
        if first.strip() and _names_outlet(first, own, site_key):
            tail = _join(parts[start:], seps[start:]).strip(" -–—|«»")
            if tail:
                t, changed = tail, True
                continue
    # `عكاظ: …`, the page's own name before a colon
    m = _COLON.search(t)
    if m and m.start() > 0 and (own is not None or site_key):
        head = t[: m.start()]
        if _names_outlet(head, own, site_key, strict=True) and t[m.end():].strip():
            t = t[m.end():].strip()
    return t


def _join(parts: list[str], seps: list[str]) -> str:
    out = [parts[0]] if parts else []
    for p, s in zip(parts[1:], seps):
        out.append(s)
        out.append(p)
    return "".join(out)


@lru_cache(maxsize=1)
def folded_names() -> frozenset[str]:
    """Every unambiguous name, short form and masthead, normalised (letters folded, spaces
    collapsed, edge punctuation off) for callers that compare whole folded lines (layout)."""
    out = set()
    for o in _index().outlets:
        amb = {name_key(n) for n in o.ambiguous}
        for n in o.names_ar + o.mastheads + o.names_latin:
            if name_key(n) not in amb:
                f = " ".join(normalize(n).split()).strip(" :.-–—|»«•·*#")
                if f:
                    out.add(f)
    return frozenset(out)
