"""The pipeline: read, repair, split, strip boilerplate, deduplicate, write, report.

:func:`clean_folder` is what ``nettoyeur clean IN OUT`` runs. Each step is a module
of its own; this one only calls them in order and keeps the books.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from tqdm import tqdm

from nettoyeur import boilerplate
from nettoyeur.config import CleanConfig
from nettoyeur.dedup import deduplicate
from nettoyeur.read import check_locations, list_files, load
from nettoyeur.records import Document, Skip
from nettoyeur.repair import repair
from nettoyeur.report import default_report_path, reason_counts, skips_to_dicts, versions, write_report
from nettoyeur.rules import builtin_rules, load_rules
from nettoyeur.split import join_kept
from nettoyeur.write import remove_stale_temporaries, safe_target, write_atomic


def repair_document(doc: Document, max_line_chars: int) -> Document:
    """Repairs each paragraph of ``doc`` in place (lines over the cap are left as they are)."""
    for p in doc.paragraphs:
        if len(p.text) <= max_line_chars:
            p.text, p.repairs = repair(p.original)
    return doc


def _load_and_repair(args: tuple[str, str, int]) -> Document | Skip:
    root, rel, max_line_chars = args
    item = load(Path(root), rel)
    return repair_document(item, max_line_chars) if isinstance(item, Document) else item


def worker_count(requested: int) -> int:
    """Returns the number of processes to use (0 = all cores)."""
    return requested if requested > 0 else (os.cpu_count() or 1)


def load_all(root: Path, paths: list[str], config: CleanConfig, bar: tqdm | None = None) -> Iterator[Document | Skip]:
    """Loads, decodes and repairs the files, in the given order, on ``config.workers`` processes."""
    jobs = [(str(root), rel, config.max_line_chars) for rel in paths]
    workers = min(worker_count(config.workers), max(1, len(jobs) // 8))
    if workers <= 1:
        results: Iterable[Document | Skip] = map(_load_and_repair, jobs)
        for item in results:
            if bar is not None:
                bar.update(1)
            yield item
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for item in pool.map(_load_and_repair, jobs, chunksize=max(1, min(64, len(jobs) // (workers * 4)))):
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
    started = time.time()
    config = config or CleanConfig()
    src, dst = Path(input_dir), Path(output_dir)
    check_locations(src, dst, overwrite=overwrite or dry_run)
    report_path = Path(report) if report else default_report_path(dst)
    paths, skips = list_files(src)
    show = not quiet and sys.stderr.isatty()
    docs: list[Document] = []
    with tqdm(total=len(paths), desc="read", unit="file", disable=not show) as bar:
        for item in load_all(src, paths, config, bar):
            if isinstance(item, Skip):
                skips.append(item)
            else:
                docs.append(item)
    stage = clean_documents(docs, config, quiet=quiet)
    if not dry_run:
        dst.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(dst)
        for doc in tqdm(docs, desc="write", unit="file", disable=not show):
            write_atomic(safe_target(dst, doc.path), join_kept(doc))
    counts = reason_counts(docs)
    skips.sort(key=lambda s: s.path)
    summary: dict[str, Any] = {
        "input": str(src),
        "output": None if dry_run else str(dst),
        "files": len(docs),
        "skipped": skips_to_dicts(skips),
        "skipped_by_reason": dict(sorted(_count(s.reason for s in skips).items())),
        "encodings": dict(sorted(_count(d.encoding for d in docs if d.encoding != "utf-8").items())),
        "non_utf8_files": {d.path: d.encoding for d in docs if d.encoding != "utf-8"},
        "paragraphs": sum(len(d.paragraphs) for d in docs),
        "counts": dict(sorted(counts.items())),
        "parameters": config.to_dict(),
        "versions": versions(),
        "checksums": {d.path: d.checksum for d in docs},
        "stages": stage["dedup"],
        "contained_reported": stage["contained_reported"],
        "seconds": round(time.time() - started, 3),
        "dry_run": dry_run,
        "report": str(report_path),
    }
    write_report(report_path, docs, summary)
    return summary


def _count(items: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for item in items:
        out[item] = out.get(item, 0) + 1
    return out
