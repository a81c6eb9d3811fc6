"""Dedup against earlier corpora: an index of what earlier runs kept.

``nettoyeur clean IN OUT --index DIR`` does three things around an ordinary run:

1. *before boilerplate*: the recurring-line counts of earlier runs are added to this
   run's, so a line in 3 files yesterday and 2 today reaches ``min_files = 5`` today;
2. *before dedup*: the kept paragraphs of earlier runs that could match this run's
   paragraphs (same exact key, a shared LSH band, or enough shared containment anchors)
   are fetched and put *before* this run's documents, in the order they were indexed.
   Deduplication then runs as usual over both, so a new paragraph that copies an
   indexed one is removed (pointing at where the indexed one lives) exactly as it would
   be if all runs had been cleaned at once;
3. *after writing*: this run's kept paragraphs and line counts are added to the index,
   only once the cleaned corpus is whole (a failed run adds nothing).

What a later run can reveal about an earlier one cannot be undone, because the earlier
corpus is already written: an indexed paragraph that now lies inside a longer new one
(or that a new paragraph links to another indexed one), and a line that only becomes
frequent now. The summary's ``index.revealed`` lists each case. Other differences from
one big run: a new copy must match a *kept* paragraph (chains through a copy an
earlier run removed are not followed).

The index stores, per kept paragraph: where it lives (run, document key, line,
paragraph index, record id), its text (the verification aligns words, so it needs
them), its exact-key hash, its LSH band keys and its containment anchors. It records
its parameters and the nettoyeur and datasketch versions, and refuses a run whose
settings would make the stored keys meaningless.

Back ends: a local folder (the default; numpy arrays per run, memory-mapped, so a run
reads only the keys it looks up), or Redis (``redis://host:port/db?basename=name``)
through datasketch's own Redis storage, for teams that share one index.

This module holds the run's hooks (:class:`CorpusIndex`) and the compatibility check;
the stored keys and the back-end protocol are in :mod:`nettoyeur.index.keys`, the back
ends in :mod:`nettoyeur.index.folder_store` and :mod:`nettoyeur.index.redis_store`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from nettoyeur.boilerplate.line_counts import LineCounts
from nettoyeur.boilerplate.line_shapes import frequency_key
from nettoyeur.config import CleanConfig
from nettoyeur.dedup.shingle import exact_key, words
from nettoyeur.errors import ConfigError, InputError
from nettoyeur.index.folder_store import META_NAME, FolderBackend
from nettoyeur.index.keys import Backend, Entry, LookupKeys, lookup_keys
from nettoyeur.index.redis_store import RedisBackend
from nettoyeur.records import Document, Paragraph
from nettoyeur.text.hashing import hash64

# Paths of the indexed paragraphs during dedup: NUL sorts before any file name.
VIRTUAL_PREFIX = "\0index/"
# Bump when the stored layout or the way keys are computed changes: an index of another
# format is refused, never misread. 2: unspaced scripts (CJK, Thai) are one word per character.
# 3: a number's minus sign is part of its word in the exact key ("-5" / "5": shingle.MINUS_SIGNS).
INDEX_FORMAT = 3
# Parameters that shape the stored keys: a run with other values could not match them.
KEY_PARAMETERS = ("num_perm", "seed", "ngram", "threshold", "anchor_modulus")


def index_versions() -> dict[str, str]:
    """Returns the versions recorded in an index."""
    from nettoyeur import __version__
    from nettoyeur.report.report_file import package_version

    return {"nettoyeur": __version__, "datasketch": package_version("datasketch")}


def check_compatible(meta: dict[str, Any], config: CleanConfig, location: str) -> None:
    """Refuses an index whose stored keys this run could not match.

    Raises:
        ConfigError: another index format, other key parameters, or another major
            version of datasketch; the message says which and what to do.
    """
    if meta.get("format") != INDEX_FORMAT:
        raise ConfigError(
            f"index {location} has format {meta.get('format')} (written by nettoyeur "
            f"{meta.get('versions', {}).get('nettoyeur', '?')}); this nettoyeur reads format {INDEX_FORMAT}. "
            "Start a new --index, or use the nettoyeur version that wrote it."
        )
    stored = meta.get("parameters", {})
    ours = config.to_dict()
    for name in KEY_PARAMETERS:
        if stored.get(name) != ours[name]:
            raise ConfigError(
                f"index {location} was built with {name}={stored.get(name)!r} but this run uses {name}={ours[name]!r}: "
                "its stored keys could not match this run's. Use the same setting, or start a new --index folder."
            )
    theirs = str(meta.get("versions", {}).get("datasketch", "?")).split(".")[0]
    mine = index_versions()["datasketch"].split(".")[0]
    if theirs != mine:
        raise ConfigError(
            f"index {location} was built with datasketch {meta['versions'].get('datasketch')} and this run has "
            f"datasketch {index_versions()['datasketch']}: the MinHash scheme or the Redis layout may differ. "
            "Install the datasketch version that built it, or start a new --index."
        )


@dataclass
class _Pending:
    """What a run learned that the index will keep after the corpus is written."""

    batch_lines: Counter[int] = field(default_factory=Counter)
    prior_lines: dict[int, int] = field(default_factory=dict)
    owners: list[tuple[Document, Paragraph]] = field(default_factory=list)
    analysis: LookupKeys | None = None
    virtual: list[Document] = field(default_factory=list)
    shown: dict[str, tuple[str, int]] = field(default_factory=dict)  # sort key -> (location, run)


class CorpusIndex:
    """Dedup against earlier runs: the hooks that :func:`nettoyeur.run.streaming.run` calls.

    Args:
        location: a folder path, or ``redis://host:port/db?basename=name``.
        config: this run's options (checked against the index's).
        run_info: what to record about this run (input, output).

    Raises:
        ConfigError: the index was built with incompatible settings.
        InputError: the location cannot be used (not an index, in use, unreachable).
        MissingExtraError: ``redis://`` without the redis package.
    """

    def __init__(self, location: str | Path, config: CleanConfig, run_info: dict[str, Any] | None = None) -> None:
        text = str(location)
        self.backend: Backend = RedisBackend(text, config) if text.startswith("redis://") else FolderBackend(text)
        self.config = config
        self.run_info = dict(run_info or {})
        self.pending = _Pending()
        try:
            meta = self.backend.read_meta()
            if meta is not None:
                check_compatible(meta, config, self.backend.location)
        except BaseException:
            self.backend.close()
            raise
        self.meta = meta

    def __enter__(self) -> CorpusIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Releases the index (lock, connection)."""
        self.backend.close()

    # -- hook 1: recurring lines -------------------------------------------------------
    def with_earlier_counts(self, counts: LineCounts) -> LineCounts:
        """Returns this run's recurring-line file counts plus the earlier runs'.

        Args:
            counts: files per recurring-line key in this run (:func:`~nettoyeur.boilerplate.line_counts.count_lines`).
        """
        keys = list(counts)
        self.pending.batch_lines = Counter({k: dict.__getitem__(counts, k) for k in keys})
        earlier = self.backend.line_counts(np.array(keys, dtype=np.uint64))
        total = LineCounts(counts)
        self.pending.prior_lines = {}
        for k, n in zip(keys, earlier.tolist()):
            if n:
                total[k] = dict.__getitem__(total, k) + n
                self.pending.prior_lines[k] = n
        return total

    # -- hook 2: earlier paragraphs ------------------------------------------------------
    def earlier(self, docs: Iterable[Document]) -> list[Document]:
        """Returns the indexed paragraphs that could match ``docs``' kept ones, as documents.

        They go before ``docs`` in the dedup stage, in index order: the dedup stage sorts
        documents by path, and each of these has the path VIRTUAL_PREFIX + pid (NUL sorts
        before any file name; pids are zero-padded). :meth:`review` then renames them to
        where the kept copy lives, ``<run input>/<key>``.
        """
        owners = [
            (doc, p) for doc in docs for p in doc.paragraphs if p.kept and len(p.text) <= self.config.max_line_chars
        ]
        self.pending.owners = owners
        self.pending.analysis = lookup_keys([p.text for _, p in owners], self.config)
        if not self.backend.runs():
            return []
        entries = self.backend.fetch(self.backend.candidates(self.pending.analysis))
        roots = {r["run"]: r.get("input", f"run {r['run']}") for r in self.backend.runs()}
        # Neighbouring paragraphs of one indexed document stay one document, in their order:
        # the dedup stage asks whether a short line's neighbours are copies too.
        virtual: list[Document] = []
        last = None
        for e in sorted(entries, key=lambda e: e.pid):
            if last is None or (e.run, e.doc, e.paragraph) != (last.run, last.doc, last.paragraph + 1):
                path = f"{VIRTUAL_PREFIX}{e.pid:015d}"
                virtual.append(Document(path=path))
                self.pending.shown[path] = (f"{roots.get(e.run, f'run {e.run}')}/{e.doc}", e.run)
            virtual[-1].paragraphs.append(Paragraph(index=e.paragraph, line=e.line, text=e.text, original=e.text))
            last = e
        self.pending.virtual = virtual
        return virtual

    # -- after dedup: name index matches, collect what was revealed ----------------------
    def review(self, docs: Iterable[Document], dedup: Any = None) -> dict[str, Any]:
        """Names the index matches by where they live, and notes what this run reveals about earlier runs.

        Args:
            docs: this run's documents, after dedup.
            dedup: the dedup stage's stats (their report-only entries are renamed too).

        Returns:
            ``{"matched_earlier": n, "fetched": n, "revealed": [...]}`` for the summary.
        """
        shown = self.pending.shown
        matched = 0
        for doc in docs:
            for p in doc.paragraphs:
                v = p.verdict
                if v is not None and v.kept_doc in shown:
                    v.kept_doc, run = shown[v.kept_doc]
                    v.detail = f"kept by an earlier run (index run {run})"
                    matched += 1
        for entry in getattr(dedup, "contained_reported", None) or []:
            for name in ("file", "kept_doc"):
                if entry.get(name) in shown:
                    entry[name] = shown[entry[name]][0]
        revealed: list[dict[str, Any]] = []
        for vdoc in self.pending.virtual:
            for p in vdoc.paragraphs:
                if p.verdict is not None:
                    if p.verdict.kept_doc in shown:
                        p.verdict.kept_doc = shown[p.verdict.kept_doc][0]
                    revealed.append(
                        {
                            "kind": "earlier-paragraph",
                            "file": shown[vdoc.path][0],
                            "line": p.line,
                            "text": p.text,
                            **{k: v for k, v in p.verdict.to_dict().items() if k != "kept_text"},
                            "note": f"an earlier run kept and wrote this paragraph; with this run it would be "
                            f"{p.verdict.reason} (see kept_doc); it stays in the earlier output",
                        }
                    )
        revealed.extend(self._recurring_reveals(docs))
        fetched = sum(len(vdoc.paragraphs) for vdoc in self.pending.virtual)
        return {"fetched": fetched, "matched_earlier": matched, "revealed": revealed}

    def _recurring_reveals(self, docs: Iterable[Document]) -> list[dict[str, Any]]:
        """Notes each line removed as recurring here whose copies earlier runs kept (and wrote).

        The earlier copies are found by exact key among the indexed (kept) paragraphs, so
        the note holds whatever the frequency signal's floor: a line an earlier run
        removed is not in the index and gives no note.
        """
        lines: dict[int, str] = {}
        for doc in docs:
            for p in doc.paragraphs:
                if p.verdict is not None and p.verdict.reason.startswith("boilerplate:frequency:"):
                    toks = words(p.text)
                    if toks:
                        lines.setdefault(hash64(exact_key(toks)), p.text)
        if not lines or not self.backend.runs():
            return []
        b = self.pending.analysis.bands.shape[1] if self.pending.analysis is not None else 1
        query = LookupKeys(
            exact=np.array(sorted(lines), dtype=np.uint64),
            signed=np.empty(0, dtype=np.int64),
            sigs=np.empty((0, self.config.num_perm), dtype=np.uint32),
            bands=np.empty((0, b), dtype=np.uint64),
            anchors=[],
        )
        roots = {r["run"]: r.get("input", f"run {r['run']}") for r in self.backend.runs()}
        copies: dict[int, list[str]] = {}
        for e in self.backend.fetch(self.backend.candidates(query)):
            key = hash64(exact_key(words(e.text)))
            if key in lines:
                copies.setdefault(key, []).append(f"{roots.get(e.run, f'run {e.run}')}/{e.doc}:{e.line}")
        notes = []
        for key, where in sorted(copies.items(), key=lambda kv: kv[1]):
            text = lines[key]
            notes.append(
                {
                    "kind": "recurring-line",
                    "text": text,
                    "earlier_files": self.pending.prior_lines.get(hash64(frequency_key(text)), 0),
                    "earlier_copies": where,
                    "note": "this line recurs often enough only with this run; earlier runs kept and wrote "
                    f"{len(where)} copies of it (earlier_copies)",
                }
            )
        return notes

    # -- hook 3: after the corpus is written ---------------------------------------------
    def commit(self) -> dict[str, Any]:
        """Adds this run's kept paragraphs and line counts to the index.

        Returns:
            the run's record (number, paragraphs added, first pid).

        Raises:
            OSError: the index cannot be written; the index is left as it was.
        """
        if self.meta is None:
            self.meta = {
                "format": INDEX_FORMAT,
                "parameters": self.config.to_dict(),
                "versions": index_versions(),
                "bands_rows": list(self.config.bands_rows),
            }
            self.backend.write_meta(self.meta)
        analysis = self.pending.analysis or lookup_keys([], self.config)
        kept = [i for i, (_, p) in enumerate(self.pending.owners) if p.kept and analysis.exact[i] != 0]
        run_number = len(self.backend.runs()) + 1
        entries = [
            Entry(
                pid=0,
                run=run_number,
                doc=self.pending.owners[i][0].path,
                line=self.pending.owners[i][1].line,
                paragraph=self.pending.owners[i][1].index,
                id=getattr(self.pending.owners[i][0], "record_id", None),
                text=self.pending.owners[i][1].text,
            )
            for i in kept
        ]
        position = {old: new for new, old in enumerate(kept)}
        signed_rows = [row for row, i in enumerate(analysis.signed.tolist()) if i in position]
        subset = LookupKeys(
            exact=analysis.exact[kept] if kept else np.empty(0, dtype=np.uint64),
            signed=np.array([position[int(analysis.signed[r])] for r in signed_rows], dtype=np.int64),
            sigs=analysis.sigs[signed_rows],
            bands=analysis.bands[signed_rows],
            anchors=[analysis.anchors[i] for i in kept],
        )
        record = self.backend.add(self.run_info, entries, subset, self.pending.batch_lines)
        return {"run": record["run"], "added": len(entries), "index": self.backend.location}


def describe(location: str | Path) -> dict[str, Any]:
    """Returns an index's header and runs (for ``nettoyeur index``-style inspection and tests).

    Raises:
        InputError: the location is not an index.
    """
    path = Path(str(location))
    meta_path = path / META_NAME
    if not meta_path.exists():
        raise InputError(f"{location} is not a nettoyeur index (no {META_NAME}).")
    return json.loads(meta_path.read_text(encoding="utf-8"))
