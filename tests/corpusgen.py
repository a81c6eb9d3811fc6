"""Synthetic corpora for the fault, law and security tests (written here, not copied from any corpus).

Words are made-up syllable strings, so no built-in boilerplate rule (written for real
languages) can fire on them by accident; a few real function words are mixed in so that
prose is recognised as prose. A corpus is a dict ``relative path -> text``; the caller
decides the duplicates and the chrome it contains, so the expected outcome is known.
"""

from __future__ import annotations

import hashlib
import random
import subprocess
import sys
from pathlib import Path

from nettoyeur.records import Document, Skip
from nettoyeur.text.split import split_lines

SYLLABLES = "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru"
FUNCTION_WORDS = ["the", "of", "and", "to", "in", "is", "that", "with"]
_SYL = SYLLABLES.split()


def word(rng: random.Random) -> str:
    """Returns one made-up word of 2-4 syllables (40^2..40^4 possibilities)."""
    return "".join(rng.choice(_SYL) for _ in range(rng.randint(2, 4)))


def prose(rng: random.Random, n_words: int = 40) -> str:
    """Returns a prose paragraph: made-up words with one function word in four, and a final stop.

    Two calls share a word 3-gram with negligible probability (about 40^-6 per pair of
    positions), so two paragraphs from different calls are never near duplicates.
    """
    out = [word(rng) if k % 4 else rng.choice(FUNCTION_WORDS) for k in range(1, n_words + 1)]
    out[0] = out[0].capitalize()
    return " ".join(out) + "."


def corpus(seed: int, n_files: int, *, shared: int = 20, chrome: bool = True) -> dict[str, str]:
    """Returns a corpus of ``n_files`` small articles.

    Each article has 2-5 paragraphs of its own, and with probability 0.3 one paragraph
    drawn from a pool of ``shared`` paragraphs (the duplicates); with ``chrome`` every
    article ends with the same two short lines, a menu and the site's name (a template
    block: boilerplate by frequency).

    Args:
        seed: the random seed; the same seed gives the same corpus.
        n_files: how many files.
        shared: size of the pool of paragraphs that recur across files.
        chrome: add the recurring menu and site lines to every file.
    """
    rng = random.Random(seed)
    pool = [prose(rng) for _ in range(shared)]
    menu = " ".join(word(rng).capitalize() for _ in range(4))
    site = menu.split()[0] + " Online"  # no draw: the corpus of a seed is the one it always was
    files: dict[str, str] = {}
    for k in range(n_files):
        paras = [prose(rng, rng.randint(30, 60)) for _ in range(rng.randint(2, 5))]
        if pool and rng.random() < 0.3:
            paras.insert(rng.randint(0, len(paras)), rng.choice(pool))
        if chrome:
            paras += [menu, site]
        folder = f"d{k % 7}/" if k % 3 else ""
        files[f"{folder}f{k:05d}.txt"] = "\n\n".join(paras) + "\n"
    return files


def write_tree(root: Path, files: dict[str, str | bytes], order: list[str] | None = None) -> Path:
    """Writes ``files`` under ``root`` (in ``order`` when given) and returns ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    for rel in order or list(files):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = files[rel]
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    """Returns every regular file under ``root`` (links not followed) as ``relative path -> bytes``."""
    out: dict[str, bytes] = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            out[path.relative_to(root).as_posix()] = path.read_bytes()
    return out


class MemorySource:
    """A Source over a dict ``key -> text``: any key at all, for tests of what sinks do with keys."""

    def __init__(self, docs: dict[str, str]) -> None:
        self.docs = docs

    def list(self) -> tuple[list[str], list[Skip]]:
        return sorted(self.docs), []

    def load(self, key: str) -> Document | Skip:
        text = self.docs[key]
        doc = Document(path=key, checksum=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
        doc.lines, doc.paragraphs = split_lines(text)
        return doc


# Runs its arguments as a child and prints that child's peak memory (a fresh parent: only its own).
_MEASURE = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(code)\n"
)


def run_measured(args: list[str]) -> tuple[int, str, int]:
    """Runs ``python -m nettoyeur ARGS``; returns its exit code, stderr and peak memory in bytes.

    Needs the ``resource`` module (POSIX); the caller skips where it is missing.
    """
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE, sys.executable, "-m", "nettoyeur", *args],
        capture_output=True,
        text=True,
        timeout=600,
    )
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is in KiB on Linux, bytes on macOS
    return proc.returncode, proc.stderr, int(proc.stdout.split()[-1]) * scale
