"""The sites benchmark (``benchmarks/sites.py``): labels line up with the records, and sites find more chrome."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from sites import labelled_records, score  # noqa: E402


def test_labels_line_up_with_each_record_and_name_its_site() -> None:
    records, labels = labelled_records(pages=40, sites=4, box=0.5, box_lines=4)
    assert len(records) == len(labels) == 40
    for record, label in zip(records, labels):
        lines = record["text"].split("\n")
        assert len(lines) == len(label) and all(line.strip() for line in lines)
        assert record["url"].startswith("https://www.") and set(label) == {"chrome", "content"}
    boxed = [label for record, label in zip(records, labels) if "\nCountry:\n" in record["text"]]
    assert 0 < len(boxed) < 40
    assert len({record["url"].split("/")[2] for record in records}) <= 4


def test_sites_find_the_chrome_without_sites_at_least() -> None:
    records, labels = labelled_records(pages=60, sites=3, box=0.0, box_lines=2)
    without, with_sites = score(records, labels, "none"), score(records, labels, "auto")
    assert 0.5 < without["chrome_recall"] <= with_sites["chrome_recall"] <= 1.0
    assert with_sites["content_removed"] <= without["content_removed"] + 2
