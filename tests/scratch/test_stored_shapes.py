"""Stored line shapes (nettoyeur.scratch.line_shapes): the re-mark pass reads them, marks as a fresh describe would."""

from __future__ import annotations

import copy
import json
import struct
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nettoyeur import CleanConfig, _core
from nettoyeur.boilerplate import mark
from nettoyeur.boilerplate.line_shapes import LineInfo, ShapeMemo, article_stems, describe, shapes_core
from nettoyeur.boilerplate.rules import builtin_rules
from nettoyeur.corpus.sources import folder_pair
from nettoyeur.executors.local import LocalExecutor
from nettoyeur.records import Document, Paragraph, Verdict
from nettoyeur.run import passes
from nettoyeur.run.streaming import run
from nettoyeur.scratch import line_shapes
from nettoyeur.scratch.line_shapes import StoredShapes
from nettoyeur.text.split import split_lines

DATA = json.loads((Path(__file__).parents[1] / "data" / "boilerplate_cases.json").read_text(encoding="utf-8"))
DOCUMENTS = DATA["documents"]
RULES = builtin_rules()
MAX_CHARS = 10_000

# Lines with what a stored shape could get wrong: white space of every kind, CJK, digits,
# underscores, combining marks, sentence ends behind quotes, a capital that lower-cases to
# two characters, function words (the share is a float kept bit for bit), long words.
_WORDS = ["the", "de", "la", "und", "innovation", "innovant", "ville", "écoles", "日本語", "x2", "_a", "İstanbul"]
_ALPHABET = "ab é É,;.-'’!?…»)\"_1²½日本の語・ \t\u00a0\u2003\u0301İ"
texts = st.text(alphabet=_ALPHABET, max_size=80) | st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join)


def _stored(
    lines: list, texts: list[str], folder: str, memo: ShapeMemo | None = None, around: list | None = None
) -> StoredShapes:
    """Writes one shard's shapes, rules and keys (its texts ``texts``), read back (default: a memo without rules)."""
    log = line_shapes.ShapeLog()
    around = [mark.NO_COUNTS] * len(lines) if around is None else around
    log.add(lines, around, mark.line_marks([info.text for info, _ in lines]), texts)
    spill = str(Path(folder) / "0000000.txt")
    log.write(spill + line_shapes.SUFFIX)
    return StoredShapes([spill], [0], memo or ShapeMemo(None))


@settings(max_examples=200, deadline=None)
@given(st.lists(texts, min_size=1, max_size=8), st.lists(texts, max_size=3))
def test_a_stored_shape_reads_as_the_described_line(body, asked):
    fresh = [describe(t) for t in body]
    with tempfile.TemporaryDirectory() as folder:
        stored = [_stored([(info, None) for info in fresh], body, folder).shape(pid, t) for pid, t in enumerate(body)]
    for a, b in zip(stored, fresh):
        assert type(a) is LineInfo
        assert (a.text, a.n_words, a.prose, a.sentence) == (b.text, b.n_words, b.prose, b.sentence)
        assert struct.pack("<d", a.stop_share) == struct.pack("<d", b.stop_share)
        assert (a.stems, a.label) == (b.stems, b.label)
    # The article's vocabulary answers every question alike, whichever lines it is made of.
    questions = {s for info in fresh + [describe(t) for t in asked] for s in info.stems}
    questions |= {w[:k] for t in body for w in t.lower().split() for k in (3, 4, 5, 6)} | set(asked)
    from_stored, from_fresh = article_stems(stored), article_stems(fresh)
    for question in sorted(questions):
        assert (question in from_stored) == (question in from_fresh), question
    assert from_stored.shared_lines(asked) == from_fresh.shared_lines(asked)


def _plain_rows(lines: list, around: list, marks: list[int], texts: list[str]) -> bytes:
    """``ShapeLog``'s rows as it wrote them: numpy columns from Python lists (the oracle of ``_core.shape_rows``)."""
    rows = np.empty(len(lines), dtype=line_shapes.ROW)
    rows["stop_share"] = [info.stop_share for info, _ in lines]
    rows["n_words"] = [info.n_words for info, _ in lines]
    rows["flags"] = [
        info.prose
        + 2 * info.sentence
        + 4 * (rule is not None)
        + 8 * (up is not None)
        + 16 * (down is not None)
        + 32 * (info.text == text)
        for (info, rule), (_, up, down), text in zip(lines, around, texts)
    ]
    rows["key"] = [key for key, _, _ in around]
    rows["above"] = [up or 0 for _, up, _ in around]
    rows["below"] = [down or 0 for _, _, down in around]
    rows["marks"] = marks
    return rows.tobytes()


_KEY = st.integers(0, 2**64 - 1)
_NEAR = st.tuples(_KEY, st.none() | _KEY, st.none() | _KEY) | st.just(mark.NO_COUNTS)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(texts, st.booleans(), _NEAR, st.integers(0, 255)), max_size=8), st.data())
def test_packed_rows_are_the_numpy_columns(page, data):
    """The core's rows are numpy's, byte for byte, for every row and for the rows left (keys to 2**64 - 1)."""
    lines = [(describe(t), RULES[0] if ruled else None) for t, ruled, _, _ in page]
    around = [near for _, _, near, _ in page]
    marks = [m for _, _, _, m in page]
    body = [t for t, _, _, _ in page]
    assert line_shapes.ROW.itemsize == 38
    assert _core.shape_rows(lines, around, marks, body) == _plain_rows(lines, around, marks, body)
    left = sorted(data.draw(st.sets(st.integers(0, max(0, len(page) - 1)))) if page else [])
    picked = [lines[k] for k in left], [around[k] for k in left], [marks[k] for k in left], [body[k] for k in left]
    assert _core.shape_rows(lines, around, marks, body, left) == _plain_rows(*picked)
    with pytest.raises(ValueError):
        _core.shape_rows(lines, around, marks, body + ["x"])
    with pytest.raises(ValueError):
        _core.shape_rows(lines, around, marks, body, [len(page)])


def _lines_doc(texts: list[str]) -> Document:
    """A document of one paragraph a text (white space and all), each on its own line."""
    return Document("doc.txt", lines=list(texts), paragraphs=[Paragraph(k, k + 1, t, t) for k, t in enumerate(texts)])


@settings(max_examples=150, deadline=None)
@given(st.lists(texts.filter(str.strip), min_size=1, max_size=8), st.data())
def test_lines_read_every_kept_line_as_described_whatever_its_white_space(body, data):
    # A paragraph with a verdict of pass 2 has no id; one dedup removed has an id but is not read.
    codes = data.draw(st.lists(st.sampled_from([0, 0, 1]), min_size=len(body), max_size=len(body)))
    removed = data.draw(st.lists(st.booleans(), min_size=len(body), max_size=len(body)))
    analysed = [t for t, code in zip(body, codes) if not code]
    doc = _lines_doc(body)
    for p, gone in zip(doc.paragraphs, removed):
        p.verdict = Verdict("duplicate") if gone else None
    with tempfile.TemporaryDirectory() as folder:
        store = _stored([(describe(t), None) for t in analysed], analysed, folder)
        shapes, near, marks = store.lines(doc, codes, 0, MAX_CHARS)
    read = [t for t, code, gone in zip(body, codes, removed) if not code and not gone]
    assert [info for info, _ in shapes] == [describe(t) for t in read]
    assert all(rule is None for _, rule in shapes)
    assert near == [mark.NO_COUNTS] * len(read)
    assert marks == mark.line_marks([describe(t).text for t in read])


def test_lines_of_a_document_whose_ids_run_into_the_next_batch(tmp_path):
    # Batch 0 holds ids 0-1, batch 1 ids 2-3: the document starting at id 1 reads rows of both files.
    body = ["Accueil", "Une  phrase\tde l'article, assez longue pour être de la prose.", "Contact", " Plan du site"]
    spills = []
    for b, part in enumerate([body[:2], body[2:]]):
        log = line_shapes.ShapeLog()
        log.add(
            [(describe(t), None) for t in part],
            [mark.NO_COUNTS] * 2,
            mark.line_marks([describe(t).text for t in part]),
            part,
        )
        spills.append(str(tmp_path / f"{b}.txt"))
        log.write(spills[-1] + line_shapes.SUFFIX)
    store = StoredShapes(spills, [0, 2], ShapeMemo(None))
    assert store.lines(_lines_doc(body[:1]), [0], 0, MAX_CHARS)[0] == [(describe(body[0]), None)]
    # Over-long lines take no id: the first long line is skipped, the others are read from both files.
    doc = _lines_doc(["x" * (MAX_CHARS + 1), *body[1:]])
    shapes, _, marks = store.lines(doc, [0, 0, 0, 0], 1, MAX_CHARS)
    assert [info for info, _ in shapes] == [describe(t) for t in body[1:]]
    assert marks == mark.line_marks([describe(t).text for t in body[1:]])
    # Read back from the first batch again after the second.
    assert store.lines(_lines_doc(body[:2]), [0, 0], 0, MAX_CHARS)[0][1] == (describe(body[1]), None)


def _doc(lines: list[str]) -> Document:
    text_lines, paragraphs = split_lines("\n".join(lines) + "\n")
    return Document("doc.txt", lines=text_lines, paragraphs=paragraphs)


def _verdicts(doc: Document) -> list[Verdict | None]:
    return [p.verdict for p in doc.paragraphs]


def _counts(doc: Document, draw: st.DrawFn) -> dict[int, int]:
    """Files per frequency key for the lines and pairs of ``doc``: a few files each, drawn."""
    keys = shapes_core().line_keys([p.text for p in doc.paragraphs], mark.FREQUENCY_MAX_WORDS)
    return {key: draw(st.integers(1, 6)) for key in keys}


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(DOCUMENTS), st.booleans(), st.data())
def test_remark_with_stored_shapes_gives_the_verdicts_of_a_fresh_mark(case, with_counts, data):
    # Pass 2, as analyse_batch runs it: mark, then keep the shapes and keys of the paragraphs left.
    doc = _doc([line["text"] for line in case["lines"]])
    counts = _counts(doc, data.draw) if with_counts else None
    kept = [p for p in doc.paragraphs if p.kept]
    lines = mark.shapes(kept, RULES)
    around = mark.neighbours(doc, kept, [info for info, _ in lines])
    mark.mark(doc, RULES, counts, 3, lines=lines, around=around if counts is not None else None)
    codes = [0 if p.kept else 1 for p in doc.paragraphs]
    left = [p.index for p in doc.paragraphs if p.kept]
    analysed = [line for p, line in zip(kept, lines) if p.kept]
    analysed_texts = [p.text for p in kept if p.kept]
    analysed_around = [near for p, near in zip(kept, around) if p.kept]
    # Dedup removes some of what was left (the re-mark pass then marks the document again).
    removed = data.draw(st.sets(st.sampled_from(left), max_size=len(left)) if left else st.just(set()))
    for p in doc.paragraphs:
        if p.index in removed:
            p.verdict = Verdict("duplicate")
    fresh, again = copy.deepcopy(doc), copy.deepcopy(doc)
    mark.mark(fresh, RULES, counts, 3, line_signals=False)
    with tempfile.TemporaryDirectory() as folder:
        store = _stored(analysed, analysed_texts, folder, ShapeMemo(RULES), analysed_around)
        shapes, near, marks = store.lines(again, codes, 0, MAX_CHARS)
        paras = [p for p in again.paragraphs if p.kept]
        assert len(shapes) == len(near) == len(marks) == len(paras)
        # The keys and line flags read back are those a fresh mark finds.
        assert near == mark.neighbours(again, paras, [info for info, _ in shapes])
        assert marks == mark.line_marks([info.text for info, _ in shapes])
        mark.mark(again, RULES, counts, 3, line_signals=False, lines=shapes, around=near, marks=marks)
    assert _verdicts(again) == _verdicts(fresh)


def test_mark_refuses_shapes_that_do_not_match_the_kept_paragraphs():
    doc = _doc(["Accueil", "Une phrase de l'article, assez longue pour être de la prose si elle continue."])
    with pytest.raises(ValueError, match="doc.txt"):
        mark.mark(doc, RULES, None, 5, lines=[(describe("Accueil"), None)])


class _NotShared(LocalExecutor):
    """The local pool, said not to share this machine's disk: no snapshot, no stored shape."""

    shares_disk = False


def _corpus(root: Path) -> None:
    """Articles whose paragraphs recur in other files: dedup thins them, the re-mark pass marks them again."""
    docs = [[line["text"] for line in case["lines"]] for case in DOCUMENTS]
    for i, lines in enumerate(docs):
        other = docs[(i + 1) % len(docs)]
        (root / f"{i}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        # A copy of half of each article beside the first half of the next one.
        mix = lines[len(lines) // 2 :] + other[: len(other) // 2]
        (root / f"{i}-mix.txt").write_text("\n".join(mix) + "\n", encoding="utf-8")


def _clean(src: Path, out: Path, executor: LocalExecutor) -> tuple[dict[str, bytes], bytes]:
    source, sink = folder_pair(src, out, overwrite=False)
    report = out.parent / f"{out.name}.report.jsonl"
    run(source, sink, CleanConfig(min_files=3), report=report, quiet=True, executor=executor)
    files = {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    return files, report.read_bytes()


def test_a_run_with_stored_shapes_writes_what_a_run_describing_again_writes(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    _corpus(src)
    used: list[int] = []

    class Counting(line_shapes.StoredShapes):
        def lines(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            used.append(1)
            return super().lines(*args, **kwargs)

    monkeypatch.setattr(passes, "StoredShapes", Counting)
    stored = _clean(src, tmp_path / "stored", LocalExecutor(1))
    assert used, "the re-mark pass did not read stored shapes"
    described = _clean(src, tmp_path / "described", _NotShared(1))
    assert stored == described
    assert any(b"duplicate" in line and b"boilerplate" not in line for line in stored[1].splitlines())
    assert _clean(src, tmp_path / "two", LocalExecutor(2)) == stored
