"""The TREC reader: <DOC> documents chosen by content, their fields mapped, paragraphs kept."""
import json
import subprocess
import sys

import pytest

from marsad.errors import BadRecord
from marsad.layout import layout
from marsad.read import RawDocument, read_bytes, read_path
from marsad.read.dispatch import sniff

MARSAD = [sys.executable, "-m", "marsad.cli"]

P1 = "وصل الرئيس الروسي فلاديمير بوتين إلى بيونغ يانغ في زيارة تستمر يومين."
P2 = "وقالت وكالة الأنباء الكورية إن الزعيمين سيبحثان التعاون في مواجهة العقوبات."
P3 = "وأعلنت وزارة الخارجية الأمريكية أنها تتابع الزيارة عن كثب."

ANT_STYLE = f"""<DOC>
<DOCNO>AL-international-17-20180302</DOCNO>
<URL>http://www.alarabiya.net/ar/arab-and-world/2018/03/02/visit.html</URL>
<SRC>alarabia</SRC>
<CAT>internationalNews</CAT>
<TITLE>بوتين في زيارة تاريخية لكوريا الشمالية</TITLE>
<TIME>Fri, 02 Mar 2018 10:15:00 +0400</TIME>
<AUTHOR>موسكو - رويترز</AUTHOR>
<ABSTRACT>
{P1}
</ABSTRACT>
<TEXT>
{P1}
{P2}
{P3}
</TEXT>
</DOC>
"""

NEWSWIRE = f"""<DOC>
<DOCNO> AFP_ARB_20240618.0001 </DOCNO>
<DATE>2024-06-18</DATE>
<HEADLINE>
بوتين يصل إلى بيونغ يانغ
</HEADLINE>
<TEXT>
<P>
{P1}
</P>
<P>
{P2}
</P>
</TEXT>
</DOC>
<DOC>
<DOCNO>AFP_ARB_20240618.0002</DOCNO>
<HEADLINE>خبر بلا نص</HEADLINE>
</DOC>
<DOC>
<DOCNO>AFP_ARB_20240618.0003</DOCNO>
<BYLINE>سامح فواز</BYLINE>
<TEXT>
{P3}
</TEXT>
</DOC>
"""


def test_sniffed_by_content_whatever_the_name():
    assert sniff(ANT_STYLE.encode(), "AL-international-17-20180302.txt") == "trec"
    assert sniff(NEWSWIRE.encode("utf-16"), "wire.sgml") == "trec"
    assert sniff(("\ufffd" + ANT_STYLE).encode(), "x.txt") == "trec"
    assert sniff(f"عنوان\n\n{P1}\n".encode(), "x.trec") == "text"


def test_ant_style_fields():
    (doc,) = list(read_bytes(ANT_STYLE.encode(), name="a.txt"))
    assert doc.format == "trec"
    assert doc.id == "AL-international-17-20180302"
    assert doc.title == "بوتين في زيارة تاريخية لكوريا الشمالية"
    assert doc.published == "Fri, 02 Mar 2018 10:15:00 +0400"
    assert doc.author == "موسكو - رويترز"
    assert doc.url.endswith("/visit.html") and doc.site == "alarabia"
    assert doc.extra["category"] == "internationalNews"
    assert doc.text == f"{P1}\n\n{P2}\n\n{P3}"
    art = layout(doc)
    assert art.title == doc.title and art.published == "2018-03-02T10:15:00+04:00"
    assert [p for s in art.sections for p in s.paragraphs] == [P1, P2, P3]


def test_many_documents_paragraph_tags_and_a_document_without_text():
    items = list(read_bytes(NEWSWIRE.encode(), name="wire.sgml"))
    assert [type(x) for x in items] == [RawDocument, BadRecord, RawDocument]
    a, bad, c = items
    assert a.id == "AFP_ARB_20240618.0001" and a.title == "بوتين يصل إلى بيونغ يانغ" and a.published == "2024-06-18"
    assert a.text == f"{P1}\n\n{P2}"
    assert bad.where == "wire.sgml:16" and "AFP_ARB_20240618.0002" in str(bad) and "\n" not in str(bad)
    assert c.author == "سامح فواز" and c.text == P3 and c.title is None


def test_unclosed_fields_end_at_the_next_field():
    text = f"<DOC>\n<DOCNO>X-1\n<TITLE>عنوان بلا إغلاق\n<TEXT>\n{P1}\n{P2}\n</DOC>\n"
    (doc,) = list(read_bytes(text.encode(), name="x.txt"))
    assert (doc.id, doc.title, doc.text) == ("X-1", "عنوان بلا إغلاق", f"{P1}\n\n{P2}")


def test_every_ant_file_reads_as_trec_with_its_fields(shared):
    from marsad.corpora import parse_ant

    files = sorted((shared / "data" / "ant-corpus-multisource-2018-03").glob("*/*/*.txt"))
    if not files:
        pytest.skip("the ANT corpus is not in ../shared/data")
    for f in files[::25]:
        (doc,) = list(read_path(f))
        ref = parse_ant(f.read_text(encoding="utf-8"))
        assert doc.format == "trec" and doc.id == ref["docno"] == f.stem
        assert doc.title == " ".join(ref["title"].split()) and doc.published == ref["time"]
        assert doc.text.split("\n\n") == ref["paragraphs"]


def test_cli_on_an_ant_file_keeps_its_title_and_body(shared, tmp_path):
    files = sorted((shared / "data" / "ant-corpus-multisource-2018-03").glob("BBC/*/*.txt"))
    if not files:
        pytest.skip("the ANT corpus is not in ../shared/data")
    f = files[0]
    (doc,) = list(read_path(f))
    r = subprocess.run(MARSAD + ["analyze", str(f), "--skip", "layout"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["title"] == doc.title and "<DOC>" not in out["text"] and out["source"]["format"] == "trec"
    assert out["id"] == doc.id
    body = [p for s in out["sections"] for p in s["paragraphs"]]
    assert body[-1] == doc.text.split("\n\n")[-1]
