"""Reading CoNLL-style NER files and mapping every corpus's tag set to PER, LOC, ORG, MISC.

A line is `token TAG [TAG ...]` (space or tab separated); a blank line ends a sentence.
Nested files (Wojood) give one tag per level: the first (outer) level is kept.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

TYPES = ("PER", "LOC", "ORG", "MISC")

# Tag type (after B-/I-) → coarse type; a type not listed here (or mapped to None) becomes O.
# ANERcorp: PERS → PER. AQMAR: MIS0..MIS3 are its open "miscellaneous" classes → MISC.
# NewsFANE (ACE-style fine types): people → PER; nations, cities, regions, land, water,
# facilities and buildings → LOC (ANERcorp tags places and named facilities as LOC);
# organisations of every kind (government, media, sports clubs, NGOs, companies) → ORG;
# "Group" (peoples and nationalities, e.g. الفلسطينيين) → O, since ANERcorp leaves them
# untagged; works, products, events, sciences and weapons → MISC.
# Wojood: PERS → PER, GPE/LOC/FAC → LOC, ORG → ORG, EVENT/PRODUCT/LAW/LANGUAGE/WEBSITE → MISC;
# NORP, OCC, dates, times, numbers and money → O.
TYPE_MAP: dict[str, str | None] = {
    "PER": "PER", "PERS": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC", "MIS": "MISC",
    "MIS0": "MISC", "MIS1": "MISC", "MIS2": "MISC", "MIS3": "MISC", "MISS1": "MISC",
    # NewsFANE persons
    "Politician": "PER", "Athlete": "PER", "Artist": "PER", "Other_PER": "PER", "Religious_PER": "PER",
    "Scientist": "PER", "Businessperson": "PER", "Lawyer": "PER", "Engineer": "PER", "Police": "PER",
    "Group": None,
    # NewsFANE places and facilities
    "Nation": "LOC", "Population-Center": "LOC", "State-or-Province": "LOC", "GPE-Cluster": "LOC",
    "Continent": "LOC", "County-or-District": "LOC", "Water-Body": "LOC", "Land": "LOC",
    "Land-Region-Natural": "LOC", "Building-Grounds": "LOC", "Path": "LOC", "Airport": "LOC",
    "Subarea-Facility": "LOC", "Celestial": "LOC",
    # NewsFANE organisations
    "Non-Governmental": "ORG", "Sports": "ORG", "Government": "ORG", "Media": "ORG", "Commercial": "ORG",
    "Educational": "ORG", "Religious_ORG": "ORG", "Medical-Science": "ORG", "Entertainment": "ORG",
    # NewsFANE other named things
    "Book": "MISC", "Movie": "MISC", "Software": "MISC", "Hardware": "MISC", "Air": "MISC",
    "Water": "MISC", "Projectile": "MISC", "Shooting": "MISC", "Food": "MISC", "Drug": "MISC",
    "Plant": "MISC", "Land-Vehicle": "MISC", "Exploding": "MISC", "Blunt": "MISC", "Nuclear": "MISC",
    "Sharp": "MISC", "Chemical": "MISC", "Biological": "MISC", "Sound": "MISC", "Painting": "MISC",
    # Wojood
    "GPE": "LOC", "FAC": "LOC", "EVENT": "MISC", "PRODUCT": "MISC", "LAW": "MISC", "LANGUAGE": "MISC",
    "WEBSITE": "MISC", "NORP": None, "OCC": None, "DATE": None, "TIME": None, "CARDINAL": None,
    "ORDINAL": None, "PERCENT": None, "QUANTITY": None, "UNIT": None, "MONEY": None, "CURR": None,
}


def map_tag(tag: str) -> str:
    """One corpus tag → `O`, `B-T` or `I-T` with T in PER, LOC, ORG, MISC."""
    tag = tag.strip()
    if len(tag) < 3 or tag[1] != "-" or tag[0] not in "BI":
        return "O"
    kind = tag[2:].lstrip("-").rstrip("`")
    coarse = TYPE_MAP.get(kind)
    return f"{tag[0]}-{coarse}" if coarse else "O"


def repair_bio(tags: list[str]) -> list[str]:
    """IOB1 or broken runs → IOB2: an I- that does not continue its type starts an entity."""
    out, prev = [], "O"
    for t in tags:
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def to_bioes(tags: list[str]) -> list[str]:
    """IOB2 → BIOES: a one-token entity is S-, an entity's last token E- (a CRF learns the
    edges of names better when they have their own labels)."""
    out = []
    n = len(tags)
    for i, t in enumerate(tags):
        if t == "O":
            out.append(t)
            continue
        ends = i + 1 == n or tags[i + 1] != "I-" + t[2:]
        if t[0] == "B":
            out.append(("S-" if ends else "B-") + t[2:])
        else:
            out.append(("E-" if ends else "I-") + t[2:])
    return out


def to_bio(tags: list[str]) -> list[str]:
    """BIOES (or IOB2, unchanged) → IOB2."""
    return [("B-" + t[2:]) if t[:2] == "S-" else ("I-" + t[2:]) if t[:2] == "E-" else t for t in tags]


def _looks_like_tag(s: str) -> bool:
    return s == "O" or (len(s) > 2 and s[0] in "BI" and s[1] == "-")


Sentence = tuple[list[str], list[str]]


def read_conll(path: str | Path, raw: bool = False) -> Iterator[Sentence]:
    """Sentences of (tokens, tags) from a CoNLL file; tags mapped to the coarse set unless raw."""
    toks: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8-sig") as f:
        for lineno, line in enumerate(f, 1):
            parts = line.replace("\u200e", "").replace("\u200f", "").split()
            if not parts:
                if toks:
                    yield toks, (tags if raw else repair_bio(tags))
                toks, tags = [], []
                continue
            if len(parts) == 1:
                if _looks_like_tag(parts[0]):
                    continue  # the token was an invisible mark only
                raise ValueError(f"{path}:{lineno}: expected `token TAG`, got {line.strip()!r}")
            toks.append(parts[0])
            tags.append(parts[1] if raw else map_tag(parts[1]))
    if toks:
        yield toks, (tags if raw else repair_bio(tags))


def read_many(paths: Iterable[str | Path]) -> list[Sentence]:
    """All sentences of several files (a directory means every *.txt in it)."""
    out: list[Sentence] = []
    for p in paths:
        p = Path(p)
        files = sorted(p.glob("*.txt")) if p.is_dir() else [p]
        for f in files:
            out.extend(read_conll(f))
    return out


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans (start, end, type) of an IOB2 tag sequence, CoNLL-style."""
    if not isinstance(tags, (list, tuple)):
        tags = list(tags)
    out = set()
    start, kind = None, None
    for i, t in enumerate(tags):
        if t == "O":  # most tags: closes the open span, if any (the same as the general case)
            if start is not None:
                out.add((start, i, kind))
                start = None
            continue
        if start is not None and not (t.startswith("I-") and t[2:] == kind):
            out.add((start, i, kind))
            start = None
        if t.startswith("B-") or (t.startswith("I-") and start is None):
            start, kind = i, t[2:]
    if start is not None:
        out.add((start, len(tags), kind))
    return out
