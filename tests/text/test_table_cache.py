"""The character tables' cache (``text/table_cache.py``) and the laws of the tables it keeps.

A hit is the builder's tables (read with the builder made to fail, so that only the file can
answer); a corrupt file, a file of another key (another builder source, Python, Unicode
version, or what the caller names) or an unwritable folder reads as a miss and the tables are
built (and written again). The tables read back are still Python's answers on every code point
of the Basic Multilingual Plane.
"""

from __future__ import annotations

import json
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest

from nettoyeur.boilerplate import line_shapes
from nettoyeur.dedup import shingle
from nettoyeur.text import repair_gate, table_cache
from nettoyeur.text.table_cache import cached_tables

CALLS: list[int] = []


def _build() -> tuple[dict[str, np.ndarray], object]:
    CALLS.append(1)
    return {"a": np.arange(10, dtype=np.uint32), "b": np.eye(3, dtype=bool), "c": np.zeros(0, np.int64)}, {"x": [1]}


def _fail() -> tuple[dict[str, np.ndarray], object]:
    raise AssertionError("another builder")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, the one the module uses."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("NETTOYEUR_CACHE_DIR", str(folder))
    CALLS.clear()
    return folder


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("tables-*.bin"))


def _same(found: tuple[dict[str, np.ndarray], object], expected: tuple[dict[str, np.ndarray], object]) -> None:
    assert list(found[0]) == list(expected[0]) and found[1] == expected[1]
    for name, array in expected[0].items():
        got = found[0][name]
        assert got.dtype == array.dtype and got.shape == array.shape and np.array_equal(got, array), name
        assert got.flags.writeable and got.flags.c_contiguous, name


def test_a_miss_writes_the_tables_and_a_hit_reads_them_back(cache):
    expected = _build()
    _same(cached_tables("t", _build, [1, "x"]), expected)
    assert len(CALLS) == 2 and len(_files(cache)) == 1
    assert not list(cache.glob(".*"))  # no temporary file left behind
    found = cached_tables("t", _build, [1, "x"])
    _same(found, expected)
    assert len(CALLS) == 2  # read back, not built
    found[0]["a"][0] = 99  # a copy: the next reader gets the file's tables
    _same(cached_tables("t", _build, [1, "x"]), expected)


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # cut short
        lambda b: b"not zlib at all",
        lambda b: b"",
        lambda b: b[:-6] + bytes([b[-6] ^ 0x10]) + b[-5:],  # a flipped byte (zlib's checksum)
        lambda b: zlib.compress(zlib.decompress(b) + b"\x00"),  # one byte too many
        lambda b: zlib.compress(zlib.decompress(b)[:-1]),  # one byte too few
        lambda b: zlib.compress(b"[1, 2]\n"),
        lambda b: zlib.compress(b"{not json\n"),
    ],
)
def test_a_corrupt_file_is_ignored_and_written_again(cache, damage):
    cached_tables("t", _build)
    (file,) = _files(cache)
    good = file.read_bytes()
    file.write_bytes(damage(good))
    _same(cached_tables("t", _build), _build())
    assert file.read_bytes() == good  # written again, whole


def test_a_file_of_another_key_or_of_object_arrays_is_a_miss(cache):
    cached_tables("t", _build)
    (file,) = _files(cache)
    head, _, body = zlib.decompress(file.read_bytes()).partition(b"\n")
    header = json.loads(head)
    for change in ({"key": "0" * 64}, {"arrays": [["a", "|O", [1]]]}):
        file.write_bytes(zlib.compress(json.dumps({**header, **change}).encode() + b"\n" + body))
        calls = len(CALLS)
        _same(cached_tables("t", _build), _build())
        assert len(CALLS) == calls + 2  # built again (and once more here to compare)


def test_the_key_holds_the_builder_python_unicode_and_what_the_caller_names(cache, monkeypatch):
    cached_tables("t", _build, ["ftfy pattern"])
    key = table_cache._key("t", _build, ["ftfy pattern"])
    assert table_cache._key("t", _build, ["another pattern"]) != key
    assert table_cache._key("u", _build, ["ftfy pattern"]) != key
    assert table_cache._key("t", _fail, ["ftfy pattern"]) != key  # another builder
    for module, name, other in [
        (sys, "version", sys.version + " (another build)"),
        (table_cache.unicodedata, "unidata_version", "0.0.0"),
        (table_cache.np, "__version__", "0.0"),
    ]:
        with monkeypatch.context() as mp:
            mp.setattr(module, name, other)
            assert table_cache._key("t", _build, ["ftfy pattern"]) != key, name
    assert table_cache._key("t", _build, [object()]) is None  # not JSON: no cache
    _same(cached_tables("t", _fail_like(_build), ["ftfy pattern"]), _build())  # read back


def test_an_edited_builder_source_is_a_miss(cache, tmp_path, monkeypatch):
    source = tmp_path / "builder.py"
    source.write_text("# one version\n")
    monkeypatch.setattr(_build, "__code__", _build.__code__.replace(co_filename=str(source)))
    cached_tables("t", _build)
    assert len(CALLS) == 1
    cached_tables("t", _build)
    assert len(CALLS) == 1
    source.write_text("# another version\n")
    cached_tables("t", _build)
    assert len(CALLS) == 2 and len(_files(cache)) == 2
    source.unlink()  # no source to hash: no cache, built every time
    cached_tables("t", _build)
    cached_tables("t", _build)
    assert len(CALLS) == 4 and len(_files(cache)) == 2


def test_no_cache_folder_or_an_unwritable_one_still_builds(tmp_path, monkeypatch):
    monkeypatch.setenv("NETTOYEUR_CACHE_DIR", "")
    _same(cached_tables("t", _build), _build())
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("NETTOYEUR_CACHE_DIR", str(blocker / "cache"))  # its parent is a file: mkdir fails
    _same(cached_tables("t", _build), _build())
    assert not list(tmp_path.glob(".*"))


def test_only_the_newest_files_are_kept(cache, monkeypatch):
    monkeypatch.setattr(table_cache, "CACHE_FILES", 2)
    for k in range(4):
        cached_tables(f"t{k}", _build)
    assert len(_files(cache)) == 2


# The tables the package keeps there: read back, they are the builders' and Python's answers.


@pytest.fixture
def warm_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder holding the package's tables, written by a first call of each."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("NETTOYEUR_CACHE_DIR", str(folder))
    cached_tables("shapes", line_shapes._shape_tables)
    cached_tables("chars", shingle._char_tables)
    cached_tables("repair-gate", repair_gate._gate_tables, repair_gate._FTFY)
    assert len(_files(folder)) == 3
    return folder


def test_the_shape_table_read_back_is_pythons_answer_on_every_bmp_code_point(warm_cache):
    tables, pairs = cached_tables("shapes", _fail_like(line_shapes._shape_tables))
    flags, lower, multi = tables["flags"], tables["lower"], dict(pairs)
    assert flags.dtype == np.uint32 and lower.dtype == np.uint32 and flags.shape == lower.shape == (0x10000,)
    for code in range(0x10000):
        c = chr(code)
        assert flags[code] == line_shapes._char_flags(c), hex(code)
        low = c.lower()
        if len(low) == 1:
            assert lower[code] == ord(low) and code not in multi, hex(code)
        else:
            assert lower[code] == line_shapes._MULTI and multi[code] == low, hex(code)
    assert multi  # "İ" lower-cases to two characters
    assert flags[ord("\u03a3")] & line_shapes._CONTEXT and flags[ord("5")] & line_shapes._DECIMAL
    assert flags[ord("\u3000")] & line_shapes._SPACE and not flags[ord("_")] & line_shapes._ALNUM


def test_the_dedup_and_repair_gate_tables_read_back_are_the_builders(warm_cache):
    found = cached_tables("chars", _fail_like(shingle._char_tables))[0]["table"]
    assert found.dtype == np.uint32 and np.array_equal(found, shingle.build_char_table())
    gate, exact = cached_tables("repair-gate", _fail_like(repair_gate._gate_tables), repair_gate._FTFY)
    built, built_exact = repair_gate._gate_tables()
    assert exact is built_exact is True
    for name, array in built.items():
        assert gate[name].dtype == array.dtype and np.array_equal(gate[name], array), name
    # And the module's tables, read when it was imported, are these.
    assert np.array_equal(repair_gate._CLASSES, built["classes"]) and np.array_equal(repair_gate._PAIRS, built["pairs"])
    assert np.array_equal(repair_gate._COMPOSING, built["composing"])


def _fail_like(builder):
    """A builder that fails, with ``builder``'s name and source: only the cached file can answer."""

    def fail():
        raise AssertionError(f"{builder.__qualname__} built although the cache holds its tables")

    fail.__code__ = fail.__code__.replace(co_filename=builder.__code__.co_filename)
    fail.__qualname__ = builder.__qualname__
    return fail
