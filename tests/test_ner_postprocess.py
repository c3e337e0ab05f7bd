"""Document-level label consistency (marsad.ner.postprocess) on hand-made tag sequences."""
from __future__ import annotations

from marsad.ner import get_tagger
from marsad.ner.postprocess import consistent


def test_untagged_repeat_gets_the_tagged_type_with_clitics():
    sents = [["قال", "كوفي", "عنان", "إن", "الأمم", "المتحدة", "مستعدة"],
             ["وأضاف", "لعنان", "مسؤول", "في", "الأمم", "المتحدة"],
             ["وتحدث", "عنان", "أمس"]]
    tags = [["O", "B-PER", "I-PER", "O", "B-ORG", "I-ORG", "O"],
            ["O", "O", "O", "O", "O", "O"],
            ["O", "O", "O"]]
    out = consistent(sents, tags)
    assert out[0] == tags[0]  # what the tagger found stays
    assert out[1] == ["O", "B-PER", "O", "O", "B-ORG", "I-ORG"]  # لعنان = ل + عنان (surname)
    assert out[2] == ["O", "B-PER", "O"]
    assert tags[1] == ["O"] * 6  # input not modified


def test_majority_type_wins_and_tagged_tokens_are_kept():
    sents = [["زار", "الأردن"], ["في", "الأردن"], ["من", "الأردن"], ["نادي", "الأردن", "و", "الأردن"]]
    tags = [["O", "B-LOC"], ["O", "B-LOC"], ["O", "B-ORG"], ["O", "B-ORG", "O", "O"]]
    out = consistent(sents, tags)
    assert out[3] == ["O", "B-ORG", "O", "B-LOC"]  # LOC 2 votes to ORG 2: first-seen LOC, ORG kept where tagged


def test_short_words_and_far_sentences_do_not_vote():
    sents = [["في", "يد", "سامي"]] + [["كلام", "عادي"]] * 30 + [["قال", "سامي"], ["في", "يد"]]
    tags = [["O", "B-MISC", "B-PER"]] + [["O", "O"]] * 30 + [["O", "O"], ["O", "O"]]
    out = consistent(sents, tags, window=20)
    assert out[-2] == ["O", "O"]  # 31 sentences away: outside the window
    assert out[-1] == ["O", "O"]  # two-letter word never propagated
    assert consistent(sents, tags, window=100)[-2] == ["O", "B-PER"]


def test_tagger_sentences_path_applies_consistency():
    t = get_tagger()
    sents = [["قال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "في", "موسكو", "اليوم"],
             ["وأكد", "بوتين", "أن", "بلاده", "مستعدة"]]
    alone = [t.tag(s) for s in sents]
    both = t.tag_sentences(sents)
    assert t.tag_sentences(sents, consistent=False) == alone
    assert both[0] == alone[0]
    assert both[1][1] == "B-PER"


def test_ner_tag_fills_a_repeat_unless_sentence_only(tmp_path, capsys):
    from marsad.cli import main

    t = get_tagger()
    first = "قال الرئيس الروسي فلاديمير بوتين في موسكو اليوم".split()
    second = "وأكد بوتين أن بلاده مستعدة".split()
    f = tmp_path / "in.txt"
    f.write_text("\n".join(first) + "\n\n" + "\n".join(second) + "\n", encoding="utf-8")

    def tags_of(args):
        assert main(["ner-tag", str(f), *args]) == 0
        lines = capsys.readouterr().out.splitlines()
        return [l.split("\t")[1] for l in lines if l]

    alone = t.tag(first) + t.tag(second)
    assert tags_of(["--sentence-only"]) == alone
    assert tags_of([]) == t.tag_sentences([first, second])[0] + t.tag_sentences([first, second])[1]


def test_titles_leave_person_names():
    from marsad.ner.postprocess import trim_titles

    sents = [["استقبل", "الشيخ", "حمد", "بن", "جاسم", "وزيرا"], ["وقال", "الرئيس"], ["زار", "والأمير", "فيصل"]]
    tags = [["O", "B-PER", "I-PER", "I-PER", "I-PER", "O"], ["O", "B-PER"], ["O", "B-PER", "I-PER"]]
    assert trim_titles(sents, tags) == [["O", "O", "B-PER", "I-PER", "I-PER", "O"], ["O", "O"], ["O", "O", "B-PER"]]


def test_nationalities_tagged_as_people_are_untagged_but_countries_stay():
    from marsad.ner.postprocess import drop_demonyms

    sents = [["ويتهم", "مسؤولون", "أمريكيون", "وكوريون", "جنوبيون", "بيونغ", "يانغ"],
             ["وزار", "سورية", "ولقي", "الأمريكيين", "ماكرون"]]
    tags = [["O", "O", "B-PER", "B-PER", "I-PER", "B-LOC", "I-LOC"],
            ["O", "B-LOC", "O", "B-ORG", "B-PER"]]
    out = drop_demonyms(sents, tags)
    assert out[0] == ["O", "O", "O", "O", "O", "B-LOC", "I-LOC"]
    # `سورية` is Syria as well as Syrian (f.): a LOC stays; a real name stays
    assert out[1] == ["O", "B-LOC", "O", "O", "B-PER"]
    assert consistent(sents, tags)[0][:5] == ["O"] * 5


def test_a_function_word_is_not_filled_from_a_name_it_normalises_to():
    # `على` (on) and the name `علي` are one key after normalisation (ى -> ي)
    sents = [["استقبل", "علي", "الوفد"], ["وقال", "علي", "إن"], ["اتفقوا", "على", "البيان"]]
    tags = [["O", "B-PER", "O"], ["O", "O", "O"], ["O", "O", "O"]]
    out = consistent(sents, tags, skip_function_words=True)
    assert out[1] == ["O", "B-PER", "O"]  # the name, written with ي, is still filled
    assert out[2] == ["O", "O", "O"]  # the preposition is not
    assert consistent(sents, tags, skip_function_words=False)[2] == ["O", "B-PER", "O"]


def test_a_title_and_a_lone_definite_epithet_are_not_a_name():
    from marsad.ner.postprocess import trim_titles

    sents = [["وصل", "الملك", "الراحل", "إلى", "المدينة"], ["وصل", "الملك", "سلمان", "أمس"],
             ["قال", "الرئيس", "السابق", "حسني", "مبارك"]]
    tags = [["O", "B-PER", "I-PER", "O", "O"], ["O", "B-PER", "I-PER", "O"], ["O", "B-PER", "I-PER", "I-PER", "I-PER"]]
    out = trim_titles(sents, tags)
    assert out[0] == ["O", "O", "O", "O", "O"]  # `الراحل` (the late) is no name
    assert out[1] == ["O", "O", "B-PER", "O"]
    # only a lone definite word goes: `السابق حسني مبارك` keeps its name (the epithet is
    # the tagger's boundary error, left as it is)
    assert out[2] == ["O", "O", "B-PER", "I-PER", "I-PER"]


def test_a_currency_after_an_amount_is_misc_but_not_a_club():
    from marsad.ner.postprocess import tag_currencies

    sents = [["بلغت", "الأرباح", "ثلاثة", "ملايين", "جنيه", "و", "250", "دينارا"],
             ["فاز", "ريال", "مدريد", "على", "ضيفه"], ["سعر", "الجنيه", "تراجع"]]
    tags = [["O"] * 8, ["O", "B-ORG", "I-ORG", "O", "O"], ["O", "O", "O"]]
    out = tag_currencies(sents, tags)
    assert out[0] == ["O", "O", "O", "O", "B-MISC", "O", "O", "B-MISC"]
    assert out[1] == ["O", "B-ORG", "I-ORG", "O", "O"]  # no amount: the club stays
    assert out[2] == ["O", "O", "O"]
    assert consistent(sents, tags)[0][4] == "B-MISC"


def test_a_leading_nationality_leaves_the_name_and_the_family_word_joins_it():
    from marsad.ner.postprocess import trim_titles

    sents = [["وقال", "والفرنسي", "جان", "دوبون", "إن"], ["وأشاد", "كيني", "دالغليش", "باللاعبين"],
             ["استقبل", "محمد", "بن", "زايد", "آل", "نهيان", "الوفد"],
             ["استقبل", "محمد", "بن", "زايد", "آل", "نهيان", "الوفد"]]
    tags = [["O", "B-PER", "I-PER", "I-PER", "O"], ["O", "B-PER", "I-PER", "O"],
            ["O", "B-PER", "I-PER", "I-PER", "O", "O", "O"], ["O", "B-PER", "I-PER", "I-PER", "O", "B-PER", "O"]]
    out = trim_titles(sents, tags)
    assert out[0] == ["O", "O", "B-PER", "I-PER", "O"]
    assert out[1] == ["O", "B-PER", "I-PER", "O"]  # bare `كيني` is the first name Kenny
    assert out[2] == ["O", "B-PER", "I-PER", "I-PER", "I-PER", "I-PER", "O"]
    assert out[3] == out[2]  # the family name tagged apart joins the name


def test_a_name_without_the_article_does_not_fill_the_word_with_it():
    # the surname `جمعة` (tagged) and `الجمعة` (Friday) share the stem `جمعه`
    sents = [["وقال", "سالم", "جمعة", "إن"], ["ويصل", "جمعة", "يوم", "الجمعة"]]
    tags = [["O", "B-PER", "I-PER", "O"], ["O", "O", "O", "O"]]
    assert consistent(sents, tags)[1] == ["O", "B-PER", "O", "O"]
    # a clitic without the article still reads as the name
    assert consistent(sents, [tags[0], ["O"] * 4])[1][1] == "B-PER"
    assert consistent([["قال", "بوتين"], ["ولبوتين", "رأي"]], [["O", "B-PER"], ["O", "O"]])[1] == ["B-PER", "O"]
