"""Documents as the run first read them, kept on disk for its later passes.

A streaming run goes over the corpus up to four times (count, analyse, re-mark, write) and
never holds it in memory. Loading a file again in each pass costs an open, a read, a
SHA-256, the decoding checks and the repair test, about 0.1 ms a file and more on disks
where opening a file is slow; and a file that changes during the run would read
differently. So the first pass that loads a document appends it, decoded, split and
repaired, to a snapshot file of its batch, and the later passes restore it from there
with one ``os.pread``: every pass sees the bytes the first one saw.

A snapshot record is ``marshal`` data (Python's own format for trusted data), written and
read by this run only, in its private spill folder (:func:`nettoyeur.scratch.paragraphs.make_spill_dir`):
the document's encoding, checksum and size, its decoded text as one string of bytes, and
the text and fix names of the paragraphs that repair changed (few: repair runs only where
a line may need it). The text is stored in Latin-1 when all its characters fit (most
European text: a copy of the string's own bytes each way), else in UTF-8 (lone surrogates
passed through); a later pass splits it again with the splitter of the first
(:func:`nettoyeur.text.split.split_lines`, native), so it gets the same lines and paragraphs.
Storing the lines themselves cost more: ``marshal`` encodes and decodes each of them as
UTF-8 (on the 10,686 files of the 300k-paragraph benchmark corpus, CPU seconds: writing
0.29 -> 0.17 s, restoring every document once 0.27 -> 0.22 s with the splitter's line breaks
found by memchr, the snapshot 67 -> 61 MB).

The snapshot costs about the corpus's size in the temporary folder until the write pass, which
removes a batch's file once it has written that batch (``SpillReaper`` in :mod:`nettoyeur.run.streaming`).
Only runs on this machine keep one; executors elsewhere (Ray) load from the source.
"""

from __future__ import annotations

import itertools
import marshal
import os
from collections import OrderedDict

from nettoyeur.corpus.folder_reader import DecodedText
from nettoyeur.corpus.shards import DecodedRecord, RecordDocument
from nettoyeur.records import Document
from nettoyeur.text.repair import mark_blank_after_repair
from nettoyeur.text.split import split_lines

# Where a document's snapshot lies: (file, byte offset, byte length).
Where = tuple[str, int, int]
# A paragraph repair changed: (its index, its text after repair, the fixes' names).
Repaired = tuple[int, str, tuple[str, ...]]
# What a record's snapshot holds beside its text: (shard, row, record id, its other fields).
RecordPart = tuple[str, int, "str | None", "dict | None"]

# Snapshot files a process keeps open for reading (least recently used closed first): a
# pass reads one batch's file at a time, the write pass maybe a few.
OPEN_FILES = 8

# Bytes a snapshot file gathers before they are written (one write system call).
WRITE_BUFFER = 1 << 20

_names = itertools.count()
_readers: OrderedDict[str, int] = OrderedDict()


def _encoded(text: str) -> tuple[bool, bytes]:
    """``text`` as bytes: Latin-1 when every character fits (a copy of the string's own bytes), else UTF-8.

    Lone surrogates (undecodable input bytes) pass through UTF-8 (``surrogatepass``).

    Returns:
        ``(whether it is Latin-1, the bytes)``.
    """
    try:
        return True, text.encode("latin-1")
    except UnicodeEncodeError:
        return False, text.encode("utf-8", "surrogatepass")


class SnapshotWriter:
    """Appends documents to one new snapshot file in ``folder``.

    Args:
        folder: the run's spill folder.

    Raises:
        OSError: the file cannot be created.
    """

    def __init__(self, folder: str) -> None:
        self.path = os.path.join(folder, f"docs-{os.getpid()}-{next(_names)}")
        # Records of a few KB each: with the default 8 KB buffer most went to the disk in a
        # system call of their own (10,686 writes for the 300k-paragraph benchmark corpus).
        self._handle = open(self.path, "wb", buffering=WRITE_BUFFER)  # noqa: SIM115 - closed by close()
        self._position = 0

    def add(self, doc: Document) -> Where:
        """Appends ``doc`` (decoded, split, repaired); returns where it lies.

        Raises:
            OSError: the disk is full (the message names the file).
        """
        repaired = [(p.index, p.text, p.repairs) for p in doc.paragraphs if p.repairs]
        return self._append(doc.encoding, doc.checksum, doc.size, "".join(doc.lines), repaired)

    def add_record(self, doc: RecordDocument) -> Where | None:
        """Appends a shard's record (decoded, split, repaired) with its other fields; returns where it lies.

        Returns None, keeping nothing, for a record with a field ``marshal`` cannot hold (a
        Parquet date, a decimal): that record is loaded from its shard again in each pass.

        Raises:
            OSError: the disk is full (the message names the file).
        """
        repaired = [(p.index, p.text, p.repairs) for p in doc.paragraphs if p.repairs]
        part: RecordPart = (doc.shard, doc.row, doc.record_id, doc.record)
        try:
            return self._append(doc.encoding, doc.checksum, doc.size, "".join(doc.lines), repaired, part)
        except ValueError:  # marshal: "unmarshallable object"
            return None

    def add_decoded(self, decoded: DecodedText) -> Where:
        """Appends a decoded file that needs no repair (pass 1 splits it no further); returns where it lies.

        Raises:
            OSError: the disk is full (the message names the file).
        """
        return self._append(decoded.encoding, decoded.checksum, decoded.size, decoded.text, [])

    def add_decoded_record(self, decoded: DecodedRecord) -> Where | None:
        """Appends a record read that needs no repair (pass 1 splits it no further), as :meth:`add_record` does.

        Raises:
            OSError: the disk is full (the message names the file).
        """
        part: RecordPart = (decoded.shard, decoded.row, decoded.record_id, decoded.record)
        try:
            return self._append(decoded.encoding, decoded.checksum, decoded.size, decoded.text, [], part)
        except ValueError:  # marshal: "unmarshallable object"
            return None

    def _append(
        self, encoding: str, checksum: str, size: int, text: str, repaired: list[tuple], part: RecordPart | None = None
    ) -> Where:
        """Appends one record (see the module; ``part``: a shard record's own, else None); returns where it lies.

        Raises:
            OSError: the disk is full (the message names the file).
            ValueError: ``part`` holds a value ``marshal`` cannot write (nothing is written).
        """
        latin, encoded = _encoded(text)
        data = marshal.dumps((encoding, checksum, size, latin, encoded, repaired, part))
        try:
            self._handle.write(data)
        except OSError as err:  # name the file: the message must say where the disk is full
            raise OSError(err.errno, err.strerror, self.path) from err
        where = (self.path, self._position, len(data))
        self._position += len(data)
        return where

    def close(self) -> None:
        """Flushes and closes the file (the later passes read it).

        Raises:
            OSError: the last bytes cannot be written (the message names the file).
        """
        try:
            self._handle.close()
        except OSError as err:
            raise OSError(err.errno, err.strerror, self.path) from err

    def __enter__(self) -> SnapshotWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def keep(writer: SnapshotWriter | None, doc: Document | DecodedText) -> Where | None:
    """Keeps ``doc``'s snapshot when there is a writer and ``doc`` is a plain document or decoded file; returns where.

    Returns None where none is kept.

    A shard's record (:class:`~nettoyeur.corpus.shards.RecordDocument`) is kept with its other
    fields, which it carries to the output (:meth:`SnapshotWriter.add_record`): loading it again
    from its shard in each pass cost a stat, the shard's lines, ``json.loads``, a SHA-256 and a
    split (three quarters of the write pass on JSON Lines input). Any other type of document is
    loaded from its source again in each pass.

    Raises:
        OSError: the disk is full (the message names the file).
    """
    if writer is None:
        return None
    if type(doc) is DecodedText:
        return writer.add_decoded(doc)
    if type(doc) is DecodedRecord:
        return writer.add_decoded_record(doc)
    if type(doc) is RecordDocument:
        return writer.add_record(doc)
    return writer.add(doc) if type(doc) is Document else None


def _record(where: Where) -> tuple[str, str, int, str, list[Repaired], RecordPart | None]:
    """The snapshot record at ``where``: ``(encoding, checksum, size, decoded text, repaired paragraphs, record part)``.

    Raises:
        OSError: the snapshot file cannot be read (the run's spill folder was removed).
    """
    path, offset, length = where
    fd = _readers.get(path)
    if fd is None:
        if len(_readers) >= OPEN_FILES:
            os.close(_readers.popitem(last=False)[1])
        fd = _readers[path] = os.open(path, os.O_RDONLY)
    else:
        _readers.move_to_end(path)
    encoding, checksum, size, latin, data, repaired, part = marshal.loads(os.pread(fd, length, offset))
    text = data.decode("latin-1") if latin else data.decode("utf-8", "surrogatepass")
    return encoding, checksum, size, text, repaired, part


def restore_text(where: Where) -> tuple[str, list[Repaired]]:
    """The decoded text of a snapshot and its repaired paragraphs ``(index, text, repairs)``, not split.

    What the write pass hands the core (``_core.DocumentWriter``), which splits the text itself:
    :func:`restore`'s lines and ``Paragraph`` records were a third of the write pass's own CPU.

    Raises:
        OSError: the snapshot file cannot be read (the run's spill folder was removed).
    """
    _, _, _, text, repaired, _ = _record(where)
    return text, repaired


def restore_record(where: Where) -> tuple[str, list[Repaired], RecordPart] | None:
    """A shard record's decoded text, repaired paragraphs and own part, not split; None for another document.

    What the write pass renders in the core for a sink that takes a record's cleaned text
    (``RecordSink.write_cleaned``): no lines or ``Paragraph`` records.

    Raises:
        OSError: the snapshot file cannot be read (the run's spill folder was removed).
    """
    _, _, _, text, repaired, part = _record(where)
    return None if part is None else (text, repaired, part)


def restore(key: str, where: Where) -> Document:
    """Returns the document ``key`` as its snapshot holds it: the same lines, paragraphs, repairs and checksum.

    A shard's record comes back as a :class:`~nettoyeur.corpus.shards.RecordDocument` with its
    shard, row, id and other fields.

    Raises:
        OSError: the snapshot file cannot be read (the run's spill folder was removed).
    """
    encoding, checksum, size, text, repaired, part = _record(where)
    lines, paragraphs = split_lines(text)
    for index, text, repairs in repaired:
        p = paragraphs[index]
        p.text, p.repairs = text, repairs
        mark_blank_after_repair(p)
    if part is not None:
        shard, row, record_id, record = part
        return RecordDocument(key, encoding, lines, paragraphs, checksum, size, shard, row, record_id, record)
    return Document(key, encoding, lines, paragraphs, checksum, size)


def close_readers() -> None:
    """Closes the snapshot files this process holds open (at the end of a run)."""
    while _readers:
        os.close(_readers.popitem()[1])
