"""The report line encoder as it was before the core wrote the report's lines (``_core.json_lines``).

``report_file.dumps_line`` reused one C encoder of the standard library's ``json`` for every
record and took the plain path (``json.dumps``) for what it could not write. It is the oracle
of ``tests/report/test_report.py``: the core's lines must be exactly its lines.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from nettoyeur.report.report_file import _dumps, _escape_breaks


def _line_encoder() -> Callable[[Any, int], Iterable[str]]:
    """Returns the chunks of ``json.dumps(value, ensure_ascii=False, sort_keys=True)``: ``encode(value, 0)``."""
    plain = json.JSONEncoder(ensure_ascii=False, sort_keys=True, check_circular=False)
    make = json.encoder.c_make_encoder
    if make is None:
        return lambda value, _level: plain.iterencode(value, _one_shot=True)
    return make(
        None,  # markers: no circularity check
        plain.default,
        json.encoder.encode_basestring,  # the string encoder of ensure_ascii=False
        plain.indent,
        plain.key_separator,
        plain.item_separator,
        plain.sort_keys,
        plain.skipkeys,
        plain.allow_nan,
    )


_line_chunks = _line_encoder()


def reference_line(record: dict[str, Any]) -> str:
    """Returns one JSONL line (UTF-8 text kept readable, sorted keys, no raw line separators).

    Raises:
        TypeError: the record holds a value JSON cannot write.
        ValueError: the record holds a cycle.
    """
    try:
        text = "".join(_line_chunks(record, 0))
    except (TypeError, ValueError, RecursionError):  # not JSON (or a cycle): json.dumps says why
        return _dumps(record, sort_keys=True)
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates (a file name not in UTF-8): ASCII escapes
        return _dumps(record, sort_keys=True)
    return _escape_breaks(text)
