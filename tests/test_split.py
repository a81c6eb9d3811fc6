"""Split and join: paragraphs are non-blank lines; the output keeps each file's layout."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA, expected_layout
from nettoyeur.records import Document, Verdict
from nettoyeur.split import join_kept, split_lines

CASES = json.loads((DATA / "layout_cases.json").read_text(encoding="utf-8"))["cases"]


def cleaned(text: str, removed: set[int], texts: dict[int, str] | None = None) -> str:
    lines, paragraphs = split_lines(text)
    for p in paragraphs:
        if p.line in removed:
            p.verdict = Verdict("duplicate")
        if texts and p.line in texts:
            p.text = texts[p.line]
    return join_kept(Document(path="x.txt", lines=lines, paragraphs=paragraphs))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['label']}:{c['id']}" for c in CASES])
def test_layout_cases(case: dict) -> None:
    assert cleaned(case["text"], set(case["removed"])) == case["expected"]
    assert expected_layout(case["text"], set(case["removed"])) == case["expected"]  # the test's own oracle agrees


def test_paragraphs_are_the_non_blank_lines_with_their_numbers() -> None:
    lines, paragraphs = split_lines("\n  Titre \r\n\t\nCorps\rFin")
    assert lines == ["\n", "  Titre \r\n", "\t\n", "Corps\r", "Fin"]
    assert [(p.index, p.line, p.text) for p in paragraphs] == [(0, 2, "  Titre "), (1, 4, "Corps"), (2, 5, "Fin")]
    assert all(p.original == p.text and p.kept for p in paragraphs)


def test_repaired_text_is_written_with_the_line_own_ending() -> None:
    assert cleaned("A\r\n\r\nB\r\n", set(), {1: "Â"}) == "Â\r\n\r\nB\r\n"


# Text from a small alphabet rich in line endings and (Unicode) blanks, so that layouts vary a lot.
TEXT = st.lists(st.sampled_from(["a", "é", " ", "\t", "\u3000", "\n", "\r", "\r\n", "\x0b", "\u2028"])).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_nothing_removed_gives_the_input_back(text: str) -> None:
    lines, paragraphs = split_lines(text)
    assert "".join(lines) == text
    if paragraphs:
        assert cleaned(text, set()) == text


@settings(max_examples=300, deadline=None)
@given(TEXT, st.data())
def test_any_removal_follows_the_layout_rules(text: str, data: st.DataObject) -> None:
    _, paragraphs = split_lines(text)
    numbers = [p.line for p in paragraphs]
    removed = set(data.draw(st.lists(st.sampled_from(numbers), unique=True))) if numbers else set()
    out = cleaned(text, removed)
    assert out == expected_layout(text, removed)
    _, again = split_lines(out)
    assert [p.text for p in again] == [p.text for p in paragraphs if p.line not in removed]
