r"""Split: text into lines and paragraphs, and back.

A paragraph is a non-empty line (after stripping whitespace). Both layouts found in web
text work: paragraphs separated by blank lines, and one paragraph a line. Lines keep
their own endings (``\r\n``, ``\r`` or ``\n``) so that :func:`join_kept` can write
the file back in its own layout: the blank lines before a kept paragraph stay as they
were, and a removed paragraph takes the blank lines before it along, leaving no gap.
"""

from __future__ import annotations

import re

from nettoyeur.records import Document, Paragraph

_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _lines(text: str) -> list[str]:
    r"""Returns the lines of ``text`` split on ``\r\n``, ``\r`` and ``\n`` only, each with its ending.

    ``str.splitlines(keepends=True)`` gives them 5x faster than the regular expression, but
    it also splits on line boundaries we do not (``\v``, ``\f``, ``\x1c``-``\x1e``, ``\x85``,
    U+2028, U+2029). Its lines are ours when there are as many as our line breaks, plus one
    for a text that does not end with one: each other boundary adds a line, except one that
    ends the text, which is then the end of the last line for both.
    """
    lines = text.splitlines(keepends=True)
    breaks = text.count("\n")
    if "\r" in text:  # \r\n is one break
        breaks += text.count("\r") - text.count("\r\n")
    if len(lines) != breaks + (not text.endswith(("\n", "\r"))):
        return _LINES.findall(text)
    return lines


def split_lines(text: str) -> tuple[list[str], list[Paragraph]]:
    """Splits decoded text into lines (with endings) and paragraphs.

    Returns:
        ``(lines, paragraphs)``; ``paragraphs[k].line`` is the 1-based index into lines.
    """
    lines = _lines(text)
    numbers: list[int] = []
    bodies: list[str] = []
    for number, line in enumerate(lines, start=1):
        body = line.rstrip("\r\n")
        if body and not body.isspace():  # str.strip() and str.isspace() agree on what is white space
            numbers.append(number)
            bodies.append(body)
    return lines, list(map(Paragraph, range(len(numbers)), numbers, bodies, bodies))


def _ending(line: str) -> str:
    return line[len(line.rstrip("\r\n")) :]


def join_kept(doc: Document) -> str:
    """Rebuilds the document's text from its kept paragraphs, in its own layout.

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
