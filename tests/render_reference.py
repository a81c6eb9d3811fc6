"""The write pass's work on one document as the Python path does it: the oracle of ``_core.DocumentWriter``.

A document restored from its snapshot (split, its repaired paragraphs put back as
``scratch.documents.restore`` does), its verdicts given as ``run.passes._apply`` gives them
(boilerplate codes, dedup's removals by analysed paragraph, the re-mark's changes last), its
output the plain ``join_kept`` of :mod:`split_reference` in UTF-8 (a lone surrogate as U+FFFD)
and its report lines :func:`records` (the former ``report_file.records``) through ``dumps_lines_utf8``.
``tests/native/test_render_core.py`` holds the core to it.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from nettoyeur.records import Document, Verdict
from nettoyeur.report.report_file import dumps_lines_utf8
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


def records(
    doc: Document, counts: Counter[str] | None = None, shared: dict[int, dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """The report records of one document: the former ``report_file.records``, the oracle of the core's.

    Args:
        doc: the document, its verdicts applied.
        counts: where to add its paragraphs per reason, as :func:`reason_counts` counts
            them, in the same walk over the paragraphs (the write pass needs both).
        shared: ``verdict.to_dict()`` of verdicts that many paragraphs carry, by ``id(verdict)``
            (those verdicts alive as long as ``shared``, so that no other verdict has their id).
    """
    rid = getattr(doc, "record_id", None)  # records (JSON Lines, Parquet) are also named by their id
    path = doc.path
    out: list[dict[str, Any]] = []
    removed = repaired = 0
    for p in doc.paragraphs:
        verdict = p.verdict
        if verdict is not None:
            if rid is None:
                record = {"file": path, "line": p.line, "paragraph": p.index, "text": p.text}
            else:
                record = {"file": path, "id": rid, "line": p.line, "paragraph": p.index, "text": p.text}
            fields = shared.get(id(verdict)) if shared else None
            record.update(verdict.to_dict() if fields is None else fields)
            if p.repairs:  # removed after its encoding was repaired: keep both facts
                record["repairs"] = list(p.repairs)
                record["original"] = p.original
                repaired += 1
            out.append(record)
            if counts is not None:
                counts[verdict.reason] += 1
            removed += 1
        elif p.repairs:
            repaired += 1
            out.append(
                {
                    **({"id": rid} if rid is not None else {}),
                    "file": path,
                    "line": p.line,
                    "paragraph": p.index,
                    "text": p.text,
                    "reason": "encoding:" + "+".join(p.repairs),
                    "original": p.original,
                }
            )
    if counts is not None:  # a reason with no paragraph gets no entry
        kept = len(doc.paragraphs) - removed
        if kept:
            counts["kept"] += kept
        if repaired:
            counts["repaired"] += repaired
    return out
