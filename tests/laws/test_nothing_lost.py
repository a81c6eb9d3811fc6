"""Nothing lost, part two (issue 15): concurrent runs, stale outputs, damaged indexes, bad records, located errors.

The runs that hold a lock, are killed, or meet a full disk or another TMPDIR run the real
command in subprocesses; the other runs (a second run refused by a live first one, the
resumes after a kill, the checks of outputs and messages) run it in this process
(conftest.in_process: the same command, its exit code and its error stream, without the
~0.5 CPU-s start of an interpreter each). Damaged indexes and records are fixtures written
here; the corpora and the index the tests only read or copy are made once per module. Each
test is named by the README's "Nothing is lost" section, next to the guarantee it checks.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import in_process
from corpusgen import corpus, snapshot, write_tree
from nettoyeur import CleanConfig, clean_folder
from nettoyeur.corpus.atomic import TMP_PREFIX, TMP_SUFFIX

# The real command, in a process of its own; with NETTOYEUR_TEST_HOLD=FILE, the run stops
# before its first batch of files is renamed into place (its temporary files are in OUT)
# and waits until FILE exists: a second run can then be started against a live first one.
_HELD = """
import os, sys, time
import nettoyeur.corpus.folder_writer as fs
fs.SYNC_FILES = 20
hold = os.environ.get("NETTOYEUR_TEST_HOLD")
if hold:
    flush = fs.FolderSink._flush
    def held(self):
        if self._pending:
            open(hold + ".waiting", "w").close()
            while not os.path.exists(hold):
                time.sleep(0.01)
        flush(self)
    fs.FolderSink._flush = held
from nettoyeur.cli.main import main
sys.argv[0] = "nettoyeur"
main()
"""


def start(args: list[str], hold: Path | None = None) -> subprocess.Popen:
    env = dict(os.environ)
    if hold is not None:
        env["NETTOYEUR_TEST_HOLD"] = str(hold)
    return subprocess.Popen(
        [sys.executable, "-c", _HELD, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )


def nettoyeur(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """The real command in a process of its own: for runs under another environment or against a real full disk."""
    return subprocess.run(
        [sys.executable, "-m", "nettoyeur", *args], capture_output=True, text=True, timeout=timeout, env=env
    )


def wait_until(proc: subprocess.Popen, condition, guard: float = 120.0) -> None:
    """Polls ``condition`` until it holds; fails when the process ends first (``guard`` only stops a hang)."""
    deadline = time.monotonic() + guard
    while time.monotonic() < deadline:
        if condition():
            return
        if proc.poll() is not None:
            raise AssertionError(f"the run ended first: {proc.communicate()}")
        time.sleep(0.01)
    raise AssertionError("the condition never held")


def temporaries(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.startswith(TMP_PREFIX) and p.name.endswith(TMP_SUFFIX)]


@pytest.fixture(scope="module")
def pair_inputs(tmp_path_factory):
    """Two corpora A and B, and A's reference output, made once (the runs only read them)."""
    base = tmp_path_factory.mktemp("pair")
    a = write_tree(base / "A", corpus(3, 120))
    b = write_tree(base / "B", corpus(4, 60))
    clean_folder(a, base / "ref", CleanConfig(), quiet=True)
    return {"a": a, "b": b, "ref": snapshot(base / "ref")}


@pytest.fixture()
def pair(pair_inputs, tmp_path):
    """The two corpora, A's reference output and a fresh OUT of this test."""
    return {**pair_inputs, "out": tmp_path / "out"}


# ---------------------------------------------------------------- 1. one run at a time


@pytest.mark.parametrize("second", [["--overwrite"], ["--resume"], []])
def test_second_run_on_a_live_out_is_refused_and_the_first_finishes_whole(pair, tmp_path, second):
    hold = tmp_path / "go"
    first = start(["clean", str(pair["a"]), str(pair["out"]), "-q", "--workers", "1"], hold)
    wait_until(first, lambda: Path(str(hold) + ".waiting").exists())
    live = temporaries(pair["out"])
    assert live, "the first run has staged files"

    other = in_process("clean", str(pair["b"]), str(pair["out"]), "-q", *second)
    assert other.returncode == 2, other.stderr
    assert f"pid {first.pid}" in other.stderr and "in use by another nettoyeur run" in other.stderr
    assert "started " in other.stderr and "host " in other.stderr
    assert all(p.exists() for p in live), "the second run removed the first one's temporary files"

    hold.touch()
    out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    assert snapshot(pair["out"]) == pair["ref"]
    assert not (tmp_path / "out.lock").exists() and not (tmp_path / "out.report.jsonl.lock").exists()


def test_second_run_with_the_same_report_is_refused(pair, tmp_path):
    hold = tmp_path / "go"
    report = tmp_path / "shared.report.jsonl"
    first = start(["clean", str(pair["a"]), str(pair["out"]), "-q", "--report", str(report)], hold)
    wait_until(first, lambda: Path(str(hold) + ".waiting").exists())
    other = in_process("clean", str(pair["b"]), str(tmp_path / "elsewhere"), "-q", "--report", str(report))
    assert other.returncode == 2 and f"pid {first.pid}" in other.stderr, other.stderr
    assert not (tmp_path / "elsewhere").exists(), "the refused run wrote nothing"
    hold.touch()
    first.communicate(timeout=120)
    assert first.returncode == 0
    assert snapshot(pair["out"]) == pair["ref"]


def test_stale_lock_of_a_killed_run_is_taken_over(pair, tmp_path):
    hold = tmp_path / "go"
    first = start(["clean", str(pair["a"]), str(pair["out"]), "-q", "--workers", "1"], hold)
    wait_until(first, lambda: Path(str(hold) + ".waiting").exists())
    first.send_signal(signal.SIGKILL)
    first.communicate(timeout=60)
    lock = tmp_path / "out.lock"
    assert json.loads(lock.read_text())["pid"] == first.pid, "the killed run's lock file is left"

    again = in_process("clean", str(pair["a"]), str(pair["out"]), "-q", "--resume")
    assert again.returncode == 0, again.stderr
    assert snapshot(pair["out"]) == pair["ref"]
    assert not temporaries(pair["out"])
    assert not lock.exists()
    taken = json.loads((tmp_path / "out.summary.json").read_text())["stale_locks_taken_over"]
    assert {entry["pid"] for entry in taken} == {first.pid}


# ---------------------------------------------------------------- 2. OUT holds this run's outputs, exactly


def _edit_add_delete(src: Path) -> None:
    names = sorted(p.relative_to(src).as_posix() for p in src.rglob("*.txt") if "gone" not in p.parts)
    (src / names[0]).write_text("An edited article, with words of its own to keep here.\n", encoding="utf-8")
    (src / "zz-new.txt").write_text("A brand new article arrives with fresh words.\n", encoding="utf-8")
    (src / names[1]).unlink()


@pytest.mark.parametrize("mode", ["--resume", "--overwrite"])
def test_after_resume_or_overwrite_out_holds_exactly_this_runs_outputs(tmp_path, mode):
    src = write_tree(tmp_path / "in", corpus(5, 30))
    (src / "gone" / "deep").mkdir(parents=True)
    (src / "gone" / "deep" / "old.txt").write_text("A lonely article in a folder that will go.\n", encoding="utf-8")
    out = tmp_path / "out"
    first = in_process("clean", str(src), str(out), "-q")
    assert first.returncode == 0, first.stderr
    _edit_add_delete(src)
    shutil.rmtree(src / "gone")
    again = in_process("clean", str(src), str(out), "-q", mode)
    assert again.returncode == 0, again.stderr
    fresh = tmp_path / "fresh"
    assert in_process("clean", str(src), str(fresh), "-q").returncode == 0
    assert snapshot(out) == snapshot(fresh)
    assert not (out / "gone").exists(), "the emptied folder is removed too"
    summary = json.loads((tmp_path / "out.summary.json").read_text())
    assert len(summary["stale_outputs_removed"]) == 2 and "gone/deep/old.txt" in summary["stale_outputs_removed"]
    assert "stale_outputs_removed" not in json.loads((tmp_path / "fresh.summary.json").read_text())
    if mode == "--resume":
        assert summary["since_journal"] == {"inputs_changed": 1, "inputs_new": 1, "inputs_gone": 2}
        assert "1 input(s) changed, 1 new and 2 gone since the journal" in again.stderr
    journal = (tmp_path / "out.journal.jsonl").read_text().splitlines()[1:]
    assert sorted(json.loads(line)["file"] for line in journal) == sorted(snapshot(fresh))
    # and a second --resume finds nothing to do
    third = in_process("clean", str(src), str(out), "-q", "--resume")
    assert third.returncode == 0 and snapshot(out) == snapshot(fresh)
    assert json.loads((tmp_path / "out.summary.json").read_text())["since_journal"] == {
        "inputs_changed": 0,
        "inputs_new": 0,
        "inputs_gone": 0,
    }


def test_foreign_file_in_out_refuses_resume_and_is_kept_with_overwrite(tmp_path):
    src = write_tree(tmp_path / "in", corpus(5, 20))
    out = tmp_path / "out"
    assert in_process("clean", str(src), str(out), "-q").returncode == 0
    (out / "notes").mkdir()
    (out / "notes" / "mine.txt").write_text("my own notes", encoding="utf-8")
    before = snapshot(out)
    refused = in_process("clean", str(src), str(out), "-q", "--resume")
    assert refused.returncode == 2 and "notes/mine.txt" in refused.stderr and "--overwrite" in refused.stderr
    assert snapshot(out) == before
    kept = in_process("clean", str(src), str(out), "-q", "--resume", "--overwrite")
    assert kept.returncode == 0, kept.stderr
    assert (out / "notes" / "mine.txt").read_text(encoding="utf-8") == "my own notes"
    summary = json.loads((tmp_path / "out.summary.json").read_text())
    assert summary["foreign_files_kept"] == ["notes/mine.txt"]
    assert "stale_outputs_removed" not in summary


# ---------------------------------------------------------------- 3. a damaged index is refused, never half-updated


@pytest.fixture(scope="module")
def indexed(tmp_path_factory) -> dict[str, Path]:
    """An index holding one run of corpus 6, the next run's input, and that run's index made from a copy.

    Made once: each test damages or kills a copy of the index (:func:`_indexed`); the input is only read.
    """
    base = tmp_path_factory.mktemp("indexed")
    first = write_tree(base / "day1", corpus(6, 30))
    index = base / "idx"
    done = in_process("clean", str(first), str(base / "out1"), "-q", "--index", str(index))
    assert done.returncode == 0, done.stderr
    day2 = write_tree(base / "day2", corpus(7, 30))
    reference = base / "idx-ref"
    shutil.copytree(index, reference)
    done = in_process("clean", str(day2), str(base / "ref2"), "-q", "--index", str(reference))
    assert done.returncode == 0, done.stderr
    return {"index": index, "day2": day2, "reference": reference}


def _indexed(indexed: dict[str, Path], tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the index holding one run of corpus 6 in this test's folder; returns (index, the next run's input)."""
    index = tmp_path / "idx"
    shutil.copytree(indexed["index"], index)
    return index, indexed["day2"]


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _garbage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for i in range(len(data) // 2, len(data)):
        data[i] = (data[i] * 7 + 13) % 256
    path.write_bytes(bytes(data))


DAMAGES = {
    "truncated bands keys": ("run-000001/bands.keys.npy", _truncate),
    "garbage in bands keys": ("run-000001/bands.keys.npy", _garbage),
    "truncated paragraphs": ("run-000001/paragraphs.jsonl", _truncate),
    "deleted paragraphs": ("run-000001/paragraphs.jsonl", Path.unlink),
    "truncated line counts": ("lines-000001.npz", _truncate),
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_damaged_index_is_refused_naming_the_file(indexed, tmp_path, damage):
    index, day2 = _indexed(indexed, tmp_path)
    name, hurt = DAMAGES[damage]
    hurt(index / name)
    header = (index / "nettoyeur-index.json").read_bytes()
    run = in_process("clean", str(day2), str(tmp_path / "out2"), "-q", "--index", str(index))
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert str(index / name) in run.stderr and "--index" in run.stderr and "damaged" in run.stderr
    assert not (tmp_path / "out2").exists(), "nothing is written"
    assert (index / "nettoyeur-index.json").read_bytes() == header, "the index is not touched"


def test_index_without_checksums_still_refuses_a_truncated_table(indexed, tmp_path):
    """An index written before sizes and checksums were recorded: a damaged table is found as it is read."""
    index, day2 = _indexed(indexed, tmp_path)
    meta_path = index / "nettoyeur-index.json"
    meta = json.loads(meta_path.read_text())
    for run in meta["runs"]:
        run.pop("files")
    meta.pop("lines_file")
    meta_path.write_text(json.dumps(meta))
    _truncate(index / "run-000001" / "bands.keys.npy")
    run = in_process("clean", str(day2), str(tmp_path / "out2"), "-q", "--index", str(index))
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    assert "bands.keys.npy" in run.stderr


# Kills the run at the Nth call of the named step of the index update (SIGKILL: no cleanup at all).
_KILL_IN_UPDATE = """
import os, signal, sys
import numpy as np
import nettoyeur.index.folder_store as f
step, nth = sys.argv[1], int(sys.argv[2])
calls = {"n": 0}
def killer(original):
    def wrapped(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == nth:
            os.kill(os.getpid(), signal.SIGKILL)
        return original(*args, **kwargs)
    return wrapped
if step == "save":
    f.np.save = killer(np.save)
elif step == "savez":
    f.np.savez = killer(np.savez)
else:
    f.FolderBackend.write_meta = killer(f.FolderBackend.write_meta)
from nettoyeur.cli.main import main
sys.argv = ["nettoyeur", *sys.argv[3:]]
main()
"""


@pytest.mark.parametrize(("step", "nth"), [("save", 1), ("save", 5), ("savez", 1), ("meta", 1)])
def test_sigkill_during_the_index_update_leaves_the_index_as_it_was(indexed, tmp_path, step, nth):
    index, day2 = _indexed(indexed, tmp_path)
    before = snapshot(index)
    reference = indexed["reference"]  # the same index after an uninterrupted run of day2
    args = ["clean", str(day2), str(tmp_path / "out2"), "-q", "--index", str(index)]
    killed = subprocess.run([sys.executable, "-c", _KILL_IN_UPDATE, step, str(nth), *args], capture_output=True)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    after = {k: v for k, v in snapshot(index).items() if not k.startswith((".tmp-", "run-000002/", ".lock"))}
    assert after == {k: v for k, v in before.items() if k != ".lock"} | (
        {"lines-000002.npz": after["lines-000002.npz"]} if "lines-000002.npz" in after else {}
    )
    # the index opens and the run, done again, adds itself once
    again = in_process("clean", str(day2), str(tmp_path / "out3"), "-q", "--index", str(index))
    assert again.returncode == 0, again.stderr
    meta = json.loads((index / "nettoyeur-index.json").read_text())
    assert [r["run"] for r in meta["runs"]] == [1, 2]
    assert not [p for p in index.iterdir() if p.name.startswith(".tmp-")]
    ref = json.loads((reference / "nettoyeur-index.json").read_text())
    assert meta["runs"][1]["files"] == ref["runs"][1]["files"] and meta["lines_file"] == ref["lines_file"]


# ---------------------------------------------------------------- 4. bad records pass through, damaged shards salvaged


def _records(n: int, seed: int = 0) -> list[dict]:
    texts = corpus(seed, n, chrome=False)
    return [{"id": i, "text": text} for i, text in enumerate(texts.values())]


def _jsonl(records: list[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


BAD_LINES = [
    b'{"id": "broken", "text": "no end',  # not JSON
    b'["a", "list"]',  # not an object
    b'{"id": "no-text", "body": "x"}',  # no text field
    b'{"id": "number", "text": 42}',  # not a string
    b'{"id": "null", "text": null}',
]


@pytest.mark.parametrize("drop", [False, True])
def test_bad_records_pass_through_unchanged_in_place(tmp_path, drop):
    good = _records(12)
    lines = _jsonl(good).split(b"\n")
    lines[3:3] = BAD_LINES[:3]
    lines[9:9] = BAD_LINES[3:]
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\n".join(lines))
    run = in_process("clean", str(src), str(tmp_path / "out.jsonl"), "-q", *(["--drop-bad-records"] if drop else []))
    assert run.returncode == 1, run.stderr  # done, with skips
    out = (tmp_path / "out.jsonl").read_bytes().split(b"\n")
    summary = json.loads((tmp_path / "out.jsonl.summary.json").read_text())
    named = {s["file"] for s in summary["skipped"]}
    assert named == {f"in.jsonl#{row:09d}" for row in (4, 5, 6, 10, 11)}
    if drop:
        assert summary["records_dropped_bad"] == 5 and not set(BAD_LINES) & set(out)
        assert len([line for line in out if line]) == len(good)
    else:
        assert summary["records_passed_through"] == 5
        assert out[3:6] == BAD_LINES[:3] and out[9:11] == BAD_LINES[3:], "unchanged, where they were"
        assert len([line for line in out if line]) == len([line for line in lines if line]), "as many records as IN"


def test_truncated_gzip_shard_cleans_its_readable_part(tmp_path):
    import gzip

    records = _records(400, seed=3)
    data = gzip.compress(_jsonl(records) * 3, mtime=0)
    src = tmp_path / "in"
    src.mkdir()
    (src / "part.jsonl.gz").write_bytes(data[: len(data) * 2 // 3])
    run = in_process("clean", str(src), str(tmp_path / "out"), "-q")
    assert run.returncode == 1, run.stderr
    summary = json.loads((tmp_path / "out.summary.json").read_text())
    (cut,) = [s for s in summary["skipped"] if s["reason"] == "truncated"]
    assert cut["file"] == "part.jsonl.gz" and "cut short" in cut["detail"]
    with gzip.open(tmp_path / "out" / "part.jsonl.gz", "rb") as handle:
        out = [json.loads(line) for line in handle.read().splitlines()]
    assert len(out) > len(records), "more than the first third of the records was readable and cleaned"
    assert [r["id"] for r in out] == [r["id"] for r in (records * 3)[: len(out)]]
    assert f"{len(out):,} whole record" in cut["detail"]


def test_unreadable_shards_get_no_output_file(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    src = tmp_path / "in"
    src.mkdir()
    (src / "a-good.jsonl").write_bytes(_jsonl(_records(5)))
    (src / "b-garbage.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(256)) * 8)
    pq.write_table(pa.Table.from_pylist(_records(200, seed=4)), src / "c-pages.parquet")
    raw = bytearray((src / "c-pages.parquet").read_bytes())
    footer = int.from_bytes(raw[-8:-4], "little") + 8
    for i in range(8, len(raw) - footer - 8):  # the data pages; the footer (schema, row count) stays readable
        raw[i] = 0xAB
    (src / "c-pages.parquet").write_bytes(bytes(raw))
    run = in_process("clean", str(src), str(tmp_path / "out"), "-q")
    assert run.returncode == 1, run.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a-good.jsonl"]
    summary = json.loads((tmp_path / "out.summary.json").read_text())
    reasons = {s["file"].split("#")[0]: s["reason"] for s in summary["skipped"]}
    assert reasons == {"b-garbage.jsonl.gz": "unreadable", "c-pages.parquet": "unreadable"}


# ---------------------------------------------------------------- 5. every I/O error names the path and the location


def _mount(path: Path, options: str) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True)
    return done.returncode == 0


@pytest.fixture()
def disks(tmp_path):
    """A full-to-be 256 KiB tmpfs and a read-only one (mounting needs root: skipped otherwise)."""
    full, ro = tmp_path / "full", tmp_path / "ro"
    if not _mount(full, "size=256k"):
        pytest.skip("mounting a small tmpfs needs root")
    if not _mount(ro, "ro,size=64k"):
        subprocess.run(["umount", str(full)])
        pytest.skip("mounting a read-only tmpfs failed")
    yield {"full": full, "ro": ro}
    for mounted in (full, ro):
        subprocess.run(["umount", "-l", str(mounted)], capture_output=True)


@pytest.fixture(scope="module")
def io_corpus(tmp_path_factory):
    return write_tree(tmp_path_factory.mktemp("io") / "in", corpus(9, 400))


def _fill(folder: Path, leave: int) -> None:
    """Fills ``folder``'s file system but ``leave`` bytes."""
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    (folder / "filler").write_bytes(b"\0" * max(0, free - leave))


def test_full_disk_under_the_report_names_the_report(tmp_path, disks, io_corpus):
    _fill(disks["full"], 16 << 10)
    report = disks["full"] / "run.report.jsonl"
    run = nettoyeur("clean", str(io_corpus), str(tmp_path / "out"), "-q", "--workers", "2", "--report", str(report))
    assert run.returncode == 3, run.stderr
    assert "No space left on device" in run.stderr and f"I/O error on {report}:" in run.stderr
    assert "It is where the report goes" in run.stderr and "--report" in run.stderr


def test_full_tmpdir_without_snapshot_names_tmpdir(tmp_path, disks, io_corpus):
    _fill(disks["full"], 16 << 10)
    env = dict(os.environ, TMPDIR=str(disks["full"]))
    run = nettoyeur("clean", str(io_corpus), str(tmp_path / "out"), "-q", "--workers", "2", "--no-snapshot", env=env)
    assert run.returncode == 3, run.stderr
    assert f"I/O error on {disks['full']}/nettoyeur-spill-" in run.stderr
    assert "It is in TMPDIR" in run.stderr and "point TMPDIR at a disk with more room" in run.stderr
    assert "--no-snapshot, which needs less" not in run.stderr, "it is on already"


def test_full_disk_under_out_names_the_path_and_location(disks, io_corpus):
    _fill(disks["full"], 48 << 10)
    run = nettoyeur("clean", str(io_corpus), str(disks["full"] / "out"), "-q", "--workers", "2", timeout=60)
    assert run.returncode == 3, run.stderr
    assert "I/O error on: " not in run.stderr
    named = run.stderr.split("I/O error on ", 1)[1].split(":", 1)[0]
    assert named.startswith(str(disks["full"])), run.stderr
    assert "It is in OUT" in run.stderr or "It is where the report goes" in run.stderr


@pytest.mark.parametrize("where", ["report", "TMPDIR"])
def test_unwritable_report_or_tmpdir_is_refused_before_the_first_pass(tmp_path, disks, io_corpus, where):
    env = dict(os.environ)
    args = ["clean", str(io_corpus), str(tmp_path / "out"), "-q"]
    if where == "report":
        args += ["--report", str(disks["ro"] / "run.report.jsonl")]
    else:
        env["TMPDIR"] = str(disks["ro"])
    run = nettoyeur(*args, env=env)
    assert run.returncode == 3, run.stderr  # an I/O error, as an unwritable OUT is
    assert f"I/O error on {disks['ro']}" in run.stderr and "Read-only file system" in run.stderr
    assert ("It is where the report goes" if where == "report" else "It is in TMPDIR") in run.stderr
    assert not (tmp_path / "out").exists(), "refused before anything was written"


# ---------------------------------------------------------------- 7. the small items


def test_record_outputs_get_the_mode_text_outputs_get(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(_jsonl(_records(3)))
    texts = write_tree(tmp_path / "texts", {"a.txt": "Some words of an article.\n"})
    assert in_process("clean", str(src), str(tmp_path / "out.jsonl"), "-q").returncode == 0
    assert in_process("clean", str(texts), str(tmp_path / "tout"), "-q").returncode == 0
    record_mode = (tmp_path / "out.jsonl").stat().st_mode & 0o777
    assert record_mode == (tmp_path / "tout" / "a.txt").stat().st_mode & 0o777
    assert record_mode != 0o600


def test_a_final_slash_makes_a_shard_named_out_a_folder(tmp_path):
    src = tmp_path / "x.jsonl"
    src.write_bytes(_jsonl(_records(3)))
    run = in_process("clean", str(src), str(tmp_path / "out.jsonl") + "/", "-q")
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out.jsonl").is_dir() and (tmp_path / "out.jsonl" / "x.jsonl").is_file()


def test_explain_a_line_where_no_paragraph_starts_is_an_error(tmp_path):
    src = write_tree(tmp_path / "in", {"a.txt": "First paragraph here.\n\nSecond one, with words.\n"})
    assert in_process("clean", str(src), str(tmp_path / "out"), "-q").returncode == 0
    report = str(tmp_path / "out.report.jsonl")
    kept = in_process("explain", report, "a.txt:3")
    assert kept.returncode == 0 and "KEPT" in kept.stdout
    missing = in_process("explain", report, "a.txt:9999")
    assert missing.returncode == 2 and "KEPT" not in missing.stdout
    assert "no paragraph of a.txt starts at line 9999" in missing.stderr and "1, 3" in missing.stderr


def test_quiet_still_names_skipped_files(tmp_path):
    src = write_tree(tmp_path / "in", {"a.txt": "Words of an article.\n", "b.txt": b"\x00\x01\x02" * 50})
    run = in_process("clean", str(src), str(tmp_path / "out"), "-q")
    assert run.returncode == 1 and "skipped b.txt: binary" in run.stderr and run.stdout == ""


def test_report_on_the_journal_is_refused(tmp_path):
    src = write_tree(tmp_path / "in", {"a.txt": "Words of an article.\n"})
    run = in_process("clean", str(src), str(tmp_path / "out"), "-q", "--report", str(tmp_path / "out.journal.jsonl"))
    assert run.returncode == 2 and "the journal of OUT" in run.stderr
    assert not (tmp_path / "out").exists()


def test_a_socket_is_not_a_file_not_no_such_device(tmp_path):
    import socket

    src = write_tree(tmp_path / "in", {"a.txt": "Words of an article.\n"})
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(src / "sock.txt"))
        run = in_process("clean", str(src), str(tmp_path / "out"), "-q")
    finally:
        server.close()
    assert run.returncode == 1
    (skip,) = json.loads((tmp_path / "out.summary.json").read_text())["skipped"]
    assert skip["file"] == "sock.txt" and skip["reason"] == "not-a-file" and "No such device" not in skip["detail"]


def test_scan_help_says_the_index_is_only_read():
    text = in_process("scan", "--help").stdout
    assert "scan only reads it" in " ".join(text.split()) and "are added to it" not in " ".join(text.split())


# Deletes a file between the analysis and the write pass (--no-snapshot reads it again there).
_DELETE_BEFORE_WRITE = """
import sys, pathlib
import nettoyeur.run.streaming as p
decide, victim = p.decide, pathlib.Path(sys.argv[1])
def deleting(*args, **kwargs):
    victim.unlink()
    return decide(*args, **kwargs)
p.decide = deleting
from nettoyeur.cli.main import main
sys.argv = ["nettoyeur", *sys.argv[2:]]
main()
"""


def test_a_file_deleted_mid_run_without_snapshot_is_not_nothing_written(tmp_path):
    src = write_tree(tmp_path / "in", corpus(2, 30))
    victim = sorted(src.rglob("*.txt"))[-1]
    args = ["clean", str(src), str(tmp_path / "out"), "-q", "--no-snapshot", "--workers", "1"]
    command = [sys.executable, "-c", _DELETE_BEFORE_WRITE, str(victim), *args]
    run = subprocess.run(command, capture_output=True, text=True)
    assert run.returncode == 3, run.stderr
    assert "changed while it was being cleaned" in run.stderr and "--resume" in run.stderr
    assert "nothing" not in run.stderr
    again = in_process("clean", str(src), str(tmp_path / "out"), "-q", "--resume")
    assert again.returncode == 0, again.stderr


@pytest.mark.parametrize(("ending", "lines"), [("\n", 5), ("", 5), ("\r\n", 5), ("\n", 6)])
def test_too_many_lines_counts_lines_not_line_breaks(tmp_path, ending, lines):
    text = "\r\n".join(f"line {i} of the file" for i in range(lines)) if ending == "\r\n" else None
    text = (text or "\n".join(f"line {i} of the file" for i in range(lines))) + ending
    src = write_tree(tmp_path / "in", {"a.txt": text, "b.txt": "Other words.\n"})
    run = in_process("clean", str(src), str(tmp_path / "out"), "-q", "--max-file-lines", "5")
    skipped = json.loads((tmp_path / "out.summary.json").read_text())["skipped"]
    if lines <= 5:
        assert run.returncode == 0 and not skipped
    else:
        assert run.returncode == 1 and skipped[0]["reason"] == "too-many-lines"
        assert skipped[0]["detail"].startswith(f"it has {lines:,} lines")


def test_type_names_take_their_article(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"id": 1, "text": 42}\n{"id": 2, "text": ["x"]}\n')
    in_process("clean", str(src), str(tmp_path / "out.jsonl"), "-q")
    details = [s["detail"] for s in json.loads((tmp_path / "out.jsonl.summary.json").read_text())["skipped"]]
    assert "field 'text' is an int, not a string" in details[0] and "is a list" in details[1]


def test_the_readme_examples_need_nothing_the_test_extras_lack():
    import re

    import tomllib

    extras = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())
    wanted = {re.split(r"[<>=\[]", r)[0] for r in extras["project"]["optional-dependencies"]["test"]}
    examples = (Path(__file__).resolve().parents[1] / "data" / "readme_api_examples.md").read_text(encoding="utf-8")
    imported = set(re.findall(r"^(?:from|import) (\w+)", examples, re.M)) - {"nettoyeur", "json", "pathlib"}
    assert imported and imported <= wanted, imported - wanted


# ---------------------------------------------------------------- 6. many records: streamed shards, a small summary


def test_a_record_shard_is_streamed_not_read_whole(tmp_path):
    import gzip
    import tracemalloc

    from nettoyeur.corpus.shard_read import RecordSource
    from nettoyeur.corpus.shards import RecordOptions

    words = " ".join(f"word{i}" for i in range(400))
    lines = [json.dumps({"id": i, "text": f"{i} {words}"}) for i in range(8000)]  # ~30 MB
    (tmp_path / "big.jsonl.gz").write_bytes(gzip.compress(("\n".join(lines) + "\n").encode(), compresslevel=1))
    source = RecordSource(tmp_path, ["big.jsonl.gz"], RecordOptions())
    tracemalloc.start()
    try:
        keys, skips = source.list()
        for key in keys:
            doc = source.load(key)
            assert doc.record["id"] == int(key.rsplit("#", 1)[1]) - 1
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(keys) == 8000 and not skips
    assert peak < 8 << 20, f"{peak / 2**20:.1f} MiB held for a 30 MB shard"


def test_the_summary_stays_small_and_the_checksums_have_a_file(tmp_path):
    sizes = {}
    for n in (40, 400):
        src = tmp_path / f"in{n}.jsonl"
        src.write_bytes(_jsonl(_records(n, seed=n)))
        assert in_process("clean", str(src), str(tmp_path / f"out{n}.jsonl"), "-q").returncode == 0
        summary_file = tmp_path / f"out{n}.jsonl.summary.json"
        summary = json.loads(summary_file.read_text())
        sizes[n] = summary_file.stat().st_size
        assert "checksums" not in summary
        from nettoyeur.report.report_file import read_checksums

        sums = read_checksums(summary)
        assert len(sums) == n and summary["checksums_file"] == str(tmp_path / f"out{n}.jsonl.checksums.jsonl")
    assert sizes[400] - sizes[40] < 400, sizes


def test_progress_covers_listing_loading_and_the_summary(tmp_path, monkeypatch):
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    shown = Terminal()
    monkeypatch.setattr(sys, "stderr", shown)
    src = write_tree(tmp_path / "in", corpus(1, 20))
    clean_folder(src, tmp_path / "out", CleanConfig(workers=1), quiet=False)
    text = shown.getvalue()
    for bar in ("list", "count", "analyse", "write", "summary"):
        assert f"{bar}: " in text, bar


def test_max_file_mb_applies_to_each_record(tmp_path):
    small = _records(4)
    big = {"id": "big", "text": "A record far larger than the cap. " * 40000}  # ~1.3 MB
    src = tmp_path / "in.jsonl"
    src.write_bytes(_jsonl([small[0], big, *small[1:]]))
    run = in_process("clean", str(src), str(tmp_path / "out.jsonl"), "-q", "--max-file-mb", "1")
    assert run.returncode == 1, run.stderr
    summary = json.loads((tmp_path / "out.jsonl.summary.json").read_text())
    assert [(s["file"], s["reason"]) for s in summary["skipped"]] == [("in.jsonl#000000002", "too-large")]
    out = (tmp_path / "out.jsonl").read_bytes().split(b"\n")
    assert out[1] == json.dumps(big).encode(), "it passes through unchanged"
