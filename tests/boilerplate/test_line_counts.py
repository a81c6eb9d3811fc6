"""Pass 1's line counting: the fast test of a counted line gives what counting its words gives."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nettoyeur.boilerplate import line_counts
from nettoyeur.boilerplate.line_shapes import at_least_words_pattern, count_words, frequency_key, has_fewer_words
from nettoyeur.boilerplate.mark import FREQUENCY_MAX_WORDS, counted, document_keys, pair_key, paired
from nettoyeur.text.hashing import hash64

CASES = json.loads((Path(__file__).parents[1] / "data" / "report_linecount_cases.json").read_text(encoding="utf-8"))
LAW = settings(max_examples=300, deadline=None)

# Words of every kind that makes the tests differ if they are wrong: latin words, digits,
# underscores (word characters), combining marks, CJK (one token per one or two characters),
# the katakana middle dot (in the CJK range but not a word character), punctuation, spaces.
_PIECES = ["mot", "a", "é", "x1", "_", "\u0301", "日", "本語", "・", ",", " ", "  ", "\t", "—", "!", "\u3000"]
# Lines near the limit: up to three times as many pieces as the limit has words.
lines = st.lists(st.sampled_from(_PIECES), max_size=3 * FREQUENCY_MAX_WORDS).map("".join)


@LAW
@given(lines)
def test_counted_is_fewer_words_than_the_limit(text):
    assert counted(text) == (count_words(text) < FREQUENCY_MAX_WORDS) == has_fewer_words(text, FREQUENCY_MAX_WORDS)


@LAW
@given(lines)
def test_the_possessive_pattern_matches_what_the_backtracking_one_matches(text):
    backtracking = re.compile(rf"(?:\W*\w+\b){{{FREQUENCY_MAX_WORDS}}}")  # the Python 3.10 form
    assert (at_least_words_pattern(FREQUENCY_MAX_WORDS).match(text) is None) == (backtracking.match(text) is None)


@pytest.mark.parametrize("case", CASES["counted_lines"], ids=lambda c: c["label"])
def test_counted_golden(case):
    assert counted(case["text"]) is case["counted"]
    assert (count_words(case["text"]) < FREQUENCY_MAX_WORDS) is case["counted"]


@LAW
@given(st.lists(lines, max_size=8))
def test_counted_key_is_the_hash_of_the_frequency_key_of_a_counted_line(texts):
    for _ in range(2):  # the second time from the memo
        for text in texts:
            want = hash64(frequency_key(text)) if count_words(text) < FREQUENCY_MAX_WORDS else None
            assert line_counts.counted_key(text) == want


@LAW
@given(st.lists(st.sampled_from(["Home", "News", "12", "Home", "a b c", "Sport 3", ""]) | lines, max_size=12))
def test_pass_one_keys_are_the_hashes_of_the_lines_and_pairs_the_signal_asks_for(texts):
    # Pass 1 counts 64-bit keys; the frequency signal asks LineCounts for the text keys of
    # boilerplate.document_keys: both must name the same lines and the same adjacent pairs.
    for _ in range(2):  # the second time from the memo
        assert line_counts.document_line_keys(texts) == {hash64(k) for k in document_keys(texts)}
    keys = document_keys(texts)
    for first, second in zip(texts, texts[1:]):
        both = paired(first) and paired(second)
        assert (pair_key(frequency_key(first), frequency_key(second)) in keys) or not both


def test_a_line_of_figures_pairs_with_nothing():
    keys = document_keys(["Total", "25", "Average"])
    assert "total" in keys and "0" in keys and "average" in keys
    assert pair_key("total", "0") not in keys and pair_key("0", "average") not in keys
    assert pair_key("total", "average") not in keys  # not neighbours: the figure stands between them
