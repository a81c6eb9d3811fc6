"""Interruptions: Ctrl-C and SIGTERM stop a run quickly and cleanly.

The main process turns SIGTERM into the same ``KeyboardInterrupt`` as Ctrl-C, so both
unwind through the ``finally`` blocks that remove temporary files. Worker processes
ignore SIGINT (a Ctrl-C at a terminal reaches the whole process group, and a worker
must not print its own traceback): the main process decides, and on an interruption
the pool drops its queued work instead of finishing it. A worker whose main process
was killed outright (SIGKILL) notices it has been orphaned and exits: it would
otherwise wait forever on a queue that nobody feeds.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from types import FrameType
from typing import Any

# How often a worker checks that its main process is alive: an orphan lingers at most this long.
ORPHAN_CHECK_SECONDS = 0.5


def ignore_interrupts() -> None:
    """Worker initializer: leaves SIGINT to the main process, and exits when orphaned."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the main process's handler, inherited by fork
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(ORPHAN_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="nettoyeur-orphan-watch", daemon=True).start()


def _init_worker(initializer: Callable[..., Any] | None, initargs: tuple[Any, ...]) -> None:
    ignore_interrupts()
    if initializer is not None:
        initializer(*initargs)


@contextmanager
def worker_pool(
    workers: int, initializer: Callable[..., Any] | None = None, initargs: tuple[Any, ...] = ()
) -> Iterator[ProcessPoolExecutor]:
    """A process pool whose workers ignore SIGINT and exit when orphaned, stopped at once on any error.

    ``with ProcessPoolExecutor() as pool`` waits, on an exception, for every queued task
    to finish; this one cancels the queued tasks and terminates the workers (they only
    read the input and return results: nothing of theirs is half-written), so that
    Ctrl-C stops the run within a fraction of a second. A generator that holds the pool
    and is closed before its end (``GeneratorExit``) stops it the same way.
    """
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(initializer, initargs))
    try:
        yield pool
    except BaseException:
        stop_pool(pool)
        raise
    pool.shutdown(wait=True)


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Cancels the queued tasks of ``pool`` and terminates its workers."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        try:
            process.terminate()
        except (OSError, ValueError, AttributeError):
            pass
    for process in processes:
        try:
            process.join(timeout=5)
        except (OSError, ValueError, AttributeError, AssertionError):
            pass
    # The manager thread closes its wake-up pipe as it ends; left running, it can do so while
    # the interpreter's exit hook writes to that pipe (Python 3.11 then prints an
    # "OSError: Bad file descriptor" traceback at exit). Its workers are gone: it ends at once.
    thread = getattr(pool, "_executor_manager_thread", None)
    if thread is not None:
        thread.join(timeout=5)


def _raise_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM raises KeyboardInterrupt like Ctrl-C (main thread only)."""
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
