"""Clustering and the choice of the copy to keep: properties over random graphs, and the
dedup stage's independence from the order files are read in."""

from __future__ import annotations

import json
import random
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cluster_reference
from cluster_reference import UnionFind
from nettoyeur import CleanConfig
from nettoyeur.dedup.cluster import Removal, choose_keepers
from nettoyeur.dedup.stage import DedupStats, _keepers_chains_checked, _Verdicts, deduplicate
from nettoyeur.records import Document
from nettoyeur.text.split import split_lines

PAIRS = json.loads((Path(__file__).parents[1] / "data" / "dedup_pairs.json").read_text(encoding="utf-8"))["pairs"]


def _edges(n_max: int = 25, size: int = 40):
    return st.lists(st.tuples(st.integers(0, n_max - 1), st.integers(0, n_max - 1)), max_size=size)


graphs = st.tuples(_edges(), _edges(size=15), _edges(size=10))


def _components(n: int, edges) -> list[set[int]]:
    """Connected components by breadth-first search (independent of union-find)."""
    adj = defaultdict(set)
    for a, b in edges:
        adj[a].add(b)
        adj[b].add(a)
    seen, comps = set(), []
    for start in range(n):
        if start in seen:
            continue
        comp, todo = set(), [start]
        while todo:
            x = todo.pop()
            if x not in comp:
                comp.add(x)
                todo.extend(adj[x] - comp)
        seen |= comp
        comps.append(comp)
    return comps


def _dup_clusters(n: int, removals: list[Removal]) -> dict[int, set[int]]:
    """Keeper -> members, from the duplicate removals only."""
    clusters: dict[int, set[int]] = defaultdict(set)
    dup_target = {r.pid: r.target for r in removals if r.reason == "duplicate"}
    for pid in range(n):
        clusters[dup_target.get(pid, pid)].add(pid)
    return clusters


N = 25


@given(graphs)
def test_every_target_is_kept_and_removals_are_unique(graph):
    dups, contained, conflicts = graph
    removals = choose_keepers(N, dups, contained, conflicts)
    removed = {r.pid for r in removals}
    assert len(removed) == len(removals)
    assert [r.pid for r in removals] == sorted(removed)
    for r in removals:
        assert r.target not in removed  # no cluster is wiped out, contained chains end at a kept paragraph
        assert r.target != r.pid
        assert r.reason in ("duplicate", "contained")


@given(_edges())
def test_without_conflicts_clusters_are_components_and_the_smallest_id_is_kept(dups):
    removals = {r.pid: r for r in choose_keepers(N, dups)}
    for comp in _components(N, dups):
        keeper = min(comp)
        assert keeper not in removals  # exactly one keeper per cluster: the smallest id
        for pid in comp - {keeper}:
            assert removals[pid] == Removal(pid, keeper, "duplicate")
    assert set(removals) == {pid for comp in _components(N, dups) for pid in comp if pid != min(comp)}


@given(graphs)
def test_one_keeper_per_cluster_smallest_id_and_conflicts_respected(graph):
    dups, _, conflicts = graph
    removals = choose_keepers(N, dups, (), conflicts)
    assert all(r.reason == "duplicate" for r in removals)
    clusters = _dup_clusters(N, removals)
    for keeper, members in clusters.items():
        assert keeper == min(members)  # exactly one keeper per cluster, the smallest id
    cluster_of = {pid: k for k, members in clusters.items() for pid in members}
    for a, b in conflicts:
        if a != b:
            assert cluster_of[a] != cluster_of[b]
    # Maximal: a duplicate pair left in two clusters is kept apart by a conflict between them.
    conflicting = {(cluster_of[a], cluster_of[b]) for a, b in conflicts} | {
        (cluster_of[b], cluster_of[a]) for a, b in conflicts
    }
    for a, b in dups:
        if cluster_of[a] != cluster_of[b]:
            assert (cluster_of[a], cluster_of[b]) in conflicting


@given(graphs)
def test_containment_removes_whole_clusters_and_never_changes_them(graph):
    dups, contained, conflicts = graph
    base = {r.pid: r for r in choose_keepers(N, dups, (), conflicts)}
    full = {r.pid: r for r in choose_keepers(N, dups, contained, conflicts)}
    cluster_of = {pid: k for k, members in _dup_clusters(N, list(base.values())).items() for pid in members}
    inner_clusters = {cluster_of[i] for i, o in contained if cluster_of[i] != cluster_of[o]}
    by_cluster = defaultdict(set)
    for pid in range(N):
        by_cluster[cluster_of[pid]].add(pid)
    for root, members in by_cluster.items():
        removed = [full.get(pid) for pid in members]
        if any(r is not None and r.reason == "contained" for r in removed):
            assert root in inner_clusters  # only a cluster with a member inside another one
            assert len({(r.reason, r.target) for r in removed if r is not None}) == 1
            assert all(r is not None for r in removed)  # keeper included: the container carries the text
        else:
            assert all(full.get(pid) == base.get(pid) for pid in members)


def test_contained_chain_resolves_to_the_outermost_kept_paragraph():
    # 0 inside 1 inside 2: both point at 2; a duplicate of 0 goes with its cluster.
    removals = choose_keepers(4, [(0, 3)], [(0, 1), (1, 2)])
    assert removals == [Removal(0, 2, "contained"), Removal(1, 2, "contained"), Removal(3, 2, "contained")]


def test_contained_cycle_keeps_its_members_and_entries_point_into_it():
    # Clusters {0} and {1} inside each other (possible between clusters); 2 runs into the cycle.
    removals = choose_keepers(3, [], [(0, 1), (1, 0), (2, 0)])
    assert removals == [Removal(2, 0, "contained")]


def test_conflict_stops_a_chain_through_a_third_paragraph():
    # 1 and 2 state different facts; 0 is a near copy of both (cut before the fact).
    removals = choose_keepers(3, [(0, 1), (0, 2)], conflicts=[(1, 2)])
    assert removals == [Removal(1, 0, "duplicate")]


@settings(max_examples=300, deadline=None)
@given(
    graphs,
    st.dictionaries(st.integers(0, 24), st.tuples(st.integers(0, 2), st.integers(0, 2)), max_size=12),
    st.lists(st.integers(0, 3), min_size=N, max_size=N) | st.none(),
)
def test_no_paragraph_goes_inside_one_it_conflicts_with(graph, families, rank):
    """Law: a removed paragraph never points at one it conflicts with, nor a contained one at another variant."""
    dups, contained, conflicts = graph
    clash = {(a, b) for a, b in conflicts} | {(b, a) for a, b in conflicts}
    for r in choose_keepers(N, dups, contained, conflicts, rank, families):
        assert (r.pid, r.target) not in clash
        if r.reason == "contained" and r.pid in families and r.target in families:
            (f, v), (g, w) = families[r.pid], families[r.target]
            assert f != g or v == w


def test_a_copy_of_a_passage_does_not_carry_a_contradiction_inside():
    # 0 "S", 1 "Your article states: S" (a copy of 0), 2 "I disagree with your statement S":
    # 0 lies inside 2, but 1 conflicts with 2, so their cluster stays (1 a copy of 0).
    assert choose_keepers(3, [(0, 1)], [(0, 2)], [(1, 2)]) == [Removal(1, 0, "duplicate")]
    # A conflict with a copy of the container keeps it too, whichever copy the rank keeps.
    assert choose_keepers(3, [(1, 2)], [(0, 1)], [(0, 2)]) == [Removal(2, 1, "duplicate")]
    assert choose_keepers(3, [(1, 2)], [(0, 1)], [(0, 2)], [1, 1, 0]) == [Removal(1, 2, "duplicate")]


@given(st.integers(1, 40), _edges(40, 60))
@settings(max_examples=50)
def test_union_find_root_is_the_smallest_member(n, edges):
    uf = UnionFind(40)
    for a, b in edges:
        uf.union(a, b)
    for comp in _components(40, edges):
        assert {uf.find(x) for x in comp} == {min(comp)}


def _docs(spec: dict[str, list[str]]) -> list[Document]:
    out = []
    for path, paragraphs in spec.items():
        lines, paras = split_lines("\n\n".join(paragraphs) + "\n")
        out.append(Document(path=path, lines=lines, paragraphs=paras))
    return out


def _verdicts(docs: list[Document]) -> dict:
    return {
        (d.path, p.line): (p.verdict.reason, p.verdict.kept_doc, p.verdict.kept_line)
        for d in docs
        for p in d.paragraphs
        if p.verdict is not None
    }


def test_dedup_keeps_the_first_copy_whatever_order_files_come_in():
    by_id = {p["id"]: p for p in PAIRS}
    dup, cut, neg = by_id["en-typos"], by_id["fr-truncated-ellipsis"], by_id["fr-other-date"]
    spec = {  # paragraphs are on lines 1, 3, 5 (blank lines between)
        "b/2.txt": [dup["b"], cut["a"], neg["b"]],
        "a/1.txt": [neg["a"], dup["a"]],
        "a/0.txt": ["Short line", cut["b"], dup["a"]],
        "c.txt": [dup["a"], "Short line", cut["a"]],
    }
    # Corpus order is a/0, a/1, b/2, c: the first copy of each cluster is kept.
    expected = {
        ("a/0.txt", 3): ("contained", "b/2.txt", 3),  # the truncated copy, inside the full paragraph
        ("a/1.txt", 3): ("duplicate", "a/0.txt", 5),
        ("b/2.txt", 1): ("duplicate", "a/0.txt", 5),  # the copy with typos
        ("c.txt", 1): ("duplicate", "a/0.txt", 5),
        ("c.txt", 5): ("duplicate", "b/2.txt", 3),
    }  # the same sentence with two dates (a/1.txt:1, b/2.txt:5) both stay, and so does the short
    # line two documents share among neighbours that are not copies of each other (c.txt:3, a/0.txt:1)
    rnd = random.Random(5)
    for _ in range(6):
        items = list(spec.items())
        rnd.shuffle(items)
        docs = _docs(dict(items))
        deduplicate(docs, CleanConfig())
        assert _verdicts(docs) == expected


@settings(max_examples=400, deadline=None)
@given(
    graphs,
    st.lists(st.integers(0, 3), min_size=25, max_size=25) | st.none(),
    st.dictionaries(st.integers(0, 24), st.tuples(st.integers(0, 2), st.integers(0, 2)), max_size=12),
)
def test_the_core_chooses_as_the_python_reading(graph, rank, families):
    """Law: the native core's choose_keepers is the plain Python reading (tests/cluster_reference.py)."""
    dups, contained, conflicts = graph
    expected = cluster_reference.choose_keepers(N, dups, contained, conflicts, rank, families)
    assert choose_keepers(N, dups, contained, conflicts, rank, families) == expected


def test_the_core_refuses_ids_out_of_range():
    with pytest.raises(ValueError):
        choose_keepers(3, [(0, 3)])
    with pytest.raises(ValueError):
        choose_keepers(3, [(0, 1)], conflicts=[(-1, 2)])


def _chains_checked(
    n: int, duplicates, conflicts, hidden: set[tuple[int, int]], contained=()
) -> tuple[list[Removal], list]:
    """The stage's clustering with chains verified, ``hidden`` the pairs verification would find to conflict."""
    asked = []

    def conflicting(links: np.ndarray) -> np.ndarray:
        asked.extend(map(tuple, links.tolist()))
        return links[[tuple(link) in hidden for link in links.tolist()]].reshape(-1, 2)

    found = _Verdicts(known={}, duplicates=_array(duplicates), conflicts=_array(conflicts))
    found.contained = [(a, b) for a, b in contained if a != b]
    ids = np.arange(n)
    chosen = _keepers_chains_checked(found, ids, conflicting, (ids, ids), None, None, DedupStats())
    removals = [Removal(p, t, r) for p, t, r in zip(*chosen)]
    return removals, asked


def _array(pairs) -> np.ndarray:
    return np.array([(a, b) for a, b in pairs if a != b], dtype=np.int64).reshape(-1, 2)


@settings(max_examples=200, deadline=None)
@given(graphs, st.sets(st.tuples(st.integers(0, 24), st.integers(0, 24)).map(lambda p: (min(p), max(p)))))
def test_chains_checked_as_the_python_reading_and_no_hidden_conflict_merged(graph, hidden):
    dups, contained, conflicts = graph
    contained = [(a, b) for a, b in contained if a != b]
    removals, asked = _chains_checked(25, dups, conflicts, hidden, contained)
    expected = cluster_reference.keepers_chains_checked(25, dups, contained, conflicts, lambda a, b: (a, b) in hidden)
    assert removals == expected
    assert len(asked) == len(set(asked))  # no pair verified twice
    direct = {(min(a, b), max(a, b)) for a, b in dups}
    for r in (r for r in removals if r.reason == "duplicate"):
        link = (min(r.pid, r.target), max(r.pid, r.target))
        assert link in direct or (link in asked and link not in hidden)


def test_a_chain_of_two_facts_through_a_third_is_cut_and_true_copies_still_merge():
    # 0 "TITLE", 1 "NAME1 on TITLE", 2 "NAME2 on TITLE": 1 and 2 are near copies of 0, never compared.
    removals, asked = _chains_checked(3, [(0, 1), (0, 2)], [], {(1, 2)})
    assert asked == [] and [r.pid for r in removals] == [1, 2]  # each goes for 0, its direct copy
    # 0 -- 1 -- 2 a path: 2 would go for 0 through 1; verified, it conflicts with 0 and stays.
    removals, asked = _chains_checked(3, [(0, 1), (1, 2)], [], {(0, 2)})
    assert asked == [(0, 2)] and [(r.pid, r.target) for r in removals] == [(1, 0)]
    # The same path of true near copies: verified, no conflict, all merge.
    removals, asked = _chains_checked(3, [(0, 1), (1, 2)], [], set())
    assert asked == [(0, 2)] and [(r.pid, r.target) for r in removals] == [(1, 0), (2, 0)]
