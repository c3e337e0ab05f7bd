"""Build kb/common_words_ar.tsv: the most frequent Arabic words, as a common-word prior.

    PYTHONPATH=src:<venv site-packages> python kb/common_words.py [--top 50000]
        [--news /tmp/news_counts.tsv]

A spelling-variant key must never add link candidates for a form that is a frequent
everyday word (issue 16, item 1): this table says how frequent a form is. Frequencies
are wordfreq's Zipf values (log10 of occurrences per billion words; 7 is `في`,
3 is about once per million words). Words are folded with marsad's own
`marsad.arabic.normalize`, so a lookup is one normalised-form probe; forms that fold
alike keep the highest Zipf value of their spellings.

Source and licence: wordfreq 3.1.1 (code Apache-2.0; its word lists CC BY-SA 4.0,
built from Wikipedia, OpenSubtitles 2018, NewsCrawl/GlobalVoices, OSCAR web text and
Twitter for Arabic). The TSV is therefore a CC BY-SA 4.0 adaptation of wordfreq's data
and says so in its header.

`--news` also counts words in the unlabelled news corpora in /work/shared/data (ANT,
SaudiNewsNet) and writes them to a separate file *outside the project*: SaudiNewsNet is
CC BY-NC-SA (evaluation and benchmarks only, says the data README) and ANT's terms are
mixed ("All Rights Reserved" beside an Apache badge), so no table derived from them is
shipped; the file serves to compare the two priors while developing.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from marsad.arabic import normalize  # noqa: E402

OUT = HERE / "common_words_ar.tsv"
DATA = Path("/work/shared/data")
# After normalisation a word is Arabic letters only (the folded alphabet).
ARABIC_WORD = re.compile(r"^[\u0621-\u063a\u0641-\u064a]+$")
WORD = re.compile(r"[\u0621-\u063a\u0641-\u064a]+")


def wordfreq_table(top: int) -> dict[str, tuple[float, str]]:
    """normalised form -> (highest Zipf, the spelling that has it)."""
    import wordfreq

    out: dict[str, tuple[float, str]] = {}
    for w in wordfreq.top_n_list("ar", top):
        n = normalize(w)
        if not ARABIC_WORD.match(n):
            continue  # digits, Latin, punctuation tokens
        z = wordfreq.zipf_frequency(w, "ar")
        if n not in out or z > out[n][0]:
            out[n] = (z, w)
    return out


def write(table: dict[str, tuple[float, str]], path: Path, top: int) -> None:
    from importlib.metadata import version

    with path.open("w", encoding="utf-8") as f:
        f.write(f"# Arabic common-word prior: the top {top} words of wordfreq {version('wordfreq')} ('ar'), "
                "folded with marsad.arabic.normalize; forms that fold alike keep the highest value.\n")
        f.write("# Data: wordfreq by Robyn Speer, CC BY-SA 4.0 (Wikipedia, OpenSubtitles 2018, NewsCrawl, "
                "GlobalVoices, OSCAR, Twitter); this table is an adaptation under the same licence. "
                "Built by kb/common_words.py.\n")
        f.write("# normalised form\tzipf\tspelling as in wordfreq\n")
        for n, (z, w) in sorted(table.items(), key=lambda kv: (-kv[1][0], kv[0])):
            f.write(f"{n}\t{z:.2f}\t{w}\n")


def news_texts():
    """Article texts of ANT (2018-03) and SaudiNewsNet (2015-08)."""
    for p in sorted((DATA / "ant-corpus-multisource-2018-03").rglob("*.txt")):
        t = p.read_text(encoding="utf-8", errors="replace")
        m = re.search(r"<TEXT>(.*?)(</TEXT>|$)", t, re.S)
        yield (re.search(r"<TITLE>(.*?)</TITLE>", t, re.S) or [None, ""])[1] + "\n" + (m.group(1) if m else "")
    for z in sorted((DATA / "saudinewsnet-2015-08").glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                if name.endswith(".json"):
                    for a in json.loads(zf.read(name)):
                        yield (a.get("title") or "") + "\n" + (a.get("content") or "")


def news_counts(path: Path) -> None:
    c: Counter[str] = Counter()
    for t in news_texts():
        c.update(WORD.findall(normalize(t)))
    total = sum(c.values())
    with path.open("w", encoding="utf-8") as f:
        f.write(f"# NOT FOR SHIPPING (SaudiNewsNet is CC BY-NC-SA; ANT terms mixed): {total} words\n")
        f.write("# normalised form\tcount\tzipf (log10 per billion words)\n")
        for w, n in c.most_common():
            if n < 3:
                break
            f.write(f"{w}\t{n}\t{math.log10(n / total * 1e9):.2f}\n")
    print(f"news: {total} words, {len(c)} distinct forms -> {path}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=50000)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--news", type=Path, help="also write news-corpus counts here (never inside the project)")
    a = ap.parse_args()
    table = wordfreq_table(a.top)
    write(table, a.out, a.top)
    print(f"{len(table)} normalised forms from the top {a.top} -> {a.out}")
    if a.news:
        if HERE.parent in a.news.resolve().parents:
            sys.exit("--news: write outside the project; the corpora's licences do not allow shipping it")
        news_counts(a.news)


if __name__ == "__main__":
    main()
