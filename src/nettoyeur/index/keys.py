"""Lookup keys of the corpus index (:mod:`nettoyeur.index.corpus_index`): what is stored and looked up.

This module holds what both back ends share: the keys of a list of paragraph texts (a
64-bit exact-key hash, MinHash signatures and salted LSH band keys, containment
anchors), the stored entry of one indexed paragraph, the :class:`Backend` protocol the
folder (:mod:`nettoyeur.index.folder_store`) and Redis (:mod:`nettoyeur.index.redis_store`) back
ends implement, and the containment-anchor test they both apply to their hits.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from nettoyeur.config import CleanConfig
from nettoyeur.dedup.lsh import anchors, band_keys
from nettoyeur.dedup.minhash import signatures
from nettoyeur.dedup.shingle import exact_key, shingle_hashes, words
from nettoyeur.text.hashing import hash64

# An anchor shared by more indexed paragraphs than this is a stock phrase: it says
# nothing about containment (the same cap as the in-run anchor candidates).
MAX_ANCHOR_GROUP = 256
# Share of the smaller paragraph's anchors that a pair must share to be a containment
# candidate (the same rule as lsh.anchor_candidates).
ANCHOR_SHARE = 0.5


@dataclass
class LookupKeys:
    """The lookup keys of a list of paragraph texts.

    Attributes:
        exact: per paragraph, the exact-key hash (0 for a paragraph without words).
        signed: indices of the paragraphs with shingles (and so a signature).
        sigs: their MinHash signatures, ``(len(signed), num_perm)`` uint32.
        bands: their salted band keys, ``(len(signed), bands)`` uint64.
        anchors: per paragraph, its anchor hashes (empty when containment is off).
    """

    exact: np.ndarray
    signed: np.ndarray
    sigs: np.ndarray
    bands: np.ndarray
    anchors: list[np.ndarray]


def lookup_keys(texts: Sequence[str], config: CleanConfig) -> LookupKeys:
    """Computes the lookup keys of paragraph texts, as the dedup stage computes them."""
    toks = [words(t) for t in texts]
    exact = np.array([hash64(exact_key(t)) if t else 0 for t in toks], dtype=np.uint64)
    shingles = [shingle_hashes(t, config.ngram) for t in toks]
    signed = np.array([i for i, s in enumerate(shingles) if len(s)], dtype=np.int64)
    b, r = config.bands_rows
    if len(signed):
        sigs = signatures([shingles[i] for i in signed], config.num_perm, config.seed)
        keys = band_keys(sigs, b, r)
        with np.errstate(over="ignore"):
            keys = keys + (np.arange(b, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15))[None, :]
    else:
        sigs = np.empty((0, config.num_perm), dtype=np.uint32)
        keys = np.empty((0, b), dtype=np.uint64)
    if config.containment != "off":
        anchor_sets = [anchors(s, config.anchor_modulus).astype(np.uint64) for s in shingles]
    else:
        anchor_sets = [np.empty(0, dtype=np.uint64) for _ in shingles]
    return LookupKeys(exact, signed, sigs, keys, anchor_sets)


@dataclass
class Entry:
    """One paragraph held in the index.

    Attributes:
        pid: its position in the index (corpus order across runs).
        run: the run that added it (1-based).
        doc: its document key in that run (relative path or ``shard#row``).
        line: its line in the input document.
        paragraph: its paragraph index in the document.
        id: its record id, if any.
        text: its text.
    """

    pid: int
    run: int
    doc: str
    line: int
    paragraph: int
    id: str | None
    text: str

    def to_json(self) -> bytes:
        """Returns the stored form (without the pid, which is its position)."""
        body = {"run": self.run, "doc": self.doc, "line": self.line, "paragraph": self.paragraph, "text": self.text}
        if self.id is not None:
            body["id"] = self.id
        return json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8", "surrogatepass")

    @classmethod
    def from_json(cls, pid: int, data: bytes) -> Entry:
        """Reads the stored form."""
        body = json.loads(data)
        return cls(pid, body["run"], body["doc"], body["line"], body["paragraph"], body.get("id"), body["text"])


class Backend(Protocol):
    """Where an index lives."""

    location: str

    def read_meta(self) -> dict[str, Any] | None:
        """Returns the parameters and versions, or None for a new index."""
        ...

    def write_meta(self, meta: dict[str, Any]) -> None:
        """Stores the parameters and versions (first run only)."""
        ...

    def runs(self) -> list[dict[str, Any]]:
        """Returns the runs recorded so far, oldest first."""
        ...

    def candidates(self, query: LookupKeys) -> list[int]:
        """Returns the sorted pids of indexed paragraphs that could match the query's."""
        ...

    def fetch(self, pids: Sequence[int]) -> list[Entry]:
        """Returns the entries of these pids, in pid order."""
        ...

    def line_counts(self, keys: np.ndarray) -> np.ndarray:
        """Returns the number of earlier files holding each recurring-line key."""
        ...

    def add(self, run: dict[str, Any], entries: list[Entry], keys: LookupKeys, lines: Counter[int]) -> dict[str, Any]:
        """Adds a run's kept paragraphs and line counts; returns the run record."""
        ...

    def close(self) -> None:
        """Releases locks and connections."""
        ...


def anchor_filter(owner: np.ndarray, pids: np.ndarray, query_sizes: np.ndarray, pid_sizes: np.ndarray) -> np.ndarray:
    """Keeps the indexed pids sharing at least ANCHOR_SHARE of the smaller anchor set with a query paragraph.

    Args:
        owner: per shared anchor hit, the query paragraph.
        pids: per hit, the indexed paragraph.
        query_sizes: anchors per query paragraph.
        pid_sizes: per hit, the indexed paragraph's anchor count.
    """
    if len(pids) == 0:
        return np.empty(0, dtype=np.int64)
    code = (owner.astype(np.int64) << 40) | pids.astype(np.int64)
    uniq, first, counts = np.unique(code, return_index=True, return_counts=True)
    smaller = np.minimum(query_sizes[owner[first]], pid_sizes[first])
    keep = counts >= np.maximum(1, np.ceil(ANCHOR_SHARE * smaller))
    return np.unique(uniq[keep] & ((1 << 40) - 1))
