"""The Python API: nettoyeur.clean() and the in-memory Cleaner."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import nettoyeur
from nettoyeur import CleanConfig, Cleaner, ConfigError
from nettoyeur.cli.main import main
from record_fixtures import build_records, load_corpus, paragraphs

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
CORPUS = load_corpus()
RECORDS = build_records(CORPUS)


def _digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file()
    }


def test_clean_does_what_the_cli_does(tmp_path):
    summary = nettoyeur.clean(SAMPLES, tmp_path / "api", threshold=0.5, quiet=True)
    result = CliRunner().invoke(main, ["clean", str(SAMPLES), str(tmp_path / "cli"), "-q", "--threshold", "0.5"])
    assert result.exit_code == 0, result.output
    assert _digest(tmp_path / "api") == _digest(tmp_path / "cli")
    cli_summary = json.loads((tmp_path / "cli.summary.json").read_text())
    assert summary["counts"] == cli_summary["counts"]
    assert summary["counts"].get("duplicate", 0) > 0


def test_unknown_option_names_the_known_ones():
    with pytest.raises(ConfigError) as err:
        nettoyeur.clean(SAMPLES, "/nonexistent-out", treshold=0.5)
    message = str(err.value)
    assert "treshold" in message and "threshold" in message and "text_field" in message
    with pytest.raises(ConfigError, match="threshold"):
        Cleaner(threshold=1.5)
    with pytest.raises(ConfigError, match="apply to files"):
        Cleaner(index="x")


def test_options_override_the_config_and_the_config_stays_frozen():
    base = CleanConfig(min_files=3)
    cleaner = Cleaner(base, threshold=0.6)
    assert cleaner.config.threshold == 0.6 and cleaner.config.min_files == 3
    assert base.threshold == CleanConfig().threshold != 0.6
    with pytest.raises(AttributeError):
        base.threshold = 0.7  # type: ignore[misc]


def test_cleaner_on_strings_matches_the_file_pipeline(tmp_path):
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")
    nettoyeur.clean(folder, tmp_path / "out", quiet=True)
    expected = {}
    for line in (tmp_path / "out.report.jsonl").read_text().splitlines():
        r = json.loads(line)
        if r.get("removed", True):  # report-only containment is not a removal
            expected[(int(r["file"][:4]), r["paragraph"])] = r["reason"]
    got = {}
    results = list(Cleaner().clean(texts))
    assert [c.position for c in results] == list(range(len(texts)))
    for c in results:
        for r in c.removed + c.repaired:
            got[(c.position, r["paragraph"])] = r["reason"]
        written = (tmp_path / "out" / f"{c.position:04d}.txt").read_text(encoding="utf-8")
        assert c.text.rstrip("\n") == written.rstrip("\n"), "the same text (a string keeps its own ending)"
    assert got == expected and expected


def test_cleaner_on_records(tmp_path):
    results = list(Cleaner().clean(RECORDS))
    by_id = {c.id: c for c in results}
    pool = CORPUS["pool"]
    for case in CORPUS["expect_removed"]:
        c = by_id[case["id"]]
        assert pool[case["pool"]] not in paragraphs(c.text), case["label"]
        assert any(r["text"] == pool[case["pool"]] and r["reason"] == case["reason"] for r in c.removed)
    for case in CORPUS["must_keep"]:
        assert pool[case["pool"]] in paragraphs(by_id[case["id"]].text), case["label"]
    copy = by_id["copy-1"]
    assert copy.item["url"] == RECORDS[5]["url"] and copy.item["text"] == "" and copy.text == ""
    (removal,) = copy.removed
    assert RECORDS[removal["kept_item"]]["id"] == "lib-1", "kept_item points at the record holding the kept copy"
    assert RECORDS[5]["text"], "the input records are not modified"


def test_cleaner_passes_bad_items_through_and_drops_empty_on_request():
    items = [RECORDS[0], 42, {"id": "x", "body": "no text"}, None, RECORDS[5]]
    results = list(Cleaner().clean(items))
    assert [c.skipped is None for c in results] == [True, False, False, False, True]
    assert results[1].item == 42 and results[2].item == {"id": "x", "body": "no text"}
    dropped = list(Cleaner(drop_empty=True).clean(items))
    assert [c.position for c in dropped] == [0, 1, 2, 3], "the record that became empty is left out"


def test_clean_texts_keeps_alignment():
    texts = [RECORDS[0]["text"], RECORDS[5]["text"], RECORDS[1]["text"]]
    out = Cleaner().clean_texts(texts)
    assert len(out) == 3 and out[1] == "" and out[0] == texts[0]


def test_pandas_column():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(RECORDS)
    df["clean"] = Cleaner().clean_texts(df["text"])
    assert df.loc[df["id"] == "copy-1", "clean"].item() == ""
    assert CORPUS["pool"]["library_a"] in df.loc[df["id"] == "lib-1", "clean"].item()
    assert CORPUS["pool"]["library_typo"] not in df.loc[df["id"] == "lib-2", "clean"].item()


def test_huggingface_datasets():
    datasets = pytest.importorskip("datasets")
    ds = datasets.Dataset.from_list(RECORDS)
    cleaned = datasets.Dataset.from_list([c.item for c in Cleaner(drop_empty=True).clean(ds)])
    assert cleaned.column_names == ds.column_names
    assert "copy-1" not in cleaned["id"] and len(cleaned) == len(ds) - 1
    lib2 = cleaned[cleaned["id"].index("lib-2")]
    assert CORPUS["pool"]["library_typo"] not in lib2["text"] and CORPUS["pool"]["bread_a"] in lib2["text"]


def test_dry_run_without_out_needs_a_report(tmp_path):
    with pytest.raises(nettoyeur.InputError, match="report"):
        nettoyeur.clean(SAMPLES)
    summary = nettoyeur.clean(SAMPLES, report=tmp_path / "r.report.jsonl")
    assert summary["dry_run"] and (tmp_path / "r.report.jsonl").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.checksums.jsonl", "r.report.jsonl", "r.summary.json"]


def _examples() -> list[str]:
    text = (Path(__file__).resolve().parent / "data" / "readme_api_examples.md").read_text(encoding="utf-8")
    return [block.split("```", 1)[0] for block in text.split("```python\n")[1:]]


def test_readme_examples_run(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "crawl").mkdir()
    (tmp_path / "crawl" / "day.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    blocks = _examples()
    assert len(blocks) == 4
    namespace: dict = {}
    exec(blocks[0], namespace)
    assert namespace["summary"]["counts"]["duplicate"] >= 2 and (tmp_path / "clean" / "day.jsonl").is_file()
    exec(blocks[1], namespace)
    printed = capsys.readouterr().out.splitlines()
    assert printed[-1] == "2 '' [('duplicate', 0)]", "record 2 copies record 1's paragraph"
    assert printed[-2].startswith("1 'Council extends library hours")
    for block, module in ((blocks[2], "pandas"), (blocks[3], "datasets")):
        try:
            __import__(module)
        except ImportError:
            continue
        exec(block, namespace)
    if "df" in namespace:
        assert list(namespace["df"]["clean"])[1] == ""
    if "cleaned" in namespace:
        assert namespace["cleaned"]["id"] == [1]
