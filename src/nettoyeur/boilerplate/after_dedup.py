"""Boilerplate after dedup: the signals run again on the documents dedup thinned.

The position signal reads the article's shape (its first and last prose paragraphs);
removing a duplicate can change that shape, and the output must be what a second clean
would leave (cleaning the output again removes nothing). When this removes a kept copy
that duplicates point at, the next copy in corpus order takes its place (so a text is
never lost with all its copies), and that copy's document is looked at again, until
nothing changes.

Two drivers run the same algorithm: :func:`remark_after_dedup` over documents in memory
(:func:`nettoyeur.run.streaming.clean_documents`), and :func:`remark_streaming` for the
streaming run, which gets the first round's marks from workers (each document marked as
dedup left it) and marks on the driver only the documents a promotion changed first.
Documents are visited in path order, round after round, so both give the same verdicts.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from nettoyeur.boilerplate import mark
from nettoyeur.records import Document, Paragraph, Verdict
from nettoyeur.run.verdict_plan import Overrides

# The detail of a removed copy whose kept copy was removed as boilerplate after dedup.
PROMOTED_DETAIL = "the first kept copy was removed as boilerplate; this copy's twin is kept instead"
# Reasons of the removals that can hand over to the next copy.
_COPIES = ("duplicate", "contained")


def remark_after_dedup(docs: list[Document], rules: list, counts: Any, min_files: int) -> int:
    """Runs the boilerplate signals again on the documents dedup thinned, in memory.

    Returns:
        the number of paragraphs newly marked.
    """
    by_path = {doc.path: doc for doc in docs}
    pointing: dict[tuple[str, int], list[tuple[Document, Paragraph]]] = {}
    for doc in docs:
        for p in doc.paragraphs:
            if p.verdict is not None and p.verdict.kept_doc is not None and p.verdict.kept_line is not None:
                pointing.setdefault((p.verdict.kept_doc, p.verdict.kept_line), []).append((doc, p))
    todo = sorted({doc.path for members in pointing.values() for doc, _ in members})
    marked = 0
    while todo:
        following: set[str] = set()
        for path in todo:
            doc = by_path[path]
            before = {p.index for p in doc.paragraphs if p.kept}
            marked += mark.mark(doc, rules, counts, min_files)
            for p in doc.paragraphs:
                if p.index in before and not p.kept and (doc.path, p.line) in pointing:
                    heir = _promote(pointing, doc.path, p)
                    if heir is not None:
                        following.add(heir)
        todo = sorted(following)
    return marked


def _promote(
    pointing: dict[tuple[str, int], list[tuple[Document, Paragraph]]], path: str, lost: Paragraph
) -> str | None:
    """Makes the first copy pointing at ``lost`` the kept one; returns its document's path."""
    members = sorted(pointing.pop((path, lost.line)), key=lambda dp: (dp[0].path, dp[1].line))
    members = [(d, p) for d, p in members if p.verdict is not None and p.verdict.reason in _COPIES]
    if not members:
        return None
    heir_doc, heir = members[0]
    heir.verdict = None
    for doc, p in members[1:]:
        assert p.verdict is not None
        p.verdict = dataclasses.replace(
            p.verdict, kept_doc=heir_doc.path, kept_line=heir.line, kept_text=heir.text, detail=PROMOTED_DETAIL
        )
        pointing.setdefault((heir_doc.path, heir.line), []).append((doc, p))
    return heir_doc.path


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


def remark_streaming(
    pointing: dict[tuple[str, int], list[Copy]],
    first: dict[str, Marks],
    recompute: Callable[[str, Overrides], Marks],
    text_of: Callable[[int], str],
) -> Overrides:
    """The re-mark driver of the streaming run (same algorithm as :func:`remark_after_dedup`).

    Args:
        pointing: the removed copies by the ``(path, line)`` of the kept copy they point at.
        first: per document dedup thinned, what marking it again as dedup left it marks.
        recompute: marks a document again with the changes so far applied; returns the new marks.
        text_of: a paragraph's text by paragraph id (a promoted copy's).

    Returns:
        the changes: new boilerplate verdicts, promoted copies (None) and re-pointed copies.
    """
    overrides: Overrides = {}
    changed: set[str] = set()  # documents holding a promoted copy: the first marks are stale
    todo = sorted(first)
    first_round = True
    while todo:
        following: set[str] = set()
        for path in todo:
            marks = first[path] if first_round and path not in changed else recompute(path, overrides)
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


_UNCHANGED = object()


def _promote_copy(
    pointing: dict[tuple[str, int], list[Copy]],
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
