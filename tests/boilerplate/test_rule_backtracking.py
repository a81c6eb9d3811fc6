"""Rule patterns that cannot backtrack without end: a structural law, and the breadcrumb's rewrite.

Python's ``re`` retries every way a pattern can read a line before it says no. A repeat whose
body reads the same text in two ways (two neighbouring variable runs over characters both
accept, such as ``[\\w ]{1,25}\\s*``) multiplies those ways at each repetition: the old breadcrumb
rule took 160 ms on one nine-step line of a real page, and twice as long per further step.
"""

from __future__ import annotations

import re
from re import _constants as C  # noqa: N812 (the parser's own name for it)
from re import _parser
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from nettoyeur.boilerplate.rule_regex import _accepted, _freeze, _intersection
from nettoyeur.boilerplate.rules import builtin_rules
from nettoyeur.boilerplate.word_chars import WORD

# The breadcrumb's first form before the rewrite (each step's spaces read several ways), and after.
OLD_STEPS = r"(?:[\w'’ -]{1,25}\s*(?:>|»|›|→|\\)\s*){2,}[\w'’ -]{1,40}".replace(r"\w", WORD)
NEW_STEPS = (
    r"[\w'’ -]{1,25}\s*(?:>|»|›|→|\\)"
    r"(?:\s*[\w'’-](?:[\w'’ -]{0,23}[\w'’-])?\s*(?:>|»|›|→|\\)|[^\S ]*[ ]\s*(?:>|»|›|→|\\))+"
    r"\s*[\w'’ -]{1,40}"
).replace(r"\w", WORD)


def _class(node: tuple[Any, Any], flags: int) -> list[tuple[int, int]] | None:
    """The code point ranges one single-character node accepts (None: not such a node)."""
    op, av = node
    if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
        return list(_accepted(op, av if op is not C.IN else _freeze(av), flags))
    return None


def _flat(items: Any) -> list[tuple[Any, Any]]:
    """The nodes of a sequence, plain non-capturing groups opened."""
    out: list[tuple[Any, Any]] = []
    for op, av in items:
        if op is C.SUBPATTERN and av[0] is None and not av[1] and not av[2]:
            out.extend(_flat(av[3]))
        else:
            out.append((op, av))
    return out


def _run(node: tuple[Any, Any], flags: int) -> list[tuple[int, int]] | None:
    """The characters of a variable-length run of one character set (None: not such a run)."""
    op, av = node
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[1] > av[0]:
        body = _flat(av[2])
        if len(body) == 1:
            return _class(body[0], flags)
    return None


def _branches(items: Any) -> list[list[tuple[Any, Any]]]:
    """The sequences a repeat's body reads: one, or one per branch of a lone alternation."""
    seq = _flat(items)
    if len(seq) == 1 and seq[0][0] is C.BRANCH:
        return [_flat(branch) for branch in seq[0][1][1]]
    return [seq]


def ambiguous_repeats(pattern: str, flags: int = re.IGNORECASE) -> list[str]:
    """Unbounded repeats whose body has two neighbouring variable runs over shared characters.

    Neighbours are read within each branch of the body and across the repeat's seam (a body's
    last run meets its first): either way the same text splits between the runs in more than
    one way, and the repeat multiplies the ways. Atomic groups and possessive repeats, which
    try one way, are not entered.
    """
    found: list[str] = []

    def walk(items: Any) -> None:
        for op, av in items:
            if op in (C.MAX_REPEAT, C.MIN_REPEAT):
                if av[1] == C.MAXREPEAT:
                    seqs = _branches(av[2])
                    runs = [[_run(node, flags) for node in seq] for seq in seqs]
                    pairs = [pair for r in runs for pair in zip(r, r[1:])]
                    pairs += [(a[-1], b[0]) for a in runs for b in runs if a and b]
                    if any(x and y and _intersection(x, y) for x, y in pairs):
                        found.append(str(av[2])[:200])
                walk(av[2])
            elif op is C.SUBPATTERN:
                walk(av[3])
            elif op is C.BRANCH:
                for branch in av[1]:
                    walk(branch)

    walk(_parser.parse(pattern, flags))
    return found


def test_no_builtin_rule_has_an_ambiguous_repeat() -> None:
    bad = {
        rule.name: ambiguous_repeats(rule.pattern.pattern)
        for rule in builtin_rules()
        if ambiguous_repeats(rule.pattern.pattern)
    }
    assert bad == {}


def test_the_law_finds_the_old_breadcrumb_and_its_kind() -> None:
    assert ambiguous_repeats(OLD_STEPS)
    assert ambiguous_repeats(r"(?:[\w ]+\s*,)+x")  # a space read by the run or by "\s*"
    assert ambiguous_repeats(r"(?: *x[a ]*)+y")  # the seam: "[a ]*" meets the next " *"
    assert ambiguous_repeats(r"(?:,(?: *|a)|[a ]+, *)+y")  # within a branch
    assert not ambiguous_repeats(NEW_STEPS)
    assert not ambiguous_repeats(r"(?:\w+\s*,\s*)+x")  # no character both runs read
    assert not ambiguous_repeats(r"(?>\w+\s*\s*,)+")


def _breadcrumb() -> str:
    (rule,) = [rule for rule in builtin_rules() if rule.name == "breadcrumb"]
    return rule.pattern.pattern


def test_the_rule_holds_the_new_form() -> None:
    assert _breadcrumb().startswith(NEW_STEPS + "|")


_OLD_RULE = re.compile(OLD_STEPS + _breadcrumb()[len(NEW_STEPS) :], re.IGNORECASE)
_NEW_RULE = re.compile(_breadcrumb(), re.IGNORECASE)
# The pattern's own characters, its near misses (a tab or no-break space, which "\s" reads and the
# steps do not; "," and "&", which only the second form reads) and a combining mark.
_ALPHABET = "aZé1_ '’-\t\xa0>»›→\\,&.:/\u0301\u2003x"
# Items mostly of word characters and spaces, which match often, lengths across the bounds 25 and 40.
_ITEM = st.one_of(st.text(alphabet="aé '\t", max_size=30), st.text(alphabet=_ALPHABET, max_size=30))
_SEPARATOR = st.sampled_from([">", " > ", "»", " \\ ", "→ ", "  >", "\t>\xa0", "/", ","])


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(_ITEM, _SEPARATOR), min_size=1, max_size=6), _ITEM)
def test_old_and_new_breadcrumb_read_the_same_lines(steps: list[tuple[str, str]], last: str) -> None:
    line = "".join(item + sep for item, sep in steps) + last
    assert bool(_OLD_RULE.fullmatch(line)) == bool(_NEW_RULE.fullmatch(line))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_old_and_new_breadcrumb_agree_on_any_text(line: str) -> None:
    assert bool(_OLD_RULE.fullmatch(line)) == bool(_NEW_RULE.fullmatch(line))


def test_only_the_space_is_both_a_step_character_and_a_space() -> None:
    step = re.compile(rf"[{WORD}'’ -]", re.IGNORECASE)
    both = [c for c in map(chr, range(0x110000)) if c.isspace() and step.fullmatch(c)]
    assert both == [" "]
