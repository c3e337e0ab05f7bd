"""Evidence about one line of a page's header: what it could be, and what it says.

Layout reads a header by evidence, not by position. For each of the first lines this
module says which readings the line's own words allow (`allowed`: a sentence can never
be read as a dateline or a masthead, so the body is never dropped by a guess) and
gives a feature vector that the header model (`layout_model`) uses to rank the allowed
readings. The words come from knowledge/layout.json, calendar.json and outlets.json.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import knowledge
from .arabic import normalize as _normalize
from .layout_vocab import fold_label as _fold, vocab as layout_vocab
from .dates import calendar, parse_dateline


@lru_cache(maxsize=4096)  # a header line is tested by several readings: normalise it once
def normalize(s: str) -> str:
    return _normalize(s)

LABELS = ("title", "masthead", "breadcrumb", "byline", "dateline", "update", "caption", "credit", "furniture", "body")
BODY = LABELS.index("body")

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_SEP = re.compile(r"\s(?:>|»|›|/|\||\\|::|→|«)\s|\s>\s?|\s»\s?")
_LABEL = re.compile(r"^\s*((?:[^\W\d_]+\s+){0,2}[^\W\d_]+)\s*:\s*(?=\S)")
_GLUED = re.compile(r"\d+(?:ه|م|هـ|مـ)")
_END_SENT = re.compile(r"[.!?؟…]\s*[\"»”']?\s*$")




@lru_cache(maxsize=1)
def _vocab() -> dict:
    """Token sets for the dateline residue test and phrase sets for captions and credits."""
    cal = calendar()
    datey: set[str] = set()

    def add_names(names):
        for n in names:
            for t in _TOKEN.findall(normalize(n)):
                datey.add(t)

    for key in ("gregorian_months", "hijri_months", "weekdays"):
        for names in cal[key].values():
            add_names(names)
    for key in ("am", "pm", "hijri_markers", "gregorian_markers", "published_cues", "updated_cues", "dateline_glue"):
        add_names(cal.get(key, []))
    add_names(cal["zones"].keys())
    add_names(cal.get("zone_abbreviations", {}).keys())
    places = set()
    for t in _place_tokens():
        places.add(t)
    lv = layout_vocab()
    raw = knowledge.data("layout.json")
    outlets = _outlet_phrases()
    outlet_tokens = {t for p in outlets for t in p.split()}
    return {
        "datey": datey,
        "places": places,
        "outlets": outlets,
        "outlet_tokens": outlet_tokens,
        "agencies": lv["agency_bylines"],
        "credit_prefixes": tuple(_fold(x) for x in raw.get("credit_prefixes", [])),
        "breadcrumb_heads": tuple(_fold(x) for x in raw.get("breadcrumb_heads", [])),
        "section_words": frozenset(t for x in raw.get("section_words", []) for t in _TOKEN.findall(normalize(x))),
    }


@lru_cache(maxsize=1)
def _place_tokens() -> frozenset[str]:
    """Single-word forms of places (countries, capitals, the cities of calendar zones) for datelines
    and bylines: `القاهرة - ...`, `الرياض في 12 مارس`."""
    import json

    out: set[str] = set()
    text = knowledge.text("entities.jsonl")
    for line in text.splitlines():
        if '"LOC"' not in line or line.startswith('{"id": "gn-'):
            continue  # (GeoNames' towns are named like people: `علي`, `أحمد`; datelines name known places)
        rec = json.loads(line)
        for n in [rec.get("ar") or ""] + list(rec.get("ar_aliases") or []):
            toks = _TOKEN.findall(normalize(n))
            if 1 <= len(toks) <= 2:
                out.update(toks)
    return frozenset(out)


@lru_cache(maxsize=1)
def _outlet_phrases() -> frozenset[str]:
    """Folded names, short names and taglines of outlets and agencies (knowledge/outlets.json via
    marsad.outlets when present; the agency bylines of layout.json otherwise)."""
    from .outlets import folded_names

    names = set(layout_vocab()["agency_bylines"]) | set(folded_names())
    return frozenset(n for n in names if n)


def is_outlet(line: str, ambiguous: bool = False) -> bool:
    """The whole line is an outlet's or agency's name or tagline (`ambiguous`: names that are also
    ordinary words count too)."""
    f = _fold(line)
    if not f:
        return False
    if f in _vocab()["outlets"]:
        return True
    from .outlets import outlet_for

    return outlet_for(line, ambiguous=ambiguous) is not None


def date_residue(line: str) -> int:
    """How many words of the line are not date, time, zone, cue, place or outlet words.

    A pure dateline (`الرياض - الثلاثاء 12 مارس 2018 - 10:15 ص بتوقيت مكة`) has none; a
    sentence that holds a date (`في 3 مارس 2021 أعلنت الوزارة ...`) has several."""
    v = _vocab()
    n = 0
    text = normalize(line)  # normalize is idempotent: a folded line may be given
    label = _LABEL.match(text)
    if label and not any(ch.isdigit() for ch in label.group(1)):
        text = text[label.end():]  # `منشور: 12-09-2018`, `تاريخ الإضافة: ...`: a label, then the date
    for t in _TOKEN.findall(text):
        if t.isdigit() or t in v["datey"] or t in v["places"] or t in v["outlet_tokens"]:
            continue
        if _GLUED.fullmatch(t):  # 1439هـ, 2018م
            continue
        if t.startswith(("ال", "و")) and (t[2:] in v["places"] or t[1:] in v["places"] or t[1:] in v["datey"]):
            continue
        if re.fullmatch(r"\d+[a-z]*|[a-z]{1,4}\d*", t, re.I):  # 4pm, GMT3, EET
            continue
        n += 1
    return n


def is_breadcrumb(line: str) -> bool:
    """`الرئيسية > أخبار > سياسة`, `الرئيسية / عربي ودولي`: short segments joined by separators."""
    s = line.strip()
    if len(s) > 160:
        return False
    parts = [p.strip() for p in re.split(r"\s*(?:>|»|›|/|\||\\|→)\s*", s) if p.strip()]
    f = _fold(s)
    head = f.startswith(_vocab()["breadcrumb_heads"])
    if len(parts) >= 2 and all(len(p.split()) <= 4 for p in parts) and not re.search(r"\d{1,2}\s*/\s*\d", s):
        return head or len(parts) >= 3
    return head and len(s.split()) <= 8


def is_menu(line: str) -> bool:
    """A site's menu printed as a line: section names only (`فيديو سياسة رياضة رأي أخبار منوعات`)."""
    toks = _TOKEN.findall(normalize(line))
    if len(toks) < 3 or len(toks) > 30:
        return False
    words = _vocab()["section_words"]
    return sum(1 for t in toks if t in words or (t.startswith("و") and t[1:] in words)) >= 0.8 * len(toks)


def is_credit(line: str) -> bool:
    """A photo credit or caption label: `مصدر الصورة: أ ف ب`, `الصورة: رويترز`, `(أ ف ب)`."""
    s = line.strip()
    if len(s.split()) > 12:
        return False
    f = _fold(s)
    if f.startswith(_vocab()["credit_prefixes"]):
        return True
    if re.fullmatch(r"[A-Za-z][\w.&' -]{1,40}", s) and len(s.split()) <= 3:
        return True  # `Gettyimages.ru`, `AFP`: a Latin credit (Arabic text is never this)
    if re.match(r"^[-–—]\s*\S", s) and len(s.split()) <= 5:
        return True  # `- أ ف ب`, `- أرشيفية`: a caption's credit on a line of its own
    # `(أ ف ب)`, `(Getty Images)`: a short bracketed credit alone
    return bool(re.fullmatch(r"[(\[]\s*[^)\]]{1,40}\s*[)\]]", s)) and len(s.split()) <= 4


def is_place(text: str) -> bool:
    """One or two words that name a place (a country, a capital, a zone's city)."""
    toks = _TOKEN.findall(normalize(text))
    places = _vocab()["places"]
    if not 1 <= len(toks) <= 4:
        return False
    hits = sum(1 for t in toks if t in places or (t.startswith("ال") and t[2:] in places))
    # every word a place word, or a long name most of whose words are (`الولايات المتحدة الامريكيه`)
    return hits == len(toks) or (len(toks) >= 3 and hits >= len(toks) - 1)


def ends_sentence(line: str) -> bool:
    return bool(_END_SENT.search(line))
