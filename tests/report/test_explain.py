"""Dry run (scan) and explanations (explain)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

import nettoyeur
from nettoyeur.cli.main import main
from nettoyeur.report.explain import clusters, mark_differences, parse_target, side_by_side
from record_fixtures import build_records, load_corpus

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
CORPUS = load_corpus()


def _report(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_scan_prints_what_clean_would_remove_and_writes_no_corpus(tmp_path):
    summary = nettoyeur.clean(SAMPLES, tmp_path / "out", quiet=True)
    work = tmp_path / "scan"
    work.mkdir()
    result = CliRunner().invoke(main, ["scan", str(SAMPLES), "--report", str(work / "s.report.jsonl")])
    assert result.exit_code == 0, result.output
    for reason, n in summary["counts"].items():
        if reason not in ("kept", "repaired"):
            assert any(line.split() == [reason, str(n)] for line in result.output.splitlines()), reason
    removed = sum(n for r, n in summary["counts"].items() if r not in ("kept", "repaired"))
    assert f"would remove {removed} of {summary['paragraphs']} paragraphs" in result.output
    beside = ["s.checksums.jsonl", "s.report.jsonl", "s.summary.json"]
    assert sorted(p.name for p in work.iterdir()) == beside, "no corpus written"
    assert "largest clusters" in result.output


def test_scan_without_report_leaves_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["scan", str(SAMPLES), "--top", "2"])
    assert result.exit_code == 0, result.output
    assert list(tmp_path.iterdir()) == []
    assert "--report" in result.output


def test_clusters_are_largest_first(tmp_path):
    rows = [
        {"file": "a", "line": 1, "reason": "duplicate", "kept_doc": "k", "kept_line": 1, "kept_text": "x"},
        {"file": "b", "line": 1, "reason": "duplicate", "kept_doc": "k2", "kept_line": 3, "kept_text": "y"},
        {"file": "c", "line": 1, "reason": "contained", "kept_doc": "k2", "kept_line": 3, "kept_text": "y"},
        {"file": "d", "line": 1, "reason": "boilerplate:pattern:nav", "text": "Menu"},
        {"file": "e", "line": 2, "reason": "contained", "removed": False, "kept_doc": "k", "kept_line": 1},
    ]
    got = clusters(rows)
    assert [(g["kept_doc"], g["copies"]) for g in got] == [("k2", 2), ("k", 1)]


def test_explain_a_removed_near_copy_side_by_side(tmp_path):
    for k, record in enumerate(build_records(CORPUS)):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / f"{k}.txt").write_text(record["text"], encoding="utf-8")
    nettoyeur.clean(tmp_path / "in", tmp_path / "out", quiet=True)
    report = tmp_path / "out.report.jsonl"
    dup = next(r for r in _report(report) if r["text"] == CORPUS["pool"]["library_typo"])
    result = CliRunner().invoke(main, ["explain", str(report), f"{dup['file']}:{dup['line']}", "--width", "120"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert f"REMOVED: {dup['reason']}" in out
    assert f"{dup['kept_doc']}:{dup['kept_line']}" in out
    assert " | " in out, "side by side"
    assert "[libary,]" in out and "[library,]" in out, "the differing words are marked on both sides"


def test_explain_a_kept_paragraph_lists_its_copies(tmp_path):
    nettoyeur.clean(SAMPLES, tmp_path / "out", quiet=True)
    report = tmp_path / "out.report.jsonl"
    dup = next(r for r in _report(report) if r["reason"] == "duplicate")
    target = f"{dup['kept_doc']}:{dup['kept_line']}"
    result = CliRunner().invoke(main, ["explain", str(report), target])
    assert result.exit_code == 0, result.output
    assert "KEPT" in result.output and f"{dup['file']}:{dup['line']}" in result.output
    assert dup["kept_text"][:40] in result.output.replace("\n", " ") or "text:" in result.output


def test_explain_boilerplate_and_unknown_targets(tmp_path):
    nettoyeur.clean(SAMPLES, tmp_path / "out", quiet=True)
    report = tmp_path / "out.report.jsonl"
    bp = next(r for r in _report(report) if r["reason"].startswith("boilerplate:"))
    result = CliRunner().invoke(main, ["explain", str(report), f"{bp['file']}:{bp['line']}"])
    assert result.exit_code == 0 and f"REMOVED: {bp['reason']}" in result.output and bp["text"] in result.output
    for bad in ("nope.txt:1", "no-line-number", str(tmp_path / "missing.report.jsonl")):
        args = (
            ["explain", str(report), bad] if bad != str(tmp_path / "missing.report.jsonl") else ["explain", bad, "a:1"]
        )
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2, bad
        assert "Error:" in result.output and "Traceback" not in result.output


def test_explain_a_record_by_key_or_by_id(tmp_path):
    records = build_records(CORPUS)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    nettoyeur.clean(src, tmp_path / "out.jsonl", quiet=True)
    report = tmp_path / "out.jsonl.report.jsonl"
    row = next(r for r in _report(report) if r["id"] == "lib-2")
    by_key = CliRunner().invoke(main, ["explain", str(report), "in.jsonl#3:" + str(row["line"])])
    by_id = CliRunner().invoke(main, ["explain", str(report), f"lib-2:{row['paragraph']}"])
    assert by_key.exit_code == 0 and by_id.exit_code == 0, by_key.output + by_id.output
    assert "REMOVED: duplicate" in by_key.output
    assert by_key.output == by_id.output


def test_mark_differences_and_columns():
    a, b = mark_differences("the quick brown fox jumps", "the quick red fox jumps high")
    assert a == "the quick [brown] fox jumps" and b == "the quick [red] fox jumps [high]"
    same = mark_differences("one two three", "One two three")
    assert same == ("one two three", "One two three"), "case alone is not a difference"
    text = side_by_side("left", "word " * 40, "right", "other " * 10, width=60)
    lines = text.splitlines()
    assert all(len(line) <= 60 for line in lines) and all("|" in line or "-+-" in line for line in lines)
    assert parse_target("a/b:c.txt:12") == ("a/b:c.txt", 12)
