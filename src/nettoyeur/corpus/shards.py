"""What a record corpus is made of (:mod:`nettoyeur.corpus.record_formats`): shard kinds, record keys, record documents.

The vocabulary the shard reader (:mod:`nettoyeur.corpus.shard_read`), the shard writer
(:mod:`nettoyeur.corpus.shard_write`) and the opening of a corpus (:mod:`nettoyeur.corpus.record_formats`)
share: which file names are shards and how they are compressed, the ``<shard>#<row>``
keys, the record options, the :class:`RecordDocument`, and the import of optional
dependencies with a clear :class:`~nettoyeur.errors.MissingExtraError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nettoyeur.corpus.folder_reader import DecodedText
from nettoyeur.errors import MissingExtraError
from nettoyeur.records import Document

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
        drop_bad: leave out a record that cannot be cleaned (broken JSON, no text
            field, a text that is not a string ...) instead of passing it through unchanged.
        annotate: write every record whole, with this field listing its paragraphs'
            verdicts (:mod:`nettoyeur.report.annotate`), instead of removing anything; None cleans.
    """

    text_field: str = "text"
    id_field: str | None = "id"
    drop_empty: bool = False
    drop_bad: bool = False
    annotate: str | None = None


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


@dataclass(slots=True)
class DecodedRecord(DecodedText):
    """A record read, not yet split: what pass 1 needs of a record that needs no repair.

    The text field's value is :attr:`text`; the other attributes are
    :class:`RecordDocument`'s (``path`` its key).
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


def require_for(kind: tuple[str, str | None], name: str) -> None:
    """Imports the optional dependencies a shard of this kind needs.

    Raises:
        MissingExtraError: one is not installed; the message names the shard and the extra.
    """
    if kind[0] == "parquet":
        require("parquet", "pyarrow", f"reading or writing the Parquet shard {name}")
        __import__("pyarrow.parquet")
    if kind[1] == "zstd":
        require("zstd", "zstandard", f"reading or writing the zstd shard {name}")


def parquet_module() -> Any:
    """Returns ``pyarrow.parquet``.

    Raises:
        MissingExtraError: pyarrow is not installed.
    """
    require("parquet", "pyarrow", "Parquet input or output")
    import pyarrow.parquet as pq

    return pq
