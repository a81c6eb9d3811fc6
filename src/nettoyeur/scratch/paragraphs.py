"""Paragraph texts kept on disk between the passes, so that memory never holds the corpus.

Verification compares the words of candidate pairs only, and the report quotes the kept
copy of each removed paragraph. Rather than keep every paragraph's text in memory
until the candidates are known, the first pass appends each analysed paragraph's text
to a spill file (one per batch) and keeps 12 bytes: its offset and length. Candidates'
texts are then read back with ``os.pread``, which leaves nothing in the process's
memory once read.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from nettoyeur.corpus.atomic import named_errors

# A run's spill folder is named after its process, so that a later run can tell the folder
# of a run that was killed (SIGKILL, a power cut: no chance to clean up) from one in use.
SPILL_PREFIX = "nettoyeur-spill-"


def make_spill_dir() -> str:
    """Creates this run's spill folder in the temporary folder, first removing those of dead runs.

    Raises:
        OSError: the temporary folder cannot be written.
    """
    remove_dead_spill_dirs()
    return tempfile.mkdtemp(prefix=f"{SPILL_PREFIX}{os.getpid()}-")


def remove_dead_spill_dirs(root: str | None = None) -> int:
    """Removes the spill folders that runs no longer alive left in ``root`` (default: the temporary folder).

    Only folders of this user whose process has ended are touched: a folder whose process
    id is in use again (by another program) is left for a later run.

    Returns:
        the number of folders removed.
    """
    root = root or tempfile.gettempdir()
    removed = 0
    try:
        names = os.listdir(root)
    except OSError:
        return 0
    for name in names:
        if not name.startswith(SPILL_PREFIX):
            continue
        pid_text = name[len(SPILL_PREFIX) :].split("-", 1)[0]
        path = os.path.join(root, name)
        try:
            pid = int(pid_text)
            if os.lstat(path).st_uid != os.getuid() or pid == os.getpid() or _alive(pid):
                continue
        except (ValueError, OSError, AttributeError):  # not ours, or no getuid (Windows)
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed += 1
    return removed


def _alive(pid: int) -> bool:
    """True when a process with this id exists (possibly another program's)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def write_spill(path: Path, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Writes the texts, UTF-8, one after the other, to ``path``.

    Returns:
        ``(offsets, lengths)``: int64 byte offset and int32 byte length of each text.

    Raises:
        OSError: the file cannot be written (disk full, permission).
    """
    encoded = [t.encode("utf-8", "surrogatepass") for t in texts]
    lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
    offsets = np.zeros(len(encoded), dtype=np.int64)
    if len(encoded) > 1:
        np.cumsum(lengths[:-1], out=offsets[1:])
    with named_errors(path), open(path, "wb") as handle:
        handle.write(b"".join(encoded))
    return offsets, lengths.astype(np.int32)


class MemoryTexts:
    """Paragraph texts held in memory (the in-memory API, where the caller holds them anyway)."""

    def __init__(self, texts: list[str]) -> None:
        self._texts = texts

    def __len__(self) -> int:
        return len(self._texts)

    def texts(self, pids: np.ndarray) -> list[str]:
        """Returns the texts of the given paragraph ids."""
        return [self._texts[i] for i in pids.tolist()]


@dataclass
class SpillTexts:
    """Paragraph texts in spill files.

    Paragraph ``pid`` lies in file ``files[k]`` for the last ``k`` with ``first[k] <= pid``,
    at byte ``offsets[pid]``, ``lengths[pid]`` bytes long. A file is a path, or an object
    whose ``buffer()`` returns the file's bytes (the Ray engine keeps them in its object store).
    """

    files: list[Any] = field(default_factory=list)
    first: list[int] = field(default_factory=list)
    offsets: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    lengths: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int32))

    def __len__(self) -> int:
        return len(self.offsets)

    def texts(self, pids: np.ndarray) -> list[str]:
        """Returns the texts of the given paragraph ids, read back from the spill files.

        Texts of one file that lie close together (gaps under ``READ_GAP`` bytes) are read with
        one call; where and how long each text is comes from numpy for all of them at once.

        Raises:
            OSError: a spill file was removed or cannot be read.
        """
        pids = np.asarray(pids, dtype=np.int64)
        which = np.searchsorted(np.asarray(self.first, dtype=np.int64), pids, side="right") - 1
        starts = self.offsets[pids]
        order = np.lexsort((starts, which))
        out: list[str] = [""] * len(pids)
        if len(pids) == 0:
            return out
        starts, which = starts[order], which[order]
        ends = starts + self.lengths[pids[order]]
        # A new read where the file changes or the gap since the furthest end so far in the
        # file is large (the file's number above the offsets keeps the files apart).
        reach = np.maximum.accumulate((which << 40) + ends)
        apart = (which[1:] != which[:-1]) | ((which[1:] << 40) + starts[1:] - reach[:-1] > READ_GAP)
        cut = np.flatnonzero(np.r_[True, apart])
        bounds = np.r_[cut, len(pids)].tolist()
        span_start, span_end = starts[cut].tolist(), np.maximum.reduceat(ends, cut).tolist()
        positions, starts_l, ends_l, files = order.tolist(), starts.tolist(), ends.tolist(), which[cut].tolist()
        fd, fd_file = -1, -1
        try:
            for k, (lo, hi) in enumerate(zip(bounds[:-1], bounds[1:])):
                f, base = files[k], span_start[k]
                if not isinstance(self.files[f], str):  # held in memory elsewhere (Ray's object store)
                    data = bytes(self.files[f].buffer()[base : span_end[k]])
                else:
                    if f != fd_file:
                        if fd >= 0:
                            os.close(fd)
                            fd = -1
                        fd, fd_file = os.open(self.files[f], os.O_RDONLY), f
                    data = os.pread(fd, span_end[k] - base, base)
                for j in range(lo, hi):
                    out[positions[j]] = data[starts_l[j] - base : ends_l[j] - base].decode("utf-8", "surrogatepass")
        finally:
            if fd >= 0:
                os.close(fd)
        return out


# Texts of one spill file less than this many bytes apart are read in one call: copying a
# kilobyte costs less than the system call a second read would (~1 µs). With texts wide apart
# (the small-vocabulary benchmark: a chunk's 550 texts among 100,000) most reads stay single;
# the numpy lookups alone took a chunk's reading from 0.77 to 0.70 ms.
READ_GAP = 1024


# --- band keys and anchors, spilled by the workers -----------------------------------------------

# Anchors are grouped by the top 6 bits of their hash (equal anchors in one part), a task of
# the candidates' each (nettoyeur.dedup.analysis). A part's pairs take ~130 bytes an anchor
# while they are made, on each worker at once: at 1M synthetic paragraphs (5M anchors) 43 MB a
# task with 16 parts, the workers' share of the run's peak; 64 parts cut it to a quarter.
ANCHOR_SHIFT = 26
ANCHOR_PARTS = 64


def write_band_keys(path: str, keys: np.ndarray) -> None:
    """Writes a ``(rows, bands)`` uint64 array band after band (each band contiguous).

    Raises:
        OSError: the file cannot be written.
    """
    with named_errors(path), open(path, "wb") as handle:
        handle.write(np.ascontiguousarray(keys.T).tobytes())


def write_anchors(path: str, keys: np.ndarray, owners: np.ndarray) -> np.ndarray:
    """Writes anchors grouped by part: per part its uint32 keys, then its int32 owners.

    Returns:
        the number of anchors in each part (int64, ``ANCHOR_PARTS``).

    Raises:
        OSError: the file cannot be written.
    """
    # The part as one byte: numpy's stable sort of 8-bit integers is a radix sort, one pass over
    # the anchors (of 64-bit ones a merge sort: 0.06 s of pass 2 at 300k paragraphs, profiled).
    part = (keys >> np.uint32(ANCHOR_SHIFT)).astype(np.uint8)
    order = np.argsort(part, kind="stable")
    counts = np.bincount(part, minlength=ANCHOR_PARTS)
    k, o = keys[order].astype(np.uint32), owners[order].astype(np.int32)
    with named_errors(path), open(path, "wb") as handle:
        start = 0
        for c in counts.tolist():
            handle.write(k[start : start + c].tobytes())
            handle.write(o[start : start + c].tobytes())
            start += c
    return counts


@dataclass
class SpilledBands:
    """LSH band keys kept on disk, one file per batch: reads one band of every paragraph at a time.

    Indexing as an array ``keys[rows, band]`` (``rows`` a slice or an index array) reads that
    band's keys from every batch; the memory used is one column, 8 bytes a paragraph.
    """

    files: list[str]
    rows: list[int]
    bands: int

    @property
    def shape(self) -> tuple[int, int]:
        """``(paragraphs with shingles, bands)``, as for the array it stands for."""
        return sum(self.rows), self.bands

    def __len__(self) -> int:
        return self.shape[0]

    def column(self, band: int) -> np.ndarray:
        """Returns one band's keys for every row, in order.

        Raises:
            OSError: a file was removed or cannot be read.
        """
        parts = [np.empty(0, dtype=np.uint64)]
        for path, n in zip(self.files, self.rows):
            if n:
                parts.append(np.frombuffer(read_at(path, band * n * 8, n * 8), dtype=np.uint64))
        return np.concatenate(parts)

    def __getitem__(self, index: tuple) -> np.ndarray:
        rows, band = index
        column = self.column(int(band))
        return column if isinstance(rows, slice) and rows == slice(None) else column[rows]


@dataclass
class SpilledAnchors:
    """Anchors kept on disk, one file per batch, grouped by part (see :func:`write_anchors`)."""

    files: list[str]
    counts: list[np.ndarray]
    first_pid: list[int]

    def part(self, p: int) -> tuple[np.ndarray, np.ndarray]:
        """Returns the keys (uint32) and owners (int32 paragraph ids) of part ``p`` over all batches.

        Raises:
            OSError: a file was removed or cannot be read.
        """
        keys, owners = [np.empty(0, dtype=np.uint32)], [np.empty(0, dtype=np.int32)]
        for path, counts, base in zip(self.files, self.counts, self.first_pid):
            n = int(counts[p])
            if not n:
                continue
            data = read_at(path, int(counts[:p].sum()) * 8, 8 * n)  # the part's keys, then its owners
            keys.append(np.frombuffer(data, dtype=np.uint32, count=n))
            owners.append(np.frombuffer(data, dtype=np.int32, count=n, offset=4 * n) + np.int32(base))
        return np.concatenate(keys), np.concatenate(owners)


def read_at(path: str, offset: int, size: int) -> bytes:
    """Returns ``size`` bytes of the file at ``path`` from ``offset``: one open, one ``pread``.

    ``np.fromfile`` of a path built a Python file object for each read (an fstat, an ioctl and
    two seeks besides), and the anchors took two reads a part: decide read 84 parts' worth of
    each batch's file that way (5,376 opens at 300k paragraphs).

    Raises:
        OSError: the file was removed or cannot be read, or it ends before ``offset + size``.
    """
    fd = os.open(path, os.O_RDONLY)
    try:
        data = os.pread(fd, size, offset)
        while 0 < len(data) < size:  # a read comes short only past 2 GB (Linux) or at the end
            more = os.pread(fd, size - len(data), offset + len(data))
            if not more:
                break
            data += more
    finally:
        os.close(fd)
    if len(data) != size:
        raise OSError(errno.EIO, f"the file ends before byte {offset + size:,}", path)
    return data
