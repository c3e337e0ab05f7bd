"""The two-stage tagger (marsad.ner.stack) on the held-out fifth and on dev, with caching.

    nice -n 10 .venv/bin/python scripts/ner_stack_check.py [--c2 X] [--c2-second X] [--mix A,B,..]
        [--folds K] [--window N] [--groups G,..] [--input crf|pass] [--keep DIR]
        [--only fifth|dev] [--cache DIR] [--dump DIR]

Per part (see scripts/ner_check.py: *fifth* is chosen on, *dev* only checked), it fits the first
stage on the part's training data and cross-fits it over K blocks (cached in --cache, since the
first stage does not change between second-stage settings), fits the second stage, and scores
the held-out sentences: first stage alone / with the pass, second stage alone / with the pass.
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
sys.path.insert(0, str(ROOT / "scripts"))

from ner_check import RESOURCES, splits  # noqa: E402

from marsad.ner.evaluate import score  # noqa: E402
from marsad.ner.model import Tagger, featurizer_for  # noqa: E402
from marsad.ner.train import cross_fit_tags, fit, fit_second  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--resources", default=str(ROOT / "src" / "marsad" / "models" / "ner"))
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--c2-second", type=float, default=None, help="c2 of the second stage (default: --c2)")
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--window", type=int, default=20)
    ap.add_argument("--input", choices=("crf", "pass"), default="crf",
                    help="the second stage reads the first CRF's tags, or those after the pass")
    ap.add_argument("--groups", default="own,neighbours,token,entity,super",
                    help="second-stage feature groups (marsad.ner.stack.GROUPS), comma-separated")
    ap.add_argument("--mix", default="1.0",
                    help="the second stage's share of the decoded scores; a comma-separated list scores each "
                         "(one second-stage fit)")
    ap.add_argument("--only", choices=("fifth", "dev"))
    ap.add_argument("--cache", default="/tmp/ner_stack_cache")
    ap.add_argument("--dump", metavar="DIR")
    ap.add_argument("--keep", metavar="DIR", help="keep the second-stage model as DIR/<part>-crf2.model")
    ap.add_argument("--label", default="")
    ap.add_argument("--log", default="/tmp/ner_stack_check.tsv")
    args = ap.parse_args()
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": 100}
    params2 = {**params, "c2": args.c2_second if args.c2_second is not None else args.c2}
    parts = splits(Path(args.data))
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    row = [args.label, f"c2={args.c2} c2b={params2['c2']} folds={args.folds} window={args.window} input={args.input} groups={args.groups} mix={args.mix}"]
    for name in ("fifth", "dev"):
        if args.only and name != args.only:
            row += ["", ""]
            continue
        train, held = parts[name]
        with tempfile.TemporaryDirectory(prefix="nerstack-") as tmp:
            tmp = Path(tmp)
            for f in RESOURCES:
                if (Path(args.resources) / f).exists():
                    shutil.copyfile(Path(args.resources) / f, tmp / f)
            fz = featurizer_for(tmp, {}, {})
            key = f"{name}-c1{args.c1}-c2{args.c2}-k{args.folds}"
            tags_file, model1 = cache / f"{key}.json", cache / f"{key}.crf"
            if not tags_file.exists() or not model1.exists():
                t = time.time()
                tags = cross_fit_tags(train, fz, tmp, params, args.folds, log=lambda s: print(s, flush=True))
                fit(train, fz, model1, params, log=lambda s: None)
                tags_file.write_text(json.dumps(tags), encoding="utf-8")
                print(f"{name}: first stage and cross-fitting in {time.time() - t:.0f} s", flush=True)
            tags = json.loads(tags_file.read_text(encoding="utf-8"))
            if args.input == "pass":
                from marsad.ner.postprocess import consistent

                tags = consistent([t for t, _ in train], tags)
            shutil.copyfile(model1, tmp / "crf.model")
            toks = [t for t, _ in held]
            gold = [g for _, g in held]
            one = Tagger(tmp / "crf.model", fz, {})
            r1, r1p = score(gold, one.tag_sentences(toks, consistent=False)), score(gold, one.tag_sentences(toks))
            t = time.time()
            fit_second(train, fz, tags, tmp / "crf2.model", params2, args.window, log=lambda s: None,
                       groups=args.groups.split(","))
            took = time.time() - t
            if args.keep:
                Path(args.keep).mkdir(parents=True, exist_ok=True)
                shutil.copyfile(tmp / "crf2.model", Path(args.keep) / f"{name}-crf2.model")
            mixes = [float(x) for x in args.mix.split(",")]
            results = []
            for mix in mixes:
                two = Tagger(tmp / "crf.model", fz, {"stack": {"window": args.window, "input": args.input,
                                                              "features": args.groups.split(","), "mix": mix}})
                plain, passed = two.tag_sentences(toks, consistent=False), two.tag_sentences(toks)
                results.append((mix, score(gold, plain), score(gold, passed)))
                if args.dump:
                    Path(args.dump).mkdir(parents=True, exist_ok=True)
                    with open(Path(args.dump) / f"{name}-mix{mix}.tsv", "w", encoding="utf-8") as f:
                        for ts, g, a, b in zip(toks, gold, plain, passed):
                            f.writelines(f"{w}\t{x}\t{y}\t{z}\n" for w, x, y, z in zip(ts, g, a, b))
                            f.write("\n")

        def fmt(r):
            a = r["ALL"]
            return f"{a['f1']:.4f} (P {a['p']:.3f} R {a['r']:.3f})"
        print(f"{name:5} stage 1: {fmt(r1)} / pass {fmt(r1p)}   second-stage fit {took:.0f} s", flush=True)
        cells = []
        for mix, r2, r2p in results:
            per = " ".join(f"{k} P {r2p[k]['p']:.3f} R {r2p[k]['r']:.3f} F {r2p[k]['f1']:.3f}"
                           for k in ("PER", "LOC", "ORG", "MISC"))
            print(f"      mix {mix}: {fmt(r2)} / pass {fmt(r2p)}\n        with pass: {per}", flush=True)
            cells.append(f"{mix}:{r2['ALL']['f1']:.4f}/{r2p['ALL']['f1']:.4f}")
        row += [f"{r1['ALL']['f1']:.4f}/{r1p['ALL']['f1']:.4f}", " ".join(cells)]
    with open(args.log, "a", encoding="utf-8") as f:
        f.write("\t".join(row) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
