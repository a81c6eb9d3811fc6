"""Dedup-stage speed: nettoyeur against datasketch, rensa and datatrove, in one run.

Every engine does the same job on the same paragraphs: word 5-gram shingles, 128-permutation
MinHash signatures, LSH with 16 bands of 8 rows, candidate pairs, connected components. No
verification (nettoyeur's exact check runs after this in a real clean, and the peers have none).
Each engine runs in its own process, so that its peak memory is its own; it reads the corpus
from a file first, and that read is not timed.

    python benchmarks/speed.py                      # 200,000 paragraphs, every engine installed
    python benchmarks/speed.py --paragraphs 50000 --engines nettoyeur,rensa

Printed per engine: wall time, MB/s and paragraphs/s, CPU seconds (the machine may be shared:
CPU time is what an engine costs, wall time what a user waits), peak RSS (the process tree's,
sampled) and its growth over the loaded corpus, recall of the planted pairs of Jaccard >= 0.8 next
to what LSH theory predicts for exactly those pairs, and nettoyeur's speed as a multiple of each
peer's. The peers (``pip install 'nettoyeur[bench]'``) are skipped with a note when missing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import planted_corpus, words_of  # noqa: E402

NGRAM, NUM_PERM, BANDS, ROWS, SEED = 5, 128, 16, 8, 1
THRESHOLD = 0.5  # required by the peers' constructors; the bands and rows are given explicitly
ENGINES = ["nettoyeur", "nettoyeur-1", "datasketch", "datasketch-bulk", "rensa", "datatrove"]


# --- memory --------------------------------------------------------------------------------------


def _proc_pss_tree(pid: int) -> int | None:
    """The summed proportional set size of ``pid`` and its descendants from /proc, or None off Linux."""
    try:
        total, todo = 0, [pid]
        while todo:
            p = todo.pop()
            try:
                with open(f"/proc/{p}/smaps_rollup", encoding="ascii") as handle:
                    total += next(int(line.split()[1]) * 1024 for line in handle if line.startswith("Pss:"))
                for task in os.listdir(f"/proc/{p}/task"):
                    with open(f"/proc/{p}/task/{task}/children", encoding="ascii") as handle:
                        todo.extend(int(c) for c in handle.read().split())
            except (OSError, StopIteration, ValueError):  # a child that just ended
                continue
        return total
    except OSError:
        return None


class PeakRSS:
    """Samples the memory of this process and its children every 50 ms; keeps the maximum of the sum.

    With psutil, each process counts its proportional set size (PSS: pages shared between
    forked workers are split between them, not counted once per process); without it, the
    peak RSS of this process alone (getrusage).
    """

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        try:
            import psutil

            self._proc = psutil.Process()
        except ImportError:  # fall back to /proc (Linux) or getrusage (this process only)
            self._proc = None
        self._thread = threading.Thread(target=self._run, daemon=True)

    def current(self) -> int:
        if self._proc is None:
            tree = _proc_pss_tree(os.getpid())
            if tree is not None:
                return tree
            import resource

            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        total = 0
        for p in [self._proc, *self._proc.children(recursive=True)]:
            try:
                total += p.memory_full_info().pss
            except Exception:  # a child that just ended
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.current())
            time.sleep(0.05)

    def __enter__(self) -> PeakRSS:
        self.peak = self.current()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.current())


def cpu_seconds() -> float:
    """CPU time of this process and of its children that ended."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


# --- engines (each runs in a child process) ----------------------------------------------------------


def shingle_list(text: str) -> list[str]:
    """The peers' input: the word 5-grams of the reference tokenisation (a list: MinHash ignores repeats)."""
    w = words_of(text)
    return [" ".join(w[i : i + NGRAM]) for i in range(len(w) - NGRAM + 1)]


def shingles_bytes(text: str) -> list[bytes]:
    """The word 5-grams as UTF-8, what datasketch's default hash function takes."""
    return [s.encode("utf-8") for s in shingle_list(text)]


def run_nettoyeur(texts: list[str], workers: int) -> np.ndarray:
    from nettoyeur.dedup.analysis import candidate_clusters
    from nettoyeur.executors.process_pool import worker_count

    pairs, _ = candidate_clusters(texts, NGRAM, NUM_PERM, SEED, BANDS, ROWS, worker_count(workers))
    return pairs


def _query_pairs(query, items) -> np.ndarray:
    out = []
    for i, m in enumerate(items):
        out.extend((i, j) for j in query(m) if j != i)
    return np.array(out, dtype=np.int64).reshape(-1, 2)


def run_datasketch(texts: list[str], bulk: bool) -> np.ndarray:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, params=(BANDS, ROWS))
    if bulk:
        minhashes = MinHash.bulk((shingles_bytes(t) for t in texts), num_perm=NUM_PERM, seed=SEED)
        with lsh.insertion_session() as session:
            for i, m in enumerate(minhashes):
                session.insert(i, m)
    else:
        minhashes = []
        for i, t in enumerate(texts):
            m = MinHash(num_perm=NUM_PERM, seed=SEED)
            m.update_batch(shingles_bytes(t))
            lsh.insert(i, m)
            minhashes.append(m)
    return _query_pairs(lsh.query, minhashes)


def run_rensa(texts: list[str]) -> np.ndarray:
    from rensa import RMinHash, RMinHashLSH

    # rensa's bulk path: token sets in (streamed), one Rust call for the signatures, one for the index.
    minhashes = RMinHash.from_token_sets((shingle_list(t) for t in texts), NUM_PERM, SEED)
    lsh = RMinHashLSH(THRESHOLD, NUM_PERM, BANDS)
    lsh.insert_many(minhashes)
    out = []
    for i, found in enumerate(lsh.query_all(minhashes)):
        out.extend((i, j) for j in found if j != i)
    return np.array(out, dtype=np.int64).reshape(-1, 2)


def run_datatrove(texts: list[str], work: Path) -> np.ndarray:
    import struct

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.dedup.minhash import (
        MinhashConfig,
        MinhashDedupBuckets,
        MinhashDedupCluster,
        MinhashDedupSignature,
    )
    from datatrove.pipeline.readers import JsonlReader

    data = work / "data"
    data.mkdir(parents=True, exist_ok=True)
    with open(data / "corpus.jsonl", "w", encoding="utf-8") as handle:
        for i, t in enumerate(texts):
            handle.write(json.dumps({"id": str(i), "text": t}) + "\n")
    config = MinhashConfig(n_grams=NGRAM, num_buckets=BANDS, hashes_per_bucket=ROWS, seed=SEED)
    logs = work / "logs"
    steps = [
        [JsonlReader(str(data)), MinhashDedupSignature(output_folder=str(work / "sigs"), config=config)],
        [MinhashDedupBuckets(input_folder=str(work / "sigs"), output_folder=str(work / "buckets"), config=config)],
        [MinhashDedupCluster(input_folder=str(work / "buckets"), output_folder=str(work / "ids"), config=config)],
    ]
    tasks = [1, BANDS, 1]
    for k, (pipeline, n) in enumerate(zip(steps, tasks)):
        LocalPipelineExecutor(pipeline=pipeline, tasks=n, workers=1, logging_dir=str(logs / str(k))).run()
    out = []
    for dups in sorted((work / "buckets").glob("*.dups")):
        raw = dups.read_bytes()
        for _f1, d1, _f2, d2 in struct.iter_unpack("<4I", raw):
            out.append((d1, d2))
    return np.array(out, dtype=np.int64).reshape(-1, 2)


def child(engine: str, corpus: Path, result: Path, workers: int) -> None:
    """Runs one engine on the corpus file and writes its result (time, memory, pairs)."""
    texts = corpus.read_text(encoding="utf-8").split("\n")
    # Imports (and nettoyeur's per-process character table, 0.1 s) are not timed.
    if engine.startswith("nettoyeur"):
        import nettoyeur.dedup.analysis  # noqa: F401
        from nettoyeur.dedup.shingle import char_table

        char_table()
    elif engine.startswith("datasketch"):
        import datasketch  # noqa: F401
    elif engine == "rensa":
        import rensa  # noqa: F401
    elif engine == "datatrove":
        import datatrove.pipeline.dedup.minhash  # noqa: F401
        import datatrove.pipeline.readers  # noqa: F401
    with tempfile.TemporaryDirectory(prefix="nettoyeur-bench-") as tmp, PeakRSS() as rss:
        base = rss.peak
        cpu, wall = cpu_seconds(), time.perf_counter()
        if engine == "nettoyeur":
            pairs = run_nettoyeur(texts, workers)
        elif engine == "nettoyeur-1":
            pairs = run_nettoyeur(texts, 1)
        elif engine == "datasketch":
            pairs = run_datasketch(texts, bulk=False)
        elif engine == "datasketch-bulk":
            pairs = run_datasketch(texts, bulk=True)
        elif engine == "rensa":
            pairs = run_rensa(texts)
        elif engine == "datatrove":
            pairs = run_datatrove(texts, Path(tmp))
        else:
            raise SystemExit(f"unknown engine {engine}")
        wall = time.perf_counter() - wall
        cpu = cpu_seconds() - cpu
    np.save(result.with_suffix(".npy"), pairs)
    result.write_text(json.dumps({"wall": wall, "cpu": cpu, "peak": rss.peak, "base": base}))


# --- the run -----------------------------------------------------------------------------------------------


def available(engine: str) -> str | None:
    """Returns why an engine cannot run here, or None."""
    module = {"datasketch": "datasketch", "datasketch-bulk": "datasketch", "rensa": "rensa", "datatrove": "datatrove"}
    name = module.get(engine)
    if name is None:
        return None
    try:
        __import__(name)
    except ImportError:
        return f"{name} is not installed (pip install 'nettoyeur[bench]')"
    return None


def components(n: int, pairs: np.ndarray) -> np.ndarray:
    from nettoyeur.dedup.analysis import components as comp

    return comp(n, pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--paragraphs", type=int, default=200_000)
    parser.add_argument("--pairs", type=int, default=20_000, help="planted near-duplicate pairs")
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--workers", type=int, default=0, help="nettoyeur's processes (0 = all cores)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--slow-paragraphs",
        type=int,
        default=20_000,
        help="datatrove runs on the first N paragraphs only (its spaCy tokeniser makes it ~100x slower)",
    )
    parser.add_argument("--child", nargs=3, metavar=("ENGINE", "CORPUS", "RESULT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]), args.workers)
        return

    started = time.perf_counter()
    texts, planted = planted_corpus(args.paragraphs, args.pairs, NGRAM, args.seed)
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(
        f"corpus: {len(texts):,} paragraphs, {size / 1e6:.1f} MB, {len(planted):,} planted pairs "
        f"(built in {time.perf_counter() - started:.0f} s); word {NGRAM}-grams, {NUM_PERM} permutations, "
        f"{BANDS} bands x {ROWS} rows; {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}"
    )
    sims = np.array([s for _, _, s in planted])
    tick = time.process_time()
    for t in texts:
        shingle_list(t)
    tokenise = time.process_time() - tick
    print(
        f"the peers' Python tokenisation alone (findall words, join 5-grams) takes {tokenise:.1f} CPU-s: "
        f"{size / tokenise / 1e6:.1f} MB/CPU-s, included in their times"
    )
    hi = sims >= 0.8
    theory = float(np.mean(1 - (1 - sims[hi] ** ROWS) ** BANDS))
    rows = []
    with tempfile.TemporaryDirectory(prefix="nettoyeur-speed-") as tmp:
        corpus = Path(tmp) / "corpus.txt"
        corpus.write_text("\n".join(texts), encoding="utf-8")
        for engine in args.engines.split(","):
            why = available(engine)
            if why:
                print(f"{engine}: skipped, {why}")
                continue
            result = Path(tmp) / f"{engine}.json"
            n = min(len(texts), args.slow_paragraphs) if engine == "datatrove" else len(texts)
            source = corpus
            if n < len(texts):
                source = Path(tmp) / f"corpus-{n}.txt"
                source.write_text("\n".join(texts[:n]), encoding="utf-8")
            cmd = [sys.executable, __file__, "--workers", str(args.workers)]
            cmd += ["--child", engine, str(source), str(result)]
            done = subprocess.run(cmd, capture_output=True, text=True)
            if done.returncode != 0:
                print(f"{engine}: failed\n{done.stderr[-2000:]}")
                continue
            r = json.loads(result.read_text())
            pairs = np.load(result.with_suffix(".npy"))
            labels = components(n, pairs)
            inside = np.array([j < n for _, j, _ in planted]) & hi
            found = np.array([j < n and labels[i] == labels[j] for i, j, _ in planted])
            size_n = size if n == len(texts) else sum(len(t.encode("utf-8")) for t in texts[:n])
            r.update(engine=engine, recall=float(found[inside].mean()), pairs=len(pairs), n=n, size=size_n)
            r["theory"] = float(np.mean(1 - (1 - sims[inside] ** ROWS) ** BANDS))
            rows.append(r)
            print(f"  {engine}: {r['wall']:.1f} s", flush=True)

    print(
        f"\nrecall of the planted pairs with Jaccard >= 0.8 ({int(hi.sum()):,} pairs; LSH theory for them "
        f"{theory:.4f}), and its difference from the theory for the pairs each engine saw"
    )
    head = (
        f"{'engine':16} {'wall s':>7} {'MB/s':>7} {'par/s':>9} {'CPU s':>7} {'MB/CPU-s':>9} "
        f"{'peak RSS':>9} {'growth':>8} {'recall':>7} {'-theory':>8}"
    )
    print(head)
    print("-" * len(head))
    for r in rows:
        peak, growth = r["peak"] / 2**20, (r["peak"] - r["base"]) / 2**20
        mb = r["size"] / 1e6
        print(
            f"{r['engine']:16} {r['wall']:7.2f} {mb / r['wall']:7.1f} {r['n'] / r['wall']:9,.0f} "
            f"{r['cpu']:7.2f} {mb / r['cpu']:9.1f} {peak:7.0f}MB {growth:6.0f}MB "
            f"{r['recall']:7.4f} {100 * (r['recall'] - r['theory']):+7.2f}pt"
            + (f"  (first {r['n']:,} paragraphs)" if r["n"] < len(texts) else "")
        )
    ours = {r["engine"]: r for r in rows if r["engine"].startswith("nettoyeur")}
    if ours:
        print("\nnettoyeur's speed (MB/s) as a multiple of each peer's (wall time; CPU time in brackets):")
        for r in rows:
            if r["engine"].startswith("nettoyeur"):
                continue
            ratios = ", ".join(
                f"{name} {(o['size'] / o['wall']) / (r['size'] / r['wall']):.1f}x "
                f"({(o['size'] / o['cpu']) / (r['size'] / r['cpu']):.1f}x)"
                for name, o in ours.items()
            )
            print(f"  vs {r['engine']:16} {ratios}")


if __name__ == "__main__":
    main()
