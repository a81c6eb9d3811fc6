r"""The pattern rules as the native core's regular expressions: a superset of each rule's lines.

The core (:class:`nettoyeur._core.RuleSet`) answers, for a batch of lines, which rules *can*
match each one; :class:`nettoyeur.boilerplate.line_shapes.RuleMatcher` then confirms those
candidates with the rule's own :meth:`~nettoyeur.boilerplate.rules.Rule.matches`. The verdicts
are Python's as long as every line a rule matches is a candidate of that rule, so each rule is
translated into a Rust regular expression that matches a *superset* of the lines its Python
pattern fullmatches. The translation works on Python's own parse of the pattern
(``re._parser``), node by node:

- The core matches the line as it is, and the translated pattern has no case-insensitive
  flag and no class of Rust's own: every single-character node (a literal, ``.``, a class,
  ``\w`` ...) becomes the explicit set of the characters Python's node accepts, under its
  own flags. That set is exact: a character that takes part in no case mapping is accepted
  exactly when the node's items name it (categories from Python's own tables); the ~3,000
  that do (:func:`_cased`) are each asked of Python's own compiled node. So a line Python
  fullmatches has, at each position, a character in the set of the node that read it: the
  translated pattern matches it. A case-sensitive node stays case-sensitive: the capital
  that opens a ``‹name›`` is asked of the line. (Until this round the line was matched
  lower-cased, which lost that capital: on the 300,000-paragraph benchmark corpus, "By X staff, 1
  March 2024"-like lines made 3,327 false candidates of the ``by-name`` rule a clean, each
  refused by Python at ~26 us.)
- Assertions (lookahead, lookbehind, ``\b``, ``^``, ``$``) only restrict a match: they become
  the empty pattern. Possessive and lazy repeats and atomic groups match a subset of the lines
  of the greedy repeat and the plain group they become. A back reference becomes its group's
  pattern again (the text it repeats is one its group matches; read case-insensitively, each
  of its characters closed under case: :func:`_folded`), ``(?(1)a|b)``
  becomes ``(?:a|b)``, and a repeat of more than ``REPEAT_CAP`` becomes unbounded.
- Anything else (an opcode this module does not know, a Python without ``_sre``'s case
  tables) leaves the rule untranslated: the core names it a candidate of every line that fits
  its word limit and needles (Python decides).

Marking's date search needs no superset but the same answer: :func:`search_regex` translates a
pattern for ``re.search`` exactly (its edge lookarounds read by hand, everything that is not
exact refused), and the core's answer is the answer (``rules.date_search``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import numpy as np

try:  # Python 3.11+
    from re import _compiler, _constants, _parser  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_constants as _constants  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

try:
    from _sre import unicode_iscased, unicode_tolower
except ImportError:  # not CPython's re: no rule is translated (Python decides every line)
    unicode_iscased = unicode_tolower = None  # type: ignore[assignment]

# A repeat whose upper bound is above this is made unbounded (its lower bound capped to it): each
# copy of a repeated node is a copy of its automaton, and ``.{0,120}`` as ``.*`` still holds
# every line the rule reads; the bounded repeats of the built-in rules (``\d{1,4}``, names of
# ``{0,4}`` words) stay exact.
REPEAT_CAP = 16

_UNICODE_MAX = 0x10FFFF
_SURROGATES = (0xD800, 0xDFFF)


class Untranslatable(Exception):
    """A pattern the translation does not handle: its rule is a candidate of every line."""


# --- sets of code points, as sorted lists of disjoint inclusive ranges ----------------------


def _merge(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Returns the union of some ranges, sorted, disjoint and not touching."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _complement(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Returns the code points (0 to U+10FFFF) outside ``ranges`` (merged)."""
    out, at = [], 0
    for lo, hi in ranges:
        if lo > at:
            out.append((at, lo - 1))
        at = hi + 1
    if at <= _UNICODE_MAX:
        out.append((at, _UNICODE_MAX))
    return out


def _difference(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Returns ``a`` without ``b`` (both merged)."""
    return _intersection(a, _complement(b))


def _intersection(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Returns the code points in both ``a`` and ``b`` (both merged)."""
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if lo <= hi:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def _inside(code: int, ranges: list[tuple[int, int]]) -> bool:
    """True when ``code`` is in ``ranges`` (merged)."""
    k = bisect_right(ranges, (code, _UNICODE_MAX + 1)) - 1
    return k >= 0 and ranges[k][0] <= code <= ranges[k][1]


def _points(codes: Iterable[int]) -> list[tuple[int, int]]:
    """Returns the set of some code points as ranges."""
    return _merge((c, c) for c in codes)


# --- Python's tables, built once per process -------------------------------------------------


def _string_of(ranges: Iterable[tuple[int, int]]) -> str:
    """Returns the code points of some ranges, the surrogates left out, in order, as one string."""
    parts = [
        np.arange(a, b + 1, dtype=np.uint32)
        for lo, hi in ranges
        for a, b in ((lo, min(hi, _SURROGATES[0] - 1)), (max(lo, _SURROGATES[1] + 1), hi))
        if a <= b
    ]
    codes = np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint32)
    return codes.astype("<u4").tobytes().decode("utf-32-le")


# Python's tables are read this many code points at a time: the string of every code point at once
# (4.4 MB, and the arrays it is made from) raised a process's peak memory by 17 MB.
TABLE_BLOCK = 0x10000


def _blocks() -> Iterable[tuple[int, str]]:
    """Yields every code point but the surrogates, ``TABLE_BLOCK`` at a time: ``(first code point, string)``."""
    for start in range(0, _UNICODE_MAX + 1, TABLE_BLOCK):
        end = start + TABLE_BLOCK - 1
        for lo, hi in ((start, min(end, _SURROGATES[0] - 1)), (max(start, _SURROGATES[1] + 1), end)):
            if lo <= hi:
                yield lo, _string_of([(lo, hi)])


@lru_cache(maxsize=1)
def _unicode_categories() -> dict[str, list[tuple[int, int]]]:
    r"""Returns the code points Python's ``\w``, ``\d`` and ``\s`` match (~40 ms: a pass over every character each)."""
    found: dict[str, list[tuple[int, int]]] = {r"\w": [], r"\d": [], r"\s": []}
    for first, block in _blocks():
        for name, ranges in found.items():
            ranges.extend((first + m.start(), first + m.end() - 1) for m in re.finditer(name + "+", block))
    return {name: _merge(ranges) for name, ranges in found.items()}


def _category(name: str, ascii: bool) -> list[tuple[int, int]]:
    r"""Returns the code points Python's ``name`` (``\w``, ``\d`` or ``\s``) matches, with ``re.ASCII`` or not."""
    if ascii:
        return _points(m.start() for m in re.finditer(name, "".join(map(chr, range(128))), re.ASCII))
    return _unicode_categories()[name]


@lru_cache(maxsize=1)
def _cased() -> tuple[str, list[tuple[int, int]]]:
    """Returns the characters that take part in a case mapping, as a string and as ranges.

    Those ``sre`` calls cased, their lower- and upper-case forms (simple and full), and the
    extra case equivalences of ``re`` (``ı``/``i``, ``ſ``/``s``, ``µ``/``μ`` ...). Outside this set,
    every character is its own lower-case form and no other character's, so a node of any
    flags accepts exactly the characters its items name (~25 ms: one C-level pass).

    Raises:
        Untranslatable: this Python's ``re`` has no ``_sre.unicode_iscased``.
    """
    if unicode_iscased is None or unicode_tolower is None:
        raise Untranslatable("no _sre case tables")
    cased = list(filter(unicode_iscased, range(_UNICODE_MAX + 1)))
    codes = set(cased)
    codes.update(map(unicode_tolower, cased))
    for c in cased:
        if not 0xD800 <= c <= 0xDFFF:
            ch = chr(c)
            codes.update(map(ord, ch.lower() + ch.upper() + ch.title() + ch.casefold()))
    for key, others in _extra_cases().items():
        codes.add(key)
        codes.update(others)
    codes.difference_update(range(_SURROGATES[0], _SURROGATES[1] + 1))
    ordered = sorted(codes)
    return "".join(map(chr, ordered)), _points(ordered)


def _extra_cases() -> dict[int, tuple[int, ...]]:
    """Returns ``re``'s extra case equivalences (lower-case code point -> the others)."""
    try:
        from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]

        return dict(_EXTRA_CASES)
    except ImportError:
        return dict(getattr(_compiler, "_ignorecase_fixes", None) or {})


@lru_cache(maxsize=1)
def lower_table() -> tuple[list[int], list[int], list[int]]:
    """Returns the core's lower-case table: ``(characters, their forms, special characters)``.

    The characters are those whose ``sre`` lower-case form differs; the special ones, those
    where ``str.lower`` (which the needle test reads) differs from the table: where a
    character's full lower-case form is longer (``İ``), and at ``Σ`` (``ς`` at the end of a
    word). The core does not look for needles in a line holding one of them: it calls every
    needle found.

    Raises:
        Untranslatable: this Python's ``re`` has no ``_sre`` case tables.
    """
    chars, cased = _cased()
    froms = [ord(c) for c in chars if unicode_tolower(ord(c)) != ord(c)]
    special = {0x3A3} | {ord(c) for c in chars if c.lower() != chr(unicode_tolower(ord(c)))}
    # Outside the cased characters, str.lower changes nothing (a C-level test a block; else each is asked).
    for _, block in _blocks():
        if block.lower() != block:
            special.update(ord(c) for c in block if c.lower() != c and not _inside(ord(c), cased))
    return froms, [unicode_tolower(c) for c in froms], sorted(special)


# --- single characters -------------------------------------------------------------------


def _combine_flags(flags: int, add: int, remove: int) -> int:
    """Returns the flags inside ``(?add-remove:...)``, as ``sre``'s compiler combines them."""
    type_flags = _constants.SRE_FLAG_ASCII | _constants.SRE_FLAG_LOCALE | _constants.SRE_FLAG_UNICODE
    if add & type_flags:
        flags &= ~type_flags
    return (flags | add) & ~remove


def _category_ranges(code: Any, flags: int) -> list[tuple[int, int]]:
    r"""Returns the code points of a class's category item (``\\w`` ...), as the flags read it.

    Raises:
        Untranslatable: a category or flag this module does not know (``LOCALE``).
    """
    if flags & _constants.SRE_FLAG_LOCALE:
        raise Untranslatable("LOCALE")
    table = {
        _constants.CATEGORY_WORD: (r"\w", False),
        _constants.CATEGORY_NOT_WORD: (r"\w", True),
        _constants.CATEGORY_DIGIT: (r"\d", False),
        _constants.CATEGORY_NOT_DIGIT: (r"\d", True),
        _constants.CATEGORY_SPACE: (r"\s", False),
        _constants.CATEGORY_NOT_SPACE: (r"\s", True),
    }
    if code not in table:
        raise Untranslatable(f"category {code}")
    name, negated = table[code]
    ranges = _category(name, bool(flags & _constants.SRE_FLAG_ASCII))
    return _complement(ranges) if negated else ranges


def _named_ranges(op: Any, av: Any, flags: int) -> list[tuple[int, int]]:
    """Returns the characters a single-character node names, case aside (its items, negated or not).

    Raises:
        Untranslatable: an item this module does not know.
    """
    if op is _constants.LITERAL:
        return [(av, av)]
    if op is _constants.NOT_LITERAL:
        return _complement([(av, av)])
    if op is _constants.ANY:
        return [(0, _UNICODE_MAX)] if flags & _constants.SRE_FLAG_DOTALL else _complement([(10, 10)])
    if op is not _constants.IN:
        raise Untranslatable(f"opcode {op}")
    parts: list[tuple[int, int]] = []
    negate = False
    for item_op, item_av in av:
        if item_op is _constants.NEGATE:
            negate = True
        elif item_op is _constants.LITERAL:
            parts.append((item_av, item_av))
        elif item_op is _constants.RANGE:
            parts.append(item_av)
        elif item_op is _constants.CATEGORY:
            parts.extend(_category_ranges(item_av, flags))
        else:
            raise Untranslatable(f"class item {item_op}")
    merged = _merge(parts)
    return _complement(merged) if negate else merged


@lru_cache(maxsize=4096)
def _accepted(op: Any, av: Any, flags: int) -> tuple[tuple[int, int], ...]:
    """Returns the characters a single-character node accepts, exactly.

    Outside :func:`_cased`, the characters it names; inside, those Python's own compiled node
    matches (so a case-sensitive node, ``(?-i:[A-Z])``, keeps its case).

    Raises:
        Untranslatable: a node this module does not know, or one Python's compiler refuses.
    """
    chars, cased = _cased()
    named = _difference(_merge(_named_ranges(op, av, flags)), cased)
    if op is _constants.LITERAL and not any(lo <= av <= hi for lo, hi in cased):
        return tuple(named)  # a caseless literal: that character alone, in any flags
    state = _parser.State()
    state.flags = flags
    try:
        node = _compiler.compile(_parser.SubPattern(state, [(op, av)]), 0)
    except Exception as err:  # an internal API of re: whatever it raises, Python decides the rule
        raise Untranslatable(f"cannot compile {op} alone: {err}") from err
    hits = [ord(m.group()) for m in node.finditer(chars)]
    return tuple(_merge(named + _points(hits)))


@lru_cache(maxsize=4096)
def _class(ranges: tuple[tuple[int, int], ...]) -> str:
    """Returns a Rust regex class of some code points (the surrogates left out: Rust has none)."""
    parts = []
    for lo, hi in ranges:
        for a, b in ((lo, min(hi, _SURROGATES[0] - 1)), (max(lo, _SURROGATES[1] + 1), hi)):
            if a <= b:
                parts.append(rf"\x{{{a:X}}}" if a == b else rf"\x{{{a:X}}}-\x{{{b:X}}}")
    if not parts:
        return r"[^\x{0}-\x{10FFFF}]"  # matches nothing
    if len(parts) == 1 and "-" not in parts[0]:
        return parts[0]
    return "[" + "".join(parts) + "]"


@lru_cache(maxsize=4096)
def _folded(ranges: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """Returns ``ranges`` with every character of the same ``sre`` lower-case form as one of them.

    ``sre`` reads a back reference case-insensitively by comparing those forms, character by
    character. Outside :func:`_cased`, a character is its own form and no other's.
    """
    chars, cased = _cased()
    merged = list(ranges)
    inside = [ord(ch) for ch in chars if _inside(ord(ch), merged)]
    forms = {unicode_tolower(c) for c in inside}
    same = [ord(ch) for ch in chars if unicode_tolower(ord(ch)) in forms]
    return tuple(_merge(_difference(merged, cased) + _points(inside + same)))


# --- the pattern -----------------------------------------------------------------------------


class _Translator:
    """Translates one parsed pattern into the Rust pattern of a superset of the lines it matches."""

    def __init__(self, fold: bool = False) -> None:
        self.groups: dict[int, tuple[Any, int]] = {}
        # Each single character closed under case (a back reference read case-insensitively).
        self.fold = fold

    def sequence(self, items: Iterable[tuple[Any, Any]], flags: int) -> str:
        """Returns the translation of a sequence of nodes."""
        return "".join(self.node(op, av, flags) for op, av in items)

    def node(self, op: Any, av: Any, flags: int) -> str:
        """Returns the translation of one node.

        Raises:
            Untranslatable: an opcode or item this module does not know.
        """
        c = _constants
        if op in (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN):
            accepted = _accepted(op, av if op is not c.IN else _freeze(av), flags)
            return _class(_folded(accepted) if self.fold else accepted)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) or op is getattr(c, "POSSESSIVE_REPEAT", None):
            low, high, item = av
            body = self.sequence(item, flags)
            if high == c.MAXREPEAT or high > REPEAT_CAP:
                return f"(?:{body}){{{min(low, REPEAT_CAP)},}}"
            return f"(?:{body}){{{low},{high}}}"
        if op is c.SUBPATTERN:
            group, add, remove, item = av
            body = self.sequence(item, _combine_flags(flags, add, remove))
            if group is not None:
                self.groups[group] = (item, _combine_flags(flags, add, remove))
            return f"(?:{body})"
        if op is c.BRANCH:
            return "(?:" + "|".join(self.sequence(branch, flags) for branch in av[1]) + ")"
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return ""  # an assertion only restricts where a match may be
        if op is getattr(c, "ATOMIC_GROUP", None):
            return f"(?:{self.sequence(av, flags)})"
        if op is c.GROUPREF:
            if av not in self.groups:
                raise Untranslatable(f"reference to group {av} before it closes")
            item, group_flags = self.groups[av]
            # The text its group matched again; read case-insensitively, in any case.
            fold = self.fold or bool(flags & _constants.SRE_FLAG_IGNORECASE)
            again = _Translator(fold)
            again.groups = self.groups
            return f"(?:{again.sequence(item, group_flags)})"
        if op is c.GROUPREF_EXISTS:
            _, yes, no = av
            return f"(?:{self.sequence(yes, flags)}|{self.sequence(no or (), flags)})"
        raise Untranslatable(f"opcode {op}")


class _ExactTranslator(_Translator):
    """Translates a pattern without assertions into the Rust pattern of exactly the same strings.

    Each single character is the exact set Python's node accepts, so only the nodes whose
    translation above is a superset are refused: assertions, back references (the text a group
    matched, not any its pattern matches), possessive repeats and atomic groups (which refuse what
    backtracking would find). Repeats keep their bounds. A lazy repeat matches the strings of the
    greedy one: it only orders the tries. No set may hold a lone surrogate or U+FFFD
    (``NEUTRAL``): the core reads a lone surrogate of a line as U+FFFD, a character no node reads.

    Raises:
        Untranslatable: a node above, or a set with a ``NEUTRAL`` character.
    """

    def node(self, op: Any, av: Any, flags: int) -> str:
        """Returns the exact translation of one node (see the class).

        Raises:
            Untranslatable: a node without an exact translation.
        """
        c = _constants
        if op in (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN):
            return _class(_neutral_free(_accepted(op, av if op is not c.IN else _freeze(av), flags)))
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, high, item = av
            body = self.sequence(item, flags)
            return f"(?:{body}){{{low},}}" if high == c.MAXREPEAT else f"(?:{body}){{{low},{high}}}"
        if op in (c.SUBPATTERN, c.BRANCH):
            return super().node(op, av, flags)
        raise Untranslatable(f"no exact translation of {op}")


# The characters the core reads in place of a line's lone surrogates (U+FFFD), and those: the
# date search's answer is exact only when no set of its pattern holds one of them.
NEUTRAL = [(_SURROGATES[0], _SURROGATES[1]), (0xFFFD, 0xFFFD)]


def _neutral_free(ranges: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Returns ``ranges`` as a tuple when they hold no ``NEUTRAL`` character.

    Raises:
        Untranslatable: they hold one.
    """
    ranges = tuple(ranges)
    if _intersection(list(ranges), NEUTRAL):
        raise Untranslatable("a set holds a lone surrogate or U+FFFD")
    return ranges


def _lookaround(node: tuple[Any, Any], direction: int, flags: int) -> tuple[tuple[int, int], ...] | None:
    r"""Returns the characters a negative lookaround of one character refuses, or None for another node.

    ``(?<!\w)`` (``direction`` -1) and ``(?!\d)`` (1) refuse a match next to one of these characters.
    """
    op, av = node
    if op is not _constants.ASSERT_NOT or av[0] != direction or len(av[1]) != 1:
        return None
    (item_op, item_av), = av[1]
    if item_op not in (_constants.LITERAL, _constants.NOT_LITERAL, _constants.ANY, _constants.IN):
        return None
    return _neutral_free(_accepted(item_op, item_av if item_op is not _constants.IN else _freeze(item_av), flags))


@lru_cache(maxsize=16)
def search_regex(pattern: str, flags: int) -> str:
    r"""Returns the Rust pattern that matches a line exactly when ``re.search(pattern, line, flags)`` finds a match.

    The pattern may open with negative lookbehinds and end with negative lookaheads of one
    character each (``(?<!\w)...(?!\d)``), and hold no other assertion: ``search`` finds a
    match when some start, not just after a character a lookbehind refuses, opens a string the
    rest matches (backtracking tries every one) that does not end just before a character a
    lookahead refuses. So the translation reads a refused character's complement or the line's
    start, the rest exactly (:class:`_ExactTranslator`), then the complement of the lookaheads'
    characters or the line's end: a Rust search finds a match exactly then.

    Raises:
        Untranslatable: another assertion or a node without an exact translation, a set holding a
            ``NEUTRAL`` character, or a Python without ``_sre``'s case tables.
    """
    parsed = _parser.parse(pattern, flags)
    flags = parsed.state.flags
    items = list(parsed)
    before: list[tuple[int, int]] = []
    while items and (refused := _lookaround(items[0], -1, flags)) is not None:
        before += refused
        items.pop(0)
    after: list[tuple[int, int]] = []
    while items and (refused := _lookaround(items[-1], 1, flags)) is not None:
        after += refused
        items.pop()
    body = _ExactTranslator().sequence(items, flags)
    head = rf"(?:\A|{_class(tuple(_complement(_merge(before))))})" if before else ""
    tail = rf"(?:{_class(tuple(_complement(_merge(after))))}|\z)" if after else ""
    return f"{head}(?:{body}){tail}"


def _freeze(items: Any) -> tuple[tuple[Any, Any], ...]:
    """Returns a class's items as a hashable tuple (for the cache of :func:`_accepted`)."""
    return tuple((op, tuple(av) if isinstance(av, list) else av) for op, av in items)


@lru_cache(maxsize=1024)
def core_regex(pattern: str, flags: int) -> str | None:
    """Returns the Rust pattern that matches a superset of the lines ``pattern`` fullmatches.

    Args:
        pattern: a Python ``str`` pattern (``Pattern.pattern``).
        flags: its flags (``Pattern.flags``).

    Returns:
        The pattern, anchored at both ends, or None when it cannot be translated (its rule is
        a candidate of every line).
    """
    if isinstance(pattern, bytes):
        return None
    try:
        parsed = _parser.parse(pattern, flags)
        return r"\A(?:" + _Translator().sequence(parsed, parsed.state.flags) + r")\z"
    except Untranslatable:
        return None
