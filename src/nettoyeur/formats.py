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
text field) are counted, reported skips naming the shard and the line; they are not
written. A shard that cannot be read or decompressed at all is skipped whole.

Optional dependencies: Parquet needs ``pyarrow`` (``pip install 'nettoyeur[parquet]'``),
``.zst`` needs ``zstandard`` (``pip install 'nettoyeur[zstd]'``); without them a clear
:class:`~nettoyeur.errors.MissingExtraError` says which extra to install.
"""

from __future__ import annotations

import bz2
import gzip
import hashlib
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from nettoyeur.config import CleanConfig
from nettoyeur.errors import InputError, MissingExtraError
from nettoyeur.read import TEXT_SUFFIXES, check_locations, rel_prefix
from nettoyeur.records import Document, Skip
from nettoyeur.sources import FolderSink, FolderSource, folder_sink
from nettoyeur.split import join_kept, split_lines
from nettoyeur.write import TMP_PREFIX, remove_stale_temporaries, safe_target

# Suffix -> (format, compression). Longest suffixes first so ".jsonl.gz" wins over ".gz".
SHARD_SUFFIXES: dict[str, tuple[str, str | None]] = {
    ".jsonl.zst": ("jsonl", "zstd"),
    ".json.zst": ("jsonl", "zstd"),
    ".jsonl.bz2": ("jsonl", "bz2"),
    ".json.bz2": ("jsonl", "bz2"),
    ".jsonl.gz": ("jsonl", "gzip"),
    ".json.gz": ("jsonl", "gzip"),
    ".jsonl": ("jsonl", None),
    ".ndjson": ("jsonl", None),
    ".parquet": ("parquet", None),
}
# Rows are zero-padded to this many digits in keys, so that key order is corpus order
# for shards of up to a billion lines.
ROW_DIGITS = 9
KEY_SEP = "#"


@dataclass(frozen=True, slots=True)
class RecordOptions:
    """How records are read and written.

    Attributes:
        text_field: the field holding the text to clean.
        id_field: the field naming the record in the report (absent: the key is used).
        drop_empty: drop a record whose text becomes empty instead of keeping it with
            empty text.
    """

    text_field: str = "text"
    id_field: str | None = "id"
    drop_empty: bool = False


@dataclass(slots=True)
class RecordDocument(Document):
    """A record of a shard: a :class:`Document` that remembers its record.

    Attributes:
        shard: the shard's path relative to the input root.
        row: 1-based line (JSON Lines) or row (Parquet) in the shard.
        record_id: the record's id (``id_field``), or None.
        record: the record as read, its text field emptied (the text is in ``lines``);
            the sink fills it with the cleaned text.
    """

    shard: str = ""
    row: int = 0
    record_id: str | None = None
    record: dict[str, Any] | None = None


def shard_kind(name: str) -> tuple[str, str | None] | None:
    """Returns ``(format, compression)`` for a shard file name, or None if it is not one."""
    lower = name.lower()
    for suffix, kind in SHARD_SUFFIXES.items():
        if lower.endswith(suffix):
            return kind
    return None


def make_key(shard: str, row: int) -> str:
    """Returns the key of row ``row`` of ``shard``."""
    return f"{shard}{KEY_SEP}{row:0{ROW_DIGITS}d}"


def split_key(key: str) -> tuple[str, int]:
    """Returns ``(shard, row)`` of a record key.

    Raises:
        ValueError: the key is not ``<shard>#<row>``.
    """
    shard, _, row = key.rpartition(KEY_SEP)
    if not shard or not row.isdigit():
        raise ValueError(f"not a record key: {key!r}")
    return shard, int(row)


def require(extra: str, module: str, why: str) -> Any:
    """Imports an optional dependency.

    Raises:
        MissingExtraError: it is not installed; the message names the extra to install.
    """
    try:
        return __import__(module)
    except ImportError as err:
        raise MissingExtraError(
            f"{why} needs the optional dependency {module}: install it with pip install 'nettoyeur[{extra}]'"
        ) from err


def _require_for(kind: tuple[str, str | None], name: str) -> None:
    if kind[0] == "parquet":
        require("parquet", "pyarrow", f"reading or writing the Parquet shard {name}")
        __import__("pyarrow.parquet")
    if kind[1] == "zstd":
        require("zstd", "zstandard", f"reading or writing the zstd shard {name}")


# ---------------------------------------------------------------------------- reading


def _open_read(path: Path, compression: str | None) -> IO[bytes]:
    """Opens a JSON Lines shard for reading bytes, decompressing on the fly."""
    if compression == "gzip":
        return gzip.open(path, "rb")
    if compression == "bz2":
        return bz2.open(path, "rb")
    if compression == "zstd":
        zstandard = require("zstd", "zstandard", f"reading {path.name}")
        raw = open(path, "rb")  # noqa: SIM115 - closed with the reader (closefd)
        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw, closefd=True))
    return open(path, "rb")  # noqa: SIM115 - the caller closes it


def _read_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [OSError, EOFError, ValueError]
    try:
        import zstandard

        errors.append(zstandard.ZstdError)
    except ImportError:
        pass
    return tuple(errors)


def _jsonl_lines(path: Path, compression: str | None) -> list[bytes]:
    """Returns every physical line of a JSON Lines shard (decompressed).

    Raises:
        OSError, EOFError, ValueError, zstandard.ZstdError: the shard cannot be read.
    """
    with _open_read(path, compression) as handle:
        return handle.read().split(b"\n")


# One decoded shard per process: records are loaded in corpus order, so a process that
# loads row k of a shard will load row k+1 next; keeping the last shard makes loading a
# shard of n records O(n), not O(n^2), in the main process and in each worker alike.
_SHARD_CACHE: dict[tuple[str, int, int], list[Any]] = {}


def _cached_rows(path: Path, fmt: str, compression: str | None, text_field: str) -> list[Any]:
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    rows = _SHARD_CACHE.get(key)
    if rows is None:
        _SHARD_CACHE.clear()
        if fmt == "parquet":
            pq = _parquet()
            rows = pq.read_table(path).to_pylist()
        else:
            rows = _jsonl_lines(path, compression)
        _SHARD_CACHE[key] = rows
    return rows


def _parquet() -> Any:
    require("parquet", "pyarrow", "Parquet input or output")
    import pyarrow.parquet as pq

    return pq


def _type_name(value: Any) -> str:
    return "null" if value is None else type(value).__name__


class RecordSource:
    """Shards of records (JSON Lines or Parquet) under a root; keys are ``<shard>#<row>``.

    Args:
        root: the folder the shard paths are relative to.
        shards: shard paths relative to ``root``, in corpus order.
        options: the text and id fields.
        skips: entries already skipped while finding the shards (other files ...).
    """

    def __init__(self, root: Path, shards: list[str], options: RecordOptions, skips: list[Skip] | None = None):
        self.root = Path(root)
        self.shards = list(shards)
        self.options = options
        self._found_skips = list(skips or [])
        self.listed: list[str] = []  # shards with at least one record key, set by list()

    def kind(self, shard: str) -> tuple[str, str | None]:
        """Returns ``(format, compression)`` of a shard."""
        kind = shard_kind(shard)
        assert kind is not None, shard
        return kind

    def list(self) -> tuple[list[str], list[Skip]]:
        """Returns the record keys of every shard in corpus order, and the skipped entries."""
        keys: list[str] = []
        skips = list(self._found_skips)
        self.listed = []
        for shard in self.shards:
            shard_keys, skip = self._list_shard(shard)
            if skip is not None:
                skips.append(skip)
                continue
            self.listed.append(shard)
            keys.extend(shard_keys)
        return keys, skips

    def _list_shard(self, shard: str) -> tuple[list[str], Skip | None]:
        fmt, compression = self.kind(shard)
        path = self.root / shard
        try:
            if fmt == "parquet":
                pq = _parquet()
                meta = pq.ParquetFile(path)
                names = meta.schema_arrow.names
                if self.options.text_field not in names:
                    return [], Skip(
                        shard,
                        "no-text-field",
                        f"shard {shard} has no column {self.options.text_field!r} (columns: {', '.join(names)}): "
                        "name the column that holds the text with --text-field",
                    )
                return [make_key(shard, row) for row in range(1, meta.metadata.num_rows + 1)], None
            lines = _jsonl_lines(path, compression)
        except PermissionError:
            return [], Skip(shard, "unreadable", f"permission denied on shard {shard}: make it readable")
        except _read_errors() as err:
            return [], Skip(
                shard,
                "unreadable",
                f"cannot read or decompress shard {shard}: {err}; check that the file is whole",
            )
        return [make_key(shard, n) for n, line in enumerate(lines, start=1) if line.strip()], None

    def load(self, key: str) -> Document | Skip:
        """Loads one record as a document (not yet repaired), or why it was skipped."""
        shard, row = split_key(key)
        fmt, compression = self.kind(shard)
        path = self.root / shard
        where = f"shard {shard} {'row' if fmt == 'parquet' else 'line'} {row}"
        try:
            rows = _cached_rows(path, fmt, compression, self.options.text_field)
        except FileNotFoundError:
            return Skip(key, "vanished", f"{where}: the shard disappeared while cleaning")
        except _read_errors() as err:
            return Skip(key, "unreadable", f"{where}: cannot read the shard ({err})")
        if row > len(rows):
            return Skip(key, "vanished", f"{where}: the shard changed while cleaning")
        raw = rows[row - 1]
        if fmt == "parquet":
            record = raw
        else:
            try:
                record = json.loads(raw)
            except UnicodeDecodeError:
                return Skip(key, "bad-record", f"{where}: not valid UTF-8; re-encode the shard as UTF-8")
            except ValueError as err:
                return Skip(key, "bad-record", f"{where}: broken JSON ({err}); fix or remove this line")
            if not isinstance(record, dict):
                return Skip(key, "bad-record", f"{where}: a JSON {_type_name(record)}, not an object")
        return record_document(key, shard, row, record, self.options, where)

    def __getstate__(self) -> dict[str, Any]:
        return {"root": self.root, "shards": self.shards, "options": self.options, "_found_skips": [], "listed": []}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)


def record_document(
    key: str, shard: str, row: int, record: dict[str, Any], options: RecordOptions, where: str
) -> RecordDocument | Skip:
    """Builds the document of one record, or the skip that says why it has no text.

    Args:
        key: the record's key.
        shard: its shard.
        row: its line or row.
        record: the record's fields.
        options: the text and id fields.
        where: how to name the record in a skip ("shard x line 3").
    """
    field_name = options.text_field
    if field_name not in record:
        return Skip(
            key,
            "no-text-field",
            f"{where}: no field {field_name!r}; name the text field with --text-field (text_field= in Python)",
        )
    text = record[field_name]
    if not isinstance(text, str):
        return Skip(key, "bad-record", f"{where}: field {field_name!r} is a {_type_name(text)}, not a string")
    rid = record.get(options.id_field) if options.id_field else None
    data = text.encode("utf-8", errors="surrogatepass")
    doc = RecordDocument(
        path=key,
        checksum=hashlib.sha256(data).hexdigest(),
        size=len(data),
        shard=shard,
        row=row,
        record_id=None if rid is None else str(rid),
        # The text lives in the lines; the record keeps its key (and so the field order)
        # with an empty value, which halves what workers send back to the main process.
        record={**record, field_name: ""},
    )
    doc.lines, doc.paragraphs = split_lines(text)
    return doc


def cleaned_text(doc: Document) -> str:
    """Returns the document's text with only its kept paragraphs (unchanged if it had none)."""
    original = "".join(doc.lines)
    if not doc.paragraphs:
        return original  # whitespace only: nothing was looked at, nothing changes
    text = join_kept(doc)
    if not text:
        return ""
    # A removed last paragraph leaves the blank lines before it at the end; a record's
    # text ends as the original did (most end without a line break).
    return text.rstrip("\r\n") + original[len(original.rstrip("\r\n")) :]


# ---------------------------------------------------------------------------- writing


class _ShardWriter:
    """Writes one output shard to a temporary file, renamed into place by :meth:`finish`."""

    def __init__(self, target: Path, fmt: str, compression: str | None, template: Path) -> None:
        self.target, self.fmt, self.compression, self.template = target, fmt, compression, template
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=".tmp", dir=target.parent)
        self.raw = os.fdopen(fd, "wb")
        self.rows: list[dict[str, Any]] = []
        self.stream: IO[bytes] | None = None
        if fmt == "jsonl":
            self.stream = self._compressor()

    def _compressor(self) -> IO[bytes]:
        if self.compression == "gzip":
            # No file name and mtime 0 in the header: the same records give the same bytes.
            return gzip.GzipFile(filename="", mode="wb", fileobj=self.raw, mtime=0)
        if self.compression == "bz2":
            return bz2.BZ2File(self.raw, "wb")
        if self.compression == "zstd":
            zstandard = require("zstd", "zstandard", f"writing {self.target.name}")
            return zstandard.ZstdCompressor().stream_writer(self.raw, closefd=False)
        return self.raw

    def add(self, record: dict[str, Any]) -> None:
        if self.stream is not None:
            self.stream.write(json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n")
        else:
            self.rows.append(record)

    def finish(self) -> None:
        try:
            if self.stream is not None and self.stream is not self.raw:
                self.stream.close()  # flushes the compressed stream's end; the raw file stays open
            if self.fmt == "parquet":
                self._write_parquet()
            self.raw.flush()
            os.fsync(self.raw.fileno())
            self.raw.close()
            os.replace(self.tmp, self.target)
        except BaseException:
            self.abort()
            raise

    def _write_parquet(self) -> None:
        pq = _parquet()
        import pyarrow as pa

        source = pq.ParquetFile(self.template)
        schema = source.schema_arrow
        codec = "snappy"
        if source.metadata.num_row_groups and source.metadata.num_columns:
            codec = source.metadata.row_group(0).column(0).compression.lower()
        codec = {"uncompressed": "none", "lz4_raw": "lz4"}.get(codec, codec)
        table = pa.Table.from_pylist(self.rows, schema=schema)
        pq.write_table(table, self.raw, compression=codec)

    def abort(self) -> None:
        try:
            self.raw.close()
        except OSError:
            pass
        try:
            os.unlink(self.tmp)
        except OSError:
            pass


class RecordSink:
    """Writes cleaned records to the same shard names under OUT (or to one file).

    Args:
        source: the source the records come from (for formats, schemas and shard names).
        out_root: the output folder.
        targets: output path per shard when it is not ``out_root / shard`` (one-file runs).
        stats: a dict updated with ``records_written`` and ``records_dropped_empty``
            (the run summary's extra fields).
    """

    def __init__(
        self,
        source: RecordSource,
        out_root: Path,
        targets: dict[str, Path] | None = None,
        stats: dict[str, Any] | None = None,
    ) -> None:
        self.source = source
        self.out_root = Path(out_root)
        self.targets = targets or {}
        self.stats = stats if stats is not None else {}
        self.stats.setdefault("records_written", 0)
        self.stats.setdefault("records_dropped_empty", 0)
        self.out_root.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(self.out_root)
        self._current: tuple[str, _ShardWriter] | None = None
        self._written: set[str] = set()

    def _target(self, shard: str) -> Path:
        return self.targets.get(shard) or safe_target(self.out_root, shard)

    def _writer(self, shard: str) -> _ShardWriter:
        if self._current is not None and self._current[0] == shard:
            return self._current[1]
        self._finish_current()
        fmt, compression = self.source.kind(shard)
        writer = _ShardWriter(self._target(shard), fmt, compression, self.source.root / shard)
        self._current = (shard, writer)
        self._written.add(shard)
        return writer

    def _finish_current(self) -> None:
        if self._current is not None:
            _shard, writer = self._current
            self._current = None
            writer.finish()

    def write(self, doc: Document) -> None:
        """Writes one cleaned record (records arrive in corpus order, shard after shard).

        Raises:
            OSError: the shard cannot be written (disk full, permission).
            TypeError: ``doc`` is not a record of this source.
        """
        if not isinstance(doc, RecordDocument) or doc.record is None:
            raise TypeError(f"{doc.path} is not a record document")
        writer = self._writer(doc.shard)
        text = cleaned_text(doc)
        if self.source.options.drop_empty and not text.strip():
            self.stats["records_dropped_empty"] += 1
            return
        record = dict(doc.record)
        record[self.source.options.text_field] = text
        writer.add(record)
        self.stats["records_written"] += 1

    def close(self) -> None:
        """Finishes the last shard and writes shards that had no record to write (empty).

        Raises:
            OSError: a shard cannot be written.
        """
        self._finish_current()
        for shard in self.source.listed:
            if shard not in self._written:
                self._writer(shard)
        self._finish_current()

    def abort(self) -> None:
        """Drops the shard being written (its temporary file); finished shards stay whole."""
        if self._current is not None:
            self._current[1].abort()
            self._current = None


# ---------------------------------------------------------------------------- opening


def _walk(root: Path) -> tuple[list[str], list[str], list[Skip]]:
    """Returns the shard files, the text files and the skipped entries under ``root``."""
    shards: list[str] = []
    texts: list[str] = []
    skips: list[Skip] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in sorted(dirnames):
            if os.path.islink(os.path.join(dirpath, name)):
                rel = Path(os.path.relpath(os.path.join(dirpath, name), root)).as_posix()
                skips.append(Skip(rel, "symlink", "symbolic links are not followed"))
                dirnames.remove(name)
        prefix = rel_prefix(dirpath, root)
        for name in filenames:
            full = os.path.join(dirpath, name)
            rel = prefix + name
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
    shards, _texts, _skips = _walk(path)
    if not shards:
        return "text"
    return "parquet" if all(shard_kind(s) == ("parquet", None) for s in shards) else "jsonl"


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
        _require_for(kind, path.name)
        return RecordSource(path.parent, [path.name], options)
    shards, texts, skips = _walk(path)
    for shard in shards:
        kind = shard_kind(shard)
        assert kind is not None
        _require_for(kind, shard)
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
    source, make_sink = plan_pair(input_path, output_path, overwrite=overwrite, options=options, stats=stats)
    return source, make_sink()


def plan_pair(
    input_path: Path | str,
    output_path: Path | str | None,
    *,
    overwrite: bool = False,
    options: RecordOptions | None = None,
    stats: dict[str, Any] | None = None,
    config: CleanConfig | None = None,
    resume: bool = False,
) -> tuple[FolderSource | RecordSource, Callable[[], FolderSink | RecordSink | None]]:
    """Like :func:`open_pair`, but creates nothing: returns the source and a sink factory.

    Every check runs here, so a caller can open other resources (an index) between the
    checks and the first byte written. ``config`` gives a text folder its file caps and
    its sink the journal's fingerprint; ``resume`` (text folders only) continues the
    journal of an interrupted run.

    Raises:
        InputError: IN or OUT cannot be used, or ``resume`` for a record output.
        MissingExtraError: an optional dependency is missing.
    """
    src = Path(input_path)
    options = options or RecordOptions()
    source = open_source(src, options)
    if isinstance(source, FolderSource) and config is not None:
        source.max_bytes, source.max_lines = config.max_file_bytes, config.max_file_lines
    if output_path is None:
        return source, lambda: None
    dst = Path(output_path)
    if isinstance(source, FolderSource):
        check_locations(src, dst, overwrite=overwrite or resume)
        return source, lambda: folder_sink(src, dst, config, resume=resume)
    if resume:
        raise InputError(
            "--resume continues a folder of text files; a record output (JSON Lines, Parquet) is written "
            "shard by shard: run again without --resume, with --overwrite."
        )
    record_source = source
    if src.is_file():
        if dst.resolve() == src.resolve():
            raise InputError(f"output {dst} is the input file: choose another path, the input is never modified.")
        if shard_kind(dst.name) is not None and not dst.is_dir():
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
