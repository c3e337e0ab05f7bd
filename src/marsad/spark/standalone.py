"""A Spark standalone cluster on this machine: one master and N workers, each its own JVM.

For the tests and `bench/spark.py --standalone N`: started with pyspark's own `bin/spark-class`
on 127.0.0.1 and ephemeral ports, and stopped by the process ids it started. Each daemon is
the leader of its own process group, so stopping (or killing) a worker also ends the
executor and Python workers it launched, and nothing else.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..errors import MarsadError

_MASTER_URL = re.compile(r"Starting Spark master at (spark://\S+)")
_MASTER_UI = re.compile(r"MasterWebUI.*started at (http://\S+)")
_REGISTERED = "Successfully registered with master"


def spark_class() -> str:
    try:
        import pyspark
    except ImportError:
        raise MarsadError("a standalone cluster needs pyspark: pip install 'marsad[spark]'") from None
    path = Path(pyspark.__file__).parent / "bin" / "spark-class"
    if not path.is_file():
        raise MarsadError(f"{path}: not found (this pyspark has no launcher scripts)")
    return str(path)


def daemon_env(workdir: Path, memory: str = "256m") -> dict:
    """The daemons' environment: nothing of this Python's marsad leaks to the executors."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON", "VIRTUAL_ENV", "SPARK_HOME")}
    venv_bin = os.path.join(sys.prefix, "bin")
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p and p != venv_bin)
    env.update({"SPARK_LOCAL_IP": "127.0.0.1", "SPARK_DAEMON_MEMORY": memory,
                "SPARK_LOG_DIR": str(workdir / "logs"), "SPARK_PID_DIR": str(workdir),
                "SPARK_DAEMON_JAVA_OPTS": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"})
    return env


class LocalCluster:
    """`with LocalCluster(workers=2) as c: ... c.url ...`; `c.kill_worker(0)` kills one worker's JVMs."""

    def __init__(self, workers: int = 2, cores: int = 1, memory: str = "1g", workdir: str | None = None,
                 timeout: float = 120.0):
        self.n, self.cores, self.memory, self.timeout = workers, cores, memory, timeout
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="marsad-standalone-"))
        self.url = ""
        self.ui = ""
        self.master: subprocess.Popen | None = None
        self.workers: list[subprocess.Popen] = []
        self._logs: dict[int, Path] = {}

    def _start(self, name: str, args: list[str]) -> subprocess.Popen:
        log = self.workdir / f"{name}.log"
        with open(log, "wb") as fh:
            p = subprocess.Popen([spark_class(), *args], stdout=fh, stderr=subprocess.STDOUT,
                                 stdin=subprocess.DEVNULL, env=daemon_env(self.workdir), cwd=self.workdir,
                                 start_new_session=True)
        self._logs[p.pid] = log
        return p

    def _wait_for(self, p: subprocess.Popen, pattern: re.Pattern | str) -> str:
        deadline = time.monotonic() + self.timeout
        log = self._logs[p.pid]
        while time.monotonic() < deadline:
            text = log.read_text(errors="replace")
            m = pattern.search(text) if isinstance(pattern, re.Pattern) else (pattern in text and pattern)
            if m:
                return m.group(1) if isinstance(m, re.Match) else m
            if p.poll() is not None:
                tail = " | ".join(text.strip().splitlines()[-3:])[:300]
                raise MarsadError(f"Spark daemon exited with {p.returncode} ({log}): {tail}")
            time.sleep(0.2)
        raise MarsadError(f"Spark daemon did not come up within {self.timeout:.0f} s (see {log})")

    def start(self) -> "LocalCluster":
        (self.workdir / "logs").mkdir(parents=True, exist_ok=True)
        try:
            self.master = self._start("master", ["org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                                                 "--port", "0", "--webui-port", "0"])
            self.url = self._wait_for(self.master, _MASTER_URL)
            self.ui = self._wait_for(self.master, _MASTER_UI)
            for i in range(self.n):
                self.add_worker()
        except BaseException:
            self.stop()
            raise
        return self

    def add_worker(self) -> subprocess.Popen:
        i = len(self.workers)
        work = self.workdir / f"worker-{i}"
        work.mkdir(exist_ok=True)
        w = self._start(f"worker-{i}", ["org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                                        "--port", "0", "--webui-port", "0", "--cores", str(self.cores),
                                        "--memory", self.memory, "--work-dir", str(work), self.url])
        self.workers.append(w)
        self._wait_for(w, _REGISTERED)
        return w

    def kill_worker(self, i: int) -> None:
        """SIGKILL a worker with its executor and Python workers (its process group), as a node dies."""
        _signal_group(self.workers[i], signal.SIGKILL)
        self.workers[i].wait(30)

    def stop(self) -> None:
        for p in [*self.workers, self.master]:
            if p is not None and p.poll() is None:
                _signal_group(p, signal.SIGTERM)
        for p in [*self.workers, self.master]:
            if p is None:
                continue
            try:
                p.wait(20)
            except subprocess.TimeoutExpired:
                _signal_group(p, signal.SIGKILL)
                p.wait(10)
            _signal_group(p, signal.SIGKILL)  # an executor left behind in the group

    def __enter__(self) -> "LocalCluster":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _signal_group(p: subprocess.Popen, sig: int) -> None:
    """Signal the process group this cluster started (its leader is p, by pid)."""
    try:
        os.killpg(p.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass
