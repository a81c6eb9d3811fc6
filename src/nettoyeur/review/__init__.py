"""The review page: one self-contained HTML file that shows what a clean did.

``nettoyeur review REPORT`` (and ``nettoyeur clean --review``) reads a report and its
summary and writes ``x.review.html`` beside them: the run at a glance (an SVG chart of
the removals per reason, kept and removed paragraphs per file, files that lost most
first, the parameters and versions), a seeded random sample of each rule's removals
with two paragraphs of context above and below from the input, the largest duplicate
clusters with each removed copy beside the kept one and the words that differ marked,
a sample of encoding repairs, and a search box and filters that work from disk.

The page is bounded: the report is streamed twice (counts, reservoir samples and cluster
sizes, then the members of the largest clusters only), so memory holds samples, not
records; every list says how much it leaves out; texts are cut at :data:`MAX_TEXT`
characters, and the page is rebuilt with fewer clusters while it is over ``max_bytes``.
The CSS and JavaScript are package data files inlined into the page, and its
Content-Security-Policy forbids any request, so it opens from disk with nothing fetched.
"""

from __future__ import annotations

import difflib
import heapq
import html
import json
import random
import re
import string
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from nettoyeur.corpus.atomic import write_atomic
from nettoyeur.corpus.shards import KEY_SEP
from nettoyeur.errors import InputError, NettoyeurError
from nettoyeur.report.report_file import read_checksums, read_paragraphs_per_file, summary_path

# Removals shown per rule: 20 lets a reviewer judge a rule in a minute or two, and a rule
# wrong 10% of the time shows at least one error in 20 with probability 1 - 0.9^20 = 0.88.
DEFAULT_SAMPLE = 20
# Rules shown with their samples (a user's rules file can name many); the rest are counted.
MAX_REASONS = 80
# Clusters shown, largest first, and the removed copies shown per cluster.
MAX_CLUSTERS = 200
MAX_MEMBERS = 12
# Files (or record shards) listed in the per-file table, most removals first.
MAX_FILES = 300
# Characters shown of one text (a paragraph can be a whole book on one line).
MAX_TEXT = 2000
# The page's size bound: 20 MB opens in a few seconds in any browser.
MAX_BYTES = 20 * 2**20
# Reasons of the report that point at a kept copy.
PAIR_REASONS = ("duplicate", "contained")
REPORTED = "contained (kept, reported)"


def review_path(report_path: Path | str) -> Path:
    """Returns the page's default path beside the report (``x.report.jsonl`` -> ``x.review.html``)."""
    summary = summary_path(Path(report_path))
    return summary.with_name(summary.name.removesuffix(".summary.json") + ".review.html")


@dataclass
class _Reservoir:
    """A seeded uniform sample of a stream (Algorithm R).

    Each rule draws from a generator of its own (seeded by the seed and the rule's name), so
    its sample does not move when other rules remove more or less.
    """

    size: int
    rng: random.Random
    seen: int = 0
    items: list[dict[str, Any]] = field(default_factory=list)

    def offer(self, item: dict[str, Any]) -> None:
        self.seen += 1
        if len(self.items) < self.size:
            self.items.append(item)
        else:
            k = self.rng.randrange(self.seen)
            if k < self.size:
                self.items[k] = item


@dataclass
class _Tally:
    """What the first pass over the report learns."""

    records: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    removed_in: Counter[str] = field(default_factory=Counter)
    repaired_in: Counter[str] = field(default_factory=Counter)
    samples: dict[str, _Reservoir] = field(default_factory=dict)
    clusters: Counter[tuple[str, int]] = field(default_factory=Counter)
    bad_lines: int = 0


def _int(value: Any, default: int = 0) -> int:
    """Returns a report field as an integer (``default`` when it is missing or not a number)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _reason_of(record: dict[str, Any]) -> str:
    """Returns the reason a record is listed under (a kept but reported containment apart)."""
    reason = str(record.get("reason", "?"))
    if record.get("removed") is False:
        return REPORTED
    return reason


def _group_of(key: str, records: bool) -> str:
    """Returns the file a report key belongs to: the key itself, or a record's shard."""
    return key.rpartition(KEY_SEP)[0] or key if records else key


def _read_report(path: Path, needle: str = "") -> Iterator[dict[str, Any] | None]:
    """Yields the report's records (None for a line that is not a JSON object).

    With ``needle``, only the lines holding it are parsed (the others are not yielded).

    Raises:
        InputError: the report cannot be read.
    """
    try:
        handle = open(path, encoding="utf-8", errors="surrogateescape")
    except OSError as err:
        raise InputError(f"cannot read report {path}: {err.strerror or err}: give the report of a clean.") from err
    with handle:
        for line in handle:
            if not line.strip() or needle not in line:
                continue
            try:
                record = json.loads(line)
            except ValueError:
                yield None
                continue
            yield record if isinstance(record, dict) else None


def _tally(path: Path, records: bool, sample: int, seed: int) -> _Tally:
    """The first pass: counts, reservoir samples per reason, cluster sizes."""
    tally = _Tally()
    for record in _read_report(path):
        if record is None:
            tally.bad_lines += 1
            continue
        tally.records += 1
        reason = _reason_of(record)
        tally.reasons[reason] += 1
        group = _group_of(str(record.get("file", "")), records)
        if reason.startswith("encoding:"):
            tally.repaired_in[group] += 1
        elif reason != REPORTED:
            tally.removed_in[group] += 1
        if record.get("repairs") and not reason.startswith("encoding:"):
            tally.reasons["encoding (then removed)"] += 1
        reservoir = tally.samples.get(reason)
        if reservoir is None:
            reservoir = tally.samples[reason] = _Reservoir(sample, random.Random(f"{seed}:{reason}"))
        reservoir.offer(record)
        if reason in PAIR_REASONS and record.get("kept_doc") is not None:
            tally.clusters[(str(record["kept_doc"]), _int(record.get("kept_line")))] += 1
    return tally


def _cluster_members(path: Path, wanted: set[tuple[str, int]]) -> dict[tuple[str, int], list[dict[str, Any]]]:
    """The second pass: the first :data:`MAX_MEMBERS` removed copies of each wanted cluster, in report order."""
    members: dict[tuple[str, int], list[dict[str, Any]]] = {key: [] for key in wanted}
    for record in _read_report(path, '"kept_doc"'):
        if record is None or _reason_of(record) not in PAIR_REASONS:
            continue
        key = (str(record.get("kept_doc")), _int(record.get("kept_line")))
        found = members.get(key)
        if found is not None and len(found) < MAX_MEMBERS:
            found.append(record)
    return members


# ------------------------------------------------------------------------------ context


class _Context:
    """Reads the paragraphs around a removed one from the input (when it is still there and unchanged)."""

    def __init__(self, summary: dict[str, Any]) -> None:
        try:  # the input checksums live beside the summary (issue 15), in older summaries inside it
            self.checksums: dict[str, str] = read_checksums(summary)
        except (OSError, ValueError, KeyError):
            self.checksums = {}
        self.note = ""
        self.source: Any = None
        self._cache: dict[str, Any] = {}  # key -> document (None: no context), the last 256 keys read
        where = summary.get("input")
        if not where:
            self.note = "the summary names no input: no context shown"
            return
        try:
            from nettoyeur.corpus.record_formats import open_source
            from nettoyeur.corpus.shards import RecordOptions

            options = RecordOptions(
                text_field=summary.get("text_field") or "text", id_field=summary.get("id_field") or None
            )
            self.source = open_source(where, options)
        except (NettoyeurError, OSError) as err:
            reason = str(err).split(":")[0]
            self.note = f"no context shown: {reason} (nettoyeur review --input PATH names where the input is now)"

    def around(self, key: str, paragraph: int) -> tuple[list[str], list[str]] | None:
        """Returns the two paragraphs above and below paragraph ``paragraph`` of ``key``, or None."""
        if self.source is None:
            return None
        doc = self._cache.get(key)
        if doc is None and key not in self._cache:
            try:
                doc = self.source.load(key)
            except (NettoyeurError, OSError, ValueError):
                doc = None
            if not hasattr(doc, "paragraphs") or self.checksums.get(key, doc.checksum) != doc.checksum:
                doc = None  # skipped, or changed since the clean: its lines may not be the report's
            if len(self._cache) > 256:
                self._cache.clear()
            self._cache[key] = doc
        if doc is None or not 0 <= paragraph < len(doc.paragraphs):
            return None
        paras = doc.paragraphs
        above = [p.text for p in paras[max(0, paragraph - 2) : paragraph]]
        return above, [p.text for p in paras[paragraph + 1 : paragraph + 3]]


# ------------------------------------------------------------------------------ HTML pieces


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _cut(text: Any, limit: int) -> str:
    text = "" if text is None else str(text)
    return text if len(text) <= limit else text[:limit] + f" … [{len(text) - limit:,} more characters]"


def _num(value: Any) -> str:
    return "–" if value is None else f"{value:.2f}" if isinstance(value, float) else _e(value)


_TOKEN = re.compile(r"\s+|[^\s]+")


def word_diff(removed: str, kept: str) -> tuple[str, str]:
    """Returns both texts as HTML, the words that differ marked: ``<del>`` in the removed copy, ``<ins>`` in the kept.

    Words are compared exactly (case and punctuation count); white space is not marked.
    The common head and tail are set aside first: copies differ in a few words, and
    difflib's matcher costs up to the product of the lengths it is given.
    """
    a, b = _TOKEN.findall(removed), _TOKEN.findall(kept)
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    same_head, same_tail = _e("".join(a[:head])), _e("".join(a[len(a) - tail :]))
    a, b = a[head : len(a) - tail], b[head : len(b) - tail]
    left: list[str] = [same_head]
    right: list[str] = [same_head]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            same = _e("".join(a[i1:i2]))
            left.append(same)
            right.append(same)
            continue
        if i2 > i1:
            left.append(_marked(a[i1:i2], "del"))
        if j2 > j1:
            right.append(_marked(b[j1:j2], "ins"))
    left.append(same_tail)
    right.append(same_tail)
    return "".join(left), "".join(right)


def _marked(tokens: list[str], tag: str) -> str:
    """Marks the words of ``tokens``, leaving the white space around them unmarked."""
    return "".join(_e(t) if t.isspace() else f"<{tag}>{_e(t)}</{tag}>" for t in tokens)


_COLOURS = {"duplicate": "#c0392b", "contained": "#e67e22", "boilerplate": "#2c7fb8", "encoding": "#27ae60"}


def _colour(reason: str) -> str:
    return _COLOURS.get(reason.split(":")[0].split(" ")[0], "#7f8c8d")


def signal_of(reason: str) -> str:
    """Returns a reason's signal (``boilerplate:pattern:nav`` gives ``boilerplate:pattern``)."""
    if reason.startswith("boilerplate:"):
        return ":".join(reason.split(":")[:2])
    if reason.startswith("encoding:"):
        return "encoding"
    return reason


def bar_chart(counts: list[tuple[str, int]], title: str, key: str = "reason") -> str:
    """Returns a horizontal bar chart (inline SVG) of ``(label, count)`` rows, largest first.

    Each bar carries its label in ``data-KEY`` (a bar of ``data-reason`` filters the page by it).
    """
    if not counts:
        return '<p class="empty">nothing to chart</p>'
    top = max(n for _, n in counts) or 1
    row, label_w, bar_w = 22, 300, 420
    height = row * len(counts) + 10
    parts = [
        f'<svg class="chart" role="img" aria-label="{_e(title)}" width="{label_w + bar_w + 90}" height="{height}" '
        f'viewBox="0 0 {label_w + bar_w + 90} {height}" xmlns="http://www.w3.org/2000/svg"><title>{_e(title)}</title>'
    ]
    for k, (label, n) in enumerate(counts):
        y = 5 + k * row
        w = max(1.0, bar_w * n / top)
        shown = label if len(label) <= 44 else label[:43] + "…"
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{_e(shown)}</text>'
            f'<rect class="bar" data-{key}="{_e(label)}" x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row - 6}" '
            f'fill="{_colour(label)}"><title>{_e(label)}: {n:,}</title></rect>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + 15}">{n:,}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _split_bar(kept: int | None, removed: int) -> str:
    """A small inline SVG bar: kept (grey) and removed (red) paragraphs of one file."""
    total = (kept or 0) + removed
    if not total:
        return ""
    w = 160
    r = w * removed / total
    return (
        f'<svg class="split" width="{w}" height="10" xmlns="http://www.w3.org/2000/svg">'
        f'<rect x="0" y="0" width="{w - r:.1f}" height="10" fill="#bdc3c7"/>'
        f'<rect class="bar" x="{w - r:.1f}" y="0" width="{r:.1f}" height="10" fill="#c0392b"/></svg>'
    )


def _pair_evidence(record: dict[str, Any]) -> str:
    bits = [
        f"MinHash estimate {_num(record.get('estimated'))}",
        f"exact Jaccard {_num(record.get('jaccard'))}",
        f"words matched {_num(record.get('containment'))}",
    ]
    if record.get("keep"):
        bits.append(f"kept by --keep {_e(record['keep'])}")
    return '<p class="evidence">' + " · ".join(bits) + "</p>"


def _where(record: dict[str, Any]) -> str:
    rid = f' <span class="rid">id {_e(record["id"])}</span>' if record.get("id") is not None else ""
    return f'<code class="where">{_e(record.get("file"))}:{_e(record.get("line"))}</code>{rid}'


# ------------------------------------------------------------------------------ the page


@dataclass
class _Page:
    """Everything the page shows, gathered before any HTML is written."""

    summary: dict[str, Any]
    tally: _Tally
    records: bool
    clusters: list[tuple[tuple[str, int], int, list[dict[str, Any]]]]
    contexts: dict[int, tuple[list[str], list[str]] | None]
    context_note: str
    report: Path
    sample: int
    seed: int

    def group(self, key: Any) -> str:
        """The file (or record shard) of a report key."""
        return _group_of(str(key or ""), self.records)


def _sample_item(page: _Page, record: dict[str, Any], reason: str, text_limit: int) -> str:
    """One sampled record: where, why, the text between its context, and its evidence."""
    above, below = page.contexts.get(id(record)) or ([], [])
    ctx_above = "".join(f'<p class="ctx">{_e(_cut(t, text_limit))}</p>' for t in above)
    ctx_below = "".join(f'<p class="ctx">{_e(_cut(t, text_limit))}</p>' for t in below)
    target = f'<p class="target">{_e(_cut(record.get("text"), text_limit))}</p>'
    detail = f' <span class="detail">{_e(record["detail"])}</span>' if record.get("detail") else ""
    # A repair keeps its paragraph: the text as read and as repaired say it all.
    repair_only = reason.startswith("encoding:")
    body = "" if repair_only else f'<div class="context">{ctx_above}{target}{ctx_below}</div>'
    if reason in PAIR_REASONS or reason == REPORTED:
        kept = f"<code>{_e(record.get('kept_doc'))}:{_e(record.get('kept_line'))}</code>"
        body += f'<p class="kept">kept copy: {kept} {_e(_cut(record.get("kept_text"), text_limit))}</p>'
        body += _pair_evidence(record)
    if reason.startswith("encoding:") or record.get("repairs"):
        body += _repair_body(record, text_limit)
    return (
        f'<article class="item" data-reason="{_e(reason)}" data-file="{_e(page.group(record.get("file")))}">'
        f'<header>{_where(record)} <span class="reason">{_e(reason)}</span>{detail}</header>{body}</article>'
    )


def _repair_body(record: dict[str, Any], text_limit: int) -> str:
    """The text as read and as repaired, side by side, and the ftfy steps."""
    steps = record.get("repairs") or str(record.get("reason", "")).removeprefix("encoding:").split("+")
    original = _e(_cut(record.get("original"), text_limit))
    repaired = _e(_cut(record.get("text"), text_limit))
    return (
        f'<div class="repair"><div><h4>as read</h4><p class="original">{original}</p></div>'
        f'<div><h4>repaired</h4><p class="repaired">{repaired}</p></div></div>'
        f'<p class="steps">ftfy steps: {" → ".join(f"<code>{_e(s)}</code>" for s in steps)}</p>'
    )


def _cluster_item(page: _Page, key: tuple[str, int], size: int, members: list[dict[str, Any]], text_limit: int) -> str:
    """One cluster: the kept copy's header, then each removed copy beside it with the differing words marked."""
    kept_doc, kept_line = key
    kept_text = str(members[0].get("kept_text") or "") if members else ""
    files = sorted({page.group(kept_doc)} | {page.group(m.get("file")) for m in members})
    kept_at = f"<code>{_e(kept_doc)}:{kept_line}</code>"
    rows = []
    for m in members:
        left, right = word_diff(_cut(m.get("text"), text_limit), _cut(kept_text, text_limit))
        rows.append(
            '<div class="pair">'
            f'<div class="side removed"><h4>removed ({_e(m.get("reason"))}) {_where(m)}</h4><p>{left}</p></div>'
            f'<div class="side keptside"><h4>kept {kept_at}</h4><p>{right}</p></div>{_pair_evidence(m)}</div>'
        )
    more = size - len(members)
    tail = f'<p class="more">… and {more:,} more removed copies of this paragraph</p>' if more > 0 else ""
    reasons = "\n".join(sorted({str(m.get("reason")) for m in members})) or "duplicate"
    head = f'<span class="size">{size + 1:,} copies</span> kept: {kept_at} '
    head += f'<span class="kepttext">{_e(kept_text[:160] + ("…" if len(kept_text) > 160 else ""))}</span>'
    return (
        f'<article class="item cluster" data-reason="{_e(reasons)}" data-file="{_e(chr(10).join(files))}">'
        f"<header>{head}</header>{''.join(rows)}{tail}</article>"
    )


def _table(rows: list[tuple[str, Any]]) -> str:
    """A two-column table of names and values (lists and dicts as JSON)."""
    cells = "".join(
        f"<tr><th>{_e(k)}</th><td>{_e(json.dumps(v) if isinstance(v, (dict, list)) else v)}</td></tr>" for k, v in rows
    )
    return f'<table class="kv">{cells}</table>'


def _more(count: int, what: str) -> str:
    """A line saying how much a list leaves out, or nothing."""
    return f'<p class="more">{count:,} {what}</p>' if count > 0 else ""


def _overview(page: _Page) -> dict[str, str]:
    """The run at a glance: the summary's figures, the chart, the files that lost most, the parameters."""
    summary, tally = page.summary, page.tally
    counts = summary.get("counts") or {}
    try:  # beside the summary with the checksums (issue 15), in older summaries inside it
        per_file: dict[str, int] = read_paragraphs_per_file(summary)
    except (OSError, ValueError, KeyError):
        per_file = {}
    if page.records and per_file:  # records are counted per shard
        shards: Counter[str] = Counter()
        for key, n in per_file.items():
            shards[page.group(key)] += n
        per_file = dict(shards)
    kept = counts.get("kept")
    files = summary.get("files")
    head = [
        ("report", str(page.report)),
        ("input", summary.get("input", "?")),
        ("output", summary.get("output") or "none (dry run)"),
        ("format", summary.get("format", "?")),
        ("files", f"{files:,}" if isinstance(files, int) else "?"),
        ("paragraphs", f"{summary.get('paragraphs', 0):,}"),
        ("kept", "?" if kept is None else f"{kept:,}"),
        ("removed", f"{sum(tally.removed_in.values()):,}"),
        ("skipped files", len(summary.get("skipped") or [])),
        ("seconds", summary.get("seconds", "?")),
    ]
    chart_rows = sorted(tally.reasons.items(), key=lambda x: (-x[1], x[0]))
    signals: Counter[str] = Counter()
    for reason, n in tally.reasons.items():
        signals[signal_of(reason)] += n
    signal_rows = sorted(signals.items(), key=lambda x: (-x[1], x[0]))
    files_shown = heapq.nsmallest(MAX_FILES, tally.removed_in.items(), key=lambda x: (-x[1], x[0]))
    rows = []
    for name, removed in files_shown:
        total = per_file.get(name)
        kept_here = None if total is None else total - removed
        share = f"{removed / total:.0%}" if total else "–"
        rows.append(
            f'<tr data-file="{_e(name)}"><td><code>{_e(name)}</code></td>'
            f"<td>{'?' if kept_here is None else f'{kept_here:,}'}</td><td>{removed:,}</td><td>{share}</td>"
            f"<td>{tally.repaired_in.get(name, 0):,}</td><td>{_split_bar(kept_here, removed)}</td></tr>"
        )
    notes = f'<p class="note">{_e(page.context_note)}</p>' if page.context_note else ""
    if tally.bad_lines:
        notes += f'<p class="note">{tally.bad_lines:,} report lines were not JSON objects and are left out.</p>'
    return {
        "notes": notes,
        "head": _table(head),
        "signal_chart": bar_chart(signal_rows, "records per signal", "signal"),
        "chart": bar_chart(chart_rows, "records per reason"),
        "file_rows": "".join(rows),
        "files_note": _more(len(tally.removed_in) - len(files_shown), "more files with removals not listed"),
        "parameters": _table(sorted((summary.get("parameters") or {}).items())),
        "versions": _table(sorted((summary.get("versions") or {}).items())),
    }


def _sections(page: _Page, reasons: list[str], text_limit: int, swatch: bool) -> str:
    """One section per reason with its sampled records, in report order."""
    out = []
    for reason in reasons[:MAX_REASONS]:
        reservoir = page.tally.samples[reason]
        items = "".join(_sample_item(page, rec, reason, text_limit) for rec in _in_report_order(reservoir.items))
        mark = f'<span class="swatch" style="background:{_colour(reason)}"></span>' if swatch else ""
        shown = f"<small>{len(reservoir.items)} of {reservoir.seen:,} shown</small>"
        head = f"<h3>{mark}{_e(reason)} {shown}</h3>"
        out.append(f'<section class="group" data-reason="{_e(reason)}">{head}{items}</section>')
    return "".join(out) + _more(len(reasons) - MAX_REASONS, "more rules not shown")


def _render(page: _Page, n_clusters: int, text_limit: int) -> str:
    """Returns the page with the ``n_clusters`` largest clusters and texts cut at ``text_limit`` characters."""
    from nettoyeur import __version__

    tally = page.tally
    reasons = sorted(tally.samples, key=lambda r: (-tally.reasons[r], r))
    removals = [r for r in reasons if not r.startswith("encoding:")]
    repairs = [r for r in reasons if r.startswith("encoding:")]
    clusters = page.clusters[:n_clusters]
    cluster_html = "".join(_cluster_item(page, key, size, members, text_limit) for key, size, members in clusters)
    left = len(tally.clusters) - len(clusters)
    copies_left = sum(tally.clusters.values()) - sum(size for _, size, _ in clusters)
    cluster_html += _more(left, f"smaller clusters ({copies_left:,} removed copies) not shown")
    files = {page.group(rec.get("file")) for r in reasons for rec in tally.samples[r].items}
    files |= {page.group(key[0]) for key, _, _ in clusters}
    files |= {page.group(m.get("file")) for _, _, members in clusters for m in members}
    slots = {
        "version": _e(__version__),
        "css": _asset("page.css"),
        "js": _asset("page.js"),
        "report_name": _e(page.report.name),
        "seed": str(page.seed),
        "sample": str(page.sample),
        "reason_options": "".join(f'<option value="{_e(r)}">{_e(r)} ({tally.reasons[r]:,})</option>' for r in reasons),
        "file_options": "".join(f'<option value="{_e(f)}">{_e(f)}</option>' for f in sorted(files)),
        **_overview(page),
        "samples": _sections(page, removals, text_limit, True) or '<p class="empty">no removals</p>',
        "clusters": cluster_html or '<p class="empty">no duplicates</p>',
        "repairs": _sections(page, repairs, text_limit, False) or '<p class="empty">no repairs</p>',
    }
    return string.Template(_asset("page.html")).substitute(slots)


def _in_report_order(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(items, key=lambda r: (str(r.get("file", "")), _int(r.get("line"))))


def _asset(name: str) -> str:
    """Returns a package data file of the page (its template, CSS or JavaScript)."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def build_review(
    report: Path | str,
    *,
    sample: int = DEFAULT_SAMPLE,
    seed: int = 0,
    max_bytes: int = MAX_BYTES,
    input_path: Path | str | None = None,
) -> str:
    """Returns the review page of a report (its summary is read from beside it).

    Args:
        report: the report records (JSON Lines) of a clean.
        sample: removals sampled per rule.
        seed: the sampling seed (the same seed gives the same page).
        max_bytes: the page's size bound; fewer clusters and shorter texts are shown above it.
        input_path: where the cleaned input is now, for the context (default: the summary's
            ``input``, which may be relative to the folder the clean ran in).

    Raises:
        InputError: the report cannot be read, or ``sample`` is not positive.
    """
    if sample < 1:
        raise InputError(f"sample must be at least 1, got {sample}: try {DEFAULT_SAMPLE}.")
    report = Path(report)
    spath = summary_path(report)
    try:
        summary = json.loads(spath.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        summary = {}
    if input_path is not None and summary:
        summary = {**summary, "input": str(input_path)}
    records = summary.get("format") not in (None, "text")
    tally = _tally(report, records, sample, seed)
    top = heapq.nsmallest(MAX_CLUSTERS, tally.clusters.items(), key=lambda x: (-x[1], x[0]))
    members = _cluster_members(report, {key for key, _ in top}) if top else {}
    clusters = [(key, size, members.get(key, [])) for key, size in top]
    context = _Context(summary) if summary else None
    contexts: dict[int, Any] = {}
    for reason, reservoir in tally.samples.items():
        if reason.startswith("encoding:") or context is None:
            continue
        for rec in reservoir.items:
            contexts[id(rec)] = context.around(str(rec.get("file", "")), _int(rec.get("paragraph"), -1))
    note = context.note if context else f"no summary beside the report ({spath.name}): no counts per file, no context"
    page = _Page(summary, tally, records, clusters, contexts, note, report, sample, seed)
    n_clusters, text_limit = len(clusters), MAX_TEXT
    while True:
        out = _render(page, n_clusters, text_limit)
        if len(out.encode("utf-8", "replace")) <= max_bytes or (n_clusters == 0 and text_limit <= 200):
            return out
        n_clusters //= 2
        text_limit = max(200, text_limit // 2)


def write_review(
    report: Path | str,
    output: Path | str | None = None,
    *,
    sample: int = DEFAULT_SAMPLE,
    seed: int = 0,
    input_path: Path | str | None = None,
) -> Path:
    """Writes the review page of ``report`` to ``output`` (default: ``x.review.html`` beside it); returns its path.

    Raises:
        InputError: the report cannot be read.
        OSError: the page cannot be written.
    """
    target = Path(output) if output is not None else review_path(report)
    page = build_review(report, sample=sample, seed=seed, input_path=input_path)
    # A file name that is not UTF-8 reaches Python as lone surrogates: written as U+FFFD.
    write_atomic(target, page.encode("utf-8", "replace"))
    return target
