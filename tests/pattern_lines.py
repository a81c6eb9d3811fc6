"""Lines written from a regular expression's own parse tree, for the property tests (hypothesis).

``st.from_regex`` builds a strategy for every node of a pattern before it writes a line (every
code point of a class added one by one, with its case forms): for the rules' patterns (up to
184,000 characters, classes of every capital letter) that took about 13 s of the rule-core laws.
:func:`pattern_lines` reads the parse tree once into plain tables (a class: its intervals of code
points) and draws a line by walking it, one draw per choice: a branch, a repeat count, a code point
of a class, a case form of a literal. Unbounded repeats are capped at ``most`` more than their
least (a long run of spaces made ``re`` backtrack for minutes). A walk ignores assertions (``\\b``,
lookarounds), so a line may miss the pattern: the strategy walks up to ``tries`` times and keeps the
first line the pattern fullmatches, else the last line walked (a near miss, which the laws want too).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import cache
from typing import Any

from hypothesis import strategies as st

try:  # Python 3.11+
    from re import _constants as C  # type: ignore[attr-defined]  # noqa: N812 (the parser's own name)
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as C  # type: ignore[no-redef]  # noqa: N812
    import sre_parse as _parser  # type: ignore[no-redef]

Choose = Callable[[int, int], int]  # an integer from low to high, both included
_LAST = 0x10FFFF
# Hypothesis once wrote a run of ~4,900 Unicode spaces for a ``\s*``, and ``re`` backtracked for
# minutes in the long date rules (seed 28 hung CI): a repeat is written at most MOST more times than
# its least (the less of two draws, so near its least more often than not), and once a line holds
# LONG characters, every further repeat its least. Walks of the ``published`` rule (1,000, seeded)
# that ``re`` had not matched after 1 s, raw (its \s runs not collapsed as the clean does): MOST 8
# and no LONG, ~3%; 8 and 100, 1.1%; 5 and 100, 0.3%; 3 and 100, none (slowest 4 ms).
MOST = 3
LONG = 100
# re's case equivalences beyond str.upper/str.lower of one character (sre folds them together).
_EXTRA_CASES = {"s": "ſ", "k": "\u212a", "i": "İı", "µ": "μ", "ß": "ẞ", "σ": "ς", "ω": "\u2126", "å": "\u212b"}


@cache
def _category(category: Any, ascii_only: bool) -> tuple[tuple[int, int], ...]:
    """The intervals of a class escape (``\\w``, ``\\d``, ``\\s`` and their negations) as ``re`` reads it."""
    escape = {
        C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W", C.CATEGORY_DIGIT: r"\d",
        C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s", C.CATEGORY_NOT_SPACE: r"\S",
    }[category]
    node = re.compile(escape + "+", re.ASCII if ascii_only else 0)
    every = "".join(map(chr, range(_LAST + 1)))  # every code point at its own index
    found = [(m.start(), m.end() - 1) for m in node.finditer(every)]
    return tuple(_without_surrogates(found))


def _without_surrogates(parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``parts`` less the surrogates (a line of UTF-8 cannot hold them)."""
    out = []
    for a, b in parts:
        out += [(a, min(b, 0xD7FF))] if a < 0xD800 else []
        out += [(max(a, 0xE000), b)] if b > 0xDFFF else []
    return out


def _merged(parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, merged intervals."""
    out: list[tuple[int, int]] = []
    for low, high in sorted(parts):
        if out and low <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], high))
        else:
            out.append((low, high))
    return out


def _complement(parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The code points (surrogates aside) outside merged ``parts``."""
    out, low = [], 0
    for a, b in [*parts, (_LAST + 1, _LAST + 1)]:
        if a > low:
            out.append((low, a - 1))
        low = max(low, b + 1)
    return _without_surrogates(out)


class _Chars:
    """A set of code points as intervals, drawn from by index (low code points first)."""

    def __init__(self, parts: list[tuple[int, int]], ignore_case: bool) -> None:
        self.parts = parts
        self.starts = [a for a, _ in parts]
        self.offsets = [0]
        for a, b in parts:
            self.offsets.append(self.offsets[-1] + b - a + 1)
        self.ignore_case = ignore_case

    def draw(self, choose: Choose) -> str:
        """One character of the set (under IGNORECASE, maybe in another case)."""
        index = choose(0, self.offsets[-1] - 1)
        k = bisect.bisect_right(self.offsets, index) - 1
        ch = chr(self.parts[k][0] + index - self.offsets[k])
        return _case_form(choose, ch) if self.ignore_case else ch


def _case_form(choose: Choose, ch: str) -> str:
    """``ch`` or one of its single-character case forms (re's extra equivalences included)."""
    forms = {ch, *(f for f in (ch.upper(), ch.lower(), ch.swapcase()) if len(f) == 1)}
    forms.update(_EXTRA_CASES.get(ch.lower(), ""))
    return sorted(forms)[choose(0, len(forms) - 1)] if len(forms) > 1 else ch


def _class(items: list[Any], flags: int) -> _Chars:
    """The characters of an ``IN`` node (or ``NOT_LITERAL``, ``ANY``, read as one)."""
    negate = bool(items) and items[0][0] is C.NEGATE
    parts: list[tuple[int, int]] = []
    for op, av in items[1:] if negate else items:
        if op is C.LITERAL:
            parts.append((av, av))
        elif op is C.RANGE:
            parts.append(av)
        elif op is C.CATEGORY:
            parts += _category(av, bool(flags & re.ASCII))
        else:
            raise AssertionError(f"a class item the walk does not know: {op}")
    merged = _merged(parts)
    return _Chars(_complement(merged) if negate else merged, bool(flags & re.IGNORECASE) and not negate)


def _somewhere_later(av: Any) -> bool:
    """True for a lookahead that opens with ``.*`` (``(?=.*X)``: an ``X`` anywhere after this point)."""
    items = list(av[1])
    return av[0] == 1 and bool(items) and items[0][0] is C.MAX_REPEAT and list(items[0][1][2]) == [(C.ANY, None)]


class _Walk:
    """A parse tree read into nodes a draw can walk: ``(kind, data)`` tuples, classes as :class:`_Chars`."""

    def __init__(self, pattern: re.Pattern[str], most: int, long: int) -> None:
        self.most, self.long = most, long
        self.nodes = self._read(_parser.parse(pattern.pattern, pattern.flags), pattern.flags)

    def _read(self, items: Any, flags: int) -> list[tuple[str, Any]]:
        out: list[tuple[str, Any]] = []
        for op, av in items:
            if op is C.LITERAL:
                out.append(("case", chr(av)) if flags & re.IGNORECASE else ("text", chr(av)))
            elif op is C.NOT_LITERAL:
                out.append(("chars", _class([(C.NEGATE, None), (C.LITERAL, av)], flags)))
            elif op is C.ANY:
                out.append(("chars", _class([(C.NEGATE, None)] + ([] if flags & re.DOTALL else [(C.LITERAL, 10)]), 0)))
            elif op is C.IN:
                out.append(("chars", _class(av, flags)))
            elif op is C.BRANCH:
                out.append(("branch", [self._read(x, flags) for x in av[1]]))
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
                least, most, item = av
                most = min(most, least + self.most)
                out.append(("repeat", (least, most, self._read(item, flags))))
            elif op is C.SUBPATTERN:
                group, add, remove, item = av
                out.append(("group", (group, self._read(item, (flags | add) & ~remove))))
            elif op is C.GROUPREF:
                out.append(("ref", av))
            elif op is C.ATOMIC_GROUP:
                out += self._read(av, flags)
            elif op is C.GROUPREF_EXISTS:
                group, yes, no = av
                out.append(("exists", (group, self._read(yes, flags), self._read(no or [], flags))))
            elif op is C.ASSERT and _somewhere_later(av):
                out.append(("later", self._read(list(av[1])[1:], flags)))
            elif op not in (C.ASSERT, C.ASSERT_NOT, C.AT):
                raise AssertionError(f"a node the walk does not know: {op}")
        return out

    def _count(self, choose: Choose, least: int, most: int, out: list[str]) -> int:
        """A repeat's count: near its least more often than not (the less of two draws), its least past LONG."""
        if most == least or sum(map(len, out)) >= self.long:
            return least
        return least + min(choose(0, most - least), choose(0, most - least))

    def line(self, choose: Choose) -> str:
        """One line walked from the tree (a lookahead ``(?=.*X)``: an ``X`` walked at the end of the line)."""
        out: list[str] = []
        later: list[list[tuple[str, Any]]] = []
        groups: dict[int, str] = {}
        self._walk(choose, self.nodes, out, groups, later)
        for nodes in later:
            self._walk(choose, nodes, out, groups, [])
        return "".join(out)

    def _walk(self, choose: Choose, nodes: list[Any], out: list[str], groups: dict[int, str], later: list[Any]) -> None:
        """Appends to ``out`` a string ``nodes`` read (``later``: the lookaheads' nodes to walk at the end)."""
        for kind, data in nodes:
            if kind == "text":
                out.append(data)
            elif kind == "case":
                out.append(_case_form(choose, data))
            elif kind == "chars":
                out.append(data.draw(choose))
            elif kind == "branch":
                self._walk(choose, data[choose(0, len(data) - 1)], out, groups, later)
            elif kind == "repeat":
                for _ in range(self._count(choose, data[0], data[1], out)):
                    self._walk(choose, data[2], out, groups, later)
            elif kind == "group":
                start = len(out)
                self._walk(choose, data[1], out, groups, later)
                if data[0] is not None:
                    groups[data[0]] = "".join(out[start:])
            elif kind == "ref":
                out.append(groups.get(data, ""))
            elif kind == "later":
                later.append(data)
            else:  # "exists"
                self._walk(choose, data[1] if data[0] in groups else data[2], out, groups, later)


@cache
def walk_of(pattern: re.Pattern[str]) -> _Walk:
    """The walk of ``pattern`` (read once), repeats capped at MOST more than their least, lines at about LONG."""
    return _Walk(pattern, MOST, LONG)


def walked_line(pattern: re.Pattern[str], choose: Choose, tries: int = 4) -> str:
    """The first of ``tries`` lines walked from ``pattern`` that it fullmatches, else the last (a near miss)."""
    walk = walk_of(pattern)
    for _ in range(tries):
        line = walk.line(choose)
        if pattern.fullmatch(line):
            break
    return line


def pattern_lines(pattern: re.Pattern[str], tries: int = 4) -> st.SearchStrategy[str]:
    """Hypothesis's lines of :func:`walked_line` (the pattern read on the first draw, not before)."""

    @st.composite
    def lines(draw: Callable[[st.SearchStrategy[Any]], Any]) -> str:
        return walked_line(pattern, lambda low, high: draw(st.integers(low, high)), tries)

    return lines()
