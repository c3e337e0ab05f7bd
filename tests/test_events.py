"""Events (who did what to whom, when, where), on sentences written for these tests.

Entity mentions and time expressions are made by hand so that these tests check
the events stage alone. Demonyms and metonym links come from the shipped
knowledge base (knowledge/country_adjectives.tsv, knowledge/entities.jsonl).
"""
from __future__ import annotations

import json
from importlib import resources

import pytest

from annot_helpers import article
from marsad.annotate import events, quotes
from marsad.article import Timex

ENTS = {
    "فلاديمير بوتين|بوتين": ("vladimir-putin", "Vladimir Putin", "PER"),
    "رجب طيب أردوغان|أردوغان": ("recep-tayyip-erdogan", "Recep Tayyip Erdoğan", "PER"),
    "أنقرة": ("ankara", "Ankara", "LOC"),
    "موسكو": ("moscow", "Moscow", "LOC"),
    "بيونج يانج": ("pyongyang", "Pyongyang", "LOC"),
    "كوريا الشمالية": ("north-korea", "North Korea", "LOC"),
    "روسيا": ("russia", "Russia", "LOC"),
    "أوكرانيا": ("ukraine", "Ukraine", "LOC"),
    "إيران": ("iran", "Iran", "LOC"),
    "طهران": ("tehran", "Tehran", "LOC"),
    "الاتحاد الأوروبي": ("european-union", "European Union", "ORG"),
    "الكرملين": ("kremlin", "Kremlin", "ORG"),
    "سوتشي": ("sochi", "Sochi", "LOC"),
    "فرنسا": ("france", "France", "LOC"),
    "ألمانيا": ("germany", "Germany", "LOC"),
    "مصر": ("egypt", "Egypt", "LOC"),
    "قطر": ("qatar", "Qatar", "LOC"),
}


def run(text: str, timexes=(), published="2024-06-18T10:00:00+03:00"):
    a = article(text, ENTS, published=published)
    for surface, value in timexes:
        k = a.text.index(surface)
        a.timexes.append(Timex(surface, k, k + len(surface), "DATE", value))
    quotes.annotate(a)
    return a, events.annotate(a).events


def one(evs, typ):
    hit = [e for e in evs if e.type == typ]
    assert hit, f"no {typ} in {[(e.type, e.actor_id, e.target_id) for e in evs]}"
    return hit[0]


def test_visit_verb_subject_target_and_time():
    _, evs = run("يزور الرئيس التركي رجب طيب أردوغان موسكو غدا.", [("غدا", "2024-06-19")])
    e = one(evs, "VISIT")
    assert (e.actor_id, e.target_id, e.when, e.polarity, e.cameo) == ("recep-tayyip-erdogan", "moscow", "2024-06-19", "planned", "042")


def test_future_tense_is_planned_and_subject_before_verb():
    _, evs = run("قال الكرملين إن بوتين سيزور أنقرة الشهر المقبل.", [("الشهر المقبل", "2024-07")])
    e = one(evs, "VISIT")
    assert (e.actor_id, e.target_id, e.when, e.polarity) == ("vladimir-putin", "ankara", "2024-07", "planned")


def test_noun_trigger_with_genitive_actor():
    _, evs = run("تأتي زيارة بوتين إلى أنقرة في ظل توتر إقليمي.")
    e = one(evs, "VISIT")
    assert (e.actor_id, e.target_id) == ("vladimir-putin", "ankara")


def test_metonym_actor_stands_for_its_state():
    _, evs = run("تزود بيونج يانج موسكو بالذخائر منذ أشهر.")
    e = one(evs, "SUPPLY")
    assert (e.actor_id, e.target_id) == ("north-korea", "russia")


def test_demonym_subject_and_adjective_actor():
    _, evs = run("ويتهم مسؤولون أمريكيون وكوريون جنوبيون كوريا الشمالية بتزويد روسيا بالصواريخ.")
    acc = one(evs, "ACCUSE")
    assert acc.actor_id == "united-states" and acc.target_id == "north-korea"
    sup = one(evs, "SUPPLY")
    assert (sup.actor_id, sup.target_id) == ("north-korea", "russia")
    _, evs = run("أنهى الفيتو الروسي مهمة لجنة الخبراء.")
    assert one(evs, "VETO").actor_id == "russia"


def test_coordinated_subjects_are_co_actors_not_targets():
    _, evs = run("وتنفي بيونج يانج وموسكو الاتهامات.")
    e = one(evs, "DENY")
    assert e.actor_id == "north-korea" and e.target_id is None


def test_symmetric_event_takes_the_co_actor_as_target():
    _, evs = run("واتفقت مصر وقطر على مواصلة الوساطة.")
    e = one(evs, "AGREE")
    assert (e.actor_id, e.target_id) == ("egypt", "qatar")


def test_meeting_place_and_counterpart():
    _, evs = run("والتقى أردوغان لأول مرة مع بوتين في عام 2019 في منتجع سوتشي.", [("عام 2019", "2019")])
    e = one(evs, "MEET")
    assert (e.actor_id, e.target_id, e.when) == ("recep-tayyip-erdogan", "vladimir-putin", "2019")


def test_where_after_fi():
    _, evs = run("التقى أردوغان بوتين في سوتشي أمس.", [("أمس", "2024-06-17")])
    e = one(evs, "MEET")
    assert e.where_id == "sochi" and e.target_id == "vladimir-putin"


def test_negation_makes_the_event_denied():
    _, evs = run("لم يلتق أردوغان بوتين خلال القمة، ولن يزور موسكو هذا العام.")
    assert one(evs, "MEET").polarity == "denied"
    v = one(evs, "VISIT")
    assert v.polarity == "denied" and v.actor_id == "recep-tayyip-erdogan" and v.target_id == "moscow"


def test_pro_drop_verb_shares_the_subject_of_the_first_clause():
    _, evs = run("وأدانت طهران القرار، وهددت بالرد على أي خطوة.")
    assert one(evs, "THREATEN").actor_id == "iran"


def test_reported_event_has_the_speaker_as_subject():
    _, evs = run("أعلن الكرملين أنه سيرسل مساعدات إلى أوكرانيا.")
    e = one(evs, "SEND")
    assert e.actor_id == "russia" and e.target_id == "ukraine" and e.polarity == "planned"


def test_event_reported_by_a_denial_is_denied():
    _, evs = run("نفى الكرملين أن يكون بوتين قد التقى أردوغان سرا.")
    e = one(evs, "MEET")
    assert e.polarity == "denied" and e.actor_id == "vladimir-putin"


def test_present_tense_without_a_date_takes_the_publication_day():
    _, evs = run("وتنفي موسكو هذه الاتهامات.")
    assert one(evs, "DENY").when == "2024-06-18"


def test_invitation_versus_call():
    _, evs = run("دعا أردوغان بوتين إلى زيارة أنقرة.")
    assert one(evs, "INVITE").target_id == "vladimir-putin"
    assert not [e for e in evs if e.type == "VISIT"]
    _, evs = run("دعا الاتحاد الأوروبي إيران إلى وقف التخصيب.")
    assert one(evs, "CALL_FOR").target_id == "iran"


def test_fire_needs_a_projectile_and_sanction_needs_sanctions():
    _, evs = run("أطلقت كوريا الشمالية صاروخين باتجاه البحر.")
    assert one(evs, "FIRE").actor_id == "north-korea"
    _, evs = run("أطلق الاتحاد الأوروبي مبادرة جديدة مع إيران.")
    assert not [e for e in evs if e.type == "FIRE"]
    _, evs = run("فرض الاتحاد الأوروبي عقوبات جديدة على إيران.")
    e = one(evs, "SANCTION")
    assert (e.actor_id, e.target_id, e.cameo) == ("european-union", "iran", "163")


def test_passive_kill_and_count():
    _, evs = run("اغتيل مسؤول إيراني بارز في طهران.")
    assert not [e for e in evs if e.type == "KILL" and e.actor_id]
    _, evs = run("قتل ثلاثة جنود روس في هجوم على الحدود.")
    k = [e for e in evs if e.type == "KILL"]
    assert k and k[0].actor_id is None


def test_name_that_looks_like_a_verb_is_no_trigger():
    ents = dict(ENTS)
    a = article("زار الأمير فيصل بن فرحان طهران.", {**ents, "فيصل بن فرحان": ("faisal-bin-farhan", "Faisal bin Farhan", "PER")})
    evs = events.annotate(quotes.annotate(a)).events
    assert [(e.type, e.actor_id, e.target_id) for e in evs] == [("VISIT", "faisal-bin-farhan", "tehran")]


def test_definite_noun_without_participants_is_no_event():
    _, evs = run("وأدان الاتحاد الأوروبي الهجوم بشدة.")
    assert [e.type for e in evs] == ["CONDEMN"]


def test_offsets_and_sentence_text():
    a, evs = run("زار بوتين أنقرة. ثم التقى أردوغان.")
    for e in evs:
        assert a.text[e.start:e.end] == e.text


def test_trigger_lexicon_covers_the_issue_types():
    data = json.loads(resources.files("marsad.knowledge").joinpath("event_triggers.json").read_text("utf-8"))
    need = {"VISIT", "MEET", "INVITE", "ACCUSE", "DENY", "CRITICIZE", "CONDEMN", "THREATEN", "WARN", "ATTACK", "FIRE",
            "SANCTION", "VETO", "SEND", "SUPPLY", "AGREE", "SIGN", "CALL_FOR", "SUPPORT", "ARREST", "KILL", "PROTEST"}
    assert need <= set(data["types"])
    for typ, spec in data["types"].items():
        assert spec["cameo"].isdigit() and len(spec["cameo"]) == 3, typ
        for v in spec["verbs"]:
            assert {"past", "present"} <= set(v), (typ, v)


@pytest.mark.parametrize("word,typ", [("زار", "VISIT"), ("يزور", "VISIT"), ("سيزور", "VISIT"), ("زيارة", "VISIT"),
                                      ("وزيارته", None), ("اتهم", "ACCUSE"), ("يتهم", "ACCUSE"), ("اتهامات", "ACCUSE"),
                                      ("والتقى", "MEET"), ("تنفيان", "DENY"), ("الفيتو", "VETO"), ("بتزويد", "SUPPLY")])
def test_trigger_forms(word, typ):
    from marsad.arabic import normalize

    got = events.triggers_of(normalize(word))
    assert (got[0]["type"] if got else None) == typ
