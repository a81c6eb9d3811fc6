"""The date mask's law that marking leans on: a line without a decimal digit holds no date.

The core's walks (``_core.ArticleSignals``, ``_core.dated_heads``) search ``DATE_SEARCH`` (``rules.date_search``)
only in lines flagged ``DIGIT`` (a decimal digit, ``str.isdecimal``), as ``mark_reference.dated`` does.
Month and weekday names of every language the mask reads, their abbreviations, separators and white
space, with any character but a decimal digit, never make a date; with figures they do, and ``dated``
answers as the search.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

import mark_reference
from dates_reference import DATE_SEARCH
from nettoyeur.boilerplate import mark
from nettoyeur.boilerplate.line_shapes import describe
from nettoyeur.boilerplate.rules import date_search

LAW = settings(max_examples=400, deadline=None)

# Words and marks of dates written out, in the languages of the masks, and what stands around them.
_NAMES = [
    "Monday", "mon.", "Tue", "wednesday", "jeudi", "Samstag", "domingo", "venerdì", "January", "jan.",
    "février", "Fév", "März", "mar", "avril", "Mai", "may", "juin", "julio", "août", "Sept", "sept.",
    "Oktober", "nov", "décembre", "Dez", "diciembre", "gennaio", "er", "st", "nd", "th", "de", "º",
]
_MARKS = [" ", ", ", ".", "/", "-", "\t", "\u00a0", "\u2003", "(", ")", "|", "·"]
# Digits that are not decimal (superscripts, fractions, circled, Roman numerals): re's \d refuses them.
_NOT_DECIMAL = "²³¹½¼①ⅫⅣ"
no_digit_char = st.characters(blacklist_categories=["Nd"])
words = st.sampled_from(_NAMES) | st.sampled_from(_MARKS) | st.sampled_from(_NOT_DECIMAL)
undated = st.lists(words | st.text(no_digit_char, max_size=4), max_size=20).map("".join)
figures = st.sampled_from(["5", "12", "2024", "03/04/2021", "2020-01-31", "١٢", "３"])
maybe_dated = st.lists(st.sampled_from(_NAMES) | st.sampled_from(_MARKS) | figures, max_size=12).map("".join)


@LAW
@given(undated)
@example("Monday, er mai de")
@example("sept. ² March ½, Tue")
def test_a_line_without_a_decimal_digit_holds_no_date(text):
    assert not any(c.isdecimal() for c in text)
    assert DATE_SEARCH.search(text) is None


@LAW
@given(maybe_dated | undated)
@example("Monday, 5 May 2024")
@example("le 3 mars 2023")
def test_dated_answers_as_the_search(text):
    info = describe(text)
    flags = mark.line_marks([info.text])[0]
    assert mark_reference.dated(info, flags) == (DATE_SEARCH.search(info.text) is not None)


@LAW
@given(maybe_dated | undated, st.integers(min_value=1, max_value=12))
@example("By A. Writer staff, 1 March 2024", 1)
def test_the_core_answers_as_the_search_short_lines_and_long(text, copies):
    # Asked twice (the second time through the lazy DFA's states the first built), short and long (400 characters more).
    for line in (text, " ".join([text] * copies) + " x" * 200):
        expected = DATE_SEARCH.search(line) is not None
        assert date_search().search(line) == expected
        assert date_search().search_many([line, line]) == [expected, expected]


def test_dates_are_found_with_figures():
    for text in ("Monday, 5 May 2024", "2020-01-31", "le 3 mars 2023", "Sept 12, 2019"):
        info = describe(text)
        assert mark_reference.dated(info, mark.line_marks([info.text])[0]), text
