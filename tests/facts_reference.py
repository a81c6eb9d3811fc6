"""The plain Python reference of the fact flags: ``Tokens.all_facts`` as it was, word by word,
before ``Tokens.fact_mask`` read the lexicons once per distinct word with numpy.

The oracle of ``tests/dedup/test_prepared.py``: the production flags must be exactly these.
"""

from __future__ import annotations

import numpy as np

from nettoyeur.dedup.shingle import (
    _AT,
    _FIXED_FIRST,
    _GERMAN_NOUN_SUFFIXES,
    _NAMED_SCRIPTS,
    _SOLO,
    _UPPER,
    ADVERB_SUFFIXES,
    FACT,
    FACT_WORDS,
    GERMAN_MIN_MARKERS,
    GERMAN_MIN_SHARE,
    NEGATING,
    NOT_NAMES,
    Tokens,
)
from nettoyeur.text.lexicon import (
    DATES_IF_CAPITALISED,
    GERMAN_MARKERS,
    LANGUAGE_NEGATION_MIN_MARKERS,
    LANGUAGE_NEGATIONS,
    NEGATION_STEMS,
    NOT_FACTS,
    NU_MARKERS,
    NU_MIN_MARKERS,
    NUMBER_WORDS,
    PERCENT_PHRASES,
    POLARITY,
)
from nettoyeur.text.lexicon_unspaced import FUNCTION_CHARS, NEGATION_RUNS, NOT_NEGATION_RUNS, PERCENT_RUNS, PLAIN_RUNS
from word_traits_reference import cased_lower


def is_german(words: list[str]) -> bool:
    """Returns True when a paragraph's folded words read as German (where every noun is capitalised)."""
    markers = sum(map(GERMAN_MARKERS.__contains__, words))
    return markers >= GERMAN_MIN_MARKERS and markers >= GERMAN_MIN_SHARE * len(words)


def is_german_common_noun(words: list[str], i: int, lo: int, has_digit: np.ndarray | None = None) -> bool:
    """Returns True when capitalised word ``i`` of a German paragraph (starting at ``lo``) is surely a common noun.

    German capitalises every noun, so capitalisation alone makes no name there; but a place
    ("die Schweiz", "in der Märkischen Heide") stands where nouns stand, after articles and
    adjectives, so the article is no evidence either. Only corpus-independent cues that
    names lack count: the suffix of an abstract noun ("-ung", "-heit", "-schaft") or a
    figure before it ("13 Kilometer", "drei Millionen Menschen"). Every other capitalised
    word is read as a possible name: replacing it is a fact change, so a changed place or
    person is never merged, at the price of keeping apart a copy whose noun was replaced
    by a synonym.
    """
    w = words[i]
    if len(w) > 5 and w.endswith(_GERMAN_NOUN_SUFFIXES):
        return True
    if i > lo:
        prev = words[i - 1]
        return prev in NUMBER_WORDS or (has_digit is not None and bool(has_digit[i - 1]))
    return False


def all_facts(self: Tokens, words: list[str]) -> list[int]:
    """Returns, for each word of ``self.all_words()``, its fact flags (``FACT``, ``NEGATING``), word by word."""
    flags = [FACT if f else 0 for f in _word_facts(self, words)]
    runs = sorted(PLAIN_RUNS | PERCENT_RUNS | NOT_NEGATION_RUNS | NEGATION_RUNS, key=lambda r: (-len(r), r))
    for i, w in enumerate(words):
        solo = bool(self.entries[self.starts[i]] & _SOLO)
        named = solo and len(w) == 1 and any(lo <= ord(w) <= hi for lo, hi in _NAMED_SCRIPTS)
        if named and not w.isdigit() and w not in FUNCTION_CHARS:
            flags[i] = FACT  # a character of Han, Katakana or Thai: a possible name
    i = 0
    while i < len(words):
        for run in runs:
            k = i + len(run)
            adjacent = all(self.ends[j] == self.starts[j + 1] for j in range(i, k - 1)) if k <= len(words) else False
            if adjacent and "".join(words[i:k]) == run:
                flags[i:k] = [FACT | NEGATING if run in NEGATION_RUNS else 0] * len(run)
                i = k
                break
        else:
            i += 1
    bounds = self.offsets.tolist()
    for p in range(len(bounds) - 1):
        para = words[bounds[p] : bounds[p + 1]]
        for k, w in enumerate(para):
            markers = LANGUAGE_NEGATIONS.get(w)
            if markers is not None and sum(x in markers for x in para) >= LANGUAGE_NEGATION_MIN_MARKERS:
                flags[bounds[p] + k] = FACT | NEGATING  # Welsh "na", Irish "nach", Hausa "ba" where their language is
    return flags


def _word_facts(self: Tokens, words: list[str]) -> list[bool]:
    """Returns, for each word of ``self.all_words()``, whether the lexicons, digits, capitals or "@" make it a fact."""
    if not words:
        return []
    has_digit = self.has_digit()
    upper = ((self.entries[self.starts] & _UPPER) != 0) & ~has_digit
    facts = [d or w in FACT_WORDS or w.startswith(NEGATION_STEMS) for d, w in zip(has_digit.tolist(), words)]
    for i in [i for i, w in enumerate(words[:-1]) if w in _FIXED_FIRST]:
        if (words[i], words[i + 1]) in NOT_FACTS and i + 1 not in self.offsets:
            facts[i] = False  # "sin embargo", "no obstante": no negation
        elif (words[i], words[i + 1]) in PERCENT_PHRASES and i + 1 not in self.offsets:
            facts[i + 1] = False  # "per cent": a unit, no number
    for i, w in enumerate(words):
        no_name = w in NOT_NAMES or len(w) == 1 or w.endswith(ADVERB_SUFFIXES)
        if not has_digit[i] and w[:1].isalpha() and not cased_lower(w) and not no_name and w not in POLARITY:
            facts[i] = True  # a word of a script without case: it may be a name
    for i in [i for i, w in enumerate(words) if w == "nu"]:
        p = int(np.searchsorted(self.offsets, i, side="right")) - 1
        lo, hi = int(self.offsets[p]), int(self.offsets[p + 1])
        if sum(w in NU_MARKERS for w in words[lo:hi]) >= NU_MIN_MARKERS:
            facts[i] = False  # Dutch or Nordic "nu", "now": no negation
    n = len(self.entries)
    if n and int(np.bitwise_or.reduce(self.entries & _AT)):
        # The words on either side of "@" name an address or handle ("morris@example.org").
        after = (self.entries[np.minimum(self.ends, n - 1)] & _AT) != 0
        before = (self.entries[np.maximum(self.starts - 1, 0)] & _AT) != 0
        for i in np.flatnonzero(after | before).tolist():
            facts[i] = True
    capitals = np.flatnonzero(upper).tolist()
    if not capitals:
        return facts
    bounds = self.offsets.tolist()
    para = np.searchsorted(self.offsets, capitals, side="right") - 1
    german: dict[int, bool] = {}
    for i, p in zip(capitals, para.tolist()):
        if facts[i]:
            continue
        w = words[i]
        if w in DATES_IF_CAPITALISED:
            facts[i] = True
            continue
        if w in NOT_NAMES or len(w) == 1 or w.endswith(ADVERB_SUFFIXES):
            # A single capital is an initial or an abbreviation ("z. B."); "Typically,"
            # opening a sentence is an adverb: no names.
            continue
        lo = bounds[p]
        if p not in german:
            german[p] = is_german(words[lo : bounds[p + 1]])
        if german[p] and is_german_common_noun(words, i, lo, has_digit):
            continue
        facts[i] = True
    return facts
