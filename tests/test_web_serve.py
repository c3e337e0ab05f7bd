"""`marsad serve`: bad arguments are one line and exit 1; a real server answers over HTTP."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from webdata import make_corpus

MARSAD = [sys.executable, "-m", "marsad.cli"]


def run(*args, cwd=None):
    return subprocess.run([*MARSAD, *args], capture_output=True, text=True, timeout=60, cwd=cwd)


def test_serve_refuses_a_missing_database_and_a_bad_port(tmp_path):
    r = run("serve", "--db", str(tmp_path / "nope.db"))
    assert r.returncode == 1 and "no such database" in r.stderr and "Traceback" not in r.stderr
    r = run("serve", cwd=tmp_path)  # default marsad.db, not there
    assert r.returncode == 1 and "marsad.db: no such database" in r.stderr
    assert not (tmp_path / "marsad.db").exists()
    r = run("serve", "--db", str(make_corpus(tmp_path / "c.db")), "--port", "70000")
    assert r.returncode == 1 and "not a TCP port" in r.stderr
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        r = run("serve", "--db", str(tmp_path / "c.db"), "--port", str(busy.getsockname()[1]))
    assert r.returncode == 1 and "cannot listen on 127.0.0.1" in r.stderr and "in use" in r.stderr
    r = run("serve", "--db", "mysql://x")
    assert r.returncode == 1 and "Traceback" not in r.stderr


def test_serve_answers_http(tmp_path):
    db = make_corpus(tmp_path / "c.db")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    proc = subprocess.Popen([*MARSAD, "serve", "--db", db, "--port", str(port)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    try:
        body = None
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=2) as resp:
                    body = json.load(resp)
                break
            except OSError:
                time.sleep(0.1)
        assert body is not None and body["articles"] == 5
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as resp:
            assert '<html lang="ar" dir="rtl">' in resp.read().decode()
    finally:
        proc.terminate()
        proc.wait(10)
    assert "serving" in proc.stdout.read()
