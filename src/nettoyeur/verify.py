"""Verify: decide, for each candidate pair, whether it is a copy, and of which kind.

Nothing is removed on a signature's say-so. Each candidate pair gets:

1. the exact Jaccard similarity of the two shingle sets (reported with every removal);
2. an edit-aware word alignment (``difflib.SequenceMatcher`` on the normalised words),
   whose differences are sorted into what copying does and what rewriting does:

   * *typo*: a replaced word within one edit of its counterpart (a letter added, dropped
     or changed, or two neighbours swapped; no digit changed). Counted as matched.
   * *split/join*: "e-mail" / "email". Counted as matched.
   * *sentence-level gap*: more than ``MAX_SUBSTITUTION`` words added, removed or rewritten
     (a sentence added or removed, a truncation). Not matched, but not a change of
     statement either: it only lowers the share of matched words.
   * *edge gap*: up to ``MAX_SUBSTITUTION`` words added or removed at the very start or
     end ("(AFP)", a label, a clipped last word). Not matched, not a change.
   * *substitution*: up to ``MAX_SUBSTITUTION`` words replaced by other words that are not
     typos ("15" -> "17", "Paris" -> "Lyon", "weekly" -> "monthly"), and *inner gap*: up to
     ``MAX_SUBSTITUTION`` words added or removed inside ("is" -> "is not"). Each is a
     *change of statement*; when a number or a name (a capitalised word that is not a
     function word) is involved it is a *fact change*.

Verdicts (see :class:`Match`):
    ``duplicate``  no change of statement, and matched words cover >= ``DUPLICATE_COVER``
                   of the longer paragraph (or the exact Jaccard reaches ``min_jaccard``).
    ``contained``  a copy of the longer paragraph cut in one place (a teaser, a copy
                   truncated with "…", a copy without its first, last or a middle
                   sentence): no change of statement, the shorter paragraph has at least
                   ``min_contained_words`` words, >= ``containment_threshold`` of them are
                   matched, and the alignment has a single gap, so the shorter one starts
                   where the longer one starts or ends where it ends. It may be removed
                   (``containment="remove"``).
    ``quoted``     the shorter paragraph's words lie inside the longer one, but it is not a
                   cut copy: its words come from the middle of the longer one (two gaps:
                   a pull quote, a heading that restates a sentence), or with a clause in
                   between or a reworded attribution ("ajoute-t-elle" for "a-t-elle
                   déclaré"). Reported with its container, never removed: on the dev corpus
                   every such pair was a heading or pull quote that the document needs,
                   while every cut copy had a single gap. A fact change still rules it out.
    ``different``  close text that states something else (a change of statement was found):
                   never merged, not even through a third paragraph (see
                   :func:`nettoyeur.cluster.choose_keepers`).
    ``None``       anything else: unrelated, both kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

import numpy as np

from nettoyeur.config import CleanConfig

# Matched words must cover this share of the longer paragraph for a duplicate: a copy
# with a short sentence added or removed (one sentence in five), measured on the dev
# corpus where every "sentence added/removed" copy covers >= 0.8 or is found as contained.
DUPLICATE_COVER = 0.8
# A replaced or inserted run of at most this many words is a substitution (a change of
# statement unless each word is a typo); longer runs are whole sentences added, removed
# or rewritten. Three words hold a date ("12 mars 2019"), a name with a title, a figure
# with its unit, while the shortest sentences that copies add or drop are longer.
MAX_SUBSTITUTION = 3


@dataclass(frozen=True, slots=True)
class Alignment:
    """How two word lists line up (see the module docstring for the categories).

    Attributes:
        matched: words matched exactly, as typos, or as split/joined words.
        changes: substitutions and inner gaps: places where the statement differs.
        fact_change: one of the changes involves a number or a name.
        gaps: runs of unmatched words (changes included): 0 for copies with typos only,
            1 for a copy cut in one place, 2 or more for a passage from the middle.
    """

    matched: int
    changes: int
    fact_change: bool
    gaps: int


@dataclass(frozen=True, slots=True)
class Match:
    """The verdict on one verified pair.

    Attributes:
        kind: ``duplicate``, ``contained``, ``quoted`` or ``different``.
        jaccard: exact Jaccard of the shingle sets.
        containment: share of the shorter paragraph's words matched in the longer one.
        cover: share of the longer paragraph's words matched.
        conflict: the pair states something different (a change of statement was found):
            the two must never end up in one cluster.
    """

    kind: str
    jaccard: float
    containment: float
    cover: float
    conflict: bool = False


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Returns the exact Jaccard similarity of two sorted, distinct hash arrays (1.0 when both are empty)."""
    if len(a) == 0 and len(b) == 0:
        return 1.0
    # np.intersect1d(a, b, assume_unique=True)'s own method, without its wrapper's overhead
    # (a third of the time on sets of tens of shingles): shared values are equal neighbours.
    both = np.concatenate((a, b))
    both.sort()
    inter = int(np.count_nonzero(both[1:] == both[:-1]))
    return inter / (len(a) + len(b) - inter)


def _edit_distance_at_most(a: str, b: str, limit: int) -> bool:
    """Returns True when the optimal-string-alignment distance of a and b is <= limit.

    Insertions, deletions, substitutions and swaps of two adjacent letters cost 1 each.
    """
    if abs(len(a) - len(b)) > limit:
        return False
    prev2: list[int] | None = None
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return False
        prev2, prev = prev, cur
    return prev[-1] <= limit


def is_typo(a: str, b: str) -> bool:
    """Returns True when ``b`` is ``a`` with a typing error, not another word or fact.

    Words of 3+ letters may differ by one edit: a letter added, dropped or changed, or
    two neighbours swapped. Not two: "northern" / "southern" are two edits apart, and on
    the dev corpus every typo in a copy (158 words) was one edit away. Words of two
    letters may only have their letters swapped ("fo" for "of"), since one changed
    letter makes another word there ("in" / "on"). A changed digit is never a typo:
    15 -> 17 is another date.
    """
    if a == b:
        return True
    if any(c.isdigit() for c in a + b):
        return False
    shortest = min(len(a), len(b))
    if shortest < 2:
        return False
    if shortest == 2:
        return len(a) == len(b) and sorted(a) == sorted(b)
    if _edit_distance_at_most(a, b, 1):
        return True
    # Case folding spells "ß" as "ss", so a dropped "ß" would cost two edits.
    if "ss" in a or "ss" in b:
        return _edit_distance_at_most(a.replace("ss", "ß"), b.replace("ss", "ß"), 1)
    return False


def compare(
    a: list[str], b: list[str], facts_a: list[bool] | None = None, facts_b: list[bool] | None = None
) -> Alignment:
    """Aligns two word lists and sorts their differences.

    Args:
        a: case-folded words of the first paragraph.
        b: case-folded words of the second.
        facts_a: per word of ``a``, whether it is a number or a name (None: every word is).
        facts_b: the same for ``b``.

    Returns:
        the :class:`Alignment`.
    """
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    matched = changes = gaps = 0
    fact = False
    last = len(ops) - 1
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        la, lb = i2 - i1, j2 - j1
        aligned = op == "equal"
        if op == "equal":
            matched += la
        elif op == "replace" and "".join(a[i1:i2]) == "".join(b[j1:j2]):
            matched += min(la, lb)  # a split or joined word: "e-mail" / "email"
            aligned = True
        elif op == "replace" and la == lb and la <= MAX_SUBSTITUTION:
            aligned = True
            for x in range(la):
                if is_typo(a[i1 + x], b[j1 + x]):
                    matched += 1
                else:
                    aligned = False
                    changes += 1
                    fact = fact or _is_fact(facts_a, i1 + x) or _is_fact(facts_b, j1 + x)
        elif k == last and op == "replace" and _clipped(a[i1:i2], b[j1:j2]):
            pass  # the last word cut short by a truncation: "Perso…" for "Personen angeln"
        elif max(la, lb) <= MAX_SUBSTITUTION and (op == "replace" or 0 < k < last):
            # A short run replaced by another, or added/removed inside: another statement.
            changes += 1
            fact = fact or _any_fact(facts_a, i1, i2) or _any_fact(facts_b, j1, j2)
        # Anything else is a whole sentence added, removed or rewritten, or a short edge gap.
        gaps += not aligned
    return Alignment(matched, changes, fact, gaps)


def _clipped(x: list[str], y: list[str]) -> bool:
    """Returns True when one run is a single word (2+ letters, no digit) that begins the other run's first word."""
    if len(y) == 1:
        x, y = y, x
    return len(x) == 1 and len(x[0]) >= 2 and x[0].isalpha() and y[0].startswith(x[0])


def _is_fact(facts: list[bool] | None, i: int) -> bool:
    return True if facts is None else facts[i]


def _any_fact(facts: list[bool] | None, i1: int, i2: int) -> bool:
    if i1 == i2:
        return False
    return True if facts is None else any(facts[i1:i2])


def align(
    a: list[str], b: list[str], facts_a: list[bool] | None = None, facts_b: list[bool] | None = None
) -> tuple[int, bool]:
    """Aligns two word lists (see :func:`compare`).

    Returns:
        ``(matched, fact_change)``: words matched (exactly, as typos or split/joined)
        and whether a number or a name was substituted.
    """
    result = compare(a, b, facts_a, facts_b)
    return result.matched, result.fact_change


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

    Args:
        words_a: case-folded words of the first paragraph (:func:`nettoyeur.shingle.words`).
        words_b: the same for the second.
        shingles_a: sorted distinct shingle hashes of the first paragraph.
        shingles_b: the same for the second.
        config: the thresholds (``min_jaccard``, ``containment``, ``containment_threshold``,
            ``min_contained_words``).
        facts_a: per word, whether it is a number or a name
            (:func:`nettoyeur.shingle.fact_flags`); None reads every word as a fact, the
            strictest reading.
        facts_b: the same for the second paragraph.

    Returns:
        a :class:`Match`, or ``None`` when the pair is unrelated.
    """
    jac = jaccard(shingles_a, shingles_b)
    if not words_a or not words_b:
        return None
    al = compare(words_a, words_b, facts_a, facts_b)
    short, long_ = sorted((len(words_a), len(words_b)))
    cover = al.matched / long_
    contain = al.matched / short
    conflict = al.changes > 0
    inside = (
        config.containment != "off" and short >= config.min_contained_words and contain >= config.containment_threshold
    )
    if not conflict and (cover >= DUPLICATE_COVER or (jac >= config.min_jaccard and contain >= DUPLICATE_COVER)):
        return Match("duplicate", jac, contain, cover)
    # A reworded pair of about the same length ("weekly" / "monthly") is not a passage
    # inside a longer paragraph: it is another statement.
    if inside and not al.fact_change and not (conflict and cover >= DUPLICATE_COVER):
        if not conflict and al.gaps <= 1:
            return Match("contained", jac, contain, cover)
        return Match("quoted", jac, contain, cover, conflict)
    if conflict:
        return Match("different", jac, contain, cover, True)
    return None
