"""The re-mark after dedup (nettoyeur.boilerplate.after_dedup): the streaming run and the in-memory run agree.

The streaming run marks the documents dedup thinned on workers, then hands kept copies over
on the driver; :func:`nettoyeur.run.streaming.clean_documents` runs the sequential algorithm over
documents in memory. Both must write the same bytes and the same report, for any worker count.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nettoyeur import CleanConfig
from nettoyeur.corpus.sources import folder_pair
from nettoyeur.run.in_memory import run_in_memory
from nettoyeur.run.streaming import run

CASES = json.loads((Path(__file__).parents[1] / "data" / "remark_cases.json").read_text(encoding="utf-8"))["cases"]


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _clean(src: Path, out: Path, config: CleanConfig, streaming: bool) -> tuple[dict[str, bytes], list[dict]]:
    source, sink = folder_pair(src, out, overwrite=False)
    report = out.parent / f"{out.name}.report.jsonl"
    (run if streaming else run_in_memory)(source, sink, config, report=report, quiet=True)
    return _tree(out), [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_streaming_and_in_memory_remark_agree(case: dict, tmp_path: Path) -> None:
    src = tmp_path / "in"
    for name, text in case["files"].items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(text, encoding="utf-8")
    memory = _clean(src, tmp_path / "memory", CleanConfig(workers=1, min_files=case["min_files"]), False)
    for workers in (1, 2):
        config = CleanConfig(workers=workers, min_files=case["min_files"])
        assert _clean(src, tmp_path / f"stream{workers}", config, True) == memory
    reasons = {(r["file"], r["line"]): r["reason"] for r in memory[1]}
    for name, line, reason in case["removed"]:
        assert reasons.get((name, line)) == reason, (name, line)
    for name, line in case["kept"]:
        assert (name, line) not in reasons
