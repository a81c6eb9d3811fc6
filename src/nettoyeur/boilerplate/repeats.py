"""Controls a page repeats under every entry: "reply to this comment", "Login or register to post comments".

A page of many entries (a comment thread, a forum topic, a list of offers) prints the same
controls under each one: answer, quote, report, log in to comment, see the picture. The same
short phrase, word for word, recurs many times in one page, whatever its language. An
article repeats a phrase that often only in a refrain, and then seldom so many times; the
names, figures and field labels a listing repeats ("Posted by", "Job type: Full time",
"2 comments") are data or headers that the gold of some sets keeps, so a repeated control is
a phrase of a few words, a verb or a function word after its first word (lower case), no
figure, no colon and no sentence end.
"""

from __future__ import annotations

import re
from collections import Counter

from nettoyeur import _core
from nettoyeur.boilerplate.line_shapes import LineInfo
from nettoyeur.records import Verdict

__all__ = ["CONTROL_REPEATS", "repeated_controls"]

# A phrase of CONTROL_MIN_WORDS to CONTROL_MAX_WORDS words that recurs, word for word (case
# folded), at least CONTROL_REPEATS times in the page: a control under each of that many entries.
# Measured on eval-pages-dev (dev figures, chrome words caught / gold content words lost with no
# copy kept, after the counted lists): 10 times: +1,810 / +260 (a job board's "View & apply", a
# form's "Self explanatory", which its gold keeps); 15: +1,665 / +94; 20: +1,570 / +62; 21:
# +1,570 / +2. The verdicts are given after the signals that read the article, which would
# take a control's lines as chrome beside their neighbours: given before them, 10 times cost
# +1,127 words (the names and prices between the controls went as inline blocks).
CONTROL_REPEATS = 20
CONTROL_MIN_WORDS = 2
CONTROL_MAX_WORDS = 8
_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")


def _control_shaped(info: LineInfo) -> bool:
    """True for a short phrase with a lower-case word after its first, and no figure, colon or sentence end."""
    if not CONTROL_MIN_WORDS <= info.n_words <= CONTROL_MAX_WORDS or info.sentence:
        return False
    text = info.text
    if ":" in text or _DIGIT.search(text):
        return False
    return any(word[:1].islower() for word in _WORD.findall(text)[1:])


def repeated_controls(infos: list[LineInfo], flags: list[Verdict | None]) -> dict[int, Verdict]:
    """Returns the verdicts of the unflagged lines that are a control the page repeats (see ``CONTROL_REPEATS``).

    Every line of the page counts, flagged or not (a copy another signal removed was printed
    all the same); only the unflagged copies get a verdict.

    Args:
        infos: the shapes of the kept paragraphs, in order.
        flags: the verdicts found so far (None: kept), read only.
    """
    if len(infos) < CONTROL_REPEATS:
        return {}
    # Count first, test the shape of the few phrases that recur often enough (most pages have none). A
    # page with fewer phrases than one control's copies has none: the core names the phrases
    # (``_core.phrase_lines``, native/src/walks_py.rs; the plain loop is the tests' oracle,
    # tests/repeats_reference.py), only theirs are case folded. On the benchmark corpus (300,000
    # paragraphs, one worker) the case folding of every line of words enough in Python, in each round,
    # was 0.065 s of marking's 2.1 s under cProfile.
    phrases = _core.phrase_lines(infos, CONTROL_MIN_WORDS, CONTROL_MAX_WORDS)
    if len(phrases) < CONTROL_REPEATS:
        return {}
    keys = {k: infos[k].text.casefold() for k in phrases}
    counts = Counter(keys.values())
    often = {key for key, n in counts.items() if n >= CONTROL_REPEATS}
    if not often:
        return {}
    out: dict[int, Verdict] = {}
    for k, key in keys.items():
        if key in often and flags[k] is None and _control_shaped(infos[k]):
            out[k] = Verdict("boilerplate:position:repeated-control", detail=f"{counts[key]} times in the page")
    return out
