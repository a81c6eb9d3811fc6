"""Temporary-file creation: nettoyeur's folder sink against the I/O floor of ``e2e.py``, timed the same way.

Reads every file of IN once, then writes them all under a fresh folder of ROOT in each of two ways,
alternated, ``--repeat`` times:

- ``floor``: as ``e2e_peers.py``'s floor writes a file: ``open(dst + ".tmpPID", "wb")``, write,
  close, ``os.replace`` at once;
- ``nettoyeur``: as :class:`nettoyeur.corpus.folder_writer.FolderSink` does: ``atomic.create_temp``
  (``O_EXCL | O_NOFOLLOW``, a ``.nettoyeur-`` name with the process id and a count), one
  ``os.write``, close; the batch renamed after one ``os.sync()``.

It prints, per way, the median of the runs: the time inside the call that creates the file (per
file), and the process's user and system CPU seconds and wall time for the whole folder. Nothing
is deleted before the end: a file created soon after a mass deletion costs 10-20 times the kernel
time on some file systems (see ``e2e.py``), whichever way it is created.

Measured here (10,686 files of the 300k-paragraph benchmark corpus, medians), the create call:
floor 25 and nettoyeur 24 us a file (3 runs each), 24 and 31 us (another 3); after 160,000 files
were removed, 258 and 370 us; in the run after one that removed its 64,000 files, 381 and 41 us
(the floor ran first in 3 of 5 turns). The state of the file system decides, not the flags or
the names: the ~190 us a file of a clean's profile is that state, which the floor pays as well.

    python benchmarks/temp_files.py IN ROOT --repeat 3
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import time
from collections.abc import Callable

from nettoyeur.corpus import atomic
from nettoyeur.corpus.atomic import TMP_PREFIX

Job = tuple[str, str, bytes]  # (folder relative to IN, file name, bytes)


def read_all(src: str) -> list[Job]:
    """Every file of ``src`` in sorted order, read."""
    jobs = []
    for folder, dirs, files in os.walk(src):
        dirs.sort()
        rel = os.path.relpath(folder, src)
        for name in sorted(files):
            with open(os.path.join(folder, name), "rb") as handle:
                jobs.append((rel, name, handle.read()))
    return jobs


def floor(jobs: list[Job], out: str) -> float:
    """Writes like the I/O floor; returns the seconds spent in the calls that create the files."""
    creating, pid = 0.0, os.getpid()
    for rel, name, data in jobs:
        folder = os.path.join(out, rel)
        os.makedirs(folder, exist_ok=True)
        dst = os.path.join(folder, name)
        tmp = f"{dst}.tmp{pid}"
        start = time.perf_counter()
        handle = open(tmp, "wb")  # noqa: SIM115 - closed below, as e2e_peers writes
        creating += time.perf_counter() - start
        handle.write(data)
        handle.close()
        os.replace(tmp, dst)
    return creating


def nettoyeur(jobs: list[Job], out: str) -> float:
    """Writes like the folder sink; returns the seconds spent in the calls that create the files."""
    creating, pid, count = 0.0, os.getpid(), itertools.count()
    prefix = f"{TMP_PREFIX}{pid}-bench-"
    pending = []
    for rel, name, data in jobs:
        folder = os.path.join(out, rel)
        os.makedirs(folder, exist_ok=True)
        start = time.perf_counter()
        fd, tmp = atomic.create_temp(folder, prefix, f"{pid}-{next(count)}")
        creating += time.perf_counter() - start
        atomic.write_all(fd, data)
        os.close(fd)
        pending.append((tmp, os.path.join(folder, name)))
    os.sync()
    for tmp, dst in pending:
        os.replace(tmp, dst)
    return creating


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", help="a folder of files (read once)")
    parser.add_argument("root", help="where each run writes a new folder (removed at the end)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each way, alternated")
    args = parser.parse_args()
    jobs = read_all(args.input)
    ways: list[tuple[str, Callable[[list[Job], str], float]]] = [("floor", floor), ("nettoyeur", nettoyeur)]
    found: dict[str, list[tuple[float, float, float, float]]] = {name: [] for name, _ in ways}
    runs = itertools.count()
    os.makedirs(args.root, exist_ok=True)
    try:
        for turn in range(args.repeat):
            for name, way in ways if turn % 2 == 0 else ways[::-1]:
                out = os.path.join(args.root, f"{name}-{next(runs)}")
                before, wall = os.times(), time.perf_counter()
                creating = way(jobs, out)
                after, wall = os.times(), time.perf_counter() - wall
                found[name].append((creating, after.user - before.user, after.system - before.system, wall))
    finally:
        shutil.rmtree(args.root, ignore_errors=True)
    for name, rows in found.items():
        creating, user, system, wall = (statistics.median(column) for column in zip(*rows))
        print(
            f"{name:>10}: create {creating * 1e6 / len(jobs):6.1f} us a file, user {user:.2f} s, "
            f"sys {system:.2f} s, wall {wall:.2f} s ({len(jobs):,} files, median of {len(rows)})"
        )


if __name__ == "__main__":
    main()
