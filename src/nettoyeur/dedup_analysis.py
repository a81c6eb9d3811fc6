"""Analysis of the dedup stage (:mod:`nettoyeur.dedup`): compact arrays of keys, and candidate pairs.

:func:`analyse` turns a batch of paragraph texts into an :class:`Analysis` (exact keys,
LSH band keys, containment anchors, word counts; no text, no signature), the part of
the dedup stage that runs shard by shard on workers. Over the whole corpus's analysis,
:func:`exact_groups` groups exact copies and :func:`candidate_pairs` finds the pairs
worth verifying; :func:`candidate_clusters` is signatures, LSH and components alone
(what the benchmarks compare with peer libraries).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from nettoyeur import parallel
from nettoyeur.config import CleanConfig
from nettoyeur.lsh import (
    anchor_pairs,
    anchor_pairs_of_parts,
    anchor_part_codes,
    band_codes,
    band_keys,
    band_pairs,
    optimal_bands,
    pairs_of_codes,
    sorted_unique,
)
from nettoyeur.minhash import signatures_flat
from nettoyeur.shingle import exact_keys, shingles, tokenize
from nettoyeur.spill import ANCHOR_PARTS, SpilledAnchors, SpilledBands

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
            ``band_keys`` is then a :class:`~nettoyeur.spill.SpilledBands` too.
    """

    n_words: np.ndarray
    exact: np.ndarray
    signed: np.ndarray
    band_keys: Any
    anchor_keys: np.ndarray
    anchor_owner: np.ndarray
    anchor_parts: SpilledAnchors | None = None

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
        for name in ("n_words", "exact", "signed", "band_keys", "anchor_keys", "anchor_owner"):
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
) -> Analysis:
    """Analyses a batch of paragraphs: tokens, shingles, signatures, band keys, anchors.

    Args:
        texts: the paragraphs.
        ngram: words per shingle.
        num_perm: MinHash permutations.
        seed: MinHash seed.
        bands: LSH bands.
        rows: rows per band (``bands * rows <= num_perm``).
        anchor_modulus: keep the shingles whose hash is 0 modulo this as anchors
            (None: no anchors, containment is off).
        exact: compute the exact keys (False leaves them zero: LSH alone needs none).

    Returns:
        the batch's :class:`Analysis`; paragraph ids are positions in ``texts``.
    """
    parts = []
    for lo, hi in batches(texts):
        tok = tokenize(texts[lo:hi])
        hashes, offsets = shingles(tok, ngram)
        counts = np.diff(offsets)
        signed = np.flatnonzero(counts)
        if len(signed):
            sigs = signatures_flat(hashes, np.append(offsets[signed], offsets[-1]), num_perm, seed, bands * rows)
            keys = band_keys(sigs, bands, rows)
        else:
            keys = np.empty((0, bands), dtype=np.uint64)
        akeys = np.empty(0, dtype=np.uint32)
        aowner = np.empty(0, dtype=np.int32)
        if anchor_modulus is not None and len(hashes):
            owner = np.repeat(np.arange(hi - lo, dtype=np.uint64), counts)
            hit = hashes % np.uint32(anchor_modulus) == 0
            code = sorted_unique((owner[hit] << np.uint64(32)) | hashes[hit].astype(np.uint64))
            akeys = (code & np.uint64(0xFFFFFFFF)).astype(np.uint32)
            aowner = (code >> np.uint64(32)).astype(np.int32)
        parts.append(
            Analysis(
                tok.counts().astype(np.int32),
                exact_keys(tok) if exact else np.zeros((hi - lo, 2), dtype=np.uint64),
                signed.astype(np.int32),
                keys,
                akeys,
                aowner,
            )
        )
    return Analysis.concat(parts, bands)


def analyse_for(texts: list[str], config: CleanConfig) -> Analysis:
    """Runs :func:`analyse` with the options of ``config``."""
    bands, rows = optimal_bands(config.threshold, config.num_perm)
    modulus = config.anchor_modulus if config.containment != "off" else None
    return analyse(texts, config.ngram, config.num_perm, config.seed, bands, rows, modulus)


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
    order = np.lexsort((live, keys[:, 1], keys[:, 0]))
    k = keys[order]
    new = np.r_[True, (k[1:] != k[:-1]).any(axis=1)]
    first = live[order][np.maximum.accumulate(np.where(new, np.arange(len(order)), 0))]
    group[live[order]] = first
    return group


# Runs a module-level function over tasks on workers that share a state (parallel.state()),
# yielding results in task order: LocalExecutor.map.
Mapper = Callable[[Callable[[Any], Any], list[Any], dict[str, Any]], Iterable[Any]]


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
    rows = np.flatnonzero(group[analysis.signed] == analysis.signed)
    signed = analysis.signed[rows].astype(np.int64, copy=False)
    if len(signed) < 2:
        return signed, np.empty((0, 2), dtype=np.int64)
    spilled = analysis.anchor_parts if anchors else None
    more = np.empty((0, 2), dtype=np.int64)
    if mapper is not None and isinstance(analysis.band_keys, SpilledBands):
        tasks = [("band", b) for b in range(analysis.band_keys.bands)]
        tasks += [("anchors", p) for p in range(ANCHOR_PARTS)] if spilled is not None else []
        shared = {"candidates": (analysis.band_keys, signed, rows, group, spilled)}
        results = list(mapper(_candidate_task, tasks, shared))
        pairs = pairs_of_codes([r for (kind, _), r in zip(tasks, results) if kind == "band"])
        if spilled is not None:
            more = anchor_pairs_of_parts([r for (kind, _), r in zip(tasks, results) if kind == "anchors"])
    else:
        pairs = band_pairs(analysis.band_keys, signed, rows)
        if spilled is not None:
            more = anchor_pairs_of_parts([_anchor_part(spilled, group, p) for p in range(ANCHOR_PARTS)])
        elif anchors and len(analysis.anchor_keys):
            first = group[analysis.anchor_owner] == analysis.anchor_owner
            more = anchor_pairs(analysis.anchor_keys, analysis.anchor_owner, select=first)
    if len(more):
        codes = sorted_unique(np.concatenate([pairs[:, 0] << 32 | pairs[:, 1], more[:, 0] << 32 | more[:, 1]]))
        pairs = np.stack([codes >> 32, codes & 0xFFFFFFFF], axis=1)
    return signed, pairs


def _anchor_part(spilled: SpilledAnchors, group: np.ndarray, part: int) -> tuple[np.ndarray, np.ndarray]:
    """:func:`anchor_part_codes` of one spilled anchor part, the anchors of first copies only."""
    keys, owners = spilled.part(part)
    first = group[owners] == owners
    return anchor_part_codes(keys[first], owners[first])


def _candidate_task(task: tuple[str, int]) -> Any:
    """On a worker: the pair codes of one band, or :func:`anchor_part_codes` of one anchor part."""
    band_keys, signed, rows, group, spilled = parallel.state()["candidates"]
    kind, k = task
    if kind == "band":
        return band_codes(band_keys[rows, k], signed)
    return _anchor_part(spilled, group, k)


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


def _analyse_range(bounds: tuple[int, int]) -> Analysis:
    st = parallel.state()
    lo, hi = bounds
    return analyse(st["texts"][lo:hi], st["ngram"], st["num_perm"], st["seed"], st["bands"], st["rows"], exact=False)


def candidate_clusters(
    texts: list[str],
    ngram: int = 5,
    num_perm: int = 128,
    seed: int = 1,
    bands: int = 16,
    rows: int = 8,
    workers: int = 1,
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
        workers: processes signing shards of the texts.

    Returns:
        ``(pairs, labels)``: the candidate pairs, and per paragraph the smallest id of its
        connected component.
    """
    step = max(256, min(8192, len(texts) // (8 * max(1, workers)) + 1))
    ranges = [(lo, min(lo + step, len(texts))) for lo in range(0, len(texts), step)]
    shared = {"texts": texts, "ngram": ngram, "num_perm": num_perm, "seed": seed, "bands": bands, "rows": rows}
    parts = list(parallel.ordered_map(_analyse_range, ranges, workers if len(ranges) > 1 else 1, shared))
    analysis = Analysis.concat(parts, bands)
    pairs = band_pairs(analysis.band_keys, analysis.signed)
    return pairs, components(len(texts), pairs)
