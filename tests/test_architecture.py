"""The package's shape, read from its source (scripts/architecture.py): no import cycle, no
import of another module's private name, no function over 60 lines without its reason."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("architecture", ROOT / "scripts" / "architecture.py")
arch = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(arch)
MODS = arch.modules()


def test_the_reader_sees_the_whole_package():
    assert "marsad.layout" in MODS and "marsad.corpus" in MODS and len(MODS) > 100
    g = arch.graph(MODS)
    assert "marsad.arabic" in g["marsad.layout"]  # layout reads Arabic text through marsad.arabic


def test_cycle_finder_finds_a_cycle():
    assert arch.cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert arch.cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle():
    assert arch.cycles(arch.graph(MODS)) == []


def test_no_private_names_imported_from_other_modules():
    assert arch.private_imports(MODS) == []


def test_no_long_function_without_a_reason():
    assert arch.long_functions(MODS) == []
