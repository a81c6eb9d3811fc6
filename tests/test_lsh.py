"""LSH banding: parameters identical to datasketch's, and candidate rates that follow
1 - (1 - s^r)^b on synthetic pairs of known Jaccard similarity (fixed seeds)."""

from __future__ import annotations

import numpy as np
import pytest
from datasketch.lsh import _optimal_param
from hypothesis import given
from hypothesis import strategies as st

from nettoyeur.lsh import anchor_candidates, anchors, candidate_probability, lsh_candidates, optimal_bands
from nettoyeur.minhash import signatures


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
