"""Write: single files atomically (the report, the summary, the journal), and safe output paths.

:func:`write_atomic` writes to a temporary name in the destination folder, flushes and
fsyncs it, then renames it over the final name (``os.replace`` is atomic on POSIX and
Windows). A run killed at any moment (SIGKILL included) leaves either the old file or
the new one under the final name, never half of one. Leftover temporary files start
with ``.nettoyeur-`` and end with ``.tmp``; the next run removes them. An error (disk
full, permission denied) or an interruption (Ctrl-C) while a file is written removes
its temporary file before the error goes on, and the error names the final path. The
corpus itself goes through :class:`nettoyeur.corpus.folder_writer.FolderSink`, which renames files
in batches after one ``os.sync()`` instead of one fsync per file.

:func:`safe_target` / :func:`target_in` refuse any output path that would leave OUT.
"""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from nettoyeur.errors import OutputPathError

TMP_PREFIX = ".nettoyeur-"
TMP_SUFFIX = ".tmp"

_TEMP_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def safe_target(root: Path, rel: str, checked: set[str] | None = None) -> Path:
    """Returns the path under ``root`` where the document ``rel`` goes.

    ``rel`` must be a relative path of plain names: no absolute path, no ``..``, no
    empty or ``.`` component, no NUL, and no folder on the way that is a symbolic link
    leading out of ``root`` (an OUT reused with ``--overwrite`` may hold one). The last
    component may be an existing symbolic link: the rename replaces the link itself,
    never the file it points to.

    Args:
        root: the output folder.
        rel: the document's relative path, ``/``-separated.
        checked: folders (relative) already found safe by earlier calls; a cache that
            saves resolving the same folder for each of its files.

    Raises:
        OutputPathError: ``rel`` would land outside ``root``.
    """
    return Path(target_in(os.path.realpath(root), rel, checked, shown=root))


def target_in(base: str, rel: str, checked: set[str] | None = None, *, shown: Path | str | None = None) -> str:
    """:func:`safe_target` for a ``base`` folder already resolved (``os.path.realpath``); returns a string.

    Raises:
        OutputPathError: ``rel`` would land outside ``base``.
    """
    if not _plain(rel):
        raise OutputPathError(f"refusing to write {rel!r}: it is not a plain relative path inside {shown or base}")
    folder = rel.rpartition("/")[0]
    if folder and (checked is None or folder not in checked):
        parent = os.path.realpath(os.path.join(base, *folder.split("/")))
        if os.path.commonpath([base, parent]) != base:
            raise OutputPathError(
                f"refusing to write {rel!r}: a folder on its way is a symbolic link leading out of "
                f"{shown or base}; remove the link or choose an empty output folder."
            )
        if checked is not None:
            checked.add(folder)
    if _POSIX:  # os.path.join(base, *rel.split("/")) of plain names: ``rel`` after one separator
        return base + rel if base.endswith("/") else base + "/" + rel
    return os.path.join(base, *rel.split("/"))


# "/" alone separates a path's names here (not Windows): a plain path is told by its substrings.
_POSIX = os.sep == "/" and os.altsep is None


def _plain(rel: str) -> bool:
    """Whether ``rel`` is a relative path of plain names, ``/``-separated (see :func:`safe_target`).

    :func:`target_in` runs twice for each output file (staged on a worker, renamed by the main
    process): on POSIX, a path without a name that is empty or starts with a dot is told by four
    substring tests, without splitting it (6.6 -> 2.6 us a call on c300's paths, loaded machine);
    a name starting with a dot (``.x`` is plain, ``..`` is not) is split and checked name by name.
    """
    if not rel or "\x00" in rel:
        return False
    if _POSIX and rel[0] != "/" and rel[-1] != "/" and "//" not in rel and "/." not in "/" + rel:
        return True
    parts = rel.split("/")
    return not (
        os.path.isabs(rel)
        or any(part in ("", ".", "..") for part in parts)
        or (os.sep != "/" and any(os.sep in part or (os.altsep and os.altsep in part) for part in parts))
    )


def file_mode() -> int:
    """Returns the mode a newly created file gets here: 0666 less the process umask.

    Reading the umask means setting it for an instant; writes happen on the main thread only.
    """
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _named(err: OSError, path: Path | str) -> OSError:
    """Returns ``err`` as an OSError of the same errno whose filename is ``path``."""
    if err.filename == str(path):
        return err
    return OSError(err.errno or errno.EIO, err.strerror or str(err), str(path))


@contextmanager
def named_errors(path: Path | str) -> Iterator[None]:
    """Gives an OSError raised in the block without a file name (a buffered write's, a close's) ``path``.

    The error messages name the file and the location it lies in (OUT, the report,
    TMPDIR, the index); a write error's own filename is empty.

    Raises:
        OSError: as raised in the block, named.
    """
    try:
        yield
    except OSError as err:
        if getattr(err, "filename", None):
            raise
        raise _named(err, path) from err


def create_temp(folder: str, prefix: str, first: str | None = None) -> tuple[int, str]:
    """Creates a new temporary file in ``folder`` with the mode a plain ``open()`` gives (umask applies).

    Args:
        folder: where.
        prefix: the start of its name (random hex digits follow).
        first: the part after ``prefix`` to try first (a caller that makes unique names
            itself saves the random bytes' system call); taken, random names are tried.

    Raises:
        OSError: the folder cannot be written (FileNotFoundError when it does not exist).
    """
    if first is not None:
        name = os.path.join(folder, f"{prefix}{first}{TMP_SUFFIX}")
        try:
            return os.open(name, _TEMP_FLAGS, 0o666), name
        except FileExistsError:
            pass
    for _ in range(100):
        name = os.path.join(folder, f"{prefix}{secrets.token_hex(8)}{TMP_SUFFIX}")
        try:
            return os.open(name, _TEMP_FLAGS, 0o666), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", folder)


def write_all(fd: int, data: bytes) -> None:
    """Writes all of ``data`` to the open file ``fd`` (one ``os.write`` may write less than asked).

    Raises:
        OSError: the write failed (disk full, file too large).
    """
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


@contextmanager
def atomic_writer(path: Path | str, *, clear_stale: bool = False, fsync: bool = True) -> Iterator[BinaryIO]:
    """Opens a temporary file beside ``path`` for writing; renames it over ``path`` on success.

    On any exception (including KeyboardInterrupt) the temporary file is removed and
    ``path`` is left as it was. Missing folders on the way are created.

    Args:
        path: the final name.
        clear_stale: first remove the temporary files a killed run left for ``path``
            (for single files such as the report: it lists the folder).
        fsync: flush the data to the disk before the rename, so that a power cut
            cannot leave an empty file under the final name (a killed process never
            can: the rename happens only after the last byte is written).

    Raises:
        OSError: the folder cannot be created or written (disk full, permission);
            its filename is ``path``.
    """
    path = os.fspath(path)
    folder = os.path.dirname(path) or "."
    prefix = temporary_prefix(path) if clear_stale else TMP_PREFIX
    try:
        if clear_stale:
            remove_stale_temporaries(Path(folder), recursive=False, prefix=prefix)
        try:
            fd, tmp = create_temp(folder, prefix)
        except FileNotFoundError:
            os.makedirs(folder, exist_ok=True)
            fd, tmp = create_temp(folder, prefix)
    except OSError as err:
        raise _named(err, path) from err
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            if fsync:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as err:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(err, OSError):
            raise _named(err, path) from err
        raise


def temporary_prefix(path: Path | str) -> str:
    """Returns the prefix of the temporary names of a single file written with ``clear_stale``.

    It carries a digest of the file's name, so that clearing them never touches the
    temporary file of another target in the same folder.
    """
    return TMP_PREFIX + hashlib.sha1(os.fsencode(os.path.basename(path))).hexdigest()[:12] + "-"


def clear_temporaries(output_dir: Path | str, single_files: Iterable[Path | str] = ()) -> int:
    """Removes what an interrupted run may have left: temporary files in OUT and beside ``single_files``.

    An interruption that lands between the creation of a temporary file and the
    ``try`` that removes it on error could leave one; the CLI calls this after catching
    the interruption.

    Returns:
        the number of files removed.
    """
    removed = remove_stale_temporaries(Path(output_dir))
    for path in single_files:
        folder = os.path.dirname(os.fspath(path)) or "."
        removed += remove_stale_temporaries(Path(folder), recursive=False, prefix=temporary_prefix(path))
    return removed


def write_atomic(path: Path | str, data: str | bytes, *, clear_stale: bool = False, fsync: bool = True) -> None:
    """Writes ``data`` (UTF-8 when text) to ``path`` through a temporary file and a rename.

    Args:
        path: the final name.
        data: the content.
        clear_stale: see :func:`atomic_writer`.
        fsync: see :func:`atomic_writer`.

    Raises:
        OSError: the folder cannot be created or written (disk full, permission);
            its filename is ``path``.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_writer(path, clear_stale=clear_stale, fsync=fsync) as handle:
        handle.write(payload)


def check_writable(folder: Path) -> None:
    """Creates and removes a temporary file in ``folder``, so that a read-only OUT fails first.

    Raises:
        OSError: the folder cannot be written; its filename is ``folder``.
    """
    try:
        fd, tmp = create_temp(os.fspath(folder), TMP_PREFIX)
        os.close(fd)
        os.unlink(tmp)
    except OSError as err:
        raise _named(err, folder) from err


def check_run_writable(report: Path | str) -> None:
    """Checks, before the first pass, that the report's folder and the temporary folder (TMPDIR) can be written.

    A missing report folder is created by the run: its nearest existing parent is checked.
    TMPDIR, when set, is checked as given (Python would otherwise fall back to another
    folder without a word).

    Raises:
        OSError: one of them cannot be written; its filename is that folder (the CLI's
            message says which location it is, as for OUT).
    """
    folder = Path(os.path.abspath(report)).parent
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    check_writable(folder)
    check_writable(Path(os.environ.get("TMPDIR") or tempfile.gettempdir()))


def remove_stale_temporaries(root: Path, *, recursive: bool = True, prefix: str = TMP_PREFIX) -> int:
    """Deletes temporary files an interrupted run left under ``root``.

    Args:
        root: the folder to clear.
        recursive: also clear its subfolders.
        prefix: only names starting with this (and ending with ``.tmp``) are removed.

    Returns:
        the number of files removed (folders that cannot be listed are left alone).
    """
    removed = 0
    if recursive:
        walk: Iterable[tuple[str, list[str], list[str]]] = os.walk(root)  # unreadable folders are skipped
    else:
        try:
            walk = [(str(root), [], os.listdir(root))]
        except OSError:
            return 0
    for dirpath, _dirs, files in walk:
        for name in files:
            if name.startswith(prefix) and name.endswith(TMP_SUFFIX):
                try:
                    os.unlink(os.path.join(dirpath, name))
                    removed += 1
                except OSError:
                    pass
    return removed
