"""Per-word caches stay within their cap on an endless stream, and emptying a full
cache changes no result (the tagger and the tokeniser recompute what they dropped)."""
from __future__ import annotations

import marsad.arabic.tokens as tokens_mod
import marsad.ner.fastcrf as fastcrf
from marsad.arabic import shared_tokens
from marsad.ner import load_tagger
from marsad.ner.model import DEFAULT_MODEL

SENTENCES = [
    "قال الرئيس الروسي فلاديمير بوتين في موسكو إن بلاده لن تتراجع".split(),
    "وصل وزير الخارجية الأمريكي أنتوني بلينكن إلى القاهرة يوم الأحد".split(),
    "أعلنت وزارة الدفاع في سيول أن بيونغ يانغ أطلقت صاروخا باليستيا".split(),
]


def _fresh_tagger():
    return load_tagger(DEFAULT_MODEL)


def test_tagger_word_cache_is_capped_and_refills_to_the_same_tags(monkeypatch):
    expected = _fresh_tagger()._fast.tag_sentences(SENTENCES)
    monkeypatch.setattr(fastcrf, "_MAX_WORDS", 40)
    tagger = _fresh_tagger()
    fast = tagger._fast
    # a stream of new words (made-up names) larger than the cap, with real sentences between
    for k in range(30):
        made_up = [f"كوزميت{chr(0x628 + k % 20)}{'ا' * (k % 5)}ينو", "قال", f"روفاني{k}"]
        fast.tag_sentences([made_up])
        assert len(fast._words) <= 40 and len(fast._old) <= 40
        assert fast._used <= 2 * 40 + 3  # rows of dropped words are handed out again
        if k % 7 == 0:
            assert fast.tag_sentences(SENTENCES) == expected


def test_word_normalisation_cache_is_capped(monkeypatch):
    monkeypatch.setattr(tokens_mod, "WORDS", 50)
    tokens_mod._WORD_NORM.clear()
    for k in range(20):
        text = " ".join(f"كلمة{k}{chr(0x628 + j % 20)}{j}" for j in range(25)) + f" نص رقم {k}"
        toks = shared_tokens(text)
        assert len(tokens_mod._WORD_NORM) <= 50 + len(toks)
        # a refilled cache gives the same normal forms as the uncached tokeniser
        assert [t.norm for t in toks] == [t.norm for t in tokens_mod.tokenize(text)]

