"""Linear cost on templated corpora: families settle fact variants, candidates are bounded.

* golden cases (tests/data/template_families.json) of :func:`families`: which pairs are
  variants of one family (other numbers at the same places: a conflict without alignment),
  and which must still be verified (names, typos, no number, another layout);
* laws: fact variants are never merged, not even through a third paragraph close to both;
  planted copies are removed; the output is byte-identical for 1 and 2 workers;
* the verifications of a family grow linearly with its size (counted, not timed);
* :func:`bound_candidates` keeps exactly the pairs among the best of either end.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import clean, tree_bytes
from corpusgen import prose, write_tree
from nettoyeur import CleanConfig
from nettoyeur.dedup import stage
from nettoyeur.dedup.analysis import (
    analyse_for,
    bound_candidates,
    components,
    counted_candidate_pairs,
    exact_groups,
    families,
)
from nettoyeur.dedup.cluster import choose_keepers
from nettoyeur.dedup.shingle import fact_flags, words
from nettoyeur.dedup.stage import decide
from nettoyeur.scratch.paragraphs import MemoryTexts

DATA = json.loads((Path(__file__).parents[1] / "data" / "template_families.json").read_text(encoding="utf-8"))


def fill(template: str, rng: random.Random) -> str:
    """Fills a template's slots: numbers, and names from the fixture's list."""
    out = template
    while "{n}" in out:
        out = out.replace("{n}", str(rng.randint(1, 99_999)), 1)
    while "{name}" in out:
        out = out.replace("{name}", rng.choice(DATA["names"]), 1)
    return out


def typo(text: str, rng: random.Random) -> str:
    """Swaps two different neighbouring letters inside a lower-case word of 6+ letters (not a fact)."""
    words = text.split(" ")
    fit = [i for i, w in enumerate(words) if w.isalpha() and w.islower() and len(w) >= 6]
    i = rng.choice(fit)
    w = words[i]
    k = next(j for j in range(1, len(w) - 2) if w[j] != w[j + 1])
    words[i] = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
    return " ".join(words)


def family_corpus(variants: int, copies: int, seed: int = 1) -> tuple[list[str], list[list[int]]]:
    """Every template with ``variants`` variants, ``copies`` exact and ``copies`` near copies each, shuffled.

    Returns:
        the paragraphs, and per variant its position followed by its copies' positions.
    """
    rng = random.Random(seed)
    texts: list[str] = []
    groups: list[list[int]] = []
    for template in DATA["templates"]:
        first = len(groups)
        seen: set[str] = set()
        while len(seen) < variants:
            text = fill(template["text"], rng)
            if text not in seen:
                seen.add(text)
                groups.append([len(texts)])
                texts.append(text)
        for k, g in enumerate(rng.sample(range(first, len(groups)), 2 * copies)):
            original = texts[groups[g][0]]
            copy = original.upper() if k < copies else typo(original, rng)
            groups[g].append(len(texts))
            texts.append(copy)
    order = list(range(len(texts)))
    rng.shuffle(order)
    position = {old: new for new, old in enumerate(order)}
    return [texts[i] for i in order], [[position[i] for i in g] for g in groups]


def _decide(texts: list[str], workers: int = 1):
    config = CleanConfig()
    return decide(analyse_for(texts, config), config, MemoryTexts(texts), workers)


# --- golden cases -----------------------------------------------------------------------------------


def test_families_golden_pairs():
    for case in DATA["pairs"]:
        analysis = analyse_for([case["a"], case["b"]], CleanConfig())
        family, variant = families(analysis, exact_groups(analysis))
        assert bool(family[0] == family[1]) == case["same_family"], case["why"]
        assert bool(variant[0] == variant[1]) == case["same_variant"], case["why"]


def test_numbers_are_facts_for_verification_too():
    """The masked keys (sign.rs' masked_key) read numbers (words with a digit) from the character table.

    fact_flags must agree.
    """
    rng = random.Random(4)
    for template in DATA["templates"]:
        text = fill(template["text"], rng) + " 3D 2o19 ٣٤ x2"
        for word, fact in zip(words(text), fact_flags(text)):
            if any(c.isdigit() for c in word):
                assert fact, word


def test_exact_copies_and_wordless_paragraphs_are_their_own_family():
    texts = ["Arveno won 3-1 on matchday 12 at home today.", "ARVENO won 3-1  on matchday 12 at home today.", "", "..."]
    analysis = analyse_for(texts, CleanConfig())
    family, variant = families(analysis, exact_groups(analysis))
    assert family.tolist() == [0, 1, 2, 3] and variant.tolist() == [0, 1, 2, 3]


# --- clustering with families -----------------------------------------------------------------------


def test_choose_keepers_never_joins_two_variants_of_a_family():
    # 2 is a near copy of both 0 and 1 (cut before their numbers); 0 and 1 are variants.
    removals = choose_keepers(3, [(0, 2), (1, 2)], families={0: (0, 0), 1: (0, 1)})
    assert [(r.pid, r.target) for r in removals] == [(2, 0)]
    # The same variant (same numbers, e.g. a name typo) may merge, once verified a duplicate.
    removals = choose_keepers(3, [(0, 1)], families={0: (0, 0), 1: (0, 0)})
    assert [(r.pid, r.target) for r in removals] == [(1, 0)]
    # A cluster carries its members' variants: 3 joins 0's cluster, then 1 may not join it through 3.
    removals = choose_keepers(4, [(0, 3), (1, 3)], families={0: (0, 0), 1: (0, 1)})
    assert [(r.pid, r.target) for r in removals] == [(3, 0)]


# --- laws ---------------------------------------------------------------------------------------------


def test_templated_corpus_keeps_every_variant_and_removes_every_copy():
    texts, groups = family_corpus(60, 4)
    decision = _decide(texts)
    removed = set(decision.pid)
    for g in groups:
        assert sum(i not in removed for i in g) == 1, [texts[i] for i in g]
    assert decision.stats.implied > 0


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 9999), st.integers(1, 9999))
def test_a_near_copy_of_two_variants_never_chains_them(seed, x, y):
    """A and B differ in one number; C (A cut before it) is a near copy of both: A and B both stay."""
    if x == y:
        y = x + 1
    base = prose(random.Random(seed), 40)
    a, b, c = f"{base} on day {x}", f"{base} on day {y}", f"{base} on day"
    decision = _decide([a, b, c])
    assert 0 not in decision.pid and 1 not in decision.pid


def test_templated_output_identical_for_one_and_two_workers(tmp_path: Path):
    texts, _ = family_corpus(40, 3, seed=2)
    files = {f"f{k:03d}.txt": "\n".join(texts[k : k + 10]) + "\n" for k in range(0, len(texts), 10)}
    src = write_tree(tmp_path / "in", files)
    one = clean(src, tmp_path / "one", CleanConfig(workers=1, boilerplate=False))
    two = clean(src, tmp_path / "two", CleanConfig(workers=2, boilerplate=False))
    assert tree_bytes(one.out) == tree_bytes(two.out)
    assert one.report.read_bytes() == two.report.read_bytes()
    assert one.summary["stages"]["verified"] < one.summary["stages"]["paragraphs"]


# --- linear cost ----------------------------------------------------------------------------------------


def test_verifications_of_a_family_grow_linearly():
    """Doubling the families doubles the verifications at most (their candidates grow faster)."""
    counts, unsettled = {}, {}
    for n in (50, 100, 200):
        texts, _ = family_corpus(n, n // 10, seed=3)
        counts[n] = _decide(texts).stats
        analysis = analyse_for(texts, CleanConfig())
        unsettled[n] = len(counted_candidate_pairs(analysis, exact_groups(analysis), True).pairs)
    for small, large in ((50, 100), (100, 200)):
        assert counts[large].verified <= 2.5 * counts[small].verified + 16
        # Without families the candidates grow faster (quadratically, but for LSH buckets of
        # over 64 members, which become stars): the test is not vacuous.
        assert unsettled[large] > 2.2 * unsettled[small]
    for n, stats in counts.items():
        # Every verified pair involves a near copy (4 templates x n/10 each): a few per copy.
        assert 0 < stats.verified <= 4 * (4 * n // 10)
        assert stats.implied > 10 * stats.verified


# --- the bound ------------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12), st.integers(0, 5)), max_size=60), st.integers(1, 4))
def test_bound_keeps_the_best_of_either_end(edges, limit):
    scores = {}
    for a, b, s in edges:
        if a != b:
            scores[(min(a, b), max(a, b))] = s
    pairs = np.array(sorted(scores), dtype=np.int64).reshape(-1, 2)
    agreement = np.array([scores[p] for p in sorted(scores)], dtype=np.uint8)
    shared = np.full(len(pairs), 1, dtype=np.uint8)
    ids = np.arange(13)
    got = bound_candidates(pairs, agreement, shared, ids, ids, limit)
    expected = set()
    for node in range(13):
        for kind in (True, False):  # band pairs and anchor-only pairs have budgets of their own
            mine = [(p, -(scores[p] if kind else 1), p[1] if p[0] == node else p[0]) for p in scores]
            mine = [m for m in mine if node in m[0] and (scores[m[0]] > 0) == kind]
            expected.update(p for p, _, _ in sorted(mine, key=lambda m: (m[1], m[2]))[:limit])
    assert {tuple(p) for p in got.pairs.tolist()} == expected
    assert got.beyond == len(scores) - len(expected)


def test_pairs_read_from_a_temporary_file_give_the_same_decision(monkeypatch):
    texts, _ = family_corpus(30, 3, seed=5)
    expected = _decide(texts)
    monkeypatch.setattr(stage, "PAIRS_IN_MEMORY", 1)
    spilled = _decide(texts, workers=2)
    assert expected.stats.verified > 1
    assert (spilled.pid, spilled.target, spilled.reason) == (expected.pid, expected.target, expected.reason)


pid_pairs = st.lists(st.tuples(st.integers(0, 14), st.integers(0, 14)).filter(lambda p: p[0] != p[1]), max_size=25)


@settings(max_examples=200, deadline=None)
@given(pid_pairs, pid_pairs, pid_pairs, st.lists(st.integers(0, 3), min_size=15, max_size=15), st.booleans())
def test_conflicts_outside_clusters_change_nothing(duplicates, contained, conflicts, rank, labelled):
    # Only the conflicts between paragraphs that a chain of duplicate or containment pairs joins
    # can stop a merge or a containment: choose_keepers decides the same with those alone.
    families = {pid: (pid % 3, pid % 2) for pid in range(0, 15, 2)} if labelled else None
    dup = np.array(duplicates, dtype=np.int64).reshape(-1, 2)
    inside = np.array(contained, dtype=np.int64).reshape(-1, 2)
    within = stage.conflicts_within_clusters(np.array(conflicts, dtype=np.int64).reshape(-1, 2), dup, inside)
    labels = components(15, np.concatenate([dup, inside]))
    assert {tuple(p) for p in within.tolist()} == {p for p in conflicts if labels[p[0]] == labels[p[1]]}
    kept = [tuple(p) for p in within.tolist()]
    for ranks in (None, rank):
        expected = choose_keepers(15, duplicates, contained, conflicts, ranks, families)
        assert choose_keepers(15, duplicates, contained, kept, ranks, families) == expected


def test_small_vocabulary_conflicts_are_counted_but_not_clustered(monkeypatch):
    # Short lines from a small vocabulary: most verified pairs conflict, between lines without copies.
    rng = random.Random(2)
    vocab = "dorn ekko falun gessa hollit iver".split()
    texts = [" ".join(rng.choice(vocab) for _ in range(rng.randint(8, 10))) for _ in range(300)]
    texts += [t.replace(t.split()[3], t.split()[3] + "s", 1) for t in texts[:300:7]]
    seen = {}
    original = stage.keepers

    def spy(n, duplicates, contained, conflicts, *args, **kwargs):
        seen["n"], seen["conflicts"] = n, conflicts.tolist()
        return original(n, duplicates, contained, conflicts, *args, **kwargs)

    monkeypatch.setattr(stage, "keepers", spy)
    decision = _decide(texts)
    assert decision.stats.conflicts > 500  # counted in the summary as before
    assert len(seen["conflicts"]) < decision.stats.conflicts // 10
    assert seen["n"] < len(texts) // 4  # the clustering's table holds the paragraphs with copies
