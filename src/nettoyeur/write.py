"""Write: the cleaned corpus, atomically.

Every file is written to a temporary name in its destination folder, flushed and
fsynced, then renamed over the final name (``os.replace`` is atomic on POSIX and
Windows). A run killed at any moment leaves either the old file or the new one under
the final name, never half of one; leftover temporary files start with ``.nettoyeur-``
and are removed by the next run.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

TMP_PREFIX = ".nettoyeur-"


def safe_target(root: Path, rel: str) -> Path:
    """Returns ``root / rel``, refusing any path that would leave ``root``.

    Raises:
        ValueError: ``rel`` is absolute or climbs out of ``root`` (``..``).
    """
    target = (root / rel).resolve()
    base = root.resolve()
    if Path(rel).is_absolute() or (target != base and base not in target.parents):
        raise ValueError(f"refusing to write {rel!r}: it would land outside {root}")
    return target


def file_mode() -> int:
    """Returns the mode a newly created file gets here: 0666 less the process umask.

    Reading the umask means setting it for an instant; writes happen on the main thread only.
    """
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: Path, data: str | bytes) -> None:
    """Writes ``data`` to ``path`` through a temporary file and a rename.

    Raises:
        OSError: the folder cannot be created or written (disk full, permission).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, file_mode())  # mkstemp makes 0600; give the mode any new file gets
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def remove_stale_temporaries(root: Path) -> int:
    """Deletes temporary files an interrupted run left under ``root``.

    Returns:
        the number of files removed.
    """
    removed = 0
    if not root.is_dir():
        return 0
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            if name.startswith(TMP_PREFIX) and name.endswith(".tmp"):
                try:
                    os.unlink(os.path.join(dirpath, name))
                    removed += 1
                except OSError:
                    pass
    return removed
