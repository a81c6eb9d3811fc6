"""The journal: which outputs a run has finished, so that ``--resume`` does not redo them.

``OUT.journal.jsonl`` lies beside OUT (like the report, never inside it, so that it is
not taken for corpus). Its first line is a header with a *fingerprint* of the run: a
SHA-256 of the options that shape the output, the input folder and the versions of
the libraries that shape it. Each later line records one output file, appended (and
flushed) once the file was renamed into place, the lines of a batch of files together::

    {"file": "a/b.txt", "input": "<sha256 of the input bytes>",
     "output": "<sha256 of the bytes written>", "bytes": 1234}

``--resume`` runs the whole analysis again: which copy of a duplicate is kept depends
on every file of the corpus, so the analysis cannot be restored from a part of it.
What it saves is the writing: an output is left as it is when the journal records it
with the input checksum and output checksum this run computes, *and* the file on disk
still has those bytes (so a file changed or lost since is written again, and a lost
journal line only costs one rewrite). The result is byte-identical to an uninterrupted
run. A journal with another fingerprint (other options, another input folder, another
version) is refused: resuming it would mix two runs.

A line cut short by a kill is ignored; nothing else in the journal needs to be trusted,
so it is flushed but not fsynced.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass
from json.encoder import encode_basestring_ascii as _quote  # json.dumps's own escaping (ensure_ascii)
from pathlib import Path
from typing import IO, Any

from nettoyeur.config import CleanConfig
from nettoyeur.corpus.atomic import write_atomic
from nettoyeur.errors import InputError

JOURNAL_VERSION = 1

# Options that change how fast a run goes but not a byte of its output.
_NOT_OUTPUT_SHAPING = ("workers", "engine", "address", "snapshot")


def journal_path(output_dir: Path) -> Path:
    """Returns ``OUT.journal.jsonl`` beside OUT."""
    out = Path(output_dir).resolve()
    return out.with_name(out.name + ".journal.jsonl")


def fingerprint(config: CleanConfig, input_dir: Path | str | None) -> str:
    """Returns the SHA-256 that identifies a run's output: options, input folder, versions."""
    from nettoyeur import __version__
    from nettoyeur.report.report_file import package_version

    options = {k: v for k, v in config.to_dict().items() if k not in _NOT_OUTPUT_SHAPING}
    if config.rules_file is not None:  # the rules' text, not only their file name
        options["rules_sha256"] = file_sha256(Path(config.rules_file))
    identity: dict[str, Any] = {
        "options": options,
        "input": str(Path(input_dir).resolve()) if input_dir is not None else None,
        "versions": [__version__, *map(package_version, ("ftfy", "datasketch", "numpy"))],
    }
    return hashlib.sha256(json.dumps(identity, sort_keys=True, ensure_ascii=True).encode()).hexdigest()


def file_sha256(path: Path) -> str | None:
    """Returns the SHA-256 of a file's bytes, or None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Entry:
    """One finished output, as the journal records it."""

    input: str
    output: str
    size: int


def _parse(path: Path) -> tuple[str | None, dict[str, Entry]]:
    """Reads a journal: its fingerprint (None when the header is missing or unreadable) and entries.

    Raises:
        OSError: the journal exists but cannot be read.
    """
    entries: dict[str, Entry] = {}
    print_ = None
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle):
            try:
                record = json.loads(raw)
            except ValueError:
                continue  # a line cut short by a kill
            if not isinstance(record, dict):
                continue
            if number == 0:
                if record.get("journal") == JOURNAL_VERSION:
                    print_ = record.get("fingerprint")
                continue
            try:
                entries[record["file"]] = Entry(record["input"], record["output"], int(record["bytes"]))
            except (KeyError, TypeError, ValueError):
                continue
    return print_, entries


class Journal:
    """An open journal: the entries of earlier runs, and an append handle for this one."""

    def __init__(self, path: Path, entries: dict[str, Entry], handle: IO[bytes]) -> None:
        self.path = path
        self.entries = entries
        self._handle = handle

    @classmethod
    def create(cls, path: Path, print_: str) -> Journal:
        """Starts a new journal (replacing any old one) whose header holds ``print_``.

        Raises:
            OSError: the journal cannot be written beside OUT.
        """
        header = {"journal": JOURNAL_VERSION, "fingerprint": print_}
        write_atomic(path, json.dumps(header, sort_keys=True) + "\n", clear_stale=True)
        return cls(path, {}, _append(path))

    @classmethod
    def resume(cls, path: Path, print_: str, output_dir: Path) -> Journal:
        """Opens the journal of an interrupted run to continue it.

        Without a journal, an empty or missing OUT simply starts a new one.

        Raises:
            InputError: there is no journal but OUT holds files, or the journal belongs to
                a run with other options, another input folder or another version.
            OSError: the journal cannot be read or appended to.
        """
        if not path.exists():
            if output_dir.is_dir() and any(output_dir.iterdir()):
                raise InputError(
                    f"nothing to resume: there is no journal {path} for the output folder {output_dir}. "
                    "Run without --resume (with --overwrite to replace the files there)."
                )
            return cls.create(path, print_)
        try:
            found, entries = _parse(path)
        except OSError as err:
            raise OSError(err.errno, err.strerror, str(path)) from err
        if found != print_:
            raise InputError(
                f"cannot resume into {output_dir}: its journal {path} belongs to a run with other options, "
                "another input folder or another nettoyeur version. Run the same command as before with "
                "--resume, or start over with --overwrite instead of --resume."
            )
        handle = _append(path)
        return cls(path, entries, handle)

    def is_complete(self, rel: str, input_sha: str, output_sha: str, size: int, target: Path | str) -> bool:
        """True when the journal and the disk both show ``target`` holds exactly this output.

        The file must be a regular file (not a link) of ``size`` bytes whose SHA-256 is
        ``output_sha``, and the journal must record it for an input of ``input_sha``.
        """
        entry = self.entries.get(rel)
        if entry is None or entry.input != input_sha or entry.output != output_sha or entry.size != size:
            return False
        try:
            info = os.lstat(target)
        except OSError:
            return False
        if not stat.S_ISREG(info.st_mode) or info.st_size != size:
            return False  # missing, a link, a folder, or cut short
        return file_sha256(Path(target)) == output_sha

    def record(self, rel: str, input_sha: str, output_sha: str, size: int) -> None:
        """Appends one finished output (flushed, so that a kill right after keeps it).

        Raises:
            OSError: the journal cannot be written (its filename is the journal's path).
        """
        self.record_many([(rel, input_sha, output_sha, size)])

    def record_many(self, done: list[tuple[str, str, str, int]]) -> None:
        """Appends finished outputs ``(file, input SHA-256, output SHA-256, bytes)``, with one write and one flush.

        The folder sink records a batch of renamed files at once: a kill before the flush
        loses their lines, and ``--resume`` writes those files again (as it would a lost line).

        Raises:
            OSError: the journal cannot be written (its filename is the journal's path).
        """
        if not done:
            return
        data = "".join([entry_line(*item) for item in done]).encode("ascii")
        try:
            self._handle.write(data)
            self._handle.flush()
        except OSError as err:
            raise OSError(err.errno, err.strerror, str(self.path)) from err
        for rel, input_sha, output_sha, size in done:
            self.entries[rel] = Entry(input_sha, output_sha, size)

    def compact(self, keep: set[str]) -> None:
        """Rewrites the journal with its header and the entries of ``keep`` only (atomically), and closes it.

        Raises:
            OSError: the journal cannot be written (its filename is the journal's path).
        """
        self._handle.close()
        with open(self.path, "rb") as handle:
            header = handle.readline()
        lines = [entry_line(rel, e.input, e.output, e.size) for rel, e in sorted(self.entries.items()) if rel in keep]
        write_atomic(self.path, header + "".join(lines).encode("ascii"), clear_stale=True)
        self.entries = {rel: e for rel, e in self.entries.items() if rel in keep}

    def close(self) -> None:
        """Closes the append handle."""
        self._handle.close()


def entry_line(rel: str, input_sha: str, output_sha: str, size: int) -> str:
    """Returns the journal line of one output, ending in a newline.

    The bytes of ``json.dumps({"file": ..., "input": ..., "output": ..., "bytes": ...},
    ensure_ascii=True)``: the same escaping function (json's C one), without building a dict
    and walking it for each of the run's files.
    """
    quoted = _quote(input_sha), _quote(output_sha)
    return f'{{"file": {_quote(rel)}, "input": {quoted[0]}, "output": {quoted[1]}, "bytes": {size:d}}}\n'


def _append(path: Path) -> IO[bytes]:
    """Opens ``path`` for appending, first ending a line a kill cut short.

    Raises:
        OSError: the journal cannot be opened; its filename is ``path``.
    """
    try:
        handle = open(path, "ab")  # kept open for the whole run, closed by Journal.close
        if handle.tell() > 0:
            with open(path, "rb") as check:
                check.seek(-1, os.SEEK_END)
                if check.read(1) != b"\n":
                    handle.write(b"\n")
    except OSError as err:
        raise OSError(err.errno, err.strerror, str(path)) from err
    return handle


def entries_of(path: Path) -> dict[str, Entry]:
    """Returns the outputs a journal records, whatever run it belongs to (empty without a readable one)."""
    try:
        return _parse(path)[1]
    except OSError:
        return {}


def finished_count(output_dir: Path) -> int:
    """Returns how many outputs the journal beside ``output_dir`` records (0 without a journal)."""
    try:
        _, entries = _parse(journal_path(output_dir))
    except OSError:
        return 0
    return len(entries)
