"""Repair gate: what the repair step costs on clean text, and what it catches of ftfy's own test cases.

The repair step runs on every document: the gate on the whole text, then, where it says
"maybe", on each line, and ftfy on the lines it lets through (see :mod:`nettoyeur.text.repair_gate`).
This times exactly that on the ``.txt`` files of the given folders (read first, not timed),
the best of ``--repeat`` runs, and prints millions of characters a second, how many documents
and lines went on to the next stage and how many lines ftfy changed; then the whole-text gate
alone on each document, on each document's clean lines, and on all the clean lines as one text.

    python benchmarks/repair_gate.py ../shared/eval-dev/txt
    python benchmarks/repair_gate.py --baseline main ../shared/eval-dev/txt   # before/after
    python benchmarks/repair_gate.py --ftfy-cases PATH/test_cases.json
    python benchmarks/repair_gate.py --baseline main --mojibake 1500 ../shared/eval-pages-dev/txt

``--baseline REF`` also times ``src/nettoyeur/text/repair.py`` as it is at git revision REF, in
the same process, runs interleaved (the machine may be shared). ``--ftfy-cases`` takes
ftfy's own test cases (``tests/test_cases.json`` of its source distribution: ``pip download
ftfy --no-deps --no-binary :all:``) and counts the ones whose text ftfy, with the project's
configuration, changes, and how many of those the repair step leaves broken. ``--mojibake N``
misreads N clean lines of each folder through each code page and counts the lines the repair
step gets back, beside ftfy run on every line (the reference: the gate must lose none).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import subprocess
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import ftfy

from nettoyeur.text import repair as current
from nettoyeur.text.repair import CONFIG

ROOT = Path(__file__).resolve().parent.parent


def baseline(ref: str) -> ModuleType:
    """Loads ``src/nettoyeur/text/repair.py`` as it is at git revision ``ref``.

    Raises:
        subprocess.CalledProcessError: git cannot show the file at that revision.
    """
    source = subprocess.run(
        ["git", "show", f"{ref}:src/nettoyeur/text/repair.py"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False, encoding="utf-8") as handle:
        handle.write(source)
    spec = importlib.util.spec_from_file_location(f"repair_at_{ref}", handle.name)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def repair_stage(module: Any, docs: list[list[str]]) -> tuple[int, int, int]:
    """Runs one module's repair step on each document as the pipeline does; returns the counts.

    Returns:
        ``(documents the whole-text gate passed, lines tested on their own, lines ftfy changed)``.
    """
    passed = tested = changed = 0
    for lines in docs:
        if not module.may_need_repair("".join(lines)):
            continue
        passed += 1
        if not any(module.needs_repair(line) for line in lines):
            continue
        for line in lines:
            tested += 1
            changed += bool(module.repair(line.rstrip("\r\n"))[1])
    return passed, tested, changed


def gate_alone(module: Any, texts: list[str]) -> tuple[int]:
    """Runs one module's whole-text gate alone on each text; returns how many it passed."""
    return (sum(map(module.may_need_repair, texts)),)


def best_of(step: Any, modules: dict[str, Any], data: Any, repeat: int) -> dict[str, tuple[float, tuple]]:
    """Best time of ``step(module, data)`` for each module over ``repeat`` interleaved runs, with its result."""
    best: dict[str, tuple[float, tuple]] = {name: (float("inf"), ()) for name in modules}
    for _ in range(repeat):
        for name, module in modules.items():
            start = time.perf_counter()
            counts = step(module, data)
            elapsed = time.perf_counter() - start
            if elapsed < best[name][0]:
                best[name] = (elapsed, counts)
    return best


def ftfy_cases(path: Path, modules: dict[str, Any]) -> None:
    """Prints, per module, how many of ftfy's test cases that ftfy (project config) changes stay unchanged."""
    cases = json.loads(path.read_text(encoding="utf-8"))
    for expect in ("pass", "fail"):
        texts = [c["original"] for c in cases if c["expect"] == expect]
        fixable = [t for t in texts if ftfy.fix_text(t, config=CONFIG) != t]
        for name, module in modules.items():
            broken = sum(module.repair(t)[0] == t for t in fixable)
            print(
                f"ftfy cases expected to {expect}: {len(texts)}, changed by ftfy (project config) {len(fixable)}, "
                f"left unrepaired by {name}: {broken}"
            )


# Python's names of the code pages a UTF-8 text is misread through, in ``--mojibake``.
CODE_PAGES = ["cp1252", "latin-1", "cp1250", "cp1251", "mac_roman", "cp437", "iso-8859-2"]


def mojibake_rates(docs: list[list[str]], count: int, modules: dict[str, Any]) -> None:
    """Prints, per code page, how often each module gets a clean line back from its mojibake, beside ftfy alone.

    The lines are ``count`` clean lines (ones the repair leaves) with a character beyond ASCII,
    30-400 characters long, drawn with a fixed seed; each is encoded as UTF-8 and decoded
    through the code page (lines that do not decode are left out).
    """
    pool = [
        line.rstrip("\r\n")
        for lines in docs
        for line in lines
        if not line.isascii() and 30 < len(line.rstrip("\r\n")) < 400 and not current.repair(line.rstrip("\r\n"))[1]
    ]
    random.Random(1).shuffle(pool)
    pool = pool[:count]
    print(f"  mojibake of {len(pool):,} clean lines beyond ASCII, share of lines repaired to the original:")
    for page in CODE_PAGES:
        broken = []
        for line in pool:
            try:
                broken.append((line, line.encode("utf-8").decode(page)))
            except UnicodeDecodeError:
                continue
        rates = {"ftfy alone": sum(ftfy.fix_text(b, config=CONFIG) == line for line, b in broken)}
        for name, module in modules.items():
            rates[name] = sum(module.repair(b)[0] == line for line, b in broken)
        cells = ", ".join(f"{name} {n / len(broken):.3f}" for name, n in rates.items())
        print(f"    {page:>10} ({len(broken):,} lines): {cells}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, help="folders of .txt files (UTF-8)")
    parser.add_argument("--baseline", metavar="REF", help="also time repair.py as it is at this git revision")
    parser.add_argument("--repeat", type=int, default=5, help="runs per module; the best is printed (default 5)")
    parser.add_argument("--ftfy-cases", type=Path, metavar="JSON", help="ftfy's tests/test_cases.json")
    parser.add_argument("--mojibake", type=int, metavar="N", help="also repair N clean lines misread per code page")
    args = parser.parse_args()
    modules: dict[str, Any] = {"current": current}
    if args.baseline:
        modules = {args.baseline: baseline(args.baseline), "current": current}
    if args.ftfy_cases:
        ftfy_cases(args.ftfy_cases, modules)
    for folder in args.folders:
        docs = [
            path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
            for path in sorted(folder.glob("*.txt"))
        ]
        size = sum(len(line) for lines in docs for line in lines)
        lines = sum(len(lines) for lines in docs)
        print(f"{folder}: {len(docs):,} documents, {lines:,} lines, {size / 1e6:.1f} M characters")
        for name, (elapsed, (passed, tested, changed)) in best_of(repair_stage, modules, docs, args.repeat).items():
            print(
                f"  {name:>10} repair step: {size / elapsed / 1e6:6.1f} M chars/s ({elapsed * 1e3:7.1f} ms); documents "
                f"past the whole-text gate {passed:,}, lines tested alone {tested:,}, lines repaired {changed:,}"
            )
        # The gate alone, on the documents as they are, then on clean text: without the lines
        # that hold an "&" (where a gate may stop reading at once) or that ftfy changes, each
        # document alone and all of them as one text.
        if args.mojibake:
            mojibake_rates(docs, args.mojibake, modules)
        texts = ["".join(lines) for lines in docs]
        clean = ["".join(line for line in lines if "&" not in line and not current.repair(line)[1]) for lines in docs]
        for label, data in (("gate alone", texts), ("gate, clean", clean), ("gate, 1 text", ["".join(clean)])):
            chars = sum(map(len, data))
            for name, (elapsed, (passed,)) in best_of(gate_alone, modules, data, args.repeat).items():
                rate = chars / elapsed / 1e6
                print(f"  {name:>10} {label:<12} {rate:6.1f} M chars/s ({elapsed * 1e3:7.1f} ms); passed {passed:,}")


if __name__ == "__main__":
    main()
