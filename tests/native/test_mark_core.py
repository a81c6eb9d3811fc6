"""The native per-line tests of the boilerplate signals (native/src/mark.rs) against their plain Python oracles.

The oracles are :mod:`mark_reference` (the Python code the core replaced in
:mod:`nettoyeur.boilerplate.mark`): on random Unicode (white space of every kind, decimal
digits that are not ASCII and a digit that is not decimal, CJK, combining marks, ``İ``/``ı``,
``ß``, ``Σ``/``ς``, a lone surrogate, characters above U+FFFF), on lines built from separators,
bullets and numbers, on random pages of flags and counts, and on golden lines with negatives
(tests/data/mark_lines.json), the core gives the same flags, blocks and verdicts. Hostile
input raises, never crashes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import golden_documents
import mark_reference
from nettoyeur import _core
from nettoyeur.boilerplate import mark
from nettoyeur.boilerplate.line_counts import LineCounts
from nettoyeur.boilerplate.line_shapes import describe
from nettoyeur.boilerplate.rules import builtin_rules, date_search
from nettoyeur.records import Verdict

DATA = json.loads((Path(__file__).parents[1] / "data" / "mark_lines.json").read_text(encoding="utf-8"))
CASES = DATA["lines"]
BOILERPLATE = json.loads((Path(__file__).parents[1] / "data" / "boilerplate_cases.json").read_text(encoding="utf-8"))
GOLDEN = [c["text"] for c in BOILERPLATE["lines"]] + [
    line["text"] for d in BOILERPLATE["documents"] for line in d["lines"]
]
# 200 examples, not 400: the suite is near CI's 10 minutes (this file's slowest laws took 15-25 s of its 1,715 s
# on 2 busy cores); 200 is still four times the floor the suite keeps for core-vs-reference laws (50).
LAW = settings(max_examples=200, deadline=None)
RULES = builtin_rules()
_NAMES = {
    "letter": mark.LETTER,
    "digit": mark.DIGIT,
    "menu": mark.MENU,
    "attribution": mark.ATTRIBUTION,
    "reference": mark.REFERENCE,
    "list_item": mark.LIST_ITEM,
    "stop_end": mark.STOP_END,
    "separated": mark.SEPARATED,
}

# What the tests must hold: the separators and bullets, brackets, stops and closers, digits
# that are decimal (ASCII, Arabic-Indic, an astral one) and one that is not (²), letters of
# several scripts (CJK, İ/ı, ß, Σ/ς, an astral letter), combining marks, "_", a lone
# surrogate, and white space of every kind.
_ALPHABET = (
    "ab Zé:.;!?…。！？।॥؟۔።፧។៕။։།༎\"'”’»)]([|¦·•▪◦‣○►→✓*–—-"
    "019٣²_日本語İıßΣς\u0301\ud800\U0001d7d9\U00010348"
    " \t\n\r\x0b\x0c\x1c\x85\u00a0\u1680\u2000\u2003\u2028\u2029\u202f\u205f\u3000"
)
lines = st.text(alphabet=_ALPHABET, max_size=60)
# Lines made of menu-like items: short words joined by separators with spaces around or not.
_ITEMS = st.sampled_from(
    ["Home", "News", "a b", "x.", "Q:", "12", "(Blog)", "[", "()", "日本", "", "one two three four"]
)
_SEPS = st.sampled_from([" | ", "|", " ¦ ", " » ", "»", " · ", "•", " / ", "  |\t", " \u00a0» "])
menu_lines = st.lists(st.tuples(_ITEMS, _SEPS), max_size=6).map(lambda ps: "".join(i + s for i, s in ps))
# Line openings near the list numbers, references and attributions ("12) x", "[3] x", "— x"):
# a bracket or a bullet, digits (decimal or not, too many), a closer, white space, the rest.
_PARTS = (
    ["", "[", "(", "-", "–", "—", "•", "*", "x"],
    ["", "1", "12", "123", "1234", "٣", "²", "\U0001d7d9"],
    ["", "]", ".", ")", ":"],
    ["", " ", "  ", "\t", "\u00a0", "\u3000"],
    ["", "x", " ", "ab c", "."],
)
opening_lines = st.tuples(*(st.sampled_from(p) for p in _PARTS)).map("".join)
# The same with a number always there and a bracket or none before it.
numbered_lines = st.tuples(
    st.sampled_from(["", "["]),
    *(st.sampled_from([p for p in ps if p]) for ps in _PARTS[1:4]),
    st.sampled_from(_PARTS[4]),
).map("".join)


def _named(marks: int) -> list[str]:
    return sorted(name for name, bit in _NAMES.items() if marks & bit)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["why"])
def test_golden_lines_get_their_marks(case):
    got = mark.line_marks([case["text"]])[0]
    assert _named(got) == sorted(case["marks"])
    assert got == mark_reference.line_marks(case["text"])


def test_boilerplate_golden_lines_get_the_regular_expressions_marks():
    assert mark.line_marks(GOLDEN) == [mark_reference.line_marks(t) for t in GOLDEN]


def test_hostile_input_raises():
    with pytest.raises(TypeError):
        mark.line_marks(["a", b"b"])
    with pytest.raises(TypeError):
        mark.line_marks([None])
    with pytest.raises(ValueError, match="length"):
        mark._first_pass([(describe("a"), None)], [], None, 3, [(0, None, None)])
    with pytest.raises(TypeError):
        mark._first_pass([(describe("a b"), None)], [1], {1: "many"}, 3, [(1, None, None)])


@LAW
@given(st.lists(lines | menu_lines | opening_lines | numbered_lines | st.text(), max_size=8))
def test_core_marks_are_the_regular_expressions(texts):
    assert mark.line_marks(texts) == [mark_reference.line_marks(t) for t in texts]


@LAW
@given(st.lists(lines | menu_lines | opening_lines | numbered_lines | st.text(), max_size=8))
def test_core_marks_of_shapes_are_those_of_their_texts(texts):
    # ``mark.line_data`` passes the shapes: the core reads each one's ``text``.
    infos = [describe(t) for t in texts]
    assert mark.line_marks(infos) == [mark_reference.line_marks(info.text) for info in infos]


def test_marks_of_a_tuple_that_is_no_shape_raise():
    with pytest.raises(TypeError):
        mark.line_marks([("a", "b")])
    with pytest.raises(TypeError):
        mark.line_marks([(1, 2, 3, 4, 5)])


class _Rule(NamedTuple):
    """What ``_first_pass`` reads of a rule."""

    kind: str
    name: str


class _Counts(Mapping):
    """A mapping that is not a dict: the core asks its ``get``."""

    def __init__(self, counts: dict) -> None:
        self._counts = counts

    def __getitem__(self, key):
        return self._counts[key]

    def __iter__(self):
        return iter(self._counts)

    def __len__(self) -> int:
        return len(self._counts)


_first_texts = lines | menu_lines | st.sampled_from(
    ["Home | News | Sport", "Terms of Use | Privacy | Contact", "Go to the shop | and the bank | of the town", "42"]
)


# A line's own key's files; its neighbours' (None: that neighbour does not pair).
_files = st.integers(0, 5)
_neighbour = st.none() | _files


@LAW
@given(
    st.lists(st.tuples(_first_texts, st.booleans(), _files, _neighbour, _neighbour), max_size=8),
    st.integers(0, 6),
    st.sampled_from(["dict", "line-counts", "mapping", "none"]),
)
def test_core_first_pass_is_the_plain_loop(page, min_files, kind):
    infos = [describe(" ".join(t.split())) for t, *_ in page]
    lines = [(info, _Rule("nav", "menu") if r else None) for info, (_, r, *_) in zip(infos, page)]
    # Line k's keys: 3k + 1 its own, 3k + 2 its pair above, 3k + 3 below; a key in no file is left out.
    around, counts = [], {}
    for k, (_, _, own, above, below) in enumerate(page):
        keys = [3 * k + 1, None if above is None else 3 * k + 2, None if below is None else 3 * k + 3]
        around.append(tuple(keys))
        counts.update((key, n) for key, n in zip(keys, (own, above, below)) if key is not None and n)
    # LineCounts, a subclass of dict, is read as a dict by the core (its ``get`` of an int key is dict's).
    file_counts = {"dict": counts, "line-counts": LineCounts(counts), "mapping": _Counts(counts), "none": None}[kind]
    got = mark._first_pass(lines, mark.line_marks([i.text for i in infos]), file_counts, min_files, around)
    want = mark_reference.first_pass(lines, file_counts, min_files, around)
    assert [None if v is None else (v.reason, v.detail) for v in got] == want


@pytest.mark.parametrize("case", DATA["frequency"], ids=lambda c: c["why"])
def test_frequency_verdicts_of_a_recurring_line(case):
    own, above, below = case["files"]
    counts = {1: own, 2: above or 0, 3: below or 0}
    around = [(1, None if above is None else 2, None if below is None else 3)]
    info = describe("Subscribe to our letter")
    flags = mark._first_pass([(info, None)], mark.line_marks([info.text]), counts, case["min_files"], around)
    assert (flags[0] and flags[0].detail) == case["detail"]
    assert mark_reference.first_pass([(info, None)], counts, case["min_files"], around) == [
        None if case["detail"] is None else ("boilerplate:frequency:recurring-block", case["detail"])
    ]


def test_first_pass_reads_the_function_words_of_a_menu():
    texts = ["Home | News | Sport", "Terms of Use | Privacy | Contact", "Go to the shop | and the bank | of the town"]
    infos = [describe(t) for t in texts]
    flags = mark._first_pass([(i, None) for i in infos], mark.line_marks(texts), None, 3, [(0, None, None)] * 3)
    assert [f and f.detail for f in flags] == ["separated-menu", "separated-menu", None]


class _Line(NamedTuple):
    """What ``outlying_blocks`` reads of a line."""

    label: bool
    prose: bool
    n_words: int


# Runs of alike lines, so that blocks, gaps and runs of labels as long as the limits occur.
_run = st.tuples(st.booleans(), st.booleans(), st.booleans(), st.booleans(), st.integers(0, 60), st.integers(1, 25))
pages = st.lists(_run, max_size=10).map(lambda runs: [r[:5] for r in runs for _ in range(r[5])])


@LAW
@given(pages)
def test_core_blocks_are_the_plain_loops(page):
    flagged = [f for f, _, _, _, _ in page]
    label = [lab for _, lab, _, _, _ in page]
    letter = [le for _, _, le, _, _ in page]
    prose = [p for _, _, _, p, _ in page]
    n_words = [n for *_, n in page]
    infos = [_Line(lab, p, n) for lab, p, n in zip(label, prose, n_words)]
    flags = [Verdict("x") if f else None for f in flagged]
    marks = [mark.LETTER * le for le in letter]
    got = _blocks(infos, flags, marks)
    bare = [lab and le for lab, le in zip(label, letter)]
    assert got == mark_reference.outlying_blocks(flagged, bare, prose, n_words)


def _blocks(infos: list, flags: list, marks: list[int]):
    """``_core.outlying_blocks`` with mark.py's limits."""
    limits = (mark.OUTLYING_GAP, mark.OUTLYING_LABELS, mark.OUTLYING_SHARE, mark.OUTLYING_LABEL_SHARE)
    return _core.outlying_blocks(infos, flags, marks, *limits, (mark.TAIL_GAP, mark.TAIL_MIN_LINES, mark.TAIL_SHARE))


def test_outlying_blocks_refuses_lists_of_other_lengths():
    with pytest.raises(ValueError, match="length"):
        _core.outlying_blocks([_Line(True, True, 3)], [None], [], 5, 20, 0.2, 0.05, (3, 2, 0.2))


_X = Verdict("boilerplate:pattern:nav")
_ARTICLE = _Line(False, True, 100)  # a paragraph of the article
_BLURB = _Line(False, True, 10)  # a sentence of the site's blurb


def test_the_page_s_last_block_starts_under_the_last_cut_of_tail_gap_flagged_lines():
    # Two flagged lines inside the last block do not cut it; TAIL_GAP of them above it do (and
    # fewer than OUTLYING_GAP: the page is one block for the others' cut).
    flags = [None, None, *[_X] * mark.TAIL_GAP, None, _X, None, _X]
    infos = [_ARTICLE, _ARTICLE, *[_Line(True, False, 2)] * (mark.TAIL_GAP + 4)]
    infos[2 + mark.TAIL_GAP] = infos[4 + mark.TAIL_GAP] = _BLURB
    assert mark.TAIL_GAP < mark.OUTLYING_GAP
    found = _blocks(infos, flags, [0] * len(flags))
    assert found == ([], [], (2, [2 + mark.TAIL_GAP, 4 + mark.TAIL_GAP], [0, 1]))
    last = (2, 2 + mark.TAIL_GAP, 4 + mark.TAIL_GAP)
    assert mark_reference.last_block([f is not None for f in flags], mark.TAIL_GAP) == last


def test_a_shorter_run_of_flagged_lines_does_not_cut_the_last_block():
    flags = [None, *[_X] * (mark.TAIL_GAP - 1), None, None]
    infos = [_ARTICLE, *[_Line(True, False, 2)] * (mark.TAIL_GAP - 1), _BLURB, _BLURB]
    assert _blocks(infos, flags, [0] * len(flags)) is None


def test_a_cut_at_the_top_of_the_page_leaves_nothing_above_the_last_block():
    flags = [*[_X] * mark.TAIL_GAP, None, None]
    assert mark_reference.last_block([f is not None for f in flags], mark.TAIL_GAP) is None
    assert _blocks([_Line(True, False, 2)] * mark.TAIL_GAP + [_ARTICLE, _BLURB], flags, [0] * 5) is None


def test_the_last_block_is_weighed_against_the_prose_above_its_cut():
    # 2 x 10 words under 100 + 100 words above: below TAIL_SHARE; one line alone, or heavier, stays.
    flags = [None, None, *[_X] * mark.TAIL_GAP, None, None]
    infos = [_ARTICLE, _ARTICLE, *[_Line(True, False, 2)] * mark.TAIL_GAP, _BLURB, _BLURB]
    assert _blocks(infos, flags, [0] * len(flags))[2] == (2, [5, 6], [0, 1])
    heavy = [*infos[:-1], _Line(False, True, 40)]
    assert _blocks(heavy, flags, [0] * len(flags)) is None
    assert _blocks(infos[:-1], flags[:-1], [0] * 6) is None


def test_a_last_block_cut_off_by_outlying_gap_lines_is_a_candidate_and_the_last_block():
    flags = [None, None, *[_X] * mark.OUTLYING_GAP, None, None]
    infos = [_ARTICLE, _ARTICLE, *[_Line(True, False, 2)] * mark.OUTLYING_GAP, _BLURB, _BLURB]
    end = 2 + mark.OUTLYING_GAP
    assert _blocks(infos, flags, [0] * len(flags)) == ([0, 1], [[end, end + 1]], (2, [end, end + 1], [0, 1]))


_wrap_lines = st.sampled_from(["the town voted on", "Monday.", "and then:", "ça", "Éte", "", "x;", "ß", "ǅ a"])


@LAW
@given(st.lists(st.tuples(_wrap_lines | lines, st.booleans()), max_size=12))
def test_wrapped_units_are_the_plain_walk(page):
    texts = [t for t, _ in page]
    flags = [Verdict("x") if f else None for _, f in page]
    infos = [describe(" ".join(t.split())) for t in texts]
    collapsed = [info.text for info in infos]
    got = _core.wrapped_units(infos, flags, mark.line_marks(collapsed))
    assert got == mark_reference.wrapped_units(collapsed, [f is not None for f in flags])


# Lines for the prose of a round: wrapped sentences, sentences with and without a clause break (a comma, a CJK or
# Devanagari stop, a stop without white space after it), prose, a one-word label.
_prose_lines = st.sampled_from(
    [
        "the town voted on",
        "monday to keep the old bridge open for walkers and bikes.",
        "Residents of the town voted on the plan, and most of them were for it.",
        "Vakar lijo, šiandien saulėta ir šilta visoje šalyje iki vakaro.",
        "Kaina 10 eur, pristatymas nemokamas.",
        "Vienas du trys keturi penki šeši septyni aštuoni devyni dešimt.",
        "a,b c d e f g h i j k l.",
        "日本語の文章です、とても長い文です。",
        "यह एक वाक्य है। और यह दूसरा है।",
        "Menu",
        "and so",
    ]
)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(_prose_lines | lines, st.booleans()), max_size=10))
def test_round_prose_is_the_plain_walks(page):
    texts = [t for t, _ in page]
    flags = [Verdict("x") if f else None for _, f in page]
    infos = [describe(" ".join(t.split())) for t in texts]
    got = mark._round_prose(infos, flags, mark.line_marks([info.text for info in infos]))
    want = mark_reference.wrapped_prose(infos, flags)
    assert got == mark_reference.clause_prose(mark_reference.terse_prose(want, flags), flags)


# Sentences of long words (Tamil, whose vowel signs are marks, Malayalam, Gothic letters above U+FFFF, enclosing
# marks): around TERSE_PROSE_LETTERS letters or marks (49, 50, more), under TERSE_PROSE_WORDS words; a
# Turkish sentence of clauses with a few function words; digits, which are no letters.
_GOTHIC = "\U00010330\U00010331\U00010332\U00010333\U00010334\U00010335\U00010336\U00010337\U00010338\U00010339"
_long_word_lines = st.sampled_from(
    [
        "சென்னையில் நேற்று பெய்த கனமழையால், பல சாலைகளில் தண்ணீர் தேங்கியது.",
        "மழை பெய்தது, சாலை நனைந்தது.",
        "തിരുവനന്തപുരത്ത് ഇന്നലെ പെയ്ത ശക്തമായ മഴയിൽ, നിരവധി റോഡുകളിൽ വെള്ളക്കെട്ട് രൂപപ്പെട്ടു.",
        "മഴ പെയ്തു, റോഡ് നനഞ്ഞു.",
        f"{_GOTHIC} {_GOTHIC}, {_GOTHIC} {_GOTHIC} {_GOTHIC}.",
        f"{_GOTHIC} {_GOTHIC}, {_GOTHIC} {_GOTHIC} {_GOTHIC[:-1]}.",
        "1\u20dd2\u20dd3\u20dd ab\u20ddcd\u20dd efghij, klmnopqrstu vwxyzabcdefgh ijklmnopqrs.",
        "12345 67890, 12345 67890 12345 67890 12345 67890 12345 67890.",
        "Siparişiniz bugün kargoya verildi, yarın adresinize teslim edilecektir ve faturanız hesabınıza"
        " gönderilecektir.",
    ]
)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(_long_word_lines | _prose_lines, st.booleans()), max_size=6))
def test_round_prose_of_long_words_is_the_plain_walks(page):
    flags = [Verdict("x") if f else None for _, f in page]
    infos = [describe(" ".join(t.split())) for t, _ in page]
    got = mark._round_prose(infos, flags, mark.line_marks([info.text for info in infos]))
    want = mark_reference.wrapped_prose(infos, flags)
    assert got == mark_reference.clause_prose(mark_reference.terse_prose(want, flags), flags)


def test_round_prose_counts_letters_and_marks_of_a_long_word_sentence():
    tamil = describe("சென்னையில் நேற்று பெய்த கனமழையால், பல சாலைகளில் தண்ணீர் தேங்கியது.")
    short = describe("மழை பெய்தது, சாலை நனைந்தது.")
    assert tamil.n_words < mark.TERSE_PROSE_WORDS and not tamil.prose
    assert [info.prose for info in mark._round_prose([tamil, short], [None, None], [0, 0])] == [True, True]
    assert mark._round_prose([tamil, short], [_X, None], [0, 0])[1] is short
    gothic = [describe(f"{_GOTHIC} {_GOTHIC}, {_GOTHIC} {_GOTHIC} {_GOTHIC[:n]}.") for n in (10, 9)]
    assert mark._round_prose(gothic[:1], [None], [0])[0].prose
    assert mark._round_prose(gothic[1:], [None], [0]) == gothic[1:]
    # Five enclosing circles (category Me) make 50 of 45 letters.
    enclosed = [describe("1\u20dd2\u20dd3\u20dd ab\u20ddcd\u20dd efghij, klmnopqrstu vwxyzabcdefgh ijklmnopqrs.")]
    assert mark._round_prose(enclosed, [None], [0])[0].prose


def test_round_prose_marks_wrapped_and_terse_prose_and_leaves_a_page_with_prose():
    wrapped = [describe("Residents of the town voted on"), describe("monday to keep the old bridge open for walkers.")]
    assert [info.prose for info in mark._round_prose(wrapped, [None, None], mark.line_marks(wrapped))] == [True, True]
    assert [info.prose for info in mark._round_prose(wrapped, [None, _X], mark.line_marks(wrapped))] == [False, False]
    # Lithuanian with none of its function words (its "ir", "iki" are listed since audit 20)
    long_sentence = "Vakar lijo, šiandien saulėta, šilta visoje šalyje, rytoj vėl debesuota."
    terse = [describe(long_sentence), describe("Kaina 10 eur, gerai.")]
    assert [info.prose for info in terse] == [False, False]
    assert [info.prose for info in mark._round_prose(terse, [None, None], [0, 0])] == [True, True]
    no_break = [describe("Vakar lijo šiandien saulėta šilta visoje šalyje rytoj vėl debesuota."), terse[1]]
    assert mark._round_prose(no_break, [None, None], [0, 0]) is no_break
    with_prose = [describe("The town voted on the plan and most of them were for it in the end."), terse[0]]
    assert with_prose[0].prose
    assert mark._round_prose(with_prose, [None, None], [0, 0]) is with_prose


# Lines of a page for the position signal: texts whose stems the article's prose shares or not,
# titles, dates, field labels, closings; shapes drawn apart from the texts (the signal reads both).
_POSITION_TEXTS = st.sampled_from(
    [
        "Weather forecast for Paris and Lyon this weekend.",
        "Gardening tools and seeds for the spring season.",
        "Weather alerts",
        "Seeds catalogue spring",
        "Need for Speed",
        "Marie Dupont | 9 décembre 2019",
        "Published 12 May 2021",
        "Contact:",
        "Lane 4",
        "Sincerely,",
        "Dear Anna,",
        "Home",
        "Telescopes Binoculars Microscopes",
        "Minister resigns after scandal in capital",
        "— Jane Doe (@jane) 3 May",
        "Goalkeeper: A. Name",
        "",
    ]
)
_POSITION_MARKS = st.sampled_from(
    [0, mark.LETTER, mark.LETTER | mark.DIGIT, mark.DIGIT, mark.LETTER | mark.ATTRIBUTION]
    + [mark.LETTER | mark.LIST_ITEM, mark.LETTER | mark.REFERENCE | mark.DIGIT]
)
_POSITION_FLAGS = st.sampled_from(
    [None, None, None]
    + [Verdict("boilerplate:pattern:date", detail="date"), Verdict("boilerplate:pattern:byline", detail="by")]
    + [Verdict("boilerplate:pattern:nav", detail="separated-menu")]
    + [Verdict("boilerplate:position:headline-run", detail="run"), Verdict("boilerplate:pattern:share", detail="x")]
)


def _position_line(prose: bool, flags: st.SearchStrategy) -> st.SearchStrategy:
    """A line of ``_POSITION_TEXTS`` with a drawn shape (prose or not), line flags and verdict."""
    shape = st.builds(
        mark.LineInfo,
        _POSITION_TEXTS,
        st.sampled_from([0, 1, 2, 3, 5, 6, 7, 12, 40]),
        st.sampled_from([0.0, 0.0, 0.1, 0.25, 0.3, 0.5]),
        st.just(prose),
        st.booleans(),
    )
    return st.tuples(shape, _POSITION_MARKS, flags)


# A page: prose paragraphs (most unflagged) between runs of a few alike short lines repeated,
# so that runs as long as ``CHROME_RUN_LINES`` occur, with flags and labels in them.
_short_run = st.tuples(st.lists(_position_line(False, _POSITION_FLAGS), min_size=1, max_size=3), st.integers(1, 20))
_segment = st.one_of(
    _position_line(True, st.sampled_from([None] * 4 + [Verdict("boilerplate:pattern:share", detail="x")])).map(
        lambda line: [line]
    ),
    _short_run.map(lambda run: [line for _ in range(run[1]) for line in run[0]]),
)
position_pages = st.lists(_segment, max_size=8).map(lambda segments: [line for seg in segments for line in seg])


@LAW
@given(position_pages, st.integers(0, 3))
def test_core_position_is_the_plain_walks(page, shorter):
    infos = [info for info, _, _ in page]
    marks = [m for _, m, _ in page]
    flags = [f for _, _, f in page]
    body = [k for k, (info, flag) in enumerate(zip(infos, flags)) if info.prose and flag is None]
    if not body:
        return
    # The body may end before the article's last line (a caller may end it at any unflagged line).
    ends = [k for k in range(body[0], body[-1] + 1) if flags[k] is None]
    last = ends[max(0, len(ends) - 1 - shorter)]
    got, want = list(flags), list(flags)
    mark_reference.core_position(infos, marks, got, mark_reference.Article(infos, body), body[0], last)
    mark_reference.position(infos, marks, want, mark_reference.Article(infos, body), body[0], last)
    assert got == want


def test_core_position_flags_each_kind():
    """A page where the walks flag a header, a foreign label among prose and a run of chrome, and keep a title."""
    prose = describe("Weather forecast for Paris and Lyon this weekend, with rain in the north of the country.")
    label, title = describe("Telescopes Binoculars"), describe("Need for Speed Heat review")
    share = Verdict("boilerplate:pattern:share", detail="x")
    topic = describe("Weather Lyon")
    page = [(describe("Home"), None), (title, None), (prose, None), (label, None), (prose, None), (topic, None)]
    page += [(prose, None)]
    page += [(label, share if k % 3 == 0 else None) for k in range(30)] + [(prose, None)]
    infos = [info for info, _ in page]
    flags = [f for _, f in page]
    marks = mark.line_marks([info.text for info in infos])
    body = [k for k, (info, f) in enumerate(page) if info.prose and f is None]
    want = list(flags)
    mark_reference.position(infos, marks, want, mark_reference.Article(infos, body), 2, len(page) - 1)
    mark_reference.core_position(infos, marks, flags, mark_reference.Article(infos, body), 2, len(page) - 1)
    assert flags == want
    reasons = [f and f.reason.rsplit(":", 1)[1] for f in flags]
    # The title stays; a lone label foreign to the article between two paragraphs goes, one about it stays.
    assert reasons[:7] == ["header", None, None, "inline-label", None, None, None]
    assert reasons[7:11] == ["share", "chrome-run", "chrome-run", "share"]


def test_position_flags_refuses_lists_of_other_lengths():
    info = describe("Weather forecast for Paris and Lyon this weekend, with rain in the north of the country.")
    article = mark_reference.Article([info], [0])
    limits = (mark._POSITION_LIMITS, mark._WEIGH_LIMITS, mark._DATED_KINDS, article, date_search(), Verdict)
    with pytest.raises(ValueError, match="length"):
        _core.position_flags([info], [None], [], 0, 0, *limits)
    with pytest.raises(ValueError, match="length"):
        _core.position_flags([info], [None], [1], 0, 1, *limits)


# Keys of the off-topic labels: a line's own and its neighbours', in 0 to 4 files (None: no neighbour).
_offtopic_keys = st.tuples(st.integers(1, 6), st.none() | st.integers(1, 6), st.none() | st.integers(1, 6))
_offtopic_counts = st.dictionaries(st.integers(1, 6), st.integers(0, 4)) | st.none()


@LAW
@given(st.lists(st.tuples(_position_line(False, _POSITION_FLAGS), _offtopic_keys), max_size=12), _offtopic_counts)
def test_core_article_lines_are_the_plain_loop(page, counts):
    infos = [info for (info, _, _), _ in page]
    marks = [m for (_, m, _), _ in page]
    flags = [f for (_, _, f), _ in page]
    # Some lines are prose: the article, never a label.
    infos = [info._replace(prose=k % 3 == 0) for k, info in enumerate(infos)]
    around = [near for _, near in page]
    want = mark_reference.article_lines(infos, flags, marks, around, counts)
    args = (mark.OFFTOPIC_MIN_FILES, mark.FREQUENCY_MAX_WORDS, mark.OFFTOPIC_TITLE_WORDS)
    assert _core.article_lines(infos, flags, marks, around, counts, *args) == want
    if counts is not None:  # a mapping that is not a dict is read through its ``get``
        assert _core.article_lines(infos, flags, marks, around, _Counts(counts), *args) == want


def test_article_lines_refuses_lists_of_other_lengths():
    info = describe("Home")
    with pytest.raises(ValueError, match="length"):
        _core.article_lines([info], [None], [1], [], {}, 2, 25, 3)


# Verdicts the article's signals read besides the position signal's: a "read also" label (the body's end), chrome,
# a comments marker (the article above its thread).
_ARTICLE_FLAGS = st.sampled_from(
    [None, None, Verdict(mark.READ_ALSO, detail="readalso"), Verdict("boilerplate:pattern:share", detail="x")]
    + [Verdict(mark._THREAD_MARKER, detail="comments-count")]
)


@LAW
@given(position_pages, st.data())
def test_core_article_signals_are_the_plain_python(page, data):
    """The core's one call (``_core.ArticleSignals``) gives the verdicts of the plain Python it replaced."""
    infos = [info for info, _, _ in page]
    marks = [m for _, m, _ in page]
    flags = [f for _, _, f in page]
    for k, flag in data.draw(st.lists(st.tuples(st.integers(0, 200), _ARTICLE_FLAGS), max_size=4)):
        if k < len(flags):
            flags[k] = flag
    around = data.draw(st.lists(_offtopic_keys, min_size=len(page), max_size=len(page)))
    counts = data.draw(_offtopic_counts)
    where = data.draw(st.sampled_from(["", " of example.com"]))
    given_flags = list(flags)
    want = mark_reference.article_signals(infos, marks, flags, counts, around, where)
    assert mark._article_signals(infos, marks, flags, counts, around, where) == want
    assert flags == given_flags  # read, not changed


def test_core_article_signals_set_a_block_apart():
    """A teaser block under a menu, foreign to the article, goes as an outlying block; the article stays."""
    prose = describe("Weather forecast for Paris and Lyon this weekend, with rain in the north of the country.")
    teaser = describe("Gardening tools and seeds for the spring season are on sale in every shop of the town.")
    share = Verdict("boilerplate:pattern:share", detail="x")
    page = [(prose, None)] * 6 + [(describe("Share"), share)] * 5 + [(teaser, None)]
    infos = [info for info, _ in page]
    flags = [f for _, f in page]
    marks = mark.line_marks([info.text for info in infos])
    around = [mark.NO_COUNTS] * len(page)
    got = mark._article_signals(infos, marks, flags, None, around)
    assert got == mark_reference.article_signals(infos, marks, flags, None, around)
    assert got[:6] == [None] * 6 and got[11].reason == "boilerplate:position:outlying-block"


def test_article_signals_refuses_lists_of_other_lengths():
    info = describe("Weather forecast for Paris and Lyon this weekend, with rain in the north of the country.")
    with pytest.raises(ValueError, match="length"):
        mark._article_signals([info, info], [1, 1], [None], None, [mark.NO_COUNTS] * 2)
    with pytest.raises(ValueError, match="length"):
        mark._article_signals([info], [1], [None], {}, [])


_GOLDEN_DIR = Path(__file__).parents[1] / "data"
GOLDEN_DOCUMENTS = [
    [line["text"] for line in d["lines"]]
    for name in ("boilerplate_cases", "content_guards_cases", "structure_cases", "boilerplate_scripts")
    for d in json.loads((_GOLDEN_DIR / f"{name}.json").read_text(encoding="utf-8"))["documents"]
]


@pytest.mark.parametrize("lines", GOLDEN_DOCUMENTS, ids=range(len(GOLDEN_DOCUMENTS)))
def test_golden_documents_marked_as_the_plain_walks_mark_them(lines, monkeypatch):
    """Every golden document gets the same verdicts from the core's walks as from the plain ones."""
    doc = golden_documents.document(lines)
    mark.mark(doc, RULES, None, 5)
    got = [p.verdict for p in doc.paragraphs]
    monkeypatch.setattr(mark, "_article_signals", mark_reference.article_signals)
    doc = golden_documents.document(lines)
    mark.mark(doc, RULES, None, 5)
    assert got == [p.verdict for p in doc.paragraphs]


@pytest.mark.parametrize("name", ["en-outlying-tail-forum-last-entry", "en-outlying-tail-comment-count"])
def test_the_guards_of_a_page_of_entries_keep_a_last_block_that_would_go(name, monkeypatch):
    """The golden pages of entries keep their last block only by the guards: without them it goes."""
    case = next(d for d in BOILERPLATE["documents"] if d["name"] == name)
    lines = [line["text"] for line in case["lines"]]
    doc = golden_documents.document(lines)
    mark.mark(doc, RULES, None, 5)
    assert all(p.verdict is None for p, line in zip(doc.paragraphs, case["lines"]) if line["expect"] == "keep")
    monkeypatch.setattr(mark, "_article_signals", mark_reference.article_signals)
    monkeypatch.setattr(mark_reference, "_entry_separator", lambda *_: False)
    doc = golden_documents.document(lines)
    mark.mark(doc, RULES, None, 5)
    assert "boilerplate:position:outlying-tail" in {p.verdict.reason for p in doc.paragraphs if p.verdict}
