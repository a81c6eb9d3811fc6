"""The pipeline: read, repair, split, strip boilerplate, deduplicate, write, report.

:func:`run` streams a :class:`~nettoyeur.sources.Source` into a
:class:`~nettoyeur.sources.Sink` in passes over *shards* (consecutive runs of documents
in corpus order), each pass a plain function of one shard that a worker process (or a
Ray task) can run:

1. *count* (:func:`count_shard`, only with boilerplate on): load and repair each
   document and count the 64-bit keys of its short lines; the counts of all shards are
   merged (the boilerplate frequency signal needs corpus-wide counts).
2. *analyse* (:func:`analyse_shard`): load, repair, mark boilerplate (given the counts),
   and turn the paragraphs left into the dedup stage's compact arrays
   (:class:`~nettoyeur.dedup.Analysis`); their texts go to a spill file on disk. Then,
   in this process, :func:`~nettoyeur.dedup.decide` finds and verifies the near
   duplicates over the whole corpus, reading candidates' texts back from the spill.
3. *write* (:func:`write_shard`): load and repair again, apply the boilerplate and dedup
   verdicts, render the output and the report records; this process writes them in
   corpus order.

Memory holds the compact arrays (a few hundred bytes a paragraph), never the corpus
text. Documents are loaded three times, which costs less than keeping them: loading and
repairing is a small share of the time. Results come back in shard order and every
decision depends on paragraph ids in corpus order only, so ``--workers N`` writes the
same bytes as ``--workers 1``.

:func:`clean_documents` runs the same steps in memory over documents the caller holds.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from nettoyeur import boilerplate, parallel
from nettoyeur.config import CleanConfig
from nettoyeur.dedup import Analysis, analyse_for, decide, deduplicate, make_verdict
from nettoyeur.errors import InputError
from nettoyeur.lsh import optimal_bands
from nettoyeur.records import Document, Skip, Verdict
from nettoyeur.repair import may_need_repair, needs_repair, repair
from nettoyeur.report import default_report_path, reason_counts, records, skips_to_dicts, summary_path, versions
from nettoyeur.rules import builtin_rules, load_rules
from nettoyeur.sources import Sink, Source, folder_pair
from nettoyeur.spill import SpilledAnchors, SpilledBands, SpillTexts, write_anchors, write_band_keys
from nettoyeur.write import TMP_PREFIX, write_atomic

# Documents per shard: at most this many, and fewer on small corpora so that every
# worker gets about 8 shards (balance). 256 articles are ~1 MB, a task of ~50 ms.
SHARD_DOCS = 256
SHARDS_PER_WORKER = 8
# Documents between two trims of the main process's heap (see parallel.trim_memory).
TRIM_EVERY = 4096
# Paragraph characters a shard analyses at once: bounds a worker's memory (~30 bytes a
# character in the tokeniser) whatever the size of its documents.
ANALYSE_CHARS = 1 << 22

worker_count = parallel.worker_count


def repair_document(doc: Document, max_line_chars: int, check: bool = True) -> Document:
    """Repairs each paragraph of ``doc`` in place (lines over the cap are left as they are).

    Args:
        doc: the document.
        max_line_chars: longer lines are not repaired.
        check: False when an earlier pass found nothing to repair in this document.
    """
    if not check:
        return doc
    for p in doc.paragraphs:
        if len(p.text) <= max_line_chars:
            p.text, p.repairs = repair(p.original)
    return doc


def load_document(source: Source, key: str, max_line_chars: int) -> Document | Skip:
    """Loads, decodes, splits and repairs one document."""
    item = source.load(key)
    if isinstance(item, Document):
        suspect = may_need_repair("".join(item.lines)) and any(needs_repair(line) for line in item.lines)
        return repair_document(item, max_line_chars, suspect)
    return item


def _load_and_repair(args: tuple[Source, str, int]) -> Document | Skip:
    source, key, max_line_chars = args
    return load_document(source, key, max_line_chars)


def load_all(
    source: Source, keys: list[str], config: CleanConfig, bar: tqdm | None = None
) -> Iterator[Document | Skip]:
    """Loads, decodes and repairs the documents, in the given order, on ``config.workers`` processes."""
    jobs = [(source, key, config.max_line_chars) for key in keys]
    workers = min(worker_count(config.workers), max(1, len(jobs) // 8))
    for item in parallel.ordered_map(_load_and_repair, jobs, workers, window=64):
        if bar is not None:
            bar.update(1)
        yield item


def rules_for(config: CleanConfig) -> list:
    """Returns the built-in rules plus the user's."""
    rules = builtin_rules()
    if config.rules_file is not None:
        rules = load_rules(config.rules_file) + rules
    return rules


def clean_documents(docs: list[Document], config: CleanConfig, quiet: bool = True) -> dict[str, Any]:
    """Runs boilerplate removal and deduplication over loaded documents, in place.

    ``docs`` must be in corpus order. Returns the stage statistics.
    """
    stats: dict[str, Any] = {}
    if config.boilerplate:
        rules = rules_for(config)
        counts = boilerplate.count_lines(docs)
        for doc in docs:
            boilerplate.mark(doc, rules, counts, config.min_files)
    dedup = deduplicate(docs, config)
    stats["dedup"] = {k: v for k, v in vars(dedup).items() if k != "contained_reported"}
    stats["contained_reported"] = dedup.contained_reported
    return stats


# --- line counts -------------------------------------------------------------------------


def line_key(text: str) -> int:
    """Returns a deterministic 64-bit key for a boilerplate frequency key (BLAKE2b)."""
    import hashlib

    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


class LineCounts(dict):
    """Files per frequency key, stored by 64-bit key: ``counts.get(text_key, 0)`` as on a Counter.

    Only keys found in two files or more are stored (a line in one file never recurs),
    so memory grows with the recurring lines, not with the corpus.
    """

    def get(self, key: Any, default: Any = None) -> Any:
        """Returns the number of files holding the line with this frequency key."""
        return dict.get(self, line_key(key) if isinstance(key, str) else key, default)

    def __getitem__(self, key: Any) -> int:
        return self.get(key, 0)

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, line_key(key) if isinstance(key, str) else key)

    @staticmethod
    def from_arrays(keys: np.ndarray, counts: np.ndarray) -> LineCounts:
        """Builds the counts from parallel arrays, keeping counts of 2 or more."""
        many = counts >= 2
        return LineCounts(zip(keys[many].tolist(), counts[many].tolist()))


def merge_counts(a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Adds two sets of ``(sorted distinct uint64 keys, int64 counts)``."""
    keys = np.concatenate([a[0], b[0]])
    counts = np.concatenate([a[1], b[1]])
    if len(keys) == 0:
        return keys, counts
    order = np.argsort(keys, kind="stable")
    keys, counts = keys[order], counts[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    return keys[starts], np.add.reduceat(counts, starts)


# --- shard tasks (run on workers) ----------------------------------------------------------


@dataclass
class DocInfo:
    """What the summary says about one input document."""

    path: str
    encoding: str
    checksum: str
    size: int
    paragraphs: int


def _changed(key: str) -> InputError:
    return InputError(
        f"{key} changed while it was being cleaned (it reads differently from the first pass): "
        "run again once the input is no longer being written to."
    )


# What the first pass learnt of a document: its checksum, and whether a line of it may need
# repair (the later passes then skip the repair prefilter on the others).
Seen = dict[str, tuple[str, bool]]


def _load_checked(key: str, seen: Seen | None) -> tuple[Document | Skip, bool]:
    """Loads and repairs a document; in a later pass, checks that it reads as in the first one.

    Returns:
        ``(document or skip, whether a line may need repair)``.

    Raises:
        InputError: the document's bytes changed between passes.
    """
    st = parallel.state()
    item = st["source"].load(key)
    if seen is not None:
        checksum, suspect = seen.get(key, ("", False))
        if isinstance(item, Skip) or item.checksum != checksum:
            raise _changed(key)
    elif isinstance(item, Document):
        suspect = may_need_repair("".join(item.lines)) and any(needs_repair(line) for line in item.lines)
    else:
        return item, False
    return repair_document(item, st["config"].max_line_chars, suspect), suspect


def count_shard(keys: list[str]) -> tuple[Seen, list[Skip], np.ndarray, np.ndarray]:
    """Pass 1 on one shard: the line keys of each document, counted once per document.

    Returns:
        ``(seen, skips, keys, counts)``: the checksum and repair flag of each loaded
        document, the documents skipped, and the shard's sorted distinct line keys with
        the number of its documents holding each.
    """
    seen: Seen = {}
    skips: list[Skip] = []
    found: list[int] = []
    for key in keys:
        item, suspect = _load_checked(key, None)
        if isinstance(item, Skip):
            skips.append(item)
            continue
        seen[key] = (item.checksum, suspect)
        found.extend(line_key(k) for k in boilerplate.count_lines([item]))
    uniq, counts = np.unique(np.array(found, dtype=np.uint64), return_counts=True)
    return seen, skips, uniq, counts.astype(np.int64)


_VERDICT_FIELDS = tuple(f.name for f in dataclasses.fields(Verdict))


def _verdict_key(verdict: Verdict) -> tuple:
    """Returns the fields of a verdict, the key under which equal verdicts share one code."""
    return tuple(getattr(verdict, name) for name in _VERDICT_FIELDS)


@dataclass
class ShardAnalysis:
    """Pass 2's result for one shard.

    Attributes:
        infos: the documents loaded, in order.
        seen: their checksums and repair flags.
        skips: the documents skipped.
        codes: uint32 per paragraph of the loaded documents: 0 for none, else 1 + the
            index of its boilerplate verdict in ``verdicts``.
        verdicts: the shard's distinct boilerplate verdicts.
        analysis: the dedup arrays of the paragraphs left (ids local to the shard).
        doc_of: int32, the document (index in ``infos``) of each analysed paragraph.
        lines: int32, the line of each analysed paragraph.
        spill: the spill file holding the analysed paragraphs' texts.
        offsets: int64 byte offset of each analysed paragraph in the spill file.
        lengths: int32 byte length of each.
        band_rows: rows of band keys in ``spill + ".bands"`` (the analysis holds none).
        anchor_counts: anchors per part in ``spill + ".anchors"`` (the analysis holds none).
    """

    infos: list[DocInfo]
    seen: Seen
    skips: list[Skip]
    codes: np.ndarray
    verdicts: list[Verdict]
    analysis: Analysis
    doc_of: np.ndarray
    lines: np.ndarray
    spill: str
    offsets: np.ndarray
    lengths: np.ndarray
    band_rows: int
    anchor_counts: np.ndarray


def analyse_shard(task: tuple[int, list[str], Seen | None]) -> ShardAnalysis:
    """Pass 2 on one shard: mark boilerplate, analyse the paragraphs left, spill their texts.

    Args:
        task: ``(shard index, keys, what pass 1 saw of them or None)``.

    Raises:
        InputError: a document changed since pass 1.
        OSError: the spill file cannot be written.
    """
    index, keys, expected = task
    st = parallel.state()
    config: CleanConfig = st["config"]
    infos: list[DocInfo] = []
    seen: Seen = {}
    skips: list[Skip] = []
    codes: list[np.ndarray] = []
    table: dict[tuple, int] = {}
    verdicts: list[Verdict] = []
    parts: list[Analysis] = []
    texts: list[str] = []
    doc_of: list[int] = []
    lines: list[int] = []
    chars = 0
    spill = os.path.join(st["spill_dir"], f"{index:07d}.txt")
    offsets: list[np.ndarray] = []
    lengths: list[np.ndarray] = []
    position = 0

    def flush() -> None:
        nonlocal texts, chars, position
        if not texts:
            return
        parts.append(analyse_for(texts, config))
        encoded = [t.encode("utf-8", "surrogatepass") for t in texts]
        size = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
        offsets.append(position + np.cumsum(size) - size)
        lengths.append(size.astype(np.int32))
        handle.write(b"".join(encoded))
        position += int(size.sum())
        texts, chars = [], 0

    with open(spill, "wb") as handle:
        for key in keys:
            item, suspect = _load_checked(key, expected)
            if isinstance(item, Skip):
                skips.append(item)
                continue
            doc = item
            seen[key] = (doc.checksum, suspect)
            if config.boilerplate:
                boilerplate.mark(doc, st["rules"], st["counts"], config.min_files)
            doc_codes = np.zeros(len(doc.paragraphs), dtype=np.uint32)
            for k, p in enumerate(doc.paragraphs):
                if p.verdict is not None:
                    entry = _verdict_key(p.verdict)
                    code = table.get(entry)
                    if code is None:
                        code = table[entry] = len(verdicts) + 1
                        verdicts.append(p.verdict)
                    doc_codes[k] = code
                elif len(p.text) <= config.max_line_chars:
                    texts.append(p.text)
                    doc_of.append(len(infos))
                    lines.append(p.line)
                    chars += len(p.text)
            codes.append(doc_codes)
            infos.append(DocInfo(doc.path, doc.encoding, doc.checksum, doc.size, len(doc.paragraphs)))
            if chars >= ANALYSE_CHARS:
                flush()
        flush()
    bands, _ = optimal_bands(config.threshold, config.num_perm)
    analysis = Analysis.concat(parts, bands)
    # The band keys and anchors (most of the analysis) go to disk; decide reads them a band
    # or an anchor part at a time.
    write_band_keys(spill + ".bands", analysis.band_keys)
    anchor_counts = write_anchors(spill + ".anchors", analysis.anchor_keys, analysis.anchor_owner)
    band_rows = len(analysis.band_keys)
    analysis.band_keys = np.empty((0, bands), dtype=np.uint64)
    analysis.anchor_keys = np.empty(0, dtype=np.uint32)
    analysis.anchor_owner = np.empty(0, dtype=np.int32)
    parallel.trim_memory()  # a worker too would keep its high-water mark from shard to shard
    return ShardAnalysis(
        infos,
        seen,
        skips,
        np.concatenate(codes) if codes else np.empty(0, dtype=np.uint32),
        verdicts,
        analysis,
        np.array(doc_of, dtype=np.int32),
        np.array(lines, dtype=np.int32),
        spill,
        np.concatenate(offsets) if offsets else np.empty(0, dtype=np.int64),
        np.concatenate(lengths) if lengths else np.empty(0, dtype=np.int32),
        band_rows,
        anchor_counts,
    )


@dataclass
class WriteTask:
    """What pass 3 needs for one shard.

    Attributes:
        keys: the shard's documents that loaded in pass 2.
        seen: their checksums and repair flags.
        codes: uint32 per paragraph: 0, or 1 + index of its boilerplate verdict (global table).
        first_pid: the paragraph id of the shard's first analysed paragraph.
        removals: per removed paragraph id: ``(reason, evidence, kept pid, kept doc, kept line)``.
    """

    keys: list[str]
    seen: Seen
    codes: np.ndarray
    first_pid: int
    removals: dict[int, tuple[str, tuple, int, str, int]]


@dataclass
class ShardOutput:
    """Pass 3's result for one shard: rendered files (or documents), report lines, counts."""

    outputs: list[Any]
    report: str
    counts: Counter


def write_shard(task: WriteTask) -> ShardOutput:
    """Pass 3 on one shard: apply the verdicts, render the documents and their report records.

    Raises:
        InputError: a document changed since pass 1.
    """
    st = parallel.state()
    config: CleanConfig = st["config"]
    table: list[Verdict] = st["verdicts"]
    render = st["render"]
    kept_ids = sorted({r[2] for r in task.removals.values()})
    kept_text = dict(zip(kept_ids, st["store"].texts(np.array(kept_ids, dtype=np.int64)))) if kept_ids else {}
    outputs: list[Any] = []
    lines: list[str] = []
    counts: Counter = Counter()
    pid = task.first_pid
    position = 0
    for key in task.keys:
        doc, _ = _load_checked(key, task.seen)
        assert isinstance(doc, Document)
        for p in doc.paragraphs:
            code = int(task.codes[position])
            position += 1
            if code:
                p.verdict = table[code - 1]
            elif len(p.text) <= config.max_line_chars:
                removal = task.removals.get(pid)
                if removal is not None:
                    reason, evidence, kept, kept_doc, kept_line = removal
                    p.verdict = make_verdict(reason, evidence, kept_doc, kept_line, kept_text[kept])
                pid += 1
        lines.extend(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records(doc))
        counts.update(reason_counts([doc]))
        if render is not None:
            outputs.append((doc.path, render(doc)))
        elif st["ship_documents"]:
            outputs.append(doc)
    parallel.trim_memory()
    return ShardOutput(outputs, "".join(line + "\n" for line in lines), counts)


# --- the run ---------------------------------------------------------------------------------


def plan_shards(keys: list[str], workers: int) -> list[list[str]]:
    """Cuts the keys (in corpus order) into consecutive shards."""
    if not keys:
        return []
    size = max(1, min(SHARD_DOCS, math.ceil(len(keys) / (workers * SHARDS_PER_WORKER))))
    return [keys[i : i + size] for i in range(0, len(keys), size)]


class _ReportFile:
    """The report records, appended shard by shard to a temporary file renamed at the end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=".tmp", dir=path.parent)
        self.handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def write(self, text: str) -> None:
        self.handle.write(text)

    def commit(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        self.handle.close()
        try:
            os.unlink(self.tmp)
        except OSError:
            pass


def run(
    source: Source,
    sink: Sink | None,
    config: CleanConfig | None = None,
    *,
    report: Path | str,
    quiet: bool = False,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Cleans every document of ``source`` into ``sink`` and writes the report.

    Args:
        source: where the documents come from.
        sink: where cleaned documents go; None for a dry run (report only).
        config: the options (defaults when None).
        report: where to write the report records; the summary goes beside it.
        quiet: no progress bars.
        extra: fields added to the summary (input/output locations ...).

    Returns:
        the run summary (also written as JSON beside the report).

    Raises:
        InputError: a document changed while the run read it.
        OSError: writing failed (disk full, permission); already-written files are whole.
    """
    started = time.time()
    config = config or CleanConfig()
    report_path = Path(report)
    keys, skips = source.list()
    show = not quiet and sys.stderr.isatty()
    workers = worker_count(config.workers)
    shards = plan_shards(keys, workers)
    pool_size = workers if len(shards) > 1 else 1
    shared: dict[str, Any] = {"source": source, "config": config}
    spill_dir = tempfile.mkdtemp(prefix="nettoyeur-")
    report_file: _ReportFile | None = None
    clock = {"start": time.perf_counter()}

    def lap(name: str) -> None:
        clock[name] = time.perf_counter()

    try:
        # Pass 1: corpus-wide line counts for the boilerplate frequency signal.
        first_seen: Seen | None = None
        if config.boilerplate:
            first_seen = {}
            merged = (np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int64))
            with tqdm(total=len(keys), desc="count", unit="doc", disable=not show) as bar:
                for (seen, bad, found, counts), shard in zip(
                    parallel.ordered_map(count_shard, shards, pool_size, shared), shards
                ):
                    first_seen.update(seen)
                    skips.extend(bad)
                    merged = merge_counts(merged, (found, counts))
                    bar.update(len(shard))
                    if len(first_seen) % TRIM_EVERY < len(shard):
                        parallel.trim_memory()
            shared["counts"] = LineCounts.from_arrays(*merged)
            shared["rules"] = rules_for(config)
            del merged
        lap("count")

        # Pass 2: boilerplate verdicts and the dedup arrays; texts spilled to disk.
        shared["spill_dir"] = spill_dir
        tasks: list[tuple[int, list[str], Seen | None]] = []
        for i, shard in enumerate(shards):
            if first_seen is None:
                tasks.append((i, shard, None))
            else:  # documents skipped in pass 1 are not read again
                loaded = [k for k in shard if k in first_seen]
                tasks.append((i, loaded, {k: first_seen[k] for k in loaded}))
        del first_seen
        seen_all: Seen = {}
        infos: list[DocInfo] = []
        table: dict[tuple, int] = {}
        verdicts: list[Verdict] = []
        shard_codes: list[np.ndarray] = []
        shard_keys: list[list[str]] = []
        shard_pids: list[int] = []
        analyses: list[Analysis] = []
        doc_of: list[np.ndarray] = []
        lines: list[np.ndarray] = []
        store = SpillTexts()
        bands_total, _ = optimal_bands(config.threshold, config.num_perm)
        spilled_bands = SpilledBands([], [], bands_total)
        spilled_anchors = SpilledAnchors([], [], [])
        offsets: list[np.ndarray] = []
        lengths: list[np.ndarray] = []
        pid = 0
        with tqdm(total=len(keys), desc="analyse", unit="doc", disable=not show) as bar:
            for part in parallel.ordered_map(analyse_shard, tasks, pool_size, shared):
                remap = np.zeros(len(part.verdicts) + 1, dtype=np.uint32)
                for k, verdict in enumerate(part.verdicts, start=1):
                    entry = _verdict_key(verdict)
                    code = table.get(entry)
                    if code is None:
                        code = table[entry] = len(verdicts) + 1
                        verdicts.append(verdict)
                    remap[k] = code
                shard_codes.append(remap[part.codes])
                shard_keys.append([info.path for info in part.infos])
                shard_pids.append(len(part.analysis))
                skips.extend(part.skips)
                seen_all.update(part.seen)
                doc_of.append(part.doc_of + len(infos))
                infos.extend(part.infos)
                analyses.append(part.analysis)
                lines.append(part.lines)
                store.files.append(part.spill)
                store.first.append(pid)
                spilled_bands.files.append(part.spill + ".bands")
                spilled_bands.rows.append(part.band_rows)
                spilled_anchors.files.append(part.spill + ".anchors")
                spilled_anchors.counts.append(part.anchor_counts)
                spilled_anchors.first_pid.append(pid)
                offsets.append(part.offsets)
                lengths.append(part.lengths)
                pid += len(part.analysis)
                bar.update(len(tasks[len(shard_codes) - 1][1]))
                if len(shard_codes) % 16 == 0:
                    parallel.trim_memory()
        bands, _ = optimal_bands(config.threshold, config.num_perm)
        analysis = Analysis.concat(analyses, bands)
        analysis.band_keys = spilled_bands
        analysis.anchor_parts = spilled_anchors if config.containment != "off" else None
        del analyses
        store.offsets = np.concatenate(offsets) if offsets else np.empty(0, dtype=np.int64)
        store.lengths = np.concatenate(lengths) if lengths else np.empty(0, dtype=np.int32)
        del offsets, lengths
        all_doc_of = np.concatenate(doc_of) if doc_of else np.empty(0, dtype=np.int32)
        all_lines = np.concatenate(lines) if lines else np.empty(0, dtype=np.int32)
        del doc_of, lines

        parallel.trim_memory()
        lap("analyse")
        decision = decide(analysis, config, store, workers)
        del analysis
        parallel.trim_memory()
        lap("decide")
        paths = [info.path for info in infos]
        contained_reported = []
        if decision.reported:
            ids = np.array([pid for r in decision.reported for pid in r[:2]], dtype=np.int64)
            texts = store.texts(ids)
            for k, (pid, target, reason, ev) in enumerate(decision.reported):
                kept_doc, kept_line = paths[all_doc_of[target]], int(all_lines[target])
                verdict = make_verdict(reason, ev, kept_doc, kept_line, texts[2 * k + 1])
                where = {"doc": paths[all_doc_of[pid]], "line": int(all_lines[pid]), "text": texts[2 * k]}
                contained_reported.append({**where, **verdict.to_dict()})

        # Pass 3: apply the verdicts, write the corpus and the report.
        removal_pid = np.array(decision.pid, dtype=np.int64)
        render = getattr(sink, "render", None) if hasattr(sink, "write_rendered") else None
        shared.update(store=store, verdicts=verdicts, render=render, ship_documents=sink is not None and render is None)
        shared.pop("counts", None)

        def write_tasks() -> Iterator[WriteTask]:
            first = 0
            for keys_, codes, n_pids in zip(shard_keys, shard_codes, shard_pids):
                lo, hi = np.searchsorted(removal_pid, [first, first + n_pids])
                removals = {}
                for j in range(int(lo), int(hi)):
                    target = decision.target[j]
                    removals[decision.pid[j]] = (
                        decision.reason[j],
                        decision.evidence[j],
                        target,
                        paths[all_doc_of[target]],
                        int(all_lines[target]),
                    )
                yield WriteTask(keys_, {k: seen_all[k] for k in keys_}, codes, first, removals)
                first += n_pids

        counts: Counter = Counter()
        written = 0
        report_file = _ReportFile(report_path)
        with tqdm(total=len(infos), desc="write", unit="doc", disable=not show) as bar:
            for out in parallel.ordered_map(write_shard, write_tasks(), pool_size, shared):
                for item in out.outputs:
                    if render is not None:
                        sink.write_rendered(*item)  # type: ignore[union-attr]
                    else:
                        sink.write(item)  # type: ignore[union-attr]
                report_file.write(out.report)
                counts.update(out.counts)
                written += 1
                if written % 16 == 0:
                    parallel.trim_memory()
                bar.update(len(out.outputs) if sink is not None else 0)
        if sink is not None:
            sink.close()
        report_file.write(
            "".join(
                json.dumps({"reason": "contained", "removed": False, **r}, ensure_ascii=False, sort_keys=True) + "\n"
                for r in contained_reported
            )
        )
        report_file.commit()
        report_file = None
        lap("write")
    except BaseException:
        if report_file is not None:
            report_file.abort()
        abort = getattr(sink, "abort", None)
        if abort is not None:
            abort()
        raise
    finally:
        shutil.rmtree(spill_dir, ignore_errors=True)

    skips.sort(key=lambda s: s.path)
    stats = {k: v for k, v in vars(decision.stats).items() if k != "contained_reported"}
    summary: dict[str, Any] = {
        **(extra or {}),
        "files": len(infos),
        "skipped": skips_to_dicts(skips),
        "skipped_by_reason": dict(sorted(_count(s.reason for s in skips).items())),
        "encodings": dict(sorted(_count(d.encoding for d in infos if d.encoding != "utf-8").items())),
        "non_utf8_files": {d.path: d.encoding for d in infos if d.encoding != "utf-8"},
        "paragraphs": sum(d.paragraphs for d in infos),
        "counts": dict(sorted(counts.items())),
        "parameters": config.to_dict(),
        "versions": versions(),
        "checksums": {d.path: d.checksum for d in infos},
        "stages": stats,
        "contained_reported": contained_reported,
        "seconds": round(time.time() - started, 3),
        "stage_seconds": {
            name: round(clock[name] - clock[prev], 3)
            for prev, name in zip(["start", "count", "analyse", "decide"], ["count", "analyse", "decide", "write"])
        },
        "dry_run": sink is None,
        "report": str(report_path),
    }
    write_atomic(summary_path(report_path), json.dumps(summary, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return summary


def clean_folder(
    input_dir: Path | str,
    output_dir: Path | str,
    config: CleanConfig | None = None,
    *,
    report: Path | str | None = None,
    dry_run: bool = False,
    overwrite: bool = False,
    quiet: bool = False,
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
        quiet: no progress bars.

    Returns:
        the run summary (also written as JSON beside the report).

    Raises:
        InputError: IN or OUT cannot be used; nothing is written.
        OSError: writing failed (disk full, permission); already-written files are whole.
    """
    src, dst = Path(input_dir), Path(output_dir)
    source, sink = folder_pair(src, None if dry_run else dst, overwrite=overwrite)
    extra = {"input": str(src), "output": None if dry_run else str(dst)}
    return run(source, sink, config, report=report or default_report_path(dst), quiet=quiet, extra=extra)


def _count(items: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for item in items:
        out[item] = out.get(item, 0) + 1
    return out
