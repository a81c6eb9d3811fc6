"""The candidate pairs families settle, in the native core (``analysis.settled_band_codes``,
``settled_anchor_codes``; ``native/src/settled.rs``) against the numpy reading they replaced
(``tests/settled_reference.py``): the same pairs as a multiset, the same count left out; and
the exact groups and families (``first_of_keys``) against the sorts they replaced; the evidence's
Jaccard similarities of a chunk's pairs at once against ``verify.jaccard`` of each pair."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import settled_reference
from nettoyeur.dedup.analysis import Analysis, exact_groups, families, settled_anchor_codes, settled_band_codes
from nettoyeur.dedup.lsh import MAX_BUCKET_PAIRS
from nettoyeur.dedup.stage import _jaccards
from nettoyeur.dedup.verify import jaccard


@st.composite
def buckets(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, tuple[np.ndarray, np.ndarray]]:
    """Keys from a few values (buckets past MAX_BUCKET_PAIRS members too), ids, families and variants."""
    n = draw(st.integers(0, 3 * MAX_BUCKET_PAIRS))
    values = draw(st.integers(1, 40))
    keys = np.array(draw(st.lists(st.integers(0, values - 1), min_size=n, max_size=n)), dtype=np.uint64)
    ids = np.arange(n, dtype=np.int64) * draw(st.integers(1, 3))
    if draw(st.booleans()):  # ids in any order, some repeated (a repeated id pairs with nothing)
        ids = np.array(draw(st.lists(st.integers(0, max(n - 1, 0)), min_size=n, max_size=n)), dtype=np.int64)
    m = 3 * n + 1
    family = np.array(draw(st.lists(st.integers(0, 3), min_size=m, max_size=m)), dtype=np.int64)
    variant = np.array(draw(st.lists(st.integers(0, 2), min_size=m, max_size=m)), dtype=np.int64)
    return keys, ids, (family, variant)


def _same(got: tuple[np.ndarray, int], expected: tuple[np.ndarray, int]) -> None:
    assert got[1] == expected[1]
    assert np.array_equal(np.sort(got[0]), np.sort(expected[0]))


# 150 examples, not 300 (this law and the next took 33 s of the suite's 1,715 on 2 busy cores).
@settings(max_examples=150, deadline=None)
@given(buckets(), st.sampled_from([1, 0x9E3779B97F4A7C15, 1 << 40]))
def test_a_band_settles_as_the_reference(case, spread):
    keys, ids, settled = case
    with np.errstate(over="ignore"):
        column = keys * np.uint64(spread)
    _same(settled_band_codes(column, ids, settled), settled_reference.settled_band_codes(column, ids, settled))


@settings(max_examples=150, deadline=None)
@given(buckets(), st.sampled_from([3, 10, 256]))
def test_an_anchor_part_settles_as_the_reference(case, max_group):
    keys, ids, settled = case
    keys = keys.astype(np.uint32) * np.uint32(7919)
    (codes, per_owner), left_out = settled_anchor_codes(keys, ids, settled, max_group)
    (want, want_per_owner), want_left_out = settled_reference.settled_anchor_codes(keys, ids, settled, max_group)
    _same((codes, left_out), (want, want_left_out))
    assert np.array_equal(per_owner, want_per_owner)


def test_one_family_pairs_only_its_variants_and_counts_the_rest():
    # One bucket of one family, variants 0 0 1 1 2: the pairs (0, 1) and (2, 3) of 10.
    family, variant = np.zeros(5, dtype=np.int64), np.array([0, 0, 1, 1, 2], dtype=np.int64)
    codes, left_out = settled_band_codes(np.full(5, 7, dtype=np.uint64), np.arange(5), (family, variant))
    assert sorted(codes.tolist()) == [1, 2 << 32 | 3]
    assert left_out == 8
    # Two families in the bucket: every pair but the one of family 0 and two variants (0, 1).
    family[2], variant[:3] = 1, [0, 1, 1]
    codes, left_out = settled_band_codes(np.full(3, 7, dtype=np.uint64), np.arange(3), (family, variant))
    assert sorted(codes.tolist()) == [2, 1 << 32 | 2]
    assert left_out == 1


def test_an_anchor_pair_counts_once_per_anchor_and_big_anchors_are_ignored():
    family, variant = np.arange(4, dtype=np.int64), np.arange(4, dtype=np.int64)
    keys = np.array([5, 5, 6, 6, 9, 9, 9], dtype=np.uint32)
    owners = np.array([0, 1, 0, 1, 1, 2, 3], dtype=np.int64)
    (codes, per_owner), left_out = settled_anchor_codes(keys, owners, (family, variant), max_group=2)
    assert sorted(codes.tolist()) == [1, 1]  # (0, 1) twice; anchor 9's three owners ignored
    assert per_owner.tolist() == [2, 3, 1, 1] and left_out == 0


def test_an_id_without_a_family_is_refused():
    settled = (np.zeros(2, dtype=np.int64), np.zeros(2, dtype=np.int64))
    with pytest.raises(ValueError, match="family"):
        settled_band_codes(np.zeros(2, dtype=np.uint64), np.array([0, 2]), settled)


def _analysis(words: np.ndarray, exact: np.ndarray, masked: np.ndarray) -> Analysis:
    none = np.empty(0, dtype=np.int64)
    return Analysis(words, exact, none, np.empty((len(words), 0), dtype=np.uint64), none, none, masked=masked)


@st.composite
def keyed(draw: st.DrawFn) -> Analysis:
    """Paragraphs with exact and masked keys from a few values, some without words."""
    n = draw(st.integers(0, 120))
    values = draw(st.integers(1, 6))

    def column() -> list[int]:
        return draw(st.lists(st.integers(0, values - 1), min_size=n, max_size=n))

    words = np.array(draw(st.lists(st.integers(0, 3), min_size=n, max_size=n)), dtype=np.int32)
    exact = np.array([column(), column()], dtype=np.uint64).T.reshape(n, 2) * np.uint64(0x9E3779B97F4A7C15)
    masked = np.array([column(), column()], dtype=np.uint64).T.reshape(n, 2)
    return _analysis(words, exact, masked)


@settings(max_examples=300, deadline=None)
@given(keyed())
def test_exact_groups_and_families_are_those_of_the_sorts(analysis):
    group = exact_groups(analysis)
    assert np.array_equal(group, settled_reference.exact_groups(analysis.exact, analysis.n_words))
    got, want = families(analysis, group), settled_reference.families(analysis.masked, analysis.n_words, group)
    assert np.array_equal(got[0], want[0]) and np.array_equal(got[1], want[1])


def test_the_first_copy_leads_its_group_and_a_changed_number_is_another_variant():
    # Paragraphs 1 and 3 are copies of 0 (same words); 2 has no words; 4 has 0's layout and other numbers.
    analysis = _analysis(
        np.array([3, 3, 0, 3, 3], dtype=np.int32),
        np.array([[5, 6], [5, 6], [5, 6], [5, 6], [7, 6]], dtype=np.uint64),
        np.array([[1, 2], [1, 2], [1, 2], [1, 2], [1, 9]], dtype=np.uint64),
    )
    group = exact_groups(analysis)
    assert group.tolist() == [0, 0, 2, 0, 4]
    family, variant = families(analysis, group)
    assert family.tolist() == [0, 1, 2, 3, 0] and variant.tolist() == [0, 1, 2, 3, 4]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sets(st.integers(0, 30), max_size=12), min_size=1, max_size=8), st.data())
def test_the_jaccards_of_many_pairs_at_once_are_those_of_each_pair(sets, data):
    values = [np.array(sorted(s), dtype=np.uint32) for s in sets]
    offsets = np.r_[0, np.cumsum([len(v) for v in values])].astype(np.int64)
    flat = np.concatenate(values)
    ends = st.integers(0, len(sets) - 1)
    pairs = data.draw(st.lists(st.tuples(ends, ends), max_size=10))
    a = np.array([p for p, _ in pairs], dtype=np.int64)
    b = np.array([q for _, q in pairs], dtype=np.int64)
    got = _jaccards(flat, offsets, a, b).tolist()
    assert got == [jaccard(values[p], values[q]) if len(values[p]) or len(values[q]) else 1.0 for p, q in pairs]
