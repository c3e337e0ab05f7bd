"""Layout throughput (articles/s, one core) and accuracy over the ANT corpus rendered as page scrapes.

Each ANT article (title, author, GMT time, paragraphs) is rendered in one of four
outlet templates (Egyptian, Levantine, Gulf with Hijri date, Maghrebi), with captions,
bylines, datelines, related-story blocks and trailing furniture, then read back by
`marsad.layout`. The table gives speed and how often each field comes back exactly.

usage: .venv/bin/python bench/layout.py [--data ../shared/data] [--n 4922]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path

from marsad.corpora import iter_ant
from marsad.layout import layout
from marsad.read import read_text

EG = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
LV = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]
MG = ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
DAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def render(rec: dict, k: int, rng: random.Random) -> tuple[str, dict]:
    dt = parsedate_to_datetime(rec["time"]).astimezone(timezone.utc).replace(tzinfo=None)
    author = rec.get("author") or ""
    paras = rec["paragraphs"]
    title = rec["title"]
    h12 = dt.hour % 12 or 12
    ampm = "م" if dt.hour >= 12 else "ص"
    style = k % 4
    lines: list[str] = []
    if style == 0:  # Egyptian: caption twice, title, byline, dateline, blank-separated paragraphs, tags
        cap = f"صورة من الحدث - أرشيفية"
        lines += [cap, cap, "", "", title, ""]
        if author:
            lines += [f"كتب: {author}", ""]
        lines += [f"{DAYS[dt.weekday()]}، {dt.day:02d} {EG[dt.month - 1]} {dt.year} - {h12:02d}:{dt.minute:02d} {ampm}", ""]
        for i, p in enumerate(paras):
            lines += [p, ""]
            if i == 1 and len(paras) > 3:
                lines += ["اقرأ أيضاً", "عنوان خبر آخر ذي صلة", ""]
        lines += ["", "الكلمات الدالة", "", rec.get("cat", ""), "", "مشاركة"]
    elif style == 1:  # Levantine: byline first, publication + update line, one paragraph per line
        if author:
            lines.append(author if " - " in author else f"بيروت - {author}")
        lines.append(f"نشر في {dt.day} {LV[dt.month - 1]} {dt.year} الساعة {dt.hour:02d}:{dt.minute:02d} - آخر تحديث {dt.day} {LV[dt.month - 1]} {dt.year} 23:59")
        lines.append(title)
        lines += paras
        lines.append(f"جميع الحقوق محفوظة © {dt.year}")
    elif style == 2:  # Gulf: Arabic-Indic digits, GMT
        lines += [title, ""]
        if author:
            lines += [f"بقلم: {author}", ""]
        stamp = f"{dt.day} {EG[dt.month - 1]} {dt.year} | {dt.hour:02d}:{dt.minute:02d} GMT".translate(AR_DIGITS)
        lines += [stamp, ""]
        for p in paras:
            lines += [p, ""]
        lines += ["اشترك في النشرة البريدية", "تابعونا على تويتر"]
    else:  # Maghrebi: title, dateline with Maghrebi month names, 24-hour clock
        lines += [title]
        if author:
            lines += [f"بقلم {author}"]
        lines += [f"نشر في: {dt.day:02d} {MG[dt.month - 1]} {dt.year} - {dt.hour:02d}:{dt.minute:02d}"]
        lines += paras
        lines += ["شارك", "طباعة", "أضف تعليق"]
    want = {"title": " ".join(title.split()), "published": dt.isoformat(), "paragraphs": len(paras), "author": author}
    return "\n".join(lines) + "\n", want


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[1].parent / "shared" / "data"))
    ap.add_argument("--n", type=int, default=0, help="articles (0 = all)")
    args = ap.parse_args()
    root = Path(args.data) / "ant-corpus-multisource-2018-03"
    if not root.exists():
        print(f"no ANT corpus at {root}", file=sys.stderr)
        return 1
    rng = random.Random(7)
    docs = []
    for k, rec in enumerate(iter_ant(root)):
        if args.n and k >= args.n:
            break
        if not rec.get("time") or not rec.get("title"):
            continue
        docs.append(render(rec, k, rng))
    ok = {"title": 0, "published": 0, "paragraphs": 0, "author": 0}
    authored = 0
    words = 0
    t0 = time.process_time()
    outs = [layout(read_text(text)) for text, _ in docs]
    elapsed = time.process_time() - t0
    for (text, want), a in zip(docs, outs):
        words += len(a.text.split())
        ok["title"] += a.title == want["title"]
        ok["published"] += (a.published or "")[:16] == want["published"][:16]
        ok["paragraphs"] += sum(len(s.paragraphs) for s in a.sections) + sum(1 for s in a.sections if s.heading) == want["paragraphs"]
        if want["author"]:
            authored += 1
            ok["author"] += bool(a.author) and (a.author in want["author"] or want["author"].endswith(a.author))
    n = len(docs)
    print("| corpus | articles | words/article | articles/s (1 core) | ms/article | title | published | paragraphs | author |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| ANT 2018-03 as scrapes (4 templates) | {n} | {words / n:.0f} | {n / elapsed:,.0f} | {1000 * elapsed / n:.2f} | "
          f"{ok['title'] / n:.3f} | {ok['published'] / n:.3f} | {ok['paragraphs'] / n:.3f} | {ok['author'] / max(authored, 1):.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
