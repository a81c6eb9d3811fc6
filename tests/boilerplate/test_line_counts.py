"""Pass 1's line counting: the core's test of a counted line and its keys give what the plain definitions give."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nettoyeur.boilerplate import line_counts
from nettoyeur.boilerplate.line_shapes import count_words, frequency_key, has_fewer_words
from nettoyeur.boilerplate.mark import FREQUENCY_MAX_WORDS, counted, pair_key, paired
from nettoyeur.text.hashing import hash64
from shapes_reference import document_keys

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


@pytest.mark.parametrize("case", CASES["counted_lines"], ids=lambda c: c["label"])
def test_counted_golden(case):
    assert counted(case["text"]) is case["counted"]
    assert (count_words(case["text"]) < FREQUENCY_MAX_WORDS) is case["counted"]


@LAW
@given(st.lists(st.sampled_from(["Home", "News", "12", "Home", "a b c", "Sport 3", ""]) | lines, max_size=12))
def test_pass_one_keys_are_the_hashes_of_the_lines_and_pairs_the_signal_asks_for(texts):
    # Pass 1 counts 64-bit keys; the frequency signal asks LineCounts for the text keys of
    # boilerplate.document_keys: both must name the same lines and the same adjacent pairs.
    found = line_counts.document_line_keys(texts)
    assert len(found) == len(set(found))  # each once
    assert set(found) == {hash64(k) for k in document_keys(texts)}
    keys = document_keys(texts)
    for first, second in zip(texts, texts[1:]):
        both = paired(first) and paired(second)
        assert (pair_key(frequency_key(first), frequency_key(second)) in keys) or not both


def test_a_line_of_figures_pairs_with_nothing():
    keys = document_keys(["Total", "25", "Average"])
    assert "total" in keys and "0" in keys and "average" in keys
    assert pair_key("total", "0") not in keys and pair_key("0", "average") not in keys
    assert pair_key("total", "average") not in keys  # not neighbours: the figure stands between them
