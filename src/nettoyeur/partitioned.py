"""Shuffle kernels: candidate pairs and connected components over partitions of key space.

The local engine finds candidate pairs by sorting every band key of the corpus in one
process (:func:`nettoyeur.dedup.candidate_pairs`). A cluster engine cannot hold every
key in one place, so this module cuts the same work into plain numpy functions over
*partitions*: each band key (and each containment anchor) goes to partition
``hash(key) % parts``, so every bucket of equal keys lies whole in one partition, and a
task that holds one partition finds its buckets' pairs alone. The union of the
partitions' pairs is exactly the local engine's set:

* a bucket's pairs depend only on its members in id order (all pairs, or a star from
  its first member past ``MAX_BUCKET_PAIRS``), and every partition keeps the ids in
  corpus order (shards in order, ids ascending within a shard);
* anchor pairs need the number of anchors two paragraphs share, summed over buckets,
  so a second step regroups ``(pair, shared anchors)`` by pair and sums them before the
  ``min_share`` test, with each paragraph's anchor count from the whole corpus.

Connected components get the same treatment (:func:`star_components`): the
large-star/small-star algorithm (Kiveris et al., "Connected Components in MapReduce and
Beyond", SoCC 2014) over edges partitioned by node, each step a function of one
partition.

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

from nettoyeur.dedup import Analysis
from nettoyeur.lsh import _decode, _pair_codes, _pairs_from_groups, anchor_pairs, sorted_unique

# The anchor test's parameters, read from anchor_pairs' defaults so that both engines
# apply the same ones (candidate_pairs calls anchor_pairs with its defaults).
_ANCHOR_DEFAULTS = inspect.signature(anchor_pairs).parameters
ANCHOR_MIN_SHARE: float = _ANCHOR_DEFAULTS["min_share"].default
ANCHOR_MAX_GROUP: int = _ANCHOR_DEFAULTS["max_group"].default
# Fibonacci hashing constant (2^64 / golden ratio): spreads keys that share low bits
# (anchors are all 0 modulo anchor_modulus) evenly over the partitions.
_MIX = np.uint64(0x9E3779B97F4A7C15)
# Large-star/small-star converges in O(log^2 n) rounds (Kiveris et al.); 2^16 nodes
# take well under 20 here. A run past this many rounds is a bug, not a big input.
MAX_ROUNDS = 200


class Exchanger(Protocol):
    """What the kernels' drivers need from an executor (see :mod:`nettoyeur.executors`)."""

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


def _split(part: np.ndarray, parts: int, *arrays: np.ndarray) -> list[tuple[np.ndarray, ...]]:
    """Splits parallel arrays by partition, keeping the original order within each."""
    small = part.astype(np.uint16) if parts <= 1 << 16 else part  # a stable sort of 16-bit keys is a radix sort
    order = np.argsort(small, kind="stable")
    bounds = np.r_[0, np.cumsum(np.bincount(part, minlength=parts))]
    sorted_ = [a[order] for a in arrays]
    return [tuple(a[bounds[p] : bounds[p + 1]] for a in sorted_) for p in range(parts)]


# --- candidate pairs -----------------------------------------------------------------------


def split_analysis(analysis: Analysis, parts: int) -> tuple[Analysis, np.ndarray, list[tuple], list[tuple]]:
    """Cuts one shard's band keys and anchors into key-space partitions (run where the shard was analysed).

    Args:
        analysis: the shard's analysis (paragraph ids local to the shard).
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
    band_chunks = _split(
        partition_of(keys.reshape(-1), parts),
        parts,
        bands.astype(np.uint16),
        keys.reshape(-1),
        signed[rows].astype(np.int32),
    )
    anchor_chunks = _split(
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
    )
    return rest, counts, band_chunks, anchor_chunks


def _global(chunks: Sequence[tuple], bases: np.ndarray, first: np.ndarray) -> tuple[np.ndarray, ...]:
    """Concatenates shard chunks (last array: local ids) with global ids, keeping first-of-group ids only."""
    if not chunks:
        return ()
    ids = np.concatenate([c[-1].astype(np.int64) + base for c, base in zip(chunks, bases.tolist())])
    keep = first[ids]
    return tuple(np.concatenate([c[k] for c in chunks])[keep] for k in range(len(chunks[0]) - 1)) + (ids[keep],)


def bucket_kernel(chunks: list[tuple], params: dict[str, Any]) -> tuple[np.ndarray, list[tuple]]:
    """Step 1 on one key partition: band buckets to pair codes; anchor buckets to ``(pair, shared)`` by pair.

    ``chunks`` holds the partition's band chunk of every shard, then (with anchors) its
    anchor chunk of every shard, in shard order.

    Returns:
        the sorted distinct band pair codes (``i << 32 | j``), and per pair partition the
        ``(pair code, anchors shared in this partition)`` arrays.
    """
    shards, parts, first, bases = params["shards"], params["parts"], params["first"], params["bases"]
    band, key, ids = _global(chunks[:shards], bases, first)
    codes = [np.empty(0, dtype=np.int64)]
    for b in sorted_unique(band).tolist():
        sel = band == b
        codes.append(_pair_codes(_pairs_from_groups(key[sel], ids[sel])))
    band_codes = sorted_unique(np.concatenate(codes))
    outs: list[tuple] = [(np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64))] * parts
    if params["anchors"] and len(chunks) > shards:
        akey, owner = _global(chunks[shards:], bases, first)
        pairs = _pairs_from_groups(akey.astype(np.uint64), owner, max_group=ANCHOR_MAX_GROUP)
        if len(pairs):
            code, shared = np.unique(_pair_codes(pairs), return_counts=True)
            outs = _split(partition_of(code, parts), parts, code, shared.astype(np.int64))
    return band_codes, outs


def anchor_kernel(chunks: list[tuple], params: dict[str, Any]) -> tuple[np.ndarray, list]:
    """Step 2 on one pair partition: sums the anchors each pair shares and keeps the pairs that pass.

    Returns:
        the sorted codes of the pairs sharing at least ``ANCHOR_MIN_SHARE`` of the smaller
        paragraph's anchors, and no chunk.
    """
    if not chunks:
        return np.empty(0, dtype=np.int64), []
    code = np.concatenate([c[0] for c in chunks])
    shared = np.concatenate([c[1] for c in chunks])
    if len(code) == 0:
        return code, []
    order = np.argsort(code, kind="stable")
    code, shared = code[order], shared[order]
    starts = np.flatnonzero(np.r_[True, code[1:] != code[:-1]])
    code, shared = code[starts], np.add.reduceat(shared, starts)
    per_owner = params["anchor_counts"]
    smaller = np.minimum(per_owner[code >> 32], per_owner[code & 0xFFFFFFFF])
    keep = shared >= np.maximum(1, np.ceil(ANCHOR_MIN_SHARE * smaller))
    return code[keep], []


@dataclass
class ShardKeys:
    """The partitioned keys of every shard, in shard order, as an executor's chunks.

    Attributes:
        parts: number of key partitions.
        sizes: paragraphs analysed in each shard (their ids follow each other).
        anchor_counts: per shard, the chunk of its int32 anchors per paragraph.
        bands: per shard, its band chunk for each partition.
        anchors: per shard, its anchor chunk for each partition.
    """

    parts: int
    sizes: list[int] = field(default_factory=list)
    anchor_counts: list[Any] = field(default_factory=list)
    bands: list[list[Any]] = field(default_factory=list)
    anchors: list[list[Any]] = field(default_factory=list)

    def add(self, size: int, anchor_counts: Any, bands: list[Any], anchors: list[Any]) -> None:
        """Records the next shard's chunks."""
        self.sizes.append(size)
        self.anchor_counts.append(anchor_counts)
        self.bands.append(list(bands))
        self.anchors.append(list(anchors))


def partitioned_candidates(
    executor: Exchanger, keys: ShardKeys, first: np.ndarray, anchors: bool, anchor_counts: np.ndarray | None
) -> np.ndarray:
    """Returns the candidate pairs of :func:`nettoyeur.dedup.candidate_pairs`, found partition by partition.

    Args:
        executor: runs the kernels.
        keys: the shards' partitioned band keys and anchors.
        first: bool per paragraph: the first of its exact group (the others are not compared).
        anchors: find containment candidates too.
        anchor_counts: int32 anchors per paragraph (needed with ``anchors``).

    Returns:
        distinct int64 ``(i, j)`` pairs, ``i < j``, sorted.
    """
    shards, parts = len(keys.sizes), keys.parts
    if shards == 0:
        return np.empty((0, 2), dtype=np.int64)
    bases = np.cumsum([0] + keys.sizes[:-1]).astype(np.int64)
    use_anchors = anchors and anchor_counts is not None and bool(anchor_counts.any())
    inputs = [
        [keys.bands[s][p] for s in range(shards)] + ([keys.anchors[s][p] for s in range(shards)] if use_anchors else [])
        for p in range(parts)
    ]
    params = {"shards": shards, "parts": parts, "first": first, "bases": bases, "anchors": use_anchors}
    band_codes, by_pair = executor.exchange(bucket_kernel, inputs, parts, params)
    codes = list(band_codes)
    if use_anchors:
        kept, _ = executor.exchange(anchor_kernel, by_pair, 0, {"anchor_counts": anchor_counts})
        codes.extend(kept)
    if not codes:
        return np.empty((0, 2), dtype=np.int64)
    return _decode(sorted_unique(np.concatenate(codes)))


# --- connected components: large-star / small-star ------------------------------------------


def _directed(lo: np.ndarray, hi: np.ndarray, parts: int) -> list[np.ndarray]:
    """Both directions of each edge ``(lo, hi)``, as ``(k, 2)`` arrays partitioned by their first node."""
    u, v = np.concatenate([lo, hi]), np.concatenate([hi, lo])
    return [np.stack(c, axis=1) for c in _split(partition_of(u, parts), parts, u, v)]


def _grouped(chunks: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distinct directed edges of a partition sorted by node; returns ``(u, v, group starts)``."""
    edges = np.concatenate(chunks) if chunks else np.empty((0, 2), dtype=np.int64)
    codes = sorted_unique((edges[:, 0] << 32) | edges[:, 1])
    u, v = codes >> 32, codes & 0xFFFFFFFF
    starts = np.flatnonzero(np.r_[True, u[1:] != u[:-1]]) if len(u) else np.empty(0, dtype=np.int64)
    return u, v, starts


def large_star_kernel(chunks: list[np.ndarray], params: dict[str, Any]) -> tuple[bool, list[np.ndarray]]:
    """Large-star on one node partition: links each node's larger neighbours to its smallest neighbour.

    ``chunks`` hold directed edges ``(u, v)`` (both directions of every edge) whose ``u``
    is in this partition.

    Returns:
        whether this partition already is part of a star forest (every node has no
        smaller neighbour, or exactly one and no larger one), and per partition the new
        edges ``(larger, smaller)`` keyed by their larger node.
    """
    parts = params["parts"]
    u, v, starts = _grouped(chunks)
    if len(u) == 0:
        return True, [np.empty((0, 2), dtype=np.int64)] * parts
    size = np.diff(np.r_[starts, len(u)])
    smallest = np.minimum(np.minimum.reduceat(v, starts), u[starts])
    smaller = np.add.reduceat((v < u).astype(np.int64), starts)
    larger = size - smaller
    settled = bool(np.all((smaller == 0) | ((smaller == 1) & (larger == 0))))
    up = v > u
    new_hi, new_lo = v[up], np.repeat(smallest, size)[up]
    return settled, [np.stack(c, axis=1) for c in _split(partition_of(new_hi, parts), parts, new_hi, new_lo)]


def small_star_kernel(chunks: list[np.ndarray], params: dict[str, Any]) -> tuple[None, list[np.ndarray]]:
    """Small-star on one node partition: links each node and its smaller neighbours to the smallest of them.

    ``chunks`` hold edges ``(u, w)``, ``w < u``, whose ``u`` is in this partition.

    Returns:
        nothing for the driver, and per partition both directions of the new edges
        (for the next large-star).
    """
    parts = params["parts"]
    u, w, starts = _grouped(chunks)
    if len(u) == 0:
        return None, [np.empty((0, 2), dtype=np.int64)] * parts
    size = np.diff(np.r_[starts, len(u)])
    smallest = np.repeat(w[starts], size)  # w is sorted within each node's group
    nodes = np.concatenate([w, u[starts]])
    roots = np.concatenate([smallest, w[starts]])
    keep = nodes != roots
    lo, hi = roots[keep], nodes[keep]
    return None, _directed(lo, hi, parts)


def labels_kernel(chunks: list[np.ndarray], params: dict[str, Any]) -> tuple[tuple[np.ndarray, np.ndarray], list]:
    """Reads a star forest: returns ``(leaves, roots)``, each leaf with the centre of its star."""
    u, v, starts = _grouped(chunks)
    leaf = u < 0
    if len(u):
        smaller = np.add.reduceat((v < u).astype(np.int64), starts)
        leaf = np.repeat(smaller == 1, np.diff(np.r_[starts, len(u)])) & (v < u)
    return (u[leaf], v[leaf]), []


def star_components(executor: Exchanger, edges: np.ndarray, parts: int) -> np.ndarray:
    """Connected components of an edge list, with large-star/small-star over node partitions.

    Args:
        executor: runs the kernels.
        edges: int64 ``(k, 2)`` edges between ids in ``0..2^31-1`` (either order, repeats allowed).
        parts: number of node partitions.

    Returns:
        int64 ``(m, 2)`` rows ``(root, member)``, one per node that is not the smallest
        of its component, ``root`` being that smallest id; sorted by member.

    Raises:
        RuntimeError: the rounds did not converge (a bug, never the input's fault).
    """
    edges = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    codes = sorted_unique(_pair_codes(edges))
    if len(codes) == 0:
        return np.empty((0, 2), dtype=np.int64)
    pairs = _decode(codes)
    inputs = [[executor.put(c)] for c in _directed(pairs[:, 0], pairs[:, 1], parts)]
    params = {"parts": parts}
    for _ in range(MAX_ROUNDS):
        settled, to_small = executor.exchange(large_star_kernel, inputs, parts, params)
        if all(settled):
            found, _ = executor.exchange(labels_kernel, inputs, 0, params)
            members = np.concatenate([f[0] for f in found])
            roots = np.concatenate([f[1] for f in found])
            order = np.argsort(members, kind="stable")
            return np.stack([roots[order], members[order]], axis=1)
        _, inputs = executor.exchange(small_star_kernel, to_small, parts, params)
    raise RuntimeError(f"connected components did not converge in {MAX_ROUNDS} rounds")


def cluster_edges(executor: Exchanger, edges: np.ndarray, conflicts: np.ndarray, parts: int) -> np.ndarray:
    """Returns duplicate edges that make the same clusters, star-shaped wherever that is exact.

    A component of the duplicate graph without a conflict pair inside is one cluster
    whose keeper is its smallest id, so its edges become ``(root, member)`` stars (found
    by :func:`star_components`, one per member). A component holding a conflict (two
    paragraphs that state different things) is clustered by the driver's greedy merge,
    which depends on the edges themselves: its edges are returned as they are. Clusters
    never span components, so the two kinds do not interact.

    Args:
        executor: runs the kernels.
        edges: int64 ``(k, 2)`` duplicate edges.
        conflicts: int64 ``(c, 2)`` pairs that must never share a cluster (may be empty).
        parts: number of node partitions.

    Returns:
        int64 ``(m, 2)`` edges: the stars of conflict-free components (sorted by member),
        then the edges of the others, in their given order.
    """
    edges = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    conflicts = np.asarray(conflicts, dtype=np.int64).reshape(-1, 2)
    star = star_components(executor, edges, parts)
    if len(conflicts) == 0 or len(star) == 0:
        return star
    members, roots = star[:, 1], star[:, 0]

    def label(ids: np.ndarray) -> np.ndarray:
        at = np.minimum(np.searchsorted(members, ids), len(members) - 1)
        return np.where(members[at] == ids, roots[at], ids)

    a, b = label(conflicts[:, 0]), label(conflicts[:, 1])
    held = sorted_unique(a[(a == b) & (conflicts[:, 0] != conflicts[:, 1])])
    if len(held) == 0:
        return star
    free = star[~np.isin(roots, held)]
    kept = edges[np.isin(label(edges[:, 0]), held)]
    return np.concatenate([free, kept])


def partitions_for(workers: int) -> int:
    """Returns a number of key partitions for ``workers`` processes: one each, at least 1, at most 256.

    More partitions than workers only adds tasks (their outputs are ``parts x shards``
    chunks); fewer leaves workers idle in the bucketing step.
    """
    return max(1, min(256, int(workers)))
