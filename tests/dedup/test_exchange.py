"""Two phrases exchanged around the words between them (the core's verify::exchanged): another statement."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nettoyeur._core import exchanged as core_exchanged

import verify_reference as ref
from nettoyeur.dedup.shingle import words
from nettoyeur.dedup.verify import EXCHANGE_MAX_WORDS
from nettoyeur.text.lexicon import STOPWORDS

CASES = [
    # (a, b, exchanged)
    ("flights from paris to rome start in april", "flights from rome to paris start in april", True),
    ("in the final novak petrovic beat marco bellini", "in the final marco bellini beat novak petrovic", True),
    ("rents grew faster than wages last year", "wages grew faster than rents last year", True),
    ("上海飞往曼谷的航班", "曼谷飞往上海的航班", True),
    # an adverbial moved with its preposition or article: a clause reordered
    ("ab april fliegt die gesellschaft nach lissabon", "die gesellschaft fliegt ab april nach lissabon", False),
    ("laut polizei fuhr er kurz nach mitternacht los", "kurz nach mitternacht fuhr er laut polizei los", False),
    # two phrases in the same frame, nothing between them but the word before each
    ("she spoke at length at westminster yesterday", "she spoke at westminster at length yesterday", False),
    ("the museum is older than the cathedral", "the cathedral is older than the museum", True),
    ("letters were sent to berlin and to paris yesterday", "letters were sent to paris and to berlin yesterday", True),
    ("berlin voted yes and paris voted no", "paris voted yes and berlin voted no", True),
    # neighbours swapped, a word replaced, the same text: no exchange
    ("the big red bus left early", "the red big bus left early", False),
    ("flights from paris to rome start in april", "flights from paris to lyon start in april", False),
    ("flights from paris to rome", "flights from paris to rome", False),
    # runs longer than EXCHANGE_MAX_WORDS: clauses reordered
    ("one two three four five and six seven eight nine", "six seven eight nine and one two three four five", False),
]


@pytest.mark.parametrize(("a", "b", "exchanged"), CASES)
def test_exchange(a: str, b: str, exchanged: bool) -> None:
    vocab: dict[str, int] = {}
    ids_a = [vocab.setdefault(w, len(vocab)) for w in words(a)]
    ids_b = [vocab.setdefault(w, len(vocab)) for w in words(b)]
    stop = [w in STOPWORDS for w in vocab]
    assert core_exchanged(ids_a, ids_b, stop, EXCHANGE_MAX_WORDS) is exchanged
    assert core_exchanged(ids_b, ids_a, stop, EXCHANGE_MAX_WORDS) is exchanged


# A small vocabulary (two stop words among them) makes repeated words, shared ends and exchanges likely.
_VOCAB = ["the", "of", "paris", "rome", "garden", "gardn", "april"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_VOCAB), max_size=9), st.data())
def test_exchange_agrees_with_the_reference(a: list[str], data: st.DataObject) -> None:
    """The core's exchange test is the reference's on any pair of the same length (others are never exchanges)."""
    b = data.draw(st.one_of(st.permutations(a), st.lists(st.sampled_from(_VOCAB), min_size=len(a), max_size=len(a))))
    vocab = {w: i for i, w in enumerate(_VOCAB)}
    stop = [w in STOPWORDS for w in _VOCAB]
    ids_a, ids_b = [vocab[w] for w in a], [vocab[w] for w in b]
    assert core_exchanged(ids_a, ids_b, stop, EXCHANGE_MAX_WORDS) is ref._exchanged(a, b)
