"""The command line: a thin layer that builds the config and maps errors to exit codes.

Exit codes: 0 done; 1 done, but some files were skipped (see the report); 2 usage or
input error (nothing written); 3 an I/O error (disk full, permission denied, OUT
removed) or an input that changed during the run: files already written are whole,
the rest is not written; 130 interrupted
(Ctrl-C or SIGTERM: files already written are whole, temporary files are removed).
After a 3 or a 130, the same command with ``--resume`` finishes the run.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import click

from nettoyeur import __version__
from nettoyeur.api import clean as clean_corpus
from nettoyeur.boilerplate.rules import load_rules
from nettoyeur.cli.explain import explain_command, format_options, make_scan
from nettoyeur.config import CleanConfig
from nettoyeur.corpus.atomic import temporary_prefix
from nettoyeur.corpus.folder_reader import check_locations, check_report_location
from nettoyeur.corpus.journal import finished_count, journal_path
from nettoyeur.corpus.record_formats import detect
from nettoyeur.corpus.run_lock import check_free
from nettoyeur.errors import ConfigError, InputChangedError, NettoyeurError
from nettoyeur.executors.interrupt import sigterm_as_interrupt
from nettoyeur.report.annotate import DEFAULT_FIELD
from nettoyeur.report.report_file import checksums_path, default_report_path, summary_path, table
from nettoyeur.scratch.paragraphs import SPILL_PREFIX

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_IO, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
# How long a failed run waits for its worker pool's threads before it exits without them:
# a pool that ends does so in well under a second here; one that hangs never does.
EXIT_GRACE_SECONDS = 5.0
_D = CleanConfig()  # the documented defaults, shown in --help


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="nettoyeur")
def main() -> None:
    """nettoyeur: repair encodings, strip boilerplate and remove near-duplicate paragraphs."""


# ------------------------------------------------------------------ shared options
# Each group below is a function returning one decorator (click's options, composed), so a
# command takes a group in one line; ``scan`` is built from ``clean``'s parameters
# (explain.make_scan), so it gets the same groups, less OUT and the write options.

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def compose(*decorators: Decorator) -> Decorator:
    """Returns one decorator applying ``decorators`` as if stacked in the order given (first = first in --help)."""

    def apply(command: Callable[..., Any]) -> Callable[..., Any]:
        for decorator in reversed(decorators):
            command = decorator(command)
        return command

    return apply


def _config_option(name: str, **kwargs: Any) -> Decorator:
    """Returns ``--NAME`` with CleanConfig's default for the field of that name, shown in --help."""
    field = name.removeprefix("--").replace("-", "_")
    return click.option(name, default=getattr(_D, field), show_default=True, **kwargs)


def location_arguments() -> Decorator:
    """IN and OUT."""
    return compose(
        click.argument("input_dir", metavar="IN", type=click.Path(path_type=Path)),
        click.argument("output_dir", metavar="OUT", type=click.Path(path_type=str)),  # a final "/" means a folder
    )


def dedup_options() -> Decorator:
    """How near duplicates are found and which copy stays: --threshold, --num-perm, --ngram, --containment, --keep."""
    return compose(
        _config_option(
            "--threshold",
            type=float,
            help="Jaccard similarity the LSH index is tuned for (candidates are verified exactly).",
        ),
        _config_option("--num-perm", type=int, help="MinHash permutations."),
        _config_option("--ngram", type=int, help="Words per shingle."),
        _config_option(
            "--containment",
            type=click.Choice(["remove", "report", "off"]),
            help="Paragraphs inside a longer one: remove them, only report them, or ignore.",
        ),
        _config_option(
            "--keep",
            help="Which copy of a cluster is kept: first (corpus order), longest (most words), or for records "
            "FIELD:min, FIELD:max, FIELD=v1,v2,... (preferred values first; records without the field last). "
            "Ties go to corpus order.",
        ),
    )


def boilerplate_options() -> Decorator:
    """Site chrome: --boilerplate/--no-boilerplate, --rules, --min-files, --comments, --site."""
    return compose(
        click.option("--boilerplate/--no-boilerplate", default=True, show_default=True, help="Strip site chrome."),
        click.option(
            "--rules",
            "rules_file",
            type=click.Path(path_type=Path),
            default=None,
            help="Extra boilerplate rules: 'kind: regex' per line.",
        ),
        _config_option("--min-files", type=int, help="A short line in this many files is boilerplate."),
        _config_option(
            "--comments",
            type=click.Choice(["keep", "drop"]),
            help="Readers' comments under an article: keep them, or drop a comment thread found below the "
            "article (reason boilerplate:structure:comments; see the README's Quality section).",
        ),
        _config_option(
            "--site",
            help="Where a document's site comes from: auto (a record's url host, domain or site field), "
            "folder (the first folder under IN), none, or field:NAME. A line recurring within a site is "
            "chrome; across sites only a three-line block is.",
        ),
    )


def engine_options() -> Decorator:
    """Where the work runs: --workers, --engine, --address."""
    return compose(
        click.option("--workers", type=int, default=0, show_default=True, help="Processes (0 = all cores)."),
        click.option(
            "--snapshot/--no-snapshot",
            default=True,
            show_default=True,
            help="Keep a decoded copy of each file in the temporary folder (TMPDIR; about the corpus's size) "
            "so each file is read once; --no-snapshot reads the files again in each pass.",
        ),
        click.option(
            "--engine",
            type=click.Choice(["local", "ray"]),
            default="local",
            show_default=True,
            help="Run on this machine, or as tasks on a Ray cluster (needs nettoyeur[ray]); same output.",
        ),
        click.option(
            "--address",
            default=None,
            help="With --engine ray: the cluster to join (auto, host:6379, ray://host:10001); default: start Ray here.",
        ),
    )


def report_option() -> Decorator:
    """--report: where the report records go."""
    return click.option(
        "--report",
        type=click.Path(path_type=Path),
        default=None,
        help="Report path (default OUT.report.jsonl beside OUT; summary in OUT.summary.json).",
    )


def limit_options() -> Decorator:
    """Caps on hostile input: --max-line-chars, --max-file-mb, --max-file-lines."""
    return compose(
        _config_option(
            "--max-line-chars", type=int, help="Longer lines are kept but not analysed (listed in the summary)."
        ),
        click.option(
            "--max-file-mb",
            type=float,
            default=_D.max_file_bytes / 2**20,  # the config counts bytes, the command line MiB
            show_default=True,
            help="Larger files are skipped unread (reason too-large).",
        ),
        _config_option("--max-file-lines", type=int, help="Files with more lines are skipped (reason too-many-lines)."),
    )


def write_options() -> Decorator:
    """How OUT is written: --dry-run, --overwrite, --resume (``clean`` only)."""
    return compose(
        click.option("--dry-run", is_flag=True, help="Write only the report, not the cleaned corpus."),
        click.option("--overwrite", is_flag=True, help="Allow a non-empty OUT (files there are replaced)."),
        click.option(
            "--resume",
            is_flag=True,
            help="Continue an interrupted run (same options): the analysis runs again, "
            "finished files are not rewritten.",
        ),
    )


def review_options() -> Decorator:
    """--review, --annotate, --annotate-field: see what a clean did (``clean`` only)."""
    return compose(
        click.option(
            "--review",
            "review",
            is_flag=True,
            help="Also write the HTML review page (x.review.html beside the report; see 'nettoyeur review').",
        ),
        click.option(
            "--annotate",
            is_flag=True,
            help="Records only: remove nothing; write each record whole with a field listing its paragraphs' "
            "verdicts (spans, reason, kept copy, similarity).",
        ),
        click.option(
            "--annotate-field",
            default=DEFAULT_FIELD,
            show_default=True,
            help="With --annotate: the field that receives the verdicts.",
        ),
    )


def quiet_option() -> Decorator:
    """--quiet/-q: no progress bars, no table."""
    return click.option("--quiet", "-q", is_flag=True, help="No progress bars and no summary table.")


@main.command()
@location_arguments()
@dedup_options()
@boilerplate_options()
@engine_options()
@report_option()
@limit_options()
@write_options()
@review_options()
@quiet_option()
@format_options
def clean(
    input_dir: Path,
    output_dir: Path,
    threshold: float,
    num_perm: int,
    ngram: int,
    containment: str,
    keep: str,
    boilerplate: bool,
    rules_file: Path | None,
    min_files: int,
    comments: str,
    site: str,
    workers: int,
    snapshot: bool,
    engine: str,
    address: str | None,
    report: Path | None,
    max_line_chars: int,
    max_file_mb: float,
    max_file_lines: int,
    dry_run: bool,
    overwrite: bool,
    resume: bool,
    review: bool,
    annotate: bool,
    annotate_field: str,
    quiet: bool,
    **formats: Any,
) -> None:
    """Clean IN into OUT: a folder of .txt/.md files, or JSON Lines/Parquet records (file or shards)."""
    out_given = str(output_dir)  # "out.parquet/" asks for a folder: nettoyeur.clean reads the final slash
    output_dir = Path(out_given)
    if resume and dry_run:
        click.echo("Error: --resume continues writing OUT; it cannot be combined with --dry-run.", err=True)
        sys.exit(EXIT_USAGE)
    try:
        config = CleanConfig(
            threshold=threshold,
            num_perm=num_perm,
            ngram=ngram,
            containment=containment,  # type: ignore[arg-type]
            boilerplate=boilerplate,
            rules_file=rules_file,
            min_files=min_files,
            max_line_chars=max_line_chars,
            max_file_bytes=round(max_file_mb * 2**20),
            max_file_lines=max_file_lines,
            workers=workers,
            snapshot=snapshot,
            keep=keep,
            comments=comments,  # type: ignore[arg-type]
            site=site,
        )
        _check_before_reading(input_dir, output_dir, report, rules_file, overwrite or dry_run or resume)
        with sigterm_as_interrupt():
            summary = clean_corpus(
                input_dir,
                out_given,
                config=config,
                report=report,
                dry_run=dry_run,
                overwrite=overwrite,
                resume=resume,
                quiet=quiet,
                engine=engine,
                address=address,
                annotate=annotate_field if annotate else None,
                **formats,
            )
    except KeyboardInterrupt:
        # The run cleared its temporary files while it held OUT's lock (nettoyeur.corpus.run_lock).
        # A second Ctrl-C must not cut the message short. The handler is put back afterwards: an
        # ignored SIGINT is inherited by every process started later (a caller's, a test's).
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            click.echo(_interrupted(output_dir, dry_run), err=True)
        finally:
            signal.signal(signal.SIGINT, previous)
        _exit_interrupted()
    except InputChangedError as err:  # it may come after files were written: not "nothing written"
        more = "" if dry_run else (
            f" Files already written in {output_dir} are whole; once the input no longer changes, run the same "
            "command with --resume to finish."
        )
        click.echo(f"Error: {err}{more}", err=True)
        _exit(EXIT_IO)
    except NettoyeurError as err:
        click.echo(f"Error: {err}", err=True)
        _exit(EXIT_USAGE)
    except OSError as err:
        where = Locations(output_dir, report or default_report_path(output_dir), formats.get("index"), snapshot)
        click.echo(_io_error(err, output_dir, dry_run, where), err=True)
        _exit(EXIT_IO)
    _show_result(summary, config.max_line_chars, review, quiet, output_dir, dry_run)


def _show_result(
    summary: dict[str, Any], max_line_chars: int, review: bool, quiet: bool, output_dir: Path, dry_run: bool
) -> None:
    """Says what the run did (warnings, changes, the table, skips), writes the review page, exits."""
    if summary.get("long_lines"):
        click.echo(
            f"warning: {len(summary['long_lines'])} line(s) longer than {max_line_chars:,} characters were "
            "kept without analysis (see long_lines in the summary; --max-line-chars sets the cap)",
            err=True,
        )
    _say_what_changed(summary)
    page = None
    if review:
        from nettoyeur.review import write_review

        try:
            page = write_review(summary["report"])
        except OSError as err:
            click.echo(_io_error(err, output_dir, dry_run=True), err=True)
            sys.exit(EXIT_IO)
    if not quiet:
        from collections import Counter

        click.echo(table(Counter(summary["counts"]), len(summary["skipped"]), summary["files"]))
        click.echo(f"report: {summary['report']}")
        if page is not None:
            click.echo(f"review: {page}")
    for skip in summary["skipped"][:10]:  # -q quiets the table, not what was left out (stderr)
        click.echo(f"skipped {skip['file']}: {skip['reason']} ({skip['detail']})", err=True)
    if len(summary["skipped"]) > 10:
        click.echo(f"... and {len(summary['skipped']) - 10:,} more skipped (listed in the summary)", err=True)
    sys.exit(EXIT_SKIPPED if summary["skipped"] else EXIT_OK)


def _say_what_changed(summary: dict[str, Any]) -> None:
    """Prints (to stderr, also with -q) what a run did to OUT beyond writing: stale outputs, foreign files, resume."""
    since = summary.get("since_journal")
    if since is not None:
        click.echo(
            f"resume: {since['inputs_changed']:,} input(s) changed, {since['inputs_new']:,} new and "
            f"{since['inputs_gone']:,} gone since the journal",
            err=True,
        )
    stale = summary.get("stale_outputs_removed") or []
    if stale:
        click.echo(
            f"removed {len(stale):,} output(s) of an earlier run that no input maps to any more "
            "(stale_outputs_removed in the summary)",
            err=True,
        )
    foreign = summary.get("foreign_files_kept") or []
    if foreign:
        click.echo(
            f"warning: {len(foreign):,} file(s) in OUT that nettoyeur did not write and no input maps to were left "
            "there (--overwrite; foreign_files_kept in the summary)",
            err=True,
        )


def _check_before_reading(
    input_dir: Path, output_dir: Path, report: Path | None, rules_file: Path | None, overwrite: bool
) -> None:
    """Checks the locations and the rules file before any input is read, so that a mistake costs nothing.

    Raises:
        InputError: IN, OUT or the report path cannot be used.
        ConfigError: the rules file cannot be read as UTF-8 or holds a bad rule (``file:line``).
    """
    check_free(output_dir, "output")  # a run in progress is named before anything else is said about OUT
    check_free(report or default_report_path(output_dir), "report")
    if detect(input_dir) == "text":  # record inputs (a file, shards) are checked when opened
        check_locations(input_dir, output_dir, overwrite=overwrite)
    check_report_location(input_dir, output_dir, report or default_report_path(output_dir))
    if rules_file is not None:
        try:
            load_rules(rules_file)
        except UnicodeDecodeError as err:
            raise ConfigError(
                f"rules file {rules_file} is not UTF-8 (byte {err.start}): save it as UTF-8 and run again."
            ) from err
        except OSError as err:
            raise ConfigError(f"cannot read rules file {rules_file}: {err.strerror or err}.") from err


# What to do about an I/O error, by errno.
_ADVICE = {
    errno.ENOSPC: "Free space on the disk",
    errno.EDQUOT: "Free space (the disk quota is exceeded)",
    errno.EFBIG: "The file is too large for this file system or for the process's file-size limit",
    errno.EACCES: "Fix the permissions: make the folder or file writable (or readable)",
    errno.EPERM: "Fix the permissions",
    errno.EROFS: "The file system is read-only: choose a location on another one",
    errno.ENOENT: "A folder was removed or is missing: check that OUT and its parent still exist",
}


def _in_spill(path: object) -> bool:
    """True when ``path`` lies in a run's spill folder (in the temporary folder)."""
    return isinstance(path, str) and Path(path).parent.name.startswith(SPILL_PREFIX)


@dataclass(frozen=True)
class Locations:
    """Where a run writes: to name the location an I/O error happened in."""

    output: Path
    report: Path
    index: str | None = None
    snapshot: bool = True

    def of(self, path: str | None) -> str | None:
        """Returns ``OUT``, ``report``, ``index`` or ``TMPDIR`` for a path the run wrote, or None."""
        if not path:
            return None
        target = Path(os.path.abspath(path))

        def within(folder: Path | str) -> bool:
            base = Path(os.path.abspath(folder))
            return target == base or base in target.parents

        report = Path(os.path.abspath(self.report))
        companions = (report, summary_path(report), checksums_path(report))
        beside_report = target.parent == report.parent and target.name.startswith(
            tuple(p.name for p in companions) + tuple(temporary_prefix(p) for p in companions)
        )
        out = Path(os.path.abspath(self.output))
        if target == report or beside_report or target == report.parent:
            return "report"
        if within(out) or target == journal_path(out) or target.name.startswith(out.name + "."):
            return "OUT"
        if self.index and not self.index.startswith("redis://") and within(self.index):
            return "index"
        if _in_spill(str(target)) or within(os.environ.get("TMPDIR") or tempfile.gettempdir()):
            return "TMPDIR"
        return None


# What each location is and what to do there, for the message.
_WHERE = {
    "OUT": "It is in OUT, the output folder.",
    "report": "It is where the report goes (with its summary and checksums): make room or fix it there, or give "
    "--report another path.",
    "index": "It is in the --index folder, which is left as it was before this run.",
    "TMPDIR": "It is in TMPDIR, the temporary folder: the run's temporary files take about the corpus's size; "
    "point TMPDIR at a disk with more room",
}


def _io_error(err: OSError, output_dir: Path, dry_run: bool, where: Locations | None = None) -> str:
    """Returns the message for an I/O error: the path, which location it is, what happened, what to do next."""
    filename = getattr(err, "filename", None)
    shown = f" {filename}" if filename else ""
    advice = _ADVICE.get(err.errno or 0, "Check the path and the device")
    location = where.of(filename) if where is not None else ("TMPDIR" if _in_spill(filename) else None)
    message = f"Error: I/O error on{shown}: {err.strerror or err}. {advice}."
    if location is not None:
        message += " " + _WHERE[location]
        if location == "TMPDIR":
            message += ", or add --no-snapshot, which needs less." if where is None or where.snapshot else "."
    if not dry_run:
        message += (
            f" Files already written in {output_dir} are whole; none is half-written. "
            "Then run the same command with --resume to finish."
        )
    return message


def _exit_interrupted() -> NoReturn:
    """Exits with code 130 (see :func:`_exit`)."""
    _exit(EXIT_INTERRUPTED)


def _exit(code: int) -> NoReturn:
    """Exits with ``code`` once a run has failed or been interrupted, even when a worker pool's thread cannot end.

    A worker terminated while it was sending a result leaves the pool's manager thread
    waiting for the rest of the message forever; the interpreter joins such threads at
    exit, so a plain ``sys.exit`` would hang (seen after a full disk with 2 workers, about
    one run in ten). The cleanup is done and the message printed: such threads are given
    ``EXIT_GRACE_SECONDS`` to end, and when one is still alive the process ends without it.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    main_thread = threading.main_thread()
    deadline = time.monotonic() + EXIT_GRACE_SECONDS
    for thread in threading.enumerate():
        if thread is not main_thread and not thread.daemon:
            thread.join(max(0.0, deadline - time.monotonic()))
    if any(t.is_alive() and not t.daemon and t is not main_thread for t in threading.enumerate()):
        os._exit(code)
    sys.exit(code)


def _interrupted(output_dir: Path, dry_run: bool) -> str:
    """Returns the message for an interrupted run: what was finished and how to go on."""
    if dry_run:
        return "Interrupted: nothing was written (dry run)."
    done = finished_count(output_dir)
    if done == 0:
        return (
            f"Interrupted before any file was finished in {output_dir}; temporary files were removed. "
            "Run the same command again (with --resume) to clean."
        )
    return (
        f"Interrupted: {done:,} file(s) are finished in {output_dir} (listed in {journal_path(output_dir)}); "
        "none is half-written and temporary files were removed. "
        "Run the same command with --resume to finish without rewriting them."
    )


@main.command()
@click.argument("report", metavar="REPORT", type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), default=None, help="The page (default x.review.html beside it)."
)
@click.option("--sample", type=int, default=20, show_default=True, help="Removals sampled per rule.")
@click.option("--seed", type=int, default=0, show_default=True, help="Sampling seed (same seed, same page).")
@click.option(
    "--input",
    "input_path",
    type=click.Path(path_type=Path),
    default=None,
    help="Where the cleaned input is now, for the context lines (default: the summary's input).",
)
def review(report: Path, output: Path | None, sample: int, seed: int, input_path: Path | None) -> None:
    """Write an HTML page to review a clean: counts, samples per rule, clusters side by side, repairs."""
    from nettoyeur.review import write_review

    try:
        page = write_review(report, output, sample=sample, seed=seed, input_path=input_path)
    except NettoyeurError as err:
        click.echo(f"Error: {err}", err=True)
        sys.exit(EXIT_USAGE)
    except OSError as err:
        click.echo(f"Error: cannot write the page: {err.strerror or err} ({err.filename}).", err=True)
        sys.exit(EXIT_IO)
    click.echo(f"review: {page} (open it in a browser)")


main.add_command(make_scan(clean))
main.add_command(explain_command)

if __name__ == "__main__":  # pragma: no cover
    main()
