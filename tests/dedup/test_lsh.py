"""LSH banding: parameters identical to datasketch's, and candidate rates that follow
1 - (1 - s^r)^b on synthetic pairs of known Jaccard similarity (fixed seeds)."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from datasketch.lsh import _optimal_param
from hypothesis import given
from hypothesis import strategies as st

from nettoyeur.dedup.lsh import (
    MAX_BUCKET_PAIRS,
    _pairs_from_groups,
    anchor_candidates,
    anchors,
    candidate_probability,
    lsh_candidates,
    optimal_bands,
    repeated,
    sorted_unique_segments,
)
from nettoyeur.dedup.minhash import signatures


@pytest.mark.parametrize("num_perm", [32, 64, 128, 256])
@pytest.mark.parametrize("threshold", [0.2, 0.3, 0.5, 0.7, 0.9])
def test_optimal_bands_equal_datasketch(threshold, num_perm):
    assert optimal_bands(threshold, num_perm) == _optimal_param(threshold, num_perm, 0.5, 0.5)


def test_bands_fit_the_signature():
    for threshold in (0.1, 0.3, 0.5, 0.8):
        bands, rows = optimal_bands(threshold, 128)
        assert 1 <= bands * rows <= 128


def _pairs_with_jaccard(s: float, n_pairs: int, union: int, rng: np.random.RandomState) -> list[np.ndarray]:
    """Returns 2 * n_pairs sets; sets 2i and 2i+1 have Jaccard exactly s."""
    common = round(s * union)
    only_a = (union - common) // 2
    only_b = union - common - only_a
    out = []
    for _ in range(n_pairs):
        values = rng.permutation(np.unique(rng.randint(0, 2**32, union + 8, dtype=np.uint64)))[:union]
        values = values.astype(np.uint32)  # distinct: the Jaccard is exactly s
        shared = values[:common]
        out.append(np.concatenate([shared, values[common : common + only_a]]))
        out.append(np.concatenate([shared, values[common + only_a :]]))
        assert common + only_a + only_b == union
    return out


@pytest.mark.parametrize(("threshold", "num_perm"), [(0.3, 128), (0.5, 128), (0.5, 64)])
@pytest.mark.parametrize("s", [0.2, 0.4, 0.5, 0.6, 0.8])
def test_candidate_rate_follows_the_s_curve(threshold, num_perm, s):
    bands, rows = optimal_bands(threshold, num_perm)
    rng = np.random.RandomState(int(s * 100) + num_perm)
    n_pairs = 1500
    sets = _pairs_with_jaccard(s, n_pairs, 50, rng)
    sigs = signatures(sets, num_perm, 1)
    found = lsh_candidates(sigs, np.arange(len(sets), dtype=np.int64), bands, rows)
    intended = {(2 * i, 2 * i + 1) for i in range(n_pairs)}
    rate = len(intended & set(map(tuple, found.tolist()))) / n_pairs
    expected = candidate_probability(s, bands, rows)
    # 4.5 binomial standard errors, plus 0.02 for the affine permutations being only
    # approximately min-wise independent.
    tolerance = 4.5 * np.sqrt(expected * (1 - expected) / n_pairs) + 0.02
    assert abs(rate - expected) <= tolerance, (rate, expected, bands, rows)


def test_candidate_probability_formula():
    assert candidate_probability(0.5, 25, 5) == pytest.approx(1 - (1 - 0.5**5) ** 25)
    assert candidate_probability(0.0, 37, 3) == 0.0
    assert candidate_probability(1.0, 37, 3) == 1.0


def test_lsh_pairs_are_distinct_sorted_and_use_the_given_ids():
    rng = np.random.RandomState(2)
    base = rng.randint(0, 2**32, 40, dtype=np.uint64).astype(np.uint32)
    other = rng.randint(0, 2**32, 40, dtype=np.uint64).astype(np.uint32)
    sigs = signatures([base, base.copy(), other, base.copy()], 128, 1)
    ids = np.array([10, 20, 30, 40], dtype=np.int64)
    pairs = lsh_candidates(sigs, ids, *optimal_bands(0.3, 128))
    assert sorted(map(tuple, pairs.tolist())) == [(10, 20), (10, 40), (20, 40)]


@given(
    st.sets(st.integers(0, 2**32 - 1), min_size=1, max_size=80),
    st.integers(1, 8),
    st.data(),
)
def test_anchors_of_a_subset_are_anchors_of_the_superset(values, modulus, data):
    full = np.array(sorted(values), dtype=np.uint32)
    part = np.array(sorted(data.draw(st.sets(st.sampled_from(sorted(values))))), dtype=np.uint32)
    assert set(anchors(part, modulus).tolist()) <= set(anchors(full, modulus).tolist())
    assert all(int(v) % modulus == 0 for v in anchors(full, modulus))


def test_anchor_candidates_find_a_contained_set():
    rng = np.random.RandomState(4)
    container = np.unique(rng.randint(0, 2**32, 200, dtype=np.uint64).astype(np.uint32))
    inner = container[50:90]
    unrelated = np.unique(rng.randint(0, 2**32, 200, dtype=np.uint64).astype(np.uint32))
    sets = [anchors(x, 4) for x in (container, inner, unrelated)]
    pairs = anchor_candidates(sets, np.array([0, 1, 2], dtype=np.int64))
    assert sorted(map(tuple, pairs.tolist())) == [(0, 1)]


# --- the sorting shortcuts of candidate generation: the same results as the plain definitions --------------

_KEYS = st.lists(st.integers(0, 2**64 - 1) | st.sampled_from([0, 3, 2**63, 2**64 - 1]), max_size=60)


@given(_KEYS, st.sampled_from([np.uint64, np.uint32]))
def test_repeated_are_the_positions_of_keys_seen_twice(values, dtype):
    keys = np.array([v % (2**32) if dtype is np.uint32 else v for v in values], dtype=dtype)
    seen = Counter(keys.tolist())
    expected = [i for i, k in enumerate(keys.tolist()) if seen[k] > 1]
    found = repeated(keys)
    assert found.dtype == np.int64
    assert found.tolist() == expected


def test_repeated_on_a_million_mostly_distinct_keys():
    keys = np.random.default_rng(3).integers(0, 2**63, 1_000_000, dtype=np.int64).astype(np.uint64)
    keys[10:20] = keys[500_000:500_010]  # ten repeated values: 20 positions
    assert repeated(keys).tolist() == [*range(10, 20), *range(500_000, 500_010)]


def _plain_pairs_from_groups(keys: np.ndarray, ids: np.ndarray, max_group: int | None = None) -> np.ndarray:
    """The definition: one stable argsort of every key, buckets of equal keys, pairs as documented."""
    order = np.argsort(keys, kind="stable")
    k, v = keys[order], ids[order]
    out = []
    start = 0
    for end in [*np.flatnonzero(k[1:] != k[:-1]).tolist(), len(k) - 1]:
        bucket = v[start : end + 1].tolist()
        start = end + 1
        if len(bucket) < 2 or (max_group is not None and len(bucket) > max_group):
            continue
        if len(bucket) <= MAX_BUCKET_PAIRS:
            out += [(bucket[i], bucket[j]) for i in range(len(bucket)) for j in range(i + 1, len(bucket))]
        else:
            out += list(zip(bucket, bucket[1:])) + [(bucket[0], x) for x in bucket[2:]]
    return np.array(sorted(out), dtype=np.int64).reshape(-1, 2)


@given(st.lists(st.integers(0, 5), max_size=200), st.sampled_from([None, 3, 70]))
def test_pairs_from_groups_equal_the_plain_definition(values, max_group):
    keys = np.array(values, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    ids = np.arange(100, 100 + len(values), dtype=np.int64)
    found = _pairs_from_groups(keys, ids, max_group)
    assert sorted(map(tuple, found.tolist())) == [
        tuple(p) for p in _plain_pairs_from_groups(keys, ids, max_group).tolist()
    ]


@given(st.lists(st.lists(st.integers(0, 2**32 - 1) | st.integers(0, 4), max_size=8), max_size=6))
def test_sorted_unique_segments_equal_one_sorted_unique_per_segment(segments):
    values = np.array([v for s in segments for v in s], dtype=np.uint32)
    offsets = np.cumsum([0] + [len(s) for s in segments]).astype(np.int64)
    found = sorted_unique_segments(values, offsets)
    assert len(found) == len(segments)
    for got, segment in zip(found, segments):
        assert got.dtype == np.uint32
        assert got.tolist() == sorted(set(segment))
