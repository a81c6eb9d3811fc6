"""Boilerplate: remove site chrome, keep titles and headings.

Three independent signals; each removal names the one that fired
(``boilerplate:<signal>:<rule>``):

``pattern``
    templates of navigation, share, cookie, subscribe, copyright, "read also",
    comments, ads, bylines and dates in five languages (:mod:`nettoyeur.rules`), plus
    the user's ``--rules``. A rule only fires on a short line (each rule has a word
    limit), so an article sentence that mentions cookies is never a banner.
``frequency``
    a line that recurs, digits masked, in at least ``min_files`` files of the corpus is
    the site's chrome and every copy goes (the cc_net idea). The floor keeps two
    articles that quote the same sentence safe: those are for the deduplicator, which
    keeps one copy. Below the floor, a line seen in two files goes only when it is a
    label (not a sentence) that shares no word with its own article.
``position``
    jusText's idea with the article's shape: the *body* runs from the first to the last
    prose paragraph (long, with function words). Short lines before it are the header
    (menus, section names) except title-like lines about the article's subject and the
    title just above the body; short lines after it are the footer, except what still
    continues the article (a closing sentence on its subject, a list, references, the
    attribution of a quote). Short lines *inside* the body stay (headings, list items)
    unless they share no word with the article and are labels (no function word),
    telegraphic headlines of other articles, or stand beside a line another signal
    flagged.

The position signal is stable on its own output: removing chrome never moves the body's
first or last paragraph nor changes its vocabulary, so cleaning the output again finds
nothing more to remove.

"On-topic" is measured against the article's own prose: a line's *stems* (the first
letters of its longer words) are looked up in the stems of the body paragraphs. A
heading announces what follows ("Vers un avenir innovant" over a paragraph about
innovation); a menu label from a site template ("Wellness", "Faits divers") does not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from nettoyeur.lineshape import (
    PROSE_MIN_STOPWORDS,
    ArticleStems,
    LineInfo,
    article_stems,
    count_words,
    describe,
    frequency_key,
    has_fewer_words,
    memo_for,
)
from nettoyeur.records import Document, Paragraph, Verdict
from nettoyeur.rules import DATE_SEARCH, Rule

__all__ = ["LineInfo", "count_lines", "count_words", "counted", "describe", "frequency_key", "mark", "shapes"]

_DIGITS = re.compile(r"\d+")
# "— Name (@handle) date": the attribution line under a quoted post or quotation.
_ATTRIBUTION = re.compile(r"[—–]\s*\S")
# "[1] Author, Title, Journal": a numbered reference under the article.
_REFERENCE = re.compile(r"\[\d{1,3}\]\s*\S")
# "• item", "- item", "3. item": a list that goes on below the last paragraph.
_LIST_ITEM = re.compile(r"(?:[•▪◦‣*–-]|\d{1,2}[.)])\s+\S")

# Lines with at least this many words are never frequency-removed (prose is the
# deduplicator's business: it keeps one copy).
FREQUENCY_MAX_WORDS = 25
# Below ``min_files``, an off-topic label seen in this many files is chrome: two sites
# rarely share a label by chance, and the off-topic test protects shared headings.
OFFTOPIC_MIN_FILES = 2
# A title-like line has at least this many characters and words ("Home" is not).
TITLE_MIN_CHARS = 12
TITLE_MIN_WORDS = 2
# Above the body, a line is kept as a title or heading when it has this many words and
# this share of its stems in the article: a headline is about its article.
HEAD_KEEP_WORDS = 3
HEAD_KEEP_SHARE = 0.3
HEAD_KEEP_STEMS = 2
# Below the body, a sentence is kept when this share of its stems is the article's.
TAIL_KEEP_SHARE = 0.5
# Inside the body, a headline with this many stems, none in the article, and few function words
# is a teaser for another article: headings have articles and prepositions ("La Grosse
# pomme a la gueule de bois" has 3 in 8 words), teasers are telegraphic.
TEASER_MIN_STEMS = 3
TEASER_MAX_STOPWORDS = 0.25


def counted(text: str) -> bool:
    """True for a line the frequency signal counts: fewer than ``FREQUENCY_MAX_WORDS`` words.

    Pass 1 asks this of every distinct line of the corpus; :func:`has_fewer_words` reads a
    line only up to the limit.
    """
    return has_fewer_words(text, FREQUENCY_MAX_WORDS)


def count_lines(docs: Iterable[Document]) -> Counter[str]:
    """Counts, for each short kept line's frequency key, the number of files it occurs in."""
    counts: Counter[str] = Counter()
    for doc in docs:
        keys = set()
        for p in doc.paragraphs:
            if p.kept and counted(p.text):
                keys.add(frequency_key(p.text))
        counts.update(keys)
    return counts


def _teaser_like(info: LineInfo) -> bool:
    """A telegraphic headline: several stems, few function words, no sentence end, no figures.

    Figures are left alone: a short line of prices, scores or statistics is data.
    """
    return (
        len(info.stems) >= TEASER_MIN_STEMS
        and info.stop_share <= TEASER_MAX_STOPWORDS
        and not info.sentence
        and not _DIGITS.search(info.text)
    )


def _title_like(info: LineInfo) -> bool:
    return len(info.text) >= TITLE_MIN_CHARS and info.n_words >= TITLE_MIN_WORDS


class _Article:
    """The article's vocabulary: the stems of its body paragraphs."""

    def __init__(self, infos: list[LineInfo], good: list[bool]) -> None:
        self._body = [info for info, g in zip(infos, good) if g]
        self._vocab: ArticleStems | None = None

    @property
    def vocab(self) -> ArticleStems:
        """The body's stems, found the first time a line is looked up (many articles need none)."""
        if self._vocab is None:
            self._vocab = article_stems(self._body)
        return self._vocab

    def shared(self, info: LineInfo) -> int:
        """Returns how many of the line's stems the body uses."""
        stems = info.stems
        return len(stems & self.vocab) if stems else 0

    def on_topic(self, info: LineInfo) -> bool:
        """True when the line shares at least one stem with the body."""
        return self.shared(info) > 0

    def about_strongly(self, info: LineInfo) -> bool:
        """True when most of the line's stems (at least two) are the body's."""
        shared = self.shared(info)
        return shared >= HEAD_KEEP_STEMS and shared >= TAIL_KEEP_SHARE * len(info.stems)

    def about(self, info: LineInfo) -> bool:
        """True when a good share of the line's stems are the body's (a headline)."""
        shared = self.shared(info)
        return shared >= HEAD_KEEP_STEMS and shared >= HEAD_KEEP_SHARE * len(info.stems)


def _continues(infos: list[LineInfo], k: int, article: _Article, previous_kept: bool) -> bool:
    """True when a line below the body still belongs to it.

    A sentence with function words about the article (a closing remark); the attribution
    of the quote just above ("— Name (@handle) date" under a quoted post); a numbered
    reference ("[2] Author, Title") or a list item right under the body or under another
    kept one.
    """
    info = infos[k]
    if _ATTRIBUTION.match(info.text):
        return infos[k - 1].prose
    if _REFERENCE.match(info.text) or _LIST_ITEM.match(info.text):
        return previous_kept
    if info.text.endswith(":") and k + 1 < len(infos) and _LIST_ITEM.match(infos[k + 1].text):
        return previous_kept  # the lead-in of that list ("What to bring:")
    if info.stop_share < PROSE_MIN_STOPWORDS:
        return False
    if previous_kept and info.sentence and article.on_topic(info):
        return True  # the last sentence of the article, set apart
    return (previous_kept or info.sentence) and article.about_strongly(info)


def _first_pass(
    lines: list[tuple[LineInfo, Rule | None]], file_counts: Counter[str] | None, min_files: int
) -> list[Verdict | None]:
    """Pattern and corpus-frequency verdicts, line by line (shapes and rules from the memo)."""
    flags: list[Verdict | None] = []
    for info, rule in lines:
        flag = None
        if rule is not None:
            flag = Verdict(f"boilerplate:pattern:{rule.kind}", detail=rule.name)
        elif file_counts is not None and info.n_words < FREQUENCY_MAX_WORDS:
            n_files = file_counts.get(frequency_key(info.text), 0)
            if n_files >= min_files:
                flag = Verdict("boilerplate:frequency:recurring-line", detail=f"in {n_files} files")
        flags.append(flag)
    return flags


def shapes(paras: list[Paragraph], rules: list[Rule], with_rule: bool = True) -> list[tuple[LineInfo, Rule | None]]:
    """Returns the shape and first matching rule of each paragraph (no rule when ``with_rule`` is False)."""
    memo = memo_for(rules)
    return [memo.shape(p.text, with_rule=with_rule) for p in paras]


def mark(
    doc: Document,
    rules: list[Rule],
    file_counts: Counter[str] | None,
    min_files: int,
    protect: frozenset[int] = frozenset(),
    line_signals: bool = True,
    lines: list[tuple[LineInfo, Rule | None]] | None = None,
) -> int:
    """Sets a boilerplate verdict on each chrome paragraph of ``doc``.

    Args:
        doc: the document; paragraphs already removed are left alone.
        rules: the pattern rules (built-in and user).
        file_counts: files per frequency key over the whole corpus (None: no signal).
        min_files: the frequency floor.
        protect: indices of paragraphs never to flag (the kept copies that removed
            duplicates point at: removing them would lose every copy).
        line_signals: False when every kept paragraph is known to pass the signals that
            read a line alone (the rules and the ``min_files`` floor), as after an earlier
            :func:`mark` with the same rules and counts: only the signals that read the
            article around a line run.
        lines: the shape and first matching rule of each kept paragraph, in order, as
            :func:`shapes` gives them (rules None when ``line_signals`` is False); None:
            found here.

    Returns:
        the number of paragraphs marked.

    Raises:
        ValueError: ``lines`` does not hold one shape per kept paragraph.
    """
    paras = [p for p in doc.paragraphs if p.kept]
    if lines is None:
        lines = shapes(paras, rules, line_signals)
    elif len(lines) != len(paras):
        raise ValueError(f"{doc.path}: {len(lines)} shapes given for {len(paras)} kept paragraphs")
    infos = [info for info, _ in lines]
    flags = _first_pass(lines, file_counts, min_files) if line_signals else [None] * len(lines)
    good = [info.prose and flag is None for info, flag in zip(infos, flags)]
    article = _Article(infos, good)
    # A line seen in a few files that is a label foreign to its article is chrome too.
    if file_counts is not None:
        for k, info in enumerate(infos):
            if flags[k] is None and not good[k] and not info.sentence and info.n_words < FREQUENCY_MAX_WORDS:
                n_files = file_counts.get(frequency_key(info.text), 0)
                # A line with function words or three words may be a syndicated title or
                # heading: one more file is needed.
                need = OFFTOPIC_MIN_FILES + (info.stop_share > 0 or info.n_words >= 3)
                if n_files >= need and not article.on_topic(info):
                    flags[k] = Verdict("boilerplate:frequency:recurring-offtopic", detail=f"in {n_files} files")
    body = [k for k, g in enumerate(good) if g]
    if body:
        _position(infos, flags, article, body[0], body[-1])
    marked = 0
    for p, flag in zip(paras, flags):
        if flag is not None and p.index not in protect:
            p.verdict = flag
            marked += 1
    return marked


def _position(infos: list[LineInfo], flags: list[Verdict | None], article: _Article, first: int, last: int) -> None:
    """Flags the header, the footer and off-topic labels inside the body, in place."""
    signalled = [f is not None for f in flags]
    # Header: keep the title and headings about the article; the rest is chrome.
    kept_head = [
        k
        for k in range(first)
        if not signalled[k]
        and infos[k].n_words >= HEAD_KEEP_WORDS
        and _title_like(infos[k])
        and article.about(infos[k])
    ]
    # The nearest title-like line above the body is the title even when it shares no
    # word with the article ("Need for Speed" over a review), dated lines skipped (an
    # unknown byline: "Marie Dupont | 9 décembre 2019"). Not when the body opens with a
    # line that does not end like a sentence: that line is the title itself.
    if infos[first].sentence:
        nearest = (k for k in range(first - 1, -1, -1) if not signalled[k] and _title_like(infos[k]))
        kept_head += [k for k in nearest if not DATE_SEARCH.search(infos[k].text)][:1]
    for k in range(first):
        if not signalled[k] and k not in kept_head:
            flags[k] = Verdict("boilerplate:position:header", detail="short line above the article body")
    for k in range(last + 1, len(infos)):
        if not signalled[k] and not _continues(infos, k, article, flags[k - 1] is None):
            flags[k] = Verdict("boilerplate:position:footer", detail="short line below the article body")
    for k in range(first + 1, last):
        info = infos[k]
        if signalled[k] or info.prose or article.on_topic(info) or _ATTRIBUTION.match(info.text):
            continue
        if info.label:
            flags[k] = Verdict("boilerplate:position:inline-label", detail="off-topic label inside the body")
        elif signalled[k + 1] or (signalled[k - 1] and not infos[k + 1].prose):
            flags[k] = Verdict("boilerplate:position:inline-block", detail="off-topic line beside other chrome")
        elif _teaser_like(info):
            flags[k] = Verdict("boilerplate:position:inline-teaser", detail="off-topic headline inside the body")
