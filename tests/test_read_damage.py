"""Damaged bytes are tolerated and counted, never hidden; JSON records of the wrong type are coerced or reported."""
import json
import random
import subprocess
import sys

import pytest

from marsad.errors import BadRecord, InputError
from marsad.read import RawDocument, read_bytes, read_path
from marsad.read.decode import decode_text

MARSAD = [sys.executable, "-m", "marsad.cli"]
BODY = ("وصل الرئيس الروسي فلاديمير بوتين إلى بيونغ يانغ في زيارة تستمر يومين، "
        "هي الأولى له منذ أربعة وعشرين عاماً، وسط عقوبات غربية مشددة على موسكو.\n")


@pytest.fixture(scope="module")
def ant_files(shared):
    root = shared / "data" / "ant-corpus-multisource-2018-03"
    files = sorted(root.glob("*/*/*.txt"))
    if len(files) < 100:
        pytest.skip("the ANT corpus is not in ../shared/data")
    return random.Random(2018).sample(files, 100)


def _fields(d: RawDocument) -> str:
    return "\x1f".join(str(x or "") for x in (d.id, d.url, d.title, d.author, d.published, d.site, d.text))


def _multibyte_starts(data: bytes) -> list[int]:
    return [i for i, b in enumerate(data) if b >= 0xC2 and i + 1 < len(data) and 0x80 <= data[i + 1] < 0xC0]


def _differs_only_locally(clean: str, damaged: str) -> bool:
    """Equal but for one spot where at most one character became U+FFFD marks (and whitespace)."""
    p = 0
    while p < min(len(clean), len(damaged)) and clean[p] == damaged[p]:
        p += 1
    s = 0
    while s < min(len(clean), len(damaged)) - p and clean[-1 - s] == damaged[-1 - s]:
        s += 1
    lost, added = clean[p:len(clean) - s], damaged[p:len(damaged) - s]
    return len(lost.strip()) <= 1 and set(added) <= {"\ufffd", "\n", " "} and added.count("\ufffd") <= 3


def test_100_ant_files_with_one_damaged_byte_are_read(ant_files, tmp_path):
    rng = random.Random(7)
    read = 0
    for k, f in enumerate(ant_files):
        data = f.read_bytes()
        (clean,) = list(read_path(f))
        if k % 2:  # a stray 0xFF anywhere
            pos = rng.randrange(len(data) + 1)
            bad = data[:pos] + b"\xff" + data[pos:]
        else:  # one byte of a two-byte letter lost: the letter is cut in half
            start = rng.choice(_multibyte_starts(data))
            pos = start + rng.randrange(2)
            bad = data[:pos] + data[pos + 1:]
        p = tmp_path / f.name
        p.write_bytes(bad)
        docs = list(read_path(p))
        assert len(docs) == 1 and isinstance(docs[0], RawDocument), (f, docs)
        (doc,) = docs
        assert doc.format == "trec" and doc.extra["encoding"] == "utf-8"
        assert doc.extra["decode_replaced"] >= 1, f
        assert _differs_only_locally(_fields(clean), _fields(doc)), (f.name, pos)
        read += 1
    assert read == 100


def test_clean_file_reports_no_damage(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(BODY, encoding="utf-8")
    (doc,) = list(read_path(p))
    assert doc.extra["decode_replaced"] == 0 and doc.extra["encoding"] == "utf-8"
    assert doc.text == BODY


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_with_a_cut_end_is_read_and_counted(encoding):
    data = BODY.encode(encoding)[:-1]  # odd length: the last letter cut in half
    text, enc, replaced = decode_text(data)
    assert enc.startswith("utf-16") and replaced == 1
    assert text.startswith("وصل الرئيس الروسي") and text.endswith("\ufffd")


def test_windows_1256_is_not_mistaken_for_damaged_utf8():
    text, enc, replaced = decode_text(BODY.encode("cp1256"))
    assert (enc, replaced, text) == ("cp1256", 0, BODY)


def test_a_large_share_of_bad_bytes_is_refused():
    data = bytearray(BODY.encode("utf-8"))
    for i in range(0, len(data), 10):
        data[i] = 0xFF
    with pytest.raises(InputError, match="cannot decode"):
        decode_text(bytes(data))


def test_cli_warns_once_naming_the_file_and_count(tmp_path):
    p = tmp_path / "damaged.txt"
    data = ("عنوان الخبر\n\n" + BODY).encode("utf-8")
    p.write_bytes(data[:40] + b"\xff" + data[40:])
    r = subprocess.run(MARSAD + ["analyze", str(p), "--skip", "layout"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stderr.strip().splitlines() == [f"marsad: warning: {p}: 1 damaged byte replaced by U+FFFD (read as utf-8)"]
    out = json.loads(r.stdout)
    assert "بيونغ يانغ" in out["text"] and "\ufffd" in out["text"]


# --- JSON records of the wrong type -------------------------------------------------------------

def _records(lines: list) -> list:
    data = "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines).encode()
    return list(read_bytes(data, name="w.jsonl", kind="jsonl"))


def test_numbers_lists_and_nulls_are_coerced():
    docs = _records([
        {"id": 7, "title": 5, "text": BODY},
        {"id": 8.0, "title": "عنوان", "text": ["الفقرة الأولى عن الاقتصاد.", "الفقرة الثانية عن السياسة."],
         "author": None, "url": None},
        {"id": "c", "text": BODY, "author": [{"name": "سامح فواز"}, "منى الشابي"]},
    ])
    assert all(isinstance(d, RawDocument) for d in docs)
    assert (docs[0].id, docs[0].title) == ("7", "5")
    assert docs[1].id == "8" and docs[1].text == "الفقرة الأولى عن الاقتصاد.\n\nالفقرة الثانية عن السياسة."
    assert docs[1].author is None and docs[1].url is None
    assert docs[2].author == "سامح فواز، منى الشابي"


def test_unclear_types_are_reported_and_the_rest_still_read():
    docs = _records([
        {"id": 1, "text": 12},
        {"id": 2, "text": {"body": BODY}},
        '{"id": 3, "text": "مكسور',
        {"id": 4, "title": ["a", "b"], "text": BODY},
        {"id": 5, "text": BODY},
    ])
    bad = [d for d in docs if isinstance(d, BadRecord)]
    assert [b.where for b in bad] == ["w.jsonl:1", "w.jsonl:2", "w.jsonl:3", "w.jsonl:4"]
    assert all("\n" not in str(b) and str(b).startswith(b.where + ": ") for b in bad)
    assert "'text' is a number" in str(bad[0]) and "'title' is a list" in str(bad[3])
    assert [d.id for d in docs if isinstance(d, RawDocument)] == ["5"]


@pytest.mark.parametrize("field", ["published", "date", "pubDate", "published_at", "datePublished", "created_at",
                                   "date_extracted"])
def test_reference_time_field_names(field):
    (doc,) = _records([{"text": BODY, field: "2015-08-01 10:12:00"}, ])
    assert doc.published == "2015-08-01 10:12:00"


def test_published_wins_over_other_date_fields_and_epoch_numbers_are_read():
    (a, b) = _records([{"text": BODY, "date_extracted": "2015-08-02", "published": "2015-08-01"},
                       {"text": BODY, "created_at": 1718700960}])
    assert a.published == "2015-08-01"
    assert b.published == "2024-06-18T08:56:00+00:00"


def test_text_field_is_kept_whole():
    text = "\n\n".join(["عنوان"] + [BODY.strip()] * 3) + "\n"
    (doc,) = _records([{"text": text, "html": "<p>غير هذا</p>"}])
    assert doc.text == text


def test_damaged_jsonl_line_is_read_and_counted(tmp_path):
    p = tmp_path / "w.jsonl"
    good = json.dumps({"id": "a", "text": BODY}, ensure_ascii=False).encode()
    p.write_bytes(good + b"\n" + good.replace(b'"a"', b'"b"')[:30] + b"\xff" + good[30:] + b"\n" + good.replace(b'"a"', b'"c"') + b"\n")
    docs = list(read_path(p))
    assert [d.id for d in docs] == ["a", "b", "c"]
    assert [d.extra["decode_replaced"] for d in docs] == [0, 1, 0]


def test_cli_batch_goes_on_past_bad_records(tmp_path):
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": 7, "title": 5, "text": BODY}, {"id": 8, "text": 12}, {"id": 9, "text": BODY}]) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("عنوان\n\n" + BODY, encoding="utf-8")
    r = subprocess.run(MARSAD + ["analyze", str(tmp_path), "--skip", "layout"], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in r.stderr
    assert r.returncode == 1
    out = [json.loads(x) for x in r.stdout.splitlines()]
    assert [o["id"] for o in out[:2]] == ["7", "9"] and out[0]["title"] == "5"
    assert len(out) == 3 and out[2]["source"]["path"].endswith("b.txt")
    errors = [ln for ln in r.stderr.splitlines() if "a.jsonl:2" in ln]
    assert errors == [f"marsad: {tmp_path / 'a.jsonl'}:2: field 'text' is a number, not text"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16"])
@pytest.mark.parametrize("damage", ["insert", "delete"])
def test_utf16_shifted_by_one_byte_is_realigned(encoding, damage):
    body = "عنوان الخبر\n\n" + BODY * 20
    data = body.encode(encoding)
    for pos in random.Random(3).sample(range(2, len(data) - 2), 5):
        bad = data[:pos] + b"\xff" + data[pos:] if damage == "insert" else data[:pos] + data[pos + 1:]
        text, enc, replaced = decode_text(bad)
        assert enc.startswith("utf-16") and 1 <= replaced <= 2
        p = next(i for i, (a, b) in enumerate(zip(text, body)) if a != b)
        s = next(i for i, (a, b) in enumerate(zip(reversed(text), reversed(body))) if a != b)
        assert len(body) - p - s <= 2, (pos, text[p - 5: len(text) - s + 5])


def test_a_stray_nul_is_damage_not_a_binary_file(tmp_path):
    p = tmp_path / "nul.txt"
    data = ("عنوان الخبر\n\n" + BODY).encode("utf-8")
    p.write_bytes(data[:60] + b"\x00" + data[60:])
    (doc,) = list(read_path(p))
    assert "\x00" not in doc.text and doc.text.count("\ufffd") == 1 and doc.extra["decode_replaced"] == 1
    assert doc.text.replace("\ufffd", "") == data.decode("utf-8")
    p.write_bytes(data.replace(b" ", b"\x00"))  # every space a NUL: not a text file
    with pytest.raises(InputError, match="binary"):
        list(read_path(p))


def test_a_line_separator_inside_a_json_string_does_not_split_the_record():
    recs = [{"id": "a", "text": "الفقرة الأولى\u2028والثانية\u0085" + BODY}, {"id": "b", "text": BODY}]
    data = "\r\n".join(json.dumps(r, ensure_ascii=False) for r in recs).encode()
    docs = list(read_bytes(data, name="w.jsonl", kind="jsonl"))
    assert [d.id for d in docs] == ["a", "b"] and docs[0].text == recs[0]["text"]


def test_control_codes_escaped_in_a_json_string_are_replaced_and_counted(tmp_path):
    p = tmp_path / "w.jsonl"
    p.write_text(json.dumps({"id": "a\u0000", "text": "وصل\u0000 الرئيس\u001b إلى هانوي"}) + "\n", encoding="utf-8")
    (doc,) = list(read_path(p))
    assert doc.text == "وصل\ufffd الرئيس\ufffd إلى هانوي" and doc.id == "a\ufffd"
    assert doc.extra["decode_replaced"] == 3


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_damaged_near_its_start_is_still_utf16(encoding, tmp_path):
    body = "<DOC>\n<DOCNO>SK-1</DOCNO>\n<TITLE>عنوان الخبر</TITLE>\n<TEXT>\n" + BODY * 10 + "</TEXT>\n</DOC>\n"
    data = body.encode(encoding)
    p = tmp_path / "a.txt"
    p.write_bytes(data[:41] + b"\xff" + data[41:])
    (doc,) = list(read_path(p))
    assert doc.extra["encoding"] == encoding and 1 <= doc.extra["decode_replaced"] <= 2
    assert doc.format == "trec" and doc.title == "عنوان الخبر" and doc.text == (BODY * 10).strip().replace("\n", "\n\n")
