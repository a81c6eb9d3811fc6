"""The numpy reading of ``analysis.settled_band_codes``, ``settled_anchor_codes``, ``exact_groups`` and ``families``.

The tests' oracle of the core's (``native/src/settled.rs``): the candidate pairs of one LSH
band or one anchor part less the pairs families settle, as the dedup stage made them in numpy
(sorts of the repeated keys, the buckets of one family paired again by their salted keys:
``_settled_codes``), and the exact groups and families by sorts of their keys (``np.lexsort``).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from nettoyeur.dedup.lsh import MAX_BUCKET_PAIRS, anchor_part_codes, band_codes, group_pair_codes, repeated
from nettoyeur.dedup.shingle import mix64

# The odd constant (`PLACE` of native/src/settled.rs) a variant is multiplied by in a salted key.
_PLACE = np.uint64(0x9E3779B97F4A7C15)


def settled_band_codes(
    column: np.ndarray, signed: np.ndarray, settled: tuple[np.ndarray, np.ndarray] | None
) -> tuple[np.ndarray, int]:
    """:func:`~nettoyeur.dedup.lsh.band_codes` of one band less the pairs families settle, and how many."""
    if settled is None:
        return band_codes(column, signed), 0
    return _settled_codes(column, signed, settled, band_codes)


def settled_anchor_codes(
    keys: np.ndarray, owners: np.ndarray, settled: tuple[np.ndarray, np.ndarray] | None, max_group: int = 256
) -> tuple[tuple[np.ndarray, np.ndarray], int]:
    """:func:`~nettoyeur.dedup.lsh.anchor_part_codes` less the pairs families settle, and how many."""
    if settled is None or len(owners) == 0:
        return anchor_part_codes(keys, owners, max_group), 0
    per_owner = np.bincount(owners)
    keys = keys.astype(np.uint64)
    owners = owners.astype(np.int64)
    order = np.argsort(keys, kind="stable")
    starts = np.flatnonzero(np.r_[True, keys[order][1:] != keys[order][:-1]])
    sizes = np.diff(np.r_[starts, len(keys)])
    small = order[np.repeat(sizes <= max_group, sizes)]
    codes, dropped = _settled_codes(keys[small], owners[small], settled, group_pair_codes)
    return (codes, per_owner), dropped


def _settled_codes(
    column: np.ndarray,
    signed: np.ndarray,
    settled: tuple[np.ndarray, np.ndarray],
    pair_codes: Callable[[np.ndarray, np.ndarray], np.ndarray],
) -> tuple[np.ndarray, int]:
    """``pair_codes(column, signed)`` less the pairs families settle, and how many were left out."""
    family, variant = settled
    members = repeated(column)
    if len(members) == 0:
        return np.empty(0, dtype=np.int64), 0
    keys = column[members]
    order = np.argsort(keys, kind="stable")
    keys, members = keys[order], members[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    sizes = np.diff(np.r_[starts, len(keys)])
    bucket = np.repeat(np.arange(len(starts)), sizes)
    fam = family[signed[members]]
    mixed = np.minimum.reduceat(fam, starts) != np.maximum.reduceat(fam, starts)  # two families or more
    with np.errstate(over="ignore"):  # a variant twice in a bucket (a collision only adds pairs)
        salted = keys ^ mix64(variant[signed[members]].astype(np.uint64) * _PLACE)
    twice = repeated(salted)
    twice = twice[~mixed[bucket[twice]]]
    # A bucket of one family: only the members of one variant pair; of several: all its pairs, less the settled ones.
    same = pair_codes(salted[twice], signed[members[twice]])
    several = np.sort(members[mixed[bucket]])
    codes, dropped = _unsettled(pair_codes(column[several], signed[several]), settled)
    sizes = sizes[~mixed]
    skipped = int(np.where(sizes <= MAX_BUCKET_PAIRS, sizes * (sizes - 1) // 2, 2 * sizes - 3).sum()) - len(same)
    return np.concatenate([same, codes]), skipped + dropped


def _unsettled(codes: np.ndarray, settled: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, int]:
    """Returns the pair codes (``lo << 32 | hi``) that no family settles, and how many it left out."""
    if len(codes) == 0:
        return codes, 0
    family, variant = settled
    lo, hi = codes >> 32, codes & 0xFFFFFFFF
    keep = (family[lo] != family[hi]) | (variant[lo] == variant[hi])
    return codes[keep], len(codes) - int(np.count_nonzero(keep))


def exact_groups(exact: np.ndarray, n_words: np.ndarray) -> np.ndarray:
    """``analysis.exact_groups`` by a sort: per paragraph, the smallest id with the same exact key (words)."""
    n = len(exact)
    group = np.arange(n, dtype=np.int64)
    live = np.flatnonzero(n_words > 0)
    if len(live) < 2:
        return group
    keys = exact[live]
    order = np.lexsort((live, keys[:, 1], keys[:, 0]))
    k = keys[order]
    new = np.r_[True, (k[1:] != k[:-1]).any(axis=1)]
    group[live[order]] = live[order][np.maximum.accumulate(np.where(new, np.arange(len(order)), 0))]
    return group


def families(masked: np.ndarray, n_words: np.ndarray, group: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``analysis.families`` by sorts: the first representative of each layout, and of each layout's numbers."""
    n = len(group)
    family = np.arange(n, dtype=np.int64)
    variant = family.copy()
    if len(masked) != n:
        return family, variant
    live = np.flatnonzero((group == family) & (n_words > 0))
    if len(live) < 2:
        return family, variant
    for column, out, within in ((0, family, None), (1, variant, family)):
        keys = masked[live, column]
        order = np.lexsort((live, keys) if within is None else (live, keys, within[live]))
        k = keys[order]
        new = np.r_[True, k[1:] != k[:-1]]
        if within is not None:
            w = within[live][order]
            new |= np.r_[True, w[1:] != w[:-1]]
        out[live[order]] = live[order][np.maximum.accumulate(np.where(new, np.arange(len(order)), 0))]
    return family, variant
