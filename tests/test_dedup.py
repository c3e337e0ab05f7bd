"""Near-duplicates and story keys on Arabic text written for these tests."""
from __future__ import annotations

from marsad.article import Article, Keyword
from marsad.dedup import (
    NearDuplicateIndex, from_bytes, from_values, jaccard, minhash, same_story, shingles, signature_bytes,
    signature_values, story_key,
)

WIRE = (
    "الرياض واس أعلن مجلس الوزراء السعودي في جلسته الأسبوعية اليوم الموافقة على نظام جديد لحماية البيانات الشخصية "
    "يلزم الجهات الحكومية والشركات الخاصة بالحصول على موافقة صريحة من الأفراد قبل جمع بياناتهم أو مشاركتها، "
    "ويفرض غرامات تصل إلى خمسة ملايين ريال على المخالفين. وأوضح وزير الإعلام أن النظام يدخل حيز التنفيذ بعد "
    "مئة وثمانين يوما من نشره في الجريدة الرسمية، وأن هيئة البيانات والذكاء الاصطناعي ستتولى الإشراف على تطبيقه "
    "وإصدار اللوائح التنفيذية. وأضاف أن المجلس وافق كذلك على مذكرة تفاهم للتعاون في مجال الطاقة المتجددة مع دولة صديقة."
)
# A paper's republication: new opening, hamza and ta marbuta written differently, last sentence dropped.
COPY = (
    "صحيفة محلية: اعلن مجلس الوزراء السعودي في جلسته الاسبوعية اليوم الموافقة على نظام جديد لحماية البيانات الشخصيه "
    "يلزم الجهات الحكومية والشركات الخاصة بالحصول على موافقة صريحة من الافراد قبل جمع بياناتهم او مشاركتها، "
    "ويفرض غرامات تصل الى خمسة ملايين ريال على المخالفين. واوضح وزير الاعلام ان النظام يدخل حيز التنفيذ بعد "
    "مئة وثمانين يوما من نشره في الجريدة الرسمية، وان هيئة البيانات والذكاء الاصطناعي ستتولى الاشراف على تطبيقه."
)
# Same event, written independently: not a copy.
OTHER = (
    "وافقت الحكومة السعودية على قانون لحماية البيانات الشخصية، في خطوة قال خبراء إنها تقرب المملكة من المعايير "
    "الأوروبية. ويمنح القانون الأفراد حق معرفة ما تجمعه الشركات عنهم، ويعاقب المخالفين بغرامات كبيرة. ورحبت شركات "
    "التقنية بالقانون، لكنها طلبت مهلة أطول للتكيف مع متطلباته الجديدة، بحسب ما قاله مسؤولون في القطاع."
)


def test_shingles_ignore_spelling_and_punctuation():
    assert shingles("أعلنت الوزارة، اليوم: البيانات الشخصية") == shingles("اعلنت الوزاره اليوم البيانات الشخصيه")
    assert shingles("كلمة") == {"كلمه"}
    assert shingles("") == set()


def test_copy_found_independent_report_not():
    idx = NearDuplicateIndex()
    idx.add("wire", WIRE)
    idx.add("other", OTHER)
    found = idx.query(COPY)
    assert [k for k, _ in found] == ["wire"]
    assert found[0][1] >= idx.threshold
    assert jaccard(WIRE, OTHER) < 0.1


def test_groups_and_add_and_query():
    idx = NearDuplicateIndex()
    assert idx.add_and_query("a", WIRE) == []
    assert [k for k, _ in idx.add_and_query("b", COPY)] == ["a"]
    idx.add("c", OTHER)
    assert idx.groups() == [["a", "b"]]
    idx.remove("b")
    assert idx.groups() == []
    assert len(idx) == 2 and "a" in idx


def test_signature_round_trip():
    sig = minhash(WIRE)
    back = from_values(signature_values(sig).tolist())
    assert back.jaccard(sig) == 1.0


def test_stored_bytes_rebuild_the_signature_and_reject_other_formats():
    stored = signature_bytes(WIRE)
    assert from_bytes(stored).jaccard(minhash(WIRE)) == 1.0
    assert from_bytes(signature_bytes(COPY)).jaccard(minhash(COPY)) == 1.0
    # no words: nothing stored, so an empty text is never a copy of another empty text
    assert signature_bytes(" ،. ") == b"" and from_bytes(b"") is None
    assert from_bytes(b"\x00" * 256) is None  # the corpus's earlier 64 x 4-byte signatures


def test_stored_bytes_equal_datasketch_minhash_of_the_shingles():
    # the workers compute signatures without datasketch; the index reads them with it
    from datasketch import MinHash

    for text in (WIRE, COPY, OTHER, "كلمة واحدة فقط"):
        m = MinHash(num_perm=128)
        m.update_batch([s.encode("utf-8") for s in shingles(text)])
        assert signature_bytes(text) == m.hashvalues.tobytes()


def test_signature_bytes_do_not_import_datasketch():
    import subprocess
    import sys

    code = ("import sys; from marsad.dedup import signature_bytes; signature_bytes('نص قصير للتجربة هنا'); "
            "print('datasketch' in sys.modules, 'scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_index_of_stored_signatures_chains_copies_and_keeps_strangers_apart():
    idx = NearDuplicateIndex()
    edited = WIRE.replace("خمسة ملايين ريال", "عشرة ملايين ريال")
    for key, text in [("a", WIRE), ("b", COPY), ("c", "عاجل: " + edited), ("d", OTHER)]:
        idx.add(key, from_bytes(signature_bytes(text)))
    assert idx.groups() == [["a", "b", "c"]]


def test_story_key_groups_same_event_same_day():
    def art(day, kws):
        return Article(published=f"{day}T10:00:00+03:00", keywords=[Keyword(k, 1.0) for k in kws], text="x")

    a = art("2024-06-18", ["بوتين", "كوريا الشمالية", "بيونج يانج"])
    b = art("2024-06-18", ["كوريا الشمالية", "لبوتين", "بيونغ يانغ"])  # other order, other spellings
    c = art("2024-06-19", ["بوتين", "كوريا الشمالية", "بيونج يانج"])
    d = art("2024-06-18", ["النفط", "أوبك", "الأسعار"])
    e = art("2024-06-18", ["كوريا الشمالية", "بوتين", "فيتنام"])
    assert story_key(a) == story_key(b) == story_key(e)  # the two leading terms agree
    assert story_key(a) != story_key(c)
    assert story_key(a) != story_key(d)
    assert story_key(a).startswith("2024-06-18:")


def test_same_story_shares_two_of_five_terms():
    a = Article(keywords=[Keyword(k, 1.0) for k in ["بوتين", "كوريا الشمالية", "بيونج يانج", "العقوبات", "روسيا"]])
    b = Article(keywords=[Keyword(k, 1.0) for k in ["فيتنام", "بوتين", "التجارة", "كوريا الشمالية", "هانوي"]])
    c = Article(keywords=[Keyword(k, 1.0) for k in ["النفط", "أوبك", "بوتين", "الأسعار", "السعودية"]])
    assert same_story(a, b)
    assert not same_story(a, c)
