"""Where the pipeline's stages run: processes on this machine, or tasks on a Ray cluster.

The pipeline's work is plain functions of one batch of documents or one chunk of pairs
(:func:`~nettoyeur.run.streaming.count_batch`, :func:`~nettoyeur.run.streaming.analyse_batch`,
:func:`~nettoyeur.run.streaming.write_batch`, dedup's verification chunks). An *executor* runs
them; both engines run the same functions, so they write the same bytes:

* :class:`LocalExecutor`: a process pool (:func:`nettoyeur.executors.process_pool.ordered_map`);
  candidate pairs and clusters on this process.
* :class:`nettoyeur.executors.ray_cluster.RayExecutor`: Ray tasks; band keys and anchors stay on
  the cluster, bucketed by key partition (:mod:`nettoyeur.dedup.key_partitions`), and the
  clusters of a very large duplicate edge list are found by tasks too.

An executor offers:

* ``map(fn, tasks, context, jobs)``: ``fn(context, task)`` for each task, results in task
  order; ``context`` (read-only, a frozen dataclass) is sent once per worker, not per task;
* ``exchange(fn, inputs, parts, params)`` and ``put(value)``: one step of a shuffle (see
  :mod:`nettoyeur.dedup.key_partitions`);
* optionally, ``counted_candidate_pairs(analysis, group, anchors, settled)``: the dedup
  stage's candidates found the executor's own way (Ray: by key partition, on the cluster);
  without it, the dedup stage runs its band tasks through ``map``;
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


class Executor(Protocol):
    """Runs the pipeline's batch functions (see the module docstring)."""

    workers: int
    shares_disk: bool

    def map(
        self, fn: Callable[[Any, Any], Any], tasks: Iterable[Any], context: Any = None, jobs: int = 2
    ) -> Iterator[Any]:
        """Yields ``fn(context, task)`` for each task, in task order."""
        ...

    def exchange(
        self, fn: Any, inputs: list[list[Any]], parts: int, params: dict[str, Any] | None = None
    ) -> tuple[list[Any], list[list[Any]]]:
        """Runs one shuffle step (see :mod:`nettoyeur.dedup.key_partitions`)."""
        ...

    def put(self, value: Any) -> Any:
        """Returns a chunk holding ``value``."""
        ...

    def clusters(self, edges: np.ndarray, conflicts: np.ndarray | None = None) -> np.ndarray | None:
        """Returns duplicate edges making the same clusters (stars where exact), or None to cluster on the driver."""
        ...

    def close(self) -> None:
        """Releases what the executor started."""
        ...


def regroup(results: list[tuple[Any, list[Any]]], parts: int) -> tuple[list[Any], list[list[Any]]]:
    """Turns per-source ``(summary, outs)`` into the summaries and, per destination, the chunks sent to it."""
    summaries = [r[0] for r in results]
    received: list[list[Any]] = [[] for _ in range(parts)]
    for _, outs in results:
        for dest, chunk in enumerate(outs):
            received[dest].append(chunk)
    return summaries, received
