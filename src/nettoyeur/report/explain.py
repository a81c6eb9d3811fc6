"""Dry run and explanations: ``nettoyeur scan`` and ``nettoyeur explain``.

``scan IN`` runs every step without writing a corpus and prints what ``clean`` would
remove: the counts per reason, the largest clusters of copies (the kept copy and how
many copies point at it), and the most removed boilerplate lines.

``explain REPORT FILE:LINE`` prints why one paragraph was removed or kept: the reason
and its evidence and, side by side, the paragraph and what it matched (the kept copy
of a duplicate, the container of a contained paragraph), with the words found on one
side only in ``[brackets]``. For a kept paragraph it lists the copies removed in its
favour. Records are named ``shard#row:LINE`` (the report's ``file`` and ``line``), or
``ID:PARAGRAPH`` with the record id and paragraph index.

The click glue of the two commands, and the format options the ``clean`` command
shares, are in :mod:`nettoyeur.cli.explain`.
"""

from __future__ import annotations

import json
import textwrap
from collections import Counter
from collections.abc import Iterator
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from nettoyeur.corpus.record_formats import open_source
from nettoyeur.corpus.shards import KEY_SEP, ROW_DIGITS, RecordOptions
from nettoyeur.dedup.keep import describe
from nettoyeur.errors import InputError, NettoyeurError
from nettoyeur.records import Document
from nettoyeur.report.report_file import read_checksums, summary_path

# Boilerplate texts and cluster texts are cut to this many characters in scan's tables.
SNIPPET = 70


# ------------------------------------------------------------------------------ report


def read_report(path: Path | str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Reads a report's records and its summary (``x.report.jsonl`` or ``x.summary.json``).

    Raises:
        InputError: the report is missing or not a nettoyeur report.
    """
    path = Path(path)
    if path.name.endswith(".summary.json"):
        summary_file = path
        path = path.with_name(path.name[: -len(".summary.json")] + ".report.jsonl")
    else:
        summary_file = summary_path(path)
    if not path.is_file():
        raise InputError(f"report {path} does not exist: give the .report.jsonl that clean or scan wrote.")
    rows: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except ValueError as err:
                raise InputError(f"report {path} line {number} is not JSON ({err}): is it a nettoyeur report?") from err
    summary: dict[str, Any] = {}
    if summary_file.is_file():
        try:
            summary = json.loads(summary_file.read_text(encoding="utf-8"))
        except ValueError:
            summary = {}
    return rows, summary


def removed(rows: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Yields the records of removed paragraphs (not repairs, not report-only containment)."""
    for r in rows:
        if not r.get("reason", "").startswith("encoding:") and r.get("removed", True):
            yield r


def clusters(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Groups the removed copies by the kept paragraph they point at, largest first.

    Returns:
        one dict per kept paragraph: ``kept_doc``, ``kept_line``, ``kept_text``,
        ``copies`` (count), ``reasons`` (count per reason) and ``members`` (locations).
    """
    groups: dict[tuple[str, int], dict[str, Any]] = {}
    for r in removed(rows):
        if r.get("kept_doc") is None:
            continue
        key = (r["kept_doc"], r.get("kept_line", 0))
        g = groups.setdefault(
            key,
            {"kept_doc": key[0], "kept_line": key[1], "kept_text": r.get("kept_text", ""), "copies": 0,
             "reasons": Counter(), "members": []},
        )  # fmt: skip
        g["copies"] += 1
        g["reasons"][r["reason"]] += 1
        g["members"].append(f"{r['file']}:{r.get('line')}")
    return sorted(groups.values(), key=lambda g: (-g["copies"], g["kept_doc"], g["kept_line"]))


def frequent_lines(rows: list[dict[str, Any]]) -> list[tuple[int, str, str]]:
    """Returns ``(count, reason, text)`` of removed boilerplate lines, most frequent first."""
    counts: Counter[tuple[str, str]] = Counter()
    for r in removed(rows):
        if r["reason"].startswith("boilerplate:"):
            counts[(r["reason"], " ".join(r.get("text", "").split()))] += 1
    return sorted(((n, reason, text) for (reason, text), n in counts.items()), key=lambda t: (-t[0], t[1], t[2]))


def _cut(text: str, width: int = SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def scan_text(rows: list[dict[str, Any]], summary: dict[str, Any], top: int = 10) -> str:
    """Returns what ``scan`` prints: counts per reason, largest clusters, most removed lines."""
    counts = Counter(summary.get("counts") or Counter(r["reason"] for r in removed(rows)))
    kept = counts.pop("kept", 0)
    repaired = counts.pop("repaired", 0)
    out = [f"documents: {summary.get('files', '?')}, skipped: {len(summary.get('skipped', []))}"]
    total = sum(counts.values())
    out.append(f"would remove {total:,} of {total + kept:,} paragraphs:")
    width = max([len(r) for r in counts] + [10])
    for reason, n in sorted(counts.items(), key=lambda t: (-t[1], t[0])):
        out.append(f"  {reason:<{width}}  {n:>9,}")
    if repaired:
        out.append(f"would repair the encoding of {repaired:,} paragraphs")
    groups = clusters(rows)[:top]
    if groups:
        out.append(f"largest clusters (copies removed -> the copy kept), top {len(groups)}:")
        for g in groups:
            out.append(f"  {g['copies']:>6,}  {g['kept_doc']}:{g['kept_line']}  {_cut(g['kept_text'])}")
    lines = frequent_lines(rows)[:top]
    if lines:
        out.append(f"most removed boilerplate lines, top {len(lines)}:")
        for n, reason, text in lines:
            out.append(f"  {n:>6,}  {reason.removeprefix('boilerplate:')}  {_cut(text)}")
    index = summary.get("index")
    if index:
        out.append(
            f"index: {index.get('matched_earlier', 0):,} paragraphs copy earlier runs; "
            f"{len(index.get('revealed', [])):,} things revealed about earlier runs"
        )
    return "\n".join(out)


# ----------------------------------------------------------------------------- explain


def parse_target(target: str) -> tuple[str, int]:
    """Splits ``FILE:LINE`` (the last colon separates them).

    Raises:
        InputError: no ``:LINE`` or LINE is not a number.
    """
    name, sep, line = target.rpartition(":")
    if not sep or not name or not line.strip().isdigit():
        raise InputError(f"{target!r} is not FILE:LINE (for example articles/a.txt:12 or part-0.jsonl#3:1).")
    return name, int(line)


def _normal_key(name: str) -> str:
    """Pads the row of a record key (``x.jsonl#3`` -> ``x.jsonl#000000003``)."""
    shard, sep, row = name.rpartition(KEY_SEP)
    if sep and shard and row.isdigit():
        return f"{shard}{KEY_SEP}{int(row):0{ROW_DIGITS}d}"
    return name


def mark_differences(a: str, b: str) -> tuple[str, str]:
    """Returns both texts with the words found on one side only in ``[brackets]``."""
    wa, wb = a.split(), b.split()
    matcher = SequenceMatcher(None, [w.casefold() for w in wa], [w.casefold() for w in wb], autojunk=False)
    out_a: list[str] = []
    out_b: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out_a.extend(wa[i1:i2])
            out_b.extend(wb[j1:j2])
        else:
            if i2 > i1:
                out_a.append("[" + " ".join(wa[i1:i2]) + "]")
            if j2 > j1:
                out_b.append("[" + " ".join(wb[j1:j2]) + "]")
    return " ".join(out_a), " ".join(out_b)


def side_by_side(left_title: str, left: str, right_title: str, right: str, width: int = 100) -> str:
    """Returns two texts wrapped in two columns under their titles."""
    col = max(20, (width - 3) // 2)
    lcol = textwrap.wrap(left, col) or [""]
    rcol = textwrap.wrap(right, col) or [""]
    rows = [f"{_cut(left_title, col):<{col}} | {_cut(right_title, col)}", f"{'-' * col}-+-{'-' * col}"]
    for k in range(max(len(lcol), len(rcol))):
        lt = lcol[k] if k < len(lcol) else ""
        rt = rcol[k] if k < len(rcol) else ""
        rows.append(f"{lt:<{col}} | {rt}".rstrip())
    return "\n".join(rows)


def _documents(summary: dict[str, Any]) -> set[str]:
    """Returns the documents the run cleaned (from its checksums file; empty when it is gone)."""
    try:
        return set(read_checksums(summary))
    except (OSError, ValueError, KeyError):
        return set()


def _metrics(r: dict[str, Any]) -> str:
    parts = []
    for key, label in (
        ("estimated", "MinHash estimate"),
        ("jaccard", "exact Jaccard"),
        ("containment", "words matched"),
    ):
        if r.get(key) is not None:
            parts.append(f"{label} {r[key]:.2f}")
    return ", ".join(parts)


def _load_paragraph(summary: dict[str, Any], name: str, line: int) -> str | None:
    """Reads a paragraph's text from the run's input (None when it is gone or blank)."""
    return _paragraphs(summary, name).get(line)


def _paragraphs(summary: dict[str, Any], name: str) -> dict[int, str]:
    """Returns the paragraphs of a document of the run's input by first line (empty when it cannot be read)."""
    where = summary.get("input")
    if not where or not Path(where).exists():
        return {}
    try:
        options = RecordOptions(text_field=summary.get("text_field") or "text", id_field=summary.get("id_field"))
        doc = open_source(where, options).load(name)
    except (NettoyeurError, OSError, ValueError):
        return {}
    if not isinstance(doc, Document):
        return {}
    return {p.line: p.text for p in doc.paragraphs}


_SIGNALS = {
    "pattern": "a template of site chrome matched this short line",
    "frequency": "this short line recurs (digits masked) in many files of the corpus",
    "position": "a short line outside the article body (above its first or below its last prose paragraph)",
    "structure": "part of a comment thread below the article (--comments drop)",
}


def explain_text(rows: list[dict[str, Any]], summary: dict[str, Any], target: str, width: int = 100) -> str:
    """Returns why the paragraph at ``target`` (``FILE:LINE`` or ``ID:PARAGRAPH``) was removed or kept.

    Raises:
        InputError: the target is not in the report's corpus, or no paragraph of it starts at that line.
    """
    name, line = parse_target(target)
    key = _normal_key(name)
    files = {r.get("file") for r in rows} | _documents(summary)
    mine = [r for r in rows if r.get("file") == key and r.get("line") == line]
    if key not in files:
        by_id = [r for r in rows if r.get("id") == name and r.get("paragraph") == line]
        if not by_id:
            sample = ", ".join(sorted(str(f) for f in files if f)[:3])
            raise InputError(
                f"{name} is not in this report's corpus (files look like: {sample}); give FILE:LINE as the "
                "report names them, or ID:PARAGRAPH for a record."
            )
        key, line, mine = by_id[0]["file"], by_id[0]["line"], by_id
    named = next((r for r in mine if r.get("id") is not None), None)
    out: list[str] = [f"{key}:{line}" + (f" (record {named['id']}, paragraph {named['paragraph']})" if named else "")]
    gone = [r for r in mine if not r.get("reason", "").startswith("encoding:") and r.get("removed", True)]
    repairs = [r for r in mine if r.get("reason", "").startswith("encoding:")]
    reported = [r for r in mine if r.get("removed") is False]
    for r in repairs:
        out.append(f"encoding repaired ({r['reason'].removeprefix('encoding:')}):")
        out.append(side_by_side("as read", r.get("original", ""), "repaired", r.get("text", ""), width))
    if gone:
        r = gone[0]
        reason = r["reason"]
        out.append(f"REMOVED: {reason}" + (f" ({r['detail']})" if r.get("detail") else ""))
        if reason.startswith("boilerplate:"):
            signal = reason.split(":")[1] if reason.count(":") >= 1 else ""
            out.append(f"why: {_SIGNALS.get(signal, 'a boilerplate signal fired')}")
            out.append(f"text: {r.get('text', '')}")
        else:
            kept = f"{r.get('kept_doc')}:{r.get('kept_line')}"
            if reason == "duplicate":
                out.append(f"why: a copy of {kept}, {describe(r.get('keep', 'first'))}, which is kept")
            else:
                out.append(f"why: its words lie inside the longer {kept}, which is kept")
            metrics = _metrics(r)
            if metrics:
                out.append(metrics)
            a, b = mark_differences(r.get("text", ""), r.get("kept_text", ""))
            out.append(
                side_by_side(f"removed {key}:{line}", a, f"kept {r.get('kept_doc')}:{r.get('kept_line')}", b, width)
            )
        return "\n".join(out)
    copies = [r for r in removed(rows) if r.get("kept_doc") == key and r.get("kept_line") == line]
    paragraphs = _paragraphs(summary, key)
    text = paragraphs.get(line)
    if paragraphs and text is None and not (mine or copies):
        starts = sorted(paragraphs)
        shown = ", ".join(map(str, starts[:8])) + (" ..." if len(starts) > 8 else "")
        raise InputError(
            f"no paragraph of {key} starts at line {line} (its paragraphs start at lines {shown}): "
            "give the first line of a paragraph."
        )
    out.append("KEPT: no step removed it")
    if text is not None:
        out.append(f"text: {text}")
    for r in reported:
        out.append(f"reported only: contained in {r.get('kept_doc')}:{r.get('kept_line')} ({_metrics(r)})")
    if copies:
        reasons = Counter(r["reason"] for r in copies)
        listed = ", ".join(f"{n} {reason}" for reason, n in sorted(reasons.items()))
        out.append(f"it is the kept copy of a cluster: {listed} removed in its favour:")
        for r in copies[:20]:
            out.append(f"  {r['file']}:{r.get('line')}  {r['reason']}  {_metrics(r)}")
        first = copies[0]
        b, a = mark_differences(first.get("text", ""), first.get("kept_text", ""))
        out.append(side_by_side(f"kept {key}:{line}", a, f"removed {first['file']}:{first.get('line')}", b, width))
    else:
        out.append("no other paragraph was found to be a copy of it, or to contain it")
    for note in (summary.get("index") or {}).get("revealed", []):
        if note.get("kind") == "earlier-paragraph" and note.get("kept_doc") == key and note.get("kept_line") == line:
            out.append(
                f"note: an earlier run's {note['file']}:{note['line']} is {note['reason']} in it ({note['note']})"
            )
    return "\n".join(out)
