"""The `entities` stage: fills `article.entities` from `article.text`."""
from __future__ import annotations

from ..article import Article
from ..entities import recognize


def annotate(article: Article) -> Article:
    article.entities = recognize(article.text)
    return article
