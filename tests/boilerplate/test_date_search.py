"""The core's date search (``rules.date_search()``, native/src/dates.rs) answers as Python's ``DATE_SEARCH``.

The core searches ``rule_regex.search_regex`` of the Python pattern: its lookbehind ``(?<!\\w)`` and
lookahead ``(?!\\d)`` read by hand (the line's start or a character outside Python's ``\\w``; its end or
one outside Python's ``\\d``), every other character as the exact set Python's node accepts. The law:
on every line, the core finds a date exactly when ``re`` does (``dates_reference.DATE_SEARCH``, the
oracle). The lines are built from the pattern's own pieces: strings drawn from its parse (every
branch: the months and weekdays of every language it reads, in any case, with Python's extra case
equivalences such as ``ſ`` for ``s`` and ``K`` for ``k``), the languages' month and weekday words,
decimal digits of many scripts and other figures, separators and white space Python and Rust read
differently, word characters and combining marks around them, lone surrogates, and random Unicode.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dates_reference import DATE_SEARCH
from nettoyeur import _core
from nettoyeur.boilerplate.rule_languages import word_list, words
from nettoyeur.boilerplate.rule_regex import Untranslatable, search_regex
from nettoyeur.boilerplate.rules import DATE_SEARCH_FLAGS, DATE_SEARCH_SOURCE, date_search

try:  # Python 3.11+
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

LAW = settings(max_examples=1500, deadline=None)

_PARSED = _parser.parse(DATE_SEARCH_SOURCE, DATE_SEARCH_FLAGS)
# Decimal digits (Nd) of several scripts, and figures that are not decimal (Python's \w, not its \d).
_DIGITS = "0123456789٠٣۵߁०৫੬௭൮๙༢၃០᠅１𝟎𝟡"
_NOT_DECIMAL = "²³¹½①ⅫⅣ"
# White space of Python's \s (str.isspace) that Rust's \s is not (\x1c-\x1f), and the usual.
_SPACES = " \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2003\u2028\u2029\u202f\u205f\u3000"
# Characters around a date: Python's \w (letters, "_", figures) and not (combining marks, which Rust's
# \w holds, punctuation), lone surrogates and U+FFFD (the core reads a surrogate as U+FFFD).
_AROUND = "a_Zé5²Ⅻ١\u0301\u0903\u200d-./,'’()（）\ud800\udfff\ufffd@#"
# re's extra case equivalences and letters whose case forms differ in length.
_CASES = {"s": "ſS", "k": "\u212aK", "i": "İıI", "µ": "μΜ", "ß": "ẞ", "é": "É", "ä": "Ä"}


def _literal(c: str) -> st.SearchStrategy[str]:
    """A literal of the pattern as a line may write it: itself or another case of it."""
    forms = {c, *(f for f in (c.upper(), c.lower(), c.title(), c.casefold()) if len(f) == 1)}
    forms.update(_CASES.get(c.lower(), ""))
    return st.sampled_from(sorted(forms))


def _class(items: list) -> st.SearchStrategy[str]:
    """A character a class of the pattern reads (or one near it)."""
    options: list[st.SearchStrategy[str]] = []
    for op, av in items:
        if op is C.LITERAL:
            options.append(_literal(chr(av)))
        elif op is C.RANGE:
            options.append(st.integers(av[0], av[1]).map(chr))
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            options += [st.sampled_from(_DIGITS), st.characters(categories=["Nd"])]
        elif op is C.CATEGORY and av is C.CATEGORY_SPACE:
            options.append(st.sampled_from(_SPACES))
        else:
            options.append(st.characters())
    return st.one_of(options)


def _drawn(draw, nodes) -> str:
    """A string a sequence of the pattern's nodes reads (assertions aside), drawn node by node."""
    out = []
    for op, av in nodes:
        if op is C.LITERAL:
            out.append(draw(_literal(chr(av))))
        elif op is C.IN:
            out.append(draw(_class(av)))
        elif op is C.BRANCH:
            out.append(_drawn(draw, draw(st.sampled_from(av[1]))))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, high, item = av
            count = draw(st.integers(low, min(high, low + 3)))
            out += [_drawn(draw, item) for _ in range(count)]
        elif op is C.SUBPATTERN:
            out.append(_drawn(draw, av[-1]))
        elif op not in (C.ASSERT, C.ASSERT_NOT, C.AT):
            raise AssertionError(f"a node the drawing does not know: {op}")
    return "".join(out)


@st.composite
def _date(draw) -> str:
    """A string of the date pattern (a date, or a near one: the drawn characters need not all fit)."""
    return _drawn(draw, _PARSED)


_NAMES = sorted({*word_list(words("months")), *word_list(words("weekdays"))})
pieces = st.one_of(
    _date(),
    st.sampled_from(_NAMES),
    st.sampled_from(_NAMES).map(str.upper),
    st.text(st.sampled_from(_DIGITS + _NOT_DECIMAL), min_size=1, max_size=5),
    st.sampled_from(_SPACES + _AROUND),
    st.text(max_size=4),
)
lines = st.lists(pieces, max_size=8).map("".join)


@LAW
@given(lines)
@example("Monday, 5 May 2024")
@example("x5 May 2024")
@example("\u03015 May 2024")  # after a combining mark: Python's \w refuses it, Rust's reads it
@example("_5 May 2024")
@example("²5 May 2024")
@example("5 May 2024²")
@example("5 May 2024١")
@example("5 May 20241")
@example("\ud8005 May 2024\udfff")
@example("5 \x1cMay 2024")
@example("5 ſept 2024")
@example("2024年3月5日")
@example("5 tháng 3, 2024")
@example("wtorek, 5 marca 2024")
@example("2024. március 5.")
@example("")
def test_the_core_finds_a_date_exactly_where_python_does(text):
    assert date_search().search(text) == (DATE_SEARCH.search(text) is not None)


@settings(max_examples=300, deadline=None)
@given(st.lists(lines, max_size=6))
def test_many_lines_answer_as_each_alone(texts):
    assert date_search().search_many(texts) == [DATE_SEARCH.search(t) is not None for t in texts]


def test_dates_of_every_form_are_found_and_near_ones_are_not():
    found = ["Monday, 5 May 2024", "le 3 mars 2023", "2020-01-31", "5 d'abril de 2023", "2024年3月5日", "(5 May)"]
    # ("x5 May 2024" holds "May 2024", "5 May 20241" holds "5 May": Python finds them too.)
    missed = ["x5 May", "5 Mai2", "nothing here", "May", "2024", "12345"]
    assert [date_search().search(t) for t in found] == [True] * len(found)
    assert [date_search().search(t) for t in missed] == [False] * len(missed)
    assert date_search().search_many(["x5 May 2024", "5 May 20241"]) == [True, True]


# --- the translation of other patterns --------------------------------------------------------

# Atomic groups and possessive repeats are Python 3.11's: 3.10's parser refuses them (re.error).
_SINCE_311 = pytest.mark.skipif(sys.version_info < (3, 11), reason="no atomic groups before Python 3.11")

_SMALL = [
    (r"(?<!\w)(?:ab?c|\d{2}[./]x)(?!\d)", re.IGNORECASE),
    (r"(?<![a-z])(?:ſt|k+)(?![0-9])", re.IGNORECASE),
    (r"(?<!\s)(?<!-)é{1,3}?(?!\w)(?!\.)", 0),
]
_SMALL_TEXT = st.text(st.sampled_from("abcABC12 ./x-_éÉſstkK\u212a\u0301\ud800\ufffd"), max_size=12)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(_SMALL), _SMALL_TEXT)
def test_a_translated_search_answers_as_python(pattern, text):
    core = _core.DateSearch(search_regex(*pattern))
    assert core.search(text) == (re.search(pattern[0], text, pattern[1]) is not None)


@pytest.mark.parametrize(
    "pattern",
    [
        r"a(?<!\w)b",  # a lookbehind inside
        r"a\bb",  # a word boundary
        r"(a)\1",  # a back reference: the text its group matched
        pytest.param(r"(?>ab|a)b", marks=_SINCE_311),  # an atomic group refuses what backtracking finds
        pytest.param(r"a*+a", marks=_SINCE_311),  # a possessive repeat too
        r"[^a]x",  # a set holding a lone surrogate and U+FFFD
        r"(?<!ab)c",  # a lookbehind of two characters
    ],
)
def test_patterns_without_an_exact_translation_are_refused(pattern):
    with pytest.raises(Untranslatable):
        search_regex(pattern, 0)


def test_a_pattern_that_does_not_compile_in_the_core_is_a_value_error():
    with pytest.raises(ValueError, match="does not compile"):
        _core.DateSearch("(?:")
