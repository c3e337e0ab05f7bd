"""The vocabulary that layout reads lines with (knowledge/layout.json), and how a line is
folded to be compared with it. Shared by layout, its line readings, bylines and furniture."""
from __future__ import annotations

import re
from functools import lru_cache

from . import knowledge
from .arabic import normalize

END_PUNCT = re.compile(r"[.!?؟…:\"»”'\)]\s*$")
HAS_DIGIT = re.compile(r"\d")
END_SENTENCE = re.compile(r"[.!؟?]\s*[\"»”')]*\s*$")


def nwords(s: str) -> int:
    return len(s.split())


@lru_cache(maxsize=2048)  # the repeated furniture lines; body lines never repeat
def fold(s: str) -> str:
    """Normalise a line for comparison with the vocabulary: letters folded, trailing : . - dropped.

    Cached: every line of a page is compared with several word lists."""
    return " ".join(normalize(s).split()).strip(" :.-–—|»«•·*#")


@lru_cache(maxsize=4096)
def fold_label(s: str) -> str:
    """`fold`, and a trailing Arabic or Latin comma dropped too (labels, captions, credits)."""
    return " ".join(normalize(s).split()).strip(" :.-–—|»«•·*#،,")


@lru_cache(maxsize=1)
def vocab() -> dict:
    raw = knowledge.data("layout.json")

    def folded(key):
        return [fold(x) for x in raw[key]]

    return {
        "byline_prefixes": sorted(folded("byline_prefixes"), key=len, reverse=True),
        "byline_heads": tuple(folded("byline_prefixes")),
        "byline_suffixes_raw": [re.sub(r"\s+", " ", normalize(x)) for x in raw["byline_suffixes"]],
        "agency_bylines": set(folded("agency_bylines")),
        "byline_places": set(folded("byline_places")),
        # tuples: str.startswith/endswith test them all in one call
        "caption_suffixes": tuple(folded("caption_suffixes")),
        "caption_prefixes": tuple(folded("caption_prefixes")),
        "furniture_lines": set(folded("furniture_lines")),
        "furniture_prefixes": tuple(folded("furniture_prefixes")),
        "tail_markers": set(folded("tail_markers")),
        "related_markers": folded("related_markers"),
        "related_heads": tuple(folded("related_markers")),
        # widget words that open the tail block when only links and tags follow (`المزيد`)
        "tail_lines": set(folded("tail_lines")),
        "tail_heads": tuple(sorted({f + " " for f in folded("tail_lines") + folded("tail_markers")}, key=len, reverse=True)),
        "policy_cues": folded("policy_cues"),
    }
