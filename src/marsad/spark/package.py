"""The packed Python environment the executors run marsad in (`spark.archives`).

Spark's own advice for Python code with compiled dependencies (numpy, scikit-learn,
python-crfsuite, lxml: all of marsad's heavy ones) is a packed environment shipped with
`spark.archives` and used as the executors' Python; `spark.submit.pyFiles` takes only
.py/.zip/.egg files, which cannot carry compiled extensions. So `build` makes a clean
virtual environment from a wheel of marsad and the pinned dependencies (requirements.lock
of the source tree, else the versions installed here), packs it with venv-pack and keeps
it in a cache named by a content hash of the package: it is rebuilt only when marsad's
files, the pins or the Python change. pyspark is not in it: executors put Spark's own
pyspark.zip on the Python workers' path.

venv-pack keeps the environment's `bin/python` as a link to the Python it was made from,
so the nodes need that same Python (same version, same path); `marsad.spark.probe` checks
it before the job starts.
"""
from __future__ import annotations

import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..errors import MarsadError

ENV_DIR = "marsad_env"  # the directory the archive is unpacked to in each executor's work dir
EXECUTOR_PYTHON = f"./{ENV_DIR}/bin/python"
VENV_PACK = "venv-pack==0.2.0"
HASH_FILE = "marsad-package.sha256"  # in the environment: package_hash() of the source it was built from
BUILDER = "2"  # changes when the way the environment is built changes
_SKIP_DIRS = {"__pycache__"}
_SKIP_SUFFIXES = (".pyc", ".pyo")


def package_dir() -> Path:
    import marsad

    return Path(marsad.__file__).resolve().parent


def source_tree() -> Path | None:
    """The project checkout marsad is imported from (pyproject.toml beside src/), if any."""
    pkg = package_dir()
    root = pkg.parents[1]
    if pkg.parent.name == "src" and (root / "pyproject.toml").is_file():
        return root
    return None


def package_hash(pkg: Path | None = None) -> str:
    """sha256 of every file of the package (names and bytes; caches left out)."""
    pkg = pkg or package_dir()
    h = hashlib.sha256()
    for root, dirs, files in os.walk(pkg):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS)
        for name in sorted(files):
            if name.endswith(_SKIP_SUFFIXES):
                continue
            p = Path(root) / name
            h.update(p.relative_to(pkg).as_posix().encode() + b"\0")
            h.update(p.read_bytes())
            h.update(b"\0")
    return h.hexdigest()


def constraints() -> str:
    """The pins the environment is built with: requirements.lock, else what is installed here."""
    root = source_tree()
    if root is not None and (root / "requirements.lock").is_file():
        return (root / "requirements.lock").read_text(encoding="utf-8")
    from importlib import metadata

    pins = sorted({f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions()
                   if d.metadata["Name"] and d.metadata["Name"].lower() != "marsad"}, key=str.lower)
    return "\n".join(pins) + "\n"


def cache_dir() -> Path:
    base = os.environ.get("MARSAD_CACHE_DIR")
    if base:
        return Path(base) / "spark"
    xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(xdg) / "marsad" / "spark"


def cache_key() -> str:
    """What the archive depends on: the package's files, the pins, the Python and this builder."""
    root = source_tree()
    h = hashlib.sha256()
    for part in (package_hash(), constraints(), sys.version, platform.machine(), VENV_PACK, BUILDER,
                 (root / "pyproject.toml").read_text(encoding="utf-8") if root else ""):
        h.update(part.encode("utf-8") + b"\0")
    return h.hexdigest()[:16]


def archive_path(key: str | None = None) -> Path:
    import marsad

    py = "%d%d" % sys.version_info[:2]
    return cache_dir() / f"marsad-env-{marsad.__version__}-py{py}-{key or cache_key()}.tar.gz"


def ensure_archive(log=None) -> Path:
    """The cached archive for the package as it is now, built first if there is none."""
    path = archive_path()
    if path.is_file():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    import fcntl

    with open(path.parent / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two jobs starting at once build it once
        if not path.is_file():
            build(path, log)
            prune(path.parent, keep=path)
    return path


def prune(folder: Path, keep: Path, count: int = 2) -> None:
    """Remove all but the `count` newest archives (one per package version; 150 MB each)."""
    old = sorted((p for p in folder.glob("marsad-env-*.tar.gz") if p != keep), key=lambda p: p.stat().st_mtime)
    for p in old[: max(0, len(old) - (count - 1))]:
        try:
            p.unlink()
        except OSError:
            pass  # another process uses or removed it


def _clean_env() -> dict:
    """This process's environment without what would make pip or Python see another marsad
    (PYTHONPATH=src in a checkout makes pip think marsad is installed already)."""
    return {k: v for k, v in os.environ.items()
            if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV", "PYTHONUSERBASE",
                         "PIP_TARGET", "PIP_PREFIX", "PIP_USER", "PYSPARK_PYTHON")}


def _run(cmd: list[str], what: str, cwd: str | None = None) -> None:
    r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=_clean_env())
    if r.returncode != 0:
        lines = [ln for ln in (r.stderr or r.stdout).splitlines() if ln.strip()]
        raise MarsadError(f"cannot build the executors' environment: {what} failed "
                          f"({lines[-1].strip()[:300] if lines else 'exit ' + str(r.returncode)})")


def build(out: Path, log=None) -> Path:
    """A fresh venv with marsad and its pinned dependencies, packed with venv-pack to `out`.

    Needs pip's index (PyPI, or PIP_INDEX_URL / PIP_FIND_LINKS for a mirror or wheel folder)."""
    say = log or (lambda msg: print(f"marsad: {msg}", file=sys.stderr))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=out.parent))
    try:
        say(f"building the executors' Python environment (once per package version) in {out.parent}")
        (tmp / "constraints.txt").write_text(constraints(), encoding="utf-8")
        target = _marsad_target(tmp)
        env = tmp / ENV_DIR
        _run([sys.executable, "-m", "venv", str(env)], "python -m venv")
        py = str(env / "bin" / "python")
        pip = [py, "-m", "pip", "install", "-q", "--no-input", "--disable-pip-version-check"]
        _run(pip + ["-c", str(tmp / "constraints.txt"), target, VENV_PACK], "pip install marsad")
        _check_env(py, env)
        (env / HASH_FILE).write_text(package_hash() + "\n", encoding="ascii")  # what the probe compares
        part = tmp / "env.tar.gz"
        _run([str(env / "bin" / "venv-pack"), "-p", str(env), "-o", str(part), "-q"], "venv-pack")
        os.chmod(part, 0o644)
        os.replace(part, out)
        say(f"executors' environment: {out} ({out.stat().st_size / 1e6:.0f} MB)")
        return out
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _marsad_target(tmp: Path) -> str:
    """A wheel of marsad built from a copy of the source tree (so the checkout is left clean)."""
    root = source_tree()
    if root is None:
        raise MarsadError("marsad spark package builds from marsad's source tree (pyproject.toml beside "
                          "src/marsad); with marsad installed from a wheel, install that wheel on the nodes "
                          "and pass --executor-python, or pack an environment yourself (README: Running on a "
                          "cluster) and pass --archive")
    copy = tmp / "src-copy"
    copy.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (root / name).is_file():
            shutil.copy2(root / name, copy / name)
    shutil.copytree(root / "src" / "marsad", copy / "src" / "marsad",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
    wheels = tmp / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--disable-pip-version-check",
          "-w", str(wheels), str(copy)], "pip wheel of marsad")
    found = sorted(wheels.glob("marsad-*.whl"))
    if not found:
        raise MarsadError("cannot build the executors' environment: pip wheel made no marsad wheel")
    return str(found[0])


def _check_env(py: str, env: Path) -> None:
    """marsad imports from inside the environment; pyspark does not import at all: executors
    must use the cluster's own, never a second copy in the archive."""
    code = ("import importlib.util as u, marsad; "
            "print(marsad.__file__); print(u.find_spec('pyspark') is None)")
    r = subprocess.run([py, "-I", "-c", code], capture_output=True, text=True, env=_clean_env())
    lines = r.stdout.split("\n")
    if r.returncode != 0 or not lines[0].startswith(str(env)):
        why = (r.stderr.strip().splitlines() or [lines[0]])[-1]
        raise MarsadError(f"cannot build the executors' environment: marsad is not installed in it ({why[:200]})")
    if lines[1].strip() != "True":
        raise MarsadError("cannot build the executors' environment: pyspark ended up inside it "
                          "(a dependency pulled it in); the executors must use the cluster's own")
