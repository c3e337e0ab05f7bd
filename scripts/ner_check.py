"""One NER experiment, one command: fit the CRF with a setting and print both held-out figures.

    nice -n 10 .venv/bin/python scripts/ner_check.py [--c1 X] [--c2 X] [--iterations N]
        [--word-scale X] [--subword-scale X] [--only fifth|dev] [--label NAME]

- *fifth*: the last fifth (by sentences) of the ANERcorp training part, the CRF fitted on the
  rest of it plus NewsFANE (the settings are chosen on this figure);
- *dev*: the ANERcorp dev split (last sixth by tokens), the CRF fitted on the whole training
  part plus NewsFANE (the figure `marsad evaluate ner --dev-split` reports).
Both use the shipped word representations and gazetteer (`--resources`), `marsad.ner.train.fit`,
and `Tagger.tag_sentences` with and without the post-processing pass. Each run appends one
line to `--log` (TSV). Needs ../shared/data.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.ner.data import read_conll  # noqa: E402
from marsad.ner.evaluate import score  # noqa: E402
from marsad.ner.model import Tagger, featurizer_for  # noqa: E402
from marsad.ner.split import anercorp_split, drop_overlapping  # noqa: E402
from marsad.ner.train import fit  # noqa: E402

RESOURCES = ("clusters.tsv", "vectors.npy", "subword.npz", "gazetteer.tsv", "prior.tsv")


def splits(data: Path):
    anchor = list(read_conll(data / "anercorp" / "train.txt"))
    train, dev = anercorp_split(anchor)
    news = drop_overlapping(list(read_conll(data / "newsfane-gold" / "train.txt")), anchor)
    cut = len(train) - len(train) // 5
    return {"fifth": (train[:cut] + news, train[cut:]), "dev": (train + news, dev)}


def run(name, train, held, res: Path, params: dict, scale: dict, feats: dict, dump: str | None = None) -> dict:
    with tempfile.TemporaryDirectory(prefix="nercheck-") as tmp:
        tmp = Path(tmp)
        for f in RESOURCES:
            if (res / f).exists():
                shutil.copyfile(res / f, tmp / f)
        fz = featurizer_for(tmp, scale, feats)
        t = time.time()
        fit(train, fz, tmp / "crf.model", params, log=lambda s: None)
        took = time.time() - t
        tagger = Tagger(tmp / "crf.model", fz, {})
        toks = [t for t, _ in held]
        gold = [g for _, g in held]
        plain = tagger.tag_sentences(toks, consistent=False)
        passed = tagger.tag_sentences(toks)
        crf, full = score(gold, plain), score(gold, passed)
        if dump:
            with open(Path(dump) / f"{name}.tsv", "w", encoding="utf-8") as f:
                for ts, g, a, b in zip(toks, gold, plain, passed):
                    f.writelines(f"{w}\t{x}\t{y}\t{z}\n" for w, x, y, z in zip(ts, g, a, b))
                    f.write("\n")
    return {"crf": crf, "pass": full, "secs": took}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--resources", default=str(ROOT / "src" / "marsad" / "models" / "ner"))
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=100)
    ap.add_argument("--word-scale", type=float, default=1.0)
    ap.add_argument("--subword-scale", type=float, default=1.0)
    ap.add_argument("--feature", action="append", default=[], metavar="NAME=VALUE",
                    help="feature option (marsad.ner.features.OPTIONS; JSON value), e.g. stem_affixes=true")
    ap.add_argument("--only", choices=("fifth", "dev"))
    ap.add_argument("--label", default="")
    ap.add_argument("--dump", metavar="DIR", help="write token, gold, CRF and post-processed tags per held-out part")
    ap.add_argument("--log", default="/tmp/ner_check.tsv")
    args = ap.parse_args()
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations}
    scale = {"word": args.word_scale, "subword": args.subword_scale}
    feats = {}
    for spec in args.feature:
        k, _, v = spec.partition("=")
        feats[k] = json.loads(v)
    parts = splits(Path(args.data))
    setting = f"c1={args.c1} c2={args.c2} it={args.iterations} ws={args.word_scale} ss={args.subword_scale} " + \
        " ".join(args.feature)
    row = [args.label, setting]
    for name in ("fifth", "dev"):
        if args.only and name != args.only:
            row += ["", ""]
            continue
        r = run(name, *parts[name], Path(args.resources), params, scale, feats, args.dump)
        c, p = r["crf"]["ALL"], r["pass"]["ALL"]
        per = " ".join(f"{k} {r['pass'][k]['f1']:.3f}" for k in ("PER", "LOC", "ORG", "MISC"))
        print(f"{name:5}  CRF alone F1 {c['f1']:.4f} (P {c['p']:.3f} R {c['r']:.3f})   "
              f"with pass F1 {p['f1']:.4f} (P {p['p']:.3f} R {p['r']:.3f})   [{per}]  fit {r['secs']:.0f} s",
              flush=True)
        row += [f"{c['f1']:.4f}", f"{p['f1']:.4f}"]
    with open(args.log, "a", encoding="utf-8") as f:
        f.write("\t".join(row) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
