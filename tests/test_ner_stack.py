"""The two-stage tagger (marsad.ner.stack): the second stage's features and a stacked model."""
from __future__ import annotations

from marsad.cli import main
from marsad.ner.stack import cross_fit, stack_names
from ner_helpers import toy_training


def _names(sents, tags, window=20):
    from marsad.arabic import normalize
    from marsad.ner.features import best_split
    from marsad.ner.stack import token_stem

    stems = [[token_stem(normalize(w), best_split(normalize(w))[1]) for w in s] for s in sents]
    return stack_names(stems, tags, window)


def test_an_untagged_repeat_sees_the_label_of_the_tagged_one():
    sents = [["أعلنت", "شركة", "أرامكو", "أرباحها", "."], ["وقالت", "أرامكو", "إن", "الإنتاج", "ارتفع"]]
    tags = [["O", "B-ORG", "I-ORG", "O", "O"], ["O", "O", "O", "O", "O"]]
    f = _names(sents, tags)
    # `أرامكو` of the second sentence: untagged, tagged I-ORG inside an organisation elsewhere
    assert "q=O" in f[1][1] and "tm=I-ORG" in f[1][1] and "tt=ORG" in f[1][1] and "se=ORG" in f[1][1]
    assert "qt=O|I-ORG" in f[1][1]
    # and its first occurrence sees the untagged second one, not itself
    assert "tm=O" in f[0][2] and not any(x.startswith("se=") for x in f[0][2])
    # neighbours' first-stage labels, sentence edges
    assert "q-1=B-ORG" in f[0][2] and "q+1=EOS" in f[1][4] and "q-1=BOS" in f[0][0]
    # punctuation votes nothing
    assert f[0][4] == ["q=O", "q-1=O", "q+1=EOS"]


def test_a_span_sees_the_type_of_the_same_name_tagged_elsewhere():
    sents = [["زار", "نيكولا", "ساركوزي", "باريس"], ["واستقبل", "نيكولا", "ساركوزي", "الوفد"],
             ["وقال", "نيكولا", "ساركوزي", "إن"]]
    tags = [["O", "B-PER", "I-PER", "B-LOC"], ["O", "B-ORG", "I-ORG", "O"], ["O", "B-PER", "I-PER", "O"]]
    f = _names(sents, tags)
    assert "em=PER" in f[1][1] and "em=PER" in f[1][2]  # two others say PER, its own ORG is not counted
    # 1 PER and 1 ORG elsewhere: a tie goes to the type that sorts first (deterministic)
    assert "em=ORG" in f[0][1] and "em=PER" not in f[0][1]
    assert not any(x.startswith("em=") for x in f[0][0])  # not in a span


def test_votes_stop_at_the_window():
    sents = [["وزارة", "الصحة"]] + [["ارتفع", "السعر"]] * 5 + [["الصحة", "تعلن"]]
    tags = [["B-ORG", "I-ORG"]] + [["O", "O"]] * 5 + [["O", "O"]]
    near = _names(sents, tags, window=6)
    far = _names(sents, tags, window=5)
    assert "tm=I-ORG" in near[6][0]
    assert not any(x.startswith(("tm=", "tt=", "se=")) for x in far[6][0])


def test_cross_fit_tags_each_block_with_a_model_that_did_not_see_it():
    train = [([f"كلمة{i}"], [f"tag{i}"]) for i in range(7)]
    seen = []

    def fit_fn(rest, k):
        seen.append((k, [t for _, t in rest]))
        return {t[0] for _, t in rest}

    def tag_fn(handle, sents):
        # a "model" that knows only what it was fitted on
        return [["known" if "tag" + s[0][4:] in handle else "new"] for s in sents]

    out = cross_fit(train, None, fit_fn, tag_fn, folds=3, log=lambda s: None)
    assert out == [["new"]] * 7
    assert [k for k, _ in seen] == [0, 1, 2] and len(seen[0][1]) == 4


def test_a_stacked_model_trains_and_the_fast_path_agrees_with_crfsuite(tmp_path):
    data, text = toy_training(tmp_path, orgs=True)
    out = tmp_path / "model"
    rc = main(["train", "ner", "--data", str(data), "--unlabeled", str(text), "--no-kb", "--out", str(out),
               "--iterations", "30", "--stack-folds", "2", "--stack-mix", "0.3", "--stack-c2", "0.1"])
    assert rc == 0
    import json

    assert (out / "crf2.model").exists() and not list(out.glob("fold*"))
    stack = json.loads((out / "meta.json").read_text(encoding="utf-8"))["stack"]
    assert {k: stack[k] for k in ("folds", "window", "mix")} == {"folds": 2, "window": 20, "mix": 0.3}
    assert stack["crf"]["c2"] == 0.1 and stack["crf"]["max_iterations"] == 30
    from marsad.ner import load_tagger

    t = load_tagger(out)
    assert t.stacked
    sents = [["قال", "الرئيس", "ماكرون", "في", "برلين", "."], ["وأعلنت", "شركة", "غازبروم", "أرباحها"],
             ["وقالت", "غازبروم", "إن", "الإنتاج", "ارتفع"], ["زقزقلوف"], []]
    want = t.tag_sentences_crfsuite(sents)
    assert t.tag_sentences(sents, consistent=False) == want
    assert want[0] == ["O", "O", "B-PER", "O", "B-LOC", "O"]
    assert want[2][1] == "B-ORG"
    assert t.tag(sents[0]) == t.tag_crfsuite(sents[0])
    # new words are featurized once for both stages (the second tagger is fed by the first)
    calls = []
    reads = t.featurizer.reads
    t.featurizer.reads = lambda toks: calls.append(list(toks)) or reads(toks)
    fresh = [["وقالت", "لوك", "أويل", "إن", "الإنتاج", "تراجع"]]
    got = t.tag_sentences(fresh, consistent=False)
    assert len(calls) == 1 and "أويل" in calls[0]
    t.featurizer.reads = reads
    assert got == t.tag_sentences_crfsuite(fresh)
    # the second stage alone (no mix): CRFsuite itself is the reference
    t.stack_mix = 1.0
    assert t.tag_sentences(sents, consistent=False) == t.tag_sentences_crfsuite(sents)
    # one stage again: the second-stage file goes; a gazetteer snapshot is reused as it is
    snap = tmp_path / "gazetteer.tsv"
    snap.write_text((out / "gazetteer.tsv").read_text(encoding="utf-8") + "ORG\tغازبروم\n", encoding="utf-8")
    rc = main(["train", "ner", "--data", str(data), "--unlabeled", str(text), "--no-kb", "--out", str(out),
               "--iterations", "30", "--gazetteer-snapshot", str(snap)])
    assert rc == 0 and not (out / "crf2.model").exists() and not load_tagger(out).stacked
    assert "ORG\tغازبروم" in (out / "gazetteer.tsv").read_text(encoding="utf-8").splitlines()
