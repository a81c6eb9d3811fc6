"""Encoding golden cases (tests/data/encoding_cases.json): detection, repair, the report and the summary."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from conftest import DATA, clean
from nettoyeur import CleanConfig
from nettoyeur.text.decode import decode
from nettoyeur.text.repair import repair

CASES = json.loads((DATA / "encoding_cases.json").read_text(encoding="utf-8"))["cases"]
BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
# Boilerplate and containment off: the cases are short lines, and only encoding is under test here.
CONFIG = CleanConfig(boilerplate=False, containment="off", workers=1)


def case_bytes(case: dict) -> bytes:
    """Builds a case's file content from its recipe (see the data file's ``about``)."""
    out = b""
    for part in case["input"]["parts"]:
        text = part["text"]
        for _ in range(part.get("mojibake", 0)):
            text = text.encode("utf-8").decode(part["mojibake_via"])
        out += text.encode(part["encoding"])
    if case["input"].get("bom"):
        out = BOMS[case["input"]["parts"][0]["encoding"]] + out
    return out


def by_id(cases: list[dict]) -> list:
    return [pytest.param(c, id=f"{c['label']}:{c['id']}") for c in cases]


def test_the_golden_file_covers_every_kind() -> None:
    labels = {c["label"] for c in CASES}
    assert labels == {"decode", "repair", "unchanged"}
    encodings = {c["expected_encoding"] for c in CASES}
    assert {"cp1252", "utf-16-le", "utf-16-be", "utf-8-sig", "mixed", "utf-8"} <= encodings
    for case in CASES:
        data = case_bytes(case)
        if case["label"] != "unchanged":
            assert data != case["expected_text"].encode("utf-8"), f"{case['id']}: the input is already the answer"


@pytest.mark.parametrize("case", by_id(CASES))
def test_decode_and_repair(case: dict) -> None:
    text, encoding = decode(case_bytes(case))
    assert encoding == case["expected_encoding"]
    lines = text.splitlines(keepends=True)
    fixed, changed = [], []
    for number, line in enumerate(lines, start=1):
        body = line.rstrip("\r\n")
        new, fixes = repair(body)
        assert (new != body) == bool(fixes)
        if fixes:
            changed.append(number)
            assert any(case.get("fix", "") in f for f in fixes)
        fixed.append(new + line[len(body) :])
    assert "".join(fixed) == case["expected_text"]
    assert changed == case["repaired_lines"]


@pytest.mark.parametrize("case", by_id(CASES))
def test_clean_writes_repaired_utf8_and_reports_each_repair(tmp_path: Path, case: dict) -> None:
    src = tmp_path / "in"
    src.mkdir()
    data = case_bytes(case)
    (src / "case.txt").write_bytes(data)
    result = clean(src, tmp_path / "out", CONFIG)
    output = (result.out / "case.txt").read_bytes()
    assert not output.startswith(codecs.BOM_UTF8)
    assert output.decode("utf-8") == case["expected_text"]
    if case["label"] == "unchanged":
        assert output == data
    expected_encoding = case["expected_encoding"]
    assert result.summary["non_utf8_files"] == ({} if expected_encoding == "utf-8" else {"case.txt": expected_encoding})
    records = {r["line"]: r for r in result.records}
    assert sorted(records) == case["repaired_lines"]
    expected_lines = case["expected_text"].splitlines()
    for line, record in records.items():
        assert record["reason"].startswith("encoding:")
        assert case["fix"] in record["reason"]
        assert record["text"] == expected_lines[line - 1]
        assert record["original"] != record["text"]
    assert result.summary["counts"].get("repaired", 0) == len(case["repaired_lines"])
    assert result.summary["counts"]["kept"] == len(expected_lines)


def test_summary_lists_every_non_utf8_file(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for case in CASES:
        (src / f"{case['id']}.txt").write_bytes(case_bytes(case))
    result = clean(src, tmp_path / "out", CONFIG)
    expected = {f"{c['id']}.txt": c["expected_encoding"] for c in CASES if c["expected_encoding"] != "utf-8"}
    assert result.summary["non_utf8_files"] == expected
    counts: dict[str, int] = {}
    for encoding in expected.values():
        counts[encoding] = counts.get(encoding, 0) + 1
    assert result.summary["encodings"] == counts
    for path in result.out.iterdir():
        path.read_bytes().decode("utf-8")  # every output file is UTF-8
