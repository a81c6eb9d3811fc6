"""The native walks of a round of marking (native/src/entries_py.rs, ``line_ends``) against their plain Python oracles.

The oracles are :mod:`mark_reference` (the Python the core replaced in :mod:`nettoyeur.boilerplate.mark`): on
random pages of lines, shapes, line flags and verdicts (notices, "related" headings over headline-and-blurb
entries, dates and bylines over entries), the core gives the same verdicts, in place where the Python did.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mark_reference
import repeats_reference
from nettoyeur import _core
from nettoyeur.boilerplate import keyword_lists, link_lists, mark, repeats
from nettoyeur.boilerplate.line_shapes import describe
from nettoyeur.boilerplate.rules import builtin_rules
from nettoyeur.records import Document, Paragraph, Verdict

LAW = settings(max_examples=400, deadline=None)
RULES = builtin_rules()

# Texts of a page: headlines, blurbs (long prose), dates (with a figure or not), counted links, pointers,
# lines that end with ")" without a count, astral characters and a lone surrogate at the end.
_TEXTS = st.sampled_from(
    [
        "Minister resigns after scandal in capital",
        "The council voted on the new budget for the schools and roads of the town this week, after a debate.",
        "Posted 12 May 2021",
        "12 May 2021",
        "Related stories",
        "Loading",
        "Upcoming Games (2108)",
        "Forums (12)",
        "An aside (see above)",
        "Send a Tip »",
        "Read more ›",
        "« Le mot » »",
        "Q3 2021",
        "日本語のテキスト)",
        "\U0001d7d9)",
        "x\ud800",
        "",
    ]
)
_MARKS = st.sampled_from([0, mark.LETTER, mark.LETTER | mark.DIGIT, mark.DIGIT])
_FLAGS = st.sampled_from(
    [None] * 5
    + [Verdict("boilerplate:pattern:cookie", detail="cookie-banner")]
    + [Verdict("boilerplate:pattern:x", detail="newsletter")]
    + [Verdict(mark.READ_ALSO, detail="related-label"), Verdict(mark.READ_ALSO, detail="readalso")]
    + [Verdict("boilerplate:pattern:date", detail="date"), Verdict("boilerplate:pattern:byline", detail="by")]
    + [Verdict("boilerplate:pattern:share", detail=None)]
)
_line = st.tuples(
    st.builds(
        mark.LineInfo,
        _TEXTS,
        st.sampled_from([0, 1, 2, 3, 5, 20, 21, 40]),
        st.sampled_from([0.0, 0.0, 0.1, 0.3]),
        st.booleans(),
        st.booleans(),
    ),
    _MARKS,
    _FLAGS,
)
# A page: short runs of lines repeated, so that lists of entries and dated lists occur.
pages = st.lists(st.tuples(st.lists(_line, min_size=1, max_size=3), st.integers(1, 5)), max_size=8).map(
    lambda runs: [line for run, times in runs for _ in range(times) for line in run]
)


def _split(page):
    return [i for i, _, _ in page], [m for _, m, _ in page], [f for _, _, f in page]


@pytest.mark.parametrize(
    ("plain", "ported"),
    [
        (mark_reference.spare_article_notices, mark._spare_article_notices),
        (mark_reference.teaser_list, mark._teaser_list),
    ],
    ids=["spare_notices", "teaser_list"],
)
@LAW
@given(page=pages)
def test_flag_walk_is_the_plain_loop(plain, ported, page):
    infos, _, flags = _split(page)
    want = list(flags)
    plain(infos, want)
    ported(infos, flags)
    assert flags == want


@LAW
@given(pages)
def test_dated_heads_are_the_plain_loop(page):
    infos, marks, flags = _split(page)
    want = list(flags)
    want_heads = mark_reference.keep_dated_list(infos, marks, want)
    heads = mark._keep_dated_list(infos, marks, flags)
    assert flags == want
    assert list(heads.items()) == list(want_heads.items())


_RULES = st.sampled_from([None, None] + [r for r in RULES if r.kind in ("date", "byline", "share", "nav")][:40])


@LAW
@given(st.lists(st.tuples(_line.map(lambda line: line[0]), _RULES), max_size=12))
def test_dated_rules_are_the_plain_loop(lines):
    assert mark._dated_rules(lines) == mark_reference.dated_rules(lines)


# Lines of a timetable or a comparison: bare times and durations (a figure first, in several scripts: "²" is
# a digit and no decimal, "٣" both), dates that open with a word, and a line without text.
_STAMP_TEXTS = st.sampled_from(["06:05", "45 min", "²3 h", "٣ ساعات", "March 2005", "x9", "", "12 May 2021"])
_STAMP_FLAGS = st.sampled_from(
    [None, Verdict("boilerplate:pattern:date", detail="date"), Verdict("boilerplate:pattern:date", detail="time")]
    + [Verdict("boilerplate:pattern:byline", detail="by"), Verdict("boilerplate:pattern:share", detail=None)]
)
_stamp_info = st.builds(mark.LineInfo, _STAMP_TEXTS, st.integers(0, 3), st.just(0.0), st.just(False), st.booleans())
_stamp_line = st.tuples(_stamp_info, _STAMP_FLAGS)


@settings(max_examples=50, deadline=None)
@given(st.lists(_stamp_line, max_size=12))
def test_table_stamps_are_the_plain_loop(lines):
    infos, flags = [i for i, _ in lines], [f for _, f in lines]
    want = list(flags)
    mark_reference.table_stamps(infos, want)
    mark._table_stamps(infos, flags)
    assert flags == want


def test_table_stamps_unflag_a_column_of_times_only():
    date = Verdict("boilerplate:pattern:date", detail="date")
    texts = ["06:05", "07:15", "²3 h", "March 2005", "08:00", "09:00"]
    infos = [describe(text) for text in texts]
    flags = [date] * len(texts)
    mark._table_stamps(infos, flags)
    # The first three cells make a run and stay; "March 2005" opens with a word and two cells are too few.
    assert flags == [None, None, None, date, date, date]
    with pytest.raises(ValueError, match="length"):
        mark._table_stamps(infos, [])


@LAW
@given(pages)
def test_line_ends_give_the_links_and_pointers_of_the_joined_lines(page):
    infos, marks, _ = _split(page)
    found = mark._Lines.of([(info, None) for info in infos], infos, marks, [mark.NO_COUNTS] * len(infos))
    links, pointers = mark_reference.line_links(infos, marks)
    assert found.links == links
    assert dict(found.pointers) == pointers
    closed, pointed, cut, keywords = _core.line_ends(
        infos, link_lists.POINTERS, link_lists.CUT_CANDIDATES, keyword_lists.KEYWORD_CANDIDATES
    )
    assert closed == [k for k, info in enumerate(infos) if info.text.endswith(")")]
    assert pointed == any(info.text[-1:] in link_lists.POINTERS for info in infos if info.text)
    assert found.excerpts == mark_reference.cut_excerpts(infos) == link_lists.cut_excerpts(infos)
    assert set(cut) >= found.excerpts
    assert found.keywords == keywords


# Lines cut by an ellipsis or not (its forms, where it stands, the words before it), keyword lists, near misses.
_TAILS = st.sampled_from(
    ["...", "…", " ...", "[...]", "(…)", ".. .", "..", ".", "… [more]", "... »", "…)", ")", "»", ""]
)
_HEADS = st.sampled_from(
    [
        "The council voted on the new budget for the schools",
        "one two three four five",
        "Small Farm Financial Services Can Grow Regional Economies, the owner said",
        "x" * 70 + " a b c d e f",
        "日本語のテキストです 日本語 テキスト 日本語 テキスト 日本語",
        "solar, panels, inverter, battery, grid, tariff, meter, roof, cable",
        "solar, panels, inverter, battery, grid: tariff, meter, roof, cable",
        "\U0001d7d9 word, more words, and, some, of, the, terms, here",
        "x\ud800 y z w v u t s",
    ]
)
_cut_lines = st.builds(lambda head, tail: describe(head + tail), _HEADS, _TAILS)


@LAW
@given(st.lists(_cut_lines, max_size=10), st.lists(_FLAGS, min_size=10, max_size=10))
def test_cut_excerpts_and_keyword_lists_are_the_plain_walks(infos, flags):
    """The core's candidates leave the plain walks' answers as they were, on lines cut or not and lists of terms."""
    flags = flags[: len(infos)]
    assert link_lists.cut_excerpts(infos) == mark_reference.cut_excerpts(infos)
    lines = [(info, None) for info in infos]
    assert keyword_lists.keyword_lists(lines, flags) == mark_reference.keyword_lists(lines, flags)


def test_cut_excerpts_and_keyword_lists_golden():
    """Positives and negatives: an excerpt cut off, a sentence that trails off after its stop; terms and a field."""
    cut = describe("Warren Taylor is a 60-year-old entrepreneur who used to work at Safeway's Dairy mi...")
    trails = describe("He said it was the end of a long and hard season. ...")
    short = describe("Read more...")
    assert link_lists.cut_excerpts([cut, trails, short]) == {0}
    terms = describe("solar, panels, inverter, battery, grid, tariff, meter, roof, cable")
    field = describe("Tags: solar, panels, inverter, battery, grid, tariff, meter, roof, cable")
    found = keyword_lists.keyword_lists([(terms, None), (field, None), (terms, None)], [None, None, Verdict("x")])
    assert list(found) == [0]


def test_a_teaser_list_and_a_dated_list_are_found():
    """Negatives and positives: three headline-and-blurb entries under "Related" go; two do not; dated entries stay."""
    headline = describe("Minister resigns after scandal in capital")
    blurb = describe(
        "The council voted on the new budget for the schools, the parks and the roads of the town, after a long debate."
    )
    related = Verdict(mark.READ_ALSO, detail="related-label")
    for entries, listed in ((3, True), (2, False)):
        infos = [describe("Related stories")] + [headline, blurb] * entries
        flags = [related] + [None] * (2 * entries)
        mark._teaser_list(infos, flags)
        assert all(f is not None for f in flags[1:]) == listed
        assert (flags[1] is not None and flags[1].detail.startswith(f"{entries} headline-and-blurb")) == listed
    date = Verdict("boilerplate:pattern:date", detail="date")
    infos = [describe("12 May 2021"), blurb] * 3
    flags = [date, None] * 3
    heads = mark._keep_dated_list(infos, mark.line_marks([i.text for i in infos]), flags)
    assert list(heads) == [0, 2, 4] and flags == [None] * 6
    flags = [date, None] * 2
    assert mark._keep_dated_list(infos[:4], mark.line_marks([i.text for i in infos[:4]]), flags) == {}
    assert flags == [date, None] * 2


def test_walks_refuse_lists_of_other_lengths():
    info = describe("Home")
    with pytest.raises(ValueError, match="length"):
        mark._spare_article_notices([info], [])
    with pytest.raises(ValueError, match="length"):
        mark._teaser_list([info], [])
    with pytest.raises(ValueError, match="length"):
        mark._keep_dated_list([info], [], [None])


# Controls: phrases of 2 to 8 words repeated under entries, in several cases (folded alike: "ß" and "SS").
_CONTROL_TEXTS = st.sampled_from(
    ["reply to this comment", "Reply To This Comment", "log in to reply", "Straße sehen", "STRASSE sehen", "Jane Doe"]
)
_control_line = st.tuples(
    st.builds(
        mark.LineInfo, _CONTROL_TEXTS, st.sampled_from([1, 2, 4, 8, 9]), st.just(0.5), st.just(False), st.booleans()
    ),
    st.just(mark.LETTER),
    st.sampled_from([None, None, Verdict("boilerplate:pattern:share", detail="x")]),
)
control_pages = st.lists(
    st.tuples(st.lists(_control_line | _line, min_size=1, max_size=3), st.integers(1, 12)), max_size=6
).map(lambda runs: [line for run, times in runs for _ in range(times) for line in run])


@LAW
@given(control_pages)
def test_repeated_controls_are_the_plain_loop(page):
    infos, _, flags = _split(page)
    assert repeats.repeated_controls(infos, flags) == repeats_reference.repeated_controls(infos, flags)


def test_a_control_repeated_under_each_entry_goes():
    """Twenty copies of "reply to this comment" (case aside) go, nineteen stay; a flagged copy keeps its verdict."""
    control, entry = describe("Reply to this comment"), describe("Jane Doe")
    for copies, found in ((20, 19), (19, 0)):
        infos = [entry, control] * copies
        flags = [None] * len(infos)
        flags[1] = Verdict("boilerplate:pattern:share", detail="x")
        got = repeats.repeated_controls(infos, flags)
        assert len(got) == found and 1 not in got


@LAW
@given(st.lists(st.integers(0, 255), max_size=20), st.integers(0, 255))
def test_marked_lines_are_the_plain_filter(marks, mask):
    assert _core.marked(marks, mask) == [k for k, line in enumerate(marks) if line & mask]


@LAW
@given(st.lists(st.tuples(st.integers(0, 30), _FLAGS), max_size=12), st.frozensets(st.integers(0, 30)))
def test_set_verdicts_is_the_plain_loop(page, protect):
    def paragraphs():
        return [Paragraph(index, 1, "x", "x") for index, _ in page]

    flags = [flag for _, flag in page]
    got, want = paragraphs(), paragraphs()
    assert _core.set_verdicts(got, flags, protect) == mark_reference.set_verdicts(want, flags, protect)
    assert [p.verdict for p in got] == [p.verdict for p in want]
    with pytest.raises(ValueError, match="length"):
        _core.set_verdicts(got, flags + [None], protect)


# Paragraphs of a document: short lines (some alike but for their figures), a long one, some removed, some
# blanked by repair (never counted: no one's neighbour).
_PARAGRAPH_TEXTS = st.sampled_from(["Home", "Page 12", "Page 7", "Share this", "12", "", "x" * 3 + " word" * 30])
_VERDICTS = st.sampled_from([None, None, None, Verdict("blank-after-repair"), Verdict("boilerplate:pattern:x")])


@LAW
@given(st.lists(st.tuples(_PARAGRAPH_TEXTS, _VERDICTS), max_size=12))
def test_document_neighbours_are_the_plain_lists(page):
    paragraphs = [Paragraph(k, k + 1, text, text, verdict=v) for k, (text, v) in enumerate(page)]
    doc = Document("d.txt", paragraphs=paragraphs)
    kept = [p for p in paragraphs if p.verdict is None]
    infos = [describe(p.text) for p in kept]
    assert mark.neighbours(doc, kept, infos) == mark_reference.neighbours(doc, kept, infos)
    with pytest.raises(ValueError, match="length"):
        mark.neighbours(doc, kept, infos + [describe("Home")])
