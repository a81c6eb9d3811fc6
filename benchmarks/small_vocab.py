"""Many candidates per paragraph: one-line files drawn from a small vocabulary (issue 14).

100,000 files of one line each, 8 to 16 words drawn uniformly from a vocabulary of 24 words:
every word 3-gram recurs in dozens of lines, so every line is an LSH candidate of about twenty
others while almost none is a copy. The decide stage (candidates, verification, clusters) must
stay linear there: the target is under 5 s on 2 cores with less than 300 MB of memory.

    python benchmarks/small_vocab.py                      # 100,000 files, 2 workers
    python benchmarks/small_vocab.py --keep /tmp/sv-out   # keep the output (to diff two versions)

Printed: wall and CPU seconds of the whole clean, peak memory (PSS of the process tree, with and
without this script's own), each stage's seconds, candidate pairs, pairs verified, pairs beyond
the bound, removals.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from e2e_peers import measure  # noqa: E402

# 24 words of one made-up language (no dev-set strings): short, no digits, none one edit from another.
VOCABULARY = (
    "arvo belu cindra dosk elmat farrow gulen hespi irdo jamble kovra lusset "
    "mondu nerrit opal pravik quells rundel sotha tembric ulvar vessen wickam yorrel"
).split()


def lines(n: int, seed: int = 14, lo: int = 8, hi: int = 16) -> list[str]:
    """Returns ``n`` lines of ``lo`` to ``hi`` words drawn uniformly from :data:`VOCABULARY`, each ending a sentence."""
    rng = np.random.default_rng(seed)
    lengths = rng.integers(lo, hi + 1, n)
    words = rng.integers(0, len(VOCABULARY), int(lengths.sum()))
    out = []
    at = 0
    for k in lengths.tolist():
        text = " ".join(VOCABULARY[w] for w in words[at : at + k].tolist())
        out.append(text[0].upper() + text[1:] + ".")
        at += k
    return out


def write_folder(root: Path, texts: list[str]) -> int:
    """Writes one file per line (1,000 files a folder); returns the bytes written."""
    total = 0
    for k, text in enumerate(texts):
        folder = root / f"{k // 1000:03d}"
        if k % 1000 == 0:
            folder.mkdir(parents=True)
        data = (text + "\n").encode("utf-8")
        (folder / f"{k:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="copy the output folder and its summary here")
    parser.add_argument("--extra", nargs="*", default=[], help="more options for nettoyeur clean")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nettoyeur-vocab-") as tmp:
        src, out = Path(tmp) / "in", Path(tmp) / "out"
        mb = write_folder(src, lines(args.files)) / 1e6
        cmd = [sys.executable, "-m", "nettoyeur", "clean", str(src), str(out), "-q", "--workers", str(args.workers)]
        r = measure([*cmd, *args.extra])
        summary_path = out.with_name(out.name + ".summary.json")
        summary = json.loads(summary_path.read_text(encoding="utf-8"))
        if args.keep is not None:
            shutil.rmtree(args.keep, ignore_errors=True)
            shutil.copytree(out, args.keep)
            shutil.copy(summary_path, args.keep.with_name(args.keep.name + ".summary.json"))
    s = summary["stages"]
    counts = summary["counts"]
    stages = " / ".join(f"{k} {v:.1f}" for k, v in summary["stage_seconds"].items())
    print(f"{args.files:,} files, {mb:.1f} MB, {args.workers} workers")
    print(
        f"wall {r['wall']:.1f} s, CPU {r['cpu']:.1f} s, peak {r['peak'] / 2**20:.0f} MB"
        f" (the clean's own processes, without this script's: {r['own'] / 2**20:.0f} MB)"
    )
    print(f"stages (s): {stages}")
    print(
        f"candidates {s['candidates']:,}, verified {s.get('verified', s['candidates']):,}, "
        f"beyond the bound {s.get('beyond', 0):,}, removed {counts.get('duplicate', 0) + counts.get('contained', 0):,}"
    )


if __name__ == "__main__":
    main()
