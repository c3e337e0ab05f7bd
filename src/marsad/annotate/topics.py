"""Topic: the article's section label from the shipped classifier (models/topics)."""
from __future__ import annotations

from ..article import Article, Topic
from ..topics.features import features
from ..topics.model import model


def classify(title: str | None, text: str, top: int = 3) -> list[Topic]:
    m = model()
    if m is None:
        return []
    p = m.scores(features(title, text))
    order = p.argsort()[::-1][:top]
    return [Topic(str(m.labels[i]), round(float(p[i]), 4)) for i in order]


def annotate(article: Article) -> Article:
    article.topics = classify(article.title, article.text)
    return article
