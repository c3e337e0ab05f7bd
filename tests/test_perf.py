"""The speed-ups must not change any output: each fast path against its plain reference."""
from __future__ import annotations

import random

import pytest

from marsad.arabic import Sentence, sentences, shared_sentences, shared_tokens, tokenize
from marsad.arabic.tokens import _ENDERS, _OPEN_QUOTES
from marsad.arabic.normalize import _ANY_LETTER, _ARABIC_LETTER, arabic_ratio
from marsad.text import vocabulary as terms

NEWS = (
    "قال الرئيس الروسي فلاديمير بوتين، يوم الثلاثاء، إن موسكو لن تقبل بالعقوبات الجديدة. "
    "وأضاف في مؤتمر صحفي بالكرملين: «سنرد على أي خطوة أمريكية بالمثل». "
    "من جهته، أعلن الأمين العام للأمم المتحدة أنطونيو غوتيريش أن مجلس الأمن سيجتمع الخميس.\n\n"
    "وذكرت وكالة رويترز أن وزير الخارجية الأمريكي التقى نظيره الصيني في بكين لمدة 3.5 ساعة، "
    "وبحثا ملف كوريا الشمالية والتجارة بين البلدين.\n\n"
    "وفي القاهرة، استقبل الرئيس عبد الفتاح السيسي وفدا من البنك الدولي برئاسة ديفيد مالباس."
)


def _runs_reference(text: str, start: int, end: int) -> list[tuple]:
    """Runs of content words, token by token (what terms.runs_in computed before)."""
    out, cur = [], []
    for m in terms._TOKEN.finditer(text):
        a, b = m.span()
        if a < start:
            continue
        if b > end:
            break
        w = terms._surface_word(text[a:b])
        if w is None:
            if cur:
                out.append(cur)
                cur = []
        else:
            cur.append((w, a, b))
    if cur:
        out.append(cur)
    return out


def test_runs_in_matches_token_by_token_reading():
    rng = random.Random(5)
    spans = [(0, len(NEWS))] + [tuple(sorted(rng.sample(range(len(NEWS) + 1), 2))) for _ in range(200)]
    for a, b in spans:
        got = [list(zip(r.words, r.starts, r.ends)) for r in terms.runs_in(NEWS, a, b)]
        assert got == _runs_reference(NEWS, a, b), (a, b)
    assert terms.runs_in(NEWS, len(NEWS), len(NEWS)) == []


def test_shared_tokens_and_sentences_are_the_plain_ones():
    assert shared_tokens(NEWS) == tokenize(NEWS)
    assert shared_sentences(NEWS) == sentences(NEWS)
    # computed once per text: the same list comes back
    assert shared_tokens(NEWS) is shared_tokens(NEWS)
    assert shared_tokens("كتب: 12.5 مليون") == tokenize("كتب: 12.5 مليون")


def test_arabic_ratio_counts_as_before():
    rng = random.Random(1)
    alphabet = "abcXYZéß١٢3 .،؟ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإىةۀﻻ\u064b\u0670"
    for _ in range(500):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        letters = len(_ANY_LETTER.findall(t))
        ref = len(_ARABIC_LETTER.findall(t)) / letters if letters else 0.0
        assert arabic_ratio(t) == ref


@pytest.fixture(scope="module")
def tagger():
    try:
        from marsad.ner import get_tagger

        return get_tagger()
    except Exception as e:  # no model shipped in this build
        pytest.skip(f"no NER model: {e}")


def test_fast_tagger_gives_crfsuite_tags(tagger):
    toks = shared_tokens(NEWS)
    sents = [[t.text for t in toks if s.start <= t.start < s.end] for s in shared_sentences(NEWS)]
    sents = [s for s in sents if s]
    want = [tagger.tag_crfsuite(s) for s in sents]
    assert any(t != "O" for tags in want for t in tags)  # the sentences do name things
    assert [tagger.tag(s) for s in sents] == want
    # a batch of sentences: with a second stage (marsad.ner.stack) each sentence's tags also
    # depend on the sentences around it, so the reference is the batch through CRFsuite
    assert tagger.tag_sentences(sents + [[]], consistent=False) == tagger.tag_sentences_crfsuite(sents + [[]])
    # words never seen, one-word and two-word sentences (the sentence edges)
    odd = [["زقزقلوف"], ["بوتين", "قال"], ["في", "القاهرة", "."], sents[0][::-1]]
    assert tagger.tag_sentences(odd, consistent=False) == tagger.tag_sentences_crfsuite(odd)
    assert tagger.tag_sentences_crfsuite([sents[0]]) == [tagger.tag_crfsuite(sents[0])]


def _sentences_reference(text: str, max_quote: int = 1200) -> list[Sentence]:
    """`arabic.sentences` as it was written before, character by character."""
    out: list[Sentence] = []
    n = len(text)
    start = 0
    i = 0
    close: str | None = None
    opened_at = 0

    def emit(a: int, b: int) -> None:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append(Sentence(text[a:b], a, b))

    while i < n:
        ch = text[i]
        if close is not None:
            if ch == close or (close == '"' and ch == '"'):
                close = None
            elif ch == "\n" or i - opened_at > max_quote:
                close = None  # unbalanced quote: give up on it
                continue
            i += 1
            continue
        if ch in _OPEN_QUOTES:
            close = _OPEN_QUOTES[ch]
            opened_at = i
            i += 1
            continue
        if ch == "\n":
            emit(start, i)
            start = i + 1
        elif ch in _ENDERS:
            j = i
            while j + 1 < n and text[j + 1] in _ENDERS:
                j += 1
            prev = text[i - 1] if i else " "
            nxt = text[j + 1] if j + 1 < n else " "
            if ch == "." and prev.isdigit() and nxt.isdigit():
                i += 1
                continue
            if ch == "." and i >= 1 and (i < 2 or not text[i - 2].isalnum()) and prev.isalpha():
                i += 1  # single-letter abbreviation such as د.
                continue
            # a closing quote right after the stop belongs to this sentence
            k = j + 1
            while k < n and text[k] in '"»”\')':
                k += 1
            emit(start, k)
            start = k
            i = k
            continue
        i += 1
    emit(start, n)
    return out


def test_sentences_match_the_character_by_character_splitter():
    rng = random.Random(7)
    pieces = ['"', "«", "»", "“", "”", "„", "\n", ".", "!", "?", "؟", "…", " ", " ", "1", "٣", "د", "ب",
              "a", "B", ")", "'", "،"] + ["كلمة "] * 5
    assert sentences(NEWS) == _sentences_reference(NEWS)
    for _ in range(5000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        mq = rng.choice([0, 1, 3, 5, 10, 1200])
        assert sentences(t, mq) == _sentences_reference(t, mq), (t, mq)


def test_token_patterns_cut_as_the_per_character_patterns():
    import re

    from marsad.arabic import tokens as T
    from marsad.corpus import search_terms

    marks = T.MARKS
    old_tokens = re.compile(
        rf"(?P<num>[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u066b\u066c/:][0-9\u0660-\u0669\u06f0-\u06f9]+)*)"
        rf"|(?P<word>(?:[^\W\d_]|[{marks}])+(?:['’][^\W\d_]+)?)"
        rf"|(?P<punct>\S)"
    )
    old_terms = re.compile(rf"(?:[^\W\d_]|[{marks}])+(?:['’][^\W\d_]+)?|\d+(?:[.,\u066b\u066c/:]\d+)*|\S")
    digits = "0-9\u0660-\u0669\u06f0-\u06f9"
    old_search = re.compile(rf"[{digits}]+(?:[.,\u066b\u066c/:][{digits}]+)*|(?:[^\W\d_]|[{marks}])+")
    rng = random.Random(11)
    alphabet = "بتكلمـةى\u064b\u064e\u0651\u0670\u06e5\u200c\u200d\u0610aZ_'’ 1٣۴.,:/-«»\n،؟x"
    texts = [NEWS] + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(5000)]
    for t in texts:
        assert [(m.lastgroup, m.span()) for m in T._TOKEN_RE.finditer(t)] == \
            [(m.lastgroup, m.span()) for m in old_tokens.finditer(t)], t
        assert [m.span() for m in terms._TOKEN.finditer(t)] == [m.span() for m in old_terms.finditer(t)], t
        # the vocabulary cuts exactly as `tokenize` (one token definition)
        assert [m.span() for m in terms._TOKEN.finditer(t)] == [m.span() for m in T._TOKEN_RE.finditer(t)], t
        assert search_terms.WORD_OR_NUM.findall(t) == old_search.findall(t), t


def test_models_are_taken_out_of_the_garbage_collectors_sight_after_the_first_article():
    import gc

    from marsad.analysis import analyze
    from marsad.annotate import pipeline

    art = analyze(NEWS)
    assert art.entities  # the stages ran
    assert pipeline._settled and gc.get_freeze_count() > 0
