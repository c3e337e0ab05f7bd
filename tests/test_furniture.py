"""Furniture learned from a batch: a source's repeated lines are dropped, its sentences never."""
from __future__ import annotations

from marsad.corpus import open_store
from marsad.corpus.ingest import ingest
from marsad.furniture import FurnitureLearner, source_key, with_furniture
from marsad.layout import layout, layout_batch
from marsad.read import RawDocument, read_text

PARAS = [
    "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في العاصمة بسعة خمسمئة سرير لخدمة سكان الأحياء الشرقية.",
    "وقال الوزير في مؤتمر صحفي إن المستشفى سيبدأ استقبال المرضى مطلع الشهر المقبل بعد اكتمال تجهيزاته.",
    "وأضاف أن الحكومة تخطط لبناء ثلاثة مستشفيات أخرى في المحافظات الجنوبية خلال العامين المقبلين.",
    "وأشار إلى أن كلفة المشروع بلغت نحو مئتي مليون دولار بتمويل من صندوق التنمية الوطني.",
    "ورحب سكان المنطقة بالخطوة مؤكدين أنها ستخفف الضغط عن المستشفيات القائمة في وسط المدينة.",
    "وتعاني المستشفيات الحكومية من نقص في الأسرة والكوادر الطبية منذ سنوات بحسب تقارير رسمية.",
]
MASTHEAD = "بوابة الخليج الإخبارية"
MENU = "عاجل | محليات | دوليات | منوعات"
PROMO = "حمّلوا تطبيقنا المجاني الآن"


def page(i: int) -> str:
    """A page of an unknown outlet: its masthead, menu and app prompt on every page (no vocabulary
    names them), a headline, paragraphs and a sub-heading the outlet reuses."""
    body = [PARAS[(i + k) % len(PARAS)] for k in range(4)]
    lines = [MASTHEAD, MENU, f"عنوان الخبر رقم {i} عن افتتاح مستشفى جديد", "", body[0], "", body[1], "",
             "خلفية", "", body[2], "", body[3], "", PROMO]
    return "\n".join(lines)


def test_a_sources_repeated_lines_are_learned_and_dropped():
    raws = [read_text(page(i)) for i in range(8)]
    for r in raws:
        r.site = "gulfgate"
    arts = layout_batch(raws)
    for a in arts:
        assert MASTHEAD not in a.text and PROMO not in a.text
        assert a.title.startswith("عنوان الخبر رقم")
        # the reused sub-heading sits between sentences: it is body, kept
        assert "خلفية" in [s.heading for s in a.sections]
        assert len([p for s in a.sections for p in s.paragraphs]) == 4
    # one page alone teaches nothing: the promo line stays (nothing names it as furniture)
    alone = layout(read_text(page(0)))
    assert PROMO in alone.text


def test_a_sentence_a_source_repeats_is_never_learned():
    learner = FurnitureLearner()
    repeated = "وأكد المتحدث أن التحقيقات مستمرة لكشف ملابسات الحادث."
    for i in range(10):
        learner.add(RawDocument(text=f"{PARAS[i % 6]}\n\n{repeated}", site="x"))
    assert learner.learned("x") == frozenset()


def test_with_furniture_streams_in_order_and_passes_other_items():
    docs = [read_text(page(i)) for i in range(6)]
    for d in docs:
        d.site = "gulfgate"
    items = list(with_furniture(iter(docs[:3] + ["a failure"] + docs[3:]), FurnitureLearner(), chunk=4))
    assert items[3] == "a failure" and items[:3] == docs[:3]
    assert all(d.extra.get("furniture") for d in docs[4:])


def test_the_corpus_keeps_what_was_learned(tmp_path):
    src = tmp_path / "gulfgate"
    src.mkdir()
    for i in range(6):
        (src / f"{i}.txt").write_text(page(i), encoding="utf-8")
    db = str(tmp_path / "c.db")
    store = open_store(db)
    try:
        ingest(store, [str(src)])
        stored = [body for (body,) in store.all("SELECT body FROM articles")]
    finally:
        store.close()
    store = open_store(db)
    try:
        state = store.furniture_state()
    finally:
        store.close()
    key = str(src)  # loose files: their folder is the source
    docs, lines = state[key]
    assert docs == 6 and lines.get("بوابه الخليج الاخباريه") == 6
    # a later run over the same source starts from the stored counts: one new page is enough
    learner = FurnitureLearner(state)
    new = read_text(page(9))
    new.path = str(src / "9.txt")
    learner.add(new)
    assert layout(new, learned=learner.learned(new)).text.find(MASTHEAD) == -1
    assert len(stored) == 6 and all(MASTHEAD not in t and PROMO not in t for t in stored)
