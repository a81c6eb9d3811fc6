"""MinHash signatures: bit-identical to datasketch.MinHash fed the same 32-bit hash values."""

from __future__ import annotations

import numpy as np
import pytest
from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

from nettoyeur.dedup import minhash
from nettoyeur.dedup.minhash import estimate_jaccard, signatures

hash_sets = st.lists(st.integers(0, 2**32 - 1), min_size=1, max_size=120)


def _datasketch(values: list[int], num_perm: int, seed: int) -> np.ndarray:
    m = MinHash(num_perm=num_perm, seed=seed, hashfunc=int)
    m.update_batch(values)
    return m.hashvalues


@pytest.mark.parametrize(("num_perm", "seed"), [(16, 1), (64, 7), (128, 1), (128, 42), (256, 3)])
@given(sets=st.lists(hash_sets, min_size=1, max_size=6))
@settings(max_examples=25, deadline=None)
def test_signatures_equal_datasketch(num_perm, seed, sets):
    ours = signatures([np.array(s, dtype=np.uint32) for s in sets], num_perm, seed)
    assert ours.shape == (len(sets), num_perm) and ours.dtype == np.uint32
    for row, values in zip(ours, sets):
        np.testing.assert_array_equal(row, _datasketch(values, num_perm, seed))


@pytest.mark.parametrize("threads", [0, 2, 3, 8])
def test_signatures_equal_datasketch_on_threads(threads):
    # Threads split the segments at shingle-count bounds; each split must sign the same rows.
    rng = np.random.RandomState(11)
    sets = [rng.randint(0, 2**32, size=rng.randint(1, 20), dtype=np.uint64).astype(np.uint32) for _ in range(30)]
    offsets = np.cumsum([0] + [len(s) for s in sets])
    ours = minhash.signatures_flat(np.concatenate(sets), offsets, 32, 5, threads=threads)
    for row, values in zip(ours, sets):
        np.testing.assert_array_equal(row, _datasketch(values.tolist(), 32, 5))


def test_order_and_repeats_do_not_matter():
    values = np.array([5, 1, 99, 2**31, 7], dtype=np.uint32)
    shuffled = np.array([7, 2**31, 5, 5, 99, 1, 1], dtype=np.uint32)
    a, b = signatures([values, shuffled], 64, 1)
    np.testing.assert_array_equal(a, b)


def test_empty_set_is_refused():
    with pytest.raises(ValueError, match="empty"):
        signatures([np.array([1, 2], dtype=np.uint32), np.empty(0, dtype=np.uint32)], 16, 1)


def test_estimate_matches_datasketch_jaccard():
    rng = np.random.RandomState(3)
    common = rng.randint(0, 2**32, 60, dtype=np.uint64).astype(np.uint32)
    a = np.concatenate([common, rng.randint(0, 2**32, 40, dtype=np.uint64).astype(np.uint32)])
    b = np.concatenate([common, rng.randint(0, 2**32, 40, dtype=np.uint64).astype(np.uint32)])
    sa, sb = signatures([a, b], 128, 1)
    ma, mb = MinHash(128, seed=1, hashfunc=int), MinHash(128, seed=1, hashfunc=int)
    ma.update_batch(a.tolist())
    mb.update_batch(b.tolist())
    assert estimate_jaccard(sa, sb) == pytest.approx(ma.jaccard(mb))
    assert abs(estimate_jaccard(sa, sb) - 60 / 140) < 4 / np.sqrt(128)  # within 4 standard errors
