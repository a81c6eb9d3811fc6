"""Reading record shards (:mod:`nettoyeur.formats`): JSON Lines (plain, gzip, zstd, bz2) and Parquet.

:class:`RecordSource` lists the record keys of its shards and loads one record at a
time as a :class:`~nettoyeur.shards.RecordDocument` (or the skip that says why it
cannot be cleaned); :func:`record_document` builds the document of one record.
"""

from __future__ import annotations

import bz2
import gzip
import hashlib
import io
import json
import zlib
from pathlib import Path
from typing import IO, Any

import numpy as np

from nettoyeur.records import Document, Skip
from nettoyeur.shards import RecordDocument, RecordOptions, make_key, parquet_module, require, shard_kind, split_key
from nettoyeur.split import split_lines


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


# Compressed bytes fed to a decompressor at a time.
_CHUNK = 1 << 20


def _decompress_readable(path: Path, compression: str) -> tuple[bytes, str | None]:
    """Returns the bytes of a compressed shard that can be decompressed, and why the rest cannot (None: whole).

    gzip and bz2 go through their decompressor objects, which hand out every byte they
    can decode before the stream breaks (the file objects drop the last block read);
    concatenated streams (several gzip members) are followed.

    Raises:
        OSError: the file cannot be opened or read.
    """
    if compression == "zstd":
        out = bytearray()
        try:
            with _open_read(path, compression) as handle:
                for block in iter(lambda: handle.read(_CHUNK), b""):
                    out += block
        except read_errors() as err:
            return bytes(out), str(err) or type(err).__name__
        return bytes(out), None
    parts: list[bytes] = []

    def fresh() -> Any:
        return zlib.decompressobj(wbits=47) if compression == "gzip" else bz2.BZ2Decompressor()

    decoder, fed = fresh(), False  # fed: the current stream has started and not ended
    with open(path, "rb") as raw:
        for data in iter(lambda: raw.read(_CHUNK), b""):
            while data:
                try:
                    parts.append(decoder.decompress(data))
                except (zlib.error, OSError, EOFError, ValueError) as err:
                    return b"".join(parts), f"damaged data ({err})"
                fed = True
                data = b""
                if decoder.eof:  # this stream ends here; another may follow (concatenated members)
                    data = decoder.unused_data
                    decoder, fed = fresh(), False
                    if not data.strip(b"\0"):
                        data = b""  # padding after the last stream
    if fed:
        return b"".join(parts), "the compressed stream ends before its end marker (the file is cut short)"
    return b"".join(parts), None


def _jsonl_lines(path: Path, compression: str | None) -> list[bytes]:
    """Returns every whole physical line of a JSON Lines shard (decompressed).

    Of a compressed shard cut short or damaged, the lines before the damage (the last,
    partial line dropped); :func:`shard_damage` says what was lost.

    Raises:
        OSError, EOFError, ValueError, zstandard.ZstdError: the shard cannot be read at all.
    """
    return _read_jsonl(path, compression)[0]


def _read_jsonl(path: Path, compression: str | None) -> tuple[list[bytes], str | None]:
    if compression is None:
        with open(path, "rb") as handle:
            return handle.read().split(b"\n"), None
    data, damage = _decompress_readable(path, compression)
    if damage is None:
        return data.split(b"\n"), None
    if not data:
        raise EOFError(damage)  # nothing readable: the shard is unreadable
    lines = data.split(b"\n")
    lines[-1] = b""  # the line the damage cut is not whole
    return lines, damage


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
            pq = parquet_module()
            rows = pq.read_table(path).to_pylist()
        else:
            rows = _jsonl_lines(path, compression)
        _SHARD_CACHE[key] = rows
    return rows


def raw_rows(source: RecordSource, shard: str) -> list[Any]:
    """Returns the rows of a shard as read: JSON Lines lines (bytes) or Parquet rows (dicts).

    Raises:
        OSError, EOFError, ValueError: the shard cannot be read.
    """
    fmt, compression = source.kind(shard)
    return _cached_rows(source.root / shard, fmt, compression, source.options.text_field)


def _type_name(value: Any, article: bool = True) -> str:
    """Returns ``a str``, ``an int``, ``null``: a value's type, with its article unless ``article`` is False."""
    if value is None:
        return "null"
    name = type(value).__name__
    return (("an " if name[0] in "aeiou" else "a ") if article else "") + name


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
            lines, damage = _read_jsonl(path, compression)
        except PermissionError:
            return [], Skip(shard, "unreadable", f"permission denied on shard {shard}: make it readable")
        except read_errors() as err:
            return [], Skip(
                shard,
                "unreadable",
                f"cannot read or decompress shard {shard}: {err}; check that the file is whole",
            )
        rows = [n for n, line in enumerate(lines, start=1) if line.strip()]
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
        shard, row = split_key(key)
        fmt, compression = self.kind(shard)
        path = self.root / shard
        where = f"shard {shard} {'row' if fmt == 'parquet' else 'line'} {row}"
        try:
            rows = _cached_rows(path, fmt, compression, self.options.text_field)
        except FileNotFoundError:
            return Skip(key, "vanished", f"{where}: the shard disappeared while cleaning")
        except read_errors() as err:
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
                return Skip(key, "bad-record", f"{where}: a JSON {_type_name(record, article=False)}, not an object")
        return record_document(key, shard, row, record, self.options, where)

    def __getstate__(self) -> dict[str, Any]:
        return {
            "root": self.root,
            "shards": self.shards,
            "options": self.options,
            "_found_skips": [],
            "listed": [],
            "damaged": [],
            "key_rows": {},
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
