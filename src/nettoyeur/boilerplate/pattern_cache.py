"""Python's compiled rule patterns, kept in the user's cache folder between runs.

Python compiles a regular expression in two steps written in Python (``re._parser`` parses it,
``re._compiler`` makes the engine's code: a list of integers), then hands the code to the C
engine (``_sre.compile``), which checks it and makes the ``re.Pattern``. For the built-in
rules the first two steps are slow: a date rule holds the months and weekdays of some thirty
languages (up to 56,000 characters of expression), and costs 60-130 ms of CPU to compile, in
every worker process that confirms a line against it (``samples/`` compiles four rules in its
two workers, ~0.15 s of its ~1.3 s of CPU), and the two date searches of the boilerplate
signals cost ~35 ms at every start. The code is the same every time for the same expression on
the same Python, so :func:`compile_cached` writes it to a file of the user's cache folder (the
folder of :mod:`nettoyeur.boilerplate.rule_cache`) and the next process reads it back (~0.3 ms):

- The file's name is a hash of everything the code depends on: the expression and its flags,
  Python's version and build, the engine's own version (``_sre.MAGIC``, its code size) and the
  Unicode tables' version. The file holds that whole key again and is used only when the key is
  the same: another Python, another expression or a hash collision read as a miss.
- It is written atomically (a temporary file renamed into place); a file that does not
  decompress, whose header is not the shape of one, whose key differs, or whose code the C
  engine refuses (it checks every jump of the code it is given) is ignored and written again.
  A cache folder that cannot be written is no error: the process compiles, as without a cache.
- A pattern made from the stored code is the pattern ``re.compile`` makes (``re.Pattern``'s
  ``==`` compares the code itself: the tests check it on every built-in rule and on random
  expressions). Anything this module does not know (bytes, ``re.DEBUG``, a Python whose ``re``
  is laid out otherwise) goes to ``re.compile`` without a cache.
- At most ``CACHE_FILES`` patterns are kept; the oldest are removed when a new one is written.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import unicodedata
import zlib
from array import array
from pathlib import Path
from typing import Any

from nettoyeur.boilerplate.rule_cache import cache_dir, write_cache_file

try:  # Python 3.11 and later
    import _sre
    from re import _compiler as _sre_compile  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import _sre
    import sre_compile as _sre_compile  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

# Bumped when the file's layout changes.
CACHE_FORMAT = 1
# Patterns kept: the built-in rules (56) and the two date searches, with room for users' rules
# files and a few Pythons.
CACHE_FILES = 512
_PREFIX = "re-"


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Returns ``re.compile(pattern, flags)``, its code read from the cache folder when there.

    Args:
        pattern: the expression.
        flags: the flags given to ``re.compile``.

    Raises:
        re.error: the expression is not valid (nothing is cached then).
    """
    folder = cache_dir()
    key = _key(pattern, flags)
    if folder is None or key is None:
        return re.compile(pattern, flags)
    path = folder / f"{_PREFIX}{key[:32]}.bin"
    found = _read(path, key, pattern)
    if found is not None:
        return found
    header, code = _code(pattern, int(flags))
    compiled = _make(pattern, header, code)
    _write(folder, path.name, {"key": key, **header}, code)
    return compiled


def _key(pattern: str, flags: int) -> str | None:
    """The hash of everything the compiled code depends on, or None when the pattern is not for this cache."""
    if not isinstance(pattern, str) or type(flags) not in (int, re.RegexFlag) or flags & re.DEBUG:
        return None
    if not hasattr(_sre_compile, "_code") or getattr(_sre, "CODESIZE", 0) != array("I").itemsize:
        return None  # pragma: no cover - an ``re`` laid out otherwise
    what = {
        "format": CACHE_FORMAT,
        "python": sys.version,
        "implementation": sys.implementation.cache_tag,
        "engine": [_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS],
        "unicode": unicodedata.unidata_version,
        "pattern": pattern,
        "flags": int(flags),
    }
    return hashlib.sha256(json.dumps(what, ensure_ascii=True).encode("ascii")).hexdigest()


def _code(pattern: str, flags: int) -> tuple[dict[str, Any], list[int]]:
    """Python's compilation of ``pattern`` (what ``re._compiler.compile`` hands the engine): header and code.

    Raises:
        re.error: the expression is not valid.
    """
    parsed = _sre_parse.parse(pattern, flags)
    code = _sre_compile._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    header = {"flags": flags | parsed.state.flags, "groups": parsed.state.groups - 1, "groupindex": groupindex}
    header["indexgroup"] = indexgroup
    return header, list(code)


def _make(pattern: str, header: dict[str, Any], code: list[int]) -> re.Pattern[str]:
    """The engine's pattern of ``code`` (``_sre.compile`` checks the code: RuntimeError when it is not valid)."""
    return _sre.compile(
        pattern, header["flags"], code, header["groups"], header["groupindex"], tuple(header["indexgroup"])
    )


def _read(path: Path, key: str, pattern: str) -> re.Pattern[str] | None:
    """The pattern stored in ``path`` when it is whole and of ``key``, else None (missing, corrupt, another key)."""
    try:
        data = zlib.decompress(path.read_bytes())
        head, _, body = data.partition(b"\n")
        header: Any = json.loads(head)
        code = array("I")
        code.frombytes(body)
        if sys.byteorder != "little":  # pragma: no cover - stored little-endian
            code.byteswap()
        ok = (
            isinstance(header, dict)
            and header.get("key") == key
            and type(header.get("flags")) is int
            and type(header.get("groups")) is int
            and isinstance(header.get("groupindex"), dict)
            and isinstance(header.get("indexgroup"), list)
            and len(header["indexgroup"]) == header["groups"] + 1
        )
        return _make(pattern, header, code.tolist()) if ok else None
    except (OSError, ValueError, KeyError, TypeError, RuntimeError, OverflowError, zlib.error):
        return None  # (RuntimeError: the engine refused the code)


def _write(folder: Path, name: str, header: dict[str, Any], code: list[int]) -> None:
    """Writes the header and code to ``folder/name`` (see ``rule_cache.write_cache_file``); never raises."""
    try:
        body = array("I", code)
    except OverflowError:
        return
    if sys.byteorder != "little":  # pragma: no cover
        body.byteswap()
    data = json.dumps(header, ensure_ascii=True).encode("ascii") + b"\n" + body.tobytes()
    write_cache_file(folder, name, data, _PREFIX, CACHE_FILES)


__all__ = ["CACHE_FILES", "CACHE_FORMAT", "compile_cached"]
