"""What OUT holds besides this run's outputs: earlier runs' outputs no input maps to, and foreign files.

A file in OUT is *nettoyeur's* when the journal beside OUT records it (an earlier run
wrote it), and *mapped* when an input of this run has its path. The folder sink
(:mod:`nettoyeur.corpus.folder_writer`) removes nettoyeur's unmapped files once the run is whole
(*stale* outputs: their input was deleted, or is now skipped); any other file is
*foreign*: ``--resume`` refuses to run beside one, ``--overwrite`` leaves it and the
summary lists it. nettoyeur never deletes a file it did not write.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from nettoyeur.corpus.atomic import TMP_PREFIX, TMP_SUFFIX, target_in
from nettoyeur.corpus.folder_reader import TEXT_SUFFIXES, walk_files
from nettoyeur.corpus.journal import Entry
from nettoyeur.errors import InputError


def foreign_files(input_dir: Path, output_dir: Path, previous: dict[str, Entry]) -> list[str]:
    """Returns the files in OUT that no earlier run recorded and no input maps to (sorted, ``/``-separated).

    An input maps to ``rel`` when ``IN/rel`` is a .txt/.md file; OUT's temporary files
    (an earlier run's leftovers, cleared by the sink) are not counted.
    """
    if not output_dir.is_dir():
        return []
    found = []
    for rel, full, name in walk_files(output_dir, []):
        if rel in previous or (name.startswith(TMP_PREFIX) and name.endswith(TMP_SUFFIX)):
            continue
        mapped = name.lower().endswith(TEXT_SUFFIXES) and os.path.isfile(os.path.join(input_dir, rel))
        if not mapped and os.path.lexists(full):
            found.append(rel)
    return sorted(found)


def foreign_error(output_dir: Path, foreign: list[str]) -> InputError:
    """Returns the refusal of a ``--resume`` beside foreign files (a few named)."""
    shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5:,} more" if len(foreign) > 5 else "")
    return InputError(
        f"output folder {output_dir} holds {len(foreign):,} file(s) that no earlier run wrote and no input "
        f"maps to ({shown}): move them out of OUT, or pass --overwrite to keep them there and go on."
    )


def remove_stale(base: str, root: Path, stale: list[str]) -> list[str]:
    """Removes the stale outputs ``stale`` (relative) under ``base`` (OUT, resolved) and the folders they empty.

    A path where a folder now stands is left (not a file nettoyeur wrote).

    Returns:
        the paths removed.

    Raises:
        OSError: one cannot be removed (its filename is the path).
    """
    removed = []
    for rel in stale:
        target = target_in(base, rel, None, shown=root)
        try:
            info = os.lstat(target)
        except FileNotFoundError:
            continue
        except OSError as err:
            raise OSError(err.errno or errno.EIO, err.strerror or str(err), target) from err
        if not stat.S_ISREG(info.st_mode) and not stat.S_ISLNK(info.st_mode):
            continue
        try:
            os.unlink(target)
        except OSError as err:
            raise OSError(err.errno or errno.EIO, err.strerror or str(err), target) from err
        removed.append(rel)
        _remove_empty_parents(base, rel)
    return removed


def _remove_empty_parents(base: str, rel: str) -> None:
    """Removes the folders of ``rel`` under ``base`` that are now empty, deepest first (never ``base``)."""
    parts = rel.split("/")[:-1]
    while parts:
        try:
            os.rmdir(os.path.join(base, *parts))
        except OSError:
            return  # not empty (or gone): its parents are not empty either
        parts.pop()


def since_journal(previous: dict[str, Entry], inputs: dict[str, str]) -> dict[str, int]:
    """Returns how many of this run's inputs changed or are new, and how many are gone, since the journal.

    Args:
        previous: the journal's entries (file -> input checksum when written).
        inputs: this run's documents, file -> input checksum.
    """
    return {
        "inputs_changed": sum(1 for rel, e in previous.items() if rel in inputs and inputs[rel] != e.input),
        "inputs_new": sum(1 for rel in inputs if rel not in previous),
        "inputs_gone": sum(1 for rel in previous if rel not in inputs),
    }
