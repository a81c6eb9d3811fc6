"""The snapshots a run keeps of its documents (nettoyeur.scratch.documents): later passes see what pass 1 read."""

from __future__ import annotations

import datetime
import json
import random
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from corpusgen import prose
from nettoyeur import CleanConfig
from nettoyeur.boilerplate.line_counts import document_line_keys
from nettoyeur.corpus.folder_reader import DecodedText
from nettoyeur.corpus.folder_writer import FolderSink
from nettoyeur.corpus.shard_read import RecordSource
from nettoyeur.corpus.shard_write import RecordSink
from nettoyeur.corpus.shards import DecodedRecord, RecordDocument, RecordOptions
from nettoyeur.corpus.sources import FolderSource, load_document, load_first
from nettoyeur.errors import InputError
from nettoyeur.executors.local import LocalExecutor
from nettoyeur.records import Document, Skip
from nettoyeur.run.streaming import run
from nettoyeur.scratch.documents import SnapshotWriter, _encoded, close_readers, keep, restore

# Lines that repair changes (mojibake, entities, an entity left blank) beside lines it must not touch.
_PIECES = [
    "Le cafÃ© de la gare",
    "Tom &amp; Jerry",
    "&nbsp;",
    "plain words, nothing to fix",
    "",
    "   ",
    "naïve “quotes” stay",
    "\u4e2d\u6587\u884c",
    "astral \U0001f600 and \U00020000",
]
_ENDINGS = ["\n", "\r\n", "\r"]


def _round_trip(tmp_path: Path, data: bytes, max_line_chars: int = 10_000) -> tuple[Document | Skip, Document | None]:
    (tmp_path / "in").mkdir(exist_ok=True)
    (tmp_path / "in" / "a.txt").write_bytes(data)
    loaded = load_document(FolderSource(tmp_path / "in"), "a.txt", max_line_chars)
    if isinstance(loaded, Skip):
        return loaded, None
    with SnapshotWriter(str(tmp_path)) as writer:
        where = writer.add(loaded)
        writer.add(loaded)  # a second record after it: offsets must not overlap
    try:
        return loaded, restore("a.txt", where)
    finally:
        close_readers()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_ENDINGS)), min_size=1, max_size=12),
    st.sampled_from(["utf-8", "cp1252", "utf-16"]),
)
def test_a_restored_document_equals_the_document_loaded(tmp_path_factory, parts, encoding):
    tmp_path = tmp_path_factory.mktemp("snap")
    text = "".join(body + end for body, end in parts)
    data = text.encode(encoding, errors="replace")
    loaded, restored = _round_trip(tmp_path, data)
    if restored is None:
        return  # empty or blank: skipped before any snapshot
    assert restored == loaded  # lines, paragraphs (texts, originals, repairs, verdicts), checksum, size


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from([*_PIECES, "x" * 45]), st.sampled_from(_ENDINGS)), min_size=1, max_size=12),
    st.sampled_from(["utf-8", "cp1252", "utf-16"]),
)
def test_pass_one_reads_what_a_full_load_reads(tmp_path_factory, parts, encoding):
    """load_first's keys and its snapshot, with or without a split, are those of the document loaded whole."""
    tmp_path = tmp_path_factory.mktemp("first")
    (tmp_path / "in").mkdir()
    data = "".join(body + end for body, end in parts).encode(encoding, errors="replace")
    (tmp_path / "in" / "a.txt").write_bytes(data)
    source = FolderSource(tmp_path / "in")
    loaded = load_document(source, "a.txt", 40)
    item, suspect, keys = load_first(source, "a.txt", 40)
    if isinstance(loaded, Skip):
        assert item == loaded
        return
    assert type(item) is (Document if suspect else DecodedText)  # split only where repair may change a line
    assert item.checksum == loaded.checksum and item.size == loaded.size
    assert keys == document_line_keys([p.text for p in loaded.paragraphs if p.verdict is None and len(p.text) <= 40])
    with SnapshotWriter(str(tmp_path)) as writer:
        where = keep(writer, item)
    try:
        assert restore("a.txt", where) == loaded
    finally:
        close_readers()


def test_pass_one_skips_what_the_loader_skips(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "blank.txt").write_bytes("\ufeff\u3000\n".encode())  # blank once decoded
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    source = FolderSource(tmp_path / "in")
    for name in ("blank.txt", "empty.txt", "missing.txt"):
        item, suspect, keys = load_first(source, name, 100)
        assert item == source.load(name) and isinstance(item, Skip) and not suspect and keys == []


def test_restore_keeps_repairs_blank_verdicts_and_unrepaired_long_lines(tmp_path):
    long = "x" * 50 + " cafÃ©"
    data = ("\r\nLe cafÃ© est bon\r\n&nbsp;\r\n" + long + "\r\nfin\r\n\r\n").encode("utf-8")
    loaded, restored = _round_trip(tmp_path, data, max_line_chars=40)
    assert restored == loaded
    by_line = {p.line: p for p in restored.paragraphs}
    assert by_line[2].text == "Le café est bon" and by_line[2].original == "Le cafÃ© est bon" and by_line[2].repairs
    assert by_line[3].verdict is not None and by_line[3].verdict.reason == "blank-after-repair"
    assert by_line[4].text == long and by_line[4].repairs == ()  # over the cap: never repaired
    assert restored.lines[0] == "\r\n" and restored.lines[-1] == "\r\n"


def test_restore_keeps_undecodable_bytes_as_the_loader_gave_them(tmp_path):
    data = b"caf\xc3\xa9 ok\n\xff\xfe broken \x81 bytes\n"
    loaded, restored = _round_trip(tmp_path, data)
    assert restored == loaded


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=())))
@example("café crème\r\n\xff")
@example("“quoted” \ud800 \U0001f600")
def test_a_text_is_stored_in_latin1_when_it_fits_and_always_comes_back(text):
    latin, data = _encoded(text)
    assert latin == all(ord(c) < 256 for c in text)  # one byte a character whenever the text allows it
    assert (data.decode("latin-1") if latin else data.decode("utf-8", "surrogatepass")) == text


def _corpus(root: Path, files: int = 6) -> None:
    rng = random.Random(5)
    root.mkdir(parents=True)
    shared = prose(rng, 40)
    for i in range(files):
        lines = ["Home | News | Contact", prose(rng, 30), shared, prose(rng, 25), "Share this article"]
        (root / f"{i:03d}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")


class ChangingSource(FolderSource):
    """A folder whose files read differently from their second load on (a line is added)."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.loads: dict[str, int] = {}

    def load_text(self, key: str) -> DecodedText | Skip:  # what load and pass 1 read
        self.loads[key] = self.loads.get(key, 0) + 1
        if self.loads[key] == 1:
            return super().load_text(key)
        path = self.root / key
        saved = path.read_bytes()
        path.write_bytes(saved + b"CHANGED AFTER THE FIRST PASS of the run.\n")
        try:
            return super().load_text(key)
        finally:
            path.write_bytes(saved)


class ElsewhereExecutor:
    """Runs locally but says its tasks do not share this disk: a run then keeps no snapshot (as on Ray)."""

    shares_disk = False

    def __init__(self, workers: int) -> None:
        self._local = LocalExecutor(workers)
        self.workers = self._local.workers

    def __getattr__(self, name: str) -> object:
        return getattr(self._local, name)


def _outputs(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_a_local_run_reads_each_file_once_and_writes_what_it_read(tmp_path):
    _corpus(tmp_path / "in")
    source = ChangingSource(tmp_path / "in")
    summary = run(source, FolderSink(tmp_path / "out"), CleanConfig(workers=1), report=tmp_path / "r.jsonl", quiet=True)
    assert set(source.loads.values()) == {1}  # the later passes restored the snapshots
    assert summary["counts"].get("duplicate", 0) > 0  # dedup and the re-mark pass ran
    written = _outputs(tmp_path / "out")
    assert len(written) == 6 and not any(b"CHANGED" in data for data in written.values())
    # The same bytes as a run that reads every file again in every pass (no change then).
    run(
        FolderSource(tmp_path / "in"),
        FolderSink(tmp_path / "out2"),
        CleanConfig(workers=1),
        report=tmp_path / "r2.jsonl",
        quiet=True,
        executor=ElsewhereExecutor(1),
    )
    assert _outputs(tmp_path / "out2") == written
    assert (tmp_path / "r2.jsonl").read_bytes() == (tmp_path / "r.jsonl").read_bytes()


@pytest.mark.parametrize("boilerplate", [True, False])
@pytest.mark.parametrize("how", ["executor-elsewhere", "no-snapshot-option"])
def test_without_snapshots_a_file_changing_between_passes_is_an_input_error(tmp_path, boilerplate, how):
    _corpus(tmp_path / "in")
    elsewhere = how == "executor-elsewhere"
    with pytest.raises(InputError, match="changed while it was being cleaned"):
        run(
            ChangingSource(tmp_path / "in"),
            FolderSink(tmp_path / "out"),
            CleanConfig(workers=1, boilerplate=boilerplate, snapshot=elsewhere),
            report=tmp_path / "r.jsonl",
            quiet=True,
            executor=ElsewhereExecutor(1) if elsewhere else None,
        )


def test_no_snapshot_writes_the_same_bytes_with_two_workers(tmp_path):
    _corpus(tmp_path / "in", files=12)
    for snap in (True, False):
        sink, config = FolderSink(tmp_path / f"o{snap}"), CleanConfig(workers=2, snapshot=snap)
        run(FolderSource(tmp_path / "in"), sink, config, report=tmp_path / f"r{snap}.jsonl", quiet=True)
    assert _outputs(tmp_path / "oTrue") == _outputs(tmp_path / "oFalse") != {}
    assert (tmp_path / "rTrue.jsonl").read_bytes() == (tmp_path / "rFalse.jsonl").read_bytes()


def test_without_boilerplate_the_analyse_pass_keeps_the_snapshots(tmp_path):
    _corpus(tmp_path / "in")
    source = ChangingSource(tmp_path / "in")
    run(source, FolderSink(tmp_path / "out"), CleanConfig(workers=1, boilerplate=False), report=tmp_path / "r.jsonl")
    assert set(source.loads.values()) == {1}
    assert not any(b"CHANGED" in data for data in _outputs(tmp_path / "out").values())


def _shard(root: Path, records: list[dict]) -> None:
    root.mkdir(parents=True)
    lines = [json.dumps(r) for r in records]  # escapes: a lone surrogate too
    (root / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_restored_record_keeps_its_shard_row_id_and_other_fields(tmp_path):
    fields = {
        "id": 7,
        "meta": {"n": [1, 2.5, None, True]},
        "big": 2**80,
        "text": "Le cafÃ© de la gare\n\nplain words\n",
    }
    _shard(tmp_path / "in", [{"id": 1, "text": "first"}, fields])
    source = RecordSource(tmp_path / "in", ["a.jsonl"], RecordOptions())
    loaded = load_document(source, source.list()[0][1], 10_000)
    assert isinstance(loaded, RecordDocument) and loaded.paragraphs[0].repairs  # repaired before it is kept
    with SnapshotWriter(str(tmp_path)) as writer:
        where = keep(writer, loaded)
    try:
        restored = restore(loaded.path, where)
    finally:
        close_readers()
    assert type(restored) is RecordDocument and restored == loaded
    assert list(restored.record) == ["id", "meta", "big", "text"]  # the field order the output keeps
    assert restored.record["big"] == 2**80 and restored.record["meta"]["n"][-1] is True


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([*_PIECES, "x" * 45]), st.sampled_from(_ENDINGS)), min_size=1, max_size=8))
def test_pass_one_reads_a_record_as_a_full_load_reads_it(tmp_path_factory, parts):
    """load_first's keys and snapshot of a record, split or not, are those of the record loaded whole."""
    tmp_path = tmp_path_factory.mktemp("first-record")
    _shard(tmp_path / "in", [{"id": "r1", "text": "".join(body + end for body, end in parts), "n": 1.5}])
    source = RecordSource(tmp_path / "in", ["a.jsonl"], RecordOptions())
    key = source.list()[0][0]
    loaded = load_document(source, key, 40)
    item, suspect, keys = load_first(source, key, 40)
    assert isinstance(loaded, RecordDocument)  # a record of white space too: it is written as read
    split = suspect or not loaded.paragraphs  # split only where repair may change a line, or nothing is analysed
    assert type(item) is (RecordDocument if split else DecodedRecord)
    assert (item.checksum, item.size, item.record, item.record_id) == (
        loaded.checksum,
        loaded.size,
        loaded.record,
        "r1",
    )
    assert keys == document_line_keys([p.text for p in loaded.paragraphs if p.verdict is None and len(p.text) <= 40])
    with SnapshotWriter(str(tmp_path)) as writer:
        where = keep(writer, item)
    try:
        assert restore(key, where) == loaded
    finally:
        close_readers()


def test_a_record_with_a_field_marshal_cannot_hold_is_not_kept(tmp_path):
    doc = RecordDocument(
        "a.parquet#000000001", record={"day": datetime.date(2024, 1, 2), "text": ""}, shard="a.parquet"
    )
    with SnapshotWriter(str(tmp_path)) as writer:
        assert keep(writer, doc) is None
        assert keep(writer, RecordDocument("b", record={"text": ""})) is not None  # the writer goes on


class CountingRecords(RecordSource):
    """A shard source that counts the loads of each record."""

    def __init__(self, root: Path) -> None:
        super().__init__(root, ["a.jsonl"], RecordOptions())
        self.loads: dict[str, int] = {}

    def load_text(self, key: str) -> DecodedRecord | Skip:  # what load and pass 1 read
        self.loads[key] = self.loads.get(key, 0) + 1
        return super().load_text(key)


@pytest.mark.parametrize("drop_empty", [False, True])
def test_a_local_run_on_records_loads_each_record_once_and_writes_what_a_reloading_run_writes(tmp_path, drop_empty):
    rng = random.Random(9)
    shared, menu = prose(rng, 40), "Home | News | Contact"
    texts = ["\n".join([menu, prose(rng, 30), shared, "Share this article"]) for _ in range(8)]
    texts += [
        "\r\n".join([menu, prose(rng, 20), shared]) + "\r\n\r\n",  # its own line endings, blank lines at the end
        "  \n\t\n",  # whitespace only: written as read
        shared,  # all of it a copy: empty once cleaned (dropped with drop_empty)
        "x" * 1200 + " \ud800 half a pair\n" + shared,  # a lone surrogate (a JSON escape) in a line too long to repair
        "Le cafÃ© de la gare\n\n" + prose(rng, 20),  # repaired
    ]
    _shard(tmp_path / "in", [{"id": i, "text": t, "k": [i, None]} for i, t in enumerate(texts)])
    source = CountingRecords(tmp_path / "in")
    options = RecordOptions(drop_empty=drop_empty)
    source.options = options
    config = CleanConfig(workers=1, max_line_chars=1000)
    summary = run(source, RecordSink(source, tmp_path / "out"), config, report=tmp_path / "r.jsonl", quiet=True)
    assert set(source.loads.values()) == {1} and len(source.loads) == len(texts)  # later passes restored them
    assert summary["counts"].get("duplicate", 0) > 0
    again = RecordSource(tmp_path / "in", ["a.jsonl"], options)
    # Every record loaded again in each pass, and written from its Document.
    config = CleanConfig(workers=1, max_line_chars=1000, snapshot=False)
    run(again, RecordSink(again, tmp_path / "out2"), config, report=tmp_path / "r2.jsonl", quiet=True)
    assert _outputs(tmp_path / "out2") == _outputs(tmp_path / "out") != {}
    assert (tmp_path / "r2.jsonl").read_bytes() == (tmp_path / "r.jsonl").read_bytes()
    data = (tmp_path / "out" / "a.jsonl").read_bytes().decode("utf-8", "surrogatepass")
    written = [json.loads(line) for line in data.splitlines()]
    assert len(written) == len(texts) - 2 * drop_empty  # the whitespace and the copy
    starts = {r["text"][:20] for r in written}
    assert "Le café de la gare\n\n" in starts and ("  \n\t\n" in starts) != drop_empty
    assert any("\ud800" in r["text"] for r in written)
