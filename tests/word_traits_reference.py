"""The plain Python reference of a word's traits: verification's lexical class, flags and lexicon
bits as they were read word by word, before ``verify._traits`` and ``shingle.fact_bits_of`` read
them in C-level passes over a chunk's new words (issue 18).

The oracle of ``tests/dedup/test_word_traits.py``: the production values must be exactly these.
A word may be a signed number ("-5": verification's word of a number with a minus sign,
``shingle.Tokens.signed``): a figure with a digit, like any other, never all digits.
"""

from __future__ import annotations

import unicodedata

from nettoyeur.dedup.shingle import (
    _DATE_IF_CAPITAL,
    _FACT_WORD,
    _FIXED,
    _FIXED_FIRST,
    _GERMAN_MARKER,
    _GERMAN_NOUN_SUFFIXES,
    _NO_NAME,
    _NOUN_SUFFIX,
    _NU_MARKER,
    _NUMBER_WORD,
    ADVERB_SUFFIXES,
    CASELESS_IN_USE,
    COMPARISONS,
    FACT_WORDS,
    NOT_NAMES,
)
from nettoyeur.dedup.verify import (
    _ALL_ALPHA,
    _ALL_DIGIT,
    _HAS_DIGIT,
    _LOWER,
    _NUMBER,
    _PLAIN,
    _POLAR,
    _STOPWORD,
    _polar,
)
from nettoyeur.text.lexicon import (
    DATES,
    DATES_IF_CAPITALISED,
    GERMAN_MARKERS,
    NEGATION_STEMS,
    NEGATIONS,
    NU_MARKERS,
    NUMBER_VALUES,
    NUMBER_WORDS,
    POLARITY,
    STOPWORDS,
    UNIT_CLASSES,
)


def _listed_class(word: str) -> str | None:
    """Returns the class the lexicons give a word: one lexicon after the other."""
    if word in NEGATIONS:
        return "neg"
    pole = POLARITY.get(word)
    if pole is not None:
        return pole
    value = NUMBER_VALUES.get(word)
    if value is not None:
        return value
    if word in DATES or word in DATES_IF_CAPITALISED:
        return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return None


def lexical_class(word: str) -> str | None:
    """Returns the fact class a word has by itself: the lexicons', an inflected pole word's, a compound's."""
    word = "".join(c for c in word if not (0x064B <= ord(c) <= 0x0652 or c == "\u0670" or 0x05B0 <= ord(c) <= 0x05C7))
    cls = _listed_class(word)
    if cls is not None:
        return cls
    if word.startswith(NEGATION_STEMS):
        return "neg"  # an inflected negating verb ("않았다")
    if word[:1] == "-" and _listed_class(word[1:]) is not None:
        return "-" + _listed_class(word[1:])  # a currency sign with a minus ("-$"): another amount
    for stem in (word[:-1], word[:-2], word[:-3]):
        pole = POLARITY.get(stem) if len(stem) >= 6 else None
        if pole is not None and pole not in UNIT_CLASSES:
            return pole if pole.startswith("~") else "~" + pole  # an inflected pole word, weak
    for cut in range(len(word) - 4, 3, -1):  # a compound: its longest first part of a class, weak
        cls = _listed_class(word[:cut])
        if cls is not None and cls != "neg" and cls not in UNIT_CLASSES:
            return "~" + cls if cls[-1] in "+-" and not cls.startswith("~") else cls
    return None


def figure(c: str) -> bool:
    """True for a character that makes a word a figure: a digit, or a comparison sign (``COMPARISONS``)."""
    return c.isdigit() or c in COMPARISONS


def cased_lower(word: str) -> bool:
    """True for a word in lower case of a script whose text uses case (not Georgian: ``CASELESS_IN_USE``)."""
    return word.islower() and not CASELESS_IN_USE[0] <= word[:1] <= CASELESS_IN_USE[1]


def traits(word: str) -> tuple[str | None, int]:
    """Returns a word's lexical class and flags, one character after the other."""
    cls = lexical_class(word)
    flags = (
        _HAS_DIGIT * any(map(figure, word))
        | _ALL_DIGIT * all(map(figure, word))
        | _ALL_ALPHA * all(c.isalpha() for c in word)
        | _STOPWORD * (word in STOPWORDS)
        | _POLAR * _polar(cls)
        | _PLAIN * (word in NOT_NAMES)
        | _LOWER * cased_lower(word)
        | _NUMBER * (word in NUMBER_WORDS)
    )
    return cls, flags


def fact_bits(word: str) -> int:
    """Returns the lexicon bits of a folded word, one lexicon after the other."""
    return (
        _FACT_WORD * (word in FACT_WORDS or word.startswith(NEGATION_STEMS))
        | _FIXED * (word in _FIXED_FIRST)
        | _DATE_IF_CAPITAL * (word in DATES_IF_CAPITALISED)
        | _NO_NAME * (word in NOT_NAMES or len(word) == 1 or word.endswith(ADVERB_SUFFIXES))
        | _GERMAN_MARKER * (word in GERMAN_MARKERS)
        | _NOUN_SUFFIX * (len(word) > 5 and word.endswith(_GERMAN_NOUN_SUFFIXES))
        | _NUMBER_WORD * (word in NUMBER_WORDS)
        | _NU_MARKER * (word in NU_MARKERS)
    )
