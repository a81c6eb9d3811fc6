"""Where the pipeline's stages run: processes on this machine, or tasks on a Ray cluster.

The pipeline's work is plain functions of one shard of documents or one chunk of pairs
(:func:`~nettoyeur.pipeline.count_shard`, :func:`~nettoyeur.pipeline.analyse_shard`,
:func:`~nettoyeur.pipeline.write_shard`, dedup's verification chunks). An *executor* runs
them; both engines run the same functions, so they write the same bytes:

* :class:`LocalExecutor`: a process pool (:func:`nettoyeur.parallel.ordered_map`);
  candidate pairs and clusters on this process.
* :class:`nettoyeur.engine_ray.RayExecutor`: Ray tasks; band keys and anchors stay on
  the cluster, bucketed by key partition (:mod:`nettoyeur.partitioned`), and the
  clusters of a very large duplicate edge list are found by tasks too.

An executor offers:

* ``map(fn, tasks, shared, jobs)``: ``fn(task)`` for each task, results in task order;
  the tasks read ``shared`` through :func:`nettoyeur.parallel.state`;
* ``exchange(fn, inputs, parts, params)`` and ``put(value)``: one step of a shuffle (see
  :mod:`nettoyeur.partitioned`);
* ``candidate_pairs(analysis, group, anchors)``: the dedup stage's candidates;
* ``clusters(edges, conflicts)``: duplicate edges that make the same clusters, as
  ``(root, member)`` stars wherever no conflict pair is inside a component, or None when
  the driver should cluster them itself (the edge list is small: one edge per duplicate);
* ``workers`` (processes the work is cut for) and ``close()``;
* ``shares_disk``: True when the tasks run on this machine and read and write its files
  (the run's spill folder, OUT): they then keep snapshots of the documents and spill
  band keys there, and stage the output files themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

import numpy as np

from nettoyeur import parallel
from nettoyeur.errors import ConfigError, MissingExtraError

ENGINES = ("local", "ray")


class Executor(Protocol):
    """Runs the pipeline's shard functions (see the module docstring)."""

    workers: int
    shares_disk: bool

    def map(
        self, fn: Callable[[Any], Any], tasks: Iterable[Any], shared: dict[str, Any] | None = None, jobs: int = 2
    ) -> Iterator[Any]:
        """Yields ``fn(task)`` for each task, in task order."""
        ...

    def exchange(
        self, fn: Any, inputs: list[list[Any]], parts: int, params: dict[str, Any] | None = None
    ) -> tuple[list[Any], list[list[Any]]]:
        """Runs one shuffle step (see :mod:`nettoyeur.partitioned`)."""
        ...

    def put(self, value: Any) -> Any:
        """Returns a chunk holding ``value``."""
        ...

    def candidate_pairs(self, analysis: Any, group: np.ndarray, anchors: bool) -> tuple[np.ndarray, np.ndarray]:
        """Returns ``(signed, pairs)`` as :func:`nettoyeur.dedup_analysis.candidate_pairs` does."""
        ...

    def clusters(self, edges: np.ndarray, conflicts: np.ndarray | None = None) -> np.ndarray | None:
        """Returns duplicate edges making the same clusters (stars where exact), or None to cluster on the driver."""
        ...

    def close(self) -> None:
        """Releases what the executor started."""
        ...


def _apply(task: tuple[Callable, list[Any]]) -> tuple[Any, list[Any]]:
    fn, chunks = task
    return fn(chunks, parallel.state()["params"])


def regroup(results: list[tuple[Any, list[Any]]], parts: int) -> tuple[list[Any], list[list[Any]]]:
    """Turns per-source ``(summary, outs)`` into the summaries and, per destination, the chunks sent to it."""
    summaries = [r[0] for r in results]
    received: list[list[Any]] = [[] for _ in range(parts)]
    for _, outs in results:
        for dest, chunk in enumerate(outs):
            received[dest].append(chunk)
    return summaries, received


class LocalExecutor:
    """Runs everything on this machine: a pool of ``workers`` processes (1: this process).

    Args:
        workers: processes; 0 for every core.
    """

    shares_disk = True  # the pool's processes are on this machine

    def __init__(self, workers: int = 1) -> None:
        self.workers = parallel.worker_count(workers)

    def map(
        self, fn: Callable[[Any], Any], tasks: Iterable[Any], shared: dict[str, Any] | None = None, jobs: int = 2
    ) -> Iterator[Any]:
        """Yields ``fn(task)`` for each task, in task order (one process when there is at most one job)."""
        return parallel.ordered_map(fn, tasks, self.workers if jobs > 1 else 1, shared)

    def exchange(
        self, fn: Any, inputs: list[list[Any]], parts: int, params: dict[str, Any] | None = None
    ) -> tuple[list[Any], list[list[Any]]]:
        """Runs ``fn(chunks, params)`` per partition; returns the summaries and the chunks per destination."""
        tasks = [(fn, chunks) for chunks in inputs]
        return regroup(list(self.map(_apply, tasks, {"params": params or {}}, jobs=len(tasks))), parts)

    def put(self, value: Any) -> Any:
        """Returns ``value`` (chunks are plain values here)."""
        return value

    def candidate_pairs(self, analysis: Any, group: np.ndarray, anchors: bool) -> tuple[np.ndarray, np.ndarray]:
        """Returns :func:`nettoyeur.dedup_analysis.candidate_pairs`, band by band on the workers."""
        from nettoyeur.dedup_analysis import candidate_pairs

        def mapper(fn: Callable[[Any], Any], tasks: list[Any], shared: dict[str, Any]) -> Iterator[Any]:
            return self.map(fn, tasks, shared, jobs=len(tasks))

        return candidate_pairs(analysis, group, anchors, mapper if self.workers > 1 else None)

    def counted_candidate_pairs(
        self, analysis: Any, group: np.ndarray, anchors: bool, settled: tuple[np.ndarray, np.ndarray] | None = None
    ) -> Any:
        """Returns :func:`nettoyeur.dedup_analysis.counted_candidate_pairs`, band by band on the workers."""
        from nettoyeur.dedup_analysis import counted_candidate_pairs

        def mapper(fn: Callable[[Any], Any], tasks: list[Any], shared: dict[str, Any]) -> Iterator[Any]:
            return self.map(fn, tasks, shared, jobs=len(tasks))

        return counted_candidate_pairs(analysis, group, anchors, mapper if self.workers > 1 else None, settled)

    def clusters(self, edges: np.ndarray, conflicts: np.ndarray | None = None) -> np.ndarray | None:
        """Returns None: the driver clusters (union-find in :func:`nettoyeur.cluster.choose_keepers`)."""
        return None

    def close(self) -> None:
        """Nothing to release (each map's pool ends with it)."""


def check_engine(engine: str, address: str | None = None) -> None:
    """Checks that an engine can be used, without starting it.

    Raises:
        ConfigError: an unknown engine, or an address without ``ray``.
        MissingExtraError: ``ray`` without Ray installed.
    """
    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r}: use 'local' or 'ray'.")
    if engine == "local" and address is not None:
        raise ConfigError("--address is for --engine ray: add --engine ray, or drop --address.")
    if engine == "ray":
        try:
            import nettoyeur.engine_ray  # noqa: F401
        except ImportError as err:
            raise MissingExtraError(
                f"--engine ray needs Ray, which is not installed ({err}): pip install 'nettoyeur[ray]'."
            ) from None


def make_executor(engine: str = "local", workers: int = 0, address: str | None = None) -> Executor:
    """Returns the executor of an engine.

    Args:
        engine: ``local`` (processes on this machine) or ``ray`` (a Ray cluster).
        workers: processes for ``local`` (0: every core); Ray uses the cluster's CPUs.
        address: for ``ray``, the cluster to join (``ray://host:10001``, ``host:6379``
            or ``auto``); None starts Ray on this machine unless ``RAY_ADDRESS`` is set.

    Raises:
        ConfigError: an unknown engine, or an address without ``ray``.
        MissingExtraError: ``ray`` without Ray installed.
        InputError: the Ray cluster cannot be reached.
    """
    check_engine(engine, address)
    if engine == "local":
        return LocalExecutor(workers)
    from nettoyeur.engine_ray import RayExecutor

    return RayExecutor(address=address)
