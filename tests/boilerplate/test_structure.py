"""The structure signals: runs of links with counts and the controls a page repeats under each entry.

The golden documents of tests/data/structure_cases.json show them in context (with negatives
of the same shape); the laws below hold for any page.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from golden_documents import assert_fixed_point, assert_marked
from nettoyeur.boilerplate import mark
from nettoyeur.boilerplate.line_shapes import describe
from nettoyeur.boilerplate.link_lists import (
    COUNTED_RUN_MIN,
    EXCERPT_ARTICLE_SHARE,
    EXCERPT_RUN_MIN,
    POINTER_RUN_MIN,
    counted_link,
    counted_lists,
    cut_excerpts,
    excerpt_lists,
    pointer_links,
    pointer_lists,
)
from nettoyeur.boilerplate.mark import line_marks
from nettoyeur.boilerplate.repeats import CONTROL_REPEATS, repeated_controls
from nettoyeur.boilerplate.rules import builtin_rules
from nettoyeur.records import Verdict

DATA = json.loads((Path(__file__).parents[1] / "data" / "structure_cases.json").read_text(encoding="utf-8"))
DOCUMENTS = DATA["documents"]
RULES = builtin_rules()
CHROME = Verdict("boilerplate:pattern:share", detail="test")


def test_golden_documents_cover_both_signals_several_languages_and_negatives():
    reasons = {line.get("reason") for case in DOCUMENTS for line in case["lines"]}
    assert {
        "boilerplate:position:counted-list",
        "boilerplate:position:pointer-list",
        "boilerplate:position:repeated-control",
        "boilerplate:position:excerpt-list",
    } <= reasons
    assert len({case["lang"] for case in DOCUMENTS}) >= 4
    negatives = [case for case in DOCUMENTS if all(line["expect"] == "keep" for line in case["lines"])]
    assert len(negatives) >= 4


@pytest.mark.parametrize("case", DOCUMENTS, ids=lambda c: c["name"])
def test_document_lines_are_kept_or_removed_for_the_expected_reason(case):
    # a removal names its reason and its evidence
    assert_marked(case, RULES, lambda verdict, expected: verdict.reason == expected["reason"] and bool(verdict.detail))


@pytest.mark.parametrize("case", DOCUMENTS, ids=lambda c: c["name"])
def test_cleaning_the_output_again_removes_nothing(case):
    assert_fixed_point([line["text"] for line in case["lines"]], RULES)


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Reviews (761)", True),
        ("Reviews (1761)", False),  # as a year would read
        ("Upcoming Games (2,108)", True),
        ("Umzug nach Leipzig – Tipps gesucht (7)", True),
        ("marzo de 2021 (4)", True),
        ("The Great Muppet Caper (1981)", False),  # a year
        ("Rovai (2001)", False),
        ("(6,970)", False),  # no name
        ("Chapter 4", False),
        ("Reviews (12) more", False),
    ],
)
def test_a_counted_link_ends_with_a_count_that_is_not_a_year(text, counted):
    assert counted_link(text) is counted


_NAMES = ["Gardening", "Old Boats", "Travel Notes", "Recipes", "Photography", "Music"]
_PROSE = "The harbour town rebuilt its wooden pier this spring, and the fishing boats are back at the quay."


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_NAMES + [_PROSE]), st.integers(0, 3000), st.booleans()), max_size=25))
def test_only_unflagged_lines_of_long_enough_runs_of_counted_links_are_flagged(page):
    infos = [describe(text if text == _PROSE else f"{text} ({n})") for text, n, _ in page]
    flags = [CHROME if flagged else None for _, _, flagged in page]
    before = list(flags)
    found = counted_lists(infos, flags)
    assert flags == before  # read only
    for k, verdict in found.items():
        assert flags[k] is None and verdict.reason == "boilerplate:position:counted-list"
        # k stands in a run of COUNTED_RUN_MIN counted links or more, flagged lines between them skipped.
        run = 1
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(infos) and (flags[j] is not None or counted_link(infos[j].text)):
                run += flags[j] is None
                j += step
        assert run >= COUNTED_RUN_MIN


_COUNT_TEXTS = st.text(st.sampled_from("Ab (),.1²٣ \u00a0"), max_size=16) | st.sampled_from(
    ["Music (12)", "Old Boats (7)", "Rovai (2001)"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_COUNT_TEXTS, st.booleans()), max_size=12))
def test_the_links_mark_finds_once_are_the_counted_links(page):
    # mark looks for counted links once a document, among the lines with a figure only (``DIGIT``) and
    # on a page with enough lines that end with ")": the runs found from the links it finds are those
    # found here.
    texts = [" ".join(text.split()) or "x" for text, _ in page]
    infos = [describe(text) for text in texts]
    flags = [CHROME if flagged else None for _, flagged in page]
    found = mark._Lines.of([(info, None) for info in infos], infos, line_marks(texts), [mark.NO_COUNTS] * len(texts))
    assert found.links <= {k for k, text in enumerate(texts) if counted_link(text)}
    want = list(flags)
    for k, verdict in counted_lists(infos, flags).items():
        want[k] = verdict
    assert mark._structure_signals(infos, found.links, list(flags)) == want


_COUNTED = re.compile(r"[^\W\d_].*\s\((?!(?:1[5-9]|20)\d\d\))\d[\d,.]*\)\s*$")


@settings(max_examples=500, deadline=None)
@given(_COUNT_TEXTS | st.text(st.sampled_from("Ab (),.1²٣ \u00a0\n"), max_size=30).map(lambda t: t + ")"))
def test_a_counted_link_is_the_plain_pattern(text):
    assert counted_link(text) is (text.endswith(")") and _COUNTED.search(text) is not None)


def test_a_run_one_short_of_the_minimum_stays():
    infos = [describe(_PROSE)] + [describe(f"{_NAMES[j]} ({j + 3})") for j in range(COUNTED_RUN_MIN - 1)]
    assert counted_lists(infos, [None] * len(infos)) == {}
    infos.append(describe("Music (5)"))
    assert set(counted_lists(infos, [None] * len(infos))) == set(range(1, COUNTED_RUN_MIN + 1))


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2 * CONTROL_REPEATS), st.booleans())
def test_a_control_goes_only_when_the_page_repeats_it_often_enough(times, flag_first):
    control = "reply to this comment"
    infos, flags = [], []
    for j in range(times):
        infos += [describe(f"Reader number {j} wrote a comment about the new pier."), describe(control)]
        flags += [None, CHROME if flag_first and j == 0 else None]
    found = repeated_controls(infos, flags)
    expected = {k for k in range(1, len(infos), 2) if flags[k] is None} if times >= CONTROL_REPEATS else set()
    assert set(found) == expected
    assert all(v.reason == "boilerplate:position:repeated-control" for v in found.values())


@pytest.mark.parametrize(
    "text",
    ["Jane Doe", "Job type: Full time", "2 comments", "Scott Says:", "Litmus Configuration", "Thanks for reading."],
)
def test_names_fields_figures_and_sentences_are_never_a_repeated_control(text):
    infos = [describe(text)] * (CONTROL_REPEATS + 5)
    assert repeated_controls(infos, [None] * len(infos)) == {}


@pytest.mark.parametrize(
    ("text", "pointer"),
    [
        ("Send a Tip »", "»"),
        ("Could Bruce Willis save the world? »", "»"),
        ("Top 5 Gadgets Used in the Classroom →", "→"),
        ("Wetter: Sturmwarnung ►►", "►►"),
        ("« Je commence à trois heures »", None),  # a quotation's closing guillemet
        ("‹ Non › »", None),
        ("Next»", None),  # no space: a word's own mark (Swedish quotes close with "»")
        ("→", None),  # no title
        ("12 →", None),
        ("Send a Tip » now", None),
    ],
)
def test_a_pointer_link_ends_with_a_pointer_after_a_title(text, pointer):
    assert pointer_links([text]).get(0) == pointer


_POINTER_TITLES = ["Old Boats", "Winter Gardens", "Slate Quarries", "Geese", _PROSE]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_POINTER_TITLES), st.sampled_from(["", " »", " →"]), st.booleans()), max_size=25)
)
def test_only_unflagged_lines_of_runs_with_the_same_pointer_are_flagged(page):
    texts = [title + end for title, end, _ in page]
    infos = [describe(text) for text in texts]
    flags = [CHROME if flagged else None for _, _, flagged in page]
    before = list(flags)
    pointers = pointer_links(texts)
    found = pointer_lists(infos, flags, pointers)
    assert flags == before  # read only
    for k, verdict in found.items():
        assert flags[k] is None and verdict.reason == "boilerplate:position:pointer-list" and k in pointers
        # k stands in a run of POINTER_RUN_MIN links with its pointer or more, flagged lines between them skipped.
        run = 1
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(infos) and (flags[j] is not None or pointers.get(j) == pointers[k]):
                run += flags[j] is None
                j += step
        assert run >= POINTER_RUN_MIN
    # the lines mark finds once a document are these
    lines = mark._Lines.of([(info, None) for info in infos], infos, line_marks(texts), [mark.NO_COUNTS] * len(texts))
    assert dict(lines.pointers) == pointers


def test_a_pointer_run_one_short_of_the_minimum_or_with_mixed_pointers_stays():
    titles = [f"{name} »" for name in _POINTER_TITLES[: POINTER_RUN_MIN - 1]]
    infos = [describe(_PROSE)] + [describe(t) for t in titles]
    assert pointer_lists(infos, [None] * len(infos), pointer_links([i.text for i in infos])) == {}
    mixed = [*infos, describe("Geese →")]
    assert pointer_lists(mixed, [None] * len(mixed), pointer_links([i.text for i in mixed])) == {}
    more = [*infos, describe("Geese »")]
    found = pointer_lists(more, [None] * len(more), pointer_links([i.text for i in more]))
    assert set(found) == set(range(1, POINTER_RUN_MIN + 1))


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("Why I Switched to Wider Tyres - After a thousand kilometres of gravel my wrists were...", True),
        ("Wie ein Bäcker aus dem Schwarzwald sein Sauerteigbrot nach einem alten Familienre…", True),
        ("Firefighting title Chinka started off as an April Fools joke but as production... (more)", True),
        ("The coupe, hatchback and sedan body designs were available in three trims [...]", True),
        ("We boarded at a quarter past nine with two backpacks, a thermos and a map...»", True),
        ("Never have such good intentions been marred by such poor execution. ...", False),  # after its stop
        ("Britain, France and the others have stayed out of it (i.e. U.S., Britain, etc.)...", False),
        ("Far too short...", False),
        ("A sentence that ends as sentences do, with a full stop and nothing more.", False),
    ],
)
def test_a_cut_excerpt_ends_with_an_ellipsis_just_after_a_word(text, cut):
    assert (cut_excerpts([describe(text)]) == {0}) is cut


_ARTICLE = [
    "The harbour of the town was dredged last winter for the first time in forty years, and the fishing boats"
    " can now come in at low tide again.",
    "The work took four months and cost the council less than expected, because the dredger came from a port"
    " up the coast that had finished its own work early.",
    "Fishermen say they lose fewer hours waiting for the tide, and two boats that had moved to the next harbour"
    " have come back to their old moorings.",
    "The silt that came up was spread on the fields behind the dunes, where the farmers say it has already"
    " made the thin sandy soil better for potatoes.",
    "The council will dredge the harbour again in ten years and has set money aside for it every year since"
    " the spring.",
]
_EXCERPTS = [
    "Riding the Night Train to the Arctic Circle - We boarded at a quarter past nine with two",
    "Mending a Wool Coat With Visible Patches - My grandmother's coat had moth holes in both sl",
    "Why I Switched to Wider Tyres This Season - After a thousand kilometres of gravel roads o",
    "Tasting Notes From a Small Ethiopian Lot - This week's beans came from a cooperative of t",
]


def _excerpt_page(excerpts: list[str], paragraphs: int = len(_ARTICLE)) -> dict[int, Verdict]:
    infos = [describe(text) for text in _ARTICLE[:paragraphs]] + [describe(text + "...") for text in excerpts]
    return excerpt_lists(infos, [None] * len(infos), cut_excerpts(infos))


def test_a_run_of_excerpts_cut_at_one_length_beside_an_article_goes():
    found = _excerpt_page([text[:58] for text in _EXCERPTS[:EXCERPT_RUN_MIN]])
    assert set(found) == set(range(len(_ARTICLE), len(_ARTICLE) + EXCERPT_RUN_MIN))
    assert all(v.reason == "boilerplate:position:excerpt-list" and v.detail for v in found.values())
    # one excerpt fewer than a run needs
    assert _excerpt_page([text[:58] for text in _EXCERPTS[: EXCERPT_RUN_MIN - 1]]) == {}


def test_excerpts_cut_by_hand_at_their_own_lengths_stay():
    by_hand = [text[:n] for n, text in zip((35, 55, 85), _EXCERPTS)]
    assert sum(len(text.split()) for text in by_hand) <= EXCERPT_ARTICLE_SHARE * sum(len(p.split()) for p in _ARTICLE)
    assert _excerpt_page(by_hand) == {}
    # the same lines cut at one length go
    assert len(_excerpt_page([text[:40] for text in _EXCERPTS[:EXCERPT_RUN_MIN]])) == EXCERPT_RUN_MIN


def test_excerpts_that_are_most_of_the_page_stay():
    # an index page: the run outweighs the article's prose outside it
    words = sum(len(text[:58].split()) for text in _EXCERPTS)
    article = sum(len(text.split()) for text in _ARTICLE[:1])
    assert words > EXCERPT_ARTICLE_SHARE * article
    assert _excerpt_page([text[:58] for text in _EXCERPTS], paragraphs=1) == {}
    assert _excerpt_page([text[:58] for text in _EXCERPTS], paragraphs=0) == {}


def test_the_excerpts_mark_finds_once_follow_the_lines_a_round_keeps():
    # mark finds the cut excerpts once a document (``_Lines.of``); after a round drops lines, the kept
    # lines' excerpts are those found again on them (a line's text does not change between rounds)
    texts = _ARTICLE + [text + "..." for text in _EXCERPTS]
    infos = [describe(text) for text in texts]
    lines = mark._Lines.of([(info, None) for info in infos], infos, line_marks(texts), [mark.NO_COUNTS] * len(texts))
    assert lines.excerpts == cut_excerpts(infos) == set(range(len(_ARTICLE), len(texts)))
    left = [0, 2, len(_ARTICLE) + 1, len(_ARTICLE) + 3]
    kept = lines.keep(left)
    assert kept.excerpts == cut_excerpts(kept.infos) == {2, 3}
