"""The end of a run, streaming or in memory: what it says of each document, the checksums, the summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqdm import tqdm

from nettoyeur.config import CleanConfig
from nettoyeur.corpus.sources import Sink
from nettoyeur.records import Document, Skip
from nettoyeur.report.report_file import run_summary, write_checksums


@dataclass(slots=True)
class DocInfo:
    """What the summary says about one input document (the driver holds one per document: slots, no ``__dict__``)."""

    path: str
    encoding: str
    checksum: str
    size: int
    paragraphs: int
    long_lines: tuple[tuple[int, int], ...] = ()  # (line, chars) kept unanalysed


def doc_info(doc: Document, max_line_chars: int) -> DocInfo:
    """Returns what the summary says about ``doc`` (lines over ``max_line_chars`` are kept unanalysed)."""
    long_lines = tuple((p.line, len(p.text)) for p in doc.paragraphs if len(p.text) > max_line_chars)
    return DocInfo(doc.path, doc.encoding, doc.checksum, doc.size, len(doc.paragraphs), long_lines)


def summarise(
    infos: list[DocInfo],
    skips: list[Skip],
    counts: Counter,
    config: CleanConfig,
    stages: dict[str, Any],
    contained_reported: list[dict[str, Any]],
    *,
    sink: Sink | None,
    started: float,
    report_path: Path,
    extra: dict[str, Any] | None,
    more: dict[str, Any] | None,
    show: bool,
) -> dict[str, Any]:
    """Writes the checksums file beside the report and returns the run summary.

    Args:
        infos: every document read, in corpus order.
        skips: the documents left out (sorted by path here).
        counts: removals and changes per reason.
        config: the run's options.
        stages: the dedup stage's statistics.
        contained_reported: the contained passages dedup kept but reports.
        sink: where the cleaned documents went (None: a dry run).
        started: when the run started (``time.time()``).
        report_path: the report; the checksums and the summary go beside it.
        extra: fields added to the summary (input/output locations ...).
        more: more fields (stage timings, the index's review).
        show: show a progress bar.

    Raises:
        OSError: the checksums file cannot be written.
    """
    skips.sort(key=lambda s: s.path)
    with tqdm(total=len(infos), desc="summary", unit="doc", disable=not show) as bar:
        write_checksums(report_path, infos, bar.update)
    return run_summary(
        infos=infos,
        skips=skips,
        counts=counts,
        config=config,
        stages=stages,
        contained_reported=contained_reported,
        sink=sink,
        started=started,
        report_path=report_path,
        extra=extra,
        more=more,
    )


