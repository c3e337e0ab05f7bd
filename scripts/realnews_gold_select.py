"""Choose the 120 articles of the real-news quotation and event gold set and split them 80 dev / 40 test.

    python scripts/realnews_gold_select.py [DATA_DIR]

Draws from ANT (2018-03) and SaudiNewsNet (2015-08) with fixed seeds, so the same
articles come out every time: 60 from each corpus, body text of 150-700 words, at
most 12 an ANT outlet and 6 a SaudiNewsNet outlet, a mix of sections (at least 24
sport/economy/local stories a corpus where the outlet caps allow, the rest politics and security). About four
in five are drawn from articles that hold a reporting verb or an event verb
(`_CUE` below, a plain regex of this script, not marsad's annotators); the rest
are drawn from the others, so some plain articles stay in. Articles of earlier
gold sets (tuned on) are left out: quotes_ant / events_ant (+ slice2), the links
gold, the timex blind set and the keyword gold. Wire copy republished by several
papers is taken once (same title).

The split is stratified by source: 40 dev and 20 test from each corpus, drawn with
its own seed before any annotation. The script writes the skeleton
tests/data/realnews_gold/{dev,test}.jsonl; a record already there keeps its
annotation (quotes, events, annotated, notes), so running it again never loses work.
Records are written in annotation order: dev and test files are read alternately,
two dev records then one test record (see `annotation_order`).
"""
from __future__ import annotations

import json
import random
import re
import sys
from email.utils import parsedate_to_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from marsad.corpora import iter_ant, iter_saudinewsnet  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from links_gold_select import _paragraphs, _snn_category  # noqa: E402  (the same reading of a record)

SEED, SPLIT_SEED = 22, 2201
PER_CORPUS, MIN_TARGET, PLAIN_SHARE = 60, 24, 0.2
PER_OUTLET = {"ant": 12, "saudinewsnet": 6}
MIN_WORDS, MAX_WORDS = 150, 700
TARGET = {"sport", "economy", "local"}
OUT = ROOT / "tests" / "data" / "realnews_gold"

# reporting verbs / markers and event verbs, as a cheap preference (not marsad's annotators)
_CUE = re.compile(
    r"(?:^|[\s«\"(])(?:و|ف)?(?:قال|قالت|أضاف|أضافت|أكد|أكدت|أوضح|أوضحت|صرح|صرحت|أعلن|أعلنت|بحسب|وفقا|نقلت|"
    r"زار|زيارة|التقى|اجتمع|استقبل|اتهم|نفى|نفت|انتقد|أدان|أدانت|ندد|هدد|حذر|حذرت|هاجم|قصف|غارة|غارات|"
    r"هجوم|قتل|مقتل|اعتقل|اعتقال|احتجز|دعا|دعت|طالب|طالبت|وقع|توقيع|اتفق|وافق|أرسل|فرض|أيد|دعم|أشاد|تظاهر|احتجاج)"
    r"(?=[\s،,.:])")

# read and passed over: not Arabic news prose (filled when an article turns out unusable)
SKIP: dict[str, str] = {}




def excluded_ids() -> set[str]:
    """ids of articles in earlier gold sets (tuned on): ANT docnos and 'snn:'+url."""
    data = ROOT / "tests" / "data"
    out: set[str] = set()
    for name in ("quotes_ant", "events_ant", "quotes_ant_slice2", "events_ant_slice2"):
        for line in (data / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.add(Path(json.loads(line)["ant_path"]).stem)
    for part in ("dev", "test"):
        for line in (data / "links_gold" / f"{part}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.add(json.loads(line)["id"])
    for line in (data / "timex_blind.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            src = json.loads(line).get("source") or ""
            out.add(src[4:] if src.startswith("ant:") else src)
    for line in (data / "keywords_gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.add(Path(json.loads(line)["path"]).stem)
    return out


def candidates(data: Path):
    ant, snn = [], []
    for r in iter_ant(data / "ant-corpus-multisource-2018-03"):
        try:
            pub = parsedate_to_datetime(r["time"]).isoformat() if r.get("time") else None
        except (TypeError, ValueError):
            pub = None
        rel = Path(r["path"]).relative_to(data)
        ant.append({"id": r["docno"], "source": "ant", "outlet": rel.parts[1],
                    "category": rel.parts[2], "title": r.get("title") or "",
                    "published": pub, "ant_path": str(rel), "text": "\n\n".join(r["paragraphs"])})
    for r in iter_saudinewsnet(data / "saudinewsnet-2015-08"):
        snn.append({"id": "snn:" + r["url"], "source": "saudinewsnet", "outlet": r["source"],
                    "category": _snn_category(r), "title": (r.get("title") or "").strip(),
                    "published": (r.get("date_extracted") or "").replace(" ", "T") or None,
                    "url": r["url"], "text": "\n\n".join(_paragraphs(r.get("content") or ""))})
    return ant, snn


def pick(pool: list[dict], rng: random.Random, exclude: set[str]) -> list[dict]:
    pool = [d for d in pool if MIN_WORDS <= len(d["text"].split()) <= MAX_WORDS
            and d["id"] not in exclude and d["id"] not in SKIP]
    pool.sort(key=lambda d: d["id"])
    rng.shuffle(pool)
    cap = PER_OUTLET[pool[0]["source"]]
    n_plain = round(PER_CORPUS * PLAIN_SHARE)
    out, per_outlet, titles, other, plain = [], {}, set(), 0, 0
    # second pass: when too few plain or sport/economy/local articles exist (outlet caps), the
    # free places go to the others
    max_other = PER_CORPUS - MIN_TARGET
    for d in pool + [None] + pool:
        if d is None:
            n_plain, max_other = plain, PER_CORPUS
            continue
        if len(out) == PER_CORPUS:
            break
        if any(d is o for o in out) or per_outlet.get(d["outlet"], 0) >= cap or d["title"] in titles:
            continue
        has_cue = bool(_CUE.search(d["text"]))
        if not has_cue:
            if plain >= n_plain:
                continue
        elif len(out) - plain >= PER_CORPUS - n_plain:
            continue
        if d["category"] not in TARGET:
            if other >= max_other:
                continue
            other += 1
        plain += not has_cue
        per_outlet[d["outlet"]] = per_outlet.get(d["outlet"], 0) + 1
        titles.add(d["title"])
        out.append(d)
    return out


def split(chosen: list[dict], seed: int) -> tuple[list[dict], list[dict]]:
    """One third of each source to test, stratified by source (and spread over outlets)."""
    rng = random.Random(seed)
    dev, test = [], []
    for source in ("ant", "saudinewsnet"):
        part = sorted((d for d in chosen if d["source"] == source), key=lambda d: (d["outlet"], d["id"]))
        # within each outlet, every third article (from a random start) goes to test
        by_outlet: dict[str, list[dict]] = {}
        for d in part:
            by_outlet.setdefault(d["outlet"], []).append(d)
        flat = [d for o in sorted(by_outlet) for d in rng.sample(by_outlet[o], len(by_outlet[o]))]
        off = rng.randrange(3)
        t = [d for i, d in enumerate(flat) if (i + off) % 3 == 0]
        need = len(part) // 3
        t = t[:need]
        while len(t) < need:  # top up when the stride fell short
            t.append(next(d for d in flat if d not in t))
        test += t
        dev += [d for d in flat if d not in t]
    rng.shuffle(dev)
    rng.shuffle(test)
    return dev, test


def annotation_order(dev: list[dict], test: list[dict]) -> list[tuple[str, dict]]:
    """Two dev records, then one test record, and so on."""
    out, i, j = [], 0, 0
    while i < len(dev) or j < len(test):
        for _ in range(2):
            if i < len(dev):
                out.append(("dev", dev[i]))
                i += 1
        if j < len(test):
            out.append(("test", test[j]))
            j += 1
    return out


def main() -> None:
    data = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data")
    ant, snn = candidates(data)
    exclude = excluded_ids()
    rng = random.Random(SEED)
    chosen = pick(ant, rng, exclude) + pick(snn, rng, exclude)
    dev, test = split(chosen, SPLIT_SEED)
    OUT.mkdir(parents=True, exist_ok=True)
    old: dict[str, dict] = {}
    for part in ("dev", "test"):
        f = OUT / f"{part}.jsonl"
        if f.is_file():
            for line in f.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    r = json.loads(line)
                    old[r["id"]] = r
    for part, docs in (("dev", dev), ("test", test)):
        lines = []
        order = {id(d): n for n, (_, d) in enumerate(annotation_order(dev, test), 1)}
        for d in docs:
            rec = {"id": d["id"], "source": d["source"], "outlet": d["outlet"], "category": d["category"],
                   "published": d["published"], "title": d["title"], "order": order[id(d)]}
            if d["source"] == "ant":
                rec["ant_path"] = d["ant_path"]
            else:
                rec["url"] = d["url"]
            rec["text"] = d["text"]
            prev = old.get(d["id"], {})
            if prev.get("text") not in (None, d["text"]):
                raise SystemExit(f"{d['id']}: corpus text differs from the annotated record")
            rec["annotated"] = prev.get("annotated", False)
            rec["quotes"] = prev.get("quotes", [])
            rec["events"] = prev.get("events", [])
            if prev.get("notes"):
                rec["notes"] = prev["notes"]
            lines.append(rec)
        lines.sort(key=lambda r: r["order"])
        (OUT / f"{part}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines),
                                           encoding="utf-8")
    outlets = sorted({d["outlet"] for d in chosen})
    print(f"{len(dev)} dev, {len(test)} test, {len(outlets)} outlets: {', '.join(outlets)}", file=sys.stderr)


if __name__ == "__main__":
    main()
