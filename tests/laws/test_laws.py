"""Laws: properties that hold for every corpus, checked on generated ones (hypothesis).

* accounting: paragraphs in = paragraphs kept + paragraphs removed (by reason), and the
  report, the summary and the output files agree on every count;
* cleaning the output again removes and changes nothing;
* each group of copies keeps exactly one copy, and every removed copy points at a kept one;
* a unique paragraph (no copy, no boilerplate signal) is never removed;
* the output is byte-identical whatever the read order, the number of workers or
  PYTHONHASHSEED;
* random text, random bytes and random names never crash any step.

Corpora mix unique prose, exact and near copies of shared paragraphs, recurring menu
lines, tricky lines (entities, mojibake, escapes, invisible characters) and arbitrary
Unicode text, in any of three line-ending conventions and two paragraph layouts.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import nettoyeur.corpus.folder_reader
from corpusgen import MemorySource, corpus, prose, snapshot, word, write_tree
from nettoyeur import CleanConfig, clean_folder
from nettoyeur.boilerplate import mark as bp
from nettoyeur.run.streaming import run
from nettoyeur.text.decode import BinaryFileError, decode
from nettoyeur.text.repair import repair
from nettoyeur.text.split import join_kept, split_lines

# Bounded example counts: the whole file runs in well under a minute. NETTOYEUR_LAW_EXAMPLES
# raises them for a longer search (a nightly job, or after touching a step).
_EXAMPLES = int(os.environ.get("NETTOYEUR_LAW_EXAMPLES", "60"))
LAW = settings(max_examples=_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FAST = settings(max_examples=300, deadline=None)

_RNG = random.Random(99)
SHARED = [prose(_RNG, 40) for _ in range(4)]  # paragraphs that recur: exact copies


def variant(text: str) -> str:
    """A near copy: a typo (the fifth word's last letter doubled) and a changed case (the first word).

    A near duplicate by any reading (word 3-gram Jaccard 35/41 = 0.85, one edit in one
    word), unlike a word replaced by another, which is another statement (a hard negative).
    """
    words = text.split(" ")
    words[4] += words[4][-1]
    words[0] = words[0].upper()
    return " ".join(words)


MENUS = [" | ".join(word(_RNG).capitalize() for _ in range(3)) for _ in range(3)]
TRICKY = [
    "&nbsp;",
    "&amp;amp; caf&eacute; cr&egrave;me",
    "Ã©tÃ© Ã  la plage, câ€™est lâ€™Ã©tÃ©",
    "\x1b[31mred\x1b[0m",
    "\x1b[0m",
    "\u200b",
    "\u00a0\u00a0",
    "\ufeffword after a BOM",
    "e\u0301 composed later",
    "…",
    "***",
    "12:30",
    "—",
]

TOKENS = st.one_of(
    st.tuples(st.just("unique"), st.integers(0, 2**32)),
    st.tuples(st.just("shared"), st.integers(0, len(SHARED) - 1)),
    st.tuples(st.just("variant"), st.integers(0, len(SHARED) - 1)),
    st.tuples(st.just("menu"), st.integers(0, len(MENUS) - 1)),
    st.tuples(st.just("tricky"), st.sampled_from(TRICKY)),
    st.tuples(st.just("text"), st.text(max_size=60)),
)


def render(token: tuple[str, object]) -> str:
    kind, value = token
    if kind == "unique":
        # A string seed: an integer one of 99 drew SHARED[0] again (a "unique" paragraph that
        # was a shared one, found by hypothesis).
        return prose(random.Random(f"unique {value}"), 40)
    if kind == "shared":
        return SHARED[value]
    if kind == "variant":
        return variant(SHARED[value])
    if kind == "menu":
        return MENUS[value]
    return str(value)


@st.composite
def corpora(draw, max_files: int = 6) -> tuple[dict[str, str], dict[str, list[tuple[str, object]]]]:
    """A corpus (path -> text) and the tokens each file was made of."""
    n = draw(st.integers(1, max_files))
    names = draw(
        st.lists(st.sampled_from([f"d{k % 2}/f{k}.txt" for k in range(12)]), min_size=n, max_size=n, unique=True)
    )
    eol = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    gap = draw(st.sampled_from([eol, eol * 2]))
    files, tokens = {}, {}
    for name in names:
        toks = draw(st.lists(TOKENS, max_size=8))
        tokens[name] = toks
        files[name] = gap.join(render(t) for t in toks) + (eol if draw(st.booleans()) else "")
    return files, tokens


def clean_texts(files: dict[str, str | bytes], config: CleanConfig) -> dict:
    """Cleans ``files`` in a temporary folder; returns summary, outputs and report records."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        src = write_tree(base / "in", files)
        summary = clean_folder(src, base / "out", config, quiet=True)
        report = (base / "out.report.jsonl").read_text(encoding="utf-8")
        assert len(report.splitlines()) == report.count("\n"), "a record broken over lines"
        records = [json.loads(line) for line in report.splitlines()]
        return {"summary": summary, "out": snapshot(base / "out"), "records": records}


def non_blank_lines(text: str) -> list[str]:
    # A stray NUL is removed before decoding (text/decode.py, reported as "+nul-removed"):
    # a line that held only NULs is blank, not a paragraph.
    return [line for line in re.split(r"\r\n|\r|\n", text.replace("\x00", "")) if line.strip()]


CONFIGS = st.builds(
    CleanConfig,
    min_files=st.sampled_from([2, 5]),
    containment=st.sampled_from(["remove", "report"]),
    keep=st.sampled_from(["first", "longest"]),  # every law holds whichever copy a cluster keeps
    workers=st.just(1),
)


# ---------------------------------------------------------------- accounting


@LAW
@given(corpora(), CONFIGS)
# Found by hypothesis: a last line holding only a stray NUL, which decoding removes.
@example(({"d0/f0.txt": "A paragraph of several words to clean here.\n\x00"}, {}), CleanConfig())
def test_paragraphs_in_equal_kept_plus_removed_and_every_count_reconciles(generated, config):
    files, _ = generated
    result = clean_texts(files, config)
    summary, out, records = result["summary"], result["out"], result["records"]
    skipped = {s["file"] for s in summary["skipped"]}
    cleaned = {name: text for name, text in files.items() if name not in skipped}

    # Paragraphs in, counted independently of the splitter: non-blank physical lines.
    paragraphs_in = sum(len(non_blank_lines(text)) for text in cleaned.values())
    assert summary["paragraphs"] == paragraphs_in

    counts = Counter(summary["counts"])
    repaired = counts.pop("repaired", 0)
    assert counts["kept"] + sum(n for reason, n in counts.items() if reason != "kept") == paragraphs_in

    # The report has one record per removal, under the same reason.
    removals = Counter(
        r["reason"] for r in records if not r["reason"].startswith("encoding:") and r.get("removed", True)
    )
    assert removals == Counter({reason: n for reason, n in counts.items() if reason != "kept"})
    assert sum(1 for r in records if r["reason"].startswith("encoding:")) <= repaired

    # The files hold exactly the kept paragraphs, file by file.
    assert set(out) == set(cleaned)
    removed_per_file = Counter(
        r["file"] for r in records if r.get("removed", True) and not r["reason"].startswith("encoding:")
    )
    for name, text in cleaned.items():
        kept_here = len(non_blank_lines(text)) - removed_per_file[name]
        assert len(non_blank_lines(out[name].decode("utf-8"))) == kept_here, name
    assert sum(len(non_blank_lines(data.decode("utf-8"))) for data in out.values()) == counts["kept"]


# ---------------------------------------------------------------- idempotence, keepers, unique text


def made_of(tokens: dict[str, list[tuple[str, object]]]) -> tuple[dict[str, str], dict]:
    """A corpus as :func:`corpora` draws it (paragraphs apart, a final end of line), from its tokens."""
    return {name: "\n\n".join(render(t) for t in toks) + "\n" for name, toks in tokens.items()}, tokens


@LAW
@given(corpora(), CONFIGS)
# Found by a random search over such corpora: two short lines side by side in one file, a copy of a shared paragraph
# between them in the other: alone in the input, side by side in both outputs (a copied block).
@example(
    made_of(
        {
            "d0/f0.txt": [("shared", 0)],
            "d0/f1.txt": [
                ("unique", 0),
                ("text", "Meet at the boathouse"),
                ("text", "Bring a warm coat"),
                ("unique", 1),
            ],
            "d1/f2.txt": [
                ("unique", 2),
                ("text", "Meet at the boathouse"),
                ("shared", 0),
                ("text", "Bring a warm coat"),
                ("unique", 3),
            ],
        }
    ),
    CleanConfig(min_files=2, workers=1),
)
def test_cleaning_the_output_again_removes_and_changes_nothing(generated, config):
    files, _ = generated
    first = clean_texts(files, config)
    outputs = {name: data for name, data in first["out"].items() if data.strip()}
    if not outputs:
        return
    second = clean_texts(outputs, config)
    counts = second["summary"]["counts"]
    assert set(counts) <= {"kept"}, counts
    # Byte-identical, except that a U+FEFF which the first clean brought to the head of a
    # file (the paragraphs before it removed) reads, as any reader would, as a BOM.
    assert second["out"] == {name: data.removeprefix(b"\xef\xbb\xbf") for name, data in outputs.items()}


@LAW
@given(corpora(), CONFIGS)
def test_every_group_of_copies_keeps_exactly_one(generated, config):
    files, tokens = generated
    result = clean_texts(files, config)
    skipped = {s["file"] for s in result["summary"]["skipped"]}
    records = result["records"]
    removed = {
        (r["file"], r["line"]) for r in records if not r["reason"].startswith("encoding:") and r.get("removed", True)
    }
    # Every removed copy points at a paragraph that is kept.
    for r in records:
        if r["reason"] in ("duplicate", "contained") and r.get("removed", True):
            assert (r["kept_doc"], r["kept_line"]) not in removed, r
            assert r["kept_doc"] not in skipped
    # Each shared paragraph, with its near copies, survives exactly once.
    out_text = "\n".join(data.decode("utf-8") for data in result["out"].values())
    present = {v for name, toks in tokens.items() if name not in skipped for k, v in toks if k in ("shared", "variant")}
    for idx in present:
        kept = out_text.count(SHARED[idx]) + out_text.count(variant(SHARED[idx]))
        assert kept == 1, (idx, kept)


@LAW
@given(corpora(), CONFIGS)
def test_a_unique_paragraph_is_never_removed(generated, config):
    files, tokens = generated
    result = clean_texts(files, config)
    seeds = Counter(v for toks in tokens.values() for k, v in toks if k == "unique")
    for name, toks in tokens.items():
        if name in {s["file"] for s in result["summary"]["skipped"]}:
            continue
        output = result["out"][name].decode("utf-8")
        for kind, value in toks:
            if kind == "unique" and seeds[value] == 1:
                assert render((kind, value)) in output


# ---------------------------------------------------------------- determinism


@LAW
@given(corpora(max_files=8), st.randoms(use_true_random=False))
def test_the_output_does_not_depend_on_the_read_order(generated, rnd):
    files, _ = generated
    config = CleanConfig(workers=1)
    reference = clean_texts(files, config)
    real_walk = os.walk

    def shuffled_walk(top, *args, **kwargs):
        for dirpath, dirnames, filenames in real_walk(top, *args, **kwargs):
            rnd.shuffle(dirnames)
            rnd.shuffle(filenames)
            yield dirpath, dirnames, filenames

    order = list(files)
    rnd.shuffle(order)
    with tempfile.TemporaryDirectory() as tmp:
        src = write_tree(Path(tmp) / "in", files, order=order)  # created in another order, too
        nettoyeur.corpus.folder_reader.os.walk = shuffled_walk
        try:
            clean_folder(src, Path(tmp) / "out", config, quiet=True)
        finally:
            nettoyeur.corpus.folder_reader.os.walk = real_walk
        assert snapshot(Path(tmp) / "out") == reference["out"]
        records = [json.loads(x) for x in (Path(tmp) / "out.report.jsonl").read_text(encoding="utf-8").splitlines()]
        assert records == reference["records"]


def test_the_output_does_not_depend_on_workers_or_hash_seed(tmp_path):
    """Real processes: --workers 1 and 2, three PYTHONHASHSEED values; outputs and reports byte-identical."""
    files = corpus(21, 64)
    rng = random.Random(4)
    for k in range(16):  # near copies and tricky lines across files, so that every stage has work
        files[f"x/near{k:02d}.txt"] = variant(SHARED[k % 4]) + "\n\n" + rng.choice(TRICKY) + "\n"
    src = write_tree(tmp_path / "in", files)
    runs = []
    for seed, workers in (("0", "1"), ("1", "2"), ("12345", "2")):
        out = tmp_path / f"out-{seed}-{workers}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [sys.executable, "-m", "nettoyeur", "clean", str(src), str(out), "-q", "--workers", workers],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )
        assert proc.returncode == 0, proc.stderr
        runs.append((snapshot(out), (tmp_path / f"out-{seed}-{workers}.report.jsonl").read_bytes()))
    assert runs[0][0] and any(b'"duplicate"' in line for line in runs[0][1].splitlines())
    assert all(r == runs[0] for r in runs[1:])


# ---------------------------------------------------------------- random input never crashes


@FAST
@given(st.binary(max_size=300))
def test_decode_takes_any_bytes(data):
    try:
        text, encoding = decode(data)
    except BinaryFileError:
        return
    assert isinstance(text, str) and encoding


@FAST
@given(st.text())
def test_every_line_step_takes_any_text(text):
    lines, paragraphs = split_lines(text)
    assert "".join(lines) == text  # nothing lost by the split
    for p in paragraphs:
        fixed, fixes = repair(p.original)
        assert isinstance(fixed, str) and (fixes or fixed == p.original)
        info = bp.describe(fixed)
        assert info.n_words >= 0
        bp.frequency_key(fixed)


@LAW
@given(st.dictionaries(st.text(min_size=1, max_size=12), st.text(max_size=200), min_size=1, max_size=5))
@example(docs={"0": "", "0/0": ""})  # one id a file, the other's folder: found by hypothesis
def test_the_whole_pipeline_takes_any_text_under_any_key(docs):
    """A source may hand over any key and any text: either a clean run or a named refusal."""
    from nettoyeur.corpus.folder_writer import FolderSink
    from nettoyeur.errors import OutputPathError

    with tempfile.TemporaryDirectory() as tmp:
        sink = FolderSink(Path(tmp) / "out")
        try:
            summary = run(MemorySource(docs), sink, CleanConfig(workers=1), report=Path(tmp) / "r.jsonl", quiet=True)
        except OutputPathError:
            return
        finally:
            sink.close()
        assert summary["files"] == len(docs)


@LAW
@given(st.lists(st.binary(max_size=200), min_size=1, max_size=5))
def test_the_whole_pipeline_takes_any_bytes(blobs):
    files = {f"f{k}.txt": blob for k, blob in enumerate(blobs)}
    result = clean_texts(files, CleanConfig(workers=1, min_files=2))
    summary = result["summary"]
    assert summary["files"] + len(summary["skipped"]) == len(files)
    for skip in summary["skipped"]:
        assert skip["reason"] in ("empty", "binary") and skip["detail"]


def test_join_kept_of_an_untouched_document_is_the_decoded_text():
    """The split/join pair loses nothing: a document with every paragraph kept is written back as read."""
    for text in ["a\r\nb\rc\n", "\n\n  x\n\n", "no ending", "\r\r\ry", "a\n \nb\n"]:
        doc = MemorySource({"k.txt": text}).load("k.txt")
        assert join_kept(doc) == text or not text.strip()


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_the_laws_hold_on_a_fixed_corpus_too(tmp_path, eol):
    """One deterministic instance of the accounting law per line ending (what CI always checks)."""
    files = {k: v.replace("\n", eol) for k, v in corpus(8, 30).items()}
    result = clean_texts(files, CleanConfig(workers=1))
    counts = Counter(result["summary"]["counts"])
    assert counts["duplicate"] > 0 and counts["boilerplate:frequency:recurring-block"] == 60
    kept_lines = sum(len(non_blank_lines(d.decode())) for d in result["out"].values())
    assert (
        kept_lines
        == counts["kept"]
        == result["summary"]["paragraphs"] - sum(n for r, n in counts.items() if r not in ("kept", "repaired"))
    )
