"""A record's site as evidence of boilerplate (issue 13): recurrence within a site is chrome, across sites weak.

The golden records (tests/data/sites_cases.json) are cleaned with ``--site auto`` (the records'
``url`` hosts) and ``--site none`` (corpus-wide counts, as before sites): each expected
verdict is checked in both, so the file holds its own negatives.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from nettoyeur import CleanConfig
from nettoyeur.boilerplate.line_counts import counted_keys, document_line_keys
from nettoyeur.boilerplate.sites import document_site, scope_key, scoped_keys, site_name, site_salt
from nettoyeur.cli.main import main
from nettoyeur.corpus.shards import RecordDocument
from nettoyeur.errors import ConfigError
from nettoyeur.records import Document

DATA = Path(__file__).resolve().parents[1] / "data"
CASES = json.loads((DATA / "sites_cases.json").read_text(encoding="utf-8"))
# Long lines between labels (a bio, a disclaimer: long lines are never frequency-removed) and a
# wire story on six sites (kept once).
LABELLED = json.loads((DATA / "labelled_long_lines_cases.json").read_text(encoding="utf-8"))
FREQ = "boilerplate:frequency:"


def _write_records(path: Path, records: list[dict[str, Any]], field: str = "url") -> None:
    lines = [json.dumps({"id": r["id"], field: r["url"], "text": "\n".join(r["lines"])}) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _clean(
    src: Path, out: Path, *options: str, cases: dict[str, Any] = CASES
) -> dict[tuple[str, str], tuple[str | None, str]]:
    """Runs ``nettoyeur clean`` in process; returns (record id or file, text) -> (reason, detail) of each removal."""
    report = out.with_name(out.name + ".report.jsonl")
    args = ["clean", str(src), str(out), "--report", str(report), "--min-files", str(cases["min_files"]), "-q"]
    result = CliRunner().invoke(main, [*args, *options])
    assert result.exit_code == 0, result.output
    found = {}
    for line in report.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r.get("reason"):
            found[(r.get("id") or r["file"].split("/")[-1].removesuffix(".txt"), r["text"])] = (
                r["reason"],
                r.get("detail") or "",
            )
    return found


def _check(found: dict[tuple[str, str], tuple[str | None, str]], mode: str, cases: dict[str, Any] = CASES) -> None:
    for case in cases["expected"]:
        want = case[mode]
        reason, detail = found.get((case["id"], case["text"]), (None, ""))
        where = f"{mode}: {case['id']} {case['text']!r} got {reason} ({detail})"
        if "not_prefix" in want:
            assert reason is None or not reason.startswith(want["not_prefix"]), where
            continue
        assert reason == want["reason"], where
        assert want.get("detail", "") in detail, where


@pytest.mark.parametrize("mode", ["auto", "none"])
def test_golden_records_by_site(tmp_path: Path, mode: str) -> None:
    src = tmp_path / "in.jsonl"
    _write_records(src, CASES["records"])
    _check(_clean(src, tmp_path / "out.jsonl", "--site", mode), mode)


@pytest.mark.parametrize("mode", ["auto", "none"])
def test_golden_labelled_long_lines_and_a_wire_story_are_no_boilerplate(tmp_path: Path, mode: str) -> None:
    src = tmp_path / "in.jsonl"
    _write_records(src, LABELLED["records"])
    _check(_clean(src, tmp_path / "out.jsonl", "--site", mode, cases=LABELLED), mode, LABELLED)


def test_field_setting_reads_the_named_field(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _write_records(src, CASES["records"], field="source")
    _check(_clean(src, tmp_path / "auto.jsonl"), "none")  # auto reads url, domain, site: not "source"
    _check(_clean(src, tmp_path / "field.jsonl", "--site", "field:source"), "auto")


def _write_folders(root: Path) -> None:
    for r in CASES["records"]:
        folder = root / site_name(r["url"])  # one folder per site
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{r['id']}.txt").write_text("\n\n".join(r["lines"]) + "\n", encoding="utf-8")


def test_folder_setting_on_a_folder_tree(tmp_path: Path) -> None:
    _write_folders(tmp_path / "in")
    by_folder = _clean(tmp_path / "in", tmp_path / "folder", "--site", "folder")
    _check(by_folder, "auto")
    # Plain files have no site unless asked: the folders of a corpus are not sites by default.
    _check(_clean(tmp_path / "in", tmp_path / "auto"), "none")


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_same_bytes_with_one_and_two_workers(tmp_path: Path) -> None:
    _write_folders(tmp_path / "in")
    src = tmp_path / "in.jsonl"
    _write_records(src, CASES["records"])
    runs = {}
    for workers in ("1", "2"):
        _clean(tmp_path / "in", tmp_path / f"f{workers}", "--site", "folder", "--workers", workers)
        _clean(src, tmp_path / f"r{workers}.jsonl", "--workers", workers)
        runs[workers] = (
            _tree(tmp_path / f"f{workers}"),
            (tmp_path / f"f{workers}.report.jsonl").read_bytes(),
            (tmp_path / f"r{workers}.jsonl").read_bytes(),
            (tmp_path / f"r{workers}.jsonl.report.jsonl").read_bytes(),
        )
    assert runs["1"] == runs["2"]


def test_record_order_changes_no_site_verdict(tmp_path: Path) -> None:
    """The site counts do not depend on the records' order (the dedup's kept copy does: corpus order)."""
    forward, backward = tmp_path / "f.jsonl", tmp_path / "b.jsonl"
    _write_records(forward, CASES["records"])
    _write_records(backward, CASES["records"][::-1])
    first = _clean(forward, tmp_path / "fo.jsonl")
    second = _clean(backward, tmp_path / "bo.jsonl")
    boilerplate = {k: v for k, v in first.items() if v[0].startswith("boilerplate:")}
    assert boilerplate == {k: v for k, v in second.items() if v[0].startswith("boilerplate:")}
    assert any(v[0] == FREQ + "recurring-in-site" for v in boilerplate.values())


@settings(max_examples=4, deadline=None)
@given(st.lists(st.from_regex(r"[a-z]{1,8}\.test", fullmatch=True), min_size=5, max_size=5, unique=True))
def test_renaming_sites_consistently_changes_nothing(tmp_path_factory: Any, names: list[str]) -> None:
    """A law: sites are only compared for equality, so a one-to-one renaming keeps every verdict and text."""
    tmp = tmp_path_factory.mktemp("rename")
    hosts = sorted({site_name(r["url"]) for r in CASES["records"]})
    rename = dict(zip(hosts, names))
    renamed = [{**r, "url": "https://" + rename[site_name(r["url"])] + "/p"} for r in CASES["records"]]
    _write_records(tmp / "a.jsonl", CASES["records"])
    _write_records(tmp / "b.jsonl", renamed)
    first = _clean(tmp / "a.jsonl", tmp / "ao.jsonl")
    second = _clean(tmp / "b.jsonl", tmp / "bo.jsonl")
    assert {k: v[0] for k, v in first.items()} == {k: v[0] for k, v in second.items()}
    texts = [
        [json.loads(line)["text"] for line in (tmp / name).read_text().splitlines()]
        for name in ("ao.jsonl", "bo.jsonl")
    ]
    assert texts[0] == texts[1]


@pytest.mark.parametrize("bad", ["domain", "Folder", "field:", "field:  ", "", 3])
def test_bad_setting_is_a_config_error_naming_the_choices(bad: Any) -> None:
    with pytest.raises(ConfigError, match=r"site must be 'auto', 'folder', 'none' or 'field:NAME'"):
        CleanConfig(site=bad)


def test_cli_rejects_a_bad_setting_with_the_choices(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _write_records(src, CASES["records"][:1])
    result = CliRunner().invoke(main, ["clean", str(src), str(tmp_path / "o.jsonl"), "--site", "host", "-q"])
    assert result.exit_code != 0
    assert "field:NAME" in result.output


@pytest.mark.parametrize(
    ("value", "site"),
    [
        ("https://www.Example.COM/a?b=1", "example.com"),
        ("http://news.example.com:8080/x", "news.example.com"),
        ("//cdn.example.org/x", "cdn.example.org"),
        ("Example.org.", "example.org"),
        ("wwwexample.org", "wwwexample.org"),
        ("http://[::1", None),
        ("https:///path-only", None),
        ("", None),
        ("   ", None),
        (None, None),
        (42, None),
    ],
)
def test_site_name(value: Any, site: str | None) -> None:
    assert site_name(value) == site


def _record(**fields: Any) -> RecordDocument:
    return RecordDocument(path="shard.jsonl#000000001", record=fields)


def test_document_site_by_setting() -> None:
    assert document_site(_record(url="https://www.a.example/x", domain="b.example"), "auto") == "a.example"
    assert document_site(_record(url="", domain="B.example"), "auto") == "b.example"
    assert document_site(_record(site="c.example"), "auto") == "c.example"
    assert document_site(_record(host="d.example"), "auto") is None
    assert document_site(_record(host="d.example"), "field:host") == "d.example"
    assert document_site(_record(url="https://a.example/x"), "none") is None
    assert document_site(Document(path="siteA/page.txt"), "auto") is None
    assert document_site(Document(path="siteA/sub/page.txt"), "folder") == "siteA"
    assert document_site(Document(path="page.txt"), "folder") is None


def test_scoped_keys_count_beside_the_corpus_wide_ones() -> None:
    texts = ["Home", "Recipes", "A longer line of prose that is still counted by pass one."]
    keys = document_line_keys(texts)
    assert counted_keys(texts, None) == keys
    both = counted_keys(texts, "a.example")
    assert both[: len(keys)] == keys and both[len(keys) :] == scoped_keys(keys, "a.example")
    assert len(set(both)) == 2 * len(keys)  # no scoped key meets a corpus-wide one
    assert set(scoped_keys(keys, "a.example")).isdisjoint(scoped_keys(keys, "b.example"))


@given(st.integers(0, 2**64 - 1), st.integers(0, 2**64 - 1))
def test_scope_key_is_a_64_bit_bijection_of_the_key(a: int, b: int) -> None:
    salt = site_salt("example.com")
    assert 0 <= scope_key(a, salt) < 2**64
    assert (scope_key(a, salt) == scope_key(b, salt)) == (a == b)


def test_the_corpus_index_keeps_the_site_counts(tmp_path: Path) -> None:
    """Pages of a site cleaned in an earlier run with ``--index`` count toward its recurring lines."""
    pages = {r["id"]: r for r in CASES["records"]}
    _write_records(tmp_path / "one.jsonl", [pages["a0"], pages["a1"]])
    _write_records(tmp_path / "two.jsonl", [pages["a2"]])
    index = ["--index", str(tmp_path / "index")]
    alone = _clean(tmp_path / "two.jsonl", tmp_path / "alone.jsonl")
    _clean(tmp_path / "one.jsonl", tmp_path / "one_out.jsonl", *index)
    found = _clean(tmp_path / "two.jsonl", tmp_path / "two_out.jsonl", *index)
    tagline = ("a2", "Good food for busy weeknights")
    assert alone.get(tagline, ("", ""))[0] != FREQ + "recurring-in-site"
    assert found[tagline] == (FREQ + "recurring-in-site", "in 3 files of a.example")


def test_python_api_gives_the_command_line_verdicts(tmp_path: Path) -> None:
    """The in-memory run (:class:`nettoyeur.Cleaner`) reads the records' sites as the streaming run does."""
    from nettoyeur import Cleaner

    src = tmp_path / "in.jsonl"
    _write_records(src, CASES["records"])
    cli = _clean(src, tmp_path / "out.jsonl")
    items = [{"id": r["id"], "url": r["url"], "text": "\n".join(r["lines"])} for r in CASES["records"]]
    api = {
        (c.id, rec["text"]): (rec["reason"], rec.get("detail") or "")
        for c in Cleaner(min_files=CASES["min_files"]).clean(items)
        for rec in c.removed
    }
    assert api == cli
