"""The pipeline: read, repair, split, strip boilerplate, deduplicate, write, report.

:func:`clean_folder` is what ``nettoyeur clean IN OUT`` runs. Each step is a module
of its own; this one only calls them in order and keeps the books.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tqdm import tqdm

from nettoyeur import boilerplate
from nettoyeur.config import CleanConfig
from nettoyeur.dedup import deduplicate
from nettoyeur.interrupt import worker_pool
from nettoyeur.read import check_locations, check_report_location
from nettoyeur.records import Document, Paragraph, Skip, Verdict
from nettoyeur.repair import repair
from nettoyeur.report import default_report_path, reason_counts, skips_to_dicts, versions, write_report
from nettoyeur.rules import builtin_rules, load_rules
from nettoyeur.sources import Sink, Source, folder_pair


def repair_document(doc: Document, max_line_chars: int) -> Document:
    """Repairs each paragraph of ``doc`` in place (lines over the cap are left as they are).

    A paragraph that repair leaves blank (``&nbsp;`` alone on its line becomes a
    no-break space) is removed as ``blank-after-repair``: kept, it would be a paragraph
    the report counts and the output file does not show.
    """
    for p in doc.paragraphs:
        if len(p.text) <= max_line_chars:
            p.text, p.repairs = repair(p.original)
            if p.repairs and not p.text.strip():
                p.verdict = Verdict("blank-after-repair", detail="repair left only white space: " + "+".join(p.repairs))
    return doc


def _load_and_repair(args: tuple[Source, str, int]) -> Document | Skip:
    source, key, max_line_chars = args
    item = source.load(key)
    return repair_document(item, max_line_chars) if isinstance(item, Document) else item


def worker_count(requested: int) -> int:
    """Returns the number of processes to use (0 = all cores)."""
    return requested if requested > 0 else (os.cpu_count() or 1)


def load_all(
    source: Source, keys: list[str], config: CleanConfig, bar: tqdm | None = None
) -> Iterator[Document | Skip]:
    """Loads, decodes and repairs the documents, in the given order, on ``config.workers`` processes."""
    jobs = [(source, key, config.max_line_chars) for key in keys]
    workers = min(worker_count(config.workers), max(1, len(jobs) // 8))
    if workers <= 1:
        results: Iterable[Document | Skip] = map(_load_and_repair, jobs)
        for item in results:
            if bar is not None:
                bar.update(1)
            yield item
        return
    with worker_pool(workers) as pool:
        for item in pool.map(_load_and_repair, jobs, chunksize=max(1, min(64, len(jobs) // (workers * 4)))):
            if bar is not None:
                bar.update(1)
            yield item


def analysable(docs: list[Document], max_line_chars: int) -> list[Document]:
    """Returns ``docs`` where each document with lines over the cap is a view without them.

    Paragraphs are shared with the originals, so verdicts set on the views land on the
    documents; lines over ``max_line_chars`` are kept, never analysed (and reported).
    """
    out = []
    for doc in docs:
        if any(len(p.text) > max_line_chars for p in doc.paragraphs):
            paras = [p for p in doc.paragraphs if len(p.text) <= max_line_chars]
            doc = Document(path=doc.path, encoding=doc.encoding, paragraphs=paras, checksum=doc.checksum)
        out.append(doc)
    return out


def long_lines(docs: list[Document], max_line_chars: int) -> list[dict[str, Any]]:
    """Returns the lines kept unanalysed for their length: file, line and length."""
    return [
        {"file": d.path, "line": p.line, "chars": len(p.text)}
        for d in docs
        for p in d.paragraphs
        if len(p.text) > max_line_chars
    ]


def rules_for(config: CleanConfig) -> list:
    """Returns the built-in rules plus the user's."""
    rules = builtin_rules()
    if config.rules_file is not None:
        rules = load_rules(config.rules_file) + rules
    return rules


def remark_after_dedup(docs: list[Document], rules: list, counts: Any, min_files: int) -> int:
    """Runs the boilerplate signals again on the documents dedup thinned.

    The position signal reads the article's shape (its first and last prose
    paragraphs); removing a duplicate can change that shape, and the output must be
    what a second clean would leave (cleaning the output again removes nothing). When
    this removes a kept copy that duplicates point at, the next copy in corpus order
    takes its place (so a text is never lost with all its copies), and that copy's
    document is looked at again, until nothing changes.

    Returns:
        the number of paragraphs newly marked.
    """
    by_path = {doc.path: doc for doc in docs}
    pointing: dict[tuple[str, int], list[tuple[Document, Paragraph]]] = {}
    for doc in docs:
        for p in doc.paragraphs:
            if p.verdict is not None and p.verdict.kept_doc is not None and p.verdict.kept_line is not None:
                pointing.setdefault((p.verdict.kept_doc, p.verdict.kept_line), []).append((doc, p))
    todo = sorted({doc.path for members in pointing.values() for doc, _ in members})
    marked = 0
    while todo:
        following: set[str] = set()
        for path in todo:
            doc = by_path[path]
            before = {p.index for p in doc.paragraphs if p.kept}
            marked += boilerplate.mark(doc, rules, counts, min_files)
            for p in doc.paragraphs:
                if p.index in before and not p.kept and (doc.path, p.line) in pointing:
                    heir = _promote(pointing, doc.path, p)
                    if heir is not None:
                        following.add(heir)
        todo = sorted(following)
    return marked


def _promote(
    pointing: dict[tuple[str, int], list[tuple[Document, Paragraph]]], path: str, lost: Paragraph
) -> str | None:
    """Makes the first copy pointing at ``lost`` the kept one; returns its document's path."""
    members = sorted(pointing.pop((path, lost.line)), key=lambda dp: (dp[0].path, dp[1].line))
    members = [(d, p) for d, p in members if p.verdict is not None and p.verdict.reason in ("duplicate", "contained")]
    if not members:
        return None
    heir_doc, heir = members[0]
    heir.verdict = None
    for doc, p in members[1:]:
        assert p.verdict is not None
        p.verdict = dataclasses.replace(
            p.verdict,
            kept_doc=heir_doc.path,
            kept_line=heir.line,
            kept_text=heir.text,
            detail="the first kept copy was removed as boilerplate; this copy's twin is kept instead",
        )
        pointing.setdefault((heir_doc.path, heir.line), []).append((doc, p))
    return heir_doc.path


def clean_documents(docs: list[Document], config: CleanConfig, quiet: bool = True, index: Any = None) -> dict[str, Any]:
    """Runs boilerplate removal and deduplication over loaded documents, in place.

    ``docs`` must be in corpus order; ``index`` (a :class:`nettoyeur.index.CorpusIndex`)
    adds earlier runs' line counts and kept paragraphs. Returns the stage statistics.
    """
    stats: dict[str, Any] = {}
    views = analysable(docs, config.max_line_chars)  # over-long lines are kept, not analysed
    if config.boilerplate:
        rules = rules_for(config)
        counts = boilerplate.count_lines(views)
        if index is not None:
            counts = index.with_earlier_counts(counts)
        for doc in views:
            boilerplate.mark(doc, rules, counts, config.min_files)
    earlier = index.earlier(docs) if index is not None else []
    dedup = deduplicate(earlier + docs, config)
    if config.boilerplate:
        remark_after_dedup(views, rules, counts, config.min_files)
    if index is not None:
        stats["index"] = index.review(docs, dedup)
    stats["dedup"] = {k: v for k, v in vars(dedup).items() if k != "contained_reported"}
    stats["contained_reported"] = dedup.contained_reported
    return stats


def run(
    source: Source,
    sink: Sink | None,
    config: CleanConfig | None = None,
    *,
    report: Path | str,
    quiet: bool = False,
    extra: dict[str, Any] | None = None,
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
        index: a :class:`nettoyeur.index.CorpusIndex` (dedup against earlier runs); the
            run's kept paragraphs are added to it once the corpus is written.

    Returns:
        the run summary (also written as JSON beside the report).

    Raises:
        OSError: writing failed (disk full, permission); already-written files are whole.
    """
    started = time.time()
    config = config or CleanConfig()
    report_path = Path(report)
    keys, skips = source.list()
    show = not quiet and sys.stderr.isatty()
    docs: list[Document] = []
    with tqdm(total=len(keys), desc="read", unit="doc", disable=not show) as bar:
        for item in load_all(source, keys, config, bar):
            if isinstance(item, Skip):
                skips.append(item)
            else:
                docs.append(item)
    stage = clean_documents(docs, config, quiet=quiet, index=index)
    if sink is not None:
        for doc in tqdm(docs, desc="write", unit="doc", disable=not show):
            sink.write(doc)
        sink.close()
        if index is not None:
            stage["index"]["committed"] = index.commit()
    counts = reason_counts(docs)
    skips.sort(key=lambda s: s.path)
    summary: dict[str, Any] = {
        **(extra or {}),
        "files": len(docs),
        "skipped": skips_to_dicts(skips),
        "skipped_by_reason": dict(sorted(_count(s.reason for s in skips).items())),
        "encodings": dict(sorted(_count(d.encoding for d in docs if d.encoding != "utf-8").items())),
        "non_utf8_files": {d.path: d.encoding for d in docs if d.encoding != "utf-8"},
        "paragraphs": sum(len(d.paragraphs) for d in docs),
        "long_lines": long_lines(docs, config.max_line_chars),
        "output_files": dict(getattr(sink, "output_files", None) or {}) or None,
        "counts": dict(sorted(counts.items())),
        "parameters": config.to_dict(),
        "versions": versions(),
        "checksums": {d.path: d.checksum for d in docs},
        "stages": stage["dedup"],
        "contained_reported": stage["contained_reported"],
        **({"index": stage["index"]} if "index" in stage else {}),
        "seconds": round(time.time() - started, 3),
        "dry_run": sink is None,
        "report": str(report_path),
    }
    write_report(report_path, docs, summary)
    return summary


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

    Returns:
        the run summary (also written as JSON beside the report).

    Raises:
        InputError: IN or OUT cannot be used; nothing is written.
        OSError: writing failed (disk full, permission); already-written files are whole.
    """
    src, dst = Path(input_dir), Path(output_dir)
    report_path = Path(report) if report else default_report_path(dst)
    config = config or CleanConfig()
    check_locations(src, dst, overwrite=overwrite or dry_run or resume)
    check_report_location(src, dst, report_path)
    source, sink = folder_pair(src, None if dry_run else dst, overwrite=overwrite, resume=resume, config=config)
    extra = {"input": str(src), "output": None if dry_run else str(dst)}
    return run(source, sink, config, report=report_path, quiet=quiet, extra=extra)


def _count(items: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for item in items:
        out[item] = out.get(item, 0) + 1
    return out
