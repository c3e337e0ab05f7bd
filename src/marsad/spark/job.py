"""The Spark job: list inputs, analyse per partition, write Parquet tables.

Output layout under DIR:
  articles/published_date=YYYY-MM-DD/*.parquet   the Article record as nested columns
  errors/*.parquet                               source, stage (read|analyze), reason
  duplicates/*.parquet                           id_a, id_b, similarity (MinHash LSH)
  stories/*.parquet                              id, story, size (near-duplicate groups)
  entity_mentions_daily/, entity_cooccurrence/, quotes_by_speaker/, events_by_actor/
"""
from __future__ import annotations

import os
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from typing import Iterable

from ..errors import MarsadError
from ..options import Options
from .schema import PARTITION_COLUMN, to_spark
from .worker import FILE, LINE, Analyze

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".jsonl.bz2")
PARQUET_SUFFIXES = (".parquet",)
_SKIP_SUFFIXES = (".pyc", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".md5", ".sha1", ".crc")


@dataclass
class Inputs:
    jsonl: list[str] = field(default_factory=list)
    parquet: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)  # Spark's file sources skip empty files silently

    def __len__(self) -> int:
        return len(self.jsonl) + len(self.parquet) + len(self.files) + len(self.empty)


@dataclass
class Summary:
    articles: int = 0
    errors: int = 0
    duplicate_pairs: int = 0
    stories: int = 0
    seconds: dict = field(default_factory=dict)  # wall time of each step


def session(master: str | None = None, app: str = "marsad", conf: dict | None = None, *,
            archive: str | None = None, executor_python: str | None = None, check: bool = True):
    """A SparkSession (local mode when no master is set and none is configured).

    On a cluster the executors need marsad: `archive` (a packed environment, see
    `marsad.spark.package`) is shipped as `spark.archives` and its Python runs the tasks, or
    `executor_python` names a Python on the nodes that has marsad. With `check`, one tiny
    task first asks an executor whether it can run marsad (`check_executors`)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise MarsadError("marsad spark needs pyspark: pip install 'marsad[spark]' (and Java 17+)") from None
    _check_java()
    check_master(master)
    local = is_local(master)
    python = None  # the executors' Python, when this session chooses it
    if local:
        # local workers must run this Python, the one that has marsad installed
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # no network needed, no hostname warning
        python = os.environ["PYSPARK_PYTHON"]
    b = SparkSession.builder.appName(app)
    if master:
        b = b.master(master)
    elif "PYSPARK_GATEWAY_PORT" not in os.environ and "MASTER" not in os.environ:
        # not under spark-submit (which sets the master): run on this machine's cores
        b = b.master("local[*]")
    settings = {"spark.ui.showConsoleProgress": "false", "spark.sql.session.timeZone": "UTC"}
    if local:
        # a laptop has a few cores: 200 shuffle partitions would be 200 tiny tasks per aggregate
        settings["spark.sql.shuffle.partitions"] = str(max(4, (os.cpu_count() or 2) * 2))
        settings["spark.ui.enabled"] = "false"
    else:
        python = _ship(settings, archive, executor_python)
    for k, v in {**settings, **(conf or {})}.items():
        b = b.config(k, v)
    saved = os.environ.get("PYSPARK_PYTHON")
    if python:
        os.environ["PYSPARK_PYTHON"] = python  # SparkContext reads the workers' Python from here
    try:
        spark = b.getOrCreate()
    except Exception as e:  # no Java, wrong Java, port trouble: one line, not a JVM trace
        raise MarsadError(_start_failure(e)) from None
    finally:
        if python and not local:  # a later local session in this process runs this Python again
            if saved is None:
                os.environ.pop("PYSPARK_PYTHON", None)
            else:
                os.environ["PYSPARK_PYTHON"] = saved
    spark.sparkContext.setLogLevel("WARN")
    if check and not spark.sparkContext.master.startswith("local"):
        try:
            check_executors(spark, archive=archive, executor_python=executor_python)
        except BaseException:
            spark.stop()
            raise
    return spark


def _start_failure(e: BaseException) -> str:
    msg = str(e).splitlines()[0] if str(e) else type(e).__name__
    if "JAVA" in msg.upper():
        msg += " (Spark needs Java 17+: install a JRE, e.g. Debian's default-jre-headless, or set JAVA_HOME)"
    return f"cannot start Spark: {msg}"


def check_master(master: str | None) -> None:
    """A standalone master that nothing answers for fails in a second, not after a minute of JVM traces."""
    if not master or not master.startswith("spark://"):
        return
    import socket

    for hostport in master[len("spark://"):].split(","):  # several masters with ZooKeeper
        host, _, port = hostport.rpartition(":")
        try:
            socket.create_connection((host, int(port)), timeout=5).close()
            return
        except (OSError, ValueError):
            continue
    raise MarsadError(f"cannot reach the Spark master {master}: nothing answers there "
                      "(check the URL and that the master is up)")


def _check_java() -> None:
    java_home = os.environ.get("JAVA_HOME")
    java = os.path.join(java_home, "bin", "java") if java_home else shutil.which("java")
    if not java or not os.path.exists(java):
        where = f"JAVA_HOME={java_home} has no bin/java" if java_home else "no `java` on PATH"
        raise MarsadError(f"Spark needs Java 17+ ({where}): install a JRE, e.g. Debian's default-jre-headless")


def _ship(settings: dict, archive: str | None, executor_python: str | None) -> str | None:
    """Settings that give the executors marsad; returns their Python (None: Spark's default)."""
    python = executor_python
    if archive:
        from .package import ENV_DIR, EXECUTOR_PYTHON

        settings["spark.archives"] = f"{os.path.abspath(archive) if '://' not in archive else archive}#{ENV_DIR}"
        python = EXECUTOR_PYTHON
    if python:
        settings["spark.pyspark.python"] = python
    return python


def is_local(master: str | None) -> bool:
    """True when the job runs in this process's JVM (local mode), never on a cluster."""
    return (master or ("local" if "PYSPARK_GATEWAY_PORT" not in os.environ and "MASTER" not in os.environ
                       else "")).startswith("local")


PROBE_TIMEOUT = float(os.environ.get("MARSAD_SPARK_PROBE_TIMEOUT", "180"))


def check_executors(spark, *, archive: str | None = None, executor_python: str | None = None,
                    timeout: float | None = None) -> dict:
    """Run one task that imports marsad on an executor; MarsadError (one line) if it cannot.

    Catches what would otherwise fail every task of the job with a traceback: no marsad on
    the executors, a Python that cannot start, another Python version, another marsad."""
    import threading

    from pyspark import cloudpickle

    from . import probe
    from .package import package_hash

    sc = spark.sparkContext
    python = sc.pythonExec
    fix = _fix_hint(python, archive, executor_python)
    cloudpickle.register_pickle_by_value(probe)  # the probe must run where marsad is missing
    group = "marsad-probe"
    box: dict = {}

    def ask() -> None:
        sc.setJobGroup(group, "marsad: can the executors run marsad?", True)
        try:
            box["reports"] = sc.parallelize([0], 1).mapPartitions(probe.executor_report).collect()
        except Exception as e:  # noqa: BLE001 - explained below in one line
            box["error"] = e

    t = threading.Thread(target=ask, name="marsad-probe", daemon=True)
    sc.setLogLevel("OFF")  # the failed attempts' JVM traces: what they say is explained below in one line
    try:
        t.start()
        t.join(timeout or PROBE_TIMEOUT)
    finally:
        sc.setLogLevel("WARN")
    if t.is_alive():
        sc.cancelJobGroup(group)
        t.join(30)
        raise MarsadError(f"no executor ran a task within {timeout or PROBE_TIMEOUT:.0f} s on {sc.master}: check "
                          "that workers are registered and free, with the cores and memory the job asks "
                          "(spark.executor.cores, spark.executor.memory)")
    if "error" in box:
        if sc._jsc.sc().isStopped():
            raise MarsadError(f"Spark gave up on the master {sc.master}: it did not answer or refused the "
                              "application (check the URL and that the master is up)") from None
        raise MarsadError(_probe_failure(box["error"], python, fix)) from None
    report = box["reports"][0]
    why = probe.problem(report, "%d.%d.%d" % sys.version_info[:3], package_hash() if archive else None,
                        python, fix)
    if why:
        raise MarsadError(why)
    return report


def _fix_hint(python: str, archive: str | None, executor_python: str | None) -> str:
    """How to give the executors marsad, for the way this session tried to."""
    import marsad

    if archive:
        return (f"the archive {archive} must unpack to a working {python}: venv-pack links it to "
                f"{sys._base_executable}, which every node needs at that path (or install marsad on the nodes "
                "and pass --executor-python)")
    if executor_python:
        return (f"install marsad {marsad.__version__} into {executor_python} on every node, or leave out "
                "--executor-python so that marsad ships itself as a packed environment")
    return ("ship marsad with the job: `marsad spark analyze --master URL` does it, or spark-submit "
            "--archives \"$(marsad spark package)#marsad_env\" --conf spark.pyspark.python=./marsad_env/bin/python")


def _probe_failure(e: BaseException, python: str, fix: str) -> str:
    text = str(e)
    m = re.search(r'Cannot run program "([^"]*)"', text)
    if m:
        err = re.search(r"error=\d+, ([^\n)]+)", text)
        return f"the executors cannot start Python {m.group(1)} ({err.group(1) if err else 'cannot run'}): {fix}"
    if "PYTHON_VERSION_MISMATCH" in text or "different version" in text:
        line = next((ln for ln in text.splitlines() if "version" in ln and "worker" in ln), "")
        return f"the executors' Python {python} is another Python version ({line.strip()[:200]}): {fix}"
    return f"the executors' Python {python} cannot run marsad ({failure_line(e)}): {fix}"


def failure_line(e: BaseException) -> str:
    """The one line that says why a Spark job failed (the Python error, else the Java cause)."""
    text = str(e)
    py = re.findall(r"^\s*(?:[\w.]+\.)?(\w*(?:Error|Exception)): (.+)$", text, re.M)
    skip = ("Py4JJavaError", "SparkException", "PythonException", "org")
    for name, msg in py:
        if name not in skip and not msg.startswith(("An error occurred while calling", "Job aborted")):
            return f"{name}: {msg.strip()[:300]}"
    m = re.search(r"Job aborted due to stage failure: ([^\n]+)", text)
    if m:
        return m.group(1).strip()[:300]
    return (text.strip().splitlines() or [type(e).__name__])[0][:300]


# -- inputs ---------------------------------------------------------------------

def list_inputs(spark, paths: Iterable[str]) -> Inputs:
    """Files named or under directories named, on any Hadoop file system (globs allowed)."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    out = Inputs()
    for p in paths:
        hp = jvm.org.apache.hadoop.fs.Path(p)
        try:
            fs = hp.getFileSystem(conf)
            statuses = fs.globStatus(hp)
        except Exception as e:
            raise MarsadError(f"{p}: cannot open ({str(e).splitlines()[0][:160]})") from None
        if not statuses:
            raise MarsadError(f"{p}: no such file or directory")
        for st in statuses:
            for f, size in _walk(fs, st):
                name = f.rsplit("/", 1)[-1].lower()
                if name.startswith((".", "_")) or name.endswith(_SKIP_SUFFIXES):
                    continue
                if size == 0:
                    out.empty.append(f)
                elif name.endswith(JSONL_SUFFIXES):
                    out.jsonl.append(f)
                elif name.endswith(PARQUET_SUFFIXES):
                    out.parquet.append(f)
                else:
                    out.files.append(f)
    if not len(out):
        raise MarsadError("no input files found under " + ", ".join(paths))
    return out


def _walk(fs, status):
    if not status.isDirectory():
        yield status.getPath().toString(), status.getLen()
        return
    it = fs.listFiles(status.getPath(), True)
    while it.hasNext():
        st = it.next()
        # hidden directories (.git, _temporary) are skipped like hidden files
        rel = st.getPath().toString()[len(status.getPath().toString()):]
        if any(part.startswith((".", "_")) for part in rel.split("/") if part):
            continue
        yield st.getPath().toString(), st.getLen()


RAW_SCHEMA = "kind string, source string, text string, data binary"


def load_inputs(spark, inputs: Inputs):
    """One DataFrame of raw rows (kind, source, text, data) over every input."""
    from pyspark.sql import functions as F

    parts = []
    if inputs.jsonl:
        parts.append(
            spark.read.text(inputs.jsonl).select(
                F.lit(LINE).alias("kind"), F.col("_metadata.file_path").alias("source"),
                F.col("value").alias("text"), F.lit(None).cast("binary").alias("data"))
        )
    if inputs.parquet:
        # Parquet of raw records ({id, url, title, text, ...}) reads like JSON Lines
        df = spark.read.parquet(*inputs.parquet)
        parts.append(
            df.select(
                F.lit(LINE).alias("kind"), F.col("_metadata.file_path").alias("source"),
                F.to_json(F.struct(*[F.col(c) for c in df.columns])).alias("text"),
                F.lit(None).cast("binary").alias("data"))
        )
    if inputs.files:
        parts.append(
            spark.read.format("binaryFile").load(inputs.files).select(
                F.lit(FILE).alias("kind"), F.col("path").alias("source"),
                F.lit(None).cast("string").alias("text"), F.col("content").alias("data"))
        )
    if inputs.empty:
        # reported by the worker as `marsad analyze` reports them ("empty")
        parts.append(spark.createDataFrame([(FILE, f, None, b"") for f in inputs.empty], RAW_SCHEMA))
    df = parts[0]
    for p in parts[1:]:
        df = df.unionByName(p)
    return df


# -- analysis -------------------------------------------------------------------

def result_schema():
    from pyspark.sql import types as T

    return T.StructType([
        T.StructField("article", to_spark(), True),
        T.StructField(PARTITION_COLUMN, T.StringType(), True),
        T.StructField("shingles", T.ArrayType(T.StringType()), True),
        T.StructField("error", T.StructType([
            T.StructField("source", T.StringType(), True),
            T.StructField("stage", T.StringType(), True),
            T.StructField("reason", T.StringType(), True),
        ]), True),
    ])


def analyse(spark, raw_df, partitions: int | None = None, options: Options | None = None):
    """The result DataFrame (article | error per record), computed by `analyze` per partition."""
    n = partitions or max(2, spark.sparkContext.defaultParallelism * 4)
    if partitions or raw_df.rdd.getNumPartitions() < n:
        raw_df = raw_df.repartition(n)
    fn = Analyze(options)
    rdd = raw_df.rdd.mapPartitions(fn)
    return spark.createDataFrame(rdd, result_schema(), verifySchema=False)


def articles_frame(result):
    from pyspark.sql import functions as F

    return result.where(F.col("article").isNotNull()).select("article.*", PARTITION_COLUMN)


def run(spark, paths: list[str], output: str, *, partitions: int | None = None, options: Options | None = None,
        dedup_threshold: float | None = None, overwrite: bool = False) -> Summary:
    """The whole job; returns counts. Tables are written under `output`; `options` were checked
    where they entered (`Options.checked`)."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from . import aggregates, dedup

    _check_output(spark, output, overwrite)
    s = Summary()
    clock = [time.perf_counter()]

    def lap(step: str) -> None:
        now = time.perf_counter()
        s.seconds[step] = round(now - clock[0], 2)
        clock[0] = now

    inputs = list_inputs(spark, paths)
    result = analyse(spark, load_inputs(spark, inputs), partitions, options)
    # analysed once, read by every table below
    result = result.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        mode = "overwrite"
        # the first action computes every record once and fills the cache
        counts = result.select(F.count(F.col("article")).alias("a"), F.count(F.col("error")).alias("e")).first()
        s.articles, s.errors = counts["a"], counts["e"]
        lap("analyze")
        arts = articles_frame(result)
        arts.write.mode(mode).partitionBy(PARTITION_COLUMN).parquet(_join(output, "articles"))
        errors = result.where(F.col("error").isNotNull()).select("error.*")
        # repartition, not coalesce: coalesce(1) would scan the whole cache in one task
        errors.repartition(1).write.mode(mode).parquet(_join(output, "errors"))
        lap("write")

        pairs, stories = dedup.near_duplicates(
            result.where(F.col("article").isNotNull()).select(F.col("article.id").alias("id"), "shingles"),
            threshold=dedup_threshold,
        )
        pairs.coalesce(1).write.mode(mode).parquet(_join(output, "duplicates"))
        stories.coalesce(1).write.mode(mode).parquet(_join(output, "stories"))
        s.duplicate_pairs = pairs.count()
        s.stories = stories.select("story").distinct().count()
        lap("dedup")

        # only the columns the aggregates read, from the cache
        slim = arts.select("id", PARTITION_COLUMN, "entities", "quotes", "events")
        for name, df in aggregates.tables(slim).items():
            df.write.mode(mode).parquet(_join(output, name))  # adaptive execution merges small outputs
        lap("aggregates")
        return s
    finally:
        result.unpersist()


def _join(base: str, name: str) -> str:
    return base.rstrip("/") + "/" + name


def _check_output(spark, output: str, overwrite: bool) -> None:
    jvm = spark.sparkContext._jvm
    hp = jvm.org.apache.hadoop.fs.Path(output)
    fs = hp.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    if fs.exists(hp):
        if not fs.getFileStatus(hp).isDirectory():
            raise MarsadError(f"--output {output}: exists and is not a directory")
        if fs.listStatus(hp) and not overwrite:
            raise MarsadError(f"--output {output}: directory is not empty (use --overwrite to replace it)")
