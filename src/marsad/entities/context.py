"""Words around a known name that say it is not the thing it names here (precision first:
a missed link is better than a wrong one). The words are data: knowledge/link_context.json.

- a facility, a bank, a paper or a prize named after a place or a person: `سد أبها`,
  `مستشفى الملك فهد`, `بنك الجزيرة`, `معرض الدوحة` name a dam, a hospital, a bank and a
  fair, not Abha, King Fahd, Al Jazeera or Doha;
- a competition named after a place: `كأس أمم أوروبا`;
- a compass word before a continent names a region of its own: `غرب آسيا`, `شرق أوروبا`;
- a name that is a word in a fixed phrase: `صلاة المغرب` (the sunset prayer), `بحماس`
  ("with zeal");
- a country name that is an adjective after a definite noun: `الكرة السعودية`;
- a person's name after `بن`, `بنت` or `آل`: a son's lineage or a family (`خالد بن سلمان`);
- a hamza on و or ي that the entity's spellings lack: `المؤصل` is not `الموصل`;
- a city's name after `منطقة` or `ولاية` names the region around it (`منطقة نجران`).
"""
from __future__ import annotations

from functools import lru_cache

from .. import knowledge
from ..arabic import normalize
from .matcher import Candidate, stems


@lru_cache(maxsize=1)
def _words() -> dict:
    raw = knowledge.data("link_context.json")

    def norm_set(key):
        return frozenset(normalize(w) for w in raw[key])

    return {
        "facility": norm_set("facility_heads"),
        "competition": norm_set("competition_heads"),
        "compass": norm_set("compass_words"),
        "not_after": {normalize(k): frozenset(normalize(w) for w in v) for k, v in raw["not_after"].items()},
        "as_written": norm_set("not_names_as_written"),
        "adjective": norm_set("adjective_forms"),
        "sport": norm_set("sport_words"),
        "lineage": norm_set("lineage_words"),
        "region": {normalize(k): v for k, v in raw["region_words"].items()},
        "place_cue": norm_set("foreign_place_cues"),
        "arabic_name_countries": frozenset(raw["arabic_name_countries"]),
        "geonames_min_population": int(raw["geonames_min_population_elsewhere"]),
    }


SPORT_MIN = 3  # distinct sport words that make a story a sports story


def sports_story(tokens) -> bool:
    """Whether the text reads as a sports story: several distinct sport words (`مباراة`,
    `الدوري`, `مدرب`, ...), so that a town that is also a club's name is the club."""
    sport = _words()["sport"]
    seen = {t.norm for t in tokens if t.kind == "word" and t.norm in sport}
    return len(seen) >= SPORT_MIN


def geonames_name_trusted(e) -> bool:
    """Whether GeoNames' Arabic name of a place is one the news uses: a place in an
    Arabic-writing region (`الهفوف`), or elsewhere a large one (`سوربون` is not Cirebon,
    `هلمند` not Helmond)."""
    return arabic_writing(e) or (e.population or 0) >= _words()["geonames_min_population"]


def arabic_writing(e) -> bool:
    """Whether a GeoNames place lies in a region that writes its names in Arabic."""
    return (e.code or "")[:2] in _words()["arabic_name_countries"]


def placed_by_context(c: Candidate, tokens, text: str) -> bool:
    """Whether the words around a one-place reading say it is a place: a cue right before it
    (`في`, `مدينة`, `شمال`; clitics allowed: `بمدينة`) or the preposition ب on the name itself
    (`بكاغوشيما`) when the name is longer than three letters (`برين` is Brin, not Rennes)."""
    if text[c.start - 1:c.start] == "ب" and len(c.form.replace(" ", "")) > 3:
        return True
    k = c.ti - 1
    if k < 0 or tokens[k].kind != "word" or tokens[k].end + 2 < tokens[c.ti].start:
        return False
    return bool(_readings(tokens[k].norm) & _words()["place_cue"])


def after_lineage(tokens, k: int) -> bool:
    """Whether token `k` follows `بن`, `بنت` or `آل`: a name in someone's lineage or a family."""
    return k > 0 and tokens[k - 1].kind == "word" and tokens[k - 1].norm in _words()["lineage"]


CITY_KINDS = frozenset(("city", "capital"))


def region_word(c: Candidate, tokens, e) -> str | None:
    """The English word for the region whose name a city's name `c` is here, or None:
    right after `منطقة` or `ولاية` (clitics allowed: `بمنطقة الرياض`) the name is the region
    or state around the city, not the city. (`محافظة الرس` is read as the town: a Saudi or
    Yemeni governorate is named after its town and the news means either.)"""
    if e is None or e.kind not in CITY_KINDS or c.ti == 0:
        return None
    prev = tokens[c.ti - 1]
    if prev.kind != "word" or prev.end + 2 < tokens[c.ti].start:
        return None
    region = _words()["region"]
    return next((region[s] for s in _readings(prev.norm) if s in region), None)


def _readings(norm: str) -> set[str]:
    """A word and its readings without proclitics (`لمستشفى` → مستشفى)."""
    return {s for _k, s in stems(norm)}


def not_this_name(c: Candidate, tokens, kb) -> bool:
    """Whether the words before (or the writing of) a knowledge-base match say that it does not
    name its entity here. Only one-entity readings of places, people and organisations are
    judged; the longest match of the gazetteer has already taken names the KB knows whole
    (`جامعة الملك سعود`, `كأس العالم`)."""
    w = _words()
    tok = tokens[c.ti]
    if tok.norm in w["as_written"]:
        return True
    if _hamza_not_theirs(c, tokens, kb):
        return True
    prev = [tokens[k] for k in range(c.ti - 1, max(-1, c.ti - 3), -1) if tokens[k].kind == "word"]
    if not prev or prev[0].end + 3 < tok.start:
        return False
    before = _readings(prev[0].norm)
    ids = [x for x, _ in c.ids]
    e = kb.get(ids[0]) if ids else None
    if e is None:
        return False
    if c.form in w["not_after"] and before & w["not_after"][c.form]:
        return True
    if before & w["facility"] or before & w["competition"]:
        return True
    if len(prev) > 1 and prev[0].norm in _TITLES and _readings(prev[1].norm) & w["facility"]:
        return True  # `مستشفى الملك فهد`: a title between the head and the name
    if e.type == "PER" and after_lineage(tokens, c.ti):
        return True  # `متعب بن عبدالله بن عبدالعزيز`, `آل نهيان`: a son or a family, not the person
    if e.kind in ("continent",) and before & w["compass"]:
        return True
    if c.form in w["adjective"] and _definite_noun(prev[0].norm):
        return True
    return False


_SEATED_HAMZA = frozenset("ؤئ")


def _hamza_not_theirs(c: Candidate, tokens, kb) -> bool:
    """A hamza on و or ي that none of the entity's spellings has: normalising folds `المؤصل`
    ("rooted") into Mosul's `الموصل`, but a writer who puts that hamza means another word."""
    seated = _SEATED_HAMZA.intersection("".join(tokens[k].text for k in range(c.ti, c.tj + 1)))
    if not seated or not c.ids:
        return False
    for x, _w in c.ids:
        e = kb.get(x)
        if e is None or any(seated <= set(a) for a in e.arabic_names):
            return False
    return True


def _definite_noun(norm: str) -> bool:
    """A word with the article that is not a function word (`إلى` normalises to الي)."""
    from .patterns import cues

    return norm.startswith("ال") and len(norm) >= 4 and norm not in cues().stop and norm not in _TITLES


_TITLES = frozenset(normalize(t) for t in ("الملك", "الأمير", "الشيخ", "الإمام", "السلطان", "الرئيس"))
