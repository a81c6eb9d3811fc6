r"""Whether a line holds a date (:data:`~nettoyeur.boilerplate.rules.DATE_SEARCH`), the native core asked first.

The date mask reads the months and weekdays of some 30 languages (some 400 month words, 130
weekday words): Python's engine tries them at every word of a line, and a search cost ~176 us a
line on the 31,856 distinct lines with digits of 3,000 documents of the benchmark corpus (93 us
before the 24 languages of this round). The core answers first with the mask's translation
(:func:`nettoyeur.boilerplate.rule_regex.core_regex`, cached on disk like the rules':
:mod:`nettoyeur.boilerplate.rule_cache`) on its lazy DFA, 2.8 us a line: that translation matches
a superset of the lines Python's search finds a date in, so a line it refuses holds no date, and
Python searches only the others (1,545 of those 31,856 lines; 1,343 hold a date). The answers are
Python's.

The search is asked as a whole-line match, ``(?s:.*)(?<!\w)(?:‹date›)(?s:.*)``: it matches a
line exactly when ``DATE_SEARCH`` finds a date in it (the lookbehind and the mask's lookaheads
read the same characters either way).
"""

from __future__ import annotations

from nettoyeur import _core
from nettoyeur.boilerplate.rule_cache import translate
from nettoyeur.boilerplate.rule_regex import Untranslatable
from nettoyeur.boilerplate.rules import DATE_SEARCH, MASKS

# DATE_SEARCH as a whole-line match, for the core (translated, never compiled by Python).
DATE_LINE = r"(?s:.*)(?<!\w)(?:" + MASKS["‹date›"] + r")(?s:.*)"
# The core's word limit for the one rule: every line is asked.
_NO_LIMIT = 1 << 62

# The process's core matcher: None until first use, False when this Python cannot translate.
_core_date: _core.RuleSet | bool | None = None


def _matcher() -> _core.RuleSet | bool:
    """Returns the core's matcher of ``DATE_LINE`` (made on first use), or False (Python alone)."""
    global _core_date
    if _core_date is None:
        try:
            lower, patterns = translate([(DATE_LINE, DATE_SEARCH.flags)])
        except Untranslatable:
            _core_date = False
        else:
            _core_date = _core.RuleSet(patterns, [_NO_LIMIT], [[]], *lower)
    return _core_date


def holds_date(text: str) -> bool:
    """Returns ``DATE_SEARCH.search(text) is not None``: True when the line holds a date."""
    core = _matcher()
    if core is not False and not core.candidates([text], [0]):  # type: ignore[union-attr]
        return False
    return DATE_SEARCH.search(text) is not None


__all__ = ["DATE_LINE", "holds_date"]
