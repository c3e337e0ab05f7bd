"""Real-news constructions the quotes and events stages handle (sentences written for
these tests, in the style of the ANT news articles), and the blind ANT gold sets read
by path from ../shared/data."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annot_helpers import article
from marsad.annotate import entities as entities_stage
from marsad.annotate import events, quotes
from marsad.arabic import normalize
from marsad.errors import MarsadError
from marsad.evaluation._gold import read_gold

DATA = Path(__file__).resolve().parent / "data"
MARSAD = [sys.executable, "-m", "marsad.cli"]

ENTS = {
    "سامح شكري": ("sameh-shoukry", "Sameh Shoukry", "PER"),
    "تويتر": ("x-twitter", "X", "ORG"),
    "الكرملين": ("kremlin", "Kremlin", "ORG"),
    "دميتري بيسكوف|بيسكوف": ("dmitry-peskov", "Dmitry Peskov", "PER"),
    "اليمن": ("yemen", "Yemen", "LOC"),
    "غزة": ("gaza-city", "Gaza City", "LOC"),
}


def _q(text, ents=ENTS):
    a = article(text, ents)
    return a, quotes.annotate(a).quotes


def _find(qs, start):
    hit = [q for q in qs if normalize(q.text).startswith(normalize(start))]
    assert hit, [q.text for q in qs]
    return hit[0]


def _name(a, eid):
    e = a.entity(eid) if eid else None
    return e.name_ar if e else None


def test_a_platform_is_never_the_speaker():
    a, qs = _q('قال وزير الخارجية سامح شكري إن المحادثات بناءة. وجاء ذلك في تغريدة على حسابه بموقع تويتر، حيث قال: "نحن ملتزمون بالحل السياسي للأزمة".')
    assert _find(qs, "نحن ملتزمون").speaker_id == "sameh-shoukry"


def test_a_title_goes_back_to_the_person_it_introduced():
    a, qs = _q("بدأ المبعوث الأممي الجديد إلى اليمن، سامح شكري، جولته اليوم.\n\nوكان المبعوث الأممي قد أشار في بيانه إلى أنه يتطلع إلى العمل مع الجميع.")
    assert _find(qs, "يتطلع إلى العمل").speaker_id == "sameh-shoukry"


def test_an_unknown_name_in_the_speaker_phrase_becomes_a_person():
    a, qs = _q("وقالت الفائزة في السباق نورهان زيدوني، الطالبة في كلية التربية، إن الفوز يفتح الباب أمام النساء.")
    q = _find(qs, "الفوز يفتح")
    e = a.entity(q.speaker_id)
    assert e is not None and e.type == "PER" and e.name_ar == "نورهان زيدوني"
    assert e.mentions and a.text[e.mentions[0].start:e.mentions[0].end] == "نورهان زيدوني"


def test_a_relative_of_a_named_person_is_not_that_person():
    a, qs = _q("وقالت شقيقة زيدوني إن الشرطة لم تستخدم أي أداة غير قاتلة.")
    assert _find(qs, "الشرطة لم تستخدم").speaker_id is None


def test_an_unknown_common_word_is_not_made_a_person():
    a, qs = _q("بينما يقول منتقدون إن الحرب فاقمت الأزمة الإنسانية.")
    assert _find(qs, "الحرب فاقمت").speaker_id is None
    assert not [e for e in a.entities if e.type == "PER"]


def test_a_family_name_given_before_is_the_same_person():
    a, qs = _q("وقال المسؤول في الرئاسة غاربو شيهاني لوكالة رويترز إن الفتيات بخير.\n\nوقال شيهاني إن التفاصيل ستعلن قريبا.")
    q1, q2 = _find(qs, "الفتيات بخير"), _find(qs, "التفاصيل ستعلن")
    assert q1.speaker_id and q2.speaker_id
    assert "شيهاني" in normalize(_name(a, q2.speaker_id) or "")


def test_the_one_spoken_to_alone_leaves_the_speaker_as_it_was():
    a, qs = _q('قال وزير الخارجية سامح شكري إن الوضع صعب. كما قال للصحفيين "نأمل أن تتوقف الحرب قريبا جدا".')
    assert _find(qs, "نأمل أن تتوقف").speaker_id == "sameh-shoukry"


def test_a_participle_goes_on_with_the_speaker_of_its_sentence():
    a, qs = _q("وقال سامح شكري في كلمته إن الهجوم لن يوقفه عن دخول غزة، مؤكدا أنه سيعود إلى القطاع قريبا.")
    assert _find(qs, "سيعود إلى القطاع").speaker_id == "sameh-shoukry"


def test_a_participle_opening_a_paragraph_takes_the_subject_before():
    a, qs = _q('وفي تعليق أنكر المتحدث باسم الكرملين، دميتري بيسكوف، الاتهامات\n\nقائلاً: "لا علاقة لروسيا بهذه القصة على الإطلاق".')
    assert _find(qs, "لا علاقة لروسيا").speaker_id == "dmitry-peskov"


def test_a_hashtag_name_is_read_as_words():
    a = article("أعلنت #منظمة_العفو_الدولية في تقرير أن الجيش يبني قواعد عسكرية.", {})
    entities_stage.annotate(a)
    amnesty = [e for e in a.entities if e.name == "Amnesty International"]
    assert amnesty and amnesty[0].mentions[0].text == "منظمة_العفو_الدولية"


def _ev(text, ents):
    a = article(text, ents, published="2018-03-20T10:00:00+00:00")
    return a, events.annotate(a).events


def test_the_spokesman_named_after_his_body_is_the_actor():
    a, evs = _ev("وفي تعليق أنكر المتحدث باسم الكرملين، دميتري بيسكوف، اتهامات لندن.", ENTS)
    deny = [e for e in evs if e.type == "DENY"]
    assert deny and deny[0].actor_id == "dmitry-peskov"


def test_an_adjective_after_a_noun_trigger_is_the_actor_even_under_a_preposition():
    a, evs = _ev("وفي بلدة عفرين الخاضعة للقصف التركي الكثيف منذ أسابيع نزح المدنيون.", {"عفرين": ("afrin", "Afrin", "LOC")})
    att = [e for e in evs if e.type == "ATTACK"]
    assert att and att[0].actor_id == "turkey" and att[0].target_id != "turkey"


@pytest.mark.parametrize("text,typ", [
    ("ندد الأمين العام سامح شكري بالهجوم على المدنيين.", "CONDEMN"),
    ("وحمل سامح شكري الحكومة مسؤولية سقوط القتلى.", "ACCUSE"),
    ("وأشاد سامح شكري بجهود الوسطاء.", "SUPPORT"),
])
def test_more_triggers(text, typ):
    _a, evs = _ev(text, ENTS)
    assert typ in {e.type for e in evs}


# -- the blind ANT gold sets: ids and paths here, article text in ../shared/data --------------
def test_ant_gold_holds_no_article_text():
    for name in ("quotes_ant", "events_ant", "quotes_ant_slice2", "events_ant_slice2"):
        for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            assert "text" not in d and d["ant_path"].startswith("ant-corpus-multisource-2018-03/")


def test_ant_gold_reads_the_article_by_path(shared):
    docs = read_gold(str(DATA / "quotes_ant.jsonl"), "quotes", str(shared / "data"))
    assert len(docs) == 25 and all(d["text"] and d["published"] for d in docs)
    # every gold quotation begins somewhere in its article
    for d in docs:
        body = normalize(d["text"])
        for q in d["quotes"]:
            assert normalize(q["starts"]) in body, (d["id"], q["starts"])


def test_ant_gold_without_the_corpus_is_one_clear_error(tmp_path):
    with pytest.raises(MarsadError, match="corpus article not found"):
        read_gold(str(DATA / "events_ant.jsonl"), "events", str(tmp_path))
    p = subprocess.run(MARSAD + ["evaluate", "quotes", str(DATA / "quotes_ant.jsonl"), "--data", str(tmp_path)],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 1 and "Traceback" not in p.stderr and len(p.stderr.strip().splitlines()) == 1
