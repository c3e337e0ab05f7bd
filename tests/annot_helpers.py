"""Build Articles with hand-made entity mentions, so the quotes and events stages
can be tested without the entity annotator."""
from __future__ import annotations

import re

from marsad.article import Article, Entity, Mention, Section


def article(text: str, ents: dict[str, tuple[str, str, str]], published: str | None = "2024-06-18T20:16:00+03:00") -> Article:
    """`ents` maps an Arabic surface (a regex) to (id, English name, type)."""
    paras = text.split("\n\n")
    a = Article(sections=[Section(None, paras)], published=published)
    a.rebuild_text()
    by_id: dict[str, Entity] = {}
    for surf, (eid, name, typ) in ents.items():
        for m in re.finditer(surf, a.text):
            e = by_id.setdefault(eid, Entity(eid, name, typ, None))
            e.mentions.append(Mention(m.group(), m.start(), m.end()))
    a.entities = list(by_id.values())
    return a
