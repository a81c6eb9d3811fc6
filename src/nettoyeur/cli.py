"""The command line: a thin layer that builds the config and maps errors to exit codes.

Exit codes: 0 done; 1 done, but some files were skipped (see the report); 2 usage or
input error (nothing written); 3 an I/O error while writing (files already written are
whole, the rest is not written).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from nettoyeur import __version__
from nettoyeur.api import run_paths
from nettoyeur.config import CleanConfig
from nettoyeur.errors import ConfigError, NettoyeurError
from nettoyeur.explain import explain_command, format_options, make_scan
from nettoyeur.formats import detect
from nettoyeur.read import check_locations, check_report_location
from nettoyeur.report import default_report_path, table
from nettoyeur.rules import load_rules

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_IO = 0, 1, 2, 3
_D = CleanConfig()  # the documented defaults, shown in --help


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="nettoyeur")
def main() -> None:
    """nettoyeur: repair encodings, strip boilerplate and remove near-duplicate paragraphs."""


@main.command()
@click.argument("input_dir", metavar="IN", type=click.Path(path_type=Path))
@click.argument("output_dir", metavar="OUT", type=click.Path(path_type=Path))
@click.option(
    "--threshold",
    type=float,
    default=_D.threshold,
    show_default=True,
    help="Jaccard similarity the LSH index is tuned for (candidates are verified exactly).",
)
@click.option("--num-perm", type=int, default=_D.num_perm, show_default=True, help="MinHash permutations.")
@click.option("--ngram", type=int, default=_D.ngram, show_default=True, help="Words per shingle.")
@click.option(
    "--containment",
    type=click.Choice(["remove", "report", "off"]),
    default=_D.containment,
    show_default=True,
    help="Paragraphs inside a longer one: remove them, only report them, or ignore.",
)
@click.option("--boilerplate/--no-boilerplate", default=True, show_default=True, help="Strip site chrome.")
@click.option(
    "--rules",
    "rules_file",
    type=click.Path(path_type=Path),
    default=None,
    help="Extra boilerplate rules: 'kind: regex' per line.",
)
@click.option(
    "--min-files",
    type=int,
    default=_D.min_files,
    show_default=True,
    help="A short line in this many files is boilerplate.",
)
@click.option("--workers", type=int, default=0, show_default=True, help="Processes (0 = all cores).")
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Run on this machine, or as tasks on a Ray cluster (needs nettoyeur[ray]); same output.",
)
@click.option(
    "--address",
    default=None,
    help="With --engine ray: the cluster to join (auto, host:6379, ray://host:10001); default: start Ray here.",
)
@click.option(
    "--report",
    type=click.Path(path_type=Path),
    default=None,
    help="Report path (default OUT.report.jsonl beside OUT; summary in OUT.summary.json).",
)
@click.option("--dry-run", is_flag=True, help="Write only the report, not the cleaned corpus.")
@click.option("--overwrite", is_flag=True, help="Allow a non-empty OUT (files there are replaced).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bars and no summary table.")
@format_options
def clean(
    input_dir: Path,
    output_dir: Path,
    threshold: float,
    num_perm: int,
    ngram: int,
    containment: str,
    boilerplate: bool,
    rules_file: Path | None,
    min_files: int,
    workers: int,
    engine: str,
    address: str | None,
    report: Path | None,
    dry_run: bool,
    overwrite: bool,
    quiet: bool,
    **formats: Any,
) -> None:
    """Clean IN into OUT: a folder of .txt/.md files, or JSON Lines/Parquet records (file or shards)."""
    try:
        config = CleanConfig(
            threshold=threshold,
            num_perm=num_perm,
            ngram=ngram,
            containment=containment,  # type: ignore[arg-type]
            boilerplate=boilerplate,
            rules_file=rules_file,
            min_files=min_files,
            workers=workers,
        )
        _check_before_reading(input_dir, output_dir, report, rules_file, overwrite or dry_run)
        summary = run_paths(
            input_dir,
            output_dir,
            config,
            report=report,
            dry_run=dry_run,
            overwrite=overwrite,
            quiet=quiet,
            engine=engine,
            address=address,
            **formats,
        )
    except NettoyeurError as err:
        click.echo(f"Error: {err}", err=True)
        sys.exit(EXIT_USAGE)
    except OSError as err:
        where = f" ({err.filename})" if getattr(err, "filename", None) else ""
        click.echo(
            f"Error: cannot write{where}: {err.strerror or err}. Free space or fix permissions, then run again.",
            err=True,
        )
        sys.exit(EXIT_IO)
    if not quiet:
        from collections import Counter

        click.echo(table(Counter(summary["counts"]), len(summary["skipped"]), summary["files"]))
        click.echo(f"report: {summary['report']}")
        for skip in summary["skipped"][:10]:
            click.echo(f"skipped {skip['file']}: {skip['reason']} ({skip['detail']})", err=True)
    sys.exit(EXIT_SKIPPED if summary["skipped"] else EXIT_OK)


def _check_before_reading(
    input_dir: Path, output_dir: Path, report: Path | None, rules_file: Path | None, overwrite: bool
) -> None:
    """Checks the locations and the rules file before any input is read, so that a mistake costs nothing.

    Raises:
        InputError: IN, OUT or the report path cannot be used.
        ConfigError: the rules file cannot be read as UTF-8 or holds a bad rule (``file:line``).
    """
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


main.add_command(make_scan(clean))
main.add_command(explain_command)

if __name__ == "__main__":  # pragma: no cover
    main()
