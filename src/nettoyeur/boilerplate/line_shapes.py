"""Line shapes: what the boilerplate signals measure of one line, and which rule it matches.

Every paragraph is described (words, function-word share, sentence end, stems) and tried
against the pattern rules in pass 2 (the re-mark pass reads the shapes it stored,
:mod:`nettoyeur.scratch.line_shapes`): the per-line Python of a run, cheap without changing a verdict.

- :func:`describe_many` describes a document's lines in one call of the native core
  (``nettoyeur._core.Shapes``, native/src/shapes.rs), from Python's own character table
  (:func:`shape_table`): a shape is its numbers (:class:`LineInfo`); the words stay in the
  core, and a line's stems are asked of its text (:attr:`LineInfo.stems`,
  :meth:`ArticleStems.shared_lines`).
- An article's vocabulary (:func:`article_stems`) is asked about a line or two: the core
  reads the article's lines when the first stem is asked, and looks for each stem asked in
  their words instead of making the set of every word's first letters.
- :class:`RuleMatcher` answers "which rule, first in order, matches this line?" exactly
  as the loop over the rules would, for a batch of lines: the native core names the few
  rules that can match each line (word limit, needles and a superset of each pattern,
  in Rust), and Python confirms only those.
- :class:`ShapeMemo` remembers the shape and rule of short lines: the chrome of a site
  recurs in every one of its pages, so most short lines of a corpus are seen many times.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from typing import Any, NamedTuple

import numpy as np

from nettoyeur import _core
from nettoyeur.boilerplate.rule_cache import translate
from nettoyeur.boilerplate.rule_regex import Untranslatable
from nettoyeur.boilerplate.rules import Rule, core_source
from nettoyeur.boilerplate.word_chars import is_mark
from nettoyeur.text.lexicon import COMMON_WORDS
from nettoyeur.text.lexicon_pages import CJK_FUNCTION_CHARS, LINE_FUNCTION_WORDS, PREFIX_CLITICS, SUFFIX_CLITICS
from nettoyeur.text.table_cache import cached_tables

# Scripts written without spaces: every one or two characters count as a word.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A sentence ends with one of these, then maybe closing quotes or brackets: with the danda of
# Devanagari and Bengali ("।", "॥"), the Arabic question mark and the Urdu full stop ("؟", "۔").
# Without them no Hindi or Bengali sentence under 30 words ended like one (issue 13's held-out pages).
# The full stops of Ethiopic ("።", its question mark "፧"), Khmer ("។", "៕") and Myanmar ("။") too:
# audit19's Amharic, Khmer and Burmese news pages had no line that ended like a sentence. The
# Armenian full stop ("։") and the Tibetan shad ("།", doubled "༎") too: audit20's Armenian recipe and
# Tibetan blog (written by the team) had none either, so no line was prose and every chrome line stayed.
_ENDS = frozenset(".!?…。！？।॥؟۔።፧។៕။։།༎")
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
# A sentence's word that holds a clitic (below) counts twice towards PROSE_MIN_WORDS: the clitic is a
# word written onto it ("두물머리는", "والأسعار"), and a Korean sentence of 6-9 words says what an
# English one of 10-15 does. Audit 17's Korean pages lost their sentences under the first paragraph
# (and the lists between) as short lines below the body: 11 lines; eval-dev and the pages unchanged.
# ... or when it is simply long: no menu item runs to 30 words.
PROSE_ANY_WORDS = 30
# Thai, Lao, Myanmar and Khmer write no space between words, only between phrases: a sentence of 15 words
# was 1-5 "words" (runs of word characters), none of them a function word, so no line of a Khmer,
# Lao or Burmese page was prose, the page had no body and kept its menus and related lists (audit19:
# 30 of its 74 chrome lines kept; audit20's Khmer forum and notice, 35 more). For the prose test only
# (``LineInfo.n_words`` stays the runs), a run of these scripts counts one word per this many of its
# characters (letters and signs: a word of these scripts is 4-6 of them), and a long line of them that
# ends like a sentence ("។", "။", "." in Lao) is prose as a CJK one is. Thai, which has no full stop,
# is prose at PROSE_ANY_WORDS (150 characters) only. Chrome kept: audit19 74 -> 52 of 544 (its Khmer, Lao and
# Burmese news 30 -> 6; one Khmer title under a byline and a date lost more), audit20's Khmer pages 35 -> 18;
# no dev set holds these scripts (eval-dev, the pairs and the pages byte-identical).
UNSPACED_CHARS_PER_WORD = 5
_UNSPACED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
# A line that ends like a sentence counts in its share the words that open with a prefix clitic
# (PREFIX_CLITICS: Hebrew and Arabic) or end with a suffix clitic (SUFFIX_CLITICS: Korean's
# particles): a word holds one when this many characters at least follow a prefix ("לחפש", not
# "לא") or precede a suffix ("부담이", not "폭이"). Other lines do not: counted in every line's
# share, one-word labels ("כלכלה", economy) and menus changed (they open with a clitic's letter by
# chance), and a menu line does not end like a sentence. Counted for the prose test only, a
# Korean page kept its closing sentence under its table (the tail sentence reads the share).
CLITIC_MIN_REST = 2
# Stems are the first 5 letters of words of 4 letters or more: "innovant" and
# "innovation" meet at "innov", the German and French plurals at their stem. A Hangul syllable
# holds two or three letters, so a Korean word gives one from 2 syllables: Korean nouns are
# mostly 2-3 syllables, and from 4 the held-out Korean page's headline (6 words) gave none and
# was set apart from its article as an outlying block.
STEM_CHARS = 5
# Inside the body, a line without function words, with at most this many words, and
# no stem in the article is a label (section name, photo credit, widget caption).
LABEL_MAX_WORDS = 6
# No rule reads a line longer than this: the longest rule limit, 80 words, is about 600
# characters of text; a longer line without spaces is a hash, a URL or a data dump.
RULE_MAX_CHARS = 2000


class LineInfo(NamedTuple):
    """What the boilerplate signals need to know about one paragraph (a named tuple of numbers: cheap to make).

    Its words (:func:`describe_many`) stay in the native core: its stems are asked of its text.

    Attributes:
        text: the paragraph, whitespace collapsed.
        n_words: words (two CJK characters count as one).
        stop_share: share of function words among the words (with a sentence's clitic words, ``CLITIC_MIN_REST``).
        prose: long enough, with enough function words, to be article text.
        sentence: ends like a sentence (".", "?", "!", "…").
    """

    text: str
    n_words: int
    stop_share: float
    prose: bool
    sentence: bool

    @property
    def stems(self) -> frozenset[str]:
        """The stems of its words that are not function or common words, found by the core from :attr:`text`.

        The first ``STEM_CHARS`` letters of each letters-only word of 4 letters or more (2
        Hangul syllables or more); a pair of CJK characters is a word of its own and its own stem.
        """
        return shapes_core().stems((self.text,))[0]

    @property
    def label(self) -> bool:
        """True for a short line with no function word that does not end like a sentence."""
        return self.n_words <= LABEL_MAX_WORDS and self.stop_share == 0.0 and not self.sentence


# An article answers this many stems by searching its words (in the core), then makes the
# set of its stems: the answers are the same either way (the property tests), only the cost
# differs. Measured in the core on 300 pages of eval-pages-dev (11,300 characters of prose
# words each, CPU time): the set costs 140-150 us, one search 6 us, so 25 searches cost
# about as much as the set; most articles are asked about five stems, a page of many short
# lines hundreds.
ASKED_BEFORE_SET = 25

# The stems of an article's lines, asked one by one: ``stem in`` it, and
# ``it.shared_lines(texts)``: ``(len(stems & it), len(stems))`` for the union ``stems`` of
# the stems of some lines, found from their texts in the core (see :func:`article_stems`).
ArticleStems = _core.ArticleStems


def article_stems(lines: Iterable[LineInfo]) -> ArticleStems:
    """Returns the article's vocabulary: ``stem in`` it exactly when one of ``lines`` has that stem.

    The same answers as the union of the lines' :attr:`LineInfo.stems` of every length: a
    stem is in it when a word of the lines (as :func:`describe_many` cuts them) is letters
    only, not a function or common word, and has the stem for its first ``STEM_CHARS``
    letters (longer than the stem only when the stem has them all). The set of every word's
    first letters costs a set entry per word of the article, and an article is asked about a
    line or two: the native core reads the lines' words when the first stem is asked, looks
    for each stem asked in them, and makes the set after ``ASKED_BEFORE_SET`` questions.
    """
    return shapes_core().article([info.text for info in lines], ASKED_BEFORE_SET)


def count_words(text: str) -> int:
    """Returns the number of words of a line (two CJK characters count as one)."""
    return shapes_core().count_words([text])[0]


def has_fewer_words(text: str, limit: int) -> bool:
    """Returns ``count_words(text) < limit`` (the core reads the line up to its ``limit``-th run of word characters)."""
    return shapes_core().fewer_words([text], limit)[0]


def frequency_key(text: str) -> str:
    """Returns the key under which recurring lines meet: whitespace collapsed, lower-cased, digits masked."""
    return shapes_core().frequency_keys([text])[0]


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


def describe(text: str) -> LineInfo:
    """Returns the shape of one paragraph (see :func:`describe_many`)."""
    return _line_info(shapes_core().describe([text])[0])


def describe_many(texts: list[str]) -> list[LineInfo]:
    r"""Returns the shape of each paragraph, found by the native core in one call.

    The shape: the line with its white space collapsed, lower-cased (``str.lower``) and cut
    into words (``\w+``; with CJK, pairs of CJK characters and runs of other word
    characters); the share of its words in ``LINE_FUNCTION_WORDS`` (with CJK, the share of
    CJK characters in ``CJK_FUNCTION_CHARS`` or hiragana, times ``CJK_FUNCTION_SCALE``, at
    most 1; a sentence's words opening with a ``PREFIX_CLITICS`` or ending with a
    ``SUFFIX_CLITICS`` count as function words); whether it ends like a sentence; prose:
    ``PROSE_ANY_WORDS`` words, or ``PROSE_MIN_WORDS`` (a sentence's clitic words count twice) with
    ``PROSE_MIN_STOPWORDS`` (or CJK ending like a sentence).
    """
    return list(map(_line_info, shapes_core().describe(texts)))


# ``LineInfo._make`` without its Python frame: the core gives the five fields in order (``tuple.__new__``
# of the named tuple's class, all in C: 2.9 us for 28 lines where ``_make`` took 6.7, timeit).
_line_info = functools.partial(tuple.__new__, LineInfo)


# The flags of the core's character table (native/src/shapes.rs): str.isalnum, str.isdecimal
# (re's \d), str.isspace (str.split, re's \s), str.isalpha, and "str.lower depends on the
# neighbours": CPython lower-cases one character by context, the capital sigma (final "ς"
# at the end of a word); the core leaves the lines holding it to str.lower. A combining mark
# (Unicode categories Mn and Mc: the vowel signs of Devanagari, Bengali, Tamil, Thai...) is a
# word character (_ALNUM), though Python's str.isalnum says no: read as a word break, it cut
# "मौसम विभाग ने" (3 words) into 6 and every Hindi word into pieces that no function word or
# rule could match (a 13-word sentence counted 27 words, none a function word, so no Hindi
# paragraph under 30 words was prose). It is no letter (_ALPHA): a word holding one gives no
# stem, as before (made stems, it changed a count in one report line of eval-dev). A letter or a mark
# (_LETTER_OR_MARK: a Unicode category L* or M*, the enclosing marks Me too) is what a long-word sentence
# counts (mark.TERSE_PROSE_LETTERS).
_ALNUM, _DECIMAL, _SPACE, _ALPHA, _CONTEXT, _LETTER_OR_MARK = 1, 2, 4, 8, 16, 256
_CONTEXT_CHARS = frozenset("\u03a3")
_MULTI = 0xFFFFFFFF  # a character whose lower-case is several ("İ": "i̇")


def _letter_or_mark(c: str) -> bool:
    """True for a character of Unicode category L* or M* (``unicodedata.category``)."""
    return unicodedata.category(c)[0] in "LM"


def _char_flags(c: str) -> int:
    """Returns the core's flags of one character (:data:`_ALNUM` ...)."""
    mark = is_mark(c)
    return (
        _ALNUM * (c.isalnum() or mark)
        | _DECIMAL * c.isdecimal()
        | _SPACE * c.isspace()
        | _ALPHA * c.isalpha()
        | _CONTEXT * (c in _CONTEXT_CHARS)
        | _LETTER_OR_MARK * _letter_or_mark(c)
    )


def _learn(code: int) -> tuple[int, str]:
    """Returns the core's flags and ``str.lower()`` of a character above U+FFFF (the core asks as it meets them)."""
    c = chr(code)
    return _char_flags(c), c.lower()


# The table is built this many characters at a time: the whole plane's characters and their
# lower-cases at once (two lists of 65,536 strings) raised each process's peak memory by
# 10.5 MB (maxrss of a process that builds it), a block of 4,096 at a time by 1.2 MB, in as much
# time (20 ms).
TABLE_BLOCK = 4096


def shape_table() -> tuple[np.ndarray, np.ndarray, dict[int, str]]:
    """Returns Python's answers about each character of the Basic Multilingual Plane for the core.

    Each property a block of characters at a time (``TABLE_BLOCK``) with a C-level ``map``
    (about 20 ms per process).

    Returns:
        ``(flags, lower, multi)``: uint32 flags (:func:`_char_flags`), uint32 ``ord(c.lower())``
        (``_MULTI`` where that is several characters), and ``{code point: c.lower()}`` for those.
    """
    n = 0x10000
    flags = np.zeros(n, dtype=np.uint32)
    lower = np.zeros(n, dtype=np.uint32)
    multi: dict[int, str] = {}
    props = ((_ALNUM, str.isalnum), (_DECIMAL, str.isdecimal), (_SPACE, str.isspace), (_ALPHA, str.isalpha))
    props += ((_ALNUM, is_mark), (_LETTER_OR_MARK, _letter_or_mark))
    for lo in range(0, n, TABLE_BLOCK):
        chars = list(map(chr, range(lo, lo + TABLE_BLOCK)))
        block = flags[lo : lo + TABLE_BLOCK]
        for bit, prop in props:
            block[np.fromiter(map(prop, chars), dtype=bool, count=TABLE_BLOCK)] |= bit
        lowers = list(map(str.lower, chars))
        lower[lo : lo + TABLE_BLOCK] = [ord(low) if len(low) == 1 else _MULTI for low in lowers]
        multi.update((lo + k, low) for k, low in enumerate(lowers) if len(low) != 1)
    for c in _CONTEXT_CHARS:
        flags[ord(c)] |= _CONTEXT
    return flags, lower, multi


def _shape_tables() -> tuple[dict[str, np.ndarray], list[list[Any]]]:
    """:func:`shape_table` as the table cache keeps it: the arrays by name, the multi-character lower-cases as pairs."""
    flags, lower, multi = shape_table()
    return {"flags": flags, "lower": lower}, [[code, low] for code, low in sorted(multi.items())]


_core_shapes: _core.Shapes | None = None


def shapes_core() -> _core.Shapes:
    """Returns the process's native shapes (made on first use from :func:`shape_table`, read from the table cache)."""
    global _core_shapes
    if _core_shapes is None:
        tables, pairs = cached_tables("shapes", _shape_tables)
        flags, lower, multi = tables["flags"], tables["lower"], {int(code): low for code, low in pairs}
        prose = (PROSE_ANY_WORDS, PROSE_MIN_WORDS, PROSE_MIN_STOPWORDS)
        limits = (*prose, STEM_CHARS, CJK_FUNCTION_SCALE, UNSPACED_CHARS_PER_WORD)
        cjk = "".join(sorted(CJK_FUNCTION_CHARS))
        clitics = (sorted(PREFIX_CLITICS), sorted(SUFFIX_CLITICS))
        _core_shapes = _core.Shapes(
            flags, lower, multi, LINE_FUNCTION_WORDS, _NOT_STEMS, cjk, limits, _learn, clitics, CLITIC_MIN_REST
        )
    return _core_shapes


class RuleMatcher:
    """The first rule, in order, that matches a line: :meth:`Rule.matches` over the rules, the native core asked first.

    The core (:class:`nettoyeur._core.RuleSet`, compiled once per rule list) answers for a
    batch of lines which rules *can* match each one: the rules whose word limit the line
    fits, that hold one of their needles, and whose pattern (its core form, :func:`core_source`: a
    superset), translated by
    :func:`nettoyeur.boilerplate.rule_regex.core_regex` (once per rules and Python: see
    :mod:`nettoyeur.boilerplate.rule_cache`) into one that matches a superset
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
            # The translation of the same rules on the same Python is read from the user's cache when there.
            lower, patterns = translate([(core_source(r.pattern), r.pattern.flags) for r in self.rules])
            needles = [list(r.needles) for r in self.rules]
        except Untranslatable:  # a Python without sre's case tables: Python decides every line
            lower, patterns, needles = ([], [], []), [None] * len(self.rules), [[] for _ in self.rules]
        self._core = _core.RuleSet(patterns, [r.max_words for r in self.rules], needles, *lower)

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

        The native core walks the lines and the candidates (``_core.first_rules``, native/src/memo_py.rs; the
        plain loop is the tests' oracle, tests/memo_reference.py): a line longer than the rules read
        (``max_words``, ``RULE_MAX_CHARS``) is not asked.
        """
        return _core.first_rules(self._core, self.rules, texts, n_words, self.max_words, RULE_MAX_CHARS)


# Lines up to this many characters are remembered: menus, share bars, bylines and
# headings, which recur from page to page; prose is longer and seldom seen twice.
MEMO_MAX_CHARS = 200
# Lines a memo holds at most, then forgets at once: ~1 KB a line with its shape (when a
# shape held its words and stems), ~20 MB a worker; the line-key memos hold ~200 bytes a line. Measured at 1M
# paragraphs: 50,000 cost 160 MB more peak memory over the run's processes and saved no
# time (a site's chrome is a few hundred lines).
MEMO_SIZE = 20_000


class LineMemo(dict):
    """Results for lines, kept for short ones seen twice and forgotten all at once when full (bounded memory).

    A line is remembered at its second sighting: the first one leaves only its hash. Lines that
    never recur (most prose, and every line of a corpus without chrome) then cost ~60 bytes
    instead of their result (~1.9 KB with a shape): on the small-vocabulary benchmark (100,000
    one-line files, all distinct) the four memos of a worker held ~38 MB at the peak of the
    analyse pass; a recurring line (menus, bylines) is described twice instead of once.
    """

    __slots__ = ("_once",)

    def __init__(self) -> None:
        super().__init__()
        self._once: set[int] = set()


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

    def known(self, texts: list[str]) -> list[LineInfo | None]:
        """Returns each line's shape when the memo holds it, else None (nothing is described)."""
        return [None if hit is None else hit[0] for hit in map(self._seen.get, texts)]

    def shape(self, text: str, with_rule: bool = True) -> tuple[LineInfo, Rule | None]:
        """Returns the line's :class:`LineInfo` and the first rule matching it (None when ``with_rule`` is False)."""
        return self.shapes([text], with_rule)[0]

    def shapes(self, texts: list[str], with_rule: bool = True) -> list[tuple[LineInfo, Rule | None]]:
        """Returns :meth:`shape` of each line (the lines the memo lacks described in one call, ruled in another).

        With rules, the native core walks the page's lines (``_core.memo_shapes``, native/src/memo_py.rs;
        the plain Python is the tests' oracle, tests/memo_reference.py): the memo's hits, the lines it lacks
        described (:func:`describe_many`) and ruled (:meth:`RuleMatcher.first_many`) once each, and each
        short line remembered at its second sighting (see :class:`LineMemo`; a line twice in ``texts`` is
        remembered at its second sighting). On the benchmark corpus (300,000 paragraphs, one worker)
        the Python walk, with ``first_many``'s, was 0.4 s of the 1.35 s of the shapes under cProfile.
        Without rules (nothing remembered), the shapes alone.
        """
        seen = self._seen
        if with_rule:
            matcher = self.matcher
            first = None if matcher is None else matcher.first_many
            return _core.memo_shapes(texts, seen, seen._once, MEMO_MAX_CHARS, MEMO_SIZE, describe_many, first)
        hits = list(map(seen.get, texts))
        if None in hits:
            missing = list(dict.fromkeys(text for text, hit in zip(texts, hits) if hit is None))
            fresh = dict(zip(missing, describe_many(missing)))
            return [(fresh[text] if hit is None else hit[0], None) for text, hit in zip(texts, hits)]
        return [(hit[0], None) for hit in hits]


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
