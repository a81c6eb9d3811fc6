"""Report: one record per removed or changed paragraph, and a run summary.

The records (JSON Lines) say for every paragraph that was removed or changed: the file,
the line, the text, the reason (``duplicate``, ``contained``,
``boilerplate:<signal>:<rule>``, ``encoding:<fix>``) and, for duplicates, the kept copy
with the estimated and exact similarity; a removed paragraph whose encoding was repaired
also carries ``repairs`` and ``original``. Records are JSON Lines that ``str.splitlines``
cannot break (U+0085, U+2028, U+2029 are escaped), all written by the core
(``_core.DocumentWriter``, native/src/render.rs; :func:`document_writer`), whatever the run:
the write pass, an in-memory run, the Python API. The summary (JSON) has the counts per reason,
the skipped files and why, the parameters, the versions and the time; the input
checksums go to a file of their own beside it (``x.checksums.jsonl``). All are written
next to OUT, never inside it, so they are not taken for corpus.
"""

from __future__ import annotations

import importlib.metadata
import json
import platform
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

from nettoyeur._core import DocumentWriter, VerdictTable, json_lines, json_lines_bytes
from nettoyeur.corpus.atomic import atomic_writer, write_atomic
from nettoyeur.records import Document, Skip
from nettoyeur.text.repair import BLANK_AFTER_REPAIR, BLANK_DETAIL
from nettoyeur.text.split import SPACES


def default_report_path(output_dir: Path) -> Path:
    """Returns ``OUT.report.jsonl`` beside OUT."""
    out = output_dir.resolve()
    return out.with_name(out.name + ".report.jsonl")


def summary_path(report_path: Path) -> Path:
    """Returns the summary's path for a report path (``x.report.jsonl`` -> ``x.summary.json``)."""
    name = report_path.name
    stem = name[: -len(".report.jsonl")] if name.endswith(".report.jsonl") else report_path.stem
    return report_path.with_name(stem + ".summary.json")


def checksums_path(report_path: Path) -> Path:
    """Returns the input checksums' path for a report path (``x.report.jsonl`` -> ``x.checksums.jsonl``)."""
    name = report_path.name
    stem = name[: -len(".report.jsonl")] if name.endswith(".report.jsonl") else report_path.stem
    return report_path.with_name(stem + ".checksums.jsonl")


def write_checksums(report_path: Path, infos: Iterable[Any], progress: Callable[[int], object] | None = None) -> Path:
    """Writes the SHA-256 and paragraph count of each input document beside the report, a JSON line each, atomically.

    They live in a file of their own, not in the summary, so that the summary of a run of
    a million records stays small (the summary names the file: ``checksums_file``).

    Returns:
        the file's path.

    Raises:
        OSError: the file cannot be written (its filename is the file's path).
    """
    path = checksums_path(report_path)
    with atomic_writer(path, clear_stale=True) as handle:
        batch: list[dict[str, Any]] = []
        for info in infos:
            batch.append({"file": info.path, "sha256": info.checksum, "paragraphs": info.paragraphs})
            if len(batch) >= 4096:
                handle.write(dumps_lines_utf8(batch))
                if progress is not None:
                    progress(len(batch))
                batch = []
        handle.write(dumps_lines_utf8(batch))
        if progress is not None:
            progress(len(batch))
    return path


def _checksums_field(summary: dict[str, Any], field: str, old_key: str, convert: Any) -> dict[str, Any]:
    """Returns ``file -> convert(entry[field])`` from the checksums file a summary names.

    A summary written before the checksums had a file of their own holds the mapping
    itself, under ``old_key``.

    Raises:
        OSError: the file cannot be read.
    """
    where = summary.get("checksums_file")
    if not where:
        return dict(summary.get(old_key) or {})
    out: dict[str, Any] = {}
    with open(where, encoding="utf-8") as handle:
        for line in handle:
            entry = json.loads(line)
            out[entry["file"]] = convert(entry.get(field, 0))
    return out


def read_checksums(summary: dict[str, Any]) -> dict[str, str]:
    """Returns the input checksums of a run, ``document -> SHA-256``, from the file its summary names.

    Raises:
        OSError: the file cannot be read.
    """
    return _checksums_field(summary, "sha256", "checksums", str)


def read_paragraphs_per_file(summary: dict[str, Any]) -> dict[str, int]:
    """Returns each input document's paragraph count, from the checksums file the summary names.

    Raises:
        OSError: the file cannot be read.
    """
    return _checksums_field(summary, "paragraphs", "paragraphs_per_file", int)


def document_writer(table: VerdictTable | None = None, keep: str | None = None, quoted: str = "") -> DocumentWriter:
    """The core's writer of report lines (and output files): ``_core.DocumentWriter``, the only one.

    Args:
        table: the run's boilerplate verdicts (none for documents that carry their verdicts).
        keep: the ``--keep`` rule dedup's verdicts record (``dedup.stage.recorded_keep``).
        quoted: the detail of a removal whose reason is ``quoted`` (``dedup.stage.QUOTED_DETAIL``).
    """
    table = table if table is not None else VerdictTable([], json_value)
    return DocumentWriter(SPACES, table, keep, quoted, (BLANK_AFTER_REPAIR, BLANK_DETAIL), json_value)


def add_document(writer: DocumentWriter, doc: Document) -> None:
    """Writes the report lines of a document whose paragraphs carry their verdicts (the in-memory run, the API).

    One record per removed or repaired paragraph, as the write pass writes them: each paragraph's
    verdict (``to_dict()``) is given to the core as a change of its own, a repaired one's even
    when none (it keeps its repair's record), and a record's id from ``record_id``.

    Raises:
        ValueError: the document's paragraphs are not those of its lines.
    """
    paragraphs = doc.paragraphs
    marked = [
        (p.index, None if p.verdict is None else p.verdict.to_dict())
        for p in paragraphs
        if p.verdict is not None or p.repairs
    ]
    repaired = [(p.index, p.text, p.repairs) for p in paragraphs if p.repairs]
    codes = np.zeros(len(paragraphs), dtype=np.uint32)
    rid = getattr(doc, "record_id", None)
    writer.render("".join(doc.lines), codes, 0, 0, [], marked, repaired, doc.path, False, rid)


def report_records(doc: Document) -> list[dict[str, Any]]:
    """The report records of one document whose paragraphs carry their verdicts, as its report lines hold them.

    Raises:
        ValueError: the document's paragraphs are not those of its lines.
    """
    writer = document_writer()
    add_document(writer, doc)
    return [json.loads(line) for line in writer.take_report().splitlines()]


def reason_counts(docs: Iterable[Document]) -> Counter[str]:
    """Counts removals per reason, and paragraphs kept and repaired (as the write pass's core counts them)."""
    counts: Counter[str] = Counter()
    for doc in docs:
        for p in doc.paragraphs:
            if p.verdict is not None:
                counts[p.verdict.reason] += 1
            else:
                counts["kept"] += 1
            if p.repairs:
                counts["repaired"] += 1
    return counts


def package_version(name: str) -> str:
    """Returns an installed package's version from its metadata (importing datasketch alone takes ~0.7 s)."""
    return importlib.metadata.version(name)


def versions() -> dict[str, str]:
    """Returns the versions of nettoyeur and the libraries that shape its output."""
    from nettoyeur import __version__

    return {
        "nettoyeur": __version__,
        "datasketch": package_version("datasketch"),
        "ftfy": package_version("ftfy"),
        "numpy": package_version("numpy"),
        "python": platform.python_version(),
    }


# JSON leaves U+0085, U+2028 and U+2029 raw with ensure_ascii=False, but str.splitlines() and
# many JSONL readers break lines there; escaped, every record stays on its own line.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _escape_breaks(text: str) -> str:
    """Returns ``text`` with U+0085, U+2028 and U+2029 escaped.

    Three C-level searches come first: ``str.translate`` reads each character in Python.
    """
    if "\x85" in text or "\u2028" in text or "\u2029" in text:
        return text.translate(_LINE_BREAKS)
    return text


def json_value(value: Any) -> tuple[str, bool]:
    """One value as a report line holds it (:func:`_dumps`), for the write pass's core: a type it does not write.

    Returns:
        ``(JSON, whether it is in ASCII for a lone surrogate)``: a line holding such a value is
        written in ASCII whole.

    Raises:
        TypeError: the value is not JSON.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, ensure_ascii=True, sort_keys=True), True
    return _escape_breaks(text), False


def _plain_line(record: Any) -> str:
    """Returns one JSONL line by the plain definition (``json.dumps``), for what the core does not write."""
    return _dumps(record, sort_keys=True)


def dumps_lines(lines: Iterable[dict[str, Any]]) -> str:
    """Returns the JSONL lines of many records, each followed by a newline, in one call of the core.

    Each line is ``_dumps(record, sort_keys=True)``, the plain definition: UTF-8 text kept
    readable, sorted keys, no raw line separators, ASCII escapes for a record holding a lone
    surrogate (a file name not in UTF-8). The core (``_core.json_lines``) writes the plain
    JSON types itself and hands anything else to the plain definition, which writes it or
    raises what ``json.dumps`` raises.

    Raises:
        TypeError: a record holds a value JSON cannot write.
        ValueError: a record holds a cycle (or a float ``json`` refuses).
    """
    return json_lines(lines, _plain_line)


def dumps_lines_utf8(lines: Iterable[dict[str, Any]]) -> bytes:
    """Returns :func:`dumps_lines` encoded in UTF-8, made as bytes by the core (no string in between).

    For lines bound for a file or another process (the write pass's report lines): a string
    of them was decoded, pickled, unpickled and encoded again on its way (0.18 s of CPU for
    the 38 MB report of the 300k-paragraph benchmark corpus, 0.03 s as bytes).

    Raises:
        TypeError: a record holds a value JSON cannot write.
        ValueError: a record holds a cycle (or a float ``json`` refuses).
    """
    return json_lines_bytes(lines, _plain_line)


def dumps_line(record: dict[str, Any]) -> str:
    """Returns one JSONL line (:func:`dumps_lines` of one record, without its newline).

    Raises:
        TypeError: the record holds a value JSON cannot write.
        ValueError: the record holds a cycle.
    """
    return json_lines((record,), _plain_line)[:-1]


def write_report(path: Path, docs: Iterable[Document], summary: dict[str, Any]) -> Path:
    """Writes the records to ``path`` and the summary beside it, atomically.

    Returns:
        the summary's path.
    """
    writer = document_writer()
    for doc in docs:
        add_document(writer, doc)
    lines = writer.take_report() + dumps_lines_utf8(reported_line(r) for r in summary.get("contained_reported", []))
    write_atomic(path, lines, clear_stale=True)
    return write_summary(path, summary)


def write_summary(report_path: Path, summary: dict[str, Any]) -> Path:
    """Writes the summary beside the report (``x.summary.json``), atomically; returns its path."""
    spath = summary_path(report_path)
    write_atomic(spath, _dumps(summary, indent=2, sort_keys=True) + "\n", clear_stale=True)
    return spath


def _dumps(value: Any, **options: Any) -> str:
    """Returns ``value`` as JSON, readable UTF-8 where it can be, without raw line separators.

    A file name that is not valid UTF-8 reaches Python as lone surrogates, which UTF-8
    cannot encode: such a record is written with ASCII escapes instead (still valid
    JSON, and it reads back as the same name).
    """
    text = json.dumps(value, ensure_ascii=False, **options)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(value, ensure_ascii=True, **options)
    return text if text.isascii() else _escape_breaks(text)


def reported_line(record: dict[str, Any]) -> dict[str, Any]:
    """Returns a report-only containment record with the same keys as a removal (``file``, not ``doc``)."""
    out = {k: v for k, v in record.items() if k != "doc"}
    out.setdefault("file", record.get("doc"))
    out["reason"] = "contained"
    out["removed"] = False
    return out


def run_summary(
    *,
    infos: Iterable[Any],
    skips: list[Skip],
    counts: Counter[str] | dict[str, int],
    config: Any,
    stages: dict[str, Any],
    contained_reported: list[dict[str, Any]],
    sink: Any,
    started: float,
    report_path: Path,
    extra: dict[str, Any] | None = None,
    more: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Returns the run summary, the same for the streaming and the in-memory run.

    Args:
        infos: per input document, an object with ``path``, ``encoding``, ``checksum``,
            ``paragraphs`` (a count) and ``long_lines`` (``(line, chars)`` pairs).
        skips: the inputs skipped, sorted by path.
        counts: paragraphs per reason (and ``kept``).
        config: the run's :class:`~nettoyeur.config.CleanConfig`.
        stages: the dedup stage's statistics.
        contained_reported: the paragraphs kept but reported (contained, quoted).
        sink: the sink (its ``output_files`` counts, if any); None for a dry run.
        started: ``time.time()`` at the start of the run.
        report_path: where the report records are written.
        extra: fields first in the summary (input/output locations ...).
        more: fields added last (index notes, stage timings ...).
    """
    infos = list(infos)
    non_utf8 = {d.path: d.encoding for d in infos if d.encoding != "utf-8"}
    return {
        **(extra or {}),
        "files": len(infos),
        "skipped": skips_to_dicts(skips),
        "skipped_by_reason": dict(sorted(Counter(s.reason for s in skips).items())),
        "encodings": dict(sorted(Counter(non_utf8.values()).items())),
        "non_utf8_files": non_utf8,
        "paragraphs": sum(d.paragraphs for d in infos),
        "long_lines": [{"file": d.path, "line": line, "chars": n} for d in infos for line, n in d.long_lines],
        "output_files": dict(getattr(sink, "output_files", None) or {}) or None,
        **(getattr(sink, "notes", None) or {}),  # stale outputs removed, foreign files kept ...
        "counts": dict(sorted(counts.items())),
        "parameters": config.to_dict(),
        "versions": versions(),
        "checksums_file": str(checksums_path(report_path)),  # written by write_checksums
        "stages": stages,
        "contained_reported": contained_reported,
        "seconds": round(time.time() - started, 3),
        "dry_run": sink is None,
        "report": str(report_path),
        **(more or {}),
    }


def skips_to_dicts(skips: Iterable[Skip]) -> list[dict[str, str]]:
    """Returns the skipped files as JSON-ready dicts."""
    return [{"file": s.path, "reason": s.reason, "detail": s.detail} for s in skips]


def table(counts: Counter[str], skipped: int, files: int) -> str:
    """Returns the short summary table printed on the terminal."""
    rows = [("files cleaned", files), ("files skipped", skipped)]
    rows += [(reason, n) for reason, n in sorted(counts.items()) if reason not in ("kept",)]
    rows.append(("paragraphs kept", counts.get("kept", 0)))
    width = max(len(r) for r, _ in rows)
    return "\n".join(f"{r:<{width}}  {n:>9,}" for r, n in rows)
