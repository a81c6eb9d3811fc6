"""The journal's lines and its batches: what a run interrupted in the middle of a batch leaves to --resume."""

from __future__ import annotations

import errno
import json
import os
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusgen import corpus, snapshot, write_tree
from nettoyeur import CleanConfig, clean_folder
from nettoyeur.cli.main import main
from nettoyeur.corpus.atomic import TMP_PREFIX
from nettoyeur.corpus.journal import Journal, entry_line, journal_path

CASES = json.loads((Path(__file__).parents[1] / "data" / "journal_lines.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_a_journal_line_is_the_json_older_runs_wrote(case):
    fields = {k: case[k] for k in ("file", "input", "output", "bytes")}
    line = entry_line(case["file"], case["input"], case["output"], case["bytes"])
    assert line == json.dumps(fields, ensure_ascii=True) + "\n"
    assert json.loads(line) == fields


def test_record_many_appends_the_lines_record_would(tmp_path):
    one, many = tmp_path / "one.jsonl", tmp_path / "many.jsonl"
    entries = [(c["file"], c["input"], c["output"], c["bytes"]) for c in CASES]
    journals = Journal.create(one, "print"), Journal.create(many, "print")
    for entry in entries:
        journals[0].record(*entry)
    journals[1].record_many(entries)
    journals[1].record_many([])  # an empty batch writes nothing
    for journal in journals:
        journal.close()
    assert one.read_bytes() == many.read_bytes()
    assert journals[0].entries == journals[1].entries
    assert len(many.read_bytes().splitlines()) == 1 + len(entries)


@pytest.fixture()
def small(tmp_path):
    """A corpus of 40 files (one batch of renames), its reference output, and a fresh OUT."""
    src = write_tree(tmp_path / "in", corpus(3, 40))
    ref = tmp_path / "ref"
    clean_folder(src, ref, CleanConfig(), quiet=True)
    return {"src": src, "out": tmp_path / "out", "ref": snapshot(ref)}


def journal_files(out: Path) -> list[str]:
    return [json.loads(line)["file"] for line in journal_path(out).read_bytes().splitlines()[1:]]


@pytest.mark.parametrize(
    ("failure", "code"),
    [(OSError(errno.EIO, "Input/output error"), 3), (KeyboardInterrupt(), 130)],
    ids=["rename fails", "interrupted"],
)
def test_a_batch_stopped_midway_journals_exactly_the_renamed_files(small, monkeypatch, failure, code):
    src, out = small["src"], small["out"]
    real, renamed = os.replace, []

    def replace_then_fail(source, target, *args, **kwargs):
        if Path(source).name.startswith(TMP_PREFIX) and Path(target).is_relative_to(out):
            if len(renamed) == 5:
                raise failure
            renamed.append(Path(target).relative_to(out).as_posix())
        return real(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace_then_fail)
    handler = signal.getsignal(signal.SIGINT)
    result = CliRunner().invoke(main, ["clean", str(src), str(out), "-q", "--workers", "1"])
    monkeypatch.undo()
    assert result.exit_code == code, result.output
    # an ignored SIGINT left behind would be inherited by every process started later
    assert signal.getsignal(signal.SIGINT) == handler
    assert len(renamed) == 5
    assert journal_files(out) == renamed  # listed once renamed, and only those
    on_disk = snapshot(out)
    assert sorted(on_disk) == sorted(renamed)  # the batch's other temporary files are removed
    assert all(on_disk[rel] == small["ref"][rel] for rel in renamed)

    summary = clean_folder(src, out, CleanConfig(), resume=True, quiet=True)
    assert summary["output_files"] == {"resumed": 5, "written": len(small["ref"]) - 5}
    assert snapshot(out) == small["ref"]
