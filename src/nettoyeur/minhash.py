"""Sign, part 2: MinHash signatures for many paragraphs at once, in numpy.

The signatures are bit-identical to ``datasketch.MinHash(num_perm, seed)`` (its default
``affine32`` scheme) fed the same 32-bit hash values: each value is mixed with the
MurmurHash3 finalizer, permuted by ``a*h + b mod 2^32`` with datasketch's ``a`` and
``b`` (drawn from ``numpy.random.RandomState(seed)``), and the minimum kept per
permutation. A test compares the two.

Layout: the permuted values of a block are a ``(num_perm, shingles)`` array, and the
minimum per paragraph is one ``np.minimum.reduceat`` along the contiguous shingle axis.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

_MAX32 = np.uint32(0xFFFFFFFF)
# Permuted values materialised at once: num_perm x BLOCK x 4 bytes (128 x 65536 x 4 = 32 MiB).
BLOCK = 65536


@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Returns datasketch's affine32 permutation parameters ``(a, b)``, shape (num_perm, 1)."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a.reshape(-1, 1), b.reshape(-1, 1)


def fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, element-wise on uint32 (wrapping arithmetic)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signatures(hashes: list[np.ndarray], num_perm: int = 128, seed: int = 1) -> np.ndarray:
    """Computes one MinHash signature per shingle set.

    Args:
        hashes: one array of 32-bit shingle hashes per paragraph; each must be non-empty.
        num_perm: number of permutations.
        seed: permutation seed (datasketch's ``seed``).

    Returns:
        uint32 array of shape ``(len(hashes), num_perm)``.

    Raises:
        ValueError: a shingle set is empty (an empty set has no minimum).
    """
    a, b = permutations(num_perm, seed)
    out = np.empty((len(hashes), num_perm), dtype=np.uint32)
    start = 0
    while start < len(hashes):
        stop, size = start, 0
        while stop < len(hashes) and (size == 0 or size + len(hashes[stop]) <= BLOCK):
            if len(hashes[stop]) == 0:
                raise ValueError("an empty shingle set has no MinHash signature; compare short paragraphs exactly")
            size += len(hashes[stop])
            stop += 1
        block = np.concatenate(hashes[start:stop]).astype(np.uint32, copy=False)
        offsets = np.zeros(stop - start, dtype=np.int64)
        np.cumsum([len(h) for h in hashes[start : stop - 1]], out=offsets[1:])
        with np.errstate(over="ignore"):
            permuted = fmix32(block)[None, :] * a + b
        out[start:stop] = np.minimum.reduceat(permuted, offsets, axis=1).T
        start = stop
    return out


def estimate_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Returns the MinHash estimate of Jaccard similarity: the share of equal slots."""
    return float(np.count_nonzero(sig_a == sig_b)) / len(sig_a)
