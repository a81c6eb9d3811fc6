"""Lists of links with counts (a site's categories, archives, tags or forum threads) or with a pointer.

A blog or a forum lists its own pages with how many posts each holds: "Reviews (1761)",
"March 2005 (12)", "Help identifying a game. (5)". Each line is a name followed by a count in
brackets, and they come in runs, one link under the other. An article's text rarely ends its
lines with a bare count: a year in brackets is a date ("The Great Muppet Caper (1981)", a
citation "Rovai (2001)"), and a list of the article's own items with counts (the seats of
parties, the parts of a story) shares its words with the article.

A page also lists links to its other pages with a pointer after each title: "The Curse of
Fergie »", "Send a Tip »", "Top 5 Gadgets Used in the Classroom →". One such line may be a
link inside the article ("See all of today's events »"); a run of them, each ending with the
same pointer, is a list of links. A closing guillemet ends a quotation in French (« … »), so a
line that opens one is not read as a link.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from nettoyeur.boilerplate.line_shapes import LineInfo, article_stems
from nettoyeur.records import Verdict

__all__ = ["COUNTED_RUN_MIN", "POINTERS", "counted_link", "counted_lists", "pointer_links", "pointer_lists"]

# A run of at least COUNTED_RUN_MIN lines that each end with a count in brackets, of which less
# than COUNTED_RUN_TOPIC of the stems (all lines together) are the article's. Measured on
# eval-pages-dev (dev figures, chrome words caught / gold content words lost with no copy
# kept): runs of 2 lines: +3,136 / +28 (the numbered parts of a serial, "12. Something Sacred
# (1)"); 3 lines: +3,090 / +12; 4 lines: +3,051 / 0; 5 lines: the same as 4.
COUNTED_RUN_MIN = 4
COUNTED_RUN_TOPIC = 0.5
# A name (with a letter), a space, then a count in round brackets at the end of the line: not a
# year (4 digits from 1500 to 2099, a date or a citation), digits with "," or "." as thousands
# separators.
_COUNTED = re.compile(r"[^\W\d_].*\s\((?!(?:1[5-9]|20)\d\d\))\d[\d,.]*\)\s*$")


# A run of at least POINTER_RUN_MIN lines that each end with the same pointer (a word of
# POINTERS only, after a space, on a line with a letter), of which less than COUNTED_RUN_TOPIC
# of the stems are the article's, is a list of links (position:pointer-list). Measured on
# eval-pages-dev (chrome / gold content words the kept lines of such runs hold, before the
# signal): runs of 2 lines 645 / 22 ("See what other ETFs contain X »" twice in an article),
# 3 lines 544 / 0, 5 lines 348 / 0; as shipped (3 lines, the topic test, cascades included):
# 946 chrome words more removed, 0 content words, recall by words 0.719 -> 0.721, precision
# 0.938; eval-dev and eval-pairs-dev unchanged. With runs of 2 lines: 47 chrome words more for
# 27 of content lost with no copy. Any mark at the end (an emoji, a bracketed
# source "[NYDN]" or name "(MarcoFalke)") repeated down a run is content as often as not.
POINTER_RUN_MIN = 3
POINTERS = "»›→►▸▶➔➜➤⇒"
_POINTED = re.compile(rf"[^\W\d_].*\s([{POINTERS}]+)\s*$")
# The openings of the quotations that "»" and "›" close (French, Swiss).
_QUOTE_OPENS = ("«", "‹")


# What the last "(" of a counted link opens: the count (the pattern's tail).
_COUNT = re.compile(r"\d[\d,.]*")


def counted_link(text: str) -> bool:
    """True for a line that names a page and how many items it holds: "Upcoming Games (2108)".

    The count is what the line's last "(" opens (a count holds no bracket): a line whose last
    brackets hold no count is not searched. The pattern's ``.*`` backtracks over the whole line
    from each letter: on eval-pages-dev the search of the lines that end with ")" (long
    paragraphs ending with an aside among them) cost 0.74 s of the 5 s of the marking under
    cProfile, 53 us a line.
    """
    if not text.endswith(")") or _COUNT.fullmatch(text, text.rfind("(") + 1, len(text) - 1) is None:
        return False
    return _COUNTED.search(text) is not None


def _runs(flags: list[Verdict | None], links: Collection[int]) -> list[list[int]]:
    """Returns the unflagged lines of each run of counted links long enough (flagged lines neither count nor break it).

    A flagged line between two entries (an advertisement, a "more" link) is gone once the
    page is cleaned: cleaning the output again must find the same run. ``links``: the lines
    that are counted links.
    """
    runs: list[list[int]] = []
    current: list[int] = []
    for k, flag in enumerate(flags):
        if flag is not None:
            continue
        if k in links:
            current.append(k)
            continue
        if len(current) >= COUNTED_RUN_MIN:
            runs.append(current)
        current = []
    if len(current) >= COUNTED_RUN_MIN:
        runs.append(current)
    return runs


def counted_lists(
    infos: list[LineInfo], flags: list[Verdict | None], links: Collection[int] | None = None
) -> dict[int, Verdict]:
    """Returns the verdicts of the lines in runs of counted links that are not about the article.

    The article is the unflagged prose outside every run (with none, a run is judged by its
    shape alone: a page that is only a list of categories is chrome).

    Args:
        infos: the shapes of the kept paragraphs, in order.
        flags: the verdicts found so far (None: kept), read only.
        links: the positions of the lines that are :func:`counted_link`, when known (``mark`` finds
            them once a document); None: found here.
    """
    if links is None:
        links = {k for k, info in enumerate(infos) if counted_link(info.text)}
    return _off_topic_runs(infos, flags, _runs(flags, links), "counted-list", lambda run: "links with counts")


def pointer_links(texts: list[str]) -> dict[int, str]:
    """Returns the lines that end with a pointer after a title ("Send a Tip »"), each with its pointer.

    A line that opens a quotation with "«" or "‹" is not one: its "»" closes the quotation.
    """
    out: dict[int, str] = {}
    for k, text in enumerate(texts):
        if not text or text[-1] not in POINTERS:
            continue
        found = _POINTED.search(text)
        if found is not None and not any(mark in text for mark in _QUOTE_OPENS):
            out[k] = found.group(1)
    return out


def pointer_lists(infos: list[LineInfo], flags: list[Verdict | None], pointers: dict[int, str]) -> dict[int, Verdict]:
    """Returns the verdicts of the lines in runs of links with the same pointer that are not about the article.

    A run is made of unflagged lines that end with the same pointer, one under the other (flagged
    lines neither count nor break it, as in :func:`counted_lists`); the article is the unflagged
    prose outside every run.

    Args:
        infos: the shapes of the kept paragraphs, in order.
        flags: the verdicts found so far (None: kept), read only.
        pointers: the lines of :func:`pointer_links`, each with its pointer.
    """
    runs: list[list[int]] = []
    current: list[int] = []
    mark = None
    for k, flag in enumerate(flags):
        if flag is not None:
            continue
        this = pointers.get(k)
        if this is not None and this == mark:
            current.append(k)
            continue
        if len(current) >= POINTER_RUN_MIN:
            runs.append(current)
        current, mark = ([k], this) if this is not None else ([], None)
    if len(current) >= POINTER_RUN_MIN:
        runs.append(current)
    return _off_topic_runs(infos, flags, runs, "pointer-list", lambda run: f"links ending with {pointers[run[0]]}")


def _off_topic_runs(
    infos: list[LineInfo],
    flags: list[Verdict | None],
    runs: list[list[int]],
    name: str,
    what: Callable[[list[int]], str],
) -> dict[int, Verdict]:
    """Returns the verdicts ``boilerplate:position:NAME`` of the lines of the ``runs`` that are not about the article.

    The article is the unflagged prose outside every run; a run is about it when at least
    ``COUNTED_RUN_TOPIC`` of its stems are the article's. ``what(run)`` names the run's lines
    in the verdict's detail.
    """
    if not runs:
        return {}
    inside = {j for run in runs for j in run}
    prose = [info for j, info in enumerate(infos) if flags[j] is None and info.prose and j not in inside]
    vocab = article_stems(prose)
    out: dict[int, Verdict] = {}
    for run in runs:
        shared, stems = vocab.shared_lines([infos[j].text for j in run])
        if shared < COUNTED_RUN_TOPIC * max(1, stems):
            detail = f"run of {len(run)} {what(run)}, {shared} of {stems} stems the article's"
            verdict = Verdict(f"boilerplate:position:{name}", detail=detail)
            out.update((j, verdict) for j in run)
    return out
