"""Analysis of the dedup stage (:mod:`nettoyeur.dedup.stage`): compact arrays of keys, and candidate pairs.

:func:`analyse` turns a batch of paragraph texts into an :class:`Analysis` (exact keys,
LSH band keys, containment anchors, word counts; no text, no signature), the part of
the dedup stage that runs batch by batch on workers. Over the whole corpus's analysis,
:func:`exact_groups` groups exact copies and :func:`candidate_pairs` finds the pairs
worth verifying; :func:`candidate_clusters` is signatures, LSH and components alone
(what the benchmarks compare with peer libraries).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np

from nettoyeur import _core
from nettoyeur.config import CleanConfig
from nettoyeur.dedup.lsh import (
    add_counts,
    anchor_part_codes,
    band_codes,
    band_pairs,
    counted_anchor_pairs_of_parts,
    counted_pairs_of_codes,
    sorted_unique,
)
from nettoyeur.dedup.minhash import sign_paragraphs
from nettoyeur.executors import process_pool
from nettoyeur.scratch.paragraphs import ANCHOR_PARTS, ANCHOR_SHIFT, SpilledAnchors, SpilledBands

# Characters tokenised at once: the kernel's arrays are ~30 bytes a character, so a
# batch costs ~8 MiB, and numpy's per-call overhead is amortised over ~600 paragraphs.
BATCH_CHARS = 1 << 18


@dataclass
class Analysis:
    """What the dedup stage keeps of a batch of paragraphs: compact arrays, no text.

    Attributes:
        n_words: int32, words of each paragraph.
        exact: uint64 ``(len, 2)``, the 128-bit key of each paragraph's word sequence.
        signed: int32, the paragraphs that have shingles (``ngram`` words or more).
        band_keys: uint64 ``(len(signed), bands)``, their LSH band keys.
        anchor_keys: uint32, the anchors (distinct per paragraph) of the signed paragraphs.
        anchor_owner: int32, the paragraph of each anchor.
        anchor_parts: the anchors kept on disk instead (the streaming pipeline), when not None;
            ``band_keys`` is then a :class:`~nettoyeur.scratch.paragraphs.SpilledBands` too.
        masked: uint64 ``(len, 2)``, the keys of each paragraph's layout and of its numbers
            (``native/src/sign.rs``' ``masked_key``: its length and where its numbers stand, then
            their values too), or empty where the analysis has none (no family is then known).
    """

    n_words: np.ndarray
    exact: np.ndarray
    signed: np.ndarray
    band_keys: Any
    anchor_keys: np.ndarray
    anchor_owner: np.ndarray
    anchor_parts: SpilledAnchors | None = None
    masked: np.ndarray = field(default_factory=lambda: np.empty((0, 2), dtype=np.uint64))

    def __len__(self) -> int:
        return len(self.n_words)

    @property
    def nbytes(self) -> int:
        """Bytes held in memory by the arrays."""
        return sum(getattr(getattr(self, f), "nbytes", 0) for f in self.__dataclass_fields__)

    @staticmethod
    def empty(bands: int) -> Analysis:
        """Returns the analysis of no paragraph."""
        return Analysis(
            np.empty(0, dtype=np.int32),
            np.empty((0, 2), dtype=np.uint64),
            np.empty(0, dtype=np.int32),
            np.empty((0, bands), dtype=np.uint64),
            np.empty(0, dtype=np.uint32),
            np.empty(0, dtype=np.int32),
            masked=np.empty((0, 2), dtype=np.uint64),
        )

    @staticmethod
    def concat(parts: list[Analysis], bands: int) -> Analysis:
        """Concatenates analyses in order; paragraph ids of each part follow the previous part's.

        The parts are consumed: each part's arrays are released as soon as they are
        copied, so memory peaks at the result plus one field of one part, not twice the result.
        """
        if not parts:
            return Analysis.empty(bands)
        base = np.cumsum([0] + [len(p) for p in parts[:-1]]).astype(np.int32)
        out = Analysis.empty(bands)
        names = ["n_words", "exact", "signed", "band_keys", "anchor_keys", "anchor_owner"]
        # Masked keys are all or nothing: one part without them leaves the whole without families.
        if all(len(p.masked) == len(p) for p in parts):
            names.append("masked")
        for name in names:
            first = getattr(parts[0], name)
            size = sum(len(getattr(p, name)) for p in parts)
            merged = np.empty((size, *first.shape[1:]), dtype=first.dtype)
            at = 0
            for p, b in zip(parts, base):
                values = getattr(p, name)
                merged[at : at + len(values)] = values + b if name in ("signed", "anchor_owner") else values
                at += len(values)
                setattr(p, name, np.empty((0, *values.shape[1:]), dtype=values.dtype))  # not a view: frees it
            setattr(out, name, merged)
        return out


def batches(texts: list[str], max_chars: int = BATCH_CHARS) -> list[tuple[int, int]]:
    """Cuts ``texts`` into consecutive ranges of about ``max_chars`` characters (at least one text each)."""
    ends = np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1)
    out = []
    start = 0
    while start < len(texts):
        base = int(ends[start - 1]) if start else 0
        stop = max(start + 1, int(np.searchsorted(ends, base + max_chars, side="right")))
        out.append((start, min(stop, len(texts))))
        start = stop
    return out


def analyse(
    texts: list[str],
    ngram: int,
    num_perm: int,
    seed: int,
    bands: int,
    rows: int,
    anchor_modulus: int | None = None,
    exact: bool = True,
    threads: int = 1,
) -> Analysis:
    """Analyses a batch of paragraphs: tokens, shingles, signatures, band keys, anchors.

    One call of the native core (:func:`~nettoyeur.dedup.minhash.sign_paragraphs`), the one
    :func:`candidate_clusters` signs with too.

    Args:
        texts: the paragraphs.
        ngram: words per shingle.
        num_perm: MinHash permutations.
        seed: MinHash seed.
        bands: LSH bands.
        rows: rows per band (``bands * rows <= num_perm``).
        anchor_modulus: keep the shingles whose hash is 0 modulo this as anchors
            (None: no anchors, containment is off).
        exact: compute the exact and masked keys (False leaves the exact keys zero and no
            masked keys: LSH alone needs none).
        threads: threads of the native core (it releases the GIL); the result does not depend on it.

    Returns:
        the batch's :class:`Analysis`; paragraph ids are positions in ``texts``.

    Raises:
        ValueError: see :func:`~nettoyeur.dedup.minhash.sign_paragraphs`.
    """
    out = sign_paragraphs(texts, ngram, num_perm, seed, bands, rows, threads, exact, anchor_modulus)
    return Analysis(
        out.n_words,
        out.exact if exact else np.zeros((len(texts), 2), dtype=np.uint64),
        out.signed,
        out.keys,
        out.anchor_keys,
        out.anchor_owner,
        masked=out.masked,
    )


def analyse_for(texts: list[str], config: CleanConfig) -> Analysis:
    """Runs :func:`analyse` with the options of ``config``."""
    bands, rows = config.bands_rows
    modulus = config.anchor_modulus if config.containment != "off" else None
    return analyse(texts, config.ngram, config.num_perm, config.seed, bands, rows, modulus)


def families(analysis: Analysis, group: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Returns, per paragraph, its *family* and its *variant* within the family.

    The family is the first exact-group representative with the same layout (as many
    words, numbers at the same places); the variant, the first of the family with the same
    numbers there. Two representatives of one family and different variants ("Lyon beat
    Metz 3-1 on day 12" / "Nice beat Brest 2-0 on day 14", or a copy of the first with a
    typo against the second) differ in a number at the same place, and a changed number is
    never a typo nor an edit that copying makes: no verdict that never merges pairs
    differing in a fact can merge them. Their pair needs no alignment: it conflicts by
    construction (see :func:`nettoyeur.dedup.cluster.choose_keepers`' ``families``), so a family
    of N variants and its copies costs no verification instead of N²/2. Members of one
    variant (the same numbers: copies, or names changed, which may be typos: "Müller" /
    "Muller") are verified. Exact copies (not representatives) and paragraphs without words
    are their own family and variant, and so is every paragraph of an analysis without
    masked keys.
    """
    n = len(analysis)
    family = np.arange(n, dtype=np.int64)
    variant = family.copy()
    if len(analysis.masked) != n:
        return family, variant
    live = np.flatnonzero((group == family) & (analysis.n_words > 0))
    if len(live) < 2:
        return family, variant
    masked = analysis.masked[live]
    family[live] = _first_of_keys(live, masked[:, 0], np.zeros(len(live), dtype=np.uint64))
    variant[live] = _first_of_keys(live, family[live].astype(np.uint64), masked[:, 1])
    return family, variant


def _first_of_keys(ids: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per position, the first of the ascending ``ids`` whose ``(a, b)`` is the position's own.

    In the native core (one hash table, ``native/src/settled.rs``) where numpy sorted the keys
    (``np.lexsort``, the reading kept in ``tests/settled_reference.py``): :func:`exact_groups` and
    :func:`families` of 300,000 paragraphs (100,000 distinct keys) took 0.09-0.11 CPU-s together,
    0.02-0.03 so (under cProfile on the 300k-paragraph benchmark corpus, they had taken 0.075 and 0.072 s).
    """
    return _core.first_of_keys(
        np.ascontiguousarray(ids, dtype=np.int64),
        np.ascontiguousarray(a, dtype=np.uint64),
        np.ascontiguousarray(b, dtype=np.uint64),
    )


def exact_groups(analysis: Analysis) -> np.ndarray:
    """Returns, per paragraph, the first paragraph (smallest id) with the same words.

    Paragraphs without words are their own group (there is nothing to compare).
    """
    n = len(analysis)
    group = np.arange(n, dtype=np.int64)
    live = np.flatnonzero(analysis.n_words > 0)
    if len(live) < 2:
        return group
    keys = analysis.exact[live]
    group[live] = _first_of_keys(live, keys[:, 0], keys[:, 1])
    return group


# Runs a module-level function fn(context, task) over tasks on workers that share the
# context, yielding results in task order: LocalExecutor.map.
Mapper = Callable[[Callable[[Any, Any], Any], list[Any], Any], Iterable[Any]]


def candidate_pairs(
    analysis: Analysis, group: np.ndarray, anchors: bool, mapper: Mapper | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Returns the signed paragraphs (first of their exact group, with shingles) and their candidate pairs.

    Args:
        analysis: the corpus's dedup arrays.
        group: each paragraph's exact group (the id of its first copy).
        anchors: add the pairs that share anchors (containment).
        mapper: with band keys and anchors spilled to disk, runs one task per band and per
            anchor part on workers (the same pairs; None: all in this process).

    Returns:
        ``(signed, pairs)``: int64 ids, and distinct ``(i, j)`` pairs, ``i < j``, sorted.

    Raises:
        OSError: a spill file cannot be read.
    """
    found = counted_candidate_pairs(analysis, group, anchors, mapper)
    return found.signed, found.pairs


@dataclass
class Candidates:
    """The candidate pairs of :func:`counted_candidate_pairs`, and how strongly each was found.

    Attributes:
        signed: int64 ids of the signed paragraphs (first of their exact group, with shingles).
        pairs: distinct int64 ``(i, j)`` pairs, ``i < j``, sorted.
        agreement: uint8 per pair, the LSH bands it agrees on (0: found by anchors alone).
        shared: uint8 per pair, the containment anchors it shares (0: found by bands alone).
        implied: pairs of one family and two variants left out (see :func:`families`),
            counted once per band and anchor part that found them.
    """

    signed: np.ndarray
    pairs: np.ndarray
    agreement: np.ndarray
    shared: np.ndarray
    implied: int = 0


def counted_candidate_pairs(
    analysis: Analysis,
    group: np.ndarray,
    anchors: bool,
    mapper: Mapper | None = None,
    settled: tuple[np.ndarray, np.ndarray] | None = None,
) -> Candidates:
    """:func:`candidate_pairs`, with how strongly each pair was found, less the pairs families settle.

    Args:
        analysis: the corpus's dedup arrays.
        group: each paragraph's exact group (the id of its first copy).
        anchors: add the pairs that share anchors (containment).
        mapper: as for :func:`candidate_pairs`.
        settled: each paragraph's ``(family, variant)`` (:func:`families`): the pairs of one
            family and two variants are left out band by band, so that a family of N
            variants never holds its N²/2 pairs in memory; None: none is left out.

    Returns:
        the :class:`Candidates`.

    Raises:
        OSError: a spill file cannot be read.
    """
    rows = np.flatnonzero(group[analysis.signed] == analysis.signed)
    signed = analysis.signed[rows].astype(np.int64, copy=False)
    none = np.empty(0, dtype=np.uint8)
    if len(signed) < 2:
        return Candidates(signed, np.empty((0, 2), dtype=np.int64), none, none)
    spilled = analysis.anchor_parts if anchors else None
    more, more_shared = np.empty((0, 2), dtype=np.int64), none
    if mapper is not None and isinstance(analysis.band_keys, SpilledBands):
        tasks = [("band", b) for b in range(analysis.band_keys.bands)]
        tasks += [("anchors", p) for p in range(ANCHOR_PARTS)] if spilled is not None else []
        context = _CandidateContext(analysis.band_keys, signed, rows, group, spilled, settled)
        results: Iterable[Any] = mapper(_candidate_task, tasks, context)
    else:
        keys = analysis.band_keys
        tasks = [("band", k) for k in range(keys.shape[1])]
        tasks += [("anchors", p) for p in range(ANCHOR_PARTS)] if spilled is not None else []
        results = (
            settled_band_codes(keys[rows, k], signed, settled)
            if kind == "band"
            else _anchor_part(spilled, group, k, settled)
            for kind, k in tasks
        )
    # The results are taken as they come: each anchor part's counts per owner (one entry per
    # paragraph id, see _narrow) summed at once, so that the parts' never stand in memory together.
    band_found: list[np.ndarray] = []
    anchor_found: list[tuple[np.ndarray, np.ndarray]] = []
    per_owner = None
    implied = 0
    # strict: the results are read to their end, so the workers' pool is shut down before the
    # merges below, not when this function returns (1M synthetic paragraphs: 2 x 42 MB of
    # workers alive beside the merge of the anchor codes).
    for (kind, _), (found, dropped) in zip(tasks, results, strict=True):
        implied += dropped
        if kind == "band":
            band_found.append(found)
        else:
            codes, counts = found
            per_owner = add_counts(per_owner, counts)
            anchor_found.append((codes, none))
            del found, codes, counts
    pairs, agreement = counted_pairs_of_codes(band_found)
    if spilled is not None:
        more, more_shared = counted_anchor_pairs_of_parts(anchor_found, per_owner=per_owner)
    elif anchors and len(analysis.anchor_keys):
        first = group[analysis.anchor_owner] == analysis.anchor_owner
        keys, owners = analysis.anchor_keys[first], analysis.anchor_owner[first]
        part_of = (keys >> np.uint32(ANCHOR_SHIFT)).astype(np.int64)  # equal anchors in one part, as spilled
        order = np.argsort(part_of, kind="stable")  # each part's anchors in their order, one sort for all parts
        cuts = np.cumsum(np.bincount(part_of, minlength=ANCHOR_PARTS))[:-1]
        split = zip(np.split(keys[order], cuts), np.split(owners[order], cuts))
        parts = [settled_anchor_codes(k, o, settled) for k, o in split]
        implied += sum(dropped for _, dropped in parts)
        more, more_shared = counted_anchor_pairs_of_parts([codes for codes, _ in parts])
    del per_owner
    shared = np.zeros(len(pairs), dtype=np.uint8)
    if len(more):
        banded = pairs[:, 0] << 32 | pairs[:, 1]
        anchored = more[:, 0] << 32 | more[:, 1]
        codes = sorted_unique(np.concatenate([banded, anchored]))
        agreement = _lookup(banded, agreement, codes)
        shared = _lookup(np.sort(anchored), more_shared[np.argsort(anchored)], codes)
        pairs = np.stack([codes >> 32, codes & 0xFFFFFFFF], axis=1)
    return Candidates(signed, pairs, agreement, shared, implied)


def settled_band_codes(
    column: np.ndarray, signed: np.ndarray, settled: tuple[np.ndarray, np.ndarray] | None
) -> tuple[np.ndarray, int]:
    """:func:`band_codes` of one band less the pairs families settle, and how many were left out.

    A bucket (a band key) whose members are all of one family and of distinct variants
    holds no pair to verify: it is dropped before its pairs are made (in a templated
    corpus, most buckets), and the pairs of the other buckets are filtered. Every step is
    a function of one bucket, so the Ray engine's key partitions (each holding whole
    buckets, ids in corpus order) give the same codes (:mod:`nettoyeur.dedup.key_partitions`).

    Args:
        column: the band's key of each position.
        signed: the paragraph id of each position, ascending.
        settled: each paragraph's ``(family, variant)`` (:func:`families`); None: nothing is settled.
    """
    if settled is None:
        return band_codes(column, signed), 0
    return _settled_codes(column, signed, settled, distinct=True)


def _settled_codes(
    column: np.ndarray,
    signed: np.ndarray,
    settled: tuple[np.ndarray, np.ndarray],
    distinct: bool,
    max_group: int | None = None,
) -> tuple[np.ndarray, int]:
    """The pair codes of the positions sharing a key less the pairs families settle, and how many were left out.

    In the native core (``native/src/settled.rs``; the numpy reading it replaced is
    ``tests/settled_reference.py``): a bucket of one family pairs only its members of one
    variant, a bucket of several families all its pairs but those of one family and two
    variants. One hash table finds the buckets where numpy sorted the repeated keys, then
    the salted keys, then the buckets of several families again: on a 300k-paragraph corpus
    of real pages (``benchmarks/real_corpus.py``), its 37 bands and 64 anchor parts took
    0.10-0.11 and 0.13-0.18 CPU-s in numpy, 0.04-0.05 and 0.02 so (decide alone, one
    process: 1.49 -> 1.21 CPU-s with the families' table below; the 300k-paragraph
    benchmark corpus 0.82 -> 0.51).

    Args:
        column: the key of each position.
        signed: the paragraph id of each position.
        settled: each paragraph's ``(family, variant)`` (:func:`families`).
        distinct: each kind of pairs (one family's, several families') sorted and without
            repeats, as :func:`~nettoyeur.dedup.lsh.band_codes` gives a band's; else a pair
            once per key it shares (an anchor part's, :func:`~nettoyeur.dedup.lsh.group_pair_codes`).
        max_group: keys shared by more positions give no pair (None: none is ignored).

    Raises:
        ValueError: an id outside ``0..2**31`` or without a family.
    """
    family, variant = settled
    codes, left_out = _core.settled_pair_codes(
        np.ascontiguousarray(column, dtype=np.uint64),
        np.ascontiguousarray(signed, dtype=np.int64),
        np.ascontiguousarray(family, dtype=np.int64),
        np.ascontiguousarray(variant, dtype=np.int64),
        max_group,
        distinct,
    )
    return codes, int(left_out)


def _lookup(keys: np.ndarray, values: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """Returns, per code, its value among the sorted ``keys`` (0 where absent)."""
    out = np.zeros(len(codes), dtype=values.dtype)
    if len(keys):
        at = np.minimum(np.searchsorted(keys, codes), len(keys) - 1)
        found = keys[at] == codes
        out[found] = values[at[found]]
    return out


# Candidates verified per paragraph at most, the best first: those agreeing on the most LSH
# bands (the estimate of their similarity), then the earliest partner; pairs found by
# anchors alone (containment) have a budget of their own, those sharing the most anchors
# first. A pair is verified when it is among the best of either paragraph, so a paragraph
# that is someone's best partner is still verified however many candidates that one has.
# Measured: eval-dev and eval-pairs-dev write the same bytes as without a bound, and
# eval-pages-dev too but for one line of a run of near-identical comment lines (another
# one of them is the contained one); 100,000 one-line paragraphs from a 24-word vocabulary
# (4 to 9 words, ~2,920 removals with a bound of 100, before the verification of issue
# 13): a bound of 4 loses 15 of them, 2 loses 26, 1 loses 71; 8 is the margin above that.
MAX_CANDIDATES = 8


@dataclass
class Bounded:
    """The candidate pairs left to verify by :func:`bound_candidates`, and what it settled.

    Attributes:
        pairs: int64 ``(k, 2)`` pairs ``i < j`` to verify, sorted.
        implied: pairs of one family and two variants dropped (a conflict by construction,
            see :func:`families`).
        beyond: pairs dropped by the bound of :data:`MAX_CANDIDATES` per paragraph.
    """

    pairs: np.ndarray
    implied: int = 0
    beyond: int = 0


def bound_candidates(
    pairs: np.ndarray,
    agreement: np.ndarray | None,
    shared: np.ndarray | None,
    family: np.ndarray,
    variant: np.ndarray,
    limit: int | None = None,
) -> Bounded:
    """Keeps the candidate pairs worth verifying: linear in the paragraphs whatever the corpus holds.

    1. A pair of one family and two variants (the same layout with other numbers)
       needs no alignment: it conflicts by construction, through :func:`families`' labels
       in clustering.
    2. Each paragraph keeps its ``limit`` best candidates (see :data:`MAX_CANDIDATES`).

    Args:
        pairs: the candidate pairs ``i < j``, sorted.
        agreement: per pair, the LSH bands it agrees on (0: anchors alone); None (not known:
            step 2 is skipped).
        shared: per pair, the containment anchors it shares (ranks the pairs found by anchors alone).
        family: each paragraph's family (:func:`families`).
        variant: each paragraph's variant within its family.
        limit: candidates kept per paragraph and per kind (bands, anchors); None: :data:`MAX_CANDIDATES`.

    Returns:
        the :class:`Bounded` pairs, still sorted.
    """
    out = Bounded(pairs)
    limit = MAX_CANDIDATES if limit is None else limit
    if len(pairs) == 0:
        return out
    a, b = pairs[:, 0], pairs[:, 1]
    same = (family[a] == family[b]) & (variant[a] != variant[b])
    out.implied = int(np.count_nonzero(same))
    if agreement is None:
        out.pairs = pairs[~same]
        return out
    anchored = agreement == 0
    live = ~same
    keep = np.zeros(len(pairs), dtype=bool)
    for kind, score in ((live & ~anchored, agreement), (live & anchored, shared)):
        at = np.flatnonzero(kind)
        keep[at[_best(pairs[at], score[at] if score is not None else np.zeros(len(at)), limit)]] = True
    out.beyond = int(np.count_nonzero(live)) - int(np.count_nonzero(keep))
    out.pairs = pairs[keep]
    return out


def _best(pairs: np.ndarray, score: np.ndarray, limit: int) -> np.ndarray:
    """Returns a mask of the pairs among the ``limit`` best (highest score, then smallest partner) of either end."""
    m = len(pairs)
    if m == 0:
        return np.zeros(0, dtype=bool)
    # Paragraph ids are below 2^31 (pair codes hold them in 32 bits): int32 halves the arrays.
    node = np.empty(2 * m, dtype=np.int32)
    node[:m], node[m:] = pairs[:, 0], pairs[:, 1]
    other = np.empty(2 * m, dtype=np.int32)
    other[:m], other[m:] = pairs[:, 1], pairs[:, 0]
    minus = -score.astype(np.int16)
    order = np.lexsort((other, np.concatenate([minus, minus]), node))
    del other, minus
    sorted_node = node[order]
    del node
    new = np.empty(2 * m, dtype=bool)
    new[0] = True
    np.not_equal(sorted_node[1:], sorted_node[:-1], out=new[1:])
    del sorted_node
    starts = np.flatnonzero(new)
    del new
    rank = np.arange(2 * m)
    rank -= np.repeat(starts, np.diff(starts, append=2 * m))
    del starts
    keep = np.zeros(m, dtype=bool)
    keep[order[rank < limit] % m] = True
    return keep


def _anchor_part(
    spilled: SpilledAnchors, group: np.ndarray, part: int, settled: tuple[np.ndarray, np.ndarray] | None = None
) -> tuple[tuple[np.ndarray, np.ndarray], int]:
    """:func:`anchor_part_codes` of one spilled anchor part (first copies, unsettled pairs), and the pairs left out."""
    keys, owners = spilled.part(part)
    first = group[owners] == owners
    return settled_anchor_codes(keys[first], owners[first], settled)


def settled_anchor_codes(
    keys: np.ndarray, owners: np.ndarray, settled: tuple[np.ndarray, np.ndarray] | None, max_group: int = 256
) -> tuple[tuple[np.ndarray, np.ndarray], int]:
    """:func:`anchor_part_codes` less the pairs families settle (anchors of one family are not paired), and how many.

    Like :func:`settled_band_codes`, a function of each anchor's bucket alone (owners in corpus order).
    """
    if settled is None or len(owners) == 0:
        return anchor_part_codes(keys, owners, max_group), 0
    per_owner = _narrow(np.bincount(owners))
    # Anchors shared by more than max_group paragraphs are ignored (anchor_part_codes).
    codes, dropped = _settled_codes(keys, owners, settled, distinct=False, max_group=max_group)
    return (codes, per_owner), dropped


def _narrow(counts: np.ndarray) -> np.ndarray:
    """The counts in the smallest unsigned type that holds them: one part's anchors per owner, sent to the main process.

    One entry per paragraph id for every part: as int64, 64 parts sent 8 bytes a paragraph each.
    """
    top = int(counts.max()) if len(counts) else 0
    for dtype in (np.uint8, np.uint16, np.uint32):
        if top <= np.iinfo(dtype).max:
            return counts.astype(dtype)
    return counts


class _CandidateContext(NamedTuple):
    """What the band and anchor-part tasks of :func:`counted_candidate_pairs` read."""

    band_keys: Any
    signed: np.ndarray
    rows: np.ndarray
    group: np.ndarray
    spilled: Any
    settled: Any


def _candidate_task(context: _CandidateContext, task: tuple[str, int]) -> Any:
    """On a worker: one band's pair codes, or one anchor part's :func:`anchor_part_codes`, less the settled ones."""
    band_keys, signed, rows, group, spilled, settled = context
    kind, k = task
    if kind == "band":
        return settled_band_codes(band_keys[rows, k], signed, settled)
    return _anchor_part(spilled, group, k, settled)


def components(n: int, pairs: np.ndarray) -> np.ndarray:
    """Returns the connected-component label (smallest member id) of each of ``n`` ids."""
    labels = np.arange(n, dtype=np.int64)
    if len(pairs) == 0:
        return labels
    a, b = pairs[:, 0], pairs[:, 1]
    while True:
        m = np.minimum(labels[a], labels[b])
        before = labels.copy()
        np.minimum.at(labels, a, m)
        np.minimum.at(labels, b, m)
        labels = labels[labels]  # pointer jumping: halves the remaining path lengths
        if np.array_equal(labels, before):
            return labels


# --- signatures, LSH and clusters alone (the engine the benchmarks compare with peers) -------


class _RangeContext(NamedTuple):
    """What :func:`_sign_range` reads: the texts and the signature parameters."""

    texts: list[str]
    ngram: int
    num_perm: int
    seed: int
    bands: int
    rows: int


def _sign_range(c: _RangeContext, bounds: tuple[int, int]) -> Analysis:
    """The LSH part of :func:`analyse` (no exact keys, no anchors) of ``texts[lo:hi]``."""
    lo, hi = bounds
    return analyse(c.texts[lo:hi], c.ngram, c.num_perm, c.seed, c.bands, c.rows, exact=False)


def candidate_clusters(
    texts: list[str],
    ngram: int = 5,
    num_perm: int = 128,
    seed: int = 1,
    bands: int = 16,
    rows: int = 8,
    workers: int = 1,
    threads: int = 1,
) -> tuple[np.ndarray, np.ndarray]:
    """Signatures, LSH candidates and connected components of paragraphs, without verification.

    This is what MinHash/LSH libraries do (datasketch, rensa, datatrove's MinHash
    stages), so it is what the benchmarks time against them.

    Args:
        texts: the paragraphs.
        ngram: words per shingle.
        num_perm: MinHash permutations.
        seed: MinHash seed.
        bands: LSH bands.
        rows: rows per band.
        workers: processes signing batches of the texts.
        threads: threads of the native core signing the texts and finding the bands' pairs (it
            releases the GIL); the result does not depend on it nor on ``workers``.

    Returns:
        ``(pairs, labels)``: the candidate pairs, and per paragraph the smallest id of its
        connected component.

    Raises:
        ValueError: ``threads`` is less than 1.
    """
    if threads < 1:
        raise ValueError(f"threads must be 1 or more, not {threads}")
    if workers > 1:
        context = _RangeContext(texts, ngram, num_perm, seed, bands, rows)
        step = max(256, min(8192, len(texts) // (8 * workers) + 1))
        ranges = [(lo, min(lo + step, len(texts))) for lo in range(0, len(texts), step)]
        parts = list(process_pool.ordered_map(_sign_range, ranges, workers if len(ranges) > 1 else 1, context))
        analysis = Analysis.concat(parts, bands)
    else:
        # One call: the core cuts the texts into slices that fit its caches, and between threads.
        analysis = analyse(texts, ngram, num_perm, seed, bands, rows, exact=False, threads=threads)
    pairs = band_pairs(analysis.band_keys, analysis.signed, threads=threads)
    return pairs, components(len(texts), pairs)
