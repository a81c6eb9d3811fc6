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
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from types import FrameType

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


@contextmanager
def worker_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool whose workers ignore SIGINT, and which cancels queued work on any error.

    ``with ProcessPoolExecutor() as pool`` waits, on an exception, for every queued task
    to finish; this one cancels them and lets only the running ones end (a fraction of
    a second), so that Ctrl-C stops the run at once.
    """
    pool = ProcessPoolExecutor(max_workers=workers, initializer=ignore_interrupts)
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


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
