"""Short lines that recur: copies only with neighbours that back them (config.min_lone_copy_words)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import short_copies_reference
from conftest import clean
from corpusgen import write_tree
from nettoyeur import CleanConfig
from nettoyeur.dedup.stage import is_heading, local_short_copies, lone_titles, short_copies_alone

CASES = json.loads((Path(__file__).parents[1] / "data" / "short_copies.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden_short_copies(case, tmp_path: Path):
    src = write_tree(tmp_path / "in", case["files"])
    config = CleanConfig(workers=1, boilerplate=False)
    run = clean(src, tmp_path / "out", config)
    removed = {
        f"{r['file']}:{r['line']}"
        for r in run.records
        if r.get("reason") in ("duplicate", "contained") and not r.get("detail")
    }
    assert removed == set(case["removed"])
    assert not removed & set(case["kept"])
    # Law: a second clean reads the short lines' neighbours in the output, and removes nothing.
    again = clean(run.out, tmp_path / "again", config)
    assert [(r["file"], r["line"], r["reason"]) for r in again.removed()] == []


def test_every_short_copy_counts_when_the_rule_is_off(tmp_path: Path):
    case = CASES[0]
    src = write_tree(tmp_path / "in", case["files"])
    run = clean(src, tmp_path / "out", CleanConfig(workers=1, boilerplate=False, min_lone_copy_words=0))
    removed = {f"{r['file']}:{r['line']}" for r in run.records if r.get("reason") == "duplicate"}
    assert {"b_recipes.txt:2", "b_recipes.txt:4", "b_recipes.txt:6"} <= removed


def test_long_pairs_are_never_alone_and_short_ones_side_by_side_do_not_back_each_other():
    n_words = np.array([20, 20, 3, 3, 3])
    doc_of = np.array([0, 1, 1, 1, 2])
    pairs = np.array([[0, 1], [2, 3], [2, 4]])
    assert short_copies_alone(pairs, n_words, doc_of, 8, pairs).tolist() == [False, True, True]


def test_a_neighbour_pairing_elsewhere_in_the_other_document_is_no_backing():
    # doc 0: [0, 1, 2]; doc 1: [3, 4, 5, 6]; 1~6 (short) and 0~3: 0 is beside 1, but 3 is not beside 6.
    n_words = np.array([20, 3, 3, 20, 3, 3, 3])
    doc_of = np.array([0, 0, 0, 1, 1, 1, 1])
    pairs = np.array([[0, 3], [1, 6]])
    assert short_copies_alone(pairs, n_words, doc_of, 8, pairs).tolist() == [False, True]


def test_a_neighbour_pairing_with_the_other_document_backs_a_short_pair():
    # doc 0: [0 long, 1 short]; doc 1: [2 long, 3 short]; 0~2 and 1~3 are copies.
    n_words = np.array([20, 3, 20, 3])
    doc_of = np.array([0, 0, 1, 1])
    pairs = np.array([[0, 2], [1, 3]])
    assert short_copies_alone(pairs, n_words, doc_of, 8, pairs).tolist() == [False, False]
    # Without the long pair, the short one stands alone.
    assert short_copies_alone(pairs[1:], n_words, doc_of, 8, pairs[1:]).tolist() == [True]


def test_neighbours_that_go_are_skipped_as_the_output_reads():
    # doc 0: [0 "S", 1 "T"]; doc 1: [2 "S", 3 long copy of another line, 4 "T"]; 0~2 and 1~4 are copies.
    n_words = np.array([3, 3, 3, 20, 3])
    doc_of = np.array([0, 0, 1, 1, 1])
    pairs = np.array([[0, 2], [1, 4]])
    # In the input the long line stands between "S" and "T": nothing backs them.
    assert short_copies_alone(pairs, n_words, doc_of, 8, pairs).tolist() == [True, True]
    # Once it goes, "S" stands above "T" in both documents: each pair backs the other.
    kept = np.array([0, 1, 2, 4])
    assert short_copies_alone(pairs, n_words, doc_of, 8, pairs, kept).tolist() == [False, False]
    # A neighbour in another document is none, whatever goes between.
    assert short_copies_alone(pairs, n_words, np.array([0, 0, 1, 1, 2]), 8, pairs, kept).tolist() == [True, True]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 3), min_size=2, max_size=30))
def test_relinked_exact_copies_keep_the_first_copy_of_each_document(docs):
    """Law: every exact copy alone is linked to its document's first copy; each document keeps one."""
    doc_of = np.array(sorted(docs))
    n = len(doc_of)
    group = np.zeros(n, dtype=np.int64)  # one group: every paragraph is a copy of paragraph 0
    exact = np.stack([np.zeros(n - 1, dtype=np.int64), np.arange(1, n)], axis=1)
    linked = local_short_copies(exact, group, doc_of, np.ones(n - 1, dtype=bool))
    removed = set(linked[:, 1].tolist())
    for d in set(doc_of.tolist()):
        members = np.flatnonzero(doc_of == d).tolist()
        assert members[0] not in removed and set(members[1:]) <= removed
    assert all(doc_of[a] == doc_of[b] and a < b for a, b in linked.tolist())


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(0, 3), min_size=2, max_size=25),
    st.data(),
)
def test_short_copies_alone_is_the_pair_by_pair_reading(docs, data):
    n = len(docs)
    doc_of = np.array(sorted(docs))
    n_words = np.array(data.draw(st.lists(st.integers(1, 12), min_size=n, max_size=n)))
    ids = st.integers(0, n - 1)
    others = np.array(data.draw(st.lists(st.tuples(ids, ids), max_size=40)), dtype=np.int64).reshape(-1, 2)
    pairs = others[: data.draw(st.integers(0, len(others)))]
    min_words = data.draw(st.sampled_from([0, 4, 8]))
    # The neighbours as the output reads them: the nearest paragraphs that stay (None: every one stays).
    kept = data.draw(st.none() | st.sets(ids).map(lambda s: np.array(sorted(s), dtype=np.int64)))
    expected = short_copies_reference.short_copies_alone(pairs, n_words, doc_of, min_words, others, kept)
    assert short_copies_alone(pairs, n_words, doc_of, min_words, others, kept).tolist() == expected.tolist()


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Why the runner beans failed this summer", True),
        ("Leeks: a plain guide (2 hours ago)", True),
        ('"Sow them later," the committee said', True),
        ("The committee will sow the beans later.", False),
        ("Prizes for the heaviest marrow …", False),
        ("Prizes for the heaviest marrow [...]", False),
        ("Prizes for the heaviest marrow […]", False),
        ("Prizes for the heaviest marrow (…)", False),
    ],
)
def test_a_heading_does_not_end_a_sentence_or_a_cut(text, heading):
    assert is_heading(text) is heading


def test_a_title_inside_a_line_of_another_document_is_alone_without_backing():
    # doc 0: [0 title, 1 body]; doc 1: [2 link line holding the title, 3 other]; doc 2: [4 long line holding 0]
    n_words = np.array([6, 20, 12, 20, 40])
    doc_of = np.array([0, 0, 1, 1, 2])
    texts = {0: "Why the runner beans failed", 4: "x"}
    contained = np.array([[0, 2], [0, 4]])
    read = lambda ids: [texts[i] for i in ids.tolist()]  # noqa: E731
    assert lone_titles(contained, n_words, doc_of, read, contained).tolist() == [True, True]
    # The body beside the title recurs beside the link line: the copying goes on around it.
    backed = np.concatenate([contained, [[1, 3]]])
    assert lone_titles(contained, n_words, doc_of, read, backed).tolist() == [False, True]
    # A sentence is judged as before; so is a title inside a line of its own document.
    texts[0] = "The runner beans failed."
    assert lone_titles(contained, n_words, doc_of, read, contained).tolist() == [False, False]
    texts[1] = "Why the runner beans failed"
    assert lone_titles(np.array([[1, 0]]), np.array([20, 6, 1, 1, 1]), doc_of, read, contained).tolist() == [False]
