"""Reference runs for ``e2e.py``: the file system's floor and datatrove, on the same folder in the same run.

Each reference runs in its own process (``python e2e_peers.py floor|datatrove ...``), measured from
outside like ``nettoyeur clean`` is (wall time, CPU seconds, peak memory of the process tree):

- ``floor``: the I/O floor, what any folder-to-folder cleaner must do and nothing more: walk IN,
  read each file, decode it as UTF-8 (errors replaced), write it under OUT with a temporary name
  and rename it into place, in sorted order; with a pool of processes over the files when
  ``workers`` > 1 (the workers write and rename). No cleaning, no sync: no tool can beat it here.
- ``bound``: the I/O floor plus nettoyeur's own dedup stage at a default clean's settings, and
  nothing else: read and decode every file, take the distinct non-blank lines (a clean's
  paragraphs; an exact copy needs no signature of its own), sign them, find the LSH candidates and
  their connected components (``candidate_clusters``: word n-grams, permutations, bands x rows of
  ``CleanConfig()``), then write each file back under a temporary name and rename it, with
  ``workers`` processes. No boilerplate, repair, verification, containment, report or passes: what
  a cleaner built on this engine spends before it does any of that.
- ``datatrove``: a full datatrove cleaning of the folder: read each file as one document, FTFY
  encoding fixes, C4's line filters, MinHash dedup (signatures, buckets, clusters, filter) with
  word 5-grams and 16 bands x 8 rows like nettoyeur's, and a JSONL writer. datatrove removes whole
  documents where nettoyeur removes paragraphs: the row compares the throughput of a cleaning
  run, not the same work.

    python benchmarks/e2e_peers.py floor IN OUT 2
    python benchmarks/e2e_peers.py bound IN OUT 2
    python benchmarks/e2e_peers.py datatrove IN OUT WORK 2
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable
from multiprocessing import Pool
from pathlib import Path
from typing import Any

# ``speed`` (numpy) is imported where it is used: the floor's process loads nothing but the standard library.
sys.path.insert(0, str(Path(__file__).resolve().parent))

# Files handed to a floor worker at a time: big enough that the pool's messages cost nothing
# next to the I/O (a 6 KB file takes ~0.3 ms), small enough to keep both workers busy to the end.
FLOOR_CHUNK = 64


def measure(cmd: list[str], ok: tuple[int, ...] = (0, 1)) -> dict:
    """Runs ``cmd`` as a child process and measures it.

    ``ok`` are the exit statuses of a finished run: nettoyeur exits 1 when it finished with
    files skipped; a reference run must exit 0 (a traceback exits 1 too).

    Returns:
        ``wall`` and ``cpu`` seconds; ``peak``, the peak memory (PSS) of this process and its children, as
        e2e.py's table shows it; ``own``, that peak less this process's memory at the start (the child's).

    Raises:
        SystemExit: the command failed (its exit status and the end of its stderr are shown).
    """
    from speed import PeakRSS, cpu_seconds

    with PeakRSS() as mem:
        start = mem.peak
        cpu, wall = cpu_seconds(), time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True)
        wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
    if done.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd[:4])} ... failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return {"wall": wall, "cpu": cpu, "peak": mem.peak, "own": mem.peak - start}


def reference(kind: str, src: Path, out: Path, workers: int) -> dict:
    """Runs the reference ``kind`` (``floor``, ``bound`` or ``datatrove``) on ``src`` in a child process; measures it.

    ``out`` must be a new path; the output (and datatrove's work folder beside it) is left for the
    caller to delete at the end of the benchmark (see ``e2e.py``: deleting files slows the next
    run's file creation on some file systems). A datatrove run also returns ``docs_out``, the
    number of documents it wrote.

    Raises:
        SystemExit: the reference run failed.
    """
    cmd = [sys.executable, str(Path(__file__).resolve()), kind, str(src), str(out)]
    if kind == "datatrove":
        cmd.append(str(out.with_name(out.name + "-work")))
    result = measure([*cmd, str(workers)], ok=(0,))
    if kind == "datatrove":
        result["docs_out"] = sum(sum(1 for _ in p.open("rb")) for p in out.glob("*.jsonl"))
    return result


def datatrove_missing() -> str | None:
    """Returns why datatrove cannot run here, or None."""
    try:
        import datatrove.pipeline.dedup.minhash  # noqa: F401
        import ftfy  # noqa: F401
        import orjson  # noqa: F401 (datatrove's JsonlWriter; not a dependency it declares)
        import regex  # noqa: F401 (datatrove's C4 filters; likewise)
        import spacy  # noqa: F401 (datatrove's word tokeniser for MinHash)
    except ImportError as err:
        return f"{err.name} is not installed (pip install 'nettoyeur[bench]')"
    return None


# --- the I/O floor (child process) ---------------------------------------------------------------


def _files(src: Path, out: Path) -> list[tuple[str, str]]:
    """Every file of ``src`` in sorted order, with its path under ``out`` (whose folders are made)."""
    jobs = []
    for folder, dirs, files in os.walk(src):
        dirs.sort()
        target = out / os.path.relpath(folder, src)
        target.mkdir(parents=True, exist_ok=True)
        jobs.extend((os.path.join(folder, f), str(target / f)) for f in sorted(files))
    return jobs


def _read(src: str) -> str:
    """One file's text, decoded as UTF-8 (errors replaced)."""
    with open(src, "rb") as handle:
        return handle.read().decode("utf-8", errors="replace")


def _write(dst: str, text: str) -> None:
    """Writes ``text`` to ``dst`` under a temporary name and renames it into place."""
    tmp = f"{dst}.tmp{os.getpid()}"
    with open(tmp, "wb") as handle:
        handle.write(text.encode("utf-8"))
    os.replace(tmp, dst)


def _copy(job: tuple[str, str]) -> None:
    """Reads one file, decodes it, writes it under a temporary name and renames it."""
    src, dst = job
    _write(dst, _read(src))


def _run(task: Callable[[Any], None], jobs: list, workers: int) -> None:
    """Runs ``task`` on each job, in a pool of ``workers`` processes when there are more than one."""
    if workers == 1:
        for job in jobs:
            task(job)
        return
    with Pool(workers) as pool:
        for _ in pool.imap(task, jobs, chunksize=FLOOR_CHUNK):
            pass


def io_floor(src: Path, out: Path, workers: int) -> None:
    """Copies every file of ``src`` to ``out`` through ``_copy``, in sorted order, with ``workers`` processes."""
    _run(_copy, _files(src, out), workers)


# --- the dedup bound (child process) ------------------------------------------------------------

# The decoded files, read by the main process before the writing pool forks: its workers index it.
_TEXTS: list[str] = []


def _write_back(job: tuple[int, str]) -> None:
    """Writes decoded file ``index`` back to ``dst`` (see ``_write``)."""
    index, dst = job
    _write(dst, _TEXTS[index])


def dedup_bound(src: Path, out: Path, workers: int) -> None:
    """The I/O floor and nettoyeur's dedup stage at a default clean's settings (see the module's docstring)."""
    from nettoyeur.config import CleanConfig
    from nettoyeur.dedup.analysis import candidate_clusters

    files = _files(src, out)
    _TEXTS.extend(_read(path) for path, _ in files)
    distinct = list(dict.fromkeys(line for text in _TEXTS for line in text.splitlines() if line.strip()))
    config = CleanConfig()
    bands, rows = config.bands_rows
    candidate_clusters(distinct, config.ngram, config.num_perm, config.seed, bands, rows, workers)
    _run(_write_back, [(i, dst) for i, (_, dst) in enumerate(files)], workers)


# --- datatrove (child process) -------------------------------------------------------------------


def datatrove_clean(src: Path, out: Path, work: Path, workers: int) -> None:
    """Cleans ``src`` into JSONL files under ``out`` with datatrove's own steps (``work``: its scratch files).

    Stage 1 reads, fixes, filters lines, writes the cleaned documents to ``work`` and signs them;
    stages 2-3 find the duplicate clusters; stage 4 reads the cleaned documents back, drops all
    but one of each cluster and writes ``out`` (datatrove's own MinHash example does the same).
    """
    from datatrove.data import DocumentsPipeline
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.dedup.minhash import (
        MinhashConfig,
        MinhashDedupBuckets,
        MinhashDedupCluster,
        MinhashDedupFilter,
        MinhashDedupSignature,
    )
    from datatrove.pipeline.filters import C4QualityFilter
    from datatrove.pipeline.formatters import FTFYFormatter
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.readers.base import BaseDiskReader
    from datatrove.pipeline.writers import JsonlWriter

    from speed import BANDS, NGRAM, ROWS, SEED

    class TextFolderReader(BaseDiskReader):
        """One document per text file (datatrove has no reader for plain text files)."""

        name = "text files"

        def read_file(self, filepath: str) -> DocumentsPipeline:
            with self.data_folder.open(filepath, "rb") as handle:
                text = handle.read().decode("utf-8", errors="replace")
            doc = self.get_document_from_dict({"text": text, "id": filepath}, filepath, 0)
            if doc:
                yield doc

    config = MinhashConfig(n_grams=NGRAM, num_buckets=BANDS, hashes_per_bucket=ROWS, seed=SEED)
    # C4's line rules only (terminal punctuation, >= 3 words, javascript, policy lines): its rules that
    # drop whole documents (< 5 sentences, lorem ipsum, a curly bracket) are off, as nettoyeur has none.
    # That also skips its per-line sentence splitting, so the row errs in datatrove's favour.
    lines = C4QualityFilter(min_num_sentences=-1, filter_lorem_ipsum=False, filter_curly_bracket=False)
    stages = [
        (
            [
                TextFolderReader(str(src), glob_pattern="**/*.txt"),
                FTFYFormatter(),
                lines,
                JsonlWriter(str(work / "clean"), compression=None),
                MinhashDedupSignature(output_folder=str(work / "sigs"), config=config),
            ],
            workers,
        ),
        ([MinhashDedupBuckets(str(work / "sigs"), str(work / "buckets"), config=config)], BANDS),
        ([MinhashDedupCluster(str(work / "buckets"), str(work / "ids"), config=config)], 1),
        (
            [
                JsonlReader(str(work / "clean")),
                MinhashDedupFilter(str(work / "ids")),
                JsonlWriter(str(out), compression=None),
            ],
            workers,
        ),
    ]
    for k, (pipeline, tasks) in enumerate(stages):
        # fork, not datatrove's default forkserver: the pool's workers are then children of this process and their
        # CPU time is counted (a forkserver's are not); it also saves the forkserver's start, in datatrove's favour.
        logs = str(work / f"logs{k}")
        LocalPipelineExecutor(
            pipeline, tasks=tasks, workers=min(tasks, workers), logging_dir=logs, start_method="fork"
        ).run()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=["floor", "bound", "datatrove"])
    parser.add_argument("paths", nargs="+", type=Path, help="IN OUT (and WORK for datatrove)")
    parser.add_argument("workers", type=int)
    args = parser.parse_args()
    if args.kind == "floor":
        io_floor(args.paths[0], args.paths[1], args.workers)
    elif args.kind == "bound":
        dedup_bound(args.paths[0], args.paths[1], args.workers)
    else:
        datatrove_clean(args.paths[0], args.paths[1], args.paths[2], args.workers)


if __name__ == "__main__":
    main()
