"""Reader for the ANT corpus (one TREC-like pseudo-XML article per file).

The files are not well-formed XML, so the fields are cut out with a regex.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..corpora import parse_ant

# ANT category folder -> marsad topic label
LABELS = {
    "internationalNews": "international",
    "middleEast": "middle-east",
    "economy": "economy",
    "sport": "sport",
    "technology": "technology",
    "culture": "culture",
}


@dataclass
class AntDoc:
    id: str
    outlet: str  # folder name: Alarabia, BBC, CNN, France24, SkyNews
    category: str  # ANT folder name
    title: str
    author: str
    text: str
    path: str
    day: str  # YYYYMMDD from DOCNO

    @property
    def label(self) -> str:
        return LABELS.get(self.category, self.category)


def parse(raw: str, path: str = "") -> AntDoc:
    f = {k.upper(): v for k, v in parse_ant(raw).items() if isinstance(v, str)}
    p = Path(path)
    docno = f.get("DOCNO") or p.stem
    return AntDoc(
        id=docno,
        outlet=p.parent.parent.name if path else f.get("SRC", ""),
        category=f.get("CAT") or (p.parent.name if path else ""),
        title=f.get("TITLE", ""),
        author=f.get("AUTHOR", ""),
        text=f.get("TEXT", ""),
        path=path,
        day=docno.rsplit("-", 1)[-1],
    )


def read_dir(root: str | Path) -> Iterator[AntDoc]:
    """Every article under an ANT root (`<Outlet>/<category>/*.txt`), in a stable order."""
    root = Path(root)
    for f in sorted(root.glob("*/*/*.txt")):
        yield parse(f.read_text(encoding="utf-8", errors="replace"), str(f.relative_to(root)))
