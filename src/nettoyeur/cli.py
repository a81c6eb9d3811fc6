"""The command line: a thin layer that builds the config and maps errors to exit codes.

Exit codes: 0 done; 1 done, but some files were skipped (see the report); 2 usage or
input error (nothing written); 3 an I/O error while writing (files already written are
whole, the rest is not written).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from nettoyeur import __version__
from nettoyeur.config import CleanConfig
from nettoyeur.errors import NettoyeurError
from nettoyeur.pipeline import clean_folder
from nettoyeur.report import table

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
) -> None:
    """Clean the text files of IN into OUT (same relative paths, UTF-8)."""
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
        summary = clean_folder(
            input_dir,
            output_dir,
            config,
            report=report,
            dry_run=dry_run,
            overwrite=overwrite,
            quiet=quiet,
            engine=engine,
            address=address,
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


if __name__ == "__main__":  # pragma: no cover
    main()
