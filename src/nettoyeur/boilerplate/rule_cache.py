r"""The rules' translation for the native core, kept in the user's cache folder between runs.

Translating the pattern rules (:func:`nettoyeur.boilerplate.rule_regex.core_regex` over
Python's parse of each pattern, and :func:`~nettoyeur.boilerplate.rule_regex.lower_table`
over every code point) costs ~0.25 s of CPU at the start of every run for the built-in rules,
and gives the same answer every time for the same rules on the same Python. So the answer is
written to a file of the user's cache folder and read back by the next run (~5 ms):

- Its name is a hash of everything the answer depends on: the rules' patterns and flags, this
  package's version, the translator's own source (an edited ``rule_regex.py`` is another
  translator), Python's version and its Unicode tables' version. The file holds that whole key
  again, and is used only when the key is the same: another version, other rules or a hash
  collision read as a miss.
- It is written atomically (a temporary file renamed into place), so a run never reads half a
  file; a file that does not decompress or parse, or whose content is not the shape of an
  answer, is ignored (and written again). A cache folder that cannot be written is no error:
  the run translates, as without a cache.
- The date search's exact translation (:func:`translate_search`, ``rule_regex.search_regex``:
  ~0.23 s) is kept the same way, in files of its own (``search-*.bin``).
- At most ``CACHE_FILES`` translations are kept (a user with rules files of their own makes one
  each); the oldest are removed when a new one is written.

The folder is ``$NETTOYEUR_CACHE_DIR`` when set (empty: no cache at all), else
``$XDG_CACHE_HOME/nettoyeur``, else ``~/.cache/nettoyeur`` (``%LOCALAPPDATA%\nettoyeur\cache`` on
Windows).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import threading
import unicodedata
import zlib
from pathlib import Path
from typing import Any

from nettoyeur import __version__
from nettoyeur.boilerplate import rule_regex
from nettoyeur.boilerplate.rule_regex import core_regex, lower_table, search_regex

# Bumped when the file's layout changes.
CACHE_FORMAT = 1
# Translations kept: the built-in rules alone, and with a few users' rules files in front.
CACHE_FILES = 8

LowerTable = tuple[list[int], list[int], list[int]]


def cache_dir() -> Path | None:
    """Returns the folder of the cached translations, or None when caching is off (``NETTOYEUR_CACHE_DIR=``)."""
    chosen = os.environ.get("NETTOYEUR_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "nettoyeur" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "nettoyeur"


def translate(sources: list[tuple[str, int]]) -> tuple[LowerTable, list[str | None]]:
    """Returns the core's lower-case table and each pattern's translation, read from the cache when there.

    Args:
        sources: each rule's ``(pattern, flags)`` (``Pattern.pattern``, ``Pattern.flags``).

    Raises:
        Untranslatable: this Python has no ``_sre`` case tables (nothing is cached then).
    """
    folder = cache_dir()
    key = _key(sources) if folder is not None else None
    if folder is not None and key is not None:
        found = _read(folder / f"rules-{key[:32]}.bin", key, len(sources))
        if found is not None:
            return found
    lower = lower_table()
    patterns = [core_regex(pattern, flags) for pattern, flags in sources]
    if folder is not None and key is not None:
        _write(folder, f"rules-{key[:32]}.bin", {"key": key, "lower": lower, "patterns": patterns})
    return lower, patterns


def translate_search(pattern: str, flags: int) -> str:
    """Returns the core's exact search pattern of a Python pattern (``rule_regex.search_regex``), cached.

    Raises:
        Untranslatable: the pattern has no exact translation, or this Python no ``_sre`` case tables.
    """
    folder = cache_dir()
    key = _key([(pattern, flags)], "search") if folder is not None else None
    if folder is not None and key is not None:
        try:
            data: Any = json.loads(zlib.decompress((folder / f"search-{key[:32]}.bin").read_bytes()))
            if data["key"] == key and isinstance(data["pattern"], str):
                return str(data["pattern"])
        except (OSError, ValueError, KeyError, TypeError, zlib.error):
            pass  # missing, corrupt or another key: translated again
    found = search_regex(pattern, flags)
    if folder is not None and key is not None:
        data = json.dumps({"key": key, "pattern": found}).encode("utf-8")
        write_cache_file(folder, f"search-{key[:32]}.bin", data, "search-", CACHE_FILES)
    return found


def _key(sources: list[tuple[str, int]], what: str = "rules") -> str | None:
    """The hash of everything a translation depends on, or None when the translator's source cannot be read.

    ``what``: ``"rules"`` (the rules' patterns, :func:`translate`) or ``"search"`` (:func:`translate_search`).
    """
    try:
        translator = Path(rule_regex.__file__).read_bytes()
    except (OSError, TypeError):
        return None  # no source file (a frozen build): no cache
    if any(not isinstance(p, str) for p, _ in sources):
        return None
    key = {
        "what": what,
        "format": CACHE_FORMAT,
        "version": __version__,
        "translator": hashlib.sha256(translator).hexdigest(),
        "python": sys.version,
        "unicode": unicodedata.unidata_version,
        "rules": [[p, int(f)] for p, f in sources],
    }
    return hashlib.sha256(json.dumps(key, ensure_ascii=True).encode("ascii")).hexdigest()


def _read(path: Path, key: str, count: int) -> tuple[LowerTable, list[str | None]] | None:
    """The translation in ``path`` when it is whole and of ``key``, else None (missing, corrupt, another key)."""
    try:
        data: Any = json.loads(zlib.decompress(path.read_bytes()))
        lower, patterns = data["lower"], data["patterns"]
        ok = (
            data["key"] == key
            and isinstance(patterns, list)
            and len(patterns) == count
            and all(p is None or isinstance(p, str) for p in patterns)
            and isinstance(lower, list)
            and len(lower) == 3
            and all(isinstance(col, list) and all(type(c) is int for c in col) for col in lower)
            and len(lower[0]) == len(lower[1])
        )
    except (OSError, ValueError, KeyError, TypeError, zlib.error):
        return None
    return ((lower[0], lower[1], lower[2]), patterns) if ok else None


def _write(folder: Path, name: str, data: dict[str, Any]) -> None:
    """Writes ``data`` to ``folder/name`` (see ``write_cache_file``); never raises."""
    write_cache_file(folder, name, json.dumps(data).encode("utf-8"), "rules-", CACHE_FILES)


def write_cache_file(folder: Path, name: str, data: bytes, prefix: str, keep: int) -> None:
    """Writes ``data`` compressed to ``folder/name`` atomically; keeps the newest ``keep`` ``prefix*.bin`` files.

    Never raises: a cache that cannot be written is only slower.

    The one writer of the user's cache folder: the rules' translation, Python's compiled patterns
    (``pattern_cache``) and the character tables (``text/table_cache``).
    """
    tmp = folder / f".{name}.{os.getpid()}.{threading.get_ident()}.tmp"  # one a writer
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(zlib.compress(data, 6))
        os.replace(tmp, folder / name)
        kept = sorted(folder.glob(f"{prefix}*.bin"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[keep:]:
            old.unlink()
    except OSError:
        try:
            tmp.unlink()
        except OSError:
            pass


__all__ = ["CACHE_FILES", "CACHE_FORMAT", "cache_dir", "translate", "translate_search", "write_cache_file"]
