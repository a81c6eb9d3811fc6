"""Dedup against earlier corpora: --index (a local folder, or Redis)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

import nettoyeur
from nettoyeur import ConfigError, InputError
from nettoyeur.index.corpus_index import CorpusIndex, describe
from nettoyeur.index.folder_store import META_NAME
from nettoyeur.index.keys import lookup_keys

DATA = json.loads((Path(__file__).resolve().parents[1] / "data" / "index_batches.json").read_text(encoding="utf-8"))
POOL = DATA["pool"]
BATCHES = DATA["batches"]


def _text(keys: list[str]) -> str:
    return "\n\n".join(POOL.get(k, k) for k in keys) + "\n"


def _write(root: Path) -> None:
    for batch, files in BATCHES.items():
        for name, keys in files.items():
            path = root / batch / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_text(keys), encoding="utf-8")


def _all_paragraphs() -> dict[tuple[str, str, int], str]:
    """(batch, file, line) -> pool key, for every paragraph of the fixture."""
    out = {}
    for batch, files in BATCHES.items():
        for name, keys in files.items():
            for k, key in enumerate(keys):
                out[(batch, name, 2 * k + 1)] = key
    return out


def _verdicts(report: Path, batch: str | None, root: Path) -> dict[tuple[str, str, int], tuple[str, str | None]]:
    """Reads a report as (batch, file, line) -> (reason, kept location as 'batch/file:line')."""
    out = {}
    prefix = str(root.resolve()) + "/"
    for line in report.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["reason"].startswith("encoding:"):
            continue
        b, name = (batch, r["file"]) if batch else r["file"].split("/", 1)
        kept = None
        if r.get("kept_doc"):
            doc = r["kept_doc"]
            doc = doc[len(prefix) :] if doc.startswith(prefix) else (f"{batch}/{doc}" if batch else doc)
            kept = f"{doc}:{r['kept_line']}"
        out[(b, name, r["line"])] = (r["reason"], kept)
    return out


def _all_at_once(tmp_path: Path) -> dict:
    nettoyeur.clean(tmp_path / "all", tmp_path / "once", min_files=DATA["min_files"], workers=1, quiet=True)
    return _verdicts(tmp_path / "once.report.jsonl", None, tmp_path / "all")


def _batched(tmp_path: Path, index: str, tag: str = "daily") -> tuple[dict, list[dict[str, Any]], list[dict]]:
    verdicts: dict = {}
    revealed: list[dict[str, Any]] = []
    summaries = []
    for batch in BATCHES:
        out = tmp_path / f"{tag}-{batch}"
        summary = nettoyeur.clean(
            tmp_path / "all" / batch, out, min_files=DATA["min_files"], workers=1, quiet=True, index=index
        )
        summaries.append(summary)
        verdicts.update(_verdicts(Path(summary["report"]), batch, tmp_path / "all"))
        for note in summary["index"]["revealed"]:
            revealed.append({**note, "batch": batch})
    return verdicts, revealed, summaries


def _allowed_differences(revealed: list[dict[str, Any]], root: Path) -> set[tuple[str, str, int]]:
    """The paragraphs a revealed note names: earlier paragraphs, and earlier copies of a newly frequent line."""
    allowed = set()
    prefix = str(root.resolve()) + "/"
    order = list(BATCHES)
    for note in revealed:
        if note["kind"] == "earlier-paragraph":
            b, name = note["file"][len(prefix) :].split("/", 1)
            allowed.add((b, name, note["line"]))
        else:
            for where in note["earlier_copies"]:
                path, line = where[len(prefix) :].rsplit(":", 1)
                b, name = path.split("/", 1)
                assert order.index(b) < order.index(note["batch"])
                allowed.add((b, name, int(line)))
    return allowed


def _check_batched_against_once(tmp_path: Path, index: str) -> tuple[dict, list[dict[str, Any]], list[dict]]:
    _write(tmp_path / "all")
    once = _all_at_once(tmp_path)
    batched, revealed, summaries = _batched(tmp_path, index)
    allowed = _allowed_differences(revealed, tmp_path / "all")
    differ = {k for k in _all_paragraphs() if once.get(k) != batched.get(k)}
    assert differ, "the fixture has cases that a later batch reveals"
    assert differ <= allowed, f"unexplained differences: {sorted(differ - allowed)}"
    same_removed = [k for k in once if k not in allowed]
    assert any(once[k][1] and not once[k][1].startswith(k[0]) for k in same_removed), "cross-batch removals exist"
    return batched, revealed, summaries


def test_batch_after_batch_gives_the_verdicts_of_one_run(tmp_path):
    batched, revealed, summaries = _check_batched_against_once(tmp_path, str(tmp_path / "index"))
    by_pool = {(b, f, POOL.get(k, k)): (b, f, line) for (b, f, line), k in _all_paragraphs().items()}
    for case in DATA["expect_batched"]:
        where = by_pool[(case["batch"], case["file"], POOL[case["pool"]])]
        got = batched.get(where, (None, None))[0]
        assert got == case["reason"], case["label"]
    for case in DATA["expect_revealed"]:
        notes = [n for n in revealed if n["kind"] == case["kind"] and n["text"] == POOL[case["pool"]]]
        assert len(notes) == 1, case["label"]
        for key in ("reason", "earlier_files"):
            if key in case:
                assert notes[0][key] == case[key], case["label"]
    d_copy = by_pool[("b2", "d.txt", POOL["h1_typo"])]
    assert batched[d_copy][1] == "b1/a.txt:3", "the removal names where the kept copy lives"
    assert summaries[1]["index"]["matched_earlier"] >= 1
    assert [s["index"]["committed"]["run"] for s in summaries] == [1, 2, 3]


def test_index_records_parameters_and_versions(tmp_path):
    import datasketch

    _write(tmp_path / "all")
    nettoyeur.clean(tmp_path / "all" / "b1", tmp_path / "o1", index=tmp_path / "ix", quiet=True)
    meta = describe(tmp_path / "ix")
    assert meta["versions"]["datasketch"] == datasketch.__version__
    assert meta["versions"]["nettoyeur"] == nettoyeur.__version__
    assert meta["parameters"]["num_perm"] == 128 and meta["parameters"]["ngram"] == 3
    assert [r["input"] for r in meta["runs"]] == [str((tmp_path / "all" / "b1").resolve())]
    assert meta["runs"][0]["paragraphs"] > 0


@pytest.mark.parametrize(
    ("option", "value"), [("num_perm", 64), ("ngram", 4), ("threshold", 0.7), ("seed", 2), ("anchor_modulus", 8)]
)
def test_incompatible_settings_are_refused(tmp_path, option, value):
    _write(tmp_path / "all")
    nettoyeur.clean(tmp_path / "all" / "b1", tmp_path / "o1", index=tmp_path / "ix", quiet=True)
    with pytest.raises(ConfigError) as err:
        nettoyeur.clean(tmp_path / "all" / "b2", tmp_path / "o2", index=tmp_path / "ix", quiet=True, **{option: value})
    assert option in str(err.value) and "new --index" in str(err.value)
    assert not (tmp_path / "o2").exists(), "nothing is written when the index is refused"
    # settings that do not shape the stored keys are fine
    nettoyeur.clean(tmp_path / "all" / "b2", tmp_path / "o3", index=tmp_path / "ix", quiet=True, min_files=7)


def test_other_format_or_datasketch_major_is_refused(tmp_path):
    _write(tmp_path / "all")
    nettoyeur.clean(tmp_path / "all" / "b1", tmp_path / "o1", index=tmp_path / "ix", quiet=True)
    meta_path = tmp_path / "ix" / META_NAME
    meta = json.loads(meta_path.read_text())
    meta_path.write_text(json.dumps({**meta, "format": 99}))
    with pytest.raises(ConfigError, match="format 99"):
        nettoyeur.clean(tmp_path / "all" / "b2", tmp_path / "o2", index=tmp_path / "ix", quiet=True)
    meta_path.write_text(json.dumps({**meta, "versions": {**meta["versions"], "datasketch": "1.6.5"}}))
    with pytest.raises(ConfigError, match="datasketch 1.6.5"):
        nettoyeur.clean(tmp_path / "all" / "b2", tmp_path / "o2", index=tmp_path / "ix", quiet=True)


def test_dry_run_and_failed_run_add_nothing(tmp_path, monkeypatch):
    _write(tmp_path / "all")
    nettoyeur.clean(tmp_path / "all" / "b1", tmp_path / "o1", index=tmp_path / "ix", quiet=True)
    before = describe(tmp_path / "ix")
    summary = nettoyeur.clean(tmp_path / "all" / "b2", report=tmp_path / "scan.report.jsonl", index=tmp_path / "ix")
    assert summary["index"]["matched_earlier"] >= 1 and "committed" not in summary["index"]
    assert describe(tmp_path / "ix") == before

    from nettoyeur.corpus import folder_writer

    def broken(self, doc):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(folder_writer.FolderSink, "write", broken)
    with pytest.raises(OSError):
        nettoyeur.clean(tmp_path / "all" / "b2", tmp_path / "o2", index=tmp_path / "ix", quiet=True)
    assert describe(tmp_path / "ix") == before
    monkeypatch.undo()
    nettoyeur.clean(tmp_path / "all" / "b2", tmp_path / "o3", index=tmp_path / "ix", quiet=True)
    assert len(describe(tmp_path / "ix")["runs"]) == 2


def test_location_errors(tmp_path):
    (tmp_path / "notindex").mkdir()
    (tmp_path / "notindex" / "x.txt").write_text("x")
    config = nettoyeur.CleanConfig()
    with pytest.raises(InputError, match="not a nettoyeur index"):
        CorpusIndex(tmp_path / "notindex", config)
    with CorpusIndex(tmp_path / "ix", config):
        with pytest.raises(InputError, match="in use"):
            CorpusIndex(tmp_path / "ix", config)
    CorpusIndex(tmp_path / "ix", config).close()  # the lock is released


def test_jsonl_records_against_an_index(tmp_path):
    day1 = tmp_path / "day1.jsonl"
    day2 = tmp_path / "day2.jsonl"
    day1.write_text(json.dumps({"id": "a", "text": _text(BATCHES["b1"]["a.txt"])}) + "\n", encoding="utf-8")
    day2.write_text(json.dumps({"id": "d", "text": _text(BATCHES["b2"]["d.txt"])}) + "\n", encoding="utf-8")
    nettoyeur.clean(day1, tmp_path / "c1.jsonl", index=tmp_path / "ix", quiet=True)
    summary = nettoyeur.clean(day2, tmp_path / "c2.jsonl", index=tmp_path / "ix", quiet=True)
    report = [json.loads(line) for line in Path(summary["report"]).read_text().splitlines()]
    removed = {r["text"]: r for r in report if r["reason"] == "duplicate"}
    assert set(removed) == {POOL["h1_typo"], POOL["FREQ"], POOL["FREQ2"]}, "copies of what day 1 kept, nothing else"
    dup = removed[POOL["h1_typo"]]
    assert dup["id"] == "d" and dup["kept_line"] == 3
    assert dup["kept_doc"] == f"{tmp_path.resolve()}/day1.jsonl#000000001" and "index run 1" in dup["detail"]


# ----------------------------------------------------------------------------- Redis


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url():
    """A redis-server on loopback: $NETTOYEUR_TEST_REDIS_URL, or one started here when the binary exists."""
    pytest.importorskip("redis")
    import redis

    given = os.environ.get("NETTOYEUR_TEST_REDIS_URL")
    if given:
        yield given
        return
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    port = _free_port()
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    client = redis.Redis(host="127.0.0.1", port=port)
    try:
        for _ in range(100):  # at most 5 s
            try:
                client.ping()
                break
            except redis.exceptions.ConnectionError:
                time.sleep(0.05)
        else:
            pytest.skip("redis-server did not start")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        client.close()
        proc.terminate()
        proc.wait(timeout=10)


def test_redis_index_gives_the_same_verdicts(tmp_path, redis_url):
    url = f"{redis_url}?basename=t{uuid.uuid4().hex[:8]}"
    batched, revealed, _ = _check_batched_against_once(tmp_path, url)
    folder, folder_revealed, _ = _batched(tmp_path, str(tmp_path / "ix"), tag="folder")
    assert batched == folder
    strip = [{k: v for k, v in n.items()} for n in revealed]
    assert strip == folder_revealed


def test_redis_index_refuses_other_settings(tmp_path, redis_url):
    url = f"{redis_url}?basename=t{uuid.uuid4().hex[:8]}"
    _write(tmp_path / "all")
    nettoyeur.clean(tmp_path / "all" / "b1", tmp_path / "o1", index=url, quiet=True)
    with pytest.raises(ConfigError, match="num_perm"):
        nettoyeur.clean(tmp_path / "all" / "b2", tmp_path / "o2", index=url, quiet=True, num_perm=64)


def test_unreachable_redis_is_an_input_error(tmp_path):
    pytest.importorskip("redis")
    with pytest.raises(InputError, match="cannot reach"):
        CorpusIndex(f"redis://127.0.0.1:{_free_port()}/0", nettoyeur.CleanConfig())


def test_earlier_runs_come_first_whatever_the_names(tmp_path):
    """Indexed paragraphs precede this run's in corpus order, even when names sort the other way."""
    (tmp_path / "zz-day1").mkdir()
    (tmp_path / "aa-day2").mkdir()
    (tmp_path / "zz-day1" / "z.txt").write_text(_text(BATCHES["b1"]["a.txt"]), encoding="utf-8")
    (tmp_path / "aa-day2" / "!a.txt").write_text(_text(BATCHES["b2"]["d.txt"]), encoding="utf-8")
    nettoyeur.clean(tmp_path / "zz-day1", tmp_path / "o1", index=tmp_path / "ix", quiet=True)
    summary = nettoyeur.clean(tmp_path / "aa-day2", tmp_path / "o2", index=tmp_path / "ix", quiet=True)
    report = {r["text"]: r for r in map(json.loads, Path(summary["report"]).read_text().splitlines())}
    assert report[POOL["h1_typo"]]["kept_doc"] == f"{(tmp_path / 'zz-day1').resolve()}/z.txt"
    assert summary["index"]["revealed"] == []


def test_a_number_s_minus_sign_is_part_of_the_exact_key():
    # As in a run's exact keys (shingle.MINUS_SIGNS): "-5" and "5" are no exact copies, "-5" and "−5" are.
    exact = lookup_keys(["Low -5 today", "Low 5 today", "Low \u22125 today"], nettoyeur.CleanConfig()).exact.tolist()
    assert exact[0] != exact[1] and exact[0] == exact[2]
