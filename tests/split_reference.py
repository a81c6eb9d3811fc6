r"""The plain Python reference of ``text.split.split_lines`` (the oracle of the native ``LineSplitter``).

A line ends after ``\r\n``, ``\r`` or ``\n`` (a regular expression says so here); a paragraph
is a line whose text without its ending is not blank (``str.isspace``).
"""

from __future__ import annotations

import re

from nettoyeur.records import Paragraph

LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def split_lines(text: str) -> tuple[list[str], list[Paragraph]]:
    """Returns the lines of ``text`` with their endings, and its paragraphs."""
    lines = LINES.findall(text)
    paragraphs: list[Paragraph] = []
    for number, line in enumerate(lines, start=1):
        body = line.rstrip("\r\n")
        if body and not body.isspace():
            paragraphs.append(Paragraph(len(paragraphs), number, body, body))
    return lines, paragraphs

