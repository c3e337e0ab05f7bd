"""`marsad spark analyze`: the same analysis as `marsad analyze`, on a Spark cluster, to Parquet."""
from __future__ import annotations

import argparse
import os
import sys

from ..annotate.pipeline import STAGE_NAMES
from ..errors import MarsadError
from ..options import add_time_policy


def register(sub) -> None:
    p = sub.add_parser("spark", help="run marsad on Apache Spark (analyze many articles to Parquet)")
    ssub = p.add_subparsers(dest="spark_command", metavar="COMMAND")
    ssub.required = True
    a = ssub.add_parser(
        "analyze", help="analyse JSON Lines, WARC, Parquet records and folders of scrapes; write Parquet tables",
        description="Analyse every record with the same analyze() as `marsad analyze` and write Parquet: "
                    "articles (partitioned by published_date), errors, duplicates, stories and aggregates.")
    a.add_argument("--input", "-i", nargs="+", action="extend", required=True, metavar="PATH",
                   help="files, directories or globs; local paths or Hadoop URIs (hdfs://, s3a://, ...)")
    a.add_argument("--output", "-o", required=True, metavar="DIR", help="output directory (local or Hadoop URI)")
    a.add_argument("--master", metavar="URL", help="Spark master (default: spark-submit's, else local[*])")
    a.add_argument("--partitions", type=int, metavar="N", help="analysis partitions (default: 4 per core)")
    a.add_argument("--tz", metavar="ZONE", help="IANA time zone for datelines without an offset")
    a.add_argument("--published", metavar="ISO", help="reference time when a document has no dateline")
    add_time_policy(a)
    a.add_argument("--skip", action="append", default=[], metavar="NAME",
                   help=f"leave out an annotation stage ({', '.join(STAGE_NAMES)})")
    a.add_argument("--dedup-threshold", type=float, default=None, metavar="J",
                   help="shingle Jaccard similarity for near-duplicates (default: marsad.dedup.THRESHOLD, "
                        "as the single-machine detector)")
    a.add_argument("--overwrite", action="store_true", help="replace a non-empty output directory")
    ship = a.add_mutually_exclusive_group()
    ship.add_argument("--archive", metavar="FILE",
                      help="on a cluster: ship this packed environment (from `marsad spark package`) instead of "
                           "the cached one (default: built once per package version and shipped)")
    ship.add_argument("--executor-python", metavar="PATH",
                      help="on a cluster: the executors' own Python, which has marsad installed (ship nothing)")
    a.set_defaults(func=run_analyze)
    k = ssub.add_parser(
        "package", help="write the packed Python environment executors run marsad in (for spark-submit)",
        description="Build (or reuse from the cache) a venv-pack archive of marsad and its pinned dependencies, "
                    "for spark.archives. Prints its path.")
    k.add_argument("--output", "-o", metavar="FILE", help="copy the archive here (default: print the cached path)")
    k.set_defaults(func=run_package)


def run_analyze(args: argparse.Namespace) -> int:
    from ..options import Options

    # `layout` is no Spark stage: the job writes annotated Articles
    options = Options.checked(args.tz, args.published, args.skip, layout_only=False, time_policy=args.time_policy)
    if args.partitions is not None and args.partitions < 1:
        raise MarsadError("--partitions must be at least 1")
    if args.dedup_threshold is not None and not 0 < args.dedup_threshold <= 1:
        raise MarsadError("--dedup-threshold must be in (0, 1]")

    _check_local_paths(args.input, args.output, args.overwrite)
    from ..spark import job

    archive = args.archive
    if args.archive is not None and not (os.path.isfile(args.archive) or "://" in args.archive):
        raise MarsadError(f"--archive {args.archive}: no such file")
    job.check_master(args.master)  # before building an archive for it
    if archive is None and not args.executor_python and not job.is_local(args.master) \
            and "PYSPARK_GATEWAY_PORT" not in os.environ:
        from ..spark import package

        archive = str(package.ensure_archive())  # built once per package version, then reused
    spark = job.session(args.master, archive=archive, executor_python=args.executor_python)
    try:
        s = job.run(spark, args.input, args.output, partitions=args.partitions, options=options,
                    dedup_threshold=args.dedup_threshold, overwrite=args.overwrite)
    except MarsadError:
        raise
    except Exception as e:  # a job Spark gave up on: its reason in one line, not a JVM trace
        if type(e).__name__ not in _SPARK_FAILURES:
            raise
        raise MarsadError(f"the Spark job failed: {job.failure_line(e)}") from None
    finally:
        spark.stop()
    print(f"marsad: {s.articles} articles, {s.errors} errors, {s.duplicate_pairs} near-duplicate pairs "
          f"in {s.stories} stories → {args.output}", file=sys.stderr)
    return 0


_SPARK_FAILURES = {"Py4JJavaError", "Py4JError", "PySparkException", "PythonException", "IllegalArgumentException",
                   "AnalysisException", "SparkRuntimeException", "PySparkRuntimeError", "Py4JNetworkError"}


def run_package(args: argparse.Namespace) -> int:
    import shutil

    from ..spark import package

    path = package.ensure_archive()
    if args.output:
        try:
            shutil.copyfile(path, args.output)
        except OSError as e:
            raise MarsadError(f"--output {args.output}: {e.strerror}") from None
        path = args.output
    print(path)
    print(f"marsad: ship it with --archives '{path}#{package.ENV_DIR}' "
          f"--conf spark.pyspark.python={package.EXECUTOR_PYTHON}", file=sys.stderr)
    return 0


def _is_local(p: str) -> bool:
    return "://" not in p and not p.startswith("file:")


def _check_local_paths(inputs: list[str], output: str, overwrite: bool) -> None:
    """Fail in a second, before starting a JVM, on local paths that cannot work."""
    import glob
    import os

    for p in inputs:
        if _is_local(p) and not os.path.exists(p) and not glob.glob(p):
            raise MarsadError(f"--input {p}: no such file or directory")
    if _is_local(output) and os.path.exists(output):
        if not os.path.isdir(output):
            raise MarsadError(f"--output {output}: exists and is not a directory")
        if os.listdir(output) and not overwrite:
            raise MarsadError(f"--output {output}: directory is not empty (use --overwrite to replace it)")
