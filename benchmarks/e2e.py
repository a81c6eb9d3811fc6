"""End-to-end ``nettoyeur clean`` throughput and memory, at growing corpus sizes.

Generates a folder of article-shaped text files (site menus and footers, titles, bylines, prose,
syndicated copies with typos or cut short, a little mojibake: see ``corpus.py``) under a
temporary folder, grows it to each size in turn, runs ``nettoyeur clean IN OUT`` on it as a user
would (a separate process), and prints one row per size: wall time, MB/s, paragraphs/s, CPU
seconds, peak memory of the process tree, its growth per paragraph over a tiny run (the
interpreter and the libraries), and the time of each pass. Everything is deleted at the end.

    python benchmarks/e2e.py                                   # 100k, 300k, 1M and 3M paragraphs
    python benchmarks/e2e.py --sizes 100000,300000 --also-no-boilerplate
"""

from __future__ import annotations

import argparse
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
from speed import PeakRSS, cpu_seconds  # noqa: E402

NETTOYEUR = [sys.executable, "-m", "nettoyeur"]


def clean(src: Path, out: Path, workers: int, extra: list[str]) -> dict:
    """Runs ``nettoyeur clean`` in a child process; returns its summary with wall, CPU and memory."""
    shutil.rmtree(out, ignore_errors=True)
    cmd = [*NETTOYEUR, "clean", str(src), str(out), "-q", "--workers", str(workers), *extra]
    with PeakRSS() as mem:
        cpu, wall = cpu_seconds(), time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True)
        wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
    if done.returncode not in (0, 1):
        raise SystemExit(f"nettoyeur failed ({done.returncode}):\n{done.stderr[-3000:]}")
    summary = json.loads(out.with_name(out.name + ".summary.json").read_text(encoding="utf-8"))
    summary.update(wall=wall, cpu=cpu, peak=mem.peak)
    shutil.rmtree(out, ignore_errors=True)
    for suffix in (".report.jsonl", ".summary.json"):
        out.with_name(out.name + suffix).unlink(missing_ok=True)
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,300000,1000000,3000000", help="paragraphs, ascending")
    parser.add_argument("--workers", type=int, default=0, help="nettoyeur's --workers (0 = all cores)")
    parser.add_argument("--root", type=Path, default=None, help="where to generate (default: a temporary folder)")
    parser.add_argument("--also-no-boilerplate", action="store_true", help="also time --no-boilerplate")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    root = Path(tempfile.mkdtemp(prefix="nettoyeur-e2e-", dir=args.root))
    try:
        tiny = root / "tiny"
        ArticleWriter(tiny, seed=99).extend_to(50)
        base = clean(tiny, root / "tiny-out", args.workers, [])["peak"]
        print(
            f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; baseline (interpreter, libraries, workers) "
            f"{base / 2**20:.0f} MB peak on a 50-paragraph run"
        )
        head = (
            f"{'paragraphs':>10} {'files':>7} {'MB':>6} {'variant':>8} {'wall s':>7} {'MB/s':>6} {'par/s':>8} "
            f"{'CPU s':>7} {'peak MB':>8} {'B/par':>6}  passes (s): count/analyse/decide/remark/write"
        )
        print(head)
        print("-" * len(head), flush=True)
        corpus = root / "in"
        writer = ArticleWriter(corpus)
        for size in sizes:
            started = time.perf_counter()
            writer.extend_to(size)
            made = time.perf_counter() - started
            variants = [("full", [])]
            if args.also_no_boilerplate:
                variants.append(("no-bp", ["--no-boilerplate"]))
            for name, extra in variants:
                s = clean(corpus, root / "out", args.workers, extra)
                mb = writer.bytes / 1e6
                stages = s.get("stage_seconds", {})
                passes = "/".join(f"{stages.get(k, 0):.1f}" for k in ("count", "analyse", "decide", "remark", "write"))
                print(
                    f"{writer.paragraphs:>10,} {writer.files:>7,} {mb:6.0f} {name:>8} {s['wall']:7.1f} "
                    f"{mb / s['wall']:6.1f} {writer.paragraphs / s['wall']:8,.0f} {s['cpu']:7.1f} "
                    f"{s['peak'] / 2**20:8.0f} {(s['peak'] - base) / writer.paragraphs:6.0f}  {passes}"
                    f"   (generated in {made:.0f} s)",
                    flush=True,
                )
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
