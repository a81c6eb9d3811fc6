"""Marking's date search as Python searched it (the oracle of the core's ``DateSearch``).

``rules.date_search()`` searches ``rules.DATE_SEARCH_SOURCE`` in the native core (native/src/dates.rs,
translated exactly by ``rule_regex.search_regex``); this is the Python pattern itself, searched by
``re``: tests/boilerplate/test_date_search.py asserts both answer alike on every line.
"""

from __future__ import annotations

import re

from nettoyeur.boilerplate.rules import DATE_SEARCH_FLAGS, DATE_SEARCH_SOURCE

DATE_SEARCH = re.compile(DATE_SEARCH_SOURCE, DATE_SEARCH_FLAGS)


def has_date(text: str) -> bool:
    """True when ``text`` holds a date: ``DATE_SEARCH`` finds one in it."""
    return DATE_SEARCH.search(text) is not None
