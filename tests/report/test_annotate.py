"""--annotate: record outputs keep every paragraph and carry their verdicts in a field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import in_process
from nettoyeur import CleanConfig
from nettoyeur.api import clean, run_paths
from nettoyeur.errors import ConfigError

DATA = Path(__file__).resolve().parents[1] / "data"
CASES = json.loads((DATA / "annotate_cases.json").read_text(encoding="utf-8"))
RECORDS = CASES["records"]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def entries(records: list[dict], field: str = "nettoyeur") -> dict[str, list]:
    return {r["id"]: [[e["start"], e["end"], e["reason"], e.get("kept_doc")] for e in r[field]] for r in records}


def test_golden_annotations_of_jsonl_records(tmp_path):
    write_jsonl(tmp_path / "in" / "x.jsonl", RECORDS)
    summary = run_paths(tmp_path / "in", tmp_path / "out", CleanConfig(workers=1), quiet=True, annotate="nettoyeur")
    out = read_jsonl(tmp_path / "out" / "x.jsonl")
    assert entries(out) == CASES["expected"]
    assert summary["annotate"] == "nettoyeur" and summary["records_written"] == len(RECORDS)
    for before, after in zip(RECORDS, out):
        assert {k: v for k, v in after.items() if k != "nettoyeur"} == before  # nothing removed or changed
        for e in after["nettoyeur"]:
            span = after["text"][e["start"] : e["end"]]
            line = after["text"].splitlines()[e["line"] - 1]
            assert span == line and span.strip()  # the span is the flagged paragraph, whole
    repaired = [e for r in out for e in r["nettoyeur"] if e["reason"].startswith("encoding:")]
    assert repaired == [
        {
            "start": 0,
            "end": 77,
            "line": 1,
            "paragraph": 0,
            "reason": "encoding:encode:latin-1+decode:utf-8",
            "repaired": "Le café du port restera ouvert pendant les travaux, a précisé son gérant.",
        }
    ]
    near = [e for e in out[4]["nettoyeur"] if e["reason"] == "duplicate"][0]
    assert near["kept_line"] == 3 and 0.7 < near["jaccard"] < 1.0 and near["containment"] == 1.0


def test_annotations_say_exactly_what_a_clean_removes(tmp_path):
    write_jsonl(tmp_path / "in" / "x.jsonl", RECORDS)
    run_paths(tmp_path / "in", tmp_path / "ann", CleanConfig(workers=1), quiet=True, annotate="v")
    run_paths(tmp_path / "in", tmp_path / "cut", CleanConfig(workers=1), quiet=True)
    flagged = {
        (r["id"], e["line"], e["reason"])
        for r in read_jsonl(tmp_path / "ann" / "x.jsonl")
        for e in r["v"]
        if not e["reason"].startswith("encoding:")
    }
    report = read_jsonl(tmp_path / "cut.report.jsonl")
    removed = {(r["id"], r["line"], r["reason"]) for r in report if not r["reason"].startswith("encoding:")}
    assert flagged == removed and flagged
    # The annotated run's report is the plain run's: annotate changes what is written, not the verdicts.
    assert read_jsonl(tmp_path / "ann.report.jsonl") == report


def test_annotations_with_a_keep_rule_name_it(tmp_path):
    write_jsonl(tmp_path / "in" / "x.jsonl", RECORDS)
    clean(tmp_path / "in", tmp_path / "out", workers=1, keep="longest", annotate="nettoyeur")
    dups = [e for r in read_jsonl(tmp_path / "out" / "x.jsonl") for e in r["nettoyeur"] if e["reason"] == "duplicate"]
    assert dups and all(e["keep"] == "longest" for e in dups)


def test_parquet_records_get_a_list_of_structs(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "in" / "x.parquet"
    src.parent.mkdir()
    pq.write_table(pa.Table.from_pylist(RECORDS), src)
    run_paths(src, tmp_path / "out", CleanConfig(workers=1), quiet=True, annotate="verdicts")
    table = pq.read_table(tmp_path / "out" / "x.parquet")
    assert table.schema.names == ["id", "lang", "text", "verdicts"]
    assert str(table.schema.field("verdicts").type).startswith("list<element: struct<start: int64")
    rows = table.to_pylist()
    assert [r["text"] for r in rows] == [r["text"] for r in RECORDS]
    got = {r["id"]: [[e["start"], e["end"], e["reason"], e["kept_doc"]] for e in r["verdicts"]] for r in rows}
    renamed = {k: json.dumps(v).replace(".jsonl#", ".parquet#") for k, v in CASES["expected"].items()}
    expected = {k: json.loads(v) for k, v in renamed.items()}
    assert got == expected


def test_the_same_bytes_for_1_and_2_workers(tmp_path):
    write_jsonl(tmp_path / "in" / "a.jsonl", RECORDS * 3)
    write_jsonl(tmp_path / "in" / "b.jsonl", RECORDS[::-1] * 2)
    outs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}"
        options = ["-q", "--annotate", "--annotate-field", "flags", "--workers", workers]
        proc = in_process("clean", str(tmp_path / "in"), str(out), *options)
        assert proc.returncode == 0, proc.stderr
        outs.append([(out / n).read_bytes() for n in ("a.jsonl", "b.jsonl")])
    assert outs[0] == outs[1]
    assert b'"flags": [{"start"' in outs[0][1]


def test_a_text_folder_is_refused_with_the_way_to_review_instead(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Some text.\n", encoding="utf-8")
    proc = in_process("clean", str(tmp_path / "in"), str(tmp_path / "out"), "--annotate")
    assert proc.returncode == 2
    assert "--dry-run" in proc.stderr and "nettoyeur review" in proc.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "options,message",
    [
        ({"annotate": "text"}, "is the text field"),
        ({"annotate": " "}, "must name a field"),
        ({"annotate": "a", "drop_empty": True}, "drop-empty"),
    ],
)
def test_bad_annotate_options_are_refused_before_anything_is_written(tmp_path, options, message):
    write_jsonl(tmp_path / "in" / "x.jsonl", RECORDS)
    with pytest.raises(ConfigError, match=message):
        clean(tmp_path / "in", tmp_path / "out", **options)
    assert not (tmp_path / "out").exists()
