"""Runs of headlines beside chrome: the link lists of a page (other articles, sections, tags).

A page lists other pages as runs of short lines: the teasers of other articles, the
sections of the site, its tags or its products. Each line is a headline (a few words,
no sentence end, few function words), the run stands right beside chrome that another
signal flagged (a menu, a "related" caption, a share bar), and its words are not the
article's. An article's own list (its steps, its table, its headings) shares the article's
words, or stands between its paragraphs with no chrome beside it.
"""

from __future__ import annotations

import re

from nettoyeur import _core
from nettoyeur.boilerplate.line_shapes import ArticleStems, LineInfo, article_stems
from nettoyeur.records import Verdict

__all__ = ["HEADLINE_RUN_MIN", "headline_runs"]

# A run of at least HEADLINE_RUN_MIN lines, each of HEADLINE_MIN_WORDS to HEADLINE_MAX_WORDS
# words, not ending like a sentence nor with ":", with at most HEADLINE_MAX_STOPWORDS function
# words, of which less than HEADLINE_RUN_TOPIC of the stems (all lines together) are the
# article's. Measured on eval-pages-dev (dev figures; chrome recall by words, then the words of
# gold content lost with no copy kept, 27,350 before): 4 lines / 0.5 give 0.690 -> 0.709 for
# +1,430 words; 4 / 0.3 0.702 for +780; 5 / 0.5 0.706 for +1,090; 5 / 0.3 0.700 for +580; 6 / 0.5
# 0.703 for +980; 3 / 0.3 0.705 for +930; chrome needed on both sides of the run: 0.695 for +240.
# Each keeps removal precision at 0.935 (0.936 before). These were measured with an edge of the
# page as evidence too and before the two refinements below; as shipped: 0.690 -> 0.705 by words
# (0.823 -> 0.834 by lines) for +800 words (27,350 -> 28,150, 1.36% -> about 1.40% of the gold
# content), precision 0.935; eval-dev and eval-pairs-dev unchanged.
HEADLINE_RUN_MIN = 4
HEADLINE_MAX_WORDS = 15
HEADLINE_MAX_STOPWORDS = 0.35
HEADLINE_RUN_TOPIC = 0.5
HEADLINE_MIN_WORDS = 2
# A headline may end with "?" or "!" ("Who Won the Night?", "Yes Please!") or with an ellipsis (a
# title cut short to fit a box: "Council Votes on the New..."); a line that ends with another stop
# is a sentence. On eval-pages-dev: "?" and "!" remove 619 words more of chrome (chrome recall by
# words 0.721 -> 0.722) for 26 words more of content lost with no copy kept (1.440% -> 1.441% of
# the content words), the ellipsis 118 more for none; removal precision 0.938-0.939 either way;
# eval-dev unchanged.
# A run with figures in at least HEADLINE_FIGURES_SHARE of its lines may be the article's own
# table or schedule ("Spring term 2" / "Thu 4/12 Leeds - Town Hall"): it needs less than
# HEADLINE_FIGURES_TOPIC of its stems in the article. On eval-pages-dev: chrome recall 0.709 ->
# 0.707 by words, 434 words of content fewer lost.
HEADLINE_FIGURES_SHARE = 0.25
HEADLINE_FIGURES_TOPIC = 0.35
# But a table's rows and a record's dates end with their figures ("Lecturer, York College,
# 1989-1990", "Thu 4/12 Leeds - Town Hall 20:00", "(Oxford, 2009)"): a run below the article's last
# sentence with under FIGURES_END_SHARE of its lines ending with a figure has its figures inside
# titles (a rank, a price, a model number), a list of other pages, and is tested as any run. On
# eval-pages-dev: chrome recall by words 0.7477 -> 0.7493, 11 words of content more lost with no copy
# (the lists spared below an article, 1,116 words of chrome and 270 of content before: a CV's dated
# lines, 229, the main of these, ends with its years in 43% of its lines, the lists of chrome in 0-29%).
FIGURES_END_SHARE = 1 / 3
# A line at either end of a run that is about the article stays (its title above a dateline that
# a rule flagged): the test of a title above the body, HEAD_KEEP_STEMS and HEAD_KEEP_SHARE of
# mark.py. On eval-pages-dev: 0.707 -> 0.706, 64 words of content fewer lost, and eval-dev's
# unique content lost back to 4/1858 (a title under a menu went: 5). Sparing every line of the
# run that is about the article: 0.702, 300 words fewer lost.
# A title stands at the end of the run that faces the article: the last line of a run above the
# article's first sentence, the first of a run below its last; at the far end, a line about the
# article is a teaser of a story on the same subject, and goes (the first line of the page stays: the
# page's title above a menu). On eval-pages-dev: 0.7493 -> 0.7497 by words, 51 words of content more
# lost with no copy (27,215 -> 27,266); removal precision 0.9395 either way; eval-dev unchanged.
ABOUT_STEMS = 2
ABOUT_SHARE = 0.3
# A title with more function words or words than a headline (up to LOOSE_MAX_STOPWORDS and
# LOOSE_MAX_WORDS: "Players We Can't Believe Have Championship Rings", a long teaser's title) stands
# in a run of headlines without counting towards HEADLINE_RUN_MIN: a list of other stories mixes
# both, and one such title cut the run in two, each part too short. Two guards keep an article's
# own lists of that shape: a run in which a line recurs (a list of people and their offices, a
# syllabus: "Department of ...", "Standard 5: ...") is a record of the article, not links to other
# pages; and a run with more words than the article's prose outside every run is the page's content
# (an index of stories). On eval-pages-dev (chrome recall by words, removal precision, words of
# content lost with no copy kept): 0.721 -> 0.744, 0.939 -> 0.938, 27,166 -> 28,702 with the looser
# titles alone; with the recurring line 0.739, 27,984; with both guards 0.737, 0.939, 27,626
# (1.406% -> 1.430% of the content words). 0.45 / 24: 0.731, 27,475; 0.5 / 20: 0.736, 27,607; the
# run's words at most half the prose's: 0.733, 27,500. eval-dev and eval-pairs-dev unchanged.
LOOSE_MAX_WORDS = 24
LOOSE_MAX_STOPWORDS = 0.5
# A run in which at least RECORD_SHARE of the lines are fields with a figure ("Kaufpreis: 389.000 €",
# "Weight: 1.4 kg", "Credits: 20"; a label of a few words, a colon, a value with a number, not a word
# that ends in digits like "Ribbon1") is the page's own record: a product's specifications, a
# listing's facts, a course's credits. A list of links to other pages names them, it does not give
# their measures. On eval-pages-dev: 7 lines of content kept (a computer's specifications), 5 of
# chrome (a row of ad slots' fields), with 0.5; with 0.75 the same lines.
RECORD_SHARE = 0.5
# The value may follow a full-width colon with no space (Chinese and Japanese: "航线长度：42公里"; audit17's Chinese
# news page lost its table of facts under the article as a run of headlines).
_FIELD = re.compile(r"[^\W\d_][^:：]{0,30}[:：]\s*(?:[^:：]*?(?:^|(?<=[\s(：]))[£$€¥]?\d[^:：]*)")
# Both guards were too wide (eval-pages-dev, as main stood at 0.744 by words, content lost with no
# copy 27,373 words: without the recurring line 0.749 for +424 words lost, without the weight
# 0.746 for +358, without both 0.750 for +1,076). Sharper, each keeps the article's lists it kept:
# a run outweighs the article only on a page without an article body, under ARTICLE_BODY_MIN_WORDS
# words of prose that ends like a sentence (an index's teasers are titles; a story beside its list of
# other stories has sentences: the pages spared had 18-26 such words, those of chrome 93-259, and
# from 30 to 90 the figures are the same): 0.744 -> 0.746, 14 words fewer lost. A recurring line is
# a record's field only where no copy stands beside it (a comment listed twice in a row), no two
# lines recur together (a "previous / next post" pair repeated under the list) and no label recurs at
# every other line three times or more ("read more" under each teaser): 0.746 -> 0.748, 155 words
# fewer lost (a page's content came back with its list of other stories gone). A label twice at every
# other line took a syllabus (144 words: "Standard 5" at its lines 10 and 12); recurring lines that
# all come back after the first of them all (a second list of the same items) gained 117 words of
# chrome, but a short member list whose two offices alternate has that shape too: left out. A member
# list whose people share two lines in a row ("Department of ..." over "... University") reads as a
# repeated pair, and goes where the topic test lets it.
ARTICLE_BODY_MIN_WORDS = 50
# A run with no stem beside an article with none either (a Hindi word, whose vowel signs are no
# letters, gives none) is not weighed: there is no topic to compare. Audit 17's Hindi news page lost
# its list of advice under the article so (4 lines; 2 now stay, 2 go with the footer); eval-pages-dev
# and eval-dev unchanged. A run without stems beside an article with some ("Ad: Ribbon1") still goes.
_DIGIT = re.compile(r"\d")
# What may follow a row's last figure: "(Oxford, 2009)", "[1998]", "1:42.5)".
_CLOSERS = ")]}\"'»”’ "
# What ``_core.headline_candidates`` reads of the limits above, in its order (native/src/mark_py.rs).
_LIMITS = (
    HEADLINE_MIN_WORDS,
    HEADLINE_MAX_WORDS,
    HEADLINE_MAX_STOPWORDS,
    HEADLINE_RUN_MIN,
    LOOSE_MAX_WORDS,
    LOOSE_MAX_STOPWORDS,
)


def _about(vocab: ArticleStems, info: LineInfo) -> bool:
    """True for a line of the run that is about the article (its title above a dateline, a heading of it).

    The same test as a title above the body: at least ``ABOUT_STEMS`` of its stems, and
    ``ABOUT_SHARE`` of them, are the article's.
    """
    shared, stems = vocab.shared_lines((info.text,))
    return shared >= ABOUT_STEMS and shared >= ABOUT_SHARE * stems


def _has_stems(vocab: ArticleStems, prose: list[LineInfo]) -> bool:
    """True when the article's prose gives a stem (its vocabulary is not empty)."""
    return vocab.shared_lines([info.text for info in prose])[1] > 0


def _recurring(infos: list[LineInfo], run: tuple[int, int]) -> bool:
    """True for a run in which a line recurs as a field of records (offices, a syllabus), not as a link listed twice.

    Links listed twice (see ``ARTICLE_BODY_MIN_WORDS``): a copy right beside its line, two lines that
    recur together, or a line at every other line three times or more (a label under each teaser).
    """
    texts = [infos[j].text.casefold() for j in range(*run)]
    where: dict[str, list[int]] = {}
    for k, text in enumerate(texts):
        where.setdefault(text, []).append(k)
    again = [places for places in where.values() if len(places) > 1]
    for places in again:
        gaps = [b - a for a, b in zip(places, places[1:])]
        paired = any(b + 1 < len(texts) and texts[a + 1] == texts[b + 1] for a, b in zip(places, places[1:]))
        if 1 in gaps or paired or (len(places) >= 3 and set(gaps) == {2}):
            return False
    return bool(again)


def _record(infos: list[LineInfo], run: tuple[int, int]) -> bool:
    """True for a run of fields with figures (``RECORD_SHARE`` of its lines): the page's own specifications."""
    fields = sum(1 for j in range(*run) if _FIELD.fullmatch(infos[j].text))
    return fields >= RECORD_SHARE * (run[1] - run[0])


def _words(infos: list[LineInfo], run: tuple[int, int]) -> int:
    """The words of the lines of ``run``."""
    return sum(infos[j].n_words for j in range(*run))


def _outside(infos: list[LineInfo], flags: list[Verdict | None], runs: list[tuple[int, int]]) -> list[int]:
    """The indices of the unflagged prose lines outside every run of ``runs``."""
    inside = {j for start, end in runs for j in range(start, end)}
    return [j for j, info in enumerate(infos) if flags[j] is None and info.prose and j not in inside]


def _article(infos: list[LineInfo], flags: list[Verdict | None], runs: list[tuple[int, int]]) -> list[LineInfo]:
    """The article: the unflagged prose outside every run of ``runs`` (none where there is no run)."""
    if not runs:
        return []
    return [infos[j] for j in _outside(infos, flags, runs)]


def _body(infos: list[LineInfo], flags: list[Verdict | None], runs: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The article's first sentence and the index after its last, or None (prose outside every run, ending like one)."""
    sentences = [j for j in _outside(infos, flags, runs) if infos[j].sentence]
    return (sentences[0], sentences[-1] + 1) if sentences else None


def _edges(
    vocab: ArticleStems,
    infos: list[LineInfo],
    flags: list[Verdict | None],
    run: tuple[int, int],
    body: tuple[int, int] | None,
) -> tuple[int, int]:
    """The run less a title about the article at an end of it that faces the body (see ``ABOUT_STEMS``).

    The first line stays when the run is not above the body or nothing is kept above the run (the
    page's title); the last when the run is not below the body.
    """
    start, end = run
    above = body is not None and body[0] >= end
    below = body is not None and body[1] <= start
    top = all(flags[j] is not None for j in range(start))
    first = start + ((not above or top) and _about(vocab, infos[start]))
    last = end - (not below and _about(vocab, infos[end - 1]))
    return first, last


def _table(texts: list[str], below: bool) -> bool:
    """True for a run that may be the article's table or schedule (see ``FIGURES_END_SHARE``)."""
    if sum(1 for text in texts if _DIGIT.search(text)) < HEADLINE_FIGURES_SHARE * len(texts):
        return False
    ending = sum(1 for text in texts if text.rstrip(_CLOSERS)[-1:].isdigit())
    return not below or ending >= FIGURES_END_SHARE * len(texts)


def headline_runs(infos: list[LineInfo], flags: list[Verdict | None], marks: list[int]) -> dict[int, Verdict]:
    """Returns the verdicts of the lines in runs of headlines that are not about the article.

    A candidate run is at least ``HEADLINE_RUN_MIN`` unflagged headlines in a row (each of
    ``HEADLINE_MIN_WORDS`` to ``HEADLINE_MAX_WORDS`` words, not ending like a sentence but for "?", "!"
    and an ellipsis, nor with ":", at most ``HEADLINE_MAX_STOPWORDS`` function words, a letter: a line
    without one, "7:42.5" or "12 / 40", is a figure of a table), among which looser titles may stand
    (up to ``LOOSE_MAX_WORDS`` words and ``LOOSE_MAX_STOPWORDS`` function words), with a flagged line
    just above or below it; its last line is left out when unflagged prose follows it (it heads that
    paragraph: a title or a heading). A run in which a line recurs, or with more words than the article,
    stays (see ``LOOSE_MAX_WORDS``), and so does a run of fields with figures (``RECORD_SHARE``). An edge
    of the page is no evidence: once the chrome above a list
    is removed, the list starts the page, and cleaning the output again must not find it (with the
    edges, on eval-pages-dev: chrome recall 0.001 higher by words, and 86 lines more removed by a second
    clean of the output). The native core finds the runs (``_core.headline_candidates``,
    native/src/mark.rs; the plain walk it replaced is the tests' oracle, tests/headlines_reference.py):
    on the benchmark corpus the walk was 0.1 s of the 2.1 s of marking under cProfile.

    The article is the unflagged prose outside every candidate run (none: nothing is
    flagged, a page of headlines may be a list that is its own content).

    Args:
        infos: the shapes of the kept paragraphs, in order.
        flags: the verdicts found so far (None: kept), read only.
        marks: their ``mark.line_marks`` (``LETTER`` is read).

    Raises:
        ValueError: ``flags`` or ``marks`` is not as long as ``infos``.
    """
    runs = [
        run
        for run in _core.headline_candidates(infos, flags, marks, _LIMITS)
        if not _recurring(infos, run) and not _record(infos, run)
    ]
    prose = _article(infos, flags, runs)
    if not prose:
        return {}
    # A run that outweighs the article's prose, on a page without an article body, is the page's
    # content (an index of stories).
    words = sum(info.n_words for info in prose)
    sentence_words = sum(info.n_words for info in prose if info.sentence)
    if sentence_words < ARTICLE_BODY_MIN_WORDS and any(_words(infos, run) > words for run in runs):
        runs = [run for run in runs if _words(infos, run) <= words]
        prose = _article(infos, flags, runs)
    if not runs:
        return {}
    vocab = article_stems(prose)
    body = _body(infos, flags, runs)
    out: dict[int, Verdict] = {}
    for start, end in runs:
        texts = [infos[j].text for j in range(start, end)]
        shared, stems = vocab.shared_lines(texts)
        table = _table(texts, body is not None and body[1] <= start)
        if not stems and not _has_stems(vocab, prose):
            continue  # neither the run nor the article gives a stem: no topic to weigh
        if shared < (HEADLINE_FIGURES_TOPIC if table else HEADLINE_RUN_TOPIC) * max(1, stems):
            detail = f"run of {end - start} headlines beside chrome, {shared} of {stems} stems the article's"
            verdict = Verdict("boilerplate:position:headline-run", detail=detail)
            # A title at the end facing the article (the article's, over its dateline) stays.
            first, last = _edges(vocab, infos, flags, (start, end), body)
            out.update((j, verdict) for j in range(first, last))
    return out
