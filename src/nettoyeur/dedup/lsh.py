"""Candidates: locality-sensitive hashing of MinHash signatures, and containment anchors.

Banding. A signature of ``b * r`` slots is cut into ``b`` bands of ``r`` rows; two
paragraphs whose Jaccard similarity is ``s`` agree on one band with probability ``s^r``
and become candidates when they agree on at least one band:

    P(candidate | s) = 1 - (1 - s^r)^b

``optimal_bands`` picks ``(b, r)`` minimising the area under that curve below the
threshold (false positives) plus the area above it that it misses (false negatives),
the same optimisation as ``datasketch.MinHashLSH``. For threshold 0.5 and 128
permutations it gives 25 bands x 5 rows: 1-(1-0.5^5)^25 = 0.55 at s = 0.5,
1-(1-0.8^5)^25 = 0.99997 at s = 0.8, and 1-(1-0.3^5)^25 = 0.06 at s = 0.3.

Each band of every signature is folded into one 64-bit key; keys are sorted and equal
neighbours become candidate pairs. No Python loop runs per paragraph per band.

Anchors. A paragraph inside a longer one (a teaser, a truncated copy) can have a low
Jaccard similarity to it, so banding misses it. Its *anchors*, the shingles whose hash
is 0 modulo ``m``, are a consistent sample: every anchor of the short paragraph is also
an anchor of its container. Paragraph pairs sharing enough anchors are candidates.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy as np

from nettoyeur import _core


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """Returns the sorted distinct values (``np.unique`` without its flags).

    numpy 2.3+ answers a plain ``np.unique`` from a hash table, measured 50x slower
    than sorting on a million 64-bit integers; sorting and dropping equal neighbours is not.
    """
    if len(values) == 0:
        return values.copy()
    s = np.sort(values)
    return s[np.r_[True, s[1:] != s[:-1]]]


def sorted_unique_segments(values: np.ndarray, offsets: np.ndarray) -> list[np.ndarray]:
    """Returns :func:`sorted_unique` of each segment ``values[offsets[i]:offsets[i + 1]]`` (uint32 values).

    One sort of ``segment << 32 | value`` codes for all segments, instead of one small
    sort per segment (whose numpy call overhead dominated at tens of values).
    """
    counts = np.diff(offsets)
    segment = np.repeat(np.arange(len(counts), dtype=np.uint64), counts)
    codes = sorted_unique((segment << np.uint64(32)) | values.astype(np.uint64))
    distinct = (codes & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    bounds = np.searchsorted(codes >> np.uint64(32), np.arange(len(counts) + 1, dtype=np.uint64)).tolist()
    return [distinct[bounds[i] : bounds[i + 1]] for i in range(len(counts))]


# Odd 64-bit constant (the golden ratio) of the multiplicative hash that :func:`repeated` filters with.
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def repeated(keys: np.ndarray) -> np.ndarray:
    """Returns the positions, ascending, of the keys that occur more than once (int64).

    One plain sort (several times faster than a stable argsort) finds the repeated
    values; a bitmap of their multiplicative hashes, 16 bits per value (2^10 to 2^24
    bits), picks a superset of their positions with at most 1/16 false hits per
    repeated value, and a binary search among the repeated values keeps the true ones.
    """
    if len(keys) < 2:
        return np.empty(0, dtype=np.int64)
    s = np.sort(keys)
    values = sorted_unique(s[1:][s[1:] == s[:-1]])
    if len(values) == 0:
        return np.empty(0, dtype=np.int64)
    bits = min(24, max(10, (16 * len(values)).bit_length()))
    shift = np.uint64(64 - bits)
    with np.errstate(over="ignore"):
        table = np.zeros(1 << bits, dtype=bool)
        table[(values.astype(np.uint64) * _GOLDEN) >> shift] = True
        maybe = np.flatnonzero(table[(keys.astype(np.uint64) * _GOLDEN) >> shift])
    found = keys[maybe]
    at = np.minimum(np.searchsorted(values, found), len(values) - 1)
    return maybe[values[at] == found]


# A bucket larger than this links each member to its first member only (a star),
# instead of all pairs, which bounds the candidate count on degenerate inputs.
MAX_BUCKET_PAIRS = 64


@lru_cache(maxsize=32)
def optimal_bands(threshold: float, num_perm: int, fp_weight: float = 0.5, fn_weight: float = 0.5) -> tuple[int, int]:
    """Returns ``(bands, rows)`` minimising the weighted false positive + negative areas."""
    best, best_err = (1, 1), float("inf")
    lo = np.linspace(0.0, threshold, 201)
    hi = np.linspace(threshold, 1.0, 201)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = np.trapezoid(1 - (1 - lo**r) ** b, lo)
            fn = np.trapezoid((1 - hi**r) ** b, hi)
            err = fp * fp_weight + fn * fn_weight
            if err < best_err:
                best, best_err = (b, r), err
    return best


def candidate_probability(s: float, bands: int, rows: int) -> float:
    """Returns the probability that a pair of Jaccard ``s`` becomes a candidate."""
    return 1.0 - (1.0 - s**rows) ** bands


@lru_cache(maxsize=8)
def _row_multipliers(rows: int) -> np.ndarray:
    gen = np.random.RandomState(0x5EED)
    return gen.randint(1, 1 << 62, rows, dtype=np.int64).astype(np.uint64) * np.uint64(2) + np.uint64(1)


def band_keys(sigs: np.ndarray, bands: int, rows: int, threads: int = 1) -> np.ndarray:
    """Folds each band of each signature into a 64-bit key, in the native core.

    The key of band ``j`` is ``k ^ (k >> 29)``, where ``k`` is the sum over its rows ``r``
    of ``sigs[:, j * rows + r] * mult[r]`` modulo 2^64 (``mult``: odd 64-bit multipliers
    drawn from a fixed seed); slots after ``bands * rows`` are not read.

    Args:
        sigs: uint32 signatures, shape ``(paragraphs, slots)``.
        bands: LSH bands.
        rows: rows per band.
        threads: threads the core splits the signatures between (0: every core).

    Returns:
        uint64 array of shape ``(len(sigs), bands)``.

    Raises:
        ValueError: ``bands * rows`` exceeds the slots of a signature, ``rows`` is 0 (with
            bands), or ``threads`` is negative.
        TypeError: ``sigs`` is not a 2-D uint32 array.
    """
    if threads < 0:
        raise ValueError(f"threads must be 0 (every core) or more, not {threads}")
    return _core.lsh_band_keys(np.ascontiguousarray(sigs), _row_multipliers(rows), bands, threads)


def _pairs_from_groups(keys: np.ndarray, ids: np.ndarray, max_group: int | None = None) -> np.ndarray:
    """Returns the pairs of ids that share a key, as an int64 (k, 2) array.

    A bucket of up to ``MAX_BUCKET_PAIRS`` members gives all its pairs; a larger one
    links consecutive members and its first member to every other (a star). Buckets
    larger than ``max_group`` (when given) are ignored entirely. Every step is
    vectorised: one pass per distinct bucket size, never one per bucket.
    """
    if len(keys) < 2:
        return np.empty((0, 2), dtype=np.int64)
    # Most keys are unique and make no pair: sorting only the repeated ones (in their
    # order) gives the same buckets, in the same order, for a fraction of the cost.
    members = repeated(keys)
    order = members[np.argsort(keys[members], kind="stable")]
    k, v = keys[order], ids[order]
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    sizes = np.diff(np.r_[starts, len(k)])
    if max_group is not None and (sizes > max_group).any():
        small = np.repeat(sizes <= max_group, sizes)
        return _pairs_from_groups(k[small], v[small])
    # Pairs of consecutive members: one vectorised pass covers every bucket.
    same = k[1:] == k[:-1]
    out = [np.stack([v[:-1][same], v[1:][same]], axis=1)]
    big = sizes > 2
    for size in sorted_unique(sizes[big]).tolist():
        first = starts[big & (sizes == size)]
        if size <= MAX_BUCKET_PAIRS:
            i, j = np.triu_indices(size, k=2)
            out.append(np.stack([v[first[:, None] + i].ravel(), v[first[:, None] + j].ravel()], axis=1))
        else:
            rest = (first[:, None] + np.arange(2, size)).ravel()
            out.append(np.stack([np.repeat(v[first], size - 2), v[rest]], axis=1))
    return np.concatenate(out)


def _pair_codes(pairs: np.ndarray) -> np.ndarray:
    """Returns each pair as one int64 ``lo << 32 | hi`` (ids below 2^31), self-pairs dropped."""
    lo = np.minimum(pairs[:, 0], pairs[:, 1]).astype(np.int64)
    hi = np.maximum(pairs[:, 0], pairs[:, 1]).astype(np.int64)
    keep = lo != hi
    return (lo[keep] << 32) | hi[keep]


def group_pair_codes(keys: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Returns the ``lo << 32 | hi`` codes of the ids sharing each key (a pair once per key it shares)."""
    return _pair_codes(_pairs_from_groups(keys, ids))


def _decode(codes: np.ndarray) -> np.ndarray:
    return np.stack([codes >> 32, codes & 0xFFFFFFFF], axis=1)


def _unique_pairs(pairs: np.ndarray) -> np.ndarray:
    if len(pairs) == 0:
        return pairs.reshape(0, 2).astype(np.int64)
    return _decode(sorted_unique(_pair_codes(pairs)))


def band_pairs(keys: np.ndarray, ids: np.ndarray, rows: np.ndarray | None = None, threads: int = 1) -> np.ndarray:
    """Returns the distinct pairs ``(i, j)``, ``i < j``, of ids that share a key in some band.

    Args:
        keys: uint64 band keys, shape ``(paragraphs, bands)`` (see :func:`band_keys`).
        ids: the paragraph id of each row used (below 2^31).
        rows: the rows of ``keys`` to use (None: all), one per id.
        threads: threads the native core splits the bands between (0: every core).

    The buckets of each band are found in the core (``native/src/lsh_pairs.rs``: the keys cut
    into parts by their top bits, each part hashed in the L1 cache), with the pairs of
    :func:`_pairs_from_groups`: on speed.py's corpus (160,000 signed paragraphs, best of 15)
    0.046 CPU-s for 16 bands and 0.021 for 8, where sorting each band in numpy took 0.100 and 0.046.
    """
    if len(ids) < 2:
        return np.empty((0, 2), dtype=np.int64)
    keys = keys if rows is None else keys[rows]
    ids = np.ascontiguousarray(ids, dtype=np.int64)
    return _decode(_core.band_pair_codes(np.ascontiguousarray(keys, dtype=np.uint64), ids, threads))


def band_codes(column: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Returns the distinct pairs of ids sharing a key in one band, as sorted ``lo << 32 | hi`` codes.

    Args:
        column: the band's uint64 key of each id.
        ids: int64 paragraph ids (below 2^31).
    """
    if len(ids) < 2:
        return np.empty(0, dtype=np.int64)
    column = np.ascontiguousarray(column, dtype=np.uint64).reshape(-1, 1)
    return _core.band_pair_codes(column, np.ascontiguousarray(ids, dtype=np.int64))


def pairs_of_codes(codes: list[np.ndarray]) -> np.ndarray:
    """Returns the distinct pairs ``(i, j)``, ``i < j``, of the bands' pair codes, sorted."""
    return _decode(sorted_unique(np.concatenate([np.empty(0, dtype=np.int64), *codes])))


def concatenate_consumed(parts: list[np.ndarray], dtype: type) -> np.ndarray:
    """Concatenates ``parts`` into one new array, emptying the list as it goes.

    Each part is dropped from the list once copied, so a part nothing else holds is freed
    then: memory peaks at the result plus one part, where ``np.concatenate`` holds every part
    and the result at once (twice the data).
    """
    out = np.empty(sum(len(p) for p in parts), dtype=dtype)
    at = 0
    parts.reverse()
    while parts:
        part = parts.pop()
        out[at : at + len(part)] = part
        at += len(part)
        del part
    return out


def counted_pairs_of_codes(codes: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Returns :func:`pairs_of_codes` and, per pair, the number of bands whose codes hold it (uint8).

    The count of bands a pair agrees on estimates its similarity: a pair of Jaccard ``s``
    agrees on each band with probability ``s^rows``, so on ``bands * s^rows`` of them on average.
    The list is emptied (see :func:`concatenate_consumed`), and the codes sorted in place.
    """
    every = concatenate_consumed(codes, np.int64)
    every.sort()
    if len(every) == 0:
        return _decode(every), np.empty(0, dtype=np.uint8)
    starts = np.flatnonzero(np.r_[True, every[1:] != every[:-1]])
    counts = np.diff(np.r_[starts, len(every)]).astype(np.uint8)
    return _decode(every[starts]), counts


def add_counts(total: np.ndarray | None, counts: np.ndarray) -> np.ndarray:
    """Adds one part's anchors per owner (``np.bincount``, any length) into ``total`` (int32); returns it.

    Summing the parts as they come keeps one array of counts, where holding every part's
    (int64, one entry per paragraph id) cost 16 x 8 bytes a paragraph on the driver.
    """
    if total is None or len(total) < len(counts):
        grown = np.zeros(len(counts), dtype=np.int32)
        if total is not None:
            grown[: len(total)] = total
        total = grown
    total[: len(counts)] += counts.astype(np.int32, copy=False)
    return total


def lsh_candidates(sigs: np.ndarray, ids: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """Returns the distinct candidate pairs ``(i, j)``, ``i < j``, of paragraph ids."""
    if len(sigs) < 2:
        return np.empty((0, 2), dtype=np.int64)
    return band_pairs(band_keys(sigs, bands, rows), ids)


def anchors(shingles: np.ndarray, modulus: int) -> np.ndarray:
    """Returns the anchor hashes of one shingle set (those 0 modulo ``modulus``)."""
    return shingles[shingles % np.uint32(modulus) == 0]


# Anchors are grouped in this many parts by the top bits of their hash (equal anchors fall
# in one part), so that sorting them needs 1/16 of the memory at once.
ANCHOR_PARTS = 16


def anchor_pairs(
    keys: np.ndarray,
    owners: np.ndarray,
    min_share: float = 0.5,
    max_group: int = 256,
    select: np.ndarray | None = None,
) -> np.ndarray:
    """Returns pairs of owners sharing at least ``min_share`` of the smaller one's anchors.

    See :func:`counted_anchor_pairs` for the arguments.
    """
    return counted_anchor_pairs(keys, owners, min_share, max_group, select)[0]


def counted_anchor_pairs(
    keys: np.ndarray,
    owners: np.ndarray,
    min_share: float = 0.5,
    max_group: int = 256,
    select: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Returns pairs of owners sharing at least ``min_share`` of the smaller one's anchors, and how many they share.

    Args:
        keys: anchor hashes (uint32), each owner's distinct anchors.
        owners: the paragraph id owning each anchor (below 2^31).
        min_share: required share of the smaller set's anchors found in the other.
        max_group: anchors shared by more paragraphs than this are too common to
            discriminate (a stock phrase) and are ignored.
        select: a boolean mask of the anchors to use (None: all).
    """
    keys = keys.astype(np.uint32, copy=False)
    part_of = keys >> np.uint32(28)
    if select is not None:
        part_of[~select] = ANCHOR_PARTS  # in no part

    def parts() -> Iterator[tuple[np.ndarray, np.ndarray]]:
        for part in range(ANCHOR_PARTS):
            mask = part_of == part
            yield keys[mask], owners[mask]

    return counted_anchor_pairs_of_parts([anchor_part_codes(k, o, max_group) for k, o in parts()], min_share)


def anchor_pairs_from_parts(
    parts: Iterable[tuple[np.ndarray, np.ndarray]], min_share: float = 0.5, max_group: int = 256
) -> np.ndarray:
    """:func:`anchor_pairs` over anchors given part by part (equal anchors always in the same part)."""
    return anchor_pairs_of_parts([anchor_part_codes(keys, owners, max_group) for keys, owners in parts], min_share)


def anchor_part_codes(keys: np.ndarray, owners: np.ndarray, max_group: int = 256) -> tuple[np.ndarray, np.ndarray]:
    """One part of :func:`anchor_pairs_from_parts`: the pairs of owners sharing each anchor, and anchors per owner.

    Returns:
        ``(codes, per_owner)``: a ``lo << 32 | hi`` code per pair of owners per shared
        anchor (a pair sharing two anchors appears twice), and the number of anchors of
        each owner id in this part (``np.bincount``).
    """
    if len(owners) == 0:
        return np.empty(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    pairs = _pairs_from_groups(keys.astype(np.uint64), owners.astype(np.int64), max_group=max_group)
    return _pair_codes(pairs), np.bincount(owners)


def anchor_pairs_of_parts(results: list[tuple[np.ndarray, np.ndarray]], min_share: float = 0.5) -> np.ndarray:
    """Returns the pairs sharing ``min_share`` of the smaller's anchors, given each part's :func:`anchor_part_codes`."""
    return counted_anchor_pairs_of_parts(results, min_share)[0]


def counted_anchor_pairs_of_parts(
    results: list[tuple[np.ndarray, np.ndarray]], min_share: float = 0.5, per_owner: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`anchor_pairs_of_parts`, with the number of anchors each pair shares (uint8, at most 255).

    The codes are sorted in place and each temporary released as soon as it is used: with
    one code per pair and shared anchor (1.5 M for 100,000 short lines from a small
    vocabulary) the step peaked at 104 MB above its input, 57 MB now (tracemalloc). The
    list is emptied as its codes are gathered (see :func:`concatenate_consumed`).

    Args:
        results: each part's :func:`anchor_part_codes`.
        min_share: required share of the smaller set's anchors found in the other.
        per_owner: the anchors of each owner over all parts, where the caller summed the
            parts' counts as they came (:func:`add_counts`; the parts' own are then not read);
            None: summed here.
    """
    if per_owner is None:
        for _, counts in results:
            per_owner = add_counts(per_owner, counts)
    if per_owner is None:
        per_owner = np.zeros(0, dtype=np.int32)
    found = [codes for codes, _ in results]
    results.clear()
    codes = concatenate_consumed(found, np.int64)
    if len(codes) == 0:
        return np.empty((0, 2), dtype=np.int64), np.empty(0, dtype=np.uint8)
    codes.sort()
    new = np.empty(len(codes), dtype=bool)
    new[0] = True
    np.not_equal(codes[1:], codes[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    del new
    counts = np.diff(starts, append=len(codes))
    codes = codes[starts]
    del starts
    smaller = per_owner[codes >> 32]
    np.minimum(smaller, per_owner[codes & 0xFFFFFFFF], out=smaller)
    keep = counts >= np.maximum(1, np.ceil(min_share * smaller))
    del smaller
    codes, counts = codes[keep], counts[keep]
    return np.stack([codes >> 32, codes & 0xFFFFFFFF], axis=1), np.minimum(counts, 255).astype(np.uint8)


def anchor_candidates(
    anchor_sets: list[np.ndarray], ids: np.ndarray, min_share: float = 0.5, max_group: int = 256
) -> np.ndarray:
    """Returns pairs sharing at least ``min_share`` of the smaller one's anchors.

    Args:
        anchor_sets: the anchors of each paragraph.
        ids: the paragraph id of each anchor set.
        min_share: required share of the smaller set's anchors found in the other.
        max_group: anchors shared by more paragraphs than this are too common to
            discriminate (a stock phrase) and are ignored.
    """
    lengths = np.array([len(a) for a in anchor_sets], dtype=np.int64)
    if len(anchor_sets) < 2 or lengths.sum() == 0:
        return np.empty((0, 2), dtype=np.int64)
    keys = np.concatenate(anchor_sets).astype(np.uint64)
    owner = np.repeat(ids.astype(np.int64), lengths)
    return anchor_pairs(keys, owner, min_share, max_group)
