"""Ingest: streaming with workers, idempotent re-runs, bad inputs skipped, a kill -9 resumed to the exact count."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corpus_helpers import synthetic_records, write_jsonl
from marsad.corpus import Corpus

MARSAD = [sys.executable, "-m", "marsad.cli"]


def _texts(dirpath: Path) -> None:
    (dirpath / "one.txt").write_text("مجلس الوزراء يقر الموازنة\n\nالقاهرة - 3 يناير 2024\n\n"
                                     "أقر مجلس الوزراء المصري اليوم مشروع الموازنة العامة للدولة للعام المالي الجديد.",
                                     encoding="utf-8")
    (dirpath / "two.txt").write_text("افتتاح معرض الكتاب\n\nالرياض - 5 يناير 2024\n\n"
                                     "افتتح وزير الثقافة معرض الرياض الدولي للكتاب بمشاركة ألف دار نشر من ثلاثين دولة.",
                                     encoding="utf-8")
    (dirpath / "broken.bin").write_bytes(b"\x00\x01\x02\xff" * 50)


@pytest.mark.parametrize("workers", [1, 2])
def test_ingest_directory_then_reingest_changes_nothing(store_url, tmp_path, workers):
    src = tmp_path / "in"
    src.mkdir()
    _texts(src)
    write_jsonl(src / "wire.jsonl", synthetic_records(30))
    with Corpus(store_url) as c:
        rep = c.ingest([str(src)], workers=workers, batch_size=7)
        assert (rep.added, rep.failed) == (32, 1)
        assert "broken.bin" in rep.failures[0]
        before = c.stats()
        rep2 = c.ingest([str(src)], workers=workers)
        assert (rep2.added, rep2.skipped) == (0, 32)
        assert c.stats() == before
        assert [h.id for h in c.search("الموازنة")] and c.search("معرض الكتاب")[0].title == "افتتاح معرض الكتاب"


def _count(url: str) -> int:
    try:
        with Corpus(url) as c:
            return c.stats()["articles"]
    except Exception:
        return 0


def _consistent(url: str) -> None:
    with Corpus(url) as c:
        s = c.store
        n = s.one("SELECT count(*) FROM articles")[0]
        assert s.one("SELECT count(*) FROM signatures")[0] == n
        assert s.one("SELECT count(*) FROM article_entities WHERE article NOT IN (SELECT n FROM articles)")[0] == 0
        if hasattr(s, "path"):
            assert s.one("SELECT count(*) FROM article_fts")[0] == n
        else:
            assert s.one("SELECT count(*) FROM search_terms")[0] == n
            assert s.one("SELECT count(*) FROM articles WHERE n NOT IN (SELECT n FROM search_terms)")[0] == 0


def test_killed_ingest_resumes_to_the_exact_count(store_url, tmp_path):
    total = 400
    data = tmp_path / "wire.jsonl"
    write_jsonl(data, synthetic_records(total))
    cmd = MARSAD + ["ingest", str(data), "--db", store_url, "--workers", "1", "--batch", "5", "--quiet"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.time() + 60
    got = 0
    while time.time() < deadline and proc.poll() is None:
        got = _count(store_url)
        if got >= 20:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "ingest finished before it could be killed: " + proc.stderr.read().decode()[-500:]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _count(store_url)
    assert 0 < partial < total
    _consistent(store_url)
    done = subprocess.run(cmd + ["--format", "json"], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    rep = json.loads(done.stdout)
    assert rep["added"] == total - partial
    assert _count(store_url) == total
    _consistent(store_url)
    again = subprocess.run(cmd + ["--format", "json"], capture_output=True, text=True, env=env, timeout=300)
    assert json.loads(again.stdout)["added"] == 0 and _count(store_url) == total


@pytest.mark.parametrize("workers", [1, 2])
def test_options_reach_the_workers_whole(store_url, tmp_path, workers):
    """The run's Options travel to the pool workers: a skipped stage leaves no rows, the
    reference time dates an article without a dateline."""
    from marsad.corpus.ingest import ingest
    from marsad.options import Options

    src = tmp_path / "in"
    src.mkdir()
    (src / "nodate.txt").write_text("زيارة بوتين إلى بيونغ يانغ\n\nوصل الرئيس الروسي فلاديمير بوتين إلى "
                                    "بيونغ يانغ في زيارة رسمية يلتقي خلالها الزعيم الكوري الشمالي.", encoding="utf-8")
    _texts(src)
    opts = Options.checked("Africa/Cairo", "2024-06-18T10:00:00", ["entities,quotes"])
    with Corpus(store_url) as c:
        rep = ingest(c.store, [str(src)], workers=workers, options=opts)
        assert rep.added == 3
        assert c.stats()["entities"] == 0 and c.stats()["quotations"] == 0
        arts = {a.title: a for a in c.store.iter_articles()}
        assert arts["زيارة بوتين إلى بيونغ يانغ"].published.startswith("2024-06-18")
        assert arts["مجلس الوزراء يقر الموازنة"].published.startswith("2024-01-03")
        assert arts["مجلس الوزراء يقر الموازنة"].keywords  # the stages not skipped ran
