"""Choosing an executor: ``--engine local`` (processes on this machine) or ``--engine ray`` (a Ray cluster)."""

from __future__ import annotations

from nettoyeur.errors import ConfigError, MissingExtraError
from nettoyeur.executors.base import Executor
from nettoyeur.executors.local import LocalExecutor

ENGINES = ("local", "ray")


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
            import nettoyeur.executors.ray_cluster  # noqa: F401
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
    from nettoyeur.executors.ray_cluster import RayExecutor

    return RayExecutor(address=address)
