"""Verify: decide, for each candidate pair, whether it is a copy, and of which kind.

Nothing is removed on a signature's say-so. Each candidate pair gets:

1. the exact Jaccard similarity of the two shingle sets (reported with every removal);
2. an edit-aware word alignment (``difflib.SequenceMatcher`` on the normalised words).
   Aligned words count as matched; a replaced word counts as matched too when it is a
   *typo* of its counterpart (edit distance 1, or 2 for words of 7+ letters, no digits
   changed). A short replacement (up to three words) that involves a number or a name
   (a capitalised word that is not a function word) is a *fact change*: the same
   sentence with another date, figure, person or place is a different statement, and
   the pair is never merged, whatever its Jaccard. Other replacements ("ajoute" for
   "a déclaré") are rewording: those words are simply not matched. Longer replaced or
   inserted runs are added or removed sentences.

Verdicts:
    ``duplicate``  no fact change, and matched words cover >= 80% of the longer
                   paragraph (or the exact Jaccard reaches ``min_jaccard``);
    ``contained``  no fact change, the shorter paragraph has at least
                   ``min_contained_words`` words and >= ``containment_threshold`` of them
                   are matched inside the longer one;
    ``None``       anything else: both are kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

import numpy as np

from nettoyeur.config import CleanConfig

# Matched words must cover this share of the longer paragraph for a duplicate: a
# near copy with a typo or two, or one short sentence changed in five.
DUPLICATE_COVER = 0.8
# A replaced run of at most this many words on both sides is a substitution (a fact
# change unless each word is a typo); longer runs are rewritten or added sentences.
MAX_SUBSTITUTION = 3


@dataclass(frozen=True, slots=True)
class Match:
    """The verdict on one verified pair.

    Attributes:
        kind: ``duplicate`` or ``contained``.
        jaccard: exact Jaccard of the shingle sets.
        containment: share of the shorter paragraph's words matched in the longer one.
        cover: share of the longer paragraph's words matched.
    """

    kind: str
    jaccard: float
    containment: float
    cover: float


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Returns the exact Jaccard similarity of two sorted, distinct hash arrays."""
    if len(a) == 0 and len(b) == 0:
        return 1.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


def _edit_distance_at_most(a: str, b: str, limit: int) -> bool:
    """Returns True when the Damerau-Levenshtein distance of a and b is <= limit."""
    if abs(len(a) - len(b)) > limit:
        return False
    prev2: list[int] | None = None
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return False
        prev2, prev = prev, cur
    return prev[-1] <= limit


def is_typo(a: str, b: str) -> bool:
    """Returns True when ``b`` is ``a`` with a typing error (not another fact)."""
    if a == b:
        return True
    if any(c.isdigit() for c in a + b):
        return False  # 15 -> 17 is another date, not a typo
    if min(len(a), len(b)) < 3:
        return False
    return _edit_distance_at_most(a, b, 2 if min(len(a), len(b)) >= 7 else 1)


def align(
    a: list[str], b: list[str], facts_a: list[bool] | None = None, facts_b: list[bool] | None = None
) -> tuple[int, bool]:
    """Aligns two word lists.

    Args:
        a: case-folded words of the first paragraph.
        b: case-folded words of the second.
        facts_a: per word of ``a``, whether it is a number or a name (None: all are).
        facts_b: the same for ``b``.

    Returns:
        ``(matched, fact_change)``: words matched (exactly or as typos) and whether a
        short substitution of numbers or names was found.
    """
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    matched = 0
    fact = False
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            matched += i2 - i1
        elif op == "replace":
            la, lb = i2 - i1, j2 - j1
            if la == lb and all(is_typo(x, y) for x, y in zip(a[i1:i2], b[j1:j2])):
                matched += la
            elif la <= MAX_SUBSTITUTION and lb <= MAX_SUBSTITUTION:
                # A split or joined word ("e-mail" / "email") is not a fact change.
                if "".join(a[i1:i2]) == "".join(b[j1:j2]):
                    matched += min(la, lb)
                elif facts_a is None or facts_b is None or any(facts_a[i1:i2]) or any(facts_b[j1:j2]):
                    fact = True
    return matched, fact


def verify(
    words_a: list[str],
    words_b: list[str],
    shingles_a: np.ndarray,
    shingles_b: np.ndarray,
    config: CleanConfig,
    facts_a: list[bool] | None = None,
    facts_b: list[bool] | None = None,
) -> Match | None:
    """Verifies one candidate pair.

    ``facts_a``/``facts_b`` flag the words that are numbers or names (see
    :func:`nettoyeur.shingle.fact_flags`); without them every replaced word counts as
    a fact, the strictest reading.

    Returns:
        a :class:`Match` when the pair is a duplicate or a containment, else ``None``.
    """
    jac = jaccard(shingles_a, shingles_b)
    if not words_a or not words_b:
        return None
    matched, fact = align(words_a, words_b, facts_a, facts_b)
    if fact:
        return None
    short, long_ = sorted((len(words_a), len(words_b)))
    cover = matched / long_
    contain = matched / short
    if cover >= DUPLICATE_COVER or (jac >= config.min_jaccard and contain >= DUPLICATE_COVER):
        return Match("duplicate", jac, contain, cover)
    if config.containment != "off" and short >= config.min_contained_words and contain >= config.containment_threshold:
        return Match("contained", jac, contain, cover)
    return None
