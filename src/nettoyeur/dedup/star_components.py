"""Connected components over node partitions (:mod:`nettoyeur.dedup.key_partitions`): large-star / small-star.

The shuffle kernels of the cluster step: the large-star/small-star algorithm (Kiveris
et al., "Connected Components in MapReduce and Beyond", SoCC 2014) over edges
partitioned by node, each step a function of one partition, with the kernel contract
of :mod:`nettoyeur.dedup.key_partitions` (``fn(chunks, params) -> (summary, outs)``).
:func:`cluster_edges` turns the duplicate edges into the star edges that make the same
clusters, for the executor's ``clusters`` step.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from nettoyeur.dedup.key_partitions import Exchanger, partition_of, split_parts
from nettoyeur.dedup.lsh import _decode, _pair_codes, sorted_unique

# Large-star/small-star converges in O(log^2 n) rounds (Kiveris et al.); 2^16 nodes
# take well under 20 here. A run past this many rounds is a bug, not a big input.
MAX_ROUNDS = 200


def _directed(lo: np.ndarray, hi: np.ndarray, parts: int) -> list[np.ndarray]:
    """Both directions of each edge ``(lo, hi)``, as ``(k, 2)`` arrays partitioned by their first node."""
    u, v = np.concatenate([lo, hi]), np.concatenate([hi, lo])
    return [np.stack(c, axis=1) for c in split_parts(partition_of(u, parts), parts, u, v)]


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
    return settled, [np.stack(c, axis=1) for c in split_parts(partition_of(new_hi, parts), parts, new_hi, new_lo)]


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
