"""The Ray engine writes what the local engine writes; its shuffle kernels match the local algorithms.

The kernels (partitioned candidate pairs, large-star/small-star components) are tested
without Ray, through the local executor; the engine itself on a 2-CPU Ray instance
started once for the module (skipped where Ray is not installed).
"""

from __future__ import annotations

import copy
import hashlib
import json
import random
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from cluster_reference import UnionFind
from nettoyeur import CleanConfig, clean_folder
from nettoyeur.cli.main import main
from nettoyeur.corpus.atomic import write_atomic
from nettoyeur.corpus.folder_reader import check_locations
from nettoyeur.corpus.sources import folder_pair
from nettoyeur.dedup.analysis import (
    Analysis,
    analyse_for,
    candidate_pairs,
    counted_candidate_pairs,
    exact_groups,
    families,
)
from nettoyeur.dedup.cluster import choose_keepers
from nettoyeur.dedup.key_partitions import (
    BatchKeys,
    counted_partitioned_candidates,
    split_analysis,
)
from nettoyeur.dedup.star_components import cluster_edges, star_components
from nettoyeur.errors import ConfigError, InputError, MissingExtraError
from nettoyeur.executors.choose import check_engine, make_executor
from nettoyeur.executors.local import LocalExecutor
from nettoyeur.records import Document, Skip
from nettoyeur.report.report_file import default_report_path, read_checksums
from nettoyeur.run.streaming import run
from nettoyeur.text.split import join_kept, split_lines

DATA = Path(__file__).parents[1] / "data" / "ray_corpus.json"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


# --- the golden corpus ------------------------------------------------------------------------


def build_corpus(root: Path) -> dict:
    """Writes the corpus of ray_corpus.json under ``root``; returns the spec."""
    spec = json.loads(DATA.read_text("utf-8"))
    rng = random.Random(spec["seed"])
    words = spec["filler_words"]

    def resolve(text: str) -> str:
        return spec["paragraphs"][text[1:]] if text.startswith("@") else text

    for doc in spec["documents"]:
        paragraphs = [resolve(p) for p in doc.get("paragraphs", [])]
        for _ in range(doc.get("filler", 0)):
            text = " ".join(rng.choice(words) for _ in range(rng.randint(25, 60)))
            paragraphs.append(text[:1].upper() + text[1:] + ".")
        lines = spec["chrome"]["header"] + paragraphs + spec["chrome"]["footer"]
        path = root / doc["path"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(("\n\n".join(lines) + "\n").encode(doc.get("encoding", "utf-8")))
    for name in spec["binary"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(bytes(range(256)) * 8)
    return spec


def tree(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def summary(out: Path) -> dict:
    data = json.loads(out.with_name(out.name + ".summary.json").read_text("utf-8"))
    data["checksums"] = read_checksums(data)  # its file's name varies with OUT's
    for varying in ("seconds", "stage_seconds", "output", "report", "checksums_file"):
        data.pop(varying)
    return data


def report(out: Path) -> bytes:
    return out.with_name(out.name + ".report.jsonl").read_bytes()


def check_expectations(spec: dict, out: Path) -> None:
    for case in spec["expectations"]:
        text = case["contains"]
        text = spec["paragraphs"][text[1:]] if text.startswith("@") else text
        content = (out / case["file"]).read_text("utf-8")
        assert (text in content) == case["present"], case["label"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus") / "in"
    spec = build_corpus(root)
    return root, spec


# --- kernels, without Ray --------------------------------------------------------------------


def _kernel_texts() -> list[str]:
    """Paragraphs with planted near copies, exact copies, cut copies and one big bucket of near copies."""
    rng = random.Random(3)
    vocab = [f"w{i}" for i in range(400)]
    base = [" ".join(rng.choice(vocab) for _ in range(rng.randint(12, 40))) for _ in range(120)]
    texts = list(base)
    for i in range(0, 120, 7):  # near copy: one word changed
        words = base[i].split()
        words[len(words) // 2] = "changed"
        texts.append(" ".join(words))
    for i in range(3, 120, 11):  # exact copy (other case): an exact group, never a candidate
        texts.append(base[i].upper())
    for i in range(5, 120, 13):  # cut copy: a containment candidate
        words = base[i].split()
        texts.append(" ".join(words[: max(9, len(words) * 2 // 3)]))
    long = " ".join(rng.choice(vocab) for _ in range(60))
    for k in range(70):  # one band bucket past MAX_BUCKET_PAIRS members: a star, not all pairs
        texts.append(long + f" tail{k}")
    rng.shuffle(texts)
    return texts


KERNEL_TEXTS = _kernel_texts()


@settings(max_examples=30, deadline=None)
@given(
    parts=st.integers(1, 5),
    cuts=st.lists(st.integers(0, len(KERNEL_TEXTS)), max_size=5),
    containment=st.sampled_from(["remove", "off"]),
)
def test_partitioned_candidates_equal_local_candidates(parts, cuts, containment):
    config = CleanConfig(containment=containment)
    bounds = sorted(set(cuts) | {0, len(KERNEL_TEXTS)})
    shards = [analyse_for(KERNEL_TEXTS[lo:hi], config) for lo, hi in zip(bounds, bounds[1:])]
    # concat consumes its parts: concatenate copies, the shards are split below
    full = Analysis.concat([copy.deepcopy(s) for s in shards], config.bands_rows[0])
    group = exact_groups(full)
    _, expected = candidate_pairs(full, group, containment != "off")

    keys = BatchKeys(parts)
    for shard in shards:
        rest, counts, bands, anchors = split_analysis(shard, parts)
        assert rest.band_keys.shape[1] == 0 and len(rest.anchor_keys) == 0  # nothing heavy stays
        keys.add(len(shard), counts, bands, anchors)
    first = group == np.arange(len(group))
    counts = np.concatenate(keys.anchor_counts)
    got = counted_partitioned_candidates(LocalExecutor(1), keys, first, containment != "off", counts)[0]

    assert len(expected) > 100  # the planted copies are there to be found
    assert got.dtype == np.int64 and np.array_equal(got, expected)


def _synthetic_shard(rng: np.random.Generator, n: int, bands: int, key_range: int, anchor_range: int) -> Analysis:
    """An analysis with keys from tiny ranges: every band and anchor bucket collides, some past 64 members."""
    n_words = rng.integers(0, 40, n).astype(np.int32)
    word_key = rng.integers(0, max(1, n), n).astype(np.uint64)  # repeats: exact groups
    signed = np.flatnonzero((n_words > 0) & (rng.random(n) < 0.85)).astype(np.int64)
    band_keys = rng.integers(0, key_range, (len(signed), bands)).astype(np.uint64)
    owners, keys = [], []
    for pid in signed.tolist():
        mine = np.sort(rng.choice(anchor_range, size=int(rng.integers(0, 6)), replace=False))
        keys.append(mine.astype(np.uint32))
        owners.append(np.full(len(mine), pid, dtype=np.int64))
    return Analysis(
        n_words,
        np.stack([word_key, word_key], axis=1),
        signed,
        band_keys,
        np.concatenate(keys) if keys else np.empty(0, dtype=np.uint32),
        np.concatenate(owners) if owners else np.empty(0, dtype=np.int64),
    )


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    sizes=st.lists(st.integers(0, 60), min_size=1, max_size=6),
    parts=st.integers(1, 6),
    key_range=st.sampled_from([2, 5, 40]),
)
def test_partitioned_candidates_equal_local_on_colliding_keys(seed, sizes, parts, key_range):
    rng = np.random.default_rng(seed)
    bands = 4
    shards = [_synthetic_shard(rng, n, bands, key_range, anchor_range=12) for n in sizes]
    full = Analysis.concat([copy.deepcopy(s) for s in shards], bands)  # concat consumes its parts
    group = exact_groups(full)
    _, expected = candidate_pairs(full, group, True)
    keys = BatchKeys(parts)
    for shard in shards:
        _, counts, band_chunks, anchor_chunks = split_analysis(shard, parts)
        keys.add(len(shard), counts, band_chunks, anchor_chunks)
    first = group == np.arange(len(group))
    got = counted_partitioned_candidates(LocalExecutor(1), keys, first, True, np.concatenate(keys.anchor_counts))[0]
    assert np.array_equal(got, expected)



def _crowded_texts() -> list[str]:
    """Short lines from a 6-word vocabulary (most lines a candidate of more than 8 others, band and
    anchor pairs alike), a template family with numbers (pairs that families settle), near and exact copies."""
    rng = random.Random(8)
    vocab = "dorn ekko falun gessa hollit iver".split()
    texts = [" ".join(rng.choice(vocab) for _ in range(rng.randint(8, 10))) for _ in range(300)]
    texts += [f"Result {rng.randint(1, 99)} to {rng.randint(1, 99)} for the team of the north valley today"
              for _ in range(40)]
    texts += [t.replace(t.split()[2], t.split()[2] + "s", 1) for t in texts[:300:9]]  # near copies
    texts += [t.upper() for t in texts[5:300:17]]  # exact copies
    rng.shuffle(texts)
    return texts


CROWDED_TEXTS = _crowded_texts()


def _counted_on_partitions(shards: list[Analysis], group: np.ndarray, parts: int, anchors: bool, settled):
    keys = BatchKeys(parts)
    for shard in shards:
        _, counts, band_chunks, anchor_chunks = split_analysis(shard, parts)
        keys.add(len(shard), counts, band_chunks, anchor_chunks)
    first = group == np.arange(len(group))
    counts = np.concatenate(keys.anchor_counts)
    return counted_partitioned_candidates(LocalExecutor(1), keys, first, anchors, counts, settled)


@settings(max_examples=25, deadline=None)
@given(
    parts=st.integers(1, 5),
    cuts=st.lists(st.integers(0, len(CROWDED_TEXTS)), max_size=5),
    containment=st.sampled_from(["remove", "off"]),
    settle=st.booleans(),
)
def test_counted_partitioned_candidates_equal_local(parts, cuts, containment, settle):
    # The same pairs, band agreement, shared anchors and settled count as the local engine:
    # bound_candidates then keeps the same pairs on both engines.
    config = CleanConfig(containment=containment)
    bounds = sorted(set(cuts) | {0, len(CROWDED_TEXTS)})
    shards = [analyse_for(CROWDED_TEXTS[lo:hi], config) for lo, hi in zip(bounds, bounds[1:])]
    full = Analysis.concat([copy.deepcopy(s) for s in shards], config.bands_rows[0])
    group = exact_groups(full)
    settled = families(full, group) if settle else None
    expected = counted_candidate_pairs(full, group, containment != "off", settled=settled)
    pairs, agreement, shared, implied = _counted_on_partitions(shards, group, parts, containment != "off", settled)

    degree = np.bincount(expected.pairs.reshape(-1), minlength=len(full))
    assert (degree > 8).sum() > 10  # the bound has work to do
    assert (expected.implied > 0) == settle  # the template family's pairs are settled
    assert (expected.agreement > 1).any() and (expected.agreement == 0).any() == (containment != "off")
    assert np.array_equal(pairs, expected.pairs)
    assert agreement.dtype == shared.dtype == np.uint8
    assert np.array_equal(agreement, expected.agreement) and np.array_equal(shared, expected.shared)
    assert implied == expected.implied


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    sizes=st.lists(st.integers(0, 90), min_size=1, max_size=5),
    parts=st.integers(1, 6),
    key_range=st.sampled_from([1, 2, 5, 40]),
    labels=st.sampled_from([1, 2, 6]),
)
def test_counted_partitioned_candidates_equal_local_on_colliding_keys(seed, sizes, parts, key_range, labels):
    # Buckets past MAX_BUCKET_PAIRS members of one family (a star per variant) or of several.
    rng = np.random.default_rng(seed)
    bands = 4
    shards = [_synthetic_shard(rng, n, bands, key_range, anchor_range=12) for n in sizes]
    full = Analysis.concat([copy.deepcopy(s) for s in shards], bands)
    group = exact_groups(full)
    family = rng.integers(0, labels, len(full)).astype(np.int64)
    variant = rng.integers(0, 3, len(full)).astype(np.int64)
    expected = counted_candidate_pairs(full, group, True, settled=(family, variant))
    pairs, agreement, shared, implied = _counted_on_partitions(shards, group, parts, True, (family, variant))
    assert np.array_equal(pairs, expected.pairs)
    assert np.array_equal(agreement, expected.agreement) and np.array_equal(shared, expected.shared)
    assert implied == expected.implied

@pytest.mark.parametrize("members", [256, 257])
def test_partitioned_anchor_bucket_size_limit(members):
    # One anchor shared by every paragraph, distinct band keys: the bucket gives pairs up to
    # anchor_pairs' max_group members and none past it, in both engines.
    n = members
    shard = Analysis(
        np.full(n, 10, dtype=np.int32),
        np.stack([np.arange(n, dtype=np.uint64)] * 2, axis=1),
        np.arange(n, dtype=np.int64),
        np.arange(n * 2, dtype=np.uint64).reshape(n, 2),
        np.full(n, 7, dtype=np.uint32),
        np.arange(n, dtype=np.int64),
    )
    group = exact_groups(shard)
    _, expected = candidate_pairs(shard, group, True)
    keys = BatchKeys(3)
    _, counts, band_chunks, anchor_chunks = split_analysis(shard, 3)
    keys.add(n, counts, band_chunks, anchor_chunks)
    got = counted_partitioned_candidates(LocalExecutor(1), keys, group == np.arange(n), True, counts)[0]
    assert np.array_equal(got, expected)
    assert (len(expected) > 0) == (members <= 256)


def test_partitioned_candidates_skip_exact_copies():
    config = CleanConfig()
    texts = ["alpha beta gamma delta epsilon zeta eta theta", "Alpha beta gamma delta epsilon zeta eta theta"]
    shard = analyse_for(texts, config)
    group = exact_groups(shard)
    keys = BatchKeys(2)
    _, counts, bands, anchors = split_analysis(shard, 2)
    keys.add(len(shard), counts, bands, anchors)
    got = counted_partitioned_candidates(LocalExecutor(1), keys, group == np.arange(2), True, counts)[0]
    assert group.tolist() == [0, 0]
    assert len(got) == 0  # the copy is an exact duplicate, not a candidate pair


def _union_find_stars(nodes: list[int], edges: list[tuple[int, int]]) -> list[list[int]]:
    index = {v: k for k, v in enumerate(sorted(nodes))}
    uf = UnionFind(len(index))
    for a, b in edges:
        uf.union(index[a], index[b])
    order = sorted(index)
    return [[order[uf.find(index[v])], v] for v in order if uf.find(index[v]) != index[v]]


@settings(max_examples=60, deadline=None)
@given(
    edges=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=90),
    parts=st.integers(1, 4),
    spread=st.sampled_from([1, 7919, 49_999_991]),
)
def test_star_components_equal_union_find(edges, parts, spread):
    edges = [(a * spread, b * spread) for a, b in edges]  # sparse ids up to 2^31
    nodes = sorted({v for e in edges for v in e})
    star = star_components(LocalExecutor(1), np.array(edges, dtype=np.int64).reshape(-1, 2), parts)
    assert star.tolist() == _union_find_stars(nodes, edges)


def test_star_components_long_path_and_two_components():
    rng = np.random.default_rng(0)
    ids = rng.permutation(600)
    path = [(int(ids[k]), int(ids[k + 1])) for k in range(399)]  # one long path, ids shuffled
    other = [(int(ids[k]), int(ids[k + 1])) for k in range(400, 599)]
    edges = path + other
    star = star_components(LocalExecutor(1), np.array(edges), 3)
    assert star.tolist() == _union_find_stars(sorted({v for e in edges for v in e}), edges)
    assert len({root for root, _ in star.tolist()}) == 2


@settings(max_examples=60, deadline=None)
@given(
    edges=st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=60),
    contained=st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=8),
    parts=st.integers(1, 3),
    rank=st.none() | st.lists(st.integers(-3, 3), min_size=31, max_size=31),
)
def test_cluster_edges_keep_the_clusters(edges, contained, parts, rank):
    # Without conflicts, the star edges give choose_keepers the very same removals, whatever the --keep rank.
    reduced = cluster_edges(LocalExecutor(1), np.array(edges, dtype=np.int64).reshape(-1, 2), np.empty((0, 2)), parts)
    stars = [tuple(e) for e in reduced.tolist()]
    assert choose_keepers(31, stars, contained, rank=rank) == choose_keepers(31, edges, contained, rank=rank)
    assert len(reduced) <= len({v for e in edges for v in e})  # one edge per member at most


@settings(max_examples=60, deadline=None)
@given(
    edges=st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), min_size=1, max_size=60),
    conflicts=st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=6),
)
def test_cluster_edges_leave_components_with_conflicts_to_the_driver(edges, conflicts):
    uf = UnionFind(31)
    for a, b in edges:
        uf.union(a, b)
    held = {uf.find(a) for a, b in conflicts if a != b and uf.find(a) == uf.find(b)}
    stars = [r for r in _union_find_stars(sorted({v for e in edges for v in e}), edges) if r[0] not in held]
    as_given = [list(e) for e in edges if uf.find(e[0]) in held]
    got = cluster_edges(LocalExecutor(1), np.array(edges), np.array(conflicts, dtype=np.int64).reshape(-1, 2), 2)
    assert got.tolist() == stars + as_given


def test_star_components_of_no_edges():
    assert star_components(LocalExecutor(1), np.empty((0, 2), dtype=np.int64), 2).shape == (0, 2)


# --- choosing the engine ------------------------------------------------------------------------


def test_missing_ray_names_the_extra(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now fails
    monkeypatch.delitem(sys.modules, "nettoyeur.executors.ray_cluster", raising=False)
    with pytest.raises(MissingExtraError, match=r"nettoyeur\[ray\]"):
        check_engine("ray")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["clean", str(SAMPLES), str(out), "--engine", "ray", "-q"])
    assert result.exit_code == 2
    assert "pip install 'nettoyeur[ray]'" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()  # nothing written


def test_engine_options_are_checked(tmp_path):
    with pytest.raises(ConfigError, match="unknown engine"):
        make_executor("spark")
    with pytest.raises(ConfigError, match="--engine ray"):
        make_executor("local", address="auto")
    result = CliRunner().invoke(main, ["clean", str(SAMPLES), str(tmp_path / "o"), "--address", "auto", "-q"])
    assert result.exit_code == 2 and "--engine ray" in result.output


def test_unreachable_cluster_is_an_input_error():
    pytest.importorskip("ray")
    import socket

    from nettoyeur.executors.ray_cluster import check_reachable

    with socket.socket() as probe:  # a port nothing listens on once closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(InputError, match="cannot reach the Ray cluster"):
        check_reachable(f"127.0.0.1:{port}")
    with pytest.raises(InputError, match="not host:port"):
        check_reachable("nowhere")
    check_reachable("auto")  # left to Ray


def test_local_executor_runs_the_local_engine(corpus, tmp_path):
    root, spec = corpus
    config = CleanConfig(workers=2)
    clean_folder(root, tmp_path / "default", config, quiet=True)
    clean_folder(root, tmp_path / "explicit", config, quiet=True, engine="local")
    assert tree(tmp_path / "default") == tree(tmp_path / "explicit")
    check_expectations(spec, tmp_path / "default")


# --- a record source and sink of this test's own: the engine only sees the protocol -------------


class JsonlSource:
    """One ``{"id", "text"}`` object a line; keys are the line numbers, zero-padded (corpus order)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def list(self) -> tuple[list[str], list[Skip]]:
        lines = self.path.read_text("utf-8").splitlines()
        return [f"{k:06d}" for k in range(len(lines))], []

    def load(self, key: str) -> Document | Skip:
        record = json.loads(self.path.read_text("utf-8").splitlines()[int(key)])
        if not record["text"].strip():
            return Skip(key, "empty", "the record has no text")
        data = record["text"].encode("utf-8")
        doc = Document(path=key, checksum=hashlib.sha256(data).hexdigest(), size=len(data))
        doc.lines, doc.paragraphs = split_lines(record["text"])
        return doc


class JsonlSink:
    """Writes ``{"id", "text"}`` lines, all at close (no render: documents come back from the tasks)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rows: list[str] = []

    def write(self, doc: Document) -> None:
        self.rows.append(json.dumps({"id": doc.path, "text": join_kept(doc)}, ensure_ascii=False))

    def close(self) -> None:
        write_atomic(self.path, "".join(row + "\n" for row in self.rows))


def folder_to_jsonl(root: Path, target: Path) -> None:
    rows = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        try:
            text = path.read_text("utf-8")
        except UnicodeDecodeError:
            text = ""  # the binary and Latin-1 files: an empty record, skipped
        rows.append(json.dumps({"id": str(path.relative_to(root)), "text": text}, ensure_ascii=False))
    target.write_text("".join(row + "\n" for row in rows), "utf-8")


# --- the Ray engine ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ray_session():
    ray = pytest.importorskip("ray")
    started = not ray.is_initialized()
    if started:
        ray.init(num_cpus=2, include_dashboard=False)
    # The workers cannot import this test module: its classes (JsonlSource) travel by value.
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    yield ray
    ray.cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    if started:
        ray.shutdown()


@pytest.fixture
def spies(monkeypatch):
    """Counts the calls of the distributed steps, to show that the Ray runs took them."""
    import nettoyeur.executors.ray_cluster as engine_ray

    calls = {"candidates": 0, "components": 0}

    def wrap(name, fn):
        def spy(*args, **kwargs):
            calls[name] += 1
            return fn(*args, **kwargs)

        return spy

    monkeypatch.setattr(
        engine_ray, "counted_partitioned_candidates", wrap("candidates", engine_ray.counted_partitioned_candidates)
    )
    monkeypatch.setattr(engine_ray, "cluster_edges", wrap("components", engine_ray.cluster_edges))
    return calls


def _run_with(executor, root: Path, out: Path, config: CleanConfig, dry_run: bool = False) -> dict:
    source, sink = folder_pair(root, None if dry_run else out, overwrite=False)
    extra = {"input": str(root), "output": None if dry_run else str(out)}
    try:
        return run(source, sink, config, report=default_report_path(out), quiet=True, extra=extra, executor=executor)
    finally:
        executor.close()


@pytest.mark.parametrize(
    "config",
    [
        CleanConfig(workers=2),
        CleanConfig(workers=1, containment="report", boilerplate=False),
        CleanConfig(workers=2, keep="longest", boilerplate=False),
    ],
    ids=["defaults", "report-containment", "keep-longest"],
)
def test_ray_engine_writes_the_local_bytes(ray_session, spies, corpus, tmp_path, config):
    from nettoyeur.executors.ray_cluster import RayExecutor

    root, spec = corpus
    local, on_ray, forced = tmp_path / "local", tmp_path / "ray", tmp_path / "ray-forced"
    clean_folder(root, local, config, quiet=True)
    clean_folder(root, on_ray, config, quiet=True, engine="ray")
    # Three key partitions for two CPUs, and every duplicate edge clustered by tasks.
    _run_with(RayExecutor(parts=3, driver_edges=0), root, forced, config)

    assert spies == {"candidates": 2, "components": 1}
    files = tree(local)
    assert len(files) == len(spec["documents"])
    for other in (on_ray, forced):
        assert tree(other) == files
        assert report(other) == report(local)
        assert summary(other) == summary(local)
    if config.boilerplate:
        check_expectations(spec, on_ray)
    assert summary(local)["skipped"][0]["file"] == spec["binary"][0]
    assert summary(local)["stages"]["verified_duplicates"] > 0



def test_ray_engine_bounds_crowded_candidates_as_local(ray_session, tmp_path):
    # One-line files from a small vocabulary: many paragraphs have more than 8 candidates, so
    # the bound by band agreement chooses the pairs verified; the Ray engine counts agreement
    # as the local one does, and verifies, removes and reports the same.
    from nettoyeur.executors.ray_cluster import RayExecutor

    root = tmp_path / "in"
    for k, text in enumerate(CROWDED_TEXTS):
        folder = root / f"{k // 100:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{k:04d}.txt").write_text(text + "\n", "utf-8")
    config = CleanConfig(workers=2, boilerplate=False)
    local, on_ray = tmp_path / "local", tmp_path / "ray"
    clean_folder(root, local, config, quiet=True)
    _run_with(RayExecutor(parts=3), root, on_ray, config)
    stages = summary(local)["stages"]
    assert stages["beyond"] > 100 and stages["verified"] > 0 and stages["conflicts"] > 0
    assert tree(on_ray) == tree(local)
    assert report(on_ray) == report(local)
    assert summary(on_ray) == summary(local)

def test_ray_engine_dry_run_and_cli(ray_session, corpus, tmp_path):
    root, _ = corpus
    runner = CliRunner()
    local = runner.invoke(main, ["clean", str(root), str(tmp_path / "local"), "-q", "--workers", "2"])
    on_ray = runner.invoke(main, ["clean", str(root), str(tmp_path / "ray"), "-q", "--workers", "2", "--engine", "ray"])
    assert local.exit_code == on_ray.exit_code == 1  # the binary file is skipped
    assert tree(tmp_path / "ray") == tree(tmp_path / "local")
    assert report(tmp_path / "ray") == report(tmp_path / "local")

    clean_folder(root, tmp_path / "dry", CleanConfig(workers=2), dry_run=True, quiet=True, engine="ray")
    assert not (tmp_path / "dry").exists()
    assert report(tmp_path / "dry") == report(tmp_path / "local")


def test_ray_engine_with_another_source_and_sink(ray_session, corpus, tmp_path):
    from nettoyeur.executors.ray_cluster import RayExecutor

    root, spec = corpus
    records = tmp_path / "corpus.jsonl"
    folder_to_jsonl(root, records)
    config = CleanConfig(workers=2)
    outputs = {}
    for name, executor in (("local", LocalExecutor(2)), ("ray", RayExecutor(parts=2))):
        out = tmp_path / f"{name}.jsonl"
        run(JsonlSource(records), JsonlSink(out), config, report=tmp_path / f"{name}.report.jsonl", executor=executor)
        outputs[name] = (out.read_bytes(), (tmp_path / f"{name}.report.jsonl").read_bytes())
    assert outputs["ray"] == outputs["local"]
    report_lines = [json.loads(line) for line in outputs["local"][1].decode("utf-8").splitlines()]
    assert sum(r["reason"] == "duplicate" for r in report_lines) >= 3  # the syndicated copies, across records
    assert len(outputs["local"][0].splitlines()) == len(spec["documents"]) - 1  # the Latin-1 record is empty


def test_ray_components_equal_union_find(ray_session):
    from nettoyeur.executors.ray_cluster import RayExecutor

    rng = random.Random(5)
    edges = [(rng.randrange(300), rng.randrange(300)) for _ in range(250)]
    star = star_components(RayExecutor(parts=3), np.array(edges), 3)
    assert star.tolist() == _union_find_stars(sorted({v for e in edges for v in e}), edges)


def _check_input(_context: None, path: Path) -> None:
    check_locations(path, None)


def test_ray_task_errors_keep_their_type_and_message(ray_session, tmp_path):
    from nettoyeur.executors.ray_cluster import RayExecutor

    missing = tmp_path / "missing-folder"
    with pytest.raises(InputError) as info:
        list(RayExecutor().map(_check_input, [missing]))
    assert type(info.value) is InputError
    assert str(missing) in str(info.value) and "ray::" not in str(info.value)
