"""Mutation fuzzing of the readers: real articles with flipped, inserted and deleted bytes, cut ends,
other encodings and wrong-typed JSON fields give documents or one-line InputErrors, never another exception.

Derandomized (fixed examples, no example database), so a run is the same in CI and locally.
"""
import gzip
import io
import json
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.analysis import analyze
from marsad.article import Article
from marsad.errors import BadRecord, InputError
from marsad.layout import layout
from marsad.read import RawDocument, read_bytes

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "src" / "marsad" / "examples"
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
MARSAD = [sys.executable, "-m", "marsad.cli"]


def _seeds() -> list[tuple[str, bytes]]:
    """Real inputs to mutate: the bundled examples, and when ../shared is there the seed article,
    ANT articles (as TREC and as plain text), JSON Lines built from them, SaudiNewsNet records, HTML pages."""
    out = [(p.name, p.read_bytes()) for p in sorted(EXAMPLES.iterdir()) if p.is_file()]
    seed = SHARED / "fixtures" / "seed" / "article.txt"
    if seed.exists():
        out.append(("article.txt", seed.read_bytes()))
    ant = sorted((DATA / "ant-corpus-multisource-2018-03").glob("*/*/*.txt"))
    if ant:
        from marsad.read import read_path

        recs = []
        for f in random.Random(3).sample(ant, 4):
            (doc,) = list(read_path(f))
            out.append((f.name, f.read_bytes()))
            out.append((f.stem + ".scrape.txt", f"{doc.title}\n\n{doc.author}\n\n{doc.text}\n".encode()))
            recs.append({"id": doc.id, "title": doc.title, "url": doc.url, "date": doc.published, "author": doc.author,
                         "text": doc.text.split("\n\n")})
        out.append(("ant.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode()))
    snn = sorted((DATA / "saudinewsnet-2015-08").glob("*.zip"))
    if snn:
        with zipfile.ZipFile(snn[0]) as z:
            name = next(n for n in z.namelist() if n.endswith(".json"))
            arr = json.loads(z.read(name))[:3]
        out.append(("snn.json", json.dumps(arr, ensure_ascii=False).encode()))
        out.append(("snn.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in arr).encode()))
    for html in sorted((DATA / "arabic-html-fixtures").glob("*/*.html"))[:2]:
        out.append((html.name, html.read_bytes()))
    page = (EXAMPLES / "sudan-aid.html").read_bytes()
    out.append(("crawl.warc.gz", _warc(page, gz=True)))
    out.append(("crawl.warc", _warc(page, gz=False)))
    out.append(("wire.jsonl.gz", gzip.compress((EXAMPLES / "wire.jsonl").read_bytes(), mtime=0)))
    return out


def _warc(page: bytes, gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for k, url in enumerate(("https://example.org/a", "https://example.org/b")):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        # a fixed date and record id: the same bytes every run, so the derandomized examples are too
        fixed = {"WARC-Date": "2024-06-18T08:00:00Z", "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-00000000000{k}>"}
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(page), http_headers=headers,
                                            warc_headers_dict=fixed))
    return buf.getvalue()


SEEDS = _seeds()
KEYS = ["id", "title", "text", "content", "author", "url", "published", "date", "date_extracted", "source", "html",
        "headline", "site", "category"]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-2**70, max_value=2**70) | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
position = st.integers(min_value=0, max_value=2**20)
mutation = st.one_of(
    st.tuples(st.just("flip"), position, st.integers(0, 255)),
    st.tuples(st.just("insert"), position, st.binary(min_size=1, max_size=6)),
    st.tuples(st.just("ff"), position),
    st.tuples(st.just("delete"), position, st.integers(1, 80)),
    st.tuples(st.just("truncate"), position),
    st.tuples(st.just("duplicate"), position, st.integers(1, 300)),
    st.tuples(st.just("reencode"), st.sampled_from(["utf-16-le", "utf-16-be", "utf-16", "cp1256", "utf-8-sig"])),
    st.tuples(st.just("jsontype"), st.integers(0, 5), st.sampled_from(KEYS), json_values),
)


def mutate(data: bytes, ops) -> bytes:
    for op in ops:
        n = len(data)
        i = op[1] % (n + 1) if op[0] not in ("reencode", "jsontype") else 0
        if op[0] == "flip" and n:
            i %= n
            data = data[:i] + bytes([op[2]]) + data[i + 1:]
        elif op[0] == "insert":
            data = data[:i] + op[2] + data[i:]
        elif op[0] == "ff":
            data = data[:i] + b"\xff" + data[i:]
        elif op[0] == "delete":
            data = data[:i] + data[i + op[2]:]
        elif op[0] == "truncate":
            data = data[:i]
        elif op[0] == "duplicate":
            data = data[:i + op[2]] + data[i:]
        elif op[0] == "reencode":
            data = data.decode("utf-8", errors="replace").encode(op[1], errors="replace")
        elif op[0] == "jsontype":
            data = _retype(data, op[1], op[2], op[3])
    return data


def _retype(data: bytes, k: int, key: str, value) -> bytes:
    """Set one field of one JSON record (a JSON Lines line or an array element) to `value`."""
    try:
        text = data.decode("utf-8")
        whole = json.loads(text)
    except ValueError:
        whole = None
    if isinstance(whole, list) and whole:
        rec = whole[k % len(whole)]
        if isinstance(rec, dict):
            rec[key] = value
        return json.dumps(whole, ensure_ascii=False).encode()
    lines = data.split(b"\n")
    try:
        rec = json.loads(lines[k % len(lines)])
    except ValueError:
        return data
    if isinstance(rec, dict):
        rec[key] = value
        lines[k % len(lines)] = json.dumps(rec, ensure_ascii=False).encode()
    return b"\n".join(lines)


def _one_line(e: Exception) -> None:
    msg = str(e)
    assert msg and "\n" not in msg and len(msg) < 600, repr(msg)


def check(name: str, data: bytes, full: bool) -> int:
    """Read (and lay out or analyse) one input; the number of documents it gave."""
    try:
        items = list(read_bytes(data, name=name))
    except InputError as e:
        _one_line(e)
        return 0
    n = 0
    for d in items:
        if isinstance(d, BadRecord):
            _one_line(d)
            continue
        assert isinstance(d, RawDocument)
        assert isinstance(d.text, str) and all(isinstance(v, str) or v is None
                                               for v in (d.id, d.url, d.title, d.author, d.published, d.site))
        try:
            art = analyze(d) if full else layout(d)
        except InputError as e:
            _one_line(e)
            continue
        assert isinstance(art, Article)
        json.loads(art.to_json())
        n += 1
    return n


FUZZ = settings(derandomize=True, database=None, deadline=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@settings(FUZZ, max_examples=3000)
@given(seed=st.integers(0, len(SEEDS) - 1), ops=st.lists(mutation, min_size=1, max_size=4))
def test_mutated_inputs_read_and_lay_out(seed, ops):
    name, data = SEEDS[seed]
    check(name, mutate(data, ops), full=False)


@settings(FUZZ, max_examples=250)
@given(seed=st.integers(0, len(SEEDS) - 1), ops=st.lists(mutation, min_size=1, max_size=3))
def test_mutated_inputs_analysed_in_full(seed, ops):
    name, data = SEEDS[seed]
    check(name, mutate(data, ops), full=True)


def test_the_seeds_themselves_are_read():
    for name, data in SEEDS:
        assert check(name, data, full=False) >= 1, name


def _random_ops(rng: random.Random) -> list:
    ops = []
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(["flip", "insert", "ff", "delete", "truncate", "duplicate", "reencode", "jsontype"])
        pos = rng.randrange(2**20)
        ops.append({
            "flip": lambda: ("flip", pos, rng.randrange(256)),
            "insert": lambda: ("insert", pos, bytes(rng.randrange(256) for _ in range(rng.randint(1, 6)))),
            "ff": lambda: ("ff", pos),
            "delete": lambda: ("delete", pos, rng.randint(1, 80)),
            "truncate": lambda: ("truncate", pos),
            "duplicate": lambda: ("duplicate", pos, rng.randint(1, 300)),
            "reencode": lambda: ("reencode", rng.choice(["utf-16-le", "utf-16-be", "cp1256"])),
            "jsontype": lambda: ("jsontype", rng.randrange(5), rng.choice(KEYS),
                                 rng.choice([None, 7, 2.5, True, [], ["نص"], {"a": 1}, [1, [2]], "نص"])),
        }[kind]())
    return ops


# 300 mutated files analysed in full; 3,000 in one batch through the readers and layout (the
# annotators' share is covered above, in-process, and by the 300)
LAYOUT_ONLY = ["--skip", "entities,quotes,events,keywords,summary,topics,timex"]


@pytest.mark.parametrize("count,extra", [(300, []), (3000, LAYOUT_ONLY)], ids=["300-full", "3000-layout"])
def test_cli_on_a_directory_of_mutated_and_good_files(tmp_path, count, extra):
    rng = random.Random(11)
    good = {}
    for name, data in SEEDS:
        (tmp_path / f"good-{name}").write_bytes(data)
        good[str(tmp_path / f"good-{name}")] = data
    for k in range(count):
        name, data = SEEDS[rng.randrange(len(SEEDS))]
        (tmp_path / f"m{k:04d}-{name}").write_bytes(mutate(data, _random_ops(rng)))
    r = subprocess.run(MARSAD + ["analyze", str(tmp_path)] + extra, capture_output=True, text=True, timeout=900)
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout
    out = [json.loads(line) for line in r.stdout.splitlines()]
    paths = {o["source"]["path"] for o in out}
    # every good input is analysed: as many Articles as documents it holds
    for p, data in good.items():
        want = sum(isinstance(d, RawDocument) for d in read_bytes(data, name=p))
        assert sum(o["source"]["path"] == p for o in out) == want, p
    # every stderr line is one report naming an input, and every input is in the output or reported
    lines = r.stderr.splitlines()
    assert all(ln.startswith("marsad: ") for ln in lines), lines
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f]", r.stderr)  # a damaged file's bytes are escaped
    reported = {f for f in map(str, tmp_path.iterdir()) if any(f in ln for ln in lines)}
    assert {str(f) for f in tmp_path.iterdir()} == paths | reported
    failures = [ln for ln in lines if not ln.startswith("marsad: warning: ")]
    assert failures and r.returncode == 1
    assert not any(str(p) in ln and "warning" not in ln for p in good for ln in lines)
