"""Bylines: the author a byline line names (`كتب: محمد علي`, `القاهرة - أحمد علي`,
`الدوحة / قنا /`, `أبوظبي (سكاي نيوز عربية)`). A place is never the author. Used by layout
for text scrapes and by the HTML reader for bylines in page elements."""
from __future__ import annotations

import re

from . import layout_lines
from .arabic import normalize
from .layout_vocab import END_PUNCT as _END_PUNCT, HAS_DIGIT as _HAS_DIGIT, fold as _fold, nwords as _nwords, \
    vocab as _vocab

_DASH = r"(?:\s*[-–—ـ:]\s+|\s+[-–—ـ]\s*)"
_CITY_NAME = re.compile(rf"([^\d\-–—ـ:]{{2,45}}?){_DASH}([^\d:]{{2,60}})")


_BYLINE_SEP = re.compile(r"[-–—ـ:/(\[]")


def parse_byline(line: str) -> str | None:
    """The author named by a byline line, or None if the line is not a byline."""
    v = _vocab()
    s = line.strip().rstrip(":").strip()  # `أبها - عبدالله الهاجري:`
    if s.startswith(("©", "(c)", "(C)")):
        return None  # `© أ ف ب` credits a photo
    if _nwords(s) > 12 or _END_PUNCT.search(s) and not s.endswith((")", "»", "”")):
        return None
    f = _fold(s)
    n = _nwords(s)
    if n > 4 and not _BYLINE_SEP.search(s) and not f.startswith(v["byline_heads"]):
        return None  # no prefix, no CITY-NAME separator, not a lone agency: a headline or a sentence
    for p in v["byline_prefixes"] if f.startswith(v["byline_heads"]) else ():
        if len(p) <= 2 and not re.match(re.escape(p) + r"\s*:", normalize(s)):
            continue  # `من:` is a byline only with its colon (`من موقع الحدث` is not)
        if f.startswith(p + " ") or f.startswith(p + ":") or (f.startswith(p) and len(f) > len(p) and not f[len(p)].isalpha()):
            # cut the prefix from the original text: same number of words
            name = _strip_words(s, len(p.split())).lstrip(" :-–—ـ")
            name = _city_name(name) or name
            # `تقرير: بنوك قطر تواجه ...` is a headline, not a byline
            return name if name and _nwords(name) <= 6 else None
    name = _city_name(s) if n <= 4 or _BYLINE_SEP.search(s) else None
    if name:
        return name
    n = re.sub(r"\s+", " ", normalize(s))
    for suf in v["byline_suffixes_raw"]:
        if n.endswith(suf):
            return s.strip() or None
    return None


def _city_name(s: str) -> str | None:
    """CITY - NAME (a place, a dash, a reporter or agency): `القاهرة - أحمد علي`, `بيروت - وكالات`,
    `كييف - موسكو (رويترز)`, `العربية.نت – عهد فاضل`: an agency in brackets is the author; with
    several dashes the last part is the person."""
    m = _CITY_NAME.fullmatch(s.strip())
    # the place may carry its country in brackets: `سانتا مونيكا (الولايات المتحدة) - فرانس برس`
    if not m or _nwords(re.sub(r"\([^)]*\)", "", m.group(1))) > 3:
        return _agency_byline(s)
    name = m.group(2).strip().strip("«»“”\"").strip()
    if ":" in s[m.end(1):m.start(2)] and not (layout_lines.is_place(m.group(1)) or layout_lines.is_outlet(name)):
        return None  # `مسؤول إريتري: قطر تفبرك ...` is a headline; `القاهرة: رويترز` a byline
    swap = is_place_part(name) and not _is_agency(name) and not is_place_part(m.group(1))  # قنا is a town and an agency
    if is_place_part(name) and not swap and "(" not in name and not layout_lines.is_outlet(m.group(1)) \
            and not layout_lines.is_outlet(name, ambiguous=True):  # `الشرق الأوسط` is a region and a paper
        return None  # `القاهرة - الإسكندرية`: two places, no author
    if swap or is_place_part(name) and layout_lines.is_outlet(m.group(1)):
        # NAME - CITY (`رويترز - القاهرة`, `العربية نت - الدوحة`): the place is the second part
        name = m.group(1).strip()
        return name if _nwords(name) <= 5 else None
    inner = _CITY_NAME.fullmatch(name)
    if inner and _nwords(inner.group(1)) <= 3:
        name = inner.group(2).strip()
    if _nwords(name) > 5 or _fold(name) in _vocab()["caption_suffixes"]:  # `صورة من الحدث - أرشيفية` is a caption
        return None
    br = re.search(r"[(\[]([^)\]]+)[)\]]", name)
    if br and _fold(br.group(1)) in _vocab()["agency_bylines"]:
        return br.group(1).strip()
    return name


_SLASHED = re.compile(r"\s*/\s*|\s+[-–—]\s+|(?<=[^\W\d_])[-–—](?=[^\W\d_])")


def is_place_part(part: str) -> bool:
    """A byline's place: `القاهرة`, `السودان (الخرطوم)`, `واشنطن، الولايات المتحدة الأمريكية`."""
    bare = re.sub(r"[(\[][^)\]]*[)\]]", " ", part).strip()
    pieces = [p for p in re.split(r"\s*[،,]\s*", bare) if p]
    return bool(pieces) and all(layout_lines.is_place(p) or _fold(p) in _vocab()["byline_places"] for p in pieces)


def _agency_byline(s: str) -> str | None:
    """Wire bylines: `حلب-سانا`, `الدوحة / قنا /`, `السودان (الخرطوم) / قنا /`, `أبوظبي (سكاي نيوز عربية)`,
    and a lone agency name (`رويترز`). A place is never the author."""
    s = s.strip().strip("/").strip()
    if not s or _nwords(s) > 8:
        return None
    head = re.fullmatch(r"(.+?)\s*[:\-–—]\s*[«\"“]?(.+?)[»\"”]?", s)
    if head and is_place_part(head.group(1)) and layout_lines.is_outlet(head.group(2)):
        return head.group(2).strip()  # `بيروت: «فرانس 24»` (an outlet's name may hold digits)
    br = re.fullmatch(r"(.+?)\s*[(\[]([^)\]]+)[)\]]", s)
    if br and layout_lines.is_outlet(br.group(2)) and is_place_part(br.group(1)):
        return br.group(2).strip()
    parts = [p.strip(" «»\"") for p in _SLASHED.split(s) if p.strip(" «»\"")]
    if len(parts) in (2, 3):
        rest = [p for p in parts if not is_place_part(p) or _is_agency(p)]  # قنا is a town and an agency
        if len(rest) == 1 and len(rest) < len(parts) and _nwords(rest[0]) <= 5 and (
                not _HAS_DIGIT.search(rest[0]) or layout_lines.is_outlet(rest[0])):
            return rest[0]
        if len(rest) >= 2 and all(layout_lines.is_outlet(p) for p in rest):
            return " / ".join(rest)  # `فرانس 24 / أ ف ب - تونس`: the outlet and its agency
    if len(parts) == 1 and _nwords(s) <= 4 and layout_lines.is_outlet(s):
        return s  # a lone agency or outlet name: a byline here, or a masthead at the top (the header model decides)
    return None


def _is_agency(s: str) -> bool:
    if _fold(s) in _vocab()["agency_bylines"]:
        return True
    try:
        from .outlets import is_agency
    except ImportError:
        return False
    return is_agency(s)


def _strip_words(s: str, n: int) -> str:
    parts = re.split(r"(\s+)", s.strip())
    words = [p for p in parts if p and not p.isspace()]
    if len(words) <= n:
        # prefix glued with a colon: `كتب:محمد`
        m = re.match(r"^\S+?[:\-–]\s*(.+)$", s.strip())
        return m.group(1) if m else ""
    # rebuild after the n-th word (the prefix may end in ':' or '-')
    count, out = 0, []
    for p in parts:
        if p and not p.isspace():
            count += 1
            if count <= n:
                continue
        if count > n:
            out.append(p)
    return "".join(out).strip()
