"""The write pass's work on one document as the Python path does it: the oracle of ``_core.DocumentWriter``.

A document restored from its snapshot (split, its repaired paragraphs put back as
``scratch.documents.restore`` does), its verdicts given as ``run.passes._apply`` gives them
(boilerplate codes, dedup's removals by analysed paragraph, the re-mark's changes last), its
output the plain ``join_kept`` of :mod:`split_reference` in UTF-8 (a lone surrogate as U+FFFD)
and its report lines ``report_file.records`` through ``dumps_lines_utf8``.
``tests/native/test_render_core.py`` holds the core to it.
"""

from __future__ import annotations

import re
from collections import Counter

from nettoyeur.records import Document, Verdict
from nettoyeur.report.report_file import dumps_lines_utf8, records
from nettoyeur.text.repair import mark_blank_after_repair
from nettoyeur.text.split import split_lines
from split_reference import join_kept

_SURROGATE = re.compile("[\ud800-\udfff]")


def render_reference(
    text: str,
    codes: list[int],
    max_chars: int,
    removed: list[tuple[int, Verdict]],
    overrides: dict[int, Verdict | None],
    repaired: list[tuple[int, str, tuple[str, ...]]],
    path: str,
    table: list[Verdict],
) -> tuple[int, bytes, bytes, Counter[str]]:
    """One document written the Python way.

    Args:
        text: its decoded text.
        codes: per paragraph, 0 or 1 + the index of its verdict in ``table``.
        max_chars: longer paragraphs are not analysed (they take no place in ``removed``'s count).
        removed: ``(n, verdict)``: the ``n``-th analysed paragraph's dedup verdict.
        overrides: per paragraph index, its verdict after the re-mark (None: kept).
        repaired: ``(index, text, repairs)`` of each paragraph repair changed.
        path: its path.
        table: the run's boilerplate verdicts.

    Returns:
        ``(paragraphs, output bytes, report lines, counts)``.
    """
    lines, paragraphs = split_lines(text)
    for index, fixed, repairs in repaired:
        p = paragraphs[index]
        p.text, p.repairs = fixed, repairs
        mark_blank_after_repair(p)
    by_n = dict(removed)
    n = 0
    for p, code in zip(paragraphs, codes):
        if code:
            p.verdict = table[code - 1]
        elif len(p.text) <= max_chars:
            if n in by_n:
                p.verdict = by_n[n]
            n += 1
    for p in paragraphs:
        if p.index in overrides:
            p.verdict = overrides[p.index]
    doc = Document(path, "utf-8", lines, paragraphs)
    counts: Counter[str] = Counter()
    report = dumps_lines_utf8(records(doc, counts))
    return len(paragraphs), _SURROGATE.sub("\ufffd", join_kept(doc)).encode("utf-8"), report, counts
