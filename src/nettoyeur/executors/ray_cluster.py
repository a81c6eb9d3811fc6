"""The Ray engine: the local engine's batch functions, run as Ray tasks on a cluster.

``nettoyeur clean IN OUT --engine ray`` runs the pipeline of :mod:`nettoyeur.run.streaming`
unchanged; only where its functions run differs:

* *count*, *analyse*, *write* and dedup's verification are the same functions, one Ray
  task per batch (or chunk of pairs). The state they share (the source, the options,
  the line counts, the verdicts) is put in the object store once per stage and
  deserialised once per worker process, not once per task.
* *analyse* tasks keep their results on the cluster: a batch's spilled texts become one
  object (:class:`ObjectSpill`, read back by the verification and write tasks), and its
  band keys and anchors are cut by key partition into objects
  (:func:`nettoyeur.dedup.key_partitions.split_analysis`). The driver gets the compact rest
  (about 30 bytes a paragraph: word counts, exact keys).
* *candidates*: one task per key partition takes that partition's keys from every
  batch, finds the equal keys and emits candidate pairs, each counted per band and per
  shared anchor; a second step partitioned by pair sums them (the band agreement that
  bounds the candidates per paragraph, the anchors of the containment test)
  (:func:`nettoyeur.dedup.key_partitions.counted_partitioned_candidates`).
* *clusters*: the driver's union-find while the duplicate edge list is small (one edge
  per duplicate); past ``driver_edges`` edges, large-star/small-star rounds as tasks
  (:func:`nettoyeur.dedup.star_components.cluster_edges`).
* the cleaned documents are rendered by the write tasks and written by the driver
  through the :class:`~nettoyeur.corpus.sources.Sink`, in corpus order.

Results are gathered in batch order and every decision depends on paragraph ids in
corpus order only, so the output and the report are byte-identical to the local
engine's on the same input.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import socket
import tempfile
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy as np
import ray
from ray.exceptions import RayTaskError

import nettoyeur
from nettoyeur.dedup.analysis import Candidates
from nettoyeur.dedup.analysis import counted_candidate_pairs as local_counted_candidate_pairs
from nettoyeur.dedup.key_partitions import (
    BatchKeys,
    counted_partitioned_candidates,
    partitions_for,
    split_analysis,
)
from nettoyeur.dedup.star_components import cluster_edges
from nettoyeur.errors import InputError
from nettoyeur.executors.base import regroup
from nettoyeur.run.passes import BatchAnalysis, analyse_batch

# Tasks in flight per CPU of the cluster: enough to hide a task's scheduling latency
# (~1 ms) behind the others' work, few enough that results waiting for an earlier,
# slower batch stay a few batches' worth of memory on the driver.
WINDOW = 4
# Duplicate edges the driver clusters itself. choose_keepers costs 2 to 15 us and, with
# the edge tuples, ~350 bytes per edge (measured here: 13.9M edges of dense clusters in
# 25 s; 1M edges of a sparse random graph in 15 s): up to 1M edges that is seconds and
# ~350 MB on the driver. Past that, large-star/small-star tasks find the components
# (the 13.9M edges: 5.8 s in one process) and the driver gets one (root, member) edge
# per duplicate paragraph: k copies that share a bucket give k(k-1)/2 edges, then k-1.
DRIVER_EDGES = 1_000_000
# Contexts and spill objects kept deserialised per worker process (least recently used
# first out): a stage has one context; a verification chunk reads the spills of a few
# batches.
_CONTEXT_ENTRIES = 2
_SPILL_ENTRIES = 64

_context_cache: OrderedDict[str, Any] = OrderedDict()
_spill_cache: OrderedDict[str, np.ndarray] = OrderedDict()


def _cached(cache: OrderedDict, ref: Any, size: int) -> Any:
    key = ref.hex()
    if key in cache:
        cache.move_to_end(key)
        return cache[key]
    value = ray.get(ref)
    cache[key] = value
    while len(cache) > size:
        cache.popitem(last=False)
    return value


def _context(box: list[Any]) -> Any:
    """The context of a stage's tasks; ``box`` wraps its reference so that Ray does not resolve it per task."""
    return _cached(_context_cache, box[0], _CONTEXT_ENTRIES)


class ObjectSpill:
    """A batch's spilled paragraph texts held in Ray's object store (a uint8 array).

    :class:`~nettoyeur.scratch.paragraphs.SpillTexts` reads it like a spill file: ``buffer()[offset:offset + length]``.
    """

    def __init__(self, ref: Any) -> None:
        self.ref = ref

    def buffer(self) -> np.ndarray:
        """Returns the bytes (zero-copy from the object store on the same node)."""
        return _cached(_spill_cache, self.ref, _SPILL_ENTRIES)


@ray.remote
def _map_task(fn: Callable[[Any, Any], Any], box: list[Any], task: Any) -> Any:
    return fn(_context(box), task)


@ray.remote
def _analyse_task(box: list[Any], task: Any, parts: int) -> tuple:
    with tempfile.TemporaryDirectory(prefix="nettoyeur-ray-") as tmp:
        # The driver's spill folder may not exist on this node.
        part: BatchAnalysis = analyse_batch(dataclasses.replace(_context(box), spill_dir=tmp), task)
        blob = np.fromfile(part.spill, dtype=np.uint8)
    part.analysis, counts, bands, anchors = split_analysis(part.analysis, parts)
    part.spill = ""
    return (part, blob, counts, *bands, *anchors)


@ray.remote
def _exchange_task(fn: Callable, box: list[Any], parts: int, *chunks: Any) -> Any:
    summary, outs = fn(list(chunks), _context(box))
    if parts == 0:
        return summary
    if len(outs) != parts:
        raise RuntimeError(f"{fn.__name__} returned {len(outs)} chunks for {parts} partitions")
    return (summary, *outs)


def _get(refs: Any) -> Any:
    """``ray.get`` that raises a task's own exception (an InputError stays an InputError, with its message)."""
    try:
        return ray.get(refs)
    except RayTaskError as err:
        cause = getattr(err, "cause", None)
        if isinstance(cause, BaseException):
            raise cause from None
        raise


def check_reachable(address: str | None, timeout: float = 5.0) -> None:
    """Checks that a ``host:port`` (or ``ray://host:port``) address accepts connections.

    Ray itself retries an unreachable address for minutes before it gives up; this
    answers in seconds. ``auto``, ``local`` and None are left to Ray.

    Raises:
        InputError: nothing listens at the address.
    """
    if not address or address in ("auto", "local"):
        return
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        raise InputError(f"Ray address {address!r} is not host:port (or ray://host:port, or auto).")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as err:
        raise InputError(
            f"cannot reach the Ray cluster at {address}: {err.strerror or err}. Give the address that "
            "'ray status' prints on the head node (host:6379, or ray://host:10001 for Ray Client)."
        ) from None


def default_runtime_env() -> dict[str, Any]:
    """Returns the runtime environment that ships this process's nettoyeur package to the cluster's workers.

    The workers then run the very code of the driver, whatever version the nodes have
    installed; its dependencies (numpy, ftfy, click, tqdm) must be installed on the
    nodes, or added with ``pip`` in a runtime environment of your own.
    """
    return {"py_modules": [os.path.dirname(os.path.abspath(nettoyeur.__file__))]}


class RayExecutor:
    """Runs the pipeline's stages as Ray tasks.

    Args:
        address: the cluster to join (``auto``, ``host:6379`` or ``ray://host:10001``);
            None joins the cluster of ``RAY_ADDRESS`` if set, else starts Ray here.
            If Ray is already initialised in this process, that session is used.
        runtime_env: the workers' runtime environment when joining a cluster
            (default: :func:`default_runtime_env`).
        parts: key partitions for candidate pairs (default: one per CPU of the cluster).
        driver_edges: duplicate edges clustered on the driver; more go to tasks.

    Raises:
        InputError: the cluster cannot be reached.
    """

    shares_disk = False  # tasks may run on other nodes: no file of this machine is theirs

    def __init__(
        self,
        address: str | None = None,
        runtime_env: dict[str, Any] | None = None,
        parts: int | None = None,
        driver_edges: int = DRIVER_EDGES,
    ) -> None:
        self._started = False
        if not ray.is_initialized():
            joining = address is not None or bool(os.environ.get("RAY_ADDRESS"))
            check_reachable(address or os.environ.get("RAY_ADDRESS"))
            options: dict[str, Any] = {"logging_level": logging.WARNING}
            if joining:
                options["runtime_env"] = runtime_env if runtime_env is not None else default_runtime_env()
            else:
                options["include_dashboard"] = False
                if runtime_env is not None:
                    options["runtime_env"] = runtime_env
            try:
                ray.init(address=address, **options)
            except (ConnectionError, RuntimeError, ValueError, TimeoutError) as err:
                raise InputError(
                    f"cannot reach the Ray cluster at {address or os.environ.get('RAY_ADDRESS')}: {err}. "
                    "Give the address that 'ray status' prints on the head node, or start one with 'ray start --head'."
                ) from None
            self._started = True
        self.workers = max(1, int(ray.cluster_resources().get("CPU", 1)))
        self.parts = parts if parts is not None else partitions_for(self.workers)
        self.driver_edges = driver_edges
        self._keys: BatchKeys | None = None

    def map(
        self, fn: Callable[[Any, Any], Any], tasks: Iterable[Any], context: Any = None, jobs: int = 2
    ) -> Iterator[Any]:
        """Yields ``fn(context, task)`` for each task, in task order, each task a Ray task.

        For :func:`~nettoyeur.run.passes.analyse_batch`, the batches' spilled texts and
        partitioned keys stay in the object store, for :meth:`counted_candidate_pairs`.

        Raises:
            Exception: a task's own exception (InputError, OSError ...), as raised there.
        """
        box = [ray.put(context)]
        analyse = fn is analyse_batch
        if analyse:
            self._keys = BatchKeys(self.parts)
        returns = 3 + 2 * self.parts

        def submit(task: Any) -> Any:
            if analyse:
                return _analyse_task.options(num_returns=returns).remote(box, task, self.parts)
            return _map_task.remote(fn, box, task)

        pending: deque[Any] = deque()
        it = iter(tasks)
        try:
            for task in it:
                pending.append(submit(task))
                if len(pending) >= self.workers * WINDOW:
                    break
            while pending:
                head = pending.popleft()
                result = _get(head[0] if analyse else head)
                for task in it:
                    pending.append(submit(task))
                    break
                if analyse:
                    assert self._keys is not None
                    result.spill = ObjectSpill(head[1])
                    self._keys.add(len(result.analysis), head[2], head[3 : 3 + self.parts], head[3 + self.parts :])
                yield result
        finally:
            for refs in pending:
                try:
                    ray.cancel(refs[0] if analyse else refs)
                except Exception:  # noqa: BLE001 - best effort: the task may have finished
                    pass

    def exchange(
        self, fn: Any, inputs: list[list[Any]], parts: int, params: dict[str, Any] | None = None
    ) -> tuple[list[Any], list[list[Any]]]:
        """Runs ``fn(chunks, params)`` per partition as tasks; the chunks sent on stay in the object store.

        Raises:
            Exception: a task's own exception.
        """
        box = [ray.put(params or {})]
        summaries, outs = [], []
        for chunks in inputs:
            refs = _exchange_task.options(num_returns=parts + 1).remote(fn, box, parts, *chunks)
            if parts == 0:
                summaries.append(refs)
                outs.append([])
            else:
                summaries.append(refs[0])
                outs.append(refs[1:])
        return regroup(list(zip(_get(summaries), outs)), parts)

    def put(self, value: Any) -> Any:
        """Returns a reference to ``value`` in the object store."""
        return ray.put(value)

    def counted_candidate_pairs(
        self, analysis: Any, group: np.ndarray, anchors: bool, settled: tuple[np.ndarray, np.ndarray] | None = None
    ) -> Candidates:
        """Returns :func:`nettoyeur.dedup.analysis.counted_candidate_pairs`, found by tasks per key and pair partition.

        The band agreement and shared anchors of each pair are those of the local engine,
        so :func:`~nettoyeur.dedup.analysis.bound_candidates` keeps the same pairs (see
        :func:`nettoyeur.dedup.key_partitions.counted_partitioned_candidates`).

        Raises:
            RuntimeError: the analysis did not come from this executor's analyse stage.
        """
        keys, self._keys = self._keys, None
        if keys is None:
            if analysis.band_keys.shape[1] == 0 and len(analysis.signed) > 1:
                raise RuntimeError("the band keys of this analysis are on the cluster of another run")
            return local_counted_candidate_pairs(analysis, group, anchors, settled=settled)
        if sum(keys.sizes) != len(analysis):
            raise RuntimeError("the partitioned keys do not match the analysis")
        rows = np.flatnonzero(group[analysis.signed] == analysis.signed)
        signed = analysis.signed[rows].astype(np.int64, copy=False)
        none = np.empty(0, dtype=np.uint8)
        if len(signed) < 2:
            return Candidates(signed, np.empty((0, 2), dtype=np.int64), none, none)
        first = group == np.arange(len(group))
        counts = np.concatenate(_get(keys.anchor_counts)) if anchors else None
        pairs, agreement, shared, implied = counted_partitioned_candidates(self, keys, first, anchors, counts, settled)
        return Candidates(signed, pairs, agreement, shared, implied)

    def clusters(self, edges: np.ndarray, conflicts: np.ndarray | None = None) -> np.ndarray | None:
        """Returns None (cluster on the driver) up to ``driver_edges`` edges, else edges reduced by tasks.

        See :func:`nettoyeur.dedup.star_components.cluster_edges`: star edges for each component
        without a conflict pair, the original edges of the others.
        """
        if len(edges) <= self.driver_edges:
            return None
        none = np.empty((0, 2), dtype=np.int64)
        return cluster_edges(self, edges, none if conflicts is None else conflicts, self.parts)

    def close(self) -> None:
        """Drops the objects of the last run, and stops Ray if this executor started it."""
        self._keys = None
        _spill_cache.clear()
        _context_cache.clear()
        if self._started:
            ray.shutdown()
            self._started = False
