"""Verification of candidate pairs, on the golden pairs of tests/data/dedup_pairs.json.

Each golden pair is checked twice: by :func:`verify` alone, and through the whole dedup
stage (signatures, LSH, verification, clustering) with the two paragraphs in two files.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nettoyeur import CleanConfig, clean_folder
from nettoyeur.dedup.shingle import fact_flags, shingle_hashes, words
from nettoyeur.dedup.stage import deduplicate
from nettoyeur.dedup.verify import _lexical_class, compare, jaccard, verify
from nettoyeur.records import Document
from nettoyeur.text.split import split_lines
from verify_reference import is_typo

DATA = json.loads((Path(__file__).parents[1] / "data" / "dedup_pairs.json").read_text(encoding="utf-8"))
PAIRS = DATA["pairs"]
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
CONFIG = CleanConfig()


def _verify(a: str, b: str, config: CleanConfig = CONFIG):
    ta, tb = words(a), words(b)
    return verify(
        ta, tb, shingle_hashes(ta, config.ngram), shingle_hashes(tb, config.ngram), config, fact_flags(a), fact_flags(b)
    )


def _expected_kind(pair: dict) -> set:
    if pair["label"] == "merge-duplicate":
        return {"duplicate"}
    if pair["label"] == "merge-contained":
        return {"contained"} if pair["removable"] else {"quoted"}
    return {None, "different"}


def _doc(path: str, *paragraphs: str) -> Document:
    lines, paras = split_lines("\n".join(paragraphs) + "\n")
    return Document(path=path, lines=lines, paragraphs=paras)


def test_golden_file_covers_every_kind():
    labels = {p["label"] for p in PAIRS}
    assert labels == {"merge-duplicate", "merge-contained", "must-not-merge"}
    assert {p["lang"] for p in PAIRS} >= {"fr", "en", "de"}
    assert len({p["id"] for p in PAIRS}) == len(PAIRS)
    contained = [p for p in PAIRS if p["label"] == "merge-contained"]
    assert {p["removable"] for p in contained} == {True, False}


@pytest.mark.parametrize("pair", PAIRS, ids=[p["id"] for p in PAIRS])
def test_verify_golden_pair(pair):
    for a, b in ((pair["a"], pair["b"]), (pair["b"], pair["a"])):  # the verdict is symmetric
        match = _verify(a, b)
        assert (match.kind if match else None) in _expected_kind(pair), pair["edit"]


@pytest.mark.parametrize("pair", PAIRS, ids=[p["id"] for p in PAIRS])
def test_golden_pair_through_dedup(pair):
    """The pair in two files: what is removed, what it points at, what is reported."""
    for first, second in ((pair["a"], pair["b"]), (pair["b"], pair["a"])):
        docs = [_doc("one.txt", first), _doc("two.txt", second)]
        stats = deduplicate(docs, CONFIG)
        removed = [(d.path, p) for d in docs for p in d.paragraphs if not p.kept]
        reported = stats.contained_reported
        if pair["label"] == "merge-duplicate":
            assert len(removed) == 1 and not reported
            path, p = removed[0]
            assert (path, p.verdict.reason) == ("two.txt", "duplicate")  # the first copy in corpus order stays
            assert (p.verdict.kept_doc, p.verdict.kept_line) == ("one.txt", 1)
            assert p.verdict.jaccard == pytest.approx(_verify(first, second).jaccard)
        elif pair["label"] == "merge-contained" and pair["removable"]:
            assert len(removed) == 1 and not reported
            path, p = removed[0]
            assert p.text == pair["b"] and p.verdict.reason == "contained"  # b is the shorter one
            assert p.verdict.kept_text == pair["a"]
        elif pair["label"] == "merge-contained":
            assert not removed
            assert [(r["text"], r["kept_text"], r["reason"]) for r in reported] == [(pair["b"], pair["a"], "contained")]
        else:
            assert not removed and not reported


@pytest.mark.parametrize("mode", ["report", "off"])
def test_containment_modes_keep_cut_copies(mode):
    pair = next(p for p in PAIRS if p["label"] == "merge-contained" and p["removable"])
    docs = [_doc("one.txt", pair["a"]), _doc("two.txt", pair["b"])]
    stats = deduplicate(docs, CONFIG.replace(containment=mode))
    assert all(p.kept for d in docs for p in d.paragraphs)
    assert len(stats.contained_reported) == (1 if mode == "report" else 0)


@pytest.mark.parametrize("case", DATA["typos"], ids=[f"{c['a']}-{c['b']}" for c in DATA["typos"]])
def test_is_typo(case):
    assert is_typo(case["a"], case["b"]) is case["typo"], case["why"]
    assert is_typo(case["b"], case["a"]) is case["typo"]
    if _lexical_class(case["a"]) is None and _lexical_class(case["b"]) is None:
        # The core's verdict on the same word replaced inside a sentence: matched when a typo.
        a, b = ["we", case["a"], "here"], ["we", case["b"], "here"]
        assert (compare(a, b, [False] * 3, [False] * 3).matched == 3) is case["typo"]


def test_compare_counts_gaps_and_changes():
    base = words("one two three four five six seven eight nine ten eleven twelve")
    assert compare(base, base) == compare(base, list(base))
    assert compare(base, base).gaps == 0 and compare(base, base).matched == len(base)
    cut = compare(base[:7], base)  # truncated: one gap at the end
    assert (cut.matched, cut.gaps, cut.changes) == (7, 1, 0)
    middle = compare(base[3:8], base)  # a passage from the middle: a gap on each side
    assert (middle.matched, middle.gaps, middle.changes) == (5, 2, 0)
    swapped = base[:5] + ["other"] + base[6:]  # one word replaced inside
    assert compare(base, swapped).changes == 1
    assert compare(base, swapped, [False] * 12, [False] * 12).fact_change is False
    assert compare(base, swapped).fact_change is True  # without flags every word counts as a fact
    inserted = base[:5] + ["not"] + base[5:]
    assert compare(base, inserted).changes == 1  # a word added inside changes the statement
    edge = ["agency"] + base
    assert compare(base, edge).changes == 0  # a word added at the very start is a label


_HASHES = st.integers(0, 2**32 - 1) | st.integers(0, 20)  # small values: sets that overlap


@given(st.sets(_HASHES, max_size=60), st.sets(_HASHES, max_size=60))
def test_jaccard_is_exact(a, b):
    arr_a = np.array(sorted(a), dtype=np.uint32)
    arr_b = np.array(sorted(b), dtype=np.uint32)
    expected = len(a & b) / len(a | b) if a | b else 1.0
    assert jaccard(arr_a, arr_b) == expected  # the same division of the same counts


def test_short_paragraphs_are_compared_exactly_never_merged_by_empty_signatures():
    # Fewer words than a shingle: no signature. Distinct ones all stay; copies that differ
    # only in case or punctuation are duplicates; symbols-only lines are never touched.
    docs = [
        _doc("a.txt", "Contact", "Teil 1", "Sommer", "***", "Read more"),
        _doc("b.txt", "Impressum", "Teil 2", "Winter", "***", "Read less"),
        _doc("c.txt", "CONTACT!", "teil 1", "—"),
    ]
    deduplicate(docs, CONFIG)
    removed = {(d.path, p.text): p.verdict for d in docs for p in d.paragraphs if not p.kept}
    assert set(removed) == {("c.txt", "CONTACT!"), ("c.txt", "teil 1")}
    assert {(v.reason, v.kept_doc, v.kept_line) for v in removed.values()} == {
        ("duplicate", "a.txt", 1),
        ("duplicate", "a.txt", 2),
    }


def test_every_removal_is_verified_by_exact_jaccard():
    dup = next(p for p in PAIRS if p["id"] == "en-typos")
    docs = [_doc("a.txt", dup["a"]), _doc("b.txt", dup["b"])]
    deduplicate(docs, CONFIG)
    verdict = docs[1].paragraphs[0].verdict
    sa = shingle_hashes(words(dup["a"]), CONFIG.ngram)
    sb = shingle_hashes(words(dup["b"]), CONFIG.ngram)
    assert verdict.jaccard == pytest.approx(round(len(np.intersect1d(sa, sb)) / len(np.union1d(sa, sb)), 4), abs=1e-4)
    assert verdict.estimated is not None and abs(verdict.estimated - verdict.jaccard) < 0.3


def _dedup_records(out: Path) -> list[dict]:
    records = [json.loads(line) for line in (out.parent / (out.name + ".report.jsonl")).read_text().splitlines()]
    return [r for r in records if r["reason"] in ("duplicate", "contained")]


def test_samples_acceptance(tmp_path):
    out = tmp_path / "out"
    clean_folder(SAMPLES, out, CleanConfig(), quiet=True)
    records = _dedup_records(out)
    removed = [r for r in records if r.get("removed", True)]
    kept_reports = [r for r in records if r.get("removed", True) is False]
    s003 = "003_1c1e1b104e9e9f05.txt"
    found = sorted((r["file"], r["line"], r["reason"], r["kept_doc"], r["kept_line"], r["jaccard"]) for r in removed)
    assert found == [(s003, line, "duplicate", s003, line - 7, 1.0) for line in range(9, 16)]
    s000, s001 = "000_fcd55595d88d614d.txt", "001_28e2ffa53ec5a871.txt"
    assert sorted((r["file"], r["line"], r["kept_doc"], r["kept_line"]) for r in kept_reports) == [
        (s000, 9, s000, 17),
        (s000, 19, s001, 15),
    ]
    for line in (9, 19):  # reported, and still in the output
        text = next(r["text"] for r in kept_reports if r["line"] == line)
        assert text in (out / s000).read_text(encoding="utf-8")
