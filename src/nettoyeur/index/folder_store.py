"""The folder back end of the corpus index (:mod:`~nettoyeur.index.corpus_index`): numpy arrays per run, mmapped."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from nettoyeur.corpus.atomic import named_errors, write_atomic
from nettoyeur.errors import InputError
from nettoyeur.index.keys import MAX_ANCHOR_GROUP, Entry, LookupKeys, anchor_filter

META_NAME = "nettoyeur-index.json"
# The files of one run's folder; the header records each one's size and SHA-256.
RUN_FILES = (
    "paragraphs.jsonl",
    "offsets.npy",
    *(f"{name}.{part}.npy" for name in ("exact", "bands", "anchors") for part in ("keys", "pids")),
    "anchor_sizes.npy",
)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _ranges(lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Returns the concatenation of ``arange(lo[i], hi[i])`` for all i, without a loop."""
    sizes = hi - lo
    total = int(sizes.sum())
    if total == 0:
        return np.empty(0, dtype=np.int64)
    starts = np.repeat(lo - np.concatenate([[0], np.cumsum(sizes)[:-1]]), sizes)
    return starts + np.arange(total)


class FolderBackend:
    """An index in a local folder: a JSON header, one sub-folder of arrays per run.

    Layout::

        DIR/nettoyeur-index.json   parameters, versions, runs, current line counts
        DIR/run-000001/            paragraphs.jsonl + offsets.npy (texts, locations),
                                   {exact,bands,anchors}.keys.npy / .pids.npy (sorted
                                   lookup tables), anchor_sizes.npy
        DIR/lines-000001.npz       recurring-line key hashes and file counts

    A run's folder is written under a temporary name and renamed, then the header is
    replaced atomically: a run killed at any point leaves the index as it was. An
    exclusive lock (``DIR/.lock``) keeps two runs from writing at once.
    """

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.location = str(self.root)
        if self.root.exists() and not self.root.is_dir():
            raise InputError(f"index {self.root} is not a folder: give a folder (new or earlier index) for --index.")
        ours = {".lock"}  # a run that died before its first commit leaves only its lock and temporaries
        content = (
            [p for p in self.root.iterdir() if p.name not in ours and not p.name.startswith(".tmp-")]
            if self.root.is_dir()
            else []
        )
        if content and not (self.root / META_NAME).exists():
            raise InputError(
                f"folder {self.root} is not a nettoyeur index (no {META_NAME}): give an empty or new folder, "
                "or the folder of an earlier --index."
            )
        self.root.mkdir(parents=True, exist_ok=True)
        self._lock = open(self.root / ".lock", "a+")  # noqa: SIM115 - held until close()
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            self._lock.close()
            raise InputError(
                f"index {self.root} is in use by another nettoyeur run: wait for it to finish, then run again."
            ) from err
        for stale in self.root.glob(".tmp-*"):
            if stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
            else:
                stale.unlink(missing_ok=True)
        try:
            self._meta = self._load_meta()
            self.verify()
        except BaseException:
            self.close()
            raise

    def _damaged(self, path: Path, what: str) -> InputError:
        return InputError(
            f"index {self.root} is damaged: {path} {what}. Restore the index folder from a copy, or start a new "
            "--index folder (the cleaned corpora already written are not affected); nothing was written."
        )

    def verify(self) -> None:
        """Checks every file the header lists: present, of the size and SHA-256 written with it.

        An index written before the checksums were recorded is checked for the files'
        presence only (and their loading, as they are read).

        Raises:
            InputError: a file is missing, cut short, or holds other bytes (the message
                names it and says what to do).
        """
        for run in self.runs():
            folder = self.root / str(run.get("dir", ""))
            files = run.get("files") or {name: None for name in RUN_FILES}
            for name, check in sorted(files.items()):
                self._verify_file(folder / name, check)
        lines = (self._meta or {}).get("lines")
        if lines:
            self._verify_file(self.root / lines, (self._meta or {}).get("lines_file"))

    def _verify_file(self, path: Path, check: list[Any] | None) -> None:
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise self._damaged(path, "is missing") from None
        except OSError as err:
            raise self._damaged(path, f"cannot be read ({err.strerror})") from err
        if check is None:
            return
        want_size, want_sha = check
        if size != want_size:
            raise self._damaged(path, f"has {size:,} bytes where {want_size:,} were written (cut short or changed)")
        if _sha256(path) != want_sha:
            raise self._damaged(path, "does not hold the bytes written (its checksum differs)")

    def _load_meta(self) -> dict[str, Any] | None:
        path = self.root / META_NAME
        if not path.exists():
            return None
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise InputError(f"index header {path} cannot be read ({err}): restore it or start a new index.") from err

    def read_meta(self) -> dict[str, Any] | None:
        """Returns the header, or None for a new index."""
        return self._meta

    def write_meta(self, meta: dict[str, Any]) -> None:
        """Writes the header atomically."""
        write_atomic(self.root / META_NAME, json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
        self._meta = meta

    def runs(self) -> list[dict[str, Any]]:
        """Returns the runs in the header."""
        return list((self._meta or {}).get("runs", []))

    def _load(self, path: Path, **kwargs: Any) -> Any:
        """``np.load``, with a file that cannot be loaded reported as a damaged index.

        Raises:
            InputError: the file is missing or not a readable array.
        """
        try:
            return np.load(path, **kwargs)
        except (OSError, ValueError, EOFError) as err:
            raise self._damaged(path, f"cannot be loaded ({err})") from err

    def _table(self, run: dict[str, Any], name: str) -> tuple[np.ndarray, np.ndarray]:
        folder = self.root / run["dir"]
        return (
            self._load(folder / f"{name}.keys.npy", mmap_mode="r"),
            self._load(folder / f"{name}.pids.npy", mmap_mode="r"),
        )

    def candidates(self, query: LookupKeys) -> list[int]:
        """Looks the query's exact keys, band keys and anchors up in every run's tables."""
        found: list[np.ndarray] = []
        exact = np.unique(query.exact[query.exact != 0])
        bands = np.unique(query.bands.ravel())
        sizes = np.array([len(a) for a in query.anchors], dtype=np.int64)
        anchor_keys = np.concatenate(query.anchors) if query.anchors else np.empty(0, dtype=np.uint64)
        anchor_owner = np.repeat(np.arange(len(query.anchors), dtype=np.int64), sizes)
        for run in self.runs():
            for name, q in (("exact", exact), ("bands", bands)):
                keys, pids = self._table(run, name)
                lo, hi = np.searchsorted(keys, q, "left"), np.searchsorted(keys, q, "right")
                found.append(np.asarray(pids[_ranges(lo, hi)], dtype=np.int64))
            if len(anchor_keys):
                keys, pids = self._table(run, "anchors")
                lo, hi = np.searchsorted(keys, anchor_keys, "left"), np.searchsorted(keys, anchor_keys, "right")
                common = (hi - lo) > MAX_ANCHOR_GROUP
                lo, hi = lo[~common], hi[~common]
                owner = np.repeat(anchor_owner[~common], hi - lo)
                hits = np.asarray(pids[_ranges(lo, hi)], dtype=np.int64)
                pid_sizes = self._load(self.root / run["dir"] / "anchor_sizes.npy", mmap_mode="r")
                local = hits - run["first_pid"]
                found.append(anchor_filter(owner, hits, sizes, np.asarray(pid_sizes[local], dtype=np.int64)))
        if not found:
            return []
        return np.unique(np.concatenate(found)).tolist()

    def fetch(self, pids: Sequence[int]) -> list[Entry]:
        """Reads the entries from each run's paragraphs file (one seek per entry)."""
        out: list[Entry] = []
        runs = self.runs()
        firsts = np.array([r["first_pid"] for r in runs], dtype=np.int64)
        by_run: dict[int, list[int]] = {}
        for pid in sorted(pids):
            k = int(np.searchsorted(firsts, pid, "right")) - 1
            by_run.setdefault(k, []).append(pid)
        for k, group in sorted(by_run.items()):
            run = runs[k]
            folder = self.root / run["dir"]
            offsets = self._load(folder / "offsets.npy", mmap_mode="r")
            try:
                with open(folder / "paragraphs.jsonl", "rb") as handle:
                    for pid in group:
                        local = pid - run["first_pid"]
                        handle.seek(int(offsets[local]))
                        out.append(Entry.from_json(pid, handle.read(int(offsets[local + 1] - offsets[local]))))
            except (OSError, ValueError, KeyError, IndexError) as err:
                raise self._damaged(folder / "paragraphs.jsonl", f"cannot be read ({err})") from err
        return out

    def _lines(self) -> tuple[np.ndarray, np.ndarray]:
        name = (self._meta or {}).get("lines")
        if not name:
            return np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int64)
        try:
            data = np.load(self.root / name)
            return data["keys"], data["counts"]
        except (OSError, ValueError, EOFError, KeyError) as err:
            raise self._damaged(self.root / name, f"cannot be loaded ({err})") from err

    def line_counts(self, keys: np.ndarray) -> np.ndarray:
        """Looks the keys up in the current line-count table."""
        known, counts = self._lines()
        if len(known) == 0 or len(keys) == 0:
            return np.zeros(len(keys), dtype=np.int64)
        pos = np.clip(np.searchsorted(known, keys), 0, len(known) - 1)
        return np.where(known[pos] == keys, counts[pos], 0)

    def add(self, run: dict[str, Any], entries: list[Entry], keys: LookupKeys, lines: Counter[int]) -> dict[str, Any]:
        """Writes the run's folder and line counts, then the header that lists them.

        Raises:
            OSError: the index cannot be written (named: the file, or the index folder).
        """
        with named_errors(self.root):
            return self._add(run, entries, keys, lines)

    def _add(self, run: dict[str, Any], entries: list[Entry], keys: LookupKeys, lines: Counter[int]) -> dict[str, Any]:
        meta = dict(self._meta or {})
        runs = self.runs()
        number = len(runs) + 1
        first = runs[-1]["first_pid"] + runs[-1]["paragraphs"] if runs else 0
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.root))
        try:
            offsets = [0]
            with open(tmp / "paragraphs.jsonl", "wb") as handle:
                for entry in entries:
                    data = entry.to_json() + b"\n"
                    handle.write(data)
                    offsets.append(offsets[-1] + len(data))
                handle.flush()
                os.fsync(handle.fileno())
            np.save(tmp / "offsets.npy", np.array(offsets, dtype=np.int64))
            pid_of = np.arange(first, first + len(entries), dtype=np.int64)
            has_words = keys.exact != 0
            tables = {
                "exact": (keys.exact[has_words], pid_of[has_words]),
                "bands": (keys.bands.ravel(), np.repeat(pid_of[keys.signed], keys.bands.shape[1])),
                "anchors": (
                    np.concatenate(keys.anchors) if keys.anchors else np.empty(0, dtype=np.uint64),
                    np.repeat(pid_of, [len(a) for a in keys.anchors]),
                ),
            }
            for name, (k, p) in tables.items():
                order = np.lexsort((p, k))
                np.save(tmp / f"{name}.keys.npy", np.asarray(k, dtype=np.uint64)[order])
                np.save(tmp / f"{name}.pids.npy", np.asarray(p, dtype=np.int64)[order])
            np.save(tmp / "anchor_sizes.npy", np.array([len(a) for a in keys.anchors], dtype=np.int64))
            for name in RUN_FILES[1:]:  # np.save does not sync: the header will vouch for these bytes
                _fsync(tmp / name)
            files = {name: [(tmp / name).stat().st_size, _sha256(tmp / name)] for name in RUN_FILES}
            folder = f"run-{number:06d}"
            shutil.rmtree(self.root / folder, ignore_errors=True)  # a run that died before its header
            os.replace(tmp, self.root / folder)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        old_keys, old_counts = self._lines()
        new_keys = np.array(sorted(lines), dtype=np.uint64)
        new_counts = np.array([lines[k] for k in sorted(lines)], dtype=np.int64)
        all_keys = np.concatenate([old_keys, new_keys])
        uniq, inverse = np.unique(all_keys, return_inverse=True)
        merged = np.zeros(len(uniq), dtype=np.int64)
        np.add.at(merged, inverse, np.concatenate([old_counts, new_counts]))
        lines_name = f"lines-{number:06d}.npz"
        with tempfile.NamedTemporaryFile(dir=self.root, prefix=".tmp-", suffix=".npz", delete=False) as handle:
            np.savez(handle, keys=uniq, counts=merged)
            handle.flush()
            os.fsync(handle.fileno())
        lines_file = [os.path.getsize(handle.name), _sha256(Path(handle.name))]
        os.replace(handle.name, self.root / lines_name)
        record = {**run, "run": number, "dir": folder, "first_pid": first, "paragraphs": len(entries), "files": files}
        previous_lines = meta.get("lines")
        meta["runs"] = runs + [record]
        meta["lines"] = lines_name
        meta["lines_file"] = lines_file
        meta["paragraphs"] = first + len(entries)
        self.write_meta(meta)
        if previous_lines and previous_lines != lines_name:
            (self.root / previous_lines).unlink(missing_ok=True)
        return record

    def close(self) -> None:
        """Releases the lock."""
        if not self._lock.closed:
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()
