"""The plain Python of the content guards' walk that the native core replaced (native/src/guards.rs).

:func:`spared` is :func:`nettoyeur.boilerplate.content_guards.spared` as it was before the core
walked the lines: the oracle of the property tests (tests/boilerplate/test_content_guards.py).
The formulas of a letter are the module's patterns as Python wrote them (``_opening``, with its
lookahead), the oracle of the core's (``_core.Formulas``, native/src/formulas.rs); and
:func:`salutation` and :func:`closing_formula` are the shapes the letter's end read through them
(``ArticleSignals.letter_end``, native/src/article_py.rs).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nettoyeur.boilerplate.content_guards import (
    CLOSING_WORDS,
    CLOSINGS,
    ENTRY_MIN,
    ENTRY_WORDS,
    FIELD_LABEL_WORDS,
    SALUTATION_WORDS,
    SALUTATIONS,
    SIGNATURE_LINES,
    SIGNATURE_WORDS,
)
from nettoyeur.boilerplate.line_shapes import LineInfo
from nettoyeur.records import Verdict

_HEADLINE_RUN = "boilerplate:position:headline-run"


def _opening(phrases: Sequence[str]) -> re.Pattern[str]:
    """Returns a pattern for a line that opens with one of ``phrases`` (longest first), then no letter."""
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"[\W_]*(?:{alternatives})(?![^\W\d_])", re.IGNORECASE)


_SALUTATION = _opening(SALUTATIONS)
_CLOSING = _opening(CLOSINGS)


def closing_formula(info: LineInfo) -> bool:
    """True for a letter's closing: ``CLOSING_WORDS`` words at most, a ``CLOSINGS`` formula first, no sentence's end."""
    return info.n_words <= CLOSING_WORDS and not info.sentence and _CLOSING.match(info.text) is not None


def salutation(info: LineInfo) -> bool:
    """True for a line shaped as a letter's salutation: a salutation formula and a few words ("Dear Ms Okafor,").

    It may end with "!" (the German and Russian custom: "Liebe Anna!").
    """
    return info.n_words <= SALUTATION_WORDS and _SALUTATION.match(info.text) is not None


def closing(info: LineInfo) -> bool:
    """True for a letter's closing: a closing formula, or a few words ending with "," ("Sincerely,")."""
    if info.n_words > CLOSING_WORDS:
        return False
    return info.text.endswith(",") or _CLOSING.match(info.text) is not None


def _entry_shaped(text: str) -> bool:
    """True unless the line is an aside in brackets (a photo credit, "[reply]") or a bar of separated links."""
    return not text.startswith(("(", "[")) and "|" not in text


def _lone(infos: Sequence[LineInfo], kept: Sequence[bool], k: int) -> bool:
    """True for a short line (not prose, ``ENTRY_WORDS`` words at most, :func:`_entry_shaped`) between kept prose."""
    return (
        0 < k < len(infos) - 1
        and not infos[k].prose
        and infos[k].n_words <= ENTRY_WORDS
        and kept[k - 1]
        and kept[k + 1]
        and infos[k - 1].prose
        and infos[k + 1].prose
        and _entry_shaped(infos[k].text)
    )


def entry_lines(infos: Sequence[LineInfo], kept: Sequence[bool]) -> list[int]:
    """Returns the lone short lines between two kept paragraphs, when the page holds at least ``ENTRY_MIN`` of them.

    ``kept``: whether each line is kept so far.
    """
    lone = [k for k in range(1, len(infos) - 1) if _lone(infos, kept, k)]
    return lone if len(lone) >= ENTRY_MIN else []


def _opens_letter(infos: Sequence[LineInfo], kept: Sequence[bool], k: int) -> bool:
    """True when the kept line under ``k`` is prose, or a short line (a subject, "I have news.") over kept prose."""
    below = [j for j in (k + 1, k + 2) if j < len(infos)]
    if not below or not kept[below[0]]:
        return False
    return infos[below[0]].prose or (len(below) == 2 and kept[below[1]] and infos[below[1]].prose)


def _closes_letter(infos: Sequence[LineInfo], kept: Sequence[bool], fixed: Sequence[bool], k: int) -> bool:
    """True for a closing (:func:`closing`) under kept prose: ``k`` is not prose and no other signal flagged it."""
    return 0 < k and not fixed[k] and not infos[k].prose and kept[k - 1] and infos[k - 1].prose and closing(infos[k])


def _letter_line(infos: Sequence[LineInfo], kept: Sequence[bool], fixed: Sequence[bool], k: int) -> bool:
    """True for a salutation over kept prose, a closing under it, or a line of the signature under such a closing.

    The signature is the ``SIGNATURE_LINES`` lines under the closing at most, each short (at most
    ``SIGNATURE_WORDS`` words), not prose, flagged by no other signal.
    """
    if _opens(infos, kept, k) or _closes_letter(infos, kept, fixed, k):
        return True
    for j in range(k, max(k - SIGNATURE_LINES, 0), -1):  # k and the lines above it, up to the closing
        if fixed[j] or infos[j].prose or infos[j].n_words > SIGNATURE_WORDS:
            return False
        if _closes_letter(infos, kept, fixed, j - 1) and not _opens(infos, kept, j - 1):
            return True
    return False


def _opens(infos: Sequence[LineInfo], kept: Sequence[bool], k: int) -> bool:
    """True for a salutation (:func:`salutation`) that opens a letter (:func:`_opens_letter`)."""
    return salutation(infos[k]) and _opens_letter(infos, kept, k)


def _field_value(infos: Sequence[LineInfo], kept: Sequence[bool], k: int) -> bool:
    """True for a line between a kept field label ("Location:", ``FIELD_LABEL_WORDS`` words at most) and a kept line."""
    return (
        0 < k < len(infos) - 1
        and not infos[k].prose
        and kept[k - 1]
        and kept[k + 1]
        and infos[k - 1].text.endswith(":")
        and infos[k - 1].n_words <= FIELD_LABEL_WORDS
    )


def spared(infos: Sequence[LineInfo], flags: Sequence[Verdict | None], signalled: Sequence[bool]) -> set[int]:
    """Returns the lines the position signal flagged that are content by their structure (see the module).

    Only the lines the position signal flagged are asked about (most pages have few).

    Args:
        infos: the shapes of the page's kept lines.
        flags: their verdicts once the position signal has run.
        signalled: whether each was flagged before the position signal (by another signal: those stay).
    """
    # A run of headlines (``position:headline-run``, found before the body is) is position evidence
    # too: the closing and the signature of a letter, four short lines without function words,
    # read as one.
    asked = [
        k
        for k, (flag, s) in enumerate(zip(flags, signalled))
        if flag is not None and (not s or flag.reason == _HEADLINE_RUN)
    ]
    if not asked:
        return set()
    fixed = [s and (flag is None or flag.reason != _HEADLINE_RUN) for s, flag in zip(signalled, flags)]
    kept = [flag is None for flag in flags]
    found = {k for k in asked if _letter_line(infos, kept, fixed, k) or _field_value(infos, kept, k)}
    if any(_lone(infos, kept, k) for k in asked):
        found.update(k for k in entry_lines(infos, kept) if k in asked)
    return found
