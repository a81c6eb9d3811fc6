"""Reading record shards (:mod:`nettoyeur.corpus.record_formats`): JSON Lines (plain, gzip, zstd, bz2) and Parquet.

:class:`RecordSource` lists the record keys of its shards and loads one record at a
time as a :class:`~nettoyeur.corpus.shards.RecordDocument` (or the skip that says why it
cannot be cleaned); :func:`record_document` builds the document of one record. Pass 1 reads
a record without splitting it (:meth:`RecordSource.load_text`, a
:class:`~nettoyeur.corpus.shards.DecodedRecord`), as it reads a folder's file: no lines or
``Paragraph`` records for a record that needs no repair, and no second walk over its lines for
the repair gate (c300 as 11 JSON Lines shards, pass 1 without snapshots: 0.71 -> 0.65 CPU s).
"""

from __future__ import annotations

import bz2
import gzip
import hashlib
import io
import json
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import numpy as np

from nettoyeur.corpus.shards import (
    DecodedRecord,
    RecordDocument,
    RecordOptions,
    make_key,
    parquet_module,
    require,
    shard_kind,
    split_key,
)
from nettoyeur.records import Document, Skip
from nettoyeur.text.split import split_lines


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


def read_errors() -> tuple[type[BaseException], ...]:
    """Returns the exceptions that say a shard cannot be read or decompressed."""
    errors: list[type[BaseException]] = [OSError, EOFError, ValueError, zlib.error]
    try:
        import zstandard

        errors.append(zstandard.ZstdError)
    except ImportError:
        pass
    return tuple(errors)


# Bytes read (and, compressed, fed to a decompressor) at a time: what a shard costs in memory
# beyond its longest record.
_CHUNK = 1 << 20


def _decompressed_chunks(path: Path, compression: str | None, out: dict[str, str | None]) -> Iterator[bytes]:
    """Yields a shard's bytes, decompressed, chunk by chunk; stops at damage, noting it in ``out["damage"]``.

    gzip and bz2 go through their decompressor objects, which hand out every byte they
    can decode before the stream breaks (their file objects drop the last block read);
    concatenated streams (several gzip members) are followed.

    Raises:
        OSError: the file cannot be opened or read.
    """
    out["damage"] = None
    if compression is None:
        with open(path, "rb") as raw:
            yield from iter(lambda: raw.read(_CHUNK), b"")
        return
    if compression == "zstd":
        try:
            with _open_read(path, compression) as handle:
                for block in iter(lambda: handle.read(_CHUNK), b""):
                    yield block
        except read_errors() as err:
            out["damage"] = f"damaged data ({err})"
        return

    def fresh() -> Any:
        return zlib.decompressobj(wbits=47) if compression == "gzip" else bz2.BZ2Decompressor()

    gzip_ = compression == "gzip"
    decoder, fed = fresh(), False  # fed: the current stream has started and not ended
    with open(path, "rb") as raw:
        for data in iter(lambda: raw.read(_CHUNK), b""):
            while True:
                try:  # at most a chunk out at a time: a well-compressed chunk may hold a hundred
                    block = decoder.decompress(data, _CHUNK)
                except (zlib.error, OSError, EOFError, ValueError) as err:
                    out["damage"] = f"damaged data ({err})"
                    return
                fed = True
                if block:
                    yield block
                if decoder.eof:  # this stream ends here; another may follow (concatenated members)
                    data = decoder.unused_data
                    decoder, fed = fresh(), False
                    if not data.strip(b"\0"):
                        break  # padding after the last stream
                    continue
                if gzip_:
                    data = decoder.unconsumed_tail
                    if not data and not block:
                        break
                else:
                    data = b""
                    if decoder.needs_input:
                        break
    if fed:
        out["damage"] = "the compressed stream ends before its end marker (the file is cut short)"


class RowStream:
    """A shard's rows in order, read as they are needed: JSON Lines lines (bytes) or Parquet rows (dicts).

    Memory holds one chunk and the current record, never the shard. Of a compressed
    shard cut short or damaged, the whole lines before the damage are yielded (the line
    the damage cut is dropped) and ``damage`` then says what happened; nothing readable
    at all is an error.

    Raises (when iterated):
        OSError, EOFError, ValueError, zstandard.ZstdError: the shard cannot be read.
    """

    def __init__(self, path: Path, fmt: str, compression: str | None) -> None:
        self.path, self.fmt, self.compression = path, fmt, compression
        self.damage: str | None = None
        self._rows = self._parquet() if fmt == "parquet" else self._lines()

    def __iter__(self) -> Iterator[Any]:
        return self._rows

    def __next__(self) -> Any:
        return next(self._rows)

    def _parquet(self) -> Iterator[dict[str, Any]]:
        pq = parquet_module()
        for batch in pq.ParquetFile(self.path).iter_batches(batch_size=1024):
            yield from batch.to_pylist()

    def _lines(self) -> Iterator[bytes]:
        note: dict[str, str | None] = {}
        carry = b""
        seen = False
        for block in _decompressed_chunks(self.path, self.compression, note):
            seen = True
            parts = (carry + block).split(b"\n")
            carry = parts.pop()
            yield from parts
        self.damage = note.get("damage")
        if self.damage is None:
            if carry:
                yield carry  # a last line without a line break
        elif not seen:
            raise EOFError(self.damage)  # nothing readable: the shard is unreadable

    def close(self) -> None:
        """Stops reading (closes the file)."""
        self._rows.close()  # type: ignore[attr-defined]


class RowCursor:
    """Reads rows of shards forward, one shard open at a time: rows asked in order cost one read of the shard.

    A row before the current one reopens the shard (a later pass, another part of it).
    """

    def __init__(self) -> None:
        self._key: tuple[str, int, int] | None = None
        self._stream: RowStream | None = None
        self._row = 0
        self._last: Any = None
        self._failed: tuple[tuple[str, int, int], int, BaseException] | None = None

    def get(self, path: Path, fmt: str, compression: str | None, row: int) -> Any:
        """Returns physical row ``row`` (1-based) of the shard.

        Raises:
            IndexError: the shard has fewer rows (it changed, or its readable part ends earlier).
            OSError, EOFError, ValueError, zstandard.ZstdError: the shard cannot be read.
        """
        info = path.stat()
        key = (str(path), info.st_mtime_ns, info.st_size)
        if self._failed is not None and self._failed[0] == key and row >= self._failed[1]:
            raise self._failed[2]  # the shard breaks before this row: not read again for each record
        if key != self._key or row < self._row or self._stream is None:
            self.close()
            self._stream, self._key, self._row = RowStream(path, fmt, compression), key, 0
        while self._row < row:
            try:
                self._last = next(self._stream)
            except StopIteration:
                self.close()
                raise IndexError(row) from None
            except BaseException as err:
                if isinstance(err, read_errors()):
                    self._failed = (key, self._row + 1, err)
                self.close()
                raise
            self._row += 1
        return self._last

    def close(self) -> None:
        """Closes the open shard."""
        if self._stream is not None:
            self._stream.close()
        self._stream, self._key, self._row, self._last = None, None, 0, None


# One cursor per process for loading records: records are loaded in corpus order, so a
# process that loads row k of a shard will load row k+1 next, and loading a shard of n
# records costs one read of it (in the main process and in each worker alike).
_LOADS = RowCursor()


def close_loads() -> None:
    """Closes the shard this process has open for loading records (at the end of a run)."""
    _LOADS.close()


def _text_bytes(record: Any, field: str) -> int:
    """Returns the UTF-8 size of a Parquet row's text (0 when it has none)."""
    text = record.get(field) if isinstance(record, dict) else None
    return len(text.encode("utf-8", "surrogatepass")) if isinstance(text, str) else 0


def _type_name(value: Any, article: bool = True) -> str:
    """Returns ``a str``, ``an int``, ``null``: a value's type, with its article unless ``article`` is False."""
    if value is None:
        return "null"
    name = type(value).__name__
    return (("an " if name[0] in "aeiou" else "a ") if article else "") + name


def raw_row(source: RecordSource, shard: str, row: int, cursor: RowCursor) -> Any:
    """Returns a row of a shard as read: a JSON Lines line (bytes) or a Parquet row (dict).

    Raises:
        IndexError: the shard has fewer rows.
        OSError, EOFError, ValueError: the shard cannot be read.
    """
    fmt, compression = source.kind(shard)
    return cursor.get(source.root / shard, fmt, compression, row)


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
        self.damaged: list[Skip] = []  # compressed shards read up to damage, set by list()
        self.key_rows: dict[str, np.ndarray] = {}  # per shard, the sorted rows of its record keys, set by list()
        # A larger record is skipped (it passes through uncleaned): the cap of a text file, per record.
        self.max_bytes: int | None = None
        self.progress: Callable[[int], object] | None = None  # told how many records each shard held

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
        self.damaged = []
        self.key_rows = {}
        for shard in self.shards:
            shard_keys, skip = self._list_shard(shard)
            if skip is not None:
                skips.append(skip)
                continue
            self.listed.append(shard)
            keys.extend(shard_keys)
            if self.progress is not None:
                self.progress(len(shard_keys))
        return keys, skips + self.damaged

    def _list_shard(self, shard: str) -> tuple[list[str], Skip | None]:
        fmt, compression = self.kind(shard)
        path = self.root / shard
        try:
            if fmt == "parquet":
                pq = parquet_module()
                meta = pq.ParquetFile(path)
                names = meta.schema_arrow.names
                if self.options.text_field not in names:
                    return [], Skip(
                        shard,
                        "no-text-field",
                        f"shard {shard} has no column {self.options.text_field!r} (columns: {', '.join(names)}): "
                        "name the column that holds the text with --text-field",
                    )
                self.key_rows[shard] = np.arange(1, meta.metadata.num_rows + 1, dtype=np.int64)
                return [make_key(shard, row) for row in range(1, meta.metadata.num_rows + 1)], None
            stream = RowStream(path, fmt, compression)
            rows = [n for n, line in enumerate(stream, start=1) if line.strip()]
            damage = stream.damage
        except PermissionError:
            return [], Skip(shard, "unreadable", f"permission denied on shard {shard}: make it readable")
        except read_errors() as err:
            return [], Skip(
                shard,
                "unreadable",
                f"cannot read or decompress shard {shard}: {err}; check that the file is whole",
            )
        self.key_rows[shard] = np.array(rows, dtype=np.int64)
        keys = [make_key(shard, n) for n in rows]
        if damage is not None:
            self.damaged.append(
                Skip(
                    shard,
                    "truncated",
                    f"shard {shard} cannot be read to its end: {damage}; its first {len(keys):,} whole record "
                    "line(s) were cleaned and written, the rest is lost: restore the file to clean all of it",
                )
            )
        return keys, None

    def load(self, key: str) -> Document | Skip:
        """Loads one record as a document (not yet repaired), or why it was skipped."""
        item = self.load_text(key)
        return item if isinstance(item, Skip) else split_record(item)

    def load_text(self, key: str) -> DecodedRecord | Skip:
        """Reads one record without splitting its text (:meth:`load` splits it), or why it was skipped."""
        shard, row = split_key(key)
        fmt, compression = self.kind(shard)
        path = self.root / shard
        where = f"shard {shard} {'row' if fmt == 'parquet' else 'line'} {row}"
        try:
            raw = _LOADS.get(path, fmt, compression, row)
        except FileNotFoundError:
            return Skip(key, "vanished", f"{where}: the shard disappeared while cleaning")
        except IndexError:
            return Skip(key, "vanished", f"{where}: the shard changed while cleaning")
        except read_errors() as err:
            return Skip(key, "unreadable", f"{where}: cannot read the shard ({err})")
        too_large = self.max_bytes is not None and (
            len(raw) if isinstance(raw, bytes) else _text_bytes(raw, self.options.text_field)
        ) > self.max_bytes
        if too_large:
            return Skip(
                key,
                "too-large",
                f"{where}: the record is larger than max_file_bytes ({self.max_bytes:,} bytes): it passes through "
                "uncleaned; raise the cap (--max-file-mb) to clean it",
            )
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
                return Skip(key, "bad-record", f"{where}: a JSON {_type_name(record, article=False)}, not an object")
        return decoded_record(key, shard, row, record, self.options, where)

    def __getstate__(self) -> dict[str, Any]:
        return {
            "root": self.root,
            "shards": self.shards,
            "options": self.options,
            "_found_skips": [],
            "listed": [],
            "damaged": [],
            "key_rows": {},
            "max_bytes": self.max_bytes,
        }

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
    item = decoded_record(key, shard, row, record, options, where)
    return item if isinstance(item, Skip) else split_record(item)


def split_record(decoded: DecodedRecord) -> RecordDocument:
    """The document of a record read (:func:`decoded_record`): its text split into lines and paragraphs."""
    doc = RecordDocument(
        path=decoded.path,
        checksum=decoded.checksum,
        size=decoded.size,
        shard=decoded.shard,
        row=decoded.row,
        record_id=decoded.record_id,
        record=decoded.record,
    )
    doc.lines, doc.paragraphs = split_lines(decoded.text)
    return doc


def decoded_record(
    key: str, shard: str, row: int, record: dict[str, Any], options: RecordOptions, where: str
) -> DecodedRecord | Skip:
    """The text and fields of one record, not split, or the skip that says why it has no text.

    The arguments are :func:`record_document`'s.
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
        return Skip(key, "bad-record", f"{where}: field {field_name!r} is {_type_name(text)}, not a string")
    rid = record.get(options.id_field) if options.id_field else None
    data = text.encode("utf-8", errors="surrogatepass")
    return DecodedRecord(
        path=key,
        encoding="utf-8",
        text=text,
        checksum=hashlib.sha256(data).hexdigest(),
        size=len(data),
        shard=shard,
        row=row,
        record_id=None if rid is None else str(rid),
        # The text lives in the lines; the record keeps its key (and so the field order)
        # with an empty value, which halves what workers send back to the main process.
        record={**record, field_name: ""},
    )
