"""``e2e.py --repeat``: each variant runs as often, in alternating order, and its median run is shown."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import e2e  # noqa: E402


def test_repeated_alternates_the_order_and_keeps_each_variants_median_run(monkeypatch, tmp_path):
    calls: list[str] = []
    walls = {"a": iter([5.0, 1.0, 3.0]), "b": iter([2.0, 9.0, 4.0])}

    def fake_clean(corpus, out, workers, extra, python):
        calls.append(python)
        return {"wall": next(walls[python]), "variant": python}

    monkeypatch.setattr(e2e, "clean", fake_clean)
    variants = [("full", [], "a"), ("before", [], "b")]
    runs = e2e.repeated(variants, 3, tmp_path / "in", tmp_path, 2)
    assert calls == ["a", "b", "b", "a", "a", "b"]  # first to last, then last to first
    assert [r["wall"] for r in runs] == [3.0, 4.0]  # the median of (5, 1, 3) and of (2, 9, 4)
    assert [r["variant"] for r in runs] == ["a", "b"]


def test_repeated_once_runs_each_variant_once_in_order(monkeypatch, tmp_path):
    calls: list[str] = []
    monkeypatch.setattr(e2e, "clean", lambda corpus, out, w, extra, python: calls.append(python) or {"wall": 1.0})
    runs = e2e.repeated([("full", [], "a"), ("no-bp", ["--no-boilerplate"], "a2")], 1, tmp_path, tmp_path, 1)
    assert calls == ["a", "a2"] and len(runs) == 2
