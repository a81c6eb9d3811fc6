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


@given(counts=st.lists(st.integers(0, 2**33), max_size=20))
@settings(max_examples=200, deadline=None)
def test_narrowed_anchor_counts_keep_their_values_in_the_smallest_type(counts):
    from nettoyeur.dedup.analysis import _narrow

    wide = np.array(counts, dtype=np.int64)
    out = _narrow(wide)
    assert out.tolist() == counts
    top = max(counts, default=0)
    assert out.dtype == next((t for t in (np.uint8, np.uint16, np.uint32) if top <= np.iinfo(t).max), np.int64)
    assert add_counts(None, out).tolist() == wide.astype(np.int32).tolist()  # as the main process sums them


def _spilled_analysis(tmp_path, texts, config):
    """The analysis of ``texts`` (batches of 150), in memory and with its band keys and anchors spilled."""
    import copy

    from nettoyeur.dedup.analysis import Analysis, analyse_for
    from nettoyeur.scratch.paragraphs import SpilledAnchors, SpilledBands, write_anchors, write_band_keys

    bands = config.bands_rows[0]
    shards = [analyse_for(texts[lo : lo + 150], config) for lo in range(0, len(texts), 150)]
    full = Analysis.concat([copy.deepcopy(s) for s in shards], bands)
    spilled = copy.deepcopy(full)
    spilled.band_keys, spilled.anchor_parts, first = SpilledBands([], [], bands), SpilledAnchors([], [], []), 0
    for i, shard in enumerate(shards):
        write_band_keys(str(tmp_path / f"{i}.bands"), shard.band_keys)
        spilled.band_keys.files.append(str(tmp_path / f"{i}.bands"))
        spilled.band_keys.rows.append(len(shard.band_keys))
        counts = write_anchors(str(tmp_path / f"{i}.anchors"), shard.anchor_keys, shard.anchor_owner)
        spilled.anchor_parts.counts.append(counts)
        spilled.anchor_parts.files.append(str(tmp_path / f"{i}.anchors"))
        spilled.anchor_parts.first_pid.append(first)
        first += len(shard)
    return full, spilled


def _templated_texts() -> list[str]:
    """Paragraphs with near copies, cut copies and families of numbered variants (settled pairs)."""
    rng = np.random.default_rng(12)
    vocab = [f"w{k}" for k in range(300)]
    texts = [" ".join(rng.choice(vocab, 40)) for _ in range(200)]
    texts += [t.replace(t.split()[3], "edited", 1) for t in texts[:50]]
    texts += [t + " " + " ".join(rng.choice(vocab, 30)) for t in texts[50:80]]
    texts += [f"Lyon beat Metz {k}-{k + 1} on day {k + 3} of the league in front of the home crowd" for k in range(40)]
    return texts


def test_settled_candidates_from_spilled_parts_on_workers_equal_those_made_in_memory(tmp_path):
    from nettoyeur.config import CleanConfig
    from nettoyeur.dedup.analysis import counted_candidate_pairs, exact_groups, families
    from nettoyeur.executors.local import LocalExecutor

    full, spilled = _spilled_analysis(tmp_path, _templated_texts(), CleanConfig())
    group = exact_groups(full)
    settled = families(full, group)
    expected = counted_candidate_pairs(full, group, True, None, settled)
    assert len(expected.pairs) >= 80 and expected.shared.any() and expected.implied > 0
    for mapper in (None, LocalExecutor(2).map):
        got = counted_candidate_pairs(spilled, group, True, mapper, settled)
        assert np.array_equal(got.pairs, expected.pairs)
        assert np.array_equal(got.agreement, expected.agreement) and np.array_equal(got.shared, expected.shared)
        assert got.implied == expected.implied


def test_candidate_workers_are_done_before_the_codes_are_merged(tmp_path, monkeypatch):
    import nettoyeur.dedup.analysis as analysis
    from nettoyeur.config import CleanConfig

    _, spilled = _spilled_analysis(tmp_path, _templated_texts(), CleanConfig())
    group = analysis.exact_groups(spilled)
    ended: list[bool] = []

    def mapper(fn, tasks, context):  # as a pool's map: its end (the pool shut down) comes after the last result
        yield from (fn(context, task) for task in tasks)
        ended.append(True)

    merge = analysis.counted_pairs_of_codes
    monkeypatch.setattr(analysis, "counted_pairs_of_codes", lambda codes: (ended == [True] or 1 / 0) and merge(codes))
    assert len(analysis.counted_candidate_pairs(spilled, group, True, mapper).pairs)
