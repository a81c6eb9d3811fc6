"""Writing record shards (:mod:`nettoyeur.corpus.record_formats`): cleaned records in the input's format and layout.

:class:`RecordSink` writes each shard under OUT with the input's name, compression and
(for Parquet) schema and codec, records in their order, each shard to a temporary file
renamed into place when whole; :func:`cleaned_text` is the text a record gets (with
``annotate``, the text as read and its verdicts in a field: :mod:`nettoyeur.report.annotate`).
"""

from __future__ import annotations

import bz2
import gzip
import json
import os
from pathlib import Path
from typing import IO, Any

import numpy as np

from nettoyeur.corpus.atomic import create_temp, named_errors, remove_stale_temporaries, safe_target, temporary_prefix
from nettoyeur.corpus.shard_read import RecordSource, RowCursor, raw_row, read_errors
from nettoyeur.corpus.shards import RecordDocument, parquet_module, require
from nettoyeur.records import Document
from nettoyeur.report.annotate import annotations, original_text, parquet_field
from nettoyeur.text.split import join_kept


def cleaned_text(doc: Document) -> str:
    """Returns the document's text with only its kept paragraphs (unchanged if it had none)."""
    original = "".join(doc.lines)
    if not doc.paragraphs:
        return original  # whitespace only: nothing was looked at, nothing changes
    return ending_as_read(join_kept(doc), original)


def ending_as_read(kept: str, original: str) -> str:
    """A record's kept paragraphs in its layout (:func:`~nettoyeur.text.split.join_kept`), ending as ``original`` ends.

    A removed last paragraph leaves the blank lines before it at the end; a record's text
    ends as the original did (most end without a line break). Nothing kept gives ``""``.
    """
    if not kept:
        return ""
    return kept.rstrip("\r\n") + original[len(original.rstrip("\r\n")) :]


_NO_ROWS = np.empty(0, dtype=np.int64)


class _ShardWriter:
    """Writes one output shard to a temporary file, renamed into place by :meth:`finish`."""

    def __init__(
        self, target: Path, fmt: str, compression: str | None, template: Path, annotate: str | None = None
    ) -> None:
        self.target, self.fmt, self.compression, self.template = target, fmt, compression, template
        self.annotate = annotate
        target.parent.mkdir(parents=True, exist_ok=True)
        # Named after the target (a one-file output's folder is shared with other files),
        # and created with the mode a plain open() gives, as text outputs are.
        fd, self.tmp = create_temp(str(target.parent), temporary_prefix(target))
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

    def add_raw(self, raw: Any) -> None:
        """Adds a record as read: a JSON Lines line's bytes, unchanged, or a Parquet row."""
        if self.stream is not None:
            with named_errors(self.target):
                self.stream.write(raw + b"\n")
        else:
            self.rows.append(raw)

    def add(self, record: dict[str, Any]) -> None:
        if self.stream is not None:
            with named_errors(self.target):
                self.stream.write(json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n")
        else:
            self.rows.append(record)

    def finish(self) -> None:
        try:
            with named_errors(self.target):
                self._finish()
        except BaseException:
            self.abort()
            raise

    def _finish(self) -> None:
        if self.stream is not None and self.stream is not self.raw:
            self.stream.close()  # flushes the compressed stream's end; the raw file stays open
        if self.fmt == "parquet":
            self._write_parquet()
        self.raw.flush()
        os.fsync(self.raw.fileno())
        self.raw.close()
        os.replace(self.tmp, self.target)

    def _write_parquet(self) -> None:
        pq = parquet_module()
        import pyarrow as pa

        source = pq.ParquetFile(self.template)
        schema = source.schema_arrow
        if self.annotate is not None:  # the annotations' column, last (replacing a column of that name)
            if self.annotate in schema.names:
                schema = schema.remove(schema.get_field_index(self.annotate))
            schema = schema.append(parquet_field(self.annotate))
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
        # Records that could not be cleaned (the summary's skips name each): written as read, or left out.
        self.stats.setdefault("records_dropped_bad" if source.options.drop_bad else "records_passed_through", 0)
        self.out_root.mkdir(parents=True, exist_ok=True)
        if self.targets:  # one file in a folder of others: only its own leftovers
            for target in self.targets.values():
                remove_stale_temporaries(target.parent, recursive=False, prefix=temporary_prefix(target))
        else:  # OUT is this run's (its lock is held)
            remove_stale_temporaries(self.out_root)
        self._current: tuple[str, _ShardWriter] | None = None
        self._written: set[str] = set()
        self._next_row = 1  # the current shard's first physical row not yet written or passed over
        self._cursor = RowCursor()  # rows passed through are read here, in order, as needed

    def _target(self, shard: str) -> Path:
        return self.targets.get(shard) or safe_target(self.out_root, shard)

    def _writer(self, shard: str) -> _ShardWriter:
        if self._current is not None and self._current[0] == shard:
            return self._current[1]
        self._finish_current()
        fmt, compression = self.source.kind(shard)
        writer = _ShardWriter(
            self._target(shard), fmt, compression, self.source.root / shard, self.source.options.annotate
        )
        self._current = (shard, writer)
        self._written.add(shard)
        self._next_row = 1
        return writer

    def _pass_through(self, shard: str, writer: _ShardWriter, stop: int | None) -> None:
        """Writes (or, with ``drop_bad``, counts) the records of rows ``_next_row .. stop - 1`` as read.

        They are the rows that reached the sink as no document: records that could not
        be cleaned (each a skip in the summary); blank JSON Lines lines are left out, as
        they always were.
        """
        listed = self.source.key_rows.get(shard, _NO_ROWS)
        lo = int(np.searchsorted(listed, self._next_row, "left"))
        hi = len(listed) if stop is None else int(np.searchsorted(listed, stop, "left"))
        if hi > lo:  # only then is the shard read again, here
            if self.source.options.drop_bad:
                self.stats["records_dropped_bad"] += hi - lo
            else:
                for row in listed[lo:hi].tolist():
                    try:
                        raw = raw_row(self.source, shard, row, self._cursor)
                    except (IndexError, *read_errors()):
                        break  # the shard breaks (or changed) here: the skips name these records
                    writer.add_raw(raw)
                    self.stats["records_passed_through"] += 1
        if stop is not None:
            self._next_row = max(self._next_row, stop)

    def _finish_current(self) -> None:
        if self._current is not None:
            shard, writer = self._current
            try:
                self._pass_through(shard, writer, None)
            except BaseException:
                writer.abort()
                self._current = None
                raise
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
        annotate = self.source.options.annotate  # (drop_empty is refused with it)
        if annotate is None:
            self.write_cleaned(doc, cleaned_text(doc))
            return
        writer = self._pass_until(doc)
        record = dict(doc.record)  # nothing removed: the text as read, and what a clean would do
        record[self.source.options.text_field] = original_text(doc)
        record[annotate] = annotations(doc)
        writer.add(record)
        self.stats["records_written"] += 1

    @property
    def takes_cleaned(self) -> bool:
        """Whether :meth:`write_cleaned` writes the records (a clean; annotating needs each paragraph's verdict)."""
        return self.source.options.annotate is None

    def write_cleaned(self, doc: RecordDocument, text: str) -> None:
        """Writes one record with ``text``, its cleaned text (:func:`cleaned_text`); ``doc`` needs no lines.

        Records arrive in corpus order, shard after shard.

        Raises:
            OSError: the shard cannot be written (disk full, permission).
        """
        writer = self._pass_until(doc)
        if self.source.options.drop_empty and not text.strip():
            self.stats["records_dropped_empty"] += 1
            return
        record = dict(doc.record or {})
        record[self.source.options.text_field] = text
        writer.add(record)
        self.stats["records_written"] += 1

    def _pass_until(self, doc: RecordDocument) -> _ShardWriter:
        """The writer of ``doc``'s shard, once the rows before ``doc`` that reached no document are passed through."""
        writer = self._writer(doc.shard)
        if doc.row > self._next_row:  # records between the last one and this one could not be cleaned
            self._pass_through(doc.shard, writer, doc.row)
        self._next_row = doc.row + 1
        return writer

    def close(self) -> None:
        """Finishes the last shard, and writes the shards none of whose records could be cleaned.

        Such a shard is written with its records as read (or empty, with ``drop_bad``
        or when it holds none); a shard that cannot be read at all gets no output file.

        Raises:
            OSError: a shard cannot be written.
        """
        self._finish_current()
        for shard in self.source.listed:
            if shard not in self._written:
                listed = self.source.key_rows.get(shard, _NO_ROWS)
                if len(listed):
                    try:
                        raw_row(self.source, shard, int(listed[0]), self._cursor)
                    except (IndexError, *read_errors()):
                        continue  # its skips say why; an empty file would pass for an empty shard
                self._writer(shard)
                self._finish_current()
        self._cursor.close()

    def abort(self) -> None:
        """Drops the shard being written (its temporary file); finished shards stay whole."""
        if self._current is not None:
            self._current[1].abort()
            self._current = None
