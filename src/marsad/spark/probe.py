"""Before the job: can the executors' Python run marsad? One tiny task says.

`executor_report` runs on an executor. It is shipped by value (this module imports nothing
of marsad at its top), so it runs even where marsad is missing and says so, instead of every
task of the job failing with a ModuleNotFoundError traceback.
"""
from __future__ import annotations

import os
import sys


def executor_report(_rows):
    """mapPartitions function: one dict describing the executor's Python and its marsad."""
    import socket

    out = {"python": sys.executable, "version": "%d.%d.%d" % sys.version_info[:3], "host": socket.gethostname()}
    try:
        import marsad
        from marsad.spark.package import HASH_FILE
    except Exception as e:  # noqa: BLE001 - reported to the driver, which explains it
        out["error"] = f"{type(e).__name__}: {e}"
        return [out]
    out["marsad"] = marsad.__version__
    try:  # the hash of the source the packed environment was built from (none outside an archive)
        with open(os.path.join(sys.prefix, HASH_FILE), encoding="ascii") as fh:
            out["hash"] = fh.read().strip()
    except OSError:
        pass
    return [out]


def problem(report: dict, driver_version: str, driver_hash: str | None, python: str, fix: str) -> str | None:
    """One line saying what is wrong with an executor's report, or None if it can run the job."""
    where = f"the executors' Python ({python} on {report.get('host', '?')})"
    if report.get("error"):
        return f"{where} cannot import marsad ({report['error']}): {fix}"
    if report["version"].rsplit(".", 1)[0] != driver_version.rsplit(".", 1)[0]:
        return (f"{where} is Python {report['version']}, this driver is Python {driver_version}: "
                f"the archive's Python must be the driver's; {fix}")
    if driver_hash and report.get("hash") and report["hash"] != driver_hash:
        return (f"{where} has another marsad than this driver (the archive was built from package "
                f"{report['hash'][:12]}, this driver's is {driver_hash[:12]}): rebuild it with "
                "`marsad spark package`, or leave out --archive")
    return None
