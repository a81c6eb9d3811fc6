"""The near-duplicate stage: sign, find candidates, verify, cluster, keep.

Runs over every paragraph that boilerplate left, within and across files alike:

1. *exact*: paragraphs with the same normalised words (case, quotes, spaces aside) are
   duplicates at once; this is also how paragraphs too short for shingles are compared
   (never by empty signatures, and never dropped for being short);
2. *sign*: word-shingle hashes and MinHash signatures (:mod:`nettoyeur.dedup.shingle`,
   :mod:`nettoyeur.dedup.minhash`);
3. *candidates*: LSH bands and containment anchors (:mod:`nettoyeur.dedup.lsh`), less the pairs
   of one template family whose numbers differ (a conflict without alignment), at most
   the 8 best of each paragraph (:func:`~nettoyeur.dedup.analysis.bound_candidates`);
4. *verify*: exact Jaccard and the edit-aware alignment (:mod:`nettoyeur.dedup.verify`);
5. *cluster / keep*: union-find, first copy in corpus order kept (or the best ranked
   by ``--keep``: :mod:`nettoyeur.dedup.keep`), pairs that state
   different things never in one cluster (:mod:`nettoyeur.dedup.cluster`). A passage quoted
   inside a longer paragraph (pull quote, heading) is reported with its container, kept.

The stage is split for streaming and for workers. :func:`~nettoyeur.dedup.analysis.analyse`
(:mod:`nettoyeur.dedup.analysis`) turns a batch of paragraph texts into an
:class:`~nettoyeur.dedup.analysis.Analysis`: compact arrays (a 128-bit exact key, the LSH
band keys, the anchors, the word count), about 250 bytes a paragraph, no text and no
signature. Analyses of batches are concatenated in corpus order, and :func:`decide`
(this module) finds and verifies the candidates; it reads the texts of candidate
paragraphs only, from a text store (in memory, or spilled to disk by the streaming
pipeline), and verifies chunks of pairs on worker processes. Paragraph ids (``pid``)
are positions in corpus order, so "keep the first copy" is "keep the smallest id"
whatever the worker count.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

import numpy as np
from tqdm import tqdm

from nettoyeur._core import locality_order
from nettoyeur.config import CleanConfig
from nettoyeur.dedup.analysis import (
    Analysis,
    Mapper,
    analyse_for,
    batches,
    bound_candidates,
    components,
    counted_candidate_pairs,
    exact_groups,
    families,
)
from nettoyeur.dedup.cluster import keepers
from nettoyeur.dedup.keep import paragraph_ranks, parse_keep, record_value
from nettoyeur.dedup.lsh import sorted_unique
from nettoyeur.dedup.minhash import signatures_flat
from nettoyeur.dedup.shingle import language_gates, shingles, tokenize
from nettoyeur.dedup.verify import (
    KINDS,
    Prepared,
    WordTables,
    align_pairs,
    chunk_interner,
    chunk_tables,
    verify_chunk,
)
from nettoyeur.executors import process_pool
from nettoyeur.records import Document, Paragraph, Verdict
from nettoyeur.scratch.paragraphs import MemoryTexts

# Candidate pairs verified per task: enough to amortise a task (~10 ms of overhead with
# its texts) and the paragraphs that chunks share (each task reads, tokenises and codes the
# words of its own), few enough that workers stay balanced and that the words of its (at
# most 4,096) paragraphs stay small (~20 MB for long ones; a few MB of real text). Measured at
# 300k real paragraphs, 2 workers (user CPU of the verification, driver and workers, median
# of 3 alternated runs): 1.08 s with 512 pairs a task (138 tasks), 0.86 with 2,048 (35); the
# run's peak memory at 1M real paragraphs unchanged (it lies in the analysis pass).
PAIRS_PER_TASK = 2048


class TextStore(Protocol):
    """Where :func:`decide` reads candidate paragraphs' texts from (by paragraph id)."""

    def texts(self, pids: np.ndarray) -> list[str]:
        """Returns the texts of the given paragraph ids, in that order."""
        ...


@dataclass
class DedupStats:
    """Counts of the dedup stage, for the run summary."""

    paragraphs: int = 0
    signed: int = 0
    exact_pairs: int = 0
    candidates: int = 0
    implied: int = 0  # pairs families settled (see counted_candidate_pairs: not in the summary)
    beyond: int = 0
    verified: int = 0
    verified_duplicates: int = 0
    verified_contained: int = 0
    rejected: int = 0
    quoted: int = 0
    conflicts: int = 0
    chain_links: int = 0  # (removed, kept) pairs of chains verified after clustering (_keepers_chains_checked)
    short_copies_alone: int = 0  # short pairs dropped: no neighbour recurs with them (min_lone_copy_words)
    bands: int = 0
    rows: int = 0
    contained_reported: list[dict] = field(default_factory=list)


# --- verification, on workers ------------------------------------------------------------


def paragraph_data(texts: list[str], ngram: int) -> Prepared:
    """Returns the texts as verification takes them: word ids, fact flags, sorted distinct shingle hashes.

    :func:`prepared_chunk` without its word tables.
    """
    return prepared_chunk(texts, ngram)[0]


def prepared_chunk(texts: list[str], ngram: int) -> tuple[Prepared, WordTables]:
    """Returns the texts as verification takes them (:class:`Prepared`), and the word tables of their words.

    Straight from the tokens of each batch, in numpy and the native core: the words are numbered
    by the process's ``WordInterner`` (:func:`~nettoyeur.dedup.verify.chunk_interner`) and only
    the words new to the process become Python strings, and the fact flags read the lexicons
    once per distinct word (:meth:`~nettoyeur.dedup.shingle.Tokens.fact_mask`).
    On the small-vocabulary benchmark (30,000 files, one process, the texts already read) the
    chunks' loading and verification took 0.9 CPU seconds instead of 3.1 with word lists and
    ``all_facts``; at 100,000 files the whole verification 4.2 instead of 12.6.

    The fact flags' lexicon bits come with the word tables (:func:`~nettoyeur.dedup.verify.chunk_tables`:
    one look-up per distinct word of the chunk, not one for the flags and another for the tables).
    Loading 150 chunks of 1,000 paragraphs drawn from 300k paragraphs of real pages
    (``benchmarks/real_corpus.py`` from eval-pages-dev) took 0.99-1.04 CPU-s instead of
    1.24-1.27 (1.80-1.88 instead of 2.20-2.36 from the synthetic benchmark corpus); decide, ``--workers 1``, median
    of 3 alternated runs: 2.55 s instead of 2.71 on the real pages, 1.36 instead of 1.49 on the synthetic
    corpus (300,000 paragraphs, ``benchmarks/corpus.py``).

    Why this tokenises again rather than sign through ``minhash.sign_paragraphs`` (the core's
    one call): verification needs each word's characters and place (the interner's ids, the
    fact flags read digits, capitals and "@" around it), which the signing pass drops, and the
    analysis keeps no shingles (about 250 bytes a paragraph), so a chunk's candidates are read
    and cut again. The kernels are the same (``tokenize_words``, ``word_shingles``); what is
    Python's here is their composition, and on 300k paragraphs of real pages it cost, under
    cProfile, 0.17 CPU-s of decide's 3.85 (tokenize 0.107, shingles 0.007, the distinct shingles
    0.048, the evidence's signatures 0.006), on the synthetic corpus 0.05 of 1.94: fusing it into the
    core would save only the steps between the kernels, under a percent of decide.
    """
    ids, toks, word_counts, shingle_parts, shingle_counts = [], [], [], [], []
    with chunk_interner() as interner:
        for first, last in batches(texts):
            tok = tokenize(texts[first:last])
            ids.append(tok.chunk_word_ids(interner))
            toks.append(tok)
            word_counts.append(tok.counts())
            hashes, offsets = shingles(tok, ngram)
            distinct, counts = _distinct_per_segment(hashes, offsets)
            shingle_parts.append(distinct)
            shingle_counts.append(counts)
        words, chars, char_offsets, tables = chunk_tables(interner)
    gates = language_gates(words)
    facts = [tok.fact_mask(part, words, tables.lexicon, tables.uncased, gates) for tok, part in zip(toks, ids)]

    def joined(parts: list[np.ndarray], dtype: type) -> np.ndarray:
        return np.concatenate(parts).astype(dtype, copy=False) if parts else np.zeros(0, dtype=dtype)

    prep = Prepared(
        words,
        chars,
        char_offsets,
        joined(ids, np.uint32),
        joined(facts, np.uint8),
        _offsets_of(joined(word_counts, np.int64)),
        joined(shingle_parts, np.uint32),
        _offsets_of(joined(shingle_counts, np.int64)),
    )
    return prep, tables


def _offsets_of(counts: np.ndarray) -> np.ndarray:
    out = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=out[1:])
    return out


def _distinct_per_segment(values: np.ndarray, offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Returns :func:`~nettoyeur.dedup.lsh.sorted_unique_segments` flat: the values, and how many each segment has."""
    counts = np.diff(offsets)
    segment = np.repeat(np.arange(len(counts), dtype=np.uint64), counts)
    codes = sorted_unique((segment << np.uint64(32)) | values.astype(np.uint64))
    per_segment = np.bincount((codes >> np.uint64(32)).astype(np.int64), minlength=len(counts))
    return (codes & np.uint64(0xFFFFFFFF)).astype(np.uint32), per_segment


@dataclass(frozen=True)
class VerifyContext:
    """What the verification tasks read besides their pairs.

    Attributes:
        store: the paragraph texts, by id.
        config: the run's options.
        estimates: compute MinHash estimates for the evidence (more than one signed paragraph).
    """

    store: Any
    config: CleanConfig
    estimates: bool


def _load(ctx: VerifyContext, pids: np.ndarray) -> tuple[Prepared, WordTables]:
    return prepared_chunk(ctx.store.texts(pids), ctx.config.ngram)


def _verify_task(
    ctx: VerifyContext, pairs: np.ndarray
) -> tuple[np.ndarray, np.ndarray, list[tuple[int, Any, tuple[float | None, float, float] | None]]]:
    """Verifies a chunk of candidate pairs ``(a, b)``, ``a < b``.

    Returns:
        :func:`~nettoyeur.dedup.verify.verify_chunk`'s kind codes and conflict flags of the
        pairs, and for each pair that is a copy or a passage, its position in the chunk, its
        Match and, where it is a duplicate, or a passage contained or quoted with ``b`` the
        shorter one, the :func:`_evidence` of removing ``b`` for ``a`` (what the removal will
        most likely be: the first copy is kept), computed while the words are at hand instead
        of being read and tokenised again; None otherwise.
    """
    pids = sorted_unique(pairs.reshape(-1))
    prep, tables = _load(ctx, pids)
    # One call of the native core for the whole chunk: the pairs as positions into the
    # chunk's paragraphs, which are sorted. Its word tables serve the evidence's alignments too.
    local = np.searchsorted(pids, pairs)
    kinds, conflicts, related = verify_chunk(prep, local, ctx.config, tables)
    lengths = np.diff(prep.word_offsets)
    # The related pairs' rows taken at once (one index and one tolist, not two per pair: the
    # list of 30k article paragraphs spent 31 ms of its 3.6 s run here, by cProfile).
    at = np.fromiter((i for i, _ in related), dtype=np.intp, count=len(related))
    rows = pairs[at].tolist()
    local_rows = local[at].tolist()
    likely: list[tuple[int, int]] = []
    for (_, match), (a, b), (pa, pb) in zip(related, rows, local_rows):
        if match.kind == "duplicate" or (match.kind != "different" and lengths[pb] <= lengths[pa]):
            likely.append((b, a))
    evidence = dict(zip(likely, _evidence(prep, pids, likely, ctx.config, ctx.estimates, tables)))
    found = [(i, match, evidence.get((b, a))) for (i, match), (a, b) in zip(related, rows)]
    return kinds, conflicts, found


def _evidence(
    prep: Prepared,
    pids: np.ndarray,
    pairs: list[tuple[int, int]],
    config: CleanConfig,
    estimates: bool,
    tables: WordTables | None = None,
) -> list[tuple[float | None, float, float]]:
    """Returns, per (removed, kept) pair: the MinHash estimate (None without ``estimates``), Jaccard, containment.

    The words matched of all pairs come from one call of the native core
    (:func:`~nettoyeur.dedup.verify.align_pairs`), not a call and word tables per pair: on 300k
    paragraphs of real pages, 7,200 pairs took 1.5 s that way.

    Args:
        prep: the paragraphs of ``pids``, in that order.
        pids: the sorted paragraph ids ``prep`` holds.
        pairs: (removed, kept) paragraph ids among ``pids``.
        config: the run's options.
        estimates: compute MinHash estimates (more than one signed paragraph).
        tables: ``WordTables.of(prep)`` where the caller has them.
    """
    if not pairs:
        return []
    local = np.searchsorted(pids, np.array(pairs, dtype=np.int64).reshape(-1, 2))
    matched = align_pairs(prep, local, tables).tolist()
    words = np.diff(prep.word_offsets).tolist()
    sh = prep.shingle_offsets
    a, b = local[:, 0], local[:, 1]
    sizes = np.diff(sh)
    estimated: list[float | None] = [None] * len(local)
    if estimates:
        signed = sorted_unique(local.reshape(-1))
        signed = signed[sizes[signed] > 0]
        if len(signed):
            flat, lengths = _gathered(prep.shingles, sh, signed)
            sigs = signatures_flat(flat, np.r_[0, np.cumsum(lengths)], config.num_perm, config.seed)
            both = np.flatnonzero((sizes[a] > 0) & (sizes[b] > 0))
            ia, ib = np.searchsorted(signed, a[both]), np.searchsorted(signed, b[both])
            # minhash.estimate_jaccard of each pair: the share of equal slots.
            shares = np.count_nonzero(sigs[ia] == sigs[ib], axis=1) / sigs.shape[1]
            for k, share in zip(both.tolist(), shares.tolist()):
                estimated[k] = share
    jaccards = _jaccards(prep.shingles, sh, a, b).tolist()
    return [
        (est, jac, m / words[p] if words[p] else 1.0)
        for est, jac, m, p in zip(estimated, jaccards, matched, a.tolist())
    ]


def _jaccards(values: np.ndarray, offsets: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """:func:`~nettoyeur.dedup.verify.jaccard` of each pair of segments ``a[k]``, ``b[k]`` of ``values``, at once.

    The segments are sorted distinct hashes: tagged with their pair (``k << 32 | value``), the
    values the two segments of a pair share are the equal neighbours of one sort. On 300k
    paragraphs of real pages (6,912 pairs), :func:`_evidence` took 0.073-0.079 CPU-s with
    ``verify.jaccard`` and ``estimate_jaccard`` a pair at a time, 0.061-0.069 so.
    """
    k = len(a)
    flat, lengths = _gathered(values, offsets, np.concatenate([a, b]))
    owner = np.repeat(np.concatenate([np.arange(k), np.arange(k)]).astype(np.uint64), lengths)
    codes = owner << np.uint64(32) | flat.astype(np.uint64)
    codes.sort()
    shared = (codes[1:] >> np.uint64(32))[codes[1:] == codes[:-1]].astype(np.int64)
    inter = np.bincount(shared, minlength=k)
    union = lengths[:k] + lengths[k:] - inter
    out = np.ones(k, dtype=np.float64)
    some = union > 0
    out[some] = inter[some] / union[some]
    return out


def _gathered(values: np.ndarray, offsets: np.ndarray, segments: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The segments ``values[offsets[s]:offsets[s + 1]]`` of ``segments`` one after the other, and their lengths."""
    starts = offsets[segments]
    lengths = offsets[segments + 1] - starts
    first = np.cumsum(lengths) - lengths
    return values[np.repeat(starts - first, lengths) + np.arange(int(lengths.sum()))], lengths


def _evidence_task(ctx: VerifyContext, pairs: np.ndarray) -> list[tuple[float | None, float, float]]:
    """Returns the :func:`_evidence` of each (removed, kept) pair."""
    pids = sorted_unique(pairs.reshape(-1))
    prep, tables = _load(ctx, pids)
    return _evidence(prep, pids, pairs.tolist(), ctx.config, ctx.estimates, tables)


def _chunks(pairs: np.ndarray, size: int = PAIRS_PER_TASK) -> list[np.ndarray]:
    # Views (of a file mapping too, see _spilled): a chunk's pairs are read when its task is sent.
    return [np.asarray(pairs[i : i + size]) for i in range(0, len(pairs), size)]


def _stream(
    fn: Callable, pairs: np.ndarray, workers: int, ctx: VerifyContext, executor: Any = None
) -> Iterator[tuple[np.ndarray, list[Any]]]:
    """Runs ``fn`` over chunks of ``pairs`` on workers; yields each chunk with its results, in order."""
    chunks = _chunks(pairs)
    if executor is not None:
        parts = executor.map(fn, chunks, ctx, jobs=len(chunks))
    else:
        parts = process_pool.ordered_map(fn, chunks, workers if len(chunks) > 1 else 1, ctx)
    yield from zip(chunks, parts)


# Candidate pairs kept in memory at most (16 bytes each, 64 MiB); more are written to a
# temporary file and read back chunk by chunk as the workers verify them.
PAIRS_IN_MEMORY = 1 << 22


def short_copies_alone(
    pairs: np.ndarray,
    n_words: np.ndarray,
    doc_of: np.ndarray,
    min_words: int,
    others: np.ndarray,
    kept: np.ndarray | None = None,
) -> np.ndarray:
    """Finds the pairs of short paragraphs that no neighbour backs (see ``min_lone_copy_words``).

    A line of a few words that recurs is a copy only when the copying goes on around it:
    the title of a republished article stands next to the article's body, which is a copy
    too, and a block repeated at the end of a page repeats its short lines with its long
    ones; "1", "Australia", "Yes" or a table's "25" that two pages, or two rows of one
    table, share stand among lines that are not copies. A short pair ``(a, b)`` is backed
    when a neighbour of ``a`` (the paragraph before or after it in its document) pairs
    with a neighbour of ``b``: the two lines recur with the same neighbours. Two copies
    side by side do not back each other.

    Judged in numpy: each short pair's four neighbour pairs looked up among ``others`` at once
    (the pair-by-pair reading it replaced is the tests' oracle, ``tests/short_copies_reference.py``).
    On 300k paragraphs of real pages (``benchmarks/real_corpus.py``; 38,000 duplicate pairs)
    0.015 CPU-s instead of 0.12 (decide, one process).

    Args:
        pairs: ``(m, 2)`` duplicate pairs to judge.
        n_words: words of each paragraph.
        doc_of: the document of each paragraph (paragraph ids are corpus order).
        min_words: pairs whose longer side has this many words or more are never alone.
        others: ``(k, 2)`` every duplicate pair (the evidence: ``pairs`` among them).
        kept: the sorted ids of the paragraphs that stay: a neighbour is then the nearest of
            them in the document, as the output reads (:func:`_backed_in_the_output`); None:
            the paragraph before or after.

    Returns:
        a boolean mask over ``pairs``: True for a short pair with no backing.
    """
    alone = np.zeros(len(pairs), dtype=bool)
    if not len(pairs) or not min_words:
        return alone
    a, b = pairs[:, 0], pairs[:, 1]
    short = np.maximum(n_words[a], n_words[b]) < min_words
    if not short.any():
        return alone
    n = len(doc_of)
    x, y = a[short].astype(np.int64), b[short].astype(np.int64)
    known = sorted_unique(_unordered(others[:, 0].astype(np.int64), others[:, 1].astype(np.int64), n))
    backed = np.zeros(len(x), dtype=bool)
    for q, q_beside in _beside(x, y, doc_of, kept):
        for r, r_beside in _beside(y, x, doc_of, kept):
            key = _unordered(q, r, n)
            at = np.minimum(np.searchsorted(known, key), max(len(known) - 1, 0))
            backed |= q_beside & r_beside & (known[at] == key if len(known) else False)
    alone[short] = ~backed
    return alone


def _beside(
    p: np.ndarray, other: np.ndarray, doc_of: np.ndarray, kept: np.ndarray | None = None
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Yields, before then after each of ``p``, the neighbour (clipped into range) and whether it counts.

    The neighbour is the next paragraph, or with ``kept`` (sorted ids) the nearest of those.
    It counts when it is in the corpus and in the document of its paragraph, and is not
    ``other`` (the paragraph's copy: two copies side by side do not back each other).
    """
    n = len(doc_of)
    for side, step in (("left", -1), ("right", 1)):
        if kept is None:
            q = p + step
            inside = (q >= 0) & (q < n)
            q = np.clip(q, 0, n - 1)
        else:
            at = np.searchsorted(kept, p, side=side) + min(step, 0)
            inside = (at >= 0) & (at < len(kept))
            q = kept[np.clip(at, 0, len(kept) - 1)] if len(kept) else p
        yield q, inside & (doc_of[q] == doc_of[p]) & (q != other)


def _unordered(a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
    """Returns one uint64 code per pair ``{a, b}`` of ids below ``n``, whatever their order."""
    lo, hi = np.minimum(a, b).astype(np.uint64), np.maximum(a, b).astype(np.uint64)
    return lo * np.uint64(n) + hi


def local_short_copies(exact: np.ndarray, group: np.ndarray, doc_of: np.ndarray, alone: np.ndarray) -> np.ndarray:
    """Links the exact copies that :func:`short_copies_alone` found alone to their own document's first copy.

    Such a copy is linked to the first copy of its group in its own document instead of
    the group's first copy in the corpus; the first copy in each document is linked to
    nothing, so it stays.

    Args:
        exact: ``(root, copy)`` pairs of the exact-key step (root: the group's first copy).
        group: per paragraph, the id of its group's first copy.
        doc_of: the document of each paragraph.
        alone: the mask over ``exact`` of the pairs to re-link.

    Returns:
        the ``(first copy in the document, copy)`` pairs that replace the pairs ``alone`` marks.
    """
    if not alone.any():
        return np.empty((0, 2), dtype=exact.dtype)
    copies = exact[alone, 1]
    members = np.concatenate([copies, np.unique(exact[alone, 0])])
    # The first member of each (group, document) in corpus order: ids are corpus order.
    order = np.lexsort((members, doc_of[members], group[members]))
    members = members[order]
    keys = np.stack([group[members], doc_of[members]], axis=1)
    starts = np.ones(len(members), dtype=bool)
    starts[1:] = np.any(keys[1:] != keys[:-1], axis=1)
    first = members[np.flatnonzero(starts)[np.cumsum(starts) - 1]]
    return np.stack([first, members], axis=1)[~starts]


# A line of at most this many words that a paragraph of its own document holds may be a
# heading (above its body, or under the breadcrumb or teaser line that names it): headlines
# and section titles rarely run past 15 words; the cut copies that republishers leave are longer.
HEADING_WORDS = 15


def is_heading(text: str) -> bool:
    """Returns True when a short line reads as a heading: it does not end a sentence or a cut ("." or "…").

    A heading above the paragraph that restates it ("Harbour bridge reopens" above "The
    harbour bridge reopens on Tuesday after …") is kept and reported, not removed as a cut
    copy: the document needs it. A line that ends with a full stop or an ellipsis is a
    sentence or a teaser, and goes as a cut copy.
    """
    return not text.rstrip().endswith(_CUT_ENDS)


# The ends of a sentence or of a cut: a full stop, an ellipsis, or an ellipsis in brackets
# ("Black Friday deals are live, including […]": a teaser's cut, as feeds write it).
_CUT_ENDS = (".", "…", "...", "。", "[...]", "[…]", "(...)", "(…)")


def lone_titles(
    contained: np.ndarray,
    n_words: np.ndarray,
    doc_of: np.ndarray,
    texts: Callable[[np.ndarray], list[str]],
    others: np.ndarray,
) -> np.ndarray:
    """Finds the titles inside a line of another document that no neighbour backs (:func:`short_copies_alone`).

    A title (a line of at most :data:`HEADING_WORDS` words that :func:`is_heading` reads as one)
    inside a longer line of another document is a cut copy of it when the copying goes on
    around it: a republished article's title stands above its copied body. Alone, the longer
    line is most often that site's link to the article ("« Previous post OTHER Next post »
    TITLE", a teaser list's "TOPIC 7:00 PM 0 TITLE", "TITLE (8 hours ago)") or a paragraph
    that names it ("read the first part, TITLE, ..."), and the title, not that link, is the
    article's: both stay (eval-pages-dev: 18 article titles, 196 words, were removed so, the
    link kept). A sentence or a teaser cut (ending with "." or an ellipsis) goes as before.
    Duplicate pairs of titles are not judged so: the synthetic corpus's republished titles
    stand alone as often (eval-dev: 16 of its 689 copies were kept so, recall 0.993 -> 0.970).

    Args:
        contained: ``(m, 2)`` ``(inner, outer)`` containment pairs.
        n_words: words of each paragraph.
        doc_of: the document of each paragraph.
        texts: the texts of paragraph ids (read for the short inner lines across documents only).
        others: ``(k, 2)`` the pairs that back (the evidence).

    Returns:
        a boolean mask over ``contained``: True for a title inside a line of another document with no backing.
    """
    alone = np.zeros(len(contained), dtype=bool)
    if not len(contained):
        return alone
    inner, outer = contained[:, 0], contained[:, 1]
    maybe = np.flatnonzero((n_words[inner] <= HEADING_WORDS) & (doc_of[inner] != doc_of[outer]))
    if not len(maybe):
        return alone
    ids = np.unique(inner[maybe])
    heading = np.zeros(len(n_words), dtype=bool)
    heading[ids] = [is_heading(t) for t in texts(ids)]
    titles = maybe[heading[inner[maybe]]]
    if len(titles):
        # Every such pair counts as short, however long its outer line: backing makes it a copy.
        alone[titles] = short_copies_alone(contained[titles], n_words, doc_of, int(n_words.max()) + 1, others)
    return alone


def _without_lone_contained_titles(
    verdicts: _Verdicts,
    n_words: np.ndarray,
    doc_of: np.ndarray,
    texts: Callable[[np.ndarray], list[str]],
    stats: DedupStats,
) -> tuple[list[tuple[int, int]], np.ndarray]:
    """The containment pairs less the lone titles inside a line of another document (:func:`lone_titles`), and those.

    Returns:
        the pairs that stay, and the lone titles' pairs (int64 ``(m, 2)``).
    """
    contained = np.array(verdicts.contained, dtype=np.int64).reshape(-1, 2)
    if not len(contained):
        return verdicts.contained, contained
    others = np.concatenate([verdicts.duplicates.astype(np.int64).reshape(-1, 2), contained])
    alone = lone_titles(contained, n_words, doc_of, texts, others)
    stats.short_copies_alone += int(np.count_nonzero(alone))
    return [pair for pair, lone in zip(verdicts.contained, alone.tolist()) if not lone], contained[alone]


def _without_lone_short_copies(
    duplicates: np.ndarray,
    n_exact: int,
    group: np.ndarray,
    n_words: np.ndarray,
    doc_of: np.ndarray,
    min_words: int,
    stats: DedupStats,
) -> tuple[np.ndarray, np.ndarray]:
    """Drops the short pairs that no neighbour backs; re-links such exact copies within their document.

    ``duplicates`` (int64 ``(k, 2)``) holds the ``n_exact`` exact pairs first, then the verified ones.

    Returns:
        the pairs that stay, and the pairs dropped (those alone, re-linked ones among them).
    """
    every = duplicates
    alone = short_copies_alone(every, n_words, doc_of, min_words, every)
    if not alone.any():
        return duplicates, duplicates[:0]
    # An exact copy alone against its group's first copy elsewhere may still be backed against
    # an earlier copy in its own document (a repeated block): judged again, linked there.
    across = alone[:n_exact] & (doc_of[every[:n_exact, 0]] != doc_of[every[:n_exact, 1]])
    local = local_short_copies(every[:n_exact], group, doc_of, across)
    local_alone = short_copies_alone(local, n_words, doc_of, min_words, np.concatenate([every, local]))
    stats.short_copies_alone = int(np.count_nonzero(alone))
    return np.concatenate([every[~alone], local[~local_alone]]), np.concatenate([every[alone], local[local_alone]])


def conflicts_within_clusters(
    conflicts: np.ndarray, duplicates: np.ndarray, contained: np.ndarray | None = None
) -> np.ndarray:
    """Returns the conflict pairs whose two paragraphs a chain of duplicate or containment pairs joins.

    A conflict only ever stops two clusters from merging, or one from going inside another
    (:func:`~nettoyeur.dedup.cluster.choose_keepers`), and both follow duplicate and
    containment pairs: two paragraphs that no chain of them joins never meet, conflict or
    not, so ``choose_keepers`` and the executor's ``clusters`` decide the same without their
    pair. In a corpus of short lines from a small vocabulary nearly every verified pair is
    such a conflict between paragraphs that have no copy at all (452,470 of 564,411 pairs
    for 100,000 one-line files, ``benchmarks/small_vocab.py``), and clustering them cost the
    driver a table of every paragraph.

    Args:
        conflicts: int64 ``(c, 2)`` pairs found to state different things.
        duplicates: int64 ``(k, 2)`` duplicate pairs (either order).
        contained: int64 ``(m, 2)`` ``(inner, outer)`` pairs (None: none).

    Returns:
        the rows of ``conflicts`` whose two ends are in one connected component of
        ``duplicates`` and ``contained``, in their order.
    """
    if len(conflicts) == 0 or len(duplicates) + (0 if contained is None else len(contained)) == 0:
        return conflicts[:0]
    label = component_labels(duplicates, contained)
    return conflicts[label(conflicts[:, 0]) == label(conflicts[:, 1])]


def component_labels(duplicates: np.ndarray, contained: np.ndarray | None = None) -> Callable[[np.ndarray], np.ndarray]:
    """Returns a function that gives paragraphs (int64) the label of their connected component.

    Components of the ``duplicates`` and ``contained`` pairs (int64 ``(k, 2)``, either may be
    empty); a paragraph in none of them is its own component, labelled ``-1 - pid``.
    """
    if contained is not None and len(contained):
        duplicates = np.concatenate([duplicates.reshape(-1, 2), contained.astype(np.int64).reshape(-1, 2)])
    ids = sorted_unique(duplicates.reshape(-1))
    labels = components(len(ids), np.searchsorted(ids, duplicates))

    def label(pids: np.ndarray) -> np.ndarray:
        if not len(ids):
            return -1 - pids
        at = np.minimum(np.searchsorted(ids, pids), len(ids) - 1)
        return np.where(ids[at] == pids, labels[at], -1 - pids)  # a paragraph without copies: its own

    return label


def _spilled(pairs: np.ndarray) -> np.ndarray:
    """Returns ``pairs``, mapped from a temporary file when there are more than :data:`PAIRS_IN_MEMORY`.

    Raises:
        OSError: the temporary folder cannot be written.
    """
    if len(pairs) <= PAIRS_IN_MEMORY:
        return pairs
    with tempfile.TemporaryFile(prefix="nettoyeur-pairs-") as handle:
        pairs = np.ascontiguousarray(pairs, dtype=np.int64)
        pairs.tofile(handle)
        handle.flush()
        # The mapping outlives the file's name (an unnamed temporary file): the pages are
        # the kernel's to drop, so the pairs leave this process's memory.
        return np.memmap(handle, dtype=np.int64, mode="r", shape=pairs.shape)


@dataclass
class Decision:
    """The removals decided by the dedup stage, as parallel lists sorted by paragraph id.

    Attributes:
        pid: the removed paragraphs.
        target: the kept paragraph each one duplicates or lies in.
        reason: ``duplicate`` or ``contained``.
        evidence: per removal ``(estimated, jaccard, containment)``.
        reported: paragraphs that are kept but reported, ``(pid, target, reason,
            evidence)``: the contained ones under ``containment="report"`` (reason
            ``contained``), then the quoted ones (reason ``quoted``: a passage inside a
            longer paragraph that is not a cut copy of it), each in paragraph id order.
        stats: the stage's counts.
        keep: the ``--keep`` rule that chose the kept copies.
    """

    pid: list[int] = field(default_factory=list)
    target: list[int] = field(default_factory=list)
    reason: list[str] = field(default_factory=list)
    evidence: list[tuple[float | None, float, float]] = field(default_factory=list)
    reported: list[tuple[int, int, str, tuple[float | None, float, float]]] = field(default_factory=list)
    stats: DedupStats = field(default_factory=DedupStats)
    keep: str = "first"

    def targets(self) -> set[int]:
        """Returns the ids of every kept paragraph that a removal or report points at."""
        return set(self.target) | {r[1] for r in self.reported}


def decide(
    analysis: Analysis,
    config: CleanConfig,
    store: TextStore,
    workers: int = 1,
    executor: Any = None,
    progress: bool = False,
    rank: np.ndarray | None = None,
    doc_of: np.ndarray | None = None,
) -> Decision:
    """Finds, verifies and clusters near duplicates; decides which paragraphs go.

    Args:
        analysis: every paragraph to deduplicate, in corpus order (ids are positions).
        config: the options.
        store: the paragraphs' texts, read for candidate pairs only.
        workers: processes verifying pairs (without ``executor``).
        executor: where candidates, verification and large clusters run (a
            :class:`nettoyeur.executors.base.Executor`); None: here and on ``workers`` processes.
        rank: per paragraph, its ``--keep`` rank (:func:`nettoyeur.dedup.keep.paragraph_ranks`);
            None keeps the first copy in corpus order.
        progress: show a progress bar of the verification (on standard error).
        doc_of: per paragraph, its document: a paragraph shorter than
            ``config.min_lone_copy_words`` is then a copy only with a neighbour that recurs
            beside the other copy, and a heading that another paragraph of its document
            holds (its body, a breadcrumb) stays. None: neither rule (every copy counts).

    Returns:
        the :class:`Decision`. The analysis' exact and masked keys are dropped once the
        groups and families are known, its band keys and anchors, most of its memory, once
        the candidates are found.
    """
    stats = DedupStats()
    n = stats.paragraphs = len(analysis)
    stats.bands, stats.rows = config.bands_rows
    group = exact_groups(analysis)
    copies = np.flatnonzero(group != np.arange(n))
    exact = np.stack([group[copies], copies], axis=1)
    stats.exact_pairs = len(exact)
    settled = families(analysis, group)
    # The exact and masked keys (32 bytes a paragraph) are read by the groups and families
    # alone: dropped before the candidates, whose merge is the peak of a large clean.
    analysis.exact = np.empty((0, 2), dtype=np.uint64)
    analysis.masked = np.empty((0, 2), dtype=np.uint64)
    signed, pairs = _candidates(analysis, group, settled, config, executor, stats, progress)
    # The band keys and anchors are most of the analysis and are not needed any more.
    has_shingles = np.zeros(n, dtype=bool)
    has_shingles[analysis.signed] = True
    analysis.band_keys = np.empty((0, analysis.band_keys.shape[1]), dtype=np.uint64)
    analysis.anchor_keys = np.empty(0, dtype=np.uint32)
    analysis.anchor_owner = np.empty(0, dtype=np.int32)
    analysis.anchor_parts = None
    stats.signed = len(signed)
    ctx = VerifyContext(store, config, estimates=len(signed) > 1)
    # The candidates' temporaries are freed: hand their heap back before the workers are forked,
    # or its pages count in every worker too.
    process_pool.trim_memory()
    verdicts = _verify(pairs, exact, analysis.n_words, doc_of, ctx, workers, executor, stats, progress)
    del pairs
    lone = None
    if doc_of is not None and config.min_lone_copy_words:
        verdicts.duplicates, lone_copies = _without_lone_short_copies(
            verdicts.duplicates, len(exact), group, analysis.n_words, doc_of, config.min_lone_copy_words, stats
        )
        n_words = analysis.n_words
        verdicts.contained, titles = _without_lone_contained_titles(verdicts, n_words, doc_of, store.texts, stats)
        lone = _Lone(lone_copies, titles, n_words, doc_of, config.min_lone_copy_words)

    def chosen() -> _Chosen:
        conflicting = lambda links: _conflicting(links, ctx, workers, executor)  # noqa: E731
        return _keepers_chains_checked(verdicts, group, conflicting, settled, rank, executor, stats)

    removals = chosen() if lone is None else _backed_in_the_output(verdicts, lone, chosen, config.containment, stats)
    decision = Decision(stats=stats, keep=config.keep)
    if removals.pids:
        _add_evidence(decision, removals, group, has_shingles, verdicts.known, ctx, workers, executor)
    return decision


def _candidates(
    analysis: Analysis,
    group: np.ndarray,
    settled: tuple[np.ndarray, np.ndarray],
    config: CleanConfig,
    executor: Any,
    stats: DedupStats,
    progress: bool,
) -> tuple[np.ndarray, np.ndarray]:
    """The candidate pairs to verify: LSH bands and anchors, less the pairs families settle, bounded per paragraph.

    Returns:
        ``(signed, pairs)``: the signed paragraphs, and the pairs to verify (mapped from a
        temporary file past :data:`PAIRS_IN_MEMORY`).
    """
    family, variant = settled
    anchors = config.containment != "off"
    # The candidates take seconds past a few hundred thousand paragraphs (4.5 s for 300,000
    # templated ones in one process), before the verification's bar: a line names the step.
    found_bar = tqdm(desc="candidates", unit="pair", disable=not progress)
    # An executor may find them its own way (Ray: by key partition, the keys left on the
    # cluster); else here, band by band and anchor part by anchor part on its workers.
    counted = getattr(executor, "counted_candidate_pairs", None)
    if counted is not None:
        found = counted(analysis, group, anchors, settled=settled)
    else:
        found = counted_candidate_pairs(analysis, group, anchors, _mapper(executor), settled)
    signed, agreement, shared_anchors = found.signed, found.agreement, found.shared
    pairs, stats.implied = found.pairs, found.implied
    del found
    bounded = bound_candidates(pairs, agreement, shared_anchors, family, variant)
    stats.candidates = len(pairs) - bounded.implied
    stats.implied += bounded.implied
    stats.beyond = bounded.beyond
    del pairs, agreement, shared_anchors
    pairs = _spilled(in_locality_order(bounded.pairs))
    stats.verified = len(pairs)
    del bounded
    found_bar.update(stats.candidates)
    found_bar.close()
    return signed, pairs


def in_locality_order(pairs: np.ndarray) -> np.ndarray:
    """Returns the candidate pairs reordered so that pairs sharing paragraphs are verified in one chunk.

    Each task of verification reads and tokenises the paragraphs of its chunk of pairs; in
    corpus order a chunk's second ends are scattered, while near copies come in neighbourhoods
    (a paragraph, its copies, their copies). The order is the native core's
    (``native/src/pair_order.rs``: breadth first over the graph of pairs). Nothing else changes:
    each pair is verified alone, and the clusters, containment and evidence made of the verdicts
    do not depend on their order. On 300k paragraphs of real pages (``benchmarks/real_corpus.py``)
    the chunks read 55,100 paragraphs instead of 76,252 (40,659 distinct), on the synthetic
    benchmark corpus 11,800 instead of 20,996 (10,861 distinct). Past :data:`PAIRS_IN_MEMORY`
    pairs they stay in their order (the ordering's tables hold ~64 bytes a pair).
    """
    if len(pairs) > PAIRS_IN_MEMORY or len(pairs) < 2:
        return pairs
    return pairs[locality_order(np.ascontiguousarray(pairs, dtype=np.int64).reshape(-1))]


def _mapper(executor: Any) -> Mapper | None:
    """Runs the candidate step's band and anchor-part tasks on the executor's workers (None: here)."""
    if executor is None or executor.workers <= 1:
        return None
    return lambda fn, tasks, context: executor.map(fn, tasks, context, jobs=len(tasks))


@dataclass
class _Verdicts:
    """What verification found, kept as it comes: only the pairs that matter, never one result per candidate.

    Attributes:
        known: the evidence of removing ``b`` for ``a``, by ``(b, a)``, where verification foresaw it.
        duplicates: int64 ``(k, 2)`` duplicate pairs (the exact pairs first).
        contained: ``(inner, outer)`` pairs: a cut copy inside a longer paragraph.
        quoted: ``(inner, outer)`` pairs: a passage quoted in a longer paragraph.
        conflicts: int64 ``(c, 2)`` pairs that state different things.
    """

    known: dict[tuple[int, int], tuple[float | None, float, float]]
    duplicates: np.ndarray
    contained: list[tuple[int, int]] = field(default_factory=list)
    quoted: list[tuple[int, int]] = field(default_factory=list)
    conflicts: np.ndarray = field(default_factory=lambda: np.empty((0, 2), dtype=np.int64))


def _verify(
    pairs: np.ndarray,
    exact: np.ndarray,
    n_words: np.ndarray,
    doc_of: np.ndarray | None,
    ctx: VerifyContext,
    workers: int,
    executor: Any,
    stats: DedupStats,
    progress: bool,
) -> _Verdicts:
    """Verifies the candidate pairs, chunk by chunk as they come (in pair order, whatever the worker count).

    A short paragraph contained in a longer one of its own document is a heading its body
    restates (quoted) or a cut copy (contained), as :func:`is_heading` says, whichever comes
    first: a title under the breadcrumb or the teaser that holds it ("Home > News > TITLE",
    "TITLE by NAME" above "TITLE") is the document's heading, not a cut copy of that line
    (eval-pages-dev: 28 such lines, 335 words, were removed, the line holding them kept).
    """
    found = _Verdicts(known={}, duplicates=exact)
    verified: list[tuple[int, int]] = []  # the duplicate pairs verification finds, after the exact ones
    conflict_chunks: list[np.ndarray] = []  # int64 (k, 2) a chunk: 16 bytes a conflict, not a tuple's ~110
    above: list[tuple[int, int]] = []
    with tqdm(total=len(pairs), desc="decide", unit="pair", disable=not progress) as bar:
        for chunk, (kinds, conflicts, related) in _stream(_verify_task, pairs, workers, ctx, executor):
            if conflicts.any():
                conflict_chunks.append(np.asarray(chunk, dtype=np.int64)[conflicts])
            stats.rejected += int(np.count_nonzero((kinds == 0) | (kinds == KINDS.index("different"))))
            for i, match, ev in related:
                a, b = chunk[i].tolist()
                if ev is not None:  # the evidence of removing b for a, which verification foresaw
                    found.known[(b, a)] = ev
                if match.kind == "duplicate":
                    verified.append((a, b))
                    stats.verified_duplicates += 1
                    continue
                inner, outer = (a, b) if n_words[a] < n_words[b] or (n_words[a] == n_words[b] and a > b) else (b, a)
                local = doc_of is not None and doc_of[inner] == doc_of[outer]
                if match.kind == "contained" and local and n_words[inner] <= HEADING_WORDS:
                    above.append((inner, outer))  # a heading its document restates, or a cut copy: see below
                elif match.kind == "contained":
                    found.contained.append((inner, outer))
                    stats.verified_contained += 1
                else:
                    found.quoted.append((inner, outer))
            bar.update(len(chunk))
    found.duplicates = np.concatenate([exact.astype(np.int64), np.array(verified, dtype=np.int64).reshape(-1, 2)])
    found.conflicts = np.concatenate([np.empty((0, 2), dtype=np.int64), *conflict_chunks])
    del conflict_chunks
    stats.conflicts = len(found.conflicts)
    if above:
        texts = ctx.store.texts(np.array([inner for inner, _ in above], dtype=np.int64))
        for pair, text in zip(above, texts):
            heading = is_heading(text)
            (found.quoted if heading else found.contained).append(pair)
            stats.verified_contained += not heading
    return found


def _conflicting(links: np.ndarray, ctx: VerifyContext, workers: int, executor: Any) -> np.ndarray:
    """Verifies ``links`` (int64 ``(k, 2)``, ``a < b``) as candidates are; returns the rows found to conflict."""
    flags = [conflicts for _, (_, conflicts, _) in _stream(_verify_task, links, workers, ctx, executor)]
    return links[np.concatenate([np.zeros(0, dtype=bool), *flags])]


def unchecked_links(
    pids: np.ndarray, targets: np.ndarray, duplicates: np.ndarray, group: np.ndarray, checked: np.ndarray
) -> np.ndarray:
    """Returns the (removed, kept) pairs of a clustering that no verification compared directly.

    A pair stands for its exact groups' representatives (the paragraphs verification reads),
    ``(a, b)`` with ``a < b``, sorted and distinct; a pair in one exact group, one that a duplicate
    pair joins directly, or one in ``checked`` (the pairs verified so before) is none.

    Args:
        pids: the paragraphs removed as duplicates (int64).
        targets: the kept paragraph each one points at (int64).
        duplicates: int64 ``(k, 2)`` duplicate pairs (either order).
        group: per paragraph, its exact group's representative.
        checked: int64 ``(c, 2)`` representative pairs, ``a < b``, already verified.
    """
    links = np.sort(np.stack([group[pids], group[targets]], axis=1).reshape(-1, 2), axis=1)
    links = links[links[:, 0] != links[:, 1]]
    if not len(links):
        return links
    direct = np.sort(group[np.asarray(duplicates, dtype=np.int64).reshape(-1, 2)], axis=1)
    n = np.int64(len(group))
    key = links[:, 0] * n + links[:, 1]
    known = np.concatenate([direct[:, 0] * n + direct[:, 1], checked[:, 0] * n + checked[:, 1]])
    key = np.unique(key[~np.isin(key, known)])
    return np.stack([key // n, key % n], axis=1)


def _keepers_chains_checked(
    found: _Verdicts,
    group: np.ndarray,
    conflicting: Callable[[np.ndarray], np.ndarray],
    settled: tuple[np.ndarray, np.ndarray],
    rank: np.ndarray | None,
    executor: Any,
    stats: DedupStats,
) -> _Chosen:
    """Clusters the verdicts and chooses the kept copies, each removal through a chain verified against its kept copy.

    A cluster is a chain of duplicate pairs: "NAME1 on TITLE" and "NAME2 on TITLE" are each a
    near copy of "TITLE", but never a candidate pair, so the fact that tells them apart is
    unknown to the clustering, and one went for the other (eval-pages-dev: 1 line). Each
    removed paragraph is then verified against its kept copy where no duplicate pair joins
    them directly; the conflicts found join ``found.conflicts`` and the clusters are made again,
    until a clustering brings no new conflict (the links verified are remembered: each round
    verifies pairs never verified before, so it ends); only the components of the conflicts
    found are clustered again. Only the links of chains are read: the synthetic benchmark
    corpus (300,000 paragraphs) has none (0.002 CPU-s to find that); 300k paragraphs of real
    pages (``benchmarks/real_corpus.py``) 16 in two rounds, 2 of them conflicts (a copy of
    "NAME2 on TITLE" each, now kept), for 0.033 CPU-s in all (decide: ~1.3 s), half of it
    finding the links and the components, not verifying.

    Args:
        found: the verdicts; its ``conflicts`` grow by the conflicts found.
        group: per paragraph, its exact group's representative.
        conflicting: verifies int64 ``(k, 2)`` pairs ``a < b``, returns the rows that conflict.
        settled: the families and variants of the paragraphs (:func:`~nettoyeur.dedup.analysis.families`).
        rank: the ``--keep`` ranks, or None.
        executor: the executor, or None.
        stats: the stage's counts (``conflicts`` and ``chain_links`` grow).

    Returns:
        the removals (``duplicate``, ``contained``), then the quoted paragraphs to report,
        each with the kept paragraph it points at.
    """
    contained = np.array(found.contained, dtype=np.int64).reshape(-1, 2)
    pids, targets, inside = _clusters(found.duplicates, contained, found.conflicts, group, settled, rank, executor)
    checked = np.empty((0, 2), dtype=np.int64)
    label = None
    while True:
        links = unchecked_links(pids[~inside], targets[~inside], found.duplicates, group, checked)
        if not len(links):
            break
        stats.chain_links += len(links)
        checked = np.concatenate([checked, links])
        new = conflicting(links)
        if not len(new):
            break
        found.conflicts = np.concatenate([found.conflicts, new])
        stats.conflicts += len(new)
        # Only the components (of duplicate and containment pairs) of the new conflicts can
        # change: they alone are clustered again (a clustering of every verdict is ~0.035 CPU-s
        # at 300k real paragraphs, the components of a few links a fraction of that).
        label = label or component_labels(found.duplicates, contained)
        touched = np.unique(label(new[:, 0]))
        edges = [e[np.isin(label(e[:, 0]), touched)] for e in (found.duplicates, contained, found.conflicts)]
        again = _clusters(*edges, group, settled, rank, executor)
        kept = ~np.isin(label(pids), touched)
        order = np.argsort(np.concatenate([pids[kept], again[0]]), kind="stable")
        pids, targets, inside = (
            np.concatenate([was[kept], part])[order] for was, part in zip((pids, targets, inside), again)
        )
    return _with_quoted(pids, targets, inside, found.quoted, stats)


@dataclass
class _Lone:
    """The pairs that no neighbour backed (:func:`short_copies_alone`), to judge again as the output reads.

    Attributes:
        copies: int64 ``(k, 2)`` short duplicate pairs (re-linked exact copies among them).
        titles: int64 ``(m, 2)`` ``(inner, outer)`` titles inside a line of another document (:func:`lone_titles`).
        n_words: words of each paragraph.
        doc_of: the document of each paragraph.
        min_words: ``config.min_lone_copy_words``.
    """

    copies: np.ndarray
    titles: np.ndarray
    n_words: np.ndarray
    doc_of: np.ndarray
    min_words: int

    def backed(self, pairs: np.ndarray, others: np.ndarray, min_words: int, stays: np.ndarray) -> np.ndarray:
        """Returns a mask over ``pairs``: both ends stay and neighbours that stay (``stays``, by id) back them."""
        both = stays[pairs[:, 0]] & stays[pairs[:, 1]]
        out = np.zeros(len(pairs), dtype=bool)
        if both.any():
            kept = np.flatnonzero(stays)
            out[both] = ~short_copies_alone(pairs[both], self.n_words, self.doc_of, min_words, others, kept)
        return out


def _backed_in_the_output(
    verdicts: _Verdicts, lone: _Lone, chosen: Callable[[], _Chosen], containment: str, stats: DedupStats
) -> _Chosen:
    """Chooses the kept copies; the lone short pairs judged again beside what stays, until none is backed.

    Cleaning the output again must remove nothing, and the second clean reads a short pair's
    neighbours in the output: a short line alone in the input can stand beside its copy's
    neighbour once the copies between them are removed ("S", "T" in one document, "S", L, "T"
    in another, L a long copy of an earlier line: each alone in the input, where L stands
    beside them, and "S" above "T" in both outputs). So each lone pair whose two ends stay is
    judged again with, as its neighbours, the nearest paragraphs of its document that stay;
    a pair so backed is a copy, the kept copies are chosen again, and so on until no pair is
    backed (each round takes pairs from the lone ones: it ends). Removing them is what the
    second clean would do. Judged with the input's neighbours only, a random search over the
    laws' corpora found 10 in about 700 whose second clean removed such lines (the last cases of
    ``tests/data/short_copies.json``), and on eval-pages-dev 6 questions of an FAQ whose answers
    between them were copies.

    Cost: a round reads the lone pairs' neighbours (:func:`short_copies_alone`), and a round that
    backs some clusters the verdicts again. On 300k paragraphs of the synthetic benchmark corpus
    (1,730 lone pairs, none backed) 0.004 CPU-s; on eval-pages-dev (7,277 lone pairs, 6 backed in
    one round) 0.03 CPU-s, half of it the second clustering (decide: ~0.9 s).

    Args:
        verdicts: the verdicts; the pairs found backed join its duplicates and containment pairs.
        lone: the pairs no neighbour of the input backed; the pairs found backed leave it.
        chosen: clusters the verdicts and chooses the kept copies (:func:`_keepers_chains_checked`).
        containment: ``config.containment`` (``report``: a contained paragraph stays).
        stats: the stage's counts (``short_copies_alone`` falls by the pairs found backed).
    """
    removals = chosen()
    goes = ("duplicate",) if containment == "report" else ("duplicate", "contained")
    while len(lone.copies) or len(lone.titles):
        stays = np.ones(len(lone.doc_of), dtype=bool)
        stays[[pid for pid, reason in zip(removals.pids, removals.reasons) if reason in goes]] = False
        contained = np.array(verdicts.contained, dtype=np.int64).reshape(-1, 2)
        copies = lone.backed(lone.copies, np.concatenate([verdicts.duplicates, lone.copies]), lone.min_words, stays)
        others = np.concatenate([verdicts.duplicates, contained, lone.titles])
        titles = lone.backed(lone.titles, others, int(lone.n_words.max()) + 1, stays)
        if not copies.any() and not titles.any():
            return removals
        verdicts.duplicates = np.concatenate([verdicts.duplicates, lone.copies[copies]])
        verdicts.contained = verdicts.contained + [(a, b) for a, b in lone.titles[titles].tolist()]
        lone.copies, lone.titles = lone.copies[~copies], lone.titles[~titles]
        stats.short_copies_alone -= int(np.count_nonzero(copies) + np.count_nonzero(titles))
        removals = chosen()
    return removals


class _Chosen(NamedTuple):
    """What :func:`_keepers_chains_checked` chose, as parallel lists: each removal or report, its kept one, why.

    Lists, not a :class:`~nettoyeur.dedup.cluster.Removal` a removal: made for 160,000 removals
    at 1M real paragraphs, those frozen dataclasses cost the main process ~0.2 CPU-s.
    """

    pids: list[int]
    targets: list[int]
    reasons: list[str]


def _clusters(
    duplicates: np.ndarray,
    contained: np.ndarray,
    conflicts: np.ndarray,
    group: np.ndarray,
    settled: tuple[np.ndarray, np.ndarray],
    rank: np.ndarray | None,
    executor: Any,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Clusters the duplicates, chooses the kept copy of each cluster (:func:`~nettoyeur.dedup.cluster.keepers`).

    Returns:
        ``(pids, targets, contained)``: the removed paragraphs in order (int64), the kept one each
        points at, whether each is contained (bool; else a duplicate).
    """
    family, variant = settled
    conflicts = conflicts_within_clusters(conflicts, duplicates, contained)
    # A very large edge list is reduced by the executor: (root, member) star edges make the
    # same clusters (every root is its cluster's smallest id), one per member; components
    # holding a conflict pair keep their edges (the greedy clustering needs them).
    star = executor.clusters(duplicates, conflicts) if executor is not None else None
    if star is not None:
        duplicates = np.asarray(star, dtype=np.int64).reshape(-1, 2)
    # choose_keepers over the ids that occur in some verdict only, renumbered in the same
    # order: its work and memory then grow with the duplicates, not with the corpus.
    involved = sorted_unique(np.concatenate([edges.reshape(-1) for edges in (duplicates, contained, conflicts)]))

    # Family labels of the representatives involved (their exact copies carry none: a copy
    # always joins its representative).
    labelled = involved[group[involved] == involved]
    pids, targets, inside = keepers(
        len(involved),
        np.searchsorted(involved, duplicates),
        np.searchsorted(involved, contained),
        np.searchsorted(involved, conflicts),
        None if rank is None else rank[involved],
        np.searchsorted(involved, labelled),
        family[labelled],
        variant[labelled],
    )
    return involved[pids], involved[targets], inside


def _with_quoted(
    pids: np.ndarray, targets: np.ndarray, inside: np.ndarray, quoted: list[tuple[int, int]], stats: DedupStats
) -> _Chosen:
    """The removals chosen, then each quoted paragraph to report, with the kept copy of its smallest container."""
    pids, targets = pids.tolist(), targets.tolist()
    # A quoted paragraph (pull quote, heading restating a sentence) is kept and reported
    # once, with the kept copy of the smallest container.
    target_of = dict(zip(pids, targets))
    quoted_in: dict[int, int] = {}
    for inner, outer in quoted:
        target = target_of.get(outer, outer)
        if inner not in target_of and target != inner and (inner not in quoted_in or target < quoted_in[inner]):
            quoted_in[inner] = target
    stats.quoted = len(quoted_in)
    reasons = ("duplicate", "contained")
    reported = sorted(quoted_in.items())
    return _Chosen(
        pids + [pid for pid, _ in reported],
        targets + [target for _, target in reported],
        [reasons[c] for c in inside.tolist()] + ["quoted"] * len(reported),
    )


def _add_evidence(
    decision: Decision,
    removals: _Chosen,
    group: np.ndarray,
    has_shingles: np.ndarray,
    known: dict[tuple[int, int], tuple[float | None, float, float]],
    ctx: VerifyContext,
    workers: int,
    executor: Any,
) -> None:
    """Adds each removal to ``decision`` with its evidence (the reported ones to ``decision.reported``)."""
    chosen = np.stack([np.array(removals.pids, dtype=np.int64), np.array(removals.targets, dtype=np.int64)], axis=1)
    # An exact copy needs no text: every word matches, both shingle sets and signatures are equal.
    same = group[chosen[:, 0]] == group[chosen[:, 1]]
    exact_evidence = (1.0 if ctx.estimates else None, 1.0, 1.0)
    # The removals verification did not foresee are read and tokenised again for their evidence.
    rest = [(a, b) for a, b in chosen[~same].tolist() if (a, b) not in known]
    rest_pairs = np.array(rest, dtype=np.int64).reshape(-1, 2)
    for chunk, results in _stream(_evidence_task, rest_pairs, workers, ctx, executor):
        known.update(zip(map(tuple, chunk.tolist()), results))
    pids, targets, reasons = removals
    unsigned = (None, 1.0, 1.0)
    evidence = [
        (exact_evidence if signed else unsigned) if is_same else known[(pid, target)]
        for pid, target, is_same, signed in zip(pids, targets, same.tolist(), has_shingles[chosen[:, 0]].tolist())
    ]
    report_contained = ctx.config.containment == "report"
    for pid, target, reason, ev in zip(pids, targets, reasons, evidence):
        if reason == "quoted" or (reason == "contained" and report_contained):
            decision.reported.append((pid, target, reason, ev))
            continue
        decision.pid.append(pid)
        decision.target.append(target)
        decision.reason.append(reason)
        decision.evidence.append(ev)


# Why a quoted paragraph is reported and kept.
QUOTED_DETAIL = "inside a longer paragraph but not a cut copy of it (a pull quote, a heading): kept"


def make_verdict(
    reason: str,
    evidence: tuple[float | None, float, float],
    kept_doc: str,
    kept_line: int,
    kept_text: str,
    keep: str = "first",
) -> Verdict:
    """Returns the :class:`Verdict` of one removal or report (``quoted`` is reported as ``contained``).

    ``keep`` (the ``--keep`` rule) is recorded in the verdict unless it is the default
    ``first``, so a default run's report is unchanged.
    """
    est, jac, cont = evidence
    return Verdict(
        "contained" if reason == "quoted" else reason,
        kept_doc=kept_doc,
        kept_line=kept_line,
        kept_text=kept_text,
        estimated=est,
        jaccard=jac,
        containment=cont,
        detail=QUOTED_DETAIL if reason == "quoted" else None,
        keep=recorded_keep(keep),
    )


def recorded_keep(keep: str) -> str | None:
    """The ``--keep`` rule as a removal records it: None for the default ``first`` (a default report is unchanged)."""
    return None if keep == "first" else keep


def reported_record(doc: str, line: int, paragraph: int, text: str, verdict: Verdict) -> dict:
    """Returns the summary entry of a kept but reported paragraph (contained or quoted)."""
    return {"file": doc, "line": line, "paragraph": paragraph, "text": text, **verdict.to_dict()}


def deduplicate(docs: list[Document], config: CleanConfig, progress: Callable[[int], None] | None = None) -> DedupStats:
    """Marks duplicate and contained paragraphs of ``docs`` (in corpus order), in memory.

    Returns:
        the stage's counts.
    """
    owners: list[tuple[Document, Paragraph]] = []
    for doc in sorted(docs, key=lambda d: d.path):  # corpus order, whatever order docs came in
        for p in doc.paragraphs:
            if p.kept and len(p.text) <= config.max_line_chars:
                owners.append((doc, p))
    texts = [p.text for _, p in owners]
    analysis = analyse_for(texts, config)
    if progress:
        progress(len(owners))
    rule = parse_keep(config.keep)
    values = [record_value(getattr(doc, "record", None), rule) for doc, _ in owners] if rule.needs_records else []
    rank = paragraph_ranks(rule, analysis.n_words, np.arange(len(owners)), values)
    number = {id(doc): k for k, doc in enumerate(sorted(docs, key=lambda d: d.path))}
    doc_of = np.array([number[id(doc)] for doc, _ in owners], dtype=np.int64)
    workers = process_pool.worker_count(config.workers)
    decision = decide(analysis, config, MemoryTexts(texts), workers, rank=rank, doc_of=doc_of)
    for pid, target, reason, ev in zip(decision.pid, decision.target, decision.reason, decision.evidence):
        kdoc, kp = owners[target]
        owners[pid][1].verdict = make_verdict(reason, ev, kdoc.path, kp.line, kp.text, config.keep)
    for pid, target, reason, ev in decision.reported:
        (doc, p), (kdoc, kp) = owners[pid], owners[target]
        verdict = make_verdict(reason, ev, kdoc.path, kp.line, kp.text, config.keep)
        decision.stats.contained_reported.append(reported_record(doc.path, p.line, p.index, p.text, verdict))
    return decision.stats
