"""End-to-end acceptance on samples/: everything is asserted from the report JSONL and the output files.

The expectations (what goes, why, pointing where; what must stay) are in tests/data/samples_expected.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import DATA, SAMPLES, Run, clean, expected_layout, paragraphs_of, tree_digest
from nettoyeur import CleanConfig
from nettoyeur.report.report_file import read_checksums

EXPECTED = json.loads((DATA / "samples_expected.json").read_text(encoding="utf-8"))


def _line_of(file: str, text: str) -> int:
    """The 1-based input line holding exactly ``text`` (the expectation file names lines by text)."""
    lines = (SAMPLES / file).read_text(encoding="utf-8").splitlines()
    hits = [n for n, line in enumerate(lines, start=1) if line == text]
    assert hits, f"{text!r} is not a line of samples/{file}: fix tests/data/samples_expected.json"
    return hits[0]


def _input_line(file: str, line: int) -> str:
    return (SAMPLES / file).read_text(encoding="utf-8").splitlines()[line - 1]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Run, dict[str, str]]:
    before = tree_digest(SAMPLES)
    base = tmp_path_factory.mktemp("e2e")
    return clean(SAMPLES, base / "out", CleanConfig()), before


@pytest.fixture(scope="module")
def result(run: tuple[Run, dict[str, str]]) -> Run:
    return run[0]


def test_samples_are_the_five_expected_files() -> None:
    assert sorted(p.name for p in SAMPLES.iterdir()) == EXPECTED["files"]


def test_nothing_but_the_expected_paragraphs_is_removed(result: Run) -> None:
    expected = {(c["file"], c["line"]) for c in EXPECTED["duplicate"]}
    expected |= {(c["file"], c["line"]) for c in EXPECTED["contained"] if c["removed"]}
    expected |= {(c["file"], _line_of(c["file"], c["text"])) for c in EXPECTED["boilerplate"]}
    assert {(r["file"], r["line"]) for r in result.removed()} == expected
    assert result.summary["paragraphs"] - result.summary["counts"]["kept"] == len(expected)


@pytest.mark.parametrize("case", EXPECTED["duplicate"], ids=lambda c: f"{c['file'][:3]}:{c['line']}")
def test_second_copy_in_003_points_at_the_first(result: Run, case: dict) -> None:
    record = result.by_line(case["file"])[case["line"]]
    assert record["reason"] == "duplicate"
    assert (record["kept_doc"], record["kept_line"]) == (case["kept_doc"], case["kept_line"])
    assert record["jaccard"] == 1.0
    assert record["text"] == _input_line(case["file"], case["line"])
    assert record["kept_text"] == _input_line(case["kept_doc"], case["kept_line"])


def test_first_copy_in_003_stays_whole(result: Run) -> None:
    source = (SAMPLES / "003_1c1e1b104e9e9f05.txt").read_text(encoding="utf-8")
    output = (result.out / "003_1c1e1b104e9e9f05.txt").read_text(encoding="utf-8")
    first_copy = source.splitlines(keepends=True)[:8]
    assert output == "".join(first_copy)


@pytest.mark.parametrize("case", EXPECTED["boilerplate"], ids=lambda c: c["label"])
def test_boilerplate_removed_with_a_named_signal(result: Run, case: dict) -> None:
    record = result.by_line(case["file"])[_line_of(case["file"], case["text"])]
    kind, signal, rule = record["reason"].split(":")
    assert kind == "boilerplate"
    assert signal in {"pattern", "frequency", "position"}
    assert rule
    assert record["text"] == case["text"]
    assert case["text"] not in paragraphs_of((result.out / case["file"]).read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", EXPECTED["contained"], ids=lambda c: f"{c['file'][:3]}:{c['line']}")
def test_contained_quotes_point_at_their_container(result: Run, case: dict) -> None:
    key = (case["file"], case["line"], "contained")
    (record,) = [r for r in result.records if (r["file"], r["line"], r["reason"]) == key]
    assert record.get("removed", True) is case["removed"]
    kept_here = paragraphs_of((result.out / case["file"]).read_text(encoding="utf-8"))
    assert (_input_line(case["file"], case["line"]) in kept_here) is not case["removed"]
    assert (record["kept_doc"], record["kept_line"]) == (case["kept_doc"], case["kept_line"])
    assert record["containment"] >= result.summary["parameters"]["containment_threshold"]
    assert record["kept_text"] == _input_line(case["kept_doc"], case["kept_line"])
    # the container itself stays
    kept = paragraphs_of((result.out / case["kept_doc"]).read_text(encoding="utf-8"))
    assert record["kept_text"] in kept


@pytest.mark.parametrize("case", EXPECTED["must_keep"], ids=lambda c: f"{c['file'][:3]}:{c['label']}")
def test_titles_and_headings_stay(result: Run, case: dict) -> None:
    kept = paragraphs_of((result.out / case["file"]).read_text(encoding="utf-8"))
    assert kept.count(case["text"]) == 1


@pytest.mark.parametrize("name", EXPECTED["files"])
def test_kept_text_is_byte_identical_and_layout_preserved(result: Run, name: str) -> None:
    source = (SAMPLES / name).read_text(encoding="utf-8")
    output = (result.out / name).read_bytes().decode("utf-8")  # strict: the output is UTF-8
    removed = set(result.by_line(name))
    assert output == expected_layout(source, removed)
    kept_in = [line for n, line in enumerate(source.splitlines(), 1) if line.strip() and n not in removed]
    assert paragraphs_of(output) == kept_in


def test_typography_is_kept(result: Run) -> None:
    output = "".join((result.out / name).read_text(encoding="utf-8") for name in EXPECTED["files"])
    for char in ("’", "«", "»", "–", "œ", "É"):
        assert char in output
    assert "'" in output  # the straight apostrophes of 003/004 are not curled either


def test_output_mirrors_input_and_report_is_beside_it(result: Run) -> None:
    assert sorted(p.name for p in result.out.iterdir()) == EXPECTED["files"]
    summary_file = result.out.parent / "out.summary.json"
    assert result.report == result.out.parent / "out.report.jsonl"
    assert summary_file.is_file()
    assert json.loads(summary_file.read_text(encoding="utf-8"))["counts"] == result.summary["counts"]
    assert Path(result.summary["report"]).parent == result.out.parent


def test_input_is_unchanged(run: tuple[Run, dict[str, str]]) -> None:
    result, before = run
    assert tree_digest(SAMPLES) == before
    assert read_checksums(result.summary) == before


def test_report_counts_reconcile(result: Run) -> None:
    summary = result.summary
    counts = dict(summary["counts"])
    counts.pop("repaired", None)
    assert sum(counts.values()) == summary["paragraphs"]
    by_reason: dict[str, int] = {}
    for record in result.removed():
        by_reason[record["reason"]] = by_reason.get(record["reason"], 0) + 1
    assert by_reason == {k: v for k, v in counts.items() if k != "kept"}
    in_paras = sum(len(paragraphs_of((SAMPLES / n).read_text(encoding="utf-8"))) for n in EXPECTED["files"])
    out_paras = sum(len(paragraphs_of((result.out / n).read_text(encoding="utf-8"))) for n in EXPECTED["files"])
    assert (summary["paragraphs"], summary["counts"]["kept"]) == (in_paras, out_paras)
    assert summary["skipped"] == [] and summary["non_utf8_files"] == {}


def test_containment_report_mode_keeps_the_quotes(tmp_path: Path) -> None:
    result = clean(SAMPLES, tmp_path / "out", CleanConfig(containment="report", workers=1))
    assert {(r["file"], r["line"]) for r in result.removed() if r["reason"] == "contained"} == set()
    reported = [r for r in result.records if r["reason"] == "contained"]
    assert {(r["file"], r["line"], r["kept_doc"], r["kept_line"]) for r in reported} == {
        (c["file"], c["line"], c["kept_doc"], c["kept_line"]) for c in EXPECTED["contained"]
    }
    assert all(r["removed"] is False for r in reported)
    for case in EXPECTED["contained"]:
        kept = paragraphs_of((result.out / case["file"]).read_text(encoding="utf-8"))
        assert _input_line(case["file"], case["line"]) in kept
