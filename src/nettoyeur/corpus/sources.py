"""Where documents come from and where cleaned documents go.

The pipeline only talks to a :class:`Source` (list the documents in corpus order, load
one) and a :class:`Sink` (write one cleaned document, then close). A folder of text
files is one pair; other formats (JSON Lines, Parquet ...) are others. A document's
``path`` is its key: unique, and its sort order is corpus order.

A document loaded from a source is repaired before any analysis (:func:`load_document`,
:func:`repair_document`); the boilerplate signals read its :func:`analysable` view. The
folder sink lives in :mod:`nettoyeur.corpus.folder_writer`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable

from tqdm import tqdm

from nettoyeur.boilerplate.line_counts import document_line_keys, text_line_keys
from nettoyeur.config import CleanConfig
from nettoyeur.corpus.folder_reader import (
    DecodedText,
    check_locations,
    empty_skip,
    list_files,
    load_text,
    split_document,
)
from nettoyeur.corpus.folder_writer import FolderSink, folder_sink
from nettoyeur.corpus.shard_read import split_record
from nettoyeur.corpus.shards import DecodedRecord
from nettoyeur.errors import InputChangedError
from nettoyeur.records import Document, Skip
from nettoyeur.scratch.documents import Repaired, Where, restore, restore_text
from nettoyeur.text.repair import mark_blank_after_repair, repair
from nettoyeur.text.repair_gate import any_may_need_repair


@runtime_checkable
class Source(Protocol):
    """A corpus to read.

    A source may also offer ``load_text(key) -> DecodedText | Skip`` (a folder and a shard
    source do): the document read and decoded but not split, for the pass that reads no more
    of most documents (:func:`load_first`); its ``load`` is then ``split_document`` of it (a
    shard's record, a ``DecodedRecord``: ``shard_read.split_record``).
    """

    def list(self) -> tuple[list[str], list[Skip]]:
        """Returns the document keys in corpus order, and the entries skipped."""
        ...

    def load(self, key: str) -> Document | Skip:
        """Returns the decoded, split (not yet repaired) document, or why it was skipped."""
        ...


@runtime_checkable
class Sink(Protocol):
    """A destination for cleaned documents, written in corpus order.

    A sink may also offer ``write_rendered(path, data)`` (in the main process, in corpus
    order): the pipeline then renders each document on the workers, in the core, as
    :meth:`~nettoyeur.corpus.folder_writer.FolderSink.render` does (its kept paragraphs in its
    own layout, UTF-8), and ships only bytes back. It may
    offer ``abort()`` (after a failure: remove what is not finished) and
    ``expect_inputs(checksums)`` (the input checksum of each document, before writing).
    """

    def write(self, doc: Document) -> None:
        """Writes one cleaned document (its kept paragraphs)."""
        ...

    def close(self) -> None:
        """Finishes the output (flushes shards, renames temporary files)."""
        ...


class FolderSource:
    """A folder of .txt/.md files, walked recursively; keys are relative paths.

    Files over ``max_bytes`` are skipped unread (``too-large``), files over ``max_lines``
    lines before they are split (``too-many-lines``).
    """

    def __init__(self, root: Path | str, max_bytes: int | None = None, max_lines: int | None = None) -> None:
        self.root = Path(root)
        self.max_bytes = max_bytes
        self.max_lines = max_lines

    def list(self) -> tuple[list[str], list[Skip]]:
        """Returns the relative paths of the text files, sorted, and the skipped entries."""
        return list_files(self.root)

    def load(self, key: str) -> Document | Skip:
        """Reads, decodes and splits one file."""
        item = self.load_text(key)
        return item if isinstance(item, Skip) else split_document(item)

    def load_text(self, key: str) -> DecodedText | Skip:
        """Reads and decodes one file, without splitting it (see :func:`load_first`)."""
        return load_text(self.root, key, self.max_bytes, self.max_lines)


def list_shown(source: Source, show: bool) -> tuple[list[str], list[Skip]]:
    """Lists ``source`` under a progress bar (``list``): a source with a ``progress`` attribute reports as it goes.

    The bar counts the documents found (a folder's files, a shard's records); a source
    without the attribute shows the time spent and the total once listed.
    """
    with tqdm(desc="list", unit="doc", disable=not show) as bar:
        reports = hasattr(source, "progress")
        if reports:
            source.progress = bar.update  # type: ignore[attr-defined]
        try:
            keys, skips = source.list()
        finally:
            if reports:
                source.progress = None  # type: ignore[attr-defined]
        if not reports:
            bar.update(len(keys))
    return keys, skips


def repair_document(doc: Document, max_line_chars: int, check: bool = True) -> Document:
    """Repairs each paragraph of ``doc`` in place (lines over the cap are left as they are).

    Args:
        doc: the document.
        max_line_chars: longer lines are not repaired.
        check: False when an earlier pass found nothing to repair in this document.
    """
    if not check:
        return doc
    for p in doc.paragraphs:
        if len(p.text) <= max_line_chars:
            p.text, p.repairs = repair(p.original)
            mark_blank_after_repair(p)
    return doc


def analysable(doc: Document, max_line_chars: int) -> Document:
    """Returns ``doc``, or a view of it without its lines over ``max_line_chars`` (for boilerplate).

    The view shares the paragraphs, so verdicts set on it land on the document. Lines
    over the cap are kept, never analysed (their words would cost memory in proportion);
    the summary lists them (``long_lines``).
    """
    if all(len(p.text) <= max_line_chars for p in doc.paragraphs):
        return doc
    paras = [p for p in doc.paragraphs if len(p.text) <= max_line_chars]
    return Document(path=doc.path, encoding=doc.encoding, paragraphs=paras, checksum=doc.checksum)


def load_document(source: Source, key: str, max_line_chars: int) -> Document | Skip:
    """Loads, decodes, splits and repairs one document."""
    return load_for_pass(source, key, None, max_line_chars)[0]


def folder_pair(
    input_dir: Path,
    output_dir: Path | None,
    overwrite: bool,
    *,
    resume: bool = False,
    config: CleanConfig | None = None,
) -> tuple[FolderSource, FolderSink | None]:
    """Checks the locations and returns the source and (unless ``output_dir`` is None) the sink.

    The sink keeps a journal beside OUT (see :mod:`nettoyeur.corpus.journal`); with ``resume``
    it continues the journal of an interrupted run with the same options.

    Raises:
        InputError: IN or OUT cannot be used, or there is nothing to resume; nothing is written.
        OSError: OUT or its journal cannot be created or written.
    """
    check_locations(input_dir, output_dir, overwrite=overwrite or resume)
    config = config or CleanConfig()
    source = FolderSource(input_dir, config.max_file_bytes, config.max_file_lines)
    if output_dir is None:
        return source, None
    return source, folder_sink(input_dir, output_dir, config, resume=resume, overwrite=overwrite)


def _changed(key: str) -> InputChangedError:
    return InputChangedError(
        f"{key} changed while it was being cleaned (it reads differently from the first pass): "
        "run again once the input is no longer being written to."
    )


def load_for_pass(
    source: Source, key: str, expected: tuple[str, bool, Where | None] | None, max_line_chars: int
) -> tuple[Document | Skip, bool]:
    """Loads and repairs a document in a pass of a streaming run.

    In the first pass (``expected`` None) the document is loaded, tested for repair and
    repaired. A later pass restores it from its snapshot when the first pass kept one;
    otherwise it loads it again and checks that it reads as in the first pass.

    Args:
        source: the run's source.
        key: the document.
        expected: what the first pass saw: ``(checksum, may need repair, snapshot)``.
        max_line_chars: longer lines are not repaired.

    Returns:
        ``(document or skip, whether a line may need repair)``.

    Raises:
        InputChangedError: the document's bytes changed between passes (no snapshot).
        OSError: the snapshot cannot be read.
    """
    if expected is None:
        item = source.load(key)
        if isinstance(item, Skip):
            return item, False
        suspect = any_may_need_repair(item.lines)  # one native call a document
    else:
        checksum, suspect, where = expected
        if where is not None:
            return restore(key, where), suspect
        item = source.load(key)
        if isinstance(item, Skip) or item.checksum != checksum:
            raise _changed(key)
    return repair_document(item, max_line_chars, suspect), suspect


def text_for_pass(
    source: Source, key: str, expected: tuple[str, bool, Where | None], max_line_chars: int
) -> tuple[str, list[Repaired]]:
    """A document's decoded text and repaired paragraphs in a later pass, as its snapshot holds them.

    What the write pass hands the core (``_core.DocumentWriter``): restored from the snapshot
    when the first pass kept one (:func:`~nettoyeur.scratch.documents.restore_text`); else read
    again and checked as :func:`load_for_pass` checks it: a folder's file that needs no repair
    as its decoded text alone (no lines or ``Paragraph`` records), any other document loaded
    and repaired, its lines joined.

    Args:
        source: the run's source.
        key: the document.
        expected: what the first pass saw: ``(checksum, may need repair, snapshot)``.
        max_line_chars: longer lines are not repaired.

    Returns:
        ``(text, [(paragraph index, text, repairs)] of the paragraphs repair changed)``.

    Raises:
        InputChangedError: the document's bytes changed between passes (no snapshot).
        OSError: the snapshot cannot be read.
    """
    checksum, suspect, where = expected
    if where is not None:
        return restore_text(where)
    read_text = getattr(source, "load_text", None)
    if read_text is not None and not suspect:
        decoded = read_text(key)
        if isinstance(decoded, Skip) or decoded.checksum != checksum:
            raise _changed(key)
        return decoded.text, []
    doc, _ = load_for_pass(source, key, expected, max_line_chars)
    assert isinstance(doc, Document)  # a skip raised
    return "".join(doc.lines), [(p.index, p.text, p.repairs) for p in doc.paragraphs if p.repairs]


def _analysable_keys(doc: Document, max_line_chars: int) -> list[int]:
    """The frequency keys of the paragraphs of ``doc`` the boilerplate signals read (kept, ``max_line_chars`` long)."""
    return document_line_keys([p.text for p in doc.paragraphs if p.verdict is None and len(p.text) <= max_line_chars])


def load_first(source: Source, key: str, max_line_chars: int) -> tuple[Document | DecodedText | Skip, bool, list[int]]:
    """Loads a document in pass 1, as far as the pass reads it: the frequency keys of its analysable paragraphs.

    A source that gives decoded text (``load_text``, a folder or shards) and a document that
    needs no repair make no lines, no ``Paragraph`` records and no paragraph strings: one native
    call splits the text, asks the repair gate about its lines and finds the keys of its
    paragraphs (:func:`~nettoyeur.boilerplate.line_counts.text_line_keys`). A document that may
    need repair, a record without a paragraph (written as read, not skipped), or one from another
    source, is loaded and repaired as :func:`load_for_pass` does, and its kept paragraphs' texts keyed.

    Returns:
        ``(item, whether a line may need repair, keys)``: the item is the decoded text (no
        repair needed), the repaired document or a skip; the keys are
        :func:`~nettoyeur.boilerplate.line_counts.document_line_keys` of its paragraphs that are
        kept and at most ``max_line_chars`` long (none for a skip).
    """
    read_text = getattr(source, "load_text", None)
    if read_text is None:
        item, suspect = load_for_pass(source, key, None, max_line_chars)
        return item, suspect, [] if isinstance(item, Skip) else _analysable_keys(item, max_line_chars)
    decoded = read_text(key)
    if isinstance(decoded, Skip):
        return decoded, False, []
    paragraphs, suspect, keys = text_line_keys(decoded.text, max_line_chars)
    record = type(decoded) is DecodedRecord
    if not paragraphs and not record:
        return empty_skip(decoded), False, []
    if keys is None or not paragraphs:  # repaired as load_for_pass repairs it (few documents; a record of white space)
        doc = split_record(decoded) if record else split_document(decoded)
        assert isinstance(doc, Document)  # it has paragraphs, or is a record
        repair_document(doc, max_line_chars, suspect)
        return doc, suspect, _analysable_keys(doc, max_line_chars)
    return decoded, False, keys
