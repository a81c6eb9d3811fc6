"""The plan of a streaming run: the batches, and every verdict once dedup has decided.

:func:`plan_batches` cuts the corpus (in corpus order) into the batches each pass runs on.
After dedup, :class:`Plan` holds every document's verdicts on the driver (compact arrays),
and :meth:`Plan.task` cuts from it the :class:`WriteTask` of some documents: what the
re-mark and write passes (:mod:`nettoyeur.run.passes`) need to rebuild their verdicts.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from nettoyeur.records import Verdict
from nettoyeur.scratch.documents import Where

# Documents per batch: at most this many, and fewer on small corpora so that every
# worker gets about 8 batches (balance). 256 articles are ~1 MB, a task of ~50 ms.
BATCH_DOCS = 256
BATCHES_PER_WORKER = 8

# What the first pass learnt of a document: its checksum, whether a line of it may need
# repair (the later passes then skip the repair prefilter on the others), and where its
# snapshot lies (None: the later passes load it from the source; see nettoyeur.scratch.documents).
Seen = dict[str, tuple[str, bool, Where | None]]

# What the re-mark after dedup changed: per document path, per paragraph index, the new
# verdict (None: a duplicate promoted to kept copy).
Overrides = dict[str, dict[int, Verdict | None]]


@dataclass
class WriteTask:
    """What the passes after dedup need for some documents of one batch.

    Attributes:
        keys: the documents, in corpus order (loaded in pass 2).
        seen: their checksums, repair flags and snapshots.
        codes: uint32 per paragraph of these documents, in order: 0, or 1 + index of its
            boilerplate verdict (global table).
        first_pids: per document, the paragraph id of its first analysed paragraph.
        removals: per removed paragraph id: ``(reason, evidence, kept pid, kept doc, kept line)``.
        overrides: the re-mark's changes to these documents (applied last).
    """

    keys: list[str]
    seen: Seen
    codes: np.ndarray
    first_pids: list[int]
    removals: dict[int, tuple[str, tuple, int, str, int]]
    overrides: Overrides = field(default_factory=dict)


@dataclass
class Removals:
    """Dedup's removals as parallel arrays, sorted by paragraph id: what the plan holds after decide.

    ~40 bytes a removal, where a tuple ``(pid, target, reason, evidence)`` of Python objects
    took ~300 with the decision's lists it was made of (160,000 removals at 1M real
    paragraphs: ~50 MB on the main process through the re-mark and write passes).

    Attributes:
        pid: int64, the removed paragraphs, sorted.
        target: int64, the kept paragraph each one points at.
        reason: uint8, each removal's index in ``names``.
        names: the reasons (``duplicate``, ``contained``).
        evidence: float64 ``(k, 3)``: estimated (NaN: none), Jaccard, containment.
    """

    pid: np.ndarray
    target: np.ndarray
    reason: np.ndarray
    names: tuple[str, ...]
    evidence: np.ndarray

    @staticmethod
    def of(
        pid: list[int], target: list[int], reason: list[str], evidence: list[tuple[float | None, float, float]]
    ) -> Removals:
        """Returns the removals of a :class:`~nettoyeur.dedup.stage.Decision`'s parallel lists."""
        names = tuple(sorted(set(reason)))
        code = {name: k for k, name in enumerate(names)}
        return Removals(
            np.array(pid, dtype=np.int64),
            np.array(target, dtype=np.int64),
            np.fromiter((code[r] for r in reason), dtype=np.uint8, count=len(reason)),
            names,
            # None (no estimate) becomes NaN; every other value is a float, read back as it was.
            np.array(evidence, dtype=np.float64).reshape(-1, 3),
        )

    def __len__(self) -> int:
        return len(self.pid)

    def rows(self, start: int = 0, stop: int | None = None) -> Iterator[tuple[int, int, str, tuple]]:
        """Yields ``(pid, target, reason, evidence)`` of the removals ``start:stop``, as the decision made them."""
        part = slice(start, len(self.pid) if stop is None else stop)
        yield from self.taken(np.arange(len(self.pid))[part])

    def taken(self, at: np.ndarray) -> zip:
        """Returns ``(pid, target, reason, evidence)`` of the removals at positions ``at``, as the decision made them.

        Column by column: only the estimate can be NaN (no estimate: None again), the Jaccard
        and containment are always figures. Read a removal at a time, with ``math.isnan`` on
        each of its three values, the rows cost the main process 0.15 CPU-s of the re-mark and
        write passes' plans at 300k real paragraphs (~0.5 s at 1M), 0.8 of a microsecond a value.
        """
        ev = self.evidence[at]
        est = [None if v != v else v for v in ev[:, 0].tolist()]  # NaN is the one value unequal to itself
        evidence = zip(est, ev[:, 1].tolist(), ev[:, 2].tolist())
        reasons = [self.names[r] for r in self.reason[at].tolist()]
        return zip(self.pid[at].tolist(), self.target[at].tolist(), reasons, evidence)

    def __iter__(self) -> Iterator[tuple[int, int, str, tuple]]:
        return self.rows()


def no_removals() -> Removals:
    """Returns the removals of a plan before decide: none."""
    return Removals.of([], [], [], [])


@dataclass
class Plan:
    """Every verdict of a streaming run once dedup has decided, by document (on the driver).

    Attributes:
        paths: the loaded documents, in corpus order.
        seen: their checksums, repair flags and snapshots.
        codes: uint32 per paragraph of every document (see :class:`WriteTask`).
        para_start: int64, per document, the position of its first paragraph in ``codes``
            (one more entry: the total).
        doc_of: int32, the document of each analysed paragraph (by paragraph id).
        lines: int32, the line of each analysed paragraph.
        indices: int32, the index of each analysed paragraph in its document.
        removed: int64, the removed paragraph ids, sorted (``removals.pid``).
        removals: the decision: per removal ``(pid, target, reason, evidence)``.
    """

    paths: list[str]
    seen: Seen
    codes: np.ndarray
    para_start: np.ndarray
    doc_of: np.ndarray
    lines: np.ndarray
    indices: np.ndarray
    removed: np.ndarray
    removals: Removals

    @cached_property
    def _first(self) -> list[int]:
        """Per document (and one past the last), the id of its first analysed paragraph.

        One vectorised search for every document: a search per document, with ``doc_of``
        cast to the query's type each time, cost the main process O(documents x paragraphs).
        """
        docs = np.arange(len(self.paths) + 1, dtype=self.doc_of.dtype)
        return np.searchsorted(self.doc_of, docs, side="left").tolist()

    def first_pid(self, doc: int) -> int:
        """Returns the paragraph id of a document's first analysed paragraph."""
        return self._first[doc]

    def task(self, docs: list[int], overrides: Overrides | None = None) -> WriteTask:
        """Returns the task of some documents (indices in ``paths``, in order), with their overrides."""
        keys = [self.paths[d] for d in docs]
        codes = [self.codes[self.para_start[d] : self.para_start[d + 1]] for d in docs]
        first_pids = [self._first[d] for d in docs]
        # Each document's removals: the run of ``removed`` between its first paragraph id and the next one's.
        lo = np.searchsorted(self.removed, np.array(first_pids, dtype=np.int64)).tolist()
        hi = np.searchsorted(self.removed, np.array([self._first[d + 1] for d in docs], dtype=np.int64)).tolist()
        at = np.concatenate([np.arange(start, stop) for start, stop in zip(lo, hi)] + [np.zeros(0, dtype=np.int64)])
        targets = self.removals.target[at]
        kept_docs = [self.paths[d] for d in self.doc_of[targets].tolist()]
        kept = zip(kept_docs, self.lines[targets].tolist())
        removals: dict[int, tuple[str, tuple, int, str, int]] = {
            pid: (reason, evidence, target, doc, line)
            for (pid, target, reason, evidence), (doc, line) in zip(self.removals.taken(at), kept)
        }
        return WriteTask(
            keys,
            {k: self.seen[k] for k in keys},
            np.concatenate(codes) if codes else np.empty(0, dtype=np.uint32),
            first_pids,
            removals,
            {k: overrides[k] for k in keys if k in overrides} if overrides else {},
        )


def plan_batches(keys: list[str], workers: int) -> list[list[str]]:
    """Cuts the keys (in corpus order) into consecutive batches."""
    if not keys:
        return []
    size = max(1, min(BATCH_DOCS, math.ceil(len(keys) / (workers * BATCHES_PER_WORKER))))
    return [keys[i : i + size] for i in range(0, len(keys), size)]
