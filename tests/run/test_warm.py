"""The per-process tables are built once, on the driver, and the workers of every pass inherit them."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from corpusgen import prose
from nettoyeur import CleanConfig, clean_folder
from nettoyeur.boilerplate import line_shapes
from nettoyeur.dedup import minhash, shingle
from nettoyeur.run.warm import warm_tables


def _corpus(root: Path, files: int = 24) -> None:
    rng = random.Random(7)
    root.mkdir(parents=True)
    shared = prose(rng, 40)
    for i in range(files):
        lines = ["Home | News | Contact", prose(rng, 30), shared, prose(rng, 25), "Share this article"]
        (root / f"{i:03d}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def fresh_tables(monkeypatch):
    """No table built yet in this process (earlier tests may have built them)."""
    monkeypatch.setattr(line_shapes, "_core_shapes", None)
    shingle.char_table.cache_clear()
    minhash.permutations.cache_clear()
    yield
    shingle.char_table.cache_clear()
    minhash.permutations.cache_clear()


@pytest.mark.parametrize("boilerplate", [True, False])
def test_warm_tables_builds_what_the_run_reads(fresh_tables, boilerplate):
    warm_tables(CleanConfig(boilerplate=boilerplate, num_perm=64, seed=3))
    assert (line_shapes._core_shapes is not None) == boilerplate
    assert shingle.char_table.cache_info().currsize == 1
    assert minhash.permutations.cache_info().currsize == 1
    hits = minhash.permutations.cache_info().hits
    minhash.permutations(64, 3)
    assert minhash.permutations.cache_info().hits == hits + 1  # the run's own parameters


def test_no_worker_builds_a_table_again(fresh_tables, monkeypatch, tmp_path):
    driver = os.getpid()
    marks = tmp_path / "built"
    marks.mkdir()

    def mark(what: str) -> None:
        if os.getpid() != driver:
            (marks / f"{what}-{os.getpid()}").touch()

    shape_table = line_shapes.shape_table
    char_table = minhash.char_table

    def watched_shape_table():
        mark("shape_table")
        return shape_table()

    def watched_char_table():
        if char_table.cache_info().currsize == 0:
            mark("char_table")
        return char_table()

    monkeypatch.setattr(line_shapes, "shape_table", watched_shape_table)
    monkeypatch.setattr(minhash, "char_table", watched_char_table)
    _corpus(tmp_path / "in")
    clean_folder(tmp_path / "in", tmp_path / "out", CleanConfig(workers=2), quiet=True)
    assert len(list((tmp_path / "out").iterdir())) == 24
    assert sorted(p.name for p in marks.iterdir()) == []
    assert line_shapes._core_shapes is not None and char_table.cache_info().currsize == 1
