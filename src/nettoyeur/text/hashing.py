"""Stable 64-bit keys of strings: the one BLAKE2b-64 hash of the package.

The boilerplate frequency signal keys its line counts with it
(:mod:`nettoyeur.boilerplate.line_counts`), and the corpus index its exact paragraph keys and
recurring lines (:mod:`nettoyeur.index.keys`): the same string gets the same key in every
run, process and machine (Python's own ``hash`` of a string changes from one process to the
next).
"""

from __future__ import annotations

import hashlib


def hash64(text: str) -> int:
    """Returns a stable 64-bit key of a string (BLAKE2b, 8 bytes, little-endian); 2^-64 collision odds per pair."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")
