"""The pipeline: read, repair, split, strip boilerplate, deduplicate, write, report.

:func:`run` streams a :class:`~nettoyeur.corpus.sources.Source` into a
:class:`~nettoyeur.corpus.sources.Sink` in passes over *batches* (consecutive runs of documents
in corpus order), each pass a plain function of one batch (:mod:`nettoyeur.run.passes`) that
a worker process (or a Ray task) can run:

1. *count* (:func:`~nettoyeur.run.passes.count_batch`, only with boilerplate on): load and
   repair each document, keep its snapshot, and count the 64-bit keys of its short
   lines; the counts of all batches are merged (the boilerplate frequency signal needs
   corpus-wide counts).
2. *analyse* (:func:`~nettoyeur.run.passes.analyse_batch`): restore, mark boilerplate
   (given the counts), and turn the paragraphs left into the dedup stage's compact arrays
   (:class:`~nettoyeur.dedup.stage.Analysis`); their texts go to a spill file on disk. Then,
   in this process, :func:`~nettoyeur.dedup.stage.decide` finds and verifies the near
   duplicates over the whole corpus, reading candidates' texts back from the spill.
3. *remark* (:func:`~nettoyeur.run.passes.remark_batch`, only the documents dedup thinned):
   the boilerplate signals again on what dedup left, kept copies handed over to the next
   copy when they go (:mod:`nettoyeur.boilerplate.after_dedup`).
4. *write* (:func:`~nettoyeur.run.passes.write_batch`): restore each document, apply the
   boilerplate, dedup and re-mark verdicts, render the output and the report records;
   this process writes them in corpus order.

Memory holds the compact arrays (a few hundred bytes a paragraph), never the corpus
text. Each file is read, decoded and repaired once: the first pass appends each document
to a snapshot file on disk, which the later passes read back (:mod:`nettoyeur.scratch.documents`;
Ray's workers, which may not share this disk, load from the source again and check that
it reads the same). Results come back in batch order and
every decision depends on paragraph ids in corpus order only, so ``--workers N`` writes
the same bytes as ``--workers 1``. The driver's helpers (the re-mark's, the report file)
live in :mod:`nettoyeur.run.driver_steps`.

:func:`clean_documents` runs the same steps in memory over documents the caller holds;
a run with an index (:class:`nettoyeur.index.corpus_index.CorpusIndex`) runs in memory too
(:func:`run_in_memory`): its hooks work on documents.
"""

from __future__ import annotations

import os
import queue
import shutil
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from nettoyeur.boilerplate.line_counts import CountMerger, LineCounts
from nettoyeur.config import CleanConfig
from nettoyeur.corpus.atomic import check_run_writable
from nettoyeur.corpus.folder_reader import check_locations, check_report_location
from nettoyeur.corpus.run_lock import check_free, locked_run
from nettoyeur.corpus.shard_read import close_loads
from nettoyeur.corpus.sources import (
    Sink,
    Source,
    folder_pair,
    list_shown,
)
from nettoyeur.dedup.keep import paragraph_ranks, parse_keep
from nettoyeur.dedup.stage import Analysis, Decision, decide
from nettoyeur.executors import process_pool
from nettoyeur.executors.base import Executor
from nettoyeur.executors.choose import check_engine, make_executor
from nettoyeur.executors.local import LocalExecutor
from nettoyeur.records import Skip, Verdict
from nettoyeur.report.report_file import (
    default_report_path,
    dumps_lines_utf8,
    reported_line,
    write_summary,
)
from nettoyeur.run.context import RunContext
from nettoyeur.run.driver_steps import ReportFile, remark_plan, reported_entries
from nettoyeur.run.in_memory import rules_for, run_in_memory
from nettoyeur.run.passes import (
    TRIM_EVERY,
    BatchAnalysis,
    analyse_batch,
    count_batch,
    verdict_key,
    write_batch,
)
from nettoyeur.run.summary import DocInfo, summarise
from nettoyeur.run.verdict_plan import Overrides, Plan, Removals, Seen, WriteTask, no_removals, plan_batches
from nettoyeur.run.warm import warm_tables
from nettoyeur.scratch import documents
from nettoyeur.scratch.line_shapes import SUFFIX as SHAPES_SUFFIX
from nettoyeur.scratch.paragraphs import SpilledAnchors, SpilledBands, SpillTexts, make_spill_dir


def run(
    source: Source,
    sink: Sink | None,
    config: CleanConfig | None = None,
    *,
    report: Path | str,
    quiet: bool = False,
    extra: dict[str, Any] | None = None,
    executor: Executor | None = None,
    index: Any = None,
) -> dict[str, Any]:
    """Cleans every document of ``source`` into ``sink`` and writes the report.

    Args:
        source: where the documents come from.
        sink: where cleaned documents go; None for a dry run (report only).
        config: the options (defaults when None).
        report: where to write the report records; the summary goes beside it.
        quiet: no progress bars.
        extra: fields added to the summary (input/output locations ...).
        executor: where the batch stages run (:mod:`nettoyeur.executors.base`); default:
            ``config.workers`` processes on this machine. Every executor writes the same bytes.
        index: a :class:`nettoyeur.index.corpus_index.CorpusIndex` (dedup against earlier runs): the
            run is then :func:`run_in_memory`, whose hooks work on documents.

    Returns:
        the run summary (also written as JSON beside the report).

    Raises:
        InputError: a document changed while the run read it (executors that keep no snapshot).
        OSError: writing failed (disk full, permission); already-written files are whole.
    """
    if index is not None:
        return run_in_memory(source, sink, config, report=report, quiet=quiet, extra=extra, index=index)
    started = time.time()
    config = config or CleanConfig()
    report_path = Path(report)
    show = not quiet and sys.stderr.isatty()
    keys, skips = list_shown(source, show)
    executor = executor or LocalExecutor(config.workers)
    warm_tables(config)  # before the first pool forks: its workers inherit them
    batches = plan_batches(keys, executor.workers)
    spill_dir = make_spill_dir()
    shares_disk = getattr(executor, "shares_disk", False)
    # The first pass keeps each document as it read it (nettoyeur.scratch.documents) on this
    # machine; the later passes restore it from there instead of reading and decoding the
    # file again.
    ctx = RunContext(
        source,
        config,
        snapshot_dir=spill_dir if config.snapshot and shares_disk else None,
        # On this machine, workers spill band keys and anchors to disk (decide reads them a
        # band or a part at a time); other executors partition them their own way; and the
        # line shapes the re-mark pass reads instead of describing lines again.
        spill_dir=spill_dir,
        spill_keys=shares_disk,
        shapes=shares_disk and config.boilerplate,
    )
    report_file: ReportFile | None = None
    clock = {"start": time.perf_counter()}
    reaper = SpillReaper()
    try:
        ctx, corpus, decision, overrides = _verdicts(ctx, executor, batches, len(keys), skips, sink, clock, show)
        plan = corpus.plan
        contained_reported = reported_entries(decision, plan, corpus.store)
        expect = getattr(sink, "expect_inputs", None)
        if expect is not None:  # the journal records each output with its input's checksum
            expect({info.path: info.checksum for info in corpus.infos})
        report_file = ReportFile(report_path)
        tasks = _write_tasks(plan, corpus.batch_keys, overrides)
        counts = _write_pass(ctx, executor, tasks, corpus, sink, report_file, show, reaper)
        reaper.remove_tree(spill_dir)  # no step reads it now: removed while the sink syncs its last batch
        if sink is not None:
            sink.close()
        report_file.write(dumps_lines_utf8(reported_line(r) for r in contained_reported))
        report_file.commit()
        report_file = None
        clock["write"] = time.perf_counter()
    except BaseException:
        if report_file is not None:
            report_file.abort()
        abort = getattr(sink, "abort", None)
        if abort is not None:
            abort()
        raise
    finally:
        documents.close_readers()
        close_loads()
        reaper.finish(spill_dir)
    # The pairs families settled are counted once per band that found them here, once in all
    # elsewhere (Ray): left out of the summary, which every executor writes alike.
    stages = {k: v for k, v in vars(decision.stats).items() if k not in ("contained_reported", "implied")}
    steps = ["start", "count", "analyse", "decide", "remark", "write"]
    seconds = {name: round(clock[name] - clock[prev], 3) for prev, name in zip(steps, steps[1:])}
    summary = summarise(
        corpus.infos, skips, counts, config, stages, contained_reported,
        sink=sink, started=started, report_path=report_path, extra=extra, more={"stage_seconds": seconds}, show=show,
    )  # fmt: skip
    write_summary(report_path, summary)
    return summary


def _verdicts(
    ctx: RunContext,
    executor: Executor,
    batches: list[list[str]],
    documents_listed: int,
    skips: list[Skip],
    sink: Sink | None,
    clock: dict[str, float],
    show: bool,
) -> tuple[RunContext, AnalysedCorpus, Decision, Overrides]:
    """Passes 1 and 2, dedup and the re-mark: every verdict of the run, in its plan.

    Returns:
        the context of the write pass, the analysed corpus (its plan with dedup's
        removals), dedup's decision and the re-mark's changes.
    """
    ctx, first_seen = _count_pass(ctx, executor, batches, skips, show)
    clock["count"] = time.perf_counter()
    corpus = _analyse_pass(ctx, executor, batches, first_seen, documents_listed, skips, show)
    del first_seen
    clock["analyse"] = time.perf_counter()
    decision = _decide(corpus, ctx.config, executor, show)
    clock["decide"] = time.perf_counter()
    plan = corpus.plan
    plan.removals = Removals.of(decision.pid, decision.target, decision.reason, decision.evidence)
    plan.removed = plan.removals.pid
    # The plan holds the removals now, as arrays: the decision's lists of objects go (the
    # run reads only its reported paragraphs and its counts from here on).
    decision.pid, decision.target, decision.reason, decision.evidence = [], [], [], []
    ctx = _write_context(ctx, corpus, sink, getattr(executor, "shares_disk", False))
    # The boilerplate signals again on the documents dedup thinned (see nettoyeur.boilerplate.after_dedup).
    overrides: Overrides = {}
    if ctx.config.boilerplate and len(plan.removals):
        overrides = remark_plan(plan, corpus.batch_keys, ctx, executor, progress=show)
    clock["remark"] = time.perf_counter()
    return replace(ctx, counts=None), corpus, decision, overrides  # the write pass needs no line counts: not sent


class SpillReaper:
    """Removes the spill files that no later step reads, on a thread of its own, while the run goes on.

    A file removed before one of the write pass's syncs (:class:`nettoyeur.corpus.folder_writer.FolderSink`)
    is not written to the disk: dedup's band keys and anchors and the re-mark's line shapes are
    ~67 MB at 300k paragraphs, which the write pass's first ``os.sync`` wrote and ``shutil.rmtree``
    then freed after the run (0.6-0.8 s, loaded machine). A batch's are removed when the write
    pass gets that batch's result, with its report lines' spill file and, once no later batch reads
    them, its documents' snapshots (:func:`_dead_after_write`): the spill folder left at the end
    holds the paragraph texts alone. The removals run on a thread (``os.unlink`` releases the GIL):
    freeing a file's blocks waits for the disk (an ``unlink`` of a band or anchor file took 3-260 ms
    here, a file system mounted with ``discard``), and on the driver's thread those waits held
    back the renames and the workers' next tasks (strace, 100k paragraphs, loaded machine: 0.51 s
    of a 1.0 s write pass). The thread is started at the write pass's first result, once the pool's
    workers are forked, and joined by :meth:`finish` (at the end of a run or on its failure): no
    fork copies a process with it running.
    """

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._queue: queue.SimpleQueue[list[str] | str | None] = queue.SimpleQueue()

    def remove(self, paths: list[str]) -> None:
        """Removes ``paths`` on the reaper's thread (a file already gone is no error)."""
        if paths:
            self._start()
            self._queue.put(paths)

    def remove_tree(self, folder: str) -> None:
        """Removes ``folder`` and everything in it on the reaper's thread, after the files given before.

        :meth:`finish` waits for it.
        """
        self._start()
        self._queue.put(folder)

    def finish(self, folder: str) -> None:
        """Waits until the removals asked are done; then removes what is left of ``folder``.

        Removing it again after :meth:`remove_tree` costs one failed ``lstat``, and leaves nothing behind
        if the reaper's thread ended before it reached the tree.
        """
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None
        shutil.rmtree(folder, ignore_errors=True)

    def _start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(
                target=_reap, args=(self._queue,), name="nettoyeur-spill-reaper", daemon=True
            )
            self._thread.start()


def _reap(asked: queue.SimpleQueue[list[str] | str | None]) -> None:
    """The reaper's thread: removes each list of files or folder tree taken from ``asked``, until None."""
    while True:
        item = asked.get()
        if item is None:
            return
        if isinstance(item, str):
            shutil.rmtree(item, ignore_errors=True)
            continue
        for path in item:
            try:
                os.unlink(path)
            except OSError:  # gone already: the run's end removes the folder and what is left
                pass


def _dead_after_decide(ctx: RunContext, spill_files: list[str]) -> list[list[str]]:
    """Per batch, its spill files that only dedup and the re-mark read: band keys, anchors, line shapes."""
    suffixes = [".bands", ".anchors"] if ctx.spill_keys else []
    if ctx.shapes:
        suffixes.append(SHAPES_SUFFIX)
    return [[f + suffix for suffix in suffixes] for f in spill_files]


def _dead_after_write(seen: Seen, batch_keys: list[list[str]]) -> list[list[str]]:
    """Per batch of the write pass, the snapshot files it reads last: no later batch reads them.

    A batch's snapshot file holds its own documents (the first pass writes one a batch); the
    write pass is the last to read it.
    """
    last: dict[str, int] = {}
    for index, keys in enumerate(batch_keys):
        for key in keys:
            known = seen.get(key)
            if known is not None and known[2] is not None:
                last[known[2][0]] = index
    dead: list[list[str]] = [[] for _ in batch_keys]
    for path, index in last.items():
        dead[index].append(path)
    return dead


def _count_pass(
    ctx: RunContext, executor: Executor, batches: list[list[str]], skips: list[Skip], show: bool
) -> tuple[RunContext, Seen | None]:
    """Pass 1: corpus-wide line counts for the boilerplate frequency signal (none without boilerplate).

    Returns:
        the context with the line counts and the rules, and what pass 1 saw of each
        document loaded (None without boilerplate: pass 2 is then the first).
    """
    if not ctx.config.boilerplate:
        return ctx, None
    first_seen: Seen = {}
    merger = CountMerger()
    compiling: Future[list] | None = None
    with tqdm(total=sum(map(len, batches)), desc="count", unit="doc", disable=not show) as bar, ThreadPoolExecutor(
        1, thread_name_prefix="nettoyeur-rules"
    ) as thread:
        for (seen, bad, found, counts), batch in zip(
            executor.map(count_batch, batches, ctx, jobs=len(batches)), batches
        ):
            if compiling is None:
                # The rules' matchers are compiled while the workers count (the core compiles
                # without the GIL): ~0.3 CPU-s that the workers waited for between the passes.
                # Started at the first result, once the pool's workers are forked: a fork never
                # copies a half-compiled matcher.
                compiling = thread.submit(rules_for, ctx.config)
            first_seen.update(seen)
            skips.extend(bad)
            merger.add(found, counts)
            bar.update(len(batch))
            if len(first_seen) % TRIM_EVERY < len(batch):
                process_pool.trim_memory()
        rules = compiling.result() if compiling is not None else rules_for(ctx.config)
    counts_ = LineCounts.from_arrays(*merger.result())
    return replace(ctx, counts=counts_, rules=rules), first_seen


def _analyse_tasks(batches: list[list[str]], first_seen: Seen | None) -> Iterator[tuple[int, list[str], Seen | None]]:
    """The tasks of pass 2 (per batch, its index, its documents and what pass 1 saw of them), made as they are sent.

    Made one at a time: at 100,000 one-line files, all the tasks' dictionaries at once held
    ~10 MB on the driver, in its memory when the workers are forked.
    """
    for i, batch in enumerate(batches):
        if first_seen is None:
            yield i, batch, None
        else:  # documents skipped in pass 1 are not read again
            loaded = [k for k in batch if k in first_seen]
            yield i, loaded, {k: first_seen[k] for k in loaded}


@dataclass
class AnalysedCorpus:
    """What pass 2 made of the whole corpus, on the driver: what dedup decides on, and the plan.

    Attributes:
        infos: every loaded document, in corpus order.
        batch_keys: the documents of each batch.
        verdicts: the distinct boilerplate verdicts (a paragraph's code is 1 + its index).
        analysis: the dedup arrays of every analysed paragraph (ids in corpus order).
        store: their spilled texts.
        keep_values: per document, its ``--keep`` field's value (field rules only).
        plan: the verdicts by document, the removals still empty.
    """

    infos: list[DocInfo]
    batch_keys: list[list[str]]
    verdicts: list[Verdict]
    analysis: Analysis | None
    store: SpillTexts
    keep_values: list[Any]
    plan: Plan


class _Pass2Results:
    """Gathers pass 2's per-batch results, in batch order, into an :class:`AnalysedCorpus`."""

    def __init__(self, bands: int, first_seen: Seen | None = None) -> None:
        self.first_seen = first_seen
        self.seen: Seen = {}
        self.infos: list[DocInfo] = []
        self.table: dict[tuple, int] = {}
        self.verdicts: list[Verdict] = []
        self.codes: list[np.ndarray] = []
        self.batch_keys: list[list[str]] = []
        self.analyses: list[Analysis] = []
        self.doc_of: list[np.ndarray] = []
        self.lines: list[np.ndarray] = []
        self.indices: list[np.ndarray] = []
        self.store = SpillTexts()
        self.spilled_bands = SpilledBands([], [], bands)
        self.spilled_anchors = SpilledAnchors([], [], [])
        self.offsets: list[np.ndarray] = []
        self.lengths: list[np.ndarray] = []
        self.keep_values: list[Any] = []
        self.pid = 0

    def add(self, part: BatchAnalysis, skips: list[Skip]) -> None:
        """Adds the next batch's result (its verdict codes renumbered in the run's table)."""
        remap = np.zeros(len(part.verdicts) + 1, dtype=np.uint32)
        for k, verdict in enumerate(part.verdicts, start=1):
            entry = verdict_key(verdict)
            code = self.table.get(entry)
            if code is None:
                code = self.table[entry] = len(self.verdicts) + 1
                self.verdicts.append(verdict)
            remap[k] = code
        self.codes.append(remap[part.codes])
        self.batch_keys.append([info.path for info in part.infos])
        skips.extend(part.skips)
        if self.first_seen is None:
            self.seen.update(part.seen)
        else:
            # What pass 2 saw of a document is what pass 1 saw (sent with the task): keep pass
            # 1's objects, not a second copy of each (~300 bytes a document).
            first = self.first_seen
            self.seen.update((k, first.get(k, v)) for k, v in part.seen.items())
            for info in part.infos:  # and one checksum string a document
                known = first.get(info.path)
                if known is not None and known[0] == info.checksum:
                    info.checksum = known[0]
        self.doc_of.append(part.doc_of + len(self.infos))
        self.infos.extend(part.infos)
        self.keep_values.extend(part.keep_values)
        self.analyses.append(part.analysis)
        self.lines.append(part.lines)
        self.indices.append(part.indices)
        self.store.files.append(part.spill)
        self.store.first.append(self.pid)
        if part.anchor_counts is not None:
            self.spilled_bands.files.append(part.spill + ".bands")
            self.spilled_bands.rows.append(part.band_rows)
            self.spilled_anchors.files.append(part.spill + ".anchors")
            self.spilled_anchors.counts.append(part.anchor_counts)
            self.spilled_anchors.first_pid.append(self.pid)
        self.offsets.append(part.offsets)
        self.lengths.append(part.lengths)
        self.pid += len(part.analysis)

    def finish(self, config: CleanConfig, spill_keys: bool) -> AnalysedCorpus:
        """Concatenates the batches' arrays (the lists are emptied as they are joined)."""
        analysis = Analysis.concat(self.analyses, config.bands_rows[0])
        self.analyses = []
        self.first_seen = None
        if spill_keys:
            analysis.band_keys = self.spilled_bands
            analysis.anchor_parts = self.spilled_anchors if config.containment != "off" else None
        self.store.offsets = _joined(self.offsets, np.int64)
        self.store.lengths = _joined(self.lengths, np.int32)
        self.offsets = self.lengths = []
        plan = Plan(
            paths=[info.path for info in self.infos],
            seen=self.seen,
            codes=_joined(self.codes, np.uint32),
            para_start=np.cumsum([0] + [info.paragraphs for info in self.infos], dtype=np.int64),
            doc_of=_joined(self.doc_of, np.int32),
            lines=_joined(self.lines, np.int32),
            indices=_joined(self.indices, np.int32),
            removed=np.empty(0, dtype=np.int64),
            removals=no_removals(),
        )
        self.doc_of = self.lines = self.indices = self.codes = []
        return AnalysedCorpus(
            infos=self.infos,
            batch_keys=self.batch_keys,
            verdicts=self.verdicts,
            analysis=analysis,
            store=self.store,
            keep_values=self.keep_values,
            plan=plan,
        )


def _joined(arrays: list[np.ndarray], dtype: Any) -> np.ndarray:
    """The arrays concatenated, or an empty array of ``dtype``."""
    return np.concatenate(arrays) if arrays else np.empty(0, dtype=dtype)


def _analyse_pass(
    ctx: RunContext,
    executor: Executor,
    batches: list[list[str]],
    first_seen: Seen | None,
    documents_listed: int,
    skips: list[Skip],
    show: bool,
) -> AnalysedCorpus:
    """Pass 2: boilerplate verdicts and the dedup arrays; texts spilled to disk."""
    results = _Pass2Results(ctx.config.bands_rows[0], first_seen)
    tasks = _analyse_tasks(batches, first_seen)
    with tqdm(total=documents_listed, desc="analyse", unit="doc", disable=not show) as bar:
        for done, part in enumerate(executor.map(analyse_batch, tasks, ctx, jobs=len(batches)), start=1):
            results.add(part, skips)
            bar.update(len(batches[done - 1]))
            if done % 16 == 0:
                process_pool.trim_memory()
    corpus = results.finish(ctx.config, ctx.spill_keys)
    process_pool.trim_memory()
    return corpus


def _decide(corpus: AnalysedCorpus, config: CleanConfig, executor: Executor, show: bool) -> Decision:
    """Dedup over the whole corpus: candidates, verification, clusters, the kept copies."""
    doc_of = corpus.plan.doc_of
    analysis, corpus.analysis = corpus.analysis, None  # decide's alone: freed when it returns
    assert analysis is not None
    rank = paragraph_ranks(parse_keep(config.keep), analysis.n_words, doc_of, corpus.keep_values)
    corpus.keep_values = []
    workers = executor.workers
    decision = decide(analysis, config, corpus.store, workers, executor, rank=rank, progress=show, doc_of=doc_of)
    del rank, analysis
    process_pool.trim_memory()
    return decision


def _write_context(ctx: RunContext, corpus: AnalysedCorpus, sink: Sink | None, shares_disk: bool) -> RunContext:
    """The context of the re-mark and write passes: the spilled texts, the verdicts, how to write."""
    render = hasattr(sink, "write_rendered")
    # Workers on this machine write the files themselves under temporary names (file
    # creation is slow on some disks); the main process renames them in corpus order.
    stager = sink if render and hasattr(sink, "stage") and shares_disk else None
    return replace(
        ctx,
        store=corpus.store,
        verdicts=corpus.verdicts,
        render=render,
        stager=stager,
        ship_documents=sink is not None and not render,
        ship_cleaned=sink is not None and not render and getattr(sink, "takes_cleaned", False),
        spill_reports=shares_disk,
    )


def _write_tasks(plan: Plan, batch_keys: list[list[str]], overrides: Overrides) -> Iterator[WriteTask]:
    """The write pass's tasks, one per batch, made as the executor asks for them."""
    first = 0
    for keys in batch_keys:
        yield plan.task(list(range(first, first + len(keys))), overrides)
        first += len(keys)


def _write_pass(
    ctx: RunContext,
    executor: Executor,
    tasks: Iterable[WriteTask],
    corpus: AnalysedCorpus,
    sink: Sink | None,
    report_file: ReportFile,
    show: bool,
    reaper: SpillReaper,
) -> Counter:
    """Pass 3: apply the verdicts, write the corpus (in corpus order) and the report records.

    Each batch's spill files that no step reads any more (:func:`_dead_after_decide`, the report
    lines it spilled, the snapshots no later batch reads) are removed (``reaper``) when its result comes.

    Returns:
        the removals and changes per reason.
    """
    counts: Counter = Counter()
    written = 0
    dead = _dead_after_decide(ctx, corpus.store.files)
    snapshots = _dead_after_write(corpus.plan.seen, corpus.batch_keys)
    with tqdm(total=len(corpus.infos), desc="write", unit="doc", disable=not show) as bar:
        for out in executor.map(write_batch, tasks, ctx, jobs=len(corpus.batch_keys)):
            for item in out.outputs:
                if ctx.stager is not None:
                    ctx.stager.write_staged(*item)
                elif ctx.render:
                    sink.write_rendered(*item)  # type: ignore[union-attr]
                elif type(item) is tuple:  # a record and its cleaned text (ctx.ship_cleaned)
                    sink.write_cleaned(*item)  # type: ignore[union-attr]
                else:
                    sink.write(item)  # type: ignore[union-attr]
            report_file.write(out.report)
            done = [*dead[written], *snapshots[written]] if written < len(dead) else [*snapshots[written]]
            if out.report_path is not None:
                report_file.append(out.report_path)
                done.append(out.report_path)
            counts.update(out.counts)
            reaper.remove(done)
            written += 1
            if written % 16 == 0:
                process_pool.trim_memory()
            bar.update(len(out.outputs) if sink is not None else 0)
    return counts


def clean_folder(
    input_dir: Path | str,
    output_dir: Path | str,
    config: CleanConfig | None = None,
    *,
    report: Path | str | None = None,
    dry_run: bool = False,
    overwrite: bool = False,
    resume: bool = False,
    quiet: bool = False,
    engine: str = "local",
    address: str | None = None,
) -> dict[str, Any]:
    """Cleans a folder of text files into another folder.

    Args:
        input_dir: the folder to read (walked recursively; never modified).
        output_dir: the folder to write; it mirrors ``input_dir``.
        config: the options (defaults when None).
        report: where to write the report records (default ``OUT.report.jsonl``);
            the summary goes beside it (``OUT.summary.json``).
        dry_run: write only the report, not the corpus.
        overwrite: allow a non-empty output folder.
        resume: continue an interrupted run (same options): the analysis runs again,
            outputs its journal and the disk show finished are not rewritten.
        quiet: no progress bars.
        engine: ``local`` (processes on this machine) or ``ray`` (tasks on a Ray
            cluster; needs ``nettoyeur[ray]``); both write the same bytes.
        address: for ``ray``, the cluster to join (None: start Ray here).

    Returns:
        the run summary (also written as JSON beside the report).

    Raises:
        InputError: IN or OUT cannot be used, or the Ray cluster cannot be reached; nothing is written.
        ConfigError: an unknown engine.
        MissingExtraError: ``engine="ray"`` without Ray installed.
        OSError: writing failed (disk full, permission); already-written files are whole.
    """
    src, dst = Path(input_dir), Path(output_dir)
    report_path = Path(report) if report else default_report_path(dst)
    check_engine(engine, address)
    config = config or CleanConfig()
    check_free(None if dry_run else dst, "output")  # a run in progress is named before anything else
    check_free(report_path, "report")
    check_locations(src, dst, overwrite=overwrite or dry_run or resume)
    check_report_location(src, dst, report_path)
    extra = {"input": str(src), "output": None if dry_run else str(dst)}
    executor = make_executor(engine, config.workers, address)  # before OUT is created
    try:
        with locked_run(None if dry_run else dst, report_path):  # before a temporary file is cleared
            check_run_writable(report_path)  # not after the whole run
            source, sink = folder_pair(src, None if dry_run else dst, overwrite=overwrite, resume=resume, config=config)
            if engine != "local":  # tasks may run in another working directory (or on another node)
                source.root = source.root.absolute()
            return run(source, sink, config, report=report_path, quiet=quiet, extra=extra, executor=executor)
    finally:
        executor.close()
