"""Named entities: the knowledge base, recognition and resolution.

`recognize(text)` returns `marsad.article.Entity` records with mentions whose
offsets point into `text`. `metonym_of(id)` tells what a capital or a seat of
power stands for (`pyongyang` -> `north-korea`, `kremlin` -> `russia`);
`country_of_adjective(word)` maps adjectives and demonyms to countries
(`الروسي`, `أمريكيون`, `الكورية الشمالية`), and `adjective_mentions(text)` finds
them in running text with offsets.
"""
from .adjectives import AdjectiveMention, adjective_mentions
from .kb import country_of_adjective, entity_info, get_kb, metonym_of
from .resolve import recognize

__all__ = ["AdjectiveMention", "adjective_mentions", "country_of_adjective", "entity_info", "get_kb", "metonym_of",
           "recognize"]
