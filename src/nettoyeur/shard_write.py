"""Writing record shards (:mod:`nettoyeur.formats`): cleaned records in the input's format and layout.

:class:`RecordSink` writes each shard under OUT with the input's name, compression and
(for Parquet) schema and codec, records in their order, each shard to a temporary file
renamed into place when whole; :func:`cleaned_text` is the text a record gets (with
``annotate``, the text as read and its verdicts in a field: :mod:`nettoyeur.annotate`).
"""

from __future__ import annotations

import bz2
import gzip
import json
import os
import tempfile
from pathlib import Path
from typing import IO, Any

from nettoyeur.annotate import annotations, original_text, parquet_field
from nettoyeur.records import Document
from nettoyeur.shard_read import RecordSource
from nettoyeur.shards import RecordDocument, parquet_module, require
from nettoyeur.split import join_kept
from nettoyeur.write import TMP_PREFIX, remove_stale_temporaries, safe_target


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


class _ShardWriter:
    """Writes one output shard to a temporary file, renamed into place by :meth:`finish`."""

    def __init__(
        self, target: Path, fmt: str, compression: str | None, template: Path, annotate: str | None = None
    ) -> None:
        self.target, self.fmt, self.compression, self.template = target, fmt, compression, template
        self.annotate = annotate
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
        writer = _ShardWriter(
            self._target(shard), fmt, compression, self.source.root / shard, self.source.options.annotate
        )
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
        annotate = self.source.options.annotate  # (drop_empty is refused with it)
        if annotate is not None:  # nothing removed: the text as read, and what a clean would do
            record[self.source.options.text_field] = original_text(doc)
            record[annotate] = annotations(doc)
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
