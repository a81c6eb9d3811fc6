"""Security: nothing is written outside OUT and the report, and no file can make memory unbounded.

The paths a run may write are OUT's tree, the report, the summary and the journal (both
beside OUT, or beside ``--report``). Every test snapshots the whole temporary tree
(bytes and modification times) before and after, and allows changes only there.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusgen import MemorySource, corpus, run_measured, write_tree
from nettoyeur import CleanConfig
from nettoyeur.cli.main import main
from nettoyeur.corpus.atomic import safe_target
from nettoyeur.corpus.folder_writer import FolderSink
from nettoyeur.errors import OutputPathError
from nettoyeur.run.streaming import run

PATHS = json.loads((Path(__file__).parents[1] / "data" / "output_paths.json").read_text(encoding="utf-8"))


def tree_state(root: Path) -> dict[str, tuple[str, bytes | str, int]]:
    """Every entry under ``root`` (links not followed): kind, content or link target, mtime."""
    state = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            info = path.lstat()
            if path.is_symlink():
                state[rel] = ("link", os.readlink(path), info.st_mtime_ns)
            elif path.is_dir():
                state[rel] = ("dir", "", 0)  # a folder's mtime moves when OUT's files are renamed in it
            else:
                state[rel] = ("file", path.read_bytes(), info.st_mtime_ns)
    return state


def changed_outside(before: dict, after: dict, allowed: list[str]) -> list[str]:
    """Entries added, removed or changed, other than OUT's tree and the allowed files."""

    def mine(rel: str) -> bool:
        return any(rel == a or rel.startswith(a + "/") for a in allowed)

    keys = set(before) | set(after)
    return sorted(k for k in keys if not mine(k) and before.get(k) != after.get(k))


def test_hostile_names_links_and_a_reused_out_write_nothing_outside(tmp_path):
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "precious.txt").write_text("Must never change.\n")
    files = corpus(9, 25)
    files.update({"...": "Three dots.\n", "...txt": "Dots before.\n", "x/../y.txt": "A folder named x, then y.\n"})
    files.pop("x/../y.txt")  # a name cannot hold '..' as a component; the OS would resolve it
    files["..x/.y.txt"] = "Dots in names.\n"
    files["back\\..\\slash.txt"] = "Backslashes are ordinary characters here.\n"
    src = write_tree(tmp_path / "in", files)
    (src / "link-out.txt").symlink_to(victim / "precious.txt")
    (src / "dir-out").symlink_to(victim, target_is_directory=True)
    out = tmp_path / "out"
    out.mkdir()
    first = "...txt"
    (out / first).parent.mkdir(parents=True, exist_ok=True)
    (out / first).symlink_to(victim / "precious.txt")  # a link left in a reused OUT
    before = tree_state(tmp_path)
    result = CliRunner().invoke(main, ["clean", str(src), str(out), "-q", "--overwrite"])
    assert result.exit_code == 1, result.output  # the two links in IN are skipped
    after = tree_state(tmp_path)
    ours = ["out", *(f"out.{n}" for n in ("report.jsonl", "summary.json", "journal.jsonl", "checksums.jsonl"))]
    assert changed_outside(before, after, ours) == []
    assert (victim / "precious.txt").read_text() == "Must never change.\n"
    assert not (out / first).is_symlink(), "the link in OUT was replaced by the output, not written through"
    assert sorted(p.name for p in victim.iterdir()) == ["precious.txt"]


def test_a_folder_link_in_a_reused_out_is_refused(tmp_path):
    victim = tmp_path / "victim"
    victim.mkdir()
    src = write_tree(tmp_path / "in", {"a.txt": "Top.\n", "sub/b.txt": "Below.\n"})
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").symlink_to(victim, target_is_directory=True)
    before = tree_state(tmp_path)
    result = CliRunner().invoke(main, ["clean", str(src), str(out), "-q", "--overwrite"])
    assert result.exit_code == 2, result.output
    assert "'sub/b.txt'" in result.output and "symbolic link leading out of" in result.output
    assert isinstance(result.exception, SystemExit)
    assert list(victim.iterdir()) == []
    assert changed_outside(before, tree_state(tmp_path), ["out", "out.journal.jsonl"]) == []


def test_a_custom_report_path_is_the_only_other_place_written(tmp_path):
    src = write_tree(tmp_path / "in", corpus(4, 10))
    (tmp_path / "reports").mkdir()
    before = tree_state(tmp_path)
    result = CliRunner().invoke(
        main, ["clean", str(src), str(tmp_path / "out"), "-q", "--report", str(tmp_path / "reports" / "r.jsonl")]
    )
    assert result.exit_code == 0, result.output
    after = tree_state(tmp_path)
    added = sorted(set(after) - set(before))
    assert [a for a in added if not a.startswith("out/")] == [
        "out",
        "out.journal.jsonl",
        "reports/r.checksums.jsonl",
        "reports/r.jsonl",
        "reports/r.summary.json",
    ]


@pytest.mark.parametrize("key", PATHS["refuse"])
def test_a_key_leaving_out_is_refused_and_nothing_written_outside(tmp_path, key):
    out = tmp_path / "deep" / "out"
    before = tree_state(tmp_path)
    sink = FolderSink(out)
    with pytest.raises(OutputPathError):
        run(MemorySource({key: "Some text.\n"}), sink, CleanConfig(workers=1), report=tmp_path / "r.jsonl", quiet=True)
    sink.close()
    assert changed_outside(before, tree_state(tmp_path), ["deep"]) == []
    assert [p for p in out.rglob("*")] == []


@pytest.mark.parametrize("key", PATHS["accept"])
def test_an_odd_key_inside_out_is_written_under_that_name(tmp_path, key):
    if "\\" in key and os.sep == "\\":
        pytest.skip("a backslash separates folders here")
    out = tmp_path / "out"
    sink = FolderSink(out)
    run(MemorySource({key: "Some text.\n"}), sink, CleanConfig(workers=1), report=tmp_path / "r.jsonl", quiet=True)
    sink.close()
    assert (out / key).read_bytes() == b"Some text.\n"
    written = [p for p in out.rglob("*") if p.is_file()]
    assert written == [out / key]
    assert safe_target(out, key) == out.resolve() / key


HOSTILE = {
    "millions of short lines": (lambda: b"a\n" * 5_000_000, "too-many-lines"),  # 5.4 GB without the line cap
    "one 30 MB line without spaces": (lambda: b"x" * 30_000_000 + b"\n", None),
}


@pytest.mark.skipif(sys.platform == "win32", reason="peak memory is read with the resource module")
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_cannot_make_memory_unbounded(tmp_path, name):
    make, reason = HOSTILE[name]
    src = write_tree(tmp_path / "in", {"hostile.txt": make(), "ok.txt": "An ordinary line.\n"})
    out = tmp_path / "out"
    code, err, peak = run_measured(["clean", str(src), str(out), "-q", "--workers", "1"])
    assert "Traceback" not in err
    summary = json.loads((tmp_path / "out.summary.json").read_text())
    if reason:
        assert code == 1 and summary["skipped_by_reason"] == {reason: 1}
    else:
        assert code == 0 and summary["long_lines"][0]["file"] == "hostile.txt"
    assert peak < 600 * 10**6, f"{name}: peak memory {peak / 1e6:.0f} MB"


def test_a_staged_file_is_written_whole_when_the_kernel_takes_a_few_bytes_at_a_time(tmp_path, monkeypatch):
    """``write_all`` goes on after a short ``os.write`` (a signal, a quota): the staged file is whole, or it fails."""
    real = os.write
    calls = []

    def short(fd: int, data) -> int:
        calls.append(len(data))
        return real(fd, bytes(data[:3]))

    monkeypatch.setattr(os, "write", short)
    sink = FolderSink(tmp_path / "out")
    path, tmp, _digest, size = sink.stage("d/a.txt", "héllo wörld\n".encode())
    monkeypatch.undo()
    assert Path(tmp).read_bytes() == "héllo wörld\n".encode() and size == 14
    assert len(calls) == 5 and calls[0] == 14  # negative: one call would have left 11 bytes out
    os.unlink(tmp)
    sink.abort()


@pytest.mark.parametrize(
    "docs",
    [
        {"a": "First text.\n", "a/b": "Second text.\n"},
        {"a/b": "Second text.\n", "a": "First text.\n"},
        {"a": "First text.\n", "a/b/c": "Deeper text.\n"},
    ],
    ids=["file-then-folder", "folder-then-file", "deeper"],
)
def test_a_path_that_is_both_file_and_folder_is_a_named_refusal(tmp_path, docs):
    """Record ids "a" and "a/b" cannot both be written to a folder: an OutputPathError naming "a", no temp left."""
    out = tmp_path / "out"
    sink = FolderSink(out)
    with pytest.raises(OutputPathError, match="'a") as caught:
        run(MemorySource(docs), sink, CleanConfig(workers=1), report=tmp_path / "r.jsonl", quiet=True)
    sink.close()  # a second close after the refusal does not raise it again
    assert "both a file and a folder" in str(caught.value)
    assert [p.name for p in out.rglob(".nettoyeur-*")] == []
