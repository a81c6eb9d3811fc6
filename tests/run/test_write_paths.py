"""The write pass (the core's ``_core.DocumentWriter``) writes the same bytes from each document's
snapshot and from the file read again (``--no-snapshot``: its text handed to the core, a repaired
paragraph repaired again), whatever the worker count."""

from __future__ import annotations

from pathlib import Path

from corpusgen import corpus, snapshot, write_tree
from nettoyeur import CleanConfig, clean_folder


def _clean(src: Path, out: Path, **options: object) -> tuple[dict[str, bytes], bytes, dict]:
    summary = clean_folder(src, out, CleanConfig(**options), quiet=True)  # type: ignore[arg-type]
    report = out.with_name(out.name + ".report.jsonl").read_bytes()
    return snapshot(out), report, summary["counts"]


def test_a_snapshot_and_the_file_read_again_write_the_same_bytes(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = dict(corpus(7, 60))
    files["mojibake.txt"] = "CafÃ© au lait.\n\n" + files["f00000.txt"]  # repaired: the repairs go to the report
    files["odd.txt"] = b"An undecodable \xff\xfe byte stays.\n\nMenu\n"
    files["blank.txt"] = "A first line of prose here.\n\n&nbsp;\n\nAnd a second one.\n"  # repair leaves it blank
    src = write_tree(tmp_path / "in", files)
    core = _clean(src, tmp_path / "core", workers=1)
    python = _clean(src, tmp_path / "python", workers=1, snapshot=False)  # every document read again
    two = _clean(src, tmp_path / "two", workers=2)
    assert core == python == two
    _, report, counts = core
    assert b'"repairs": ' in report or b'"reason": "encoding:' in report
    assert b'"reason": "blank-after-repair"' in report and b'"file": "blank.txt"' in report
    assert counts["duplicate"] > 0 and any(k.startswith("boilerplate:") for k in counts)
