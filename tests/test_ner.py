"""The NER sequence tagger: tag mapping, scoring, the shipped model, ner-tag, training."""
from __future__ import annotations

import pytest

from marsad.cli import main
from marsad.ner import get_tagger
from marsad.ner.data import map_tag, read_conll, repair_bio, spans
from marsad.ner.evaluate import score
from marsad.ner.split import anercorp_split, drop_overlapping
from ner_helpers import toy_training


def test_tag_sets_map_to_four_types():
    assert map_tag("B-PERS") == "B-PER"  # ANERcorp
    assert map_tag("I-Politician") == "I-PER"  # NewsFANE
    assert map_tag("B-Nation") == "B-LOC"
    assert map_tag("B-Non-Governmental") == "B-ORG"
    assert map_tag("B-Group") == "O"  # peoples are not entities in ANERcorp
    assert map_tag("B-MIS1") == "B-MISC"  # AQMAR
    assert map_tag("B-GPE") == "B-LOC"  # Wojood
    assert map_tag("B-DATE") == "O"
    assert map_tag("O") == "O" and map_tag("OO") == "O"
    assert repair_bio(["I-LOC", "I-LOC", "O", "I-PER", "I-ORG"]) == ["B-LOC", "I-LOC", "O", "B-PER", "B-ORG"]


def test_read_conll_outer_level_and_blank_lines(tmp_path):
    f = tmp_path / "g.txt"
    f.write_text("جريدة B-ORG\nفلسطين I-ORG B-GPE\n\nزار O\nبوتين\tB-PERS\n", encoding="utf-8")
    sents = list(read_conll(f))
    assert sents == [(["جريدة", "فلسطين"], ["B-ORG", "I-ORG"]), (["زار", "بوتين"], ["O", "B-PER"])]


def test_score_exact_spans_by_hand():
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "I-ORG", "O"]]
    pred = [["B-PER", "I-PER", "O", "B-ORG"], ["B-ORG", "O", "O"]]
    r = score(gold, pred)
    # gold spans: PER(0,2) LOC(3,4) ORG(0,2); predicted: PER(0,2) ORG(3,4) ORG(0,1): one right
    assert r["PER"]["f1"] == 1.0
    assert r["LOC"]["r"] == 0.0 and r["LOC"]["pred"] == 0
    assert r["ORG"]["p"] == 0.0 and r["ORG"]["gold"] == 1 and r["ORG"]["pred"] == 2
    assert r["ALL"]["p"] == pytest.approx(1 / 3)
    assert r["ALL"]["r"] == pytest.approx(1 / 3)
    assert r["ALL"]["f1"] == pytest.approx(1 / 3)
    assert spans(["I-LOC", "I-LOC"]) == {(0, 2, "LOC")}


def test_dev_split_and_overlap_filter():
    sents = [([f"w{i}", "a", "b", "c", "d", "e"], ["O"] * 6) for i in range(12)]
    train, dev = anercorp_split(sents)
    assert len(train) == 10 and len(dev) == 2 and train + dev == sents
    other = [(["w10", "a", "b", "c", "d", "e"], ["O"] * 6), (["x", "y", "z", "q", "r", "s"], ["O"] * 6)]
    assert drop_overlapping(other, dev) == other[1:]


def test_shipped_tagger_tags_news_sentences():
    tagger = get_tagger()
    toks = "وقال الرئيس الروسي فلاديمير بوتين في موسكو إن روسيا لن تتراجع".split()
    tags = tagger.tag(toks)
    assert len(tags) == len(toks)
    assert tags[3:5] == ["B-PER", "I-PER"]
    assert tags[6] == "B-LOC"
    assert tags[0] == "O" and tags[1] == "O"
    toks = "وأعلنت وزارة الخارجية الأمريكية أن الأمم المتحدة ستعقد اجتماعا في جنيف".split()
    tags = tagger.tag(toks)
    assert tags[5:7] == ["B-ORG", "I-ORG"]
    assert tags[10] == "B-LOC"
    assert tagger.tag([]) == []
    assert all(t == "O" or t[:2] in ("B-", "I-") and t[2:] in ("PER", "LOC", "ORG", "MISC") for t in tags)


def test_ner_tag_keeps_alignment(tmp_path, capsys):
    f = tmp_path / "in.txt"
    lines = ["زار", "بوتين", "القاهرة", "", "", "وصل", "محمد", "إلى", "دمشق", ".", "", "قال O", "ماكرون B-PERS"]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["ner-tag", str(f)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(lines)
    for inp, line in zip(lines, out):
        if not inp:
            assert line == ""
        else:
            tok, tag = line.split("\t")
            assert tok == inp.split()[0] and (tag == "O" or tag[:2] in ("B-", "I-"))


def test_commands_reject_bad_input(tmp_path, capsys):
    assert main(["ner-tag", str(tmp_path / "missing.txt")]) == 1
    bad = tmp_path / "bad.txt"
    bad.write_text("كلمة\tB-PER\nكلمتان وحدهما ثلاث\n", encoding="utf-8")
    assert main(["evaluate", "ner", str(tmp_path / "none.txt")]) == 1
    assert "marsad:" in capsys.readouterr().err


def test_evaluate_ner_command_with_pred_file(tmp_path, capsys):
    gold = tmp_path / "gold.txt"
    pred = tmp_path / "pred.txt"
    gold.write_text("زار O\nبوتين B-PERS\nموسكو B-LOC\n\nفي O\nلندن B-LOC\n", encoding="utf-8")
    pred.write_text("زار O\nبوتين B-PER\nموسكو B-PER\n\nفي O\nلندن B-LOC\n", encoding="utf-8")
    assert main(["evaluate", "ner", str(gold), "--pred", str(pred)]) == 0
    out = capsys.readouterr().out
    all_line = [l for l in out.splitlines() if l.startswith("ALL")][0].split()
    # 2 of 3 predicted right, 2 of 3 gold found
    assert all_line[1:4] == ["0.667", "0.667", "0.667"]


def test_training_end_to_end_on_a_tiny_sample(tmp_path, capsys):
    rows = []
    people = ["بوتين", "ماكرون", "شولتس", "أردوغان"]
    places = ["موسكو", "باريس", "برلين", "أنقرة"]
    for i in range(24):
        p, c = people[i % 4], places[(i + 1) % 4]
        rows += [f"قال O", f"الرئيس O", f"{p} B-PERS", f"في O", f"{c} B-LOC", ". O", ""]
    data = tmp_path / "train.txt"
    data.write_text("\n".join(rows), encoding="utf-8")
    text = tmp_path / "news.txt"
    text.write_text(" ".join(f"قال الرئيس {p} في {c} ." for p in people for c in places) * 3, encoding="utf-8")
    gaz = tmp_path / "loc.txt"
    gaz.write_text("موسكو\nباريس\n", encoding="utf-8")
    out = tmp_path / "model"
    rc = main(["train", "ner", "--data", str(data), "--dev-from", str(data), "--unlabeled", str(text),
               "--gazetteer", f"LOC={gaz}", "--no-kb", "--out", str(out), "--iterations", "30"])
    assert rc == 0
    assert (out / "crf.model").exists() and (out / "clusters.tsv").exists() and (out / "meta.json").exists()
    assert (out / "subword.npz").exists()  # subword vectors learned from the --unlabeled text
    assert "ALL" in capsys.readouterr().out
    from marsad.ner import load_tagger

    tags = load_tagger(out).tag(["قال", "الرئيس", "ماكرون", "في", "برلين", "."])
    assert tags == ["O", "O", "B-PER", "O", "B-LOC", "O"]


def test_bioes_labels_round_trip_to_iob2():
    from marsad.ner.data import to_bio, to_bioes

    bio = ["B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC", "O", "B-ORG"]
    assert to_bioes(bio) == ["B-PER", "I-PER", "E-PER", "O", "S-LOC", "B-LOC", "E-LOC", "O", "S-ORG"]
    assert to_bio(to_bioes(bio)) == bio


def test_subword_vectors_cover_words_never_seen(tmp_path):
    import numpy as np

    from marsad.ner.subword import SubwordVectors, load_subword, ngrams

    assert "<بو" in ngrams("بوتين") and "ين>" in ngrams("بوتين") and "وتي" in ngrams("بوتين")
    grams = ["ستان", "تان>", "<بو", "وف>"]
    table = np.array([[1, 0], [1, 0], [0, 1], [0, 1]], dtype=np.float16)
    cents = [np.array([[1, 0], [0, 1]], dtype=np.float32)]
    np.savez(tmp_path / "subword.npz", ngrams=np.frombuffer("\n".join(grams).encode(), dtype=np.uint8), table=table,
             centroids0=cents[0])
    sv = load_subword(tmp_path / "subword.npz")
    assert isinstance(sv, SubwordVectors) and sv.dims == 2
    # an unseen country name shares `ستان` with the known ones: same direction, same cluster
    v = sv.vector("قرغيزستان")
    assert v[0] > 0 and v[1] == 0 and sv.clusters(v) == ("0",)
    assert sv.clusters(sv.vector("بوريسوف")) == ("1",)
    # no known n-gram at all: a zero vector and no cluster feature
    assert not sv.vector("قمر").any() and sv.clusters(sv.vector("قمر")) == ()
    assert load_subword(tmp_path / "missing.npz") is None


def test_lexicon_keeps_names_mostly_tagged_and_matches_with_clitics():
    from marsad.ner.features import Featurizer, build_lexicon

    sents = [(["زار", "كوفي", "عنان", "القاهرة"], ["O", "B-PER", "I-PER", "B-LOC"]),
             (["وقال", "عنان", "إن", "علي", "سافر"], ["O", "B-PER", "O", "B-PER", "O"]),
             (["اتفقوا", "على", "البيان", "على", "الفور"], ["O", "O", "O", "O", "O"])]
    lex = build_lexicon(sents)
    assert lex[("كوفي", "عنان")] == {"PER"} and lex[("عنان",)] == {"PER"}
    assert lex[("قاهره",)] == {"LOC"}  # keyed by the first word's stem, article and clitics off
    assert ("علي",) not in lex  # tagged once, untagged twice (as the preposition `على`)
    fz = Featurizer(options={"lexicon": True})
    fz.set_lexicon(lex)
    feats = fz.sentence(["ولكوفي", "عنان", "وبالقاهرة", "اليوم"])
    assert "lB=PER" in feats[0] and "lI=PER" in feats[1] and "-1lB=PER" in feats[1]
    assert "lB=LOC" in feats[2] and not [f for f in feats[3] if f.startswith(("lB", "lI"))]


def test_feature_options_are_checked_and_change_the_features():
    import pytest

    from marsad.ner.features import Featurizer

    with pytest.raises(ValueError):
        Featurizer(options={"no_such_feature": True})
    plain = Featurizer().sentence(["والمستشفيات"])[0]
    more = Featurizer(options={"stem_affixes": True}).sentence(["والمستشفيات"])[0]
    assert set(more) - set(plain) == {"sp3=مست", "sx1=ت", "sx3=يات"}


def test_training_options_reach_the_saved_model(tmp_path):
    data, text = toy_training(tmp_path)
    out = tmp_path / "model"
    rc = main(["train", "ner", "--data", str(data), "--unlabeled", str(text), "--no-kb", "--out", str(out),
               "--iterations", "30", "--subword-scale", "2", "--feature", "lexicon", "--feature", "subword_window2"])
    assert rc == 0
    import json

    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["vector_scale"] == {"subword": 2.0}
    assert meta["feature_options"] == {"lexicon": True, "subword_window2": True}
    assert (out / "lexicon.tsv").exists()
    from marsad.ner import load_tagger

    t = load_tagger(out)
    assert t.featurizer.sub_wide and t.featurizer.lexicon
    sent = ["قال", "الرئيس", "ماكرون", "في", "برلين", "."]
    assert t.tag(sent) == t.tag_crfsuite(sent) == ["O", "O", "B-PER", "O", "B-LOC", "O"]


def test_word_prior_and_org_phrase_features(tmp_path):
    from marsad.ner.features import Featurizer
    from marsad.ner.model import load_prior, save_prior

    save_prior({"قال": 1000, "بوتين": 3, "نادر": 1}, tmp_path / "prior.tsv")
    prior = load_prior(tmp_path / "prior.tsv")
    assert prior == {"قال": 10, "بوتين": 2}  # 1 + floor(log2 count); words seen once are left out
    fz = Featurizer(options={"word_prior": True})
    fz.prior = prior
    feats = fz.sentence(["قال", "بوتين", "ماكرون"])
    assert "fq=10" in feats[0] and "fq=2" in feats[1] and "fq=0" in feats[2]
    org = Featurizer(options={"org_phrase": True}).sentence(["قال", "حزب", "العمال", "البريطاني", "،", "إن"])
    assert [[f for f in x if f.startswith("oh=")] for x in org] == [[], ["oh=0"], ["oh=1"], ["oh=2"], [], []]


def test_a_tsv_gazetteer_reads_its_ar_column(tmp_path):
    from marsad.ner.train import build_gazetteer

    f = tmp_path / "places.tsv"
    f.write_text("# note\n# id\tname\tar\n1\tCairo\tالقاهرة|القاهره\n2\tNowhere\t\n", encoding="utf-8")
    gaz = build_gazetteer({"LOC": [str(f)]}, use_sources=False)
    assert set(gaz) == {("القاهره",)} and gaz[("القاهره",)] == {"LOC"}
