"""`marsad spark analyze` on a real Spark standalone cluster: a master and two one-core workers,
each its own JVM on 127.0.0.1 (ephemeral ports), stopped by PID at the end.

The workers' environment has no marsad (no PYTHONPATH, this venv's bin/ off PATH): the job
works only because it ships its packed environment (`marsad.spark.package`, built once per
package hash into the user cache, so the first run of these tests on a machine builds it).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
pytestmark = pytest.mark.spark  # `pytest -m "not spark"` leaves these out

from marsad.spark import job, package  # noqa: E402
from marsad.spark.parquet import read_articles  # noqa: E402
from marsad.spark.standalone import LocalCluster  # noqa: E402
from spark_helpers import ant_records  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MARSAD = [sys.executable, "-m", "marsad.cli"]
N_ARTICLES = 300
N_KILL = 2000
TABLES = ("articles", "errors", "duplicates", "stories", "entity_mentions_daily", "entity_cooccurrence",
          "quotes_by_speaker", "events_by_actor")
# modest JVMs: the machine running the tests has few cores and other work
CONF = {"spark.executor.memory": "512m", "spark.sql.shuffle.partitions": "4",
        "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
        "spark.executor.extraJavaOptions": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"}


def _env() -> dict:
    return {**os.environ, "SPARK_LOCAL_IP": "127.0.0.1"}


def _write(path: Path, recs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    return path


def _canon(article_json: str) -> str:
    return json.dumps(json.loads(article_json), ensure_ascii=False, sort_keys=True)


@pytest.fixture(scope="module")
def archive() -> str:
    return str(package.ensure_archive())  # reused from the cache when the package is unchanged


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    c = LocalCluster(workers=2, cores=1, memory="1g", workdir=str(tmp_path_factory.mktemp("standalone")))
    c.start()
    try:
        yield c
    finally:
        c.stop()
    assert all(p.poll() is not None for p in [c.master, *c.workers])


@pytest.fixture(scope="module")
def small_input(shared, tmp_path_factory) -> Path:
    recs = ant_records(shared, N_ARTICLES)
    assert len(recs) == N_ARTICLES
    return _write(tmp_path_factory.mktemp("cluster-in") / "ant.jsonl", recs)


@pytest.fixture(scope="module")
def cli_output(cluster, archive, small_input, tmp_path_factory):
    out = tmp_path_factory.mktemp("cluster-out") / "run"
    r = subprocess.run(MARSAD + ["spark", "analyze", "--input", str(small_input), "--output", str(out),
                                 "--master", cluster.url, "--partitions", "4"],
                       capture_output=True, text=True, cwd=ROOT, env=_env())
    assert r.returncode == 0, r.stderr[-3000:]
    return out, r.stderr


def test_two_worker_cluster_records_equal_marsad_analyze(cli_output, small_input, cluster):
    out, stderr = cli_output
    assert f"marsad: {N_ARTICLES} articles, 0 errors" in stderr.strip().splitlines()[-1]
    cli = subprocess.run(MARSAD + ["analyze", str(small_input)], capture_output=True, text=True, cwd=ROOT)
    assert cli.returncode == 0, cli.stderr[-2000:]
    expected = Counter(_canon(line) for line in cli.stdout.splitlines() if line.strip())
    got = Counter(_canon(a.to_json()) for a in read_articles(out))
    assert sum(expected.values()) == N_ARTICLES
    assert got == expected
    # both workers ran tasks of this application, each in the archive's Python
    for i in range(2):
        logs = list((cluster.workdir / f"worker-{i}").glob("app-*/*/stderr"))
        assert logs and any("Running task" in p.read_text(errors="replace") for p in logs), i
        assert list((cluster.workdir / f"worker-{i}").glob(f"app-*/*/{package.ENV_DIR}/bin/python"))


def test_executors_without_marsad_stop_the_job_with_one_line(cluster, small_input, tmp_path):
    bare = tmp_path / "bare"
    subprocess.run([sys._base_executable, "-m", "venv", "--without-pip", str(bare)], check=True)
    for python, says in [(str(bare / "bin" / "python"), "cannot import marsad (ModuleNotFoundError"),
                         (str(tmp_path / "no" / "python"), "cannot start Python")]:
        r = subprocess.run(MARSAD + ["spark", "analyze", "-i", str(small_input), "-o", str(tmp_path / "out"),
                                     "--master", cluster.url, "--executor-python", python],
                           capture_output=True, text=True, cwd=ROOT, env=_env())
        assert r.returncode == 1
        last = r.stderr.strip().splitlines()[-1]
        assert last.startswith("marsad: the executors") and says in last and python in last, r.stderr[-2000:]
        assert "Traceback" not in r.stderr and "\tat " not in r.stderr
        assert not (tmp_path / "out" / "articles").exists()


@pytest.fixture(scope="module")
def spark(cluster, archive):
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    s = job.session(cluster.url, app="marsad-cluster-tests", conf=CONF, archive=archive)
    yield s
    s.stop()


def _tables(spark, out: Path) -> dict:
    return {t: sorted(json.dumps(r.asDict(recursive=True), ensure_ascii=False, sort_keys=True, default=str)
                      for r in spark.read.parquet(str(out / t)).collect()) for t in TABLES}


def test_rerun_with_overwrite_gives_the_same_parquet(spark, small_input, tmp_path):
    out = tmp_path / "run"
    first = job.run(spark, [str(small_input)], str(out), partitions=4)
    before = _tables(spark, out)
    files = {p.relative_to(out) for p in out.rglob("*.parquet")}
    with pytest.raises(job.MarsadError, match="not empty"):
        job.run(spark, [str(small_input)], str(out), partitions=4)
    second = job.run(spark, [str(small_input)], str(out), partitions=4, overwrite=True)
    assert (first.articles, first.errors, first.duplicate_pairs, first.stories) == (
        second.articles, second.errors, second.duplicate_pairs, second.stories) == (N_ARTICLES, 0,
                                                                                    first.duplicate_pairs,
                                                                                    first.stories)
    assert _tables(spark, out) == before
    # the first run's files are gone, not mixed in
    assert not files & {p.relative_to(out) for p in out.rglob("*.parquet")}


def _executors(spark) -> int:
    return spark.sparkContext._jsc.sc().getExecutorMemoryStatus().size() - 1  # minus the driver


def test_killing_a_worker_during_the_job_loses_no_article(spark, cluster, shared, tmp_path):
    recs = ant_records(shared, N_KILL)
    ids = [r["id"] for r in recs]
    assert len(recs) == N_KILL == len(set(ids))
    src = _write(tmp_path / "ant2000.jsonl", recs)
    out = tmp_path / "run"
    partitions = 8
    box: dict = {}

    def run() -> None:
        try:
            box["summary"] = job.run(spark, [str(src)], str(out), partitions=partitions)
        except BaseException as e:  # noqa: BLE001 - re-raised below
            box["error"] = e

    assert _executors(spark) == 2
    t = threading.Thread(target=run)
    t.start()
    tracker = spark.sparkContext.statusTracker()
    killed_at = None
    deadline = time.monotonic() + 900
    while t.is_alive() and killed_at is None and time.monotonic() < deadline:
        for sid in tracker.getActiveStageIds():
            st = tracker.getStageInfo(sid)
            # the analysis stage: some of its tasks done, others running on both workers
            if st and st.numTasks == partitions and 1 <= st.numCompletedTasks < partitions - 2:
                cluster.kill_worker(0)
                killed_at = (st.numCompletedTasks, st.numActiveTasks)
                break
        time.sleep(0.2)
    t.join(1800)
    assert not t.is_alive()
    assert killed_at is not None, "the job ended before a worker could be killed"
    if "error" in box:
        raise box["error"]
    assert _executors(spark) == 1  # the dead worker's executor is gone; the other finished the job
    s = box["summary"]
    assert (s.articles, s.errors) == (N_KILL, 0)
    got = Counter(a.id for a in read_articles(out))
    assert set(got) == set(ids) and set(got.values()) == {1}  # every article exactly once
