"""Paragraph texts kept on disk between the passes, so that memory never holds the corpus.

Verification compares the words of candidate pairs only, and the report quotes the kept
copy of each removed paragraph. Rather than keep every paragraph's text in memory
until the candidates are known, the first pass appends each analysed paragraph's text
to a spill file (one per shard) and keeps 12 bytes: its offset and length. Candidates'
texts are then read back with ``os.pread``, which leaves nothing in the process's
memory once read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np


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
    with open(path, "wb") as handle:
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

        Raises:
            OSError: a spill file was removed or cannot be read.
        """
        pids = np.asarray(pids, dtype=np.int64)
        which = np.searchsorted(np.asarray(self.first, dtype=np.int64), pids, side="right") - 1
        out: list[str] = [""] * len(pids)
        for k in sorted(set(which.tolist())):
            sel = np.flatnonzero(which == k)
            if not isinstance(self.files[k], str):  # held in memory elsewhere (Ray's object store)
                buf = self.files[k].buffer()
                for j, pid in zip(sel.tolist(), pids[sel].tolist()):
                    start = int(self.offsets[pid])
                    out[j] = bytes(buf[start : start + int(self.lengths[pid])]).decode("utf-8", "surrogatepass")
                continue
            fd = os.open(self.files[k], os.O_RDONLY)
            try:
                for j, pid in zip(sel.tolist(), pids[sel].tolist()):
                    data = os.pread(fd, int(self.lengths[pid]), int(self.offsets[pid]))
                    out[j] = data.decode("utf-8", "surrogatepass")
            finally:
                os.close(fd)
        return out
