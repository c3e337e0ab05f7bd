"""Hand-written Arabic articles with annotations, and store URLs for both stores."""
from __future__ import annotations

import os
import uuid

from marsad.article import Article, Entity, Event, Mention, Quote, Section, Source, Topic


def make_article(aid, title, paras, published, site, url=None, entities=(), quotes=(), events=(), topics=()):
    """An Article whose annotations are found by string search in its own text (offsets are real)."""
    a = Article(id=aid, title=title, published=published, source=Source(url=url, site=site),
                sections=[Section(paragraphs=list(paras))])
    a.rebuild_text()
    for eid, name, typ, name_ar, spellings in entities:
        ms = []
        for sp in spellings:
            i = a.text.find(sp)
            while i >= 0:
                ms.append(Mention(sp, i, i + len(sp)))
                i = a.text.find(sp, i + len(sp))
        a.entities.append(Entity(eid, name, typ, name_ar, ms))
    for text, speaker, speaker_id in quotes:
        i = a.text.find(text)
        a.quotes.append(Quote(text, i, i + len(text), True, speaker, speaker_id, None, "قال"))
    for typ, cameo, text, actor, target in events:
        i = a.text.find(text)
        a.events.append(Event(typ, cameo, text, i, i + len(text), None, actor, target))
    a.topics = [Topic(t, 0.9) for t in topics]
    return a


MBS = ("Q1045375", "Mohammed bin Salman", "PER", "محمد بن سلمان")
KSA = ("Q851", "Saudi Arabia", "LOC", "السعودية")
QAT = ("Q846", "Qatar", "LOC", "قطر")
IRN = ("Q794", "Iran", "LOC", "إيران")
USA = ("Q30", "United States", "LOC", "الولايات المتحدة")


def articles():
    a1 = make_article(
        "a1", "ولي العهد السعودي يستقبل وزير الخارجية القطري",
        ["الرياض - استقبل الأمير محمد بن سلمان ولي العهد السعودي في الرياض اليوم وزير الخارجية القطري.",
         "وقال محمد بن سلمان إن \"العلاقات بين السعودية وقطر تشهد تطورا كبيرا\" خلال اللقاء."],
        "2024-03-10T10:00:00+03:00", "الشرق", "https://example.org/a1",
        entities=[(*MBS, ["محمد بن سلمان"]), (*KSA, ["السعودية"]), (*QAT, ["قطر", "القطري"])],
        quotes=[("العلاقات بين السعودية وقطر تشهد تطورا كبيرا", "محمد بن سلمان", "Q1045375")],
        events=[("MEET", "040", "استقبل الأمير محمد بن سلمان", "Q1045375", "Q846")],
        topics=["politics"])
    a2 = make_article(
        "a2", "واشنطن تفرض عقوبات جديدة على إيران",
        ["واشنطن - فرضت الولايات المتحدة العقوبات الجديدة على إيران بسبب برنامجها النووي.",
         "وأكدت وزارة الخزانة أن والعقوبات ستشمل شركات الشحن، وأن عقوبات أخرى قد تتبع."],
        "2024-03-11T09:00:00+00:00", "الخليج", "https://example.org/a2",
        entities=[(*USA, ["الولايات المتحدة", "واشنطن"]), (*IRN, ["إيران"])],
        events=[("SANCTION", "163", "فرضت الولايات المتحدة العقوبات", "Q30", "Q794")],
        topics=["economy", "politics"])
    a3 = make_article(
        "a3", "ولي العهد يزور الدوحة",
        ["الدوحة - وصل ولي العهد السعودي إلى الدوحة في زيارة رسمية تستمر يومين.",
         "وقال ولي العهد السعودي إن \"قطر شريك أساسي في أمن الخليج\" وفق ما نقلته وكالة الأنباء."],
        "2024-03-18T12:00:00+03:00", "الخليج", "https://example.org/a3",
        entities=[(*MBS, ["ولي العهد السعودي"]), (*QAT, ["قطر"])],
        quotes=[("قطر شريك أساسي في أمن الخليج", "ولي العهد السعودي", "Q1045375")],
        topics=["politics"])
    a4 = make_article(
        "a4", "أمطار غزيرة في المغرب",
        ["الرباط - هطلت أمطار غزيرة على مناطق واسعة من المغرب وأدت إلى فيضانات في عدة مدن.",
         "ودعت السلطات السكان إلى الحذر وتجنب الطرق المغمورة بالمياه."],
        "2024-03-12T08:00:00+01:00", "هسبريس", "https://example.org/a4", topics=["weather"])
    return [a1, a2, a3, a4]


HOSTILE = [
    '"', "'", '""""', "'; DROP TABLE articles; --", "عقوبات\" OR 1=1 --", "NEAR(a b)", "a AND OR NOT b", "*", "^قطر",
    "قطر*", "(((", ")", "col:term", "terms:قطر", "\x00", "قطر\x00عقوبات", "ا" * 10000, "عقوبات " * 2000,
    "\\", "%", "_", "$1", "&|!<->", "'قطر' & !'ايران'", "{}[]", "\u200f\u200e", "\ufeff", "🙂", "  ", "",
    "-قطر", "+", "\n\t", "SELECT * FROM articles", "x" * 5000 + " قطر",
]


def pg_url() -> str | None:
    return os.environ.get("MARSAD_TEST_PG") or None


class PgSchema:
    """A fresh PostgreSQL schema for one test (dropped afterwards), selected through the URL."""

    def __init__(self, base: str):
        import psycopg

        self.base = base
        self.name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(base, autocommit=True) as c:
            c.execute(f"CREATE SCHEMA {self.name}")
        sep = "&" if "?" in base else "?"
        self.url = f"{base}{sep}options=-csearch_path%3D{self.name}"

    def drop(self) -> None:
        import psycopg

        with psycopg.connect(self.base, autocommit=True) as c:
            c.execute(f"DROP SCHEMA IF EXISTS {self.name} CASCADE")


_CITIES = ["القاهرة", "الرياض", "بيروت", "عمان", "الرباط", "تونس", "الدوحة", "بغداد", "دمشق", "الخرطوم"]
_SUBJECTS = ["وزارة الاقتصاد", "البنك المركزي", "وزارة الصحة", "الحكومة", "البرلمان", "وزارة التعليم", "هيئة الطيران"]
_VERBS = ["أعلنت", "أكدت", "نفت", "ناقشت", "أقرت", "رفضت", "درست"]
_OBJECTS = ["خطة جديدة لدعم الصادرات", "مشروعا لتطوير الموانئ", "برنامجا لمكافحة البطالة", "اتفاقا للتعاون الإقليمي",
            "قانونا لتنظيم الاستثمار", "ميزانية العام المقبل", "إجراءات لخفض التضخم"]


def synthetic_records(n: int, start: int = 0):
    """n distinct short news records (JSON-ready dicts); each one's numbers make its text unique."""
    out = []
    for i in range(start, start + n):
        city, subj = _CITIES[i % len(_CITIES)], _SUBJECTS[(i // 3) % len(_SUBJECTS)]
        verb, obj = _VERBS[(i // 7) % len(_VERBS)], _OBJECTS[(i // 11) % len(_OBJECTS)]
        day = 1 + i % 28
        text = (f"{city} - {verb} {subj} اليوم {obj} بقيمة {1000 + i} مليون دولار.\n\n"
                f"وقال مسؤول إن الخطة رقم {i} ستنفذ على مراحل خلال {2 + i % 9} سنوات، وإن الهدف هو تحسين الخدمات.")
        out.append({"id": f"syn-{i}", "title": f"{subj} {verb} {obj}", "text": text,
                    "published": f"2024-05-{day:02d}T10:00:00+00:00", "source": ["وكالة أ", "وكالة ب", "وكالة ج"][i % 3],
                    "url": f"https://example.org/syn/{i}"})
    return out


def write_jsonl(path, records) -> None:
    import json

    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
