"""Boilerplate after dedup: the signals run again on the documents dedup thinned.

The position signal reads the article's shape (its first and last prose paragraphs);
removing a duplicate can change that shape, and the output must be what a second clean
would leave (cleaning the output again removes nothing). When this removes a kept copy
that duplicates point at, the next copy in corpus order takes its place (so a text is
never lost with all its copies), and that copy's document is looked at again, until
nothing changes.

One driver, :func:`remark_after_dedup`, runs it for both flows: the in-memory run
(:func:`remark_documents`, documents changed in place) and the streaming run
(:func:`nettoyeur.run.driver_steps.remark_plan`), which gets the first round's marks from
workers (each document marked as dedup left it) and marks on the driver only the documents
a promotion changed first. Documents are visited in path order, round after round.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from nettoyeur.boilerplate import mark
from nettoyeur.records import Document, Paragraph, Verdict
from nettoyeur.run.verdict_plan import Overrides

# The detail of a removed copy whose kept copy was removed as boilerplate after dedup.
PROMOTED_DETAIL = "the first kept copy was removed as boilerplate; this copy's twin is kept instead"
# Reasons of the removals that can hand over to the next copy.
_COPIES = ("duplicate", "contained")


@dataclass(frozen=True)
class Copy:
    """A paragraph dedup removed, in the streaming run (its verdict is built when needed).

    Attributes:
        path: its document.
        line: its line.
        index: its index in the document.
        pid: its paragraph id (the spill store holds its text).
        verdict: its verdict as dedup gave it (the kept text left out).
    """

    path: str
    line: int
    index: int
    pid: int
    verdict: Verdict


# Newly marked paragraphs of one document: (index, line, verdict).
Marks = list[tuple[int, int, Verdict]]


class Pointing(Protocol):
    """The removed copies by the ``(path, line)`` of the kept copy they point at, as the hand-over reads them.

    A dict of lists of :class:`Copy` is one; the streaming run's makes a key's copies only
    when that kept copy is removed (:class:`nettoyeur.run.driver_steps.LazyPointing`).
    """

    def __contains__(self, key: object) -> bool: ...

    def pop(self, key: tuple[str, int]) -> list[Copy]:
        """Removes ``key``; returns the copies that pointed at it (KeyError: none)."""
        ...

    def setdefault(self, key: tuple[str, int], default: list[Copy]) -> list[Copy]:
        """Returns the list of copies pointing at ``key`` (to append to), ``default`` made its list where none."""
        ...


def remark_after_dedup(
    pointing: Pointing,
    marks_of: Callable[[str, Overrides, bool], Marks],
    text_of: Callable[[int], str],
    paths: Iterable[str] | None = None,
) -> Overrides:
    """The re-mark driver of both flows: documents visited in path order, round after round.

    Args:
        pointing: the removed copies by the ``(path, line)`` of the kept copy they point at.
        marks_of: marks a document again with the changes so far applied; returns the new
            marks. Its third argument is True in the first round for a document no
            promotion changed yet (it is as dedup left it: the streaming run then has its
            marks from the workers already).
        text_of: a paragraph's text by paragraph id (a promoted copy's).
        paths: the documents holding a copy; None: those of ``pointing``'s copies (a dict's).

    Returns:
        the changes: new boilerplate verdicts, promoted copies (None) and re-pointed copies.
    """
    overrides: Overrides = {}
    changed: set[str] = set()  # documents holding a promoted copy: no longer as dedup left them
    if paths is None:
        assert isinstance(pointing, dict)
        paths = {c.path for copies in pointing.values() for c in copies}
    todo = sorted(set(paths))
    first_round = True
    while todo:
        following: set[str] = set()
        for path in todo:
            marks = marks_of(path, overrides, first_round and path not in changed)
            if marks:
                overrides.setdefault(path, {}).update((index, verdict) for index, _, verdict in marks)
            for _, line, _ in marks:
                if (path, line) in pointing:
                    heir = _promote_copy(pointing, (path, line), overrides, text_of)
                    if heir is not None:
                        following.add(heir)
                        changed.add(heir)
        todo = sorted(following)
        first_round = False
    return overrides


def remark_document(
    doc: Document,
    rules: list,
    counts: Any,
    min_files: int,
    stored: tuple[list, list, list] | None = None,
    site: str | None = None,
) -> Marks:
    """Runs :func:`~nettoyeur.boilerplate.mark.mark` on ``doc`` again.

    ``stored``: its kept paragraphs' shapes, frequency keys and line flags (``mark``'s ``lines``,
    ``around`` and ``marks``, as pass 2 stored them), or None (found again). ``site``: the
    document's site (:func:`~nettoyeur.boilerplate.sites.document_site`), or None.

    Returns:
        ``(index, line, verdict)`` of each newly marked paragraph, in order.
    """
    before = [p for p in doc.paragraphs if p.verdict is None]
    # Every kept paragraph passed the rules and the frequency floor in pass 2 (or it would
    # carry a boilerplate verdict): only the signals that read the article can change.
    lines, around, marks = (None, None, None) if stored is None else stored
    mark.mark(doc, rules, counts, min_files, line_signals=False, lines=lines, around=around, marks=marks, site=site)
    return [(p.index, p.line, p.verdict) for p in before if p.verdict is not None]


def remark_documents(
    docs: list[Document], rules: list, counts: Any, min_files: int, sites: dict[str, str | None] | None = None
) -> Overrides:
    """The re-mark after dedup over documents in memory (the in-memory run), changed in place.

    ``sites``: the site of each document by path (None: none has one).

    Returns:
        the changes made (as the streaming run's write pass would apply them).
    """
    by_path = {doc.path: doc for doc in docs}
    copies: list[Paragraph] = []  # by paragraph id here: the removed copies
    pointing: dict[tuple[str, int], list[Copy]] = {}
    for doc in docs:
        for p in doc.paragraphs:
            v = p.verdict
            if v is not None and v.kept_doc is not None and v.kept_line is not None:
                copy = Copy(doc.path, p.line, p.index, len(copies), v)
                pointing.setdefault((v.kept_doc, v.kept_line), []).append(copy)
                copies.append(p)

    def marks_of(path: str, overrides: Overrides, _as_dedup_left_it: bool) -> Marks:
        doc = by_path[path]
        _apply(doc, overrides.get(path, {}))
        return remark_document(doc, rules, counts, min_files, site=None if sites is None else sites.get(path))

    overrides = remark_after_dedup(pointing, marks_of, lambda pid: copies[pid].text)
    for path, changes in overrides.items():
        _apply(by_path[path], changes)
    return overrides


def _apply(doc: Document, changes: dict[int, Verdict | None]) -> None:
    """Gives the paragraphs of ``doc`` their changed verdicts (by paragraph index)."""
    if changes:
        for p in doc.paragraphs:
            if p.index in changes:
                p.verdict = changes[p.index]


_UNCHANGED = object()


def _promote_copy(
    pointing: Pointing,
    key: tuple[str, int],
    overrides: Overrides,
    text_of: Callable[[int], str],
) -> str | None:
    """Makes the first copy pointing at ``key`` the kept one; returns its document's path."""

    def current(c: Copy) -> Verdict | None:
        v = overrides.get(c.path, {}).get(c.index, _UNCHANGED)
        return c.verdict if v is _UNCHANGED else v  # type: ignore[return-value]

    members = sorted(pointing.pop(key), key=lambda c: (c.path, c.line))
    members = [c for c in members if (v := current(c)) is not None and v.reason in _COPIES]
    if not members:
        return None
    heir = members[0]
    overrides.setdefault(heir.path, {})[heir.index] = None
    text = text_of(heir.pid)
    for c in members[1:]:
        verdict = current(c)
        assert verdict is not None
        overrides.setdefault(c.path, {})[c.index] = dataclasses.replace(
            verdict, kept_doc=heir.path, kept_line=heir.line, kept_text=text, detail=PROMOTED_DETAIL
        )
        pointing.setdefault((heir.path, heir.line), []).append(c)
    return heir.path
