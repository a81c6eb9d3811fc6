"""The plain Python of the runs of headlines that the native core replaced (native/src/mark.rs).

:func:`candidate_runs` is ``nettoyeur.boilerplate.headlines._candidate_runs`` as it was before the core
walked the lines: the oracle of the property tests (tests/boilerplate/test_headlines.py).
"""

from __future__ import annotations

import re

from nettoyeur.boilerplate.headlines import (
    HEADLINE_MAX_STOPWORDS,
    HEADLINE_MAX_WORDS,
    HEADLINE_MIN_WORDS,
    HEADLINE_RUN_MIN,
    LOOSE_MAX_STOPWORDS,
    LOOSE_MAX_WORDS,
)
from nettoyeur.boilerplate.line_shapes import LineInfo
from nettoyeur.records import Verdict

_LETTER = re.compile(r"[^\W\d_]")


def headline(info: LineInfo) -> bool:
    """True for a line shaped like a headline or a link's title (see ``HEADLINE_MAX_WORDS``).

    A line without a letter ("7:42.5", "12 / 40") is a figure of a table, not a headline; one that
    ends with "?", "!" or an ellipsis may be one ("Who Won the Night?", a title cut short: "Council
    Votes on the New..."), one that ends with "." otherwise is a sentence.
    """
    return (
        HEADLINE_MIN_WORDS <= info.n_words <= HEADLINE_MAX_WORDS
        and (not info.sentence or info.text.endswith(("?", "!", "…", "...")))
        and info.stop_share <= HEADLINE_MAX_STOPWORDS
        and not info.text.endswith(":")
        and _LETTER.search(info.text) is not None
    )


def loose(info: LineInfo) -> bool:
    """True for a title with more words or function words than a headline (see ``LOOSE_MAX_WORDS``)."""
    return (
        not headline(info)
        and HEADLINE_MIN_WORDS <= info.n_words <= LOOSE_MAX_WORDS
        and (not info.sentence or info.text.endswith(("?", "!", "…", "...")))
        and info.stop_share <= LOOSE_MAX_STOPWORDS
        and not info.text.endswith(":")
        and _LETTER.search(info.text) is not None
    )


def candidate_runs(infos: list[LineInfo], flags: list[Verdict | None]) -> list[tuple[int, int]]:
    """Returns the ``(start, end)`` of each run of unflagged headlines long enough, with chrome just above or below it.

    Looser titles (:func:`loose`) stand in a run without counting towards ``HEADLINE_RUN_MIN``.

    An edge of the page is no evidence: once the chrome above a list is removed, the list
    starts the page, and cleaning the output again must not find it (with the edges, on
    eval-pages-dev: chrome recall 0.001 higher by words, and 86 lines more removed by a second
    clean of the output).
    """

    def member(j: int) -> bool:
        return flags[j] is None and (headline(infos[j]) or loose(infos[j]))

    n = len(infos)
    runs = []
    k = 0
    while k < n:
        if not member(k):
            k += 1
            continue
        end = k
        while end < n and member(end):
            end += 1
        next_k = end
        if end < n and flags[end] is None and infos[end].prose:
            end -= 1  # the last line heads the paragraph below it: a title or a heading
        beside = (k > 0 and flags[k - 1] is not None) or (end < n and flags[end] is not None)
        if sum(map(headline, infos[k:end])) >= HEADLINE_RUN_MIN and beside:
            runs.append((k, end))
        k = next_k
    return runs
