"""The page's last block, cut off from the article by chrome: the site's footer blurb, its sidebar.

Under an article, pages print a block of their own below the share bar and the menus: what
the site is ("The Courier is the county's paper since 1884 ..."), a notice of its terms, an
advertisement, the teasers of other pages. Its sentences are prose, so the article's body ran
down to it and the short lines between (the menus that no rule read) stayed inside the body.
The blocks apart from the article (``position:outlying-block``, :mod:`nettoyeur.boilerplate.mark`)
are cut where ``OUTLYING_GAP`` flagged lines follow one another anywhere on the page; at the
page's end a shorter cut will do, as nothing of the article comes after the footer's chrome: the
last block, cut off by ``TAIL_GAP`` flagged lines in a row, goes when it has less than
``TAIL_SHARE`` of the prose words above it and fewer than ``TAIL_TOPIC`` of its stems are the
article's (``boilerplate:position:outlying-tail``).

A page of entries (a forum topic, a blog's dated posts) prints the same chrome between each
entry and the next ("Back to top", "Posted by ... | Comments (3)"): its last entry is cut off
by such a separator and may be about something else. The block stays when a line of the cut,
digits masked, also stands above it; and when a line of the cut is the comments rule's
("Leave a reply"), the block is the comment thread, which stays unless asked otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence

from nettoyeur.boilerplate.line_shapes import LineInfo, article_stems, shapes_core
from nettoyeur.records import Verdict

__all__ = ["OUTLYING_TAIL", "TAIL_GAP", "tail_block"]

# The last block is cut off by this many flagged lines in a row (the blocks elsewhere: 5, see
# ``mark.OUTLYING_GAP``), has less than TAIL_SHARE of the prose words above it, and fewer than
# TAIL_TOPIC of its stems in the article (``mark.OUTLYING_SHARE`` and ``mark.OUTLYING_TOPIC``).
# Measured on eval-pages-dev (over the keyword lists; chrome words removed more / content words
# lost with no copy kept more): 3 / 0.2 / 0.5, +2,911 / +443 (chrome recall by words 0.746 ->
# 0.752; the content: sidebars and "about the author" blocks that the gold of a few pages keeps);
# a cut of 2 lines, about +3,800 / +713 (0.754); 4, about +1,500 / +154 (0.749); a share of 0.3,
# about +4,400 / +1,395 (0.755); a topic of 0.4 or 0.6 changes a few words either way. eval-dev:
# chrome recall 0.916 -> 0.917, no content line lost more (see TAIL_MIN_LINES); the held-out
# pages of issue 13 unchanged.
TAIL_GAP = 3
TAIL_SHARE = 0.2
TAIL_TOPIC = 0.5
# ... and holds at least this many unflagged lines: a paragraph alone under a paywall's or a
# newsletter's call is the article's last ("Pour lire la suite" / "Opinion" / the paragraph),
# whatever its words (eval-dev's only loss to this signal; 119 chrome words on eval-pages-dev).
TAIL_MIN_LINES = 2
OUTLYING_TAIL = "boilerplate:position:outlying-tail"
# The two guards of a page of entries keep comments, which stay by default (a product decision):
# without the separator's test, eval-pages-dev removes +1,420 chrome words more for +170 content
# words, and 360 words more of the comments its scorer leaves out; without the comments rule's
# test, +415 / +148, and 850 words more of comments.
COMMENTS = "boilerplate:pattern:comments"


def _last_block(flags: Sequence[Verdict | None]) -> tuple[int, int, int] | None:
    """Returns ``(cut, start, end)`` of the last block: its cut's first line, its first and last unflagged lines."""
    if len(flags) - flags.count(None) < TAIL_GAP:
        return None  # most rounds of the fixed point flag nothing: counted in C, not walked
    end = len(flags) - 1
    while end >= 0 and flags[end] is not None:
        end -= 1
    start = end
    k = end - 1
    while k >= 0:
        if flags[k] is None:
            start = k
            k -= 1
            continue
        cut = k
        while cut > 0 and flags[cut - 1] is not None:
            cut -= 1
        if k - cut + 1 >= TAIL_GAP:
            return (cut, start, end) if cut > 0 else None
        k = cut - 1
    return None


def tail_block(infos: Sequence[LineInfo], flags: Sequence[Verdict | None]) -> dict[int, Verdict]:
    """Returns the verdicts of the unflagged lines of the page's last block when it stands apart (see the module).

    Args:
        infos: the shapes of the kept paragraphs, in order.
        flags: the verdicts found so far (None: kept), read only.
    """
    found = _last_block(flags)
    if found is None:
        return {}
    cut, start, end = found
    block = [k for k in range(start, end + 1) if flags[k] is None]
    if len(block) < TAIL_MIN_LINES:
        return {}
    above = [infos[k] for k in range(cut) if flags[k] is None and infos[k].prose]
    main_words = sum(info.n_words for info in above)
    block_words = sum(infos[k].n_words for k in block if infos[k].prose)
    if not main_words or block_words >= TAIL_SHARE * main_words:
        return {}
    gap = range(cut, start)
    if any(flags[k] is not None and flags[k].reason == COMMENTS for k in gap):
        return {}
    keys = shapes_core().frequency_keys([info.text for info in infos[:start]])
    if set(keys[cut:start]) & set(keys[:cut]):
        return {}
    shared, stems = article_stems(above).shared_lines([infos[k].text for k in block])
    if shared >= TAIL_TOPIC * max(1, stems):
        return {}
    verdict = Verdict(OUTLYING_TAIL, detail=f"last block, {shared} of {stems} stems the article's")
    return dict.fromkeys(block, verdict)
