"""Shuffle kernels: candidate pairs and connected components over partitions of key space.

The local engine finds candidate pairs by sorting every band key of the corpus in one
process (:func:`nettoyeur.dedup.analysis.candidate_pairs`). A cluster engine cannot hold every
key in one place, so this module cuts the same work into plain numpy functions over
*partitions*: each band key (and each containment anchor) goes to partition
``hash(key) % parts``, so every bucket of equal keys lies whole in one partition, and a
task that holds one partition finds its buckets' pairs alone. The union of the
partitions' pairs is exactly the local engine's set:

* a bucket's pairs depend only on its members in id order (all pairs, or a star from
  its first member past ``MAX_BUCKET_PAIRS``), and every partition keeps the ids in
  corpus order (batches in order, ids ascending within a batch);
* anchor pairs need the number of anchors two paragraphs share, summed over buckets,
  so a second step regroups ``(pair, shared anchors)`` by pair and sums them before the
  ``min_share`` test, with each paragraph's anchor count from the whole corpus.

Connected components get the same treatment in :mod:`nettoyeur.dedup.star_components`
(large-star/small-star over edges partitioned by node).

Every kernel is ``fn(chunks, params) -> (summary, outs)``: ``chunks`` are the arrays a
partition received, ``params`` the read-only values every partition shares, ``summary``
what goes back to the driver and ``outs`` one chunk per destination partition. An
executor's ``exchange`` runs them (in this process, on a process pool, or as Ray tasks
whose ``outs`` stay in the object store) and hands ``outs`` on to the next step.
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from nettoyeur.dedup.analysis import Analysis, settled_anchor_codes, settled_band_codes
from nettoyeur.dedup.lsh import _decode, anchor_pairs, sorted_unique

# The anchor test's parameters, read from anchor_pairs' defaults so that both engines
# apply the same ones (candidate_pairs calls anchor_pairs with its defaults).
_ANCHOR_DEFAULTS = inspect.signature(anchor_pairs).parameters
ANCHOR_MIN_SHARE: float = _ANCHOR_DEFAULTS["min_share"].default
ANCHOR_MAX_GROUP: int = _ANCHOR_DEFAULTS["max_group"].default
# Fibonacci hashing constant (2^64 / golden ratio): spreads keys that share low bits
# (anchors are all 0 modulo anchor_modulus) evenly over the partitions.
_MIX = np.uint64(0x9E3779B97F4A7C15)


class Exchanger(Protocol):
    """What the kernels' drivers need from an executor (see :mod:`nettoyeur.executors.base`)."""

    def exchange(
        self, fn: Any, inputs: list[list[Any]], parts: int, params: dict[str, Any] | None = None
    ) -> tuple[list[Any], list[list[Any]]]:
        """Runs ``fn(chunks, params)`` per partition; returns the summaries and the chunks per destination."""
        ...

    def put(self, value: Any) -> Any:
        """Returns a chunk holding ``value``."""
        ...


def partition_of(keys: np.ndarray, parts: int) -> np.ndarray:
    """Returns the partition (int64 in ``0..parts-1``) of each key (any unsigned or non-negative integers)."""
    with np.errstate(over="ignore"):
        mixed = keys.astype(np.uint64) * _MIX
    return ((mixed >> np.uint64(32)) % np.uint64(parts)).astype(np.int64)


def split_parts(part: np.ndarray, parts: int, *arrays: np.ndarray) -> list[tuple[np.ndarray, ...]]:
    """Splits parallel arrays by partition, keeping the original order within each."""
    small = part.astype(np.uint16) if parts <= 1 << 16 else part  # a stable sort of 16-bit keys is a radix sort
    order = np.argsort(small, kind="stable")
    bounds = np.r_[0, np.cumsum(np.bincount(part, minlength=parts))]
    sorted_ = [a[order] for a in arrays]
    return [tuple(a[bounds[p] : bounds[p + 1]] for a in sorted_) for p in range(parts)]


# --- candidate pairs -----------------------------------------------------------------------


def split_analysis(analysis: Analysis, parts: int) -> tuple[Analysis, np.ndarray, list[tuple], list[tuple]]:
    """Cuts one batch's band keys and anchors into key-space partitions (run where the batch was analysed).

    Args:
        analysis: the batch's analysis (paragraph ids local to the batch).
        parts: number of partitions.

    Returns:
        ``(rest, anchor_counts, band_chunks, anchor_chunks)``: the analysis without band
        keys and anchors (what the driver keeps), int32 anchors per paragraph, and per
        partition ``(band uint16, key uint64, local id int32)`` and ``(anchor uint32,
        local id int32)`` chunks, in id order.
    """
    signed = analysis.signed
    keys = analysis.band_keys
    rows, bands = np.divmod(np.arange(keys.size, dtype=np.int64), max(1, keys.shape[1]))
    band_chunks = split_parts(
        partition_of(keys.reshape(-1), parts),
        parts,
        bands.astype(np.uint16),
        keys.reshape(-1),
        signed[rows].astype(np.int32),
    )
    anchor_chunks = split_parts(
        partition_of(analysis.anchor_keys, parts),
        parts,
        analysis.anchor_keys.astype(np.uint32),
        analysis.anchor_owner.astype(np.int32),
    )
    counts = np.bincount(analysis.anchor_owner, minlength=len(analysis)).astype(np.int32)
    rest = Analysis(
        analysis.n_words,
        analysis.exact,
        signed,
        np.empty((len(signed), 0), dtype=np.uint64),
        np.empty(0, dtype=np.uint32),
        np.empty(0, dtype=np.int64),
        masked=analysis.masked,
    )
    return rest, counts, band_chunks, anchor_chunks


def _global(chunks: Sequence[tuple], bases: np.ndarray, first: np.ndarray) -> tuple[np.ndarray, ...]:
    """Concatenates batch chunks (last array: local ids) with global ids, keeping first-of-group ids only."""
    if not chunks:
        return ()
    ids = np.concatenate([c[-1].astype(np.int64) + base for c, base in zip(chunks, bases.tolist())])
    keep = first[ids]
    return tuple(np.concatenate([c[k] for c in chunks])[keep] for k in range(len(chunks[0]) - 1)) + (ids[keep],)


def _counted(codes: np.ndarray, counts: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Returns the distinct codes, sorted, and per code the sum of its ``counts`` (1 each when None), int64."""
    if len(codes) == 0:
        return codes.astype(np.int64), np.empty(0, dtype=np.int64)
    order = np.argsort(codes, kind="stable")
    codes = codes[order]
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    if counts is None:
        summed = np.diff(np.r_[starts, len(codes)])
    else:
        summed = np.add.reduceat(counts[order].astype(np.int64), starts)
    return codes[starts], summed.astype(np.int64)


def counted_bucket_kernel(chunks: list[tuple], params: dict[str, Any]) -> tuple[int, list[tuple]]:
    """Step 1 of :func:`counted_partitioned_candidates` on one key partition.

    The partition's band buckets become pair codes band by band, and its anchor buckets pair
    codes per shared anchor, both less the pairs families settle
    (:func:`~nettoyeur.dedup.analysis.settled_band_codes`, ``settled_anchor_codes``: the local
    engine's functions, applied to whole buckets). Each pair is counted here: the bands of this
    partition that hold it, the anchors of this partition that it shares.

    ``chunks`` holds the partition's band chunk of every batch, then (with anchors) its anchor
    chunk of every batch, in batch order.

    Returns:
        the pairs families settled here (as the local engine counts them), and per pair
        partition ``(band codes, bands, anchor codes, anchors shared)`` (int64 arrays).
    """
    batches, parts, first, bases = params["batches"], params["parts"], params["first"], params["bases"]
    settled = params["settled"]
    band, key, ids = _global(chunks[:batches], bases, first)
    found = [np.empty(0, dtype=np.int64)]
    implied = 0
    for b in sorted_unique(band).tolist():
        sel = band == b
        codes, dropped = settled_band_codes(key[sel], ids[sel], settled)
        found.append(codes)
        implied += dropped
    band_code, bands = _counted(np.concatenate(found))
    anchor_code, shared = np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    if params["anchors"] and len(chunks) > batches:
        akey, owner = _global(chunks[batches:], bases, first)
        (codes, _), dropped = settled_anchor_codes(akey, owner, settled, ANCHOR_MAX_GROUP)
        implied += dropped
        anchor_code, shared = _counted(codes)
    by_band = split_parts(partition_of(band_code, parts), parts, band_code, bands)
    by_anchor = split_parts(partition_of(anchor_code, parts), parts, anchor_code, shared)
    return implied, [b + a for b, a in zip(by_band, by_anchor)]


def counted_pair_kernel(chunks: list[tuple], params: dict[str, Any]) -> tuple[tuple, list]:
    """Step 2 of :func:`counted_partitioned_candidates` on one pair partition.

    Sums the bands each pair agrees on and the anchors it shares over the key partitions,
    and keeps the anchor pairs that share at least ``ANCHOR_MIN_SHARE`` of the smaller
    paragraph's anchors, as :func:`~nettoyeur.dedup.lsh.counted_pairs_of_codes` and
    :func:`~nettoyeur.dedup.lsh.counted_anchor_pairs_of_parts` do in the local engine.

    Returns:
        ``(codes, agreement, shared)``: the partition's candidate pair codes, sorted, and
        per pair its bands (uint8, 0: anchors alone) and shared anchors (uint8, at most 255;
        0: bands alone, or anchors that did not pass), and no chunk.
    """
    none = np.empty(0, dtype=np.int64)
    band_code, agree = _counted(
        np.concatenate([none, *(c[0] for c in chunks)]), np.concatenate([none, *(c[1] for c in chunks)])
    )
    anchor_code, shared = _counted(
        np.concatenate([none, *(c[2] for c in chunks)]), np.concatenate([none, *(c[3] for c in chunks)])
    )
    if len(anchor_code):
        per_owner = params["anchor_counts"]
        smaller = np.minimum(per_owner[anchor_code >> 32], per_owner[anchor_code & 0xFFFFFFFF])
        keep = shared >= np.maximum(1, np.ceil(ANCHOR_MIN_SHARE * smaller))
        anchor_code, shared = anchor_code[keep], shared[keep]
    codes = sorted_unique(np.concatenate([band_code, anchor_code]))
    agreement = np.zeros(len(codes), dtype=np.uint8)
    agreement[np.searchsorted(codes, band_code)] = agree
    shares = np.zeros(len(codes), dtype=np.uint8)
    shares[np.searchsorted(codes, anchor_code)] = np.minimum(shared, 255)
    return (codes, agreement, shares), []


@dataclass
class BatchKeys:
    """The partitioned keys of every batch, in batch order, as an executor's chunks.

    Attributes:
        parts: number of key partitions.
        sizes: paragraphs analysed in each batch (their ids follow each other).
        anchor_counts: per batch, the chunk of its int32 anchors per paragraph.
        bands: per batch, its band chunk for each partition.
        anchors: per batch, its anchor chunk for each partition.
    """

    parts: int
    sizes: list[int] = field(default_factory=list)
    anchor_counts: list[Any] = field(default_factory=list)
    bands: list[list[Any]] = field(default_factory=list)
    anchors: list[list[Any]] = field(default_factory=list)

    def add(self, size: int, anchor_counts: Any, bands: list[Any], anchors: list[Any]) -> None:
        """Records the next batch's chunks."""
        self.sizes.append(size)
        self.anchor_counts.append(anchor_counts)
        self.bands.append(list(bands))
        self.anchors.append(list(anchors))


def counted_partitioned_candidates(
    executor: Exchanger,
    keys: BatchKeys,
    first: np.ndarray,
    anchors: bool,
    anchor_counts: np.ndarray | None,
    settled: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """:func:`nettoyeur.dedup.analysis.counted_candidate_pairs`, found partition by partition.

    The same pairs, band agreement and shared anchors as the local engine, so that the bound
    on candidates per paragraph (:func:`~nettoyeur.dedup.analysis.bound_candidates`) keeps
    the same pairs on both engines: key partitions make each band's and anchor's pair codes
    (:func:`counted_bucket_kernel`), pair partitions sum them (:func:`counted_pair_kernel`).

    Args:
        executor: runs the kernels.
        keys: the batches' partitioned band keys and anchors.
        first: bool per paragraph: the first of its exact group (the others are not compared).
        anchors: find containment candidates too.
        anchor_counts: int32 anchors per paragraph (needed with ``anchors``).
        settled: each paragraph's ``(family, variant)``: the pairs of one family and two
            variants are left out; None: none is.

    Returns:
        ``(pairs, agreement, shared, implied)``: distinct int64 ``(i, j)`` pairs, ``i < j``,
        sorted; per pair the bands it agrees on and the anchors it shares (uint8); the pairs
        families left out.
    """
    none = np.empty(0, dtype=np.uint8)
    batches, parts = len(keys.sizes), keys.parts
    if batches == 0:
        return np.empty((0, 2), dtype=np.int64), none, none, 0
    bases = np.cumsum([0] + keys.sizes[:-1]).astype(np.int64)
    use_anchors = anchors and anchor_counts is not None and bool(anchor_counts.any())
    inputs = [
        [keys.bands[b][p] for b in range(batches)]
        + ([keys.anchors[b][p] for b in range(batches)] if use_anchors else [])
        for p in range(parts)
    ]
    params = {"batches": batches, "parts": parts, "first": first, "bases": bases, "anchors": use_anchors}
    params["settled"] = settled
    implied, by_pair = executor.exchange(counted_bucket_kernel, inputs, parts, params)
    found, _ = executor.exchange(counted_pair_kernel, by_pair, 0, {"anchor_counts": anchor_counts})
    codes = np.concatenate([np.empty(0, dtype=np.int64), *(f[0] for f in found)])
    agreement = np.concatenate([none, *(f[1] for f in found)])
    shared = np.concatenate([none, *(f[2] for f in found)])
    order = np.argsort(codes, kind="stable")  # the partitions' codes are disjoint
    return _decode(codes[order]), agreement[order], shared[order], int(sum(implied))


def partitions_for(workers: int) -> int:
    """Returns a number of key partitions for ``workers`` processes: one each, at least 1, at most 256.

    More partitions than workers only adds tasks (their outputs are ``parts x batches``
    chunks); fewer leaves workers idle in the bucketing step.
    """
    return max(1, min(256, int(workers)))
