"""The plain Python reading of ``dedup.cluster.choose_keepers`` (the tests' oracle of the native core's).

Union-find over the duplicate pairs in sorted order, conflicts and family variants never in one
cluster, containment between clusters followed to a kept root (see ``nettoyeur/dedup/cluster.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from nettoyeur.dedup.cluster import Removal


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


def choose_keepers(
    n: int,
    duplicates: Iterable[tuple[int, int]],
    contained: Iterable[tuple[int, int]] = (),
    conflicts: Iterable[tuple[int, int]] = (),
    rank: Sequence[int] | None = None,
    families: dict[int, tuple[int, int]] | None = None,
) -> list[Removal]:
    """The plain Python the core's clustering replaced: :func:`nettoyeur.dedup.cluster.choose_keepers`
    documents the arguments and the result, which this oracle must give alike."""
    uf = UnionFind(n)
    blocked: dict[int, set[int]] = {}  # cluster root -> roots of the clusters it must not join
    for a, b in conflicts:
        if a != b:
            blocked.setdefault(a, set()).add(b)
            blocked.setdefault(b, set()).add(a)
    labels: dict[int, dict[int, int]] = {pid: {f: v} for pid, (f, v) in (families or {}).items()}
    members: set[int] = set()
    for a, b in sorted({(min(a, b), max(a, b)) for a, b in duplicates if a != b}):
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb or rb in blocked.get(ra, ()):
            continue
        if _variants_differ(labels, ra, rb):
            continue
        uf.union(ra, rb)
        root, other = min(ra, rb), max(ra, rb)
        for x in blocked.pop(other, set()):
            blocked[x].discard(other)
            blocked[x].add(root)
            blocked.setdefault(root, set()).add(x)
        moved, kept = labels.pop(other, None), labels.get(root)
        if moved:
            if kept is None or len(kept) < len(moved):  # the smaller table joins the larger one
                moved, kept = kept or {}, moved
                labels[root] = kept
            kept.update(moved)
        members.update((a, b))
    keeper: dict[int, int] = {}  # cluster root -> the member kept, when the rank picks another
    if rank is not None:
        for pid in sorted(members):
            root = uf.find(pid)
            best = keeper.get(root, root)
            if (rank[pid], pid) < (rank[best], best):
                keeper[root] = pid
    removals: dict[int, Removal] = {}
    for pid in sorted(members):
        root = uf.find(pid)
        kept = keeper.get(root, root)
        if kept != pid:
            removals[pid] = Removal(pid, kept, "duplicate")
    # Containment between clusters: root of inner -> smallest root of an outer, never between
    # two clusters that conflict or hold two variants of one family, directly or through a chain.
    def apart(ri: int, ro: int) -> bool:
        return ro in blocked.get(ri, ()) or _variants_differ(labels, ri, ro)

    outer_of: dict[int, int] = {}
    for inner, outer in contained:
        ri, ro = uf.find(inner), uf.find(outer)
        if ri != ro and not apart(ri, ro) and (ri not in outer_of or ro < outer_of[ri]):
            outer_of[ri] = ro
    final = {ri: ro for ri, ro in _resolve_chains(outer_of).items() if not apart(ri, ro)}
    for pid in range(n) if final else ():
        root = uf.find(pid) if pid in members else pid
        if root in final:
            removals[pid] = Removal(pid, keeper.get(final[root], final[root]), "contained")
    return sorted(removals.values(), key=lambda r: r.pid)


def _variants_differ(labels: dict[int, dict[int, int]], ra: int, rb: int) -> bool:
    """Whether the clusters of roots ``ra`` and ``rb`` hold two variants of one family."""
    la, lb = labels.get(ra), labels.get(rb)
    if not (la and lb):
        return False
    small, large = (la, lb) if len(la) <= len(lb) else (lb, la)
    return any(large.get(f, v) != v for f, v in small.items())


def _resolve_chains(outer_of: dict[int, int]) -> dict[int, int]:
    """Follows containment chains (A in B in C) to a kept cluster root.

    A cycle (possible between clusters: A's member inside B's, B's inside A's) keeps
    its members; a chain that runs into a cycle ends at the cycle's first member reached.

    Returns:
        for each contained root, the kept root it points at (cycle members are absent).
    """
    final: dict[int, int] = {}
    kept_cycle: set[int] = set()
    for start in sorted(outer_of):
        if start in final or start in kept_cycle:
            continue
        path: list[int] = []
        position: dict[int, int] = {}
        node = start
        while node in outer_of and node not in position and node not in final and node not in kept_cycle:
            position[node] = len(path)
            path.append(node)
            node = outer_of[node]
        if node in position:  # a new cycle: its members stay, the rest points at its entry
            kept_cycle.update(path[position[node] :])
            path = path[: position[node]]
            target = node
        elif node in final:
            target = final[node]
        else:  # a root that is not contained, or a kept cycle member
            target = node
        for x in path:
            final[x] = target
    return final


def keepers_chains_checked(
    n: int,
    duplicates: Iterable[tuple[int, int]],
    contained: Iterable[tuple[int, int]],
    conflicts: Iterable[tuple[int, int]],
    conflict_of: Callable[[int, int], bool],
) -> list[Removal]:
    """The plain reading of ``dedup.stage._keepers_chains_checked`` (no exact groups nor families).

    Clusters; verifies (``conflict_of(a, b)``, ``a < b``) each removed paragraph against its kept
    one where no duplicate pair joins them directly and the pair was not verified before; clusters
    again with the conflicts found, until a round finds none.
    """
    duplicates, contained = list(duplicates), list(contained)
    known = {(min(a, b), max(a, b)) for a, b in conflicts}
    checked = {(min(a, b), max(a, b)) for a, b in duplicates}
    while True:
        removals = choose_keepers(n, duplicates, contained, sorted(known))
        removed = {(min(r.pid, r.target), max(r.pid, r.target)) for r in removals if r.reason == "duplicate"}
        links = sorted(removed - checked)
        checked |= set(links)
        new = [link for link in links if conflict_of(*link)]
        if not new:
            return removals
        known |= set(new)
