"""The plain Python reference of verification's classification: ``verify.compare`` and ``verify.verify``
as they were before the native core took them over (``nettoyeur._core.verify_pairs``).

The oracle of ``tests/test_verify_core.py``: the core must give exactly these verdicts. Only the
word alignment (difflib's opcodes and the swaps, ``verify._alignment``) comes from the core: it
has its own reference in ``tests/test_core.py``.

Words come as verification reads them: a number with a minus sign is one word, "-5"
(``shingle.Tokens.signed``), so "-5" / "5" is a figure replaced, a fact change, by the same rules.
"""

from __future__ import annotations

import os
from collections import Counter

import numpy as np

from nettoyeur.config import CleanConfig
from nettoyeur.dedup.shingle import FACT, NEGATING, NOT_NAMES
from nettoyeur.dedup.verify import (
    DUPLICATE_COVER,
    EDIT_MIN_JACCARD,
    EDIT_MIN_WORDS,
    EXCHANGE_MAX_WORDS,
    MAX_PHRASE,
    MAX_SUBSTITUTION,
    MIN_PASSAGE_WORDS,
    REPLACED_MIN_WORDS,
    REPLACED_ONE_MIN_WORDS,
    Alignment,
    Match,
    _alignment,
    _lexical_class,
    _polar,
    jaccard,
)
from nettoyeur.text.lexicon import (
    AFFIX_FLIPS,
    DAY_NAMES,
    LEVEL_CLASS,
    MONTH_NUMBERS,
    NUMBER_WORDS,
    STOPWORDS,
    UNIT_NAMES,
)
from nettoyeur.text.lexicon_unspaced import HANGUL_ENDINGS
from word_traits_reference import cased_lower, figure


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


# verify.rs's HANGUL_SLIP: the shortest Hangul word where a slip (two syllables swapped, one doubled) is a typo.
_HANGUL_SLIP = 6


def _ending_edit(a: str, b: str) -> bool:
    """Returns True when words one edit apart differ in no Hangul syllable, or in one particle or ending.

    The changed syllable (added, dropped or replaced) must not be the word's first, and both sides'
    syllable must be in ``HANGUL_ENDINGS`` ("의원은" / "의원이"); a name's syllable ("김민수" /
    "김민호") or two syllables swapped ("민수" / "수민") are another word.
    """
    pre = len(os.path.commonprefix([a, b]))
    suf = len(os.path.commonprefix([a[pre:][::-1], b[pre:][::-1]]))
    ma, mb = a[pre : len(a) - suf], b[pre : len(b) - suf]
    if not any("\uac00" <= c <= "\ud7a3" for c in ma + mb):
        return True
    if min(len(a), len(b)) >= _HANGUL_SLIP and _slip(a, b):
        return True  # a slip in a long word: "대구교통공사" / "대구교공통사"
    return pre > 0 and all(not m or (len(m) == 1 and m in HANGUL_ENDINGS) for m in (ma, mb))


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
    if any(map(figure, a + b)):
        return False
    shortest = min(len(a), len(b))
    if shortest < 2:
        return False
    if shortest == 2:
        return len(a) == len(b) and sorted(a) == sorted(b) and _ending_edit(a, b)
    if _edit_distance_at_most(a, b, 1):
        return _ending_edit(a, b)
    # Case folding spells "ß" as "ss", so a dropped "ß" would cost two edits.
    if "ss" in a or "ss" in b:
        return _edit_distance_at_most(a.replace("ss", "ß"), b.replace("ss", "ß"), 1)
    return False


def _content(word: str) -> bool:
    """Returns True for a word that says something of the subject: no plain word (``NOT_NAMES``), no lexicon class."""
    return word not in NOT_NAMES and _lexical_class(word) is None


def _replaced(run_a: list[str], run_b: list[str]) -> int:
    """Returns the content words a replaced run changes: the more of either side's, none when a side holds none."""
    ca, cb = sum(map(_content, run_a)), sum(map(_content, run_b))
    return max(ca, cb) if ca and cb else 0


def _fact_key(word: str, fact: bool) -> str | None:
    """Returns what a fact word states, for comparing runs of words (None for a word that states no fact)."""
    if not fact:
        return None
    return _lexical_class(word) or word


def _flipped(a: str, b: str) -> bool:
    """Returns True when one word is the other with its affix turned into its opposite's (``AFFIX_FLIPS``).

    "able" / "unable", "säker" / "osäker", "overvalued" / "undervalued", "sinnvoll" / "sinnlos":
    the stem left has 4 letters or more beside a prefix, 5 beside a one-letter prefix, 3 beside a
    suffix.
    """
    for suffix, p, q in AFFIX_FLIPS:
        stem = 3 if suffix else 5 if max(len(p), len(q)) == 1 else 4
        for u, v in ((a, b), (b, a)):
            if len(u) - len(p) < stem or len(v) - len(q) < stem:
                continue
            if suffix and u.endswith(p) and v.endswith(q) and u[: len(u) - len(p)] == v[: len(v) - len(q)]:
                return True
            if not suffix and u.startswith(p) and v.startswith(q) and u[len(p) :] == v[len(q) :]:
                return True
    return False


def _spelt_alike(a: str, b: str) -> bool:
    """Returns True when two words share half their letter pairs or more (bigram Dice >= 0.5): two spellings."""
    if len(a) < 2 or len(b) < 2:
        return False
    pa, pb = Counter(zip(a, a[1:])), Counter(zip(b, b[1:]))
    return 4 * sum((pa & pb).values()) >= len(a) - 1 + len(b) - 1


def _same_class(x: str, y: str) -> bool:
    """Returns True when both words have one lexical class ("%" / "Prozent", "Mio" / "Millionen"): one unit."""
    cls = _lexical_class(x)
    return cls is not None and cls == _lexical_class(y)


def _counted(words: list[str], i: int) -> bool:
    """Returns True when ``words[i]`` follows a figure in digits, alone or with a number word ("40 Millionen").

    It is then what the figure counts, or its unit. After a number word alone it may be an
    adjective ("zwei wichtige" / "zwei bedeutende" is a synonym).
    """

    def digit(k: int) -> bool:
        return any(map(figure, words[k]))

    return i > 0 and (digit(i - 1) or (i > 1 and words[i - 1] in NUMBER_WORDS and digit(i - 2)))


def _substitution(x: str, y: str, fx: bool, fy: bool) -> str:
    """Classifies one word replaced by another: ``typo`` (the same word), ``edit`` (a non-fact word) or ``fact``.

    A one-letter difference is a typo unless it turns a word into a negation or a polar
    word or back ("ein" / "kein", "ever" / "never"), or one date or number word into another
    ("juni" / "juli"). Two words of one class are synonyms ("rose" / "climbed", "Millionen"
    / "Mio"); two poles of one scale are a flip ("rose" / "fell", "vor" / "nach"), and so is
    a word and its negated form ("able" / "unable"). Two single letters are identifiers
    (:func:`_letters`).
    """
    cx, cy = _lexical_class(x), _lexical_class(y)
    if _letters(x, y):
        return "fact"  # "column B" / "column C": identifiers, like figures
    if _flipped(x, y):
        return "fact"  # "safe" / "unsafe", "säker" / "osäker" (one letter: else a typo), "useful" / "useless"
    if cx != cy and (cx or x) == (cy or y):
        return "typo"  # a number word and its figure, one fact key: "three" / "3", "third" / "3rd"
    if is_typo(x, y) and (cx == cy or (cx is None or cy is None) and (not _polar(cx or cy) or _slip(x, y))):
        return "typo"
    if is_typo(x, y) and not fx and not fy:
        return "typo"  # two classes, neither a fact where it stands: "week" / "weak", "many" / "may"
    numbers = x in NUMBER_WORDS and y in NUMBER_WORDS and cx != cy  # "three" / "thirteen": no abbreviation
    if _shortened(x, y) and not numbers and (fx if len(x) > len(y) else fy) and not _polar(cx) and not _polar(cy):
        return "typo"  # a name abbreviated: "Maine" / "Me", "California" / "Calif"
    if cx is not None and cx == cy:
        return "edit"
    if cx is not None and cy is not None:
        return "fact"  # two classes: "rose" / "fell", "vor" / "nach", "weekly" / "monthly", "juni" / "juli"
    if fx or fy:
        return "fact"
    return "edit"


def _letters(a: str, b: str) -> bool:
    """Returns True for two different single letters of a cased script, not both stop words.

    "B" / "C" are identifiers; "a" / "i", "l" / "d" function words; "中" / "国" words of
    an unspaced script. Each must be a letter in lower case on its own: "z" / "<" is a
    letter and a sign, not two identifiers (``(a + b).islower()`` would say yes).
    """
    return len(a) == len(b) == 1 and a != b and a.islower() and b.islower() and not (a in STOPWORDS and b in STOPWORDS)


def _slip(a: str, b: str) -> bool:
    """Returns True for a slip of the fingers inside a word of 4+ letters: two neighbours swapped or a letter doubled.

    Such a typo never makes another word of a negation ("nichts" / "nihcts", "never" /
    "neveer"), while one letter added or changed does ("ein" / "kein", "ever" / "never").
    """
    if len(a) > len(b):
        a, b = b, a
    if len(a) < 4:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    return len(b) == len(a) + 1 and any(b[i] == b[i + 1] and b[:i] + b[i + 1 :] == a for i in range(len(b) - 1))


def _shortened(a: str, b: str) -> bool:
    """Returns True when one word is an abbreviation of the other: its first letter, then some of its letters in order.

    The short form has 2-5 letters and the long one at least two more ("Me" / "Maine",
    "Calif" / "California", "Nov" / "November"); no digit on either side.
    """
    if len(a) > len(b):
        a, b = b, a
    if not 2 <= len(a) <= 5 or len(b) < len(a) + 2 or a[0] != b[0] or not (a + b).isalpha():
        return False
    rest = iter(b[1:])
    return all(c in rest for c in a[1:])


def _initial(a: str, b: str) -> bool:
    """Returns True when one word is the other's initial ("b" / "beispiel")."""
    return (len(a) == 1) != (len(b) == 1) and a[0] == b[0] and not all(map(figure, a + b))


def _abbreviation(long_run: list[str], short_run: list[str]) -> bool:
    """Returns True when one run is the other written as initials.

    As single letters ("zum Beispiel" / "z. B.", "United States" / "U.S.") or as one
    acronym, with or without the function words ("European Union" / "EU", "United
    States of America" / "USA").
    """
    if all(len(w) == 1 for w in long_run) or (len(long_run) == 1 and len(short_run) > 1):
        long_run, short_run = short_run, long_run
    if len(long_run) < 2:
        return False
    initials = "".join(w[0] for w in long_run)
    if all(len(w) == 1 for w in short_run):
        return "".join(short_run) == initials
    content = "".join(w[0] for w in long_run if w not in STOPWORDS)
    # An acronym stands for two content words or more ("in the" is not "it").
    return len(content) >= 2 and len(short_run) == 1 and short_run[0] in (initials, content) and short_run[0].isalpha()


def _keys(words: list[str], facts: list[bool] | None, i1: int, i2: int) -> Counter:
    """Returns the multiset of fact keys of ``words[i1:i2]`` (every word a fact when ``facts`` is None)."""
    keys: Counter = Counter()
    for i in range(i1, i2):
        key = _NEGATING_KEY if _negating(facts, i) else _fact_key(words[i], _is_fact(facts, i))
        if key is not None:
            keys[key] += 1
    return keys


def _classes_flip(ra: list[str], rb: list[str]) -> bool:
    """Returns True when each side of a replaced run holds a lexical class the other lacks.

    ("chiusa per" / "aperta durante i": a weak pole flipped inside a phrase.)
    """
    ca, cb = {_lexical_class(w) for w in ra} - {None}, {_lexical_class(w) for w in rb} - {None}
    own_a = {_lexical_class(w) for w in ra if w not in NOT_NAMES} - {None}  # plain words ("for", "next") do not count
    own_b = {_lexical_class(w) for w in rb if w not in NOT_NAMES} - {None}
    return bool(own_a - cb and own_b - ca)


def _unit_replaced(a: list[str], b: list[str], i1: int, i2: int, j1: int, j2: int) -> bool:
    """Returns True when, after the same figure, a unit of a lexical class is replaced by a phrase not written out.

    ("5 %" / "5 punkty procentowe": another amount; a phrase of words of the unit's class or number
    words and plain words, "5 %" / "5 por cento", is the unit written out.)
    """
    if i1 == i2 or j1 == j2 or not _counted(a, i1) or not _counted(b, j1):
        return False
    if i2 - i1 == 1:
        unit, phrase = a[i1], b[j1:j2]
    elif j2 - j1 == 1:
        unit, phrase = b[j1], a[i1:i2]
    else:
        return False
    cls = _lexical_class(unit)
    spelt = [_lexical_class(x) == cls or x in NUMBER_WORDS for x in phrase]
    written_out = any(spelt) and all(s or x in NOT_NAMES for s, x in zip(spelt, phrase))
    return cls is not None and len(phrase) > 1 and not written_out


def _figure_extended(words: list[str], i1: int, i2: int) -> bool:
    """Returns True when ``words[i1:i2]``, added beside a figure or number word, starts or ends with one.

    ("6" / "6.5", "mil" / "dos mil": another number.)
    """
    return i1 < i2 and (
        (i1 > 0 and _figure_at(words, i1) and _figure_at(words, i1 - 1))
        or (i2 < len(words) and _figure_at(words, i2 - 1) and _figure_at(words, i2))
    )


def _figure_at(words: list[str], i: int) -> bool:
    """Returns True when ``words[i]`` is there and holds a figure or is a number word (verify.rs's ``figure_at``)."""
    return i < len(words) and (any(map(figure, words[i])) or words[i] in NUMBER_WORDS)


def _levels(words: list[str], i1: int, i2: int) -> int:
    """Returns how many words of ``words[i1:i2]`` mark the level a figure reaches (``lexicon.LEVEL_CLASS``).

    Such a word stands before a figure or number word, or before a stop word and one, and not after
    one ("rose to 8%", "hasta el 6%"; not the range "3 to 5").
    """
    return sum(
        _lexical_class(words[i]) == LEVEL_CLASS
        and not (i > 0 and _figure_at(words, i - 1))
        and (
            _figure_at(words, i + 1) or (i + 1 < len(words) and words[i + 1] in STOPWORDS and _figure_at(words, i + 2))
        )
        for i in range(i1, i2)
    )


def _fact_edit(ka: Counter, kb: Counter, replaced: bool) -> bool:
    """Returns True when a short run of words replaced, added or removed changes a fact.

    Args:
        ka: the fact keys of the run on one side (see :func:`_keys`).
        kb: the same on the other side.
        replaced: both runs hold words (a replacement, not an insertion or deletion).

    A negation or polar word added or removed always changes the statement ("is" / "is not
    safe"). A name, date or figure replaced by anything else changes a fact. A name, date or
    figure only added or removed does not: the copy says less, not something else, as wire
    copies do ("Maine state police" / "state police", "said Monday" / "said", a dateline
    "SAO PAULO, Nov 7").
    """
    polar_a = Counter({k: n for k, n in ka.items() if _polar(k) or k == _NEGATING_KEY})
    polar_b = Counter({k: n for k, n in kb.items() if _polar(k) or k == _NEGATING_KEY})
    return polar_a != polar_b or (replaced and ka != kb)


def compare(
    a: list[str], b: list[str], facts_a: list[bool] | None = None, facts_b: list[bool] | None = None
) -> Alignment:
    """Aligns two word lists and sorts their differences.

    Args:
        a: case-folded words of the first paragraph.
        b: case-folded words of the second.
        facts_a: per word of ``a``, whether it carries a fact (:func:`nettoyeur.dedup.shingle.fact_flags`;
            None: every word does).
        facts_b: the same for ``b``.

    Returns:
        the :class:`Alignment`.
    """
    ops, moved = _alignment(a, b)
    matched = changes = gaps = edits = replaced = 0
    fact = False
    last = len(ops) - 1
    # Names and figures (not date or number words) only added on one side or only dropped on
    # the other (see _fact_edit).
    only_a: Counter = Counter()
    only_b: Counter = Counter()
    dates = _dated(ops, moved, a, b)
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        la, lb = i2 - i1, j2 - j1
        aligned = op == "equal"
        if op == "equal":
            matched += la
        elif k in moved:
            # Neighbours swapped: an edit (counted once per swap), the words all matched;
            # two neighbouring names exchanged are another person: a fact change.
            matched += max(la, lb)
            aligned = True
            first = op == "replace" or k - 2 not in moved
            region = _swap_region(ops, moved, k)
            named = region is not None and _names_swapped(a, b, facts_a, facts_b, region)
            changes += first or named
            edits += first and not named
            fact = fact or named
        elif k in dates:
            matched += min(la, lb)  # one date written two ways ("5 March" / "05/03")
            aligned = True
        elif op == "replace" and ("".join(a[i1:i2]) == "".join(b[j1:j2]) or _abbreviation(a[i1:i2], b[j1:j2])):
            matched += min(la, lb)  # a split or joined word ("e-mail" / "email"), initials ("z. B.")
            aligned = True
        elif op == "replace" and la == lb and la <= MAX_SUBSTITUTION:
            aligned = True
            initials = [_initial(a[i1 + x], b[j1 + x]) for x in range(la)]
            for x in range(la):
                if initials[x] and ((x > 0 and initials[x - 1]) or (x + 1 < la and initials[x + 1])):
                    matched += 1  # words written as initials ("zum Beispiel gerne" / "z. B. genre")
                    continue
                kind = _substitution(a[i1 + x], b[j1 + x], _is_fact(facts_a, i1 + x), _is_fact(facts_b, j1 + x))
                if _negating(facts_a, i1 + x) != _negating(facts_b, j1 + x):
                    kind = "fact"  # a character of a negation replaced by one of no negation ("ไม่" / "ได้")
                if (
                    kind == "edit"
                    and not _same_class(a[i1 + x], b[j1 + x])
                    and _counted(a, i1 + x)
                    and _counted(b, j1 + x)
                    and not _shortened(a[i1 + x], b[j1 + x])
                    and not _spelt_alike(a[i1 + x], b[j1 + x])
                ):
                    kind = "fact"  # "40 miljoen euro" / "40 miljoen dollar", "8 Prozent" / "8 Euro": another amount
                if kind == "typo":
                    matched += 1
                else:
                    aligned = False
                    changes += 1
                    edits += kind == "edit"
                    replaced += kind == "edit" and _content(a[i1 + x]) and _content(b[j1 + x])
                    fact = fact or kind == "fact"
        elif k == last and op == "replace" and _clipped(a[i1:i2], b[j1:j2]):
            pass  # the last word cut short by a truncation: "Perso…" for "Personen angeln"
        elif (k == 0 or k == last) and max(la, lb) <= MAX_SUBSTITUTION and op != "replace":
            # A short edge gap: a dateline or label added ("(AP) -"), a last word clipped. It
            # states nothing new unless it holds a negation or polar word ("Nicht erst ...").
            changes_polarity = any(
                (_polar(_lexical_class(w)) and _is_fact(f, i)) or _negating(f, i)
                for w, f, i in [(a[i], facts_a, i) for i in range(i1, i2)] + [(b[j], facts_b, j) for j in range(j1, j2)]
            )
            changes += changes_polarity
            fact = fact or changes_polarity
            # Names it holds count with the others: a name dropped at the start and another
            # added further on is a name replaced ("Ana Ruiz died" / "Ruiz Gil died").
            only_a.update(_names(a, facts_a, i1, i2))
            only_b.update(_names(b, facts_b, j1, j2))
        elif (max(la, lb) <= MAX_SUBSTITUTION and (op == "replace" or 0 < k < last)) or (
            op == "replace"
            and min(la, lb) <= MAX_SUBSTITUTION
            and max(la, lb) <= MAX_PHRASE
            and any(map(_content, a[i1:i2] if la < lb else b[j1:j2]))
        ):
            # A short run replaced by another, or added/removed inside, or a short phrase with
            # a content word replaced by a longer one ("guidebook" / "guided tour with a local
            # historian"): a change of statement when a fact is added, dropped or replaced, else an
            # edit ("also", "Mr", "reports"), whose content words replaced count.
            changes += 1
            ka, kb = _keys(a, facts_a, i1, i2), _keys(b, facts_b, j1, j2)
            if (
                _fact_edit(ka, kb, replaced=la > 0 and lb > 0)
                or (la > 0 and lb > 0 and _classes_flip(a[i1:i2], b[j1:j2]))
                or _unit_replaced(a, b, i1, i2, j1, j2)
                or (la == 0 and _figure_extended(b, j1, j2))
                or (lb == 0 and _figure_extended(a, i1, i2))
            ):
                fact = True
            else:
                edits += 1
                replaced += _replaced(a[i1:i2], b[j1:j2])
                only_a.update(_names(a, facts_a, i1, i2))
                only_b.update(_names(b, facts_b, j1, j2))
        elif op == "replace":
            # A whole sentence rewritten: a fact replaced by another ("in 2019" / "in 2021"
            # in a rewritten clause) is still a fact change; sentences only added or removed
            # (one side without facts of its own) are not.
            ka, kb = _keys(a, facts_a, i1, i2), _keys(b, facts_b, j1, j2)
            fact = fact or bool(ka - kb and kb - ka)
            # A figure's unit replaced by a phrase of characters holding a fact ("5%" / "5ポイント"):
            # another amount ("5パーセント", the percent written out, holds none).
            phrase = range(i1, i2) if la > lb else range(j1, j2)
            in_phrase = any(_is_fact(facts_a if la > lb else facts_b, i) for i in phrase)
            fact = fact or (max(la, lb) <= MAX_PHRASE and _unit_replaced(a, b, i1, i2, j1, j2) and in_phrase)
        # A short run of function words that adds, drops or replaces a word marking a figure's level
        # ("rose 8%" / "rose to 8%", "by 8%" / "to 8%"): another amount. A run holding other words is
        # a phrase moved or rewritten ("Appeal to the 9th Circuit" / "9th Circuit Appeal").
        bare = all(_lexical_class(x) == LEVEL_CLASS or x in NOT_NAMES for x in a[i1:i2] + b[j1:j2])
        if op != "equal" and k not in moved and max(la, lb) <= MAX_SUBSTITUTION and bare:
            fact = fact or _levels(a, i1, i2) != _levels(b, j1, j2)
        # Anything else is a whole sentence added or removed, or a short edge gap; but a negation
        # of an unspaced script added or dropped with at most MAX_SUBSTITUTION other words is a
        # flip, however long ("มิใช่", "ไม่ได้").
        fact = fact or (op == "delete" and _negation_added(facts_a, i1, i2))
        fact = fact or (op == "insert" and _negation_added(facts_b, j1, j2))
        gaps += not aligned
    # A name dropped here and another added there is a name replaced ("American Indian
    # tweens" / "African American tweens"), whatever the alignment made of it.
    fact = fact or bool((only_a - only_b) and (only_b - only_a))
    # A figure dropped here and added there has moved: "at 10 45" / "at 45 10" is another time.
    fact = fact or any(figure(c) for k in only_a & only_b for c in k)
    return Alignment(matched, changes, fact, gaps, edits, replaced)


def _date_parts(run: list[str]) -> tuple[list[int], list[int], int] | None:
    """Returns a run's figures and month numbers (sorted) and its count of date marks, or None (``verify::date_parts``).

    A word opening with up to four ASCII digits is a figure, what follows them a month or mark ("3월");
    stop words are skipped; the other words between two figures, joined, are one month or mark
    (``lexicon.MONTH_NUMBERS``; a Thai month is a run of characters).
    """
    figures: list[int] = []
    months: list[int] = []
    marks = 0
    part = ""

    def flush() -> bool:
        nonlocal part, marks
        if not part:
            return True
        value = MONTH_NUMBERS.get(part)
        part = ""
        if value is None:
            return False
        if value:
            months.append(value)
        else:
            marks += 1
        return True

    for word in run:
        n = len(word) - len(word.lstrip("0123456789"))
        if n:
            if n > 4 or not flush():
                return None
            figures.append(int(word[:n]))
            part = word[n:]
            if not flush():
                return None
        elif word in STOPWORDS:
            if not flush():
                return None
        else:
            part += word
    if not flush():
        return None
    return sorted(figures), sorted(months), marks


def _same_date(ra: list[str], rb: list[str]) -> bool:
    """Returns True when two runs are one date written two ways (``verify::same_date``).

    The month's name or the marks of a date's parts on one side, figures only on the other, the same
    numbers in any order ("5 March" / "05/03", "2024年3月5日" / "2024-03-05"); or the same month's name
    on both sides and the same figures ("5 March" / "March 5").
    """
    if not any(figure(c) for w in ra + rb for c in w):
        return False
    pa, pb = _date_parts(ra), _date_parts(rb)
    if pa is None or pb is None:
        return False
    named_a, named_b = bool(pa[1] or pa[2]), bool(pb[1] or pb[2])
    if named_a and named_b:
        return bool(pa[1]) and pa[1] == pb[1] and pa[0] == pb[0]
    if named_a == named_b:
        return False
    named, plain = (pa, pb) if named_a else (pb, pa)
    return bool(plain[0]) and sorted(named[0] + named[1]) == plain[0]


def _unit_after(before: list[str], run: list[str], tail: str) -> tuple[str, str] | None:
    """Returns the figure and the unit (``lexicon.UNIT_NAMES``) a run writes after it, or None (``verify::unit_after``).

    The figure is ``before[0]`` (the words after it joined with the run's), or the leading digits of the
    run's first word; ``tail`` is cut from the joined words' end.
    """
    if before:
        figure_text, name = before[0], "".join(before[1:]) + "".join(run)
    else:
        n = len(run[0]) - len(run[0].lstrip("0123456789")) if run else 0
        if not n:
            return None
        figure_text, name = run[0][:n], run[0][n:] + "".join(run[1:])
    name = name[: len(name) - min(len(tail), len(name))]
    unit = UNIT_NAMES.get(name)
    return None if unit is None else (figure_text, unit)


def _same_unit(a: list[str], b: list[str], op: tuple) -> bool:
    """Returns True when a run replaced writes one unit after the same figure on both sides (``verify::same_unit``)."""
    _, i1, i2, j1, j2 = op
    ra, rb = a[i1:i2], b[j1:j2]
    back = next((n for n in (1, 2) if n <= i1 and any(figure(c) for c in a[i1 - n])), None)
    if back is not None and back <= j1 and a[i1 - back : i1] == b[j1 - back : j1]:
        before_a, before_b = a[i1 - back : i1], b[j1 - back : j1]
    else:
        before_a = before_b = []
    if not ra or not rb:
        return False
    common = min(len(os.path.commonprefix([ra[-1][::-1], rb[-1][::-1]])), 2)
    tail = ra[-1][len(ra[-1]) - common :] if common < len(ra[-1]) and common < len(rb[-1]) else ""
    x, y = _unit_after(before_a, ra, ""), _unit_after(before_b, rb, "")
    if x is not None and y is not None:
        return x == y
    if not tail:
        return False
    x, y = _unit_after(before_a, ra, tail), _unit_after(before_b, rb, tail)
    return x is not None and x == y


def _day_of(run: list[str]) -> str | None:
    """Returns the kind of day a run names, "weekday" or "today" (``lexicon.DAY_NAMES``), or None (``verify::day_of``).

    Its words from the first to the last that is no stop or plain word, or all of them, joined.
    """
    kept = [k for k, w in enumerate(run) if w not in STOPWORDS and w not in NOT_NAMES]
    core = DAY_NAMES.get("".join(run[kept[0] : kept[-1] + 1])) if kept else None
    return core or DAY_NAMES.get("".join(run))


def _same_day(ra: list[str], rb: list[str]) -> bool:
    """Returns True when one run names a day from today and the other a weekday (``verify::same_day``)."""
    x, y = _day_of(ra), _day_of(rb)
    return x is not None and y is not None and x != y


def _dated(ops: list, moved: set[int], a: list[str], b: list[str]) -> set[int]:
    """Returns the opcodes that write a date two ways (``verify::dated``).

    A replaced run of up to ``MAX_PHRASE`` words a side, or two runs around one equal word ("5 March
    2024" / "2024-03-05": "5 March" dropped, "2024" kept, "03-05" added).
    """
    out: set[int] = set()

    def short(op: tuple) -> bool:
        return op[2] - op[1] <= MAX_PHRASE and op[4] - op[3] <= MAX_PHRASE

    for k, op in enumerate(ops):
        if op[0] == "equal" or k in moved or not short(op):
            continue
        ra, rb = a[op[1] : op[2]], b[op[3] : op[4]]
        short_day = max(len(ra), len(rb)) <= MAX_SUBSTITUTION and _same_day(ra, rb)
        if op[0] == "replace" and (_same_date(ra, rb) or _same_unit(a, b, op) or short_day):
            out.add(k)
            continue
        if k + 2 >= len(ops):
            continue
        mid, third = ops[k + 1], ops[k + 2]
        if mid[0] != "equal" or mid[2] - mid[1] != 1 or third[0] == "equal" or k + 2 in moved or not short(third):
            continue
        ra = a[op[1] : op[2]] + a[mid[1] : mid[2]] + a[third[1] : third[2]]
        rb = b[op[3] : op[4]] + b[mid[3] : mid[4]] + b[third[3] : third[4]]
        if _same_date(ra, rb):
            out |= {k, k + 2}
    return out


def _swap_region(ops: list, moved: set[int], k: int) -> tuple[int, int, int, int] | None:
    """Returns the words swap ``k`` moves, ``(i1, i2, j1, j2)``.

    A replaced run holding the same words in another order, or a run deleted on one side of an
    equal block and inserted on its other side (``k`` the first of the three opcodes); None for
    the last of such three (its first covers it).
    """
    op, i1, i2, j1, j2 = ops[k]
    if op == "replace":
        return i1, i2, j1, j2
    if op in ("delete", "insert") and k + 2 < len(ops) and k + 2 in moved and ops[k + 1][0] == "equal":
        third = ops[k + 2]
        if {op, third[0]} == {"delete", "insert"}:
            return i1, third[2], j1, third[4]
    return None


def _names_swapped(
    a: list[str], b: list[str], facts_a: list[bool] | None, facts_b: list[bool] | None, region: tuple
) -> bool:
    """Returns True when a swap exchanges two neighbouring names ("Dalmora Marbury" / "Marbury Dalmora").

    Both words must read as names (fact words without a lexical class) in both paragraphs, so
    a word capitalised only because it opens the sentence ("Police said" / "Said police") is
    no name: in the other paragraph it stands second, in lower case.
    """
    i1, i2, j1, j2 = region

    def name(words: list[str], facts: list[bool] | None, i: int) -> bool:
        # A word of a script without case (no capital tells a name) reads as none here.
        return _is_fact(facts, i) and _lexical_class(words[i]) is None and cased_lower(words[i])

    return any(
        a[x] != a[x + 1]
        and name(a, facts_a, x)
        and name(a, facts_a, x + 1)
        and any(
            b[y] == a[x + 1] and b[y + 1] == a[x] and name(b, facts_b, y) and name(b, facts_b, y + 1)
            for y in range(j1, j2 - 1)
        )
        for x in range(i1, i2 - 1)
    )


def _clipped(x: list[str], y: list[str]) -> bool:
    """Returns True when one run is a single word (2+ letters, no digit) that begins the other run's first word."""
    if len(y) == 1:
        x, y = y, x
    return len(x) == 1 and len(x[0]) >= 2 and x[0].isalpha() and y[0].startswith(x[0])


def _is_fact(facts: list[int] | None, i: int) -> bool:
    return True if facts is None else bool(facts[i] & FACT)


def _negating(facts: list[int] | None, i: int) -> bool:
    """Returns whether word ``i`` is part of a negation run of an unspaced script ("ไม่": ``shingle.NEGATING``)."""
    return facts is not None and bool(facts[i] & NEGATING)


def _negation_added(facts: list[int] | None, lo: int, hi: int) -> bool:
    """Returns whether words ``lo:hi`` hold a negating word and at most ``MAX_SUBSTITUTION`` others."""
    negating = [_negating(facts, i) for i in range(lo, hi)]
    return any(negating) and negating.count(False) <= MAX_SUBSTITUTION


# The fact key of a negating word: polar, and no lexicon class (the core's ``NEGATING_KEY``).
_NEGATING_KEY = "\0negating"


def _names(words: list[str], facts: list[bool] | None, i1: int, i2: int) -> list[str]:
    """Returns the fact words of ``words[i1:i2]`` that are names or figures (no lexicon class, unlike "Monday")."""
    return [w for i, w in enumerate(words[i1:i2], i1) if _is_fact(facts, i) and _lexical_class(w) is None]


def verify(
    words_a: list[str],
    words_b: list[str],
    shingles_a: np.ndarray,
    shingles_b: np.ndarray,
    config: CleanConfig,
    facts_a: list[bool] | None = None,
    facts_b: list[bool] | None = None,
) -> Match | None:
    """The reference of :func:`nettoyeur.dedup.verify.verify` (same arguments, same result)."""
    match = _aligned_verdict(words_a, words_b, shingles_a, shingles_b, config, facts_a, facts_b)
    if match is not None and match.kind != "different" and _exchanged(words_a, words_b):
        # Two phrases that traded places: another statement, whatever the alignment read.
        return Match("different", match.jaccard, match.containment, match.cover, True)
    return match


def _aligned_verdict(
    words_a: list[str],
    words_b: list[str],
    shingles_a: np.ndarray,
    shingles_b: np.ndarray,
    config: CleanConfig,
    facts_a: list[bool] | None,
    facts_b: list[bool] | None,
) -> Match | None:
    """The verdict of the alignment alone (the native core's), or of the alignment with a fronted clause put back."""
    jac = jaccard(shingles_a, shingles_b)
    if not words_a or not words_b:
        return None
    if (len(words_b), words_b) < (len(words_a), words_a):
        # The alignment of two lists depends on their order; one order for both makes the
        # verdict symmetric (each figure of a Match is).
        words_a, words_b, facts_a, facts_b = words_b, words_a, facts_b, facts_a
    short, long_ = sorted((len(words_a), len(words_b)))
    match = _verdict(compare(words_a, words_b, facts_a, facts_b), jac, short, long_, config)
    if (match is None or match.kind != "duplicate") and jac >= EDIT_MIN_JACCARD and short >= EDIT_MIN_WORDS:
        moved = _moved_alignment(words_a, words_b, facts_a, facts_b)
        again = None if moved is None else _verdict(moved, jac, short, long_, config)
        if again is not None and again.kind == "duplicate":
            return again
    return match


def _verdict(al: Alignment, jac: float, short: int, long_: int, config: CleanConfig) -> Match | None:
    """The verdict of an alignment of paragraphs of ``short`` and ``long_`` words whose shingles' Jaccard is ``jac``."""
    cover = al.matched / long_
    contain = al.matched / short
    # A fact changed, or words changed in a pair too short or too reworded to stay similar
    # (a short sentence with one content word replaced): another statement.
    conflict = al.fact_change or (
        al.changes > 0
        and (
            al.edits < al.changes
            or jac < EDIT_MIN_JACCARD
            or short < EDIT_MIN_WORDS
            or short < REPLACED_MIN_WORDS * al.replaced
            or (al.replaced > 0 and short < REPLACED_ONE_MIN_WORDS)
        )
    )
    inside = (
        config.containment != "off" and short >= config.min_contained_words and contain >= config.containment_threshold
    )
    if not conflict and (cover >= DUPLICATE_COVER or (jac >= config.min_jaccard and contain >= DUPLICATE_COVER)):
        return Match("duplicate", jac, contain, cover)
    # A reworded pair of about the same length ("weekly" / "monthly") is not a passage
    # inside a longer paragraph: it is another statement.
    if inside and not al.fact_change and not (conflict and cover >= DUPLICATE_COVER):
        if not conflict and al.changes == 0 and (al.gaps <= 1 or short >= MIN_PASSAGE_WORDS):
            # A cut copy is removed only when it is cut and nothing else: a clause cut and a
            # word replaced ("signeront l'accord pour ..." / "ont signé l'accord.") is a
            # rewrite, whose Jaccard no longer tells how much of it is the same.
            return Match("contained", jac, contain, cover)
        return Match("quoted", jac, contain, cover, conflict)
    if conflict:
        return Match("different", jac, contain, cover, True)
    return None


# verify.rs's MOVED_MIN_WORDS: the shortest clause read as moved to the front, and the fewest words it moves past.
MOVED_MIN_WORDS = 4


def _fronted(p: list[str], q: list[str]) -> tuple[int, int] | None:
    """Returns ``(i, n)`` when ``q`` opens with a clause of ``n`` words that ``p`` has at ``i``, further on.

    ``n`` and ``i`` are at least ``MOVED_MIN_WORDS``; the longest such run, the first of the
    longest, longer than the run ``p`` and ``q`` open with alike. None when the word after the
    clause in ``q`` is one of the two before it in ``p`` (a pivot: the clauses on either side of
    it traded places, "X resigned after Y spoke" / "Y spoke after X resigned").
    """

    def run(i: int) -> int:
        return len(os.path.commonprefix([p[i:], q]))

    best = None
    for i in range(MOVED_MIN_WORDS, len(p)):
        n = run(i)
        if n >= MOVED_MIN_WORDS and (best is None or n > best[1]):
            best = (i, n)
    if best is None:
        return None
    i, n = best
    if run(0) >= n or (n < len(q) and q[n] in p[i - 2 : i]):
        return None
    return best


def _moved_alignment(
    a: list[str], b: list[str], facts_a: list[bool] | None, facts_b: list[bool] | None
) -> Alignment | None:
    """Returns the alignment of ``a`` and ``b`` with a clause one of them fronts (:func:`_fronted`) put back.

    The clause's words are matched, its move one edit. None without such a clause, when the
    clause and the words it moved past each hold a name the other lacks (:func:`_names_cross`),
    or when more than ``MAX_SUBSTITUTION`` of the words the rest shares are not aligned (a second
    run moved the other way: the two traded places).
    """
    fa = [FACT] * len(a) if facts_a is None else list(facts_a)
    fb = [FACT] * len(b) if facts_b is None else list(facts_b)
    found = _fronted(a, b)
    b_fronts = found is not None
    found = found or _fronted(b, a)
    if found is None:
        return None
    i, n = found
    (p, fp), (q, fq) = ((a, fa), (b, fb)) if b_fronts else ((b, fb), (a, fa))
    if _names_cross(p, fp, q, fq, i, n):
        return None
    p2, fp2, q2, fq2 = p[:i] + p[i + n :], fp[:i] + fp[i + n :], q[n:], fq[n:]
    al = compare(p2, q2, fp2, fq2) if b_fronts else compare(q2, p2, fq2, fp2)
    if sum((Counter(p2) & Counter(q2)).values()) > al.matched + MAX_SUBSTITUTION:
        return None
    return Alignment(al.matched + n, al.changes + 1, al.fact_change, al.gaps, al.edits + 1, al.replaced)


def _names_cross(p: list[str], fp: list, q: list[str], fq: list, i: int, n: int) -> bool:
    """Returns True when the clause ``p[i:i + n]`` and the words before it each hold a name the other lacks.

    A name: a fact word without a lexical class nor a digit, in both paragraphs (a word capitalised
    only because it opens a sentence in one is none).
    """

    def named(words: list[str], facts: list, x: str) -> bool:
        return any(w == x and _is_fact(facts, k) for k, w in enumerate(words))

    def name(x: str) -> bool:
        return named(p, fp, x) and named(q, fq, x) and _lexical_class(x) is None and not any(map(figure, x))

    before, clause = p[:i], p[i : i + n]
    return any(name(x) and x not in before for x in clause) and any(name(x) and x not in clause for x in before)


def _exchanged(a: list[str], b: list[str]) -> bool:
    """Whether ``b`` is ``a`` with two separated runs of up to EXCHANGE_MAX_WORDS words, none a stop word, exchanged.

    Not when the words between them are the one word before the first (the same frame, "na X na Y").
    """
    if len(a) != len(b) or a == b:
        return False
    lo = next(i for i in range(len(a)) if a[i] != b[i])
    hi = max(i for i in range(len(a)) if a[i] != b[i]) + 1
    for nx in range(1, EXCHANGE_MAX_WORDS + 1):
        for ny in range(1, EXCHANGE_MAX_WORDS + 1):
            if nx + ny >= hi - lo:
                # No middle left (and no negative slice bounds, which would wrap around).
                break
            middle = a[lo + nx : hi - ny]
            x, y = a[lo : lo + nx], a[hi - ny : hi]
            if x == y or b[lo:hi] != y + middle + x:
                continue
            if lo > 0 and middle == [a[lo - 1]]:
                return False
            return not any(w in STOPWORDS for w in x + y)
    return False
