"""Split and join: paragraphs are non-blank lines; the output keeps each file's layout."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA, expected_layout
from nettoyeur.records import Document, Verdict
from nettoyeur.text.split import join_kept, split_lines

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


def lines_oracle(text: str) -> list[str]:
    """The lines split on \\r\\n, \\r and \\n only, character by character (the test's own oracle)."""
    lines, start, i = [], 0, 0
    while i < len(text):
        if text[i] in "\r\n":
            i += 2 if text[i : i + 2] == "\r\n" else 1
            lines.append(text[start:i])
            start = i
        else:
            i += 1
    return lines + ([text[start:]] if start < len(text) else [])


# Every boundary str.splitlines() knows, ours and the others (which stay inside a line).
BREAKS = st.lists(
    st.sampled_from(["a", " ", "\n", "\r", "\r\n", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"])
).map("".join)


@settings(max_examples=500, deadline=None)
@given(BREAKS)
def test_lines_split_on_cr_and_lf_only(text: str) -> None:
    lines, paragraphs = split_lines(text)
    assert lines == lines_oracle(text)
    assert [p.line for p in paragraphs] == [n for n, line in enumerate(lines, 1) if line.strip()]


@pytest.mark.parametrize(
    "text",
    ["a\fb\n", "a\nb\f", "a\f", "\f", "a\n\x85", "a\u2028\u2029", "a\r\n\v\r", "\x1c\n\x1d", ""],
    ids=repr,
)
def test_other_boundaries_stay_inside_their_line(text: str) -> None:
    assert split_lines(text)[0] == lines_oracle(text)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.data())
def test_removals_and_repairs_follow_the_layout_rules(text: str, data: st.DataObject) -> None:
    numbers = [p.line for p in split_lines(text)[1]]
    removed = set(data.draw(st.lists(st.sampled_from(numbers), unique=True))) if numbers else set()
    repaired = set(data.draw(st.lists(st.sampled_from(numbers), unique=True))) if numbers else set()
    texts = {n: f"repaired {n}" for n in repaired}
    assert cleaned(text, removed, texts) == expected_layout(text, removed, texts)
