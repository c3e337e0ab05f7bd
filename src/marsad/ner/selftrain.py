"""Self-training: the tagger labels unlabeled news, and its most confident sentences that
contain entities are added to the training data for a second fit."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..arabic import sentences, tokenize
from .clusters import ant_texts
from .data import Sentence, to_bio


def unlabeled_sentences(paths: Iterable[str | Path], min_len: int = 6, max_len: int = 60) -> list[list[str]]:
    """Token lists of the sentences of ANT folders or plain text files, deduplicated."""
    seen: set[str] = set()
    out = []
    for p in map(Path, paths):
        texts = ant_texts(p) if p.is_dir() else [p.read_text(encoding="utf-8", errors="replace")]
        for text in texts:
            for line in text.splitlines():
                for s in sentences(line):
                    toks = [t.text for t in tokenize(s.text)]
                    if min_len <= len(toks) <= max_len and s.text not in seen:
                        seen.add(s.text)
                        out.append(toks)
    return out


def pseudo_label(tagger, sents: list[list[str]], limit: int, min_prob: float = 0.9) -> list[Sentence]:
    """The `limit` most confident automatically tagged sentences that hold an entity."""
    crf = tagger._crf
    scored = []
    for toks in sents:
        tags = crf.tag(tagger.featurizer.sentence(toks))
        if all(t == "O" for t in tags):
            continue
        p = crf.probability(tags)
        if p >= min_prob:
            scored.append((p, toks, to_bio(tags)))
    scored.sort(key=lambda x: -x[0])
    return [(toks, tags) for _, toks, tags in scored[:limit]]
