"""Shared helpers for the end-to-end, CLI, encoding and property tests."""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

from nettoyeur import CleanConfig, clean_folder
from nettoyeur.cli.main import main

# The rules' translation cache (boilerplate/rule_cache.py) of this test session, and of the
# runs it starts, in a folder of its own rather than the user's.
os.environ.setdefault("NETTOYEUR_CACHE_DIR", tempfile.mkdtemp(prefix="nettoyeur-test-cache-"))

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
DATA = Path(__file__).resolve().parent / "data"

# Hypothesis profiles, chosen by HYPOTHESIS_PROFILE. "base" (the default) is the profile
# Hypothesis would load ("default", or "ci" where a CI variable is set) with the clock taken out:
# no deadline and no too_slow health check, checks of the machine's load rather than of the code,
# which CI's 2 shared cores can fail by chance; each test's @settings(max_examples=...) keeps
# CI's counts and time. "soak" looks for the rare disagreements a run of CI could draw by chance
# (CONTRIBUTING.md, "Soak the property tests"): every test runs HYPOTHESIS_SOAK_SCALE times its
# own example count (20 unless set) and prints the blob that replays a failure.
SOAK_SCALE = float(os.environ.get("HYPOTHESIS_SOAK_SCALE", "20"))
settings.register_profile("base", settings.default, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "soak",
    settings.get_profile("base"),
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "base"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under the soak profile, scales each property test's own example count by SOAK_SCALE.

    A test's explicit ``@settings(max_examples=N)`` outranks any profile, so the profile alone
    would leave them as they are: the scaled settings replace the ones ``@given`` reads at call time.
    """
    if os.environ.get("HYPOTHESIS_PROFILE") != "soak":
        return
    tests = {
        id(item.obj): item.obj for item in items if getattr(getattr(item, "obj", None), "is_hypothesis_test", False)
    }
    for test in tests.values():  # once per function, however many parameters it has
        if not hasattr(test, "_hypothesis_internal_use_settings"):
            raise pytest.UsageError(
                "the soak profile reads Hypothesis' _hypothesis_internal_use_settings, which this Hypothesis "
                "version lacks: run without HYPOTHESIS_PROFILE=soak, or install the version pyproject.toml tests with"
            )
        own = test._hypothesis_internal_use_settings
        if own is not None:
            scaled = max(1, int(own.max_examples * SOAK_SCALE))
            test._hypothesis_internal_use_settings = settings(own, max_examples=scaled, deadline=None)  # type: ignore[union-attr]


@pytest.fixture(autouse=True)
def _sigint_restored():
    """Restores this process's SIGINT handler after each test.

    Once interrupted, the CLI ignores a second Ctrl-C (nettoyeur.cli.main); a test that
    interrupts it in-process (tests/corpus/test_journal.py) would otherwise leave pytest, and
    every subprocess it starts later (tests/e2e/test_faults.py's Ctrl-C runs), ignoring SIGINT.
    """
    handler = signal.getsignal(signal.SIGINT)
    yield
    signal.signal(signal.SIGINT, handler)


# Summary fields that legitimately differ between two runs of the same input.
VOLATILE = ("seconds", "stage_seconds", "input", "output", "report", "checksums_file")


@dataclass
class Run:
    """What one clean left on disk."""

    summary: dict[str, Any]
    records: list[dict[str, Any]]
    out: Path
    report: Path

    def removed(self) -> list[dict[str, Any]]:
        """The records of removed paragraphs (not encoding repairs, not report-only containment)."""
        return [r for r in self.records if not r["reason"].startswith("encoding:") and r.get("removed", True)]

    def by_line(self, file: str) -> dict[int, dict[str, Any]]:
        """The removal records of one file, by input line."""
        return {r["line"]: r for r in self.removed() if r["file"] == file}


def read_records(path: Path) -> list[dict[str, Any]]:
    """Parses a report JSONL file (every line must be a JSON object)."""
    text = path.read_text(encoding="utf-8")
    assert text == "" or text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def clean(src: Path, dst: Path, config: CleanConfig | None = None, **kwargs: Any) -> Run:
    """Runs :func:`clean_folder` quietly and loads the report it wrote."""
    summary = clean_folder(src, dst, config or CleanConfig(workers=1), quiet=True, **kwargs)
    report = Path(summary["report"])
    return Run(summary, read_records(report), dst, report)


def tree_digest(root: Path) -> dict[str, str]:
    """SHA-256 of every file under ``root``, by relative path."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def tree_bytes(root: Path) -> dict[str, bytes]:
    """The content of every file under ``root``, by relative path."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def stable(summary: dict[str, Any]) -> dict[str, Any]:
    """The summary without the fields that differ between two identical runs (with the checksums its file holds)."""
    from nettoyeur.report.report_file import read_checksums

    return {**{k: v for k, v in summary.items() if k not in VOLATILE}, "checksums": read_checksums(summary)}


def paragraphs_of(text: str) -> list[str]:
    """The non-blank lines of a text, as the tool defines paragraphs (no line endings)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [line for line in lines if line.strip()]


@pytest.fixture(scope="session")
def samples_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """One default clean of samples/ shared by the end-to-end tests (the run is read-only for them)."""
    base = tmp_path_factory.mktemp("samples")
    return clean(SAMPLES, base / "out", CleanConfig())


_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def expected_layout(text: str, removed: set[int], texts: dict[int, str] | None = None) -> str:
    """The output the layout rules ask for, given the input text and the removed line numbers.

    The rules: the file's leading and trailing blank lines stay; between two kept paragraphs the
    blank lines that stood right before the second one stay; a removed paragraph takes the blank
    lines before it along (the first kept paragraph gets none); each kept line keeps its own ending.
    ``texts`` replaces the text of some lines (repaired text), keeping their endings.
    """
    lines = _LINES.findall(text)
    para = [i for i, line in enumerate(lines) if line.strip()]
    kept = [i for i in para if i + 1 not in removed]
    if not kept:
        return ""
    out = lines[: para[0]]
    for j, i in enumerate(kept):
        if j:
            start = i
            while start > 0 and not lines[start - 1].strip():
                start -= 1
            out.extend(lines[start:i])
        line = lines[i]
        if texts and i + 1 in texts:
            body = line.rstrip("\r\n")
            line = texts[i + 1] + line[len(body) :]
        out.append(line)
    out.extend(lines[para[-1] + 1 :])
    return "".join(out)


def in_process(*args: str) -> subprocess.CompletedProcess:
    """Runs ``nettoyeur ARGS`` in this process (click's runner): for tests of outputs, not of processes.

    Spares the ~0.5 CPU-s import of a fresh interpreter per run; the exit code and stderr are
    the command's own (click's ``SystemExit`` code, the error stream kept apart).
    """
    try:
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]  # the default from click 8.2
    except TypeError:
        runner = CliRunner()
    result = runner.invoke(main, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)
