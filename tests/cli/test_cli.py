"""The command line, through click's CliRunner: options, exit codes, error messages, bad files."""

from __future__ import annotations

import json
import os
import shutil
from importlib.metadata import version
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import nettoyeur.corpus.folder_reader
from conftest import SAMPLES, paragraphs_of, read_records, tree_digest
from nettoyeur import clean_folder
from nettoyeur.cli.main import EXIT_IO, EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, main
from nettoyeur.errors import InputError


def _runner() -> CliRunner:
    """A runner that keeps stderr apart from stdout (the default from click 8.2; an option before)."""
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()


RUNNER = _runner()


def invoke(*args: str | Path) -> Result:
    """Runs ``nettoyeur ARGS`` in-process (one worker, so no process pool in tests)."""
    argv = [str(a) for a in args]
    if argv and argv[0] == "clean":
        argv.append("--workers=1")
    return RUNNER.invoke(main, argv, catch_exceptions=False)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A private copy of samples/ (tests may add bad files to it)."""
    src = tmp_path / "in"
    shutil.copytree(SAMPLES, src)
    return src


def assert_refused(result: Result, *mentions: str) -> None:
    """Exit 2, a one-line error on stderr naming what is wrong, nothing on stdout, no traceback."""
    assert result.exit_code == EXIT_USAGE, result.output
    assert result.stdout == ""
    assert result.stderr.startswith("Error: ")
    assert "Traceback" not in result.stderr
    for mention in mentions:
        assert mention in result.stderr


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip().endswith(version("nettoyeur"))
    assert "nettoyeur" in result.stdout


def test_clean_prints_a_summary_table_and_exits_0(corpus: Path, tmp_path: Path) -> None:
    result = invoke("clean", corpus, tmp_path / "out")
    assert result.exit_code == EXIT_OK, result.output
    summary = json.loads((tmp_path / "out.summary.json").read_text(encoding="utf-8"))
    assert f"{summary['counts']['kept']:,}" in result.stdout
    assert "duplicate" in result.stdout
    assert str(tmp_path / "out.report.jsonl") in result.stdout
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in corpus.iterdir())


def _refusals(tmp_path: Path, corpus: Path) -> dict[str, tuple[list[str | Path], list[str]]]:
    """Invalid command lines and what the error must mention (the path, and what to do)."""
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x\n", encoding="utf-8")
    full = tmp_path / "full"
    full.mkdir()
    (full / "old.txt").write_text("old\n", encoding="utf-8")
    return {
        "in-missing": (["clean", tmp_path / "nope", tmp_path / "out"], [str(tmp_path / "nope"), "give the folder"]),
        "in-a-file": (["clean", a_file, tmp_path / "out"], [str(a_file), "give a folder"]),
        "out-is-in": (["clean", corpus, corpus], [str(corpus), "outside the input"]),
        "out-inside-in": (["clean", corpus, corpus / "sub"], [str(corpus / "sub"), "outside the input"]),
        "out-not-empty": (["clean", corpus, full], [str(full), "--overwrite"]),
        "in-inside-out": (["clean", corpus, tmp_path], [str(tmp_path), "another output folder"]),
        "out-a-file": (["clean", corpus, a_file], [str(a_file), "choose a folder"]),
        "bad-threshold": (["clean", corpus, tmp_path / "out", "--threshold", "1.5"], ["threshold", "try 0.3"]),
        "rules-missing": (
            ["clean", corpus, tmp_path / "out", "--rules", tmp_path / "r.txt"],
            [str(tmp_path / "r.txt")],
        ),
        "report-in-input": (
            ["clean", corpus, tmp_path / "out", "--report", corpus / "r.jsonl"],
            [str(corpus / "r.jsonl"), "outside"],
        ),
        "report-in-output": (
            ["clean", corpus, tmp_path / "out", "--report", tmp_path / "out" / "r.jsonl"],
            [str(tmp_path / "out" / "r.jsonl"), "outside"],
        ),
    }


@pytest.mark.parametrize(
    "name",
    [
        "in-missing",
        "in-a-file",
        "out-is-in",
        "out-inside-in",
        "out-not-empty",
        "in-inside-out",
        "out-a-file",
        "bad-threshold",
        "rules-missing",
        "report-in-input",
        "report-in-output",
    ],
)
def test_bad_locations_are_refused_and_nothing_is_written(tmp_path: Path, corpus: Path, name: str) -> None:
    args, mentions = _refusals(tmp_path, corpus)[name]
    before = tree_digest(tmp_path)
    result = invoke(*args)
    assert_refused(result, *mentions)
    assert tree_digest(tmp_path) == before
    assert not (tmp_path / "out").exists()


def test_out_equal_to_in_says_so(corpus: Path) -> None:
    result = invoke("clean", corpus, corpus)
    assert_refused(result, "is the input folder")


def test_overwrite_replaces_the_files_of_a_previous_run(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert invoke("clean", corpus, out, "-q").exit_code == EXIT_OK
    first = tree_digest(out)
    (out / "000_fcd55595d88d614d.txt").write_text("stale\n", encoding="utf-8")
    assert invoke("clean", corpus, out, "-q").exit_code == EXIT_USAGE
    result = invoke("clean", corpus, out, "-q", "--overwrite")
    assert result.exit_code == EXIT_OK, result.output
    assert tree_digest(out) == first


def test_dry_run_writes_only_the_report(corpus: Path, tmp_path: Path) -> None:
    result = invoke("clean", corpus, tmp_path / "out", "--dry-run", "-q")
    assert result.exit_code == EXIT_OK, result.output
    assert not (tmp_path / "out").exists()
    beside = ["in", "out.checksums.jsonl", "out.report.jsonl", "out.summary.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == beside
    summary = json.loads((tmp_path / "out.summary.json").read_text(encoding="utf-8"))
    assert summary["dry_run"] is True and summary["output"] is None
    records = read_records(tmp_path / "out.report.jsonl")
    assert {r["reason"] for r in records} >= {"duplicate", "contained"}


def test_quiet_prints_nothing_on_stdout(corpus: Path, tmp_path: Path) -> None:
    (corpus / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = invoke("clean", corpus, tmp_path / "out", "--quiet")
    assert result.exit_code == EXIT_SKIPPED
    assert result.stdout == ""


def test_report_path_option(corpus: Path, tmp_path: Path) -> None:
    report = tmp_path / "reports" / "run1.report.jsonl"
    result = invoke("clean", corpus, tmp_path / "out", "--report", report, "-q")
    assert result.exit_code == EXIT_OK, result.output
    assert report.is_file() and (tmp_path / "reports" / "run1.summary.json").is_file()
    assert not (tmp_path / "out.report.jsonl").exists()
    assert len(read_records(report)) == 13
    summary = json.loads((tmp_path / "reports" / "run1.summary.json").read_text(encoding="utf-8"))
    assert summary["report"] == str(report)


def test_no_boilerplate_keeps_the_chrome(corpus: Path, tmp_path: Path) -> None:
    result = invoke("clean", corpus, tmp_path / "out", "--no-boilerplate", "-q")
    assert result.exit_code == EXIT_OK
    records = read_records(tmp_path / "out.report.jsonl")
    assert not any(r["reason"].startswith("boilerplate") for r in records)
    assert "Sommaire" in paragraphs_of((tmp_path / "out" / "002_d467ab4b4e2daa65.txt").read_text(encoding="utf-8"))


def test_user_rule_removes_a_line(corpus: Path, tmp_path: Path) -> None:
    rules = tmp_path / "rules.txt"
    rules.write_text("# my site's chrome\n\npromo: Un objectif aussi \\w+\n", encoding="utf-8")
    result = invoke("clean", corpus, tmp_path / "out", "--rules", rules, "-q")
    assert result.exit_code == EXIT_OK, result.output
    hits = [r for r in read_records(tmp_path / "out.report.jsonl") if r["text"] == "Un objectif aussi politique"]
    assert len(hits) == 1
    assert hits[0]["reason"] == "boilerplate:pattern:promo" and hits[0]["line"] == 7
    kept = paragraphs_of((tmp_path / "out" / "000_fcd55595d88d614d.txt").read_text(encoding="utf-8"))
    assert "Un objectif aussi politique" not in kept


@pytest.mark.parametrize(
    ("content", "line"),
    [
        (b"nav: Accueil\n# a comment\nno kind here\n", 3),
        (b"\nnav: (unclosed group\n", 2),
        (b"nav: caf\xe9\n", None),  # not UTF-8
    ],
    ids=["no-kind", "bad-regex", "not-utf8"],
)
def test_bad_rules_file_is_refused_naming_file_and_line(
    corpus: Path, tmp_path: Path, content: bytes, line: int | None
) -> None:
    rules = tmp_path / "rules.txt"
    rules.write_bytes(content)
    result = invoke("clean", corpus, tmp_path / "out", "--rules", rules)
    assert_refused(result, f"{rules}:{line}" if line else str(rules))
    assert not (tmp_path / "out").exists() and not (tmp_path / "out.report.jsonl").exists()


def test_containment_report_keeps_but_reports(corpus: Path, tmp_path: Path) -> None:
    result = invoke("clean", corpus, tmp_path / "out", "--containment", "report", "-q")
    assert result.exit_code == EXIT_OK
    records = [r for r in read_records(tmp_path / "out.report.jsonl") if r["reason"] == "contained"]
    assert {(r["file"], r["line"]) for r in records} == {
        ("000_fcd55595d88d614d.txt", 9),
        ("000_fcd55595d88d614d.txt", 19),
    }
    assert all(r["removed"] is False for r in records)
    kept = paragraphs_of((tmp_path / "out" / "000_fcd55595d88d614d.txt").read_text(encoding="utf-8"))
    assert {r["text"] for r in records} <= set(kept)


def _add_bad_files(corpus: Path) -> dict[str, str]:
    """Adds files that cannot be cleaned; returns the skip reason expected for each."""
    (corpus / "bin.txt").write_bytes(bytes(range(256)) * 4)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.txt").write_bytes(b" \n\t\r\n")
    (corpus / "bom-only.txt").write_bytes("\ufeff\u3000\n\u00a0\n".encode())  # blank once decoded
    (corpus / "data.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    return {
        "bin.txt": "binary",
        "empty.txt": "empty",
        "blank.txt": "empty",
        "bom-only.txt": "empty",
        "data.csv": "not-text",
    }


def _check_skips(result: Result, tmp_path: Path, expected: dict[str, str], corpus: Path) -> None:
    assert result.exit_code == EXIT_SKIPPED, result.output
    summary = json.loads((tmp_path / "out.summary.json").read_text(encoding="utf-8"))
    assert {s["file"]: s["reason"] for s in summary["skipped"]} == expected
    assert all(s["detail"] for s in summary["skipped"])
    assert summary["skipped_by_reason"] == {r: list(expected.values()).count(r) for r in set(expected.values())}
    assert summary["files"] == 5
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == sorted(p.name for p in SAMPLES.iterdir())
    for name in expected:
        assert f"skipped {name}: {expected[name]}" in result.stderr


def test_bad_files_are_counted_reported_and_skipped(corpus: Path, tmp_path: Path) -> None:
    expected = _add_bad_files(corpus)
    result = invoke("clean", corpus, tmp_path / "out")
    _check_skips(result, tmp_path, expected, corpus)
    assert "files skipped" in result.stdout


@pytest.mark.skipif(os.name != "posix", reason="symbolic links and byte file names are POSIX")
def test_links_and_undecodable_names_are_skipped(corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "elsewhere.txt").write_text("Hors du corpus.\n", encoding="utf-8")
    (corpus / "link.txt").symlink_to(tmp_path / "elsewhere.txt")
    (corpus / "linkdir").symlink_to(tmp_path, target_is_directory=True)
    with open(os.fsencode(corpus) + b"/caf\xe9.txt", "wb") as handle:  # a latin-1 file name
        handle.write(b"Un texte au nom illisible.\n")
    result = invoke("clean", corpus, tmp_path / "out")
    expected = {"link.txt": "symlink", "linkdir": "symlink", "caf\\xe9.txt": "bad-name"}
    _check_skips(result, tmp_path, expected, corpus)


@pytest.mark.skipif(os.name != "posix", reason="chmod 000 is POSIX")
def test_unreadable_file_is_skipped(corpus: Path, tmp_path: Path) -> None:
    locked = corpus / "locked.txt"
    locked.write_text("Un texte que personne ne peut lire.\n", encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop reading")
        result = invoke("clean", corpus, tmp_path / "out")
    finally:
        locked.chmod(0o644)
    _check_skips(result, tmp_path, {"locked.txt": "unreadable"}, corpus)


def test_permission_error_while_reading_is_a_skip(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same as chmod 000, but also when the tests run as root: reading the file raises."""
    locked = corpus / "locked.txt"
    locked.write_text("Un texte que personne ne peut lire.\n", encoding="utf-8")
    real = nettoyeur.corpus.folder_reader._open_regular

    def open_regular(path: Path) -> tuple[int, int]:
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(nettoyeur.corpus.folder_reader, "_open_regular", open_regular)
    result = invoke("clean", corpus, tmp_path / "out")
    _check_skips(result, tmp_path, {"locked.txt": "unreadable"}, corpus)


def test_api_refuses_a_report_inside_the_input(corpus: Path, tmp_path: Path) -> None:
    before = tree_digest(corpus)
    with pytest.raises(InputError, match="outside"):
        clean_folder(corpus, tmp_path / "out", report=corpus / "r.jsonl", quiet=True)
    assert tree_digest(corpus) == before


def test_disk_full_while_writing_exits_3_and_leaves_no_temporary(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("nettoyeur.corpus.atomic.os.fsync", fsync)
    result = invoke("clean", corpus, tmp_path / "out")
    assert result.exit_code == EXIT_IO
    assert "No space left on device" in result.stderr and "Free space" in result.stderr
    assert "Traceback" not in result.stderr
    assert [p for p in tmp_path.rglob("*") if p.name.startswith(".nettoyeur-")] == []


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_written_files_get_the_usual_mode(corpus: Path, tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        assert invoke("clean", corpus, tmp_path / "out", "-q").exit_code == EXIT_OK
    finally:
        os.umask(mask)
    beside = ("report.jsonl", "summary.json", "checksums.jsonl")
    written = [*(tmp_path / "out").iterdir(), *(tmp_path / f"out.{n}" for n in beside)]
    assert {oct(p.stat().st_mode & 0o777) for p in written} == {oct(0o644)}
