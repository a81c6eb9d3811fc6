"""The folder sink: cleaned documents written to a folder, atomically, in batches.

:class:`FolderSink` writes each document under a temporary name beside its target (on a
worker, :meth:`FolderSink.stage`, or here), makes a batch durable with one ``os.sync()``
and renames it into place, recording each file in the run's journal
(:mod:`nettoyeur.corpus.journal`); :func:`folder_sink` opens that journal and the sink. It checks
that OUT is still the folder opened at the start, and on a file system that folds names
(:func:`folds_names`), that no two documents land on one file.
"""

from __future__ import annotations

import errno
import hashlib
import itertools
import os
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nettoyeur.config import CleanConfig
from nettoyeur.corpus import atomic as writing
from nettoyeur.corpus.atomic import TMP_PREFIX, TMP_SUFFIX, check_writable, remove_stale_temporaries, target_in
from nettoyeur.corpus.journal import Entry, Journal, entries_of, fingerprint, journal_path
from nettoyeur.corpus.out_state import foreign_error, foreign_files, remove_stale, since_journal
from nettoyeur.errors import OutputPathError
from nettoyeur.records import Document
from nettoyeur.text.split import kept_bytes

# Renamed into place together after one os.sync(): at most this many files or bytes wait.
# A sync costs about as much as one fsync (~1 ms here), where a fsync per file would cost
# that for every file (minutes for 100,000 articles).
SYNC_FILES = 4096
SYNC_BYTES = 64 << 20

# This process's id and the numbers of its temporary files (see FolderSink._write_temp); made
# again in a forked child. ``os.getpid()`` is a system call each time (glibc caches no pid).
_temp_names = (os.getpid(), itertools.count())


def _new_temp_names() -> None:
    global _temp_names
    _temp_names = (os.getpid(), itertools.count())


if hasattr(os, "register_at_fork"):  # POSIX; a process started afresh (spawn) imports the module again
    os.register_at_fork(after_in_child=_new_temp_names)


@dataclass(slots=True)
class _Pending:
    """A file written under a temporary name, waiting for the next sync and its rename."""

    tmp: str
    target: str
    rel: str
    input_sha: str
    output_sha: str
    size: int


class FolderSink:
    """Writes each document to the same relative path under ``root``, atomically, in UTF-8.

    Every file is written under a temporary name in its destination folder; after a batch
    (``SYNC_FILES`` files or ``SYNC_BYTES`` bytes, and at :meth:`close`) one ``os.sync()``
    makes the batch durable and each file is renamed over its final name; the renamed files
    are then recorded in the journal, with one write. A run killed at any moment leaves,
    under each final name, the old file or the new one, never half of one; leftover
    temporary files start with ``.nettoyeur-`` and the next run removes them.

    Every file written here and every batch of renames first checks that ``root`` is still
    the folder opened at the start (a folder removed or replaced mid-run is an error, not
    silently re-created); every write, that the path stays inside ``root``; every rename,
    that it does not land on a file this run already wrote (names differing only in case on
    a case-insensitive file system). A file the journal and the disk show complete is left
    as it is (``--resume``).

    Attributes:
        output_files: ``written`` (files written by this run) and ``resumed`` (files a
            previous, interrupted run had already finished).
    """

    def __init__(self, root: Path | str, journal: Journal | None = None) -> None:
        """Creates ``root`` if needed, clears stale temporary files and checks it is writable.

        Args:
            root: the output folder.
            journal: where to record finished files (and which files to leave as they are).

        Raises:
            OSError: ``root`` cannot be created or written; its filename is ``root``.
        """
        self.root = Path(root)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            self._identity = _identity(self.root)
        except OSError as err:
            raise OSError(err.errno, err.strerror, str(self.root)) from err
        # An open handle on OUT keeps its inode number from being reused by a new folder
        # created under the same name, so that a replaced OUT is told from the original.
        try:
            self._handle: int | None = os.open(self.root, os.O_RDONLY)
        except OSError:  # folders cannot be opened on every platform
            self._handle = None
        remove_stale_temporaries(self.root)
        check_writable(self.root)
        self.journal = journal
        # This run's temporary names: what abort() removes, staged by workers or not.
        self._prefix = f"{TMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}-"
        self.output_files = {"written": 0, "resumed": 0}
        # Summary fields about OUT as a whole: stale outputs removed, foreign files kept,
        # what changed since the journal (set by close() and folder_sink()).
        self.notes: dict[str, Any] = {}
        self.previous: dict[str, Entry] = {}  # what earlier runs recorded (their files are nettoyeur's)
        self.resuming = False
        self._outputs: set[str] = set()  # this run's outputs: written or left as they were
        self._base = os.path.realpath(self.root)
        self._checked: set[str] = set()
        self._inputs: dict[str, str] = {}
        self._pending: list[_Pending] = []
        self._pending_bytes = 0
        # Only a file system that folds names (case, Unicode normalisation) can put two
        # documents on one file; then each written file's identity is remembered.
        self._written: dict[tuple[int, int], str] | None = {} if folds_names(self.root) else None

    def __getstate__(self) -> dict:
        # Workers render and stage files: no journal, no pending files, no handle.
        return {"root": self.root, "base": self._base, "identity": self._identity, "prefix": self._prefix}

    def __setstate__(self, state: dict) -> None:
        self.root, self._base, self._identity, self._prefix = (
            state["root"],
            state["base"],
            state["identity"],
            state["prefix"],
        )
        self.journal, self._handle, self._pending = None, None, []
        self._checked = set()

    def expect_inputs(self, checksums: dict[str, str]) -> None:
        """Gives the input checksum of each document, for the journal (before the first write)."""
        self._inputs = checksums

    def render(self, doc: Document) -> bytes:
        """Returns the bytes of the cleaned file: the kept paragraphs in the document's own layout.

        Written by the core (:func:`~nettoyeur.text.split.kept_bytes`), as the write pass writes a
        file (a lone surrogate, which only a non-file source can hold, becomes U+FFFD).
        """
        return kept_bytes(doc)

    def write(self, doc: Document) -> None:
        """Writes the document's kept paragraphs in its own layout.

        Raises:
            OSError: the file cannot be written (disk full, permission, OUT removed);
                its filename is the path that failed.
            OutputPathError: the document's path would leave the output folder, or it
                lands on a file this run already wrote.
        """
        self.write_rendered(doc.path, self.render(doc), doc.checksum)

    def write_rendered(self, path: str, data: bytes, input_sha: str | None = None) -> None:
        """Writes rendered bytes under the document's relative path (renamed into place at the next sync).

        Raises:
            OSError: the file cannot be written (disk full, permission, OUT removed);
                its filename is the path that failed.
            OutputPathError: the document's path would leave the output folder, or it
                lands on a file this run already wrote.
        """
        self._check_root()  # nothing is written once OUT is gone
        self.write_staged(*self.stage(path, data), input_sha)

    def _write_temp(self, target: str, data: bytes) -> str:
        """Writes ``data`` to a new temporary file beside ``target``; returns its path.

        Raises:
            OSError: the file cannot be written; its filename is ``target``.
            OutputPathError: a folder on the way to ``target`` is a file of OUT.
        """
        folder = os.path.dirname(target)
        tmp = None
        try:
            # The name's own part: this process and a count (unique within the run's prefix, with
            # no random bytes to ask the kernel for, one system call a file).
            pid, count = _temp_names
            first = f"{pid}-{next(count)}"
            try:
                fd, tmp = writing.create_temp(folder, self._prefix, first)
            except FileNotFoundError:
                self._check_root()  # a missing OUT is an error, not a folder to create again
                os.makedirs(folder, exist_ok=True)
                fd, tmp = writing.create_temp(folder, self._prefix, first)
            # Written whole with os.write: a buffered file object cost ~12 us more a file
            # (files of 7.6 KB: 38 -> 26 us each, create excluded; 0.12 s of the write pass
            # at 300k paragraphs, 10.7k files).
            try:
                writing.write_all(fd, data)
            finally:
                os.close(fd)
        except BaseException as err:
            if tmp is not None:
                _unlink(tmp)
            if isinstance(err, NotADirectoryError) or (isinstance(err, FileExistsError) and not os.path.isdir(folder)):
                # a folder on the way is a file this run wrote
                raise _file_folder_clash(os.path.relpath(target, self._base)) from err
            if isinstance(err, OSError) and err.filename != str(self.root):  # OUT gone: named as it is
                raise OSError(err.errno or errno.EIO, err.strerror or str(err), target) from err
            raise
        return tmp

    def stage(self, path: str, data: bytes) -> tuple[str, str, str, int]:
        """On a worker: writes rendered bytes under a temporary name beside their target.

        Creating files is slow on some disks (~0.25 ms each here); staged on the workers,
        it runs in parallel, and the main process only renames (:meth:`write_staged`).

        Returns:
            ``(path, temporary file, SHA-256 of the bytes, size)``.

        Raises:
            OSError: the file cannot be written (disk full, permission, OUT removed).
            OutputPathError: the path would leave the output folder.
        """
        # OUT is not checked here: a missing folder is checked before one is created, and
        # the main process checks OUT again before it renames the file into place.
        target = target_in(self._base, path, self._checked, shown=self.root)
        return path, self._write_temp(target, data), hashlib.sha256(data).hexdigest(), len(data)

    def write_staged(self, path: str, tmp: str, digest: str, size: int, input_sha: str | None = None) -> None:
        """In the main process, in corpus order: takes over a file :meth:`stage` wrote (renamed at the next sync).

        Raises:
            OSError: OUT was removed, or a batch cannot be synced or renamed.
            OutputPathError: the path would leave the output folder, or lands on a file
                this run already wrote.
        """
        # OUT is checked once a batch, before its renames (:meth:`_flush`), not here: nothing is
        # written to it here, and a stat a file was one system call more than the I/O floor's
        # (10,686 in the main process for the 300k-paragraph benchmark corpus).
        try:
            target = target_in(self._base, path, self._checked, shown=self.root)
        except BaseException:
            _unlink(tmp)
            raise
        input_sha = input_sha if input_sha is not None else self._inputs.get(path, "")
        if self.journal is not None and self.journal.is_complete(path, input_sha, digest, size, target):
            _unlink(tmp)
            self.output_files["resumed"] += 1
            self._outputs.add(path)
            self._remember(path, target)
            return
        self._pending.append(_Pending(tmp, target, path, input_sha, digest, size))
        self._pending_bytes += size
        if len(self._pending) >= SYNC_FILES or self._pending_bytes >= SYNC_BYTES:
            self._flush()

    def _check_root(self) -> None:
        if _identity_or_none(self.root) != self._identity:
            raise FileNotFoundError(
                errno.ENOENT, "the output folder was removed or replaced during the run", str(self.root)
            )

    def _flush(self) -> None:
        """Syncs the pending files, renames each into place, then records the renamed ones in the journal.

        The journal lines of a batch are written together, after its renames (also when a
        rename fails or the run is interrupted): a file is never listed before it is in
        place, and a kill before the journal's flush only costs ``--resume`` their rewrite.

        Raises:
            OSError: OUT was removed, or a rename or the journal failed.
            OutputPathError: a rename would land on a file this run already wrote, or on a
                folder of another document's path.
        """
        if not self._pending:
            return
        self._check_root()
        os.sync()
        done = 0
        try:
            for item in self._pending:
                if self._written is not None:
                    self._check_collision(item.rel, item.target)
                try:
                    os.replace(item.tmp, item.target)
                except IsADirectoryError as err:  # another document's folder: refused, its file dropped
                    _unlink(item.tmp)
                    self._pending.remove(item)
                    raise _file_folder_clash(item.rel) from err
                except OSError as err:
                    raise OSError(err.errno or errno.EIO, err.strerror or str(err), item.target) from err
                done += 1
                self._outputs.add(item.rel)
                self._remember(item.rel, item.target)
        finally:
            renamed, self._pending = self._pending[:done], self._pending[done:]
            self._pending_bytes = sum(item.size for item in self._pending)
            self.output_files["written"] += len(renamed)
            if self.journal is not None:
                self.journal.record_many([(i.rel, i.input_sha, i.output_sha, i.size) for i in renamed])

    def _remember(self, rel: str, target: str) -> None:
        if self._written is not None:
            ident = _identity_or_none(target)
            if ident is not None:
                self._written[ident] = rel

    def _check_collision(self, rel: str, target: str) -> None:
        """Raises OutputPathError when ``target`` is a file this run wrote under another name."""
        ident = _identity_or_none(target)
        other = self._written.get(ident, rel) if self._written is not None and ident is not None else rel
        if other != rel:
            raise OutputPathError(
                f"cannot write {rel!r}: the output file system stores it on the same file as {other!r}, "
                "already written (names differing only in case or accents). "
                "Write OUT to a case-sensitive file system, or rename one of the input files."
            )

    def close(self) -> None:
        """Makes the last batch durable, renames it into place and closes the journal.

        Raises:
            OSError: the files cannot be synced or renamed, or the journal written.
        """
        self._flush()
        try:
            self._prune()
        finally:
            self._release()

    def _prune(self) -> None:
        """Removes the outputs of earlier runs that no input of this run maps to, and compacts the journal.

        OUT then holds exactly this run's outputs (and the foreign files ``--overwrite``
        left, listed in the summary). The journal is rewritten with this run's lines only,
        once the files are gone; a kill in between costs the next run only their removal.

        Raises:
            OSError: a stale output or the journal cannot be removed or written.
        """
        recorded = set(self.previous) | (set(self.journal.entries) if self.journal is not None else set())
        removed = remove_stale(self._base, self.root, sorted(recorded - self._outputs))
        if removed:
            self.notes["stale_outputs_removed"] = removed
        if self.resuming:
            self.notes["since_journal"] = since_journal(self.previous, self._inputs)
        if self.journal is not None and set(self.journal.entries) - self._outputs:
            self.journal.compact(self._outputs)

    def abort(self) -> None:
        """Removes this run's temporary files not yet renamed (after a failure or an interruption).

        Those of the pending batch, and any a worker staged that never reached this process.
        """
        for item in self._pending:
            _unlink(item.tmp)
        self._pending, self._pending_bytes = [], 0
        remove_stale_temporaries(self.root, prefix=self._prefix)
        self._release()

    def _release(self) -> None:
        if self.journal is not None:
            self.journal.close()
            self.journal = None
        if self._handle is not None:
            os.close(self._handle)
            self._handle = None

    def __del__(self) -> None:
        if getattr(self, "_handle", None) is not None:
            os.close(self._handle)


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def folds_names(folder: Path) -> bool:
    """True when ``folder``'s file system treats two spellings of a name as one file.

    Creates a probe file with a lower-case, composed (NFC) name and looks for it under
    its upper-case and decomposed (NFD) spellings (case-insensitive NTFS, APFS, HFS+).
    Errors count as "does not fold": the writes that follow will report them.
    """
    stem = f"{TMP_PREFIX}probe-{os.getpid()}-\u00e9"
    probe = folder / f"{stem}{TMP_SUFFIX}"
    try:
        probe.touch(exist_ok=False)
    except OSError:
        return False
    try:
        variants = (stem.upper() + TMP_SUFFIX.upper(), unicodedata.normalize("NFD", stem) + TMP_SUFFIX)
        return any(os.path.exists(folder / name) for name in variants)
    finally:
        try:
            probe.unlink()
        except OSError:
            pass


def _identity(path: Path | str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_dev, info.st_ino


def _identity_or_none(path: Path | str) -> tuple[int, int] | None:
    try:
        return _identity(path)
    except OSError:
        return None


def folder_sink(
    input_dir: Path,
    output_dir: Path,
    config: CleanConfig | None = None,
    *,
    resume: bool = False,
    overwrite: bool = False,
) -> FolderSink:
    """Opens the journal beside OUT and returns the folder sink that keeps it.

    Earlier runs' outputs that no input maps to are removed when the run is whole; a
    foreign file refuses a ``resume`` without ``overwrite`` (:mod:`nettoyeur.corpus.out_state`).

    Args:
        input_dir: the input folder (part of the run's fingerprint).
        output_dir: the output folder.
        config: the options (part of the fingerprint).
        resume: continue the journal of an interrupted run with the same options.
        overwrite: the run may replace files in a non-empty OUT, and leaves foreign files.

    Raises:
        InputError: there is nothing to resume, the journal belongs to another run, or
            OUT holds foreign files without ``overwrite``.
        OSError: OUT or its journal cannot be created or written.
    """
    config = config or CleanConfig()
    path = journal_path(output_dir)
    print_ = fingerprint(config, input_dir)
    previous = entries_of(path)
    foreign = foreign_files(Path(input_dir), Path(output_dir), previous)
    if foreign and resume and not overwrite and path.exists():  # without a journal: nothing to resume
        raise foreign_error(Path(output_dir), foreign)
    journal = Journal.resume(path, print_, output_dir) if resume else Journal.create(path, print_)
    try:
        sink = FolderSink(output_dir, journal)
    except BaseException:
        journal.close()
        raise
    sink.previous, sink.resuming = previous, resume
    if foreign:
        sink.notes["foreign_files_kept"] = foreign
    return sink


def _file_folder_clash(rel: str) -> OutputPathError:
    """The refusal for a document whose path is both a file and a folder of OUT ("a" and "a/b").

    Two ids of a record source (JSON Lines, an API) can name one path as a file and as the
    folder of another; a folder of input files cannot.
    """
    return OutputPathError(
        f"cannot write {rel!r}: another document's path uses it (or a folder on its way) as both a file "
        "and a folder of the output ('a' and 'a/b'). Rename one of the two records' ids, or write "
        "JSON Lines output."
    )
