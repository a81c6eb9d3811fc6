"""The order candidate pairs are verified in (``stage.in_locality_order``, issue 18).

Pairs sharing paragraphs are put side by side so that a chunk of pairs reads fewer paragraphs;
the verdicts, clusters and evidence must not depend on it. These laws hold the order to a
permutation of the pairs, and the stage's decisions to those made in any other order.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nettoyeur._core import locality_order

from nettoyeur import CleanConfig
from nettoyeur.dedup import stage
from nettoyeur.dedup.stage import deduplicate, in_locality_order
from nettoyeur.records import Document
from nettoyeur.text.split import split_lines

PAIRS = json.loads((Path(__file__).parents[1] / "data" / "near_dup_pairs.json").read_text(encoding="utf-8"))["pairs"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=60))
def test_the_order_is_a_permutation_of_the_pairs(edges):
    pairs = np.array(edges, dtype=np.int64).reshape(-1, 2)
    ordered = in_locality_order(pairs)
    assert sorted(map(tuple, ordered.tolist())) == sorted(map(tuple, pairs.tolist()))
    order = locality_order(pairs.reshape(-1)).tolist()
    assert sorted(order) == list(range(len(pairs)))


def test_pairs_sharing_paragraphs_come_together():
    # A paragraph's copies (ids far apart in corpus order) between unrelated pairs.
    pairs = np.array([[0, 500], [1, 2], [3, 4], [0, 900], [5, 6], [500, 900]], dtype=np.int64)
    ordered = in_locality_order(pairs).tolist()
    assert ordered[:3] == [[0, 500], [0, 900], [500, 900]]


def test_the_order_refuses_odd_or_negative_ids():
    with pytest.raises(ValueError):
        locality_order(np.array([1, 2, 3], dtype=np.int64))
    with pytest.raises(ValueError):
        locality_order(np.array([1, -2], dtype=np.int64))


def _docs() -> list[Document]:
    """Documents holding each golden pair's sides in other places, with shuffled neighbours."""
    rng = random.Random(7)
    sides = [(p["a"], p["b"]) for p in PAIRS]
    docs = []
    for k in range(6):
        chosen = rng.sample(sides, len(sides) // 2)
        paragraphs = [rng.choice(side) for side in chosen]
        lines, paras = split_lines("\n".join(paragraphs) + "\n")
        docs.append(Document(path=f"d{k}.txt", lines=lines, paragraphs=paras))
    return docs


def _decisions(monkeypatch, order) -> list:
    monkeypatch.setattr(stage, "in_locality_order", order)
    docs = _docs()
    stats = deduplicate(docs, CleanConfig(workers=1))
    verdicts = [(d.path, p.line, p.verdict) for d in docs for p in d.paragraphs]
    return [verdicts, stats.contained_reported, stats.verified, stats.conflicts, stats.verified_duplicates]


def test_decisions_do_not_depend_on_the_order_of_the_pairs(monkeypatch):
    ordered = _decisions(monkeypatch, in_locality_order)
    assert _decisions(monkeypatch, lambda pairs: pairs) == ordered
    assert _decisions(monkeypatch, lambda pairs: pairs[::-1].copy()) == ordered
    verdicts = ordered[0]
    assert sum(v is not None for _, _, v in verdicts) > 10 and ordered[3] > 0  # copies and conflicts: it could fail
