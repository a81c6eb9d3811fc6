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

A page also lists its other posts with the first words of each, cut off: "Small Farm Financial
Services Can Grow Regional Economies - Warren Taylor is a 60-year-old entrepreneur who used to
work at Safeway's Dairy Division Headquarters when the grocer was the world's largest mi...". One
such line may be the article's (a quotation trailing off, a comment's last words); a run of them,
each cut mid-sentence by an ellipsis, maybe with the entry's name, source or age between two of
them, is the excerpts of other pages (a blog roll, recent or related posts, a news feed).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from nettoyeur import _core
from nettoyeur.boilerplate.line_shapes import LineInfo, article_stems
from nettoyeur.records import Verdict

__all__ = [
    "COUNTED_RUN_MIN",
    "CUT_CANDIDATES",
    "EXCERPT_RUN_MIN",
    "POINTERS",
    "counted_link",
    "counted_lists",
    "cut_excerpts",
    "excerpt_lists",
    "pointer_links",
    "pointer_lists",
]

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

# A run of at least EXCERPT_RUN_MIN cut excerpts (lines of EXCERPT_MIN_WORDS words or more that end
# with an ellipsis just after a word or a comma: cut mid-sentence, not a sentence that trails off
# after its stop), with at most EXCERPT_GAP unflagged lines between two of them, each short
# (fewer than EXCERPT_GAP_WORDS words) and no prose (the next entry's title, its source, its age),
# is the excerpts of other pages (position:excerpt-list: the excerpts and the lines between them go)
# when three things hold. The excerpts were cut by a machine: most are about as long as one another
# (see ``_machine_cut``: within EXCERPT_SPREAD of the median's characters; people who cut a
# quotation or a testimonial short cut it anywhere). The run is a side of the page: its words are at
# most EXCERPT_ARTICLE_SHARE of the words of the article's prose outside every run (an index page,
# a page of reviews or of its own posts' excerpts is mostly the run). And less than
# COUNTED_RUN_TOPIC of the excerpts' stems are the article's. Measured on eval-pages-dev (chrome
# words removed / gold content words removed, cascades included; noCopy: content lost with no copy
# kept, main 27,212): any run, no length or share test: 4,411 / 2,407, noCopy 29,632 (an index of
# courses, testimonials, reviews, a blog's own posts); share 0.25: 3,849 / 659, noCopy 27,863 (the
# testimonials); share 0.15: 3,211 / 522; share 0.3 and the machine's cut (spread 0.2): 3,599 / 164,
# noCopy 27,373 (an index page of a paper's teasers that CleanEval's gold keeps); share 0.5: 3,707 /
# 293 (reviews); spread 0.3: as 0.2. Words recall 0.737 -> 0.744, precision 0.939.
EXCERPT_RUN_MIN = 3
EXCERPT_MIN_WORDS = 6
EXCERPT_GAP = 2
EXCERPT_GAP_WORDS = 10
EXCERPT_SPREAD = 0.2
EXCERPT_ARTICLE_SHARE = 0.3
# A word's last character (or a comma, a closing quote or bracket), maybe a space, then "...", "…"
# or either in brackets, then maybe a pointer in brackets of up to three words ("[more]", "(mehr)")
# or pointer marks.
_CUT = re.compile(
    rf"[^\W_][,;:'\"’”)]?\s?(?:\.{{3,}}|…|\[(?:\.{{3}}|…)\]|\((?:\.{{3}}|…)\))"
    rf"\s*(?:[\[(][^\W\d_]+(?:\s[^\W\d_]+){{0,2}}[\])])?\s*[{POINTERS}]*\s*$"
)
_CUT_ENDS = ".…])" + POINTERS
# The pattern's longest match but for an odd pointer: a letter, a quote, "[...]", three words in brackets.
_CUT_TAIL = 64
# What ``_core.line_ends`` reads of the limits above: a candidate ends with one of ``_CUT_ENDS``, has
# ``EXCERPT_MIN_WORDS`` words or more and "..." or "…" in its last ``_CUT_TAIL`` characters.
CUT_CANDIDATES = (_CUT_ENDS, _CUT_TAIL, EXCERPT_MIN_WORDS)
# ``_core.line_ends`` with these limits names no keyword list's candidate (no line has more words).
_NO_KEYWORDS = (0.0, 1 << 62)


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


def cut_excerpts(infos: list[LineInfo], candidates: list[int] | None = None) -> frozenset[int]:
    """Returns the lines that are excerpts cut off by an ellipsis (see ``EXCERPT_MIN_WORDS``).

    Most lines end with a stop: the pattern is searched only in the last ``_CUT_TAIL`` characters
    of a line with an ellipsis there (searched from each letter of a whole prose line, it cost 6 us
    a line: 0.34 s for 56,000 lines of the benchmark corpus a round). The native core names those
    lines (``_core.line_ends``, native/src/walks_py.rs, with :data:`CUT_CANDIDATES`; the Python walk
    was 12% of the samples of marking, py-spy on the 300k-paragraph benchmark corpus, one worker).

    Args:
        infos: the lines' shapes.
        candidates: the lines ``_core.line_ends`` named for ``infos``, when known (``mark`` asks it
            once a document); None: asked here.
    """
    if candidates is None:
        candidates = _core.line_ends(infos, POINTERS, CUT_CANDIDATES, _NO_KEYWORDS)[2]
    return frozenset(k for k in candidates if _CUT.search(infos[k].text[-_CUT_TAIL:]) is not None)


def excerpt_lists(infos: list[LineInfo], flags: list[Verdict | None], excerpts: Collection[int]) -> dict[int, Verdict]:
    """Returns the verdicts of the lines in runs of cut excerpts that are not about the article.

    A run is made of unflagged excerpts with at most ``EXCERPT_GAP`` short unflagged lines (no
    prose, fewer than ``EXCERPT_GAP_WORDS`` words) between two of them; flagged lines neither count
    nor break it, as in :func:`counted_lists`. The run's lines are its excerpts and what stands
    between them; its stems are its excerpts'. The article is the unflagged prose outside every run:
    a page without it keeps its runs.

    Args:
        infos: the shapes of the kept paragraphs, in order.
        flags: the verdicts found so far (None: kept), read only.
        excerpts: the lines of :func:`cut_excerpts`.
    """
    runs: list[list[int]] = []
    current: list[int] = []
    between: list[int] = []
    for k, flag in enumerate(flags):
        if flag is not None:
            continue
        if k in excerpts:
            current.extend(between)
            current.append(k)
            between = []
            continue
        info = infos[k]
        if current and len(between) < EXCERPT_GAP and not info.prose and info.n_words < EXCERPT_GAP_WORDS:
            between.append(k)
            continue
        if sum(j in excerpts for j in current) >= EXCERPT_RUN_MIN:
            runs.append(current)
        current, between = [], []
    if sum(j in excerpts for j in current) >= EXCERPT_RUN_MIN:
        runs.append(current)
    if not runs:
        return {}
    inside = {j for run in runs for j in run}
    outside = sum(info.n_words for j, info in enumerate(infos) if flags[j] is None and info.prose and j not in inside)
    runs = [run for run in runs if sum(infos[j].n_words for j in run) <= EXCERPT_ARTICLE_SHARE * outside]
    runs = [run for run in runs if _machine_cut([len(infos[j].text) for j in run if j in excerpts])]
    return _off_topic_runs(
        infos, flags, runs, "excerpt-list", lambda run: f"cut excerpts ({sum(j in excerpts for j in run)})", excerpts
    )


def _machine_cut(lengths: list[int]) -> bool:
    """True when most excerpts of a run are about as long as one another: cut at a fixed length by a machine.

    ``lengths``: the excerpts' characters. At least ``EXCERPT_RUN_MIN`` of them, and two thirds,
    are within ``EXCERPT_SPREAD`` of the median's length.
    """
    mid = sorted(lengths)[len(lengths) // 2]
    near = sum(abs(n - mid) <= EXCERPT_SPREAD * mid for n in lengths)
    return near >= EXCERPT_RUN_MIN and 3 * near >= 2 * len(lengths)


def _off_topic_runs(
    infos: list[LineInfo],
    flags: list[Verdict | None],
    runs: list[list[int]],
    name: str,
    what: Callable[[list[int]], str],
    judged: Collection[int] | None = None,
) -> dict[int, Verdict]:
    """Returns the verdicts ``boilerplate:position:NAME`` of the lines of the ``runs`` that are not about the article.

    The article is the unflagged prose outside every run; a run is about it when at least
    ``COUNTED_RUN_TOPIC`` of its stems are the article's. ``what(run)`` names the run's lines
    in the verdict's detail; ``judged``: the lines whose stems the test reads (None: all of a run's).
    """
    if not runs:
        return {}
    inside = {j for run in runs for j in run}
    prose = [info for j, info in enumerate(infos) if flags[j] is None and info.prose and j not in inside]
    vocab = article_stems(prose)
    out: dict[int, Verdict] = {}
    for run in runs:
        shared, stems = vocab.shared_lines([infos[j].text for j in run if judged is None or j in judged])
        if shared < COUNTED_RUN_TOPIC * max(1, stems):
            detail = f"run of {len(run)} {what(run)}, {shared} of {stems} stems the article's"
            verdict = Verdict(f"boilerplate:position:{name}", detail=detail)
            out.update((j, verdict) for j in run)
    return out
