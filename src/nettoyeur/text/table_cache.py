"""Python's answers about every character, kept in the user's cache folder between runs.

A few tables are Python's own answers over the Basic Multilingual Plane, asked one character
at a time (``str.isalnum``, ``str.lower``, ``unicodedata.decomposition`` ...): the line shapes'
table (:func:`nettoyeur.boilerplate.line_shapes.shape_table`, ~20 ms of CPU), the dedup stage's
(:func:`nettoyeur.dedup.shingle.char_table`, ~30 ms) and the repair gate's
(:mod:`nettoyeur.text.repair_gate`, ~30 ms, at import) and the combining marks of the rules' words
(:data:`nettoyeur.boilerplate.word_chars.MARKS`, ~10 ms, at import). They are the same for the same code on the
same Python, so :func:`cached_tables` writes them to a file of the user's cache folder (the folder
of :mod:`nettoyeur.boilerplate.rule_cache`) and the next process reads them back (~1-2 ms a
table), on the driver of every run (its workers inherit them through fork):

- The file's name is a hash of everything the tables depend on: the source of the module that
  builds them (an edited builder is another builder), Python's version and build, its Unicode
  tables' version, numpy's version, and what the caller adds (ftfy's pattern for the repair
  gate). The file holds that whole key again and is used only when the key is the same.
- It is written atomically (a temporary file renamed into place); a file that does not
  decompress (zlib checks its own checksum), whose header is not the shape of one, whose key
  differs, or whose arrays are not those the header names is ignored and written again. A
  cache folder that cannot be written is no error: the process builds the tables, as without
  a cache.
- At most ``CACHE_FILES`` files are kept; the oldest are removed when a new one is written.
"""

from __future__ import annotations

import hashlib
import json
import sys
import unicodedata
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from nettoyeur.boilerplate.rule_cache import cache_dir, write_cache_file

# Bumped when the file's layout changes.
CACHE_FORMAT = 1
# Files kept: the four tables, for a few Pythons or versions of the package.
CACHE_FILES = 16
_PREFIX = "tables-"

Tables = dict[str, np.ndarray]
Extra = Any  # what JSON holds


def cached_tables(
    name: str, build: Callable[[], tuple[Tables, Extra]], depends: Any = None
) -> tuple[Tables, Extra]:
    """Returns ``build()``, read from the cache folder when an earlier process built the same tables.

    Args:
        name: the tables' name (one file each).
        build: makes the tables: named numpy arrays, and anything JSON holds beside them. The
            source file of its module is part of the key.
        depends: anything else the tables depend on (JSON), part of the key.

    Returns:
        the arrays (writable copies, whatever the file) and the extra value.
    """
    folder = cache_dir()
    key = _key(name, build, depends) if folder is not None else None
    if folder is None or key is None:
        return build()
    path = folder / f"{_PREFIX}{name}-{key[:32]}.bin"
    found = _read(path, key)
    if found is not None:
        return found
    tables, extra = build()
    _write(folder, path.name, key, tables, extra)
    return tables, extra


def _key(name: str, build: Callable[..., Any], depends: Any) -> str | None:
    """The hash of everything the tables depend on, or None when the builder's source cannot be read."""
    try:
        source = Path(build.__code__.co_filename).read_bytes()
    except (OSError, AttributeError, TypeError):
        return None  # no source file (a frozen build): no cache
    what = {
        "format": CACHE_FORMAT,
        "name": name,
        "builder": [build.__qualname__, hashlib.sha256(source).hexdigest()],
        "python": sys.version,
        "unicode": unicodedata.unidata_version,
        "numpy": np.__version__,
        "depends": depends,
    }
    try:
        return hashlib.sha256(json.dumps(what, ensure_ascii=True).encode("ascii")).hexdigest()
    except (TypeError, ValueError):
        return None  # ``depends`` is not JSON: no cache


def _read(path: Path, key: str) -> tuple[Tables, Extra] | None:
    """The tables in ``path`` when the file is whole and of ``key``, else None (missing, corrupt, another key)."""
    try:
        data = zlib.decompress(path.read_bytes())
        head, _, body = data.partition(b"\n")
        header: Any = json.loads(head)
        if not isinstance(header, dict) or header.get("key") != key or not isinstance(header.get("arrays"), list):
            return None
        tables: Tables = {}
        at = 0
        for name, dtype, shape in header["arrays"]:
            kind = np.dtype(dtype)
            if kind.hasobject:
                return None
            count = int(np.prod(shape, dtype=np.int64))
            size = count * kind.itemsize
            if not isinstance(name, str) or at + size > len(body):
                return None
            tables[name] = np.frombuffer(body, dtype=kind, count=count, offset=at).reshape(shape).copy()
            at += size
        if at != len(body):
            return None
        return tables, header.get("extra")
    except (OSError, ValueError, KeyError, TypeError, zlib.error):
        return None


def _write(folder: Path, name: str, key: str, tables: Tables, extra: Extra) -> None:
    """Writes the tables to ``folder/name`` (see ``rule_cache.write_cache_file``); never raises."""
    try:
        arrays = {k: np.ascontiguousarray(v) for k, v in tables.items()}
        header = {"key": key, "arrays": [[k, v.dtype.str, list(v.shape)] for k, v in arrays.items()], "extra": extra}
        data = json.dumps(header, ensure_ascii=True).encode("ascii") + b"\n"
    except (TypeError, ValueError):
        return
    data += b"".join(a.tobytes() for a in arrays.values())
    write_cache_file(folder, name, data, _PREFIX, CACHE_FILES)


__all__ = ["CACHE_FILES", "CACHE_FORMAT", "cached_tables"]
