"""The text stages' data files load and hold what they claim."""
from __future__ import annotations

from importlib import resources

from marsad.arabic import normalize
from marsad.arabic.variants import spelling_key
from marsad.text import vocabulary as terms


def test_stopwords_are_function_words_not_content():
    stops = terms.stopwords()
    assert len(stops) > 300
    for w in ("في", "الذي", "قال", "يونيو", "الثلاثاء", "ثلاثة"):
        assert normalize(w) in stops, w
    for w in ("روسيا", "العقوبات", "زيارة", "الحكومة", "النفط", "كوريا"):
        assert normalize(w) not in stops, w


def test_docfreq_table_is_well_formed():
    text = resources.files("marsad.knowledge").joinpath("keyword_df.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
    assert any(ln.startswith("#docs\t") for ln in text.splitlines())
    kinds = {ln.split("\t")[0] for ln in lines}
    assert kinds == {"w", "p"}
    df = terms.docfreq()
    assert df.n_docs > 4000
    assert all(0 < n <= df.n_docs for n in df.words.values())
    assert all(2 <= len(g) <= 4 for g in df.phrases)
    # common news words are common, names known, and phrases are keyed by spelling keys
    assert df.words["حكومه"] > df.words.get("بيونغ", 0)
    assert ("مجلس", "امن") in df.phrases


def test_spelling_key_folds_transliterations_only():
    assert spelling_key("بيونج") == spelling_key("بيونغ")
    assert spelling_key("أمريكي") == spelling_key("أميركي")
    assert spelling_key("روسيا") != spelling_key("سوريا")


def test_roles_and_furniture_files_load():
    from marsad.annotate.keywords import furniture_terms as _furniture, _roles

    assert len(_roles()) > 30
    furn = _furniture()
    assert ("cnn",) in furn
    assert any(len(f) == 3 for f in furn)  # سكاي نيوز عربية
