r"""The Python API: what the CLI does, from Python, with or without files.

Files in, files out (any format the CLI reads; returns the run summary)::

    import nettoyeur
    summary = nettoyeur.clean("crawl/", "clean/", threshold=0.6, drop_empty=True)
    print(summary["counts"])

No files: clean any iterable of strings or records (dicts) in memory::

    cleaner = nettoyeur.Cleaner(nettoyeur.CleanConfig(min_files=3))
    for out in cleaner.clean(["a paragraph\n\nanother one", {"id": 7, "text": "..."}]):
        print(out.text, out.removed)

Options are the fields of :class:`~nettoyeur.config.CleanConfig` plus the input/output
options in :data:`IO_OPTIONS`; an unknown name raises :class:`ConfigError` listing the
known ones.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from nettoyeur.config import CleanConfig
from nettoyeur.corpus.atomic import check_run_writable
from nettoyeur.corpus.folder_reader import check_report_location
from nettoyeur.corpus.record_formats import detect, prepare_pair
from nettoyeur.corpus.run_lock import check_free, locked_run
from nettoyeur.corpus.shard_read import RecordSource, record_document
from nettoyeur.corpus.shards import RecordOptions
from nettoyeur.corpus.sources import repair_document
from nettoyeur.dedup.keep import parse_keep
from nettoyeur.errors import ConfigError, InputError
from nettoyeur.executors.choose import check_engine, make_executor
from nettoyeur.records import Document
from nettoyeur.report.report_file import default_report_path, report_records
from nettoyeur.run import streaming
from nettoyeur.run.in_memory import clean_documents
from nettoyeur.text.split import split_lines

# Options of a run that are not cleaning settings: where things go and how records are read.
IO_OPTIONS: dict[str, str] = {
    "text_field": "the record field holding the text (default 'text')",
    "id_field": "the record field naming the record in the report (default 'id')",
    "drop_empty": "drop a record whose text becomes empty (default: keep it with empty text)",
    "drop_bad_records": "leave out records that cannot be cleaned (default: pass them through unchanged)",
    "index": "a folder or redis:// URL: dedup against earlier runs, then add this run's kept paragraphs",
    "report": "report path (default OUT.report.jsonl beside OUT)",
    "overwrite": "allow a non-empty OUT",
    "dry_run": "write only the report",
    "quiet": "no progress bars",
    "resume": "continue an interrupted run into a folder (same options): finished outputs are not rewritten",
    "engine": "'local' (processes on this machine) or 'ray' (tasks on a Ray cluster); same bytes",
    "address": "for engine='ray', the cluster to join (None: start Ray here)",
    "annotate": "records: a field name; remove nothing, write each record whole with its paragraphs' verdicts there",
}


def split_options(options: Mapping[str, Any], config: CleanConfig | None = None) -> tuple[CleanConfig, dict[str, Any]]:
    """Splits keyword options into a config and the I/O options.

    Raises:
        ConfigError: an unknown option (the message lists the known ones) or a bad value.
    """
    config_names = {f.name for f in fields(CleanConfig)}
    unknown = sorted(set(options) - config_names - set(IO_OPTIONS))
    if unknown:
        known = sorted(config_names | set(IO_OPTIONS))
        raise ConfigError(f"unknown option(s) {', '.join(unknown)}; known options: {', '.join(known)}.")
    base = config or CleanConfig()
    overrides = {k: v for k, v in options.items() if k in config_names}
    if "rules_file" in overrides and overrides["rules_file"] is not None:
        overrides["rules_file"] = Path(overrides["rules_file"])
    return (base.replace(**overrides) if overrides else base), {k: v for k, v in options.items() if k in IO_OPTIONS}


def clean(
    input: Path | str,  # noqa: A002 - the CLI's IN
    output: Path | str | None = None,
    *,
    config: CleanConfig | None = None,
    **options: Any,
) -> dict[str, Any]:
    """Cleans a corpus into another, as ``nettoyeur clean IN OUT`` does.

    Args:
        input: a folder of .txt/.md files, a JSON Lines or Parquet file, or a folder of
            shards (.jsonl, .json.gz, .jsonl.gz, .jsonl.zst, .jsonl.bz2, .parquet).
        output: where the cleaned corpus goes, in the input's format and layout; None
            for a dry run (then ``report`` is required). A string ending in ``/`` is a
            folder, whatever its name (``out.jsonl/``), as on the command line.
        config: base settings (defaults when None); ``options`` override its fields.
        **options: CleanConfig fields (``threshold=0.6`` ...) and :data:`IO_OPTIONS`.

    Returns:
        the run summary (also written as JSON beside the report).

    Raises:
        ConfigError: an unknown option or a bad value.
        InputError: IN or OUT cannot be used, or the Ray cluster cannot be reached; nothing is written.
        MissingExtraError: the format, the index or the engine needs an optional dependency.
        OSError: writing failed; files already written are whole.
    """
    cfg, io = split_options(options, config)
    return run_paths(
        Path(input),
        None if output is None else output if isinstance(output, str) else Path(output),
        cfg,
        report=io.get("report"),
        dry_run=bool(io.get("dry_run", False)),
        overwrite=bool(io.get("overwrite", False)),
        resume=bool(io.get("resume", False)),
        quiet=bool(io.get("quiet", True)),
        engine=io.get("engine", "local"),
        address=io.get("address"),
        text_field=io.get("text_field", "text"),
        id_field=io.get("id_field", "id"),
        drop_empty=bool(io.get("drop_empty", False)),
        drop_bad_records=bool(io.get("drop_bad_records", False)),
        index=io.get("index"),
        annotate=io.get("annotate"),
    )


def run_paths(
    input_path: Path | str,
    output_path: Path | str | None,
    config: CleanConfig,
    *,
    report: Path | str | None = None,
    dry_run: bool = False,
    overwrite: bool = False,
    resume: bool = False,
    quiet: bool = False,
    text_field: str = "text",
    id_field: str | None = "id",
    drop_empty: bool = False,
    drop_bad_records: bool = False,
    index: str | Path | None = None,
    engine: str = "local",
    address: str | None = None,
    annotate: str | None = None,
) -> dict[str, Any]:
    """Opens IN and OUT in their format, opens the index, and runs the pipeline.

    Args:
        input_path: the corpus to clean (any supported format).
        output_path: where the cleaned corpus goes; None (or ``dry_run``) writes none. A
            string ending in ``/`` is a folder, whatever its name (``out.jsonl/``).
        config: the cleaning settings.
        report: the report path (default ``OUT.report.jsonl`` beside OUT).
        dry_run: write only the report.
        overwrite: allow a non-empty OUT.
        resume: continue an interrupted run into a folder (see :mod:`nettoyeur.corpus.journal`).
        quiet: no progress bars.
        text_field: the record field holding the text.
        id_field: the record field naming records in the report.
        drop_empty: drop records whose text becomes empty.
        drop_bad_records: leave out records that cannot be cleaned (by default they are
            written unchanged, where they were); either way each is a skip in the summary.
        index: a folder or ``redis://`` URL to dedup against earlier runs (the run is
            then in memory: the index hooks work on documents).
        engine: ``local`` (processes on this machine) or ``ray`` (tasks on a Ray
            cluster; needs ``nettoyeur[ray]``); both write the same bytes.
        address: for ``ray``, the cluster to join (None: start Ray here).
        annotate: records only: remove nothing, and write each record whole with this
            field listing its paragraphs' verdicts (:mod:`nettoyeur.report.annotate`).

    Raises:
        ConfigError: the index was built with other settings, an unknown engine, or a ``keep``
            rule that reads a record field for a folder of text files (or any rule but
            ``first`` with an index).
        InputError: IN, OUT, the index or the Ray cluster cannot be used; nothing is written.
        MissingExtraError: the format, the index or the engine needs an optional dependency.
        OSError: writing failed; files already written are whole.
    """
    if not text_field:
        raise ConfigError("text_field must name a field, e.g. 'text'.")
    input_path = Path(input_path)
    # "out.jsonl/" (a final separator) asks for a folder that receives the input's file, as for any folder.
    as_folder = isinstance(output_path, str) and output_path.endswith(("/", os.sep))
    if report is None:
        if output_path is None:
            raise InputError("a dry run without OUT needs a report path: where to write the report.")
        report = default_report_path(Path(output_path))
    report = Path(report)
    output_label = None if output_path is None else str(output_path)
    output_path = None if dry_run or output_path is None else Path(output_path)
    if annotate is not None:
        _check_annotate(annotate, text_field, drop_empty, input_path)
    options = RecordOptions(
        text_field=text_field,
        id_field=id_field or None,
        drop_empty=drop_empty,
        drop_bad=drop_bad_records,
        annotate=annotate or None,
    )
    check_free(output_path, "output")  # a run in progress is named before anything else is said about OUT
    check_free(report, "report")
    extra: dict[str, Any] = {"input": str(input_path), "output": None if output_path is None else str(output_path)}
    source, make_sink = prepare_pair(
        input_path,
        output_path,
        overwrite=overwrite,
        options=options,
        stats=extra,
        config=config,
        resume=resume,
        as_folder=as_folder,
    )
    check_report_location(input_path, output_path or input_path, report)
    _describe_input(extra, source, input_path, options, config)
    _check_index_and_engine(config, index, engine, address)
    return _run_locked(
        source, make_sink, config, report, output_path, output_label,
        quiet=quiet, extra=extra, index=index, engine=engine, address=address,
    )  # fmt: skip


def _describe_input(
    extra: dict[str, Any], source: Any, input_path: Path, options: RecordOptions, config: CleanConfig
) -> None:
    """Adds the input's format and record options to the summary's fields.

    Raises:
        ConfigError: a ``keep`` rule that reads a record field, for a folder of text files.
    """
    # A record source's format is looked up; a folder source is text (detect() walks the folder).
    extra["format"] = detect(input_path) if isinstance(source, RecordSource) else "text"
    if isinstance(source, RecordSource):
        extra.update(text_field=options.text_field, id_field=options.id_field, drop_empty=options.drop_empty)
        if options.drop_bad:  # only when set: the summary of a default run keeps its fields
            extra["drop_bad_records"] = True
        if options.annotate:
            extra["annotate"] = options.annotate
    elif parse_keep(config.keep).needs_records:
        raise ConfigError(
            f"--keep {config.keep} reads a record field, and {input_path} is a folder of text files: "
            "use --keep first or --keep longest, or clean JSON Lines/Parquet records."
        )


def _check_index_and_engine(config: CleanConfig, index: str | Path | None, engine: str, address: str | None) -> None:
    """Checks that the index, the ``keep`` rule and the engine go together.

    Raises:
        ConfigError: ``keep`` other than ``first`` with an index, an index with Ray, an unknown engine.
        MissingExtraError: ``engine="ray"`` without Ray installed.
    """
    if index is not None and config.keep != "first":
        raise ConfigError(
            f"--keep {config.keep} cannot be combined with --index (the earlier runs' copies are already "
            "written and always stay): run without --index, or with --keep first."
        )
    if index is None:
        check_engine(engine, address)
    elif engine != "local":
        raise ConfigError("--index runs on this machine: drop --engine ray, or run without --index.")


def _run_locked(
    source: Any,
    make_sink: Any,
    config: CleanConfig,
    report: Path,
    output_path: Path | None,
    output_label: str | None,
    *,
    quiet: bool,
    extra: dict[str, Any],
    index: str | Path | None,
    engine: str,
    address: str | None,
) -> dict[str, Any]:
    """Takes the run locks of OUT and the report, then runs the pipeline (with the index, in memory).

    Raises:
        InputError: OUT or the report is locked by a live run, the index or the cluster cannot be used.
        ConfigError: the index was built with other settings.
        OSError: writing failed; files already written are whole.
    """
    with locked_run(output_path, report) as locks:  # before the first byte is written or a temporary file cleared
        check_run_writable(report)  # not after the whole run
        stale = [lock.stale for lock in locks if lock.stale is not None]
        if stale:  # a killed run's locks, taken over
            extra["stale_locks_taken_over"] = stale
        if index is None:
            executor = make_executor(engine, config.workers, address)  # before OUT is created
            try:
                if engine != "local":  # tasks may run in another working directory (or on another node)
                    source.root = Path(source.root).absolute()
                return streaming.run(
                    source, make_sink(), config, report=report, quiet=quiet, extra=extra, executor=executor
                )
            finally:
                executor.close()
        from nettoyeur.index.corpus_index import CorpusIndex

        run_info = {"input": str(Path(source.root).resolve()), "output": output_label}
        with CorpusIndex(index, config, run_info) as idx:  # refused before anything is written
            return streaming.run(source, make_sink(), config, report=report, quiet=quiet, extra=extra, index=idx)


def _check_annotate(annotate: str, text_field: str, drop_empty: bool, input_path: Path) -> None:
    """Refuses ``annotate`` where it cannot apply, before anything is read or written.

    Raises:
        ConfigError: an empty field name, the text field's name, ``drop_empty`` with it,
            or a folder of text files (which has no record to annotate).
    """
    if not annotate or not annotate.strip():
        raise ConfigError("--annotate-field must name a field, e.g. 'nettoyeur'.")
    if annotate == text_field:
        raise ConfigError(f"--annotate-field {annotate!r} is the text field: choose another name, e.g. 'nettoyeur'.")
    if drop_empty:
        raise ConfigError("--annotate removes nothing, so no record becomes empty: drop --drop-empty.")
    if detect(input_path) == "text":
        raise ConfigError(
            f"--annotate writes verdicts into records, and {input_path} is a folder of text files: to see what a "
            "clean would remove without removing it, run with --dry-run (the report) and then 'nettoyeur review "
            "REPORT' (an HTML page)."
        )


@dataclass
class Cleaned:
    """One cleaned item, in input order.

    Attributes:
        position: the item's 0-based position in the input.
        item: the cleaned item, of the input's type: a string, or a copy of the record
            with its text field replaced; an item that could not be cleaned (see
            ``skipped``) is passed through unchanged.
        text: the cleaned text ("" when nothing was kept).
        id: the record's id (``id_field``), if any.
        removed: one record per removed paragraph (as in the report, with ``item`` and,
            for copies, ``kept_item``: the position of the item holding the kept copy).
        repaired: one record per paragraph whose encoding was repaired.
        skipped: why the item was not cleaned (not a string or record, no text field ...),
            or None.
    """

    position: int
    item: Any
    text: str
    id: str | None = None
    removed: list[dict[str, Any]] = field(default_factory=list)
    repaired: list[dict[str, Any]] = field(default_factory=list)
    skipped: str | None = None


def _position(key: str) -> int:
    return int(key)


class Cleaner:
    """Cleans texts or records in memory: no files, the same steps and verdicts as the CLI.

    Deduplication compares every item with every other, so :meth:`clean` reads the whole
    iterable before it yields the first result; results come in input order.

    Args:
        config: the settings (defaults when None); ``options`` override its fields.
        text_field: for records (dicts), the field holding the text.
        id_field: for records, the field naming them (copied to each result).
        drop_empty: leave out items whose text becomes empty.
        **options: CleanConfig fields.

    Raises:
        ConfigError: an unknown option or a bad value.
    """

    def __init__(
        self,
        config: CleanConfig | None = None,
        *,
        text_field: str = "text",
        id_field: str | None = "id",
        drop_empty: bool = False,
        **options: Any,
    ) -> None:
        self.config, io = split_options(options, config)
        if io:
            raise ConfigError(f"option(s) {', '.join(sorted(io))} apply to files; use nettoyeur.clean() for them.")
        self.options = RecordOptions(text_field=text_field, id_field=id_field, drop_empty=drop_empty)
        self.summary: dict[str, Any] = {}

    def _document(self, position: int, item: Any) -> Document | str:
        key = f"{position:012d}"
        if isinstance(item, str):
            doc = Document(path=key)
            doc.lines, doc.paragraphs = split_lines(item)
            return doc
        if isinstance(item, Mapping):
            made = record_document(key, "", position, dict(item), self.options, f"item {position}")
            return made if isinstance(made, Document) else made.detail
        return f"item {position} is a {type(item).__name__}, not a string or a record (dict)"

    def clean(self, items: Iterable[Any]) -> Iterator[Cleaned]:
        """Cleans the items (strings or dicts) and yields one :class:`Cleaned` per item.

        Items that are neither strings nor records, and records without a string text
        field, are yielded unchanged with ``skipped`` set (never an exception).
        """
        from nettoyeur.corpus.shard_write import cleaned_text

        made: list[Document | str] = []
        originals: list[Any] = []
        for position, item in enumerate(items):
            originals.append(item)
            made.append(self._document(position, item))
        docs = [d for d in made if isinstance(d, Document)]
        for doc in docs:
            repair_document(doc, self.config.max_line_chars)
        stage = clean_documents(docs, self.config)
        self.summary = {
            "items": len(made),
            "skipped": sum(1 for d in made if not isinstance(d, Document)),
            "stages": stage["dedup"],
            "contained_reported": stage["contained_reported"],
        }
        for position, (item, doc) in enumerate(zip(originals, made)):
            if not isinstance(doc, Document):
                yield Cleaned(position, item, item if isinstance(item, str) else "", skipped=doc)
                continue
            text = cleaned_text(doc)
            if self.options.drop_empty and not text.strip():
                continue
            removed, repaired = [], []
            for rec in report_records(doc):
                rec.pop("file", None)
                rec["item"] = position
                if "kept_doc" in rec:
                    rec["kept_item"] = _position(rec.pop("kept_doc"))
                (repaired if rec["reason"].startswith("encoding:") else removed).append(rec)
            rid = getattr(doc, "record_id", None)
            if isinstance(item, Mapping):
                out: Any = dict(item)
                out[self.options.text_field] = text
            else:
                out = text
            yield Cleaned(position, out, text, rid, removed, repaired)

    def clean_texts(self, texts: Iterable[str]) -> list[str]:
        """Returns the cleaned texts of ``texts`` (a list, in order; non-strings unchanged)."""
        return [c.text if c.skipped is None else c.item for c in self.clean(texts)]


def summary_json(summary: Mapping[str, Any]) -> str:
    """Returns a summary as indented JSON (for printing)."""
    return json.dumps(summary, ensure_ascii=False, indent=2, sort_keys=True)
