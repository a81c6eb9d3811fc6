"""Keyword lists: a line that is nothing but a long list of short terms separated by commas.

A site's tag cloud, its search keywords or an SEO block ("solar, panels, inverter, battery,
grid, tariff, ...") is written as one line of terms without a verb: at least
``KEYWORD_MIN_ITEMS`` items, each with a letter and at most ``KEYWORD_ITEM_WORDS`` words, about
no function word (``KEYWORD_MAX_STOPWORDS``), no sentence end and no ":". Such a line over 30
words counts as prose (``PROSE_ANY_WORDS``) and so stretched the article's body down to the
site's footer; it goes as ``boilerplate:pattern:keyword-list``. An article's own enumerations
stay: a sentence that lists ends like one or holds function words ("Lisbon, Porto, Faro and
Braga"), and a field with its list ("Cast: ...", "Ingredients: ...") holds ":".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nettoyeur import _core
from nettoyeur.boilerplate.line_shapes import LineInfo
from nettoyeur.records import Verdict

# At least this many items; each holds a letter and at most KEYWORD_ITEM_WORDS words (a tag
# is a name: "BlackBerry PlayBook", "Games & Fun"). On eval-pages-dev: 1,297 words of chrome
# (tag and keyword lines under an article) and 6 of content (a genealogy's line of place names
# and source numbers); at 6 items, 1,339 and 41 (a sentence cut at a line break); the
# function-word limit keeps "Lisbon, Porto, Faro and Braga" and a sentence split on commas.
KEYWORD_MIN_ITEMS = 8
KEYWORD_ITEM_WORDS = 3
# At most this share of function words: none in a list of eight terms or more, one in twenty.
KEYWORD_MAX_STOPWORDS = 0.05
# The comma of Latin scripts, the full-width comma and the ideographic enumeration comma.
_ITEM_SEPARATOR = re.compile("[,\uff0c\u3001]")
_LETTER = re.compile(r"[^\W\d_]")
KEYWORD_LIST = "boilerplate:pattern:keyword-list"
# What ``_core.line_ends`` reads to name the candidates of :func:`keyword_lists`.
KEYWORD_CANDIDATES = (KEYWORD_MAX_STOPWORDS, KEYWORD_MIN_ITEMS)
# ``_core.line_ends`` with these limits names no cut excerpt (no line ends with nothing).
_NO_CUTS = ("", 0, 0)


def keyword_list(info: LineInfo) -> int:
    """Returns how many terms the line lists when it is a keyword list (see the module), else 0."""
    if info.n_words < KEYWORD_MIN_ITEMS or info.sentence or info.stop_share > KEYWORD_MAX_STOPWORDS:
        return 0
    text = info.text
    if ":" in text or len(_ITEM_SEPARATOR.findall(text)) < KEYWORD_MIN_ITEMS - 1:
        return 0
    items = [item for item in _ITEM_SEPARATOR.split(text) if item.strip()]
    for item in items:
        if not _LETTER.search(item) or len(item.split()) > KEYWORD_ITEM_WORDS:
            return 0
    return len(items) if len(items) >= KEYWORD_MIN_ITEMS else 0


def keyword_lists(
    lines: Sequence[tuple[LineInfo, object]], flags: Sequence[Verdict | None], candidates: list[int] | None = None
) -> dict[int, Verdict]:
    """Returns the verdicts of the keyword lists among the lines ``flags`` leaves unflagged.

    Args:
        lines: each line's shape with its rule (``mark.shapes``); the rule is not read.
        flags: the verdicts found so far (None: kept), read only.
        candidates: the lines of at most ``KEYWORD_MAX_STOPWORDS`` function words and
            ``KEYWORD_MIN_ITEMS`` words or more, increasing, when known (``mark`` has the native
            core name them once a document, ``_core.line_ends`` with :data:`KEYWORD_CANDIDATES`);
            None: named here, by the same call.

    The function-word share rules out the prose, most lines of a corpus, at once: only the
    candidates are read (the Python walk over every line was 3% of the samples of marking, py-spy
    on the 300k-paragraph benchmark corpus, one worker).
    """
    if candidates is None:
        infos = [info for info, _ in lines]
        candidates = _core.line_ends(infos, "", _NO_CUTS, KEYWORD_CANDIDATES)[3]
    found: dict[int, Verdict] = {}
    for k in candidates:
        if flags[k] is None:
            items = keyword_list(lines[k][0])
            if items:
                found[k] = Verdict(KEYWORD_LIST, detail=f"list of {items} terms")
    return found
