"""Errors a caller can act on. The CLI maps each to a message and an exit code."""

from __future__ import annotations


class NettoyeurError(Exception):
    """Base class: something the user can fix; the message says what."""


class ConfigError(NettoyeurError, ValueError):
    """An option is out of range or inconsistent."""


class InputError(NettoyeurError):
    """The input or output location cannot be used (missing, not a folder, OUT inside IN ...)."""


class InputChangedError(InputError):
    """An input changed while the run read it (without a snapshot, a later pass reads it again).

    Unlike the other input errors it can come after files were written: those are whole,
    and ``--resume`` finishes the run once the input no longer changes.
    """


class MissingExtraError(NettoyeurError, ImportError):
    """An optional dependency is not installed; the message names the extra to install."""


class OutputPathError(InputError, ValueError):
    """A document cannot be written safely under OUT.

    Its path would leave OUT, or two names that differ only in case (or in Unicode
    normalisation) would land on one file of a file system that does not tell them apart.
    """
