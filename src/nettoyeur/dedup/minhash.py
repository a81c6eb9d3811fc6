"""Sign, part 2: MinHash signatures for many paragraphs at once, in the native core.

The signatures are bit-identical to ``datasketch.MinHash(num_perm, seed)`` (its default
``affine32`` scheme) fed the same 32-bit hash values: each value is mixed with the
MurmurHash3 finalizer, permuted by ``a*h + b mod 2^32`` with datasketch's ``a`` and
``b`` (drawn from ``numpy.random.RandomState(seed)``), and the minimum kept per
permutation. Tests compare the two, and the core with a plain Python reference.

The work is ``nettoyeur._core.minhash_signatures`` (native/src/minhash.rs): one paragraph's
signature stays in the L1 cache while its hashes stream by, the permutations run in SIMD
lanes, and the GIL is released meanwhile. It replaced a numpy formulation (a
``(num_perm, shingles)`` block and ``np.minimum.reduceat``) that was several times slower
(see the README's "Native core").
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from nettoyeur import _core
from nettoyeur.dedup.lsh import _row_multipliers
from nettoyeur.dedup.shingle import _DIGIT, _SUSPECT, _astral_entry, char_table


@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Returns datasketch's affine32 permutation parameters ``(a, b)``, uint32, ``num_perm`` each."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    a.flags.writeable = b.flags.writeable = False  # cached and shared: nobody may change them
    return a, b


def signatures_flat(
    hashes: np.ndarray,
    offsets: np.ndarray,
    num_perm: int = 128,
    seed: int = 1,
    perms: int | None = None,
    threads: int = 1,
) -> np.ndarray:
    """Computes one MinHash signature per segment of a flat array of shingle hashes.

    Args:
        hashes: 32-bit shingle hashes, segment after segment (duplicates inside a
            segment change nothing: a minimum is a minimum); other integer dtypes are
            cast to uint32 as numpy casts them.
        offsets: ``segments + 1`` positions: segment ``i`` is ``hashes[offsets[i]:offsets[i + 1]]``;
            every segment must be non-empty.
        num_perm: number of permutations.
        seed: permutation seed (datasketch's ``seed``).
        perms: compute only the first ``perms`` slots of each signature (LSH with
            ``bands * rows < num_perm`` reads no more); None: all of them.
        threads: threads the core splits the segments between (0: every core). The
            result does not depend on it; 1 where a process pool already uses the cores.

    Returns:
        uint32 array of shape ``(segments, perms or num_perm)``.

    Raises:
        ValueError: a segment is empty (an empty set has no minimum), the offsets fall
            outside ``hashes`` or are fewer than one, or ``perms`` is not in ``0..num_perm``.
    """
    a, b = permutations(num_perm, seed)
    if perms is not None:
        if not 0 <= perms <= num_perm:
            raise ValueError(f"perms must be between 0 and num_perm ({num_perm}), not {perms}")
        a, b = a[:perms], b[:perms]
    if threads < 0:
        raise ValueError(f"threads must be 0 (every core) or more, not {threads}")
    return _core.minhash_signatures(
        np.ascontiguousarray(hashes, dtype=np.uint32), np.ascontiguousarray(offsets, dtype=np.int64), a, b, threads
    )


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
    offsets = np.zeros(len(hashes) + 1, dtype=np.int64)
    np.cumsum([len(h) for h in hashes], out=offsets[1:])
    flat = np.concatenate(hashes).astype(np.uint32, copy=False) if hashes else np.empty(0, dtype=np.uint32)
    return signatures_flat(flat, offsets, num_perm, seed)


class Signing(NamedTuple):
    """What :func:`sign_paragraphs` gives of a list of paragraphs.

    Attributes:
        n_words: int32, words of each paragraph.
        signed: int32, the paragraphs with shingles (``ngram`` words or more), ascending.
        keys: uint64 ``(len(signed), bands)``, their LSH band keys.
        exact: uint64 ``(len, 2)``, each paragraph's exact key (equal word sequences, equal
            keys; no words, zeros), or ``(0, 2)`` without ``exact``.
        masked: uint64 ``(len, 2)``, each paragraph's masked keys (its length and where its
            numbers stand; then their values too: ``analysis.families``), or ``(0, 2)``.
        anchor_keys: uint32, the anchors of the signed paragraphs (distinct and ascending per
            paragraph, paragraph after paragraph).
        anchor_owner: int32, the paragraph of each anchor.
    """

    n_words: np.ndarray
    signed: np.ndarray
    keys: np.ndarray
    exact: np.ndarray
    masked: np.ndarray
    anchor_keys: np.ndarray
    anchor_owner: np.ndarray


def sign_paragraphs(
    texts: list[str],
    ngram: int,
    num_perm: int,
    seed: int,
    bands: int,
    rows: int,
    threads: int = 1,
    exact: bool = False,
    anchor_modulus: int | None = None,
) -> Signing:
    """Everything the dedup stage keeps of paragraphs, in one call of the native core.

    Words (:func:`~nettoyeur.dedup.shingle.tokenize`: NFKC, case folding, the character
    table), their shingles (:func:`~nettoyeur.dedup.shingle.shingles`), MinHash signatures
    (:func:`signatures_flat`, the first ``bands * rows`` permutations) and LSH band keys
    (:func:`~nettoyeur.dedup.lsh.band_keys`), and with ``exact`` each paragraph's exact and
    masked keys, with ``anchor_modulus`` its containment anchors: computed a few tens of
    thousands of characters at a time in the core (``native/src/sign.rs``), where the arrays
    between the steps stay in its caches and none goes through numpy. The clean
    and the benchmarks (``analysis.candidate_clusters``) both sign here, through ``analysis.analyse``;
    ``tests/analysis_reference.py`` holds the numpy composition it replaced, the tests' oracle.

    Args:
        texts: the paragraphs.
        ngram: words per shingle.
        num_perm: MinHash permutations.
        seed: MinHash seed.
        bands: LSH bands.
        rows: rows per band (``bands * rows <= num_perm``).
        threads: threads the core splits the paragraphs between (the GIL is released; 0: every
            core); the result does not depend on it.
        exact: compute the exact and masked keys.
        anchor_modulus: keep the shingles whose hash is 0 modulo this as anchors (None: no anchors).

    Returns:
        the paragraphs' :class:`Signing`.

    Raises:
        ValueError: ``bands * rows`` exceeds ``num_perm``, ``rows`` or ``ngram`` is less than
            1 with bands, ``threads`` is negative, or ``anchor_modulus`` is less than 1.
    """
    if threads < 0:
        raise ValueError(f"threads must be 0 (every core) or more, not {threads}")
    if anchor_modulus is not None and anchor_modulus < 1:
        raise ValueError(f"anchor_modulus must be 1 or more, not {anchor_modulus}")
    texts = texts if isinstance(texts, list) else list(texts)
    a, b = permutations(num_perm, seed)
    if rows < 1 and bands:
        raise ValueError(f"a band needs at least one row, not {rows}")
    mult = _row_multipliers(max(rows, 1))
    args = (char_table(), _astral_entry, ngram, a, b, mult, bands, int(_SUSPECT))
    options = (int(_DIGIT), exact, anchor_modulus or 0)
    n_words, signed, keys, flagged, *rest = _core.sign_paragraphs(texts, *args, threads, *options)
    out = Signing(n_words, signed, keys, *rest)
    # A paragraph with a character that may change under NFKC is signed again in its NFKC form
    # when it does change (what shingle.tokenize reads); its results replace the first ones.
    fix = [i for i in flagged.tolist() if not unicodedata.is_normalized("NFKC", texts[i])]
    if not fix:
        return out
    redone = [unicodedata.normalize("NFKC", texts[i]) for i in fix]
    fixed_words, fixed_signed, fixed_keys, _, *fixed_rest = _core.sign_paragraphs(redone, *args, threads, *options)
    fixed = Signing(fixed_words, fixed_signed, fixed_keys, *fixed_rest)
    return _replaced(out, fixed, np.array(fix, dtype=np.int32))


def _replaced(out: Signing, fixed: Signing, at: np.ndarray) -> Signing:
    """``out`` with the paragraphs ``at`` (ascending) replaced by those of ``fixed``, signed from their NFKC forms.

    The paragraphs left are found with a mask by paragraph, and the codes, two sorted runs,
    merged by a stable sort: ``np.isin`` (two sorts) and a quicksort cost 2.0 ms a batch where
    this costs 0.45 (c300's batches, ~3,700 paragraphs and ~52,000 anchors each: 84 -> 19 ms a run).
    """
    out.n_words[at] = fixed.n_words
    if len(out.exact):
        out.exact[at] = fixed.exact
        out.masked[at] = fixed.masked
    redone = np.zeros(len(out.n_words), dtype=bool)
    redone[at] = True
    keep = ~redone[out.signed]
    merged = np.concatenate([out.signed[keep], at[fixed.signed]])
    order = np.argsort(merged, kind="stable")
    keys = np.concatenate([out.keys[keep], fixed.keys])[order]
    # Anchors: each paragraph's are ascending, so (owner, anchor) codes sort them back in place.
    held = ~redone[out.anchor_owner]
    owners = np.concatenate([out.anchor_owner[held], at[fixed.anchor_owner]]).astype(np.uint64)
    codes = np.sort(owners << np.uint64(32) | np.concatenate([out.anchor_keys[held], fixed.anchor_keys]), kind="stable")
    anchor_keys = (codes & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    anchor_owner = (codes >> np.uint64(32)).astype(np.int32)
    return out._replace(signed=merged[order], keys=keys, anchor_keys=anchor_keys, anchor_owner=anchor_owner)


def estimate_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Returns the MinHash estimate of Jaccard similarity: the share of equal slots."""
    return float(np.count_nonzero(sig_a == sig_b)) / len(sig_a)
