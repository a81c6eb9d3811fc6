"""The formulas of a letter in the core (``_core.Formulas``, native/src/formulas.rs) against Python's patterns.

The oracle is the pattern as Python wrote it, with its lookahead (tests/content_guards_reference.py:
``[\\W_]*(?:formulas)(?![^\\W\\d_])``, ``re.IGNORECASE``, ``re.match``); the core runs its translation
without the lookahead (``content_guards._opening``, ``rule_regex.core_regex``).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import content_guards_reference as ref
from nettoyeur import _core
from nettoyeur.boilerplate.content_guards import CLOSING_SOURCE, CLOSINGS, SALUTATION_SOURCE, SALUTATIONS, formulas

FORMULAS = formulas()
SOURCES = (SALUTATION_SOURCE, CLOSING_SOURCE)
LAW = settings(max_examples=1500, deadline=None)
DATA = json.loads((Path(__file__).parents[1] / "data" / "content_guards_cases.json").read_text(encoding="utf-8"))
WORDS = sorted({w for phrase in SALUTATIONS + CLOSINGS for w in phrase.split()} | set(SALUTATIONS + CLOSINGS))


def _both(text: str) -> tuple[tuple[bool, bool], tuple[bool, bool]]:
    """(core, Python) for the salutations and the closings; Python's fullmatch of the translated source agrees."""
    core = (FORMULAS.salutation(text), FORMULAS.closing(text))
    python = (ref._SALUTATION.match(text) is not None, ref._CLOSING.match(text) is not None)
    rewritten = tuple(re.fullmatch(source, text, re.IGNORECASE) is not None for source in SOURCES)
    assert rewritten == python, text
    return core, python


def _recased(text: str, how: list[int]) -> str:
    """``text`` with each character as it is, upper-cased, title-cased or lower-cased, by ``how``."""
    forms = (str, str.upper, str.title, str.lower)
    return "".join(forms[how[k % len(how)] if how else 0](c) for k, c in enumerate(text))


# The characters that meet the formulas: their letters and their case partners (Turkish dotless i,
# the long s, the Kelvin sign, final sigma), non-word characters, digits, underscores, marks.
_NEAR = st.sampled_from(sorted(set("".join(WORDS)) | set("İıIiſKΣςσ\u0345ͅ_0٣²½ -,.!—'\"«»()[]\u200d\u0301")))
_PIECES = st.one_of(st.sampled_from(WORDS), _NEAR, st.text(max_size=3))


@LAW
@given(st.text(max_size=40))
@example("")
@example("dear")
@example("Dearborn Street")
def test_random_unicode_is_matched_as_python_matches_it(text):
    core, python = _both(text)
    assert core == python


@LAW
@given(st.lists(_PIECES, max_size=6), st.lists(st.integers(0, 3), max_size=5))
@example(["sayın"], [1])
@example(["  ", "hi", "2"], [])
@example(["liebe", "r"], [])
@example(["liebe", "rman"], [])
@example(["kepada yth", "."], [2])
def test_lines_built_of_the_formulas_words_are_matched_as_python_matches_them(pieces, how):
    text = _recased("".join(pieces), how)
    core, python = _both(text)
    assert core == python


@pytest.mark.parametrize("which", ["salutations", "closings"])
def test_every_formula_recased_opens_a_line_and_a_letter_after_it_does_not(which):
    phrases = SALUTATIONS if which == "salutations" else CLOSINGS
    for phrase in phrases:
        for form in (phrase, phrase.upper(), phrase.title(), "— " + phrase + ",", phrase + "x", "x" + phrase):
            core, python = _both(form)
            assert core == python, form
        core, _ = _both(phrase)
        assert core[0] if which == "salutations" else core[1], phrase


@pytest.mark.parametrize("head", ["dear", "Yours"])
def test_every_character_after_a_formula_ends_it_as_in_python(head):
    """Exhaustive over the character after the formula: the lookahead ``(?![^\\W\\d_])`` the core does without."""
    texts = [head + chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    # (no surrogate: no character of a str the core reads; a surrogate reads as U+FFFD there)
    for core, python in ((FORMULAS.salutation, ref._SALUTATION), (FORMULAS.closing, ref._CLOSING)):
        found = list(map(core, texts))
        wanted = [m is not None for m in map(python.match, texts)]
        assert found == wanted, [hex(ord(t[-1])) for t, a, b in zip(texts, found, wanted) if a != b][:10]


def test_golden_formulas_and_look_alikes_are_python_s():
    texts = [t for name in ("salutations", "closings") for key in ("keep", "not") for t in DATA[name][key]]
    assert len(texts) > 10
    for text in texts:
        core, python = _both(text)
        assert core == python, text


def test_a_pattern_that_does_not_compile_is_a_value_error():
    with pytest.raises(ValueError):
        _core.Formulas("(", "x")


def test_the_translated_sources_have_no_assertion_the_translation_would_drop():
    for source in SOURCES:
        assert not any(a in source for a in ("(?!", "(?=", "(?<", "\\b", "$", "^"))
