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
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qs, urlparse

import numpy as np

from nettoyeur.boilerplate import frequency_key
from nettoyeur.config import CleanConfig
from nettoyeur.errors import ConfigError, InputError
from nettoyeur.formats import require
from nettoyeur.lsh import anchors, band_keys, optimal_bands
from nettoyeur.minhash import signatures
from nettoyeur.records import Document, Paragraph
from nettoyeur.shingle import exact_key, shingle_hashes, words
from nettoyeur.write import write_atomic

# Paths of the indexed paragraphs during dedup: NUL sorts before any file name.
VIRTUAL_PREFIX = "\0index/"
# Bump when the stored layout or the way keys are computed changes: an index of another
# format is refused, never misread.
INDEX_FORMAT = 1
META_NAME = "nettoyeur-index.json"
# Parameters that shape the stored keys: a run with other values could not match them.
KEY_PARAMETERS = ("num_perm", "seed", "ngram", "threshold", "anchor_modulus")
# An anchor shared by more indexed paragraphs than this is a stock phrase: it says
# nothing about containment (the same cap as the in-run anchor candidates).
MAX_ANCHOR_GROUP = 256
# Share of the smaller paragraph's anchors that a pair must share to be a containment
# candidate (the same rule as lsh.anchor_candidates).
ANCHOR_SHARE = 0.5


def hash64(text: str) -> int:
    """Returns a stable 64-bit hash of a string (BLAKE2b); 2^-64 collision odds per pair."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


@dataclass
class Analysis:
    """The lookup keys of a list of paragraph texts.

    Attributes:
        exact: per paragraph, the exact-key hash (0 for a paragraph without words).
        signed: indices of the paragraphs with shingles (and so a signature).
        sigs: their MinHash signatures, ``(len(signed), num_perm)`` uint32.
        bands: their salted band keys, ``(len(signed), bands)`` uint64.
        anchors: per paragraph, its anchor hashes (empty when containment is off).
    """

    exact: np.ndarray
    signed: np.ndarray
    sigs: np.ndarray
    bands: np.ndarray
    anchors: list[np.ndarray]


def analyse(texts: Sequence[str], config: CleanConfig) -> Analysis:
    """Computes the lookup keys of paragraph texts, as the dedup stage computes them."""
    toks = [words(t) for t in texts]
    exact = np.array([hash64(exact_key(t)) if t else 0 for t in toks], dtype=np.uint64)
    shingles = [shingle_hashes(t, config.ngram) for t in toks]
    signed = np.array([i for i, s in enumerate(shingles) if len(s)], dtype=np.int64)
    b, r = optimal_bands(config.threshold, config.num_perm)
    if len(signed):
        sigs = signatures([shingles[i] for i in signed], config.num_perm, config.seed)
        keys = band_keys(sigs, b, r)
        with np.errstate(over="ignore"):
            keys = keys + (np.arange(b, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15))[None, :]
    else:
        sigs = np.empty((0, config.num_perm), dtype=np.uint32)
        keys = np.empty((0, b), dtype=np.uint64)
    if config.containment != "off":
        anchor_sets = [anchors(s, config.anchor_modulus).astype(np.uint64) for s in shingles]
    else:
        anchor_sets = [np.empty(0, dtype=np.uint64) for _ in shingles]
    return Analysis(exact, signed, sigs, keys, anchor_sets)


@dataclass
class Entry:
    """One paragraph held in the index.

    Attributes:
        pid: its position in the index (corpus order across runs).
        run: the run that added it (1-based).
        doc: its document key in that run (relative path or ``shard#row``).
        line: its line in the input document.
        paragraph: its paragraph index in the document.
        id: its record id, if any.
        text: its text.
    """

    pid: int
    run: int
    doc: str
    line: int
    paragraph: int
    id: str | None
    text: str

    def to_json(self) -> bytes:
        """Returns the stored form (without the pid, which is its position)."""
        body = {"run": self.run, "doc": self.doc, "line": self.line, "paragraph": self.paragraph, "text": self.text}
        if self.id is not None:
            body["id"] = self.id
        return json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8", "surrogatepass")

    @classmethod
    def from_json(cls, pid: int, data: bytes) -> Entry:
        """Reads the stored form."""
        body = json.loads(data)
        return cls(pid, body["run"], body["doc"], body["line"], body["paragraph"], body.get("id"), body["text"])


class Backend(Protocol):
    """Where an index lives."""

    location: str

    def read_meta(self) -> dict[str, Any] | None:
        """Returns the parameters and versions, or None for a new index."""
        ...

    def write_meta(self, meta: dict[str, Any]) -> None:
        """Stores the parameters and versions (first run only)."""
        ...

    def runs(self) -> list[dict[str, Any]]:
        """Returns the runs recorded so far, oldest first."""
        ...

    def candidates(self, query: Analysis) -> list[int]:
        """Returns the sorted pids of indexed paragraphs that could match the query's."""
        ...

    def fetch(self, pids: Sequence[int]) -> list[Entry]:
        """Returns the entries of these pids, in pid order."""
        ...

    def line_counts(self, keys: np.ndarray) -> np.ndarray:
        """Returns the number of earlier files holding each recurring-line key."""
        ...

    def add(self, run: dict[str, Any], entries: list[Entry], keys: Analysis, lines: Counter[int]) -> dict[str, Any]:
        """Adds a run's kept paragraphs and line counts; returns the run record."""
        ...

    def close(self) -> None:
        """Releases locks and connections."""
        ...


def _ranges(lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Returns the concatenation of ``arange(lo[i], hi[i])`` for all i, without a loop."""
    sizes = hi - lo
    total = int(sizes.sum())
    if total == 0:
        return np.empty(0, dtype=np.int64)
    starts = np.repeat(lo - np.concatenate([[0], np.cumsum(sizes)[:-1]]), sizes)
    return starts + np.arange(total)


def _anchor_filter(owner: np.ndarray, pids: np.ndarray, query_sizes: np.ndarray, pid_sizes: np.ndarray) -> np.ndarray:
    """Keeps the indexed pids sharing at least ANCHOR_SHARE of the smaller anchor set with a query paragraph.

    Args:
        owner: per shared anchor hit, the query paragraph.
        pids: per hit, the indexed paragraph.
        query_sizes: anchors per query paragraph.
        pid_sizes: per hit, the indexed paragraph's anchor count.
    """
    if len(pids) == 0:
        return np.empty(0, dtype=np.int64)
    code = (owner.astype(np.int64) << 40) | pids.astype(np.int64)
    uniq, first, counts = np.unique(code, return_index=True, return_counts=True)
    smaller = np.minimum(query_sizes[owner[first]], pid_sizes[first])
    keep = counts >= np.maximum(1, np.ceil(ANCHOR_SHARE * smaller))
    return np.unique(uniq[keep] & ((1 << 40) - 1))


class FolderBackend:
    """An index in a local folder: a JSON header, one sub-folder of arrays per run.

    Layout::

        DIR/nettoyeur-index.json   parameters, versions, runs, current line counts
        DIR/run-000001/            paragraphs.jsonl + offsets.npy (texts, locations),
                                   {exact,bands,anchors}.keys.npy / .pids.npy (sorted
                                   lookup tables), anchor_sizes.npy
        DIR/lines-000001.npz       recurring-line key hashes and file counts

    A run's folder is written under a temporary name and renamed, then the header is
    replaced atomically: a run killed at any point leaves the index as it was. An
    exclusive lock (``DIR/.lock``) keeps two runs from writing at once.
    """

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.location = str(self.root)
        if self.root.exists() and not self.root.is_dir():
            raise InputError(f"index {self.root} is not a folder: give a folder (new or earlier index) for --index.")
        ours = {".lock"}  # a run that died before its first commit leaves only its lock and temporaries
        content = (
            [p for p in self.root.iterdir() if p.name not in ours and not p.name.startswith(".tmp-")]
            if self.root.is_dir()
            else []
        )
        if content and not (self.root / META_NAME).exists():
            raise InputError(
                f"folder {self.root} is not a nettoyeur index (no {META_NAME}): give an empty or new folder, "
                "or the folder of an earlier --index."
            )
        self.root.mkdir(parents=True, exist_ok=True)
        self._lock = open(self.root / ".lock", "a+")  # noqa: SIM115 - held until close()
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            self._lock.close()
            raise InputError(
                f"index {self.root} is in use by another nettoyeur run: wait for it to finish, then run again."
            ) from err
        for stale in self.root.glob(".tmp-*"):
            shutil.rmtree(stale, ignore_errors=True)
        self._meta = self._load_meta()

    def _load_meta(self) -> dict[str, Any] | None:
        path = self.root / META_NAME
        if not path.exists():
            return None
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise InputError(f"index header {path} cannot be read ({err}): restore it or start a new index.") from err

    def read_meta(self) -> dict[str, Any] | None:
        """Returns the header, or None for a new index."""
        return self._meta

    def write_meta(self, meta: dict[str, Any]) -> None:
        """Writes the header atomically."""
        write_atomic(self.root / META_NAME, json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
        self._meta = meta

    def runs(self) -> list[dict[str, Any]]:
        """Returns the runs in the header."""
        return list((self._meta or {}).get("runs", []))

    def _table(self, run: dict[str, Any], name: str) -> tuple[np.ndarray, np.ndarray]:
        folder = self.root / run["dir"]
        return (
            np.load(folder / f"{name}.keys.npy", mmap_mode="r"),
            np.load(folder / f"{name}.pids.npy", mmap_mode="r"),
        )

    def candidates(self, query: Analysis) -> list[int]:
        """Looks the query's exact keys, band keys and anchors up in every run's tables."""
        found: list[np.ndarray] = []
        exact = np.unique(query.exact[query.exact != 0])
        bands = np.unique(query.bands.ravel())
        sizes = np.array([len(a) for a in query.anchors], dtype=np.int64)
        anchor_keys = np.concatenate(query.anchors) if query.anchors else np.empty(0, dtype=np.uint64)
        anchor_owner = np.repeat(np.arange(len(query.anchors), dtype=np.int64), sizes)
        for run in self.runs():
            for name, q in (("exact", exact), ("bands", bands)):
                keys, pids = self._table(run, name)
                lo, hi = np.searchsorted(keys, q, "left"), np.searchsorted(keys, q, "right")
                found.append(np.asarray(pids[_ranges(lo, hi)], dtype=np.int64))
            if len(anchor_keys):
                keys, pids = self._table(run, "anchors")
                lo, hi = np.searchsorted(keys, anchor_keys, "left"), np.searchsorted(keys, anchor_keys, "right")
                common = (hi - lo) > MAX_ANCHOR_GROUP
                lo, hi = lo[~common], hi[~common]
                owner = np.repeat(anchor_owner[~common], hi - lo)
                hits = np.asarray(pids[_ranges(lo, hi)], dtype=np.int64)
                pid_sizes = np.load(self.root / run["dir"] / "anchor_sizes.npy", mmap_mode="r")
                local = hits - run["first_pid"]
                found.append(_anchor_filter(owner, hits, sizes, np.asarray(pid_sizes[local], dtype=np.int64)))
        if not found:
            return []
        return np.unique(np.concatenate(found)).tolist()

    def fetch(self, pids: Sequence[int]) -> list[Entry]:
        """Reads the entries from each run's paragraphs file (one seek per entry)."""
        out: list[Entry] = []
        runs = self.runs()
        firsts = np.array([r["first_pid"] for r in runs], dtype=np.int64)
        by_run: dict[int, list[int]] = {}
        for pid in sorted(pids):
            k = int(np.searchsorted(firsts, pid, "right")) - 1
            by_run.setdefault(k, []).append(pid)
        for k, group in sorted(by_run.items()):
            run = runs[k]
            folder = self.root / run["dir"]
            offsets = np.load(folder / "offsets.npy", mmap_mode="r")
            with open(folder / "paragraphs.jsonl", "rb") as handle:
                for pid in group:
                    local = pid - run["first_pid"]
                    handle.seek(int(offsets[local]))
                    out.append(Entry.from_json(pid, handle.read(int(offsets[local + 1] - offsets[local]))))
        return out

    def _lines(self) -> tuple[np.ndarray, np.ndarray]:
        name = (self._meta or {}).get("lines")
        if not name:
            return np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int64)
        data = np.load(self.root / name)
        return data["keys"], data["counts"]

    def line_counts(self, keys: np.ndarray) -> np.ndarray:
        """Looks the keys up in the current line-count table."""
        known, counts = self._lines()
        if len(known) == 0 or len(keys) == 0:
            return np.zeros(len(keys), dtype=np.int64)
        pos = np.clip(np.searchsorted(known, keys), 0, len(known) - 1)
        return np.where(known[pos] == keys, counts[pos], 0)

    def add(self, run: dict[str, Any], entries: list[Entry], keys: Analysis, lines: Counter[int]) -> dict[str, Any]:
        """Writes the run's folder and line counts, then the header that lists them."""
        meta = dict(self._meta or {})
        runs = self.runs()
        number = len(runs) + 1
        first = runs[-1]["first_pid"] + runs[-1]["paragraphs"] if runs else 0
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.root))
        try:
            offsets = [0]
            with open(tmp / "paragraphs.jsonl", "wb") as handle:
                for entry in entries:
                    data = entry.to_json() + b"\n"
                    handle.write(data)
                    offsets.append(offsets[-1] + len(data))
                handle.flush()
                os.fsync(handle.fileno())
            np.save(tmp / "offsets.npy", np.array(offsets, dtype=np.int64))
            pid_of = np.arange(first, first + len(entries), dtype=np.int64)
            has_words = keys.exact != 0
            tables = {
                "exact": (keys.exact[has_words], pid_of[has_words]),
                "bands": (keys.bands.ravel(), np.repeat(pid_of[keys.signed], keys.bands.shape[1])),
                "anchors": (
                    np.concatenate(keys.anchors) if keys.anchors else np.empty(0, dtype=np.uint64),
                    np.repeat(pid_of, [len(a) for a in keys.anchors]),
                ),
            }
            for name, (k, p) in tables.items():
                order = np.lexsort((p, k))
                np.save(tmp / f"{name}.keys.npy", np.asarray(k, dtype=np.uint64)[order])
                np.save(tmp / f"{name}.pids.npy", np.asarray(p, dtype=np.int64)[order])
            np.save(tmp / "anchor_sizes.npy", np.array([len(a) for a in keys.anchors], dtype=np.int64))
            folder = f"run-{number:06d}"
            shutil.rmtree(self.root / folder, ignore_errors=True)  # a run that died before its header
            os.replace(tmp, self.root / folder)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        old_keys, old_counts = self._lines()
        new_keys = np.array(sorted(lines), dtype=np.uint64)
        new_counts = np.array([lines[k] for k in sorted(lines)], dtype=np.int64)
        all_keys = np.concatenate([old_keys, new_keys])
        uniq, inverse = np.unique(all_keys, return_inverse=True)
        merged = np.zeros(len(uniq), dtype=np.int64)
        np.add.at(merged, inverse, np.concatenate([old_counts, new_counts]))
        lines_name = f"lines-{number:06d}.npz"
        with tempfile.NamedTemporaryFile(dir=self.root, prefix=".tmp-", suffix=".npz", delete=False) as handle:
            np.savez(handle, keys=uniq, counts=merged)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, self.root / lines_name)
        record = {**run, "run": number, "dir": folder, "first_pid": first, "paragraphs": len(entries)}
        previous_lines = meta.get("lines")
        meta["runs"] = runs + [record]
        meta["lines"] = lines_name
        meta["paragraphs"] = first + len(entries)
        self.write_meta(meta)
        if previous_lines and previous_lines != lines_name:
            (self.root / previous_lines).unlink(missing_ok=True)
        return record

    def close(self) -> None:
        """Releases the lock."""
        if not self._lock.closed:
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()


class RedisBackend:
    """An index in Redis, shared by a team, through datasketch's Redis storage.

    The LSH bands live in a ``datasketch.MinHashLSH`` with Redis storage (keys: pids);
    exact keys, anchors and the paragraphs in datasketch's Redis set and list storage;
    the header, the runs and the line counts in plain Redis keys, all under one
    ``basename`` prefix (``?basename=`` in the URL, default ``nettoyeur``).
    """

    def __init__(self, url: str, config: CleanConfig) -> None:
        require("redis", "redis", "a Redis index")
        import redis
        from datasketch import MinHashLSH
        from datasketch.storage import ordered_storage, unordered_storage

        parsed = urlparse(url)
        query = parse_qs(parsed.query)
        self.basename = query.get("basename", ["nettoyeur"])[0]
        db = int(parsed.path.strip("/") or 0)
        params: dict[str, Any] = {"host": parsed.hostname or "localhost", "port": parsed.port or 6379, "db": db}
        if parsed.password:
            params["password"] = parsed.password
        self.location = f"redis://{params['host']}:{params['port']}/{db}?basename={self.basename}"
        self.client = redis.Redis(**params)
        try:
            self.client.ping()
        except redis.exceptions.RedisError as err:
            raise InputError(
                f"cannot reach the Redis index at {self.location} ({err}): start redis-server or fix --index."
            ) from err
        base = self.basename.encode()
        storage = {"type": "redis", "basename": base, "redis": params}
        bands, rows = optimal_bands(config.threshold, config.num_perm)
        self.seed = config.seed
        self.lsh = MinHashLSH(
            threshold=config.threshold, num_perm=config.num_perm, params=(bands, rows), storage_config=storage
        )
        self.exact = unordered_storage(storage, name=base + b"_exact")
        self.anchor = unordered_storage(storage, name=base + b"_anchor")
        self.paragraphs = ordered_storage(storage, name=base + b"_para")
        self.k_meta = f"{self.basename}:meta"
        self.k_runs = f"{self.basename}:runs"
        self.k_lines = f"{self.basename}:lines"
        self.k_next = f"{self.basename}:next_pid"

    def read_meta(self) -> dict[str, Any] | None:
        """Returns the header, or None for a new index."""
        raw = self.client.get(self.k_meta)
        return json.loads(raw) if raw else None

    def write_meta(self, meta: dict[str, Any]) -> None:
        """Stores the header unless another run stored one first."""
        self.client.setnx(self.k_meta, json.dumps({k: v for k, v in meta.items() if k != "runs"}, sort_keys=True))

    def runs(self) -> list[dict[str, Any]]:
        """Returns the runs, oldest first."""
        return [json.loads(r) for r in self.client.lrange(self.k_runs, 0, -1)]

    def _minhash(self, sig: np.ndarray) -> Any:
        from datasketch import LeanMinHash

        return LeanMinHash(seed=self.seed, hashvalues=sig, scheme="affine32")

    def candidates(self, query: Analysis) -> list[int]:
        """Queries the LSH for each signature, and the exact and anchor sets."""
        found: set[int] = set()
        for sig in query.sigs:
            found.update(int(k) for k in self.lsh.query(self._minhash(sig)))
        exact = sorted({int(k) for k in query.exact if k})
        if exact:
            for members in self.exact.getmany(*[str(k).encode() for k in exact]):
                found.update(int(m) for m in members)
        owner: list[int] = []
        hits: list[int] = []
        pid_sizes: list[int] = []
        for i, group in enumerate(query.anchors):
            if not len(group):
                continue
            for members in self.anchor.getmany(*[str(int(k)).encode() for k in group]):
                if len(members) > MAX_ANCHOR_GROUP:
                    continue
                for m in members:
                    pid, size = m.split(b":")
                    owner.append(i)
                    hits.append(int(pid))
                    pid_sizes.append(int(size))
        sizes = np.array([len(a) for a in query.anchors], dtype=np.int64)
        kept = _anchor_filter(
            np.array(owner, dtype=np.int64), np.array(hits, dtype=np.int64), sizes, np.array(pid_sizes, dtype=np.int64)
        )
        found.update(kept.tolist())
        return sorted(found)

    def fetch(self, pids: Sequence[int]) -> list[Entry]:
        """Reads the entries from the paragraph storage."""
        pids = sorted(pids)
        if not pids:
            return []
        values = self.paragraphs.getmany(*[str(p).encode() for p in pids])
        return [Entry.from_json(pid, v[0]) for pid, v in zip(pids, values) if v]

    def line_counts(self, keys: np.ndarray) -> np.ndarray:
        """Reads the counts of the keys from a Redis hash."""
        if len(keys) == 0:
            return np.zeros(0, dtype=np.int64)
        values = self.client.hmget(self.k_lines, [str(int(k)) for k in keys])
        return np.array([int(v) if v else 0 for v in values], dtype=np.int64)

    def add(self, run: dict[str, Any], entries: list[Entry], keys: Analysis, lines: Counter[int]) -> dict[str, Any]:
        """Stores the paragraphs, then their keys, then the line counts, then the run."""
        n = len(entries)
        first = int(self.client.incrby(self.k_next, n)) - n if n else int(self.client.get(self.k_next) or 0)
        number = int(self.client.incr(f"{self.basename}:run_counter"))
        for k, entry in enumerate(entries):
            entry.pid, entry.run = first + k, number
        pipe_entries = [(str(e.pid).encode(), e.to_json()) for e in entries]
        for key, value in pipe_entries:
            self.paragraphs.insert(key, value)
        for k, entry in enumerate(entries):
            if keys.exact[k]:
                self.exact.insert(str(int(keys.exact[k])).encode(), str(entry.pid).encode())
            size = len(keys.anchors[k])
            for a in keys.anchors[k].tolist():
                self.anchor.insert(str(int(a)).encode(), f"{entry.pid}:{size}".encode())
        with self.lsh.insertion_session() as session:
            for row, k in enumerate(keys.signed.tolist()):
                session.insert(entries[k].pid, self._minhash(keys.sigs[row]), check_duplication=False)
        if lines:
            pipe = self.client.pipeline()
            for key, count in lines.items():
                pipe.hincrby(self.k_lines, str(int(key)), count)
            pipe.execute()
        record = {**run, "run": number, "first_pid": first, "paragraphs": n}
        self.client.rpush(self.k_runs, json.dumps(record, sort_keys=True))
        return record

    def close(self) -> None:
        """Closes the connection."""
        self.client.close()


def index_versions() -> dict[str, str]:
    """Returns the versions recorded in an index."""
    from nettoyeur import __version__
    from nettoyeur.report import package_version

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
    prior_lines: dict[str, int] = field(default_factory=dict)
    owners: list[tuple[Document, Paragraph]] = field(default_factory=list)
    analysis: Analysis | None = None
    virtual: list[Document] = field(default_factory=list)
    shown: dict[str, tuple[str, int]] = field(default_factory=dict)  # sort key -> (location, run)


class CorpusIndex:
    """Dedup against earlier runs: the hooks that :func:`nettoyeur.pipeline.run` calls.

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
    def with_earlier_counts(self, counts: Counter[str]) -> Counter[str]:
        """Returns this run's recurring-line file counts plus the earlier runs'.

        Args:
            counts: files per recurring-line key in this run (boilerplate.count_lines).
        """
        keys = list(counts)
        hashed = np.array([hash64(k) for k in keys], dtype=np.uint64)
        self.pending.batch_lines = Counter({int(h): counts[k] for h, k in zip(hashed.tolist(), keys)})
        earlier = self.backend.line_counts(hashed)
        total: Counter[str] = Counter(counts)
        self.pending.prior_lines = {}
        for k, n in zip(keys, earlier.tolist()):
            if n:
                total[k] += n
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
        self.pending.analysis = analyse([p.text for _, p in owners], self.config)
        if not self.backend.runs():
            return []
        entries = self.backend.fetch(self.backend.candidates(self.pending.analysis))
        roots = {r["run"]: r.get("input", f"run {r['run']}") for r in self.backend.runs()}
        virtual = []
        for e in entries:
            path = f"{VIRTUAL_PREFIX}{e.pid:015d}"
            doc = Document(path=path)
            doc.paragraphs = [Paragraph(index=e.paragraph, line=e.line, text=e.text, original=e.text)]
            virtual.append(doc)
            self.pending.shown[path] = (f"{roots.get(e.run, f'run {e.run}')}/{e.doc}", e.run)
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
        return {"fetched": len(self.pending.virtual), "matched_earlier": matched, "revealed": revealed}

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
        query = Analysis(
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
                    "earlier_files": self.pending.prior_lines.get(frequency_key(text), 0),
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
                "bands_rows": list(optimal_bands(self.config.threshold, self.config.num_perm)),
            }
            self.backend.write_meta(self.meta)
        analysis = self.pending.analysis or analyse([], self.config)
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
        subset = Analysis(
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
