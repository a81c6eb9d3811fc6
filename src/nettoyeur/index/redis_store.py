"""The Redis back end of the corpus index (:mod:`nettoyeur.index.corpus_index`), through datasketch's Redis storage."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any
from urllib.parse import parse_qs, urlparse

import numpy as np

from nettoyeur.config import CleanConfig
from nettoyeur.corpus.shards import require
from nettoyeur.errors import InputError
from nettoyeur.index.keys import MAX_ANCHOR_GROUP, Entry, LookupKeys, anchor_filter


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
        bands, rows = config.bands_rows
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

    def candidates(self, query: LookupKeys) -> list[int]:
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
        kept = anchor_filter(
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

    def add(self, run: dict[str, Any], entries: list[Entry], keys: LookupKeys, lines: Counter[int]) -> dict[str, Any]:
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
