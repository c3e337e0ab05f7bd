"""The function-word and cue sets the annotators read from knowledge files: every list is
there, of non-empty distinct strings, normalised where the code compares it as written,
and read by the module that uses it."""
from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from marsad import knowledge
from marsad.annotate import events, quotes
from marsad.annotate.timex import find, grammar, reference_date
from marsad.arabic import normalize

SRC = Path(resources.files("marsad"))


def _norm(s: str) -> str:  # the timex grammar's normalisation (spaces folded)
    return re.sub(r"\s+", " ", normalize(s)).strip()


# file -> (keys, keys the code compares without normalising, the module that reads them)
WORD_FILES = {
    "event_words.json": (
        {"negation", "plan", "plan_after", "particles", "prepositions", "place_nouns", "relatives", "noun_context",
         "verb_before", "count_words", "noun_prefixes", "clause_stops", "noun_target_preps",
         "pronoun_complementizers", "denial_lemmas", "complementizers", "carry_before", "plan_before_an",
         "contrast", "toward"},
        {"noun_prefixes", "noun_target_preps"},
        ["annotate/events.py"],
    ),
    "quote_words.json": (
        {"clause_links", "prepositions", "relatives", "after_cue_words", "addressee_preps", "statement_preps",
         "pronoun_objects"},
        set(),
        ["annotate/quotes.py"],
    ),
}
# timex.json lists the grammar reads as written (the others it normalises itself)
TIMEX_RAW = ["ten_words", "bare_hijri_months", "noon_words", "ambiguous_deictics", "tomorrow_after",
             "not_ahad_before", "year_preps"]


def _lists(d: dict):
    for k, v in d.items():
        if isinstance(v, list):
            yield k, v
        elif isinstance(v, dict):
            yield from ((f"{k}.{k2}", v2) for k2, v2 in _lists(v))


@pytest.mark.parametrize("name", sorted(WORD_FILES))
def test_word_files_hold_clean_lists_the_code_reads(name):
    keys, raw, modules = WORD_FILES[name]
    d = knowledge.data(name)
    assert isinstance(d.get("about"), str) and d["about"]
    assert set(d) - {"about"} == keys
    for k in keys:
        ws = d[k]
        assert isinstance(ws, list) and ws, k
        assert all(isinstance(w, str) and w.strip() == w and w for w in ws), k
        assert len(set(ws)) == len(ws), (k, [w for w in ws if ws.count(w) > 1])
        if k in raw:
            assert [w for w in ws if normalize(w) != w] == [], k
    code = "".join((SRC / m).read_text(encoding="utf-8") for m in modules)
    assert name in code
    for k in keys:
        assert f'_words("{k}")' in code, f"{name}: {k} is read by no code"


def test_noun_prefixes_are_tried_longest_first():
    p = knowledge.data("event_words.json")["noun_prefixes"]
    for i, a in enumerate(p):
        assert not any(a.startswith(b) and len(a) > len(b) for b in p[:i]), a


def test_the_sets_in_the_code_are_the_files_lists():
    ew, qw = knowledge.data("event_words.json"), knowledge.data("quote_words.json")
    assert events._NEG == {normalize(w) for w in ew["negation"]}
    assert events._VERB_BEFORE == {normalize(w) for w in ew["verb_before"]} - events._NOUN_CONTEXT
    assert events._NOUN_PREFIXES[-1] == "" and list(events._NOUN_PREFIXES[:-1]) == ew["noun_prefixes"]
    assert quotes._TIME_WORDS == {normalize(w) for w in qw["after_cue_words"]}
    assert "امس" in quotes._TIME_WORDS and "لم" in events._NEG  # normalised: أمس → امس


def test_timex_lists_are_clean_and_read_by_the_grammar():
    v = knowledge.data("timex.json")
    for k, ws in _lists(v):
        assert ws, k
        flat = [w if isinstance(w, str) else repr(w) for w in ws]
        assert len(set(flat)) == len(flat), (k, [w for w in flat if flat.count(w) > 1])
        assert all(w.strip() for w in flat), k
    for k in TIMEX_RAW:
        assert [w for w in v[k] if _norm(w) != w] == [], k
    two = v["ithnayn_not_monday"]
    for k in ("before", "before_ok", "before_ok_prefixes", "after"):
        assert [w for w in two[k] if _norm(w) != w] == [], k
    code = (SRC / "annotate/timex/grammar.py").read_text(encoding="utf-8")
    for k in v:
        if k != "about":
            assert f'v["{k}"]' in code or f"v['{k}']" in code, f"timex.json: {k} is read by no code"
    g = grammar()
    assert g.bare_hijri_months == set(v["bare_hijri_months"])
    assert "اعتبارا من" in g.bare_month_prep and "بين" in g.year_prep


def test_moved_timex_words_still_decide_on_real_text():
    ref = reference_date("2024-03-06")  # a Wednesday
    # الاثنين after بين is "the two", after a verb the weekday
    assert find("وقعت مواجهات بين الاثنين في المدينة", ref) == []
    got = find("التقى الوزير نظيره الاثنين في القاهرة", ref)
    assert [(t.text, t.value) for t in got] == [("الاثنين", "2024-03-04")]
    # رمضان alone needs a preposition before it; الغد needs يوم or the like
    assert find("قال رمضان إن الاجتماع انتهى", ref) == []
    assert [t.text for t in find("يبدأ الصيام في رمضان المقبل", ref)] == ["رمضان المقبل"]
    assert find("نحو الغد الأفضل", ref) == []
    assert [t.value for t in find("يصل الوفد صباح الغد", ref)] == ["2024-03-07T" + "MO"]
