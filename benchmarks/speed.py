"""Dedup-stage speed: nettoyeur against datasketch, rensa and datatrove, in one run.

Every engine does the same job on the same paragraphs: word n-gram shingles, 128-permutation
MinHash signatures, LSH bands, candidate pairs, connected components. No verification
(nettoyeur's exact check runs after this in a real clean, and the peers have none). Each engine
runs in its own process, so that its peak memory is its own; it reads the corpus from a file
first, and that read is not timed. The peers are given the paragraphs' text too: their Python
tokenisation (word n-grams as strings, what they take) is part of their time.

Two settings, on the same corpus in the same run (``--settings``):

* ``default``: nettoyeur's benchmark, word 5-grams, 16 bands of 8 rows;
* ``rensa``: rensa's own benchmark's settings (its ``benchmarks/full_benchmark.py``): word
  3-grams, 128 permutations, 8 bands of 16 rows, threshold 0.8, at 1 and 2 threads
  (``RAYON_NUM_THREADS`` for rensa, threads in the native core for nettoyeur).

    python benchmarks/speed.py                      # 200,000 paragraphs, every engine installed
    python benchmarks/speed.py --paragraphs 50000 --engines nettoyeur,rensa,rensa-rho --settings rensa
    python benchmarks/speed.py --baseline-python /path/to/other/.venv/bin/python   # before/after

Engines: ``nettoyeur`` (and ``nettoyeur-base``, another install's, with ``--baseline-python``),
``datasketch`` (one by one) and ``datasketch-bulk``, ``rensa`` (full-set R-MinHash objects, its
LSH index, candidate pairs), ``rensa-rho`` (the pipeline of rensa's own benchmark: its sampled
"rho" sketches, probes 4, and one-shot duplicate flags; flags, not pairs), ``datatrove``.
nettoyeur and rensa run at every ``--threads`` count, the others at one thread.

Printed per engine: wall time, MB/s and paragraphs/s, CPU seconds (the machine may be shared:
CPU time is what an engine costs, wall time what a user waits), peak RSS (the process tree's,
sampled) and its growth over the loaded corpus, recall of the planted pairs of Jaccard >= 0.8 next
to what LSH theory predicts for exactly those pairs (for flag engines: the later paragraph of the
pair flagged), and nettoyeur's speed as a multiple of each peer's at the same thread count.
The peers (``pip install 'nettoyeur[bench]'``) are skipped with a note when missing.
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

NUM_PERM, SEED = 128, 1
# (ngram, bands, rows, threshold): the threshold is only what the peers' constructors require
# (the bands and rows are given explicitly), and what rensa's one-shot flags check the sketches against.
SETTINGS = {"default": (5, 16, 8, 0.5), "rensa": (3, 8, 16, 0.8)}
NGRAM, BANDS, ROWS, THRESHOLD = SETTINGS["default"]  # what e2e.py and e2e_peers.py read
ENGINES = ["nettoyeur", "nettoyeur-base", "datasketch", "datasketch-bulk", "rensa", "rensa-rho", "datatrove"]
THREADED = ("nettoyeur", "nettoyeur-base", "rensa", "rensa-rho")  # run at every --threads count
FLAGS = ("rensa-rho",)  # engines that answer a duplicate flag per paragraph, not pairs


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


def shingle_list(text: str, ngram: int) -> list[str]:
    """The peers' input: the word n-grams of the reference tokenisation (a list: MinHash ignores repeats)."""
    w = words_of(text)
    return [" ".join(w[i : i + ngram]) for i in range(len(w) - ngram + 1)]


def shingles_bytes(text: str, ngram: int) -> list[bytes]:
    """The word n-grams as UTF-8, what datasketch's default hash function takes."""
    return [s.encode("utf-8") for s in shingle_list(text, ngram)]


def run_nettoyeur(texts: list[str], setting: tuple, threads: int) -> np.ndarray:
    import inspect

    from nettoyeur.dedup.analysis import candidate_clusters

    ngram, bands, rows, _ = setting
    if "threads" in inspect.signature(candidate_clusters).parameters:
        pairs, _ = candidate_clusters(texts, ngram, NUM_PERM, SEED, bands, rows, threads=threads)
    else:  # an install from before the threads of the native core: processes instead
        pairs, _ = candidate_clusters(texts, ngram, NUM_PERM, SEED, bands, rows, threads)
    return pairs


def _query_pairs(query, items) -> np.ndarray:
    out = []
    for i, m in enumerate(items):
        out.extend((i, j) for j in query(m) if j != i)
    return np.array(out, dtype=np.int64).reshape(-1, 2)


def run_datasketch(texts: list[str], setting: tuple, bulk: bool) -> np.ndarray:
    from datasketch import MinHash, MinHashLSH

    ngram, bands, rows, threshold = setting
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, params=(bands, rows))
    if bulk:
        minhashes = MinHash.bulk((shingles_bytes(t, ngram) for t in texts), num_perm=NUM_PERM, seed=SEED)
        with lsh.insertion_session() as session:
            for i, m in enumerate(minhashes):
                session.insert(i, m)
    else:
        minhashes = []
        for i, t in enumerate(texts):
            m = MinHash(num_perm=NUM_PERM, seed=SEED)
            m.update_batch(shingles_bytes(t, ngram))
            lsh.insert(i, m)
            minhashes.append(m)
    return _query_pairs(lsh.query, minhashes)


def run_rensa(texts: list[str], setting: tuple) -> np.ndarray:
    from rensa import RMinHash, RMinHashLSH

    ngram, bands, _, threshold = setting
    # rensa's bulk path: token sets in (streamed), one Rust call for the signatures, one for the index.
    minhashes = RMinHash.from_token_sets((shingle_list(t, ngram) for t in texts), NUM_PERM, SEED)
    lsh = RMinHashLSH(threshold, NUM_PERM, bands)
    lsh.insert_many(minhashes)
    out = []
    for i, found in enumerate(lsh.query_all(minhashes)):
        out.extend((i, j) for j in found if j != i)
    return np.array(out, dtype=np.int64).reshape(-1, 2)


def run_rensa_rho(texts: list[str], setting: tuple, timing: dict) -> np.ndarray:
    """rensa's own benchmark pipeline (its full_benchmark.py): rho sketches, one-shot duplicate flags."""
    from rensa import RMinHash, RMinHashLSH

    ngram, bands, _, threshold = setting
    tick = cpu_seconds()
    token_sets = [shingle_list(t, ngram) for t in texts]
    timing["tokenise_cpu"] = cpu_seconds() - tick
    matrix = RMinHash.digest_matrix_from_token_sets_rho(token_sets, num_perm=NUM_PERM, seed=SEED, probes=4)
    lsh = RMinHashLSH(threshold=threshold, num_perm=NUM_PERM, num_bands=bands)
    return np.array(lsh.query_duplicate_flags_matrix_one_shot(matrix), dtype=bool)


def run_datatrove(texts: list[str], setting: tuple, work: Path) -> np.ndarray:
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
    ngram, bands, rows, _ = setting
    config = MinhashConfig(n_grams=ngram, num_buckets=bands, hashes_per_bucket=rows, seed=SEED)
    logs = work / "logs"
    steps = [
        [JsonlReader(str(data)), MinhashDedupSignature(output_folder=str(work / "sigs"), config=config)],
        [MinhashDedupBuckets(input_folder=str(work / "sigs"), output_folder=str(work / "buckets"), config=config)],
        [MinhashDedupCluster(input_folder=str(work / "buckets"), output_folder=str(work / "ids"), config=config)],
    ]
    tasks = [1, bands, 1]
    for k, (pipeline, n) in enumerate(zip(steps, tasks)):
        LocalPipelineExecutor(pipeline=pipeline, tasks=n, workers=1, logging_dir=str(logs / str(k))).run()
    out = []
    for dups in sorted((work / "buckets").glob("*.dups")):
        raw = dups.read_bytes()
        for _f1, d1, _f2, d2 in struct.iter_unpack("<4I", raw):
            out.append((d1, d2))
    return np.array(out, dtype=np.int64).reshape(-1, 2)


def child(engine: str, corpus: Path, result: Path, setting: tuple, threads: int) -> None:
    """Runs one engine on the corpus file and writes its result (time, memory, pairs or flags)."""
    texts = corpus.read_text(encoding="utf-8").split("\n")
    # Imports (and nettoyeur's per-process character table, 0.1 s) are not timed.
    if engine.startswith("nettoyeur"):
        import nettoyeur.dedup.analysis  # noqa: F401
        from nettoyeur.dedup.shingle import char_table

        char_table()
    elif engine.startswith("datasketch"):
        import datasketch  # noqa: F401
    elif engine.startswith("rensa"):
        import rensa  # noqa: F401
    elif engine == "datatrove":
        import datatrove.pipeline.dedup.minhash  # noqa: F401
        import datatrove.pipeline.readers  # noqa: F401
    timing: dict = {}
    with tempfile.TemporaryDirectory(prefix="nettoyeur-bench-") as tmp, PeakRSS() as rss:
        base = rss.peak
        cpu, wall = cpu_seconds(), time.perf_counter()
        if engine.startswith("nettoyeur"):
            found = run_nettoyeur(texts, setting, threads)
        elif engine == "datasketch":
            found = run_datasketch(texts, setting, bulk=False)
        elif engine == "datasketch-bulk":
            found = run_datasketch(texts, setting, bulk=True)
        elif engine == "rensa":
            found = run_rensa(texts, setting)
        elif engine == "rensa-rho":
            found = run_rensa_rho(texts, setting, timing)
        elif engine == "datatrove":
            found = run_datatrove(texts, setting, Path(tmp))
        else:
            raise SystemExit(f"unknown engine {engine}")
        wall = time.perf_counter() - wall
        cpu = cpu_seconds() - cpu
    np.save(result.with_suffix(".npy"), found)
    result.write_text(json.dumps({"wall": wall, "cpu": cpu, "peak": rss.peak, "base": base, **timing}))


# --- the run -----------------------------------------------------------------------------------------------


def available(engine: str) -> str | None:
    """Returns why an engine cannot run here, or None."""
    module = {
        "datasketch": "datasketch",
        "datasketch-bulk": "datasketch",
        "rensa": "rensa",
        "rensa-rho": "rensa",
        "datatrove": "datatrove",
    }
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


def planted_similarity(texts: list[str], planted: list[tuple[int, int, float]], ngram: int) -> np.ndarray:
    """The Jaccard similarity of each planted pair's word ``ngram``-gram sets."""
    from corpus import shingle_set

    out = []
    for i, j, _ in planted:
        a, b = shingle_set(words_of(texts[i]), ngram), shingle_set(words_of(texts[j]), ngram)
        out.append(len(a & b) / len(a | b) if a | b else 1.0)
    return np.array(out)


def run_engine(args: argparse.Namespace, engine: str, name: str, setting_name: str, threads: int, tmp: Path,
               corpus: Path, texts: list[str], planted: list, sims: np.ndarray) -> dict | None:
    """Runs one engine in a child process and returns its row (None when it failed)."""
    setting = SETTINGS[setting_name]
    rows_per_band, bands = setting[2], setting[1]
    result = tmp / f"{setting_name}-{engine}-{threads}.json"
    n = min(len(texts), args.slow_paragraphs) if engine == "datatrove" else len(texts)
    source = corpus
    if n < len(texts):
        source = tmp / f"corpus-{n}.txt"
        source.write_text("\n".join(texts[:n]), encoding="utf-8")
    python = args.baseline_python if engine == "nettoyeur-base" else sys.executable
    cmd = [python, __file__, "--settings", setting_name, "--threads", str(threads)]
    cmd += ["--child", engine, str(source), str(result)]
    env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        print(f"{name}: failed\n{done.stderr[-2000:]}")
        return None
    r = json.loads(result.read_text())
    found = np.load(result.with_suffix(".npy"))
    hi = sims >= 0.8
    inside = np.array([j < n for _, j, _ in planted]) & hi
    if engine in FLAGS:
        hit = np.array([j < n and bool(found[j]) for _, j, _ in planted])
        pairs = int(found.sum())
    else:
        labels = components(n, found)
        hit = np.array([j < n and labels[i] == labels[j] for i, j, _ in planted])
        pairs = len(found)
    size_n = sum(len(t.encode("utf-8")) for t in texts[:n])
    r.update(engine=engine, name=name, threads=threads, recall=float(hit[inside].mean()), pairs=pairs, n=n, size=size_n)
    r["theory"] = float(np.mean(1 - (1 - sims[inside] ** rows_per_band) ** bands))
    print(f"  {name}: {r['wall']:.2f} s, {r['cpu']:.2f} CPU-s", flush=True)
    return r


def report(setting_name: str, rows: list[dict], sims: np.ndarray, total: int) -> None:
    """Prints one setting's table and nettoyeur's ratios to each peer at the same thread count."""
    ngram, bands, rows_per_band, threshold = SETTINGS[setting_name]
    hi = sims >= 0.8
    theory = float(np.mean(1 - (1 - sims[hi] ** rows_per_band) ** bands))
    print(
        f"\n== settings {setting_name}: word {ngram}-grams, {NUM_PERM} permutations, {bands} bands x "
        f"{rows_per_band} rows, threshold {threshold}\nrecall of the planted pairs with Jaccard >= 0.8 "
        f"({int(hi.sum()):,} pairs; LSH theory for them {theory:.4f}), and its difference from the theory "
        "for the pairs each engine saw (flag engines: the pair's later paragraph flagged)"
    )
    head = (
        f"{'engine':22} {'wall s':>7} {'MB/s':>7} {'par/s':>9} {'CPU s':>7} {'MB/CPU-s':>9} "
        f"{'peak RSS':>9} {'growth':>8} {'recall':>7} {'-theory':>8}"
    )
    print(head)
    print("-" * len(head))
    for r in rows:
        peak, growth = r["peak"] / 2**20, (r["peak"] - r["base"]) / 2**20
        mb = r["size"] / 1e6
        print(
            f"{r['name']:22} {r['wall']:7.2f} {mb / r['wall']:7.1f} {r['n'] / r['wall']:9,.0f} "
            f"{r['cpu']:7.2f} {mb / r['cpu']:9.1f} {peak:7.0f}MB {growth:6.0f}MB "
            f"{r['recall']:7.4f} {100 * (r['recall'] - r['theory']):+7.2f}pt"
            + (f"  (first {r['n']:,} paragraphs)" if r["n"] < total else "")
        )
    ours = [r for r in rows if r["engine"] == "nettoyeur"]
    if not ours:
        return
    print(
        "\nnettoyeur's speed (MB/s) as a multiple of each peer's, at the same thread count where the peer "
        "ran at it (wall time; CPU time in brackets):"
    )
    for r in rows:
        if r["engine"] == "nettoyeur":
            continue
        ratios = []
        for o in ours:
            if r["engine"] in THREADED and o["threads"] != r["threads"]:
                continue
            ratios.append(
                f"{o['name']} {(o['size'] / o['wall']) / (r['size'] / r['wall']):.1f}x "
                f"({(o['size'] / o['cpu']) / (r['size'] / r['cpu']):.1f}x)"
            )
        print(f"  vs {r['name']:22} {', '.join(ratios)}")
    for r in rows:
        if "tokenise_cpu" in r:
            kernel = r["cpu"] - r["tokenise_cpu"]
            same = [o for o in ours if o["threads"] == r["threads"]]
            if same and kernel > 0:
                print(
                    f"  {r['name']} without its Python tokenisation ({r['tokenise_cpu']:.2f} CPU-s, given the "
                    f"n-grams as rensa's own benchmark is): {kernel:.2f} CPU-s; {same[0]['name']} (text in) "
                    f"{(same[0]['size'] / same[0]['cpu']) / (r['size'] / kernel):.2f}x its speed per CPU second"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--paragraphs", type=int, default=200_000)
    parser.add_argument("--pairs", type=int, default=20_000, help="planted near-duplicate pairs")
    parser.add_argument("--engines", default=",".join(e for e in ENGINES if e != "nettoyeur-base"))
    parser.add_argument("--settings", default="default,rensa", help="comma-separated: " + ", ".join(SETTINGS))
    parser.add_argument("--threads", default="1,2", help="thread counts of nettoyeur and rensa")
    parser.add_argument(
        "--baseline-python",
        help="an interpreter whose nettoyeur runs as the engine nettoyeur-base (another release, for before/after)",
    )
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--slow-paragraphs",
        type=int,
        default=20_000,
        help="datatrove runs on the first N paragraphs only (its spaCy tokeniser makes it ~100x slower)",
    )
    parser.add_argument("--child", nargs=3, metavar=("ENGINE", "CORPUS", "RESULT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    threads = [int(t) for t in args.threads.split(",")]
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]), SETTINGS[args.settings], threads[0])
        return
    engines = args.engines.split(",")
    if args.baseline_python and "nettoyeur-base" not in engines:
        engines.insert(1, "nettoyeur-base")

    started = time.perf_counter()
    texts, planted = planted_corpus(args.paragraphs, args.pairs, 5, args.seed)
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(
        f"corpus: {len(texts):,} paragraphs, {size / 1e6:.1f} MB, {len(planted):,} planted pairs "
        f"(built in {time.perf_counter() - started:.0f} s); {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}"
    )
    results = {}
    with tempfile.TemporaryDirectory(prefix="nettoyeur-speed-") as tmp:
        corpus = Path(tmp) / "corpus.txt"
        corpus.write_text("\n".join(texts), encoding="utf-8")
        for setting_name in args.settings.split(","):
            ngram = SETTINGS[setting_name][0]
            sims = planted_similarity(texts, planted, ngram)
            tick = time.process_time()
            for t in texts:
                shingle_list(t, ngram)
            tokenise = time.process_time() - tick
            print(
                f"\nsettings {setting_name}: the peers' Python tokenisation alone (findall words, join "
                f"{ngram}-grams) takes {tokenise:.1f} CPU-s: {size / tokenise / 1e6:.1f} MB/CPU-s, in their times"
            )
            rows = []
            for engine in engines:
                if engine == "nettoyeur-base" and not args.baseline_python:
                    continue
                why = available(engine)
                if why:
                    print(f"{engine}: skipped, {why}")
                    continue
                for t in threads if engine in THREADED else [1]:
                    name = f"{engine} x{t}" if engine in THREADED else engine
                    r = run_engine(args, engine, name, setting_name, t, Path(tmp), corpus, texts, planted, sims)
                    if r is not None:
                        rows.append(r)
            results[setting_name] = (rows, sims)
    for setting_name, (rows, sims) in results.items():
        report(setting_name, rows, sims, len(texts))


if __name__ == "__main__":
    main()
