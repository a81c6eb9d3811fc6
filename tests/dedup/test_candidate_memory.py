"""The candidate step's memory-saving forms against their plain definitions, and the threads of the benchmark engine.

``concatenate_consumed`` and ``add_counts`` replace ``np.concatenate`` and a sum of every part's
counts (held together) in the merging of band and anchor codes; they must give the same values.
``candidate_clusters`` signs batches on threads: the result must not depend on how many.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nettoyeur.dedup.analysis import candidate_clusters
from nettoyeur.dedup.lsh import (
    add_counts,
    anchor_part_codes,
    concatenate_consumed,
    counted_anchor_pairs_of_parts,
    counted_pairs_of_codes,
)

parts = st.lists(st.lists(st.integers(0, 2**40), max_size=30), max_size=8)


@given(parts=parts)
@settings(max_examples=200, deadline=None)
def test_concatenate_consumed_equals_concatenate_and_empties_the_list(parts):
    arrays = [np.array(p, dtype=np.int64) for p in parts]
    expected = np.concatenate([np.empty(0, dtype=np.int64), *arrays])
    given_list = list(arrays)
    out = concatenate_consumed(given_list, np.int64)
    assert given_list == []
    assert out.dtype == np.int64 and out.tolist() == expected.tolist()


@given(parts=st.lists(st.lists(st.integers(0, 50), max_size=20), max_size=6))
@settings(max_examples=200, deadline=None)
def test_add_counts_equals_the_sum_of_bincounts(parts):
    total = None
    expected = np.zeros(0, dtype=np.int64)
    for p in parts:
        counts = np.bincount(np.array(p, dtype=np.int64))
        total = add_counts(total, counts)
        grown = np.zeros(max(len(expected), len(counts)), dtype=np.int64)
        grown[: len(expected)] += expected
        grown[: len(counts)] += counts
        expected = grown
    if total is None:
        assert parts == []
        return
    assert total.dtype == np.int32
    assert total.tolist() == expected.tolist()


@given(
    anchors=st.lists(st.tuples(st.integers(0, 12), st.integers(0, 20)), max_size=60),
    cut=st.integers(0, 4),
)
@settings(max_examples=200, deadline=None)
def test_anchor_pairs_with_counts_summed_by_the_caller_equal_those_summed_inside(anchors, cut):
    # Anchors (key, owner), distinct per owner, cut into parts by key as the candidate step cuts them.
    pairs = sorted(set(anchors))
    keys = np.array([k for k, _ in pairs], dtype=np.uint64)
    owners = np.array([o for _, o in pairs], dtype=np.int64)
    results = [anchor_part_codes(keys[(keys >> np.uint64(cut)) % 3 == p], owners[(keys >> np.uint64(cut)) % 3 == p])
               for p in range(3)]
    per_owner = None
    for _, counts in results:
        per_owner = add_counts(per_owner, counts)
    inside_pairs, inside_shared = counted_anchor_pairs_of_parts([(c.copy(), n.copy()) for c, n in results])
    empty = np.empty(0, dtype=np.int64)
    summed = counted_anchor_pairs_of_parts([(c, empty) for c, _ in results], per_owner=per_owner)
    assert summed[0].tolist() == inside_pairs.tolist()
    assert summed[1].tolist() == inside_shared.tolist()


def test_counted_pairs_of_codes_counts_the_bands_of_each_pair():
    a, b = (0 << 32) | 1, (2 << 32) | 5
    codes = [np.array([b, a], dtype=np.int64), np.array([], dtype=np.int64), np.array([a], dtype=np.int64)]
    pairs, counts = counted_pairs_of_codes(codes)
    assert codes == []
    assert pairs.tolist() == [[0, 1], [2, 5]] and counts.tolist() == [2, 1]
    pairs, counts = counted_pairs_of_codes([])
    assert pairs.shape == (0, 2) and counts.tolist() == []


def _paragraphs(n: int, seed: int) -> list[str]:
    rng = np.random.default_rng(seed)
    vocab = [f"w{i}" for i in range(300)]
    texts = [" ".join(rng.choice(vocab, int(rng.integers(3, 40))).tolist()) for _ in range(n)]
    for i in range(0, n - 1, 7):  # near copies: one word changed
        words = texts[i].split()
        words[len(words) // 2] = "changed"
        texts[i + 1] = " ".join(words)
    return texts


@pytest.mark.parametrize("threads", [2, 3])
def test_candidate_clusters_do_not_depend_on_threads(threads):
    texts = _paragraphs(3000, 5)
    one_pairs, one_labels = candidate_clusters(texts, 3, 128, 1, 8, 16, threads=1)
    pairs, labels = candidate_clusters(texts, 3, 128, 1, 8, 16, threads=threads)
    assert len(one_pairs) > 30  # planted copies are found, so the comparison could fail
    assert pairs.tolist() == one_pairs.tolist() and labels.tolist() == one_labels.tolist()
    with pytest.raises(ValueError):
        candidate_clusters(texts, 3, 128, 1, 8, 16, threads=0)
