"""Templated corpora against ordinary prose: the dedup stage must cost about the same on both.

Real corpora are full of paragraphs that share a template and differ in their facts (match
results, weather bulletins, listings, obituaries). Every pair of such a family is an LSH
candidate, so a family of N variants once cost N²/2 verifications. This benchmark builds, for
each size, a templated corpus and a corpus of ordinary prose with the same number of paragraphs
(and about the same bytes), cleans both with ``nettoyeur clean`` in the same run, and checks the
templated output:

* four templates in four languages (an English match report, a French weather bulletin, a German
  flat listing, a Spanish obituary whose month is a lower-case word), families of 100, 1,000 and
  10,000 variants (a third of the paragraphs each, as far as the size allows); every variant has
  its own numbers, names drawn from a short list;
* planted copies: 2% exact copies of a variant (case and spacing changed) and 2% near copies (two
  neighbouring letters of a non-fact word swapped: a typo), shuffled among the variants; the
  prose corpus gets the same copies, so that both runs remove as much and differ in the
  templates alone;
* the check: of each variant (or prose paragraph) and its copies, exactly one is in the output
  (every fact variant kept, every planted copy removed). A failure is printed and the exit
  status is 1.

Boilerplate removal is off (``--no-boilerplate``): the benchmark times the dedup stage, the part
that templates make expensive, and a template recurring in many files is what the frequency
signal removes on purpose.

    python benchmarks/templates.py                       # 10,000 and 100,000 paragraphs
    python benchmarks/templates.py --sizes 1000000       # once, at the end (about 10 minutes here)

Printed per size and corpus: MB, wall and CPU seconds, peak memory (PSS of the process tree), the
decide stage's seconds, candidate pairs (those families settle left out), pairs verified,
removals, and the templated corpus's wall time as a multiple of the prose's (target: at most 1.5).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import Vocabulary, paragraph_lengths  # noqa: E402
from e2e_peers import measure  # noqa: E402

PER_FILE = 100  # paragraphs per file
FAMILY_SIZES = (10_000, 1_000, 100)
COPY_SHARE = 0.02  # exact copies, and as many near copies, per variant

# No two names one edit apart: verification reads such a pair as a typo (the same name).
_NAMES = (
    "Arveno Belcastro Corvin Dalmora Montauban Fenwick Galloway Hartmoor Isolde Jarrow Kestrel Lindqvist "
    "Marbury Norrland Ostrava Pellworm Quimper Rostock Salvatierra Tarragona Umbria Valdivia Wexford Zamora"
).split()
# "junio" is left out: one letter from "julio", verification reads the pair as a typo (the same
# date), so two obituaries a month apart would be merged; that is the policy's business, not
# this benchmark's.
_MONTHS_ES = "enero febrero marzo abril mayo julio agosto septiembre octubre noviembre diciembre".split()


def _match(rng: np.random.Generator) -> str:
    a, b = rng.choice(len(_NAMES), 2, replace=False).tolist()
    return (
        f"{_NAMES[a]} beat {_NAMES[b]} by {rng.integers(1, 7)} goals to {rng.integers(0, 6)} on matchday "
        f"{rng.integers(1, 39)} in front of {rng.integers(1_000, 90_000)} supporters, and the home side now "
        f"sits {rng.integers(1, 21)} places from the top with {rng.integers(0, 100)} points after a difficult "
        "season for the club and its coach."
    )


def _weather(rng: np.random.Generator) -> str:
    return (
        f"Météo à {_NAMES[rng.integers(len(_NAMES))]} pour le {rng.integers(1, 29)} : des températures "
        f"comprises entre {rng.integers(0, 15)} et {rng.integers(15, 40)} degrés, un vent soufflant à "
        f"{rng.integers(5, 120)} km/h et {rng.integers(0, 80)} millimètres de pluie attendus au cours de la "
        "journée, avec des éclaircies en fin de soirée sur la plupart des communes du département."
    )


def _listing(rng: np.random.Generator) -> str:
    return (
        f"Wohnung in {_NAMES[rng.integers(len(_NAMES))]} mit {rng.integers(1, 7)} Zimmern auf "
        f"{rng.integers(25, 250)} Quadratmetern, die Miete beträgt {rng.integers(300, 4_000)} Euro im Monat, "
        f"frei ab dem {rng.integers(1, 29)}. des Monats, Baujahr {rng.integers(1900, 2025)}, im "
        f"{rng.integers(0, 12)}. Stock gelegen und mit einem kleinen Balkon zur ruhigen Straße hin."
    )


def _obituary(rng: np.random.Generator) -> str:
    return (
        f"{_NAMES[rng.integers(len(_NAMES))]} {_NAMES[rng.integers(len(_NAMES))]} falleció el "
        f"{rng.integers(1, 29)} de {_MONTHS_ES[rng.integers(len(_MONTHS_ES))]} de {rng.integers(1990, 2025)} a los "
        f"{rng.integers(40, 105)} años; la familia agradece las muestras de cariño recibidas y comunica que "
        f"el funeral se celebrará a las {rng.integers(9, 20)} horas en la parroquia de su barrio natal."
    )


TEMPLATES = (_match, _weather, _listing, _obituary)


def _typo(text: str, rng: np.random.Generator) -> str:
    """Swaps two neighbouring letters inside one lower-case word of 6+ letters (not a fact, not repeated)."""
    words = text.split(" ")
    once = {w for w, c in Counter(words).items() if c == 1}
    fit = [i for i, w in enumerate(words) if w.isalpha() and w.islower() and len(w) >= 6 and w in once]
    if not fit:  # a prose paragraph of short words: its longest lower-case word
        fit = [max(range(len(words)), key=lambda i: (words[i].isalpha() and words[i].islower(), len(words[i])))]
    if len(words[fit[0]]) < 4:  # nothing to swap inside: double the last letter of a word
        words[fit[0]] += words[fit[0]][-1]
        return " ".join(words)
    i = fit[int(rng.integers(len(fit)))]
    w = words[i]
    k = int(rng.integers(1, len(w) - 2))
    if w[k] == w[k + 1]:
        k = next((j for j in range(1, len(w) - 2) if w[j] != w[j + 1]), k)
    words[i] = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
    return " ".join(words)


def family_sizes(n: int) -> list[int]:
    """Returns family sizes (10,000, 1,000, 100) whose variants and copies make about ``n`` paragraphs."""
    variants = int(n / (1 + 2 * COPY_SHARE))
    sizes: list[int] = []
    for k, size in enumerate(FAMILY_SIZES):
        share = variants // (len(FAMILY_SIZES) - k) if k < len(FAMILY_SIZES) - 1 else variants
        count = share // size
        sizes += [size] * count
        variants -= count * size
    return sizes


def with_copies(originals: list[str], rng: np.random.Generator) -> tuple[list[str], list[list[int]]]:
    """Plants :data:`COPY_SHARE` exact and as many near copies among ``originals`` and shuffles them all.

    Returns:
        the paragraphs, and per original its position followed by its copies' positions.
    """
    texts = list(originals)
    groups = [[i] for i in range(len(texts))]
    n_copies = int(len(groups) * COPY_SHARE)
    # Copies of paragraphs of 20 words or more: a typo in the middle of a shorter one leaves
    # too few shared word 3-grams for LSH to find it reliably (J ~ 0.3 at 8 words), which is
    # not what this benchmark measures.
    eligible = np.array([i for i, t in enumerate(texts) if len(t.split(" ")) >= 20])
    for kind in ("exact", "near"):
        for g in rng.choice(eligible, n_copies, replace=False).tolist():
            original = texts[groups[g][0]]
            copy = original.upper().replace(" ", "  ", 3) if kind == "exact" else _typo(original, rng)
            groups[g].append(len(texts))
            texts.append(copy)
    order = rng.permutation(len(texts))
    position = np.empty_like(order)
    position[order] = np.arange(len(texts))
    return [texts[i] for i in order.tolist()], [[int(position[i]) for i in g] for g in groups]


def templated(n: int, seed: int = 3) -> tuple[list[str], list[list[int]]]:
    """Returns about ``n`` paragraphs of template families with planted copies, and the groups to check."""
    rng = np.random.default_rng(seed)
    variants: list[str] = []
    for f, size in enumerate(family_sizes(n)):
        make = TEMPLATES[f % len(TEMPLATES)]
        seen: set[str] = set()
        while len(seen) < size:
            text = make(rng)
            if text not in seen:
                seen.add(text)
                variants.append(text)
    return with_copies(variants, rng)


def prose(n: int, mean_words: float, seed: int = 4) -> tuple[list[str], list[list[int]]]:
    """Returns about ``n`` paragraphs of ordinary (synthetic) prose with the same planted copies."""
    rng = np.random.default_rng(seed)
    originals = Vocabulary().paragraphs(rng, paragraph_lengths(rng, int(n / (1 + 2 * COPY_SHARE)), mean_words))
    return with_copies(originals, rng)


def write_folder(root: Path, texts: list[str]) -> int:
    """Writes the paragraphs, :data:`PER_FILE` a file, one a line; returns the bytes written."""
    root.mkdir(parents=True)
    total = 0
    for k in range(0, len(texts), PER_FILE):
        data = ("\n".join(texts[k : k + PER_FILE]) + "\n").encode("utf-8")
        (root / f"{k // PER_FILE:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def read_folder(root: Path) -> Counter:
    """Returns the lines of every output file, counted."""
    lines: Counter = Counter()
    for path in sorted(root.glob("*.txt")):
        lines.update(path.read_text(encoding="utf-8").splitlines())
    return lines


def check(texts: list[str], groups: list[list[int]], out: Path) -> list[str]:
    """Returns the failures: groups of which not exactly one member is in the output."""
    kept = read_folder(out)
    failures = []
    for g in groups:
        present = sum(kept[texts[i]] for i in g)
        if present != 1:
            failures.append(f"{present} of {len(g)} kept: {texts[g[0]][:90]}")
    return failures


def run(src: Path, out: Path, workers: int) -> dict:
    """Cleans ``src`` into ``out``; returns the summary with wall, CPU and peak memory."""
    cmd = [sys.executable, "-m", "nettoyeur", "clean", str(src), str(out), "-q", "--no-boilerplate"]
    measured = measure([*cmd, "--workers", str(workers)])
    summary = json.loads(out.with_name(out.name + ".summary.json").read_text(encoding="utf-8"))
    summary.update(measured)
    return summary


def row(size: int, name: str, mb: float, r: dict, base: dict | None) -> str:
    s = r["stages"]
    removed = r["counts"].get("duplicate", 0) + r["counts"].get("contained", 0)
    ratio = f"{r['wall'] / base['wall']:.2f}x" if base else ""
    return (
        f"| {size:,} | {name} | {mb:.1f} | {r['wall']:.1f} | {r['cpu']:.1f} | {r['peak'] / 2**20:.0f} MB | "
        f"{r['stage_seconds']['decide']:.1f} | {s['candidates']:,} | "
        f"{s.get('verified', s['candidates']):,} | {removed:,} | {ratio} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="paragraphs per corpus, comma-separated")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    failed = False
    print("| paragraphs | corpus | MB | wall s | CPU s | peak memory | decide s | candidates | verified | removed "
          "| templated / prose |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="nettoyeur-templates-") as tmp:
        root = Path(tmp)
        runs = itertools.count(1)
        for size in [int(s) for s in args.sizes.split(",")]:
            texts, groups = templated(size)
            mean_words = float(np.mean([len(t.split()) for t in texts[:2000]]))
            plain, plain_groups = prose(size, mean_words)
            k = next(runs)
            mb_t = write_folder(root / f"t{k}", texts) / 1e6
            mb_p = write_folder(root / f"p{k}", plain) / 1e6
            base = run(root / f"p{k}", root / f"p{k}-out", args.workers)
            ours = run(root / f"t{k}", root / f"t{k}-out", args.workers)
            failures = check(texts, groups, root / f"t{k}-out") + check(plain, plain_groups, root / f"p{k}-out")
            print(row(len(texts), "prose", mb_p, base, None))
            print(row(len(texts), "templates", mb_t, ours, base), flush=True)
            if failures:
                failed = True
                print(f"FAILED at {len(texts):,}: {len(failures)} groups, e.g.", *failures[:5], sep="\n  ")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
