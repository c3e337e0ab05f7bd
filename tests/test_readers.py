"""Readers: each format and encoding, chosen by content."""
import io
import json

import pytest

from marsad.errors import InputError
from marsad.read import RawDocument, read_bytes, read_path
from marsad.read.dispatch import sniff
from marsad.read.jsonl import BadRecord

SCRAPE = "بوتين يزور فيتنام\n\nكتب: سامي علي\n\nوصل الرئيس الروسي إلى هانوي في زيارة رسمية تستمر يومين.\n"


@pytest.mark.parametrize(
    "encoding,prefix",
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b""), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("cp1256", b"")],
)
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_plain_text_encodings(tmp_path, encoding, prefix, newline):
    p = tmp_path / "a.txt"
    p.write_bytes(prefix + SCRAPE.replace("\n", newline).encode(encoding))
    (doc,) = list(read_path(p))
    assert doc.format == "text"
    assert "وصل الرئيس الروسي إلى هانوي" in doc.text
    assert "\ufeff" not in doc.text


def test_undecodable_bytes_are_refused(tmp_path):
    p = tmp_path / "bad.txt"
    # Latin-1 French accents: valid cp1256 bytes, but not Arabic text
    p.write_bytes("Le président a déclaré à la télévision qu'il était prêt à négocier. ".encode("latin-1") * 5)
    with pytest.raises(InputError, match="cannot decode"):
        list(read_path(p))


def test_binary_and_empty(tmp_path):
    b = tmp_path / "x.bin"
    b.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(InputError, match="binary"):
        list(read_path(b))
    e = tmp_path / "e.txt"
    e.write_bytes(b"  \n\n ")
    with pytest.raises(InputError, match="empty"):
        list(read_path(e))
    with pytest.raises(InputError, match="no such file"):
        list(read_path(tmp_path / "missing.txt"))


def test_sniff_by_content_not_extension(tmp_path):
    assert sniff(b"<!DOCTYPE html><html><body><p>x</p></body></html>", "page.txt") == "html"
    assert sniff(b'{"text": "\xd9\x86\xd8\xb5"}\n', "dump.txt") == "jsonl"
    assert sniff(b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "x") == "feed"
    assert sniff(b"WARC/1.0\r\nWARC-Type: response\r\n", "x.bin") == "warc"
    assert sniff("نص عادي".encode(), "page.html") == "text"


HTML = """<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>عنوان الصفحة</title>
<meta property="og:title" content="انتخابات مبكرة في تونس">
<meta name="author" content="منى الشابي">
<meta property="article:published_time" content="2024-10-06T21:05:00+01:00"></head>
<body><nav><a href="/">الرئيسية</a></nav><article><h1>انتخابات مبكرة في تونس</h1>
<p>أدلى الناخبون التونسيون بأصواتهم الأحد في انتخابات رئاسية شهدت نسبة مشاركة منخفضة بحسب الهيئة العليا المستقلة للانتخابات.</p>
<h2>نتائج أولية</h2>
<p>وأظهرت النتائج الأولية تقدم الرئيس المنتهية ولايته بفارق كبير عن منافسيه، وفق ما أعلنته الهيئة مساء الاثنين.</p>
<p>وقالت أحزاب معارضة إنها لن تعترف بالنتائج، معتبرة أن الانتخابات جرت في مناخ من التضييق على الحريات.</p>
</article><footer>جميع الحقوق محفوظة © 2024</footer></body></html>"""


def test_html_reader_metadata_and_headings():
    (doc,) = list(read_bytes(HTML.encode("utf-8"), name="page.html"))
    assert doc.format == "html"
    assert doc.title == "انتخابات مبكرة في تونس"
    assert doc.author == "منى الشابي"
    assert doc.published == "2024-10-06T21:05:00+01:00"
    assert ("heading", "نتائج أولية") in doc.blocks
    assert "جميع الحقوق محفوظة" not in doc.text


def test_truncated_html_still_reads_or_fails_cleanly():
    cut = HTML[: len(HTML) // 2]
    try:
        docs = list(read_bytes(cut.encode("utf-8"), name="cut.html"))
    except InputError:
        return
    assert docs and "أدلى الناخبون" in docs[0].text


def test_jsonl_records_any_field_absent(tmp_path):
    p = tmp_path / "d.jsonl"
    recs = [
        {"id": "a1", "url": "https://x/1", "title": "عنوان", "author": "كاتب", "published": "2024-01-02", "text": "نص الخبر الأول."},
        {"text": "نص بلا بيانات وصفية."},
        {"id": "a3", "title": "بلا نص"},
    ]
    lines = [json.dumps(r, ensure_ascii=False) for r in recs] + ["{not json"]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = list(read_path(p))
    docs = [d for d in out if isinstance(d, RawDocument)]
    bad = [d for d in out if isinstance(d, BadRecord)]
    assert [d.id for d in docs] == ["a1", None]
    assert docs[0].title == "عنوان" and docs[0].published == "2024-01-02" and docs[0].url == "https://x/1"
    assert len(bad) == 2 and "no text" in str(bad[0]) and "malformed JSON" in str(bad[1])


def test_json_array_dump():
    data = json.dumps([{"source": "okaz", "title": "خبر", "content": "نص الخبر هنا.", "date_extracted": "2015-08-01"}], ensure_ascii=False)
    (doc,) = list(read_bytes(data.encode(), name="dump.json"))
    assert doc.text == "نص الخبر هنا." and doc.site == "okaz"


RSS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>موقع</title><item><title>خبر أول</title><link>https://x/1</link><author>هدى</author>
<pubDate>Mon, 15 Jul 2024 18:20:00 +0000</pubDate>
<content:encoded><![CDATA[<p>الفقرة الأولى من الخبر.</p><h2>عنوان فرعي</h2><p>الفقرة الثانية.</p>]]></content:encoded></item>
<item><title>خبر ثان</title><link>https://x/2</link><description>نص قصير للخبر الثاني.</description></item></channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>موقع</title>
<entry><title>خبر أطلس</title><link href="https://x/a"/><id>urn:1</id><updated>2024-03-01T10:00:00Z</updated>
<content type="html">&lt;p&gt;نص خبر أطلس الكامل.&lt;/p&gt;</content></entry></feed>"""


def test_rss_and_atom():
    docs = list(read_bytes(RSS.encode("utf-8"), name="f.xml"))
    assert [d.title for d in docs] == ["خبر أول", "خبر ثان"]
    assert docs[0].blocks == [("paragraph", "الفقرة الأولى من الخبر."), ("heading", "عنوان فرعي"), ("paragraph", "الفقرة الثانية.")]
    assert docs[0].url == "https://x/1" and docs[0].format == "rss"
    (a,) = list(read_bytes(ATOM.encode("utf-8"), name="f.atom"))
    assert a.format == "atom" and a.text == "نص خبر أطلس الكامل." and a.published.startswith("2024-03-01")


def _warc(tmp_path, pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    p = tmp_path / "crawl.warc.gz"
    with open(p, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for url, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return p


def test_warc_html_responses(tmp_path):
    p = _warc(tmp_path, [
        ("https://x/a", HTML.encode("utf-8"), "text/html; charset=utf-8"),
        ("https://x/logo.png", b"\x89PNG....", "image/png"),
    ])
    docs = list(read_path(p))
    assert len(docs) == 1
    assert docs[0].format == "warc" and docs[0].url == "https://x/a" and docs[0].title == "انتخابات مبكرة في تونس"


def test_not_a_warc(tmp_path):
    p = tmp_path / "x.warc"
    p.write_bytes(b"WARC/1.0\r\ngarbage\r\n\r\n" + b"\x00" * 50)
    with pytest.raises(InputError):
        list(read_path(p))


def test_control_bytes_are_not_taken_for_utf16():
    with pytest.raises(InputError, match="binary"):
        list(read_bytes(b"\x00\x01\x02\x03" * 100, name="x"))
