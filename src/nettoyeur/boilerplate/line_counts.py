"""The corpus-wide line counts behind the boilerplate frequency signal.

Pass 1 (:func:`nettoyeur.run.passes.count_batch`) turns each short line a document holds into a
64-bit key (:func:`hash64` of its frequency key, found by the native core); the
batches' sorted keys and counts are added up as they come (:class:`CountMerger`,
:func:`merge_counts`), and :class:`LineCounts` answers the frequency signal's question: in
how many files does this line recur?
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from nettoyeur.boilerplate import mark
from nettoyeur.boilerplate.line_shapes import shapes_core
from nettoyeur.boilerplate.sites import scoped_keys
from nettoyeur.records import Document
from nettoyeur.text.hashing import hash64
from nettoyeur.text.split import paragraph_line_keys


def document_line_keys(texts: list[str]) -> list[int]:
    """Returns the 64-bit keys of a document's counted lines and of its adjacent pairs of paired lines, each once.

    ``hash64`` of each counted line's :func:`~nettoyeur.boilerplate.line_shapes.frequency_key`
    (:func:`~nettoyeur.boilerplate.mark.counted`: fewer than ``FREQUENCY_MAX_WORDS`` words), and of
    the :func:`~nettoyeur.boilerplate.mark.pair_key` of each two adjacent counted lines that both
    hold a letter (:func:`~nettoyeur.boilerplate.mark.paired`): found by the native core in one call.

    Args:
        texts: the document's analysable kept lines, in order.
    """
    return shapes_core().line_keys(texts, mark.FREQUENCY_MAX_WORDS)


def text_line_keys(text: str, max_line_chars: int) -> tuple[int, bool, list[int] | None]:
    """:func:`document_line_keys` of a text's paragraphs of at most ``max_line_chars`` characters, unless repaired.

    One core call from the text (:func:`~nettoyeur.text.split.paragraph_line_keys`): the
    paragraphs' texts are never made strings.

    Returns:
        ``(paragraphs, suspect, keys)``: the number of paragraphs of the text, whether a line
        may need repair, and the keys (None where one may: they are those of the repaired paragraphs).
    """
    return paragraph_line_keys(text, shapes_core(), mark.FREQUENCY_MAX_WORDS, max_line_chars)


def counted_keys(texts: list[str], site: str | None) -> list[int]:
    """Returns the keys pass 1 counts for a document: :func:`document_line_keys`, and those scoped to its site.

    Args:
        texts: the document's analysable kept lines, in order.
        site: the document's site (:func:`~nettoyeur.boilerplate.sites.document_site`), or None.
    """
    return with_site_keys(document_line_keys(texts), site)


def with_site_keys(keys: list[int], site: str | None) -> list[int]:
    """Returns a document's keys (:func:`document_line_keys`) and those scoped to its site.

    The scoped keys (:func:`~nettoyeur.boilerplate.sites.scoped_keys`) count the files of the site
    holding each line or pair, in the same table as the corpus-wide keys.

    Args:
        keys: the document's keys.
        site: the document's site (:func:`~nettoyeur.boilerplate.sites.document_site`), or None.
    """
    return keys if site is None else keys + scoped_keys(keys, site)


class LineCounts(dict):
    """Files per frequency key, stored by 64-bit key: ``counts.get(text_key, 0)`` as on a Counter.

    The streaming run stores only keys found in two files or more (a line in one file
    never recurs, :meth:`from_arrays`), so memory grows with the recurring lines, not with
    the corpus; the in-memory run's :func:`count_lines` keeps them all.
    """

    def get(self, key: Any, default: Any = None) -> Any:
        """Returns the number of files holding the line with this frequency key."""
        return dict.get(self, hash64(key) if isinstance(key, str) else key, default)

    def __getitem__(self, key: Any) -> int:
        return self.get(key, 0)

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, hash64(key) if isinstance(key, str) else key)

    @staticmethod
    def from_arrays(keys: np.ndarray, counts: np.ndarray) -> LineCounts:
        """Builds the counts from parallel arrays, keeping counts of 2 or more."""
        many = counts >= 2
        return LineCounts(zip(keys[many].tolist(), counts[many].tolist()))


def count_lines(docs: Iterable[Document], sites: Sequence[str | None] | None = None) -> LineCounts:
    """Files per frequency key of the documents' kept lines (and adjacent pairs), every key kept.

    The in-memory run's counts (the streaming run merges its batches' counts instead): the
    same keys as :func:`counted_keys`, counts of 1 kept too, as the corpus index adds
    them to its own (a line once here and once in an earlier run recurs). ``sites``: each
    document's site, in order (None: no document has one).
    """
    counts: Counter[int] = Counter()
    for k, doc in enumerate(docs):
        site = None if sites is None else sites[k]
        counts.update(counted_keys([p.text for p in doc.paragraphs if p.kept], site))
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
