"""The shard passes of the streaming pipeline, run by a worker process or a Ray task.

Each pass is a plain function of one shard (see :mod:`nettoyeur.pipeline` for the run
that calls them):

1. :func:`count_shard`: line keys of each document, for the boilerplate frequency signal;
2. :func:`analyse_shard`: boilerplate verdicts and the dedup stage's compact arrays, texts
   spilled to disk;
3. :func:`remark_shard` (documents dedup thinned only): the boilerplate signals again, on
   what dedup left (see :mod:`nettoyeur.remark`);
4. :func:`write_shard`: every verdict applied, the output rendered with its report records.

Each later pass restores the documents as the first one read them (:mod:`nettoyeur.snapshot`)
or, without snapshots, loads them again and checks that they read the same
(:func:`nettoyeur.sources.load_for_pass`). The line counts live in
:mod:`nettoyeur.linecounts`, the shards and the write tasks in :mod:`nettoyeur.plan`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nettoyeur import boilerplate, parallel, snapshot
from nettoyeur.config import CleanConfig
from nettoyeur.dedup import Analysis, analyse_for, make_verdict
from nettoyeur.keep import parse_keep, record_value
from nettoyeur.linecounts import document_line_keys
from nettoyeur.lineshape import memo_for
from nettoyeur.lsh import optimal_bands
from nettoyeur.plan import Seen, WriteTask
from nettoyeur.records import Document, Skip, Verdict
from nettoyeur.report import dumps_line, reason_counts, records
from nettoyeur.shapestore import SUFFIX, ShapeLog, StoredShapes
from nettoyeur.sources import analysable, load_for_pass
from nettoyeur.spill import write_anchors, write_band_keys
from nettoyeur.write import named_errors

# Documents between two trims of the main process's heap (see parallel.trim_memory).
TRIM_EVERY = 4096
# Paragraph characters a shard analyses at once: bounds a worker's memory (~30 bytes a
# character in the tokeniser) whatever the size of its documents.
ANALYSE_CHARS = 1 << 22

worker_count = parallel.worker_count


# --- shard tasks (run on workers) ----------------------------------------------------------


@dataclass
class DocInfo:
    """What the summary says about one input document."""

    path: str
    encoding: str
    checksum: str
    size: int
    paragraphs: int
    long_lines: tuple[tuple[int, int], ...] = ()  # (line, chars) kept unanalysed


def _load_checked(key: str, seen: Seen | None) -> tuple[Document | Skip, bool]:
    """:func:`~nettoyeur.sources.load_for_pass` of ``key`` from this run's source (``seen``: None in the first pass).

    Raises:
        InputError: the document's bytes changed between passes (no snapshot).
        OSError: the snapshot cannot be read.
    """
    st = parallel.state()
    expected = None if seen is None else seen.get(key, ("", False, None))
    return load_for_pass(st["source"], key, expected, st["config"].max_line_chars)


def _snapshots(first_pass: bool = True) -> snapshot.SnapshotWriter | contextlib.nullcontext[None]:
    """A writer of this shard's snapshots in the first pass of a run that keeps them (on this machine), else nothing.

    Raises:
        OSError: the snapshot file cannot be created.
    """
    folder = parallel.state().get("snapshot_dir")
    return snapshot.SnapshotWriter(folder) if folder and first_pass else contextlib.nullcontext()


def count_shard(keys: list[str]) -> tuple[Seen, list[Skip], np.ndarray, np.ndarray]:
    """Pass 1 on one shard: the line keys of each document, counted once per document.

    Returns:
        ``(seen, skips, keys, counts)``: the checksum, repair flag and snapshot of each
        loaded document, the documents skipped, and the shard's sorted distinct line keys with
        the number of its documents holding each.
    """
    seen: Seen = {}
    skips: list[Skip] = []
    found: list[int] = []
    max_chars = parallel.state()["config"].max_line_chars
    with _snapshots() as kept:
        for key in keys:
            item, suspect = _load_checked(key, None)
            if isinstance(item, Skip):
                skips.append(item)
                continue
            seen[key] = (item.checksum, suspect, snapshot.keep(kept, item))
            texts = [p.text for p in item.paragraphs if p.verdict is None and len(p.text) <= max_chars]  # analysable
            found.extend(document_line_keys(texts))
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
        seen: their checksums, repair flags and snapshots.
        skips: the documents skipped.
        codes: uint32 per paragraph of the loaded documents: 0 for none, else 1 + the
            index of its boilerplate verdict in ``verdicts``.
        verdicts: the shard's distinct boilerplate verdicts.
        analysis: the dedup arrays of the paragraphs left (ids local to the shard).
        doc_of: int32, the document (index in ``infos``) of each analysed paragraph.
        lines: int32, the line of each analysed paragraph.
        indices: int32, the index (in its document) of each analysed paragraph.
        spill: the spill file holding the analysed paragraphs' texts.
        offsets: int64 byte offset of each analysed paragraph in the spill file.
        lengths: int32 byte length of each.
        band_rows: with ``spill_keys`` in the shared state, the rows of band keys written
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
    indices: list[int] = []
    chars = 0
    spill = os.path.join(st["spill_dir"], f"{index:07d}.txt")
    offsets: list[np.ndarray] = []
    lengths: list[np.ndarray] = []
    position = 0
    shape_log = ShapeLog() if st.get("shapes") else None  # for the re-mark pass (nettoyeur.shapestore)
    keep_rule = parse_keep(config.keep)
    keep_values: list[Any] = []

    def flush() -> None:
        nonlocal texts, chars, position
        if not texts:
            return
        parts.append(analyse_for(texts, config))
        encoded = [t.encode("utf-8", "surrogatepass") for t in texts]
        size = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
        offsets.append(position + np.cumsum(size) - size)
        lengths.append(size.astype(np.int32))
        try:
            handle.write(b"".join(encoded))
        except OSError as err:  # name the file: the message must say where the disk is full
            raise OSError(err.errno, err.strerror, spill) from err
        position += int(size.sum())
        texts, chars = [], 0

    # Without pass 1 (no boilerplate), this is the first pass: it keeps the snapshots.
    with named_errors(spill), open(spill, "wb") as handle, _snapshots(first_pass=expected is None) as kept:
        for key in keys:
            item, suspect = _load_checked(key, expected)
            if isinstance(item, Skip):
                skips.append(item)
                continue
            doc = item
            if expected is not None:
                seen[key] = expected[key]
            else:
                seen[key] = (doc.checksum, suspect, snapshot.keep(kept, doc))
            if config.boilerplate:
                view = analysable(doc, config.max_line_chars)
                paras = [p for p in view.paragraphs if p.kept]
                shapes = boilerplate.shapes(paras, st["rules"])
                boilerplate.mark(
                    view, st["rules"], st["counts"], config.min_files, lines=shapes, comments=config.comments
                )
                if shape_log is not None:  # the paragraphs left are the ones analysed below
                    shape_log.add([info for p, (info, _) in zip(paras, shapes) if p.verdict is None])
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
                    indices.append(p.index)
                    chars += len(p.text)
            codes.append(doc_codes)
            long_lines = tuple((p.line, len(p.text)) for p in doc.paragraphs if len(p.text) > config.max_line_chars)
            infos.append(DocInfo(doc.path, doc.encoding, doc.checksum, doc.size, len(doc.paragraphs), long_lines))
            if keep_rule.needs_records:
                keep_values.append(record_value(getattr(doc, "record", None), keep_rule))
            if chars >= ANALYSE_CHARS:
                flush()
        flush()
    if shape_log is not None:
        shape_log.write(spill + SUFFIX)
    bands, _ = optimal_bands(config.threshold, config.num_perm)
    analysis = Analysis.concat(parts, bands)
    band_rows, anchor_counts = 0, None
    if st.get("spill_keys"):
        # The band keys and anchors (most of the analysis) go to disk; decide reads them a
        # band or an anchor part at a time, so the main process never holds them all.
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
        np.array(indices, dtype=np.int32),
        spill,
        np.concatenate(offsets) if offsets else np.empty(0, dtype=np.int64),
        np.concatenate(lengths) if lengths else np.empty(0, dtype=np.int32),
        band_rows,
        anchor_counts,
        keep_values,
    )


# The verdict a removed paragraph carries while only its removal matters (the re-mark pass:
# marking looks at kept paragraphs only).
_REMOVED = Verdict("duplicate")


def _rebuilt(task: WriteTask, kept_text: dict[int, str] | None) -> Iterator[Document]:
    """Loads the task's documents and gives each paragraph its verdict (boilerplate, dedup, re-mark).

    Args:
        task: the documents and their verdicts.
        kept_text: the kept copies' texts by paragraph id; None gives removals a placeholder verdict.

    Raises:
        InputError: a document changed since pass 1.
    """
    st = parallel.state()
    max_chars = st["config"].max_line_chars
    table: list[Verdict] = st["verdicts"]
    position = 0
    for key, pid in zip(task.keys, task.first_pids):
        doc, _ = _load_checked(key, task.seen)
        assert isinstance(doc, Document)
        for p in doc.paragraphs:
            code = int(task.codes[position])
            position += 1
            if code:
                p.verdict = table[code - 1]
            elif len(p.text) <= max_chars:
                removal = task.removals.get(pid)
                if removal is not None:
                    if kept_text is None:
                        p.verdict = _REMOVED
                    else:
                        reason, evidence, kept, kept_doc, kept_line = removal
                        p.verdict = make_verdict(
                            reason, evidence, kept_doc, kept_line, kept_text[kept], st["config"].keep
                        )
                pid += 1
        changes = task.overrides.get(doc.path)
        if changes:
            for p in doc.paragraphs:
                if p.index in changes:
                    p.verdict = changes[p.index]
        yield doc


def remark_shard(task: WriteTask) -> dict[str, list[tuple[int, int, Verdict]]]:
    """The re-mark pass on the documents of one shard that dedup thinned: boilerplate signals again.

    Returns:
        per document path, the paragraphs newly marked: ``(index, line, verdict)``, in order.

    Raises:
        InputError: a document changed since pass 1.
        OSError: the shapes pass 2 stored cannot be read.
    """
    st = parallel.state()
    config: CleanConfig = st["config"]
    max_chars = config.max_line_chars
    # Pass 2 stored the shapes of the paragraphs it analysed (nettoyeur.shapestore): none is described again.
    stored = StoredShapes(st["store"].files, st["store"].first, memo_for(st["rules"])) if st.get("shapes") else None
    out: dict[str, list[tuple[int, int, Verdict]]] = {}
    position = 0
    for doc, pid in zip(_rebuilt(task, None), task.first_pids):
        codes = task.codes[position : position + len(doc.paragraphs)].tolist()
        position += len(codes)
        lines = None if stored is None else stored.lines(doc, codes, pid, max_chars)
        view = analysable(doc, max_chars)
        out[doc.path] = remark_document(view, st["rules"], st["counts"], config.min_files, lines)
    return out


def remark_document(
    doc: Document, rules: list, counts: Any, min_files: int, lines: list | None = None
) -> list[tuple[int, int, Verdict]]:
    """Runs :func:`boilerplate.mark` on ``doc`` again (``lines``: its kept paragraphs' shapes, or None).

    Returns:
        ``(index, line, verdict)`` of each newly marked paragraph, in order.
    """
    before = {p.index for p in doc.paragraphs if p.kept}
    # Every kept paragraph passed the rules and the frequency floor in pass 2 (or it would
    # carry a boilerplate verdict): only the signals that read the article can change.
    boilerplate.mark(doc, rules, counts, min_files, line_signals=False, lines=lines)
    return [(p.index, p.line, p.verdict) for p in doc.paragraphs if p.index in before and p.verdict is not None]


@dataclass
class ShardOutput:
    """Pass 3's result for one shard: staged or rendered files (or documents), report lines, counts."""

    outputs: list[Any]
    report: str
    counts: Counter


def write_shard(task: WriteTask) -> ShardOutput:
    """The write pass on one shard: apply the verdicts, render the documents and their report records.

    Raises:
        InputError: a document changed since pass 1.
    """
    st = parallel.state()
    render = st["render"]
    stager = st.get("stager")
    kept_ids = sorted({r[2] for r in task.removals.values()})
    kept_text = dict(zip(kept_ids, st["store"].texts(np.array(kept_ids, dtype=np.int64)))) if kept_ids else {}
    outputs: list[Any] = []
    lines: list[str] = []
    counts: Counter = Counter()
    for doc in _rebuilt(task, kept_text):
        lines.extend(dumps_line(r) for r in records(doc))
        counts.update(reason_counts([doc]))
        if stager is not None:  # the file is written here, under a temporary name
            outputs.append(stager.stage(doc.path, render(doc)))
        elif render is not None:
            outputs.append((doc.path, render(doc)))
        elif st["ship_documents"]:
            outputs.append(doc)
    parallel.trim_memory()
    return ShardOutput(outputs, "".join(line + "\n" for line in lines), counts)
