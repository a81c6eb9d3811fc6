"""The fast engine: vectorised tokeniser, signatures, LSH, streaming passes, workers."""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH
from hypothesis import given, settings
from hypothesis import strategies as st

from nettoyeur import CleanConfig, clean_folder
from nettoyeur.boilerplate.line_counts import LineCounts, merge_counts
from nettoyeur.corpus.folder_writer import FolderSink
from nettoyeur.corpus.sources import FolderSource
from nettoyeur.dedup.analysis import analyse, components, exact_groups
from nettoyeur.dedup.lsh import _pairs_from_groups, anchor_pairs, band_keys, band_pairs
from nettoyeur.dedup.minhash import signatures, signatures_flat
from nettoyeur.dedup.shingle import MINUS_SIGNS, UNIT_SIGNS, fact_flags, shingle_hashes, shingles, tokenize, words
from nettoyeur.run.in_memory import clean_documents, load_all
from nettoyeur.run.streaming import run
from nettoyeur.run.verdict_plan import plan_batches
from nettoyeur.scratch.paragraphs import SpillTexts, write_spill
from nettoyeur.text.hashing import hash64
from nettoyeur.text.repair_gate import may_need_repair
from nettoyeur.text.split import split_lines
from split_reference import LINES

DATA = json.loads((Path(__file__).parents[1] / "data" / "engine_tokens.json").read_text(encoding="utf-8"))
_WORD = re.compile(r"\w+")


def _unit(c: str) -> bool:
    return c in UNIT_SIGNS or unicodedata.category(c) == "Sc"


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_" or unicodedata.category(c) in ("Mn", "Mc")


def reference_words(text: str) -> list[str]:
    """The tokeniser's definition, one character at a time: NFKC, simple case fold, runs of word characters
    (``\\w`` and combining marks), each percent or currency sign a word of its own.

    A number with a minus sign ("-", U+2212, U+2013) right before its first digit and no word
    character before the sign, or a currency sign before a digit with a minus sign right before
    or after it, is written "-" and the word ("−$5" and "$-5" are "-$" and "5").
    """

    def fold(c: str) -> str:
        for f in (c.casefold(), c.lower()):
            if len(f) == 1:
                return f
        return c

    def char(k: int) -> str:
        return folded[k] if 0 <= k < len(folded) else ""

    def minus(k: int) -> bool:
        return char(k) != "" and char(k) in MINUS_SIGNS

    def sc(k: int) -> bool:
        return char(k) != "" and unicodedata.category(char(k)) == "Sc"

    def signed_number(at: int) -> bool:
        if not char(at).isdigit():
            return False
        sign = at - 2 if sc(at - 1) else at - 1
        before = char(sign - 1)
        no_word = before == "" or sc(sign - 1) or not (_word_char(before) or _unit(before))
        return sign >= 0 and minus(sign) and (sign == 0 or no_word)

    def signed(at: int, word: str) -> bool:
        if sc(at):  # a currency sign carries the sign of its figure: "−$5", "$-5"
            return (char(at + 1).isdigit() and signed_number(at + 1)) or (minus(at + 1) and signed_number(at + 2))
        return signed_number(at) and not sc(at - 1) and not (minus(at - 1) and sc(at - 2))

    folded = "".join(fold(c) for c in unicodedata.normalize("NFKC", text))
    out, i = [], 0
    while i < len(folded):
        if _unit(folded[i]):
            j = i + 1
        elif _word_char(folded[i]):
            j = i
            while j < len(folded) and _word_char(folded[j]) and not _unit(folded[j]):
                j += 1
        else:
            i += 1
            continue
        out.append(("-" if signed(i, folded[i:j]) else "") + folded[i:j])
        i = j
    return out


# --- tokeniser ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", DATA["cases"], ids=[c["label"] for c in DATA["cases"]])
def test_words_golden(case):
    assert words(case["text"]) == case["words"]


@pytest.mark.parametrize("case", DATA["facts"], ids=[c["label"] for c in DATA["facts"]])
def test_fact_flags_golden(case):
    assert fact_flags(case["text"]) == case["facts"]


_ALPHABET = "abcXYZ éÉèüßŒœﬁ²½0123456789_-'’«» .,;\t\u0301\u00a0😀𝐁İ\u2212\u2013$€("
_TEXT = st.text(alphabet=st.sampled_from(list(_ALPHABET)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=6))
def test_batch_tokeniser_matches_reference_paragraph_by_paragraph(texts):
    tok = tokenize(texts)
    assert len(tok.offsets) == len(texts) + 1
    everything = tok.all_words()
    facts = tok.all_facts(everything)
    for i, text in enumerate(texts):
        assert tok.words(i) == reference_words(text)
        lo, hi = tok.offsets[i], tok.offsets[i + 1]
        assert everything[lo:hi] == reference_words(text)
        assert facts[lo:hi] == fact_flags(text)
        assert len(fact_flags(text)) == len(words(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=5), st.integers(1, 4))
def test_batch_shingles_equal_single_paragraph_shingles(texts, n):
    hashes, offsets = shingles(tokenize(texts), n)
    for i, text in enumerate(texts):
        assert np.array_equal(np.unique(hashes[offsets[i] : offsets[i + 1]]), shingle_hashes(words(text), n))


def test_shingles_never_cross_paragraphs():
    # "c d e" would be a 3-gram if the two paragraphs were one.
    alone = shingle_hashes(["c", "d", "e"], 3)[0]
    hashes, offsets = shingles(tokenize(["a b c", "d e f"]), 3)
    assert list(np.diff(offsets)) == [1, 1]
    assert alone not in hashes


def test_exact_keys_ignore_case_and_punctuation_but_not_order():
    keys = analyse(["The cat, sat.", "the  CAT sat", "sat the cat", "", "the cat"], 2, 16, 1, 4, 4).exact
    assert (keys[0] == keys[1]).all()
    assert (keys[0] != keys[2]).any()
    assert (keys[0] != keys[4]).any()
    assert (keys[3] == 0).all()  # no words, no key


# --- signatures, bands, anchors, components ----------------------------------------------------------------


@pytest.mark.parametrize(("num_perm", "seed"), [(128, 1), (64, 42), (7, 3)])
def test_signatures_bit_identical_to_datasketch(num_perm, seed):
    rng = np.random.default_rng(seed)
    sets = [rng.integers(0, 2**32, int(rng.integers(1, 400)), dtype=np.uint64).astype(np.uint32) for _ in range(60)]
    sets.append(rng.integers(0, 2**32, 40_000, dtype=np.uint64).astype(np.uint32))  # spans several blocks
    ours = signatures(sets, num_perm, seed)
    for mine, values in zip(ours, sets):
        reference = MinHash(num_perm=num_perm, seed=seed, hashfunc=lambda v: v)
        reference.update_batch(values.tolist())
        assert np.array_equal(mine, reference.hashvalues)


def test_signature_prefix_is_the_first_permutations():
    rng = np.random.default_rng(5)
    h = rng.integers(0, 2**32, 500, dtype=np.uint64).astype(np.uint32)
    offsets = np.array([0, 120, 121, 500])
    assert np.array_equal(signatures_flat(h, offsets, 128, 1, 40), signatures_flat(h, offsets, 128, 1)[:, :40])
    with pytest.raises(ValueError):
        signatures_flat(h, np.array([0, 0, 500]), 128, 1)


def test_lsh_candidates_equal_datasketch_minhashlsh():
    rng = np.random.default_rng(9)
    base = [rng.integers(0, 2**32, 60, dtype=np.uint64).astype(np.uint32) for _ in range(150)]
    sets = base + [
        np.concatenate([b[: int(rng.integers(20, 60))], rng.integers(0, 2**32, 10).astype(np.uint32)])
        for b in base[:100]
    ]
    sigs = signatures(sets, 128, 1)
    ours = {tuple(p) for p in band_pairs(band_keys(sigs, 16, 8), np.arange(len(sets))).tolist()}
    lsh = MinHashLSH(threshold=0.5, num_perm=128, params=(16, 8))
    hashes = [MinHash(num_perm=128, seed=1, hashvalues=s, scheme="affine32") for s in sigs]
    for i, m in enumerate(hashes):
        lsh.insert(i, m)
    theirs = {(min(i, j), max(i, j)) for i, m in enumerate(hashes) for j in lsh.query(m) if i != j}
    assert ours == theirs
    assert len(ours) >= 20  # near copies were found, so the comparison is not vacuous


def _brute_pairs(keys, ids):
    return {
        (min(ids[i], ids[j]), max(ids[i], ids[j])) for i in range(len(keys)) for j in range(i) if keys[i] == keys[j]
    }


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 6), min_size=0, max_size=40))
def test_bucket_pairs_small_buckets_give_all_pairs(values):
    keys = np.array(values, dtype=np.uint64)
    ids = np.arange(len(values), dtype=np.int64) * 3
    found = {(min(a, b), max(a, b)) for a, b in _pairs_from_groups(keys, ids).tolist()}
    assert found == _brute_pairs(values, ids.tolist())


def test_anchor_pairs_need_half_of_the_smaller_set():
    # Paragraph 0 has anchors {1,2,3,4}; 1 shares 2 of them (half), 2 shares 1 (a quarter).
    keys = np.array([1, 2, 3, 4, 1, 2, 9, 4, 8], dtype=np.uint32)
    owners = np.array([0, 0, 0, 0, 1, 1, 1, 2, 2])
    assert anchor_pairs(keys, owners).tolist() == [[0, 1], [0, 2]]  # 2 shares 1 of its own 2: half of the smaller
    assert anchor_pairs(keys, owners, min_share=0.6).tolist() == [[0, 1]]


def test_components_are_the_smallest_member():
    pairs = np.array([[5, 3], [3, 9], [1, 2], [7, 7]])
    assert components(10, pairs).tolist() == [0, 1, 1, 3, 4, 3, 6, 7, 8, 3]


def test_exact_groups_point_to_the_first_copy():
    a = analyse(["Same words.", "other", "same WORDS", "***", "***", "same words"], 2, 16, 1, 4, 4)
    assert exact_groups(a).tolist() == [0, 1, 0, 3, 4, 0]  # no words: never grouped


# --- passes and plumbing ------------------------------------------------------------------------------------


def test_line_counts_look_up_by_text_and_keep_recurring_lines():
    keys = np.array(sorted([hash64("menu"), hash64("once")]), dtype=np.uint64)
    counts = LineCounts.from_arrays(keys, np.array([7 if k == hash64("menu") else 1 for k in keys]))
    assert counts.get("menu", 0) == 7 and counts["menu"] == 7 and "menu" in counts
    assert counts.get("once", 0) == 0 and "once" not in counts  # one file: never recurring


def test_merge_counts_adds_shared_keys():
    k, c = merge_counts(
        (np.array([1, 5], np.uint64), np.array([2, 1])), (np.array([5, 9], np.uint64), np.array([3, 1]))
    )
    assert k.tolist() == [1, 5, 9] and c.tolist() == [2, 4, 1]


def test_count_merger_equals_one_merge_of_every_shard(monkeypatch):
    from nettoyeur.boilerplate.line_counts import CountMerger

    monkeypatch.setattr(CountMerger, "MIN_BATCH", 3)  # merges happen between shards
    rng = np.random.default_rng(4)
    shards = []
    for _ in range(40):
        keys = np.unique(rng.integers(0, 50, size=int(rng.integers(0, 12))).astype(np.uint64))
        shards.append((keys, rng.integers(1, 4, size=len(keys)).astype(np.int64)))
    merger = CountMerger()
    for keys, counts in shards:
        merger.add(keys, counts)
    expected: dict[int, int] = {}
    for keys, counts in shards:
        for k, c in zip(keys.tolist(), counts.tolist()):
            expected[k] = expected.get(k, 0) + c
    keys, counts = merger.result()
    assert keys.tolist() == sorted(expected) and counts.tolist() == [expected[k] for k in sorted(expected)]


def test_plan_batches_keeps_corpus_order():
    keys = [f"{i:03d}" for i in range(100)]
    shards = plan_batches(keys, 2)
    assert [k for s in shards for k in s] == keys and len(shards) > 2


def test_spill_round_trip(tmp_path):
    texts = ["plain", "accents é ü", "emoji 😀", ""]
    offsets, lengths = write_spill(tmp_path / "a.txt", texts[:2])
    offsets2, lengths2 = write_spill(tmp_path / "b.txt", texts[2:])
    store = SpillTexts(
        [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")],
        [0, 2],
        np.concatenate([offsets, offsets2]),
        np.concatenate([lengths, lengths2]),
    )
    assert store.texts(np.array([3, 0, 2, 1])) == [texts[3], texts[0], texts[2], texts[1]]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \t\r\n\u2028\x0c\x85é")), max_size=30))
def test_split_lines_fast_path_equals_the_regex(text):
    lines, paragraphs = split_lines(text)
    assert lines == LINES.findall(text)
    assert [p.line for p in paragraphs] == [n for n, line in enumerate(lines, 1) if line.rstrip("\r\n").strip()]


# The repair gate's laws (never narrower than ftfy, on any text) are in test_repair_gate.py.


def test_repair_prefilter_passes_clean_accented_text():
    assert not may_need_repair("Le café était fermé à Noël, « dit-il ».\n")
    assert may_need_repair("Le cafÃ© Ã©tait fermÃ©")


_VOCAB = "river bridge council market school winter harbour station garden museum festival factory".split()
_FUNCTION = "the a of and to in on with for that was".split()


def _prose(rng: np.random.Generator, n: int) -> str:
    """A sentence-like paragraph of n words, a third of them function words (prose to the boilerplate signals)."""
    words = [
        str(rng.choice(_FUNCTION)) if k % 3 == 0 else str(rng.choice(_VOCAB)) + str(int(rng.integers(0, 50)))
        for k in range(n)
    ]
    return " ".join(words).capitalize() + "."


def _write_corpus(root: Path, files: int = 40) -> None:
    """Small articles sharing chrome, with paragraphs copied across files and near copies."""
    rng = np.random.default_rng(3)
    root.mkdir(parents=True)
    shared = _prose(rng, 40)
    for i in range(files):
        body = [_prose(rng, 30), shared if i % 3 == 0 else _prose(rng, 35), _prose(rng, 28)]
        if i % 5 == 1:
            body[2] = shared.replace(shared.split()[5], "changed", 1)  # a near copy
        lines = ["Home | News | Sport", _prose(rng, 6).rstrip("."), *body, "Share this article"]
        sep = "\n\n" if i % 2 else "\n"
        (root / f"{i:03d}.txt").write_text(sep.join(lines) + "\n", encoding="utf-8")


def test_workers_give_byte_identical_output(tmp_path):
    _write_corpus(tmp_path / "in")
    outs = []
    for workers in (1, 2):
        out = tmp_path / f"out{workers}"
        clean_folder(tmp_path / "in", out, CleanConfig(workers=workers), quiet=True)
        files = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
        outs.append((files, (tmp_path / f"out{workers}.report.jsonl").read_bytes()))
    assert outs[0] == outs[1]
    assert b'"reason": "duplicate"' in outs[0][1]  # the copies were found, so the comparison means something


def test_streaming_run_equals_in_memory_clean(tmp_path):
    _write_corpus(tmp_path / "in")
    summary = clean_folder(tmp_path / "in", tmp_path / "out", CleanConfig(workers=2), quiet=True)
    docs = [
        d
        for d in load_all(
            FolderSource(tmp_path / "in"), FolderSource(tmp_path / "in").list()[0], CleanConfig(workers=1)
        )
    ]
    clean_documents(docs, CleanConfig())
    in_memory = sorted((d.path, p.line, p.verdict.reason) for d in docs for p in d.paragraphs if p.verdict)
    streamed = sorted(
        (r["file"], r["line"], r["reason"])
        for r in map(json.loads, (tmp_path / "out.report.jsonl").read_text(encoding="utf-8").splitlines())
        if "removed" not in r and not r["reason"].startswith("encoding")
    )
    assert streamed == in_memory
    assert summary["counts"].get("duplicate", 0) > 0


def test_folder_sink_renames_batches_into_place(tmp_path, monkeypatch):
    import nettoyeur.corpus.folder_writer as folder_sink

    monkeypatch.setattr(folder_sink, "SYNC_FILES", 3)
    sink = FolderSink(tmp_path / "out")
    for i in range(7):
        sink.write_rendered(f"sub/{i}.txt", f"text {i}\n".encode())
    done = sorted(p.name for p in (tmp_path / "out" / "sub").iterdir())
    assert len([n for n in done if n.endswith(".tmp")]) == 1  # the 7th waits for the next batch
    sink.close()
    assert sorted(p.name for p in (tmp_path / "out" / "sub").iterdir()) == [f"{i}.txt" for i in range(7)]
    with pytest.raises(ValueError):
        sink.write_rendered("../escape.txt", b"x")


def test_files_staged_by_a_worker_are_renamed_in_order_or_removed_on_abort(tmp_path, monkeypatch):
    import pickle

    import nettoyeur.corpus.folder_writer as folder_sink

    monkeypatch.setattr(folder_sink, "SYNC_FILES", 2)
    sink = FolderSink(tmp_path / "out")
    worker = pickle.loads(pickle.dumps(sink))  # what a worker process holds: no journal, no pending files
    staged = [worker.stage(f"sub/{i}.txt", f"text {i}\n".encode()) for i in range(5)]
    assert not any(p.suffix == ".txt" for p in (tmp_path / "out" / "sub").iterdir())  # nothing final yet
    for item in staged[:3]:
        sink.write_staged(*item)
    assert sorted(p.name for p in (tmp_path / "out" / "sub").iterdir() if p.suffix == ".txt") == ["0.txt", "1.txt"]
    sink.abort()  # interrupted: the third (pending) and the two never taken over are removed
    assert sorted(p.name for p in (tmp_path / "out" / "sub").iterdir()) == ["0.txt", "1.txt"]
    assert (tmp_path / "out" / "sub" / "1.txt").read_bytes() == b"text 1\n"
    with pytest.raises(ValueError):
        worker.stage("../escape.txt", b"x")


def test_spilled_band_keys_and_anchors_read_back_as_arrays(tmp_path):
    from nettoyeur.dedup.lsh import anchor_pairs_from_parts
    from nettoyeur.scratch.paragraphs import ANCHOR_PARTS, SpilledAnchors, SpilledBands, write_anchors, write_band_keys

    rng = np.random.default_rng(4)
    shards = [rng.integers(0, 2**64, (n, 5), dtype=np.uint64) for n in (7, 0, 12)]
    anchors = [
        (rng.integers(0, 2**32, n, dtype=np.uint64).astype(np.uint32) & ~np.uint32(3), rng.integers(0, 6, n))
        for n in (30, 0, 40)
    ]
    bands = SpilledBands([], [], 5)
    spilled = SpilledAnchors([], [], [])
    for i, (keys, (akeys, owners)) in enumerate(zip(shards, anchors)):
        write_band_keys(str(tmp_path / f"{i}.bands"), keys)
        bands.files.append(str(tmp_path / f"{i}.bands"))
        bands.rows.append(len(keys))
        spilled.counts.append(write_anchors(str(tmp_path / f"{i}.anchors"), akeys, owners))
        spilled.files.append(str(tmp_path / f"{i}.anchors"))
        spilled.first_pid.append(6 * i)
    whole = np.concatenate(shards)
    assert bands.shape == (19, 5)
    assert np.array_equal(bands[:, 3], whole[:, 3])
    assert np.array_equal(bands[np.array([18, 2]), 0], whole[[18, 2], 0])
    keys = np.concatenate([a for a, _ in anchors])
    owners = np.concatenate([o + 6 * i for i, (_, o) in enumerate(anchors)])
    got = sorted(zip(*(np.concatenate(x).tolist() for x in zip(*(spilled.part(p) for p in range(ANCHOR_PARTS))))))
    assert got == sorted(zip(keys.tolist(), owners.tolist()))
    parts = (spilled.part(p) for p in range(ANCHOR_PARTS))
    assert np.array_equal(anchor_pairs_from_parts(parts), anchor_pairs(keys, owners))


def test_spill_folders_of_dead_runs_are_removed_by_the_next_run(tmp_path, monkeypatch):
    import os
    import subprocess
    import sys
    import tempfile

    from nettoyeur.scratch.paragraphs import SPILL_PREFIX, remove_dead_spill_dirs

    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(done.stdout)  # a process that has ended: its folder is a killed run's leftover
    spill_root = tmp_path / "tmp"
    spill_root.mkdir()
    (spill_root / f"{SPILL_PREFIX}{dead}-abc").mkdir()
    (spill_root / f"{SPILL_PREFIX}{dead}-abc" / "0000000.txt").write_bytes(b"x" * 100)
    kept = [f"{SPILL_PREFIX}{os.getpid()}-mine", f"{SPILL_PREFIX}1-init", f"{SPILL_PREFIX}x-odd", "nettoyeur-other"]
    for name in kept:
        (spill_root / name).mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spill_root))
    _write_corpus(tmp_path / "in", files=3)
    run(FolderSource(tmp_path / "in"), None, CleanConfig(workers=1), report=tmp_path / "r.jsonl", quiet=True)
    assert sorted(p.name for p in spill_root.iterdir()) == sorted(kept)  # the dead run's removed, this run's too
    assert remove_dead_spill_dirs(str(spill_root)) == 0


@pytest.mark.parametrize("containment", ["remove", "off"])
def test_candidates_from_spilled_keys_band_by_band_on_workers_equal_in_memory(tmp_path, containment):
    import copy

    from nettoyeur.dedup.analysis import Analysis, analyse_for, candidate_pairs
    from nettoyeur.executors.local import LocalExecutor
    from nettoyeur.scratch.paragraphs import SpilledAnchors, SpilledBands, write_anchors, write_band_keys

    rng = np.random.default_rng(11)
    vocab = [f"w{k}" for k in range(400)]
    texts = [" ".join(rng.choice(vocab, 40)) for _ in range(300)]
    texts += [t.replace(t.split()[3], "edited", 1) for t in texts[:60]]  # near copies
    texts += [t + " " + " ".join(rng.choice(vocab, 30)) for t in texts[60:90]]  # copies inside longer ones
    config = CleanConfig(containment=containment)
    bands = config.bands_rows[0]
    shards = [analyse_for(texts[lo : lo + 150], config) for lo in range(0, len(texts), 150)]
    full = Analysis.concat([copy.deepcopy(s) for s in shards], bands)
    group = exact_groups(full)
    _, expected = candidate_pairs(full, group, containment != "off")
    assert len(expected) >= 90  # the planted copies are found

    spilled_bands, spilled_anchors, first = SpilledBands([], [], bands), SpilledAnchors([], [], []), 0
    for i, shard in enumerate(shards):
        write_band_keys(str(tmp_path / f"{i}.bands"), shard.band_keys)
        spilled_bands.files.append(str(tmp_path / f"{i}.bands"))
        spilled_bands.rows.append(len(shard.band_keys))
        owners = shard.anchor_owner
        spilled_anchors.counts.append(write_anchors(str(tmp_path / f"{i}.anchors"), shard.anchor_keys, owners))
        spilled_anchors.files.append(str(tmp_path / f"{i}.anchors"))
        spilled_anchors.first_pid.append(first)
        first += len(shard)
    full.band_keys = spilled_bands
    full.anchor_parts = spilled_anchors if containment != "off" else None
    for workers in (1, 2):
        mapper = LocalExecutor(workers).map if workers > 1 else None  # (fn, tasks, context): jobs default 2
        signed, got = candidate_pairs(full, group, containment != "off", mapper)
        assert got.dtype == np.int64 and np.array_equal(got, expected), workers


def test_report_lines_spilled_by_workers_equal_those_sent_back(tmp_path, monkeypatch):
    import dataclasses

    import nettoyeur.run.streaming as streaming

    _write_corpus(tmp_path / "in")
    reports, spills = [], []
    write_context = streaming._write_context
    append = streaming.ReportFile.append
    monkeypatch.setattr(streaming.ReportFile, "append", lambda self, path: (spills.append(path), append(self, path)))
    left: list[list[str]] = []  # what the spill folder holds when the write pass is done
    remove_tree = streaming.SpillReaper.remove_tree

    def look_then_remove(self, folder: str) -> None:
        self.finish(str(tmp_path / "none"))  # the removals asked so far done
        left.append(os.listdir(folder))
        remove_tree(self, folder)

    monkeypatch.setattr(streaming.SpillReaper, "remove_tree", look_then_remove)
    for spill in (True, False):
        monkeypatch.setattr(
            streaming,
            "_write_context",
            lambda *a, spill=spill: dataclasses.replace(write_context(*a), spill_reports=spill),
        )
        clean_folder(tmp_path / "in", tmp_path / f"out-{spill}", CleanConfig(workers=1), quiet=True)
        reports.append((tmp_path / f"out-{spill}.report.jsonl").read_bytes())
    assert reports[0] == reports[1] and b'"reason": "duplicate"' in reports[0]
    assert spills and not any(Path(p).exists() for p in spills)  # spilled, then appended and removed
    # each batch's snapshots and report lines removed once written: the paragraph texts are left
    assert left and all(names and not any(n.startswith(("docs-", "report-")) for n in names) for names in left)


def test_snapshots_are_removed_after_the_last_batch_that_reads_them():
    from nettoyeur.run.streaming import _dead_after_write

    seen = {
        "a": ("", False, ("s0", 0, 5)),
        "b": ("", False, ("s0", 5, 5)),
        "c": ("", False, ("s1", 0, 5)),
        "d": ("", False, None),  # loaded again in each pass: no snapshot
        "e": ("", False, ("s0", 10, 5)),  # a file read by a later batch too is kept until then
    }
    got = _dead_after_write(seen, [["a", "b"], ["c", "d", "missing"], ["e"], []])
    assert got == [[], ["s1"], ["s0"], []]


def test_spill_reaper_removes_files_then_the_folder_on_its_thread(tmp_path):
    from nettoyeur.run.streaming import SpillReaper

    folder = tmp_path / "spill"
    folder.mkdir()
    files = [folder / f"{i}.bands" for i in range(3)]
    for f in files:
        f.write_bytes(b"x")
    reaper = SpillReaper()
    reaper.remove([str(files[0]), str(files[1]), str(tmp_path / "gone")])  # a file already gone is no error
    reaper.finish(str(tmp_path / "other"))  # no remove_tree: finish removes the folder it is given
    assert not files[0].exists() and not files[1].exists() and files[2].exists()
    reaper = SpillReaper()
    reaper.remove([str(files[2])])
    reaper.remove_tree(str(folder))
    reaper.finish(str(folder))
    assert not folder.exists()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 5), max_size=8), st.data())
def test_remark_groups_thinned_documents_by_batch_as_the_plain_loop(sizes, data):
    from nettoyeur.run.driver_steps import _by_batch

    batch_keys = [[f"{b}/{i}" for i in range(n)] for b, n in enumerate(sizes)]
    docs = sorted(data.draw(st.sets(st.integers(0, max(0, sum(sizes) - 1)))) if sum(sizes) else set())
    expected, start, k = [], 0, 0
    for keys in batch_keys:  # the loop remark_plan ran before
        stop, mine = start + len(keys), []
        while k < len(docs) and docs[k] < stop:
            mine.append(docs[k])
            k += 1
        if mine:
            expected.append(mine)
        start = stop
    assert _by_batch(np.array(docs, dtype=np.int64), batch_keys) == expected
