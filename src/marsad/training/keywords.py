"""Learn keyword document frequencies and phrase table from the ANT news corpus.

Writes `src/marsad/knowledge/keyword_df.tsv`: the document frequency of every word
key seen in at least --min-df articles, and of the multi-word phrases (2-4 words,
variant keys) that recur across articles and hold together (the rarer word mostly
occurs inside the phrase). Only ANT is read: SaudiNewsNet's licence forbids it.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from ..errors import MarsadError

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "knowledge" / "keyword_df.tsv"


def add_arguments(p) -> None:
    p.add_argument("--ant", required=True, help="ANT corpus root (ant-corpus-multisource-2018-03)")
    p.add_argument("--exclude", help="JSONL whose 'path' fields name ANT articles to leave out (the keyword gold set)")
    p.add_argument("--out", default=str(DEFAULT_OUT))
    p.add_argument("--min-df", type=int, default=2)
    p.add_argument("--max-phrases", type=int, default=30000)


def _texts(args) -> list[str]:
    from ..topics.ant import read_dir

    root = Path(args.ant)
    if not root.is_dir():
        raise MarsadError(f"no ANT corpus at {root}")
    skip = set()
    if args.exclude:
        for ln in Path(args.exclude).read_text(encoding="utf-8").splitlines():
            if ln.strip():
                skip.add(json.loads(ln)["path"])
    docs = [d for d in read_dir(root) if d.path not in skip]
    if not docs:
        raise MarsadError(f"no ANT articles under {root}")
    return [d.title + "\n" + d.text for d in docs]


def build(texts: list[str], min_df: int = 2, max_phrases: int = 30000) -> tuple[int, Counter, Counter]:
    from ..text import vocabulary as terms

    # Pass 1: keys without clitic resolution; pass 2 resolves clitics with pass-1 counts.
    for pass_no in (1, 2):
        df: Counter = Counter()
        for t in texts:
            df.update(set(terms.doc_keys(t)))
        terms._DF = terms.DocFreq(len(texts), dict(df), {})
        terms._word.cache_clear()
        terms.content_word.cache_clear()
    word_tf: Counter = Counter()
    ph_tf: Counter = Counter()
    ph_df: Counter = Counter()
    for t in texts:
        seen = set()
        for r in terms.runs(t):
            v = [w.vkey for w in r.words]
            word_tf.update(v)
            for n in (2, 3, 4):
                for i in range(len(v) - n + 1):
                    g = tuple(v[i:i + n])
                    ph_tf[g] += 1
                    seen.add(g)
        ph_df.update(seen)
    phrases: Counter = Counter()
    for g, d in ph_df.items():
        if d < 3:
            continue
        cohesion = ph_tf[g] / min(word_tf[w] for w in g)
        if cohesion >= 0.2:
            phrases[g] = d
    phrases = Counter(dict(phrases.most_common(max_phrases)))
    words = Counter({k: v for k, v in df.items() if v >= min_df})
    return len(texts), words, phrases


def write(path: Path, n_docs: int, words: Counter, phrases: Counter) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write("# marsad keyword document frequencies, learned from the ANT corpus (2018-03) by `marsad train keywords`\n")
        f.write(f"#docs\t{n_docs}\n")
        for k, v in sorted(words.items(), key=lambda kv: (-kv[1], kv[0])):
            f.write(f"w\t{k}\t{v}\n")
        for g, v in sorted(phrases.items(), key=lambda kv: (-kv[1], kv[0])):
            f.write(f"p\t{' '.join(g)}\t{v}\n")


def run(args) -> int:
    texts = _texts(args)
    n, words, phrases = build(texts, args.min_df, args.max_phrases)
    out = Path(args.out)
    write(out, n, words, phrases)
    print(f"{n} articles: {len(words)} word keys, {len(phrases)} phrases -> {out}")
    return 0
