"""`marsad analyze` end to end: outputs, formats and bad input (never a traceback)."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "marsad" / "examples"
MARSAD = [sys.executable, "-m", "marsad.cli"]


def run(*args, stdin=None):
    p = subprocess.run(MARSAD + list(args), capture_output=True, text=True, input=stdin, timeout=120)
    assert "Traceback" not in p.stderr, p.stderr
    return p


def test_single_file_prints_one_json_document():
    p = run("analyze", str(EXAMPLES / "egypt-gaza-talks.txt"), "--tz", "Africa/Cairo", "--skip", "layout")
    assert p.returncode == 0
    doc = json.loads(p.stdout)
    assert doc["schema"] == 1 and doc["published"] == "2024-03-10T15:15:00+02:00"
    assert doc["source"]["path"].endswith("egypt-gaza-talks.txt")


def test_directory_prints_json_lines_with_paths_and_ids():
    p = run("analyze", str(EXAMPLES), "--skip", "layout")
    assert p.returncode == 0, p.stderr
    docs = [json.loads(line) for line in p.stdout.splitlines()]
    assert len(docs) >= 10
    assert all(d["source"]["path"] for d in docs)
    assert {"wire-0001", "wire-0002", "wire-0003"} <= {d["id"] for d in docs}


def test_jsonl_input_prints_jsonl():
    p = run("analyze", str(EXAMPLES / "wire.jsonl"), "--skip", "layout")
    assert [json.loads(x)["id"] for x in p.stdout.splitlines()] == ["wire-0001", "wire-0002", "wire-0003"]


def test_text_report():
    p = run("analyze", str(EXAMPLES / "lebanon-ceasefire.txt"), "--format", "text", "--skip", "layout")
    assert p.returncode == 0 and "تصاعد التوتر" in p.stdout and "sections" in p.stdout


def test_stdin():
    p = run("analyze", "-", "--skip", "layout", stdin="عنوان الخبر\n\nقال الوزير إن المحادثات مستمرة.\n")
    assert json.loads(p.stdout)["title"] == "عنوان الخبر"


@pytest.mark.parametrize("content,message", [
    (b"", "empty"),
    (b"\x00\x01\x02\x03\xff\xfe\x00" * 500, "binary"),
    ("Le président a déclaré à la télévision qu'il était prêt. ".encode("latin-1") * 5, "cannot decode"),
])
def test_bad_single_input_one_line_error(tmp_path, content, message):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    p = run("analyze", str(f))
    assert p.returncode != 0
    assert p.stdout == ""
    assert len(p.stderr.strip().splitlines()) == 1 and message in p.stderr


def test_unreadable_and_missing_paths(tmp_path):
    p = run("analyze", str(tmp_path / "nope.txt"))
    assert p.returncode != 0 and "no such file" in p.stderr
    f = tmp_path / "locked.txt"
    f.write_text("نص", encoding="utf-8")
    f.chmod(0)
    if os.geteuid() != 0:  # root reads anything
        p = run("analyze", str(f))
        assert p.returncode != 0 and "permission denied" in p.stderr


def test_huge_file_is_refused_cleanly(tmp_path):
    f = tmp_path / "huge.txt"
    line = ("قال المتحدث إن المحادثات مستمرة بين الطرفين. " * 20 + "\n").encode("utf-8")
    with open(f, "wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    p = run("analyze", str(f))
    assert p.returncode != 0 and "too large" in p.stderr


def test_truncated_html_is_analysed_or_refused_cleanly(tmp_path):
    html = (EXAMPLES / "sudan-aid.html").read_text(encoding="utf-8")
    f = tmp_path / "cut.html"
    f.write_text(html[: len(html) // 2], encoding="utf-8")
    p = run("analyze", str(f), "--skip", "layout")
    if p.returncode == 0:
        assert "برنامج الأغذية العالمي" in json.loads(p.stdout)["text"]
    else:
        assert len(p.stderr.strip().splitlines()) == 1


def test_non_arabic_text_says_so(tmp_path):
    f = tmp_path / "en.txt"
    f.write_text("Headline\n\nThe minister said on Tuesday that talks would resume next week in Geneva.\n", encoding="utf-8")
    p = run("analyze", str(f))
    assert p.returncode == 0 and json.loads(p.stdout)["language"] == "en"


def test_batch_reports_bad_inputs_and_analyses_the_rest(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("عنوان\n\nقال الوزير إن المحادثات مستمرة.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    p = run("analyze", str(good), str(empty), str(tmp_path / "missing.txt"), "--skip", "layout")
    assert p.returncode != 0
    assert len(p.stdout.splitlines()) == 1
    assert "empty" in p.stderr and "no such file" in p.stderr


def test_bad_options():
    p = run("analyze", str(EXAMPLES / "morocco-rain.txt"), "--tz", "Mars/Olympus")
    assert p.returncode != 0 and "unknown time zone" in p.stderr
    p = run("analyze", str(EXAMPLES / "morocco-rain.txt"), "--skip", "nonsense")
    assert p.returncode != 0 and "unknown stage" in p.stderr
    p = run("analyze", str(EXAMPLES / "morocco-rain.txt"), "--published", "yesterday-ish")
    assert p.returncode != 0 and "--published" in p.stderr


def test_seed_layout_block(shared):
    """Acceptance: the seed gives exactly the layout block of expected.json."""
    gold = json.loads((shared / "fixtures/seed/expected.json").read_text(encoding="utf-8"))["layout"]
    p = run("analyze", str(shared / "fixtures/seed/article.txt"), "--tz", "Africa/Cairo", "--skip", "layout")
    doc = json.loads(p.stdout)
    assert doc["title"] == gold["title"]
    assert doc["image_caption"] == gold["image_caption"]
    assert doc["author"] == gold["author"]
    assert doc["published"] == gold["published_with_tz_Africa_Cairo"]
    assert [(s["heading"], len(s["paragraphs"])) for s in doc["sections"]] == [(s["heading"], s["paragraphs"]) for s in gold["sections"]]
    assert sum(len(s["paragraphs"]) for s in doc["sections"]) == 26
    assert doc["text"].startswith(gold["first_paragraph_starts"])
    assert doc["sections"][-1]["paragraphs"][-1].startswith(gold["last_paragraph_starts"])
    for bad in gold["not_in_body"]:
        assert bad not in doc["text"]


def test_html_fixtures(shared):
    """Acceptance: the two HTML pages give the expected title, body start and no listed boilerplate."""
    base = shared / "data/arabic-html-fixtures"
    meta = json.loads((base / "newspaper4k/arabic_article.metadata.json").read_text(encoding="utf-8"))
    body = (base / "newspaper4k/arabic_article.txt").read_text(encoding="utf-8")
    doc = json.loads(run("analyze", str(base / "newspaper4k/arabic_article.html"), "--skip", "layout").stdout)
    assert doc["title"] == meta["title"]
    assert doc["text"][:120] == body[:120]
    assert "الآراء الواردة أدناه" not in doc["text"]
    exp = next(iter(json.loads((base / "trafilatura/assabah.com.tn.article.expected.json").read_text(encoding="utf-8")).values()))
    doc = json.loads(run("analyze", str(base / "trafilatura" / exp["file"]), "--skip", "layout").stdout)
    assert doc["title"] == " ".join(exp["title"].split())
    for w in exp["with"]:
        assert w in doc["text"]
    for w in exp["without"]:
        assert w not in doc["text"]
    # the description is the byline followed by the lede: the body starts with the lede
    lede = exp["description"].split(doc["author"], 1)[1].strip()[:40]
    assert doc["text"].startswith(lede)


def test_demo_never_overwrites_a_store_with_other_articles(tmp_path):
    db = tmp_path / "mine.db"
    f = tmp_path / "a.txt"
    f.write_text("خبر خاص بي\n\nقال الوزير إن المحادثات مستمرة بين الطرفين.\n", encoding="utf-8")
    assert run("ingest", str(f), "--db", str(db)).returncode == 0
    p = run("demo", "--db", str(db))
    assert p.returncode != 0 and "not overwriting" in p.stderr
    assert json.loads(run("stats", "--db", str(db), "--format", "json").stdout)["articles"] == 1
