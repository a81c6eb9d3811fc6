"""Cluster and keep: group verified duplicates and choose the one copy to keep.

Paragraph ids are assigned in corpus order (sorted relative path, then line), so the
rule "keep the first copy in corpus order" is "keep the smallest id", and it does not
depend on the order files were read in.

1. Duplicate pairs are merged with union-find (path halving, union by smaller root):
   every cluster keeps its smallest id and loses the rest (reason ``duplicate``).
2. Containment pairs never merge clusters (two different articles may both quote the
   same sentence). A whole cluster is ``contained`` when one of its members lies inside
   a paragraph of another cluster; it then points at that cluster's keeper. Chains
   (A inside B inside C) are followed to a kept paragraph; a cycle keeps its members.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


class UnionFind:
    """Disjoint sets over ``0..n-1`` whose root is always the smallest member."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        """Returns the root (smallest id) of x's set."""
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        """Merges the sets of a and b; the smaller root becomes the root."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra < rb:
                self.parent[rb] = ra
            else:
                self.parent[ra] = rb


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
) -> list[Removal]:
    """Decides which paragraphs go.

    Args:
        n: number of paragraph ids.
        duplicates: verified duplicate pairs (either order).
        contained: verified ``(inner, outer)`` pairs: inner's words lie inside outer.

    Returns:
        removals sorted by pid; each target is a kept paragraph (a cluster keeper).
    """
    uf = UnionFind(n)
    members: set[int] = set()
    for a, b in duplicates:
        uf.union(a, b)
        members.update((a, b))
    removals: dict[int, Removal] = {}
    for pid in sorted(members):
        root = uf.find(pid)
        if root != pid:
            removals[pid] = Removal(pid, root, "duplicate")
    # Containment between clusters: root of inner -> root of the best outer.
    outer_of: dict[int, int] = {}
    for inner, outer in contained:
        ri, ro = uf.find(inner), uf.find(outer)
        if ri != ro and (ri not in outer_of or ro < outer_of[ri]):
            outer_of[ri] = ro
    resolved: dict[int, int] = {}
    for root in sorted(outer_of):
        seen = [root]
        target = outer_of[root]
        while target in outer_of and target not in seen:
            seen.append(target)
            target = outer_of[target]
        if target in seen:  # a cycle: nothing in it is contained in a kept paragraph
            continue
        resolved[root] = target
    for pid in range(n) if resolved else ():
        root = uf.find(pid) if pid in members else pid
        if root in resolved:
            removals[pid] = Removal(pid, resolved[root], "contained")
    return sorted(removals.values(), key=lambda r: r.pid)
