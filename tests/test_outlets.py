"""The outlets knowledge file and the lookups built on it, on real bylines, site names and titles."""
from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from marsad.arabic import normalize
from marsad.outlets import all_outlets, is_agency, name_key, outlet_for, outlet_for_site, outlet_for_url, strip_site

RAW = json.loads(resources.files("marsad.knowledge").joinpath("outlets.json").read_text("utf-8"))
ARABIC = re.compile(r"[\u0621-\u064a]")


def _strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)


def test_file_is_complete_and_clean():
    entries = RAW["outlets"]
    assert len(entries) >= 150
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    kinds = set(RAW["kinds"])
    for e in entries:
        assert e["names_ar"] and all(ARABIC.search(n) for n in e["names_ar"][:1]), e["id"]
        assert e["kind"] in kinds, e["id"]
        assert re.fullmatch(r"[A-Z]{2}", e["country"]), e["id"]
        for d in e.get("domains", []):
            assert re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", d), (e["id"], d)
    assert all(s.strip() == s and s for s in _strings(RAW)), "empty or padded string"
    # every Arab League country's press is there, and the big wires
    countries = {e["country"] for e in entries}
    assert {"EG", "SA", "AE", "QA", "KW", "BH", "OM", "YE", "IQ", "SY", "LB", "JO", "PS", "SD", "LY", "TN", "DZ", "MA", "MR"} <= countries
    assert sum(e["kind"] == "agency" for e in entries) >= 30


def test_no_name_points_at_two_outlets():
    seen: dict[str, str] = {}
    for e in RAW["outlets"]:
        for n in e["names_ar"] + e.get("names_latin", []) + e.get("mastheads", []):
            k = name_key(n)
            assert seen.setdefault(k, e["id"]) == e["id"], f"{n!r} is {seen[k]} and {e['id']}"


@pytest.mark.parametrize("text,oid", [
    # bylines and credits as ANT's outlets print them
    ("سكاي نيوز عربية", "skynewsarabia"), ("فرانس 24", "france24_ar"), ("العربية.نت", "alarabiya"),
    ("العربية نت", "alarabiya"), ("د ب أ", "dpa"), ("د.ب.أ", "dpa"), ("رويترز", "reuters"), ("فرانس برس", "afp"),
    ("أ ف ب", "afp"), ("ا.ف.ب", "afp"), ("(أ ف ب)", "afp"), ("أسوشيتد برس", "ap"), ("الأناضول", "anadolu"),
    ("شينخوا", "xinhua"), ("واس", "spa"), ("وام", "wam"), ("كونا", "kuna"), ("قنا", "qna"), ("بترا", "petra"),
    ("سانا", "sana"), ("وفا", "wafa"), ("الجزيرة نت", "aljazeera"), ("بي بي سي عربي", "bbc_arabic"),
    ("روسيا اليوم", "rt_arabic"), ("سبوتنيك", "sputnik_arabic"), ("الشرق الأوسط اللندنية", "aawsat"),
    ("الأهرام", "ahram"), ("اليوم السابع", "youm7"), ("مصراوي", "masrawy"), ("المصري اليوم", "almasry_alyoum"),
    ("هسبريس", "hespress"), ("صحيفة عكاظ", "okaz"), ("جريدة الرياض", "alriyadh"), ("صحيفة الخليج", "alkhaleej"),
    ("القدس العربي", "alquds_alarabi"), ("الغد الأردنية", "alghad_jordan"),
    # a generic head word before a listed name, and the same name without hamza or ta marbuta
    ("وكالة الأناضول", "anadolu"), ("قناة الجزيرة", "aljazeera"), ("الاهرام", "ahram"),
    # Latin names, site names and domains as real pages give them (CNN Arabic's og:site_name is `CNNArabic`)
    ("CNNArabic", "cnn_arabic"), ("CNN Arabic", "cnn_arabic"), ("Assabah News", "assabah_tunisia"),
    ("Reuters", "reuters"), ("AFP", "afp"), ("Sky News Arabia", "skynewsarabia"), ("www.aljazeera.net", "aljazeera"),
])
def test_outlet_for_names(text, oid):
    o = outlet_for(text)
    assert o is not None and o.id == oid, (text, o)


@pytest.mark.parametrize("text", [
    "منى الشابي", "إسلام سيف", "أحمد الريدي", "دبي", "القاهرة", "الرياض", "النهار", "الخليج", "الحياة",
    "الأخبار", "وزارة الخارجية", "أب", "", "   ",
])
def test_outlet_for_is_not_fooled_by_names_places_and_words(text):
    assert outlet_for(text) is None


def test_ambiguous_names_need_the_page_or_a_head_word():
    assert outlet_for("الرياض") is None  # the city
    assert outlet_for("الرياض", ambiguous=True).id == "alriyadh"
    assert outlet_for("جريدة الرياض").id == "alriyadh"
    assert outlet_for_site("النهار").id == "annahar"
    assert outlet_for_site(None, "https://www.alriyadh.com/2001234").id == "alriyadh"


def test_outlet_for_url_walks_up_subdomains():
    assert outlet_for_url("http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html").id == "cnn_arabic"
    assert outlet_for_url("https://gate.ahram.org.eg/News/1.aspx").id == "ahram"
    assert outlet_for_url("https://m.youm7.com/story/2020/10/7/x/5000001").id == "youm7"
    assert outlet_for_url("https://example.org/a") is None
    assert outlet_for_url("not a url") is None


def test_is_agency():
    for t in ("د ب أ", "واس", "(رويترز)", "أ ف ب", "وكالات", "وكالة الأنباء السعودية", "Xinhua"):
        assert is_agency(t), t
    for t in ("سكاي نيوز عربية", "اليوم السابع", "منى الشابي", "", None):
        assert not is_agency(t), t


@pytest.mark.parametrize("title,site,url,want", [
    ("المدينة نيوز - الأمن العام يحذر من تشكل الصقيع", None, None, "الأمن العام يحذر من تشكل الصقيع"),
    ("مفاوضات جديدة بشأن تبادل الأسرى | الجزيرة نت", None, None, "مفاوضات جديدة بشأن تبادل الأسرى"),
    ("الأرصاد: طقس مائل للحرارة نهارا - اليوم السابع", None, None, "الأرصاد: طقس مائل للحرارة نهارا"),
    ("النفط يهبط بفعل خسائر وول ستريت | سكاي نيوز عربية", None, None, "النفط يهبط بفعل خسائر وول ستريت"),
    ("صحيفة عكاظ | توقيع اتفاقية لإنشاء مصنع", None, None, "توقيع اتفاقية لإنشاء مصنع"),
    # a title that ends in a place keeps it; the same word is stripped on that paper's own page
    ("افتتاح معرض الكتاب - الرياض", None, None, "افتتاح معرض الكتاب - الرياض"),
    ("افتتاح معرض الكتاب - الرياض", "جريدة الرياض", None, "افتتاح معرض الكتاب"),
    ("افتتاح معرض الكتاب - الرياض", None, "https://www.alriyadh.com/1", "افتتاح معرض الكتاب"),
    # the page's own og:site_name, even for an outlet the file does not list
    ("حريق في سوق شعبي - نبض البلد", "نبض البلد", None, "حريق في سوق شعبي"),
    # `رويترز:` on another outlet's page is the source of the claim, not a site name
    ("رويترز: ارتفاع أسعار النفط", None, "https://www.youm7.com/x", "رويترز: ارتفاع أسعار النفط"),
    ("عكاظ: حملة لإزالة الإشغالات", None, "https://www.okaz.com.sa/news/1", "حملة لإزالة الإشغالات"),
    # the outlet as the sentence's subject, a hyphen inside words, a title that is only the site name
    ("«اليوم السابع» يكشف تفاصيل الصفقة", None, None, "«اليوم السابع» يكشف تفاصيل الصفقة"),
    ("صواريخ أرض- أرض في ريف دمشق", None, None, "صواريخ أرض- أرض في ريف دمشق"),
    ("الجزيرة نت", None, None, "الجزيرة نت"),
    ("الحكومة تعلن خطتها | أخبار | الجزيرة نت", None, None, "الحكومة تعلن خطتها | أخبار"),
    # Assabah's real title: the paper's name in «» inside the headline stays
    ("الناشط الحقوقي السوداني خالد عبد الكريم ماسا لـ«الصباح»:  كل الشروط متوفرة", "Assabah News", None,
     "الناشط الحقوقي السوداني خالد عبد الكريم ماسا لـ«الصباح»: كل الشروط متوفرة"),
])
def test_strip_site(title, site, url, want):
    assert strip_site(title, site, url) == want


def test_strip_site_leaves_real_headlines_alone(shared):
    """ANT's 4,922 real headlines carry no site name: none may lose a word."""
    from marsad.corpora import iter_ant

    changed = []
    n = 0
    for rec in iter_ant(shared / "data" / "ant-corpus-multisource-2018-03"):
        n += 1
        t = " ".join(rec["title"].split())
        if strip_site(t) != t:
            changed.append(t)
    assert n > 4000 and not changed, changed[:5]


def test_ant_bylines_name_their_outlets(shared):
    """Every ANT byline `CITY - X` whose X is in the file is found, and agencies are agencies."""
    from collections import Counter

    from marsad.corpora import iter_ant

    tails = Counter()
    for rec in iter_ant(shared / "data" / "ant-corpus-multisource-2018-03"):
        a = " ".join((rec.get("author") or "").split())
        if " - " in a:
            tails[a.rsplit(" - ", 1)[1]] += 1
    assert outlet_for("سكاي نيوز عربية").id == "skynewsarabia" and tails["سكاي نيوز عربية"] > 1000
    for tail in ("رويترز", "د ب أ", "فرانس برس"):
        assert tails[tail] > 10 and is_agency(tail)
    assert not is_agency("العربية.نت") and outlet_for("العربية.نت").id == "alarabiya"


def test_lookups_are_fast():
    import time

    titles = [f"الأمن العام يحذر من تشكل الصقيع رقم {i} | الجزيرة نت" for i in range(2000)]
    t0 = time.perf_counter()
    for t in titles:
        strip_site(t)
        outlet_for(t)
    per_call = (time.perf_counter() - t0) / len(titles)
    assert per_call < 0.0005, per_call


def test_every_arabic_name_finds_its_outlet():
    for o in all_outlets():
        for n in o.names_ar + o.mastheads:
            got = outlet_for(n, ambiguous=n in o.ambiguous)
            assert got is not None and got.id == o.id, (n, o.id, got and got.id)
        assert normalize(o.name)
