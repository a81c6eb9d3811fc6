"""The run lock: one run at a time writes an OUT (and a report path).

A run holds an exclusive lock on ``OUT.lock`` and on ``REPORT.lock`` (beside OUT and
the report, never inside OUT, where they would be taken for corpus) from before its
first byte written (before stale temporary files are cleared, before the journal is
started) to after its summary is written; then it removes them. A second run on the
same OUT or report is refused at once (:class:`~nettoyeur.errors.InputError`, exit 2)
naming the process that holds it: its pid, host and start time, read from the lock file.

The lock is an ``flock``, which the kernel releases when its process ends, however it
ends: the lock file of a run killed with SIGKILL is *stale* (the pid it names is gone,
and nothing holds it), and the next run takes it over. A lock file is removed only by
the run holding it; a run that finds the file replaced after it locked it (the holder
removed it in between) locks the new one instead, so two runs never both hold a lock.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import socket
import time
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from nettoyeur.errors import InputError

LOCK_SUFFIX = ".lock"


def lock_path(location: Path | str) -> Path:
    """Returns the lock file of an output folder, an output file or a report: ``NAME.lock`` beside it."""
    path = Path(os.path.abspath(location))
    return path.with_name(path.name + LOCK_SUFFIX)


def _holder(fd: int) -> dict[str, Any]:
    """Returns what the lock file says about its holder (empty when unreadable)."""
    try:
        data = os.pread(fd, 4096, 0)
        info = json.loads(data)
    except (OSError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}


def describe_holder(info: dict[str, Any]) -> str:
    """Returns ``pid 123 on host h, started 2026-01-01 10:00:00 UTC`` (what is known of it)."""
    parts = []
    if "pid" in info:
        parts.append(f"pid {info['pid']}")
    if info.get("host"):
        parts.append(f"on host {info['host']}")
    text = " ".join(parts) or "an unknown process"
    if isinstance(info.get("started"), (int, float)):
        text += ", started " + time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(info["started"]))
    return text


def check_free(location: Path | str | None, what: str) -> None:
    """Refuses at once a location another live run holds (before any other check about it).

    Raises:
        InputError: another run holds its lock (the message names it).
    """
    if location is None:
        return
    path = lock_path(location)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return  # no lock file (or none we can read): the run's own lock decides
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError as err:
        if err.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            raise InputError(_in_use(what, location, _holder(fd), path)) from err
    finally:
        os.close(fd)


def _in_use(what: str, location: Path | str, info: dict[str, Any], path: Path) -> str:
    return (
        f"{what} {location} is in use by another nettoyeur run ({describe_holder(info)}; lock file {path}): "
        "wait for it to finish, or stop it, then run again."
    )


class RunLock:
    """An exclusive lock on one location, held until :meth:`release`.

    Attributes:
        path: the lock file.
        stale: what the lock file said about an earlier holder that ended without
            removing it (a killed run), or None.
    """

    def __init__(self, location: Path | str, what: str) -> None:
        """Takes the lock of ``location``.

        Args:
            location: the output folder, output file or report path.
            what: how to name it in messages ("output folder", "report").

        Raises:
            InputError: another live process holds the lock (the message names it).
            OSError: the lock file cannot be created (its filename is the lock file).
        """
        self.path = lock_path(location)
        self.what, self.location = what, location
        self.stale: dict[str, Any] | None = None
        self._fd: int | None = None
        for _ in range(100):
            fd = self._open()
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as err:
                info = _holder(fd)
                os.close(fd)
                if err.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise InputError(_in_use(what, location, info, self.path)) from err
                raise OSError(err.errno, err.strerror, str(self.path)) from err
            if not self._same_file(fd):  # its holder removed it between our open and our lock
                os.close(fd)
                continue
            previous = _holder(fd)
            if previous.get("pid") is not None:
                self.stale = previous  # nothing held it: its run ended without removing it
            self._fd = fd
            self._write_owner()
            return
        raise OSError(errno.EBUSY, "the lock file keeps being replaced", str(self.path))

    def _open(self) -> int:
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
        try:
            try:
                return os.open(self.path, flags, 0o644)
            except FileNotFoundError:  # the folder of OUT or of the report is created by the run
                self.path.parent.mkdir(parents=True, exist_ok=True)
                return os.open(self.path, flags, 0o644)
        except OSError as err:  # as OUT's own check: an I/O error naming the path (the message says where)
            raise OSError(err.errno, err.strerror, str(self.path)) from err

    def _same_file(self, fd: int) -> bool:
        try:
            on_disk = os.stat(self.path, follow_symlinks=False)
        except OSError:
            return False
        held = os.fstat(fd)
        return (held.st_dev, held.st_ino) == (on_disk.st_dev, on_disk.st_ino)

    def _write_owner(self) -> None:
        assert self._fd is not None
        owner = {"pid": os.getpid(), "host": socket.gethostname(), "started": round(time.time(), 3)}
        data = json.dumps(owner, sort_keys=True).encode() + b"\n"
        try:
            os.ftruncate(self._fd, 0)
            os.pwrite(self._fd, data, 0)
        except OSError as err:
            self.release()
            raise OSError(err.errno, err.strerror, str(self.path)) from err

    def release(self) -> None:
        """Removes the lock file and releases the lock (removal first: see the module's notes)."""
        if self._fd is None:
            return
        try:
            os.unlink(self.path)
        except OSError:
            pass
        os.close(self._fd)  # closing the last descriptor releases the flock
        self._fd = None


@contextmanager
def run_locks(locations: Iterable[tuple[Path | str | None, str]]) -> Iterator[list[RunLock]]:
    """Holds the locks of every location given (None ones are left out) for the ``with`` block.

    Locations that are one path (a report given as OUT's own lock ...) are locked once;
    they are locked in a fixed order (sorted lock paths), so that two runs asking for
    the same two never wait on each other.

    Raises:
        InputError: another run holds one of them (the locks already taken are released).
        OSError: a lock file cannot be created.
    """
    wanted: dict[Path, tuple[Path | str, str]] = {}
    for location, what in locations:
        if location is not None:
            wanted.setdefault(lock_path(location), (location, what))
    with ExitStack() as stack:
        held = []
        for path in sorted(wanted):
            lock = RunLock(*wanted[path])
            stack.callback(lock.release)
            held.append(lock)
        yield held


@contextmanager
def locked_run(output: Path | str | None, report: Path | str) -> Iterator[list[RunLock]]:
    """Holds the locks of a run's OUT (None: a dry run) and report; clears its temporaries on an interruption.

    An interruption that lands between the creation of a temporary file and the ``try``
    that removes it on error could leave one: they are removed here, while the locks
    are still held, so that no other run's temporary files are ever touched (a second
    Ctrl-C restarts the clearing rather than cutting it short).

    Raises:
        InputError: another run holds OUT or the report.
        OSError: a lock file cannot be created.
    """
    from nettoyeur.corpus.atomic import remove_stale_temporaries, temporary_prefix
    from nettoyeur.corpus.journal import journal_path
    from nettoyeur.report.report_file import checksums_path, summary_path

    with run_locks([(output, "output"), (report, "report")]) as held:
        try:
            yield held
        except KeyboardInterrupt:
            folder = output is not None and Path(output).is_dir()
            singles = [Path(report), summary_path(Path(report)), checksums_path(Path(report))]
            if output is not None:  # a folder's journal, or a one-file output itself
                singles.append(journal_path(Path(output)) if folder else Path(output))
            while True:
                try:
                    if folder:
                        remove_stale_temporaries(Path(output))  # type: ignore[arg-type]
                    for path in singles:
                        parent = Path(os.path.abspath(path)).parent
                        remove_stale_temporaries(parent, recursive=False, prefix=temporary_prefix(path))
                    break
                except KeyboardInterrupt:
                    continue
            raise
