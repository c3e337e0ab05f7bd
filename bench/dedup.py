"""Near-duplicates: precision and recall of marsad.dedup on pairs built from ../shared/data.

    .venv/bin/python bench/dedup.py [--data ../shared/data]

How the pair set is built (independently of the detector under test):
1. Candidates: every pair of articles from *different outlets*, dated at most one day
   apart, whose bag-of-words TF-IDF cosine is >= 0.3 -- articles on the same subject,
   so the negatives are hard ones (same event, independently written; or same topic).
2. Labels, from the word-by-word alignment of the two normalised bodies
   (difflib.SequenceMatcher over word lists, ratio = 2*matched / (len a + len b)):
   copy (positive) when ratio >= 0.6, not a copy (negative) when ratio <= 0.3; pairs in
   between are left out as ambiguous and counted.
3. The detector (NearDuplicateIndex: MinHash LSH, 128 permutations, 3-word shingles,
   estimated Jaccard >= 0.25) indexes every article and is asked for each article's copies; a pair
   is predicted a copy when either side finds the other.
Corpora: SaudiNewsNet 2015-08 (14 Saudi outlets; SPA wire copy republished by several
papers; CC BY-NC-SA, used for evaluation only) and ANT 2018-03 (five outlets, one month).
The shingle size (3) and threshold (0.25) were chosen from a sweep of exact shingle
Jaccard over these same labelled pairs (k = 2..5, threshold 0.2..0.5): there is no
separate development set, so read the figures as in-sample for those two parameters.
"""
from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
import zipfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.article import Article, Section  # noqa: E402
from marsad.dedup import NearDuplicateIndex, minhash, story_key, words  # noqa: E402


def saudinewsnet(root: Path) -> list[dict]:
    out = []
    for z in sorted(root.glob("*.zip")):
        with zipfile.ZipFile(z) as f:
            for name in f.namelist():
                for i, a in enumerate(json.loads(f.read(name))):
                    d = (a.get("date_extracted") or z.stem)[:10]
                    out.append({"id": f"{z.stem}/{i}", "outlet": a.get("source", ""), "day": date.fromisoformat(d).toordinal(),
                                "text": a.get("content") or ""})
    return out


def ant(root: Path) -> list[dict]:
    from marsad.topics.ant import read_dir

    out = []
    for d in read_dir(root):
        out.append({"id": d.id, "outlet": d.outlet, "day": date(int(d.day[:4]), int(d.day[4:6]), int(d.day[6:8])).toordinal(),
                    "text": d.text})
    return out


def candidate_pairs(docs: list[dict], min_cos: float = 0.3) -> list[tuple[int, int, float]]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(analyzer=lambda t: words(t), sublinear_tf=True, min_df=1)
    x = vec.fit_transform([d["text"] for d in docs])
    days = sorted({d["day"] for d in docs})
    by_day = {day: [i for i, d in enumerate(docs) if d["day"] == day] for day in days}
    out = []
    seen = set()
    for day in days:
        idx = by_day[day] + by_day.get(day + 1, [])
        sims = (x[idx] @ x[idx].T).tocoo()
        for a, b, s in zip(sims.row, sims.col, sims.data):
            i, j = idx[a], idx[b]
            if i < j and s >= min_cos and docs[i]["outlet"] != docs[j]["outlet"] and (i, j) not in seen:
                seen.add((i, j))
                out.append((i, j, float(s)))
    return out


def label(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    return difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio()


def evaluate(name: str, docs: list[dict], threshold: float) -> dict:
    docs = [d for d in docs if len(d["text"].split()) >= 30]
    t0 = time.perf_counter()
    cands = candidate_pairs(docs)
    pos, neg, amb = set(), set(), 0
    for i, j, _ in cands:
        r = label(docs[i]["text"], docs[j]["text"])
        if r >= 0.6:
            pos.add((i, j))
        elif r <= 0.3:
            neg.add((i, j))
        else:
            amb += 1
    t_label = time.perf_counter() - t0

    t0 = time.perf_counter()
    sigs = [minhash(d["text"]) for d in docs]
    t_sig = time.perf_counter() - t0
    idx = NearDuplicateIndex(threshold=threshold)
    for i, s in enumerate(sigs):
        idx.add(i, s)
    predicted = set()
    for i, s in enumerate(sigs):
        for j, _ in idx.query(s, exclude=i):
            predicted.add((min(i, j), max(i, j)))
    labelled = pos | neg
    pred_l = predicted & labelled
    tp = len(pred_l & pos)
    fp = len(pred_l & neg)
    fn = len(pos - predicted)
    # Pairs the detector flags outside the labelled set (same outlet, over a day apart, or
    # TF-IDF cosine < 0.3): label a fixed sample of them the same way to see what they are.
    import random

    rest = sorted(predicted - labelled)
    outside = len(rest)
    same_outlet = sum(1 for i, j in rest if docs[i]["outlet"] == docs[j]["outlet"])
    sample = random.Random(0).sample(rest, min(300, len(rest)))
    ratios = [label(docs[i]["text"], docs[j]["text"]) for i, j in sample]
    # Story keys (day + two leading keywords) on the labelled pairs: how often do copies,
    # and how often do same-subject non-copies, share one?
    keys: dict[int, str] = {}
    for i in {k for pair in labelled for k in pair}:
        d = docs[i]
        a = Article(title=None, sections=[Section(paragraphs=[p for p in d["text"].split("\n") if p.strip()])],
                    published=date.fromordinal(d["day"]).isoformat())
        a.rebuild_text()
        keys[i] = story_key(a)
    same_pos = sum(keys[i] == keys[j] for i, j in pos) / max(len(pos), 1)
    # (same_story needs the articles' keywords; the key alone is what the corpus stores)
    same_neg = sum(keys[i] == keys[j] for i, j in neg) / max(len(neg), 1)
    return {
        "story_pos": same_pos, "story_neg": same_neg,
        "same_outlet": same_outlet, "sample": len(sample), "sample_copy": sum(r >= 0.6 for r in ratios),
        "sample_not": sum(r <= 0.3 for r in ratios),
        "corpus": name, "articles": len(docs), "candidates": len(cands), "positives": len(pos), "negatives": len(neg),
        "ambiguous": amb, "tp": tp, "fp": fp, "fn": fn,
        "precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn) if tp + fn else 1.0,
        "outside": outside, "ms_sig": 1000 * t_sig / len(docs), "label_s": t_label,
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--threshold", type=float, default=None, help="default: marsad.dedup.THRESHOLD")
    args = ap.parse_args()
    if args.threshold is None:
        from marsad.dedup import THRESHOLD
        args.threshold = THRESHOLD
    data = Path(args.data)
    rows = []
    snn = data / "saudinewsnet-2015-08"
    if snn.is_dir():
        rows.append(evaluate("SaudiNewsNet 2015-08", saudinewsnet(snn), args.threshold))
    a = data / "ant-corpus-multisource-2018-03"
    if a.is_dir():
        rows.append(evaluate("ANT 2018-03", ant(a), args.threshold))
    print("| corpus | articles | candidate pairs | copies | hard negatives | ambiguous (left out) | precision | recall | other pairs flagged | ms / signature |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['corpus']} | {r['articles']} | {r['candidates']} | {r['positives']} | {r['negatives']} | {r['ambiguous']} "
              f"| {r['precision']:.3f} | {r['recall']:.3f} | {r['outside']} | {r['ms_sig']:.2f} |")
    print()
    for r in rows:
        print(f"{r['corpus']}: tp {r['tp']} fp {r['fp']} fn {r['fn']}; flagged outside the labelled pairs: {r['outside']} "
              f"({r['same_outlet']} within one outlet); of a sample of {r['sample']} of them, {r['sample_copy']} are copies "
              f"(ratio >= 0.6) and {r['sample_not']} are not (<= 0.3); story key shared by {r['story_pos']:.1%} of "
              f"copy pairs and {r['story_neg']:.1%} of hard-negative pairs (different outlets, dates may differ by a day)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
