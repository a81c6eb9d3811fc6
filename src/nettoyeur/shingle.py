r"""Sign, part 1: normalise a paragraph, cut it into words and hash its word shingles.

Normalisation makes the copies that differ only in case, quote marks, Unicode form or
whitespace identical: NFKC, case folding, and words as runs of ``\w`` characters (so
punctuation and spacing never matter). Each distinct word is hashed once with CRC-32
(deterministic, unlike Python's ``hash``; cached, since word frequencies are Zipfian),
and a shingle hash combines ``n`` consecutive word hashes in numpy, without building
the shingle strings.
"""

from __future__ import annotations

import re
import unicodedata
import zlib

import numpy as np

from nettoyeur.lexicon import STOPWORDS

_WORD = re.compile(r"\w+")
_MASK64 = (1 << 64) - 1
# Odd 64-bit constants (from splitmix64 / the golden ratio) for the polynomial combine.
_MULT = np.uint64(0x9E3779B97F4A7C15)
_FOLD = np.uint64(0xBF58476D1CE4E5B9)

_word_cache: dict[str, int] = {}


def normalize(text: str) -> str:
    """Returns the comparison form of a paragraph: NFKC, case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def words(text: str) -> list[str]:
    """Returns the case-folded words (runs of letters, digits, ``_``) of the NFKC text."""
    return [w.casefold() for w in _WORD.findall(unicodedata.normalize("NFKC", text))]


def fact_flags(text: str) -> list[bool]:
    """Returns, per word of :func:`words`, whether it carries a fact: a number or a name.

    A name is a capitalised word that is not a function word ("The" at a sentence start
    is not a name). Two sentences that differ only in such words state different facts.
    """
    out = []
    for w in _WORD.findall(unicodedata.normalize("NFKC", text)):
        out.append(any(c.isdigit() for c in w) or (w[0].isupper() and w.casefold() not in STOPWORDS))
    return out


def exact_key(tokens: list[str]) -> str:
    """Returns the key under which exact copies (modulo case, quotes, spaces) meet."""
    return " ".join(tokens)


def word_hashes(tokens: list[str]) -> np.ndarray:
    """Returns the 32-bit hash of each word, as uint64."""
    cache = _word_cache
    out = []
    for tok in tokens:
        h = cache.get(tok)
        if h is None:
            h = zlib.crc32(tok.encode("utf-8"))
            if len(cache) < 2_000_000:
                cache[tok] = h
        out.append(h)
    return np.array(out, dtype=np.uint64)


def shingle_hashes(tokens: list[str], n: int) -> np.ndarray:
    """Returns the sorted, distinct 32-bit hashes of the word n-grams of ``tokens``.

    A paragraph with fewer than ``n`` words has no shingles (an empty array): it is
    compared by exact match instead, never by an empty signature.
    """
    if len(tokens) < n:
        return np.empty(0, dtype=np.uint32)
    w = word_hashes(tokens)
    m = len(tokens) - n + 1
    with np.errstate(over="ignore"):
        acc = w[:m].copy()
        for k in range(1, n):
            acc = acc * _MULT + w[k : k + m]
        acc = (acc ^ (acc >> np.uint64(31))) * _FOLD
        h = (acc >> np.uint64(32)).astype(np.uint32)
    return np.unique(h)


def shingle_strings(tokens: list[str], n: int) -> list[str]:
    """Returns the word n-grams as strings (for tests and explanations)."""
    return [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
