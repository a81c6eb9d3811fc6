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
    keeps one copy. Long lines (prose) are left to the deduplicator too.
``position``
    jusText's idea with the article's shape: the *body* runs from the first to the last
    prose paragraph (long, with function words). Short lines before it are the header
    (menus, section names), except the title: the nearest title-like line above the
    body; short lines after it are the footer. Short lines *inside* the body stay
    (headings, list items) unless another signal fires.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from nettoyeur.lexicon import STOPWORDS
from nettoyeur.records import Document, Verdict
from nettoyeur.rules import Rule

_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
_WORDS = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…:;»\"”)](?:\s|$)|[.!?…]$")

# A paragraph is prose when it has this many words and this share of function words:
# a menu line of ten section names has almost none, a sentence has 30-50%.
PROSE_MIN_WORDS = 10
PROSE_MIN_STOPWORDS = 0.15
# ... or when it is simply long: no menu item runs to 30 words.
PROSE_ANY_WORDS = 30
# Lines with at least this many words are never frequency-removed (prose is the
# deduplicator's business: it keeps one copy).
FREQUENCY_MAX_WORDS = 25
# A title has at least this many characters ("Home" or "Menu" is not a title).
TITLE_MIN_CHARS = 12


@dataclass(frozen=True, slots=True)
class LineInfo:
    """What the boilerplate signals need to know about one paragraph."""

    text: str  # whitespace collapsed
    n_words: int
    prose: bool


def describe(text: str) -> LineInfo:
    """Returns the shape of one paragraph."""
    collapsed = _SPACES.sub(" ", text).strip()
    words = _WORDS.findall(collapsed.lower())
    n = len(words)
    stop = sum(w in STOPWORDS for w in words)
    prose = n >= PROSE_ANY_WORDS or (n >= PROSE_MIN_WORDS and stop / n >= PROSE_MIN_STOPWORDS)
    return LineInfo(collapsed, n, prose)


def frequency_key(text: str) -> str:
    """Returns the key under which recurring lines meet: lower-cased, digits masked."""
    return _DIGITS.sub("0", _SPACES.sub(" ", text).strip().lower())


def count_lines(docs: Iterable[Document]) -> Counter[str]:
    """Counts, for each short line's frequency key, the number of files it occurs in."""
    counts: Counter[str] = Counter()
    for doc in docs:
        keys = set()
        for p in doc.paragraphs:
            info = describe(p.text)
            if info.n_words < FREQUENCY_MAX_WORDS:
                keys.add(frequency_key(p.text))
        counts.update(keys)
    return counts


def _pattern(info: LineInfo, rules: list[Rule]) -> Rule | None:
    for rule in rules:
        if rule.matches(info.text, info.n_words):
            return rule
    return None


def _title_like(info: LineInfo) -> bool:
    return len(info.text) >= TITLE_MIN_CHARS and info.n_words >= 2


def mark(doc: Document, rules: list[Rule], file_counts: Counter[str] | None, min_files: int) -> int:
    """Sets a boilerplate verdict on each chrome paragraph of ``doc``.

    Args:
        doc: the document; paragraphs already removed are left alone.
        rules: the pattern rules (built-in and user).
        file_counts: files per frequency key over the whole corpus (None: no signal).
        min_files: the frequency floor.

    Returns:
        the number of paragraphs marked.
    """
    paras = [p for p in doc.paragraphs if p.kept]
    infos = [describe(p.text) for p in paras]
    flags: list[Verdict | None] = [None] * len(paras)
    for k, (p, info) in enumerate(zip(paras, infos)):
        rule = _pattern(info, rules)
        if rule is not None:
            flags[k] = Verdict(f"boilerplate:pattern:{rule.kind}", detail=rule.name)
        elif file_counts is not None and info.n_words < FREQUENCY_MAX_WORDS:
            n_files = file_counts.get(frequency_key(p.text), 0)
            if n_files >= min_files:
                flags[k] = Verdict("boilerplate:frequency:recurring-line", detail=f"in {n_files} files")
    prose = [k for k, info in enumerate(infos) if info.prose and flags[k] is None]
    if prose:
        first, last = prose[0], prose[-1]
        # The title: the nearest title-like line above the body that no rule flagged.
        title = None
        for k in range(first - 1, -1, -1):
            if flags[k] is None and _title_like(infos[k]):
                title = k
                break
        for k in range(first):
            if flags[k] is None and k != title:
                flags[k] = Verdict("boilerplate:position:header", detail="short line above the article body")
        for k in range(last + 1, len(paras)):
            if flags[k] is None:
                flags[k] = Verdict("boilerplate:position:footer", detail="short line below the article body")
    marked = 0
    for p, flag in zip(paras, flags):
        if flag is not None:
            p.verdict = flag
            marked += 1
    return marked
