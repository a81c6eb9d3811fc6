"""Where documents come from and where cleaned documents go.

The pipeline only talks to a :class:`Source` (list the documents in corpus order, load
one) and a :class:`Sink` (write one cleaned document, then close). A folder of text
files is one pair; other formats (JSON Lines, Parquet ...) are others. A document's
``path`` is its key: unique, and its sort order is corpus order.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol, runtime_checkable

from nettoyeur.read import check_locations, list_files, load
from nettoyeur.records import Document, Skip
from nettoyeur.split import join_kept
from nettoyeur.write import TMP_PREFIX, remove_stale_temporaries, safe_target

# Renamed into place together after one os.sync(): at most this many files or bytes wait.
# A sync costs about as much as one fsync (~1 ms here), where a fsync per file would cost
# that for every file (minutes for 100,000 articles).
SYNC_FILES = 4096
SYNC_BYTES = 64 << 20


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
    """A destination for cleaned documents, written in corpus order.

    A sink may also offer ``render(doc)`` (it runs on a worker process) and
    ``write_rendered(path, rendered)`` (in the main process, in corpus order, given what
    ``render`` returned); the pipeline then renders documents on the workers and ships
    only the result back (the folder sink writes temporary files there and renames them here).
    """

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
    """Writes each document to the same relative path under ``root``, atomically, in UTF-8.

    Every file is written under a temporary name in its destination folder; after a batch
    (``SYNC_FILES`` files or ``SYNC_BYTES`` bytes, and at :meth:`close`) one ``os.sync()``
    makes the batch durable and each file is renamed over its final name. A run killed at
    any moment leaves, under each final name, the old file or the new one, never half of
    one; leftover temporary files start with ``.nettoyeur-`` and the next run removes them.
    """

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(self.root)
        self._pending: list[tuple[str, str]] = []
        self._pending_bytes = 0
        self._folders: set[Path] = set()
        self._serial = 0

    def __getstate__(self) -> dict:
        return {"root": self.root}  # workers only render: they get no pending files

    def __setstate__(self, state: dict) -> None:
        self.root = state["root"]
        self._pending, self._pending_bytes, self._folders, self._serial = [], 0, set(), 0

    def render(self, doc: Document) -> tuple[str, str]:
        """Writes the cleaned file under a temporary name beside its target (on a worker).

        Creating files is the slow part of writing a folder on some file systems (about a
        millisecond each on the virtual disks measured), so workers do it in parallel and
        the main process only renames.

        Returns:
            ``(temporary path, final path)``, what :meth:`write_rendered` takes.

        Raises:
            OSError: the file cannot be written (disk full, permission).
            ValueError: the document's path would leave the output folder.
        """
        return self._stage(doc.path, join_kept(doc).encode("utf-8"))

    def _stage(self, path: str, data: bytes) -> tuple[str, str]:
        target = safe_target(self.root, path)
        folder = target.parent
        if folder not in self._folders:
            folder.mkdir(parents=True, exist_ok=True)
            self._folders.add(folder)
        self._serial += 1
        tmp = os.path.join(folder, f"{TMP_PREFIX}{os.getpid()}-{self._serial}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
        except BaseException:
            _unlink(tmp)
            raise
        return tmp, str(target)

    def write_rendered(self, path: str, rendered: tuple[str, str] | bytes) -> None:
        """Queues a rendered file (or writes these bytes) to be renamed into place with its batch.

        Raises:
            OSError: the file cannot be written, synced or renamed.
            ValueError: the path would leave the output folder.
        """
        if isinstance(rendered, bytes):
            size = len(rendered)
            rendered = self._stage(path, rendered)
        else:
            size = os.path.getsize(rendered[0])
        self._pending.append(rendered)
        self._pending_bytes += size
        if len(self._pending) >= SYNC_FILES or self._pending_bytes >= SYNC_BYTES:
            self._flush()

    def write(self, doc: Document) -> None:
        """Writes the document's kept paragraphs in its own layout.

        Raises:
            OSError: the file cannot be written (disk full, permission).
            ValueError: the document's path would leave the output folder.
        """
        self.write_rendered(doc.path, self.render(doc))

    def _flush(self) -> None:
        if not self._pending:
            return
        os.sync()
        for tmp, target in self._pending:
            os.replace(tmp, target)
        self._pending, self._pending_bytes = [], 0

    def close(self) -> None:
        """Makes the last batch durable and renames it into place.

        Raises:
            OSError: the files cannot be synced or renamed.
        """
        self._flush()

    def abort(self) -> None:
        """Removes the temporary files of the batch not yet renamed (after a failure)."""
        for tmp, _ in self._pending:
            _unlink(tmp)
        self._pending, self._pending_bytes = [], 0


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def folder_pair(input_dir: Path, output_dir: Path | None, overwrite: bool) -> tuple[FolderSource, FolderSink | None]:
    """Checks the locations and returns the source and (unless ``output_dir`` is None) the sink.

    Raises:
        InputError: IN or OUT cannot be used; nothing is written.
    """
    check_locations(input_dir, output_dir, overwrite=overwrite)
    return FolderSource(input_dir), (FolderSink(output_dir) if output_dir is not None else None)
