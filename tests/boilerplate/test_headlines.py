"""Runs of headlines beside chrome (``boilerplate:position:headline-run``): the laws of the signal.

The golden documents of tests/data/boilerplate_cases.json (``en-headline-run-*``) show it in
context; these tests hold for any page.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import golden_documents
import headlines_reference
from nettoyeur import _core
from nettoyeur.boilerplate import headlines
from nettoyeur.boilerplate.headlines import (
    HEADLINE_MAX_STOPWORDS,
    HEADLINE_MAX_WORDS,
    HEADLINE_MIN_WORDS,
    HEADLINE_RUN_MIN,
    LOOSE_MAX_STOPWORDS,
    LOOSE_MAX_WORDS,
    headline_runs,
)
from nettoyeur.boilerplate.line_shapes import describe
from nettoyeur.boilerplate.mark import line_marks, mark
from nettoyeur.boilerplate.rules import builtin_rules
from nettoyeur.records import Verdict

# Lines written for this test: article prose, headlines of other pages, a heading of the
# article, sentences and figures.
POOL = [
    "The harbour town of Westmere rebuilt its wooden pier this spring, and the fishing boats are back at the quay.",
    "Work on the pier took eleven months, because most of the oak piles under the deck had rotted.",
    "Council Votes on the New Library Budget",
    "Heavy Rain Expected for the Weekend Festival",
    "Two Schools Merge in the Autumn",
    "Farewell Concert for the Old Bandstand",
    "Divers Inspect the Rotten Oak Piles",
    "Why We Still Cannot Agree on Where the New Bus Station Should Go",
    "The boats came back.",
    "Winter Year 1",
    "Tickets 12 / doors open at 8pm",
    "7:42.5",
    "Home",
]
INFOS = [describe(text) for text in POOL]
CHROME = Verdict("boilerplate:pattern:share", detail="test")
RULES = builtin_rules()


def _marks(infos) -> list[int]:
    return line_marks([info.text for info in infos])


def _headline(info) -> bool:
    """The shape of a headline, as the module defines it (its limits)."""
    return (
        HEADLINE_MIN_WORDS <= info.n_words <= HEADLINE_MAX_WORDS
        and not info.sentence
        and info.stop_share <= HEADLINE_MAX_STOPWORDS
        and not info.text.endswith(":")
        and any(c.isalpha() for c in info.text)
    )


def _title(info) -> bool:
    """A headline or a looser title (``LOOSE_MAX_WORDS``, ``LOOSE_MAX_STOPWORDS``)."""
    return _headline(info) or (
        HEADLINE_MIN_WORDS <= info.n_words <= LOOSE_MAX_WORDS
        and not info.sentence
        and info.stop_share <= LOOSE_MAX_STOPWORDS
        and not info.text.endswith(":")
        and any(c.isalpha() for c in info.text)
    )


pages = st.lists(
    st.tuples(st.integers(0, len(POOL) - 1), st.booleans()),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(pages)
def test_only_unflagged_headlines_in_long_runs_beside_chrome_are_flagged(page):
    infos = [INFOS[i] for i, _ in page]
    flags = [CHROME if flagged else None for _, flagged in page]
    before = list(flags)
    found = headline_runs(infos, flags, _marks(infos))
    assert flags == before  # read only
    for k, verdict in found.items():
        assert verdict.reason == "boilerplate:position:headline-run"
        assert flags[k] is None
        # k stands in a run of unflagged headlines and looser titles, at least HEADLINE_RUN_MIN of them headlines.
        start, end = k, k + 1
        while start > 0 and flags[start - 1] is None and _title(infos[start - 1]):
            start -= 1
        while end < len(infos) and flags[end] is None and _title(infos[end]):
            end += 1
        assert sum(map(_headline, infos[start:end])) >= HEADLINE_RUN_MIN


@settings(max_examples=300, deadline=None)
@given(pages)
def test_nothing_is_flagged_without_chrome_or_an_edge_beside_the_run(page):
    # The same page framed by article prose on both sides, nothing flagged: no run has
    # chrome beside it, and no run touches an edge.
    prose = INFOS[0]
    infos = [prose] + [INFOS[i] for i, _ in page] + [prose]
    assert headline_runs(infos, [None] * len(infos), _marks(infos)) == {}


def test_a_run_shorter_than_the_minimum_stays():
    infos = [INFOS[0], INFOS[1]] + [INFOS[2 + j] for j in range(HEADLINE_RUN_MIN - 1)] + [INFOS[0]]
    flags = [None, CHROME] + [None] * (HEADLINE_RUN_MIN - 1) + [None]
    assert headline_runs(infos, flags, _marks(infos)) == {}
    # (Prose enough above it: a run with more words than the article is the page's content.)
    longer = [INFOS[1], INFOS[0], INFOS[1]] + [INFOS[2 + j % 4] for j in range(HEADLINE_RUN_MIN)] + [INFOS[0]]
    flags = [None, None, CHROME] + [None] * HEADLINE_RUN_MIN + [CHROME]
    assert set(headline_runs(longer, flags, _marks(longer))) == set(range(3, 3 + HEADLINE_RUN_MIN))


def test_a_looser_title_stands_in_a_run_without_counting_towards_its_length():
    title = describe(POOL[7])
    assert not _headline(title) and _title(title)  # more function words than a headline has
    heads = [INFOS[2 + j] for j in range(HEADLINE_RUN_MIN)]
    infos = [INFOS[1], INFOS[0], INFOS[1], INFOS[-1], heads[0], title, *heads[1:], INFOS[-1]]
    flags = [None, None, None, CHROME] + [None] * (HEADLINE_RUN_MIN + 1) + [CHROME]
    assert set(headline_runs(infos, flags, _marks(infos))) == set(range(4, 5 + HEADLINE_RUN_MIN))
    # Too few headlines with it: the run stays.
    infos = [INFOS[0], INFOS[1], INFOS[-1], *heads[:-1], title, INFOS[-1]]
    flags = [None, None, CHROME] + [None] * HEADLINE_RUN_MIN + [CHROME]
    assert headline_runs(infos, flags, _marks(infos)) == {}


def test_a_run_with_a_recurring_line_stays():
    heads = [INFOS[2 + j] for j in range(HEADLINE_RUN_MIN)]
    infos = [INFOS[0], INFOS[1], INFOS[-1], *heads, heads[0], INFOS[-1]]
    flags = [None, None, CHROME] + [None] * (HEADLINE_RUN_MIN + 1) + [CHROME]
    assert headline_runs(infos, flags, _marks(infos)) == {}


def test_a_line_listed_twice_as_a_link_keeps_no_run():
    heads = [INFOS[2 + j] for j in range(HEADLINE_RUN_MIN)]
    label = describe("Read the Full Story")
    home = INFOS[-1]
    prose = [INFOS[0], INFOS[1]]
    for run in (
        [*heads, heads[-1]],  # a copy right beside its line
        [*heads, home, heads[-2], heads[-1]],  # two lines that recur together (home is flagged: not in the run)
        [heads[0], label, heads[1], label, heads[2], label, heads[3]],  # a label under each teaser
    ):
        run = [describe(info.text) for info in run]
        infos = [*prose, home, *run, home]
        flags = [None, None, CHROME] + [CHROME if info is home else None for info in run] + [CHROME]
        found = headline_runs(infos, flags, _marks(infos))
        assert found, [info.text for info in run]
    # A field recurring among records (not beside its copy, not with the same neighbour, not at every other line).
    run = [heads[0], label, heads[1], heads[2], label, heads[3]]
    infos = [*prose, home, *run, home]
    flags = [None, None, CHROME] + [None] * len(run) + [CHROME]
    assert headline_runs(infos, flags, _marks(infos)) == {}


def test_figures_inside_titles_below_the_article_make_no_table():
    rows = ["Lecturer, Town College, 1989-1990", "Visiting Tutor, Hill School, 2001", "Reader, Poetry Society (2004)"]
    titles = ["Top 10 Walks on the Coast", "3 Ways to Mend a Net", "Five Boats for Under 500 Pounds"]
    assert headlines._table(rows, below=True) and headlines._table(rows, below=False)
    assert not headlines._table(titles, below=True) and headlines._table(titles, below=False)
    assert not headlines._table(["Council Votes on the Budget", "Two Schools Merge"], below=False)


def test_a_title_about_the_article_stays_only_at_the_end_facing_it():
    vocab = headlines.article_stems([INFOS[0], INFOS[1]])
    about, other = INFOS[6], INFOS[2]  # "Divers Inspect the Rotten Oak Piles" is about the article
    infos = [INFOS[-1], about, other, other, about, INFOS[0], INFOS[1]]
    flags = [CHROME] + [None] * 6
    body = (5, 7)
    # Above the body: its last line (the title over the article) stays; its first stays only as
    # the page's first line kept (nothing kept above it), and goes below a kept line.
    assert headlines._edges(vocab, infos, flags, (1, 5), body) == (2, 4)
    infos[0], flags[0] = INFOS[1], None
    assert headlines._edges(vocab, infos, flags, (1, 5), body) == (1, 4)
    # Below the body: its first line stays, its last goes.
    assert headlines._edges(vocab, infos, flags, (1, 5), (0, 1)) == (2, 5)


def test_a_run_with_more_words_than_the_article_stays():
    heads = [INFOS[2 + j % 4] for j in range(HEADLINE_RUN_MIN)]
    words = sum(info.n_words for info in heads)
    assert INFOS[1].n_words < words < INFOS[0].n_words + INFOS[1].n_words
    infos = [INFOS[1], INFOS[-1], *heads, INFOS[-1]]  # one short paragraph of prose
    flags = [None, CHROME] + [None] * HEADLINE_RUN_MIN + [CHROME]
    assert headline_runs(infos, flags, _marks(infos)) == {}
    infos = [INFOS[0], INFOS[1], INFOS[-1], *heads, INFOS[-1]]
    flags = [None, None, CHROME] + [None] * HEADLINE_RUN_MIN + [CHROME]
    assert set(headline_runs(infos, flags, _marks(infos))) == set(range(3, 3 + HEADLINE_RUN_MIN))


def test_a_run_about_the_article_stays():
    home = INFOS[-1]
    infos = [INFOS[0], INFOS[1], home, INFOS[6], INFOS[6], INFOS[6], INFOS[6], home]
    flags = [None, None, CHROME, None, None, None, None, CHROME]
    # "Divers Inspect the Rotten Oak Piles": two of its stems are in the article ("piles", "oak").
    assert headline_runs(infos, flags, _marks(infos)) == {}


# Shapes drawn apart from the texts (the walk reads both): word counts about the limits, function-word
# shares about HEADLINE_MAX_STOPWORDS, sentence ends, texts with and without a letter or a final ":".
_HEAD_TEXTS = st.sampled_from(POOL + ["Contact:", "12 / 40", "", "Élections régionales", "日本語のニュース"])
_head_line = st.tuples(
    st.builds(
        lambda text, n_words, share, prose, sentence: describe(text)._replace(
            n_words=n_words, stop_share=share, prose=prose, sentence=sentence
        ),
        _HEAD_TEXTS,
        st.sampled_from([0, 1, 2, 3, 8, 15, 16, 24, 25, 40]),
        st.sampled_from([0.0, 0.2, 0.35, 0.36, 0.5, 0.51, 0.6, float("nan")]),
        st.booleans(),
        st.booleans(),
    ),
    st.sampled_from([None, None, None, CHROME]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_head_line, max_size=20) | pages.map(lambda page: [(INFOS[i], CHROME if f else None) for i, f in page]))
def test_core_candidate_runs_are_the_plain_walk(page):
    """Law: the core finds the runs the plain Python walk finds, on random pages of shapes and flags."""
    infos = [info for info, _ in page]
    flags = [flag for _, flag in page]
    got = _core.headline_candidates(infos, flags, _marks(infos), headlines._LIMITS)
    assert got == headlines_reference.candidate_runs(infos, flags)


def test_headline_candidates_refuse_lists_of_other_lengths():
    with pytest.raises(ValueError, match="length"):
        _core.headline_candidates(INFOS[:2], [None], _marks(INFOS[:2]), headlines._LIMITS)


_GOLDEN = [
    [line["text"] for line in d["lines"]]
    for name in ("boilerplate_cases", "content_guards_cases", "structure_cases")
    for d in json.loads((Path(__file__).parents[1] / "data" / f"{name}.json").read_text(encoding="utf-8"))["documents"]
]


@pytest.mark.parametrize("lines", _GOLDEN, ids=range(len(_GOLDEN)))
def test_golden_documents_get_the_runs_the_plain_walk_finds(lines, monkeypatch):
    """Every golden document gets the same verdicts from the core's runs as from the plain walk's."""
    doc = golden_documents.document(lines)
    mark(doc, RULES, None, 5)
    got = [p.verdict for p in doc.paragraphs]
    plain = lambda infos, flags, marks, limits: headlines_reference.candidate_runs(infos, flags)  # noqa: E731
    monkeypatch.setattr(headlines._core, "headline_candidates", plain)
    doc = golden_documents.document(lines)
    mark(doc, RULES, None, 5)
    assert got == [p.verdict for p in doc.paragraphs]


def test_a_run_of_fields_with_figures_stays_and_a_run_of_priced_headlines_goes():
    # A product's specifications beside its "Add to basket" button are its record (RECORD_SHARE); the
    # products of a "Customers also bought" list, with their prices but no field labels, are links.
    fields = [describe(t) for t in ("Length: 20 m", "Diameter: 13 mm", "Weight: 4.2 kg", "Pressure: max. 12 bar")]
    priced = [
        describe(t)
        for t in (
            "Brass Tap Connector Set £8.99",
            "Oscillating Lawn Sprinkler £19.99",
            "Folding Garden Kneeler Pad £12.49",
            "Leaf Collecting Grabber Hands £6.99",
        )
    ]
    named = [describe(t) for t in ("Ad: Ribbon1", "Ad: Banner2", "Ad: Tower3", "Ad: Footer4")]  # no figure of its own
    for run, flagged in ((fields, False), (priced, True), (named, True)):
        infos = [INFOS[0], INFOS[1], INFOS[-1], *run, INFOS[-1]]
        flags = [None, None, CHROME] + [None] * len(run) + [CHROME]
        found = headline_runs(infos, flags, _marks(infos))
        assert set(found) == (set(range(3, 3 + len(run))) if flagged else set()), [i.text for i in run]


def test_a_run_without_stems_beside_an_article_without_stems_is_not_weighed():
    # Words of three letters or fewer give no stem (nor does a Hindi word: its vowel signs are no
    # letters): beside an article that gives none either, there is no topic to weigh the run against.
    bare = ["Red Hat Big Sun", "Old Cat Dog Run", "Top Six Toy Car", "New Bus Map Out"]
    stemless = [
        "The big red bus ran up the old dam and it got to the top of the dam at six.",
        "We saw a cat and a dog run by the big oak on the way up to the dam.",
    ]
    named = POOL[2:6]  # headlines of other pages, with stems the article lacks
    for article, run, flagged in ((stemless, bare, False), (POOL[:2], bare, True), (POOL[:2], named, True)):
        infos = [describe(text) for text in article + run + ["Share this"]]
        flags: list[Verdict | None] = [None] * (len(infos) - 1) + [CHROME]
        found = headline_runs(infos, flags, _marks(infos))
        assert sorted(found) == (list(range(2, 6)) if flagged else []), (article[0], run)
