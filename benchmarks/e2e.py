"""End-to-end ``nettoyeur clean`` throughput and memory, at growing corpus sizes.

Generates a folder of article-shaped text files (site menus and footers, titles, bylines, prose,
syndicated copies with typos or cut short, a little mojibake: see ``corpus.py``) under a
temporary folder, grows it to each size in turn, runs ``nettoyeur clean IN OUT`` on it as a user
would (a separate process), and prints one row per size: wall time, MB/s, paragraphs/s, CPU
seconds, peak memory of the process tree, its growth per paragraph over a tiny run (the
interpreter and the libraries), and the time of each pass. Everything is deleted at the end.

Under each size, reference rows measured on the same folder in the same run (see ``e2e_peers.py``):
``floor-1`` and ``floor-N``, the I/O floor (walk, read, decode, write under a temporary name, rename:
nothing else) with 1 and with nettoyeur's N processes, and the share of it nettoyeur reaches; and
``datatrove``, a full datatrove cleaning (FTFY, C4 line filters, MinHash dedup, JSONL writer) with
N tasks and workers, and nettoyeur's speed as a multiple of it. datatrove is slow (~25 CPU-s per 1,000
files here), so by default it runs at the smallest size only, and is skipped with a note when not installed.

With ``--real DIR``, the corpus is grown from a folder of your own text files instead (read in
place, never copied; see ``real_corpus.py``): first the folder's files as they are, then, past its
size, its pages again as a crawl finds them: each page's chrome around its own article or another
page's, republished with the edits republishers make (a few words changed, a sentence cut, a
paragraph cut short or left out, the article truncated); seeded, so the same bytes every run.
One file is one document, and a clean reads one paragraph a non-blank line: give one block of
text (paragraph, heading, menu item) a line, as an HTML-to-text step writes them.

    python benchmarks/e2e.py                                   # 100k, 300k, 1M and 3M paragraphs
    python benchmarks/e2e.py --sizes 100000,300000 --also-no-boilerplate
    python benchmarks/e2e.py --sizes 100000,300000 --peer-max-paragraphs 300000   # datatrove at both sizes
    python benchmarks/e2e.py --no-peers                        # nettoyeur's rows only
    python benchmarks/e2e.py --real ~/pages --sizes 100000,1000000   # your own text files, grown to each size
    python benchmarks/e2e.py --baseline-python /path/to/other/.venv/bin/python   # a "before" row per size
    python benchmarks/e2e.py --baseline-python ... --repeat 3   # each row the median of 3 runs, order alternated
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ArticleWriter  # noqa: E402
from e2e_peers import datatrove_missing, measure, reference  # noqa: E402
from nettoyeur.executors.process_pool import worker_count  # noqa: E402
from real_corpus import RealWriter  # noqa: E402
from speed import BANDS, NGRAM, ROWS  # noqa: E402


def clean(src: Path, out: Path, workers: int, extra: list[str], python: str = sys.executable) -> dict:
    """Runs ``nettoyeur clean`` in a child process; returns its summary with wall, CPU and memory.

    ``python`` is the interpreter whose nettoyeur runs (``--baseline-python``: another install's,
    for a before/after in the same run, on the same folder).

    ``out`` must be a new path: every run writes into a folder of its own and nothing is deleted
    before the end of the benchmark. On a file system without a journal (this machine's ext4),
    a file created within minutes of a mass deletion costs 10-20 times the kernel time (the
    allocator skips recently freed inodes: 200-470 against 22 us a file, measured here), so
    deleting one run's output would slow the file creation of the next run, not its own.
    """
    command = [python, "-m", "nettoyeur", "clean", str(src), str(out), "-q", "--workers", str(workers), *extra]
    measured = measure(command)
    summary = json.loads(out.with_name(out.name + ".summary.json").read_text(encoding="utf-8"))
    summary.update(measured)
    return summary


# Numbers the runs' output folders (see ``clean``: none is deleted before the end).
_RUNS = itertools.count(1)


def fresh(root: Path, name: str) -> Path:
    """A new path under ``root`` for one run's output (``name-1``, ``name-2``, ...)."""
    return root / f"{name}-{next(_RUNS)}"


def row(writer: ArticleWriter | RealWriter, name: str, r: dict, tail: str, base: int | None = None) -> str:
    """One table row: size, timings and memory of run ``r``; growth per paragraph over ``base`` when given."""
    mb = writer.bytes / 1e6
    growth = f"{(r['peak'] - base) / writer.paragraphs:6.0f}" if base is not None else f"{'-':>6}"
    return (
        f"{writer.paragraphs:>10,} {writer.files:>7,} {mb:6.0f} {name:>9} {r['wall']:7.1f} {mb / r['wall']:6.1f} "
        f"{writer.paragraphs / r['wall']:8,.0f} {r['cpu']:7.1f} {r['peak'] / 2**20:8.0f} {growth}  {tail}"
    )


def references(
    corpus: Path, root: Path, writer: ArticleWriter | RealWriter, workers: int, ours: dict, datatrove: bool
) -> None:
    """Prints the reference rows of one size: the I/O floor with 1 and ``workers`` processes, the bound, datatrove.

    ``ours`` is nettoyeur's full run on the same folder; each row says how nettoyeur compares with it.
    """

    def share(r: dict) -> str:
        return f"{100 * r['wall'] / ours['wall']:.0f}% of it ({100 * r['cpu'] / ours['cpu']:.0f}% per CPU-s)"

    for k in sorted({1, workers}):
        r = reference("floor", corpus, fresh(root, "floor"), k)
        tail = f"I/O floor, {k} process{'es' * (k > 1)}: nettoyeur reaches {share(r)}"
        print(row(writer, f"floor-{k}", r, tail), flush=True)
    r = reference("bound", corpus, fresh(root, "bound"), workers)
    print(row(writer, f"bound-{workers}", r, f"I/O floor + dedup stage: nettoyeur reaches {share(r)}"), flush=True)
    if datatrove:
        r = reference("datatrove", corpus, fresh(root, "datatrove"), workers)
        tail = (
            f"nettoyeur {r['wall'] / ours['wall']:.1f}x its MB/s ({r['cpu'] / ours['cpu']:.1f}x per CPU-s), "
            f"{ours['own'] / r['own']:.1f}x its memory; it kept {r['docs_out']:,} of {writer.files:,} documents"
        )
        print(row(writer, "datatrove", r, tail), flush=True)


def legend(workers: int, dt_max: int, missing: str | None) -> None:
    """Prints what the reference rows measure (``dt_max``: datatrove's largest size; ``missing``: why it is not run)."""
    print(
        "floor-K: the I/O floor with K processes (walk, read, decode UTF-8, write under a temporary name,\n"
        "  rename; nothing else, where nettoyeur also syncs once per 4,096 files): the file system's cap.\n"
        f"bound-{workers}: the I/O floor plus nettoyeur's dedup stage at a default clean's settings (signatures,\n"
        "  LSH candidates, components of the distinct lines): a cleaner on this engine spends this before\n"
        "  boilerplate, repair, verification, containment or a report.\n"
        "Every run writes a folder of its own, all deleted at the end: on a file system without a journal,\n"
        "  files created minutes after a mass deletion cost 10-20x the kernel time.\n"
        "peak MB counts this script's own memory in every row; the ratio of memories leaves it out."
    )
    if missing:
        print(f"datatrove: skipped, {missing}")
    elif dt_max:
        print(
            f"datatrove (sizes up to {dt_max:,} paragraphs): read, FTFY, C4 line filters, MinHash dedup\n"
            f"  (word {NGRAM}-grams, {BANDS} bands x {ROWS} rows), JSONL writer; {workers} tasks and workers.\n"
            f"  It removes duplicate documents where nettoyeur removes paragraphs: a cleaning run's\n"
            f"  throughput, not the same job."
        )


def byte_compile(python: str) -> None:
    """Writes the bytecode of ``python``'s nettoyeur package, as ``pip install`` does for a wheel.

    An editable install (``pip install -e .``) leaves the bytecode to the package's first import,
    which a shell with ``PYTHONDONTWRITEBYTECODE=1`` never writes: every run then compiles the
    package's ~220 modules again (0.9 G instructions, about 0.5 s a process, by callgrind), which
    the peers, installed from wheels with their bytecode, do not pay, nor does a user's install.

    Raises:
        subprocess.CalledProcessError: ``python`` has no nettoyeur (a module that does not compile is
            left to its import, as before).
    """
    code = "import compileall, os, nettoyeur; compileall.compile_dir(os.path.dirname(nettoyeur.__file__), quiet=1)"
    subprocess.run([python, "-c", code], check=True)


def repeated(
    variants: list[tuple[str, list[str], str]], times: int, corpus: Path, root: Path, workers: int
) -> list[dict]:
    """Cleans ``corpus`` with each variant ``times`` times; returns each variant's run of median wall time.

    The order alternates (first to last, then last to first): on this file system a run is slower
    the sooner it follows a mass deletion (see :func:`clean`), so the variant that always ran
    first would pay for it alone.
    """
    found: list[list[dict]] = [[] for _ in variants]
    for turn in range(max(1, times)):
        order = list(enumerate(variants))
        for k, (_, extra, python) in order if turn % 2 == 0 else reversed(order):
            found[k].append(clean(corpus, fresh(root, "out"), workers, extra, python))
    return [sorted(runs, key=lambda s: s["wall"])[len(runs) // 2] for runs in found]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000,300000,1000000,3000000", help="paragraphs, ascending")
    parser.add_argument("--workers", type=int, default=0, help="nettoyeur's --workers (0 = all cores)")
    parser.add_argument("--root", type=Path, default=None, help="where to generate (default: a temporary folder)")
    parser.add_argument("--also-no-boilerplate", action="store_true", help="also time --no-boilerplate")
    parser.add_argument("--no-peers", action="store_true", help="no reference rows (I/O floor, datatrove)")
    parser.add_argument(
        "--real",
        type=Path,
        default=None,
        metavar="DIR",
        help="grow the corpus from this folder of text files (read in place) instead of synthetic articles",
    )
    parser.add_argument("--seed", type=int, default=5, help="the corpus generator's seed")
    parser.add_argument(
        "--baseline-python",
        default=None,
        help="an interpreter whose nettoyeur also cleans each size, as the row 'before' (another release)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run each variant this many times, in alternating order, and show the run of median wall time",
    )
    parser.add_argument(
        "--peer-max-paragraphs",
        type=int,
        default=None,
        help="run datatrove at the sizes up to this many paragraphs (default: the smallest size only; 0: never)",
    )
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    workers = worker_count(args.workers)
    dt_max = 0 if args.no_peers else sizes[0] if args.peer_max_paragraphs is None else args.peer_max_paragraphs
    missing = datatrove_missing() if dt_max else None
    root = Path(tempfile.mkdtemp(prefix="nettoyeur-e2e-", dir=args.root))
    try:
        corpus = root / "in"
        writer = RealWriter(args.real, corpus, args.seed) if args.real else ArticleWriter(corpus, args.seed)
        for python in dict.fromkeys([sys.executable, args.baseline_python or sys.executable]):
            byte_compile(python)
        tiny = root / "tiny"
        ArticleWriter(tiny, seed=99).extend_to(50)
        base = clean(tiny, fresh(root, "tiny-out"), args.workers, [])["peak"]
        print(
            f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; baseline (interpreter, libraries, workers) "
            f"{base / 2**20:.0f} MB peak on a 50-paragraph run"
        )
        if isinstance(writer, RealWriter):
            print(
                f"corpus: {args.real} ({len(writer.paths):,} files), then its pages again "
                f"(chrome, republished articles; seed {args.seed})"
            )
        if not args.no_peers:
            legend(workers, dt_max, missing)
        head = (
            f"{'paragraphs':>10} {'files':>7} {'MB':>6} {'variant':>9} {'wall s':>7} {'MB/s':>6} {'par/s':>8} "
            f"{'CPU s':>7} {'peak MB':>8} {'B/par':>6}  passes (s): count/analyse/decide/remark/write"
        )
        print(head)
        print("-" * len(head), flush=True)
        for size in sizes:
            started = time.perf_counter()
            writer.extend_to(size)
            made = time.perf_counter() - started
            variants = [("full", [], sys.executable)]
            if args.also_no_boilerplate:
                variants.append(("no-bp", ["--no-boilerplate"], sys.executable))
            if args.baseline_python:
                variants.append(("before", [], args.baseline_python))
            runs = []
            for (name, _, _), s in zip(variants, repeated(variants, args.repeat, corpus, root, args.workers)):
                runs.append(s)
                stages = s.get("stage_seconds", {})
                passes = "/".join(f"{stages.get(k, 0):.1f}" for k in ("count", "analyse", "decide", "remark", "write"))
                print(row(writer, name, s, f"{passes}   (generated in {made:.0f} s)", base), flush=True)
            if not args.no_peers:
                references(corpus, root, writer, workers, runs[0], not missing and size <= dt_max)
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
