"""--keep: which copy of a cluster stays (golden cases, laws, validation)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import in_process
from nettoyeur import CleanConfig
from nettoyeur.api import run_paths
from nettoyeur.dedup.cluster import choose_keepers
from nettoyeur.dedup.keep import document_ranks, paragraph_ranks, parse_keep
from nettoyeur.errors import ConfigError

DATA = Path(__file__).resolve().parents[1] / "data"
CASES = json.loads((DATA / "keep_cases.json").read_text(encoding="utf-8"))
RULES = [case["keep"] for case in CASES["cases"]]


def write_records(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def kept_map(report: Path, records: list[dict]) -> dict[str, str]:
    """Returns removed record id -> the id of the record holding the kept copy."""
    by_key = {f"x.jsonl#{row:09d}": r["id"] for row, r in enumerate(records, start=1)}
    out = {}
    for line in report.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["reason"] in ("duplicate", "contained"):
            out[rec["id"]] = by_key[rec["kept_doc"]]
    return out


@pytest.mark.parametrize("case", CASES["cases"], ids=RULES)
def test_golden_keep_rules_on_records(tmp_path, case):
    src = write_records(tmp_path / "in" / "x.jsonl", CASES["records"])
    out = tmp_path / "out"
    config = CleanConfig(keep=case["keep"], boilerplate=False, workers=1)
    summary = run_paths(src.parent, out, config, quiet=True)
    assert kept_map(tmp_path / "out.report.jsonl", CASES["records"]) == case["kept"]
    assert summary["parameters"]["keep"] == case["keep"]
    records = [json.loads(x) for x in (tmp_path / "out.report.jsonl").read_text(encoding="utf-8").splitlines()]
    # The rule is each removal's evidence; the default leaves the report as it was.
    assert all(r.get("keep") == (None if case["keep"] == "first" else case["keep"]) for r in records)
    kept_texts = [json.loads(x)["text"] for x in (out / "x.jsonl").read_text(encoding="utf-8").splitlines()]
    removed = set(case["kept"])
    for rec, text in zip(CASES["records"], kept_texts):
        assert (text == "") == (rec["id"] in removed)  # the removed copy's record is emptied, the kept one whole


def test_longest_keeps_the_container_in_a_text_folder(tmp_path):
    short = CASES["records"][0]["text"]
    long = CASES["records"][1]["text"]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(short + "\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(long + "\n", encoding="utf-8")
    run_paths(tmp_path / "in", tmp_path / "out", CleanConfig(keep="longest", boilerplate=False, workers=1), quiet=True)
    assert (tmp_path / "out" / "b.txt").read_text(encoding="utf-8") == long + "\n"
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8").strip() == ""
    first = tmp_path / "first"
    run_paths(tmp_path / "in", first, CleanConfig(boilerplate=False, workers=1), quiet=True)
    assert (first / "a.txt").read_text(encoding="utf-8") == short + "\n"


def test_a_field_rule_is_refused_for_text_files_before_anything_is_written(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("one line\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="folder of text files"):
        run_paths(tmp_path / "in", tmp_path / "out", CleanConfig(keep="date:min"), quiet=True)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "bad,message",
    [
        ("newest", "not a rule"),
        ("date:avg", "not a rule"),
        ("src=a,,b", "empty value"),
        ("src=a,a", "twice"),
        ("", "not a rule"),
    ],
)
def test_invalid_keep_values_say_how_to_fix_them(bad, message):
    with pytest.raises(ConfigError, match=message):
        CleanConfig(keep=bad)
    if message == "not a rule":
        with pytest.raises(ConfigError, match="FIELD:min"):
            CleanConfig(keep=bad)


def test_cli_rejects_a_bad_keep_with_exit_code_2(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("x\n", encoding="utf-8")
    proc = in_process("clean", str(tmp_path / "in"), str(tmp_path / "out"), "--keep", "latest")
    assert proc.returncode == 2 and "FIELD:min" in proc.stderr


def test_document_ranks_order_numbers_text_and_missing():
    values = [3, None, "2024-01-02", 1.5, float("nan"), "2023-12-31", 3]
    ranks = document_ranks(parse_keep("f:min"), values).tolist()
    assert ranks == [1, 4, 3, 0, 4, 2, 1]  # numbers first, then text; missing (None, NaN) last
    ranks = document_ranks(parse_keep("f:max"), values).tolist()
    assert ranks == [2, 4, 0, 3, 4, 1, 2]  # reversed, missing still last
    ranks = document_ranks(parse_keep("f=b,a,3"), ["a", "zz", None, "b", 3.0]).tolist()
    assert ranks == [1, 3, 4, 0, 2]  # not listed after listed, missing after both


def test_paragraph_ranks_first_is_none_and_longest_prefers_more_words():
    n_words = np.array([3, 9, 9, 1])
    assert paragraph_ranks(parse_keep("first"), n_words) is None
    assert paragraph_ranks(parse_keep("longest"), n_words).tolist() == [-3, -9, -9, -1]
    ranks = paragraph_ranks(parse_keep("d:min"), n_words, np.array([0, 0, 1, 1]), ["2020", None])
    assert ranks.tolist() == [0, 0, 1, 1]


# ---------------------------------------------------------------- laws

N = 20
edges = st.lists(st.tuples(st.integers(0, N - 1), st.integers(0, N - 1)), max_size=30)


def _clusters(removals, n):
    keeper_of = {r.pid: r.target for r in removals if r.reason == "duplicate"}
    groups = defaultdict(set)
    for pid in range(n):
        groups[keeper_of.get(pid, pid)].add(pid)
    return groups


@settings(max_examples=200, deadline=None)
@given(edges, edges, edges, st.lists(st.integers(-5, 5), min_size=N, max_size=N))
def test_any_rank_keeps_one_copy_per_cluster_the_best_ranked_and_the_same_clusters(dups, contained, conflicts, rank):
    base = choose_keepers(N, dups, contained, conflicts)
    ranked = choose_keepers(N, dups, contained, conflicts, rank)
    removed = {r.pid for r in ranked}
    assert all(r.target not in removed and r.target != r.pid for r in ranked)  # every target is kept
    base_groups = {frozenset(g) for g in _clusters(base, N).values()}
    ranked_groups = _clusters(ranked, N)
    assert {frozenset(g) for g in ranked_groups.values()} == base_groups  # the rank never changes the clusters
    for keeper, members in ranked_groups.items():
        assert keeper == min(members, key=lambda p: (rank[p], p))  # one keeper: the smallest (rank, id)
    assert len(ranked) == len(base)  # a cluster loses all its members but one (or all: contained) either way
    assert {r.pid for r in ranked if r.reason == "contained"} == {r.pid for r in base if r.reason == "contained"}


def _many_records() -> list[dict]:
    """Forty records: the golden records repeated with other ids, dates and sources, so clusters cross shards."""
    out = []
    sources = ["news", "wiki", "blog", "forum"]
    for k in range(40):
        base = CASES["records"][k % len(CASES["records"])]
        rec = {"id": f"n{k:02d}", "text": base["text"], "src": sources[(k * 7) % 4]}
        if k % 5:
            rec["date"] = f"20{10 + (k * 13) % 15:02d}-0{1 + k % 9}-1{k % 10}"
        out.append(rec)
    return out


@pytest.mark.parametrize("rule", ["longest", "date:min", "date:max", "src=blog,wiki"])
def test_each_keep_rule_gives_the_same_bytes_for_1_and_2_workers(tmp_path, rule):
    records = _many_records()
    half = len(records) // 2
    write_records(tmp_path / "in" / "a.jsonl", records[:half])
    write_records(tmp_path / "in" / "b.jsonl", records[half:])
    runs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}"
        proc = subprocess.run(
            [sys.executable, "-m", "nettoyeur", "clean", str(tmp_path / "in"), str(out), "-q"]
            + ["--workers", workers, "--keep", rule],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": workers},
            timeout=300,
        )
        assert proc.returncode == 0, proc.stderr
        report = tmp_path / f"out{workers}.report.jsonl"
        runs.append([(out / n).read_bytes() for n in ("a.jsonl", "b.jsonl")] + [report.read_bytes()])
    assert runs[0] == runs[1]
    report = [json.loads(x) for x in runs[0][2].decode("utf-8").splitlines()]
    dups = [r for r in report if r["reason"] == "duplicate"]
    assert dups and all(r["keep"] == rule for r in dups)
    kept = {(r["kept_doc"], r["kept_line"]) for r in dups}
    assert not kept & {(r["file"], r["line"]) for r in dups}  # one keeper per cluster, never removed itself


@pytest.mark.parametrize("case", CASES["cases"], ids=RULES)
def test_the_in_memory_cleaner_keeps_the_same_copies(case):
    from nettoyeur.api import Cleaner

    cleaned = list(Cleaner(keep=case["keep"], boilerplate=False, workers=1).clean(CASES["records"]))
    ids = [r["id"] for r in CASES["records"]]
    got = {c.id: ids[r["kept_item"]] for c in cleaned for r in c.removed if r["reason"] in ("duplicate", "contained")}
    assert got == case["kept"]


def test_explain_names_the_keep_rule(tmp_path):
    src = write_records(tmp_path / "in" / "x.jsonl", CASES["records"])
    run_paths(src.parent, tmp_path / "out", CleanConfig(keep="date:min", boilerplate=False, workers=1), quiet=True)
    proc = in_process("explain", str(tmp_path / "out.report.jsonl"), "x.jsonl#000000001:1")
    assert proc.returncode == 0, proc.stderr
    why = "a copy of x.jsonl#000000002:1, the copy of the smallest date (ties: corpus order), which is kept"
    assert why in proc.stdout
