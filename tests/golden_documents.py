"""Golden boilerplate documents: a case's lines marked as one document, checked line by line.

The golden files under ``tests/data`` (``boilerplate_cases.json``, ``content_guards_cases.json``,
``page_kind_cases.json``, ``structure_cases.json``) hold documents as lists of lines, each with ``expect`` (``keep`` or
``remove``) and what names the removal (a signal or a whole reason).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nettoyeur.boilerplate.mark import mark
from nettoyeur.boilerplate.rules import Rule
from nettoyeur.records import Document, Verdict
from nettoyeur.text.split import join_kept, split_lines


def document(lines: list[str], path: str = "doc.txt") -> Document:
    """One document of ``lines``, split as a clean splits a file."""
    text_lines, paragraphs = split_lines("\n".join(lines) + "\n")
    return Document(path, lines=text_lines, paragraphs=paragraphs)


def reread(doc: Document) -> Document:
    """The document as its cleaned output reads back (the kept lines, blank lines dropped)."""
    return document([line for line in join_kept(doc).splitlines() if line.strip()], doc.path)


def assert_fixed_point(lines: list[str], rules: list[Rule], **options: Any) -> None:
    """Marks ``lines`` as one document, then its output again: the second clean removes nothing.

    ``options`` are :func:`~nettoyeur.boilerplate.mark.mark`'s keyword arguments (``comments``...).

    Raises:
        AssertionError: the second clean removed lines.
    """
    doc = document(lines)
    mark(doc, rules, None, 5, **options)
    assert mark(reread(doc), rules, None, 5, **options) == 0


def assert_marked(case: dict[str, Any], rules: list[Rule], removal: Callable[[Verdict, dict[str, Any]], bool]) -> None:
    """Marks ``case``'s lines alone (no corpus counts); every ``keep`` line is kept, every other line
    removed with a verdict that ``removal(verdict, expected line)`` accepts.

    Raises:
        AssertionError: naming the first line marked otherwise, with its verdict.
    """
    doc = document([line["text"] for line in case["lines"]])
    mark(doc, rules, None, 5)
    for paragraph, expected in zip(doc.paragraphs, case["lines"], strict=True):
        if expected["expect"] == "keep":
            assert paragraph.kept, f"removed {paragraph.text!r}: {paragraph.verdict}"
        else:
            assert not paragraph.kept, f"kept {paragraph.text!r}"
            assert removal(paragraph.verdict, expected), f"{paragraph.text!r}: {paragraph.verdict}"
