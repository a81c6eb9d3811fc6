r"""Sign, part 1: normalise paragraphs, cut them into words and hash word shingles (numpy and the native core).

Normalisation makes the copies that differ only in case, quote marks, Unicode form or
whitespace identical: NFKC, then simple case folding (one character to one, so ``É`` is
``é`` and ``ß`` stays ``ß``; a Traditional Chinese character is its Simplified form,
``lexicon_unspaced.VARIANTS``; the Persian yeh and kaf are the Arabic letters, ``lexicon.LETTER_FOLDS``;
a decimal digit of any script is its ASCII digit, :func:`_digit_fold`),
and words are maximal runs of characters whose folded form
is a word character (``\w``: a letter, a digit or ``_``), so punctuation and spacing
never matter; comparison signs between words are words of their own (:data:`COMPARISONS`).

The tokeniser works on a whole batch of paragraphs at once, never word by word in
Python: the batch is joined, encoded as UTF-32 (one array element per character), each
character is looked up in one table (its folded form, 0 for a separator, and flags: Python's
own Unicode answers, :func:`char_table`), and the native core (``tokenize_words``, one pass)
cuts words where the "is a word character" mask changes and around each character of an
unspaced script, and hashes each word as a polynomial of its folded characters:

    hash(word [s, e)) = mix(sum_{k<e-s} c_{s+k} * Q^k)      (mod 2^64, Q = P^-1 mod 2^64,
                                                            P = 0x100000001B3)

which depends on the word alone, not on where it stands (the numpy tokeniser computed
``mix(P^s * sum_i c_i * Q^i)``, the same value). A shingle hash combines ``n`` consecutive
word hashes, in the core too (``word_shingles``). :func:`words` and :func:`fact_flags`, which
verification uses on candidate paragraphs, run the same kernel, so the words a
signature was built from and the words verification aligns are always the same.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import repeat

import numpy as np

from nettoyeur._core import WordInterner, flagged_paragraphs, signed_words, tokenize_words, word_shingles
from nettoyeur._core import char_entries as _core_char_entries
from nettoyeur.text.lexicon import (
    COMMON_WORDS,
    CONNECTIVES,
    DATES,
    DATES_IF_CAPITALISED,
    GERMAN_MARKERS,
    HONORIFICS,
    LANGUAGE_NEGATION_MIN_MARKERS,
    LANGUAGE_NEGATIONS,
    LETTER_FOLDS,
    MODALS,
    MORE_FUNCTION_WORDS,
    NEGATION_STEMS,
    NEGATIONS,
    NOT_FACTS,
    NU_MARKERS,
    NU_MIN_MARKERS,
    NUMBER_WORDS,
    PERCENT_PHRASES,
    POLARITY,
    STOPWORDS,
    UNITS,
)
from nettoyeur.text.lexicon_unspaced import (
    FUNCTION_CHARS,
    NEGATION_RUNS,
    NOT_NEGATION_RUNS,
    PERCENT_RUNS,
    PLAIN_RUNS,
    VARIANTS,
)
from nettoyeur.text.table_cache import cached_tables

# Words that carry a fact whatever their case: negations, words of the strong antonym poles,
# dates, number words, modal verbs (the weak poles are facts only against their opposite: see verify).
FACT_WORDS = NEGATIONS | frozenset(w for w, pole in POLARITY.items() if pole[0] != "~") | DATES | NUMBER_WORDS | MODALS
_FIXED_FIRST = frozenset(first for first, _ in NOT_FACTS | PERCENT_PHRASES)
# Capitalised words that are no names: function words ("The" opening a sentence), honorifics
# ("Mr"), connectives ("Meanwhile"), frequent words ("Said"), units ("50 Prozent").
NOT_NAMES = STOPWORDS | MORE_FUNCTION_WORDS | HONORIFICS | CONNECTIVES | COMMON_WORDS | UNITS
# Endings of derived adverbs ("typically", "finalement", "finalmente", "glücklicherweise"),
# which no place or person name has: such a word opening a sentence is no name. The bare
# "-ly" is not among them ("Italy", "Kelly").
ADVERB_SUFFIXES = (
    "ally", "ively", "ously", "ently", "antly", "edly", "ingly", "fully", "lessly",
    "ement", "amment", "emment", "mente", "erweise",
)
# German paragraphs: at least this many of their words, and this share, are German function
# words of GERMAN_MARKERS. Measured on the 12+-word paragraphs of eval-pairs-dev: German ones
# have a median share of 0.23 (10th percentile 0.16), and 1,351 of 1,381 are read as German;
# none of the 2,797 English, French, Spanish or Italian ones is.
GERMAN_MIN_MARKERS = 2
GERMAN_MIN_SHARE = 0.1
# Suffixes of German common nouns (abstract nouns, nouns of action and quality), singular and
# plural. Suffixes that end names as often as nouns ("-chen": "München", "-ling", "-ler":
# surnames, "-ei": "Türkei") are left out.
_GERMAN_NOUN_SUFFIXES = (
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "tionen", "sion", "sionen",
    "tät", "täten", "ismus", "nis", "nisse", "nissen", "ment", "mente", "menten", "erin", "erinnen",
)


# Layout of a character-table entry (uint32): the folded code point in the low 21 bits
# (0 when the character is a separator), and flags above it.
_FOLD_MASK = np.uint32(0x1FFFFF)
_SIGN = np.uint32(1 << 21)  # a comparison sign (COMPARISONS): a run of them is a word between words
_AT = np.uint32(1 << 22)  # "@": the words around it are an address or a handle
_SOLO = np.uint32(1 << 23)  # a character of a script written without spaces: a word of its own
_DIGIT = np.uint32(1 << 24)  # str.isdigit() of the character as written
_UPPER = np.uint32(1 << 25)  # str.isupper() of the character as written
_SUSPECT = np.uint32(1 << 26)  # the character may change under NFKC (checked exactly then)
_BOUND = np.uint32(1 << 27)  # a sign only next to another sign (BOUND_SIGNS)
_MINUS = np.uint32(1 << 28)  # a minus sign (MINUS_SIGNS), a separator: a number's sign (Tokens.signed)
_CURRENCY = np.uint32(1 << 29)  # a currency sign (category Sc), a word of its own: "−$3.2m" (Tokens.signed)
_UNIT = np.uint32(1 << 30)  # a percent or currency sign (UNIT_SIGNS): a word no length threshold counts

# Odd 64-bit constants (splitmix64 / the golden ratio) for mixing and combining (the native
# core's tokens.rs has the same ones, and the polynomial base of word hashes).
_MULT = np.uint64(0x9E3779B97F4A7C15)
_FOLD = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)


def _entry(c: int, second: frozenset[int] = frozenset()) -> int:
    """Returns the table entry of code point ``c`` (see the layout above)."""
    ch = chr(c)
    folded = ch.casefold()
    if len(folded) != 1:
        folded = ch.lower() if len(ch.lower()) == 1 else ch
    folded = VARIANTS.get(folded, LETTER_FOLDS.get(folded, _digit_fold(ch, folded)))
    if ch in COMPARISONS:
        # A figure-like word character of its own kind (see COMPARISONS); never NFKC-suspect.
        return _sign_entry(ch)
    f = ord(folded)
    category = unicodedata.category(ch)
    unit = _unit_sign(ch, category)
    solo = (_unspaced(c) and not ch.isdecimal()) or unit
    # Vowel signs and tone marks of Thai, Lao, Khmer and Myanmar are marks, not letters, but
    # part of their syllable: within those scripts every character is a word character, and so
    # is every mark elsewhere (see _WORD_MARKS).
    value = f if (folded.isalnum() or folded == "_" or solo or category in _WORD_MARKS) else 0
    if solo and value:
        value |= int(_SOLO)
    if unit:
        value |= int(_UNIT)
    if ch.isdigit():
        value |= int(_DIGIT)
    if ch in "@＠":
        value |= int(_AT)
    if ch in MINUS_SIGNS:
        value |= int(_MINUS)
    if category == "Sc":
        value |= int(_CURRENCY)
    if ch.isupper():
        value |= int(_UPPER)
    if (
        c > 0xFFFF
        or c in second
        or unicodedata.combining(ch)
        or (0x1100 <= c <= 0x11FF)  # Hangul jamo compose under NFC/NFKC
        or not unicodedata.is_normalized("NFKC", ch)
    ):
        value |= int(_SUSPECT)
    return value


# Scripts written without spaces between words: Han (CJK ideographs and their extensions,
# compatibility ideographs), Hiragana, Katakana, Thai, Lao, Khmer and Myanmar. Whitespace
# words of such text are whole clauses, so each character is a word of its own: word
# n-grams become character n-grams, and the alignment finds a changed phrase or a cut copy
# there as it does between spaced words.
_UNSPACED = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0x20000, 0x3FFFF),  # CJK extensions B and later
)


# Comparison signs are facts, as figures are: "(years * 12) >= 0.50" and "(years * 12) < 0.50"
# state opposite conditions, but had the same words once punctuation was dropped and were merged
# as exact copies (a formula's condition on eval-pages-dev). A run of them is one word (">=" is
# not ">" with "=" added, which the verifier would read as a figure only added: no fact change),
# cut from the characters around it ("x>=5" is "x >= 5"), flagged as a digit: a fact word
# (:func:`fact_flags`: "a word with a digit"), masked as a figure in the masked keys. Only between
# two other words of its paragraph (the native core's ``tokens::words``): a leading quote marker
# ("> text", ">> text"), a line of signs ("= = = =") or a trailing arrow ("more >>") is no word,
# so a quoted reply is still a copy of what it quotes. The hyphen stays a separator: "e-mail" /
# "email" is a republisher's edit, and a hyphen inside words would change the words of most text
# (the percent and currency signs are words of their own: UNIT_SIGNS). Measured: eval-dev, eval-pairs-dev's outputs
# and samples/ unchanged; eval-pages-dev 3 files, content lines lost 6,830 -> 6,824 (an SQL
# tutorial's queries with "<=" / ">=" and "< 0.50" / ">= 0.50" no longer merged).
COMPARISONS = "<=>≠≤≥≦≧≶≷!"
# Signs that are part of a comparison only next to another sign: "!" of "!=" ("a != b" is not
# "a = b"); alone it is punctuation ("Great! Thanks"), no word.
BOUND_SIGNS = "!"
# The same relation in two typographies is one word: "≦" is "≤", "≧" is "≥".
_SIGN_FOLDS = {"≦": "≤", "≧": "≥"}
# A number's minus sign: the hyphen-minus, the minus sign U+2212 and the en dash (typeset minus);
# NFKC already writes the full-width and small hyphen-minus as "-", superscript minus as U+2212.
# They stay separators, so words, their hashes, shingles and signatures are the same with or
# without a sign; only the exact and masked keys (the core's ``sign.rs``) and verification's
# words (:meth:`Tokens.chunk_word_ids`) read it, where it stands before a number's first digit
# (or its currency sign) with no word character before it (:meth:`Tokens.signed`): "-50" and
# "50", "−$3.2m" and "$3.2m" state other figures, while a range ("10-20", "1990–2000"), a code ("COVID-19") and a
# dash between words ("Paris - 5 dead") have no sign. Without it "-50 120" / "50 -120" were
# exact copies (eval-pages-dev: temperatures, scores, balances; 5 lines merged).
MINUS_SIGNS = "-\u2212\u2013"


# Signs that say what a figure counts: the percent and per-mille signs and the currency signs
# (Unicode category Sc: "$", "€", "£", "₹", "₺" ...). Each is a word of its own, cut from the
# characters around it as a character of an unspaced script is ("$5" is "$ 5", "5%" is "5 %"),
# so that verification reads them as the units they are: "$5" / "€5" and "5%" / "5 points" state
# other amounts (a fact change, by the lexicon classes of the signs: ``lexicon.POLARITY``'s
# currency and percent scales), while "5%" / "5 %" are one text and "5%" / "5 Prozent" a
# republisher's edit (the sign and the word share a class). As separators, "$5" and "€5" were
# exact copies (eval-pairs-dev held none; the pairs17 audit, 21 languages: 21 of 21 currency
# changes and 19 of 19 "%" / "points" merged).
UNIT_SIGNS = "%‰‱"
# Combining marks (nonspacing and spacing): the vowel signs of Devanagari and the other Indic
# scripts, Arabic and Hebrew vowel points. Part of their word: as separators they cut "नहीं"
# ("not") into pieces that no lexicon holds, and every Hindi word into syllables. Latin text
# holds almost none after NFKC (its accents compose).
_WORD_MARKS = ("Mn", "Mc")


def _unit_sign(ch: str, category: str) -> bool:
    """Returns True for a percent or currency sign (:data:`UNIT_SIGNS`, category Sc): a word of its own."""
    return ch in UNIT_SIGNS or category == "Sc"


def _digit_fold(ch: str, folded: str) -> str:
    """Returns the ASCII digit of a decimal digit of any script ("۱۲", "১২", "१२", "໑໒" are "12"), else ``folded``.

    A republished copy writes its figures in the script's own digits or in ASCII ones (Persian,
    Bengali, Devanagari, Lao, Khmer, Myanmar ... news sites use both): folded, the two copies
    have the same words and meet, while another number in either system is still another word.
    Such a digit is also no word of its own in an unspaced script (not ``_SOLO``), as an ASCII
    digit is not: "໑໒" is one word "12", as "12" is.
    """
    return chr(0x30 + unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else folded


def _sign_entry(ch: str) -> int:
    """Returns the table entry of a sign of COMPARISONS: its folded code, flagged as a sign and a digit."""
    return ord(_SIGN_FOLDS.get(ch, ch)) | int(_SIGN | _DIGIT) | int(_BOUND) * (ch in BOUND_SIGNS)


def _unspaced(c: int) -> bool:
    """Returns True when code point ``c`` is a letter, mark or digit of a script written without spaces (_UNSPACED)."""
    for lo, hi in _UNSPACED:
        if c < lo:
            return False  # the ranges are sorted: most code points stop at the first test
        if c <= hi:
            return unicodedata.category(chr(c))[0] in "LMN"
    return False


@lru_cache(maxsize=1)
def char_table() -> np.ndarray:
    """Returns the uint32 entries of the Basic Multilingual Plane (:func:`build_char_table`, via the table cache)."""
    table = cached_tables("chars", _char_tables, depends=[VARIANTS, LETTER_FOLDS])[0]["table"]
    table.flags.writeable = False  # cached and shared (the core reads it without the GIL): nobody may change it
    return table


def _char_tables() -> tuple[dict[str, np.ndarray], None]:
    """:func:`build_char_table` as the table cache keeps it."""
    return {"table": build_char_table()}, None


def build_char_table() -> np.ndarray:
    """Returns the uint32 entries of the Basic Multilingual Plane, built from Python's answers (:func:`_entry`'s).

    Each entry is :func:`_entry`'s, computed one property at a time for the whole plane
    (a C-level ``map`` of ``str.casefold``, ``str.isalnum``, ``unicodedata.combining`` ...)
    instead of one call of ``_entry`` per character: 20-30 ms instead of 90 ms; a run reads it
    from the table cache (:mod:`nettoyeur.text.table_cache`, ~1 ms) on its driver, whose
    workers inherit it (:mod:`nettoyeur.run.warm`).
    Characters above U+FFFF (emoji, historic scripts) are looked up one by one when a
    batch holds any; they are rare.
    """
    n = 0x10000
    chars = list(map(chr, range(n)))
    second = set()
    for dec in filter(None, map(unicodedata.decomposition, chars)):
        if not dec.startswith("<"):
            parts = dec.split()
            if len(parts) == 2:
                second.add(int(parts[1], 16))  # can compose with a preceding character
    folded = list(map(str.casefold, chars))
    for c in [c for c, f in enumerate(folded) if len(f) != 1]:
        lower = chars[c].lower()
        folded[c] = lower if len(lower) == 1 else chars[c]
    codes = np.fromiter(map(ord, folded), dtype=np.uint32, count=n)
    codes[list(map(ord, VARIANTS))] = list(map(ord, VARIANTS.values()))  # Traditional Chinese as Simplified
    codes[list(map(ord, LETTER_FOLDS))] = list(map(ord, LETTER_FOLDS.values()))  # Persian yeh, kaf as Arabic
    decimals = np.fromiter(map(str.isdecimal, chars), dtype=bool, count=n)
    decimals[:0x80] = False
    codes[decimals] = [ord(_digit_fold(chars[c], "")) for c in np.flatnonzero(decimals).tolist()]
    categories = list(map(unicodedata.category, chars))
    marks = np.fromiter((cat in _WORD_MARKS for cat in categories), dtype=bool, count=n)
    word = np.fromiter(map(str.isalnum, folded), dtype=bool, count=n) | (codes == ord("_")) | marks
    solo = np.zeros(n, dtype=bool)
    for lo, hi in _UNSPACED:
        if lo < n:
            hi = min(hi, n - 1)
            solo[lo : hi + 1] = [cat[0] in "LMN" and cat != "Nd" for cat in categories[lo : hi + 1]]
    units = [c for c, cat in enumerate(categories) if _unit_sign(chars[c], cat)]
    solo[units] = True
    table = np.where(word | solo, codes, np.uint32(0)).astype(np.uint32)
    table[solo & (table != 0)] |= _SOLO
    table[np.fromiter(map(str.isdigit, chars), dtype=bool, count=n)] |= _DIGIT
    table[[ord("@"), ord("＠")]] |= _AT
    table[[ord(ch) for ch in MINUS_SIGNS]] |= _MINUS
    table[[c for c, cat in enumerate(categories) if cat == "Sc"]] |= _CURRENCY
    table[units] |= _UNIT
    table[np.fromiter(map(str.isupper, chars), dtype=bool, count=n)] |= _UPPER
    suspect = np.fromiter(map(unicodedata.combining, chars), dtype=np.int64, count=n) != 0
    suspect[[c for c in second if c < n]] = True
    suspect[0x1100:0x1200] = True  # Hangul jamo compose under NFC/NFKC
    suspect |= ~np.fromiter(map(partial(unicodedata.is_normalized, "NFKC"), chars), dtype=bool, count=n)
    table[suspect] |= _SUSPECT
    signs = [ord(ch) for ch in COMPARISONS]
    table[signs] = list(map(_sign_entry, COMPARISONS))
    # Folding twice must change nothing (tokens that are already folded hash as they are).
    folded_codes = table & _FOLD_MASK
    assert np.array_equal(folded_codes[folded_codes[folded_codes != 0]], folded_codes[folded_codes != 0])
    return table


def mix64(h: np.ndarray) -> np.ndarray:
    """The splitmix64 finaliser, in place on a uint64 array (wrapping arithmetic)."""
    h ^= h >> np.uint64(30)
    h *= _FOLD
    h ^= h >> np.uint64(27)
    h *= _MIX2
    h ^= h >> np.uint64(31)
    return h


@dataclass(slots=True)
class Tokens:
    """The words of a batch of paragraphs.

    Attributes:
        hashes: uint64 hash of each word, all paragraphs one after the other.
        offsets: int64, ``len(paragraphs) + 1``: the words of paragraph ``i`` are
            ``hashes[offsets[i]:offsets[i + 1]]``.
        entries: the table entry of each character of the joined, normalised batch.
        starts: character position of each word in ``entries``.
        ends: character position just after each word.
    """

    hashes: np.ndarray
    offsets: np.ndarray
    entries: np.ndarray
    starts: np.ndarray
    ends: np.ndarray

    def counts(self) -> np.ndarray:
        """Returns the number of words of each paragraph (int64)."""
        return np.diff(self.offsets)

    def counted_words(self) -> np.ndarray:
        """Returns the words of each paragraph as the length thresholds count them: unit signs left out (int64).

        The native core's ``tokens::counted_words`` (``analysis.n_words``): "5%" is one word there.
        """
        units = np.zeros(len(self.starts) + 1, dtype=np.int64)  # units[k]: unit signs among the first k words
        np.cumsum((self.entries[self.starts] & _UNIT) != 0, out=units[1:])
        return self.counts() - np.diff(units[self.offsets])

    def all_words(self) -> list[str]:
        """Returns the folded words of every paragraph, one list (cut it with ``offsets``).

        A signed number (:meth:`signed`) is written with "-" before it, as verification reads it.
        """
        if len(self.starts) == 0:
            return []
        return _with_signs(self._unsigned_words(), self._written_signs() != 0)

    def _unsigned_words(self) -> list[str]:
        """:meth:`all_words` as the hashes read them, without the signs of numbers."""
        s0 = int(self.starts[0])
        part = self.entries[s0 : int(self.ends[-1])]
        text = (part & _FOLD_MASK).tobytes().decode("utf-32-le")
        if len(part) and int(np.bitwise_or.reduce(part & (_SOLO | _SIGN))):
            # Unspaced script, or signs: words with no separator between them ("x>=5"), and signs
            # that are no words (a quote marker between two paragraphs).
            return [text[s - s0 : e - s0] for s, e in zip(self.starts.tolist(), self.ends.tolist())]
        # Separators fold to NUL and nothing else does, so the words are the non-empty
        # NUL-separated runs: one C-level split instead of a slice per word.
        return list(filter(None, text.split("\0")))

    def has_digit(self) -> np.ndarray:
        """Returns, for each word of every paragraph, whether it holds a digit (a number: always a fact)."""
        digit = np.concatenate(([0], np.cumsum((self.entries & _DIGIT) != 0)))
        return (digit[self.ends] - digit[self.starts]) > 0

    def all_facts(self, words: list[str]) -> list[bool]:
        """Returns, for each word of :meth:`all_words`, whether it carries a fact (see :func:`fact_flags`).

        :meth:`fact_mask` over the words numbered here (the word-by-word reading it replaced is
        the tests' reference, ``tests/facts_reference.py``).
        """
        distinct: dict[str, int] = {}
        ids = np.fromiter((distinct.setdefault(w, len(distinct)) for w in words), dtype=np.int64, count=len(words))
        return self.fact_mask(ids, list(distinct)).tolist()

    def word_ids(self, interner: WordInterner) -> np.ndarray:
        """Returns the id of each word of the batch in ``interner`` (equal folded words, equal ids; uint32).

        Words are numbered as :meth:`all_words` writes them, a signed number with "-" before it.
        """
        entries, starts, ends = self._signed_entries()
        return interner.add(entries, starts, ends, int(_FOLD_MASK))

    def signed(self) -> np.ndarray:
        """Returns, for each word, whether it is a number written with a minus sign (see MINUS_SIGNS).

        A minus sign (MINUS_SIGNS), or a minus and a currency sign ("−$3.2m"), stands just
        before its first digit, with no word character but a currency sign before the minus:
        "-50", "(−5)", "x = -5", "$-5", not "10-20", "COVID-19" nor "Paris - 5" (the native
        core's ``tokens::signed``, which the exact and masked keys read too; verification writes
        the sign where :meth:`_written_signs` says).
        """
        if len(self.starts) == 0 or not int(np.bitwise_or.reduce(self.entries & _MINUS)):
            return np.zeros(len(self.starts), dtype=bool)
        return signed_words(self.entries, np.ascontiguousarray(self.starts, dtype=np.int64))

    def chunk_word_ids(self, interner: WordInterner) -> np.ndarray:
        """Returns the id of each word of the batch in ``interner``'s current chunk (``add_to_chunk``; uint32).

        A signed number (:meth:`signed`) is numbered as its word with "-" before it, whatever
        the sign's typography ("-50", "−50" are "-50"; "−$50" is "-$" and "50"): verification
        reads "-50" / "50" as another figure, and "-$" / "$" as another amount, a fact change.
        """
        entries, starts, ends = self._signed_entries()
        return interner.add_to_chunk(entries, starts, ends, int(_FOLD_MASK))

    def _written_signs(self) -> np.ndarray:
        """Returns, per word, where verification writes a minus sign: 0 nowhere, 1 before it, 2 over the minus after it.

        A signed number (:meth:`signed`) is written "-50"; one with its currency sign just before
        it is not, the sign is: "−$50" and "$-50" are both "-$" and "50", one loss, and "-$" /
        "$" or "-$" / "-€" other amounts.
        """
        signed = self.signed()
        out = signed.astype(np.int8)
        k = np.flatnonzero(signed[1:]) + 1
        if len(k):
            prev = k - 1
            currency = (self.entries[self.starts[prev]] & _CURRENCY) != 0
            touching = currency & (self.ends[prev] == self.starts[k])  # "−$50"
            spaced = currency & (self.ends[prev] == self.starts[k] - 1)  # "$-50"
            out[k[touching | spaced]] = 0
            out[prev[touching]] = 1
            out[prev[spaced]] = 2
        return out

    def _signed_entries(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Returns ``(entries, starts, ends)`` with each minus sign written where :meth:`_written_signs` says.

        A signed word starts one entry earlier, at a "-"; a currency sign with the minus after it
        ("$-50") is written "-$" over its own entry and the minus's.
        """
        marks = self._written_signs()
        if not marks.any():
            return self.entries, self.starts, self.ends
        starts, ends, entries = self.starts.copy(), self.ends.copy(), self.entries.copy()
        before, after = marks == 1, marks == 2
        starts[before] -= 1
        entries[starts[before]] = ord("-")
        entries[starts[after] + 1] = entries[starts[after]]
        entries[starts[after]] = ord("-")
        ends[after] += 1
        return entries, starts, ends

    def fact_mask(
        self,
        ids: np.ndarray,
        words: list[str],
        lexicon: np.ndarray | None = None,
        uncased: np.ndarray | None = None,
        gates: list[tuple[int, np.ndarray]] | None = None,
    ) -> np.ndarray:
        """Returns :meth:`all_facts` as uint8 (``FACT``, ``NEGATING``), reading the lexicons once per distinct word.

        The same rules, in numpy over the batch instead of a Python step per word (what
        verification pays for each paragraph of each chunk of candidate pairs); then the
        characters of the scripts written without spaces (:meth:`_unspaced_bits`).

        Args:
            ids: the id of each word of the batch (int array, one per word of :meth:`all_words`).
            words: the distinct words: word ``k`` of the batch is ``words[ids[k]]``.
            lexicon: uint8, :func:`fact_bits_of` of each of ``words`` where the caller has them
                (verification reads them with its word tables); looked up here otherwise.
            uncased: bool, :func:`uncased_words` of ``words`` where the caller has them (verification's
                word tables: read once per distinct word of the process, where the chunk's words
                read again for each batch were an eighth of verification's CPU); found here otherwise.
            gates: :func:`language_gates` of ``words`` where the caller has them (once for all the batches
                of a chunk); found here otherwise.
        """
        out = self._unspaced_bits(self._word_facts(ids, words, lexicon, uncased))
        for index, marked in language_gates(words) if gates is None else gates:
            at = np.flatnonzero(ids == index)
            if len(at):
                counts = np.concatenate(([0], np.cumsum(marked[ids])))
                para = np.searchsorted(self.offsets, at, side="right") - 1
                count = counts[self.offsets[para + 1]] - counts[self.offsets[para]]
                out[at[count >= LANGUAGE_NEGATION_MIN_MARKERS]] = FACT | NEGATING
        return out

    def _unspaced_bits(self, facts: np.ndarray) -> np.ndarray:
        """Returns the fact flags (bool) as ``FACT`` bits, with the characters of unspaced scripts read.

        A character of Han, Katakana, Thai, Lao, Khmer or Myanmar is a possible name, as a word of
        a script without case is: a ``FACT``, unless it is a function character (``lexicon_unspaced.FUNCTION_CHARS``)
        or stands in a run that states no fact (a verb of saying, a Thai function word:
        ``PLAIN_RUNS``; "非常", very: ``NOT_NEGATION_RUNS``). A run that negates ("なかっ",
        "ไม่": ``NEGATION_RUNS``) is ``FACT | NEGATING``: verification reads it as a negation,
        whatever its characters are alone. Hiragana is never a fact by itself. So a replaced
        name, place, unit or weekday of such text ("杭州" / "宁波", "キロ" / "マイル") is a fact
        change, and an added negation a flip, where the characters were no facts before.
        """
        out = facts.astype(np.uint8)
        if len(self.starts) == 0:
            return out
        first = self.entries[self.starts]
        solo = (first & _SOLO) != 0
        if not solo.any():
            return out
        out[solo & _content_chars(first & _FOLD_MASK) & ((first & _DIGIT) == 0)] = FACT
        lo, hi = int(self.starts[solo][0]), int(self.ends[solo][-1])
        text = (self.entries[lo:hi] & _FOLD_MASK).tobytes().decode("utf-32-le", "surrogatepass")
        for match in _unspaced_runs().finditer(text):
            first_word, end_word = np.searchsorted(self.starts, [lo + match.start(), lo + match.end()])
            out[first_word:end_word] = FACT | NEGATING if match.group() in NEGATION_RUNS else 0
        return out

    def _word_facts(
        self, ids: np.ndarray, words: list[str], lexicon: np.ndarray | None = None, uncased: np.ndarray | None = None
    ) -> np.ndarray:
        """Returns the fact flags of the lexicons, digits, capitals and "@" (bool; see :meth:`fact_mask`)."""
        n = len(ids)
        if n == 0:
            return np.zeros(0, dtype=bool)
        if lexicon is None:
            lexicon = fact_bits_of(words)
        bits = lexicon[ids]
        has_digit = self.has_digit()
        facts = has_digit | ((bits & _FACT_WORD) != 0)
        for i in np.flatnonzero(bits[:-1] & _FIXED).tolist():
            pair = (words[ids[i]], words[ids[i + 1]])
            if i + 1 in self.offsets:
                continue
            if pair in NOT_FACTS:
                facts[i] = False  # "sin embargo", "no obstante": no negation; "segundo a": no ordinal
            elif pair in PERCENT_PHRASES:
                facts[i + 1] = False  # "per cent", "por ciento": a unit, no number
        if int(np.bitwise_or.reduce(bits)) & _NU_MARKER and "nu" in words:  # a scan of the words only then
            self._nu_now(facts, np.flatnonzero(ids == words.index("nu")), bits)
        m = len(self.entries)
        if m and int(np.bitwise_or.reduce(self.entries & _AT)):
            after = (self.entries[np.minimum(self.ends, m - 1)] & _AT) != 0
            before = (self.entries[np.maximum(self.starts - 1, 0)] & _AT) != 0
            facts |= after | before
        capital = ((self.entries[self.starts] & _UPPER) != 0) & ~has_digit & ~facts
        facts |= capital & ((bits & _DATE_IF_CAPITAL) != 0)
        if uncased is None:
            uncased = uncased_words(words)
        facts |= uncased[ids] & ~has_digit & ((bits & _NO_NAME) == 0)
        named = capital & ((bits & (_DATE_IF_CAPITAL | _NO_NAME)) == 0)
        if not named.any():
            return facts
        counts = np.diff(self.offsets)
        markers = np.concatenate(([0], np.cumsum((bits & _GERMAN_MARKER) != 0)))
        markers = markers[self.offsets[1:]] - markers[self.offsets[:-1]]
        german = (markers >= GERMAN_MIN_MARKERS) & (markers >= GERMAN_MIN_SHARE * counts)
        after_figure = np.zeros(n, dtype=bool)  # the word before is a figure, in the same paragraph
        after_figure[1:] = ((bits[:-1] & _NUMBER_WORD) != 0) | has_digit[:-1]
        after_figure[self.offsets[:-1][counts > 0]] = False
        noun = ((bits & _NOUN_SUFFIX) != 0) | after_figure
        return facts | (named & ~(np.repeat(german, counts) & noun))

    def _nu_now(self, facts: np.ndarray, at: np.ndarray, bits: np.ndarray) -> None:
        """Clears the fact flag of each "nu" at ``at`` in a paragraph that reads as Dutch or Nordic ("now")."""
        if len(at) == 0:
            return
        marks = np.concatenate(([0], np.cumsum((bits & _NU_MARKER) != 0)))
        para = np.searchsorted(self.offsets, at, side="right") - 1
        count = marks[self.offsets[para + 1]] - marks[self.offsets[para]]
        facts[at[count >= NU_MIN_MARKERS]] = False

    def words(self, i: int) -> list[str]:
        """Returns the folded words of paragraph ``i`` as strings (a signed number with "-": :meth:`all_words`)."""
        lo, hi = int(self.offsets[i]), int(self.offsets[i + 1])
        if lo == hi:
            return []
        s0, e1 = int(self.starts[lo]), int(self.ends[hi - 1])
        text = (self.entries[s0:e1] & _FOLD_MASK).tobytes().decode("utf-32-le")
        found = [text[s - s0 : e - s0] for s, e in zip(self.starts[lo:hi].tolist(), self.ends[lo:hi].tolist())]
        return _with_signs(found, self._written_signs()[lo:hi] != 0)

    def facts(self, i: int) -> list[bool]:
        """Returns, per word of paragraph ``i``, whether it is a number or a name (see :func:`fact_flags`)."""
        lo, hi = int(self.offsets[i]), int(self.offsets[i + 1])
        part = Tokens(
            self.hashes[lo:hi], self.offsets[i : i + 2] - lo, self.entries, self.starts[lo:hi], self.ends[lo:hi]
        )
        return part.all_facts(part.all_words())


# The fact flags of a word where it stands (:meth:`Tokens.fact_mask`, the native core's ``verify::FACT``
# and ``NEGATING``): it carries a fact; it is part of a negation written in several characters
# of an unspaced script ("なかっ", "ไม่"), which verification reads as a negation.
FACT, NEGATING = 1, 2
# The characters of unspaced scripts that may be names (:meth:`Tokens._unspaced_bits`): Thai, Lao,
# Myanmar, Khmer, Katakana, and Han (the unified ideographs, extension A, the compatibility
# ideographs, the extensions beyond the Basic Multilingual Plane). Hiragana (particles, endings) is
# not among them.
_NAMED_SCRIPTS = (
    (0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x30A0, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF), (0x20000, 0x3FFFF)
)  # fmt: skip
_FUNCTION_CODES = np.array(sorted(map(ord, FUNCTION_CHARS)), dtype=np.uint32)


def _content_chars(codes: np.ndarray) -> np.ndarray:
    """Returns, per folded code point, whether it is of a script of _NAMED_SCRIPTS and no function character."""
    named = np.zeros(len(codes), dtype=bool)
    for lo, hi in _NAMED_SCRIPTS:
        named |= (codes >= lo) & (codes <= hi)
    return named & ~np.isin(codes, _FUNCTION_CODES)


@lru_cache(maxsize=1)
def _unspaced_runs() -> re.Pattern[str]:
    """Returns the pattern of every run of ``lexicon_unspaced`` (the longest first where two start alike)."""
    runs = sorted(PLAIN_RUNS | PERCENT_RUNS | NOT_NEGATION_RUNS | NEGATION_RUNS, key=lambda r: (-len(r), r))
    return re.compile("|".join(map(re.escape, runs)))


# Scripts that Unicode gives a case but whose text never uses it: Georgian is written in
# Mkhedruli (U+10D0-U+10FF), whose capitals (Mtavruli) only headings set, so a name there has no
# capital, as in Arabic or Hangul.
CASELESS_IN_USE = ("\u10d0", "\u10ff")


_CASELESS_CHARS = tuple(map(chr, range(ord(CASELESS_IN_USE[0]), ord(CASELESS_IN_USE[1]) + 1)))


def folded_lower(words: list[str]) -> np.ndarray:
    """Returns, per folded word, whether it is in lower case (``str.islower``) of a script whose text uses case.

    A word of a script that has a case only in Unicode (:data:`CASELESS_IN_USE`) is not: no
    capital tells a name there. The words are scanned one by one only when one of those
    characters occurs at all (a substring test per character: 0.3 ms on 50,000 words, where a
    Python step per word took 30 ms against ``str.islower``'s 4 ms).
    """
    n = len(words)
    lower = np.fromiter(map(str.islower, words), dtype=bool, count=n)
    joined = "".join(words)
    if any(c in joined for c in _CASELESS_CHARS):
        lo, hi = CASELESS_IN_USE
        lower &= ~np.fromiter((lo <= w[:1] <= hi for w in words), dtype=bool, count=n)
    return lower


def uncased_words(words: list[str]) -> np.ndarray:
    """Returns, per folded word, whether it is a word of a script without case (Arabic, Hebrew, Devanagari, Hangul ...).

    No capital tells a name there, so each such word that is no function word (``NOT_NAMES``),
    nor a single character (an ideograph), nor a word of a scale or unit class (``POLARITY``),
    may be one: a fact (see :func:`fact_flags`). Folded,
    a word of a cased script is in lower case (:func:`folded_lower`: Georgian is not).
    """
    lower = folded_lower(words)
    letter = np.fromiter((w[:1].isalpha() for w in words), dtype=bool, count=len(words))
    pole = np.fromiter(map(POLARITY.__contains__, words), dtype=bool, count=len(words))
    return letter & ~lower & ~pole


def _with_signs(words: list[str], signed: np.ndarray) -> list[str]:
    """Returns the words, each signed one (bool per word) with "-" before it."""
    for k in np.flatnonzero(signed).tolist():
        words[k] = "-" + words[k]
    return words


# What :meth:`Tokens.fact_mask` reads of a word in the lexicons (see :meth:`Tokens.all_facts`):
# a fact word, the first word of a NOT_FACTS pair, a date when capitalised, no name
# (NOT_NAMES, a single letter, an adverb's ending), a German marker, a German noun's suffix, a
# number word, a word that makes "nu" no negation (NU_MARKERS).
_FACT_WORD, _FIXED, _DATE_IF_CAPITAL, _NO_NAME, _GERMAN_MARKER, _NOUN_SUFFIX, _NUMBER_WORD = 1, 2, 4, 8, 16, 32, 64
_NU_MARKER = 128


@lru_cache(maxsize=1)
def _lexicon_bits() -> dict[str, int]:
    """Returns the lexicon bits of each word of the lexicons that :func:`fact_bits_of` reads (made once per process)."""
    bits: dict[str, int] = {}
    for bit, lexicon in (
        (_FACT_WORD, FACT_WORDS),
        (_FIXED, _FIXED_FIRST),
        (_DATE_IF_CAPITAL, DATES_IF_CAPITALISED),
        (_NO_NAME, NOT_NAMES),
        (_GERMAN_MARKER, GERMAN_MARKERS),
        (_NUMBER_WORD, NUMBER_WORDS),
        (_NU_MARKER, NU_MARKERS),
    ):
        for word in lexicon:
            bits[word] = bits.get(word, 0) | bit
    return bits


def language_gates(words: list[str]) -> list[tuple[int, np.ndarray]]:
    """Returns the index of each negation of ``lexicon.LANGUAGE_NEGATIONS`` among the words, and its language's marks.

    :meth:`Tokens.fact_mask` makes such a word ``FACT | NEGATING`` in a paragraph that holds
    ``LANGUAGE_NEGATION_MIN_MARKERS`` marked words ("na fydd": will not be), and leaves its bits elsewhere.
    Empty for most chunks (one set test over the words).
    """
    if LANGUAGE_NEGATIONS.keys().isdisjoint(words):
        return []
    return [
        (words.index(word), np.fromiter(map(markers.__contains__, words), dtype=bool, count=len(words)))
        for word, markers in LANGUAGE_NEGATIONS.items()
        if word in words
    ]


def fact_bits_of(words: list[str]) -> np.ndarray:
    """Returns the lexicon bits of each folded word (uint8), in C-level passes over the list.

    One dict look-up per word for the lexicons, ``str.endswith`` for the suffixes: a fifth of
    the CPU time of the word-by-word reading it replaced (``tests/word_traits_reference.py``,
    the tests' oracle), which verification paid once per distinct word of a run.
    """
    n = len(words)
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=n)
    bits = np.fromiter(map(_lexicon_bits().get, words, repeat(0)), dtype=np.uint8, count=n)
    adverb = np.fromiter(map(str.endswith, words, repeat(ADVERB_SUFFIXES)), dtype=bool, count=n)
    noun = np.fromiter(map(str.endswith, words, repeat(_GERMAN_NOUN_SUFFIXES)), dtype=bool, count=n)
    bits[np.fromiter(map(str.startswith, words, repeat(NEGATION_STEMS)), dtype=bool, count=n)] |= np.uint8(_FACT_WORD)
    bits[(lengths == 1) | adverb] |= np.uint8(_NO_NAME)
    bits[(lengths > 5) & noun] |= np.uint8(_NOUN_SUFFIX)
    return bits


def digit_flags(words: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Returns, per word, whether any and whether every character is a digit (``str.isdigit``; empty: every).

    Read from :func:`char_table`'s digit flag over the words' code points (lone surrogates
    included), so no Python step per character.
    """
    n = len(words)
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=n)
    chars = np.frombuffer("".join(words).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    bmp = chars < 0x10000
    entries = np.zeros(len(chars), dtype=np.uint32)
    entries[bmp] = char_table()[chars[bmp]]
    if not bmp.all():
        entries[~bmp] = [_astral_entry(c) for c in chars[~bmp].tolist()]
    digits = np.concatenate(([0], np.cumsum((entries & _DIGIT) != 0)))
    ends = np.cumsum(lengths)
    count = digits[ends] - digits[ends - lengths]
    return count > 0, count == lengths


@lru_cache(maxsize=4096)
def _astral_entry(c: int) -> int:
    """Returns the table entry of a code point above U+FFFF (asked by the core once per batch)."""
    return _entry(c)


def _entries(texts: list[str]) -> tuple[np.ndarray, np.ndarray, int]:
    """Returns the table entry of each character of the texts joined by newlines, their lengths, the entries OR-ed.

    The native core reads the strings where Python stores them (``char_entries``), so the batch
    is never joined nor encoded: on speed.py's corpus that took 0.21 CPU-s of the stage's 0.78
    (join, UTF-32 encoding, numpy's lookup), the core's lookup about a tenth of it.
    """
    table = char_table()
    return _core_char_entries(texts if isinstance(texts, list) else list(texts), table, _astral_entry)


def _normalised(texts: list[str]) -> tuple[np.ndarray, list[str], np.ndarray]:
    """Returns the table entries of the texts' characters (see :func:`_entries`), NFKC-normalising those that need it.

    Returns:
        ``(entries, texts, lengths)``: the table entry of each character of the joined batch,
        the normalised texts, and their lengths.
    """
    entries, lengths, flags = _entries(texts)
    # One OR over the entries tells whether any has the suspect flag.
    if not flags & int(_SUSPECT):
        return entries, texts, lengths
    changed = False
    texts = list(texts)
    for i in flagged_paragraphs(entries, lengths, int(_SUSPECT)).tolist():
        if not unicodedata.is_normalized("NFKC", texts[i]):
            texts[i] = unicodedata.normalize("NFKC", texts[i])
            changed = True
    if changed:
        entries, lengths, _ = _entries(texts)
    return entries, texts, lengths


def tokenize(texts: list[str]) -> Tokens:
    """Cuts a batch of paragraphs into words and hashes each word.

    Args:
        texts: the paragraphs (any length; newlines inside one are separators).

    Returns:
        the batch's :class:`Tokens`.
    """
    entries, texts, lengths = _normalised(texts)
    # Cut and hashed in the native core, in one pass over the entries (see the module's docstring).
    starts, ends, hashes, offsets = tokenize_words(entries, lengths)
    return Tokens(hashes, offsets, entries, starts, ends)


def shingles(tokens: Tokens, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Hashes the word n-grams of every paragraph of a batch (duplicates within a paragraph kept).

    A paragraph with fewer than ``n`` words has no shingles: it is compared by exact
    match instead, never by an empty signature. A shingle's hash folds its word hashes
    ``h_0 .. h_{n-1}`` as ``acc = acc * MULT + h_k``, then ``acc ^= acc >> 31``, ``acc *= FOLD``
    and keeps the high 32 bits (the native core's ``word_shingles``).

    Returns:
        ``(hashes, offsets)``: uint32 shingle hashes, paragraph after paragraph, and the
        int64 offsets (``len(paragraphs) + 1``) of each paragraph's shingles.

    Raises:
        ValueError: ``n`` is less than 1.
    """
    hashes = np.ascontiguousarray(tokens.hashes, dtype=np.uint64)
    return word_shingles(hashes, np.ascontiguousarray(tokens.offsets, dtype=np.int64), n)


def normalize(text: str) -> str:
    """Returns the comparison form of a paragraph: NFKC, case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def words(text: str) -> list[str]:
    """Returns the folded words of the NFKC text (runs of letters, digits and ``_``; runs of signs between them)."""
    return tokenize([text]).words(0)


def fact_flags(text: str) -> list[bool]:
    """Returns, per word of :func:`words`, whether it carries a fact.

    This is the one place that says which words are facts; verification never merges two
    paragraphs that differ in one (:mod:`nettoyeur.dedup.verify`). A fact word is:

    * a number: any word with a digit, or a number word ("seven", "zwölf", "mille", "三");
    * a comparison sign between words ("x >= 5": see COMPARISONS), flagged as a digit;
    * a date: a month, weekday, relative day, part of the day, season or frequency
      ("Tuesday", "demain", "monatlich"), in many languages;
    * a negation ("not", "kein", "jamais", "nunca", "niet", "不") or a word of an antonym
      pole ("more" / "less", "rose" / "fell", "gagné" / "perdu");
    * a name: a capitalised word that is not a function word, honorific, connective or
      frequent word, nor a single letter ("The", "Mr", "Meanwhile", "B." are no names); in a
      script without case, any such word of two characters or more (:func:`uncased_words`). In
      German, where every noun is capitalised, a capitalised word with a common-noun suffix
      or after a figure is a noun, not a name (:meth:`Tokens.fact_mask`);
    * an address or handle: a word next to "@".
    """
    return tokenize([text]).facts(0)


def exact_key(tokens: list[str]) -> str:
    """Returns the key under which exact copies (modulo case, quotes, spaces) meet."""
    return " ".join(tokens)


def word_hashes(tokens: list[str]) -> np.ndarray:
    """Returns the 64-bit hash of each word (the same as :func:`tokenize` gives it)."""
    if not tokens:
        return np.empty(0, dtype=np.uint64)
    t = tokenize([" ".join(tokens)])
    if len(t.hashes) != len(tokens):
        raise ValueError("word_hashes takes words as words() returns them (no separators inside)")
    return t.hashes


def shingle_hashes(tokens: list[str], n: int) -> np.ndarray:
    """Returns the sorted, distinct 32-bit hashes of the word n-grams of ``tokens``.

    A paragraph with fewer than ``n`` words has no shingles (an empty array): it is
    compared by exact match instead, never by an empty signature.
    """
    if len(tokens) < n:
        return np.empty(0, dtype=np.uint32)
    h, _ = shingles(tokenize([" ".join(tokens)]), n)
    h = np.sort(h)
    return h[np.r_[True, h[1:] != h[:-1]]] if len(h) else h


def shingle_strings(tokens: list[str], n: int) -> list[str]:
    """Returns the word n-grams as strings (for tests and explanations)."""
    return [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
