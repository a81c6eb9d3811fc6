"""The tables every process of a run reads, built once on the driver before its workers fork.

Each of these is made on first use and kept for the life of the process: Python's character
table of the line shapes (:func:`nettoyeur.boilerplate.line_shapes.shapes_core`, ~20 ms), the
dedup stage's character table (:func:`nettoyeur.dedup.shingle.char_table`, ~30 ms) and the
MinHash permutations (:func:`nettoyeur.dedup.minhash.permutations`, which imports
``numpy.random``, ~6 ms). Made lazily, each worker of each pool made them again: a clean with
two workers forks a pool per pass (count, analyse, re-mark, write), so ``samples/`` built the
shape table five times and the dedup table twice. Built here first, every worker inherits them
through fork (they are never written after, so the pages stay shared); an executor whose
workers do not fork (Ray) makes them on first use, as before.
"""

from __future__ import annotations

from nettoyeur.boilerplate.line_shapes import shapes_core
from nettoyeur.config import CleanConfig
from nettoyeur.dedup.minhash import permutations
from nettoyeur.dedup.shingle import char_table


def warm_tables(config: CleanConfig) -> None:
    """Builds, in this process, the per-process tables that a run with ``config`` reads.

    Args:
        config: the run's options (the line shapes only with boilerplate removal; the MinHash
            permutations of its ``num_perm`` and ``seed``).
    """
    if config.boilerplate:
        shapes_core()
    char_table()
    permutations(config.num_perm, config.seed)
