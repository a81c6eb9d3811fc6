"""The batch passes of the streaming pipeline, run by a worker process or a Ray task.

Each pass is a plain function of one batch (see :mod:`nettoyeur.run.streaming` for the run
that calls them):

1. :func:`count_batch`: line keys of each document, for the boilerplate frequency signal;
2. :func:`analyse_batch`: boilerplate verdicts and the dedup stage's compact arrays, texts
   spilled to disk;
3. :func:`remark_batch` (documents dedup thinned only): the boilerplate signals again, on
   what dedup left (see :mod:`nettoyeur.boilerplate.after_dedup`);
4. :func:`write_batch`: every verdict applied, the output rendered with its report records.

Each later pass restores the documents as the first one read them (:mod:`nettoyeur.scratch.documents`)
or, without snapshots, loads them again and checks that they read the same
(:func:`nettoyeur.corpus.sources.load_for_pass`). The line counts live in
:mod:`nettoyeur.boilerplate.line_counts`, the batches and the write tasks in :mod:`nettoyeur.run.verdict_plan`.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import operator
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nettoyeur._core import DocumentWriter, VerdictTable, left_for_dedup, spill_bytes
from nettoyeur.boilerplate import mark
from nettoyeur.boilerplate.after_dedup import remark_document
from nettoyeur.boilerplate.line_counts import with_site_keys
from nettoyeur.boilerplate.line_shapes import memo_for
from nettoyeur.boilerplate.sites import document_site
from nettoyeur.config import CleanConfig
from nettoyeur.corpus.atomic import named_errors
from nettoyeur.corpus.shard_write import ending_as_read
from nettoyeur.corpus.shards import RecordDocument
from nettoyeur.corpus.sources import analysable, load_first, load_for_pass, text_for_pass
from nettoyeur.dedup.keep import parse_keep, record_value
from nettoyeur.dedup.stage import QUOTED_DETAIL, Analysis, analyse_for, make_verdict, recorded_keep
from nettoyeur.executors import process_pool
from nettoyeur.records import Document, Skip, Verdict
from nettoyeur.report.report_file import document_writer, json_value
from nettoyeur.run.context import RunContext
from nettoyeur.run.summary import DocInfo, doc_info
from nettoyeur.run.verdict_plan import Seen, WriteTask
from nettoyeur.scratch import documents
from nettoyeur.scratch.documents import RecordPart, Repaired, Where
from nettoyeur.scratch.line_shapes import SUFFIX, ShapeLog, StoredShapes
from nettoyeur.scratch.paragraphs import write_anchors, write_band_keys

# Documents between two trims of the main process's heap (see process_pool.trim_memory).
TRIM_EVERY = 4096
# Paragraph characters a batch analyses at once: bounds a worker's memory (~30 bytes a
# character in the tokeniser) whatever the size of its documents.
ANALYSE_CHARS = 1 << 22


# --- batch tasks (run on workers) ----------------------------------------------------------


def _load_checked(ctx: RunContext, key: str, seen: Seen | None) -> tuple[Document | Skip, bool]:
    """:func:`~nettoyeur.corpus.sources.load_for_pass` of ``key`` from the run's source (``seen``: None in pass 1).

    Raises:
        InputError: the document's bytes changed between passes (no snapshot).
        OSError: the snapshot cannot be read.
    """
    expected = None if seen is None else seen.get(key, ("", False, None))
    return load_for_pass(ctx.source, key, expected, ctx.config.max_line_chars)


def _snapshots(ctx: RunContext, first_pass: bool = True) -> documents.SnapshotWriter | contextlib.nullcontext[None]:
    """A writer of this batch's snapshots in the first pass of a run that keeps them (on this machine), else nothing.

    Raises:
        OSError: the snapshot file cannot be created.
    """
    folder = ctx.snapshot_dir
    return documents.SnapshotWriter(folder) if folder and first_pass else contextlib.nullcontext()


def count_batch(ctx: RunContext, keys: list[str]) -> tuple[Seen, list[Skip], np.ndarray, np.ndarray]:
    """Pass 1 on one batch: the line keys of each document, counted once per document.

    Returns:
        ``(seen, skips, keys, counts)``: the checksum, repair flag and snapshot of each
        loaded document, the documents skipped, and the batch's sorted distinct line keys with
        the number of its documents holding each.
    """
    seen: Seen = {}
    skips: list[Skip] = []
    found: list[int] = []
    max_chars = ctx.config.max_line_chars
    with _snapshots(ctx) as kept:
        for key in keys:
            item, suspect, line_keys = load_first(ctx.source, key, max_chars)  # of the analysable paragraphs
            if isinstance(item, Skip):
                skips.append(item)
                continue
            seen[key] = (item.checksum, suspect, documents.keep(kept, item))
            found.extend(with_site_keys(line_keys, document_site(item, ctx.config.site)))
    uniq, counts = np.unique(np.array(found, dtype=np.uint64), return_counts=True)
    return seen, skips, uniq, counts.astype(np.int64)


# The fields of a verdict, the key under which equal verdicts share one code: one C call
# (operator.attrgetter) where a generator over the names cost ~3 us a verdict (0.5 s of
# pass 2 at 300k paragraphs, profiled, for 147k boilerplate verdicts).
verdict_key: Callable[[Verdict], tuple] = operator.attrgetter(*(f.name for f in dataclasses.fields(Verdict)))


@dataclass
class BatchAnalysis:
    """Pass 2's result for one batch.

    Attributes:
        infos: the documents loaded, in order.
        seen: their checksums, repair flags and snapshots.
        skips: the documents skipped.
        codes: uint32 per paragraph of the loaded documents: 0 for none, else 1 + the
            index of its boilerplate verdict in ``verdicts``.
        verdicts: the batch's distinct boilerplate verdicts.
        analysis: the dedup arrays of the paragraphs left (ids local to the batch).
        doc_of: int32, the document (index in ``infos``) of each analysed paragraph.
        lines: int32, the line of each analysed paragraph.
        indices: int32, the index (in its document) of each analysed paragraph.
        spill: the spill file holding the analysed paragraphs' texts.
        offsets: int64 byte offset of each analysed paragraph in the spill file.
        lengths: int32 byte length of each.
        band_rows: with ``RunContext.spill_keys``, the rows of band keys written
            to ``spill + ".bands"`` (the analysis then holds none); else 0.
        anchor_counts: likewise, the anchors per part in ``spill + ".anchors"``, or None.
        keep_values: per document of ``infos``, its ``--keep`` field's value (field rules
            only; empty otherwise).
    """

    infos: list[DocInfo]
    seen: Seen
    skips: list[Skip]
    codes: np.ndarray
    verdicts: list[Verdict]
    analysis: Analysis
    doc_of: np.ndarray
    lines: np.ndarray
    indices: np.ndarray
    spill: str
    offsets: np.ndarray
    lengths: np.ndarray
    band_rows: int = 0
    anchor_counts: np.ndarray | None = None
    keep_values: list[Any] = field(default_factory=list)


class _SpillWriter:
    """Pass 2's paragraphs left for dedup: analysed in runs of ``ANALYSE_CHARS`` and their texts spilled.

    Args:
        handle: the open spill file.
        spill: its path (named in errors).
        config: the run's options.
    """

    def __init__(self, handle: Any, spill: str, config: CleanConfig) -> None:
        self.handle, self.spill, self.config = handle, spill, config
        self.texts: list[str] = []
        self.chars = 0
        self.position = 0
        self.parts: list[Analysis] = []
        self.offsets: list[np.ndarray] = []
        self.lengths: list[np.ndarray] = []

    def extend(self, texts: list[str]) -> None:
        """Queues paragraphs for :meth:`flush`."""
        self.texts.extend(texts)
        self.chars += sum(map(len, texts))

    def full(self) -> bool:
        """Whether the queue holds ``ANALYSE_CHARS`` (checked between documents)."""
        return self.chars >= ANALYSE_CHARS

    def flush(self) -> None:
        """Analyses the queued paragraphs and appends their texts to the spill file.

        Raises:
            OSError: the spill file cannot be written (its path named).
        """
        if not self.texts:
            return
        self.parts.append(analyse_for(self.texts, self.config))
        # Each text's ``encode("utf-8", "surrogatepass")``, joined, and their lengths, in one core call
        # (native/src/render_py.rs): in Python, 5% of the analyse pass's samples on c300 (py-spy, one worker).
        data, size = spill_bytes(self.texts)
        self.offsets.append(self.position + np.cumsum(size) - size)
        self.lengths.append(size.astype(np.int32))
        try:
            self.handle.write(data)
        except OSError as err:  # name the file: the message must say where the disk is full
            raise OSError(err.errno, err.strerror, self.spill) from err
        self.position += int(size.sum())
        self.texts, self.chars = [], 0


class _VerdictTable:
    """The distinct boilerplate verdicts of a batch, each with a code (1 + its index)."""

    def __init__(self) -> None:
        self.table: dict[tuple, int] = {}
        self.verdicts: list[Verdict] = []

    def code(self, verdict: Verdict) -> int:
        """Returns the code of ``verdict`` (a new one for a verdict not seen yet)."""
        entry = verdict_key(verdict)
        code = self.table.get(entry)
        if code is None:
            code = self.table[entry] = len(self.verdicts) + 1
            self.verdicts.append(verdict)
        return code


def _mark_boilerplate(ctx: RunContext, doc: Document, shape_log: ShapeLog | None) -> None:
    """Marks the boilerplate of ``doc`` (given the line counts), logging the shapes of the paragraphs left."""
    view = analysable(doc, ctx.config.max_line_chars)
    paras = [p for p in view.paragraphs if p.verdict is None]  # (``p.kept``: a property call each)
    shapes = mark.shapes(paras, ctx.rules)
    config, counts = ctx.config, ctx.counts
    marks, around = mark.line_data(view, paras, [info for info, _ in shapes], counts is not None)
    mark.mark(
        view,
        ctx.rules,
        counts,
        config.min_files,
        lines=shapes,
        around=around,
        marks=marks,
        comments=config.comments,
        site=document_site(doc, config.site),
    )
    if shape_log is not None:  # the paragraphs left are the ones analysed, with what the re-mark pass reads again
        left = [k for k, p in enumerate(paras) if p.verdict is None]
        texts = [p.text for p in paras]
        shape_log.add(shapes, around, marks, texts, None if len(left) == len(paras) else left)


def _spill_keys(analysis: Analysis, spill: str, bands: int) -> tuple[int, np.ndarray]:
    """Writes the band keys and anchors of ``analysis`` beside the spill file and drops them from it.

    The band keys and anchors are most of the analysis; decide reads them a band or an
    anchor part at a time, so the main process never holds them all.

    Returns:
        ``(band_rows, anchor_counts)``: the rows of band keys written, the anchors per part.
    """
    write_band_keys(spill + ".bands", analysis.band_keys)
    anchor_counts = write_anchors(spill + ".anchors", analysis.anchor_keys, analysis.anchor_owner)
    band_rows = len(analysis.band_keys)
    analysis.band_keys = np.empty((0, bands), dtype=np.uint64)
    analysis.anchor_keys = np.empty(0, dtype=np.uint32)
    analysis.anchor_owner = np.empty(0, dtype=np.int32)
    return band_rows, anchor_counts


def _left_for_dedup(
    doc: Document,
    max_chars: int,
    table: _VerdictTable,
    writer: _SpillWriter,
    where: tuple[list[int], list[int], list[int]],
    number: int,
) -> np.ndarray:
    """Queues the paragraphs of ``doc`` left for dedup in ``writer`` and returns the codes of its verdicts.

    ``where``: the lists of each queued paragraph's document (``number``), line and index, extended here.
    The paragraphs are queued a document at a time: one method call and three appends a paragraph
    were 1.5% of the analyse pass on c300 (py-spy, one worker); the native core walks them
    (``_core.left_for_dedup``, native/src/walks_py.rs): the Python loop was 2.4% of its samples.
    """
    doc_codes, texts, line_numbers, para_indices = left_for_dedup(doc.paragraphs, max_chars, table.code)
    if texts:
        doc_of, lines, indices = where
        writer.extend(texts)
        doc_of.extend([number] * len(texts))
        lines.extend(line_numbers)
        indices.extend(para_indices)
    return doc_codes


def analyse_batch(ctx: RunContext, task: tuple[int, list[str], Seen | None]) -> BatchAnalysis:
    """Pass 2 on one batch: mark boilerplate, analyse the paragraphs left, spill their texts.

    Args:
        ctx: the run's context (with the line counts and rules when boilerplate is removed).
        task: ``(batch index, keys, what pass 1 saw of them or None)``.

    Raises:
        InputError: a document changed since pass 1.
        OSError: the spill file cannot be written.
    """
    index, keys, expected = task
    config = ctx.config
    infos: list[DocInfo] = []
    seen: Seen = {}
    skips: list[Skip] = []
    codes: list[np.ndarray] = []
    table = _VerdictTable()
    doc_of: list[int] = []
    lines: list[int] = []
    indices: list[int] = []
    where = (doc_of, lines, indices)  # of each paragraph left for dedup: its document, line and index
    spill = os.path.join(ctx.spill_dir, f"{index:07d}.txt")
    shape_log = ShapeLog() if ctx.shapes else None  # for the re-mark pass (nettoyeur.scratch.line_shapes)
    keep_rule = parse_keep(config.keep)
    keep_values: list[Any] = []
    # Without pass 1 (no boilerplate), this is the first pass: it keeps the snapshots.
    with named_errors(spill), open(spill, "wb") as handle, _snapshots(ctx, first_pass=expected is None) as kept:
        writer = _SpillWriter(handle, spill, config)
        for key in keys:
            item, suspect = _load_checked(ctx, key, expected)
            if isinstance(item, Skip):
                skips.append(item)
                continue
            doc = item
            seen[key] = expected[key] if expected is not None else (doc.checksum, suspect, documents.keep(kept, doc))
            if config.boilerplate:
                _mark_boilerplate(ctx, doc, shape_log)
            codes.append(_left_for_dedup(doc, config.max_line_chars, table, writer, where, len(infos)))
            infos.append(doc_info(doc, config.max_line_chars))
            if keep_rule.needs_records:
                keep_values.append(record_value(getattr(doc, "record", None), keep_rule))
            if writer.full():
                writer.flush()
        writer.flush()
    if shape_log is not None:
        shape_log.write(spill + SUFFIX)
    bands = config.bands_rows[0]
    analysis = Analysis.concat(writer.parts, bands)
    band_rows, anchor_counts = _spill_keys(analysis, spill, bands) if ctx.spill_keys else (0, None)
    process_pool.trim_memory()  # a worker too would keep its high-water mark from batch to batch
    return BatchAnalysis(
        infos=infos,
        seen=seen,
        skips=skips,
        codes=np.concatenate(codes) if codes else np.empty(0, dtype=np.uint32),
        verdicts=table.verdicts,
        analysis=analysis,
        doc_of=np.array(doc_of, dtype=np.int32),
        lines=np.array(lines, dtype=np.int32),
        indices=np.array(indices, dtype=np.int32),
        spill=spill,
        offsets=np.concatenate(writer.offsets) if writer.offsets else np.empty(0, dtype=np.int64),
        lengths=np.concatenate(writer.lengths) if writer.lengths else np.empty(0, dtype=np.int32),
        band_rows=band_rows,
        anchor_counts=anchor_counts,
        keep_values=keep_values,
    )


# The verdict a removed paragraph carries while only its removal matters (the re-mark pass:
# marking looks at kept paragraphs only).
_REMOVED = Verdict("duplicate")


def _apply(
    ctx: RunContext,
    doc: Document,
    codes: list[int],
    first: int,
    removed: list[int],
    task: WriteTask,
    kept_text: dict[int, str] | None,
) -> None:
    """Gives each paragraph of ``doc`` its verdict: boilerplate (``codes``), dedup (``removed``), re-mark.

    Args:
        ctx: the run's context (the verdicts of pass 2).
        doc: the document, as pass 1 read it.
        codes: its paragraphs' verdict codes.
        first: the paragraph id of its first analysed paragraph.
        removed: the ids dedup removed among its analysed paragraphs, sorted.
        task: its batch's task (the removals and the re-mark's changes).
        kept_text: the kept copies' texts by paragraph id; None gives removals a placeholder verdict.
    """
    max_chars = ctx.config.max_line_chars
    table: list[Verdict] = ctx.verdicts or []
    paragraphs = doc.paragraphs
    if removed:  # some paragraph was dedup's
        removals, pid = task.removals, first
        for p, code in zip(paragraphs, codes):
            if code:
                p.verdict = table[code - 1]
            elif len(p.text) <= max_chars:
                removal = removals.get(pid)
                if removal is not None:
                    p.verdict = _REMOVED if kept_text is None else _dedup_verdict(ctx, removal, kept_text)
                pid += 1
    elif any(codes):  # boilerplate verdicts alone
        for p, code in zip(paragraphs, codes):
            if code:
                p.verdict = table[code - 1]
    changes = task.overrides.get(doc.path)
    if changes:
        for p in paragraphs:
            if p.index in changes:
                p.verdict = changes[p.index]


def _dedup_verdict(ctx: RunContext, removal: tuple[str, tuple, int, str, int], kept_text: dict[int, str]) -> Verdict:
    """The verdict of one dedup removal ``(reason, evidence, kept pid, kept doc, kept line)``."""
    return make_verdict(*_removal(removal, kept_text), ctx.config.keep)


def _documents(task: WriteTask) -> Iterator[tuple[str, int, list[int]]]:
    """Each document of ``task``: its key, the id of its first analysed paragraph, and the ids dedup removed of it.

    A document's paragraph ids run up to the next document's first (the task's documents are
    in corpus order, and its removals are those of its documents only).
    """
    removed = sorted(task.removals)
    ends = [*task.first_pids[1:], None]
    for key, pid, end in zip(task.keys, task.first_pids, ends):
        lo = bisect.bisect_left(removed, pid)
        hi = len(removed) if end is None else bisect.bisect_left(removed, end)
        yield key, pid, removed[lo:hi]


def _rebuilt(
    ctx: RunContext, task: WriteTask, kept_text: dict[int, str] | None
) -> Iterator[tuple[Document, int, list[int]]]:
    """Loads the task's documents and gives each paragraph its verdict (boilerplate, dedup, re-mark).

    Args:
        ctx: the run's context (the verdicts of pass 2).
        task: the documents and their verdicts.
        kept_text: the kept copies' texts by paragraph id; None gives removals a placeholder verdict.

    Yields:
        ``(document, its first paragraph id, its paragraphs' verdict codes)``.

    Raises:
        InputError: a document changed since pass 1.
    """
    position = 0
    for key, pid, removed in _documents(task):
        doc, codes = _loaded(ctx, task, key, pid, removed, position, kept_text)
        position += len(codes)
        yield doc, pid, codes


def _loaded(
    ctx: RunContext,
    task: WriteTask,
    key: str,
    pid: int,
    removed: list[int],
    position: int,
    kept_text: dict[int, str] | None,
) -> tuple[Document, list[int]]:
    """Loads the document ``key`` and gives each paragraph its verdict (:func:`_apply`).

    ``position``: where its paragraphs' codes start in ``task.codes``; returns the document and its codes.

    Raises:
        InputError: a document changed since pass 1.
    """
    doc, _ = _load_checked(ctx, key, task.seen)
    assert isinstance(doc, Document)
    codes = task.codes[position : position + len(doc.paragraphs)].tolist()
    _apply(ctx, doc, codes, pid, removed, task, kept_text)
    return doc, codes


def remark_batch(
    ctx: RunContext, task: WriteTask, stored: StoredShapes | None = None
) -> dict[str, list[tuple[int, int, Verdict]]]:
    """The re-mark pass on the documents of one batch that dedup thinned: boilerplate signals again.

    Args:
        ctx: the run's context.
        task: the documents.
        stored: the shapes pass 2 stored (:func:`stored_shapes`), where the caller keeps them
            from task to task (it then reads a batch's file once for several tasks); None:
            opened here.

    Returns:
        per document path, the paragraphs newly marked: ``(index, line, verdict)``, in order.

    Raises:
        InputError: a document changed since pass 1.
        OSError: the shapes pass 2 stored cannot be read.
    """
    config = ctx.config
    max_chars = config.max_line_chars
    if stored is None:
        stored = stored_shapes(ctx)
    out: dict[str, list[tuple[int, int, Verdict]]] = {}
    for doc, pid, codes in _rebuilt(ctx, task, None):
        found = None if stored is None else stored.lines(doc, codes, pid, max_chars)
        view = analysable(doc, max_chars)
        site = document_site(doc, config.site)
        out[doc.path] = remark_document(view, ctx.rules or [], ctx.counts, config.min_files, found, site)
    return out


def stored_shapes(ctx: RunContext) -> StoredShapes | None:
    """The shapes pass 2 stored of the paragraphs it analysed (:mod:`nettoyeur.scratch.line_shapes`), or None.

    The re-mark reads them instead of describing any paragraph again.
    """
    store = ctx.store
    return StoredShapes(store.files, store.first, memo_for(ctx.rules)) if ctx.shapes and store is not None else None


@dataclass
class BatchOutput:
    """Pass 3's result for one batch: staged or rendered files (or documents), report lines, counts.

    The report lines come as UTF-8 bytes, or, where the worker shares the driver's disk, in a
    file of the run's spill folder (``report_path``; ``report`` is then empty) that the driver
    appends to the report and removes.
    """

    outputs: list[Any]
    report: bytes
    counts: Counter
    report_path: str | None = None


class _ReportLines:
    """A batch's report lines (UTF-8, from the core): gathered, or written as they come to a spill file.

    On real pages a batch of 256 documents holds ~38,000 paragraphs and ~10 MB of report
    lines (254 MB for 1M paragraphs): as records, then bytes, then pickled, the worker held
    each batch several times over, and the driver every batch in its window (measured, 1M
    real paragraphs, 2 workers: the write pass's peak 456 MB, the driver 111 -> 189 MB).
    """

    def __init__(self, spill_dir: str | None) -> None:
        self.chunks: list[bytes] = []
        self.path: str | None = None
        self.handle: Any = None
        if spill_dir:
            with named_errors(spill_dir):
                fd, self.path = tempfile.mkstemp(prefix="report-", suffix=".jsonl", dir=spill_dir)
            self.handle = os.fdopen(fd, "wb")

    def add_bytes(self, data: bytes) -> None:
        """Adds report lines (UTF-8), after those added before.

        Raises:
            OSError: the spill file cannot be written (disk full).
        """
        if self.handle is None:
            self.chunks.append(data)
        elif data:
            with named_errors(self.path or ""):
                self.handle.write(data)

    def output(self, outputs: list[Any], counts: Counter) -> BatchOutput:
        """The batch's output with its report lines (the spill file closed).

        Raises:
            OSError: the spill file cannot be written (disk full).
        """
        if self.handle is None:
            return BatchOutput(outputs, b"".join(self.chunks), counts)
        with named_errors(self.path or ""):
            self.handle.close()
        return BatchOutput(outputs, b"", counts, self.path)


# Report bytes the core holds before they go to the batch's report lines: a few hundred
# documents' lines, one write each (a write a document cost a system call each).
REPORT_CHUNK = 1 << 20


# The run's boilerplate verdicts as the core writes them, made once a process: the context (and
# so its list of verdicts) comes to a worker once, for all its batches; held here with the list,
# whose identity says whether the table is still its.
_table: tuple[list[Verdict], VerdictTable] | None = None


def _verdict_table(verdicts: list[Verdict]) -> VerdictTable:
    """The core's table of ``verdicts`` (each ``to_dict()``), made at the first batch of the run."""
    global _table
    if _table is None or _table[0] is not verdicts:
        _table = (verdicts, VerdictTable([verdict.to_dict() for verdict in verdicts], json_value))
    return _table[1]


def _core_writer(ctx: RunContext) -> DocumentWriter:
    """The core's writer of this batch's output files (where the sink takes rendered bytes) and report lines.

    Dedup's verdicts are made in the core from ``make_verdict``'s arguments, with the same recorded
    ``keep`` (``recorded_keep``) and detail of a quoted copy (``QUOTED_DETAIL``); a paragraph repair
    left blank gets ``mark_blank_after_repair``'s verdict there.
    """
    return document_writer(_verdict_table(ctx.verdicts or []), recorded_keep(ctx.config.keep), QUOTED_DETAIL)


def write_batch(ctx: RunContext, task: WriteTask) -> BatchOutput:
    """The write pass on one batch: apply the verdicts, render the documents and their report records.

    The batch's snapshot files are closed at its end: no later batch reads them, and the driver
    removes them once it has the result (``SpillReaper``); a file still open here would be freed
    when this process closed it, its disk waits on a worker.

    Raises:
        InputError: a document changed since pass 1.
        OSError: the report lines cannot be spilled (disk full).
    """
    store = ctx.store
    kept_ids = sorted({r[2] for r in task.removals.values()})
    kept_text = dict(zip(kept_ids, store.texts(np.array(kept_ids, dtype=np.int64)))) if kept_ids and store else {}
    report = _ReportLines(ctx.spill_dir if ctx.spill_reports else None)
    writer = _core_writer(ctx)
    try:
        outputs = _write_documents(ctx, task, kept_text, writer, report)
    finally:
        documents.close_readers()
    counts: Counter = Counter(writer.counts())
    process_pool.trim_memory()
    return report.output(outputs, counts)


def _removal(removal: tuple[str, tuple, int, str, int], kept_text: dict[int, str]) -> tuple[str, tuple, str, int, str]:
    """A dedup removal as ``make_verdict``'s arguments: ``(reason, evidence, kept doc, kept line, kept text)``."""
    reason, evidence, kept, kept_doc, kept_line = removal
    return reason, evidence, kept_doc, kept_line, kept_text[kept]


def _output(ctx: RunContext, path: str, data: bytes) -> Any:
    """One document's rendered bytes as the batch returns them: staged under a temporary name, or as they are."""
    if ctx.stager is not None:  # the file is written here, under a temporary name
        return ctx.stager.stage(path, data)  # type: ignore[attr-defined]
    return path, data


def _snapshot_record(ctx: RunContext, where: Where | None) -> tuple[str, list[Repaired], RecordPart] | None:
    """A shard record's snapshot, not split (:func:`~nettoyeur.scratch.documents.restore_record`), or None.

    None unless the sink takes records with their cleaned text (``ctx.ship_cleaned``).

    Raises:
        OSError: the snapshot cannot be read.
    """
    if not ctx.ship_cleaned or where is None:
        return None
    return documents.restore_record(where)


def _cleaned_record(key: str, record: tuple[str, list[Repaired], RecordPart], paragraphs: int, data: bytes) -> tuple:
    """``(record without its text, cleaned text)``: what ``RecordSink.write_cleaned`` takes.

    The text is the one ``shard_write.cleaned_text`` makes, from ``data``, the core's rendering
    of the record's kept paragraphs (UTF-8, no lone surrogate), and its ``paragraphs``.
    """
    text, _, (shard, row, record_id, fields) = record
    doc = RecordDocument(key, shard=shard, row=row, record_id=record_id, record=fields)
    return doc, text if not paragraphs else ending_as_read(data.decode("utf-8"), text)


def _write_documents(
    ctx: RunContext, task: WriteTask, kept_text: dict[int, str], writer: DocumentWriter, report: _ReportLines
) -> list[Any]:
    """Writes each document of ``task`` in the core (``_core.DocumentWriter``); returns the batch's outputs.

    The core writes every document's report lines and, for a sink that takes rendered bytes (a
    folder), its output, from its text as the first pass read it (:func:`text_for_pass`: the
    snapshot, or the file read again). A sink that takes ``Document`` objects (record formats:
    JSON Lines, Parquet) gets them as the Python path loads them and gives them their verdicts
    (:func:`_loaded`): its writer reads each paragraph's verdict (``--annotate`` writes them) and
    a record's own fields, which no rendered bytes hold; their report lines are the core's too.
    Where that sink also takes a record with its cleaned text (``ctx.ship_cleaned``: a clean,
    not ``--annotate``), a record kept in a snapshot is rendered by the core instead and sent
    as its fields and text (:func:`_cleaned_record`): no lines or ``Paragraph`` records are
    made or pickled for it (c300 as JSON Lines, write stage 4.1 -> 1.8 s wall, 2 workers).
    A record whose text holds a lone surrogate, which the core's rendering replaces with U+FFFD
    where the record keeps it, is sent as a ``Document`` (the core says so: a regular expression
    over every record's text cost 0.15 s of the pass's 1 s on c300 as JSON Lines, one worker).

    Raises:
        InputError: a document changed since pass 1.
        OSError: the report lines cannot be spilled (disk full).
    """
    max_chars, rendering = ctx.config.max_line_chars, ctx.render
    codes = np.ascontiguousarray(task.codes, dtype=np.uint32)
    outputs: list[Any] = []
    position = 0
    for key, pid, removed in _documents(task):
        own = [(r - pid, *_removal(task.removals[r], kept_text)) for r in removed]
        changes = task.overrides.get(key)
        remark = [(i, v if v is None else v.to_dict()) for i, v in changes.items()] if changes else []
        rid, record = None, _snapshot_record(ctx, task.seen[key][2])
        if record is not None:  # rendered here, sent with its cleaned text (ctx.ship_cleaned)
            text, repaired, part = record
            rid = part[2]
        elif ctx.ship_documents:
            doc, _ = _loaded(ctx, task, key, pid, removed, position, kept_text)
            outputs.append(doc)
            text, repaired = "".join(doc.lines), [(p.index, p.text, p.repairs) for p in doc.paragraphs if p.repairs]
            rid = getattr(doc, "record_id", None)
        else:
            text, repaired = text_for_pass(ctx.source, key, task.seen[key], max_chars)
        n, data, lone = writer.render(
            text, codes, position, max_chars, own, remark, repaired, key, rendering or record is not None, rid
        )
        if record is not None and lone:  # loaded and written as Python writes it (the report as rendered)
            outputs.append(_loaded(ctx, task, key, pid, removed, position, kept_text)[0])
        elif record is not None:
            outputs.append(_cleaned_record(key, record, n, data))
        elif data is not None:
            outputs.append(_output(ctx, key, data))
        position += n
        if writer.pending() >= REPORT_CHUNK:
            report.add_bytes(writer.take_report())
    report.add_bytes(writer.take_report())
    return outputs
