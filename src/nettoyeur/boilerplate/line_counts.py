"""The corpus-wide line counts behind the boilerplate frequency signal.

Pass 1 (:func:`nettoyeur.run.passes.count_batch`) turns each short line a document holds into a
64-bit key (:func:`hash64` of its frequency key, remembered for recurring lines); the
batches' sorted keys and counts are added up as they come (:class:`CountMerger`,
:func:`merge_counts`), and :class:`LineCounts` answers the frequency signal's question: in
how many files does this line recur?
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import numpy as np

from nettoyeur.boilerplate import mark
from nettoyeur.boilerplate.line_shapes import LineMemo
from nettoyeur.records import Document
from nettoyeur.text.hashing import hash64

# Short lines recur (a site's chrome is on every page): their keys are remembered.
_key_memo = LineMemo()  # a line's text -> its counted key (None: not counted)
_hash_memo = LineMemo()  # a frequency key -> hash64(it)


def counted_key(text: str) -> int | None:
    """Returns the 64-bit frequency key of a line the frequency signal counts, None for a longer one."""
    key = _key_memo.get(text, -1)
    if key != -1:
        return key
    return _key_memo.remember(text, hash64(mark.frequency_key(text)) if mark.counted(text) else None)


_entry_memo = LineMemo()  # a line's text -> (frequency key, its 64-bit key, pairs with neighbours) or None


def _entry(text: str) -> tuple[str, int, bool] | None:
    """Returns a counted line's frequency key, its 64-bit key and whether it pairs (None: not counted)."""
    hit = _entry_memo.get(text, -1)
    if hit != -1:
        return hit
    entry = None
    if mark.counted(text):
        key = mark.frequency_key(text)
        entry = (key, hash64(key), mark.paired(text))
    return _entry_memo.remember(text, entry)


def document_line_keys(texts: list[str]) -> set[int]:
    """Returns the 64-bit keys of :func:`nettoyeur.boilerplate.mark.document_keys` of a document's lines.

    Args:
        texts: the document's analysable kept lines, in order.
    """
    found: set[int] = set()
    previous: str | None = None
    for text in texts:
        entry = _entry(text)
        if entry is None:
            previous = None
            continue
        key, code, pairs = entry
        found.add(code)
        if previous is not None and pairs:
            found.add(hash64(mark.pair_key(previous, key)))
        previous = key if pairs else None
    return found


class LineCounts(dict):
    """Files per frequency key, stored by 64-bit key: ``counts.get(text_key, 0)`` as on a Counter.

    The streaming run stores only keys found in two files or more (a line in one file
    never recurs, :meth:`from_arrays`), so memory grows with the recurring lines, not with
    the corpus; the in-memory run's :func:`count_lines` keeps them all.
    """

    def get(self, key: Any, default: Any = None) -> Any:
        """Returns the number of files holding the line with this frequency key."""
        if not isinstance(key, str):
            return dict.get(self, key, default)
        code = _hash_memo.get(key)  # a key seen before: its hash is remembered
        if code is None:
            code = _hash_memo.remember(key, hash64(key))
        return dict.get(self, code, default)

    def __getitem__(self, key: Any) -> int:
        return self.get(key, 0)

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, hash64(key) if isinstance(key, str) else key)

    @staticmethod
    def from_arrays(keys: np.ndarray, counts: np.ndarray) -> LineCounts:
        """Builds the counts from parallel arrays, keeping counts of 2 or more."""
        many = counts >= 2
        return LineCounts(zip(keys[many].tolist(), counts[many].tolist()))


def count_lines(docs: Iterable[Document]) -> LineCounts:
    """Files per frequency key of the documents' kept lines (and adjacent pairs), every key kept.

    The in-memory run's counts (the streaming run merges its batches' counts instead): the
    same keys as :func:`document_line_keys`, counts of 1 kept too, as the corpus index adds
    them to its own (a line once here and once in an earlier run recurs).
    """
    counts: Counter[int] = Counter()
    for doc in docs:
        counts.update(document_line_keys([p.text for p in doc.paragraphs if p.kept]))
    return LineCounts(counts)


class CountMerger:
    """Adds the line counts of the batches as they come, in O(n log n) over the run.

    Batches' counts wait in a list and are merged, all at once, when they hold as many keys
    as the merged counts (or ``MIN_BATCH``): each key is sorted O(log n) times in all,
    where merging batch by batch would sort the whole table again for every batch
    (hundreds of times on a large corpus).
    """

    MIN_BATCH = 1 << 16

    def __init__(self) -> None:
        self.merged: tuple[np.ndarray, np.ndarray] = (np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int64))
        self._waiting: list[tuple[np.ndarray, np.ndarray]] = []
        self._size = 0

    def add(self, keys: np.ndarray, counts: np.ndarray) -> None:
        """Adds one batch's distinct keys and counts."""
        self._waiting.append((keys, counts))
        self._size += len(keys)
        if self._size >= max(len(self.merged[0]), self.MIN_BATCH):
            self._merge()

    def _merge(self) -> None:
        if self._waiting:
            self.merged = merge_counts(self.merged, *self._waiting)
            self._waiting, self._size = [], 0

    def result(self) -> tuple[np.ndarray, np.ndarray]:
        """Returns every key once, sorted, with its number of documents."""
        self._merge()
        return self.merged


def merge_counts(*parts: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Adds sets of ``(distinct uint64 keys, int64 counts)``; returns the keys sorted, each once."""
    keys = np.concatenate([p[0] for p in parts]).astype(np.uint64, copy=False)
    counts = np.concatenate([p[1] for p in parts]).astype(np.int64, copy=False)
    if len(keys) == 0:
        return keys, counts
    order = np.argsort(keys, kind="stable")
    keys, counts = keys[order], counts[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    return keys[starts], np.add.reduceat(counts, starts)
