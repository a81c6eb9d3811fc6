"""Local engine vs Ray engine on the same generated corpus, at two sizes: seconds per stage and the ratio.

    python benchmarks/ray_engine.py                      # 25k and 100k paragraphs, every core
    python benchmarks/ray_engine.py --sizes 50000 200000 --cpus 16
    python benchmarks/ray_engine.py --address auto       # an existing cluster (corpus on shared storage: --root)

Both engines clean the same folder (article-shaped files from benchmarks/corpus.py: site
chrome, syndicated copies, typos, cut copies, mojibake) with the same options, and the
script checks that they wrote the same bytes. A stage's time runs from its first task
to its last result, the driver's own work on its results included (merging the line
counts, writing the files); "driver" is the rest (listing, exact groups, clustering,
the summary). Ray's start is timed apart: a cluster is started once and serves many
runs.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_articles  # noqa: E402
from nettoyeur import CleanConfig  # noqa: E402
from nettoyeur.corpus.sources import folder_pair  # noqa: E402
from nettoyeur.executors.local import LocalExecutor  # noqa: E402
from nettoyeur.report.report_file import default_report_path  # noqa: E402
from nettoyeur.run.streaming import run  # noqa: E402

STAGES = {
    "count_batch": "count",
    "analyse_batch": "analyse",
    "_candidate_task": "candidates",
    "_verify_task": "verify",
    "_evidence_task": "evidence",
    "write_batch": "write",
}
ORDER = ["count", "analyse", "candidates", "verify", "clusters", "evidence", "write", "driver", "total"]


class Timed:
    """Wraps an executor and adds up the seconds of each stage."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.workers = inner.workers
        self.seconds: dict[str, float] = defaultdict(float)
        if not hasattr(inner, "counted_candidate_pairs"):  # the local executor: candidates through map
            self.counted_candidate_pairs = None  # type: ignore[assignment]

    def map(self, fn: Callable, tasks: Iterable, context: Any = None, jobs: int = 2) -> Iterator:
        start = time.perf_counter()
        yield from self.inner.map(fn, tasks, context, jobs)
        self.seconds[STAGES.get(fn.__name__, fn.__name__)] += time.perf_counter() - start

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)  # shares_disk, exchange, put: as the engine's

    def counted_candidate_pairs(self, *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        out = self.inner.counted_candidate_pairs(*args, **kwargs)
        self.seconds["candidates"] += time.perf_counter() - start
        return out

    def clusters(self, *args: Any) -> Any:
        start = time.perf_counter()
        out = self.inner.clusters(*args)
        self.seconds["clusters"] += time.perf_counter() - start
        return out

    def close(self) -> None:
        self.inner.close()


def clean(executor: Any, src: Path, out: Path, config: CleanConfig) -> dict[str, float]:
    timed = Timed(executor)
    source, sink = folder_pair(src, out, overwrite=False)
    start = time.perf_counter()
    run(source, sink, config, report=default_report_path(out), quiet=True, executor=timed)
    seconds = dict(timed.seconds)
    seconds["total"] = time.perf_counter() - start
    seconds["driver"] = seconds["total"] - sum(v for k, v in seconds.items() if k != "total")
    return seconds


def same_tree(a: Path, b: Path) -> bool:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    if files_a != files_b:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, [str(f) for f in files_a], shallow=False)
    report_a, report_b = default_report_path(a), default_report_path(b)
    return not mismatch and not errors and filecmp.cmp(report_a, report_b, shallow=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[25_000, 100_000], help="paragraphs per corpus")
    parser.add_argument("--cpus", type=int, default=0, help="CPUs for both engines (0: every core)")
    parser.add_argument("--address", default=None, help="join this Ray cluster instead of starting one")
    parser.add_argument("--root", type=Path, default=None, help="where to write the corpora (shared storage)")
    args = parser.parse_args()

    import ray

    from nettoyeur.executors.ray_cluster import RayExecutor

    root = Path(tempfile.mkdtemp(prefix="nettoyeur-bench-", dir=args.root))
    cpus = LocalExecutor(args.cpus).workers
    start = time.perf_counter()
    if args.address:
        ray.init(address=args.address)
    else:
        ray.init(num_cpus=cpus, include_dashboard=False)
    print(f"ray start: {time.perf_counter() - start:.1f} s; {cpus} CPUs here, cluster {ray.cluster_resources()}")
    config = CleanConfig(workers=cpus)
    try:
        # Warm-up: the first run of a process (and of each Ray worker) imports the modules
        # and tunes the LSH bands once; a long-lived cluster pays that once, not per run.
        write_articles(root / "warm", 500)
        clean(LocalExecutor(cpus), root / "warm", root / "warm-local", config)
        clean(RayExecutor(), root / "warm", root / "warm-ray", config)
        for size in args.sizes:
            src = root / f"in-{size}"
            files, paragraphs, nbytes = write_articles(src, size)
            print(f"\ncorpus: {files} files, {paragraphs} paragraphs, {nbytes / 1e6:.1f} MB")
            local = clean(LocalExecutor(cpus), src, root / f"local-{size}", config)
            on_ray = clean(RayExecutor(), src, root / f"ray-{size}", config)
            print(f"{'stage':<11}{'local s':>9}{'ray s':>9}{'ray/local':>11}")
            for stage in ORDER:
                a, b = local.get(stage, 0.0), on_ray.get(stage, 0.0)
                ratio = f"{b / a:.2f}" if a > 0.005 else "-"
                print(f"{stage:<11}{a:>9.2f}{b:>9.2f}{ratio:>11}")
            identical = same_tree(root / f"local-{size}", root / f"ray-{size}")
            print(f"same output and report: {identical}")
            if not identical:
                sys.exit(1)
    finally:
        ray.shutdown()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
