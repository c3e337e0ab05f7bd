"""Arabic text primitives used by every stage of marsad."""
from .normalize import (
    arabic_ratio,
    detect_language,
    normalize,
    normalize_light,
    normalize_map,
    span_to_original,
    strip_diacritics,
    to_ascii_digits,
)
from .numbers import Number, dual_base, parse_number, word_value
from .tokens import (
    Sentence,
    Split,
    Token,
    clauses,
    clitic_splits,
    light_stem,
    sentences,
    shared_sentences,
    shared_tokens,
    strip_article,
    tokenize,
)

__all__ = [
    "Number", "Sentence", "Split", "Token", "arabic_ratio", "clauses", "clitic_splits", "detect_language",
    "dual_base", "light_stem", "normalize", "normalize_light", "normalize_map", "parse_number",
    "sentences", "shared_sentences", "shared_tokens", "span_to_original", "strip_article", "strip_diacritics", "to_ascii_digits", "tokenize",
    "word_value",
]
