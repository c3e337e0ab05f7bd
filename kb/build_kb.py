"""Build marsad's entity knowledge base from the small hand-written tables in kb/.

    .venv/bin/python kb/build_kb.py [--out DIR]

writes src/marsad/knowledge/entities.jsonl (one canonical entity a line) and
src/marsad/knowledge/country_adjectives.tsv (adjective/demonym form -> country id).

Sources: CLDR (through babel, a dependency of trafilatura) for the Arabic and
English names of countries, territories and time-zone cities; everything else
(press spellings, capitals, adjectives, organisations, people, official names of
ministries) is written by hand in the TSV files beside this script. Families
(ministries, governments, armies, parliaments, central banks of every state;
national security councils) are composed from those tables.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from marsad.arabic import normalize  # noqa: E402

OUT = ROOT / "src" / "marsad" / "knowledge"
# The babel (CLDR) release the shipped files were built with; another one may name
# places differently, so rebuild and review the diff when it changes.
BABEL_VERSION = "2.19.0"


def slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("&", " and ").replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def rows(name: str):
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        yield line.split("\t")


def col(r: list[str], i: int) -> str:
    return r[i].strip() if i < len(r) else ""


def alts(s: str) -> list[str]:
    return [a.strip() for a in s.split("|") if a.strip()]


class KB:
    def __init__(self) -> None:
        self.by_id: dict[str, dict] = {}

    def add(self, id: str, name: str, type: str, ar: list[str], **kw) -> dict:
        e = self._add(id, name, type, ar, **kw)
        e["_strong"].update(normalize(a) for a in ar if a and not a.startswith("~"))
        return e

    def _add(self, id: str, name: str, type: str, ar: list[str], **kw) -> dict:
        weak = [a[1:] for a in ar if a.startswith("~")]
        strong = [a for a in ar if a and not a.startswith("~")]
        ar = strong or weak[:1]
        if weak:
            kw["ar_weak"] = list(kw.get("ar_weak") or []) + weak
        if id in self.by_id:
            e = self.by_id[id]
            for a in ar:
                if a not in e["ar_aliases"] and a != e["ar"]:
                    e["ar_aliases"].append(a)
            for k, v in kw.items():
                if isinstance(v, list):
                    e.setdefault(k, [])
                    e[k] += [x for x in v if x not in e[k]]
                elif v and not e.get(k):
                    e[k] = v
            return e
        e = {"id": id, "name": name, "type": type, "ar": ar[0] if ar else None,
             "ar_aliases": [], "en_aliases": [], "_strong": set()}
        for a in ar[1:]:
            if a not in e["ar_aliases"] and a != e["ar"]:
                e["ar_aliases"].append(a)
        for k, v in kw.items():
            if v:
                e[k] = v
        self.by_id[id] = e
        return e

    def write(self, path: Path) -> None:
        with path.open("w", encoding="utf-8") as f:
            for e in self.by_id.values():
                # drop aliases that normalise to the primary name or to each other
                seen = {normalize(e["ar"] or "")}
                keep = []
                for a in e["ar_aliases"]:
                    n = normalize(a)
                    if n not in seen:
                        seen.add(n)
                        keep.append(a)
                e["ar_aliases"] = keep
                strong = e.pop("_strong")
                if e.get("ar_weak"):
                    e["ar_weak"] = sorted({normalize(a) for a in e["ar_weak"]} - strong)
                    if not e["ar_weak"]:
                        del e["ar_weak"]
                if not e["en_aliases"]:
                    del e["en_aliases"]
                if not e["ar_aliases"]:
                    del e["ar_aliases"]
                f.write(json.dumps(e, ensure_ascii=False, sort_keys=False) + "\n")


# -- adjectives ---------------------------------------------------------------
# Broken plurals the regular -ون/-ين rule does not make.
BROKEN_PLURALS = {"RU": ["روس"], "TR": ["أتراك"], "DE": ["ألمان"], "IN": ["هنود"], "IR": ["فرس"], "GB": ["إنجليز", "انجليز"]}


def inflect_word(base: str) -> list[str]:
    """Masc. sing. nisba adjective -> its forms (m/f, sing/dual/plural)."""
    if not base.endswith("ي"):
        return [base]
    return [base, base + "ة", base + "ون", base + "ين", base + "ات", base + "ان", base + "تان", base + "تين"]


def inflect(adj: str) -> list[str]:
    words = adj.split()
    if len(words) == 1:
        forms = inflect_word(words[0])
    else:  # agreement: the words take the same ending (كوريون شماليون)
        per = [inflect_word(w) for w in words]
        n = min(len(p) for p in per)
        forms = [" ".join(p[i] for p in per) for i in range(n)]
    out = []
    for f in forms:
        out.append(f)
        out.append(" ".join("ال" + w for w in f.split()))
    return out


ARAB = {"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY",
        "TN", "AE", "YE", "EH"}
_G_SWAP = str.maketrans({"غ": "ج"})


def add_g_variants(kb: "KB") -> None:
    """Foreign names written with غ for a g also get the Egyptian spelling with ج.

    Only this way round (a ج may be a j: جون is never غون), and only for people and
    places outside the Arab world, where غ and ج are different letters.
    """
    arab_ids = {e["id"] for e in kb.by_id.values() if e.get("code") in ARAB}
    for e in kb.by_id.values():
        if e["type"] not in ("PER", "LOC") or e.get("kind") in ("country", "territory"):
            continue
        if e.get("country") in arab_ids or e.get("country") is None and e["type"] == "PER":
            continue
        names = [e["ar"]] + e["ar_aliases"]
        for a in names:
            v = a.translate(_G_SWAP)
            if v != a and v not in names and v not in e["ar_aliases"]:
                e["ar_aliases"].append(v)


def the(name: str) -> str:
    return ("the " + name) if THE.search(name) else name


THE = re.compile(r"^(United |Netherlands|Philippines|Bahamas|Czech Republic|Democratic Republic|Republic of|"
                 r"Central African|Dominican Republic|Maldives|Marshall|Solomon|Comoros|Gambia|Vatican)")


# -- GeoNames (merged unless --no-geonames) ------------------------------------
# Kinds of hand-written entry a GeoNames city may be the same place as.
CITY_KINDS = {"city", "capital", "region"}


def everyday(name: str) -> bool:
    """A one-word name that the news uses as a common word: the GeoNames gate's own test."""
    from marsad.entities.resolve import everyday_word

    form = normalize(name)
    return " " not in form and everyday_word(form)


def merge_geonames(kb: KB, countries: dict[str, dict]) -> dict[str, int]:
    """Add the places of kb/geonames_places.tsv (built by kb/geonames_places.py).

    A hand-written entry wins: when a GeoNames place is the same place (the same
    country and a shared Arabic or English name; countries by code) the entry only
    gains `geonames`, `population`, `lat` and `lon`. Other places become new LOC
    entries `gn-<geonameid>`; their names that already name a hand-written entry, or
    that kb/geonames_places.py marked as shared or everyday words, are weak (they need
    the document's support).
    """
    hand = list(kb.by_id.values())
    by_name: dict[tuple, list[dict]] = {}
    for e in hand:
        if e["type"] != "LOC":
            continue
        country = e["id"] if e.get("kind") in ("country", "territory") else e.get("country")
        for a in [e["ar"]] + e["ar_aliases"]:
            if a:
                by_name.setdefault((country, normalize(a)), []).append(e)
        by_name.setdefault((country, slug(e["name"])), []).append(e)
    known_forms = {normalize(a) for e in hand for a in [e["ar"] or ""] + e["ar_aliases"] + e.get("ar_weak", [])}
    stats = {"matched": 0, "new": 0}
    taken: set[str] = set()
    places = list(rows("geonames_places.tsv"))
    # the most populous place first, so that it is the one a hand-written entry takes
    places.sort(key=lambda r: -int(col(r, 9) or 0))
    for r in places:
        gid, kind, en, ar, weak, code = col(r, 0), col(r, 1), col(r, 2), alts(col(r, 3)), alts(col(r, 4)), col(r, 5)
        geo = {"geonames": int(gid), "population": int(col(r, 9) or 0) or None,
               "lat": float(col(r, 7)) if col(r, 7) else None, "lon": float(col(r, 8)) if col(r, 8) else None}
        if kind == "country":
            e = countries.get(code)
        else:
            country = countries[code]["id"] if code in countries else None
            keys = [(country, normalize(a)) for a in ar + weak] + [(country, slug(en))]
            match = [m for k in keys for m in by_name.get(k, [])
                     if m["id"] not in taken and (m.get("kind") in CITY_KINDS if kind == "city" else m.get("kind") == kind)]
            e = match[0] if match else None
        if e is not None and e["id"] not in taken:
            taken.add(e["id"])
            for k, v in geo.items():
                if v is not None and k not in e:
                    e[k] = v
            stats["matched"] += 1
            continue
        if e is not None:
            continue  # a second GeoNames place for an entry already matched (a country's namesake)
        strong = [a for a in ar if normalize(a) not in known_forms]
        weak = weak + [a for a in ar if normalize(a) in known_forms]
        # a one-word name that is an everyday word of the news never links (marsad's GeoNames
        # gate refuses it), so it is not indexed at all: matching `كان` or `الخميس` in every
        # article only to refuse it costs time and hides the tagger's own span there
        strong, weak = [a for a in strong if not everyday(a)], [a for a in weak if not everyday(a)]
        names = strong + ["~" + a for a in weak]
        if not names:
            continue
        admin1 = f"{code}.{col(r, 6)}" if col(r, 6) else None  # GeoNames' admin-1 key, e.g. SA.10
        kb.add(f"gn-{gid}", en, "LOC", names, kind=kind, country=countries[code]["id"] if code in countries else None,
               code=admin1, **{k: v for k, v in geo.items() if v is not None})
        stats["new"] += 1
    return stats


def main(out: Path | None = None, geonames: bool = True) -> None:
    global OUT
    OUT = out or OUT
    from babel import Locale
    from babel.dates import get_timezone, get_timezone_location
    import pytz

    ar_terr = Locale("ar").territories
    en_terr = Locale("en").territories
    kb = KB()
    countries: dict[str, dict] = {}  # code -> entity
    adjectives: dict[str, str] = {}  # normalised form -> country id
    adj_fem: dict[str, list[str]] = {}  # code -> feminine definite adjective forms (as written)
    adj_masc: dict[str, list[str]] = {}  # code -> masculine definite adjective forms

    table = {r[0]: r for r in rows("countries.tsv")}
    skip_codes = {"XA", "XB", "ZZ", "EU", "EZ", "UN", "QO", "UM"}
    for code in sorted(k for k in ar_terr if len(k) == 2 and k not in skip_codes):
        r = table.get(code, [code])
        en = col(r, 1) or re.sub(r"\s*\(.*\)", "", en_terr.get(code, code)).replace(" SAR China", "").replace("&", "and")
        en = en.replace("St. ", "Saint ")
        cldr_ar = re.sub(r"\s*\(.*\)", "", ar_terr[code]).strip()
        names = [cldr_ar] + alts(col(r, 4))
        sovereign = col(r, 2) == "s"
        e = kb.add(slug(en), en, "LOC", names, kind="country" if sovereign else "territory",
                   code=code, wikidata=col(r, 7) or None)
        countries[code] = e
        for adj in alts(col(r, 3)):
            forms = inflect(adj)
            for f in forms:
                adjectives.setdefault(normalize(f), e["id"])
            words = adj.split()
            adj_fem.setdefault(code, []).append(" ".join("ال" + w + "ة" for w in words))
            adj_masc.setdefault(code, []).append(" ".join("ال" + w for w in words))
        for bp in BROKEN_PLURALS.get(code, []):
            adjectives.setdefault(normalize(bp), e["id"])
            adjectives.setdefault(normalize("ال" + bp), e["id"])

    capitals: dict[str, str] = {}
    for code, r in table.items():
        if code.startswith("#") or not col(r, 5):
            continue
        country = countries[code]
        cnames = set(normalize(a) for a in [country["ar"]] + country["ar_aliases"])
        ar_names = [a for a in alts(col(r, 6)) if normalize(a) not in cnames]
        if not ar_names:
            continue
        en = col(r, 5)
        cid = slug(en) if slug(en) not in kb.by_id else slug(en + " city")
        kb.add(cid, en, "LOC", ar_names, kind="capital", country=country["id"], metonym_of=country["id"])
        capitals[code] = cid

    # time-zone exemplar cities from CLDR
    tz_country = {tz: c for c, tzs in pytz.country_timezones.items() for tz in tzs}
    for tz in sorted(tz_country):
        code = tz_country[tz]
        if code not in countries:
            continue
        try:
            ar = get_timezone_location(get_timezone(tz), locale="ar", return_city=True)
            en = get_timezone_location(get_timezone(tz), locale="en", return_city=True)
        except Exception:
            continue
        if not ar or not en or re.search(r"[A-Za-z]", ar):
            continue
        cnames = set(normalize(a) for a in [countries[code]["ar"]] + countries[code].get("ar_aliases", []))
        if normalize(ar) in cnames:
            continue
        cid = slug(en)
        if cid in kb.by_id and kb.by_id[cid].get("country") not in (None, countries[code]["id"]):
            cid = slug(en + " " + countries[code]["name"])
        if cid in kb.by_id and kb.by_id[cid]["type"] != "LOC":
            continue
        # CLDR's exemplar cities include small places whose names are everyday words
        # (Chuuk is ترك): they count only where the document mentions their country
        weak = "~" if len(normalize(ar).replace(" ", "")) <= 4 else ""
        kb.add(cid, en, "LOC", [weak + ar], kind=kb.by_id.get(cid, {}).get("kind") or "city", country=countries[code]["id"])

    # hand-written places: cities, regions, seas
    for r in rows("places.tsv"):
        en, kind, ars, code = col(r, 0), col(r, 1), alts(col(r, 2)), col(r, 3)
        cid = slug(en)
        country = countries[code]["id"] if code in countries else None
        kb.add(cid, en, "LOC", ars, kind=kind, country=country, wikidata=col(r, 4) or None,
               en_aliases=alts(col(r, 5)), metonym_of=col(r, 6) or None)

    # hand-written organisations
    for r in rows("orgs.tsv"):
        en, kind, ars, code = col(r, 0), col(r, 1), alts(col(r, 2)), col(r, 3)
        typ = "MISC" if kind in ("event", "treaty", "weapon", "product", "currency", "religion", "award") else "ORG"
        country = countries[code]["id"] if code in countries else None
        kb.add(col(r, 7) or slug(en), en, typ, ars, kind=kind, country=country, en_aliases=alts(col(r, 4)),
               wikidata=col(r, 5) or None, metonym_of=col(r, 6) or None)

    # hand-written people
    for r in rows("people.tsv"):
        en, ars, role, code = col(r, 0), alts(col(r, 1)), col(r, 2), col(r, 3)
        country = countries[code]["id"] if code in countries else None
        kb.add(slug(en), en, "PER", ars, kind="person", role=role or None, country=country,
               wikidata=col(r, 4) or None, en_aliases=alts(col(r, 5)), ar_weak=alts(col(r, 6)))

    # families: ministries and national bodies of every sovereign state
    overrides = {(r[0], r[1]): r for r in rows("official_names.tsv")}
    bodies = list(rows("bodies.tsv"))
    for code, country in countries.items():
        if country.get("kind") != "country":
            continue
        cname_ar = [country["ar"]] + country.get("ar_aliases", [])[:2]
        cen = country["name"]
        for b in bodies:
            key, en_tpl, heads, shorts = col(b, 0), col(b, 1), alts(col(b, 2)), alts(col(b, 3))
            ov = overrides.get((code, key))
            if ov and col(ov, 2) == "-":
                continue
            en = col(ov, 2) if ov else en_tpl.format(c=the(cen))
            kind = col(b, 4) or "ministry"
            ars = []
            for h in heads:
                h, _, g = h.partition(":")
                fems = (adj_masc if (g or col(b, 5)) == "m" else adj_fem).get(code, [])
                for f in fems:
                    ars.append(f"{h} {f}")
                for cn in cname_ar:
                    ars.append(f"{h} في {cn}")
                    # construct state: وزارة الخارجية -> وزارة خارجية روسيا
                    hw = h.split()
                    if kind == "ministry" and len(hw) == 2 and hw[1].startswith("ال"):
                        ars.append(f"{hw[0]} {hw[1][2:]} {cn}")
            for s in shorts:
                for f in adj_fem.get(code, []):
                    ars.append(f"{s} {f}")
            if ov:
                ars = alts(col(ov, 3)) + ars
            if not ars:
                continue
            bid = slug(en)
            kb.add(bid, en, "ORG", ars, kind=kind, country=country["id"], en_aliases=alts(col(ov, 4)) if ov else [],
                   wikidata=(col(ov, 5) or None) if ov else None, metonym_of=(col(ov, 6) or None) if ov else None)

    add_g_variants(kb)
    if geonames:  # after the ج spellings: GeoNames has its own, and `زوغ` (Zug) must not make `زوج`
        print("geonames: {matched} places matched to hand-written entries, {new} new".format(**merge_geonames(kb, countries)))
    kb.write(OUT / "entities.jsonl")
    with (OUT / "country_adjectives.tsv").open("w", encoding="utf-8") as f:
        f.write("# normalised adjective or demonym form\tcountry id (generated by kb/build_kb.py)\n")
        for form, cid in sorted(adjectives.items()):
            f.write(f"{form}\t{cid}\n")
    from marsad.entities.kb import INDEX_FILE, KnowledgeBase, load_records

    if out is None:
        records, adjectives_map = load_records()
    else:  # records just written elsewhere
        records = [json.loads(line) for line in (OUT / "entities.jsonl").read_text(encoding="utf-8").splitlines()]
        adjectives_map = adjectives
    index = KnowledgeBase(records, adjectives_map).index_rows()
    (OUT / INDEX_FILE).write_text("".join("\t".join(r) + "\n" for r in index), encoding="utf-8")
    n_alias = sum(1 + len(e.get("ar_aliases", [])) for e in kb.by_id.values())
    print(f"{len(kb.by_id)} entities, {n_alias} Arabic names, {len(adjectives)} adjective forms")


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="write here instead of src/marsad/knowledge (to compare)")
    ap.add_argument("--no-geonames", dest="geonames", action="store_false",
                    help="leave out the places of kb/geonames_places.tsv (GeoNames, CC BY 4.0), merged by default")
    a = ap.parse_args()
    main(a.out, a.geonames)
