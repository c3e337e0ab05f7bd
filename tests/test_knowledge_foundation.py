"""The foundation's knowledge files are well-formed and consistent."""
import json
from importlib import resources

from marsad.arabic import normalize
from marsad.dates import hijri_month_lookup, month_lookup, weekday_lookup, zone_lookup


def load(name):
    return json.loads(resources.files("marsad.knowledge").joinpath(name).read_text("utf-8"))


def test_calendar_covers_every_month_and_day_without_clashes():
    cal = load("calendar.json")
    assert sorted(map(int, cal["gregorian_months"])) == list(range(1, 13))
    assert sorted(map(int, cal["hijri_months"])) == list(range(1, 13))
    assert sorted(map(int, cal["weekdays"])) == list(range(7))
    # one spelling never names two months
    seen = {}
    for num, names in cal["gregorian_months"].items():
        for n in names:
            assert seen.setdefault(" ".join(normalize(n).split()), num) == num, n
    assert month_lookup()["حزيران"] == 6 and month_lookup()["جويليه"] == 7 and month_lookup()["كانون الثاني"] == 1
    assert hijri_month_lookup()["جمادي الاخره"] == 6
    assert weekday_lookup()["الثلاثاء"] == 1


def test_zones_are_real_iana_names():
    from zoneinfo import ZoneInfo

    for name in set(zone_lookup().values()):
        ZoneInfo(name)


def test_layout_vocabulary_shape():
    lay = load("layout.json")
    for key in ("byline_prefixes", "byline_suffixes", "agency_bylines", "caption_suffixes", "caption_prefixes",
                "furniture_lines", "furniture_prefixes", "tail_markers", "related_markers", "policy_cues"):
        assert isinstance(lay[key], list) and lay[key] and all(isinstance(x, str) and x.strip() for x in lay[key]), key


def test_numbers_vocabulary():
    num = load("numbers.json")
    assert num["cardinal"]["ثلاثة"] == 3 and num["ordinal"]["عاشر"] == 10
    assert all(isinstance(v, (int, float)) for v in num["cardinal"].values())
