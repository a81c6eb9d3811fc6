"""Record formats: JSON Lines (plain, gzip, zstd, bz2) and Parquet in and out."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import nettoyeur
from nettoyeur import CleanConfig, InputError, MissingExtraError
from nettoyeur.cli.main import main
from nettoyeur.corpus.record_formats import detect
from nettoyeur.corpus.shards import make_key, shard_kind, split_key
from record_fixtures import (
    MAGIC,
    SUFFIXES,
    build_records,
    load_corpus,
    paragraphs,
    read_shard,
    write_shards,
)

CORPUS = load_corpus()
RECORDS = build_records(CORPUS)
BAD = [b["line"] for b in CORPUS["bad_lines"]]


def _needs(suffix: str) -> None:
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    if suffix.endswith(".zst"):
        pytest.importorskip("zstandard")


def _tree_digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file()
    }


def _verdicts(report: Path) -> dict[tuple[str, int], str]:
    out = {}
    for line in report.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if not r["reason"].startswith("encoding:"):
            out[(r["id"], r["paragraph"])] = r["reason"]
    return out


@pytest.mark.parametrize("suffix", list(SUFFIXES))
def test_round_trip_keeps_layout_fields_and_order(tmp_path, suffix):
    _needs(suffix)
    src, out = tmp_path / "in", tmp_path / "out"
    shards = write_shards(src, CORPUS, suffix)
    before = _tree_digest(src)
    summary = nettoyeur.clean(src, out, quiet=True)
    assert _tree_digest(src) == before, "the input must never be modified"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == sorted(shards)
    kind = SUFFIXES[suffix]
    for shard in shards:
        data = (out / shard).read_bytes()
        if kind is not None:
            assert data.startswith(MAGIC[kind]), f"{shard} must keep its compression"
        got, want = read_shard(out / shard, suffix), read_shard(src / shard, suffix)
        assert [r["id"] for r in got] == [r["id"] for r in want]
        for g, w in zip(got, want):
            assert {k: v for k, v in g.items() if k != "text"} == {k: v for k, v in w.items() if k != "text"}
            kept = paragraphs(g["text"])
            original = paragraphs(w["text"])
            assert kept == [p for p in original if p in kept], "kept paragraphs stay in order"
    assert summary["format"] == ("parquet" if suffix == ".parquet" else "jsonl")
    assert summary["records_written"] == len(RECORDS)


def _outputs(tmp_path: Path, suffix: str) -> dict[str, str]:
    out = tmp_path / "out"
    texts = {}
    for shard in out.rglob("*"):
        if shard.is_file():
            for r in read_shard(shard, suffix):
                texts[r["id"]] = r["text"]
    return texts


@pytest.mark.parametrize("suffix", list(SUFFIXES))
def test_labelled_cases(tmp_path, suffix):
    _needs(suffix)
    write_shards(tmp_path / "in", CORPUS, suffix)
    nettoyeur.clean(tmp_path / "in", tmp_path / "out", report=tmp_path / "r.report.jsonl", quiet=True)
    texts = _outputs(tmp_path, suffix)
    pool = CORPUS["pool"]
    for case in CORPUS["expect_removed"]:
        assert pool[case["pool"]] not in paragraphs(texts[case["id"]]), case["label"]
    for case in CORPUS["must_keep"]:
        assert pool[case["pool"]] in paragraphs(texts[case["id"]]), case["label"]
    reasons = {r["id"]: r["reason"] for r in map(json.loads, (tmp_path / "r.report.jsonl").read_text().splitlines())}
    for case in CORPUS["expect_removed"]:
        assert reasons[case["id"]] == case["reason"], case["label"]


def test_every_format_gives_the_verdicts_of_the_text_pipeline(tmp_path):
    """The same texts as .txt files and as records of each format: the same verdicts per paragraph."""
    folder = tmp_path / "txt"
    for name, members in CORPUS["shards"]:
        for row, i in enumerate(members, start=1):
            path = folder / name / f"{row:09d}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(RECORDS[i]["text"], encoding="utf-8")
    nettoyeur.clean(folder, tmp_path / "txt-out", quiet=True)
    expected = {}
    order = [i for _, members in CORPUS["shards"] for i in members]
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.txt"))
    by_file = dict(zip(files, order))
    for line in (tmp_path / "txt-out.report.jsonl").read_text().splitlines():
        r = json.loads(line)
        expected[(RECORDS[by_file[r["file"]]]["id"], r["paragraph"])] = r["reason"]
    assert expected, "the fixture must remove something"
    for suffix in SUFFIXES:
        if suffix == ".parquet" and "pyarrow" not in sys.modules and not _has("pyarrow"):
            continue
        if suffix.endswith(".zst") and not _has("zstandard"):
            continue
        base = tmp_path / suffix.strip(".").replace(".", "-")
        write_shards(base / "in", CORPUS, suffix)
        nettoyeur.clean(base / "in", base / "out", report=base / "r.report.jsonl", quiet=True)
        assert _verdicts(base / "r.report.jsonl") == expected, suffix


def _has(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def test_empty_records_kept_or_dropped(tmp_path):
    write_shards(tmp_path / "in", CORPUS, ".jsonl")
    nettoyeur.clean(tmp_path / "in", tmp_path / "keep", quiet=True)
    kept = _outputs_of(tmp_path / "keep")
    assert kept["copy-1"] == "", "a record whose text becomes empty is kept with empty text by default"
    summary = nettoyeur.clean(tmp_path / "in", tmp_path / "drop", quiet=True, drop_empty=True)
    dropped = _outputs_of(tmp_path / "drop")
    assert "copy-1" not in dropped
    assert set(dropped) == set(kept) - {"copy-1"}
    assert summary["records_dropped_empty"] == 1


def _outputs_of(out: Path) -> dict[str, str]:
    return {r["id"]: r["text"] for shard in sorted(out.rglob("*.jsonl")) for r in read_shard(shard, ".jsonl")}


def test_bad_records_are_reported_skips_naming_shard_and_line(tmp_path):
    write_shards(tmp_path / "in", CORPUS, ".jsonl", bad_lines=BAD)
    result = CliRunner().invoke(main, ["clean", str(tmp_path / "in"), str(tmp_path / "out"), "-q"])
    assert result.exit_code == 1, result.output  # done, with skips
    assert "Traceback" not in result.output
    summary = json.loads((tmp_path / "out.summary.json").read_text())
    skipped = summary["skipped"]
    assert len(skipped) == len(BAD)
    for k, (skip, case) in enumerate(zip(skipped, CORPUS["bad_lines"])):
        line = 2 + k  # the bad lines follow the first record
        assert skip["file"] == make_key("part-00000.jsonl", line)
        assert skip["reason"] == case["reason"], case["label"]
        assert f"shard part-00000.jsonl line {line}" in skip["detail"], case["label"]
    # They pass through unchanged, where they were (issue 15); --drop-bad-records leaves them out.
    lines = (tmp_path / "out" / "part-00000.jsonl").read_bytes().split(b"\n")
    assert [line.decode("utf-8") for line in lines[1 : 1 + len(BAD)]] == BAD
    assert summary["records_passed_through"] == len(BAD)
    dropped = CliRunner().invoke(
        main, ["clean", str(tmp_path / "in"), str(tmp_path / "out2"), "-q", "--drop-bad-records"]
    )
    assert dropped.exit_code == 1, dropped.output
    out_ids = [r["id"] for r in read_shard(tmp_path / "out2" / "part-00000.jsonl", ".jsonl")]
    assert out_ids == [RECORDS[i]["id"] for i in CORPUS["shards"][0][1]]
    assert json.loads((tmp_path / "out2.summary.json").read_text())["records_dropped_bad"] == len(BAD)


def test_text_field_and_id_field(tmp_path):
    src = tmp_path / "in.jsonl"
    rows = [{"key": f"k{i}", "body": r["text"], "text": "not this one"} for i, r in enumerate(RECORDS)]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    nettoyeur.clean(src, tmp_path / "out.jsonl", text_field="body", id_field="key", quiet=True)
    got = read_shard(tmp_path / "out.jsonl", ".jsonl")
    assert all(r["text"] == "not this one" for r in got), "other fields pass through"
    assert got[5]["body"] == "" and got[0]["body"] == rows[0]["body"]
    report = [json.loads(line) for line in (tmp_path / "out.jsonl.report.jsonl").read_text().splitlines()]
    assert {r["id"] for r in report} >= {"k2", "k5"}


def test_missing_text_field_in_parquet_is_a_skip(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist([{"body": "x"}]), tmp_path / "a.parquet")
    summary = nettoyeur.clean(tmp_path / "a.parquet", tmp_path / "out", quiet=True)
    assert [s["reason"] for s in summary["skipped"]] == ["no-text-field"]
    assert "body" in summary["skipped"][0]["detail"]


def test_parquet_keeps_schema_and_codec(tmp_path):
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    write_shards(tmp_path / "in", CORPUS, ".parquet", codec="zstd")
    nettoyeur.clean(tmp_path / "in", tmp_path / "out", quiet=True)
    for shard in ("part-00000.parquet", "sub/part-00001.parquet"):
        a, b = pq.ParquetFile(tmp_path / "in" / shard), pq.ParquetFile(tmp_path / "out" / shard)
        assert a.schema_arrow == b.schema_arrow
        assert b.metadata.row_group(0).column(0).compression == "ZSTD"


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".jsonl.bz2", ".jsonl.zst", ".parquet"])
def test_output_is_byte_identical_across_runs_and_workers(tmp_path, suffix):
    _needs(suffix)
    write_shards(tmp_path / "in", CORPUS, suffix)
    nettoyeur.clean(tmp_path / "in", tmp_path / "a", workers=1, quiet=True)
    nettoyeur.clean(tmp_path / "in", tmp_path / "b", workers=2, quiet=True)
    assert _tree_digest(tmp_path / "a") == _tree_digest(tmp_path / "b")


def test_single_file_in_and_out(tmp_path):
    write_shards(tmp_path, CORPUS, ".jsonl.gz")
    src = tmp_path / "part-00000.jsonl.gz"
    nettoyeur.clean(src, tmp_path / "clean.jsonl.gz", quiet=True)
    assert (tmp_path / "clean.jsonl.gz").read_bytes()[:2] == MAGIC["gzip"]
    nettoyeur.clean(src, tmp_path / "folder", quiet=True)
    assert (tmp_path / "folder" / "part-00000.jsonl.gz").is_file()
    with pytest.raises(InputError, match="format"):
        nettoyeur.clean(src, tmp_path / "clean.jsonl.bz2", quiet=True)
    with pytest.raises(InputError, match="exists"):
        nettoyeur.clean(src, tmp_path / "clean.jsonl.gz", quiet=True)
    with pytest.raises(InputError, match="input file"):
        nettoyeur.clean(src, src, overwrite=True, quiet=True)


def test_unchanged_text_is_byte_identical_including_line_endings(tmp_path):
    text = "A heading line\r\n\r\n" + CORPUS["pool"]["bread_a"] + "\r\n" + CORPUS["pool"]["bread_b"] + "\r\n"
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": 1, "text": text}) + "\n", encoding="utf-8")
    nettoyeur.clean(tmp_path / "a.jsonl", tmp_path / "o.jsonl", quiet=True)
    assert read_shard(tmp_path / "o.jsonl", ".jsonl")[0]["text"] == text


def test_corrupt_shard_is_skipped_whole(tmp_path):
    write_shards(tmp_path / "in", CORPUS, ".jsonl.gz")
    bad = tmp_path / "in" / "part-00000.jsonl.gz"
    bad.write_bytes(bad.read_bytes()[:30])  # truncated
    summary = nettoyeur.clean(tmp_path / "in", tmp_path / "out", quiet=True)
    assert [(s["file"], s["reason"]) for s in summary["skipped"]] == [("part-00000.jsonl.gz", "unreadable")]
    assert (tmp_path / "out" / "sub" / "part-00001.jsonl.gz").is_file()
    assert not (tmp_path / "out" / "part-00000.jsonl.gz").exists()


def test_missing_extra_names_the_extra(tmp_path, monkeypatch):
    (tmp_path / "a.parquet").write_bytes(b"PAR1")
    (tmp_path / "b.jsonl.zst").write_bytes(b"")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    monkeypatch.setitem(sys.modules, "zstandard", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'nettoyeur\[parquet\]'"):
        nettoyeur.clean(tmp_path / "a.parquet", tmp_path / "o", quiet=True)
    with pytest.raises(MissingExtraError, match=r"pip install 'nettoyeur\[zstd\]'"):
        nettoyeur.clean(tmp_path / "b.jsonl.zst", tmp_path / "o", quiet=True)
    result = CliRunner().invoke(main, ["clean", str(tmp_path / "a.parquet"), str(tmp_path / "o2")])
    assert result.exit_code == 2 and "nettoyeur[parquet]" in result.output and "Traceback" not in result.output


def test_detection_and_keys(tmp_path):
    assert shard_kind("x.JSONL.ZST") == ("jsonl", "zstd")
    assert shard_kind("x.json.gz") == ("jsonl", "gzip")
    assert shard_kind("x.json") is None and shard_kind("x.txt") is None
    assert split_key(make_key("a/b.jsonl", 12)) == ("a/b.jsonl", 12)
    keys = [make_key("s.jsonl", n) for n in (1, 2, 10, 100)]
    assert sorted(keys) == keys, "key order is corpus order"
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "a.txt").write_text("x")
    assert detect(tmp_path / "t") == "text"
    (tmp_path / "t" / "b.jsonl").write_text("")
    assert detect(tmp_path / "t") == "jsonl"
    (tmp_path / "f.csv").write_text("a,b")
    with pytest.raises(InputError, match="no known format"):
        detect(tmp_path / "f.csv")


def test_text_folder_still_works_through_the_api(tmp_path):
    samples = Path(__file__).resolve().parents[2] / "samples"
    summary = nettoyeur.clean(samples, tmp_path / "out", config=CleanConfig(), quiet=True)
    assert summary["format"] == "text"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in samples.iterdir())


def test_a_lone_surrogate_the_core_would_replace_goes_the_python_way(tmp_path):
    """A record whose text keeps a lone surrogate (a line too long to repair) is written as read, not with U+FFFD.

    The core renders every snapshot record and says which hold one; those are sent as documents,
    the others with their cleaned text: both kinds come out as the run without snapshots writes them.
    """
    long_line = "Half a pair \ud800 stays here, " + "and the line goes on " * 60
    texts = [f"Menu | Home\n\nRecord {i} is about the {i}th bridge over the river.\n\nFooter" for i in range(6)]
    texts[2] += "\n\n" + long_line
    lines = [json.dumps({"id": i, "text": t}) for i, t in enumerate(texts)]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    outs = {}
    runs = {"one": {"workers": 1}, "two": {"workers": 2}, "read": {"workers": 1, "snapshot": False}}
    for name, options in runs.items():
        nettoyeur.clean(tmp_path / "a.jsonl", tmp_path / f"{name}.jsonl", max_line_chars=1000, quiet=True, **options)
        outs[name] = ((tmp_path / f"{name}.jsonl").read_bytes(), (tmp_path / f"{name}.jsonl.report.jsonl").read_bytes())
    assert outs["one"] == outs["two"] == outs["read"]
    written = outs["one"][0].splitlines()
    assert "\ud800".encode("utf-8", "surrogatepass") in written[2] and b"\xef\xbf\xbd" not in written[2]
    assert all(b"\xed" not in line for k, line in enumerate(written) if k != 2)
