"""The built-in rules in more languages (rule_languages*.py): golden lines per language, and the tables' own laws.

Each table of :data:`nettoyeur.boilerplate.rule_languages.LANGUAGES` has golden lines in
tests/data/boilerplate_languages.json: chrome a rule of the given kind must be the first to
match, and content (sentences that use the rules' words, headings, recipe lines, table rows)
no rule may match. The core's candidates of these lines are checked against the plain loop over
the rules (the oracle) in tests/boilerplate/test_rule_core.py, which reads this file too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dates_reference import DATE_SEARCH
from nettoyeur.boilerplate.line_shapes import describe
from nettoyeur.boilerplate.rule_languages import DATE_KEYS, LANGUAGES, marker_keys, with_languages, word_list
from nettoyeur.boilerplate.rule_table import BUILTIN, NAVIGATION
from nettoyeur.boilerplate.rule_table_notices import DIGIT, NOTICES
from nettoyeur.boilerplate.rules import FRAGMENTS, builtin_rules, word_trie

DATA = json.loads((Path(__file__).parents[1] / "data" / "boilerplate_languages.json").read_text(encoding="utf-8"))
CASES = [dict(case, lang=lang) for lang, cases in DATA["languages"].items() for case in cases]
RULES = builtin_rules()


def _first_rule(text: str):
    info = describe(text)
    return next((r for r in RULES if r.matches(info.text, info.n_words)), None)


def test_every_language_table_has_golden_lines_of_both_verdicts():
    assert set(DATA["languages"]) == set(LANGUAGES)
    for lang, cases in DATA["languages"].items():
        assert {c["expect"] for c in cases} == {"keep", "remove"}, lang


@pytest.mark.parametrize("case", [c for c in CASES if c["expect"] == "remove"], ids=lambda c: c["lang"] + c["text"])
def test_chrome_line_of_another_language_is_matched_by_a_rule_of_its_kind(case):
    rule = _first_rule(case["text"])
    assert rule is not None, "no rule matched"
    assert rule.kind == case["kind"], rule.name


@pytest.mark.parametrize("case", [c for c in CASES if c["expect"] == "keep"], ids=lambda c: c["lang"] + c["text"])
def test_content_line_of_another_language_is_matched_by_no_rule(case):
    rule = _first_rule(case["text"])
    assert rule is None, f"{rule.kind}:{rule.name} matched {case['why']}"


def test_every_key_of_every_table_is_read_by_a_row_or_a_fragment():
    rows = {name for _, name, _, _, _ in NAVIGATION + NOTICES}
    markers = marker_keys([t for _, _, t, _, _ in NAVIGATION + NOTICES]) | rows
    for lang, table in LANGUAGES.items():
        unread = set(table) - markers - set(FRAGMENTS) - set(DATE_KEYS)
        assert not unread, (lang, unread)


def test_needles_are_lower_case_and_months_and_weekdays_are_plain_lower_case_words():
    for lang, table in LANGUAGES.items():
        for key, entry in table.items():
            if isinstance(entry, tuple):
                assert all(n == n.lower() and n for n in entry[1]), (lang, key)
        for key in ("months", "weekdays"):
            for word in word_list(table.get(key, "")):
                assert not re.search(r"[][()?*+{}^$\\|]", word) and word == word.lower(), (lang, word)


def test_rows_keep_their_order_and_the_old_rows_still_read_inside_the_new():
    # The markers only add alternatives: the rows are the same rows, in the same order.
    assert [(k, n, w) for k, n, _, w, _ in BUILTIN] == [(k, n, w) for k, n, _, w, _ in NAVIGATION + NOTICES]
    assert not any("‹langs" in t for _, _, t, _, _ in BUILTIN)
    for (_, _, old, _, needles), (_, _, new, _, more) in zip(NAVIGATION + NOTICES, BUILTIN):
        assert more[: len(needles)] == needles
        if "‹langs" not in old:
            assert new == old


def test_a_marker_nobody_fills_or_an_entry_without_the_rows_needles_is_refused():
    with pytest.raises(ValueError, match="no language fills"):
        with_languages(("nav", "t", r"a|‹langs:nobody›", 5, ()), DIGIT)
    with pytest.raises(ValueError, match="need needles"):
        with_languages(("t", "ui-label", r"a|‹langs›", 5, ("a",)), DIGIT)
    with pytest.raises(ValueError, match="have needles"):
        with_languages(("t", "copyright", r"a|‹langs›", 5, ()), DIGIT)


@pytest.mark.parametrize(
    "words", [["mar", "marca", "marzec", "marta", "maj"], ["a b", "a", "ab"], ["czerwca", "czerwiec", "d'abril"]]
)
def test_a_word_trie_matches_exactly_its_words(words):
    pattern = re.compile(word_trie(words))
    prefixes = {w[:k] for w in words for k in range(len(w) + 2)}
    assert {p for p in prefixes if pattern.fullmatch(p)} == set(words)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Moving house in June. 1998 was hard.", None),
        ("The club met on a Tuesday, October 7. Nobody came.", "Tuesday, October 7"),
        ("Spotkanie odbyło się we wtorek, 7 października 2025.", "wtorek, 7 października 2025."),
    ],
)
def test_a_month_the_first_five_languages_read_gains_no_form_of_the_others(text, date):
    # "June. 1998" is no date in English: the other languages' date forms read only their own months.
    found = DATE_SEARCH.search(text)
    assert (found and found.group()) == date
