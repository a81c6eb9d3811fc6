"""Properties of `clean` over generated corpora (hypothesis, bounded so that the suite stays fast).

Corpora are built from the samples' paragraphs, shuffled and duplicated across files and folders, so
every run has real duplicates, contained quotes, headings and chrome to decide about.
"""

from __future__ import annotations

import os
import random
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLES, Run, clean, paragraphs_of, stable, tree_bytes
from nettoyeur import CleanConfig
from nettoyeur.report.report_file import read_checksums
from nettoyeur.text.decode import decode

POOL = [line for p in sorted(SAMPLES.iterdir()) for line in paragraphs_of(p.read_text(encoding="utf-8"))]
# Names whose sort order is easy to get wrong: "-" < "." < "/" in corpus order, case, accents, nesting.
NAMES = ["a.txt", "a-b.txt", "a/b.txt", "a/c/d.txt", "B.txt", "é.txt", "z.md", "0.txt", "ab/a.txt"]
CONFIG = CleanConfig(workers=1)
# Boilerplate off: deduplication alone must be idempotent too.
DEDUP_ONLY = CleanConfig(workers=1, boilerplate=False)
# Each example cleans one or two small corpora (a few tens of milliseconds); 25 examples per property keep
# the whole file under ten seconds while still mixing layouts, duplicates and names. Set
# NETTOYEUR_PROP_EXAMPLES=500 for a deeper hunt before a release.
EXAMPLES = int(os.environ.get("NETTOYEUR_PROP_EXAMPLES", "25"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def corpora(draw: st.DrawFn) -> dict[str, str]:
    """A corpus: relative path -> text, from shuffled and duplicated sample paragraphs."""
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=6, unique=True))
    files = {}
    for name in names:
        paragraphs = draw(st.lists(st.sampled_from(POOL), min_size=1, max_size=12))
        separator = draw(st.sampled_from(["\n", "\n\n", "\r\n", "\n\n\n"]))
        ending = draw(st.sampled_from(["", "\n", separator]))
        files[name] = separator.join(paragraphs) + ending
    return files


@contextmanager
def corpus_dir(files: dict[str, str | bytes]) -> Iterator[Path]:
    """Writes a corpus under a fresh temporary folder and yields that folder (IN is ``root/in``)."""
    with tempfile.TemporaryDirectory(prefix="nettoyeur-prop-") as tmp:
        root = Path(tmp)
        for name, text in files.items():
            path = root / "in" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        yield root


@contextmanager
def shuffled_listing(seed: int) -> Iterator[None]:
    """Makes os.walk, as the reader sees it, list names in a shuffled order."""
    real_walk = os.walk
    rng = random.Random(seed)

    def walk(top: str | os.PathLike[str], *args: object, **kwargs: object) -> Iterator[tuple[str, list, list]]:
        for dirpath, dirnames, filenames in real_walk(top, *args, **kwargs):  # type: ignore[arg-type]
            rng.shuffle(dirnames)
            rng.shuffle(filenames)
            yield dirpath, dirnames, filenames

    with mock.patch("nettoyeur.corpus.folder_reader.os.walk", walk):
        yield


def check_books(run: Run, src: Path) -> None:
    """Paragraphs in = kept + removed by reason, per file and per reason; every pointer hits a kept copy."""
    summary = run.summary
    counts = Counter(summary["counts"])
    counts.pop("repaired", None)
    assert sum(counts.values()) == summary["paragraphs"]
    removed = run.removed()
    assert Counter(r["reason"] for r in removed) == {k: v for k, v in counts.items() if k != "kept"}
    skipped = {s["file"] for s in summary["skipped"]}
    total_in = total_out = 0
    kept_lines: set[tuple[str, int]] = set()
    for rel in read_checksums(summary):
        assert rel not in skipped
        source, _ = decode((src / rel).read_bytes())
        lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for r in run.records:
            if r["file"] == rel and "original" in r:  # repaired (and perhaps removed too)
                assert r["original"] == lines[r["line"] - 1]
                lines[r["line"] - 1] = r["text"]
        output = paragraphs_of((run.out / rel).read_text(encoding="utf-8"))
        gone = {r["line"]: r for r in removed if r["file"] == rel}
        for r in gone.values():
            assert r["text"] == lines[r["line"] - 1]
        kept = [(n, line) for n, line in enumerate(lines, start=1) if line.strip() and n not in gone]
        assert output == [line for _, line in kept]
        kept_lines |= {(rel, n) for n, _ in kept}
        total_in += len(paragraphs_of(source))
        total_out += len(output)
    assert (total_in, total_out) == (summary["paragraphs"], counts["kept"])
    for r in removed:
        if "kept_doc" in r:
            assert (r["kept_doc"], r["kept_line"]) in kept_lines


def assert_idempotent(files: dict[str, str], config: CleanConfig) -> None:
    """Cleans a corpus, then cleans the output: the second run must remove nothing and write the same bytes."""
    with corpus_dir(files) as root:
        first = clean(root / "in", root / "out1", config)
        check_books(first, root / "in")
        second = clean(root / "out1", root / "out2", config)
        assert [(r["file"], r["line"], r["reason"]) for r in second.removed()] == []
        assert {s["reason"] for s in second.summary["skipped"]} <= {"empty"}  # files the first run emptied
        again = tree_bytes(root / "out2")
        assert again == {k: v for k, v in tree_bytes(root / "out1").items() if v.strip()}


@FAST
@given(corpora())
def test_deduplication_is_idempotent(files: dict[str, str]) -> None:
    assert_idempotent(files, DEDUP_ONLY)


# The position signal reads the article's shape, which deduplication changes: the pipeline runs the
# boilerplate signals again on the documents dedup thinned (pipeline.remark_after_dedup).
def test_a_heading_between_a_paragraph_and_its_copy_survives_a_second_clean() -> None:
    prose, heading = POOL[2], "Un objectif aussi politique"
    assert_idempotent({"a.txt": f"{prose}\n\n{heading}\n\n{prose}\n"}, CONFIG)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(corpora())
def test_cleaning_the_output_again_removes_nothing(files: dict[str, str]) -> None:
    """All defaults (boilerplate on)."""
    assert_idempotent(files, CONFIG)


@FAST
@given(corpora(), st.integers(0, 2**32 - 1))
def test_listing_order_changes_nothing(files: dict[str, str], seed: int) -> None:
    with corpus_dir(files) as root:
        plain = clean(root / "in", root / "out1", CONFIG)
        with shuffled_listing(seed):
            shuffled = clean(root / "in", root / "out2", CONFIG)
        assert tree_bytes(root / "out1") == tree_bytes(root / "out2")
        assert plain.report.read_bytes() == shuffled.report.read_bytes()
        assert stable(plain.summary) == stable(shuffled.summary)


@FAST
@given(corpora())
def test_paragraphs_in_equal_kept_plus_removed(files: dict[str, str]) -> None:
    with corpus_dir(files) as root:
        check_books(clean(root / "in", root / "out", CONFIG), root / "in")
        check_books(clean(root / "in", root / "out-report", CONFIG.replace(containment="report")), root / "in")


def test_worker_count_changes_nothing(tmp_path: Path) -> None:
    rng = random.Random(7)
    files = {f"d{k % 3}/{k:02d}.txt": "\n\n".join(rng.choices(POOL, k=8)) + "\n" for k in range(24)}
    with corpus_dir(files) as root:
        one = clean(root / "in", root / "out1", CleanConfig(workers=1))
        two = clean(root / "in", root / "out2", CleanConfig(workers=2))
        assert tree_bytes(root / "out1") == tree_bytes(root / "out2")
        assert one.report.read_bytes() == two.report.read_bytes()
        assert {k: v for k, v in stable(one.summary).items() if k != "parameters"} == {
            k: v for k, v in stable(two.summary).items() if k != "parameters"
        }


WHITESPACE = [
    "\n",
    "\r",
    "\r\n",
    "\t",
    " ",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x85",
    "\xa0",
    "\u2028",
    "\u2029",
    "\u3000",
    "\ufeff",
]
ANY_TEXT = st.lists(
    st.one_of(st.text(st.characters(blacklist_categories=("Cs",))), st.sampled_from(WHITESPACE)), max_size=30
).map("".join)


@settings(max_examples=EXAMPLES * 2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(ANY_TEXT.map(lambda t: t.encode("utf-8")), st.binary(max_size=200)), min_size=1, max_size=4))
def test_any_text_or_bytes_never_crashes(contents: list[bytes]) -> None:
    files: dict[str, str | bytes] = {f"f{k}.txt": data for k, data in enumerate(contents)}
    with corpus_dir(files) as root:
        run = clean(root / "in", root / "out", CONFIG)
        cleaned, skipped = set(read_checksums(run.summary)), {s["file"] for s in run.summary["skipped"]}
        assert cleaned | skipped == set(files) and not cleaned & skipped
        for rel in cleaned:
            (run.out / rel).read_bytes().decode("utf-8")
        check_books(run, root / "in")
