"""Training the CRF tagger: data, resources (clusters, gazetteer), fit, score, save."""
from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from ..arabic import normalize
from .clusters import (ant_texts, cluster_vectors, save_clusters, scaled_vectors, text_tokens,
                       train_vectors)
from .data import Sentence, read_conll, to_bioes
from .evaluate import score
from .features import GAZETTEER_SOURCES, Featurizer, add_name, best_split, build_lexicon
from .model import FEATURE_VERSION, featurizer_for, load_tagger, save_gazetteer, save_prior
from .split import anercorp_split, drop_overlapping

# labels the CRF is trained on (the tagger always answers in IOB2)
TAG_SCHEME = "bio"
LEXICON_FOLDS = 5
CRF_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 100, "feature.possible_transitions": True}


def kb_names() -> Iterable[tuple[str, str]]:
    """(type, Arabic name) of every entity of the project's knowledge base, if present."""
    from .. import knowledge

    try:
        lines = knowledge.text("entities.jsonl").splitlines()
    except (FileNotFoundError, ModuleNotFoundError):
        return []
    out = []
    for line in lines:
        if not line.strip():
            continue
        r = json.loads(line)
        kind = r.get("type")
        if kind not in ("PER", "LOC", "ORG", "MISC"):
            continue
        for name in [r.get("ar")] + list(r.get("ar_aliases") or []):
            if name:
                out.append((kind, name))
    return out


GAZETTEER_SOURCES.append(kb_names)


def gazetteer_file_names(path: str | Path) -> Iterable[str]:
    """The names of a gazetteer file: one a line; or, for a `.tsv` whose last `#` header line
    names an `ar` column (`kb/geonames_places.tsv`), that column's `|`-separated names."""
    with open(path, encoding="utf-8", errors="replace") as f:
        if str(path).endswith(".tsv"):
            col = None
            for line in f:
                if line.startswith("#"):
                    head = line.lstrip("# ").rstrip("\n").split("\t")
                    col = head.index("ar") if "ar" in head else col
                    continue
                if col is None:
                    yield line
                    continue
                cells = line.rstrip("\n").split("\t")
                if col < len(cells):
                    yield from (n for n in cells[col].split("|") if n.strip())
        else:
            yield from f


def build_gazetteer(files: dict[str, list[str]], use_sources: bool = True) -> dict[tuple[str, ...], frozenset[str]]:
    raw: dict[tuple[str, ...], set[str]] = {}
    for kind, paths in files.items():
        for p in paths:
            for name in gazetteer_file_names(p):
                add_name(raw, kind, name)
    if use_sources:
        for source in GAZETTEER_SOURCES:
            for kind, name in source():
                add_name(raw, kind, name)
    return {k: frozenset(v) for k, v in raw.items()}


def unlabeled_sequences(paths: Iterable[str | Path]) -> Iterable[list[str]]:
    """Token sequences from ANT-corpus folders or plain UTF-8 text files."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from text_tokens(ant_texts(p))
        else:
            yield from text_tokens([p.read_text(encoding="utf-8", errors="replace")])


def prepare_data(data: list[str], dev_from: str | None) -> tuple[list[Sentence], list[Sentence]]:
    """Training sentences and the dev split (empty without dev_from)."""
    train: list[Sentence] = []
    dev: list[Sentence] = []
    anchor: list[Sentence] = []
    if dev_from:
        anchor = list(read_conll(dev_from))
        tr, dev = anercorp_split(anchor)
        train.extend(tr)
    for path in data:
        if dev_from and Path(path).resolve() == Path(dev_from).resolve():
            continue
        sents = list(read_conll(path))
        if anchor:
            sents = drop_overlapping(sents, anchor)
        train.extend(sents)
    return train, dev


def fit(train: list[Sentence], featurizer: Featurizer, out_model: Path, params: dict | None = None,
        log: Callable[[str], None] = print) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    lexicon = featurizer.options.get("lexicon")
    # with the lexicon option each training sentence sees the names of the *other* folds only
    # (contiguous blocks, so mostly other documents): as a new text sees the training names
    folds = LEXICON_FOLDS if lexicon else 1
    size = -(-len(train) // folds)
    for k in range(folds):
        block = train[k * size:(k + 1) * size]
        if lexicon:
            featurizer.set_lexicon(build_lexicon(train[:k * size] + train[(k + 1) * size:]))
        for toks, tags in block:
            trainer.append(featurizer.sentence(toks), to_bioes(tags) if TAG_SCHEME == "bioes" else tags)
    if lexicon:
        featurizer.set_lexicon(build_lexicon(train))  # what tagging sees: every training name
    trainer.set_params({**CRF_PARAMS, **(params or {})})
    t = time.time()
    trainer.train(str(out_model))
    log(f"trained on {len(train)} sentences in {time.time() - t:.0f} s")


def stage1_tags(model: Path, featurizer: Featurizer, sentences: list[list[str]]) -> list[list[str]]:
    """What the CRF in `model` tags each sentence (alone, no post-processing), in IOB2."""
    from .data import to_bio
    from .fastcrf import FastTagger, LinearChainCRF

    fast = FastTagger(LinearChainCRF(model), featurizer)
    return [to_bio(t) for t in fast.tag_sentences([list(s) for s in sentences])]


def stack_training_names(train: list[Sentence], featurizer: Featurizer, tags: list[list[str]],
                         window: int, groups=None) -> list[list[list[str]]]:
    """The second stage's extra feature names of the training sentences, from their
    (cross-fitted) first-stage tags."""
    from .stack import GROUPS, stack_names, token_stem

    stems = [[token_stem(w[0], w[1]) for w in featurizer.words(toks)] for toks, _ in train]
    return stack_names(stems, tags, window, groups or GROUPS)


def fit_second(train: list[Sentence], featurizer: Featurizer, tags: list[list[str]], out_model: Path,
               params: dict | None = None, window: int = 20, log: Callable[[str], None] = print,
               groups=None) -> None:
    """Fit the second-stage CRF on the training sentences with their first-stage tags."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for (toks, gold), names in zip(train, stack_training_names(train, featurizer, tags, window, groups)):
        xs = featurizer.sentence(toks)
        xs = [dict(x) if isinstance(x, dict) else dict.fromkeys(x, 1.0) for x in xs]
        for x, nm in zip(xs, names):
            x.update(dict.fromkeys(nm, 1.0))
        trainer.append(xs, to_bioes(gold) if TAG_SCHEME == "bioes" else gold)
    trainer.set_params({**CRF_PARAMS, **(params or {})})
    t = time.time()
    trainer.train(str(out_model))
    log(f"second stage trained on {len(train)} sentences in {time.time() - t:.0f} s")


def cross_fit_tags(train: list[Sentence], featurizer: Featurizer, workdir: Path, params: dict | None = None,
                   folds: int = 4, log: Callable[[str], None] = print) -> list[list[str]]:
    """First-stage tags of the training sentences by cross-fitting (`marsad.ner.stack.cross_fit`)."""
    from .stack import cross_fit

    def fit_fn(rest, k):
        path = Path(workdir) / f"fold{k}.crf"
        fit(rest, featurizer, path, params, log)
        return path

    def tag_fn(path, sents):
        tags = stage1_tags(path, featurizer, sents)
        path.unlink()
        return tags

    return cross_fit(train, featurizer, fit_fn, tag_fn, folds, log)


def fit_stacked(train: list[Sentence], featurizer: Featurizer, out: Path, params: dict | None = None,
                folds: int = 4, window: int = 20, log: Callable[[str], None] = print,
                params2: dict | None = None) -> None:
    """crf.model (first stage, all the training data) and crf2.model (second stage, fitted on
    the cross-fitted first-stage tags, with `params2` or else `params`) in `out`."""
    tags = cross_fit_tags(train, featurizer, out, params, folds, log)
    fit(train, featurizer, out / "crf.model", params, log)
    fit_second(train, featurizer, tags, out / "crf2.model", params2 if params2 is not None else params, window, log)


def _gazetteer(gazetteers: dict[str, list[str]] | None, use_kb: bool, snapshot: str | None):
    """The gazetteer from the lists (and the knowledge base), or a model's gazetteer.tsv as it
    is (the names that model was trained with; the knowledge base may have changed since)."""
    if snapshot:
        from .model import load_gazetteer

        return load_gazetteer(snapshot)
    return build_gazetteer(gazetteers or {}, use_sources=use_kb)


def _fit_stages(train, featurizer, out: Path, params, stack: dict | None, log) -> None:
    """crf.model, and with `stack` (meta.json's) crf2.model too; without, an old one goes."""
    if stack:
        fit_stacked(train, featurizer, out, params, stack["folds"], stack["window"], log, stack["crf"])
        return
    fit(train, featurizer, out / "crf.model", params, log)
    if (out / "crf2.model").exists():
        (out / "crf2.model").unlink()


def _word_representations(out: Path, train, unlabeled, clusters_file: str | None, subword: bool,
                          log: Callable[[str], None]) -> None:
    """clusters.tsv, vectors.npy and subword.npz in `out`: copied from beside `clusters_file`,
    or learned from the unlabeled and training text."""
    if clusters_file:
        src = Path(clusters_file)
        if src.resolve() != (out / "clusters.tsv").resolve():
            shutil.copyfile(src, out / "clusters.tsv")
            for extra in ("vectors.npy", "subword.npz"):
                if (src.parent / extra).exists():
                    shutil.copyfile(src.parent / extra, out / extra)
    else:
        # word representations come from the unlabeled text and the training text only,
        # never from the dev text, so that the dev score predicts unseen text
        seqs = list(unlabeled_sequences(unlabeled)) + [[normalize(w) for w in t] for t, _ in train]
        log(f"learning word vectors and clusters from {sum(map(len, seqs))} tokens")
        vocab, vec = train_vectors(seqs)
        save_clusters(cluster_vectors(vocab, vec), out / "clusters.tsv")
        np.save(out / "vectors.npy", scaled_vectors(vec))
        if subword:
            from .subword import train_subword

            # n-gram vectors of clitic-stripped stems: the form the featurizer looks up
            train_subword([[best_split(w)[1] for w in s] for s in seqs], out / "subword.npz", log=log)
    if not subword and (out / "subword.npz").exists():
        (out / "subword.npz").unlink()


def _self_train(out: Path, train, dev, unlabeled, self_train: int, featurizer, params, log) -> tuple[list, dict | None]:
    """Refit on the training sentences plus the `self_train` unlabeled sentences the first
    model tags most confidently; returns them and the dev score before (None without dev)."""
    first = None
    if dev:
        tagger = load_tagger(out)
        first = score([g for _, g in dev], [tagger.tag(t) for t, _ in dev])["ALL"]
        log(f"before self-training: dev P {first['p']:.3f} R {first['r']:.3f} F1 {first['f1']:.3f}")
    from .selftrain import pseudo_label, unlabeled_sentences

    pool = unlabeled_sentences(unlabeled)
    pseudo = pseudo_label(load_tagger(out), pool, self_train)
    log(f"self-training: {len(pseudo)} confident sentences of {len(pool)} unlabeled ones added")
    fit(train + pseudo, featurizer, out / "crf.model", params, log)
    return pseudo, first


def train_model(data: list[str], out: str | Path, dev_from: str | None = None, unlabeled: list[str] = (),
                clusters_file: str | None = None, gazetteers: dict[str, list[str]] | None = None,
                use_kb: bool = True, params: dict | None = None, self_train: int = 0, subword: bool = True,
                scale: dict | None = None, options: dict | None = None, stack_folds: int = 0,
                stack_mix: float = 1.0, stack_params: dict | None = None, gazetteer_snapshot: str | None = None,
                log: Callable[[str], None] = print) -> dict:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    train, dev = prepare_data(data, dev_from)
    log(f"{len(train)} training sentences ({sum(len(t) for t, _ in train)} tokens), {len(dev)} dev sentences")
    _word_representations(out, train, unlabeled, clusters_file, subword, log)
    save_gazetteer(_gazetteer(gazetteers, use_kb, gazetteer_snapshot), out / "gazetteer.tsv")
    scale = {k: v for k, v in (scale or {}).items() if v != 1.0}
    options = {k: v for k, v in (options or {}).items() if v}
    if options.get("word_prior"):
        # how common each word is in the unlabelled text only (not the labelled or dev text)
        from collections import Counter

        counts: Counter = Counter()
        for seq in unlabeled_sequences(unlabeled):
            counts.update(normalize(w) for w in seq)
        save_prior(counts, out / "prior.tsv")
        log(f"word prior: {len(counts)} distinct words of the unlabelled text")
    elif (out / "prior.tsv").exists():
        (out / "prior.tsv").unlink()
    featurizer = featurizer_for(out, scale, options)
    meta = {"feature_version": FEATURE_VERSION, "crf": {**CRF_PARAMS, **(params or {})}, "tag_scheme": TAG_SCHEME,
            "data": ["/".join(Path(d).parts[-2:]) for d in data],
            "vector_scale": scale, "feature_options": options}
    if stack_folds:
        if self_train:
            raise ValueError("self-training and a second stage do not go together")
        from .stack import WINDOW

        meta["stack"] = {"folds": stack_folds, "window": WINDOW, "mix": stack_mix,
                         "crf": {**CRF_PARAMS, **(params or {}), **(stack_params or {})}}
    # written before any load_tagger(out): it reads the scale and options from here
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    _fit_stages(train, featurizer, out, params, meta.get("stack"), log)
    if featurizer.lexicon:
        save_gazetteer(featurizer.lexicon, out / "lexicon.tsv")
    elif (out / "lexicon.tsv").exists():
        (out / "lexicon.tsv").unlink()
    pseudo, first = [], None
    if self_train and unlabeled:
        pseudo, first = _self_train(out, train, dev, unlabeled, self_train, featurizer, params, log)
    meta.update({"self_train_sentences": len(pseudo), "train_sentences": len(train),
                 "train_tokens": sum(len(t) for t, _ in train)})
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    if dev:
        tagger = load_tagger(out)
        # the dev split tagged as one text (the second stage reads the sentences around), CRF alone
        result = score([g for _, g in dev], tagger.tag_sentences([t for t, _ in dev], consistent=False))
        meta["dev"] = {k: {m: round(v[m], 4) if isinstance(v[m], float) else v[m] for m in v} for k, v in result.items()}
        meta["dev_from"] = Path(dev_from).name
        if first:
            meta["dev_before_self_training"] = {m: round(v, 4) if isinstance(v, float) else v for m, v in first.items()}
        (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return meta
