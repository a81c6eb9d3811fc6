"""Bad input: every case has a named, counted outcome, and none ends in a traceback.

The byte-level cases (encodings, binary, line endings) are data: tests/data/bad_input.json.
The others need a file system: a 100 MB line, a huge file, 100,000 tiny files, a deep
tree, symbolic links, hostile file names, a file that disappears while the run goes on.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

import nettoyeur.corpus.folder_writer
import nettoyeur.corpus.sources
from corpusgen import corpus, prose, run_measured, snapshot, write_tree
from nettoyeur import CleanConfig, clean_folder
from nettoyeur.cli.main import main
from nettoyeur.corpus import folder_reader
from nettoyeur.corpus.sources import folder_pair
from nettoyeur.report.report_file import read_checksums
from nettoyeur.run.in_memory import run_in_memory
from nettoyeur.run.streaming import run
from nettoyeur.text.decode import MAX_NUL_RUN, NUL_BYTES_PER_ALLOWED, NUL_REMOVED, BinaryFileError, decode

CASES = json.loads((Path(__file__).parents[1] / "data" / "bad_input.json").read_text(encoding="utf-8"))["cases"]


def case_bytes(case: dict) -> bytes:
    return b"".join(
        (bytes.fromhex(p["hex"]) if "hex" in p else p["text"].encode(p["encoding"])) * p.get("repeat", 1)
        for p in case["parts"]
    )


def summary_of(out: Path) -> dict:
    return json.loads(out.with_name(out.name + ".summary.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden_bad_input_case(tmp_path, case):
    data = case_bytes(case)
    src = write_tree(tmp_path / "in", {"case.txt": data})
    out = tmp_path / "out"
    summary = clean_folder(src, out, CleanConfig(workers=1), quiet=True)
    expect = case["expect"]
    assert (src / "case.txt").read_bytes() == data, "the input changed"
    if "skipped" in expect:
        assert [s["file"] for s in summary["skipped"]] == ["case.txt"]
        assert summary["skipped_by_reason"] == {expect["skipped"]: 1}
        assert summary["skipped"][0]["detail"], "a skip says why"
        assert not (out / "case.txt").exists()
        return
    assert summary["skipped"] == []
    assert summary["files"] == 1
    assert summary["paragraphs"] == expect["paragraphs"]
    assert summary["non_utf8_files"] == ({} if expect["encoding"] == "utf-8" else {"case.txt": expect["encoding"]})
    if "nul_removed" in expect:  # the output is the input less its NUL bytes, counted here
        assert data.count(0) == expect["nul_removed"] and expect["encoding"].endswith("+nul-removed")
    wanted = data.replace(b"\x00", b"") if expect["output"] is None else expect["output"].encode("utf-8")
    output = (out / "case.txt").read_bytes()
    assert output == wanted
    assert b"\x00" not in output


NUL_CASES = {f"case{k:02d}.txt": c for k, c in enumerate(CASES) if b"\x00" in case_bytes(c)}


def test_the_nul_cases_cover_both_sides_of_each_limit():
    """Stray NULs removed, dense NULs and runs refused, UTF-16's zero bytes still read as UTF-16."""
    kinds = Counter(c["expect"].get("skipped") or c["expect"]["encoding"].split("+")[-1] for c in NUL_CASES.values())
    assert kinds["nul-removed"] >= 4 and kinds["binary"] >= 4 and kinds["utf-16-le"] + kinds["utf-16-be"] >= 2, kinds


def test_the_streaming_and_in_memory_runs_remove_and_report_nuls_alike(tmp_path):
    src = write_tree(tmp_path / "in", {name: case_bytes(c) for name, c in NUL_CASES.items()})
    seen = []
    for name, runner in (("stream", run), ("memory", run_in_memory)):
        source, sink = folder_pair(src, tmp_path / name, overwrite=False)
        summary = runner(source, sink, CleanConfig(workers=1), report=tmp_path / f"{name}.report.jsonl", quiet=True)
        seen.append((snapshot(tmp_path / name), summary["non_utf8_files"], summary["encodings"], summary["skipped"]))
    assert seen[0] == seen[1]
    cleaned = {name: c["expect"]["encoding"] for name, c in NUL_CASES.items() if "skipped" not in c["expect"]}
    assert seen[0][1] == cleaned
    assert seen[0][2] == dict(Counter(cleaned.values()))
    assert {s["file"]: s["reason"] for s in seen[0][3]} == {n: "binary" for n in NUL_CASES.keys() - cleaned.keys()}
    assert all("NUL" in s["detail"] for s in seen[0][3])


def test_the_stray_nul_limit_is_one_per_thousand_bytes_and_no_run():
    line = b"Text that a stray NUL byte got into, one line of many in a longer file.\n"
    lines = 3 * NUL_BYTES_PER_ALLOWED // len(line) + 1  # just over 3,000 bytes: 3 NULs allowed
    body = line * lines
    assert len(body) // NUL_BYTES_PER_ALLOWED == 3

    def with_nuls(n: int) -> bytes:  # n NULs, each at the end of a different line
        return b"".join(line + (b"\x00" if k < n else b"") for k in range(lines))

    for n in (1, 2, 3):
        assert decode(with_nuls(n)) == (body.decode(), "utf-8" + NUL_REMOVED)
    with pytest.raises(BinaryFileError, match="4 NUL bytes, more than 1 per 1,000"):
        decode(with_nuls(4))
    doubled = body[:100] + b"\x00" * MAX_NUL_RUN + body[100:]
    assert decode(doubled) == (body.decode(), "utf-8" + NUL_REMOVED)
    with pytest.raises(BinaryFileError, match="a run of more than"):
        decode(body[:100] + b"\x00" * (MAX_NUL_RUN + 1) + body[100:])
    assert decode(body) == (body.decode(), "utf-8")  # no NUL: nothing removed, nothing said


# ---------------------------------------------------------------- huge input


needs_resource = pytest.mark.skipif(sys.platform == "win32", reason="peak memory is read with the resource module")


@needs_resource
def test_a_100_mb_single_line_is_kept_unanalysed_reported_and_bounded(tmp_path):
    size = 100 * 10**6
    src = tmp_path / "in"
    src.mkdir()
    # Words of a 4-letter alphabet: a line a regex-per-word pass would turn into millions of objects.
    unit = b"abba baab abab baba aabb bbaa " * 1000
    with open(src / "huge.txt", "wb") as handle:
        for _ in range(size // len(unit)):
            handle.write(unit)
        handle.write(b"end\n")
    (src / "small.txt").write_text("A short ordinary file with one line of text.\n")
    out = tmp_path / "out"
    code, err, peak = run_measured(["clean", str(src), str(out), "-q", "--workers", "1"])
    assert code == 0, err
    assert "Traceback" not in err
    assert "1 line(s) longer than 1,000,000 characters were kept without analysis" in err
    summary = summary_of(out)
    length = (src / "huge.txt").stat().st_size - 1
    assert summary["long_lines"] == [{"file": "huge.txt", "line": 1, "chars": length}]
    assert summary["counts"] == {"kept": 2}
    assert (out / "huge.txt").stat().st_size == length + 1
    with open(out / "huge.txt", "rb") as a, open(src / "huge.txt", "rb") as b:
        assert a.read(1 << 20) == b.read(1 << 20)
    # Bounded: a small multiple of the file (bytes, text, line, output: 480 MB measured),
    # far below what analysing the line word by word would take (several GB).
    assert peak < 10 * size, f"peak memory {peak / 1e6:.0f} MB for a {size / 1e6:.0f} MB line"


@needs_resource
def test_a_file_over_the_size_cap_is_skipped_unread(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    with open(src / "dump.txt", "wb") as handle:  # 4 GiB, sparse: no disk used, and never read
        handle.truncate(4 * 2**30)
    (src / "ok.txt").write_text("An ordinary line of text.\n")
    out = tmp_path / "out"
    code, err, peak = run_measured(["clean", str(src), str(out), "-q", "--workers", "1"])
    assert code == 1, err
    summary = summary_of(out)
    assert summary["skipped_by_reason"] == {"too-large": 1}
    assert summary["skipped"][0]["file"] == "dump.txt" and "--max-file-mb" in summary["skipped"][0]["detail"]
    assert peak < 2**30, "the huge file was read"
    assert snapshot(out) == {"ok.txt": b"An ordinary line of text.\n"}


def test_the_file_size_cap_is_an_option(tmp_path):
    src = write_tree(tmp_path / "in", {"big.txt": "word " * 300_000 + "\n", "small.txt": "Small.\n"})
    result = CliRunner().invoke(main, ["clean", str(src), str(tmp_path / "out"), "-q", "--max-file-mb", "1"])
    assert result.exit_code == 1
    assert summary_of(tmp_path / "out")["skipped_by_reason"] == {"too-large": 1}
    result = CliRunner().invoke(main, ["clean", str(src), str(tmp_path / "out2"), "-q", "--max-file-mb", "2"])
    assert result.exit_code == 0


@pytest.mark.parametrize("told", [None, 0, 10])
@pytest.mark.parametrize("cap", [None, 99, 100, 5000])
def test_a_file_is_read_whole_and_never_past_the_cap(tmp_path, monkeypatch, told, cap):
    """The read goes on past the size fstat told (the file grew since, or fstat says 0) and stops past the cap."""
    path = tmp_path / "a.txt"
    path.write_bytes(bytes(range(100)))
    real = folder_reader._open_regular
    if told is not None:
        monkeypatch.setattr(folder_reader, "_open_regular", lambda p: (real(p)[0], told))
    monkeypatch.setattr(folder_reader, "_READ_MORE", 7)  # several reads after the first
    want = None if cap is not None and cap < 100 else bytes(range(100))
    assert folder_reader._read_bytes(str(path), cap) == want


# ---------------------------------------------------------------- many files, deep trees


@pytest.mark.slow
def test_100000_tiny_files(tmp_path):
    """All counted, all written. On a RAM file system when there is one: the disk is not what is tested."""
    shm = Path("/dev/shm")
    base = tmp_path
    if shm.is_dir() and os.access(shm, os.W_OK) and shutil.disk_usage(shm).free > 2 * 10**9:
        base = Path(os.path.realpath(shm)) / f"nettoyeur-test-{os.getpid()}"
    try:
        src = base / "in"
        n = 100_000
        for k in range(n):
            if k % 1000 == 0:
                (src / f"{k // 1000:03d}").mkdir(parents=True)
            with open(src / f"{k // 1000:03d}" / f"{k:06d}.txt", "w") as handle:
                handle.write(f"Note {k}: tiny.\nTiny notes, one a file\n")
        out = base / "out"
        summary = clean_folder(src, out, CleanConfig(workers=2), quiet=True)
        assert summary["files"] == n and summary["skipped"] == []
        # "Note 0: tiny." and "Note 1: tiny." differ only by a digit: the frequency signal
        # masks digits, so with the line below them they are one template block of the
        # corpus, and both lines of every file are removed.
        assert sum(v for k, v in summary["counts"].items() if k != "repaired") == 2 * n
        assert summary["output_files"] == {"resumed": 0, "written": n}
        assert sum(len(files) for _, _, files in os.walk(out)) == n
    finally:
        if base != tmp_path:
            shutil.rmtree(base, ignore_errors=True)


def test_a_deep_tree_is_mirrored(tmp_path):
    depth = 120
    rel = "/".join(f"level{k}" for k in range(depth))
    files = {f"{rel}/deep.txt": "At the bottom of a deep tree.\n", "top.txt": "At the top.\n"}
    src = write_tree(tmp_path / "in", files)
    summary = clean_folder(src, tmp_path / "out", CleanConfig(workers=1), quiet=True)
    assert summary["files"] == 2 and summary["skipped"] == []
    assert snapshot(tmp_path / "out") == {k: v.encode() for k, v in files.items()}


# ---------------------------------------------------------------- links, names, races


def test_symbolic_links_are_not_followed_and_are_reported(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Text outside the input folder.\n")
    src = write_tree(tmp_path / "in", {"real.txt": "A real file.\n", "sub/inner.txt": "Inner file.\n"})
    (src / "to-outside-file.txt").symlink_to(outside / "secret.txt")
    (src / "to-outside-dir").symlink_to(outside, target_is_directory=True)
    (src / "loop-a.txt").symlink_to(src / "loop-b.txt")
    (src / "loop-b.txt").symlink_to(src / "loop-a.txt")
    (src / "sub" / "up").symlink_to(src, target_is_directory=True)  # a folder loop
    (src / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["clean", str(src), str(out), "-q"])
    assert result.exit_code == 1, result.output
    summary = summary_of(out)
    links = sorted(s["file"] for s in summary["skipped"] if s["reason"] == "symlink")
    assert links == ["dangling.txt", "loop-a.txt", "loop-b.txt", "sub/up", "to-outside-dir", "to-outside-file.txt"]
    assert summary["skipped_by_reason"] == {"symlink": 6}
    assert snapshot(out) == {"real.txt": b"A real file.\n", "sub/inner.txt": b"Inner file.\n"}


def test_a_folder_that_cannot_be_listed_is_reported_and_the_rest_listed(tmp_path, monkeypatch):
    src = write_tree(tmp_path / "in", {"a.txt": "A.\n", "locked/b.txt": "B.\n", "z/c.md": "C.\n", "z/d.bin": "D"})
    (src / "to-z").symlink_to(src / "z", target_is_directory=True)
    real = os.scandir

    def scandir(path):  # as a folder without the read permission answers (tests may run as root)
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found, skips = folder_reader.list_files(src)
    assert found == ["a.txt", "z/c.md"]
    reasons = [(s.path, s.reason) for s in skips]
    assert reasons == [("locked", "unreadable"), ("to-z", "symlink"), ("z/d.bin", "not-text")]


def test_a_file_swapped_for_a_link_after_listing_is_not_followed(tmp_path, monkeypatch):
    outside = tmp_path / "secret.txt"
    outside.write_text("Secret text that must not be read.\n")
    src = write_tree(tmp_path / "in", {"a.txt": "First.\n", "b.txt": "Second.\n"})
    real = nettoyeur.corpus.sources.list_files

    def list_then_swap(root):
        found = real(root)
        (src / "b.txt").unlink()
        (src / "b.txt").symlink_to(outside)
        return found

    monkeypatch.setattr(nettoyeur.corpus.sources, "list_files", list_then_swap)
    summary = clean_folder(src, tmp_path / "out", CleanConfig(workers=1), quiet=True)
    assert summary["skipped_by_reason"] == {"symlink": 1}
    assert snapshot(tmp_path / "out") == {"a.txt": b"First.\n"}


def test_a_named_pipe_is_skipped_not_read(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    src = write_tree(tmp_path / "in", {"a.txt": "Text.\n"})
    os.mkfifo(src / "pipe.txt")  # reading it would block forever
    summary = clean_folder(src, tmp_path / "out", CleanConfig(workers=1), quiet=True)
    assert summary["skipped_by_reason"] == {"not-a-file": 1}


HOSTILE_NAMES = [
    "with spaces in it.txt",
    "new\nline.txt",
    "tab\there.txt",
    "-starts-with-dash.txt",
    "back\\slash.txt",
    "quote'\"s.txt",
    "日本語のファイル.txt",
    unicodedata.normalize("NFC", "café.txt"),
    "Case.txt",
    "case.txt",
    "CASE.TXT",
    "emoji 🎉.md",
    "x" * 240 + ".txt",
    ".hidden.txt",
]


def test_hostile_file_names_are_kept_exactly(tmp_path):
    rng = random.Random(5)
    files = {name: prose(rng) + "\n" for name in [*HOSTILE_NAMES, "sub dir/ünïcode/nested.txt"]}
    src = write_tree(tmp_path / "in", files)
    if len({p.name for p in src.iterdir()}) < len(HOSTILE_NAMES):
        pytest.skip("this file system folds names")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["clean", str(src), str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert snapshot(out) == {k: v.encode() for k, v in files.items()}
    summary = summary_of(out)
    assert sorted(read_checksums(summary)) == sorted(files)


def test_a_name_that_is_not_utf8_is_skipped_named_and_the_report_stays_utf8(tmp_path):
    if sys.platform in ("darwin", "win32"):
        pytest.skip("the file system requires valid Unicode names")
    src = tmp_path / "in"
    src.mkdir()
    raw = os.fsencode(str(src)) + b"/caf\xe9-latin1.txt"
    try:
        with open(raw, "wb") as handle:
            handle.write(b"Latin-1 file name.\n")
    except OSError:
        pytest.skip("the file system refuses non-UTF-8 names")
    (src / "ok.txt").write_text("Fine.\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["clean", str(src), str(out), "-q"])
    assert result.exit_code == 1, result.output
    summary = summary_of(out)  # valid UTF-8 JSON
    assert summary["skipped_by_reason"] == {"bad-name": 1}
    assert "caf" in summary["skipped"][0]["file"]
    assert snapshot(out) == {"ok.txt": b"Fine.\n"}


def test_names_differing_only_in_case_on_a_folding_file_system_are_an_error(tmp_path, monkeypatch):
    """On macOS/Windows "A.txt" and "a.txt" are one file: the second must not silently replace the first."""
    src = write_tree(tmp_path / "in", {"A.txt": "Upper.\n", "a.txt": "Lower.\n"})
    out = tmp_path / "out"
    monkeypatch.setattr(nettoyeur.corpus.folder_writer, "folds_names", lambda folder: True)
    real = nettoyeur.corpus.folder_writer.target_in

    def fold(base, rel, checked=None, *, shown=None):  # a case-insensitive file system, simulated
        return real(base, rel.lower(), checked, shown=shown)

    monkeypatch.setattr(nettoyeur.corpus.folder_writer, "target_in", fold)
    result = CliRunner().invoke(main, ["clean", str(src), str(out), "-q", "--workers", "1"])
    assert result.exit_code == 2, result.output
    assert "'a.txt'" in result.output and "'A.txt'" in result.output and "case" in result.output
    assert snapshot(out) == {"a.txt": b"Upper.\n"}  # the first one, intact


def test_a_file_that_disappears_between_listing_and_reading(tmp_path, monkeypatch):
    files = corpus(11, 12)
    src = write_tree(tmp_path / "in", files)
    gone = sorted(files)[4]
    real = nettoyeur.corpus.sources.list_files

    def list_then_delete(root):
        found = real(root)
        (src / gone).unlink()
        return found

    monkeypatch.setattr(nettoyeur.corpus.sources, "list_files", list_then_delete)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["clean", str(src), str(out), "-q", "--workers", "1"])
    assert result.exit_code == 1, result.output
    summary = summary_of(out)
    assert summary["skipped_by_reason"] == {"vanished": 1}
    assert summary["skipped"][0]["file"] == gone
    assert summary["files"] == len(files) - 1
    assert not (out / gone).exists()
