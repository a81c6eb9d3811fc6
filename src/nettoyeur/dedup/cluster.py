"""Cluster and keep: group verified duplicates and choose the one copy to keep.

Paragraph ids are assigned in corpus order (sorted relative path, then line), so the
rule "keep the first copy in corpus order" is "keep the smallest id", and it does not
depend on the order files were read in.

1. Duplicate pairs are merged with union-find (path halving, union by smaller root),
   in sorted order: every cluster keeps its smallest id and loses the rest (reason
   ``duplicate``); with a per-paragraph rank (``--keep``, :mod:`nettoyeur.dedup.keep`), it
   keeps its member of the smallest ``(rank, id)`` instead. Two paragraphs that
   verification found to state different things (a *conflict*: another number, name
   or word in the same sentence) are never put in one cluster, so a third paragraph
   close to both cannot chain two hard negatives.
   Members of one *family* and different *variants* (the same template with other
   numbers, see :func:`nettoyeur.dedup.analysis.families`) conflict pairwise without a
   listed pair: two clusters holding two variants of one family never merge.
2. Containment pairs never merge clusters (two different articles may both quote the
   same sentence). A whole cluster is ``contained`` when one of its members lies inside
   a paragraph of another cluster; it then points at that cluster's keeper. Chains
   (A inside B inside C) are followed to a kept paragraph; a cycle keeps its members.
   Never inside a cluster that conflicts with it (a member of each states another fact, or
   they hold two variants of a family), directly or at the end of a chain: "S" lies inside
   "I disagree with your statement S", but its copy "Your article states: S" says the
   opposite, and the cluster of both stays (eval-pages-dev: 2 lines were removed so). The
   whole outer cluster counts, not its keeper alone, so the rank never changes what goes.
   Clusters are formed, and containment followed, on their roots (smallest ids); the
   rank only names which member of each cluster stays.

Every removal therefore points at a paragraph that is kept: no cluster is wiped out.

Both steps run in the native core (``native/src/cluster.rs``, :func:`keepers`); the plain Python
reading is the tests' oracle (``tests/cluster_reference.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from nettoyeur._core import choose_keepers as _choose_keepers


@dataclass(frozen=True, slots=True)
class Removal:
    """One paragraph to remove and the paragraph it points at.

    Attributes:
        pid: the removed paragraph.
        target: the kept paragraph it duplicates or is contained in.
        reason: ``duplicate`` or ``contained``.
    """

    pid: int
    target: int
    reason: str


def choose_keepers(
    n: int,
    duplicates: Iterable[tuple[int, int]],
    contained: Iterable[tuple[int, int]] = (),
    conflicts: Iterable[tuple[int, int]] = (),
    rank: Sequence[int] | None = None,
    families: dict[int, tuple[int, int]] | None = None,
) -> list[Removal]:
    """Decides which paragraphs go (:func:`keepers` of pairs given as tuples).

    Duplicate pairs are merged in sorted order, so the result does not depend on the
    order the pairs are given in. A merge that would put two paragraphs of a conflicting
    pair in one cluster is skipped: "won 3-1" and "won 2-1" never share a cluster, even
    when a third paragraph (truncated before the score) is a near copy of both.

    Args:
        n: number of paragraph ids.
        duplicates: verified duplicate pairs (either order).
        contained: verified ``(inner, outer)`` pairs: inner is a cut copy of outer.
        conflicts: pairs found to state different things; never in one cluster.
        rank: per id, the keep rank (smaller stays; ties: the smaller id); None keeps
            each cluster's smallest id.
        families: a ``(family, variant)`` label per id (ids absent have none): ids of one
            family and different variants conflict pairwise, as if every such pair were in
            ``conflicts``, without the N²/2 pairs (each cluster carries the variant of each
            family it holds instead).

    Returns:
        removals sorted by pid; each target is a kept paragraph (a cluster keeper).

    Raises:
        ValueError: an id outside ``0..n``.
    """
    labels = families or {}
    pids, targets, inside = keepers(
        n,
        _pairs(duplicates),
        _pairs(contained),
        _pairs(conflicts),
        None if rank is None else np.asarray(rank, dtype=np.int64),
        np.fromiter(labels, dtype=np.int64, count=len(labels)),
        np.array([f for f, _ in labels.values()], dtype=np.int64),
        np.array([v for _, v in labels.values()], dtype=np.int64),
    )
    return [
        Removal(p, t, "contained" if c else "duplicate")
        for p, t, c in zip(pids.tolist(), targets.tolist(), inside.tolist())
    ]


def _pairs(pairs: Iterable[tuple[int, int]]) -> np.ndarray:
    return np.array(list(pairs), dtype=np.int64).reshape(-1, 2)


def keepers(
    n: int,
    duplicates: np.ndarray,
    contained: np.ndarray,
    conflicts: np.ndarray,
    rank: np.ndarray | None,
    labelled: np.ndarray,
    family: np.ndarray,
    variant: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`choose_keepers` on arrays, in the native core (``native/src/cluster.rs``).

    The plain Python reading it replaced is the tests' oracle (``tests/cluster_reference.py``).
    On 300k paragraphs of real pages (``benchmarks/real_corpus.py``; 56,000 ids, 29,000
    duplicate pairs, 30,000 family labels) it took 0.11 CPU-s in Python, 0.016 so (decide, one process).

    Args:
        n: number of paragraph ids.
        duplicates: int64 ``(k, 2)`` duplicate pairs (either order).
        contained: int64 ``(c, 2)`` ``(inner, outer)`` pairs.
        conflicts: int64 ``(f, 2)`` pairs never in one cluster.
        rank: per id its keep rank (int), or None.
        labelled: the ids with a ``(family, variant)`` label (int), and their ``family`` and ``variant``.
        family: see ``labelled``.
        variant: see ``labelled``.

    Returns:
        ``(pids, targets, contained)``: the removed ids in order (int64), the kept id each points
        at, and whether each is contained (bool; else a duplicate).

    Raises:
        ValueError: an id outside ``0..n``.
    """

    def flat(a: np.ndarray) -> np.ndarray:
        return np.ascontiguousarray(a, dtype=np.int64).reshape(-1)

    return _choose_keepers(
        n,
        flat(duplicates),
        flat(contained),
        flat(conflicts),
        None if rank is None else flat(rank),
        flat(labelled),
        flat(family),
        flat(variant),
    )
