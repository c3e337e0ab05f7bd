"""Records that arrive with their own text keep every word of it, and their own publication time.

Property-based (hypothesis, fixed seed): JSON Lines records are generated from real Arabic
sentences of the bundled example articles, with dates, places, times and outlet names at the
start of paragraphs (what a dateline reader could mistake for a header), and read through the
JSON Lines reader and layout.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from importlib import resources

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.layout import layout
from marsad.layout_lines import date_residue
from marsad.read import read_bytes

_WORD = re.compile(r"[^\W_]+")


def _sentences() -> list[str]:
    out = []
    for p in resources.files("marsad.examples").iterdir():
        if p.name.endswith(".txt"):
            for para in p.read_text("utf-8").split("\n"):
                para = para.strip()
                if len(para.split()) >= 12:
                    out += [s.strip() + "." for s in re.split(r"[.؟!]\s", para) if len(s.split()) >= 4]
    return out


# a pure dateline (`الثلاثاء 12 ذو الحجة 1445 هـ - 18 يونيو 2024 ...`) is furniture layout may take
SENTENCES = [s for s in _sentences() if date_residue(s) > 0]
OPENERS = ["في 3 مارس 2021", "القاهرة - ", "الرياض (رويترز) - ", "الثلاثاء 18 يونيو 2024", "منذ 12/05/2019",
           "صباح اليوم الأحد،", "العربية نت:", "كتب", "نشر في", "الساعة 10:30 مساء", "آخر تحديث",
           "الرئيسية >", "اقرأ أيضا", "2024", "(أ ف ب)"]  # a line opening with © is a copyright notice


@st.composite
def records(draw):
    n = draw(st.integers(1, 6))
    paras = []
    for _ in range(n):
        s = draw(st.sampled_from(SENTENCES))
        if draw(st.booleans()):
            s = draw(st.sampled_from(OPENERS)) + " " + s
        paras.append(s)
    sep = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n"]))
    rec = {"id": f"r{draw(st.integers(0, 10**6))}", "text": sep.join(paras)}
    pub = draw(st.sampled_from([None, "2020-04-24T21:22:00+03:00", "2019-01-02", "الأربعاء، 07 أكتوبر 2020 - 12:09 م"]))
    if pub:
        rec["published"] = pub
    if draw(st.booleans()):
        rec["title"] = draw(st.sampled_from(SENTENCES))[:80]
    return rec


PUBLISHED = {"2020-04-24T21:22:00+03:00": "2020-04-24T21:22:00+03:00", "2019-01-02": "2019-01-02",
             "الأربعاء، 07 أكتوبر 2020 - 12:09 م": "2020-10-07T12:09:00"}


@settings(max_examples=2000, derandomize=True, deadline=None)
@given(records())
def test_a_record_keeps_every_word_and_its_own_published(rec):
    raw = next(read_bytes((json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8"), name="x.jsonl"))
    art = layout(raw)
    want = Counter(_WORD.findall(rec["text"]))
    got = Counter(_WORD.findall(art.text))
    missing = want - got
    assert not missing, f"lost words {sorted(missing)} of {rec['text']!r}"
    assert art.published == PUBLISHED.get(rec.get("published")), (rec.get("published"), art.published)


def test_the_issue_examples():
    two = {"id": "x", "text": "في 3 مارس 2021 أعلنت الوزارة عن خطة جديدة للنقل العام.\n\nوقال المتحدث إن الخطة تبدأ مطلع العام المقبل."}
    art = layout(next(read_bytes(json.dumps(two, ensure_ascii=False).encode(), name="a.jsonl")))
    assert len(art.sections[0].paragraphs) == 2 and art.text.startswith("في 3 مارس 2021 أعلنت")
    assert art.published is None  # the date of an event is not the publication time
    one = {"id": "y", "text": "في 3 مارس 2021 أعلنت الوزارة عن خطة جديدة."}
    art = layout(next(read_bytes(json.dumps(one, ensure_ascii=False).encode(), name="b.jsonl")))
    assert art.text == one["text"] and art.published is None
