"""The local executor: a pool of processes on this machine (:mod:`nettoyeur.executors.process_pool`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy as np

from nettoyeur.executors import process_pool
from nettoyeur.executors.base import regroup


def _apply(params: dict[str, Any], task: tuple[Callable, list[Any]]) -> tuple[Any, list[Any]]:
    fn, chunks = task
    return fn(chunks, params)


class LocalExecutor:
    """Runs everything on this machine: a pool of ``workers`` processes (1: this process).

    Args:
        workers: processes; 0 for every core.
    """

    shares_disk = True  # the pool's processes are on this machine

    def __init__(self, workers: int = 1) -> None:
        self.workers = process_pool.worker_count(workers)

    def map(
        self, fn: Callable[[Any, Any], Any], tasks: Iterable[Any], context: Any = None, jobs: int = 2
    ) -> Iterator[Any]:
        """Yields ``fn(context, task)`` for each task, in task order (one process when there is at most one job)."""
        return process_pool.ordered_map(fn, tasks, self.workers if jobs > 1 else 1, context)

    def exchange(
        self, fn: Any, inputs: list[list[Any]], parts: int, params: dict[str, Any] | None = None
    ) -> tuple[list[Any], list[list[Any]]]:
        """Runs ``fn(chunks, params)`` per partition; returns the summaries and the chunks per destination."""
        tasks = [(fn, chunks) for chunks in inputs]
        return regroup(list(self.map(_apply, tasks, params or {}, jobs=len(tasks))), parts)

    def put(self, value: Any) -> Any:
        """Returns ``value`` (chunks are plain values here)."""
        return value

    def clusters(self, edges: np.ndarray, conflicts: np.ndarray | None = None) -> np.ndarray | None:
        """Returns None: the driver clusters (union-find in :func:`nettoyeur.dedup.cluster.choose_keepers`)."""
        return None

    def close(self) -> None:
        """Nothing to release (each map's pool ends with it)."""
