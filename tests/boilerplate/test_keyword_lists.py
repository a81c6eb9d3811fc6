"""The keyword lists (nettoyeur.boilerplate.keyword_lists): a line of short terms separated by commas."""

from __future__ import annotations

import pytest

from nettoyeur.boilerplate.keyword_lists import KEYWORD_LIST, KEYWORD_MIN_ITEMS, keyword_list, keyword_lists
from nettoyeur.boilerplate.line_shapes import describe
from nettoyeur.records import Verdict

TAGS = "hiking, trail running, camping, tents, maps, compass, boots, rain jackets, water filters, first aid"


def test_a_line_of_short_terms_is_a_keyword_list_of_its_items():
    assert keyword_list(describe(TAGS)) == 10


@pytest.mark.parametrize(
    "text",
    [
        "hiking, trail running, camping, tents, maps, compass, boots, rain jackets, water filters and first aid",
        "Gear: hiking, trail running, camping, tents, maps, compass, boots, rain jackets, water filters",
        "hiking, trail running, camping, tents, maps, compass, boots, rain jackets, water filters, first aid.",
        "hiking, trail running, camping, tents, maps, compass, boots, waterproof breathable rain jackets, filters",
        "hiking, camping, tents, maps, compass, boots, first aid",
        "1, 2, 3, 4, 5, 6, 7, 8, 9, 10",
    ],
    ids=["function word", "field", "sentence end", "long item", "too few items", "figures"],
)
def test_an_enumeration_of_an_article_is_not_a_keyword_list(text):
    assert keyword_list(describe(text)) == 0


def test_the_signal_names_unflagged_lists_only():
    infos = [describe(TAGS), describe("The trail climbs for six hours before it reaches the hut."), describe(TAGS)]
    found = keyword_lists([(info, None) for info in infos], [None, None, Verdict("boilerplate:pattern:nav")])
    assert list(found) == [0]
    assert found[0].reason == KEYWORD_LIST and found[0].detail == "list of 10 terms"
    assert KEYWORD_MIN_ITEMS <= 10
