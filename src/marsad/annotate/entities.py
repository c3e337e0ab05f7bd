"""The `entities` stage: fills `article.entities` from `article.text`."""
from __future__ import annotations

import re

from ..article import Article
from ..entities import recognize

# `#منظمة_العفو_الدولية`: a hashtag writes a name with underscores; read it as words
_HASHTAG = re.compile(r"#[\w\u0600-\u06ff]+")


def _unhash(text: str) -> str:
    """The text with hashtag marks and underscores as spaces (same length, so offsets hold)."""
    return _HASHTAG.sub(lambda m: " " + m.group(0)[1:].replace("_", " "), text)


def annotate(article: Article) -> Article:
    text = article.text
    if "#" not in text:
        article.entities = recognize(text)
        return article
    entities = recognize(_unhash(text))
    for e in entities:
        for m in e.mentions:
            m.text = text[m.start:m.end]
    article.entities = entities
    return article
