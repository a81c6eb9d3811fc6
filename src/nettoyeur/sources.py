"""Where documents come from and where cleaned documents go.

The pipeline only talks to a :class:`Source` (list the documents in corpus order, load
one) and a :class:`Sink` (write one cleaned document, then close). A folder of text
files is one pair; other formats (JSON Lines, Parquet ...) are others. A document's
``path`` is its key: unique, and its sort order is corpus order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable

from nettoyeur.read import check_locations, list_files, load
from nettoyeur.records import Document, Skip
from nettoyeur.split import join_kept
from nettoyeur.write import remove_stale_temporaries, safe_target, write_atomic


@runtime_checkable
class Source(Protocol):
    """A corpus to read."""

    def list(self) -> tuple[list[str], list[Skip]]:
        """Returns the document keys in corpus order, and the entries skipped."""
        ...

    def load(self, key: str) -> Document | Skip:
        """Returns the decoded, split (not yet repaired) document, or why it was skipped."""
        ...


@runtime_checkable
class Sink(Protocol):
    """A destination for cleaned documents, written in corpus order."""

    def write(self, doc: Document) -> None:
        """Writes one cleaned document (its kept paragraphs)."""
        ...

    def close(self) -> None:
        """Finishes the output (flushes shards, renames temporary files)."""
        ...


class FolderSource:
    """A folder of .txt/.md files, walked recursively; keys are relative paths."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def list(self) -> tuple[list[str], list[Skip]]:
        """Returns the relative paths of the text files, sorted, and the skipped entries."""
        return list_files(self.root)

    def load(self, key: str) -> Document | Skip:
        """Reads and decodes one file."""
        return load(self.root, key)


class FolderSink:
    """Writes each document to the same relative path under ``root``, atomically, in UTF-8."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(self.root)

    def write(self, doc: Document) -> None:
        """Writes the document's kept paragraphs in its own layout.

        Raises:
            OSError: the file cannot be written (disk full, permission).
            ValueError: the document's path would leave the output folder.
        """
        write_atomic(safe_target(self.root, doc.path), join_kept(doc))

    def close(self) -> None:
        """Nothing to finish: every file was renamed into place when written."""


def folder_pair(input_dir: Path, output_dir: Path | None, overwrite: bool) -> tuple[FolderSource, FolderSink | None]:
    """Checks the locations and returns the source and (unless ``output_dir`` is None) the sink.

    Raises:
        InputError: IN or OUT cannot be used; nothing is written.
    """
    check_locations(input_dir, output_dir, overwrite=overwrite)
    return FolderSource(input_dir), (FolderSink(output_dir) if output_dir is not None else None)
