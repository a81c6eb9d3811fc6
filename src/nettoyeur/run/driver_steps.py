"""The self-contained helpers of :func:`nettoyeur.run.streaming.run`, on the driver.

:func:`remark_plan` drives the re-mark after dedup (first marks on workers, then the hand-over
of kept copies, :mod:`nettoyeur.boilerplate.after_dedup`); :func:`reported_entries` lists the paragraphs dedup
kept but reports; :class:`ReportFile` appends the report records batch by batch to a
temporary file renamed into place at the end.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from nettoyeur.boilerplate.after_dedup import Copy, Marks, remark_after_dedup
from nettoyeur.corpus.atomic import file_mode, named_errors, remove_stale_temporaries, temporary_prefix
from nettoyeur.dedup.stage import Decision, make_verdict, reported_record
from nettoyeur.executors.base import Executor
from nettoyeur.run.context import RunContext
from nettoyeur.run.passes import remark_batch, stored_shapes
from nettoyeur.run.verdict_plan import Overrides, Plan
from nettoyeur.scratch.paragraphs import SpillTexts


def reported_entries(decision: Decision, plan: Plan, store: SpillTexts) -> list[dict[str, Any]]:
    """Returns the summary entries of the paragraphs kept but reported (contained, quoted)."""
    if not decision.reported:
        return []
    ids = np.array([pid for r in decision.reported for pid in r[:2]], dtype=np.int64)
    texts = store.texts(ids)
    out = []
    for k, (pid, target, reason, ev) in enumerate(decision.reported):
        kept_doc, kept_line = plan.paths[plan.doc_of[target]], int(plan.lines[target])
        verdict = make_verdict(reason, ev, kept_doc, kept_line, texts[2 * k + 1], decision.keep)
        doc = plan.paths[plan.doc_of[pid]]
        out.append(reported_record(doc, int(plan.lines[pid]), int(plan.indices[pid]), texts[2 * k], verdict))
    return out


def _by_batch(docs: np.ndarray, batch_keys: list[list[str]]) -> list[list[int]]:
    """The documents ``docs`` (sorted indices in corpus order), grouped by batch; batches without any left out."""
    ends = np.cumsum([len(keys) for keys in batch_keys])
    cuts = np.searchsorted(docs, ends).tolist()
    return [part.tolist() for part in np.split(docs, cuts[:-1]) if len(part)]


def remark_plan(
    plan: Plan, batch_keys: list[list[str]], ctx: RunContext, executor: Executor, progress: bool = False
) -> Overrides:
    """The re-mark after dedup: first marks on workers (documents dedup thinned), then the driver.

    Args:
        plan: the run's plan of verdicts.
        batch_keys: the documents of each batch.
        ctx: the context of the batch passes (with the line counts and the spilled texts).
        executor: where the batches are marked.
        progress: show a progress bar of the documents re-marked (on standard error).

    Returns:
        the verdict changes the write pass applies.
    """
    thinned = np.unique(plan.doc_of[plan.removed])
    groups = _by_batch(thinned, batch_keys)
    # The tasks are made as the executor asks for them: made all at once, their removals
    # held ~20 MB on the driver at 1M real paragraphs (160,000 removals), at its peak.
    tasks = (plan.task(mine) for mine in groups)
    first: dict[str, Marks] = {}
    with tqdm(total=len(thinned), desc="re-mark", unit="doc", disable=not progress) as bar:
        for part in executor.map(remark_batch, tasks, ctx, jobs=len(groups)):
            first.update(part)
            bar.update(len(part))
    pointing = LazyPointing(plan, ctx.config.keep)
    doc_index = pointing.doc_index
    # One reader of the stored shapes for every document marked here: it keeps the batch file
    # it read last, and the documents come in path order, a batch after another. A reader
    # each re-read the whole batch's file (~38,000 rows at 1M real paragraphs) for one document.
    shapes = stored_shapes(ctx)

    def recompute(path: str, overrides: Overrides) -> Marks:
        task = plan.task([doc_index[path]], overrides)
        return remark_batch(ctx, task, shapes)[path]

    store = ctx.store
    assert store is not None
    def marks_of(path: str, overrides: Overrides, as_dedup_left_it: bool) -> Marks:
        return first[path] if as_dedup_left_it else recompute(path, overrides)

    def text_of(pid: int) -> str:
        return store.texts(np.array([pid], dtype=np.int64))[0]

    return remark_after_dedup(pointing, marks_of, text_of, paths=[plan.paths[d] for d in thinned.tolist()])


class LazyPointing:
    """The removals by the kept paragraph ``(document, line)`` they point at, as the hand-over reads them.

    A key's :class:`Copy` objects (and their verdicts) are made only when the hand-over asks
    for them, when that kept paragraph is removed as boilerplate: the removals are held as a
    sorted array of their kept paragraphs' codes (16 bytes a removal). Made for every removal
    up front, as a dict of lists, they cost the main process 0.15 CPU-s of the re-mark at 300k
    real paragraphs (~0.5 s at 1M) and ~200 bytes a removal, for the few dozen keys read.
    """

    def __init__(self, plan: Plan, keep: str) -> None:
        self.plan = plan
        self.keep = keep
        self.doc_index = {path: d for d, path in enumerate(plan.paths)}
        target = plan.removals.target
        codes = self._code(plan.doc_of[target], plan.lines[target])
        # Stable: a key's removals stay in paragraph id order, as the dict of lists held them.
        self.order = np.argsort(codes, kind="stable")
        self.codes = codes[self.order]
        self.made: dict[tuple[str, int], list[Copy]] = {}  # keys read or added by the hand-over
        self.taken: set[tuple[str, int]] = set()  # keys whose removals were moved into ``made`` or popped

    @staticmethod
    def _code(doc: np.ndarray, line: np.ndarray) -> np.ndarray:
        return doc.astype(np.int64) << 32 | line.astype(np.int64)

    def _span(self, key: tuple[str, int]) -> tuple[int, int]:
        """The positions in ``codes`` of the removals pointing at ``key`` (empty once taken)."""
        doc = self.doc_index.get(key[0])
        if doc is None or key in self.taken:
            return 0, 0
        code = self._code(np.array([doc]), np.array([key[1]]))
        lo, hi = np.searchsorted(self.codes, code, side="left"), np.searchsorted(self.codes, code, side="right")
        return int(lo[0]), int(hi[0])

    def _take(self, key: tuple[str, int]) -> list[Copy]:
        """Makes the copies of the removals pointing at ``key`` (none once taken), and marks them taken."""
        lo, hi = self._span(key)
        self.taken.add(key)
        if lo == hi:
            return []
        plan = self.plan
        rows = list(plan.removals.taken(self.order[lo:hi]))
        pids = np.array([row[0] for row in rows], dtype=np.int64)
        places = zip(plan.doc_of[pids].tolist(), plan.lines[pids].tolist(), plan.indices[pids].tolist())
        return [
            Copy(plan.paths[doc], line, index, pid, make_verdict(reason, ev, key[0], key[1], "", self.keep))
            for (pid, _, reason, ev), (doc, line, index) in zip(rows, places)
        ]

    def __contains__(self, key: object) -> bool:
        if key in self.made:
            return True
        assert isinstance(key, tuple)
        lo, hi = self._span(key)
        return lo < hi

    def pop(self, key: tuple[str, int]) -> list[Copy]:
        """Removes the key; returns its copies.

        Raises:
            KeyError: no removal points at ``key``.
        """
        if key not in self:
            raise KeyError(key)
        return self._take(key) + self.made.pop(key, [])

    def setdefault(self, key: tuple[str, int], default: list[Copy]) -> list[Copy]:
        """Returns the key's list of copies (to append to), ``default`` where none points at it."""
        if key not in self.made:
            self.made[key] = self._take(key) or default
        return self.made[key]


class ReportFile:
    """The report records, appended batch by batch to a temporary file renamed at the end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        prefix = temporary_prefix(path)  # named after the report: a killed run's leftover is removed here
        remove_stale_temporaries(path.parent, recursive=False, prefix=prefix)
        fd, self.tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=path.parent)
        self.handle = os.fdopen(fd, "wb")

    def write(self, text: bytes) -> None:
        """Appends report lines (UTF-8) to the temporary file.

        Raises:
            OSError: the disk is full (its filename is the report's path).
        """
        with named_errors(self.path):
            self.handle.write(text)

    def append(self, path: str) -> None:
        """Appends the report lines a worker spilled to ``path`` (read in 1 MiB blocks); the caller removes it.

        Raises:
            OSError: the spill file cannot be read, or the disk is full (its filename is the report's path).
        """
        with open(path, "rb") as part:
            while True:
                block = part.read(1 << 20)
                if not block:
                    break
                self.write(block)

    def commit(self) -> None:
        """Makes the temporary file durable and renames it over the report.

        Raises:
            OSError: the file cannot be synced or renamed.
        """
        with named_errors(self.path):
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            os.chmod(self.tmp, file_mode())  # mkstemp makes 0600; give the mode any new file gets
            os.replace(self.tmp, self.path)

    def abort(self) -> None:
        """Closes and removes the temporary file (after a failure)."""
        try:
            self.handle.close()
        except OSError:  # the disk is full: the bytes it held are dropped with the file
            pass
        try:
            os.unlink(self.tmp)
        except OSError:
            pass
