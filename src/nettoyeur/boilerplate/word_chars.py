r"""The characters of a word for the rules' regular expressions: Python's ``\w`` and the combining marks.

Python's ``re`` reads ``\w`` as ``str.isalnum`` (and ``_``), which says no to a combining mark
(Unicode categories Mn and Mc): the vowel signs and tone marks of Thai, the vowel signs and
virama of Devanagari, Bengali, Tamil... So a rule that reads a word as ``\w+`` cut "ข่าว" (news)
after its first letter and matched no Thai or Hindi breadcrumb step (issue 13's held-out pages,
tests/data/boilerplate_scripts.json). The line shapes already read a mark as a word character
(:mod:`nettoyeur.boilerplate.line_shapes`); :data:`WORD` is the same set for a character class
of a rule (``[{WORD}'’ -]``). The native core's ``regex`` crate reads ``\w`` with the marks, and
the core's translation of a rule is made from Python's parse of it
(:mod:`nettoyeur.boilerplate.rule_regex`): both read :data:`WORD` as the same set.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from nettoyeur.text.table_cache import cached_tables

_MARK_CATEGORIES = frozenset(("Mn", "Mc"))


def is_mark(c: str) -> bool:
    """True for a combining mark (a vowel sign, a virama): a character of its word (rules and line shapes)."""
    return unicodedata.category(c) in _MARK_CATEGORIES

# Above U+1FFFF the only marks are the variation selectors U+E0100..U+E01EF (Unicode 14 and 15):
# named as a range, so that the table reads the planes below only (8 ms at import where the
# whole range took 67 ms, timeit).
_PLANES_END = 0x20000
_HIGH_MARKS = r"\U000e0100-\U000e01ef"


def mark_ranges() -> str:
    r"""Returns the combining marks (Mn, Mc) as the body of a character class: ``a-b`` ranges, escaped.

    Returns:
        The ranges, each ``\uXXXX-\uYYYY`` (or one ``\uXXXX``; ``\U`` and eight digits above
        U+FFFF), followed by the variation selectors.
    """
    ranges: list[list[int]] = []
    for code in range(0x300, _PLANES_END):
        if is_mark(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    parts = [_escape(low) if low == high else f"{_escape(low)}-{_escape(high)}" for low, high in ranges]
    return "".join(parts) + _HIGH_MARKS


def _escape(code: int) -> str:
    r"""Returns a code point's escape for a character class (``\uXXXX``, or ``\UXXXXXXXX`` above U+FFFF)."""
    return rf"\u{code:04x}" if code <= 0xFFFF else rf"\U{code:08x}"


def _marks_table() -> tuple[dict[str, Any], str]:
    """The combining marks' ranges as a cached table's extra value (no arrays)."""
    return {}, mark_ranges()


# Walking the code points costs every process ~10 ms of its start (25 ms under ``python -X
# importtime``): kept in the user's cache folder with Python's other per-character tables
# (:mod:`nettoyeur.text.table_cache`, keyed by Python's build and Unicode version; ~1 ms to read).
_cached = cached_tables("word-marks", _marks_table)[1]
MARKS = _cached if isinstance(_cached, str) else mark_ranges()
# The body of a character class that reads a word's characters: ``[{WORD}]+`` is a word.
WORD = r"\w" + MARKS
