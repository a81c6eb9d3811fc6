"""The native per-line tests of the boilerplate signals (native/src/mark.rs) against their plain Python oracles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mark_reference
from nettoyeur import _core
from nettoyeur.boilerplate import mark
from nettoyeur.boilerplate.line_shapes import describe
from nettoyeur.records import Verdict

CASES = json.loads((Path(__file__).parents[1] / "data" / "mark_lines.json").read_text(encoding="utf-8"))["lines"]
LAW = settings(max_examples=400, deadline=None)
_NAMES = {
    "letter": mark.LETTER,
    "digit": mark.DIGIT,
    "menu": mark.MENU,
    "attribution": mark.ATTRIBUTION,
    "reference": mark.REFERENCE,
    "list_item": mark.LIST_ITEM,
    "stop_end": mark.STOP_END,
}

# What the tests must hold: the separators and bullets, brackets, stops and closers, digits
# that are decimal (ASCII, Arabic-Indic, an astral one) and one that is not (²), letters of
# several scripts (CJK, İ/ı, ß, Σ/ς, an astral letter), combining marks, "_", a lone
# surrogate, and white space of every kind.
_ALPHABET = (
    "ab Zé:.;!?…。！？\"'”’»)]([|¦·•▪◦‣○►→✓*–—-"
    "019٣²_日本語İıßΣς\u0301\ud800\U0001d7d9\U00010348"
    " \t\n\r\x0b\x0c\x1c\x85\u00a0\u1680\u2000\u2003\u2028\u2029\u202f\u205f\u3000"
)
lines = st.text(alphabet=_ALPHABET, max_size=60)
# Lines made of menu-like items: short words joined by separators with spaces around or not.
_ITEMS = st.sampled_from(["Home", "News", "a b", "x.", "Q:", "12", "(Blog)", "[", "()", "日本", "", "one two three four"])
_SEPS = st.sampled_from([" | ", "|", " ¦ ", " » ", "»", " · ", "•", " / ", "  |\t", " \u00a0» "])
menu_lines = st.lists(st.tuples(_ITEMS, _SEPS), max_size=6).map(lambda ps: "".join(i + s for i, s in ps))
# Line openings near the list numbers, references and attributions ("12) x", "[3] x", "— x"):
# a bracket or a bullet, digits (decimal or not, too many), a closer, white space, the rest.
_PARTS = (
    ["", "[", "(", "-", "–", "—", "•", "*", "x"],
    ["", "1", "12", "123", "1234", "٣", "²", "\U0001d7d9"],
    ["", "]", ".", ")", ":"],
    ["", " ", "  ", "\t", "\u00a0", "\u3000"],
    ["", "x", " ", "ab c", "."],
)
opening_lines = st.tuples(*(st.sampled_from(p) for p in _PARTS)).map("".join)
# The same with a number always there and a bracket or none before it.
numbered_lines = st.tuples(
    st.sampled_from(["", "["]),
    *(st.sampled_from([p for p in ps if p]) for ps in _PARTS[1:4]),
    st.sampled_from(_PARTS[4]),
).map("".join)


def _named(marks: int) -> list[str]:
    return sorted(name for name, bit in _NAMES.items() if marks & bit)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["why"])
def test_golden_lines_get_their_marks(case):
    got = mark.line_marks([case["text"]])[0]
    assert _named(got) == sorted(case["marks"])
    assert got == mark_reference.line_marks(case["text"])


@LAW
@given(st.lists(lines | menu_lines | opening_lines | numbered_lines | st.text(), max_size=8))
def test_core_marks_are_the_regular_expressions(texts):
    assert mark.line_marks(texts) == [mark_reference.line_marks(t) for t in texts]


def test_separated_menu_reads_the_function_words_too():
    assert mark.separated_menu(describe("Home | News | Sport"))
    # "Terms of Use | Privacy | Contact": 1 function word in 5 passes, a sentence's share does not.
    assert mark.separated_menu(describe("Terms of Use | Privacy | Contact"))
    assert not mark.separated_menu(describe("Go to the shop | and the bank | of the town"))
    assert not mark.separated_menu(describe("Home | News"))


class _Line(NamedTuple):
    """What ``outlying_blocks`` reads of a line."""

    label: bool
    prose: bool
    n_words: int


# Runs of alike lines, so that blocks, gaps and runs of labels as long as the limits occur.
_run = st.tuples(st.booleans(), st.booleans(), st.booleans(), st.booleans(), st.integers(0, 60), st.integers(1, 25))
pages = st.lists(_run, max_size=10).map(lambda runs: [r[:5] for r in runs for _ in range(r[5])])


@LAW
@given(pages)
def test_core_blocks_are_the_plain_loops(page):
    flagged = [f for f, _, _, _, _ in page]
    label = [lab for _, lab, _, _, _ in page]
    letter = [le for _, _, le, _, _ in page]
    prose = [p for _, _, _, p, _ in page]
    n_words = [n for *_, n in page]
    infos = [_Line(lab, p, n) for lab, p, n in zip(label, prose, n_words)]
    flags = [Verdict("x") if f else None for f in flagged]
    marks = [mark.LETTER * le for le in letter]
    got = _core.outlying_blocks(
        infos, flags, marks, mark.OUTLYING_GAP, mark.OUTLYING_LABELS, mark.OUTLYING_SHARE, mark.OUTLYING_LABEL_SHARE
    )
    bare = [lab and le for lab, le in zip(label, letter)]
    assert got == mark_reference.outlying_blocks(flagged, bare, prose, n_words)


def test_outlying_blocks_refuses_lists_of_other_lengths():
    with pytest.raises(ValueError, match="length"):
        _core.outlying_blocks([_Line(True, True, 3)], [None], [], 5, 20, 0.2, 0.05)


_wrap_lines = st.sampled_from(["the town voted on", "Monday.", "and then:", "ça", "Éte", "", "x;", "ß", "ǅ a"])


@LAW
@given(st.lists(st.tuples(_wrap_lines | lines, st.booleans()), max_size=12))
def test_wrapped_units_are_the_plain_walk(page):
    texts = [t for t, _ in page]
    flags = [Verdict("x") if f else None for _, f in page]
    infos = [describe(" ".join(t.split())) for t in texts]
    collapsed = [info.text for info in infos]
    got = mark._wrapped_units(infos, flags, mark.line_marks(collapsed))
    assert got == mark_reference.wrapped_units(collapsed, [f is not None for f in flags])
