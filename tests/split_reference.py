r"""The plain Python references of ``text.split.split_lines`` (the oracle of the native ``LineSplitter``)
and ``text.split.join_kept`` (of the core's ``kept_text``, which writes every output's layout).

A line ends after ``\r\n``, ``\r`` or ``\n`` (a regular expression says so here); a paragraph
is a line whose text without its ending is not blank (``str.isspace``).
"""

from __future__ import annotations

import re

from nettoyeur.records import Document, Paragraph

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


def _ending(line: str) -> str:
    return line[len(line.rstrip("\r\n")) :]


def join_kept(doc: Document) -> str:
    """The former ``text.split.join_kept``: rebuilds the document's text from its kept paragraphs, in its own layout.

    The file's leading and trailing blank lines stay. Between two kept paragraphs, the
    blank lines that stood right before the second one stay; a removed paragraph takes
    the blank lines before it along, so it leaves no gap (the first kept paragraph gets
    none). Each kept line keeps its own ending.

    The lines between two paragraphs are blank (a paragraph is a non-blank line), so the
    blank lines right before a paragraph are those after the one before it; and an
    unrepaired paragraph's line is the input's line. The input's lines are copied in
    slices, from one removed or repaired paragraph to the next.

    Returns:
        the output text; empty when no paragraph is kept.
    """
    paragraphs, lines = doc.paragraphs, doc.lines
    if not paragraphs:
        return ""
    out: list[str] = []
    first = True
    begin, end = 0, paragraphs[0].line - 1  # lines[begin:end] are copied as they are: the leading blank lines
    for j, para in enumerate(paragraphs):
        if para.verdict is not None:
            continue
        start = para.line - 1  # 0-based index of the paragraph's line
        gap = start if first else paragraphs[j - 1].line  # where the blank lines before it begin
        first = False
        if gap != end:  # lines left out since the last copied one
            out.extend(lines[begin:end])
            begin = gap
        if para.text == para.original:
            end = start + 1
        else:
            out.extend(lines[begin:start])
            out.append(para.text + _ending(lines[start]))
            begin = end = start + 1
    if first:
        return ""
    out.extend(lines[begin:end])
    out.extend(lines[paragraphs[-1].line :])  # trailing blank lines of the file
    return "".join(out)
