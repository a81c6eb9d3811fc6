"""Plain Python definitions of the line shapes and line keys the native core computes (the oracles).

These are the Python functions the core (``nettoyeur._core.Shapes``, native/src/shapes.rs)
replaced, written plainly: the tests compare the core with them on random Unicode and on the
golden cases.
"""

from __future__ import annotations

import re
import sys
import unicodedata

from nettoyeur.boilerplate import line_shapes as ls
from nettoyeur.boilerplate.mark import FREQUENCY_MAX_WORDS, pair_key
from nettoyeur.text.hashing import hash64
from nettoyeur.text.lexicon_pages import CJK_FUNCTION_CHARS, LINE_FUNCTION_WORDS, PREFIX_CLITICS, SUFFIX_CLITICS


def _mark_class() -> str:
    """The combining marks (categories Mn and Mc) outside CJK, as ranges of a character class.

    A mark is a character of its word for the line shapes (``word_chars.is_mark``), though
    ``\\w`` does not read it.
    """
    cjk = re.compile(rf"[{ls._CJK}]")
    marks = ("Mn", "Mc")
    codes = [c for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) in marks and not cjk.match(chr(c))]
    ranges, start = [], codes[0]
    for prev, code in zip(codes, codes[1:] + [None], strict=True):
        if code != prev + 1:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(prev))}")
            start = code
    return "".join(ranges)


_MARKS = _mark_class()
_HAS_CJK = re.compile(rf"[{ls._CJK}]")
_UNSPACED = re.compile(rf"[{ls._UNSPACED}]")
_CJK_TOKENS = re.compile(rf"[{ls._CJK}]{{1,2}}|(?:[^\W{ls._CJK}]|[{_MARKS}])+")
_WORDS = re.compile(rf"[\w{_MARKS}]+")
_DIGITS = re.compile(r"\d+")
_LETTER = re.compile(rf"[^\W\d_]|[{_MARKS}]")  # a letter, or a mark of one


def collapse(text: str) -> str:
    """Each run of white space one space, none at either end."""
    return " ".join(text.split())


def count_words(text: str) -> int:
    """The words of a line (two CJK characters count as one)."""
    return len((_CJK_TOKENS if _HAS_CJK.search(text) else _WORDS).findall(text))


def frequency_key(text: str) -> str:
    """Lower-cased, whitespace collapsed, digits masked."""
    return _DIGITS.sub("0", collapse(text).lower())


def counted(text: str) -> bool:
    """Fewer than ``FREQUENCY_MAX_WORDS`` words."""
    return count_words(text) < FREQUENCY_MAX_WORDS


def paired(text: str) -> bool:
    """Counted, with a letter."""
    return counted(text) and _LETTER.search(text) is not None


def document_keys(texts: list[str]) -> set[str]:
    """The frequency keys of a document's counted lines and of its adjacent pairs of paired lines."""
    keys: set[str] = set()
    previous: str | None = None
    for text in texts:
        if not counted(text):
            previous = None
            continue
        key = frequency_key(text)
        keys.add(key)
        pairs = paired(text)
        if previous is not None and pairs:
            keys.add(pair_key(previous, key))
        previous = key if pairs else None
    return keys


def neighbour_codes(texts: list[str], at: list[int]) -> list[tuple[int, int | None, int | None]]:
    """Each asked line's ``hash64`` key, and its pairs' with the paired lines just above and below."""
    keys = [frequency_key(t) if paired(t) else None for t in texts]
    out = []
    for k in at:
        key = frequency_key(texts[k])
        above = keys[k - 1] if k > 0 else None
        below = keys[k + 1] if k + 1 < len(keys) else None
        out.append(
            (
                hash64(key),
                hash64(pair_key(above, key)) if above is not None else None,
                hash64(pair_key(key, below)) if below is not None else None,
            )
        )
    return out


def stems_of(words: set[str]) -> frozenset[str]:
    """The first 5 letters of each letters-only word of 4 or more (2 or more starting with Hangul); two-character
    words starting with CJK."""
    letters = [w for w in words if w.isalpha()]
    stems = {w[: ls.STEM_CHARS] for w in letters if len(w) >= 4 or (len(w) >= 2 and "\uac00" <= w[0] <= "\ud7a3")}
    stems.update(w for w in letters if len(w) == 2 and _HAS_CJK.match(w))
    return frozenset(stems)


def words(text: str) -> list[str]:
    """The words of a paragraph, lower-cased, in order (with CJK: CJK pairs, runs of other word characters)."""
    lowered = collapse(text).lower()
    return (_CJK_TOKENS if _HAS_CJK.search(lowered) else _WORDS).findall(lowered)


def stems(text: str) -> frozenset[str]:
    """The stems of a paragraph: :func:`stems_of` its words that are not function or common words."""
    return stems_of(set(words(text)).difference(ls._NOT_STEMS))


def describe(text: str) -> tuple:
    """The fields of :class:`LineInfo` of one paragraph: ``(text, n_words, stop_share, prose, sentence)``."""
    collapsed = collapse(text)
    lowered = collapsed.lower()
    sentence = ls.ends_sentence(collapsed)
    cjk = _HAS_CJK.search(lowered) is not None
    found = words(text)
    n = len(found)
    stop = sum(w in LINE_FUNCTION_WORDS or (sentence and holds_clitic(w)) for w in found) / n if n else 0.0
    if cjk:
        chars = _HAS_CJK.findall(lowered)
        function = sum(1 for c in chars if c in CJK_FUNCTION_CHARS or "\u3040" <= c <= "\u309f")
        stop = min(1.0, ls.CJK_FUNCTION_SCALE * function / len(chars)) if chars else 0.0
    clitics = sum(1 for w in found if sentence and w not in LINE_FUNCTION_WORDS and holds_clitic(w))
    phrases = [w for w in found if _UNSPACED.match(w)]
    long = n - len(phrases) + sum(max(1, len(w) // ls.UNSPACED_CHARS_PER_WORD) for w in phrases)
    prose = long >= ls.PROSE_ANY_WORDS or (
        long + clitics >= ls.PROSE_MIN_WORDS
        and (stop >= ls.PROSE_MIN_STOPWORDS or ((cjk or bool(phrases)) and sentence))
    )
    return (collapsed, n, stop, prose, sentence)


def holds_clitic(word: str) -> bool:
    """Whether a word opens with a prefix clitic followed by ``CLITIC_MIN_REST`` characters at least,
    or ends with a suffix clitic after that many."""
    rest = ls.CLITIC_MIN_REST
    return any(word.startswith(c) and len(word) >= len(c) + rest for c in PREFIX_CLITICS) or any(
        word.endswith(c) and len(word) >= len(c) + rest for c in SUFFIX_CLITICS
    )


def article_has(body: list[str], question: str) -> bool:
    """Whether an article of the paragraphs ``body`` has ``question`` among the first letters of its words.

    The first ``STEM_CHARS`` letters (all of them when fewer) of a letters-only word that is
    not a function or common word.
    """
    return any(
        w.isalpha() and w not in ls._NOT_STEMS and w[: ls.STEM_CHARS] == question for t in body for w in words(t)
    )


def shared_lines(body: list[str], asked: list[str]) -> tuple[int, int]:
    """``(len(stems & vocabulary), len(stems))``: the union of the asked lines' stems, and of the article's lines'."""
    asked_stems = frozenset().union(*map(stems, asked))
    vocabulary = frozenset().union(*map(stems, body))
    return len(asked_stems & vocabulary), len(asked_stems)
