"""The executors' environment and the one-line checks, without Spark: package hash and cache
key, the probe's verdicts, and how a failed Spark job's text becomes one line."""
from __future__ import annotations

import sys

from marsad.spark import job, package, probe


def test_package_hash_follows_file_names_and_bytes_not_caches(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "models").mkdir(parents=True)
    (pkg / "a.py").write_text("x = 1\n")
    (pkg / "models" / "m.bin").write_bytes(b"\x00\x01")
    h = package.package_hash(pkg)
    (pkg / "__pycache__").mkdir()
    (pkg / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"cache")
    (pkg / "b.pyc").write_bytes(b"cache")
    assert package.package_hash(pkg) == h
    (pkg / "models" / "m.bin").write_bytes(b"\x00\x02")
    assert package.package_hash(pkg) != h
    (pkg / "models" / "m.bin").write_bytes(b"\x00\x01")
    (pkg / "models" / "m.bin").rename(pkg / "models" / "n.bin")
    assert package.package_hash(pkg) != h


def test_the_archive_name_changes_with_the_package_and_the_pins(monkeypatch, tmp_path):
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path))
    first = package.archive_path()
    assert first.parent == tmp_path / "spark" and first.name.startswith("marsad-env-")
    assert package.archive_path() == first  # stable while nothing changes
    monkeypatch.setattr(package, "package_hash", lambda pkg=None: "another")
    assert package.archive_path() != first
    monkeypatch.undo()
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(package, "constraints", lambda: "numpy==1.0\n")
    assert package.archive_path() != first


def test_constraints_are_the_lock_of_the_source_tree():
    root = package.source_tree()
    assert root is not None and (root / "requirements.lock").read_text(encoding="utf-8") == package.constraints()
    assert "venv-pack==0.2.0" in package.constraints().splitlines()  # what the build installs
    assert package.VENV_PACK == "venv-pack==0.2.0"


def test_prune_keeps_the_newest_archives(tmp_path):
    import os

    paths = []
    for i in range(4):
        p = tmp_path / f"marsad-env-0.1.0-py311-{i:016d}.tar.gz"
        p.write_bytes(b"x")
        os.utime(p, (1000 + i, 1000 + i))
        paths.append(p)
    package.prune(tmp_path, keep=paths[0], count=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([paths[0].name, paths[3].name])


def test_the_probe_here_reports_this_python_and_marsad():
    import marsad

    (report,) = probe.executor_report(iter([0]))
    assert report["python"] == sys.executable and report["marsad"] == marsad.__version__
    assert "error" not in report and "hash" not in report  # not inside a packed environment


def test_the_probe_verdicts_are_one_line():
    v = "%d.%d.%d" % sys.version_info[:3]
    fix = "FIX"
    ok = {"python": "/p", "version": v, "host": "n1", "marsad": "0.1.0", "hash": "abc"}
    assert probe.problem(ok, v, "abc", "./marsad_env/bin/python", fix) is None
    assert probe.problem({**ok, "hash": None}, v, "abc", "py", fix) is None  # an archive made by hand
    missing = probe.problem({**ok, "error": "ModuleNotFoundError: No module named 'marsad'"}, v, None, "python3", fix)
    assert missing.startswith("the executors' Python (python3 on n1) cannot import marsad") and missing.endswith(fix)
    other = probe.problem({**ok, "version": "3.9.2"}, v, None, "python3", fix)
    assert "is Python 3.9.2" in other and fix in other
    stale = probe.problem({**ok, "hash": "def"}, v, "abc", "./marsad_env/bin/python", fix)
    assert "another marsad" in stale and "marsad spark package" in stale
    assert all("\n" not in s for s in (missing, other, stale))


JAVA_FAILURE = """An error occurred while calling z:org.apache.spark.api.python.PythonRDD.collectAndServe.
: org.apache.spark.SparkException: Job aborted due to stage failure: Task 0 in stage 0.0 failed 4 times, most recent failure: Lost task 0.3 in stage 0.0 (TID 3) (127.0.0.1 executor 1): java.io.IOException: Cannot run program "/opt/py/bin/python": error=2, No such file or directory
\tat java.base/java.lang.ProcessBuilder.start(ProcessBuilder.java:1143)
Caused by: java.io.IOException: error=2, No such file or directory
"""

PYTHON_FAILURE = """An error occurred while calling o123.collectAndServe.
: org.apache.spark.SparkException: Job aborted due to stage failure: Task 2 in stage 3.0 failed 4 times
org.apache.spark.api.python.PythonException: Traceback (most recent call last):
  File "/w/pyspark.zip/pyspark/worker.py", line 1, in main
MemoryError: cannot allocate 12 GB
"""


def test_spark_failures_become_one_line():
    line = job._probe_failure(Exception(JAVA_FAILURE), "/opt/py/bin/python", "FIX")
    assert line == "the executors cannot start Python /opt/py/bin/python (No such file or directory): FIX"
    assert job.failure_line(Exception(PYTHON_FAILURE)) == "MemoryError: cannot allocate 12 GB"
    java = job.failure_line(Exception(JAVA_FAILURE))
    assert java.startswith("Task 0 in stage 0.0 failed 4 times") and "Cannot run program" in java
    lost = "An error occurred while calling o9.parquet.\n: Job aborted due to stage failure: Task 1 lost 4 times\n"
    assert job.failure_line(Exception(lost)) == "Task 1 lost 4 times"
    assert "\n" not in job.failure_line(Exception("x\ny"))


def test_the_build_sees_no_marsad_but_the_one_it_installs(monkeypatch):
    # PYTHONPATH=src (how the tests and a checkout run) made pip skip the wheel as "already installed"
    monkeypatch.setenv("PYTHONPATH", "/somewhere/src")
    monkeypatch.setenv("PYSPARK_PYTHON", "./marsad_env/bin/python")
    env = package._clean_env()
    assert "PYTHONPATH" not in env and "PYSPARK_PYTHON" not in env and env["PATH"] == __import__("os").environ["PATH"]


def test_a_standalone_master_nobody_answers_for_is_one_line_before_anything_is_built(monkeypatch, capsys, tmp_path):
    import socket

    import pytest

    from marsad.cli import main
    from marsad.errors import MarsadError

    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there now
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        job.check_master(f"spark://127.0.0.1:{port},127.0.0.1:{listening.getsockname()[1]}")  # one answers
    with pytest.raises(MarsadError, match="cannot reach the Spark master"):
        job.check_master(f"spark://127.0.0.1:{port}")

    def no_build(*a, **k):
        raise AssertionError("no archive is built for a master nobody answers for")

    monkeypatch.setattr(package, "ensure_archive", no_build)
    (tmp_path / "in.jsonl").write_text('{"text": "نص"}\n')
    assert main(["spark", "analyze", "-i", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "o"),
                 "--master", f"spark://127.0.0.1:{port}"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("marsad: cannot reach the Spark master") and err.count("\n") == 1
