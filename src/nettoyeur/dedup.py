"""The near-duplicate stage: sign, find candidates, verify, cluster, keep.

Runs over every paragraph that boilerplate left, within and across files alike:

1. *exact*: paragraphs with the same normalised words (case, quotes, spaces aside) are
   duplicates at once; this is also how paragraphs too short for shingles are compared
   (never by empty signatures, and never dropped for being short);
2. *sign*: word-shingle hashes and MinHash signatures (:mod:`nettoyeur.shingle`,
   :mod:`nettoyeur.minhash`);
3. *candidates*: LSH bands and containment anchors (:mod:`nettoyeur.lsh`);
4. *verify*: exact Jaccard and the edit-aware alignment (:mod:`nettoyeur.verify`);
5. *cluster / keep*: union-find, first copy in corpus order kept, pairs that state
   different things never in one cluster (:mod:`nettoyeur.cluster`). A passage quoted
   inside a longer paragraph (pull quote, heading) is reported with its container, kept.

The stage is split for streaming and for workers. :func:`analyse` turns a batch of
paragraph texts into an :class:`Analysis`: compact arrays (a 128-bit exact key, the LSH
band keys, the anchors, the word count), about 250 bytes a paragraph, no text and no
signature. Analyses of shards are concatenated in corpus order, and :func:`decide` finds
and verifies the candidates; it reads the texts of candidate paragraphs only, from a
text store (in memory, or spilled to disk by the streaming pipeline), and verifies
chunks of pairs on worker processes. Paragraph ids (``pid``) are positions in corpus
order, so "keep the first copy" is "keep the smallest id" whatever the worker count.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from nettoyeur import parallel
from nettoyeur.cluster import Removal, choose_keepers
from nettoyeur.config import CleanConfig
from nettoyeur.lsh import anchor_pairs, band_keys, band_pairs, optimal_bands, sorted_unique
from nettoyeur.minhash import estimate_jaccard, signatures_flat
from nettoyeur.records import Document, Paragraph, Verdict
from nettoyeur.shingle import exact_keys, shingles, tokenize
from nettoyeur.spill import MemoryTexts
from nettoyeur.verify import align, jaccard, verify

# Characters tokenised at once: the kernel's arrays are ~30 bytes a character, so a
# batch costs ~8 MiB, and numpy's per-call overhead is amortised over ~600 paragraphs.
BATCH_CHARS = 1 << 18
# Candidate pairs verified per task: enough to amortise a task (~10 ms of overhead with
# its texts), few enough that workers stay balanced and that the words of its (at most
# 1,024) paragraphs stay small (~5 MB).
PAIRS_PER_TASK = 512


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
    verified_duplicates: int = 0
    verified_contained: int = 0
    rejected: int = 0
    quoted: int = 0
    conflicts: int = 0
    bands: int = 0
    rows: int = 0
    contained_reported: list[dict] = field(default_factory=list)


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
    """

    n_words: np.ndarray
    exact: np.ndarray
    signed: np.ndarray
    band_keys: np.ndarray
    anchor_keys: np.ndarray
    anchor_owner: np.ndarray

    def __len__(self) -> int:
        return len(self.n_words)

    @property
    def nbytes(self) -> int:
        """Bytes held by the arrays."""
        return sum(getattr(self, f).nbytes for f in self.__dataclass_fields__)

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
                setattr(p, name, values[:0])
            setattr(out, name, merged)
        return out


def _batches(texts: list[str], max_chars: int = BATCH_CHARS) -> list[tuple[int, int]]:
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
    for lo, hi in _batches(texts):
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


def candidate_pairs(analysis: Analysis, group: np.ndarray, anchors: bool) -> tuple[np.ndarray, np.ndarray]:
    """Returns the signed paragraphs (first of their exact group, with shingles) and their candidate pairs.

    Returns:
        ``(signed, pairs)``: int64 ids, and distinct ``(i, j)`` pairs, ``i < j``, sorted.
    """
    rows = np.flatnonzero(group[analysis.signed] == analysis.signed)
    signed = analysis.signed[rows]
    if len(signed) < 2:
        return signed, np.empty((0, 2), dtype=np.int64)
    pairs = band_pairs(analysis.band_keys, signed, rows)
    if anchors and len(analysis.anchor_keys):
        first = group[analysis.anchor_owner] == analysis.anchor_owner
        more = anchor_pairs(analysis.anchor_keys, analysis.anchor_owner, select=first)
        if len(more):
            codes = sorted_unique(np.concatenate([pairs[:, 0] << 32 | pairs[:, 1], more[:, 0] << 32 | more[:, 1]]))
            pairs = np.stack([codes >> 32, codes & 0xFFFFFFFF], axis=1)
    return signed, pairs


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


# --- verification, on workers ------------------------------------------------------------


def paragraph_data(texts: list[str], ngram: int) -> list[tuple[list[str], np.ndarray, list[bool]]]:
    """Returns, per text, its words, sorted distinct shingle hashes and fact flags (what verify takes)."""
    out = []
    for first, last in _batches(texts):
        tok = tokenize(texts[first:last])
        hashes, offsets = shingles(tok, ngram)
        words = tok.all_words()
        facts = tok.all_facts(words)
        bounds = tok.offsets.tolist()
        for i in range(last - first):
            lo, hi = bounds[i], bounds[i + 1]
            out.append((words[lo:hi], sorted_unique(hashes[offsets[i] : offsets[i + 1]]), facts[lo:hi]))
    return out


def _load(pids: np.ndarray) -> dict[int, tuple[list[str], np.ndarray, list[bool]]]:
    st = parallel.state()
    return dict(zip(pids.tolist(), paragraph_data(st["store"].texts(pids), st["config"].ngram)))


def _verify_task(pairs: np.ndarray) -> list[Any]:
    """Verifies a chunk of candidate pairs; returns verify()'s result for each."""
    config: CleanConfig = parallel.state()["config"]
    data = _load(sorted_unique(pairs.reshape(-1)))
    out = []
    for a, b in pairs.tolist():
        (ta, sa, fa), (tb, sb, fb) = data[a], data[b]
        out.append(verify(ta, tb, sa, sb, config, fa, fb))
    return out


def _evidence_task(pairs: np.ndarray) -> list[tuple[float | None, float, float]]:
    """Returns, per (removed, kept) pair, the MinHash estimate, exact Jaccard and containment."""
    st = parallel.state()
    config: CleanConfig = st["config"]
    data = _load(sorted_unique(pairs.reshape(-1)))
    sig_of: dict[int, np.ndarray] = {}
    if st["estimates"]:
        signed = [pid for pid, (_, s, _) in data.items() if len(s)]
        if signed:
            offsets = np.cumsum([0] + [len(data[p][1]) for p in signed])
            sigs = signatures_flat(np.concatenate([data[p][1] for p in signed]), offsets, config.num_perm, config.seed)
            sig_of = dict(zip(signed, sigs))
    out = []
    for a, b in pairs.tolist():
        (ta, sa, fa), (tb, sb, fb) = data[a], data[b]
        matched, _ = align(ta, tb, fa, fb) if ta and tb else (0, False)
        est = estimate_jaccard(sig_of[a], sig_of[b]) if a in sig_of and b in sig_of else None
        jac = jaccard(sa, sb) if len(sa) or len(sb) else 1.0
        out.append((est, jac, matched / len(ta) if ta else 1.0))
    return out


def _chunks(pairs: np.ndarray, size: int = PAIRS_PER_TASK) -> list[np.ndarray]:
    return [pairs[i : i + size] for i in range(0, len(pairs), size)]


def _run(fn: Callable, pairs: np.ndarray, workers: int, shared: dict[str, Any], executor: Any = None) -> list[Any]:
    chunks = _chunks(pairs)
    out: list[Any] = []
    if executor is not None:
        parts = executor.map(fn, chunks, shared, jobs=len(chunks))
    else:
        parts = parallel.ordered_map(fn, chunks, workers if len(chunks) > 1 else 1, shared)
    for part in parts:
        out.extend(part)
    return out


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
    """

    pid: list[int] = field(default_factory=list)
    target: list[int] = field(default_factory=list)
    reason: list[str] = field(default_factory=list)
    evidence: list[tuple[float | None, float, float]] = field(default_factory=list)
    reported: list[tuple[int, int, str, tuple[float | None, float, float]]] = field(default_factory=list)
    stats: DedupStats = field(default_factory=DedupStats)

    def targets(self) -> set[int]:
        """Returns the ids of every kept paragraph that a removal or report points at."""
        return set(self.target) | {r[1] for r in self.reported}


def decide(
    analysis: Analysis, config: CleanConfig, store: TextStore, workers: int = 1, executor: Any = None
) -> Decision:
    """Finds, verifies and clusters near duplicates; decides which paragraphs go.

    Args:
        analysis: every paragraph to deduplicate, in corpus order (ids are positions).
        config: the options.
        store: the paragraphs' texts, read for candidate pairs only.
        workers: processes verifying pairs (without ``executor``).
        executor: where candidates, verification and large clusters run (a
            :class:`nettoyeur.executors.Executor`); None: here and on ``workers`` processes.

    Returns:
        the :class:`Decision`. The analysis' band keys and anchors, most of its memory,
        are dropped once the candidates are found.
    """
    stats = DedupStats()
    n = stats.paragraphs = len(analysis)
    stats.bands, stats.rows = optimal_bands(config.threshold, config.num_perm)
    n_words = analysis.n_words
    group = exact_groups(analysis)
    copies = np.flatnonzero(group != np.arange(n))
    exact = np.stack([group[copies], copies], axis=1)
    stats.exact_pairs = len(exact)

    find = candidate_pairs if executor is None else executor.candidate_pairs
    signed, pairs = find(analysis, group, config.containment != "off")
    # The band keys and anchors are most of the analysis and are not needed any more.
    has_shingles = np.zeros(n, dtype=bool)
    has_shingles[analysis.signed] = True
    analysis.band_keys = analysis.band_keys[:0]
    analysis.anchor_keys = analysis.anchor_keys[:0]
    analysis.anchor_owner = analysis.anchor_owner[:0]
    stats.signed = len(signed)
    stats.candidates = len(pairs)
    shared = {"store": store, "config": config, "estimates": len(signed) > 1}
    matches = _run(_verify_task, pairs, workers, shared, executor)

    duplicates: list[tuple[int, int]] = [tuple(p) for p in exact.tolist()]
    contained: list[tuple[int, int]] = []
    quoted: list[tuple[int, int]] = []
    conflicts: list[tuple[int, int]] = []
    for (a, b), match in zip(pairs.tolist(), matches):
        if match is not None and match.conflict:
            conflicts.append((a, b))
        if match is None or match.kind == "different":
            stats.rejected += 1
        elif match.kind == "duplicate":
            duplicates.append((a, b))
            stats.verified_duplicates += 1
        else:
            inner, outer = (a, b) if n_words[a] < n_words[b] or (n_words[a] == n_words[b] and a > b) else (b, a)
            if match.kind == "contained":
                contained.append((inner, outer))
                stats.verified_contained += 1
            else:
                quoted.append((inner, outer))
    stats.conflicts = len(conflicts)

    # A very large edge list is reduced by the executor: (root, member) star edges make the
    # same clusters (every root is its cluster's smallest id), one per member; components
    # holding a conflict pair keep their edges (the greedy clustering needs them).
    star = (
        executor.clusters(
            np.asarray(duplicates, dtype=np.int64).reshape(-1, 2), np.asarray(conflicts, dtype=np.int64).reshape(-1, 2)
        )
        if executor is not None
        else None
    )
    if star is not None:
        duplicates = [tuple(e) for e in star.tolist()]
    # choose_keepers over the ids that occur in some pair only, renumbered in the same
    # order: its work and memory then grow with the duplicates, not with the corpus.
    involved = sorted_unique(np.concatenate([np.asarray(duplicates, dtype=np.int64).reshape(-1), pairs.reshape(-1)]))
    local = {pid: k for k, pid in enumerate(involved.tolist())}
    removals = choose_keepers(
        len(involved),
        [(local[a], local[b]) for a, b in duplicates],
        [(local[a], local[b]) for a, b in contained],
        [(local[a], local[b]) for a, b in conflicts],
    )
    ids = involved.tolist()
    # A quoted paragraph (pull quote, heading restating a sentence) is kept and reported
    # once, with the kept copy of the smallest container.
    target_of = {ids[r.pid]: ids[r.target] for r in removals}
    quoted_in: dict[int, int] = {}
    for inner, outer in quoted:
        target = target_of.get(outer, outer)
        if inner not in target_of and target != inner and (inner not in quoted_in or target < quoted_in[inner]):
            quoted_in[inner] = target
    stats.quoted = len(quoted_in)
    removals = [Removal(ids[r.pid], ids[r.target], r.reason) for r in removals]
    removals += [Removal(pid, target, "quoted") for pid, target in sorted(quoted_in.items())]
    decision = Decision(stats=stats)
    if not removals:
        return decision
    chosen = np.array([(r.pid, r.target) for r in removals], dtype=np.int64)
    # An exact copy needs no text: every word matches, both shingle sets and signatures are equal.
    same = group[chosen[:, 0]] == group[chosen[:, 1]]
    exact_evidence = (1.0 if shared["estimates"] else None, 1.0, 1.0)
    computed = iter(_run(_evidence_task, chosen[~same], workers, shared, executor))
    evidence = [
        (exact_evidence if has_shingles[pid] else (None, 1.0, 1.0)) if is_same else next(computed)
        for pid, is_same in zip(chosen[:, 0].tolist(), same.tolist())
    ]
    for r, (pid, target), ev in zip(removals, chosen.tolist(), evidence):
        if r.reason == "quoted" or (r.reason == "contained" and config.containment == "report"):
            decision.reported.append((pid, target, r.reason, ev))
            continue
        decision.pid.append(pid)
        decision.target.append(target)
        decision.reason.append(r.reason)
        decision.evidence.append(ev)
    return decision


# Why a quoted paragraph is reported and kept.
QUOTED_DETAIL = "inside a longer paragraph but not a cut copy of it (a pull quote, a heading): kept"


def make_verdict(
    reason: str, evidence: tuple[float | None, float, float], kept_doc: str, kept_line: int, kept_text: str
) -> Verdict:
    """Returns the :class:`Verdict` of one removal or report (``quoted`` is reported as ``contained``)."""
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
    )


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
    decision = decide(analysis, config, MemoryTexts(texts), parallel.worker_count(config.workers))
    for pid, target, reason, ev in zip(decision.pid, decision.target, decision.reason, decision.evidence):
        kdoc, kp = owners[target]
        owners[pid][1].verdict = make_verdict(reason, ev, kdoc.path, kp.line, kp.text)
    for pid, target, reason, ev in decision.reported:
        (doc, p), (kdoc, kp) = owners[pid], owners[target]
        verdict = make_verdict(reason, ev, kdoc.path, kp.line, kp.text)
        decision.stats.contained_reported.append(reported_record(doc.path, p.line, p.index, p.text, verdict))
    return decision.stats


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
