"""Line shapes: what the boilerplate signals measure of one line, and which rule it matches.

Every paragraph is described (words, function-word share, sentence end, stems) and tried
against the pattern rules in pass 2 (the re-mark pass reads the shapes it stored,
:mod:`nettoyeur.scratch.line_shapes`): the per-line Python of a run, cheap without changing a verdict.

- :func:`describe` counts function words with C-level calls (a ``map`` over the words)
  and finds stems only for the lines whose stems are looked up (not prose).
- An article's vocabulary (:func:`article_stems`) is asked about a line or two: each
  stem asked is looked for in the article's words with ``str.find`` instead of making
  the set of every word's first letters (a stored line's words: its lower-cased text).
- :class:`RuleMatcher` answers "which rule, first in order, matches this line?" exactly
  as the loop over the rules would, for a batch of lines: the native core names the few
  rules that can match each line (word limit, needles and a superset of each pattern,
  in Rust), and Python confirms only those.
- :class:`ShapeMemo` remembers the shape and rule of short lines: the chrome of a site
  recurs in every one of its pages, so most short lines of a corpus are seen many times.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from nettoyeur._core import RuleSet
from nettoyeur.boilerplate.rule_regex import Untranslatable, core_regex, lower_table
from nettoyeur.boilerplate.rules import Rule
from nettoyeur.text.lexicon import COMMON_WORDS
from nettoyeur.text.lexicon_pages import CJK_FUNCTION_CHARS, LINE_FUNCTION_WORDS

# Scripts written without spaces: every one or two characters count as a word.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAS_CJK = re.compile(rf"[{_CJK}]")
_CJK_CHARS = re.compile(rf"[{_CJK}]")
_CJK_TOKENS = re.compile(rf"[{_CJK}]{{1,2}}|[^\W{_CJK}]+")
_WORDS = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w").match
_WORD_TAIL = re.compile(r"\w*").match
_DIGITS = re.compile(r"\d+")
# A sentence ends with one of these, then maybe closing quotes or brackets.
_ENDS = frozenset(".!?…。！？")
_CLOSERS = "\"'”’»)]"
# Words that never give a stem: function words and words that say nothing of a subject.
_NOT_STEMS = LINE_FUNCTION_WORDS | COMMON_WORDS

# A CJK line's share of function characters is scaled by this to read as a word share:
# Chinese prose has 10-25% of its characters among CJK_FUNCTION_CHARS (0.15-0.4 scaled),
# menus and headlines 0-13% and too few words to be prose anyway.
CJK_FUNCTION_SCALE = 1.5
# A paragraph is prose when it has this many words and this share of function words:
# a menu line of ten section names has almost none, a sentence has 30-50%.
PROSE_MIN_WORDS = 10
PROSE_MIN_STOPWORDS = 0.15
# ... or when it is simply long: no menu item runs to 30 words.
PROSE_ANY_WORDS = 30
# Stems are the first 5 letters of words of 4 letters or more: "innovant" and
# "innovation" meet at "innov", the German and French plurals at their stem.
STEM_CHARS = 5
# Inside the body, a line without function words, with at most this many words, and
# no stem in the article is a label (section name, photo credit, widget caption).
LABEL_MAX_WORDS = 6
# No rule reads a line longer than this: the longest rule limit, 80 words, is about 600
# characters of text; a longer line without spaces is a hash, a URL or a data dump.
RULE_MAX_CHARS = 2000


class LineInfo(NamedTuple):
    """What the boilerplate signals need to know about one paragraph (a named tuple: cheap to make).

    Attributes:
        text: the paragraph, whitespace collapsed.
        n_words: words (two CJK characters count as one).
        stop_share: share of function words among the words.
        prose: long enough, with enough function words, to be article text.
        sentence: ends like a sentence (".", "?", "!", "…").
        words: its words, lower-cased, in order (read-only).
        known_stems: its stems, found when it was described (lines that are not prose:
            the ones whose stems the signals look up); None for prose.
    """

    text: str
    n_words: int
    stop_share: float
    prose: bool
    sentence: bool
    words: list[str]
    known_stems: frozenset[str] | None = None

    @property
    def stems(self) -> frozenset[str]:
        """The stems of its longer words (see :func:`stems_of`)."""
        if self.known_stems is not None:
            return self.known_stems
        return stems_of(set(self.words).difference(_NOT_STEMS))

    @property
    def haystack(self) -> str:
        """Its words in a string where the runs of word characters are its words (:class:`ArticleStems` searches it)."""
        return " ".join(self.words)

    @property
    def label(self) -> bool:
        """True for a short line with no function word that does not end like a sentence."""
        return self.n_words <= LABEL_MAX_WORDS and self.stop_share == 0.0 and not self.sentence


# An article answers this many stems by searching its words, then makes the set of its
# stems: the set costs ~25 ns a character of the article's words, one search ~0.7 ns a
# character (measured on 100,000 paragraphs), so 40 searches cost about as much as the set
# and an article asked more than that (a page of many short lines) costs at most twice
# the set. Most articles are asked about five stems.
ASKED_BEFORE_SET = 40


class ArticleStems:
    """The stems of an article's lines, asked one by one: ``stem in`` it and ``stems & it`` as for the set.

    The set of every word's first letters costs a set entry and a slice per word of
    the article, and an article is asked about a line or two (22,000 stems asked of
    4,400 articles on a corpus of 100,000 paragraphs). Each asked stem is found instead
    in the article's words (its lines' :attr:`LineInfo.haystack`, where each run of word
    characters is a word): ``stem`` is in the set exactly when a word that starts where
    it is found (at the start or after a non-word character) is letters only, not a
    function or common word, and has ``stem`` for its first ``STEM_CHARS`` letters:
    longer than ``stem`` only when ``stem`` has them all. After ``ASKED_BEFORE_SET``
    questions the set is made.

    Args:
        lines: the article's lines (their haystacks are read, their words after ``ASKED_BEFORE_SET`` questions).
    """

    __slots__ = ("_lines", "_words", "_asked", "_set")

    def __init__(self, lines: Iterable[LineInfo]) -> None:
        self._lines = list(lines)
        self._words = " ".join([info.haystack for info in self._lines])
        self._asked = 0
        self._set: frozenset[str] | None = None

    def __contains__(self, stem: object) -> bool:
        if self._set is not None:
            return stem in self._set
        self._asked += 1
        if self._asked > ASKED_BEFORE_SET:
            words: set[str] = set()
            words.update(*[info.words for info in self._lines])
            self._set = frozenset([w[:STEM_CHARS] for w in words.difference(_NOT_STEMS) if w.isalpha()])
            return stem in self._set
        if not isinstance(stem, str) or not 0 < len(stem) <= STEM_CHARS:
            return False
        joined, n = self._words, len(stem)
        at = joined.find(stem)
        while at >= 0:
            if at == 0 or _WORD_CHAR(joined, at - 1) is None:
                # The rest of the run (a word that is letters only is one run of word characters).
                word = joined[at : _WORD_TAIL(joined, at + n).end()]
                if (n == STEM_CHARS or len(word) == n) and word.isalpha() and word not in _NOT_STEMS:
                    return True
            at = joined.find(stem, at + 1)
        return False

    def __and__(self, stems: Iterable[str]) -> frozenset[str]:
        """Returns the stems of ``stems`` that the article has (``stems & article``, either way round)."""
        return frozenset([stem for stem in stems if stem in self])

    __rand__ = __and__


def article_stems(lines: Iterable[LineInfo]) -> ArticleStems:
    """Returns the article's vocabulary: ``stem in`` it exactly when one of ``lines`` has that stem.

    The same answers as the union of the lines' :attr:`LineInfo.stems`, and ``stems &
    article_stems(lines)`` is their intersection (see :class:`ArticleStems`).
    """
    return ArticleStems(lines)


def stems_of(words: Iterable[str]) -> frozenset[str]:
    """Returns the stems of some words: the first ``STEM_CHARS`` letters of each letters-only word of 4 or more.

    A pair of CJK characters is a word of its own and its own stem. The caller leaves out
    function and common words.
    """
    letters = list(filter(str.isalpha, words))
    stems = {w[:STEM_CHARS] for w in letters if len(w) >= 4}
    pairs = [w for w in letters if len(w) == 2]
    if pairs and _HAS_CJK.search("".join(pairs)) is not None:
        stems.update(w for w in pairs if _HAS_CJK.match(w))
    return frozenset(stems)


def count_words(text: str) -> int:
    """Returns the number of words of a line (two CJK characters count as one)."""
    return len((_CJK_TOKENS if _HAS_CJK.search(text) else _WORDS).findall(text))


# "At least N words": N runs of word characters, each taken whole with possessive
# quantifiers (Python 3.11+; on 3.10 the backtracking form, which matches the same lines), so
# the match stops at the N-th word instead of reading the whole line, and a line with fewer
# runs fails in one reading instead of being re-read at each word on the way back.
_AT_LEAST: dict[int, re.Pattern[str]] = {}


def at_least_words_pattern(limit: int) -> re.Pattern[str]:
    """Returns the pattern that matches the start of a line with ``limit`` runs of word characters or more."""
    pattern = _AT_LEAST.get(limit)
    if pattern is None:
        try:
            pattern = re.compile(rf"(?:\W*+\w++){{{limit}}}")
        except re.error:  # Python 3.10: no possessive quantifiers
            pattern = re.compile(rf"(?:\W*\w+\b){{{limit}}}")
        _AT_LEAST[limit] = pattern
    return pattern


def has_fewer_words(text: str, limit: int) -> bool:
    """Returns ``count_words(text) < limit``, reading the line only up to its ``limit``-th word.

    A line shorter than ``limit`` characters has fewer words (a word, even a CJK one, is
    one character or more). A line with ``limit`` runs of word characters has at least
    ``limit`` words even with CJK (each run holds the start of a different word), so only
    a line with fewer runs is looked at for CJK, which counts more words.
    """
    if len(text) < limit:
        return True
    if at_least_words_pattern(limit).match(text) is not None:
        return False
    return _HAS_CJK.search(text) is None or count_words(text) < limit


def frequency_key(text: str) -> str:
    """Returns the key under which recurring lines meet: lower-cased, digits masked."""
    return _DIGITS.sub("0", collapse(text).lower())


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a sentence: ``.!?…`` (or CJK stops), then maybe quotes or brackets."""
    body = text.rstrip(_CLOSERS)
    return bool(body) and body[-1] in _ENDS


def collapse(text: str) -> str:
    """Returns ``text`` with each run of white space made one space, and none at either end."""
    # Most lines are already so: printable (no white space but " ") without a double or
    # an outer space. Otherwise str.split() and re's \s both split on str.isspace().
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def _words(lowered: str) -> tuple[list[str], bool]:
    """Returns the words of a lower-cased line, in order, and whether it holds CJK (pairs of characters are words)."""
    cjk = _HAS_CJK.search(lowered) is not None
    return (_CJK_TOKENS if cjk else _WORDS).findall(lowered), cjk


def line_words(collapsed: str) -> list[str]:
    """Returns the words of a line (whitespace collapsed), lower-cased, in order: :attr:`LineInfo.words`."""
    return _words(collapsed.lower())[0]


def line_haystack(collapsed: str) -> str:
    """Returns the line lower-cased, where each run of word characters is a word (CJK text: its words joined)."""
    lowered = collapsed.lower()
    return lowered if _HAS_CJK.search(lowered) is None else " ".join(_CJK_TOKENS.findall(lowered))


def _cjk_function_share(text: str) -> float:
    """Returns the function-word share of a CJK line, on the scale of a spaced language's.

    The share of its CJK characters that are function characters (or kana particles and
    endings), times ``CJK_FUNCTION_SCALE``.
    """
    chars = _CJK_CHARS.findall(text)
    if not chars:
        return 0.0
    function = sum(1 for c in chars if c in CJK_FUNCTION_CHARS or "\u3040" <= c <= "\u309f")
    return min(1.0, CJK_FUNCTION_SCALE * function / len(chars))


def describe(text: str) -> LineInfo:
    """Returns the shape of one paragraph."""
    collapsed = collapse(text)
    lowered = collapsed.lower()
    sentence = ends_sentence(collapsed)
    words, cjk = _words(lowered)
    n = len(words)
    stop = sum(map(LINE_FUNCTION_WORDS.__contains__, words)) / n if n else 0.0
    if cjk:
        stop = _cjk_function_share(lowered)
    # Text in a script without a function-word list is prose when it ends like a sentence.
    prose = n >= PROSE_ANY_WORDS or (n >= PROSE_MIN_WORDS and (stop >= PROSE_MIN_STOPWORDS or (cjk and sentence)))
    stems = None if prose else stems_of(set(words).difference(_NOT_STEMS))
    return LineInfo(collapsed, n, stop, prose, sentence, words, stems)


class RuleMatcher:
    """The first rule, in order, that matches a line: :meth:`Rule.matches` over the rules, the native core asked first.

    The core (:class:`nettoyeur._core.RuleSet`, compiled once per rule list) answers for a
    batch of lines which rules *can* match each one: the rules whose word limit the line
    fits, that hold one of their needles, and whose pattern, translated by
    :func:`nettoyeur.boilerplate.rule_regex.core_regex` into one that matches a superset
    of the lines Python's matches, matches the line. Python then tries those candidates in
    order with :meth:`Rule.matches`: the first that matches is the answer, so the verdicts
    are those of the loop over the rules, and most lines, which have no candidate, run no
    Python regex at all. A rule whose pattern cannot be translated is a candidate of every
    line that fits its limit and needles.

    Args:
        rules: the rules in the order they are tried (user rules first).
    """

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = list(rules)
        # Longer lines are never asked about: no rule reads them.
        self.max_words = max((r.max_words for r in self.rules), default=-1)
        try:
            lower: tuple[list[int], list[int], list[int]] = lower_table()
            patterns = [core_regex(r.pattern.pattern, r.pattern.flags) for r in self.rules]
            needles = [list(r.needles) for r in self.rules]
        except Untranslatable:  # a Python without sre's case tables: Python decides every line
            lower, patterns, needles = ([], [], []), [None] * len(self.rules), [[] for _ in self.rules]
        self._core = RuleSet(patterns, [r.max_words for r in self.rules], needles, *lower)

    def first(self, text: str, n_words: int) -> Rule | None:
        """Returns the first rule that matches ``text`` (whitespace collapsed), or None.

        Args:
            text: the line, whitespace collapsed.
            n_words: its number of words.
        """
        return self.first_many([text], [n_words])[0]

    def first_many(self, texts: list[str], n_words: list[int]) -> list[Rule | None]:
        """Returns the first rule that matches each line, or None: :meth:`first` of each, one call of the core.

        Args:
            texts: the lines, whitespace collapsed.
            n_words: their numbers of words.
        """
        out: list[Rule | None] = [None] * len(texts)
        limit = self.max_words
        asked = [i for i, (t, n) in enumerate(zip(texts, n_words)) if n <= limit and len(t) <= RULE_MAX_CHARS]
        if not asked:
            return out
        if len(asked) == len(texts):
            found = self._core.candidates(texts, n_words)
        else:
            found = self._core.candidates([texts[i] for i in asked], [n_words[i] for i in asked])
        rules, done = self.rules, -1
        for k in range(0, len(found), 2):
            j = found[k]
            if j == done:
                continue  # this line's first rule is known
            i = asked[j]
            rule = rules[found[k + 1]]
            if rule.matches(texts[i], n_words[i]):
                out[i], done = rule, j
        return out


# Lines up to this many characters are remembered: menus, share bars, bylines and
# headings, which recur from page to page; prose is longer and seldom seen twice.
MEMO_MAX_CHARS = 200
# Lines a memo holds at most, then forgets at once: ~1 KB a line with its shape (words,
# stems), ~20 MB a worker; the line-key memos hold ~200 bytes a line. Measured at 1M
# paragraphs: 50,000 cost 160 MB more peak memory over the run's processes and saved no
# time (a site's chrome is a few hundred lines).
MEMO_SIZE = 20_000


class LineMemo(dict):
    """Results for lines, kept for short ones only and forgotten all at once when full (bounded memory)."""

    def remember(self, line: str, value: Any) -> Any:
        """Stores ``value`` for ``line`` when the line is short (``MEMO_MAX_CHARS``); returns ``value``."""
        if len(line) <= MEMO_MAX_CHARS:
            if len(self) >= MEMO_SIZE:
                self.clear()
            self[line] = value
        return value


class ShapeMemo:
    """Shapes and first matching rules of lines, remembered for the short ones.

    Args:
        rules: the pattern rules (None or empty: no rule is ever tried).
    """

    def __init__(self, rules: list[Rule] | None) -> None:
        self._rules = rules
        self._matcher: RuleMatcher | None = None
        self._seen = LineMemo()  # line -> (LineInfo, first matching rule)

    @property
    def matcher(self) -> RuleMatcher | None:
        """The rules' matcher, compiled on first use (a process that only reads stored shapes never needs it)."""
        if self._matcher is None and self._rules:
            self._matcher = RuleMatcher(self._rules)
        return self._matcher

    def known(self, text: str) -> LineInfo | None:
        """Returns the line's shape when the memo holds it, else None (nothing is described)."""
        hit = self._seen.get(text)
        return None if hit is None else hit[0]

    def shape(self, text: str, with_rule: bool = True) -> tuple[LineInfo, Rule | None]:
        """Returns the line's :class:`LineInfo` and the first rule matching it (None when ``with_rule`` is False)."""
        hit = self._seen.get(text)
        if hit is not None:
            return hit if with_rule else (hit[0], None)
        info = describe(text)
        if not with_rule:
            return info, None
        rule = self.matcher.first(info.text, info.n_words) if self.matcher is not None else None
        return self._seen.remember(text, (info, rule))

    def shapes(self, texts: list[str], with_rule: bool = True) -> list[tuple[LineInfo, Rule | None]]:
        """Returns :meth:`shape` of each line, the rules of the lines it does not hold asked of the core at once."""
        if not with_rule or self.matcher is None:
            return [self.shape(text, with_rule) for text in texts]
        seen = self._seen
        out = [seen.get(text) for text in texts]
        missing = [i for i, hit in enumerate(out) if hit is None]
        if missing:
            infos = [describe(texts[i]) for i in missing]
            rules = self.matcher.first_many([info.text for info in infos], [info.n_words for info in infos])
            for i, info, rule in zip(missing, infos, rules):
                out[i] = seen.remember(texts[i], (info, rule))
        return out  # type: ignore[return-value]


# The memos of the rule lists seen in this process, by content: a worker that receives
# the run's rules again with each task (Ray) keeps one memo; the last one is checked first.
_MEMOS: dict[tuple[Rule, ...], ShapeMemo] = {}
_last: tuple[object, ShapeMemo | None] = (None, None)


def compile_rules(rules: list[Rule] | None) -> None:
    """Compiles the matcher of ``rules`` in this process, ahead of its first line.

    A run calls it before its worker processes fork: they inherit the compiled matcher
    instead of each compiling it again in every pass (~0.5 s of CPU each: translating the
    patterns, building the core's automata).
    """
    _ = memo_for(rules).matcher


def memo_for(rules: list[Rule] | None) -> ShapeMemo:
    """Returns the memo of this list of rules (made on first use; a few lists per process at most)."""
    global _last
    if _last[0] is rules and _last[1] is not None:
        return _last[1]
    key = tuple(rules or ())
    memo = _MEMOS.get(key)
    if memo is None:
        if len(_MEMOS) >= 8:
            _MEMOS.clear()
        memo = _MEMOS[key] = ShapeMemo(rules)
    _last = (rules, memo)
    return memo
