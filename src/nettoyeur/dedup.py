"""The near-duplicate stage: sign, find candidates, verify, cluster, keep.

Runs over every paragraph that boilerplate left, within and across files alike:

1. *exact*: paragraphs with the same normalised words (case, quotes, spaces aside) are
   duplicates at once; this is also how paragraphs too short for shingles are compared
   (never by empty signatures, and never dropped for being short);
2. *sign*: word-shingle hashes and MinHash signatures (:mod:`nettoyeur.minhash`);
3. *candidates*: LSH bands and containment anchors (:mod:`nettoyeur.lsh`);
4. *verify*: exact Jaccard and the edit-aware alignment (:mod:`nettoyeur.verify`);
5. *cluster / keep*: union-find, first copy in corpus order kept, pairs that state
   different things never in one cluster (:mod:`nettoyeur.cluster`). A passage quoted
   inside a longer paragraph (pull quote, heading) is reported with its container, kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from nettoyeur.cluster import Removal, choose_keepers
from nettoyeur.config import CleanConfig
from nettoyeur.lsh import anchor_candidates, anchors, lsh_candidates, optimal_bands
from nettoyeur.minhash import estimate_jaccard, signatures
from nettoyeur.records import Document, Paragraph, Verdict
from nettoyeur.shingle import exact_key, fact_flags, shingle_hashes, words
from nettoyeur.verify import align, jaccard, verify


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


def deduplicate(docs: list[Document], config: CleanConfig, progress: Callable[[int], None] | None = None) -> DedupStats:
    """Marks duplicate and contained paragraphs of ``docs`` (in corpus order).

    Returns:
        the stage's counts.
    """
    stats = DedupStats()
    owners: list[tuple[Document, Paragraph]] = []
    for doc in sorted(docs, key=lambda d: d.path):  # corpus order, whatever order docs came in
        for p in doc.paragraphs:
            if p.kept and len(p.text) <= config.max_line_chars:
                owners.append((doc, p))
    n = stats.paragraphs = len(owners)
    toks = [words(p.text) for _, p in owners]
    facts = [fact_flags(p.text) for _, p in owners]
    shingles = [shingle_hashes(t, config.ngram) for t in toks]
    if progress:
        progress(n)

    duplicates: list[tuple[int, int]] = []
    first_with_key: dict[str, int] = {}
    exact_group: list[int] = list(range(n))
    for pid, t in enumerate(toks):
        if not t:
            continue  # nothing to compare ("***", "—")
        key = exact_key(t)
        first = first_with_key.setdefault(key, pid)
        if first != pid:
            duplicates.append((first, pid))
            exact_group[pid] = first
    stats.exact_pairs = len(duplicates)

    signed = np.array([pid for pid in range(n) if len(shingles[pid]) and exact_group[pid] == pid], dtype=np.int64)
    stats.signed = len(signed)
    bands, rows = optimal_bands(config.threshold, config.num_perm)
    stats.bands, stats.rows = bands, rows
    sig_of: dict[int, np.ndarray] = {}
    pairs = np.empty((0, 2), dtype=np.int64)
    if len(signed) > 1:
        sigs = signatures([shingles[pid] for pid in signed], config.num_perm, config.seed)
        sig_of = dict(zip(signed.tolist(), sigs))
        pairs = lsh_candidates(sigs, signed, bands, rows)
        if config.containment != "off":
            anchor_sets = [anchors(shingles[pid], config.anchor_modulus) for pid in signed]
            more = anchor_candidates(anchor_sets, signed)
            pairs = np.unique(np.concatenate([pairs, more]), axis=0) if len(more) else pairs
    stats.candidates = len(pairs)

    contained: list[tuple[int, int]] = []
    quoted: list[tuple[int, int]] = []
    conflicts: list[tuple[int, int]] = []
    for a, b in pairs.tolist():
        match = verify(toks[a], toks[b], shingles[a], shingles[b], config, facts[a], facts[b])
        if match is not None and match.conflict:
            conflicts.append((a, b))
        if match is None or match.kind == "different":
            stats.rejected += 1
        elif match.kind == "duplicate":
            duplicates.append((a, b))
            stats.verified_duplicates += 1
        else:
            inner, outer = (a, b) if len(toks[a]) < len(toks[b]) or (len(toks[a]) == len(toks[b]) and a > b) else (b, a)
            if match.kind == "contained":
                contained.append((inner, outer))
                stats.verified_contained += 1
            else:
                quoted.append((inner, outer))
    stats.conflicts = len(conflicts)

    removals = choose_keepers(n, duplicates, contained, conflicts)
    target_of = {r.pid: r.target for r in removals}
    # A quoted paragraph (pull quote, heading restating a sentence) is kept and reported
    # once, with the kept copy of the smallest container.
    quoted_in: dict[int, int] = {}
    for inner, outer in quoted:
        target = target_of.get(outer, outer)
        if inner not in target_of and target != inner and (inner not in quoted_in or target < quoted_in[inner]):
            quoted_in[inner] = target
    reports = [Removal(pid, target, "quoted") for pid, target in sorted(quoted_in.items())]
    stats.quoted = len(reports)

    for removal in removals + reports:
        doc, p = owners[removal.pid]
        kdoc, kp = owners[removal.target]
        a, b = removal.pid, removal.target
        matched, _ = align(toks[a], toks[b], facts[a], facts[b]) if toks[a] and toks[b] else (0, False)
        est = None
        sa, sb = sig_of.get(exact_group[a]), sig_of.get(exact_group[b])
        if sa is not None and sb is not None:
            est = estimate_jaccard(sa, sb)
        verdict = Verdict(
            "contained" if removal.reason == "quoted" else removal.reason,
            kept_doc=kdoc.path,
            kept_line=kp.line,
            kept_text=kp.text,
            estimated=est,
            jaccard=jaccard(shingles[a], shingles[b]) if len(shingles[a]) or len(shingles[b]) else 1.0,
            containment=matched / len(toks[a]) if toks[a] else 1.0,
            detail="inside a longer paragraph but not a cut copy of it (a pull quote, a heading): kept"
            if removal.reason == "quoted"
            else None,
        )
        if removal.reason == "quoted" or (removal.reason == "contained" and config.containment == "report"):
            stats.contained_reported.append(
                {"file": doc.path, "line": p.line, "paragraph": p.index, "text": p.text, **verdict.to_dict()}
            )
            continue
        p.verdict = verdict
    return stats
