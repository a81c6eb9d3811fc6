"""Verification's word tables and batched alignments (issue 18): the same verdicts, fewer calls.

``verify.WordTables`` numbers lexical classes and fact keys once per process (``_code_words``),
so a chunk's tables depend on what the process verified before; the core only compares ids, and
these laws hold its verdicts to that. ``verify.align_pairs`` aligns a chunk's pairs in one call of
the core; it must give, pair by pair, the words matched of :func:`verify.align` (its oracle).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import word_traits_reference
from nettoyeur.config import CleanConfig
from nettoyeur.dedup import verify
from nettoyeur.dedup.shingle import uncased_words
from nettoyeur.dedup.stage import paragraph_data, prepared_chunk
from nettoyeur.dedup.verify import WordTables, align, align_pairs, verify_chunk
from nettoyeur.text.lexicon import DATES, DATES_IF_CAPITALISED, NUMBER_VALUES, POLARITY

DATA = Path(__file__).parents[1] / "data"

# Words written for this test: names, figures, negations and polar words, a typo, words that
# join or split, unspaced script, a dotless i, sharp s, final sigma, combining marks, an astral char.
_WORDS = [
    "Marbury", "river", "rivers", "garden", "13", "14", "4,5", "not", "never", "good", "bad", "the", "a",
    "e-mail", "email", "z.", "B.", "東京", "大阪", "ı", "İstanbul", "Straße", "strasse", "ΟΔΟΣ", "οδος",
    "cafe\u0301", "café", "𝔘nicode", "increase", "decrease", "Monday", "Tuesday",
]  # fmt: skip
_SEPARATORS = [" ", " ", ", ", ". ", "\u00a0", "\u2003", "\t"]
_TEXT = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=25).map(
    lambda parts: "".join(w + sep for w, sep in parts)
)
# Any Unicode, lone surrogates and every kind of white space included.
_ANY = st.text(st.characters(blacklist_categories=()), max_size=40)


def _golden_texts() -> list[str]:
    golden = json.loads((DATA / "dedup_pairs.json").read_text(encoding="utf-8"))["pairs"]
    return [p[side] for p in golden for side in ("a", "b")]


def _all_pairs(n: int) -> np.ndarray:
    return np.array([(i, j) for i in range(n) for j in range(n) if i != j], dtype=np.int64).reshape(-1, 2)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_TEXT, _ANY), min_size=1, max_size=6))
def test_align_pairs_is_align_pair_by_pair(texts):
    prep = paragraph_data(texts, 3)
    pairs = _all_pairs(len(texts))
    expected = []
    for a, b in pairs.tolist():
        (wa, _, fa), (wb, _, fb) = prep.paragraph(a), prep.paragraph(b)
        expected.append(align(wa, wb, fa, fb)[0] if wa and wb else 0)
    assert align_pairs(prep, pairs).tolist() == expected
    assert align_pairs(prep, pairs, WordTables.of(prep)).tolist() == expected


def test_align_pairs_of_golden_pairs_matches_words():
    texts = _golden_texts()
    prep = paragraph_data(texts, 3)
    matched = align_pairs(prep, np.array([(i, i) for i in range(len(texts))], dtype=np.int64))
    assert matched.tolist() == np.diff(prep.word_offsets).tolist()  # a paragraph matches all its words
    assert align_pairs(prep, np.zeros((0, 2), dtype=np.int64)).tolist() == []


def _verdicts(prep, pairs, config):
    kinds, conflicts, related = verify_chunk(prep, pairs, config, WordTables.of(prep))
    return kinds.tolist(), conflicts.tolist(), related


def test_verdicts_do_not_depend_on_the_process_numbering():
    texts = _golden_texts()
    prep = paragraph_data(texts, 3)
    pairs = _all_pairs(len(texts))
    config = CleanConfig()
    verify._forget_codes()
    first, tables = _verdicts(prep, pairs, config), WordTables.of(prep)
    # Other words coded first, in another order: other ids, the same verdicts.
    verify._forget_codes()
    others = paragraph_data(["Ein ganz anderer Satz, 1999, nicht gut.", *reversed(texts)], 3)
    WordTables.of(paragraph_data([" ".join(random.Random(3).sample(others.words, len(others.words)))], 3))
    renumbered = WordTables.of(prep)
    assert not np.array_equal(tables.keys, renumbered.keys)
    assert _verdicts(prep, pairs, config) == first
    assert first[2] and any(first[1])  # copies and conflicts both found: the law could fail


def test_codes_start_again_past_their_limit(monkeypatch):
    texts = _golden_texts()
    prep = paragraph_data(texts, 3)
    pairs = _all_pairs(len(texts))
    config = CleanConfig()
    verify._forget_codes()
    first = _verdicts(prep, pairs, config)
    monkeypatch.setattr(verify, "_MAX_CODED", 10)
    assert len(verify._CODES) > 10
    tables = WordTables.of(prep)  # forgets the codes first, then codes this batch's words again
    assert len(verify._CODES) == len(prep.words)
    assert len(tables.key_polar) == len(set(tables.keys.tolist()))
    assert _verdicts(prep, pairs, config) == first


@given(st.lists(st.one_of(_TEXT, _ANY), max_size=6))
@settings(max_examples=60, deadline=None)
def test_the_tables_lexicon_bits_are_the_fact_flags_own(texts):
    # prepared_chunk reads the fact flags' lexicon bits with the word tables, in one look-up a word.
    prep, tables = prepared_chunk(texts, 2)
    assert tables.lexicon.tolist() == [word_traits_reference.fact_bits(w) for w in prep.words]
    assert np.array_equal(tables.classes, WordTables.of(prep).classes)
    # and each word's uncased_words bit, coded once per process beside its key (the facts it gives:
    # tests/dedup/test_prepared.py, test_paragraph_data_is_the_word_by_word_reading).
    assert np.array_equal(tables.uncased, uncased_words(prep.words))
    assert np.array_equal(tables.keys, WordTables.of(prep).keys)


def test_every_lexical_class_fits_the_code():
    # _code_words keeps 16 bits for a class id: the lexicons must hold fewer classes than that.
    classes = {"neg"} | set(POLARITY.values()) | set(NUMBER_VALUES.values())
    classes |= {verify._unaccented(w) for w in DATES | DATES_IF_CAPITALISED}
    assert 10 < len(classes) < (1 << 16) - 1


def test_a_chunk_after_others_is_prepared_as_alone(monkeypatch):
    # The process numbers every chunk's words in one interner (verify._VOCABULARY); a chunk's own
    # words, ids and tables must not depend on the chunks before it, nor on the numbering restarting.
    texts = _golden_texts()
    verify._forget_codes()
    alone, alone_tables = prepared_chunk(texts[:40], 3)
    others = ["Ein ganz anderer Satz, 1999, nicht gut.", *reversed(texts[20:])]
    prepared_chunk(others, 3)
    again, tables = prepared_chunk(texts[:40], 3)
    assert len(verify._VOCABULARY.words) > len(again.words)  # the process knows more words than this chunk
    assert again.words == alone.words and np.array_equal(again.chars, alone.chars)
    assert np.array_equal(again.ids, alone.ids) and np.array_equal(again.facts, alone.facts)
    assert np.array_equal(tables.classes, alone_tables.classes)
    assert np.array_equal(tables.flags, alone_tables.flags) and np.array_equal(tables.lexicon, alone_tables.lexicon)
    assert np.array_equal(tables.keys, WordTables.of(again).keys)
    monkeypatch.setattr(verify, "_MAX_CODED", 10)
    restarted, _ = prepared_chunk(texts[:40], 3)  # past the limit: words and codes start again
    assert len(verify._VOCABULARY.words) == len(verify._CODES) == len(restarted.words)
    assert restarted.words == alone.words and np.array_equal(restarted.ids, alone.ids)
