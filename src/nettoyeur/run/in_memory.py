"""The pipeline in memory: every document loaded at once, then the same steps and verdicts.

:func:`clean_documents` is what the Python API's :class:`~nettoyeur.api.Cleaner` runs, and
:func:`run_in_memory` is the run with an index (:class:`nettoyeur.index.corpus_index.CorpusIndex`),
whose hooks work on documents. Both give the verdicts of the streaming
:func:`nettoyeur.run.streaming.run` (tests/boilerplate/test_remark.py, tests/run/test_engine.py).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tqdm import tqdm

from nettoyeur.boilerplate import mark
from nettoyeur.boilerplate.after_dedup import remark_documents
from nettoyeur.boilerplate.line_counts import count_lines
from nettoyeur.boilerplate.line_shapes import compile_rules
from nettoyeur.boilerplate.rules import builtin_rules, load_rules
from nettoyeur.boilerplate.sites import document_site
from nettoyeur.config import CleanConfig
from nettoyeur.corpus.sources import Sink, Source, analysable, list_shown, load_document
from nettoyeur.dedup.stage import deduplicate
from nettoyeur.executors import process_pool
from nettoyeur.records import Document, Skip
from nettoyeur.report.report_file import reason_counts, write_report
from nettoyeur.run.summary import doc_info, summarise


def _load_and_repair(context: tuple[Source, int], key: str) -> Document | Skip:
    source, max_line_chars = context
    return load_document(source, key, max_line_chars)


def load_all(
    source: Source, keys: list[str], config: CleanConfig, bar: tqdm | None = None
) -> Iterator[Document | Skip]:
    """Loads, decodes and repairs the documents, in the given order, on ``config.workers`` processes."""
    workers = min(process_pool.worker_count(config.workers), max(1, len(keys) // 8))
    for item in process_pool.ordered_map(_load_and_repair, keys, workers, (source, config.max_line_chars), window=64):
        if bar is not None:
            bar.update(1)
        yield item


def rules_for(config: CleanConfig) -> list:
    """Returns the built-in rules plus the user's."""
    rules = builtin_rules()
    if config.rules_file is not None:
        rules = load_rules(config.rules_file) + rules
    compile_rules(rules)  # before any worker forks: they inherit the compiled matcher
    return rules


def clean_documents(docs: list[Document], config: CleanConfig, quiet: bool = True, index: Any = None) -> dict[str, Any]:
    """Runs boilerplate removal, deduplication and the re-mark after dedup over loaded documents, in place.

    ``docs`` must be in corpus order; ``index`` (a :class:`nettoyeur.index.corpus_index.CorpusIndex`)
    adds earlier runs' line counts and kept paragraphs. The verdicts are those of the
    streaming :func:`run`. Returns the stage statistics.
    """
    stats: dict[str, Any] = {}
    views = [analysable(doc, config.max_line_chars) for doc in docs]  # over-long lines: kept, not analysed
    sites = [document_site(doc, config.site) for doc in docs]  # read before the views, which have no record
    if config.boilerplate:
        rules = rules_for(config)
        counts = count_lines(views, sites)
        if index is not None:
            counts = index.with_earlier_counts(counts)
        for doc, site in zip(views, sites):
            mark.mark(doc, rules, counts, config.min_files, comments=config.comments, site=site)
    earlier = index.earlier(docs) if index is not None else []
    dedup = deduplicate(earlier + docs, config)
    if config.boilerplate:
        remark_documents(views, rules, counts, config.min_files, {doc.path: site for doc, site in zip(docs, sites)})
    if index is not None:
        stats["index"] = index.review(docs, dedup)
    stats["dedup"] = {k: v for k, v in vars(dedup).items() if k != "contained_reported"}
    stats["contained_reported"] = dedup.contained_reported
    return stats


def run_in_memory(
    source: Source,
    sink: Sink | None,
    config: CleanConfig | None = None,
    *,
    report: Path | str,
    quiet: bool = False,
    extra: dict[str, Any] | None = None,
    index: Any = None,
) -> dict[str, Any]:
    """Like :func:`run`, with every document in memory (:func:`clean_documents`): same bytes.

    Args:
        source: where the documents come from.
        sink: where cleaned documents go; None for a dry run (report only).
        config: the options (defaults when None).
        report: where to write the report records; the summary goes beside it.
        quiet: no progress bars.
        extra: fields added to the summary (input/output locations ...).
        index: a :class:`nettoyeur.index.corpus_index.CorpusIndex` (dedup against earlier runs); the
            run's kept paragraphs are added to it once the corpus is written.

    Returns:
        the run summary (also written as JSON beside the report).

    Raises:
        OSError: writing failed (disk full, permission); already-written files are whole.
    """
    started = time.time()
    config = config or CleanConfig()
    report_path = Path(report)
    show = not quiet and sys.stderr.isatty()
    keys, skips = list_shown(source, show)
    docs: list[Document] = []
    with tqdm(total=len(keys), desc="read", unit="doc", disable=not show) as bar:
        for item in load_all(source, keys, config, bar):
            if isinstance(item, Skip):
                skips.append(item)
            else:
                docs.append(item)
    stage = clean_documents(docs, config, quiet=quiet, index=index)
    try:
        if sink is not None:
            for doc in tqdm(docs, desc="write", unit="doc", disable=not show):
                sink.write(doc)
            sink.close()
            if index is not None:
                stage["index"]["committed"] = index.commit()
    except BaseException:
        abort = getattr(sink, "abort", None)
        if abort is not None:
            abort()
        raise
    infos = [doc_info(d, config.max_line_chars) for d in docs]
    more = {"index": stage["index"]} if "index" in stage else None
    summary = summarise(
        infos, skips, reason_counts(docs), config, stage["dedup"], stage["contained_reported"],
        sink=sink, started=started, report_path=report_path, extra=extra, more=more, show=show,
    )  # fmt: skip
    write_report(report_path, docs, summary)
    return summary
