"""Choose the 60 articles of the real-news entity gold set (tests/data/links_gold) and split them.

    python scripts/links_gold_select.py [DATA_DIR] > /tmp/links_pick.jsonl

Draws from ANT (2018-03) and SaudiNewsNet (2015-08) with fixed seeds, so the same
articles come out every time: 30 from each corpus, body text of 120-400 words
(short enough to annotate exactly), at most 6 articles an outlet, at least 9
sport/economy/local stories a corpus. Articles read and found not to be Arabic
news prose are listed in SKIP with the reason and passed over. The 40/20 dev/test
split is drawn here too, before any annotation. Prints one JSON object a line
(id, source, outlet, category, title, published, text, part); mentions are added
by hand afterwards.
"""
from __future__ import annotations

import json
import random
import sys
from email.utils import parsedate_to_datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from marsad.corpora import iter_ant, iter_saudinewsnet  # noqa: E402

SEED, SPLIT_SEED = 16, 1605
PER_CORPUS, PER_OUTLET, MIN_TARGET = 30, 6, 9
TARGET = {"sport", "economy", "local"}

# read and passed over: not Arabic news prose
SKIP: dict[str, str] = {}


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def _snn_category(r: dict) -> str:
    # SaudiNewsNet has no labels; the URL path or the outlet often says the section
    u, src = r["url"].lower(), r["source"]
    if src in ("arriyadiyah", "arreyadi") or "sport" in u:
        return "sport"
    if src == "aleqtisadiya" or (src == "aljazirah" and u.rsplit("/", 1)[-1].startswith("ec")):
        return "economy"
    if "local" in u:
        return "local"
    return "news"


def candidates(data: Path):
    ant, snn = [], []
    for r in iter_ant(data / "ant-corpus-multisource-2018-03"):
        paras = r["paragraphs"]
        try:
            pub = parsedate_to_datetime(r["time"]).isoformat() if r.get("time") else None
        except (TypeError, ValueError):
            pub = None
        ant.append({"id": r["docno"], "source": "ant", "outlet": r.get("src") or Path(r["path"]).parts[-3],
                    "category": r.get("cat") or Path(r["path"]).parts[-2], "title": r.get("title") or "",
                    "published": pub, "text": "\n\n".join(paras)})
    for r in iter_saudinewsnet(data / "saudinewsnet-2015-08"):
        paras = _paragraphs(r.get("content") or "")
        snn.append({"id": "snn:" + r["url"], "source": "saudinewsnet", "outlet": r["source"],
                    "category": _snn_category(r), "title": (r.get("title") or "").strip(),
                    "published": (r.get("date_extracted") or "").replace(" ", "T") or None,
                    "text": "\n\n".join(paras)})
    return ant, snn


def pick(pool: list[dict], rng: random.Random) -> list[dict]:
    pool = [d for d in pool if 120 <= len(d["text"].split()) <= 400]
    rng.shuffle(pool)
    out, per_outlet, other = [], {}, 0
    for d in pool:
        if len(out) == PER_CORPUS:
            break
        if d["id"] in SKIP or per_outlet.get(d["outlet"], 0) >= PER_OUTLET:
            continue
        if d["category"] not in TARGET:
            if other >= PER_CORPUS - MIN_TARGET:
                continue
            other += 1
        per_outlet[d["outlet"]] = per_outlet.get(d["outlet"], 0) + 1
        out.append(d)
    return out


def main() -> None:
    data = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data")
    ant, snn = candidates(data)
    rng = random.Random(SEED)
    chosen = pick(ant, rng) + pick(snn, rng)
    test = set(random.Random(SPLIT_SEED).sample(range(len(chosen)), len(chosen) // 3))
    for i, d in enumerate(chosen):
        print(json.dumps({**d, "part": "test" if i in test else "dev"}, ensure_ascii=False))


if __name__ == "__main__":
    main()
