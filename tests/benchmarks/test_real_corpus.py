"""The real-text benchmark corpus (``benchmarks/real_corpus.py``): seeded, nested, the asked size, real copies.

The fixture is a folder of a few pages written here (site chrome around articles of invented
prose), the kind of folder a user gives ``e2e.py --real``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from real_corpus import PROSE_WORDS, RealWriter, Republisher, is_prose, read_page  # noqa: E402

_PROSE = [
    "The river rose for three days after the storm and the ferry stayed in its harbour until the water fell.",
    "Farmers along the valley moved their animals to higher fields, and the school opened its hall to families.",
    "Engineers said the old bridge held well. They will inspect its pillars again once the current slows down.",
    "A market that had run every Saturday for forty years was cancelled for the first time since it began.",
    "Volunteers carried sandbags through the night. By morning the wall along the quay was a metre higher.",
    "The weather office expects drier days next week, though it warned that the ground will stay soft for a while.",
]


def _page(site: int, article: int) -> str:
    """One page: its site's chrome (menu, footer) around an article of three prose paragraphs."""
    head = [f"Site {site} home", "News | Sport | Weather", f"Article {article} title"]
    body = [_PROSE[(article + k) % len(_PROSE)] for k in range(3)]
    body.insert(2, "Photo gallery")  # a short line inside the article travels with it
    foot = ["Contact us", f"© Site {site}"]
    return "\n".join(head + body + foot) + "\n"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A folder of six pages on two sites, one in a subfolder, one with bytes that are not UTF-8, one hidden file."""
    folder = tmp_path / "pages"
    (folder / "more").mkdir(parents=True)
    for k in range(5):
        (folder / ("more" if k == 4 else "") / f"p{k}.txt").write_text(_page(k % 2, k), encoding="utf-8")
    (folder / "latin1.txt").write_bytes(_page(1, 9).encode("utf-8") + b"caf\xe9 ouvert le dimanche\n")
    (folder / ".hidden").write_text("never read\n", encoding="utf-8")
    return folder


def _tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by relative path, with its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _paragraphs(tree: dict[str, bytes]) -> int:
    """The non-blank lines of every file."""
    return sum(1 for data in tree.values() for line in data.split(b"\n") if line.strip())


def test_same_seed_same_bytes_and_sizes_are_nested(source: Path, tmp_path: Path) -> None:
    a = RealWriter(source, tmp_path / "a", seed=3)
    a.extend_to(40)
    a.extend_to(200)
    b = RealWriter(source, tmp_path / "b", seed=3)
    b.extend_to(200)
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")
    c = RealWriter(source, tmp_path / "c", seed=4)
    c.extend_to(200)
    assert _tree(tmp_path / "c") != _tree(tmp_path / "a")


def test_counts_and_size_reached(source: Path, tmp_path: Path) -> None:
    writer = RealWriter(source, tmp_path / "out", per_folder=7)
    assert len(writer.paths) == 6  # the hidden file is left out
    for size in (1, 30, 120, 500):
        writer.extend_to(size)
        tree = _tree(tmp_path / "out")
        assert writer.paragraphs == _paragraphs(tree) >= size
        assert writer.paragraphs - size < 10  # one page at most past the size (pages have 3 to 10 paragraphs)
        assert writer.files == len(tree) and writer.bytes == sum(map(len, tree.values()))
    assert max(int(name.split("/")[0]) for name in tree) == (writer.files - 1) // 7  # seven files a folder


def test_the_folder_first_unchanged_then_its_pages_again(source: Path, tmp_path: Path) -> None:
    writer = RealWriter(source, tmp_path / "out")
    writer.extend_to(6 * 9 + 1)  # the folder's paragraphs
    assert writer.files == 6
    originals = {p.read_bytes() for p in source.rglob("*.txt")}
    first = _tree(tmp_path / "out")
    assert sorted(first.values()) == sorted(originals)  # every file once, byte for byte (non-UTF-8 bytes too)
    writer.extend_to(2_000)
    later = [data for name, data in _tree(tmp_path / "out").items() if name not in first]
    source_lines = {line for data in originals for line in data.split(b"\n")}
    chrome = {b"News | Sport | Weather", b"Contact us", b"Site 0 home", b"Site 1 home"}
    assert all(b"News | Sport | Weather" in data for data in later)  # each new page has a site's chrome
    new_lines = [line for data in later for line in data.split(b"\n") if line and line not in source_lines]
    assert new_lines and not chrome & set(new_lines)  # edited prose; the chrome is never edited
    verbatim = sum(1 for data in later for line in data.split(b"\n") if line.decode(errors="replace") in _PROSE)
    assert verbatim > len(new_lines) / 2  # most paragraphs are republished as they were


def test_edits_are_near_copies() -> None:
    import random

    edits = Republisher(random.Random(1), ["word"])
    original = _PROSE[2]
    words = set(original.split())
    for name in ("words_changed", "sentence", "cut"):
        for _ in range(20):
            edited = getattr(edits, name)(original)
            assert edited != original
            kept = words & set(edited.split())
            assert len(kept) >= 0.3 * len(words)  # a near copy, not another paragraph
    assert edits.drop(original) is None
    assert edits.sentence(original).count(".") == original.count(".") - 1  # one of its two sentences left out


def test_article_region_and_prose() -> None:
    page = read_page(_page(0, 1).encode("utf-8"))
    assert page.lines[page.start] == _PROSE[1] and page.lines[page.end - 1] == _PROSE[3]
    assert not is_prose("Photo gallery") and is_prose(" ".join(["w"] * PROSE_WORDS))
    assert is_prose("字" * 130)  # a script without spaces: prose by its length
    bare = read_page(b"Home\nMenu\n")
    assert bare.start == bare.end == 2  # no prose: all chrome


def test_empty_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "blank").mkdir()
    (tmp_path / "blank" / "a.txt").write_text("\n  \n", encoding="utf-8")
    blank = RealWriter(tmp_path / "blank", tmp_path / "out")
    with pytest.raises(SystemExit, match="no non-blank line"):
        blank.extend_to(1)
    with pytest.raises(SystemExit, match="not a folder"):
        RealWriter(tmp_path / "missing", tmp_path / "out")
