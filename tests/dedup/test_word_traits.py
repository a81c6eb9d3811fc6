"""A word's traits read in bulk (``verify._traits``, ``shingle.fact_bits_of``) are exactly the
word-by-word reading of ``tests/word_traits_reference.py``, on lexicon words and on any Unicode
(issue 18: Python's own ``str.isdigit`` / ``str.isalpha`` semantics, character by character)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import word_traits_reference as ref
from nettoyeur.dedup import shingle, verify
from nettoyeur.text.lexicon import DATES, DATES_IF_CAPITALISED, NEGATIONS, NUMBER_VALUES, POLARITY, STOPWORDS

_LEXICON = sorted(
    NEGATIONS | set(POLARITY) | set(NUMBER_VALUES) | DATES | DATES_IF_CAPITALISED | STOPWORDS
    | shingle.NOT_NAMES | shingle.FACT_WORDS | shingle._FIXED_FIRST
)  # fmt: skip
# Written for this test: dotless and dotted i, sharp s, final and capital sigma, combining marks,
# CJK, digits of other scripts (Arabic-Indic, Devanagari, fullwidth, mathematical), superscripts,
# fractions and roman numerals (numeric, not digits), lone surrogates, astral letters, comparison signs
# (figures: shingle.COMPARISONS), signed numbers (verification's words of "-5", "−5": shingle.Tokens.signed).
_HARD = [
    "ı", "İ", "ß", "ẞ", "Σ", "ς", "σ", "e\u0301", "\u0301", "東", "京", "٣", "४", "３", "𝟗", "²", "¹",
    "½", "Ⅻ", "\ud800", "\udfff", "𝔘", "a", "Z", "7", "0", "-", "'", ".", "_", "\u00a0", "\u200b", "<", ">=", "≠", "≤",
    "-5", "-12", "-0",
]  # fmt: skip
_WORD = st.one_of(
    st.sampled_from(_LEXICON),
    st.text(st.characters(blacklist_categories=()), max_size=12),
    st.lists(st.sampled_from(_HARD), max_size=8).map("".join),
    st.tuples(st.sampled_from(_LEXICON), st.sampled_from(shingle.ADVERB_SUFFIXES + shingle._GERMAN_NOUN_SUFFIXES)).map(
        "".join
    ),
    # inflected pole words ("höjningen") and compounds ("montagabend", "zwaargewond"), and the near misses
    st.tuples(st.sampled_from(_LEXICON), st.sampled_from(["e", "en", "ar", "ing", "abend", "gewond", "ufer"])).map(
        "".join
    ),
    st.tuples(st.sampled_from(_LEXICON), st.sampled_from(_LEXICON)).map("".join),
)


@given(st.lists(_WORD, max_size=30))
@settings(max_examples=300, deadline=None)
def test_traits_in_bulk_are_the_word_by_word_reading(words):
    classes, flags = verify._traits(words)
    assert classes == [ref.lexical_class(w) for w in words]
    assert flags.tolist() == [ref.traits(w)[1] for w in words]
    assert shingle.fact_bits_of(words).tolist() == [ref.fact_bits(w) for w in words]
    assert [verify._lexical_class(w) for w in words] == classes


def test_hard_characters_have_their_own_flags():
    # Could be false: superscripts are digits to str.isdigit (not to str.isdecimal), fractions are not.
    words = ["²", "½", "٣४", "ab²", "Straße", "", "\ud800", "𝟗𝟘"]
    _, flags = verify._traits(words)
    assert flags.tolist() == [ref.traits(w)[1] for w in words]
    digit, all_digit, alpha = verify._HAS_DIGIT, verify._ALL_DIGIT, verify._ALL_ALPHA
    assert flags[0] == digit | all_digit and flags[1] == 0 and flags[3] == digit | verify._LOWER and flags[4] & alpha
    assert flags[5] == all_digit | alpha  # every character of "" is a digit and a letter


def test_every_lexicon_word_has_its_class_and_bits():
    classes, flags = verify._traits(_LEXICON)
    assert classes == [ref.lexical_class(w) for w in _LEXICON]
    assert flags.tolist() == [ref.traits(w)[1] for w in _LEXICON]
    assert shingle.fact_bits_of(_LEXICON).tolist() == [ref.fact_bits(w) for w in _LEXICON]
    assert sum(c is not None for c in classes) > 50


def test_the_words_asked_for_a_class_are_all_those_that_have_one():
    # verify._lexical_classes asks _lexical_class only of the words a first pass says may have a class:
    # every lexicon word, with each ending and each lexicon word after it, signed, and vowel-pointed.
    endings = ["", "e", "en", "ing", "ningen", "abend", *shingle.ADVERB_SUFFIXES, *shingle._GERMAN_NOUN_SUFFIXES]
    words = [w + e for w in _LEXICON for e in endings] + ["-" + w for w in _LEXICON]
    words += [w + v for w in _LEXICON[:400] for v in _LEXICON[::97]]
    words += ["ممكناً", "لا\u064e", "\u05dc\u05b9\u05d0", *_HARD]
    classes = verify._lexical_classes(words)
    assert classes == [verify._lexical_class(w) for w in words]
    assert sum(c is not None for c in classes) > 1000  # could be false: the first pass must let them through
