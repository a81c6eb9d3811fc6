"""Record formats: JSON Lines (plain, gzip, zstd, bz2) and Parquet, in and out.

A *record corpus* is one shard file or a folder of shards. Each record (a JSON object,
a Parquet row) becomes one :class:`RecordDocument` whose text is the record's text field
(``--text-field``, default ``text``); every other field passes through untouched. The
cleaned corpus is written in the input's format and layout: the same shard names under
OUT, the same compression, records in their order, paragraphs in order inside each
record. A record whose text becomes empty is kept with empty text, or dropped when
``drop_empty`` is set.

Keys. A record's key is ``<shard>#<row>``, the row being the record's 1-based physical
line (JSON Lines) or row (Parquet), zero-padded to nine digits so that sorting the keys
gives corpus order (shards by path, then records in order). The report names each
paragraph by this key, the record's id (``--id-field``, default ``id``, when present)
and the paragraph index.

Bad records (a broken JSON line, a line that is not an object, a missing or non-string
text field, a record over ``max_file_bytes``) are counted, reported skips naming the shard
and the line; they are written unchanged where they were, or left out with
``drop_bad`` (``--drop-bad-records``). A compressed shard cut short is cleaned up to the
damage (a ``truncated`` skip says so); a shard that cannot be read at all is skipped whole
and gets no output file.

Optional dependencies: Parquet needs ``pyarrow`` (``pip install 'nettoyeur[parquet]'``),
``.zst`` needs ``zstandard`` (``pip install 'nettoyeur[zstd]'``); without them a clear
:class:`~nettoyeur.errors.MissingExtraError` says which extra to install.

This module opens a corpus: it tells the input's format (:func:`detect`), and returns
its source and sink (:func:`open_source`, :func:`prepare_pair`). What shards, keys and
record documents are lives in :mod:`nettoyeur.corpus.shards`; reading in
:mod:`nettoyeur.corpus.shard_read`, writing in :mod:`nettoyeur.corpus.shard_write`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from nettoyeur.config import CleanConfig
from nettoyeur.corpus.folder_reader import TEXT_SUFFIXES, check_locations, walk_files
from nettoyeur.corpus.shard_read import RecordSource
from nettoyeur.corpus.shard_write import RecordSink
from nettoyeur.corpus.shards import RecordDocument, RecordOptions, require_for, shard_kind
from nettoyeur.corpus.sources import FolderSink, FolderSource, folder_sink
from nettoyeur.errors import InputError
from nettoyeur.records import Skip


def _walk(root: Path) -> tuple[list[str], list[str], list[Skip]]:
    """Returns the shard files, the text files and the skipped entries under ``root``."""
    shards: list[str] = []
    texts: list[str] = []
    skips: list[Skip] = []
    for rel, full, name in walk_files(root, skips):
        if os.path.islink(full):
            skips.append(Skip(rel, "symlink", "symbolic links are not followed"))
        elif shard_kind(name) is not None:
            shards.append(rel)
        elif name.lower().endswith(TEXT_SUFFIXES):
            texts.append(rel)
        else:
            skips.append(Skip(rel, "not-a-shard", "only .jsonl, .json.gz, .jsonl.zst, .jsonl.bz2 and .parquet"))
    return sorted(shards), sorted(texts), skips


def detect(path: Path | str) -> str:
    """Returns the input's format: ``text`` (a folder of .txt/.md), ``jsonl`` or ``parquet``.

    A folder holding any shard is a record corpus (``jsonl`` when it holds JSON Lines,
    ``parquet`` when it holds Parquet only).

    Raises:
        InputError: the path does not exist or is a file of no known format.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(
            f"input {path} does not exist: give the folder of text files to clean, or a .jsonl/.parquet file "
            "or folder of shards."
        )
    if path.is_file():
        kind = shard_kind(path.name)
        if kind is None:
            raise InputError(
                f"input {path} is a file of no known format: give a folder of .txt/.md files, or a "
                ".jsonl, .json.gz, .jsonl.gz, .jsonl.zst, .jsonl.bz2 or .parquet file (or a folder of them)."
            )
        return kind[0]
    kinds = _shard_kinds(path)
    if not kinds:
        return "text"
    return "parquet" if kinds == {("parquet", None)} else "jsonl"


def _shard_kinds(root: Path) -> set[tuple[str, str | None]]:
    """Returns the kinds of the shard files under ``root``, reading names only.

    A folder of text files is walked without a system call per file: only a file named
    like a shard is checked for being a link (a linked shard is skipped, as in :func:`_walk`).
    """
    kinds: set[tuple[str, str | None]] = set()
    for _rel, full, name in walk_files(root, []):
        kind = shard_kind(name)
        if kind is not None and not os.path.islink(full):
            kinds.add(kind)
    return kinds


def open_source(input_path: Path | str, options: RecordOptions | None = None) -> FolderSource | RecordSource:
    """Returns the source for a text folder, a shard file or a folder of shards.

    Raises:
        InputError: the input does not exist or is of no known format.
        MissingExtraError: a shard needs an optional dependency that is not installed.
    """
    path = Path(input_path)
    options = options or RecordOptions()
    if detect(path) == "text":
        check_locations(path, None)
        return FolderSource(path)
    if path.is_file():
        kind = shard_kind(path.name)
        assert kind is not None
        require_for(kind, path.name)
        return RecordSource(path.parent, [path.name], options)
    shards, texts, skips = _walk(path)
    for shard in shards:
        kind = shard_kind(shard)
        assert kind is not None
        require_for(kind, shard)
    skips += [
        Skip(t, "not-a-shard", "this folder holds record shards; text files beside them are not cleaned") for t in texts
    ]
    return RecordSource(path, shards, options, sorted(skips, key=lambda s: s.path))


def _same_kind(a: str, b: str) -> bool:
    return shard_kind(a) == shard_kind(b)


def open_pair(
    input_path: Path | str,
    output_path: Path | str | None,
    *,
    overwrite: bool = False,
    options: RecordOptions | None = None,
    stats: dict[str, Any] | None = None,
) -> tuple[FolderSource | RecordSource, FolderSink | RecordSink | None]:
    """Checks the locations and returns the source and sink for any supported input.

    Args:
        input_path: a folder of .txt/.md files, a shard file, or a folder of shards.
        output_path: where the cleaned corpus goes (None: a dry run, no sink). For a
            shard file, OUT is a file of the same format (``out.jsonl.zst``) or a folder
            that receives a file of the input's name.
        overwrite: allow a non-empty output folder or an existing output file.
        options: the text and id fields, ``drop_empty``.
        stats: a dict the record sink fills with its counts (for the summary).

    Raises:
        InputError: IN or OUT cannot be used; nothing is written.
        MissingExtraError: an optional dependency is missing.
    """
    source, make_sink = prepare_pair(input_path, output_path, overwrite=overwrite, options=options, stats=stats)
    return source, make_sink()


def prepare_pair(
    input_path: Path | str,
    output_path: Path | str | None,
    *,
    overwrite: bool = False,
    options: RecordOptions | None = None,
    stats: dict[str, Any] | None = None,
    config: CleanConfig | None = None,
    resume: bool = False,
    as_folder: bool = False,
) -> tuple[FolderSource | RecordSource, Callable[[], FolderSink | RecordSink | None]]:
    """Like :func:`open_pair`, but creates nothing: returns the source and a sink factory.

    Every check runs here, so a caller can open other resources (an index) between the
    checks and the first byte written. ``config`` gives a text folder its file caps and
    its sink the journal's fingerprint; ``resume`` (text folders only) continues the
    journal of an interrupted run; ``as_folder`` makes a shard-named OUT a folder (``out.jsonl/``).

    Raises:
        InputError: IN or OUT cannot be used, or ``resume`` for a record output.
        MissingExtraError: an optional dependency is missing.
    """
    src = Path(input_path)
    options = options or RecordOptions()
    source = open_source(src, options)
    if isinstance(source, FolderSource) and config is not None:
        source.max_bytes, source.max_lines = config.max_file_bytes, config.max_file_lines
    elif config is not None:  # a record is capped as a text file is (--max-file-mb)
        source.max_bytes = config.max_file_bytes
    if output_path is None:
        return source, lambda: None
    dst = Path(output_path)
    if isinstance(source, FolderSource):
        check_locations(src, dst, overwrite=overwrite or resume)
        return source, lambda: folder_sink(src, dst, config, resume=resume, overwrite=overwrite)
    if resume:
        raise InputError(
            "--resume continues a folder of text files; a record output (JSON Lines, Parquet) is written "
            "shard by shard: run again without --resume, with --overwrite."
        )
    record_source = source
    if src.is_file():
        if dst.resolve() == src.resolve():
            raise InputError(f"output {dst} is the input file: choose another path, the input is never modified.")
        if shard_kind(dst.name) is not None and not dst.is_dir() and not as_folder:
            if not _same_kind(dst.name, src.name):
                raise InputError(
                    f"output {dst} does not have the input's format: name it like the input "
                    f"({src.name}), or give a folder."
                )
            if dst.exists() and not overwrite:
                raise InputError(f"output {dst} exists: choose another path, or pass --overwrite to replace it.")
            return source, lambda: RecordSink(record_source, dst.parent, {src.name: dst}, stats)
        target = dst / src.name
        if target.exists() and not overwrite:
            raise InputError(f"output {target} exists: choose another folder, or pass --overwrite to replace it.")
        if dst.exists() and not dst.is_dir():
            raise InputError(f"output {dst} exists and is not a folder: choose a folder or a file path.")
        return source, lambda: RecordSink(record_source, dst, None, stats)
    check_locations(src, dst, overwrite=overwrite)
    return source, lambda: RecordSink(record_source, dst, None, stats)


def iter_records(path: Path | str, options: RecordOptions | None = None) -> Iterator[dict[str, Any]]:
    """Yields the records of a shard file or folder in corpus order (bad records skipped).

    Raises:
        InputError: the input is not a record corpus.
        MissingExtraError: an optional dependency is missing.
    """
    source = open_source(path, options)
    if not isinstance(source, RecordSource):
        raise InputError(f"{path} is a folder of text files, not records")
    keys, _ = source.list()
    for key in keys:
        doc = source.load(key)
        if isinstance(doc, RecordDocument) and doc.record is not None:
            yield {**doc.record, source.options.text_field: "".join(doc.lines)}
