"""Shared helpers of the record-format tests: build the labelled corpus in any format."""

from __future__ import annotations

import bz2
import gzip
import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
MAGIC = {"gzip": b"\x1f\x8b", "bz2": b"BZh", "zstd": b"\x28\xb5\x2f\xfd", "parquet": b"PAR1"}
SUFFIXES = {
    ".jsonl": None,
    ".jsonl.gz": "gzip",
    ".json.gz": "gzip",
    ".jsonl.zst": "zstd",
    ".jsonl.bz2": "bz2",
    ".parquet": "parquet",
}


def load_corpus() -> dict[str, Any]:
    return json.loads((DATA / "records_corpus.json").read_text(encoding="utf-8"))


def build_records(corpus: dict[str, Any]) -> list[dict[str, Any]]:
    """Returns the records: id, text (title and paragraphs joined by blank lines), extra fields."""
    out = []
    for spec in corpus["records"]:
        parts = ([spec["title"]] if spec["title"] else []) + [corpus["pool"][k] for k in spec["paras"]]
        out.append({"id": spec["id"], "text": "\n\n".join(parts), **spec["extra"]})
    return out


def compress(data: bytes, compression: str | None) -> bytes:
    if compression == "gzip":
        return gzip.compress(data, mtime=0)
    if compression == "bz2":
        return bz2.compress(data)
    if compression == "zstd":
        import zstandard

        return zstandard.ZstdCompressor().compress(data)
    return data


def decompress(data: bytes, compression: str | None) -> bytes:
    if compression == "gzip":
        return gzip.decompress(data)
    if compression == "bz2":
        return bz2.decompress(data)
    if compression == "zstd":
        import zstandard

        return zstandard.ZstdDecompressor().stream_reader(data).read()
    return data


def write_shards(
    root: Path, corpus: dict[str, Any], suffix: str, bad_lines: list[str] | None = None, codec: str = "snappy"
) -> list[str]:
    """Writes the corpus's shards under root; returns the shard paths (relative)."""
    records = build_records(corpus)
    names = []
    for k, (name, members) in enumerate(corpus["shards"]):
        rel = name + suffix
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        rows = [records[i] for i in members]
        if suffix == ".parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            pq.write_table(pa.Table.from_pylist(rows), path, compression=codec)
        else:
            lines = [json.dumps(r, ensure_ascii=False) for r in rows]
            if k == 0 and bad_lines:
                lines[1:1] = bad_lines  # between the first and second record
            path.write_bytes(compress(("\n".join(lines) + "\n").encode("utf-8"), SUFFIXES[suffix]))
        names.append(rel)
    return names


def read_shard(path: Path, suffix: str) -> list[dict[str, Any]]:
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        return pq.read_table(path).to_pylist()
    data = decompress(path.read_bytes(), SUFFIXES[suffix]).decode("utf-8")
    return [json.loads(line) for line in data.splitlines() if line.strip()]


def paragraphs(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]
