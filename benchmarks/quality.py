"""Quality on a labelled corpus: clean it with default options and run its scorer.

Usage::

    python benchmarks/quality.py [--corpus DIR] [--json FILE] [--option value ...]

DIR defaults to ``../shared/eval-dev`` beside the project (a folder with ``txt/``,
``ground_truth.json`` and ``score.py``). Extra ``--name value`` pairs are passed to
:class:`nettoyeur.CleanConfig` (for example ``--ngram 4``), to measure a variant.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from nettoyeur import CleanConfig, clean_folder

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "eval-dev"


def _value(text: str) -> object:
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    return {"true": True, "false": False}.get(text.lower(), text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="labelled corpus folder")
    parser.add_argument("--json", type=Path, help="write the scorer's full report here")
    args, rest = parser.parse_known_args(argv)
    if len(rest) % 2:
        parser.error("options come in pairs: --name value")
    overrides = {rest[i].lstrip("-").replace("-", "_"): _value(rest[i + 1]) for i in range(0, len(rest), 2)}
    corpus: Path = args.corpus
    scorer, truth, txt = corpus / "score.py", corpus / "ground_truth.json", corpus / "txt"
    for need in (scorer, truth, txt):
        if not need.exists():
            print(f"missing {need}: give the folder of a labelled corpus (txt/, ground_truth.json, score.py)")
            return 2
    config = CleanConfig().replace(**overrides)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "clean"
        started = time.perf_counter()
        summary = clean_folder(txt, out, config, quiet=True)
        seconds = time.perf_counter() - started
        print(f"cleaned {summary['files']} files, {summary['paragraphs']} paragraphs in {seconds:.2f} s")
        print("options:", overrides or "defaults")
        cmd = [sys.executable, str(scorer), str(txt), str(out), str(truth)]
        if args.json:
            cmd += ["--json", str(args.json)]
        return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
