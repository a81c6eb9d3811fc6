"""The structures that keep short lines from the position signal (nettoyeur.boilerplate.content_guards)."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import content_guards_reference
import mark_reference
from content_guards_reference import closing, entry_lines, salutation
from golden_documents import assert_fixed_point, assert_marked
from golden_documents import document as _doc
from nettoyeur import _core
from nettoyeur.boilerplate.content_guards import ENTRY_MIN, spared
from nettoyeur.boilerplate.line_shapes import describe
from nettoyeur.boilerplate.mark import mark
from nettoyeur.boilerplate.rules import builtin_rules
from nettoyeur.records import Verdict

DATA = json.loads((Path(__file__).parents[1] / "data" / "content_guards_cases.json").read_text(encoding="utf-8"))
RULES = builtin_rules()
DOCUMENTS = DATA["documents"]


def _kept(lines: list[str]) -> list[bool]:
    doc = _doc(lines)
    mark(doc, RULES, None, 5)
    return [p.kept for p in doc.paragraphs]


def test_golden_pages_hold_every_structure_in_several_languages_with_negatives():
    langs = {case["lang"] for case in DOCUMENTS}
    structures = {case["structure"] for case in DOCUMENTS}
    assert len(langs) >= 4
    assert {"letter", "field value", "signed entries"} <= structures
    assert sum(s.startswith("negative") for s in structures) >= 2


@pytest.mark.parametrize("case", DOCUMENTS, ids=lambda c: c["name"])
def test_golden_page_lines_are_kept_or_removed_as_expected(case):
    assert_marked(case, RULES, lambda verdict, expected: verdict.reason.split(":")[1] == expected["signal"])


@pytest.mark.parametrize("case", DOCUMENTS, ids=lambda c: c["name"])
def test_cleaning_a_golden_page_again_removes_nothing(case):
    assert_fixed_point([line["text"] for line in case["lines"]], RULES)


_FORMULAS = [
    (read, text, expected)
    for read, name in ((salutation, "salutations"), (closing, "closings"))
    for expected, key in ((True, "keep"), (False, "not"))
    for text in DATA[name][key]
]


@pytest.mark.parametrize(("read", "text", "expected"), _FORMULAS, ids=lambda v: getattr(v, "__name__", str(v)))
def test_letter_formulas_are_read_and_look_alikes_are_not(read, text, expected):
    # "Dearborn Street" only begins like "Dear ...", "Care instructions" like a closing's "Care"
    assert read(describe(text)) is expected


def test_lone_lines_are_entries_only_in_a_series():
    prose = describe(DOCUMENTS[0]["lines"][5]["text"])
    name = describe("Tom Briggs")
    for n in range(1, ENTRY_MIN + 2):
        infos = [prose]
        for _ in range(n):
            infos += [name, prose]
        found = entry_lines(infos, [True] * len(infos))
        assert found == ([2 * i + 1 for i in range(n)] if n >= ENTRY_MIN else [])


_LETTER = next(case for case in DOCUMENTS if case["name"] == "en-letter")["lines"]
_HEAD = [line["text"] for line in _LETTER[:4]]
_BODY = [line["text"] for line in _LETTER[4:11]]  # salutation, two paragraphs, closing, signature
_FOOT = [line["text"] for line in _LETTER[11:]]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(_HEAD + _FOOT), max_size=8),
    st.lists(st.sampled_from(_HEAD + _FOOT), max_size=8),
    st.sampled_from([0, 1]),
)
def test_a_letter_keeps_its_salutation_closing_and_signature_whatever_the_chrome_around_it(head, foot, short):
    """Law: the chrome above and below a letter never takes its salutation, closing or signature."""
    body = _BODY[:2] + _BODY[2 + short :] if short else _BODY  # with one paragraph or two
    kept = _kept(head + body + foot)
    assert all(kept[len(head) : len(head) + len(body)])


_POOL = [line["text"] for case in DOCUMENTS for line in case["lines"]]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_POOL), min_size=1, max_size=25))
def test_the_guards_keep_cleaning_idempotent_for_any_mix_of_lines(lines):
    """Law: what the guards spare, a second clean of the output spares again (a fixed point)."""
    assert_fixed_point(lines, RULES)


# Lines of every kind the guards read: salutations and closings (and look-alikes), field labels,
# asides in brackets, bars of links, names, and prose; each drawn with a shape of its own.
_GUARD_TEXTS = st.sampled_from(
    DATA["salutations"]["keep"][:4]
    + DATA["salutations"]["not"][:2]
    + DATA["closings"]["keep"][:4]
    + DATA["closings"]["not"][:2]
    + ["Location:", "Instructor :", "Tom Briggs", "(Photo: AP)", "[reply]", "Advertise | AdChoices", "", "Jane,"]
    # A lone surrogate (a JSON input may hold one) before a formula and after it: the core reads it as U+FFFD.
    + ["\ud800Yours,", "Dear\udfff Jo", "Hi\ud800x"]
    + [DOCUMENTS[0]["lines"][5]["text"]]
)
_GUARD_FLAGS = st.sampled_from(
    [None] * 4
    + [
        Verdict("boilerplate:position:footer", detail="x"),
        Verdict("boilerplate:position:header", detail="x"),
        Verdict("boilerplate:position:headline-run", detail="run"),
        Verdict("boilerplate:pattern:share", detail="x"),
    ]
)
_guard_line = st.tuples(
    st.builds(
        lambda text, n_words, prose: describe(text)._replace(n_words=n_words, prose=prose),
        _GUARD_TEXTS,
        st.sampled_from([0, 1, 2, 4, 5, 6, 7, 8, 9, 40]),
        st.booleans(),
    ),
    _GUARD_FLAGS,
    st.booleans(),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_guard_line, max_size=14))
def test_core_guards_are_the_plain_walk(page):
    """Law: the core's walk spares what the plain Python walk spares, on random pages of flags and shapes."""
    infos = [info for info, _, _ in page]
    flags = [flag for _, flag, _ in page]
    signalled = [s for _, _, s in page]
    assert spared(infos, flags, signalled) == sorted(content_guards_reference.spared(infos, flags, signalled))


@pytest.mark.parametrize("case", DOCUMENTS, ids=lambda c: c["name"])
def test_golden_pages_are_spared_as_the_plain_walk_spares_them(case, monkeypatch):
    """Every golden page gets the same verdicts from the core's walk as from the plain one."""
    from nettoyeur.boilerplate import mark as mark_module

    lines = [line["text"] for line in case["lines"]]
    doc = _doc(lines)
    mark(doc, RULES, None, 5)
    got = [p.verdict for p in doc.paragraphs]
    position = partial(mark_reference.core_position, spared=content_guards_reference.spared)
    monkeypatch.setattr(mark_module, "_article_signals", partial(mark_reference.article_signals, position=position))
    doc = _doc(lines)
    mark(doc, RULES, None, 5)
    assert got == [p.verdict for p in doc.paragraphs]


def test_spared_refuses_lists_of_other_lengths():
    info = describe("Dear Anna,")
    with pytest.raises(ValueError, match="length"):
        spared([info], [None], [])
    with pytest.raises(TypeError):  # a reason that is not a string
        _core.spared([info], [Verdict(1)], [True], "x", (6, 6, 4, 8, 4, 6, 3), None, None)
