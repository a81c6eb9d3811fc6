"""Faults: kills, Ctrl-C, a full disk, permissions, OUT removed mid-run.

Each test checks the same promises: the input is never changed, no output file is ever
half-written under its final name, the error names the path and exits non-zero, and
the next run (``--resume``) finishes with the output of an uninterrupted run.
"""

from __future__ import annotations

import errno
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import nettoyeur.corpus.atomic
import nettoyeur.corpus.folder_reader
import nettoyeur.corpus.folder_writer
from conftest import in_process
from corpusgen import corpus, snapshot, write_tree
from nettoyeur import CleanConfig, clean_folder
from nettoyeur.cli.main import main
from nettoyeur.corpus.atomic import TMP_PREFIX, TMP_SUFFIX
from nettoyeur.corpus.journal import journal_path
from nettoyeur.scratch.paragraphs import SPILL_PREFIX

N_FILES = 2000  # "a few thousand small files": a run lasts seconds, long enough to be hit mid-write


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """A corpus of N_FILES small files and the output of an uninterrupted run."""
    base = tmp_path_factory.mktemp("faults")
    src = write_tree(base / "in", corpus(7, N_FILES))
    ref = base / "ref"
    clean_folder(src, ref, CleanConfig(), quiet=True)
    return {
        "src": src,
        "input": snapshot(src),
        "out": snapshot(ref),
        "report": (base / "ref.report.jsonl").read_bytes(),
    }


@pytest.fixture(scope="module")
def small_reference(tmp_path_factory):
    """A corpus of 40 files and its reference output, made once for the module."""
    base = tmp_path_factory.mktemp("small")
    src = write_tree(base / "in", corpus(3, 40))
    clean_folder(src, base / "ref", CleanConfig(), quiet=True)
    return {"src": src, "ref": snapshot(base / "ref"), "input": snapshot(src)}


@pytest.fixture()
def small(small_reference, tmp_path):
    """A copy of the 40-file corpus of this test's own (tests change it), its reference output, and a fresh OUT."""
    src = tmp_path / "in"
    shutil.copytree(small_reference["src"], src)
    return {"src": src, "out": tmp_path / "out", "ref": small_reference["ref"], "input": small_reference["input"]}


def temporaries(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.startswith(TMP_PREFIX) and p.name.endswith(TMP_SUFFIX)]


def journal_entries(out: Path) -> list[str]:
    """Files the journal records as finished (complete lines only)."""
    path = journal_path(out)
    if not path.exists():
        return []
    files = []
    for line in path.read_bytes().splitlines()[1:]:
        try:
            files.append(json.loads(line)["file"])
        except (ValueError, KeyError):
            pass
    return files


def assert_no_half_file(out: Path, reference: dict[str, bytes]) -> int:
    """Every file under its final name in OUT is byte-identical to the reference; returns their number."""
    whole = 0
    for rel, data in snapshot(out).items():
        if Path(rel).name.startswith(TMP_PREFIX):
            continue
        assert rel in reference, f"unexpected file {rel}"
        assert data == reference[rel], f"{rel} is not the complete output"
        whole += 1
    return whole


# The real command, with files renamed into place every 50 instead of every 4,096: a corpus
# of a few thousand files then has finished files to lose (or not) at every moment. With
# NETTOYEUR_TEST_PAUSE=FILE, the run pauses once, right after its first batch of files is
# renamed into place: it creates FILE.waiting and sleeps until FILE exists (or a guard of
# 120 s passes), so a signal sent then lands in the write pass at a known point, however
# fast the machine (racing a finished run made CI skip these cases).
_SMALL_BATCHES = """
import os, signal, sys, time
# Ctrl-C as at a terminal: a shell's background job (CI started with `&`) ignores SIGINT, and a child inherits that.
signal.signal(signal.SIGINT, signal.default_int_handler)
import nettoyeur.corpus.folder_writer as s
s.SYNC_FILES = 50
pause = os.environ.get("NETTOYEUR_TEST_PAUSE")
if pause:
    flush = s.FolderSink._flush
    def paused(self):
        before = self.output_files["written"]
        flush(self)
        if self.output_files["written"] > before and not os.path.exists(pause + ".waiting"):
            open(pause + ".waiting", "w").close()
            deadline = time.monotonic() + 120
            while not os.path.exists(pause) and time.monotonic() < deadline:
                time.sleep(0.01)
    s.FolderSink._flush = paused
from nettoyeur.cli.main import main
sys.argv[0] = "nettoyeur"
main()
"""


def start(args: list[str], pause: Path | None = None, **kwargs) -> subprocess.Popen:
    """Starts ``nettoyeur`` in its own process group (like a shell job); ``pause``: see _SMALL_BATCHES."""
    env = dict(os.environ)
    if pause is not None:
        env["NETTOYEUR_TEST_PAUSE"] = str(pause)
    return subprocess.Popen(
        [sys.executable, "-c", _SMALL_BATCHES, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env=env,
        **kwargs,
    )


def wait_for(proc: subprocess.Popen, condition, guard: float = 120.0) -> bool:
    """Polls ``condition`` until it holds (True) or the process ends (False); ``guard`` only stops a hang."""
    deadline = time.monotonic() + guard
    while time.monotonic() < deadline:
        if condition():
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.005)
    raise AssertionError("the condition never held")


def group_alive(pgid: int) -> bool:
    """True while a live (not zombie) process is in the process group ``pgid``."""
    proc = Path("/proc")
    if not proc.is_dir():
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return False
        return True
    for stat in proc.glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


def reap_group(proc: subprocess.Popen, guard: float = 30.0) -> None:
    """Waits until no process of ``proc``'s group is left: orphaned workers must exit by themselves."""
    deadline = time.monotonic() + guard
    while time.monotonic() < deadline:
        if not group_alive(proc.pid):
            return
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    raise AssertionError("worker processes outlived the killed run")


def resume(src: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    """The run after a fault, in this process: what it leaves is tested, not how its process ends."""
    return in_process("clean", str(src), str(out), "-q", *extra)


# ---------------------------------------------------------------- SIGKILL


def kill_moments() -> list[tuple[str, int]]:
    """Where to kill: before the journal exists, during the analysis, after the first file, at random points."""
    rng = random.Random(2024)
    return [("start", -1), ("analysis", 0), ("write", 1), ("write", rng.randint(2, N_FILES - 1))]


@pytest.mark.parametrize(("phase", "after"), kill_moments())
def test_sigkill_then_resume_gives_the_uninterrupted_output(big, tmp_path, phase, after):
    src, out = big["src"], tmp_path / "out"
    proc = start(["clean", str(src), str(out), "-q", "--workers", "2"])
    if phase == "start":
        hit = True
    elif phase == "analysis":
        hit = wait_for(proc, lambda: journal_path(out).exists())
    else:
        hit = wait_for(proc, lambda: len(journal_entries(out)) >= after)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    reap_group(proc)
    if not hit:
        pytest.skip("the run finished before the kill point (machine too fast for this corpus)")
    assert proc.returncode == -signal.SIGKILL

    assert snapshot(src) == big["input"], "the input changed"
    finished = journal_entries(out)
    whole = assert_no_half_file(out, big["out"]) if out.exists() else 0
    assert set(finished) <= set(snapshot(out)) if out.exists() else not finished
    assert whole >= len(finished)
    inodes = {rel: (out / rel).stat().st_ino for rel in finished}

    done = resume(src, out, "--resume")
    assert done.returncode == 0, done.stderr
    assert snapshot(out) == big["out"]
    assert (tmp_path / "out.report.jsonl").read_bytes() == big["report"]
    summary = json.loads((tmp_path / "out.summary.json").read_text())
    assert summary["output_files"] == {"resumed": len(set(finished)), "written": N_FILES - len(set(finished))}
    assert {rel: (out / rel).stat().st_ino for rel in finished} == inodes, "a finished file was rewritten"


def test_sigkill_then_plain_overwrite_run_also_finishes(big, tmp_path):
    src, out = big["src"], tmp_path / "out"
    proc = start(["clean", str(src), str(out), "-q", "--workers", "1"])
    hit = wait_for(proc, lambda: len(journal_entries(out)) >= N_FILES // 2)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    reap_group(proc)
    if not hit:
        pytest.skip("the run finished before the kill point")
    assert_no_half_file(out, big["out"])
    again = resume(src, out)
    assert again.returncode == 2 and "not empty" in again.stderr  # a plain rerun refuses a non-empty OUT
    done = resume(src, out, "--overwrite")
    assert done.returncode == 0, done.stderr
    assert snapshot(out) == big["out"]
    assert not temporaries(out)


# ---------------------------------------------------------------- Ctrl-C / SIGTERM


@pytest.mark.parametrize(
    ("sig", "whole_group", "phase"),
    [
        (signal.SIGINT, True, "write"),  # Ctrl-C at a terminal: the whole process group gets it
        (signal.SIGINT, True, "analysis"),
        (signal.SIGTERM, False, "write"),  # kill PID
    ],
)
def test_interrupt_stops_cleanly_and_says_what_was_finished(big, tmp_path, sig, whole_group, phase):
    src, out = big["src"], tmp_path / "out"
    if phase == "analysis":
        proc = start(["clean", str(src), str(out), "-q", "--workers", "2"])
        hit = wait_for(proc, lambda: journal_path(out).exists())
    else:  # paused after its first 50 files are renamed: the signal lands inside the write pass
        pause = tmp_path / "pause"
        proc = start(["clean", str(src), str(out), "-q", "--workers", "2"], pause=pause)
        hit = wait_for(proc, lambda: pause.with_suffix(".waiting").exists())
        assert hit, "the run ended before its first renamed batch"
    if whole_group:
        os.killpg(proc.pid, sig)
    else:
        proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)  # a guard against a hang, not a timing assertion
    reap_group(proc)
    if not hit:
        pytest.skip("the run finished before the interruption")
    if phase == "write":
        assert len(set(journal_entries(out))) >= 50, "the paused run had finished its first batch"
    elif proc.returncode == 0 and len(set(journal_entries(out))) == N_FILES:
        # The signal came after the last file was written (a fast run on a loaded machine):
        # there was nothing left to interrupt, and the run said so with a clean exit.
        pytest.skip("the run finished between the interruption point and the signal")
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert err.startswith("Interrupted")
    finished = journal_entries(out)
    if finished:
        assert f"{len(set(finished)):,} file(s) are finished in {out}" in err
    else:
        assert "before any file was finished" in err
    assert not temporaries(out), "temporary files were left behind"
    assert not list(tmp_path.glob(f"{TMP_PREFIX}*"))
    # An interruption between a file's rename and its journal line leaves one whole file unlisted.
    assert len(set(finished)) <= assert_no_half_file(out, big["out"]) <= len(set(finished)) + 1
    assert snapshot(src) == big["input"]

    done = resume(src, out, "--resume")
    assert done.returncode == 0, done.stderr
    assert snapshot(out) == big["out"]
    assert json.loads((tmp_path / "out.summary.json").read_text())["output_files"]["resumed"] == len(set(finished))


def test_resume_refuses_a_journal_of_other_options(small):
    src, out = small["src"], small["out"]
    clean_folder(src, out, CleanConfig(), quiet=True)
    result = CliRunner().invoke(main, ["clean", str(src), str(out), "-q", "--resume", "--threshold", "0.7"])
    assert result.exit_code == 2
    assert "other options" in result.output and str(journal_path(out)) in result.output
    assert snapshot(out) == small["ref"]


def test_resume_without_journal_refuses_a_non_empty_out(small):
    src, out = small["src"], small["out"]
    out.mkdir()
    (out / "keep.txt").write_text("not ours\n")
    result = CliRunner().invoke(main, ["clean", str(src), str(out), "-q", "--resume"])
    assert result.exit_code == 2 and "nothing to resume" in result.output
    assert snapshot(out) == {"keep.txt": b"not ours\n"}


def test_resume_rewrites_a_finished_file_changed_since(small):
    src, out = small["src"], small["out"]
    clean_folder(src, out, CleanConfig(), quiet=True)
    victim = sorted(small["ref"])[3]
    (out / victim).write_bytes(b"tampered\n")  # same journal entry, other bytes on disk
    summary = clean_folder(src, out, CleanConfig(workers=1), resume=True, quiet=True)
    assert summary["output_files"] == {"resumed": len(small["ref"]) - 1, "written": 1}
    assert snapshot(out) == small["ref"]


def test_resume_with_a_changed_input_writes_what_changed(small):
    src, out = small["src"], small["out"]
    clean_folder(src, out, CleanConfig(), quiet=True)
    rel = sorted(small["input"])[0]
    (src / rel).write_text("A brand new paragraph nobody has written before, long enough to be prose here.\n")
    fresh = small["out"].with_name("fresh")
    clean_folder(src, fresh, CleanConfig(), quiet=True)
    summary = clean_folder(src, out, CleanConfig(), resume=True, quiet=True)
    assert summary["output_files"]["written"] >= 1
    assert snapshot(out) == snapshot(fresh)


def test_a_journal_line_cut_short_is_ignored(small):
    src, out = small["src"], small["out"]
    clean_folder(src, out, CleanConfig(), quiet=True)
    path = journal_path(out)
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:-1]) + lines[-1][:20])  # the last record, cut by a kill
    summary = clean_folder(src, out, CleanConfig(), resume=True, quiet=True)
    assert summary["output_files"] == {"resumed": len(small["ref"]) - 1, "written": 1}
    assert snapshot(out) == small["ref"]
    after = path.read_bytes().splitlines()
    assert after[-2] == lines[-1][:20]  # the cut line stays, ended, and is skipped when read
    assert json.loads(after[-1])["file"] == json.loads(lines[-1])["file"]


# ---------------------------------------------------------------- disk full


class FullDisk:
    """Stands in for ``os.fdopen`` and ``write_all`` (nettoyeur.corpus.atomic): ``free`` bytes left, then ENOSPC."""

    def __init__(self, free: int) -> None:
        self.free = free
        self.real = os.fdopen
        self.real_write_all = nettoyeur.corpus.atomic.write_all

    def write_all(self, fd: int, data: bytes) -> None:
        """The output files' writes (``FolderSink``), on the same disk."""
        if len(data) > self.free:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.free -= len(data)
        self.real_write_all(fd, data)

    def __call__(self, fd, *args, **kwargs):
        handle = self.real(fd, *args, **kwargs)
        disk = self

        class Handle:
            def __enter__(self):
                handle.__enter__()
                return self

            def __exit__(self, *exc):
                return handle.__exit__(*exc)

            def write(self, data):
                if len(data) > disk.free:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                disk.free -= len(data)
                return handle.write(data)

            def __getattr__(self, name):
                return getattr(handle, name)

        return Handle()


@pytest.mark.parametrize("free", [0, 200, 5_000, 20_000])
def test_disk_full_names_the_file_exits_3_and_resume_finishes(small, monkeypatch, free):
    src, out = small["src"], small["out"]
    disk = FullDisk(free)
    monkeypatch.setattr(nettoyeur.corpus.atomic.os, "fdopen", disk)
    monkeypatch.setattr(nettoyeur.corpus.atomic, "write_all", disk.write_all)
    result = CliRunner().invoke(main, ["clean", str(src), str(out), "-q", "--workers", "1"])
    monkeypatch.undo()
    assert result.exit_code == 3, result.output
    assert isinstance(result.exception, SystemExit)  # a message, not a traceback
    match = re.search(r"I/O error on (\S+): No space left on device\. Free space on the disk", result.output)
    assert match, result.output
    failed = Path(match.group(1))
    beside = {
        out.with_name("out" + suffix).resolve() for suffix in (".journal.jsonl", ".report.jsonl", ".summary.json")
    }
    # or the write pass's report lines, spilled by a worker to the run's spill folder (TMPDIR)
    spilled = failed.parent.name.startswith(SPILL_PREFIX) and failed.name.startswith("report-")
    assert failed.parent == out.resolve() or failed.parent.parent == out.resolve() or failed in beside or spilled
    assert not failed.exists() or failed == journal_path(out), "the file that failed is under its final name"
    assert "--resume" in result.output
    assert not temporaries(out) and not list(out.parent.glob(f"{TMP_PREFIX}*"))
    assert assert_no_half_file(out, small["ref"]) == len(journal_entries(out))
    assert snapshot(src) == small["input"]

    done = CliRunner().invoke(main, ["clean", str(src), str(out), "-q", "--resume"])
    assert done.exit_code == 0, done.output
    assert snapshot(out) == small["ref"]


def _run_with_file_size_limit(src: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    """Runs the CLI with RLIMIT_FSIZE at 64 KiB: the kernel refuses writes past it (EFBIG), a real fault."""
    resource = pytest.importorskip("resource")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    return subprocess.run(
        [sys.executable, "-m", "nettoyeur", "clean", str(src), str(out), "-q", "--workers", "1"]
        + ["--max-line-chars", "1000", *extra],
        capture_output=True,
        text=True,
        preexec_fn=limit,
        timeout=300,
    )


def _big_line_corpus(tmp_path: Path) -> Path:
    files = corpus(5, 30)
    # One 100 KB line, over --max-line-chars: never analysed (no spill file of texts holds
    # it), only written; the snapshot of its shard holds it, unless --no-snapshot.
    files["zz-big.txt"] = "lorem ipsum " * 8_500 + "\n"
    return write_tree(tmp_path / "in", files)


def test_real_file_size_limit_is_an_io_error_naming_the_file(tmp_path):
    src = _big_line_corpus(tmp_path)
    before = snapshot(src)
    out = tmp_path / "out"
    proc = _run_with_file_size_limit(src, out, "--no-snapshot")
    assert proc.returncode == 3, proc.stderr
    assert "Traceback" not in proc.stderr
    assert f"I/O error on {out.resolve() / 'zz-big.txt'}" in proc.stderr
    assert not (out / "zz-big.txt").exists() and not temporaries(out)
    assert snapshot(src) == before
    ref = tmp_path / "ref"
    clean_folder(src, ref, CleanConfig(max_line_chars=1000), quiet=True)
    assert assert_no_half_file(out, snapshot(ref)) == len(journal_entries(out))


def test_a_full_temporary_folder_is_an_io_error_that_says_to_move_tmpdir(tmp_path):
    src = _big_line_corpus(tmp_path)
    before = snapshot(src)
    out = tmp_path / "out"
    proc = _run_with_file_size_limit(src, out)
    assert proc.returncode == 3, proc.stderr
    assert "Traceback" not in proc.stderr
    hit = re.search(r"I/O error on (\S*nettoyeur-spill-\d+-[^/]*)/\S*: File too large", proc.stderr)
    assert hit, proc.stderr
    assert "point TMPDIR at a disk with more room, or add --no-snapshot" in proc.stderr
    assert not (out / "zz-big.txt").exists() and not temporaries(out)
    assert snapshot(src) == before
    assert not Path(hit.group(1)).exists()  # the spill folder is removed on the way out


# ---------------------------------------------------------------- permissions


def permissions_enforced() -> bool:
    """True when a file with mode 000 cannot be read here (not so for root with its usual capabilities)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "probe"
        probe.write_bytes(b"x")
        probe.chmod(0)
        try:
            probe.read_bytes()
        except PermissionError:
            return True
        finally:
            probe.chmod(0o600)
    return False


needs_non_root = pytest.mark.skipif(not permissions_enforced(), reason="file permissions are not enforced (root)")


@needs_non_root
def test_unreadable_input_file_is_skipped_and_named(small):
    src, out = small["src"], small["out"]
    victim = src / sorted(small["input"])[0]
    victim.chmod(0)
    try:
        result = CliRunner().invoke(main, ["clean", str(src), str(out), "-q"])
    finally:
        victim.chmod(0o644)
    assert result.exit_code == 1
    summary = json.loads(out.with_name("out.summary.json").read_text())
    assert {"file": sorted(small["input"])[0], "reason": "unreadable"}.items() <= summary["skipped"][0].items()


def test_input_file_permission_denied_is_skipped_and_named(small, monkeypatch):
    """The same outcome where permissions cannot be taken away (root): the open fails with EACCES."""
    src, out = small["src"], small["out"]
    victim = sorted(small["input"])[0]
    real_open = nettoyeur.corpus.folder_reader._open_regular

    def deny(path):
        if str(path).endswith(victim):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path)

    monkeypatch.setattr(nettoyeur.corpus.folder_reader, "_open_regular", deny)
    result = CliRunner().invoke(main, ["clean", str(src), str(out), "-q", "--workers", "1"])
    assert result.exit_code == 1, result.output
    summary = json.loads(out.with_name("out.summary.json").read_text())
    skip = summary["skipped"][0]
    assert skip["file"] == victim and skip["reason"] == "unreadable" and "permission" in skip["detail"]
    assert summary["skipped_by_reason"] == {"unreadable": 1}
    assert not (out / victim).exists()
    assert snapshot(src) == small["input"]


@needs_non_root
def test_read_only_out_fails_first_and_names_it(small):
    src, out = small["src"], small["out"]
    out.mkdir()
    out.chmod(0o555)
    try:
        result = CliRunner().invoke(main, ["clean", str(src), str(out), "-q"])
    finally:
        out.chmod(0o755)
    assert result.exit_code == 3
    assert f"I/O error on {out}" in result.output and "Permission denied" in result.output
    assert snapshot(out) == {}


def test_out_permission_denied_fails_before_any_work_and_names_it(small, monkeypatch):
    src, out = small["src"], small["out"]

    def deny(folder, prefix, first=None):
        raise PermissionError(errno.EACCES, "Permission denied", os.path.join(folder, prefix + "x.tmp"))

    monkeypatch.setattr(nettoyeur.corpus.atomic, "create_temp", deny)
    result = CliRunner().invoke(main, ["clean", str(src), str(out), "-q"])
    assert result.exit_code == 3, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Permission denied" in result.output and "Fix the permissions" in result.output
    assert snapshot(out) == {} if out.exists() else True
    assert not out.with_name("out.summary.json").exists()


def test_permission_denied_on_a_subfolder_mid_run(small, monkeypatch):
    src, out = small["src"], small["out"]
    real = nettoyeur.corpus.atomic.create_temp

    def deny_d3(folder, prefix, first=None):
        if os.path.basename(folder) == "d3":
            raise PermissionError(errno.EACCES, "Permission denied", folder)
        return real(folder, prefix, first)

    monkeypatch.setattr(nettoyeur.corpus.atomic, "create_temp", deny_d3)
    result = CliRunner().invoke(main, ["clean", str(src), str(out), "-q", "--workers", "1"])
    assert result.exit_code == 3
    first_d3 = min(rel for rel in small["ref"] if rel.startswith("d3/"))
    assert f"I/O error on {out.resolve() / first_d3}: Permission denied" in result.output
    assert assert_no_half_file(out, small["ref"]) == len(journal_entries(out))
    assert not temporaries(out)


def test_a_temporary_name_taken_is_never_reused(tmp_path):
    """The name a caller asks for first is created only when free; taken, a random one is made (O_EXCL)."""
    fd, name = nettoyeur.corpus.atomic.create_temp(str(tmp_path), ".nettoyeur-t-", "7-0")
    os.write(fd, b"first")
    os.close(fd)
    assert os.path.basename(name) == ".nettoyeur-t-7-0.tmp"
    fd, other = nettoyeur.corpus.atomic.create_temp(str(tmp_path), ".nettoyeur-t-", "7-0")
    os.close(fd)
    assert other != name and os.path.basename(other).startswith(".nettoyeur-t-")
    assert open(name, "rb").read() == b"first"


# ---------------------------------------------------------------- OUT removed


@pytest.mark.parametrize("how", ["removed", "replaced"])
def test_out_removed_mid_run_is_an_error_naming_it(small, monkeypatch, how):
    src, out = small["src"], small["out"]
    monkeypatch.setattr(nettoyeur.corpus.folder_writer, "SYNC_FILES", 2)  # files renamed into place two by two
    real = nettoyeur.corpus.folder_writer.FolderSink.write_staged  # the main process takes over the files workers wrote
    calls = []

    def write_then_vanish(self, *args, **kwargs):
        real(self, *args, **kwargs)
        calls.append(args[0])
        if len(calls) == 5:
            shutil.rmtree(out)
            if how == "replaced":
                out.mkdir()

    monkeypatch.setattr(nettoyeur.corpus.folder_writer.FolderSink, "write_staged", write_then_vanish)
    result = CliRunner().invoke(main, ["clean", str(src), str(out), "-q", "--workers", "1"])
    assert result.exit_code == 3, result.output
    assert f"I/O error on {out}: the output folder was removed or replaced during the run" in result.output
    assert len(calls) == 5, "nothing may be written after OUT disappeared"
    assert not out.exists() or snapshot(out) == {}
    assert not out.with_name("out.summary.json").exists()
    assert snapshot(src) == small["input"]


def test_resume_is_refused_for_record_outputs(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.jsonl").write_text('{"id": 1, "text": "Hello there."}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(src), str(tmp_path / "out"), "-q", "--resume"])
    assert result.exit_code == 2 and "--resume continues a folder of text files" in result.output
    assert not (tmp_path / "out").exists()


def test_resume_with_dry_run_is_a_usage_error(small):
    result = CliRunner().invoke(main, ["clean", str(small["src"]), str(small["out"]), "--resume", "--dry-run"])
    assert result.exit_code == 2 and "cannot be combined" in result.output
