"""``holds_date``: the core's translation of the date search asked first, Python's search the answer.

The oracle is ``DATE_SEARCH.search(text) is not None``; the core's answer only ever spares Python
a search, so the two must agree on every string: random Unicode (CJK, combining marks, İ/ı, ß,
Σ/ς, lone surrogates, astral characters, every kind of white space) and date-shaped lines of the
languages the mask reads.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from nettoyeur.boilerplate import date_search
from nettoyeur.boilerplate.date_search import DATE_LINE, holds_date
from nettoyeur.boilerplate.rules import DATE_SEARCH

LAW = settings(max_examples=300, deadline=None)

_SPECIAL = "İıßẞΣσςǅǆΩΩKkÅſ\u0301\u0308\u200b\u00a0\u2003\u3000\u2028\t\n\r\x0b\x0c\x85\ud800\udfff😀𝟓٣५"
_PIECES = [
    "Monday", "mon.", "jeudi", "Samstag", "domingo", "venerdì", "January", "jan.", "février", "März", "avril",
    "mai", "juin", "julio", "août", "Sept.", "Oktober", "décembre", "diciembre", "gennaio", "marca", "března",
    "március", "tháng", "年", "月", "日", "de", "d'", "er", "st", "th", "º", " ", ", ", ".", "/", "-", ":", "x",
    "5", "12", "31", "2024", "1999", "03/04/2021", "2020-01-31", "١٢", "３", "9:30", "am", "Jean",
]
pieces = st.lists(st.sampled_from(_PIECES) | st.sampled_from(list(_SPECIAL)), max_size=16).map("".join)
anything = st.text(st.characters(blacklist_categories=["Cs"]) | st.sampled_from(list(_SPECIAL)), max_size=40)


def _oracle(text: str) -> bool:
    return DATE_SEARCH.search(text) is not None


@LAW
@given(pieces | anything)
@example("Publié le 5 mars 2024 à 9h30")
@example("wtorek, 5 marca 2024")
@example("2024. március 5.")
@example("a5 mars 2024")
@example("Posted on 12/03/2024 by Jean")
@example("5 MARS 2024\udfff")
@example("")
def test_holds_date_is_the_search_of_python(text):
    assert holds_date(text) == _oracle(text)


def test_the_whole_line_pattern_matches_exactly_the_lines_the_search_finds_a_date_in():
    whole = re.compile(DATE_LINE, DATE_SEARCH.flags)
    for text in ["le 5 mars 2024", "x5 mars 2024", "5 mars 20245", "rien", "Tue, 3 Mar 2020 10:00", "3.4.2024"]:
        assert (whole.fullmatch(text) is not None) == _oracle(text), text


def test_the_core_refuses_lines_without_a_date_and_names_those_with_one():
    core = date_search._matcher()
    assert core is not False  # CPython: the mask is translated
    assert not core.candidates(["no figure here at all", "page 12 of 40"], [0, 0])
    assert core.candidates(["Publié le 5 mars 2024"], [0]) == [0, 0]


def test_without_the_core_python_answers_alone(monkeypatch):
    monkeypatch.setattr(date_search, "_core_date", False)
    assert holds_date("le 5 mars 2024") and not holds_date("page 12 of 40")
