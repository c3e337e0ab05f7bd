"""A small corpus of hand-written Arabic articles for the web/API tests.

Annotations are placed by finding their text, so the offsets are real. Zelensky is
spelled زيلينسكي in one article and زيلنسكي in the other: searching one spelling must
find the article that only has the other. One scraped article carries <script> markup.
"""
from __future__ import annotations

from marsad.article import Article, Entity, Event, Keyword, Mention, Quote, Section, Source, SummarySentence, Timex, Topic

ENTITIES = {
    "vladimir-putin": ("Vladimir Putin", "PER", "فلاديمير بوتين"),
    "volodymyr-zelenskyy": ("Volodymyr Zelensky", "PER", "فولوديمير زيلينسكي"),
    "north-korea": ("North Korea", "LOC", "كوريا الشمالية"),
    "ukraine": ("Ukraine", "LOC", "أوكرانيا"),
    "kremlin": ("Kremlin", "ORG", "الكرملين"),
}


def _article(aid, title, site, published, paragraphs, ents, quotes=(), timexes=(), events=(), topic="politics"):
    text = "\n\n".join(paragraphs)
    a = Article(id=aid, title=title, published=published, source=Source(site=site, url=f"https://{site}/{aid}",
                format="html"), sections=[Section(paragraphs=list(paragraphs))], text=text)
    for eid, spellings in ents.items():
        name, typ, ar = ENTITIES[eid]
        ms, after = [], {}
        for sp in spellings:  # the k-th listed occurrence of a spelling is its k-th in the text
            i = text.index(sp, after.get(sp, 0))
            after[sp] = i + len(sp)
            ms.append(Mention(sp, i, i + len(sp)))
        a.entities.append(Entity(eid, name, typ, name_ar=ar, mentions=ms))
    for speaker_text, speaker_id, qt in quotes:
        i = text.index(qt)
        a.quotes.append(Quote(qt, i, i + len(qt), True, speaker_text=speaker_text, speaker_id=speaker_id, cue="قال"))
    for tt, val in timexes:
        i = text.index(tt)
        a.timexes.append(Timex(tt, i, i + len(tt), "DATE", val))
    for etype, cameo, et, actor, target in events:
        i = text.index(et)
        a.events.append(Event(etype, cameo, et, i, i + len(et), trigger=et.split()[0], actor_id=actor, target_id=target,
                              when=published[:10]))
    first = text.split("\n\n")[0]
    a.summary = [SummarySentence(first, 0, len(first))]
    a.keywords = [Keyword(w, 1.0) for w in title.split()[:3]]
    a.topics = [Topic(topic, 0.9)]
    return a


# The scraped article's id is a URL (as feed items' are), with characters that need quoting.
SCRIPT_ID = "https://scraper.example/news/2024/06/21?id=7&x=<b>"


def articles() -> list[Article]:
    return [
        _article(
            "putin-pyongyang", "بوتين يصل إلى بيونغ يانغ في زيارة نادرة", "ahram.example", "2024-06-18T20:16:00+03:00",
            ["وصل الرئيس الروسي فلاديمير بوتين إلى كوريا الشمالية يوم الثلاثاء في أول زيارة له منذ أربعة وعشرين عاما.",
             "وقال بوتين للصحفيين: \"نحن نقدر دعمكم الثابت لسياساتنا\"، فيما أكد الكرملين أن الزيارة ستشمل توقيع اتفاقية شراكة."],
            {"vladimir-putin": ["بوتين", "بوتين"], "north-korea": ["كوريا الشمالية"], "kremlin": ["الكرملين"]},
            quotes=[("بوتين", "vladimir-putin", "نحن نقدر دعمكم الثابت لسياساتنا")],
            timexes=[("يوم الثلاثاء", "2024-06-18")],
            events=[("VISIT", "042", "وصل الرئيس الروسي فلاديمير بوتين إلى كوريا الشمالية", "vladimir-putin", "north-korea")],
        ),
        _article(
            "putin-pyongyang-2", "بوتين في بيونغ يانغ لأول مرة منذ عقدين", "hayat.example", "2024-06-19T09:00:00+03:00",
            ["وصل الرئيس الروسي فلاديمير بوتين إلى كوريا الشمالية يوم الثلاثاء في أول زيارة له منذ أربعة وعشرين عاما.",
             "وقال بوتين للصحفيين: \"نحن نقدر دعمكم الثابت لسياساتنا\"، فيما أكد الكرملين أن الزيارة ستشمل توقيع اتفاقية."],
            {"vladimir-putin": ["بوتين", "بوتين"], "north-korea": ["كوريا الشمالية"], "kremlin": ["الكرملين"]},
            quotes=[("بوتين", "vladimir-putin", "نحن نقدر دعمكم الثابت لسياساتنا")],
        ),
        _article(
            "zelensky-drones", "زيلينسكي يطالب بمزيد من الدفاعات الجوية", "ahram.example", "2024-06-20T11:00:00+03:00",
            ["طالب الرئيس الأوكراني فولوديمير زيلينسكي حلفاء أوكرانيا بتسريع إرسال أنظمة الدفاع الجوي بعد هجمات بطائرات مسيرة.",
             "وقال زيلينسكي في خطابه المسائي: \"كل يوم تأخير يكلفنا أرواحا\"."],
            {"volodymyr-zelenskyy": ["زيلينسكي", "زيلينسكي"], "ukraine": ["أوكرانيا"]},
            quotes=[("زيلينسكي", "volodymyr-zelenskyy", "كل يوم تأخير يكلفنا أرواحا")],
            events=[("DEMAND", "10", "طالب الرئيس الأوكراني فولوديمير زيلينسكي حلفاء أوكرانيا", "volodymyr-zelenskyy", "ukraine")],
        ),
        _article(
            "zelensky-putin", "زيلنسكي: لن نتفاوض مع بوتين تحت القصف", "hayat.example", "2024-06-22T15:30:00+03:00",
            ["قال الرئيس الأوكراني زيلنسكي إن بلاده لن تتفاوض مع بوتين ما دام القصف مستمرا على المدن الأوكرانية.",
             "وأضاف زيلنسكي أن أوكرانيا تحتاج إلى ضمانات أمنية واضحة من شركائها."],
            {"volodymyr-zelenskyy": ["زيلنسكي", "زيلنسكي"], "vladimir-putin": ["بوتين"], "ukraine": ["أوكرانيا"]},
            quotes=[("زيلنسكي", "volodymyr-zelenskyy", "أوكرانيا تحتاج إلى ضمانات أمنية واضحة من شركائها")],
        ),
        _article(
            SCRIPT_ID, "خبر منسوخ <script>alert('title')</script>", "scraper.example", "2024-06-21T08:00:00+03:00",
            ["نشر الموقع خبرا عن أوكرانيا وفيه شيفرة <script>document.title='pwned'</script> لم تُنظف.",
             "ويبقى النص <b>كما هو</b> دون تنفيذ أي شيفرة."],
            {"ukraine": ["أوكرانيا"]}, topic="technology",
        ),
    ]


def make_corpus(path) -> str:
    """Store the articles in a fresh SQLite corpus at `path`; its URL."""
    from marsad.corpus import Corpus

    with Corpus(str(path)) as c:
        c.add(articles())
    return str(path)
