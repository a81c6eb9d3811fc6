"""Line shapes kept on disk between pass 2 and the re-mark pass, so that no line is described twice.

Pass 2 describes every kept paragraph (:func:`nettoyeur.boilerplate.line_shapes.describe`: its number
of words, their share of function words, whether it is prose, whether it ends like a sentence).
After dedup, the re-mark pass marks the documents dedup thinned again; every paragraph it
marks was kept in pass 2, so was described there. Describing the long prose lines again
(lower-casing, finding the words, counting the function words) cost 7% of a run's CPU.

So each batch of pass 2 writes beside its spill file the numbers :func:`describe` found
for each paragraph it analysed (the paragraphs with an id, in id order): 38 bytes a
paragraph (the function-word share as the float64 describe computed, bit for bit; the
word count; prose and sentence flags, whether a pattern rule matched it; the 64-bit
frequency keys of the line and of its pairs with its neighbours; its ``mark.line_marks``). The re-mark
pass reads them back and makes each line's :class:`~nettoyeur.boilerplate.line_shapes.LineInfo`
from them and its text: the same fields as the described line (its words and stems are read
from the text by the core when asked, as a described line's are). Pass 2 also flags the lines
whose text is already collapsed (most): the re-mark pass takes their text as it is, where testing
it again (``str.isprintable`` and the search for a double space, over 40 MB of text) cost 0.10 s
of the 0.22 s :meth:`StoredShapes.lines` took on the benchmark corpus (300,000 paragraphs, CPU
time, one process); with the flag and one loop over a document's paragraphs it takes 0.07 s.

The re-mark pass reads one rule of a line: a date or byline rule (a dated list may have lost
entries to dedup). A paragraph left by pass 2 seldom has a rule (the heads of a dated list,
an article's sentence that a notice rule spared), so only the lines stored with one are
matched again: matching the short lines of every re-marked document again (describe and
the rules' candidates) cost 0.40 s of the re-mark pass's 3.8 s on the benchmark corpus
(300,000 paragraphs, under cProfile).

The frequency keys of a line and its pairs (``mark.neighbours``) are those of the lines the
document had when it was loaded, whatever dedup removed since, and a line's flags
(``mark.line_marks``) are its text's: the re-mark pass reads them instead of reading,
lower-casing and hashing the short lines of each re-marked document again (0.3 s of the
re-mark pass's 3.2 s on the benchmark corpus, under cProfile), and reading every line for its
flags (0.1 s more).

Only runs whose tasks share this machine's disk keep the file (Ray's tasks describe again).
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from nettoyeur import _core
from nettoyeur.boilerplate.line_shapes import LineInfo, ShapeMemo, collapse
from nettoyeur.boilerplate.rules import Rule
from nettoyeur.records import Document

# One row per analysed paragraph: describe's function-word share (float64, exactly), its
# word count, bit 0 prose, bit 1 sentence, bit 2 a pattern rule matched it, bit 3 it pairs with
# the line above, bit 4 with the line below; the frequency key of the line and of those pairs
# (0 where there is none), bit 5 its text is its collapsed text (describe's ``text``: white space
# already collapsed, as in most lines); its line flags (``mark.line_marks``: 8 bits). Packed: 38 bytes.
ROW = np.dtype(
    [
        ("stop_share", "<f8"),
        ("n_words", "<i4"),
        ("flags", "u1"),
        ("key", "<u8"),
        ("above", "<u8"),
        ("below", "<u8"),
        ("marks", "u1"),
    ]
)
# (``_core.shape_rows`` packs the rows so: native/src/memo_py.rs, ``ROW_BYTES``.)
_PROSE, _SENTENCE, _RULED, _ABOVE, _BELOW, _COLLAPSED = 1, 2, 4, 8, 16, 32
SUFFIX = ".shapes"

# A line's frequency key and those of its pairs with the lines above and below it, None where
# that neighbour does not pair (``mark.Near``).
Near = tuple[int, int | None, int | None]
# What the re-mark pass reads of a document's kept lines: their shapes and rules, keys and line flags.
Stored = tuple[list[tuple[LineInfo, Rule | None]], list[Near], list[int]]


class ShapeLog:
    """The shapes of one batch's analysed paragraphs, in paragraph-id order, written at the end of pass 2."""

    def __init__(self) -> None:
        self._rows = bytearray()  # the rows of ``ROW``, packed (``_core.shape_rows``)

    def add(
        self,
        lines: list[tuple[LineInfo, Rule | None]],
        around: list[Near],
        marks: list[int],
        texts: list[str],
        left: list[int] | None = None,
    ) -> None:
        """Appends the shapes, first matching rules, frequency keys and line flags of analysed paragraphs, in id order.

        ``texts``: the paragraphs' texts (a text equal to its shape's is flagged: the re-mark pass
        then need not test that its white space is collapsed). ``left``: the positions of the
        paragraphs to append, increasing (None: every one). The native core packs the rows
        (``_core.shape_rows``, native/src/memo_py.rs); ``lines`` and ``around`` hold tuples.

        Raises:
            ValueError: ``lines``, ``around``, ``marks`` and ``texts`` differ in length.
        """
        self._rows += _core.shape_rows(lines, around, marks, texts, left)

    def __len__(self) -> int:
        return len(self._rows) // ROW.itemsize

    def write(self, path: str) -> None:
        """Writes the rows to ``path``.

        Raises:
            OSError: the file cannot be written (the message names it).
        """
        try:
            with open(path, "wb") as handle:
                handle.write(self._rows)
        except OSError as err:  # name the file: the message must say where the disk is full
            raise OSError(err.errno, err.strerror, path) from err


class StoredShapes:
    """The shapes pass 2 wrote, by paragraph id, read a batch file at a time.

    Args:
        files: the spill file of each batch (its shapes lie beside it, ``SUFFIX`` added).
        first: the id of each batch's first paragraph.
        memo: the shape memo of the run's rules (the short lines it holds come from it).
    """

    def __init__(self, files: list[Any], first: list[int], memo: ShapeMemo) -> None:
        self._files = files
        self._first = np.asarray(first, dtype=np.int64)
        self._known = memo.known
        self._memo = memo
        self._batch = -1
        self._base = 0
        self._rows: tuple[list[Any], ...] = tuple([] for _ in ROW.names)

    def _load(self, pid: int) -> None:
        """Reads the file of the batch holding ``pid``.

        Raises:
            OSError: the file was removed or cannot be read.
        """
        batch = int(np.searchsorted(self._first, pid, side="right")) - 1
        path = os.fspath(self._files[batch]) + SUFFIX
        rows = np.fromfile(path, dtype=ROW)
        self._batch, self._base = batch, int(self._first[batch])
        self._rows = tuple(rows[name].tolist() for name in ROW.names)

    def shape(self, pid: int, text: str) -> LineInfo:
        """Returns the shape of paragraph ``pid`` (its text ``text``), as :func:`describe` gives it.

        Raises:
            OSError: the batch's file was removed or cannot be read.
        """
        return self._shapes([text], [pid])[0][0][0]

    def _shapes(self, texts: list[str], ids: list[int]) -> Stored:
        """Returns the shape of each paragraph (``texts``, by id ``ids``), its rule (when one matched), keys and flags.

        A loop over the lines with no call but the ones that make a shape: the re-mark pass asks
        for every kept line of the documents dedup thinned (94,549 on the benchmark corpus).

        Raises:
            OSError: the batch's file was removed or cannot be read.
        """
        out: list[tuple[LineInfo, Rule | None]] = []
        around: list[Near] = []
        marks: list[int] = []
        stop, words, flags, keys, above, below, line_marks = self._rows
        rule_of = self._memo.shape
        for text, pid, info in zip(texts, ids, self._known(texts)):
            local = pid - self._base
            if self._batch < 0 or not 0 <= local < len(flags):
                self._load(pid)
                stop, words, flags, keys, above, below, line_marks = self._rows
                local = pid - self._base
            f = flags[local]
            if info is None:
                info = LineInfo(collapse(text), words[local], stop[local], f & _PROSE != 0, f & _SENTENCE != 0)
            out.append((info, rule_of(text)[1] if f & _RULED else None))
            around.append((keys[local], above[local] if f & _ABOVE else None, below[local] if f & _BELOW else None))
            marks.append(line_marks[local])
        return out, around, marks

    def lines(self, doc: Document, codes: list[int], pid: int, max_chars: int) -> Stored:
        """Returns the shapes and first rules of ``doc``'s kept paragraphs of at most ``max_chars`` characters in order.

        What :func:`nettoyeur.boilerplate.mark.mark` reads of the document (the re-mark pass runs
        no line signal but the date and byline rules), with the frequency keys of each line and
        its pairs and its line flags (``mark``'s ``around`` and ``marks``). Each of these paragraphs had an id in
        pass 2: it had no verdict then (a dedup removal or a promoted copy has none of pass 2's).
        The rule of a paragraph is matched again only when one matched it in pass 2 (the
        others have None).

        Args:
            doc: the document, verdicts of dedup and the re-mark so far applied.
            codes: its paragraphs' pass-2 verdict codes (0: none).
            pid: the id of its first paragraph analysed in pass 2.
            max_chars: the longest line analysed.

        Raises:
            OSError: the batch's file was removed or cannot be read.
        """
        paragraphs = doc.paragraphs
        if self._batch < 0 or not 0 <= pid - self._base < len(self._rows[0]):
            self._load(pid)
        if pid - self._base + len(paragraphs) > len(self._rows[0]):  # its ids may run into the next batch
            return self._shapes(*_asked(paragraphs, codes, pid, max_chars))
        return self._read(paragraphs, codes, pid - self._base, max_chars)

    def _read(self, paragraphs: list[Any], codes: list[int], local: int, max_chars: int) -> Stored:
        """:meth:`lines` of paragraphs whose ids all lie in the loaded batch, from row ``local`` on.

        One loop over the paragraphs, with no call but the ones that make a shape: the shape memo
        is not asked (its shapes are describe's, as the stored ones are, and a look-up hashes the
        whole line) and only a line pass 2 did not flag as collapsed is collapsed (0.22 s of CPU
        on the benchmark corpus before, 0.07 s since: see the module's docstring).
        """
        out: list[tuple[LineInfo, Rule | None]] = []
        around: list[Near] = []
        marks: list[int] = []
        stop, words, flags, keys, above, below, line_marks = self._rows
        rule_of = self._memo.shape
        new = tuple.__new__  # the named tuple made in C, without LineInfo.__new__'s Python frame
        for p, code in zip(paragraphs, codes):
            if code:
                continue
            text = p.text
            if len(text) > max_chars:
                continue
            if p.verdict is None:
                f = flags[local]
                line = text if f & _COLLAPSED else collapse(text)
                out.append(
                    (
                        new(LineInfo, (line, words[local], stop[local], f & _PROSE != 0, f & _SENTENCE != 0)),
                        rule_of(text)[1] if f & _RULED else None,
                    )
                )
                around.append((keys[local], above[local] if f & _ABOVE else None, below[local] if f & _BELOW else None))
                marks.append(line_marks[local])
            local += 1
        return out, around, marks


def _asked(paragraphs: list[Any], codes: list[int], pid: int, max_chars: int) -> tuple[list[str], list[int]]:
    """Returns the texts and ids of the kept paragraphs :meth:`StoredShapes.lines` reads (see there)."""
    texts: list[str] = []
    ids: list[int] = []
    for p, code in zip(paragraphs, codes):
        if not code and len(p.text) <= max_chars:
            if p.verdict is None:
                texts.append(p.text)
                ids.append(pid)
            pid += 1
    return texts, ids
