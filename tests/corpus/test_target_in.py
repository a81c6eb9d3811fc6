"""target_in's quick test of a plain path against the plain reference it replaced (name by name)."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nettoyeur.corpus.atomic import target_in
from nettoyeur.errors import OutputPathError


def reference(base: str, rel: str, checked: set[str] | None = None) -> str:
    """target_in as it was: the path split, each name checked, joined with os.path.join."""
    parts = rel.split("/")
    if (
        not rel
        or "\x00" in rel
        or os.path.isabs(rel)
        or any(part in ("", ".", "..") for part in parts)
        or (os.sep != "/" and any(os.sep in part or (os.altsep and os.altsep in part) for part in parts))
    ):
        raise OutputPathError(rel)
    folder = rel.rpartition("/")[0]
    if folder and (checked is None or folder not in checked):
        parent = os.path.realpath(os.path.join(base, *parts[:-1]))
        if os.path.commonpath([base, parent]) != base:
            raise OutputPathError(rel)
        if checked is not None:
            checked.add(folder)
    return os.path.join(base, *parts)


def _both(base: str, rel: str) -> tuple[str | None, str | None]:
    answers = []
    for fn in (target_in, reference):
        try:
            answers.append(fn(base, rel, set()))
        except OutputPathError:
            answers.append(None)
    return answers[0], answers[1]


# Plain paths (accepted) and the shapes refused; names that start with a dot without being one.
CASES = [
    ("a.txt", True), ("d/e/f.txt", True), (".hidden", True), ("d/.x/y", True), ("d/..x", True),
    ("x./y.", True), ("caf\u00e9/\u4e2d.txt", True), ("a b/c", True),
    ("", False), ("/abs", False), ("d/", False), ("d//e", False), (".", False), ("..", False),
    ("d/./e", False), ("d/../e", False), ("../e", False), ("d/..", False), ("d/.", False), ("a\x00b", False),
    ("/", False), ("//", False),
]  # fmt: skip


@pytest.mark.parametrize(("rel", "plain"), CASES)
@pytest.mark.parametrize("base", ["/", "/tmp/out"])
def test_target_in_accepts_plain_paths_alone_and_joins_as_os_path_join(base, rel, plain):
    mine, theirs = _both(base, rel)
    assert mine == theirs
    assert (mine is not None) == plain


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=["a", "\u00e9", ".", "/", "\x00", " "], max_size=12), st.sampled_from(["/", "/tmp/out", "/x/"]))
def test_target_in_agrees_with_the_reference_on_any_path(rel, base):
    assert _both(base, rel)[0] == _both(base, rel)[1]
