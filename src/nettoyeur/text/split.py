r"""Split: text into lines and paragraphs, and back.

A paragraph is a non-empty line (after stripping whitespace). Both layouts found in web
text work: paragraphs separated by blank lines, and one paragraph a line. Lines keep
their own endings (``\r\n``, ``\r`` or ``\n``) so that :func:`join_kept` can write
the file back in its own layout: the blank lines before a kept paragraph stay as they
were, and a removed paragraph takes the blank lines before it along, leaving no gap.
"""

from __future__ import annotations

from nettoyeur import _core
from nettoyeur.records import Document, Paragraph
from nettoyeur.text.repair_gate import GATE

# Python's white space (``str.isspace``), for the core's test of a blank line: the same set in
# Pythons 3.10 to 3.13 (Unicode 13 to 15.1), written out where walking the BMP for it cost every
# process 5 ms of its start. No character beyond U+FFFF is white space; tests/native/test_reader_core.py
# checks both against this Python.
SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# The splitting is native (``nettoyeur._core.LineSplitter``, native/src/lines.rs): one call a
# document makes its lines and its Paragraph records. Its plain Python reference is
# tests/split_reference.py.
_SPLITTER = _core.LineSplitter(SPACES, Paragraph)


def split_lines(text: str) -> tuple[list[str], list[Paragraph]]:
    r"""Splits decoded text into lines (with endings) and paragraphs.

    Lines end after ``\r\n``, ``\r`` or ``\n`` only: the other boundaries
    ``str.splitlines`` knows (``\v``, ``\f``, ``\x1c``-``\x1e``, ``\x85``, U+2028,
    U+2029) stay inside their line. A paragraph is a line that is not blank once its ending
    is left out; its text and original are that line without its ending.

    Returns:
        ``(lines, paragraphs)``; ``paragraphs[k].line`` is the 1-based index into lines.

    Raises:
        TypeError: ``text`` is not a str.
    """
    return _SPLITTER.split(text)


def paragraph_line_keys(
    text: str, shapes: _core.Shapes, limit: int, max_chars: int
) -> tuple[int, bool, list[int] | None]:
    """The frequency keys of the paragraphs :func:`split_lines` finds, from the text itself (one core call).

    What pass 1 counts of a document that needs no repair: ``shapes.line_keys`` of the texts of its
    paragraphs of at most ``max_chars`` characters, which are never made strings, nor its lines
    and ``Paragraph`` records (:func:`nettoyeur.boilerplate.line_counts.text_line_keys`).

    Returns:
        ``(paragraphs, suspect, keys)``: the number of paragraphs, the repair gate's answer on
        the lines (``any_may_need_repair(split_lines(text)[0])``), and the keys, or None where
        ``suspect`` (the paragraphs are to be repaired first).

    Raises:
        TypeError: ``text`` is not a str.
    """
    return _SPLITTER.line_keys(text, GATE, shapes, limit, max_chars)


def kept_bytes(doc: Document, replace: bool = True) -> bytes:
    """The document's kept paragraphs in its own layout (:func:`join_kept`), as UTF-8.

    Written by the core (``_core.kept_text``, the write pass's own ``join_kept`` in
    native/src/render.rs) from the document's text and its paragraphs' verdicts and repaired
    texts: one implementation of the layout for every output. Its plain Python reference is
    ``tests/split_reference.join_kept``.

    Args:
        doc: the document, split by :func:`split_lines` (its paragraphs are those of its lines).
        replace: a lone surrogate becomes U+FFFD (a file's bytes); else it is written as
            ``"surrogatepass"`` writes it.

    Raises:
        ValueError: the document's paragraphs are not those of its lines.
    """
    paragraphs = doc.paragraphs
    removed = bytes([p.verdict is not None for p in paragraphs])
    fixed = [(k, p.text) for k, p in enumerate(paragraphs) if p.text != p.original]
    return _core.kept_text(SPACES, "".join(doc.lines), removed, fixed, replace)


def join_kept(doc: Document) -> str:
    """Rebuilds the document's text from its kept paragraphs, in its own layout.

    The file's leading and trailing blank lines stay. Between two kept paragraphs, the
    blank lines that stood right before the second one stay; a removed paragraph takes
    the blank lines before it along, so it leaves no gap (the first kept paragraph gets
    none). Each kept line keeps its own ending; a repaired paragraph is written as repaired.

    Returns:
        the output text (:func:`kept_bytes`, lone surrogates kept); empty when no paragraph is kept.

    Raises:
        ValueError: the document's paragraphs are not those of its lines.
    """
    if not doc.paragraphs:
        return ""
    return kept_bytes(doc, replace=False).decode("utf-8", "surrogatepass")
