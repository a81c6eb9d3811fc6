"""The page's kind: a page that is no article keeps its records and its head (page_kind.py).

The golden documents of tests/data/page_kind_cases.json show it in context, with negatives (an
article's related list with figures, a product's cross-sell); the laws below hold for any page.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from golden_documents import assert_fixed_point, assert_marked, document
from nettoyeur.boilerplate.line_shapes import describe
from nettoyeur.boilerplate.page_kind import (
    AMOUNT,
    FIELD,
    HEAD_MAX_LINES,
    HEAD_PAGE_PROSE,
    OFFER,
    PRICE,
    RECORD_PAGE_PROSE,
    RECORD_RUN_MIN,
    ROW,
    SPARED_REASONS,
    page_head,
    record_page,
    record_shape,
    removed_prose,
    spared_lines,
)
from nettoyeur.boilerplate.rules import builtin_rules
from nettoyeur.records import Verdict

DATA = json.loads((Path(__file__).parents[1] / "data" / "page_kind_cases.json").read_text(encoding="utf-8"))
DOCUMENTS = DATA["documents"]
RULES = builtin_rules()
RULE = Verdict("boilerplate:pattern:nav", detail="test")
DATE = Verdict("boilerplate:pattern:date", detail="test")
HEADER = Verdict("boilerplate:position:header", detail="short line above the article body")
RELATED = "boilerplate:pattern:readalso"
PROSE = "The shop sends every order within two days, and the price of each item includes the tax that is due on it."


def test_golden_documents_hold_record_pages_and_negatives():
    assert len({case["lang"] for case in DOCUMENTS}) >= 2
    negatives = [case for case in DOCUMENTS if case["why"].startswith("negative")]
    assert len(negatives) >= 2
    # Each negative removes lines by a position signal that page_kind.py could have spared.
    for case in negatives:
        assert any(line.get("reason") in SPARED_REASONS for line in case["lines"]), case["name"]


@pytest.mark.parametrize("case", DOCUMENTS, ids=lambda c: c["name"])
def test_document_lines_are_kept_or_removed(case):
    assert_marked(case, RULES, lambda verdict, expected: verdict.reason == expected.get("reason", verdict.reason))


@pytest.mark.parametrize("case", DOCUMENTS, ids=lambda c: c["name"])
def test_a_second_clean_removes_nothing(case):
    assert_fixed_point([line["text"] for line in case["lines"]], RULES)


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("£34.99", PRICE),
        ("129,90 €", PRICE),
        ("Antes 899,00 € (-17%)", PRICE),
        ("Harbour Bread Bin £24.99", OFFER),
        ("価格：12,980円（税込）", PRICE),
        ("Weight: 1.1 kg", FIELD),
        ("Semester: Autumn", FIELD),
        ("重さ：2.8kg", FIELD),
        ("Vent : S 10 km/h", FIELD),  # French typography: a space before the colon
        ("Classe énergie\u00a0: C", FIELD),
        ("Ashworth Town 2-1 Kelby United", ROW),
        ("1 Redbridge Wanderers 28 19 5 4 62", ROW),
        # No records: a label, a count, a bare figure, a menu's "::", a line with one figure.
        ("Kitchen", None),
        ("Kitchen (12)", None),
        ("2019", None),
        ("-- Alabama :: Birmingham", None),
        ("Three bedrooms", None),
        ("7 Tips for Better Sleep", None),  # a teaser's count, in title case
        ("2. Los billetes de tren se agotan", None),  # a list's number
        # An amount: a quantity, then what it measures in lower case (an ingredient, a job's leave).
        ("500 g spliterwten", AMOUNT),
        ("4 białe kiełbasy", AMOUNT),
        ("28 days holiday plus bank holidays", AMOUNT),
        ("March 6, 2024 · 48 min", None),  # a date's figures
    ],
)
def test_record_shapes(text, shape):
    assert record_shape(describe(text)) == shape


def test_prose_is_no_record():
    assert record_shape(describe(PROSE + " It costs £5.")) is None


def _page(texts: list[str]):
    return [describe(text) for text in texts]


def test_a_page_of_records_needs_a_run_and_a_small_body():
    rows = [f"Club {k} {k + 10} {k + 3} {k + 1}" for k in range(RECORD_RUN_MIN)]
    infos = _page(["Results", *rows, PROSE])
    known = [None] * len(infos)
    shapes = record_page(infos, known)
    assert shapes is not None and shapes[1:-1] == [ROW] * RECORD_RUN_MIN
    # One record fewer, or a rule's line cutting the run: no page of records.
    assert record_page(infos[:-2] + infos[-1:], known[:-1]) is None
    assert record_page(infos, [None, None, RULE] + known[3:]) is None
    # An article body: no page of records.
    words = len(PROSE.split())
    long_body = _page([PROSE] * (RECORD_PAGE_PROSE // words + 1))
    assert record_page(infos + long_body, known + [None] * len(long_body)) is None


def test_the_head_runs_up_to_the_first_known_line():
    infos = _page(["Home", "Menu", "Lemon Street, Truro", "Guide price: £325,000", PROSE])
    assert sorted(page_head(infos, [None] * 5)) == [2, 3]  # lone words are labels
    assert sorted(page_head(infos, [None, RULE, None, None, None])) == [2, 3]
    # A date or a sentence between: the head stops there; a single line is no head; no prose, no head.
    assert page_head(infos, [None, None, None, DATE, None]) == []
    assert page_head(_page(["Home", "A short post.", "Lemon Street", "Size: 4", PROSE]), [None] * 5) == [3, 2]
    # No record among them: a menu's last items over a short article.
    assert page_head(_page(["Home", "Waste and recycling", "Dear Ms Okafor,", PROSE]), [None] * 4) == []
    assert page_head(infos[:-1], [None] * 4) == []
    # At most HEAD_MAX_LINES lines.
    many = _page(["Opening hours", "Opens: 9:00"] * HEAD_MAX_LINES + [PROSE])
    assert len(page_head(many, [None] * len(many))) == HEAD_MAX_LINES
    # A long body: an article, whose header stays the position signal's.
    words = len(PROSE.split())
    body = _page([PROSE] * (HEAD_PAGE_PROSE // words + 1))
    assert page_head(infos + body, [None] * (5 + len(body))) == []
    # Nor when another step removed the body's prose: the page was an article.
    assert page_head(infos, [None] * 5, removed=HEAD_PAGE_PROSE) == []


def test_removed_prose_counts_long_paragraphs_that_other_steps_removed():
    doc = document([PROSE, "Short line", PROSE, "Menu"])
    doc.paragraphs[0].verdict = Verdict("duplicate")
    doc.paragraphs[1].verdict = Verdict("duplicate")
    doc.paragraphs[3].verdict = HEADER
    assert removed_prose(doc) == len(PROSE.split())
    doc.paragraphs[2].verdict = HEADER  # boilerplate's own removals do not count
    assert removed_prose(doc) == len(PROSE.split())


def test_a_run_under_a_related_label_stays_chrome():
    offers = [f"Item {k} £{k}9.99" for k in range(2)]
    rows = [f"Club {k} {k + 10} {k + 3} {k + 1}" for k in range(RECORD_RUN_MIN)]
    infos = _page([*rows, PROSE, "Customers also bought", *rows[:2], *offers])
    known = [None] * len(infos)
    known[RECORD_RUN_MIN + 1] = Verdict(RELATED, detail="related-label")
    flags = [HEADER] * len(infos)
    flags[RECORD_RUN_MIN] = None
    spared = spared_lines(infos, known, flags, RELATED)
    assert spared == list(range(RECORD_RUN_MIN))


LINES = ["£4.99", "Size: 4", "Club 2-1 Town", "Menu", PROSE]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(["£4.99", "Size: 4", "Club 2-1 Town", "Menu", PROSE]), min_size=1, max_size=20), st.data()
)
def test_spared_lines_are_flagged_by_position_and_unknown_to_rules(texts, data):
    infos = _page(texts)
    known = data.draw(st.lists(st.sampled_from([None, RULE]), min_size=len(texts), max_size=len(texts)))
    flags = [flag or data.draw(st.sampled_from([None, HEADER])) for flag in known]
    spared = spared_lines(infos, known, flags, RELATED)
    assert spared == sorted(set(spared))
    for k in spared:
        assert known[k] is None and flags[k] is not None and flags[k].reason in SPARED_REASONS


PAGE_LINES = [
    "Home > Shop > Kettles",
    "Kitchen",
    "Garden and patio",
    "Harbour Kettle, Brushed Steel",
    "£34.99",
    "Was £49.99 – save £15.00",
    "Power: 3000 W",
    "Colour: brushed steel",
    "Ashworth Town 2-1 Kelby United",
    "Harbour Bread Bin £24.99",
    "Customers also bought",
    "Share this page",
    "Posted on 4 March 2024",
    PROSE,
    "© 2024 Homeway Retail Ltd",
]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(PAGE_LINES), min_size=1, max_size=24))
def test_a_second_clean_of_any_page_of_records_removes_nothing(texts):
    assert_fixed_point(texts, RULES)
